"""Events the coder gives on real French news, with and without the language check.

    python benchmarks/french_events.py [../shared/data/news/bbc-afrique-fr-dev.jsonl]

"read as English" codes every article with the English coder (what the coder did before it
read the language); "English only" codes no events for a language it cannot read (the rule
before the French coder); "French coder" is the default, which reads French
(events/french.py).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from harmattan.events.coder import CoderSettings, EventCoder
from harmattan.ingest.readers import read_inputs
from harmattan.schema import Article

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc-afrique-fr-dev.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    articles = [r for r in read_inputs([path]) if isinstance(r, Article)]
    print(f"{path.name}: {len(articles)} articles, languages {dict(Counter(a.language for a in articles))}")
    for label, languages, as_english in (("read as English", ("en",), True), ("English only", ("en",), False),
                                         ("French coder (default)", ("en", "fr"), False)):
        coder = EventCoder(settings=replace(CoderSettings(), languages=languages)).initialize()
        batch = [replace(a, language="en") if as_english else a for a in articles]
        events = [e for i in range(0, len(batch), 16) for e in coder.code(batch[i:i + 16])]
        types = Counter(e.plover.event if e.plover else None for e in events)
        print(f"{label}: {len(events)} events in {len({e.article_id for e in events})} articles; "
              f"types {dict(types.most_common(5))}")


if __name__ == "__main__":
    main()

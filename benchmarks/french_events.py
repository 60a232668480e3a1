"""Events the coder gives on real French news, with and without the language check.

    python benchmarks/french_events.py [../shared/data/news/bbc-afrique-fr-dev.jsonl]

"before" codes every article as English (the coder's behaviour before it read the
language); "after" is the default coder, which codes no events for a language it cannot read.
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
    for label, languages in (("before (read as English)", ("en", "fr")), ("after (default)", ("en",))):
        coder = EventCoder(settings=replace(CoderSettings(), languages=languages)).initialize()
        events = [e for i in range(0, len(articles), 16) for e in coder.code(articles[i:i + 16])]
        types = Counter(e.plover.event if e.plover else None for e in events)
        print(f"{label}: {len(events)} events in {len({e.article_id for e in events})} articles; "
              f"types {dict(types.most_common(5))}")


if __name__ == "__main__":
    main()

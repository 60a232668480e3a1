"""Actors found in real French news: mentions per kind, and the French ones the issue names.

    python benchmarks/french_actors.py [../shared/data/news/bbc-afrique-fr-dev.jsonl]

Splits each article into sentences and prints how many actor mentions the dictionaries find,
how many carry a country or body code, and the count of a few French forms (CEDEAO, demonyms
of Niger and Nigeria, "soldats"/"armée" + adjective).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from harmattan.actors import default_resolver
from harmattan.nlp.sentences import split_sentences

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc-afrique-fr-dev.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    resolver = default_resolver()
    counts: Counter[str] = Counter()
    for line in path.open(encoding="utf-8"):
        text = json.loads(line)["text"]
        for sentence in split_sentences(text):
            counts["sentences"] += 1
            for actor in resolver.find_actors(sentence.text, None):
                counts["mentions"] += 1
                counts["with a code"] += bool(actor.code)
                counts["IGO"] += actor.code == "IGO"
                counts["agent + adjective or de/du"] += " " in actor.text and actor.entry is not None \
                    and ":agents:" in actor.entry and bool(actor.code)
                counts["NER"] += actor.code == "NER"
                counts["NGA"] += actor.code == "NGA"
    print(f"{path.name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()

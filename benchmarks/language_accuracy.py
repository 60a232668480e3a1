"""Language detection on the shared corpora: accuracy and speed (one process).

    python benchmarks/language_accuracy.py

Prints, for each corpus, the detected languages, the share right, and articles per second.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from harmattan.nlp.language import detect_language

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
CORPORA = [("bbc-afrique-fr-dev.jsonl", "fr"), ("insightcrime-train.jsonl", "en")]


def main() -> None:
    for name, expected in CORPORA:
        texts = [json.loads(line)["text"] for line in (NEWS / name).open(encoding="utf-8")]
        start = time.perf_counter()
        found = Counter(detect_language(text) for text in texts)
        seconds = time.perf_counter() - start
        print(f"{name}: {dict(found)}; {found[expected]}/{len(texts)} = "
              f"{found[expected] / len(texts):.4f} {expected}; {len(texts) / seconds:,.0f} articles/s")


if __name__ == "__main__":
    main()

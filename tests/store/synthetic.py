"""Short synthetic articles for the crash, concurrency and speed tests (deterministic)."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

COUNTRIES = ["Mali", "Niger", "Burkina Faso", "Chad", "Nigeria", "Senegal", "Ghana", "Benin"]
VERBS = ["attacked", "clashed with", "met", "protested against", "condemned"]
TOWNS = ["Gao", "Agadez", "Dori", "Abeche", "Maiduguri", "Kolda", "Tamale", "Parakou", "Mopti",
         "Tillaberi", "Djibo", "Mongo"]
FILLER = ["officials said", "witnesses reported", "according to local radio", "sources confirmed",
          "the ministry announced", "residents told reporters"]


def synthetic_articles(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    start = dt.date(2024, 3, 1)
    records: list[dict] = []
    for i in range(n):
        if i % 10 == 9 and records:  # a wire copy of a recent article, one figure changed
            base = rng.choice(records[-20:])
            text = base["text"].replace("killed", "reportedly killed", 1) + " (updated)"
            records.append({"id": f"s{i:05d}", "date": base["date"], "source": f"Outlet {i % 7}", "text": text})
            continue
        a, b = rng.sample(COUNTRIES, 2)
        verb = rng.choice(VERBS)
        town = rng.choice(TOWNS)
        sentences = [f"{a} {verb} {b} near {town} on day {i}, {rng.choice(FILLER)}."]
        if verb in {"attacked", "clashed with"}:
            sentences.append(f"The fighting killed {rng.randint(0, 40)} people in {town} district {i % 97}.")
        sentences.append(f"Report number {i} from {town}: {rng.choice(FILLER)} in a statement.")
        records.append({"id": f"s{i:05d}", "date": (start + dt.timedelta(days=i % 30)).isoformat(),
                        "source": f"Outlet {i % 7}", "text": " ".join(sentences)})
    return records


def write_synthetic(path: Path, n: int, seed: int = 7) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in synthetic_articles(n, seed)), encoding="utf-8")
    return path

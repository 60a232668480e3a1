"""Stand-off annotations of real text: what to annotate, and labels back to offsets.

Annotations live in ``annotations/`` at the repository root as JSONL label lines keyed by
``"<record id>:<start>-<end>"`` into a file of ``../shared/data``; no third-party text is kept
there.  This module

- lists the units to annotate (:func:`act_units`: every sentence of chosen articles, split by
  the coder's own splitter; :func:`acled_units`: snippets cut from real articles the way real
  ACLED-style snippets come — headlines, one to three sentences, text cut off mid-sentence),
- turns an annotator's label (actors written as words of the sentence) into offsets
  (:func:`to_standoff`), refusing a phrase that is not in the unit,
- reads the labels back with their text (:func:`load_labels`), checking every span.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harmattan.nlp.sentences import split_sentences


@dataclass(frozen=True)
class Unit:
    """A span of a shared-data record to be labelled."""

    corpus: str  # file under the shared data folder, e.g. "news/insightcrime-train.jsonl"
    record_id: str
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return f"{self.record_id}:{self.start}-{self.end}"


def read_records(data_dir: Path, corpus: str) -> dict[str, dict[str, Any]]:
    """The records of a shared-data JSONL file, by id."""
    records: dict[str, dict[str, Any]] = {}
    with (data_dir / corpus).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records[str(record["id"])] = record
    return records


def act_units(data_dir: Path, corpus: str, record_ids: list[str]) -> list[Unit]:
    """Every sentence of the given articles, in article order."""
    records = read_records(data_dir, corpus)
    units = []
    for record_id in record_ids:
        text = records[record_id]["text"]
        for sentence in split_sentences(text, record_id):
            units.append(Unit(corpus, record_id, sentence.start, sentence.end, sentence.text))
    return units


def choose_articles(data_dir: Path, corpus: str, count: int, seed: int) -> list[str]:
    """``count`` record ids drawn with a fixed seed (sorted ids first, so the draw is stable)."""
    ids = sorted(read_records(data_dir, corpus))
    return sorted(random.Random(seed).sample(ids, min(count, len(ids))))


_WORD_END = re.compile(r"\s+")


def acled_targeted_units(data_dir: Path, corpus: str, pattern: str, count: int, seed: int,
                         exclude: set[str]) -> list[Unit]:
    """``count`` snippets of ``corpus`` whose first sentence matches ``pattern`` (regular
    expression, case-insensitive): one or two whole sentences, or cut off after 15–45 words
    a quarter of the time; at most two snippets from one article, none whose key is in
    ``exclude`` or that overlaps one of them."""
    rng = random.Random(seed)
    wanted = re.compile(pattern, re.IGNORECASE)
    records = read_records(data_dir, corpus)
    taken: dict[str, list[tuple[int, int]]] = {}
    for key in exclude:
        record_id, span = key.rsplit(":", 1)
        a, b = (int(x) for x in span.split("-"))
        taken.setdefault(record_id, []).append((a, b))
    candidates = []
    for record_id in sorted(records):
        text = records[record_id]["text"]
        sentences = split_sentences(text, record_id)
        for i, sentence in enumerate(sentences):
            if wanted.search(sentence.text):
                candidates.append((record_id, i, sentences))
    rng.shuffle(candidates)
    units: list[Unit] = []
    per_article: dict[str, int] = {}
    for record_id, i, sentences in candidates:
        if len(units) >= count:
            break
        if per_article.get(record_id, 0) >= 2:
            continue
        text = records[record_id]["text"]
        chosen = sentences[i:i + rng.choice([1, 1, 2])]
        start, end = chosen[0].start, chosen[-1].end
        if rng.random() < 0.25:
            words = [m.start() for m in _WORD_END.finditer(text, start, end)]
            limit = rng.randint(15, 45)
            if len(words) > limit:
                end = words[limit]
        if len(text[start:end].split()) < 5 or any(
                a < end and start < b for a, b in taken.get(record_id, [])):
            continue
        taken.setdefault(record_id, []).append((start, end))
        per_article[record_id] = per_article.get(record_id, 0) + 1
        units.append(Unit(corpus, record_id, start, end, text[start:end]))
    return units


def acled_units(data_dir: Path, corpus: str, count: int, seed: int) -> list[Unit]:
    """``count`` snippets from the articles of ``corpus``, in the registers of real snippets.

    A quarter are an article's first sentence (often its headline), half are one to three
    whole sentences from anywhere in the article, and a quarter are cut off after 15–45 words,
    mid-sentence.  At most two snippets come from one article.
    """
    rng = random.Random(seed)
    records = read_records(data_dir, corpus)
    ids = sorted(records)
    rng.shuffle(ids)
    units: list[Unit] = []
    per_article: dict[str, int] = {}
    for record_id in ids * 2:
        if len(units) >= count:
            break
        if per_article.get(record_id, 0) >= 2:
            continue
        text = records[record_id]["text"]
        sentences = split_sentences(text, record_id)
        if not sentences:
            continue
        style = rng.random()
        if style < 0.25 and per_article.get(record_id, 0) == 0:
            first = sentences[0]
            start, end = first.start, first.end
        else:
            i = rng.randrange(len(sentences))
            n = rng.choice([1, 1, 2, 3])
            chosen = sentences[i : i + n]
            start, end = chosen[0].start, chosen[-1].end
            if style >= 0.75:
                words = [m.start() for m in _WORD_END.finditer(text, start, end)]
                limit = rng.randint(15, 45)
                if len(words) > limit:
                    end = words[limit]
        snippet = text[start:end]
        if len(snippet.split()) < 5:
            continue
        key = f"{record_id}:{start}-{end}"
        if any(u.key == key for u in units):
            continue
        per_article[record_id] = per_article.get(record_id, 0) + 1
        units.append(Unit(corpus, record_id, start, end, snippet))
    return units


def locate(phrase: str, unit_text: str) -> tuple[int, int]:
    """Offsets of ``phrase`` in ``unit_text`` (first occurrence, exact, then case-insensitive)."""
    at = unit_text.find(phrase)
    if at < 0:
        at = unit_text.lower().find(phrase.lower())
    if at < 0:
        raise ValueError(f"actor phrase {phrase!r} is not in the sentence {unit_text!r}")
    return at, at + len(phrase)


def to_standoff(label: dict[str, Any], unit: Unit) -> dict[str, Any]:
    """An annotator's label with actor words replaced by article offsets ``[start, end]``."""
    out = {k: v for k, v in label.items() if k != "events"}
    out["key"] = unit.key
    events = []
    for event in label.get("events") or []:
        event = dict(event)
        for role in ("source", "target"):
            phrase = event.get(role)
            if isinstance(phrase, str) and phrase:
                s, e = locate(phrase, unit.text)
                event[role] = [unit.start + s, unit.start + e]
            elif not isinstance(phrase, list):
                event[role] = None
        events.append(event)
    if "events" in label:
        out["events"] = events
    return out


def load_labels(path: Path, data_dir: Path, corpus_of: dict[str, str]) -> list[dict[str, Any]]:
    """Label lines of ``path`` with ``text`` filled from the shared data, spans checked.

    ``corpus_of`` maps a record-id prefix (``"ic-"``) to its corpus file.
    """
    cache: dict[str, dict[str, dict[str, Any]]] = {}
    out = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            label = json.loads(line)
            record_id, span = label["key"].rsplit(":", 1)
            start, end = (int(x) for x in span.split("-"))
            corpus = next((c for p, c in corpus_of.items() if record_id.startswith(p)), None)
            if corpus is None:
                raise ValueError(f"{path}:{number}: no corpus for record {record_id!r}")
            if corpus not in cache:  # each corpus read once, not once a label
                cache[corpus] = read_records(data_dir, corpus)
            records = cache[corpus]
            text = records[record_id]["text"]
            if not 0 <= start < end <= len(text):
                raise ValueError(f"{path}:{number}: span {start}-{end} outside {record_id}")
            label["text"] = text[start:end]
            label["record_id"], label["start"], label["end"] = record_id, start, end
            for event in label.get("events") or []:
                for role in ("source", "target"):
                    span_ = event.get(role)
                    if span_ is not None and not (start <= span_[0] < span_[1] <= end):
                        raise ValueError(f"{path}:{number}: {role} span {span_} outside the unit")
            out.append(label)
    return out

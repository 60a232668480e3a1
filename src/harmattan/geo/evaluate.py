"""Score the geoparser on gold toponyms: precision, recall, and accuracy within 161 km.

Gold records are ``{"id", "text", "toponyms": [{"start", "end", "lat", "lon", "geonameid"}]}``.
A predicted place *finds* a gold toponym when their spans overlap.  Then:

- precision: predicted places that overlap a gold toponym / all predicted places;
- recall: gold toponyms found / all gold toponyms;
- accuracy@161km: among the gold toponyms found, those whose predicted point lies within
  161 km (100 miles, the usual threshold) of the gold point, or that are the same entry: the
  gold GeoNames id, or — for a country or first-level division — the gold Wikipedia page's
  title naming the very country or division chosen (see ``_same_entry``).

Example::

    from harmattan.geo import Geoparser
    from harmattan.geo.evaluate import evaluate_geo, load_geo_gold
    report = evaluate_geo(load_geo_gold("gold.jsonl"), Geoparser().initialize())
    print(report.render())
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from harmattan.errors import InputError
from harmattan.geo.parser import Geoparser, Place
from harmattan.geo.resolve import haversine_km

ACCURACY_KM = 161.0


@dataclass
class GeoReport:
    """Counts and scores of one evaluation, with the misses and mistakes for inspection."""

    records: int = 0
    gold: int = 0
    predicted: int = 0
    predicted_matched: int = 0
    found: int = 0
    accurate: int = 0
    #: Of the accurate, those within 161 km of the gold point (the rest: the same entry).
    within_161km: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def accuracy_161km(self) -> float:
        return self.accurate / self.found if self.found else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "gold_toponyms": self.gold, "predicted": self.predicted,
            "found": self.found, "precision": round(self.precision, 4),
            "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "accuracy_161km": round(self.accuracy_161km, 4), "accurate": self.accurate,
            "within_161km": self.within_161km,
        }

    def render(self) -> str:
        d = self.to_dict()
        return (
            f"records            {d['records']}\n"
            f"gold toponyms      {d['gold_toponyms']}\n"
            f"predicted places   {d['predicted']}\n"
            f"precision          {d['precision']:.3f}\n"
            f"recall             {d['recall']:.3f}  ({d['found']} found)\n"
            f"F1                 {d['f1']:.3f}\n"
            f"accuracy@161km     {d['accuracy_161km']:.3f}  ({d['accurate']} of the found; "
            f"{d['within_161km']} by distance, the rest the same entry)\n"
        )


def load_geo_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read gold records; raise InputError naming the line of a malformed one."""
    records = []
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}", fix="check the path") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: invalid JSON ({exc.msg})",
                             fix="one JSON object per line") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) \
                or not isinstance(record.get("toponyms"), list):
            raise InputError(f"{path}:{number}: expected {{\"id\", \"text\", \"toponyms\": [...]}}",
                             fix="see docs/geo.md for the gold format")
        records.append(record)
    return records


def _overlaps(place: Place, gold: dict[str, Any]) -> bool:
    return place.start < int(gold["end"]) and int(gold["start"]) < place.end


def _within(place: Place, gold: dict[str, Any]) -> bool:
    return gold.get("lat") is not None and gold.get("lon") is not None and haversine_km(
        place.lat, place.lon, float(gold["lat"]), float(gold["lon"])) <= ACCURACY_KM


def _same_entry(place: Place, gold: dict[str, Any], geoparser: Geoparser) -> bool:
    """The gold names the very country or first-level division we chose.

    By GeoNames id; or, for a gold that names its place by Wikipedia page (GeoVirus), when
    that page's title is a name of the country or division chosen.  Only for areas: their
    "centre" is a convention that differs between sources by more than 161 km (GeoNames puts
    the United States at 39.8 N 98.5 W, Wikipedia at 40 N 100 W, countryinfo at 38 N 97 W).
    """
    if gold.get("geonameid") not in (None, "") and place.geonameid == int(gold["geonameid"]):
        return True
    page = str(gold.get("wikipedia") or "")
    if not page or place.feature_code not in ("PCLI", "ADM1"):
        return False
    title = re.sub(r"\s*\(.*\)\s*$", "", unquote(page.rsplit("/", 1)[-1]).replace("_", " "))
    return any(e.feature_code == place.feature_code and e.country == place.country
               and e.name == place.name for e in geoparser.gazetteer_.lookup(title))


def evaluate_geo(records: Iterable[dict[str, Any]], geoparser: Geoparser,
                 ignore_demonyms: bool = False) -> GeoReport:
    """Geoparse each gold text and compare with its gold toponyms.

    ``ignore_demonyms``: a demonym that overlaps no gold toponym ("Malian", "Palestinians") is
    not counted as a prediction — for corpora that leave adjectival uses out (GeoWebNews,
    GeoVirus), where it is neither right nor wrong.
    """
    report = GeoReport()
    for record in records:
        report.records += 1
        text = record["text"]
        places = geoparser.parse_text(text)
        if ignore_demonyms:
            places = [p for p in places
                      if not p.demonym or any(_overlaps(p, g) for g in record["toponyms"])]
        golds = record["toponyms"]
        report.gold += len(golds)
        report.predicted += len(places)
        report.predicted_matched += sum(1 for p in places if any(_overlaps(p, g) for g in golds))
        for p in places:
            if not any(_overlaps(p, g) for g in golds):
                report.errors.append({"id": record.get("id"), "kind": "spurious", "text": p.text,
                                      "start": p.start, "predicted": p.to_dict()})
        for gold in golds:
            match = next((p for p in places if _overlaps(p, gold)), None)
            span = text[int(gold["start"]):int(gold["end"])]
            if match is None:
                report.errors.append({"id": record.get("id"), "kind": "missed", "text": span,
                                      "start": gold["start"], "gold": gold})
                continue
            report.found += 1
            if _within(match, gold):
                report.accurate += 1
                report.within_161km += 1
            elif _same_entry(match, gold, geoparser):
                report.accurate += 1
            else:
                report.errors.append({"id": record.get("id"), "kind": "wrong place", "text": span,
                                      "start": gold["start"], "gold": gold,
                                      "predicted": match.to_dict()})
    return report

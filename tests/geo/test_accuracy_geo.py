"""Out-of-fold accuracy floors on GeoWebNews and GeoVirus (docs/geo.md): each article is
geoparsed by the scorer of the fold that never saw it (benchmarks/geo/scorer_folds.json.gz,
written by ``python -m harmattan.geo.train``), so no scikit-learn is needed here."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from harmattan.geo import Geoparser
from harmattan.geo.evaluate import GeoReport, evaluate_geo, load_geo_gold
from harmattan.geo.scorer import ToponymScorer
from harmattan.geo.train import CORPORA, FOLD_MODELS_PATH, SPLIT_PATH, read_or_write_split

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def out_of_fold(geoparser: Geoparser) -> dict[str, GeoReport]:
    folds = json.loads(gzip.decompress(FOLD_MODELS_PATH.read_bytes()))["folds"]
    records = [{**r, "corpus": name} for name, path in CORPORA.items()
               for r in load_geo_gold(path)]
    split = read_or_write_split(records, SPLIT_PATH)
    reports: dict[str, GeoReport] = {}
    for fold, model in enumerate(folds):
        parser = Geoparser(scorer=ToponymScorer().load(model))
        parser.gazetteer_, parser.scorer_ = geoparser.gazetteer_, parser.scorer
        for corpus in CORPORA:
            part = [r for r in records if r["corpus"] == corpus and split[r["id"]] == fold]
            report = evaluate_geo(part, parser, ignore_demonyms=True)
            total = reports.setdefault(corpus, GeoReport())
            for name in ("records", "gold", "predicted", "predicted_matched", "found",
                         "accurate", "within_161km"):
                setattr(total, name, getattr(total, name) + getattr(report, name))
    return reports


# Measured (docs/geo.md): GeoWebNews P 0.910 R 0.829 acc 0.912 (by distance 0.796);
# GeoVirus P 0.895 R 0.948 acc 0.936 (by distance 0.767).  Floors leave room for noise only.
@pytest.mark.parametrize(("corpus", "records", "precision", "recall", "accuracy", "by_distance"), [
    ("geowebnews", 200, 0.90, 0.82, 0.90, 0.78),
    ("geovirus", 229, 0.88, 0.94, 0.92, 0.75),
])
def test_out_of_fold_floors(out_of_fold: dict[str, GeoReport], corpus: str, records: int,
                            precision: float, recall: float, accuracy: float,
                            by_distance: float) -> None:
    report = out_of_fold[corpus]
    assert report.records == records
    assert report.precision >= precision, report.to_dict()
    assert report.recall >= recall, report.to_dict()
    assert report.accuracy_161km >= accuracy, report.to_dict()
    assert report.within_161km / report.found >= by_distance, report.to_dict()


def test_shipped_scorer_records_its_out_of_fold_figures() -> None:
    model = json.loads(Path(ToponymScorer().path).read_text(encoding="utf-8"))
    figures = model["provenance"]["out_of_fold"]
    assert set(figures) == set(CORPORA)
    assert model["threshold"] == 0.4 and len(model["trees"]) == 150

"""Accuracy floors on the development data, scored honestly with the model's out-of-fold
predictions (docs/accuracy.md): a change that loses accuracy fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmattan.evaluation import evaluate_plover, evaluate_quad, load_gold

pytestmark = [pytest.mark.models, pytest.mark.slow]

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="module")
def coder():
    from harmattan.events.classifier import CrossValidatedClassifier
    from harmattan.events.coder import EventCoder

    return EventCoder(classifier=CrossValidatedClassifier()).initialize()


def test_plover_gold_cross_validated(coder) -> None:
    report = evaluate_plover(load_gold(SHARED / "plover-gold" / "dev.jsonl", "plover"), coder.code)
    totals = report.totals
    assert report.n == 164
    # Measured 0.738 / 0.861 / 0.814 (docs/accuracy.md); floors leave room for noise only.
    assert totals["event_accuracy"] >= 0.72, totals
    assert totals["source_code_f1"] >= 0.84, totals
    assert totals["target_code_f1"] >= 0.79, totals


def test_quad_cross_validated(coder) -> None:
    report = evaluate_quad(load_gold(SHARED / "cameo-quad" / "train.jsonl", "quad"), coder.code)
    assert report.n == 1349
    # Measured 0.892: attacks whose responsibility a group claims are the group's attacks, as
    # the act annotations code them, where the set codes the claim (a statement) in
    # its eleven such sentences; 0.896 before; 0.900 before claims, refusals and appeals read
    # as statements were parsed when the act reader is sure (docs/accuracy.md); 0.900:
    # reductions of relations (16x) carry the set's quad class 3, and appeals ("urged") its 0;
    # 0.878 before; 0.904 before the set's three arrests "for collaborating with a terrorist
    # group" were read as arrests (material conflict; the set labels them verbal conflict).
    assert report.totals["macro_f1"] >= 0.89, report.totals
    # every miss is listed with the code given (eval quad --errors)
    assert len(report.errors) == round(report.n * (1 - report.totals["accuracy"]))
    assert all(e["gold"] != e["predicted"] for e in report.errors)


BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize(("name", "floor_f1", "max_false_alarms"), [
    # Measured 0.991 / 0.000 and 0.996 / 0.000 on the files the rules were revised on (and the
    # ACLED classifier is trained on), 0.898 / 0.000 on the half never used (docs/acled.md).
    ("notes_dev.jsonl", 0.96, 0.02),
    ("notes_tune.jsonl", 0.96, 0.02),
    ("notes_test.jsonl", 0.87, 0.03),
])
def test_acled_on_snippets_written_blind(name: str, floor_f1: float, max_false_alarms: float) -> None:
    from harmattan.events.acled_eval import evaluate_acled, load_acled_gold
    from harmattan.pipeline import code_articles

    report = evaluate_acled(load_acled_gold(BENCH / "acled" / name), code_articles)
    assert report.n == {"notes_tune.jsonl": 270}.get(name, 308)
    assert report.totals["sub_event_weighted_f1"] >= floor_f1, report.totals
    assert report.totals["violence_false_alarm_rate"] <= max_false_alarms, report.totals


@pytest.mark.parametrize(("gold", "extra", "floor_f1", "max_false_alarms"), [
    # Measured 0.753 / 0.030 out of fold on the CASE 2021 dev third (docs/acled.md).
    ("case2021", {}, 0.73, 0.06),
    # Measured 0.263 / 0.005 on the annotations' held-out articles (475 snippets, 48 events).
    ("annotations", {"part": "heldout"}, 0.22, 0.03),
])
def test_acled_on_real_snippets(gold: str, extra: dict, floor_f1: float, max_false_alarms: float) -> None:
    from harmattan.events.acled_eval import evaluate_acled, load_acled_gold
    from harmattan.events.acled_model import AcledClassifier
    from harmattan.events.classifier import CrossValidatedClassifier
    from harmattan.events.coder import EventCoder

    path = (SHARED / "acled" / "case2021-task2-dev.jsonl" if gold == "case2021"
            else Path(__file__).resolve().parents[1] / "annotations" / "acled" / "labels.jsonl")
    coder = EventCoder(classifier=CrossValidatedClassifier(),
                       acled=AcledClassifier(cross_validated=True)).initialize()
    report = evaluate_acled(load_acled_gold(path, **extra), coder.code)
    assert report.n == {"case2021": 349}.get(gold, 475)
    assert report.totals["sub_event_weighted_f1"] >= floor_f1, report.totals
    assert report.totals["violence_false_alarm_rate"] <= max_false_alarms, report.totals


def test_geoparser_on_news_written_blind() -> None:
    from harmattan.geo import Geoparser
    from harmattan.geo.evaluate import evaluate_geo, load_geo_gold

    report = evaluate_geo(load_geo_gold(BENCH / "geo" / "news_gold.jsonl"), Geoparser().initialize())
    assert report.gold == 614
    # Measured 0.998 / 0.891 / 0.938 (docs/geo.md).
    assert report.precision >= 0.97
    assert report.recall >= 0.88
    assert report.accuracy_161km >= 0.92

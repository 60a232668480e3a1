"""Each rule of the shipped example file fires on the case built for it and not on its
near-misses; rule files with mistakes are refused with the rule and field named."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmattan.analysis import load_rules, run_alerts
from harmattan.errors import ConfigError
from harmattan.store import Store

from .builders import Spec, write_events

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "harmattan" / "resources" / "alerts" / "rules.example.yaml"


def _place(admin1: str) -> dict:
    return {"name": admin1, "country": "NE", "admin1": admin1}


CASES = [
    # new-military-cooperation-pair
    Spec("2024-02-01", "COOPERATE", ["NER MIL"], ["RUS MIL"], context=["military"], name="new-pair"),
    Spec("2024-01-10", "AGREE", ["MLI GOV"], ["BFA GOV"], name="known-pair-earlier"),
    Spec("2024-02-02", "COOPERATE", ["MLI MIL"], ["BFA MIL"], context=["military"], name="known-pair"),
    Spec("2024-02-03", "AID", ["FRA GOV"], ["TCD GOV"], context=["humanitarian"], name="no-military"),
    Spec("2024-02-04", "THREATEN", ["USA GOV"], ["NER GOV"], context=["military"], name="not-cooperation"),
    # threat-then-assault
    Spec("2024-03-01", "THREATEN", ["MLI REB JNIM"], ["MLI CVL"], name="threat"),
    Spec("2024-03-31", "ASSAULT", ["MLI REB JNIM"], ["MLI CVL"], name="assault-30-days"),
    Spec("2024-03-01", "THREATEN", ["BFA REB ISSP"], ["BFA GOV"], name="threat-b"),
    Spec("2024-04-01", "ASSAULT", ["BFA REB ISSP"], ["BFA CVL"], name="assault-31-days"),
    Spec("2024-03-05", "THREATEN", ["NGA REB BOKO_HARAM"], ["NGA GOV"], name="threat-c"),
    Spec("2024-03-10", "ASSAULT", ["NGA REB BOKO_HARAM"], ["TCD MIL"], name="assault-other-pair"),
    # tillaberi-above-5-a-week: 6 in one week (spelt without the accent), exactly 5 the next,
    # 6 in Dosso the week after.
    *[Spec(f"2024-04-{15 + i}", "ASSAULT", ["NER REB ISSP"], [f"NER CVL V{i}"],
           location=_place("Tillaberi"), name=f"tillaberi-{i}") for i in range(6)],
    *[Spec(f"2024-04-{22 + i}", "FIGHT", ["NER MIL"], [f"NER REB G{i}"],
           location=_place("Tillabéri"), name=f"five-{i}") for i in range(5)],
    *[Spec(f"2024-04-{29 + i % 2}", "PROTEST", [f"NER CVL P{i}"], ["NER GOV"],
           location=_place("Dosso"), name=f"dosso-{i}") for i in range(6)],
]


def test_every_example_rule_fires_on_its_case_and_not_on_near_misses(store: Store) -> None:
    ids = {e.article_id: e.event_id for e in write_events(store, CASES)}
    raised = [a for a in run_alerts(store, rules=EXAMPLE) if a.kind == "rule"]
    assert sorted((a.rule, tuple(a.cluster_ids)) for a in raised) == sorted([
        ("new-military-cooperation-pair", (ids["new-pair"],)),
        ("threat-then-assault", (ids["threat"], ids["assault-30-days"])),
        ("tillaberi-above-5-a-week", tuple(sorted(ids[f"tillaberi-{i}"] for i in range(6)))),
    ])
    by_rule = {a.rule: a for a in raised}
    pair = by_rule["new-military-cooperation-pair"]
    assert (pair.period, pair.country, pair.details["pair"]) == ("2024-02-01", "NER", ["NER", "RUS"])
    sequence = by_rule["threat-then-assault"]
    assert (sequence.period, sequence.details["pair"], sequence.details["gap_days"]) == (
        "2024-03-31", ["JNIM", "MLI"], 30)
    threshold = by_rule["tillaberi-above-5-a-week"]
    assert (threshold.period, threshold.country, threshold.observed, threshold.expected) == (
        "2024-04-15", "NER", 6.0, 5.0)
    assert run_alerts(store, rules=EXAMPLE) == []


def test_rules_only_alert_on_events_in_the_window(sqlite_store: Store) -> None:
    write_events(sqlite_store, CASES)
    import datetime as dt

    raised = run_alerts(sqlite_store, rules=EXAMPLE, since=dt.date(2024, 3, 15), until=dt.date(2024, 4, 14))
    # The threat before the window still counts as what the assault followed.
    assert [a.rule for a in raised if a.kind == "rule"] == ["threat-then-assault"]


def test_a_directed_sequence_needs_the_same_direction(tmp_path: Path, sqlite_store: Store) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n"
                     "  - {name: directed, kind: sequence, first: DEMAND, then: [FIGHT, ASSAULT],"
                     " within_days: 10, directed: true}\n"
                     "  - {name: undirected, kind: sequence, first: DEMAND, then: FIGHT, within_days: 10}\n",
                     encoding="utf-8")
    ids = {e.article_id: e.event_id for e in write_events(sqlite_store, [
        Spec("2024-05-01", "DEMAND", ["NER GOV"], ["FRA GOV"], name="demand"),
        Spec("2024-05-03", "FIGHT", ["FRA MIL"], ["NER MIL"], name="fight-back"),
        Spec("2024-05-04", "ASSAULT", ["NER MIL"], ["FRA MIL"], name="assault-same-way"),
    ])}
    raised = sorted((a.rule, a.cluster_ids[-1]) for a in run_alerts(sqlite_store, rules=rules)
                    if a.kind == "rule")
    assert raised == [("directed", ids["assault-same-way"]), ("undirected", ids["fight-back"])]


@pytest.mark.parametrize(("text", "message"), [
    ("rules: 3\n", "has no 'rules:' list"),
    ("rules:\n  - {kind: threshold, above: 2, country: NER}\n", "has no name"),
    ("rules:\n  - {name: x, kind: surge}\n", "unknown kind 'surge'"),
    ("rules:\n  - {name: x, kind: threshold, above: 2, admin1: Gao, window: 3}\n", "unknown field(s) window"),
    ("rules:\n  - {name: x, kind: sequence, first: THREAT, then: ASSAULT}\n", "unknown event type(s) THREAT"),
    ("rules:\n  - {name: x, kind: sequence, then: ASSAULT}\n", "'first' is required"),
    ("rules:\n  - {name: x, kind: threshold, above: 2}\n", "needs an admin1 or a country"),
    ("rules:\n  - {name: x, kind: threshold, above: -1, country: NER}\n", "'above' must be a whole number"),
    (("rules:\n  - {name: x, kind: threshold, above: 1, country: NER}\n"
      "  - {name: x, kind: threshold, above: 2, country: MLI}\n"), "names two rules x"),
    ("rules: [\n", "not valid YAML"),
])
def test_mistakes_in_a_rule_file_are_named(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rules(path)
    assert message in str(caught.value)
    assert "fix:" in str(caught.value)


def test_the_example_file_has_the_three_kinds() -> None:
    assert sorted(r.kind for r in load_rules(EXAMPLE)) == ["new_pair", "sequence", "threshold"]

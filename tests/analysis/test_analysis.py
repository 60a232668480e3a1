"""Series, the dyadic index, the network and episodes on a store with known events."""

from __future__ import annotations

import datetime as dt

import pytest

from harmattan.analysis import WEIGHTS, dyad_index, episodes, network, series
from harmattan.schema import PLOVER_EVENTS
from harmattan.store import Store

from .builders import Spec, write_events

GAO = {"name": "Gao", "country": "ML", "admin1": "Gao"}
MOPTI = {"name": "Mopti", "country": "ML", "admin1": "Mopti"}
VAC = {"event_type": "Violence against civilians"}

WEEK = [
    # Two articles report one attack: one cluster, two mentions.
    Spec("2024-03-04", "ASSAULT", ["MLI MIL"], ["MLI CVL"], location=GAO, acled=VAC, name="a1"),
    Spec("2024-03-04", "ASSAULT", ["MLI MIL"], ["MLI CVL"], location=GAO, acled=VAC, name="a2"),
    Spec("2024-03-06", "FIGHT", ["MLI MIL"], ["MLI REB JNIM"], location=MOPTI,
         acled={"event_type": "Battles"}, name="f1"),
    Spec("2024-03-10", "CONSULT", ["NER GOV"], ["IGO - ECOWAS"], name="c1"),
    Spec("2024-03-11", "THREATEN", ["IGO - ECOWAS"], ["NER MIL"], context=["military"], name="t1"),
    Spec("2024-03-12", "ASSAULT", ["MLI MIL"], ["MLI CVL"], negated=True, name="neg"),
    Spec("2024-03-13", None, ["NER GOV"], [], quad=0, name="s1"),
]


@pytest.fixture
def week_store(store: Store) -> Store:
    write_events(store, WEEK)
    return store


def test_weekly_series_count_clusters_by_plover_type(week_store: Store) -> None:
    with week_store.reading() as conn:
        rows = series(conn)
    assert rows == [
        {"period": "2024-03-04", "key": "ASSAULT", "count": 1},
        {"period": "2024-03-04", "key": "CONSULT", "count": 1},
        {"period": "2024-03-04", "key": "FIGHT", "count": 1},
        {"period": "2024-03-11", "key": "THREATEN", "count": 1},
    ]


def test_mentions_daily_quad_and_acled_series(week_store: Store) -> None:
    with week_store.reading() as conn:
        mentions = series(conn, unit="mention", since=dt.date(2024, 3, 4), until=dt.date(2024, 3, 4))
        daily = series(conn, interval="day", by="quad")
        acled = series(conn, by="acled")
    assert mentions == [{"period": "2024-03-04", "key": "ASSAULT", "count": 2}]
    assert daily == [
        {"period": "2024-03-04", "key": "Q4", "count": 1},
        {"period": "2024-03-06", "key": "Q4", "count": 1},
        {"period": "2024-03-10", "key": "Q1", "count": 1},
        {"period": "2024-03-11", "key": "Q3", "count": 1},
        {"period": "2024-03-13", "key": "Q0", "count": 1},
    ]
    assert acled == [
        {"period": "2024-03-04", "key": "Battles", "count": 1},
        {"period": "2024-03-04", "key": "Violence against civilians", "count": 1},
    ]


def test_series_filters_by_country_admin1_and_actor(week_store: Store) -> None:
    with week_store.reading() as conn:
        mali = series(conn, country="mli")
        gao = series(conn, admin1="gao")
        ecowas = series(conn, actor="ECOWAS")
        army = series(conn, actor="NERMIL")
    assert [(r["key"], r["count"]) for r in mali] == [("ASSAULT", 1), ("FIGHT", 1)]
    assert [(r["key"], r["count"]) for r in gao] == [("ASSAULT", 1)]
    assert [(r["period"], r["key"]) for r in ecowas] == [("2024-03-04", "CONSULT"), ("2024-03-11", "THREATEN")]
    assert [r["key"] for r in army] == ["THREATEN"]


def test_series_rejects_unknown_options(week_store: Store) -> None:
    with week_store.reading() as conn:
        for kwargs in ({"by": "cameo"}, {"interval": "month"}, {"unit": "article"}):
            with pytest.raises(ValueError, match="expected one of"):
                series(conn, **kwargs)


def test_weights_cover_every_plover_type_and_quad_class() -> None:
    assert set(WEIGHTS) == set(PLOVER_EVENTS) | {f"Q{q}" for q in range(5)}
    assert all(-10 <= w <= 10 for w in WEIGHTS.values())
    assert WEIGHTS["FIGHT"] == -10 and WEIGHTS["AID"] > WEIGHTS["CONSULT"] > 0 > WEIGHTS["THREATEN"]


def test_dyad_index_is_the_mean_weight_per_period(week_store: Store) -> None:
    with week_store.reading() as conn:
        both = dyad_index(conn, "NER", "ECOWAS")
        directed = dyad_index(conn, "NER", "ECOWAS", directed=True)
        army = dyad_index(conn, "IGO", "NERMIL")
        daily = dyad_index(conn, "ECOWAS", "NER", interval="day", since=dt.date(2024, 3, 11))
    assert both == [
        {"period": "2024-03-04", "score": 1.0, "n_events": 1, "by_type": {"CONSULT": 1}},
        {"period": "2024-03-11", "score": -6.0, "n_events": 1, "by_type": {"THREATEN": 1}},
    ]
    assert [r["period"] for r in directed] == ["2024-03-04"]
    assert [r["score"] for r in army] == [-6.0]
    assert daily == [{"period": "2024-03-11", "score": -6.0, "n_events": 1, "by_type": {"THREATEN": 1}}]


def test_dyad_index_averages_several_events(store: Store) -> None:
    write_events(store, [
        Spec("2024-05-06", "AID", ["FRA GOV"], ["NER GOV"]),
        Spec("2024-05-07", "DEMAND", ["NER GOV"], ["FRA GOV"]),
        Spec("2024-05-08", "DEMAND", ["NER MIL"], ["FRA MIL"]),
    ])
    with store.reading() as conn:
        rows = dyad_index(conn, "FRA", "NER")
    assert rows == [{"period": "2024-05-06", "score": round((7.0 - 5.0 - 5.0) / 3, 3), "n_events": 3,
                     "by_type": {"AID": 1, "DEMAND": 2}}]


def test_network_nodes_and_edges(week_store: Store) -> None:
    with week_store.reading() as conn:
        graph = network(conn)
        busy = network(conn, min_count=2)
        mali = network(conn, country="MLI")
    assert graph["nodes"] == [
        {"id": "IGO ECOWAS", "label": "IGO ECOWAS", "kind": "igo", "count": 2},
        {"id": "JNIM", "label": "JNIM", "kind": "armed_group", "count": 1},
        {"id": "MLI CVL", "label": "MLI CVL", "kind": "state", "count": 1},
        {"id": "MLI MIL", "label": "MLI MIL", "kind": "state", "count": 2},
        {"id": "NER GOV", "label": "NER GOV", "kind": "state", "count": 2},
        {"id": "NER MIL", "label": "NER MIL", "kind": "state", "count": 1},
    ]
    assert graph["edges"] == [
        {"source": "IGO ECOWAS", "target": "NER MIL", "count": 1, "by_type": {"THREATEN": 1}},
        {"source": "MLI MIL", "target": "JNIM", "count": 1, "by_type": {"FIGHT": 1}},
        {"source": "MLI MIL", "target": "MLI CVL", "count": 1, "by_type": {"ASSAULT": 1}},
        {"source": "NER GOV", "target": "IGO ECOWAS", "count": 1, "by_type": {"CONSULT": 1}},
    ]
    assert [n["id"] for n in busy["nodes"]] == ["IGO ECOWAS", "MLI MIL", "NER GOV"]
    assert busy["edges"] == []
    assert {n["id"] for n in mali["nodes"]} == {"JNIM", "MLI CVL", "MLI MIL"}


CRISIS = [
    Spec("2023-08-01", "THREATEN", ["IGO - ECOWAS"], ["NER MIL"], name="threat"),
    Spec("2023-08-05", "FIGHT", ["MLI MIL"], ["MLI REB JNIM"], name="elsewhere"),
    Spec("2023-08-10", "CONSULT", ["NER GOV"], ["IGO - ECOWAS"], name="talks"),
    Spec("2023-08-20", "DEMAND", ["IGO - ECOWAS"], ["NER GOV"], name="deadline"),
    Spec("2023-09-05", "AGREE", ["NER GOV"], ["IGO - ECOWAS"], name="outcome"),
    Spec("2023-09-20", "THREATEN", ["IGO - ECOWAS"], ["NER GOV"], name="threat2"),
    Spec("2023-09-25", "REJECT", ["NER GOV"], ["IGO - ECOWAS"], name="reject2"),
    Spec("2023-12-01", "CONSULT", ["NER GOV"], ["IGO - ECOWAS"], name="late"),
]


def test_episodes_chain_threat_talks_deadline_outcome(store: Store) -> None:
    events = {e.article_id: e.event_id for e in write_events(store, CRISIS)}
    with store.reading() as conn:
        found = episodes(conn)
        narrow = episodes(conn, window_days=5)
        mali = episodes(conn, actor="MLI")
        niger = episodes(conn, actor="NER")
        ecowas = episodes(conn, actor="ECOWAS")
        by_code = episodes(conn, actor="IGO")
    assert [[link["cluster_id"] for link in e["chain"]] for e in found] == [
        [events[n] for n in ("threat", "talks", "deadline", "outcome")],
        [events["threat2"], events["reject2"]],
    ]
    first = found[0]
    assert first["actors"] == ["IGO ECOWAS", "NER"]
    assert (first["start"], first["end"]) == ("2023-08-01", "2023-09-05")
    assert [link["event_type"] for link in first["chain"]] == ["THREATEN", "CONSULT", "DEMAND", "AGREE"]
    assert first["chain"][0] == {"cluster_id": events["threat"], "date": "2023-08-01",
                                 "event_type": "THREATEN", "summary": "Event threat was reported."}
    assert len({e["episode_id"] for e in found}) == 2
    assert [[link["cluster_id"] for link in e["chain"]] for e in narrow] == [
        [events["threat2"], events["reject2"]]]
    assert mali == []
    assert niger == found
    # An IGO by its id or by its code: both episodes are ECOWAS's.
    assert [e["episode_id"] for e in ecowas] == [e["episode_id"] for e in by_code] == \
        [e["episode_id"] for e in found]


def test_a_cluster_reported_across_two_weeks_counts_once_in_its_leads_week(store: Store) -> None:
    # Sunday's report and Monday's report of one clash: one cluster, whose lead is Sunday's.
    specs = [Spec("2024-05-05", "FIGHT", ["MLI MIL"], ["MLI REB"], name="sunday", report_of="clash"),
             Spec("2024-05-06", "FIGHT", ["MLI MIL"], ["MLI REB"], name="monday", report_of="clash")]
    write_events(store, specs)
    with store.reading() as conn:
        both = series(conn, country="MLI", since=dt.date(2024, 4, 29), until=dt.date(2024, 5, 12))
        first = series(conn, country="MLI", since=dt.date(2024, 4, 29), until=dt.date(2024, 5, 5))
        second = series(conn, country="MLI", since=dt.date(2024, 5, 6), until=dt.date(2024, 5, 12))
        mentions = series(conn, country="MLI", unit="mention")
    assert both == first == [{"period": "2024-04-29", "key": "FIGHT", "count": 1}]
    assert second == []
    assert sum(row["count"] for row in mentions) == 2

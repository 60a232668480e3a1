"""Near-duplicate detection and event-cluster keys."""

from __future__ import annotations

import numpy as np

from harmattan.dedup import clusters, minhash
from harmattan.schema import Actor, CameoCode, Event, Evidence, Modality, PloverCode

WIRE = ("Gunmen attacked a military post near the town of Ayorou in western Niger on Monday, "
        "killing at least six soldiers, the defence ministry said in a statement read on state "
        "television. The attackers fled towards the border with Mali, it said, and a search "
        "operation was under way in the area.")
COPY = WIRE.replace("at least six", "at least seven") + " Updated at 14:00 GMT."
OTHER = ("Students marched through Accra on Wednesday to protest against a rise in university "
         "fees, and police said the demonstration ended peacefully in the early afternoon.")


def test_signatures_are_deterministic_and_estimate_jaccard() -> None:
    a, b = minhash.signature(WIRE), minhash.signature(WIRE)
    assert np.array_equal(a, b) and a.dtype == np.uint32 and len(a) == minhash.NUM_PERM
    assert minhash.from_bytes(minhash.to_bytes(a)).tolist() == a.tolist()
    true = len(minhash.shingles(WIRE) & minhash.shingles(COPY)) / len(minhash.shingles(WIRE) | minhash.shingles(COPY))
    estimate = minhash.similarity(minhash.signature(WIRE), minhash.signature(COPY))
    assert abs(estimate - true) < 0.15
    assert estimate >= minhash.DEFAULT_THRESHOLD
    assert minhash.similarity(minhash.signature(WIRE), minhash.signature(OTHER)) < 0.1


def test_wire_copies_share_a_band_and_unrelated_texts_do_not() -> None:
    wire = set(minhash.band_buckets(minhash.signature(WIRE)))
    assert wire & set(minhash.band_buckets(minhash.signature(COPY)))
    assert not wire & set(minhash.band_buckets(minhash.signature(OTHER)))
    assert len(wire) == minhash.BANDS


def test_empty_and_tiny_texts() -> None:
    assert minhash.shingles("") == set()
    assert minhash.shingles("Two words") == {"two words"}
    assert minhash.signature("").tolist() == [0xFFFFFFFF] * minhash.NUM_PERM


def _event(date: str, kind: str, src: str, tgt: str, fatalities: int | None = None) -> Event:
    return Event("e", "a", date, PloverCode(kind), CameoCode(4, "19"), Modality(),
                 [Actor(src, src, "MIL")] if src else [], [Actor(tgt, tgt, "REB")] if tgt else [],
                 Evidence("s", 0, 1), 0.9, acled={"fatalities": fatalities} if fatalities is not None else None)


def test_cluster_keys_story_and_actors_within_a_day() -> None:
    own, lookup = clusters.cluster_keys(_event("2023-08-14", "FIGHT", "NER", "MLI"), "story1", 1)
    assert len(own) == 2 and lookup[:2] == own and len(lookup) == 4
    next_day, _ = clusters.cluster_keys(_event("2023-08-15", "FIGHT", "NER", "MLI"), "story2", 1)
    assert next_day[1] in lookup  # a report dated a day later finds the cluster by its actors
    no_target, lookup2 = clusters.cluster_keys(_event("2023-08-14", "FIGHT", "NER", ""), None, 1)
    assert no_target == [] and lookup2 == []



def test_cluster_keys_at_the_ends_of_the_calendar() -> None:
    # 0001-01-01 has no day before it and 9999-12-31 none after: the keys that exist are kept.
    first_own, first_lookup = clusters.cluster_keys(_event("0001-01-01", "FIGHT", "NER", "MLI"), None, 1)
    last_own, last_lookup = clusters.cluster_keys(_event("9999-12-31", "FIGHT", "NER", "MLI"), None, 1)
    assert len(first_own) == 1 and len(first_lookup) == 2 and first_lookup[0] == first_own[0]
    assert len(last_own) == 1 and len(last_lookup) == 2 and last_lookup[0] == last_own[0]
    assert clusters.cluster_keys(_event("0001-01-02", "FIGHT", "NER", "MLI"), None, 1)[1][1] == first_own[0]

def test_claims_low_best_high_and_actor_disagreement() -> None:
    def mention(fat: int | None, src: str, source: str) -> dict:
        return {"payload": _event("2023-08-14", "FIGHT", src, "MLI", fat).to_dict(), "source": source,
                "article_id": source.lower()}

    result = clusters.claims([mention(6, "NER", "A"), mention(7, "NER", "B"), mention(12, "BFA", "C"),
                              mention(None, "NER", "D")])
    assert result["fatalities_summary"] == {"low": 6, "best": 7, "high": 12}
    assert [c["source"] for c in result["fatalities"]] == ["A", "B", "C"]
    assert [a["reported_by"] for a in result["actors"]] == [["C"], ["A", "B", "D"]]
    assert result["disputed"] is True

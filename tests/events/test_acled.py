"""ACLED coding: the rules on the hand-written seed sentences, fatalities and inter codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmattan.events.acled import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    code_acled,
    find_fatalities,
    inter_code,
    interaction,
)
from harmattan.events.acled_eval import acled_intervals, evaluate_acled, load_acled_gold, rule_coder
from harmattan.schema import Actor, Modality

HERE = Path(__file__).resolve().parent
SEED_PATH = HERE / "golden" / "acled_seed.jsonl"
SEED = [json.loads(line) for line in SEED_PATH.open(encoding="utf-8")]


@pytest.fixture(scope="module")
def coder():
    return rule_coder()


def test_the_codebook_tables_are_complete() -> None:
    assert len(EVENT_TYPES) == 6
    assert len(SUB_EVENT_TYPES) == 25


def test_the_seed_spans_every_sub_event_type_and_non_acled_news() -> None:
    subs = {r["acled"]["sub_event_type"] for r in SEED if r["acled"]}
    assert subs == set(SUB_EVENT_TYPES)
    assert sum(1 for r in SEED if r["acled"] is None) >= 25
    assert len(SEED) >= 100


@pytest.mark.parametrize("record", SEED, ids=[r["id"] for r in SEED])
def test_seed_sentence(record, coder) -> None:
    from harmattan.schema import Article

    events = coder([Article(id=record["id"], text=record["text"])])
    coded = max(events, key=lambda e: e.confidence).acled if events else None
    if record["acled"] is None:
        assert coded is None, coded
    else:
        assert coded is not None
        assert (coded["event_type"], coded["sub_event_type"]) == (
            record["acled"]["event_type"], record["acled"]["sub_event_type"])


def test_seed_report(coder) -> None:
    report = evaluate_acled(load_acled_gold(SEED_PATH), coder)
    assert report.totals["sub_event_weighted_f1"] >= 0.95
    assert report.totals["violence_false_alarm_rate"] == 0.0
    assert "Armed clash" in report.render()
    low, high = report.intervals["sub_event_weighted_f1"]
    assert low <= report.totals["sub_event_weighted_f1"] <= high <= 1.0
    assert report.to_dict()["intervals"] == report.intervals
    assert "95% intervals (records resampled): sub_event_weighted_f1" in report.render()


def test_acled_intervals_resample_the_records() -> None:
    perfect = acled_intervals(["Attack", "Arrests", "NONE"], ["Attack", "Arrests", "NONE"],
                              [False, False, True], [False, False, False])
    assert perfect == {"sub_event_weighted_f1": [1.0, 1.0], "violence_false_alarm_rate": [0.0, 0.0]}
    # Attack: P 0.5 (a non-event coded so), R 0.5; Arrests: P 2/3, R 1; weighted F1 0.65 on
    # the whole; one of the two non-events coded as violence (0.5)
    gold = ["Attack", "Attack", "Arrests", "Arrests", "NONE", "NONE"] * 20
    pred = ["Attack", "Arrests", "Arrests", "Arrests", "Attack", "NONE"] * 20
    null = [g == "NONE" for g in gold]
    spans = acled_intervals(gold, pred, null, [p == "Attack" for p in pred])
    low, high = spans["sub_event_weighted_f1"]
    assert 0.5 < low < 0.65 < high < 0.8
    low, high = spans["violence_false_alarm_rate"]
    assert 0.3 < low < 0.5 < high < 0.7
    assert spans == acled_intervals(gold, pred, null, [p == "Attack" for p in pred])  # seeded
    assert acled_intervals([], [], [], []) == {}


def _actor(text: str, code: str = "", sector: str = "", actor_id: str | None = None) -> Actor:
    return Actor(text, code, sector, actor_id)


def test_code_acled_on_a_plover_event() -> None:
    text = "Gunmen killed 12 villagers in an overnight attack on Kadisso."
    acled = code_acled("ASSAULT", "180", text, [_actor("Gunmen", "", "REB")],
                       [_actor("villagers", "", "CVL")], Modality())
    assert acled == {
        "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "inter1": 3, "inter2": 7, "interaction": 37, "civilian_targeting": "Civilian targeting",
        "fatalities": 12, "fatalities_low": 12, "fatalities_high": 12, "fatalities_text": "12",
        "fatalities_start": 14, "fatalities_end": 16,
    }


def test_announced_or_denied_acts_are_not_recorded() -> None:
    text = "The army will attack the rebels."
    assert code_acled("ASSAULT", "180", text, [], [], Modality(future=True)) is None
    assert code_acled("ASSAULT", "180", text, [], [], Modality(negated=True)) is None


def test_battle_between_state_and_rebels_is_12() -> None:
    text = "Malian soldiers clashed with JNIM fighters near Boni."
    acled = code_acled("FIGHT", "190", text, [_actor("Malian soldiers", "MLI", "MIL")],
                       [_actor("JNIM", "MLI", "REB", "JNIM")], Modality())
    assert (acled["sub_event_type"], acled["interaction"], acled["civilian_targeting"]) == (
        "Armed clash", 12, "")
    assert acled["fatalities"] == 0


@pytest.mark.parametrize(("text", "low", "high", "evidence"), [
    ("Gunmen killed at least 12 people.", 12, 12, "at least 12"),
    ("The attack left twenty-five soldiers dead.", 25, 25, "twenty-five"),
    ("Dozens of villagers were killed.", 12, 12, "Dozens"),
    ("Between 10 and 15 civilians were killed, residents said.", 10, 15, "10 and 15"),
    ("Officials said 12 people died, while residents put the toll at 20 dead.", 12, 20, "12 people died, while residents put the toll at 20"),
    ("Three soldiers and five civilians were killed.", 8, 8, "Three soldiers and five"),
    ("A soldier was killed and 14 were wounded.", 1, 1, "A"),
    ("Fourteen people were wounded in the blast.", None, None, None),
])
def test_find_fatalities(text, low, high, evidence) -> None:
    found = find_fatalities(text, offset=100)
    if low is None:
        assert found is None
        return
    assert (found["fatalities"], found["fatalities_low"], found["fatalities_high"]) == (low, low, high)
    assert found["fatalities_text"] == evidence
    assert text[found["fatalities_start"] - 100:found["fatalities_end"] - 100] == evidence


@pytest.mark.parametrize(("actor", "country", "code"), [
    (_actor("Malian soldiers", "MLI", "MIL"), "MLI", 1),
    (_actor("Wagner mercenaries", "RUS", "MIL", "WAGNER"), "MLI", 8),
    (_actor("French troops", "FRA", "MIL"), "MLI", 8),
    (_actor("JNIM", "MLI", "REB", "JNIM"), None, 2),
    (_actor("Gunmen", "", "REB"), None, 3),
    (_actor("Dozo hunters", "MLI", "UAF", "DOZO"), None, 4),
    (_actor("Rioters", "", "OPP"), None, 5),
    (_actor("Protesters in Bamako", "MLI", "OPP"), None, 6),
    (_actor("villagers", "", "CVL"), None, 7),
    (_actor("UN peacekeepers", "IGO", "MIL", "UN"), "MLI", 8),
    (_actor("the ministry", "MLI", "GOV"), "MLI", 1),
])
def test_inter_code(actor, country, code) -> None:
    assert inter_code(actor, country) == code


def test_interaction_puts_the_smaller_code_first() -> None:
    assert interaction(7, 2) == 27
    assert interaction(6, None) == 60
    assert interaction(None, None) is None


@pytest.mark.models
def test_seed_through_the_whole_coder() -> None:
    from harmattan.pipeline import code_articles

    report = evaluate_acled(load_acled_gold(SEED_PATH), code_articles)
    # 0.989 with the rules alone deciding the type, 0.954 with the learned classifier, which
    # was trained on real snippets, not on these sentences written alongside the rules.  The
    # targeted annotations of real snippets (2026-12-03) took it from 0.949 to 0.914 — their
    # many analyses of truces read a signed ceasefire as no event here — and who takes a
    # territory (state forces or not, a feature of the classifier) back to 0.954.
    assert report.totals["sub_event_weighted_f1"] >= 0.94, report.errors
    assert report.totals["violence_false_alarm_rate"] == 0.0, report.errors


@pytest.mark.parametrize("text", [
    "Three rifles and a box of ammunition were found by soldiers in a farmhouse near Gao.",
    "Several explosive devices hidden under a bridge were discovered by a patrol on Sunday.",
    "Army engineers destroyed a roadside improvised explosive device on the Kidal road.",
    "Customs officers said they had seized a large consignment of assault weapons at the port.",
])
def test_disrupted_weapons_use_told_in_other_words(text: str) -> None:
    # The codebook's disrupted weapons use: weapons found or seized (also in the passive),
    # destroyed before use.
    from harmattan.events.acled import classify

    assert classify(text) == ("Strategic developments", "Disrupted weapons use")


def test_an_accidental_detonation_is_read_as_disrupted_weapons_use() -> None:
    # Set off by accident by those who carried it: the rules still read an accident (not
    # recorded); the keyword family tells the learned classifier (kw_disrupted).
    from harmattan.events.acled import _DISRUPTED

    assert _DISRUPTED.search("Two militants accidentally detonated the bomb they were carrying.")


@pytest.mark.parametrize("text", [
    "Militants detonated an IED near the army convoy.",
    "A roadside bomb exploded as a police vehicle passed.",
])
def test_a_detonation_is_still_an_explosion(text: str) -> None:
    from harmattan.events.acled import classify

    assert classify(text) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")


# -- the learned classifier (events/acled_model.py) ----------------------------------------------


def test_model_features_match_their_names() -> None:
    from harmattan.events.acled_model import feature_names, incident_features
    from harmattan.events.classifier import SentencePrediction
    from harmattan.schema import PLOVER_EVENTS

    prediction = SentencePrediction(quad_probs=(0.1, 0.1, 0.1, 0.1, 0.6),
                                    plover_probs={e: 1 / len(PLOVER_EVENTS) for e in PLOVER_EVENTS},
                                    embedding=tuple([0.05] * 384))
    sentences = ["Gunmen attacked a police post in Kidal, killing two officers.", "The toll rose"]
    x = incident_features(sentences, [prediction, prediction])
    names = feature_names()
    assert x.shape == (len(names),)
    assert x[names.index("rule_sentence_Armed clash")] == 1.0
    assert x[names.index("kw_attack")] == 1.0
    assert x[names.index("cut_off")] == 1.0
    assert x[names.index("sentences")] == 2.0


def test_model_decision_needs_its_probability() -> None:
    import numpy as np

    from harmattan.events.acled_model import CLASSES, NONE, decision

    probs = np.full(len(CLASSES), 0.01)
    probs[CLASSES.index("Grenade")] = 0.4
    probs /= probs.sum()
    assert decision(probs)[0] == "Grenade"
    assert decision(probs, min_probability=0.9)[0] == NONE


def test_the_kinds_of_non_event_add_up_to_none() -> None:
    import numpy as np

    from harmattan.events.acled_model import CLASSES, MODEL_CLASSES, NONE, decision, fold_none_kinds

    assert MODEL_CLASSES[:len(CLASSES)] == CLASSES
    probs = np.full(len(MODEL_CLASSES), 0.01)
    probs[CLASSES.index("Grenade")] = 0.3
    probs[MODEL_CLASSES.index("NONE:MAN_MADE_DISASTER")] = 0.2
    probs[MODEL_CLASSES.index("NONE:ORG_CRIME")] = 0.2
    probs /= probs.sum()
    folded = fold_none_kinds(probs)
    assert folded.shape == (len(CLASSES),) and abs(folded.sum() - 1) < 1e-9
    assert decision(folded)[0] == NONE  # no kind alone outweighs the grenade; together they do
    assert fold_none_kinds(np.vstack([probs, probs])).shape == (2, len(CLASSES))


def test_the_case_non_events_are_learned_by_kind() -> None:
    from harmattan.events.acled_model import MODEL_CLASSES
    from harmattan.training.acled_classifier import label_of, model_label_of

    diplomacy = {"text": "…", "case_label": "DIPLO", "acled": None}
    assert MODEL_CLASSES[model_label_of(diplomacy)] == "NONE:DIPLO"
    assert MODEL_CLASSES[label_of(diplomacy)] == "NONE"
    assert MODEL_CLASSES[model_label_of({"text": "…", "acled": None})] == "NONE"
    grenade = {"case_label": "GRENADE", "acled": {"event_type": "Explosions/Remote violence",
                                                  "sub_event_type": "Grenade"}}
    assert MODEL_CLASSES[model_label_of(grenade)] == "Grenade"


@pytest.mark.parametrize("text", [
    "The Islamic State claimed responsibility for the bombing in Kabul.",
    "Senegal scored twice in the Africa Cup of Nations final.",
    # leaving a race, a candidacy or a case gives up no territory
    "Jacobs withdrew from parole consideration in February 2006 and never had a parole hearing.",
    "The opposition candidate withdrew from the presidential race on Monday.",
])
def test_the_sure_filters_stay(text: str) -> None:
    from harmattan.events.acled_model import sure_not_recorded

    assert sure_not_recorded(text)


def test_the_sure_filters_let_attacks_through() -> None:
    from harmattan.events.acled_model import sure_not_recorded

    assert not sure_not_recorded("Militants attacked an army base near Diffa, killing five soldiers.")
    assert not sure_not_recorded("The army withdrew from the town of Kidal on Monday.")


@pytest.mark.models
def test_one_decision_per_incident() -> None:
    from harmattan.events.coder import EventCoder
    from harmattan.schema import Article

    coder = EventCoder().initialize()
    assert coder.acled is not None  # the shipped weights are read
    text = ("Suspected jihadists ambushed a army patrol near Menaka on Tuesday. "
            "Four soldiers were killed and six wounded in the fighting, the army said.")
    events = coder.code([Article(id="a", text=text)])
    coded = [e for e in events if e.acled]
    assert len(coded) == 1, [(e.evidence.sentence, e.acled) for e in events]
    assert coded[0].acled["event_type"] == "Battles"
    assert coded[0].acled["decided_by"] == "model"
    assert coded[0].acled["fatalities"] == 4


@pytest.mark.models
def test_cross_validated_answers_from_the_out_of_fold_file() -> None:
    from harmattan.events.acled_model import AcledClassifier, text_key

    model = AcledClassifier(cross_validated=True).initialize()
    key, probs = next(iter(model.oof_.items()))
    assert len(probs) == 26
    assert text_key(["a"]) != key
    fresh = AcledClassifier().initialize()
    assert fresh.coef_.shape[0] == 31  # 25 types, NONE and 5 kinds of non-event


@pytest.mark.parametrize("text, state, non_state", [
    ("The army said it had recaptured the town of Bamba from the insurgents.", True, False),
    ("Troops liberated the village of Kalla from Islamic State fighters on Sunday.", True, False),
    ("Jihadists overran a military camp in Tillaberi and took control of nearby villages.", False, True),
    ("The town of Menaka fell to Islamic State militants after a week of clashes.", False, True),
    ("Rebels captured the town of Bunagana from the Congolese army.", False, True),
    ("Police seized 40 rifles and ammunition at the port.", False, False),
    ("Soldiers captured two JNIM commanders near Gao.", False, False),
])
def test_who_takes_a_territory(text: str, state: bool, non_state: bool) -> None:
    # The codebook's line between "Government regains territory" and "Non-state actor
    # overtakes territory" is who takes it: two features of the classifier read it.
    from harmattan.events.acled_model import FAMILIES

    assert (bool(FAMILIES["state_takes"].search(text)), bool(FAMILIES["non_state_takes"].search(text))) \
        == (state, non_state)


def test_leaving_an_organisation_is_no_transfer_of_territory() -> None:
    from harmattan.events.acled import _LEAVE_BODY
    from harmattan.events.acled_model import sure_not_recorded

    assert sure_not_recorded("Niger, Mali and Burkina Faso announced their withdrawal from ECOWAS.")
    assert sure_not_recorded("Le Mali, le Burkina Faso et le Niger ont quitté la CEDEAO.")
    assert not _LEAVE_BODY.search("French troops completed their withdrawal from Mali.")
    assert not _LEAVE_BODY.search("The rebels withdrew from the town without a fight.")


def test_a_keyword_stem_gives_the_evidence_its_whole_word() -> None:
    from harmattan.events.acled import whole_word

    text = "The Zetas are said to be responsible for the massacre."
    start = text.index("massacr")
    assert whole_word(text, start, start + len("massacr")) == (start, start + len("massacre"))
    # a hyphenated word stays whole; punctuation ends it
    text = "a car-bombing, then"
    assert text[slice(*whole_word(text, 2, 5))] == "car-bombing"


@pytest.mark.models
@pytest.mark.parametrize("text, language", [
    ("Protesters attacked the French embassy in Niamey on Sunday.", None),
    ("Des manifestants ont attaqué l'ambassade de France à Niamey.", "fr"),
])
def test_protesters_who_attack_riot(text: str, language: str | None) -> None:
    # the crowd does the violence: a violent demonstration, not force against protesters (the
    # state's) nor a peaceful protest
    from harmattan.pipeline import code_articles
    from harmattan.schema import Article, parse_date

    (event,) = [e for e in code_articles([Article(id="a", text=text, date=parse_date("2023-07-30"),
                                                  language=language)]) if e.acled]
    assert (event.acled["event_type"], event.acled["sub_event_type"]) == ("Riots", "Violent demonstration")
    assert event.acled["inter1"] == 5

"""The act gate, the type head and one event per act, with the shipped models."""

from __future__ import annotations

import json

import numpy as np
import pytest

from harmattan.events.act_model import ACT_CLASSES, ACT_MODEL_FILE, ActModel, act_features
from harmattan.events.gate import (
    ACT_INPUTS,
    FEATURES,
    GATE_CLASSES,
    GATE_DIR,
    TYPE_FEATURES,
    ActGate,
    add_type_head,
)
from harmattan.pipeline import code_articles
from harmattan.schema import PLOVER_EVENTS, Article, parse_date

PROBE = (
    "Colombia's homicide rate has fallen every year since 2006, according to official "
    "statistics. Gunmen killed four members of a family in Jamundi on Monday, police said. "
    "In 2011, police arrested the group's founder in Cali. Analysts say the group may try to "
    "expand into the Pacific coast."
)


def test_shipped_weights_match_the_features_the_code_computes() -> None:
    data = json.loads((GATE_DIR / "weights.json").read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES and tuple(data["type_features"]) == TYPE_FEATURES
    assert tuple(data["gate"]["classes"]) == GATE_CLASSES
    assert data["type"]["classes"] == list(PLOVER_EVENTS)
    width = len(FEATURES) + 5 + len(PLOVER_EVENTS) + 384
    if data.get("act_model"):
        width += ACT_INPUTS
        assert (GATE_DIR / data["act_model"]).is_file()
    assert np.asarray(data["gate"]["coef"]).shape == (3, width)
    assert 0.0 < data["threshold"] < 1.0 and data["type_weight"] > 0


def _base_width(gate: ActGate) -> int:
    """The width of a :func:`gate_vector`: the gate's inputs less the act reader's and the
    lexical head's."""
    return (len(gate.gate_.mean) - (ACT_INPUTS if gate.reads_acts else 0)
            - (1 if gate.lexical else 0))


def test_gate_probabilities_sum_to_one_and_the_threshold_decides() -> None:
    gate = ActGate(threshold=0.5).initialize()
    width = _base_width(gate)
    act = np.asarray([0.4, 0.1, 0.5]) if gate.reads_acts else None
    decision = gate.decide(np.asarray(gate.gate_.mean[:width]), act=act)  # the average sentence
    assert decision.p_act + decision.p_background + decision.p_none == pytest.approx(1.0)
    assert gate.keeps(decision) == (decision.keep_probability >= 0.5)
    with pytest.raises(RuntimeError):
        ActGate().decide(np.zeros(width))
    if gate.reads_acts:
        with pytest.raises(ValueError, match="act_readings"):
            gate.decide(np.asarray(gate.gate_.mean[:width]))
        surer = gate.decide(np.asarray(gate.gate_.mean[:width]), act=np.asarray([0.9, 0.05, 0.05]))
        assert surer.keep_probability > decision.keep_probability


def test_act_features_are_the_log_odds_of_an_act_and_of_background() -> None:
    features = act_features(np.asarray([0.5, 0.25, 0.25]))
    assert features == pytest.approx([np.log(0.75 / 0.25), np.log(0.25 / 0.5)])
    assert np.isfinite(act_features(np.asarray([1.0, 0.0, 0.0]))).all()


@pytest.mark.models
def test_the_act_reader_tells_specific_acts_from_analysis() -> None:
    if not (GATE_DIR / ACT_MODEL_FILE).is_file():
        pytest.skip("no act reader shipped")
    reader = ActModel().initialize()
    sentences = [
        "Police arrested the mayor of Jamundi on Monday on charges of extortion.",
        "Analysts say the group may try to expand into the Pacific coast in coming years.",
        "Colombia's homicide rate has fallen every year since 2006, according to official figures.",
        "In 2011, police arrested the group's founder in Cali.",
    ]
    probs = reader.predict(sentences)
    assert probs.shape == (4, len(ACT_CLASSES))
    assert probs.sum(axis=1) == pytest.approx(np.ones(4))
    keep = probs[:, 0] + probs[:, 1]
    assert keep[0] > 0.5 and keep[3] > 0.5
    assert keep[1] < 0.5 and keep[2] < 0.5
    assert probs[3, 1] > probs[0, 1]  # a dated past act reads more like background
    # Each sentence is read alone: its reading does not depend on the batch.
    assert reader.predict(sentences[1:2]) == pytest.approx(probs[1:2])


def test_a_gate_trained_on_other_features_is_refused(tmp_path) -> None:
    data = json.loads((GATE_DIR / "weights.json").read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    (tmp_path / "weights.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="harmattan train gate"):
        ActGate(tmp_path).initialize()
    with pytest.raises(FileNotFoundError, match="harmattan train gate"):
        ActGate(tmp_path / "missing").initialize()


def test_the_type_head_decides_only_where_the_model_hesitates() -> None:
    head = np.zeros(len(PLOVER_EVENTS))
    head[PLOVER_EVENTS.index("COERCE")] = 1.0
    sure = {e: 0.0 for e in PLOVER_EVENTS} | {"SANCTION": 0.9}
    assert add_type_head(sure, head, 8.0) == sure  # all the mass on one type: untouched
    unsure = {e: 0.0 for e in PLOVER_EVENTS} | {"SANCTION": 0.3, "FIGHT": 0.3}
    adjusted = add_type_head(unsure, head, 8.0)
    assert max(adjusted, key=adjusted.get) == "COERCE"
    assert adjusted["COERCE"] == pytest.approx(8.0 * 0.6 * 0.5)


@pytest.mark.models
def test_only_specific_acts_are_coded_and_past_ones_are_background() -> None:
    article = Article(id="probe", date=parse_date("2024-03-02"), text=PROBE)
    events = code_articles([article])
    sentences = [e.evidence.sentence for e in events]
    assert not any(s.startswith(("Colombia's homicide rate", "Analysts say")) for s in sentences)
    killing = next(e for e in events if e.evidence.sentence.startswith("Gunmen killed"))
    assert killing.plover.event == "ASSAULT" and not killing.background
    arrest = next(e for e in events if e.evidence.sentence.startswith("In 2011"))
    assert arrest.plover.event == "COERCE" and arrest.background
    assert all(0.0 <= e.act_probability <= 1.0 for e in events)


@pytest.mark.models
def test_restatements_of_one_act_are_one_event_with_every_mention() -> None:
    text = ("Mexican police arrested the leader of the Gulf Cartel in Reynosa on Monday. "
            "The cartel leader was arrested by federal police after a shootout, officials said. "
            "The government said the arrest was a blow to organised crime.")
    article = Article(id="reynosa", date=parse_date("2024-03-05"), text=text)
    events = code_articles([article])
    arrests = [e for e in events if e.plover and e.plover.event == "COERCE"]
    assert len(arrests) == 1
    (arrest,) = arrests
    assert arrest.evidence.sentence.startswith("Mexican police arrested")
    assert [m["sentence"][:30] for m in arrest.mentions] == [
        "The cartel leader was arrested", "The government said the arrest"]
    for mention in arrest.mentions:
        assert text[mention["start"]:mention["end"]] == mention["sentence"]
    assert not arrest.background and arrest.to_dict()["mentions"] == arrest.mentions


def _weights_with_lexical_head() -> dict:
    """The shipped gate given a lexical head that reads "kill" as an act: its logit is one
    more input, pushing P(act) up."""
    data = json.loads((GATE_DIR / "weights.json").read_text(encoding="utf-8"))
    gate = data["gate"]
    if data.get("lexical") is None:
        gate["mean"] = gate["mean"] + [0.0]
        gate["scale"] = gate["scale"] + [1.0]
        gate["coef"] = [row + [0.0] for row in gate["coef"]]
    gate["coef"][0][-1] = 5.0
    data["lexical"] = {"weights": {"u:kill": 3.0}, "intercept": -1.0}
    return data


def test_the_gate_model_folder_can_be_set_by_the_environment(tmp_path, monkeypatch) -> None:
    from harmattan.events.gate import default_gate_dir

    monkeypatch.delenv("HARMATTAN_GATE_MODEL", raising=False)
    assert default_gate_dir() == GATE_DIR
    data = json.loads((GATE_DIR / "weights.json").read_text(encoding="utf-8"))
    data["threshold"] = 0.123
    (tmp_path / "weights.json").write_text(json.dumps(data), encoding="utf-8")
    if data.get("act_model"):
        import shutil

        shutil.copyfile(GATE_DIR / data["act_model"], tmp_path / data["act_model"])
    monkeypatch.setenv("HARMATTAN_GATE_MODEL", str(tmp_path))
    assert default_gate_dir() == tmp_path
    assert ActGate().initialize().threshold_ == pytest.approx(0.123)


def test_the_lexical_head_logit_is_the_gate_s_last_input() -> None:
    gate = ActGate().load(_weights_with_lexical_head())
    assert gate.lexical
    vector = np.asarray(gate.gate_.mean[:_base_width(gate)])
    act = np.asarray([0.4, 0.1, 0.5]) if gate.reads_acts else None
    with_kill = gate.decide(vector, lexical=["u:kill", "u:police"], act=act)
    without = gate.decide(vector, lexical=["u:police"], act=act)
    assert with_kill.p_act > without.p_act
    assert with_kill.p_act + with_kill.p_background + with_kill.p_none == pytest.approx(1.0)


def test_lexical_features_read_actors_and_numbers_as_placeholders() -> None:
    from harmattan.events.coder import CoderSettings, EventCoder
    from harmattan.training.act_gate import record_vectors

    coder = EventCoder(settings=CoderSettings(locate=False, gate=False,
                                              merge_restatements=False)).initialize()
    recorder = record_vectors({"probe": PROBE}, coder)
    start = PROBE.index("Gunmen")
    features = next(f for (_, s, _), f in recorder.lexical_records_.items() if s == start)
    assert "u:kill" in features and "r:kill" in features
    assert "u:<N>" in features and "w:four" not in features
    assert any(f.startswith("tg:") for f in features)
    assert features == sorted(set(features))


def test_the_cross_validated_gate_reads_each_article_with_its_own_fold() -> None:
    from harmattan.training.act_gate import CrossValidatedGate, choose_coder_threshold

    keep = _weights_with_lexical_head()
    drop = json.loads(json.dumps(keep))
    drop["gate"]["intercept"][2] = 60.0  # this fold's gate reads nothing as an act
    gate = CrossValidatedGate([keep, drop], {"a": 0, "b": 1}, threshold=0.5)
    vector = np.asarray(gate.gates_[0].gate_.mean[:_base_width(gate.gates_[0])])
    act = np.asarray([0.4, 0.1, 0.5]) if gate.gates_[0].reads_acts else None
    on_a = gate.decide(vector, ("a", 0, 10), ["u:kill"], act)
    on_b = gate.decide(vector, ("b", 0, 10), ["u:kill"], act)
    assert on_a.keep_probability > 0.5 and not gate.keeps(on_b)
    with pytest.raises(KeyError):
        gate.decide(vector, ("heldout-article", 0, 10), [], act)
    sweep = {"0.40": {"act_coverage": 0.76}, "0.50": {"act_coverage": 0.73},
             "0.60": {"act_coverage": 0.69}}
    assert choose_coder_threshold(sweep, 0.72) == 0.5
    assert choose_coder_threshold(sweep, 0.80) == 0.4


@pytest.mark.models
def test_the_gate_is_trained_on_the_act_reader_s_out_of_fold_readings(tmp_path) -> None:
    """A train sentence is read from the out-of-fold table (never by the reader that saw
    it); a sentence of another article by the shipped reader; a train sentence the table
    lacks is read by the shipped reader and counted."""
    import shutil

    from harmattan.training.act_gate import ActReadings

    if not (GATE_DIR / ACT_MODEL_FILE).is_file():
        pytest.skip("no act reader shipped")
    shutil.copyfile(GATE_DIR / ACT_MODEL_FILE, tmp_path / ACT_MODEL_FILE)
    (tmp_path / "act_oof.json").write_text(json.dumps({"a:0-20": [0.2, 0.7, 0.1]}),
                                           encoding="utf-8")
    reader = ActReadings(tmp_path, trained_on={"a"})
    text = "Police arrested him."
    rows = reader.read([text, text, text], [("a", 0, 20), ("b", 0, 20), ("a", 30, 50)])
    assert rows[0] == pytest.approx([0.2, 0.7, 0.1])
    assert rows[1] == pytest.approx(rows[2])
    assert rows[1] == pytest.approx(ActModel(tmp_path / ACT_MODEL_FILE).initialize().predict([text])[0])
    assert reader.missing == {("a", 30, 50)}


@pytest.mark.models
def test_a_sentence_the_reader_is_sure_reports_no_act_goes_no_further() -> None:
    """With a gate that screens, the act reader reads every candidate sentence once, before
    the sentence model; one it reads as reporting no act (below the screen) is neither read
    by the coder's pass of the sentence model nor coded, and the gate reuses the readings of
    the others."""
    from harmattan.events.coder import EventCoder

    gate = ActGate().initialize()
    if not gate.screen_:
        pytest.skip("the shipped gate does not screen")
    meeting = "Colombia's foreign minister met his Ecuadorian counterpart in Quito on Monday."
    visit = "Colombia's president visited Ecuador's president in Quito on Tuesday."
    real, read = gate.act_readings, []

    def readings(sentences: list[str], keys: list) -> np.ndarray:
        read.extend(sentences)
        out = real(sentences, keys)
        for i, sentence in enumerate(sentences):
            if sentence == meeting:
                out[i] = [gate.screen_ / 4, gate.screen_ / 4, 1.0 - gate.screen_ / 2]
        return out

    gate.act_readings = readings  # type: ignore[method-assign]
    coder = EventCoder(gate=gate).initialize()
    predict, calls = coder.classifier.predict, []
    coder.classifier.predict = lambda texts: calls.append(list(texts)) or predict(texts)
    article = Article(id="quito", date=parse_date("2024-03-05"), text=f"{meeting} {visit}")
    events = coder.code([article])
    assert sorted(read) == sorted([meeting, visit])  # each read once, by the screen
    # The coder's pass of the sentence model reads the other sentence only (the ACLED
    # classifier may read a short text's every sentence afterwards).
    assert calls[0] == [visit]
    assert [e.evidence.sentence for e in events] == [visit]
    assert events[0].plover.event == "CONSULT"


def test_a_main_verb_that_tells_no_act_gives_no_event_unless_a_verb_below_does() -> None:
    def code(text: str):
        return code_articles([Article(id="t", text=text, date=parse_date("2019-07-20"))])

    # staying, emerging: no pattern reads an act, and the main verb tells none
    assert code("Gonzalez remained in the department for several years.") == []
    assert code("The ties between Bukele and Alba Petroleos emerged in May 2019.") == []
    # the act told in the clause below the verb that tells none is read there
    events = code("The latest bloodshed comes after at least 20 individuals were killed July 8 by "
                  "gunmen in western Carazo department.")
    assert [e.plover.event for e in events] == ["ASSAULT"]
    assert events[0].evidence.trigger == "killed"


def test_a_headline_glued_to_its_lead_is_its_own_sentence() -> None:
    def code(text: str):
        return code_articles([Article(id="t", text=text, date=parse_date("2015-02-20"))])

    # a headline glued to its lead ("…Find?Panamanian") is its own sentence: the lead's act
    # is read on the lead, and the question asks, states no act
    events = code("Did US Tip Off Panama About Missile Find?Panamanian authorities have seized "
                  "weapons on a ship traveling from Cuba to North Korea.")
    assert [(e.plover.event, e.evidence.sentence[:22]) for e in events] == [
        ("COERCE", "Panamanian authorities")]
    assert code("Will Mexico Arrest the Cartel Leader?") == []


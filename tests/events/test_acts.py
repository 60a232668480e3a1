"""One event per act per article (events/acts.py) and the act scores (events/acts_eval.py)."""

from __future__ import annotations

from harmattan.events.acts import merge_restatements
from harmattan.events.acts_eval import article_intervals, evaluate_acts
from harmattan.schema import Actor, CameoCode, Event, Evidence, Modality, PloverCode

TEXT = ("Police Arrest Cartel Boss in Monterrey. Police arrested the cartel's leader in "
        "Monterrey on Monday. The arrest came after a long investigation. Gunmen killed two "
        "officers in Saltillo.")


def _sentence(text: str) -> tuple[int, int]:
    start = TEXT.index(text)
    return start, start + len(text)


def _event(sentence: str, etype: str, source: list[Actor], target: list[Actor],
           confidence: float = 0.8) -> Event:
    start, end = _sentence(sentence)
    return Event(event_id=f"{etype}{start}", article_id="a", date=None,
                 plover=PloverCode(etype), cameo=CameoCode(4), modality=Modality(),
                 source=source, target=target,
                 evidence=Evidence(sentence=sentence, start=start, end=end),
                 confidence=confidence)


POLICE = Actor("Police", "MEX", "COP")
LEADER = Actor("the cartel's leader", "MEX", "CRM")
GUNMEN = Actor("Gunmen", "", "CRM")
OFFICERS = Actor("two officers", "MEX", "COP")
USA = Actor("US agents", "USA", "COP")

HEADLINE = "Police Arrest Cartel Boss in Monterrey."
LEAD = "Police arrested the cartel's leader in Monterrey on Monday."
DETAIL = "The arrest came after a long investigation."
KILLING = "Gunmen killed two officers in Saltillo."


def test_tellings_of_one_act_become_one_event_citing_the_lead() -> None:
    events = merge_restatements([
        _event(HEADLINE, "COERCE", [POLICE], [], 0.9),
        _event(LEAD, "COERCE", [POLICE], [LEADER], 0.7),
        _event(DETAIL, "COERCE", [], [], 0.5),
        _event(KILLING, "ASSAULT", [GUNMEN], [OFFICERS]),
    ])
    assert [(e.plover.event, e.evidence.sentence) for e in events] == [
        ("COERCE", LEAD), ("ASSAULT", KILLING)]
    arrest = events[0]
    assert [m["sentence"] for m in arrest.mentions] == [HEADLINE, DETAIL]
    assert all(TEXT[m["start"]:m["end"]] == m["sentence"] for m in arrest.mentions)
    assert arrest.confidence == 0.9  # the surest telling's
    assert events[1].mentions == []


def test_acts_whose_sides_contradict_stay_apart() -> None:
    events = merge_restatements([
        _event(LEAD, "COERCE", [POLICE], [LEADER]),
        _event(DETAIL, "COERCE", [USA], []),
    ])
    assert len(events) == 2 and all(not e.mentions for e in events)


def test_a_side_the_cited_sentence_leaves_out_comes_from_another_telling() -> None:
    (event,) = merge_restatements([
        _event(LEAD, "COERCE", [], [LEADER], 0.9),
        _event(DETAIL, "COERCE", [POLICE], [], 0.4),
    ])
    assert event.evidence.sentence == LEAD and event.source == [POLICE]


def test_negated_acts_are_not_merged_with_plain_ones() -> None:
    plain = _event(LEAD, "COERCE", [POLICE], [LEADER])
    denied = _event(DETAIL, "COERCE", [POLICE], [LEADER])
    denied.modality = Modality(negated=True)
    assert len(merge_restatements([plain, denied])) == 2


def test_an_act_is_background_only_when_every_telling_reads_so() -> None:
    lead = _event(LEAD, "COERCE", [POLICE], [LEADER])
    later = _event(DETAIL, "COERCE", [POLICE], [])
    later.background = True
    (event,) = merge_restatements([lead, later])
    assert not event.background and len(event.mentions) == 1
    old = _event(LEAD, "COERCE", [POLICE], [LEADER])
    old.background = True
    (event,) = merge_restatements([old])
    assert event.background


def test_the_acled_coding_of_an_incident_survives_the_merge_of_its_tellings() -> None:
    # The ACLED classifier gives its incident's type to one event (events/acled_model.py);
    # when that event is a restatement of another, the merged act keeps the coding.
    lead = _event(LEAD, "COERCE", [POLICE], [LEADER], 0.9)
    detail = _event(DETAIL, "COERCE", [POLICE], [], 0.4)
    detail.acled = {"event_type": "Strategic developments", "sub_event_type": "Arrests",
                    "decided_by": "model"}
    (event,) = merge_restatements([lead, detail])
    assert event.evidence.sentence == LEAD
    assert event.acled is not None and event.acled["sub_event_type"] == "Arrests"
    (event,) = merge_restatements([_event(LEAD, "COERCE", [POLICE], [LEADER]),
                                   _event(DETAIL, "COERCE", [POLICE], [])])
    assert event.acled is None


def _labels() -> list[dict]:
    rows = []
    for sentence, kind, events, restates in [
        (HEADLINE, "act", [{"type": "COERCE", "source_code": "MEX", "target_code": "MEX"}], None),
        (LEAD, "act", [{"type": "COERCE", "source_code": "MEX", "target_code": "MEX"}], "HEAD"),
        (DETAIL, "opinion", [], None),
        (KILLING, "act", [{"type": "ASSAULT", "source_code": "MEX", "target_code": "MEX"}], None),
    ]:
        start, end = _sentence(sentence)
        rows.append({"key": f"a:{start}-{end}", "record_id": "a", "start": start, "end": end,
                     "text": sentence, "kind": kind, "events": events, "restates": restates})
    rows[1]["restates"] = rows[0]["key"]
    return rows


def test_act_scores_count_events_on_act_sentences_types_codes_and_extras() -> None:
    def coder(articles):
        assert [a.id for a in articles] == ["a"] and articles[0].text == TEXT
        lead = _event(LEAD, "COERCE", [POLICE], [LEADER])
        lead.mentions = [{"sentence": HEADLINE, "start": 0, "end": len(HEADLINE)}]
        return [lead,
                _event(DETAIL, "COERCE", [POLICE], []),          # not an act sentence
                _event(KILLING, "FIGHT", [GUNMEN], [OFFICERS]),   # wrong type, no source code
                _event(KILLING, "ASSAULT", [USA], [OFFICERS])]    # an extra event for the act

    report = evaluate_acts(_labels(), {"a": TEXT}, coder)
    f = report.figures
    assert (f["events"], f["act_sentences"], f["acts"]) == (4, 3, 2)
    assert f["event_precision"] == 0.75
    assert f["act_coverage"] == 1.0          # the headline is the lead's mention
    assert f["type_accuracy"] == round(2 / 3, 4)
    # source codes predicted: MEX, (none), USA against MEX, MEX, MEX
    assert f["source"] == {"precision": 0.5, "recall": round(1 / 3, 4)}
    assert f["target"] == {"precision": 1.0, "recall": 1.0}
    assert f["extra_per_act"] == 0.5         # two events for the killing, one for the arrest
    # one article: resampling it gives the figures themselves
    assert f["intervals"] == {"event_precision": [0.75, 0.75], "act_coverage": [1.0, 1.0],
                              "type_accuracy": [round(2 / 3, 4), round(2 / 3, 4)]}
    assert "event precision (events on act sentences)  0.750  (95% 0.750–0.750)" in report.render()
    assert not [e for e in report.errors if e["error"] == "missed act"]


def test_an_act_sentence_without_an_event_is_reported_as_missed() -> None:
    report = evaluate_acts(_labels(), {"a": TEXT},
                           lambda articles: [_event(KILLING, "ASSAULT", [GUNMEN], [OFFICERS])])
    missed = [e for e in report.errors if e["error"] == "missed act"]
    # the lead restates the headline: one first telling is missed, not two
    assert missed == [{"error": "missed act", "gold": ["COERCE"], "sentence": HEADLINE}]
    assert report.figures["act_coverage"] == round(1 / 3, 4)


def test_another_act_of_the_same_kind_is_not_a_retelling() -> None:
    global TEXT
    saved = TEXT
    TEXT = ("Police arrested the cartel's leader in Monterrey on Monday. Police arrested his "
            "brother on Wednesday. Police arrested another cartel member in Saltillo.")
    try:
        first = _event("Police arrested the cartel's leader in Monterrey on Monday.", "COERCE",
                       [POLICE], [LEADER])
        other_day = _event("Police arrested his brother on Wednesday.", "COERCE", [POLICE], [LEADER])
        another = _event("Police arrested another cartel member in Saltillo.", "COERCE",
                         [POLICE], [LEADER])
        assert len(merge_restatements([first, other_day, another])) == 3
    finally:
        TEXT = saved


def test_acts_told_in_other_years_or_on_other_french_days_are_not_retellings() -> None:
    global TEXT
    saved = TEXT
    TEXT = ("En 2008, l'armée russe a envahi la Géorgie. De même, en 2014, la Russie est "
            "intervenue militairement. Police arrested him in 2011. He was arrested in 2011 in "
            "Bogota. La police a arrêté le chef lundi. La police a arrêté son frère jeudi.")
    russia = Actor("la Russie", "RUS", "")
    try:
        georgia = _event("En 2008, l'armée russe a envahi la Géorgie.", "FIGHT", [russia], [])
        ukraine = _event("De même, en 2014, la Russie est intervenue militairement.", "FIGHT", [russia], [])
        assert len(merge_restatements([georgia, ukraine])) == 2
        # the same year: one act told twice
        told = _event("Police arrested him in 2011.", "COERCE", [POLICE], [])
        again = _event("He was arrested in 2011 in Bogota.", "COERCE", [], [])
        assert len(merge_restatements([told, again])) == 1
        monday = _event("La police a arrêté le chef lundi.", "COERCE", [POLICE], [])
        thursday = _event("La police a arrêté son frère jeudi.", "COERCE", [POLICE], [])
        assert len(merge_restatements([monday, thursday])) == 2
    finally:
        TEXT = saved


def test_intervals_resample_whole_articles() -> None:
    ratios = {"event_precision": ("on_act", "events")}
    # one article all right, one all wrong: a draw of two holds both (0.5), or one twice
    both = article_intervals({"a": {"on_act": 1, "events": 1}, "b": {"on_act": 0, "events": 1}}, ratios)
    assert both == {"event_precision": [0.0, 1.0]}
    # articles that agree leave nothing to vary, however many sentences each has
    same = article_intervals({str(i): {"on_act": 3 * i, "events": 4 * i} for i in range(1, 30)}, ratios)
    assert same == {"event_precision": [0.75, 0.75]}
    # many articles: the interval narrows around the pooled figure, the same for the same seed
    many = {str(i): {"on_act": i % 2, "events": 1} for i in range(400)}
    low, high = article_intervals(many, ratios)["event_precision"]
    assert 0.42 < low < 0.5 < high < 0.58
    assert article_intervals(many, ratios) == article_intervals(many, ratios)
    # a figure with no denominator in any draw is left out
    assert article_intervals({"a": {"on_act": 0, "events": 0}}, ratios) == {}
    assert article_intervals({}, ratios) == {}


def test_figures_by_corpus_when_the_articles_come_from_several() -> None:
    def relabel(rows: list[dict], record_id: str) -> list[dict]:
        out = []
        for row in rows:
            row = dict(row, record_id=record_id, key=row["key"].replace("a:", f"{record_id}:"))
            if row.get("restates"):
                row["restates"] = row["restates"].replace("a:", f"{record_id}:")
            out.append(row)
        return out

    labels = relabel(_labels(), "ic-1") + relabel(_labels(), "gwn-1")

    def coder(articles):
        assert sorted(a.id for a in articles) == ["gwn-1", "ic-1"]
        crime = [_event(LEAD, "COERCE", [POLICE], [LEADER]), _event(KILLING, "ASSAULT", [GUNMEN], [OFFICERS])]
        general = [_event(LEAD, "AGREE", [POLICE], [LEADER]), _event(DETAIL, "COERCE", [POLICE], [])]
        for event in crime:
            event.article_id = "ic-1"
        for event in general:
            event.article_id = "gwn-1"
        return crime + general

    f = evaluate_acts(labels, {"ic-1": TEXT, "gwn-1": TEXT}, coder).figures
    assert set(f["by_corpus"]) == {"ic", "gwn"}
    ic, gwn = f["by_corpus"]["ic"], f["by_corpus"]["gwn"]
    # crime: both events on act sentences, both typed right, 2 of 3 act sentences (the
    # headline is a first telling no event cites)
    assert (ic["articles"], ic["events"], ic["event_precision"], ic["type_accuracy"]) == (1, 2, 1.0, 1.0)
    assert ic["act_coverage"] == round(2 / 3, 4)
    # general news: one event on an opinion, one of the wrong type
    assert (gwn["events"], gwn["event_precision"], gwn["type_accuracy"]) == (2, 0.5, 0.0)
    assert ic["intervals"]["event_precision"] == [1.0, 1.0]  # one article: no spread
    # the whole is both together
    assert (f["events"], f["event_precision"], f["type_accuracy"]) == (4, 0.75, round(2 / 3, 4))
    assert "  gwn: 1 articles, 2 events, on act sentences 0.500" in evaluate_acts(
        labels, {"ic-1": TEXT, "gwn-1": TEXT}, coder).render()
    # one corpus: no breakdown
    assert "by_corpus" not in evaluate_acts(_labels(), {"a": TEXT}, lambda articles: []).figures

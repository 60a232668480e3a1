"""A place named as a route's origin or destination is no target (``coder._without_route_places``)."""

from __future__ import annotations

import pytest

from harmattan.events.coder import _without_route_places
from harmattan.pipeline import code_articles
from harmattan.schema import Actor, Article, parse_date


def _place(text: str, sentence: str, code: str, entry: str, sector: str = "") -> Actor:
    start = sentence.index(text)
    return Actor(text=text, code=code, sector=sector, start=start, end=start + len(text), entry=entry)


def test_origin_and_destination_places_are_dropped() -> None:
    sentence = "Police seized cocaine bound for Veracruz on a vessel that had left China."
    veracruz = _place("Veracruz", sentence, "MEX", "phoenix:countries:MEXICO")
    china = _place("China", sentence, "CHN", "countries:CHN")
    assert _without_route_places([veracruz, china], sentence, 0) == []
    sentence = "Police seized timber coming from Costa Rica and Venezuela from a man trying to drive into Mexico."
    costa_rica = _place("Costa Rica", sentence, "CRI", "countries:CRI")
    venezuela = _place("Venezuela", sentence, "VEN", "countries:VEN")
    mexico = _place("Mexico", sentence, "MEX", "countries:MEX")
    assert _without_route_places([mexico, venezuela, costa_rica], sentence, 0) == []


def test_other_targets_stay() -> None:
    sentence = "Chad sent troops to Niger and arrested smugglers headed for Libya."
    niger = _place("Niger", sentence, "NER", "countries:NER")        # "to", no route word
    smugglers = _place("smugglers", sentence, "TCD", "phoenix:agents:CRM", "CRM")
    assert _without_route_places([niger, smugglers], sentence, 0) == [niger, smugglers]
    # offsets count from the article's start
    text = "Earlier news. " + sentence
    libya = _place("Libya", text, "LBY", "countries:LBY")
    assert _without_route_places([libya], sentence, len("Earlier news. ")) == []


@pytest.mark.models
def test_a_seizure_is_not_done_to_the_shipments_destination() -> None:
    text = "Colombian police seized 12 tons of cocaine in a container headed for Mexico."
    (event,) = code_articles([Article(id="t", text=text, date=parse_date("2016-03-01"))])
    assert event.plover.event == "COERCE"
    assert "MEX" not in {a.code for a in event.target}


def test_a_side_of_a_border_where_the_act_happens_is_a_place() -> None:
    sentence = "Soldiers arrested smugglers on the border between Benin and Nigeria and near the border with Chad."
    benin = _place("Benin", sentence, "BEN", "countries:BEN")
    nigeria = _place("Nigeria", sentence, "NGA", "countries:NGA")
    chad = _place("Chad", sentence, "TCD", "countries:TCD")
    assert _without_route_places([benin, nigeria, chad], sentence, 0) == []
    for sentence, name, code in (("Troops clashed with JNIM on the Burkinabe border.", "Burkinabe", "BFA"),
                                 ("Agents seized cash along the US-Mexico border.", "US", "USA")):
        assert _without_route_places([_place(name, sentence, code, f"countries:{code}")], sentence, 0) == []
    # a border the act is done to keeps the country on its other side
    sentence = "Russia closed its southern borders with Iran and Turkey."
    iran = _place("Iran", sentence, "IRN", "countries:IRN")
    assert _without_route_places([iran], sentence, 0) == [iran]
    sentence = "Mali accused Algeria of arming rebels at the border."
    algeria = _place("Algeria", sentence, "DZA", "countries:DZA")
    assert _without_route_places([algeria], sentence, 0) == [algeria]


@pytest.mark.models
def test_an_arrest_on_a_border_is_not_done_to_the_countries_either_side() -> None:
    text = "Nigerien soldiers arrested six smugglers on the border between Benin and Nigeria."
    (event,) = code_articles([Article(id="b", text=text, date=parse_date("2024-03-01"))])
    assert event.plover.event == "COERCE"
    assert {a.code for a in event.target} == {"NER"}

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

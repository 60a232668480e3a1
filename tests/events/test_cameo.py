"""The CAMEO → PLOVER table and the quad classes."""

from __future__ import annotations

import pytest

from harmattan.events.cameo import CAMEO_NAMES, cameo_to_plover, normalise_code, quad_class
from harmattan.schema import PLOVER_EVENTS, PLOVER_QUAD, PloverCode


def test_threaten_with_military_force():
    assert cameo_to_plover("138") == PloverCode(event="THREATEN", mode="violence", context=["military"])
    assert CAMEO_NAMES["138"] == "Threaten with military force"
    assert quad_class("138") == 3


@pytest.mark.parametrize(
    ("code", "event"),
    [
        ("030", "AGREE"), ("046", "CONSULT"), ("057", "SUPPORT"), ("062", "COOPERATE"),
        ("073", "AID"), ("081", "CONCEDE"), ("0813", "CONCEDE"), ("0874", "RETREAT"),
        ("090", "INVESTIGATE"), ("1043", "DEMAND"), ("112", "DISAPPROVE"), ("120", "REJECT"),
        ("141", "PROTEST"), ("154", "MOBILIZE"), ("163", "SANCTION"), ("173", "COERCE"),
        ("175", "ASSAULT"), ("183", "ASSAULT"), ("190", "FIGHT"), ("191", "COERCE"),
        ("192", "FIGHT"), ("195", "FIGHT"), ("202", "ASSAULT"),
    ],
)
def test_event_names_follow_the_current_plover_set(code, event):
    assert cameo_to_plover(code).event == event


@pytest.mark.parametrize("code", ["010", "012", "015", "017", "018"])
def test_statements_have_no_plover_event(code):
    assert cameo_to_plover(code) is None
    assert quad_class(code) == 0


@pytest.mark.parametrize("code, event", [("011", "REJECT"), ("016", "REJECT"),
                                         ("020", "DEMAND"), ("0256", "DEMAND"), ("028", "DEMAND")])
def test_denials_refusals_and_appeals_are_coded_and_stay_statements_in_cameo(code, event):
    # the PLOVER manual's suggested exception for 016, its REQUEST ("all requests, demands and
    # orders") for appeals, and the act annotations' conventions
    assert cameo_to_plover(code).event == event
    assert quad_class(code) == 0


def test_modes_and_contexts():
    assert cameo_to_plover("195") == PloverCode("FIGHT", "aerial", ["military"])
    assert cameo_to_plover("091").context == ["crime", "corruption"]
    assert cameo_to_plover("0333").context == ["human_security"]      # was "humanitarian"
    assert cameo_to_plover("0811").context == ["pro_democracy"]       # was "democracy"
    assert cameo_to_plover("090").mode == ""                          # was "investigate"
    assert cameo_to_plover("0871").mode == "ceasefire"


def test_paired_and_unlisted_codes():
    assert normalise_code("[042:043]") == "042"
    assert normalise_code(":110") == "110"
    assert normalise_code("080!") == "080"
    assert cameo_to_plover("042:043") == PloverCode("CONSULT", "visit", [])
    # An unlisted sub-code falls back to its parent.
    assert cameo_to_plover("1389").event == "THREATEN"
    assert cameo_to_plover("---") is None
    assert cameo_to_plover("") is None


@pytest.mark.parametrize(
    ("code", "quad"),
    [("010", 0), ("028", 0), ("036", 1), ("057", 1), ("061", 2), ("0874", 2), ("090", 3),
     ("138", 3), ("141", 4), ("204", 4), ("---", 0), ("", 0)],
)
def test_quad_class(code, quad):
    assert quad_class(code) == quad


def test_every_plover_code_is_consistent_with_its_quad():
    """The CAMEO quad of every mapped code is the quad schema.PLOVER_QUAD gives its event."""
    for code in CAMEO_NAMES:
        plover = cameo_to_plover(code)
        if plover is None:
            continue
        assert plover.event in PLOVER_EVENTS
        if code.startswith(("01", "02")):  # statements in CAMEO, coded in PLOVER (see above)
            continue
        assert PLOVER_QUAD[plover.event] == quad_class(code), code


def test_names_cover_the_table():
    assert len(CAMEO_NAMES) > 300
    assert CAMEO_NAMES["19"] == "Fight"
    assert CAMEO_NAMES["0874"] == "Retreat or surrender militarily"

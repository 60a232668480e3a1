"""FIGHT or ASSAULT: PLOVER tells force by whom it hits (``coder._force_by_target``)."""

from __future__ import annotations

from harmattan.events.coder import _force_by_target
from harmattan.schema import Actor


def _actor(code: str, sector: str) -> Actor:
    return Actor(text="x", code=code, sector=sector)


def test_force_on_unarmed_officials_by_gunmen_is_an_assault() -> None:
    # "the prison director was shot dead by armed men": no one there fights back
    assert _force_by_target("FIGHT", [_actor("GTM", "GOV")], [_actor("", "REB")]) == "ASSAULT"
    assert _force_by_target("FIGHT", [_actor("MEX", "MED"), _actor("MEX", "CVL")], []) == "ASSAULT"
    assert _force_by_target("FIGHT", [_actor("MEX", "JUD")]) == "ASSAULT"


def test_force_by_a_states_forces_on_officials_stays_a_fight() -> None:
    assert _force_by_target("FIGHT", [_actor("SYR", "GOV")], [_actor("ISR", "MIL")]) == "FIGHT"
    assert _force_by_target("FIGHT", [_actor("MEX", "OPP")], [_actor("MEX", "COP")]) == "FIGHT"
    # a state named alone is a state at war
    assert _force_by_target("FIGHT", [_actor("UKR", "GOV")], [_actor("RUS", "")]) == "FIGHT"


def test_force_on_armed_actors_or_a_state_named_alone_is_a_fight() -> None:
    assert _force_by_target("FIGHT", [_actor("MLI", "MIL")], [_actor("MLI", "REB")]) == "FIGHT"
    assert _force_by_target("FIGHT", [_actor("UKR", "")], [_actor("RUS", "")]) == "FIGHT"
    assert _force_by_target("FIGHT", [_actor("MLI", "GOV"), _actor("MLI", "MIL")]) == "FIGHT"
    assert _force_by_target("FIGHT", []) == "FIGHT"
    assert _force_by_target("ASSAULT", [_actor("NER", "MIL")], [_actor("", "REB")]) == "FIGHT"
    assert _force_by_target("COERCE", [_actor("MEX", "GOV")]) == "COERCE"


def test_taking_a_village_is_a_fight_not_an_assault_on_its_people() -> None:
    from harmattan.pipeline import code_articles
    from harmattan.schema import Article, parse_date

    (event,) = code_articles([Article(id="a", text="The army regained control of the village after heavy fighting.",
                                      date=parse_date("2023-01-01"))])
    assert event.plover.event == "FIGHT" and event.cameo.code == "192"


def test_an_abduction_is_an_assault_whoever_is_taken() -> None:
    from harmattan.pipeline import code_articles
    from harmattan.schema import Article, parse_date

    for text, language in [("Gunmen took three soldiers hostage near Gao on Monday.", "en"),
                           ("JNIM fighters kidnapped two police officers near Mopti on Monday.", "en"),
                           ("Des hommes armés ont enlevé trois soldats près de Gao lundi.", "fr")]:
        (event,) = code_articles([Article(id="a", text=text, date=parse_date("2023-01-01"), language=language)])
        assert (event.plover.event, event.cameo.code) == ("ASSAULT", "181"), text
    # an attack on soldiers stays a fight
    (event,) = code_articles([Article(id="b", text="JNIM fighters attacked a military base near Mopti on Monday.",
                                      date=parse_date("2023-01-01"))])
    assert event.plover.event == "FIGHT"

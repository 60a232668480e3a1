"""The coder end to end, with the shipped models: the seed report and hand-written Sahel cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmattan.ingest.readers import read_inputs
from harmattan.pipeline import code_articles
from harmattan.schema import PLOVER_EVENTS, PLOVER_QUAD, Article, parse_date

pytestmark = pytest.mark.models

HERE = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
SEED = SHARED / "seed" / "seed.jsonl"
SAHEL = [json.loads(line) for line in (HERE / "golden" / "sahel.jsonl").open(encoding="utf-8")]


@pytest.fixture(scope="module")
def seed_events():
    (article,) = list(read_inputs([SEED]))
    return article, code_articles([article])


def _codes(actors):
    return {a.code for a in actors}


def test_seed_every_event_has_exact_evidence(seed_events) -> None:
    article, events = seed_events
    assert events
    for event in events:
        assert article.text[event.evidence.start:event.evidence.end] == event.evidence.sentence
        if event.evidence.trigger_start is not None:
            assert article.text[event.evidence.trigger_start:event.evidence.trigger_end] == event.evidence.trigger
        for actor in event.source + event.target:
            if actor.start is None:
                # a party no words name: no text, and its entry says why it is there
                assert actor.text == "" and actor.end is None
                assert actor.entry.startswith("implied:") and actor.code
            else:
                assert article.text[actor.start:actor.end] == actor.text
        assert event.date == "2023-11-08"
        assert event.plover is None or event.plover.event in PLOVER_EVENTS
        assert event.plover is None or event.cameo.quad_class == PLOVER_QUAD[event.plover.event]


def test_seed_niger_cooperates_militarily_with_mali_or_burkina(seed_events) -> None:
    _, events = seed_events
    assert any(
        e.plover and e.plover.event in {"AGREE", "SUPPORT", "COOPERATE"}
        and "NER" in _codes(e.source) and _codes(e.target) & {"MLI", "BFA"}
        and "military" in e.plover.context
        for e in events
    ), [(e.plover, _codes(e.source), _codes(e.target)) for e in events]


def test_seed_ecowas_consults_or_demands_niger(seed_events) -> None:
    _, events = seed_events
    assert any(
        e.plover and e.plover.event in {"CONSULT", "DEMAND"}
        and any(a.code == "IGO" and a.actor_id == "ECOWAS" for a in e.source)
        and "NER" in _codes(e.target)
        for e in events
    )


def test_seed_ecowas_threat_is_hypothetical(seed_events) -> None:
    _, events = seed_events
    threats = [
        e for e in events
        if e.plover and e.plover.event == "THREATEN"
        and any(a.actor_id == "ECOWAS" for a in e.source) and "NER" in _codes(e.target)
    ]
    assert threats and all(e.modality.hypothetical for e in threats)
    # "military intervention may be necessary" is never coded as an intervention.
    assert not any(
        e.plover and e.plover.event in {"ASSAULT", "FIGHT"} and "intervention may be" in e.evidence.sentence
        for e in events
    )


def test_seed_tiani_is_niger_military_or_government(seed_events) -> None:
    _, events = seed_events
    tiani = [a for e in events for a in e.source + e.target if "Tiani" in a.text]
    assert tiani and all(a.code == "NER" and a.sector in {"MIL", "GOV"} for a in tiani)


def test_seed_never_codes_nigeria(seed_events) -> None:
    _, events = seed_events
    assert all(a.code != "NGA" for e in events for a in e.source + e.target)


def test_event_ids_are_stable_and_unique(seed_events) -> None:
    article, events = seed_events
    again = code_articles([article])
    assert [e.event_id for e in again] == [e.event_id for e in events]
    assert len({e.event_id for e in events}) == len(events)
    assert [e.to_dict() for e in again] == [e.to_dict() for e in events]


def test_no_event_in_an_article_without_one() -> None:
    article = Article(id="weather", text="It rained in the morning and the sun came out later.",
                      date=parse_date("2023-11-08"))
    assert code_articles([article]) == []


def test_negated_act_is_flagged() -> None:
    article = Article(id="neg", text="Mali did not sign the peace agreement with the rebels.",
                      date=parse_date("2015-05-15"))
    events = code_articles([article])
    assert events and events[0].modality.negated


@pytest.mark.parametrize("text, negated", [
    ("In January 2012, police nearly captured the cartel boss in Rome.", True),
    ("Two soldiers were almost killed in an ambush near Gao on Monday.", True),
    ("Nearly 40 people were killed in an ambush near Gao on Monday.", False),
])
def test_an_act_that_nearly_happened_is_negated(text: str, negated: bool) -> None:
    events = code_articles([Article(id="near", text=text, date=parse_date("2012-02-01"))])
    assert events and all(e.modality.negated is negated for e in events)


@pytest.mark.parametrize("text", [
    "None of the Malian soldiers was charged.",
    "No one has claimed responsibility for the attack in Niger.",
    "Not a single Malian officer was punished.",
])
def test_an_act_no_one_did_or_suffered_is_negated(text: str) -> None:
    # the negation is in the subject's words ("no one", "none of", "not a single"), not on
    # the verb
    events = code_articles([Article(id="none", text=text, date=parse_date("2024-03-01"))])
    assert events and all(e.modality.negated for e in events)


def test_not_only_one_actor_is_no_negation() -> None:
    events = code_articles([Article(id="notonly", text="Not only the Malian army but also Wagner attacked "
                                    "the village.", date=parse_date("2024-03-01"))])
    assert events and not any(e.modality.negated for e in events)


def test_a_hedged_report_of_a_past_act_is_no_threat() -> None:
    # "suggest" hedges a kidnapping told as done; it does not make it a proposal or a threat
    text = ("Initial reports suggest that CJNG operatives kidnapped high-ranking members of the "
            "Sinaloa Cartel while they were celebrating a night out.")
    events = code_articles([Article(id="hedge", text=text, date=parse_date("2016-08-16"))])
    main = max(events, key=lambda e: e.confidence)
    assert (main.plover.event, main.modality.hypothetical) == ("ASSAULT", False)
    # a threat to attack is still one, and the attack in it not done
    text = "The rebels threatened to attack Goma."
    events = code_articles([Article(id="threat", text=text, date=parse_date("2012-11-16"))])
    assert [e.plover.event for e in events] == ["THREATEN"]


def test_a_threat_with_a_condition_is_a_threat_made() -> None:
    text = ("The group threatened business owners with kidnappings and arbitrary detentions if they "
            "refused to pay monthly quotas.")
    events = code_articles([Article(id="cond", text=text, date=parse_date("2015-06-01"))])
    assert [(e.plover.event, e.modality.hypothetical) for e in events] == [("THREATEN", False)]


@pytest.mark.parametrize("text", [
    "ECOWAS did not rule out the use of force to restore President Bazoum.",
    "ECOWAS has not ruled out a military intervention in Niger.",
    "Nigeria refused to rule out military action against the junta.",
])
def test_force_not_ruled_out_is_a_threat_made(text: str) -> None:
    events = code_articles([Article(id="ruleout", text=text, date=parse_date("2023-08-10"))])
    main = max(events, key=lambda e: e.confidence)
    assert (main.plover.event, main.modality.negated) == ("THREATEN", False)
    assert main.cameo.code == "138"


def test_force_ruled_out_stays_a_rejection() -> None:
    events = code_articles([Article(id="ruledout", text="ECOWAS ruled out a military intervention.",
                                    date=parse_date("2023-08-10"))])
    assert [e.plover.event for e in events] == ["REJECT"]


@pytest.mark.parametrize("text,event,code", [
    ("Niger's junta announced the closure of the country's land and air borders.", "SANCTION", "163"),
    ("Washington announced the suspension of its development aid to Burkina Faso.", "SANCTION", "162"),
    ("France announced the suspension of its military cooperation with Mali.", "SANCTION", "161"),
    ("Captain Traore decreed a general mobilisation to face the insecurity.", "MOBILIZE", "154"),
    ("Ethiopia declared a state of emergency in the Amhara region after clashes with Fano militiamen.",
     "COERCE", "1724"),
    # crowd control, not the protest of those it is fired at
    ("Police in Dakar fired tear gas at opposition supporters protesting the delay of the election.",
     "ASSAULT", "175"),
    # arms received, not a seizure
    ("Mali took delivery of Turkish Bayraktar drones bought to fight jihadist groups.", "COOPERATE", "062"),
    # envoys sent make a visit, not aid
    ("ECOWAS sent a delegation of religious leaders to Niamey to negotiate with the junta.", "CONSULT", "042"),
    # a mission ended is a withdrawal
    ("The European Union ended its military training mission in Mali.", "SANCTION", "166"),
    # refugees received are humanitarian aid, not their flight
    ("Mauritania received thousands of Malian refugees fleeing fighting in the Timbuktu region.", "AID", "073"),
    # a broadcaster suspended by name, not the report it covered
    ("Burkina Faso suspended the BBC and Voice of America for two weeks over their coverage of a report "
     "accusing the army of killing civilians.", "COERCE", "1721"),
    # an agreement being ended, not agreed
    ("Chad said it was ending its defence cooperation agreement with France.", "SANCTION", "160"),
    # a journalist arrested is arrested (not the source block's violent repression)
    ("Gendarmes arrested a journalist in Niamey after he criticised the junta.", "COERCE", "173"),
    # protesters arrested during a rally are arrested (the rally won over the repression, 175)
    ("Police in Lagos arrested 40 protesters on Saturday during a rally against rising fuel prices.",
     "COERCE", "173"),
    ("Police arrested dozens of people during demonstrations in Dakar.", "COERCE", "173"),
    # an investigation called for is an appeal, not the inquiry
    ("The UN human rights office called for an independent investigation into the killings in Burkina Faso.",
     "DEMAND", "0214"),
    # drills launched are a show of force
    ("China launched military drills around Taiwan.", "MOBILIZE", "150"),
    # a town entered by rebels is taken; who backs them is who they are, no act
    ("M23 rebels backed by Rwanda entered the city of Goma in eastern Congo.", "FIGHT", "192"),
    ("Insurgents linked to the Islamic State attacked the town of Macomia in northern Mozambique.",
     "ASSAULT", "180"),
])
def test_the_act_a_verb_states_is_read_off_its_object(text: str, event: str, code: str) -> None:
    # (an act named by the noun a verb announces, decrees or closes; what a common verb does)
    events = code_articles([Article(id="object", text=text, date=parse_date("2023-08-10"))])
    main = max(events, key=lambda e: e.confidence)
    assert (main.plover.event, main.cameo.code) == (event, code)


def test_a_visit_made_on_arrival_is_hosted_by_the_capital() -> None:
    text = ("Niger's junta leader General Abdourahamane Tiani arrived in Bamako on Thursday on his first "
            "trip abroad since seizing power.")
    main = max(code_articles([Article(id="visit", text=text, date=parse_date("2023-11-23"))]),
               key=lambda e: e.confidence)
    assert (main.plover.event, main.cameo.code) == ("CONSULT", "042")
    assert [a.code for a in main.source] == ["NER", "NER"]
    assert [(a.text, a.code) for a in main.target] == [("Bamako", "MLI")]


def test_a_speakers_own_troops_are_not_the_target_of_its_threat() -> None:
    text = "ECOWAS said its troops would intervene in Niger if diplomatic efforts failed."
    main = max(code_articles([Article(id="own", text=text, date=parse_date("2023-08-18"))]),
               key=lambda e: e.confidence)
    assert main.plover.event == "THREATEN" and [a.code for a in main.source] == ["IGO"]
    assert all(a.text != "troops" for a in main.target)


def test_an_ambassador_withdrawn_is_a_recall() -> None:
    text = "France withdrew its ambassador from Niger."
    main = max(code_articles([Article(id="withdraw", text=text, date=parse_date("2023-09-25"))]),
               key=lambda e: e.confidence)
    assert (main.plover.event, main.cameo.code) == ("SANCTION", "161")
    assert [a.code for a in main.source] == ["FRA"]


def test_a_minister_arrested_by_the_state_is_arrested_not_abducted() -> None:
    text = "Nigerien security forces arrested former minister Ibrahim Yacoubou at his home in Niamey."
    main = max(code_articles([Article(id="arrest", text=text, date=parse_date("2023-08-12"))]),
               key=lambda e: e.confidence)
    assert (main.plover.event, main.cameo.code) == ("COERCE", "173")
    # a minister seized by gunmen is still abducted
    text = "Gunmen seized a minister in Kaduna."
    main = max(code_articles([Article(id="seize", text=text, date=parse_date("2023-08-12"))]),
               key=lambda e: e.confidence)
    assert (main.plover.event, main.cameo.code) == ("ASSAULT", "181")


def test_a_clause_of_time_is_not_denied_by_the_verb_above_it() -> None:
    text = ("Mexican officials didn't identify Heriberto Lazcano until after they had killed him and his "
            "body had been stolen.")
    events = code_articles([Article(id="time", text=text, date=parse_date("2012-10-10"))])
    assert [(e.plover.event, e.modality.negated) for e in events] == [("ASSAULT", False)]
    # what the verb itself governs still is
    events = code_articles([Article(id="neg", text="Mali did not sign the peace agreement with the rebels.",
                                    date=parse_date("2015-05-15"))])
    assert events and events[0].modality.negated


def test_someone_wanted_by_the_police_is_no_act() -> None:
    text = ("While Simon was wanted in both Colombia and the United States, Juan Diego Usuga had no "
            "outstanding charges in Colombia.")
    events = code_articles([Article(id="wanted", text=text, date=parse_date("2014-02-01"))])
    assert all(e.evidence.trigger != "wanted" for e in events)


@pytest.mark.parametrize("text", [
    "Given that a single US bill weighs approximately 1 gram, the potential value of the seized "
    "currency would be over $2 billion dollars.",
    "In Paraiba's more rural outposts, however, for now the responsibility lies with the 130 police "
    "responsible for carrying out the operation.",
    "In October 2011, 980 officers, more than 10 percent of the state force, were fired after failing "
    "tests designed to root out corruption.",
    "In March, local media reported on an ongoing conflict between the two groups in the state of Colima.",
    "The emails, which were obtained by Colombian newspaper El Espectador, offered a snapshot of the broad "
    "portfolio of financial interests managed by the Eastern Bloc of the FARC.",
    "At least part of their reach came to light in a cable released by Wikileaks in which outgoing "
    "Ambassador Charles Ford spoke candidly about then President Manuel Zelaya.",
    "The Zetas became famed for their ruthless violence, and in 2010 struck out on their own after a "
    "fall out with the Gulf Cartel's leadership.",
    "President Felipe Calderon has held up the passage of a law to compensate victims of violence in "
    "Mexico, drawing outrage from campaign groups that backed the move.",
    "Homicides in Acapulco shot up in 2012 after the arrest of the cartel's leader.",
    "Honduras has taken the first step toward formulating a coherent national policy by creating the "
    "commission in November 2013.",
    "One of the reasons El Chapo has managed to evade capture for so long is thanks to his small army "
    "of private security.",
    "The descriptions of the two men match those of the gunmen seen in Trujillo on Monday.",
    "The fingerprints of the suspect matched those found on the weapon, prosecutors said.",
    # "regarding" and a name's "alias" read as verbs (doubled quotes as the corpus writes them)
    "NBC sums up the report's findings regarding the effectiveness of Project Gunrunner, a U.S. "
    "task force formed in 2005 that tracks gun smuggling into Mexico.",
    'In a San Diego courtroom, Jose Rodrigo Arechiga Gamboa, alias ""El Chino Antrax,"" pled not '
    "guilty to federal charges of conspiring to smuggle cocaine and other drugs into the US.",
    # what someone is said or thought to do: a state (nor is a verb in the subject's words an
    # act beside it)
    "The FARC is reported to run clandestine arms factories in Colombia.",
    "The Sinaloa Cartel was believed to control the port of Manzanillo.",
    "The Tlahuac Cartel, formerly led by Felipe de Jesus Perez Luna, before he was killed by "
    "Mexico's Navy in July 2017, was thought to operate freely in Mexico City.",
])
def test_a_verb_in_a_sense_that_tells_no_act_gives_no_event(text: str) -> None:
    # a weight, where something lies, a dismissal, coverage: not CONSIDER, an accusation,
    # shooting, nor whatever verb hangs below
    assert code_articles([Article(id="sense", text=text, date=parse_date("2015-06-01"))]) == []


def test_a_thing_does_no_act_no_pattern_reads() -> None:
    # the sentence model read COERCE; no verb pattern reads an act, and a boat is no doer
    text = ("A boat vanished on May 16 in route to Trinidad and Tobago, and no corpses, wreckage "
            "or surviving passengers have been found.")
    assert code_articles([Article(id="boat", text=text, date=parse_date("2019-07-01"))]) == []
    # a weapon is no thing of the list: the bomb's blast stays an attack
    text = "A car bomb exploded in front of a police station in San Lorenzo, injuring 28 people."
    events = code_articles([Article(id="bomb", text=text, date=parse_date("2018-01-28"))])
    assert [e.plover.event for e in events if e.plover] == ["ASSAULT"]


def test_taking_into_ones_own_hands_is_no_arrest() -> None:
    text = "Amid Crisis, Venezuela Citizens Take Security Into Own Hands."
    assert code_articles([Article(id="hands", text=text, date=parse_date("2017-05-01"))]) == []


def test_an_act_noun_that_modifies_a_system_names_no_act() -> None:
    # "Seizure" modifies "System": no seizure (COERCE 1711) is told
    text = "Honduran Criminal Assets Frozen in Crippled Seizure System."
    events = code_articles([Article(id="system", text=text, date=parse_date("2014-07-15"))])
    assert "Seizure" not in [e.evidence.trigger for e in events]
    assert all(e.cameo.code != "1711" for e in events)


def test_a_citizenship_held_is_no_one_held() -> None:
    # HOLD read as CONFINE (170) on "holds U.S. citizenship"; the act is the tracking
    text = ("U.S. authorities tracked Coronel, who holds U.S. citizenship, as she traveled from "
            "Mexico to the United States and back.")
    events = code_articles([Article(id="held", text=text, date=parse_date("2011-09-01"))])
    assert [e.evidence.trigger for e in events] == ["tracked"]
    text = "Rebels held two soldiers for three weeks near Kidal."
    (event,) = code_articles([Article(id="held2", text=text, date=parse_date("2011-09-01"))])
    assert (event.cameo.code, event.evidence.trigger) == ("170", "held")


def test_praise_with_an_arrest_in_its_object_is_still_praise() -> None:
    # CAMEO's "- * ARREST [110]  # HAIL" under ACCLAIM is HAIL's: "applauded … arrests" is no
    # disapproval (it came out RETREAT, the sentence model's reading of the rest)
    text = ("He also applauded Operation Homeland, a one-month operation carried out at the end of "
            "2015 which saw the seizure of $1.8 million in cash, and numerous arrests and drug "
            "interdictions.")
    events = code_articles([Article(id="praise", text=text, date=parse_date("2016-07-01"))])
    assert [(e.plover.event, e.evidence.trigger) for e in events if e.plover][:1] == [("SUPPORT", "applauded")]


def test_an_accusation_in_a_title_case_headline_decides_nothing() -> None:
    # (an accusation said by a named subject decides its type: the parametrised test of
    # unambiguous verbs below; "Alleged" here is a headline's adjective)
    (event,) = code_articles([Article(id="headline", text="Mexico Arrests Alleged US Member of Tijuana Cartel.",
                                      date=parse_date("2017-02-01"))])
    assert event.plover.event == "COERCE"


def test_coming_that_frames_an_act_is_no_visit() -> None:
    # "came … when …", "comes as …": the act is the clause's, not a visit (ARRIVE, 040)
    text = ("The latest development came on April 25 when Jacob Fehr, a member of Mexico's Mennonite "
            "community who had relocated to Canada, was sentenced to seven years in prison for "
            "trafficking cocaine, reported CBC News.")
    (sentence,) = code_articles([Article(id="came", text=text, date=parse_date("2013-05-01"))])
    assert (sentence.plover.event, sentence.evidence.trigger) == ("COERCE", "sentenced")
    text = ("The latest measure comes as an official endorsement of an emergency decree backed by "
            "President Porfirio Lobo.")
    assert code_articles([Article(id="comes", text=text, date=parse_date("2011-11-01"))]) == []


@pytest.mark.parametrize("text, event", [
    ("Police fired tear gas at the crowd in Caracas.", "ASSAULT"),
    ("Soldiers fired on the rebels near Kidal on Monday.", "FIGHT"),
    # an official fired is removed from office (DISMISS_OFFICIAL, 172)
    ("The governor fired the police chief on Monday.", "COERCE"),
])
def test_firing_at_someone_is_still_force(text: str, event: str) -> None:
    events = code_articles([Article(id="fire", text=text, date=parse_date("2015-06-01"))])
    assert [e.plover.event for e in events if e.plover] == [event]


def test_as_opposed_to_is_no_opposition() -> None:
    text = ("As opposed to its July 1 statement, in which it named the group as specially designated "
            "narcotics traffickers without providing details, the Treasury this time identified several "
            "companies the group controls.")
    events = code_articles([Article(id="opposed", text=text, date=parse_date("2015-07-20"))])
    assert all(e.evidence.trigger != "opposed" for e in events)


def test_the_authors_guess_at_what_an_act_means_is_no_event() -> None:
    text = ("Abduction of Chapos Son May Signal War Between Mexico Cartels. The arrest of an alleged PCC "
            "leader in Paraguay's capital may indicate that the powerful criminal organization is "
            "deepening its penetration into the neighboring country. Police arrested five men in "
            "Asuncion on Monday, which may signal a new crackdown.")
    events = code_articles([Article(id="guess", text=text, date=parse_date("2016-08-16"))])
    # only the arrest told as done: the guess in its relative clause does not undo it
    assert [(e.plover.event, e.evidence.trigger) for e in events] == [("COERCE", "arrested")]
    text = ("Emerald Baron Killed in Colombia. The death of one of Colombia's most important emerald "
            "barons marks the end of an era of relative peace and could usher in another Green War as "
            "rival clans fight for control of the mines. The prospect of supplying Mexico will likely "
            "counter any security concerns. Police arrested the mayor on Monday and the arrest could "
            "weaken the cartel.")
    events = code_articles([Article(id="guess2", text=text, date=parse_date("2016-08-16"))])
    assert [(e.plover.event, e.evidence.trigger) for e in events
            if e.evidence.start > 0] == [("COERCE", "arrested")]
    # a lone sentence in lower case is no headline: a guess coordinated with an act keeps the act
    events = code_articles([Article(id="guess3", text="Police arrested the mayor on Monday and the "
                                    "arrest could weaken the cartel.", date=parse_date("2016-08-16"))])
    assert [e.plover.event for e in events] == ["COERCE"]


@pytest.mark.parametrize("text", [
    "Honduras has convicted a major drug trafficker wanted for extradition by the United States in a "
    "second case against him.",
    "A US grand jury indicted the former president for drug trafficking.",
    # FIND's "- * &CONTRABAND [1711]" read "money laundering" as contraband seized
    "Jose Miguel Handal Perez and his wife were found guilty of money laundering on August 21, the "
    "Attorney General's Office announced in a press release.",
    # FILE's "- * CHARGE (AGAINST) [173]", where the quad head locked COERCE out
    "On Saturday, a Nicaraguan prosecutor filed charges of drug trafficking and money laundering "
    "against Farinas, who was arrested Thursday.",
])
def test_a_conviction_or_an_indictment_is_legal_action(text: str) -> None:
    # CRITICIZE / ACCUSE patterns ("- * CASE AGAINST [111]") read a conviction as criticism
    events = code_articles([Article(id="court", text=text, date=parse_date("2015-06-01"))])
    assert [(e.plover.event, e.cameo.code) for e in events][:1] == [("COERCE", "173")]


def test_a_prison_sentence_is_no_party_to_the_act() -> None:
    text = ("Mario Cardenas already served a prison sentence in Mexico between 1995 and 2007, during which "
            "he helped run the family criminal business from behind bars.")
    events = code_articles([Article(id="prison", text=text, date=parse_date("2016-08-16"))])
    assert all(a.text != "prison" for e in events for a in e.source + e.target)


def test_a_verb_spelled_the_american_way_is_read_as_the_british_one() -> None:
    # CAMEO lists LABEL {LABELLED LABELLING} only
    events = code_articles([Article(id="us", text="The president labeled the rebels terrorists on Monday.",
                                    date=parse_date("2015-06-01"))])
    assert [(e.plover.event, e.cameo.code) for e in events] == [("DISAPPROVE", "1123")]


def test_a_lynching_is_an_assault() -> None:
    # no CAMEO verb had "lynch"; the sentence's "proof was offered" is no offer either
    text = ("Fresh proof was offered on August 8 when 19-year-old Guatemalan citizen, part of a peace march to "
            "protest violence against migrants, was lynched in southern Mexico.")
    events = code_articles([Article(id="lynch", text=text, date=parse_date("2011-08-24"))])
    assert [(e.plover.event, e.evidence.trigger) for e in events] == [("ASSAULT", "lynched")]
    assert [a.code for e in events for a in e.target] == ["GTM"]


def test_a_participle_after_a_preposition_describes_whom_it_names() -> None:
    text = ("Jalisco Attorney General Eduardo Almaguer confirmed that Alfredo Guzman, the son of jailed "
            "Sinaloa Cartel leader Joaquin Guzman, was among the victims.")
    events = code_articles([Article(id="jailed", text=text, date=parse_date("2016-08-16"))])
    assert all(e.evidence.trigger != "jailed" for e in events)


def _sahel_ok(case, events) -> tuple[bool, str]:
    if not events:
        return False, "no event"
    best = max(events, key=lambda e: e.confidence)
    expect = case["expect"]
    got = best.plover.event if best.plover else None
    problems = []
    if got not in expect["event"]:
        problems.append(f"event {got} not in {expect['event']}")
    for role in ("source", "target"):
        actors = getattr(best, role)
        want_codes = {a["code"] for a in expect[role]}
        if want_codes - _codes(actors):
            problems.append(f"{role} codes {sorted(_codes(actors))} lack {sorted(want_codes - _codes(actors))}")
        for want in expect[role]:
            if want["sector"] and not any(a.code == want["code"] and a.sector == want["sector"] for a in actors):
                problems.append(f"{role} {want['code']} lacks sector {want['sector']}")
    return not problems, "; ".join(problems)


@pytest.fixture(scope="module")
def sahel_results():
    articles = [Article(id=c["id"], text=c["text"], date=parse_date(c["date"])) for c in SAHEL]
    events = code_articles(articles)
    by_article: dict[str, list] = {}
    for e in events:
        by_article.setdefault(e.article_id, []).append(e)
    return {c["id"]: _sahel_ok(c, by_article.get(c["id"], [])) for c in SAHEL}


def test_sahel_cases_reach_80_percent(sahel_results) -> None:
    passed = sum(ok for ok, _ in sahel_results.values())
    failures = {k: why for k, (ok, why) in sahel_results.items() if not ok}
    assert passed / len(SAHEL) >= 0.8, failures


def test_events_carry_the_place_where_they_happened() -> None:
    text = ("Hundreds of JNIM fighters attacked a military base in Djibo on Sunday. "
            "The army said the attackers were repelled. Burkina Faso's government declared "
            "three days of mourning.")
    article = Article(id="djibo", date=parse_date("2023-11-26"), text=text)
    events = code_articles([article])
    attack = next(e for e in events if e.evidence.sentence.startswith("Hundreds"))
    loc = attack.location
    assert (loc["text"], loc["name"], loc["country"], loc["admin1"], loc["precision"],
            loc["basis"]) == ("Djibo", "Djibo", "BF", "Sahel", 1, "sentence")
    assert text[loc["start"]:loc["end"]] == "Djibo"
    assert abs(loc["lat"] - 14.1) < 0.2 and abs(loc["lon"] + 1.63) < 0.2
    for event in events:
        if event.location and event.location["basis"] == "article":
            assert (event.location["country"], event.location["precision"]) == ("BF", 3)


@pytest.mark.parametrize("text", [
    "JNIM fighters briefly seized the town of Mansila after overrunning an army base.",
    "JNIM fighters attacked Djibo on Sunday.",
])
def test_a_group_across_borders_takes_the_country_of_a_town_it_acts_in(text: str) -> None:
    # a town the dictionary lists says where, however the sentence names it (it was JNIM's
    # home country, Mali, unless "in" came before the town)
    events = code_articles([Article(id="town", date=parse_date("2024-06-11"), text=text)])
    assert [(a.code, a.sector) for a in events[0].source] == [("BFA", "REB")]
    # naming the group is no act in a country
    (event,) = code_articles([Article(id="us", date=parse_date("2024-06-11"),
                                      text="The United States designated JNIM a terrorist group.")])
    assert "MLI" in {a.code for a in event.target}


def test_two_versions_of_one_article_in_a_batch_keep_their_own_events() -> None:
    first = Article(id="same", date=parse_date("2023-07-31"),
                    text="ECOWAS imposed sanctions on Niger on Sunday.")
    second = Article(id="same", date=parse_date("2023-07-31"),
                     text="Protesters rallied in Niamey in support of the junta.")
    together = code_articles([first, second])
    alone = code_articles([first]) + code_articles([second])
    assert [e.to_dict() for e in together] == [e.to_dict() for e in alone]
    assert {e.evidence.sentence for e in together} == {first.text, second.text}


def test_an_act_the_sentence_model_reads_as_a_statement_is_parsed_when_the_reader_is_sure() -> None:
    # The sentence model gives this act P(event) ≈ 0.3, under min_event_probability; the act
    # reader, trained on real news, reads an act (P ≈ 0.99) and a verb pattern states one
    # ("sever ties"), so the sentence is parsed.
    from harmattan.events.coder import CoderSettings, EventCoder

    article = Article(id="ties", text="Niger's junta responded on Thursday by severing diplomatic ties with Ukraine.",
                      date=parse_date("2024-08-07"))
    coder = EventCoder(settings=CoderSettings(locate=False)).initialize()
    (event,) = coder.code([article])
    assert (event.plover.event, _codes(event.source), _codes(event.target)) == ("SANCTION", {"NER"}, {"UKR"})
    prediction = coder.classifier.predict([article.text])[0]
    assert 1.0 - prediction.quad_probs[0] < coder.settings.min_event_probability
    unsure = EventCoder(settings=CoderSettings(locate=False, reader_sure=1.01)).initialize()
    assert unsure.code([article]) == []


def test_a_sentence_with_no_known_actor_goes_on_when_the_reader_is_sure_it_reports_an_act() -> None:
    # "Mendoza" is in no dictionary: the sentence is no candidate for the sentence model, but
    # the act reader reads an act and the arrest pattern states one.
    from harmattan.events.coder import CoderSettings, EventCoder

    article = Article(id="arr", text="Mendoza was arrested on Tuesday at his home.", date=parse_date("2019-03-05"))
    coder = EventCoder(settings=CoderSettings(locate=False)).initialize()
    assert not coder._sentences(article)[0].candidate
    (event,) = coder.code([article])
    assert event.plover.event == "COERCE"
    assert [a.text for a in event.target] == ["Mendoza"]
    unsure = EventCoder(settings=CoderSettings(locate=False, reader_sure_actorless=1.01)).initialize()
    assert unsure.code([article]) == []


def test_a_claim_the_sentence_model_reads_as_a_statement_goes_on_when_the_reader_is_sure() -> None:
    # P(event) ≈ 0.03 (the CAMEO quad set codes claims as statements); the act reader reads an
    # act (≈ 0.99) and the sentence's own verb states an accusation.
    from harmattan.events.coder import CoderSettings, EventCoder

    text = "General Tiani claimed that France was plotting to destabilise Niger."
    article = Article(id="c", text=text, date=parse_date("2023-09-10"))
    coder = EventCoder(settings=CoderSettings(locate=False)).initialize()
    assert 1.0 - coder.classifier.predict([text])[0].quad_probs[0] < coder.settings.reader_event_probability
    (event,) = coder.code([article])
    assert (event.plover.event, _codes(event.source), _codes(event.target)) == ("DISAPPROVE", {"NER"}, {"FRA"})
    never = EventCoder(settings=CoderSettings(locate=False, reader_sure_statement=1.01)).initialize()
    assert never.code([article]) == []
    # what a verb below the sentence's own states is not read so: a claim of the speaker's own
    # attack accuses no one, thinking of sending troops is neither a threat nor a meeting
    for other in ("JNIM claimed that it had attacked the army base in Boulkessi.",
                  "Niger's junta is considering sending troops to Mali."):
        assert coder.code([Article(id="o", text=other, date=parse_date("2024-03-01"))]) == []


def test_rejecting_a_plan_or_a_proposal_is_a_rejection_not_the_act_planned() -> None:
    # CAMEO's REFUSE block has no default code: "rejected a plan to send troops" was the
    # troops sent (MOBILIZE)
    (event,) = code_articles([Article(id="r", text="Nigerian senators rejected a plan to send troops to Niger.",
                                      date=parse_date("2023-08-05"))])
    assert (event.plover.event, _codes(event.source)) == ("REJECT", {"NGA"})
    (event,) = code_articles([Article(id="p", text="Mali's junta rejected the ECOWAS proposal for an 18-month transition.",
                                      date=parse_date("2022-01-10"))])
    assert (event.plover.event, _codes(event.source), _codes(event.target)) == ("REJECT", {"MLI"}, {"IGO"})


def test_an_attack_whose_responsibility_a_group_claims_is_the_groups_act() -> None:
    # the sentence model reads a claim (CAMEO 015, a statement); the act annotations code the
    # attack, by the claimer
    for text, etype, victims in (
            ("JNIM claimed responsibility for the attack on the army base in Boulkessi.", "FIGHT", "army"),
            ("The Islamic State Sahel Province claimed responsibility for the killing of 20 soldiers "
             "near Tillaberi on Tuesday.", "FIGHT", "soldiers")):
        (event,) = code_articles([Article(id="c", text=text, date=parse_date("2023-10-02"))])
        assert event.plover.event == etype
        assert [a.text for a in event.source] == [text.split(" claimed")[0].removeprefix("The ")]
        assert [a.text for a in event.target] == [victims]
    # responsibility for what is no force is no act of force
    text = "Azerbaijan has claimed responsibility for the incident and apologised to Russia."
    assert all(e.plover.event not in {"FIGHT", "ASSAULT"}
               for e in code_articles([Article(id="a", text=text, date=parse_date("2020-10-02"))]))


def test_an_appeal_the_sentence_model_reads_as_a_statement_is_a_demand() -> None:
    # P(event) 0.03: the CAMEO quad set codes appeals as statements; the act reader reads an
    # act, and PLOVER's REQUEST is "all requests, demands and orders".
    text = "President Bola Tinubu called for dialogue with the Nigerien junta."
    (event,) = code_articles([Article(id="t", text=text, date=parse_date("2023-08-10"))])
    assert event.plover.event == "DEMAND"
    assert [a.code for a in event.source] == ["NGA"] and [a.code for a in event.target] == ["NER"]
    # an opinion that speaks of calls is no appeal by anyone
    opinion = "Calls for dialogue are often ignored in the region, analysts believe."
    assert code_articles([Article(id="o", text=opinion, date=parse_date("2023-08-10"))]) == []


def test_the_type_heads_surest_type_stated_in_a_main_clause_is_not_locked_out_by_the_quad_head() -> None:
    # the quad head reads these as verbal conflict; the sanction the sentence names is the act
    (event,) = code_articles([Article(id="h", text="US Sanctions Colombia Soccer Club for Crime Ties.",
                                      date=parse_date("2014-05-01"))])
    assert (event.plover.event, [a.code for a in event.source]) == ("SANCTION", ["USA"])
    text = ("The US government has placed sanctions on Colombian drug gang the Rastrojos, including "
            "one of its top leaders who was captured last year, suggesting the United States is "
            "preparing to target the weakened group's financial assets.")
    (event,) = code_articles([Article(id="s", text=text, date=parse_date("2013-07-01"))])
    assert (event.plover.event, event.evidence.trigger) == ("SANCTION", "sanctions")
    assert [a.code for a in event.source] == ["USA"] and [a.code for a in event.target] == ["COL"]
    # a ban refused to be lifted stays a refusal, and what was seized in a relative clause
    # does not make the return a seizure
    (event,) = code_articles([Article(id="r", text="British Government will not lift the ban imposed on the LTTE.",
                                      date=parse_date("2014-05-01"))])
    assert event.plover.event == "REJECT"
    text = ("ICE returned 1,044 cultural antiquities to the government of Iraq that were seized in "
            "four separate investigations.")
    assert [e.plover.event for e in code_articles([Article(id="i", text=text, date=parse_date("2014-05-01"))])] == ["AID"]


def test_what_a_noun_holds_or_carries_is_no_act() -> None:
    text = ("A group of hackers from Peru has infiltrated email accounts from Chile's Air Force "
            "containing sensitive information on strategic weapons.")
    events = code_articles([Article(id="c", text=text, date=parse_date("2012-08-20"))])
    assert events and all(e.evidence.trigger != "containing" for e in events)


@pytest.mark.parametrize("text", [
    "How, with a .38 revolver threatening me?",
    "Why did the police arrest the journalist?",
    "Who killed the mayor of Tiquicheo?",
])
def test_a_question_states_no_act_on_any_path(text: str) -> None:
    # with no known actor (the act reader), with ACLED words only, or as a one-sentence snippet
    assert code_articles([Article(id="q", text=text, date=parse_date("2013-05-01"))]) == []


def test_an_act_someone_is_believed_to_have_done_is_coded_on_its_own_verb() -> None:
    text = ("On June 25, two Federal Police officers are believed to have shot three of their "
            "colleagues to death at Mexico City airport.")
    events = code_articles([Article(id="s", text=text, date=parse_date("2012-06-27"))])
    assert [(e.plover.event, [a.code for a in e.source]) for e in events] == [("ASSAULT", ["MEX"])]


def test_an_act_a_clause_beside_tells_stays_when_the_rest_is_said_of_someone() -> None:
    text = ("The group has also been reported to obtain arms from regional military stockpiles, as "
            "evidenced when the Colombian Army seized a rifle from a guerrilla in 2004.")
    events = code_articles([Article(id="s", text=text, date=parse_date("2014-05-01"))])
    assert [(e.evidence.trigger, [a.code for a in e.source]) for e in events] == [("seized", ["COL"])]


def test_a_participle_that_ties_a_noun_to_something_is_no_act() -> None:
    text = ("Arellano Felix is wanted on charges related to drug trafficking and money laundering "
            "by the Southern District of California.")
    assert code_articles([Article(id="w", text=text, date=parse_date("2012-05-01"))]) == []
    (event,) = code_articles([Article(id="t", text="Police arrested a man tied to a graft scheme.",
                                      date=parse_date("2012-05-01"))])
    assert event.evidence.trigger == "arrested"


@pytest.mark.parametrize("text, event_type, trigger, source", [
    # the sentence model reads ASSAULT in these; "- POLICE * [173]" states the verb's own act
    ("Spanish police arrested two Colombian men in Madrid.", "COERCE", "arrested", "ESP"),
    ("Police in Madrid arrested two men.", "COERCE", "arrested", "ESP"),
    # the model read the rest ("helped the companies … obtain contracts") as a material act and
    # the quad head locked the accusation out: it came out RETREAT
    ("Global Witness alleges Lopez's political influence helped the companies illegally obtain "
     "contracts for the projects while she was in Congress.", "DISAPPROVE", "alleges", "NGO"),
])
def test_a_verb_of_one_act_matched_by_a_pattern_of_its_type_decides_over_the_model(
        text: str, event_type: str, trigger: str, source: str) -> None:
    (event,) = code_articles([Article(id="a", text=text, date=parse_date("2016-03-01"))])
    assert (event.plover.event, event.evidence.trigger) == (event_type, trigger)
    assert event.source and {a.code for a in event.source} == {source}


def test_a_name_parsed_as_the_main_word_gives_the_trigger_to_the_verb_hung_on_it() -> None:
    # the parse reads "Ocampo" as the root and "killed" as a modifier of it: the evidence's
    # trigger and the roles are the killing's, not the name's
    text = ("On the night of January 6, hitmen on a motorcycle killed Gloria Ocampo, a recognized "
            "leader that supported crop substitution programs in the region.")
    (event,) = code_articles([Article(id="o", text=text, date=parse_date("2020-01-10"))])
    assert (event.plover.event, event.evidence.trigger) == ("ASSAULT", "killed")
    assert [a.text for a in event.source] == ["hitmen"]


def test_a_headline_with_a_name_for_root_and_no_past_verb_keeps_no_act() -> None:
    text = "Honduras, Nicaragua Using Green Energy to Fight Drug Smuggling."
    assert code_articles([Article(id="h", text=text, date=parse_date("2014-05-01"))]) == []


def test_the_officers_a_leader_sends_abroad_are_his_own_not_a_target() -> None:
    text = ("Haiti's police chief recently sent some of his top ranking officers to Colombia to "
            "train in tactical operations.")
    (event,) = code_articles([Article(id="s", text=text, date=parse_date("2014-05-01"))])
    assert event.evidence.trigger == "sent"
    assert [a.code for a in event.source] == ["HTI"]
    assert [(a.code, a.text) for a in event.target] == [("COL", "Colombia")]


@pytest.mark.parametrize("text", [
    "Soldiers rescued seven kidnap victims who were being driven in a van through Monterrey.",
    "Police rescued 24 migrants in Tamaulipas.",
])
def test_a_rescue_is_aid_whatever_kidnapping_surrounds_it(text: str) -> None:
    (event,) = code_articles([Article(id="r", text=text, date=parse_date("2011-05-01"))])
    assert (event.plover.event, event.evidence.trigger) == ("AID", "rescued")


def test_force_the_main_verb_states_is_the_acts_whichever_kind_was_read() -> None:
    # the reading chose ASSAULT, which "- * &WEAPON [175]" on "wielding" states; the main verb
    # "killed" (190) states the act
    text = ("Earlier in the week, a retired officer in the state of Aragua was killed by six men "
            "wielding shotguns as he went to meet with local authorities.")
    (event,) = code_articles([Article(id="w", text=text, date=parse_date("2016-06-10"))])
    assert (event.plover.event, event.evidence.trigger) == ("ASSAULT", "killed")


def test_a_company_named_x_of_y_is_no_person_its_last_word_names_again() -> None:
    # "Bank of America" is no person whose surname "America" would name later on
    text = ("Bank of America froze the accounts of two Guatemalan traffickers. Guatemalan police "
            "arrested the two men on their return from South America.")
    events = code_articles([Article(id="b", text=text, date=parse_date("2014-01-10"))])
    arrest = next(e for e in events if e.evidence.trigger == "arrested")
    assert all(a.code != "MNC" for a in arrest.source + arrest.target)


def test_giving_birth_is_no_act() -> None:
    text = ("The wife of fugitive Mexican Sinaloa Cartel boss Joaquin Guzman, alias \"El Chapo,\" "
            "gave birth to twins at a hospital in Los Angeles County, California.")
    assert code_articles([Article(id="b", text=text, date=parse_date("2011-09-01"))]) == []


def test_a_statistic_in_a_long_article_gives_no_incident() -> None:
    # The act gate reads the count of deaths as no act; the ACLED classifier, reading that one
    # sentence, would have made an "Attack" of it.  The arrest stays.
    text = ("Honduras Police Arrest Gang Leaders in San Pedro Sula. "
            "Police arrested five leaders of the Barrio 18 gang in San Pedro Sula on Monday, officials said. "
            "The gang has long controlled several neighbourhoods of the city. "
            "At least 55 people have been killed in Bajo Aguan since 2009 as a result of the violence. "
            "Hand grenade deaths increased by 194 percent over the past three years. "
            "The city remains one of the most violent in the region. "
            "Analysts say the gangs are likely to adapt to the new strategy. "
            "Residents have grown used to the presence of soldiers in the streets.")
    events = code_articles([Article(id="long", text=text, date=parse_date("2015-06-01"))])
    assert [(e.plover.event, e.evidence.trigger) for e in events if e.plover] == [("COERCE", "arrested")]


def test_drugs_sent_or_sold_are_trafficking_and_no_aid() -> None:
    for text in ("Brazilian drug gang the Red Command sends a ton of Colombian cocaine each month into "
                 "Brazil from Paraguay, according to Paraguayan authorities.",
                 "In 2008, Arita and other suspects conspired to distribute 500 grams of cocaine in New York."):
        assert code_articles([Article(id="drugs", text=text, date=parse_date("2015-06-01"))]) == []
    # a state's arms and aid sent stay aid
    for text in ("The United States sent weapons to Ukraine on Monday.", "Venezuela sent humanitarian aid to Cuba."):
        events = code_articles([Article(id="aid", text=text, date=parse_date("2015-06-01"))])
        assert [e.plover.event for e in events] == ["AID"]


def test_someone_taken_into_custody_is_still_arrested() -> None:
    events = code_articles([Article(id="custody", text="Police took the gang leader into custody on Monday.",
                                    date=parse_date("2015-06-01"))])
    assert [e.plover.event for e in events] == ["COERCE"]


def test_a_look_taken_is_no_arrest() -> None:
    text = ("In our February 15 Facebook Live session, Co-Director Steven Dudley and Senior Editor Mike LaSusa "
            "took a behind-the-scenes look at a groundbreaking new investigation of the MS13.")
    events = code_articles([Article(id="look", text=text, date=parse_date("2018-02-20"))])
    assert all(e.evidence.trigger != "took" for e in events)


def test_what_a_states_plan_could_bring_about_is_no_threat() -> None:
    # a state's hedged act the gate reads as no act stays only when it names force or a penalty
    text = ("In a number of ways, the Trump administration's plan to curb illegal immigration in the "
            "United States could facilitate the type of crime that it purports to stop.")
    assert code_articles([Article(id="plan", text=text, date=parse_date("2017-06-01"))]) == []


@pytest.mark.parametrize("text, event", [
    # no one named fights back: the police shot or bombed are assaulted
    ("Del Cid's son was shot along with his two police bodyguards on February 17 in Tegucigalpa.", "ASSAULT"),
    ("In one particular attack, two grenades were thrown at police at a pedestrian checkpoint in Baruta.", "ASSAULT"),
    # an armed group or a state against armed forces fights
    ("JNIM fighters attacked a military base near Boni on Sunday.", "FIGHT"),
    ("Russia attacked Ukrainian troops near Bakhmut on Monday.", "FIGHT"),
])
def test_force_on_armed_people_is_a_fight_only_when_an_armed_side_does_it(text: str, event: str) -> None:
    events = code_articles([Article(id="force", text=text, date=parse_date("2019-03-01"))])
    assert [e.plover.event for e in events if e.plover][:1] == [event]


def test_belonging_to_a_group_is_no_act() -> None:
    text = ("The Colombians belonged to a transnational criminal structure while the shipment was to be "
            "received by a group based in Honduras, according to authorities.")
    assert code_articles([Article(id="belong", text=text, date=parse_date("2015-06-01"))]) == []


@pytest.mark.parametrize("text", [
    "A Nicaraguan judge ordered that a public oral trial of the accused will commence on December 3.",
    "In a landmark ruling, a judge ordered land returned to 14 families who were forced from their homes in Uraba.",
    "A judge in Lagos ordered the seizure of the senator's assets.",
])
def test_a_courts_order_is_legal_action(text: str) -> None:
    events = code_articles([Article(id="order", text=text, date=parse_date("2015-06-01"))])
    assert [(e.plover.event, e.cameo.code) for e in events if e.plover][:1] == [("COERCE", "173")]


def test_a_release_a_court_orders_is_no_legal_action() -> None:
    text = "The Supreme Court ordered the release of the opposition leader."
    events = code_articles([Article(id="release", text=text, date=parse_date("2015-06-01"))])
    assert events and all(e.plover.event != "COERCE" for e in events if e.plover)


@pytest.mark.parametrize("text, source, target", [
    ("Colombian Drug Gang the Rastrojos Face US Sanctions.", ["USA"], ["COL", "COL"]),
    ("Iran faces new sanctions from the European Union.", ["IGO"], ["IRN"]),
])
def test_sanctions_faced_are_the_imposers_act_on_who_faces_them(text: str, source: list[str],
                                                                target: list[str]) -> None:
    events = code_articles([Article(id="face", text=text, date=parse_date("2013-06-01"))])
    event = events[0]
    assert event.plover.event == "SANCTION"
    assert [a.code for a in event.source] == source and [a.code for a in event.target] == target


@pytest.mark.parametrize("text, future", [
    ("ECOWAS leaders are due to meet in Abuja next week.", True),
    ("A march against the violence is set to take place Tuesday afternoon.", True),
    ("Iranian political prisoner died due to continued torture and poor treatment.", False),
])
def test_an_act_set_or_due_to_happen_is_future(text: str, future: bool) -> None:
    events = code_articles([Article(id="due", text=text, date=parse_date("2015-06-01"))])
    assert events and events[0].modality.future is future


@pytest.mark.parametrize("text, code", [
    # the dictionary gives Cartagena and Valencia to Spain; the article names Colombia or
    # Venezuela, each with a large city of that name, and never Spain
    ("Colombian police seized three tons of cocaine on Monday. The cocaine, seized in the Caribbean "
     "port of Cartagena, was mixed with brown sugar.", "COL"),
    ("Venezuelan police arrested two gang leaders in Valencia on Monday.", "VEN"),
    # an article that names Spain keeps Spain's city
    ("Spanish police arrested two men in Valencia on Monday.", "ESP"),
])
def test_a_city_is_the_named_countrys_that_has_one_of_that_name(text: str, code: str) -> None:
    events = code_articles([Article(id="city", text=text, date=parse_date("2015-06-01"))])
    assert [a.code for a in events[0].target] == [code]


def test_a_group_named_by_a_city_is_the_named_countrys_when_the_country_is_named_as_a_place() -> None:
    # "Authorities in Colombia" names Colombia (not a town the dictionary placed them in): the
    # "Cartagena ring" is Colombia's, not Spain's
    text = ("Authorities in Colombia dismantled three child prostitution rings. Five alleged members "
            "of the Cartagena ring were captured while they hosted a party.")
    events = code_articles([Article(id="city", text=text, date=parse_date("2015-06-01"))])
    assert events and "ESP" not in {a.code for e in events for a in [*e.source, *e.target]}


@pytest.mark.parametrize("text", [
    "Chavez knew the armed forces were displeased with the warming of relations with subversives, whom "
    "they attributed as responsible for the majority of service deaths of soldiers and officers.",
    "The police knew the gang was behind the attack.",
])
def test_knowing_is_no_act(text: str) -> None:
    events = code_articles([Article(id="knew", text=text, date=parse_date("2015-06-01"))])
    assert all(e.evidence.trigger != "knew" for e in events)


def test_what_came_before_is_no_act_of_either() -> None:
    text = ("Maduro's announcement was preceded by military exercises in which the president announced "
            "plans to deliver arms to communities.")
    events = code_articles([Article(id="preceded", text=text, date=parse_date("2015-06-01"))])
    assert all(e.evidence.trigger != "preceded" for e in events)


@pytest.mark.parametrize("text, trigger, source, event", [
    ("Bolivia to Install Anti-Narcotics Base in Drug Trafficking Heartland.", "Install", ["BOL"], None),
    ("ECOWAS to Deploy Standby Force in Niger.", "Deploy", ["IGO"], None),
    # the headline's announced act keeps its own type, as the act annotations code it
    ("Colombia to Create Anti-Smuggling Task Force.", "Create", ["COL"], "MOBILIZE"),
])
def test_a_headline_announcing_an_act_is_its_actors_future_act(text: str, trigger: str, source: list[str],
                                                               event: str | None) -> None:
    events = code_articles([Article(id="to", text=text, date=parse_date("2017-06-01"))])
    assert events
    first = events[0]
    assert first.evidence.trigger == trigger and first.modality.future
    assert [a.code for a in first.source] == source
    if event is not None:
        assert first.plover.event == event


@pytest.mark.parametrize("text, expected", [
    # an act of force announced, or conditional, is a threat (PLOVER's records)
    ("Russia will expel 60 US diplomats, the foreign ministry said on Friday.", ("THREATEN", True, False)),
    ("ECOWAS said it would intervene militarily in Niger if the junta did not step down.",
     ("THREATEN", False, True)),
    # an announced withdrawal is a concession (PLOVER manual: RETREAT + future is CONCEDE)
    ("The army will withdraw its troops from the north.", ("CONCEDE", True, False)),
])
def test_announced_acts_are_typed_by_their_intent(text, expected) -> None:
    article = Article(id="intent", text=text, date=parse_date("2024-03-01"))
    events = [e for e in code_articles([article]) if e.plover]
    assert events, text
    main = events[0]
    assert (main.plover.event, main.modality.future, main.modality.hypothetical) == expected


def test_goods_seized_are_done_to_no_country_the_sentence_leaves_out() -> None:
    text = ("Mexican police arrested two men in Sinaloa on Monday. In a separate operation on "
            "Tuesday, Mexican authorities confiscated 3,559 kilos of shark fins at the port of "
            "Cancun. The Mexican government said it would send more troops to Sinaloa.")
    events = code_articles([Article(id="seized", text=text, date=parse_date("2024-03-01"))])
    by_code = {e.cameo.code: e for e in events if e.cameo}
    # the article is plainly about Mexico's authorities: the arrest's unnamed party is Mexico's
    assert _codes(by_code["173"].target) == {"MEX"}
    # the shark fins are no one's: no implied target
    assert by_code["1711"].target == []
    assert _codes(by_code["1711"].source) == {"MEX"}


@pytest.mark.parametrize("text", [
    # cases of a disease found, confirmed or reported are news of an illness, no one's act
    "An 8th case of mad cow disease was found in a cow in the province of Alberta.",
    "Vietnam's fourth swine flu infection was confirmed on Thursday.",
    "South Korea has reported a case in a tourist visiting Mexico.",
    # a maker's recall of its goods is no aid
    "On March 19, the manufacturer of the food, Menu Foods, recalled all of its dog and cat food.",
    "Last week, RC2, a U.S. toy company, issued a recall for its popular wooden train sets.",
    # a patient admitted to a hospital is care given, no act, nor a death there
    "A patient was admitted to a hospital in Washington after showing Ebola-like symptoms.",
    "Bruce Edwards Ivins, 62, was taken to Frederick Memorial Hospital in Maryland, where he died of an overdose.",
])
def test_cases_found_and_goods_recalled_are_no_acts(text: str) -> None:
    article = Article(id="outbreak", text=text, date=parse_date("2009-05-01"))
    assert [e.plover.event for e in code_articles([article]) if e.plover] == []


def test_an_envoy_recalled_and_killings_confirmed_stay_acts() -> None:
    events = code_articles([Article(id="envoy", text="Slovenia recalled its ambassador to Moscow.",
                                    date=parse_date("2018-03-27"))])
    assert [e.plover.event for e in events if e.plover] == ["SANCTION"]
    events = code_articles([Article(id="killed", text="The army confirmed that 12 soldiers were killed in the attack.",
                                    date=parse_date("2018-03-27"))])
    assert [e.plover.event for e in events if e.plover] == ["FIGHT"]


@pytest.mark.parametrize("text, expected", [
    # with no killer named, the illness people were killed after is what killed them
    ("Nine people were killed after an outbreak of cholera in the region.", []),
    # not an outbreak of violence, nor a killing whose killers are named
    ("Nine people were killed after an outbreak of violence in the region.", ["ASSAULT"]),
    ("Nine people were killed by gunmen after an outbreak of violence.", ["ASSAULT"]),
])
def test_killed_after_an_illness_is_no_killing(text: str, expected: list[str]) -> None:
    events = code_articles([Article(id="cholera", text=text, date=parse_date("2009-05-01"))])
    assert [e.plover.event for e in events if e.plover] == expected


@pytest.mark.parametrize("text, event, source, target", [
    # the object of "led … to" does what the infinitive says
    ("Pressure from the United States led Mexico to extradite the cartel leader.", "COOPERATE", {"MEX"}, None),
    # the place a "where" clause hangs on does not kill, nor the one killed in a passive clause
    ("Costa Rican Alejandro Jimenez Gonzalez, alias Palidejo, is currently being tried in Guatemala, "
     "where Cabral was killed last year.", "ASSAULT", None, None),
])
def test_roles_of_caused_acts_and_place_clauses(text: str, event: str, source, target) -> None:
    events = code_articles([Article(id="roles", text=text, date=parse_date("2012-05-01"))])
    main = next(e for e in events if e.plover and e.plover.event == event)
    if source is not None:
        assert _codes(main.source) == source
    assert "Guatemala" not in [a.text for a in main.source]


def test_a_suicide_and_a_participle_read_as_the_root() -> None:
    # a suicide is no one's act, neither for the sentence model nor for the ACLED classifier
    text = ("In another strange twist to the case, one man under investigation recently killed "
            "himself in the Medellin Palace of Justice by throwing himself off the building.")
    assert code_articles([Article(id="suicide", text=text, date=parse_date("2014-10-01"))]) == []
    # the participle the parse made the root: the one arrested is its subject, no one arrests
    text = "In 2013 a Shining Path member wanted for the murder of two police officers was arrested."
    events = code_articles([Article(id="wanted", text=text, date=parse_date("2014-10-01"))])
    main = next(e for e in events if e.plover)
    assert main.plover.event == "COERCE"
    assert [a.text for a in main.target] == ["Shining Path"]
    assert [a.text for a in main.source if a.text] == []


@pytest.mark.parametrize("text, absent", [
    # a country named to say where a border runs is no party to the act
    ("Ecuador's military carried out an operation to shut down illegal goldmines in the northwest "
     "of the country, close to the border with Colombia.", "COL"),
    ("In April 2018, a team of three media workers was kidnapped by the Oliver Sinisterra Front "
     "along the Colombia-Ecuador border.", "COL"),
    ("On August 23, 2010, a wounded man approached a security checkpoint close to the town of San "
     "Fernando, in the state of Tamaulipas, 160 kilometers from the U.S. border.", "U.S."),
])
def test_a_country_on_a_border_is_no_party(text: str, absent: str) -> None:
    events = [e for e in code_articles([Article(id="border", text=text, date=parse_date("2018-05-01"))]) if e.plover]
    assert events
    # (by code, or by name where the article's own country is that one)
    assert all(absent not in _codes(e.source) | _codes(e.target) | {a.text for a in e.source + e.target}
               for e in events)


@pytest.mark.parametrize("text, source, target", [
    ("Colombian troops clashed with Venezuelan soldiers on the border.", {"COL"}, {"VEN"}),
    # forces sent to a border are aimed at the country beyond it
    ("Venezuela sent troops to the Colombian border.", {"VEN"}, {"COL"}),
])
def test_countries_across_a_border_stay_parties(text: str, source: set, target: set) -> None:
    main = code_articles([Article(id="border", text=text, date=parse_date("2018-05-01"))])[0]
    assert (_codes(main.source), _codes(main.target)) == (source, target)


def test_goods_seized_take_no_target_carried_from_before() -> None:
    # "also" points back at the arrest's source, but goods seized are no one's
    text = ("Colombian police arrested a Panamanian trafficker on Monday. Colombian police also "
            "seized 2 tons of cocaine in a separate operation on Friday.")
    events = code_articles([Article(id="carry", text=text, date=parse_date("2016-09-10"))])
    seized = [e for e in events if e.cameo and e.cameo.code == "1711"]
    assert len(seized) == 1 and seized[0].target == []
    assert _codes(next(e for e in events if e.cameo and e.cameo.code == "173").target) == {"PAN"}


@pytest.mark.parametrize("text, expected", [
    # found dead of the cold or an overdose: no one's act (FIND's "* DEAD" reads a killing)
    ("Three migrants were found dead of hypothermia near the border.", []),
    ("The singer was found dead of an apparent overdose in his hotel room.", []),
    # found dead, or dead of wounds: a killing
    ("Two soldiers were found dead near the base after the attack.", ["FIGHT"]),
    ("The journalist was found dead of gunshot wounds in his car.", ["ASSAULT"]),
])
def test_found_dead_of_natural_causes_is_no_killing(text: str, expected: list[str]) -> None:
    events = code_articles([Article(id="dead", text=text, date=parse_date("2019-05-01"))])
    assert [e.plover.event for e in events if e.plover] == expected


def test_the_source_s_own_words_do_not_point_back_at_a_target() -> None:
    # "the government" is who denies, not a word pointing back at the arrest's target
    text = ("Mexican police arrested Mario Buenrostro, the alleged leader of a Mexico City-based drug "
            "gang. These rumors have been staunchly denied by the government, which maintains that "
            "Moreno was killed on December 9.")
    events = code_articles([Article(id="carry", text=text, date=parse_date("2014-03-01"))])
    denial = next(e for e in events if e.plover and e.plover.event == "REJECT")
    assert [a.text for a in denial.source] == ["government"]
    assert not any("discourse" in (a.entry or "") for a in denial.target), denial.target


def test_assuring_a_fact_is_no_pledge() -> None:
    # "assured that <what is or was>" claims a fact; "assured that <what will be>" pledges
    events = code_articles([Article(id="assure", date=parse_date("2018-05-01"),
                                    text="The president assured the nation that the army had the "
                                         "situation under control.")])
    assert not any(e.plover and e.plover.event == "AGREE" for e in events)
    events = code_articles([Article(id="assure", date=parse_date("2018-05-01"),
                                    text="The minister assured that the elections would take place "
                                         "in July.")])
    assert [e.plover.event for e in events if e.plover] == ["AGREE"]


def test_an_expectation_told_in_the_passive_is_no_intent() -> None:
    # "is expected to" is the report's prediction (EXPECT's 030 read an intent to cooperate)
    text = "The Ukrainian trade mission is expected to arrive in Lagos on April 4."
    events = code_articles([Article(id="expect", text=text, date=parse_date("2018-03-30"))])
    assert not any(e.plover and e.plover.event == "AGREE" for e in events), events
    # the active voice keeps its pattern: who expects another to act demands it
    events = code_articles([Article(id="expect", date=parse_date("2018-03-30"),
                                    text="Nigeria expects Ghana to sign the agreement.")])
    assert [e.plover.event for e in events if e.plover] == ["DEMAND"]


def test_what_one_failed_to_do_is_read_on_its_own_verb() -> None:
    # FAIL's rejection (120) is no act of its own: the act not done is coded, negated
    events = code_articles([Article(id="fail", date=parse_date("2018-04-01"),
                                    text="The Nigerian army failed to arrest the Boko Haram commander.")])
    assert [(e.plover.event, e.cameo.code, e.modality.negated) for e in events if e.plover] == [
        ("COERCE", "173", True)]
    text = ("In its petition, the State said the Centre had failed to frame a scheme within the "
            "time limit set by the court.")
    events = code_articles([Article(id="fail", text=text, date=parse_date("2018-04-01"))])
    assert not any(e.plover and e.plover.event == "REJECT" for e in events), events
    # failing to reach an agreement stays a rejection (PLOVER)
    text = "Palestinians and Israelis failed to reach agreement on the fate of the offices in Jerusalem."
    events = code_articles([Article(id="fail", text=text, date=parse_date("2000-01-01"))])
    assert [e.plover.event for e in events if e.plover] == ["REJECT"]


@pytest.mark.parametrize("silent, kept, etype", [
    # "made the announcement" says something was said, not what (the sentence model read a
    # criticism, a concession); a statement that says what it does keeps its act
    (["WHO Africa regional director Luis Gomes Sambo made the announcement at the beginning of "
      "a Zimbabwe conference regarding child immunisation.",
      "The announcement was made in a press release issued by the government of Prince Edward "
      "Island."],
     "The Nigerian government issued a statement condemning the attack.", "DISAPPROVE"),
    # a view shared (what is or was) is no AGREE (the sentence model read a rejection or
    # support in it); what will be done still is one
    (["The CEOs of Europe's five largest airline groups agreed that the EU's airline tax is unfair.",
      "The five airlines agreed that airline representation in Brussels today is not as effective "
      "as it could be."],
     "Kenya agreed that Ethiopia would withdraw its troops from the border.", "AGREE"),
])
def test_an_utterance_made_or_a_view_shared_tells_no_act(silent: list[str], kept: str,
                                                           etype: str) -> None:
    for text in silent:
        events = code_articles([Article(id="silent", text=text, date=parse_date("2018-04-01"))])
        assert events == [], (text, events)
    events = code_articles([Article(id="kept", text=kept, date=parse_date("2018-04-01"))])
    assert [e.plover.event for e in events if e.plover] == [etype]


def test_no_comment_is_a_comment_declined() -> None:
    # "had no comment" is "declined to comment" (REJECT, 011), not the attack it is about
    events = code_articles([Article(id="comment", date=parse_date("2019-05-01"),
                                    text="The Nigerian army had no comment on the attack.")])
    assert [(e.plover.event, e.cameo.code) for e in events if e.plover] == [("REJECT", "011")]
    assert [a.code for a in events[0].source] == ["NGA"]


@pytest.mark.parametrize("text, code", [
    # ties cut are reduced relations, not a meeting (the type head read "ties with" as CONSULT)
    ("Mali severed diplomatic relations with Ukraine on Sunday.", "161"),
    ("Somalia severed diplomatic ties with Kenya on Tuesday.", "161"),
    ("Niger cut ties with Ukraine.", "160"),
    # broken off (BREAK's "- * OFF [130]" made a threat; verbs_extra.txt's BREAK_OFF_TIES)
    ("Somalia broke off diplomatic relations with Kenya on Monday.", "161"),
    ("Niger broke off military cooperation with Ukraine.", "160"),
    ("The rebels broke off talks with Kenya on Tuesday.", "164"),
    # a headline's verb the tagger reads as a plural noun ("severs" NNS, the root with an object)
    ("Somalia severs diplomatic ties with Kenya", "161"),
])
def test_ties_cut_are_reduced_relations(text: str, code: str) -> None:
    (event,) = code_articles([Article(id="ties", text=text, date=parse_date("2024-08-04"))])
    assert (event.plover.event, event.cameo.code) == ("SANCTION", code)
    assert event.target and event.target[0].code in {"UKR", "KEN"}


def test_the_country_points_back_at_the_country_the_sentence_named() -> None:
    # (the article's own country was given before, as an actor with no words)
    text = ("Mali's junta expelled the French ambassador on Tuesday. Days after the coup in Niger, "
            "the United States suspended aid to the country.")
    events = code_articles([Article(id="anaphor", text=text, date=parse_date("2023-07-30"))])
    (event,) = [e for e in events if e.evidence.trigger == "suspended"]
    assert event.plover.event == "SANCTION"
    (target,) = event.target
    assert (target.text, target.code) == ("the country", "NER")
    assert text[target.start:target.end] == "the country" and target.entry.endswith("+anaphor")
    # not a country the act's own source is
    (event,) = code_articles([Article(id="own", date=parse_date("2023-07-30"),
                                      text="Nigeria closed its borders to travellers entering the country.")])
    assert not any((a.entry or "").endswith("+anaphor") for a in event.target)


def test_troops_withdrawn_are_a_retreat_from_the_place_they_leave() -> None:
    (event,) = code_articles([Article(id="withdrawn", text="France withdrew its troops from Mali on Monday.",
                                      date=parse_date("2022-08-15"))])
    assert (event.plover.event, [a.code for a in event.source], [a.code for a in event.target]) \
        == ("RETREAT", ["FRA"], ["MLI"])
    # an announced withdrawal is one act (the intent), with no incident that has withdrawn
    # anyone yet (the learned ACLED classifier made one, with Mali's troops as its source)
    (event,) = code_articles([Article(id="announced", text="France announced it will withdraw its troops from Mali.",
                                      date=parse_date("2022-02-17"))])
    assert [a.code for a in event.source] == ["FRA"] and event.acled is None
    # a denial in a clause beside the incident does not unmake it
    events = code_articles([Article(id="rockets", date=parse_date("2020-01-05"),
                                    text="Several rockets struck near the US embassy in Baghdad's Green Zone; "
                                         "no casualties were reported.")])
    assert [e.acled["sub_event_type"] for e in events if e.acled] == ["Shelling/artillery/missile attack"]


def test_the_country_of_a_relative_clause_is_not_the_act_s() -> None:
    from harmattan.events.coder import _in_the_clause_of
    from harmattan.nlp.parser import load_spacy

    nlp = load_spacy()
    doc = nlp("Guatemala's asset seizure court seized eight properties from a frontman for Juan Alberto "
              "Ortiz Lopez, who was extradited to the United States in May for allegedly trafficking "
              "cocaine to the country since 1998.")
    seized = next(t for t in doc if t.text == "seized")
    country = next(t for t in doc if t.text == "country")
    assert not _in_the_clause_of(country, seized)
    doc = nlp("Days after the coup in Niger, the United States suspended aid to the country.")
    assert _in_the_clause_of(next(t for t in doc if t.text == "country"), next(t for t in doc if t.text == "suspended"))


def test_an_appeal_alone_makes_a_candidate() -> None:
    # "urge" is an appeal only (020, DEMAND): it was no trigger word, so a sentence with no
    # other one was never read
    from harmattan.events.verbs import trigger_lexicon

    assert {"urged", "urges", "implored", "pleaded"} <= trigger_lexicon()
    assert not {"hoped", "desired"} & trigger_lexicon()
    (event,) = code_articles([Article(id="urge", text="The UN urged calm in Tripoli on Monday.",
                                      date=parse_date("2024-08-04"))])
    assert event.plover.event == "DEMAND" and [a.code for a in event.source] == ["IGO"]


def test_what_a_participle_says_of_the_main_verbs_party_is_background() -> None:
    # "accused of" describes the diplomats: the act is the expulsion, not an accusation (the
    # sentence model read DISAPPROVE and kept the main act in its quad class)
    text = "Burkina Faso's military government expelled three French diplomats accused of subversive activities."
    (event,) = code_articles([Article(id="expel", text=text, date=parse_date("2024-04-18"))])
    assert (event.plover.event, event.evidence.trigger) == ("SANCTION", "expelled")
    assert [a.code for a in event.source] == ["BFA"] and [a.code for a in event.target] == ["FRA"]


@pytest.mark.parametrize("text", [
    "President Tinubu appointed a new army chief.",
    "Assimi Goita was sworn in as transitional president on Monday.",
    "Bassirou Diomaye Faye was elected president of Senegal.",
    # (nor an act of the verb below it: "oversee" read COOPERATE, 060)
    "General Moussa Diallo was appointed the new police director in November and will oversee the reform.",
])
def test_an_appointment_an_election_or_an_oath_is_no_event(text: str) -> None:
    # (the sentence model's CONCEDE, no pattern: CONVENTIONS.md's "other")
    events = code_articles([Article(id="office", text=text, date=parse_date("2024-04-02"))])
    assert events == []


@pytest.mark.parametrize("text, event, code", [
    # (the sentence's reading, locked in its verbal quad class, chose DISAPPROVE)
    ("ECOWAS leaders decided to impose sanctions on Niger.", "SANCTION", "163"),
    ("The Senate voted to suspend military aid to Egypt.", "SANCTION", "162"),
    # (CONCEDE, from "voted")
    ("The national assembly voted to lift the immunity of three MPs.", "COERCE", "172"),
])
def test_what_a_body_decides_or_votes_to_do_is_the_act(text: str, event: str, code: str) -> None:
    (main,) = code_articles([Article(id="decided", text=text, date=parse_date("2023-08-10"))])
    assert (main.plover.event, main.cameo.code) == (event, code)
    assert main.evidence.trigger in {"impose", "suspend", "lift"}


@pytest.mark.parametrize("text, trigger, source, target", [
    ("Niger expelled the French ambassador, accusing him of interference.", "expelled", "NER", "FRA"),
    ("Mali expelled the head of the UN mission's human rights division, accusing her of bias.",
     "expelled", "MLI", "IGO"),
])
def test_the_reason_a_participle_gives_is_not_the_act(text: str, trigger: str, source: str, target: str) -> None:
    # (the sentence's reading chose the accusation, DISAPPROVE, and the expulsion was lost)
    (event,) = code_articles([Article(id="reason", text=text, date=parse_date("2023-08-25"))])
    assert event.evidence.trigger == trigger and event.plover.event != "DISAPPROVE"
    assert [a.code for a in event.source] == [source] and target in {a.code for a in event.target}


@pytest.mark.parametrize("text, code, target", [
    ("Mali's junta announced the end of the Algiers agreement.", "160", "DZA"),
    # "military" describes the cooperation (a word "its" gave Niger's code): France is whom
    # the act is aimed at
    ("Niger announced the end of its military cooperation with France.", "161", "FRA"),
])
def test_an_end_announced_is_a_sanction_not_the_agreement(text: str, code: str, target: str) -> None:
    (event,) = code_articles([Article(id="end", text=text, date=parse_date("2024-01-26"))])
    assert (event.plover.event, event.cameo.code) == ("SANCTION", code)
    assert [a.code for a in event.target] == [target]


def test_a_march_the_main_verb_tells_is_the_act() -> None:
    # (the type head read COERCE, which no word of the sentence states; "marched" is a protest)
    text = "Thousands marched in Bamako to demand the departure of French troops."
    events = code_articles([Article(id="march", text=text, date=parse_date("2022-02-18"))])
    assert (events[0].plover.event, events[0].evidence.trigger) == ("PROTEST", "marched")
    assert [(a.code, a.sector) for a in events[0].target] == [("FRA", "MIL")]


def test_someone_suspended_from_work_is_no_strike() -> None:
    # (SUSPEND's "from work" is a strike pattern, 143: not what the main verb tells here)
    text = "Officials said on Monday that the worker has been suspended from work."
    events = code_articles([Article(id="suspended", text=text, date=parse_date("2009-07-01"))])
    assert all(e.plover.event != "PROTEST" for e in events)


@pytest.mark.parametrize("text, language, protesters, other", [
    ("Doctors went on strike to demand better pay.", None, ["Doctors"], []),
    ("Les étudiants ont organisé un sit-in devant le ministère de l'Éducation.", "fr", ["étudiants"], ["ministère"]),
])
def test_a_demonstration_no_verb_codes_is_held_by_its_people(text: str, language: str | None,
                                                              protesters: list[str], other: list[str]) -> None:
    # (an ACLED-only event: the people who strike or sit in were its targets, the ministry
    # before which they sat in its source: state bodies count as armed)
    events = code_articles([Article(id="demo", text=text, date=parse_date("2024-03-10"), language=language)])
    (event,) = [e for e in events if e.acled is not None and e.acled["event_type"] == "Protests"]
    assert [a.text for a in event.source] == protesters
    assert [a.text for a in event.target if a.text] == other

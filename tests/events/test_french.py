"""French articles end to end: the verb lexicon, roles, modality, ACLED in French, the lazy
French parse, and the hand-written French Sahel cases (golden/sahel_fr.jsonl)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from harmattan.evaluation import case_articles, case_problems, typographic_case
from harmattan.events.acled_fr import classify_fr, find_fatalities_fr
from harmattan.events.french import load_lexicon
from harmattan.pipeline import code_articles
from harmattan.schema import Article, parse_date

pytestmark = pytest.mark.models

HERE = Path(__file__).resolve().parent
CASES = [json.loads(line) for line in (HERE / "golden" / "sahel_fr.jsonl").open(encoding="utf-8")]
#: The share of dev cases the coder passes (benchmarks/sahel_cases_fr.py); the held-out part
#: is only reported, never tested against.
DEV_PASS_RATE = 1.0


def _code(text: str, date: str = "2023-08-01"):
    return code_articles([Article(id="t", text=text, date=parse_date(date), language="fr")])


@pytest.fixture(scope="module")
def dev_results():
    dev = [c for c in CASES if c["part"] == "dev"]
    events: dict[str, list] = {}
    for event in code_articles(case_articles(dev)):
        events.setdefault(event.article_id, []).append(event)
    return {c["id"]: case_problems(c, events.get(c["id"], [])) for c in dev}


def test_cases_are_written_here_with_exact_offsets() -> None:
    assert len(CASES) >= 40
    assert sum(c["part"] == "heldout" for c in CASES) >= 15
    for case in CASES:
        assert case["language"] == "fr" and case["source_of_text"].startswith("written for this project")
        evidence = case["expect"]["evidence"]
        assert 0 <= evidence["start"] <= evidence["trigger_start"] < evidence["trigger_end"] <= evidence["end"]
        assert case["text"][evidence["trigger_start"]:evidence["trigger_end"]].strip()


def test_dev_cases_pass_at_the_recorded_rate(dev_results) -> None:
    failed = {k: v for k, v in dev_results.items() if v}
    rate = 1 - len(failed) / len(dev_results)
    assert rate >= DEV_PASS_RATE, failed


def test_typographic_cases_keep_their_offsets_and_names() -> None:
    case = next(c for c in CASES if "'" in c["text"] and "«" in c["text"])
    retyped = typographic_case(case)
    assert len(retyped["text"]) == len(case["text"]) and "'" not in retyped["text"]
    assert "\u2019" in retyped["text"] and "«\u202f" in retyped["text"]
    assert (retyped["id"], retyped["expect"]["evidence"]) == (case["id"], case["expect"]["evidence"])
    assert retyped["expect"]["source"] == case["expect"]["source"]


def test_dev_cases_typed_as_the_press_types_them_pass_at_the_recorded_rate() -> None:
    # ’ for ' and U+202F inside « » (benchmarks/sahel_cases_fr.py --typographic): the small
    # parser read « l’ » as a noun and lost 14 of the 222 dev cases
    dev = [typographic_case(c) for c in CASES if c["part"] == "dev"]
    events: dict[str, list] = {}
    for event in code_articles(case_articles(dev)):
        events.setdefault(event.article_id, []).append(event)
    failed = {c["id"]: p for c in dev if (p := case_problems(c, events.get(c["id"], [])))}
    assert 1 - len(failed) / len(dev) >= DEV_PASS_RATE, failed


def test_lexicon_rows_have_known_codes() -> None:
    from harmattan.events.cameo import cameo_to_plover

    rows = [row for rows in load_lexicon().values() for row in rows]
    assert len(rows) > 150
    for row in rows:
        assert row.code == "---" or cameo_to_plover(row.code) is not None, row


@pytest.mark.parametrize("text, etype, negated, hypothetical, future", [
    ("La CEDEAO a condamné le coup d'État au Niger.", "DISAPPROVE", False, False, False),
    ("Le Mali n'a pas signé l'accord avec l'Algérie.", "AGREE", True, False, False),
    ("Le gouvernement n'a jamais arrêté de journalistes étrangers.", "COERCE", True, False, False),
    ("La junte va expulser l'ambassadeur de France, a annoncé le ministre nigérien.", "THREATEN", False, False, True),
    ("La CEDEAO a menacé d'intervenir militairement au Niger.", "THREATEN", False, False, False),
], ids=["condamner", "ne-pas", "ne-jamais", "va-infinitive", "menacer"])
def test_french_types_and_modality(text, etype, negated, hypothetical, future) -> None:
    events = _code(text)
    assert events, text
    event = events[0]
    assert event.language == "fr"
    assert event.plover.event == etype
    assert (event.modality.negated, event.modality.hypothetical, event.modality.future) == (negated, hypothetical, future)
    assert text[event.evidence.trigger_start:event.evidence.trigger_end] == event.evidence.trigger


def test_conditional_force_by_a_body_of_states_is_a_threat() -> None:
    events = _code("La CEDEAO pourrait intervenir militairement au Niger si la junte refuse de libérer Bazoum.")
    assert [(e.plover.event, e.modality.hypothetical) for e in events] == [("THREATEN", True)]
    assert {a.code for a in events[0].source} == {"IGO"}


def test_a_threat_with_its_own_condition_is_made() -> None:
    events = _code("La France a menacé de couper son aide en cas de coup d'État.")
    assert [(e.plover.event, e.modality.hypothetical) for e in events] == [("THREATEN", False)]
    assert [a.code for a in events[0].source] == ["FRA"]


def test_pouvoir_in_the_passe_compose_tells_what_was_done() -> None:
    (event,) = _code("Le Sénégal a pu rapatrier ses ressortissants bloqués au Soudan.")
    assert event.plover.event == "AID" and not event.modality.hypothetical
    assert [a.code for a in event.source] == ["SEN"]
    # the conditional is still a possibility only
    assert _code("Le Sénégal aurait pu rapatrier ses ressortissants bloqués au Soudan.") == []


def test_a_plural_argument_the_lemmatizer_reads_as_a_verb_still_matches() -> None:
    # « réfugiés » is lemmatized « réfugier »; the lexicon's « transférer arg:réfugié » holds
    (event,) = _code("Le HCR, l'agence onusienne, a transféré mardi 54 réfugiés depuis le Niger vers l'Italie.")
    assert event.plover.event == "AID" and event.cameo.code == "070"
    assert [a.code for a in event.source] == ["IGO"]


def test_nigerien_is_niger_and_nigerian_is_nigeria() -> None:
    (event,) = _code("Les soldats nigériens ont arrêté le président Mohamed Bazoum à Niamey.", "2023-07-26")
    assert [(a.code, a.sector) for a in event.source] == [("NER", "MIL")]
    (event,) = _code("Les sénateurs nigérians ont rejeté le projet d'intervention au Niger.")
    assert [a.code for a in event.source] == ["NGA"]


def test_an_order_to_arrest_or_extradite_is_the_coercion() -> None:
    (event,) = _code("Un juge malien a ordonné l'arrestation de l'ancien Premier ministre.")
    assert (event.plover.event, event.cameo.code) == ("COERCE", "173")
    assert [a.code for a in event.source] == ["MLI"]
    (event,) = _code("Le tribunal de Niamey a ordonné l'extradition du suspect vers le Nigeria.")
    assert (event.plover.event, event.cameo.code) == ("COERCE", "174")


@pytest.mark.parametrize("text, etype, code", [
    ("Des hommes armés ont ouvert le feu sur le convoi de l'armée malienne.", "FIGHT", "190"),
    ("La CEDEAO a donné un ultimatum d'une semaine à la junte.", "THREATEN", "139"),
    ("Le gouvernement burkinabè a décrété la mobilisation générale.", "MOBILIZE", "154"),
    ("La CEDEAO a ordonné l'activation de sa force en attente.", "MOBILIZE", "154"),
    ("Le gouvernement nigérien a instauré un couvre-feu à Niamey.", "COERCE", "172"),
    ("L'opposant malien a été déféré au parquet de Bamako.", "COERCE", "172"),
    ("Le gouvernement malien a débloqué une aide de 2 milliards de francs CFA pour les déplacés.",
     "AID", "071"),
    ("Le Mali et la Russie ont rétabli leurs relations.", "COOPERATE", "060"),
    ("L'armée nigérienne a démantelé une cellule terroriste dans la région de Tillabéri.", "COERCE", "170"),
    ("Les soldats maliens ont récupéré des armes et des munitions à Ménaka.", "COERCE", "1711"),
    ("La Russie a livré 25 000 tonnes de blé au Mali à titre de don.", "AID", "070"),
    ("La France a retiré son ambassadeur du Niger.", "SANCTION", "161"),
    ("Le Mali a donné 72 heures à l'ambassadeur de France pour quitter le pays.", "THREATEN", "139"),
    ("Le Burkina Faso a accordé 72 heures à l'attaché de défense français pour quitter le pays.", "THREATEN", "139"),
    ("Les États-Unis ont remis leur base de drones d'Agadez aux autorités nigériennes.", "RETREAT", "0874"),
    ("Le gouvernement militaire guinéen a coupé l'accès aux réseaux sociaux dans tout le pays.", "COERCE", "1721"),
    ("Un tribunal de Bamako a condamné par contumace l'ancien Premier ministre Boubou Cissé à dix ans de prison.",
     "COERCE", "172"),
    ("Des soldats sénégalais et américains ont mené des exercices militaires conjoints à Thiès.", "COOPERATE", "062"),
    # (a condemnation of what led to deaths is no sentence)
    ("Le gouvernement a condamné les violences qui ont conduit à la mort de trois manifestants à Dakar.",
     "DISAPPROVE", "111"),
])
def test_common_verbs_of_the_cameo_categories(text, etype, code) -> None:
    (event,) = _code(text)
    assert (event.plover.event, event.cameo.code) == (etype, code)


def test_passive_agent_is_the_source() -> None:
    (event,) = _code("Le président Bazoum a été renversé par des soldats nigériens.", "2023-07-28")
    assert [a.code for a in event.source] == ["NER"] and [a.code for a in event.target] == ["NER"]


def test_opinion_and_conditional_sentences_give_no_event() -> None:
    assert _code("Selon les analystes, l'armée malienne pourrait attaquer Kidal dans les prochains mois.") == []
    assert _code("Le ministre estime que la CEDEAO a sanctionné le Niger trop durement.") == []


@pytest.mark.parametrize("text, etype, source", [
    ("« Ce coup d'État est inacceptable », a déclaré le ministre sénégalais des Affaires étrangères.",
     "DISAPPROVE", "SEN"),
    ("Le gouvernement malien a affirmé que ces accusations étaient infondées.", "REJECT", "MLI"),
    ("La CEDEAO a déclaré que la junte doit libérer le président Bazoum.", "DEMAND", "IGO"),
    ("Le président ivoirien a salué la signature de l'accord de paix.", "SUPPORT", "CIV"),
    ("Le ministre malien des Affaires étrangères a affirmé que la France soutenait les groupes "
     "terroristes.", "DISAPPROVE", "MLI"),
    ("Le ministre a affirmé que Washington soutient le Niger contre les terroristes.", "SUPPORT", "USA"),
], ids=["blame", "denial", "demand", "praise", "support-of-terrorists", "support-against-terrorists"])
def test_a_speech_act_is_typed_by_what_is_said(text, etype, source) -> None:
    (event,) = _code(text)
    assert event.plover.event == etype
    assert source in {a.code for a in event.source}


def test_said_alone_is_no_act() -> None:
    assert _code("Le ministre malien a déclaré que la réunion aura lieu à Bamako.") == []


def test_the_taggers_imparfait_and_subjonctif_of_a_present_are_read_as_present() -> None:
    # fr_core_news_sm tags « dément » Tense=Imp and « condamne » Mood=Sub
    act, denial = _code("La Russie dément avoir ciblé des civils en Ukraine.")
    assert act.plover.event == "ASSAULT" and act.modality.negated  # the act denied
    assert denial.plover.event == "REJECT" and [a.code for a in denial.source] == ["RUS"]
    assert not any(a.text for a in denial.target) and denial.confidence < act.confidence
    (event,) = _code("En novembre 2019, la justice ivoirienne condamne Laurent Gbagbo à 20 ans de prison.")
    assert event.plover.event == "COERCE"


@pytest.mark.parametrize("text, etype, code", [
    ("Les jihadistes ont harcelé les positions de l'armée burkinabè près de Djibo.", "FIGHT", "190"),
    ("Le journaliste a été criblé de balles devant son domicile à Niamey.", "ASSAULT", "180"),
    ("Les policiers ont menotté le leader de l'opposition à Dakar.", "COERCE", "173"),
    ("Des pirates ont détourné un navire au large du Nigeria.", "ASSAULT", "181"),
    ("La junte a armé des milices de volontaires au Burkina Faso.", "AID", "072"),
    ("Les rebelles ont capitulé devant l'armée tchadienne.", "RETREAT", "0874"),
    ("La CEDEAO a entériné le calendrier de la transition au Mali.", "SUPPORT", "051"),
    ("L'armée nigériane a déclenché une offensive contre Boko Haram dans l'État de Borno.", "FIGHT", "190"),
    ("Les enseignants maliens ont observé une grève de 72 heures à Bamako.", "PROTEST", "143"),
    ("La CEDEAO a allégé les sanctions contre le Mali.", "RETREAT", "085"),
    ("L'armée française est venue en aide aux soldats maliens à Ménaka.", "AID", "070"),
])
def test_verbs_of_force_arrest_and_endorsement(text: str, etype: str, code: str) -> None:
    (event,) = _code(text)
    assert (event.plover.event, event.cameo.code) == (etype, code)


@pytest.mark.parametrize("text", [
    "Le gouvernement a détourné des fonds publics.",  # embezzled, not hijacked
    "Cette loi vise les opposants au régime.",  # aimed at, not attacked
    "Le président observe la situation avec inquiétude.",  # watches, no strike
])
def test_the_same_verbs_in_their_other_senses_state_no_act(text: str) -> None:
    assert _code(text) == []


def test_a_past_subjonctif_after_apres_que_tells_what_was_done() -> None:
    # « après que » takes the indicative in good usage and the subjonctif in most writing
    (event,) = _code("Des manifestations ont éclaté après qu'un chanteur populaire, Hachalu Hundessa, "
                     "ait été abattu lundi à Addis-Abeba.")
    assert event.plover.event == "ASSAULT"
    # « avant que » and a possibility still tell nothing done
    assert _code("Les soldats sont partis avant que les rebelles aient attaqué le village de Tessit.") == []
    assert _code("Il est possible que les rebelles aient attaqué le village de Tessit.") == []


def test_an_imparfait_reported_by_a_verb_of_saying_is_an_act() -> None:
    (event,) = _code("Le président russe a annoncé qu'il reconnaissait l'indépendance de deux régions séparatistes.")
    assert event.plover.event == "SUPPORT" and [a.code for a in event.source] == ["RUS"]
    # a state in the imparfait, reported by no one, is still no act
    assert _code("Les forces russes détenaient déjà la moitié de la région.") == []


def test_the_named_sufferer_of_a_passive_makes_an_act() -> None:
    (event,) = _code("Le mari a été arrêté mardi à Bamako.")
    assert event.plover.event == "COERCE"
    # « des civils », no one in particular: the lexicon's act needs an identifiable actor
    assert [e.plover.event for e in _code("Des gens ont été convoqués.")] == []
    # the parse may give two subjects, the name the second: an unarmed person shot is assaulted
    (event,) = _code("Un chanteur populaire, Hachalu Hundessa, a été abattu au début de la semaine.")
    assert event.plover.event == "ASSAULT"
    # people hanged are executed (COERCE, as the act conventions code it); a picture is not
    (event,) = _code("En 1948, sept commandants japonais ont été pendus à Tokyo.")
    assert event.plover.event == "COERCE"
    assert _code("Le tableau a été pendu au mur.") == []


def test_a_gerondif_on_an_act_told_as_done_is_an_act() -> None:
    (event,) = _code("Le gouvernement nigérien a fait volte-face en libérant les opposants détenus.")
    assert event.plover.event in {"CONCEDE", "RETREAT"}
    assert [a.code for a in event.source] == ["NER"]


@pytest.mark.parametrize("text, fatalities", [
    ("Au moins une dizaine de civils ont été tués par des hommes armés.", 10),
    ("Deux soldats tués dans une embuscade près de Ménaka.", 2),
    ("L'attaque a fait 15 morts dans la région de Tillabéri.", 15),
    ("Des dizaines de personnes ont été enlevées par des jihadistes.", None),
    ("Vingt-neuf soldats ont été tués lundi.", 29),
    ("L'explosion a fait deux blessés.", None),
])
def test_french_fatalities(text, fatalities) -> None:
    found = find_fatalities_fr(text)
    assert (found or {}).get("fatalities") == fatalities
    if found:
        assert text[found["fatalities_start"]:found["fatalities_end"]] == found["fatalities_text"]


@pytest.mark.parametrize("text, sub", [
    ("Des jihadistes ont attaqué un camp militaire à Djibo.", "Armed clash"),
    ("Des hommes armés ont tué au moins une dizaine de civils dans un village.", "Attack"),
    ("Des dizaines de personnes ont été enlevées par des jihadistes.", "Abduction/forced disappearance"),
    ("Quinze soldats ont été tués par l'explosion d'un engin explosif improvisé.", "Remote explosive/landmine/IED"),
    ("Des milliers de personnes ont manifesté à Bamako contre la junte.", "Peaceful protest"),
    ("La police a dispersé les manifestants à coups de gaz lacrymogène.", "Protest with intervention"),
    ("La CEDEAO a condamné l'attaque qui a tué dix civils.", None),
    ("Le match a été suspendu après des heurts entre supporters et la police.", None),
])
def test_french_acled_types(text, sub) -> None:
    coded = classify_fr(text)
    assert (coded[1] if coded else None) == sub


def test_english_runs_never_load_the_french_parse() -> None:
    script = (
        "from harmattan.pipeline import code_articles\n"
        "from harmattan.schema import Article\n"
        "from harmattan.nlp.parser import load_french_spacy\n"
        "code_articles([Article(id='a', text='Nigerien soldiers detained President Mohamed Bazoum in Niamey.', date=None)])\n"
        "assert load_french_spacy.cache_info().currsize == 0\n"
        "code_articles([Article(id='b', text='Les soldats nigériens ont arrêté le président Bazoum.', date=None, language='fr')])\n"
        "assert load_french_spacy.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.mark.skipif(not (SHARED / "news" / "bbc-afrique-fr-dev.jsonl").exists(), reason="needs ../shared/data")
def test_acts_evaluation_reads_french_standoff_gold(tmp_path) -> None:
    """French gold in the stand-off form of annotations/acts-fr/ (labels.jsonl + split.json):
    the loader finds the texts in news/bbc-afrique-fr-dev.jsonl and the coder is scored."""
    from harmattan.events.acts_eval import evaluate_acts
    from harmattan.nlp.sentences import split_sentences
    from harmattan.training.act_gate import load_act_texts
    from harmattan.training.annotations import read_records

    record_id = "bbcfr-dev-002"  # in no annotated batch
    text = read_records(SHARED, "news/bbc-afrique-fr-dev.jsonl")[record_id]["text"]
    sentences = split_sentences(text, record_id)
    rows = [{"key": f"{record_id}:{s.start}-{s.end}", "kind": "other", "restates": None, "events": []}
            for s in sentences]
    rows[0].update(kind="act", events=[{"type": "AGREE", "source": None, "source_code": "SWE",
                                        "source_sector": "GOV", "target": None, "target_code": "IGO",
                                        "target_sector": "", "negated": False, "hypothetical": False}])
    (tmp_path / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "split.json").write_text(json.dumps({"heldout": [record_id], "train": []}), encoding="utf-8")
    labels, texts = load_act_texts(tmp_path / "labels.jsonl", "heldout", data_dir=SHARED)
    assert texts == {record_id: text} and len(labels) == len(sentences)
    report = evaluate_acts(labels, texts, code_articles)
    assert report.figures["sentences"] == len(sentences) and report.figures["act_sentences"] == 1
    assert 0.0 <= report.figures["event_precision"] <= 1.0


def test_an_object_pronoun_stands_for_who_was_named_just_before() -> None:
    events = _code("Le président Mohamed Bazoum a prononcé un discours à Niamey. "
                   "Les soldats nigériens l'ont arrêté mardi.", "2023-07-26")
    (event,) = [e for e in events if e.plover.event == "COERCE"]
    assert [(a.code, a.sector) for a in event.source] == [("NER", "MIL")]
    assert [a.code for a in event.target] == ["NER"] and "+pronoun" in event.target[0].entry
    # with no one named just before, the pronoun names no one: the target is only the
    # party the article implies (its authorities' country), with no words
    (event,) = _code("Les soldats nigériens l'ont arrêté mardi.")
    assert [(a.text, a.code, a.entry) for a in event.target] == [
        ("", "NER", "implied:article-country")]


def test_a_subject_pronoun_stands_for_the_subject_just_before_even_a_passive_one() -> None:
    # « Il » is the deposed president, the subject of the sentence before, not the soldiers
    # who acted in it (the source of the act just before).
    events = _code("Le président nigérien Mohamed Bazoum a été renversé par des militaires. "
                   "Il a dénoncé une tentative de coup d'État.", "2023-07-27")
    (coup,) = [e for e in events if e.plover.event == "COERCE"]
    assert [(a.code, a.sector) for a in coup.source] == [("NER", "MIL")]
    (speech,) = [e for e in events if e.plover.event == "DISAPPROVE"]
    assert [a.code for a in speech.source] == ["NER"]
    assert "+pronoun" in speech.source[0].entry and speech.source[0].sector != "MIL"


@pytest.mark.parametrize("text, source", [
    ("Au moins vingt-trois soldats nigériens ont été tués dans une embuscade tendue par des "
     "jihadistes près de Tillabéri.", "jihadistes"),
    ("Dix civils ont été tués lors d'une attaque menée par des hommes armés.", "hommes armés"),
])
def test_the_agent_of_the_attack_a_passive_names_is_the_source(text: str, source: str) -> None:
    (event,) = _code(text, "2024-03-21")
    assert [a.text for a in event.source] == [source]


def test_people_and_passengers_are_civilians_and_a_road_between_towns_is_a_place() -> None:
    (event,) = _code("Des hommes armés ont enlevé une vingtaine de passagers sur la route entre Gao "
                     "et Ansongo.", "2024-06-01")
    assert [(a.text, a.sector) for a in event.target] == [("passagers", "CVL")]
    (event,) = _code("Des milliers de personnes ont manifesté à Bamako pour soutenir la transition.",
                     "2024-06-01")
    assert event.plover.event == "PROTEST"
    assert [(a.text, a.code, a.sector) for a in event.source] == [("personnes", "MLI", "CVL")]


def test_a_day_or_a_week_given_is_no_ultimatum_without_a_deadline() -> None:
    assert _code("Le ministre a donné une conférence de presse ce jour.") == []


def test_an_agents_word_used_as_an_adjective_names_no_one() -> None:
    (event,) = _code("La junte nigérienne a dénoncé les accords militaires avec la France.", "2024-06-01")
    assert [a.code for a in event.target] == ["FRA"]
    (event,) = _code("Le gouvernement a lancé une opération militaire contre les jihadistes.", "2024-06-01")
    assert [a.text for a in event.target] == ["jihadistes"]


def test_a_threat_is_aimed_at_whom_the_threatened_act_is_against() -> None:
    (event,) = _code("La CEDEAO a menacé de recourir à la force contre la junte nigérienne.", "2023-08-10")
    assert event.plover.event == "THREATEN"
    assert [a.code for a in event.source] == ["IGO"]
    assert [(a.text, a.code) for a in event.target] == [("junte nigérienne", "NER")]


def test_an_act_named_by_a_noun_is_coded() -> None:
    (event,) = _code("L'arrestation de l'opposant malien par les gendarmes a provoqué la colère de ses partisans.")
    assert event.plover.event == "COERCE" and event.evidence.trigger == "arrestation"
    # ... as its sentence's main verb tells it: a possibility, or a set phrase, is none
    assert _code("Les sanctions de la CEDEAO peuvent inclure la fermeture des frontières avec le Niger.") == []
    # (« la demande » of a request for comment is no DEMAND: not answering it is a refusal)
    assert [e.plover.event for e in _code("Le gouvernement malien n'a pas répondu à la demande de commentaires.")] == ["REJECT"]


def test_a_named_doer_no_dictionary_knows_makes_an_act() -> None:
    (event,) = _code("Plusieurs artistes indigènes ont appelé à sa démission.")
    assert event.plover.event == "DEMAND"
    (event,) = _code("Cette déclaration a été faite après que 39 nations ont demandé l'ouverture d'une enquête.")
    assert event.plover.event == "DEMAND"
    # a subject that names no one, or « se demander » (to wonder), is no act
    assert _code("Les gens ont appelé à la prudence.") == []
    assert _code("Le docteur Tyrrell s'est demandé si elle pouvait être observée au microscope.") == []


def test_a_pronoun_or_an_inverted_subject_told_as_having_acted_is_a_doer() -> None:
    # « a-t-elle souligné » : the inverted pronoun after its hyphen; « Un autre critique »,
    # which the small parser tags as an adjective; a participle that hangs on the verb
    # whose subject acts
    (event,) = _code("\"C'est une perversion inacceptable\", a-t-elle souligné.")
    assert event.plover.event == "DISAPPROVE"
    (event,) = _code("Un autre critique a écrit en ligne : \"c'est une honte\".")
    assert event.plover.event == "DISAPPROVE"
    # a present told of a pronoun may describe what one does: no act
    assert _code("Elle enquête sur les crimes de guerre et le génocide.") == []


def test_a_quoted_question_or_opinion_leaves_the_act_around_it() -> None:
    (event,) = _code("La présidente de l'Association des juges tunisiens a condamné la campagne de "
                     "diffamation, et a demandé : \"qui peut restaurer sa réputation ?\"")
    assert event.plover.event == "DISAPPROVE" and {a.code for a in event.source} == {"TUN"}
    # the question is the sentence's own: no act
    assert _code("La présidente a-t-elle condamné la campagne de diffamation ?") == []


def test_french_agents_without_a_country_word_are_still_actors() -> None:
    # (« à Rabat », hung on the visitor by the parser, is where they met, not a party)
    (event,) = _code("Le roi du Maroc a reçu le président mauritanien à Rabat.")
    assert event.plover.event == "CONSULT"
    assert [a.code for a in event.source] == ["MAR"] and [a.code for a in event.target] == ["MRT"]
    (event,) = _code("Des militants de l'opposition ont été arrêtés à Niamey.", "2024-02-01")
    assert event.plover.event == "COERCE" and {a.sector for a in event.target} == {"OPP"}


@pytest.mark.parametrize("text", [
    "Une épidémie de choléra a tué plus de 60 personnes dans la région de Tahoua.",
    "Les inondations ont tué 20 personnes à Niamey.",
    "Douze personnes ont été tuées dans un accident de la route près de Niamey.",
])
def test_deaths_from_disease_disaster_or_accident_are_no_ones_act(text) -> None:
    # (« près de Niamey » is a place, not state forces that would let the incident through)
    assert _code(text) == []


def test_a_killing_by_people_stays_an_act() -> None:
    (event,) = _code("Des jihadistes ont tué douze villageois près de Gao.")
    assert event.plover.event == "ASSAULT" and [a.text for a in event.source] == ["jihadistes"]


@pytest.mark.parametrize("text, target", [
    ("Des jihadistes ont tué douze civils près de Gao.", "civils"),
    ("Des jihadistes ont tué douze villageois près de Gao.", "villageois"),
    ("Des hommes armés ont enlevé une vingtaine de femmes à Djibo.", "femmes"),
])
def test_people_counted_in_words_are_the_target_and_the_town_is_where(text, target) -> None:
    # the small parser reads « douze » as the agent or the object and hangs « civils » and
    # « près de Gao » on it
    (event,) = _code(text)
    assert [a.text for a in event.target] == [target]


def test_convictions_and_charges_faced_are_legal_action() -> None:
    (event,) = _code("Le tribunal a déclaré l'ancien ministre coupable de corruption.")
    assert event.plover.event == "COERCE"
    (event,) = _code("Les trois suspects font face à des accusations de terrorisme.")
    assert event.plover.event == "COERCE"
    assert [a.text for a in event.target] == ["suspects"] and event.source == []


def test_no_answer_to_a_request_for_comment_is_a_refusal() -> None:
    (event,) = _code("Le gouvernement tunisien n'a pas répondu à la demande de commentaires de la BBC.")
    assert event.plover.event == "REJECT" and event.modality.negated is False
    assert [a.code for a in event.source] == ["TUN"]
    assert _code("Le gouvernement tunisien a répondu à la demande de commentaires de la BBC.") == []


@pytest.mark.parametrize("text, rest", [
    ("A surtout lire sur BBC Afrique : Le chef taliban a appelé les habitants", "Le chef taliban"),
    ("Articles recommandés : M. Shoigu a indiqué", "M. Shoigu"),
    ("A ne pas manquer sur BBC Afrique : Plus au nord", "Plus au nord"),
    ("Le ministre a dit : non", "Le ministre"),
])
def test_a_leading_caption_is_no_part_of_the_sentence(text, rest) -> None:
    from harmattan.events.french import caption_end

    assert text[caption_end(text):].startswith(rest)


def test_not_yet_is_a_negation_wherever_the_parser_hangs_pas() -> None:
    # the parser hangs « pas » on « encore », not on the verb
    (event,) = _code("La junte n'a pas encore libéré le président Bazoum.", "2023-09-01")
    assert event.plover.event == "RETREAT" and event.modality.negated is True
    (event,) = _code("La junte a encore libéré des prisonniers.", "2023-09-01")
    assert event.modality.negated is False


@pytest.mark.parametrize("text, etype, targets", [
    # the gerund counts whom the attack hit; the country hung on « nord » is where
    ("Des hommes armés ont attaqué un village du nord du Burkina Faso, tuant 12 civils.", "ASSAULT",
     ["village", "civils"]),
    ("Les terroristes ont attaqué le poste de Koutougou, tuant au moins 24 soldats burkinabè.", "FIGHT",
     ["soldats burkinabè"]),
    ("Des jihadistes ont attaqué une position à Djibo, faisant une dizaine de morts parmi les soldats.",
     "FIGHT", ["soldats"]),
])
def test_the_victims_a_gerund_counts_are_the_target(text, etype, targets) -> None:
    (event,) = _code(text)
    assert event.plover.event == etype
    assert [a.text for a in event.target] == targets


def test_the_subject_of_a_pronominal_verb_acts() -> None:
    # the small parser reads « se retirer » as a passive
    (event,) = _code("Le Niger s'est retiré du G5 Sahel.")
    assert [a.code for a in event.source] == ["NER"] and [a.code for a in event.target] == ["IGO"]
    assert event.plover.event == "SANCTION" and event.acled is None  # leaving a body: no territory
    (event,) = _code("Les jihadistes se sont retirés de la ville sans combat.")
    assert event.plover.event == "RETREAT" and [a.text for a in event.source] == ["jihadistes"]
    assert event.acled["sub_event_type"] == "Non-violent transfer of territory"


@pytest.mark.parametrize("text, etype", [
    ("Le gouvernement nigérien a démenti avoir expulsé l'ambassadeur de France.", "SANCTION"),
    ("L'armée malienne nie avoir tué des civils à Moura.", "ASSAULT"),  # « nie » read as an adjective
])
def test_an_act_denied_is_coded_negated_then_the_denial(text, etype) -> None:
    event = _code(text)[0]
    assert event.plover.event == etype and event.modality.negated
    assert event.acled is None  # a denied act is no ACLED event


def test_a_denial_of_words_stays_a_rejection() -> None:
    (event,) = _code("Le CNSP a démenti les accusations de la CEDEAO.")
    assert event.plover.event == "REJECT" and not event.modality.negated


def test_a_drone_strike_on_a_gathering_is_no_demonstration() -> None:
    (event,) = _code("Un drone de l'armée malienne a frappé un rassemblement à Amasrakad, tuant plusieurs civils.")
    assert event.acled["sub_event_type"] == "Air/drone strike"
    assert [a.text for a in event.target] == ["civils"]


def test_leaving_the_cedeao_named_by_a_noun_and_a_demonym_on_a_border() -> None:
    (event,) = _code("Le Burkina Faso, le Mali et le Niger ont annoncé leur retrait immédiat de la CEDEAO.")
    assert (event.plover.event, event.cameo.code) == ("SANCTION", "161")
    assert [a.code for a in event.target] == ["IGO"]
    (event,) = _code("L'EIGS a tué une vingtaine de soldats nigériens près de la frontière malienne.")
    assert [a.code for a in event.target] == ["NER"]  # « malienne » says where


def test_combat_aircraft_delivered_are_no_clash() -> None:
    (event,) = _code("La Russie a livré des avions de combat au Mali.")
    assert event.plover.event == "AID" and event.acled is None


def test_describing_or_calling_in_words_of_blame_is_disapproval() -> None:
    (event,) = _code("Le ministre a qualifié la décision de la CEDEAO d'illégale et d'inacceptable.")
    assert event.plover.event == "DISAPPROVE" and [a.code for a in event.target] == ["IGO"]
    assert _code("Le porte-parole a décrit la situation à Gao.") == []


def test_an_assassinated_mayor_is_a_civilian_for_acled() -> None:
    (event,) = _code("Des individus armés ont assassiné le maire de Djibo.")
    assert event.acled["sub_event_type"] == "Attack" and event.acled["inter2"] == 7


def test_an_attack_repelled_is_a_clash_and_elections_postponed_no_event() -> None:
    (event,) = _code("Les forces de défense et de sécurité ont repoussé une attaque terroriste contre le poste de Tin-Akoff.")
    assert event.acled["sub_event_type"] == "Armed clash"
    assert _code("La junte a repoussé la date des élections.") == []


def test_dismissals_sanctions_troop_arrivals_and_a_second_subject_read_as_the_object() -> None:
    # the small parser hangs « le Premier ministre » on « limogé » as a second subject
    (event,) = _code("Le colonel Assimi Goïta a limogé le Premier ministre Choguel Maïga.")
    assert (event.plover.event, event.cameo.code) == ("COERCE", "172")
    assert [a.code for a in event.source] == ["MLI"]
    assert [a.text for a in event.target] == ["Premier ministre Choguel Maïga"]
    (event,) = _code("Le général a été relevé de ses fonctions mardi.")
    assert event.plover.event == "COERCE"
    (event,) = _code("Des navires et des avions sud-africains sont arrivés à Pemba au cours du week-end.")
    assert event.plover.event == "MOBILIZE" and [a.code for a in event.source] == ["ZAF"]
    (event,) = _code("M. Yekatom a été soumis à des sanctions de l'ONU en 2016.")
    assert event.plover.event == "SANCTION"
    assert _code("Le président est arrivé à Bamako dimanche.") == []  # a visit told by arrival: no troops


@pytest.mark.parametrize("text, code", [
    ("Le gouvernement de transition a suspendu les activités des partis politiques jusqu'à nouvel ordre.", "1722"),
    ("Les autorités maliennes ont suspendu la diffusion de RFI et France 24.", "1721"),
    ("Le Burkina a suspendu le quotidien Le Monde.", "1721"),
    ("La CEDEAO a suspendu le Niger de ses instances, selon la BBC.", "160"),
])
def test_suspending_parties_or_media_is_coercion_and_a_member_a_sanction(text, code) -> None:
    (event,) = _code(text)
    assert event.cameo.code == code
    assert event.plover.event == ("SANCTION" if code == "160" else "COERCE")


def test_an_incident_named_as_the_time_of_another_act_is_no_incident() -> None:
    assert _code("Le CNSP a décrété un deuil national de trois jours après l'attaque.") == []
    # an act not told before (« une rencontre ») is still one
    (event,) = _code("Après une rencontre avec les chefs religieux, le roi Charles assistera à un service.")
    assert event.plover.event == "CONSULT"
    (event,) = _code("Quinze civils ont été tués lors d'une attaque près de Téra.")
    assert event.acled["sub_event_type"] == "Attack"  # « lors de » tells the incident itself
    (event,) = _code("Après l'attaque, les soldats ont tué dix assaillants.")
    assert event.plover.event == "FIGHT" and [a.text for a in event.source] == ["soldats"]


def test_weapons_delivered_are_no_strike_and_forces_ordered_out_are_coerced() -> None:
    (event,) = _code("La Russie a livré des hélicoptères de combat à l'armée burkinabè.")
    assert event.plover.event == "AID" and event.acled is None
    (event,) = _code("Un hélicoptère de combat de l'armée a frappé un convoi de terroristes.")
    assert event.acled["sub_event_type"] == "Air/drone strike"
    (event,) = _code("Le Niger a ordonné le départ des forces françaises avant la fin de l'année.")
    assert (event.plover.event, event.cameo.code) == ("COERCE", "174")
    assert [a.code for a in event.source] == ["NER"] and [a.code for a in event.target] == ["FRA"]


def test_being_held_is_a_state_and_the_arrest_an_act() -> None:
    assert _code("Le président déchu Mohamed Bazoum est toujours détenu au palais présidentiel.") == []
    assert _code("Mohamed Bazoum est détenu depuis le 26 juillet.") == []
    # « rester » + the participle: still held (and no ACLED abduction either)
    assert _code("Le président Bazoum reste séquestré par les militaires depuis le 26 juillet.") == []
    (event,) = _code("L'opposant a été arrêté mardi à Bamako.")
    assert event.plover.event == "COERCE" and event.acled["sub_event_type"] == "Arrests"


def test_forces_that_arrive_move_though_the_parser_reads_a_passive() -> None:
    # « sont arrivés » is read as a passive, and « instructeurs » as an adjective of « russes »
    (event,) = _code("Des instructeurs russes sont arrivés à Niamey le 12 avril.")
    assert event.plover.event == "MOBILIZE"
    assert [a.code for a in event.source] == ["RUS"] and "RUS" not in [a.code for a in event.target]


def test_talks_held_or_negotiations_conducted_are_consultations() -> None:
    (event,) = _code("Le président nigérien a eu un entretien avec son homologue malien à Bamako.", "2024-03-01")
    assert event.plover.event == "CONSULT" and [a.code for a in event.source] == ["NER"]
    (event,) = _code("La CEDEAO a entamé des négociations avec la junte nigérienne.", "2023-08-10")
    assert event.plover.event == "CONSULT" and [a.code for a in event.source] == ["IGO"]
    (event,) = _code("Le Mali et l'Algérie ont renoué les relations diplomatiques.", "2024-03-01")
    assert event.plover.event == "COOPERATE"
    # (a row needs its argument: an obligation is no talk)
    assert _code("Le ministre a eu une conférence de presse difficile.") == []


def test_the_first_of_coordinated_subjects_the_parser_hangs_the_verb_on_acts_too() -> None:
    # the small parser makes « contribué » a conjunct of « Nations » : both are sources
    (event,) = _code("Les Nations unies et la Turquie ont contribué à la négociation de cet accord.")
    assert {a.code for a in event.source} == {"IGO", "TUR"}


def test_going_somewhere_is_a_visit_only_for_someone_in_office_or_named() -> None:
    (event,) = _code("Le général Tiani s'est rendu à Bamako.", "2024-03-01")
    assert event.plover.event == "CONSULT" and [a.code for a in event.source] == ["NER"]
    assert [a.code for a in event.target] == ["MLI"]
    (event,) = _code("Assimi Goïta s'est rendu à Niamey.", "2024-03-01")
    assert event.plover.event == "CONSULT" and [a.code for a in event.source] == ["MLI"]
    # (the subject of the verb that carries the infinitive)
    (event,) = _code("Le président Tiani va se rendre à Bamako.", "2024-03-01")
    assert event.plover.event == "CONSULT" and event.modality.future
    # people going to a stadium, patients to a surgery: no visit
    assert _code("Des milliers de Nigériens se sont rendus au stade de Niamey.", "2024-03-01") == []


def test_a_gerund_the_parser_hangs_on_a_noun_is_told_as_its_verb() -> None:
    # « en approuvant » hangs on « revirement », whose verb « a fait » tells it as done
    (event,) = _code("Le gouvernement malien a également fait un revirement apparent en approuvant "
                     "l'accord pour certaines régions du nord.")
    assert event.evidence.trigger == "approuvant" and [a.code for a in event.source] == ["MLI"]


def test_support_that_lasts_and_things_received_are_no_acts() -> None:
    # a present passive of support is a state, as « est détenu » is; its passé composé is the act
    assert _code("Le Niger est soutenu par la Russie et plusieurs autres pays.", "2024-03-01") == []
    (event,) = _code("Le Niger a été soutenu par la Russie lors du sommet.", "2024-03-01")
    assert event.plover.event == "SUPPORT" and [a.code for a in event.source] == ["RUS"]
    # receiving food or care is no hosting
    assert _code("Les déplacés de Djibo reçoivent de la nourriture et des soins médicaux.", "2024-03-01") == []


@pytest.mark.parametrize("text", [
    "Le gouvernement malien a déclaré que cette décision de la CEDEAO était illégale et injuste.",
    "\"C'est une ingérence inadmissible dans nos affaires\", a déclaré le porte-parole du gouvernement nigérien.",
    "Le ministre burkinabè a dit que ces accusations relevaient de la propagande.",
])
def test_words_of_blame_make_a_statement_disapproval(text) -> None:
    (event,) = _code(text, "2024-03-01")
    assert event.plover.event == "DISAPPROVE"


def test_a_participle_the_parser_splits_from_its_object_is_joined_to_it() -> None:
    # the small parser reads « expulsé » as an adverb heading the subject, and « l'ambassadeur
    # de France » as a second root: joined, the expulsion of a diplomat and its target
    (event,) = _code("Les autorités maliennes ont expulsé l'ambassadeur de France.", "2023-01-31")
    assert event.cameo.code == "166" and event.plover.event == "SANCTION"
    assert [a.code for a in event.source] == ["MLI"] and [a.code for a in event.target] == ["FRA"]


def test_an_irregular_participle_read_as_a_noun_is_its_verb() -> None:
    # the small parser tags « dissous » as a noun with the lemma « dissou »
    (event,) = _code("Les autorités de transition ont dissous les partis politiques.", "2024-03-20")
    assert event.cameo.code == "172" and event.evidence.trigger == "dissous"
    from harmattan.events.french import _irregular_infinitives

    assert _irregular_infinitives("detenus") == ["detenir"]
    assert _irregular_infinitives("ouverte") == ["ouvrir"]
    assert _irregular_infinitives("mis") == ["mettre"]


def test_a_denial_is_no_acled_incident() -> None:
    # the massacre denied is not the denial's incident (the English coder gives none either)
    (event,) = _code("Le gouvernement a démenti toute implication dans le massacre.", "2022-04-05")
    assert event.plover.event == "REJECT" and event.acled is None
    assert classify_fr("Le gouvernement a démenti toute implication dans le massacre.", "REJECT") is None
    assert classify_fr("Des hommes armés ont massacré des civils dans le village.", "ASSAULT") is not None


def test_force_named_as_the_setting_of_another_act_is_no_acled_incident() -> None:
    # a state's act of another kind, in a sentence that names force only as its setting
    lifted = ("Pour les Maliens, la levée des sanctions est certainement une bonne nouvelle, après "
              "l'attaque russe contre l'Ukraine.")
    left = ("Le régime a annoncé que le Mali quittait le bloc du G5 Sahel, créé en 2014 pour "
            "la lutte contre les groupes djihadistes.")
    assert classify_fr(lifted, "CONCEDE", [1], [1]) is None
    assert classify_fr(left, "SANCTION", [1], [1]) is None
    # the act of force itself is still ACLED's
    assert classify_fr("L'armée a attaqué les groupes djihadistes près de Ménaka.", "FIGHT", [1], [2]) \
        == ("Battles", "Armed clash")


def test_blows_and_slaps_are_a_beating_and_envoys_received_a_hosting() -> None:
    (event,) = _code("Le chef du parti a été giflé et frappé à coups de pied lors d'une réunion à Niamey.", "2024-03-01")
    assert event.plover.event == "ASSAULT" and event.cameo.code == "1823"
    (event,) = _code("Le président Tiani a accueilli l'ambassadeur de Russie.", "2024-03-01")
    assert event.plover.event == "CONSULT" and [a.code for a in event.target] == ["RUS"]


def test_a_states_protest_is_a_disapproval_and_no_demonstration() -> None:
    (event,) = _code("Le gouvernement malien a protesté contre la décision de la CEDEAO.", "2024-03-01")
    assert event.plover.event == "DISAPPROVE" and event.acled is None
    assert [a.code for a in event.source] == ["MLI"] and [a.code for a in event.target] == ["IGO"]
    # people who protest in the street still demonstrate
    (event,) = _code("Des milliers de Nigériens ont protesté à Niamey contre la présence française.", "2024-03-01")
    assert event.plover.event == "PROTEST" and event.acled["sub_event_type"] == "Peaceful protest"


def test_an_act_named_by_a_noun_takes_its_doer_from_par_or_from_de() -> None:
    # « par X » is the doer, wherever the small parser hangs it before the main verb
    (event,) = _code("L'arrestation de l'opposant malien par les gendarmes a provoqué la colère de ses partisans.")
    assert [a.text for a in event.source] == ["gendarmes"] and [a.code for a in event.target] == ["MLI"]
    (event,) = _code("La saisie de deux tonnes de cocaïne par la gendarmerie sénégalaise a eu lieu mardi.")
    assert event.plover.event == "COERCE" and [a.code for a in event.source] == ["SEN"]
    # « de X » after a refusal is who refuses
    (event,) = _code("Le refus de la junte nigérienne a provoqué la colère de la CEDEAO.", "2023-08-10")
    assert event.plover.event == "REJECT" and [a.text for a in event.source] == ["junte nigérienne"]


def test_coming_to_a_stop_and_goods_received_are_no_acts() -> None:
    # « s'arrêter » is to stop, not to be arrested (for the lexicon and for ACLED)
    assert _code("Mais son calvaire ne s'est pas arrêté là.", "2024-03-01") == []
    assert classify_fr("Mais son calvaire ne s'est pas arrêté là.") is None
    (event,) = _code("Trois suspects ont été arrêtés à Niamey.", "2024-03-01")
    assert event.plover.event == "COERCE" and event.acled["sub_event_type"] == "Arrests"
    # receiving gas is no hosting
    assert _code("Le Mali continue à recevoir du gaz de Russie.", "2024-03-01") == []


def test_the_parse_reads_verbs_the_small_parser_tagged_as_adverbs_or_nouns() -> None:
    (event,) = _code("Les autorités de transition du Burkina Faso ont expulsé deux diplomates français.")
    assert event.cameo.code == "166" and [a.code for a in event.source] == ["BFA"]
    assert [a.code for a in event.target] == ["FRA"]
    (event,) = _code("Les militaires au pouvoir au Mali ont dissous tous les partis politiques.")
    assert event.plover.event == "COERCE" and {a.code for a in event.source} == {"MLI"}
    assert "militaires" in [a.text for a in event.source]


@pytest.mark.parametrize("text", [
    # a conditional the tagger reads as a present, by its ending on the infinitive
    "Les talibans tenteraient de couper les lignes d'approvisionnement de la vallée.",
    # an indirect question is no threat, whatever the conditional
    "Beaucoup se demandent si les États-Unis interviendraient militairement au Niger.",
    # a noun that names what something is, or an act already told (« Cet accord »)
    "Cette décision constitue une menace pour la paix au Niger.",
    "Cet accord intervient dans un contexte de tensions autour de l'Ukraine.",
    # holding an office is no occupation
    "Il a brièvement occupé le poste de ministre des Sports.",
    # « émeut » (moves) is no riot
    "La nouvelle émeut les Camerounais sur les réseaux sociaux.",
])
def test_no_act_is_read_in_conditionals_questions_descriptions_and_offices(text: str) -> None:
    assert _code(text) == []


def test_a_negative_subject_negates_and_a_future_is_read_by_its_ending() -> None:
    (event,) = _code("Personne n'enverra de soldats au Mozambique.")
    assert event.modality.negated
    (event,) = _code("Le Nigeria fermera sa frontière avec le Niger.")
    assert event.modality.future and [a.code for a in event.source] == ["NGA"]
    (event,) = _code("Les rebelles ont occupé le poste de police de Ménaka.")
    assert event.plover.event == "FIGHT"


def test_a_possessive_act_noun_is_the_subjects_and_hostages_freed_are_no_arrest() -> None:
    (event,) = _code("La Minusma a achevé son retrait du Mali le 31 décembre.", "2023-12-31")
    assert event.plover.event == "RETREAT" and [a.code for a in event.source] == ["IGO"]
    assert [a.code for a in event.target] == ["MLI"]
    (event,) = _code("Les soldats nigérians ont libéré 20 otages détenus par Boko Haram.", "2024-03-24")
    assert event.plover.event == "RETREAT" and event.acled is None
    (event,) = _code("La police a arrêté trois hommes détenus ensuite à Niamey.")
    assert event.acled["sub_event_type"] == "Arrests"


def test_burning_a_flag_is_a_demonstration() -> None:
    (event,) = _code("Des manifestants ont brûlé des drapeaux français à Niamey.")
    assert event.plover.event == "PROTEST" and event.acled["sub_event_type"] == "Peaceful protest"
    (event,) = _code("Des hommes armés ont incendié une école à Djibo.")
    assert event.plover.event == "ASSAULT"


def test_a_crowd_demanding_a_foreign_force_leave_is_not_of_its_country() -> None:
    (event,) = _code("Des milliers de manifestants ont exigé le départ des troupes françaises.")
    assert event.plover.event == "DEMAND"
    assert [(a.text, a.code) for a in event.source] == [("manifestants", "")]
    assert [(a.text, a.code) for a in event.target] == [("troupes françaises", "FRA")]


def test_lifting_a_measure_is_aimed_at_whom_it_was_imposed_on() -> None:
    # « au Niger » after « imposées » is whom the sanctions weigh on, not where they were lifted
    (event,) = _code("La CEDEAO a levé les sanctions imposées au Niger.", "2024-02-24")
    assert event.plover.event == "RETREAT"
    assert [(a.text, a.code) for a in event.target] == [("Niger", "NER")]


def test_a_release_named_by_a_noun_frees_whom_it_names() -> None:
    # « de X » after « libération » is who is freed (as after « arrestation »), not the doer
    (event,) = _code("Le gouvernement malien a annoncé la libération de dix militaires ivoiriens.", "2023-01-07")
    assert (event.plover.event, event.cameo.code) == ("RETREAT", "0841")
    assert [(a.text, a.code) for a in event.source] == [("gouvernement malien", "MLI")]
    assert [(a.text, a.code) for a in event.target] == [("militaires ivoiriens", "CIV")]


def test_a_participle_describing_whom_the_act_is_done_to_does_not_tell_the_act() -> None:
    # « détenus depuis juillet » describes the soldiers: the act is the release the noun names,
    # and « depuis juillet » no ongoing state of it
    (event,) = _code("Les autorités maliennes ont annoncé la libération de dix militaires ivoiriens "
                     "détenus depuis juillet.", "2023-01-07")
    assert (event.plover.event, event.evidence.trigger) == ("RETREAT", "libération")
    assert [(a.text, a.code) for a in event.target] == [("militaires ivoiriens", "CIV")]


def test_a_statistic_inside_a_describing_participle_still_judges() -> None:
    # only « depuis … » is excused there: a survey's finding « en moyenne » stays no act (a
    # sentence of the BBC Afrique development file, which the small parser reads poorly)
    assert _code("Une enquête réalisée cette année par Gallup révèle que les femmes, en moyenne dans le "
                 "monde, sont plus en colère au cours des 10 dernières années.") == []


def test_soldiers_killed_in_an_incident_are_its_victims() -> None:
    # an incident no verb of the lexicon tells: the armed party the sentence says was killed
    # is whom it was done to, not who did it
    (event,) = _code("Les soldats tués lors de l'attaque ont été enterrés à Bamako.", "2023-01-07")
    assert event.acled is not None
    assert [a.text for a in event.source if a.text] == []
    assert [(a.text, a.sector) for a in event.target] == [("soldats", "MIL")]


def test_lifting_a_ban_on_protests_is_a_concession_not_a_protest() -> None:
    (event,) = _code("Le Togo a levé l'interdiction de manifester.", "2023-04-01")
    assert (event.plover.event, event.cameo.code) == ("CONCEDE", "081")
    assert event.acled is None


def test_an_immunity_lifted_is_a_sanction_on_the_official() -> None:
    # (no row read « lever l'immunité »: no event)
    (event,) = _code("L'Assemblée nationale a levé l'immunité parlementaire du député d'opposition.", "2023-04-01")
    assert (event.plover.event, event.cameo.code) == ("COERCE", "172")
    assert [a.sector for a in event.source] == ["LEG"]


def test_a_word_the_tokenizer_split_at_its_hyphen_is_an_argument_whole() -> None:
    # « sit-in » is three tokens: the lexicon's « observer » + sit-in never matched
    (event,) = _code("Des enseignants ont observé un sit-in devant le ministère.", "2024-03-10")
    assert (event.plover.event, event.cameo.code, event.evidence.trigger) == ("PROTEST", "141", "observé")
    assert [a.sector for a in event.source] == ["EDU"]


def test_what_a_suspension_names_with_de_is_suspended_not_its_doer() -> None:
    # (the parties were the source, the government nothing)
    (event,) = _code("Le gouvernement malien a annoncé la suspension des activités des partis politiques.",
                     "2024-04-11")
    assert [(a.code, a.sector) for a in event.source] == [("MLI", "GOV")]
    assert [a.sector for a in event.target] == ["PTY"]


def test_an_agreement_ended_is_aimed_at_whom_it_was_made_with() -> None:
    # « conclus avec », read as an adverb on the verb: no target but the article's country
    (event,) = _code("La junte nigérienne a dénoncé les accords militaires conclus avec les États-Unis.",
                     "2024-03-17")
    assert event.plover.event == "SANCTION"
    assert [a.code for a in event.target] == ["USA"]


def test_the_object_after_a_day_of_the_week_is_the_verbs() -> None:
    # the small parser hangs « la dissolution … » on « lundi », or makes it a sentence of its
    # own: no event
    (event,) = _code("La junte a annoncé lundi la dissolution de tous les partis politiques.", "2024-04-11")
    assert (event.plover.event, event.cameo.code) == ("COERCE", "172")
    assert [a.sector for a in event.source] == ["GOV"] and [a.sector for a in event.target] == ["PTY"]


def test_a_patrol_taken_as_a_target_is_attacked_by_the_agent() -> None:
    # « prendre pour cible » attacks; the small parser hangs « par X » on « cible »
    (event,) = _code("Une patrouille de l'armée a été prise pour cible par des hommes armés près de Tessit.",
                     "2023-08-08")
    assert event.plover.event == "FIGHT"
    assert [(a.text, a.sector) for a in event.source] == [("hommes armés", "REB")]
    assert [a.sector for a in event.target] == ["MIL"]
    assert event.acled["sub_event_type"] == "Armed clash"


def test_what_one_proceeds_to_is_ones_own_act() -> None:
    (event,) = _code("La gendarmerie a procédé à l'arrestation de trois journalistes à Ouagadougou.")
    assert event.plover.event == "COERCE"
    assert [(a.text, a.sector) for a in event.source] == [("gendarmerie", "COP")]
    assert [a.text for a in event.target] == ["journalistes"]
    # fighters « neutralised » are whom the force was used on, not who used it
    (event,) = _code("L'armée a procédé à la neutralisation de plusieurs terroristes.")
    assert [a.text for a in event.source] == ["armée"] and [a.text for a in event.target] == ["terroristes"]


def test_protesters_of_an_incident_are_its_source() -> None:
    # an incident no verb of the lexicon tells: the protesters did it (they were read as
    # civilians, whom it was done to)
    (event,) = _code("Les manifestants ont érigé des barricades et brûlé des pneus à Conakry.", "2023-05-10")
    assert event.acled["sub_event_type"] == "Violent demonstration"
    assert [a.text for a in event.source] == ["manifestants"]
    assert "manifestants" not in [a.text for a in event.target]


def test_an_attack_noun_takes_its_parties_from_the_phrase_and_the_verb() -> None:
    # « subir / essuyer » : the subject suffers the act its object names; armed men « de X » do it
    (event,) = _code("Les soldats maliens ont essuyé une embuscade des jihadistes près de Boni.", "2022-08-08")
    assert event.plover.event == "FIGHT"
    assert [(a.code, a.sector) for a in event.source] == [("MLI", "REB")]
    assert [(a.code, a.sector) for a in event.target] == [("MLI", "MIL")]
    # « l'attaque du camp » is done to the camp, not by it
    (event,) = _code("L'attaque du camp de Boulkessi par le GSIM a fait dix morts.", "2022-06-01")
    assert [a.text for a in event.source] == ["GSIM"] and "GSIM" not in [a.text for a in event.target]
    # « entre X et Y » on the verb, « opposer X à Y »
    (event,) = _code("Des combats ont éclaté entre les FAMa et les rebelles du CSP à Anefis.", "2023-09-17")
    assert [a.text for a in event.source] == ["FAMa"] and [a.sector for a in event.target] == ["REB"]
    (event,) = _code("De violents affrontements ont opposé l'armée burkinabè aux jihadistes près de Djibo.")
    assert [(a.code, a.sector) for a in event.source] == [("BFA", "MIL")]
    assert [a.sector for a in event.target] == ["REB"]
    # (« à Y » hung on the first party)
    (event,) = _code("De violents affrontements ont opposé des manifestants aux forces de l'ordre à Conakry.")
    assert [a.text for a in event.source] == ["manifestants"]
    assert [(a.code, a.sector) for a in event.target] == [("GIN", "COP")]


def test_the_object_the_parser_hangs_on_the_first_of_two_coordinated_verbs() -> None:
    (event,) = _code("Le gouvernement burkinabè affirme avoir déjoué une tentative de coup d'État "
                     "et arrêté plusieurs officiers.", "2023-09-27")
    assert event.cameo.code == "173"
    assert [(a.text, a.code, a.sector) for a in event.target] == [("officiers", "BFA", "MIL")]


def test_wire_sentences_of_the_sahel() -> None:
    # the capital a visit is made in hosts it
    (event,) = _code("Le chef de la junte nigérienne, le général Abdourahamane Tiani, est arrivé jeudi à Bamako "
                     "pour sa première visite à l'étranger depuis sa prise de pouvoir.", "2023-11-23")
    assert event.plover.event == "CONSULT" and [a.code for a in event.target] == ["MLI"]
    # « entre X et Y », Y the subject of the next verb to the parser
    (event,) = _code("Les combats entre l'armée et les rebelles séparatistes ont poussé des milliers de personnes "
                     "à fuir dans le nord du Mali.", "2024-05-30")
    assert [(a.code, a.sector) for a in event.source] == [("MLI", "MIL")]
    assert [(a.code, a.sector) for a in event.target] == [("MLI", "REB")]
    # an order to someone to do something is a demand
    (event,) = _code("La Cour de justice de la CEDEAO a ordonné vendredi à la junte nigérienne de libérer "
                     "Mohamed Bazoum.", "2023-12-15")
    assert (event.plover.event, event.cameo.code) == ("DEMAND", "100")
    assert [a.code for a in event.source] == ["IGO"] and [a.code for a in event.target] == ["NER"]
    # the end of one's own agreement
    (event,) = _code("Le Tchad a annoncé la fin de son accord de coopération en matière de défense avec la France.",
                     "2024-11-28")
    assert event.plover.event == "SANCTION" and [a.code for a in event.target] == ["FRA"]
    # troops arrived, the subject the parser loses; who tells it is no party
    (event,) = _code("Des instructeurs militaires russes sont arrivés au Niger avec un système de défense aérienne, "
                     "selon la télévision d'État.", "2024-04-12")
    assert event.plover.event == "MOBILIZE" and [a.code for a in event.source] == ["RUS"]
    assert "MED" not in [a.sector for a in event.target]
    # a village « du nord du Burkina Faso » is where the people killed were
    (event,) = _code("Des hommes armés à moto ont tué au moins 12 personnes lors d'une attaque contre un village du "
                     "nord du Burkina Faso dimanche, selon des sources sécuritaires.", "2024-02-26")
    assert event.plover.event == "ASSAULT" and [a.code for a in event.target] == ["BFA"]
    # a country coordinated with a place is still a party (« entre les États-Unis et Cuba »)
    (event,) = _code("L'administration américaine a suspendu tous les vols charters privés entre les États-Unis "
                     "et Cuba, pour accroître la pression économique sur La Havane.", "2019-10-26")
    assert "CUB" in [a.code for a in event.target]
    # a country coordinated with a time is no place (« dans les années 1980 et la Turquie »)
    events = _code("La Grèce a quitté l'OTAN en 1974. Mais elle a décidé de revenir dans les années 1980 "
                   "et la Turquie ne s'y est pas opposée.")
    assert [(e.plover.event, [a.code for a in e.source]) for e in events] == [("REJECT", ["TUR"])]


def test_acts_of_the_rest_of_africa_and_beyond() -> None:
    # a verb the parser tags as an adverb, in the conditionnel with « si »; « ses troupes » the body's
    (event,) = _code("La CEDEAO a affirmé que ses troupes interviendraient au Niger si les efforts "
                     "diplomatiques échouaient.", "2023-08-18")
    assert event.plover.event == "THREATEN" and event.modality.hypothetical
    assert [a.code for a in event.source] == ["IGO"]
    # armed men entering a town take it
    (event,) = _code("Les rebelles du M23, soutenus par le Rwanda, sont entrés dans la ville de Goma, dans l'est "
                     "de la RDC.", "2025-01-27")
    assert (event.plover.event, event.cameo.code) == ("FIGHT", "192")
    assert [(a.code, a.sector) for a in event.source] == [("COD", "REB")]
    # a conference hosted, drills launched
    (event,) = _code("L'Égypte a accueilli au Caire une conférence des forces politiques civiles soudanaises.",
                     "2024-07-06")
    assert (event.plover.event, event.cameo.code) == ("CONSULT", "043") and "SDN" in [a.code for a in event.target]
    (event,) = _code("La Chine a lancé de vastes manœuvres militaires autour de Taïwan.", "2024-05-23")
    assert (event.plover.event, event.cameo.code) == ("MOBILIZE", "150")
    # « la région du Nord-Ouest du Cameroun » places the act
    (event,) = _code("Des combattants séparatistes ont enlevé un responsable local dans la région du Nord-Ouest "
                     "du Cameroun.", "2024-02-12")
    assert [a.code for a in event.source] == ["CMR"] and [a.code for a in event.target] == ["CMR"]
    # (not a participle after its auxiliary that the parser tags as an adverb: « a violé les lois »
    # breaches them, and its arguments are the auxiliary's to read; nor sexual violence for ACLED)
    events = _code("Ces allégations indiquent que la société a violé les lois antiterroristes américaines.")
    assert "ASSAULT" not in [e.plover.event for e in events]
    (event,) = _code("Des soldats ont violé plusieurs femmes dans le village.")
    assert event.plover.event == "ASSAULT" and event.acled["sub_event_type"] == "Sexual violence"


def test_a_march_aid_announced_and_a_town_near_which() -> None:
    (event,) = _code("Des milliers de personnes ont marché pacifiquement à Niamey pour soutenir les militaires "
                     "au pouvoir.", "2023-07-30")
    assert (event.plover.event, event.cameo.code) == ("PROTEST", "141")
    assert event.acled["sub_event_type"] == "Peaceful protest"
    (event,) = _code("L'Union européenne a annoncé une aide humanitaire de 30 millions d'euros pour le Sahel.",
                     "2024-02-15")
    assert (event.plover.event, event.cameo.code) == ("AID", "070") and [a.code for a in event.source] == ["IGO"]
    (event,) = _code("Des jihadistes présumés ont enlevé une cinquantaine de femmes qui cueillaient des fruits "
                     "près d'Arbinda.", "2024-01-15")
    assert [(a.code, a.sector) for a in event.target] == [("BFA", "CVL")]
    # « se sont affrontés avec la police » is a clash, whatever election the protest was about
    (event,) = _code("Des étudiants se sont affrontés avec la police à Dakar lors de manifestations contre le "
                     "report de l'élection.", "2024-02-09")
    assert event.plover.event == "FIGHT" and [(a.code, a.sector) for a in event.target] == [("SEN", "COP")]
    assert _code("Les deux équipes se sont affrontées en finale.") == []
    assert _code("Les deux équipes se sont affrontées samedi à Abidjan.") == []


def test_protesters_dispersed_with_tear_gas_are_repressed_not_protesting() -> None:
    (event,) = _code("À Dakar, la police a dispersé à coups de gaz lacrymogènes des partisans de "
                     "l'opposition qui protestaient contre le report du scrutin.", "2024-02-04")
    assert (event.plover.event, event.cameo.code) == ("ASSAULT", "175")
    assert [(a.code, a.sector) for a in event.source] == [("SEN", "COP")]


def test_a_passive_the_parser_reads_as_a_copula_and_the_seventh_rounds_rows() -> None:
    (event,) = _code("Le Niger a été frappé de lourdes sanctions par la CEDEAO.")
    assert event.plover.event == "SANCTION" and [a.code for a in event.source] == ["IGO"]
    assert [a.code for a in event.target] == ["NER"]
    (event,) = _code("La justice malienne a lancé un mandat d'arrêt international contre l'ancien ministre.")
    assert event.cameo.code == "173" and [a.sector for a in event.source] == ["JUD"]
    (event,) = _code("Le Mali a saisi la Cour de justice de la CEDEAO contre les sanctions.")
    assert event.plover.event == "DISAPPROVE" and [a.code for a in event.target] == ["IGO"]
    (event,) = _code("Le capitaine Ibrahim Traoré a rendu hommage aux soldats tombés à Djibo.", "2023-06-20")
    assert event.plover.event == "SUPPORT" and [a.code for a in event.source] == ["BFA"]
    (event,) = _code("Le Niger et le Bénin ont échangé des prisonniers à la frontière.", "2024-05-02")
    assert event.plover.event == "RETREAT"
    # a note of reservation on newborns, a manner (« avec le soutien de ») and a tribute
    # that lasts a day are no acts
    assert _code("Mme Carneiro émet toutefois une réserve concernant les nouveau-nés.") == []
    assert _code("Les Dieulafoy ont voyagé avec le soutien officiel du gouvernement français.") == []


@pytest.mark.parametrize("text", [
    # « repousser » with no force, a disaster that strikes, things received
    "La psychopathie est un trouble qui fascine et repousse à la fois.",
    "Lorsque la pandémie a frappé pour la première fois, beaucoup étaient choqués.",
    "Le public russe reçoit une image très filtrée de la guerre.",
    "Trente personnes ayant reçu deux doses du vaccin ont été infectées.",
])
def test_repelling_striking_and_receiving_need_their_proper_arguments(text: str) -> None:
    assert _code(text) == []


def test_hosting_someone_named_and_repelling_attackers_are_acts() -> None:
    (event,) = _code("Le président Bazoum a reçu Blinken à Niamey.", "2023-03-16")
    assert event.plover.event == "CONSULT" and [a.code for a in event.source] == ["NER"]
    (event,) = _code("Le général Tiani a reçu une délégation de la CEDEAO à Niamey.", "2023-08-19")
    assert event.plover.event == "CONSULT" and [a.code for a in event.target] == ["IGO"]
    (event,) = _code("L'armée nigérienne a repoussé une attaque jihadiste près de Tillabéri.")
    assert event.plover.event == "FIGHT" and [a.code for a in event.source] == ["NER"]


def test_a_participle_tagged_as_a_name_and_the_forces_of_a_head_of_state() -> None:
    # « évacué » tagged as a name (lower case) is the participle of « avaient »; « ses forces »
    # after « Le président Poutine » are Russia's
    (event,) = _code("Le président Poutine a déclaré que ses forces avaient évacué 140 000 civils de Marioupol.",
                     "2022-04-20")
    assert event.plover.event == "AID" and event.evidence.trigger == "évacué"
    assert [(a.text, a.code) for a in event.source] == [("forces", "RUS")]


@pytest.mark.parametrize("text", [
    # mining, an executive secretary, a football score, a competition suspended
    "Les chercheurs ont étudié l'effet de la fermeture des mines sur les villes d'Australie.",
    "Selon Sagado Nacanabo, secrétaire exécutif du réseau national de lutte anti-corruption, la corruption grimpe.",
    "Le Maroc a éliminé l'Espagne 3-0 aux tirs au but lors des huitièmes de finale.",
    "Les Bamenda étaient en tête du classement lorsque la compétition a été suspendue à la mi-mars.",
])
def test_mines_executives_scores_and_competitions_are_no_violence_nor_sanction(text: str) -> None:
    assert _code(text) == []


def test_landmines_executions_and_a_verb_tagged_as_an_adverb() -> None:
    (event,) = _code("Trois soldats ont été tués lorsque leur véhicule a sauté sur une mine près de Boni.")
    assert event.acled["sub_event_type"] == "Remote explosive/landmine/IED"
    (event,) = _code("Des jihadistes ont exécuté cinq civils à Djibo.")
    assert event.plover.event == "ASSAULT" and event.acled["sub_event_type"] == "Attack"
    (event,) = _code("Des hommes armés ont posé des mines artisanales sur la route de Boni.")
    assert event.acled["sub_event_type"] == "Remote explosive/landmine/IED"
    # « tient » tagged as an adverb with a subject and an object
    (event,) = _code("Le porte-parole du gouvernement, Adama Bictogo tient pour responsables les leaders de "
                     "l'opposition dans les violences.", "2020-11-05")
    assert event.plover.event == "DISAPPROVE" and event.evidence.trigger == "tient"


@pytest.mark.parametrize("text", [
    # football: strikers, a team faced, a deficit overturned, a league suspended
    "Depuis lors, Madrid a signé cinq attaquants brésiliens.",
    "Les Tchèques ont dû affronter deux des plus grandes équipes de tous les temps.",
    "Le Ghana n'a pas réussi à renverser un déficit de 1:0 au match aller contre le Burkina Faso.",
    "La Premier League a été suspendue le 13 mars en raison de la pandémie.",
    # a hurricane, a debt held, impressions captured, a problem tackled, worries fought
    "Lorsque l'ouragan Harvey a frappé le Texas en 2017, l'application a servi aux secours.",
    "La Chine détient un tiers de la dette externe du Congo.",
    "Jane a capturé ses impressions dans les ouvrages Aragon et Valence.",
    "Le président João Lourenço s'est attaqué aux intérêts commerciaux de la famille.",
    "Les représentants de Facebook combattent les inquiétudes des régulateurs.",
    # desks removed, a health warning, combat troops, an implementing partner
    "De nombreuses entreprises ont réaménagé leurs bureaux, éliminant les rangées de bureaux.",
    "Les médecins du NHS ont été avertis de faire attention à une réaction rare.",
    "La Russie a engagé près des deux tiers de ses effectifs de combat terrestre en Ukraine.",
])
def test_sport_disasters_holdings_and_figures_of_speech_are_no_violence(text: str) -> None:
    assert _code(text) == []


@pytest.mark.parametrize("text, etype", [
    ("L'armée a éliminé une dizaine de terroristes près de Djibo.", "FIGHT"),
    ("Les FAMa ont capturé trois jihadistes près de Boni.", "COERCE"),
    ("La gendarmerie détient trois suspects à Niamey.", "COERCE"),
    ("Des jihadistes ont attaqué le village de Seytenga.", "ASSAULT"),
    ("L'armée a repoussé une attaque des terroristes à Djibo.", "FIGHT"),
    ("La CEDEAO a suspendu le Niger de ses instances.", "SANCTION"),
])
def test_the_same_verbs_with_fighters_suspects_and_states_still_tell_acts(text: str, etype: str) -> None:
    assert [e.plover.event for e in _code(text)] == [etype]


@pytest.mark.parametrize("text", [
    # a generic obligation is no demand; a rule, a loan or a profile « exige »; a source who
    # asked not to be named
    "Les experts affirment que des recherches supplémentaires doivent confirmer cette hypothèse.",
    "Le spécialiste explique que le monde doit parvenir à des émissions nettes nulles d'ici 2050.",
    "De nombreux prêts accordés pour le développement exigent des formes inhabituelles de garantie.",
    "Un travailleur sénégalais, qui a demandé à ne pas être nommé, a travaillé comme ouvrier agricole.",
])
def test_generic_obligations_requirements_and_anonymity_are_no_demands(text: str) -> None:
    assert [e.plover.event for e in _code(text) if e.plover] == []


def test_a_state_that_must_act_is_a_demand() -> None:
    (event,) = _code("Le ministre malien a déclaré que la France doit retirer ses troupes du Mali.", "2022-02-01")
    assert event.plover.event == "DEMAND" and [a.code for a in event.target] == ["FRA"]
    (event,) = _code("« Vous devez libérer le président Bazoum », a déclaré le président de la Commission de la CEDEAO.",
                     "2023-08-10")
    assert event.plover.event == "DEMAND" and [a.code for a in event.source] == ["IGO"]


def test_a_quote_in_guillemets_is_the_speakers_act() -> None:
    # the opening « read as a sentence of its own; « Nous » in the quote is the speaker named
    # after it; the verb of saying hung on the quote is no modal possibility
    (event,) = _code("« Nous condamnons fermement ce coup d'État », a déclaré le président de la Commission "
                     "de la CEDEAO.", "2023-07-30")
    assert event.plover.event == "DISAPPROVE" and [a.code for a in event.source] == ["IGO"]
    assert event.evidence.trigger == "déclaré"
    (event,) = _code("« La France doit quitter le Mali sans délai », a martelé le colonel Abdoulaye Maïga.",
                     "2022-02-03")
    assert event.plover.event == "DEMAND" and [a.code for a in event.source] == ["MLI"]
    assert [a.code for a in event.target] == ["FRA"]
    (event,) = _code('"Nous exigeons le départ des troupes françaises", a déclaré le porte-parole du '
                     'gouvernement malien.', "2022-02-03")
    assert event.plover.event == "DEMAND" and [a.code for a in event.source] == ["MLI"]
    assert [a.code for a in event.target] == ["FRA"]


def test_soldiers_who_lost_their_lives_in_an_ambush_and_a_withdrawal_all_three_announced() -> None:
    (event,) = _code("Une dizaine de soldats ont perdu la vie dans une embuscade tendue par des hommes armés.")
    assert event.plover.event == "FIGHT"
    assert [a.text for a in event.source] == ["hommes armés"] and [a.text for a in event.target] == ["soldats"]
    (event,) = _code("Le Mali, le Burkina Faso et le Niger ont annoncé leur retrait immédiat de la CEDEAO.",
                     "2024-01-28")
    assert event.plover.event == "SANCTION" and [a.code for a in event.target] == ["IGO"]
    assert {a.code for a in event.source} == {"MLI", "BFA", "NER"}


def test_a_claimed_attack_is_the_claimants_and_fighters_eliminated_are_a_clash() -> None:
    (event,) = _code("Le GSIM a revendiqué l'attaque contre le camp militaire de Tessit.", "2022-08-09")
    assert event.plover.event == "FIGHT" and [a.text for a in event.source] == ["GSIM"]
    (event,) = _code("L'armée a éliminé une dizaine de terroristes près de Djibo.")
    assert event.acled["sub_event_type"] == "Armed clash"


def test_state_security_arrests_and_a_delegation_arriving_is_a_visit() -> None:
    (event,) = _code("Plusieurs leaders de la société civile ont été interpellés par la sûreté de l'État.")
    assert event.plover.event == "COERCE" and [a.sector for a in event.source] == ["SPY"]
    (event,) = _code("Une délégation de la CEDEAO est arrivée à Niamey.", "2023-08-19")
    assert event.plover.event == "CONSULT" and [a.code for a in event.source] == ["IGO"]
    # a footballer or a parcel that arrives is no visit
    assert _code("Julio Baptista est arrivé de Séville en 2005 en tant que buteur prolifique.") == []
    assert _code("Le colis est arrivé à Niamey.") == []


def test_who_is_made_the_object_of_an_act_suffers_it() -> None:
    (event,) = _code("Le ministre malien a fait l'objet de sanctions de la part de l'Union européenne.")
    assert event.plover.event == "SANCTION"
    assert [a.code for a in event.source] == ["IGO"] and [a.code for a in event.target] == ["MLI"]
    (event,) = _code("Trois officiers maliens ont fait l'objet d'une arrestation par la gendarmerie.")
    assert event.plover.event == "COERCE" and [a.text for a in event.target] == ["officiers maliens"]
    # a thing investigated names no one
    assert _code("Le projet a fait l'objet d'une enquête.") == []


def test_de_plus_en_plus_before_an_adjective_describes_and_is_no_trend() -> None:
    (event,) = _code("Puis, en Guinée, le colonel Mamady Doumbouya a renversé le président Alpha Condé, "
                     "de plus en plus autocratique.", "2021-09-06")
    assert event.plover.event == "COERCE" and [a.code for a in event.target] == ["GIN"]
    (event,) = _code("Le régime de Bamako a imposé des restrictions de plus en plus strictes aux opérations "
                     "de la Minusma.", "2022-07-20")
    assert event.plover.event == "SANCTION"
    # a trend of the act, or a judgement, still tells none
    assert _code("Les jihadistes attaquent de plus en plus les civils.") == []
    assert _code("Les entreprises se sont engagées à changer, et il est de plus en plus improbable "
                 "qu'elles reculent.") == []


def test_aid_announced_in_reported_speech_a_listing_by_an_agent_and_a_denial() -> None:
    (event,) = _code("Le FMI a annoncé jeudi qu'il allait accorder 448 millions de dollars au Niger.")
    assert event.plover.event == "AGREE"  # aid to come is pledged (as « va accorder »)
    assert [a.code for a in event.source] == ["IGO"] and [a.code for a in event.target] == ["NER"]
    (event,) = _code("Le PKK a été désigné comme une organisation terroriste par les États-Unis.")
    assert event.plover.event == "SANCTION" and [a.code for a in event.source] == ["USA"]
    assert "USA" not in [a.code for a in event.target]
    (event,) = _code("Le ministre affirme que les allégations contre lui sont entièrement fausses.")
    assert event.plover.event == "REJECT"
    # without « être », « de faux documents » is no denial
    assert all(e.plover.event != "REJECT" for e in _code(
        "La police affirme que le suspect a utilisé de faux documents."))


def test_pressure_read_as_the_root_a_titled_name_and_a_neighbour_in_apposition() -> None:
    # the small parser makes « pression » the root and « fait » a bare dependent on it
    (event,) = _code("L'Afrique du Sud, le grand voisin du Mozambique, a fait pression pour envoyer "
                     "des troupes.", "2021-07-09")
    assert event.plover.event == "DEMAND"
    # the neighbour named in the apposition is no second doer
    assert [a.code for a in event.source] == ["ZAF"]
    # « M. » and a name no dictionary knows is someone in particular
    (event,) = _code("M. Ngaïssona a été empêché de se présenter à la présidence de la RCA en 2015.")
    assert event.plover.event == "COERCE"


def test_a_conditional_reported_in_the_past_is_the_future_of_that_past() -> None:
    # concordance des temps: « a annoncé qu'il retirerait » is « annonce qu'il va retirer »
    (event,) = _code("Le Burkina Faso a annoncé qu'il retirerait ses troupes de la force conjointe "
                     "du G5 Sahel.", "2022-05-15")
    assert event.modality.future and not event.modality.hypothetical
    assert [a.code for a in event.source] == ["BFA"]
    # a possibility, or a condition, stays what it is
    assert _code("Le ministre a déclaré que la CEDEAO pourrait intervenir.") == []
    assert all(e.plover.event != "ASSAULT" for e in _code(
        "Le président a déclaré que la France interviendrait si la junte attaquait."))


def test_a_clause_with_its_own_subject_takes_no_modal_from_the_one_before() -> None:
    # the small parser hangs « a été giflé » on « peuvent » as a conjunct: the slap, told
    # with its own subject and tense, is no possibility
    events = _code("Signe du danger auquel les femmes tunisiennes peuvent être confrontées, le chef "
                   "du Parti constitutionnel libre, Abir Moussa, a été giflé et frappé à coups de pied "
                   "lors d'une session parlementaire par deux députés.", "2022-01-10")
    assert [e.plover.event for e in events] == ["ASSAULT"]
    assert not events[0].modality.hypothetical
    # the possibility itself still gives nothing
    assert _code("Les femmes tunisiennes peuvent être giflées lors des sessions parlementaires.") == []


@pytest.mark.parametrize("text", [
    # stopping an activity is no arrest, for ACLED either
    "Médecins sans Frontières (MSF) annonce samedi avoir arrêté ses activités, pour des raisons de "
    "sécurité, dans la ville nigérienne de Maïné Soroa.",
    # « manifester » as to show, and « faire marche arrière », are no demonstration
    "Voici quelques-uns des traits clés qui se manifestent dans la psychopathie extrême.",
    "Le changement de circonstances a forcé des entreprises telles que Google à faire marche arrière.",
])
def test_words_of_arrest_and_protest_that_tell_neither(text: str) -> None:
    assert _code(text) == []


def test_an_acled_trigger_skips_a_word_that_tells_no_incident() -> None:
    from harmattan.events.acled_fr import trigger_fr

    text = "Le chef du Kremlin n'a manifesté aucun remords quant à sa décision d'attaquer l'Ukraine."
    start, end = trigger_fr(text)
    assert text[start:end] == "attaquer"
    # a demonstration still is one
    text = "Des milliers de personnes ont manifesté à Bamako."
    start, end = trigger_fr(text)
    assert text[start:end] == "manifesté"


def test_a_sentence_to_pay_is_a_sentence_and_not_negated_by_the_clause_above() -> None:
    (event,) = _code("Le tribunal a condamné l'ancien ministre à payer une amende de 10 millions de francs CFA.")
    assert (event.plover.event, event.cameo.code) == ("COERCE", "172")
    # the pension not received does not undo the sentence
    (event,) = _code("Elle n'a toujours pas reçu la pension alimentaire que son ex-mari a été condamné à payer.")
    assert event.cameo.code == "172" and not event.modality.negated
    # a negated infinitive stays negated
    (event,) = _code("La CEDEAO n'a pas pu imposer de sanctions au Niger.")
    assert event.modality.negated
    # « se manifester » is no demonstration
    assert _code("Les effets gratifiants de la dopamine se manifestent principalement dans le cerveau.") == []


def test_a_mark_of_opinion_in_a_clause_beside_the_act_does_not_judge_it() -> None:
    # « selon lui » in a relative clause, « la plupart des » after « bien que »: the act stands
    (event,) = _code("Le régulateur a infligé une amende à Tencent sur dix accords qui, selon lui, "
                     "enfreignaient les règles antitrust.")
    assert event.cameo.code == "172"
    (event,) = _code("La Russie a annexé la Crimée en 2014, bien que la plupart des pays reconnaissent "
                     "toujours la péninsule comme faisant partie de l'Ukraine.")
    assert event.cameo.code.startswith("19") and [a.code for a in event.source] == ["RUS"]
    # the same marks in the act's own clause, or above it, still do
    assert _code("Selon lui, la Russie a annexé la Crimée en 2014.") == []
    assert _code("La plupart des pays ont reconnu la Crimée comme faisant partie de l'Ukraine.") == []


def test_a_journey_made_to_meet_and_a_defence_of_someone() -> None:
    (event,) = _code("Le président Nyusi s'est envolé pour Kigali pour rencontrer son homologue rwandais.")
    assert (event.plover.event, [a.code for a in event.source], [a.code for a in event.target]) == \
        ("CONSULT", ["MOZ"], ["RWA"])
    # an act done to meet is no meeting
    events = _code("Le président Nyusi a signé un décret pour rencontrer les attentes des électeurs.")
    assert "CONSULT" not in [e.plover.event for e in events]
    (event,) = _code("Le Premier ministre malien a défendu la décision du gouvernement de transition.")
    assert (event.plover.event, event.cameo.code) == ("SUPPORT", "051")
    # a town or a cause defended is no endorsement
    assert _code("Les soldats maliens ont défendu la ville de Ménaka.") == []
    assert _code("Le ministre malien a défendu les droits des femmes.") == []


@pytest.mark.parametrize("text", [
    "Dans l'autre rencontre du Groupe B, le Marocain Renaissance Berkane s'est imposé 3:0 face aux Béninois de l'ESAE.",
    "Le Sénégal s'est rendu à Conakry avec une avance de 1:0, mais la Guinée s'est défendue à domicile.",
    "Le 26 août 2020, l'équipe de la NBA, les Milwaukee Bucks, refuse de jouer le cinquième match de sa série contre Orlando.",
])
def test_a_match_a_teams_journey_or_refusal_is_sport_and_no_political_act(text: str) -> None:
    assert _code(text) == []


def test_sport_words_leave_force_and_political_acts_alone() -> None:
    # violence at a match is still violence
    events = _code("Des supporters ont attaqué l'arbitre après le match à Bamako.")
    assert [e.plover.event for e in events] in (["FIGHT"], ["ASSAULT"])
    # « dans le but de », « à ce stade » tell no sport
    (event,) = _code("Le président Tiani a rencontré le colonel Goïta dans le but de trouver des alliés.")
    assert event.plover.event == "CONSULT"


def test_hit_by_a_fall_in_prices_is_no_strike() -> None:
    events = _code("Le Gabon, frappé comme le Congo-Brazzaville par la chute des prix du pétrole, a "
                   "demandé l'aide du FMI.")
    assert all(e.plover.event not in {"FIGHT", "ASSAULT"} for e in events)


def test_a_passive_subject_the_parser_reads_as_active_suffers_the_act() -> None:
    # « village » tagged nsubj of « a été frappé »: the jihadists struck it
    (event,) = _code("Le village de Boulkessi a été frappé par des jihadistes armés.")
    assert [a.text for a in event.source] == ["jihadistes"]
    assert any(a.text.startswith("village") for a in event.target)


def test_a_company_board_is_no_government() -> None:
    # « administration » alone is a government (« l'administration Biden »); a company's
    # « conseil d'administration » is not
    (board,) = _code("Le conseil d'administration de Twitter a d'abord rejeté l'offre de M. Musk.")
    assert board.plover.event == "REJECT"
    assert all(a.sector != "GOV" for a in board.source + board.target)
    (biden,) = _code("L'administration Biden a rejeté l'offre du Venezuela.")
    assert [(a.code, a.sector) for a in biden.source] == [("USA", "GOV")]


def test_what_a_sentence_tells_as_possible_is_no_incident() -> None:
    text = ("Les partis politiques peuvent être interdits, les réunions et les piquets de grève "
            "interdits et la censure introduite.")
    assert _code(text) == []
    # the same words told as done are an incident
    (strike,) = _code("Des centaines de manifestants ont fait grève à Niamey lundi.")
    assert strike.plover.event == "PROTEST"


def test_news_received_with_fury_is_disapproval_not_praise() -> None:
    (fury,) = _code("Cette nouvelle clarté stratégique a été accueillie avec fureur par Pékin, qui y "
                    "voit un réajustement majeur de la position américaine.")
    assert fury.plover.event == "DISAPPROVE"
    (welcome,) = _code("Le président a accueilli favorablement la décision de la CEDEAO.")
    assert welcome.plover.event == "SUPPORT"


@pytest.mark.parametrize("text, event", [
    ("Les gendarmes ont interrogé trois suspects à Gao.", "INVESTIGATE"),
    ("La junte a prolongé le couvre-feu de deux semaines.", "COERCE"),
    ("Le gouvernement a révoqué l'accréditation de RFI.", "COERCE"),
    ("Le tribunal de Niamey a acquitté l'ancien ministre.", "CONCEDE"),
])
def test_verbs_of_the_cameo_categories_read_in_french(text: str, event: str) -> None:
    (found,) = _code(text)
    assert found.plover.event == event


@pytest.mark.parametrize("text, event, code", [
    ("Les jihadistes ont contraint les habitants à fuir le village.", "COERCE", "170"),
    ("L'armée malienne a recruté des centaines de combattants.", "MOBILIZE", "153"),
    ("Les ravisseurs retiennent trois otages nigériens.", "ASSAULT", "181"),
    ("L'armée burkinabè traque les terroristes dans la région.", "FIGHT", "190"),
    ("La police a violenté les manifestants à Dakar.", "ASSAULT", "1823"),
    ("La junte a élargi les détenus politiques.", "RETREAT", "0841"),
    ("Le gouvernement malien a abrogé l'accord de défense avec la France.", "SANCTION", "160"),
    ("La CEDEAO se réjouit de la libération de l'otage.", "SUPPORT", "051"),
    ("Le gouvernement malien a proscrit les partis politiques.", "COERCE", "172"),
    ("Le président de la transition a regretté la décision de la CEDEAO.", "DISAPPROVE", "111"),
    ("Le ministre a taclé la France lors de son discours.", "DISAPPROVE", "111"),
    ("Des hommes armés s'en sont pris aux civils du village de Djibo.", "ASSAULT", "180"),
    ("Le chef de l'opposition s'en est pris au gouvernement malien.", "DISAPPROVE", "111"),
    ("Le journaliste a été gardé à vue par la gendarmerie à Niamey.", "COERCE", "173"),
    ("La junte a restreint l'accès à internet.", "COERCE", "172"),
])
def test_more_verbs_of_the_cameo_categories_read_in_french(text: str, event: str, code: str) -> None:
    (found,) = _code(text)
    assert (found.plover.event, found.cameo.code) == (event, code)


def test_an_act_announced_by_a_noun_is_the_announcers() -> None:
    # « annoncer / décréter la levée, l'arrestation… » with no « par X »: the subject's own act
    (lifting,) = _code("La CEDEAO a annoncé samedi la levée des sanctions contre le Niger.")
    assert (lifting.plover.event, lifting.cameo.code) == ("CONCEDE", "081")
    assert [a.code for a in lifting.source] == ["IGO"] and [a.code for a in lifting.target] == ["NER"]
    (struck,) = _code("La radiation de Gbagbo des listes électorales est confirmée le 25 août 2020.")
    assert (struck.plover.event, struck.cameo.code) == ("COERCE", "172")
    # raising funds is no lifting of anything
    assert _code("La start-up a annoncé une levée de fonds de 10 millions de dollars.") == []


def test_a_participle_that_opens_the_sentence_with_its_doer_tells_the_act() -> None:
    (acquittal,) = _code("Acquitté le 15 janvier 2019 par la CPI, Laurent Gbagbo est redevenu une force "
                         "politique dans son pays.")
    assert (acquittal.plover.event, acquittal.evidence.trigger) == ("CONCEDE", "Acquitté")
    assert [a.code for a in acquittal.source] == ["IGO"]
    # one that describes a noun does not
    assert _code("Les experts consultés par la BBC précisent que les enfants seraient plus sensibles.") == []


def test_more_verbs_of_saying_are_typed_by_what_is_said() -> None:
    # « a lancé », « a rappelé », « a publié » as « a déclaré »: the speaker (inverted or not)
    # is the source, the act what the words say
    (blame,) = _code("« Cette décision est illégale et inacceptable », a lancé le Premier ministre malien.")
    assert blame.plover.event == "DISAPPROVE" and [a.sector for a in blame.source] == ["GOV"]
    (demand,) = _code("Le président Tiani a rappelé que la CEDEAO devait lever ses sanctions.")
    assert demand.plover.event == "DEMAND" and [a.code for a in demand.target] == ["IGO"]
    # said alone is no act
    assert _code("Le ministre a rappelé que la réunion aurait lieu à Bamako.") == []
    # blame in the words of a new kind (« inefficace », « néocolonial », « complot »)
    (ineffective,) = _code("Le Premier ministre malien a affirmé que la présence française était "
                           "inefficace et néocoloniale.")
    assert ineffective.plover.event == "DISAPPROVE"


def test_a_thing_as_the_subject_is_no_doer() -> None:
    # a law, a ritual, access to advice help or offer nothing as an actor does
    assert _code("Heureusement, dans certains pays, la loi offre une protection.") == []
    assert _code("Les rituels m'ont aidé à faire face au deuil.") == []
    # a body no dictionary lists still does (« Le régulateur a infligé … »)
    (fine,) = _code("Le régulateur a infligé une amende de 5 millions de dollars à MTN.")
    assert fine.plover.event == "COERCE"


def test_an_investigation_opened_with_no_agent_is_the_authorities() -> None:
    # as an arrest told in the passive with no « par »: the authorities of the place
    (inquiry,) = _code("Une enquête a été ouverte à Niamey après l'attaque du convoi.")
    assert inquiry.plover.event == "INVESTIGATE"
    assert [(a.code, a.sector, a.entry) for a in inquiry.source] == [("NER", "COP", "implied:authorities")]


def test_coercion_by_circumstances_is_no_act() -> None:
    # « contraindre », « forcer » are an actor's coercion only with armed men or a government
    # as their subject: an epidemic or circumstances force no one
    assert _code("L'épidémie a contraint les services de santé du Libéria à innover.") == []
    assert _code("L'évolution des circonstances a forcé des entreprises à faire marche arrière.") == []


def test_questions_asked_by_a_journalist_are_no_act() -> None:
    assert _code("Il a été interrogé par la BBC sur la crise.") == []


def test_a_share_in_a_later_clause_of_its_own_does_not_make_the_act_a_statistic() -> None:
    (event,) = _code("Les États-Unis ont interdit la vente d'un large éventail de marchandises à la "
                     "Russie, les grandes entreprises ont quitté le pays les unes après les autres et "
                     "60 % des réserves de la Banque centrale de Russie ont été gelées.", "2022-04-01")
    assert [a.code for a in event.source] == ["USA"] and event.evidence.trigger == "interdit"
    # a share in the act's own clause still makes it one
    assert _code("La Russie a réduit de plus de 80 % l'approvisionnement en gaz des pays de l'Union "
                 "européenne.", "2022-09-01") == []


def test_an_attack_told_as_an_intention_or_an_idea_is_no_incident() -> None:
    # the gate reads « lancer une attaque » under « n'a pas l'intention de » as not done: no
    # ACLED incident either, as no act
    assert _code("Le Kremlin souligne que la Russie n'a pas l'intention de lancer une nouvelle "
                 "attaque contre l'Ukraine.") == []
    assert _code("Il existe en Russie un terreau fertile pour l'idée que la Russie est un empire "
                 "qui s'attaque à l'Occident.") == []
    # nor one a modal governs: a rule or a possibility
    assert _code("Les forces militaires ne peuvent pas attaquer délibérément les civils - ni les "
                 "infrastructures qui sont essentielles à leur survie.") == []
    # an attack told as done stays one
    (attack,) = _code("Des jihadistes ont attaqué un poste de l'armée à Tillabéri lundi.")
    assert attack.plover.event in {"FIGHT", "ASSAULT"}


def test_nouns_and_set_phrases_that_tell_no_act() -> None:
    assert _code("Paul Melly est consultant auprès du programme Afrique de Chatham House à Londres.") == []
    assert _code("De nombreux métaux extraits sont négociés sur les marchés boursiers de Londres "
                 "et de New York.") == []
    assert _code("\"L'amélioration a été immense\", déclare Ibrahim Kamara de Plan International, le "
                 "partenaire d'exécution du programme au Liberia.") == []
    assert _code("Et la manifestation la plus importante de cette dégradation a été l'expansion de "
                 "l'OTAN en Europe de l'Est.") == []
    # a warning against a danger threatens no one; a warning to someone does
    assert _code("L'économiste met en garde contre les dangers du populisme et de l'extrémisme.") == []
    (warning,) = _code("La CEDEAO a mis en garde les putschistes contre toute tentative de réprimer "
                       "les manifestants.", "2023-08-01")
    assert (warning.plover.event, [a.code for a in warning.source]) == ("THREATEN", ["IGO"])
    # a protest, negotiations and an execution still are acts
    (protest,) = _code("La manifestation de l'opposition a été dispersée par la police à Niamey.")
    assert protest.plover.event == "ASSAULT"
    (talks,) = _code("Le gouvernement a négocié avec les syndicats à Niamey lundi.")
    assert talks.plover.event == "CONSULT"


def test_the_west_and_foreign_agents_take_no_country_of_the_article() -> None:
    (criticism,) = _code("Le Niger est en crise depuis des mois. Au Niger, les gouvernements "
                         "occidentaux ont critiqué la junte lundi.")
    assert [a.code for a in criticism.source] == [""]
    (accusation,) = _code("Le Niger est en crise depuis des mois. L'Occident accuse la junte de "
                          "retarder la transition.")
    assert [(a.code, a.text) for a in accusation.source] == [("", "Occident")]
    # a bare agent still takes it
    (bare,) = _code("Le Niger est en crise depuis des mois. Au Niger, le gouvernement a "
                    "critiqué la CEDEAO lundi.")
    assert [a.code for a in bare.source] == ["NER"]


def test_engaging_with_someone_or_being_in_a_hurry_is_no_act() -> None:
    assert _code("Après tout, les gouvernements occidentaux ont longtemps toléré la répression de Pékin "
                 "tout en continuant à commercer et à s'engager.") == []
    assert _code("Les gouvernements occidentaux n'étaient pas pressés d'abandonner leur soutien au "
                 "commerce avec la Chine.") == []
    assert _code("Pourtant, rien ne prouve que les gouvernements occidentaux ont sanctionné la Chine.") == []
    # a commitment to do something is one, even with whom it is made between
    for text in ("Le Mali s'est engagé à respecter l'accord de paix signé à Alger.",
                 "Le Niger s'est engagé auprès de la CEDEAO à libérer Bazoum."):
        (commitment,) = _code(text)
        assert commitment.plover.event == "AGREE"


def test_a_curfew_announced_is_a_restriction() -> None:
    (curfew,) = _code("La junte a annoncé un couvre-feu à Niamey.")
    assert (curfew.plover.event, curfew.cameo.code, curfew.evidence.trigger) == ("COERCE", "1723", "couvre-feu")


def test_a_prison_term_is_no_party_to_the_sentence() -> None:
    (sentence,) = _code("Le tribunal de Niamey a condamné l'ancien ministre à dix ans de prison.")
    assert sentence.plover.event == "COERCE"
    assert "prison" not in [a.text for a in sentence.target + sentence.source]


def test_the_group_of_seven_is_an_intergovernmental_body() -> None:
    (warning,) = _code("Le Groupe des Sept met en garde Moscou contre des conséquences massives s'il "
                       "attaque l'Ukraine.", "2022-02-14")
    assert warning.plover.event == "THREATEN"
    assert [(a.text, a.code) for a in warning.source] == [("Groupe des Sept", "IGO")]


def test_the_head_of_the_catholic_church_speaks_for_the_holy_see() -> None:
    (blame,) = _code("Le chef de l'Eglise catholique a dénoncé samedi la déforestation excessive de "
                     "Madagascar.", "2019-09-08")
    assert blame.plover.event == "DISAPPROVE"
    assert [a.code for a in blame.source] == ["VAT"]


def test_a_count_of_attacks_that_rose_is_a_statistic() -> None:
    assert _code("Le nombre de Maliens qui rejoignent les groupes insurgés a augmenté, tout comme le "
                 "nombre d'attaques.", "2021-06-01") == []
    assert _code("Le nombre d'enlèvements a fortement augmenté dans la région de Tillabéri.", "2021-06-01") == []


@pytest.mark.parametrize("text", [
    "Comme l'explique Mira Milosevich, ces incursions ne s'inscrivent pas dans la volonté de Poutine "
    "de rétablir l'Union soviétique.",
    "Cet accord intervient dans un contexte de tensions autour de l'Ukraine.",
])
def test_an_act_named_again_with_a_demonstrative_is_no_new_act(text: str) -> None:
    assert _code(text) == []


def test_who_intervenes_with_etre_is_the_doer() -> None:
    # (the small parser reads « est intervenue » as a passive)
    events = _code("De même, en 2014, en Ukraine, après que des manifestations pro-occidentales ont renversé le "
                   "président Viktor Ianoukovitch, un allié de Moscou, la Russie est intervenue militairement, "
                   "d'abord pour annexer la péninsule de Crimée.")
    assert events and events[0].plover.event == "FIGHT"
    assert "Russie" in {a.text for a in events[0].source}
    assert "Russie" not in {a.text for a in events[0].target}


def test_an_arrest_in_the_passive_is_by_the_authorities_of_its_place() -> None:
    events = _code("La Russie a protesté. En 2004, Dhiren Barot, ressortissant britannique et membre "
                   "d'Al-Qaida, a été arrêté à Londres pour avoir préparé des attentats terroristes.")
    arrest = next(e for e in events if e.plover.event == "COERCE")
    assert [(a.code, a.sector, a.entry) for a in arrest.source] == [("GBR", "COP", "implied:authorities")]


def test_an_act_one_ended_up_doing_is_done() -> None:
    events = _code("Le gouvernement a fini par expulser l'ambassadeur de France.")
    assert [e.plover.event for e in events] == ["SANCTION"]


def test_an_article_about_sport_gives_its_deals_and_meetings_no_political_act() -> None:
    text = ("Le club a présenté jeudi son nouvel attaquant, arrivé pour la saison prochaine. "
            "L'équipe avait terminé troisième du championnat. "
            "L'Argentin, 48 ans, a signé un accord jusqu'au 30 juin 2022 avec le club de Madrid. "
            "Le joueur a rencontré le président du club mardi.")
    events = _code(text)
    assert all(e.plover.event not in {"AGREE", "CONSULT"} for e in events)
    # the same sentences with no sport around them are acts
    events = _code("Le ministre a signé un accord jusqu'au 30 juin 2022 avec le Mali.")
    assert [e.plover.event for e in events] == ["AGREE"]


def test_a_fight_against_a_cause_is_no_fighting() -> None:
    events = _code("Le gouvernement a lancé le combat contre la corruption.")
    assert all(e.plover.event not in {"FIGHT", "ASSAULT"} for e in events)
    events = _code("L'armée a mené un combat contre les jihadistes près de Ménaka.")
    assert [e.plover.event for e in events] == ["FIGHT"]


@pytest.mark.parametrize("text, event", [
    ("La Chine a offert à Moscou un soutien économique et diplomatique.", "AID"),
    ("Le président Raisi a introduit plusieurs nouvelles mesures pour faire respecter le port du hijab.", "COERCE"),
    ("Le ministre chinois des affaires étrangères, Wang Yi, a qualifié les préoccupations de la Russie "
     "de légitimes.", "SUPPORT"),
    # (was the demand, read off the noun)
    ("La junte nigérienne a accédé à la demande de la CEDEAO.", "CONCEDE"),
    # (an offer to release is an intent to yield, was the release itself)
    ("Les autorités de transition du Tchad ont proposé de libérer deux cent cinquante membres de "
     "groupes armés.", "CONCEDE"),
])
def test_support_offered_measures_introduced_concerns_called_legitimate(text: str, event: str) -> None:
    assert [e.plover.event for e in _code(text)][:1] == [event]


def test_force_ruled_out_is_no_threat() -> None:
    # a conditional reading of force that is denied (« n'a jamais attaqué personne ») threatens
    # no one; a conditional one that is not denied still does
    events = _code("Il ajoutait : \"rappelez-vous que dans toute son histoire, la Russie n'a "
                   "jamais attaqué personne.")
    assert all(e.plover.event != "THREATEN" for e in events if e.plover)
    (threat,) = [e for e in _code("La CEDEAO pourrait intervenir militairement au Niger.") if e.plover]
    assert threat.plover.event == "THREATEN"


@pytest.mark.parametrize("text,source", [
    ("La CEDEAO n'a pas exclu le recours à la force pour rétablir le président Bazoum dans ses fonctions.", "IGO"),
    ("La CEDEAO n'exclut pas une intervention militaire au Niger.", "IGO"),
    ("Le Nigeria n'écarte pas l'option militaire.", "NGA"),
])
def test_force_not_ruled_out_is_a_threat_made(text: str, source: str) -> None:
    (event,) = [e for e in _code(text) if e.plover]
    assert (event.plover.event, event.modality.negated, event.cameo.code) == ("THREATEN", False, "138")
    assert [a.code for a in event.source] == [source]
    # ruled out, it is a rejection
    assert [e.plover.event for e in _code("La CEDEAO a écarté l'option militaire.")] == ["REJECT"]


def test_a_town_named_as_a_kind_of_place_gives_the_bare_agents_their_country() -> None:
    # « un marché de Maiduguri » is where it happened, as « dans le nord du Nigeria » is
    events = _code("Un kamikaze a fait exploser sa ceinture d'explosifs dans un marché de Maiduguri, "
                   "tuant au moins huit personnes.")
    main = max(events, key=lambda e: e.confidence)
    assert main.plover.event == "ASSAULT"
    assert [(a.code, a.sector) for a in main.target] == [("NGA", "CVL")]


def test_an_attack_on_a_place_of_people_who_do_not_fight_is_an_assault() -> None:
    (event,) = [e for e in _code("Des hommes armés de l'État islamique ont attaqué une mosquée dans la région "
                                 "de Tillabéri, tuant sept fidèles.", "2023-06-20") if e.plover]
    assert event.plover.event == "ASSAULT" and event.cameo.code == "180"
    # an attack on a military camp is still a fight
    (event,) = [e for e in _code("Des jihadistes ont attaqué un camp militaire près de Djibo.") if e.plover]
    assert event.plover.event == "FIGHT"


def test_tear_gas_fired_to_disperse_protesters_is_repression() -> None:
    events = _code("La police a tiré des gaz lacrymogènes pour disperser les manifestants devant "
                   "l'ambassade de France à Niamey.", "2023-07-30")
    main = max(events, key=lambda e: e.confidence)
    assert (main.plover.event, main.cameo.code) == ("ASSAULT", "175")
    assert [(a.code, a.sector) for a in main.source] == [("NER", "COP")]


@pytest.mark.parametrize("text,source,target", [
    ("Le Tchad a mis fin à son accord de coopération en matière de défense avec la France.", "TCD", "FRA"),
    ("Le Niger a mis fin aux deux missions civile et militaire de l'Union européenne sur son territoire.",
     "NER", "IGO"),
])
def test_an_agreement_or_a_mission_ended_is_a_sanction(text: str, source: str, target: str) -> None:
    (event,) = [e for e in _code(text, "2024-11-28") if e.plover]
    assert (event.plover.event, event.cameo.code) == ("SANCTION", "160")
    assert [a.code for a in event.source] == [source] and target in {a.code for a in event.target}
    (event,) = [e for e in _code("La junte malienne a annoncé la fin, avec effet immédiat, de l'accord de "
                                 "paix d'Alger de 2015.", "2024-01-25") if e.plover]
    assert (event.plover.event, [a.code for a in event.source]) == ("SANCTION", ["MLI"])
    # what ends no one's hopes is no act
    assert _code("La guerre a mis fin à ses espoirs.") == []


def test_a_president_held_is_detained() -> None:
    events = _code("Le 26 juillet 2023, des éléments de la garde présidentielle ont retenu le président "
                   "Mohamed Bazoum.", "2023-07-26")
    main = max(events, key=lambda e: e.confidence)
    assert (main.plover.event, main.cameo.code) == ("COERCE", "173")
    assert [a.code for a in main.target] == ["NER"]
    assert _code("Nous avons retenu trois candidats.") == []


def test_an_act_a_denial_governs_in_the_subjonctif_is_denied() -> None:
    # « démentir que » takes the subjonctif: the act is told, negated, and the denial is coded
    events = _code("La junte malienne a démenti que ses soldats aient tué des civils à Moura.", "2022-04-06")
    assert sorted((e.plover.event, e.modality.negated) for e in events) == [("ASSAULT", True), ("REJECT", False)]
    # a subjonctif no denial governs is still not told as done
    assert _code("Il faut que l'armée ait quitté la ville avant lundi.") == []


def test_things_and_animals_are_no_doers_or_sufferers() -> None:
    # the small parser gives « aident » two subjects, « raison » and « symptômes »: neither acts
    assert _code("La deuxième raison est que les symptômes évidents de la variole du singe, en "
                 "particulier l'apparition de pustules cutanées, aident à identifier les cas plus "
                 "rapidement.") == []
    # animals suspected are no one accused
    assert _code("Les rongeurs africains sont suspectés d'être impliqués dans la transmission, "
                 "selon les directives des Centers for Disease Control.") == []
    # a person arrested still is someone in particular
    (event,) = _code("Le mari a été arrêté lundi à Niamey.")
    assert event.plover.event == "COERCE"


def test_an_object_the_parser_coordinates_with_another_phrase_still_decides_the_act() -> None:
    # « pour la première fois, des canons » : the parser hangs the guns on « fois »; the
    # subject of « confirmer » gives them
    (event,) = _code("La semaine dernière, les États-Unis ont confirmé avoir fourni aux troupes "
                     "ukrainiennes, pour la première fois, des canons d'artillerie et des radars.", "2022-06-01")
    assert (event.plover.event, event.cameo.code) == ("AID", "070")
    assert [a.code for a in event.source] == ["USA"] and [a.code for a in event.target] == ["UKR"]


def test_a_judgement_told_by_its_participle_is_made_and_its_judge_did_nothing_else() -> None:
    (event,) = _code("Le Mali vient de connaître son deuxième coup d'État en neuf mois, largement "
                     "condamné par les dirigeants régionaux.", "2021-05-28")
    assert (event.plover.event, [a.text for a in event.source]) == ("DISAPPROVE", ["dirigeants"])
    # who judged the subject did not do what the subject did
    (event,) = _code("Le coup d'État, condamné par la CEDEAO, a renversé le président Bazoum.", "2023-07-27")
    assert event.plover.event == "COERCE" and "IGO" not in {a.code for a in event.source}
    assert [a.code for a in event.target] == ["NER"]
    # a sentence a court passed describes who it was passed on; a state describes too
    assert _code("Parmi ces prisonniers il y a plusieurs membres des groupes armés condamnés par la "
                 "justice tchadienne pour atteinte à l'autorité de l'Etat.", "2022-11-01") == []
    assert {e.plover.event for e in _code("Des séparatistes soutenus par la Russie ont attaqué la ville.")} \
        == {"FIGHT"}


def test_a_statistic_in_a_relative_clause_with_ou_does_not_judge_the_act() -> None:
    # « où se trouvent la plupart des victimes » : the parser hangs the relative clause as an
    # adverb; « la plupart » there says nothing of the demand
    (event,) = _code("Les autorités des États-Unis, d'où est partie l'enquête et où se trouvent la "
                     "plupart des victimes présumées, ont demandé leur extradition.", "2022-05-20")
    assert (event.plover.event, [a.code for a in event.source]) == ("DEMAND", ["USA"])
    assert _code("La plupart des victimes se trouvent aux États-Unis, où les autorités demandent "
                 "souvent des extraditions.") == []


def test_a_phrase_that_tells_when_names_no_target() -> None:
    events = _code("Les soldats maliens ont arrêté trois jihadistes à la suite d'une demande des "
                   "autorités nigériennes.", "2023-03-01")
    main = max(events, key=lambda e: e.confidence)
    assert main.plover.event == "COERCE" and [a.code for a in main.source] == ["MLI"]
    assert "NER" not in {a.code for a in main.target}


def test_who_denies_an_accusation_just_made_is_the_accused() -> None:
    events = _code("La CPI a accusé Laurent Gbagbo de crimes contre l'humanité. Il nie ces allégations.",
                   "2016-01-28")
    (denial,) = [e for e in events if e.plover.event == "REJECT"]
    assert [a.text for a in denial.source] == ["Laurent Gbagbo"]
    assert [a.code for a in denial.target] == ["IGO"]
    # « il » after another act is still its doer
    events = _code("La CPI a accusé Laurent Gbagbo de crimes contre l'humanité. Elle a ensuite rencontré "
                   "les juges.", "2016-01-28")
    (meeting,) = [e for e in events if e.plover.event == "CONSULT"]
    assert [a.code for a in meeting.source] == ["IGO"]


def test_an_accusation_is_aimed_at_the_accused_not_at_what_they_are_accused_of_acting_on() -> None:
    (event,) = _code("Le Mali accuse la France de soutenir les jihadistes.", "2022-08-17")
    assert (event.plover.event, [a.code for a in event.target]) == ("DISAPPROVE", ["FRA"])
    (event,) = _code("La junte accuse la CEDEAO de vouloir attaquer le Niger.", "2023-08-10")
    assert [a.code for a in event.target] == ["IGO"]
    # a demand is still aimed at who must act
    (event,) = _code("La CEDEAO a exigé que la junte nigérienne libère le président Bazoum.", "2023-08-10")
    assert "NER" in {a.code for a in event.target}


def test_a_verb_after_que_the_parser_reads_as_a_noun_keeps_its_subject_and_object() -> None:
    # « libère » read as a noun, « junte » as an adjective on it, « le président » an apposition
    (event,) = _code("La CEDEAO a exigé que la junte libère le président Bazoum.", "2023-08-10")
    assert event.plover.event == "DEMAND"
    assert [(a.text, a.code) for a in event.target] == [("junte", "NER"), ("président Bazoum", "NER")]
    # or as an adverb, its subject hung on it
    (event,) = _code("La CEDEAO exige que les putschistes rétablissent l'ordre constitutionnel.", "2023-08-10")
    assert (event.plover.event, [a.text for a in event.target]) == ("DEMAND", ["putschistes"])
    # or as an adverb under the clause's object, a plural in -ent the tagger does not know
    (event,) = _code("La France demande que les autorités maliennes libèrent les otages.", "2023-08-10")
    assert (event.plover.event, [a.text for a in event.target][:1]) == ("DEMAND", ["autorités maliennes"])
    (event,) = _code("La CEDEAO demande que les militaires libèrent immédiatement le président Bazoum.",
                     "2023-08-10")
    assert [a.text for a in event.target] == ["militaires", "président Bazoum"]


def test_the_town_an_agent_is_in_is_no_party_to_its_act() -> None:
    (event,) = _code("Des manifestants à Niamey ont réclamé le départ des troupes françaises.", "2023-09-02")
    assert [(a.text, a.code) for a in event.source] == [("manifestants", "NER")]
    # a country after « au » still says whose they are
    (event,) = _code("Les soldats au Niger ont arrêté le président Bazoum.", "2023-07-26")
    assert [a.code for a in event.source] == ["NER"]


def test_a_commitment_taken_is_an_agreement_whatever_it_is_to_do() -> None:
    # « pris l'engagement de rendre le pouvoir » is no seizure of power
    (event,) = _code("La junte a pris l'engagement de rendre le pouvoir aux civils.", "2023-09-01")
    assert (event.plover.event, event.cameo.code) == ("AGREE", "030")
    (event,) = _code("Les militaires ont pris le pouvoir à Niamey.", "2023-07-26")
    assert event.cameo.code == "170"


@pytest.mark.parametrize("text,etype", [
    ("Le Niger s’est retiré de l’Alliance.", "SANCTION"),
    ("Lavrov a pris l’engagement d’obtenir sa libération.", "AGREE"),
])
def test_typographic_apostrophes_read_as_plain_ones(text: str, etype: str) -> None:
    # the press writes « s’est », « l’ » (U+2019): the small parser read « l’ » as a noun
    (event,) = _code(text, "2024-03-01")
    assert event.plover.event == etype
    # the evidence is the text as written, its offsets exact
    assert event.evidence.sentence == text
    assert text[event.evidence.trigger_start:event.evidence.trigger_end] in {"retiré", "pris"}


def test_a_place_held_in_a_ranking_is_no_occupation() -> None:
    # « villes » of the ranking matched « occuper »'s towns
    assert _code("La forte inflation aux États-Unis explique la place qu'occupe New York dans le "
                 "classement des villes les plus chères.") == []
    (event,) = _code("Les jihadistes ont occupé la ville de Ménaka.", "2023-04-01")
    assert event.cameo.code == "192"


def test_narrow_no_break_spaces_inside_guillemets_read_as_spaces() -> None:
    # French typography puts U+202F inside « » and before « : ; ? ! »
    text = "«\u202fLa France doit quitter le Mali sans délai\u202f», a martelé le colonel Abdoulaye Maïga."
    (event,) = _code(text, "2022-02-03")
    assert event.plover.event == "DEMAND"
    assert "FRA" in [a.code for a in event.target]
    assert event.evidence.sentence == text


def test_forces_a_threat_would_withdraw_or_a_refusal_would_send_are_no_target() -> None:
    (event,) = _code("Le président Emmanuel Macron a menacé de retirer les 5 100 soldats français présents "
                     "au Mali si les putschistes concluent un accord avec les insurgés.", "2021-06-01")
    assert event.plover.event == "THREATEN"
    assert [a.code for a in event.source] == ["FRA"]
    assert [(a.text, a.code) for a in event.target] == [("Mali", "MLI")]
    (event,) = _code("Le Niger a refusé d'envoyer des soldats nigériens au Mali.", "2023-01-10")
    assert [(a.text, a.code) for a in event.target] == [("Mali", "MLI")]


@pytest.mark.parametrize("text, source, target", [
    ("La CEDEAO a fermé ses frontières avec le Niger.", ["IGO"], ["NER"]),
    ("Le Bénin a rouvert sa frontière avec le Niger.", ["BEN"], ["NER"]),
])
def test_the_country_a_border_is_closed_or_opened_with_is_the_target(text: str, source: list,
                                                                     target: list) -> None:
    (event,) = _code(text)
    assert [a.code for a in event.source] == source
    assert [a.code for a in event.target] == target


def test_a_border_named_as_where_an_attack_happened_names_no_target() -> None:
    (event,) = _code("Des jihadistes ont attaqué un poste à la frontière avec le Mali.")
    assert event.plover.event in {"FIGHT", "ASSAULT"}
    assert [a.code for a in event.target] == []  # « à la frontière avec le Mali » says where


def test_the_country_an_envoy_recalled_is_posted_to_is_the_target() -> None:
    # « son ambassadeur » is the source's own envoy, no party; « à Bamako » is where he is
    # posted (the capital stands for the government)
    (event,) = _code("Paris a rappelé son ambassadeur à Bamako.")
    assert (event.plover.event, event.cameo.code) == ("SANCTION", "161")
    assert [(a.code, a.sector) for a in event.source] == [("FRA", "GOV")]
    assert [(a.code, a.sector, a.text) for a in event.target] == [("MLI", "GOV", "Bamako")]


def test_a_participle_the_parser_fixed_on_its_auxiliary_is_the_verb() -> None:
    # the small parser reads « a » as the root and « dissous » as a fixed word on it
    (event,) = _code("Le gouvernement malien a dissous la Coordination des mouvements de l'Azawad.")
    assert (event.plover.event, event.evidence.trigger) == ("COERCE", "dissous")
    assert [(a.code, a.sector) for a in event.source] == [("MLI", "GOV")]
    assert [(a.code, a.sector) for a in event.target] == [("MLI", "REB")]


def test_a_headline_verb_the_parser_hung_on_its_subject_is_the_verb() -> None:
    # no full stop: the small parser makes « Mali » the root and « signent » an adjective of
    # « Niger » holding « pacte » (the signatories were read as the targets, no source)
    (event,) = _code("Le Mali et le Niger signent un pacte de défense mutuelle")
    assert (event.plover.event, event.evidence.trigger) == ("AGREE", "signent")
    assert [a.code for a in event.source] == ["MLI", "NER"] and event.target == []


def test_an_office_in_apposition_with_a_person_is_that_persons() -> None:
    # (not France, the one country the sentence names)
    (event,) = _code("Le ministre des Affaires étrangères, Abdoulaye Diop, a dénoncé une campagne "
                     "de désinformation orchestrée par Paris.")
    assert [(a.text, a.code) for a in event.source] == [
        ("ministre des Affaires étrangères", "MLI"), ("Abdoulaye Diop", "MLI")]
    assert [a.code for a in event.target] == ["FRA"]


def test_the_town_of_an_airport_is_where_not_whom() -> None:
    (event,) = _code("Des soldats ivoiriens ont été arrêtés à l'aéroport de Bamako.")
    assert event.plover.event == "COERCE"
    assert [(a.code, a.sector) for a in event.target] == [("CIV", "MIL")]


@pytest.mark.parametrize("text, etype, code", [
    ("La France a annoncé la fin de l'opération Barkhane au Sahel.", "RETREAT", "0874"),
    ("Le gouvernement nigérien a accordé la grâce présidentielle à 1 000 détenus.", "RETREAT", "0841"),
    ("Le Niger et le Nigeria ont décidé de reprendre leur coopération sécuritaire.", "COOPERATE", "060"),
])
def test_an_operation_ended_a_pardon_granted_and_cooperation_resumed(text: str, etype: str, code: str) -> None:
    (event,) = _code(text)
    assert (event.plover.event, event.cameo.code) == (etype, code)
    # (not an arrest read off « détenus »: the pardon is the act)
    assert event.source and event.source[0].code in {"FRA", "NER"}


@pytest.mark.parametrize("text", [
    "La junte malienne a mis fin à l'accord d'Alger.",
    "Le Mali a mis fin avec effet immédiat à l'accord pour la paix et la réconciliation issu du processus d'Alger.",
])
def test_an_agreement_ended_is_a_sanction_not_the_agreement(text: str) -> None:
    # (« l'accord » read as the noun of an agreement, AGREE, with Algiers as its source)
    (event,) = _code(text, "2024-01-26")
    assert (event.plover.event, event.cameo.code) == ("SANCTION", "160")
    assert [a.code for a in event.source] == ["MLI"]


@pytest.mark.parametrize("text, code, source, target", [
    # the CNSP's communiqué of 3 August 2023: an agreement ended, named by a noun
    ("Dans un communiqué lu à la télévision nationale, le CNSP a annoncé la dénonciation des accords de "
     "coopération en matière de sécurité et de défense avec la France.", "160", "NER", "FRA"),
    ("Le Niger a annoncé la rupture des relations diplomatiques avec l'Ukraine.", "161", "NER", "UKR"),
])
def test_ties_ended_named_by_a_noun(text: str, code: str, source: str, target: str) -> None:
    (event,) = _code(text, "2023-08-04")
    assert (event.plover.event, event.cameo.code) == ("SANCTION", code)
    assert [a.code for a in event.source] == [source] and [a.code for a in event.target] == [target]


def test_a_rupture_of_stock_is_no_act() -> None:
    assert _code("Le pays fait face à une rupture de stock de médicaments.") == []


def test_a_rally_for_the_rulers_is_a_demonstration() -> None:
    # (as the English coder reads "rallied in Niamey in support of the junta")
    (event,) = _code("Plusieurs milliers de personnes se sont rassemblées samedi au stade Seyni Kountché "
                     "de Niamey pour soutenir les militaires au pouvoir.")
    assert event.plover.event == "PROTEST" and [a.code for a in event.source] == ["NER"]


def test_the_last_of_ones_own_soldiers_are_no_target() -> None:
    # « leurs derniers soldats » are the United States' own (not Nigerien soldiers)
    (event,) = _code("Les États-Unis ont retiré leurs derniers soldats de la base aérienne 201 d'Agadez.", "2024-08-05")
    assert event.plover.event == "RETREAT" and [a.code for a in event.source] == ["USA"]
    assert all(a.sector != "MIL" for a in event.target)


def test_an_ambassador_recalled_from_a_country_named_with_en() -> None:
    (event,) = _code("Le Niger a rappelé son ambassadeur en France.", "2023-08-10")
    assert (event.plover.event, event.cameo.code) == ("SANCTION", "161")
    assert [(a.code, a.text) for a in event.target] == [("FRA", "France")]


def test_a_march_is_aimed_at_whom_its_demand_names() -> None:
    (event,) = _code("Des centaines de manifestants ont marché à Niamey pour exiger le départ des troupes françaises.")
    assert event.plover.event == "PROTEST" and [a.code for a in event.source] == ["NER"]
    assert [(a.code, a.sector) for a in event.target] == [("FRA", "MIL")]


def test_a_mandate_ended_is_a_sanction() -> None:
    (event,) = _code("Le Conseil de sécurité de l'ONU a mis fin au mandat de la Minusma.", "2023-06-30")
    assert (event.plover.event, event.cameo.code) == ("SANCTION", "160")
    assert [(a.code, a.sector) for a in event.target] == [("IGO", "MIL")]

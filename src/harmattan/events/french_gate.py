"""The act decision for French sentences: does the sentence report a specific act?

The English act gate (events/gate.py) reads the English sentence model's vectors and cannot
judge French.  French has its own: rules (events/french.py, ``rule_act_decision``) — the
trigger is a finite verb of the lexicon in the passé composé, présent or passé simple (the
plus-que-parfait tells background), someone identifiable acts or suffers it, and the sentence
is no opinion, statistic, generic statement, question or prediction.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from harmattan.events.french import FrenchActDecision, rule_act_decision
from harmattan.schema import Modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from harmattan.events.roles import Roles


class FrenchGate:
    """Keep a French sentence's act, or not.  ``initialize()`` loads nothing yet."""

    def initialize(self) -> FrenchGate:
        return self

    def decide(self, doc: Doc, match: Any, roles: Roles, modality: Modality, sentence: Any,
               actors: list[Any], article_text: str = "") -> FrenchActDecision:
        if (_sport(sentence.text) or sport_article(article_text)) and not str(match.code).startswith(_FORCE_CODES):
            # a match, a team's journey, a season suspended: sport, no political act (« le
            # Brésil rencontre le Sénégal vendredi », « le football est suspendu »), in a
            # sentence or an article about sport (« l'Argentin … a signé un accord jusqu'au 30
            # juin »); force and arrests stay acts whatever the setting
            return FrenchActDecision(False, False, "sport", 0.0)
        if getattr(match, "kind", "verb") == "noun":
            # an act named by a noun is told as its sentence's main verb tells it
            from harmattan.events.french import _root

            return rule_act_decision(doc, _root(doc), roles, modality, by_noun=True)
        return rule_act_decision(doc, match.trigger_i, roles, modality)

    def keeps_incident(self, doc: Doc, sentence: Any, actors: list[Any], article_text: str = "") -> bool:
        """An incident with no act of the lexicon (« quinze civils ont été tués ») is kept
        unless the sentence reads as opinion, statistic or generic, or tells sport with no
        violence (« a signé un accord jusqu'au 30 juin » in an article about a club)."""
        from harmattan.events.acled_fr import violent_fr
        from harmattan.events.french import _root, not_an_act, tense_of

        if not_an_act(sentence.text) or doc is None:
            return False
        if (_sport(sentence.text) or sport_article(article_text)) and not violent_fr(sentence.text):
            return False
        if _violence_read_as_no_act(doc) or _violence_as_condition(doc) or _incident_named_again(doc):
            return False
        return tense_of(doc, _root(doc)) not in {"imparfait", "conditionnel", "subjonctif", "plusqueparfait"}


#: Demonstrative determiners: « ces incursions », « cet accord » name an act already told.
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})


def _named_again(noun: Token) -> bool:
    """A noun of act with a demonstrative, subject of its clause (« ces incursions ne
    s'inscrivent pas dans … », « cet accord intervient dans un contexte de tensions »): the
    act told before is what the sentence talks about, not a new act."""
    return noun.dep_ in {"nsubj", "nsubj:pass"} and any(
        c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in noun.children)


#: Codes that stay acts in a sentence about sport: protests, arrests, assaults, fights.
_FORCE_CODES = ("14", "17", "18", "19", "20")
#: Words that tell sport by themselves, and words that do when two of them meet.
_SPORT_SURE = re.compile(
    r"\b(?:footballeur\w*|championnats?|sélectionneur\w*|ballon d'or|ligue des champions|"
    r"coupe du monde|coupe d'afrique|can \d{4}|matchs?|(?:un|deux|trois|\d+) buts?|"
    r"s'est imposée?s? (?:\d|face|contre|devant))\b|\b\d{1,2} ?: ?\d\b", re.IGNORECASE)
_SPORT_WORDS = re.compile(
    r"\b(?:équipes?|clubs?|joueurs?|joueuses?|entraîneurs?|attaquants?|tournois?|finales?|saisons?|"
    r"sélections?|supporters?|olympiques?|médailles?|victoires?|défaites?|groupe [a-h]|"
    r"compétitions?|buteurs?|coéquipiers?|transferts?)\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def sport_article(text: str) -> bool:
    """An article about sport: three words of sport or more, or a word that tells sport by
    itself and two others (of the BBC Afrique articles outside the held-out part, 42 of the
    48 about sport and none of the 144 others)."""
    if not text:
        return False
    sure = {m.group(0).lower() for m in _SPORT_SURE.finditer(text)}
    words = {m.group(0).lower().rstrip("s") for m in _SPORT_WORDS.finditer(text)}
    return len(words) >= 3 or (bool(sure) and len(words) >= 2)


def _sport(text: str) -> bool:
    return bool(_SPORT_SURE.search(text)) or len({m.group(0).lower().rstrip("s") for m in _SPORT_WORDS.finditer(text)}) >= 2


#: Words of violence the ACLED rules read as an incident and the lexicon may read otherwise.
_VIOLENCE_WORD = re.compile(r"^(?:attaqu|captur|enlev|frapp|élimin|détin|déten|détien|combat|affront|renvers|"
                            r"exécut|repouss|suspend)", re.IGNORECASE)


def _violence_read_as_no_act(doc: Doc) -> bool:
    """A word of violence whose verb the lexicon reads as no act (« s'est attaqué aux intérêts
    commerciaux » : tackled; « a capturé ses impressions »): no incident either."""
    from harmattan.events.french import _row_for, fold, load_lexicon, verb_of

    lexicon = load_lexicon()
    for token in doc:
        if token.pos_ != "VERB" or not _VIOLENCE_WORD.match(token.text):
            continue
        rows = lexicon.get(fold(token.lemma_))
        row = _row_for(verb_of(token), rows, doc.text) if rows else None
        if row is not None and row.code == "---":
            return True
    return False


def _incident_named_again(doc: Doc) -> bool:
    """The only incident words are those of a subject named with a demonstrative (« ces
    incursions ne s'inscrivent pas dans … »): an incident told before, talked about."""
    from harmattan.events.acled_fr import acled_keywords_fr

    for noun in doc:
        if _named_again(noun):
            left, right = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text)
            return not acled_keywords_fr(doc.text[:left] + " " + doc.text[right:])
    return False


def _violence_as_condition(doc: Doc) -> bool:
    """A word of violence in a condition (« si la junte attaquait », « s'ils attaquent ») tells
    no incident."""
    for token in doc:
        if token.pos_ == "VERB" and _VIOLENCE_WORD.match(token.text) and any(
                c.dep_ == "mark" and c.lower_ in {"si", "s'", "s’"} for c in token.children):
            return True
    return False

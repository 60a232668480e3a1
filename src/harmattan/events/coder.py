"""Sentences + actors → events in PLOVER and CAMEO terms, each tied to its evidence.

Per article:

1. split into sentences (exact offsets) and find the actors of each, as they stood on the date;
2. keep the candidate sentences: a trigger word from the CAMEO lexicon and someone to act
   (most sentences of a news article carry no event, and they stop here, almost for free);
3. classify candidates with the sentence model (CAMEO quad class + PLOVER type);
4. parse only the sentences the model thinks hold an event, find their triggers with the
   CAMEO verb patterns, then source/target from the parse, modality and contexts;
5. one event per distinct act: the sentence's main act first, other acts with their own
   actors after it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from harmattan import __version__
from harmattan.events.acled import (
    ACLED_TO_PLOVER,
    acled_keywords,
    acled_only_event,
    code_acled,
    merge_incidents,
)
from harmattan.events.acts import merge_restatements
from harmattan.events.cameo import cameo_to_plover
from harmattan.events.context import contexts_for
from harmattan.events.gate import gate_vector, lexical_features, type_vector
from harmattan.events.modality import headline_announced, read_modality
from harmattan.events.roles import actor_tokens, find_roles, inverted_telling, is_agentless_passive, speaker_roles
from harmattan.events.verbs import (
    ATTRIBUTING_LEMMAS,
    NO_ACT_KEY,
    NO_SENSE_KEY,
    best_match,
    disease_found,
    product_recall,
    taken_to_care,
)
from harmattan.nlp.language import article_language
from harmattan.nlp.parser import headline_case, with_text
from harmattan.nlp.sentences import split_sentences
from harmattan.schema import (
    PLOVER_EVENTS,
    PLOVER_QUAD,
    Actor,
    Article,
    CameoCode,
    Event,
    Evidence,
    Modality,
    PloverCode,
    Sentence,
    make_event_id,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from harmattan.actors.resolver import ActorResolver
    from harmattan.events.acled_model import AcledClassifier
    from harmattan.events.classifier import EventClassifier, SentencePrediction
    from harmattan.events.gate import ActGate, GateDecision
    from harmattan.events.verbs import VerbMatch, VerbPatternCoder
    from harmattan.geo import Geoparser

#: The CAMEO code used when the verb patterns give none for the chosen PLOVER type.
DEFAULT_CAMEO: dict[str, str] = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
    "CONCEDE": "080", "RETREAT": "084", "INVESTIGATE": "090", "DEMAND": "100",
    "DISAPPROVE": "110", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170", "ASSAULT": "180", "FIGHT": "190",
}
_MATERIAL_FORCE = {"ASSAULT", "FIGHT", "COERCE", "MOBILIZE"}
_STATE_LIKE_SECTORS = {"GOV", "MIL", "", "LEG", "JUD"}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "\u202f": " ", "\u2009": " "})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_FORCE_WORDS = r"(?:force|intervention|intervene|military action|attack|war|strike|invade|invasion)"
_MODAL_WORDS = r"(?:may|might|could|would|will|if|unless)"
_REJECTED_REPORT = re.compile(
    r"\b(?:reject|dismiss)(?:s|ed|ing)?\b.{0,60}\b(?:report|findings|conclusions)\b"
    r"|\b(?:report|findings|conclusions)\b.{0,60}\b(?:reject|dismiss)(?:s|ed|ing)?\b"
    # a denial or a refusal to comment: the model reads a statement, PLOVER a rejection
    r"|\bden(?:y|ies|ied|ying)\b|\b(?:declin|refus)(?:e|es|ed|ing)\s+to\s+comment\b"
    r"|\b(?:not|never)\s+(?:yet\s+|immediately\s+)?(?:respond|reply|replied|responded)\s+to\b",
    re.IGNORECASE,
)
#: An appeal: "called for dialogue", "urged the junta to …", "appealed to the parties".
_APPEAL = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon|for)|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+(?:to|for)|"
    r"ask(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){0,5}?(?:to|for)(?!\s+comment))\b",
    re.IGNORECASE,
)
_CONDITIONAL_FORCE = re.compile(
    rf"\b{_MODAL_WORDS}\b.{{0,80}}\b{_FORCE_WORDS}|\b{_FORCE_WORDS}\b.{{0,40}}\b{_MODAL_WORDS}\b",
    re.IGNORECASE,
)
#: Verbal acts that a reported clause may state through a modal, without a verb of their own.
_SPOKEN_ACTS = frozenset({"DEMAND", "THREATEN"})
#: Supporting, arming, financing or sheltering armed groups (verbs_extra.txt,
#: SUPPORT_TERRORISTS): an accusation the reporting verb's speaker makes (CAMEO 1121).
_ABETTING = "1121"
_ABETTING_LEMMAS = frozenset({"support", "back", "arm", "finance", "fund", "sponsor", "harbour",
                              "harbor", "shelter"})
#: Verbs of wrongdoing a speaker may accuse someone of ("said the group smuggles explosives").
_WRONGDOING = frozenset({
    "launder", "extort", "smuggle", "traffic", "bribe", "embezzle", "steal", "rob", "collude",
    "defraud", "divert", "siphon", "loot", "run", "operate", "finance", "fund", "harbor", "harbour",
    "shelter", "supply", "sell", "ship", "counterfeit", "forge", "falsify", "infiltrate", "profit",
    "control", "exploit", "protect", "recruit", "hide", "cover",
})
#: Acts that remove or detain someone: the target is coded as they stood before it ...
_REMOVAL_LEMMAS = frozenset({
    "overthrow", "oust", "depose", "topple", "remove", "detain", "arrest", "seize", "capture",
    "kidnap", "abduct", "hold", "sack", "dismiss", "unseat", "overthrew",
    # French
    "renverser", "destituer", "déposer", "arrêter", "interpeller", "enlever", "détenir", "kidnapper",
})
_REMOVAL_CODES = ("173", "1724", "181")
#: ... when their new role began at most this many days before the report.
_REMOVAL_WINDOW = 7
_ROLE_FACTOR = {"parse": 1.0, "inherited": 0.95, "noun": 0.92, "nearest": 0.8, "implied": 0.8,
                "none": 0.6}


@dataclass
class CoderSettings:
    #: A candidate sentence is parsed when P(some event) reaches this.
    min_event_probability: float = 0.35
    #: ... or this, when the act reader is sure the sentence reports an act (P(act) +
    #: P(background) at least :attr:`reader_sure`) and a verb pattern states one: the
    #: sentence model, trained on short clean sentences, reads many acts of real news as
    #: statements; the reader, trained on real news, does not.  Out of fold on the act
    #: annotations' train part: coverage 0.622 → 0.654, precision 0.628 → 0.637 (below 0.1
    #: the clean CAMEO quad statements start to come through: docs/accuracy.md).
    reader_event_probability: float = 0.1
    reader_sure: float = 0.8
    #: A sentence with a trigger word but no known actor ("Mendoza was arrested on Tuesday")
    #: goes on when the act reader gives it P(act or background) at least this (1.01: never),
    #: for the acts its verb patterns state (out of fold on the act annotations' train part:
    #: coverage 0.654 → 0.684, precision unchanged; docs/accuracy.md).
    reader_sure_actorless: float = 0.8
    #: A sentence the sentence model reads as a statement (any P(event)) that makes an appeal
    #: ("called for dialogue with the junta") is a DEMAND when the act reader gives it P(act or
    #: background) at least this (1.01: never): PLOVER's REQUEST is "all requests, demands and
    #: orders", while the CAMEO quad set codes appeals as statements (class 0).  Out of fold on
    #: the act annotations' train part: events on act sentences 0.691 → 0.693, covered 0.637 →
    #: 0.640; quad accuracy 0.890 → 0.878 (at 0.9: 0.694 / 0.642 / 0.875; docs/accuracy.md).
    reader_sure_appeals: float = 0.95
    #: A sentence the sentence model reads as a plain statement (P(event) under
    #: :attr:`reader_event_probability`) goes on when the act reader gives it P(act or
    #: background) at least this (1.01: never), for the acts a verb pattern states on the
    #: sentence's own verb (its root and the verbs coordinated with it; not a verb of thinking
    #: or being, not a claim of the speaker's own act): "Tiani claimed that France was plotting
    #: …", "Bazoum's lawyers declined requests for comment", "Farmers are urged to …".  On the
    #: act annotations' train part: covered 0.725 → 0.745, events on act sentences 0.873 →
    #: 0.872, type 0.715 → 0.710, source / target recall 0.615 / 0.577 → 0.640 / 0.602; quad
    #: accuracy 0.900 → 0.897 (at 0.7: 0.745 / 0.871 / 0.707; at 0.9: 0.735 / 0.871 / 0.712;
    #: docs/accuracy.md).
    reader_sure_statement: float = 0.8
    #: ... or this, when the sentence speaks of a conditional use of force (a possible threat).
    min_threat_probability: float = 0.15
    #: Other acts of a sentence are kept when their joint score reaches this.
    min_secondary_score: float = 0.12
    #: Weight of the CAMEO verb-pattern evidence against the sentence model (see choose_acts).
    pattern_weight: float = 0.5
    #: ... plus this when the pattern names more than the verb ("authorize forces to intervene").
    specific_pattern_bonus: float = 0.2
    #: When the quad head gives one quad class this share of the event mass, the act's type
    #: stays in that class (1.0: never lock).
    quad_lock: float = 0.9
    #: Code announced or conditional acts by their intent (AGREE, THREATEN, REJECT).
    intent_rules: bool = True
    #: Look back this many sentences for the target of a source that acts again.
    discourse_window: int = 2
    parse_batch_size: int = 64
    #: Only sentences that name a known actor go to the sentence model (faster; see
    #: docs/benchmarks.md for what it costs in accuracy).
    require_actor: bool = True
    #: Give each event the place where it happened (geo/locate.py).
    locate: bool = True
    #: Read spaCy's place entities (GPE, LOC, FAC, NORP) of the sentences that gave events as
    #: place candidates too (docs/geo.md): the recogniser runs on those sentences only, whose
    #: words the parse has already split.
    locate_entities: bool = True
    #: Keep only sentences the act gate reads as reporting a specific act (events/gate.py).
    gate: bool = True
    #: Decide ACLED types with the learned classifier (events/acled_model.py) where its
    #: weights are shipped; else with the rules alone.
    learned_acled: bool = True
    #: Merge the tellings of one act in an article into one event (events/acts.py).
    merge_restatements: bool = True
    #: An event whose source or target no words of its sentence name ("was arrested", "he
    #: said", an unlisted person) takes the country whose authorities the article plainly is
    #: about (``_agents_country``), as an actor with no words (``_implied_parties``).
    implied_parties: bool = True
    #: Code a sentence's other acts too, when their verb is coordinated with the main act's.
    #: Off: on annotated real news one act per sentence gave 0.25 extra events per act and
    #: 0.69 type accuracy, other acts 0.38 and 0.61 (docs/accuracy.md, "Extra events").
    other_acts: bool = False
    #: Languages the coder reads: English (the sentence model and the CAMEO dictionary) and
    #: French (the French verb lexicon and parse, events/french.py).  An article in another
    #: language gives no events rather than English-lexicon accidents (docs/coder.md,
    #: "Language"); one whose language cannot be told (a line or two) is read as English.
    languages: tuple[str, ...] = ("en", "fr")
    #: French sentences whose verbs state no act of the lexicon may state one by a noun
    #: (« l'arrestation de l'opposant »; resources/cameo/french_nouns.tsv).
    french_nouns: bool = True


@dataclass
class _Candidate:
    article: Article
    sentence: Sentence
    actors: list[Actor]
    prediction: SentencePrediction | None = None
    events: list[Event] = field(default_factory=list)
    threat_only: bool = False
    #: Read as a statement, but it rejects a report: parse it, keep only a REJECT.
    reject_only: bool = False
    #: Read as no event by the sentence model, as an act by the act reader: parse it, keep
    #: only acts a verb pattern states.
    pattern_only: bool = False
    #: Read as a statement by the sentence model, as an act by the act reader, and it makes an
    #: appeal (``_APPEAL``): parse it, keep only a DEMAND.
    appeal_only: bool = False
    #: Read as a plain statement by the sentence model, as an act by the act reader: parse
    #: it, keep only acts a verb pattern states on the sentence's own verb.
    statement_only: bool = False
    country: str | None = None
    #: The country a bare agent of the article belongs to (``_agents_country``), if any.
    agents_country: str | None = None
    candidate: bool = True
    #: The act gate's reading of the sentence, once asked.
    gate: GateDecision | None = None
    #: It tells someone still held ("remains detained"), a death by disease or accident or by
    #: one's own hand: no act, and no ACLED incident.
    held: bool = False
    #: The act reader's reading of the sentence, once asked (``EventCoder._act_readings``).
    act: Any = None
    #: The sentence's parse, kept while its place entities are read (``_entities``).
    doc: Doc | None = None
    #: The French parse of the sentence (French articles only).
    doc_: Any = None
    #: Its act of force, read by the French gate as not told as done (« n'a pas l'intention de
    #: lancer une attaque », « une nation qui s'attaque à l'Occident »): no ACLED incident either.
    force_not_done: bool = False
    #: The act gate read it as reporting no act (an opinion, a statistic, a trend): no ACLED
    #: incident is made for it either.
    refused: bool = False


class EventCoder:
    """Turn articles into events.  ``initialize()`` loads dictionaries and models."""

    def __init__(
        self,
        resolver: ActorResolver | None = None,
        verbs: VerbPatternCoder | None = None,
        classifier: EventClassifier | None = None,
        settings: CoderSettings | None = None,
        threads: int = 1,
        geoparser: Geoparser | None = None,
        gate: ActGate | None = None,
        acled: AcledClassifier | None = None,
    ) -> None:
        self.resolver = resolver
        self.geoparser = geoparser
        self.gate = gate
        self.acled = acled
        self.verbs = verbs
        self.classifier = classifier
        self.settings = settings or CoderSettings()
        self.threads = threads

    def initialize(self) -> EventCoder:
        from harmattan.actors.resolver import ActorResolver
        from harmattan.events.classifier import EventClassifier
        from harmattan.events.verbs import VerbPatternCoder, trigger_lexicon

        if self.resolver is None:
            self.resolver = ActorResolver()
        self.resolver.initialize()
        if self.verbs is None:
            self.verbs = VerbPatternCoder()
        self.verbs.initialize()
        if self.classifier is None:
            self.classifier = EventClassifier(threads=self.threads)
        self.classifier.initialize()
        if self.settings.gate:
            from harmattan.events.gate import ActGate

            if self.gate is None:
                self.gate = ActGate()
            self.gate.initialize()
        self.triggers_ = trigger_lexicon()
        if self.settings.learned_acled:
            from harmattan.events.acled_model import AcledClassifier, default_model_dir

            if self.acled is None and (default_model_dir() / "weights.json").exists():
                self.acled = AcledClassifier()
            if self.acled is not None:
                self.acled.initialize()
        if self.settings.locate:
            from harmattan.geo import Geoparser

            if self.geoparser is None:
                self.geoparser = Geoparser()
            self.geoparser.initialize()
        from harmattan.nlp.parser import load_spacy

        self.nlp_ = load_spacy()
        return self

    # -- the driver -------------------------------------------------------------------------

    def code(self, articles: list[Article]) -> list[Event]:
        """Code a batch of articles; events come out in article and sentence order."""
        language = {id(article): article_language(article) for article in articles}
        articles = [a for a in articles if language[id(a)] in (None, *self.settings.languages)]
        french = [c for article in articles if language[id(article)] == "fr"
                  for c in self._sentences(article)]
        if french:
            self._code_french(french)
        sentences = [c for article in articles if language[id(article)] != "fr"
                     for c in self._sentences(article)]
        candidates = self._screen([c for c in sentences if c.candidate])
        if self.settings.reader_sure_actorless <= 1.0:
            actorless = [c for c in sentences if not c.candidate and not c.actors
                         and self._has_trigger(c.sentence.text) and not _question(c.sentence.text)]
            readings = self._act_readings(actorless)
            if readings is not None:
                admitted = [c for c, reading in zip(actorless, readings)
                            if reading[0] + reading[1] >= self.settings.reader_sure_actorless]
                for c in admitted:
                    c.candidate = True
                    c.pattern_only = True
                candidates = candidates + admitted
        predictions = self.classifier.predict([c.sentence.text for c in candidates]) if candidates else []
        kept = []
        for candidate, prediction in zip(candidates, predictions):
            candidate.prediction = prediction
            p_event = 1.0 - prediction.quad_probs[0]
            if p_event >= self.settings.min_event_probability and not candidate.pattern_only:
                kept.append(candidate)
            elif candidate.pattern_only and p_event >= self.settings.reader_event_probability:
                kept.append(candidate)
            elif (candidate.act is not None
                  and candidate.act[0] + candidate.act[1] >= self.settings.reader_sure_appeals
                  and _APPEAL.search(candidate.sentence.text)):
                # The CAMEO quad set teaches the sentence model that appeals are statements;
                # PLOVER codes a request (REQUEST, here DEMAND) and the reader reads an act.
                candidate.appeal_only = True
                kept.append(candidate)
            elif (p_event >= self.settings.reader_event_probability and candidate.act is not None
                  and candidate.act[0] + candidate.act[1] >= self.settings.reader_sure):
                candidate.pattern_only = True
                kept.append(candidate)
            elif p_event >= self.settings.min_threat_probability and _CONDITIONAL_FORCE.search(
                candidate.sentence.text
            ):
                # Read as a statement by the model, but it may be a conditional threat of force:
                # parse it, and keep only a threat (see _act_type).
                candidate.threat_only = True
                kept.append(candidate)
            elif _REJECTED_REPORT.search(candidate.sentence.text):
                # "responded to the report by rejecting its findings": rejecting a report is
                # an act (REJECT), not the statement the model may read in it.
                candidate.reject_only = True
                kept.append(candidate)
            elif (candidate.act is not None
                  and candidate.act[0] + candidate.act[1] >= self.settings.reader_sure_statement):
                # The sentence model, taught by the CAMEO quad set, reads claims, refusals and
                # appeals as statements; PLOVER codes them, and the reader reads an act.
                candidate.pattern_only = candidate.statement_only = True
                kept.append(candidate)
        # A title-case headline is parsed as running text ("Paraguay Seizes 25 Tons of
        # Venezuela Currency" read "Seizes" as a name), its own words put back after.
        texts = [headline_case(c.sentence.text, [(a.start - c.sentence.start, a.end - c.sentence.start)
                                                 for a in c.actors]) for c in kept]
        docs = self.nlp_.pipe(
            (lowered or c.sentence.text for c, lowered in zip(kept, texts)),
            batch_size=self.settings.parse_batch_size, disable=["ner"],
        )
        coded = []
        for candidate, doc, lowered in zip(kept, docs, texts):
            if lowered is not None:
                doc = with_text(doc, candidate.sentence.text)
            candidate.events = self._code_sentence(candidate, doc)
            if candidate.events:
                coded.append((candidate, doc))
        # The act reader, when the gate takes it, reads the batch's coded sentences at once.
        readings = self._act_readings([c for c, _ in coded])
        for i, (candidate, doc) in enumerate(coded):
            self._apply_gate(candidate, doc, None if readings is None else readings[i])
            candidate.doc = doc
        events: list[Event] = []
        # Keyed by the article object, not its id: two versions of one article (same id) in a
        # batch keep their own events.
        by_article: dict[int, list[_Candidate]] = {}
        for item in french + sentences:
            by_article.setdefault(id(item.article), []).append(item)
        to_locate: list[tuple[Article, list[Event], list[_Candidate]]] = []
        for article in articles:
            items = by_article.get(id(article), [])
            is_french = language[id(article)] == "fr"
            article_events = [e for c in items for e in c.events]
            if not is_french:
                _the_country_named_before(items)
            _carry_targets(article_events, self.settings.discourse_window)
            if not is_french:
                _pronoun_sources(items)
                _headline_speakers(items)
            acled_only = self._acled_only_french(items) if is_french else self._acled_only(items)
            article_events.extend(acled_only)
            article_events.sort(key=lambda e: e.evidence.start)
            if is_french:
                # The learned ACLED classifier reads the English sentence model's vectors.
                merge_incidents(article_events)
            elif self.acled is not None:
                # The learned classifier decides each incident's type (events/acled_model.py).
                from harmattan.events.acled_model import decide_incidents

                article_events = decide_incidents(self.acled, self.classifier.predict, items,
                                                  article_events, acled_only)
            else:
                merge_incidents(article_events)
            if self.settings.merge_restatements:
                article_events = merge_restatements(article_events)
            if self.settings.implied_parties and items:
                _implied_parties(article_events, items[0].agents_country)
            if article_events and self.settings.locate:
                to_locate.append((article, article_events, items))
            for event in article_events:
                event.language = language[id(article)]
            events.extend(article_events)
        if to_locate:
            self._locate(to_locate)
        return events

    def _locate(self, found: list[tuple[Article, list[Event], list[_Candidate]]]) -> None:
        """Set each event's location: the place its sentence names where the act happened,
        else the country the article is about (precision 3), else None."""
        from harmattan.geo import article_country, event_location

        assert self.geoparser is not None
        entities = self._entities(found)
        for (article, events, _), (spans, ranges) in zip(found, entities):
            places = self.geoparser.parse(article, spans, ranges) if ranges \
                else self.geoparser.parse(article)
            fallback = article_country(places)
            for event in events:
                where = event_location(places, event.evidence.start, event.evidence.end,
                                       event.evidence.trigger_start)
                event.location = where if where is not None else (dict(fallback) if fallback
                                                                  else None)

    def _entities(self, found: list[tuple[Article, list[Event], list[_Candidate]]]
                  ) -> list[tuple[list[tuple[int, int, str]], list[tuple[int, int]]]]:
        """For each article, spaCy's entities of the sentences its events stand in, as
        article offsets, and the spans of those sentences (the geoparser reads entities there
        only).  One pass of the recogniser over the batch's event sentences, whose words the
        parse has already split; nothing when ``locate_entities`` is off."""
        out: list[tuple[list[tuple[int, int, str]], list[tuple[int, int]]]] = []
        wanted: list[_Candidate] = []
        for _, events, items in found:
            starts = [e.evidence.start for e in events]
            sentences = [item for item in items if item.doc is not None and any(
                item.sentence.start <= s < item.sentence.end for s in starts)]
            if not self.settings.locate_entities:
                sentences = []
            wanted += sentences
            out.append(([], [(i.sentence.start, i.sentence.end) for i in sentences]))
        docs = [item.doc for item in wanted]
        for _, _, items in found:
            for item in items:
                item.doc = None
        if not docs:
            return out
        from harmattan.nlp.parser import entity_spans

        spans = {id(item): entity_spans(doc, item.sentence.start) for item, doc in zip(
            wanted, self.nlp_.get_pipe("ner").pipe(docs, batch_size=256))}
        for (_, _, items), (entities, _) in zip(found, out):
            for item in items:
                entities += spans.get(id(item), [])
        return out

    def _acled_only(self, items: list[_Candidate]) -> list[Event]:
        """Events with ACLED codes only, for sentences that report political violence, a
        demonstration or a strategic development but gave no event: "Three civilians were
        killed in an IED blast" names no one who acts (see events/acled.py).  Their quad class
        is the sentence model's, when it read the sentence."""
        found: list[tuple[_Candidate, Event]] = []
        for item in items:
            if item.events or item.gate is not None or not acled_keywords(item.sentence.text) \
                    or _question(item.sentence.text):
                continue
            event = acled_only_event(item.article, item.sentence, item.actors, country=item.country)
            if event is not None:
                found.append((item, event))
        if found and self.gate is not None:
            # The gate reads these sentences too: "28 mayors killed since 2006" is a statistic.
            fresh = [item for item, _ in found if item.prediction is None]
            for item, prediction in zip(fresh, self.classifier.predict(
                    [item.sentence.text for item in fresh])):
                item.prediction = prediction
            docs = self.nlp_.pipe((item.sentence.text for item, _ in found),
                                  batch_size=self.settings.parse_batch_size, disable=["ner"])
            readings = self._act_readings([item for item, _ in found])
            for i, ((item, event), doc) in enumerate(zip(found, docs)):
                item.doc = doc
                item.gate = self.gate.decide(
                    gate_vector(item.sentence.text, item.prediction, doc, item.actors,
                                item.sentence.index, [event]),
                    key=(item.article.id, item.sentence.start, item.sentence.end),
                    lexical=(lexical_features(item.sentence.text, doc, item.actors, [event])
                             if self.gate.lexical else None),
                    act=None if readings is None else readings[i])
        out = []
        for item, event in found:
            if item.doc is not None and _natural_death(item.doc, _main_verb(item.doc)):
                continue  # "… killed himself when police arrived", "died of cholera": no one's act
            if item.gate is not None:
                assert self.gate is not None
                if not self.gate.keeps(item.gate):
                    item.refused = True
                    continue
                event.background = item.gate.background
                event.act_probability = item.gate.keep_probability
            if item.prediction is not None:
                event.cameo.quad_class = item.prediction.quad_class
            etype = ACLED_TO_PLOVER.get(event.acled["sub_event_type"]) if event.acled else None
            if etype is not None:
                # What ACLED records is a PLOVER act too: an IED that kills civilians is an
                # ASSAULT, whoever set it.
                event.plover = PloverCode(etype, "", [])
                event.cameo = CameoCode(quad_class=PLOVER_QUAD[etype], code=DEFAULT_CAMEO[etype])
            out.append(event)
        return out

    # -- French ------------------------------------------------------------------------------

    def french_nlp(self) -> Any:
        """The French parse, loaded on the first French article (events/french.py)."""
        if getattr(self, "french_nlp_", None) is None:
            from harmattan.nlp.parser import load_french_spacy

            self.french_nlp_ = load_french_spacy()
        return self.french_nlp_

    def french_gate(self) -> Any:
        """The French act decision: the learned French gate where its weights are shipped,
        else the rules (events/french.py, events/french_gate.py)."""
        if getattr(self, "french_gate_", None) is None:
            from harmattan.events.french_gate import FrenchGate

            self.french_gate_ = FrenchGate().initialize()
        return self.french_gate_

    def _code_french(self, items: list[_Candidate]) -> None:
        """Code the sentences of French articles: parse them (every one: « il a condamné »
        names its actor in the sentence before), read the act off the French verb lexicon,
        and keep it when the French act decision reads a specific act."""
        wanted = items
        # (typographic apostrophes and quotes read as plain ones, character for character so
        # that offsets stay: the small parser reads « l’engagement » as a noun « l’ »)
        docs = self.french_nlp().pipe((c.sentence.text.translate(_QUOTES) for c in wanted),
                                      batch_size=self.settings.parse_batch_size)
        previous: Event | None = None
        previous_index = 0
        named: tuple[str, int, list[Actor]] | None = None
        topic: tuple[str, int, list[Actor]] | None = None
        from harmattan.events.french import caption_end, repair_split_participle, subject_actors, topic_actors

        for candidate, doc in zip(wanted, map(repair_split_participle, docs)):
            candidate.candidate = True
            skip = caption_end(candidate.sentence.text)
            if skip:
                start = candidate.sentence.start + skip
                candidate.actors = [a for a in candidate.actors if a.start >= start]
            candidate.doc_ = doc  # read again for the ACLED-only events
            if previous is not None and previous.article_id != candidate.article.id:
                previous = None
            # « il / elle » as the subject: the subject named in the sentence just before
            # (a passive one included), else the source of the act just before (two
            # sentences back at most)
            antecedent = previous.source if previous is not None and \
                candidate.sentence.index - previous_index <= 2 else None
            if topic is not None and topic[0] == candidate.article.id \
                    and candidate.sentence.index - topic[1] == 1:
                antecedent = topic[2]
            if previous is not None and previous.target and candidate.sentence.index - previous_index == 1 \
                    and previous.plover is not None and previous.plover.event in _ACCUSING_ACTS \
                    and _french_denial(doc):
                # « La CPI l'accuse de crimes de guerre. Il nie ces allégations. » : who denies
                # is who was accused, and the denial answers the accuser
                antecedent, accuser = previous.target, previous.source
            else:
                accuser = None
            # « l' / le / la / les » as the object: the target of the act just before, else
            # the subject named in the sentence just before
            objects = previous.target if previous is not None and previous.target and \
                candidate.sentence.index - previous_index <= 1 else None
            if objects is None and named is not None and named[0] == candidate.article.id \
                    and candidate.sentence.index - named[1] == 1:
                objects = named[2]
            event = self._french_event(candidate, doc, antecedent, objects)
            if event is not None and accuser and not event.target and event.plover is not None \
                    and event.plover.event == "REJECT":
                event.target = [Actor(a.text, a.code, a.sector, a.actor_id, a.start, a.end,
                                      (a.entry or "") + "+accuser") for a in accuser]
            candidate.events = [event] if event is not None else []
            if event is not None and event.modality.negated:
                # « La Russie nie avoir ciblé des civils » : the act denied, negated, and the
                # denial itself, a rejection (as the annotations code both)
                from harmattan.events.french import denial_match

                denial = denial_match(doc)
                if denial is not None and sentence_offset(event, candidate) != denial.trigger_start:
                    said = self._french_event(candidate, doc, antecedent, objects, forced=denial)
                    if said is not None and said.plover is not None and said.plover.event != event.plover.event:
                        said.confidence = min(said.confidence, event.confidence * 0.95)
                        # whom the denied act was done to is not whom the denial answers
                        said.target = [a for a in said.target if all(a.start != t.start for t in event.target)]
                        candidate.events.append(said)
            if event is not None and event.source:
                previous, previous_index = event, candidate.sentence.index
            subject = subject_actors(doc, candidate.actors, candidate.sentence.start)
            named = (candidate.article.id, candidate.sentence.index, subject) if subject else None
            grammatical = topic_actors(doc, candidate.actors, candidate.sentence.start)
            topic = (candidate.article.id, candidate.sentence.index, grammatical) if grammatical else None

    def _french_event(self, candidate: _Candidate, doc: Doc, antecedent: list[Actor] | None = None,
                      objects: list[Actor] | None = None, forced: Any = None) -> Event | None:
        from harmattan.events.french import (
            best_french_match, french_roles, match_acts, match_nominal, natural_death, read_french_modality,
        )

        sentence, article = candidate.sentence, candidate.article
        matches = [m for m in match_acts(doc) if cameo_to_plover(m.code) is not None]
        match = forced or best_french_match(matches, doc)
        if match is None and self.settings.french_nouns:
            match = match_nominal(doc)
        elif forced is None and self.settings.french_nouns and _describing_participle(doc[match.trigger_i]):
            # « a annoncé la libération de dix militaires détenus depuis juillet » : the
            # participle describes those the noun's act is done to; the noun tells the act
            noun = match_nominal(doc)
            if noun is not None and match.trigger_i in {t.i for t in doc[noun.trigger_i].subtree}:
                match = noun
        if match is None:
            return None
        etype = cameo_to_plover(match.code).event
        roles = None
        if getattr(match, "kind", "verb") == "noun":
            from harmattan.events.french import nominal_roles

            roles = nominal_roles(doc, match.trigger_i, match.code, candidate.actors, sentence.start)
        if roles is None:
            roles = french_roles(doc, match.trigger_i, candidate.actors, sentence.start,
                                 dative=etype not in _PLACED_ACTS, antecedent=antecedent,
                                 object_antecedent=objects)
        self._as_of_act(roles, doc[match.trigger_i], match, article)
        if match.code == "042" and not roles.target:
            # « est arrivé jeudi à Bamako pour sa première visite » : the capital visited hosts it
            own = {a.code for a in roles.source}
            roles.target = [a for a in candidate.actors if a.sector == "GOV" and a.code and a.code not in own
                            and (a.entry or "").startswith("countries:") and a.start is not None
                            and re.search(r"\b(?:à|a)\s+$", article.text[max(0, a.start - 3):a.start])]
        if etype == "COERCE" and doc[match.trigger_i].lemma_.lower() == "faire":
            # « font face à des accusations » : who faces them suffers the act
            roles.target = roles.source + [a for a in roles.target if all(a is not s for s in roles.source)]
            roles.source = []
        if etype in _AUTHORITIES_ACTS and not roles.source and _agentless_passive_fr(doc[match.trigger_i]):
            # « Dhiren Barot a été arrêté à Londres » : the authorities of the place (else, as
            # for English, those the article is about)
            implied = _implied_authorities(doc[match.trigger_i], candidate)
            if implied is not None:
                roles.source, roles.how = [implied], "implied"
        if not (etype == "ASSAULT" and _abduction(match)):
            etype = _force_by_target(etype, roles.target, roles.source)
        _forces_sent(doc, match.trigger_i, roles, candidate.actors, sentence.start)
        if etype == "FIGHT" and not roles.target and _unarmed_sufferer_fr(doc[match.trigger_i]) and not any(
                a.sector in _STATE_FORCES and len(a.code) == 3 for a in roles.source):
            etype = "ASSAULT"  # « Un chanteur populaire, Hachalu Hundessa, a été abattu »
        if etype in {"ASSAULT", "FIGHT"} and natural_death(doc, match.trigger_i):
            return None  # « une épidémie de choléra a tué 60 personnes » : no one's act
        modality = read_french_modality(doc, match.trigger_i, PLOVER_QUAD[etype], match.code)
        code = match.code
        if match.negated:
            modality.negated = True
        if _force_not_ruled_out(doc[match.trigger_i]):
            etype, code, modality.negated = "THREATEN", "138", False  # « n'a pas exclu le recours à la force »
        if not _refusal_to_answer(code, doc[match.trigger_i], modality):
            return None  # « a répondu à la demande » : an answer given is no act
        etype, code, table = self._settle_type(etype, code, modality, roles, doc[match.trigger_i].lemma_)
        decision = self.french_gate().decide(doc, match, roles, modality, sentence, candidate.actors,
                                             article_text=article.text)
        candidate.gate = decision
        if not decision.keep and not (decision.hedged and etype == "THREATEN" and modality.hypothetical
                                      and _state_like(roles.source)):
            # (not force an act is for: « est entrée en action … pour combattre les insurgés »)
            candidate.force_not_done = etype in _FORCE_TYPES and _told_as_not_done(decision.reason) and not any(
                c.dep_ == "mark" and c.lower_ == "pour" for c in doc[match.trigger_i].children)
            return None
        # (once the act is decided, which reads the sentence's parties as the parse gives them)
        _without_prisons(roles, article.text)
        trigger_start = sentence.start + match.trigger_start
        trigger_end = sentence.start + match.trigger_end
        confidence = (0.55 + 0.1 * min(match.specificity, 2)) * _ROLE_FACTOR.get(roles.how, 0.7)
        if not roles.source:
            confidence *= 0.8
        acled = code_acled(etype, code, sentence.text, roles.source, roles.target, modality,
                           offset=sentence.start, country=candidate.country, language="fr")
        event = _verb_event(article, sentence, etype, code, table,
                            contexts_for(sentence.text, list(table.context) if table else []),
                            modality, roles, trigger_start, trigger_end, confidence, acled, 0)
        event.background = decision.background
        event.act_probability = decision.probability
        return event

    def _settle_type(self, etype: str, code: str, modality: Modality, roles: Any,
                     trigger_lemma: str = "", intent: bool = True) -> tuple[str, str, Any]:
        """The act's final type, CAMEO code and PLOVER table (English and French): a conditional
        use of force by a state or a body of states is a threat, not an act; announced or
        conditional acts take their intent's type; a code of another type gives way to the
        type's default code.  The forces a mobilisation moves or a withdrawal pulls out are the
        source's, not its target ("Chad deployed troops to the border with Niger": target Niger,
        not the troops; "Syria will withdraw its troops from Lebanon": target Lebanon)."""
        _without_own_forces(roles)  # "Syria is willing to withdraw its troops from Lebanon"
        if (etype in {"MOBILIZE", "RETREAT"} or trigger_lemma.lower() in _SENDING) and roles.target \
                and trigger_lemma.lower() != "surrender":  # (the army one surrenders to is no one's own)
            # ("He sent some of his top officers to Colombia to train": the officers he sends
            # are his own, Colombia is whom the act concerns)
            own = {a.code for a in roles.source}
            roles.target = [a for a in roles.target if not (
                a.sector in _MOVED_FORCES and a.actor_id is None and (not a.code or a.code in own))]
        if code in _TAKING_PEOPLE and roles.source and roles.how == "parse" \
                and all(a.sector in _NON_STATE_ARMED and a.start is not None for a in roles.source):
            # "Gunmen seized two aid workers in northern Mali", "ELN guerrillas snatched five
            # members of a mining team": people taken by an armed group or a gang are abducted
            # (ASSAULT, abduct, 181), not arrested
            etype, code = "ASSAULT", _ABDUCT_CODE
        if etype == "PROTEST" and trigger_lemma.lower().startswith("protest") and roles.source \
                and all(_a_state(a) for a in roles.source):
            # "Turkey protested against the appointment", « le gouvernement a protesté » : a
            # state's protest is a diplomatic one, DISAPPROVE (PLOVER manual: PROTEST presumes
            # physical activity, not an expression of opinion)
            etype, code = "DISAPPROVE", "111"
        if etype in _MATERIAL_FORCE and modality.hypothetical and not modality.negated \
                and _state_like(roles.source):
            # (not force ruled out: "Russia would never attack anyone" is no threat)
            etype, code = "THREATEN", "138"
        elif self.settings.intent_rules and intent:
            # (not a headline's announcement, "Colombia to Create Anti-Smuggling Task Force",
            # which the act annotations code as the act announced)
            etype = intent_type(etype, modality)
        table = cameo_to_plover(code)
        if table is None or table.event != etype:
            code = DEFAULT_CAMEO[etype]
            table = cameo_to_plover(code)
        return etype, code, table

    def _acled_only_french(self, items: list[_Candidate]) -> list[Event]:
        """ACLED-only events of a French article: « Quinze civils ont été tués dans une
        explosion » names no one who acts (see _acled_only)."""
        from harmattan.events.acled_fr import acled_keywords_fr
        from harmattan.events.french import STATE_OF_HOLDING

        out = []
        for item in items:
            if item.events or not item.candidate or not acled_keywords_fr(item.sentence.text):
                continue
            if item.gate is not None and item.gate.reason == STATE_OF_HOLDING:
                continue  # « Bazoum est toujours détenu » : no arrest, for ACLED either
            if item.force_not_done:
                continue  # « la Russie n'a pas l'intention de lancer une attaque »
            if item.gate is not None and not item.gate.keep and _POSSIBLE_FR.search(item.sentence.text):
                # « Les partis peuvent être interdits, les réunions et les piquets de grève
                # interdits » : what the sentence tells as possible is no incident either (an
                # allegation in the conditional, « aurait été tuée », still is one)
                continue
            if not self.french_gate().keeps_incident(item.doc_, item.sentence, item.actors,
                                                     article_text=item.article.text):
                continue
            event = acled_only_event(item.article, item.sentence, item.actors, country=item.country,
                                     language="fr")
            if event is None:
                continue
            etype = ACLED_TO_PLOVER.get(event.acled["sub_event_type"]) if event.acled else None
            if etype is not None:
                event.plover = PloverCode(etype, "", [])
                event.cameo = CameoCode(quad_class=PLOVER_QUAD[etype], code=DEFAULT_CAMEO[etype])
            out.append(event)
        return out

    def _act_readings(self, items: list[_Candidate]) -> Any:
        """The act reader's readings of these sentences, when the gate takes them: one call
        for those not read yet (``_screen`` has read the candidates)."""
        if self.gate is None or not items:
            return None
        todo = [item for item in items if item.act is None]
        if todo:
            readings = self.gate.act_readings(
                [item.sentence.text for item in todo],
                [(item.article.id, item.sentence.start, item.sentence.end) for item in todo])
            if readings is None:
                return None
            for item, reading in zip(todo, readings):
                item.act = reading
        return [item.act for item in items]

    def _screen(self, candidates: list[_Candidate]) -> list[_Candidate]:
        """The candidates worth the sentence model and the parse: with a gate that screens
        (``screen_`` in its weights), the act reader reads every candidate first, and one it
        is sure reports no act — P(act) + P(background) below the screen — goes no further
        (it may still give an ACLED-only event, which the gate then reads).  The same readings
        serve the gate."""
        screen = getattr(self.gate, "screen_", 0.0)
        if not screen or not candidates:
            return candidates
        readings = self._act_readings(candidates)
        if readings is None:
            return candidates
        return [c for c, reading in zip(candidates, readings) if reading[0] + reading[1] >= screen]

    def _apply_gate(self, candidate: _Candidate, doc: Doc, act: Any = None) -> None:
        """Drop the sentence's events when the gate reads no specific act in it; else mark
        them with its probability and, for a past act told as background, as background.
        ``act``: the act reader's reading of the sentence (:meth:`_act_readings`)."""
        if self.gate is None:
            return
        assert candidate.prediction is not None
        decision = self.gate.decide(
            gate_vector(candidate.sentence.text, candidate.prediction, doc, candidate.actors,
                        candidate.sentence.index, candidate.events),
            key=(candidate.article.id, candidate.sentence.start, candidate.sentence.end),
            lexical=(lexical_features(candidate.sentence.text, doc, candidate.actors,
                                      candidate.events) if self.gate.lexical else None),
            act=act)
        candidate.gate = decision
        if candidate.events and all(_held_state(doc, e, candidate.sentence.start) for e in candidate.events):
            candidate.events = []  # "Bazoum remains detained": a state, not the arrest (nor ACLED's)
            candidate.held = True
            return
        if not self.gate.keeps(decision):
            candidate.refused = True
            # A rule the gate does not overrule: a state or a body of states that says it may
            # use force has made a (conditional) threat, however hedged the sentence reads.
            # (the force or the penalty must be named: "the plan could facilitate …", "intelligence
            # would be used to construct a map" are no threats)
            candidate.events = [e for e in candidate.events
                                if e.plover is not None and e.plover.event == "THREATEN"
                                and e.modality.hypothetical and _state_like(e.source)
                                and _FORCE_OR_PENALTY.search(candidate.sentence.text)]
            for event in candidate.events:
                event.act_probability = decision.keep_probability
            return
        for event in candidate.events:
            event.background = decision.background
            event.act_probability = decision.keep_probability

    # -- step 1-2: sentences, actors, candidates ------------------------------------------------

    def _sentences(self, article: Article) -> list[_Candidate]:
        """Every sentence of the article with its actors; ``candidate`` marks those that may
        hold an event."""
        text = article.text.translate(_QUOTES)
        per_sentence: list[tuple[Sentence, list[Actor]]] = []
        for sentence in split_sentences(article.text, article.id):
            normalised = text[sentence.start:sentence.end]
            actors = self.resolver.find_actors(normalised, on=article.date, offset=sentence.start)
            for actor in actors:
                actor.text = article.text[actor.start:actor.end]
            actors = [a for a in actors if not _force_as_means(text, a)]
            per_sentence.append((sentence, actors))
        _cities_of_the_country(per_sentence)
        country = _main_country(a for _, actors in per_sentence for a in actors)
        if country and _acted_in(country, per_sentence, text):
            # Armed groups that operate across borders take the country they act in: read
            # again the sentences that name one, now knowing the article's country (when the
            # article places things there or names its forces: "the United States designated
            # JNIM" does not make JNIM American).
            for i, (sentence, actors) in enumerate(per_sentence):
                if any(_is_named_group(a) for a in actors):
                    normalised = text[sentence.start:sentence.end]
                    again = self.resolver.find_actors(normalised, on=article.date,
                                                      offset=sentence.start, context_country=country)
                    for actor in again:
                        actor.text = article.text[actor.start:actor.end]
                    per_sentence[i] = (sentence, again)
        out = []
        _surnames_not_places(per_sentence, text, self.resolver.given_names())
        _named_body_again(per_sentence, text)
        _same_person_again(per_sentence, text)
        _bodies_referred_back(per_sentence, text)
        agents_country = _agents_country(per_sentence, text)
        countries = _country_codes()
        junta = _junta_country(per_sentence, article.date)
        for sentence, actors in per_sentence:
            here = {a.code for a in actors if a.code in countries and a.start is not None
                    and _PLACE_BEFORE.search(text[max(0, a.start - 40):a.start])}
            for actor in actors:
                if not actor.code and actor.sector and _foreign_agent(text, actor):
                    # "Western diplomats", « les gouvernements occidentaux », "foreign troops":
                    # agents the sentence itself says are not the country's, nor the place's
                    actor.entry = f"{actor.entry or 'agent'}+foreign"
            if junta:
                for actor in actors:
                    if not actor.code and _JUNTA.search(actor.text):
                        # "the junta had ordered the French ambassador to leave": Niger's
                        actor.code = junta
                        actor.entry = f"{actor.entry or 'agent'}+junta-country"
            for k, actor in enumerate(actors):
                if not actor.code and actor.sector and actor.start is not None \
                        and _POSSESSIVE_BEFORE.search(text[max(0, actor.start - 24):actor.start]):
                    # "ordered France to withdraw its troops", « a sommé la France de retirer ses
                    # troupes » : the forces are those of the country named before them
                    # (one country named before it, or whose forces are meant is unclear)
                    owners = {a.code for a in actors[:k] if a.code in countries
                              and (a.entry or "").startswith("countries:")}
                    if not owners:
                        # (or, when no country is named, its head or its government: « Le
                        # président Poutine a déclaré que ses forces … »)
                        owners = {a.code for a in actors[:k] if a.code in countries and a.sector == "GOV"}
                    if len(owners) == 1:
                        actor.code = next(iter(owners))
                        actor.entry = f"{actor.entry or 'agent'}+possessive"
                    elif not owners:
                        # (or the one body named before them: « La CEDEAO a affirmé que ses
                        # troupes interviendraient », "ECOWAS said its troops would …")
                        bodies = {(a.code, a.actor_id) for a in actors[:k] if a.code == "IGO" and a.actor_id}
                        if len(bodies) == 1 and not any(a.code in countries for a in actors[:k]):
                            actor.code, actor.actor_id = next(iter(bodies))
                            actor.entry = f"{actor.entry or 'agent'}+possessive"
            _office_of_the_person_beside(actors, text, countries)
            seat = {a.code for a in actors if a.code in countries and a.start is not None
                    and _SEAT_BEFORE.search(text[max(0, a.start - 40):a.start])}
            named = {a.code for a in actors if a.code in countries} - seat
            if len(seat) == 1 and not named and agents_country not in seat:
                for actor in actors:
                    if not actor.code and actor.sector in _SEATED_AUTHORITIES and not _foreign(actor):
                        # "… a formal investigation stage in Honduras, the government is
                        # accusing …" in an article most about the United States: the one
                        # country the sentence places things in, and names no other, is the
                        # authorities'
                        actor.code = next(iter(seat))
                        actor.entry = f"{actor.entry or 'agent'}+place"
            for actor in actors:
                if not actor.code and actor.sector in _PLACED_AGENTS and len(here) == 1 and not _foreign(actor):
                    # "Thousands of people protested in Niamey": the people are Nigerien
                    actor.code = next(iter(here))
                    actor.entry = f"{actor.entry or 'agent'}+place"
            if agents_country:
                for actor in actors:
                    if not actor.code and actor.sector and not _foreign(actor) and not (
                            _JUNTA.search(actor.text) and not _ruled_by_junta(agents_country, article.date)):
                        # (not "the junta" for a country no junta rules: « La junte a expulsé
                        # l'ambassadeur de France » is no French junta's act)
                        actor.code = agents_country
                        actor.entry = f"{actor.entry or 'agent'}+article-country"
            out.append(_Candidate(article, sentence, actors, country=country,
                                  agents_country=agents_country,
                                  candidate=self._is_candidate(sentence.text, actors)))
        return out

    def _as_of_act(self, roles: Any, trigger: Any, match: VerbMatch | None, article: Article) -> None:
        """Code people as they stood when the act happened, not on the report's date: on the
        first day of a new role, the report tells of the day before; a leader a coup removes
        or detains is the head of state being removed, even in a report some days later."""
        removal = trigger.lemma_.lower() in _REMOVAL_LEMMAS or (
            match is not None and match.code.startswith(_REMOVAL_CODES))
        for actors, window in ((roles.source, 0), (roles.target, _REMOVAL_WINDOW if removal else 0)):
            for i, actor in enumerate(actors):
                before = self.resolver.as_before_change(actor, article.date, window)
                if before is not None:
                    actors[i] = before

    def _has_trigger(self, text: str) -> bool:
        """Whether the sentence holds a word of the trigger lexicon."""
        return bool({w.lower() for w in _WORD.findall(text)} & self.triggers_)

    def _is_candidate(self, text: str, actors: list[Actor]) -> bool:
        if not self._has_trigger(text) or _question(text):
            # (a question states no act: "Did US Tip Off Panama About Missile Find?"; of the
            # annotations' train part, 33 of 35 questions report none)
            return False
        # Someone must act: a known actor, or at least a capitalised name past the first word.
        if actors:
            return True
        return not self.settings.require_actor and any(w[:1].isupper() for w in _WORD.findall(text)[1:])

    # -- step 4-5: one sentence -----------------------------------------------------------------

    def _code_sentence(self, candidate: _Candidate, doc: Doc) -> list[Event]:
        prediction = candidate.prediction
        assert prediction is not None
        if _speculation(doc, candidate.sentence.index):
            return []  # "The arrest of an alleged PCC leader … may indicate that …": the author's guess
        # (not a participle used as an adjective after a determiner: "the seized ship had been
        # caught trafficking" tells of the ship, not of a seizure; the parse also reads a
        # sentence's own verb as "amod" now and then: "ECOWAS imposed sanctions")
        matches = [m for m in self.verbs.match(doc) if cameo_to_plover(m.code) is not None
                   and not _adjectival(doc[m.trigger_i]) and not _subordinator(doc[m.trigger_i])]
        matches = [_under_fire(doc, m, candidate) for m in matches]
        typed = [(_act_type(doc, m, candidate, self), m) for m in matches]
        if candidate.statement_only:
            # only what the sentence's own verb states: "X expressed condolences over the
            # attack", "X is considering sending aid", "the Houthis claimed that they had
            # attacked the airport" report no attack, no aid and no accusation
            root = next((t.i for t in doc if t.dep_ == "ROOT"), -1)
            own = _coordinated(doc, root)
            typed = [(t, m) for t, m in typed if (m.kind == "verb" and m.trigger_i in own
                     and doc[m.trigger_i].lemma_.lower() not in _NO_ACT_VERBS
                     and not _own_act_claimed(doc[m.trigger_i]))
                     or (t in _FORCE_TYPES and _responsibility_claimed(doc[m.trigger_i], own))]
        if candidate.pattern_only and not typed:
            return []  # the reader reads an act, but no verb of the sentence states one
        if candidate.threat_only or candidate.reject_only:
            wanted = "THREATEN" if candidate.threat_only else "REJECT"
            typed = [(t, m) for t, m in typed if t == wanted]
            if not typed:
                return []
            if candidate.reject_only:
                # the model read a statement: the rejection's pattern decides alone
                prediction = _only(prediction, wanted)
        main = best_match([m for _, m in typed], doc)
        main_pattern = next(((t, m) for t, m in typed if m is main), None)
        joint = model_joint = joint_scores(prediction)
        if self.gate is not None:
            sentence = candidate.sentence
            joint = self.gate.type_scores(
                type_vector(sentence.text, prediction, doc, candidate.actors, sentence.index,
                            [t for t, _ in typed],
                            (main_pattern[0], main_pattern[1].specificity, main_pattern[1].decisive)
                            if main_pattern else None),
                joint, key=(candidate.article.id, sentence.start, sentence.end))
        acts = choose_acts(joint, main_pattern, typed, self.settings, lock_from=model_joint,
                           unlocking=_unlocking_types(doc, typed))
        if acts and main_pattern is not None and acts[0][1] is not main and acts[0][0] in _FORCE_TYPES \
                and main_pattern[0] in _FORCE_TYPES and (main.kind == "verb" or _force_noun_told(doc, main)) \
                and not (acts[0][1] is not None and acts[0][1].decisive):
            # Force the main verb states is the act's, whichever of the two kinds of force the
            # sentence's reading chose ("an officer was killed by six men wielding shotguns": the
            # killing, not the wielding); who it was done to decides the kind (_force_by_target).
            acts[0] = (acts[0][0], main, acts[0][2])
        if acts and main_pattern is not None and acts[0][1] is not None and acts[0][1] is not main \
                and main.kind == "verb" and not main.negated and (
                    (_reduced_relative(doc[acts[0][1].trigger_i])
                     and doc[acts[0][1].trigger_i].head.head.i == main.trigger_i)
                    or _reason_participle(doc[acts[0][1].trigger_i], main.trigger_i)):
            # What a participle says of the main verb's party is background, not the act
            # ("expelled three French diplomats accused of subversive activities": the
            # expulsion, not an accusation); so is the reason a participle gives for it ("Mali
            # expelled the French ambassador, accusing him of hostile remarks")
            acts = [(main_pattern[0], main, acts[0][2])] + [a for a in acts[1:] if a[1] is not main]
        decided = _decided_act(doc, main, typed) if main_pattern is not None else None
        if acts and decided is not None and (acts[0][1] is None or acts[0][1] is main):
            # What a body decides or votes to do is the act it decides ("ECOWAS leaders decided
            # to impose sanctions on Niger": SANCTION, where the sentence's reading, locked in
            # its verbal quad class, chose DISAPPROVE; "voted to lift the immunity of three
            # MPs"), as a firm announcement of one's own act is (CONVENTIONS.md)
            acts = [(decided[0], decided[1], acts[0][2])] + [a for a in acts[1:] if a[1] is not decided[1]]
        if acts and acts[0][1] is None and main_pattern is not None and main_pattern[0] == "PROTEST" \
                and main.kind == "verb" and main.trigger_i == _main_verb(doc) and not main.negated \
                and doc[main.trigger_i].lemma_.lower() in _MARCHING \
                and PLOVER_QUAD[acts[0][0]] == PLOVER_QUAD["PROTEST"] and acts[0][0] not in _FORCE_TYPES:
            # A march, a rally or a demonstration the main verb tells is the act, not a type of
            # the same quad class no verb of the sentence states ("Thousands marched in Bamako to
            # demand the departure of French troops": the march, not a coercion no word tells)
            acts = [(main_pattern[0], main, acts[0][2])] + [a for a in acts[1:] if a[1] is not main]
        if acts and acts[0][1] is None and acts[0][0] in _FORCE_TYPES:
            # force with no verb of its own takes the sentence's verb of force ("Authorities …
            # reported the discovery of 32 bodies, thought to have been murdered by the Mata
            # Zetas": the murder, its roles the murderers', not "reported")
            force = next((m for t, m in typed if t in _FORCE_TYPES and m.kind == "verb" and not m.negated), None)
            if force is not None:
                acts[0] = (acts[0][0], force, acts[0][2])
                acts = [acts[0]] + [a for a in acts[1:] if a[1] is not force]
        if _office_sentence(doc, typed):
            return []
        if candidate.appeal_only:
            demand = next((m for t, m in typed if t == "DEMAND"), None)
            acts = [("DEMAND", demand, max(joint.get("DEMAND", 0.0), 0.5))]
        if not self.settings.other_acts:
            acts = acts[:1]
        elif len(acts) > 1:
            # Another act of the sentence is its own event only when its verb is coordinated
            # with the main one ("negotiated with the junta, urged a return to order and said
            # ..."); a verb in a relative or subordinate clause ("arrested four people accused
            # of kidnapping") tells the background of the main act.
            main_i = acts[0][1].trigger_i if acts[0][1] is not None else _main_verb(doc)
            chain = _coordinated(doc, main_i)
            acts = acts[:1] + [a for a in acts[1:] if a[1] is not None and a[1].trigger_i in chain]
        events = []
        for ordinal, (etype, match, score) in enumerate(acts):
            event = self._build_event(candidate, doc, etype, match, score, prediction, ordinal)
            if event is not None:
                events.append(event)
        # One event per type in a sentence: an intent rule can turn two acts into one type.
        seen: set[str] = set()
        events = [e for e in events if e.plover is None or not (
            e.plover.event in seen or seen.add(e.plover.event))]
        # The sentence's main act stays its surest event, whatever its roles' parse.
        for event in events[1:]:
            event.confidence = min(event.confidence, events[0].confidence * 0.95)
        return events

    def _build_event(self, candidate: _Candidate, doc: Doc, etype: str, match: VerbMatch | None,
                     score: float, prediction: SentencePrediction, ordinal: int) -> Event | None:
        sentence, article = candidate.sentence, candidate.article
        trigger_i = match.trigger_i if match is not None else _act_verb(doc, self.triggers_)
        if match is None and trigger_i in doc.user_data.get(NO_ACT_KEY, ()):
            return None  # the only verb left is one a pattern reads as no act
        if match is None and (doc[trigger_i].lemma_.lower() in _NO_ACT_VERBS or _office_verb(doc[trigger_i])):
            return None
        if match is None and _thing_subject(doc[trigger_i]):
            return None  # "A boat vanished on May 16": a thing does no act no pattern reads
        if match is None and _utterance_made(doc[trigger_i]):
            return None  # "X made the announcement at a conference": what was said is not told
        if match is None and doc[trigger_i].lemma_.lower() in _KILLING_LEMMAS and any(
                c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in doc[trigger_i].children):
            return None  # ("one man under investigation recently killed himself"): a suicide, no one's act
        if match is None and doc[trigger_i].lemma_.lower() in _DYING_LEMMAS and etype not in _FORCE_TYPES:
            # ("was taken to Frederick Memorial Hospital, where he died": the sentence model's
            # AID told by a death, the verb left when the main one tells no act)
            return None
        if match is None and (disease_found(doc[trigger_i]) or product_recall(doc[trigger_i])
                              or taken_to_care(doc[trigger_i])):
            return None  # "An 8th case of mad cow disease was found in a cow": news of an illness
        if _attributed_state(doc[trigger_i]):
            # "The FARC is reported to run arms factories": what is said of it, no act; one a
            # clause beside tells stays ("…, as evidenced when the Colombian Army seized a rifle")
            beside = None if match is not None else _act_beside(doc[trigger_i], self.triggers_)
            if beside is None:
                return None
            trigger_i = beside
        if _wanted(doc[trigger_i]):
            return None  # "Simon was wanted in both Colombia and the United States": a state
        if (match is None or match.code.startswith("07")) and _drugs_moved(doc[trigger_i]):
            return None  # "the Red Command sends a ton of Colombian cocaine each month into Brazil"
        roles = find_roles(doc, trigger_i, candidate.actors, sentence.start)
        roles.target = _without_route_places(roles.target, doc.text, sentence.start)
        root_i = _main_verb(doc)
        if not roles.target and trigger_i != root_i:
            # "Mali summoned the Ghanaian ambassador to protest": the act's target sits on
            # the main verb of the same subject.
            main = find_roles(doc, root_i, candidate.actors, sentence.start)
            if main.target and {id(a) for a in main.source} & {id(a) for a in roles.source}:
                roles.target = _without_route_places(
                    [a for a in main.target if all(a is not s for s in roles.source)],
                    doc.text, sentence.start)
        if ordinal > 0 and not roles.source and not roles.target:
            return None
        self._as_of_act(roles, doc[trigger_i], match, article)
        if etype == "COERCE" and match is not None and doc[trigger_i].lemma_.lower() == "face":
            # "Villareal faces charges of smuggling": the one who faces them suffers the act
            roles.target = roles.source + [a for a in roles.target if all(a is not s for s in roles.source)]
            roles.source = []
            implied = _implied_authorities(doc[trigger_i], candidate)
            if implied is not None:
                roles.source, roles.how = [implied], "implied"
        if _published(doc[trigger_i]):
            return None  # "the value of the seized material was released by the vice minister"
        _without_prisons(roles, article.text)
        if etype in {"ASSAULT", "FIGHT"} and doc[trigger_i].lemma_.lower() in _FINDING:
            # "Mexican authorities found three dead bodies": who finds the dead did not kill them
            roles.source, roles.how = [], "parse"
        received = _received_act(doc[trigger_i])
        under = received is not None and _came_under(doc[trigger_i]) is not None
        if received is not None and (roles.source or under):
            # "Medina had received several threats", "Mali received military aid from Russia":
            # who receives the act suffers it (or benefits); who sends it ("from") did it
            named = roles.source + roles.target + (candidate.actors if under else [])
            senders = [a for a, start, _ in actor_tokens(doc, named, sentence.start)
                       if received[0] <= start < received[1]]
            senders = [a for i, a in enumerate(senders) if all(a is not b for b in senders[:i])]
            roles.target = [a for a in roles.source if all(a is not s for s in senders)]
            roles.source = senders
        if not roles.source and etype in _AUTHORITIES_ACTS and is_agentless_passive(doc[trigger_i]):
            implied = _implied_authorities(doc[trigger_i], candidate)
            if implied is not None:
                roles.source = [implied]
                roles.how = "implied"
        if not roles.target and match is not None and match.code == "042":
            # "Tiani arrived in Bamako on his first trip abroad": the capital a visit is made
            # in is its host (as "travelled to Bamako")
            roles.target = _capital_visited(doc, trigger_i, candidate.actors, sentence.start, roles.source)
        if not roles.target and etype in _DONE_TO_PEOPLE:
            # (Also in place of a town the roles fall back on — "arrested Jose Ramirez in
            # Monterrey" — it lost more codes than it set right on the train part: the town's
            # country is often the person's.)
            named = _unlisted_person(doc, trigger_i, candidate)
            if named is not None:
                roles.target = [named]
        if match is not None and match.code == _CONFISCATE and _place_taken(doc, trigger_i, candidate.actors,
                                                                         sentence.start):
            # "Jihadists seized Menaka": a town taken is occupied (FIGHT 192), not confiscated
            etype, match = "FIGHT", replace(match, code=_OCCUPY_CODE)
        if not (match is not None and match.code.startswith(_OCCUPY_CODE)) and not (
                etype == "ASSAULT" and (doc[trigger_i].lemma_.lower() in _ONE_SIDED or _abduction(match))):
            # (taking a village is no assault on its people: "retook a strategic village"; a
            # torture is one-sided whoever suffers it: "DEA agent Camarena was tortured"; so is
            # an abduction: "Gunmen took three soldiers hostage")
            etype = _force_by_target(etype, roles.target, roles.source)
        if etype == "FIGHT" and not roles.target and _unarmed_sufferer(doc, trigger_i) and not any(
                a.sector in _STATE_FORCES and len(a.code) == 3 for a in roles.source):
            etype = "ASSAULT"  # "the prison director was shot dead by armed men"
        if etype in {"ASSAULT", "FIGHT"} and _natural_death(doc, trigger_i):
            candidate.held = True  # (nor an ACLED incident the learned classifier would add)
            return None  # "an outbreak of cholera killed 60 people": no one's act
        modality = read_modality(doc, trigger_i, PLOVER_QUAD[etype])
        code = match.code if match is not None else DEFAULT_CAMEO[etype]
        if match is not None and match.negated:
            modality.negated = True
        if not _refusal_to_answer(code, doc[trigger_i], modality):
            return None  # "responded to a request for comment": an answer given is no act
        if (code.startswith("02") or etype == "DEMAND") and _no_appeal(doc[trigger_i]):
            return None
        if etype == "DEMAND" and _court_order(doc[trigger_i]) and any(a.sector == "JUD" for a in roles.source):
            # "A Nicaraguan judge ordered that a public oral trial … commence", "a judge ordered
            # land returned to 14 families": a court's order is legal action, not a request
            etype, code = "COERCE", _LEGAL_ACTION
        if _force_not_ruled_out(doc[trigger_i]):
            # "ECOWAS did not rule out the use of force": a threat of force, not a rejection
            etype, code, modality.negated = "THREATEN", "138", False
        _forces_sent(doc, trigger_i, roles, candidate.actors, sentence.start)
        etype, code, table = self._settle_type(etype, code, modality, roles, doc[trigger_i].lemma_,
                                               intent=not headline_announced(doc[trigger_i]))
        stated = match is not None and (cameo_to_plover(match.code) or table).event == etype
        if match is not None and (match.code == _ABETTING and doc[trigger_i].lemma_.lower() in _ABETTING_LEMMAS
                                  or match.pattern.startswith("attribution:")):
            # "Mali said France was supporting terrorist groups", "police said the group was
            # responsible for extortion": the speaker accuses; the author's own "France
            # supports terrorist groups" is no act of anyone.
            spoken = speaker_roles(doc, trigger_i, candidate.actors, sentence.start, roles,
                                   ATTRIBUTING_LEMMAS)
            if spoken is roles:
                return None
            roles = spoken
        elif etype == "DISAPPROVE" and not stated and doc[trigger_i].lemma_.lower() in _WRONGDOING:
            # The sentence's reading is an accusation, and its verb tells wrongdoing, not an act
            # of disapproval by its subject: what a reported clause says someone does is the
            # speaker's accusation ("Mayor Claudia Sheinbaum announced that criminal groups were
            # extorting the city's public transportation workers"; not "A Saudi businessman is
            # suing the United States, his lawyer said").
            said = speaker_roles(doc, trigger_i, candidate.actors, sentence.start, roles)
            if not any(a.sector in {"MED", "JRN"} for a in said.source):
                roles = said
        elif etype in _SPOKEN_ACTS and not stated and (modality.hypothetical or modality.future):
            # The verb states no such act, a modal makes it one ("France must leave Mali," the
            # minister said): the speaker makes the demand or the threat.
            roles = speaker_roles(doc, trigger_i, candidate.actors, sentence.start, roles)
        elif etype == "REJECT" and not stated and (modality.negated and (modality.future or modality.hypothetical)):
            # A reported clause that says what someone else will not do states no rejection
            # by its subject ("Morales stated that the DEA will not return to Bolivia"): the
            # speaker rejects; the clause's subject is whom the words are about.
            said = speaker_roles(doc, trigger_i, candidate.actors, sentence.start, roles)
            if not any(a.sector in {"MED", "JRN"} for a in said.source):
                roles = said
        # (again once the speaker is the source: "ECOWAS said its troops would intervene")
        _without_own_forces(roles)
        implied = list(table.context) if table else []
        model_contexts = [c for c, p in sorted(prediction.context_probs.items(), key=lambda x: -x[1])
                          if p >= 0.5]
        contexts = contexts_for(sentence.text, implied + model_contexts)
        token = doc[trigger_i]
        trigger_start = sentence.start + token.idx
        trigger_end = trigger_start + len(token.text)
        if match is not None:
            trigger_start = sentence.start + match.trigger_start
            trigger_end = sentence.start + match.trigger_end
        confidence = max(0.0, min(1.0, score)) * _ROLE_FACTOR.get(roles.how, 0.7)
        if not roles.source:
            confidence *= 0.8
        acled = code_acled(etype, code, doc, roles.source, roles.target, modality, offset=sentence.start,
                           country=candidate.country)
        return _verb_event(article, sentence, etype, code, table, contexts, modality, roles,
                           trigger_start, trigger_end, confidence, acled, ordinal)


#: Words that name a place as where goods or people come from or go to, not whom the act is
#: done to ("a container headed for Mexico", "a vessel that had left China").
_ROUTE = re.compile(r"(?:\bbound\s+(?:for|to)|\bheaded\s+(?:to|for|towards?)|\bdestined\s+(?:for|to)"
                    r"|\boriginat(?:ing|ed)\s+(?:in|from)|\ben\s+route\s+to|\bshipped\s+(?:to|from)"
                    r"|\bsmuggled\s+(?:to|from|into)|\bleft|\bleaving|\bcoming\s+from"
                    r"|\b(?:driv(?:e|es|ing)|drove|cross(?:es|ed|ing)?)\s+into)\s+(?:the\s+)?$", re.IGNORECASE)
#: A country named as one side of a border where something happens ("near the border with
#: Panama", "on the border between Nicaragua and Honduras", "on the Colombian border", "along
#: the US-Mexico border") is a place; not a border an act is done to ("Russia closed its
#: borders with Iran and Turkey") or one forces are sent to ("Chad deployed troops to the
#: border with Niger").
_AT_BORDER = r"\b(?:near|along|on|at|across|by|over)\s+(?:the\s+)?"
_BORDER_BEFORE = re.compile(_AT_BORDER + r"(?:[\w-]+\s+)?borders?\s+(?:with|between)\s+(?:the\s+)?"
                            r"(?:(?:[\w.'’-]+\s+){1,3}and\s+(?:the\s+)?)?$", re.IGNORECASE)
_BEFORE_BORDER = re.compile(_AT_BORDER + r"(?:[\w.]+\s*[-–/]\s*)?$", re.IGNORECASE)
_LISTED_WITH = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?$", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"^(?:\s*[-–/]\s*[\w.]+)?(?:['’]s)?\s+border", re.IGNORECASE)


def _without_route_places(targets: list[Actor], text: str, sentence_start: int) -> list[Actor]:
    """The targets less the countries and towns named as a route's origin or destination or
    as a side of a border: a seizure of "cocaine bound for Veracruz" is not done to Mexico, nor
    one "near the border with Panama" to Panama."""
    kept = []
    dropped_end = None
    for actor in sorted(targets, key=lambda a: a.start if a.start is not None else -1):
        entry = (actor.entry or "").split("+")[0]
        place = actor.sector == "" and actor.start is not None and entry.startswith(
            ("countries:", "phoenix:countries:"))
        before = text[:max(0, actor.start - sentence_start)][-60:] if place else ""
        listed = place and dropped_end is not None and _LISTED_WITH.match(
            text[dropped_end - sentence_start:actor.start - sentence_start])
        if place and (listed or _ROUTE.search(before[-40:]) or _BORDER_BEFORE.search(before)
                      or (_BEFORE_BORDER.search(before)
                          and _BORDER_AFTER.search(text[actor.end - sentence_start:][:30]))):
            dropped_end = actor.end  # ("coming from Costa Rica and Venezuela": both)
            continue
        kept.append(actor)
    return sorted(kept, key=lambda a: targets.index(a))


def _only(prediction: SentencePrediction, etype: str) -> SentencePrediction:
    """The prediction with its event mass on ``etype`` (for a sentence a precise rule keeps
    although the model read a statement): P(event) stays the model's."""
    import dataclasses

    quad = [0.0] * len(prediction.quad_probs)
    quad[0] = prediction.quad_probs[0]
    quad[PLOVER_QUAD[etype]] += 1.0 - quad[0]
    plover = {e: (1.0 if e == etype else 0.0) for e in prediction.plover_probs}
    return dataclasses.replace(prediction, quad_probs=tuple(quad), plover_probs=plover)


def joint_scores(prediction: SentencePrediction) -> dict[str, float]:
    """P(type) from the PLOVER head and the quad head together, normalised over event types.

    The quad head is trained on ten times more sentences than the PLOVER head, so the type
    must agree with it: score(e) = P_plover(e) · P_quad(quad(e)).
    """
    scores = {
        e: prediction.plover_probs.get(e, 0.0) * prediction.quad_probs[PLOVER_QUAD[e]]
        for e in PLOVER_EVENTS
    }
    total = sum(scores.values()) or 1.0
    event_mass = 1.0 - prediction.quad_probs[0]
    return {e: event_mass * s / total for e, s in scores.items()}


def choose_acts(joint: dict[str, float], main_pattern: tuple[str, VerbMatch] | None,
                typed: list[tuple[str, VerbMatch]], settings: CoderSettings,
                lock_from: dict[str, float] | None = None, unlocking: frozenset[str] = frozenset(),
                ) -> list[tuple[str, VerbMatch | None, float]]:
    """The acts of one sentence: (PLOVER type, trigger match or None, score), main act first.

    The main act's type maximises ``joint(e) + pattern_weight · [e is the type of the verb
    pattern a single-event reading picks]``: the sentence model knows which acts are likely,
    the verb patterns know which verb states one.  Other verbs of the sentence that state an
    act of another type, still plausible to the model, become acts of their own.
    """
    scores = dict(joint)
    # The sentence model's own scores decide the lock (``lock_from``), not what the type head
    # added to them.
    locked = _locked_quad(lock_from if lock_from is not None else joint, settings)
    decisive = main_pattern is not None and main_pattern[1].decisive
    if decisive:
        # A correction the project made to the verb dictionary ("received a delegation" is a
        # visit, "captured two commanders" an arrest): precise, so the pattern decides.
        locked = None
    if locked is not None and joint and max(joint, key=joint.get) in unlocking:
        # the type head's surest type, stated by a pattern of the sentence's main clauses, is
        # not locked out by the quad head ("has placed sanctions on the gang, suggesting …";
        # "US Sanctions Colombia Soccer Club"; see _unlocking_types)
        locked = None
    if locked is not None:
        # The quad head is trained on ten times more sentences than the PLOVER head: when it
        # is sure, the act's type stays within its quad class.
        scores = {e: v for e, v in scores.items() if PLOVER_QUAD[e] == locked}
    weight = 0.0
    if main_pattern is not None:
        weight = settings.pattern_weight
        if main_pattern[1].specificity > 0:
            weight += settings.specific_pattern_bonus
        if decisive:
            weight += 1.0
        if main_pattern[0] in scores:
            scores[main_pattern[0]] += weight
    main_type = max(scores, key=scores.get)
    if main_pattern is not None and main_pattern[0] == main_type:
        main_match: VerbMatch | None = main_pattern[1]
    else:
        main_match = next((m for t, m in typed if t == main_type), None)
    confidence = min(1.0, joint.get(main_type, 0.0) + (weight if main_match else 0.0) * 0.5)
    acts: list[tuple[str, VerbMatch | None, float]] = [(main_type, main_match, confidence)]
    seen_types = {main_type}
    seen_triggers = {main_match.trigger_i} if main_match else set()
    for etype, match in typed:
        if etype in seen_types or match.trigger_i in seen_triggers or match.negated:
            continue
        if joint.get(etype, 0.0) < settings.min_secondary_score:
            continue
        seen_types.add(etype)
        seen_triggers.add(match.trigger_i)
        acts.append((etype, match, min(confidence, joint[etype]) * 0.9))
    return acts


#: Verbs of a march, a rally or a demonstration (not "suspended from work", a strike's pattern).
_MARCHING = frozenset({"march", "rally", "demonstrate", "protest", "parade"})
#: Participles that tell what a party is said to have done ("diplomats accused of subversive
#: activities", "four men suspected of the kidnapping").
_SAID_OF_LEMMAS = frozenset({"accuse", "suspect", "charge", "allege", "implicate", "link", "tie"})


def _reduced_relative(token: Any) -> bool:
    """A participle of accusation that describes the main verb's object or subject
    ("expelled three French diplomats accused of subversive activities"), with no subject or
    auxiliary of its own."""
    return token.tag_ == "VBN" and token.dep_ == "acl" and token.lemma_.lower() in _SAID_OF_LEMMAS \
        and token.head.pos_ in {"NOUN", "PROPN"} and token.head.dep_ in {"dobj", "nsubj", "nsubjpass"} \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in token.children)


#: Verbs of a decision: the infinitive they govern is the act decided.
_DECIDING = frozenset({"decide", "vote", "resolve", "opt"})


def _decided_act(doc: Doc, main: VerbMatch, typed: list[tuple[str, VerbMatch]]) -> tuple[str, VerbMatch] | None:
    """The act the sentence's main verb, a verb of decision, governs as its infinitive
    ("decided to impose sanctions", "voted to suspend military aid"), stated by a pattern of
    its own and neither verb negated."""
    verb = doc[main.trigger_i]
    if main.kind != "verb" or main.negated or verb.lemma_.lower() not in _DECIDING \
            or main.trigger_i != _main_verb(doc):
        return None  # (nor a decision told in a clause: "was moved … after the government decided to …")
    return next(((t, m) for t, m in typed if m.kind == "verb" and not m.negated
                 and doc[m.trigger_i].dep_ == "xcomp" and doc[m.trigger_i].head.i == verb.i
                 and doc[m.trigger_i].tag_ == "VB"), None)


#: Participles of blame that give the reason for the main verb's act.
_REASON_LEMMAS = frozenset({"accuse", "blame", "allege"})


def _reason_participle(token: Any, main_i: int) -> bool:
    """A participle of blame hung on the main verb after a comma, with no subject of its own:
    the reason given for the act ("expelled the ambassador, accusing him of interference";
    "made public an indictment against Ferrari, alleging a money laundering scheme")."""
    return token.tag_ == "VBG" and token.dep_ == "advcl" and token.head.i == main_i \
        and token.lemma_.lower() in _REASON_LEMMAS and token.i > 0 and token.doc[token.i - 1].text == "," \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in token.children)


#: Verbs that only tell that force named by their subject took place ("Clashes between
#: militiamen and security forces were reported", "fighting broke out").
_FORCE_TOLD = frozenset({"report", "confirm", "erupt", "break", "occur", "happen", "continue", "resume",
                         "take", "follow", "rage", "intensify", "escalate"})


def _force_noun_told(doc: Doc, match: VerbMatch) -> bool:
    """A noun of force that is the subject of a verb that only tells it took place: the act is
    the noun's, its roles the noun's ("between militiamen and security forces")."""
    noun = doc[match.trigger_i]
    return match.kind == "noun" and noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.dep_ == "ROOT" \
        and noun.head.lemma_.lower() in _FORCE_TOLD


def _unlocking_types(doc: Doc, typed: list[tuple[str, VerbMatch]]) -> frozenset[str]:
    """The types the quad head may not lock out: those stated by the main pattern or by a
    pattern its verb does not govern, in the sentence's main clauses (not in a relative or
    adverbial clause: "returned the antiquities that were seized"), when no act of the sentence
    is refused ("will not lift the embargo" is a refusal whatever the noun)."""
    main = best_match([m for _, m in typed], doc)
    if main is None or any(m.negated for _, m in typed):
        return frozenset()
    below = {t.i for t in doc[main.trigger_i].subtree}
    return frozenset(t for t, m in typed if (m is main or m.trigger_i not in below)
                     and not any(a.dep_ in {"relcl", "acl", "advcl"} for a in [doc[m.trigger_i], *doc[m.trigger_i].ancestors]))


_CONFLICT_ACTS = {"ASSAULT", "FIGHT", "COERCE", "SANCTION", "MOBILIZE"}
_COOPERATIVE_ACTS = {"SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}


_YIELDING_ACTS = frozenset({"RETREAT", "CONCEDE"})


def intent_type(etype: str, modality: Modality) -> str:
    """PLOVER codes an announced act by its intent (manual, section on modes): a conflictual
    act that is only announced or conditional is a THREATEN ("will withdraw its force unless",
    "vowed to fight"), a cooperative one an AGREE ("will support the resolution"), save a
    retreat or a concession, which is a CONCEDE ("announced it would withdraw its troops"); a
    refused cooperative act a REJECT ("will not accept")."""
    announced = modality.future or modality.hypothetical
    if etype in _COOPERATIVE_ACTS and modality.negated and announced:
        return "REJECT"
    if not announced or modality.negated:
        return etype
    if etype in _YIELDING_ACTS:
        # (the manual: "announced … would withdraw troops" is RETREAT + future, coded CONCEDE;
        # a future concession stays CONCEDE, neither reduces to AGREE)
        return "CONCEDE"
    if etype in _CONFLICT_ACTS:
        # (not the act with its future flag, as the act conventions code "will send 500
        # troops": the PLOVER records code "said they would blockade Paris", "will withdraw
        # weapons inspectors" as threats, the quad set "will extend the curfew" as verbal
        # conflict; tried twice, docs/events-verbs.md)
        return "THREATEN"
    if etype in _COOPERATIVE_ACTS:
        return "AGREE"
    return etype


def _locked_quad(joint: dict[str, float], settings: CoderSettings) -> int | None:
    by_quad: dict[int, float] = {}
    for etype, value in joint.items():
        by_quad[PLOVER_QUAD[etype]] = by_quad.get(PLOVER_QUAD[etype], 0.0) + value
    total = sum(by_quad.values()) or 1.0
    quad, mass = max(by_quad.items(), key=lambda x: x[1])
    return quad if mass / total >= settings.quad_lock else None


def _act_type(doc: Doc, match: VerbMatch, candidate: _Candidate, coder: EventCoder) -> str:
    """The PLOVER type a verb pattern states, read with its modality: a conditional use of
    force by a state or a body of states is a threat ("intervention may be necessary")."""
    plover = cameo_to_plover(match.code)
    assert plover is not None
    if plover.event in _MATERIAL_FORCE:
        modality = read_modality(doc, match.trigger_i, PLOVER_QUAD[plover.event])
        if modality.hypothetical and not modality.negated:
            roles = find_roles(doc, match.trigger_i, candidate.actors, candidate.sentence.start)
            if _state_like(roles.source):
                return "THREATEN"
    return plover.event


_REPORTING = {"say", "tell", "report", "announce", "state", "add", "claim", "quote", "confirm"}


#: A guess at what something means: "may signal", "could indicate", "might mean".
_GUESS = re.compile(r"\b(?:(?:may|might|could|would|can)\s+(?:well\s+|also\s+|yet\s+|even\s+)?(?:signal|indicate|"
                    r"suggest|mean|spell|point|reflect|signify|herald|hint|imply|foreshadow|presage|usher|lead|"
                    r"spark|trigger|fuel|result|counter|undermine|complicate|worsen|weaken|strengthen|embolden|"
                    r"bolster|hamper|hinder|exacerbate|aggravate)|(?:will|would)\s+(?:very\s+|most\s+)?likely|"
                    r"(?:is|are|was|were)\s+(?:very\s+|highly\s+|most\s+)?(?:un)?likely\s+to)\b", re.IGNORECASE)


def _speculation(doc: Doc, index: int) -> bool:
    """The sentence is the author's guess at what something means or will bring, not a report
    of an act: its main verb is one of inference or consequence under a modal ("The arrest …
    may indicate that the powerful criminal organization is deepening its penetration", "could
    usher in another Green War"), or it says what is likely ("will likely counter any security
    concerns"; a headline, "Abduction of Chapos Son May Signal War Between Mexico Cartels",
    whose parse is no guide).  Someone else's guess, said, is their statement: the verb that
    says it is the main one then."""
    found = _GUESS.search(doc.text)
    if found is None:
        return False
    if index == 0 and _title_case(doc.text):
        return True
    # (the guess is the sentence's main clause: a word of it, or the verb right after it, is
    # the root)
    words = [t for t in doc if found.start() <= t.idx < found.end()]
    words += [t for t in doc if t.idx >= found.end() and t.pos_ in {"VERB", "AUX"}][:1]
    # (or coordinated with a main verb that itself reads what something means: "marks the
    # end of an era … and could usher in another Green War"; not with a reported act, "Police
    # arrested the mayor and the arrest could weaken the cartel")
    return any(t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT"
                                    and t.head.lemma_.lower() in _READING_VERBS) for t in words)


def _title_case(text: str) -> bool:
    """A headline written in title case: most of its longer words capitalised."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


#: Main verbs by which the author reads what something means ("marks the end of an era").
_READING_VERBS = frozenset({"mark", "signal", "indicate", "show", "represent", "suggest", "highlight",
                            "underscore", "illustrate", "reflect", "mean", "spell", "demonstrate"})


_OWN_PRONOUNS = frozenset({"i", "we", "they", "he", "she", "it"})


def _responsibility_claimed(trigger: Any, own: set[int]) -> bool:
    """An act of force whose responsibility the sentence's own verb claims ("JNIM claimed
    responsibility for the attack on the army base"): the claimer's act, as the act
    annotations code it (the CAMEO quad set codes the claim, a statement; CASE 2021 an
    attribution, which the ACLED classifier leaves without an ACLED type)."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "for":
        return False
    noun = prep.head
    return noun.lemma_.lower() == "responsibility" and noun.dep_ == "dobj" and noun.head.i in own \
        and noun.head.lemma_.lower() in {"claim", "accept", "assume", "admit", "take"}


def _own_act_claimed(trigger: Any) -> bool:
    """A claim of what the speaker itself did ("the Houthis claimed that they had attacked
    the airport"): no accusation of anyone."""
    if trigger.lemma_.lower() != "claim":
        return False
    for clause in trigger.children:
        if clause.dep_ == "ccomp":
            subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            return subject is not None and subject.lower_ in _OWN_PRONOUNS
    return False


def _main_verb(doc: Doc) -> int:
    """The verb that states the sentence's content: the root, or what a reporting root
    ("..., police said") reports."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return 0
    for _ in range(3):
        if root.lemma_ not in _REPORTING:
            break
        reported = [c for c in root.children if c.dep_ in {"ccomp", "parataxis"} and c.pos_ in {"VERB", "AUX"}
                    and not inverted_telling(c)]  # (not "…, reported AFP" hung on the root)
        if not reported:
            break
        root = reported[0]
    return root.i


#: Main verbs that tell no act when no verb pattern reads one in the sentence: being,
#: seeming, going and coming, showing and meaning, lasting ("Guatemala saw roughly 700 women
#: killed", "Gonzalez remained in the department", "The ties emerged in May 2019", "Pavon's
#: murder comes just over three months after …").  Read off the coder's events on 150 InSight
#: Crime articles no annotator read (2026-12-04): of the events with no pattern on these
#: verbs, about 36 of 42 reported no act (docs/accuracy.md, "Main verbs that tell no act").
#: Not "go", "share", "build": "went on strike", "shared intelligence with" are acts.  Verbs of
#: belonging, holding and following joined them in the eighteenth round ("The Colombians
#: belonged to a transnational criminal structure" was AID; "This series of narcomantas follows
#: the truce called by the Knights Templar" was AGREE).  "Regarding", "concerning" and a
#: name's "alias" read as verbs joined them in the twenty-first ("NBC sums up the report's
#: findings regarding the effectiveness of Project Gunrunner" was COERCE on "regarding").
_NO_ACT_VERBS = frozenset(
    "be become seem appear remain stay exist come see show mean sum mark emerge shine serve "
    "slip travel accord forge unveil continue fear consider worsen delve happen occur "
    "include involve represent have belong consist contain comprise resemble depend lack own possess "
    "reside follow precede know regard concern alias "
    # (an oath is no act of its own: "swore to retaliate" tells the act below it)
    "swear".split())

#: Verbs of an appointment, an election, an oath of office: a specific act no PLOVER type fits
#: ("other" in CONVENTIONS.md; CAMEO's NAME block codes APPOINT, ELECT, NOMINATE no act).  As
#: the main verb with no pattern, the sentence states no event, not one of a verb below it
#: ("was appointed the new director and will oversee the changes").
_OFFICE_VERBS = frozenset({"appoint", "elect", "nominate"})


def _office_verb(token: Any) -> bool:
    """A verb of ``_OFFICE_VERBS``, or an oath of office ("was sworn in")."""
    lemma = token.lemma_.lower()
    return lemma in _OFFICE_VERBS or (lemma == "swear" and any(
        c.dep_ == "prt" and c.lower_ == "in" for c in token.children))


def _office_sentence(doc: Doc, typed: list[tuple[str, VerbMatch]]) -> bool:
    """The sentence tells an appointment, an election or an oath of office (its main verb
    ``_office_verb``, read by no pattern) and no act done besides: no verb pattern in the
    past ("was appointed the new INPEC director and will oversee the changes"; not "appointed
    a new prime minister and dissolved parliament")."""
    main = doc[_main_verb(doc)]
    return _office_verb(main) and not any(m.trigger_i == main.i for _, m in typed) \
        and not any(doc[m.trigger_i].tag_ in {"VBD", "VBN"} for _, m in typed)


#: Things that, as a verb's active subject, do no act: with no verb pattern reading one, the
#: sentence model's type of such a sentence is a guess ("Suspicious Venezuela Shipwreck
#: Reveals Drug Route to Dutch Caribbean" and "A boat vanished on May 16 …" were COERCE).
#: No weapon ("a car bomb exploded" is an attack), no report or law ("The new U.S. State
#: Department report … designates Venezuela a Tier 3 country" is an annotated act), no craft
#: that carries a force ("U.S. military aircraft … and vessels are giving the highest priority
#: to the shipment of water") and no economy that stands for its state ("The European
#: Union's five biggest economies … have agreed to share information").
_THINGS = frozenset(
    "boat shipwreck wreck wreckage photo photograph image video footage market price prices rate "
    "rates trend index map book film song weather storm rain flood".split())


#: Nouns of something said: making one tells that something was said, not what.
_UTTERANCES = frozenset({"announcement", "statement", "comment", "comments", "remark", "remarks",
                         "declaration", "speech", "address"})


def _utterance_made(token: Any) -> bool:
    """A light verb of saying whose object (or passive subject) is the utterance itself ("The
    announcement was made in a press release", "made the announcement at a conference"): the
    sentence says something was said, not what; the sentence model's guess at the act (a
    concession, a criticism) has nothing to stand on."""
    return token.lemma_.lower() in {"make", "deliver", "issue", "give"} and any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in _UTTERANCES and not any(
            g.dep_ in {"acl", "relcl", "prep"} and g.lower_ not in {"at", "in", "on", "during"}
            for g in c.children)
        for c in token.children)


#: Verbs that, in the passive before an infinitive, tell what is said or thought of someone.
_ATTRIBUTING = frozenset(
    "think believe say know consider repute rumor rumour allege understand presume assume "
    "estimate report suspect".split())


def _attributed_state(token: Any) -> bool:
    """The verb is a passive of saying or thinking before a plain infinitive ("is reported to
    run arms factories", "was thought to operate freely", "are believed to control the port"):
    the sentence tells what someone is said to do or be, a state, not an act done; neither
    "said" nor "reported" is the act.  Not before a perfect infinitive, which tells a past
    act on its own verb ("are believed to have ambushed a group of miners")."""
    if token.lemma_.lower() not in _ATTRIBUTING or not any(
            c.dep_ in {"auxpass", "nsubjpass"} for c in token.children):
        return False
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and not any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in c.children)
               for c in token.children)


def _act_beside(token: Any, triggers: frozenset[str]) -> int | None:
    """A verb of a clause beside ``token`` (not its infinitive complement, nor its subject's
    words: "The cartel, formerly led by …, was thought to operate" tells no leading) that can
    state an act."""
    no_act = token.doc.user_data.get(NO_ACT_KEY, set())
    queue = [c for c in token.children if c.dep_ in {"advcl", "conj", "parataxis", "ccomp"}]
    while queue:
        node = queue.pop(0)
        if node.pos_ == "VERB" and node.lower_ in triggers and not _subordinator(node) \
                and node.i not in no_act:
            return node.i
        queue.extend(node.children)
    return None


def _thing_subject(token: Any) -> bool:
    """The verb's active subject is a thing of :data:`_THINGS` (its head noun)."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _THINGS for c in token.children)


def _wanted(token: Any) -> bool:
    """"Wanted" in the passive or after a noun ("was wanted in Colombia", "a man wanted for
    murder", "Mexico's most wanted"): someone sought by the police, a state, no act."""
    if token.lower_ != "wanted":
        return False
    return token.dep_ in {"acl", "amod"} or any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)


#: Verbs of moving, trading or handing over goods, and the drugs they may move.
_MOVING_GOODS = frozenset("send ship smuggle traffic distribute transport move import export bring carry "
                          "deliver sell buy supply provide trade fly".split())
#: Verbs whose infinitive tells what is done ("conspired to distribute"; not "caught trafficking",
#: where the catching is the act).
_SETTING_OUT = frozenset("conspire plan try attempt seek agree help continue begin start manage intend aim "
                         "work".split())
_DRUG_WORDS = frozenset("drug drugs narcotic narcotics cocaine heroin marijuana cannabis fentanyl "
                        "methamphetamine meth coca opium hashish contraband precursor precursors".split())


#: The CAMEO code of legal action (arrest, detention, charges): what a court's order is.
_LEGAL_ACTION = "173"
_ORDERING = frozenset({"order", "rule", "decree"})
#: What a court may order that is no coercion of anyone: a release is a concession.
_RELEASING = frozenset({"release", "free", "acquit", "lift", "drop", "dismiss"})


def _court_order(token: Any) -> bool:
    """The act's verb is an order ("ordered that the film be blocked", "ordered a retrial"),
    or the verb an order governs ("ordered land returned"), and what is ordered is no release
    ("ordered the release of the opposition leader" is a concession)."""
    verb = token
    if token.lemma_.lower() not in _ORDERING:
        head = token.head
        if token.dep_ == "acl" and head.dep_ == "dobj":
            head = head.head  # "ordered [land returned]", the parse hangs the verb on its object
        elif token.dep_ not in {"ccomp", "xcomp", "oprd"}:
            return False
        if head.i == token.i or head.lemma_.lower() not in _ORDERING:
            return False
        verb = head
    return not any(w.lemma_.lower() in _RELEASING for w in verb.subtree)


def _drugs_moved(token: Any) -> bool:
    """Drugs sent, shipped or sold ("the Red Command sends a ton of Colombian cocaine each month
    into Brazil", "conspired to distribute 500 grams of cocaine"): trafficking, which the act
    annotations give no event (an arrest or a seizure in the same sentence is the act), not aid
    (the sentence model reads AID, 070).  The verb itself or the one it governs ("conspired to
    distribute") moves them, and its object names them."""
    verbs = [token]
    if token.lemma_.lower() in _SETTING_OUT:
        verbs += [c for c in token.children if c.dep_ == "xcomp"]
    for verb in verbs:
        if verb.lemma_.lower() not in _MOVING_GOODS:
            continue
        for child in verb.children:
            # the object itself or the noun it is made of ("a ton of Colombian cocaine")
            if child.dep_ in {"dobj", "nsubjpass"} and any(
                    w.lower_ in _DRUG_WORDS for w in child.subtree
                    if w.i == child.i or w.dep_ in {"pobj", "compound", "amod"}):
                return True
    return False


def _subordinator(token: Any) -> bool:
    """A verb form that only joins a clause or a phrase: "according to", "given that …",
    "given the violence", "provided that" (GIVE read as GRANT, 060)."""
    if token.lower_ == "according":
        return True
    return token.lower_ in {"given", "provided", "granted"} and (
        token.dep_ in {"prep", "mark"} or (token.i + 1 < len(token.doc) and token.nbor().lower_ == "that"))


def _question(text: str) -> bool:
    """The sentence is a question ("Did US Tip Off Panama About Missile Find?")."""
    return text.rstrip(" \"'”’»)").endswith("?")


#: Verbs whose -ing form after a noun says what it holds or carries, not an act.
_DESCRIBING = frozenset({"contain", "include", "involve", "comprise", "carry", "hold", "house", "feature"})


#: Participles after a noun that tie it to something: a description, not an act.
_TIES = frozenset({"relate", "link", "tie", "connect"})
#: Participles that say who stands behind a group ("rebels backed by Rwanda").
_BACKING = frozenset({"back", "support", "sponsor", "arm", "fund", "finance", "train", "equip", "escort"})


def _adjectival(token: Any) -> bool:
    """A participle that describes a noun after a determiner ("the seized ship", "its
    kidnapped journalist")."""
    if token.dep_ == "amod" and token.lower_ in {"alleged", "suspected", "accused", "reported", "purported"}:
        return True  # "another alleged business partner", "suspected members": a hedge, no act
    if token.dep_ in {"acl", "advcl"} and token.tag_ == "VBG" and token.lemma_.lower() in _DESCRIBING:
        return True  # "email accounts containing sensitive information", "a ship carrying cocaine"
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in _TIES:
        return True  # "charges related to drug trafficking", "a man tied to a graft scheme"
    if token.lemma_.lower() in _TIES and token.tag_ in {"VBD", "VBN"} and not any(
            c.dep_ == "dobj" for c in token.children) and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in token.children) and any(
            t.i > token.i and t.pos_ == "VERB" and t.tag_ == "VBD" for t in token.doc):
        # ("Insurgents linked to the Islamic State attacked the town": the parser's root is
        # who they are; "police linked the suspect to the murders" has its object)
        return True
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in _BACKING and any(
            c.dep_ == "agent" for c in token.children):
        return True  # "M23 rebels backed by Rwanda", "a convoy escorted by the army": who they are
    if token.dep_ == "amod" and token.tag_ == "VBN" and token.i > 0 and token.doc[token.i - 1].tag_ == "IN" \
            and token.head.i > token.i:
        return True  # "the son of jailed Sinaloa Cartel leader Joaquin Guzman": who he is
    return token.dep_ == "amod" and token.i > 0 and token.doc[token.i - 1].tag_ in {"DT", "PRP$", "POS"}


#: What is released as information, not as people or goods: releasing it is no act.
_PUBLICATIONS = frozenset(
    "value figure data report statement video footage image photo picture list detail result "
    "information document finding study recording audio transcript book film documentary album "
    "song statistic number map memo letter communique text name account version analysis "
    "survey poll estimate record".split())


#: Acts of force done to someone who cannot fight back, whoever it is.
_ONE_SIDED = frozenset({"torture", "rape", "behead", "lynch", "mutilate"})


def _published(trigger: Any) -> bool:
    """"Released" (or "published", "gave", "leaked") with a piece of information as its object
    or passive subject: "the ministry released figures", "the value … was released by the
    minister", "staff at the jail gave Folha de Sao Paulo a video"."""
    if trigger.lemma_.lower() not in {"release", "publish", "give", "leak", "hand"}:
        return False
    return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _PUBLICATIONS
               for c in trigger.children)


#: Acts one receives from another (the object of "received", "got"): the receiver suffers or
#: benefits, the sender did it.  Not visitors: "Niger received a delegation from ECOWAS" is a
#: visit Niger hosts (CAMEO 043).
_RECEIVED_ACTS = frozenset(
    "threat warning ultimatum aid assistance support help funding fund loan grant donation "
    "weapon arm equipment sanction criticism condemnation rebuke request invitation apology "
    "offer proposal demand complaint backing pledge guarantee assurance summons order sentence term "
    "million billion money cash".split())


#: Verbs whose object is an act their subject receives or undergoes.
_RECEIVING = frozenset({"receive", "get", "face", "draw", "attract"})


def _came_under(trigger: Any) -> Any:
    """The act "came under" names ("a convoy came under fire from jihadists", "the minister
    came under criticism from lawmakers"): its noun, or None."""
    if trigger.lemma_.lower() != "come" or trigger.pos_ != "VERB":
        return None
    return next((pobj for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ == "under"
                 for pobj in prep.children if pobj.dep_ == "pobj"
                 and pobj.lemma_.lower() in _COME_UNDER), None)


#: What one comes under: force, or criticism.
_COME_UNDER = frozenset({"fire", "attack", "assault", "shelling", "bombardment", "criticism",
                         "scrutiny", "pressure"})
#: … force, when it is fired by armed men or aimed at a force or a place of one.
_FORCE_COME_UNDER = frozenset({"attack", "assault", "shelling", "bombardment"})
#: (lemmas; not "army", "police" or "forces", which come under fire from critics as often)
_ARMED_NOUNS = frozenset({"convoy", "patrol", "base", "camp", "post", "checkpoint", "position",
                          "vehicle", "helicopter", "troop", "soldier", "unit", "outpost", "barracks",
                          "car", "bus", "village", "town", "peacekeeper"})


def _force_come_under(under: Any, senders: list[Actor], trigger: Any) -> bool:
    """Force, not criticism: an attack, a shelling; or fire from armed men, or aimed at a
    convoy, a base, soldiers …"""
    if under.lemma_.lower() in _FORCE_COME_UNDER:
        return True
    if under.lemma_.lower() != "fire":
        return False
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    return any(a.sector in _ARMED_SECTORS or a.sector == "CRM" for a in senders) or (
        subject is not None and subject.lemma_.lower() in _ARMED_NOUNS)


def _under_fire(doc: Doc, match: VerbMatch, candidate: _Candidate) -> VerbMatch:
    """"Came under fire / attack from …" decides its act: force (190) when it is an attack or
    a shelling, fire from armed men or at a convoy, a base, soldiers …; else the criticism the
    idiom also names ("came under fire from lawmakers", CAMEO's ``(UNDER FIRE) [:111]``).  Who
    comes under it suffers it, who fires is named with "from" (``_received_act``)."""
    under = _came_under(doc[match.trigger_i])
    if under is None:
        return match
    start, end = _received_act(doc[match.trigger_i]) or (0, 0)
    senders = [a for a, first, _ in actor_tokens(doc, candidate.actors, candidate.sentence.start)
               if start <= first < end]
    if _force_come_under(under, senders, doc[match.trigger_i]):
        return replace(match, code="190", decisive=True)
    return replace(match, code="111", decisive=True) if under.lemma_.lower() in {"fire", "criticism"} else match


def _received_act(trigger: Any) -> tuple[int, int] | None:
    """When ``trigger`` is "received"/"got" (or "faced", "drew") with an act as its object
    ("received death threats from the Zetas", "the mayor faced threats from the gang"), or
    "came under" one ("a convoy came under fire from jihadists"), the token range of the
    sender's phrase ("from …"), empty when none."""
    under = _came_under(trigger)
    if under is not None:
        for prep in (*trigger.children, *under.children):
            if prep.dep_ == "prep" and prep.lower_ == "from":
                # (the sender's own words: "from jihadists near Gao" names no sender in Gao)
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    return 0, 0
                stop = next((c.i for c in pobj.children if c.dep_ == "prep" and c.i > pobj.i
                             and c.lower_ in {"near", "in", "at", "outside", "around", "on"}),
                            pobj.right_edge.i + 1)
                return pobj.left_edge.i, stop
        return 0, 0
    if trigger.lemma_.lower() not in _RECEIVING or trigger.pos_ != "VERB":
        return None
    obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in _RECEIVED_ACTS:
        return None
    for head in (trigger, obj):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                return prep.left_edge.i, prep.right_edge.i + 1
    # else the words before the noun ("the Rastrojos face US sanctions", "got Russian aid")
    return trigger.i + 1, obj.i


def _act_verb(doc: Doc, triggers: frozenset[str]) -> int:
    """The verb that tells the act when no verb pattern names it: the main verb, unless it is
    a copula or another verb that tells no act (``_NO_ACT_VERBS``), then the nearest verb below
    it that can state an act ("Tamaulipas is where 72 migrants were massacred by gunmen": the
    massacre, not "is"; "The latest bloodshed comes after at least 20 individuals were killed").  The roles hang on it.
    (Any main verb that is not a trigger word, tried on the act annotations' train part,
    moved as many roles wrong as right.)"""
    main = doc[_main_verb(doc)]
    no_act = doc.user_data.get(NO_ACT_KEY, set())
    if main.pos_ == "PROPN":
        # A name read as the main word is a parse gone wrong ("hitmen on a motorcycle killed
        # Gloria Ocampo" parsed with "Ocampo" as its root and "killed" hung on it): a verb in
        # the past tense hung on it that can state an act is the act's (a headline's "-ing"
        # is not, nor a verb of a clause below)
        past = next((t for t in main.children if t.tag_ in {"VBD", "VBN"} and t.lower_ in triggers
                     and t.i not in no_act), None)
        return past.i if past is not None else main.i
    if _office_verb(main) or (main.lemma_.lower() not in _NO_ACT_VERBS and main.i not in no_act):
        return main.i
    if main.i in doc.user_data.get(NO_SENSE_KEY, ()):
        # ("980 officers were fired after failing tests": a dismissal, not "failing")
        return main.i
    queue, seen = [main], {main.i}
    while queue:
        node = queue.pop(0)
        if node is not main and node.pos_ == "VERB" and node.lower_ in triggers and not (
                _subordinator(node) and node.lower_ != "according") and node.i not in no_act:
            return node.i
        for child in node.children:
            if child.i not in seen:
                seen.add(child.i)
                queue.append(child)
    return main.i


_ARMED_SECTORS = {"MIL", "REB", "COP", "SPY"}
#: Codes of people taken (arrested, seized; not goods, 1711).
_TAKING_PEOPLE = frozenset({"171", "173"})
#: Armed groups and gangs that hold no state power: the people they take are abducted.
_NON_STATE_ARMED = frozenset({"REB", "CRM", "UAF", "INS"})
#: Passive coercion done by the courts ("was sentenced", "were charged"); the rest of it
#: ("was arrested", "were detained", "was captured") by the police.
_COURT_LEMMAS = frozenset({
    "sentence", "convict", "charge", "indict", "try", "acquit", "jail", "imprison", "fine",
    "prosecute", "condemn",
    "condamner", "inculper", "juger", "acquitter", "emprisonner", "incarcerer", "incarcérer",
})


#: Acts done to people, whose object is a person when it is a name.
_DONE_TO_PEOPLE = frozenset({"COERCE", "ASSAULT", "SANCTION", "INVESTIGATE"})
#: No answer to a request (CAMEO 011, decline comment): REJECT when not given, no act when given.
_NO_ANSWER = "011"
_ANSWER_LEMMAS = frozenset({"respond", "reply", "answer", "répondre"})


def _no_appeal(trigger: Any) -> bool:
    """A CAMEO appeal (02x) that is none: someone "wanted by" the authorities is sought for
    arrest, not asked for aid; asking "for comment" is the press's question, no political act."""
    if trigger.lemma_.lower() in {"want", "seek"} and trigger.tag_ == "VBN" and (
            trigger.lemma_.lower() == "want" or any(c.dep_ in {"auxpass", "agent"} for c in trigger.children)):
        return True  # ("the former captain was sought by local authorities since 2008")
    return any(t.lower_ == "comment" and t.head.lower_ in {"for", "to"} or t.lemma_.lower() == "comment"
               and t.head.i == trigger.i for t in trigger.subtree)


#: Force not ruled out: "ECOWAS did not rule out the use of force", "refused to rule out a
#: military intervention", « la CEDEAO n'a pas exclu le recours à la force », « n'écarte pas
#: l'option militaire ».  A threat of force (CAMEO 138), told as done — not a rejection negated.
_FORCE_NOT_RULED_OUT = re.compile(
    r"(?:\b(?:not|never|n't|refus\w*\s+to|declin\w*\s+to|won't|without)\s+(?:\w+\s+){0,2}?"
    r"rul(?:e|es|ed|ing)\s+out"
    r"|\bn['’]\s*(?:(?:a|ont|avait|avaient|aurait)\s+)?(?:pas|jamais|plus)\s+(?:\w+\s+)?(?:exclu|écarté)\w*"
    r"|\bn['’]\s*(?:exclu|écart)\w*\s+(?:pas|jamais|plus)"
    r"|\bne\s+(?:l['’]\s*)?(?:exclu|écart)\w*\s+(?:pas|jamais|plus)"
    r"|\brefus\w*\s+d['’](?:exclure|écarter))"
    r"\s+(?:(?:\w+|l['’]|d['’]|à)\s*){0,6}?"
    r"(?:force|forces|military|armed|militaire|intervention|invasion|strikes?|frappes?|attack|attaque|war|guerre)\b",
    re.IGNORECASE)
_RULING_OUT_LEMMAS = frozenset({"rule", "exclude", "refuse", "decline", "exclure", "écarter", "ecarter", "refuser"})


def _force_not_ruled_out(trigger: Any) -> bool:
    """The trigger is "rule out" (« exclure », « écarter ») not done, of a use of force."""
    return trigger.lemma_.lower() in _RULING_OUT_LEMMAS and bool(_FORCE_NOT_RULED_OUT.search(trigger.doc.text))


def _refusal_to_answer(code: str, trigger: Any, modality: Modality) -> bool:
    """False for an answer given to a request (no act); for no answer ("did not respond to
    requests for comment", « n'a pas répondu à la demande de commentaires ») the refusal is
    what happened, and the event is not negated.  True, modality untouched, for other acts."""
    if code != _NO_ANSWER or trigger.lemma_.lower() not in _ANSWER_LEMMAS:
        return True
    if not modality.negated:
        return False
    modality.negated = False
    return True

#: An actor that is a prison: its first word or its last ("prison in Geneva", "US prison").
_PRISON_ACTOR = re.compile(r"^(?:prison|jail|penitentiary|pénitencier)\b|\b(?:prison|jail|penitentiary|pénitencier)$",
                           re.IGNORECASE)
_PLACE_BEFORE_PRISON = re.compile(r"(?:\b(?:in|to|from|at|behind|into|inside|of|de|à|en|dans|depuis|vers)\s+|\bd['’])"
                                  r"(?:(?:a|the|his|her|their|its|la|sa|une|leur)\s+)?"
                                  r"(?:\w+\s+){0,2}$", re.IGNORECASE)


def _without_prisons(roles: Any, text: str) -> None:
    """The act's parties without the prisons that only say where or for how long ("served a
    prison sentence", « condamné à dix ans de prison »: the dictionary reads the prison as the
    police)."""
    roles.target = [a for a in roles.target if not _prison_place(a, text)]
    roles.source = [a for a in roles.source if not _prison_place(a, text)]


def _prison_place(actor: Actor, text: str) -> bool:
    """"Sentenced to life in prison in Geneva", "released from jail", "the director of the
    Escuintla prison": the prison is where, or whose, not a party acted on (the actor
    dictionary reads "prison" as the police)."""
    if not _PRISON_ACTOR.search(actor.text or ""):
        return False
    return bool(_PLACE_BEFORE_PRISON.search(text[max(0, actor.start - 40):actor.start])) or bool(
        re.match(r"\s+(?:sentences?|terms?|time)\b", text[actor.end:actor.end + 12]))  # "a prison sentence"


#: Verbs of finding ("found dead", "discovered the bodies"): the finder is no killer.
_FINDING = frozenset({"find", "discover", "uncover", "recover", "exhume"})
#: Killers that are no one: diseases, disasters and accidents.
_NATURAL_CAUSES = frozenset({
    "disease", "virus", "flu", "influenza", "outbreak", "epidemic", "pandemic", "infection",
    "cholera", "meningitis", "malaria", "ebola", "covid", "covid-19", "coronavirus", "measles",
    "cancer", "illness", "fever", "h5n1", "tuberculosis", "dengue", "lassa", "famine", "starvation",
    "malnutrition", "hunger", "earthquake", "quake", "flood", "flooding", "storm", "hurricane",
    "cyclone", "typhoon", "tornado", "landslide", "mudslide", "avalanche", "tsunami", "drought",
    "heatwave", "lightning", "crash", "accident", "collision", "stampede", "drowning"})
#: What one dies "of" or "from" with no one's act (not after "kill": "killed in the heart of
#: the city").
_CAUSES_OF_DYING = frozenset({"natural", "heart", "stroke", "cardiac", "overdose", "old", "age",
                              "complications", "respiratory", "kidney", "liver", "diabetes",
                              "hypothermia", "exposure", "asphyxiation", "suffocation", "monoxide"})
_KILLING_LEMMAS = frozenset({"kill", "claim"})
_DYING_LEMMAS = frozenset({"die", "death", "dead", "perish", "succumb"})


#: People the dictionary names no actor for, who do not fight back.
_UNARMED_WORDS = frozenset({
    "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "child", "children", "son",
    "daughter", "wife", "husband", "father", "mother", "brother", "sister", "family", "relative",
    "people", "person", "persons", "victim", "victims", "resident", "residents", "villager",
    "villagers", "civilian", "civilians", "worker", "workers", "student", "students", "teacher",
    "journalist", "reporter", "director", "mayor", "candidate", "businessman", "activist", "priest",
    "pastor", "imam", "farmer", "farmers", "driver", "doctor", "nurse", "tourist", "tourists",
    "passenger", "passengers", "bystander", "bystanders", "teenager", "youth", "pupil", "pupils"})


def _unarmed_sufferer(doc: Doc, trigger_i: int) -> bool:
    """The one force hit, named by a word of no actor, is a person who does not fight back:
    the subject of a passive ("the director was shot dead", "four people killed") or the
    object ("gunmen shot a teacher")."""
    token = doc[trigger_i]
    heads = [c for c in token.children if c.dep_ in {"nsubjpass", "dobj"}]
    if token.dep_ == "acl" and token.tag_ == "VBN":
        heads.append(token.head)  # "the four people killed"
    return any(h.lemma_.lower() in _UNARMED_WORDS or h.lower_ in _UNARMED_WORDS for h in heads)


_UNARMED_WORDS_FR = frozenset(
    "homme femme enfant fille garçon fils père mère frère sœur famille personne victime habitant "
    "villageois civil travailleur ouvrier étudiant élève enseignant instituteur journaliste "
    "reporter chanteur artiste musicien directeur maire candidat commerçant homme d'affaires "
    "militant prêtre pasteur imam chef coutumier paysan agriculteur éleveur chauffeur médecin "
    "infirmier touriste passager adolescent jeune".split())


def _unarmed_sufferer_fr(trigger: Any) -> bool:
    """French: the one force hit, named by a word of no actor, is a person who does not fight
    back, the subject of a passive or the object (« un chanteur … a été abattu »)."""
    heads = [c for c in trigger.children if c.dep_ in {"nsubj:pass", "obj"}]
    return any(h.lemma_.lower() in _UNARMED_WORDS_FR or h.lower_ in _UNARMED_WORDS_FR for h in heads)


_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "yourself"})


def _natural_death(doc: Doc, trigger_i: int) -> bool:
    """The act's killer is a disease, a disaster or an accident: the subject of "kill" ("an
    outbreak of cholera killed …", "her H5N1 infection killed her"), what one was killed by or
    in ("killed in a car crash"), or what one died of, from or in ("died of the virus")."""
    token = doc[trigger_i]
    lemma = token.lemma_.lower()
    heads: list[Any] = []
    if lemma in _KILLING_LEMMAS and any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in token.children):
        return True  # "killed himself two weeks ago when police arrived at his home": no one's act on another
    if lemma in _KILLING_LEMMAS:
        heads = [c for c in token.children if c.dep_ == "nsubj"]
        heads += [g for c in token.children if c.dep_ in {"agent", "prep"} and c.lower_ in {"by", "in"}
                  for g in c.children if g.dep_ == "pobj"]
        if not heads:
            # ("nine people were killed after an outbreak of cholera": with no one named as the
            # killer, what they were killed after is what killed them)
            after = [g for c in token.children if c.dep_ == "prep"
                     and c.lower_ in {"after", "following", "amid", "during"}
                     for g in c.children if g.dep_ == "pobj"]
            # ("an outbreak of violence" is no disease: the illness itself must be named)
            return any((w.lemma_.lower() in _NATURAL_CAUSES or w.lower_ in _NATURAL_CAUSES)
                       and w.lower_ not in {"outbreak", "outbreaks"} for h in after for w in h.subtree)
    elif lemma in _DYING_LEMMAS or (lemma == "find" and any(c.lower_ == "dead" for c in token.children)):
        # (the parser may hang "of the virus" on the day: "died on Monday of the virus")
        # ("was found dead of gas poisoning at a friend's home": FIND's "* DEAD", 190)
        heads = [t for t in token.subtree if t.i > token.i and t.dep_ == "pobj"
                 and t.head.lower_ in {"of", "from", "in"}]
        if any(w.lower_ in _CAUSES_OF_DYING for head in heads for w in head.subtree
               if head.head.lower_ in {"of", "from"}):
            return True  # "died in 2008 of natural causes", "died of a heart attack"
    return any(w.lemma_.lower() in _NATURAL_CAUSES or w.lower_ in _NATURAL_CAUSES
               for head in heads for w in head.subtree)


def _unlisted_person(doc: Doc, trigger_i: int, candidate: _Candidate) -> Actor | None:
    """The person an arrest, a killing, a sanction or an investigation is done to, named
    but in no dictionary ("gunmen kidnapped Hamadoun Traore", "Jose Ramirez was arrested"):
    the proper name that is the verb's object (its subject, in a passive), with no code: the
    article's country was the person's in 3 of 6 such targets of the act annotations' train
    part (a Colombian arrested in Bolivia), too few to guess it.  Entry ``unlisted-person``."""
    verb = doc[trigger_i]
    if verb.pos_ != "VERB":
        return None
    deps = {"nsubjpass"} if is_agentless_passive(verb) or any(
        c.dep_ == "agent" for c in verb.children) or any(c.dep_ == "auxpass" for c in verb.children) else {"dobj"}
    head = next((c for c in verb.children if c.dep_ in deps), None)
    if head is None or head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    words = [t for t in head.subtree if t.i <= head.i and t.pos_ == "PROPN"
             and (t.i == head.i or t.dep_ == "compound")]
    if not words or words[-1].i - words[0].i + 1 != len(words):
        return None
    start = candidate.sentence.start + words[0].idx
    end = candidate.sentence.start + words[-1].idx + len(words[-1].text)
    if any(a.start is not None and a.start < end and start < a.end for a in candidate.actors):
        return None  # a known actor, or a word of one, that the roles left out on purpose
    return Actor(candidate.article.text[start:end], "", "", None, start, end, "unlisted-person")


def _is_person(actor: Actor) -> bool:
    """A dictionary person named with a surname: "Bolivian President Evo Morales"
    (EVO_MORALES), "President Buhari" (BUHARI) — not a body or a group."""
    if not actor.actor_id or actor.start is None or actor.code in {"IGO", "NGO", "IMG", "MNC"}:
        return False  # (nor a company: "Bank of America" … "South America" is no bank)
    words = actor.text.split()
    if "of" in words:
        return False  # ("X of Y" names a body or an office, not a person)
    return len(words) >= 2 and words[-1][:1].isupper() and words[-1] not in _BODY_HEADS and \
        actor.actor_id.split("_")[-1] == words[-1].upper()


#: Last words of bodies' names, never a person's surname ("New York Times", "Washington Post"):
#: the bare word later ("the Times") names the body, not a person named before.
_BODY_HEADS = frozenset({
    "Times", "Post", "News", "Journal", "Herald", "Tribune", "Telegraph", "Guardian", "Press",
    "Agency", "Group", "Company", "Corporation", "Bank", "Party", "Front", "Army", "Council",
    "Organization", "Organisation", "Institute", "University", "Ministry", "Office", "Court",
    "Commission", "Committee", "Department", "Service", "Services", "Forces", "Movement"})


_PRONOUN_START = re.compile(r"^(?:(?:However|But|Later|Then|Meanwhile),\s+)?(He|She)\b")


#: A body named again by what it is: "the (regional) bloc", "the organisation", "the
#: alliance", « l'organisation (régionale) », « le bloc » (not "the community": villagers).
_BODY_AGAIN = re.compile(
    r"(?:\b[Tt]he\s+(?:(?:regional|sub-?regional|West African|west African|continental|"
    r"three-nation|15-nation|15-member|Sahelian|Sahel|military)\s+)?"
    r"(?P<en>bloc|organi[sz]ation|alliance|confederation)\b"
    r"|\b(?:[Ll]['’]|[Ll]e\s|[Ll]a\s)(?P<fr>bloc|organisation|alliance|confédération)"
    r"(?:\s(?:régionale?|sous-régionale?|ouest-africaine))?\b)"
    # not the process or the tie: "the organisation of elections", « l'alliance avec la France »
    r"(?!\s+(?:of|with|between|des?|du|d['’]|avec|entre)\b)")
#: How many sentences back the body may have been named.
_BODY_WINDOW = 6


def _bodies_referred_back(per_sentence: list[tuple[Sentence, list[Actor]]], text: str) -> None:
    """"The bloc", "the organisation", "the alliance" name again the body named last before
    them (an intergovernmental body; for "the organisation" a non-governmental one too):
    "ECOWAS lifted sanctions … The bloc said …" — the bloc is ECOWAS, where the words alone
    resolve to no one (and a bare agent's fallback gave the article's country).  So do "the
    leaders", "the ministers" after "ECOWAS leaders", "ECOWAS ministers": the body's code."""
    named: list[tuple[int, Actor]] = []  # (sentence number, actor) of bodies, in text order
    for number, (sentence, actors) in enumerate(per_sentence):
        for match in _BODY_AGAIN.finditer(text, sentence.start, sentence.end):
            start, end = match.start(), match.end()
            if any(a.start is not None and a.start < end and start < a.end for a in actors):
                continue  # part of a name ("the Alliance of Sahel States")
            word = (match.group("en") or match.group("fr")).lower()
            kinds = {"IGO", "NGO"} if word.startswith(("organi", "organisation")) else {"IGO"}
            earlier = [a for n, a in named if number - n <= _BODY_WINDOW and a.code in kinds]
            earlier += [a for a in actors if a.code in kinds and a.end is not None and a.end <= start]
            if not earlier:
                continue
            body = earlier[-1]
            actors.append(Actor(text[start:end], body.code, body.sector, body.actor_id, start, end,
                                f"{body.entry or 'body'}+refers-back"))
        for actor in actors:
            # "ECOWAS leaders lifted … The leaders also urged …": the same agents of the body
            if actor.code or actor.start is None or ":agents:" not in (actor.entry or "") \
                    or text[max(0, actor.start - 4):actor.start].lower() != "the ":
                continue
            head = actor.text.split()[-1].lower() if actor.text.split() else ""
            same = [a for n, a in named if number - n <= _BODY_WINDOW and a.sector == actor.sector
                    and a.text.split() and a.text.split()[-1].lower() == head]
            if same:
                actor.code = same[-1].code
                actor.entry = f"{actor.entry}+refers-back"
        actors.sort(key=lambda a: (a.start if a.start is not None else -1))
        named += [(number, a) for a in actors if a.code in {"IGO", "NGO"}
                  and not (a.entry or "").endswith("+refers-back")]


_THE_NAME = re.compile(r"\b[Tt]he ([A-Z][a-z]{3,})\b")
#: Words of a body's name that name no body alone.
_NOT_A_BODY_WORD = frozenset({"United", "States", "National", "Republic", "General", "Office",
                              "Forces", "Force", "Party", "Council", "Court", "Police", "Army"})


def _named_body_again(per_sentence: list[tuple[Sentence, list[Actor]]], text: str) -> None:
    """A body named in full and later by a word of its name: "The US Treasury Department
    sanctioned … Among those singled out by the Treasury …" — the Treasury is the same body,
    where the word alone resolves to no one (the last such body named before it)."""
    named: list[tuple[int, Actor]] = []  # (end, actor) of bodies named in two words or more
    for sentence, actors in per_sentence:
        for found in _THE_NAME.finditer(text, sentence.start, sentence.end):
            word, start, end = found.group(1), found.start(1), found.end(1)
            if word in _NOT_A_BODY_WORD or any(
                    a.start is not None and a.start < end and start < a.end for a in actors):
                continue
            earlier = [a for e, a in named if e <= start and word in a.text.split()]
            if earlier:
                body = earlier[-1]
                actors.append(Actor(word, body.code, body.sector, body.actor_id, start, end,
                                    f"{body.entry or 'body'}+refers-back"))
                actors.sort(key=lambda a: (a.start if a.start is not None else -1))
        named += [(a.end, a) for a in actors if a.code and a.sector and a.end is not None
                  and len(a.text.split()) >= 2 and not (a.entry or "").endswith("+refers-back")]


def _same_person_again(per_sentence: list[tuple[Sentence, list[Actor]]], text: str) -> None:
    """A person the article has named in full stands behind their bare surname later on
    ("Bolivian President Evo Morales … Morales expelled the DEA") and behind a "he" or "she"
    that opens one of the next two sentences ("He hailed President Buhari"): the same actor,
    at the later words, with ``+same-person`` in its entry."""
    known: dict[str, Actor] = {}
    last_person: tuple[int, Actor] | None = None
    for number, (sentence, actors) in enumerate(per_sentence):
        added: list[Actor] = []
        taken = [(a.start, a.end) for a in actors if a.start is not None]
        for surname, person in known.items():
            for found in re.finditer(rf"\b{re.escape(surname)}\b", text[sentence.start:sentence.end]):
                start, end = sentence.start + found.start(), sentence.start + found.end()
                if not any(s < end and start < e for s, e in taken):
                    added.append(_again(person, start, end, text))
                    taken.append((start, end))
        opening = _PRONOUN_START.match(text[sentence.start:sentence.end])
        if opening and last_person is not None and number - last_person[0] <= 2:
            start, end = sentence.start + opening.start(1), sentence.start + opening.end(1)
            if not any(s < end and start < e for s, e in taken):
                added.append(_again(last_person[1], start, end, text))
        if added:
            actors.extend(added)
            actors.sort(key=lambda a: (a.start if a.start is not None else -1))
        for actor in actors:
            if _is_person(actor):
                known.setdefault(actor.text.split()[-1], actor)
                last_person = (number, actor)
            elif (actor.entry or "").endswith("+same-person") and actor.text not in {"He", "She"}:
                last_person = (number, actor)


_NAME_PAIR = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b")


def _surnames_not_places(per_sentence: list[tuple[Sentence, list[Actor]]], text: str,
                         given: frozenset[str]) -> None:
    """A place named as one word after the article has named a person with it as a surname is
    that person, not the place: "Pablo Medina … Medina had received several threats" names no
    Saudi city (the resolver reads "Pablo Medina" as a person's name already)."""
    first_use: dict[str, int] = {}
    for found in _NAME_PAIR.finditer(text):
        if found.group(1).lower() in given:
            first_use.setdefault(found.group(2), found.start(2))
    if not first_use:
        return
    for _, actors in per_sentence:
        actors[:] = [a for a in actors if not (
            a.start is not None and a.text in first_use and first_use[a.text] < a.start
            and not a.sector and (a.entry or "").startswith(("countries:", "phoenix:countries:")))]


def _again(person: Actor, start: int, end: int, text: str) -> Actor:
    entry = (person.entry or "").removesuffix("+same-person") + "+same-person"
    return Actor(text[start:end], person.code, person.sector, person.actor_id, start, end, entry)


#: Acts the authorities do, told in the passive with no agent: arrests and sentences, and
#: investigations (« une enquête a été ouverte », "he is being investigated").
_AUTHORITIES_ACTS = frozenset({"COERCE", "INVESTIGATE"})


def _describing_participle(token: Any) -> bool:
    """A past participle that modifies a noun (« des militaires détenus »), not a clause's verb."""
    return token.dep_ == "acl" and "Part" in token.morph.get("VerbForm") and token.pos_ in {"VERB", "ADJ"}


def _agentless_passive_fr(verb: Any) -> bool:
    """A French passive with no « par » agent (« a été arrêté à Londres »)."""
    return any(c.dep_ == "aux:pass" for c in verb.children) and not any(
        c.dep_ == "obl:agent" for c in verb.children)


def _implied_authorities(trigger: Any, candidate: _Candidate) -> Actor | None:
    """Who arrested or sentenced someone, when a passive does not say ("was arrested in
    Bogota", "he was sentenced to 19 years"): the authorities of the country named as the
    place of the act, else those of the country whose authorities the article is about
    (CONVENTIONS.md: the code is given when the article makes it plain).  An actor with no
    words: ``text`` empty, no offsets, entry ``implied:authorities``."""
    from harmattan.actors.dictionary import country_codes

    countries = country_codes()
    text = candidate.article.text.translate(_QUOTES)
    placed = [a for a in candidate.actors if a.code in countries and _named_as_place(text, a)
              and a.start is not None and a.start > candidate.sentence.start + trigger.idx]
    code = placed[0].code if placed else candidate.agents_country
    if not code:
        return None
    sector = "JUD" if trigger.lemma_.lower() in _COURT_LEMMAS else "COP"
    return Actor("", code, sector, None, None, None, "implied:authorities")


#: Verbs whose participle after "remain" / "stay", or in the present passive with "still",
#: tells a state that lasts ("remains detained", "is still held"), not the act that began it.
_HOLDING = frozenset({"detain", "hold", "imprison", "jail", "besiege", "occupy", "keep"})
_REMAIN = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed"})


def _held_state(doc: Doc, event: Event, sentence_start: int) -> bool:
    """The event's trigger tells someone still held: "Mohamed Bazoum remains detained at the
    presidential palace", "the hostages are still being held" (not "soldiers detained
    Bazoum", "he was detained on Monday")."""
    start = event.evidence.trigger_start
    if start is None:
        return False
    token = next((t for t in doc if t.idx == start - sentence_start), None)
    if token is None or token.lemma_.lower() not in _HOLDING:
        return False
    if token.head.i != token.i and token.head.lemma_.lower() in _REMAIN and token.i > token.head.i:
        return True
    if any(c.dep_ in {"auxpass", "aux"} and c.lower_ in _REMAIN for c in token.children):
        return True  # (the parser may read "remains" as the passive's auxiliary)
    present = any(c.dep_ in {"auxpass", "aux"} and c.tag_ in {"VBZ", "VBP"} for c in token.children)
    return present and any(c.dep_ == "advmod" and c.lower_ == "still" for c in token.children)


def _without_own_forces(roles: Any) -> None:
    """The source's own forces, named by a possessive ("its troops", « ses troupes »), are no
    party it acts on."""
    if roles.target and roles.source:
        own = {a.code for a in roles.source}
        roles.target = [a for a in roles.target if not (
            (a.entry or "").endswith("+possessive") and a.code in own)]


def _forces_sent(doc: Doc, trigger_i: int, roles: Any, actors: list[Actor], offset: int) -> None:
    """Forces that a plan, an offer or a refusal under the act would send somewhere are the
    source's own, not whom the act is aimed at; the place they would be sent to is ("Nigerian
    senators rejected a plan to send troops to Niger": Niger, not the troops)."""
    trigger = doc[trigger_i]
    if trigger.lemma_.lower() in _SENDING | _WITHDRAWING or not roles.target:
        return
    own = {a.code for a in roles.source}
    spans = actor_tokens(doc, actors, offset)
    for verb in trigger.subtree:
        lemma = verb.lemma_.lower()
        if verb.i == trigger.i or lemma not in _SENDING | _WITHDRAWING or verb.pos_ != "VERB":
            continue
        moved = {t.i for c in verb.children if c.dep_ in {"dobj", "obj"} for t in c.subtree}
        sent = [a for a, start, _ in spans if start in moved and a.sector in _MOVED_FORCES
                and a.actor_id is None and (not a.code or a.code in own)
                and any(a is t for t in roles.target)]
        if not sent:
            continue
        # (and forces a threat would pull out: « a menacé de retirer les 5 100 soldats français
        # présents sur place » is aimed at where they are, not at them)
        roles.target = [a for a in roles.target if all(a is not x for x in sent)]
        if lemma in _WITHDRAWING:
            return
        to = {t.i for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "into"}
              for g in c.children if g.dep_ == "pobj" for t in g.subtree}
        roles.target += [a for a, start, _ in spans if start in to and a.code and a.code not in own
                         and all(a is not x for x in roles.target)]
        return


def _capital_visited(doc: Doc, trigger_i: int, actors: list[Actor], offset: int,
                     source: list[Actor]) -> list[Actor]:
    """The capital named by "in" on a visit's verb ("arrived in Bamako"), when it is another
    country's than the visitor's."""
    own = {a.code for a in source}
    found = []
    for prep in doc[trigger_i].children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "at"}:
            continue
        for actor, start, end in actor_tokens(doc, actors, offset):
            if any(start <= c.i < end for c in prep.children if c.dep_ == "pobj") \
                    and actor.sector == "GOV" and actor.code and actor.code not in own \
                    and (actor.entry or "").startswith("countries:"):
                found.append(actor)
    return found


def sentence_offset(event: Event, candidate: _Candidate) -> int | None:
    """The event's trigger offset within its sentence."""
    start = event.evidence.trigger_start
    return None if start is None else start - candidate.sentence.start


def _implied_parties(events: list[Event], country: str | None) -> None:
    """The parties no words of the sentence name, in an article plainly about one country's
    authorities (``_agents_country``): a source or target left empty — an agentless passive
    ("was convicted of child abuse"), a pronoun read as no one ("he said in a statement"), an
    act told without its object — is that country, as an actor with no words (``text`` empty,
    no offsets, entry ``implied:article-country``); a person the dictionary does not list
    ("Bassett is accused of stabbing …") takes its code (entry ``+article-country``).
    CONVENTIONS.md gives such parties the code the article makes plain.  On the act
    annotations' train part, filled sources were that code 77 times in 100 (6 had none),
    filled targets 67 in 108 (22 had none), unlisted persons 9 in 10."""
    if not country:
        return
    for event in events:
        for role in (event.source, event.target):
            if not role:
                if role is event.target and event.cameo is not None and event.cameo.code == _GOODS_SEIZED:
                    # goods seized are done to no one the sentence leaves out ("Mexican
                    # authorities confiscated 3,559 kilos of shark fins": the act annotations
                    # give such seizures no target 6 times in 8 on the train part)
                    continue
                # (a coup is against the government it removes: "Army officers in Gabon seized
                # power" is aimed at Gabon's government)
                sector = "GOV" if role is event.target and _coup(event) else ""
                role.append(Actor("", country, sector, None, None, None, "implied:article-country"))
                continue
            if any(a.code for a in role):
                continue
            for actor in role:
                if (actor.entry or "").startswith("unlisted-person"):
                    actor.code = country
                    actor.entry = f"{actor.entry}+article-country"


#: What stands between an office and the person it is in apposition with ("The foreign
#: minister, Abdoulaye Diop, said"; « Abdoulaye Diop, le ministre des Affaires étrangères, »).
_APPOSITION = re.compile(r"\s*,\s*(?:(?:the|le|la|l['’]|les)\s*)?", re.IGNORECASE)


def _office_of_the_person_beside(actors: list[Actor], text: str, countries: frozenset[str] | set[str]) -> None:
    """An office with no country, in apposition with a person the dictionary codes, is that
    person's office: « Le ministre des Affaires étrangères, Abdoulaye Diop, a dénoncé une
    campagne orchestrée par Paris » is Mali's minister (not the country the article names
    most)."""
    placed = sorted((a for a in actors if a.start is not None and a.end is not None), key=lambda a: a.start)
    for first, second in zip(placed, placed[1:]):
        between = text[first.end:second.start]
        if not _APPOSITION.fullmatch(between) or "," not in between:
            continue
        for office, person in ((first, second), (second, first)):
            if not office.code and office.sector and office.actor_id is None \
                    and person.actor_id is not None and person.code in countries:
                office.code = person.code
                office.entry = f"{office.entry or 'agent'}+apposition"


#: Acts that accuse someone: who then denies is the accused.
_ACCUSING_ACTS = frozenset({"DISAPPROVE", "COERCE", "INVESTIGATE"})
_FRENCH_DENIALS = frozenset({"nier", "dementir", "contester", "refuter", "rejeter"})


def _french_denial(doc: Doc) -> bool:
    """The sentence denies (« Il nie ces allégations », « Elle a démenti »; « rejeter » only
    accusations)."""
    from harmattan.events.french import fold

    for token in doc:
        lemma = fold(token.lemma_)
        if lemma in _FRENCH_DENIALS and token.pos_ in {"VERB", "AUX"} and (lemma != "rejeter" or any(
                fold(c.lemma_) in {"accusation", "allegation", "charge", "accusations", "allegations"}
                for c in token.children)):
            return True
    return False


#: CAMEO "confiscate property".
_GOODS_SEIZED = "1711"
_POWER_SEIZED = re.compile(r"\b(?:seiz\w*|took|tak\w+|grabb?\w*|s'emparer|s'est emparée?s?|"
                           r"pris|prend\w*)\s+(?:le\s+)?(?:power|pouvoir)\b", re.IGNORECASE)


def _coup(event: Event) -> bool:
    """The act is a coup: power seized (CAMEO 170, "seized power", « a pris le pouvoir »)."""
    return event.cameo is not None and event.cameo.code == "170" and bool(
        _POWER_SEIZED.search(event.evidence.sentence))


#: The two kinds of force: against armed parties, and against anyone.
_FORCE_TYPES = frozenset({"FIGHT", "ASSAULT"})


def _told_as_not_done(reason: str) -> bool:
    """The French gate's reasons that say the act is not told as done: an infinitive no verb
    carries (an intention, a decision regretted), a present relative clause that describes, an
    opinion, a subjonctif (not a participle: « trois soldats tués lors de l'attaque » is a
    headline's incident), an infinitive a modal or a condition governs (« Les forces militaires ne
    peuvent pas attaquer les civils » states a rule; not « aurait été tuée », an allegation in
    the conditional)."""
    return reason.endswith("with no verb that carries it") or reason in {
        "present relative clause: a description", "an opinion", "subjonctif: not told as done",
        "infinitive: conditional"}


#: « peut / peuvent / pourrait / pourraient (…) être » : a possibility, in French.
_POSSIBLE_FR = re.compile(r"\b(?:peut|peuvent|pourrait|pourraient)\s+(?:\S+\s+){0,2}?être\b", re.I)


#: Agents a mobilisation moves ("troops", "police"), when no body names them.
_MOVED_FORCES = frozenset({"MIL", "COP"})
#: Verbs that move forces somewhere, whatever the act they serve (« envoyer » in French).
_SENDING = frozenset({"send", "dispatch", "deploy", "envoyer", "dépêcher", "déployer"})
#: Verbs that pull forces out ("threatened to withdraw its troops", « menacé de retirer »).
_WITHDRAWING = frozenset({"withdraw", "retirer", "rapatrier"})


#: Acts done somewhere: « à/au + country » after them names the place, not a target.
_PLACED_ACTS = frozenset({"FIGHT", "ASSAULT", "MOBILIZE", "PROTEST", "CONSULT", "COERCE", "RETREAT"})


def _verb_event(article: Article, sentence: Sentence, etype: str, code: str, table: Any,
                contexts: list[str], modality: Modality, roles: Any, trigger_start: int,
                trigger_end: int, confidence: float, acled: Any, ordinal: int) -> Event:
    """The event a verb of ``sentence`` states, its trigger at ``trigger_start:trigger_end``
    of the article's text (English and French)."""
    return Event(
        event_id=make_event_id(article, sentence.start, sentence.end, f"{etype}:{trigger_start}", ordinal),
        article_id=article.id,
        date=article.date_iso,
        plover=PloverCode(etype, table.mode if table else "", contexts),
        cameo=CameoCode(quad_class=_cameo_quad(etype, code), code=code),
        modality=modality,
        source=roles.source,
        target=roles.target,
        evidence=Evidence(
            sentence=sentence.text, start=sentence.start, end=sentence.end,
            trigger=article.text[trigger_start:trigger_end],
            trigger_start=trigger_start, trigger_end=trigger_end,
        ),
        confidence=confidence,
        acled=acled,
        coder_version=__version__,
    )


def _cameo_quad(etype: str, code: str | None) -> int:
    """The CAMEO quad class of the act: 0 (make a statement) for a CAMEO 01x code — a denial
    (016) or a refusal to comment (011), which PLOVER codes REJECT — or an appeal (02x); 3
    (verbal conflict) for a reduction of relations (16x: sanctions, aid suspended, ties cut,
    expulsions), as the CAMEO quad set codes every one of them (45 of 45 sentences the coder
    gives a 16x code; PLOVER's SANCTION is material conflict); else its PLOVER type's."""
    if code and code.startswith(("01", "02")) and len(code) >= 3:
        return 0
    if code and code.startswith("16") and len(code) >= 3:
        return 3
    return PLOVER_QUAD[etype]


#: CAMEO's occupation of territory.
_OCCUPY_CODE = "192"
_CONFISCATE = "171"


def _place_taken(doc: Doc, trigger_i: int, actors: list[Actor], offset: int) -> bool:
    """The verb's object (or passive subject) is a place the dictionaries name as a country's
    town or region ("seized Menaka", "Menaka was seized")."""
    heads = {c.i for c in doc[trigger_i].children if c.dep_ in {"dobj", "nsubjpass"}}
    return any(start <= i < end for a, start, end in actor_tokens(doc, actors, offset)
               if not a.sector and (a.entry or "").startswith(("countries:", "phoenix:countries:"))
               for i in heads)


#: Abductions, hijackings and hostage-takings (CAMEO 181): one-sided whoever is taken.
_ABDUCT_CODE = "181"


def _abduction(match: Any) -> bool:
    return match is not None and str(match.code).startswith(_ABDUCT_CODE)


def _force_by_target(etype: str, targets: list[Actor], sources: list[Actor] | None = None) -> str:
    """PLOVER tells force by whom it hits: FIGHT is force against armed actors, ASSAULT against
    people who do not fight back.  An assault on soldiers, rebels or police by an armed side is
    a FIGHT ("JNIM fighters attacked a military base"); with no armed doer named it stays an
    ASSAULT ("Del Cid's son was shot along with his two police bodyguards", "grenades were
    thrown at police at a checkpoint": the act annotations' reading); a fight whose every
    target is civilian is an ASSAULT ("militants attacked a boat carrying civilians"), and so is one whose every target is an
    unarmed person of another sector — an official, a judge, a journalist, a businessman —
    when no state's forces are its source ("the prison director was shot dead by armed men")."""
    sectors = {a.sector for a in targets}
    if etype == "ASSAULT" and sectors & _ARMED_SECTORS and not sectors & {"CVL"} and (
            any(_fighting_side(a) for a in sources or [])
            or len(sectors & (_ARMED_SECTORS | {"CRM"})) > 1):  # (both sides read as targets)
        return "FIGHT"
    if etype == "FIGHT" and targets and all(a.sector == "CVL" or _PROTESTERS.search(a.text or "")
                                             for a in targets):
        return "ASSAULT"  # (protesters too: "soldiers fired tear gas at protesters")
    if etype == "FIGHT" and sectors and sectors <= _UNARMED_PERSONS and not any(
            a.sector in _STATE_FORCES and len(a.code) == 3 for a in sources or []):
        return "ASSAULT"
    return etype


def _fighting_side(actor: Actor) -> bool:
    """An actor that fights: armed forces, armed or criminal groups, or a state named as such
    ("Russia attacked Ukrainian positions"); not a doer the text does not name (the article's
    country put in its place), nor an unarmed one."""
    if actor.sector in _ARMED_SECTORS or actor.sector == "CRM":
        return True
    return actor.sector == "" and len(actor.code) == 3 and not (actor.entry or "").startswith("implied:")


#: People demonstrating: they do not fight back, whoever fires on them.
_PROTESTERS = re.compile(r"\b(?:protesters?|demonstrators?|marchers|manifestants?|protestataires)\b",
                         re.IGNORECASE)
#: A state's forces, or a state named alone ("Russia attacked …"), as the source of force.
_STATE_FORCES = {"MIL", "COP", "SPY", ""}
#: Sectors of people who do not fight back (a country named alone, sector "", may be a state
#: at war: not among them).
_UNARMED_PERSONS = {"CVL", "GOV", "ELI", "OPP", "MED", "EDU", "HLH", "REF", "LAB", "BUS", "JUD", "LEG", "REL"}


def _coordinated(doc: Doc, i: int) -> set[int]:
    """Token ``i`` and the verbs coordinated with it (``conj`` chains, both ways)."""
    if not 0 <= i < len(doc):
        return set()
    head = doc[i]
    from harmattan.events.verbs import finite_verb_read_as_participle

    if head.dep_ == "acl" and head.tag_ == "VBN" and finite_verb_read_as_participle(head):
        # "ECOWAS negotiated with … and urged …": the verb read as a participle on the
        # subject is coordinated with the subject's verb
        head = head.head.head
        out = {i}
    else:
        out = set()
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    out.add(head.i)
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ == "conj" and child.i not in out:
                out.add(child.i)
                stack.append(child)
    return out


def _a_state(actor: Actor) -> bool:
    """A state or a body of states as such: a country named ("Turkey"), its government, an
    IGO — not its people ("Nigeriens"), nor a person the article's country was given to."""
    return actor.code == "IGO" or (len(actor.code or "") == 3 and (
        actor.sector == "GOV" or (actor.sector == "" and (actor.entry or "").startswith("countries:"))))


#: Words that say an agent is not the country's: "Western diplomats", "foreign troops" (before
#: it), « les gouvernements occidentaux », « des troupes étrangères » (after it).
_FOREIGN_BEFORE = re.compile(r"(?:^|\s)(?:western|foreign|international|overseas)\s+$", re.IGNORECASE)
_FOREIGN_AFTER = re.compile(r"^\s+(?:occident|étrang|internationa)\w*", re.IGNORECASE)


def _foreign_agent(text: str, actor: Actor) -> bool:
    """Whether the words next to an agent say it belongs to no one country, or not the
    article's."""
    if actor.start is None or actor.end is None:
        return False
    return bool(_FOREIGN_BEFORE.search(text[max(0, actor.start - 16):actor.start])
                or _FOREIGN_AFTER.search(text[actor.end:actor.end + 24]))


def _foreign(actor: Actor) -> bool:
    """An agent marked by :func:`_foreign_agent` (entry ``+foreign``)."""
    return "+foreign" in (actor.entry or "")


#: A possessive right before an agent ("its troops", « ses troupes », « leurs soldats »).
_POSSESSIVE_BEFORE = re.compile(r"(?:^|\s)(?:its|their|ses|son|sa|leurs?)\s+(?:(?:last|remaining|own|derni(?:e|è)re?s?|"
                                r"propres?|restants?)\s+)?$", re.IGNORECASE)


#: Words of force or of a penalty, which a conditional threat names.
_FORCE_OR_PENALTY = re.compile(
    r"\b(?:militar\w*|force|forces|intervene|intervention|attack\w*|strikes?|war|troops|soldiers|"
    r"sanction\w*|retaliat\w*|reprisals?|weapons|arms|invade|invasion|bomb\w*|blockade|embargo|"
    r"expel\w*|arrest\w*|punish\w*|consequences|measures)\b", re.IGNORECASE)


def _state_like(actors: list[Actor]) -> bool:
    return any(a.code == "IGO" or (len(a.code) == 3 and a.sector in _STATE_LIKE_SECTORS) for a in actors)


def _is_named_group(actor: Actor) -> bool:
    return actor.sector == "REB" and actor.actor_id is not None


_AGENT_IN_TOWN = re.compile(r"\b(?:in|of|from)\s+(?:the\s+)?([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)$")
#: A city this large in the article's country is the one meant by its name.
_CITY_POPULATION = 100_000
_GAZETTEER: list[Any] = []


def _gazetteer() -> Any:
    if not _GAZETTEER:
        from harmattan.geo.gazetteer import Gazetteer

        _GAZETTEER.append(Gazetteer().initialize())
    return _GAZETTEER[0]


@functools.lru_cache(maxsize=None)
def _alpha3_of(alpha2: str) -> str | None:
    """A gazetteer country's alpha-2 code as the actors' alpha-3, by the country's name (not
    ``store.countries.alpha2_to_alpha3``, which reads the whole gazetteer file: seconds in each
    worker)."""
    from harmattan.actors.dictionary import country_by_name

    entry = _gazetteer().country(alpha2)
    if entry is None:
        return None
    name = entry.name.lower()
    return country_by_name().get(name) or country_by_name().get(name.removeprefix("the "))


def _placed_in_a_town(text: str) -> bool:
    """An agent phrase the dictionary coded by the town it ends with ("gang leaders in
    Valencia"), not by a country ("Authorities in Colombia")."""
    from harmattan.actors.dictionary import country_by_name

    placed = _AGENT_IN_TOWN.search(text)
    return placed is not None and placed.group(1).lower() not in country_by_name()


def _cities_of_the_country(per_sentence: list[tuple[Sentence, list[Actor]]]) -> None:
    """A city the actor dictionary gives to one country ("Cartagena", "Valencia", "Cordoba":
    Spain) in an article that names that country nowhere and names one other country with a
    large city of that name (Cartagena, Colombia; Valencia, Venezuela; Cordoba, Argentina):
    that country's city.  ("The cocaine, seized in the Caribbean port of Cartagena", in an
    article about Colombia and Mexico.)"""
    named = {a.code for _, actors in per_sentence for a in actors
             if a.code and not (a.entry or "").startswith("phoenix:countries:")
             and not _placed_in_a_town(a.text or "")}
    for _, actors in per_sentence:
        for actor in actors:
            if not actor.code or actor.code in named or not actor.text:
                continue
            if (actor.entry or "").startswith("phoenix:countries:"):
                name = actor.text
            else:
                # an agent the dictionary placed by its town ("gang leaders in Valencia")
                placed = _AGENT_IN_TOWN.search(actor.text)
                if placed is None:
                    continue
                name = placed.group(1)
            places = [(_alpha3_of(e.country.upper()), e.population) for e in _gazetteer().lookup(name)
                      if e.feature_code.startswith("PPL")]
            if not any(code == actor.code for code, _ in places):
                continue  # (not a city of the dictionary's country: a name of the country itself)
            meant = {code for code, population in places if code in named and population >= _CITY_POPULATION}
            if len(meant) == 1:
                actor.code = meant.pop()
                actor.entry = f"{actor.entry}+article-city"


def _main_country(actors: Any) -> str | None:
    """The country the article is about: the most named one (first named on a tie), not
    counting armed groups, whose country is what this decides."""
    from harmattan.actors.dictionary import country_codes

    countries = country_codes()  # never IGO, NGO, IMG or MNC
    counts = Counter(a.code for a in actors if a.code in countries and not _is_named_group(a))
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _place_before(english: str, french: str) -> re.Pattern[str]:
    """Words that end just before a place's name when it is where things happen: one of the
    ``english`` or ``french`` prepositions (regex alternatives), then a direction or region, or
    the kind of place ("in the town of", « dans un marché de », « dans la commune de »)."""
    return re.compile(
        rf"\b(?:{english})\s+(?:the\s+|an?\s+)?"
        r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|"
        r"north-?western|south-?eastern|south-?western)\s+)?"
        r"(?:(?:\w+\s+)?(?:town|city|village|capital|outskirts|municipality|market|suburb)\s+of\s+)?$"
        rf"|(?:^|\s)(?:{french})\s+(?:l[ea]\s+|l'|les\s+|une?\s+)?"
        r"(?:(?:nord|sud|est|ouest|centre|nord-est|nord-ouest|sud-est|sud-ouest|région|province|"
        r"ville|commune|localité|village|marché|cercle|département|quartier|périphérie|environs|"
        r"capitale|préfecture)"
        r"\s+(?:du|de\s+la|de\s+l'|des|de|d')\s*){0,2}$"
        # (« contre un village du nord du Burkina Faso », « une localité de la région de »)
        r"|(?:^|\s)(?:près|non\s+loin)\s+d['’]$"  # (« près d'Arbinda »)
        r"|(?:^|\s)(?:un|une|le|la)\s+(?:village|ville|localité|commune|camp|marché|hameau)\s+"
        r"(?:du|de\s+la|de\s+l'|des|de|d')\s*(?:(?:nord|sud|est|ouest|centre|nord-est|nord-ouest|sud-est|"
        r"sud-ouest|région|province)\s+(?:du|de\s+la|de\s+l'|des|de|d')\s*)?$",
        re.IGNORECASE,
    )


# French: « à Niamey », « au Mali », « dans le nord du Burkina Faso », « près de Gao »
_PLACE_BEFORE = _place_before("in|at|near|from|across|throughout|around|outside|inside",
                              "à|au|aux|en|dans|près d[e']|vers")


#: "Force" as a means, not a body: "use force", "by force", "the threat of force",
#: "threatened military force", « recourir à la force ».
_FORCE_AS_MEANS = re.compile(r"\b(?:use|uses|used|using|by|of|with|threatened|threaten|threatens|"
                             r"threatening|à\s+la|par\s+la)\s+(?:(?:military|armed|militaire)\s+)?$",
                             re.IGNORECASE)


def _force_as_means(text: str, actor: Actor) -> bool:
    if actor.start is None or ":agents:" not in (actor.entry or ""):
        return False
    words = actor.text.lower().split()
    if not words or words[-1] != "force" or len(words) > 2:
        return False
    before = text[max(0, actor.start - 30):actor.start]
    if len(words) == 2:  # "military force" found as one phrase
        return bool(_FORCE_AS_MEANS.search(before)) and words[0] in {"military", "armed"}
    return bool(_FORCE_AS_MEANS.search(before))


#: Agents that name a junta: "the junta", "the military government", « la junte ».
_JUNTA = re.compile(r"\b(?:junta|junte|military (?:government|rulers|regime)|"
                    r"coup leaders|putschists|putschistes|militaires au pouvoir)\b", re.IGNORECASE)


def _ruled_by_junta(code: str, day: Any) -> bool:
    from harmattan.actors.dictionary import ruled_by_junta

    return day is not None and ruled_by_junta(code, day)


def _junta_country(per_sentence: list[tuple[Sentence, list[Actor]]], day: Any) -> str | None:
    """The one country the article names that a junta ruled on its date (``juntas`` in
    sahel.yaml), else None: "the junta" of an article on Niger and France is Niger's, though
    France is named more."""
    if day is None:
        return None
    from harmattan.actors.dictionary import ruled_by_junta

    named = {a.code for _, actors in per_sentence for a in actors if a.code}
    ruled = {code for code in named if len(code) == 3 and ruled_by_junta(code, day)}
    return next(iter(ruled)) if len(ruled) == 1 else None


#: Bare agents who belong where they are: the people, not the state's agents abroad.
_PLACED_AGENTS = frozenset({"CVL", "OPP"})
#: Authorities that act at home (soldiers and spies are often abroad: "the soldier killed in
#: Syria" was British).
_SEATED_AUTHORITIES = frozenset({"GOV", "COP", "JUD", "LEG"})
#: A country named where things happen, not where they come from or go to.
_SEAT_BEFORE = _place_before("in|at|near|across|throughout|inside", "au|aux|en|dans")


def _country_codes() -> frozenset[str]:
    from harmattan.actors.dictionary import country_codes

    return frozenset(country_codes())


def _named_force(actor: Actor) -> bool:
    """A force (or a soldier) named by its own name: Wagner, Africa Corps, Barkhane."""
    return actor.actor_id is not None and actor.sector == "MIL" and not (actor.entry or "").startswith(
        ("countries:", "phoenix:countries:"))


def _acted_in(country: str, per_sentence: list[tuple[Sentence, list[Actor]]], text: str) -> bool:
    """The article tells of things happening in ``country``: it names it as a place, or names
    its security forces."""
    return any(a.code == country and (_named_as_place(text, a) or a.sector in {"MIL", "COP"})
               for _, actors in per_sentence for a in actors)


def _named_as_place(text: str, actor: Actor) -> bool:
    """A country named as where things happen: its capital ("in Niamey" → NER GOV), the
    country after a preposition of place ("protests in Niger"), or an agent placed in it
    ("the opposition leader in Bamako")."""
    if actor.start is None:
        return False
    entry = actor.entry or ""
    if not (entry.startswith("countries:") or (entry.startswith("phoenix:countries:")
                                               and actor.actor_id is None)):
        return ":agents:" in entry and bool(_PLACE_INSIDE.search(actor.text))
    from harmattan.actors.dictionary import town_names

    # (a town the dictionary lists is a place however it is named: "seized the town of Mansila",
    # "attacked Djibo")
    return actor.sector == "GOV" or actor.text.lower() in town_names() \
        or bool(_PLACE_BEFORE.search(text[max(0, actor.start - 40):actor.start]))


_PLACE_INSIDE = re.compile(r"\b(?:in|at|near)\b", re.IGNORECASE)
#: A country's mission or envoy abroad ("the French embassy in Niamey", « l'ambassadeur de
#: France »): where it stands, that country's authorities are not the ones acting.
_ABROAD = re.compile(r"\b(?:embass(?:y|ies)|consulates?|ambassadors?|envoys?|ambassades?|consulats?|"
                     r"ambassadeurs?|ambassadrices?|chargée?s? d'affaires)\b", re.IGNORECASE)
_AUTHORITY_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: A person named by the title of a head of state or government ("President Mohamed Bazoum",
#: "deposed President …", « le président Bazoum »).
_HEAD_TITLED = re.compile(r"^(?:(?:deposed|ousted|detained)\s+)?(?:President|Prime\s+Minister|"
                          r"[Pp]résidente?|Premier\s+ministre|Première\s+ministre)\b")
#: Forces named as what is to leave or is present ("demanded the departure of French
#: troops", « le retrait des forces françaises », "the presence of Russian mercenaries"): a
#: foreign force where things happen, not the authorities of the country they happen in.
_LEAVING_BEFORE = re.compile(
    r"\b(?:departure|withdrawal|exit|pull-?out|expulsion|ouster|presence)\s+of\s+"
    r"(?:the\s+|all\s+|remaining\s+)*$|"
    r"\b(?:départ|retrait|sortie|expulsion|présence)\s+(?:des|de\s+la|du|de\s+l')\s*$",
    re.IGNORECASE)


def _leaving_force(text: str, actor: Actor) -> bool:
    """A force named as what is to leave or is present (:data:`_LEAVING_BEFORE`)."""
    return actor.sector in {"MIL", "COP", "SPY"} and actor.start is not None \
        and bool(_LEAVING_BEFORE.search(text[max(0, actor.start - 40):actor.start]))


def _agents_country(per_sentence: list[tuple[Sentence, list[Actor]]], text: str,
                    named_forces: bool = False) -> str | None:
    """The country a bare agent ("officials", "the police") belongs to, when the article
    plainly is about that country's authorities: it names them ("Malian troops", "Niger's
    junta", "President Kabore"), names the country as the place where things happen, or names
    it in two sentences or more; the most named such country wins.  None otherwise — the
    junta in "the junta revoked its agreements with France" is not French (issue 11: the
    article's main country was wrong for 41% of the bare agents coded with it), nor are the
    police who disperse protesters outside "the French embassy in Niamey", nor the crowd
    that "demanded the departure of French troops" (issue 11).  A force named
    by its own name (Wagner, Barkhane) counts only when no other country qualifies: it fights
    far from its state ("Wagner fighters and Malian soldiers executed dozens of civilians in
    Moura": the civilians are Malian)."""
    from harmattan.actors.dictionary import country_codes

    countries = country_codes()
    counts: Counter[str] = Counter()
    sentences: dict[str, set[int]] = {}
    placed: set[str] = set()
    authorities: set[str] = set()
    for number, (_, actors) in enumerate(per_sentence):
        for actor in actors:
            if actor.code not in countries or _is_named_group(actor) or (
                    not named_forces and _named_force(actor)) or _ABROAD.search(actor.text or "") \
                    or _leaving_force(text, actor):
                continue
            counts[actor.code] += 1
            sentences.setdefault(actor.code, set()).add(number)
            if _named_as_place(text, actor):
                placed.add(actor.code)
            elif actor.sector in _AUTHORITY_SECTORS or (actor.actor_id and _HEAD_TITLED.match(actor.text or "")):
                # (a head of state or government named by the title, whatever role the
                # dictionary gives the person on the day: "members of the presidential guard
                # detained President Mohamed Bazoum" on the day of the coup)
                authorities.add(actor.code)
    qualified = [c for c in counts if c in placed or c in authorities or len(sentences[c]) >= 2]
    if not qualified:
        return None if named_forces else _agents_country(per_sentence, text, named_forces=True)
    # most named first, then named as a place, then first named (Counter keeps that order)
    return max(qualified, key=lambda c: (counts[c], c in placed))


#: Words by which a sentence points back at a party named before: object pronouns, definite
#: descriptions of a party ("the group", "the junta"), and "also"/"again", which say that the
#: source acts again in the same affair.  (Subject and possessive pronouns mostly point at
#: the source itself: "the army said its troops …".)
_REFERS_BACK = re.compile(
    r"\b(?:them|him|her|also|again|"
    r"the (?:group|junta|country|government|regime|militants|rebels|jihadists|latter|"
    r"organi[sz]ation|movement|bloc|attackers|authorities|militia|army))\b",
    re.IGNORECASE,
)


#: Subject pronouns that stand for a body named before ("It urged …", "They said …"); "he" and
#: "she" stand as often for a person the act before did not name as its source (on the act
#: annotations' train part they gave 2 sources right and 4 roles wrong): not read.
_SUBJECT_PRONOUNS_EN = frozenset({"it", "they"})


def _pronoun_sources(items: list[_Candidate]) -> None:
    """An act whose subject is a pronoun ("It urged a return to constitutional order") and
    which has no source is done by the source of the act told just before in the article, two
    sentences back at most (the French coder reads « il / elle » the same way): the pronoun's
    words, with the code of the party it stands for (entry ``…+pronoun``), as the annotation
    conventions write it."""
    from harmattan.events.roles import _subject_of

    previous: tuple[int, list[Actor]] | None = None
    for item in sorted(items, key=lambda c: c.sentence.index):
        doc = item.doc
        for event in item.events:
            if event.source or doc is None or previous is None or event.evidence.trigger_start is None \
                    or item.sentence.index - previous[0] > 2:
                continue
            at = event.evidence.trigger_start - item.sentence.start
            trigger = next((t for t in doc if t.idx == at), None)
            node = trigger
            while node is not None and node.dep_ == "conj" and node.head.i != node.i:
                if _subject_of(node)[0] is not None:
                    break
                node = node.head
            subject = _subject_of(node)[0] if node is not None else None
            if subject is not None and subject.lower_ in _SUBJECT_PRONOUNS_EN and subject.dep_ != "pobj":
                start = item.sentence.start + subject.idx
                event.source = [Actor(subject.text, a.code, a.sector, a.actor_id, start,
                                      start + len(subject.text), (a.entry or "") + "+pronoun")
                                for a in previous[1]]
        source = next((e.source for e in item.events if e.source and any(a.code for a in e.source)), None)
        if source:
            previous = (item.sentence.index, source)


#: A headline that names its speaker before or after a colon: "US Ambassador: FARC Have Not
#: Complied With Colombia Peace Deal", "No FARC In Ecuador: Foreign Minister".
_HEADLINE_COLON = re.compile(r"^([^:]+?):\s+([^:]+)$")
#: What a headline's speaker says of the party its claim names: a criticism, a rejection, a
#: demand, a threat.
_SAID_OF_ANOTHER = frozenset({"DISAPPROVE", "REJECT", "DEMAND", "THREATEN"})
#: A claim that denies or obliges ("have not complied", "will not return", "must do more"): the
#: act is the speaker's criticism, rejection or demand, not a speech act of the claim's own
#: subject ("UN Condemns Attack on Peacekeepers: Officials" stays the UN's).
_CLAIM_WORDS = re.compile(r"\b(?:not|never|no|must|should|needs? to|ha(?:s|ve) to)\b|n't\b", re.IGNORECASE)


def _headline_speakers(items: list[_Candidate]) -> None:
    """A headline that names its speaker by a colon tells what the speaker says: the speaker
    is the source of the criticism, rejection, demand or threat a denying or obliging claim
    states, and the party the claim's subject names is what it is said of ("Morales: DEA Will
    Not Return to Bolivia" is Bolivia's rejection of the DEA, not the DEA's refusal).  The
    speaker is one to five words, all of them a person, an office or a body of the dictionary
    (but one), not a bare country nor a word that labels the piece ("Venezuela: Where the
    Traffickers Wear Military Uniforms", "Timeline: …")."""
    for item in items:
        if item.sentence.index != 0 or not item.events:
            continue
        found = _HEADLINE_COLON.match(item.sentence.text.rstrip(" .!"))
        if found is None:
            continue
        base = item.sentence.start
        for event in item.events:
            at = event.evidence.trigger_start
            if event.plover is None or event.plover.event not in _SAID_OF_ANOTHER or at is None:
                continue
            side, claim = (2, 1) if at < base + found.end(1) else (1, 2)
            start, end = base + found.start(side), base + found.end(side)
            speaker = [a for a in item.actors if a.start is not None and start <= a.start and a.end <= end]
            words = found.group(side).split()
            named = sum(len((a.text or "").split()) for a in speaker)
            if not speaker or len(words) > 5 or len(words) - named > 1 or not _CLAIM_WORDS.search(found.group(claim)) \
                    or not all(a.sector or a.actor_id or a.code in {"IGO", "NGO"} for a in speaker):
                continue
            said_of = [a for a in event.source if a.start is not None and not start <= a.start < end]
            event.source = [Actor(a.text, a.code, a.sector, a.actor_id, a.start, a.end,
                                  (a.entry or "") + "+headline-speaker") for a in speaker]
            if said_of:
                event.target = said_of


#: Last words of a party that is many people, not one ("a death squad", "the cartel").
_COLLECTIVE_WORDS = frozenset("""
    squad group gang cartel police army military force government ministry office junta council
    network organization organisation ring cell militia party family clan unit band faction
    movement coalition alliance state country people navy guard command court congress parliament
    assembly senate administration regime agency department commission committee
""".split())


def _may_be_one_person(actor: Actor) -> bool:
    """A party "him" or "her" can stand for: a person of the dictionary or named in the text,
    or one in an office ("the French ambassador"); not a country, a group, a body, nor many
    ("police officers")."""
    entry = actor.entry or ""
    if actor.actor_id is not None or "person" in entry:
        return True
    if "countries:" in entry or not actor.text.strip():
        return False
    last = actor.text.split()[-1]
    if last.lower() in _COLLECTIVE_WORDS:
        return False
    return not (last.endswith("s") and last[:1].islower())


def _the_country_named_before(items: list[_Candidate]) -> None:
    """An act with no target that is done to "the country", a country the same sentence named
    before ("ECOWAS imposed sanctions on Niger and closed its members' borders with the
    country"): the act is aimed at that country — the words "the country", with its code
    (entry ``…+anaphor``), as the annotation conventions write a pointer back."""
    from harmattan.actors.dictionary import country_codes

    countries = country_codes()
    for item in items:
        doc = item.doc
        if doc is None or not item.events or "the country" not in item.sentence.text.lower():
            continue
        for event in item.events:
            if event.target or event.evidence.trigger_start is None:
                continue
            at = event.evidence.trigger_start - item.sentence.start
            trigger = next((t for t in doc if t.idx == at), None)
            noun = next((t for t in doc if t.lower_ == "country" and t.i > 0 and doc[t.i - 1].lower_ == "the"
                         and t.dep_ in {"pobj", "dobj"} and trigger is not None
                         and _in_the_clause_of(t, trigger)), None)
            if noun is None:
                continue
            start = item.sentence.start + doc[noun.i - 1].idx
            own = {a.code for a in event.source}
            named = [a for a in item.actors if a.code in countries and a.code not in own
                     and a.sector in {"", "GOV"} and a.start is not None and a.start < start]
            if named:
                last = named[-1]
                event.target = [Actor("the country", last.code, last.sector, last.actor_id, start,
                                      start + len("the country"), (last.entry or "") + "+anaphor")]


def _in_the_clause_of(token: Any, trigger: Any) -> bool:
    """The token hangs on the trigger with no other verb between ("suspended aid to the
    country"; not "seized properties from a frontman … who was extradited … in the country",
    where the country is the relative clause's)."""
    for node in token.ancestors:
        if node.i == trigger.i:
            return True
        if node.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _carry_targets(events: list[Event], window: int) -> None:
    """An act with no target, by a source who just acted on someone, is aimed at them too —
    when its sentence points back at them (``_REFERS_BACK``).

    "ECOWAS negotiated with the coup leaders in Niger. ECOWAS also said military intervention
    may be necessary." — the threat is aimed at Niger; "… On Tuesday, Malian soldiers
    protested over unpaid wages" is aimed at no one named before.
    """
    if window <= 0:
        return
    for i, event in enumerate(events):
        if event.target or not event.source or (event.cameo and event.cameo.code == _GOODS_SEIZED):
            continue  # (goods seized are no one's: "Colombian authorities also reported confiscating two firearms")
        # (not the source's own words: "These rumors have been denied by the government")
        spans = [(a.start - event.evidence.start, a.end - event.evidence.start)
                 for a in event.source if a.start is not None and a.end is not None]
        pointers = {m.group(0).lower() for m in _REFERS_BACK.finditer(event.evidence.sentence)
                    if not any(m.start() < end and start < m.end() for start, end in spans)}
        if not pointers:
            # Carried over without a word that points back, the target was wrong every time
            # in a sample of real news (issue 11).
            continue
        # "him" or "her" points back at one person, not at a group or a body ("have accused
        # Rivera of having been part of a death squad. … charged him again": not the squad)
        person_only = bool(pointers & {"him", "her"})
        codes = {(a.code, a.actor_id) for a in event.source}
        for previous in reversed(events[max(0, i - 4 * window):i]):
            if previous.evidence.start < event.evidence.start and {
                (a.code, a.actor_id) for a in previous.source
            } & codes and previous.target:
                if person_only and not any(_may_be_one_person(t) for t in previous.target):
                    break
                event.target = [
                    Actor(t.text, t.code, t.sector, t.actor_id, t.start, t.end,
                          (t.entry or "") + "+discourse")
                    for t in previous.target
                ]
                break

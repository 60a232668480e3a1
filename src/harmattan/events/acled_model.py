"""The learned ACLED classifier: one decision per incident, over all its sentences.

It reads what the coder already has for each sentence — the sentence model's vector
(``SentencePrediction.embedding``) and its quad / PLOVER probabilities — and the keyword
families of the ACLED rules (``events/acled.py``), pooled over the incident's sentences, and
gives one of ACLED's 25 sub-event types or ``NONE``.  A multinomial logistic regression,
trained by ``harmattan train acled`` (``training/acled_classifier.py``) and read here from
JSON with numpy only.  Model card: ``resources/models/acled-classifier/README.md``.

An incident is a snippet or a short article (up to :data:`MAX_INCIDENT_SENTENCES` sentences,
the length of the snippets it was trained on); in a longer article each sentence that could
hold an ACLED event is decided alone.
"""

from __future__ import annotations

import hashlib
import re
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from harmattan.events import acled as rules
from harmattan.schema import PLOVER_EVENTS

if TYPE_CHECKING:
    from harmattan.events.classifier import SentencePrediction

ACLED_MODEL_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "acled-classifier"
NONE = "NONE"
#: The classes, in the order of the model's output: the 25 sub-event types, then NONE.
CLASSES: tuple[str, ...] = (*rules.SUB_EVENT_TYPES, NONE)
#: Kinds of non-event the model learns apart (CASE 2021's labels for what ACLED does not
#: record: diplomacy, a claim or attribution, accidents, natural disasters, organised crime).
#: NONE is a mix of unlike texts; one class per kind fits them better.  The model's output for
#: them is added to NONE's: the classifier still answers one of :data:`CLASSES`.
NONE_KINDS: tuple[str, ...] = ("DIPLO", "ATTRIB", "MAN_MADE_DISASTER", "NATURAL_DISASTER", "ORG_CRIME")
#: The model's own classes: :data:`CLASSES`, then ``NONE:<kind>`` for each of :data:`NONE_KINDS`.
MODEL_CLASSES: tuple[str, ...] = (*CLASSES, *(f"{NONE}:{kind}" for kind in NONE_KINDS))
#: The longest text decided as one incident (CASE 2021 snippets run to 6 sentences).
MAX_INCIDENT_SENTENCES = 6
EMBEDDING_SIZE = 384

_STATE_FORCES = (r"(?:army|armed forces|troops|soldiers|the military|government forces|security forces|"
                 r"national guard|police|pro-government forces|government troops|loyalist forces)")
_NON_STATE = (r"(?:militants?|rebels?|insurgents?|jihadists?|fighters|gunmen|islamists?|extremists?|"
              r"separatists?|militias?|militiamen|al-shabaab|shabaab|taliban|houthis?|boko haram|"
              r"islamic state|isis|iswap|jnim|wagner)")
_PLACE = (r"(?:the |a |an )?(?:\w+ )?(?:town|city|village|area|district|region|province|base|camp|"
          r"position|territory|port|airport|border post|hill)s?")
_TAKE_VERB = (rf"(?:recaptur\w*|retook|retaken|regain\w*|liberat\w*|took control|taken control|"
              rf"seized control|(?:seiz|captur)\w* {_PLACE}|overr(?:an|un)|took over|taken over)")
#: Who takes the territory, the codebook's line between "Government regains territory" and
#: "Non-state actor overtakes territory": state forces as the subject of taking, or taking back
#: from a non-state group; a non-state group as the subject, or a place that fell to one.
_STATE_TAKES = re.compile(rf"\b{_STATE_FORCES}\b[^.;]{{0,80}}\b{_TAKE_VERB}|\b{_TAKE_VERB}\b[^.;]{{0,60}}"
                          rf"\bfrom (?:the )?(?:\w+ )?{_NON_STATE}\b", re.IGNORECASE)
_NON_STATE_TAKES = re.compile(rf"\b{_NON_STATE}\b[^.;]{{0,80}}\b{_TAKE_VERB}|\bfell (?:in)?to (?:the )?"
                              rf"(?:\w+ )?{_NON_STATE}\b|\b{_TAKE_VERB}\b[^.;]{{0,60}}\bfrom (?:the )?"
                              rf"(?:\w+ )?{_STATE_FORCES}\b", re.IGNORECASE)

#: Keyword families of the rules, read on the whole incident.
FAMILIES: dict[str, Any] = {
    "disaster": rules._DISASTER, "accident": rules._ACCIDENT, "accident_cause": rules._ACCIDENT_CAUSE,
    "animal": rules._ANIMAL, "sport": rules._SPORT, "economy": rules._ECONOMY,
    "retrospective": rules._RETROSPECTIVE, "crime": rules._CRIME, "diplomacy": rules._DIPLOMACY,
    "claim": rules._CLAIM, "chemical": rules._CHEMICAL, "air": rules._AIR, "suicide": rules._SUICIDE,
    "shelling": rules._SHELLING, "ied": rules._IED, "grenade": rules._GRENADE, "blast": rules._BLAST,
    "disrupted": rules._DISRUPTED, "protest": rules._PROTEST, "rioter": rules._RIOTER, "mob": rules._MOB,
    "mob_strong": rules._MOB_STRONG, "violent_demo": rules._VIOLENT_DEMO, "excessive": rules._EXCESSIVE,
    "intervention": rules._INTERVENTION, "retake": rules._RETAKE, "take": rules._TAKE,
    "sexual": rules._SEXUAL, "abduct": rules._ABDUCT, "clash": rules._CLASH, "attack": rules._ATTACK,
    "armed_target": rules._ARMED_TARGET, "agreement": rules._AGREEMENT, "arrest": rules._ARREST,
    "base": rules._BASE, "transfer": rules._TRANSFER, "change": rules._CHANGE, "looting": rules._LOOTING,
    "coup": rules._COUP, "other": rules._OTHER, "violent_verb": rules._VIOLENT_VERB,
    "lethal_force": rules._LETHAL_FORCE, "crowd": rules._CROWD, "business": rules._BUSINESS,
    "announced": rules._ANNOUNCED, "accused_of_act": rules._ACCUSED_OF_ACT,
    "state_takes": _STATE_TAKES, "non_state_takes": _NON_STATE_TAKES,
}
INTER_WORDS = (1, 2, 3, 4, 5, 6, 7, 8)


def feature_names() -> list[str]:
    names = [f"first_{i}" for i in range(EMBEDDING_SIZE)] + [f"mean_{i}" for i in range(EMBEDDING_SIZE)]
    names += [f"quad_mean_{i}" for i in range(5)] + [f"quad_max_{i}" for i in range(5)]
    names += [f"plover_mean_{e}" for e in PLOVER_EVENTS] + [f"plover_max_{e}" for e in PLOVER_EVENTS]
    names += [f"rule_sentence_{c}" for c in CLASSES] + [f"rule_incident_{c}" for c in CLASSES]
    names += [f"kw_{k}" for k in FAMILIES] + [f"inter_{i}" for i in INTER_WORDS]
    names += ["fatalities", "casualty_phrase", "keywords_any", "sentences", "cut_off"]
    return names


def incident_features(sentences: list[str], predictions: list[SentencePrediction]) -> np.ndarray:
    """The classifier's input for one incident: its sentences, in order, and the sentence
    model's prediction for each."""
    text = " ".join(sentences)
    vectors = np.asarray([p.embedding if p.embedding is not None else np.zeros(EMBEDDING_SIZE)
                          for p in predictions], dtype=np.float64)
    quads = np.asarray([p.quad_probs for p in predictions], dtype=np.float64)
    plovers = np.asarray([[p.plover_probs.get(e, 0.0) for e in PLOVER_EVENTS] for p in predictions])
    rule_sentence = np.zeros(len(CLASSES))
    for sentence in sentences:
        coded = rules.classify(sentence)
        rule_sentence[CLASSES.index(coded[1] if coded else NONE)] = 1.0
    if len(sentences) == 1:
        rule_incident = rule_sentence  # the same reading; half the cost in long articles
    else:
        rule_incident = np.zeros(len(CLASSES))
        coded = rules.classify(text)
        rule_incident[CLASSES.index(coded[1] if coded else NONE)] = 1.0
    families = [1.0 if pattern.search(text) else 0.0 for pattern in FAMILIES.values()]
    words = set(rules._text_inters(text))
    inters = [1.0 if i in words else 0.0 for i in INTER_WORDS]
    fatal = rules.find_fatalities(text)
    last = sentences[-1].rstrip() if sentences else ""
    extra = [np.log1p(fatal["fatalities"]) if fatal else 0.0,
             1.0 if rules._CASUALTY_PHRASE.search(text) else 0.0,
             1.0 if any(rules.acled_keywords(s) for s in sentences) else 0.0,
             float(len(sentences)), 0.0 if last.endswith((".", "!", "?", '"', "”", "'")) else 1.0]
    return np.concatenate([vectors[0], vectors.mean(axis=0), quads.mean(axis=0), quads.max(axis=0),
                           plovers.mean(axis=0), plovers.max(axis=0), rule_sentence, rule_incident,
                           families, inters, extra])


def text_key(sentences: list[str]) -> str:
    """The key of an incident in the out-of-fold file: a hash of its sentences."""
    return hashlib.sha1("\n".join(s.strip() for s in sentences).encode("utf-8")).hexdigest()[:16]


#: A model folder other than the shipped one (e.g. one retrained with ``--out``).
def default_model_dir() -> Path:
    return Path(os.environ.get("HARMATTAN_ACLED_MODEL") or ACLED_MODEL_DIR)


class AcledClassifier:
    """Sub-event type (or NONE) of an incident.  ``initialize()`` reads ``weights.json``.

    ``cross_validated=True`` answers, for an incident the model was trained on (the CASE 2021
    dev snippets), with the prediction of the fold model that did not see it (``oof.json``):
    the honest figure on its own training data (``harmattan eval acled --cross-validated``).
    """

    def __init__(self, model_dir: Path | None = None, cross_validated: bool = False) -> None:
        self.model_dir = model_dir
        self.cross_validated = cross_validated

    def initialize(self) -> AcledClassifier:
        folder = self.model_dir or default_model_dir()
        weights = json.loads((folder / "weights.json").read_text(encoding="utf-8"))
        if tuple(weights["classes"]) != MODEL_CLASSES or weights["features"] != feature_names():
            raise ValueError(f"{folder}/weights.json was trained for other classes or features: "
                             "retrain with `harmattan train acled`")
        self.mean_ = np.asarray(weights["mean"])
        self.scale_ = np.asarray(weights["scale"])
        self.coef_ = np.asarray(weights["coef"])
        self.intercept_ = np.asarray(weights["intercept"])
        self.min_probability_ = float(weights.get("min_probability", 0.0))
        self.oof_: dict[str, list[float]] = {}
        if self.cross_validated:
            self.oof_ = json.loads((folder / "oof.json").read_text(encoding="utf-8"))
        return self

    def probabilities(self, sentences: list[str], predictions: list[SentencePrediction]) -> np.ndarray:
        held = self.oof_.get(text_key(sentences)) if self.oof_ else None
        if held is not None:
            return np.asarray(held)
        x = incident_features(sentences, predictions)
        logits = ((x - self.mean_) / self.scale_) @ self.coef_.T + self.intercept_
        logits -= logits.max()
        probs = np.exp(logits)
        return fold_none_kinds(probs / probs.sum())

    def decide(self, sentences: list[str], predictions: list[SentencePrediction]) -> tuple[str, float]:
        """The sub-event type (or NONE) and its probability."""
        probs = self.probabilities(sentences, predictions)
        return decision(probs, self.min_probability_)


def fold_none_kinds(probs: np.ndarray) -> np.ndarray:
    """Probabilities over :data:`MODEL_CLASSES` (last axis) as probabilities over
    :data:`CLASSES`: the kinds of non-event add up to NONE."""
    folded = probs[..., :len(CLASSES)].copy()
    folded[..., CLASSES.index(NONE)] += probs[..., len(CLASSES):].sum(axis=-1)
    return folded


def decision(probs: np.ndarray, min_probability: float = 0.0) -> tuple[str, float]:
    """The most probable class; an ACLED type below ``min_probability`` is NONE."""
    best = int(np.argmax(probs))
    label = CLASSES[best]
    if label != NONE and probs[best] < min_probability:
        return NONE, float(probs[-1])
    return label, float(probs[best])


def _diplomatic_protest(event: Any) -> bool:
    """A state's or a body of states' protest, which the coder types DISAPPROVE."""
    from harmattan.events.coder import _a_state

    return event.plover is not None and event.plover.event == "DISAPPROVE" and bool(event.source) and all(
        _a_state(a) for a in event.source)


def sure_not_recorded(text: str) -> bool:
    """The rules that are sure ACLED would not record the incident, whatever the model reads:
    a claim of responsibility, an accident with a stated cause, sport, leaving an organisation
    or a treaty ("announced their withdrawal from ECOWAS"), a designation as a terrorist group."""
    fighting = rules.re.search(r"\b(?:fought|clashed|attacked|stabbed|killed|injur\w*|wounded)\b", text,
                               rules.re.IGNORECASE)
    return bool(rules._CLAIM.search(text)
                or (rules._LEAVE_BODY.search(text) and not fighting)
                or (rules._DESIGNATION.search(text) and not fighting)
                or (rules._ACCIDENT_CAUSE.search(text) and not rules._ATTACK.search(text))
                or (rules._SPORT.search(text) and not fighting and not rules._PROTEST.search(text)))


def decide_incidents(model: AcledClassifier, predict: Any, items: list[Any], events: list[Any],
                     acled_only: list[Any]) -> list[Any]:
    """One article's events with the ACLED type of each incident decided by ``model``.

    ``items``: the article's sentences as the coder holds them (``sentence``, ``prediction``,
    ``actors``, ``country``, ``article``); ``predict``: the sentence model, for the sentences
    the coder did not read; ``acled_only``: the events made for ACLED alone (they go when the
    model finds no ACLED event).  In each incident one event carries the type: the one whose
    own sentence tells it (the rules' reading agrees), else the surest; the others carry none.
    """
    from harmattan.events.acled import (ACLED_ONLY_CONFIDENCE, ACLED_TO_PLOVER, SUB_EVENT_TYPES,
                                        acled_keywords, acled_only_event, code_acled, find_fatalities)
    from harmattan.events.coder import DEFAULT_CAMEO, _main_verb, _natural_death, _question
    from harmattan.schema import PLOVER_QUAD, CameoCode, PloverCode

    if not items:
        return events
    by_sentence = len(items) > MAX_INCIDENT_SENTENCES
    if not by_sentence:
        windows = [items]
    else:
        # A sentence the coder neither read nor gave an event is left alone: reading it here
        # would cost a pass of the sentence model for text the rules found nothing in.
        coded = {e.evidence.start for e in events if e.acled}
        windows = [[it] for it in items if it.sentence.start in coded
                   or (it.prediction is not None and acled_keywords(it.sentence.text))]
    unread = [it for window in windows for it in window if it.prediction is None]
    for item, prediction in zip(unread, predict([it.sentence.text for it in unread]) if unread else []):
        item.prediction = prediction
    only = {id(e) for e in acled_only}
    dropped: set[int] = set()
    for window in windows:
        sentences = [it.sentence.text for it in window]
        label, probability = model.decide(sentences, [it.prediction for it in window])
        inside = [e for e in events if window[0].sentence.start <= e.evidence.start < window[-1].sentence.end]
        if label == NONE or sure_not_recorded(" ".join(sentences)):
            for event in inside:
                if id(event) in only:
                    dropped.add(id(event))
                event.acled = None
            continue
        decided = (SUB_EVENT_TYPES[label], label)
        if decided[0] == "Protests" and inside and all(_diplomatic_protest(e) for e in inside):
            # "Turkey protested against the appointment": a state's words, no demonstration
            for event in inside:
                event.acled = None
            continue
        able = [e for e in inside if not (e.modality.negated or e.modality.hypothetical or e.modality.future)]
        lead = max(able, key=lambda e: ((e.acled or {}).get("sub_event_type") == label,
                                         (e.acled or {}).get("event_type") == decided[0],
                                         e.confidence, -e.evidence.start), default=None)
        # (a sentence that tells someone still held gives no incident: "Bazoum remains detained")
        # (nor does a question: "Who killed the mayor of Tiquicheo?")
        # (nor, in a long article read sentence by sentence, one the act gate read as no act:
        # "Attacks on journalists soared in 2019", "30,000 people have been arrested since 2006";
        # a snippet's incident is decided from all its sentences, as the model was trained)
        # (nor a death no one caused: "one man under investigation recently killed himself",
        # "died of cholera")
        # (nor one whose own acts are all announced or hedged: "France announced it will
        # withdraw its troops from Mali" has withdrawn no one yet; not denied, as a clause
        # beside the incident may be: "Several rockets struck …; no casualties were reported")
        free = [it for it in window if not getattr(it, "held", False) and not _question(it.sentence.text)
                and not (getattr(it, "events", None) and all(
                    e.modality.hypothetical or e.modality.future for e in it.events))
                and not (by_sentence and getattr(it, "refused", False))
                and not (getattr(it, "doc", None) is not None and _natural_death(it.doc, _main_verb(it.doc)))]
        if lead is None and probability >= 0.5 and free:
            item = next((it for it in free if acled_keywords(it.sentence.text)), free[0])
            lead = acled_only_event(item.article, item.sentence, item.actors, country=item.country,
                                    decided=decided)
            if lead is not None:
                if item.prediction is not None:
                    lead.cameo.quad_class = item.prediction.quad_class
                etype = ACLED_TO_PLOVER.get(label)
                if etype is not None:
                    lead.plover = PloverCode(etype, "", [])
                    lead.cameo = CameoCode(quad_class=PLOVER_QUAD[etype], code=DEFAULT_CAMEO[etype])
                lead.confidence = ACLED_ONLY_CONFIDENCE
                events.append(lead)
        for event in inside:
            if event is not lead:
                if id(event) in only:
                    dropped.add(id(event))
                event.acled = None
        if lead is None:
            continue
        lead.acled = code_acled(lead.plover.event if lead.plover else None, lead.cameo.code,
                                lead.evidence.sentence, lead.source, lead.target, None,
                                offset=lead.evidence.start, country=window[0].country, decided=decided)
        lead.acled["probability"] = round(probability, 3)
        if not lead.acled.get("fatalities") and decided[0] != "Strategic developments":
            for item in window:
                fatal = find_fatalities(item.sentence.text, item.sentence.start)
                if fatal:
                    lead.acled.update(fatal)
                    break
    kept = [e for e in events if id(e) not in dropped]
    kept.sort(key=lambda e: e.evidence.start)
    return kept

"""Is it an act?  A learned gate over the sentences the coder would code.

Most sentences of real news that hold an event word report no specific act: opinion and
analysis, statistics and trends, ongoing states, predictions, generic statements.  The gate
reads a sentence — the sentence model's vector and class probabilities, a few features of
its parse (tense and mood of the main verb, hedges, numbers, time expressions), and, when its
weights have one (``harmattan train gate --lexical``; the shipped gate has none), the logit of
a lexical head over its words (lemma unigrams and bigrams with actors as a placeholder, the
main verb's form, the triggers), and, when its weights name one (the shipped gate does), the
act reader's reading of the sentence (``events/act_model.py``, a fine-tuned sentence model) —
and gives three probabilities: a specific act that is the
news (``act``), a specific past act told as background (``background``), or no act
(``none``).

The weights are a multinomial logistic regression trained on sentences of real news annotated
here (``annotations/acts/``) by ``harmattan train gate``; see the model card next to them
(``resources/models/act-gate/MODEL_CARD.md``).  Runtime: numpy, and onnxruntime for the act
reader.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from harmattan.schema import PLOVER_EVENTS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from harmattan.events.classifier import SentencePrediction
    from harmattan.schema import Actor, Event

GATE_DIR = Path(__file__).resolve().parents[1] / "resources" / "models" / "act-gate"


def default_gate_dir() -> Path:
    """The shipped gate's folder, or ``$HARMATTAN_GATE_MODEL`` (e.g. a retrained one)."""
    return Path(os.environ.get("HARMATTAN_GATE_MODEL") or GATE_DIR)

GATE_CLASSES = ("act", "background", "none")
#: Inputs the act reader adds to the gate vector (events/act_model.py, ``act_features``).
ACT_INPUTS = 2

_HEDGES = re.compile(
    r"\b(?:may|might|could|would|should|perhaps|possibly|probably|likely|unlikely|appears?|"
    r"seems?|suggests?|believed|thought|expected|apparently|reportedly|allegedly|potential(?:ly)?)\b",
    re.IGNORECASE)
_GENERIC = re.compile(
    r"\b(?:often|usually|typically|generally|frequently|regularly|traditionally|always|never|"
    r"increasingly|continues? to|remains?|tend to|has long|for years|for decades)\b", re.IGNORECASE)
_STATISTIC = re.compile(
    r"(?:%|\bper ?cent\b|\bpercent\b|\brate\b|\bnumber of\b|\bfigures?\b|\bstatistics\b|"
    r"\baverage\b|\btotal of\b|\bincreased?\b|\bdecreased?\b|\brose\b|\bfell\b|\bdropped\b|"
    r"\bsince (?:19|20)\d\d\b|\bbetween (?:19|20)\d\d and\b|\bper year\b|\bannually\b)", re.IGNORECASE)
_PAST_YEAR = re.compile(r"\b(?:in|since|during|by|until) (?:(?:early|late|mid)[- ])?(?:19|20)\d\d\b",
                        re.IGNORECASE)
_TIME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"last (?:week|month|night|year)|this (?:week|month|morning)|earlier this|on (?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december)|"
    r"(?:january|february|march|april|june|july|august|september|october|november|december) "
    r"\d{1,2}\b)", re.IGNORECASE)
_ATTRIBUTION = re.compile(r"\b(?:according to|said|says|told|reported|announced|stated|"
                          r"confirmed|claimed|added)\b", re.IGNORECASE)
_LIGHT = frozenset("be have come accord seem appear remain become continue make take get go "
                   "do exist include involve represent".split())
_FIRST_PERSON = re.compile(r"\b(?:I|we|our|us|my)\b")

#: Hand features, in order (the model card lists them).
FEATURES = (
    "bias", "hedge", "generic", "statistic", "past_year", "time", "attribution", "digits",
    "quote", "question", "first_person", "headline", "length", "n_actors", "named_actor",
    "root_past", "root_present", "root_perfect", "root_progressive", "root_modal", "root_future",
    "root_passive", "root_light", "root_not_verb", "p_event",
    "n_events", "confidence", "has_source", "has_target", "source_named", "target_named",
    "acled_only", "negated", "hypothetical",
) + tuple(f"type_{e}" for e in PLOVER_EVENTS)


def hand_features(text: str, doc: Doc | None, actors: list[Actor], index: int,
                  p_event: float, events: list[Event]) -> list[float]:
    """The gate's hand features of one sentence and the events coded on it (see
    :data:`FEATURES`)."""
    main = events[0] if events else None
    main_type = main.plover.event if main is not None and main.plover is not None else None
    root = _main_token(doc) if doc is not None else None
    tag = root.tag_ if root is not None else ""
    children = list(root.children) if root is not None else []
    aux = [c for c in children if c.dep_ in {"aux", "auxpass"}]
    aux_lemmas = {c.lemma_.lower() for c in aux}
    aux_tags = {c.tag_ for c in aux}
    words = len(text.split())
    return [
        1.0,
        float(bool(_HEDGES.search(text))),
        float(bool(_GENERIC.search(text))),
        float(bool(_STATISTIC.search(text))),
        float(bool(_PAST_YEAR.search(text))),
        float(bool(_TIME.search(text))),
        float(bool(_ATTRIBUTION.search(text))),
        min(3.0, sum(ch.isdigit() for ch in text) / 4.0),
        float(any(q in text for q in '"“”')),
        float(text.rstrip().endswith("?")),
        float(bool(_FIRST_PERSON.search(text))),
        float(index == 0),
        min(2.0, words / 40.0),
        min(3.0, len(actors) / 2.0),
        float(any(a.actor_id for a in actors)),
        float(tag == "VBD" and not aux),
        float(tag in {"VBZ", "VBP"} or bool(aux_tags & {"VBZ", "VBP"}) and "have" not in aux_lemmas),
        float("have" in aux_lemmas),
        float(tag == "VBG" and "be" in aux_lemmas),
        float(bool(aux_tags & {"MD"}) and "will" not in aux_lemmas),
        float("will" in aux_lemmas or "going" in {c.lower_ for c in children}),
        float(any(c.dep_ == "auxpass" for c in children)),
        float(root is not None and root.lemma_.lower() in _LIGHT),
        float(root is None or root.pos_ not in {"VERB", "AUX"}),
        p_event,
        min(3.0, float(len(events))),
        max((e.confidence for e in events), default=0.0),
        float(any(e.source for e in events)),
        float(any(e.target for e in events)),
        float(any(a.actor_id for e in events for a in e.source)),
        float(any(a.actor_id for e in events for a in e.target)),
        float(main is not None and main.plover is None),
        float(main is not None and main.modality.negated),
        float(main is not None and (main.modality.hypothetical or main.modality.future)),
    ] + [float(main_type == e) for e in PLOVER_EVENTS]


def lexical_features(text: str, doc: Doc | None, actors: list[Actor],
                     events: list[Event]) -> list[str]:
    """The gate's lexical features of a sentence, for its lexical head: the lemmas and the
    lowercased words of the sentence, and its lemma bigrams, with each actor's words as one
    ``<A>`` and numbers as ``<N>``; the main verb's lemma, tag, auxiliaries with tag, and
    dependents' relations; the triggers of the events coded on it."""
    if doc is None or not len(doc):
        return []
    spans = []
    for actor in actors:
        if actor.text:
            at = text.find(actor.text)
            while at >= 0:
                spans.append((at, at + len(actor.text)))
                at = text.find(actor.text, at + 1)
    lemmas: list[str] = []
    words: list[str] = []
    for token in doc:
        if token.is_punct:
            continue
        if any(start <= token.idx < end for start, end in spans):
            lemma = word = "<A>"
        elif token.like_num or any(ch.isdigit() for ch in token.text):
            lemma = word = "<N>"
        else:
            lemma, word = token.lemma_.lower(), token.text.lower()
        if lemmas and lemmas[-1] == lemma == "<A>":
            continue
        lemmas.append(lemma)
        words.append(word)
    out = [f"u:{w}" for w in lemmas]
    out += [f"b:{a}_{b}" for a, b in zip(["<s>"] + lemmas, lemmas + ["</s>"])]
    out += [f"w:{w}" for w in words]
    root = _main_token(doc)
    if root is not None:
        aux = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
        out += [f"r:{root.lemma_.lower()}", f"rt:{root.tag_}",
                "ra:" + "+".join(c.lemma_.lower() for c in aux) + f"|{root.tag_}"]
        out += [f"rc:{c.dep_}" for c in root.children]
    out += [f"tg:{e.evidence.trigger.lower()}" for e in events if e.evidence.trigger]
    return sorted(set(out))


def _main_token(doc: Doc):
    from harmattan.events.coder import _main_verb

    if not len(doc):
        return None
    return doc[_main_verb(doc)]


def gate_vector(text: str, prediction: SentencePrediction, doc: Doc | None,
                actors: list[Actor], index: int, events: list[Event]) -> np.ndarray:
    """The gate's input: hand features, the events coded on the sentence, the sentence
    model's quad and PLOVER probabilities, and its vector."""
    p_event = 1.0 - prediction.quad_probs[0]
    embedding = prediction.embedding or ()
    return np.concatenate([
        np.asarray(hand_features(text, doc, actors, index, p_event, events), dtype=np.float64),
        np.asarray(prediction.quad_probs, dtype=np.float64),
        np.asarray([prediction.plover_probs.get(e, 0.0) for e in PLOVER_EVENTS], dtype=np.float64),
        np.asarray(embedding, dtype=np.float64),
    ])


#: The type head's own features, before the sentence-model part of its input.
TYPE_FEATURES = tuple(f"pattern_{e}" for e in PLOVER_EVENTS) + tuple(
    f"main_pattern_{e}" for e in PLOVER_EVENTS) + ("main_pattern_specific",
                                                   "main_pattern_decisive")


def type_vector(text: str, prediction: SentencePrediction, doc: Doc | None, actors: list[Actor],
                index: int, pattern_types: list[str],
                main_pattern: tuple[str, int, bool] | None) -> np.ndarray:
    """The type head's input: the act types the sentence's verb patterns state (all, and the
    one a single-event reading picks, with its specificity and whether it is decisive), the
    gate's sentence features without the events, the sentence model's probabilities and its
    vector."""
    p_event = 1.0 - prediction.quad_probs[0]
    hand = hand_features(text, doc, actors, index, p_event, [])
    own = [float(e in pattern_types) for e in PLOVER_EVENTS]
    own += [float(main_pattern is not None and main_pattern[0] == e) for e in PLOVER_EVENTS]
    own.append(float(main_pattern is not None and main_pattern[1] > 0))
    own.append(float(main_pattern is not None and main_pattern[2]))
    return np.concatenate([
        np.asarray(own, dtype=np.float64),
        np.asarray(hand[: FEATURES.index("n_events")], dtype=np.float64),
        np.asarray(prediction.quad_probs, dtype=np.float64),
        np.asarray([prediction.plover_probs.get(e, 0.0) for e in PLOVER_EVENTS], dtype=np.float64),
        np.asarray(prediction.embedding or (), dtype=np.float64),
    ])


#: The type head's weight is cut to this share when the main verb pattern names more than
#: its verb ("imposed sanctions on"): such a pattern states the act's type itself.
SPECIFIC_PATTERN_SHARE = 0.25
#: ... and not used at all when the sentence model gives one type this share of its scores.
SURE_SHARE = 0.8


def pattern_is_specific(vector: np.ndarray) -> bool:
    """Whether a :func:`type_vector` says the main verb pattern is specific or decisive."""
    n = len(PLOVER_EVENTS)
    return bool(vector[2 * n] > 0 or vector[2 * n + 1] > 0)


def add_type_head(joint: dict[str, float], head: np.ndarray, weight: float,
                  specific: bool = False) -> dict[str, float]:
    """``joint`` plus the type head's probabilities ``head`` (in PLOVER_EVENTS order) times
    ``weight``, the event mass and 1 − the top type's share of ``joint`` (a quarter of that
    when the main pattern is ``specific``; nothing when the share reaches ``SURE_SHARE``)."""
    mass = sum(joint.values())
    if mass <= 0:
        return joint
    share = max(joint.values()) / mass
    if share >= SURE_SHARE:
        return joint
    if specific:
        weight *= SPECIFIC_PATTERN_SHARE
    scale = weight * mass * (1.0 - share)
    probs = dict(zip(PLOVER_EVENTS, head))
    return {e: v + scale * float(probs.get(e, 0.0)) for e, v in joint.items()}


class _LexicalHead:
    """A binary logistic regression over lexical features (act or background vs none), read
    from JSON as one weight per feature: its logit is the gate's last input."""

    def __init__(self, data: dict) -> None:
        self.weights = {k: float(v) for k, v in data["weights"].items()}
        self.intercept = float(data["intercept"])

    def logit(self, features: list[str]) -> float:
        return self.intercept + sum(self.weights.get(f, 0.0) for f in set(features))


class _LinearHead:
    """A standardised multinomial logistic regression read from JSON."""

    def __init__(self, data: dict) -> None:
        self.classes = list(data["classes"])
        self.mean = np.asarray(data["mean"], dtype=np.float64)
        self.scale = np.asarray(data["scale"], dtype=np.float64)
        self.coef = np.asarray(data["coef"], dtype=np.float64)
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)

    def probabilities(self, vector: np.ndarray) -> np.ndarray:
        logits = self.coef @ ((vector - self.mean) / self.scale) + self.intercept
        probs = np.exp(logits - logits.max())
        return probs / probs.sum()


@dataclass(frozen=True)
class GateDecision:
    p_act: float
    p_background: float
    p_none: float

    @property
    def keep_probability(self) -> float:
        return self.p_act + self.p_background

    @property
    def background(self) -> bool:
        return self.p_background > self.p_act


class ActGate:
    """The learned act gate.  ``initialize()`` loads its weights (``weights.json``)."""

    def __init__(self, model_dir: str | Path | None = None, threshold: float | None = None) -> None:
        self.model_dir = model_dir
        self.threshold = threshold

    def initialize(self) -> ActGate:
        path = Path(self.model_dir or default_gate_dir()) / "weights.json"
        if not path.is_file():
            raise FileNotFoundError(
                f"no act gate at {path}; train it with `harmattan train gate`")
        self.load(json.loads(path.read_text(encoding="utf-8")), path)
        if self.act_model_file_:
            from harmattan.events.act_model import ActModel

            self.act_model_ = ActModel(path.parent / self.act_model_file_).initialize()
        return self

    def load(self, data: dict, path: str | Path = "weights") -> ActGate:
        """Read the gate from its weights (the content of ``weights.json``)."""
        gate, typer = data["gate"], data.get("type")
        if (tuple(gate["classes"]) != GATE_CLASSES or tuple(data["features"]) != FEATURES
                or (typer is not None and tuple(data["type_features"]) != TYPE_FEATURES)):
            raise ValueError(f"{path} was trained on other features or classes; retrain it "
                             "with `harmattan train gate`")
        self.gate_ = _LinearHead(gate)
        lexical = data.get("lexical")
        self.lexical_ = _LexicalHead(lexical) if lexical is not None else None
        # The act reader's file, when the gate reads its two inputs (events/act_model.py).
        self.act_model_file_ = data.get("act_model")
        # A candidate sentence the reader reads as reporting no act with P(act or background)
        # below this goes no further: no sentence model, no parse (the coder's _screen).
        self.screen_ = float(data.get("screen", 0.0)) if self.act_model_file_ else 0.0
        width = (len(self.gate_.mean) - (1 if self.lexical_ is not None else 0)
                 - (ACT_INPUTS if self.act_model_file_ else 0))
        if len(self.gate_.coef[0]) != len(self.gate_.mean) or width <= len(FEATURES):
            raise ValueError(f"{path} has inconsistent gate weights; retrain it with "
                             "`harmattan train gate`")
        self.type_ = _LinearHead(typer) if typer is not None else None
        self.type_weight_ = float(data.get("type_weight", 0.0))
        self.threshold_ = float(self.threshold if self.threshold is not None else data["threshold"])
        return self

    @property
    def lexical(self) -> bool:
        """Whether the gate reads the sentence's :func:`lexical_features` too."""
        return getattr(self, "lexical_", None) is not None

    @property
    def reads_acts(self) -> bool:
        """Whether the gate takes the act reader's readings (:meth:`act_readings`)."""
        return bool(getattr(self, "act_model_file_", None))

    def act_readings(self, sentences: list[str], keys: list[tuple[str, int, int]]
                     ) -> np.ndarray | None:
        """The act reader's ``[P(act), P(background), P(none)]`` of each sentence, for
        :meth:`decide`; None when the gate does not read them.  One call per batch."""
        if not self.reads_acts:
            return None
        if not hasattr(self, "act_model_"):
            raise RuntimeError("ActGate.act_readings called before initialize()")
        return self.act_model_.predict(sentences)

    def decide(self, vector: np.ndarray, key: tuple[str, int, int] | None = None,
               lexical: list[str] | None = None, act: np.ndarray | None = None) -> GateDecision:
        """The gate's reading of a sentence from its :func:`gate_vector`, the act reader's
        reading (``act``, from :meth:`act_readings`) when the gate takes it, and, when the
        gate has a lexical head, its :func:`lexical_features` (the head's logit is the gate's
        last input).  ``key`` (article id, sentence start and end) is for
        :class:`RecordingGate`."""
        if not hasattr(self, "gate_"):
            raise RuntimeError("ActGate.decide called before initialize()")
        if self.reads_acts:
            if act is None:
                raise ValueError("this gate reads the act reader: pass act=act_readings(...)")
            from harmattan.events.act_model import act_features

            vector = np.concatenate([vector, act_features(act)])
        if self.lexical_ is not None:
            vector = np.append(vector, self.lexical_.logit(lexical or []))
        probs = self.gate_.probabilities(vector)
        return GateDecision(float(probs[0]), float(probs[1]), float(probs[2]))

    def type_scores(self, vector: np.ndarray, joint: dict[str, float],
                    key: tuple[str, int, int] | None = None) -> dict[str, float]:
        """The coder's act-type scores (``joint``) with the type head's probabilities added,
        from a :func:`type_vector`: weighted by ``type_weight``, by the sentence's event mass,
        and by how unsure the sentence model is (1 − the top type's share), so that the head
        decides where the model hesitates — real news — and leaves alone the sentences the
        model reads with confidence."""
        if self.type_ is None or not self.type_weight_:
            return joint
        if vector[2 * len(PLOVER_EVENTS) + 1] > 0:
            # A correction the project made to the verb dictionary decides the type itself.
            return joint
        return add_type_head(joint, self.type_.probabilities(vector), self.type_weight_,
                             pattern_is_specific(vector))

    def keeps(self, decision: GateDecision) -> bool:
        return decision.keep_probability >= self.threshold_


class RecordingGate(ActGate):
    """Keeps every sentence and records each gate vector by sentence: how the gate's training
    data is made, on exactly the sentences, and from exactly the events, that the gate will
    see in the coder."""

    @property
    def lexical(self) -> bool:
        return True

    def initialize(self) -> RecordingGate:
        self.records_: dict[tuple[str, int, int], np.ndarray] = {}
        self.lexical_records_: dict[tuple[str, int, int], list[str]] = {}
        self.type_records_: dict[tuple[str, int, int], tuple[np.ndarray, dict[str, float]]] = {}
        self.threshold_ = 0.0
        return self

    def type_scores(self, vector: np.ndarray, joint: dict[str, float],
                    key: tuple[str, int, int] | None = None) -> dict[str, float]:
        if key is not None:
            self.type_records_[key] = (vector, dict(joint))
        return joint

    def act_readings(self, sentences: list[str], keys: list[tuple[str, int, int]]
                     ) -> np.ndarray | None:
        return None

    def decide(self, vector: np.ndarray, key: tuple[str, int, int] | None = None,
               lexical: list[str] | None = None, act: np.ndarray | None = None) -> GateDecision:
        if key is not None:
            self.records_[key] = vector
            self.lexical_records_[key] = list(lexical or [])
        return GateDecision(1.0, 0.0, 0.0)

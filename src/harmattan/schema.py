"""The typed records that travel between stages.

Article → Sentence → ActorMention → Actor → Event (and Reject for what could not be read).

Records are plain dataclasses.  Spans point into the article text by character offset
(``text[start:end]``) instead of copying context around, so every coded event can be traced
back to the exact words that state it.  ``to_dict`` gives the JSON layout of the output
contract (``docs/formats.md``); fields are only ever added to it, never removed or renamed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

CONTRACT_VERSION = 3

PLOVER_EVENTS: tuple[str, ...] = (
    "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "DEMAND",
    "DISAPPROVE", "FIGHT", "INVESTIGATE", "MOBILIZE", "PROTEST", "REJECT", "RETREAT",
    "SANCTION", "SUPPORT", "THREATEN",
)

#: CAMEO quad classes as used by the coder.  0 covers CAMEO 01-02 (statements and appeals,
#: which PLOVER drops), 1 is 03-05, 2 is 06-08, 3 is 09-13, 4 is 14-20.
QUAD_CLASSES: dict[int, str] = {
    0: "make a statement",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

#: The quad class each PLOVER event type belongs to.
PLOVER_QUAD: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "AID": 2, "COOPERATE": 2, "CONCEDE": 2, "RETREAT": 2,
    "DEMAND": 3, "DISAPPROVE": 3, "REJECT": 3, "THREATEN": 3, "INVESTIGATE": 3,
    "ASSAULT": 4, "FIGHT": 4, "COERCE": 4, "MOBILIZE": 4, "PROTEST": 4, "SANCTION": 4,
}


@dataclass
class Article:
    """A dated news report, as read from a file, a feed or stdin."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    #: Where the record came from, e.g. ``articles.jsonl:12`` (for error messages).
    origin: str | None = None

    def __post_init__(self) -> None:
        # Checked here, where the caller can see the mistake, rather than deep in a stage:
        # a date may be given as "YYYY-MM-DD" and is kept as a date.
        if not isinstance(self.id, str) or not self.id.strip():
            raise ValueError(f"Article id must be a non-empty string, got {self.id!r}")
        if not isinstance(self.text, str):
            raise ValueError(f"Article {self.id!r}: text must be a string, got {type(self.text).__name__}")
        try:
            self.date = parse_date(self.date)
        except ValueError as exc:
            raise ValueError(f"Article {self.id!r}: {exc}") from None

    @property
    def date_iso(self) -> str | None:
        return self.date.isoformat() if self.date else None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "date": self.date_iso, "title": self.title, "url": self.url,
            "source": self.source, "language": self.language, "text": self.text,
        }


@dataclass
class Reject:
    """A record that could not be read, kept with the reason so nothing is silently lost."""

    origin: str
    reason: str
    line: int | None = None
    record_id: str | None = None
    raw: str | None = None

    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin, "line": self.line, "record_id": self.record_id,
            "reason": self.reason, "raw": self.raw,
        }


@dataclass
class Sentence:
    """A sentence of an article: ``article.text[start:end] == text``."""

    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass
class ActorMention:
    """A span of the article that names an actor, before or after coding."""

    text: str
    start: int
    end: int


@dataclass
class Actor:
    """An actor as it stood on the article's date.

    ``code`` is ISO 3166-1 alpha-3 for anything tied to a state, ``IGO``/``NGO`` for
    international bodies (``actor_id`` names the body), ``""`` when unknown.  ``entry`` names
    the dictionary entry that resolved it, so a coding can always be explained.
    """

    text: str
    code: str
    sector: str = ""
    actor_id: str | None = None
    start: int | None = None
    end: int | None = None
    entry: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "code": self.code, "sector": self.sector,
            "actor_id": self.actor_id, "start": self.start, "end": self.end,
            "entry": self.entry,
        }


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False

    def to_dict(self) -> dict[str, bool]:
        return {"negated": self.negated, "hypothetical": self.hypothetical, "future": self.future}


@dataclass
class Evidence:
    sentence: str
    start: int
    end: int
    #: Offsets of the words that express the act (the trigger), when known.
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence, "start": self.start, "end": self.end,
            "trigger": self.trigger, "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
        }


@dataclass
class PloverCode:
    event: str
    mode: str = ""
    context: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "mode": self.mode, "context": list(self.context)}


@dataclass
class CameoCode:
    quad_class: int
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"quad_class": self.quad_class, "code": self.code}


@dataclass
class Event:
    """One coded act: who did what to whom, when, with the sentence that says so."""

    event_id: str
    article_id: str
    date: str | None
    plover: PloverCode | None
    cameo: CameoCode
    modality: Modality
    source: list[Actor]
    target: list[Actor]
    evidence: Evidence
    confidence: float
    acled: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    coder_version: str | None = None
    #: A specific past act told as background ("in 2011 police arrested X"), not the news.
    background: bool = False
    #: The act gate's probability that the sentence reports a specific act (None: no gate).
    act_probability: float | None = None
    #: Other sentences of the article that tell the same act, each ``{"sentence", "start",
    #: "end"}`` with exact offsets (the evidence is the one an analyst would cite).
    mentions: list[dict[str, Any]] = field(default_factory=list)
    #: The article's language (ISO 639-1), as given by the record or detected; None when it
    #: could not be told (contract v3).
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "date": self.date,
            "plover": self.plover.to_dict() if self.plover else None,
            "cameo": self.cameo.to_dict(),
            "acled": self.acled,
            "location": self.location,
            "modality": self.modality.to_dict(),
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 4),
            "coder_version": self.coder_version,
            "background": self.background,
            "act_probability": (round(self.act_probability, 4)
                                if self.act_probability is not None else None),
            "mentions": [dict(m) for m in self.mentions],
            "language": self.language,
        }


def make_event_id(article: Article, start: int, end: int, kind: str, ordinal: int) -> str:
    """A stable id: the same article text and the same coding give the same id."""
    key = f"{article.id}\x1f{article.content_hash}\x1f{start}\x1f{end}\x1f{kind}\x1f{ordinal}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def parse_date(value: Any) -> dt.date | None:
    """Parse ``YYYY-MM-DD`` (a time part is ignored; None or "" mean unknown).

    Raises ValueError naming the bad value for anything else, including impossible dates.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"date must be a YYYY-MM-DD string, got {type(value).__name__} {value!r}")
    text = value.strip()
    if not _ISO_DATE.match(text):
        raise ValueError(f"malformed date {value!r} (expected YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"impossible date {value!r}") from None


_ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?\Z")


@dataclass
class Alert:
    """Something in the store an analyst should look at: an anomalous count or a rule that fired.

    ``alert_id`` is a hash of the rule and what it fired on (a country, type and week; a pair
    and an event), so raising the same alert again is recognised and never stored or sent
    twice.  ``surprise`` is −log10 of the chance of a count at least this high under the
    baseline (anomalies); rules leave ``expected`` and ``surprise`` empty unless they have them.
    """

    alert_id: str
    kind: str  # anomaly | rule
    rule: str
    title: str
    period: str  # YYYY-MM-DD: the day, or the Monday of the week, the alert is about
    country: str | None
    expected: float | None
    observed: float | None
    surprise: float | None
    cluster_ids: list[str]
    created_at: dt.datetime | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def make_id(rule: str, *key: str) -> str:
        return hashlib.sha256("\x1f".join([rule, *key]).encode("utf-8")).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        return {
            "alert_id": self.alert_id, "kind": self.kind, "rule": self.rule, "title": self.title,
            "period": self.period, "country": self.country, "expected": self.expected,
            "observed": self.observed, "surprise": self.surprise,
            "cluster_ids": list(self.cluster_ids), "details": dict(self.details),
            "created_at": (self.created_at.isoformat(timespec="seconds") + "Z"
                           if self.created_at else None),
        }

"""Harmattan: dated news reports in, verifiable political and security events out."""

from harmattan.schema import (
    Actor,
    Article,
    CameoCode,
    Event,
    Evidence,
    Modality,
    PloverCode,
    Reject,
    Sentence,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "CameoCode",
    "Event",
    "Evidence",
    "Modality",
    "PloverCode",
    "Reject",
    "Sentence",
    "__version__",
]

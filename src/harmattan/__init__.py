"""Harmattan: dated news reports in, verifiable political and security events out.

    >>> from harmattan import Article, code_articles
    >>> events = code_articles([Article(id="a", text="ECOWAS imposed sanctions on Niger.")])
"""

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

from harmattan.actors import ActorResolver  # noqa: E402
from harmattan.events.coder import EventCoder  # noqa: E402
from harmattan.ingest.readers import read_inputs  # noqa: E402
from harmattan.pipeline import code_articles, code_records  # noqa: E402

__all__ = [
    "Actor",
    "ActorResolver",
    "Article",
    "CameoCode",
    "Event",
    "EventCoder",
    "Evidence",
    "Modality",
    "PloverCode",
    "Reject",
    "Sentence",
    "__version__",
    "code_articles",
    "code_records",
    "read_inputs",
]

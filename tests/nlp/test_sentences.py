"""Sentence splitting keeps exact offsets and does not cut at abbreviations."""

from __future__ import annotations

import pytest

from harmattan.nlp.sentences import MAX_SENTENCE_CHARS, split_sentences

CASES = [
    ("abbreviations", "Gen. Tiani met U.S. envoys on Monday. Mr. Diop left.",
     ["Gen. Tiani met U.S. envoys on Monday.", "Mr. Diop left."]),
    ("quotes", 'He said: "We will fight." Then he left!',
     ['He said: "We will fight."', "Then he left!"]),
    ("paragraphs", "First one.\n\nSecond one\nstill second.",
     ["First one.", "Second one\nstill second."]),
    ("headline", "Niger closes border\nNiger closed its border on Monday.",
     ["Niger closes border", "Niger closed its border on Monday."]),
    ("initials", "J. R. Smith reported it. It was late.", ["J. R. Smith reported it.", "It was late."]),
    ("empty", "   \n ", []),
    # French
    ("fr-abbreviations", "M. Bazoum a reçu Mme Diallo et le Dr Keïta. Mgr Zongo était absent.",
     ["M. Bazoum a reçu Mme Diallo et le Dr Keïta.", "Mgr Zongo était absent."]),
    ("fr-guillemets", "Il a déclaré : « Nous ne partirons pas. » Le lendemain, l'armée s'est retirée.",
     ["Il a déclaré : « Nous ne partirons pas. »", "Le lendemain, l'armée s'est retirée."]),
    ("fr-guillemets-nbsp", "Le ministre a répondu\u00a0: «\u00a0Non.\u00a0» «\u00a0Jamais\u00a0», a-t-il ajouté.",
     ["Le ministre a répondu\u00a0: «\u00a0Non.\u00a0»", "«\u00a0Jamais\u00a0», a-t-il ajouté."]),
    ("fr-opening-guillemet", "La CEDEAO a levé les sanctions. « C'est une victoire », dit-il.",
     ["La CEDEAO a levé les sanctions.", "« C'est une victoire », dit-il."]),
    ("fr-initials", "Le rapport de J.-P. Olivier et d'É. Philippe est sorti. Il a été lu.",
     ["Le rapport de J.-P. Olivier et d'É. Philippe est sorti.", "Il a été lu."]),
    ("fr-accented-word", "Ce n'est pas sûr. Écoutez bien. Le pays sera là.",
     ["Ce n'est pas sûr.", "Écoutez bien.", "Le pays sera là."]),
    ("fr-question", "Pourquoi partir ? Parce que la junte l'exige !",
     ["Pourquoi partir ?", "Parce que la junte l'exige !"]),
    ("glued-headline", "Did US Tip Off Panama About Missile Find?Panamanian authorities seized arms.",
     ["Did US Tip Off Panama About Missile Find?", "Panamanian authorities seized arms."]),
    ("brand-not-glued", "Yahoo! is big. Is it \"over?\" He asked.",
     ["Yahoo! is big.", "Is it \"over?\"", "He asked."]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text, "a")
    assert [s.text for s in sentences] == expected
    for i, s in enumerate(sentences):
        assert text[s.start:s.end] == s.text
        assert s.index == i and s.article_id == "a"


def test_run_on_text_is_cut_at_a_safe_length() -> None:
    text = "word " * 2000
    sentences = split_sentences(text)
    assert len(sentences) >= 3
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)

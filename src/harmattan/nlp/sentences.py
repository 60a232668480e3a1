"""Sentence splitting with exact character offsets.

A rule-based splitter rather than spaCy's parser: it is about a hundred times faster, and
most sentences of a news article carry no event, so they must cost next to nothing.  Only
the sentences that survive the event prefilter are parsed (see ``harmattan.events``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from harmattan.perf import timed
from harmattan.schema import Sentence

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig pres gov sen rep rev fr sr jr st
    mt ft no nos vol inc corp co ltd bros vs etc al approx dept est fig jan feb mar apr jun jul
    aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m
    mme mmes mlle mlles mgr pr cf env ste
    """.split()
)
# French: "Mme", "Mgr", "Pr" (professeur) and "cf." are added; "M." is an initial already.
# "Me" (maître) and "MM." are left out: in English "me." and "mm." end sentences.
# Candidate boundary: terminal punctuation, optional closing quotes/brackets, then whitespace.
# French guillemets may hold a space inside (« Non. » Le lendemain…): a closing » after the
# punctuation belongs to the sentence, an opening « (and its space) to the next one.
_BOUNDARY = re.compile(
    r"[.!?]+[\"'”’)\]]*(?:[ \u00a0\u202f]?»)?(?=\s+(?:«\s?|[\"'“‘(\[])?[A-Z0-9À-Ý])")
# A headline glued to the lead with no space ("… Missile Find?Panamanian authorities have …"):
# a question or exclamation mark between a small letter and a capitalised word.
_GLUED = re.compile(r"(?<=[a-z\"'”’)])[?!]+(?=[A-Z][a-z])")
_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n|\n(?=\s*[-•*]\s)")
_LINE_BREAK_SENTENCE = re.compile(r"\n(?=[A-Z])")
# Letters of any script, so that an accented initial ("É. Philippe") is one too.
_WORD_BEFORE = re.compile(r"([^\W\d_][^\W\d_.]*(?:\.[^\W\d_]+)*)\.?$")
MAX_SENTENCE_CHARS = 3000


@timed("sentences")
def split_sentences(text: str, article_id: str = "") -> list[Sentence]:
    """Split ``text`` into sentences such that ``text[s.start:s.end] == s.text``."""
    return list(iter_sentences(text, article_id))


def iter_sentences(text: str, article_id: str = "") -> Iterator[Sentence]:
    index = 0
    for block_start, block_end in _blocks(text):
        for start, end in _split_block(text, block_start, block_end):
            for piece_start, piece_end in _cap_length(text, start, end):
                s, e = _trim(text, piece_start, piece_end)
                if e > s:
                    yield Sentence(article_id, index, s, e, text[s:e])
                    index += 1


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs (and single lines that start with a capital after a line break)."""
    start = 0
    for match in _PARAGRAPH.finditer(text):
        yield from _lines(text, start, match.start())
        start = match.end()
    yield from _lines(text, start, len(text))


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    last = 0
    for match in _LINE_BREAK_SENTENCE.finditer(chunk):
        # A line that ends without punctuation and is followed by a capitalised line is a
        # title or a list item: keep it a sentence of its own.
        before = chunk[last:match.start()].rstrip()
        if before and before[-1] not in ",;:-–(":
            yield start + last, start + match.start()
            last = match.end()
    yield start + last, end


def _split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    last = 0
    matches = sorted([*_BOUNDARY.finditer(chunk), *_GLUED.finditer(chunk)], key=lambda m: m.start())
    for match in matches:
        cut = match.end()
        if cut <= last or _is_abbreviation(chunk, match.start(), match.group()):
            continue
        yield start + last, start + cut
        last = cut
    yield start + last, end


def _is_abbreviation(chunk: str, dot_at: int, punct: str) -> bool:
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    head = chunk[max(0, dot_at - 20):dot_at]
    found = _WORD_BEFORE.search(head)
    if not found:
        return False
    word = found.group(1).lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials ("J. Smith", "U.S.") and single letters.
    return len(word) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word))


def _cap_length(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut run-on 'sentences' (tables, lists without punctuation) at a safe length."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        yield start, cut
        start = cut
    yield start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

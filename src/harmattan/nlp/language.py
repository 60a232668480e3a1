"""The language of an article, offline: the record's ``language`` or a stopword count.

News prose is full of function words, and those of English and French barely overlap, so
counting them in the first few thousand characters tells the two apart on every article of
the shipped corpora (docs/coder.md, "Language") at a few thousand articles per second, with
no model to load.  A few other languages of the region's press are known by their
stopwords too, so that they are not read as English; Arabic is known by its script.

A text too short or too mixed to tell gives ``None`` (undetermined): the coder reads it as
English, as it always has, so a one-line English sentence is never dropped as "not English".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from harmattan.schema import Article

#: Languages the detector can name (ISO 639-1).
LANGUAGES = ("en", "fr", "es", "pt", "de", "it", "ar")

# Frequent function words of each language, chosen to be rare in the others: "de", "a",
# "la", "en", "que" are shared by French, Spanish, Portuguese and Italian, so they are left out.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        the of and to in is was for that with on as by at from it this are were be has have
        had which but not or their its they he she his her been will would who an said also
        after more than about into over against when there could should can may
        """.split()),
    "fr": frozenset("""
        le les des du et est une un dans pour qui sur au aux par ne pas plus sont ont été
        cette ce ces avec il elle ils elles son sa ses leur leurs mais ou où selon après
        depuis aussi entre sans sous très être avoir lors dont nous vous était comme d l qu
        """.split()),
    "es": frozenset("""
        el los las del y por para con una un es son fue está sus su pero como más muy
        también desde entre sobre hasta según ha han
        """.split()),
    "pt": frozenset("""
        o os as do da dos das e em um uma para com por não mais foi são está pelo pela
        também como seu sua nos nas ao entre
        """.split()),
    "de": frozenset("""
        der die das und ist nicht mit von den dem ein eine auf für sich auch im zu wird
        wurde nach bei aus sind oder dass
        """.split()),
    "it": frozenset("""
        il gli della delle dei di e è che per con una sono non anche nel nella degli ha
        sul alla dal più come
        """.split()),
}
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _words in _STOPWORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _language)
# Elided articles and pronouns ("l'armée", "d'un", "qu'il") are words of their own.
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06FF]")
#: Characters read from the start of the text: enough for a verdict, cheap on long articles.
SAMPLE_CHARS = 4000
#: The winner needs at least this many stopwords ...
MIN_HITS = 3
#: ... and this many times those of the runner-up.
MIN_RATIO = 1.5


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (one of ``LANGUAGES``), or None when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters and len(_ARABIC.findall(sample)) > letters / 2:
        return "ar"
    hits: Counter[str] = Counter()
    for word in _WORDS.findall(sample.lower()):
        for language in _LANGUAGES_OF.get(word, ()):
            hits[language] += 1
    if not hits:
        return None
    (best, top), *rest = hits.most_common(2) + [("", 0)]
    runner_up = rest[0][1]
    if top < MIN_HITS or top < MIN_RATIO * runner_up:
        return None
    return best


# Names a record may give instead of a code ("French", "français", "fr-FR", "fra").
_NAMES = {
    "english": "en", "anglais": "en", "eng": "en",
    "french": "fr", "francais": "fr", "français": "fr", "fra": "fr", "fre": "fr",
    "spanish": "es", "spa": "es", "portuguese": "pt", "por": "pt",
    "german": "de", "deu": "de", "ger": "de", "italian": "it", "ita": "it",
    "arabic": "ar", "ara": "ar",
}


def normalize_language(value: str | None) -> str | None:
    """A record's ``language`` as a lower-case ISO 639-1 code: "fr-FR", "French", "FRA" → "fr".

    An unknown name is kept, lower-cased (a two-letter code of a language the detector does
    not know is still a code); an empty value is None.
    """
    if value is None:
        return None
    text = unicodedata.normalize("NFC", value).strip().lower().replace("_", "-")
    if not text:
        return None
    if text in _NAMES:
        return _NAMES[text]
    primary = text.split("-", 1)[0]
    return _NAMES.get(primary, primary)


def article_language(article: Article) -> str | None:
    """The article's language: the record's own (normalised), else detected from its text.

    Sets ``article.language`` when it was empty, so the store keeps what was decided.
    """
    language = normalize_language(article.language) or detect_language(article.text)
    article.language = language
    return language

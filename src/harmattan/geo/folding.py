"""Accent- and spelling-folding of place names, shared by the index and the text matcher.

``fold("Fada N'Gourma") == fold("Fada-Ngourma") == "fada ngourma"``: accents dropped, case
lowered, apostrophes and full stops removed, hyphens and runs of spaces made one space, and
"st"/"ste" read as "saint"/"sainte", so that one dictionary look-up covers the spellings
found in news.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROP = re.compile(r"['’ʼ`´.]")
_SPACE = re.compile(r"[\s\-‐‑–—_/]+")
_SAINT = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l",
                          "ı": "i", "þ": "th", "ð": "d"})


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The lookup key of a name (see the module docstring)."""
    lowered = text.lower().translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _DROP.sub("", stripped)
    words = _SPACE.sub(" ", stripped).strip().split(" ")
    return " ".join(_SAINT.get(word, word) for word in words if word)

"""Case-insensitive keyword patterns that skip the regular expression when no keyword can be
in the text.

The ACLED rules (``events/acled.py``) ask about sixty patterns of the form
``\\b(?:killed|attacked|…)`` of every sentence that may report an event; most of them find
nothing, and each search scans the whole sentence.  A :class:`KeywordPattern` knows the
literal beginnings every match must start with ("kill", "attack", …, read from the compiled
pattern) and answers "no match" at once when none of them is a substring of the lower-cased
text.  Otherwise, and for patterns with no such beginnings, the regular expression decides:
the answer is always the regular expression's own.

Python's case-insensitive matching also lets four non-ASCII letters match ASCII ones (İ, ı, ſ
and the Kelvin sign); a text that holds one of them always goes to the regular expression.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

#: Shortest useful beginning; a pattern with a shorter one is always searched.
_MIN_PREFIX = 3
#: Beginnings are read up to this length ...
_MAX_PREFIX = 8
#: ... and up to this many of them (more, and testing them costs as much as the search).
_MAX_PREFIXES = 96
#: Letters that match an ASCII letter when case is ignored but do not lower-case to it.
_FOLDING = ("\u0130", "\u0131", "\u017f", "\u212a")


def literal_prefixes(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings one of which starts every match of ``regex``, or None when the
    pattern does not allow such a list (each at least 3 characters long, ASCII)."""
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except (re.error, TypeError):  # pragma: no cover - the regex compiled, so it parses
        return None
    prefixes, _ = _read(list(parsed), {""})
    if prefixes is None or not prefixes:
        return None
    if any(len(p) < _MIN_PREFIX or not p.isascii() for p in prefixes):
        return None
    # A text that holds "rebels" holds "rebel": the longer one need not be tested.
    kept: list[str] = []
    for prefix in sorted(prefixes, key=lambda p: (len(p), p)):
        if not any(shorter in prefix for shorter in kept):
            kept.append(prefix)
    return frozenset(kept) if len(kept) <= _MAX_PREFIXES else None


def _read(items: list[tuple[Any, Any]], prefixes: set[str]) -> tuple[set[str] | None, bool]:
    """Extend ``prefixes`` with what the items must match next.

    Returns (prefixes, complete): ``complete`` is False when reading stopped before the end of
    the items (a repeat, a character class, a look-around…): nothing after may be added.
    """
    current = set(prefixes)
    for i, (op, av) in enumerate(items):
        if len(current) > _MAX_PREFIXES or all(len(p) >= _MAX_PREFIX for p in current):
            return current, False
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            # An optional part, "(?:still )?investigating": with it or without it.
            without, done_without = _read(items[i + 1:], current)
            with_it, done_with = _read(list(av[2]) + items[i + 1:], current)
            if without is None or with_it is None:
                return None, False
            return without | with_it, done_without and done_with
        if op is sre.AT:
            continue  # \b and the like match no character
        if op is sre.LITERAL:
            current = {p + chr(av).lower() for p in current}
        elif op is sre.SUBPATTERN:
            current, complete = _read(list(av[3]), current)
            if current is None or not complete:
                return current, False
        elif op is sre.BRANCH:
            union: set[str] = set()
            complete = True
            for alternative in av[1]:
                found, done = _read(list(alternative), current)
                if found is None:
                    return None, False
                union |= found
                complete = complete and done
            current = union
            if not complete:
                return current, False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high, sub = av
            if low == 0:
                return current, False
            found, done = _read(list(sub), current)
            if found is None:
                return None, False
            if not (low == high == 1 and done):
                return found, False
            current = found
        elif op is sre.IN and av and len(av) <= 6 and all(o is sre.LITERAL for o, _ in av):
            current = {p + chr(c).lower() for p in current for _, c in av}
        else:
            return current, False
    return current, True


_last_text: tuple[str, str | None] = ("", "")


def _lowered(text: str) -> str | None:
    """``text`` lower-cased (the last one is kept), or None when a folding letter is in it."""
    global _last_text
    last = _last_text
    if last[0] == text:
        return last[1]
    lowered = None if any(c in text for c in _FOLDING) else text.lower()
    _last_text = (text, lowered)
    return lowered


class KeywordPattern:
    """A compiled case-insensitive pattern whose ``search`` first checks the text can hold it.

    Everything else (``finditer``, ``sub``, ``pattern``…) is the compiled pattern's own.
    """

    __slots__ = ("prefixes", "regex")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.prefixes = literal_prefixes(regex)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        prefixes = self.prefixes
        if prefixes is not None:
            lowered = _lowered(text)
            if lowered is not None and not any(p in lowered for p in prefixes):
                return None
        return self.regex.search(text, pos)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.regex, name)

    def __repr__(self) -> str:
        return f"KeywordPattern({self.regex.pattern!r})"

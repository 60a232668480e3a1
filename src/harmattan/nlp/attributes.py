"""A faster matcher for spaCy's attribute ruler: the same matches, found by table look-up.

spaCy's ``en_core_web_sm`` sets each token's part of speech, morphology and some lemmas with an
``AttributeRuler``: 179 token patterns over the token's lower-case form, tag, dependency and
whether it is a space.  Its general-purpose ``Matcher`` took about a quarter of the coder's
parse time.  Whether a pattern's token matches depends on those four values of that token
only, so the answer is looked up in a table filled as new combinations appear (and emptied
past 50,000 entries); the few two-token patterns are checked from their first token.  The
matches are the same, in the same order, and the ruler's own ``set_annotations`` applies
them (``tests/nlp/`` compares the annotations with spaCy's on every sample sentence; on
6,000 InSight Crime sentences they were all the same; with numpy's BLAS (parser.py) the parse
took 35–40% less CPU time than spaCy's own).

A pattern this module cannot read (an operator such as ``OP`` or an attribute other than the
four) leaves the ruler as spaCy made it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

_ATTRIBUTES = ("LOWER", "TAG", "DEP", "IS_SPACE")
#: Look-up tables are emptied when they reach this many entries (a few MB).
_TABLE_LIMIT = 50_000


class UnsupportedPattern(ValueError):
    """A pattern uses something this matcher does not implement."""


class _Column:
    """For one token attribute: which token specs a value satisfies (a spec that says
    nothing of the attribute is satisfied by every value)."""

    def __init__(self, position: int) -> None:
        self.position = position
        self.free: set[int] = set()
        self.equal: dict[Any, set[int]] = {}
        self.other: list[tuple[int, Callable[[Any], bool]]] = []
        self.cache: dict[Any, frozenset[int]] = {}

    def add(self, spec_id: int, spec: dict[str, Any]) -> None:
        attribute = _ATTRIBUTES[self.position]
        if attribute not in spec:
            self.free.add(spec_id)
            return
        value = spec[attribute]
        if not isinstance(value, dict):
            if isinstance(value, bool) != (attribute == "IS_SPACE"):
                raise UnsupportedPattern(f"value {value!r} for {attribute}")
            self.equal.setdefault(value, set()).add(spec_id)
            return
        if len(value) != 1:
            raise UnsupportedPattern(f"several operators in {value!r}")
        [(op, arg)] = value.items()
        if op == "IN":
            for item in arg:
                self.equal.setdefault(item, set()).add(spec_id)
        elif op == "NOT_IN":
            refused = frozenset(arg)
            self.other.append((spec_id, lambda v: v not in refused))
        elif op == "REGEX":
            search = re.compile(arg).search
            self.other.append((spec_id, lambda v: search(v) is not None))
        else:
            raise UnsupportedPattern(f"operator {op!r}")

    def satisfied(self, value: Any, interned: dict[frozenset[int], frozenset[int]]) -> frozenset[int]:
        found = self.cache.get(value)
        if found is None:
            found = frozenset(self.free | self.equal.get(value, set())
                              | {spec_id for spec_id, test in self.other if test(value)})
            found = interned.setdefault(found, found)
            if len(self.cache) >= _TABLE_LIMIT:
                self.cache.clear()
            self.cache[value] = found
        return found


class FastAttributeMatcher:
    """Finds the matches of an ``AttributeRuler``'s patterns, as its ``match`` method does.

    ``install(nlp)`` puts one in place of the ruler's ``match`` (see :func:`install`).
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        self.ruler = ruler
        self.strings = ruler.vocab.strings
        self.columns = [LOWER, TAG, DEP, IS_SPACE]
        spec_ids: dict[str, int] = {}
        self.by_column = [_Column(position) for position in range(len(_ATTRIBUTES))]
        #: For each token spec: the patterns that start with it, (attr id, match id, later specs).
        self.starting: list[list[tuple[int, int, tuple[int, ...]]]] = []
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = self.strings[str(attr_id)]
            for pattern in entry["patterns"]:
                if not pattern:
                    raise UnsupportedPattern("empty pattern")
                ids = []
                for spec in pattern:
                    key = json.dumps(spec, sort_keys=True)
                    if key not in spec_ids:
                        if set(spec) - set(_ATTRIBUTES):
                            raise UnsupportedPattern(f"attributes {sorted(set(spec) - set(_ATTRIBUTES))}")
                        spec_ids[key] = len(self.starting)
                        for column in self.by_column:
                            column.add(spec_ids[key], spec)
                        self.starting.append([])
                    ids.append(spec_ids[key])
                self.starting[ids[0]].append((attr_id, match_id, tuple(ids[1:])))
        #: (lower, tag, dep, is_space) hashes -> the specs that token satisfies.
        self.table: dict[tuple[int, ...], frozenset[int]] = {}
        #: One copy of each set of specs (a few hundred distinct ones).
        self.interned: dict[frozenset[int], frozenset[int]] = {}

    def _specs(self, row: tuple[int, ...]) -> frozenset[int]:
        found = self.table.get(row)
        if found is None:
            lower, tag, dep, space = row
            strings = self.strings
            lower_, tag_, dep_ = (strings[h] if h else "" for h in (lower, tag, dep))
            c, interned = self.by_column, self.interned
            found = (c[0].satisfied(lower_, interned) & c[1].satisfied(tag_, interned)
                     & c[2].satisfied(dep_, interned) & c[3].satisfied(bool(space), interned))
            found = interned.setdefault(found, found)
            if len(self.table) >= _TABLE_LIMIT:
                self.table.clear()  # bounded memory on an endless stream
            self.table[row] = found
        return found

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(attr id, match id, start, end) of every match, sorted as the ruler sorts them."""
        if not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
            return type(self.ruler).match(self.ruler, doc)
        rows = [tuple(r) for r in doc.to_array(self.columns).tolist()]
        specs = [self._specs(row) for row in rows]
        n = len(rows)
        matches = []
        for start, here in enumerate(specs):
            for spec in here:
                for attr_id, match_id, rest in self.starting[spec]:
                    end = start + 1 + len(rest)
                    if end <= n and all(s in specs[start + 1 + k] for k, s in enumerate(rest)):
                        matches.append((attr_id, match_id, start, end))
        matches.sort()
        return matches


def install(nlp: Language) -> bool:
    """Give the pipeline's attribute ruler the faster matcher; False when it has no ruler or
    a pattern the matcher cannot read (the ruler then stays as it was)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        matcher = FastAttributeMatcher(ruler)
    except UnsupportedPattern:
        return False
    ruler.match = matcher.match
    return True

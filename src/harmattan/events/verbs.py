"""CAMEO verb patterns: which acts the verbs (and event nouns) of a parsed sentence state.

This approximates how PETRARCH2 reads the CAMEO verb dictionary (``CAMEO.2.0.txt``, Open
Event Data Alliance, MIT licence), without its phrase-structure parse:

* a verb is found by its lemma or by an inflected form the dictionary lists; multi-word verbs
  (``+CARRY_OUT``) need their other words right after the verb;
* among the patterns of the verb's block(s), the most specific one wins: the words after ``*``
  must appear in order after the verb, inside the verb's own subtree (a coordinated second
  verb's words are left to that verb); the words before ``*`` in order before it, in the same
  sentence.  Words are matched on lemma or lower-cased form, synonym sets (``&WEAPON``) are
  expanded, and a pattern word of five letters or more also matches a longer form of it
  (``PROTEST`` ~ ``protesters``), as TABARI/PETRARCH stem-match; a trailing ``_`` asks for the
  exact word;
* with no pattern matching, the verb's own code or its block's default code is used; a pattern
  or default coded ``---`` means "no event" (``killed in an accident``);
* nouns that state events (``talks``, ``attack``, ``protest``), which the dictionary lacks,
  come from the hand-made table ``resources/cameo/nouns.yaml``; a noun the winning verb pattern
  already used (``held talks``) is not reported twice.

The dictionary is shipped compiled (``resources/cameo/verbs.json.gz``, regenerated with
:func:`build_verb_index`) and turned into lemma-keyed dicts by :meth:`VerbPatternCoder.initialize`.
"""

from __future__ import annotations

import bisect
import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from harmattan.events.cameo import cameo_to_plover, normalise_code, quad_class
from harmattan.perf import timed

__all__ = [
    "VerbMatch", "VerbPatternCoder", "build_verb_index", "trigger_lexicon", "has_trigger",
    "best_match", "VERBS_PATH", "NOUNS_PATH",
]

_RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "cameo"
VERBS_PATH = _RESOURCES / "verbs.json.gz"
EXTRA_VERBS_PATH = _RESOURCES / "verbs_extra.txt"
NOUNS_PATH = _RESOURCES / "nouns.yaml"
INDEX_FORMAT = 1

# A pattern word this long or longer also matches longer word forms (stem matching); shorter
# words ("WITH", "ON") would otherwise match "withdraw", "one".
_MIN_STEM = 5
# ... but only forms at most this many letters longer ("protest" ~ "protesters").
_MAX_STEM_EXTRA = 3
# Dependency labels of modifiers that can change a noun's code ("hunger strike", "air raid").
_AUXILIARIES = frozenset({"is", "are", "am", "was", "were", "be", "been", "has", "have", "had", "will", "would"})
# Generic verbs left out of the trigger lexicon (see _lexicon; docs/events-verbs.md).
#: Verbs the dictionary codes as appeals (020) that mostly tell a wish, an idea or a form
#: filled in: no trigger by themselves.
_WISHES = frozenset({"hope", "desire", "hint", "suggest", "apply", "propose", "advocate"})
_GENERIC_VERBS = frozenset({
    "say", "tell", "state", "use", "base", "report", "add", "make", "take", "have", "get", "go",
    "come", "give", "include", "see", "know", "find", "show", "become", "remain", "continue",
    "call", "put", "set", "look", "hold", "leave", "keep", "run", "bring", "mean", "work",
    "play", "move", "live", "believe", "seem", "follow", "begin", "write", "consider", "appear",
    "expect", "provide", "allow", "lead", "stand", "turn", "start", "help", "try", "ask", "need",
    "feel", "want",
})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "acl"})
#: The dependencies of a verb's own subject.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss"})


@dataclass
class VerbMatch:
    """One act stated in a sentence, as the dictionary codes it."""

    #: CAMEO code, e.g. ``"138"`` (pairs such as ``042:043`` are reduced to the stated act).
    code: str
    #: Index in the doc of the verb (or event noun) that states the act.
    trigger_i: int
    #: Character offsets of the trigger word(s) in ``doc.text``.
    trigger_start: int
    trigger_end: int
    #: The dictionary line that matched, e.g. ``"- * (IN SHOOTOUT) [193:193]"`` or
    #: ``"--- KILL [190] ---"`` for a block default, ``"noun: hunger strike [142]"`` for a noun.
    pattern: str
    #: Number of pattern words that matched besides the trigger; 0 for a default code.
    specificity: int
    #: The trigger has a ``neg`` dependent ("did not sign", "no talks").
    negated: bool
    #: ``"verb"`` or ``"noun"``.
    kind: str = "verb"
    #: A correction the project made to the dictionary (a pattern of ``verbs_extra.txt``, an
    #: arrest read off a seizure of people): precise, so it decides the act's type.
    decisive: bool = False


# --------------------------------------------------------------------------------------------
# Building the index from CAMEO.2.0.txt


_CODE_RE = re.compile(r"\[([^\]]*)\]")
_FORMS_RE = re.compile(r"\{([^}]*)\}")
_HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")

_MIT_NOTICE = (
    "CAMEO verb pattern dictionary CAMEO.2.0.txt (PETRARCH2), Copyright (c) 2015 Open Event Data "
    "Alliance, distributed under the MIT License: Permission is hereby granted, free of charge, "
    "to any person obtaining a copy of this software and associated documentation files (the "
    "\"Software\"), to deal in the Software without restriction, including without limitation "
    "the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies "
    "of the Software, and to permit persons to whom the Software is furnished to do so, subject "
    "to the following conditions: The above copyright notice and this permission notice shall "
    "be included in all copies or substantial portions of the Software. THE SOFTWARE IS "
    "PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT "
    "LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND "
    "NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY "
    "CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, "
    "ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN "
    "THE SOFTWARE."
)


#: The verb a source pattern was written for, in its comment: "# PRESS", "# FOUND".
_COMMENT_VERB_RE = re.compile(r"\s*([A-Z][A-Z_]+)\b(?!\s*[a-z])")


def _strip_comment(line: str, *, semicolon: bool = False) -> str:
    line = line.split("#", 1)[0]
    if semicolon:
        line = line.split(";", 1)[0]
    return line.strip()


def _pattern_elements(body: str) -> tuple[list[list[str]], list[list[str]]]:
    """``"POLICE * (WITH DEMONSTRATOR)"`` → (pre, post) lists of elements.

    An element is a list of alternatives (``BY/WITH`` → ``["by", "with"]``); a synonym set stays
    a ``"&NAME"`` reference, expanded when the index is loaded.  Phrase brackets and the
    source/target/compound markers ``$ + % ^`` do not constrain the match here.
    """
    tokens = re.sub(r"([{}()])", r" \1 ", body).split()
    pre: list[list[str]] = []
    post: list[list[str]] = []
    seen_star = False
    for tok in tokens:
        if tok in "{}()" or tok in ("$", "+", "%", "^"):
            continue
        if tok == "*":
            seen_star = True
            continue
        tok = tok.strip("$+%^")
        if not tok:
            continue
        if tok.startswith("&"):
            element = [tok.upper()]
        else:
            element = [alt.lower() for alt in tok.split("/") if alt]
        (post if seen_star else pre).append(element)
    if not seen_star:  # no verb marker: the words follow the verb
        pre, post = [], pre
    return pre, post


def parse_verb_dictionary(src_path: str | Path, *, comment_verbs: bool = False) -> dict[str, Any]:
    """Read a PETRARCH2 CAMEO verb dictionary into the JSON layout of the shipped index.

    ``comment_verbs``: the source's pattern lines end with the verb they were written for
    ("- * ON [190]  # PRESS" under DEMAND); each pattern keeps those verbs (``for``), and the
    coder keeps a pattern of force for them alone when its block's own act is no force (see
    ``_only_for``).
    """
    synsets: dict[str, list[str]] = {}
    blocks: list[dict[str, Any]] = []
    verbs: list[dict[str, Any]] = []
    section = None
    current_set: str | None = None
    with open(src_path, encoding="utf-8", errors="replace") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.startswith("####### SYNONYM"):
                section = "synsets"
                continue
            if line.startswith("####### VERB"):
                section = "verbs"
                continue
            if line.startswith("########") and "TRANSFORM" in line:
                break
            if section is None or not line.strip() or line.lstrip().startswith("#"):
                continue
            if section == "synsets":
                text = _strip_comment(line)
                if text.startswith("&"):
                    current_set = text[1:].strip().upper()
                    synsets[current_set] = []
                elif text.startswith("+") and current_set:
                    synsets[current_set].append(text[1:].strip().lower())
                continue
            head = _HEADER_RE.match(line)
            if head:
                blocks.append({"name": head.group(1), "code": head.group(2).strip(), "patterns": []})
                continue
            if not blocks:
                continue
            block = blocks[-1]
            if line.startswith("-"):
                text = _strip_comment(line)
                codes = _CODE_RE.findall(text)
                if not codes:
                    continue
                body = text[1:text.rfind("[")]
                pre, post = _pattern_elements(body)
                if not pre and not post:
                    continue
                pattern = {
                    "pre": pre, "post": post, "code": codes[-1].strip(),
                    "text": f"- {' '.join(body.split())} [{codes[-1].strip()}]",
                }
                written_for = _COMMENT_VERB_RE.match(line.split("#", 1)[1]) if (
                    comment_verbs and "#" in line) else None
                same = next((p for p in block["patterns"] if p["pre"] == pre and p["post"] == post
                             and p["code"] == pattern["code"]), None)
                if same is None:
                    if written_for:
                        pattern["for"] = [written_for.group(1).lower()]
                    block["patterns"].append(pattern)
                elif "for" in same:
                    if written_for:
                        if written_for.group(1).lower() not in same["for"]:
                            same["for"].append(written_for.group(1).lower())
                    else:
                        del same["for"]  # written once for no verb in particular: for all
                continue
            text = _strip_comment(line, semicolon=True)
            if not text or not (text[0].isalpha() or text[0] == "+"):
                continue
            word = text.split()[0].lstrip("+")
            codes = _CODE_RE.findall(text)
            forms_m = _FORMS_RE.search(text)
            forms = forms_m.group(1).split() if forms_m else []
            verbs.append({
                "verb": word.lower().replace("_", " ").strip(),
                "forms": sorted({f.lstrip("+").lower().replace("_", " ") for f in forms if f.strip("+")}),
                "code": codes[0].strip() if codes else None,
                # An empty {} means the verb appears only in the form written ("+KILLED_AND").
                "exact": forms_m is not None and not forms,
                "block": len(blocks) - 1,
                "line": lineno,
            })
    return {
        "format": INDEX_FORMAT,
        "source": Path(src_path).name,
        "licence": _MIT_NOTICE,
        "note": (
            "Compiled from the PETRARCH2 CAMEO verb dictionary by "
            "harmattan.events.verbs.build_verb_index; synonym sets, verb blocks with their "
            "default codes, verb forms and patterns, as written in the source."
        ),
        "synsets": synsets,
        "blocks": blocks,
        "verbs": verbs,
    }


def build_verb_index(src_path: str | Path, out_path: str | Path = VERBS_PATH,
                     extra_paths: tuple[str | Path, ...] = (EXTRA_VERBS_PATH,)) -> Path:
    """Compile ``CAMEO.2.0.txt`` into the gzipped JSON index the coder loads; return its path.

    ``extra_paths`` are dictionaries in the same format whose verb blocks are added after the
    source's (the shipped ``verbs_extra.txt`` brings patterns the source lacks, such as
    "authorize forces to intervene"); a verb listed again gets the extra block's patterns too.
    """
    index = parse_verb_dictionary(src_path, comment_verbs=True)
    # Patterns of the blocks from here on are the extra dictionaries': at equal size they win
    # over the source's (VerbPatternCoder.initialize), so that they can correct it.
    index["extra_from"] = len(index["blocks"])
    for extra in extra_paths:
        more = parse_verb_dictionary(extra)
        offset = len(index["blocks"])
        index["blocks"].extend(more["blocks"])
        index["verbs"].extend({**verb, "block": verb["block"] + offset} for verb in more["verbs"])
        index["synsets"].update({k: v for k, v in more["synsets"].items() if k not in index["synsets"]})
        index["source"] += f" + {Path(extra).name}"
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    # mtime=0 keeps the file byte-identical when rebuilt from the same source.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data.encode("utf-8"))
    return out


# --------------------------------------------------------------------------------------------
# The compiled, in-memory form


@dataclass(frozen=True)
class _Pattern:
    pre: tuple[tuple[tuple[str, ...], ...], ...]   # elements → alternatives → words
    post: tuple[tuple[tuple[str, ...], ...], ...]
    code: str                                       # normalised; "" means "no event"
    text: str
    words: int                                      # words in the shortest full match
    #: The first words of the alternatives of one element (the one with the fewest): a
    #: sentence without any of them cannot match the pattern (see _SentenceIndex.keys).
    #: None for a pattern of the verb alone, which any sentence matches.
    gate: frozenset[str] | None = None
    #: From an extra dictionary (verbs_extra.txt): wins over a source pattern of the same size.
    extra: bool = False
    #: The only verbs of its block (any written form) the pattern is for: a pattern of force
    #: the source wrote for them in a block whose own act is no force (see _only_for).
    only_for: frozenset[str] | None = None


def _entry_words(entry: dict[str, Any]) -> set[str]:
    """A verb entry's word in every form it is written in ("find", "finds", "found" …)."""
    first = entry["verb"].split()[0] if entry["verb"] else ""
    words = {first} | {form.split()[0] for form in entry["forms"] if form}
    if not entry["exact"] and not entry["forms"]:
        words |= _regular_forms(first)
    return words


def _only_for(written_for: list[str] | None, code: str, block_code: str | None,
              block_words: set[str]) -> frozenset[str] | None:
    """The verbs a source pattern is kept for, or None for every verb of its block.

    A pattern of force (CAMEO 14-20) the source wrote for a verb of its block ("- * ON [190]
    # PRESS": "pressed on toward the capital"), in a block whose own act is no force, is that
    verb's only: "leaders demand action on arms trafficking" is no attack.  Other patterns
    stay every verb's of the block, as the source shares them ("- * COMMENT [011]  # REFUSE"
    is also "declined to comment"); so do the patterns of a block of no act of its own
    ("--- SEPARATE [---]" shares "* TIES": "severing diplomatic ties"), and those whose
    comment names no verb of the block.  So is a pattern of verbal conflict (CAMEO 09-13) in a
    block of cooperation (03-08): "- * ARREST [110]  # HAIL" under ACCLAIM is not "applauded
    … numerous arrests"; and so is a pattern of meeting (CAMEO 04) in a block of other
    cooperation (05-08): "- * (TO) [043]  # WELCOME" under ACCLAIM is not "hailed Buhari for his
    opposition to corruption", a visit hosted."""
    if not written_for or not code or block_code is None:
        return None
    act, own = quad_class(code), quad_class(block_code)
    meeting = code.startswith("04") and block_code[:2] in {"05", "06", "07", "08"}
    if not (act == 4 and own != 4 or act == 3 and own in (1, 2) or meeting):
        return None
    verbs = frozenset(written_for)
    return verbs if not verbs.isdisjoint(block_words) else None


def _pattern_order(pattern: _Pattern) -> tuple[int, int]:
    return -pattern.words, 0 if pattern.extra else 1


def _gate(elements: tuple[tuple[tuple[str, ...], ...], ...]) -> frozenset[str] | None:
    firsts = [frozenset(alt[0].rstrip("_") for alt in element) for element in elements]
    return min(firsts, key=len) if firsts else None


@dataclass(frozen=True)
class _Verb:
    words: tuple[str, ...]        # ("carry", "out"): the first is the verb itself
    code: str | None              # the verb's own default, else the block's (None: no event)
    default_text: str
    patterns: tuple[_Pattern, ...]


@dataclass(frozen=True)
class _Noun:
    lemma: str
    code: str | None
    forms: frozenset[str] | None
    modifiers: dict[str, str]


def _expand(element: list[str], synsets: dict[str, list[str]]) -> tuple[tuple[str, ...], ...]:
    alternatives: list[tuple[str, ...]] = []
    for alt in element:
        if alt.startswith("&"):
            name = alt[1:]
            members = synsets.get(name) or synsets.get(name + "_") or synsets.get(name.rstrip("_"))
            if members is None:  # a set the source uses but never defines: read it as a word
                members = [name.lower().rstrip("_")]
        else:
            members = [alt]
        for member in members:
            # "cash_" (exact) stays one word with its marker; "air_strike" becomes two words.
            words = tuple(_join_exact(member))
            if words and words not in alternatives:
                alternatives.append(words)
    return tuple(alternatives)


def _join_exact(member: str) -> list[str]:
    """``"air_strike"`` → ``["air", "strike"]``; ``"cash_"`` → ``["cash_"]`` (exact match)."""
    exact = member.endswith("_")
    parts = [p for p in member.rstrip("_").split("_") if p]
    if exact and parts:
        parts[-1] += "_"
    return parts


def _code_or_none(code: str | None) -> str | None:
    if code is None:
        return None
    code = normalise_code(code)
    return code if code and code != "---" and code.replace("-", "") else None


def _regular_forms(verb: str) -> set[str]:
    """Inflections PETRARCH generates for a verb the dictionary lists without forms."""
    forms = {verb, verb + "s", verb + "ed", verb + "ing"}
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(verb + "es")
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return forms


@lru_cache(maxsize=4)
def _load_index(path: str) -> dict[str, Any]:
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(
            f"CAMEO verb index missing at {p}; rebuild it with "
            "python -c \"from harmattan.events.verbs import build_verb_index; "
            "build_verb_index('CAMEO.2.0.txt')\""
        )
    with gzip.open(p, "rt", encoding="utf-8") as fh:
        index = json.load(fh)
    if index.get("format") != INDEX_FORMAT:
        raise ValueError(f"{p}: index format {index.get('format')!r}, expected {INDEX_FORMAT}; rebuild it")
    return index


def _load_nouns(path: Path) -> dict[str, _Noun]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    nouns: dict[str, _Noun] = {}
    for lemma, spec in (data.get("nouns") or {}).items():
        spec = spec or {}
        code = spec.get("code")
        forms = spec.get("forms")
        nouns[str(lemma).lower()] = _Noun(
            lemma=str(lemma).lower(),
            code=str(code) if code is not None else None,
            forms=frozenset(str(f).lower() for f in forms) if forms else None,
            modifiers={str(k).lower(): str(v) for k, v in (spec.get("modifiers") or {}).items()},
        )
    return nouns


# --------------------------------------------------------------------------------------------
# Matching


_DATED = frozenset({"DATE", "TIME"})
# (not "to" or "for", whose date may be the object: "sentenced to 27 years", "called for two
# days of strikes")
_OF_TIME = frozenset({"on", "in", "at", "during", "since", "until", "till", "throughout", "within"})


def _dated_preposition(tok: Any) -> bool:
    """A preposition that only dates the act ("on Monday", "in March", "at dawn"): the patterns'
    prepositions are the ones of its objects, never of its time."""
    if tok.dep_ != "prep" or tok.lower_ not in _OF_TIME:
        return False
    objects = [c for c in tok.children if c.dep_ == "pobj"]
    # (the coder parses with the entity recogniser off: the words of time, then)
    return bool(objects) and all(o.ent_type_ in _DATED or _a_time_word(o) for o in objects)


def _a_time_word(token: Any) -> bool:
    """A day, a month, a part of the day or a year ("on Monday", "in March", "at dawn", "in
    2015")."""
    word = token.lower_
    return word in _DAY_WORDS or word in _TIME_WORDS or (
        len(word) == 4 and word.isdigit() and word[:2] in {"19", "20"})


_TIME_WORDS = frozenset("dawn dusk midnight noon nightfall daybreak week weekend month year "
                        "today yesterday tonight".split())


class _SentenceIndex:
    """Where each word occurs in a sentence: exact keys (form, lemma) and stem keys."""

    __slots__ = ("exact", "stem", "start", "end", "hyphens", "keys")

    def __init__(self, tokens: Iterable[Any], start: int, end: int) -> None:
        exact: dict[str, list[int]] = {}
        stem: dict[str, list[int]] = {}
        hyphens: set[int] = set()
        exact_at: dict[int, tuple[str, set[str]]] = {}
        for tok in tokens:
            i = tok.i
            lower = tok.lower_
            if lower in ("-", "–"):
                hyphens.add(i)
            if _dated_preposition(tok):
                continue  # "called Putin on Monday" is no call on anyone: CALL's "(ON)" [020]
            keys = {lower, tok.lemma_.lower()}
            if tok.is_alpha:
                exact_at[i] = (lower, keys)
            for key in keys:
                exact.setdefault(key, []).append(i)
            for key in keys:
                n = len(key)
                for k in range(max(_MIN_STEM, n - _MAX_STEM_EXTRA), n):
                    lst = stem.setdefault(key[:k], [])
                    if not lst or lst[-1] != i:
                        lst.append(i)
        for i in sorted(hyphens):
            # a word the tokenizer split at its hyphen ("sit-in": "sit", "-", "in") is found
            # whole, where it starts, as the dictionary writes it ("- * SIT-IN [141]")
            left, right = exact_at.get(i - 1), exact_at.get(i + 1)
            if left is not None and right is not None:
                for key in {f"{left[0]}-{r}" for r in right}:
                    exact.setdefault(key, []).append(i - 1)
        for positions in exact.values():
            positions.sort()
        self.exact = exact
        self.stem = stem
        self.start = start
        self.end = end
        self.hyphens = hyphens
        #: Every word positions() can find something for (a word marked exact, "cash_", is
        #: found only if "cash" is here).
        self.keys = exact.keys() | stem.keys()

    def positions(self, word: str) -> list[int]:
        if word.endswith("_"):
            return self.exact.get(word[:-1], [])
        full = self.exact.get(word, [])
        if len(word) < _MIN_STEM:
            return full
        stemmed = self.stem.get(word)
        if not stemmed:
            return full
        if not full:
            return stemmed
        return sorted(set(full) | set(stemmed))

    def first_at_or_after(
        self, words: tuple[str, ...], lo: int, hi: int, tail_hi: int | None = None,
    ) -> tuple[int, int] | None:
        """The earliest occurrence of the word sequence starting in [lo, hi): (first, last) index.

        The sequence must end before ``tail_hi`` (default ``hi``).
        """
        tail_hi = hi if tail_hi is None else tail_hi
        first_positions = self.positions(words[0])
        k = bisect.bisect_left(first_positions, lo)
        while k < len(first_positions) and first_positions[k] < hi:
            p = first_positions[k]
            last = p
            ok = True
            for w in words[1:]:
                nxt = last + 1
                if nxt in self.hyphens:  # "air-strike", "cease-fire"
                    nxt += 1
                if nxt >= tail_hi or nxt not in self.positions(w):
                    ok = False
                    break
                last = nxt
            if ok:
                return p, last
            k += 1
        return None


def _match_elements(
    elements: tuple[tuple[tuple[str, ...], ...], ...], index: _SentenceIndex, lo: int, hi: int,
) -> tuple[int, list[int]] | None:
    """Match elements in order inside [lo, hi); return (words matched, token indices) or None."""
    pos = lo
    used: list[int] = []
    n_words = 0
    for element in elements:
        best: tuple[int, int] | None = None
        best_words = 0
        for alt in element:
            hit = index.first_at_or_after(alt, pos, hi)
            if hit is not None and (best is None or hit[1] < best[1]):
                best, best_words = hit, len(alt)
        if best is None:
            return None
        used.extend(range(best[0], best[1] + 1))
        n_words += best_words
        pos = best[1] + 1
    return n_words, used


_OCCUPY = "192"
_SEIZE = ("171", "192")
_ARREST = "173"
# Nouns for people: seizing or capturing them is an arrest (or an abduction), not the seizure
# of property (171) or the occupation of territory (192).
PEOPLE = _PEOPLE = frozenset("""
    suspect suspects man men woman women people person persons individual individuals member
    members leader leaders commander commanders chief chiefs boss bosses kingpin kingpins
    fighter fighters militant militants jihadist jihadists rebel rebels insurgent insurgents
    terrorist terrorists gunman gunmen soldier soldiers officer officers official officials
    minister ministers president journalist journalists activist activists smuggler smugglers
    trafficker traffickers criminal criminals gang gangster gangsters hostage hostages
    civilian civilians student students opponent opponents lawyer lawyers mayor mayors
    governor governors politician politicians deputy deputies lawmaker lawmakers general
    generals colonel colonels captain lieutenant citizen citizens national nationals migrant
    migrants worker workers head operative operatives associate associates accomplice
    accomplices son brother him her them
""".split())


def _seized_people(verb: Any, code: str) -> str:
    """``code``, or an arrest (173) when a seizure or occupation (171, 192) takes people:
    "soldiers captured two JNIM commanders", "police seized three suspected smugglers"; or a
    release of people (0841, RETREAT) when releasing or freeing (080, 084) takes them: "Ivory
    Coast released 46 soldiers", "the junta freed several ministers" (not aid, not a verbal
    concession: the PLOVER manual codes an actual release as RETREAT)."""
    if code == _JUDICIAL and verb.lemma_.lower() == "extradite" and _suffered_without_agent(verb):
        # "El Chapo was extradited to the United States": the person's removal (COERCE, as
        # the act conventions code it); "Zambia extradited X to Britain" stays the states'
        # judicial cooperation (063, as the PLOVER records code it).
        return _DEPORT
    if code.startswith(_SEIZE):
        if verb.lemma_.lower() in {"arrest", "detain"}:
            # ARREST shares its block with SEIZE: "was arrested in a Buenos Aires airport"
            # ("* AIRPORT", 192) arrests someone, it occupies no airport
            return _ARREST
        changed = _ARREST
    elif (code in _YIELD or code == _RELEASE) and verb.lemma_.lower() in _RELEASE_VERBS:
        # (a name as the passive subject is someone released: "Edwin Emanuel was eventually
        # released on appeal"; a name taken may be a town: "Menaka was seized")
        return _RELEASE if _takes_people(verb) or _named_passive(verb) else code
    else:
        return code
    return changed if _takes_people(verb) else code


def shared_object(verb: Any) -> list[Any]:
    """The object ``verb`` shares with the verb coordinated right after it ("Argentina has
    released and deported two Colombian traffickers", "arrested and charged two officers"):
    ``verb`` has nothing after it but "and" and that verb, which has no subject of its own."""
    after = [c for c in verb.children if c.i > verb.i]
    conj = [c for c in after if c.dep_ == "conj" and c.pos_ == "VERB"]
    if len(conj) != 1 or any(c.dep_ not in {"cc", "conj", "punct"} for c in after):
        return []
    if any(c.dep_ in {"nsubj", "csubj", "nsubjpass"} for c in conj[0].children):
        return []
    return [c for c in conj[0].children if c.dep_ == "dobj"]


def _named_passive(verb: Any) -> bool:
    return any(c.dep_ == "nsubjpass" and c.pos_ == "PROPN" for c in verb.children)


def _takes_people(verb: Any) -> bool:
    """The verb's object (or passive subject) is people: "captured one of the country's most
    wanted fugitives", "freed some of the hostages", "released the underage son of …"; "released
    and deported two Colombian traffickers": the object the next verb shares)."""
    children = list(verb.children)
    if not any(c.dep_ in {"dobj", "obj", "nsubjpass"} for c in children):
        children += shared_object(verb)
    for child in children:
        if child.dep_ not in {"dobj", "obj", "nsubjpass"}:
            continue
        heads = [child] + [g for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                           and child.lower_ in _PARTS for g in p.children if g.dep_ == "pobj"]
        if any(h.lower_ in _PEOPLE or h.lower_ in _RELEASED for h in heads):
            return True
        if child.ent_type_ == "PERSON" or any(
                a.dep_ == "appos" and a.lower_ in _PEOPLE for a in child.children):
            # ("Usuga, brother of Urabenos leader Dario Antonio Usuga, was captured in the city
            # of Medellin": a person captured, no town occupied)
            return True
    return False


_MOBILIZE = "150"
_TO_HELP = re.compile(r"peace-?keep|\bmission\b|\bmonitor|\bobserv|\btrain(?:ing)?\b|\bto (?:help|assist|support)"
                      # (not help to do what force does: "sent to the city to help curb violence")
                      r"(?! (?:curb|restore|fight|combat|tackle|stop|secure|maintain|control|quell|contain|"
                      r"reduce|end|prevent|crack|clamp|counter|suppress|patrol)\b)"
                      r"|\brelief\b|\brescue\b|\bhumanitarian\b", re.IGNORECASE)


_BLAME = ("111", "112")


def _confessed(verb: Any, code: str) -> str:
    """A confession, an admission or a plea of guilty is a concession (080, CONCEDE, as the act
    annotations code all of them), whatever act it owns up to ("Matthew Williams eventually
    confessed to the arson attack", "he admitted murdering Matson and Mowder", "Saca pleaded
    guilty to these charges": CONFESS and ADMIT were DISCLOSE, 050, and PLEAD an appeal, 020);
    a plea of not guilty is a denial (016).  Not someone admitted to a hospital or into a body
    (a passive)."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma == "plead" and any(c.lower_ == "guilty" for c in children):
        return "016" if any(c.dep_ == "neg" or c.lower_ == "not" for c in children) or any(
            g.lower_ == "not" for c in children if c.lower_ == "guilty" for g in c.children) else "080"
    if lemma in {"confess", "admit"} and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) \
            and not taken_to_care(verb):
        return "080"
    return code


def _charged(verb: Any, code: str) -> str:
    """Charged in the passive, convicted and indicted are legal action (173, COERCE, as the act
    conventions code formal charges): "Guzman was charged along with his co-leader and 22
    others" (BLAME's 112 reads the active "charged that …", an accusation)."""
    if code.startswith(_BLAME) and verb.lemma_.lower() == "charge" and (any(
            c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or headline_passive(verb)):
        return _ARREST  # (or a headline's passive: "Colombians Charged in Money Laundering Scheme")
    if code.startswith(_BLAME) and verb.lemma_.lower() == "charge" and any(
            c.dep_ == "dobj" for c in verb.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" for g in c.children)
            for c in verb.children):
        # "UEFA … charged Liverpool with acts of damage": charging someone with an offence
        # named by a noun is a formal charge whatever the noun (CHARGE_FORMALLY's "(WITH
        # &CRIME_CHARGES)" reads crimes only); an accusation is "charged that …", or charged
        # with doing something no crime word names ("Mali charged France with supporting
        # terrorists")
        return _ARREST
    if code.startswith(_BLAME) and verb.lemma_.lower() in {"convict", "indict"}:
        # "Honduras has convicted a major drug trafficker … in a second case against him": a
        # conviction, an indictment is legal action whatever pattern of the CRITICIZE / ACCUSE
        # block it meets ("- * CASE AGAINST [111]"; CONVICT's own code is 173)
        return _ARREST
    return code


#: Verbs that name what their object is ("called the attack a cowardly act").
_NAMING = frozenset({"call", "label", "brand", "term", "dub"})
#: What a speaker calls something, in words of blame or of praise.
_BLAMING_WORDS = re.compile(
    r"\b(?:coward\w*|fraud\w*|baseless|groundless|unfounded|disgrac\w*|unacceptabl\w*|biased|"
    r"illegal\w*|illegitimate|unlawful|unconstitutional|shame\w*|outrag\w*|ridiculous|absurd|"
    r"terroris\w*|criminal\w*|barbar\w*|unjust\w*|injustice|racis\w*|lies|lie|false|fake|"
    r"irresponsible|provocat\w*|violation\w*|mistake\w*|failure\w*|dangerous|reckless|"
    r"farce|sham|hoax|travesty|betray\w*|aggressi\w*|hypocri\w*|scandal\w*|despicable|"
    r"heinous|cruel\w*|inhuman\w*|atroci\w*|genocid\w*|crimes?|corrupt\w*|propaganda|"
    r"slander\w*|defamat\w*|insult\w*|blackmail|interference|meddling|threat\w*|"
    r"act of war|declaration of war|witch[- ]hunt|politically motivated)\b", re.IGNORECASE)
_PRAISING_WORDS = re.compile(
    r"\b(?:historic|landmark|milestone|breakthrough|hero\w*|brave\w*|courag\w*|success\w*|"
    r"great|excellent|positive|important step|step forward|victory|welcome|friend\w*|"
    r"partner\w*|backbone|model|exemplary|remarkable|admirable|visionary|wise|patriot\w*|"
    r"legitimate|fair)\b", re.IGNORECASE)


def _naming_predicate(verb: Any) -> Any:
    """The words a naming verb (call, label, brand …) names its object with, the parse's
    ``oprd``: "called the attack [a cowardly act]"; None for no naming ("Macron called Putin on
    Monday": a name alone), or for a naming clause that tells another act's manner."""
    if verb.lemma_.lower() not in _NAMING or verb.dep_ in {"advcl", "acl", "relcl", "xcomp", "pcomp"}:
        return None
    predicate = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if predicate is None or (not any(c.dep_ == "dobj" for c in verb.children)
                             and not any(c.dep_ in {"appos", "amod", "acl"} for c in predicate.children)
                             and predicate.pos_ == "PROPN"):
        return None
    return predicate


def _named_only(verb: Any, code: str) -> bool:
    """A naming with words of neither blame nor praise is no appeal, meeting or call (CALL's 02x,
    03x and 04x): "WOLA called the aid project a cautionary tale for future US efforts" (CALL's
    "* (FOR)" read the "for" of the name) is the speaker's reading, no act."""
    return code[:2] in {"02", "03", "04"} and _naming_predicate(verb) is not None \
        and _described(verb, code) == code


def _described(verb: Any, code: str) -> str:
    """A naming verb with what it names its object ("called the attack a cowardly act", "called
    the election results fraudulent", "called Trump 'the first guy with a backbone'") is the
    speaker's blame (111, DISAPPROVE) or praise (051, SUPPORT), as the words it names it with
    say; no visit, appeal or telephone call (CALL's 04x and 02x).  "Macron called Putin on
    Monday" names nothing: the parse's predicate is only a name.  Nor a naming clause that
    tells the manner of another act ("has rejected the classification, calling it meddling":
    the rejection)."""
    predicate = _naming_predicate(verb)
    if predicate is None:
        return code
    # (the words that name it, not a circumstance: "called this a record figure in Peru's
    # fight against fake currency" blames no one)
    aside = {t.i for c in predicate.children if c.dep_ == "prep" for t in c.subtree}
    words = " ".join(t.text for t in predicate.subtree if t.i not in aside)
    if _BLAMING_WORDS.search(words):
        return "111"
    if _PRAISING_WORDS.search(words):
        return "051"
    return code


def _deployed_to_help(verb: Any, code: str) -> str:
    """Forces deployed (MOBILIZE, DEPLOY_TROOPS in verbs_extra.txt) for peacekeeping or a
    mission are peacekeeping (074, AID), to train or help another's forces military
    cooperation (062): "Britain is deploying 300 troops to the UN peacekeeping mission in Mali
    to help strengthen security" moves no force against anyone."""
    if code != _MOBILIZE or verb.lemma_.lower() not in {"deploy", "redeploy", "send", "dispatch"}:
        return code
    found = _TO_HELP.search(verb.doc.text)
    if found is None:
        return code
    return "074" if re.match(r"peace|mission|monitor|observ", found.group(0), re.IGNORECASE) else "062"


def _helps_to_do(verb: Any) -> bool:
    """"helped run the family business", "will help reduce violence": help to do something,
    with no one helped, is no aid; what is done is the act, if any ("helped the army fight
    the jihadists" is)."""
    if verb.lemma_.lower() not in {"help", "assist"}:
        return False
    done = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB"]
    helped = [c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj"}] + [
        c for t in done for c in t.children if c.dep_ == "nsubj" and c.i > verb.i]
    return bool(done) and not helped


#: Units a weight is given in ("a single bill weighs about a gram").
_MEASURES = frozenset("gram grams kilogram kilograms kilo kilos kg pound pounds ton tons tonne tonnes "
                      "ounce ounces".split())
#: Places and ways where something lies ("the responsibility lies with the police").
_LYING_AT = frozenset({"with", "in", "at", "on", "behind", "ahead", "within", "beyond", "between",
                       "along", "near", "under", "outside", "inside", "among"})
#: The rank and file firing dismisses (an official dismissed, "fired the police chief", is
#: COERCE 172: verbs_extra.txt, DISMISS_OFFICIAL).
_STAFF = frozenset("police policemen policeman officers officer employee employees staff staffer staffers "
                   "agent agents worker workers inspector inspectors guard guards soldiers".split())
#: What a text or a finding gives a reader: a view, not an offer or aid.
_VIEWS = frozenset("snapshot glimpse insight insights look picture view overview window sense idea hint "
                   "clue portrait account illustration example indication proof evidence".split())
#: Days and times ("fired the police chief on Monday").
_TIMES = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march "
                   "april may june july august september october november december day days night "
                   "morning afternoon evening weekend date occasion".split())
#: Where a shot is fired: at someone, on or into a crowd.
_SHOT_AT = frozenset({"at", "on", "upon", "into", "toward", "towards", "over"})


#: What is "held up" when it is delayed (not a bus or a bank held up by robbers).
_DELAYED = frozenset("passage approval bill law process vote talks deal payment payments aid shipment plan "
                     "plans reform nomination ratification release decision investigation case trial "
                     "extradition negotiations agreement funds funding".split())
#: Nouns that an act noun can modify and name no act: a group that does such acts, a measure
#: or a trend of them, a system or a law about them ("a kidnapping ring", "the murder rate",
#: "Honduran Criminal Assets Frozen in Crippled Seizure System" was COERCE on "Seizure").
_NOT_ACT_HEADS = frozenset("ring network cell gang racket band industry business market rate rates "
                           "system statistic statistics figure figures trend level levels policy tactic "
                           "tactics technique techniques method methods capability capacity law legislation "
                           "bill unit".split())
#: What one "holds" that is a standing, no one held ("who holds U.S. citizenship": HOLD read
#: as CONFINE, 170).
_HELD_STANDING = frozenset("citizenship nationality passport office post position seat title rank record "
                           "view views belief beliefs opinion stake stakes share shares majority degree "
                           "license licence licenses visa".split())
#: Gatherings one "holds" that confine no one (HOLD read as CONFINE, 170) and state no act of
#: their own (not talks, meetings, conferences or rallies, which HOLD's patterns read).
_HELD_EVENTS = frozenset("symposium ceremony forum workshop seminar festival celebration funeral memorial "
                         "exhibition concert gala commemoration competition tournament contest auction "
                         "screening lecture webinar fair party event launch reception dinner "
                         "banquet parade show".split())
#: What one "takes" that is no one taken ("took the first step", "took a toll"; not "took
#: place", whose subject may be the act: "The attack took place in Kidal").
_TAKEN_NO_ONE = frozenset("step toll note stock shape root hold precedence effect turn advantage "
                          # care, charge or an aim taken ("the bishop took care to distance the
                          # church from the rebels")
                          "care charge aim pride issue offense offence oath "
                          # a ride ("as they took an elevator to the loading dock")
                          "elevator lift escalator stairs taxi cab bus train flight plane ferry "
                          "subway metro route detour shortcut".split())
#: Verbs that tell a tie between things or people (LINK's block, 060).
_LINKING = frozenset({"link", "tie", "connect", "relate"})
#: What one "comes to" that is no place or party visited ("came to light", "came to power").
_COME_TO_STATES = frozenset("light power end halt standstill conclusion term terms mind attention head "
                            "fruition close bear realize realise life".split())


#: Where one comes to, when coming is a visit ("came to Caracas", "came into Mali").
_COME_PLACES = frozenset({"to", "into", "from"})
#: The words of a clause that coming only frames ("came … when", "comes as", "came after").
_FRAMING_MARKS = frozenset({"when", "as", "after", "amid", "while", "days", "weeks", "just"})


#: What is released when information is: a report, figures, a video ("released a series of
#: intercepted emails", "the release of the official data").
_INFORMATION = frozenset("""
    data figure figures statistic statistics number numbers report reports statement statements
    email emails e-mail e-mails video videos footage image images photo photos photograph
    photographs picture pictures document documents recording recordings audio tape tapes list
    names detail details information result results finding findings series film documentary
    book album song transcript transcripts letter letters communique communiqué memo audit study
    survey poll evidence text message messages record records file files audio cable cables
    map maps analysis guideline guidelines version trailer episode
""".split())


def _information(tok: Any) -> bool:
    """``tok`` (a verb of releasing, or the noun "release") releases information: its object or
    passive subject, or what the noun is of or compounds with ("data release"), names it
    (through "a series of", "a list of")."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        heads = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        heads += [c for c in tok.children if c.dep_ == "compound"]
    else:
        heads = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    for head in list(heads):
        heads += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    return any(h.lemma_.lower() in _INFORMATION or h.lower_ in _INFORMATION for h in heads)


#: Verbs by which cases of a disease are found or told, and what is found: "Vietnam's fourth
#: swine flu infection was confirmed", "An 8th case of mad cow disease was found in a cow".
_FINDING_VERBS = frozenset({"find", "discover", "confirm", "report", "detect", "record", "register",
                            "identify", "diagnose", "announce", "document", "notify", "suspect"})
_DISEASE_FOUND = frozenset("""
    case cases infection infections outbreak outbreaks strain strains symptom symptoms virus viruses
    disease diseases illness illnesses contamination epidemic pandemic flu influenza
""".split())


def disease_found(verb: Any) -> bool:
    """``verb`` finds or tells cases of a disease, an outbreak, an infection (its object or its
    passive subject, or what they are "of"): news of an illness, no one's act."""
    if verb.lemma_.lower() not in _FINDING_VERBS:
        return False
    heads = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    heads += [g for h in list(heads) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj" and h.lemma_.lower() in _PARTS | {"number"}]
    return any(h.lemma_.lower() in _DISEASE_FOUND or h.lower_ in _DISEASE_FOUND for h in heads)


_ENVOYS = frozenset("ambassador ambassadors envoy envoys diplomat diplomats".split())
_CARE = frozenset("hospital hospitals clinic clinics infirmary ward wards icu".split())


def taken_to_care(verb: Any) -> bool:
    """Someone taken, admitted or rushed to a hospital ("was taken to Frederick Memorial
    Hospital, where he died", "a patient was admitted to a hospital"), or hospitalised: care
    given, no one's act the sentence model's AID should read."""
    lemma = verb.lemma_.lower()
    if lemma in {"hospitalize", "hospitalise"}:
        return True
    if lemma not in {"take", "admit", "rush", "transfer", "transport", "fly", "airlift", "evacuate", "bring"}:
        return False
    places = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "into"}
              for g in c.children if g.dep_ == "pobj"]
    return any(p.lemma_.lower() in _CARE or any(w.lower_ in _CARE for w in p.subtree) for p in places)


def product_recall(verb: Any) -> bool:
    """A maker's recall of goods ("the manufacturer recalled all of its dog and cat food",
    "issued a recall for its train sets"), or something recalled to mind: no envoy recalled."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if lemma == "recall":
        return bool(objects) and not any(o.lemma_.lower() in _ENVOYS or o.lower_ in _ENVOYS for o in objects)
    return lemma in {"issue", "announce", "order", "expand"} and any(o.lemma_.lower() == "recall" for o in objects)


#: What is "hit" with no one struck: a traffic light, a level, a market.
_HIT_NO_ONE = frozenset("light stoplight stop brake brakes record high low peak mark market shelf shelves headline headlines "
                        "snag jackpot milestone bottom ceiling limit level".split())


def _nested_clauses(verb: Any, coded: bool) -> set[int]:
    """The tokens of the clauses below ``verb``'s own words: a gerund after a preposition ("for
    heading a gang"), a participle or relative clause on a noun after the verb; for a pattern
    that tells no act, an infinitive, a reported clause and the clauses on its subject too (a
    coded pattern's words may be the infinitive's, ORDER's "* TO", or the subject's: "163
    Chinese peacekeepers who are part of a 331-strong force of troops arrived")."""
    deps = _NESTED_DEPS if coded else _NESTED_DEPS | {"xcomp", "ccomp"}
    out: set[int] = set()
    for token in verb.subtree:
        if coded and token.i < verb.i:
            continue
        if token.i != verb.i and token.pos_ in {"VERB", "AUX"} and token.dep_ in deps and token.i not in out:
            out.update(t.i for t in token.subtree)
    return out


_NESTED_DEPS = frozenset({"pcomp", "acl", "relcl", "advcl"})


#: Verbs of reaching an agreement: failing to is a rejection ("failed to reach a deal").
_AGREEING = frozenset({"reach", "agree", "conclude", "strike", "broker", "secure", "clinch", "seal",
                       "find", "settle"})


def _claims_a_fact(verb: Any) -> bool:
    """``verb`` has a clause with "that" whose verbs are all past or present, with no modal:
    what it says is a fact claimed, not a promise."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    for clause in clauses:
        for v in [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})]:
            if any(a.dep_ == "aux" and (a.tag_ == "MD" or a.lower_ in {"to", "going"}) for a in v.children) \
                    or v.tag_ in {"VB", "MD"}:
                return False
    return True


def _no_act_sense(verb: Any) -> bool:
    """A verb of the lexicon used in a sense that tells no act: a weight ("a single US bill
    weighs approximately 1 gram": WEIGH read as CONSIDER, 040), where something lies ("the
    responsibility lies with the 130 police": LIE read as an accusation), coverage ("local media
    reported on an ongoing conflict"), the rank and file dismissed ("980 officers were fired":
    FIRE read as FIGHT, 190; the act annotations give "fired some 980 state policemen" no event;
    not "fired tear gas at a crowd", "fired on the officers"; an official fired, "fired the
    police chief", stays COERCE 172, verbs_extra.txt's DISMISS_OFFICIAL), a view given ("the
    emails offered a snapshot of …": OFFER read as an agreement, 030), "as opposed to", what
    comes to light or to power (COME read as a visit, 040), who "struck out on their own" (STRIKE
    read as FIGHT), a law "held up" and a citizenship or a post held (HOLD read as CONFINE,
    170), figures that "shot up" (SHOOT read as FIGHT), a look, a step or a toll taken (TAKE read as an arrest, 171), what one
    "managed to" do (MANAGE read as an agreement, 030; the verb below tells the act).  Read off
    the coder's events on 280 InSight Crime articles no annotator read."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if disease_found(verb) or product_recall(verb):
        return True  # ("South Korea has reported a case in a tourist visiting Mexico")
    if lemma == "assure" and _claims_a_fact(verb):
        # ("Saca assured that his arrest had a political motive"): a claim, not a pledge
        # (ASSURE, 030); "assured that the elections would take place" still is one
        return True
    if lemma in {"agree", "concur"} and _claims_a_fact(verb) and not any(
            c.dep_ in {"nsubjpass", "auxpass", "xcomp"} for c in children):
        # ("Housing officer Clare Curley agreed that there was a need to increase inspections",
        # "The five airlines agreed that airline representation … is not as effective"): a view
        # shared, not an agreement to act (AGREE, 030); "agreed that Ethiopia would withdraw"
        # still is one
        return True
    if lemma == "release" and _information(verb):
        # ("Santos released a series of intercepted emails", "the ministry released figures"):
        # a disclosure, not RELEASE's freeing (084)
        return True
    if lemma in _LINKING and (verb.dep_ in {"acl", "amod"} or any(
            c.dep_ in {"nsubjpass", "auxpass"} for c in children) or (
            verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "dobj"} for c in children))):
        # (a bare participle the parse made a verb: "…, a haul likely linked to the Urabenos")
        # ("has long been linked to drug trafficking groups", "evidence linking Pinochet and
        # drug trafficking", "the crime … was tied to a Mennonite group"): a tie told, no
        # cooperation (LINK, 060); the act annotations give them none.  Authorities who link
        # someone to a crime accuse him (verbs_extra.txt, LINK_TO).
        return True
    if lemma == "lead" and any(c.dep_ == "dobj" for c in children) and any(
            c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in children):
        # ("These numbers led Defense Minister Rodrigo Rivera to promise …", "Pressure led Mexico
        # to extradite …"): a cause; the verb below tells the act, not LEAD's "* TO" (030)
        return True
    if lemma == "lead" and not any(c.dep_ in {"dobj", "nsubjpass"} for c in children) and any(
            c.dep_ in {"prep", "dative"} and c.lower_ == "to" for c in children):
        # ("her cooperation with the authorities led to a minimal sentence", "clashes have led
        # to a spike in murders"): a cause, no agreement (LEAD's "* TO", 030); the act
        # annotations never code one (what it led to may be an act: "led to the seizure of …")
        return True
    if lemma in {"break", "set", "smash", "equal", "beat"} and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in {"record", "mark"} for c in children):
        # ("McCowan broke the rebounding mark set by Charlotte Smith", "smashed the world
        # record"): a feat, no violence (BREAK read as 170)
        return True
    if lemma == "sign" and any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in {"letter", "petition"}
                               for c in children):
        # ("94 members of the US Congress signed a letter calling on the Obama administration to
        # suspend all military aid"): what the letter says is the act, not SIGN's "* &MILITARY"
        # (062) or "* &TREATY" (057)
        return True
    if lemma == "hit" and any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _HIT_NO_ONE
                              for c in children):
        # ("The state policemen had hit a red stop light when the triggermen attacked",
        # "cocaine seizures hit a record high", "the film hit the market"): a stop reached or a
        # level, no blow (HIT, 180/190)
        return True
    if lemma == "expect" and any(c.dep_ in {"nsubjpass", "auxpass"} for c in children):
        # ("The trade mission is expected to arrive in Lagos", "Park's lawyers are expected to
        # appeal"): someone else's expectation, a prediction (the act annotations code every
        # one of them none), not the subject's intent to cooperate (EXPECT, 030)
        return True
    if lemma == "fail" and any(c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}
                               and c.lemma_.lower() not in _AGREEING for c in children):
        # ("the Centre had failed to frame a scheme", "a lawmaker failed to disclose …"): what
        # was not done is read on the verb below, negated (modality), not FAIL's rejection (120);
        # talks that "failed to reach agreement" are still one (PLOVER's REJECT)
        return True
    if lemma in {"match", "mirror"}:
        # ("Descriptions of the assailants … match those of the gunmen": to correspond, not
        # the dictionary's PHYSICAL_CONFLICT, 190)
        return True
    if lemma == "weigh":
        return any(c.dep_ in {"dobj", "npadvmod", "attr"} and (
            c.lower_ in _MEASURES or any(g.dep_ == "nummod" for g in c.children)) for c in children)
    if lemma == "go" and any(c.dep_ == "prt" and c.lower_ in {"up", "down"} for c in children):
        return True  # ("the ratings went up", "prices went down"): no one went anywhere (040)
    if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in children) \
            and not any(c.dep_ in {"dobj", "nsubjpass"} for c in children) \
            and any(c.dep_ == "prep" and c.lower_ in {"as", "from"} for c in children):
        return True  # ("when he took over from Bruce Forsyth as the presenter"): a post taken up
    if lemma in {"offer", "provide", "give", "paint", "take"}:
        # ("the emails … offered a snapshot of the broad portfolio of financial interests"; "took
        # a behind-the-scenes look at a new investigation": TAKE read as an arrest, 171)
        # ("has taken the first step toward formulating a policy", "took a toll")
        views = _VIEWS | _TAKEN_NO_ONE if lemma == "take" else _VIEWS
        if lemma == "take" and any(c.dep_ == "prep" and c.lower_ == "into" and any(
                g.lemma_.lower() == "hand" for g in c.children) for c in children):
            return True  # ("Venezuela Citizens Take Security Into Own Hands"): no one taken
        return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in views for c in children)
    if lemma in {"report", "write"}:
        # ("local media reported on an ongoing conflict between the two groups")
        return any(c.dep_ == "prep" and c.lower_ in {"on", "about"} and not any(
            g.lower_ in _TIMES or g.like_num for g in c.children) for c in children)  # (not "on April 6")
    if lemma == "lie" and verb.lower_ not in {"lied"}:
        return any(c.dep_ == "prep" and c.lower_ in _LYING_AT for c in children)
    if lemma == "oppose" and verb.i > 0 and verb.doc[verb.i - 1].lower_ == "as":
        return True  # ("As opposed to its July 1 statement, … the Treasury this time identified …")
    if lemma == "come":
        # ("part of their reach came to light in a cable"; "came to power"): no visit
        if any(c.dep_ == "prep" and c.lower_ == "to" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _COME_TO_STATES for g in c.children) for c in children):
            return True
        # ("The latest development came on April 25 when Jacob Fehr … was sentenced", "The
        # arrest comes as …"): a frame for the act of the clause, no visit, when nothing says
        # where one came to
        # ("The latest measure comes as an official endorsement of a decree")
        return not any(c.dep_ == "prep" and c.lower_ in _COME_PLACES for c in children) and any(
            (c.dep_ == "advcl" and any(m.dep_ in {"advmod", "mark"} and m.lower_ in _FRAMING_MARKS
                                       for m in c.children))
            or (c.dep_ == "prep" and c.lower_ in {"as", "after", "amid"}) for c in children)
    if lemma == "hold" and any(c.dep_ == "dobj" and c.lemma_.lower() in _HELD_STANDING for c in children):
        return True  # ("Coronel, who holds U.S. citizenship"; "held the post of minister")
    if lemma == "hold" and any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _HELD_EVENTS
                               for c in children):
        return True  # ("organizers hope to hold a migrants' rights symposium", "a ceremony was held")
    if lemma == "hold" and any(c.dep_ == "prt" and c.lower_ == "up" for c in children):
        # ("President Felipe Calderon has held up the passage of a law"): delayed, no one held
        return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _DELAYED for c in children)
    if lemma == "strike" and any(c.dep_ == "prt" and c.lower_ == "out" for c in children):
        return True  # ("in 2010 struck out on their own after a fall out with the Gulf Cartel")
    if lemma == "manage" and any(c.dep_ == "xcomp" for c in children):
        # ("El Chapo has managed to evade capture": MANAGE's "- * TO [030]" read an agreement;
        # what was managed is the act, read on the verb below)
        return True
    if lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "up" for c in children):
        # ("murders and disappearances have shot up to record levels"): a rise; "gunmen shot
        # up a bar" has an object and stays an attack
        return not any(c.dep_ in {"dobj", "nsubjpass"} for c in children)
    if lemma == "fire":
        if any(c.dep_ in {"prep", "agent"} and c.lower_ in _SHOT_AT and not any(
                g.lower_ in _TIMES or g.like_num for g in c.children) for c in children):
            return False  # (not "on Monday")
        return any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in _STAFF for c in children)
    return False


def _captured(verb: Any, code: str) -> bool:
    """An arrest named by a verb of taking whose object is people ("Authorities in El
    Salvador have captured nearly two dozen members of a criminal network"): COERCE whatever
    the sentence model reads (it read FIGHT)."""
    return code == _ARREST and verb.lemma_.lower() in {"capture", "seize", "apprehend", "nab"} \
        and _takes_people(verb)


def _freed(verb: Any, code: str) -> bool:
    """A release of people ("a juvenile court has released the underage son of …") is RETREAT
    whatever the sentence model reads (it read AID)."""
    return code == _RELEASE and verb.lemma_.lower() in _RELEASE_VERBS and (
        _takes_people(verb) or _named_passive(verb))


_JUDICIAL = "063"
_DEPORT = "174"


def _suffered_without_agent(verb: Any) -> bool:
    """A passive whose subject is named and whose doer is not ("X was extradited")."""
    deps = {child.dep_ for child in verb.children}
    return "nsubjpass" in deps and "agent" not in deps


#: Words that take people by a part of them ("one of the fugitives").
_PARTS = frozenset("one two three four five six several some many most all dozens hundreds number group "
                   "handful dozen couple".split())


_YIELD = ("080", "084")
_RELEASE = "0841"
_RELEASE_VERBS = frozenset({"release", "free"})
#: Those a release frees, besides :data:`_PEOPLE`.
_RELEASED = frozenset("""
    prisoner prisoners detainee detainees captive captives diplomat diplomats passenger
    passengers schoolgirls schoolchildren daughter wife fugitive fugitives
""".split())


#: Verbs that tell one kind of act whatever the sentence around them (their own CAMEO code
#: decides, as a correction does, where the sentence model's quad class would overrule it:
#: "was arrested in Buenos Aires in 2010" read as a verbal conflict gave DISAPPROVE).
_UNAMBIGUOUS_VERBS = frozenset({"arrest", "detain", "kidnap", "abduct", "extradite", "assassinate", "patrol",
                                "behead", "lynch", "imprison", "jail", "deport",
                                # (an acquittal: read COERCE by the model for the trial around it)
                                "acquit",
                                # (praise: "He also applauded Operation Homeland" read RETREAT by the model)
                                "praise", "applaud", "commend", "laud",
                                # (bodies exhumed for evidence: read ASSAULT by the type head)
                                "exhume",
                                # (hostages rescued: read ASSAULT by the model for the kidnapping
                                # around them; the annotations code a rescue AID)
                                "rescue"})


_CHARGE_WORDS = re.compile(r"\b(?:CHARGES?|INDICTMENTS?)\b")


def _formal_charges(pattern: str, code: str) -> bool:
    """A pattern of formal charges ("filed charges … against Farinas": FILE's "- * CHARGE
    (AGAINST) [173]") decides the act: legal action, COERCE, as the act conventions code it,
    where the quad head reads an accusation and locks COERCE out."""
    return code == _ARREST and bool(_CHARGE_WORDS.search(pattern))


#: Words of a pattern that names the ties a state cuts.
_TIES_WORDS = re.compile(r"\b(?:TIES|RELATIONS|COOPERATION)\b")


def _ties_cut(pattern: str, code: str) -> bool:
    """A pattern of ties cut ("severed diplomatic ties with Kenya": SEVER's "- * {DIPLOMATIC
    TIES} [161]") decides the act: reduced relations (SANCTION), where the type head read the
    ties as a meeting (CONSULT)."""
    return code in {"160", "161"} and bool(_TIES_WORDS.search(pattern))


#: Verbs of accusation: one act when someone says it ("Global Witness alleges Lopez's political
#: influence helped the companies …" was read RETREAT by the model), not when they describe
#: ("alleged underbosses", "stands accused of").
_ACCUSING_VERBS = frozenset({"allege", "accuse", "condemn", "denounce", "criticize", "criticise"})


def _unambiguous_verb(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in _UNAMBIGUOUS_VERBS or (
        # (not in a headline's title case: "Mexico Arrests Alleged US Member of Tijuana Cartel")
        lemma in _ACCUSING_VERBS and tok.pos_ == "VERB" and tok.text[:1].islower()
        and tok.dep_ not in {"amod", "acl", "compound"}
        and any(c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} for c in tok.children))


def _unambiguous(tok: Any, code: str, verb_code: str | None) -> bool:
    """A verb that states one act whatever else the sentence says ("arrested"), matched by a
    pattern of the same type as the verb's own: the pattern decides as the verb alone would
    ("Spanish police arrested two Colombian men in Madrid" was read ASSAULT by the model)."""
    if not _unambiguous_verb(tok) or not verb_code:
        return False
    mine, its = cameo_to_plover(code), cameo_to_plover(verb_code)
    return mine is not None and its is not None and mine.event == its.event


#: Verbs that report what someone says or holds true: the speaker of an attribution.
ATTRIBUTING_LEMMAS = frozenset({"say", "tell", "claim", "allege", "state", "declare", "insist", "assert",
                                "believe", "suspect", "think", "add", "affirm"})
#: Crimes and attacks someone can be said to be behind or responsible for.
_ATTRIBUTED = frozenset(
    "attack attacks killing killings murder murders massacre assassination assassinations bombing "
    "bombings blast explosion ambush shooting kidnapping kidnappings abduction abductions extortion "
    "robbery robberies theft trafficking smuggling laundering violence crime crimes plot scheme "
    "operation operations death deaths disappearance disappearances fraud corruption racket "
    "network homicide homicides".split())
#: The CAMEO code of an accusation (BLAME, "accuse of crime").
ATTRIBUTION = "112"


def _attribution(tok: Any) -> VerbMatch | None:
    """A reported clause that makes someone the author of a crime or an attack: "the group was
    responsible for extortion, robbery …", "a former dentist is behind the operation", "the
    Zetas were behind the attack on the casino", said or believed by someone.  The speaker
    accuses (112); the coder gives the event the speaker as its source (the author's own "X
    is behind the attack" is no act of anyone).  Read off the act annotations' missed acts."""
    if tok.lemma_.lower() != "be" or tok.dep_ not in {"ccomp", "parataxis"} \
            or tok.head.lemma_.lower() not in ATTRIBUTING_LEMMAS:
        return None
    for child in tok.children:
        word = None
        if child.dep_ == "acomp" and child.lower_ == "responsible":
            word = next((g for p in child.children if p.dep_ == "prep" and p.lower_ == "for"
                         for g in p.children if g.dep_ == "pobj"), None)
        elif child.dep_ == "prep" and child.lower_ == "behind":
            word = next((g for g in child.children if g.dep_ == "pobj"), None)
        if word is None:
            continue
        crimes = [word] + [c for c in word.children if c.dep_ == "conj"]
        if not any(w.lemma_.lower() in _ATTRIBUTED or w.lower_ in _ATTRIBUTED for w in crimes):
            continue
        return VerbMatch(ATTRIBUTION, child.i, child.idx, child.idx + len(child.text),
                         f"attribution: {child.lower_} [{ATTRIBUTION}]", 1, _negated(tok),
                         decisive=not _negated(tok))
    return None


def _is_verb(tok: Any) -> bool:
    return tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX") or _verb_read_as_noun(tok)


def _verb_read_as_noun(tok: Any) -> bool:
    """A headline's verb the tagger read as a plural noun, the root with an object of its
    own ("Somalia severs diplomatic ties with Kenya": no noun has an object)."""
    return tok.tag_ == "NNS" and tok.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in tok.children)


def _negated(tok: Any) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
    return False


#: Armed groups an accusation of support names as the supported (SUPPORT_TERRORISTS).
_ARMED_GROUP_WORDS = frozenset("""
    terrorist terrorists jihadist jihadists militant militants insurgent insurgents mercenary
    mercenaries rebels groups group
""".split())
_TIME_UNITS = frozenset({"hours", "days", "week", "weeks"})


#: Verbs of removal from office, and the offices they remove (DISMISS_OFFICIAL).
_DISMISSING = frozenset({"dismiss", "sack", "fire"})
_OFFICES = frozenset({"minister", "chief", "commander", "governor", "judge", "official", "ambassador",
                      "director", "officer", "agent", "force", "staff", "employee", "worker", "mayor",
                      "warden"})

#: Verbs that permit their object's act ("authorized the armies of Mali to intervene").
_PERMITTING = frozenset({"authorize", "authorise", "allow", "permit"})


def _permitted_act(verb: Any, clause: Any) -> bool:
    """The infinitive of what a verb of permitting lets its object do, which the parser may
    hang on the verb as an adverbial clause after a long object ("authorized the armies of Mali
    and Burkina Faso to intervene"): it is part of the verb's pattern, not a clause of its own."""
    return verb.lemma_.lower() in _PERMITTING and clause.dep_ in {"advcl", "xcomp"} \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
        and any(c.dep_ in {"dobj", "obj"} and c.i < clause.i for c in verb.children)


def _object_fits(verb: Any, pat: Any) -> bool:
    """Corrections of verbs_extra.txt that must find their words in the right place:
    - supporting armed groups (1121): the group is the verb's object ("supporting terrorist
      groups"), not a word further on ("support African armies fighting jihadists");
    - an ultimatum told by time (139, "gave the junta seven days to …"): a counted span of
      time and an infinitive of what must be done ("gave a press conference last week" is
      none);
    - a seizure of power (170): "power" is the object itself, not "the power station"."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    if pat.code == "1121":
        return any(o.lower_ in _ARMED_GROUP_WORDS and (o.lower_ not in {"groups", "group"} or any(
            m.lower_ in {"terrorist", "jihadist", "rebel", "armed", "militant"} for m in o.children))
            for o in objects)
    if pat.code == "139" and any(unit in pat.text for unit in ("HOURS", "DAYS", "WEEK")):
        spans = [c for c in verb.children if c.lower_ in _TIME_UNITS
                 and any(m.dep_ == "nummod" or m.lower_ in {"a", "one"} for m in c.children)]
        infinitive = any(c.dep_ in {"xcomp", "advcl", "relcl", "acl"} and any(
            t.lower_ == "to" and t.dep_ == "aux" for t in c.children)
            for node in [verb, *spans] for c in node.children)
        return bool(spans) and infinitive
    if pat.code == "170" and "POWER" in pat.text:
        return any(o.lemma_.lower() == "power" for o in objects)
    if pat.code == "160" and "TERRORIST" in pat.text:
        # "designated JNIM a terrorist organization"; not "its status as a US-designated
        # terrorist organization", a state told with an adjective
        return verb.dep_ not in {"amod", "compound", "npadvmod"} and verb.tag_ != "JJ"
    if pat.code == "172" and verb.lemma_.lower() in _DISMISSING:
        # "dismissed Prime Minister Choguel Maiga"; not "dismissed the minister's claims"
        return any(o.lemma_.lower() in _OFFICES or any(c.dep_ == "compound" and c.lemma_.lower() in _OFFICES
                                                       for c in o.children) for o in objects)
    if "DEPLOYED_FORCES" in pat.text:
        # the forces are what is sent ("deployed 500 soldiers", "security forces will be
        # sent"), not a word further on ("the email was sent from the computer of a guerrilla
        # leader … in a military campaign")
        moved = objects + [c for c in verb.children if c.dep_ == "nsubjpass"]
        # ("thousands of police and military were deployed")
        moved += [g for o in moved for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
        return any(w.lower_ in _FORCE_WORDS for o in moved
                   for w in [o, *(c for c in o.children if c.dep_ in {"compound", "amod", "conj"})])
    if pat.code == "0874" and "HELD_PLACE" in pat.text:
        # "withdrew from the town" is a retreat; "withdrew peacekeepers (aid, staff, …) from the
        # border" withdraws something else, which the source's own patterns code
        return not objects
    return True


#: The words of &DEPLOYED_FORCES (verbs_extra.txt), one by one.
_FORCE_WORDS = frozenset("""
    troops soldiers forces police policemen officers agents units personnel gunmen fighters
    military army guard marines reinforcements cells paratroopers brigade brigades battalion
    battalions contingent contingents squad squads commandos detachment platoon regiment
""".split())


#: ``Doc.user_data`` key: the verbs a pattern of no act ([---]) has read.
NO_ACT_KEY = "harmattan.no_act_verbs"
#: Verbs used in a sense that tells no act (``_no_act_sense``): a sentence whose main verb is
#: one states none, whatever verb hangs below it.
NO_SENSE_KEY = "harmattan.no_act_senses"


#: Verbs whose infinitive complement is an act refused, not done ("refused to lift the ban").
_REFUSING = frozenset({"refuse", "decline", "reject", "resist"})
#: Words of readiness or consent whose complement is only offered: "is willing to withdraw its
#: troops" (the quad set codes all such sentences verbal cooperation).
_OFFERING = frozenset({"willing", "ready", "prepared", "agree", "offer", "consent"})
#: Verbs by which someone asks another to act ("urged Niger to release Bazoum"): the act is
#: the demand, as the sentence model reads it.
_ASKING = frozenset({"ask", "urge", "demand", "tell", "call", "press", "push", "pressure", "want",
                     "invite", "request"})
#: Verbs of an order: what is ordered is the act (ORDER's "- * TO": "ordered gang members to
#: kidnap his son"), save a withdrawal ordered of another (``_withdrawal_ordered``).
_ORDERING = frozenset({"order", "force", "instruct"})


def _refused(tok: Any) -> bool:
    """The act is the complement of a refusal, of a readiness or a consent, or of a request:
    CAMEO codes the refusal (12x), the intent (03x) or the demand (10x), not the act, so the
    act's own pattern must not decide the type (an order is read apart: ``_ORDERING``)."""
    return tok.dep_ in {"xcomp", "ccomp"} and tok.head.lemma_.lower() in _REFUSING | _OFFERING | _ASKING


def _withdrawal_ordered(tok: Any, code: str) -> bool:
    """"Mali's government ordered France to withdraw its troops": the order that another leave
    is the act (a demand the sentence model reads), not the withdrawal."""
    return code.startswith("087") and tok.dep_ in {"xcomp", "ccomp"} and tok.head.lemma_.lower() in _ORDERING


class VerbPatternCoder:
    """Codes the verbs and event nouns of a parsed sentence with CAMEO codes.

    Example::

        coder = VerbPatternCoder()
        coder.initialize()
        coder.match(nlp("Rebels attacked a military base."))
        # [VerbMatch(code='190', trigger_i=1, ..., pattern='- * BASE [190]', specificity=1, ...)]
    """

    def __init__(self, path: str | Path | None = None, nouns_path: str | Path | None = None) -> None:
        self.path = path
        self.nouns_path = nouns_path

    # -- loading ------------------------------------------------------------------------------

    def initialize(self) -> "VerbPatternCoder":
        index = _load_index(str(Path(self.path) if self.path else VERBS_PATH))
        synsets = index["synsets"]
        extra_from = index.get("extra_from", len(index["blocks"]))
        # The verbs of each block, in all their written forms: a pattern of force written for
        # one of them ("# PRESS") may be that verb's only (_only_for).
        block_verbs: dict[int, set[str]] = {}
        for entry in index["verbs"]:
            block_verbs.setdefault(entry["block"], set()).update(_entry_words(entry))
        block_patterns: list[tuple[_Pattern, ...]] = []
        for number, block in enumerate(index["blocks"]):
            compiled = []
            for p in block["patterns"]:
                pre = tuple(_expand(e, synsets) for e in p["pre"])
                post = tuple(_expand(e, synsets) for e in p["post"])
                if any(not e for e in pre + post):
                    continue
                code = _code_or_none(p["code"]) or ""
                if code.startswith(_OCCUPY) and not post:
                    # "&MILITARY * [192]" (APPREHEND, SEIZE, CAPTURE): soldiers who arrest or
                    # capture someone do not occupy territory; an occupation names what is taken.
                    continue
                words = sum(min(len(a) for a in e) for e in pre + post)
                compiled.append(_Pattern(pre, post, code, p["text"], words, _gate(pre + post),
                                         extra=number >= extra_from,
                                         only_for=_only_for(p.get("for"), code,
                                                            _code_or_none(block["code"]),
                                                            block_verbs.get(number, set()))))
            # Most specific first, so the first hit at a given specificity is final; at equal
            # size, the extra dictionary's correction first.
            compiled.sort(key=_pattern_order)
            block_patterns.append(tuple(compiled))

        # Merge entries of a verb listed in several blocks (DISMISS is under DESPATCH and DISPEL).
        merged: dict[tuple[str, ...], dict[str, Any]] = {}
        surface: dict[str, set[tuple[str, ...]]] = {}
        for entry in index["verbs"]:
            words = tuple(entry["verb"].split())
            block = index["blocks"][entry["block"]]
            slot = merged.setdefault(words, {"code": None, "default": "", "patterns": [], "blocks": set()})
            own = _code_or_none(entry["code"])
            block_code = _code_or_none(block["code"])
            if slot["code"] is None and (own or block_code):
                slot["code"] = own or block_code
                slot["default"] = (f"{entry['verb'].upper()} [{entry['code']}]" if own
                                   else f"--- {block['name']} [{block['code']}] ---")
            if entry["block"] not in slot["blocks"]:
                slot["blocks"].add(entry["block"])
                mine = _entry_words(entry)
                slot["patterns"].extend(p for p in block_patterns[entry["block"]]
                                        if p.only_for is None or not p.only_for.isdisjoint(mine))
            first_forms = {words[0]} if entry["exact"] else {words[0]} | (
                _regular_forms(words[0]) if not entry["forms"] else set())
            for form in entry["forms"]:
                first_forms.add(form.split()[0])
            for form in first_forms:
                surface.setdefault(form, set()).add(words)

        verbs: dict[tuple[str, ...], _Verb] = {}
        for words, slot in merged.items():
            pats = tuple(sorted(slot["patterns"], key=_pattern_order))
            verbs[words] = _Verb(words, slot["code"], slot["default"], pats)

        # Lookup keyed by a token's lemma or lower-cased form → candidate verbs, longest first,
        # then in alphabetical order: a fixed order, whatever the process's string hashing.
        by_key: dict[str, tuple[_Verb, ...]] = {}
        for key, entries in surface.items():
            cands = sorted((verbs[w] for w in entries), key=lambda v: (-len(v.words), v.words))
            by_key[key] = tuple(cands)
        self.verbs_ = by_key
        self.nouns_ = _load_nouns(Path(self.nouns_path) if self.nouns_path else NOUNS_PATH)
        self.licence_ = index.get("licence", "")
        return self

    # -- matching -----------------------------------------------------------------------------

    @timed("verbs")
    def match(self, doc_or_span: Any) -> list[VerbMatch]:
        """All the acts the verbs and event nouns of a parsed Doc or Span state, by position."""
        if not hasattr(self, "verbs_"):
            raise RuntimeError("VerbPatternCoder.match called before initialize(); call coder.initialize() first")
        tokens = list(doc_or_span)
        if not tokens:
            return []
        span_start, span_end = tokens[0].i, tokens[-1].i + 1
        index: _SentenceIndex | None = None
        results: list[VerbMatch] = []
        consumed: set[int] = set()
        noun_candidates = []
        for tok in tokens:
            if _is_verb(tok):
                cands = self._candidates(tok)
                if not cands:
                    continue
                if index is None:
                    index = _SentenceIndex(tokens, span_start, span_end)
                m = self._match_verb(tok, cands, index, span_start, span_end, consumed)
                if m is not None:
                    results.append(m)
            elif tok.pos_ in ("NOUN", "PROPN"):
                noun = self.nouns_.get(tok.lemma_.lower()) or self.nouns_.get(tok.lower_)
                if noun is not None:
                    noun_candidates.append((tok, noun))
        for tok, noun in noun_candidates:
            if tok.i in consumed:
                continue
            m = self._match_noun(tok, noun)
            if m is not None:
                results.append(m)
        for tok in tokens:
            m = _attribution(tok)
            if m is not None:
                results.append(m)
        results.sort(key=lambda m: (m.trigger_start, m.kind))
        return results

    def _candidates(self, tok: Any) -> tuple[_Verb, ...]:
        by_lemma = self.verbs_.get(tok.lemma_.lower(), ())
        by_form = self.verbs_.get(tok.lower_, ())
        if not by_form or by_form is by_lemma:
            return by_lemma
        if not by_lemma:
            return by_form
        # e.g. "killed": KILL by lemma and the literal "+KILLED_AND" by form; longest first.
        seen = {id(v) for v in by_lemma}
        extra = tuple(v for v in by_form if id(v) not in seen)
        return tuple(sorted(by_lemma + extra, key=lambda v: -len(v.words)))

    def _match_verb(self, tok, cands, index, span_start, span_end, consumed) -> VerbMatch | None:
        doc = tok.doc
        if _no_act_sense(tok):
            doc.user_data.setdefault(NO_ACT_KEY, set()).add(tok.i)
            doc.user_data.setdefault(NO_SENSE_KEY, set()).add(tok.i)
            return None
        for verb in cands:
            last = tok.i
            if len(verb.words) > 1:
                # The other words follow at once or after a short object ("carried the raid out").
                hit = index.first_at_or_after(verb.words[1:], tok.i + 1, min(tok.i + 4, span_end), span_end)
                if hit is None:
                    continue
                last = hit[1]
            hi = min(tok.right_edge.i + 1, span_end)
            if tok.dep_ == "amod" and tok.head.i > tok.i:
                # A participle the parser hung on its object ("ECOWAS imposed sanctions on
                # Niger" read as "imposed sanctions"): the object's phrase is the verb's.
                hi = min(max(hi, tok.head.right_edge.i + 1), span_end)
            for child in tok.children:
                # Words of a coordinated or embedded clause belong to that clause's own verb.
                if child.i > tok.i and (child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and _is_verb(child))) \
                        and not _permitted_act(tok, child):
                    hi = min(hi, child.left_edge.i)
            # The words before the verb are its own clause's: from its subtree when it has a
            # subject of its own, and past the clauses hung before it ("Police seized guns and
            # the trial began", "Marines gunned down Arturo and, days later, fighting began":
            # the guns are not what began; START's "- &WEAPON * [194]" was written for
            # "rockets were launched").
            # (a relative clause's subject is the noun it hangs on: "refugees that had been
            # forcibly returned")
            own = tok.head if tok.dep_ in {"relcl", "acl"} else tok
            pre_lo = max(span_start, own.left_edge.i) if any(
                c.dep_ in _SUBJECT_DEPS and c.i < tok.i for c in tok.children) else span_start
            for child in tok.children:
                if child.i < tok.i and (child.dep_ in _CLAUSE_DEPS or (child.dep_ == "conj" and _is_verb(child))):
                    pre_lo = max(pre_lo, child.right_edge.i + 1)
            best: tuple[_Pattern, int, list[int], int] | None = None
            passive = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i
                            and c.i >= span_start), None)
            for pat in verb.patterns:
                if best is not None and pat.words < best[1]:
                    break  # patterns are sorted by size: nothing left can beat the best
                if pat.gate is not None and pat.gate.isdisjoint(index.keys):
                    continue  # a word it needs is not in the sentence
                post = _match_elements(pat.post, index, last + 1, hi) if pat.post else (0, [])
                if post is None and passive is not None and not pat.pre and pat.extra:
                    # the object of a passive is its subject, before it ("Additional federal
                    # security forces will be sent to the city": SEND's "* &DEPLOYED_FORCES");
                    # for the corrections only (all the source's patterns read so set three
                    # types of the act annotations' train part wrong for one right)
                    post = _match_elements(pat.post, index, passive.left_edge.i,
                                           min(passive.right_edge.i + 1, tok.i))
                if post is None:
                    continue
                pre = _match_elements(pat.pre, index, pre_lo, tok.i) if pat.pre else (0, [])
                if pre is None:
                    continue
                words = pre[0] + post[0]
                used = pre[1] + post[1]
                if used and not pat.extra and any(i in _nested_clauses(tok, bool(pat.code)) for i in used):
                    # a "no act" reading of the source's whose word is another verb's ("was
                    # captured … for heading a gang dedicated to drug trafficking": SEIZE's
                    # "* DRUG [---]" is about seizing drugs)
                    continue
                if used and all(doc[i].lower_ == "to" and doc[i].dep_ == "aux" for i in used) \
                        and not any(c.dep_ in {"dobj", "dative"} for c in tok.children):
                    # ("rushed to evacuate"): the infinitive's "to" is no preposition of the
                    # verb's (RUSH's "* (TO)", 042, a visit); not "ordered Carlos Menem to
                    # appear", whose object is told to act
                    continue
                reach = max((abs(i - tok.i) for i in used), default=0)
                # (of two of the same size, a correction from verbs_extra.txt wins, as that file
                # says: "POLICE * [173]" read "Police seized two tons of cocaine" as an arrest
                # where "* &CONTRABAND [1711]" reads the seizure; else the nearer words)
                if best is None or words > best[1] or (words == best[1] and (
                        (pat.extra and not best[0].extra)
                        or (bool(pat.extra) == bool(best[0].extra) and reach < best[3]))):
                    best = (pat, words, used, reach)
            start = doc[tok.i].idx
            end = doc[last].idx + len(doc[last].text)
            negated = _negated(tok)
            if best is not None and best[0].extra and not _object_fits(tok, best[0]):
                best = None  # a correction whose object is not the one it is about
            if best is not None:
                pat, words, used, _ = best
                consumed.update(used)
                if not pat.code:
                    # a correction that tells no act ("occupied a command position"): the
                    # verb is no act for the sentence model's trigger either (coder._act_verb;
                    # the source's own [---] patterns, which match words further on, are not
                    # so sure: "captured X, a national who ran a group")
                    # (not one whose act is the infinitive it governs: "ordered France to
                    # withdraw its troops", where ORDER's "* TO" only stops the 030)
                    if pat.extra and not any(c.dep_ == "xcomp" for c in tok.children):
                        doc.user_data.setdefault(NO_ACT_KEY, set()).add(tok.i)
                    return None
                code = _described(tok, _confessed(tok, _charged(tok, _deployed_to_help(tok, _seized_people(tok, pat.code)))))
                if _named_only(tok, code):
                    doc.user_data.setdefault(NO_ACT_KEY, set()).add(tok.i)
                    return None
                return VerbMatch(code, tok.i, start, end, pat.text, words, negated,
                                 decisive=(code != pat.code or (pat.extra and words > 0) or _freed(tok, code)
                                           or _captured(tok, code) or _unambiguous(tok, code, verb.code)
                                           or _formal_charges(pat.text, code) or _ties_cut(pat.text, code))
                                 and not negated and not _refused(tok) and not _withdrawal_ordered(tok, code))
            if verb.code and _helps_to_do(tok):
                doc.user_data.setdefault(NO_ACT_KEY, set()).add(tok.i)
                return None
            if verb.code:
                code = _described(tok, _confessed(tok, _charged(tok, _seized_people(tok, verb.code))))
                if _named_only(tok, code):
                    doc.user_data.setdefault(NO_ACT_KEY, set()).add(tok.i)
                    return None
                return VerbMatch(code, tok.i, start, end, verb.default_text, 0, negated,
                                 decisive=(code != verb.code or _unambiguous_verb(tok)
                                           or _freed(tok, code) or _captured(tok, code))
                                 and not negated and not _refused(tok))
            return None
        return None

    def _match_noun(self, tok: Any, noun: _Noun) -> VerbMatch | None:
        if noun.forms is not None and tok.lower_ not in noun.forms:
            return None
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in _NOT_ACT_HEADS:
            return None  # ("a kidnapping ring", "the murder rate", "Crippled Seizure System")
        if tok.lemma_.lower() == "release" and _information(tok):
            return None  # ("the release of the official data"): a disclosure, no one freed
        if tok.head.dep_ == "prep" and tok.head.lower_ == "under" and tok.head.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            # ("one man under investigation recently killed himself"): who someone is, the
            # sentence's act is elsewhere (not "is under investigation for …", told as an act)
            return None
        code, mod_tok = noun.code, None
        for child in tok.children:
            if child.dep_ in _NOUN_MODIFIER_DEPS and child.i < tok.i:
                mod = noun.modifiers.get(child.lemma_.lower()) or noun.modifiers.get(child.lower_)
                if mod is not None:
                    code, mod_tok = mod, child
        if code is None or _code_or_none(code) is None:
            return None
        first = mod_tok if mod_tok is not None else tok
        words = f"{mod_tok.lower_} {noun.lemma}" if mod_tok is not None else noun.lemma
        return VerbMatch(
            code=_code_or_none(code) or "", trigger_i=tok.i, trigger_start=first.idx,
            trigger_end=tok.idx + len(tok.text), pattern=f"noun: {words} [{code}]",
            specificity=1 if mod_tok is not None else 0, negated=_negated(tok), kind="noun",
        )


# --------------------------------------------------------------------------------------------
# Choosing one act per sentence, and prefiltering


#: Verbs whose active voice needs an object: with none, the form is a passive, as headlines
#: write it ("Honduran Journalist Killed in San Pedro Sula", "Cartel Leader Extradited to US").
OBJECT_VERBS = frozenset({
    "kill", "murder", "assassinate", "execute", "behead", "lynch", "torture", "injure", "wound",
    "arrest", "detain", "capture", "apprehend", "nab", "kidnap", "abduct", "extradite", "deport",
    "expel", "imprison", "jail", "sentence", "convict", "indict", "free", "release", "rescue",
    "sanction", "oust", "depose", "topple", "dismiss", "fire", "gun", "slay", "stab", "accuse", "charge"})
#: Prepositions after which "charge" needs no object: a rush ("police charged at the crowd").
_CHARGE_AT = frozenset({"at", "into", "toward", "towards", "through", "forward", "ahead", "across"})


def _fired_on(child: Any) -> bool:
    """A word after "fire" that makes it shooting, not a dismissal: "fired back", "fired on
    protesters" (not "fired on Monday")."""
    if child.lower_ in {"back", "upon"}:
        return True
    return child.lower_ == "on" and child.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.lower_ not in _DAY_WORDS and not g.like_num for g in child.children)


#: Words of a day ("fired on Monday", "on the same day").
_DAY_WORDS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday day days night morning afternoon
    evening weekend date january february march april may june july august september october
    november december
""".split())


def headline_passive(verb: Any) -> bool:
    """A past form of a verb that needs an object, with none and no auxiliary: a passive with
    "was" left out, as headlines write it."""
    lemma = verb.lemma_.lower()
    # ("shoot" needs no object — "soldiers shot at the crowd" —, "shot dead" does: "Honduran
    # Journalist Shot Dead in San Pedro Sula")
    needs_object = (lemma in OBJECT_VERBS and not (lemma in {"charge", "fire"} and any(
        c.lower_ in _CHARGE_AT or (lemma == "fire" and _fired_on(c)) for c in verb.children))) or (
        lemma == "shoot" and any(
        c.dep_ in {"oprd", "acomp"} and c.lower_ == "dead" for c in verb.children))
    return needs_object and verb.tag_ in {"VBD", "VBN"} and not any(
        c.dep_ in {"dobj", "dative", "aux", "auxpass", "agent", "ccomp", "xcomp"}
        # (a second subject after the verb is its object misread: "A month later police
        # captured Waldemar Lorenzana")
        or (c.dep_ == "nsubj" and c.i > verb.i) for c in verb.children)


def finite_verb_read_as_participle(verb: Any) -> bool:
    """A past-tense verb the parser hung on its subject as a participle: the noun it hangs on
    starts the sentence and is its root, or the subject of a verb coordinated after it
    ("ECOWAS negotiated with … and urged …"); no agent follows and the verb comes right after
    the noun's words.  Not a verb that needs an object and has none ("Journalist killed in
    Honduras" is a passive)."""
    head = verb.head
    if any(c.dep_ == "agent" for c in verb.children) or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if headline_passive(verb):
        return False
    if head.left_edge.i != verb.doc[head.i].sent.start or verb.left_edge.i != verb.i \
            or any(t.i > head.i and t.i < verb.i and t.head.i != head.i for t in head.subtree):
        return False
    return head.dep_ == "ROOT" or (head.dep_ == "nsubj" and any(
        c.dep_ == "cc" and c.i > verb.right_edge.i for c in head.children))


def _depth(tok: Any) -> int:
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and finite_verb_read_as_participle(tok):
        tok = tok.head.head  # as deep as the verb it is coordinated with (or the root)
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def _nearest_verb(tok: Any) -> int | None:
    """Index of the nearest verbal ancestor of a token, if any."""
    for _ in range(50):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if _is_verb(tok):
            return tok.i
    return None


def _governed_by(noun: Any, verbs: set[int]) -> bool:
    """The noun's nearest verbal ancestor is one of ``verbs`` and comes before it."""
    head = _nearest_verb(noun)
    return head is not None and head in verbs and head < noun.i


def root_read_for_participle(root: Any) -> Any | None:
    """The sentence's main verb when the parser made a participle before it the root: "a
    Shining Path member wanted for the murder of two police officers was arrested" ("wanted"
    ROOT, "was arrested" its clause with no subject of its own); else None."""
    if root.dep_ != "ROOT" or root.tag_ not in {"VBN", "VBD"} or any(c.dep_ in {"aux", "auxpass"} for c in root.children):
        return None
    for child in root.children:
        if child.i > root.i and child.dep_ in {"ccomp", "conj"} and child.tag_ == "VBN" \
                and any(c.dep_ == "auxpass" and c.i == child.i - 1 for c in child.children) \
                and not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in child.children) \
                and not any(c.dep_ == "cc" and root.i < c.i < child.i for c in root.children):
            return child
    return None


def _verb_read_as_adjective(root: Any) -> Any | None:
    """The sentence's main verb when the parser made its acronym subject the root and the verb
    an adjective of its object: "ECOWAS imposed sanctions on Niger and closed its borders"
    ("ECOWAS" ROOT, "imposed" amod of "sanctions"); else None."""
    if root.dep_ != "ROOT" or not root.is_upper or len(root.text) < 2 or root.i + 1 >= len(root.doc):
        return None
    verb = root.doc[root.i + 1]
    if verb.dep_ == "amod" and verb.tag_ in {"VBD", "VBN"} and verb.head.head.i == root.i \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children):
        return verb
    return None


def _main_depth(tok: Any) -> int:
    """``_depth``, with the main verb of a sentence whose participle the parser made the root
    (``root_read_for_participle``), or whose verb it made an adjective
    (``_verb_read_as_adjective``), in the root's place."""
    root = tok.sent.root if hasattr(tok, "sent") else None
    main = (root_read_for_participle(root) or _verb_read_as_adjective(root)) if root is not None else None
    if main is None:
        return _depth(tok)
    if tok.i == main.i:
        return 0
    return _depth(tok) + 1


def best_match(matches: list[VerbMatch], doc: Any) -> VerbMatch | None:
    """The one act a single-event reading of the sentence would code.

    Nouns that a coded verb governs are set aside.  Then the preference is: codes that are a
    PLOVER event (not a bare statement or appeal) → not negated → the trigger nearest the root
    of the parse (main clause over subordinate) → more pattern words → verbs over nouns → first
    in the sentence.  Depth before specificity scored better on both gold sets than the
    reverse (0.512 vs 0.451 PLOVER accuracy; see docs/events-verbs.md).  Finally a winning verb
    coded by its default gives way to an event noun it governs with the same quad class
    ("killed in a suicide bombing" → 1831, not KILL's 190; not a noun of the verb's own code).
    """
    if not matches:
        return None
    all_matches = matches
    # A noun after a coded verb it depends on is what the verb acts on, not a second act:
    # "threatened military intervention" is a threat.
    coded_verbs = {m.trigger_i for m in matches if m.kind == "verb" and cameo_to_plover(m.code)}
    if coded_verbs:
        kept = [m for m in matches if m.kind == "verb" or not _governed_by(doc[m.trigger_i], coded_verbs)]
        matches = kept or matches

    def key(m: VerbMatch) -> tuple:
        return (
            0 if cameo_to_plover(m.code) is not None else 1,
            1 if m.negated else 0,
            _main_depth(doc[m.trigger_i]),
            -m.specificity,
            0 if m.kind == "verb" else 1,
            m.trigger_i,
        )

    winner = min(matches, key=key)
    if winner.kind == "verb" and winner.specificity == 0:
        # "killed in a suicide bombing": a default-coded verb gives way to an event noun of the
        # same quad class that it governs, which names the manner of the act (not to a noun
        # that says no more: "killed 20 soldiers in an attack" stays the killing, its roles
        # the verb's).
        quad = quad_class(winner.code)
        nouns = [m for m in all_matches if m.kind == "noun" and not m.negated
                 and quad_class(m.code) == quad and m.code != winner.code
                 and _nearest_verb(doc[m.trigger_i]) == winner.trigger_i]
        if nouns:
            return max(nouns, key=lambda m: (m.specificity, -m.trigger_i))
    return winner


#: Verbs in -el / -al whose final syllable is stressed: their l doubles in American spelling too.
_STRESSED_L = frozenset({"compel", "expel", "propel", "repel", "excel", "dispel", "impel", "rebel", "appal"})


def _american_forms(verb: str, forms: list[str]) -> set[str]:
    """The American spellings of the forms the dictionary writes the British way: LABEL
    {LABELLED LABELLING} is "labeled" too ("banners … labeled Mellado a traitor"), CANCEL
    "canceled", TRAVEL "traveled"."""
    if not verb.endswith(("el", "al")) or verb in _STRESSED_L:
        return set()
    return {f.split()[0].replace("lled", "led").replace("lling", "ling") for f in forms
            if f.split()[0].endswith(("lled", "lling"))}


@lru_cache(maxsize=4)
def _lexicon(verbs_path: str, nouns_path: str) -> frozenset[str]:
    index = _load_index(verbs_path)

    def default_code(entry: dict[str, Any]) -> str | None:
        return _code_or_none(entry["code"]) or _code_or_none(index["blocks"][entry["block"]]["code"])

    def pattern_can_code(entry: dict[str, Any]) -> bool:
        return any(quad_class(_code_or_none(p["code"]) or "") > 0
                   for p in index["blocks"][entry["block"]]["patterns"])

    words: set[str] = set()
    for entry in index["verbs"]:
        code = default_code(entry)
        parts = entry["verb"].split()
        if code is None or quad_class(code) == 0:
            # A verb whose default is no PLOVER act ("say" 010, "take" ---) codes one only
            # through a pattern.  Keep it unless it is one of the generic verbs found in
            # most news sentences: dropping those loses little recall and filters far more.
            # An appeal or a denial is one (020 DEMAND, 016 REJECT: "Health officials urged
            # residents to boil drinking water" was never read), unless its verb mostly
            # tells a wish or an idea ("hope", "suggest").
            appeal = code is not None and cameo_to_plover(code) is not None and parts[0] not in _WISHES
            if not appeal and (not pattern_can_code(entry) or parts[0] in _GENERIC_VERBS):
                continue
        # "is determined": the auxiliary is no trigger, the participle is.
        lead = parts[1] if len(parts) > 1 and parts[0] in _AUXILIARIES else parts[0]
        words.add(lead)
        if lead == parts[0]:
            if not entry["exact"] and not entry["forms"]:
                words |= _regular_forms(lead)
            words |= {f.split()[0] for f in entry["forms"]}
            words |= _american_forms(lead, entry["forms"])
    for noun in _load_nouns(Path(nouns_path)).values():
        base = noun.lemma
        forms = noun.forms or {base, base + "s", base + "es", base[:-1] + "ies" if base.endswith("y") else base}
        words |= set(forms)
    return frozenset(w for w in words if w and w[0].isalpha())


def trigger_lexicon(verbs_path: str | Path | None = None, nouns_path: str | Path | None = None) -> frozenset[str]:
    """Lower-cased word forms that can state a coded act, for skipping sentences before parsing.

    All forms of every dictionary verb that can yield a CAMEO 03-20 code, plus the event nouns
    of ``nouns.yaml``.  Left out: verbs whose every reading is a 01x/02x statement or appeal
    (PLOVER drops those acts), and generic verbs ("say", "take", "hold") whose default codes no
    PLOVER act, which appear in nearly every news sentence.  Multi-word verbs contribute their
    first word (the participle for "is determined").
    """
    return _lexicon(str(verbs_path or VERBS_PATH), str(nouns_path or NOUNS_PATH))


_WORD_RE = re.compile(r"[a-z]+(?:'[a-z]+)?")


def has_trigger(text: str, lexicon: frozenset[str] | None = None) -> bool:
    """Whether ``text`` contains any trigger word (cheap; no parsing)."""
    lexicon = lexicon if lexicon is not None else trigger_lexicon()
    return any(w in lexicon for w in _WORD_RE.findall(text.lower()))

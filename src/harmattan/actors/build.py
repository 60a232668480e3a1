"""Convert the Phoenix (PETRARCH2) actor dictionaries into the compact form Harmattan ships.

The Phoenix files are text in the TABARI/PETRARCH dictionary format::

    NIGER_  [NER]                 an entry: name (words joined by "_") and its code
    +NIGERIEN_                    a synonym of the entry above
    MAHAMANE_OUSMANE_  # comment  an entry whose codes follow on indented lines
        [NERELI 680101-930416]    a role bounded by dates (YYMMDD or YYYYMMDD)
        [NERGOV >991222]          from that date on;  [XXXGOV <991222] before it
        [NERELI]                  the role outside every dated range

The agents file lists generic nouns with a sector (``POLICE {} [~COP]``, where ``{...}`` gives
the plural and ``~`` stands for the country of whoever the agent belongs to).

``build_phoenix()`` parses the five files and writes ``resources/actors/phoenix.json.gz``: one
JSON document with a provenance header, the entries (names + roles with ISO dates), the agents
and the discard phrases.  It is deterministic: the same input files give the same bytes.

Example::

    python -m harmattan.actors.build /work/shared/data/phoenix
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import gzip
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "actors"
PHOENIX_OUTPUT = RESOURCE_DIR / "phoenix.json.gz"
FORMAT_VERSION = 1

#: The Phoenix files read, with the short name used in entry ids.
PHOENIX_FILES: dict[str, str] = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "milnonstate": "Phoenix.MilNonState.actors.txt",
    "agents": "Phoenix.agents.txt",
    "discards": "Phoenix.discards.txt",
}

#: CAMEO role ("sector") codes.  Anything else after the primary code is a region, an
#: organisation, a religion or an ethnic group.
SECTORS: frozenset[str] = frozenset(
    "COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB "
    "LEG MED REF MOD RAD AMN IRC JRN REL".split()
)
# ("CIV" is Côte d'Ivoire, never a sector in the Phoenix files: read as one, it left the
# country's 180 people without a code.)

#: CAMEO country codes that are not ISO 3166-1 alpha-3 → the ISO code (ISO 3166-3 for the
#: states that no longer exist: SUN, YUG).  Everything Harmattan codes is ISO alpha-3.
CAMEO_TO_ISO: dict[str, str] = {
    "TMP": "TLS", "USR": "SUN", "KSV": "XKX", "FRY": "YUG", "SRP": "BIH", "KRJ": "HRV",
    "FRN": "WLF", "ANG": "AGO",
}
#: CAMEO regions (West Africa, Middle East, South Asia…) as the primary code of an armed group:
#: a group that acts across countries, coded IMG (international militarized group) as PLOVER does.
CAMEO_REGIONS: frozenset[str] = frozenset(
    "AFR ASA CAS CFR EAF EEU EIN EUR LAM MEA NAF NMR SAF SAM SAS SEA WAF WEU KKL INT".split()
)
#: CAMEO religion codes as a primary code: no country; the sector says religious.
CAMEO_RELIGIONS: frozenset[str] = frozenset("HIN MOS BUD BAH CHR JEW ITH".split())
#: The fictional country of the CAMEO manual's examples: its entries are not loaded.
CAMEO_FICTIONAL: frozenset[str] = frozenset({"KNT"})
#: A government role refined by one of these is coded with the refinement (USAGOVLEG → LEG):
#: the PLOVER gold codes "Serbian parliament" as LEG, not GOV.
GOV_BRANCHES: frozenset[str] = frozenset({"LEG", "JUD", "MIL", "COP", "SPY"})
#: Primary codes that are not countries.
NON_STATE_PRIMARY: frozenset[str] = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "INT", "UIS"})
#: CAMEO organisation codes → the ``actor_id`` Harmattan uses for the body.
ORGANISATIONS: dict[str, str] = {
    "UNO": "UN", "EEC": "EU", "NAT": "NATO", "WAS": "ECOWAS", "AFU": "AU", "OAU": "OAU",
    "ASN": "ASEAN", "OAS": "OAS", "ARL": "ARAB_LEAGUE", "WBK": "WORLD_BANK", "IMF": "IMF",
    "WTO": "WTO", "OPC": "OPEC", "ICC": "ICC", "ICJ": "ICJ", "HCR": "UNHCR", "WHO": "WHO",
    "IAE": "IAEA", "KID": "UNICEF", "WFP": "WFP", "ILO": "ILO", "FAO": "FAO", "EAC": "EAC",
    "SAD": "SADC", "CWN": "COMMONWEALTH", "ITP": "INTERPOL", "GCC": "GCC", "SAA": "SAARC",
    "IRC": "RED_CROSS", "AMN": "AMNESTY", "HRW": "HRW", "MSF": "MSF", "ADB": "ADB",
    "EBR": "EBRD", "AMU": "ARAB_MAGHREB_UNION", "CSS": "CEN_SAD", "WAD": "WAEMU",
}

_ROLE = re.compile(r"^(~?[A-Za-z]{3,}|---)\s*(?:(<|>)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*$")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


@dataclass
class PhoenixEntry:
    """One dictionary entry while it is being read."""

    key: str
    source: str
    names: list[str] = field(default_factory=list)
    raw_roles: list[str] = field(default_factory=list)
    country_header: bool = False


def phoenix_date(text: str) -> dt.date | None:
    """``930416`` → 1993-04-16, ``050101`` → 2005-01-01, ``19270101`` → 1927-01-01.

    Two-digit years up to 30 are 20xx (the files date from 2014).  A zero month or day becomes
    1, a day past the month's end becomes its last day; anything else gives None.
    """
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        return None
    if not 1 <= year <= 9999 or month > 12:
        return None
    month = max(month, 1)
    day = min(max(day, 1), calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def split_code(code: str) -> tuple[str, str, str | None]:
    """A CAMEO code → (primary code, sector, organisation actor_id).

    ``NERGOV`` → (NER, GOV, None); ``USAGOVLEG`` → (USA, LEG, None);
    ``IGOUNOREFHCR`` → (IGO, REF, UNHCR); ``ELI`` alone → ("", ELI, None).
    """
    code = code.upper().lstrip("~")
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    primary = chunks.pop(0) if chunks and chunks[0] not in SECTORS else ""
    sectors = [c for c in chunks if c in SECTORS]
    sector = sectors[0] if sectors else ""
    if sector == "GOV" and len(sectors) > 1 and sectors[1] in GOV_BRANCHES:
        sector = sectors[1]
    actor_id = None
    primary = CAMEO_TO_ISO.get(primary, primary)
    if primary in CAMEO_REGIONS:
        primary = "IMG"
    elif primary in CAMEO_RELIGIONS:
        primary, sector = "", sector or "REL"
    if primary in NON_STATE_PRIMARY:
        orgs = [ORGANISATIONS[c] for c in chunks if c in ORGANISATIONS and c not in SECTORS]
        actor_id = orgs[-1] if orgs else None
    return primary, sector, actor_id


def parse_role(text: str) -> dict[str, Any] | None:
    """``NERGOV 930416-960127`` → a role dict with ISO dates; None for ``---`` or garbage."""
    match = _ROLE.match(text.strip())
    if not match or match.group(1) == "---":
        return None
    code, bound, bound_date, start, end = match.groups()
    primary, sector, actor_id = split_code(code)
    role: dict[str, Any] = {"code": primary, "sector": sector, "start": None, "end": None}
    if actor_id:
        role["actor_id"] = actor_id
    if bound:
        day = phoenix_date(bound_date)
        if day is None:
            return None
        role["start" if bound == ">" else "end"] = day.isoformat()
    elif start:
        first, last = phoenix_date(start), phoenix_date(end)
        if first is None or last is None:
            return None
        if last < first:  # a handful of reversed ranges: read them the way round that works
            first, last = last, first
        role["start"], role["end"] = first.isoformat(), last.isoformat()
    return role


@functools.lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Every name, demonym and capital of ``countries.tsv``, upper case."""
    words: set[str] = set()
    for line in (RESOURCE_DIR / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "iso3\t")) or not line.strip():
            continue
        for column in line.split("\t")[1:]:
            words.update(v.strip().upper() for v in column.split("|") if v.strip())
    return frozenset(words)


def _acronym(part: str, base: str) -> bool:
    """A parenthesised word is the name's acronym ("(ALF)", "(EMETIC)"), not a word that tells
    which one it is: a country or a place ("NATIONAL_LIBERATION_ARMY_(COLOMBIA)_",
    "CONGO_(KINSHASA)_"), a plain word ("GEORGIA_(REPUBLIC)_", "TABAK_(MACHETE)_GROUP_"),
    which as an alias of its own made "Republic" Georgia and "Machete" a Filipino rebel group.
    An acronym is short, or starts with one of the name's initials."""
    if len(part) < 3 or part.upper() != part or " " in part or part in _country_words():
        return False
    initials = {w[0] for w in re.findall(r"[A-Za-z][\w'-]*", base.upper())}
    return len(part) <= 4 or part[0] in initials


def clean_name(raw: str) -> list[str]:
    """``ANIMAL_LIBERATION_FRONT_(ALF)_`` → ["ANIMAL LIBERATION FRONT", "ALF"]."""
    if "\ufffd" in raw:  # mis-encoded bytes in the source: the variant is unusable
        return []
    text = raw.replace("_", " ").strip()
    names = []
    inner = re.findall(r"\(([^)]*)\)", text)
    base = re.sub(r"\s*\([^)]*\)\s*", " ", text)
    base = " ".join(base.split()).strip(" ,")
    if base:
        names.append(base)
    for part in inner:
        part = " ".join(part.replace("_", " ").split())
        if _acronym(part, base):
            names.append(part)
    return names


def _read_lines(path: Path) -> Iterator[str]:
    for raw in path.read_bytes().splitlines():
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield raw.decode("latin-1")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_actor_file(path: Path, source: str) -> list[PhoenixEntry]:
    """Read a Phoenix ``.actors.txt`` file into entries (names + raw role strings)."""
    entries: list[PhoenixEntry] = []
    current: PhoenixEntry | None = None
    for line in _read_lines(path):
        body = _strip_comment(line)
        if not body.strip():
            continue
        stripped = body.strip()
        roles = _BRACKET.findall(stripped)
        head = stripped.split("[", 1)[0].strip()
        if stripped.startswith("["):
            if current is not None:
                current.raw_roles.extend(roles)
            continue
        if stripped.startswith("+"):
            if current is not None:
                current.names.append(head[1:].strip())
                current.raw_roles.extend(roles)
            continue
        if line[:1].isspace() and current is not None and not head:
            current.raw_roles.extend(roles)
            continue
        key = re.sub(r"[^A-Z0-9]+", "_", head.upper()).strip("_")
        if not key:
            continue
        current = PhoenixEntry(key=key, source=source, names=[head], raw_roles=list(roles))
        current.country_header = (
            len(roles) == 1 and re.fullmatch(r"[A-Z]{3}", roles[0].strip()) is not None
            and source == "countries"
        )
        entries.append(current)
    return entries


def _entry_kind(entry: PhoenixEntry, roles: list[dict[str, Any]]) -> str:
    if entry.country_header:
        return "country"
    if entry.source == "milnonstate":
        return "group"
    dated = any(r["start"] or r["end"] for r in roles)
    if dated or any(r["sector"] == "ELI" for r in roles):
        return "person"
    return "org"


def convert_actor_file(path: Path, source: str) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Entries of one actor file in the shipped layout, and counts of what was dropped."""
    stats = {"entries": 0, "roles": 0, "roles_dropped": 0, "entries_without_role": 0}
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for entry in read_actor_file(path, source):
        roles: list[dict[str, Any]] = []
        for raw in entry.raw_roles:
            role = parse_role(raw)
            if role is None:
                if raw.strip() != "---":
                    stats["roles_dropped"] += 1
                continue
            if not role["code"]:  # "[ELI]" after "[IGOUNO ...]": same body, other sector
                role["code"] = roles[-1]["code"] if roles else ""
                if roles and roles[-1].get("actor_id"):
                    role["actor_id"] = roles[-1]["actor_id"]
            roles.append(role)
        names: list[str] = []
        for raw_name in entry.names:
            for name in clean_name(raw_name):
                if name not in names:
                    names.append(name)
        if not names:
            continue
        if not roles:
            stats["entries_without_role"] += 1
            continue
        if any(r["code"] in CAMEO_FICTIONAL for r in roles):
            continue
        seen[entry.key] = seen.get(entry.key, 0) + 1
        key = entry.key if seen[entry.key] == 1 else f"{entry.key}~{seen[entry.key]}"
        stats["entries"] += 1
        stats["roles"] += len(roles)
        out.append({
            "id": f"phoenix:{source}:{key}",
            "kind": _entry_kind(entry, roles),
            "names": names,
            "roles": roles,
        })
    return out, stats


def _expand_macros(name: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, values in macros.items():
        if macro in name:
            return [n for v in values for n in _expand_macros(name.replace(macro, v, 1), macros)]
    return [name]


def regular_plural(word: str) -> str:
    """The regular English plural PETRARCH generates for agents: POLICEMAN is left to the
    dictionary, SOLDIER → SOLDIERS, PARTY → PARTIES, BOSS → BOSSES, POLICEMAN → POLICEMEN;
    words that already look plural or collective (PERSONS, MILITIA, POLITICS) are kept."""
    upper = word.upper()
    if upper.endswith(("MEN", "PEOPLE", "CHILDREN", "IA", "ICS")) or (
        upper.endswith("S") and not upper.endswith("SS")
    ):  # already plural (or a collective noun): PERSONS, POLICEMEN, MILITIA
        return word
    if upper.endswith(("SS", "X", "Z", "CH", "SH")):
        return word + ("ES" if word.isupper() else "es")
    if upper.endswith("Y") and len(upper) > 1 and upper[-2] not in "AEIOU":
        return word[:-1] + ("IES" if word.isupper() else "ies")
    if upper.endswith("MAN"):
        return word[:-3] + word[-3:].replace("AN", "EN").replace("an", "en")
    return word + ("S" if word.isupper() else "s")


def convert_agents(path: Path) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Agents: ``POLICE {} [~COP]`` → {"names": ["POLICE"], "sector": "COP"}; plurals added."""
    macros: dict[str, list[str]] = {}
    by_sector: dict[str, list[str]] = {}
    order: list[str] = []
    stats = {"agent_lines": 0, "agent_names": 0}
    for line in _read_lines(path):
        body = _strip_comment(line).strip()
        if not body:
            continue
        macro = _MACRO.match(body)
        if macro:
            macros[macro.group(1)] = [v.strip() for v in macro.group(2).split(",") if v.strip()]
            continue
        codes = _BRACKET.findall(body)
        if not codes or not codes[0].strip().startswith("~"):
            continue
        _, sector, _ = split_code(codes[0].strip())
        if not sector:
            # Religions and the like (~CHR, ~MOS): kept, with the religion as the sector.
            sector = codes[0].strip().lstrip("~")[:3].upper()
        head = body.split("[", 1)[0]
        plural_spec = None
        if "{" in head:
            head, _, rest = head.partition("{")
            plural_spec = rest.split("}", 1)[0].strip()
        stats["agent_lines"] += 1
        for name in _expand_macros(head.strip(), macros):
            forms = clean_name(name)[:1]
            if not forms:
                continue
            singular = forms[0]
            variants = [singular]
            if plural_spec is None:
                words = singular.split(" ")
                words[-1] = regular_plural(words[-1])
                if words[-1] != singular.split(" ")[-1]:
                    variants.append(" ".join(words))
            elif plural_spec:
                variants.extend(clean_name(plural_spec)[:1])
            if sector not in by_sector:
                by_sector[sector] = []
                order.append(sector)
            for variant in variants:
                if variant not in by_sector[sector]:
                    by_sector[sector].append(variant)
                    stats["agent_names"] += 1
    agents = [
        {"id": f"phoenix:agents:{sector}", "kind": "agent", "names": by_sector[sector],
         "roles": [{"code": "", "sector": sector, "start": None, "end": None}]}
        for sector in order
    ]
    return agents, stats


def convert_discards(path: Path) -> list[str]:
    """Discard phrases (sports, entertainment, …): mentions inside them are not actors."""
    phrases: list[str] = []
    for line in _read_lines(path):
        body = _strip_comment(line).strip().lstrip("+").strip()
        if not body or body.isdigit() or "\ufffd" in body:
            continue
        phrase = " ".join(body.replace("_", " ").split())
        if phrase and phrase not in phrases:
            phrases.append(phrase)
    return phrases


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_phoenix(source_dir: str | Path, output: str | Path = PHOENIX_OUTPUT) -> dict[str, Any]:
    """Parse the Phoenix files in ``source_dir`` and write the shipped ``phoenix.json.gz``.

    Returns the provenance header (file hashes, counts).  Output is byte-for-byte reproducible.
    """
    source_dir = Path(source_dir)
    missing = [n for n in PHOENIX_FILES.values() if not (source_dir / n).is_file()]
    if missing:
        raise FileNotFoundError(
            f"Phoenix files missing in {source_dir}: {', '.join(missing)}; "
            "point build_phoenix() at the folder holding the petrarch2 dictionaries"
        )
    entries: list[dict[str, Any]] = []
    stats: dict[str, dict[str, int]] = {}
    for short in ("countries", "international", "milnonstate"):
        converted, file_stats = convert_actor_file(source_dir / PHOENIX_FILES[short], short)
        entries.extend(converted)
        stats[short] = file_stats
    agents, agent_stats = convert_agents(source_dir / PHOENIX_FILES["agents"])
    stats["agents"] = agent_stats
    discards = convert_discards(source_dir / PHOENIX_FILES["discards"])
    stats["discards"] = {"phrases": len(discards)}
    provenance = {
        "format_version": FORMAT_VERSION,
        "source": "openeventdata/petrarch2 Phoenix dictionaries",
        "licence": "MIT, Copyright (c) 2014 Open Event Data Alliance (see LICENSE-phoenix.txt)",
        "built_by": "harmattan.actors.build.build_phoenix",
        "files": {name: _sha256(source_dir / name) for name in PHOENIX_FILES.values()},
        "stats": stats,
    }
    document = {"provenance": provenance, "entries": entries, "agents": agents,
                "discards": discards}
    payload = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as handle:
        # mtime=0 and no file name in the header keep the bytes reproducible.
        with gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0, compresslevel=9) as gz:
            gz.write(payload)
    return provenance


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m harmattan.actors.build PHOENIX_DIR [OUTPUT]", file=sys.stderr)
        return 2
    provenance = build_phoenix(*args[:2])
    print(json.dumps(provenance["stats"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

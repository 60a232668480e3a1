"""ISO 3166 alpha-2 → alpha-3, for event locations (the gazetteer uses alpha-2, the store and
the actors alpha-3).

Built from the shipped resources: each country entry of the gazetteer (alpha-2, name) is
matched by name with the actor dictionary's country table (alpha-3, names).
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
from importlib import resources


@functools.lru_cache(maxsize=1)
def alpha2_to_alpha3() -> dict[str, str]:
    root = resources.files("harmattan").joinpath("resources")
    by_name: dict[str, str] = {}
    table = root.joinpath("actors/countries.tsv").read_text("utf-8")
    for line in table.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("iso3\t"):
            continue
        iso3, names = line.split("\t")[:2]
        for name in names.split("|"):
            by_name.setdefault(name.strip().lower(), iso3)
    mapping: dict[str, str] = {}
    try:
        raw = root.joinpath("geo/gazetteer.tsv.gz").read_bytes()
    except (FileNotFoundError, OSError):
        return mapping
    lines = (line for line in io.TextIOWrapper(gzip.GzipFile(fileobj=io.BytesIO(raw)), "utf-8")
             if not line.startswith("#"))
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        if not (row.get("feature_code") or "").startswith("PCL"):
            continue
        alpha2 = (row.get("country") or "").upper()
        names = [row.get("name") or "", *(row.get("names") or "").split("|")]
        for name in names:
            iso3 = by_name.get(name.strip().lower())
            if iso3 and alpha2:
                mapping.setdefault(alpha2, iso3)
                break
    return mapping


def to_alpha3(code: str | None) -> str | None:
    """``ML`` → ``MLI``; an alpha-3 code is returned as it is; None when unknown."""
    if not code or not isinstance(code, str):
        return None
    code = code.strip().upper()
    if len(code) == 3 and code.isalpha():
        return code
    if len(code) == 2:
        return alpha2_to_alpha3().get(code)
    return None

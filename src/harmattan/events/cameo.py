"""CAMEO codes: their names, quad classes and PLOVER equivalents.

The table lives in ``resources/ontology/cameo2plover.tsv`` (adapted from the PLOVER 2021
CAMEO→PLOVER table, CC BY-SA 4.0; its header lists every change made to the source).  It is
read once, when the module is imported.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from harmattan.schema import PLOVER_EVENTS, PloverCode

__all__ = ["CAMEO_NAMES", "TABLE_PATH", "cameo_to_plover", "quad_class", "normalise_code"]

TABLE_PATH = Path(__file__).resolve().parent.parent / "resources" / "ontology" / "cameo2plover.tsv"


@dataclass(frozen=True)
class _Row:
    event: str
    mode: str
    context: tuple[str, ...]
    name: str


@lru_cache(maxsize=1)
def _table() -> dict[str, _Row]:
    if not TABLE_PATH.exists():
        raise FileNotFoundError(
            f"CAMEO→PLOVER table missing at {TABLE_PATH}; reinstall harmattan "
            "(pip install -e .) so that the resources/ folder is present"
        )
    rows: dict[str, _Row] = {}
    with TABLE_PATH.open(encoding="utf-8") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for rec in csv.DictReader(lines, delimiter="\t"):
            event = rec["plover_event"].strip()
            if event and event not in PLOVER_EVENTS:
                raise ValueError(f"{TABLE_PATH}: CAMEO {rec['cameo']} maps to unknown PLOVER event {event!r}")
            context = tuple(c for c in (rec["context"] or "").split(";") if c)
            rows[rec["cameo"]] = _Row(event, (rec["mode"] or "").strip(), context, rec["name"].strip())
    return rows


def normalise_code(code: str) -> str:
    """``"042:043"`` → ``"042"``, ``":110"`` → ``"110"``, ``"080!"`` → ``"080"``.

    Dictionary codes pair the source→target event with the target→source one; the first
    that is present is the act the sentence states.
    """
    code = code.strip().strip("[]")
    parts = [p.strip().rstrip("!") for p in code.split(":")]
    return next((p for p in parts if p), "")


def _lookup(code: str) -> _Row | None:
    """The row for ``code`` or, failing that, for its nearest listed parent code."""
    table = _table()
    code = normalise_code(code)
    while len(code) >= 2:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


def cameo_to_plover(code: str) -> PloverCode | None:
    """The PLOVER event, mode and context of a CAMEO code; None for 01x/02x and unknown codes."""
    row = _lookup(code)
    if row is None or not row.event:
        return None
    return PloverCode(event=row.event, mode=row.mode, context=list(row.context))


def quad_class(code: str) -> int:
    """0 for CAMEO 01-02 (and anything unreadable), 1 for 03-05, 2 for 06-08, 3 for 09-13, 4 for 14-20."""
    code = normalise_code(code)
    try:
        root = int(code[:2])
    except ValueError:
        return 0
    if 3 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return 0


#: CAMEO code → short description, e.g. ``CAMEO_NAMES["138"] == "Threaten with military force"``.
#: The table is small (about 300 rows), so it is read at import time.
CAMEO_NAMES: dict[str, str] = {code: row.name for code, row in _table().items()}

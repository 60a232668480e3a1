"""The Phoenix conversion: date and code parsing, and a reproducible shipped file."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from harmattan.actors.build import PHOENIX_OUTPUT, build_phoenix, clean_name, parse_role, phoenix_date, split_code

PHOENIX_DIR = Path("/work/shared/data/phoenix")


@pytest.mark.parametrize("text, expected", [
    ("930416", dt.date(1993, 4, 16)),
    ("050101", dt.date(2005, 1, 1)),
    ("19270101", dt.date(1927, 1, 1)),
    ("920631", dt.date(1992, 6, 30)),
    ("2004017", None),
])
def test_phoenix_date(text: str, expected: dt.date | None) -> None:
    assert phoenix_date(text) == expected


@pytest.mark.parametrize("raw, expected", [
    ("NERGOV 930416-960127", ("NER", "GOV", "1993-04-16", "1996-01-27")),
    ("NERGOV >991222", ("NER", "GOV", "1999-12-22", None)),
    ("HTIOPPMED <061231", ("HTI", "OPP", None, "2006-12-31")),
    ("NERELI", ("NER", "ELI", None, None)),
    ("IGOUNO  >070201", ("IGO", "", "2007-02-01", None)),
])
def test_parse_role(raw: str, expected: tuple) -> None:
    role = parse_role(raw)
    assert role is not None
    assert (role["code"], role["sector"], role["start"], role["end"]) == expected


def test_parse_role_rejects_null_code() -> None:
    assert parse_role("---") is None


def test_split_code() -> None:
    assert split_code("USAGOVLEG") == ("USA", "LEG", None)
    assert split_code("IGOUNOREFHCR") == ("IGO", "REF", "UNHCR")
    assert split_code("IGOWAFBUSWAS") == ("IGO", "BUS", "ECOWAS")


def test_shipped_file_has_provenance() -> None:
    with gzip.open(PHOENIX_OUTPUT, "rt", encoding="utf-8") as handle:
        document = json.load(handle)
    assert "MIT" in document["provenance"]["licence"]
    assert len(document["provenance"]["files"]) == 5
    assert len(document["entries"]) > 20_000


@pytest.mark.skipif(not PHOENIX_DIR.is_dir(), reason="the Phoenix source files are not on this machine")
def test_build_is_reproducible(tmp_path: Path) -> None:
    out = tmp_path / "phoenix.json.gz"
    build_phoenix(PHOENIX_DIR, out)
    assert out.read_bytes() == PHOENIX_OUTPUT.read_bytes()


@pytest.mark.parametrize("raw, expected", [
    ("ANIMAL_LIBERATION_FRONT_(ALF)_", ["ANIMAL LIBERATION FRONT", "ALF"]),
    ("EVAN_MECHAM_ECO-TERRORIST_INTERNATIONAL_CONSPIRACY_(EMETIC)_",
     ["EVAN MECHAM ECO-TERRORIST INTERNATIONAL CONSPIRACY", "EMETIC"]),
    # a word that tells which one it is, no acronym: no alias of its own ("Republic" was
    # Georgia, "Colombia" a rebel army, "Machete" a Filipino group)
    ("GEORGIA_(REPUBLIC)_", ["GEORGIA"]),
    ("NATIONAL_LIBERATION_ARMY_(COLOMBIA)_", ["NATIONAL LIBERATION ARMY"]),
    ("TABAK_(MACHETE)_GROUP_", ["TABAK GROUP"]),
    ("UNITED_STATES_VIRGIN_ISLANDS_(USA)_", ["UNITED STATES VIRGIN ISLANDS"]),
])
def test_only_an_acronym_in_brackets_is_an_alias(raw: str, expected: list[str]) -> None:
    assert clean_name(raw) == expected

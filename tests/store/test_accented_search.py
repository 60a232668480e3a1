"""Text search ignores accents and case on SQLite as on PostgreSQL; events filter by language."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from harmattan.store import Store
from harmattan.store import query as q
from harmattan.store.folding import ACCENTED, PLAIN, fold_text
from harmattan.store.ingest import ingest
from harmattan.store.stand_in import make_rule_coder

from .conftest import write_jsonl

# The stand-in coder codes "met" as CONSULT; the titles and sentences hold accented words.
ARTICLES = [
    {"id": "fr-1", "date": "2023-08-03", "language": "fr", "title": "Réunion à l'Élysée",
     "text": "Chad met Senegal in Ségou to discuss trade."},
    {"id": "fr-2", "date": "2023-08-04", "language": "fr-FR", "title": "À Niamey",
     "text": "Mali met Niger in the ÉLYSÉE palace annex."},
    {"id": "en-1", "date": "2023-08-05", "title": "Talks in Segou",
     "text": "Ghana met Benin in Segou for talks on the border and on trade."},
]


def _ids(db: str, **filters) -> set[str]:
    with Store.open(db) as store, store.reading() as conn:
        return {m["article_id"] for c in q.event_page(conn, q.EventFilter(**filters), limit=50)
                for m in c["mentions"]}


@pytest.fixture
def stored(db_url: str, tmp_path: Path) -> str:
    path = write_jsonl(tmp_path / f"in{time.monotonic_ns()}.jsonl", ARTICLES)
    with Store.open(db_url) as store:
        ingest(store, [path], workers=1, coder_factory=make_rule_coder)
    return db_url


@pytest.mark.parametrize("needle, expected", [
    ("Ségou", {"fr-1", "en-1"}),
    ("segou", {"fr-1", "en-1"}),
    ("SÉGOU", {"fr-1", "en-1"}),
    ("élysée", {"fr-1", "fr-2"}),          # a title, and a sentence in capitals
    ("Elysee", {"fr-1", "fr-2"}),
    ("à niamey", {"fr-2"}),
    ("ségo%", set()),                      # wildcards match literally
], ids=["accented", "plain", "capitals", "lower-accented", "unaccented", "title-accented", "wildcard"])
def test_text_search_ignores_accents_and_case(stored: str, needle: str, expected: set[str]) -> None:
    assert _ids(stored, text=needle) == expected


def test_language_filter(stored: str) -> None:
    assert _ids(stored, language="fr") == {"fr-1", "fr-2"}   # "fr-FR" is stored as "fr"
    assert _ids(stored, language="EN") == {"en-1"}           # detected from the text
    assert _ids(stored, language="de") == set()


def test_python_and_sql_fold_alike() -> None:
    assert len(ACCENTED) == len(PLAIN)
    assert fold_text("Élysée, SÉGOU, Tillabéri, Œuvre, N’Djaména") == "elysee, segou, tillaberi, ouvre, n'djamena"


def test_export_language_option(stored: str, run_cli) -> None:
    def exported(*args: str) -> set[str]:
        lines = run_cli("export", "--db", stored, "--mentions", "-q", *args).stdout.splitlines()
        return {json.loads(line)["article"]["id"] for line in lines}

    assert exported("--language", "fr") == {"fr-1", "fr-2"}
    assert exported("--language", "en") == {"en-1"}
    assert exported() == {"fr-1", "fr-2", "en-1"}


def test_the_store_keeps_the_language_of_articles_made_without_the_readers(db_url: str) -> None:
    from sqlalchemy import select

    from harmattan.schema import Article
    from harmattan.store import schema as t

    articles = [Article("api-fr", "Les soldats ont arrêté le président dans la capitale du pays.",
                        date="2023-08-01"),
                Article("api-en", "Soldiers detained the president in the capital of the country.",
                        date="2023-08-01", language="en-GB")]
    with Store.open(db_url) as store:
        ingest(store, records=articles, workers=1, coder_factory=make_rule_coder)
        with store.reading() as conn:
            stored = dict(conn.execute(select(t.articles.c.article_id, t.articles.c.language)).all())
    assert stored == {"api-fr": "fr", "api-en": "en"}

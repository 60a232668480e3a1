"""A malformed corpus: every kind of bad record is rejected with its reason, every good one stored."""

from __future__ import annotations

import json
from pathlib import Path

from harmattan.store import Store, read

GOOD_HTML = """<html><head><title>Clashes near Gao</title>
<meta property="article:published_time" content="2023-08-14T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Clashes near Gao</h1>
<p>Mali clashed with Niger near Gao on Monday, the army said in a statement released in Bamako
late in the evening after a day of fighting.</p>
<p>Residents reported heavy gunfire through the night and several houses burned, according to
local officials who spoke to reporters by telephone on Tuesday.</p></article>
<footer>Copyright 2023</footer></body></html>"""

NO_ARTICLE_HTML = """<html><head><title>Index</title></head><body><nav><a href="/a">A</a>
<a href="/b">B</a></nav><p>Log in</p></body></html>"""


def _corpus(folder: Path) -> dict[str, str]:
    """Write the corpus; return {what: expected words of the reason}."""
    good = [
        {"id": "g1", "date": "2023-08-01", "text": "Mali attacked Niger near the border."},
        {"id": "g2", "date": "2023-08-02", "text": "Chad met Senegal in Dakar to talk about trade."},
    ]
    lines = [json.dumps(good[0]).encode(), b'{"id": "t1", "date": "2023-08-01", "text": "cut sho',
             json.dumps(good[1]).encode(), b'{"id": "u1", "text": "caf\xe9 au lait", "date": "2023-08-01"}',
             json.dumps({"id": "d1", "text": "Mali met Chad."}).encode(),
             json.dumps({"id": "d2", "date": "2023-02-30", "text": "Mali met Chad."}).encode(),
             json.dumps({"id": "d3", "date": "yesterday", "text": "Mali met Chad."}).encode(),
             json.dumps({"id": "d4", "date": "2999-01-01", "text": "Mali met Chad."}).encode(),
             b'{"id": "s1", "date": "2023-08-01", "text": "bad \\ud800 surrogate"}',
             json.dumps({"id": "e1", "date": "2023-08-01", "text": ""}).encode(),
             json.dumps([1, 2]).encode()]
    (folder / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (folder / "good.txt").write_text("date: 2023-08-03\nGhana protested against Nigeria over fees.", "utf-8")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "huge.txt").write_text("date: 2023-08-04\n" + ("word " * 10_000_000), "utf-8")  # 50 MB
    (folder / "page.html").write_text(GOOD_HTML, "utf-8")
    (folder / "nav.html").write_text(NO_ARTICLE_HTML, "utf-8")
    (folder / "undated.html").write_text(GOOD_HTML.replace(
        '<meta property="article:published_time" content="2023-08-14T10:00:00Z">', ""), "utf-8")
    (folder / "noheader.csv").write_text("a,b\n1,2\n", "utf-8")
    return {
        "mixed.jsonl:2": "invalid JSON",
        "mixed.jsonl:4": "not UTF-8",
        "mixed.jsonl:5": "missing date",
        "mixed.jsonl:6": "impossible date",
        "mixed.jsonl:7": "malformed date",
        "mixed.jsonl:8": "in the future",
        "mixed.jsonl:9": "invalid Unicode",
        "mixed.jsonl:10": "no text",
        "mixed.jsonl:11": "expected a JSON object",
        "binary.bin": "binary file",
        "binary.txt": "not UTF-8",
        "huge.txt": "text too long",
        "nav.html": "no article found",
        "undated.html": "missing date",
        "noheader.csv": "CSV header",
    }


def test_every_bad_record_is_rejected_with_its_reason(db_url: str, tmp_path: Path, run_cli) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = _corpus(corpus)
    run_cli("ingest", corpus, "--db", db_url, "--workers", "1", "-q", code=3)
    with Store.open(db_url) as store, store.reading() as conn:
        rejects = read.reject_rows(conn)
        stats = read.stats(conn)
        from sqlalchemy import select

        from harmattan.store import schema as t

        stored = sorted(conn.execute(select(t.articles.c.article_id)).scalars())
    found = {}
    for r in rejects:
        where = Path(r["origin"]).name + (f":{r['line']}" if r["line"] is not None else "")
        found[where] = r["reason"]
    assert set(found) == set(expected), found
    for where, words in expected.items():
        assert words in found[where], (where, found[where])
    assert stored == ["g1", "g2", "good", "page"]
    assert stats["rejects"] == len(expected)
    # The listing shows each with its reason, and a second run adds nothing.
    listing = run_cli("rejects", "--db", db_url, "-q").stdout
    assert len(listing.splitlines()) == len(expected)
    run_cli("ingest", corpus, "--db", db_url, "--workers", "1", "-q", code=3)
    with Store.open(db_url) as store, store.reading() as conn:
        again = read.stats(conn)
    assert (again["articles"], again["rejects"]) == (4, len(expected))


def _poison(folder: Path) -> Path:
    """Good articles around records that stopped ingest for good: a date the clustering could
    not step back from, and characters PostgreSQL refuses in the id, the language and the title."""
    lines = [
        {"id": "before", "date": "2023-08-01", "text": "Mali attacked Niger near the border."},
        {"id": "ancient", "date": "0001-01-01", "text": "Chad attacked Senegal near the border."},
        {"id": "far", "date": "9999-12-31", "text": "Ghana attacked Benin in the year 9999."},
        {"id": "nul\x00id", "date": "2023-08-02", "text": "Chad met Senegal in Dakar."},
        {"id": "nul-language", "date": "2023-08-02", "language": "e\x00n",
         "text": "Benin condemned Nigeria over the border."},
        {"id": "nul-title", "date": "2023-08-02", "title": "a\x00b", "text": "Ghana met Nigeria."},
        {"id": "after", "date": "2023-08-03", "text": "Ghana protested against Nigeria over fees."},
    ]
    path = folder / "poison.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return path


def test_a_poisonous_record_is_rejected_and_the_rest_stored(db_url: str, tmp_path: Path, run_cli) -> None:
    path = _poison(tmp_path)
    # One article per batch: the records after the bad ones come in later batches.
    result = run_cli("ingest", path, "--db", db_url, "--workers", "1", "--batch-size", "1", code=3)
    assert "Traceback" not in result.output
    with Store.open(db_url) as store, store.reading() as conn:
        from sqlalchemy import select

        from harmattan.store import schema as t

        stored = sorted(conn.execute(select(t.articles.c.article_id)).scalars())
        rejects = {r["line"]: r["reason"] for r in read.reject_rows(conn)}
        runs = [r.status for r in conn.execute(select(t.runs.c.status))]
    assert stored == ["after", "before"]
    assert rejects == {
        2: "impossible date 0001-01-01 (before 1800-01-01)",
        3: "impossible date 9999-12-31 (in the future)",
        4: "NUL character in id",
        5: "NUL character in language",
        6: "NUL character in title",
    }
    assert runs == ["done"]
    # A second run finds everything in place and adds nothing.
    run_cli("ingest", path, "--db", db_url, "--workers", "1", "--batch-size", "1", code=3)
    with Store.open(db_url) as store, store.reading() as conn:
        again = read.stats(conn)
    assert (again["articles"], again["rejects"]) == (2, 5)


def test_an_article_the_store_refuses_is_rejected_and_its_batch_stored(db_url: str, tmp_path: Path,
                                                                        run_cli) -> None:
    # A fatality figure past 64 bits passes every check on the input; the database refuses it.
    path = tmp_path / "huge.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "one", "date": "2023-08-01", "text": "Mali attacked Niger near the border."},
        {"id": "huge", "date": "2023-08-01", "text": "Chad attacked Benin and killed 99999999999999999999."},
        {"id": "two", "date": "2023-08-02", "text": "Ghana protested against Nigeria over fees."},
    ]), encoding="utf-8")
    result = run_cli("ingest", path, "--db", db_url, "--workers", "1", code=3)
    assert "Traceback" not in result.output
    with Store.open(db_url) as store, store.reading() as conn:
        from sqlalchemy import select

        from harmattan.store import schema as t

        stored = sorted(conn.execute(select(t.articles.c.article_id)).scalars())
        rejects = read.reject_rows(conn)
        events = read.stats(conn)["events"]
    assert stored == ["one", "two"] and events == 2
    assert [(r["record_id"], r["line"]) for r in rejects] == [("huge", 2)]
    assert rejects[0]["reason"].startswith("the store refused the article: ")

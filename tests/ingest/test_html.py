"""HTML pages → articles: body, title and date kept; boilerplate dropped; non-articles rejected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from harmattan.ingest.html import article_from_html, read_html_file
from harmattan.schema import Article, Reject

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "pages"


@pytest.mark.parametrize("name, title, date, first_words", [
    ("clash.html", "Mali and Niger clash near Ayorou", "2023-08-14", "Mali clashed with Niger"),
    ("talks.html", "Chad and Senegal hold talks", "2023-08-15", "Chad met Senegal in Dakar"),
    ("protest.html", "Students protest over fees", "2023-08-16", "Students protested in Accra"),
], ids=["meta-published-time", "json-ld", "meta-date"])
def test_article_title_date_and_body(name: str, title: str, date: str, first_words: str) -> None:
    article = read_html_file(PAGES / name)
    assert isinstance(article, Article), article
    assert article.id == Path(name).stem
    assert article.title == title
    assert article.date == dt.date.fromisoformat(date)
    assert article.text.startswith(first_words)
    for boilerplate in ("Home", "Football results", "rights reserved", "We use cookies", "Accept"):
        assert boilerplate not in article.text


def test_a_page_without_an_article_is_rejected_with_the_reason() -> None:
    reject = read_html_file(PAGES / "nav.html")
    assert isinstance(reject, Reject)
    assert reject.reason.startswith("no article found in the HTML")


def test_a_page_without_a_date_takes_the_callers_or_is_rejected() -> None:
    html = (PAGES / "clash.html").read_text("utf-8").replace(
        '<meta property="article:published_time" content="2023-08-14T09:45:00Z">', "")
    undated = article_from_html(html, origin="x.html")
    assert isinstance(undated, Reject) and undated.reason.startswith("missing date")
    dated = article_from_html(html, origin="x.html", date=dt.date(2023, 8, 20), title="Feed title")
    assert isinstance(dated, Article) and dated.date == dt.date(2023, 8, 20)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty page"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary content"),
    (b"<html><body><p>Too short.</p></body></html>", "no article found"),
], ids=["empty", "binary", "too-short"])
def test_bad_pages(content: bytes, reason: str) -> None:
    result = article_from_html(content, origin="bad.html")
    assert isinstance(result, Reject) and result.reason.startswith(reason)

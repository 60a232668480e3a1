"""HTML pages → articles, with trafilatura: the body text, the title and the publication date.

Menus, footers, comments and related-link boxes are dropped; what is left must look like an
article (at least ``MIN_WORDS`` words) or the page is rejected with the reason.  The date comes
from the page's metadata (``article:published_time``, JSON-LD, ``<time>``…); a guess from
arbitrary numbers in the text is not accepted (``extensive_search`` off), and a page without
a date is rejected unless the caller supplies one (a feed entry's date, for instance).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from harmattan.ingest.readers import MAX_TEXT_CHARS
from harmattan.schema import Article, Reject, parse_date

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: Fewer words than this is a index page, a cookie wall or an error page, not an article.
MIN_WORDS = 25
#: Pages bigger than this are not read (a news page is well under 5 MB).
MAX_HTML_BYTES = 20_000_000
_RAW_LIMIT = 2000


def article_from_html(html: str | bytes, *, origin: str, article_id: str | None = None,
                      url: str | None = None, source: str | None = None,
                      date: dt.date | None = None, title: str | None = None) -> Article | Reject:
    """Extract the article of an HTML page; a ``Reject`` with the reason if there is none.

    ``date`` and ``title`` are used when the page has none of its own (feed entries give both).
    """
    import trafilatura

    if isinstance(html, bytes):
        if len(html) > MAX_HTML_BYTES:
            return Reject(origin, f"page too large ({len(html):,} bytes; limit {MAX_HTML_BYTES:,})",
                          record_id=article_id)
        if b"\x00" in html[:4096]:
            return Reject(origin, "binary content, not HTML", record_id=article_id)
    if not (html.strip() if isinstance(html, str) else html.strip()):
        return Reject(origin, "empty page", record_id=article_id)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - a parser failure on one page rejects that page
        return Reject(origin, f"HTML could not be parsed: {exc!r}", record_id=article_id)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    page_title = (getattr(doc, "title", None) or "").strip() or None if doc is not None else None
    if page_title and text.startswith(page_title + "\n"):
        text = text[len(page_title) + 1:].lstrip()
    if len(text.split()) < MIN_WORDS:
        return Reject(origin, f"no article found in the HTML ({len(text.split())} words of body text)",
                      record_id=article_id, raw=_raw(html))
    if len(text) > MAX_TEXT_CHARS:
        return Reject(origin, f"text too long ({len(text):,} characters; limit {MAX_TEXT_CHARS:,})",
                      record_id=article_id)
    try:
        page_date = parse_date(getattr(doc, "date", None))
    except ValueError as exc:
        page_date = None
        if date is None:
            return Reject(origin, f"page date unreadable: {exc}", record_id=article_id)
    final_date = page_date or date
    if final_date is None:
        return Reject(origin, "missing date: the page states no publication date", record_id=article_id,
                      raw=_raw(html))
    page_url = url or getattr(doc, "url", None)
    rid = article_id or page_url or hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    return Article(
        id=rid, text=text, date=final_date, title=page_title or title, url=page_url,
        source=source or getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        language=getattr(doc, "language", None), origin=origin,
    )


def read_html_file(path: Path) -> Article | Reject:
    data = path.read_bytes()
    return article_from_html(data, origin=str(path), article_id=path.stem)


def _raw(html: str | bytes) -> str:
    if isinstance(html, bytes):
        html = html[:_RAW_LIMIT].decode("utf-8", "replace")
    return html[:_RAW_LIMIT]

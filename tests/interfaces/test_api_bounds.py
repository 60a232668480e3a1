"""What one request may cost the server: the size of an event's answer with long articles."""

from __future__ import annotations

import datetime as dt
import json

from fastapi.testclient import TestClient

from harmattan.interfaces.api import create_app
from harmattan.schema import Article
from harmattan.store import Store
from harmattan.store.ingest import ingest
from harmattan.store.stand_in import make_rule_coder

#: About 1 KB of text without an event in it (the stand-in coder's verbs are absent).
FILLER = ("The road north of the river runs through dry country, past wells, small farms and "
          "a few villages whose people trade cattle and grain at the weekly markets. ") * 6


def long_article(n: int, size: int = 112_000) -> Article:
    """One event sentence per kilobyte: each article reports ~110 mentions of one event."""
    parts: list[str] = []
    while sum(map(len, parts)) < size:
        parts.append(f"Mali attacked Niger near Gao, report {n}-{len(parts)} said. {FILLER}")
    return Article(id=f"long-{n}", text="".join(parts), date=dt.date(2024, 3, 2), source=f"paper-{n}",
                   title=f"Long report {n}")


def test_an_event_told_by_long_articles_answers_each_text_once(db_url: str) -> None:
    """Three 112 KB articles in one cluster: each text once, not once per mention (the answer
    was 38.5 MB here, and grew with the square of the articles' length)."""
    articles = [long_article(n) for n in range(3)]
    with Store.open(db_url) as store:
        report = ingest(store, records=articles, workers=1, coder_factory=make_rule_coder)
    assert report.articles == 3 and report.events > 300
    with TestClient(create_app(db_url)) as client:
        page = client.get("/api/events").json()
        assert page["total"] == 1
        cluster = page["events"][0]
        assert cluster["n_mentions"] == report.events and cluster["n_articles"] == 3
        answer = client.get(f"/api/events/{cluster['id']}")
        bare = client.get(f"/api/events/{cluster['id']}", params={"text": "false"})
    assert answer.status_code == 200 and bare.status_code == 200
    detail = answer.json()
    texts = sum(len(a.text.encode()) for a in articles)
    assert sorted(a["id"] for a in detail["articles"]) == ["long-0", "long-1", "long-2"]
    assert {a["id"]: a["text"] for a in detail["articles"]} == {a.id: a.text for a in articles}
    assert len(detail["mentions"]) == report.events
    for mention in detail["mentions"]:
        article = detail["articles"][mention["article_index"]]
        ev = mention["evidence"]
        assert article["id"] == mention["article"]["id"]
        assert article["text"][ev["start"]:ev["end"]] == ev["sentence"]
    # Linear: the texts once, plus a bounded record per mention (evidence, codes, location).
    per_mention = 1_000
    assert len(answer.content) <= texts + per_mention * report.events, len(answer.content)
    assert len(bare.content) <= per_mention * report.events, len(bare.content)
    assert len(answer.content) - len(bare.content) >= texts - 100  # the texts; "null" each without
    assert json.loads(bare.content)["mentions"] == detail["mentions"]

"""The geoparser: article text in, resolved place mentions out.

Example::

    from harmattan.geo import Geoparser
    geoparser = Geoparser().initialize()
    for place in geoparser.parse(article):
        print(place.text, place.name, place.country, place.lat, place.lon, place.score)
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harmattan.geo.gazetteer import EXTRA_PLACES_PATH, GAZETTEER_PATH, Gazetteer
from harmattan.geo.resolve import resolve_mentions
from harmattan.geo.scorer import SCORER_PATH, ToponymScorer
from harmattan.geo.toponyms import find_mentions
from harmattan.schema import Article


@dataclass
class Place:
    """A place named in an article, resolved to a gazetteer entry.

    ``article.text[start:end] == text``.  ``geonameid`` is None for places GeoNames does not
    list (hand-made regions, user places).  ``score`` in [0, 1] is how clearly this entry beat
    the other places of the same name.  ``cue`` (not part of the JSON) is the locative word
    before the name ("in", "near"…), used to set an event's location precision.
    """

    text: str
    start: int
    end: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str
    feature_code: str
    score: float
    cue: str = field(default="", compare=False)
    #: True for a demonym ("Malian", "Palestinians") read as its country.
    demonym: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end,
            "geonameid": self.geonameid, "name": self.name, "lat": self.lat, "lon": self.lon,
            "country": self.country, "admin1": self.admin1, "admin2": self.admin2,
            "feature_code": self.feature_code, "score": self.score,
        }


class Geoparser:
    """Find and resolve every place an article names, offline.

    Args:
        index_path: the shipped gazetteer index (``harmattan.geo.build`` writes it).
        user_places: a places.yaml of the user's own places (default: ``$HARMATTAN_GEO_PLACES``).
        extra_places: YAML files of places shipped with Harmattan.
        scorer: the learned toponym scorer (``scorer.py``); ``None`` lets the hand rules
            alone decide which capitalised names are places.
    """

    def __init__(self, index_path: str | Path = GAZETTEER_PATH,
                 user_places: str | Path | None = None,
                 extra_places: tuple[str | Path, ...] = (EXTRA_PLACES_PATH,),
                 scorer: str | Path | ToponymScorer | None = SCORER_PATH) -> None:
        self.index_path = index_path
        self.user_places = user_places
        self.extra_places = extra_places
        self.scorer = scorer

    def initialize(self) -> Geoparser:
        self.gazetteer_ = Gazetteer(self.index_path, self.extra_places, self.user_places).initialize()
        if isinstance(self.scorer, ToponymScorer):
            self.scorer_: ToponymScorer | None = self.scorer
        elif self.scorer is not None:
            self.scorer_ = ToponymScorer(self.scorer).initialize()
        else:
            self.scorer_ = None
        return self

    def parse_text(self, text: str) -> list[Place]:
        """The places of a text, in text order."""
        mentions = find_mentions(text, self.gazetteer_, self.scorer_)
        places = []
        for res in resolve_mentions(mentions, self.gazetteer_):
            e = res.entry
            places.append(Place(
                text=res.mention.text, start=res.mention.start, end=res.mention.end,
                geonameid=e.geonameid, name=e.name, lat=e.lat, lon=e.lon, country=e.country,
                admin1=e.admin1, admin2=e.admin2, feature_code=e.feature_code, score=res.score,
                cue=res.mention.cue, demonym=res.mention.demonym,
            ))
        return places

    def parse(self, article: Article) -> list[Place]:
        """The places of an article (title not included: offsets point into ``text``)."""
        return self.parse_text(article.text)

    def parse_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Place]]]:
        """``(article, places)`` for each article, in order."""
        for article in articles:
            yield article, self.parse(article)


# -- several processes -----------------------------------------------------------------------

_WORKER: Geoparser | None = None


def _init_worker(user_places: str | Path | None) -> None:
    global _WORKER
    _WORKER = Geoparser(user_places=user_places).initialize()


def _parse_batch(batch: list[Article]) -> list[list[Place]]:
    assert _WORKER is not None
    return [_WORKER.parse(article) for article in batch]


def parse_articles(articles: Iterable[Article], workers: int = 1,
                   user_places: str | Path | None = None, batch_size: int = 32,
                   ) -> Iterator[tuple[Article, list[Place]]]:
    """``(article, places)`` for each article, in input order, over ``workers`` processes.

    Each worker opens the gazetteer once; at most ``2 × workers`` batches are in flight, so
    memory does not grow with the input.  One process when ``workers`` is 1.
    """
    if workers <= 1:
        yield from Geoparser(user_places=user_places).initialize().parse_many(articles)
        return
    context = mp.get_context("forkserver" if os.name == "posix" else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(user_places,)) as pool:
        pending: deque = deque()
        iterator = iter(articles)
        batch: list[Article] = []
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * workers:
                batch = [a for _, a in zip(range(batch_size), iterator)]
                if not batch:
                    exhausted = True
                    break
                pending.append((batch, pool.apply_async(_parse_batch, (batch,))))
            if not pending:
                break
            done, result = pending.popleft()
            yield from zip(done, result.get())

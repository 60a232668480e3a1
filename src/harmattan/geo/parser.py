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
from harmattan.geo.scorer import SCORER_NER_PATH, SCORER_PATH, ToponymScorer
from harmattan.geo.toponyms import Mention, find_mentions
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
    #: True for a place the gazetteer does not know ("Royal Street"), which the entity
    #: recogniser found and the parser put at the article's own town (``_place_unresolved``).
    approximate: bool = field(default=False, compare=False)

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
        ner: run spaCy's entity recogniser over each text (``nlp.parser.load_ner``) and
            read its GPE, LOC, FAC and NORP entities as candidates too, scored by
            ``ner_scorer``.  More places found, about four times slower (docs/geo.md).
            Entities given to ``parse`` (the coder's) are read whatever this says.
        ner_scorer: the scorer trained with the recogniser's features.
    """

    def __init__(self, index_path: str | Path = GAZETTEER_PATH,
                 user_places: str | Path | None = None,
                 extra_places: tuple[str | Path, ...] = (EXTRA_PLACES_PATH,),
                 scorer: str | Path | ToponymScorer | None = SCORER_PATH,
                 ner: bool = False,
                 ner_scorer: str | Path | ToponymScorer | None = SCORER_NER_PATH) -> None:
        self.index_path = index_path
        self.user_places = user_places
        self.extra_places = extra_places
        self.scorer = scorer
        self.ner = ner
        self.ner_scorer = ner_scorer

    def initialize(self) -> Geoparser:
        self.gazetteer_ = Gazetteer(self.index_path, self.extra_places, self.user_places).initialize()
        self.scorer_ = _load_scorer(self.scorer)
        self.ner_scorer_ = _load_scorer(self.ner_scorer) if self.scorer_ is not None else None
        self.recognise_ = _recognise
        return self

    def parse_text(self, text: str, entities: list[tuple[int, int, str]] | None = None,
                   ner_ranges: list[tuple[int, int]] | None = None) -> list[Place]:
        """The places of a text, in text order.

        ``entities`` are spaCy's ``(start, end, label)`` over ``ner_ranges`` of the text (the
        whole text when None); without them, ``ner=True`` runs the recogniser here.
        """
        if entities is None and self.ner:
            entities, ner_ranges = self.recognise_([text])[0], None
        mentions = find_mentions(text, self.gazetteer_, self.scorer_, entities=entities,
                                 ner_ranges=ner_ranges,
                                 ner_scorer=self.ner_scorer_ if entities is not None else None)
        unresolved = [m for m in mentions if not m.candidates]
        if unresolved:
            mentions = [m for m in mentions if m.candidates]
        places = []
        for res in resolve_mentions(mentions, self.gazetteer_):
            e = res.entry
            places.append(Place(
                text=res.mention.text, start=res.mention.start, end=res.mention.end,
                geonameid=e.geonameid, name=e.name, lat=e.lat, lon=e.lon, country=e.country,
                admin1=e.admin1, admin2=e.admin2, feature_code=e.feature_code, score=res.score,
                cue=res.mention.cue, demonym=res.mention.demonym,
            ))
        if unresolved:
            places = sorted(places + _place_unresolved(unresolved, places),
                            key=lambda p: p.start)
        return places

    def parse(self, article: Article, entities: list[tuple[int, int, str]] | None = None,
              ner_ranges: list[tuple[int, int]] | None = None) -> list[Place]:
        """The places of an article (title not included: offsets point into ``text``)."""
        return self.parse_text(article.text, entities, ner_ranges)

    def parse_many(self, articles: Iterable[Article],
                   batch_size: int = 32) -> Iterator[tuple[Article, list[Place]]]:
        """``(article, places)`` for each article, in order."""
        if not self.ner:
            for article in articles:
                yield article, self.parse(article)
            return
        iterator = iter(articles)
        while batch := [a for _, a in zip(range(batch_size), iterator)]:
            for article, entities in zip(batch, self.recognise_([a.text for a in batch])):
                yield article, self.parse(article, entities)


def _load_scorer(scorer: str | Path | ToponymScorer | None) -> ToponymScorer | None:
    if scorer is None or isinstance(scorer, ToponymScorer):
        return scorer
    return ToponymScorer(scorer).initialize()


def _recognise(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """spaCy's entities of each text (the recogniser alone)."""
    from harmattan.nlp.parser import entity_spans, load_ner

    return [entity_spans(doc) for doc in load_ner().pipe(texts, batch_size=32)]


def _place_unresolved(mentions: list[Mention], places: list[Place]) -> list[Place]:
    """Place the recogniser's entities that the gazetteer does not know ("Royal Street",
    "Barclays Center") at the article's own town: the town it names most (first named on a
    tie), else its most named county or region.  An article that names only countries, or
    nothing, gives them no place: a country's centre says nothing of a street."""
    counts: dict[tuple[str, float, float], int] = {}
    first: dict[tuple[str, float, float], Place] = {}
    for place in places:
        if place.demonym or place.feature_code in ("PCLI", "PCLD", "PCLS", "PCLIX", "PCLF",
                                                   "PCL", "TERR", "CONT") or not place.feature_code:
            continue
        key = (place.name, place.lat, place.lon)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, place)
    if not counts:
        return []
    order = list(first)

    def rank(key: tuple[str, float, float]) -> tuple[int, int, int]:
        town = first[key].feature_code.startswith("PPL")
        return (0 if town else 1, -counts[key], order.index(key))

    anchor = first[min(order, key=rank)]
    return [Place(text=m.text, start=m.start, end=m.end, geonameid=None, name=m.text,
                  lat=anchor.lat, lon=anchor.lon, country=anchor.country, admin1=anchor.admin1,
                  admin2=anchor.admin2, feature_code=anchor.feature_code, score=0.0, cue=m.cue,
                  approximate=True)
            for m in mentions]


# -- several processes -----------------------------------------------------------------------

_WORKER: Geoparser | None = None


def _init_worker(user_places: str | Path | None, ner: bool = False) -> None:
    global _WORKER
    _WORKER = Geoparser(user_places=user_places, ner=ner).initialize()


def _parse_batch(batch: list[Article]) -> list[list[Place]]:
    assert _WORKER is not None
    return [places for _, places in _WORKER.parse_many(batch, batch_size=len(batch))]


def parse_articles(articles: Iterable[Article], workers: int = 1,
                   user_places: str | Path | None = None, batch_size: int = 32,
                   ner: bool = False) -> Iterator[tuple[Article, list[Place]]]:
    """``(article, places)`` for each article, in input order, over ``workers`` processes.

    Each worker opens the gazetteer once; at most ``2 × workers`` batches are in flight, so
    memory does not grow with the input.  One process when ``workers`` is 1.  ``ner``: see
    ``Geoparser``.
    """
    if workers <= 1:
        yield from Geoparser(user_places=user_places, ner=ner).initialize().parse_many(articles)
        return
    context = mp.get_context("forkserver" if os.name == "posix" else "spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(user_places, ner)) as pool:
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

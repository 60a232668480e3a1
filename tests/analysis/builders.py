"""Events with known content, written through the real store (one article per event)."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from harmattan.schema import PLOVER_QUAD, Actor, Article, CameoCode, Event, Evidence, Modality, PloverCode
from harmattan.store import Store

START = dt.date(2023, 1, 2)  # a Monday


@dataclass
class Spec:
    """One reported event: ``source``/``target`` are ``"CODE SECTOR"`` or ``"CODE SECTOR ID"``."""

    date: str
    plover: str | None
    source: list[str]
    target: list[str]
    context: list[str] = field(default_factory=list)
    quad: int | None = None
    acled: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    negated: bool = False
    #: The same ``report_of`` as another spec: a second article reporting that same event.
    report_of: str | None = None
    name: str = ""


def _actor(text: str) -> Actor:
    parts = text.split()
    code = parts[0]
    sector = parts[1] if len(parts) > 1 and parts[1] != "-" else ""
    actor_id = parts[2] if len(parts) > 2 else None
    return Actor(text=text, code=code, sector=sector, actor_id=actor_id)


def _words(seed: str, n: int = 24) -> str:
    digest = b"".join(hashlib.sha256(f"{seed}:{i}".encode()).digest() for i in range(4))
    return " ".join(f"w{digest[i]:03d}{digest[i + 1]:03d}" for i in range(0, 2 * n, 2))


def write_events(store: Store, specs: list[Spec], tag: str = "t") -> list[Event]:
    """Store each spec as one article with one event; return the events in order."""
    articles, events = [], []
    for number, spec in enumerate(specs):
        name = spec.name or f"{tag}{number}"
        sentence = f"Event {name} was reported."
        text = f"{sentence} {_words(spec.report_of or name)} {_words(name, 6)}"
        article = Article(id=name, text=text, date=dt.date.fromisoformat(spec.date),
                          source=f"Outlet {number % 3}")
        quad = spec.quad if spec.quad is not None else PLOVER_QUAD.get(spec.plover or "", 0)
        events.append(Event(
            event_id=hashlib.sha1(f"{name}:{spec.date}".encode()).hexdigest()[:20],
            article_id=name, date=spec.date,
            plover=PloverCode(spec.plover, "", list(spec.context)) if spec.plover else None,
            cameo=CameoCode(quad, None), modality=Modality(negated=spec.negated),
            source=[_actor(a) for a in spec.source], target=[_actor(a) for a in spec.target],
            evidence=Evidence(sentence, 0, len(sentence)), confidence=0.8,
            acled=spec.acled, location=spec.location, coder_version="test",
        ))
        articles.append(article)
    run_id = store.begin_run("test", {})
    store.write_batch(run_id, articles, events)
    store.finish_run(run_id, "done", {})
    return events


def flat_store_with_surge(store: Store, surge_week: int, weeks: int = 40) -> tuple[list[str], dt.date]:
    """NER ASSAULT: 2 a week and 12 in ``surge_week``; MLI FIGHT: Poisson(3) noise; BFA
    CONSULT: 1 a week.  Every event has its own target, so none share a cluster."""
    rng = np.random.default_rng(5)
    specs, surge = [], []
    for week in range(weeks):
        monday = START + dt.timedelta(weeks=week)
        for i in range(12 if week == surge_week else 2):
            name = f"n{week}-{i}"
            specs.append(Spec((monday + dt.timedelta(days=i % 7)).isoformat(), "ASSAULT",
                              ["NER MIL"], [f"NER CVL V{name}"], name=name))
            if week == surge_week:
                surge.append(name)
        for i in range(int(rng.poisson(3))):
            specs.append(Spec((monday + dt.timedelta(days=i % 7)).isoformat(), "FIGHT",
                              ["MLI MIL"], [f"MLI REB G{week}-{i}"], name=f"m{week}-{i}"))
        specs.append(Spec((monday + dt.timedelta(days=2)).isoformat(), "CONSULT",
                          ["BFA GOV"], [f"BFA OPP P{week}"], name=f"b{week}"))
    random.Random(1).shuffle(specs)  # storage order must not matter
    events = write_events(store, specs)
    ids = {e.article_id: e.event_id for e in events}
    return sorted(ids[n] for n in surge), START + dt.timedelta(weeks=surge_week)

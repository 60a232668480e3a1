"""A conflict–cooperation index for a pair of actors over time, in the spirit of Goldstein.

Each event gets the weight of its PLOVER type in ``WEIGHTS`` (from −10, the most violent
conflict, to +10, the most cooperative act); an event PLOVER leaves untyped takes its quad
class's weight.  The weights are the Goldstein (1992) scores of the CAMEO root codes each
PLOVER type gathers (the CAMEO → PLOVER table the coder ships), rounded; a PLOVER type that
gathers several roots takes its most common one.  A period's score is the mean weight of the
pair's events in it, so a busy week and a quiet one are on the same scale; ``n_events`` gives
the volume.  ``docs/analysis.md`` has the table.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import Connection

from harmattan.analysis.data import ActorRef, Occurrence, matches, occurrences, period_of

#: Weight of each PLOVER type (and of quad classes ``Q0``–``Q4`` for untyped events), −10…+10.
#: The CAMEO root whose Goldstein score it takes is in the comment.
WEIGHTS: dict[str, float] = {
    "AGREE": 4.0,         # 03 express intent to cooperate (057 sign agreement: +8.0)
    "CONSULT": 1.0,       # 04 consult
    "SUPPORT": 3.5,       # 05 engage in diplomatic cooperation
    "COOPERATE": 6.0,     # 06 engage in material cooperation
    "AID": 7.0,           # 07 provide aid
    "CONCEDE": 5.0,       # 08 yield
    "RETREAT": 5.0,       # 08 yield (087 de-escalate military engagement)
    "INVESTIGATE": -2.0,  # 09 investigate
    "DEMAND": -5.0,       # 10 demand
    "DISAPPROVE": -2.0,   # 11 disapprove
    "REJECT": -4.0,       # 12 reject
    "THREATEN": -6.0,     # 13 threaten
    "PROTEST": -6.5,      # 14 protest
    "MOBILIZE": -7.2,     # 15 exhibit military posture
    "SANCTION": -4.0,     # 16 reduce relations
    "COERCE": -7.0,       # 17 coerce
    "ASSAULT": -9.0,      # 18 assault
    "FIGHT": -10.0,       # 19 fight (20 mass violence: −10 too)
    "Q0": 0.0,            # 01 make public statement
    "Q1": 3.0,            # verbal cooperation: mean of 03–05, rounded
    "Q2": 6.0,            # material cooperation: mean of 06–08, rounded
    "Q3": -4.0,           # verbal conflict: mean of 09–13, rounded
    "Q4": -8.0,           # material conflict: mean of 14–20, rounded
}


def weight_of(item: Occurrence) -> float:
    return WEIGHTS.get(item.plover or "", WEIGHTS[f"Q{item.quad_class}"])


def _side(actors: tuple[ActorRef, ...], query: str) -> bool:
    return any(matches(a, query) for a in actors)


def between(item: Occurrence, a: str, b: str, *, directed: bool = False) -> bool:
    """The event goes from an actor ``a`` names to one ``b`` names (or back, undirected)."""
    forward = _side(item.source, a) and _side(item.target, b)
    if forward or directed:
        return forward
    return _side(item.source, b) and _side(item.target, a)


def dyad_index(conn: Connection, a: str, b: str, *, since: dt.date | None = None,
               until: dt.date | None = None, interval: str = "week",
               directed: bool = False) -> list[dict]:
    """Rows ``{"period", "score", "n_events", "by_type": {type: n}}`` sorted by period.

    ``a`` and ``b`` name actors by code prefix (``NER`` matches ``NER MIL``; ``NERMIL`` only
    the army) or by ``actor_id`` (``ECOWAS``).  Undirected by default: events from ``b`` to
    ``a`` count too; ``directed=True`` keeps ``a`` → ``b`` only.  Periods without events are
    absent.  Event clusters are counted, each once.
    """
    period_of(dt.date(2000, 1, 3), interval)
    weights: dict[str, list[float]] = defaultdict(list)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    for item in occurrences(conn, since=since, until=until):
        if not between(item, a, b, directed=directed):
            continue
        period = period_of(item.date, interval).isoformat()
        weights[period].append(weight_of(item))
        types[period][item.event_type] += 1
    return [
        {"period": period, "score": round(sum(values) / len(values), 3), "n_events": len(values),
         "by_type": dict(sorted(types[period].items()))}
        for period, values in sorted(weights.items())
    ]

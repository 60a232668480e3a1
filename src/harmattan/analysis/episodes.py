"""Episodes: events that belong together — a threat, the talks, the deadline, the outcome.

Events are linked into an episode when they

* share a pair of parties (``harmattan.analysis.data.party_of``: a state by its country, a
  body or an armed group by its id), in either direction;
* follow each other within ``window_days`` (each event within the window of the one before);
* keep to the order of a crisis.  Each PLOVER type has a phase — *pressure* (demands,
  threats, sanctions, force posture, protest), *talks* (consultation, diplomatic support),
  *outcome* (an agreement, a concession, a retreat, aid, cooperation — or an attack, a
  fight).  Pressure and talks may alternate (a deadline after the talks); once an episode
  has reached an outcome, only further outcomes join it, and a new threat or new talks open
  the next episode.

A single event is no episode.  The chain lists the events in date order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from sqlalchemy import Connection

from harmattan.analysis.data import Occurrence, occurrences, party_of

PRESSURE, TALKS, OUTCOME = 1, 2, 3
#: The phase of each PLOVER type in a crisis (quad classes for events PLOVER leaves untyped).
PHASES: dict[str, int] = {
    "DEMAND": PRESSURE, "THREATEN": PRESSURE, "DISAPPROVE": PRESSURE, "REJECT": PRESSURE,
    "SANCTION": PRESSURE, "MOBILIZE": PRESSURE, "COERCE": PRESSURE, "INVESTIGATE": PRESSURE,
    "PROTEST": PRESSURE, "Q3": PRESSURE,
    "CONSULT": TALKS, "SUPPORT": TALKS, "Q0": TALKS, "Q1": TALKS,
    "AGREE": OUTCOME, "CONCEDE": OUTCOME, "RETREAT": OUTCOME, "COOPERATE": OUTCOME,
    "AID": OUTCOME, "ASSAULT": OUTCOME, "FIGHT": OUTCOME, "Q2": OUTCOME, "Q4": OUTCOME,
}


@dataclass
class _Open:
    pair: tuple[str, str]
    items: list[Occurrence] = field(default_factory=list)
    phase: int = 0


def pairs_of(item: Occurrence) -> set[tuple[str, str]]:
    """The unordered pairs of distinct parties an event links (source × target)."""
    found = set()
    for source in item.source:
        for target in item.target:
            a, b = party_of(source), party_of(target)
            if a and b and a != b:
                found.add((min(a, b), max(a, b)))
    return found


def _continues(episode: _Open, item: Occurrence, window: dt.timedelta) -> bool:
    if item.date - episode.items[-1].date > window:
        return False
    return episode.phase < OUTCOME or PHASES.get(item.event_type, TALKS) == OUTCOME


def episodes(conn: Connection, *, since: dt.date | None = None, until: dt.date | None = None,
             actor: str | None = None, window_days: int = 30) -> list[dict]:
    """``[{"episode_id", "actors": [a, b], "start", "end", "chain": [{"cluster_id", "date",
    "event_type", "summary"}]}]``, sorted by start date then id.

    ``actor`` keeps episodes with a party it names (prefix, e.g. ``NER`` or ``ECOWAS``).
    ``summary`` is the event's evidence sentence.
    """
    window = dt.timedelta(days=window_days)
    open_by_pair: dict[tuple[str, str], _Open] = {}
    done: list[_Open] = []
    wanted = actor.replace(" ", "").upper() if actor else None
    for item in occurrences(conn, since=since, until=until):
        for pair in sorted(pairs_of(item)):
            if wanted and not any(_party_matches(p, wanted) for p in pair):
                continue
            episode = open_by_pair.get(pair)
            if episode is None or not _continues(episode, item, window):
                if episode is not None:
                    done.append(episode)
                episode = open_by_pair[pair] = _Open(pair)
            episode.items.append(item)
            episode.phase = max(episode.phase, PHASES.get(item.event_type, TALKS))
    done.extend(open_by_pair.values())
    result = [_record(e) for e in done if len(e.items) >= 2]
    result.sort(key=lambda e: (e["start"], e["episode_id"]))
    return result


def _party_matches(party: str, wanted: str) -> bool:
    """"NER" matches "NER MIL"; "ECOWAS" matches "IGO ECOWAS" (the id after the code)."""
    parts = party.upper().split()
    return "".join(parts).startswith(wanted) or any(part.startswith(wanted) for part in parts[1:])


def _record(episode: _Open) -> dict:
    first = episode.items[0]
    key = "\x1f".join([*episode.pair, first.cluster_id])
    return {
        "episode_id": hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        "actors": list(episode.pair),
        "start": first.date.isoformat(),
        "end": episode.items[-1].date.isoformat(),
        "chain": [{"cluster_id": i.cluster_id, "date": i.date.isoformat(),
                   "event_type": i.event_type, "summary": i.evidence} for i in episode.items],
    }

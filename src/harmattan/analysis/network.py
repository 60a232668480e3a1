"""The actor network of a period: who acted on whom, how often, and how.

Nodes are actors as ``harmattan.analysis.data.node_of`` names them — a state's actors by
country and sector (``NER GOV``), international bodies by their id (``IGO ECOWAS``), non-state
armed groups by theirs (``JNIM``).  A directed edge goes from each source node to each target
node of an event (an actor acting on itself, e.g. ``NER GOV`` → ``NER GOV``, is no edge).
Event clusters are counted, each once per node and per edge.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import Connection

from harmattan.analysis.data import node_of, occurrences


def network(conn: Connection, *, since: dt.date | None = None, until: dt.date | None = None,
            country: str | None = None, min_count: int = 1) -> dict:
    """``{"nodes": [{"id", "label", "kind", "count"}], "edges": [{"source", "target", "count",
    "by_type"}]}``.

    A node's ``count`` is the number of events it takes part in; nodes and edges under
    ``min_count`` are dropped (and edges to a dropped node with them).  Sorted by id.
    """
    node_count: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    edge_types: dict[tuple[str, str], Counter[str]] = {}
    for item in occurrences(conn, since=since, until=until, country=country):
        sources = _nodes(item.source, kinds)
        targets = _nodes(item.target, kinds)
        for node in sources | targets:
            node_count[node] += 1
        for source in sorted(sources):
            for target in sorted(targets):
                if source != target:
                    edge_types.setdefault((source, target), Counter())[item.event_type] += 1
    nodes = [{"id": node, "label": node, "kind": kinds[node], "count": n}
             for node, n in sorted(node_count.items()) if n >= min_count]
    kept = {n["id"] for n in nodes}
    edges = []
    for (source, target), types in sorted(edge_types.items()):
        total = sum(types.values())
        if total >= min_count and source in kept and target in kept:
            edges.append({"source": source, "target": target, "count": total,
                          "by_type": dict(sorted(types.items()))})
    return {"nodes": nodes, "edges": edges}


def _nodes(actors: tuple, kinds: dict[str, str]) -> set[str]:
    found = set()
    for actor in actors:
        node = node_of(actor)
        if node is not None and node[0]:
            kinds.setdefault(node[0], node[1])
            found.add(node[0])
    return found

"""Analyst rules from a YAML file: each rule watches for one pattern in the store.

```yaml
rules:
  - name: new-military-cooperation-pair
    kind: new_pair            # a pair that never cooperated before, now with a military context
    types: [AGREE, SUPPORT, COOPERATE, AID]
    context: military
  - name: threat-then-assault
    kind: sequence            # FIRST followed by THEN between the same parties within N days
    first: THREATEN
    then: ASSAULT
    within_days: 30
  - name: tillaberi-above-5
    kind: threshold           # more than N events a week in an admin1 (and/or country)
    admin1: Tillabéri
    above: 5
```

The full schema, with every option and its default, is in ``docs/alerts.md``.  Pairs are of
parties (``harmattan.analysis.data.party_of``: a state by its country, a body or an armed group
by its id).  Every rule looks at the whole store for its context ("never before") and raises
alerts only for events dated between ``since`` and ``until``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harmattan.analysis.data import Occurrence, fold, party_of, period_of
from harmattan.analysis.episodes import pairs_of
from harmattan.errors import ConfigError
from harmattan.schema import PLOVER_EVENTS, Alert

KINDS = ("new_pair", "sequence", "threshold")
COOPERATION = ("AGREE", "SUPPORT", "COOPERATE", "AID")
_OPTIONS = {
    "new_pair": {"types", "context"},
    "sequence": {"first", "then", "within_days", "directed"},
    "threshold": {"admin1", "country", "types", "above"},
}
_COMMON = {"name", "kind", "description"}
_FIX = "see docs/alerts.md for the rule schema, or src/harmattan/resources/alerts/rules.example.yaml"


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    description: str = ""
    types: tuple[str, ...] = ()
    context: str | None = None
    first: tuple[str, ...] = ()
    then: tuple[str, ...] = ()
    within_days: int = 30
    directed: bool = False
    admin1: str | None = None
    country: str | None = None
    above: int = 0


def load_rules(path: str | Path) -> list[Rule]:
    """Read and check a rule file; a mistake raises ``ConfigError`` naming the rule and field."""
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read the rule file {path}: {exc.strerror}",
                          fix="check the --rules path") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"the rule file {path} is not valid YAML: {exc}", fix=_FIX) from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ConfigError(f"the rule file {path} has no 'rules:' list", fix=_FIX)
    rules = [parse_rule(item, f"{path}: rule {number}")
             for number, item in enumerate(data["rules"], start=1)]
    names = Counter(r.name for r in rules)
    repeated = sorted(n for n, k in names.items() if k > 1)
    if repeated:
        raise ConfigError(f"the rule file {path} names two rules {', '.join(repeated)}",
                          fix="give every rule its own name (alerts are keyed by it)")
    return rules


def parse_rule(item: Any, where: str = "rule") -> Rule:
    if not isinstance(item, dict):
        raise ConfigError(f"{where} is not a mapping", fix=_FIX)
    name, kind = item.get("name"), item.get("kind")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where} has no name", fix=_FIX)
    where = f"{where} ({name})"
    if kind not in KINDS:
        raise ConfigError(f"{where}: unknown kind {kind!r} (expected one of: {', '.join(KINDS)})", fix=_FIX)
    unknown = sorted(set(item) - _COMMON - _OPTIONS[kind])
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(unknown)} for kind {kind}", fix=_FIX)
    common = {"name": name.strip(), "kind": kind, "description": str(item.get("description") or "")}
    if kind == "new_pair":
        context = item.get("context")
        return Rule(**common, types=_types(item.get("types", list(COOPERATION)), where, "types"),
                    context=str(context) if context else None)
    if kind == "sequence":
        for field_name in ("first", "then"):
            if field_name not in item:
                raise ConfigError(f"{where}: '{field_name}' is required for kind sequence", fix=_FIX)
        return Rule(**common, first=_types(item["first"], where, "first"),
                    then=_types(item["then"], where, "then"),
                    within_days=_count(item.get("within_days", 30), where, "within_days"),
                    directed=bool(item.get("directed", False)))
    if "above" not in item:
        raise ConfigError(f"{where}: 'above' is required for kind threshold", fix=_FIX)
    if not item.get("admin1") and not item.get("country"):
        raise ConfigError(f"{where}: a threshold rule needs an admin1 or a country", fix=_FIX)
    return Rule(**common, admin1=str(item["admin1"]) if item.get("admin1") else None,
                country=str(item["country"]).upper() if item.get("country") else None,
                types=_types(item.get("types", []), where, "types"),
                above=_count(item["above"], where, "above"))


def _types(value: Any, where: str, field_name: str) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list):
        raise ConfigError(f"{where}: '{field_name}' must be an event type or a list of them", fix=_FIX)
    known = set(PLOVER_EVENTS) | {f"Q{q}" for q in range(5)}
    result = tuple(str(v).upper() for v in values)
    bad = [v for v in result if v not in known]
    if bad:
        raise ConfigError(f"{where}: unknown event type(s) {', '.join(bad)} in '{field_name}'",
                          fix="use PLOVER types (ASSAULT, THREATEN…) or quad classes Q0–Q4")
    return result


def _count(value: Any, where: str, field_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"{where}: '{field_name}' must be a whole number ≥ 0, not {value!r}", fix=_FIX)
    return value


# -- evaluation --------------------------------------------------------------------------------


def _in_window(day: dt.date, since: dt.date | None, until: dt.date | None) -> bool:
    return (since is None or day >= since) and (until is None or day <= until)


def evaluate(rule: Rule, items: list[Occurrence], *, since: dt.date | None = None,
             until: dt.date | None = None) -> list[Alert]:
    """The alerts ``rule`` raises on ``items`` (event clusters of the whole store, by date)."""
    if rule.kind == "new_pair":
        return _new_pairs(rule, items, since, until)
    if rule.kind == "sequence":
        return _sequences(rule, items, since, until)
    return _thresholds(rule, items, since, until)


def _new_pairs(rule: Rule, items: list[Occurrence], since: dt.date | None,
               until: dt.date | None) -> list[Alert]:
    """A cooperation event between a pair with no cooperation before it, carrying the context.

    A pair's first cooperation without the context makes the pair known: a later one with the
    context is not new.
    """
    seen: set[tuple[str, str]] = set()
    alerts = []
    context = fold(rule.context) if rule.context else None
    for item in items:
        if item.event_type not in rule.types:
            continue
        fresh = sorted(pairs_of(item) - seen)
        seen.update(fresh)
        if not fresh or not _in_window(item.date, since, until):
            continue
        if context and context not in {fold(c) for c in item.context}:
            continue
        for a, b in fresh:
            alerts.append(Alert(
                alert_id=Alert.make_id(rule.name, a, b), kind="rule", rule=rule.name,
                title=f"{rule.name}: first {item.event_type} between {a} and {b}"
                      + (f" ({rule.context})" if rule.context else ""),
                period=item.date.isoformat(), country=item.country, expected=None, observed=1.0,
                surprise=None, cluster_ids=[item.cluster_id],
                details={"pair": [a, b], "event_type": item.event_type, "context": list(item.context)},
            ))
    return alerts


def _directed_pairs(item: Occurrence) -> set[tuple[str, str]]:
    found = set()
    for source in item.source:
        for target in item.target:
            a, b = party_of(source), party_of(target)
            if a and b and a != b:
                found.add((a, b))
    return found


def _sequences(rule: Rule, items: list[Occurrence], since: dt.date | None,
               until: dt.date | None) -> list[Alert]:
    """A THEN event preceded by a FIRST event between the same parties within the window.

    Undirected by default (either party may have made the first move); ``directed: true``
    needs the same source and target in both.  One alert per THEN event and pair, listing
    every FIRST event in the window.
    """
    window = dt.timedelta(days=rule.within_days)
    pairs = _directed_pairs if rule.directed else pairs_of
    firsts_of: dict[tuple[str, str], list[Occurrence]] = defaultdict(list)
    for item in items:
        if item.event_type in rule.first:
            for pair in pairs(item):
                firsts_of[pair].append(item)
    alerts = []
    for item in items:
        if item.event_type not in rule.then or not _in_window(item.date, since, until):
            continue
        for pair in sorted(pairs(item)):
            # The same day counts as "followed by": reports rarely give the hour.
            firsts = [f for f in firsts_of[pair]
                      if f.cluster_id != item.cluster_id and dt.timedelta(0) <= item.date - f.date <= window]
            if not firsts:
                continue
            gap = (item.date - firsts[-1].date).days
            alerts.append(Alert(
                alert_id=Alert.make_id(rule.name, *pair, item.cluster_id), kind="rule",
                rule=rule.name,
                title=(f"{rule.name}: {item.event_type} between {pair[0]} and {pair[1]} "
                       f"{gap} days after {firsts[-1].event_type}"),
                period=item.date.isoformat(), country=item.country, expected=None,
                observed=float(len(firsts)), surprise=None,
                cluster_ids=[f.cluster_id for f in firsts] + [item.cluster_id],
                details={"pair": list(pair), "gap_days": gap, "directed": rule.directed},
            ))
    return alerts


def _thresholds(rule: Rule, items: list[Occurrence], since: dt.date | None,
                until: dt.date | None) -> list[Alert]:
    """More than ``above`` events in a week in the rule's admin1 and/or country (and types)."""
    admin1 = fold(rule.admin1) if rule.admin1 else None
    weeks: dict[dt.date, list[Occurrence]] = defaultdict(list)
    for item in items:
        if admin1 and fold(item.admin1 or "") != admin1:
            continue
        if rule.country and item.country != rule.country:
            continue
        if rule.types and item.event_type not in rule.types:
            continue
        weeks[period_of(item.date, "week")].append(item)
    where = " / ".join(x for x in (rule.admin1, rule.country) if x)
    alerts = []
    for monday, members in sorted(weeks.items()):
        if len(members) <= rule.above:
            continue
        if not (_in_window(monday + dt.timedelta(days=6), since, None) and _in_window(monday, None, until)):
            continue
        alerts.append(Alert(
            alert_id=Alert.make_id(rule.name, where, monday.isoformat()), kind="rule", rule=rule.name,
            title=f"{rule.name}: {len(members)} events in {where} in the week of {monday.isoformat()} "
                  f"(more than {rule.above})",
            period=monday.isoformat(), country=rule.country or members[0].country,
            expected=float(rule.above), observed=float(len(members)), surprise=None,
            cluster_ids=sorted(m.cluster_id for m in members),
            details={"admin1": rule.admin1, "country": rule.country, "types": list(rule.types)},
        ))
    return alerts

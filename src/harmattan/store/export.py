"""Write clusters or mentions as JSONL, CSV, Parquet, GeoJSON, ACLED-style CSV or PLOVER JSON.

Exports hold only what the data says — no row numbers, no recording times — and come out in a
fixed order, so the same store content always gives the same bytes (a store rebuilt after an
interrupted run exports exactly as the uninterrupted one).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from pathlib import Path
from typing import IO, Any

FORMATS = ("jsonl", "csv", "parquet", "geojson", "acled-csv", "plover-json")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

#: PLOVER event → ACLED (disorder type, event type, sub-event type) where the match is clear;
#: the coder's own ``acled`` block wins when it has one.
_PLOVER_TO_ACLED = {
    "FIGHT": ("Political violence", "Battles", "Armed clash"),
    "ASSAULT": ("Political violence", "Violence against civilians", "Attack"),
    "PROTEST": ("Demonstrations", "Protests", "Peaceful protest"),
}


#: Columns of the flat formats that hold lists (";"-joined in CSV and GeoJSON, list columns in
#: Parquet) and dates (strings in CSV and GeoJSON, date columns in Parquet).
LIST_COLUMNS = ("sources", "article_ids", "context", "source_actors", "target_actors")
DATE_COLUMNS = ("date", "first_report", "last_report")


def flat_row(record: dict[str, Any], clustered: bool) -> dict[str, Any]:
    """One flat row (CSV, GeoJSON properties) for a cluster or a mention."""
    return _joined(typed_row(record, clustered))


def typed_row(record: dict[str, Any], clustered: bool) -> dict[str, Any]:
    """The flat row with lists as lists (``LIST_COLUMNS``); dates stay ISO strings."""
    event = record["event"] if clustered else record
    plover = event.get("plover") or {}
    acled = event.get("acled") or {}
    location = event.get("location") or {}
    row: dict[str, Any] = {}
    if clustered:
        summary = record["claims"]["fatalities_summary"] or {}
        row.update({
            "cluster_id": record["cluster_id"], "event_id": event["event_id"],
            "n_articles": record["n_articles"], "n_sources": record["n_sources"],
            "first_report": record["first_report"], "last_report": record["last_report"],
            "sources": list(record["sources"]),
            "fatalities_low": summary.get("low"), "fatalities_best": summary.get("best"),
            "fatalities_high": summary.get("high"), "disputed": record["claims"]["disputed"],
            "article_ids": sorted({m["article_id"] for m in record["mentions"]}),
        })
    else:
        article = record["article"]
        row.update({
            "event_id": event["event_id"], "cluster_id": record["cluster_id"],
            "story_id": record["story_id"], "article_id": article["id"],
            "article_source": article["source"], "article_url": article["url"],
        })
    row.update({
        "date": event.get("date"), "event_type": plover.get("event"), "mode": plover.get("mode"),
        "context": list(plover.get("context") or []),
        "quad_class": event["cameo"]["quad_class"], "cameo_code": event["cameo"]["code"],
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "source_actors": _actors(event["source"]), "target_actors": _actors(event["target"]),
        "country": record.get("country"),
        "location": location.get("name"), "admin1": location.get("admin1") or None,
        "admin2": location.get("admin2") or None,
        "latitude": _num(location.get("latitude", location.get("lat"))),
        "longitude": _num(location.get("longitude", location.get("lon"))),
        # ACLED's geo_precision: 1 the town, 2 near a town or a district, 3 a region or only
        # the country (a country's centroid is not a place).
        "geo_precision": location.get("precision"),
        "negated": event["modality"]["negated"], "hypothetical": event["modality"]["hypothetical"],
        "confidence": event["confidence"], "evidence": event["evidence"]["sentence"],
        "coder_version": event.get("coder_version"),
    })
    return row


def _joined(row: dict[str, Any]) -> dict[str, Any]:
    return {k: ";".join(v) if k in LIST_COLUMNS else v for k, v in row.items()}


def _parquet_table(rows: list[dict[str, Any]]) -> Any:
    """Typed columns: dates as dates, lists as lists of strings, numbers as numbers."""
    import pyarrow as pa

    if not rows:
        return pa.table({})
    types = {
        "n_articles": pa.int32(), "n_sources": pa.int32(), "fatalities_low": pa.int64(),
        "fatalities_best": pa.int64(), "fatalities_high": pa.int64(), "disputed": pa.bool_(),
        "quad_class": pa.int8(), "latitude": pa.float64(), "longitude": pa.float64(),
        "geo_precision": pa.int8(), "negated": pa.bool_(), "hypothetical": pa.bool_(),
        "confidence": pa.float64(),
        **{name: pa.list_(pa.string()) for name in LIST_COLUMNS},
        **{name: pa.date32() for name in DATE_COLUMNS},
    }
    schema = pa.schema([(name, types.get(name, pa.string())) for name in rows[0]])
    converted = [{k: (dt.date.fromisoformat(v) if k in DATE_COLUMNS and v else v)
                  for k, v in row.items()} for row in rows]
    return pa.Table.from_pylist(converted, schema=schema)


def _actors(actors: list[dict[str, Any]]) -> list[str]:
    return [
        f"{a.get('code') or '?'}" + (f"/{a['sector']}" if a.get("sector") else "")
        + (f"/{a['actor_id']}" if a.get("actor_id") else "")
        for a in actors
    ]


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def is_acled_event(record: dict[str, Any], clustered: bool) -> bool:
    """Whether ACLED would record the event: the coder gave it an ACLED block (null means
    ACLED would not record it) with an event type, or one PLOVER gives clearly."""
    event = record["event"] if clustered else record
    acled = event.get("acled")
    if not acled:
        return False
    plover = (event.get("plover") or {}).get("event") or ""
    return bool(acled.get("event_type") or plover in _PLOVER_TO_ACLED)


def acled_row(record: dict[str, Any], clustered: bool) -> dict[str, Any]:
    """A cluster (or mention) in ACLED's columns and vocabulary; what the event does not say
    stays empty.  Only for ACLED events (``is_acled_event``)."""
    from harmattan.store import acled_names

    event = record["event"] if clustered else record
    acled = event.get("acled") or {}
    location = event.get("location") or {}
    plover = (event.get("plover") or {}).get("event")
    _, etype, sub = _PLOVER_TO_ACLED.get(plover or "", ("", "", ""))
    if acled.get("event_type"):
        etype, sub = acled["event_type"], acled.get("sub_event_type") or ""
    date = event.get("date") or ""
    day = dt.date.fromisoformat(date) if date else None
    iso3 = record.get("country") or ""
    src = acled_names.actor_names(event["source"], day, etype, country_name)
    tgt = acled_names.actor_names(event["target"], day, etype, country_name)
    if clustered:
        summary = record["claims"]["fatalities_summary"] or {}
        fatalities = summary.get("best", "")
        sources = "; ".join(record["sources"])
        outlets = [(m.get("source"), m.get("url")) for m in record["mentions"]]
        key = record["cluster_id"]
        last = record["last_report"]
    else:
        from harmattan.dedup.clusters import fatalities_of

        fatalities = fatalities_of(event)
        sources = record["article"]["source"] or ""
        outlets = [(record["article"]["source"], record["article"]["url"])]
        key = event["event_id"]
        last = record["article"]["date"]
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{key[:12]}",
        "event_date": date, "year": date[:4], "time_precision": 1 if date else "",
        "disorder_type": acled_names.disorder_type(etype, sub),
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": src[0] if src else "",
        "assoc_actor_1": "; ".join(src[1:]),
        "inter1": acled.get("inter1", ""),
        "actor2": tgt[0] if tgt else "",
        "assoc_actor_2": "; ".join(tgt[1:]),
        "inter2": acled.get("inter2", ""), "interaction": acled.get("interaction", ""),
        "civilian_targeting": acled.get("civilian_targeting", ""),
        "iso": acled_names.iso_numeric(iso3), "region": acled_names.region(iso3),
        "country": country_name(iso3),
        "admin1": location.get("admin1") or "", "admin2": location.get("admin2") or "",
        "admin3": location.get("admin3") or "", "location": location.get("name") or "",
        "latitude": _blank(_num(location.get("latitude", location.get("lat")))),
        "longitude": _blank(_num(location.get("longitude", location.get("lon")))),
        "geo_precision": location.get("precision", location.get("geo_precision", "")),
        "source": sources, "source_scale": acled_names.source_scale(outlets),
        "notes": event["evidence"]["sentence"].replace("\n", " "),
        "fatalities": _blank(fatalities),
        "tags": acled_names.tags(etype),
        # ACLED's timestamp is when the row last changed; ours is the day of the last report,
        # so that the export depends on the data alone (see the module docs).
        "timestamp": _epoch(last),
    }


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _epoch(day: str | None) -> Any:
    if not day:
        return ""
    return int(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), dt.UTC).timestamp())


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from importlib import resources

    names = {}
    text = resources.files("harmattan").joinpath("resources/actors/countries.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            names[parts[0]] = parts[1].split("|")[0]
    return names


def country_name(iso3: str | None) -> str:
    return _country_names().get(iso3 or "", "") if iso3 else ""


def is_plover_event(record: dict[str, Any], clustered: bool) -> bool:
    """PLOVER requires an event type: statements and ACLED-only events have none."""
    event = record["event"] if clustered else record
    return bool((event.get("plover") or {}).get("event"))


def plover_record(record: dict[str, Any], clustered: bool) -> dict[str, Any]:
    """A cluster (or mention) in the PLOVER specification's JSON (PLOVER manual, "Data
    Fields"): its field names, its entity, location, text and citation objects.  Fields the
    specification does not name (``harmattan_*``, ``mentions``) are Harmattan's own."""
    event = record["event"] if clustered else record
    plover = event.get("plover") or {}
    evidence = event["evidence"]
    if clustered:
        mentions = record["mentions"]
        fatalities = (record["claims"]["fatalities_summary"] or {}).get("best")
        link = mentions[0]["story_id"]
    else:
        article = record["article"]
        mentions = [{"article_id": article["id"], "date": article["date"],
                     "source": article["source"], "url": article["url"],
                     "event_id": event["event_id"], "evidence": evidence}]
        from harmattan.dedup.clusters import fatalities_of

        fatalities = fatalities_of(event)
        link = record["story_id"]
    first = mentions[0]
    out: dict[str, Any] = {
        "id": record["cluster_id"] if clustered else event["event_id"],
        "has_event": True,
        "date": event.get("date"),
        "actor": [_plover_entity(a) for a in event["source"]],
        "recipient": [_plover_entity(a) for a in event["target"]],
        "event": [plover["event"]],
        "mode": [plover["mode"]] if plover.get("mode") else [],
        "context": list(plover.get("context") or []),
        # PLOVER's quad codes are 1-4; Harmattan's 0 (statements) has none.
        "quad_code": event["cameo"]["quad_class"] or None,
        "event_loc": _plover_location(event.get("location"), record.get("country")),
        "event_text": [m["evidence"]["sentence"] for m in mentions],
        "text_info": {"start": evidence["start"], "end": evidence["end"],
                      "article_id": first["article_id"]},
        "cite_info": {"url": first.get("url"), "publication": first.get("source"),
                      "coder": "harmattan", "version": event.get("coder_version")},
        "link": link,
        "size": {"dead": fatalities} if fatalities not in (None, "") else None,
        "coder": "harmattan",
        "harmattan_cameo_code": event["cameo"]["code"],
        "harmattan_modality": dict(event["modality"]),
        "harmattan_confidence": event["confidence"],
        "mentions": [{"article_id": m["article_id"], "date": m.get("date"),
                      "source": m.get("source"), "url": m.get("url"),
                      "sentence": m["evidence"]["sentence"], "start": m["evidence"]["start"],
                      "end": m["evidence"]["end"], "trigger": m["evidence"].get("trigger")}
                     for m in mentions],
    }
    if clustered:
        out.update({"harmattan_n_sources": record["n_sources"],
                    "harmattan_n_articles": record["n_articles"]})
    return out


def _plover_entity(actor: dict[str, Any]) -> dict[str, Any]:
    """PLOVER's entity object.  ``identifier_id`` is for Wikidata ids, which the dictionary
    does not hold: its own entry id goes under a name of its own."""
    code = actor.get("code") or None
    return {"code": code, "sector": actor.get("sector") or None,
            "entity_text": actor.get("text"),
            "country_name": country_name(code) or None,
            "harmattan_entry": actor.get("actor_id") or None}


def _plover_location(location: dict[str, Any] | None, iso3: str | None) -> dict[str, Any] | None:
    """PLOVER's location object (the Mordecai fields).  ``resolution``: 4 a town, 3 near a town
    or a district, 2 a region, 1 only the country."""
    if not location:
        return None
    precision = location.get("precision")
    admin1 = location.get("admin1") or None
    if precision == 1:
        resolution = 4
    elif precision == 2:
        resolution = 3
    else:
        resolution = 2 if admin1 else 1
    return {
        "extracted_place": location.get("text"), "resolved_place": location.get("name"),
        "geonameid": location.get("geonameid"),
        "lat": _num(location.get("lat", location.get("latitude"))),
        "lon": _num(location.get("lon", location.get("longitude"))),
        "district": location.get("admin2") or None, "province": admin1,
        "country": country_name(iso3) or None, "country_code": iso3 or None,
        "resolution": resolution,
    }


def geojson_feature(record: dict[str, Any], clustered: bool) -> dict[str, Any]:
    row = flat_row(record, clustered)
    lat, lon = row.get("latitude"), row.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": row.get("cluster_id") if clustered else row["event_id"],
            "geometry": geometry, "properties": row}


def write_export(records: list[dict[str, Any]], fmt: str, out: IO[str] | Path, clustered: bool) -> int:
    """Write ``records`` in ``fmt`` to a text stream (or, for Parquet, a path); return the count."""
    if fmt == "parquet":
        import pyarrow.parquet as pq

        if not isinstance(out, Path):
            raise ValueError("Parquet needs a file: give -o FILE.parquet")
        rows = [typed_row(r, clustered) for r in records]
        pq.write_table(_parquet_table(rows), out)
        return len(rows)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as handle:
            return write_export(records, fmt, handle, clustered)
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    elif fmt in {"csv", "acled-csv"}:
        if fmt == "acled-csv":
            records = [r for r in records if is_acled_event(r, clustered)]
            rows = [acled_row(r, clustered) for r in records]
        else:
            rows = [flat_row(r, clustered) for r in records]
        columns = list(ACLED_COLUMNS) if fmt == "acled-csv" else list(rows[0]) if rows else ["event_id"]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        out.write(buffer.getvalue())
    elif fmt == "geojson":
        collection = {"type": "FeatureCollection",
                      "features": [geojson_feature(r, clustered) for r in records]}
        out.write(json.dumps(collection, ensure_ascii=False, sort_keys=True) + "\n")
    elif fmt == "plover-json":
        records = [r for r in records if is_plover_event(r, clustered)]
        out.write(json.dumps([plover_record(r, clustered) for r in records], ensure_ascii=False,
                             indent=1) + "\n")
    else:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    return len(records)

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


def flat_row(record: dict[str, Any], clustered: bool) -> dict[str, Any]:
    """One flat row (CSV, Parquet, GeoJSON properties) for a cluster or a mention."""
    event = record["event"] if clustered else record
    plover = event.get("plover") or {}
    location = event.get("location") or {}
    row: dict[str, Any] = {}
    if clustered:
        summary = record["claims"]["fatalities_summary"] or {}
        row.update({
            "cluster_id": record["cluster_id"], "event_id": event["event_id"],
            "n_articles": record["n_articles"], "n_sources": record["n_sources"],
            "first_report": record["first_report"], "last_report": record["last_report"],
            "sources": ";".join(record["sources"]),
            "fatalities_low": summary.get("low"), "fatalities_best": summary.get("best"),
            "fatalities_high": summary.get("high"), "disputed": record["claims"]["disputed"],
            "article_ids": ";".join(sorted({m["article_id"] for m in record["mentions"]})),
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
        "context": ";".join(plover.get("context") or []),
        "quad_class": event["cameo"]["quad_class"], "cameo_code": event["cameo"]["code"],
        "source_actors": _actors(event["source"]), "target_actors": _actors(event["target"]),
        "country": record.get("country"),
        "location": location.get("name"), "latitude": _num(location.get("latitude", location.get("lat"))),
        "longitude": _num(location.get("longitude", location.get("lon"))),
        "negated": event["modality"]["negated"], "hypothetical": event["modality"]["hypothetical"],
        "confidence": event["confidence"], "evidence": event["evidence"]["sentence"],
        "coder_version": event.get("coder_version"),
    })
    return row


def _actors(actors: list[dict[str, Any]]) -> str:
    return ";".join(
        f"{a.get('code') or '?'}" + (f"/{a['sector']}" if a.get("sector") else "")
        + (f"/{a['actor_id']}" if a.get("actor_id") else "")
        for a in actors
    )


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _names(actors: list[dict[str, Any]]) -> list[str]:
    return [a.get("actor_id") or a.get("text") or a.get("code") or "" for a in actors]


def acled_row(record: dict[str, Any], clustered: bool) -> dict[str, Any]:
    """A cluster (or mention) in ACLED's columns; what the event does not say stays empty."""
    event = record["event"] if clustered else record
    acled = event.get("acled") or {}
    location = event.get("location") or {}
    plover = (event.get("plover") or {}).get("event")
    disorder, etype, sub = _PLOVER_TO_ACLED.get(plover or "", ("", "", ""))
    date = event.get("date") or ""
    iso3 = record.get("country") or ""
    src, tgt = _names(event["source"]), _names(event["target"])
    if clustered:
        summary = record["claims"]["fatalities_summary"] or {}
        fatalities = summary.get("best", "")
        sources = "; ".join(record["sources"])
        key = record["cluster_id"]
        last = record["last_report"]
    else:
        from harmattan.dedup.clusters import fatalities_of

        fatalities = fatalities_of(event)
        sources = record["article"]["source"] or ""
        key = event["event_id"]
        last = record["article"]["date"]
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{key[:12]}",
        "event_date": date, "year": date[:4], "time_precision": 1 if date else "",
        "disorder_type": acled.get("disorder_type", disorder),
        "event_type": acled.get("event_type", etype),
        "sub_event_type": acled.get("sub_event_type", sub),
        "actor1": acled.get("actor1", src[0] if src else ""),
        "assoc_actor_1": acled.get("assoc_actor_1", "; ".join(src[1:])),
        "inter1": acled.get("inter1", ""),
        "actor2": acled.get("actor2", tgt[0] if tgt else ""),
        "assoc_actor_2": acled.get("assoc_actor_2", "; ".join(tgt[1:])),
        "inter2": acled.get("inter2", ""), "interaction": acled.get("interaction", ""),
        "civilian_targeting": acled.get("civilian_targeting", ""),
        "iso": acled.get("iso", ""), "region": acled.get("region", ""),
        "country": acled.get("country", country_name(iso3)),
        "admin1": location.get("admin1", ""), "admin2": location.get("admin2", ""),
        "admin3": location.get("admin3", ""), "location": location.get("name", ""),
        "latitude": _blank(_num(location.get("latitude", location.get("lat")))),
        "longitude": _blank(_num(location.get("longitude", location.get("lon")))),
        "geo_precision": location.get("precision", location.get("geo_precision", "")),
        "source": sources, "source_scale": acled.get("source_scale", ""),
        "notes": event["evidence"]["sentence"].replace("\n", " "),
        "fatalities": _blank(fatalities),
        "tags": acled.get("tags", ""),
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


def polecat_record(record: dict[str, Any], clustered: bool) -> dict[str, Any]:
    """A cluster (or mention) with POLECAT's field names where they exist."""
    event = record["event"] if clustered else record
    plover = event.get("plover") or {}
    location = event.get("location") or {}
    src, tgt = event["source"], event["target"]
    first = (lambda xs, key: (xs[0].get(key) or None) if xs else None)  # noqa: E731
    out = {
        "Event ID": record["cluster_id"] if clustered else event["event_id"],
        "Event Date": event.get("date"),
        "Event Type": plover.get("event"),
        "Event Mode": plover.get("mode") or None,
        "Contexts": ";".join(plover.get("context") or []) or None,
        "Quad Code": event["cameo"]["quad_class"],
        "Actor Name": first(src, "text"), "Actor Country": first(src, "code"),
        "Primary Actor Sector": first(src, "sector"),
        "Actor Sectors": ";".join(a.get("sector") or "" for a in src) or None,
        "Wikipedia Actor ID": first(src, "actor_id"),
        "Recipient Name": first(tgt, "text"), "Recipient Country": first(tgt, "code"),
        "Primary Recipient Sector": first(tgt, "sector"),
        "Recipient Sectors": ";".join(a.get("sector") or "" for a in tgt) or None,
        "Wikipedia Recipient ID": first(tgt, "actor_id"),
        "Placename": location.get("name"), "Country": record.get("country"),
        "Latitude": _num(location.get("latitude", location.get("lat"))),
        "Longitude": _num(location.get("longitude", location.get("lon"))),
        "GeoNames ID": location.get("geonameid", location.get("geonames_id")),
        "Feature Type": location.get("feature_type"),
        "Version": event.get("coder_version"),
    }
    if clustered:
        out.update({
            "Story ID": record["mentions"][0]["story_id"],
            "Publication Date": record["first_report"],
            "Source": "; ".join(record["sources"]),
            "Number of Sources": record["n_sources"], "Number of Articles": record["n_articles"],
            "Fatalities": (record["claims"]["fatalities_summary"] or {}).get("best"),
            "Mentions": [m["event_id"] for m in record["mentions"]],
        })
    else:
        out.update({"Story ID": record["story_id"], "Publication Date": record["article"]["date"],
                    "Source": record["article"]["source"], "Article ID": record["article"]["id"]})
    return out


def geojson_feature(record: dict[str, Any], clustered: bool) -> dict[str, Any]:
    row = flat_row(record, clustered)
    lat, lon = row.get("latitude"), row.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    return {"type": "Feature", "id": row.get("cluster_id") if clustered else row["event_id"],
            "geometry": geometry, "properties": row}


def write_export(records: list[dict[str, Any]], fmt: str, out: IO[str] | Path, clustered: bool) -> int:
    """Write ``records`` in ``fmt`` to a text stream (or, for Parquet, a path); return the count."""
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not isinstance(out, Path):
            raise ValueError("Parquet needs a file: give -o FILE.parquet")
        rows = [flat_row(r, clustered) for r in records]
        pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({}), out)
        return len(rows)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as handle:
            return write_export(records, fmt, handle, clustered)
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    elif fmt in {"csv", "acled-csv"}:
        rows = [(acled_row if fmt == "acled-csv" else flat_row)(r, clustered) for r in records]
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
        out.write(json.dumps([polecat_record(r, clustered) for r in records], ensure_ascii=False,
                             indent=1) + "\n")
    else:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    return len(records)

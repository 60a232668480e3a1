"""The export formats on event clusters whose content is known: ACLED's vocabulary, the PLOVER
specification's JSON, and typed Parquet columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from harmattan.store.export import write_export


def _actor(text: str, code: str, sector: str = "", actor_id: str | None = None,
           entry: str | None = None) -> dict[str, Any]:
    return {"text": text, "code": code, "sector": sector, "actor_id": actor_id, "start": 0,
            "end": len(text), "entry": entry}


def _cluster(cluster_id: str, date: str, plover: str | None, acled: dict | None,
             source: list[dict], target: list[dict], country: str, location: dict | None = None,
             mentions: list[tuple[str, str, str | None]] = (("a1", "Reuters", None),),
             fatalities: int | None = None) -> dict[str, Any]:
    sentence = f"Sentence of {cluster_id}."
    evidence = {"sentence": sentence, "start": 10, "end": 10 + len(sentence), "trigger": None,
                "trigger_start": None, "trigger_end": None}
    event = {"event_id": cluster_id, "article_id": mentions[0][0], "date": date,
             "plover": {"event": plover, "mode": "", "context": ["military"]} if plover else None,
             "cameo": {"quad_class": 4 if plover else 0, "code": "190"}, "acled": acled,
             "location": location, "modality": {"negated": False, "hypothetical": False, "future": False},
             "source": source, "target": target, "evidence": evidence, "confidence": 0.9,
             "coder_version": "0.1.0"}
    return {
        "cluster_id": cluster_id, "country": country, "date": date, "event": event,
        "event_type": plover, "first_report": date, "last_report": date,
        "n_articles": len(mentions), "n_mentions": len(mentions),
        "n_sources": len({m[1] for m in mentions}), "sources": sorted({m[1] for m in mentions}),
        "claims": {"actors": [], "disputed": False, "fatalities": [],
                   "fatalities_summary": ({"low": fatalities, "best": fatalities, "high": fatalities}
                                          if fatalities is not None else None)},
        "mentions": [{"article_id": aid, "date": date, "event_id": f"{cluster_id}-{aid}",
                      "evidence": {**evidence, "sentence": f"{aid} says: {sentence}"},
                      "source": src, "story_id": f"story-{cluster_id}", "url": url}
                     for aid, src, url in mentions],
    }


DJIBO = {"text": "Djibo", "start": 0, "end": 5, "geonameid": 2361373, "name": "Djibo", "lat": 14.1,
         "lon": -1.63, "country": "BF", "admin1": "Sahel", "admin2": "Soum", "admin3": "Djibo",
         "precision": 1, "basis": "sentence"}
NIGER = {"text": "Niger", "start": 0, "end": 5, "geonameid": 2440476, "name": "Niger", "lat": 18.0,
         "lon": 9.0, "country": "NE", "admin1": "", "admin2": "", "precision": 3, "basis": "article"}

RECORDS = [
    _cluster("jnim-djibo", "2023-11-26", "FIGHT",
             {"event_type": "Battles", "sub_event_type": "Armed clash", "inter1": 2, "inter2": 1,
              "interaction": 12, "civilian_targeting": "", "fatalities": 40},
             [_actor("JNIM", "BFA", "REB", "JNIM", "sahel:JNIM"), _actor("militants", "BFA", "REB")],
             [_actor("Burkinabe soldiers", "BFA", "MIL")], "BFA", DJIBO,
             mentions=[("a1", "Reuters", "https://www.reuters.com/x"), ("a2", "Burkina24", None)],
             fatalities=40),
    _cluster("talks", "2023-08-10", "CONSULT", None, [_actor("ECOWAS", "IGO", "", "ECOWAS")],
             [_actor("junta", "NER", "GOV")], "NER", NIGER),
    _cluster("niamey-protest", "2023-08-26", "PROTEST",
             {"event_type": "Protests", "sub_event_type": "Peaceful protest", "inter1": 6, "inter2": 0,
              "interaction": 60, "civilian_targeting": ""},
             [_actor("protesters", "NER", "OPP")], [_actor("France", "FRA", "")], "NER", NIGER,
             mentions=[("a3", "harmattan-samples", None)]),
    _cluster("mob", "2024-02-01", None,
             {"event_type": "Riots", "sub_event_type": "Mob violence", "inter1": 5, "inter2": 7,
              "interaction": 57, "civilian_targeting": "Civilian targeting"},
             [_actor("crowd", "MLI", "CVL")], [_actor("a man", "MLI", "CVL")], "MLI", None),
    _cluster("army-niger", "2023-07-20", "ASSAULT",
             {"event_type": "Violence against civilians", "sub_event_type": "Attack", "inter1": 1,
              "inter2": 7, "interaction": 17, "civilian_targeting": "Civilian targeting"},
             [_actor("Nigerien soldiers", "NER", "MIL")], [_actor("villagers", "NER", "CVL")], "NER", NIGER),
]


def _export(fmt: str, records: list[dict] = RECORDS) -> str:
    out = io.StringIO()
    write_export(records, fmt, out, clustered=True)
    return out.getvalue()


def test_acled_csv_holds_acled_events_in_acled_terms() -> None:
    rows = {r["event_id_cnty"]: r for r in csv.DictReader(io.StringIO(_export("acled-csv")))}
    # The meeting is no ACLED event; everything else is.
    assert sorted(rows) == ["BFAjnim-djibo", "MLImob", "NERarmy-niger", "NERniamey-prote"]
    assert all(r["event_type"] and r["disorder_type"] for r in rows.values())
    clash = rows["BFAjnim-djibo"]
    assert {k: clash[k] for k in ("disorder_type", "event_type", "sub_event_type", "actor1",
                                  "assoc_actor_1", "inter1", "actor2", "inter2", "interaction", "iso",
                                  "region", "country", "admin1", "admin2", "admin3", "location",
                                  "geo_precision", "source", "source_scale", "fatalities", "tags")} == {
        "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
        "actor1": "JNIM: Group for Support of Islam and Muslims",
        "assoc_actor_1": "Unidentified Armed Group (Burkina Faso)", "inter1": "2",
        "actor2": "Military Forces of Burkina Faso (2022-)", "inter2": "1", "interaction": "12",
        "iso": "854", "region": "Western Africa", "country": "Burkina Faso", "admin1": "Sahel",
        "admin2": "Soum", "admin3": "Djibo", "location": "Djibo", "geo_precision": "1",
        "source": "Burkina24; Reuters", "source_scale": "National-International", "fatalities": "40",
        "tags": ""}
    protest = rows["NERniamey-prote"]
    assert (protest["disorder_type"], protest["actor1"], protest["actor2"]) == (
        "Demonstrations", "Protesters (Niger)", "Government of France (2017-)")
    assert (protest["iso"], protest["source_scale"], protest["tags"]) == ("562", "Other", "crowd size=no report")
    assert (protest["admin3"], protest["geo_precision"]) == ("", "3")
    mob = rows["MLImob"]
    assert (mob["disorder_type"], mob["actor1"], mob["actor2"]) == (
        "Political violence; Demonstrations", "Rioters (Mali)", "Rioters (Mali)")
    # Niger's forces are named after the regime of the event's date: before the coup of 2023-07-26.
    assert rows["NERarmy-niger"]["actor1"] == "Military Forces of Niger (2021-2023)"
    assert rows["NERarmy-niger"]["actor2"] == "Civilians (Niger)"


def test_plover_json_follows_the_specification() -> None:
    records = json.loads(_export("plover-json"))
    # PLOVER requires an event type: the mob violence (ACLED only) is not there.
    assert [r["id"] for r in records] == ["jnim-djibo", "talks", "niamey-protest", "army-niger"]
    clash = records[0]
    for required in ("id", "date", "actor", "event"):
        assert clash[required]
    assert clash["date"] == "2023-11-26" and clash["event"] == ["FIGHT"]
    assert clash["context"] == ["military"] and clash["mode"] == [] and clash["quad_code"] == 4
    assert clash["actor"] == [
        {"code": "BFA", "sector": "REB", "entity_text": "JNIM", "country_name": "Burkina Faso",
         "harmattan_entry": "JNIM"},
        {"code": "BFA", "sector": "REB", "entity_text": "militants", "country_name": "Burkina Faso",
         "harmattan_entry": None}]
    assert clash["recipient"][0]["entity_text"] == "Burkinabe soldiers"
    assert clash["event_loc"] == {
        "extracted_place": "Djibo", "resolved_place": "Djibo", "geonameid": 2361373, "lat": 14.1,
        "lon": -1.63, "district": "Soum", "province": "Sahel", "country": "Burkina Faso",
        "country_code": "BFA", "resolution": 4}
    assert clash["event_text"] == ["a1 says: Sentence of jnim-djibo.", "a2 says: Sentence of jnim-djibo."]
    assert [(m["article_id"], m["source"], m["start"], m["end"]) for m in clash["mentions"]] == [
        ("a1", "Reuters", 10, 33), ("a2", "Burkina24", 10, 33)]
    assert clash["cite_info"]["url"] == "https://www.reuters.com/x"
    assert clash["size"] == {"dead": 40}
    assert records[1]["event_loc"]["resolution"] == 1  # only the country
    text = json.dumps(records)
    assert "Wikipedia" not in text and "identifier_id" not in text


def test_flat_formats_carry_the_acled_type_admin1_and_geo_precision() -> None:
    rows = {r["cluster_id"]: r for r in csv.DictReader(io.StringIO(_export("csv")))}
    clash = rows["jnim-djibo"]
    assert (clash["acled_event_type"], clash["acled_sub_event_type"], clash["admin1"], clash["admin2"],
            clash["geo_precision"]) == ("Battles", "Armed clash", "Sahel", "Soum", "1")
    assert rows["talks"]["geo_precision"] == "3" and rows["talks"]["acled_event_type"] == ""
    features = {f["id"]: f["properties"] for f in json.loads(_export("geojson"))["features"]}
    assert (features["jnim-djibo"]["acled_event_type"], features["jnim-djibo"]["admin1"],
            features["jnim-djibo"]["geo_precision"]) == ("Battles", "Sahel", 1)


def test_parquet_columns_are_typed(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_export(RECORDS, "parquet", path, clustered=True) == 5
    table = pq.read_table(path)
    schema = table.schema
    assert schema.field("date").type == pa.date32()
    assert schema.field("first_report").type == pa.date32()
    assert schema.field("sources").type == pa.list_(pa.string())
    assert schema.field("source_actors").type == pa.list_(pa.string())
    assert schema.field("geo_precision").type == pa.int8()
    assert schema.field("fatalities_best").type == pa.int64()
    first = table.slice(0, 1).to_pylist()[0]
    assert first["date"] == dt.date(2023, 11, 26)
    assert first["sources"] == ["Burkina24", "Reuters"]
    assert first["source_actors"] == ["BFA/REB/JNIM", "BFA/REB"]
    assert first["article_ids"] == ["a1", "a2"]
    assert (first["acled_event_type"], first["admin1"], first["geo_precision"]) == ("Battles", "Sahel", 1)

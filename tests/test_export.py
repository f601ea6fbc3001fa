"""Export formats conform to spec/records.md: JSON lines, ACLED-named CSV, GeoJSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from strikewatch.export import (
    CSV_COLUMNS,
    geojson_collection,
    write_csv,
    write_export,
    write_geojson,
    write_jsonl,
)
from strikewatch.records import (
    Actor,
    Incident,
    Place,
    Reconciliation,
    Source,
    Span,
    Tally,
)

SEA = Incident(
    id="sea1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
    status="occurred", date_low="2025-09-02", date_high="2025-09-02", time_precision=1,
    place=Place(name="Caribbean Sea", country=None, latitude=15.0, longitude=-73.0,
                kind="sea", geo_precision=6),
    actor1=Actor(name="US military", type="state_forces", country="US"),
    actor2=Actor(name="Unidentified boat crew", type="unknown"),
    target_kind="vessel", domain="sea", killed_low=9, killed_high=11, survivors_low=None,
    grade="fair", flags=["killed_disagree"],
    sources=[
        Source(article_id="a1", url="https://wire.example/1", publisher="Coastal Wire",
               published="2025-09-03", origin_id="a1"),
        Source(article_id="a2", url="https://courier.example/2", publisher="Island Courier",
               published="2025-09-03", origin_id="a2"),
    ],
    provenance={"killed": [
        Span(article_id="a1", start=0, end=60, text='killing 11 people, "officials" said,\nlater'),
        Span(article_id="a2", start=5, end=40, text="At least nine people were killed"),
    ]},
)
LAND = Incident(
    id="land1", event_type="Battles", sub_event_type="Armed clash", date_low="2025-10-17",
    date_high="2025-10-17", time_precision=1,
    place=Place(name="Culiacán", admin1="Sinaloa", country="MX", latitude=24.8,
                longitude=-107.39, kind="populated place", geo_precision=1),
    actor1=Actor(name="Military Forces of Mexico", country="MX"), killed_low=5, killed_high=5,
    injured_low=2, injured_high=2, grade="weak",
    sources=[Source(article_id="a3", publisher="Diario, Norteño", origin_id="a3")],
)
NOWHERE = Incident(id="vague1", status="planned", date_low="2025-11-01",
                   date_high="2025-11-30", time_precision=3, grade="weak")
TALLY = Tally(
    id="t1", period_low="2025-09-01", period_high="2025-11-05", strikes_low=15,
    killed_low=61, sources=[Source(article_id="a4", publisher="Gulf Monitor")],
    reconciliation=Reconciliation(state="inconsistent", ledger_incidents=2,
                                  ledger_killed_low=14, difference=47),
)
INCIDENTS = [SEA, LAND, NOWHERE]


def test_jsonl_has_every_spec_field_and_round_trips() -> None:
    buf = io.StringIO()
    assert write_jsonl(INCIDENTS, [TALLY], buf) == 4
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [r["kind"] for r in lines] == ["incident", "incident", "incident", "tally"]
    first = lines[0]
    for key in ("id", "kind", "event_type", "sub_event_type", "status", "background",
                "date_low", "date_high", "time_precision", "place", "actor1", "actor2",
                "target_kind", "killed_low", "killed_high", "survivors_low", "grade", "flags",
                "sources", "provenance"):
        assert key in first, key
    assert set(first["place"]) >= {"name", "country", "latitude", "longitude", "kind",
                                   "geo_precision"}
    assert set(first["sources"][0]) >= {"article_id", "url", "publisher", "published",
                                        "origin_id"}
    assert set(first["provenance"]["killed"][0]) >= {"article_id", "start", "end", "text"}
    assert first["place"]["country"] is None and first["survivors_low"] is None
    tally = lines[3]
    for key in ("period_low", "period_high", "strikes_low", "strikes_high", "killed_low",
                "killed_high", "reconciliation"):
        assert key in tally, key
    assert tally["reconciliation"]["state"] == "inconsistent"
    assert tally["reconciliation"]["ledger_killed_low"] == 14
    assert Incident.model_validate(lines[0]) == SEA
    assert Tally.model_validate(lines[3]) == TALLY


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_uses_acled_column_names_and_values() -> None:
    buf = io.StringIO()
    assert write_csv(INCIDENTS, buf) == 3
    header = buf.getvalue().splitlines()[0].split(",")
    for acled in ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                  "admin1", "location", "latitude", "longitude", "geo_precision",
                  "time_precision", "fatalities", "source", "notes"):
        assert acled in header, acled
    assert header == list(CSV_COLUMNS)
    rows = {r["event_id_cnty"]: r for r in read_csv(buf.getvalue())}
    sea, land, vague = rows["sea1"], rows["land1"], rows["vague1"]
    assert sea["event_date"] == "2025-09-02" and sea["year"] == "2025"
    assert sea["country"] == "" and sea["location"] == "Caribbean Sea"
    assert sea["geo_precision"] == "6" and sea["time_precision"] == "1"
    assert (sea["latitude"], sea["longitude"]) == ("15.0", "-73.0")
    assert sea["fatalities"] == "9"  # the conservative low end
    assert (sea["killed_low"], sea["killed_high"]) == ("9", "11")
    assert sea["source"] == "Coastal Wire; Island Courier"
    assert 'killing 11 people, "officials" said, later' in sea["notes"]
    assert "At least nine people were killed" in sea["notes"]
    assert sea["source_count"] == "2" and sea["origin_count"] == "2"
    assert sea["flags"] == "killed_disagree"
    assert land["country"] == "Mexico" and land["iso"] == "484"
    assert land["country_code"] == "MX" and land["admin1"] == "Sinaloa"
    assert land["location"] == "Culiacán" and land["source"] == "Diario, Norteño"
    assert land["injured_low"] == "2"
    assert vague["fatalities"] == "" and vague["location"] == ""  # unknown is not zero
    assert vague["status"] == "planned" and vague["date_high"] == "2025-11-30"


def test_geojson_one_feature_per_incident_with_a_known_place() -> None:
    coll = geojson_collection(INCIDENTS)
    assert coll["type"] == "FeatureCollection"
    assert [f["id"] for f in coll["features"]] == ["sea1", "land1"]
    for feat in coll["features"]:
        assert feat["type"] == "Feature" and feat["geometry"]["type"] == "Point"
        lon, lat = feat["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feat["properties"]["id"] == feat["id"]
    land = coll["features"][1]
    assert land["geometry"]["coordinates"] == [-107.39, 24.8]  # lon, lat order
    assert land["properties"]["killed_low"] == 5
    buf = io.StringIO()
    assert write_geojson(INCIDENTS, buf) == 2
    assert json.loads(buf.getvalue()) == coll


def test_write_export_dispatches_and_rejects_unknown() -> None:
    for fmt, check in (("jsonl", "tally"), ("csv", "event_id_cnty"),
                       ("geojson", "FeatureCollection")):
        buf = io.StringIO()
        write_export(fmt, INCIDENTS, [TALLY], buf)
        assert check in buf.getvalue()
    with pytest.raises(ValueError, match="unknown export format"):
        write_export("xml", INCIDENTS, [], io.StringIO())


def test_empty_ledger_exports() -> None:
    buf = io.StringIO()
    assert write_csv([], buf) == 0 and buf.getvalue().strip() == ",".join(CSV_COLUMNS)
    assert geojson_collection([]) == {"type": "FeatureCollection", "features": []}

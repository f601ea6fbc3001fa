"""The export writers. CSV uses ACLED's column names where one exists, then ours.

Evidence is exported as whole sentences: a record read through
`strikewatch.ledger.evidence.with_evidence` carries, on every provenance span, the sentence
it stands in (JSON: `sentence`, `sentence_start`, `sentence_end` beside the span's own
`start`, `end`, `text`); CSV lists those sentences in `notes` and, with the fields each one
states, in `evidence`. A record read without its articles exports its bare spans.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

import pycountry

from strikewatch.ledger.evidence import sentences_of
from strikewatch.records import COUNT_FIELDS, Incident, Tally

FORMATS = ("jsonl", "csv", "geojson")

#: ACLED columns first (same names and meaning), then strikewatch's own columns.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor2", "iso", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "notes", "fatalities",
)
OWN_COLUMNS = (
    "id", "status", "background", "grade", "grade_reason", "date_low", "date_high",
    "country_code", "place_kind", "target_kind", "domain", "action",
    *(f"{name}_{end}" for name in COUNT_FIELDS if name != "strikes" for end in ("low", "high")),
    "approx", "hedges", "flags", "source_count", "origin_count", "source_urls", "reviewed",
    "evidence",
)
CSV_COLUMNS = (*ACLED_COLUMNS, *OWN_COLUMNS)
#: `notes` keeps whole sentences up to about this length (always at least one sentence);
#: `evidence` has every sentence, up to what one spreadsheet cell holds (Excel: 32,767).
NOTES_MAX = 1000
CELL_MAX = 32_000


def incident_record(incident: Incident) -> dict[str, Any]:
    """One incident in the exchange form (`kind: incident`, every spec field); evidence
    spans keep their sentences (serialize_as_any: an `Evidence` in a `Span` field)."""
    return dict(incident.model_dump(mode="json", serialize_as_any=True))


def tally_record(tally: Tally) -> dict[str, Any]:
    """One tally in the exchange form (`kind: tally`, with its reconciliation)."""
    return dict(tally.model_dump(mode="json", serialize_as_any=True))


def write_jsonl(incidents: Iterable[Incident], tallies: Iterable[Tally], out: TextIO) -> int:
    """Incidents then tallies, one JSON object per line; returns the number of lines."""
    n = 0
    for rec in (*(incident_record(i) for i in incidents), *(tally_record(t) for t in tallies)):
        out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n


def _country(alpha2: str | None) -> tuple[str, str]:
    """ACLED's `country` (a name) and `iso` (the numeric code) for an alpha-2 code."""
    if not alpha2:
        return "", ""
    found = pycountry.countries.get(alpha_2=alpha2.upper())
    if found is None:
        return alpha2, ""
    return str(getattr(found, "common_name", None) or found.name), str(int(found.numeric))


def _fit(parts: list[str], limit: int) -> str:
    """Whole parts joined by " | " up to `limit` characters (at least the first); what is
    left out is counted, never cut mid-sentence."""
    kept: list[str] = []
    size = 0
    for part in parts:
        if kept and size + 3 + len(part) > limit:
            break
        kept.append(part)
        size += len(part) + (3 if size else 0)
    more = len(parts) - len(kept)
    return " | ".join(kept) + (f" | (+{more} more sentences)" if more else "")


def _notes(incident: Incident) -> str:
    """The sentences behind the record, each once, as ACLED's free-text notes."""
    return _fit(sentences_of(s for spans in incident.provenance.values() for s in spans),
                NOTES_MAX)


def _evidence(incident: Incident) -> str:
    """Each sentence behind the record once, after the fields it states:
    "killed, date: US forces struck a vessel … on Tuesday, killing 11 people …"."""
    fields: dict[str, list[str]] = {}
    for key, spans in incident.provenance.items():
        for sentence in sentences_of(spans):
            keys = fields.setdefault(sentence, [])
            if key not in keys:
                keys.append(key)
    return _fit([f"{', '.join(keys)}: {sentence}" for sentence, keys in fields.items()],
                CELL_MAX)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def csv_row(incident: Incident) -> dict[str, Any]:
    """One CSV row: ACLED columns, then strikewatch's (ranges, grade, flags, sources)."""
    place = incident.place
    country_name, iso = _country(place.country if place else None)
    publishers = [s.publisher or s.url or s.article_id for s in incident.sources]
    row: dict[str, Any] = {
        "event_id_cnty": incident.id,
        "event_date": incident.date_low,
        "year": incident.date_low[:4] if incident.date_low else None,
        "time_precision": incident.time_precision,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "actor1": incident.actor1.name if incident.actor1 else None,
        "actor2": incident.actor2.name if incident.actor2 else None,
        "iso": iso,
        "country": country_name,
        "admin1": place.admin1 if place and place.kind != "country" else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "source": "; ".join(dict.fromkeys(publishers)),
        "notes": _notes(incident),
        # ACLED records one conservative number: the low end of the reported range.
        "fatalities": incident.killed_low,
        "id": incident.id,
        "status": incident.status,
        "background": incident.background,
        "grade": incident.grade,
        "grade_reason": incident.grade_reason,
        "date_low": incident.date_low,
        "date_high": incident.date_high,
        "country_code": place.country if place else None,
        "place_kind": place.kind if place else None,
        "target_kind": incident.target_kind,
        "domain": incident.domain,
        "action": incident.action,
        "approx": incident.approx,
        "hedges": incident.hedges,
        "flags": incident.flags,
        "source_count": len(incident.sources),
        "origin_count": len({s.origin_id or s.article_id for s in incident.sources}),
        "source_urls": [s.url for s in incident.sources if s.url],
        "reviewed": incident.reviewed,
        "evidence": _evidence(incident),
    }
    for name in COUNT_FIELDS:
        if name != "strikes":
            for end in ("low", "high"):
                row[f"{name}_{end}"] = getattr(incident, f"{name}_{end}")
    return {col: _cell(row.get(col)) for col in CSV_COLUMNS}


def write_csv(incidents: Iterable[Incident], out: TextIO) -> int:
    """A header and one row per incident; returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for incident in incidents:
        writer.writerow(csv_row(incident))
        n += 1
    return n


def geojson_feature(incident: Incident) -> dict[str, Any] | None:
    """A Point Feature for an incident with known coordinates, else None."""
    place = incident.place
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": {"type": "Point", "coordinates": [place.longitude, place.latitude]},
        "properties": incident_record(incident),
    }


def geojson_collection(incidents: Iterable[Incident]) -> dict[str, Any]:
    """A FeatureCollection: one Feature per incident with a known place."""
    features = [f for f in (geojson_feature(i) for i in incidents) if f is not None]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(incidents: Iterable[Incident], out: TextIO) -> int:
    """The FeatureCollection as JSON; returns the number of features."""
    collection = geojson_collection(incidents)
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")
    return len(collection["features"])


def write_export(
    fmt: str, incidents: Iterable[Incident], tallies: Iterable[Tally], out: TextIO
) -> int:
    """Write the ledger in one of FORMATS; tallies go only into jsonl."""
    if fmt == "jsonl":
        return write_jsonl(incidents, tallies, out)
    if fmt == "csv":
        return write_csv(incidents, out)
    if fmt == "geojson":
        return write_geojson(incidents, out)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")

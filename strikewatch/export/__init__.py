"""export: the ledger as JSON lines, ACLED-style CSV, or GeoJSON (spec/records.md).

Plain functions over records and text streams, so the command line and the API share
them: `incident_record`/`tally_record` give the exchange form of one record,
`write_jsonl`, `write_csv` and `write_geojson` write a whole ledger.
"""

from __future__ import annotations

from strikewatch.export.writers import (
    CSV_COLUMNS,
    FORMATS,
    csv_row,
    geojson_collection,
    geojson_feature,
    incident_record,
    tally_record,
    write_csv,
    write_export,
    write_geojson,
    write_jsonl,
)

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "csv_row",
    "geojson_collection",
    "geojson_feature",
    "incident_record",
    "tally_record",
    "write_csv",
    "write_export",
    "write_geojson",
    "write_jsonl",
]

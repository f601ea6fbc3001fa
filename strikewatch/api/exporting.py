"""Bridge from the API to the platform's exporters in strikewatch.export.

TODO(after merging main): call the platform's export functions here; until they are
merged the export route answers 501 with this message, and tests/test_api.py's export test
is skipped.
"""

from __future__ import annotations

from strikewatch.store import IncidentQuery, Store


class ExportUnavailable(RuntimeError):
    """The exporters are not part of this build."""


def export_text(store: Store, query: IncidentQuery, fmt: str) -> str:
    """The filtered ledger as one document in `fmt` (jsonl, csv or geojson)."""
    raise ExportUnavailable(
        f"export format {fmt!r} needs strikewatch.export, which this build does not have yet"
    )

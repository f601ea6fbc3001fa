"""Bridge from the API to the platform's exporters (strikewatch.export.write_export).

The API and the command line share one writer per format, so an export downloaded from
the web is byte-for-byte what `strikewatch export` writes for the same filters.
"""

from __future__ import annotations

import dataclasses
import importlib
import io

from strikewatch.errors import StrikewatchError
from strikewatch.ledger.evidence import with_evidence
from strikewatch.store import IncidentQuery, Store


class ExportUnavailable(StrikewatchError):
    """The exporters are not part of this build."""


def export_text(store: Store, query: IncidentQuery, fmt: str) -> str:
    """Every incident the filters match (all pages), plus the tallies for jsonl."""
    write_export = getattr(importlib.import_module("strikewatch.export"), "write_export", None)
    if write_export is None:
        raise ExportUnavailable(
            f"export format {fmt!r} needs strikewatch.export, which this build lacks")
    total = store.count_incidents(query)
    everything = dataclasses.replace(query, limit=max(total, 1), offset=0)
    out = io.StringIO()
    write_export(fmt, with_evidence(store, store.incidents(everything)),
                 with_evidence(store, store.tallies()), out)
    return out.getvalue()

"""ingest: files, folders, URLs and feeds -> stored `Article`s, each stored once.

`Ingestor` reads each input (see `sources`), turns raw items into articles (HTML main
text by trafilatura, any encoding decoded, `published` normalised to ISO 8601), drops
exact duplicates (same URL or same text), links near-identical wire copies to one origin
(`neardup`), and stores each article in its own transaction. A broken input is recorded
in the report with its name and reason, and the batch goes on. The run itself is in
`ingestor`.

Why lazy (PEP 562): importing any submodule (`strikewatch.ingest.html` for a page's text,
`.dates`, `.language`) runs this file first. Importing the run eagerly here loaded httpx,
datasketch, the store and trafilatura with it: about 2 CPU-s on each Spark worker that
only wanted one helper. The names below are imported from `ingestor` on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from strikewatch.ingest.ingestor import (
        ARTICLE_FIELDS,
        DB_RETRY_DELAYS,
        DERIVED_FIELDS,
        IngestOptions,
        Ingestor,
        IngestReport,
        OriginLinker,
        ingest,
        kind_of_response,
    )

__all__ = ["ARTICLE_FIELDS", "DB_RETRY_DELAYS", "DERIVED_FIELDS", "IngestOptions",
           "IngestReport", "Ingestor", "OriginLinker", "ingest", "kind_of_response"]

#: the names this package gives, all from `ingestor` (the run)
_LAZY = frozenset(__all__)


def __getattr__(name: str) -> Any:
    """`name` from `ingestor`, imported on first use (a submodule is imported by the
    import system itself: this says AttributeError for it)."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("strikewatch.ingest.ingestor"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})

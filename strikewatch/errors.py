"""The project's own errors: one tree, so a caller catches what it can act on by kind.

    StrikewatchError
    ├── InputError       — something a person gave is unusable: a filter value, a review,
    │                      a file, a gold set (the message says which and why)
    ├── StoreError       — the database refused or failed (a constraint, a bad URL);
    │   │                  what was stored before is kept
    │   ├── StoreUnavailable — locked, full, unreachable: worth retrying later
    │   └── StaleStore   — another process changed the ledger first: read again, retry
    ├── FetchError       — a URL could not be fetched (strikewatch.ingest.fetch)
    └── ExtractionError  — an extractor failed on one article

Input errors are also ValueErrors, so code written before this tree (``except
ValueError``) still catches them. Store errors carry no SQLAlchemy type: the store
translates its driver's errors at its boundary, so nothing above it imports SQLAlchemy.
"""

from __future__ import annotations


class StrikewatchError(Exception):
    """The base of every error strikewatch raises on purpose."""


class InputError(StrikewatchError, ValueError):
    """A value a person gave cannot be used; the message names it and says what to do."""


class StoreError(StrikewatchError):
    """The database failed or refused a read or a write; stored work is kept.

    `orig` is the driver's own error (for logs), or None."""

    def __init__(self, message: str, orig: BaseException | None = None) -> None:
        super().__init__(message)
        self.orig = orig


class StoreUnavailable(StoreError):
    """The database is locked, full or unreachable just now; the same call may work later."""


class StaleStore(StoreError):
    """Another process changed what this one read before writing: read again and retry."""


class FetchError(StrikewatchError):
    """A URL could not be fetched."""


class ExtractionError(StrikewatchError):
    """An extractor failed on one article (the batch goes on without it)."""

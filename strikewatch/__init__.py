"""strikewatch: a verifiable ledger of reported military strikes and security operations."""

__version__ = "0.1.0"

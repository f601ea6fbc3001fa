"""Normalising a `published` value to ISO 8601 (date, or date-time when a time is given)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from strikewatch.validation import canonical_datetime


def iso_published(value: object) -> str | None:
    """ISO 8601 for a date given as ISO text, loose text ("4 Nov 2025"), or a time tuple.

    Returns None for an empty value; raises ValueError when the value is not a date, or
    a date outside the years the store accepts (strikewatch.validation).
    """
    iso = _iso_published(value)
    if iso is not None:
        canonical_datetime("published", iso)  # InvalidText is a ValueError
    return iso


def _iso_published(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return datetime(*value[:6], tzinfo=UTC).isoformat()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    import dateparser  # slow to import; only loose dates need it

    parsed = dateparser.parse(
        text, languages=None, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year"]}
    )
    if parsed is None:
        raise ValueError(f"published {text!r} is not a date")
    has_time = parsed.hour or parsed.minute or parsed.second or parsed.tzinfo is not None
    return parsed.isoformat() if has_time else parsed.date().isoformat()

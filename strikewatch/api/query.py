"""Reading ledger filters from a request, the same way for the API and the web pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from strikewatch.records import GRADES, STATUSES
from strikewatch.store import MAX_SEARCH_WORDS, IncidentQuery

#: Columns the ledger may be sorted by ("-" prefix for descending).
SORTABLE: tuple[str, ...] = (
    "date_low", "date_high", "killed_low", "killed_high", "grade", "status", "event_type",
    "country", "place_name", "id",
)
#: Further filters the store reads from IncidentQuery.extra.
EXTRA_FILTERS: tuple[str, ...] = ("sub_event_type", "target_kind", "domain", "min_killed")
FILTERS: tuple[str, ...] = (
    "date_from", "date_to", "country", "status", "grade", "event_type", "actor", "q",
)
MAX_LIMIT = 1000
#: Words of the free-text filter `q`: each is one LIKE term, and SQLite refuses a query
#: past 1,000 terms ("Expression tree is too large"); 32 distinct words is plenty to search.
MAX_WORDS = MAX_SEARCH_WORDS


class QueryError(ValueError):
    """A filter value that cannot be used; the message names the parameter."""


def _date(name: str, value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise QueryError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _int(name: str, value: str, low: int, high: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise QueryError(f"{name}: {value!r} is not a whole number") from None
    if not low <= n <= high:
        raise QueryError(f"{name}: {n} is outside {low}..{high}")
    return n


def incident_query(params: Mapping[str, str], default_limit: int = 100) -> IncidentQuery:
    """An IncidentQuery from query parameters; raises QueryError naming a bad parameter."""
    def get(name: str) -> str | None:
        value = params.get(name)
        return value.strip() if value and value.strip() else None

    q = IncidentQuery(limit=default_limit)
    if (v := get("date_from")) is not None:
        q.date_from = _date("date_from", v)
    if (v := get("date_to")) is not None:
        q.date_to = _date("date_to", v)
    if q.date_from and q.date_to and q.date_from > q.date_to:
        raise QueryError("date_from is after date_to")
    q.country = get("country")
    if q.country and len(q.country) == 2:
        q.country = q.country.upper()
    if (v := get("status")) is not None:
        if v not in STATUSES:
            raise QueryError(f"status: {v!r} is not one of {', '.join(STATUSES)}")
        q.status = v
    if (v := get("grade")) is not None:
        if v not in GRADES:
            raise QueryError(f"grade: {v!r} is not one of {', '.join(GRADES)}")
        q.grade = v
    q.event_type = get("event_type")
    q.actor = get("actor")
    q.text = get("q")
    if q.text is not None:
        words = list(dict.fromkeys(q.text.lower().split()))
        if len(words) > MAX_WORDS:
            raise QueryError(f"q: {len(words)} different words; search with at most "
                             f"{MAX_WORDS}")
    for name in EXTRA_FILTERS:
        if (v := get(name)) is not None:
            if name == "min_killed":
                v = str(_int(name, v, 0, 10**9))
            q.extra[name] = v
    if (v := get("sort")) is not None:
        if v.lstrip("-") not in SORTABLE:
            raise QueryError(f"sort: {v!r} is not one of {', '.join(SORTABLE)} "
                             "(prefix '-' for descending)")
        q.sort = v
    if (v := get("limit")) is not None:
        q.limit = _int("limit", v, 1, MAX_LIMIT)
    if (v := get("offset")) is not None:
        q.offset = _int("offset", v, 0, 10**9)
    return q


def filter_params(q: IncidentQuery) -> dict[str, str]:
    """The filters of a query as URL parameters (for links that keep them)."""
    pairs = {
        "date_from": q.date_from, "date_to": q.date_to, "country": q.country,
        "status": q.status, "grade": q.grade, "event_type": q.event_type, "actor": q.actor,
        "q": q.text, **q.extra,
    }
    return {k: v for k, v in pairs.items() if v}

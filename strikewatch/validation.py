"""The one boundary every text passes on its way into the store, same rules on every backend.

Why here and not in each caller: a single stored value that the database or the JSON
encoder cannot take back out (a lone surrogate such as "\\ud800", a NUL character) broke
every later read of the ledger, for every user. PostgreSQL refuses NUL outright, SQLite
stores both and fails later, so the rules are checked here, before the write, and are the
same for SQLite and PostgreSQL:

- no NUL character and no lone surrogate, in any string, dictionary key included;
- dates are canonical ISO 8601 (`YYYY-MM-DD`, or a date-time starting with one) with a
  year in MIN_YEAR..MAX_YEAR: `2025W451` or `9999-12-31` are refused, not stored.

The store's write paths (articles, reviews, users) call `check_article`, `check_review`
and `check_user`; front doors may call the same functions earlier for a friendlier error.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from strikewatch.records import Article, Review

#: The years a reported date may fall in: news archives reach back to the 19th century;
#: anything outside is a typo or a hostile value (a year 9999 overflowed the timeline).
MIN_YEAR, MAX_YEAR = 1800, 2200
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Review payload fields that hold dates (an editor's edit of an incident).
DATE_FIELDS = ("date_low", "date_high", "period_low", "period_high")


class InvalidText(ValueError):
    """A value the store refuses; the message names the field and the problem."""


def text_problem(value: str) -> str | None:
    """Why this string cannot be stored, or None when it can."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a lone surrogate (not valid Unicode text)"
    return None


def check_text(field: str, value: object) -> None:
    """InvalidText when `value` (a string, or any JSON-like tree of them) cannot be stored."""
    stack: list[tuple[str, object]] = [(field, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            problem = text_problem(item)
            if problem:
                raise InvalidText(f"{where}: {problem}")
        elif isinstance(item, Mapping):
            for key, sub in item.items():
                if isinstance(key, str) and (problem := text_problem(key)):
                    raise InvalidText(f"{where}: a key {problem}")
                stack.append((f"{where}.{key}" if isinstance(key, str) else where, sub))
        elif isinstance(item, list | tuple):
            stack.extend((f"{where}[{i}]", sub) for i, sub in enumerate(item))


def sane_day(day: dt.date) -> bool:
    """True when the date's year is within MIN_YEAR..MAX_YEAR."""
    return MIN_YEAR <= day.year <= MAX_YEAR


def canonical_date(field: str, value: str) -> str:
    """`value` when it is a canonical `YYYY-MM-DD` date in the sane range; else InvalidText.

    Python's `date.fromisoformat` also reads week dates ("2025W451") and basic forms
    ("20251104"); the ledger stores and compares dates as text, so only one spelling is
    allowed in.
    """
    text = value.strip()
    if not _ISO_DAY.fullmatch(text):
        raise InvalidText(f"{field}: {value!r} is not a date (YYYY-MM-DD)")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidText(f"{field}: {value!r} is not a date (YYYY-MM-DD)") from None
    if not sane_day(day):
        raise InvalidText(f"{field}: {value!r} is outside the years {MIN_YEAR}-{MAX_YEAR}")
    return text


def canonical_datetime(field: str, value: str) -> str:
    """An ISO date or date-time (`published`) whose date part passes `canonical_date`."""
    canonical_date(field, value[:10])
    if len(value) > 10:
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            raise InvalidText(f"{field}: {value!r} is not an ISO 8601 date-time") from None
    return value


def check_article(article: Article) -> None:
    """Every text of an article (its extra fields included), and its `published` date."""
    check_text("article", article.model_dump(mode="python"))
    if article.published:
        canonical_datetime("published", article.published)


def check_review(review: Review) -> None:
    """A review's note, payload and snapshots; dates an edit sets must be canonical."""
    check_text("review", review.model_dump(mode="python"))
    payload: Any = review.payload
    fields = payload.get("fields", payload) if isinstance(payload, Mapping) else {}
    if isinstance(fields, Mapping):
        for name in DATE_FIELDS:
            value = fields.get(name)
            if isinstance(value, str):
                canonical_date(name, value)


def check_user(username: str, password_hash: str, role: str) -> None:
    check_text("username", username)
    check_text("password_hash", password_hash)
    check_text("role", role)

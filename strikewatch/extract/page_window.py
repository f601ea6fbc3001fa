"""The earliest day a page with no publication date can have been published.

Why: about half the pages come without a date, and their undated reports then have no
day to be compared on (resolve blocking). Such a page still says when it was written,
within bounds: it was put out on or after the latest day it names ("on Dec. 17, 2025",
"el 3 de enero de 2026", an embedded post's sign-off, a wire dateline). Background dates
are dates too: the page was written after them as well, so the *latest* stated day is a
safe lower bound whatever the earlier ones date. What would break it is a day the page
names as still to come (a vote "scheduled for Jan. 5", a deadline): a sentence telling the
future is not read (`_FUTURE`). The upper bound is no reading of the page: resolution
allows `features.PAGE_AFTER_DAYS` after this day (news tells of the last days).

A day without its year counts only where the extractor's own readers date it (a year the
page tells that day or month with, `PageYears`; a weekday that fixes the year); a day
the page does not fix is no bound. The result is kept beside the mention
(`Mention.page_after`, with `page_after_source`), never as the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from strikewatch.extract import dates as en_dates
from strikewatch.extract.context import DateRead
from strikewatch.extract.date_forms import month_day
from strikewatch.extract.es import dates as es_dates
from strikewatch.records import iso_date

#: A sentence that tells of the future: its days may lie after the page.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|scheduled|expected to|plans? to|planned|due to|deadline|"
    r"upcoming|next (?:week|month|year)|until|by the end of|"
    r"será|serán|prevista?|previstos?|programad[oa]s?|próxim[oa]s?|hasta el|"
    r"plazo|vence|celebrará|votará)\b",
    re.IGNORECASE)
#: Sentence ends, to find the sentence a date stands in (cheap; no parse).
_SENT_END = re.compile(r"[.!?\n]")


def _sentence_around(text: str, start: int, end: int) -> str:
    """The text from the sentence end before `start` to the one after `end`."""
    left = max((m.end() for m in _SENT_END.finditer(text, max(0, start - 300), start)),
               default=max(0, start - 300))
    right = _SENT_END.search(text, end)
    return text[left:right.start() if right else min(len(text), end + 300)]


def _month_years(reads: list[DateRead]) -> dict[int, set[int]]:
    """The years the page tells each month with (a day or the month told with its year)."""
    out: dict[int, set[int]] = {}
    for r in reads:
        day = iso_date(r.low) if r.low is not None and not r.is_period else None
        if day is not None and r.precision in (1, 3):
            out.setdefault(day.month, set()).add(day.year)
    return out


def _in_page_year(told: str, years: dict[int, set[int]]) -> dt.date | None:
    """An English day without its year ("Dec. 9") in the one year the page tells its month
    with ("In December 2025 ..."), as the extractor's dates read it; else None."""
    md = month_day(told.strip().removeprefix("on ").removeprefix("On "))
    if md is None or len(years.get(md[0], ())) != 1:
        return None
    (year,) = years[md[0]]
    try:
        return dt.date(year, *md)
    except ValueError:
        return None


def stated_days(text: str, language: str | None) -> list[tuple[dt.date, str]]:
    """Every day the page names that its readers date with a year, not told as to come,
    each with where it was read: "stated" (the prose, a caption) or "post" (an embedded
    post's sign-off)."""
    out: list[tuple[dt.date, str]] = []
    if language == "es":
        reads = es_dates.read_dates(text, None, page=es_dates.page_years(text))
    else:
        reads = en_dates.read_dates(text, None)
    years = _month_years(reads)
    for r in reads:
        if r.is_period or r.low != r.high:
            continue
        day = iso_date(r.low) if r.low is not None else _in_page_year(text[r.start:r.end],
                                                                      years)
        if day is None or _FUTURE.search(_sentence_around(text, r.start, r.end)):
            continue
        out.append((day, "stated"))
    out += [(p.day, "post") for p in en_dates.post_days(text)]
    return out


def page_after(text: str, language: str | None, filed: dt.date | None = None
               ) -> tuple[dt.date, str] | None:
    """(the latest day the page names, its source) for a page with no publication date;
    `filed` is a dateline's day the extractor read (source "dateline"). None where the
    page names no day it fixes."""
    found = stated_days(text, language)
    if filed is not None:
        found.append((filed, "dateline"))
    # on one day, a sign-off's or a dateline's reading says more than the prose's
    return max(found, key=lambda x: (x[0], x[1] != "stated")) if found else None

"""Calendar cues: the weekdays and days of the year without a year that a report's
sentences name. Attaching picks an undated report's candidates by them; merging narrows a
loosely dated incident to the one day of its span an undated report names."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from strikewatch.extract.date_forms import DAY, MON, MONTHS, WEEKDAYS
from strikewatch.extract.es.dates import MONTHS as ES_MONTHS
from strikewatch.extract.es.dates import WEEKDAYS as ES_WEEKDAYS

# Capitalised as news writes them: "may" and "march" in lower case are verbs.
_WEEKDAY_RE = re.compile(rf"\b{DAY}\b")
_MONTH_DAY_RE = re.compile(rf"\b(?:({MON}) (\d{{1,2}})(?:st|nd|rd|th)?\b"
                           rf"|(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({MON})(?![a-z]))"
                           r"(?!,? \d{4})")

# Spanish, with the extractor's own vocabulary (extract/es/dates.py): "el jueves", "el 23
# de enero" (a day with "de 2026" after it is dated already).
_ES_WEEKDAY_RE = re.compile(rf"\b({'|'.join(ES_WEEKDAYS)})\b", re.IGNORECASE)
_ES_DAY_MONTH_RE = re.compile(rf"\b(\d{{1,2}}|primero) de ({'|'.join(ES_MONTHS)})\b"
                              r"(?! (?:de|del) \d{4})", re.IGNORECASE)

#: A calendar cue: ("wd", weekday 0-6, 0) or ("md", month, day).
Cue = tuple[str, int, int]


def calendar_cues(texts: Iterable[str]) -> frozenset[Cue]:
    """The weekdays and the days of the year without a year that sentences name.

    Read only for reports of pages with no publication date, where the extractor could not
    resolve "on Tuesday" or "Feb. 9" ("el jueves", "el 23 de enero") to a day: they still
    say which day it can be. A day with its year is no cue (the extractor dated it already).
    """
    cues: set[Cue] = set()
    for text in texts:
        for m in _WEEKDAY_RE.finditer(text):
            cues.add(("wd", WEEKDAYS[m.group(0).lower()], 0))
        for m in _MONTH_DAY_RE.finditer(text):
            mon, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            month = MONTHS.get(mon.rstrip(".").lower())
            if month is not None and 1 <= int(day) <= 31:
                cues.add(("md", month, int(day)))
        for m in _ES_WEEKDAY_RE.finditer(text):
            cues.add(("wd", ES_WEEKDAYS[m.group(1).lower()], 0))
        for m in _ES_DAY_MONTH_RE.finditer(text):
            day = 1 if m.group(1).lower() == "primero" else int(m.group(1))
            if 1 <= day <= 31:
                cues.add(("md", ES_MONTHS[m.group(2).lower()], day))
    return frozenset(cues)


def day_cues(day: int) -> tuple[Cue, Cue]:
    """The calendar cues a day (days since 1970-01-01) answers to."""
    d = dt.date(1970, 1, 1) + dt.timedelta(days=day)
    return ("wd", d.weekday(), 0), ("md", d.month, d.day)

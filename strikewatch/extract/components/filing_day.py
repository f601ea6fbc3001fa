"""Component `filing_day`: a page that came without a publication date takes its wire
dateline's day ("BEIRUT, Nov. 2, 2025 (AP) —"), the day the copy was filed.

Why: relative dates ("on Monday", "yesterday") resolve against `published`; without one
they stay open. Only a dateline that gives its year dates the page: a day and month alone
would need a year, and a year is never guessed. The dateline's day is never an event's
date (the `dates` component skips it wherever its line stands). Runs first, so that every
later component (status's background test, dates, kind) reads the same `published`. At
ingest the same reading is the `dateline` source of `published` (ingest.published).
"""

from __future__ import annotations

from strikewatch.extract.context import Doc
from strikewatch.extract.dates import dateline
from strikewatch.extract.pipeline import component


@component("filing_day", assigns=("doc.published",))
def filing_day(doc: Doc) -> None:
    """`doc.published` from the dateline when the article gave none."""
    if doc.published is not None:
        return
    line = dateline(doc.text)
    if line is not None and line.filed is not None:
        doc.published = line.filed

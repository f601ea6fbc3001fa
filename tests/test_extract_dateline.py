"""A wire dateline dates a page that came without a publication date (issue 14, item 3):
"on Monday" resolves against the filing day when the dateline gives its year; without a
year nothing is guessed; the dateline's own day is never the event's. Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

from strikewatch.extract import extract
from strikewatch.extract.dates import dateline
from strikewatch.records import Article, Mention


def _events(text: str, published: str | None = None) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def test_a_dateline_with_its_year_anchors_a_weekday() -> None:
    (m,) = _events("MOGADISHU, Nov. 5, 2025 (Wire) — An air strike on a militant camp near "
                   "the river on Monday killed nine fighters, the army said.")
    assert (m.date_low, m.date_high, m.time_precision) == ("2025-11-03", "2025-11-03", 1)
    assert [s.text for s in m.provenance["date"]] == ["on Monday"]


def test_a_credit_without_a_place_and_a_headline_before_it() -> None:
    (m,) = _events("Boat hit in the Pacific\n\nDec 23, 2025 (Wire) - A navy strike on a "
                   "skiff off the coast killed two people on Monday.")
    assert m.date_low == "2025-12-22"  # the Monday before Tuesday Dec 23, not Dec 23


def test_the_dateline_day_is_never_the_event_day() -> None:
    (m,) = _events("Dec 23, 2025 (Wire) - A navy strike on a skiff off the coast killed "
                   "two people.")
    assert m.date_low is None
    (m,) = _events("BEIRUT, 2 March 2025 — A drone strike hit a car on the coastal road, "
                   "killing two men.")
    assert m.date_low is None


def test_a_dateline_without_a_year_guesses_none() -> None:
    (m,) = _events("WASHINGTON, Oct 28 (Wire) - The military struck a boat in the Pacific "
                   "on Monday, killing four.")
    assert m.date_low is None
    assert m.killed_low == 4


def test_a_supplied_publication_date_wins_over_the_dateline() -> None:
    (m,) = _events("MOGADISHU, Nov. 5, 2025 (Wire) — An air strike on a militant camp near "
                   "the river on Monday killed nine fighters.", published="2025-11-12")
    assert m.date_low == "2025-11-10"


def test_what_is_not_a_dateline() -> None:
    assert dateline("Sept. 2, 2025 — the first strike of the campaign kills 11.") is None
    assert dateline("The Pentagon, Sept. 2, 2025 — a statement") is None
    assert dateline("In Lima, March 4 saw a strike that killed four.") is None
    assert dateline(("x" * 700) + "\nBEIRUT, Nov. 2, 2025 (AP) — y") is None  # too deep
    line = dateline("KHARKIV, Ukraine, 11 June 2025 — Two drones hit a depot.")
    assert line is not None and line.filed == dt.date(2025, 6, 11)
    line = dateline("WASHINGTON, Feb. 29, 2025 (Wire) - x")
    assert line is not None and (line.month, line.day, line.filed) == (2, 29, None)
    assert dateline("WASHINGTON, Feb. 30 (Wire) - x") is None  # no such day

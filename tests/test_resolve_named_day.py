"""A strike one report dates only to a span of days ("last week", on a dated page) and another
names by its day of the year on a page with no date ("on March 4"): the span gives the year,
the day the span left open, so they join and the incident takes that day
(resolve.attaching._in_its_span, resolve.merging._named_day). Invented reports
(tests.test_resolve.Desk)."""

from __future__ import annotations

from typing import Any

from strikewatch.records import Actor, Mention, Place, Span
from strikewatch.resolve.merging import _named_day
from tests.test_resolve import Desk, holding

TOWN = Place(name="Tamra", kind="populated place", country="SD", admin1="North Darfur",
             geo_precision=2, latitude=14.1, longitude=24.6)
ARMY = Actor(name="the army", country="SD")
LAND: dict[str, Any] = dict(place=TOWN, actor1=ARMY, domain="land", target_kind="vehicle",
                            killed_low=6, killed_high=6)


def _week(d: Desk) -> Mention:
    """A dated page's report of a strike "last week": the week before the page."""
    text = "Six people died last week when a drone hit a minibus near Tamra, medics said."
    return d.report(text, "2026-03-10", date_low="2026-03-02", date_high="2026-03-08",
                    time_precision=2, **LAND)


def _undated(d: Desk, text: str, told: str, **fields: Any) -> Mention:
    """A report of a page with no date whose date words are `told` (no year: left open)."""
    start = text.index(told)
    m = d.report(text, None, **{**LAND, **fields})  # type: ignore[arg-type]
    m.provenance["date"] = [Span(article_id=m.article_id, start=start,
                                 end=start + len(told), text=told)]
    return m


def test_a_day_of_the_year_on_an_undated_page_narrows_a_week_to_that_day() -> None:
    d = Desk()
    week = _week(d)
    day = _undated(d, "A drone strike on a minibus near Tamra on March 4 killed six people.",
                   "March 4")
    joined = holding(d.resolve(), day)
    assert week.id in joined.mention_ids
    assert (joined.date_low, joined.date_high, joined.time_precision) == \
        ("2026-03-04", "2026-03-04", 1)


def test_the_day_joins_a_report_that_names_no_town() -> None:
    # no town of its own, so no rule of towns joins them: the day inside the span and the
    # very same toll do
    d = Desk()
    week = _week(d)
    day = _undated(d, "On March 4 a drone killed six people on a minibus, the army said.",
                   "March 4", place=None)
    joined = holding(d.resolve(), day)
    assert week.id in joined.mention_ids and joined.date_low == joined.date_high == "2026-03-04"


def test_a_day_outside_the_span_never_dates_the_strike() -> None:
    d = Desk()
    week = _week(d)
    _undated(d, "A drone strike on a minibus near Tamra on March 14 killed six people.",
             "March 14")
    held = holding(d.resolve(), week)
    assert (held.date_low, held.date_high) == ("2026-03-02", "2026-03-08")


def test_another_toll_in_another_town_is_not_joined_by_its_day() -> None:
    d = Desk()
    week = _week(d)
    elsewhere = Place(name="Kabkabiya", kind="populated place", country="SD", admin1="North Darfur",
                      geo_precision=2, latitude=13.6, longitude=24.1)
    day = _undated(d, "Two died when a drone hit a car in Kabkabiya on March 4.", "March 4",
                   place=elsewhere, killed_low=2, killed_high=2)
    incs = d.resolve()
    assert holding(incs, week).id != holding(incs, day).id


def _mention(lo: str | None, hi: str | None, told: str = "") -> Mention:
    m = Mention(article_id="a1", date_low=lo, date_high=hi, time_precision=1 if lo else None)
    if told:
        m.provenance["date"] = [Span(article_id="a1", start=0, end=len(told), text=told)]
    return m


def test_only_one_named_day_inside_a_span_of_a_few_days_narrows_it() -> None:
    week = _mention("2026-03-02", "2026-03-08")
    assert _named_day(week, [week, _mention(None, None, "on March 4")]) == "2026-03-04"
    assert _named_day(week, [week, _mention(None, None, "el 4 de marzo")]) == "2026-03-04"
    # a weekday may be the day the strike was told on: it never narrows
    assert _named_day(week, [week, _mention(None, None, "on Wednesday")]) is None
    # two reports naming two days: which is the strike's is not known
    assert _named_day(week, [week, _mention(None, None, "on March 4"),
                             _mention(None, None, "on March 5")]) is None
    # a night (two days) stays the night; a month is too wide for a day to be picked from it
    night = _mention("2026-03-03", "2026-03-04")
    assert _named_day(night, [night, _mention(None, None, "on March 4")]) is None
    month = _mention("2026-03-01", "2026-03-31")
    assert _named_day(month, [month, _mention(None, None, "on March 4")]) is None
    # a report that has its own date is not an undated page's day
    assert _named_day(week, [week, _mention("2026-03-05", "2026-03-05", "March 5")]) is None

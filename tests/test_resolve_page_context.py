"""What an article's other reports say about one of its open reports (strikewatch.resolve
attaching): a page with no publication date that dates one strike places its other, open
reports in that week; a strike that already took one of an article's reports is not the
strike of another of its reports; open water with a borrowed point agrees with any sea.
Reports built by hand (tests.test_resolve.Desk); no weekday in the sentences, so no
calendar cue places them instead."""

from __future__ import annotations

from strikewatch.records import Mention, Place
from strikewatch.resolve import counted
from strikewatch.resolve.features import features, hard_conflict, places_compatible
from tests.test_resolve import PACIFIC, Desk, holding

#: "international waters" as the geo step places it: the middle of the ocean the article
#: names, thousands of km from the eastern Pacific where the boats are struck
OPEN_WATER = Place(name="international waters", kind="sea", geo_precision=6, latitude=0.0,
                   longitude=-160.0)


def _caribbean_strike(d: Desk, day: str, published: str, killed: int = 3) -> Mention:
    return d.report(f"US forces destroyed a drug boat in the Caribbean on {day}, killing "
                    f"{killed}.", published, date=day, killed_low=killed, killed_high=killed)


def _undated_page(d: Desk, dated_day: str) -> tuple[Mention, Mention]:
    """A mirror with no publication date: a Pacific strike it dates, and a Caribbean strike
    of three it tells with no day of its own."""
    dated = "On " + dated_day + ", a US strike in the eastern Pacific killed two."
    open_ = "Separately, three people were killed when a boat was hit in the Caribbean."
    aid = _page(d, dated + " " + open_, None)
    a = d.add(aid, dated, date=dated_day, place=PACIFIC, killed_low=2, killed_high=2)
    b = d.add(aid, open_, killed_low=3, killed_high=3)
    return a, b


def _page(d: Desk, text: str, published: str | None) -> str:
    """A new article with this text and no mention yet (its reports are added one by one)."""
    d.report(text, published)  # type: ignore[arg-type]  (None: no publication date)
    d.mentions.pop()
    return list(d.articles)[-1]


def test_an_undated_pages_open_report_joins_the_strike_of_the_week_it_dates() -> None:
    d = Desk()
    december = _caribbean_strike(d, "2025-12-16", "2025-12-17")
    october = _caribbean_strike(d, "2025-10-02", "2025-10-03")
    _, open_ = _undated_page(d, "2025-12-15")
    incs = d.resolve()
    joined = holding(incs, open_)
    assert december.id in joined.mention_ids and joined.date_low == "2025-12-16"
    assert october.id not in joined.mention_ids
    assert len([i for i in incs if counted(i)]) == 3  # the Pacific strike, two Caribbean


def test_the_week_a_page_dates_picks_the_strike_of_that_week_not_another() -> None:
    d = Desk()
    december = _caribbean_strike(d, "2025-12-16", "2025-12-17")
    october = _caribbean_strike(d, "2025-10-02", "2025-10-03")
    _, open_ = _undated_page(d, "2025-10-01")
    joined = holding(d.resolve(), open_)
    assert october.id in joined.mention_ids and december.id not in joined.mention_ids


def test_a_page_that_dates_nothing_leaves_a_report_two_strikes_fit_apart() -> None:
    d = Desk()
    _caribbean_strike(d, "2025-12-16", "2025-12-17")
    _caribbean_strike(d, "2025-10-02", "2025-10-03")
    text = "Three people were killed when a boat was hit in the Caribbean."
    open_ = d.report(text, None, killed_low=3, killed_high=3)  # type: ignore[arg-type]
    assert holding(d.resolve(), open_).mention_ids == [open_.id]


def test_a_page_dated_only_to_a_month_gives_no_week() -> None:
    d = Desk()
    _caribbean_strike(d, "2025-12-16", "2025-12-17")
    _caribbean_strike(d, "2025-10-02", "2025-10-03")
    month = "In December, a US strike in the eastern Pacific killed two."
    open_ = "Separately, three people were killed when a boat was hit in the Caribbean."
    aid = _page(d, month + " " + open_, None)
    d.add(aid, month, date_low="2025-12-01", date_high="2025-12-31", time_precision=3,
          place=PACIFIC, killed_low=2, killed_high=2)
    b = d.add(aid, open_, killed_low=3, killed_high=3)
    assert holding(d.resolve(), b).mention_ids == [b.id]


def _two_strikes_of_one_day(d: Desk) -> tuple[Mention, Mention]:
    """Two strikes one article tells (so two incidents), 2-3 and 3-4 dead."""
    one = "US forces struck a boat in the eastern Pacific on Oct. 27; two or three died."
    two = "Another boat struck there on Oct. 27 carried three or four people, all killed."
    aid = _page(d, one + " " + two, "2025-10-28")
    return (d.add(aid, one, date="2025-10-27", place=PACIFIC, killed_low=2, killed_high=3),
            d.add(aid, two, date="2025-10-27", place=PACIFIC, killed_low=3, killed_high=4))


def _later_page(d: Desk, tolls: list[int]) -> list[Mention]:
    """A page with no publication date that dates a Caribbean strike of Oct. 27 and tells
    Pacific strikes of these tolls with no day: linking never compares those (no day to
    block on), only attaching places them, in the week the page dates."""
    dated = "On Oct. 27 a boat was also hit in the Caribbean, killing one."
    told = [f"{n} people died on a boat struck in the eastern Pacific." for n in tolls]
    aid = _page(d, " ".join([dated, *told]), None)
    d.add(aid, dated, date="2025-10-27", killed_low=1, killed_high=1)
    return [d.add(aid, t, place=PACIFIC, killed_low=n, killed_high=n)
            for t, n in zip(told, tolls, strict=True)]


def test_a_strike_that_took_one_of_an_articles_reports_leaves_it_the_other() -> None:
    # two strikes of one day in the Pacific, told 2-3 and 3-4 dead; a later page tells both
    # with no day of their own: "four" can only be the second, and "three", which either
    # toll holds, is then the first, since the second is already that page's other report
    d = Desk()
    first, second = _two_strikes_of_one_day(d)
    m3, m4 = _later_page(d, [3, 4])
    incs = d.resolve()
    assert holding(incs, m4).id == holding(incs, second).id
    assert holding(incs, m3).id == holding(incs, first).id
    assert len([i for i in incs if counted(i)]) == 3  # and the page's Caribbean strike


def test_with_one_report_alone_two_tolls_that_hold_it_leave_it_apart() -> None:
    d = Desk()
    _two_strikes_of_one_day(d)
    (three,) = _later_page(d, [3])
    assert holding(d.resolve(), three).mention_ids == [three.id]


def test_open_water_with_a_borrowed_point_is_not_far_from_a_named_sea() -> None:
    d = Desk()
    named = d.report("A US strike in the eastern Pacific on Oct. 27 killed three.",
                     "2025-10-28", date="2025-10-27", place=PACIFIC, killed_low=3,
                     killed_high=3)
    open_water = d.report("Three were killed in international waters on Oct. 27, the "
                          "command said.", "2025-10-28", date="2025-10-27",
                          place=OPEN_WATER, killed_low=3, killed_high=3)
    fa, fb = (features(m, d.articles[m.article_id]) for m in (named, open_water))
    assert places_compatible(fa, fb) is not False and hard_conflict(fa, fb) is None
    assert fb.lat is None and fb.sea is None  # the borrowed point is not compared
    incs = d.resolve()
    assert holding(incs, named).id == holding(incs, open_water).id


def test_a_named_sea_keeps_its_point() -> None:
    d = Desk()
    far = Place(name="Gulf of Aden", kind="sea", geo_precision=6, latitude=12.5,
                longitude=48.0)
    a = d.report("A strike in the eastern Pacific on Oct. 27 killed three.", "2025-10-28",
                 date="2025-10-27", place=PACIFIC, killed_low=3, killed_high=3)
    b = d.report("A strike in the Gulf of Aden on Oct. 27 killed three.", "2025-10-28",
                 date="2025-10-27", place=far, killed_low=3, killed_high=3)
    fa, fb = (features(m, d.articles[m.article_id]) for m in (a, b))
    assert fb.lat == 12.5 and hard_conflict(fa, fb) == "places too far apart"


# Two undated pages about one raid, told with the same rare names ("Qurqaniyah",
# "Zuhayrani"): no day places either, and a country and a toll are what a campaign repeats.
RAID = "A U.S. raid near Qurqaniyah killed Abu Zuhayrani, a militant commander, in Syria."
RAID_AGAIN = ("Abu Zuhayrani died when American forces struck near Qurqaniyah, a village in "
              "Syria, officials said.")
SYRIA = Place(name="Syria", kind="country", country="SY", geo_precision=5, latitude=35.0,
              longitude=38.0)


def _undated(d: Desk, text: str, killed: int = 1) -> Mention:
    return d.report(text, None, place=SYRIA, domain="land",  # type: ignore[arg-type]
                    target_kind="person", killed_low=killed, killed_high=killed)


def test_undated_reports_told_with_the_same_rare_names_are_one_strike() -> None:
    d = Desk()
    a, b = _undated(d, RAID), _undated(d, RAID_AGAIN)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id
    assert len([i for i in incs if counted(i)]) == 1


def test_names_a_report_of_another_toll_holds_tell_no_strike() -> None:
    # a third page tells a raid near Qurqaniyah that killed four: the village is told of
    # more than one strike, and one shared name is too few
    d = Desk()
    a, b = _undated(d, RAID), _undated(d, RAID_AGAIN)
    _undated(d, "Four were killed in a U.S. raid near Qurqaniyah, in Syria.", killed=4)
    incs = d.resolve()
    assert holding(incs, a).id != holding(incs, b).id


def test_rare_names_never_outweigh_tolls_that_differ() -> None:
    d = Desk()
    a, b = _undated(d, RAID), _undated(d, RAID_AGAIN, killed=3)
    incs = d.resolve()
    assert holding(incs, a).id != holding(incs, b).id

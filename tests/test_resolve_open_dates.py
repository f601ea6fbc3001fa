"""Resolution across articles when a report's date is open (strikewatch.resolve): an undated
page's "on Tuesday" or "Feb. 9" still says which day it can be, and two reports a day apart
with the very same toll are one strike told across a midnight, while a day with several
strikes stays several incidents. Reports built by hand (tests.test_resolve.Desk)."""

from __future__ import annotations

from strikewatch.records import Actor, Place
from strikewatch.resolve import counted
from strikewatch.resolve.attaching import calendar_cues, day_cues
from strikewatch.resolve.features import day_number
from tests.test_resolve import CARIB as CARIB_SEA
from tests.test_resolve import PACIFIC, Desk, holding


def _dated(d: Desk, day: str, killed: int, place: Place | None = None) -> object:
    return d.report(f"The Pentagon said {killed} were killed aboard a vessel it destroyed on "
                    f"{day}.", "2025-11-20", date=day, killed_low=killed, killed_high=killed,
                    **({"place": place} if place else {}))


def test_calendar_cues_read_weekdays_and_days_without_a_year() -> None:
    cues = calendar_cues(["On Tuesday, September 2, U.S. forces struck a boat.",
                          "It was reported on Feb. 9 and again on 3rd of May.",
                          "A post dated October 22, 2025 said so."])
    assert cues == {("wd", 1, 0), ("md", 9, 2), ("md", 2, 9), ("md", 5, 3)}
    # a day with its year is dated already; "may" in lower case is a verb, not a month
    assert calendar_cues(["On October 22, 2025 three died.", "it may 3 times fail"]) == set()
    tuesday = day_number("2025-09-02")
    assert tuesday is not None and day_cues(tuesday) == (("wd", 1, 0), ("md", 9, 2))


def test_calendar_cues_read_spanish_weekdays_and_days_without_a_year() -> None:
    cues = calendar_cues(["El Comando Sur informó el jueves 23 de enero que murieron dos.",
                          "Ocurrió el primero de mayo, según el ejército.",
                          "El ataque del 2 de septiembre de 2025 fue el primero."])
    assert cues == {("wd", 3, 0), ("md", 1, 23), ("md", 5, 1)}


def test_an_undated_spanish_report_naming_its_day_joins_the_strike_on_that_day() -> None:
    d = Desk()
    on_day = _dated(d, "2025-10-23", 2, PACIFIC)
    _dated(d, "2025-11-05", 2, PACIFIC)  # same toll and sea: without the cue, two candidates
    loose = d.report("Dos personas murieron el 23 de octubre en un ataque contra una lancha en "
                     "el Pacífico oriental.", None, place=PACIFIC, killed_low=2, killed_high=2)
    joined = holding(d.resolve(), loose)
    assert on_day.id in joined.mention_ids  # type: ignore[attr-defined]
    assert joined.date_low == "2025-10-23"


def test_an_undated_report_naming_a_day_of_the_year_joins_the_strike_on_that_day() -> None:
    d = Desk()
    on_day = _dated(d, "2025-10-21", 2, PACIFIC)
    _dated(d, "2025-10-29", 2, PACIFIC)  # same toll and sea: without the cue, two candidates
    loose = d.report("Two people were killed in a strike in the Eastern Pacific on Oct. 21, "
                     "the command said.", None, place=PACIFIC, killed_low=2, killed_high=2)
    incs = d.resolve()
    joined = holding(incs, loose)
    assert on_day.id in joined.mention_ids  # type: ignore[attr-defined]
    assert joined.date_low == "2025-10-21" and len([i for i in incs if counted(i)]) == 2


def test_a_named_day_with_no_strike_on_it_leaves_the_report_apart() -> None:
    d = Desk()
    _dated(d, "2025-10-21", 2, PACIFIC)  # the only dated Pacific strike killing two
    loose = d.report("Two people were killed in a strike in the Eastern Pacific on Feb. 9, "
                     "the command said.", None, place=PACIFIC, killed_low=2, killed_high=2)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_a_weekday_picks_among_strikes_with_the_same_toll() -> None:
    d = Desk()
    friday = _dated(d, "2025-10-17", 3)  # a Friday
    _dated(d, "2025-10-14", 3)  # a Tuesday, same toll, same sea
    loose = d.report("Three men died on Friday when a US strike hit their boat in the "
                     "Caribbean.", None, killed_low=3, killed_high=3)
    joined = holding(d.resolve(), loose)
    assert friday.id in joined.mention_ids  # type: ignore[attr-defined]
    assert joined.date_low == "2025-10-17"


def test_a_weekday_with_an_overlapping_toll_range_is_no_proof() -> None:
    # "On Monday HRW said a strike last month killed 3 to 17": the weekday is the
    # announcement's, and a range that merely contains the candidate's toll does not tie them
    d = Desk()
    _dated(d, "2025-10-13", 3)  # a Monday
    _dated(d, "2025-10-16", 3)  # a Thursday: by toll and sea alone, two candidates
    loose = d.report("On Monday a rights group said a US strike last month killed between "
                     "3 and 17 people.", None, killed_low=3, killed_high=17)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]
    exact = d.report("On Monday a rights group said a US strike killed 3 people.", None,
                     killed_low=3, killed_high=3)
    assert holding(d.resolve(), exact).date_low == "2025-10-13"


def test_reports_a_day_apart_with_the_same_toll_are_one_strike() -> None:
    d = Desk()
    a = d.report("Southern Command said three were killed when forces struck a boat in the "
                 "Eastern Pacific on Thursday.", "2026-02-20", date="2026-02-19", place=PACIFIC,
                 killed_low=3, killed_high=3)
    b = d.report("A strike in the Eastern Pacific killed three people aboard a vessel, the "
                 "command said on Friday.", "2026-02-21", date="2026-02-20", place=PACIFIC,
                 killed_low=3, killed_high=3)
    assert holding(d.resolve(), a).id == holding(d.resolve(), b).id


def test_reports_a_day_apart_with_different_tolls_stay_two_strikes() -> None:
    d = Desk()
    a = d.report("Southern Command said two were killed when forces struck a boat in the "
                 "Eastern Pacific on Thursday.", "2026-02-20", date="2026-02-19", place=PACIFIC,
                 killed_low=2, killed_high=2)
    b = d.report("A strike in the Eastern Pacific killed three people aboard a vessel, the "
                 "command said on Friday.", "2026-02-21", date="2026-02-20", place=PACIFIC,
                 killed_low=3, killed_high=3)
    incs = d.resolve()
    assert holding(incs, a).id != holding(incs, b).id


def test_a_day_with_several_strikes_stays_several_incidents() -> None:
    d = Desk()
    first = d.report("Forces struck a boat in the Eastern Pacific on Monday, killing four.",
                     "2025-10-28", date="2025-10-27", place=PACIFIC, killed_low=4, killed_high=4)
    second = d.report("A second vessel was destroyed in the Caribbean on Monday; four died.",
                      "2025-10-28", date="2025-10-27", killed_low=4, killed_high=4)
    loose = d.report("Four people were killed on Monday when US forces hit a boat.", None,
                     place=None, killed_low=4, killed_high=4)
    incs = d.resolve()
    assert holding(incs, first).id != holding(incs, second).id
    # a Monday report with no sea could be either: it stays apart
    assert holding(incs, loose).mention_ids == [loose.id]


def _untimed(d: Desk, text: str, **fields: object) -> object:
    """A report on a page with no publication date, in no dated incident's reach."""
    return d.report(text, None, **fields)  # type: ignore[arg-type]


def test_two_undated_reports_naming_one_weekday_and_sea_are_one_strike() -> None:
    d = Desk()
    a = _untimed(d, "On Tuesday a US strike destroyed a boat in the Caribbean, the "
                    "Pentagon said.")
    b = _untimed(d, "Colombia's president said on X that the boat hit in the Caribbean on "
                    "Tuesday carried Colombians.")
    incs = d.resolve()
    assert holding(incs, a) is holding(incs, b)  # type: ignore[arg-type]
    assert len([i for i in incs if counted(i)]) == 1
    # a third report that could be either: which two are one, nothing says; all stay apart
    c = _untimed(d, "Another boat was struck on Tuesday in the Caribbean, officials said.")
    incs = d.resolve()
    assert len({holding(incs, m).id for m in (a, b, c)}) == 3  # type: ignore[arg-type]


def test_a_shared_weekday_needs_places_that_agree() -> None:
    d = Desk()
    a = _untimed(d, "Two people died on Friday in a US strike on a boat in the Pacific.",
                 place=PACIFIC, killed_low=2, killed_high=2)
    b = _untimed(d, "A US strike killed two people aboard a boat on Friday.", place=None,
                 killed_low=2, killed_high=2)
    incs = d.resolve()
    assert holding(incs, a) is not holding(incs, b)  # type: ignore[arg-type]
    # other seas on the same weekday: two strikes
    e = Desk()
    x = _untimed(e, "On Friday a US strike hit a boat in the Pacific.", place=PACIFIC)
    y = _untimed(e, "On Friday a US strike hit a boat in the Caribbean.")
    incs = e.resolve()
    assert holding(incs, x) is not holding(incs, y)  # type: ignore[arg-type]


def test_two_undated_reports_naming_one_day_of_the_year_and_toll_are_one_strike() -> None:
    d = Desk()
    a = _untimed(d, "Nine people were killed in the strike of Sept. 2, officials said.",
                 place=None, killed_low=9, killed_high=9)
    b = _untimed(d, "The September 2 attack killed nine, the admiral told lawmakers.",
                 place=None, killed_low=9, killed_high=9)
    c = _untimed(d, "The September 2 attack killed eleven, the admiral told lawmakers.",
                 place=None, killed_low=11, killed_high=11)  # another toll: not the same
    incs = d.resolve()
    assert holding(incs, a) is holding(incs, b)  # type: ignore[arg-type]
    assert holding(incs, c) is not holding(incs, a)  # type: ignore[arg-type]


def test_a_named_weekday_rules_out_a_strike_too_long_before_it() -> None:
    # the only Pacific strike killing three was on a Wednesday; an undated report that the
    # command "said on Saturday" three died cannot be its announcement three days later
    d = Desk()
    _dated(d, "2025-10-22", 3, PACIFIC)  # a Wednesday
    loose = d.report("US forces hit a vessel in the Eastern Pacific and killed three people, "
                     "the command said on Saturday.", None, place=PACIFIC, killed_low=3,
                     killed_high=3)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]
    # a Thursday's strike may be announced on Saturday
    e = Desk()
    thursday = _dated(e, "2025-10-23", 3, PACIFIC)
    told = e.report("US forces hit a vessel in the Eastern Pacific and killed three people, "
                    "the command said on Saturday.", None, place=PACIFIC, killed_low=3,
                    killed_high=3)
    assert thursday.id in holding(e.resolve(), told).mention_ids  # type: ignore[attr-defined]


def _struck(d: Desk, day: str, place: Place | None = CARIB_SEA, **fields: object) -> object:
    """A dated report of a US strike on a boat that gives no toll."""
    return d.report(f"US forces struck a drug boat on {day}, the Pentagon said.", "2025-11-20",
                    date=day, place=place, **fields)


def test_a_report_naming_no_place_joins_the_strike_of_its_day_by_its_parties() -> None:
    # "On Sept. 2 U.S. forces struck a boat": no toll and no place to agree on, but the day
    # it names has one strike by that acting country at sea
    d = Desk()
    on_day = _struck(d, "2025-09-02")
    _struck(d, "2025-09-15")
    loose = d.report("On Sept. 2, U.S. forces destroyed a boat run by a designated terrorist "
                     "organization.", None, place=None)
    joined = holding(d.resolve(), loose)
    assert on_day.id in joined.mention_ids  # type: ignore[attr-defined]
    assert joined.date_low == "2025-09-02"


def test_other_parties_or_a_second_strike_of_the_day_leave_a_placeless_report_apart() -> None:
    d = Desk()
    _struck(d, "2025-09-02")
    other_actor = d.report("On Sept. 2, Venezuelan forces destroyed a boat.", None, place=None,
                           actor1=Actor(name="Venezuelan navy", country="VE"))
    on_land = d.report("On Sept. 2, U.S. forces destroyed a drug lab.", None, place=None,
                       domain="land", target_kind="facility")
    incs = d.resolve()
    assert holding(incs, other_actor).mention_ids == [other_actor.id]
    assert holding(incs, on_land).mention_ids == [on_land.id]
    # a second US strike at sea that day (another sea): the day no longer says which
    _struck(d, "2025-09-02", PACIFIC)
    loose = d.report("On Sept. 2, U.S. forces destroyed a boat.", None, place=None)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_a_placeless_report_joins_the_one_strike_of_its_week_by_its_parties() -> None:
    # a dated page's "the vessel was operated by a designated terrorist organization": its
    # window is the week before publication, and one US strike at sea lies in it
    d = Desk()
    week = _struck(d, "2025-10-27")
    _struck(d, "2025-10-10")  # before its week
    d.report("US forces struck a drug lab on 2025-10-28, the Pentagon said.", "2025-11-20",
             date="2025-10-28", domain="land", target_kind="facility",
             place=Place(name="Colombia", kind="country", geo_precision=5, country="CO"))
    loose = d.report("The vessel was operated by a designated terrorist organization, U.S. "
                     "forces said.", "2025-10-30", place=None)
    joined = holding(d.resolve(), loose)
    assert week.id in joined.mention_ids  # type: ignore[attr-defined]
    # two strikes at sea in its week: the parties cannot say which
    d2 = Desk()
    _struck(d2, "2025-10-27")
    _struck(d2, "2025-10-25", PACIFIC)
    loose2 = d2.report("The vessel was operated by a designated terrorist organization, U.S. "
                       "forces said.", "2025-10-30", place=None)
    assert holding(d2.resolve(), loose2).mention_ids == [loose2.id]

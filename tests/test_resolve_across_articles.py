"""Reports of one strike in different articles end in one incident (strikewatch.resolve),
even when one of them gives no date, no toll or an actor the geo step could not place;
reports that something tells apart stay apart. Reports built by hand
(tests.test_resolve.Desk)."""

from __future__ import annotations

from strikewatch.records import Actor, Place
from strikewatch.resolve import counted
from tests.test_resolve import PACIFIC, Desk, holding

TASK_FORCE = Actor(name="Joint Task Force Southern Spear")  # a name with no country
SOMALIA = Place(name="Somalia", country="SO", latitude=6.0, longitude=46.0, kind="country",
                geo_precision=5)


def test_a_day_of_the_year_and_a_sea_stand_in_for_a_missing_toll() -> None:
    # an undated page: "on Dec. 15" in the Eastern Pacific, no toll; the dated report of
    # that day gives none either. The day of the year and the sea agree: one strike.
    d = Desk()
    on_day = d.report("US forces destroyed a vessel in the Eastern Pacific on Dec. 15, 2025, "
                      "the command said.", "2025-12-16", date="2025-12-15", place=PACIFIC)
    d.report("Three were killed in the Eastern Pacific on Dec. 22, 2025.", "2025-12-23",
             date="2025-12-22", place=PACIFIC, killed_low=3, killed_high=3)
    loose = d.report("The secretary said a strike in the Eastern Pacific on Dec. 15 left no "
                     "survivors.", None, place=PACIFIC)
    incs = d.resolve()
    joined = holding(incs, loose)
    assert on_day.id in joined.mention_ids
    assert joined.date_low == "2025-12-15"
    assert len([i for i in incs if counted(i)]) == 2


def test_a_day_of_the_year_without_a_toll_needs_a_place_or_parties_that_agree() -> None:
    d = Desk()
    d.report("US forces destroyed a vessel in the Eastern Pacific on Dec. 15, 2025.",
             "2025-12-16", date="2025-12-15", place=PACIFIC)
    # no sea, no toll, no acting party: a strike of Dec. 15 somewhere, perhaps another
    # year's (with the acting country named, the one US strike at sea that day is it:
    # test_resolve_open_dates' placeless reports)
    loose = d.report("A strike on Dec. 15 destroyed a boat, officials said.", None,
                     place=None, actor1=None)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_a_day_of_the_year_with_another_toll_is_another_strike() -> None:
    # "the first strike, on Sept. 2, killed 11" recalled in a report of a later strike
    # that killed three: the day it names is not its own
    d = Desk()
    d.report("Eleven people were killed when US forces struck a boat in the Caribbean on "
             "Sept. 2, 2025.", "2025-09-03", date="2025-09-02", killed_low=11, killed_high=11)
    loose = d.report("Three men died when their boat was hit in the Caribbean, weeks after "
                     "the Sept. 2 strike.", None, killed_low=3, killed_high=3)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_an_actor_named_without_a_country_does_not_contradict_one_with_a_country() -> None:
    # "Joint Task Force Southern Spear" (no country found) and "U.S. forces" are no
    # contradiction: sea, toll and the article's week say the same strike
    d = Desk()
    dated = d.report("Joint Task Force Southern Spear said two people were killed when it "
                     "struck a vessel in the Eastern Pacific on Dec. 29.", "2025-12-30",
                     date="2025-12-29", place=PACIFIC, killed_low=2, killed_high=2,
                     actor1=TASK_FORCE)
    loose = d.report("Two people aboard a boat in the Eastern Pacific were killed by U.S. "
                     "forces, the military said.", "2025-12-31", place=PACIFIC,
                     killed_low=2, killed_high=2)
    assert dated.id in holding(d.resolve(), loose).mention_ids


def test_actors_of_different_countries_stay_two_strikes() -> None:
    d = Desk()
    d.report("US forces said two people were killed when they struck a vessel in the "
             "Eastern Pacific on Dec. 29.", "2025-12-30", date="2025-12-29", place=PACIFIC,
             killed_low=2, killed_high=2)
    loose = d.report("Two people aboard a boat in the Eastern Pacific were killed by the "
                     "Colombian navy, officials said.", "2025-12-31", place=PACIFIC,
                     killed_low=2, killed_high=2,
                     actor1=Actor(name="Colombian navy", country="CO"))
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_two_names_without_a_country_that_differ_stay_apart() -> None:
    d = Desk()
    d.report("Joint Task Force Southern Spear said two people were killed when it struck a "
             "vessel in the Eastern Pacific on Dec. 29.", "2025-12-30", date="2025-12-29",
             place=PACIFIC, killed_low=2, killed_high=2, actor1=TASK_FORCE)
    loose = d.report("Two people aboard a boat in the Eastern Pacific were killed by the "
                     "Clan del Golfo, officials said.", "2025-12-31", place=PACIFIC,
                     killed_low=2, killed_high=2, actor1=Actor(name="Clan del Golfo"))
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_at_sea_what_a_report_calls_the_target_does_not_split_a_strike() -> None:
    # a "narco-sub" read as a building: at sea, what was hit is a craft either way
    d = Desk()
    dated = d.report("US forces struck a semi-submersible in the Caribbean on Thursday, "
                     "killing two.", "2025-10-17", date="2025-10-16", killed_low=2,
                     killed_high=2)
    loose = d.report("Two crew members of the narco-sub hit in the Caribbean died, the "
                     "Pentagon said.", "2025-10-18", killed_low=2, killed_high=2,
                     target_kind="building")
    assert dated.id in holding(d.resolve(), loose).mention_ids


def test_on_land_a_base_and_a_car_are_two_strikes() -> None:
    # in one country, in one week, with one toll: on land what was hit tells them apart
    d = Desk()
    d.report("A US drone struck a militant base in Somalia on Monday, killing two.",
             "2025-03-04", date="2025-03-03", place=SOMALIA, domain="land",
             target_kind="facility", killed_low=2, killed_high=2)
    loose = d.report("Two men died when an American missile hit their car, residents said.",
                     "2025-03-05", place=SOMALIA, domain="land", target_kind="vehicle",
                     killed_low=2, killed_high=2)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_on_land_a_base_and_the_group_hit_there_may_be_one_strike() -> None:
    # the car's case with the fighters killed in place of the car: a group and its compound
    # are grains of one hit, so a different kind weighs less than a vehicle's (-1, not -2)
    d = Desk()
    dated = d.report("A US drone struck a militant base in Somalia on Monday, killing two.",
                     "2025-03-04", date="2025-03-03", place=SOMALIA, domain="land",
                     target_kind="facility", killed_low=2, killed_high=2)
    loose = d.report("Two fighters of the militia died in an American missile strike, "
                     "residents said.", "2025-03-05", place=SOMALIA, domain="land",
                     target_kind="group", killed_low=2, killed_high=2)
    assert dated.id in holding(d.resolve(), loose).mention_ids

"""Reports of one strike that linking compares but could keep apart (strikewatch.resolve):
a night told across two days ("overnight Saturday into Sunday", "late on the 21st") holds
the day another report gives the strike, so the pair is one day, not "one day apart"; and
a day with several strikes stays several incidents (two strikes the same day in one
province, two boats the same day in one sea with different tolls). Reports built by hand
(tests.test_resolve.Desk)."""

from __future__ import annotations

from strikewatch.records import Actor, Place
from strikewatch.resolve import counted
from strikewatch.resolve.features import features, hard_conflict
from strikewatch.resolve.linking import level_labels, pair_levels
from tests.test_resolve import PACIFIC, Desk, holding

PAKTIKA = Place(name="Paktika", kind="admin area", admin1="Paktika", country="AF",
                geo_precision=4, latitude=32.5, longitude=68.8)
BARMAL = Place(name="Barmal", kind="populated place", admin1="Paktika", country="AF",
               geo_precision=2, latitude=32.78, longitude=69.43)
URGUN = Place(name="Urgun", kind="populated place", admin1="Paktika", country="AF",
              geo_precision=2, latitude=32.94, longitude=69.18)
SHARANA = Place(name="Sharana", kind="populated place", admin1="Paktika", country="AF",
                geo_precision=2, latitude=33.14, longitude=68.3)
AFGHANISTAN = Place(name="Afghanistan", kind="country", country="AF", geo_precision=5,
                    latitude=33.0, longitude=65.0)
PK = Actor(name="Pakistani military", country="PK")
LAND = {"domain": "land", "target_kind": "building", "actor1": PK}


def _night(d: Desk, text: str, published: str, first: str, second: str, **fields: object
           ) -> object:
    """A report dated only to a night across two days (first..second)."""
    return d.report(text, published, date_low=first, date_high=second, time_precision=1,
                    **{**LAND, **fields})


def _day(d: Desk, text: str, published: str, day: str, **fields: object) -> object:
    return d.report(text, published, date=day, **{**LAND, **fields})


def _date_level(d: Desk, a: object, b: object) -> str:
    fa, fb = (features(m, d.articles[m.article_id]) for m in (a, b))  # type: ignore[attr-defined]
    return level_labels()["date"][pair_levels([(fa, fb)])[0]["date"]]


def test_a_night_across_two_days_is_the_same_day_as_either_of_them() -> None:
    d = Desk()
    night = _night(d, "Pakistani jets struck houses in Paktika overnight Saturday into "
                   "Sunday, local officials said.", "2026-02-22", "2026-02-21", "2026-02-22",
                   place=PAKTIKA)
    saturday = _day(d, "Airstrikes late on Saturday hit a village in Paktika province.",
                    "2026-02-22", "2026-02-21", place=PAKTIKA)
    sunday = _day(d, "Residents of Barmal said the bombing came in the early hours of "
                  "Sunday.", "2026-02-23", "2026-02-22", place=BARMAL)
    assert _date_level(d, night, saturday) == "same day"
    assert _date_level(d, night, sunday) == "same day"
    # two single days a day apart are still a day apart
    assert _date_level(d, saturday, sunday) != "same day"


def test_reports_of_one_night_raid_told_by_several_outlets_make_one_incident() -> None:
    d = Desk()
    a = _night(d, "Pakistani warplanes bombed several districts of Paktika overnight, the "
               "Taliban government's spokesman said on Sunday.", "2026-02-22", "2026-02-21",
               "2026-02-22", place=AFGHANISTAN)
    b = _day(d, "Afghan officials say Pakistani air raids on Saturday night struck homes in "
             "the eastern province of Paktika.", "2026-02-22", "2026-02-21", place=PAKTIKA)
    c = _night(d, "Strikes by Pakistan's air force hit Paktika in the night of 21-22 "
               "February, according to the provincial authorities.", "2026-02-23",
               "2026-02-21", "2026-02-22", place=PAKTIKA)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id == holding(incs, c).id
    assert len([i for i in incs if counted(i)]) == 1


def test_two_strikes_the_same_day_in_one_province_stay_two() -> None:
    d = Desk()
    a = _day(d, "A Pakistani drone strike killed three people in Barmal on Monday.",
             "2026-03-03", "2026-03-02", place=BARMAL, killed_low=3, killed_high=3)
    b = _day(d, "Seven were killed on Monday when Pakistani jets struck Sharana.",
             "2026-03-03", "2026-03-02", place=SHARANA, killed_low=7, killed_high=7)
    c = _day(d, "Local officials said three civilians died in Monday's drone strike in "
             "Barmal district.", "2026-03-04", "2026-03-02", place=BARMAL, killed_low=3,
             killed_high=3)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, c).id
    assert holding(incs, a).id != holding(incs, b).id


def test_a_night_report_with_no_toll_does_not_chain_two_strikes_of_its_nights() -> None:
    d = Desk()
    sat = _day(d, "A strike on Saturday killed three in Urgun, officials said.", "2026-03-08",
               "2026-03-07", place=URGUN, killed_low=3, killed_high=3)
    sun = _day(d, "On Sunday, eleven people died when jets hit a market in Sharana.",
               "2026-03-09", "2026-03-08", place=SHARANA, killed_low=11, killed_high=11)
    night = _night(d, "Pakistani aircraft struck Paktika overnight, the Taliban said.",
                   "2026-03-09", "2026-03-07", "2026-03-08", place=PAKTIKA)
    incs = d.resolve()
    assert holding(incs, sat).id != holding(incs, sun).id
    assert holding(incs, night).id in {holding(incs, sat).id, holding(incs, sun).id,
                                       holding(incs, night).id}
    assert len([i for i in incs if counted(i)]) >= 2


def test_two_boats_the_same_day_in_one_sea_with_different_tolls_stay_two() -> None:
    d = Desk()
    both = d.report("The U.S. struck two boats in the eastern Pacific on Monday. Four people "
                    "died on the first. Two died on the second.", "2026-02-17",
                    date="2026-02-16", place=PACIFIC, killed_low=4, killed_high=4)
    second = d.add(both.article_id, "Two died on the second.", date="2026-02-16",
                   place=PACIFIC, killed_low=2, killed_high=2)
    four = d.report("A U.S. strike on Monday killed four aboard a boat in the eastern "
                    "Pacific.", "2026-02-17", date="2026-02-16", place=PACIFIC, killed_low=4,
                    killed_high=4)
    two = d.report("Two men died on Monday when the U.S. hit another vessel in the eastern "
                   "Pacific, the command said.", "2026-02-18", date="2026-02-16",
                   place=PACIFIC, killed_low=2, killed_high=2)
    incs = d.resolve()
    assert holding(incs, four).id == holding(incs, both).id
    assert holding(incs, two).id == holding(incs, second).id
    assert holding(incs, four).id != holding(incs, two).id
    assert len([i for i in incs if counted(i)]) == 2


def test_a_sea_report_with_an_open_toll_still_joins_one_of_the_day_s_boats() -> None:
    d = Desk()
    three = d.report("Three people were killed when U.S. forces hit a boat in the Caribbean "
                     "on Thursday.", "2026-02-13", date="2026-02-12", killed_low=3,
                     killed_high=3)
    at_least = d.report("At least two died in Thursday's strike on a vessel in the Caribbean "
                        "Sea, the Pentagon said.", "2026-02-13", date="2026-02-12",
                        killed_low=2)
    incs = d.resolve()
    assert holding(incs, three).id == holding(incs, at_least).id


def test_a_toll_raised_in_a_later_report_on_land_still_joins() -> None:
    d = Desk()
    first = _day(d, "Two people were killed in an air raid on Barmal on Tuesday, a first "
                 "count said.", "2026-03-10", "2026-03-10", place=BARMAL, killed_low=2,
                 killed_high=2)
    later = _day(d, "The toll from Tuesday's air raid on Barmal rose to five, officials "
                 "said.", "2026-03-11", "2026-03-10", place=BARMAL, killed_low=5,
                 killed_high=5)
    f1, f2 = (features(m, d.articles[m.article_id])  # type: ignore[attr-defined]
              for m in (first, later))
    assert hard_conflict(f1, f2) is None
    incs = d.resolve()
    assert holding(incs, first).id == holding(incs, later).id


def test_an_at_least_toll_and_a_higher_one_of_one_raid_make_one_incident() -> None:
    d = Desk()
    a = _day(d, "At least 10 people were killed when Pakistani jets bombed Urgun on "
             "Friday.", "2026-03-14", "2026-03-13", place=URGUN, killed_low=10)
    b = _day(d, "Friday's bombing of Urgun killed 17, the district governor said.",
             "2026-03-15", "2026-03-13", place=URGUN, killed_low=17, killed_high=17)
    c = _day(d, "Seventeen civilians died in the Pakistani strike in Paktika's Urgun "
             "district on Friday, according to the UN.", "2026-03-16", "2026-03-13",
             place=URGUN, killed_low=17, killed_high=17)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id == holding(incs, c).id


PANJGUR = Place(name="Panjgur", kind="populated place", admin1="Balochistan", country="PK",
                geo_precision=2, latitude=26.96, longitude=64.09)
IR = Actor(name="Iranian forces", country="IR")
IRAN_LAND = {"domain": "land", "target_kind": "building", "actor1": IR}


def test_a_report_of_the_day_with_no_toll_joins_the_strike_told_across_midnight() -> None:
    d = Desk()
    tuesday = d.report("Iranian missiles and drones hit Panjgur on Tuesday night, killing two "
                       "children, in what Tehran called a strike on Jaish al-Adl hideouts.",
                       "2024-01-17", date="2024-01-16", place=PANJGUR, killed_low=2,
                       killed_high=2, **IRAN_LAND)
    no_toll = d.report("Pakistan condemned Tuesday's Iranian strike near Panjgur, which "
                       "Tehran said targeted Jaish al-Adl.", "2024-01-17", date="2024-01-16",
                       place=PANJGUR, **IRAN_LAND)
    wednesday = d.report("Two children were killed on Wednesday when Iranian drones struck "
                         "Jaish al-Adl hideouts in Panjgur, Pakistan said.", "2024-01-18",
                         date="2024-01-17", place=PANJGUR, killed_low=2, killed_high=2,
                         **IRAN_LAND)
    incs = d.resolve()
    assert holding(incs, tuesday).id == holding(incs, wednesday).id == holding(incs, no_toll).id


def test_a_day_off_report_with_another_toll_stays_out_of_the_strike_across_midnight() -> None:
    d = Desk()
    d.report("Iranian missiles and drones hit Panjgur on Tuesday night, killing two "
             "children, in what Tehran called a strike on Jaish al-Adl hideouts.",
             "2024-01-17", date="2024-01-16", place=PANJGUR, killed_low=2, killed_high=2,
             **IRAN_LAND)
    wednesday = d.report("Two children were killed on Wednesday when Iranian drones struck "
                         "Jaish al-Adl hideouts in Panjgur, Pakistan said.", "2024-01-18",
                         date="2024-01-17", place=PANJGUR, killed_low=2, killed_high=2,
                         **IRAN_LAND)
    other = d.report("Nine people died on Tuesday in another Iranian strike near Panjgur "
                     "on Jaish al-Adl, officials said.", "2024-01-17", date="2024-01-16",
                     place=PANJGUR, killed_low=9, killed_high=9, **IRAN_LAND)
    incs = d.resolve()
    assert holding(incs, other).id != holding(incs, wednesday).id

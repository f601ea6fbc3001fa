"""Open-dated reports placed in one town (strikewatch.resolve.attaching): a town struck on
the day a report names, or by two reports that nothing dates, is no campaign's repeated sea
and weekday, so a toll one inside the other ties them where a sea would need the very same
toll; reports a sea or a country apart, with tolls that differ, or with a third report
that could be either stay apart. Reports built by hand (tests.test_resolve.Desk)."""

from __future__ import annotations

import pytest

from strikewatch.records import Actor, Mention, Place
from strikewatch.resolve import counted
from strikewatch.resolve.attaching import Profile, _one_town_match, _one_town_pairs
from strikewatch.resolve.features import Features, place_features, same_locality
from tests.test_resolve import Desk, holding

# a market town and a village 12 km from it; a city 180 km away; all made up for the tests
TOWN = Place(name="Qarat Hamra", country="SY", geo_precision=1, latitude=36.35,
             longitude=37.52)
VILLAGE = Place(name="Tell Batin", country="SY", geo_precision=2, latitude=36.42,
                longitude=37.62)
CITY = Place(name="Dayr Sulaf", country="SY", geo_precision=1, latitude=35.33, longitude=39.02)
SYRIA = Place(name="Syria", country="SY", geo_precision=5, latitude=35.0, longitude=38.5)
TROOPS = Actor(name="US troops", country="US")
LAND = dict(domain="land", target_kind="building", actor1=TROOPS,
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")


def _raid(d: Desk, day: str, low: int, high: int, place: Place = TOWN) -> Mention:
    """A dated page's report of a raid on a house, its toll a range."""
    return d.report(f"Between {low} and {high} people were killed when US troops raided a "
                    f"house on {day}, a monitor said.", "2025-07-30", date=day, place=place,
                    killed_low=low, killed_high=high, **LAND)


def _undated(d: Desk, text: str, killed: int | None, place: Place | None = TOWN,
             **fields: object) -> Mention:
    """A report on a page with no publication date (a mirror, a blog's repost)."""
    toll = {"killed_low": killed, "killed_high": killed} if killed is not None else {}
    return d.report(text, None, place=place, **{**LAND, **toll, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "Three men died on Friday when American troops stormed a house, residents said.",
    "US forces killed three people in a pre-dawn raid on Friday, according to a local monitor.",
    "A father and his two sons were shot dead in Friday's operation by American soldiers.",
    "Friday: three killed as U.S. commandos hit a home on the edge of town (updated).",
])
def test_a_weekday_in_one_town_takes_the_strike_whose_toll_holds_its_own(text: str) -> None:
    d = Desk()
    friday = _raid(d, "2025-07-25", 1, 3)  # a Friday; the first count was "one to three"
    _raid(d, "2025-07-22", 1, 3, CITY)  # a Tuesday's raid 180 km away: not a Friday
    loose = _undated(d, text, 3)
    joined = holding(d.resolve(), loose)
    assert friday.id in joined.mention_ids
    assert joined.date_low == "2025-07-25"


def test_a_weekday_with_a_toll_only_inside_ties_nothing_beyond_one_town() -> None:
    d = Desk()
    _raid(d, "2025-07-25", 1, 3, SYRIA)  # the country only: a campaign's, not a town's
    loose = _undated(d, "Three men died on Friday when US troops raided a house.", 3)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]
    e = Desk()
    _raid(e, "2025-07-25", 1, 3, CITY)  # another town, 180 km off
    far = _undated(e, "Three men died on Friday when US troops raided a house.", 3)
    assert holding(e.resolve(), far).mention_ids == [far.id]
    f = Desk()
    _raid(f, "2025-07-25", 1, 2)  # the town, but a toll that does not hold three
    other = _undated(f, "Three men died on Friday when US troops raided a house.", 3)
    assert holding(f.resolve(), other).mention_ids == [other.id]


def _last_week(d: Desk, text: str, killed: int | None, place: Place = TOWN,
               **fields: object) -> Mention:
    """A dated page's report that gives no day of its own ("last week"): its window is the
    week before publication, and no dated report of the ledger lies in it."""
    toll = {"killed_low": killed, "killed_high": killed} if killed is not None else {}
    return d.report(text, "2025-12-08", place=place, **{**LAND, **toll, **fields})  # type: ignore[arg-type]


@pytest.mark.parametrize("first,second", [
    ("Five people died when a car bomb went off outside the police post, the mayor said.",
     "El sábado murieron cinco personas al estallar un coche bomba frente a la comandancia."),
    ("The blast at the checkpoint last week killed five, the state prosecutor said.",
     "Five were killed on Saturday when an explosive-laden vehicle hit a checkpoint."),
    ("A car bomb killed five people in the town, local media reported.",
     "Saturday's attack: 5 dead after a vehicle packed with explosives blew up (photos)."),
])
def test_an_undated_page_and_a_week_old_report_of_one_town_and_toll_are_one_strike(
        first: str, second: str) -> None:
    d = Desk()
    a = _last_week(d, first, 5, actor1=None, target_kind=None)
    b = _undated(d, second, 5, VILLAGE, actor1=None, target_kind=None)
    incs = d.resolve()
    assert holding(incs, a) is holding(incs, b)
    assert len([i for i in incs if counted(i)]) == 1


def test_undated_reports_of_one_town_stay_apart_without_a_day_or_tolls_to_tie_them() -> None:
    # the same town, no toll, no day: a salvo of rockets and a car struck there are two
    d = Desk()
    a = _last_week(d, "Rockets were fired from the outskirts of the town, the army said.", None)
    b = _undated(d, "A drone struck a car on the coastal road near the town.", None,
                 target_kind=None)
    incs = d.resolve()
    assert holding(incs, a) is not holding(incs, b)
    # tolls that differ, or another town: two strikes
    e = Desk()
    x = _last_week(e, "Five died when a car bomb exploded at the checkpoint.", 5)
    y = _undated(e, "On Saturday a car bomb killed two at the checkpoint.", 2)
    z = _undated(e, "Five died on Saturday when a car bomb exploded at a checkpoint.", 5, CITY)
    incs = e.resolve()
    assert len({holding(incs, m).id for m in (x, y, z)}) == 3
    # two undated pages, one town, one toll, but no day both name: a town struck again and
    # again repeats its tolls
    f = Desk()
    u = _undated(f, "Five died when a car bomb exploded at the checkpoint.", 5)
    v = _undated(f, "A car bomb killed five people at a checkpoint in the town.", 5, VILLAGE)
    incs = f.resolve()
    assert holding(incs, u) is not holding(incs, v)


def _profile(pid: str, window: tuple[int, int] | None, place: Place, killed: int | None,
             high: int | None = None) -> Profile:
    return Profile(id=pid, articles=frozenset({pid}), killed=(killed, high or killed) if killed
                   else None, actor_country="US", actor_name=None, target_kind="building",
                   domain="land", strikes=None, window=window, dated=False,
                   mentions=frozenset({pid}),
                   place=Features(unique_id=pid, article_id="", origin_id="", published=None,
                                  d_lo=None, d_hi=None, **place_features(place, None)))


def test_loosely_dated_reports_of_one_town_match_only_where_their_windows_meet() -> None:
    week = (20290, 20297)
    assert _one_town_match(_profile("a", week, TOWN, None), _profile("b", (20295, 20302),
                                                                     VILLAGE, 3))
    assert not _one_town_match(_profile("a", week, TOWN, 3), _profile("b", (20299, 20306),
                                                                      TOWN, 3))
    assert not _one_town_match(_profile("a", week, TOWN, 3), _profile("b", week, CITY, 3))
    assert not _one_town_match(_profile("a", week, SYRIA, 3), _profile("b", week, SYRIA, 3))


def test_same_locality_needs_two_precise_places_close_together() -> None:
    def feats(p: Place | None) -> Features:
        return Features(unique_id="x", article_id="", origin_id="", published=None, d_lo=None,
                        d_hi=None, **place_features(p, None))
    assert same_locality(feats(TOWN), feats(VILLAGE))
    assert not same_locality(feats(TOWN), feats(CITY))
    assert not same_locality(feats(TOWN), feats(SYRIA))
    assert not same_locality(feats(TOWN), feats(None))


def test_reports_of_one_town_that_all_match_each_other_join_as_one_group() -> None:
    week = (20290, 20297)
    a, b, c = (_profile("a", week, TOWN, 5), _profile("b", (20293, 20300), VILLAGE, 5),
               _profile("c", None, TOWN, 5))
    assert _one_town_pairs([a, b, c], None) == {"b": "a", "c": "a"}
    # "five or six" beside "five" and "six", which do not match: none joins
    five, either, six = (_profile("a", week, TOWN, 5), _profile("b", week, VILLAGE, 5, 6),
                         _profile("c", week, TOWN, 6))
    assert _one_town_pairs([five, either, six], None) == {}
    # a review that did not see two of them together keeps the group apart
    assert _one_town_pairs([a, b, c], lambda x, y: "c" not in (x.id, y.id)) == {}

"""One strike told by several pages joins one incident (strikewatch.resolve.attaching): a
wire story, an outlet's rewrite, a mirror that lost its date and a next day's update with a
higher toll; an open toll ("at least 43") meets a range its floor lies in; a count and its
later revision in one town are one strike. Two strikes of one day in one district, or one
toll in two towns, stay apart. Reports built by hand (tests.test_resolve.Desk), their
wording our own."""

from __future__ import annotations

from dataclasses import replace

import pytest

from strikewatch.records import Actor, Incident, Mention, Place, Source
from strikewatch.resolve import counted
from strikewatch.resolve.attaching import Profile, attachments, profile, tolls_meet
from strikewatch.resolve.features import Features, hard_conflict, place_features
from tests.test_resolve import Desk, holding

# a market town, a village 12 km from it, a city 180 km away, the country: made up
TOWN = Place(name="Qarat Hamra", country="SY", geo_precision=1, latitude=36.35,
             longitude=37.52)
VILLAGE = Place(name="Tell Batin", country="SY", geo_precision=1, latitude=36.42,
                longitude=37.62)
CITY = Place(name="Dayr Sulaf", country="SY", geo_precision=1, latitude=35.33, longitude=39.02)
AIR = Actor(name="Coalition aircraft", country="US")
LAND = dict(domain="land", target_kind="building", actor1=AIR,
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
DAY = "2025-08-09"  # a Saturday


def _told(d: Desk, text: str, published: str | None, killed: tuple[int, int | None],
          place: Place = TOWN, day: str | None = DAY, origin: str | None = None) -> Mention:
    fields: dict[str, object] = {**LAND, "place": place, "killed_low": killed[0],
                                 "killed_high": killed[1]}
    if day is not None:
        fields["date"] = day
    return d.report(text, published, origin, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("mirror, update", [
    ("Twelve people died on Saturday when coalition jets bombed a house in Qarat Hamra.",
     "The number killed in the weekend bombing of a home in Qarat Hamra has risen to 18."),
    ("Saturday's air raid on a family home in Qarat Hamra left 12 dead, medics say.",
     "Rescuers pulled more bodies from the rubble; the toll from the raid now stands at 18."),
    ("Residents buried twelve victims of Saturday's strike on a house (repost).",
     "UPDATE: 18 now confirmed dead after coalition aircraft hit a home in Qarat Hamra."),
])
def test_wire_rewrite_mirror_and_update_join_one_incident(mirror: str, update: str) -> None:
    d = Desk()
    wire = _told(d, "Coalition aircraft struck a house in Qarat Hamra on Saturday, killing "
                 "12 people, officials said.", "2025-08-10", (12, 12), origin="wire-9")
    rewrite = _told(d, "A strike on a home in the town of Qarat Hamra killed twelve on "
                    "Saturday, according to local officials.", "2025-08-10", (12, 12))
    undated = _told(d, mirror, None, (12, 12), day=None)  # a mirror: no date, no day
    later = _told(d, update, "2025-08-11", (18, 18), day=None)  # told the next day
    incs = d.resolve()
    one = holding(incs, wire)
    assert {wire.id, rewrite.id, undated.id, later.id} <= set(one.mention_ids)
    # (which toll the incident tells is merging's: three pages of 12 outvote one of 18 here)
    assert one.date_low == DAY and one.killed_low == 12 and counted(one)
    assert len([i for i in incs if counted(i)]) == 1


@pytest.mark.parametrize("second", [
    "In nearby Tell Batin, a second raid on Saturday killed five.",
    "Five more died the same Saturday when jets hit a farmhouse outside Tell Batin.",
    "Separately, five people were killed in Tell Batin on Saturday, medics said.",
])
def test_two_strikes_of_one_day_in_one_district_stay_two(second: str) -> None:
    d = Desk()
    town = _told(d, "Three were killed when coalition jets hit a house in Qarat Hamra on "
                 "Saturday.", "2025-08-10", (3, 3))
    village = _told(d, second, "2025-08-10", (5, 5), VILLAGE)  # 12 km off, its own toll
    mirror = _told(d, "Five died in Saturday's raid on a home in Tell Batin.", None, (5, 5),
                   VILLAGE, day=None)
    incs = d.resolve()
    assert holding(incs, town) is not holding(incs, village)
    assert mirror.id in holding(incs, village).mention_ids
    assert len([i for i in incs if counted(i)]) == 2


def _at(place: Place, killed: tuple[int, int]) -> Features:
    return Features(unique_id=place.name, article_id=place.name, origin_id="", published=None,
                    d_lo=20309, d_hi=20309, killed_lo=killed[0], killed_hi=killed[1],
                    **place_features(place, None))


def test_two_towns_with_two_tolls_cannot_link_but_one_town_spelled_twice_can() -> None:
    assert hard_conflict(_at(TOWN, (3, 3)), _at(VILLAGE, (5, 5))) is not None
    # tolls that share a figure, or one town under two spellings and points, or a place
    # known only to a district: no rule says two strikes
    assert hard_conflict(_at(TOWN, (3, 5)), _at(VILLAGE, (5, 5))) is None
    spelled = Place(name="Qaret Hamrah", country="SY", geo_precision=1, latitude=36.36,
                    longitude=37.53)
    assert hard_conflict(_at(TOWN, (3, 3)), _at(spelled, (5, 5))) is None
    district = Place(name="Tell Batin district", country="SY", geo_precision=3,
                     latitude=36.42, longitude=37.62)
    assert hard_conflict(_at(TOWN, (3, 3)), _at(district, (5, 5))) is None


def test_one_toll_in_two_towns_is_two_strikes() -> None:
    d = Desk()
    town = _told(d, "Four died as coalition aircraft struck a house in Qarat Hamra on "
                 "Saturday.", "2025-08-10", (4, 4))
    city = _told(d, "A Saturday air strike on a building in Dayr Sulaf killed four.",
                 "2025-08-10", (4, 4), CITY)
    mirror = _told(d, "Four people were killed on Saturday when a house in Qarat Hamra was "
                   "bombed.", None, (4, 4), day=None)
    incs = d.resolve()
    assert holding(incs, town) is not holding(incs, city)
    assert mirror.id in holding(incs, town).mention_ids
    assert mirror.id not in holding(incs, city).mention_ids


def test_an_open_toll_on_an_undated_page_joins_the_range_its_floor_lies_in() -> None:
    d = Desk()
    early = _told(d, "Coalition jets struck a house in Qarat Hamra on Saturday, killing 15, "
                  "officials said.", "2025-08-09", (15, 15))
    late = _told(d, "The toll from Saturday's raid on a home in Qarat Hamra rose to 40, "
                 "residents said.", "2025-08-10", (40, 40))
    mirror = _told(d, "At least 30 people were killed on Saturday when jets hit a house in "
                   "Qarat Hamra.", None, (30, None), day=None)
    incs = d.resolve()
    assert holding(incs, early) is holding(incs, late)
    assert mirror.id in holding(incs, early).mention_ids


def _profile(iid: str, killed: tuple[int, int | None], place: Place = TOWN,
             published: str | None = "2025-08-10", day: str | None = DAY) -> Profile:
    inc = Incident(id=iid, date_low=day, date_high=day, time_precision=1 if day else None,
                   killed_low=killed[0], killed_high=killed[1], domain="land",
                   target_kind="building", actor1=AIR, place=place,
                   sources=[Source(article_id="a-" + iid, published=published)],
                   mention_ids=["m-" + iid])
    p = profile(inc)
    assert p is not None
    return p


def test_an_open_toll_meets_a_range_its_floor_lies_in() -> None:
    ranged = _profile("D", (15, 76))
    assert tolls_meet(_profile("L", (43, None), day=None), ranged)
    assert not tolls_meet(_profile("L", (80, None), day=None), ranged)
    assert tolls_meet(_profile("L", (20, None), day=None), _profile("E", (30, None)))


def test_a_revised_toll_is_the_same_strike_only_when_told_later_in_one_place() -> None:
    first = _profile("D", (50, 50), published="2025-08-10")
    assert tolls_meet(_profile("L", (85, 120), published="2025-08-11", day=None), first)
    assert tolls_meet(_profile("L", (18, 18), published="2025-08-11", day=None),
                      _profile("E", (23, 23), published="2025-08-12"))
    # told earlier than the lower count: no revision of it
    assert not tolls_meet(_profile("L", (85, 85), published="2025-08-09", day=None), first)
    # an undated page tells no order; a small first count is no revision either
    assert not tolls_meet(_profile("L", (85, 85), published=None, day=None), first)
    assert not tolls_meet(_profile("L", (3, 3), published="2025-08-11", day=None),
                          _profile("D", (2, 2)))
    # beyond a revision, or a country for a place
    assert not tolls_meet(_profile("L", (130, 130), published="2025-08-11", day=None), first)
    syria = Place(name="Syria", country="SY", geo_precision=5, latitude=35.0, longitude=38.5)
    assert not tolls_meet(_profile("L", (85, 85), syria, "2025-08-11", None),
                          _profile("D", (50, 50), syria))
    # no dead against some is no revision
    assert not tolls_meet(_profile("L", (2, 2), published="2025-08-11", day=None),
                          _profile("D", (0, 0)))


def test_an_update_with_two_revisable_candidates_is_left_apart() -> None:
    update = _profile("L", (14, 14), published="2025-08-12", day=None)
    one, two = _profile("D1", (10, 10)), _profile("D2", (12, 12), VILLAGE)
    assert attachments([update, one]) == {"L": "D1"}
    assert attachments([update, one, two]) == {}
    told_after = replace(one, published=(20313, 20313))  # the first count came later
    assert attachments([update, told_after]) == {}


def test_a_town_inside_the_region_another_page_names_is_agreement() -> None:
    # made-up points: a town and the coastal strip around it
    town = Place(name="Khan Younis", country="PS", geo_precision=1, latitude=31.34,
                 longitude=34.30)
    strip = Place(name="Gaza Strip", country="PS", geo_precision=4, latitude=31.42,
                  longitude=34.36)
    week_later = _profile("L", (12, 12), strip, published="2025-08-12", day=None)
    assert attachments([week_later, _profile("D", (12, 12), town)]) == {"L": "D"}
    # the same toll in a town of another country is no candidate
    far = Place(name="Dayr Sulaf", country="SY", geo_precision=1, latitude=35.33,
                longitude=39.02)
    assert attachments([week_later, _profile("D", (12, 12), far)]) == {}

"""Resolution of reports as real copy gives them (issue 14): places that come from the
article's context, "international waters", a day's several strikes, open dates.

Mentions are built by hand (tests.test_resolve.Desk), each with its own wording.
"""

from __future__ import annotations

from strikewatch.records import Actor, Place
from strikewatch.resolve.features import (
    features,
    hard_conflict,
    linking_place,
    sea_key,
    zones,
)
from tests.test_resolve import Desk, holding

INTERNATIONAL = Place(name="international waters", kind="sea", geo_precision=6)
UNITED_STATES = Place(name="United States", country="US", kind="country", geo_precision=5,
                      latitude=39.8, longitude=-98.6)
SYRIA = Place(name="Syria", country="SY", kind="country", geo_precision=5, latitude=35.0,
              longitude=38.5)


def test_international_waters_name_no_sea() -> None:
    assert sea_key(INTERNATIONAL) is None
    assert sea_key(Place(name="Caribbean Sea", kind="sea", geo_precision=6)) == "caribbean"
    assert sea_key(Place(name="Gulf of Aden", kind="sea", geo_precision=6)) == "aden"


def test_a_strike_in_international_waters_links_to_the_same_strike_in_its_sea() -> None:
    d = Desk()
    a = d.report("Three men aboard a drug boat died when US forces struck it in international "
                 "waters on Thursday.", "2026-03-06", date="2026-03-05", killed_low=3,
                 killed_high=3, place=INTERNATIONAL)
    b = d.report("A US military strike on a Caribbean vessel on Thursday killed all three "
                 "people aboard.", "2026-03-06", date="2026-03-05", killed_low=3,
                 killed_high=3)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id
    assert len(incs) == 1


def test_a_boat_strike_placed_in_a_country_from_context_still_links() -> None:
    d = Desk()
    # the extractor took "United States" (the announcing side) as the place of a strike at sea
    a = d.report("The United States said its forces hit a narcotics vessel on Friday, killing "
                 "four.", "2026-04-11", date="2026-04-10", killed_low=4, killed_high=4,
                 place=UNITED_STATES)
    b = d.report("Four people were killed on Friday when a US strike destroyed a boat in the "
                 "Caribbean.", "2026-04-11", date="2026-04-10", killed_low=4, killed_high=4)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id
    assert linking_place(a) is None and linking_place(b) == b.place
    # the incident is placed where the reports put the event, not in the more "precise"
    # country the context gave
    place = holding(incs, a).place
    assert place is not None and place.name == "Caribbean Sea"
    # alone, the context's place is still kept (better than none)
    alone = Desk()
    c = alone.report("The United States said it hit a drug boat, killing two.", "2026-04-20",
                     date="2026-04-19", killed_low=2, killed_high=2, place=UNITED_STATES)
    assert holding(alone.resolve(), c).place == UNITED_STATES


def test_the_acting_partys_own_country_is_not_a_place_to_compare() -> None:
    d = Desk()
    land: dict[str, object] = dict(domain="land", target_kind="person",
                                   sub_event_type="Air/drone strike")
    a = d.report("A US drone strike killed a senior militant leader in Syria on Monday.",
                 "2026-05-12", date="2026-05-11", killed_low=1, killed_high=1, place=SYRIA,
                 **land)
    b = d.report("American officials in Washington said their drone killed the commander "
                 "on Monday.", "2026-05-12", date="2026-05-11", killed_low=1, killed_high=1,
                 place=UNITED_STATES, **land)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id
    # a place that is not the actor's country is kept
    assert linking_place(a) == SYRIA


def test_strikes_on_consecutive_days_without_a_toll_to_tie_them_stay_apart() -> None:
    d = Desk()
    thu = d.report("US forces struck a semi-submersible in the Caribbean on Thursday; two "
                   "died.", "2026-10-17", date="2026-10-16", killed_low=2, killed_high=2)
    thu2 = d.report("Thursday's US attack on a submarine in the Caribbean left survivors.",
                    "2026-10-18", date="2026-10-16")
    fri = d.report("Another American strike on a Caribbean boat followed on Friday.",
                   "2026-10-18", date="2026-10-17")
    fri2 = d.report("The Pentagon said Friday's strike in the Caribbean killed three.",
                    "2026-10-19", date="2026-10-17", killed_low=3, killed_high=3)
    # a report dated only to "this week" links to both days and must not chain them
    d.report("Survivors of a lethal US strike this week on a Caribbean submarine were sent "
             "home.", "2026-10-18", date_low="2026-10-13", date_high="2026-10-18",
             time_precision=2)
    incs = d.resolve()
    assert holding(incs, thu).id == holding(incs, thu2).id
    assert holding(incs, fri).id == holding(incs, fri2).id
    assert holding(incs, thu).id != holding(incs, fri).id
    feats = {m.id: features(m, d.articles[m.article_id]) for m in (thu, thu2, fri, fri2)}
    # one day apart with nothing to tie them: never one incident, however alike the wording
    assert hard_conflict(feats[thu2.id], feats[fri.id]) == "another day, and no toll to tie them"
    assert hard_conflict(feats[thu.id], feats[fri2.id]) is not None  # 2 killed vs 3 killed


def test_one_strike_told_a_day_apart_across_time_zones_links_on_its_toll() -> None:
    d = Desk()
    a = d.report("A US drone strike on Saturday night killed the group's leader in Kabul, "
                 "officials in Washington said.", "2026-08-01", date="2026-07-31",
                 killed_low=1, killed_high=1, domain="land", target_kind="person",
                 place=Place(name="Kabul", country="AF", geo_precision=1, latitude=34.53,
                             longitude=69.17))
    b = d.report("The leader died when a US drone hit a house in Kabul early on Sunday, "
                 "residents said.", "2026-08-02", date="2026-08-01", killed_low=1,
                 killed_high=1, domain="land", target_kind="person",
                 place=Place(name="Kabul", country="AF", geo_precision=1, latitude=34.53,
                             longitude=69.17))
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id


def test_a_report_naming_only_the_actor_meets_one_naming_only_the_place() -> None:
    d = Desk()
    ng = Place(name="Nigeria", country="NG", kind="country", geo_precision=5,
               latitude=9.1, longitude=8.7)
    a = d.report("A military drone hit a village gathering in Nigeria on Sunday.",
                 "2026-12-04", date="2026-12-03", place=ng, actor1=None, domain="land",
                 target_kind="group")
    b = d.report("The Nigerian army admitted its drone struck the gathering by mistake.",
                 "2026-12-05", place=None, actor1=Actor(name="Nigerian army", country="NG"),
                 domain="land", target_kind="group")
    fa, fb = (features(m, d.articles[m.article_id]) for m in (a, b))
    assert set(fa.block_keys) & set(fb.block_keys)
    assert zones(None, None, Actor(name="Nigerian army", country="NG")) == ["country:NG"]



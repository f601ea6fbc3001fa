"""Attaching a loose (undated) incident to the one dated incident it can be
(strikewatch.resolve.attaching), on reports built by hand: an undated page's report of a
toll and a sea joins the only dated strike that agrees, and stays apart when two could be
it, when its toll contradicts, or when a person reviewed it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from strikewatch import pipeline
from strikewatch.records import Actor, Incident, Mention, Place, Review
from strikewatch.resolve import counted
from strikewatch.resolve.attaching import (
    attachments,
    plausible,
    profiles,
    review_guard,
    targets_compatible,
)
from strikewatch.store import IncidentQuery, open_store
from strikewatch.store.sql import SqlStore
from tests.test_pipeline_incremental import ledger
from tests.test_resolve import PACIFIC, Desk, holding


def _undated(d: Desk, killed: int, **fields: object) -> Mention:
    # a page with no publication date: no window, so clustering never compares it
    return d.report(f"A strike on a suspected drug boat killed {killed} people, officials said.",
                    None, killed_low=killed, killed_high=killed, **fields)  # type: ignore[arg-type]


def _dated(d: Desk, day: str, killed: int, **fields: object) -> Mention:
    return d.report(f"On {day} the Pentagon announced that {killed} were killed aboard a "
                    "vessel it destroyed in the Caribbean.", "2025-11-20", date=day,
                    killed_low=killed, killed_high=killed, **fields)


def test_an_undated_report_joins_the_one_dated_strike_that_agrees() -> None:
    d = Desk()
    dated = _dated(d, "2025-11-10", 3)
    other_sea = _dated(d, "2025-11-12", 3, place=PACIFIC)  # agrees on toll, not on sea
    loose = _undated(d, 3)
    incs = d.resolve()
    joined = holding(incs, loose)
    assert dated.id in joined.mention_ids and counted(joined)
    assert joined.date_low == "2025-11-10" and (joined.killed_low, joined.killed_high) == (3, 3)
    assert other_sea.id not in joined.mention_ids
    assert len([i for i in incs if counted(i)]) == 2


def test_two_dated_candidates_leave_it_apart() -> None:
    d = Desk()
    first = _dated(d, "2025-11-02", 3)
    second = _dated(d, "2025-11-09", 3)
    loose = _undated(d, 3)
    incs = d.resolve()
    alone = holding(incs, loose)
    assert alone.mention_ids == [loose.id] and alone.date_low is None
    assert holding(incs, first) is not holding(incs, second)


def test_a_contradicting_toll_leaves_it_apart() -> None:
    d = Desk()
    _dated(d, "2025-11-10", 3)
    loose = _undated(d, 5)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_an_undated_report_of_a_dated_page_joins_only_within_its_week() -> None:
    d = Desk()
    early = _dated(d, "2025-11-01", 4)  # three weeks before the undated page
    loose = d.report("Four people died when US forces struck a boat, the ministry said.",
                     "2025-11-24", killed_low=4, killed_high=4)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]
    inside = _dated(d, "2025-11-21", 4)
    joined = holding(d.resolve(), loose)
    assert inside.id in joined.mention_ids and early.id not in joined.mention_ids


def test_a_review_keeps_its_incident_as_it_saw_it() -> None:
    d = Desk()
    dated = _dated(d, "2025-11-10", 3)
    loose = _undated(d, 3)
    alone = Review(action="reject", incident_id="x", user="ed", at="2026-06-01T00:00:00Z",
                   before={"mention_ids": [loose.id]})
    incs = d.resolve([alone])
    # the rejection of the lone report does not land on the dated strike
    assert holding(incs, loose).mention_ids == [loose.id] and holding(incs, loose).reviewed
    assert counted(holding(incs, dated)) and not holding(incs, dated).reviewed
    joined = holding(d.resolve(), loose)
    seen = Review(action="edit", incident_id=joined.id, user="ed", at="2026-06-01T00:00:01Z",
                  payload={"fields": {"killed_high": 4}},
                  before={"mention_ids": joined.mention_ids})
    kept = holding(d.resolve([seen]), loose)  # a review of the joined incident keeps it
    assert dated.id in kept.mention_ids and kept.killed_high == 4 and kept.reviewed


def test_attachments_need_exactly_one_candidate() -> None:
    def inc(iid: str, day: str | None, killed: int, sea: str = "Caribbean Sea") -> Incident:
        from strikewatch.records import Place, Source
        return Incident(id=iid, date_low=day, date_high=day, time_precision=1 if day else None,
                        killed_low=killed, killed_high=killed, domain="sea",
                        place=Place(name=sea, kind="sea", geo_precision=6),
                        sources=[Source(article_id="a-" + iid)], mention_ids=["m-" + iid])
    loose = inc("L", None, 2)
    assert attachments(profiles([loose, inc("D1", "2025-10-01", 2)])) == {"L": "D1"}
    assert attachments(profiles([loose, inc("D1", "2025-10-01", 2),
                                 inc("D2", "2025-10-07", 2)])) == {}
    assert attachments(profiles([loose, inc("D1", "2025-10-01", 2, "Pacific Ocean")])) == {}
    # a review that saw the candidate alone: no join, and no second candidate either
    review = Review(action="edit", incident_id="D1", user="ed", at="2026-06-01T00:00:00Z",
                    before={"mention_ids": ["m-D1"]})
    both = profiles([loose, inc("D1", "2025-10-01", 2), inc("D2", "2025-10-03", 2, "Pacific")])
    assert attachments(both, review_guard([review])) == {}
    assert attachments(both) == {"L": "D1"}


def test_the_streamed_resolver_attaches_as_the_in_memory_one(db_url: str,
                                                              tmp_path: Path) -> None:
    d = Desk()
    dated = _dated(d, "2025-11-10", 3)
    loose = _undated(d, 3)
    twin_a, twin_b = _dated(d, "2025-11-02", 6), _dated(d, "2025-11-05", 6)
    ambiguous = _undated(d, 6)
    store = open_store(db_url)
    assert isinstance(store, SqlStore)
    try:
        for art in d.articles.values():
            store.add_article(art)
            store.replace_mentions(art.id, [m for m in d.mentions if m.article_id == art.id])
        # a rejection of one twin, seen alone: it stays a candidate, so nothing changes
        store.add_review(Review(action="reject", incident_id="gone", user="ed",
                                at="2026-06-01T00:00:00Z", before={"mention_ids": [twin_a.id]}))
        pipeline.update_ledger(store, from_scratch=True)
        expected = ledger(store)
        incs = store.incidents(IncidentQuery(limit=0))
        assert sorted(holding(incs, loose).mention_ids) == sorted([dated.id, loose.id])
        assert holding(incs, ambiguous).mention_ids == [ambiguous.id]
        assert holding(incs, twin_b).mention_ids == [twin_b.id]
        pipeline.resolve_archive(store, workdir=tmp_path)
        assert ledger(store) == expected
    finally:
        store.close()


def _boat(iid: str, day: str | None, killed: tuple[int, int] | None,
          published: str | None = None, sea: str | None = "Eastern Pacific") -> Incident:
    """A strike on a boat as one incident: a day (or none), a toll (or none), a sea."""
    from strikewatch.records import Place, Source
    return Incident(id=iid, date_low=day, date_high=day, time_precision=1 if day else None,
                    killed_low=killed[0] if killed else None,
                    killed_high=killed[1] if killed else None, domain="sea",
                    place=Place(name=sea, kind="sea", geo_precision=6) if sea else None,
                    actor1=Actor(name="US military", country="US"),
                    sources=[Source(article_id="a-" + iid, published=published)],
                    mention_ids=["m-" + iid])


def test_a_toll_tells_apart_the_strikes_of_one_window() -> None:
    # three boats hit in one sea on one day, reported with tolls 7-8, 3-4 and 2-3; a page
    # of the next day says only "eight were killed" or "four were killed": the one strike
    # whose toll holds it is the one, the others' tolls rule them out
    day = [_boat("D8", "2025-10-27", (7, 8)), _boat("D4", "2025-10-27", (3, 4)),
           _boat("D3", "2025-10-27", (2, 3))]
    eight = _boat("L8", None, (8, 8), published="2025-10-28", sea=None)
    four = _boat("L4", None, (4, 4), published="2025-10-28", sea=None)
    assert attachments(profiles([*day, eight, four])) == {"L8": "D8", "L4": "D4"}
    # "three were killed" fits two of them: left apart
    three = _boat("L3", None, (3, 3), published="2025-10-28", sea=None)
    assert attachments(profiles([*day, three])) == {}
    # a candidate with no toll could be it with any toll: left apart
    untold = _boat("DX", "2025-10-26", None)
    assert attachments(profiles([*day, untold, eight])) == {}
    # "at least eight" states no closed toll to tell them apart with
    at_least = _boat("L+", None, (8, 8), published="2025-10-28", sea=None)
    at_least = at_least.model_copy(update={"killed_high": None})
    assert attachments(profiles([*day, at_least])) == {}


def test_the_very_same_toll_range_picks_among_tolls_that_hold_it() -> None:
    # no date, no publication date: a toll and a sea only; of the strikes in that sea whose
    # tolls hold "two or three", one was reported as exactly that
    ledger = [_boat("D23", "2025-10-27", (2, 3)), _boat("D3", "2026-02-20", (3, 3)),
              _boat("D2", "2026-01-23", (2, 2))]
    loose = _boat("L", None, (2, 3))
    assert attachments(profiles([*ledger, loose])) == {"L": "D23"}
    # a report of exactly two holds in D23 and D2 alike, and is the same as D2's only;
    # with a second "two" in the ledger, nothing tells them apart
    two = _boat("L2", None, (2, 2))
    assert attachments(profiles([*ledger, two])) == {"L2": "D2"}
    assert attachments(profiles([*ledger, _boat("D2b", "2026-02-05", (2, 2)), two])) == {}


IDLIB = Place(name="Idlib", kind="populated place", country="SY", geo_precision=3, latitude=35.93,
              longitude=36.63)


def _land(d: Desk, text: str, published: str | None, target: str, **fields: object
          ) -> Mention:
    return d.report(text, published, place=IDLIB, domain="land",  # type: ignore[arg-type]
                    target_kind=target, killed_low=2, killed_high=2, **fields)


def test_a_person_killed_joins_the_strike_on_the_building_they_were_in() -> None:
    # "a commander was killed" (person) and "a house was struck" (building): one strike told
    # at two grains, not two strikes
    # on an undated page, told with the names the dated report gives (attaching's words)
    d = Desk()
    house = _land(d, "On 2025-11-10 a US strike destroyed a house in Sarmada near Atmeh, "
                  "killing Hurras commanders Zarqawi and Qahtani.", "2025-11-11", "building",
                  date="2025-11-10")
    leader = _land(d, "Hurras commanders Zarqawi and Qahtani died in a US strike in Sarmada.",
                   None, "person")
    assert house.id in holding(d.resolve(), leader).mention_ids


def test_a_vehicle_is_no_finer_grain_of_a_building() -> None:
    # drone strikes on cars in one province are other strikes than the house struck
    d = Desk()
    house = _land(d, "On 2025-11-10 a US strike destroyed a house in Idlib, killing two.",
                  "2025-11-11", "building", date="2025-11-10")
    (p,) = profiles([holding(d.resolve(), house)])
    kinds = {k: replace(p, target_kind=k) for k in ("building", "facility", "person",
                                                    "group", "vehicle")}
    assert targets_compatible(kinds["person"], kinds["building"])
    assert targets_compatible(kinds["person"], kinds["group"])
    assert targets_compatible(kinds["facility"], kinds["building"])
    assert not targets_compatible(kinds["vehicle"], kinds["building"])
    assert not targets_compatible(kinds["vehicle"], kinds["person"])
    assert not targets_compatible(kinds["group"], kinds["building"])


def _hit(d: Desk, text: str, published: str | None, target: str, killed: int,
         **fields: object) -> Mention:
    return d.report(text, published, place=IDLIB, domain="land",  # type: ignore[arg-type]
                    target_kind=target, killed_low=killed, killed_high=killed, **fields)


def test_the_very_same_telling_toll_outweighs_what_each_report_says_was_hit() -> None:
    # a dated "truck struck, seven killed" and an undated page's "a depot was bombed,
    # seven dead": each read its target from another sentence; the count told alike (five
    # or more) ties them where a vehicle and a building alone would keep them apart
    d = Desk()
    truck = _hit(d, "On 2025-11-10 a drone hit a fuel truck in Idlib, killing seven.",
                 "2025-11-11", "vehicle", 7, date="2025-11-10")
    depot = _hit(d, "The depot was bombed and seven people died, medics said.", None,
                 "building", 7)
    assert truck.id in holding(d.resolve(), depot).mention_ids
    (t, b) = profiles([holding(d.resolve(), truck)]) * 2
    b = replace(b, target_kind="building", dated=False, window=None, articles=frozenset())
    assert plausible(b, t)
    # a small toll is what a campaign repeats; another toll, or one open, ties nothing
    for killed in ((3, 3), (7, 8), (7, None)):
        assert not plausible(replace(b, killed=killed), replace(t, killed=killed[:1] * 2))
    # two undated reports take a larger count (MIN_PAIRED_TOLL) to be tied this way
    assert not plausible(b, replace(t, dated=False, window=None))
    assert plausible(replace(b, killed=(12, 12)),
                     replace(t, dated=False, window=None, killed=(12, 12)))


def test_a_report_with_no_toll_or_place_joins_the_one_strike_its_details_name() -> None:
    # "the vessel was operated by ..." on an undated page: no toll, no place, yet the names
    # it is told with are held by one dated strike's reports and no other's
    d = Desk()
    told = d.report("On 2025-11-10 Southcom said the semisubmersible out of Buenaventura, "
                    "crewed by Tren de Aragua smugglers, was destroyed.", "2025-11-11",
                    date="2025-11-10", killed_low=3, killed_high=3)
    other = d.report("On 2025-11-12 Southcom said a speedboat near Trinidad was destroyed.",
                     "2025-11-13", date="2025-11-12", killed_low=2, killed_high=2)
    loose = d.report("The semisubmersible, which left Buenaventura, was operated by Tren de "
                     "Aragua, the ministry said.", None, place=None)
    incs = d.resolve()
    joined = holding(incs, loose)
    assert told.id in joined.mention_ids and other.id not in joined.mention_ids
    assert joined.killed_low == 3


def test_a_report_naming_one_country_as_actor_and_hit_is_any_strike_involving_it() -> None:
    # "US strike kills American troops" (the victims' side read as the actor too): its
    # actor is no evidence against the report that names the militia that struck them,
    # but it must still be a strike involving the United States
    d = Desk()
    one = _land(d, "On 2025-11-10 a US strike destroyed a house in Idlib, killing two.",
                "2025-11-11", "building", date="2025-11-10")
    (p,) = profiles([holding(d.resolve(), one)])
    mixed = replace(p, actor_country=None, roles_country="US", target_country="US")
    militia = replace(p, actor_country="IQ", actor_name="kataib hezbollah",
                      target_country="US", articles=frozenset({"other page"}))
    other = replace(p, actor_country="NG", actor_name="army", target_country=None,
                    place=replace(p.place, country="NG"), articles=frozenset({"third page"}))
    assert plausible(mixed, militia) and plausible(militia, mixed)
    assert not plausible(mixed, other) and not plausible(other, mixed)
    # two such reports with different names for the one party are not told apart by them
    troops = _land(d, "On 2025-11-12 a US strike hit American troops in Idlib, killing two.",
                   "2025-11-13", "building", date="2025-11-12",
                   actor2=Actor(name="American troops", country="US"))
    (read,) = profiles([holding(d.resolve(), troops)])
    assert (read.roles_country, read.actor_country) == ("US", None)
    assert plausible(mixed, replace(mixed, actor_name="u.s. military",
                                    articles=frozenset({"fourth page"})))

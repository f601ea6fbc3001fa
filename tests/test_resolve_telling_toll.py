"""An undated page's report that names no place and no day (strikewatch.resolve.attaching):
a toll of five or more dead that only one dated strike of its zone (its acting country)
holds (a closed toll: "18 to 20", not "at least 16") places it on that strike; a small
toll, an open one, or a toll two strikes of the zone hold leaves it apart. Two such
reports that no dated strike holds join on a toll of ten or more, which an open toll holds
only as its very floor ("at least 19", not "at least 6"). Reports built by hand
(tests.test_resolve.Desk)."""

from __future__ import annotations

import pytest

from strikewatch.records import Actor, Mention, Place
from strikewatch.resolve import counted
from strikewatch.resolve.attaching import (
    MIN_PAIRED_TOLL,
    MIN_TELLING_TOLL,
    Profile,
    _holding_telling_toll,
)
from strikewatch.resolve.features import Features, place_features
from tests.test_resolve import Desk, holding

# a made-up district of a made-up country's north
NORTH = Place(name="Wadi Karsa", country="NG", geo_precision=4, latitude=12.0,
              longitude=6.4)
JETS = Actor(name="the air force", country="NG")
LAND = dict(domain="land", target_kind="building", actor1=JETS,
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")


def _dated(d: Desk, day: str, low: int, high: int | None) -> Mention:
    return d.report(f"Air force jets bombed a settlement in Wadi Karsa on {day}, killing "
                    f"{low} people, officials said.", day, date=day, place=NORTH,
                    killed_low=low, killed_high=high, **LAND)


def _undated(d: Desk, text: str, low: int, high: int | None) -> Mention:
    """A page with no publication date that names neither a place nor a day."""
    return d.report(text, None, place=None, killed_low=low, killed_high=high,  # type: ignore[arg-type]
                    **LAND)


@pytest.mark.parametrize("text", [
    "Twenty villagers died when military aircraft struck the settlement, elders said.",
    "An air raid on a gathering left 20 dead, according to a rights group.",
    "The bombing killed twenty civilians, among them children, a local official said.",
])
def test_a_telling_toll_places_an_undated_report_on_its_zones_one_strike(text: str) -> None:
    d = Desk()
    strike = _dated(d, "2025-03-10", 18, 20)
    _dated(d, "2025-02-02", 3, 3)  # another strike of the campaign, three dead
    loose = _undated(d, text, 20, 20)
    incs = d.resolve()
    joined = holding(incs, loose)
    assert strike.id in joined.mention_ids
    assert joined.date_low == "2025-03-10"
    assert len([i for i in incs if counted(i)]) == 2


def test_a_small_open_or_shared_toll_leaves_the_report_apart() -> None:
    text = "Military aircraft struck the settlement, elders said, and the dead were buried."
    # four dead: a campaign's strikes repeat such tolls
    d = Desk()
    _dated(d, "2025-03-10", 4, 4)
    small = _undated(d, text, 4, 4)
    assert holding(d.resolve(), small).mention_ids == [small.id]
    # "at least 20": a floor, no telling toll; nor is a candidate's "at least 16", which
    # holds another strike's twenty as well
    for loose, dated in (((20, None), (18, 20)), ((20, 20), (16, None))):
        e = Desk()
        _dated(e, "2025-03-10", *dated)
        floor = _undated(e, text, *loose)
        assert holding(e.resolve(), floor).mention_ids == [floor.id]
    # two strikes of the zone whose tolls hold twenty, one of them only "at least 16":
    # either could be it
    for other in ((20, 25), (16, None)):
        f = Desk()
        _dated(f, "2025-03-10", 18, 20)
        _dated(f, "2025-01-21", *other)
        either = _undated(f, text, 20, 20)
        assert holding(f.resolve(), either).mention_ids == [either.id]


def _profile(pid: str, killed: tuple[int, int | None] | None) -> Profile:
    return Profile(id=pid, articles=frozenset({pid}), killed=killed, actor_country="NG",
                   actor_name=None, target_kind=None, domain="land", strikes=None,
                   window=None, dated=False, mentions=frozenset({pid}),
                   place=Features(unique_id=pid, article_id="", origin_id="", published=None,
                                  d_lo=None, d_hi=None, **place_features(None, None)))


def test_only_a_closed_toll_of_the_telling_size_holds_candidates() -> None:
    cands = [_profile("a", (16, None)), _profile("b", (5, 8)), _profile("c", None),
             _profile("d", (18, 22))]
    n = MIN_TELLING_TOLL
    assert [c.id for c in _holding_telling_toll(_profile("x", (20, 20)), cands[1:])] == ["d"]
    # "at least 16" holds twenty too: it may be the strike, so twenty tells nothing
    assert _holding_telling_toll(_profile("x", (20, 20)), cands) == []
    assert [c.id for c in _holding_telling_toll(_profile("x", (n, n)), cands)] == ["b"]
    assert _holding_telling_toll(_profile("x", (n - 1, n - 1)), cands) == []
    assert _holding_telling_toll(_profile("x", (20, None)), cands) == []
    assert _holding_telling_toll(_profile("x", None), cands) == []


@pytest.mark.parametrize("first,second", [
    ("Nineteen villagers died when military aircraft struck the settlement.",
     "Between 19 and 30 people were killed in the air raid, a rights group said."),
    ("An air raid on a gathering left 19 dead, according to elders.",
     "The bombing killed nineteen civilians, the local council said."),
])
def test_two_undated_reports_of_one_telling_toll_are_one_strike(first: str,
                                                                second: str) -> None:
    d = Desk()
    _dated(d, "2025-02-02", 3, 3)  # another strike of the campaign
    high = 30 if "30" in second else 19
    a, b = _undated(d, first, 19, 19), _undated(d, second, 19, high)
    incs = d.resolve()
    assert holding(incs, a) is holding(incs, b)
    assert len([i for i in incs if counted(i)]) == 2


def test_undated_reports_of_a_toll_a_dated_strike_holds_or_a_third_could_be_stay_apart(
        ) -> None:
    first = "Nineteen villagers died when military aircraft struck the settlement."
    second = "Between 19 and 30 people were killed in the air raid, a rights group said."
    # a dated "at least 12" could be their strike: nothing tells
    d = Desk()
    _dated(d, "2025-02-02", 12, None)
    a, b = _undated(d, first, 19, 19), _undated(d, second, 19, 30)
    incs = d.resolve()
    assert holding(incs, a) is not holding(incs, b)
    # a third report that the second matches and the first does not: all apart
    e = Desk()
    x, y = _undated(e, first, 19, 19), _undated(e, second, 19, 30)
    z = _undated(e, "Twenty-five to thirty died in the raid, a monitor said.", 25, 30)
    incs = e.resolve()
    assert len({holding(incs, m).id for m in (x, y, z)}) == 3
    # six and six: a telling toll beside a dated strike, but a town struck again and again
    # repeats it, and two undated reports have nothing else to tie them
    assert MIN_TELLING_TOLL <= 6 < MIN_PAIRED_TOLL
    f = Desk()
    u = _undated(f, "Six villagers died when military aircraft struck the settlement.", 6, 6)
    v = _undated(f, "The bombing killed six civilians, the local council said.", 6, 6)
    incs = f.resolve()
    assert holding(incs, u) is not holding(incs, v)


@pytest.mark.parametrize("floor, joined", [(19, True), (6, False), (12, False)])
def test_an_open_toll_pairs_an_undated_report_only_by_its_very_figure(floor: int,
                                                                      joined: bool) -> None:
    d = Desk()
    _dated(d, "2025-02-02", 3, 3)  # another strike of the campaign
    a = _undated(d, "Nineteen villagers died when military aircraft struck the settlement.",
                 19, 19)
    b = _undated(d, f"An air raid on a family house left at least {floor} dead, a relative "
                 "said.", floor, None)
    incs = d.resolve()
    assert (holding(incs, a) is holding(incs, b)) is joined


def test_a_hedge_of_the_very_figure_tells_that_figure() -> None:
    n = MIN_TELLING_TOLL + 20
    cands = [_profile("open", (n, None)), _profile("range", (n - 2, n + 2)),
             _profile("other", (n + 7, n + 7))]
    # "at least N" beside a dated "N killed" or "at least N": one count told two ways
    assert [c.id for c in _holding_telling_toll(_profile("x", (n, None)),
                                                [cands[0], cands[2]])] == ["open"]
    assert [c.id for c in _holding_telling_toll(_profile("x", (n, None)),
                                                [_profile("same", (n, n)), cands[2]])] == ["same"]
    # a range tells no one figure; a floor below it holds higher counts of other strikes
    assert _holding_telling_toll(_profile("x", (n, None)), cands[1:]) == []
    assert _holding_telling_toll(_profile("x", (n, n)), [_profile("low", (n - 5, None))]) == []
    # "N killed" beside "at least N": that figure, so the open toll no longer blurs it
    assert [c.id for c in _holding_telling_toll(_profile("x", (n, n)),
                                                [cands[0], cands[2]])] == ["open"]
    # two hold it: both returned, which leaves the report apart (or to its words)
    assert [c.id for c in _holding_telling_toll(_profile("x", (n, n)), cands)] == \
        ["open", "range"]
    # a small hedged toll is what a campaign repeats
    small = MIN_TELLING_TOLL - 1
    assert _holding_telling_toll(_profile("x", (small, None)),
                                 [_profile("s", (small, small))]) == []

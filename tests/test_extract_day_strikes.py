"""Several boat strikes told together ("three strikes on four boats on Monday, killing 14")
are that many incidents, each with its rank so the resolver keeps one report's strikes
apart and pairs each with one strike of another report of that day (day_strikes,
features.hard_conflict); one strike on two boats stays one incident."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention
from strikewatch.resolve import counted, resolve


def _events(text: str, published: str = "2025-10-29") -> list[Mention]:
    art = Article(text=text, published=published)
    return [m for m in extract(art) if m.kind == "event" and m.status == "occurred"]


def test_three_strikes_on_four_boats_are_three_incidents_with_their_tolls() -> None:
    ev = _events("U.S. forces carried out three lethal strikes on four boats in the "
                 "Eastern Pacific on Monday, killing 12 people, the Pentagon said. "
                 "Four men were on each boat.")
    assert len(ev) == 3
    assert sorted(m.series_rank or 0 for m in ev) == [1, 2, 3]
    # the day's toll belongs to no single strike; the toll told per boat does
    assert all(m.killed_low == m.killed_high == 4 for m in ev)


def test_a_day_toll_with_no_per_boat_toll_gives_no_strike_a_toll() -> None:
    ev = _events("The military said it conducted two strikes on two vessels in the "
                 "Caribbean on Sunday, killing six people.")
    assert len(ev) == 2
    assert all(m.killed_low is None for m in ev)


def test_one_strike_on_two_boats_stays_one_incident() -> None:
    ev = _events("U.S. forces struck two boats in the Caribbean on Monday, killing six "
                 "people, the Pentagon said.")
    assert len(ev) == 1 and ev[0].series_rank is None


def test_strikes_counted_over_a_campaign_are_not_split() -> None:
    ev = _events("The military has carried out three strikes on boats in the Caribbean "
                 "since September, killing 17 people.")
    assert all(m.series_rank is None for m in ev)


def test_two_reports_of_a_day_s_three_strikes_end_as_three_incidents() -> None:
    a = Article(id="a", text="U.S. forces carried out three lethal strikes on four boats in "
                "the Eastern Pacific on Monday, killing 14 people, the Pentagon said.",
                published="2025-10-28")
    b = Article(id="b", text="The Pentagon said on Tuesday that three strikes on Monday "
                "against four vessels in the Eastern Pacific killed 14 people.",
                published="2025-10-28")
    mentions = extract(a) + extract(b)
    split = [m for m in mentions if m.series_rank is not None]
    assert {(m.article_id, m.series_rank) for m in split} == \
        {(x, r) for x in "ab" for r in (1, 2, 3)}
    incidents, _ = resolve(mentions, {"a": a, "b": b})
    struck = [i for i in incidents if counted(i)
              and any(mid in {m.id for m in split} for mid in i.mention_ids)]
    # not one (ranks never join) and not six (each strike pairs with its counterpart)
    assert len(struck) == 3
    assert all(len(i.mention_ids) >= 2 for i in struck)


def test_a_lede_telling_the_whole_operation_joins_each_strike_without_its_sum() -> None:
    ev = _events("Eight people were killed when U.S. forces struck two boats in the "
                 "Caribbean, officials said on Tuesday. \"Yesterday, two lethal kinetic "
                 "strikes hit two vessels,\" the secretary posted. Each boat had four men "
                 "aboard.", published="2025-11-11")
    assert len(ev) == 2
    # the lede's sum (eight) is no strike's toll; the day is the strikes' own ("Yesterday")
    assert all(m.killed_low == 4 and m.date_low == "2025-11-10" for m in ev)
    assert all(any("Eight people" in s.text for s in m.spans) for m in ev)

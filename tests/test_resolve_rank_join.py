"""Strikes that several articles split from one day's operation, joined across articles
rank to rank (features.other_strike_of_the_day), never across operations of different
sizes, and never to a report of the day's total (features.hard_conflict)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract import extract
from strikewatch.records import Article, Incident, Mention
from strikewatch.resolve import counted, resolve
from strikewatch.resolve.features import Features, features, hard_conflict, operation_conflict

MONDAY_THREE = [
    "U.S. forces carried out three lethal strikes on four boats in the Eastern Pacific on "
    "Monday, killing 14 people, the Pentagon said.",
    "The Pentagon said on Tuesday that three strikes on Monday against four vessels in the "
    "Eastern Pacific killed 14 people.",
    "Hegseth said the military conducted three lethal kinetic strikes on four vessels in "
    "the Eastern Pacific on Monday. Fourteen narco-terrorists were killed and one survived.",
]
MONDAY_TOTAL = ("Fourteen people were killed on Monday when the U.S. military struck four "
                "vessels in the eastern Pacific, the Pentagon said.")
MONDAY_TWO = ("U.S. forces carried out two lethal strikes on two boats in the Eastern Pacific "
              "on Monday, killing six people, the Pentagon said.")


def _ledger(texts: list[str]) -> tuple[dict[str, Mention], list[Incident]]:
    arts = [Article(id=f"a{n}", text=t, published="2025-10-28") for n, t in enumerate(texts)]
    mentions = {m.id: m for a in arts for m in extract(a)}
    incidents, _ = resolve(list(mentions.values()), {a.id: a for a in arts})
    return mentions, [i for i in incidents if counted(i)]


def test_three_reports_of_a_day_s_three_strikes_join_rank_to_rank() -> None:
    mentions, incidents = _ledger(MONDAY_THREE)
    split = [m for m in mentions.values() if m.series_rank is not None]
    assert len(split) == 9 and {m.series_size for m in split} == {3}
    struck = [i for i in incidents if any(mentions[x].series_rank for x in i.mention_ids)]
    assert len(struck) == 3
    for inc in struck:
        told = [mentions[x] for x in inc.mention_ids]
        assert sorted(m.article_id for m in told) == ["a0", "a1", "a2"]
        assert len({m.series_rank for m in told}) == 1  # the rank-k strike of each


def test_an_operation_of_another_size_stays_apart() -> None:
    mentions, incidents = _ledger([*MONDAY_THREE[:2], MONDAY_TWO])
    for inc in incidents:
        sizes = {mentions[x].series_size for x in inc.mention_ids}
        assert len(sizes) == 1, "two strikes of Monday joined one of its three"
    two = [i for i in incidents if {mentions[x].series_size for x in i.mention_ids} == {2}]
    assert len(two) == 2


def test_a_report_of_the_day_s_total_swallows_no_strike() -> None:
    mentions, incidents = _ledger([*MONDAY_THREE[:2], MONDAY_TOTAL])
    total = [m for m in mentions.values() if m.article_id == "a2" and m.kind == "event"]
    assert total and all(m.series_rank is None and m.killed_low == 14 for m in total)
    for inc in incidents:
        told = [mentions[x] for x in inc.mention_ids]
        assert not (any(m.series_rank for m in told) and
                    any(m.article_id == "a2" for m in told))
    struck = [i for i in incidents if any(mentions[x].series_rank for x in i.mention_ids)]
    assert len(struck) == 3 and all(i.killed_low is None for i in struck)


def test_split_strikes_carry_their_operation() -> None:
    art = Article(id="a", text=MONDAY_THREE[0], published="2025-10-28")
    got = sorted((features(m, art).series_rank, features(m, art).series_size,
                  features(m, art).series_killed) for m in extract(art))
    assert got == [(1, 3, 14), (2, 3, 14), (3, 3, 14)]


# --- the cannot-link rules, pairwise ------------------------------------------------------

def _split(art: str, rank: int | None, size: int | None = 3,
           killed: tuple[int | None, int | None] = (None, None),
           total: int | None = 14) -> Features:
    return Features(unique_id=f"{art}{rank}", article_id=art, origin_id=art, published=None,
                    d_lo=100, d_hi=100, sea="pacific", killed_lo=killed[0],
                    killed_hi=killed[1], one_of_several=rank is not None, series_rank=rank,
                    series_size=size if rank is not None else None,
                    series_killed=total if rank is not None else None)


@given(r1=st.integers(1, 4), r2=st.integers(1, 4), n1=st.integers(2, 4),
       n2=st.integers(2, 4))
def test_without_tolls_only_the_same_rank_of_the_same_size_links(
        r1: int, r2: int, n1: int, n2: int) -> None:
    why = hard_conflict(_split("a", r1, n1), _split("b", r2, n2))
    assert (why is None) == (r1 == r2 and n1 == n2)
    assert hard_conflict(_split("a", r1, n1), _split("a", r1, n1)) is not None  # one article


def test_the_very_same_toll_says_which_strike_another_rank_is() -> None:
    # told 8, 4, 2 in one article and 2, 4, 8 in another: the 8-dead strike is one strike
    assert hard_conflict(_split("a", 1, killed=(8, 8)), _split("b", 3, killed=(8, 8))) is None
    assert hard_conflict(_split("a", 1, killed=(8, 8)), _split("b", 3, killed=(2, 2))) \
        is not None
    # a range, or one toll only, does not say it
    assert hard_conflict(_split("a", 1, killed=(7, 8)), _split("b", 3, killed=(8, 8))) \
        is not None
    assert hard_conflict(_split("a", 1, killed=(8, 8)), _split("b", 3)) is not None


@given(other=st.integers(0, 30), total=st.integers(1, 20))
def test_a_report_of_the_day_s_total_or_more_is_not_one_strike(other: int, total: int
                                                                  ) -> None:
    split, report = _split("a", 1, total=total), _split("b", None, killed=(other, other))
    assert (hard_conflict(split, report) is not None) == (other >= total)
    assert (hard_conflict(report, split) is not None) == (other >= total)
    # the day's toll unknown: nothing to compare
    assert hard_conflict(_split("a", 1, total=None), report) is None


def test_crews_told_in_another_order_join_by_their_tolls() -> None:
    # one outlet tells the 8-man boat first, the other the 4-man boat: "the first strike"
    # of one is "the second" of the other, and the crews say which is which
    texts = [
        "U.S. forces carried out two lethal strikes on two boats in the Eastern Pacific on "
        "Monday, killing 12 people, the Pentagon said. In the first strike there were eight "
        "men on the boat. The second hit a boat with four men aboard.",
        "The Pentagon said two lethal strikes on two boats in the Eastern Pacific on Monday "
        "killed 12 people. In the first strike there were four men on the boat. The second "
        "hit a boat with eight men aboard.",
    ]
    mentions, incidents = _ledger(texts)
    struck = [i for i in incidents if any(mentions[x].series_rank for x in i.mention_ids)]
    assert sorted((i.killed_low, i.killed_high) for i in struck) == [(4, 4), (8, 8)]
    for inc in struck:
        told = [mentions[x] for x in inc.mention_ids]
        assert sorted(m.article_id for m in told) == ["a0", "a1"]
        assert {m.series_rank for m in told} == {1, 2}


def test_an_ordinal_does_not_overrule_the_very_same_toll_of_split_strikes() -> None:
    first = replace(_split("a", 1, size=2, killed=(8, 8), total=12), ordinal=1)
    second = replace(_split("b", 2, size=2, killed=(8, 8), total=12), ordinal=2)
    assert hard_conflict(first, second) is None
    # reports not split keep the ordinal rule
    plain = replace(second, series_rank=None, series_size=None, series_killed=None,
                    one_of_several=False)
    assert hard_conflict(replace(first, series_rank=None, series_size=None,
                                 series_killed=None, one_of_several=False), plain) is not None
    # nor does a toll that differs
    assert hard_conflict(first, replace(second, killed_lo=4, killed_hi=4)) is not None


# --- attaching: a loose report placed among a day's split strikes ------------------------

def test_an_undated_report_of_the_day_s_total_is_attached_to_no_strike() -> None:
    arts = [Article(id="a", text=MONDAY_THREE[0], published="2025-10-28"),
            # no day: its window (the week before) holds the three strikes, told alike
            Article(id="f", text="The U.S. military killed 14 people aboard four boats in the "
                    "eastern Pacific, the Pentagon said.", published="2025-10-29")]
    mentions = {m.id: m for a in arts for m in extract(a)}
    total = [m for m in mentions.values() if m.article_id == "f" and m.kind == "event"]
    assert [m.killed_low for m in total] == [14] and total[0].date_low is None
    incidents, _ = resolve(list(mentions.values()), {a.id: a for a in arts})
    struck = [i for i in incidents if any(mentions[x].series_rank for x in i.mention_ids)]
    assert len(struck) == 3
    assert all(i.killed_low is None and {s.article_id for s in i.sources} == {"a"}
               for i in struck)


def test_operation_conflict_reads_every_report_of_both_incidents() -> None:
    a1, a2 = _split("a", 1), _split("a", 2)
    b1, b2 = _split("b", 1), _split("b", 2)
    assert operation_conflict([a1], [b1]) is None
    assert operation_conflict([a1], [b1, b2]) is not None  # b2 is another strike
    assert operation_conflict([a1, a2], []) is None  # one article's own: not this rule
    total = _split("c", None, killed=(14, 14))
    assert operation_conflict([total], [a1]) is not None
    assert operation_conflict([_split("c", None, killed=(8, 8))], [a1]) is None

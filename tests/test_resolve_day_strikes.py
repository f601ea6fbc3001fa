"""Reports of a day with several strikes, across articles: each strike one incident, each
report of one of them linked to one of them, never to the day's total (features.
hard_conflict for a split strike; attaching.siblings for a loose report among strikes one
article told alike)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract import extract
from strikewatch.records import Article, Incident, Mention
from strikewatch.resolve import counted, resolve
from strikewatch.resolve.attaching import Profile, siblings
from strikewatch.resolve.features import Features, features, hard_conflict

TWO_STRIKES = ("The U.S. military carried out two lethal strikes on two boats in the eastern "
               "Pacific on Sunday, the command said. There were three men on each boat, and "
               "all six were killed.")


def _ledger(*arts: Article) -> tuple[list[Mention], list[Incident]]:
    mentions = [m for a in arts for m in extract(a)]
    incidents, _ = resolve(mentions, {a.id: a for a in arts})
    return mentions, [i for i in incidents if counted(i)]


def _holding(incidents: list[Incident], ids: set[str]) -> list[Incident]:
    return [i for i in incidents if ids & set(i.mention_ids)]


def test_two_reports_of_a_day_s_three_strikes_end_as_three_incidents() -> None:
    a = Article(id="a", text="U.S. forces carried out three lethal strikes on four boats in "
                "the Eastern Pacific on Monday, killing 14 people, the Pentagon said.",
                published="2025-10-28")
    b = Article(id="b", text="The Pentagon said on Tuesday that three strikes on Monday "
                "against four vessels in the Eastern Pacific killed 14 people.",
                published="2025-10-28")
    mentions, incidents = _ledger(a, b)
    split = {m.id for m in mentions if m.series_rank is not None}
    assert len(split) == 6
    struck = _holding(incidents, split)
    # not one (an article's strikes never join) and not six (each pairs with its twin)
    assert len(struck) == 3
    assert all({s.article_id for s in i.sources} == {"a", "b"} for i in struck)


def test_a_split_strike_never_joins_a_report_of_the_day_s_total() -> None:
    a = Article(id="a", text=TWO_STRIKES, published="2025-11-10")
    b = Article(id="b", text="Six people were killed on Sunday when U.S. forces struck two "
                "suspected drug boats in the eastern Pacific, officials said.",
                published="2025-11-10")
    mentions, incidents = _ledger(a, b)
    split = {m.id for m in mentions if m.series_rank is not None}
    total = {m.id for m in mentions if m.article_id == "b" and m.killed_low == 6}
    assert len(split) == 2 and total
    assert not any(split & set(i.mention_ids) and total & set(i.mention_ids)
                   for i in incidents)
    assert all(i.killed_low == i.killed_high == 3 for i in _holding(incidents, split))


def test_an_undated_report_of_one_strike_joins_one_of_the_day_s_strikes() -> None:
    a = Article(id="a", text=TWO_STRIKES, published="2025-11-10")
    # no date anywhere: only its toll and sea place it, and two strikes agree with both
    b = Article(id="b", text="Three people were killed when a U.S. strike hit a boat in "
                "the eastern Pacific, the command said.", published=None)
    mentions, incidents = _ledger(a, b)
    told = {m.id for m in mentions if m.article_id == "b" and m.kind == "event"}
    joined = _holding(incidents, told)
    assert len(joined) == 1
    assert {s.article_id for s in joined[0].sources} == {"a", "b"}
    assert joined[0].date_low == "2025-11-09"


# --- the cannot-link rule -----------------------------------------------------------------

def _feats(art: str, killed: tuple[int | None, int | None], split: bool) -> Features:
    return Features(unique_id=art + str(killed), article_id=art, origin_id=art,
                    published=None, d_lo=100, d_hi=100, sea="pacific",
                    killed_lo=killed[0], killed_hi=killed[1], one_of_several=split)


@given(own=st.integers(min_value=0, max_value=20), other=st.integers(min_value=0, max_value=40),
       split_first=st.booleans())
def test_a_split_strike_and_a_closed_toll_it_does_not_share_never_link(
        own: int, other: int, split_first: bool) -> None:
    s, o = _feats("a", (own, own), True), _feats("b", (other, other), False)
    why = hard_conflict(s, o) if split_first else hard_conflict(o, s)
    assert (why is not None) == (own != other)


def test_an_open_or_missing_toll_does_not_rule_a_split_strike_out() -> None:
    s = _feats("a", (3, 3), True)
    assert hard_conflict(s, _feats("b", (2, None), False)) is None  # "at least two"
    assert hard_conflict(s, _feats("b", (None, None), False)) is None
    # two reports of one strike may differ: only a split strike's toll is that firm
    assert hard_conflict(_feats("a", (3, 3), False), _feats("b", (6, 6), False)) is None


def test_features_mark_only_split_strikes() -> None:
    a = Article(id="a", text=TWO_STRIKES, published="2025-11-10")
    marks = {features(m, a).one_of_several for m in extract(a) if m.kind == "event"}
    assert marks == {True}
    b = Article(id="b", text="A U.S. strike hit a boat in the eastern Pacific on Sunday, "
                "killing three.", published="2025-11-10")
    assert {features(m, b).one_of_several for m in extract(b)} == {False}


# --- attaching among siblings -------------------------------------------------------------

def _profile(pid: str, arts: set[str], killed: tuple[int, int | None] | None = (3, 3),
             sea: str = "pacific", dated: bool = True) -> Profile:
    return Profile(id=pid, articles=frozenset(arts),
                   place=Features(unique_id=pid, article_id="", origin_id="", published=None,
                                  d_lo=None, d_hi=None, sea=sea),
                   killed=killed, actor_country="US", actor_name=None, target_kind="vessel",
                   domain="sea", strikes=None, window=(100, 100) if dated else None,
                   dated=dated, mentions=frozenset({pid}))


def test_a_loose_report_takes_the_first_sibling_its_article_has_not_taken() -> None:
    one, two = _profile("s1", {"a"}), _profile("s2", {"a", "c"})
    loose = _profile("x", {"b"}, dated=False)
    assert siblings(loose, [two, one], {}) == [one]
    # a second report of the same article is the other strike
    assert siblings(loose, [one, two], {"s1": {"b"}}) == [two]
    # every sibling taken by its article: it cannot be a third
    assert siblings(loose, [one, two], {"s1": {"b"}, "s2": {"b"}}) == []


def test_siblings_that_differ_are_left_for_the_evidence() -> None:
    loose = _profile("x", {"b"}, killed=None, dated=False)
    by_toll = [_profile("s1", {"a"}, killed=(3, 3)), _profile("s2", {"a"}, killed=(4, 4))]
    by_sea = [_profile("s1", {"a"}), _profile("s2", {"a"}, sea="caribbean")]
    unrelated = [_profile("s1", {"a"}), _profile("s2", {"c"})]  # no article tells both
    for found in (by_toll, by_sea, unrelated):
        assert siblings(loose, found, {}) == found

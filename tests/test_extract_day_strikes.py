"""Several boat strikes told together ("three strikes on four boats on Monday, killing 14")
are that many incidents (component `day_strikes`): each carries its rank
(`Mention.series_rank`), none carries the day's total toll, and a sentence that tells one
of them by its rank belongs to that one only. What is not one day's operation stays as
told: a campaign count, one strike that hit two boats, strikes across two seas, a weekday
on a page with no publication date, a toll itemised boat by boat."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract import extract
from strikewatch.extract.components.day_strikes import strike_rank
from strikewatch.records import Article, Mention

WORDS = ["two", "three", "four", "five", "six"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"]


def _events(text: str, published: str | None = "2025-10-29") -> list[Mention]:
    art = Article(text=text, published=published)
    return [m for m in extract(art) if m.kind == "event" and m.status == "occurred"]


def _split(ms: list[Mention]) -> list[Mention]:
    return sorted((m for m in ms if m.series_rank is not None),
                  key=lambda m: m.series_rank or 0)


def _said(m: Mention, words: str) -> bool:
    return any(words in s.text for s in m.spans)


# --- split --------------------------------------------------------------------------------

def test_three_strikes_on_four_boats_are_three_incidents_with_their_tolls() -> None:
    ev = _events("U.S. forces carried out three lethal strikes on four boats in the "
                 "Eastern Pacific on Monday, killing 12 people, the Pentagon said. "
                 "Four men were on each boat.")
    assert len(ev) == 3
    assert [m.series_rank for m in _split(ev)] == [1, 2, 3]
    # the day's toll belongs to no single strike; the toll told per boat does
    assert all(m.killed_low == m.killed_high == 4 for m in ev)
    assert all(m.date_low == "2025-10-27" for m in ev)


def test_a_day_toll_with_no_per_boat_toll_gives_no_strike_a_toll() -> None:
    ev = _events("The military said it conducted two strikes on two vessels in the "
                 "Caribbean on Sunday, killing six people.")
    assert len(ev) == 2
    assert all(m.killed_low is None and m.killed_high is None for m in ev)


def test_a_sentence_telling_one_strike_by_its_rank_is_that_strike_s_alone() -> None:
    ev = _split(_events(
        "The navy carried out three strikes on three boats in the Caribbean on Saturday, "
        "officials said. The first strike hit a speedboat near the coast. "
        "The second hit a boat that had turned back. Nobody survived the third."))
    assert len(ev) == 3
    first, second, third = ev
    assert _said(first, "The first strike") and not _said(first, "The second")
    assert _said(second, "The second hit") and not _said(second, "The first strike")
    assert not _said(third, "The first strike") and not _said(third, "The second hit")
    # the operation's own sentence is every strike's
    assert all(_said(m, "three strikes on three boats") for m in ev)


def test_a_lede_telling_the_whole_operation_joins_each_strike_without_its_sum() -> None:
    ev = _events("Eight people were killed when U.S. forces struck two boats in the "
                 "Caribbean, officials said on Tuesday. \"Yesterday, two lethal kinetic "
                 "strikes hit two vessels,\" the secretary posted. Each boat had four men "
                 "aboard.", published="2025-11-11")
    assert len(ev) == 2
    # the lede's sum (eight) is no strike's toll; the day is the strikes' own ("Yesterday")
    assert all(m.killed_low == 4 and m.date_low == "2025-11-10" for m in ev)
    assert all(_said(m, "Eight people") for m in ev)


def test_split_mentions_have_distinct_ids() -> None:
    ev = _events("Two strikes on Sunday against two boats in the Pacific killed six "
                 "people, the command said.")
    assert len(ev) == 2 and len({m.id for m in ev}) == 2


# --- left as told -------------------------------------------------------------------------

def test_one_strike_on_two_boats_stays_one_incident() -> None:
    ev = _events("U.S. forces struck two boats in the Caribbean on Monday, killing six "
                 "people, the Pentagon said.")
    assert len(ev) == 1 and ev[0].series_rank is None


def test_strikes_counted_over_a_campaign_are_not_split() -> None:
    ev = _events("The military has carried out three strikes on boats in the Caribbean "
                 "since September, killing 17 people.")
    assert _split(ev) == []


def test_a_campaign_summary_is_a_tally_not_strikes() -> None:
    ms = extract(Article(text="The Department of War has carried out five strikes on drug "
                         "boats so far this month, killing 21 people, the secretary "
                         "posted on Friday.", published="2025-11-14"))
    assert all(m.series_rank is None for m in ms)


def test_strikes_across_two_seas_stay_one_report() -> None:
    # which strike was in which sea is not told here: split blindly, each would carry
    # one sea, and the wrong one for some
    ev = _events("Three boats were blown up on Monday by U.S. forces in the Eastern "
                 "Pacific and the Caribbean, killing 11 men, the command said. The three "
                 "strikes were the first in the Caribbean in weeks.")
    assert _split(ev) == []


def test_a_weekday_on_an_undated_page_splits_nothing() -> None:
    ev = _events("The military said it conducted two strikes on two vessels in the "
                 "Caribbean on Sunday, killing six people.", published=None)
    assert _split(ev) == []


def test_a_toll_itemised_boat_by_boat_is_one_ranked_incident_per_strike() -> None:
    ev = _events("U.S. forces carried out three strikes on boats in the Pacific on "
                 "Monday. Eleven people died: four on the first boat, four on the second "
                 "and three on the third.")
    assert len(ev) == 3
    assert [(m.series_rank, m.killed_low) for m in _split(ev)] == [(1, 4), (2, 4), (3, 3)]


# --- properties ---------------------------------------------------------------------------

@settings(max_examples=12, deadline=None)
@given(n=st.integers(min_value=2, max_value=6), each=st.integers(min_value=1, max_value=5))
def test_n_strikes_with_a_per_boat_toll_give_n_incidents_adding_up(n: int, each: int) -> None:
    ev = _events(f"U.S. forces carried out {WORDS[n - 2]} lethal strikes on {WORDS[n - 2]} "
                 f"boats in the Caribbean on Monday, killing {n * each} people, the "
                 f"command said. There were {each} men on each boat.")
    assert [m.series_rank for m in _split(ev)] == list(range(1, n + 1))
    assert sum(m.killed_low or 0 for m in ev) == n * each


@given(k=st.integers(min_value=1, max_value=6),
       noun=st.sampled_from(["strike", "attack", "boat", "vessel", "lethal strike"]))
def test_strike_rank_reads_the_one_strike_a_sentence_names(k: int, noun: str) -> None:
    text = f"The {ORDINALS[k - 1]} {noun} hit a boat with four men aboard."
    assert strike_rank(text, 0, len(text)) == k


@given(a=st.integers(min_value=1, max_value=6), b=st.integers(min_value=1, max_value=6))
def test_a_sentence_naming_two_ranks_names_no_one_strike(a: int, b: int) -> None:
    text = f"Four died on the {ORDINALS[a - 1]} boat and three on the {ORDINALS[b - 1]} boat."
    assert strike_rank(text, 0, len(text)) == (a if a == b else None)


def test_ranks_of_the_campaign_or_of_time_are_no_strike_s() -> None:
    for text in ("It was the first time the navy struck in the Pacific.",
                 "Forty have died since the first strike in September.",
                 "The first two boats were hit at dawn."):
        assert strike_rank(text, 0, len(text)) is None, text


def test_a_strike_told_by_its_rank_keeps_its_own_sea() -> None:
    ev = _split(_events(
        "U.S. forces carried out two strikes on two boats on Monday, the command said. "
        "The first strike hit a boat in the Caribbean. The second hit a boat in the "
        "eastern Pacific."))
    assert len(ev) == 2
    first, second = ev
    assert first.place is not None and "Caribbean" in first.place.name
    assert second.place is None or "Caribbean" not in second.place.name
    assert not _said(second, "in the Caribbean")


def test_an_undated_page_still_splits_strikes_told_with_a_toll_per_boat() -> None:
    # each strike has a toll and a sea of its own: enough for the ledger to place it
    ev = _events("The military said it conducted two strikes on two vessels in the "
                 "Caribbean on Sunday. There were three men on each boat.", published=None)
    assert [m.series_rank for m in _split(ev)] == [1, 2]
    assert all(m.killed_low == 3 for m in ev)


def test_an_undated_elaboration_of_the_operation_is_every_strike_s_words() -> None:
    ev = _events("The navy carried out two strikes on two boats in the Caribbean on "
                 "Saturday, officials said. Video showed a boat being struck as it crossed "
                 "open water.", published="2025-11-03")
    # no third incident made of the video's sentence: it tells the same operation
    assert len(ev) == 2 and all(m.series_rank for m in ev)
    assert all(_said(m, "Video showed") for m in ev)


def test_a_dated_strike_of_another_day_stays_its_own_incident() -> None:
    ev = _events("The navy carried out two strikes on two boats in the Caribbean on "
                 "Saturday, officials said. On Oct. 3 a strike on a boat off Venezuela "
                 "killed four people.", published="2025-11-03")
    other = [m for m in ev if m.series_rank is None]
    assert len(_split(ev)) == 2 and len(other) == 1
    assert other[0].killed_low == 4 and not any(_said(m, "Oct. 3") for m in _split(ev))


def test_a_toll_told_per_boat_makes_one_operation_even_with_no_day() -> None:
    # no weekday, no date, no publication date: the toll per boat still tells one operation
    ev = _events("The Pentagon carried out two lethal strikes on two boats in the eastern "
                 "Pacific, the secretary said. Both strikes took place in international "
                 "waters, with 3 men on each boat. All 6 died.", published=None)
    assert sorted(m.series_rank or 0 for m in ev) == [1, 2]
    assert all(m.killed_low == m.killed_high == 3 for m in ev)


# --- an undated page that goes through the strikes one by one ---------------------------

@pytest.mark.parametrize("text", [
    "The Pentagon said it carried out three lethal strikes on four boats in the Eastern "
    "Pacific, killing 14 people. The first strike killed eight people. The second killed "
    "four, and the third killed two.",
    "US forces struck three vessels in three strikes, leaving 11 dead. In the first attack, "
    "five men died. The second strike left three dead. Three more were killed in the third "
    "strike.",
    "Two strikes on two drug boats in the Caribbean killed six, officials said. The first "
    "boat was hit near Aruba, killing four; the second, further north, killing two.",
])
def test_an_undated_page_listing_each_strike_splits_the_operation(text: str) -> None:
    ev = _split(_events(text, published=None))
    assert ev and [m.series_rank for m in ev] == list(range(1, len(ev) + 1))
    assert not [m for m in _events(text, published=None) if m.series_rank is None]
    # the first strike keeps its own toll, never the day's
    assert ev[0].killed_low in (8, 5, 4)


def test_ranks_whose_tolls_overshoot_the_days_toll_split_nothing() -> None:
    ev = _events("The military carried out two strikes on two boats in the Pacific, "
                 "killing six. The first strike killed five and the second killed four.",
                 published=None)
    assert _split(ev) == []


@pytest.mark.parametrize("text", [
    "Over 15 strikes on boats have killed 65 people since September, officials said.",
    "The military carried out two strikes on two boats in the Pacific, killing six. The "
    "strikes happened in international waters.",
    "Two strikes on two boats in the Pacific killed six people. It was the first time the "
    "command had struck twice in a day.",
])
def test_an_undated_tally_with_no_strike_by_strike_list_stays_a_tally(text: str) -> None:
    assert _split(_events(text, published=None)) == []


# --- strikes that name again the craft a dated sentence just before counted ---------------

@pytest.mark.parametrize("text", [
    "Four suspected drug boats were hit by U.S. forces in the eastern Pacific on Monday, "
    "and 14 people died. The military carried out three strikes on the four boats.",
    "On Sunday the navy destroyed two vessels off Venezuela, the command said. Officials "
    "said two separate strikes hit those two vessels.",
    "Three speedboats were blown up in the Caribbean on Oct. 12, killing nine. It took "
    "the Pentagon three lethal strikes to sink the three speedboats.",
])
def test_strikes_on_craft_a_dated_sentence_counted_are_that_day_s(text: str) -> None:
    ev = _split(_events(text))
    assert len(ev) >= 2 and [m.series_rank for m in ev] == list(range(1, len(ev) + 1))
    assert all(m.date_low is not None for m in ev)
    assert all(m.killed_low is None for m in ev)


@pytest.mark.parametrize("text", [
    # the earlier sentence counts other craft
    "Two boats were hit by U.S. forces in the Pacific on Monday. The military has carried "
    "out three strikes on the four boats it tracked.",
    # no earlier sentence counts them
    "The military carried out three strikes on the four boats in the Pacific.",
])
def test_strikes_naming_craft_no_dated_sentence_counted_stay_one_report(text: str) -> None:
    assert _split(_events(text)) == []

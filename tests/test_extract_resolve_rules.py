"""Extraction rules found from the resolution set's extract-mode misses
(tests/resolve_set), each checked on sentences written for these tests: what a mention
must carry (a day, a status) for resolution to link reports of one event."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-06-13"  # a Friday


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]


def test_the_same_day_is_the_day_of_the_event_told_before() -> None:
    ms = _events("Insurgents shelled an army post in the north on Wednesday, killing two "
                 "soldiers. Separately, a bus was hit by a roadside bomb near the capital on "
                 "the same day, wounding five.")
    assert len(ms) == 2
    assert [(m.date_low, m.date_high) for m in ms] == [("2025-06-11", "2025-06-11")] * 2


def test_the_same_day_with_nothing_dated_before_stays_undated() -> None:
    ms = _events("A bus was hit by a roadside bomb near the capital on the same day, "
                 "wounding five.")
    assert ms and ms[0].date_low is None


def test_a_month_and_day_after_the_is_that_day() -> None:
    ms = _events("The June 9 airstrike on the market, which killed four people, was the "
                 "first of the month.")
    assert ms and (ms[0].date_low, ms[0].date_high) == ("2025-06-09", "2025-06-09")


def test_a_hedged_toll_leaves_the_attack_occurred() -> None:
    ms = _events("As many as five guards may have died in Wednesday's drone attack on the "
                 "depot, a local official said.")
    assert ms and ms[0].status == "occurred" and ms[0].date_low == "2025-06-11"

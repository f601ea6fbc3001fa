""""The same day" in a subordinate clause after the event word, ordered by "earlier" or
"later" ("… left 52 dead after they had attacked a base earlier the same day"), ties that
clause's act to the event's own day: it gives the event no day of the act told before it.
"Later the same day" opening a sentence, and "the same night" alone in such a clause, still
date the event by the act told before.

Sentences are our own. The page is dated Monday 10 June 2024."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published="2024-06-10"))
            if m.kind == "event" and m.status == "occurred"]


def _day_of(text: str, killed: int) -> str | None:
    (m,) = [m for m in _events(text) if m.killed_low == killed]
    return m.date_low


def test_earlier_the_same_day_in_a_subordinate_clause_dates_nothing_told_before() -> None:
    for text, killed, not_day in (
        ("The US military said on Thursday that an airstrike on Wednesday near the river "
         "killed 24 militants. The strike came less than two weeks after another US strike "
         "left 52 fighters dead after they had attacked an army base earlier the same day.",
         52, "2024-06-05"),
        ("Warplanes struck the town on Sunday, killing 12. Days before, a drone had killed 30 "
         "fighters when they massed near the border earlier the same day.", 30, "2024-06-09"),
        ("Rebels said jets hit their camp on Saturday, killing eight. Weeks ago an air raid "
         "killed 15 villagers before the market opened later the same day.", 15,
         "2024-06-08"),
    ):
        assert _day_of(text, killed) != not_day, text


def test_the_same_day_still_dates_by_the_act_told_before() -> None:
    assert _day_of("A drone hit a car near the border on Tuesday, killing two. Later the "
                   "same day, another drone struck a checkpoint in the north, killing one.",
                   1) == "2024-06-04"
    assert _day_of("Jets bombed a rebel camp on Saturday, killing nine. The army said a second "
                   "raid, carried out when the rebels regrouped the same night, killed four "
                   "more.", 4) == "2024-06-08"

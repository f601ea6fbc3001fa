"""A range of days told for an event ("last week", "over the weekend") gives way to a day
inside it that a later sentence of the same event tells with its toll ("two were killed on
Thursday"), as a month already does (`Group.dated`, `_finer_inside`). A day with no toll,
one with another toll, or one told for one more act ("a second strike on Thursday")
leaves the range.

Sentences are our own. The page is dated Monday 10 June 2024: last week is 3-9 June, the
weekend 8-9 June."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2024-06-10"


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _dates(text: str) -> list[tuple[str | None, str | None]]:
    return [(m.date_low, m.date_high) for m in _events(text)]


def test_a_day_told_with_the_toll_narrows_last_week() -> None:
    for text, day in (
        ("The president said on Saturday that two men who survived a navy strike last week "
         "on a smuggling boat would be sent home. According to the navy, the boat was "
         "destroyed in the Caribbean on Thursday; two people were killed and two survived.",
         "2024-06-06"),
        ("A drone strike over the weekend hit a militant camp in the hills, the army said. "
         "Three fighters were killed in the camp on Saturday, a spokesman added.",
         "2024-06-08"),
        ("Villagers say an air raid late last week flattened two houses near the market. "
         "Five people died when the jets bombed the houses on Wednesday night, they said.",
         "2024-06-05"),
    ):
        assert (day, day) in _dates(text), text


def test_a_day_without_the_toll_leaves_the_week() -> None:
    dates = _dates("An airstrike last week killed four fighters near the border, officials "
                   "said. On Thursday, jets also hit a depot in the north.")
    assert ("2024-06-03", "2024-06-09") in dates


def test_a_day_with_another_toll_leaves_the_week() -> None:
    ms = _events("An airstrike last week killed four fighters near the border, officials "
                 "said. The strike on Thursday killed eleven people, the monitor said.")
    assert all((m.date_low, m.date_high) != ("2024-06-06", "2024-06-06")
               for m in ms if m.killed_low == 4)


def test_one_more_act_on_a_day_leaves_the_week() -> None:
    for text, week in (
        ("Two fishermen who survived a navy strike last week were flown home. A second "
         "strike on Thursday killed two men.", ("2024-06-03", "2024-06-09")),
        ("An airstrike over the weekend hit a rebel camp in the hills, officials said. Jets "
         "struck a separate camp on Saturday, killing three.", ("2024-06-08", "2024-06-09")),
    ):
        assert week in _dates(text), text

"""An act the news came after, dated from the news's day (issue 14: a strike's date stated in
another sentence of the page).

"Jets struck a factory on Sunday, a day after raids on two districts" and "They came after
US raids the day before on ..." tell a second strike whose day is the news's day less one.
The act is an incident of its own with that day, not background; an act recalled from
further back ("a previous attack the day before the ceasefire") stays recalled.

(Sentences written for these tests, not taken from any article.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def _occurred(text: str) -> list[Mention]:
    art = Article(id="t-eve", text=text, published=PUB, language="en")
    return [m for m in registry.checked(registry.get_extractor("strikewatch-rules"), art)
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _days(text: str) -> list[str | None]:
    return sorted((m.date_low for m in _occurred(text)), key=lambda d: d or "")


@pytest.mark.parametrize(("text", "days"), [
    # wire: the news, then "a day after" the earlier act, in one sentence
    ("US warplanes struck a factory west of the capital on Sunday, a day after US jets "
     "bombed two districts in the north.", ["2025-11-08", "2025-11-09"]),
    # broadcaster: two days, with a toll on the earlier act
    ("Israeli jets hit a house in the camp on Monday, two days after a drone strike killed "
     "four people in the same street.", ["2025-11-08", "2025-11-10"]),
    # agency rewrite: the earlier act in the next sentence, "the day before" after its word
    ("Rebel television said US warplanes struck a ceramics plant three times on Sunday. "
     "They came after US raids the day before targeting three districts of the north.",
     ["2025-11-08", "2025-11-09"]),
    # blog: "a day earlier"
    ("Drones hit a fuel depot outside the port on Tuesday. The strikes followed air raids "
     "a day earlier on an army base in the hills.", ["2025-11-10", "2025-11-11"]),
])
def test_an_act_the_news_came_after_takes_the_eve(text: str, days: list[str]) -> None:
    assert _days(text) == days


@pytest.mark.parametrize("text", [
    # a recall from further back stays recalled
    "A previous attack the day before the ceasefire had killed eleven, officials said.",
    # a generic campaign claim stays no incident
    "Strikes have killed hundreds of people in the north since the war began.",
])
def test_older_recalls_and_campaigns_stay_what_they_were(text: str) -> None:
    assert [m for m in _occurred(text) if m.killed_low] == []

"""A dateline that names the city and its country ("Mogadishu, Somalia, June 2 —") dates
the page, not the strike the lede tells.

With the country between the city and the day the dateline was read as the event's day:
a lede "struck twice at the end of last week" became a strike of the filing day, apart from
the same strikes told with their own days lower down (a same-article duplicate). (Sentences
written for these tests.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article

WEDNESDAY = "2026-03-04"

LINES = [
    "Mogadishu, Somalia, March 3 — American forces struck Islamic State fighters twice from "
    "the air at the end of last week, the command said.",
    "Beirut, Lebanon, March 3 - Israeli jets bombed a house in the south at the weekend, "
    "killing two people.",
    "Kabul, Afghanistan, March 3 (AFP) Pakistani jets struck homes in Khost province late on "
    "Sunday, killing eight.",
    "Lagos, Nigeria, Mar. 3, 2026 — A military airstrike hit a village in Zamfara state last "
    "week, residents said.",
    "Sanaa, Yemen, 3 March — US warplanes bombed the port of Hodeidah on Sunday night, the "
    "rebels' media office said.",
]


@pytest.mark.parametrize("text", LINES)
def test_the_datelines_day_is_not_the_strikes(text: str) -> None:
    (m,) = [m for m in extract(Article(text=text, published=WEDNESDAY))
            if m.kind == "event" and m.status == "occurred"]
    assert m.date_high is not None and m.date_high < "2026-03-03"


def test_a_list_of_countries_opening_a_sentence_is_no_dateline() -> None:
    text = "Somalia, Kenya, and Ethiopia, March 2 — troops struck a camp."
    (m,) = extract(Article(text=text, published=WEDNESDAY))
    assert m.date_low == "2026-03-02"

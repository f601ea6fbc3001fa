"""A rank that stands for the act noun just told is an act of its own.

"... the strikes belong to a campaign. The first came on Jan. 8 near the town": the rank
opening the sentence names one strike of the set, with a day or place of its own, though
the sentence has no act word (`triggers.elliptic_act`). With no plural act told in the
sentences before, or with a verb of saying or coming from ("The first came from a
witness"), it is no act.

(Sentences written for these tests, not taken from any article.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2026-01-12"  # a Monday


def _en(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB, language="en"))
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize("text, day", [
    ("US forces carried out airstrikes in Somalia last week, the command said. The first "
     "came on Jan. 8 near Jilib, in the Middle Juba region.", "2026-01-08"),
    ("The army said its jets had flown several raids on militant camps in northern Iraq. "
     "The first took place on January 7 in the hills near Amadiya.", "2026-01-07"),
    ("American drones have conducted a string of strikes in Yemen this month. The latest "
     "one was carried out on Saturday near Marib, officials said.", "2026-01-10"),
])
def test_rank_for_the_act_noun_is_an_act(text: str, day: str) -> None:
    assert day in {m.date_low for m in _en(text)}


@pytest.mark.parametrize("text", [
    ("The ministry published two statements on the strikes. The first came from the "
     "foreign minister himself."),
    ("Lawmakers asked three questions about the program. The first came on Monday, from a "
     "senator who had asked before."),
])
def test_rank_without_an_act_is_no_event(text: str) -> None:
    assert _en(text) == []

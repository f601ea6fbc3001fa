"""The day of the act a strike answered is not the strike's day.

"US forces hit 70 targets in central Syria in answer to the December 13 attack in Palmyra":
with no comma before the answering words, the sentence is one clause and its only day is
the attack's. Read as the strike's, it dated the retaliation a week early and split it from
the article's dated telling of the same strikes (a same-article duplicate). A day told after
the event word and after words of answering ("in response to", "in retaliation for", "in
reply to", "as payback for") is the answered act's; the event's own day, told before those
words, stays. (Sentences written for these tests.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article

WEDNESDAY = "2026-03-04"


def _strikes(text: str) -> list:
    return [m for m in extract(Article(text=text, published=WEDNESDAY))
            if m.kind == "event" and m.status == "occurred" and
            m.event_type == "Explosions/Remote violence"]


ANSWERED_DAY = [
    "US forces hit more than 70 targets in central Syria in answer to the February 13 attack "
    "in Palmyra.",
    "Jordanian jets struck smuggler camps in southern Syria in retaliation for a Feb. 20 "
    "border ambush, the army said.",
    "Israeli aircraft bombed a depot near Tyre in reply to Saturday's rocket fire on Metula.",
    "The air force pounded rebel positions as payback for the February 22 raid on a barracks.",
    "Warplanes struck militia sites in Iraq in response to last Sunday's drone attack on a "
    "base.",
]


@pytest.mark.parametrize("text", ANSWERED_DAY)
def test_the_answered_acts_day_does_not_date_the_strike(text: str) -> None:
    (m,) = _strikes(text)
    assert m.date_low is None or m.date_low >= "2026-03-02"
    assert not m.background  # an old answered act's day makes the news no history


OWN_DAY = [
    ("The US struck militia depots in Iraq on Friday in response to the February 2 drone "
     "attack on its base.", "2026-02-27"),
    ("Israel bombed a Hezbollah depot on Monday in reply to rocket fire, the army said.",
     "2026-03-02"),
    ("On Tuesday, warplanes struck militant camps in the south in retaliation for an ambush "
     "on February 20.",
     "2026-03-03"),
]


@pytest.mark.parametrize(("text", "day"), OWN_DAY)
def test_the_strikes_own_day_told_before_the_answering_words_stays(text: str,
                                                                     day: str) -> None:
    (m,) = _strikes(text)
    assert m.date_low == m.date_high == day


def test_the_retaliation_and_its_dated_telling_are_one_strike() -> None:
    text = ("US strikes overnight on Tuesday hit Islamic State cells in central Syria, killing "
            "at least five fighters, a monitor said.\n"
            "US forces hit more than 70 targets in central Syria in answer to the February 13 "
            "attack in Palmyra.")
    (m,) = _strikes(text)
    assert m.date_low is not None and m.date_low >= "2026-03-02"
    assert m.killed_low == 5


TOLL_OF_THE_ANSWERED = [
    ("US strikes overnight on Tuesday hit Islamic State cells in central Syria, killing at "
     "least five fighters. US forces hit more than 70 targets in answer to the February 13 "
     "attack in Palmyra that killed three Americans.", 5),
]


@pytest.mark.parametrize(("text", "killed"), TOLL_OF_THE_ANSWERED)
def test_the_answered_acts_toll_is_not_the_strikes(text: str, killed: int | None) -> None:
    (m,) = _strikes(text)
    assert m.killed_low == killed and m.date_low == "2026-03-03"


def test_a_strike_told_as_part_of_a_retaliation_keeps_the_answered_act_apart() -> None:
    text = ("A drone strike in the capital on Tuesday night killed three militia members, "
            "officials said. The strike, which hit a car in the city centre, was part of the "
            "army's retaliation for last month's rocket attack on a border post that killed "
            "two soldiers.")
    news = [m for m in _strikes(text) if not m.background]
    (m,) = news
    assert m.killed_low == m.killed_high == 3 and m.date_low == "2026-03-03"


def test_the_strikes_own_harm_told_after_the_answered_act_stays_its_toll() -> None:
    text = ("American forces struck alone in Iraq on Tuesday in answer to attacks on U.S. troops, "
            "killing a militia commander, the command said.")
    (m,) = _strikes(text)
    assert m.killed_low == m.killed_high == 1 and m.date_low == "2026-03-03"

"""One act told as two kinds of violence is one strike (assemble `_told_two_ways`).

A report calls one operation a strike in its lede and a firefight, a gun battle or an
exchange of fire further down, or tells a raid and then its dead with no attacker named.
Read as two violent types (remote violence and battles), the two tellings became two
incidents of one strike. Where the later telling names no attacker of its own (or only one
on the same side, with no country: "the military", "troops") and shares the toll or tells
of the act with a definite noun ("the operation turned into ..."), and no event of its own
type can be it, it is that act. Two acts by other parties stay apart. (Sentences written for
these tests.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article

TUESDAY = "2026-03-03"


def _strikes(text: str, published: str = TUESDAY) -> list:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


ONE_ACT = [
    # a strike that became a firefight (wire register)
    "Security forces struck a band of militants in the Ghulam Khan area of North Waziristan, "
    "the army said on Monday. According to the army's statement, the operation turned into a "
    "fierce firefight in which six militants were killed.",
    # British spelling, a raid and the gun battle it turned into
    "Commandos raided a militant hideout outside Kunduz on Monday, officials said. The raid "
    "developed into a gun battle in which eight fighters were killed.",
    # a broadcaster's register: the assault and the exchange of fire
    "Troops hit an insurgent camp in Bajaur district on Monday, the military said. During "
    "the assault an exchange of fire broke out and five insurgents died.",
    # a blog's register: the toll told again with no attacker and an airstrike word
    "At least 14 fighters died in a raid by American forces in western Iraq on Monday, "
    "officials said. Iraqi officials said 14 were killed when the hideouts were bombed from "
    "the air before the assault.",
]


@pytest.mark.parametrize("text", ONE_ACT)
def test_one_act_told_as_two_kinds_of_violence_is_one_strike(text: str) -> None:
    found = _strikes(text)
    assert len(found) == 1, [(m.event_type, m.killed_low) for m in found]


APART = [
    # another party's act, of another type: a militant assault after the strike
    "Israeli jets struck a house in Tyre on Monday, killing two people, the health ministry "
    "said. Hezbollah fighters attacked an army post near Metula on Monday, and three soldiers "
    "were wounded.",
    # a day with two acts in two places
    "A drone strike hit a car near Bint Jbeil on Monday, killing one man. In a separate "
    "clash in Kfar Kila, two fighters were killed.",
]


@pytest.mark.parametrize("text", APART)
def test_two_acts_of_other_parties_or_places_stay_two(text: str) -> None:
    assert len(_strikes(text)) == 2


def test_a_firefight_with_its_own_toll_joins_the_strike_told_with_that_toll() -> None:
    text = ("Pakistani troops hit a militant hideout in Bajaur district on Monday, killing "
            "six insurgents, the military said. Six insurgents were killed in the ensuing "
            "exchange of fire, according to the statement.")
    found = _strikes(text)
    assert len(found) == 1 and found[0].killed_low == 6

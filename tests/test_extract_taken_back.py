"""A report taken back is no strike.

State media report that air defences repelled an attack near an airport, then pull the
report and say no airstrikes took place: read sentence by sentence the first telling stands
as an occurred strike (a false incident on a page that reports none). An occurred act with
no toll and no day of its own that a sentence soon after says did not take place at all
("no such raid had happened", "there had been no attack at all", "withdrew the report") is
denied. One with a toll or a day of its own keeps its status: "no other strikes took place
overnight" grants it. (Sentences written for these tests.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article

WEDNESDAY = "2026-03-04"


def _statuses(text: str) -> list[str]:
    return [m.status for m in extract(Article(text=text, published=WEDNESDAY))
            if m.kind == "event" and not m.background]


TAKEN_BACK = [
    "Syrian air defences repelled an attack near the capital's airport, state media said. "
    "Hours later the agency withdrew the report and said no airstrike had taken place.",
    "Local media reported an Israeli raid on a village near Quneitra. The army said no such "
    "raid had happened.",
    "A monitor reported an attack on a military airport near Homs. Officials later insisted "
    "there had been no attack at all.",
    "State television first said jets had bombed a depot outside the city, then said that no "
    "bombing had occurred.",
    "Pro-government channels said drones had struck a barracks in the east. The channels "
    "later retracted their reports.",
]


@pytest.mark.parametrize("text", TAKEN_BACK)
def test_an_act_said_not_to_have_taken_place_is_denied(text: str) -> None:
    assert _statuses(text) == ["denied"]


GRANTED = [
    "Israeli jets struck a depot near Homs on Monday, killing three soldiers. No other "
    "strikes took place overnight, a monitor said.",
    "Jets struck a depot near Homs on Monday. Residents said no attacks took place in the "
    "city itself.",
    "Israeli jets struck a depot near Homs, a monitor said. No further strikes were reported.",
    "A drone strike killed two men in a car near the border. The army said no attack had "
    "taken place inside the town.",
]


@pytest.mark.parametrize("text", GRANTED)
def test_an_act_with_a_toll_or_day_or_granted_by_the_denial_stays(text: str) -> None:
    assert _statuses(text) == ["occurred"]


def test_a_denial_far_below_leaves_the_act_alone() -> None:
    text = ("Local media reported an Israeli raid on a village near Quneitra. The village lies "
            "near the frontier. Farmers there grow apples. Shepherds graze flocks on the "
            "slopes. Officials said no raid had happened on the other side of the frontier.")
    assert _statuses(text) == ["occurred"]

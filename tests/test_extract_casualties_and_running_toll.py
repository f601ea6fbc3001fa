"""The dead told together with the hurt ("dozens of people killed and wounded", "Dozens of
civilians, most of them women, were killed or wounded") are casualties, no death toll; a
figure told as the overall toll so far ("With this attack the overall death toll reached
61") is every act's, not the act's own. Sentences written for these tests."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-06-11"


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _tolls(text: str) -> list[tuple[int | None, int | None]]:
    return [(m.killed_low, m.killed_high) for m in _events(text)]


@pytest.mark.parametrize("text", [
    "Air raids on three villages in the valley on Monday left dozens of people killed and "
    "wounded, a local official said.",
    "Scores of villagers, many of them children, were killed or wounded when jets bombed "
    "the valley on Monday, a local official said.",
    "Dozens of residents were martyred and wounded in the bombing of the valley on Monday, "
    "the ministry said.",
])
def test_the_dead_told_with_the_hurt_are_no_toll(text: str) -> None:
    assert _tolls(text) == [(None, None)]


@pytest.mark.parametrize(("text", "toll"), [
    # a toll and a count of the hurt, each its own
    ("A shell hit the bus station on Monday and left two dead and wounded five, police said.",
     (2, 2)),
    ("Nine people were killed and 40 wounded when a drone hit the bus station on Monday.",
     (9, 9)),
    # an aside inside a toll is still a toll
    ("Nine people, most of them students, were killed when a drone hit the bus station on "
     "Monday.", (9, 9)),
])
def test_a_toll_beside_the_hurt_stays(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text) == [toll]


def test_an_overall_toll_so_far_is_not_the_acts() -> None:
    text = ("The navy struck a speedboat off the coast on Wednesday, killing three people "
            "aboard. With this strike the overall death toll reached 57.")
    assert _tolls(text) == [(3, 3)]
    text = ("A drone strike hit a camp near the river on Sunday, killing 12 people and "
            "bringing the cumulative toll of the offensive to 410.")
    assert _tolls(text) == [(12, 12)]


def test_the_overall_toll_of_one_attack_is_its_own() -> None:
    text = ("A drone strike hit a crowded market in the north on Sunday. The overall death "
            "toll from the attack rose to 38, medics said.")
    assert _tolls(text) == [(38, 38)]
    text = ("A drone hit a lorry carrying farm workers on Monday, witnesses said. Hospital "
            "staff put the overall number of dead at 21.")
    assert _tolls(text) == [(21, 21)]


@pytest.mark.parametrize(("text", "toll"), [
    ("A drone strike on a farmhouse on Monday killed six boys, two girls and a woman, "
     "relatives said.", (9, 9)),
    ("Shelling of the market on Monday killed three soldiers, two policemen and four "
     "traders, officials said.", (9, 9)),
    # a total, then its breakdown: the total stands
    ("Shelling of the market on Monday killed 14 people, eleven traders and three soldiers, "
     "officials said.", (14, 14)),
    # the list goes on past the dead
    ("Shelling of the market on Monday killed two traders, wounded five others and "
     "destroyed three shops.", (2, 2)),
])
def test_a_list_of_the_kinds_of_the_dead_is_one_toll(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text) == [toll]

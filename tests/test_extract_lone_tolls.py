"""A toll told again in a sentence of its own, with nothing but a casualty word (issue 14:
death toll exact): "Medics said 17 people had died" after the one strike an article tells is
that strike's toll by another source, not a second incident. Sentences written for these
tests, none from a gold file."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-06-11"  # a Wednesday


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB))
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize(("text", "toll"), [
    # a later count by officials: the floor and the count make one range
    ("At least 14 militants died in a raid in the desert on Thursday. Officials later "
     "counted 15 militant dead.", (14, 15)),
    # medics' figure after a wire's floor
    ("An air strike hit a market in the town on Monday, killing at least 12 people. Medics "
     "said 17 people had died.", (12, 17)),
    # two sources, two exact figures: reports differ, one incident
    ("An air strike hit a market in the town on Monday, killing 12 people. Local officials "
     "gave a toll of 17 dead.", (12, 17)),
    # a blog's register, the act told with a drone and the toll by a hospital
    ("A drone slammed into a wedding tent outside the village on Monday night. Nine guests "
     "were killed, a hospital director told reporters.", (9, 9)),
])
def test_a_lone_toll_joins_the_one_act_the_article_tells(
        text: str, toll: tuple[int, int]) -> None:
    (m,) = _events(text)
    assert (m.killed_low, m.killed_high) == toll


@pytest.mark.parametrize("text", [
    # a separate incident, said so
    "Jets bombed a fuel depot outside the city on Monday, killing six workers. In a separate "
    "incident, two people died in the north.",
    # another act with a word of its own
    "Jets bombed a fuel depot outside the city on Monday, killing six workers. Another drone "
    "strike hit a car near the coast, and two people died.",
])
def test_a_toll_of_another_act_stays_apart(text: str) -> None:
    assert sorted(m.killed_low for m in _events(text)) == [2, 6]


def test_with_two_acts_the_first_keeps_no_toll_it_was_not_given() -> None:
    text = ("Jets bombed a fuel depot in Aleppo on Monday. On Tuesday a drone hit a car in "
            "Idlib. Four people were killed, officials said.")
    monday = [m for m in _events(text) if m.date_low == "2025-06-09"]
    assert monday and all(m.killed_low is None for m in monday)


def test_a_war_total_is_no_lone_toll() -> None:
    # a war's dead are a tally: the strike keeps its own toll
    text = ("Jets bombed a fuel depot outside the city on Monday, killing six workers. More "
            "than 4,000 people have been killed in the war since 2023.")
    tolls = [(m.killed_low, m.killed_high) for m in _events(text)]
    assert (6, 6) in tolls and (6, 4001) not in tolls


@pytest.mark.parametrize(("text", "dead"), [
    ("Jets bombed a fuel depot outside the city on Monday, killing six workers. Three of the "
     "wounded later died in hospital.", 9),
    # one sentence, an aside between
    ("A car bomb exploded at a checkpoint in the town on Monday, killing four soldiers; two "
     "of the wounded, both children, died overnight.", 6),
    # "passed away", a noun after "injured"
    ("Militants stormed a police post in the district on Monday and killed three officers. "
     "Two of the injured policemen later passed away.", 5),
])
def test_the_wounded_who_died_later_add_to_the_toll(text: str, dead: int) -> None:
    (m,) = _events(text)
    assert (m.killed_low, m.killed_high) == (dead, dead)


@pytest.mark.parametrize("text", [
    # the wounded who did something else
    "A car bomb exploded at a checkpoint in the town on Monday, killing four soldiers. Two of "
    "the wounded were flown to the capital.",
    # the wounded as objects, not dead
    "A car bomb exploded at a checkpoint in the town on Monday, killing four soldiers. Medics "
    "treated two of the wounded at the scene, and both survived.",
])
def test_the_wounded_who_did_not_die_add_nothing(text: str) -> None:
    (m,) = _events(text)
    assert (m.killed_low, m.killed_high) == (4, 4)

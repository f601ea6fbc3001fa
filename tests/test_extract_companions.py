"""One person killed and those killed with them (issue 14, item 4: tolls said the way people
say them): "killed X, a senior commander, and his two sons" is three dead, not one.
Sentences written for these tests, none from a gold file."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-06-11"  # a Wednesday


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB))
            if m.kind == "event" and m.status == "occurred"]


@pytest.mark.parametrize(("text", "dead"), [
    # a name, an aside, then relatives
    ("US forces raided a farm in the province on Friday and killed Omar Said al-Halabi, a "
     "senior ISIS commander, and his two adult sons.", 3),
    # a title in quotes before the name, companions in quotes after "along with"
    ('The command said the raid on Friday killed "senior ISIS leader" Omar Said al-Halabi '
     'along with "his three grown sons, who were tied to ISIS."', 4),
    # "N of his" entourage
    ("A US raid in the province on Friday killed Abu Omar al-Halabi and two of his aides.", 3),
    # one companion told by a possessive, a British wire's "together with"
    ("The army said a strike on Sunday killed the group's financier, Ahmed Musa, together "
     "with his driver.", 2),
    ("An Israeli strike on a flat in the city on Tuesday killed commander Ali Hassan and his "
     "wife, the ministry said.", 2),
    # an article, not a name: "a commander of the group along with another fighter"
    ("A drone struck a compound in the province on Monday, killing a local commander of the "
     "group along with another fighter.", 2),
    ("The strike on Tuesday killed the leader of the cell and his deputy.", 2),
    # a list of companions
    ("An airstrike on Monday killed Abu Omar al-Halabi, his wife and their two children.", 4),
])
def test_a_person_killed_with_companions_counts_them_all(text: str, dead: int) -> None:
    (m,) = _events(text)
    assert (m.killed_low, m.killed_high) == (dead, dead)


@pytest.mark.parametrize("text", [
    # the companions have a verb of their own: hurt, not dead
    "An airstrike on Monday killed Abu Omar al-Halabi, and his two sons were wounded.",
    # a relative clause on the person: those he lived with are no toll
    "The raid on Friday killed Abu Omar al-Halabi, who lived with his two sons in the town.",
    # an apposition on the person is the person
    "The strike on Monday killed Hamza Ali, the nephew of the group's founder.",
    # "with" a thing, not a person
    "The strike killed Abu Omar al-Halabi with his car on Monday, officials said.",
])
def test_one_person_killed_stays_one(text: str) -> None:
    (m,) = _events(text)
    assert (m.killed_low, m.killed_high) == (1, 1)


def test_a_war_toll_told_with_a_founder_is_no_acts_toll() -> None:
    text = ("The campaign has killed the group's founder and thousands of its fighters since "
            "2014, officials said on Monday.")
    assert all(m.killed_low in (None, 2000) for m in _events(text))


def test_a_list_of_the_dead_after_a_copula_is_not_one_person_and_companions() -> None:
    # "Those killed were X, ..., six children, ... and two other adults": not 1 + 6
    text = ("A drone fired a missile at a car in the city on Sunday. Those killed were Omar "
            "Said, a 40-year-old engineer, six children, two of them babies, and two other "
            "adults.")
    assert all(m.killed_low != 7 for m in _events(text))

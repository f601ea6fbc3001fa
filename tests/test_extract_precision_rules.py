"""Fewer duplicate and false "occurred" incidents: how real reporting is written.

Each test states one rule about how news copy tells (or only mentions) a strike, checked on
sentences written for these tests (not taken from any gold article):

- a toll the event only *follows* ("follows by less than a week the deaths of 11 people")
  is an earlier act's, not the event's own;
- a campaign launched or restarted on a day ("restarted its offensive on March 18") is a
  campaign, not a strike of that day;
- "have since (also) attacked ..." is a campaign to date, as "have attacked ... since" is;
"""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

MONDAY = "2026-03-02"


def _incidents(text: str, published: str | None = MONDAY) -> list[Mention]:
    """The violent occurred incidents the extractor makes of `text`."""
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background
            and m.event_type not in ("Strategic developments", "Protests", "Riots")]


# --- a toll the event follows is an earlier act's ------------------------------------------

def test_the_deaths_an_event_follows_are_not_its_toll() -> None:
    text = ("On Monday the navy announced a strike on a boat in the Caribbean Sea and said "
            "two men died in it. The strike on Monday follows by less than a week the deaths "
            "of nine people accused of smuggling, part of the long campaign against "
            "traffickers.")
    got = _incidents(text)
    assert len(got) == 1
    assert (got[0].killed_low, got[0].killed_high) == (2, 2)
    # nor is the nine a count of Monday's, as a tally or otherwise
    every = extract(Article(text=text, published=MONDAY))
    assert not any(m.killed_low == 9 and m.date_low == MONDAY for m in every)


def test_came_on_the_heels_of_the_killing_of_is_the_same_rule() -> None:
    text = ("A drone hit a pickup truck near the border on Monday, officials said. The "
            "attack came on the heels of the killing of five soldiers at a checkpoint.")
    got = _incidents(text)
    assert got and all(m.killed_low != 5 for m in got)


def test_a_toll_told_after_follows_in_its_own_clause_still_counts() -> None:
    # "followed" with no deaths noun after it cuts nothing: the strike's own toll stays
    text = ("The strike followed weeks of warnings, and it killed three people in the "
            "village on Monday, medics said.")
    got = _incidents(text)
    assert len(got) == 1
    assert got[0].killed_low == 3


# --- a campaign is no incident, even told with the day it began ----------------------------

def test_an_offensive_restarted_on_a_day_is_a_campaign_not_a_strike() -> None:
    text = ("Gunboats shelled a fishing harbour in the north on Monday, killing three "
            "people, the coastguard said. The army ended a month-long truce and restarted "
            "its offensive in the northern hills on February 20.")
    got = _incidents(text)
    assert len(got) == 1
    assert got[0].killed_low == 3


def test_an_offensive_launched_on_a_day_is_a_campaign_not_a_strike() -> None:
    text = ("A drone strike hit a depot outside the port on Monday, killing four guards. "
            "The government launched an all-out offensive against the rebels in June "
            "last year.")
    got = _incidents(text)
    assert len(got) == 1
    assert got[0].killed_low == 4


def test_fighting_on_a_day_still_tells_a_battle() -> None:
    # "fighting" may be one battle: the campaign rule leaves it as it was
    text = "Fighting between the army and rebels around the oasis town killed ten on Sunday."
    assert _incidents(text)


# --- "have since attacked": a perfect reaching to now is a campaign to date -----------------

def test_have_since_attacked_is_a_campaign_to_date() -> None:
    text = ("Two people were killed on Monday when jets struck a warehouse in the port city, "
            "rebel media said. The rebels have since also attacked navy ships and oil "
            "tankers, saying they act in solidarity with their allies.")
    got = _incidents(text)
    assert len(got) == 1
    assert got[0].killed_low == 2


def test_a_perfect_with_a_toll_of_its_own_is_still_told() -> None:
    # a toll picks out acts: the sentence is still read as occurred violence (not dropped)
    text = "The rebels have since attacked a navy ship on Monday, killing two sailors."
    got = [m for m in extract(Article(text=text, published=MONDAY))
           if m.status == "occurred" and not m.background]
    assert got and got[0].killed_low == 2

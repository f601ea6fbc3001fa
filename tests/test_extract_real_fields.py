"""Field values of events real copy tells in its own way (issue 14, failure classes 2 and
4-7), each checked on sentences written for these tests (none from any gold file): the
place and acting party read from the rest of the article, roles, tolls said the way people
say them, dates from the right clause, words of the trade."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2024-06-10"  # a Monday


def _run(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def _country(x: object) -> str | None:
    return getattr(x, "country", None)


# --- place and acting party from the article ---------------------------------------------

def test_an_unplaced_event_lies_where_the_articles_other_events_lie() -> None:
    ms = _run("Israeli drones struck a house in Tyre, southern Lebanon, on Saturday, killing "
              "two people, Lebanon's health ministry said. On Friday, heavy raids across the "
              "south had left a woman dead and 12 people hurt.")
    friday = next(m for m in ms if m.date_low == "2024-06-07")
    assert _country(friday.place) == "LB"
    # the filled place cites the words it came from
    assert friday.provenance["place"][0].text in ("Tyre", "Lebanon")


def test_no_place_is_filled_where_the_article_spans_two_countries() -> None:
    ms = _run("A drone strike hit a car in Idlib, Syria, on Saturday, killing two men. "
              "Another strike near Mosul, Iraq, on Sunday killed three. On Friday a raid "
              "had left a woman dead.")
    friday = [m for m in ms if m.date_low == "2024-06-07"]
    assert friday and all(m.place is None for m in friday)


def test_forces_with_no_country_are_the_forces_of_the_country_they_operate_in() -> None:
    ms = _run("Security forces killed nine militants in an operation in Bannu district of "
              "Pakistan, the military said on Sunday. In a second operation, in Tank "
              "district, troops killed four militants on Saturday.")
    assert len(ms) == 2
    assert all(_country(m.actor1) == "PK" for m in ms)
    assert all(m.actor2 is not None and m.actor2.name == "militants" for m in ms)


def test_an_unclaimed_strike_is_the_articles_one_striking_state() -> None:
    ms = _run("U.S. Southern Command said it struck a boat in the Caribbean on Tuesday, "
              "killing three people. On Wednesday a second strike killed two more people "
              "aboard another vessel.")
    wed = next(m for m in ms if m.date_low == "2024-06-05")
    assert _country(wed.actor1) == "US"


# --- roles ---------------------------------------------------------------------------------

def test_forces_right_before_a_verb_are_its_agent_not_an_instrument() -> None:
    m = _run("Soldiers killed six rebels near the river on Sunday.")[0]
    assert m.actor1 is not None and m.actor1.name == "Soldiers"
    assert m.actor2 is not None and m.actor2.name == "rebels"


def test_the_party_doing_the_verb_after_an_event_noun_is_its_agent() -> None:
    m = _run("During the raid, soldiers killed three gunmen on Saturday.")[0]
    assert m.actor1 is not None and m.actor1.name == "soldiers"
    assert m.actor2 is not None and m.actor2.name == "gunmen"

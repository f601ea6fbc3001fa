"""The article's attacker filled from context (article_context): a strike of the story's
series takes the attacker it was told with; history and other parties' acts keep their
own."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2024-06-10"  # a Monday


def _run(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]


def _country(x: object) -> str | None:
    return getattr(x, "country", None)


def test_a_strike_told_by_rank_takes_the_attacker_of_its_series() -> None:
    # two states strike in the article, so no single "article's attacker" exists: the
    # second strike of the U.S. series is still the U.S.'s, told in the lede's words
    ms = _run("The U.S. military struck three boats in the eastern Pacific on Monday, killing "
              "11 people. Four men were aboard the boat in the second strike. Colombian "
              "troops bombed a rebel camp in Cauca on Sunday, killing six guerrillas.")
    us = [m for m in ms if m.date_low == PUB]
    assert len(us) == 2 and all(_country(m.actor1) == "US" for m in us)
    assert all(m.provenance["actor1"][0].text.endswith("U.S. military") for m in us)
    # the other state's strike keeps its own attacker
    sunday = next(m for m in ms if m.date_low == "2024-06-09")
    assert _country(sunday.actor1) == "CO"


def test_a_second_strike_by_another_party_keeps_its_own_attacker() -> None:
    ms = _run("Israeli jets struck a house in Tyre, southern Lebanon, on Saturday, killing two "
              "people. In a second attack, Hezbollah fired rockets at Kiryat Shmona on Sunday, "
              "wounding three people.")
    sunday = next(m for m in ms if m.date_low == "2024-06-09")
    assert sunday.actor1 is not None and sunday.actor1.name == "Hezbollah"


def test_history_gets_no_attacker_of_the_current_story() -> None:
    # (its place and vessel still come from the story: history recalled in a story is,
    # as the real-style golds code it, mostly of the same country and the same campaign)
    ms = _run("U.S. Southern Command said it struck a boat in the Caribbean on Tuesday, "
              "killing three people. Last year a strike had killed 20 people.")
    news = next(m for m in ms if m.date_low == "2024-06-04")
    assert _country(news.actor1) == "US" and news.target_kind == "vessel"
    history = [m for m in ms if m.background]
    assert history
    assert all(m.actor1 is None for m in history)

    ms = _run("Israeli drones struck a house in Tyre, southern Lebanon, on Saturday, killing "
              "two people. In 2006 an airstrike had killed 40 people.")
    news = next(m for m in ms if m.date_low == "2024-06-08")
    assert _country(news.actor1) == "IL" and _country(news.place) == "LB"
    history = [m for m in ms if m.background]
    assert history and all(m.actor1 is None for m in history)


def test_history_does_not_make_the_story_two_states_strikes() -> None:
    # the 2006 strike by another state is history: today's unclaimed strike is still the
    # one striking state's of the story
    ms = _run("U.S. Southern Command said it struck a boat in the Caribbean on Tuesday, "
              "killing three people. In 2006 Venezuelan jets had bombed a camp, killing 40 "
              "people. On Wednesday another strike killed two more people aboard a vessel.")
    wed = next(m for m in ms if m.date_low == "2024-06-05")
    assert _country(wed.actor1) == "US"


def test_a_headline_names_the_attacker_of_a_story_that_names_none() -> None:
    ms = _run("ISIS leader killed by US drone strike in Syria\n"
              "A senior Islamic State leader died in a drone strike in northwestern Syria on "
              "Sunday, officials said.")
    assert len(ms) == 1 and _country(ms[0].actor1) == "US"
    assert ms[0].provenance["actor1"][0].text == "US"
    # a file photo's caption further down shows another day: it names no attacker of this
    ms = _run("Villagers mourn after the strike\n"
              "A senior Islamic State leader died in a drone strike in northwestern Syria on "
              "Sunday, officials said.\n"
              "FILE - Smoke rises after a Russian airstrike near Idlib, Syria.")
    sunday = [m for m in ms if m.date_low == "2024-06-09"]
    assert sunday and all(m.actor1 is None for m in sunday)

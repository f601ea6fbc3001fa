"""References to OTHER strikes than the article's news, on sentences written for these tests
(none from any gold file): an earlier strike named beside the news is background (recalled
as context, and it lends no toll to the news); strikes someone tries to halt, "every boat"
rhetoric and verbal attacks are no acts; a strike placed only in a past year is history; a
toll grown over a war is a tally. Each case is also checked the other way, so a rule that
fires on everything fails."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-11-20"


def _events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def _news(text: str, published: str | None = PUB) -> list[Mention]:
    """Occurred incidents told as news: what the ledger counts as strikes."""
    return [m for m in _events(text, published) if m.status == "occurred" and
            not m.background]


# --- earlier strikes named beside the news -----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "A previous American raid had left nine people dead, according to the navy.",
    "At least five more fishermen died in earlier U.S. military actions off the coast.",
    "It follows earlier naval action in the gulf, including an attack the admiral "
    "announced on June 3 that killed four.",
    "Earlier in July, the coast guard found two men who had survived a strike on a skiff.",
    "The province saw a drone strike the month before that reportedly killed a dozen herders.",
])
@pytest.mark.parametrize("published", [PUB, None])
def test_an_earlier_strike_named_beside_the_news_is_background(sentence: str,
                                                               published: str | None) -> None:
    text = "A navy drone hit a speedboat near the islands, killing three men. " + sentence
    news = _news(text, published)
    assert len(news) == 1
    assert news[0].killed_low == 3  # the earlier strike's toll stays with it
    assert any(m.background for m in _events(text, published))


@pytest.mark.parametrize("sentence", [
    # the same day's event, and an event that merely comes after another word
    "Earlier on Thursday, rebels attacked an army post in the hills, killing two soldiers.",
    # "previous" of something that is no strike, with a comma between
    "Unlike previous raids, a second drone attacked a fuel truck on the road, killing two.",
    "Only days earlier, two herders died in an air raid by government jets near the river.",
])
def test_a_strike_of_its_own_after_an_earlier_word_stays_news(sentence: str) -> None:
    text = "A navy drone hit a speedboat near the islands on Thursday, killing three men. " + \
        sentence
    assert len(_news(text)) == 2


# --- no act --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, act", [
    ("Senators voted on October 8 on a resolution that sought to halt U.S. strikes on boats "
     "in the gulf.",
     "On October 8 U.S. strikes on boats in the gulf killed six."),
    ('"They load the drugs on the boats, so we struck every boat," the minister said on Friday.',
     '"They load the drugs on the boats, so we struck the boat," the minister said on Friday.'),
    ("On Sunday the senator attacked the governor's policy on the border.",
     "On Sunday gunmen attacked the governor's convoy on the border road."),
])
def test_strikes_someone_tries_to_halt_and_rhetoric_are_no_acts(sentence: str,
                                                                act: str) -> None:
    assert _news(sentence) == []
    assert len(_news(act)) == 1


# --- history and tallies -------------------------------------------------------------------

@pytest.mark.parametrize("published", ["2022-08-02", None])
def test_a_strike_placed_only_in_a_past_year_is_history(published: str | None) -> None:
    text = ("The cleric, whom U.S. commandos killed in a raid in Yemen in 2013, had led the "
            "group for a decade.")
    ms = _events(text, published)
    assert ms and all(m.background for m in ms)


def test_a_strike_of_the_publication_year_is_not_made_history() -> None:
    ms = _news("Officials said a drone strike in Yemen in 2022 killed the cleric.",
               "2022-08-02")
    assert len(ms) == 1


def test_a_toll_grown_over_a_war_is_a_tally() -> None:
    ms = extract(Article(text="Health officials say almost 9,000 people have died in the "
                              "army's shelling and invasion of the province.",
                         published=PUB))
    assert ms and all(m.kind == "tally" for m in ms)

"""Status and background as a conflict-data coder records them, on sentences written for
these tests (none from any gold file): a party's conditional threat of its own strike is
`threatened`; a strike claim the accused side denies is `denied`; an earlier strike recalled
in a story about a later one is background."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.status import read_status
from strikewatch.records import Article, Mention

PUB = "2025-12-08"  # a Monday


def _events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def _status(sentence: str, word: str) -> str:
    i = sentence.index(word)
    return read_status(sentence, i, i + len(word))[0]


# --- conditional threats ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, word", [
    ("If Iran does not agree, there will be bombing, Trump said on Sunday.", "bombing"),
    ("Should Hamas refuse, Israel will resume strikes on Gaza, the prime minister said.",
     "strikes"),
    ("The minister said troops will attack the rebels unless they lay down arms.", "attack"),
    ("Trump said the US would strike Venezuela if Maduro did not step down.", "strike"),
    ("Tehran will be bombed if it does not sign a deal, the president told reporters.",
     "bombed"),
])
def test_a_partys_conditional_threat_is_threatened(sentence: str, word: str) -> None:
    assert _status(sentence, word) == "threatened"


def test_a_threat_whose_event_word_lies_in_its_condition_is_threatened() -> None:
    # the act threatened is the main clause's ("would attack"); the strongest event word
    # the sentence has is the condition's
    assert _status("The militia said it would attack navy ships if the raids went on.",
                   "raids") == "threatened"
    assert _status("Hezbollah warned it will launch rockets at Israel unless the raids stop.",
                   "raids") == "threatened"


@pytest.mark.parametrize("sentence, word", [
    ("The army warned it would return to war if the ceasefire with the militia collapsed.",
     "ceasefire"),
    ("The rebel leader said his fighters would begin firing rockets at the base if the "
     "air force bombed the valley.", "bombed"),
    ("The group's commander repeated the warning: any Western offensive would bring an "
     "all-out war, he said.", "offensive"),
    ("A militia spokesman warned that any navy that moved against the group would see its "
     "ships targeted.", "targeted"),
])
def test_a_partys_threat_of_force_in_reply_is_threatened(sentence: str, word: str) -> None:
    assert _status(sentence, word) == "threatened"


@pytest.mark.parametrize("sentence, word", [
    ("Analysts said any strike would be costly for the government.", "strike"),
    # speculation, not a party's commitment
    ("If the rebels attack again, they could face airstrikes, an analyst said.", "airstrikes"),
    ("If talks fail, the US would bomb the sites, analysts said.", "bomb"),
    # the event named is the condition itself
    ("Should the president order an attack on the port, the navy would need weeks.", "attack"),
    # no act of force is committed to
    ("Trump said he would decide within two weeks if the US strikes Iran.", "strikes"),
])
def test_speculation_and_the_condition_itself_stay_hypothetical(sentence: str,
                                                               word: str) -> None:
    assert _status(sentence, word) == "hypothetical"


def test_a_threat_article_makes_no_occurred_strike() -> None:
    ms = _events("If the militia does not withdraw by Friday, there will be airstrikes on its "
                 "bases, the defence minister said on Sunday.")
    assert ms and all(m.status == "threatened" for m in ms)


# --- denied claims ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "A newspaper reported that Egyptian drones bombed a militia camp in Libya on Friday, a "
    "claim Cairo denied.",
    "Local media said Turkish jets struck a village in northern Iraq on Friday, an account "
    "the defence ministry has rejected.",
    "Rebels said government aircraft bombed a market in Kordofan on Friday, claims that were "
    "denied by the army.",
    "Pakistan rejected claims it carried out airstrikes in Khost province on Friday.",
])
def test_a_denied_claim_is_denied(text: str) -> None:
    ms = _events(text)
    assert ms and all(m.status == "denied" for m in ms)


def test_a_denial_of_a_detail_leaves_the_strike_occurred() -> None:
    # what "which" stands for is the affiliation, not the strike
    ms = _events("A US strike on Friday destroyed a boat that officials said belonged to the "
                 "rebels, which the group denied on Saturday.")
    assert any(m.status == "occurred" for m in ms)


# --- recalled earlier strikes -------------------------------------------------------------

@pytest.mark.parametrize("published", [PUB, None])
def test_a_strike_weeks_before_the_lead_is_background(published: str | None) -> None:
    # with or without a publication date: measured from the lead event's own day
    ms = _events("A US strike on a boat in the Caribbean on Dec. 6, 2025, killed "
                 "three people. It followed a strike on Oct. 20, 2025, that killed four men.",
                 published)
    lead = [m for m in ms if m.date_low == "2025-12-06"]
    earlier = [m for m in ms if m.date_low == "2025-10-20"]
    assert lead and not lead[0].background
    # session 17's ruling (tests/gold/README.md):
    # the earlier strike, told with its own day and toll, is a
    # report of that strike, dated to its own day; with neither it stays background
    assert earlier and not any(m.background for m in earlier)
    ms = _events("A US strike on a boat in the Caribbean on Dec. 6, 2025, killed three "
                 "people. It followed a strike on Oct. 20, 2025.", published)
    assert all(m.background for m in ms if m.date_low == "2025-10-20")


def test_a_strike_in_an_earlier_month_than_the_lead_is_background() -> None:
    ms = _events("An airstrike hit a market in El Fasher on Saturday, killing 12. In November, "
                 "a drone strike on a mosque in the city killed 40.")
    assert [m.background for m in sorted(ms, key=lambda m: m.date_low or "")] == [True, False]


def test_the_same_days_strikes_are_the_news_not_background() -> None:
    ms = _events("A US strike killed three people on a boat on Saturday. On Thursday, another "
                 "strike on a vessel killed two.")
    assert len(ms) == 2 and not any(m.background for m in ms)


def test_a_strike_told_before_the_lead_is_not_judged_against_it() -> None:
    # the first dated strike is the lead; an undated later retelling is left alone
    ms = _events("In a strike on Saturday, the navy hit a boat, killing three. The strike "
                 "was the latest in a campaign.")
    assert not any(m.background for m in ms if m.status == "occurred")

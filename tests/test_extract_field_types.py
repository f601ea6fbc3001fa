"""Event type and status fields real copy words its own way (issue 14, field accuracy), each
checked on sentences written for these tests (none from any gold file): the aircraft that
fires a missile, the "raids" of wire copy, a party's committed "would"."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.status import read_status
from strikewatch.records import Article, Mention

PUB = "2024-06-10"  # a Monday
AIR = "Air/drone strike"
SHELL = "Shelling/artillery/missile attack"


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]


def _first(text: str) -> Mention:
    ms = _events(text)
    assert ms, text
    return ms[0]


def _status(sentence: str, word: str) -> str:
    i = sentence.index(word)
    return read_status(sentence, i, i + len(word))[0]


# --- an aircraft's launch is an air strike ------------------------------------------------

@pytest.mark.parametrize("text", [
    "A US drone fired two missiles at a house in North Waziristan on Friday, killing four "
    "people, officials said.",
    "Three men died on Sunday when an unmanned aircraft fired missiles at their car near "
    "Mir Ali.",
    "Warplanes reportedly launched rockets at a market outside the town, killing six.",
    "A helicopter gunship fired rockets at a convoy on the highway, leaving five dead.",
    "Two militants were killed when a drone-fired missile struck their hideout on Tuesday.",
    "Israeli warplanes pounded the southern suburbs overnight, killing three, the ministry "
    "said.",
])
def test_a_launch_from_an_aircraft_is_an_air_strike(text: str) -> None:
    m = _first(text)
    assert m.event_type == "Explosions/Remote violence"
    assert m.sub_event_type == AIR


@pytest.mark.parametrize("text", [
    "Hezbollah fired rockets at an army post in northern Israel on Monday, wounding two "
    "soldiers.",
    "The rebels launched missiles at the port city overnight, killing three civilians.",
    "Government troops shelled the village on Friday, killing four people.",
])
def test_a_launch_from_the_ground_stays_shelling(text: str) -> None:
    assert _first(text).sub_event_type == SHELL


# --- the "raids" of wire copy ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Four people were killed on Thursday in a string of Israeli raids on southern Lebanon, "
    "the health ministry said.",
    "Heavy raids across the south on Friday left a woman dead and 25 people hurt, the "
    "ministry said.",
    "Several raids overnight on villages near the border killed three people, state media "
    "reported.",
    "Israeli airstrikes hit a district of Damascus before dawn on Sunday. Five people died "
    "and 15 were hurt in the raid, the state news agency said.",
])
def test_raids_with_no_ground_force_are_air_strikes(text: str) -> None:
    ms = extract(Article(text=text, published=PUB))  # ("several raids": a tally of them)
    assert any(m.sub_event_type == AIR and m.event_type == "Explosions/Remote violence"
               for m in ms), [(m.event_type, m.sub_event_type) for m in ms]
    assert not any(m.event_type == "Battles" for m in ms)


@pytest.mark.parametrize("text", [
    "US special forces raided a compound in Idlib on Monday, killing a senior Islamic State "
    "leader, the Pentagon said.",
    "Troops killed six militants in a raid on a hideout in the district on Tuesday.",
    "Police raids in the city on Friday left two suspects dead and four arrested.",
    "Airstrikes hit the province last week. On Monday commandos raided a farmhouse there, "
    "killing two fighters.",
])
def test_ground_raids_stay_battles(text: str) -> None:
    ms = _events(text)
    assert ms
    assert not any(m.sub_event_type == AIR and "raid" in (m.provenance.get("event_type") or
                                                          [None])[0].text.lower()
                   for m in ms if m.provenance.get("event_type"))


# --- a party's committed "would" is a threat -------------------------------------------------

@pytest.mark.parametrize("sentence, word", [
    ("The defence minister said a total war would destroy the militia and strike the country "
     "hard.", "strike"),
    ("\"An all-out war would crush the militia and strike the capital,\" the minister "
     "told reporters.", "strike"),
    ("The army chief warned on Tuesday that his forces will bomb the ports again.", "bomb"),
    ("Speaking in parliament, he stressed that the air force would hit every launch site.",
     "hit every launch site"),
])
def test_a_partys_committed_future_of_force_is_threatened(sentence: str, word: str) -> None:
    assert _status(sentence, word) == "threatened"


@pytest.mark.parametrize("sentence, word", [
    ("Analysts said a wider war would devastate the region and strike its economy.",
     "strike"),
    ("A full-scale strike on the ports could follow within days.", "strike"),
    ("The minister said the air force would not strike civilian areas.", "strike"),
])
def test_speculation_or_a_refusal_is_no_threat(sentence: str, word: str) -> None:
    assert _status(sentence, word) != "threatened"


# --- "no civilians" said several ways is a civilian toll of zero ------------------------------

@pytest.mark.parametrize("text", [
    "A US air strike killed 12 militants near Jilib on Tuesday; no civilians are believed to "
    "have been harmed, the command said.",
    "A US air strike killed 12 militants near Jilib on Tuesday and killed or injured no "
    "civilians, the command said.",
    "A US air strike killed 12 militants near Jilib on Tuesday, and not a single civilian was "
    "hurt, the command said.",
    "A US air strike killed 12 militants near Jilib on Tuesday; no civilian was reported to "
    "have been injured.",
])
def test_no_civilians_hurt_is_a_civilian_toll_of_zero(text: str) -> None:
    m = _first(text)
    assert (m.civilians_killed_low, m.civilians_killed_high) == (0, 0)


@pytest.mark.parametrize("text", [
    "A US air strike killed 12 militants near Jilib on Tuesday, the command said, without "
    "saying whether civilians were hurt.",
    "A US air strike killed 12 militants and two civilians near Jilib on Tuesday.",
])
def test_civilians_unsaid_or_counted_are_not_zero(text: str) -> None:
    assert _first(text).civilians_killed_low != 0


# --- who acted: a partner, a place's country, a dateline are not the agent -------------------

def _actor1(text: str) -> str | None:
    m = _first(text)
    return m.actor1.country if m.actor1 else None


@pytest.mark.parametrize("text", [
    "On Thursday U.S. forces, coordinating with Nigerian authorities, struck two camps in "
    "the northwest, killing several militants.",
    "U.S. aircraft, cooperating closely with Somali officials, struck a camp near Jilib on "
    "Monday, killing seven fighters.",
    "American jets, supported by Iraqi forces, bombed a hideout in Anbar on Friday, killing "
    "five militants.",
])
def test_a_partner_named_beside_the_agent_is_not_the_agent(text: str) -> None:
    assert _actor1(text) == "US"


@pytest.mark.parametrize("text", [
    "On Sunday a house in Nangarhar province, Afghanistan, was destroyed in an air strike "
    "that killed six people.",
    "A market near the town of Jilib, Somalia, was hit in a strike on Tuesday that killed "
    "four.",
])
def test_the_country_closing_a_place_does_not_act(text: str) -> None:
    assert _actor1(text) not in ("AF", "SO")


def test_a_sentence_on_a_day_of_its_own_opens_another_act() -> None:
    ms = _events("An Israeli strike on a car in a southern village killed one man on Saturday, "
                 "the ministry said. On Thursday four people were killed in a string of "
                 "Israeli raids on the south, the ministry said.")
    assert len(ms) == 2

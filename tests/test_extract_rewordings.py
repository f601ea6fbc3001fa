"""Rules fixed from gold batch Q (tests/gold/real/README-q.md): the same fact reworded must be
read the same way. Every sentence here was written for these tests, several wordings a rule."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-11-10"  # a Monday


def _read(text: str, published: str | None = PUB) -> list[Mention]:
    return list(extract(Article(text=text, published=published)))


def _occurred(text: str) -> list[Mention]:
    return [m for m in _read(text) if m.status == "occurred" and not m.background]


# --- a deployment word that describes (a participle after its noun, a frame phrase) ---------

@pytest.mark.parametrize("text", [
    "An attack helicopter deployed for the mission spotted the gunmen in a clearing.",
    "Two reconnaissance drones deployed over the valley watched the road all night.",
    "A battalion deployed along the frontier was placed on alert, the ministry said.",
    "Surveillance aircraft deployed near the coast tracked the convoy.",
])
def test_a_participle_after_its_noun_describes_no_deployment(text: str) -> None:
    assert not [m for m in _occurred(text) if m.event_type == "Strategic developments"]


@pytest.mark.parametrize("text", [
    "As part of a vast military deployment, Washington has sent Navy ships to the region.",
    "Amid a naval deployment in the region, the ministry urged calm.",
    "The frigate sailed home during the summer deployment, officials said.",
])
def test_a_deployment_named_as_a_frame_is_no_act(text: str) -> None:
    assert not [m for m in _occurred(text) if m.event_type == "Strategic developments"]


@pytest.mark.parametrize("text", [
    "The Pentagon announced the deployment of 2,000 troops to the border on Monday.",
    "Washington deployed warships to the Caribbean as part of the operation.",
])
def test_a_deployment_told_as_the_act_stays(text: str) -> None:
    assert [m for m in _occurred(text) if m.event_type == "Strategic developments"]


# --- one act placed in a run of them ("the latest in a string of such strikes") --------------

@pytest.mark.parametrize("text", [
    "The U.S. military hit a vessel in the Caribbean on Friday, killing three people, the "
    "latest in a string of such strikes in recent months.",
    "Israeli jets bombed a house in Rafah on Tuesday, killing four, the newest in a wave of "
    "attacks on the city over the past week.",
    "A drone struck a car near Jilib on Friday, killing two militants, the third in a series "
    "of strikes in the region so far this year.",
    "The navy hit a speedboat off the coast on Friday, killing two, the most recent of a "
    "spate of such raids this year.",
    "Warplanes struck a fuel depot near Hodeidah on Friday, killing five, the latest in a "
    "series of such attacks.",
])
def test_one_act_placed_in_a_run_is_one_incident(text: str) -> None:
    events = _occurred(text)
    assert [m.kind for m in events] == ["event"]
    assert events[0].killed_low is not None and events[0].date_low is not None


def test_a_run_told_with_its_own_toll_stays_a_tally() -> None:
    text = "U.S. strikes have killed 60 people in recent months, the latest in a string of attacks."
    assert [m.kind for m in _occurred(text)] == ["tally"]


# --- the speaker is the agent of "it", with where or when it spoke in between ---------------

@pytest.mark.parametrize(("text", "country"), [
    ("The U.S. military said in a social media post that it hit a vessel in the Caribbean "
     "on Friday, killing three people.", "US"),
    ("The Israeli army said on Monday that it struck a weapons depot in southern Lebanon.",
     "IL"),
    ("Pakistan's military said through its media wing that it had carried out strikes on "
     "militant hideouts in Afghanistan.", "PK"),
    ("The Nigerian air force said in a statement on Sunday that it bombed a bandit camp in "
     "Zamfara, killing 30.", "NG"),
])
def test_the_speaker_is_the_agent_of_it(text: str, country: str) -> None:
    events = _occurred(text)
    assert events and events[0].actor1 is not None and events[0].actor1.country == country


# --- a fronted condition that holds the only event word, then a threat -----------------------

@pytest.mark.parametrize("text", [
    "Should America strike Yemen, US ships will be targeted by the Iran-backed group, its "
    "leader said.",
    "Should the US attack Iran, its bases in the region would be targeted, a commander said.",
    "If the US strikes Yemen, the group will retaliate, its leader said.",
    "The Iran-backed group will attack US ships if America strikes Yemen, its leader said.",
])
def test_a_threat_after_a_condition_is_a_threat(text: str) -> None:
    assert [m.status for m in _read(text)] == ["threatened"]


@pytest.mark.parametrize("text", [
    "If the US strikes Venezuela, oil prices could rise, analysts said.",
    "Should Washington launch strikes on cartels, Mexico would take the matter to the UN, "
    "the president said.",
])
def test_a_condition_with_no_act_of_force_after_it_stays_hypothetical(text: str) -> None:
    assert [m.status for m in _read(text)] == ["hypothetical"]


# --- "X struck A as Y fired at B": two acts in one sentence, joined by "as"/"while" ----------

@pytest.mark.parametrize("text", [
    "Israeli jets pounded Gaza on Friday while Hamas fired rockets at Tel Aviv.",
    "Russian forces shelled Kharkiv overnight even as Ukrainian drones attacked a refinery "
    "in Ryazan.",
    "Pakistani jets struck camps in Khost on Monday while Afghan forces shelled border posts "
    "in Kurram.",
    "Israel's military struck targets across south Lebanon on Sunday as Hezbollah fired a "
    "barrage of rockets at northern Israel.",
])
def test_two_acts_joined_by_as_or_while_are_two_events(text: str) -> None:
    assert len(_occurred(text)) == 2


@pytest.mark.parametrize("text", [
    "Two civilians died on Sunday as an Israeli drone struck their car near Tyre.",
    "Three people were killed as militants fired rockets at the town on Sunday.",
    "A child was killed on Tuesday as Russian shells struck a school in Kherson.",
])
def test_deaths_as_an_act_struck_are_that_one_act(text: str) -> None:
    assert len(_occurred(text)) == 1


# --- a military that announces a strike naming no other party, speaker told last ------------

@pytest.mark.parametrize(("text", "country"), [
    ("Several bandits were killed in an airstrike in Kaduna, the Nigerian military confirmed "
     "on Sunday.", "NG"),
    ("Several bandits were killed in an airstrike in Kaduna, a northwestern Nigerian state, "
     "the country's military confirmed on Sunday.", "NG"),
    ("Twelve militants were killed in an air raid in Borno state, Nigeria, the country's air "
     "force said.", "NG"),
    ("Five al-Shabaab fighters died in a drone strike near Jilib, the Somali army said on "
     "Friday.", "SO"),
])
def test_a_military_speaker_told_last_announces_its_own_strike(text: str, country: str) -> None:
    events = _occurred(text)
    assert events and events[0].actor1 is not None and events[0].actor1.country == country


def test_a_military_telling_of_civilians_killed_names_no_attacker() -> None:
    text = "Three civilians were killed in an airstrike near Kharkiv, the Ukrainian military said."
    assert [m.actor1 for m in _occurred(text)] == [None]

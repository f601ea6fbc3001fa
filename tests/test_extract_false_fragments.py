"""False incidents and misdated fragments read from one page (issue 14, items 1, 2, 7).

- a day inside an opening phrase that names an earlier act ("After it announced the Feb. 27
  strikes, ...", "Following Monday's raid, ...") is that act's, not the sentence's own act's;
- an act said twice around "after" ("boat after boat", "strike after strike") is a run of
  acts, a campaign, never one incident;
- a place name shared by two countries is read in the country the page names as a place,
  not the attacker's named as a party (Palmyra in Syria, not in the United States);
- acts filling weeks or years ("a year of aerial bombing") are a campaign;
- a named site before the event noun ("the Ain al-Hilweh camp strike") is no attacker;
- a page that calls a post or photo misleading tells the strike that post claims only as
  claimed.

Sentences written for these tests, in several registers (wire, broadcaster, blog).
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.components.clauses import fronted_act
from strikewatch.records import Article

TUESDAY = "2026-03-03"


def _strikes(text: str, published: str | None = TUESDAY) -> list:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _with_toll(text: str, published: str | None = TUESDAY) -> list:
    return [m for m in _strikes(text, published) if m.killed_low is not None]


# --- the day of an opening phrase's act -----------------------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    ("After it announced the Feb. 27 strikes, Southern Command carried out another round on "
     "Feb. 28, killing five people aboard two vessels.", "2026-02-28"),
    ("Following Monday's strike on the camp, the army bombed a market in the town on Tuesday, "
     "killing nine.", "2026-03-03"),
    ("Hours after the March 1 raid on the port, warplanes pounded the airport on March 2, "
     "leaving four dead.", "2026-03-02"),
    ("In the wake of Sunday's attack on the convoy, the militia shelled the barracks on "
     "Monday, killing seven soldiers.", "2026-03-02"),
    ("Just after the 27 February bombing, jets struck the depot again on 28 February and "
     "killed three guards.", "2026-02-28"),
])
def test_a_day_premodifying_an_earlier_act_is_not_the_sentences_act(text: str, day: str) -> None:
    (m,) = _with_toll(text)
    assert m.date_low == day


@pytest.mark.parametrize("text", [
    "After the strike, the ministry said on Tuesday that 12 people had died.",  # no act verb
    "After a long night, the residents returned home on Monday.",  # no act named
    "The navy struck a boat on Monday, after a week of calm.",  # nothing fronted
])
def test_no_fronted_act_without_an_act_named_and_an_act_done(text: str) -> None:
    assert fronted_act(text) is None


def test_the_fronted_act_told_with_a_verb_of_its_own_keeps_its_day() -> None:
    got = _strikes("After the March 1 raid on the port, Israeli jets struck a depot in "
                   "Hodeidah on March 2, killing three people.")
    assert {m.date_low for m in got} == {"2026-03-01", "2026-03-02"}
    assert next(m for m in got if m.killed_low == 3).date_low == "2026-03-02"


# --- a run of acts --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The Pentagon has carried out strike after strike on suspected drug boats.",
    "American forces have hit boat after boat in the Caribbean this autumn.",
    "Russia has sent wave upon wave of drones against Ukrainian cities.",
    "The jets destroyed one target after another along the coast.",
    "Since the summer the Americans have blown up vessel after vessel off Venezuela.",
])
def test_an_act_said_twice_around_after_is_a_campaign(text: str) -> None:
    assert _strikes(text) == []


@pytest.mark.parametrize("text", [
    "On Monday the jets carried out strike after strike on the port, killing 12 people.",
    "A day after the strike, the navy hit another boat in the Pacific.",
    "The navy struck a boat after a strike on Monday missed it.",
])
def test_one_act_with_a_day_or_toll_or_no_run_stays(text: str) -> None:
    assert len(_strikes(text)) == 1


# --- a homonym's country ----------------------------------------------------------------------

def test_a_shared_name_is_read_in_the_country_named_as_a_place() -> None:
    text = ("US forces struck Islamic State targets in central Syria on Friday. The strikes "
            "answered the Dec. 13 attack in Palmyra, in which a gunman killed two US soldiers.")
    got = [m for m in extract(Article(text=text, published=TUESDAY)) if m.killed_low == 2]
    assert got and got[0].place is not None and got[0].place.country == "SY"


def test_the_attackers_country_named_first_as_a_party_does_not_win_the_name() -> None:
    text = ("The US military blamed Islamic State for Saturday's ambush. Three soldiers died "
            "in the ambush near Palmyra, deep in the desert of central Syria.")
    got = [m for m in extract(Article(text=text, published=TUESDAY)) if m.killed_low == 3]
    assert got and got[0].place is not None and got[0].place.country == "SY"


# --- claims a page checks -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    ("Misleading post: the boat photo is not what it seems\n\nA viral post claims that the "
     "U.S. Navy destroyed this boat off Colombia in October. The picture actually shows a "
     "seizure by Spanish police in 2024."),
    ('FACT CHECK: Video of "Israeli strike on Beirut" is old\n\nA video shared widely on '
     "social media purports to show an Israeli airstrike hitting a Beirut tower on Sunday. "
     "The footage is from 2021 and was filmed in Gaza."),
    ("The clip doing the rounds on TikTok is fake. It claims that Russian bombers flattened "
     "a school in Kharkiv on Monday, but the building in it stands in Syria."),
])
def test_a_strike_told_only_as_what_a_debunked_post_says_is_no_occurred_strike(
        text: str) -> None:
    assert _strikes(text) == []


@pytest.mark.parametrize("text", [
    ("The navy struck a boat in the Caribbean on Tuesday, killing two, the post said. "
     "Officials released a video of the strike."),
    ("A video posted by the army shows the strike on the depot on Monday. Residents said six "
     "people died."),
    ("Jets bombed a fuel depot on Monday, killing four. Officials dismissed as false claims "
     "that a hospital had been hit."),
])
def test_a_news_strike_beside_a_post_or_a_denial_stays(text: str) -> None:
    assert len(_strikes(text)) == 1


def test_a_toll_after_a_fronted_phrase_is_no_act_of_its_own() -> None:
    # "strikes" there is a noun: the sentence tells a campaign's toll, not an act
    assert fronted_act("After the two latest attacks on suspected drug boats, the death toll "
                       "of such strikes stands at 37.") is None


# --- a span of time filled with acts ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    ("A Nigerian airstrike killed 12 villagers in Zamfara on Saturday. It is the third such "
     "incident in a little over a year of aerial bombing of armed gangs. The strike was aimed "
     "at bandits, officials said."),
    ("Israeli jets struck a house in Khan Younis on Monday, killing five. The town has been "
     "emptied by months of Israeli airstrikes. The strike hit a family home, medics said."),
    ("A Russian missile hit a block of flats in Kharkiv on Sunday, killing four. After two "
     "years of bombardment the city still has no shelters. The attack hit the ninth floor."),
])
def test_acts_filling_a_span_of_time_are_no_incident_of_their_own(text: str) -> None:
    assert len(_strikes(text)) == 1


def test_within_days_of_the_strike_names_the_one_act() -> None:
    text = ("Jets struck a depot in the port on Monday. Within days of the strike, the army "
            "announced an inquiry into the raid.")
    assert len(_strikes(text)) == 1


@pytest.mark.parametrize("text", [
    "By one estimate, Ankara has struck the Kurdistan Region and Nineveh province more than "
    "1,000 times this year.",
    "The militia has shelled villages along the northern border and the river valley about "
    "300 times since January.",
])
def test_a_count_of_times_closing_a_long_object_is_a_pattern(text: str) -> None:
    assert _strikes(text) == []


# --- a named site before the event noun is no attacker -------------------------------------------

@pytest.mark.parametrize("text", [
    ("Thirteen people died on Tuesday when Israel struck a refugee camp in southern Lebanon, "
     "the health ministry said. The Ain al-Hilweh camp strike, on the edge of the coastal city "
     "of Sidon, also wounded several others, the ministry said."),
    ("Russian missiles hit a hospital in Kharkiv on Monday, killing four. The Saltivka hospital "
     "strike, near the ring road, also wounded a nurse, officials said."),
])
def test_the_site_named_before_the_event_noun_does_not_split_the_strike(text: str) -> None:
    got = _strikes(text)
    assert len(got) == 1
    assert got[0].actor1 is not None and got[0].actor1.country in ("IL", "RU")


def test_days_of_fighting_may_be_one_battle() -> None:
    text = ("Rebels said on Sunday that three days of heavy fighting around the desert town had "
            "left dozens of soldiers dead.")
    assert len([m for m in extract(Article(text=text, published=TUESDAY))
                if m.status == "occurred" and not m.background]) == 1


def test_no_evidence_for_the_claims_is_no_check_of_the_strike() -> None:
    text = ("The US military struck a boat in the Caribbean on Monday, killing three, and posted "
            "a video showing the strike. It offered no evidence for its claims that the boat "
            "carried drugs.")
    assert len(_strikes(text)) == 1


@pytest.mark.parametrize("text", [
    ("An ambush in Palmyra killed three American troops on Saturday, Syria's interior "
     "ministry said."),
    ("A lone gunman ambushed and killed two American soldiers and an American civilian "
     "interpreter in Palmyra on Saturday, officials in Syria said."),
])
def test_the_victims_nationality_does_not_place_a_shared_name(text: str) -> None:
    got = [m for m in extract(Article(text=text, published=TUESDAY))
           if m.killed_low in (2, 3)]
    assert got and got[0].place is not None and got[0].place.country == "SY"


@pytest.mark.parametrize("text", [
    ("Israel struck a refugee camp in southern Lebanon on Tuesday, killing 13. Local "
     "Palestine Liberation Organization factions in Sidon denounced the strike."),
    ("Israeli jets bombed a house in Khan Younis on Monday, killing six. Hamas leaders in Gaza "
     "condemned the raid as a massacre."),
    ("Russian missiles slammed into a hospital in Kharkiv on Monday, killing four. Ukraine's "
     "Red Cross members from Kharkiv decried the attack."),
])
def test_who_reacted_to_the_strike_is_not_its_attacker(text: str) -> None:
    got = _strikes(text)
    assert len(got) == 1
    assert got[0].actor1 is not None and got[0].actor1.country in ("IL", "RU")

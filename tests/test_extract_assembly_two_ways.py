"""One act told as two kinds of violence is one strike (assemble `_told_two_ways`).

A report calls one operation a strike in its lede and a firefight, a gun battle or an
exchange of fire further down, or tells a raid and then its dead with no attacker named.
Read as two violent types (remote violence and battles), the two tellings became two
incidents of one strike. Where the later telling names no attacker of its own (or only one
on the same side, with no country: "the military", "troops") and shares the toll or tells
of the act with a definite noun ("the operation turned into ..."), and no event of its own
type can be it, it is that act. Two acts by other parties stay apart. (Sentences written for
these tests.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article

TUESDAY = "2026-03-03"


def _strikes(text: str, published: str = TUESDAY) -> list:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


ONE_ACT = [
    # a strike that became a firefight (wire register)
    "Security forces struck a band of militants in the Ghulam Khan area of North Waziristan, "
    "the army said on Monday. According to the army's statement, the operation turned into a "
    "fierce firefight in which six militants were killed.",
    # British spelling, a raid and the gun battle it turned into
    "Commandos raided a militant hideout outside Kunduz on Monday, officials said. The raid "
    "developed into a gun battle in which eight fighters were killed.",
    # a broadcaster's register: the assault and the exchange of fire
    "Troops hit an insurgent camp in Bajaur district on Monday, the military said. During "
    "the assault an exchange of fire broke out and five insurgents died.",
    # a blog's register: the toll told again with no attacker and an airstrike word
    "At least 14 fighters died in a raid by American forces in western Iraq on Monday, "
    "officials said. Iraqi officials said 14 were killed when the hideouts were bombed from "
    "the air before the assault.",
]


@pytest.mark.parametrize("text", ONE_ACT)
def test_one_act_told_as_two_kinds_of_violence_is_one_strike(text: str) -> None:
    found = _strikes(text)
    assert len(found) == 1, [(m.event_type, m.killed_low) for m in found]


APART = [
    # another party's act, of another type: a militant assault after the strike
    "Israeli jets struck a house in Tyre on Monday, killing two people, the health ministry "
    "said. Hezbollah fighters attacked an army post near Metula on Monday, and three soldiers "
    "were wounded.",
    # a day with two acts in two places
    "A drone strike hit a car near Bint Jbeil on Monday, killing one man. In a separate "
    "clash in Kfar Kila, two fighters were killed.",
]


@pytest.mark.parametrize("text", APART)
def test_two_acts_of_other_parties_or_places_stay_two(text: str) -> None:
    assert len(_strikes(text)) == 2


def test_a_firefight_with_its_own_toll_joins_the_strike_told_with_that_toll() -> None:
    text = ("Pakistani troops hit a militant hideout in Bajaur district on Monday, killing "
            "six insurgents, the military said. Six insurgents were killed in the ensuing "
            "exchange of fire, according to the statement.")
    found = _strikes(text)
    assert len(found) == 1 and found[0].killed_low == 6


# --- a week told, then the one day inside it (context `Group.dated`) ---------------------

SATURDAY = "2025-10-25"  # the week of Monday 20 to Saturday 25 October 2025

WEEK_THEN_DAY = [
    ("Nine people were killed in an air strike on a market near Marib this week, medics "
     "said. The strike on Tuesday night hit stalls near the bus station, witnesses said.",
     "2025-10-21"),
    ("A drone strike killed a commander in Idlib earlier this week, monitors reported. The "
     "drone hit his car on Wednesday as he left a mosque, according to the monitor.",
     "2025-10-22"),
    ("Fourteen fighters died in a raid by American forces in western Iraq earlier this week, "
     "officials said on Saturday. The raid was carried out before dawn on Thursday, the "
     "command said.", "2025-10-23"),
]


@pytest.mark.parametrize("text,day", WEEK_THEN_DAY)
def test_a_week_told_gives_way_to_the_one_day_named_inside_it(text: str, day: str) -> None:
    found = _strikes(text, SATURDAY)
    assert [(m.date_low, m.date_high) for m in found] == [(day, day)]


def test_a_week_stays_a_week_where_no_day_inside_it_is_named() -> None:
    text = ("Nine people were killed in an air strike on a market near Marib earlier this "
            "week, medics said. The strike hit stalls near the bus station, witnesses said.")
    found = _strikes(text, SATURDAY)
    assert [(m.date_low, m.date_high) for m in found] == [("2025-10-20", "2025-10-25")]


# --- a standfirst told by a verb, then the lede's dated strikes (`_undated_verb`) ---------

STANDFIRST_THEN_LEDE = [
    "Two militia depots bombed by US jets as tensions rise; Pentagon says more to come.\n"
    "On Sunday the Pentagon said US forces had carried out air strikes on two militia depots "
    "in eastern Syria, near Deir ez-Zor.",
    "Four Houthi radar sites struck by American warplanes as the Red Sea crisis deepens.\n"
    "US Central Command said on Friday that its aircraft had conducted strikes on four Houthi "
    "radar sites along Yemen's Red Sea coast.",
    "Rebel bases near Saada pounded by Saudi-led jets, residents say\n"
    "The coalition said on Tuesday it had launched airstrikes on three rebel bases near "
    "Saada, its spokesman said.",
]


@pytest.mark.parametrize("text", STANDFIRST_THEN_LEDE)
def test_an_undated_act_told_by_a_verb_is_the_dated_strikes_told_after_it(text: str) -> None:
    assert len(_strikes(text)) == 1


@pytest.mark.parametrize("text", [
    "Israeli jets bombed a depot near Baalbek, residents said. On Sunday Israeli strikes on "
    "three homes in Khan Younis killed nine people, medics said.",
    "Militants ambushed a convoy near Kidal, officials said. On Sunday army air strikes on "
    "two camps near Gao killed 12 fighters, the army said.",
])
def test_strikes_elsewhere_or_by_another_party_stay_apart(text: str) -> None:
    assert len(_strikes(text)) == 2


# --- a campaign word and the campaign's dead (`_campaign_toll`) ---------------------------

CAMPAIGN_AND_ITS_DEAD = [
    "Tensions have risen across the region because of the US naval campaign in the "
    "Caribbean. The death toll stands at 57 or more.",
    "Pakistan's offensive in the tribal belt is now in its third month. The dead number at "
    "least 400, the army says.",
    "The crackdown on the cartels has widened since spring; officials count the dead at "
    "more than 90.",
]


@pytest.mark.parametrize("text", CAMPAIGN_AND_ITS_DEAD)
def test_a_campaign_told_with_its_dead_is_no_incident(text: str) -> None:
    assert _strikes(text) == []


def test_a_strike_told_as_part_of_an_offensive_stays_a_strike() -> None:
    text = ("An Israeli air strike killed three people in Tyre on Monday, the health ministry "
            "said. The strike was part of a widening offensive against Hezbollah.")
    found = _strikes(text)
    assert len(found) == 1 and found[0].killed_low == 3


def test_an_offensive_opened_with_strikes_that_killed_stays_an_act() -> None:
    text = ("The army's offensive began on Monday with air strikes on two villages near "
            "Gao that killed 12 fighters, officials said.")
    assert len(_strikes(text)) >= 1


@pytest.mark.parametrize("text", [
    "Jets bombed a rebel camp in the hills overnight, killing six fighters, the army said. "
    "Residents said the bombs fell on Tuesday morning near the river.",
    "Pakistan says its overnight airstrike in eastern Afghanistan hit militant hideouts. "
    "Local residents said the house was struck on Tuesday before dawn.",
])
def test_overnight_is_not_narrowed_to_the_day_named_after_it(text: str) -> None:
    # the night and the day it was told: no week, whatever day a later sentence names
    found = _strikes(text, TUESDAY)
    assert [(m.date_low, m.date_high) for m in found] == [("2026-03-02", "2026-03-03")]

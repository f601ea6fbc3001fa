"""Acts a strike page names as context, not as strikes it reports (document-level assembly).

Below the news, a page names other acts as the backdrop of its story: the act its news runs
from ("tanker seizures have gone on ever since the raid that captured the president"), a
campaign summed up to date ("forces have, since September, carried out a series of
strikes"), an attack that lawmakers are going over ("as Congress examines an attack that
killed two survivors"). Read clause by clause each is an occurred act with no day or toll
of its own and became a false incident; read as a document, each is context. The page's
first act is its news whatever its wording, and one with a day, toll or count of its own
stays. (Sentences written for these tests.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article

WEDNESDAY = "2026-03-04"
LEDES = [
    "The US military struck a suspected drug boat in the eastern Pacific on Tuesday, killing "
    "three people, Southern Command said.",
    "Israeli jets bombed a house in the southern Lebanese town of Bint Jbeil on Monday, killing "
    "two men, the health ministry said.",
    "A drone strike hit a car near the Somali town of Jilib on Sunday, killing four fighters, "
    "the government said.",
]


def _news(text: str) -> list:
    return [m for m in extract(Article(text=text, published=WEDNESDAY))
            if m.kind == "event" and m.status == "occurred" and not m.background]


# --- the act the news runs from ----------------------------------------------------------

RUNS_FROM = [
    "Operations at sea intensified following a U.S. raid on the capital that toppled the "
    "government.",
    "The pace of the campaign has picked up in the wake of a commando raid on a port.",
    "Cross-border fire has not stopped since the militia's rocket attack on a border town.",
    "Patrols were stepped up on the heels of an ambush on a convoy near the frontier.",
    "The navy has concentrated on seizing tankers ever since the administration's daring raid "
    "in the capital.",
]


@pytest.mark.parametrize("lede", LEDES)
@pytest.mark.parametrize("context", RUNS_FROM)
def test_an_act_the_news_runs_from_is_no_incident_of_its_own(lede: str, context: str) -> None:
    (m,) = _news(f"{lede}\n{context}")
    assert m.killed_low is not None  # the lede's strike, with its toll


def test_an_opening_following_refers_back_to_the_act_told() -> None:
    text = (f"{LEDES[0]}\nFollowing the strike, the command posted a video of the boat "
            "exploding.")
    (m,) = _news(text)
    assert m.killed_low == m.killed_high == 3


def test_an_act_the_news_runs_from_with_a_toll_or_day_of_its_own_stays() -> None:
    text = (f"{LEDES[1]}\nThe border has been tense since a rocket attack on Friday killed "
            "two soldiers in the north.")
    assert len(_news(text)) == 2


def test_the_first_act_of_a_page_is_its_news_whatever_its_wording() -> None:
    text = ("Residents fled their homes following an Israeli airstrike on the village of "
            "Aitaroun, witnesses said.\nThe army did not comment.")
    assert len(_news(text)) == 1


# --- a campaign summed up to date ----------------------------------------------------------

TO_DATE = [
    "US forces have, since September, carried out a series of interdictions and strikes in the "
    "Caribbean and the Pacific.",
    "Since the spring, the coast guard and navy have mounted raids along the coast of Yemen.",
    "The air force has conducted strikes on militant hideouts in the region since early 2024.",
    "Washington has, since the campaign began last year, launched air strikes on boats it says "
    "carry drugs.",
]


@pytest.mark.parametrize("context", TO_DATE)
def test_a_campaign_summed_up_to_date_is_no_incident(context: str) -> None:
    (m,) = _news(f"{LEDES[0]}\n{context}")
    assert m.killed_low == m.killed_high == 3


def test_acts_carried_out_on_a_day_stay_news() -> None:
    text = (f"{LEDES[0]}\nOn Monday the navy carried out strikes on two more boats in the "
            "Caribbean, killing five.")
    assert len(_news(text)) == 2


# --- an attack lawmakers are going over ------------------------------------------------------

GONE_OVER = [
    "Senators are reviewing a raid in international waters that left two men dead.",
    "A House panel is examining an attack on a fishing boat off Venezuela.",
    "Lawmakers are scrutinising the attack on a second boat in September.",
    "The committee began a review of the raid on a coastal village.",
]


@pytest.mark.parametrize("context", GONE_OVER)
def test_an_attack_lawmakers_go_over_is_no_news_of_its_own(context: str) -> None:
    (m,) = _news(f"{LEDES[0]}\n{context}")
    assert m.date_low == "2026-03-03"


def test_an_examined_attack_on_a_page_of_its_own_is_background() -> None:
    text = ("Congress is examining an attack in international waters that killed two people "
            "who had survived a first strike.\nThe admiral is due to testify next week.")
    assert _news(text) == []


def test_a_campaign_to_date_told_again_in_a_weak_word_is_still_no_incident() -> None:
    text = (f"{LEDES[0]}\nUS forces have, since September, carried out a series of interdictions "
            "and strikes in the Caribbean Sea and the Pacific.\nThe command's area covers the "
            "Caribbean, where its counter-narcotics missions go on.")
    (m,) = _news(text)
    assert m.killed_low == m.killed_high == 3

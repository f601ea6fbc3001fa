"""One act told in the singular and then in the plural is one strike (issue 14, items 1-2).

Writers call one operation "the strike" and "the strikes" in turn: a headline's "bombing"
and the lede's "airstrikes", a wire's "an air strike" and a later "the victims of the
raids". Read by the number of the event word alone, the page made two incidents of one
strike. Where the dead tie the two tellings — the same whole figure, or a part of the dead
("were among the victims") told of "the raids" — they are one; two strikes an article tells
(another day, another town, another toll) stay two. The district a gazetteer files as its
own area and the province it lies in ("Khyber", "Khyber Pakhtunkhwa") are one place told
narrower and wider. (Sentences written for these tests.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.components.assemble import _named_within, _places_differ
from strikewatch.records import Article, Place

MONDAY = "2026-03-02"


def _strikes(text: str, published: str | None = MONDAY) -> list:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


# --- the same whole toll ties a singular and a plural telling -------------------------------

ONE_STRIKE = [
    # a wire: headline in the singular with no day, lede in the plural (two on main)
    "Air force bombing in Kurram leaves 12 dead\n"
    "Pakistani air force airstrikes on villages in Kurram killed at least 12 people on "
    "Sunday, local officials said.",
    # an agency rewrite: "raid" then "raids", the toll told the same (two on main)
    "Coalition raid on Saada market kills nine civilians\n"
    "Coalition air raids on a market in Saada left nine civilians dead, a rebel spokesman "
    "said on Sunday.",
    # a broadcaster's headline and lede (one already: kept as guards)
    "Missile strike on Kharkiv leaves seven dead\n"
    "Russian missile attacks on Kharkiv killed seven people on Sunday and wounded 30, the "
    "regional governor said.",
    "Israeli airstrike on a house in Jabalia kills 14\n"
    "Residents said Israeli strikes on the camp killed 14 people on Sunday, most of them "
    "women.",
    # a blog, loose register
    "Drone bombing kills 8 in Idlib!!\n"
    "So Russian drone attacks on Idlib killed 8 people on Sunday, per the local rescuers.",
]


@pytest.mark.parametrize("text", ONE_STRIKE)
def test_a_plural_telling_with_the_same_dead_is_the_one_strike(text: str) -> None:
    assert len(_strikes(text)) == 1


# --- a part of the dead told of "the raids" --------------------------------------------------

PARTS = [
    # the part's figure was the mention's toll on main (3, not 10)
    "A Pakistani air strike killed at least 10 people in Paktika on Friday night, officials "
    "said.\nThree cricketers were among the victims of the raids, and the national board "
    "later confirmed that three cricketers had died.",
    "An airstrike on a wedding in Hajjah killed 21 people on Sunday, health officials said.\n"
    "Four children were among the victims of the strikes, and aid workers said four "
    "children had died.",
    "An Israeli strike on a school in Gaza City killed at least 20 people on Sunday.\n"
    "Two journalists were among the dead of the attacks, their channel said; it confirmed "
    "that two journalists had been killed.",
]


@pytest.mark.parametrize("text", PARTS)
def test_a_part_of_the_dead_told_of_the_plural_is_the_one_strike(text: str) -> None:
    ms = _strikes(text)
    assert len(ms) == 1
    assert ms[0].killed_low is not None and ms[0].killed_low >= 10


# --- two strikes an article tells stay two ----------------------------------------------------

TWO_STRIKES = [
    # another day
    "A drone strike killed seven people in Marib on Friday, officials said.\n"
    "Coalition air raids killed seven people in Marib on Sunday, officials said.",
    # another toll
    "An Israeli airstrike in Jabalia killed 14 people on Sunday.\n"
    "Israeli strikes on Rafah killed 9 people on Sunday, medics said.",
    # another town, in another province
    "An airstrike killed 5 people in Sanaa on Sunday, the rebels said.\n"
    "Airstrikes killed 5 people in Aden on Sunday, a government official said.",
    # told apart in words
    "An Israeli airstrike in Jabalia killed 14 people on Sunday.\n"
    "In a separate attack, Israeli strikes on Khan Younis also killed 14 people.",
    # a part of the dead of raids on another day
    "An air strike killed 10 people in Paktika on Friday night, officials said.\n"
    "Three soldiers were among the victims of the raids in Khost on Sunday, and the army "
    "confirmed that three soldiers had died.",
]


@pytest.mark.parametrize("text", TWO_STRIKES)
def test_two_strikes_of_one_article_stay_two(text: str) -> None:
    assert len(_strikes(text)) == 2


def test_a_toll_of_two_alone_does_not_tie_a_plural_to_a_singular() -> None:
    text = ("A drone strike killed two people in Marib on Sunday, officials said.\n"
            "Coalition airstrikes killed two people in Hajjah on Sunday, medics said.")
    assert len(_strikes(text)) == 2


# --- a district and the province named by its first words ------------------------------------

def _place(name: str, admin1: str, country: str = "PK", kind: str = "admin area") -> Place:
    return Place(name=name, admin1=admin1, country=country, kind=kind)


def test_a_district_named_as_its_provinces_first_words_is_within_it() -> None:
    khyber = _place("Khyber District", "Khyber District")
    province = _place("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa")
    assert _named_within(khyber, province)
    assert not _places_differ(khyber, province)


@pytest.mark.parametrize("other", ["North Waziristan", "Kurram District", "Khyberabad"])
def test_other_names_still_differ(other: str) -> None:
    khyber = _place("Khyber District", "Khyber District")
    assert _places_differ(khyber, _place(other, other))


def test_names_of_two_countries_never_join() -> None:
    assert _places_differ(_place("Punjab", "Punjab", "PK"), _place("Punjab", "Punjab", "IN"))


def test_a_whole_told_first_keeps_its_figure_beside_a_part_of_the_same_figure() -> None:
    """"Two commanders were killed ... the group said two of its commanders had died": all
    the dead were its commanders; the part told after the whole is no floor of its own."""
    text = ("Two commanders of the militia were killed on Sunday in a drone strike in Baghdad, "
            "security sources said.\nThe militia confirmed that two of its commanders had died "
            "in the drone strike.\nSeparately, a drone strike in Basra on Saturday killed one "
            "fighter.")
    ms = _strikes(text)
    assert len(ms) == 2
    assert (ms[0].killed_low, ms[0].killed_high) == (2, 2)

"""One strike told with its place named two ways stays one (dups3).

A lede that places a strike in a region and an elaboration that names the state inside it
("the Kordofan region" / "North Kordofan"), or a province by its adjective and the city it
is named for ("Kharkivska oblast" / "Kharkiv"), are one place told wider and narrower. A
wire dateline that opens the first prose line below a page's title and breadcrumbs is where
the story was filed, not where the strike was. Two strikes in two areas stay two.
(Sentences written for these tests.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.components.assemble import _named_within, _places_differ
from strikewatch.geo import dateline_end
from strikewatch.records import Article, Place

MONDAY = "2026-03-02"


def _strikes(text: str, published: str | None = MONDAY) -> list:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _place(name: str, admin1: str, country: str = "SD") -> Place:
    return Place(name=name, admin1=admin1, country=country, kind="admin area")


@pytest.mark.parametrize(("wide", "narrow", "country"), [
    ("Kordofan", "North Kordofan", "SD"),
    ("Darfur", "Central Darfur", "SD"),
    ("Kharkivska oblast", "Kharkiv", "UA"),
])
def test_an_area_and_a_part_named_from_it_are_one_place(wide: str, narrow: str,
                                                        country: str) -> None:
    p, q = _place(wide, wide, country), _place(narrow, narrow, country)
    assert _named_within(p, q) and _named_within(q, p)
    assert not _places_differ(p, q)


@pytest.mark.parametrize(("one", "other"), [
    ("North Kordofan", "South Kordofan"),   # two sides of one region
    ("North Kordofan", "North Darfur"),
    ("Kharkivska oblast", "Kharkivtsy"),    # not the adjective's ending
    ("Kordofan", "Kordofanite Hills"),
])
def test_other_areas_still_differ(one: str, other: str) -> None:
    assert _places_differ(_place(one, one), _place(other, other))


def test_a_region_lede_and_its_states_elaboration_are_one_strike() -> None:
    text = ("Drones hit a market in the Kordofan region of Sudan, killing at least 20 people, "
            "a monitoring group said.\n"
            "In a statement on Monday, the group said drones had bombed the livestock market "
            "of Um Sayala, in North Kordofan state, on Sunday.")
    assert len(_strikes(text)) == 1


def test_strikes_in_two_states_stay_two() -> None:
    text = ("Drones hit a market in North Kordofan state on Sunday, killing at least 20 "
            "people, a monitoring group said.\n"
            "Separately, an air strike on a camp in South Darfur killed six on Saturday.")
    assert len(_strikes(text)) == 2


PAGE = ("The Daily Post / Asia / SE Asia\n\n"
        "Myanmar army air strike kills at least 12, residents say\n\n"
        "YANGON - At least 12 people died when a Myanmar military air strike hit a market in "
        "a village of the country's western state, according to two residents.\n\n")


def test_a_dateline_below_the_title_is_cut_like_one_at_the_top() -> None:
    start = PAGE.index("YANGON")
    assert dateline_end(PAGE, start) == PAGE.index("At least")
    assert dateline_end(PAGE, 0) == 0  # the breadcrumbs are no dateline


def test_a_dateline_below_the_title_does_not_place_the_strike() -> None:
    text = PAGE + ("Junta aircraft bombed Kyauk Taw, a village some 20km north of Sittwe, on "
                   "Feb 28, a rebel spokesman said.")
    ms = _strikes(text)
    assert len(ms) == 1
    assert ms[0].place is not None and ms[0].place.name != "Yangon"


def test_two_strikes_below_a_dateline_stay_two() -> None:
    text = PAGE + ("Separately, on Friday, junta jets bombed a monastery near Sittwe, killing "
                   "three monks, a rebel spokesman said.")
    assert len(_strikes(text)) == 2

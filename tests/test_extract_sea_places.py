"""Where a strike at sea is placed (issue 14): a named sea inside "international waters of
...", "in the waters of ...", a Spanish sea named with its adjective after it ("el Pacífico
oriental"), and open water alone, which is at sea in no named sea. Sentences written for
these tests; seas compared by the key the resolver and the ledger use (`sea_key`)."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract, registry
from strikewatch.extract.places import seas_named
from strikewatch.geo import locate, places_in
from strikewatch.records import Article, Mention, Place
from strikewatch.resolve.features import sea_key

PUB = "2025-11-12"


def _events(text: str, language: str = "en") -> list[Mention]:
    art = Article(id="t-sea", text=text, published=PUB, language=language)
    got = registry.checked(registry.get_extractor("strikewatch-rules-es"), art) \
        if language == "es" else extract(art)
    return [m for m in got if m.kind == "event"]


def _place(text: str, language: str = "en") -> Place | None:
    events = _events(text, language)
    assert len(events) == 1, events
    return events[0].place


@pytest.mark.parametrize(("where", "sea"), [
    ("in international waters of the eastern Pacific", "pacific"),
    ("in international waters in the Caribbean", "caribbean"),
    ("in the international waters of the Gulf of Aden", "aden"),
    ("in the waters of the eastern Pacific", "pacific"),
    ("in the southern Caribbean", "caribbean"),
    ("in the Eastern Pacific Ocean", "pacific"),
    ("in the Caribbean, in international waters,", "caribbean"),
])
def test_a_sea_named_with_the_waters_is_the_place(where: str, sea: str) -> None:
    text = f"The Navy destroyed a speedboat {where} on Sunday, killing two men aboard."
    place = _place(text)
    assert place is not None and place.kind == "sea" and place.country is None
    assert sea_key(place) == sea


def test_international_waters_off_a_coast_are_at_sea_off_that_country() -> None:
    place = _place("A drone hit a fishing skiff in international waters off the coast of "
                   "Venezuela on Sunday, killing two men aboard.")
    assert place is not None and place.kind == "sea"
    assert place.country is None and place.near_country == "VE"
    assert sea_key(place, at_sea=True) == "caribbean"


def test_international_waters_alone_are_at_sea_in_no_named_sea() -> None:
    place = _place("The Navy destroyed a speedboat in international waters on Sunday, "
                   "killing two men aboard.")
    assert place is not None and place.kind == "sea" and place.country is None
    assert place.name == "international waters"
    assert sea_key(place) is None


def test_the_eastern_pacific_and_the_pacific_ocean_are_one_sea_to_linking() -> None:
    a = _place("The Navy destroyed a speedboat in international waters of the eastern "
               "Pacific on Sunday, killing two men aboard.")
    b = _place("The Navy destroyed a speedboat in the Pacific Ocean on Sunday, killing "
               "two men aboard.")
    assert a is not None and b is not None and sea_key(a) == sea_key(b) == "pacific"


@pytest.mark.parametrize(("where", "sea"), [
    ("en aguas internacionales del Pacífico oriental", "pacific"),
    ("en aguas internacionales del Caribe", "caribbean"),
    ("en el Pacífico oriental", "pacific"),
])
def test_spanish_seas_inside_international_waters(where: str, sea: str) -> None:
    text = f"La Armada destruyó el domingo una lancha {where} y murieron dos hombres."
    place = _place(text, "es")
    assert place is not None and place.kind == "sea" and place.country is None
    assert sea_key(place) == sea


def test_spanish_adjective_after_the_sea_keeps_its_quarter() -> None:
    # the curated name with its adjective ("eastern Pacific"), not the whole ocean
    text = "Una lancha fue atacada en el Pacífico oriental."
    got = [p for p in places_in(text) if p.place.kind == "sea"]
    assert [p.place.name for p in got] == ["eastern Pacific"]
    assert text[got[0].start:got[0].end] == "Pacífico oriental"
    # an ordinary lower-case word after a sea is no part of its name
    text = "Una lancha fue atacada en el Pacífico durante la noche."
    got = [p for p in places_in(text) if p.place.kind == "sea"]
    assert [text[p.start:p.end] for p in got] == ["Pacífico"]


def test_spanish_international_waters_alone_are_at_sea_in_no_named_sea() -> None:
    place = _place("La Armada destruyó el domingo una lancha en aguas internacionales y "
                   "murieron dos hombres.", "es")
    assert place is not None and place.kind == "sea" and place.country is None
    assert sea_key(place) is None


def test_open_water_before_another_clause_does_not_borrow_its_sea_name() -> None:
    # the Caribbean here is where the ship sails next, not a sea the waters lie in
    text = ("The Navy destroyed a speedboat in international waters on Sunday; the "
            "destroyer then sailed to the Caribbean.")
    a = text.index("destroyed")
    pm = locate(text, 0, len(text), trigger=(a, a + 9), domain="sea")
    assert pm is not None and pm.place.name == "international waters"


def test_the_cheap_sea_check_reads_seas_inside_international_waters() -> None:
    for text, sea in [
        ("hit a boat in international waters of the eastern Pacific", "pacific"),
        ("hit a boat in the international waters in the Caribbean", "caribbean"),
        ("atacó una lancha en aguas internacionales del Caribe", "caribbean"),
    ]:
        assert seas_named(text, 0, len(text)) == frozenset({sea})
    text = "hit a boat in international waters"
    assert seas_named(text, 0, len(text)) == frozenset()


def test_the_next_sentence_names_the_sea_of_a_strike_in_open_water() -> None:
    text = ("The Navy destroyed a speedboat in international waters on Sunday, killing two "
            "men aboard. The speedboat was hit in the eastern Pacific, the admiral said.")
    place = _place(text)
    assert place is not None and sea_key(place) == "pacific"


def test_the_campaign_seas_told_later_do_not_place_a_strike_in_open_water() -> None:
    text = ("The Navy destroyed a speedboat in international waters on Sunday, killing two "
            "men aboard. Similar operations have taken place in the Caribbean for months.")
    events = [m for m in _events(text) if m.killed_low == 2]
    assert len(events) == 1 and events[0].place is not None
    assert events[0].place.name == "international waters"


def test_spanish_the_next_sentence_names_the_sea_of_a_strike_in_open_water() -> None:
    text = ("La Armada destruyó el domingo una lancha en aguas internacionales. En el ataque "
            "contra la embarcación, que navegaba por el Pacífico oriental, murieron dos "
            "hombres.")
    events = [m for m in _events(text, "es") if m.status == "occurred"]
    assert events and all(sea_key(m.place) == "pacific" for m in events), events


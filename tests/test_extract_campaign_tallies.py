"""A campaign's cumulative figure (so far, since, in total, to date, "the Nth strike", "más de
N ataques") is a tally, never one event, and the day's strike told before it keeps its own
day and toll (issue 14): sentences written for these tests, English and Spanish."""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-05"  # a Wednesday
LEDE_EN = "US forces struck a suspected drug boat in the Caribbean on Tuesday, killing three " \
    "people."
LEDE_ES = "Estados Unidos atacó el martes una lancha en el Caribe y murieron tres personas."


def _read(text: str, language: str) -> list[Mention]:
    return [m for m in registry.checked(registry.reader_for(language),
                                        Article(text=text, published=PUB, language=language))
            if m.status == "occurred" and not m.background]


def _check(ms: list[Mention]) -> None:
    events = [(m.date_low, m.killed_low) for m in ms if m.kind == "event"]
    assert events == [("2025-11-04", 3)], events
    assert any(m.kind == "tally" for m in ms)
    assert not any(m.kind == "event" and m.killed_low == 83 for m in ms)


@pytest.mark.parametrize("count", [
    "The deaths bring the number killed in the campaign so far to 83.",
    "In total, 83 people have been killed in the strikes to date.",
    "At least 83 people have died since the campaign began in September.",
    "Since September the military has carried out more than 20 strikes, killing at least 83 "
    "people.",
])
def test_an_english_campaign_figure_is_a_tally(count: str) -> None:
    _check(_read(f"{LEDE_EN} {count}", "en"))


def test_an_english_lede_bringing_the_campaign_toll_keeps_its_strike() -> None:
    _check(_read("US forces struck a suspected drug boat in the Caribbean on Tuesday, killing "
                 "three people, bringing the toll of the campaign to 83.", "en"))


@pytest.mark.parametrize("count", [
    "Con este ataque ya son más de 20 los ataques y al menos 83 los muertos desde septiembre.",
    "En total, 83 personas han muerto en los ataques hasta la fecha.",
    "Desde septiembre, Washington ha realizado más de 20 ataques que han dejado al menos 83 "
    "muertos.",
    "Los bombardeos suman ya 83 muertos en lo que va de campaña.",
])
def test_a_spanish_campaign_figure_is_a_tally(count: str) -> None:
    _check(_read(f"{LEDE_ES} {count}", "es"))


@pytest.mark.parametrize("language,text", [
    ("en", f"{LEDE_EN} It was the 21st strike since September."),
    ("es", f"{LEDE_ES} Es el vigésimo ataque desde septiembre."),
])
def test_a_strike_ranked_in_the_campaign_keeps_its_day_and_toll(language: str,
                                                                text: str) -> None:
    events = [(m.date_low, m.killed_low) for m in _read(text, language) if m.kind == "event"]
    assert events == [("2025-11-04", 3)]

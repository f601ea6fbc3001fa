"""Several boat strikes told together in Spanish ("dos ataques el domingo contra dos lanchas")
are that many incidents (component `es_day_strikes`, the English `day_strikes` steps with
Spanish words): each carries its rank, none the day's total toll, a toll told per craft is
each strike's. What is not one day's operation stays as told: a campaign count, one attack
that hit several boats, a weekday on a page with no date and no toll per craft.

Sentences are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract.es.counts import read_counts
from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str, published: str | None = "2025-11-11") -> list[Mention]:
    art = Article(text=text, published=published, language="es")
    return list(get_extractor("strikewatch-rules-es")(art))


def _strikes(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind == "event" and m.status == "occurred"]


def test_two_strikes_on_a_day_are_two_dated_incidents_without_the_days_toll() -> None:
    ms = _read("Estados Unidos atacó el domingo dos lanchas en el Pacífico oriental y "
               "murieron seis personas, informó el Pentágono.")
    ev = _strikes(ms)
    assert sorted(m.series_rank or 0 for m in ev) == [1, 2]
    assert all(m.date_low == m.date_high == "2025-11-09" for m in ev)
    assert all(m.killed_low is None and m.killed_high is None for m in ev)
    assert not [m for m in ms if m.kind == "tally"]


def test_a_toll_told_per_boat_is_each_strikes_toll_even_with_no_day() -> None:
    ev = _strikes(_read("Las fuerzas estadounidenses lanzaron tres ataques contra tres "
                        "embarcaciones en el mar Caribe. En cada lancha iban dos hombres y "
                        "ninguno sobrevivió.", published=None))
    assert sorted(m.series_rank or 0 for m in ev) == [1, 2, 3]
    assert all(m.killed_low == m.killed_high == 2 for m in ev)


def test_the_same_strikes_told_again_join_the_incidents_already_made() -> None:
    ms = _read("El Comando Sur destruyó el lunes dos embarcaciones en el Caribe con tres "
               "tripulantes a bordo de cada bote. \"Realizamos dos ataques contra dos "
               "lanchas de narcotraficantes\", repitió el portavoz.")
    ev = _strikes(ms)
    assert len(ev) == 2
    assert all(m.killed_low == 3 for m in ev)
    assert not [m for m in ms if m.kind == "tally"]


def test_a_headline_with_no_figure_and_its_lede_join_the_split_strikes() -> None:
    ms = _read("Mueren seis personas en nuevos ataques contra lanchas en el Pacífico\n\n"
               "Seis personas murieron este domingo en los ataques que Estados Unidos lanzó "
               "contra dos lanchas. Según el secretario, ayer se hicieron dos ataques contra "
               "dos embarcaciones.", published="2025-11-10")
    ev = _strikes(ms)
    assert sorted(m.series_rank or 0 for m in ev) == [1, 2]
    assert all(m.date_low == "2025-11-09" for m in ev)
    assert not [m for m in ms if m.kind == "tally"]


@pytest.mark.parametrize("text", [
    # a campaign count
    "Desde septiembre, Estados Unidos ha lanzado cuatro ataques contra lanchas en el Caribe, "
    "con 20 muertos.",
    # one attack that hit several boats
    "El martes tres lanchas fueron blanco de un ataque cinético que dejó 11 muertos.",
])
def test_what_is_not_one_days_strikes_is_not_split(text: str) -> None:
    assert not [m for m in _read(text) if m.series_rank is not None]


def test_a_weekday_on_an_undated_page_with_no_toll_per_boat_stays_as_told() -> None:
    ms = _read("El domingo, fuerzas de Estados Unidos atacaron dos embarcaciones en el "
               "Pacífico oriental y murieron seis personas.", published=None)
    assert not [m for m in ms if m.series_rank is not None]
    # a tally left whole keeps no day
    assert all(m.date_low is None for m in ms if m.kind == "tally")


@pytest.mark.parametrize(("text", "published"), [
    ("EEUU ataca dos lanchas en el Pacífico: seis muertos\n\nSeis personas murieron el 9 de "
     "noviembre de 2025 en dos ataques de Estados Unidos contra dos lanchas en el Pacífico "
     "oriental.", None),
    ("Dos ataques de EEUU contra lanchas en el Caribe dejan seis muertos\n\nLas fuerzas "
     "estadounidenses lanzaron el domingo dos ataques contra dos embarcaciones en el mar "
     "Caribe y murieron seis tripulantes, según el Pentágono.", "2025-11-10"),
    ("El Pentágono bombardea dos narcolanchas y mata a seis\n\nEl 9 de noviembre de 2025 "
     "Estados Unidos realizó dos ataques letales contra dos lanchas en el Pacífico, en los "
     "que murieron seis hombres.", None),
])
def test_an_undated_headline_over_the_dated_lede_is_the_same_split_strikes(
        text: str, published: str | None) -> None:
    # the headline counts the strikes with no day; the lede dates them: one operation, two
    # dated strikes, and no tally left over from the headline
    ms = _read(text, published=published)
    ev = _strikes(ms)
    assert sorted(m.series_rank or 0 for m in ev) == [1, 2]
    assert all(m.date_low == "2025-11-09" for m in ev)
    assert not [m for m in ms if m.kind == "tally"]


@pytest.mark.parametrize(("sentence", "n"), [
    ("Seis personas murieron el domingo en los ataques del Gobierno estadounidense contra dos "
     "lanchas.", 2),
    ("Los bombardeos a tres embarcaciones dejaron nueve muertos.", 3),
    ("Hegseth confirmó los ataques cinéticos letales de ayer sobre cuatro narcolanchas.", 4),
    ("Tras los golpes de la Armada contra las dos lanchas, no hubo sobrevivientes.", 2),
])
def test_plural_strikes_aimed_at_counted_boats_count_the_strikes(sentence: str,
                                                                   n: int) -> None:
    counts = {name: rng for name, rng, _, _, _ in read_counts(sentence, 0, len(sentence))}
    assert counts.get("strikes") == (n, n)


@pytest.mark.parametrize("sentence", [
    "Los ataques contra lanchas ya suman 21 desde septiembre.",
    "Los ataques de EEUU dejaron dos muertos en la costa.",
])
def test_plural_strikes_with_no_counted_boats_count_none(sentence: str) -> None:
    counts = {name for name, _, _, _, _ in read_counts(sentence, 0, len(sentence))}
    assert "strikes" not in counts


def test_the_dated_lede_dates_the_strikes_an_undated_quote_counts_again_before_the_list(
        ) -> None:
    # the items follow a quote counting the strikes with no day; the day is the lede's
    ms = _read("El 9 de noviembre tres lanchas fueron blanco de ataques en el Caribe y "
               "murieron ocho personas. El mando dijo que hubo \"ataques letales contra tres "
               "naves\". No se dieron más detalles. Tampoco hubo capturas. Según el parte, "
               "en la primera lancha murieron tres, en la segunda dos y en la tercera tres.")
    items = [m for m in _strikes(ms) if m.killed_low in (2, 3)]
    assert len(items) == 3 and all(m.date_low == "2025-11-09" for m in items)

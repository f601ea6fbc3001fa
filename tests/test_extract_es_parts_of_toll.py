"""Some of the dead told after the toll ("uno de los muertos sería el cabecilla", "tres de
los fallecidos eran menores") are no toll of their own; people counted before a death word
("dos de los tripulantes murieron") still are, and so is a toll told around an aside
("seis personas, al menos dos de ellas menores, murieron").

Sentences are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract.es.counts import read_counts
from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article


@pytest.mark.parametrize("text", [
    "El coronel confirmó que uno de los muertos sería el jefe de la columna.",
    "Según Medicina Legal, tres de los fallecidos eran menores de edad.",
    "Dos de las víctimas eran hermanos.",
])
def test_some_of_the_dead_are_no_toll(text: str) -> None:
    assert not [c for c in read_counts(text, 0, len(text)) if c[0] == "killed"]


def test_people_before_a_death_word_are_a_toll() -> None:
    text = "Dos de los tripulantes murieron y uno sobrevivió."
    assert ("killed", (2, 2)) in [(c[0], c[1]) for c in read_counts(text, 0, len(text))]


def test_the_toll_stands_when_one_of_the_dead_is_named_later() -> None:
    art = Article(text="La Fuerza Aérea bombardeó el jueves un campamento guerrillero en el "
                       "Cauca y murieron nueve guerrilleros. Uno de los muertos sería el jefe "
                       "de la columna, dijo el Ejército.",
                  published="2024-05-18", language="es")
    ev = [m for m in get_extractor("strikewatch-rules-es")(art)
          if m.kind == "event" and m.status == "occurred"]
    assert [(m.killed_low, m.killed_high) for m in ev] == [(9, 9)]


@pytest.mark.parametrize(("text", "n"), [
    ("Seis personas, al menos dos de ellas menores, murieron en la explosión.", 6),
    ("Cinco soldados, entre ellos un sargento, murieron en la emboscada.", 5),
])
def test_an_aside_between_commas_keeps_the_toll(text: str, n: int) -> None:
    assert [c[1] for c in read_counts(text, 0, len(text)) if c[0] == "killed"] == [(n, n)]


def test_an_aside_before_other_words_is_no_toll() -> None:
    text = "Ocho pescadores, según sus familias, estaban a bordo de la lancha."
    assert not [c for c in read_counts(text, 0, len(text)) if c[0] == "killed"]


def _es_tolls(text: str) -> list[tuple[int | None, int | None]]:
    art = Article(text=text, published="2024-05-18", language="es")
    return [(m.killed_low, m.killed_high) for m in get_extractor("strikewatch-rules-es")(art)
            if m.kind == "event" and m.status == "occurred" and not m.background]


def test_a_toll_that_will_grow_is_a_floor() -> None:
    assert _es_tolls("La Fuerza Aérea bombardeó el jueves un campamento en el Cauca y murieron "
                     "siete guerrilleros, y se teme que la cifra de muertos aumente en las "
                     "próximas horas.") == [(7, None)]
    assert _es_tolls("La Fuerza Aérea bombardeó el jueves un campamento en el Cauca y murieron "
                     "siete guerrilleros; el balance podría subir, dijo el Ejército.") == \
        [(7, None)]


def test_a_toll_stays_exact_when_something_else_grows() -> None:
    assert _es_tolls("La Fuerza Aérea bombardeó el jueves un campamento en el Cauca y murieron "
                     "siete guerrilleros, y los precios del café podrían subir.") == [(7, 7)]


def test_deaths_told_by_the_noun_with_a_figure_are_a_toll() -> None:
    # "la muerte de N …" in a sentence of its own is the act's toll (tolls3)
    assert _es_tolls("La Fuerza Aérea bombardeó el jueves un campamento en el Cauca. Fuentes "
                     "militares informaron de la muerte de 12 guerrilleros.") == [(12, 12)]
    # one death named by the noun, with no figure, is no toll
    assert _es_tolls("La Fuerza Aérea bombardeó el jueves un campamento en el Cauca. El "
                     "ministro lamentó la muerte del comandante.") == [(None, None)]

"""A Spanish act told with no day of its own takes the day it was announced on ("informaron
el lunes de la muerte de dos personas en otro ataque"), as a told day that bounds it, as the
English reader keeps "officials said on Monday". An own day anywhere in the event wins; an
opinion on the act ("afirmó este jueves que los bombardeos fueron ilegales"), an
announcement told as past ("había anunciado el martes") and a page with no date give none.

Sentences are our own. The page is dated Thursday 20 June 2024."""

from __future__ import annotations

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _events(text: str, published: str | None = "2024-06-20") -> list[Mention]:
    art = Article(text=text, published=published, language="es")
    return [m for m in get_extractor("strikewatch-rules-es")(art)
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _days(text: str, published: str | None = "2024-06-20") -> list[str | None]:
    return [m.date_low for m in _events(text, published)]


def test_the_day_it_was_announced_dates_an_act_with_none_of_its_own() -> None:
    for text, day in (
        ("Las fuerzas armadas informaron el martes de la muerte de tres personas en un ataque "
         "contra una lancha en el Caribe.", "2024-06-18"),
        ("Este miércoles, el Comando Sur comunicó un bombardeo contra una embarcación en el "
         "Pacífico en el que murieron dos tripulantes.", "2024-06-19"),
        ("El Ministerio de Salud ha dado cuenta este jueves de cuatro fallecidos en un ataque "
         "con drones contra un vehículo en el sur de Líbano.", "2024-06-20"),
        ("La Armada dio a conocer el lunes que atacó una lancha frente a la costa de Sucre; "
         "murieron cinco tripulantes.", "2024-06-17"),
        ("El Pentágono confirmó ayer un nuevo ataque letal contra una narcolancha, con "
         "cuatro muertos.", "2024-06-19"),
    ):
        assert _days(text) == [day], text


def test_an_own_day_wins_over_the_day_it_was_told() -> None:
    assert _days("El Ejército informó el miércoles que el bombardeo del lunes contra un "
                 "campamento del ELN mató a siete guerrilleros.") == ["2024-06-17"]
    days = _days("Las autoridades informaron el miércoles de un bombardeo contra un campamento "
                 "en el Cauca que dejó seis muertos. El bombardeo se produjo el lunes por la "
                 "noche, según la Fuerza Aérea.")
    assert days == ["2024-06-17"]


def test_an_opinion_or_a_post_gives_no_day() -> None:
    for text in (
        "Human Rights Watch afirmó este jueves que el bombardeo contra una lancha en el Caribe "
        "que mató a seis personas fue una ejecución ilegal.",
        "El senador denunció el martes que el ataque contra la lancha, con tres muertos, "
        "violó el derecho internacional.",
        "El ministro ya había anunciado el martes un ataque contra una lancha en el que "
        "murieron tres personas.",
    ):
        assert "2024-06-20" not in _days(text) and "2024-06-18" not in _days(text), text


def test_an_undated_page_keeps_the_act_undated() -> None:
    assert _days("Los militares informaron el lunes de la muerte de dos personas en un "
                 "ataque contra una lancha.", published=None) == [None]


def test_a_day_right_after_the_event_word_is_the_acts_own() -> None:
    for text, day in (
        ("El ministro ya había anunciado dos ataques el domingo contra otras dos lanchas, "
         "con tres muertos.", "2024-06-16"),
        ("El Ejército informó el miércoles de un bombardeo el lunes contra un campamento del "
         "ELN, con seis muertos.", "2024-06-17"),
        ("La Marina confirmó un ataque el martes contra una embarcación en el Pacífico en el "
         "que murieron dos personas.", "2024-06-18"),
    ):
        assert day in _days(text), text


def test_a_day_after_segun_contaron_is_the_telling_not_the_act() -> None:
    # the toll told on Wednesday is Monday's act's: the telling's day keeps it off no act
    (m,) = _events("Un dron atacó el lunes un autobús en el norte de Malí. Murieron doce de "
                   "sus ocupantes, según contaron el miércoles dos testigos.")
    assert (m.date_low, m.killed_low) == ("2024-06-17", 12)
    # with no day of its own, that day is a told day that bounds the act
    assert _days("Al menos nueve personas murieron cuando un dron bombardeó un mercado en "
                 "el este de Chad, según relató el martes una radio local.") == ["2024-06-18"]
    # "contó con" (had) is no telling: the day is the act's
    assert _days("La operación contó con apoyo aéreo y un dron bombardeó el martes un "
                 "campamento en la sierra de Colombia, donde murieron seis combatientes.") == \
        ["2024-06-18"]

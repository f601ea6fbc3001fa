"""A Spanish page's title announces the strike its body then tells (issue 14, precision):
the title carries its own figure, so it is no elaboration, yet it is the same strike and
must not stand as an incident of its own. A title that no event of the body can be (another
toll, another place) stays apart, and a first line that is the lede's paragraph is no
title. The texts are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def strikes(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es-title", text=text, published=published, language="es")
    return [m for m in registry.checked(registry.get_extractor("strikewatch-rules-es"), art)
            if m.kind == "event" and m.status == "occurred"]


@pytest.mark.parametrize("text", [
    # wire style: dateline, "por lo menos" in the body, exact figure in the title
    ("Bombardeo del Ejército deja 12 guerrilleros muertos en el Cauca\n\n"
     "Popayán, 11 nov (EFE).- Por lo menos 12 guerrilleros murieron el lunes en un "
     "bombardeo del Ejército sobre un campamento rural del Cauca, informaron fuentes "
     "militares."),
    # a section label above the title, a clash told with another noun in the body
    ("Nacional\n\n"
     "Enfrentamiento en Tecpan deja 9 muertos, según reportes\n\n"
     "De acuerdo con versiones extraoficiales, un operativo militar en Tecpan acabó en un "
     "tiroteo que dejó por lo menos nueve muertos el martes."),
    # a blog's title in the present, the body in the past with a day
    ("Dron ataca una camioneta en Tumaco y mata a tres personas\n\n"
     "Al menos tres personas murieron este lunes cuando un dron atacó la camioneta en la "
     "que viajaban en zona rural de Tumaco, dijo la Policía."),
])
def test_a_title_and_the_lede_it_announces_are_one_strike(text: str) -> None:
    got = strikes(text)
    assert len(got) == 1, [m.killed_low for m in got]
    assert got[0].date_low is not None  # the body's day leads


def test_a_title_of_another_toll_stays_its_own() -> None:
    text = ("Ataque con drones deja 40 muertos en el norte del país\n\n"
            "Un bombardeo del Ejército mató el lunes a dos personas en una vereda de "
            "Tumaco, informaron las autoridades.")
    assert len(strikes(text)) == 2


def test_a_first_line_that_is_the_lede_joins_nothing_before_it() -> None:
    # no title: the first line is the lede's paragraph, and the act it answered stays apart
    text = ("Este viernes la Fuerza Aérea bombardeó decenas de blancos de la guerrilla en "
            "el Cauca, según dos oficiales. El gobierno había prometido responder por los "
            "cinco policías muertos el martes en un atentado en Suárez.")
    got = strikes(text)
    first = min(got, key=lambda m: m.spans[0].start)
    assert first.date_low == "2025-11-07"
    assert "bombardeó" in first.spans[0].text

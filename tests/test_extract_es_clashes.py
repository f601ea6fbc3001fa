"""Armed clashes in Spanish reports ("murieron en un enfrentamiento con militares", "el
choque armado", "la balacera") are ACLED "Battles", told by the forces that fought; the
attack that opened a clash is the clash; "el tiroteo" refers back to the clash just told;
clashes spoken of in general, or a quarrel between governments, are no incident.

Sentences are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str, published: str | None = "2024-03-14") -> list[Mention]:
    art = Article(text=text, published=published, language="es")
    return [m for m in get_extractor("strikewatch-rules-es")(art)
            if m.kind == "event" and m.status == "occurred"]


def test_soldiers_killing_gunmen_in_a_clash_is_a_battle_of_the_mexican_army() -> None:
    (m,) = _read("Soldados mexicanos mataron el martes a siete presuntos sicarios en un "
                 "enfrentamiento en Michoacán, informó la Defensa.")
    assert m.event_type == "Battles"
    assert m.actor1 is not None and m.actor1.country == "MX"
    assert (m.killed_low, m.killed_high) == (7, 7)
    assert m.date_low == "2024-03-12"


def test_the_attack_that_opened_a_clash_is_the_clash() -> None:
    (m,) = _read("El choque armado se produjo cuando desconocidos atacaron a una patrulla "
                 "militar en Guerrero. Murieron cinco agresores.")
    assert m.event_type == "Battles"
    assert (m.killed_low, m.killed_high) == (5, 5)


def test_the_shootout_told_again_is_the_same_clash() -> None:
    ev = _read("Un enfrentamiento entre militares y sicarios dejó ocho muertos en Sinaloa. "
               "El tiroteo empezó hacia las seis de la mañana, según la Sedena.")
    assert len(ev) == 1
    assert ev[0].killed_low == 8


@pytest.mark.parametrize("text", [
    "Los pescadores ven peligrar su oficio conforme se agrava el choque entre Washington y "
    "Caracas en el Caribe.",
    "Tras la captura del capo, la región ha vivido diversos enfrentamientos entre grupos "
    "criminales.",
])
def test_no_clash_is_told(text: str) -> None:
    assert not [m for m in _read(text) if m.event_type == "Battles"]


def test_a_crosshead_and_a_link_to_another_story_tell_no_incident() -> None:
    ev = _read("Militares abaten a cinco sicarios en Sinaloa\n\n"
               "Soldados mexicanos mataron el martes a cinco presuntos sicarios en un "
               "enfrentamiento en Culiacán, informó la Sedena.\n\n"
               "Ofensiva militar contra el narco\n\n"
               "La Sedena no dio a conocer la identidad de los muertos.\n\n"
               "Le puede interesar: Bombardeo en la frontera deja tres muertos\n\n"
               "Las tropas siguen en la zona.")
    assert len(ev) == 1
    assert ev[0].killed_low == 5

"""Bombs set off on the ground and attacks on the forces, in Spanish reports: a vehicle bomb
is an event word ("estalló un coche bomba") and an ACLED "Remote explosive/landmine/IED";
the bomb told again as the subject of its sentence ("El vehículo, lleno de explosivos,
detonó …", "el estallido se produjo …") is the same event; an explosion alone is no event
word. An armed group's attack on the forces is a clash (Battles), and gunfire that opens
a clash ("les abrieron fuego y se desató un tiroteo") is the clash.

Sentences are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str, published: str | None = "2024-05-18") -> list[Mention]:
    art = Article(text=text, published=published, language="es")
    return [m for m in get_extractor("strikewatch-rules-es")(art)
            if m.kind == "event" and m.status == "occurred"]


@pytest.mark.parametrize("text", [
    "Este sábado estalló un coche bomba frente a la comandancia de Tepalcatepec; murieron "
    "cuatro personas.",
    "Un carro bomba explotó el sábado ante un cuartel de la policía en Jamundí y dejó cuatro "
    "muertos.",
    "Cuatro personas murieron el sábado al estallar una camioneta cargada de explosivos "
    "junto a la alcaldía de Jamundí.",
])
def test_a_vehicle_bomb_is_an_explosive_event(text: str) -> None:
    (m,) = _read(text)
    assert m.event_type == "Explosions/Remote violence"
    assert m.sub_event_type == "Remote explosive/landmine/IED"
    assert (m.killed_low, m.killed_high) == (4, 4)


def test_an_attack_with_a_car_bomb_is_no_air_strike() -> None:
    (m,) = _read("Un ataque con coche bomba contra la estación de policía de Suárez dejó "
                 "tres muertos el viernes.")
    assert m.sub_event_type == "Remote explosive/landmine/IED"


def test_the_bomb_told_again_as_the_subject_is_the_same_event() -> None:
    ev = _read("Un coche bomba explotó este sábado frente a la sede de la policía de "
               "Tepalcatepec y dejó seis muertos.\n\n"
               "El vehículo, repleto de explosivos, detonó a pocos metros de una escuela.\n\n"
               "Según la fiscalía, el estallido se produjo hacia las diez de la mañana.")
    assert len(ev) == 1
    assert ev[0].killed_low == 6


@pytest.mark.parametrize("text", [
    "Una explosión en una fábrica de pirotecnia de Tultepec dejó dos heridos.",
    "Los vecinos oyeron una fuerte explosión durante la madrugada.",
])
def test_an_explosion_alone_is_no_event_word(text: str) -> None:
    assert not [m for m in _read(text) if m.sub_event_type == "Remote explosive/landmine/IED"]


def test_an_armed_groups_attack_on_the_forces_is_a_clash() -> None:
    (m,) = _read("Hombres armados atacaron a elementos del Ejército en Aguililla; dos de los "
                 "agresores fueron abatidos.")
    assert m.event_type == "Battles"


def test_an_attack_on_a_town_stays_an_attack() -> None:
    (m,) = _read("Drones del grupo atacaron el caserío de El Plateado y mataron a dos "
                 "civiles.")
    assert m.event_type != "Battles"


def test_gunfire_that_opens_a_clash_is_the_clash() -> None:
    ev = _read("Tres presuntos sicarios murieron en un enfrentamiento con militares en "
               "Buenavista, Michoacán, informó la Defensa.\n\n"
               "Al pasar por un camino de terracería, hombres armados les abrieron fuego y se "
               "desató un intercambio de disparos.")
    assert len(ev) == 1
    assert ev[0].event_type == "Battles"
    assert ev[0].killed_low == 3


@pytest.mark.parametrize("text", [
    "En el municipio se mantiene un operativo para preservar el orden público.",
    "La Marina y el Ejército montaron un operativo para cerrar el perímetro.",
])
def test_a_deployment_told_by_its_purpose_is_no_event(text: str) -> None:
    assert not _read(text)


def test_an_operation_at_sea_is_still_an_event() -> None:
    assert _read("El Comando Sur ejecutó un nuevo operativo en el océano Pacífico y murieron "
                 "tres tripulantes.")

"""The Spanish reader tells an act done from one threatened, planned, conditioned, denied or
wished by the mood of the verb that carries it (issue 14, kind 8): a governing verb in the
future or conditional ("habrá más ataques", "podrían bombardear"), the event verb in the
future ("atacarán") or the present subjunctive ("que Israel ataque"), a possibility left
open ("no descarta ataques") or ruled out ("descartó nuevos bombardeos"); negated ("no
habrá ataques") it tells no act. A real attack told in the preterite stays occurred, even
beside a threat.

Sentences are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str) -> list[Mention]:
    art = Article(text=text, published="2025-11-12", language="es")
    return list(get_extractor("strikewatch-rules-es")(art))


def _occurred(text: str) -> list[Mention]:
    return [m for m in _read(text) if m.status == "occurred"]


def _statuses(text: str) -> set[str]:
    return {m.status for m in _read(text)}


@pytest.mark.parametrize("text", [
    "El secretario advirtió que habrá más ataques contra las embarcaciones.",
    "Hegseth dijo de que habrá nuevos bombardeos si continúa el tráfico.",
    "El ministro avisó que vendrán más ataques en el Pacífico.",
    "Según el general, la aviación lanzará nuevos bombardeos sobre la zona.",
    "Washington realizará otras operaciones militares en la región, anunció el vocero.",
    "El mando aseguró que tendrá que lanzar ataques contra los campamentos.",
])
def test_a_future_governing_the_act_is_a_threat(text: str) -> None:
    assert not _occurred(text)
    assert "threatened" in _statuses(text)


@pytest.mark.parametrize("text", [
    "El Pentágono podría lanzar ataques contra carteles en México.",
    "Estados Unidos podría atacar objetivos en Venezuela en los próximos días.",
    "Las fuerzas armadas podrían bombardear los campamentos esta semana.",
    "Según la prensa, el Gobierno realizaría nuevos bombardeos contra la guerrilla.",
    "Fuentes oficiales indicaron que Washington llevaría a cabo operaciones militares en tierra.",
])
def test_a_conditional_governing_the_act_is_a_plan(text: str) -> None:
    assert not _occurred(text)
    assert "planned" in _statuses(text)


@pytest.mark.parametrize("text", [
    "Los aviones atacarán mañana las posiciones rebeldes.",
    "El portavoz dijo que las tropas atacarán los depósitos de armas.",
])
def test_the_event_verb_in_the_future_is_a_threat(text: str) -> None:
    assert [m.status for m in _read(text)] == ["threatened"]


@pytest.mark.parametrize("text", [
    "Es posible que Estados Unidos ataque objetivos en tierra la próxima semana.",
    "Cuando Estados Unidos ataque en tierra, los carteles lo sabrán.",
    "La oposición teme que Israel ataque las instalaciones nucleares.",
    "Nadie cree que el ejército ataque a la población civil.",
    "El Gobierno pidió que las fuerzas no ataquen a los pescadores.",
])
def test_the_present_subjunctive_of_the_act_is_no_act_done(text: str) -> None:
    assert not _occurred(text)


@pytest.mark.parametrize("text", [
    "El Gobierno no descarta ataques contra objetivos en tierra firme.",
    "Washington no descartó nuevos bombardeos en la región.",
    "La Casa Blanca no excluye atacar laboratorios de cocaína.",
    "El ministro no descarta la posibilidad de nuevos ataques contra las lanchas.",
])
def test_a_possibility_left_open_is_a_threat(text: str) -> None:
    assert not _occurred(text)
    assert "threatened" in _statuses(text)


@pytest.mark.parametrize("text", [
    "La presidenta descartó nuevos ataques contra su territorio.",
    "El Gobierno descarta cualquier bombardeo en la frontera.",
])
def test_a_possibility_ruled_out_is_no_act(text: str) -> None:
    assert not _occurred(text)


@pytest.mark.parametrize("text", [
    "El ministro aseguró que no habrá nuevos ataques en la zona.",
    "La presidenta dejó claro que no aceptará operaciones militares extranjeras en su suelo.",
    "El Gobierno no permitiría bombardeos contra su población, dijo la canciller.",
])
def test_a_negated_future_tells_no_act(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize("text", [
    "El ministro negó haber atacado a los pescadores.",
    "El Gobierno negó que sus fuerzas hubieran bombardeado la aldea.",
    "El ejército niega haber bombardeado el hospital.",
])
def test_a_denial_is_denied(text: str) -> None:
    assert [m.status for m in _read(text)] == ["denied"]


@pytest.mark.parametrize("text", [
    "Estados Unidos atacó el martes una lancha en el Caribe y mató a tres personas.",
    "La artillería bombardeó ayer el barrio y mató a seis personas.",
    "El ejército bombardeó ayer un campamento y mató a 12 guerrilleros.",
    "Fuentes dijeron que Israel habría lanzado ataques contra Gaza el martes.",
    "La Cancillería informó que un ataque mató ayer a dos pescadores en el Caribe.",
])
def test_an_act_done_stays_occurred(text: str) -> None:
    assert _occurred(text)


@pytest.mark.parametrize("text", [
    "Trump amenazó con atacar en tierra. El martes, Estados Unidos atacó una lancha en el "
    "Pacífico y mató a cuatro personas.",
    "El ministro advirtió que habrá más ataques. El lunes las fuerzas estadounidenses "
    "bombardearon una embarcación y murieron dos personas.",
    "Washington no descarta nuevos bombardeos. Ayer un ataque contra una lancha en el "
    "Caribe dejó tres muertos.",
])
def test_a_real_attack_beside_a_threat_stays_occurred(text: str) -> None:
    got = _read(text)
    assert [m.killed_low for m in got if m.status == "occurred"] in ([4], [2], [3])
    assert any(m.status != "occurred" for m in got)


@pytest.mark.parametrize("text", [
    "El presidente amenazó con atacar las lanchas que salgan de los puertos venezolanos.",
    "Trump amenazó el martes con bombardear instalaciones en territorio colombiano.",
    "El general amenazó a los cárteles con nuevos ataques.",
    "El ministro amenaza con lanzar ataques contra los campamentos de la guerrilla.",
])
def test_a_threat_with_words_before_its_con_is_a_threat(text: str) -> None:
    assert not _occurred(text)
    assert "threatened" in _statuses(text)


@pytest.mark.parametrize("text", [
    "Si se confirma que la Armada hundió una lancha y mató a sus cuatro ocupantes, sería un "
    "crimen, dijo el abogado.",
    "Si es cierto que los aviones bombardearon la aldea el lunes, habrá una investigación.",
    "Si de verdad pasó, las fuerzas atacaron el lunes un bote de pescadores y mataron a tres.",
])
def test_a_report_doubted_keeps_its_preterite_act(text: str) -> None:
    assert _occurred(text)


@pytest.mark.parametrize("text", [
    "Si Estados Unidos ataca Venezuela, habrá una respuesta, advirtió Maduro.",
    "Maduro dijo que si los aviones atacan la costa, responderán con fuerza.",
    "Si la lancha no se detiene, será atacada, advirtió el mando.",
])
def test_a_condition_in_the_present_is_no_act_done(text: str) -> None:
    assert not _occurred(text)

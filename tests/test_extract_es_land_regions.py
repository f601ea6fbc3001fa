"""A land region named after a sea ("departamento del Caribe", "la región Pacífico": Colombia's
coastal regions) places no act at sea; the Caribbean itself still does.

Sentences are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract.es.lexicon import blank_land_regions
from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str) -> list[Mention]:
    art = Article(text=text, published="2025-12-22", language="es")
    return list(get_extractor("strikewatch-rules-es")(art))


@pytest.mark.parametrize("text", [
    "La guerrilla atacó el martes una estación de policía en Sucre, departamento del Caribe, "
    "y mató a dos agentes.",
    "Las disidencias atacaron el martes un puesto militar en la región Pacífico y mataron a "
    "tres soldados.",
])
def test_an_attack_in_a_region_named_after_a_sea_is_on_land(text: str) -> None:
    ms = [m for m in _read(text) if m.status == "occurred"]
    assert ms
    assert all(m.domain != "sea" and (m.place is None or m.place.kind != "sea") for m in ms)


def test_a_strike_in_the_caribbean_is_still_at_sea() -> None:
    ms = _read("Estados Unidos atacó el martes una lancha en el Caribe y mató a tres tripulantes.")
    assert any(m.place is not None and m.place.kind == "sea" for m in ms)


def test_blanking_keeps_offsets() -> None:
    text = "en Córdoba, departamento del Caribe, y en el mar Caribe"
    out = blank_land_regions(text)
    assert len(out) == len(text) and "departamento" not in out and out.endswith("mar Caribe")

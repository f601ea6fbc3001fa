"""Threats told by a future strike on military targets ("golpeará objetivos") or by a target
said to be exposed to attack ("se expone a ser atacado").

Sentences are our own."""

from __future__ import annotations

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str) -> list[Mention]:
    art = Article(text=text, published="2025-12-22", language="es")
    return list(get_extractor("strikewatch-rules-es")(art))


def test_a_force_that_will_hit_military_targets_is_a_threat() -> None:
    ms = _read("\"Si la milicia no se retira\", dijo el general, \"el ejército golpeará con todo "
               "su poder objetivos de los rebeldes en todo el país\".")
    assert [(m.kind, m.status) for m in ms] == [("event", "threatened")]


def test_prices_that_will_hit_families_are_no_strike() -> None:
    assert _read("La subida de los precios golpeará a las familias y a la economía del país.") \
        == []


def test_a_target_exposed_to_attack_is_a_threat_not_an_attack() -> None:
    ms = _read("El presidente advirtió que cualquier país que fabrique esas armas se expone a "
               "ser atacado por Estados Unidos.")
    assert [m.status for m in ms] == ["threatened"]
    assert _read("El ministro dijo que quien no cumpla las normas se expone a sanciones.") == []

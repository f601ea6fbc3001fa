"""An event word that is the subject of a verb in the future ("los ataques por tierra
alcanzarán a todos los países") tells a threat, not an occurred strike; a relative clause
in the future after the event ("el ataque, que dejará huella") leaves it occurred.

Sentences are our own."""

from __future__ import annotations

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str) -> list[Mention]:
    art = Article(text=text, published="2025-12-22", language="es")
    return list(get_extractor("strikewatch-rules-es")(art))


def test_strikes_told_in_the_future_are_a_threat() -> None:
    ms = _read("Trump dijo que los bombardeos por tierra alcanzarán a todos los países "
               "productores de cocaína.")
    assert [m.status for m in ms] == ["threatened"]


def test_a_future_relative_clause_leaves_the_strike_occurred() -> None:
    ms = _read("El ataque de Estados Unidos, que marcará un antes y un después, dejó ayer "
               "tres muertos en el Caribe.")
    assert [m.status for m in ms] == ["occurred"]

"""Three Spanish structures: a threat told as what will be done to the enemy ("serán
aniquilados si siguen atacando") is no strike; a country after "en el norte y el centro de"
is where the strikes fell; the toll of "una serie de bombardeos" pointed at in the next
sentence ("esos ataques dejaron …") is that operation's, not a campaign tally.

Sentences are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str, published: str | None = None) -> list[Mention]:
    art = Article(text=text, published=published, language="es")
    return list(get_extractor("strikewatch-rules-es")(art))


@pytest.mark.parametrize("text", [
    "El ministro advirtió a los milicianos de que serán aniquilados si continúan atacando "
    "los pozos petroleros.",
    "El general dijo que los campamentos serán totalmente destruidos si el grupo vuelve a "
    "atacar a los soldados.",
])
def test_what_will_be_done_to_the_enemy_is_a_threat(text: str) -> None:
    assert not [m for m in _read(text) if m.kind == "event" and m.status == "occurred"]
    assert [m for m in _read(text) if m.status == "threatened"]


def test_a_country_after_the_north_and_the_centre_is_the_place() -> None:
    (m,) = [m for m in _read("La aviación lanzó el domingo una serie de bombardeos contra "
                             "varias ciudades en el norte y el centro de Siria.",
                             published="2024-02-12")
            if m.kind == "event"]
    assert m.place is not None and m.place.country == "SY"


def test_the_toll_of_a_series_pointed_at_is_the_operations() -> None:
    ev = _read("El domingo la aviación lanzó una serie de bombardeos contra varias ciudades "
               "en el norte y el centro de Siria. Según los rebeldes, esos ataques dejaron al "
               "menos 30 muertos.", published="2024-02-12")
    assert [m.kind for m in ev] == ["event"]
    assert (ev[0].killed_low, ev[0].killed_high) == (30, None)


def test_a_campaigns_plural_toll_stays_a_tally() -> None:
    ev = _read("Desde enero, los bombardeos de la aviación contra ciudades del norte de Siria "
               "han dejado más de 300 muertos.", published="2024-06-12")
    assert [m.kind for m in ev] == ["tally"]

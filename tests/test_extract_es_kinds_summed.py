"""Two kinds of people who died together are one toll, their sum ("murieron 41 combatientes
y 16 civiles" → 57), not a breakdown of a toll told just before; a clause told of one
side's own losses ("Del lado estadounidense, un soldado perdió la vida") is no toll of the
act. Sentences are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract.es.counts import read_counts
from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article


def _killed(text: str) -> list[tuple[int | None, int | None]]:
    return [c[1] for c in read_counts(text, 0, len(text)) if c[0] == "killed"]


@pytest.mark.parametrize(("text", "toll"), [
    ("En la aldea murieron por lo menos 23 milicianos y 7 civiles tras el bombardeo.",
     (30, None)),
    ("El bombardeo mató a cuatro soldados y dos civiles, según el ejército.", (6, 6)),
    ("Un dron mató a una mujer y a seis menores en la casa, dijo el vocero.", (7, 7)),
    ("Al menos cinco niños y una mujer murieron en el ataque.", (6, None)),
    ("Tres guerrilleros del Frente Sur y dos civiles murieron en el bombardeo.", (5, 5)),
])
def test_two_kinds_of_dead_are_summed(text: str, toll: tuple[int | None, int | None]) -> None:
    assert _killed(text) == [toll]


@pytest.mark.parametrize(("text", "toll"), [
    # a breakdown after the toll: the toll stands alone
    ("Murieron 20 personas, entre ellas 6 mujeres y 4 niños, en el ataque.", (20, 20)),
    ("El ataque mató a siete menores, tres niños y cuatro niñas, según la familia.", (7, 7)),
    # the second figure is hurt, or a unit of time
    ("Murieron 14 personas y 9 resultaron heridas en el bombardeo.", (14, 14)),
    ("El ataque mató a 14 personas y 2 días después otro dron mató a tres.", None),
])
def test_no_sum_for_a_breakdown_the_hurt_or_a_time(text: str,
                                                  toll: tuple[int | None, int | None] | None
                                                  ) -> None:
    got = _killed(text)
    if toll is None:
        assert (16, 16) not in got and (14, 14) in got
    else:
        assert got == [toll]


def test_one_sides_own_losses_are_no_toll() -> None:
    assert _killed("Del lado israelí, un soldado perdió la vida y otros dos quedaron heridos.") \
        == []
    assert _killed("Murieron 9 personas. Del lado ruso, dos soldados murieron.") == [(9, 9)]
    # a place on one side of a border is no side's losses
    assert _killed("Murieron 9 personas del lado sirio de la frontera.") == [(9, 9)]


def test_the_attackers_loss_does_not_lower_the_strikes_toll() -> None:
    text = ("En la provincia de Marib murieron por lo menos 23 milicianos y 7 civiles en un "
            "bombardeo de la aviación estadounidense el domingo.\n\n"
            "Del lado estadounidense, un piloto perdió la vida y otros dos quedaron heridos "
            "durante la operación militar, según la agencia.")
    art = Article(text=text, published="2025-03-03", language="es")
    tolls = [(m.killed_low, m.killed_high) for m in get_extractor("strikewatch-rules-es")(art)
             if m.kind == "event" and m.status == "occurred" and not m.background]
    assert tolls == [(30, None)]

"""A count of who told the toll is no toll (issue 14, session 18): "Two officials said three
people were killed" is three dead, not two; "according to one source two men were killed"
is two. The first figure counts sources or accounts; the one nearer the death verb counts
the dead. Figures joined by a link word ("two soldiers and three civilians", "three people
including one child", "Fourteen men aboard four boats") stay read as before.
Every sentence is our own, in several registers (wire, broadcaster, agency rewrite, blog)."""

from __future__ import annotations

import pytest

from strikewatch.extract.counts import read_counts
from strikewatch.extract.registry import for_language
from strikewatch.records import Article

PUB = "2025-11-20"


def _tolls(text: str, lang: str = "en") -> list[tuple[int | None, int | None]]:
    reader = for_language(lang)
    assert reader is not None
    art = Article(id="t1", text=text, published=PUB, language=lang, url="http://x/t1",
                  publisher="X")
    return [(m.killed_low, m.killed_high) for m in reader(art)
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize("text,toll", [
    # wire
    ("Warplanes bombed a compound near Idlib on Sunday. Two security officials said three "
     "people were killed.", (3, 3)),
    # broadcaster
    ("A drone hit a car outside the town on Monday night. One witness told our reporter "
     "five men died.", (5, 5)),
    # agency rewrite
    ("Jets struck a depot on Tuesday; two medical sources reported that 12 fighters were "
     "killed.", (12, 12)),
    # blog
    ("The army shelled the village on Friday. According to one source two farmers were "
     "killed, and the house burned.", (2, 2)),
    ("Aircraft raided the camp on Saturday. By one count eleven militants were killed.",
     (11, 11)),
])
def test_a_count_of_sources_is_no_toll(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text) == [toll]


@pytest.mark.parametrize("text,toll", [
    ("Aviones bombardearon el domingo un complejo cerca de Idlib. Dos funcionarios dijeron "
     "que tres personas murieron.", (3, 3)),
    ("Un dron atacó el lunes un vehículo. Según una fuente, dos hombres murieron.", (2, 2)),
])
def test_spanish_sources_stay_apart(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text, "es") == [toll]


@pytest.mark.parametrize("text,toll", [
    ("two soldiers and three civilians were killed", (5, 5)),
    ("nine children and one woman were killed", (10, 10)),
    ("three people including one child were killed", (3, 3)),
    ("Five people in two cars were killed", (5, 5)),
    ("Seven Palestinians, four of them children, were killed", (7, 7)),
    ("A strike killed twenty one people, officials said", (21, 21)),
])
def test_linked_counts_read_as_before(text: str, toll: tuple[int, int]) -> None:
    assert read_counts(text)[0]["killed"] == toll


@pytest.mark.parametrize("text,toll", [
    # wire
    ("Jets bombed the market on Monday. Thirty people were wounded and four killed.", (4, 4)),
    # broadcaster
    ("A drone hit the convoy on Sunday; twelve civilians were injured and two were killed, "
     "medics said.", (2, 2)),
    # blog
    ("Shells fell on the camp on Friday. At least 20 people were hurt and five died in "
     "hospital.", (5, 5)),
    # negatives: the dead told first, the hurt after
    ("Jets bombed the market on Monday. Two were killed and three wounded.", (2, 2)),
    ("Jets bombed the market on Monday, killing 14 people and wounding 30.", (14, 14)),
])
def test_the_hurt_told_first_are_no_toll(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text) == [toll]


@pytest.mark.parametrize("text,toll", [
    # agency
    ("Aviones bombardearon el mercado el lunes y mataron a entre 150 y 165 personas.",
     (150, 165)),
    # broadcaster
    ("Un bombardeo alcanzó la aldea el martes. Murieron de 12 a 15 civiles, según vecinos.",
     (12, 15)),
    # blog
    ("Un dron atacó el lunes una vivienda. Dos o tres personas murieron en el acto.", (2, 3)),
    ("La aviación bombardeó el campamento el domingo y el ataque dejó entre 4 y 6 muertos.",
     (4, 6)),
])
def test_spanish_ranges(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text, "es") == [toll]


@pytest.mark.parametrize("text", [
    "Murieron de 2 a 3 de la madrugada.",  # an hour, no range of dead
    "El ataque dejó dos y tres heridos.",
])
def test_spanish_no_false_range(text: str) -> None:
    from strikewatch.extract.es.counts import read_counts as es_counts
    assert not [c for c in es_counts(text, 0, len(text)) if c[0] == "killed"]


@pytest.mark.parametrize("text", [
    "Aviones bombardearon el mercado el lunes. El ataque no dejó muertos ni heridos.",
    "Un dron atacó el lunes una casa en Gaza sin causar víctimas.",
    "Aviones bombardearon el puerto el lunes; no se registraron fallecidos.",
    "La aviación bombardeó el depósito el lunes. Nadie murió en el ataque.",
    "El bombardeo del lunes contra el cuartel no causó víctimas mortales, informó el "
    "ejército.",
])
def test_spanish_zero_tolls(text: str) -> None:
    assert _tolls(text, "es") == [(0, 0)]


def test_no_civilian_casualties_is_no_zero_toll() -> None:
    from strikewatch.extract.es.counts import read_counts as es_counts
    text = "El ataque se saldó sin víctimas civiles."
    assert not [c for c in es_counts(text, 0, len(text)) if c[0] == "killed"]


@pytest.mark.parametrize("text", [
    "Jets bombed the depot on Monday. Nobody died in the strike.",
    "Jets bombed the depot on Monday. The strike did not kill anyone, the army said.",
    "Drones hit the depot on Monday, leaving no dead.",
    "Warplanes struck the bridge on Monday but caused no loss of life.",
])
def test_english_zero_tolls(text: str) -> None:
    assert _tolls(text) == [(0, 0)]


@pytest.mark.parametrize("text", [
    "Three people were killed. Nobody else died.",  # no zero beside a toll
    "There were no immediate reports of casualties.",  # nothing known, no zero
])
def test_english_no_false_zero(text: str) -> None:
    assert read_counts(text)[0].get("killed") in (None, (3, 3))


@pytest.mark.parametrize("text", [
    "La operación se realizó sin bajas ni heridos entre los miembros de las fuerzas armadas.",
    "El bombardeo concluyó sin muertos ni heridos entre sus tropas, dijo el mando.",
    "No hubo víctimas propias, según el comunicado.",
])
def test_spanish_attackers_own_losses_are_no_zero_toll(text: str) -> None:
    from strikewatch.extract.es.counts import read_counts as es_counts
    assert not [c for c in es_counts(text, 0, len(text)) if c[0] == "killed"]

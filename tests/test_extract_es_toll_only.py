"""Spanish toll-only sentences after the page's one act (a hospital's figure, a raised
count told verb first, bodies recovered, "los bombardeos" told after one act) join that
act, as English lone tolls do; English "hundreds of thousands" is no toll of 200. Every
sentence is our own."""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-14"  # a Friday
LEDE = "Un bombardeo israelí alcanzó el jueves una escuela en Jan Yunis y mató a 12 personas. "


def occurred(text: str, language: str = "es") -> list[Mention]:
    name = "strikewatch-rules-es" if language == "es" else "strikewatch-rules"
    art = Article(id="t-toll-only", text=text, published=PUB, language=language)
    return [m for m in registry.checked(registry.get_extractor(name), art)
            if m.kind == "event" and m.status == "occurred"]


@pytest.mark.parametrize("later, high", [
    ("De acuerdo con el hospital Nasser, murieron 18 personas.", 18),
    ("La Defensa Civil eleva a 18 el número de muertos.", 18),
    ("El Ministerio de Salud elevó hasta 20 la cifra de fallecidos.", 20),
    ("Los rescatistas dijeron que 19 cuerpos fueron recuperados de entre los escombros.", 19),
    ("Los socorristas hallaron 15 cadáveres bajo el edificio.", 15),
])
def test_toll_told_alone_joins_the_one_act(later: str, high: int) -> None:
    got = occurred(LEDE + "Vecinos del barrio pedían ayuda por la mañana. " + later)
    assert len(got) == 1
    assert got[0].killed_high == high


def test_toll_told_alone_beside_two_acts_tells_none() -> None:
    # which act the figure counts is not said: no incident of its own
    got = occurred(LEDE + "Otro bombardeo israelí alcanzó el jueves una casa en Rafah y mató a "
                   "cuatro personas. Según el hospital, murieron 30 personas.")
    assert sorted(m.killed_low for m in got) == [4, 12]


def test_deaths_with_no_act_before_stay_unread() -> None:
    assert occurred("Según el hospital, murieron 18 personas en el incendio del mercado.") == []


def test_a_command_raising_its_count_is_a_campaign_sum() -> None:
    got = occurred("Un ataque de Estados Unidos hundió el martes una lancha en el Caribe y "
                   "mató a tres tripulantes. El Comando Sur eleva a 64 el número de muertos.")
    assert [m.killed_low for m in got] == [3]


@pytest.mark.parametrize("text, toll", [
    ("Un bombardeo israelí alcanzó el jueves una escuela en Jan Yunis. Los bombardeos "
     "mataron a 18 personas, según el hospital.", 18),
    ("Un ataque estadounidense alcanzó el lunes una camioneta en el sur de Somalia. Los "
     "ataques dejaron cuatro muertos, informó un funcionario local.", 4),
])
def test_plural_after_one_act_is_that_act(text: str, toll: int) -> None:
    got = occurred(text)
    assert len(got) == 1 and got[0].killed_low == toll


@pytest.mark.parametrize("text", [
    # a verb tells no number of acts; a toll grown to now is a campaign's
    "Un dron atacó el lunes tres lanchas en el Caribe. En esos ataques murieron cuatro "
    "tripulantes, según el mando.",
    "Un bombardeo alcanzó el lunes una lancha en el Caribe. Los ataques de Washington han "
    "dejado al menos 40 muertos en la región.",
])
def test_plural_after_a_verb_or_grown_to_now_is_no_one_act(text: str) -> None:
    assert all(m.killed_low not in (4, 40) for m in occurred(text))


def test_plural_after_two_acts_stays_a_sum() -> None:
    got = occurred("Un dron atacó el lunes una camioneta en Jilib. Un segundo dron atacó una casa "
                   "en Jamame. Los ataques dejaron cuatro muertos, informó un funcionario local.")
    assert all(m.killed_low != 4 for m in got)


@pytest.mark.parametrize("text, low", [
    ("Air strikes on the province on Monday killed hundreds of thousands of people.", None),
    ("Air strikes on the province on Monday killed tens of thousands of people.", None),
    ("Air strikes on the province on Monday killed hundreds of people.", 200),
    ("Air strikes on the province on Monday killed thousands of people.", 2000),
    ("A drone strike on the town on Monday killed 12 people.", 12),
])
def test_a_larger_unit_after_the_figure(text: str, low: int) -> None:
    assert [m.killed_low for m in occurred(text, "en")] == [low]


def test_a_figure_in_millions_is_no_toll() -> None:
    got = occurred("A drone strike on the town on Monday killed 2 million people.", "en")
    assert [m.killed_low for m in got] == [None]


@pytest.mark.parametrize("text", [
    "Un bombardeo alcanzó el jueves un mercado de Jartum. La guerra ha matado a decenas de "
    "miles de personas desde 2023.",
    "Un bombardeo alcanzó el jueves un mercado de Jartum. Cientos de miles de personas "
    "murieron en la guerra.",
])
def test_a_larger_unit_after_a_spanish_figure_is_no_toll(text: str) -> None:
    assert all(m.killed_low is None for m in occurred(text))

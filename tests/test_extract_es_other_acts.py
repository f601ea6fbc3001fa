"""Spanish reports that tell more than one act: one more act at a place not named before
("un segundo ataque, en Kafr Kila"), an earlier act on a day of its own told after
"después de que", and the state an act is told of by its adjective or as the verb's subject
("un bombardeo ruso", "un dron turco atacó", "el martes Israel golpeó"). Sentences are our
own, in several wordings, with negatives (the campaign's "otro ataque" in a headline and
its lede, a plan, a threat, a place struck, the same day told again)."""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-10-17"  # a Friday


def read(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es-other", text=text, published=published, language="es")
    return registry.checked(registry.get_extractor("strikewatch-rules-es"), art)


def events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in read(text, published) if m.kind == "event" and m.status == "occurred"]


@pytest.mark.parametrize("second", [
    "Hubo además un segundo ataque, en Kafr Kila, sin víctimas.",
    "Por otra parte, la agencia informó de otra acción israelí contra la localidad de "
    "Kafr Kila, donde fue alcanzada una motocicleta.",
    "Horas después se registró otro bombardeo sobre Kafr Kila.",
    "En un tercer ataque fue alcanzada una casa en Kafr Kila.",
])
def test_one_more_act_elsewhere_is_its_own_event(second: str) -> None:
    text = ("Un muerto en un ataque israelí en el sur del Líbano\n\n"
            "Un dron israelí bombardeó este viernes un coche en Bint Jbeil y mató a su "
            "conductor, informó el Ministerio de Salud libanés. " + second)
    got = events(text)
    assert len(got) == 2, [m.spans[0].text for m in got]
    assert any("Kafr Kila" in s.text for s in got[1].spans)


@pytest.mark.parametrize("text", [
    # the campaign's next strike told as "otro" in the headline and again in the lede
    "Otro bombardeo de EE.UU. contra una lancha en el Caribe deja tres muertos\n\n"
    "El Comando Sur informó este jueves de otro ataque contra una embarcación en el Caribe, "
    "en el que murieron tres personas.",
    "Estados Unidos lanza otro ataque en el Pacífico\n\n"
    "El Pentágono anunció otro golpe contra una narcolancha en el Pacífico oriental: "
    "murieron dos tripulantes.",
    "Un ataque de EE.UU. hundió este jueves una lancha en el Caribe y murieron tres. El "
    "comandante ordenó otro ataque para cumplir la orden del jefe del Pentágono, Pete "
    "Hegseth.",
])
def test_the_campaigns_next_strike_told_twice_is_one_event(text: str) -> None:
    """(nor a name of someone after it: "ordenó otro ataque para cumplir la orden del
    secretario de Defensa, Pete Hegseth" is the strike told again)"""
    assert len(events(text)) == 1


@pytest.mark.parametrize("text", [
    "El Ejército israelí planea otro ataque contra Kafr Kila la próxima semana.",
    "El Ejército israelí amenazó con otro bombardeo sobre Kafr Kila.",
])
def test_another_act_planned_or_threatened_is_no_strike(text: str) -> None:
    assert events(text) == []


@pytest.mark.parametrize("later", [
    "Este nuevo bombardeo llega después de que el miércoles Israel atacara varias casas "
    "de al menos tres aldeas del sur.",
    "El ataque se produjo luego de que el miércoles aviones israelíes golpearan depósitos "
    "en dos pueblos cercanos.",
    "Todo ello sucede después de que el 15 de octubre Israel bombardeara un taller en "
    "Nabatiye.",
])
def test_an_earlier_act_on_a_day_of_its_own_is_its_own_event(later: str) -> None:
    text = ("Un dron israelí bombardeó este viernes un coche en el sur del Líbano y murió "
            "una persona. " + later)
    got = events(text)
    assert len(got) == 2, [m.spans[0].text for m in got]
    assert got[0].killed_low == 1 and got[1].killed_low is None
    assert got[1].date_low in ("2025-10-15", "2025-10-15")


@pytest.mark.parametrize("later", [
    "El comunicado llegó después de que el Gobierno asegurara el miércoles que sus tropas "
    "bombardearon el campamento.",
    "La nota se publicó luego de que el ministerio diera a conocer el miércoles el "
    "bombardeo.",
])
def test_a_day_told_of_a_telling_after_despues_de_que_splits_nothing(later: str) -> None:
    text = ("Un dron bombardeó este viernes un campamento en el sur de Somalia y murieron "
            "cinco milicianos. " + later)
    assert len(events(text, published=None)) == 1  # (an undated page: no day sets them apart)


@pytest.mark.parametrize("text,country", [
    ("Un bombardeo ruso alcanzó este viernes un edificio en Járkov.", "RU"),
    ("Un dron turco atacó este viernes un vehículo en el norte de Siria.", "TR"),
    ("Un ataque aéreo estadounidense mató este viernes a tres personas en Somalia.", "US"),
    ("Las fuerzas israelíes bombardearon este viernes una casa en Nabatiye.", "IL"),
    ("Los nuevos ataques de Israel contra el sur del Líbano dejaron un muerto este viernes.",
     "IL"),
    ("El viernes Israel golpeó varios edificios en el sur del Líbano.", "IL"),
])
def test_the_state_told_by_its_adjective_or_as_subject_acts(text: str, country: str) -> None:
    got = read(text)
    assert got and got[0].actor1 is not None and got[0].actor1.country == country


@pytest.mark.parametrize("text", [
    "Un ataque contra un vehículo libanés dejó un muerto este viernes en Nabatiye.",
    "Hezbolá lanzó este viernes cohetes contra Israel desde el sur del Líbano.",
    "Un bombardeo en Israel dejó este viernes dos heridos.",
])
def test_a_state_struck_or_a_place_is_not_the_attacker(text: str) -> None:
    for m in read(text):
        assert m.actor1 is None or m.actor1.country != "IL" or "Hezbolá" in m.actor1.name


@pytest.mark.parametrize("text", [
    "Un dron bombardeó este viernes un coche y murió una persona.",
    "Un dron bombardeó un coche en Nabatiye, donde murió una persona sin identificar.",
    "Un dron israelí bombardeó un camión cisterna y murió su conductor.",
    "Un dron atacó una moto en Tiro; falleció un hombre y otro resultó herido.",
    "Un bombardeo alcanzó un coche y perdió la vida uno de los ocupantes.",
])
def test_a_singular_death_verb_before_its_subject_is_one_dead(text: str) -> None:
    got = events(text)
    assert got and got[0].killed_low == 1 and got[0].killed_high == 1


@pytest.mark.parametrize("text", [
    "Un dron israelí atacó un coche en Tiro; murió un día después el alcalde de la ciudad.",
    "Un dron bombardeó un coche en Tiro; su conductor murió hace diez años en otra guerra.",
])
def test_no_one_dead_from_a_day_or_a_story_of_the_past(text: str) -> None:
    got = events(text)
    assert got and got[0].killed_low is None


@pytest.mark.parametrize("text", [
    "Desde la madrugada de este lunes está en marcha una operación de gran envergadura "
    "contra las disidencias en el Guaviare.",
    "El Ejército adelanta una operación de alto impacto contra la guerrilla en Arauca.",
    "Las tropas iniciaron una operación de asalto contra un grupo armado en el Cauca.",
])
def test_an_operation_against_an_armed_group_is_an_act(text: str) -> None:
    assert events(text)


@pytest.mark.parametrize("text", [
    "La Fiscalía abrió una operación de control contra el contrabando en Cúcuta.",
    "El Gobierno prepara una operación de gran escala contra las disidencias en el Guaviare.",
])
def test_no_act_from_an_operation_on_crime_or_one_planned(text: str) -> None:
    assert events(text) == []

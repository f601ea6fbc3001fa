"""An act told as one more beside the one told is an event of its own.

"Hubo también un segundo ataque, en Ansar", "otra acción israelí contra la localidad de
Arnoun": the Spanish reader joins a later strong act word that fits the event told before
as its retelling (`es_coreference`), but one told as another act (`otro`, `otra`, `un
segundo`, `una tercera`) is a second strike. In English, "Trump announced another strike"
or "the army confirmed a separate attack" names a new act, where "announced the strike" or
"condemned Tuesday's attack" refers to one told (`assemble._refers`). A retelling with the
definite article stays one event in both languages.

(Sentences written for these tests, not taken from any article.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract, registry
from strikewatch.records import Article, Mention

PUB = "2025-09-19"  # a Friday


def _es(text: str) -> list[Mention]:
    art = Article(id="t-es-more", text=text, published=PUB, language="es")
    return [m for m in registry.checked(registry.get_extractor("strikewatch-rules-es"), art)
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _en(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published, language="en"))
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize("text", [
    ("Un ataque con dron israelí contra un vehículo en Tiro dejó un muerto este viernes. Las "
     "fuentes locales hablaron de un segundo ataque en Naqura."),
    ("Un bombardeo israelí contra una casa en Jiam mató a tres personas este viernes. Hubo "
     "también un segundo ataque, en Kfar Kila, según la agencia."),
    ("Un bombardeo israelí contra una moto en Bint Jbeil dejó dos muertos este viernes. La "
     "agencia oficial informó además de otra acción israelí contra la localidad de Arnoun."),
    ("Aviones del Ejército bombardearon el viernes un campamento del ELN en el Chocó. Según "
     "la Fuerza Aérea, otro bombardeo alcanzó una posición de la guerrilla en Arauca."),
])
def test_es_one_more_act_is_its_own_event(text: str) -> None:
    assert len(_es(text)) == 2


@pytest.mark.parametrize("text", [
    # the same strike told again, with the definite article
    ("Un bombardeo israelí contra una casa en Jiam mató a tres personas este viernes. Según "
     "la agencia, el bombardeo destruyó la vivienda por completo."),
    ("Un bombardeo israelí contra una moto en Bint Jbeil dejó dos muertos este viernes. El "
     "ataque fue confirmado por el ejército israelí horas después."),
])
def test_es_the_same_act_told_again_stays_one(text: str) -> None:
    assert len(_es(text)) == 1


@pytest.mark.parametrize("text", [
    ("September 2: The US military hit a boat in the Caribbean and killed 11 people. "
     "September 15: Hours after Maduro spoke, Trump announced another US strike."),
    ("A US strike on a boat in the Caribbean killed six people, officials said. The "
     "Pentagon later confirmed another strike."),
    ("Israeli aircraft bombed a house in Khiam, killing two, the ministry said. The army "
     "later acknowledged a separate strike."),
])
def test_en_an_announced_second_strike_is_its_own_event(text: str) -> None:
    assert len(_en(text, "2025-09-20")) == 2


@pytest.mark.parametrize("text", [
    ("A US strike on a boat in the Caribbean killed six people, officials said. The "
     "Pentagon later confirmed the strike."),
    ("A US strike on a boat in the Caribbean killed six people on Tuesday, officials said. "
     "Venezuela condemned the strike as murder."),
    ("Israeli aircraft bombed a house in Khiam on Monday, killing two, the ministry said. "
     "The army confirmed the strike hours later."),
])
def test_en_a_reference_to_the_strike_stays_one(text: str) -> None:
    assert len(_en(text, "2025-09-20")) == 1


@pytest.mark.parametrize("text", [
    # "otro ataque" of the campaign, at the place the headline told: the news told again
    ("Otro bombardeo de EE.UU. contra una lancha en el Caribe deja tres muertos\n\n"
     "El Comando Sur informó este viernes de otro bombardeo contra una lancha en aguas del "
     "Caribe; murieron tres hombres."),
    ("Nuevo ataque de EE.UU. contra una narcolancha\n\n"
     "El Comando Sur anunció este viernes otro ataque en aguas del mar Caribe contra una "
     "embarcación; murieron tres personas."),
])
def test_es_another_strike_of_the_campaign_told_again_stays_one(text: str) -> None:
    assert len(_es(text)) == 1


# -- an act told as the answer to the one told ----------------------------------------------

@pytest.mark.parametrize("text", [
    ("An Israeli strike on a car near Nabatieh killed a Hezbollah commander on Tuesday, the "
     "group said. In response, Hezbollah said it fired a barrage of rockets at an army base "
     "in the Galilee."),
    ("US aircraft struck militia sites in eastern Syria on Friday, killing five, a monitor "
     "said. In retaliation, the militias launched drones at a US outpost near the Jordanian "
     "border."),
    ("Israeli drones hit a motorbike in Bint Jbeil on Thursday, killing two men. Hezbollah "
     "retaliated with a salvo of rockets fired at a barracks near Kiryat Shmona."),
])
def test_en_the_answer_to_an_act_is_its_own_event(text: str) -> None:
    assert len(_en(text, "2025-09-20")) == 2


@pytest.mark.parametrize("text", [
    # the answer told with a gerund of its means ("by firing", "by launching")
    ("Israeli jets bombed the state broadcaster in Tehran on Monday, killing three, state "
     "media said. The Revolutionary Guards responded quickly by firing ballistic missiles at "
     "an air base in the Negev."),
    ("Israeli jets bombed the state broadcaster in Tehran on Monday, killing three, state "
     "media said. Hours later Iran hit back by launching a wave of drones and missiles at "
     "Haifa."),
])
def test_en_an_answer_told_by_its_means_is_its_own_event(text: str) -> None:
    assert len(_en(text, "2025-09-20")) == 2


@pytest.mark.parametrize("text", [
    # what the act answered, told inside its own retelling, is no second act
    ("Israeli jets bombed a building in Tehran on Monday, killing three, state media said. "
     "The strike, in response to missile fire, flattened the building."),
    ("Israeli jets bombed a building in Tehran on Monday, killing three, state media said. "
     "The army said the bombing was a response to weeks of missile fire."),
])
def test_en_a_strike_told_as_a_response_stays_one(text: str) -> None:
    assert len(_en(text, "2025-09-20")) == 1


@pytest.mark.parametrize("text", [
    "The Houthis have threatened firing missiles at ships that trade with Israel.",
    "Officials worry that the group is capable of launching missiles at Riyadh.",
    "Iran was accused of firing missiles at the base, a claim it denied.",
    ("On Tuesday UN experts warned that the US is breaking the law of the sea by firing "
     "missiles at boats in the Caribbean."),
])
def test_en_a_gerund_of_firing_outside_a_means_is_no_event(text: str) -> None:
    assert _en(text) == []

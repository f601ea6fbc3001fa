"""A strike told from where it fell: the weapon's fall on what it hit, or the target that
"came under fire" (issue 14, missed strikes).

Real copy often tells the act with the weapon as subject of a verb of impact ("a drone came
down on a market", "un misil cayó sobre un mercado") or from the target's side ("a house in
the camp came under drone fire"). Each such telling is an occurred act; a weapon that fell
with no target (into the sea, near the border), a person who "came under fire" (criticism)
and a generic or planned act stay what they were.

(Sentences written for these tests, not taken from any article.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def _read(text: str, lang: str) -> list[Mention]:
    name = "strikewatch-rules-es" if lang == "es" else "strikewatch-rules"
    art = Article(id="t-impact", text=text, published=PUB, language=lang)
    return registry.checked(registry.get_extractor(name), art)


def _occurred(text: str, lang: str = "en") -> list[Mention]:
    return [m for m in _read(text, lang) if m.kind == "event" and m.status == "occurred"
            and not m.background]


# -- English: the weapon came down on / crashed onto its target ---------------------------

@pytest.mark.parametrize(("text", "day", "dead"), [
    # wire register, the weapon's owner between weapon and verb
    ("On Tuesday afternoon a drone of the paramilitary force came down on a crowded market "
     "in the city. Fifteen people were killed, medics said.", "2025-11-11", 15),
    # broadcaster register, a rocket
    ("Two rockets came down on a residential block in the port city on Monday, killing "
     "nine people, the governor said.", "2025-11-10", 9),
    # agency rewrite, a bomb crashing onto a camp
    ("A guided bomb crashed onto a camp for displaced families on Sunday night, killing "
     "six, according to the health ministry.", "2025-11-09", 6),
    # blog register, the drone from a named force
    ("Locals say a drone from the army's eastern command fell on a wedding party on "
     "Monday and at least 11 guests died.", "2025-11-10", 11),
])
def test_a_weapon_falling_on_a_target_is_an_act(text: str, day: str, dead: int) -> None:
    found = _occurred(text)
    assert len(found) == 1
    assert found[0].date_low == day
    assert found[0].killed_low == dead


# -- English: a target that came under fire -------------------------------------------------

@pytest.mark.parametrize("text", [
    ("A house in the town of Jabalia came under fire on Monday; nine people were killed, "
     "the civil defence said."),
    ("The village came under heavy drone attack overnight and four residents were killed, "
     "a local official told reporters."),
    ("Their compound near the border had come under sustained shelling on Monday, leaving "
     "three guards dead."),
])
def test_a_target_that_came_under_fire_is_an_act(text: str) -> None:
    assert len(_occurred(text)) == 1


@pytest.mark.parametrize("text", [
    # criticism, not an act
    "The defence minister came under fire from lawmakers on Monday over the budget.",
    "The network came under attack on social media for its coverage.",
    # a weapon down with no target
    "A drone came down near the border on Monday, the army said.",
    "An unarmed surveillance drone crashed in a field on Monday, the ministry said.",
])
def test_no_act_where_nothing_was_hit(text: str) -> None:
    assert _occurred(text) == []


@pytest.mark.parametrize("text", [
    # a plan and a generic claim stay not occurred
    "The army warned that its drones would come down on any convoy that crossed the line.",
    "Strikes have killed hundreds of people across the region since the war began.",
])
def test_plans_and_generic_claims_stay_not_occurred(text: str) -> None:
    assert [m for m in _occurred(text) if m.killed_low is not None or m.date_low] == []


# -- Spanish: the weapon fell on / hit its target -----------------------------------------

@pytest.mark.parametrize(("text", "dead"), [
    # agencia
    ("Un misil cayó sobre un mercado de la ciudad el lunes y mató a nueve personas, "
     "informaron fuentes sanitarias.", 9),
    # diario, adjective between weapon and verb
    ("Un proyectil de artillería impactó en una escuela del barrio el lunes; murieron "
     "cuatro niños, según la alcaldía.", 4),
    # blog, plural and reflexive verb
    ("Dos drones kamikaze se estrellaron contra un edificio de viviendas el lunes y "
     "dejaron siete muertos.", 7),
    # televisión, plural rockets
    ("Los cohetes cayeron sobre un campamento de desplazados el lunes por la noche y "
     "causaron la muerte de cinco personas.", 5),
])
def test_un_arma_que_cae_sobre_un_blanco_es_un_ataque(text: str, dead: int) -> None:
    found = _occurred(text, "es")
    assert len(found) == 1
    assert found[0].killed_low == dead
    assert found[0].date_low == "2025-11-10"


@pytest.mark.parametrize("text", [
    # sin blanco: al mar, a campo abierto
    "El dron cayó en el mar tras ser interceptado, dijo el ejército.",
    "Los restos del misil cayeron en campo abierto, sin causar daños.",
])
def test_un_arma_que_cae_sin_blanco_no_es_un_ataque(text: str) -> None:
    assert _occurred(text, "es") == []


# -- a valley is a settled place a strike hits ------------------------------------------------

@pytest.mark.parametrize(("text", "dead"), [
    ("The air force hit the Kurram valley early on Monday, and at least 30 people, "
     "including women and children, lost their lives, officials said.", 30),
    ("Jets targeted the upper valley on Monday, killing 12 people, residents said.", 12),
])
def test_a_strike_on_a_valley_is_an_act(text: str, dead: int) -> None:
    found = _occurred(text)
    assert len(found) == 1 and found[0].killed_low == dead


def test_a_figure_of_speech_on_a_valley_is_no_act() -> None:
    assert _occurred("The storm hit the valley hard on Monday, flooding roads.") == []


def test_a_drone_named_by_its_force_in_full_falls_on_a_market() -> None:
    """The force's full name and its abbreviation between weapon and verb."""
    text = ("Late on Monday a drone of the country's Joint Defence Forces (JDF) came down on "
            "a busy market in the northern town. Twelve people were killed, a medic said.")
    found = _occurred(text)
    assert len(found) == 1 and found[0].date_low == "2025-11-10" and found[0].killed_low == 12

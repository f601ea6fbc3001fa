"""Acts the reader did not read at all: a strike told by a verb other than "hit"/"struck"
("targeted", "bombarded", "blasted", "razed", "took out"), in either voice; Spanish acts
told with the target first ("la lancha que ... destruyeron", "fue hundida") or as a
launch at a target ("dispararon un misil contra"); and a condition word that is a hedge
on the report ("if accurate") or a time in the past perfect ("once Israel had hit"),
which leaves the act told as done. Sentences are our own, in several wordings, with
negatives: plans, threats, denials, figures of speech, harm told after the act, natural
disasters and test launches stay no occurred strike."""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-06-11"  # a Wednesday


def read(text: str, lang: str = "en") -> list[Mention]:
    name = "strikewatch-rules-es" if lang == "es" else "strikewatch-rules"
    art = Article(id="t-recall-verbs", text=text, published=PUB, language=lang)
    return registry.checked(registry.get_extractor(name), art)


def occurred(text: str, lang: str = "en") -> list[Mention]:
    return [m for m in read(text, lang) if m.kind == "event" and m.status == "occurred"]


@pytest.mark.parametrize("text", [
    "US forces targeted a militant compound near Jilib on Tuesday, AFRICOM said.",
    "A militant compound near Jilib was targeted by US aircraft on Tuesday.",
    "Israeli jets bombarded the outskirts of Tyre overnight on Tuesday.",
    "Pakistani warplanes blasted two Taliban hideouts in Khost province on Tuesday.",
    "Russian bombers razed the village of Kamyanka on Tuesday, local officials said.",
    "The homes in Kamyanka were levelled by Russian glide bombs on Tuesday.",
    "A US drone took out a senior al-Shabaab commander near Jilib on Tuesday.",
    "On Tuesday the army's artillery knocked out an ammunition depot near Kherson.",
])
def test_a_strike_verb_with_its_target_is_an_occurred_act(text: str) -> None:
    got = occurred(text)
    assert len(got) == 1, [m.model_dump()["status"] for m in read(text)]
    assert got[0].event_type == "Explosions/Remote violence"
    assert got[0].date_low == "2025-06-10"


@pytest.mark.parametrize("text", [
    "Israel plans to target Hezbollah bases in the coming days.",
    "The minister threatened to flatten the villages if the rocket fire goes on.",
    "The army denied that it had targeted the camp on Tuesday.",
    "The minister was bombarded with questions about the budget on Tuesday.",
    "He took out a loan to buy a new fishing boat.",
    "The company targeted new markets in the region last year.",
    "Several homes in the valley were flattened by the earthquake on Tuesday.",
])
def test_plans_threats_denials_and_figures_of_speech_stay_unoccurred(text: str) -> None:
    assert occurred(text) == []


def test_harm_told_after_the_act_joins_it() -> None:
    """"homes were flattened", "targeted his car": what the act told did, not another act."""
    text = ("An Israeli drone struck a car in Kunin in south Lebanon on Tuesday, killing one "
            "man, the health ministry said. The man was hit when a drone targeted his car "
            "outside the village. Residents said homes were flattened nearby.")
    assert len(occurred(text)) == 1


@pytest.mark.parametrize("text", [
    "La lancha que los militares de Estados Unidos destruyeron el martes era colombiana.",
    "La embarcación fue destruida por un misil estadounidense el martes en el Caribe.",
    "Una narcolancha fue hundida por fuerzas estadounidenses en el Pacífico el martes.",
    "El campamento del ELN en el Catatumbo fue totalmente destruido el martes, según el "
    "Ejército.",
    "Los hutíes dispararon un misil balístico contra Tel Aviv el martes.",
    "Rusia lanzó 40 drones contra Kiev durante la noche del martes.",
])
def test_spanish_target_first_and_launches_are_occurred_acts(text: str) -> None:
    got = occurred(text, "es")
    assert len(got) == 1, [(m.kind, m.status) for m in read(text, "es")]
    assert got[0].event_type == "Explosions/Remote violence"


@pytest.mark.parametrize("text", [
    "Corea del Norte lanzó un misil de prueba el martes.",
    "La lancha se hundió tras chocar con un arrecife el martes.",
    "El edificio fue destruido por un incendio el martes.",
    "Estados Unidos amenazó con destruir las lanchas que salgan de Venezuela.",
    "Los hutíes amenazaron con disparar misiles contra los buques estadounidenses.",
])
def test_spanish_tests_accidents_fires_and_threats_are_no_occurred_act(text: str) -> None:
    assert occurred(text, "es") == []


@pytest.mark.parametrize("text", [
    "CNN reported on Tuesday that a CIA drone had struck a port facility in Venezuela, "
    "a major escalation if accurate.",
    "A drone struck a depot near Tyre on Tuesday, if the reports are true.",
    "Iran fired a fresh missile salvo at Israel on Tuesday once Israel had hit its nuclear "
    "sites.",
])
def test_a_hedge_or_a_past_time_after_the_act_leaves_it_occurred(text: str) -> None:
    assert len(occurred(text)) == 1


@pytest.mark.parametrize("text", [
    "The US would strike the facility if the intelligence proves accurate.",
    "Israel will hit the port once the ships have left.",
    "Israel will hit the port if the reports of arms shipments are confirmed.",
])
def test_a_condition_on_a_future_act_stays_unoccurred(text: str) -> None:
    assert occurred(text) == []


@pytest.mark.parametrize("text", [
    "US airstrikes hit Hodeidah overnight, the rebels' television said.",
    "New US airstrikes have reportedly hit Hodeidah, the Yemeni port city, after the rebel "
    "leader threatened to strike American warships.",
    "Israeli strikes killed three people in Khiam on Tuesday, the health ministry said.",
    "Russian missile strikes pounded the port of Odesa before dawn on Tuesday.",
])
def test_a_plural_that_did_something_to_a_named_target_is_an_act(text: str) -> None:
    got = occurred(text)
    assert len(got) == 1, [(m.kind, m.status) for m in read(text)]


@pytest.mark.parametrize("text", [
    "Drone strikes kill civilians and breed resentment, the report argued.",
    "US strikes have hit boats in the Caribbean since September.",
    "Trump threatened new strikes on Iran's nuclear sites.",
])
def test_a_plural_of_a_kind_of_act_or_a_threat_is_no_occurred_incident(text: str) -> None:
    assert occurred(text) == []


@pytest.mark.parametrize("text", [
    "Washington is looking for ways to deter the Houthis after fresh attacks by the group "
    "on warships in the Red Sea on Tuesday.",
    "Israel is preparing its response following Tuesday's missile attack on Tel Aviv.",
    "The allies are weighing new sanctions in the wake of Tuesday's drone strike on the "
    "refinery.",
])
def test_the_act_a_plan_came_after_is_told_done(text: str) -> None:
    got = occurred(text)
    assert len(got) == 1, [(m.kind, m.status) for m in read(text)]


@pytest.mark.parametrize("text", [
    "Iran warned it would retaliate after any strike on its nuclear sites.",
    "The US plans to hit the group's bases after the talks end.",
    "Officials said they would respond after a possible attack on the embassy.",
])
def test_an_act_after_a_future_or_possible_one_stays_unoccurred(text: str) -> None:
    assert occurred(text) == []


@pytest.mark.parametrize("page", [
    "Home › US\n\nThree Dead as U.S. Forces Hit Caribbean Boat\n\nFebruary 23, 2026\n\n"
    "No evidence was offered for the claim that the boat was carrying drugs.",
    "World\n\nIsraeli drone struck a car near Tyre, killing two\n\nThe army gave no reason "
    "for the attack, and the names of the dead were not released.",
])
def test_a_teaser_page_title_is_its_act(page: str) -> None:
    """A page whose title is the only telling of its act (the prose only points back)."""
    assert len(occurred(page)) == 1


@pytest.mark.parametrize("page", [
    # the lede tells the act: the title is no second one
    "Israel Strikes Beirut Suburb\n\nIsraeli jets struck a building in Dahiyeh on "
    "Tuesday, killing three, the army said.",
    # the title warns: no act
    "US Warns of Strikes on Cartels\n\nThe White House said it was weighing options.",
    # the prose tells the act as the party's own ("its overnight airstrike"): the title's
    # second clause is no act of its own
    "Pakistan says overnight airstrike hit militant hideouts; locals say civilians struck\n\n"
    "Pakistan says its overnight airstrike in Nangarhar was aimed at militant hideouts.",
    # a related story's headline below the prose stays furniture
    "The minister spoke about the budget on Tuesday.\n\nRelated: Israeli Jets Hit Port "
    "of Hodeidah",
])
def test_a_title_beside_a_lede_a_warning_or_a_related_link_adds_no_act(page: str) -> None:
    assert len(occurred(page)) <= 1
    if "Dahiyeh" not in page and "Nangarhar" not in page:
        assert occurred(page) == []


@pytest.mark.parametrize("text", [
    "Gunmen attacked a base in Mali on Tuesday, two days after a drone strike killed five "
    "fighters near Kidal.",
    "Rockets hit Kiryat Shmona on Tuesday, a few hours before Israeli jets bombed a depot in "
    "Tyre.",
])
def test_an_act_counted_from_by_days_is_an_event_of_its_own(text: str) -> None:
    """(the earlier act may be background: it is read, as an act of its own)"""
    assert len([m for m in read(text) if m.status == "occurred"]) == 2


def test_an_act_counted_from_that_is_the_strike_told_is_no_other() -> None:
    text = "Two people died in hospital on Tuesday, a day after the strike had hit a house."
    assert len(read(text)) == 1

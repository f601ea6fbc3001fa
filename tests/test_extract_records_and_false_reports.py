"""Acts a page names without reporting them (session 21, falses4), in English and Spanish,
on sentences written for these tests:

- a report named false before what it told ("put out false reports that drones had dropped
  bombs", "difundió informaciones falsas de que …", "el bulo de que …") is a denial;
- what a party names "targets for" its acts, or "legitimate targets of" them ("objetivos
  legítimos de"), is threatened (not "the targets of the strikes on Monday", "fue blanco de
  un ataque"), and the day such a threat was "said in a speech on the evening of March 16"
  is the day it was said, not a day to come (a later "that same day" act takes it);
- a party's record of acts, a bare plural object of a perfect of doing with no day or toll
  whose subject is an armed party ("the militia has carried out attacks on pipelines", "la
  estructura ha provocado … atentados contra torres") or which the page calls accusations
  ("say army units have carried out drone strikes … the accusations"), is no act of the page
  (`described.told_as_record`), while a state's hot-news perfect ("The air force has carried
  out air strikes on rebel camps …, the army said") and the same verb with a toll, a day or one
  act named ("a strike on Monday") still tell one;
- acts people fled, a plural right after the flight with no day or toll ("families who had
  fled the clashes", "personas que habían escapado de los enfrentamientos"), are where they
  came from, no act of the page (`described.fled_from`).
"""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.extract.described import fled_from, told_as_record
from strikewatch.records import Article, Mention

PUB = "2025-11-14"  # a Friday


def _events(text: str, language: str = "en") -> list[Mention]:
    article = Article(text=text, published=PUB, language=language)
    return [m for m in registry.checked(registry.reader_for(language), article)
            if m.kind == "event"]


def _occurred(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.status == "occurred" and not m.background]


@pytest.mark.parametrize(("text", "language"), [
    ("Rebel media put out false reports on Monday that soldiers had dropped bombs from drones "
     "on a village market.", "en"),
    ("The army said fake news of an air strike on the camp was spread by the rebels.", "en"),
    ("La cadena difundió informaciones falsas de que drones del ejército bombardearon un "
     "mercado el lunes.", "es"),
    ("Los rebeldes hicieron circular el bulo de que aviones del gobierno atacaron una aldea.",
     "es"),
])
def test_a_report_named_false_is_a_denial(text: str, language: str) -> None:
    ms = _events(text, language)
    assert ms and not _occurred(ms)
    assert {m.status for m in ms} == {"denied"}


def test_a_report_not_called_false_stays_news() -> None:
    ms = _events("Local media carried reports that a drone strike on Monday killed four "
                 "people near the village of Miran.")
    assert [m.killed_low for m in _occurred(ms)] == [4]


@pytest.mark.parametrize(("text", "language"), [
    ("Residents of the province say army units have carried out drone strikes and shelled "
     "villages while the fighting goes on. The accusations could not be checked.", "en"),
    ("Officials said the rebels have staged bombings in towns across the north.", "en"),
    ("Según el ejército, la estructura del frente «ha provocado cientos de desplazamientos» y "
     "«atentados contra oleoductos» en la región.", "es"),
    ("Los rebeldes han cometido atentados contra puentes en el departamento, según el "
     "gobernador.", "es"),
])
def test_a_record_of_acts_is_no_act_of_the_page(text: str, language: str) -> None:
    assert _occurred(_events(text, language)) == []


@pytest.mark.parametrize(("text", "language", "killed"), [
    ("US forces have carried out air strikes near the town, killing four fighters.", "en", 4),
    ("The army has carried out a strike on the camp on Monday, officials said.", "en", None),
    ("The air force has carried out air strikes on rebel camps near Kidal, hitting fuel "
     "depots, the army said.", "en", None),
    ("Las fuerzas armadas han realizado bombardeos contra el campamento el lunes.", "es", None),
])
def test_the_same_verb_with_a_day_a_toll_or_one_act_tells_one(text: str, language: str,
                                                              killed: int | None) -> None:
    assert [m.killed_low for m in _occurred(_events(text, language))] == [killed]


def test_told_as_record_wants_a_bare_plural() -> None:
    s = "The militia has carried out attacks on pipelines."
    i = s.index("attacks")
    assert told_as_record(s, i, i + len("attacks"))
    s = "The army has carried out attacks on pipelines."  # a state's: news unless accused
    i = s.index("attacks")
    assert not told_as_record(s, i, i + len("attacks"))
    assert told_as_record(s, i, i + len("attacks"), after="The accusations grew.")
    s = "The militia has carried out an attack on a pipeline."
    i = s.index("attack ")
    assert not told_as_record(s, i, i + len("attack"))
    s = "The militia has carried out two attacks on pipelines."
    i = s.index("attacks")
    assert not told_as_record(s, i, i + len("attacks"))


@pytest.mark.parametrize(("sentence", "word", "language", "fled"), [
    ("The bus carried families who had fled the clashes in the region.", "clashes", "en",
     True),
    ("Families fled the shelling on Monday that killed four in the town.", "shelling", "en",
     False),  # (not plural: the act itself)
    ("Families fled the raids on Monday that killed four.", "raids", "en", False),  # a day
    ("Viajaban personas que habían escapado de los enfrentamientos en la región.",
     "enfrentamientos", "es", True),
    ("Miles huyeron de los bombardeos del lunes, que mataron a cuatro.", "bombardeos", "es",
     False),
])
def test_acts_people_fled_are_where_they_came_from(sentence: str, word: str, language: str,
                                                   fled: bool) -> None:
    i = sentence.index(word)
    assert fled_from(sentence, i, i + len(word), language) is fled


@pytest.mark.parametrize(("text", "language"), [
    ("Un ataque con drones alcanzó el sábado un autobús en la comarca de Umm Sadr y mató a 12 "
     "personas. En el autobús viajaban personas que habían escapado de los enfrentamientos en "
     "la región, explicó el grupo.", "es"),
    ("A drone hit a bus near the town of Umm Sadr on Saturday, killing 12 people. The bus "
     "carried families who had fled the clashes in the region, the group said.", "en"),
])
def test_the_strike_on_people_who_fled_stays_one_strike(text: str, language: str) -> None:
    assert [m.killed_low for m in _occurred(_events(text, language))] == [12]


@pytest.mark.parametrize(("text", "language"), [
    ("The rebel leader said on Sunday that all navy ships in the gulf were now targets for "
     "rebel attack.", "en"),
    ("The militia said on Monday that the bases were legitimate targets of its strikes.", "en"),
    ("El jefe rebelde dijo el domingo que los buques de la Armada en el golfo son ahora "
     "objetivos legítimos de un ataque.", "es"),
])
def test_targets_named_for_acts_to_come_are_a_threat(text: str, language: str) -> None:
    ms = _events(text, language)
    assert ms and {m.status for m in ms} == {"threatened"}


@pytest.mark.parametrize(("text", "language"), [
    ("The targets of the strikes on Monday included a fuel depot near the port.", "en"),
    ("El cuartel fue blanco de un ataque con drones el lunes.", "es"),
])
def test_the_targets_of_a_past_act_stay_its_targets(text: str, language: str) -> None:
    assert [m.status for m in _events(text, language)] == ["occurred"]


def test_the_day_a_threat_was_said_on_the_evening_of_dates_the_same_days_act() -> None:
    article = Article(text="The rebel leader said in a speech on the evening of March 16 that "
                      "all navy ships were now targets for rebel attack.\n\nThat same day the "
                      "rebels said they had attacked a navy destroyer in the Red Sea.",
                      published="2025-03-17", language="en")
    ms = [m for m in registry.checked(registry.reader_for("en"), article)
          if m.kind == "event"]
    assert {(m.status, m.date_low) for m in ms} == {("threatened", "2025-03-16"),
                                                   ("occurred", "2025-03-16")}

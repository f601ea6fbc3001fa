"""False incidents, session 19 (helper falses2): acts a page tells only as context.

- an act the news came after or answered, with a toll but no calendar day of its own ("came
  after Monday's suicide assault, in which three died" on an undated page): context, as
  the session-17 ruling codes recalls (a day of its own and a toll or place, else background);
- a party named by an apposition of its acts ("the militants, perpetrators of many
  bombings"; Spanish "autores de numerosos atentados");
- a campaign told from its start at the head of the sentence with a perfect and a count of
  what it hit ("From early September the navy has struck boats, sinking 26 vessels"): a
  tally, like the same told with "since";
- another act named by its month only ("In another March strike, near Panama, ...") with no
  toll: a recall with no day.

Every sentence was written for these tests, none taken from a gold article.
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.es.reader import SpanishRulesExtractor
from strikewatch.records import Article, Mention

THURSDAY = "2025-11-20"
_NOT_VIOLENT = ("Strategic developments", "Protests", "Riots")


def _reported(text: str, published: str | None = THURSDAY, language: str = "en") -> list[Mention]:
    """The violent occurred incidents that are not background: what the ledger counts."""
    art = Article(text=text, published=published, language=language)
    ms = SpanishRulesExtractor()(art) if language == "es" else extract(art)
    return [m for m in ms if m.kind == "event" and m.status == "occurred" and
            not m.background and m.event_type not in _NOT_VIOLENT]


# --- an answered act with a toll, no day of its own ----------------------------------------

@pytest.mark.parametrize("text", [
    # wire, undated page: the weekday fixes no calendar day
    ("Jets bombed a compound in Khost overnight, killing eight, the Taliban said.\n\n"
     "The raid came after Friday's suicide assault on a police post in Bannu, in which four "
     "officers died."),
    # broadcaster: "follows another", its toll in a relative clause
    ("A drone struck a market in Kordofan, killing 30, rights groups said.\n\n"
     "The attack follows another drone strike near a town in the north that killed at "
     "least 12 people."),
    # agency rewrite: the toll told in the next sentence
    ("Warplanes hit a depot in Marib, killing five, officials said.\n\n"
     "A few hours before the raid, a car bomb exploded at an army checkpoint in Aden. "
     "Two soldiers and a bystander died in the blast."),
])
def test_an_answered_act_with_a_toll_and_no_day_is_context(text: str) -> None:
    got = _reported(text, published=None)
    assert len(got) == 1 and got[0].killed_low in (5, 8, 30)


@pytest.mark.parametrize("published", [None, THURSDAY])
def test_an_answered_act_with_its_own_calendar_day_stays(published: str | None) -> None:
    # the act the strike answered, told with its calendar day and toll: a report of it
    text = ("Jets bombed a compound in Khost on Nov. 19, killing eight, the Taliban said.\n\n"
            "The raid came after the Nov. 17 suicide assault on a police post in Bannu, "
            "in which four officers died.")
    got = _reported(text, published=published)
    assert sorted(m.killed_low or 0 for m in got) == [4, 8]


@pytest.mark.parametrize("text", [
    # agency, undated page: the toll in the answered act's own clause
    ("Aviones del Ejército bombardearon el martes un campamento en la sierra y mataron a "
     "ocho guerrilleros.\n\nEl bombardeo llegó después de que un ataque con explosivos "
     "contra un puesto policial dejara cuatro agentes muertos."),
    # broadcaster: "todo esto ocurre después de que", the toll as the act's outcome
    ("Un dron bombardeó el lunes un mercado de la provincia y mató a 30 personas.\n\n"
     "Todo esto ocurre después de que un ataque de milicianos contra un cuartel dejara "
     "doce soldados muertos."),
    # "unas horas después": no count of the hours, no day of its own
    ("Un dron bombardeó el lunes un mercado de la provincia y mató a 30 personas.\n\n"
     "El ataque se produjo unas horas después de que un atentado contra un cuartel "
     "dejara doce soldados muertos."),
])
def test_a_spanish_answered_act_with_a_toll_and_no_day_is_context(text: str) -> None:
    got = _reported(text, published=None, language="es")
    assert len(got) == 1 and got[0].killed_low in (8, 30)


@pytest.mark.parametrize("text", [
    # a day counted from the news: its own (relative) day
    ("Aviones del Ejército bombardearon el martes un campamento en la sierra y mataron a "
     "ocho guerrilleros.\n\nEl bombardeo llegó dos días después de que un ataque con "
     "explosivos contra un puesto policial dejara cuatro agentes muertos."),
    # a calendar day of its own
    ("Aviones del Ejército bombardearon el martes un campamento en la sierra y mataron a "
     "ocho guerrilleros.\n\nEl bombardeo llegó después de que el domingo un ataque con "
     "explosivos contra un puesto policial dejara cuatro agentes muertos."),
])
def test_a_spanish_answered_act_with_a_toll_and_a_day_stays(text: str) -> None:
    got = _reported(text, published=None, language="es")
    assert sorted(m.killed_low or 0 for m in got) == [4, 8]


def test_a_spanish_answered_act_told_again_with_its_toll_stays() -> None:
    # another act word tells its toll again: the act told again, a report of its own
    text = ("Aviones del Ejército bombardearon el martes un campamento en la sierra y mataron "
            "a ocho guerrilleros.\n\nEl bombardeo llegó después de que un ataque con "
            "explosivos contra un puesto policial dejara cuatro agentes muertos.\n\nLa "
            "fiscalía informó el lunes que en el atentado murieron cuatro policías.")
    got = _reported(text, published=None, language="es")
    assert "ataque" in {text[m.provenance["event_type"][0].start:
                             m.provenance["event_type"][0].end] for m in got}


# --- a party named by an apposition of its acts ---------------------------------------------

@pytest.mark.parametrize(("text", "language"), [
    ("Jets struck a camp near Kunar on Tuesday, killing six. Islamabad blames the separatist "
     "militants, perpetrators of several bombings in the province, for the tension.", "en"),
    ("Aviones paquistaníes bombardearon el martes un campamento en Kunar y mataron a seis "
     "personas. Islamabad acusa a los milicianos del grupo, autores de numerosos atentados "
     "en el país, de esconderse allí.", "es"),
])
def test_a_party_named_by_an_apposition_of_its_acts_tells_no_act(
        text: str, language: str) -> None:
    got = _reported(text, language=language)
    assert len(got) == 1 and got[0].killed_low == 6


def test_an_apposition_on_a_told_act_stays() -> None:
    # the act named with its day and toll in the sentence: news, not a description
    text = ("Police named the militants, responsible for the attack on Monday that killed "
            "four soldiers at a checkpoint.")
    assert len(_reported(text)) == 1


# --- a campaign told from its start ---------------------------------------------------------

def test_a_campaign_told_from_its_start_with_a_perfect_is_a_tally() -> None:
    text = ("Navy jets hit a boat in the Caribbean on Tuesday, killing three.\n\n"
            "From early September the navy has struck boats it says carry drugs, sinking "
            "26 vessels and killing at least 90 people.")
    got = _reported(text)
    assert len(got) == 1 and got[0].killed_low == 3


def test_an_act_from_a_place_is_no_campaign() -> None:
    # "from" a place, not a start: one act
    text = "From Yemen the rebels have fired two missiles at a tanker, hitting 2 vessels on Monday."
    assert len(_reported(text)) == 1


# --- an act named by its month, another than the news ---------------------------------------

def test_another_act_named_by_its_month_only_is_a_recall() -> None:
    text = ("A navy drone hit a boat off Colombia on Tuesday, killing four.\n\n"
            "In another March strike, near Panama, the navy asked a neighbour to search "
            "for the boat's owner.")
    got = _reported(text, published=None)
    assert len(got) == 1 and got[0].killed_low == 4


def test_another_act_named_by_its_month_with_a_toll_is_a_recall_too() -> None:
    text = ("A navy drone hit a boat off Colombia on Tuesday, killing four.\n\n"
            "In another March strike, near Panama, the navy killed three men aboard a skiff.")
    # session 17's ruling: a recall with no day of its own is background, toll or not
    # ("in September"; components/recall_cues.py)
    got = _reported(text, published=None)
    assert len(got) == 1 and got[0].killed_low == 4


def test_an_answered_act_with_a_toll_and_a_counted_day_stays() -> None:
    # "one day after": a day counted from the news, its own (relative) day
    text = ("Jets bombed a compound in Khost, killing eight, the Taliban said.\n\n"
            "The raid came one day after an attack in Bannu, in which militants killed four "
            "officers.")
    assert len(_reported(text, published=None)) == 2

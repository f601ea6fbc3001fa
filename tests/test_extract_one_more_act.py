"""One more act told after the first stays an act of its own; one act told twice stays one.

Reports tell a day's second act with words that say it is one more: the act repeated
("struck again", "hit once more"), more acts counted ("two more boats were hit") or a rank
that is not the first act's ("In its first strike ... a second strike"). Such a telling
never refers back to the act told before it. A reference to the act told ("the strike
again drew criticism", "the attack, which killed three") and a second telling of the same
ranked act ("a second strike ... ordered a second strike") stay one.

(Sentences written for these tests, not taken from any article.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract, registry
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def _events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published, language="en"))
            if m.kind == "event" and m.status == "occurred"]


def _tolls(text: str, published: str | None = PUB) -> list[int | None]:
    return sorted((m.killed_low for m in _events(text, published)),
                  key=lambda k: (k is None, k or 0))


# -- the act repeated: "again", "anew" -----------------------------------------------------

@pytest.mark.parametrize("text", [
    # wire register, verb then "again"
    ("U.S. forces hit a suspected drug boat in the Caribbean on Monday, killing four men. "
     "A week later the military struck again and sank a small boat with three people "
     "aboard, officials said."),
    # "again" before the verb, British spelling, a blog's register
    ("The navy's jets pounded a militia depot outside the port on Saturday, killing six "
     "fighters. Days later the jets again bombed a convoy on the coast road, leaving two "
     "dead, the group's media office said."),
    # "anew"
    ("A drone struck a car near the border crossing on Sunday, killing two. Drones "
     "attacked anew after nightfall and hit a truck on the highway, killing three more "
     "people, residents told reporters."),
])
def test_an_act_told_as_repeated_is_an_act_of_its_own(text: str) -> None:
    assert len(_events(text)) == 2


# -- a rank other than the first act's -----------------------------------------------------

@pytest.mark.parametrize("text", [
    ("In its first strike of the campaign, the US military hit a boat in international "
     "waters and killed 11 people. Weeks after that, the president announced a second US "
     "strike on a vessel."),
    ("The army's first raid on the camp came at dawn and killed four insurgents. By "
     "evening officials were describing a third raid in the same district."),
    ("Officials said the first air strike destroyed a house in the village, killing five. "
     "The ministry later confirmed a second air strike on the market."),
])
def test_an_act_ranked_after_the_first_is_no_reference_to_it(text: str) -> None:
    assert len(_events(text, published=None)) == 2


@pytest.mark.parametrize("text", [
    # a timeline: the indefinite rank first, the definite one after it
    ("The president announced a second US strike, which hit a boat in international "
     "waters and killed three people. Three men died in the third strike, on a boat in "
     "the Caribbean Sea, the president said."),
    # a broadcaster's wording
    ("The ministry announced a second air raid, which hit a farm outside the city and "
     "killed four people. Two shepherds died in the third air raid, on a hillside to the "
     "north, the ministry said."),
    # a blog's register
    ("Then the army reported a second drone strike, which flattened a farmhouse near the "
     "river and killed five. Three people died in the fourth drone strike, at a checkpoint "
     "in the hills, locals say."),
])
def test_a_definite_rank_after_another_indefinite_one_is_another_act(text: str) -> None:
    assert len(_events(text, published=None)) == 2


def test_a_sentence_going_through_the_ranks_keeps_two_acts() -> None:
    # "the first strike had killed X and the second Y": a list of the acts told
    text = ("An Israeli drone hit a car in Haruf on Saturday, killing one man. The ministry "
            "reported a second Israeli strike, on a motorcycle in Qlaileh, that killed one "
            "person. It said the first strike had killed a commander and the second a "
            "fighter.")
    ev = _events(text)
    assert len(ev) == 2 and all(m.date_low == "2025-11-08" for m in ev)


def test_the_same_rank_told_indefinite_then_definite_stays_one() -> None:
    text = ("The navy carried out a second strike on the boat on Monday, killing two "
            "survivors. Lawmakers condemned the second strike.")
    assert len(_events(text, published=None)) == 1


def test_two_tellings_of_one_ranked_act_stay_one() -> None:
    # a follow-up strike told as "a second strike" twice: one act, whatever its rank
    text = ("A follow-up strike that killed the survivors of an attack on a boat may have "
            "been unlawful, legal experts said. The White House confirmed that a second "
            "strike was carried out on the boat. Reports said the admiral ordered a "
            "second strike that killed the two men.")
    assert len([m for m in _events(text, published=None) if not m.background]) <= 2


# -- more acts counted ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    ("The Pentagon said a strike on a boat in the eastern Pacific killed three people on "
     "Monday. Later that day US forces hit two more boats, killing five."),
    ("The military said a strike on a go-fast boat in the Caribbean killed two smugglers "
     "on Tuesday. Three more vessels were struck hours afterwards, with eight dead in all."),
])
def test_more_acts_counted_are_acts_apart_from_the_one_told(text: str) -> None:
    # the acts counted may stand as a tally of their own ("three more ... eight dead in all")
    told = [m for m in extract(Article(text=text, published=PUB, language="en"))
            if m.kind in ("event", "tally") and m.status == "occurred"]
    assert len(told) >= 2


# -- one act told twice stays one ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    ("A US strike on a boat in the Caribbean killed three people on Monday. The strike "
     "again raised questions about the legal basis for the campaign."),
    ("An Israeli drone strike on a car near Tyre killed two men on Tuesday. The attack, "
     "which killed two members of the group, was condemned by the government."),
    ("A drone struck a house in the village on Sunday, killing four people. Rescuers said "
     "the strike killed four members of one family."),
    ("Warplanes bombed a fuel depot near the port on Friday, killing seven. The army said "
     "more than 40 rockets had been stored at the depot."),
])
def test_one_act_told_twice_stays_one(text: str) -> None:
    assert len(_events(text)) == 1


# -- the same in Spanish ---------------------------------------------------------------------

def _es_told(text: str) -> list[Mention]:
    read = registry.reader_for("es")
    return [m for m in read(Article(text=text, published=PUB, language="es"))
            if m.kind in ("event", "tally") and m.status == "occurred"]


@pytest.mark.parametrize("text", [
    ("Las fuerzas de Estados Unidos atacaron una lancha en el Caribe el lunes y mataron a "
     "tres personas, informó el Pentágono. Horas después, los militares atacaron de nuevo "
     "y hundieron una embarcación con dos tripulantes a bordo."),
    ("Un dron del Ejército bombardeó un campamento en el Guaviare y murieron cuatro "
     "guerrilleros. Esa misma noche el dron bombardeó nuevamente la zona y dejó dos "
     "muertos, según fuentes militares."),
    ("El Comando Sur atacó una narcolancha en el Pacífico oriental el domingo y murieron "
     "tres personas. Más tarde, las fuerzas estadounidenses atacaron dos lanchas más y "
     "mataron a cinco."),
    ("Un ataque contra una embarcación en el Caribe dejó seis muertos, según el Pentágono. "
     "Las fuerzas militares hundieron luego otras dos lanchas con ocho tripulantes."),
])
def test_spanish_acts_told_as_repeated_or_counted_as_more_stand_apart(text: str) -> None:
    assert len(_es_told(text)) >= 2


@pytest.mark.parametrize("text", [
    ("Un ataque de Estados Unidos contra una lancha en el Caribe mató a tres personas el "
     "lunes. El ataque fue condenado de nuevo por el gobierno de Venezuela."),
    ("Un bombardeo del Ejército mató a siete guerrilleros en el Guaviare el lunes. El "
     "bombardeo, en el que murieron siete disidentes, fue ordenado por el presidente."),
])
def test_spanish_one_act_told_twice_stays_one(text: str) -> None:
    assert len(_es_told(text)) == 1


# -- a page with no date: a weekday's act and a dated act are two ---------------------------

@pytest.mark.parametrize("text", [
    ("A US drone fired missiles at a house in North Waziristan early on Friday and killed "
     "at least four people, local officials said. On August 31 a US drone strike on a "
     "compound in a village east of Miranshah killed at least four suspected militants."),
    ("Israeli jets bombed a workshop in the south on Tuesday, killing three, the ministry "
     "said. An Israeli air strike on 14 March hit a house in the same district and killed "
     "three people."),
    ("Drones struck a convoy near the border on Sunday, killing five fighters. A drone "
     "strike on Oct. 3 had hit a car on the highway and killed five men."),
])
def test_an_undated_page_tells_a_weekday_act_and_a_dated_act_apart(text: str) -> None:
    assert len(_events(text, published=None)) == 2


@pytest.mark.parametrize("text", [
    # the same act told with its weekday and its date in one clause stays one
    ("A US drone fired missiles at a house in North Waziristan early on Friday, August 29, "
     "and killed four people. The strike on the house killed four suspected militants."),
    # a weekday far before the event word dates a reaction, not the act
    ("The defence ministry on Tuesday rejected a report that concluded its jets killed 19 "
     "civilians in a January air strike in the centre of the country. The ministry said "
     "that on January 3 its jets struck a group of armed fighters near the village."),
    # a date that is only when it was told is no date of the act
    ("Israeli jets bombed a workshop in the south on Tuesday, killing three. The ministry "
     "said on 14 March that the strike had killed three people."),
])
def test_one_act_with_its_weekday_and_its_date_stays_one(text: str) -> None:
    assert len(_events(text, published=None)) == 1

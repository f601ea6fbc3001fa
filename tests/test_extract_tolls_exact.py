"""Death tolls read exactly (issue 14, item 4): counts of two kinds of people that add up,
one person named and "N others", a toll told as the count so far or said to be rising, "the
dead" as the object of a figure's verb, a part of the toll told after it, and the Spanish
forms ("no menos de", an adjective after the people noun, a time phrase before "a").
Every sentence is our own, in several wordings, with negatives beside them."""

from __future__ import annotations

import pytest

from strikewatch.extract.registry import for_language
from strikewatch.records import Article, Mention

PUB = "2025-11-20"  # a Thursday


def _tolls(text: str) -> list[tuple[int | None, int | None]]:
    art = Article(id="en1", text=text, published=PUB, language="en", url="http://x/en1",
                  publisher="X")
    reader = for_language("en")
    assert reader is not None
    return [(m.killed_low, m.killed_high) for m in reader(art)
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _es_events(text: str) -> list[Mention]:
    reader = for_language("es")
    assert reader is not None
    art = Article(id="es1", text=text, published=PUB, language="es", url="http://x/es1",
                  publisher="X")
    return [m for m in reader(art) if m.kind == "event" and m.status == "occurred"]


def _es_tolls(text: str) -> list[tuple[int | None, int | None]]:
    return [(m.killed_low, m.killed_high) for m in _es_events(text)]


@pytest.mark.parametrize("text,toll", [
    ("Pakistan carried out overnight airstrikes in Khost province on Monday, and nine "
     "children and one woman were reported killed.", (10, 10)),
    ("Air strikes hit Khost on Monday. The Taliban administration reported nine children "
     "and a woman dead.", (10, 10)),
    ("Shelling hit a house in Gaza on Monday. Four children and two women were killed, "
     "medics said.", (6, 6)),
    # a part told after the toll adds nothing
    ("An air strike hit a school in Gaza on Monday, killing 12 people. Six children and two "
     "teachers were among the dead.", (12, 12)),
])
def test_children_and_adults_counted_together_add_up(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text) == [toll]


@pytest.mark.parametrize("text,toll", [
    ("An Israeli air raid on Beirut's southern suburbs on Sunday killed the senior Hezbollah "
     "commander Haytham Ali Tabatabai, and four other people died in the same attack.", (5, 5)),
    ("A drone strike in Baghdad on Wednesday killed Abu Baqir al-Saadi, and three other "
     "members of the militia were killed, officials said.", (4, 4)),
    ("An Israeli strike on a flat in Beirut on Sunday killed Hezbollah commander Ali Karaki "
     "and two others, the group said.", (3, 3)),
    ("Jets struck a convoy in Idlib on Saturday, killing the commander, and three more died "
     "in hospital.", (4, 4)),
    ("A drone hit a pickup near Marib on Monday. The commander was killed in the raid, and "
     "three others died later.", (4, 4)),
    # counted people before "and N others" are the toll's parts, not one named person
    ("A drone struck a car near Tyre on Friday, killing two fighters and two others.", (4, 4)),
])
def test_one_named_and_n_others_is_n_plus_one(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text) == [toll]


@pytest.mark.parametrize("text,toll", [
    ("A drone strike hit a car in Nabatieh on Monday, killing 14 people at the last count, "
     "the ministry said.", (14, None)),
    ('An air strike on a market in Zamfara on Sunday left 100 people dead. "Up to now we '
     'have 100 dead," the minister said.', (100, None)),
    ("Jets struck a market in Idlib on Friday, killing 12 people. Rescuers said the death "
     "toll was likely to rise.", (12, None)),
    ("Jets bombed a fuel depot in Hodeidah on Tuesday, and 30 people died. The number of "
     "dead could still climb, a medic said.", (30, None)),
    # "so far" about something else, and a next sentence with a figure of its own
    ("Jets struck a market in Idlib on Friday, killing 12 people. No group has so far said "
     "it was behind the attack.", (12, 12)),
    ("Jets struck a market in Idlib on Friday, killing 12 people. The toll could rise, "
     "officials said, as 40 were hurt.", (12, 12)),
    # "for now" hedges an assessment: the figure stays exact
    ("US forces struck militants near Afmadow overnight on Monday. The command assesses for "
     "now that 10 militants died in the airstrike.", (10, 10)),
])
def test_a_toll_so_far_or_rising_is_a_floor(text: str, toll: tuple[int, int | None]) -> None:
    assert _tolls(text)[:1] == [toll]


@pytest.mark.parametrize("text,toll", [
    ("A military drone struck a village in Kaduna state on Sunday. A religious leader put "
     "the dead at 50.", (50, 50)),
    ("A military drone struck a village in Kaduna state on Sunday. A local official put the "
     "number of dead at 34.", (34, 34)),
])
def test_the_dead_as_an_object_is_no_count_of_one(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text) == [toll]


def test_the_dead_as_an_object_with_no_figure_is_no_toll() -> None:
    text = "An air strike hit a market in Idlib on Friday. A doctor said the dead included nurses."
    assert _tolls(text) == [(None, None)]


@pytest.mark.parametrize("text,toll", [
    ("An Israeli raid on Beit Jinn killed thirteen people on Friday, state media said. The "
     "foreign ministry said the attack had killed more than 10 civilians.", (13, 13)),
    ("An air strike hit a market in Idlib on Friday, killing nine people. Three children "
     "were among the dead.", (9, 9)),
    # two counts of all the dead stay a range; a higher count of civilians widens it
    ("Fishermen said at least nine people were killed when a strike hit their boat on "
     "Monday. Officials said 11 people died.", (9, 11)),
    ("An air strike hit a market in Idlib on Friday, killing nine people. Officials later "
     "said 12 civilians had been killed.", (9, 12)),
])
def test_a_part_of_the_toll_widens_nothing(text: str, toll: tuple[int, int]) -> None:
    assert _tolls(text) == [toll]


@pytest.mark.parametrize("text,toll", [
    ("No menos de 80 personas perdieron la vida el viernes por el bombardeo contra el "
     "puerto de Ras Isa.", (80, None)),
    ("Por lo menos 12 civiles murieron el martes en un bombardeo sobre Hodeida.", (12, None)),
    ("Ocho jugadores afganos de críquet perdieron la vida el viernes en el bombardeo del "
     "Ejército paquistaní en el sur de Afganistán.", (8, 8)),
    ("Cinco pescadores colombianos murieron el lunes en el ataque contra su lancha.", (5, 5)),
    ("Una operación aérea del Ejército mató la noche del pasado domingo a por lo menos 85 "
     "civiles en un pueblo de Kaduna.", (85, None)),
    ("Un ataque con dron mató el martes por la mañana a tres milicianos en Idlib.", (3, 3)),
    ("Un ataque con drones contra un mercado de Nabatieh dejó el lunes 12 muertos hasta el "
     "momento, según el ministerio.", (12, None)),
    ("Un ataque aéreo dejó el viernes 40 muertos en Ras Isa. El vocero dijo que el número de "
     "muertos puede subir.", (40, None)),
    # "por ahora" about something else
    ("Un ataque con drones contra un mercado de Nabatieh dejó el lunes 12 muertos. Nadie se "
     "ha atribuido por ahora el ataque.", (12, 12)),
])
def test_spanish_tolls(text: str, toll: tuple[int, int | None]) -> None:
    assert _es_tolls(text)[:1] == [toll]


def test_spanish_wounded_are_no_toll() -> None:
    text = ("Una operación aérea del Ejército mató la noche del domingo a 85 civiles e hirió "
            "a 66 en un pueblo de Kaduna.")
    [m] = _es_events(text)
    assert (m.killed_low, m.killed_high, m.injured_low) == (85, 85, 66)


def test_a_campaigns_toll_so_far_stays_as_told() -> None:
    reader = for_language("en")
    assert reader is not None
    text = ("Four military strikes in the Caribbean have been carried out since September, "
            "killing 21 people so far.")
    art = Article(id="en2", text=text, published=PUB, language="en", url="http://x/en2",
                  publisher="X")
    assert [(m.killed_low, m.killed_high) for m in reader(art) if m.kind == "tally"] == [(21, 21)]


def test_a_place_before_and_n_others_is_no_one_killed() -> None:
    # "in the Pacific, and two others aboard died": a sea, not a person killed
    text = ("A US strike hit a speedboat in the Pacific on Monday. Two fishermen lived through "
            "the strike on the speedboat in the Pacific, and two others aboard died.")
    assert (2, 2) in _tolls(text) and (3, 3) not in _tolls(text)


@pytest.mark.parametrize("text,killed,injured", [
    ("Turkish drones struck a hideout in Sulaymaniyah on Thursday. Intelligence shows that a "
     "senior military official of the PKK and two more of its members died in the attack.",
     (3, 3), (None, None)),
    ("Turkish drones struck a hideout in Sulaymaniyah on Thursday. A senior official of the "
     "PKK and two others were wounded.", (None, None), (2, 2)),
])
def test_a_titled_one_and_n_more_who_died(text: str, killed: tuple[int | None, int | None],
                                         injured: tuple[int | None, int | None]) -> None:
    reader = for_language("en")
    assert reader is not None
    art = Article(id="en3", text=text, published=PUB, language="en", url="http://x/en3",
                  publisher="X")
    [m] = [m for m in reader(art) if m.kind == "event" and m.status == "occurred"]
    assert ((m.killed_low, m.killed_high), (m.injured_low, m.injured_high)) == (killed, injured)


def test_spanish_people_of_a_place_told_dying_elsewhere_are_no_new_toll() -> None:
    from strikewatch.extract.es.counts import read_counts
    text = ("La fiscalía informó que tres policías comunitarios de Coahuayana murieron en un "
            "hospital.")
    assert not [c for c in read_counts(text, 0, len(text)) if c[0] == "killed"]


@pytest.mark.parametrize("text,toll", [
    ("A drone strike on a pickup near the border left three men dead and one survivor, the "
     "army said on Tuesday.", (3, 3)),
    ("Shelling of the market on Tuesday left four people dead and two missing, the mayor "
     "said.", (4, 4)),
    ("An airstrike on a fishing skiff on Tuesday left five crew dead and one missing.",
     (5, 5)),
])
def test_a_toll_told_before_survivors_or_missing_stays_the_toll(
        text: str, toll: tuple[int, int]) -> None:
    """The survivors or missing after "and" are the next count's: the first figure's own
    word is "dead"."""
    assert _tolls(text) == [toll]


@pytest.mark.parametrize("text", [
    "Two fishermen survived the drone strike on their skiff on Tuesday, the navy said.",
    "Three villagers are still missing after the airstrike on Tuesday, officials said.",
])
def test_survivors_and_missing_alone_are_no_toll(text: str) -> None:
    assert _tolls(text) == [(None, None)]


@pytest.mark.parametrize("text,toll", [
    ("La aviación bombardeó un campamento rebelde en la sierra el martes. Los vecinos "
     "confirmaron la muerte de 14 combatientes.", (14, 14)),
    ("Un dron atacó un puesto de control el martes. Las autoridades lamentaron la muerte "
     "de seis policías.", (6, 6)),
])
def test_es_the_deaths_told_as_a_noun_are_the_strikes_toll(
        text: str, toll: tuple[int, int]) -> None:
    """"La muerte de N" in the next sentence tells the toll, as "the deaths of N" does."""
    assert _es_tolls(text) == [toll]


@pytest.mark.parametrize("more", [
    "Los agentes habían recibido amenazas de muerte de una banda.",
    "Un video que mostraba la muerte de un vecino en otra ciudad circuló en redes.",
])
def test_es_death_threats_or_one_persons_death_elsewhere_are_no_toll(more: str) -> None:
    ms = _es_events("Un dron atacó un puesto de control el martes. " + more)
    assert [(m.killed_low, m.killed_high) for m in ms] == [(None, None)]
    assert all(len(m.spans) == 1 for m in ms)


@pytest.mark.parametrize("text,toll", [
    ("A drone hit the rebels' depot on Tuesday, killing their quartermaster and leaving "
     "seven other people dead. Medics later said at least seven others also died in the "
     "strike.", (7, 7)),
    ("Artillery struck the convoy on Tuesday; four other passengers died beside the driver. "
     "At least four others also died there, a witness said.", (4, 4)),
])
def test_others_told_again_as_a_floor_are_not_added_twice(
        text: str, toll: tuple[int, int]) -> None:
    """"N others" told twice, once as "at least N others", is one figure, not 2N."""
    assert _tolls(text) == [toll]


def test_others_added_to_a_toll_still_add() -> None:
    assert _tolls("Shelling killed three villagers on Tuesday. Two more died later in "
                  "hospital.") == [(5, 5)]


@pytest.mark.parametrize("text", [
    "A strike on Qasr Amin killed 11 members of one family, the agency said. Jets hit a "
    "house there on Sunday, killing 15 people, 11 of them from a single family.",
    "Eleven relatives died when a drone hit their home in Qasr Amin on Sunday. Rescuers said "
    "the strike killed 15 people, 11 of whom belonged to one family.",
])
def test_a_part_told_first_and_its_whole_with_n_of_them_are_one_act(text: str) -> None:
    """"killed 11 of one family" then "15 people, 11 of them from one family": the 11 are
    part of the 15, one strike whose toll is 15."""
    assert _tolls(text) == [(15, 15)]


def test_another_toll_whose_part_is_not_the_first_figure_stays_apart() -> None:
    text = ("A drone strike on a car in Qasr Amin killed four people on Sunday. In a "
            "separate attack, shelling of a market in Dayr Sulaf killed nine, two of them "
            "children.")
    assert sorted(_tolls(text)) == [(4, 4), (9, 9)]

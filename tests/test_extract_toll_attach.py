"""Which act a toll belongs to (issue 14, item 4): a day's toll over several craft is no one
strike's, some of the dead told by origin are no toll, deaths announced with no time or
place are no act's toll, and an operation ranked "the biggest so far" is still one day's
strikes (sentences written for these tests)."""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.extract.counts import read_counts
from strikewatch.records import Article, Mention

PUB = "2025-06-11"  # a Wednesday


def _read(text: str, lang: str = "en") -> list[Mention]:
    art = Article(text=text, published=PUB, language=lang)
    return registry.checked(registry.reader_for(lang), art)


def _events(text: str, lang: str = "en") -> list[Mention]:
    return [m for m in _read(text, lang)
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _tolls(text: str, lang: str = "en") -> list[tuple[int | None, int | None]]:
    return [(m.killed_low, m.killed_high) for m in _events(text, lang)]


# -- craft counted by a passive verb, a place between ------------------------------------

def test_craft_hit_in_a_named_sea_count_as_strikes() -> None:
    for text in (
        "Eight people were killed when three boats in the eastern Pacific Ocean were hit "
        "by US military airstrikes.",
        "Five men died after two vessels off the coast of Venezuela were struck by "
        "American drones.",
        "Two speedboats near the port of Hodeidah were bombed, and eleven people aboard "
        "them were killed, the coalition said.",
        "Nine smugglers died when four skiffs, in the Gulf of Aden, had been targeted by "
        "navy helicopters.",
    ):
        counts = read_counts(text)[0]
        assert counts["strikes"][0] is not None and counts["strikes"][0] >= 2, text


def test_craft_not_hit_or_one_craft_is_no_count_of_strikes() -> None:
    for text in (
        "Three boats in the Caribbean carrying drugs were stopped and eleven people were "
        "arrested.",
        "Eight people were killed when a boat in the eastern Pacific was hit.",
        "Two boats in the harbour were seen leaving before the strike killed four men.",
    ):
        assert "strikes" not in read_counts(text)[0], text


def test_a_days_toll_over_undated_craft_is_no_strikes_toll() -> None:
    # the toll of three boats told with no day is a tally, not one strike's eight dead
    ms = _read("Eight people were killed when three boats in the eastern Pacific Ocean "
               "were hit by US military airstrikes.")
    assert all(not (m.kind == "event" and m.killed_low == 8) for m in ms)


# -- some of the dead told by who they were ----------------------------------------------

def test_one_of_a_few_told_by_origin_is_no_toll() -> None:
    for text in (
        "Police received a report from the family of a fisherman who is thought to be one "
        "of two Trinidadians who died when the navy struck a boat on Tuesday.",
        "A nurse from Cali, one of three Colombians who died in the strike on Tuesday, "
        "was buried on Friday.",
        "His family says he was one of three Colombian fishermen killed when the boat was "
        "hit on Tuesday.",
    ):
        assert _tolls(text) in ([(None, None)], []), text


def test_some_of_the_dead_told_whole_still_give_the_toll() -> None:
    assert _tolls("Two of the six people who died when the boat was struck on Tuesday "
                  "were from Colombia.") == [(6, 6)]
    assert read_counts("Three of the five men aboard were killed.")[0]["killed"] == (3, 3)


# -- deaths announced with no time or place ----------------------------------------------

def test_deaths_told_without_when_or_where_are_no_acts_toll() -> None:
    for text in (
        "An Israeli drone struck a car near Tyre on Saturday, killing two men. Hezbollah "
        "later announced the deaths of seven of its fighters but did not say when or "
        "where they died.",
        "An Israeli drone struck a car near Tyre on Saturday, killing two men. The group "
        "mourned five of its members without saying where or when they had been killed.",
        "An Israeli drone struck a car near Tyre on Saturday, killing two men. The militia "
        "named nine more dead members, without specifying when and where they fell.",
    ):
        assert _tolls(text) == [(2, 2)], text


def test_a_toll_with_a_place_left_unsaid_of_something_else_stays() -> None:
    assert _tolls("An Israeli drone struck a car near Tyre on Saturday, killing two men, "
                  "officials said, without saying where the car had been headed.") == [(2, 2)]
    assert _tolls("Hezbollah said on Saturday that seven of its fighters were killed "
                  "when an Israeli drone struck their car near Tyre.") == [(7, 7)]


def test_spanish_deaths_told_without_when_or_where_are_no_acts_toll() -> None:
    for text in (
        "Un dron israelí atacó un coche cerca de Tiro el sábado y mató a dos hombres. "
        "Hezbolá anunció la muerte de cinco combatientes, sin precisar cuándo ni dónde "
        "murieron.",
        "Un dron israelí atacó un coche cerca de Tiro el sábado y mató a dos hombres. "
        "La milicia informó de la muerte de otros seis miembros, pero no dijo dónde ni "
        "cuándo.",
    ):
        assert _tolls(text, "es") == [(2, 2)], text
    assert _tolls("Un dron israelí atacó un coche cerca de Tiro el sábado y mató a dos "
                  "hombres, sin que se sepa aún dónde iban.", "es") == [(2, 2)]


# -- the biggest operation so far --------------------------------------------------------

def test_an_operation_ranked_biggest_so_far_is_split_by_its_crews() -> None:
    text = ("It was the largest single operation against smuggling boats to date: three "
            "separate strikes on four boats that killed 14 people. Yesterday, three "
            "strikes hit four boats moving drugs in the Eastern Pacific, the minister "
            "posted. Fourteen were killed in the three strikes and one survived. The first "
            "strike hit boats with eight men aboard. The second hit a boat with four. The "
            "third hit a boat with three.")
    assert sorted(_tolls(text)) == [(2, 3), (3, 4), (7, 8)]


def test_so_far_that_counts_a_campaign_keeps_the_tally() -> None:
    text = ("Three strikes on four boats have killed 14 people so far, the ministry said. "
            "The first strike hit boats with eight men aboard. The second hit a boat with "
            "four. The third hit a boat with three.")
    assert (8, 8) not in _tolls(text) and (7, 8) not in _tolls(text)


# -- Spanish: the act's own result after "lo que" ----------------------------------------

def test_spanish_lo_que_dejo_is_the_acts_own_toll() -> None:
    for text in (
        "Estados Unidos atacó una lancha en el Caribe el martes, lo que dejó tres muertos.",
        "Un dron israelí atacó el martes un coche en Tiro, lo que causó la muerte de tres "
        "personas.",
        "La aviación atacó el martes un campamento en el Guaviare, lo que habría dejado "
        "tres muertos.",
    ):
        assert _tolls(text, "es") == [(3, 3)], text


def test_spanish_lo_que_eleva_is_the_campaigns_total() -> None:
    text = ("Estados Unidos atacó una lancha en el Caribe el martes y mató a tres personas, "
            "lo que eleva a 130 las víctimas de la campaña.")
    assert _tolls(text, "es") == [(3, 3)]
    assert any(m.kind == "tally" and m.killed_low == 130 for m in _read(text, "es"))


def test_perished_is_a_death_verb() -> None:
    assert _tolls("An airstrike hit a market in Darfur on Tuesday, and at least 12 people "
                  "perished in the fire.") == [(12, None)]
    assert read_counts("Nine fishermen perished when the boat was struck.")[0]["killed"] == \
        (9, 9)



# -- one named and their companions, the subject of the death verb -----------------------

def test_a_named_man_and_his_companions_killed_are_all_the_dead() -> None:
    for text, toll in (
        ("News reports said network commander Ehsan, also known as Khawari, and two of his "
         "companions were reportedly killed in the drone strike.", (3, 3)),
        ("Hamza Ali and three of his bodyguards were killed when the drone hit their car.",
         (4, 4)),
        ("The local commander and his two sons died in the raid on Tuesday.", (3, 3)),
        ("A senior Shabaab leader and four of his fighters were killed in the airstrike, "
         "the army said.", (5, 5)),
    ):
        assert read_counts(text)[0]["killed"] == toll, text


def test_companions_wounded_or_killed_without_the_named_man() -> None:
    assert "killed" not in read_counts("Ali Hassan and two of his guards were wounded in the "
                                       "strike.")[0]
    assert read_counts("Two of his bodyguards were killed in the strike, but the commander "
                       "escaped.")[0]["killed"] == (2, 2)
    assert read_counts("Three civilians and two of their relatives were killed.")[0][
        "killed"] == (5, 5)


# -- a tally's dead are no one strike's --------------------------------------------------

def test_a_days_tally_beside_one_strike_gives_that_strike_no_toll() -> None:
    text = ("A photo shows the wreck of a car hit by an Israeli strike in Haruf on Saturday. "
            "Two people were killed and a third wounded in two Israeli strikes on southern "
            "Lebanon on Saturday, the health ministry said. The ministry blamed one death "
            "on an Israeli strike on a car in Haruf.")
    ms = _read(text)
    assert all(m.killed_low != 2 for m in ms if m.kind == "event")
    assert any(m.kind == "tally" and m.killed_low == 2 for m in ms)


def test_a_strikes_own_toll_stays_beside_a_weeks_tally() -> None:
    text = ("An Israeli drone struck a car in Haruf on Saturday, killing one man, the "
            "ministry said. Over the past week Israeli strikes have killed at least 20 "
            "people in the south, the ministry said.")
    assert _tolls(text) == [(1, 1)]
    assert _tolls("Drone strikes on Sunday killed at least 15 civilians in a market town, "
                  "local sources said.") == [(15, None)]

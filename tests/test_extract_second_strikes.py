"""A second strike told inside the sentence of the first is an event of its own.

Reports often name another act in the same sentence as the news: "an attack on one village
killed five and a drone strike on another killed one"; "the airstrikes came two days after
militants killed seven soldiers"; "Just a day before these strikes, the Guard had attacked
...". Each such act has its own words (its own event word and verb, place, toll or
attacker), so it becomes its own mention. An elaboration of the one act ("killed three
people after a drone hit their car", "killed three and wounded two") has none of its own
and stays one mention.

An act told only as what the news came after or answered is the *antecedent*: a later
"the strikes hit ..." refers to the news, not to it.

(Sentences written for these tests, not taken from any article.)
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract import extract
from strikewatch.extract.coref import also_elsewhere
from strikewatch.extract.pipeline import Pipeline
from strikewatch.records import Article, Mention

PUB = "2025-06-11"  # a Wednesday


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB, language="en"))
            if m.kind == "event" and m.status == "occurred"]


def _tolls(text: str) -> list[int | None]:
    return sorted((m.killed_low for m in _events(text)), key=lambda k: (k is None, k or 0))


# -- two acts in one sentence, each with its own event word, place and toll -------------

def test_a_second_act_with_its_own_place_and_toll_after_and_is_its_own_event() -> None:
    text = ("The health ministry said an attack on the village of Kfar Tibnit killed five "
            "people and a drone strike on Arnoun killed one.")
    assert _tolls(text) == [1, 5]


def test_two_tolls_of_one_act_stay_one_event() -> None:
    # "killed three and wounded two": one act's dead and wounded, no second act word
    text = "A drone strike on a car near Tyre killed three people and wounded two on Tuesday."
    events = _events(text)
    assert len(events) == 1
    assert (events[0].killed_low, events[0].injured_low) == (3, 2)


def test_an_act_that_caused_the_deaths_is_the_same_event() -> None:
    # "killed ... after a drone strike hit": the strike is how they died, not another act
    text = "Three people were killed after a drone strike hit their car near Tyre on Monday."
    assert _tolls(text) == [3]


def test_a_second_target_without_an_act_word_of_its_own_is_one_strike() -> None:
    text = "A drone hit a fuel depot near Kherson on Monday, killing three, and a warehouse."
    assert _tolls(text) == [3]


def test_a_second_count_in_a_separate_operation_elsewhere_is_its_own_event() -> None:
    # gapping: the second count shares the first one's verb, with an act and place of its own
    text = ("The army said seven militants were killed in an intelligence-based operation "
            "in Mohmand district and six more in a separate operation in Bannu.")
    assert _tolls(text) == [6, 7]


_PROVINCES = st.sampled_from(["Kunduz", "Baghlan", "Khost", "Zabul", "Ghazni"])


@settings(max_examples=20, deadline=None)
@given(_PROVINCES,
       st.sampled_from([("three", 3), ("four", 4), ("five", 5)]),
       st.sampled_from([("two", 2), ("six", 6)]))
def test_counts_gapped_over_two_places_are_two_events(place: str, n: tuple[str, int],
                                                      m: tuple[str, int]) -> None:
    text = f"{n[0].capitalize()} soldiers were killed in {place} and {m[0]} in Kandahar."
    assert _tolls(text) == sorted([n[1], m[1]])


def test_operations_told_by_rank_keep_their_own_tolls() -> None:
    # "In the third, forces hit a group of militants ... The raid left four dead": the raid
    # is the third operation's, not the second's, whose toll stays its own
    text = ("Security forces killed 14 militants in three operations, the army said on "
            "Saturday. The second operation was in Karak district, where troops killed eight "
            "militants. In the third, security forces in Khyber hit a group of militants. The "
            "raid left four militants dead.")
    assert _tolls(text) == [4, 8]


def test_one_more_act_of_a_set_told_by_rank_is_its_own_event() -> None:
    # "The second hit a boat": the ordinal leaves out the act word, it does not refer back
    # to the act told before it
    text = ("US forces carried out three strikes in the eastern Pacific on Monday, the "
            "command said. The first strike hit a boat with eight people aboard. The second "
            "hit a boat with four. The third hit a boat with three.")
    events = [m for m in _events(text) if m.kind == "event"]
    told = sorted(" ".join(s.text for s in m.spans) for m in events)
    assert any(t.startswith("The second hit a boat") and "The third" not in t for t in told)
    assert any(t.startswith("The third hit a boat") for t in told)
    # the act word left out gives each its type, as the first strike's
    assert {m.event_type for m in events} == {"Explosions/Remote violence"}


# -- an act told as what the news came after or answered --------------------------------

def test_an_act_the_strikes_came_after_is_another_event_not_their_toll() -> None:
    text = ("Pakistani jets struck suspected hideouts in Khost province on Monday. The "
            "airstrikes came two days after militants killed seven soldiers in a suicide "
            "bombing on an army post in the northwest.")
    events = _events(text)
    assert len(events) == 2
    raid = next(m for m in events if m.date_low == "2025-06-09")
    assert raid.killed_low is None  # the soldiers' deaths are the other act's toll
    assert sorted(m.killed_low or 0 for m in events) == [0, 7]


def test_a_later_reference_joins_the_news_not_the_act_it_came_after() -> None:
    text = ("Pakistani jets struck suspected hideouts across the border on Monday. The "
            "airstrikes came two days after militants killed seven soldiers in a suicide "
            "bombing on an army post. Officials said the strikes hit Khost and Paktika "
            "provinces.")
    events = _events(text)
    assert len(events) == 2
    raid = next(m for m in events if m.date_low == "2025-06-09")
    told = " ".join(s.text for s in raid.spans)
    assert "Khost and Paktika" in told
    other = next(m for m in events if m is not raid)
    assert "Khost and Paktika" not in " ".join(s.text for s in other.spans)


def test_an_attack_a_strike_was_carried_out_after_is_its_own_event() -> None:
    text = ("Two militants died on Tuesday in a US airstrike near Harardhere, carried out "
            "after Al-Shabaab attacked a partner force convoy.")
    events = _events(text)
    assert len(events) == 2
    assert sorted(m.killed_low or 0 for m in events) == [0, 2]


def test_a_time_counted_back_from_the_strikes_opens_another_act() -> None:
    text = ("Iranian missiles struck a militant base in Pakistan's Balochistan on Tuesday. "
            "Just a day before these strikes, the Revolutionary Guard had attacked areas "
            "near a consulate in Erbil, in Iraq.")
    events = _events(text)
    assert len(events) == 2
    erbil = [m for m in events if "Erbil" in " ".join(s.text for s in m.spans)]
    assert erbil and any(m.place is not None and m.place.country == "IQ" for m in erbil)


def test_a_time_after_a_strike_with_no_act_word_after_it_stays_one_event() -> None:
    text = ("A drone strike killed four people in a car near Gao on Monday. A day after the "
            "strike, residents said the car had carried traders.")
    assert _tolls(text) == [4]


# -- the rule in general ----------------------------------------------------------------

_VILLAGES = st.sampled_from(["Aitaroun", "Bint Jbeil", "Kfar Kila", "Houla", "Meiss",
                             "Yaroun", "Odaisseh", "Khiam"])
_NUMBERS = st.sampled_from([("two", 2), ("three", 3), ("four", 4), ("five", 5),
                            ("six", 6), ("seven", 7)])


@settings(max_examples=25, deadline=None)
@given(_VILLAGES, _VILLAGES, _NUMBERS, _NUMBERS)
def test_two_acts_joined_by_and_are_two_events(a: str, b: str, n: tuple[str, int],
                                               m: tuple[str, int]) -> None:
    text = (f"The ministry said an Israeli strike on {a} killed {n[0]} people and a drone "
            f"attack on {b} killed {m[0]}.")
    assert _tolls(text) == sorted([n[1], m[1]])


@settings(max_examples=25, deadline=None)
@given(_VILLAGES, _NUMBERS, _NUMBERS)
def test_dead_and_wounded_of_one_act_are_one_event(a: str, n: tuple[str, int],
                                                   m: tuple[str, int]) -> None:
    text = f"The ministry said an Israeli strike on {a} killed {n[0]} people and wounded {m[0]}."
    events = _events(text)
    assert [(e.killed_low, e.injured_low) for e in events] == [(n[1], m[1])]


# -- one more act, elsewhere: "also hit <a place not named before>" --------------------

def _places(text: str) -> list[str]:
    return sorted(" ".join(s.text for s in m.spans) for m in _events(text))


def test_strikes_that_also_hit_a_place_not_named_before_are_another_event() -> None:
    text = ("Three people were killed on Tuesday when US strikes hit a water plant in "
            "Hodeida, the rebels' health ministry said. Strikes also hit Saada, the rebels' "
            "stronghold in the north.")
    events = _events(text)
    assert len(events) == 2
    saada = [m for m in events if any("Saada" in s.text for s in m.spans)]
    assert len(saada) == 1 and saada[0].killed_low is None


def test_also_hit_names_a_target_as_well_as_a_place() -> None:
    text = ("Heavy Israeli air strikes hit Damascus on Wednesday, aimed at the defence "
            "ministry. State media said Israel also hit targets in Quneitra province.")
    assert len(_events(text)) == 2


def test_also_hit_a_place_already_told_is_the_same_raid() -> None:
    # the place was named before: the sentence adds to the raid told, not a new act
    text = ("Israeli jets struck Damascus and Quneitra on Wednesday, state media said. "
            "The jets also hit targets in Quneitra, near the frontier.")
    assert len(_events(text)) == 1


def test_also_said_is_no_act_of_its_own() -> None:
    text = ("A US drone strike killed two militants near Jilib on Tuesday, the command "
            "said. The command also said the strike was carried out with Somalia's "
            "government.")
    assert _tolls(text) == [2]


@pytest.mark.parametrize("sentence, other", [
    ("Israeli jets also struck Quneitra overnight.", True),
    ("The agency also reported Israeli strikes on Sunday on homes in Naqura.", True),
    ("The Houthis have also hit American ships off Eilat.", False),  # a pattern to date
    ("The Houthis were also hit by joint US-UK strikes.", False),  # the name is who struck
    ("Israeli jets also struck Damascus again.", False),  # named before
    ("The jets also struck Israeli-held posts.", False),  # a people's name, no place
    # more acts told as there being more: wire, broadcaster, blog
    ("There were also air strikes in Quneitra and Daraa, residents said.", True),
    ("There have also been drone strikes near Quneitra, the monitor said.", True),
    ("Strikes were also reported in Daraa province overnight.", True),
    ("Raids were also carried out near Quneitra, a local blogger wrote.", True),
    ("There were also strikes on Damascus again.", False),  # named before
    ("There were also protests against the air strikes in Quneitra.", False),  # no act
])
def test_which_also_clauses_tell_another_act(sentence: str, other: bool) -> None:
    text = "Israeli jets struck Damascus on Tuesday, the army said. " + sentence
    doc = Pipeline().read(Article(text=text, published=PUB, language="en"))
    second = [f for f in doc.frames if f.sentence.index == 1]
    assert second, "the second sentence has an event word"
    assert also_elsewhere(doc.text, second[0]) is other


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Saada", "Hajjah", "Amran", "Marib", "Dhamar"]),
       st.sampled_from(["struck", "bombed", "shelled"]))
def test_also_verb_with_a_new_place_is_its_own_event(place: str, verb: str) -> None:
    text = ("US strikes killed four people in Hodeida on Tuesday, the health ministry "
            f"said. American jets also {verb} {place} overnight, residents said.")
    events = _events(text)
    assert len(events) == 2
    assert sum(any(place in s.text for s in m.spans) for m in events) == 1

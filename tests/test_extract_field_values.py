"""Field values as real copy tells them (issue 14: date and death toll exact): which
sentence's day and toll an event takes. Sentences written for these tests, none from a
gold file."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2024-06-12"  # a Wednesday


def _events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred"]


def test_that_other_strike_is_not_the_strike_just_told() -> None:
    text = ("On Wednesday the navy said its jets had destroyed a smuggling skiff off the "
            "cape. Five crew died. The raid came soon after an earlier, similar attack. In "
            "that other strike, two people were declared dead.")
    tolls = sorted((m.killed_low, m.killed_high) for m in _events(text))
    assert tolls == [(2, 2), (5, 5)]


def test_the_strike_told_again_still_joins_its_event() -> None:
    text = ("Navy jets destroyed a smuggling skiff off the cape on Wednesday, killing "
            "five crew. In the strike, the skiff's fuel tanks exploded.")
    (m,) = _events(text)
    assert (m.killed_low, m.date_low) == (5, "2024-06-12")


def test_a_month_gives_way_to_the_full_date_a_later_sentence_tells() -> None:
    text = ("A rights group said on Tuesday that four herders killed in February by an air "
            "strike near the river were civilians. On 9 February 2024, shortly after dawn, "
            "an air strike destroyed a truck near the river crossing.")
    (m,) = _events(text)
    assert (m.date_low, m.date_high, m.time_precision) == ("2024-02-09", "2024-02-09", 1)
    assert [s.text for s in m.provenance["date"]] == ["9 February 2024"]


def test_a_bare_day_without_toll_does_not_narrow_a_month() -> None:
    # no year, no toll: may be another strike of the month, the month stays
    text = ("Four herders were killed in February by an air strike near the river, a rights "
            "group said. An air strike on February 9 destroyed a truck near the crossing.")
    dates = {(m.date_low, m.date_high) for m in _events(text)}
    assert ("2024-02-01", "2024-02-29") in dates


def test_a_year_is_not_narrowed_by_a_day_told_in_passing() -> None:
    text = ("Last year an air strike near the river killed four herders, a rights group "
            "said. On 9 February 2023, the army had also opened a new base near the river.")
    ms = [m for m in _events(text) if m.killed_low == 4]
    assert ms and all(m.date_low != "2023-02-09" for m in ms)


def _by_toll(text: str) -> dict[int | None, str | None]:
    return {m.killed_low: m.date_low for m in _events(text)}


def test_shortly_before_dates_an_act_to_the_day_of_the_act_just_told() -> None:
    text = ("A drone hit a truck near the border on Monday, killing two men. Shortly before, "
            "another drone strike in the same valley had destroyed a shed and killed a "
            "shepherd.")
    assert _by_toll(text) == {2: "2024-06-10", 1: "2024-06-10"}
    (m,) = [m for m in _events(text) if m.killed_low == 1]
    assert [s.text for s in m.provenance["date"]] == ["Shortly before"]


def test_days_before_that_counts_back_from_the_act_just_told() -> None:
    text = ("Jets bombed a depot near the river on Monday, killing six fighters. Two days "
            "before that, a drone strike on a convoy in the hills had killed three guards.")
    assert _by_toll(text) == {6: "2024-06-10", 3: "2024-06-08"}


def test_an_act_the_strike_came_days_after_is_dated_back_from_it() -> None:
    text = ("The air strikes on Monday came two days after rebels killed five soldiers in "
            "an ambush on a checkpoint near the river.")
    dates = {m.killed_low: m.date_low for m in _events(text)}
    assert dates.get(5) == "2024-06-08"


def test_an_opening_time_without_a_dated_act_before_dates_nothing() -> None:
    text = ("Shortly before, a drone strike on a convoy in the hills killed three guards, "
            "the army said.")
    (m,) = _events(text, published=None)
    assert m.date_low is None


def test_days_after_the_strike_opening_a_telling_dates_no_act() -> None:
    text = ("A drone strike near the airport on Monday killed two men. Three days after the "
            "strike, the general stood by it, calling it a justified strike.")
    ms = _events(text)
    assert all(m.date_low in (None, "2024-06-10") for m in ms)


def _strike_tolls(text: str) -> list[tuple[int | None, int | None]]:
    return sorted(((m.killed_low, m.killed_high) for m in _events(text)
                   if m.series_rank is not None), reverse=True)


def test_crews_told_by_rank_give_each_strike_its_toll_less_the_survivor() -> None:
    text = ("The navy carried out two lethal strikes on three boats in the Caribbean on "
            "Tuesday, killing nine people, while one man survived, the admiral said. In the "
            "first strike there were six smugglers on the boats. In the second there were "
            "four men on the boat.")
    assert _strike_tolls(text) == [(5, 6), (3, 4)]


def test_crews_told_by_rank_with_no_survivor_are_the_dead() -> None:
    text = ("The navy carried out two lethal strikes on three boats in the Caribbean on "
            "Tuesday, killing ten people, the admiral said. Six smugglers were on the boats "
            "in the first strike. Four men were on the boat in the second strike.")
    assert _strike_tolls(text) == [(6, 6), (4, 4)]


def test_crews_that_do_not_add_up_to_the_day_give_no_toll() -> None:
    text = ("The navy carried out two lethal strikes on three boats in the Caribbean on "
            "Tuesday, killing twelve people, the admiral said. In the first strike there "
            "were six smugglers on the boats. In the second there were four men on the boat.")
    assert _strike_tolls(text) == [(None, None), (None, None)]


def test_the_dead_of_the_war_a_relative_clause_tells_are_not_the_strikes() -> None:
    text = ("On Tuesday jets struck a militia headquarters in the capital, killing two "
            "guards. The attack was a sharp escalation in the conflict between the two "
            "armies, in which more than 500 people have been killed this month alone.")
    tolls = {(m.killed_low, m.killed_high) for m in _events(text)}
    assert (2, 2) in tolls and all(lo != 501 for lo, _ in tolls)


def test_a_toll_before_a_relative_clause_on_the_war_is_kept() -> None:
    text = ("A drone strike on Tuesday killed four fighters near the river, the latest "
            "blow in the fighting, during which the army has lost ground.")
    (m,) = _events(text)
    assert (m.killed_low, m.killed_high) == (4, 4)


def test_a_count_with_a_relative_clause_reaches_its_death_verb() -> None:
    (m,) = _events("Four fleeing gunmen who had hidden in a barn died on Monday in an air "
                   "strike by government jets near the border.")
    assert (m.killed_low, m.killed_high) == (4, 4)
    (m,) = _events("Five people who were travelling in the car were killed when a drone hit "
                   "it on Monday.")
    assert (m.killed_low, m.killed_high) == (5, 5)


def test_a_relative_clause_of_survivors_is_no_toll() -> None:
    ms = _events("On Monday a drone hit a bus near the border; three people who survived "
                 "said the others died.")
    assert all(m.killed_low != 3 for m in ms)


def test_the_dead_now_number_across_an_apposition() -> None:
    (m,) = _events("The dead from the air raids on Marsa, the fishing port, now number 11, "
                   "the health ministry said on Tuesday.")
    assert (m.killed_low, m.killed_high) == (11, 11)


def test_bombs_that_fell_on_a_village_are_a_strike_with_its_day() -> None:
    (m,) = _events("Drones are suspected in the east. On May 3, at dawn, bombs fell on the "
                   "village of Kantiari, and local people speak of twelve dead.")
    assert m.event_type == "Explosions/Remote violence"
    assert (m.date_low, m.killed_low) == ("2024-05-03", 12)


def test_two_people_killed_by_name_are_two_dead() -> None:
    (m,) = _events("On Monday a drone strike near the river killed Omar Badri al-Salem and "
                   "Yusuf Karam al-Hadi, the army said.")
    assert (m.killed_low, m.killed_high) == (2, 2)


"""The date and the death toll of one strike, exact (issue 14, items 2 and 4).

Reporters rarely give a toll once and as a bare figure. They name a victim beside the
figure, add the other side's dead in the same breath, or put a possessive before the
number. Each test below is a small report written for it; the rule it shows is general, not
one article's wording.
"""

from __future__ import annotations

import datetime as dt

import dateparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract import extract
from strikewatch.extract.counts import people_told_one_by_one
from strikewatch.extract.dates import read_dates
from strikewatch.records import Article, Mention

PUB = "2025-06-11"  # a Wednesday


def _strikes(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _tolls(text: str) -> list[tuple[int | None, int | None]]:
    return [(m.killed_low, m.killed_high) for m in _strikes(text)]


# --- a named victim is one of the dead, not a lower toll ---------------------------------

@pytest.mark.parametrize("victim", [
    "Presenter Lina Haddad died in the strike, state television said.",
    "A local commander was killed in the strike, a security source said.",
    "The strike killed a senior commander of the group, officials said.",
])
def test_a_victim_told_by_name_or_article_stays_among_the_figured_dead(victim: str) -> None:
    # the figure first, the victim after ...
    assert _tolls("An air strike on a car near Aleppo on Monday killed three people, "
                  f"the state news agency said. {victim}") == [(3, 3)]


def test_a_figure_told_after_the_victim_still_gives_the_toll() -> None:
    # ... and the other way round: the headline names the leader, the body counts the dead
    text = ("A drone strike in Baghdad on Monday killed a senior commander of the militia, a "
            "US official said. At least three people, the commander among them, died when the "
            "drone hit a vehicle.")
    assert _tolls(text) == [(3, None)]


def test_a_victim_alone_is_still_a_toll_of_one() -> None:
    assert _tolls("A drone strike on Monday killed a senior commander of the group in "
                  "Idlib, officials said.") == [(1, 1)]


def test_what_counts_as_telling_people_one_by_one() -> None:
    assert people_told_one_by_one("killed a senior commander")
    assert people_told_one_by_one("Safaa Ahmad died in")
    assert people_told_one_by_one("killing its rider and a boy")
    assert people_told_one_by_one("a")
    # a figure, even a figure of one, is a figure
    assert not people_told_one_by_one("one")
    assert not people_told_one_by_one("three")
    assert not people_told_one_by_one("At least three")


# --- both sides' dead in one sentence ---------------------------------------------------

@pytest.mark.parametrize("tail", [
    "while three soldiers were also killed",
    "while three members of the security forces were also killed",
])
def test_the_other_sides_dead_told_with_also_add_to_the_toll(tail: str) -> None:
    text = (f"Regional forces killed four militants in an assault on Monday, {tail}, local "
            "media reported.")
    assert _tolls(text) == [(7, 7)]


def test_also_in_a_later_sentence_still_adds_once() -> None:
    text = ("The strike on Monday killed two fighters, the army said. Three civilians were "
            "also killed, residents said.")
    assert _tolls(text) == [(5, 5)]


def test_wounded_told_with_also_add_nothing_to_the_dead() -> None:
    text = ("Regional forces killed four militants in an assault on Monday, while three "
            "soldiers were also wounded, officials said.")
    assert _tolls(text) == [(4, 4)]


# --- a possessive before the figure ------------------------------------------------------

@pytest.mark.parametrize("said", ["killed its three crew members", "killing the three men",
                                  "killed their three passengers"])
def test_a_figure_after_a_possessive_or_the_is_the_toll(said: str) -> None:
    assert _tolls(f"A US strike on a boat in the Pacific on Monday {said}, the military "
                  "said.") == [(3, 3)]


def test_more_dead_told_with_as_well_add_once_however_often_told() -> None:
    text = ("A drone strike on a market on Monday killed at least 17 civilians, a rights group "
            "said. Three fighters were killed in the strike as well. The group said the "
            "strike, in which three fighters also died, may be a war crime.")
    assert _tolls(text) == [(20, None)]


def test_the_dead_told_again_with_the_are_not_more_dead() -> None:
    text = "The raid on Monday killed two men, police said. The two died as well at once."
    assert _tolls(text) == [(2, 2)]


# --- "left" leaves the dead or the hurt --------------------------------------------------

def test_left_with_the_hurt_word_after_a_long_object_is_no_death_toll() -> None:
    text = ("Officials say a raid on Monday left four U.S. troops and a military dog injured "
            "when its target set off a blast.")
    [m] = _strikes(text)
    assert (m.killed_low, m.killed_high) == (None, None)
    assert m.injured_low == 4


@pytest.mark.parametrize("said, killed", [
    ("left four people dead", (4, 4)),
    ("left four militants dead and two wounded", (4, 4)),
])
def test_left_with_the_dead_is_the_toll(said: str, killed: tuple[int, int]) -> None:
    assert _tolls(f"A raid in the north on Monday {said}, officials said.") == [killed]


# --- tolls said without a plain "N killed" -----------------------------------------------

@pytest.mark.parametrize("said", ["killing both men aboard", "and both men aboard died",
                                  "and both crew members were killed"])
def test_both_aboard_is_two_dead(said: str) -> None:
    assert _tolls(f"US forces struck a boat in the Caribbean on Monday, {said}, officials "
                  "said.") == [(2, 2)]


def test_a_bare_both_died_makes_no_strike_of_its_own() -> None:
    # "Both died" tells of the two told before; read as a toll it would stand alone
    text = ("US forces struck a boat in the Pacific on Monday, killing three. Hours earlier "
            "another boat was hit. \"Two men were on board when we struck. Both died,\" the "
            "secretary had said.")
    assert all(m.event_type != "Violence against civilians" for m in _strikes(text))
    assert (2, 2) not in _tolls(text)


@pytest.mark.parametrize("text", [
    "US forces struck a boat on Monday. Four people were on board. There were no survivors, "
    "officials said.",
    "A boat carrying four people was struck by US forces on Monday; none of them survived.",
])
def test_no_survivors_among_a_crew_told_is_that_crew_dead(text: str) -> None:
    [m] = _strikes(text)
    assert (m.killed_low, m.killed_high) == (4, 4)


@pytest.mark.parametrize("toll", ["now number 13", "numbered 13"])
def test_the_dead_now_number_n_is_a_toll_of_n(toll: str) -> None:
    text = ("Air raids hit the port district on Tuesday night. According to the rebels, the "
            f"dead from Tuesday night's air raids on the port district {toll}, with "
            "another 15 wounded.")
    [m] = _strikes(text)
    assert (m.killed_low, m.killed_high) == (13, 13)
    assert m.injured_low == 15


# --- dates read the way a calendar reads them (properties) -------------------------------

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_PUBLISHED = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31))


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)),
       form=st.sampled_from(["%B %d, %Y", "%d %B %Y", "%b %d, %Y"]), pub=_PUBLISHED)
def test_a_full_date_reads_as_dateparser_reads_it(day: dt.date, form: str,
                                                  pub: dt.date) -> None:
    said = day.strftime(form)
    [read] = read_dates(f"The strike took place on {said}, officials said.", pub)
    parsed = dateparser.parse(said, languages=["en"])
    assert parsed is not None
    assert read.low == read.high == parsed.date().isoformat() == day.isoformat()
    assert read.precision == 1


@settings(max_examples=60, deadline=None)
@given(pub=_PUBLISHED, name=st.sampled_from(_DAYS))
def test_a_weekday_is_that_weekday_in_the_week_up_to_publication(pub: dt.date,
                                                                 name: str) -> None:
    [read] = read_dates(f"The strike on {name} killed three people.", pub)
    assert read.low == read.high and read.low is not None
    day = dt.date.fromisoformat(read.low)
    assert day.strftime("%A") == name
    assert pub - dt.timedelta(days=6) <= day <= pub


@settings(max_examples=60, deadline=None)
@given(pub=_PUBLISHED, day=st.dates(min_value=dt.date(2000, 1, 1),
                                    max_value=dt.date(2035, 12, 31)))
def test_a_day_without_its_year_is_the_last_such_day_up_to_publication(
        pub: dt.date, day: dt.date) -> None:
    if (day.month, day.day) == (2, 29):
        return  # not every year has it
    [read] = read_dates(f"The strike on {day.strftime('%B')} {day.day} killed three.", pub)
    assert read.low is not None
    got = dt.date.fromisoformat(read.low)
    assert (got.month, got.day) == (day.month, day.day)
    assert got <= pub and (pub - got).days < 366  # the past year's, never a future one


# --- a weekday told with its calendar day ------------------------------------------------

@pytest.mark.parametrize("said", ["on Monday, October 27,", "on Monday (Oct. 27),",
                                  "on Monday, Oct. 27, 2025,"])
def test_a_weekday_with_its_calendar_day_is_that_day_on_a_page_put_out_later(said: str) -> None:
    # published on Thursday Nov. 6: "Monday" alone would be Nov. 3
    [m] = _strikes(f"US forces struck a boat in the Caribbean {said} killing three.",
                   published="2025-11-06")
    assert (m.date_low, m.date_high) == ("2025-10-27", "2025-10-27")


def test_a_weekday_alone_is_still_the_last_such_day() -> None:
    [m] = _strikes("US forces struck a boat in the Caribbean on Monday, killing three.",
                   published="2025-11-06")
    assert (m.date_low, m.date_high) == ("2025-11-03", "2025-11-03")

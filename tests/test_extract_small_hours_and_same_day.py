"""The small hours told with no day, and "that day" told after a dated act (issue 14).

Copy often dates a strike only by the hour: "in the early hours", "before dawn", "shortly
after midnight", Spanish "de madrugada", "pasada la medianoche". On a dated page that is
the page's own day (the copy went out after them; "overnight" straddles two dates and
stays the night before). "In the early hours of Sunday", "la madrugada del lunes" are the
weekday's. With no publication date nothing is guessed.

"The same night", "that evening", "ese mismo día", "esa misma noche" take the day of the
act told before (not "el mismo día en que …", another act's day).

Sentences written for these tests, in several registers (wire, broadcaster, agency
rewrite, blog), English and Spanish.
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention

MONDAY = "2025-09-22"


def _en(text: str, published: str | None = MONDAY) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _es(text: str, published: str | None = MONDAY) -> list[Mention]:
    art = Article(text=text, published=published, language="es")
    return [m for m in get_extractor("strikewatch-rules-es")(art)
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize("text", [
    # wire
    "Fighter jets bombed a village in the Tirah valley in the early hours, killing at "
    "least 30 people, police said.",
    # broadcaster
    "A drone slammed into a crowded market shortly after midnight, leaving 15 dead.",
    # agency rewrite
    "Warplanes struck three houses before dawn, killing 21 people, most of them women.",
    # blog
    "So the jets hit the compound in the small hours and eight people were killed.",
])
def test_small_hours_on_a_dated_page_are_its_day(text: str) -> None:
    ms = _en(text)
    assert ms
    assert ms[0].date_low == ms[0].date_high == MONDAY


@pytest.mark.parametrize(("text", "day"), [
    ("Jets bombed the village in the early hours of Sunday, killing 30.", "2025-09-21"),
    ("Troops raided the compound before dawn on Saturday, killing four.", "2025-09-20"),
])
def test_small_hours_of_a_named_day_are_that_day(text: str, day: str) -> None:
    ms = _en(text)
    assert ms and ms[0].date_low == day


def test_small_hours_on_an_undated_page_stay_open() -> None:
    ms = _en("Fighter jets bombed a village in the early hours, killing 30 people.",
             published=None)
    assert ms and ms[0].date_low is None


def test_overnight_stays_the_night_before() -> None:
    ms = _en("An airstrike overnight killed nine people in the town, officials said.")
    assert ms and (ms[0].date_low, ms[0].date_high) == ("2025-09-21", MONDAY)


@pytest.mark.parametrize("text", [
    # agency (EFE-like)
    "Los aviones atacaron pasada la medianoche y murieron 21 personas, según la policía.",
    # broadcaster
    "De madrugada, la aviación bombardeó una escuela que servía de refugio y mató a 32 "
    "personas.",
    # blog
    "Un dron atacó un mercado en la madrugada y mató a quince personas.",
    # wire rewrite
    "Poco después de la medianoche la aviación bombardeó un edificio en Gaza y mató a seis "
    "personas.",
])
def test_spanish_small_hours_on_a_dated_page_are_its_day(text: str) -> None:
    ms = _es(text)
    assert ms
    assert ms[0].date_low == ms[0].date_high == MONDAY


def test_spanish_small_hours_of_a_named_day_are_that_day() -> None:
    ms = _es("En la madrugada del domingo la aviación bombardeó un mercado en Gaza y mató a "
             "15 personas.")
    assert ms and ms[0].date_low == "2025-09-21"


def test_spanish_small_hours_on_an_undated_page_stay_open() -> None:
    ms = _es("De madrugada, la aviación bombardeó una escuela y mató a 32 personas.",
             published=None)
    assert ms and ms[0].date_low is None


@pytest.mark.parametrize("text", [
    "On Saturday a drone struck a car near the border, killing two. The same night, "
    "jets bombed a depot in the north, killing five.",
    "A drone hit a car near the border on Saturday, killing two. That evening warplanes "
    "bombed a depot in the north and five guards died.",
])
def test_that_night_takes_the_act_told_befores_day(text: str) -> None:
    ms = _en(text)
    assert len(ms) >= 2
    assert all(m.date_low == "2025-09-20" for m in ms)


@pytest.mark.parametrize("text", [
    # agency
    "El sábado un dron atacó un coche en Rafah y mató a dos personas. Ese mismo día, la "
    "aviación bombardeó un depósito en Jan Yunis y murieron cinco guardias.",
    # broadcaster
    "La aviación bombardeó el sábado una casa en Rafah y mató a dos personas. Esa misma "
    "noche, aviones bombardearon un depósito en Jan Yunis y mataron a cinco guardias.",
    # blog
    "Un bombardeo mató el sábado a dos personas en Rafah. Y el mismo día la aviación "
    "bombardeó un depósito en Jan Yunis: cinco guardias muertos.",
])
def test_spanish_same_day_takes_the_act_told_befores_day(text: str) -> None:
    ms = _es(text)
    assert any(m.killed_low == 5 and m.date_low == "2025-09-20" for m in ms)


def test_spanish_same_day_with_no_dated_act_before_stays_open() -> None:
    ms = _es("Un dron atacó un coche en Rafah y mató a dos personas. Ese mismo día, la "
             "aviación bombardeó un depósito en Jan Yunis y murieron cinco guardias.")
    assert ms and all(m.date_low is None for m in ms)


def test_spanish_same_day_as_another_acts_is_not_carried() -> None:
    ms = _es("El sábado la aviación bombardeó una casa en Rafah y mató a dos personas. La "
             "aviación bombardeó un depósito en Jan Yunis el mismo día en que el gobierno "
             "anunció la tregua y murieron cinco guardias.")
    assert not any(m.killed_low == 5 and m.date_low == "2025-09-20" for m in ms)


# The day a telling came out, restated in brackets ("a monitor speaking on Saturday
# (December 20, 2025)", "the ministry said on Monday (March 9)"): the restatement is the
# telling's day too, so "overnight" is read from it, not narrowed to it.
@pytest.mark.parametrize(("text", "published", "window"), [
    # agency rewrite (Indian desk style)
    ("Overnight strikes on the east killed at least five fighters, according to a monitor "
     "speaking on Saturday (December 20, 2025).", "2025-12-20", ("2025-12-19", "2025-12-20")),
    # wire
    ("Air raids overnight killed seven people in the port city, the health ministry said on "
     "Monday (March 9).", "2026-03-09", ("2026-03-08", "2026-03-09")),
    # broadcaster, no publication date: the told day fixes the year
    ("Overnight airstrikes killed four people, a local official said on Monday (March 9, "
     "2026).", None, ("2026-03-08", "2026-03-09")),
])
def test_overnight_is_read_from_a_restated_telling_day(text: str, published: str | None,
                                                       window: tuple[str, str]) -> None:
    ms = _en(text, published=published)
    assert ms and (ms[0].date_low, ms[0].date_high) == window


@pytest.mark.parametrize(("text", "day"), [
    ("A drone strike on Saturday (December 20) killed five fighters, a monitor said.",
     "2025-12-20"),
    ("The ministry said on Saturday (December 20) that jets struck the camp on Friday, "
     "killing six.", "2025-12-19"),
])
def test_an_acts_own_restated_day_stays(text: str, day: str) -> None:
    ms = _en(text, published="2025-12-20")
    assert ms and ms[0].date_low == day


@pytest.mark.parametrize("text", [
    "Un soldado murió este sábado en un ataque con drones en Tibú. El ataque ocurrió en la "
    "madrugada, cuando las tropas patrullaban la zona rural.",
    "El sábado la aviación bombardeó una vereda en Tibú y mató a un soldado. El bombardeo "
    "se produjo pasada la medianoche en la zona rural.",
])
def test_spanish_small_hours_after_a_dated_act_are_not_the_pages_day(text: str) -> None:
    ms = _es(text, published="2025-09-21")  # a Sunday page
    assert ms and not any(m.date_low == "2025-09-21" for m in ms)


@pytest.mark.parametrize("text", [
    "A drone killed a soldier on Saturday near the border. The attack came in the early "
    "hours as troops patrolled the area.",
    "Militants shelled the base on Saturday, killing two. It happened shortly after "
    "midnight, the army said.",
])
def test_small_hours_after_a_dated_act_are_not_the_pages_day(text: str) -> None:
    ms = _en(text, published="2025-09-21")
    assert ms and not any(m.date_low == "2025-09-21" for m in ms)

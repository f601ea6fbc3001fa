"""A time counted back from publication ("two days ago", "a week ago", "hace dos
semanas"); sentences written for these tests, none from a gold file."""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch.extract import extract
from strikewatch.extract.dates import read_dates
from strikewatch.extract.es.dates import read_dates as es_read_dates
from strikewatch.records import Article

PUB = dt.date(2025, 3, 29)  # a Saturday


@pytest.mark.parametrize("text, low, precision", [
    ("The convoy was hit by a drone two days ago near the border.", "2025-03-27", 1),
    ("Militants stormed the base 10 days ago, killing four guards.", "2025-03-19", 1),
    ("A missile struck the depot the day before yesterday, officials said.", "2025-03-27", 1),
    ("The commander was killed two weeks ago by another airstrike in the desert.",
     "2025-03-15", 2),
    ("LIVE: jets pounded the port a week ago and again last night", "2025-03-22", 2),
    ("One week ago a car bomb tore through the market.", "2025-03-22", 2),
])
def test_counted_back_from_publication(text: str, low: str, precision: int) -> None:
    r = read_dates(text, PUB)[0]
    assert (r.low, r.high, r.precision) == (low, low, precision)


@pytest.mark.parametrize("text", [
    "The convoy was hit by a drone two days ago near the border.",
    "The commander was killed two weeks ago by another airstrike.",
])
def test_open_on_an_undated_page(text: str) -> None:
    assert all(r.low is None for r in read_dates(text, None))


def test_not_a_count_of_years_or_an_unnumbered_while() -> None:
    # years back are history (status), "days ago" with no count names no day
    assert read_dates("The village was bombed years ago and again days ago.", PUB) == []


def test_an_event_takes_the_day_counted_back() -> None:
    (m,) = [m for m in extract(Article(
        text="Residents said a drone strike killed three shepherds near the wells two "
             "days ago.", published=PUB.isoformat())) if m.kind == "event"]
    assert (m.date_low, m.time_precision) == ("2025-03-27", 1)


@pytest.mark.parametrize("text, low, precision", [
    ("El dron cayó hace dos días sobre la escuela.", "2025-03-27", 1),
    ("Los militares murieron hace 10 días en una emboscada.", "2025-03-19", 1),
    ("El comandante murió hace dos semanas en otro bombardeo.", "2025-03-15", 2),
    ("Hace una semana, un coche bomba estalló frente a la comisaría.", "2025-03-22", 2),
])
def test_spanish_counted_back(text: str, low: str, precision: int) -> None:
    r = es_read_dates(text, PUB)[0]
    assert (r.low, r.high, r.precision) == (low, low, precision)

"""A day and month told with their weekday name their year on a page with no date
(`date_forms.weekday_year`); a day and month alone, or a weekday alone, stay open.
Sentences written for these tests, none from a gold file."""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch.extract import extract
from strikewatch.extract.date_forms import weekday_year
from strikewatch.extract.dates import read_dates
from strikewatch.extract.es.dates import read_dates as es_read_dates
from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention

UPTO = dt.date(2026, 12, 7)


def _events(text: str, published: str | None = None) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def _es_events(text: str, published: str | None = None) -> list[Mention]:
    art = Article(text=text, published=published, language="es")
    return [m for m in get_extractor("strikewatch-rules-es")(art) if m.kind == "event"]


def test_the_latest_year_the_day_fell_on_that_weekday() -> None:
    assert weekday_year(2, 16, 0, UPTO) == 2026  # Monday 16 February 2026
    assert weekday_year(7, 20, 6, UPTO) == 2025  # Sunday 20 July 2025
    assert weekday_year(5, 31, 4, UPTO) == 2024  # Friday 31 May 2024
    # not a day after the bound: Monday 7 December 2026 is the bound itself, the 8th is not
    assert weekday_year(12, 8, 1, UPTO) == 2020
    assert weekday_year(2, 29, 3, UPTO) == 2024  # a leap day: Thursday 29 Feb 2024




@pytest.mark.parametrize("text, day", [
    ("The vessel was destroyed late on Monday, February 16, the command said.", "2026-02-16"),
    ("BREAKING: jets hit the depot on Monday (Feb. 16) — three dead, officials say",
     "2026-02-16"),
    ("Our sources tell us the drone came down on Sunday 20 July near the base.", "2025-07-20"),
    ("The convoy was ambushed on Friday, May 31st, by gunmen on motorbikes.", "2024-05-31"),
    ("It was Thursday, 29 February when the rockets fell on the market.", "2024-02-29"),
])
def test_weekday_with_day_and_month_on_an_undated_page(text: str, day: str) -> None:
    reads = [r for r in read_dates(text, None) if r.low is not None]
    assert [(r.low, r.high, r.precision) for r in reads] == [(day, day, 1)]


@pytest.mark.parametrize("text", [
    "The vessel was destroyed on February 16, the command said.",  # no weekday: no year
    "The command said on Monday that a strike on Feb. 9 had killed two.",  # another clause
    "The strike on Monday killed two; the inquiry opened in February.",
])
def test_no_year_without_a_weekday_next_to_the_day(text: str) -> None:
    assert all(r.low is None for r in read_dates(text, None))


def test_a_dated_page_reads_the_day_as_before() -> None:
    reads = read_dates("hit late on Monday, February 16", dt.date(2015, 2, 20))
    assert [r.low for r in reads] == ["2015-02-16", "2015-02-16"]  # the weekday, the day


def test_an_event_on_an_undated_page_takes_the_pinned_day() -> None:
    (m,) = _events("Southern Command said three boats were struck in the eastern Pacific; "
                   "the attack took place late on Monday, February 16, and killed eleven "
                   "men aboard.")
    assert (m.date_low, m.date_high, m.time_precision) == ("2026-02-16", "2026-02-16", 1)


@pytest.mark.parametrize("text, day", [
    ("El domingo 20 de julio, un dron con explosivos golpeó a los soldados.", "2025-07-20"),
    ("Ocurrió la noche del lunes 16 de febrero frente a la costa.", "2026-02-16"),
    ("El ataque fue el viernes 31 de mayo, según la fiscalía.", "2024-05-31"),
])
def test_spanish_weekday_with_day_and_month_on_an_undated_page(text: str, day: str) -> None:
    assert [r.low for r in es_read_dates(text, None)] == [day]


def test_spanish_day_and_month_alone_stay_open() -> None:
    assert es_read_dates("Un dron golpeó el 20 de julio a los soldados.", None) == []


def test_spanish_event_on_an_undated_page_takes_the_pinned_day() -> None:
    (m,) = _es_events("El domingo 20 de julio, un dron con explosivos de la guerrilla golpeó "
                      "a una patrulla del Ejército en la vereda Santa Marta. Murieron tres "
                      "soldados.")
    assert m.date_low == "2025-07-20"

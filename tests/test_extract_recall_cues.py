"""A recalled act with no day of its own, beside another act the page reports, is
background (session 17's ruling; components/recall_cues.py): told by a month, a year, a
season, "last year", "two years ago", or as "a similar strike" (English and Spanish), with
or without a toll. The page's only act, an act told with a day, and one its headline tells
stay incidents (the headline rule: recall_cues.recalled_without_day).

Every sentence is our own.
"""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2026-05-20"


def _read(text: str, language: str = "en", published: str | None = PUB) -> list[Mention]:
    return registry.checked(registry.reader_for(language),
                            Article(text=text, published=published, language=language))


def _news(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind == "event" and m.status == "occurred" and not m.background]


def _recalled(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind == "event" and m.status == "occurred" and m.background]


NEWS = "Army drones struck a fuel depot near Tarvel on Tuesday, killing six guards, officials said."
NEWS_ES = ("Drones del ejército atacaron el martes un depósito de combustible cerca de Tarvel y "
           "mataron a seis guardias, informaron las autoridades.")


@pytest.mark.parametrize("recall", [
    "In January 2023, an air raid on the market in Dobrek killed 31 traders.",
    "Last year, a drone strike on a wedding in Ostmark killed 12 guests.",
    "Two years ago a bombing of the bridge at Halven killed nine people.",
    "In 2019, jets bombed a clinic in Ferrow, killing 14 patients.",
    "In the summer of 2021 an airstrike hit the old prison at Lusk.",
    "A similar strike on the Ferrow clinic killed 14 patients.",
    "In March, another airstrike on Dobrek killed five farmers.",
])
def test_a_recall_beside_the_news_is_background(recall: str) -> None:
    ms = _read(NEWS + "\n" + recall)
    news = _news(ms)
    assert len(news) == 1 and news[0].killed_low == 6
    assert len(_recalled(ms)) == 1


@pytest.mark.parametrize("recall", [
    "En marzo, los rebeldes ya habían culpado al ejército de un bombardeo en el que murieron "
    "cinco campesinos.",
    "El año pasado, un bombardeo contra el mercado de Dobrek mató a 31 comerciantes.",
    "Hace dos años un ataque con drones contra una boda en Ostmark dejó 12 muertos.",
    "En 2019, aviones bombardearon una clínica en Ferrow y mataron a 14 pacientes.",
])
def test_a_spanish_recall_beside_the_news_is_background(recall: str) -> None:
    ms = _read(NEWS_ES + "\n" + recall, language="es")
    news = _news(ms)
    assert len(news) == 1 and news[0].killed_low == 6
    assert len(_recalled(ms)) == 1


def test_the_only_act_stays_news_even_when_recalled() -> None:
    ms = _read("Rescuers were still searching the rubble at Ferrow.\n"
               "In March, jets bombed a clinic in Ferrow, killing 14 patients.", published=None)
    assert len(_news(ms)) == 1


def test_a_recall_with_its_own_day_stays_an_incident() -> None:
    ms = _read(NEWS + "\nOn 14 January 2023, an air raid on the market in Dobrek killed 31 "
                      "traders.")
    assert len(_news(ms)) == 2


def test_the_pages_own_month_is_no_recall() -> None:
    ms = _read(NEWS + "\nIn May, jets bombed a clinic in Ferrow, killing 14 patients.")
    assert len(_news(ms)) == 2


def test_a_like_act_told_on_a_weekday_stays_news() -> None:
    ms = _read(NEWS + "\nOn Sunday a similar strike on a clinic in Ferrow killed 14 patients.")
    assert any(m.killed_low == 14 for m in _news(ms))


def test_a_period_start_is_no_recall() -> None:
    ms = _read(NEWS + "\nSince 2019, jets have struck the hills around Ferrow, killing 14 "
                      "fighters on Sunday.")
    assert not _recalled(ms)


def test_two_recalls_beside_the_news_are_both_background() -> None:
    ms = _read(NEWS + "\nLast year, a drone strike on a wedding in Ostmark killed 12 guests.\n"
                      "In 2019, jets bombed a clinic in Ferrow, killing 14 patients.")
    assert [m.killed_low for m in _news(ms)] == [6]
    assert sorted(m.killed_low or 0 for m in _recalled(ms)) == [12, 14]


def test_the_first_act_told_stays_news_though_dated_by_month() -> None:
    # an inquiry's lede: the act it is about comes first, the page's news
    ms = _read("Rights group publishes its findings\n"
               "An inquiry has found that farmers, not fighters, were killed by an air strike "
               "near Ferrow in March.\nOn Sunday, gunmen attacked an army post in Tarvel.",
               published=None)
    assert any(m.sub_event_type == "Air/drone strike" for m in _news(ms))


def test_a_month_opening_a_period_is_no_recall() -> None:
    ms = _read(NEWS + "\nSince late February the two armies have been shelling each other's "
                      "posts near Ferrow.")
    assert not _recalled(ms)

"""Plural acts told as filling a span of days are a run, no incident (issue 14, item 1).

"A truce was agreed on Wednesday after several days of clashes on the border" tells the
truce's day and a run of clashes; read as an incident, the clashes become a false strike
dated Wednesday. A toll of the run keeps it (a tally of its own), and a day told of an act
of its own stays that act's.

Sentences written for these tests (wire, broadcaster, agency rewrite, blog; English and
Spanish).
"""

from __future__ import annotations

import pytest

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article

SUNDAY = "2026-03-08"


def _occurred(text: str, language: str = "en") -> list:
    name = "strikewatch-rules-es" if language == "es" else "strikewatch-rules"
    art = Article(text=text, published=SUNDAY, language=language)
    return [m for m in get_extractor(name)(art) if m.status == "occurred" and not m.background and
            m.event_type in ("Battles", "Explosions/Remote violence",
                             "Violence against civilians")]


@pytest.mark.parametrize(("text", "language"), [
    ("A 48-hour truce was agreed on Wednesday after several days of clashes along the "
     "frontier, both governments said.", "en"),
    ("Residents began returning on Friday after four days of air strikes on the town.", "en"),
    ("So after days of raids across the province, the army finally called a pause on "
     "Thursday.", "en"),
    ("Ambos países pactaron el miércoles una tregua de 48 horas tras varios días de "
     "enfrentamientos en la frontera, según anunciaron.", "es"),
    ("La calma volvió el viernes a la ciudad después de semanas de bombardeos.", "es"),
])
def test_acts_filling_days_are_no_incident(text: str, language: str) -> None:
    assert _occurred(text, language) == []


@pytest.mark.parametrize(("text", "language", "toll"), [
    ("Three days of air strikes on the port killed 40 people, officials said.", "en", 40),
    ("Tres días de bombardeos sobre la ciudad dejaron 40 muertos, según las autoridades.",
     "es", 40),
])
def test_a_run_with_its_toll_stays(text: str, language: str, toll: int) -> None:
    assert any(m.killed_low == toll for m in _occurred(text, language))


def test_an_act_of_its_own_after_the_run_keeps_its_day() -> None:
    text = ("After several days of clashes on the border, Pakistani jets struck a camp in "
            "Khost province on Friday, killing six people.")
    assert any(m.date_low == "2026-03-06" and m.killed_low == 6 for m in _occurred(text))


@pytest.mark.parametrize(("text", "language"), [
    ("From the outbreak of the war in June 2025 until the truce of Feb. 2, the militia "
     "launched hundreds of drones at oil fields in the south.", "en"),
    ("Between November and February, government jets bombed villages across the northern "
     "hills.", "en"),
    ("Desde el estallido de la guerra en junio de 2025 hasta la tregua del 2 de febrero, la "
     "milicia lanzó cientos de drones contra los campos petroleros del sur.", "es"),
    ("Entre noviembre y febrero, la aviación bombardeó aldeas de las colinas del norte.",
     "es"),
])
def test_acts_filling_a_period_of_months_are_no_incident(text: str, language: str) -> None:
    assert _occurred(text, language) == []


@pytest.mark.parametrize(("text", "language", "toll"), [
    ("Between March and July, government jets bombed villages across the north, killing "
     "at least 300 people.", "en", 300),
    ("Entre marzo y julio, la aviación bombardeó aldeas del norte y dejó al menos 300 "
     "muertos.", "es", 300),
])
def test_a_period_with_its_toll_stays(text: str, language: str, toll: int) -> None:
    # (months before the page: history, background, but an event with its toll)
    name = "strikewatch-rules-es" if language == "es" else "strikewatch-rules"
    got = get_extractor(name)(Article(text=text, published=SUNDAY, language=language))
    assert any(m.kind == "event" and m.killed_low == toll for m in got)


def test_a_place_span_is_no_period() -> None:
    # from one place to another, no month, year or war: the act of that day stays
    text = ("From the port to the airport, jets struck fuel depots on Friday, killing "
            "four guards.")
    assert len(_occurred(text)) == 1

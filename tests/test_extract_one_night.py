"""An act around midnight told from either end of the night is one act (issue 14 item 1).

One outlet writes "late on Friday" in its lede and "early Saturday" two paragraphs on, or
"anoche" in a quoted statement and "durante la madrugada de este domingo" in its own copy.
Read as two days, the page made two incidents of one strike. A day's night and the small
hours of the next are one night: the tellings join, and the act takes the night's first
day. Two acts a day apart told without those words stay two. (Sentences written for these
tests.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract, registry
from strikewatch.records import Article

SATURDAY = "2026-02-21"
SUNDAY = "2026-02-22"


def _strikes(text: str, published: str, language: str = "en") -> list:
    art = Article(text=text, published=published, language=language)
    ms = extract(art) if language == "en" else \
        registry.checked(registry.get_extractor("strikewatch-rules-es"), art)
    return [m for m in ms if m.kind == "event" and m.status == "occurred" and not m.background]


ONE_NIGHT_EN = [
    # wire: lede late Friday, later paragraph early Saturday
    "An air strike killed at least 12 people in Khost late on Friday, officials said.\n"
    "Residents said jets struck a house in Khost early Saturday, killing 12 people.",
    # broadcaster: "last night" and "before dawn today"
    "A drone strike killed six people in Marib late Friday, a local official said.\n"
    "The drone hit a car near Marib before dawn on Saturday, killing six, witnesses said.",
    # agency rewrite: the small hours first, the night after
    "Jets bombed a depot in Idlib in the small hours of Saturday, killing nine people.\n"
    "Rescuers said the bombing in Idlib late on Friday killed nine people.",
]


@pytest.mark.parametrize("text", ONE_NIGHT_EN)
def test_late_one_day_and_early_the_next_are_one_act(text: str) -> None:
    ms = _strikes(text, SATURDAY)
    assert len(ms) == 1
    assert ms[0].date_low == "2026-02-20"


ONE_NIGHT_ES = [
    "Los bombardeos de la aviación en Jost durante la madrugada de este domingo dejaron al "
    "menos 12 muertos, según las autoridades.\n"
    "«El ataque de anoche en Jost mató a 12 civiles», dijo un portavoz provincial.",
    "Un ataque con drones mató a seis personas en Marib la noche del sábado, según fuentes "
    "locales.\nEl dron alcanzó un vehículo en Marib en la madrugada del domingo y mató a "
    "seis personas, dijeron testigos.",
]


@pytest.mark.parametrize("text", ONE_NIGHT_ES)
def test_spanish_night_and_small_hours_are_one_act(text: str) -> None:
    ms = _strikes(text, SUNDAY, "es")
    assert len(ms) == 1
    assert ms[0].date_low == "2026-02-21"


TWO_ACTS = [
    # two days with no night between them
    "An air strike killed 12 people in Khost on Friday, officials said.\n"
    "Another air strike killed 12 people in Khost on Saturday afternoon, officials said.",
    # the night before and the small hours of two days on
    "An air strike killed six people in Marib late on Thursday, officials said.\n"
    "A drone hit a car in Marib early on Saturday, killing six, witnesses said.",
    # late one day and late the next: two nights
    "An air strike killed six people in Marib late on Friday, officials said.\n"
    "A drone hit a car in Marib late on Saturday, killing three, witnesses said.",
]


@pytest.mark.parametrize("text", TWO_ACTS)
def test_two_acts_a_day_apart_stay_two(text: str) -> None:
    assert len(_strikes(text, SUNDAY)) == 2


def test_spanish_night_and_two_days_on_stay_two() -> None:
    text = ("Un ataque aéreo mató a seis personas en Marib la noche del jueves, según fuentes "
            "locales.\nUn dron alcanzó un vehículo en Marib en la madrugada del sábado y mató "
            "a seis personas, dijeron testigos.")
    assert len(_strikes(text, SUNDAY, "es")) == 2

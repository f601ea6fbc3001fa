"""Precision (issue 14): what a party has done over time, summed up in the present perfect
after the article's news ("The US and UK have also bombed Yemen over attacks on shipping"),
is history recalled as context, not an incident; and one operation told as "the airstrike"
and as "airstrikes" on the same day in the same place is one strike. Each rule has twins
that stay news: the article's first act, an act with a toll, a day or a town of its own, one
act named as one. Sentences written for these tests."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-09-10"  # a Wednesday

NEWS = ("At least 12 people were killed on Monday when jets struck a fuel depot in Hodeidah, "
        "the port city's health office said.\n\n")


def _news(text: str, published: str | None = PUB) -> list[Mention]:
    """The occurred incidents told as news (not background)."""
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _hodeidah_only(got: list[Mention]) -> None:
    assert [m.killed_low for m in got] == [12], [(m.killed_low, m.place) for m in got]


@pytest.mark.parametrize("summary", [
    "The US and Britain have also bombed rebel-held Yemen over attacks on merchant ships.",
    "Since the Gaza war began in October 2023 the rebels have fired missiles and drones at "
    "Israel.",
    "Israel has repeatedly hit back with strikes on rebel-held parts of Yemen.",
    "Washington's air campaign has sharply cut rebel attacks on shipping, the command "
    "said.",
    "They've launched drones at tankers in the Red Sea for months.",
])
def test_a_summary_in_the_perfect_after_the_news_is_context(summary: str) -> None:
    _hodeidah_only(_news(NEWS + summary))


@pytest.mark.parametrize("text", [
    # the article's first act is its news, told tersely in the perfect
    "Pakistani jets have pounded Taliban hideouts inside Afghanistan, officials said on "
    "Sunday.",
    # one act named as one
    NEWS + "Separately, the US has carried out an airstrike in Somalia, its command said.",
    # a day of its own
    NEWS + "The US has also struck rebel radar sites in Yemen on Tuesday, officials said.",
    # a town of its own
    NEWS + "Israeli jets have also struck the airport in Sanaa, residents said.",
    # a toll of its own
    NEWS + "Coalition drones have killed four fighters in Yemen, the rebels said.",
])
def test_an_act_of_its_own_in_the_perfect_stays_news(text: str) -> None:
    assert len(_news(text)) == (2 if text.startswith(NEWS) else 1)


@pytest.mark.parametrize("text", [
    ("The Christmas Day airstrike the army carried out in Sokoto State has set off alarm.\n\n"
     "On December 25, 2025, the air force carried out precision airstrikes on militant "
     "camps in Sokoto State, officials said."),
    ("Monday's strike in Kherson province drew protests.\n\n"
     "On Monday, December 22, Russian forces launched drone strikes on a market in Kherson "
     "province, the governor said."),
])
def test_one_operation_told_as_a_strike_and_as_strikes_on_its_day_and_place_is_one(
        text: str) -> None:
    got = _news(text, "2025-12-26")
    assert len(got) == 1, [(m.date_low, m.place) for m in got]


def test_strikes_on_the_same_day_in_other_places_stay_apart() -> None:
    text = ("The Christmas Day airstrike the army carried out in Sokoto State has set off "
            "alarm.\n\nOn December 25, 2025, the air force carried out precision airstrikes on "
            "militant camps in Borno State, officials said.")
    assert len(_news(text, "2025-12-26")) == 2


@pytest.mark.parametrize("text", [
    ("Drone strikes on Sunday killed at least 15 civilians in northern Mali, local sources "
     "said.\n\nAn aid worker, meanwhile, said at least 20 civilians died in Sunday's drone "
     "strikes."),
    ("Russian missile strikes on Friday killed at least eight people in Kharkiv, the "
     "governor said.\n\nRescuers said at least 11 people had died in Friday's missile "
     "strikes."),
    ("Airstrikes on Saturday killed at least 30 fighters in Jilib, the ministry said. A local "
     "elder told reporters that at least 40 people died in Saturday's airstrikes."),
])
def test_a_second_toll_for_the_days_strikes_is_the_same_strikes(text: str) -> None:
    # the figure before "strikes" counts the dead, not the strikes: one event, two sources
    got = _news(text, "2025-03-09" if "Sunday" not in text else "2024-08-26")
    assert len(got) == 1, [(m.killed_low, m.date_low) for m in got]


def test_a_figure_that_counts_the_strikes_still_counts_them() -> None:
    from strikewatch.extract.components.assemble import _FIGURE, _noun_phrase
    from strikewatch.extract.pipeline import Pipeline

    doc = Pipeline().read(Article(text=(
        "The navy said it had carried out three lethal drone strikes in the gulf on "
        "Tuesday."), published=PUB))
    (f,) = [f for f in doc.frames if "strikes" in f.trigger.text]
    assert _FIGURE.search(_noun_phrase(f))
    doc = Pipeline().read(Article(text=(
        "On Dec. 15 the task force carried out lethal kinetic strikes on three boats in "
        "international waters."), published=PUB))
    (f,) = [f for f in doc.frames if "strikes" in f.trigger.text]
    assert _FIGURE.search(_noun_phrase(f)), "the boats it was aimed at count the strikes"

"""Precision (issue 14): an attack told only as what someone was asked about, on the day
they were asked ("Asked on Thursday (Jan 1) about a reported attack on a dock, the
president avoided answering"), is an event the readers already know, not news of its own:
the day is when the question was put. An attack told with a day or a toll of its own stays
news. Sentences written for these tests."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2026-01-02"  # a Friday


def _news(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB))
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize("text", [
    "Asked on Thursday (Jan 1) about a reported US attack on a dock in Venezuela, the "
    "president avoided answering.",
    "Asked on Thursday about a reported drone strike on a warehouse near the coast, the "
    "minister said he had nothing to add.",
    "Questioned last week over the rumoured raid on a fuel depot, the general declined to "
    "comment.",
])
def test_an_attack_told_only_as_what_was_asked_is_no_news(text: str) -> None:
    assert _news(text) == []


@pytest.mark.parametrize("text", [
    # a toll of its own: the act is reported here
    "Asked on Thursday about a drone strike that killed four people at a dock, the "
    "president avoided answering.",
    # the act told first, with its own day, then asked about
    "A US drone struck a dock in Venezuela on Monday, officials said. Asked on Thursday "
    "about the strike, the president avoided answering.",
])
def test_an_attack_with_a_toll_or_day_of_its_own_stays_news(text: str) -> None:
    assert len(_news(text)) == 1

"""An act told as what the news came after or answered takes no day from the news's own
clause ("The killings of Friday came after an attack ... on Monday"); sentences written
for these tests, none from a gold file."""

from __future__ import annotations

import pytest

from strikewatch.extract.pipeline import Pipeline
from strikewatch.records import Article

LEAD = "US forces struck a boat in the Caribbean on Friday, 13 February, killing three. "


def _antecedent_days(text: str, published: str | None) -> list[str | None]:
    doc = Pipeline().read(Article(text=LEAD + text, published=published))
    return [f.date_low for g in doc.groups for f in g.frames if f.antecedent]


@pytest.mark.parametrize("published", ["2026-02-16", None])
@pytest.mark.parametrize("text", [
    "The killings of Friday, 13 February came after an attack in the eastern Pacific "
    "Ocean on Monday, 9 February.",
    "The killings of Friday, 13 February came after a strike on another vessel in the "
    "Pacific on 9 February.",
])
def test_the_earlier_act_keeps_its_own_day(text: str, published: str | None) -> None:
    assert _antecedent_days(text, published) == ["2026-02-09"]


@pytest.mark.parametrize("published", ["2026-02-16", None])
def test_the_news_day_is_not_the_earlier_acts(published: str | None) -> None:
    # the sentence gives only the news's day: the act it came after stays undated
    assert _antecedent_days("The killings of Friday, 13 February came after an attack in "
                            "the eastern Pacific Ocean.", published) == [None]

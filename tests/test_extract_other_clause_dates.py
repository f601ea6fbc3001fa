"""A date told after the event word inside another noun's clause (issue 14, item 7).

Copy describes a strike by the war, truce or campaign it belongs to: "the strike lands at
a time of tension fed by the war that started in October 2023", "part of an effort begun
in September 2025", "breaks the ceasefire agreed under US mediation in November 2024". The
day is that noun's verb's, not the strike's. A relative clause or participle that tells
the act itself or its harm ("a market that killed 12 on Friday", "which happened on
Thursday") and an agent's "operated by a cartel on Monday" keep their day.

Sentences written for these tests, in several registers (wire, broadcaster, agency
rewrite, blog). The Spanish reader dates through its own module (es/dates.py).
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article

SUNDAY = "2026-03-08"


def _strikes(text: str, published: str | None = SUNDAY) -> list:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize(("text", "wrong"), [
    # wire
    ("A US air strike on a fuel port in western Yemen killed 20 workers, health officials "
     "said. The strike comes amid tension fed by the war between the two states that "
     "started in October 2023.", "2023-10"),
    # broadcaster
    ("The overnight raid on the village is the latest breach of a truce that was signed in "
     "March 2024, local officials told us.", "2024-03"),
    # agency rewrite: a participle on the noun, with its own phrase before the date
    ("Israeli jets struck the camp, killing 13. The airstrike breaks the ceasefire agreed "
     "under Qatari mediation in November 2024.", "2024-11"),
    # blog: a participle right on the noun
    ("So the drone strike is part of Operation Iron Rain, a crackdown announced in January "
     "2025 against the group, and it killed four.", "2025-01"),
])
def test_the_day_of_another_nouns_verb_is_not_the_strikes(text: str, wrong: str) -> None:
    assert _strikes(text)
    ms = extract(Article(text=text, published=SUNDAY))  # background tellings too
    assert not any((m.date_low or "").startswith(wrong) for m in ms)


@pytest.mark.parametrize(("text", "day"), [
    ("An airstrike on a market that killed 12 people on Friday drew condemnation.",
     "2026-03-06"),
    ("The strike on the port, which happened on Thursday, killed five.", "2026-03-05"),
    ("The navy struck a boat operated by a cartel on Monday, killing three.", "2026-03-02"),
    ("Jets hit a depot located in Daraa on Monday, killing two guards.", "2026-03-02"),
])
def test_the_acts_own_day_stays(text: str, day: str) -> None:
    (m,) = _strikes(text)
    assert m.date_low == day

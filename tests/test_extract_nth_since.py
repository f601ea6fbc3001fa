"""A strike placed in a series with its noun left out ("The strike on Monday was the 15th
since the campaign began on Sept. 2, and killed three"): one strike of its own day with its
toll, not the series (issue 14, item 2); sentences written for these tests."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-11-05"  # a Wednesday


def _run(text: str, published: str | None = PUB) -> list[Mention]:
    return extract(Article(text=text, published=published))


def test_the_nth_since_without_its_noun_is_an_occurred_event_with_its_toll() -> None:
    (m,) = _run("The strike on Monday was the 15th since the campaign began on Sept. 2, "
                "and killed three.")
    assert (m.kind, m.status, m.background) == ("event", "occurred", False)
    assert (m.date_low, m.date_high, m.time_precision) == ("2025-11-03", "2025-11-03", 1)
    assert (m.killed_low, m.killed_high) == (3, 3)
    # the campaign's start is no date of the event and no period of it
    assert [s.text for s in m.provenance["date"]] == ["on Monday"]
    assert m.period_low is None


def test_an_ordinal_series_word_other_than_a_number() -> None:
    (m,) = _run("The raid near the port on Sunday was the deadliest since March, and left "
                "seven dead.")
    assert (m.kind, m.date_low, m.killed_low) == ("event", "2025-11-02", 7)


def test_without_a_publication_date_the_campaign_start_is_still_not_its_date() -> None:
    (m,) = _run("The strike on Monday was the 15th since the campaign began on Sept. 2, "
                "and killed three.", published=None)
    assert m.kind == "event"
    assert m.date_low is None  # "Monday" of an unknown week, not Sept. 2
    assert m.killed_low == 3


def test_the_series_itself_stays_a_tally_over_its_period() -> None:
    (m,) = _run("The strikes have killed 64 people since the campaign began on Sept. 2, "
                "the most since the navy deployed.")
    assert m.kind == "tally"
    assert (m.period_low, m.period_high) == ("2025-09-02", PUB)
    assert (m.killed_low, m.killed_high) == (64, 64)


# --- one act ranked among others of its kind ("one of the bloodiest raids since ...") -------

@pytest.mark.parametrize("text", [
    "On Sunday an army raid into the northern valley killed at least nine people, officials "
    "said, one of the bloodiest incursions into the region since the truce was signed.",
    "Jets bombed a market in the town on Sunday, killing nine people, one of the deadliest "
    "attacks on the province since the war began.",
    "Nine people were killed by a drone strike on the camp on Sunday, the highest toll of any "
    "attack in the province since the ceasefire took hold.",
    "The raid on Sunday killed nine people, the bloodiest since March.",
])
def test_one_act_ranked_among_others_is_one_incident(text: str) -> None:
    (m,) = _run(text)
    assert (m.kind, m.status) == ("event", "occurred")
    assert (m.date_low, m.killed_low) == ("2025-11-02", 9)
    assert m.period_low is None


def test_a_campaign_ranked_among_others_stays_a_tally() -> None:
    (m,) = _run("Airstrikes have killed 300 people since March, one of the deadliest "
                "campaigns in years.")
    assert m.kind == "tally"
    assert m.killed_low == 300

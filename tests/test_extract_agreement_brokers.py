"""Who brokered a truce the sentence dates the strike by is no attacker (issue 14, item 1).

"… killed the commander in an air raid on Sunday, a year after a truce brokered by the
U.S." read the U.S. as the agent of "by" and split the page's strike from its own retelling
(the attacker disagreed). The broker of a truce or deal describes that truce, as the owner
of a boat "operated by a cartel" describes the boat. A passive strike's agent stays.

Sentences written for these tests (wire, broadcaster, blog).
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article


def _attackers(text: str) -> list[str | None]:
    return [m.actor1.country if m.actor1 else None
            for m in extract(Article(text=text, published="2026-03-08"))
            if m.kind == "event" and m.status == "occurred"]


@pytest.mark.parametrize(("text", "broker"), [
    ("The Israeli military said it killed a senior commander in an air raid on the city's "
     "southern suburbs on Sunday, a year after a truce brokered by the U.S.", "US"),
    ("Israeli drones hit a market in the town on Monday, weeks after a ceasefire mediated by "
     "Qatar took hold.", "QA"),
    ("Turkish jets bombed a village near the border on Friday, breaking a deal negotiated by "
     "Russia last year, locals told us.", "RU"),
])
def test_the_broker_of_a_truce_is_no_attacker(text: str, broker: str) -> None:
    got = _attackers(text)
    assert got and broker not in got


def test_a_passive_strikes_agent_stays() -> None:
    assert "US" in _attackers("The camp was struck by U.S. aircraft on Monday, killing four.")

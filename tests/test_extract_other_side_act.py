"""The other side's act told after a strike is an event of its own.

"Israel said the Houthis fired missiles at Israel while the strike was under way": the
clause's "the" belongs to its subject, the party that fired, not to a reference to the
strike told before; a subject of another country than the strike's attacker tells another
act (`coref._subject_of_act`). A retelling by the same party ("the army struck the car")
stays one event.

(Sentences written for these tests, not taken from any article.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-09-19"  # a Friday


def _en(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB, language="en"))
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize("text", [
    ("Israeli jets struck the port of Hodeidah in Yemen on Thursday, killing four people. "
     "Israel said the Houthis fired ballistic missiles at Tel Aviv while the raid went on."),
    ("Israeli warplanes bombed a depot near Tyre in southern Lebanon on Thursday, killing two "
     "fighters. Hours later Hezbollah then launched drones at an army post in the Galilee."),
])
def test_other_side_act_is_its_own_event(text: str) -> None:
    assert len(_en(text)) == 2


@pytest.mark.parametrize("text", [
    ("Israeli jets struck a car near Tyre in southern Lebanon on Thursday, killing two people. "
     "Witnesses said the jets hit the car as it left the village."),
    ("A US drone struck a compound near Jilib in Somalia on Thursday, killing three militants. "
     "Officials said the Americans struck the compound after weeks of surveillance."),
])
def test_same_party_retelling_stays_one(text: str) -> None:
    assert len(_en(text)) == 1

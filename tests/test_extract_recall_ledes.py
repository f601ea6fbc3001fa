"""An event whose lede is told only in a weak word is still that event's opening.

Wire and agency copy often open on the act in a plural or a casualty word ("confirmed it had
joined the United States in carrying out airstrikes in Sokoto"; "Israel hit the capital on
Wednesday, and the ministry said nine were killed") and give what makes it one event — a
toll, "the strikes" — in the next sentence. That next sentence starts the event; the lede,
which alone could not start one, is kept as its opening (`coref._pending_lede`) instead of
being lost, so the incident rests on the sentence that tells the act. A plan, a threat, a
habit or a period told in a plural stays no event, and a lede far from the event stays out.

(Sentences written for these tests, not taken from any article.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-12-29"  # a Monday


def _events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published, language="en"))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _told_in(ms: list[Mention], words: str) -> list[Mention]:
    return [m for m in ms if any(words in s.text for s in m.spans)]


@pytest.mark.parametrize("text, lede", [
    ("Nigeria's foreign ministry confirmed it had joined the United States in carrying out "
     "airstrikes in Sokoto. Several Islamic State militants were killed, according to U.S. "
     "Africa Command.", "carrying out airstrikes in Sokoto"),
    ("Government jets carried out raids near Maarat al-Numan, activists said. At least six "
     "people died and a dozen were hurt, a monitoring group reported.",
     "carried out raids near Maarat"),
    ("Nangarhar and Paktika were hit by Pakistan's overnight strikes, the Taliban "
     "government said. The strikes killed 17 people, most of them women and children, a "
     "spokesman said.", "Nangarhar and Paktika were hit"),
    ("Airstrikes by Pakistan's air force hit villages along the border with Afghanistan, "
     "Kabul said. The bombardment killed at least 17 civilians, the Taliban spokesman wrote "
     "on X.", "hit villages along the border"),
    ("Turkish drone strikes pounded positions of the PKK in the Qandil mountains, Kurdish "
     "media reported. Four fighters were killed, the group's outlet said.",
     "Qandil mountains"),
])
def test_a_weak_lede_opens_the_event_the_next_sentence_starts(text: str, lede: str) -> None:
    ev = _events(text)
    assert len(ev) == 1
    assert _told_in(ev, lede) == ev


@pytest.mark.parametrize("text, first", [
    # a habit over years is no lede of the day's strike
    ("The United States has carried out airstrikes in Somalia for years. On Sunday a drone "
     "strike killed three militants near Jilib, the command said.", "for years"),
    # a threat
    ("Israel threatened airstrikes on Beirut's southern suburbs. Hours later a drone strike "
     "on a car in Tyre killed two people, the health ministry said.", "threatened"),
    # a plan
    ("The Pentagon is weighing airstrikes on camps in Venezuela, officials said. A strike on "
     "a boat in the Caribbean on Saturday killed three people, the command said.",
     "weighing"),
    # a generic plural, an opinion of a kind of act
    ("Airstrikes on boats are illegal, critics say. A strike on Monday killed four people "
     "aboard a boat in the Caribbean, the command said.", "are illegal"),
    # a count over a period
    ("Drone strikes have killed 40 people in the province since January, a monitor said. "
     "On Sunday a strike on a car near Mir Ali killed two men, residents said.",
     "since January"),
])
def test_a_plan_threat_habit_or_period_is_no_lede(text: str, first: str) -> None:
    assert _told_in(_events(text), first) == []


def test_a_lede_too_far_from_the_event_stays_out() -> None:
    text = ("Nigeria's foreign ministry confirmed it had joined the United States in carrying "
            "out airstrikes in Sokoto. The ministry spoke of closer cooperation. Officials "
            "praised the partnership. Markets in Lagos were calm. Several militants were "
            "killed in a separate raid near Maiduguri, the army said.")
    assert _told_in(_events(text), "airstrikes in Sokoto") == []

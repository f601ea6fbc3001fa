"""Plural strikes on one built target named in the singular are one incident, not a tally
(issue 14: a tally that is really one strike).

A night's raid on a port, a factory or a market is told in the plural ("U.S. strikes on the
fuel port left 74 dead", "los bombardeos contra el puerto petrolero") because many bombs
fell; the ledger counts it as one strike. Plural strikes on plural or counted targets, on a
city, or counted since a start stay tallies.

(Sentences written for these tests, not taken from any article.)
"""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def _read(text: str, lang: str) -> list[Mention]:
    name = "strikewatch-rules-es" if lang == "es" else "strikewatch-rules"
    art = Article(id="t-one-target", text=text, published=PUB, language=lang)
    return registry.checked(registry.get_extractor(name), art)


def _kinds(text: str, lang: str = "en") -> list[tuple[str, int | None]]:
    return [(m.kind, m.killed_low) for m in _read(text, lang)
            if m.status == "occurred" and not m.background]


@pytest.mark.parametrize(("text", "lang", "dead"), [
    # wire
    ("At least 74 people have died in U.S. strikes on the fuel port on the Red Sea coast, "
     "the rebel-run health ministry said.", "en", 74),
    # broadcaster
    ("Israeli airstrikes against a crowded market in the north of the city have killed "
     "15 people, medics said on Tuesday.", "en", 15),
    # agency rewrite, British spelling, a factory
    ("Overnight air raids targeting a ceramics factory outside the capital left six "
     "workers dead, the local health office said on Monday.", "en", 6),
    # Spanish wire
    ("No menos de 80 personas perdieron la vida este lunes por los bombardeos de Estados "
     "Unidos contra el puerto petrolero de la costa, informaron los rebeldes.", "es", 80),
    # Spanish blog
    ("Los ataques israelíes sobre una escuela convertida en refugio mataron el lunes a "
     "31 desplazados, según Defensa Civil.", "es", 31),
])
def test_plural_strikes_on_one_target_are_one_incident(text: str, lang: str,
                                                       dead: int) -> None:
    assert ("event", dead) in _kinds(text, lang)
    assert all(kind == "event" for kind, _ in _kinds(text, lang))


@pytest.mark.parametrize(("text", "lang"), [
    # plural targets, a campaign's
    ("U.S. strikes on boats in the Caribbean have killed 83 people since September.", "en"),
    # one target, but counted since a start
    ("U.S. strikes on the port have killed 80 people since March, the ministry said.", "en"),
    # a city: a campaign's place
    ("Russian strikes on the city have killed hundreds of civilians this year.", "en"),
    # counted strikes on counted places
    ("Israeli strikes on two villages in the south killed six people.", "en"),
    # Spanish: plural targets since a start
    ("Los bombardeos de Estados Unidos contra lanchas en el Caribe han dejado 83 muertos "
     "desde septiembre.", "es"),
    ("Los bombardeos contra el puerto han matado a 80 personas desde marzo.", "es"),
])
def test_a_campaign_or_a_sum_stays_a_tally(text: str, lang: str) -> None:
    kinds = _kinds(text, lang)
    assert kinds and all(kind == "tally" for kind, _ in kinds if _ is not None)

"""A campaign's running count is a tally, one act placed in it is an incident (issue 14,
kind 8): the rank told after the act with its noun left out ("el ataque del lunes es el
vigésimo desde …") is a tally clause of its own counting that many strikes, and the act
keeps its toll; a rank on the act's own noun ("El vigésimo ataque deja cuatro muertos") or
in apposition ("…, el décimo de la campaña") leaves one incident with its toll; a toll
summed over the campaign stays a tally.

Sentences are our own."""

from __future__ import annotations

import pytest

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str) -> list[Mention]:
    art = Article(text=text, published="2025-11-12", language="es")
    return [m for m in get_extractor("strikewatch-rules-es")(art) if m.kind in ("event", "tally")]


@pytest.mark.parametrize(("text", "n"), [
    ("Un ataque de Estados Unidos mató ayer a cuatro personas en el Caribe. Según la prensa, "
     "el ataque de ayer es el vigésimo desde que empezó la campaña.", 20),
    ("El bombardeo en el Guaviare mató el lunes a 19 guerrilleros. El bombardeo es, en lo que "
     "va del año, el séptimo que ordena el Gobierno.", 7),
    ("Las tropas hicieron el martes una incursión en la aldea y mataron a tres milicianos. "
     "La incursión fue la duodécima desde agosto, según el Pentágono.", 12),
])
def test_a_rank_told_after_the_act_is_a_tally_of_its_own(text: str, n: int) -> None:
    got = _read(text)
    tallies = [m for m in got if m.kind == "tally"]
    assert [(m.strikes_low, m.strikes_high) for m in tallies] == [(n, n)]
    acts = [m for m in got if m.kind == "event"]
    assert acts and all(m.status == "occurred" for m in acts)


@pytest.mark.parametrize(("text", "dead"), [
    ("El vigésimo ataque deja cuatro muertos en el Caribe.", 4),
    ("El ataque del martes, el vigesimoprimero de la campaña, mató a tres tripulantes.", 3),
    ("El martes, un ataque estadounidense mató a tres personas en el Caribe, el décimo de la "
     "campaña.", 3),
    ("Un décimo bombardeo mató el domingo a dos pescadores, el undécimo desde septiembre.", 2),
])
def test_one_act_placed_in_the_campaign_is_an_incident(text: str, dead: int) -> None:
    got = _read(text)
    assert [(m.kind, m.killed_low) for m in got] == [("event", dead)]


@pytest.mark.parametrize("text", [
    "Los ataques estadounidenses contra lanchas dejaron más de 80 muertos desde septiembre.",
    "La campaña suma 21 ataques y al menos 83 muertos.",
    "Con este, la campaña militar ya suma 20 ataques contra embarcaciones.",
    "Los bombardeos en el Caribe y el Pacífico han dejado al menos 87 muertos desde el 2 de "
    "septiembre.",
    "Más de 80 personas han muerto en los ataques desde septiembre.",
    "Se trata del vigésimo ataque desde que comenzó la campaña en septiembre.",
])
def test_a_campaigns_count_stays_a_tally(text: str) -> None:
    assert [m.kind for m in _read(text)] == ["tally"]


@pytest.mark.parametrize(("text", "dead", "day"), [
    ("Al menos 40 personas murieron este lunes en un bombardeo de la aviación contra el "
     "puerto de la ciudad, el golpe más mortífero desde que el ejército reanudó hace un año "
     "su campaña contra los rebeldes.", 40, "2025-11-10"),
    ("No menos de 25 personas perdieron la vida el domingo por los bombardeos contra el "
     "mercado del pueblo, el ataque más letal de la campaña aérea.", 25, "2025-11-09"),
    ("Un bombardeo mató el martes a 12 civiles en una boda, la peor matanza desde la ofensiva de "
     "agosto.", 12, "2025-11-11"),
])
def test_an_act_likened_to_its_campaign_in_apposition_is_an_incident(
        text: str, dead: int, day: str) -> None:
    # "the deadliest since the campaign resumed": a comparison, not a running count
    got = _read(text)
    assert [(m.kind, m.killed_low, m.date_low) for m in got] == [("event", dead, day)]


def test_a_superlative_before_a_campaigns_count_leaves_the_count_a_tally() -> None:
    # the superlative is masked only to its clause's end: a count told after it still counts
    got = _read("La campaña suma 21 ataques y al menos 83 muertos, la cifra más grave del año, "
                "según el Pentágono.")
    assert [m.kind for m in got] == ["tally"]

"""No occurred strike from what a page only plans, threatens or weighs; a real strike told
beside a plan keeps its own status (issue 14 item 8, session 16).

- Spanish: a governing future reaches past an ordinal or a run word ("habrá un segundo
  ataque", "vendrá una segunda ola de bombardeos"); a party ready for the act ("listos para
  un segundo ataque", "dispuestos a nuevos bombardeos") threatens it; the act as the subject
  of "no está descartado" (left open), "queda descartado" (ruled out), "sigue sobre la mesa"
  (weighed) is not done.
- English: the act as the subject of "has not been ruled out", "was ruled out", "is off the
  table", "is ready", "is in the works", "is being weighed" is not done.
- A plan, threat or modal clause followed by "after"/"following" an act told done with its
  own verb ("vowed more strikes after a drone attack killed two") is two events: the plan,
  and the act, which stays occurred with its toll. Without a plan before it, "after" does not
  split ("ordered a second strike after the first killed nine" is one telling).
- A semicolon ends the clause a plan cue stood in ("plans further raids; on Monday its jets
  struck a depot, killing four").
- On a page the genre model calls confidently no-strike, an act told without dead or wounded of
  its own (none, or one only in a relative clause on its noun) and not by its calendar day
  is recalled: background.

Every sentence is our own (wire, broadcaster, op-ed and blog registers).
"""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.learn import genre
from strikewatch.records import Article, Mention

PUB = "2026-01-05"


def _read(text: str, language: str = "en") -> list[Mention]:
    return registry.checked(registry.reader_for(language),
                            Article(text=text, published=PUB, language=language))


def _occurred(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind == "event" and m.status == "occurred" and
            not m.background]


@pytest.mark.parametrize("text", [
    "Trump dice que habrá un segundo ataque si las autoridades no cumplen.",
    "El presidente afirmó que habrá un segundo ataque contra Venezuela.",
    "El ministro advirtió que vendrá una segunda ola de bombardeos sobre el país.",
    "Según el general, la aviación lanzará una tercera ronda de ataques sobre la zona.",
    "El vocero aseguró que la Armada realizará un cuarto ataque contra las lanchas.",
    "\"Seguimos listos (para un segundo ataque)\", explicó el mandatario a los periodistas.",
    "Las fuerzas armadas están dispuestas a nuevos bombardeos contra los carteles, dijo.",
    "El mandatario dijo que un nuevo ataque no está descartado.",
    "Preguntado si ese segundo ataque queda descartado, el presidente no respondió.",
    "Un segundo ataque sigue sobre la mesa, según la Casa Blanca.",
    "Nuevos bombardeos en tierra están en estudio, indicó un funcionario.",
])
def test_spanish_acts_to_come_are_not_done(text: str) -> None:
    assert _occurred(_read(text, "es")) == []


@pytest.mark.parametrize("text", [
    "El primer ataque dejó tres muertos en el Caribe, informó el Comando Sur el martes.",
    "Un segundo ataque destruyó otra lancha el miércoles y mató a dos personas.",
    "La Armada realizó un tercer ataque el jueves contra una embarcación; murieron cuatro.",
])
def test_spanish_counted_acts_told_done_stay_done(text: str) -> None:
    assert len(_occurred(_read(text, "es"))) == 1


@pytest.mark.parametrize("text", [
    "A second strike has not been ruled out, the White House said on Monday.",
    "Further raids on the camps were ruled out by the defence minister.",
    "Officials said strikes on land targets remain off the table for now.",
    "A second strike is ready to go, the president told reporters aboard his plane.",
    "Fresh strikes on the camps are being weighed, two officials said.",
    "More raids are in the works, according to a defence source.",
])
def test_english_acts_ruled_out_or_left_open_are_not_done(text: str) -> None:
    ms = _read(text)
    assert ms
    assert _occurred(ms) == []


def test_english_counted_act_told_done_stays_done() -> None:
    ms = _read("A second strike on Tuesday destroyed another boat and killed two people.")
    assert len(_occurred(ms)) == 1


@pytest.mark.parametrize(("text", "toll"), [
    ("The Pentagon is weighing new strikes after a US drone strike killed three people in "
     "Somalia on Friday.", 3),
    ("Israel said it would keep striking Hezbollah after an airstrike on Sunday killed two "
     "militants in Nabatieh.", 2),
    ("Israel vows more strikes after drone attack kills two in southern Lebanon", 2),
    ("The army will press its offensive following an air raid on Tuesday that killed six "
     "fighters in Idlib.", 6),
    ("Washington plans tougher action after a rocket attack on the base wounded four "
     "soldiers and killed one contractor, officials said.", 1),
])
def test_a_plan_told_after_a_strike_keeps_the_strike(text: str, toll: int) -> None:
    done = _occurred(_read(text))
    assert len(done) == 1
    assert done[0].killed_low == toll


def test_after_without_a_plan_does_not_split_one_telling() -> None:
    ms = _read("Hegseth ordered a second strike after the first strike killed nine people "
               "aboard the boat.")
    assert len([m for m in ms if m.kind == "event"]) == 1


def test_a_strike_after_a_strike_stays_one_mention() -> None:
    ms = _read("US jets struck a depot after a drone strike killed two soldiers, the army said.")
    assert len(_occurred(ms)) == 1


def test_a_plan_with_no_act_after_it_stays_a_plan() -> None:
    ms = _read("The Pentagon is weighing new strikes after the attack on the base.")
    assert _occurred(ms) == []


@pytest.mark.parametrize("text", [
    "The army plans further raids on the camps; on Monday, its jets struck a depot in Idlib, "
    "killing four.",
    "Officials say more strikes are likely; overnight, drones hit a fuel depot near Sanaa, "
    "killing four workers.",
])
def test_a_semicolon_ends_the_plans_clause(text: str) -> None:
    done = _occurred(_read(text))
    assert len(done) == 1
    assert done[0].killed_low == 4


def test_the_plan_after_a_semicolon_stays_a_plan() -> None:
    ms = _read("Officials are weighing options; a strike on the labs could come within days.")
    assert ms
    assert _occurred(ms) == []


# a page about a threat (its own wording): the raid it came after is told by its day, with
# no toll; the page's news is the threat
THREAT_PAGE = "\n\n".join([
    "Leader Says a Bigger Second Wave Is Ready",
    "The president told reporters on Monday that his forces stood ready to act again if the "
    "new authorities in the capital did not cooperate.",
    "On Saturday special forces carried out a raid on a compound outside the capital and "
    "seized the former interior minister.",
    '"We have more ready, and it is much bigger than the first one," he said.',
])

# an explainer that recalls a strike with no toll of its own
EXPLAINER_PAGE = "\n\n".join([
    "What the law says about striking boats at sea",
    "Lawyers have long argued over when a state may use lethal force at sea.",
    "The row began because, after a first strike on a boat, a second strike targeted two "
    "survivors clinging to the wreck, which several experts call a breach of the laws of war.",
    "Most experts say drug trafficking is a crime, not an armed attack.",
])


@pytest.fixture
def confident(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(genre, "report_probability", lambda doc: 0.05)
    monkeypatch.setattr(genre, "threshold", lambda: 0.5)


@pytest.fixture
def unsure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(genre, "report_probability", lambda doc: 0.3)
    monkeypatch.setattr(genre, "threshold", lambda: 0.5)


@pytest.mark.usefixtures("confident")
@pytest.mark.parametrize("page", [THREAT_PAGE, EXPLAINER_PAGE])
def test_a_confident_no_strike_page_recalls_acts_without_a_toll(page: str) -> None:
    ms = _read(page)
    assert [m for m in ms if m.kind == "event" and m.background]
    assert _occurred(ms) == []


@pytest.mark.usefixtures("confident")
def test_a_confident_no_strike_page_keeps_an_act_with_its_own_toll() -> None:
    ms = _read(THREAT_PAGE.replace("and seized the former interior minister",
                                   "killing four guards"))
    assert len(_occurred(ms)) == 1


@pytest.mark.usefixtures("confident")
def test_a_confident_no_strike_page_keeps_an_act_told_by_its_calendar_day() -> None:
    ms = _read(THREAT_PAGE.replace("On Saturday special forces", "On January 3 special forces"))
    assert len(_occurred(ms)) == 1


@pytest.mark.usefixtures("unsure")
@pytest.mark.parametrize("page", [THREAT_PAGE, EXPLAINER_PAGE])
def test_a_page_only_leaning_no_strike_keeps_an_act_without_a_toll(page: str) -> None:
    assert len(_occurred(_read(page))) == 1

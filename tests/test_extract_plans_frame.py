"""Articles that report plans, threats, denials or arguments make no occurred strike (issue
14, failure class 8), while a real strike told in the same article stays one.

Each rule is checked on sentences written for these tests (none from any gold file), in
English and, where the Spanish reader had the same gap, in Spanish:

- a strike still being weighed ("looking at ways to act against", "three scenarios",
  "mulling strikes") is planned, and one whose modal follows its own phrase ("a US strike on
  cartel labs in Mexico would likely kill civilians") is not told as done;
- an accusation called false ("called false the allegation that it had hit a camp") is a
  denial, while a denial of who struck, in a sentence that itself tells the harm ("denied
  carrying out the attack that killed 16"), leaves an occurred strike with the denial kept
  as a hedge;
- an act someone is kept from doing ("an attempt to stop the president from striking
  boats") is no act, nor are acts judged as a kind in the present ("US airstrikes on boats
  violate international law");
- a strike told in a relative clause after "whether" ("whether the 11 aboard, two of whom
  lived through the first strike, could be targeted") is not governed by the condition;
- in an article that opens on a plan or a threat, a later strike named only by a noun, with
  no toll, day or verb of its own ("critics say an attack inside Venezuela is illegal") is
  the plan's strike (`article_frame`), and a strike told with a toll, a day or a verb in
  the same article is still news.
"""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.extract.context import Doc
from strikewatch.extract.pipeline import DEFAULT_NAMES, Pipeline
from strikewatch.records import Article, Mention

PUB = "2025-11-14"  # a Friday


def _events(text: str, language: str = "en") -> list[Mention]:
    article = Article(text=text, published=PUB, language=language)
    # the reader for the article's language, as ingest routes it
    return [m for m in registry.checked(registry.reader_for(language), article)
            if m.kind == "event"]


def _occurred_violence(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.status == "occurred" and
            m.event_type in ("Explosions/Remote violence", "Battles")]


# --- a choice still being weighed ----------------------------------------------------------

def test_ways_still_being_looked_at_are_a_plan() -> None:
    ms = _events("The president is looking at a number of ways to act against the "
                 "government in Caracas, among them strikes on air bases.")
    assert ms and all(m.status == "planned" for m in ms)


def test_scenarios_on_the_table_are_a_plan() -> None:
    ms = _events("Officials say two scenarios are on the table: air strikes on radar sites "
                 "or a naval blockade of the port.")
    assert ms and all(m.status == "planned" for m in ms)
    assert _occurred_violence(ms) == []


def test_a_strike_whose_modal_follows_its_phrase_is_not_told_as_done() -> None:
    ms = _events("Experts said a US strike on cartel labs in Mexico would likely kill "
                 "civilians.")
    assert ms and _occurred_violence(ms) == []


def test_a_relative_clause_between_a_strike_and_a_modal_keeps_the_strike() -> None:
    ms = _events("The strike on the camp that killed 12 people would later be investigated.")
    assert [m.killed_low for m in _occurred_violence(ms)] == [12]


def test_a_strike_being_mulled_is_a_plan() -> None:
    ms = _events("The White House is mulling strikes on militant camps in northern Nigeria.")
    assert [m.status for m in ms] == ["planned"]


# --- an accusation called false --------------------------------------------------------------

def test_an_allegation_called_false_is_a_denial() -> None:
    ms = _events("The embassy on Thursday called false the allegation that American drones "
                 "had hit a village school.")
    assert [m.status for m in ms] == ["denied"]


def test_a_claim_rubbished_is_a_denial() -> None:
    ms = _events("The ministry rubbished reports that its jets bombed a convoy near the "
                 "border.")
    assert [m.status for m in ms] == ["denied"]


def test_the_strike_a_denial_is_about_still_happened_when_another_sentence_tells_it() -> None:
    ms = _events("The army denied any role in the drone strike. Local officials said the "
                 "drone strike on Wednesday killed four people near the village of Miran.")
    told = [m for m in _occurred_violence(ms) if m.killed_low == 4]
    assert len(told) == 1 and told[0].date_low == "2025-11-12"


def test_a_denied_author_leaves_the_harm_the_sentence_tells() -> None:
    ms = _events("Russia denied on Tuesday carrying out the missile attack on a market in "
                 "Kostiantynivka that killed 16 people on Saturday.")
    told = _occurred_violence(ms)
    assert [m.killed_low for m in told] == [16]
    assert "denied" in told[0].hedges  # the doubt about who struck is kept


def test_a_denial_with_no_harm_told_stays_a_denial() -> None:
    ms = _events("The army denied that it had carried out the airstrike on the village.")
    assert [m.status for m in ms] == ["denied"]


# --- an act someone is kept from doing -------------------------------------------------------

def test_an_act_someone_is_stopped_from_doing_is_no_act() -> None:
    ms = _events("On Thursday the House rejected a bill to stop the president from striking "
                 "suspected smuggling boats without a vote of Congress.")
    assert _occurred_violence(ms) == []


def test_strikes_someone_is_barred_from_launching_are_no_act() -> None:
    ms = _events("The amendment would bar the Pentagon from launching further strikes "
                 "inside Venezuela.")
    assert _occurred_violence(ms) == []


def test_being_kept_from_something_after_a_strike_leaves_the_strike() -> None:
    ms = _events("Rescuers were prevented from reaching the site after the strike on "
                 "Tuesday, which killed seven people in Rafah.")
    assert [m.killed_low for m in _occurred_violence(ms)] == [7]


# --- history told inside an argument -------------------------------------------------------

def test_a_strike_in_a_relative_clause_after_whether_is_not_conditional() -> None:
    ms = _events("The Sept. 2 attack has set off a debate over whether the 11 people aboard, "
                 "two of whom lived through the first strike, could lawfully be targeted.")
    assert ms and all(m.status == "occurred" for m in ms)


def test_a_strike_governed_by_whether_stays_open() -> None:
    ms = _events("Lawmakers asked whether a strike on the port would be lawful.")
    assert _occurred_violence(ms) == []


# --- acts judged as a kind --------------------------------------------------------------------

def test_strikes_judged_in_the_present_are_no_act() -> None:
    ms = _events("The UN rights chief said on Friday that US airstrikes on boats in the "
                 "Caribbean violate international law. The attacks must stop, he said.")
    assert _occurred_violence(ms) == []


def test_strikes_judged_beside_their_toll_are_still_told() -> None:
    ms = _events("Critics said the strikes, which killed 11 people on September 2, violate "
                 "international law.")
    assert [m.killed_low for m in _occurred_violence(ms)] == [11]


# --- the article's frame ---------------------------------------------------------------------

PLAN_ARTICLE = (
    "The Pentagon is preparing options for strikes on cartel targets inside Venezuela, "
    "two officials said on Thursday.\n\n"
    "The strikes on cocaine laboratories and airstrips are part of a wider plan drawn up by "
    "Southern Command.\n\n"
    "Critics say an attack inside Venezuela is illegal without the approval of Congress.\n\n")


def test_a_plan_articles_strikes_named_by_a_noun_are_the_plan() -> None:
    ms = _events(PLAN_ARTICLE)
    assert ms and _occurred_violence(ms) == []
    assert {m.status for m in ms} <= {"planned", "hypothetical"}


def test_the_frame_cites_the_ledes_cue() -> None:
    ms = _events(PLAN_ARTICLE)
    critics = next(m for m in ms if "Critics" in " ".join(s.text for s in m.spans))
    cited = " ".join(s.text for s in critics.provenance["status"])
    assert "preparing" in cited


def test_a_strike_with_a_toll_in_a_plan_article_is_news() -> None:
    ms = _events(PLAN_ARTICLE + "The latest strike on a boat, overnight in the Caribbean, "
                 "killed six people, the defense secretary said.")
    told = _occurred_violence(ms)
    assert [m.killed_low for m in told] == [6]


def test_a_strike_told_by_its_verb_in_a_plan_article_is_news() -> None:
    ms = _events(PLAN_ARTICLE + "On Tuesday US forces struck a boat in the eastern Pacific.")
    told = _occurred_violence(ms)
    assert len(told) == 1 and told[0].date_low == "2025-11-11"


def test_a_threat_article_frames_its_strikes_too() -> None:
    ms = _events("The president threatened on Saturday to attack Islamist camps in Nigeria. "
                 "Analysts say an attack on the camps is unlikely to end the killings.")
    assert _occurred_violence(ms) == []


def test_an_article_that_opens_on_a_strike_has_no_plan_frame() -> None:
    doc = Pipeline(DEFAULT_NAMES[:DEFAULT_NAMES.index("article_frame") + 1]).read(
        Article(text="A US strike killed three people on a boat in the Caribbean on "
                     "Tuesday. The strikes are part of a campaign against cartels.",
                published=PUB))
    assert isinstance(doc, Doc)
    assert all(f.status == "occurred" for f in doc.frames if not f.drop)


# --- the Spanish reader ----------------------------------------------------------------------

def test_es_an_accusation_called_false_is_a_denial() -> None:
    ms = _events("Washington calificó de falsa la acusación de que sus drones bombardearon "
                 "una escuela en la frontera.", language="es")
    assert [m.status for m in ms] == ["denied"]


def test_es_an_act_someone_is_kept_from_doing_is_no_act() -> None:
    ms = _events("El Senado rechazó el jueves un intento de impedir que Trump ataque lanchas "
                 "frente a Venezuela sin aprobación del Congreso.", language="es")
    assert _occurred_violence(ms) == []


def test_es_options_being_weighed_are_a_plan() -> None:
    ms = _events("El presidente baraja varias opciones, entre ellas ataques contra "
                 "instalaciones militares en Venezuela.", language="es")
    assert ms and all(m.status == "planned" for m in ms)


def test_es_a_plan_articles_strike_named_by_a_noun_is_the_plan() -> None:
    ms = _events("El Pentágono prepara opciones para atacar objetivos de los carteles dentro "
                 "de Venezuela, dijeron dos funcionarios el jueves.\n\n"
                 "Los críticos dicen que un ataque dentro de Venezuela es ilegal sin la "
                 "aprobación del Congreso.\n\n"
                 "El martes, fuerzas de EE.UU. atacaron una lancha en el Caribe y mataron a "
                 "tres personas.", language="es")
    told = _occurred_violence(ms)
    assert [m.killed_low for m in told] == [3]  # the strike told by its verb stays news

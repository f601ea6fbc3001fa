"""The article-genre model (strikewatch/learn/genre.py) and the `genre` step of
article_frame.py: the model loads offline and scores deterministically, pages written for
these tests (an op-ed, a plan, a threat, news reports; none from any gold file) are told
apart, and in an article the model calls no-strike only the strikes talked about change: a
strike told with its own day and toll stays news."""

from __future__ import annotations

import re

import pytest

from strikewatch.extract import registry
from strikewatch.extract.pipeline import DEFAULT_NAMES, Pipeline
from strikewatch.learn import genre
from strikewatch.records import Article, Mention

PUB = "2025-11-05"


def _page(text: str) -> str:
    """A page as outlets print it: one line per paragraph (the source is wrapped here)."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text)


OPEDS = [
    """Opinion: Lethal force at sea is not a drug policy

By a former Navy lawyer

I have spent twenty years advising commanders on the law of armed conflict, and I believe
the administration is making a grave mistake. We should ask a simple question: who decided
that smugglers are combatants? If the answer is nobody in Congress, then these strikes rest
on nothing but a memo.

Supporters argue that the cartels are a threat to the nation. Perhaps they are. But a
threat does not make a fishing skiff a warship, and it does not make its crew lawful
targets. Would we accept the same logic on a highway in Texas?

Our country once prided itself on the rule of law. It should do so again, before the next
strike turns a policy dispute into a war nobody voted for.""",
    """Why the boat campaign will backfire

Washington keeps telling us that bombing small boats will stop the flow of drugs. It will
not. Demand drives the trade, and demand is here, in our cities, not in the Caribbean.

There is a better way. We could fund treatment, we could work with coast guards in the
region, and we could insist that any use of force be authorised by lawmakers. Is that
really too much to ask?

The strikes may look decisive on television. History suggests they will only push
traffickers to new routes, as every crackdown since the 1980s has done.""",
]
PLANS = [
    """Pentagon weighs options for strikes on cartel targets in Mexico

Military planners have drawn up a range of options for possible strikes on drug cartel
laboratories inside Mexico, two officials familiar with the discussions said on condition of
anonymity.

The options could include drone strikes on remote sites in Sinaloa, the officials said,
though no decision has been made and the president has not been briefed on the final list.

Mexico's government said it would reject any unilateral action on its territory. "We will
not accept foreign troops or bombs on Mexican soil," the foreign minister told reporters.

Any operation would need approval from the White House and could take weeks to prepare,
one of the officials added.""",
    """Houthi leader warns of new attacks on shipping if strikes resume

The leader of Yemen's Houthi movement threatened on Thursday to target American warships
and commercial vessels in the Red Sea should Washington renew its bombing campaign.

In a televised speech, he said his forces were ready to respond "with everything we have"
and that any aggression would be met with missiles and drones.

Analysts said the warning was meant to deter the United States rather than signal an
imminent attack, but shipping insurers may raise premiums for the route.""",
]
NEWS = [
    """Drone strike kills four in northern Syria, monitor says

A drone strike hit a car near the town of Sarmada in Idlib province on Monday, killing four
men, a war monitor said.

The Syrian Observatory for Human Rights said the vehicle was struck on a road outside the
town shortly after dawn. It did not say who carried out the attack.

Local residents told reporters that two of the dead were members of an armed group. Rescue
workers pulled the bodies from the wreckage.""",
    """US military says it destroyed a vessel in the eastern Pacific, killing three

The US military struck a boat in international waters of the eastern Pacific on Tuesday,
killing three men aboard, the defence secretary said in a post on social media.

The vessel was operated by a designated organisation and was carrying narcotics, he said,
without giving evidence. No US forces were harmed.

It was the latest in a string of attacks on boats that Washington says carry drugs.""",
]

# an op-ed that recounts one real strike with its day and toll, and talks about "such
# strikes" and "an attack on the mainland" with nothing of their own
OPED_WITH_STRIKE = """The law does not bend for a war on drugs

The administration has no authority for what it is doing at sea, and it knows it.

On Tuesday, a US strike on a boat in the Caribbean killed six people, the defence secretary
said.

We should be clear about what such strikes are. Critics say an attack on the mainland would
be an act of war, and they are right to ask whether Congress would ever approve one.

Should we accept that the executive alone decides who may be killed? I do not think so."""


TALK = [
    """The quiet cost of the drone war

We keep hearing that the strikes are precise. Families in the villages say otherwise, and
the attack they remember best is the one nobody in Washington will discuss.

Why should a strike that nobody can name be counted as a success? We deserve answers.""",
    """What the hearings on the boat strikes will not ask

Lawmakers return to Washington this week with the Caribbean campaign on the agenda. The
second strike on the September boat has drawn the most attention, and rightly so.

Our view is simple: the committee must see the full video and the legal memo before it
votes on anything.""",
    """Explainer: what international law says about targeting suspected smugglers

The bombing of the boat raised a question lawyers have argued over for decades: when can a
state use lethal force against people who are not fighting it?

Under the laws of war, only combatants and civilians taking a direct part in hostilities may
be targeted. Drug trafficking, most experts say, is a crime, not an armed attack.""",
]


def _read_to_assemble(text: str, published: str | None = PUB) -> float:
    doc = Pipeline(DEFAULT_NAMES[:DEFAULT_NAMES.index("assemble") + 1]).read(
        Article(text=_page(text), published=published))
    p = genre.report_probability(doc)
    assert p is not None
    return p


@pytest.fixture
def model_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKEWATCH_GENRE", "on")
    monkeypatch.delenv("STRIKEWATCH_GENRE_CV", raising=False)
    monkeypatch.delenv("STRIKEWATCH_GENRE_MODEL", raising=False)
    monkeypatch.delenv("STRIKEWATCH_GENRE_THRESHOLD", raising=False)


def test_model_loads_from_the_package() -> None:
    model = genre.load_model()
    assert model is not None
    assert model.words.shape == (genre.DIM,)
    assert model.struct.shape == (len(genre.STRUCT_NAMES),)
    assert 0.0 < model.threshold <= 0.5
    assert model.enabled  # on: dev cross-validation mildly for it, batch T for it (README)


def test_hashing_and_scores_are_deterministic(model_on: None) -> None:
    # crc32, not Python's salted hash: the same bucket in every process
    assert genre.bucket("drone strike") == genre.bucket("drone strike")
    assert genre.words("Killed 11 on Sept. 2, 2025") == ["killed", "0", "on", "sept", "0", "0"]
    assert _read_to_assemble(NEWS[0]) == _read_to_assemble(NEWS[0])


@pytest.mark.parametrize("published", [PUB, None])
@pytest.mark.parametrize("text", OPEDS + PLANS)
def test_pages_that_report_no_strike(model_on: None, text: str, published: str | None) -> None:
    assert _read_to_assemble(text, published) < 0.5


@pytest.mark.parametrize("published", [PUB, None])
@pytest.mark.parametrize("text", NEWS)
def test_news_reports(model_on: None, text: str, published: str | None) -> None:
    assert _read_to_assemble(text, published) > 0.5


def _strikes(text: str) -> list[Mention]:
    art = Article(text=_page(text), published=PUB)
    return [m for m in registry.checked(registry.reader_for("en"), art)
            if m.kind == "event" and m.event_type != "Strategic developments"]


def test_no_strike_article_keeps_its_dated_tolled_strike(
        model_on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    # whatever the model says of this page, call it confidently no-strike
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    news = [m for m in _strikes(OPED_WITH_STRIKE)
            if m.status == "occurred" and not m.background]
    assert [(m.date_low, m.killed_low) for m in news] == [("2025-11-04", 6)]


@pytest.mark.parametrize("text", TALK)
def test_talk_about_strikes_makes_no_news(
        model_on: None, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    assert [m for m in _strikes(text) if m.status == "occurred" and not m.background] == []


_FRAME_HEAD = ("Congress must reclaim its war powers\n\nThe administration says it needs no "
               "one's permission to use force abroad. That claim deserves scrutiny.\n\n")
_FRAME_TAIL = ("\n\nWe should demand a vote before the next operation, not after it. Is that "
               "really so much to ask of our representatives?")


@pytest.mark.parametrize("recalled", [
    "Few remember that the navy sank a smuggling boat near Aruba without any warning.",
    "Nobody in Washington wants to talk about how the military blew up a speedboat off "
    "Trinidad.",
    "It is worth recalling that US forces bombed a boat in the eastern Pacific and called it "
    "self-defence.",
])
def test_a_strike_recalled_in_an_argument_is_background(
        model_on: None, monkeypatch: pytest.MonkeyPatch, recalled: str) -> None:
    """Read alone, each is an act told with a verb; in a page the model calls no-strike,
    with no day, toll or party of its own, it is the argument's history, not news. Off,
    the rules alone keep it news."""
    text = _FRAME_HEAD + recalled + _FRAME_TAIL
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    assert [(m.status, m.background) for m in _strikes(text)] == [("occurred", True)]
    monkeypatch.setenv("STRIKEWATCH_GENRE", "off")
    assert [(m.status, m.background) for m in _strikes(text)] == [("occurred", False)]


def test_off_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKEWATCH_GENRE", "off")
    doc = Pipeline(DEFAULT_NAMES[:DEFAULT_NAMES.index("assemble") + 1]).read(
        Article(text=NEWS[0], published=PUB))
    assert genre.report_probability(doc) is None


# the same in Spanish, read by the Spanish reader up to its assemble
ES_OPED = """Opinión: La fuerza letal no es una política antidrogas

Llevamos semanas escuchando que los bombardeos contra lanchas frenarán el narcotráfico.
No lo harán. ¿Quién decidió que un pescador es un combatiente? ¿Por qué nadie en el
Congreso ha votado esta guerra?

Nuestro país debería exigir pruebas antes de aplaudir. La demanda de drogas está en
nuestras ciudades, no en el Caribe, y podríamos invertir en prevención en lugar de
misiles.

Si el gobierno quiere usar la fuerza, que lo autoricen los legisladores. Es lo mínimo
que podemos pedir."""
ES_NEWS = """Un ataque con drones mata a cuatro personas en el norte de Siria

Un ataque con drones alcanzó el lunes un vehículo cerca de la localidad de Sarmada, en
la provincia de Idlib, y mató a cuatro hombres, informó un observatorio de la guerra.

Según el Observatorio Sirio de Derechos Humanos, el coche fue alcanzado en una carretera
a las afueras de la localidad poco después del amanecer. No precisó quién llevó a cabo
el ataque.

Vecinos de la zona dijeron que dos de los muertos eran miembros de un grupo armado."""


@pytest.mark.parametrize("published", [PUB, None])
@pytest.mark.parametrize(("text", "reports"), [(ES_OPED, False), (ES_NEWS, True)])
def test_spanish_pages(model_on: None, text: str, reports: bool, published: str | None) -> None:
    steps = registry.reader_for("es").pipeline.steps  # type: ignore[attr-defined]
    names = [s.name for s in steps]
    doc = Pipeline(steps[:names.index("es_assemble") + 1]).read(
        Article(text=_page(text), published=published, language="es"))
    p = genre.report_probability(doc)
    assert p is not None and (p > 0.5) == reports


# a page whose own news is a vote, a hearing or an argument, recalling a strike weeks old by
# its day and toll (PUB is 5 November)
_VOTE_HEAD = ("Senate turns back limits on the boat campaign\n\nSenators on Tuesday voted down "
              "a measure that would have required their approval before any further use of "
              "force against the cartels.\n\n")
_VOTE_TAIL = ("\n\nThe measure's sponsors said they would bring it back next month, and the "
              "White House called the vote a win for the president.")
_HEARING_HEAD = ("Lawmakers press admiral on legal basis for raids\n\nA House panel questioned "
                 "the commander of Southern Command for three hours about the orders he "
                 "gave.\n\n")


@pytest.mark.parametrize("head", [_VOTE_HEAD, _HEARING_HEAD])
@pytest.mark.parametrize(("recalled", "day", "toll"), [
    ("The first lethal strike on a suspected smuggling boat came on Oct. 2, killing 11 "
     "people.", "2025-10-02", 11),
    ("On September 15, a second strike killed three men aboard a speedboat off Venezuela.",
     "2025-09-15", 3),
    ("A US drone destroyed a fishing skiff in the Caribbean on 19 September; six died.",
     "2025-09-19", 6),
    ("Eleven people were killed when the navy hit a vessel near Trinidad on October 3.",
     "2025-10-03", 11),
])
def test_a_strike_dated_weeks_back_on_a_no_strike_page_is_a_report_of_it(
        model_on: None, monkeypatch: pytest.MonkeyPatch, head: str, recalled: str, day: str,
        toll: int) -> None:
    """On a page whose news is a vote or a hearing, an act weeks before the page told with
    its own day and toll is still a report of that strike (the session-17 ruling,
    tests/gold/README.md): occurred, on its own day, with its toll, so the ledger joins it
    to the strike's incident, or finds the strike through it."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    got = [(m.status, m.background, m.date_low, m.killed_low)
           for m in _strikes(head + recalled + _VOTE_TAIL)]
    assert got == [("occurred", False, day, toll)]


@pytest.mark.parametrize("head", [_VOTE_HEAD, _HEARING_HEAD])
def test_a_generic_recall_on_a_no_strike_page_stays_background(
        model_on: None, monkeypatch: pytest.MonkeyPatch, head: str) -> None:
    # no day, no toll, no place of its own: the history the page recalls, not a report
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    got = [(m.status, m.background) for m in _strikes(
        head + "Earlier strikes destroyed fishing skiffs in the Caribbean." + _VOTE_TAIL)]
    assert all(bg for status, bg in got if status == "occurred")


@pytest.mark.parametrize("recent", [
    "On Monday a strike on a suspected smuggling boat killed four people.",
    "A US drone destroyed a fishing skiff in the Caribbean on 1 November; six died.",
])
def test_a_strike_days_old_on_a_no_strike_page_stays_news(
        model_on: None, monkeypatch: pytest.MonkeyPatch, recent: str) -> None:
    """Days before the page is what a news page reports: the step keeps it."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    news = [m for m in _strikes(_VOTE_HEAD + recent + _VOTE_TAIL)
            if m.status == "occurred" and not m.background]
    assert len(news) == 1


NEWS_RECALLING = """US strike kills four on boat in eastern Pacific

The US military struck a suspected drug-smuggling boat in the eastern Pacific on Monday,
killing four men aboard, Southern Command said.

It was the latest in a campaign that began with a strike on Sept. 2, which killed 11 people
off Venezuela. Officials gave no evidence that the boat carried drugs."""


def test_a_news_page_keeps_its_own_strike_and_recalls_the_old_one(model_on: None) -> None:
    """With the model's own threshold the page is news: its Monday strike stays news, and
    the Sept. 2 strike it recalls with its own day is a report of that strike on its own
    day (the session-17 ruling, tests/gold/README.md), never the page's."""
    got = sorted((m.date_low, m.background) for m in _strikes(NEWS_RECALLING)
                 if m.status == "occurred")
    assert got == [("2025-09-02", False), ("2025-11-03", False)]


_ES_VOTE_HEAD = ("El Senado rechaza limitar los ataques en el Caribe\n\nLos senadores votaron "
                 "el martes contra una resolución que habría obligado al presidente a pedir "
                 "permiso antes de nuevas acciones militares.\n\n")
_ES_VOTE_TAIL = ("\n\nLos promotores de la resolución dijeron que volverán a presentarla el "
                 "mes próximo.")


@pytest.mark.parametrize("recalled", [
    "El primer ataque contra una lancha, el 2 de octubre, dejó 11 muertos.",
    "Estados Unidos bombardeó el 16 de septiembre una lancha en el Caribe y murieron tres "
    "tripulantes.",
])
def test_spanish_strike_dated_weeks_back_on_a_vote_page_stays_a_report(
        model_on: None, monkeypatch: pytest.MonkeyPatch, recalled: str) -> None:
    """The Spanish development ledgers count such a strike as the page's report of it
    (es/fields.BACKGROUND_DAYS): the date rule is the English reader's only."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    art = Article(text=_page(_ES_VOTE_HEAD + recalled + _ES_VOTE_TAIL), published=PUB,
                  language="es")
    got = [(m.status, m.background) for m in registry.checked(registry.reader_for("es"), art)
           if m.kind == "event" and m.event_type != "Strategic developments"]
    assert ("occurred", False) in got


@pytest.mark.parametrize("named", [
    "Asked about a follow-up strike on a smuggling boat that killed two survivors, the "
    "secretary said he saw no one in the water.",
    "The debate turns on a second attack on the vessel, which left two wounded men dead.",
    "Critics point to a raid on a fishing camp that reportedly killed nine people.",
])
def test_a_strike_named_with_its_toll_in_a_relative_clause_is_talk(
        model_on: None, monkeypatch: pytest.MonkeyPatch, named: str) -> None:
    """No day of its own, the toll told on the noun as what is known of the act: on a page
    whose news is a hearing, the strike is the subject of talk, background."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    got = [(m.status, m.background) for m in _strikes(_HEARING_HEAD + named + _VOTE_TAIL)]
    assert all(bg for status, bg in got if status == "occurred")


@pytest.mark.parametrize("told", [
    "An airstrike killed four people in a village near the border.",
    "A drone strike on a pickup truck killed three fighters, officials said.",
])
def test_a_toll_told_as_the_sentence_news_stays_news(
        model_on: None, monkeypatch: pytest.MonkeyPatch, told: str) -> None:
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    news = [m for m in _strikes(_HEARING_HEAD + told + _VOTE_TAIL)
            if m.status == "occurred" and not m.background]
    assert len(news) == 1


def test_what_the_step_makes_background_stays_judged_by_the_filter(
        model_on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Background is never filtered: the step notes what it recast, so that the mention
    filter still scores it as the occurred news the rules read it as."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    text = _VOTE_HEAD + "On September 15, a second strike killed three men aboard a " \
        "speedboat off Venezuela." + _VOTE_TAIL
    doc = Pipeline(DEFAULT_NAMES[:DEFAULT_NAMES.index("genre") + 1]).read(
        Article(text=_page(text), published=PUB))
    recalled = [g for g in doc.groups if g.head.background and g.head.status == "occurred"]
    assert recalled
    assert {(g.head.trigger.start, g.head.trigger.end) for g in recalled} <= doc.recast


#: (title, sentences) of pages in several registers, written for this test
_REPORT = ("Drone strike kills four near Marib",
           ["A drone strike killed four men near Marib on Monday, local officials said.",
            "The army told reporters the vehicle was carrying weapons.",
            "Según el ministerio, murieron dos civiles más."])
_PLAN = ("US weighs strikes on cartel targets",
         ["The Pentagon could order strikes inside Mexico within weeks.",
          "Officials will brief lawmakers on the options next Tuesday.",
          "No decision has been made."])
_OPED = ("The boat strikes are unlawful",
         ["I have argued for years that my country must respect the law of the sea.",
          "In my view these killings are neither war nor policing.",
          "Creo que el Congreso debe actuar."])


def test_style_signals_tell_a_report_a_plan_and_an_op_ed_apart() -> None:
    said, i_share, lede_modal = genre.style(*_REPORT)
    assert said == 1.0 and i_share == 0.0 and lede_modal == 0.0
    said, i_share, lede_modal = genre.style(*_PLAN)
    assert said == 0.0 and i_share == 0.0 and lede_modal == 1.0
    said, i_share, lede_modal = genre.style(*_OPED)
    assert said == 0.0 and i_share == 1.0
    # a capital "I" only: the Roman numeral of "World War II" or a lowercase "i" is no one
    assert genre.style("", ["World War II ended in 1945.", "the letter i"])[1] == 0.0


def test_the_shipped_model_weighs_every_structural_signal() -> None:
    model = genre.load_model()
    assert model is not None
    assert len(genre.STRUCT_NAMES) == 10 and all(model.struct != 0.0)


@pytest.mark.parametrize("standing", [
    "The boat strikes have drawn wide criticism.\n\nAt least 17 people are dead, more killing "
    "is coming, the senator said.",
    "The boat strikes have drawn wide criticism.\n\nSeventeen people have died, medics said.",
    'Critics of the raids spoke for an hour.\n\n"At least 17 people were killed, and nobody '
    'has seen the evidence," one said.',
    "The strikes have drawn wide criticism in the region. Upwards of 50 people are now dead, "
    "according to the charity.",
])
def test_a_toll_standing_on_a_no_strike_page_is_no_act(
        model_on: None, monkeypatch: pytest.MonkeyPatch, standing: str) -> None:
    """A figure told with casualty words only, no act word and no day of its own, is a toll
    where it stands (the campaign's, in a vote story), not one strike told: on a page
    whose news is a vote or hearing it is a tally."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    for head in (_VOTE_HEAD, _HEARING_HEAD):
        art = Article(text=_page(head + standing + _VOTE_TAIL), published=PUB)
        ms = registry.checked(registry.reader_for("en"), art)
        assert not [m for m in ms if m.kind == "event" and m.status == "occurred" and
                    not m.background and m.event_type != "Strategic developments"], head
        assert any(m.kind == "tally" and m.killed_low for m in ms), (head, ms)


def test_a_toll_standing_on_a_news_page_keeps_the_strike(model_on: None) -> None:
    """At the model's own threshold a strike report stays news: its Tuesday strike keeps
    its day and toll, and the campaign's toll that the lede brings it to is a tally."""
    text = ("US strike kills three on boat in Caribbean\n\nThe US military struck a suspected "
            "drug-smuggling boat in the Caribbean on Tuesday, killing three people, bringing "
            "the toll of the campaign to 83, Southern Command said.\n\nOfficials gave no "
            "evidence that the boat carried drugs.")
    ms = [m for m in registry.checked(registry.reader_for("en"),
                                      Article(text=_page(text), published=PUB))
          if m.status == "occurred"]
    news = [m for m in ms if m.kind == "event" and not m.background]
    assert [(m.date_low, m.killed_low) for m in news] == [("2025-11-04", 3)]
    assert not any(m.kind == "event" and m.killed_low == 83 for m in ms)


_CASE_HEAD = ("The Haidari family\n\nThe family lived in a farming village in the hills. Their "
              "lawyers took the case to a court in 2016 and were turned away in 2017. The "
              "surviving children still live with an uncle and go to school in the town "
              "nearby.\n\n")


@pytest.mark.parametrize("case", [
    "On 3 March 2014 a missile fired from a drone hit the family's house, killing two "
    "brothers.",
    "Two brothers were killed when a drone struck the family's house on March 3, 2014.",
])
def test_a_case_pages_strike_told_with_its_old_date_is_a_report_of_it(
        model_on: None, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """A page with no date of its own that names later years than the strike's (a case
    page: the strike, then the lawsuit) was written after them; the strike it tells with its
    own day and toll is still a report of that strike, on its own day (the session-17
    ruling), not one on the page's unknown day."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    art = Article(text=_page(_CASE_HEAD + case), published=None)
    got = [(m.status, m.background, m.date_low, m.killed_low)
           for m in registry.checked(registry.reader_for("en"), art)
           if m.kind == "event" and m.event_type != "Strategic developments"]
    assert got == [("occurred", False, "2014-03-03", 2)], got


def test_an_undated_page_naming_no_later_year_keeps_its_strike(
        model_on: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no later year named, nothing says the page came after its strike: it stays."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    art = Article(text=_page(_HEARING_HEAD + "On March 3, 2014 a drone struck a house in the "
                             "village, killing two brothers."), published=None)
    news = [m for m in registry.checked(registry.reader_for("en"), art)
            if m.kind == "event" and m.status == "occurred" and not m.background]
    assert len(news) == 1


@pytest.mark.parametrize("withdrawn", [
    'State television said on Sunday that air defences had repelled an attack near the '
    'airport, then pulled the report; an airport official said "no attack" had taken place.',
    "Hours after reporting that jets had struck an airbase on Sunday, the agency withdrew the "
    "story; a military source told it that 'no strike' had occurred and flights were normal.",
])
def test_a_report_withdrawn_on_a_no_strike_page_is_no_strike(
        model_on: None, monkeypatch: pytest.MonkeyPatch, withdrawn: str) -> None:
    """An act one of whose tellings says it did not happen ("no attack", "no strike") is a
    report taken back: on a page whose news is the retraction, background."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    got = [(m.status, m.background) for m in _strikes(_HEARING_HEAD + withdrawn + _VOTE_TAIL)]
    assert got and all(bg for status, bg in got if status == "occurred"), got


@pytest.mark.parametrize("named", [
    "The order was lawful, an admiral told senators on Thursday, as they look into an attack "
    "off Venezuela that killed two men who had lived through a first strike on their boat.",
    "Senators who questioned him about a raid that left three people dead after an earlier "
    "strike on the same skiff said on Wednesday they were not satisfied.",
])
def test_a_toll_in_a_relative_on_another_noun_of_the_act_is_talk(
        model_on: None, monkeypatch: pytest.MonkeyPatch, named: str) -> None:
    """The day the talk was told on is no day of the act's, and a toll told in a relative
    clause on the act's noun names a known act even where another event word ends the
    sentence."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    got = [(m.status, m.background) for m in _strikes(_HEARING_HEAD + named + _VOTE_TAIL)]
    assert got and all(bg for status, bg in got if status == "occurred"), got


_ES_NOTE_HEAD = ("Colombia pide respeto al derecho internacional\n\nLa cancillería publicó una "
                 "nota en la que recuerda a sus socios el deber de respetar las normas que "
                 "rigen el uso de la fuerza en el mar.\n\n")


@pytest.mark.parametrize("named", [
    "El gobierno expresó su preocupación por operaciones recientes contra lanchas en el "
    "Pacífico.",
    "La nota alude a bombardeos contra embarcaciones en aguas del Caribe.",
])
def test_spanish_acts_named_by_a_bare_plural_are_talk(
        model_on: None, monkeypatch: pytest.MonkeyPatch, named: str) -> None:
    """A Spanish act named by its noun with no determiner ("por operaciones recientes
    contra lanchas") is talked about, not told done: on a no-strike page, no news (the
    mention filter may then drop it)."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    art = Article(text=_page(_ES_NOTE_HEAD + named + _ES_VOTE_TAIL), published=PUB,
                  language="es")
    got = [(m.status, m.background) for m in registry.checked(registry.reader_for("es"), art)
           if m.kind == "event" and m.event_type != "Strategic developments"]
    assert all(bg for status, bg in got if status == "occurred"), got


@pytest.mark.parametrize("done", [
    "Estados Unidos realizó ataques contra lanchas en el Pacífico el martes.",
    "La Armada bombardeó el lunes una lancha en el Pacífico y murieron dos tripulantes.",
])
def test_spanish_acts_told_done_stay_news(
        model_on: None, monkeypatch: pytest.MonkeyPatch, done: str) -> None:
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    art = Article(text=_page(_ES_NOTE_HEAD + done + _ES_VOTE_TAIL), published=PUB,
                  language="es")
    got = [(m.status, m.background) for m in registry.checked(registry.reader_for("es"), art)
           if m.kind == "event" and m.event_type != "Strategic developments"]
    assert ("occurred", False) in got, got


@pytest.mark.parametrize("described", [
    "El presidente afirmó que una de las lanchas que Estados Unidos bombardeó el 16 de "
    "septiembre era colombiana y llevaba a un pescador.",
    "Según la familia, la embarcación que la Armada atacó el 2 de octubre frente a la costa "
    "era de un pescador de la zona.",
])
def test_spanish_strike_weeks_back_told_as_what_a_craft_was_is_recalled(
        model_on: None, monkeypatch: pytest.MonkeyPatch, described: str) -> None:
    """A strike told only in a relative clause on what it hit ("la lancha que … bombardeó el
    16 de septiembre") names a known craft: on a no-strike page, weeks back, background."""
    monkeypatch.setenv("STRIKEWATCH_GENRE_THRESHOLD", "1.0")
    art = Article(text=_page(_ES_VOTE_HEAD + described + _ES_VOTE_TAIL), published=PUB,
                  language="es")
    got = [(m.status, m.background) for m in registry.checked(registry.reader_for("es"), art)
           if m.kind == "event" and m.event_type != "Strategic developments"]
    assert got and all(bg for status, bg in got if status == "occurred"), got


@pytest.fixture()
def confident_no_strike(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model calls every page confidently no-strike (P far under its threshold)."""
    monkeypatch.setenv("STRIKEWATCH_GENRE", "on")
    monkeypatch.delenv("STRIKEWATCH_GENRE_THRESHOLD", raising=False)
    monkeypatch.setattr(genre, "report_probability", lambda doc: 0.01)


@pytest.mark.parametrize("recalled", [
    "In January 2023, an air raid on a cattle market near the river killed 47 herders.",
    "In March 2024 a drone strike on a wedding party in the hills left 30 people dead.",
])
def test_a_toll_dated_by_month_or_year_on_a_confident_page_is_history(
        confident_no_strike: None, recalled: str) -> None:
    """An editorial with no date that recalls an act by its month or year, toll and all
    (the latest year it names is the act's own, so it is not weeks before the page): the
    history the page argues from, background."""
    art = Article(text=_page(_HEARING_HEAD + recalled + _VOTE_TAIL))
    got = [(m.status, m.background) for m in registry.checked(registry.reader_for("en"), art)
           if m.kind == "event" and m.event_type != "Strategic developments"]
    assert got and all(bg for status, bg in got if status == "occurred"), got


def test_a_raid_told_by_its_weekday_above_a_threat_stays_background(
        confident_no_strike: None) -> None:
    """The act a threat answers, told by its weekday with a place but no toll: the step
    recalls it, and the recalled-strike ruling (a day and a place) does not bring it back,
    as only a calendar day does."""
    text = ("Militia vows second wave of attacks\n\nOn Saturday commandos carried out a raid "
            "on a compound in Kandahar and seized the group's leader.\n\nThe militia warned "
            "that it would strike again if its leader was not freed.")
    got = [(m.status, m.background) for m in _strikes(text)]
    assert got and all(bg for status, bg in got if status == "occurred"), got


@pytest.mark.parametrize(("told", "day"), [
    ("On Tuesday, a US strike on a boat in the Caribbean killed six people.", "2025-11-04"),
    ("On Oct. 2 commandos carried out a raid on a compound in Kandahar, killing four guards.",
     "2025-10-02"),
])
def test_a_toll_with_its_day_on_a_confident_page_stays_a_report(
        confident_no_strike: None, told: str, day: str) -> None:
    """A weekday toll (the page's news) or a calendar day (a recalled report, the session-17
    ruling) keeps the act."""
    news = [m for m in _strikes(_HEARING_HEAD + told + _VOTE_TAIL)
            if m.status == "occurred" and not m.background]
    assert [m.date_low for m in news] == [day]

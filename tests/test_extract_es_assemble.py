"""The Spanish reader reads an article as one document (issue 14, item 2): sentences that
keep talking about the strike the lede announced — who ran the boat, where it was done,
the dead identified, a quoted statement — join it; a real second strike stays apart. The
texts are our own."""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.extract.es.assemble import OWN
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def read(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es-asm", text=text, published=published, language="es")
    return registry.checked(registry.get_extractor("strikewatch-rules-es"), art)


def strikes(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in read(text, published) if m.kind == "event" and m.status == "occurred"]


def test_a_soldier_identified_later_is_the_attack_told_before() -> None:
    text = ("El Ejército de Liberación Nacional atacó con drones el lunes una base militar en "
            "Tibú y dejó un soldado muerto.\n\n"
            "El soldado que murió fue identificado como el soldado profesional Mario Pérez, "
            "quien perdió la vida en el atentado.")
    got = strikes(text)
    assert len(got) == 1
    assert got[0].killed_low == 1 and got[0].date_low == "2025-11-10"
    assert "identificado" in " ".join(s.text for s in got[0].spans)


def test_a_statement_about_the_strike_joins_it() -> None:
    text = ("El Comando Sur bombardeó el martes una lancha en el Caribe y murieron tres "
            "personas.\n\n"
            "«El ataque fue realizado en aguas internacionales contra una embarcación "
            "operada por narcoterroristas», dijo el Comando Sur en un comunicado.")
    got = strikes(text)
    assert len(got) == 1
    assert got[0].killed_low == 3 and got[0].date_low == "2025-11-11"
    assert len(got[0].spans) >= 2


def test_two_strikes_on_two_days_stay_two() -> None:
    text = ("El Comando Sur bombardeó el lunes una lancha en el Caribe y murieron tres "
            "personas.\n\n"
            "El martes, en otro ataque, las fuerzas estadounidenses destruyeron una "
            "embarcación en el Pacífico y murieron dos tripulantes.")
    got = sorted((m.date_low, m.killed_low) for m in strikes(text))
    assert got == [("2025-11-10", 3), ("2025-11-11", 2)]


def test_the_words_of_a_clause_of_its_own_are_spanish_ones() -> None:
    # a figure, a day, a month, "otro"/"segundo" give a clause something of its own; the
    # article "un" does not, nor does an English word
    for own in ("otro ataque", "un segundo ataque", "el jueves", "en septiembre",
                "dos muertos", "anoche", "un nuevo bombardeo"):
        assert OWN.search(own), own
    for bare in ("un ataque en aguas internacionales", "la embarcación era operada por",
                 "another strike on Monday"):
        assert not OWN.search(bare), bare


def test_an_act_told_in_a_plural_phrase_is_no_generic_plural() -> None:
    # "robó a los ocupantes" is one act with a plural object, not "los ataques" in general
    text = "El comandante explicó que el ELN les cerró el paso en el mar y robó a los ocupantes."
    assert len(strikes(text)) == 1


def test_an_event_word_with_nothing_to_join_and_no_party_is_no_incident() -> None:
    # a plan's "operaciones" in a denial: nothing told, nobody named, no strike to join
    text = ("La presidenta dijo que México no aceptará operaciones militares extranjeras en "
            "su suelo.")
    assert strikes(text) == []

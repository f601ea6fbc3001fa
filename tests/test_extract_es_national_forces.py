"""Spanish copy from Colombian papers and agencies (the `esi` development batch's kinds of
sentence, in our own words): tolls told in the perfect tense or as a revised figure, a
country's own forces named without the country, terrain words before a province, a day
told in the sentence after the event, a speaker's quoted "hoy", and campaign counts told
as "acciones" or by an ordinal."""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.extract.es.counts import read_counts
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def read(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es-forces", text=text, published=published, language="es")
    return registry.checked(registry.get_extractor("strikewatch-rules-es"), art)


def killed(text: str) -> list[tuple[int | None, int | None]]:
    return [r for field, r, _, _, _ in read_counts(text, 0, len(text)) if field == "killed"]


def events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in read(text, published) if m.kind == "event" and m.status == "occurred"]


def test_a_long_group_name_before_a_perfect_tense_death_verb_is_a_toll() -> None:
    text = ("Por lo menos 12 presuntos integrantes de la estructura armada del sur del país "
            "han perdido la vida en un bombardeo.")
    assert killed(text) == [(12, None)]


def test_the_number_of_dead_rising_to_a_figure_is_the_toll() -> None:
    text = "El Ejército informó que subió a 8 el número de guerrilleros que murieron en el ataque."
    assert killed(text) == [(8, 8)]


def test_a_first_estimate_the_report_replaced_is_no_toll() -> None:
    assert killed("El gobernador había calculado al principio cinco muertos.") == []
    assert killed("El ministro estimó inicialmente en cinco la cifra de muertos.") == []
    assert killed("El ataque dejó cinco muertos.") == [(5, 5)]


def test_forces_named_without_a_country_belong_to_the_land_they_act_in() -> None:
    got = events("Las Fuerzas Militares bombardearon el martes un campamento en el "
                 "departamento colombiano del Meta y murieron siete guerrilleros.")
    assert len(got) == 1
    assert got[0].place is not None and got[0].place.country == "CO"
    assert got[0].actor1 is not None and got[0].actor1.country == "CO"


def test_a_force_named_with_its_adjective_keeps_that_country() -> None:
    got = events("La Fuerza Aérea israelí bombardeó el martes una casa en Gaza y murieron "
                 "cuatro personas.")
    assert len(got) == 1 and got[0].actor1 is not None and got[0].actor1.country == "IL"


def test_terrain_words_before_a_province_place_the_event() -> None:
    got = events("Un bombardeo en las selvas del Caquetá dejó el martes seis disidentes "
                 "muertos, informó el Ejército de Colombia.")
    assert len(got) == 1 and got[0].place is not None and got[0].place.country == "CO"


def test_the_day_told_in_the_next_sentence_dates_the_event() -> None:
    text = ("La Armada de Colombia confirmó otro ataque contra una lancha, con tres muertos. "
            "Los hechos ocurrieron el domingo en aguas del Pacífico.")
    got = events(text)
    assert len(got) == 1 and (got[0].date_low, got[0].date_high) == ("2025-11-09",
                                                                      "2025-11-09")
    # a sentence that says something else on a day (a video published) dates nothing
    other = ("La Armada de Colombia confirmó otro ataque contra una lancha, con tres muertos. "
             "La Armada publicó el domingo un video en sus redes.")
    first = [m for m in events(other) if m.killed_low == 3]
    assert first and first[0].date_low is None


def test_a_quoted_hoy_is_the_day_it_was_said_and_joins_the_day_the_report_gives() -> None:
    text = ('El secretario informó que sus fuerzas atacaron el lunes una lancha en el Caribe '
            'y murieron tres personas.\n\n'
            '"Hoy, por orden del presidente, el Departamento de Guerra llevó a cabo un ataque '
            'contra un buque", escribió el secretario.')
    got = events(text)
    assert len(got) == 1 and got[0].date_low == "2025-11-10"


def test_actions_against_boats_and_an_ordinal_strike_are_campaign_counts() -> None:
    text = ("Hasta ahora se han contado más de 15 acciones contra embarcaciones acusadas de "
            "narcotráfico, con más de 60 muertos.")
    tallies = [m for m in read(text) if m.kind == "tally"]
    assert tallies and (tallies[0].strikes_low, tallies[0].strikes_high) == (16, None)
    got = [r for field, r, _, _, _ in read_counts(
        "Esta acción es el decimoctavo ataque de este tipo.", 0, 48) if field == "strikes"]
    assert got == [(18, 18)]


def test_a_documents_date_is_not_the_events() -> None:
    text = ("Un informe con fecha del pasado 10 de noviembre identifica a las víctimas del "
            "bombardeo en el Guaviare, en el que murieron siete guerrilleros.")
    got = events(text)
    assert got and all(m.date_low != "2025-11-10" for m in got)

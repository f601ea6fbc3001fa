"""Spanish rules for issue 14 on Spanish copy (dates, tolls and incidents as the ledger needs
them), each on sentences of our own, never a gold article's."""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch.extract import registry
from strikewatch.extract.es.counts import read_counts
from strikewatch.extract.es.dates import read_dates
from strikewatch.extract.es.fields import lede_rank
from strikewatch.extract.es.reader import SpanishRulesExtractor
from strikewatch.records import Article, Mention

PUB = "2025-11-14"  # a Friday


def read(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es-l", text=text, published=published, language="es")
    return registry.checked(registry.get_extractor("strikewatch-rules-es"), art)


def events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in read(text, published) if m.kind == "event"]


def test_a_list_told_one_sentence_per_item_takes_the_day_of_its_lede() -> None:
    got = events("Ayer las fuerzas navales hundieron tres lanchas en el Caribe. En el primer "
                 "ataque murieron cinco hombres. En el segundo, dos. En el tercero, uno.")
    assert [m.date_low for m in got] == ["2025-11-13"] * 3


def test_items_of_a_list_in_one_sentence_ranked_with_their_noun_take_the_day() -> None:
    got = events("El miércoles los militares atacaron dos botes en el Pacífico. El portavoz "
                 "dijo que en el primer ataque murieron cuatro personas y en el segundo "
                 "ataque tres.")
    assert [(m.date_low, m.killed_low) for m in got] == [("2025-11-12", 4), ("2025-11-12", 3)]


def test_a_ranked_strike_far_from_any_dated_sentence_keeps_no_day() -> None:
    text = ("El martes la Armada atacó una lancha. La embajada protestó. El ministro pidió "
            "calma. Los pescadores siguen en el puerto. El alcalde habló. En el primer ataque "
            "de la campaña murieron once personas.")
    doc = SpanishRulesExtractor().pipeline.read(
        Article(id="t-es-l", text=text, published=PUB, language="es"))
    ranked = [f for f in doc.frames if f.trigger.text.startswith("ataque")]
    assert ranked and ranked[-1].date_low is None


def test_a_figure_told_before_its_rank_belongs_to_the_next_item() -> None:
    got = events("El vocero contó que seis personas murieron en la primera lancha; dos, en la "
                 "segunda, y cinco, en la tercera.")
    assert [m.killed_low for m in got] == [6, 2, 5]


def test_figures_aboard_that_add_up_to_the_dead_and_a_survivor_are_ranges() -> None:
    got = events("Ayer la Armada atacó tres botes en el Pacífico. En el primer ataque iban "
                 "seis hombres. En el segundo, cinco. En el tercero, dos. En total murieron "
                 "12 hombres y uno sobrevivió.")
    assert [(m.killed_low, m.killed_high) for m in got] == [(5, 6), (4, 5), (1, 2)]


def test_figures_that_are_the_toll_itself_stay_exact() -> None:
    got = events("Ayer la Armada atacó tres botes. En el primer ataque murieron seis hombres, "
                 "en el segundo murieron cinco y en el tercero murieron dos. Un tripulante "
                 "sobrevivió.")
    assert [(m.killed_low, m.killed_high) for m in got] == [(6, 6), (5, 5), (2, 2)]


def test_figures_that_do_not_add_up_to_the_total_are_left_alone() -> None:
    got = events("Ayer la Armada atacó dos botes. En el primer ataque iban seis hombres. En el "
                 "segundo, cinco. Murieron cuatro y uno sobrevivió.")
    assert [(m.killed_low, m.killed_high) for m in got] == [(None, None), (None, None)]


def test_a_date_after_que_belongs_to_the_reported_strike() -> None:
    got = events("El ministro dio a conocer que ayer la Armada atacó una lancha en el Caribe.")
    assert [m.date_low for m in got] == ["2025-11-13"]


def test_a_date_in_apposition_to_the_day_of_saying_is_the_day_of_saying() -> None:
    got = events("El presidente afirmó este viernes, 14 de noviembre, que las fuerzas atacaron "
                 "una lancha en el Pacífico.")
    assert [m.date_low for m in got] == [None]


def test_a_military_operation_in_which_people_died_is_a_strike_with_its_place() -> None:
    got = events("El Pentágono comunicó una operación militar en el mar Caribe en la que "
                 "murieron cuatro personas. Las tropas atacaron una embarcación.")
    assert len(got) == 1
    assert got[0].killed_low == 4
    assert got[0].place is not None and got[0].place.name == "Caribbean Sea"


def test_a_military_operation_planned_is_a_plan() -> None:
    got = read("El gobierno prepara una operación militar contra los cárteles.")
    assert [m.status for m in got] == ["planned"]


@pytest.mark.parametrize(("phrase", "published", "low", "high"), [
    # the weekday decides the year of a day the paper dated a day early
    ("la madrugada del sábado 15 de noviembre", "2025-11-14", "2025-11-15", "2025-11-15"),
    ("el primero de noviembre", PUB, "2025-11-01", "2025-11-01"),
    ("el 1.º de noviembre", PUB, "2025-11-01", "2025-11-01"),
    ("este martes (4.11.2025)", PUB, "2025-11-04", "2025-11-04"),
    ("este martes (4.11.2025)", None, "2025-11-04", "2025-11-04"),
    ("el 04/11/2025", None, "2025-11-04", "2025-11-04"),
    ("hace tres días", PUB, "2025-11-11", "2025-11-11"),
    ("este fin de semana", "2025-11-17", "2025-11-15", "2025-11-16"),
    ("el fin de semana pasado", "2025-11-16", "2025-11-08", "2025-11-09"),
])
def test_spanish_date_forms(phrase: str, published: str | None, low: str, high: str) -> None:
    pub = dt.date.fromisoformat(published) if published else None
    got = [(r.low, r.high) for r in read_dates(phrase, pub)]
    assert got == [(low, high)]


def test_a_weekday_and_date_not_matching_any_recent_year_keep_the_usual_year() -> None:
    got = read_dates("el lunes 14 de noviembre", dt.date(2025, 11, 14))
    assert [(r.low, r.high) for r in got] == [("2025-11-14", "2025-11-14")]


def test_a_dateline_is_the_filing_day_not_the_strike_day() -> None:
    got = events("CARACAS, 12 nov (EFE).- Estados Unidos atacó otra lancha en el Caribe, "
                 "informaron fuentes oficiales.")
    assert [m.date_low for m in got] == [None]


def test_another_strike_told_after_y_is_its_own_event() -> None:
    got = events("El 10 de noviembre una lancha fue atacada en el Pacífico y murieron dos "
                 "hombres, y el 6 de noviembre murieron cuatro personas en otro bombardeo en "
                 "el Caribe.")
    assert sorted((m.date_low, m.killed_low) for m in got) == [("2025-11-06", 4),
                                                              ("2025-11-10", 2)]


def test_the_lead_strike_is_the_first_with_a_day_of_its_own() -> None:
    got = events("Nuevo ataque contra una narcolancha\n\nEl Comando Sur dio a conocer este "
                 "viernes otro bombardeo en el Caribe. [Mensaje del Comando Sur: el 14 de "
                 "noviembre la fuerza de tarea atacó una embarcación.] Así, el 10 de "
                 "noviembre otra acción en el Pacífico terminó con tres muertos.")
    recalled = [m for m in got if m.date_low == "2025-11-10"]
    # session 17's ruling (tests/gold/README.md):
    # recalled with its own day and toll, a report of that strike
    assert recalled and not any(m.background for m in recalled)
    assert any(m.date_low == "2025-11-14" and not m.background for m in got)


def test_an_action_at_sea_is_an_event_but_a_legal_action_is_not() -> None:
    got = events("El martes una acción en aguas del Pacífico terminó con dos muertos.")
    assert [(m.date_low, m.killed_low) for m in got] == [("2025-11-11", 2)]
    assert read("La familia presentó una acción de tutela ante el juez.") == []


def test_items_of_a_list_are_struck_in_the_sea_of_their_lede() -> None:
    got = events("Ayer la Armada atacó dos lanchas en el mar Caribe. En el primer ataque "
                 "murieron tres hombres. En el segundo, dos.")
    assert [m.place.name if m.place else None for m in got] == ["Caribbean Sea"] * 2


def _counts(text: str) -> dict[str, tuple[int | None, int | None]]:
    return {name: rng for name, rng, _, _, _ in read_counts(text, 0, len(text))}


@pytest.mark.parametrize(("text", "killed"), [
    ("Al menos nueve miembros de la milicia local murieron en el ataque.", (9, None)),
    ("Seis combatientes del grupo armado perdieron la vida.", (6, 6)),
    ("Las fuerzas especiales dicen haber matado a un alto cargo de la milicia.", (1, 1)),
    ("El mando aseguró que abatió a otro cabecilla del grupo.", (1, 1)),
    ("Ahmed Salim, comandante de la milicia, murió en la operación.", (1, 1)),
    ("El coche bomba mató al menos a 40 personas.", (40, None)),
    ("Los disparos mataron por lo menos a seis pescadores.", (6, None)),
])
def test_tolls_told_by_group_and_by_role(text: str, killed: tuple[int, int | None]) -> None:
    assert _counts(text).get("killed") == killed


@pytest.mark.parametrize(("text", "killed"), [
    ("El 9 de marzo murieron tres personas en el ataque.", (3, 3)),  # not 9
    ("El jefe de la policía habló el 4 de mayo.", None),
    ("El comandante del batallón visitó a los heridos.", None),
])
def test_a_date_or_a_named_official_is_no_toll_of_its_own(
        text: str, killed: tuple[int, int] | None) -> None:
    assert _counts(text).get("killed") == killed


def test_a_caption_alone_tells_no_incident() -> None:
    got = events("Otra lancha atacada: cinco muertos. Foto: Armada\n\nEl martes la Armada "
                 "atacó una embarcación en el Caribe y murieron dos tripulantes.")
    assert [(m.killed_low, m.date_low) for m in got] == [(2, "2025-11-11")]


def test_a_caption_that_restates_the_strike_joins_it() -> None:
    got = events("Lancha atacada en el Caribe. Foto: Armada\n\nEl martes la Armada atacó "
                 "una lancha en el Caribe y murieron dos tripulantes.")
    assert len(got) == 1 and got[0].killed_low == 2


def test_a_ranked_strike_of_the_ledes_strikes_is_its_own_on_the_ledes_day() -> None:
    got = events("La Armada efectuó el miércoles dos ataques en el Caribe contra lanchas.\n\n"
                 "En un ataque de principios de octubre hubo dos sobrevivientes.\n\n"
                 "El segundo ataque parece dirigido contra un bote detenido.")
    ranked = [m for m in got if "segundo ataque" in m.spans[0].text]
    assert ranked and ranked[0].date_low == "2025-11-12"
    assert all("principios de octubre" not in s.text for s in ranked[0].spans)


@pytest.mark.parametrize("text", [
    "La Armada efectuó el miércoles dos ataques. Es el primer golpe en el Caribe del que "
    "se tiene constancia.",
    "La Armada efectuó el miércoles dos ataques. El primer ataque de la campaña fue en "
    "septiembre.",
])
def test_a_rank_in_the_campaign_is_no_item_of_the_lede(text: str) -> None:
    doc = SpanishRulesExtractor().pipeline.read(
        Article(id="t-es-l", text=text, published=PUB, language="es"))
    ranked = [f for f in doc.frames if f.sentence.index == 1]
    assert ranked and all(lede_rank(doc, f) is None for f in ranked)


def test_a_sentence_naming_two_seas_gives_no_sea_to_a_list() -> None:
    got = events("La Armada atacó dos lanchas. Hasta ahora eran 10 ataques y 43 muertos en el "
                 "Caribe y el Pacífico. En el primer ataque murieron tres hombres. En el "
                 "segundo, dos.")
    assert [m.place for m in got if m.killed_low in (2, 3)] == [None, None]


def test_the_day_a_notice_went_out_is_not_the_strike_day() -> None:
    got = events("El aviso, difundido en redes sociales el jueves, dice que la Armada atacó "
                 "una lancha en el Caribe.")
    assert [m.date_low for m in got] == [None]


def test_strikes_in_general_with_only_a_month_tell_no_incident() -> None:
    got = events("El ritmo de los ataques no deja de subir: empezaron a comienzos de "
                 "septiembre.")
    assert got == []


def test_items_of_a_list_take_the_target_and_attacker_of_their_lede() -> None:
    got = events("Ayer el Comando Sur atacó tres lanchas en el Caribe.\n\nLa embajada "
                 "protestó.\n\nEl ministro pidió calma.\n\nEn el primer ataque murieron dos "
                 "hombres. En el segundo, tres. En el tercero, uno.")
    assert [(m.target_kind, m.domain) for m in got] == [("vessel", "sea")] * 3
    assert all(m.actor1 is not None and m.actor1.country == "US" for m in got)


def test_a_ranked_strike_far_after_its_lede_takes_its_target() -> None:
    got = events("La Armada efectuó el miércoles dos ataques contra lanchas en el Caribe.\n\n"
                 "La embajada protestó.\n\nEl ministro pidió calma.\n\nLos pescadores esperan."
                 "\n\nEl segundo ataque parece dirigido contra un objetivo detenido.")
    ranked = [m for m in got if "segundo ataque" in m.spans[0].text]
    assert ranked and (ranked[0].target_kind, ranked[0].domain) == ("vessel", "sea")


def test_two_strikes_on_the_same_boat_make_no_list() -> None:
    text = ("Dos ataques contra la misma lancha\n\nLa Armada disparó contra una lancha en el "
            "Caribe. Ese segundo golpe hundió la embarcación.")
    doc = SpanishRulesExtractor().pipeline.read(
        Article(id="t-es-l", text=text, published=PUB, language="es"))
    assert all(lede_rank(doc, f) is None for f in doc.frames)


@pytest.mark.parametrize(("text", "since"), [
    ("Los bombardeos, que comenzaron en septiembre, han matado a 87 personas.", "2025-09-01"),
    ("Desde el inicio de la campaña, el 2 de septiembre, han muerto 99 personas en 22 "
     "ataques.", "2025-09-02"),
    ("Desde que empezó la campaña en septiembre, EE.UU. ha atacado 21 lanchas y matado a 83 "
     "personas.", "2025-09-01"),
])
def test_a_series_start_opens_the_tallys_period(text: str, since: str) -> None:
    got = read(text)
    assert [(m.kind, m.period_low) for m in got] == [("tally", since)]


def test_a_date_reported_after_desde_que_is_the_events_own() -> None:
    got = read_dates("desde que el diario reveló que, el 2 de septiembre, atacaron",
                     dt.date(2025, 11, 14))
    assert [(r.low, r.is_period) for r in got] == [("2025-09-02", False)]


def test_a_single_strike_that_began_on_a_day_keeps_its_day() -> None:
    got = events("El ataque comenzó el martes y dejó tres muertos.")
    assert [(m.date_low, m.killed_low) for m in got] == [("2025-11-11", 3)]


def test_a_tally_since_a_month_on_an_undated_page_has_an_open_end() -> None:
    got = read("Desde agosto de 2025 la campaña acumula más de 35 golpes contra lanchas y más "
               "de 110 muertos.", published=None)
    assert [(m.kind, m.period_low, m.period_high) for m in got] == [("tally", "2025-08-01",
                                                                       None)]


def test_dozens_have_died_since_the_start_of_a_month_is_a_tally() -> None:
    got = read("Desde comienzos de septiembre, decenas de personas han muerto en los "
               "bombardeos contra lanchas en el Caribe.")
    assert [(m.kind, m.killed_low, m.period_low) for m in got] == [("tally", 24, "2025-09-01")]


def test_the_campaigns_total_after_the_days_strikes_is_a_tally_of_its_own() -> None:
    got = read("La Armada atacó el lunes en tres ocasiones cuatro lanchas y murieron 14 "
               "personas.\n\nCon los 13 ataques dados a conocer desde comienzos de septiembre, "
               "los muertos suman ya al menos 57.")
    tallies = sorted((m.strikes_low, m.killed_low) for m in got if m.kind == "tally")
    assert tallies == [(13, 57)]
    # the day's three strikes are three incidents (es_day_strikes), none with the day's toll
    strikes = [m for m in got if m.kind == "event"]
    assert sorted(m.series_rank or 0 for m in strikes) == [1, 2, 3]
    assert all(m.killed_low is None for m in strikes)


def test_a_campaign_that_washington_launched_in_a_month_opens_a_period() -> None:
    got = read_dates("la campaña antidrogas que Washington emprendió en septiembre",
                     dt.date(2025, 11, 14))
    assert [(r.low, r.is_period) for r in got] == [("2025-09-01", True)]


@pytest.mark.parametrize(("text", "want"), [
    ("Una explosión hirió además a cuatro militares.", {"injured": (4, 4)}),
    ("El ataque mató a dos e hirió a cinco personas.", {"killed": (2, 2), "injured": (5, 5)}),
    ("El dron dejó heridos a tres soldados.", {"injured": (3, 3)}),
])
def test_the_wounded_told_after_the_verb(text: str,
                                         want: dict[str, tuple[int, int]]) -> None:
    assert _counts(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Sobrevivientes: una persona resistió el impacto.", {"survivors": (1, 1)}),
    ("Bajas: dos combatientes neutralizados.", {"killed": (2, 2)}),
    ("  • Heridos: cuatro soldados.", {"injured": (4, 4)}),
    ("Lugar: 3 millas al sur de la isla.", {}),
    ("Dos tripulantes murieron y un tercero salió con vida.",
     {"killed": (2, 2), "survivors": (1, 1)}),
])
def test_a_fact_box_and_one_man_alive(text: str, want: dict[str, tuple[int, int]]) -> None:
    assert _counts(text) == want


def test_one_death_told_in_the_singular_joins_the_strike() -> None:
    got = events("Las fuerzas atacaron el martes una lancha en el Caribe. Al menos una persona "
                 "murió y dos sobrevivieron.")
    assert [(m.killed_low, m.survivors_low) for m in got] == [(1, 2)]

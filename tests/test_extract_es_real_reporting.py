"""Spanish real reporting (issue 14): tolls told as an update, the dead told as a part of
those aboard or in the passive, a kind of act that is no act, agency datelines in figures.
Every sentence is our own, in several registers (wire, broadcaster, Mexican, Colombian,
Venezuelan, Spanish copy), never a gold article's."""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.extract.es.dates import dateline
from strikewatch.records import Article, Mention

PUB = "2025-11-14"  # a Friday


def read(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es-real", text=text, published=published, language="es")
    return registry.checked(registry.get_extractor("strikewatch-rules-es"), art)


def events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in read(text, published) if m.kind == "event"]


def occurred(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in events(text, published) if m.status == "occurred"]


# --- a toll told as an update ----------------------------------------------------------

@pytest.mark.parametrize("text, toll", [
    ("Un ataque de Estados Unidos contra una narcolancha en el Caribe dejó tres muertos. "
     "La cifra de muertos se elevó después a cinco, según el Pentágono.", 5),
    ("El bombardeo de la Fuerza Aérea contra un campamento de disidentes en el Guaviare "
     "dejó siete muertos. El balance de fallecidos ascendió a 19, informó Medicina Legal.", 19),
    ("Las fuerzas estadounidenses hundieron el martes una lancha en el Pacífico; murieron "
     "dos tripulantes. El número de muertos subió a cuatro tras hallarse dos cuerpos.", 4),
    ("Un dron israelí atacó un vehículo en el sur del Líbano y mató a dos personas. El "
     "recuento de muertos llegó finalmente a tres, según la agencia oficial.", 3),
])
def test_a_toll_told_as_raised_is_the_act_s_newer_figure(text: str, toll: int) -> None:
    (m,) = occurred(text)
    assert (m.killed_low, m.killed_high) == (toll, toll)


@pytest.mark.parametrize("text, toll", [
    ("El saldo de fallecidos del ataque contra la embarcación es de seis, informó el "
     "Comando Sur.", 6),
    ("Estados Unidos atacó una lancha en el Caribe. El total de fallecidos quedó en ocho, "
     "de acuerdo con el Comando Sur.", 8),
])
def test_a_toll_told_as_where_it_stands_is_read(text: str, toll: int) -> None:
    (m,) = occurred(text)
    assert (m.killed_low, m.killed_high) == (toll, toll)


def test_a_campaign_s_running_toll_is_no_strike_s_toll() -> None:
    got = occurred("Fuerzas estadounidenses hundieron una lancha en el Caribe y murieron "
                   "tres personas. Con este ataque, la cifra de muertos en lo que va de la "
                   "campaña asciende a 83.")
    assert [(m.killed_low, m.killed_high) for m in got] == [(3, 3)]


def test_a_raised_toll_set_apart_is_not_offered_to_the_act() -> None:
    got = occurred("Un ataque de Estados Unidos contra una lancha en el Caribe dejó tres "
                   "muertos. Otros dos muertos se sumaron a la cifra de la campaña.")
    assert got[0].killed_low == 3


def test_a_list_of_fates_is_no_toll() -> None:
    got = occurred("El Ejército bombardeó el domingo un campamento del ELN en Nariño y "
                   "murieron doce guerrilleros. Este año, ochenta guerrilleros han sido "
                   "abatidos, capturados o se han desmovilizado en el departamento.")
    assert all(m.killed_low != 80 for m in got)


# --- the dead told as a part of those aboard, or in the passive --------------------------

@pytest.mark.parametrize("text, toll", [
    ("Dos de sus tripulantes murieron y uno sobrevivió tras el ataque de EE.UU. contra "
     "una lancha en el Pacífico.", 2),
    ("Tres de los ocupantes de la narcolancha murieron en el bombardeo estadounidense en "
     "el Caribe.", 3),
    ("El Comando Sur informó que tres narcoterroristas fueron abatidos en un ataque contra "
     "una embarcación en el Caribe.", 3),
    ("Según el secretario de Guerra, cuatro tripulantes fueron neutralizados en el ataque "
     "contra un semisumergible en el Pacífico oriental.", 4),
    ("Cinco presuntos narcotraficantes han sido neutralizados en un bombardeo contra una "
     "lancha rápida frente a las costas de Venezuela, dijo el Pentágono.", 5),
])
def test_the_dead_told_as_some_of_those_aboard_or_in_the_passive(text: str,
                                                                  toll: int) -> None:
    (m,) = occurred(text)
    assert (m.killed_low, m.killed_high) == (toll, toll)


# --- a kind of act is no act -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sheinbaum volvió a rechazar toda intervención militar extranjera en México.",
    "La presidenta dijo que no aceptará ninguna intervención y rechazó cualquier ataque "
    "en territorio mexicano.",
    "El canciller venezolano advirtió que todo bombardeo en su territorio sería una "
    "agresión.",
    "Según la mandataria, la solución está en la cooperación entre ambos países y no en "
    "incursiones armadas.",
    "El Gobierno colombiano condenó cualquier tipo de ataque contra pescadores.",
])
def test_a_kind_of_act_is_no_act_done(text: str) -> None:
    assert occurred(text) == []


def test_plural_acts_with_their_article_may_still_be_acts() -> None:
    got = read("El Gobierno condenó todos los ataques de la semana pasada, que dejaron "
               "seis muertos en el Caribe.")
    assert any(m.killed_low == 6 for m in got)


@pytest.mark.parametrize("text, status", [
    ("Trump amenazó con atacar a los cárteles en territorio mexicano.", "threatened"),
    ("El Pentágono planea nuevos ataques contra lanchas en el Pacífico.", "planned"),
])
def test_threats_and_plans_stay_what_they_are(text: str, status: str) -> None:
    assert [m.status for m in events(text)] == [status]


# --- agency datelines --------------------------------------------------------------------

@pytest.mark.parametrize("line, day", [
    ("Ciudad de México / 03.11.2025 (AFP) El Ejército de EE.UU. atacó una lancha.",
     "2025-11-03"),
    ("CARACAS, 12/11/2025 (EFE) – Las fuerzas de EE.UU. hundieron otra embarcación.",
     "2025-11-12"),
    ("Bogotá, 5 de noviembre de 2025 (Europa Press) - El Ejército bombardeó un campamento.",
     "2025-11-05"),
])
def test_an_agency_dateline_with_its_year_gives_the_filing_day(line: str, day: str) -> None:
    got = dateline(line)
    assert got is not None and str(got[2]) == day


@pytest.mark.parametrize("text, day", [
    ("Ciudad de México / 03.11.2025 (AFP) El Ejército de Estados Unidos bombardeó el pasado "
     "sábado una lancha en el Pacífico oriental y mató a dos personas.", "2025-11-01"),
    ("CARACAS, 12/11/2025 (EFE) – Estados Unidos atacó este martes una lancha en el Caribe "
     "y mató a tres personas, informó el Comando Sur.", "2025-11-11"),
])
def test_relative_days_on_an_undated_page_count_from_the_dateline(text: str,
                                                                  day: str) -> None:
    (m,) = occurred(text, published=None)
    assert m.date_low == day


# --- a day without its year on a page with no date ---------------------------------------

@pytest.mark.parametrize("text, day", [
    # the weekday agrees with one year the page names
    ("El domingo 20 de julio, un ataque con drones del ELN mató a tres soldados en el "
     "Catatumbo. En 2025 ya van más de 75 ataques de este tipo.", "2025-07-20"),
    ("Tres militares murieron el martes 11 de noviembre en un ataque con drones en el "
     "Cauca. Es el peor golpe a la fuerza pública desde 2023, y en lo que va de 2025 los "
     "ataques de este tipo suman más de cien.", "2025-11-11"),
    # the page tells that same day with its year elsewhere
    ("El Ejército bombardeó el 10 de noviembre un campamento en el Guaviare y murieron 19 "
     "guerrilleros. Medicina Legal entregó el informe sobre el bombardeo del 10 de "
     "noviembre de 2025.", "2025-11-10"),
])
def test_a_day_without_its_year_takes_the_year_the_undated_page_tells(text: str,
                                                                      day: str) -> None:
    got = occurred(text, published=None)
    assert got and got[0].date_low == day


def test_a_weekday_that_fits_no_named_year_dates_nothing() -> None:
    # 20 July is no Monday in 2025 or 2024: no year is guessed
    got = occurred("El lunes 20 de julio un ataque con drones del ELN mató a tres soldados en el "
                   "Catatumbo. En 2024 y 2025 hubo decenas de ataques así.", published=None)
    assert got and got[0].date_low is None


def test_a_dated_page_keeps_its_own_year() -> None:
    got = occurred("El domingo 20 de julio, un ataque con drones del ELN mató a tres "
                   "soldados en el Catatumbo. En 2019 ya se habían visto ataques de este tipo.",
                   published="2025-07-22")
    assert got[0].date_low == "2025-07-20"


# --- killing verbs and those aboard when no one survived ----------------------------------

@pytest.mark.parametrize("text, toll", [
    ("WASHINGTON (AP) — Estados Unidos destruyó este jueves un semisumergible en el Caribe "
     "y abatió a dos presuntos narcotraficantes, informó el Comando Sur.", 2),
    ("Las Fuerzas Militares de Estados Unidos dieron de baja a tres narcoterroristas en un "
     "nuevo ataque contra una lancha en el Pacífico.", 3),
    ("El Pentágono neutralizó a cuatro tripulantes de una narcolancha en el Caribe con un "
     "ataque cinético.", 4),
    ("Un bombardeo estadounidense dio muerte a cinco ocupantes de una embarcación en aguas "
     "del Pacífico.", 5),
])
def test_a_killing_verb_and_its_object_is_a_toll(text: str, toll: int) -> None:
    (m,) = occurred(text)
    assert (m.killed_low, m.killed_high) == (toll, toll)


@pytest.mark.parametrize("text, toll", [
    ("Un bombardeo estadounidense hundió una lancha rápida en el Caribe sin dejar "
     "sobrevivientes; a bordo viajaban cuatro hombres.", 4),
    ("El ataque contra la narcolancha no dejó sobrevivientes, informó el Comando Sur. A "
     "bordo iban tres personas.", 3),
    ("Estados Unidos atacó un semisumergible en el Pacífico con dos tripulantes a bordo; "
     "no hubo supervivientes.", 2),
])
def test_no_survivors_makes_those_aboard_the_dead(text: str, toll: int) -> None:
    (m,) = occurred(text)
    assert (m.killed_low, m.killed_high) == (toll, toll)
    assert (m.survivors_low, m.survivors_high) == (0, 0)


def test_those_aboard_are_no_toll_where_someone_survived() -> None:
    got = occurred("Estados Unidos atacó una lancha en el Caribe. A bordo iban cuatro "
                   "personas y dos sobrevivieron.")
    assert all(m.killed_low != 4 for m in got)


# --- relative days ------------------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    ("Antenoche, Estados Unidos atacó una narcolancha en el Caribe; murieron dos "
     "tripulantes.", "2025-11-12"),
    ("El día de ayer, fuerzas estadounidenses atacaron una lancha en el Pacífico y "
     "murieron tres personas.", "2025-11-13"),
    ("La madrugada de este lunes, un bombardeo del Ejército contra un campamento de "
     "disidentes en el Cauca dejó seis muertos.", "2025-11-10"),
    ("El pasado martes, un ataque de Estados Unidos contra una narcolancha en el Pacífico "
     "dejó dos muertos.", "2025-11-11"),
])
def test_relative_days_in_several_registers(text: str, day: str) -> None:
    (m,) = occurred(text)
    assert m.date_low == day


def test_a_dateline_without_its_year_takes_the_year_the_page_tells_its_month_with() -> None:
    (m,) = occurred("CARACAS, 12 nov (EFE).– Estados Unidos atacó este martes una lancha en "
                    "el Caribe y mató a tres personas. Desde septiembre de 2025 ya van "
                    "veinte ataques de este tipo; en noviembre de 2025 hubo cuatro.",
                    published=None)
    assert m.date_low == "2025-11-11"


def test_a_dateline_without_its_year_on_a_page_naming_none_dates_nothing() -> None:
    (m,) = occurred("CARACAS, 12 nov (EFE).– Estados Unidos atacó este martes una lancha en "
                    "el Caribe y mató a tres personas. Es la peor crisis desde 1998.",
                    published=None)
    assert m.date_low is None


def test_ingest_dates_a_spanish_dateline_without_its_year_by_the_url_month() -> None:
    from strikewatch.ingest.published import dateline_date

    text = "CARACAS, 12 nov (EFE).– Estados Unidos atacó este martes una lancha."
    assert dateline_date(text, "https://diario.example/2025/11/lancha") == "2025-11-12"
    assert dateline_date(text, "https://diario.example/2025/10/lancha") is None
    assert dateline_date(text, None) is None

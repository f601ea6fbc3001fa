"""The Spanish reader on copy worded as unseen pages word it (issue 14): the dead told by any
plural noun or through a relative clause, a passive before its subject, a crew none of
whom survived; "el miércoles pasado" in Wednesday's paper; the days of agency copy told from
its dateline; a day announced after the act ("…, informó este lunes el Comando Sur").
Every sentence is our own, in several registers (wire, Colombian, Mexican, Venezuelan,
Spanish copy), never a gold article's; negatives beside each rule."""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.extract.es.counts import read_counts
from strikewatch.extract.es.dates import read_dates
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def read(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es-unseen", text=text, published=published, language="es")
    return registry.checked(registry.get_extractor("strikewatch-rules-es"), art)


def occurred(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in read(text, published) if m.kind == "event" and m.status == "occurred"]


def killed(text: str) -> list[tuple[int | None, int | None]]:
    return [rng for name, rng, *_ in read_counts(text, 0, len(text)) if name == "killed"]


# --- the dead told by any plural noun -------------------------------------------------------

@pytest.mark.parametrize(("sentence", "n"), [
    ("El ministro dijo que siete disidentes murieron en el bombardeo de la madrugada.", 7),
    ("Murieron 19 comuneros en el ataque con explosivos contra la vereda.", 19),
    ("El bombardeo dejó como resultado la muerte de once reclusos fugados.", 11),
    ("Cuatro jornaleros perdieron la vida cuando el dron cayó sobre la finca.", 4),
    ("La Fuerza Aérea abatió a seis cabecillas en la operación del martes.", 6),
    ("En la explosión fallecieron tres transeúntes, según la alcaldía.", 3),
])
def test_dead_told_by_any_plural_noun(sentence: str, n: int) -> None:
    assert (n, n) in killed(sentence)


@pytest.mark.parametrize("sentence", [
    # things and time are no dead, whatever the death word near them
    "El ataque dejó cinco vehículos calcinados y dos casas destruidas.",
    "Murieron tres días después de llegar al hospital de Cúcuta.",
    "En 24 horas murieron varios heridos del ataque anterior.",
    # kin or friends of someone told about: a part, not the act's toll
    "Dos de sus compañeros habrían muerto cuando atacaron la lancha, dice el pescador.",
    "También murieron sus dos sucesores, uno en Idlib y el otro en Deraa.",
    # the one told about among others
    "Uno de los dos ciudadanos de Granada que murieron en la lancha era pescador.",
    # deaths denied to the act
    "Según el ministro, los tres menores muertos en la vereda no cayeron en un bombardeo.",
])
def test_no_toll_from_things_kin_or_denials(sentence: str) -> None:
    assert killed(sentence) == []


@pytest.mark.parametrize(("sentence", "n"), [
    ("Tres hombres que viajaban en una lancha murieron el sábado tras el ataque.", 3),
    ("Dos pescadores que faenaban cerca de la costa fallecieron en el bombardeo.", 2),
    ("Cinco soldados que custodiaban la base resultaron muertos por el dron.", 5),
])
def test_count_reaches_its_death_verb_through_a_relative_clause(sentence: str, n: int) -> None:
    assert (n, n) in killed(sentence)


@pytest.mark.parametrize("sentence", [
    "Tres hombres que sobrevivieron al ataque murieron meses después.",
    "Dos testigos que dijeron haber visto cómo murieron hablaron con la prensa.",
])
def test_relative_clause_of_surviving_or_saying_is_no_toll(sentence: str) -> None:
    assert (3, 3) not in killed(sentence) and (2, 2) not in killed(sentence)


@pytest.mark.parametrize(("sentence", "n"), [
    ("En el operativo fueron abatidos tres presuntos narcotraficantes.", 3),
    ("Durante el ataque resultaron muertos dos soldados de la brigada.", 2),
    ("Según el parte, han sido asesinados cuatro policías en la emboscada.", 4),
])
def test_passive_death_verb_before_its_subject(sentence: str, n: int) -> None:
    assert (n, n) in killed(sentence)


@pytest.mark.parametrize(("sentence", "n"), [
    ("Ninguno de sus tres ocupantes sobrevivió al impacto del misil.", 3),
    ("No hubo sobrevivientes entre los cuatro tripulantes, dijo el Comando Sur.", 4),
    ("Ninguno de los seis hombres a bordo logró sobrevivir, según la Armada.", 6),
    ("La lancha se hundió sin supervivientes entre sus cinco ocupantes.", 5),
])
def test_a_crew_none_of_whom_survived_is_the_toll(sentence: str, n: int) -> None:
    got = read_counts(sentence, 0, len(sentence))
    assert ("killed", (n, n)) in [(name, rng) for name, rng, *_ in got]
    assert ("survivors", (0, 0)) in [(name, rng) for name, rng, *_ in got]
    assert ("survivors", (n, n)) not in [(name, rng) for name, rng, *_ in got]


def test_no_survivors_sentence_gives_the_strike_its_toll() -> None:
    text = ("Estados Unidos hundió este domingo una lancha en el Caribe. No hubo "
            "sobrevivientes entre los tres tripulantes, dijo el Comando Sur.")
    (m,) = occurred(text)
    assert (m.killed_low, m.killed_high, m.survivors_low) == (3, 3, 0)


# --- days ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "day"), [
    ("el miércoles pasado", "2025-11-05"),   # the paper's own weekday, told as past
    ("el pasado miércoles", "2025-11-05"),
    ("el martes pasado", "2025-11-11"),      # another weekday: the last one
    ("este miércoles", "2025-11-12"),        # this very day
    ("el miércoles", "2025-11-12"),
])
def test_past_weekday_in_that_weekdays_paper(phrase: str, day: str) -> None:
    import datetime as dt
    (r,) = read_dates(f"Atacaron {phrase} una lancha.", dt.date(2025, 11, 12))
    assert (r.low, r.high) == (day, day)


@pytest.mark.parametrize(("text", "pub", "day"), [
    ("CARACAS, 3 nov (EFE).– Estados Unidos atacó ayer una embarcación en el mar Caribe y "
     "dejó tres muertos, informó el Pentágono.", "2025-11-05", "2025-11-02"),
    ("Bogotá, 3 de noviembre (Europa Press) - Las fuerzas estadounidenses bombardearon este "
     "sábado una lancha en el Pacífico y murieron sus cuatro tripulantes.", "2025-11-05",
     "2025-11-01"),
    ("MÉXICO, 3 nov (AFP) - Un ataque de EE.UU. contra una lancha en el Pacífico, la "
     "víspera, dejó dos muertos.", "2025-11-04", "2025-11-02"),
    # the dateline is the page's day: as before
    ("CARACAS, 5 nov (EFE).– Estados Unidos atacó ayer una lancha en el Caribe y dejó tres "
     "muertos.", "2025-11-05", "2025-11-04"),
    # a dateline weeks before the page is no filing day of this copy
    ("Bogotá, 3 nov (AFP) - Las fuerzas estadounidenses bombardearon ayer una lancha en el "
     "Pacífico con cuatro muertos.", "2025-11-20", "2025-11-19"),
])
def test_agency_copy_days_are_told_from_its_dateline(text: str, pub: str, day: str) -> None:
    (m,) = occurred(text, pub)
    assert (m.date_low, m.date_high) == (day, day)


@pytest.mark.parametrize(("text", "day"), [
    ("Un ataque de EE.UU. contra una narcolancha en el Caribe deja tres muertos, informó este "
     "lunes el Comando Sur.", "2025-11-10"),
    ("Las fuerzas estadounidenses destruyeron una lancha en el Pacífico con dos ocupantes, "
     "según confirmó el martes el Departamento de Guerra.", "2025-11-11"),
    ("Una embarcación fue atacada en el Caribe por fuerzas de EE.UU. y murieron sus tres "
     "tripulantes, comunicó el domingo el secretario de Guerra.", "2025-11-09"),
])
def test_day_announced_after_the_act_dates_an_undated_act(text: str, day: str) -> None:
    (m,) = occurred(text)
    assert (m.date_low, m.date_high) == (day, day)


def test_opinion_day_after_the_act_is_no_told_day() -> None:
    text = ("Un ataque de EE.UU. contra una lancha en el Caribe dejó tres muertos, afirmó este "
            "lunes un analista, que lo calificó de ilegal.")
    (m,) = occurred(text)
    assert m.date_low is None


@pytest.mark.parametrize("sentence", [
    "Las diez operaciones terminaron con 23 terroristas muertos o detenidos, según el mando.",
    "El ataque dejó 30 personas entre muertos y heridos en el mercado.",
    "Hubo al menos 12 guerrilleros muertos o capturados en la ofensiva.",
])
def test_dead_told_with_the_taken_or_hurt_is_no_toll(sentence: str) -> None:
    assert killed(sentence) == []


def test_dead_and_hurt_told_apart_stay_a_toll() -> None:
    assert (3, 3) in killed("El bombardeo dejó tres muertos y dos heridos en la vereda.")


@pytest.mark.parametrize(("phrase", "day"), [
    ("este domingo 9", "2025-11-09"),
    ("el pasado lunes 10", "2025-11-10"),
    ("el martes 11", "2025-11-11"),
    ("el día 9", "2025-11-09"),
    ("el pasado día 28", "2025-10-28"),     # the 28th still to come this month: last month's
])
def test_day_of_month_told_without_its_month(phrase: str, day: str) -> None:
    import datetime as dt
    (r,) = read_dates(f"Atacaron {phrase} una lancha.", dt.date(2025, 11, 12))
    assert (r.low, r.high) == (day, day)


@pytest.mark.parametrize("phrase", [
    "el lunes 9",              # 9 November 2025 was a Sunday: no such Monday lately
    "el día 9 de noviembre",   # a full date, read as one
])
def test_day_of_month_that_does_not_fit_or_has_its_month(phrase: str) -> None:
    import datetime as dt
    reads = read_dates(f"Atacaron {phrase} una lancha.", dt.date(2025, 11, 12))
    assert all(r.low != "2025-11-09" or "noviembre" in phrase for r in reads)
    if "noviembre" not in phrase:
        assert reads == []


# --- an act only named ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Petro sostuvo una vez que un barco atacado por Estados Unidos era colombiano, algo que "
    "la Casa Blanca negó. Los expertos debaten si eso es legal.",
    "Tras el primer ataque, varios juristas consultados dijeron que Washington podría haber "
    "violado el derecho del mar.",
    "Que se haya conocido un segundo ataque contra la misma lancha ha desatado la polémica "
    "entre los especialistas.",
])
def test_an_act_named_with_no_day_or_figure_is_background(text: str) -> None:
    assert occurred(text, None) == [] or all(m.background for m in occurred(text, None))
    assert all(m.background for m in occurred(text))


@pytest.mark.parametrize("text", [
    # a day, a toll, a day it was announced: each makes it a report
    "Estados Unidos atacó este lunes una lancha en el Caribe, según el Comando Sur.",
    "Un ataque de Estados Unidos contra una lancha en el Caribe dejó tres muertos.",
    "El Comando Sur informó el martes de un ataque contra una embarcación en el Pacífico.",
])
def test_an_act_with_a_day_or_figure_stays_news(text: str) -> None:
    got = occurred(text)
    assert got and not any(m.background for m in got)


def test_a_ranked_strike_of_a_counted_run_stays_news() -> None:
    text = ("Las fuerzas de EE.UU. hicieron tres ataques contra lanchas en el Pacífico. "
            "El tercer ataque, según el video, fue contra dos botes quietos.")
    got = [m for m in occurred(text, None) if m.kind == "event"]
    assert got and not any(m.background for m in got)


@pytest.mark.parametrize(("phrase", "low", "high", "precision"), [
    ("la semana pasada", "2025-11-03", "2025-11-09", 2),
    ("la pasada semana", "2025-11-03", "2025-11-09", 2),
    ("esta semana", "2025-11-10", "2025-11-12", 2),
    ("el mes pasado", "2025-10-01", "2025-10-31", 3),
    ("este mes", "2025-11-01", "2025-11-12", 3),
])
def test_week_or_month_told_relative_to_the_page(phrase: str, low: str, high: str,
                                                  precision: int) -> None:
    import datetime as dt
    (r,) = read_dates(f"Atacaron {phrase} una lancha.", dt.date(2025, 11, 12))
    assert (r.low, r.high, r.precision) == (low, high, precision)


def test_week_on_an_undated_page_stays_open() -> None:
    assert read_dates("Atacaron la semana pasada una lancha.", None) == []


def test_an_act_with_a_day_the_undated_page_cannot_resolve_stays_news() -> None:
    for text in ("El ataque llega después de que el jueves Israel bombardeara varios "
                 "edificios de cinco aldeas.",
                 "Fuerzas de EE.UU. atacaron el sábado una lancha en el Caribe.",
                 "Según la Armada, la embarcación fue bombardeada en la madrugada del lunes."):
        got = occurred(text, None)
        assert got and not any(m.background for m in got)


@pytest.mark.parametrize("opening", ["Horas después", "Poco antes", "Minutos más tarde",
                                     "Al día siguiente"])
def test_an_act_timed_from_the_one_before_stays_news(opening: str) -> None:
    text = (f"Un dron israelí bombardeó este viernes un coche en Bint Jbeil y mató a su "
            f"conductor. {opening} se registró otro bombardeo sobre Kafr Kila.")
    got = occurred(text)
    assert got and not any(m.background for m in got)

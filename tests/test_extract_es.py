"""The Spanish reader (strikewatch-rules-es), rule by rule, on Spanish sentences of our own
(not the gold set's): event words, status, dates, counts, actors, attribution, tallies,
places, and routing through the extractor registry."""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch import geo
from strikewatch.extract import registry
from strikewatch.extract.es.counts import read_counts
from strikewatch.extract.es.dates import read_dates
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def read(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es", text=text, published=published, language="es")
    return registry.checked(registry.get_extractor("strikewatch-rules-es"), art)


def only(text: str, published: str | None = PUB) -> Mention:
    got = read(text, published)
    assert len(got) == 1, [m.spans[0].text for m in got]
    return got[0]


def test_registered_for_spanish_and_routed() -> None:
    ex = registry.get_extractor("strikewatch-rules-es")
    assert ex.languages == frozenset({"es"})
    assert "es" in registry.reader_languages()
    assert registry.for_language("es") is ex
    assert registry.for_language("es-MX") is ex
    assert registry.for_language("en") is registry.get_extractor()


def test_strike_on_boat_with_every_field_and_its_spanish_sentence() -> None:
    text = ("El Comando Sur atacó ayer una narcolancha en el mar Caribe y murieron tres "
            "tripulantes, según informó el Pentágono.")
    m = only(text)
    assert (m.kind, m.status, m.event_type) == ("event", "occurred", "Explosions/Remote violence")
    assert (m.killed_low, m.killed_high) == (3, 3)
    assert (m.date_low, m.time_precision) == ("2025-11-11", 1)
    assert m.actor1 is not None and m.actor1.country == "US"
    assert (m.target_kind, m.domain) == ("vessel", "sea")
    assert m.place is not None and m.place.geo_precision == 6 and m.place.country is None
    assert any(a.name == "Pentágono" for a in m.attribution)
    # every field rests on words of the Spanish sentence
    assert m.spans[0].text == text
    assert m.provenance["killed"][0].text == "tres"
    assert m.provenance["date"][0].text == "ayer"
    assert m.provenance["actor1"][0].text == "Comando Sur"


@pytest.mark.parametrize(("sentence", "status"), [
    ("El Pentágono planea bombardeos contra laboratorios en tierra.", "planned"),
    ("Washington prevé nuevos ataques contra los cárteles.", "planned"),
    ("El presidente amenazó con atacar por tierra y dijo que los ataques empezarán pronto.",
     "threatened"),
    ("La Marina negó que sus buques bombardearan una lancha de pescadores.", "denied"),
])
def test_status_cues(sentence: str, status: str) -> None:
    assert only(sentence).status == status


def test_hedges_keep_the_event_occurred() -> None:
    m = only("Un ataque habría matado a dos presuntos narcotraficantes frente a Sucre.")
    assert m.status == "occurred"
    assert "habría" in m.hedges


def test_no_event_from_a_shipwreck_an_infinitive_or_a_metaphor() -> None:
    assert read("La embarcación se hundió el sábado con veinte migrantes a bordo.") == []
    assert read("El ministro dijo que no hay excusa para atacar esos botes.") == []
    assert read("La noticia cayó como un golpe en el pueblo pesquero.") == []


@pytest.mark.parametrize(("phrase", "want"), [
    ("el ataque dejó seis fallecidos", ("killed", (6, 6))),
    ("murieron al menos cuatro personas", ("killed", (4, None))),
    ("al menos 64 personas murieron", ("killed", (64, None))),
    ("dejó una veintena de muertos", ("killed", (20, 20))),
    ("hubo más de 30 muertos", ("killed", (31, None))),
    ("casi una decena de muertos", ("killed", (None, 9))),
    ("dejó decenas de muertos", ("killed", (24, None))),
    ("murieron veintidós tripulantes", ("killed", (22, 22))),
    ("salieron con vida dos hombres", ("survivors", (2, 2))),
    ("un sobreviviente", ("survivors", (1, 1))),
    ("el misil mató el domingo a tres tripulantes", ("killed", (3, 3))),
    ("murieron los cinco presuntos narcotraficantes", ("killed", (5, 5))),
    ("dicen que murieron sus 12 ocupantes", ("killed", (12, 12))),
    ("el pueblo llora la muerte de siete de sus pescadores", ("killed", (7, 7))),
])
def test_counts(phrase: str, want: tuple[str, tuple[int | None, int | None]]) -> None:
    got = [(k, r) for k, r, _, _, _ in read_counts(phrase, 0, len(phrase))]
    assert want in got


def test_aboard_and_packages_are_no_deaths() -> None:
    for phrase in ("iban a bordo ocho personas", "decomisaron 377 paquetes de cocaína"):
        assert read_counts(phrase, 0, len(phrase)) == []


@pytest.mark.parametrize(("phrase", "low", "precision"), [
    ("ayer", "2025-11-11", 1),
    ("el martes", "2025-11-11", 1),
    ("la noche del jueves 6 de noviembre", "2025-11-06", 1),
    ("el pasado 2 de septiembre", "2025-09-02", 1),
    ("a mediados de septiembre", "2025-09-01", 3),
    ("el 28 de diciembre", "2024-12-28", 1),
])
def test_dates_relative_to_publication(phrase: str, low: str, precision: int) -> None:
    got = read_dates(phrase, dt.date.fromisoformat(PUB))
    assert got and (got[0].low, got[0].precision) == (low, precision)


def test_relative_dates_stay_unresolved_without_publication() -> None:
    assert read_dates("el martes", None) == []


def test_tally_with_period() -> None:
    m = only("Con este golpe, la campaña eleva a 64 el número de muertos desde septiembre.")
    assert m.kind == "tally"
    assert (m.killed_low, m.killed_high) == (64, 64)
    assert m.period_low == "2025-09-01" and m.period_high == PUB


def test_several_strikes_are_a_tally() -> None:
    m = only("Estados Unidos bombardeó otras tres presuntas narcolanchas en el Pacífico y "
             "murieron 11 personas.")
    assert m.kind == "tally"
    assert (m.strikes_low, m.strikes_high) == (3, 3)


def test_lede_and_body_restating_one_strike_make_one_mention() -> None:
    got = read("EE.UU. bombardeó una narcolancha en el Pacífico oriental. "
               "Hegseth dijo que el ataque dejó cuatro muertos en aguas internacionales.")
    assert len(got) == 1
    assert (got[0].killed_low, got[0].killed_high) == (4, 4)
    assert len(got[0].spans) == 2


def test_actors_and_their_countries() -> None:
    m = only("La Armada de Colombia abrió fuego contra una lancha en Tumaco el martes.")
    assert m.actor1 is not None and m.actor1.country == "CO"
    m = only("El Gobierno de Nicolás Maduro denunció que EE. UU. atacó una lancha el martes.")
    assert m.actor1 is not None and m.actor1.country == "US"


def test_anonymous_sources() -> None:
    m = only("Según fuentes anónimas, el Pentágono atacó una lancha el lunes.")
    assert any(a.anonymous for a in m.attribution)


@pytest.mark.parametrize(("name", "country", "precision"), [
    ("mar Caribe", None, 6), ("Pacífico Oriental", None, 6), ("Golfo de México", None, 6),
    ("océano Pacífico", None, 6), ("Estados Unidos", "US", 5), ("EE.UU.", "US", 5),
    ("Península de Paria", "VE", 4), ("Trinidad y Tobago", "TT", 5),
])
def test_gazetteer_reads_spanish_names(name: str, country: str | None, precision: int) -> None:
    text = f"Los hechos ocurrieron en {name}."
    got = geo.places_in(text)
    assert got and got[0].place.country == country and got[0].place.geo_precision == precision


def test_boat_off_a_coast_has_no_country() -> None:
    m = only("EE.UU. atacó una lancha frente a las costas de Venezuela el lunes.")
    assert m.place is None or m.place.country is None


def test_a_list_of_strikes_by_ordinal_is_one_event_per_item() -> None:
    got = read("El lunes la Armada de EE.UU. atacó tres lanchas en el Caribe. El portavoz "
               "contó cinco muertos en la primera lancha y dos en la segunda; de los tres que "
               "iban en la tercera, uno murió.")
    # one ranked strike per item, each with the lede's words and its own toll
    events = [m for m in got if m.kind == "event" and m.series_rank is not None and
              any("primera" in s.text for s in m.spans) and m.provenance.get("killed")]
    figures = sorted((m.killed_low, m.killed_high) for m in events)
    assert figures == [(1, 1), (2, 2), (5, 5)]
    for m in events:
        assert (m.date_low, m.target_kind) == ("2025-11-10", "vessel")


def test_attribution_names_the_speaker_not_the_words_before_the_verb() -> None:
    m = only("Estados Unidos atacó una lancha en el mar Caribe y murieron tres personas, "
             "informó el Comando Sur.")
    assert [a.name for a in m.attribution] == ["Comando Sur"]
    m = only("Hegseth, secretario de Guerra, dijo que el ataque dejó dos muertos el lunes.")
    assert "Hegseth" in [a.name for a in m.attribution]


def test_other_incidents_at_sea_are_strategic_developments() -> None:
    m = only("Un guardacostas abordó el sábado un pesquero con doce tripulantes frente a Aruba.")
    assert (m.event_type, m.status, m.target_kind) == ("Strategic developments", "occurred",
                                                       "vessel")
    m = only("El semisumergible cayó en manos de la Armada de Colombia el jueves.")
    assert m.actor1 is not None and m.actor1.country == "CO"


def test_the_campaigns_nth_strike_is_a_tally_of_that_many() -> None:
    m = only("Es el noveno bombardeo de la campaña, que ya suma 40 muertos.")
    assert m.kind == "tally"
    assert (m.strikes_low, m.killed_low) == (9, 40)


@pytest.mark.parametrize(("sentence", "status"), [
    ("A cualquier cártel que trafique lo podemos atacar, dijo el presidente.", "threatened"),
    ("En el Pentágono hay quienes quieren bombardear laboratorios de droga.", "planned"),
    ("Los militares niegan que su Marina tiroteara pangas de pescadores.", "denied"),
])
def test_more_status_cues(sentence: str, status: str) -> None:
    assert only(sentence).status == status


def test_a_plan_told_after_an_occurred_campaign_is_its_own_event() -> None:
    got = read("Estados Unidos hundió el lunes una lancha y murieron tres personas, y el "
               "presidente ha avisado de que lo próximo será una ofensiva en tierra.")
    assert sorted(m.status for m in got) == ["occurred", "planned"]
    plan = next(m for m in got if m.status == "planned")
    assert plan.provenance["status"][0].text.lower() == "lo próximo"


def test_a_far_casualty_sentence_does_not_join_the_last_strike() -> None:
    text = ("EE.UU. atacó el lunes una lancha en el Caribe y murieron dos personas. "
            "El Gobierno no dio más detalles. Los familiares pidieron justicia. "
            "La oposición pidió explicaciones. El Congreso debatirá el tema. "
            "Una senadora recordó que en otras operaciones murieron 14 personas.")
    m = only(text)
    assert (m.killed_low, m.killed_high) == (2, 2)


@pytest.mark.parametrize("text", [
    "El 9 de noviembre, unos ataques con drones mataron a 21 personas en los mercados de "
    "dos pueblos del norte.",
    "Los bombardeos del lunes dejaron 12 muertos en un barrio de la capital.",
])
def test_plural_strikes_with_a_day_of_their_own_are_that_days_incident(text: str) -> None:
    m = only(text)
    assert m.kind == "event" and m.date_low is not None and m.date_low == m.date_high


@pytest.mark.parametrize("text", [
    # no day of their own
    "Los bombardeos con drones mataron a 21 personas en los mercados del norte.",
    # a toll grown to now, the day only when the fighting worsened
    "Decenas de civiles han muerto en la escalada, que el lunes se agravó con bombardeos "
    "sobre la frontera.",
])
def test_plural_strikes_with_no_day_of_their_own_sum_a_tally(text: str) -> None:
    assert [m.kind for m in read(text) if m.status == "occurred"] == ["tally"]

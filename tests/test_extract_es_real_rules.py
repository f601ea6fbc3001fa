"""Spanish reader rules for real wire and broadcaster copy (issue 14), on sentences of our
own: generic plurals in a named sea, references with nothing to refer to, and the
wording of dates, tolls, places and statuses that real Spanish reports use."""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def read(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es-real", text=text, published=published, language="es")
    return registry.checked(registry.get_extractor("strikewatch-rules-es"), art)


def test_plural_strikes_in_a_named_sea_are_the_campaign_not_an_incident() -> None:
    # a headline over a report about the campaign: the sea is its theatre, no strike's place
    text = ("Una ONG pide investigar los bombardeos de EE.UU. a lanchas en el Pacífico\n"
            "Resumen de la noticia\n\n"
            "La organización dijo que los ataques violan el derecho internacional.")
    assert [m for m in read(text) if m.kind == "event"] == []


def test_plural_strikes_with_a_toll_in_a_sea_still_count() -> None:
    got = read("Los bombardeos en el Caribe dejaron ayer seis muertos, según el Pentágono.")
    assert len(got) == 1 and (got[0].killed_low, got[0].killed_high) == (6, 6)


def test_a_reference_with_nothing_before_it_is_no_incident() -> None:
    # the actor of the sentence before is borrowed, not told: nothing of its own remains
    text = ("El secretario Hegseth habló en una rueda de prensa sobre narcotráfico.\n\n"
            "¿Qué se sabe de este nuevo ataque?")
    assert [m for m in read(text) if m.kind == "event" and m.status == "occurred"] == []


def test_this_new_strike_refers_back_but_a_new_strike_is_another() -> None:
    text = ("El Comando Sur atacó el lunes una lancha en el Caribe y murieron tres personas. "
            "Este nuevo ataque fue condenado por Caracas.")
    got = [m for m in read(text) if m.kind == "event"]
    assert len(got) == 1 and got[0].killed_low == 3
    text2 = ("El Comando Sur atacó el lunes una lancha en el Caribe y murieron tres personas. "
             "El martes, un nuevo ataque en el Pacífico mató a dos.")
    got2 = sorted(m.killed_low or 0 for m in read(text2) if m.kind == "event")
    assert got2 == [2, 3]


def test_a_town_after_a_spanish_cue_in_a_named_country_is_the_place() -> None:
    text = ("Un ataque con drones contra un puesto del Ejército colombiano en Aguachica dejó "
            "ayer cuatro soldados muertos.")
    m = next(m for m in read(text) if m.kind == "event")
    assert m.place is not None and (m.place.country, m.place.name) == ("CO", "Aguachica")
    assert m.provenance["place"][0].text == "Aguachica"


def test_a_spanish_exonym_finds_the_place_in_the_named_country() -> None:
    # "Palmira" is a Colombian town too: in a report on Syria it is Syria's Tadmur
    text = ("Un atacante abrió fuego contra una patrulla en Palmira, en Siria, y murieron "
            "tres soldados.")
    m = next(m for m in read(text) if m.kind == "event")
    assert m.place is not None and m.place.country == "SY"
    text2 = "Dos coches bomba estallaron el lunes en Mogadiscio; el atentado mató a 20 personas."
    assert read(text2) == [] or all(x.place is None for x in read(text2))  # Somalia unnamed
    m3 = next(m for m in read(text2 + " Somalia vive días de luto.") if m.kind == "event")
    assert m3.place is not None and m3.place.country == "SO"


def test_a_party_after_de_is_no_place() -> None:
    text = "El ataque de Estados Unidos en Venezuela dejó dos muertos, según Caracas."
    m = next(m for m in read(text) if m.kind == "event")
    assert m.place is not None and m.place.country == "VE"


def test_a_month_in_the_headline_takes_the_day_the_body_tells() -> None:
    text = ("Críticas por el ataque a la lancha de octubre\n\n"
            "El Comando Sur atacó el 14 de octubre una lancha en el Caribe y murieron seis "
            "personas, según el Pentágono.")
    m = next(m for m in read(text) if m.kind == "event")
    assert (m.date_low, m.date_high, m.time_precision) == ("2025-10-14", "2025-10-14", 1)
    assert m.provenance["date"][0].text == "14 de octubre"


def test_the_operation_took_place_on_gives_the_day_of_the_strike_told() -> None:
    text = ("La Armada atacó una lancha en el Pacífico y murieron dos tripulantes.\n\n"
            "La operación se realizó el 3 de noviembre, según fuentes militares.")
    got = [m for m in read(text) if m.kind == "event"]
    assert len(got) == 1
    assert (got[0].date_low, got[0].time_precision, got[0].killed_low) == ("2025-11-03", 1, 2)
    # a legal action is no operation: no strike from "la acción judicial"
    assert read("La acción judicial se presentó el lunes ante el tribunal.") == []


def test_a_running_toll_of_victims_far_from_the_strike_is_a_tally() -> None:
    text = ("El Comando Sur atacó el lunes una lancha en el Caribe; murieron tres personas.\n\n"
            "Según el Pentágono, la lancha navegaba por rutas del narcotráfico.\n\n"
            "El comunicado no dio la nacionalidad de los tripulantes.\n\n"
            "Tampoco precisó el lugar exacto del hundimiento.\n\n"
            "La campaña militar ya suma cerca de 140 víctimas desde septiembre.")
    tallies = [m for m in read(text) if m.kind == "tally"]
    assert len(tallies) == 1 and tallies[0].killed_low == 140
    assert tallies[0].approx == ["killed"]


def test_an_agency_dateline_is_the_filing_day_not_the_strike_day() -> None:
    text = ("Bogotá, 11 de noviembre (EFE).- Un bombardeo del Ejército colombiano contra un "
            "campamento del ELN dejó siete guerrilleros muertos el domingo.")
    m = only_event(text)
    assert (m.date_low, m.time_precision) == ("2025-11-09", 1)
    no_day = ("Ciudad de México, 11 nov (EFE).- Un ataque contra una lancha en el Pacífico "
              "dejó tres muertos, informó la Semar.")
    assert only_event(no_day).date_low is None


def test_a_dateline_with_a_year_dates_a_page_that_came_without_one() -> None:
    text = ("Washington, 2 de diciembre de 2025 (AFP) - El Comando Sur atacó el domingo una "
            "lancha en el Caribe y murieron tres personas.")
    m = only_event(text, published=None)
    assert (m.date_low, m.time_precision) == ("2025-11-30", 1)


def test_one_dead_and_one_hurt_told_in_the_singular() -> None:
    m = only_event("Un ataque con drones dejó un soldado muerto y tres heridos en el sur de "
                   "Colombia.")
    assert (m.killed_low, m.killed_high, m.injured_low, m.injured_high) == (1, 1, 3, 3)
    m2 = only_event("Un policía murió y otro resultó herido en el ataque de este martes en "
                    "Colombia.")
    assert (m2.killed_low, m2.injured_low) == (1, 1)


def test_a_country_after_a_compass_point_is_the_place() -> None:
    m = only_event("Al menos cinco personas murieron el domingo en un ataque aéreo en el norte "
                   "de Siria.")
    assert m.place is not None and m.place.country == "SY"


def test_a_province_after_en_el_in_a_named_country() -> None:
    m = only_event("El Ejército colombiano bombardeó un campamento del ELN en el Cauca y "
                   "murieron siete guerrilleros.")
    assert m.place is not None and (m.place.name, m.place.country) == ("Cauca", "CO")


def only_event(text: str, published: str | None = PUB) -> Mention:
    got = [m for m in read(text, published) if m.kind == "event"]
    assert len(got) == 1, [m.spans[0].text for m in got]
    return got[0]


def test_a_new_operativo_and_a_third_who_survived() -> None:
    text = ("El Comando Sur informó que este 10 de noviembre ejecutó un nuevo operativo en el "
            "océano Pacífico contra una lancha. El ataque dejó dos muertos y una tercera "
            "persona salió con vida.")
    m = only_event(text)
    assert (m.date_low, m.time_precision) == ("2025-11-10", 1)
    assert (m.killed_low, m.survivors_low, m.survivors_high) == (2, 1, 1)
    assert (m.target_kind, m.domain) == ("vessel", "sea")
    # a police operation is no strike
    assert read("La Policía hizo un operativo policial en Cali el lunes.") == []


def test_operations_against_boats_counted_with_their_dead_are_a_tally() -> None:
    text = ("Desde agosto, el Comando Sur ha efectuado más de 35 operaciones parecidas contra "
            "embarcaciones en el Caribe y el Pacífico, con más de 110 personas fallecidas.")
    t = [m for m in read(text) if m.kind == "tally"]
    assert len(t) == 1
    assert (t[0].strikes_low, t[0].strikes_high, t[0].killed_low) == (36, None, 111)


def test_hurt_in_the_feminine() -> None:
    m = only_event("Un bombardeo en Saná, en Yemen, mató el martes a cinco personas y otras "
                   "doce quedaron heridas.")
    assert (m.injured_low, m.injured_high) == (12, 12)


def test_one_nights_raid_is_one_incident_and_a_toll_since_a_day_is_a_tally() -> None:
    text = ("EE.UU. sigue bombardeando Yemen: al menos 20 muertos desde el lunes\n\n"
            "Los bombardeos de la noche del martes dejaron cuatro muertos en Saná, en Yemen, "
            "según los hutíes.")
    got = read(text)
    raid = [m for m in got if m.kind == "event"]
    assert len(raid) == 1 and (raid[0].killed_low, raid[0].date_low) == (4, "2025-11-11")
    tally = [m for m in got if m.kind == "tally"]
    assert len(tally) == 1 and tally[0].killed_low == 20 and tally[0].date_low is None
    # strikes with a toll and no day of their own still sum strikes
    assert read("Los bombardeos contra lanchas ya dejaron 80 muertos.")[0].kind == "tally"


def test_the_strike_told_after_despues_de_que_is_its_own() -> None:
    text = ("Los bombardeos de la noche del martes dejaron cuatro muertos en Saná, en Yemen. "
            "Esos ataques llegaron después de que el domingo Estados Unidos golpeara la ciudad "
            "de Hodeidah, donde murieron 13 personas.")
    got = sorted((m.killed_low, m.date_low) for m in read(text) if m.kind == "event")
    assert got == [(4, "2025-11-11"), (13, "2025-11-09")]


def test_night_into_the_next_dawn_spans_both_days() -> None:
    m = only_event("Los bombardeos de la noche del lunes y la madrugada del martes dejaron "
                   "cinco muertos en Saná, en Yemen.")
    assert (m.date_low, m.date_high) == ("2025-11-10", "2025-11-11")


def test_a_local_report_names_its_province_or_the_armed_group_not_the_country() -> None:
    text = ("Un ataque con drones dejó dos soldados muertos en el municipio de El Tarra, en "
            "Norte de Santander.")
    m = only_event(text)
    assert m.place is not None and m.place.country == "CO"
    m2 = only_event("Un ataque con drones del ELN golpeó al municipio de Tibú y dejó tres "
                    "soldados muertos.")
    assert m2.place is not None and m2.place.country == "CO"
    assert m2.actor1 is not None and m2.actor1.name == "Ejército de Liberación Nacional"


def test_an_armed_group_after_contra_was_hit_not_the_attacker() -> None:
    m = only_event("El Comando Sur lanzó un bombardeo contra un submarino del ELN en el "
                   "Pacífico y murieron dos personas.")
    assert m.actor1 is not None and m.actor1.country == "US"
    m2 = only_event("Un bombardeo contra un submarino del ELN en el Pacífico dejó dos muertos.")
    assert m2.actor1 is None or m2.actor1.name != "Ejército de Liberación Nacional"


def test_an_event_told_by_a_day_before_the_articles_own_is_history() -> None:
    text = ("Tropas de Estados Unidos mataron este martes a un dirigente del Estado Islámico en "
            "una operación en Siria. Ya a finales de septiembre el CENTCOM había asegurado que "
            "abatió a otro dirigente del grupo.")
    got = [m for m in read(text) if m.kind == "event" and m.status == "occurred"]
    assert len(got) == 2
    today = next(m for m in got if not m.background)
    assert today.date_low == "2025-11-11"
    old = next(m for m in got if m.background)
    assert old.killed_low == 1 and old.date_low is None  # over by then; its day untold


def test_a_part_of_a_running_total_is_a_tally_of_its_own() -> None:
    text = ("Con este ya son 40 los ataques desde septiembre, con 150 muertos; de ellos, 30 en "
            "los siete ataques realizados desde que empezó 2026.")
    got = sorted((m.strikes_low or 0) for m in read(text) if m.kind == "tally")
    assert got == [7, 40]


def test_a_tally_takes_no_town() -> None:
    text = ("Estados Unidos ya suma 40 ataques contra lanchas desde septiembre, con 150 "
            "muertos, y Maduro está preso en Nueva York.")
    t = [m for m in read(text) if m.kind == "tally"]
    assert len(t) == 1 and (t[0].place is None or t[0].place.kind != "populated place")

"""What a Spanish report says once and a coder reads for the whole page (issue 14): a
headline's vague "varios heridos" and the lede's figure are one attack's wounded; a town
named with its state and no "en" ("Coahuayana, Michoacán") places the event; a photo
caption that carries the only day gives it to the event it shows; forces named without a
country ("la Guardia Nacional") are the country's the page's places lie in. The texts are
our own."""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def read(text: str, published: str | None = PUB, lang: str = "es") -> list[Mention]:
    art = Article(id="t-es-page", text=text, published=published, language=lang)
    return registry.checked(registry.for_language(lang), art)  # type: ignore[arg-type]


def strikes(text: str, published: str | None = PUB, lang: str = "es") -> list[Mention]:
    return [m for m in read(text, published, lang)
            if m.kind == "event" and m.status == "occurred"]


def test_a_headlines_vague_wounded_and_the_ledes_figure_are_one_attack() -> None:
    text = ("Explota un coche bomba en Zamora y deja tres muertos y varios heridos\n\n"
            "Un coche bomba explotó el martes frente a la comandancia de policía de Zamora, "
            "en el estado de Michoacán, y dejó tres muertos y al menos nueve heridos.\n\n"
            "El alcalde dijo que la explosión \"dejó tres fallecidos y 9 lesionados\".")
    got = strikes(text)
    assert len(got) == 1
    assert got[0].killed_low == 3 and got[0].injured_low == 9  # the figure, not "varios" (3)


def test_dozens_of_wounded_and_seven_are_two_attacks() -> None:
    # a vague word agrees only with what its range holds: "decenas" (24 or more) is not 7
    text = ("Un coche bomba explotó el martes frente a la comandancia de Zamora y dejó "
            "decenas de heridos.\n\n"
            "Otro coche bomba explotó el lunes en Uruapan y dejó siete heridos.")
    assert len(strikes(text)) == 2


def test_several_wounded_in_an_english_headline_and_the_ledes_figure_are_one() -> None:
    text = ("Car bomb kills two, wounds several in Kabul\n\n"
            "A car bomb exploded outside a police station in Kabul on Tuesday, killing two "
            "people and wounding at least seven, officials said.")
    got = strikes(text, lang="en")
    assert len(got) == 1
    assert got[0].killed_low == 2 and got[0].injured_low == 7


def test_a_town_written_with_its_state_places_the_event() -> None:
    # no "en" before the town, and no country named anywhere on the page
    text = ("Estalla un coche bomba frente a la comandancia de Tepalcatepec, Michoacán\n\n"
            "Un coche bomba explotó el martes frente a la comandancia de Tepalcatepec, "
            "Michoacán, y dejó dos muertos.")
    got = strikes(text)
    assert len(got) == 1
    assert got[0].place is not None and got[0].place.country == "MX"
    assert got[0].place.name is not None and got[0].place.name.startswith("Tepalcatepec")


def test_a_town_with_en_el_estado_de_its_state_is_the_town() -> None:
    text = ("Un coche bomba explotó el martes contra la comandancia de policía de "
            "Tepalcatepec, en el estado de Michoacán, y dejó dos muertos.")
    got = strikes(text)
    assert len(got) == 1 and got[0].place is not None
    assert got[0].place.name is not None and got[0].place.name.startswith("Tepalcatepec")


def test_a_town_and_a_state_that_are_not_its_own_place_nothing() -> None:
    # "Tibú" lies in Norte de Santander, not in Michoacán: the pair is no town of a state
    text = ("Un coche bomba explotó el martes frente a la estación de Tibú, Michoacán, y "
            "dejó dos muertos.")
    got = strikes(text)
    assert len(got) == 1
    assert got[0].place is None or got[0].place.name != "Tibú"


def test_national_guard_named_without_a_country_is_the_countrys_of_the_page() -> None:
    text = ("Un guardia disparó el sábado contra tres militares en Aguililla, Michoacán.\n\n"
            "Elementos de la Guardia Nacional atacaron a civiles armados en el municipio de "
            "Aguililla y mataron a dos de ellos.")
    got = strikes(text)
    guard = [m for m in got if m.actor1 is not None and m.actor1.name == "Guardia Nacional"]
    assert guard and all(m.actor1 is not None and m.actor1.country == "MX" for m in guard)


def test_a_force_of_a_named_country_is_that_countrys() -> None:
    # "de Venezuela" after the force names its country, whatever the place (here Colombia)
    text = ("La Guardia Nacional de Venezuela atacó el martes un campamento en Arauca, "
            "Colombia, y mató a tres personas.")
    got = strikes(text)
    assert len(got) == 1 and got[0].actor1 is not None
    assert got[0].actor1.country == "VE"


def test_a_caption_that_carries_the_only_day_gives_it_to_the_clash() -> None:
    text = ("Enfrentamiento en Michoacán deja dos agresores abatidos\n\n"
            "Este martes se llevó a cabo un operativo en el municipio de Buenavista. "
            "Foto: SSP Michoacán\n\n"
            "Civiles armados atacaron a policías estatales en el municipio de Buenavista, en "
            "Michoacán; en el enfrentamiento murieron dos de los agresores.")
    got = strikes(text)
    assert len(got) == 1
    assert got[0].date_low == got[0].date_high == "2025-11-11"  # the Tuesday before PUB
    assert got[0].killed_low == 2


def test_a_caption_alone_still_tells_no_incident() -> None:
    text = ("Este martes se llevó a cabo un operativo en el municipio de Buenavista. "
            "Foto: SSP Michoacán\n\n"
            "El gobernador presentó el plan de seguridad para la región.")
    assert strikes(text) == []


def test_a_caption_of_another_place_gives_no_day() -> None:
    text = ("Este martes se llevó a cabo un operativo en Bogotá, Colombia. Foto: EFE\n\n"
            "Civiles armados atacaron a policías estatales en el municipio de Buenavista, en "
            "Michoacán, México; murieron dos de los agresores.")
    got = strikes(text)
    assert len(got) == 1 and got[0].date_low is None


def test_a_similar_attack_that_had_happened_is_recalled_context() -> None:
    text = ("Un coche bomba explotó el martes frente a la comandancia de Zamora y dejó dos "
            "muertos.\n\n"
            "En febrero de este mismo año Zamora ya había sufrido un atentado parecido.")
    got = strikes(text, published=None)
    assert len(got) == 2
    assert [m.background for m in got] == [False, True]


def test_a_similar_attack_told_as_news_with_its_day_stays_news() -> None:
    text = ("Un coche bomba explotó el lunes frente a la comandancia de Zamora y dejó dos "
            "muertos.\n\n"
            "El martes, los agresores habían lanzado un ataque similar en Uruapan y mataron a "
            "tres policías.")
    got = strikes(text)
    assert len(got) == 2 and not any(m.background for m in got)


def test_the_previous_bombing_recalled_in_a_quote_is_not_the_news() -> None:
    text = ("Las Fuerzas Militares bombardearon un campamento en Tibú y murieron seis "
            "guerrilleros.\n\n"
            "\"El bombardeo anterior contra ese grupo fue en 2019, en el Cauca\", dijo el "
            "general.")
    got = strikes(text, published=None)
    news = [m for m in got if not m.background]
    assert len(news) == 1 and news[0].killed_low == 6
    assert news[0].place is not None and news[0].place.name == "Tibú"
    assert any(m.background for m in got)  # the 2019 bombing: recalled, its own record


def test_the_catatumbo_region_is_a_place_in_colombia() -> None:
    got = strikes("Un bombardeo de las Fuerzas Militares de Colombia en el Catatumbo dejó "
                  "siete guerrilleros muertos.")
    assert len(got) == 1 and got[0].place is not None
    assert (got[0].place.name, got[0].place.country) == ("Catatumbo", "CO")


def test_forces_take_the_country_of_the_provinces_the_page_names() -> None:
    # the strike itself is placed nowhere; the page names a Colombian department
    text = ("Las Fuerzas Militares bombardearon un campamento de las disidencias y murieron "
            "cuatro guerrilleros.\n\n"
            "La región, en el departamento del Guaviare, sigue militarizada.")
    got = strikes(text)
    assert len(got) == 1 and got[0].actor1 is not None
    assert got[0].actor1.country == "CO"


def test_a_file_photos_caption_gives_no_day() -> None:
    text = ("Civiles armados atacaron a policías estatales en el municipio de Buenavista, en "
            "Michoacán; murieron dos de los agresores.\n\n"
            "Este martes se llevó a cabo un operativo en el municipio de Buenavista. "
            "(Archivo) Imagen: SSP Michoacán")
    got = strikes(text)
    assert len(got) == 1 and got[0].date_low is None


def test_a_local_dateline_of_town_and_state_places_the_lede() -> None:
    text = ("Estalla un coche bomba frente a la comandancia\n\n"
            "Tepalcatepec, Michoacán.- Un coche bomba explotó el martes frente a la "
            "comandancia y dejó dos muertos.")
    got = strikes(text)
    assert len(got) == 1 and got[0].place is not None
    assert got[0].place.country == "MX"
    assert got[0].place.name is not None and got[0].place.name.startswith("Tepalcatepec")


def test_a_town_of_a_country_the_page_names_in_spanish_is_placed_there() -> None:
    # Sudán and Myanmar (Birmania), by name or adjective, make their towns readable
    for text, code in (
            ("Un ataque con drones contra un mercado de El Obeid, en Sudán, mató el lunes a "
             "doce civiles.", "SD"),
            ("Un bombardeo del ejército sudanés sobre Kadugli mató el lunes a ocho personas.",
             "SD"),
            ("Un bombardeo aéreo en Mandalay, en Birmania, mató el lunes a nueve personas.",
             "MM")):
        got = strikes(text)
        assert got and got[0].place is not None and got[0].place.country == code, text

"""Places and countries right on the incident: spellings the gazetteer lacks, a Spanish
story's one country for events told at a place no gazetteer holds, and countries named
only as a party, a neighbour or another event's place."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract, registry
from strikewatch.extract.places import country_place
from strikewatch.geo import locate, lookup
from strikewatch.records import Article, Mention

PUB = "2025-11-14"


def _es(text: str) -> list[Mention]:
    art = Article(id="t-es-p", text=text, published=PUB, language="es")
    return [m for m in registry.checked(registry.get_extractor("strikewatch-rules-es"), art)
            if m.kind == "event"]


def _en(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]


def _country(ms: list[Mention]) -> str | None:
    return ms[0].place.country if ms and ms[0].place is not None else None


@pytest.mark.parametrize(("name", "country"), [
    ("Jost", "AF"), ("Jartum", "SD"), ("Yabalia", "PS"),  # Spanish j/y for kh/j
    ("Sulaimani", "IQ"), ("Sulaimaniyah", "IQ"), ("Khyber", "PK"),
])
def test_spellings_the_gazetteer_lacks_find_the_place(name: str, country: str) -> None:
    assert lookup(name)[0].country == country


@pytest.mark.parametrize("name", ["Johnathan", "Yxq"])
def test_a_name_no_spelling_knows_stays_unknown(name: str) -> None:
    assert lookup(name) == []


@pytest.mark.parametrize("text", [
    "A drone strike in Sulaimani province killed three people on Thursday.",
    "A Turkish drone hit another vehicle in the Dukan District of Sulaimani Province.",
    "Three people died when a drone struck their car outside Sulaimani on Monday.",
])
def test_a_kurdish_spelling_of_the_governorate_is_iraq(text: str) -> None:
    t = text.find("drone")
    got = locate(text, 0, len(text), trigger=(t, t + 5))
    assert got is not None and got.place.country == "IQ"


@pytest.mark.parametrize("text", [
    "Un bombardeo de Estados Unidos contra Ras Isa, puerto petrolero de Yemen, dejó 80 "
    "muertos. Los hutíes dijeron que Yemen no se rendirá.",
    "Según los hutíes, 80 personas murieron en el ataque estadounidense contra Ras Isa. "
    "El puerto yemení recibe combustible. Yemen vive una guerra desde 2014.",
    "Un bombardeo de Estados Unidos dejó al menos 80 muertos en Tudun Biri. Nigeria pidió "
    "explicaciones y el gobierno nigeriano abrió una investigación.",
])
def test_a_spanish_strike_at_an_unknown_place_lies_in_the_story_country(text: str) -> None:
    got = _es(text)
    assert got and _country(got) in ("YE", "NG")


def test_a_spanish_page_naming_only_the_acting_state_gives_no_country() -> None:
    got = _es("Un bombardeo de Israel mató a 13 personas en Ain el Helu. El Ejército israelí "
              "dijo que atacó un centro de entrenamiento.")
    assert got and _country(got) is None


def test_a_spanish_town_after_a_site_noun_and_any_adjective_is_placed() -> None:
    for text in ("Un bombardeo de Israel en la ciudad sureña de Sidón mató a 13 personas. "
                 "El Líbano protestó.",
                 "Un ataque israelí alcanzó el campamento de refugiados de la ciudad "
                 "costera de Sidón y mató a 13 personas.",
                 "Un bombardeo mató a 13 personas en la ciudad libanesa de Sidón."):
        assert _country(_es(text)) == "LB", text


def test_a_spanish_page_naming_only_the_acting_state_and_its_province_is_at_home() -> None:
    got = _es("El Ejército de Nigeria admitió que bombardeó por error a un grupo de civiles. "
              "El ataque de un dron dejó 40 muertos en una aldea del estado de Kano.")
    assert got and _country(got) == "NG"
    # a province of another country, or none, leaves the page's place untold
    got = _es("El Ejército de Nigeria admitió que bombardeó por error a un grupo de civiles. "
              "El ataque de un dron dejó 40 muertos en una aldea del estado de Sinaloa.")
    assert got and _country(got) != "NG"


def test_a_small_town_known_by_the_name_only_as_an_alternate_is_not_placed() -> None:
    # "Hermonassus" is an old name of a Turkish town of 45,000: after "el valle de" in a
    # story of Pakistan it is no place abroad
    got = _es("Aviones de Pakistán bombardearon tres casas en el valle de Hermonassus y "
              "mataron a 12 personas. Pakistán dijo que eran refugios de militantes.")
    assert got and _country(got) != "TR"
    # a town's own name still stands alone after a kind noun
    got = _es("Un bombardeo de Israel mató a 9 personas en la ciudad de Mehkar.")
    assert _country(got) == "IN"


def test_an_arabic_article_alone_is_no_place() -> None:
    got = _es("Un bombardeo israelí alcanzó la escuela Al Nour (barrio de Al Rimal, "
              "ciudad de Gaza) y mató a 20 personas.")
    assert got and all(m.place is None or m.place.country != "NO" for m in got)


@pytest.mark.parametrize("text", [
    "La aviación de Pakistán bombardeó casas en una provincia que linda con Afganistán y "
    "mató a 20 personas. Pakistán no comentó.",
    "Afganistán-Pakistán: la aviación bombardea casas y mata a 20 personas. La Fuerza "
    "Aérea de Pakistán dijo que atacó a militantes.",
])
def test_a_neighbour_or_a_pair_of_countries_is_not_the_story_country(text: str) -> None:
    got = _es(text)
    assert got and _country(got) != "AF"


def test_a_malian_strike_lies_in_mali() -> None:
    got = _es("Un ataque con drones de un grupo armado mató a 24 personas en el centro "
              "de Malí.")
    assert got and _country(got) == "ML"
    got = _es("Un bombardeo mató a 11 personas en un mercado del norte de Malí. El gobierno "
              "maliense no comentó.")
    assert got and _country(got) == "ML"


def test_a_spanish_story_of_two_countries_or_at_sea_fills_no_country() -> None:
    # two countries named as often, nothing placed: no guess
    got = _es("Un ataque dejó 12 muertos. Irán y Pakistán se culparon. Irán acusó a "
              "Pakistán del ataque.")
    assert got and _country(got) is None
    # a boat struck at sea keeps no country though the page names Venezuela
    got = _es("Un ataque de Estados Unidos contra una lancha mató a tres personas. "
              "Venezuela condenó el ataque. Venezuela pidió explicaciones.")
    assert got and _country(got) is None


@pytest.mark.parametrize("text", [
    "The Pakistan Air Force flew the raid after a suicide bombing in the Bannu region of "
    "Pakistan.",
    "Jets carried out the strike following an ambush in the north of Pakistan.",
    "The air force launched the raids in the wake of a deadly attack in Pakistan.",
])
def test_another_event_after_the_act_gives_no_place(text: str) -> None:
    t = text.find("raid") if "raid" in text else text.find("strike")
    place, _ = country_place(text, 0, len(text), (t, t + 4))
    assert place is None


@pytest.mark.parametrize("text", [
    "Jets struck a camp in Niger State on Sunday, killing four herders.",
    "A drone strike in Niger State's Mariga area killed four herders.",
])
def test_a_state_titled_after_a_country_name_is_not_that_country(text: str) -> None:
    t = max(text.find("killing"), text.find("killed"))
    place, _ = country_place(text, 0, len(text), (t, t + 6))
    assert place is None or place.country != "NE"


def test_a_death_after_a_strike_is_that_strikes_place() -> None:
    text = "Four people were killed after a strike in Pakistan on Friday."
    t = text.find("killed")
    place, _ = country_place(text, 0, len(text), (t, t + 6))
    assert place is not None and place.country == "PK"


@pytest.mark.parametrize("text", [
    "The raid on Pakistan's neighbour left at least 10 people dead.",
    "The strikes on Iran's allies killed dozens overnight.",
    "A drone attack on Russia's western neighbours killed two.",
])
def test_a_country_named_by_its_tie_to_another_is_not_that_one(text: str) -> None:
    t = min(i for i in (text.find("raid"), text.find("strikes"), text.find("attack")) if i >= 0)
    place, _ = country_place(text, 0, len(text), (t, t + 4))
    assert place is None


def test_the_strikes_own_clause_outranks_a_later_sentence_of_another_country() -> None:
    got = _en("Pakistani airstrikes inside Afghanistan late on Monday killed at least 10 "
              "civilians. The strikes came as a bombing in Islamabad was blamed on militants "
              "based in Afghanistan.")
    assert got and _country(got) == "AF"


def test_a_cause_told_first_does_not_outrank_the_strikes_own_place() -> None:
    got = _en("Pakistan has launched air strikes inside Afghanistan overnight, killing 18. "
              "Islamabad called the raids a response in retribution for recent suicide "
              "bombings in Pakistan.")
    assert got and _country(got) == "AF"


@pytest.mark.parametrize(("text", "country"), [
    ("Israeli airstrikes on Thursday hit Yahmar, a southern Lebanese town, killing two.",
     "LB"),
    ("A drone struck Qasr Abad, a small Iraqi village near the border, and killed three.",
     "IQ"),
    ("Jets bombed Wadi Zaar, the Yemeni port town, killing five fishermen on Monday.", "YE"),
])
def test_a_name_described_by_its_demonym_lies_in_that_country(text: str,
                                                               country: str) -> None:
    assert _country(_en(text)) == country


def test_a_demonym_of_the_attacker_describing_no_place_gives_none() -> None:
    got = _en("Jets struck Qasr Abad on Monday, killing three, an Israeli spokesman said.")
    assert got and _country(got) != "IL"


@pytest.mark.parametrize("text, country", [
    ("A drone strike on a farmhouse in Qasr Amin, southern Lebanon, killed three.", "LB"),
    ("Missiles hit a depot in Zarivka, north-eastern Ukraine, killing two guards.", "UA"),
    ("A drone strike on a farmhouse in Qasr Amin, Lebanon, killed three.", "LB"),
])
def test_a_town_then_its_country_with_a_direction_places_the_act(text: str,
                                                                  country: str) -> None:
    t = text.find("strike") if "strike" in text else text.find("hit")
    place, _ = country_place(text, 0, len(text), (t, t + 6))
    assert place is not None and place.country == country


def test_a_day_then_a_direction_and_a_country_is_no_town() -> None:
    text = "On Sunday, southern Lebanon saw a drone strike that killed three."
    t = text.find("strike")
    place, _ = country_place(text, 0, len(text), (t, t + 6))
    assert place is None

"""A place named as part of a larger one lies in that one's country; a sea's name before
"port" describes a town; a name is never read across a line break."""

from __future__ import annotations

from strikewatch.geo import PlaceMatch, article_countries, locate
from strikewatch.records import Place


def at(text: str, trigger: str, *context: str) -> PlaceMatch | None:
    i = text.index(trigger)
    return locate(text, 0, len(text), trigger=(i, i + len(trigger)),
                  context_countries=tuple(context))


def place(text: str, trigger: str, *context: str) -> Place:
    m = at(text, trigger, *context)
    assert m is not None, f"no place for {text!r}"
    return m.place


def test_a_district_of_a_city_is_in_that_citys_country() -> None:
    # Hays is a Kansas town in the main tier; the Yemeni district is a small namesake
    p = place("Shelling hit homes in the Hays district of Hodeidah governorate on Friday.",
              "Shelling")
    assert p.country == "YE"
    # even where the article names the United States (who struck)
    p = place("Residents said a US raid hit the Hays district of Hodeidah overnight.", "raid",
              "US", "YE")
    assert p.country == "YE"


def test_an_apposition_names_the_containing_place() -> None:
    p = place("A drone struck Tripoli, a port city in northern Lebanon, on Sunday.", "struck")
    assert (p.country, p.kind) == ("LB", "populated place")
    p = place("Protesters were shot in Paris, a small city in Texas, on Monday.", "shot")
    assert p.country == "US"
    # a name the gazetteer only knows elsewhere gives way to the place that contains it
    p = place("A drone struck Tower 22, a small logistics base in Jordan, overnight.",
              "struck", "IQ", "SY")
    assert p.country == "JO"


def test_a_us_town_with_its_state_stays_in_the_us() -> None:
    p = place("A tornado tore through Hays, Kansas, on Monday, killing two.", "tore", "YE")
    assert (p.name, p.country) == ("Hays", "US")
    p = place("A gas blast hit a house in Lebanon, Pennsylvania.", "blast", "LB")
    assert p.country == "US"


def test_a_neighbours_border_does_not_move_the_event() -> None:
    p = place("An airstrike hit a militant camp in southern Somalia near the Kenyan border.",
              "airstrike", "SO", "KE")
    assert p.country == "SO"
    p = place("The strike killed 12 fighters in Somalia, about 35 km from the Kenyan border.",
              "strike", "SO")
    assert p.country == "SO"


def test_a_sea_before_port_describes_the_town() -> None:
    p = place("Jets bombed the Black Sea port of Odesa overnight.", "bombed")
    assert (p.country, p.kind) == ("UA", "populated place")
    p = place("Warplanes mainly hit the Red Sea port city of Hodeidah.", "hit")
    assert (p.country, p.kind) == ("YE", "populated place")


def test_the_outskirts_of_a_port_are_land() -> None:
    p = place("Airstrikes pounded the outskirts of Hodeidah, a port on the Red Sea.",
              "Airstrikes", "YE")
    assert (p.country, p.kind) == ("YE", "populated place")
    # a boat "near" a town at sea is still on the water
    p = place("A strike hit a speedboat near Hodeidah in the Red Sea.", "strike", "YE")
    assert p.kind == "sea"


def test_a_quoted_nickname_makes_a_person_not_a_place() -> None:
    # (the article names the United States, where a town called Bradley lies)
    m = at('The order came from Adm. Frank "Mitch" Bradley during the strike on the boat.',
           "strike", "VE", "US")
    assert m is None or m.place.name != "Bradley"


def test_a_headline_name_is_not_read_into_the_next_line() -> None:
    text = "Airstrike hits Hodeidah\nResidents described the night as the worst yet."
    p = place(text, "Airstrike", "YE")
    assert p.country == "YE"


def test_an_acronym_is_not_a_towns_alternate_name() -> None:
    # "SAR" is an alternate name of Žďár nad Sázavou (Czechia) in GeoNames
    text = ("After the strike on the boat, Mexican SAR teams searched the area for a "
            "survivor, the Navy said.")
    assert "CZ" not in article_countries(text)
    m = at(text, "strike", "MX", "US")
    assert m is None or m.place.country != "CZ"
    # a short capitalised name that is a town's own name stays a place
    assert place("ADEN (Reuters) - An air strike hit a depot in ADEN on Monday.",
                 "strike").country == "YE"


def test_where_a_cargo_was_going_is_not_where_the_boat_was_hit() -> None:
    text = ("The military struck a boat on Monday that it said was carrying cocaine to "
            "the United States.")
    m = at(text, "struck", "US", "VE")
    assert m is None or m.place.country != "US"
    text = "A drone strike hit a boat carrying cocaine, killing three, in the United States."
    assert place(text, "strike", "US").country == "US"  # a place that is no destination

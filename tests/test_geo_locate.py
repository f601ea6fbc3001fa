"""locate(): the event's place, read from the words around it."""

from __future__ import annotations

import pytest

from strikewatch.geo import PlaceMatch, article_countries, dateline, locate, places_in


def at(text: str, trigger: str, *context: str, **kw: object) -> PlaceMatch | None:
    i = text.index(trigger)
    return locate(text, 0, len(text), trigger=(i, i + len(trigger)),
                  context_countries=tuple(context), **kw)  # type: ignore[arg-type]


def place(text: str, trigger: str, *context: str, **kw: object):  # type: ignore[no-untyped-def]
    m = at(text, trigger, *context, **kw)
    assert m is not None, f"no place for {text!r}"
    return m.place


def test_a_town_is_precision_1_with_its_coordinates() -> None:
    p = place("Soldiers exchanged fire with gunmen in Apatzingán on Monday.", "exchanged")
    assert (p.name, p.country, p.kind, p.geo_precision) == (
        "Apatzingán", "MX", "populated place", 1)
    assert abs(p.latitude - 19.09) < 0.1 and abs(p.longitude + 102.35) < 0.1
    assert p.admin1 and p.admin1.startswith("Michoac")


def test_the_match_offsets_point_at_the_words() -> None:
    text = "Two men died in a raid in Ciudad Obregón overnight."
    m = at(text, "raid")
    assert m is not None and text[m.start:m.end] == "Ciudad Obregón"


def test_near_a_town_is_precision_2() -> None:
    assert place("A lab was bombed in the hills near Tamazula.", "bombed").geo_precision == 2
    assert place("The patrol was hit 12 km north of Caborca.", "hit").geo_precision == 2
    assert place("Gunmen attacked a farm on the outskirts of Zitácuaro.",
                 "attacked").geo_precision == 2


def test_state_and_country_precision() -> None:
    p = place("Marines were deployed across the state of Guanajuato.", "deployed")
    assert (p.kind, p.geo_precision, p.country) == ("admin area", 4, "MX")
    p = place("Troops patrolled Michoacan state after the killings.", "patrolled")
    assert p.geo_precision == 4
    p = place("The mission would put American troops inside Mexico.", "mission")
    assert (p.kind, p.geo_precision, p.country) == ("country", 5, "MX")


def test_municipality_is_district_precision() -> None:
    p = place("Gunmen burned vehicles in the municipality of Tepalcatepec.", "burned")
    assert p.geo_precision == 3 and p.country == "MX"


def test_named_sea_is_precision_6_without_country() -> None:
    p = place("An American strike sank a speedboat in the Caribbean on Sunday.", "strike")
    assert (p.kind, p.geo_precision, p.country) == ("sea", 6, None)
    assert 9 < p.latitude < 20 and -85 < p.longitude < -60


def test_eastern_pacific_is_not_the_middle_of_the_ocean() -> None:
    p = place("Forces destroyed a semi-submersible in the eastern Pacific.", "destroyed")
    assert p.kind == "sea" and -110 < p.longitude < -80


def test_plain_pacific_takes_the_americas_side_when_the_article_is_about_the_americas() -> None:
    p = place("A go-fast boat was struck in the Pacific, officials said.", "struck", "US", "CO")
    assert p.kind == "sea" and -110 < p.longitude < -80


def test_off_the_coast_of_a_country_is_sea_near_it_with_country_none() -> None:
    p = place("A speedboat was destroyed off the coast of Venezuela, killing four.", "destroyed")
    assert (p.kind, p.geo_precision, p.country, p.near_country) == ("sea", 6, None, "VE")
    # a point in the water north of Venezuela, not the country's centroid
    assert 10.6 < p.latitude < 13.5 and -72 < p.longitude < -60


def test_off_a_town_uses_the_town_as_the_coast() -> None:
    p = place("A skiff was hit off Manzanillo on Friday.", "hit", "MX")
    assert p.kind == "sea" and p.near_country == "MX" and p.country is None
    assert abs(p.latitude - 19.05) < 0.5 and abs(p.longitude + 104.3) < 0.5


def test_named_coast_side_is_used() -> None:
    p = place("The boat was hit off Colombia's Pacific coast.", "hit")
    assert p.longitude < -77  # the Pacific side, not the Caribbean
    p = place("The boat was hit off Colombia's Caribbean coast.", "hit")
    assert p.latitude > 9.5


def test_territorial_waters_set_the_country() -> None:
    p = place("The launch was sunk in Venezuelan waters, Caracas said.", "sunk")
    assert (p.kind, p.country, p.geo_precision) == ("sea", "VE", 6)
    p = place("The ship was stopped in Mexico's territorial waters.", "stopped")
    assert (p.kind, p.country) == ("sea", "MX")


def test_near_an_island_at_sea_is_water() -> None:
    p = place("A drug boat strike near Tobago killed three.", "strike")
    assert p.kind == "sea" and p.near_country == "TT" and p.country is None
    # the same words on land stay on land
    p = place("A shooting near Tijuana killed three.", "shooting")
    assert p.kind == "populated place" and p.geo_precision == 2


def test_domain_argument_overrides_the_words() -> None:
    text = "Three died in the strike near Tumaco, officials said."
    assert place(text, "strike", "CO", domain="sea").kind == "sea"
    assert place(text, "strike", "CO", domain="land").kind == "populated place"


def test_international_waters_borrow_the_sea_named_before() -> None:
    text = ("The campaign has centred on the southern Caribbean. On Tuesday a boat "
            "was destroyed in international waters, the Pentagon said.")
    i = text.index("On Tuesday")
    t = text.index("destroyed")
    m = locate(text, i, len(text), trigger=(t, t + 9))
    assert m is not None and m.place.kind == "sea" and m.place.country is None
    assert m.place.name == "international waters"
    assert 10 < m.place.latitude < 14  # the southern Caribbean's point


def test_reporting_place_is_not_the_event_place() -> None:
    p = place("Trump said in Washington that a strike off Venezuela killed three.", "strike")
    assert p.kind == "sea" and p.near_country == "VE"
    p = place("Speaking to reporters in Caracas, the minister said troops clashed "
              "with smugglers in Zulia state.", "clashed")
    assert p.name == "Zulia"


def test_the_place_nearest_the_trigger_wins() -> None:
    text = "After a summit in Bogotá, a bombing in Tumaco killed two, and talks resumed in Quito."
    assert place(text, "bombing").name == "Tumaco"


def test_organisation_names_are_not_places() -> None:
    assert at("The Sinaloa Cartel was designated a terrorist group.", "designated") is None
    assert at("Tren de Aragua has expanded, officials said.", "expanded") is None
    assert at("The Gulf Cartel and the Jalisco New Generation Cartel are rivals.",
              "rivals") is None
    p = place("Sinaloa Cartel gunmen attacked a base in Durango state.", "attacked")
    assert p.name == "Durango" and p.kind == "admin area"


def test_a_possessive_country_before_an_organisation_is_no_place() -> None:
    assert at("Officials blamed Venezuela's Tren de Aragua for the killings.",
              "killings") is None


def test_demonyms_are_not_places_but_soil_and_territory_are() -> None:
    assert at("Mexican officials condemned the strike.", "strike") is None
    p = place("It would be the first strike on Venezuelan soil.", "strike")
    assert p.country == "VE" and p.geo_precision == 5


def test_context_countries_break_ties() -> None:
    text = "Gunmen attacked a patrol in San Cristóbal on Monday."
    assert place(text, "attacked", "VE").country == "VE"
    assert place(text, "attacked", "DO").country == "DO"


def test_a_qualifier_after_a_comma_decides() -> None:
    assert place("A bomb exploded in Guadalupe, Zacatecas.", "exploded").admin1 == "Zacatecas"
    p = place("A bomb exploded in Córdoba, Argentina.", "exploded")
    assert p.country == "AR" and p.geo_precision == 1


def test_larger_place_wins_without_context() -> None:
    assert place("A blast shook Guadalajara before dawn.", "blast").country == "MX"


def test_no_place_gives_none() -> None:
    assert at("The officials said the plan was not final.", "plan") is None


def test_span_outside_the_text_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="outside"):
        locate("short", 0, 99)


def test_places_in_lists_locations_in_order() -> None:
    text = "Troops moved from Culiacán to Mazatlán and then to the Gulf of California."
    names = [m.place.name for m in places_in(text)]
    assert names == ["Culiacán", "Mazatlán", "Gulf of California"]


def test_article_countries_and_dateline() -> None:
    text = ("MAZATLÁN, Mexico (AP) — Mexican marines and US officials met as strikes "
            "continued off Venezuela. Mexico said its waters were calm.")
    d = dateline(text)
    assert d is not None and d.name == "Mazatlán" and d.country == "MX"
    countries = article_countries(text)
    assert countries[0] == "MX" and "VE" in countries and "US" in countries


def test_a_fronted_place_of_speaking_is_not_the_event_place() -> None:
    p = place("In Quito, the interior minister said gunmen stormed a jail in Machala.",
              "stormed")
    assert p.name == "Machala" and p.country == "EC"


def test_a_country_used_as_an_actor_is_no_place() -> None:
    assert at("US forces have conducted the operations for weeks.", "operations") is None
    assert at("Colombia has condemned the killings.", "killings") is None
    assert place("The operations took place in Colombia.", "operations").country == "CO"


def test_a_place_of_another_event_is_skipped() -> None:
    p = place("The camp near Tumaco was bombed, a week after talks in Havana.", "bombed")
    assert p.name == "Tumaco"


def test_anchor_prefers_the_nearby_namesake() -> None:
    text = "Gunmen attacked a ranch in Guadalupe."
    near_monterrey = place(text, "attacked", "MX", anchor=(25.67, -100.31))
    near_zacatecas = place(text, "attacked", "MX", anchor=(22.77, -102.58))
    assert near_monterrey.admin1 != near_zacatecas.admin1


def test_initials_are_not_places() -> None:
    assert at("The U. S. envoy and J. Smith met on Friday.", "met") is None


def test_names_inside_longer_names_are_not_places() -> None:
    text = "George Washington and Victoria Beckham met Paris Hilton on Friday."
    assert places_in(text) == []
    # a bare capital is its government; the reporting place is not the strike's
    assert at("Caracas accused Washington of lying about the strike.", "strike") is None
    assert at("Officials in Washington said the strike killed three.", "strike") is None


def test_seas_outrank_towns_of_the_same_name() -> None:
    p = place("Strikes in the Caribbean and Pacific continued.", "Strikes", "US")
    assert p.kind == "sea"
    assert [m.place.kind for m in places_in("Boats were hit in the Atlantic.")] == ["sea"]


def test_a_named_capital_takes_the_place() -> None:
    p = place("A shootout in Michoacán's capital, Morelia, left six dead.", "shootout")
    assert p.name == "Morelia" and p.geo_precision == 1


def test_near_a_demonym_coast_is_at_sea() -> None:
    p = place("Bombers flew near the Colombian coast on Friday.", "flew")
    assert p.kind == "sea" and p.near_country == "CO" and p.country is None


def test_its_coast_goes_to_the_country_named_before() -> None:
    p = place("Ecuador's navy said a strike destroyed a boat off its coast.", "strike")
    assert p.kind == "sea" and p.near_country == "EC" and p.country is None
    p = place("Panama said the vessel was hit in its territorial waters.", "hit")
    assert p.kind == "sea" and p.country == "PA"


def test_near_an_island_country_is_water_even_without_boat_words() -> None:
    p = place("A strike near Grenada killed two, officials said.", "strike")
    assert p.kind == "sea" and p.near_country == "GD"


def test_a_sea_naming_a_coast_is_not_the_place() -> None:
    p = place("The target was off the Caribbean coast of Honduras.", "target")
    assert p.near_country == "HN" and p.latitude > 15


def test_a_state_name_beats_a_town_that_has_it_only_as_an_alias() -> None:
    p = place("Police reinforcements arrived in Morelos overnight.", "arrived", "MX")
    assert p.kind == "admin area" and p.name == "Morelos"


def test_possessive_region_words_make_a_place() -> None:
    p = place("Troops moved into Guerrero's mountains after the ambush.", "moved", "MX")
    assert p.name == "Guerrero" and p.geo_precision == 4


def test_article_context_gives_countries_and_the_dateline_anchor() -> None:
    from strikewatch.geo import article_context

    text = ("REYNOSA, Mexico (AP) — Gunmen attacked a ranch in Guadalupe on Monday, "
            "and the army said it would send troops to Tamaulipas.")
    ctx = article_context(text)
    assert ctx.countries[0] == "MX" and ctx.anchor is not None
    i = text.index("attacked")
    m = locate(text, text.index("Gunmen"), len(text), trigger=(i, i + 8),
               context_countries=ctx.countries, anchor=ctx.anchor)
    assert m is not None and m.place.name == "Guadalupe"
    # the Guadalupe near Reynosa's dateline (Nuevo León), not the one in Zacatecas
    assert m.place.admin1 == "Nuevo León"
    assert article_context("No dateline here.").anchor is None


def test_sentence_initial_words_that_are_towns_are_not_places() -> None:
    assert at("Reading the report, officials condemned the attack.", "attack") is None
    assert at("Mobile phones were seized in the raid.", "raid") is None
    # with the town's country in the article, a bare name still counts
    assert place("Culiacán was quiet after the clashes.", "clashes", "MX").name == "Culiacán"


def test_a_cued_name_continued_by_an_unknown_word_is_not_the_shorter_town() -> None:
    # "Mir" is a town in Belarus; "in Mir Ali" names a longer place the gazetteer lacks
    assert not [m for m in places_in("A drone hit a market in Mir Ali on Tuesday.")
                if m.place.name == "Mir"]
    # an organisation or an area after the name starts a new name: the town stands
    names = [m.place.name for m in places_in("A strike hit a house in Rafah Hamas officials said.")]
    assert names and names[0].startswith("Rafa")
    names = [m.place.name for m in places_in("Gunmen attacked a convoy in Culiacán Sinaloa "
                                             "officials said.")]
    assert names == ["Culiacán"]


def test_a_province_named_without_its_arabic_article() -> None:
    # GeoNames spells the Iraqi province "Al Anbar"; English reports often drop the article
    names = [(m.place.name, m.place.country, m.place.geo_precision)
             for m in places_in("Gunmen attacked a convoy in western Anbar province.")]
    assert names and names[0][1:] == ("IQ", 4) and "Anb" in names[0][0]


@pytest.mark.parametrize("text", [
    "Four fighters died in the Danish airstrike, the statement said.",
    "Four fighters died in the Denmark airstrike, the statement said.",
    "The group called it revenge for Danish-Swedish strikes that killed four fighters.",
    "Norway and Danish troops clashed with the fighters, killing four.",
    "Norway-led strikes killed four fighters.",
])
def test_a_country_modifying_a_party_is_no_place(text: str) -> None:
    # the striking state's name before "airstrike", "troops", "-led" names who acted
    m = at(text, "kill" if "kill" in text else "died")
    assert m is None or m.place.country not in ("DK", "NO", "SE")


def test_who_was_blamed_and_where_goods_go_are_no_place() -> None:
    assert at("Two people were killed, the rebels said, blaming the raid on Denmark.",
              "killed") is None
    assert at("The raids aim to stop the cocaine smuggled into Norway, officials say, "
              "after two were killed.", "killed") is None


def test_a_country_after_a_locative_cue_with_a_plain_noun_stays_a_place() -> None:
    assert place("Soldiers killed five militants in Nigeria on Tuesday.",
                 "killed").country == "NG"
    assert place("An airstrike in Yemen killed two people.", "killed").country == "YE"


def test_the_words_past_the_passage_end_are_not_read() -> None:
    # the passage ends at the town; "Medina" beyond it would read as a surname's first part
    text = "Soldiers exchanged fire with gunmen in Apatzingán Medina told them."
    end = text.index(" Medina")
    m = locate(text, 0, end, trigger=(9, 18))
    assert m is not None and m.place.name == "Apatzingán"
    whole = locate(text, 0, len(text), trigger=(9, 18))  # read with it, a name's start
    assert whole is None or whole.place.name != "Apatzingán"


@pytest.mark.parametrize("spelling", ["Nabatiyeh", "Nabatiyah", "Nabatieh"])
def test_a_transliteration_of_a_town_finds_it(spelling: str) -> None:
    p = place(f"A drone strike hit a car in {spelling} on Monday.", "strike")
    assert (p.country, p.kind) == ("LB", "populated place")


def test_transliterations_change_one_word_at_a_time() -> None:
    from strikewatch.geo.gazetteer import transliterations
    assert transliterations("beit lahiya") == ["bayt lahiya", "beit lahiyah", "beit lahieh"]
    assert transliterations("kabul") == []


def test_where_goods_go_is_the_place_of_the_smuggling_itself() -> None:
    # the destination is no strike's place, but it is where the smuggling told goes on
    assert place("The gangs smuggle heroin from Peru into Norway.", "smuggle").country == "NO"


def test_a_compound_of_parties_is_no_place_even_with_its_partner_masked() -> None:
    text = "The group called it revenge for Norway-         strikes that killed four."
    assert at(text, "killed") is None


def test_a_former_tribal_agency_is_a_district_of_pakistan() -> None:
    p = place("A drone fired two missiles at a house in North Waziristan, killing four.",
              "fired", "PK")
    assert (p.country, p.kind) == ("PK", "admin area")
    # a district of a province, not a province: precision 3, the province its admin1
    assert (p.geo_precision, p.admin1) == (3, "Khyber Pakhtunkhwa")
    k = place("Jets bombed three houses in Khyber District on Monday.", "bombed", "PK")
    assert (k.name, k.geo_precision, k.admin1) == ("Khyber District", 3, "Khyber Pakhtunkhwa")
    # a province stays one
    b = place("A drone strike in Balochistan killed two.", "drone strike", "PK")
    assert (b.geo_precision, b.admin1) == (4, "Balochistan")
    # the district facing a neighbour's province is where the sweep was, not the province
    q = place("Troops killed 13 militants in a sweep in South Waziristan, the district "
              "facing Afghanistan's Paktika province.", "killed", "PK", "AF")
    assert (q.name, q.country) == ("South Waziristan", "PK")


def test_a_province_the_gazetteer_lacks_is_not_a_namesake_town_abroad() -> None:
    # "Soum" is only a village of Senegal in the gazetteer; told as a province in a story
    # of another country, it is that country's province, not the village
    for text in ("A drone strike hit Béléhédé, in Soum province, on Friday.",
                 "Soldiers said a drone strike in the Soum region killed traders.",
                 "The drone strike, in Soum province in the north, went wrong."):
        m = at(text, "drone strike", "BF")
        assert m is None or m.place.country != "SN"
    # the town itself, where its country is the story's, or a province of the story's
    # own country, still reads
    assert place("A drone strike hit Soum province, Senegal, on Friday.",
                 "drone strike", "SN").country == "SN"
    assert place("A drone strike hit a market in Fatick region.", "drone strike",
                 "SN").country == "SN"


def test_a_compass_named_region_is_one_of_a_country_the_page_names() -> None:
    # Botswana, Ghana and Singapore have a "North East"; a story of Nigeria means its own
    for text in ("Jets pounded insurgent camps in the North-East, killing 25 fighters.",
                 "Air raids in the North East on Sunday killed 25 fighters."):
        m = at(text, "killing" if "killing" in text else "killed", "NG")
        assert m is None or m.place.country not in ("BW", "GH", "SG", "US"), text
    # the region of a country the page names still reads
    assert place("Troops ambushed rebels in the Far North region, killing nine.", "ambushed",
                 "CM").country == "CM"
    assert place("A drone strike in the North East district of Botswana killed two.",
                 "drone strike").country == "BW"


def test_a_state_named_with_its_title_and_a_possessive_is_a_place() -> None:
    # "Kaduna State's": the title word is no person's or longer name's next word
    p = place("Jets struck hideouts along Kaduna State's Birnin Gwari axis, killing 12.",
              "killing", "NG")
    assert (p.name, p.country, p.kind) == ("Kaduna", "NG", "admin area")


def test_a_capital_that_something_is_done_to_or_with_is_its_government() -> None:
    for text, trigger in (("The raid, meant to raise the pressure on Caracas, sank a boat.",
                           "raid"),
                          ("The strike came amid talks with Tehran over the deal.", "strike"),
                          ("The drone attack followed new sanctions against Damascus.",
                           "attack"),
                          ("Jets hit a boat as ties between Bogota and Caracas soured.",
                           "hit")):
        m = at(text, trigger)
        assert m is None or m.place.kind != "populated place", text
    # the capital where the act happened still reads
    assert place("The strike hit a car in Caracas on Monday.", "strike").country == "VE"
    assert place("Drones struck targets on Tehran overnight.", "struck").country == "IR"


def test_a_demonym_before_a_word_for_a_states_ground_is_that_state() -> None:
    for text, trigger in (("The U.S. has carried out 23 airstrikes on Somali soil this year.",
                           "airstrikes"),
                          ("Jets bombed a camp on Somali territory at dawn.", "bombed"),
                          ("A raid deep inside Somali territory killed two.", "raid")):
        assert place(text, trigger).country == "SO", text
    # the region of that name, told as a region, is still Ethiopia's
    assert place("A drone strike in the Somali region of Ethiopia killed four.",
                 "strike").country == "ET"


def test_a_bare_congo_is_the_democratic_republic_and_the_other_congo_is_named_so() -> None:
    # news say "Congo" and "Congolese" for the larger Congo; the other one is told apart
    assert place("A drone strike in eastern Congo killed six fighters.", "strike").country == "CD"
    assert place("Shelling hit a market in Congo on Friday.", "Shelling").country == "CD"
    assert place("Shelling hit a market in the Republic of Congo.", "Shelling").country == "CG"
    assert place("A blast hit a depot in Brazzaville, Congo.", "blast").country == "CG"
    assert place("Congolese jets bombed a rebel camp on Congolese soil.", "bombed").country == "CD"


def test_a_country_an_act_is_aimed_against_is_its_place() -> None:
    assert place("Aides said strikes against Venezuela are being weighed.", "strikes",
                 "US").country == "VE"
    assert place("The guards fired missiles in retaliation against Israel.", "fired",
                 "IR").country == "IL"
    assert place("Officials discussed military action against Nigeria.", "action").country == "NG"
    # against a party, or outside an act's words, it names no place
    assert at("The strike against Hezbollah commanders killed four.", "strike", "LB") is None
    assert at("Sanctions against Iran were tightened after the strike.", "strike") is None


def test_a_named_area_of_a_district_told_with_a_possessive_lies_in_that_district() -> None:
    p = place("Troops struck militants in North Waziristan's Zorvan Kot area.", "struck", "PK",
              "AF")
    assert (p.name, p.country) == ("North Waziristan", "PK")
    p = place("Soldiers raided hideouts in Khyber District's Tirah valley overnight.", "raided",
              "PK")
    assert (p.name, p.country) == ("Khyber District", "PK")


def test_the_object_of_a_bombardment_or_of_a_threat_to_strike_is_the_place() -> None:
    assert place("The bombardment of Beirut's southern suburbs left 20 dead.", "bombardment",
                 "IL").country == "LB"
    assert place("The minister threatened to strike Beirut within days.", "strike",
                 "IL").name == "Beirut"
    assert place("The army vowed to hit Tehran hard.", "hit", "IL").country == "IR"
    # a party after "of" is still no place
    assert at("A unilateral strike of U.S. troops killed the man.", "strike", "SY") is None


@pytest.mark.parametrize("text,trigger", [
    ("The president called off the Lima peace talks after rebels attacked a convoy.",
     "attacked"),
    ("Police sealed off Managua's centre after gunmen attacked a bank.", "attacked"),
])
def test_off_that_completes_a_verb_is_no_place_at_sea(text: str, trigger: str) -> None:
    # a phrasal verb's "off" ("called off", "sealed off") says nothing of a coast
    m = at(text, trigger)
    assert m is None or m.place.kind != "sea"


def test_off_a_port_is_still_at_sea() -> None:
    p = place("A skiff was hit off Manzanillo on Friday, officials said.", "hit", "MX")
    assert p.kind == "sea"

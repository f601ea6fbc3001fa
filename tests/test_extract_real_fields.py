"""Field values of events real copy tells in its own way (issue 14, failure classes 2 and
4-7), each checked on sentences written for these tests (none from any gold file): the
place and acting party read from the rest of the article, roles, tolls said the way people
say them, dates from the right clause, words of the trade."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.counts import read_counts
from strikewatch.extract.pipeline import Pipeline
from strikewatch.extract.places import mask_actors
from strikewatch.records import Article, Mention

PUB = "2024-06-10"  # a Monday


def _run(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def _country(x: object) -> str | None:
    return getattr(x, "country", None)


# --- place and acting party from the article ---------------------------------------------

def test_an_unplaced_event_lies_where_the_articles_other_events_lie() -> None:
    ms = _run("Israeli drones struck a house in Tyre, southern Lebanon, on Saturday, killing "
              "two people, Lebanon's health ministry said. On Friday, heavy raids across the "
              "south had left a woman dead and 12 people hurt.")
    friday = next(m for m in ms if m.date_low == "2024-06-07")
    assert _country(friday.place) == "LB"
    # the filled place cites the words it came from
    assert friday.provenance["place"][0].text in ("Tyre", "Lebanon")


def test_no_place_is_filled_where_the_article_spans_two_countries() -> None:
    ms = _run("A drone strike hit a car in Idlib, Syria, on Saturday, killing two men. "
              "Another strike near Mosul, Iraq, on Sunday killed three. On Friday a raid "
              "had left a woman dead.")
    friday = [m for m in ms if m.date_low == "2024-06-07"]
    assert friday and all(m.place is None for m in friday)


def test_forces_with_no_country_are_the_forces_of_the_country_they_operate_in() -> None:
    ms = _run("Security forces killed nine militants in an operation in Bannu district of "
              "Pakistan, the military said on Sunday. In a second operation, in Tank "
              "district, troops killed four militants on Saturday.")
    assert len(ms) == 2
    assert all(_country(m.actor1) == "PK" for m in ms)
    assert all(m.actor2 is not None and m.actor2.name == "militants" for m in ms)


def test_an_unclaimed_strike_is_the_articles_one_striking_state() -> None:
    ms = _run("U.S. Southern Command said it struck a boat in the Caribbean on Tuesday, "
              "killing three people. On Wednesday a second strike killed two more people "
              "aboard another vessel.")
    wed = next(m for m in ms if m.date_low == "2024-06-05")
    assert _country(wed.actor1) == "US"


# --- roles ---------------------------------------------------------------------------------

def test_forces_right_before_a_verb_are_its_agent_not_an_instrument() -> None:
    m = _run("Soldiers killed six rebels near the river on Sunday.")[0]
    assert m.actor1 is not None and m.actor1.name == "Soldiers"
    assert m.actor2 is not None and m.actor2.name == "rebels"


def test_the_party_doing_the_verb_after_an_event_noun_is_its_agent() -> None:
    m = _run("During the raid, soldiers killed three gunmen on Saturday.")[0]
    assert m.actor1 is not None and m.actor1.name == "soldiers"
    assert m.actor2 is not None and m.actor2.name == "gunmen"


# --- tolls said the way people say them ----------------------------------------------------

def _killed(sentence: str) -> tuple[int | None, int | None] | None:
    return read_counts(sentence)[0].get("killed")


def test_boats_hit_are_no_toll() -> None:
    counts = read_counts("Two raids on three fishing boats killed nine people.")[0]
    assert counts["killed"] == (9, 9) and counts["strikes"] == (2, 2)


def test_parts_of_one_toll_joined_by_and_add_up() -> None:
    assert _killed("The raid killed a local militia leader and five of his guards.") == (6, 6)
    assert _killed("The clashes left 30 rebels and 12 soldiers dead.") == (42, 42)
    assert _killed("The group said it had killed 40 gunmen and 7 officers.") == (47, 47)
    # a count with a verb of its own is another figure
    counts = read_counts("The shelling killed nine people and wounded 30 others.")[0]
    assert counts["killed"] == (9, 9) and counts["injured"] == (30, 30)
    assert _killed("It killed 12 people and destroyed two houses.") == (12, 12)


def test_a_count_right_after_kill_is_killed_whatever_its_noun() -> None:
    counts = read_counts("A second strike killed two survivors clinging to the hull.")[0]
    assert counts == {"killed": (2, 2)}
    counts = read_counts("Gunmen killed three guards and injured two drivers.")[0]
    assert counts["killed"] == (3, 3) and counts["injured"] == (2, 2)


def test_all_of_whom_died_makes_the_count_a_toll() -> None:
    assert _killed("the five fishermen, all of whom died in the blast") == (5, 5)


def test_a_person_killed_by_name_or_title_is_one_dead() -> None:
    assert _killed("A drone strike killed Abdul Karim al-Masri near the town.") == (1, 1)
    assert _killed("Militia chief Omar Haji Farah had been killed in the raid.") == (1, 1)
    assert _killed("The raid killed the founder of the group.") == (1, 1)
    # a group's name before its members is no person
    assert _killed("The raid killed Islamic State fighters near the town.") is None
    # two people by name are not one: they are two
    assert _killed("The strike killed Ali Hassan Omar and Yusuf Abdi Nur.") == (2, 2)


def test_part_of_a_toll_told_before_is_no_toll_of_its_own() -> None:
    assert read_counts("Doctors said 15 of the wounded were in a serious state.")[0] == {}


# --- dates from the right clause -----------------------------------------------------------

def test_the_finer_date_inside_the_coarser_one_is_the_events() -> None:
    m = _run("In June the navy sank a smuggling boat overnight, killing four people.")[0]
    assert (m.date_low, m.date_high) == ("2024-06-09", "2024-06-10")  # the night, not June


def test_a_dateline_day_is_not_the_finer_date() -> None:
    m = _run("Lagos, Jun 10 Jets earlier this month bombed a camp in the forest, killing "
             "eight fighters.")[0]
    assert (m.date_low, m.date_high) == ("2024-06-01", "2024-06-10")  # not the 10th alone


def test_the_day_sources_told_a_news_agency_is_not_the_events() -> None:
    ms = _run("At least 12 villagers died when jets bombed a market in the north at the "
              "weekend, two residents told Reuters on Monday.")
    assert ms and ms[0].date_low == "2024-06-08"
    assert ms[0].date_high == "2024-06-09"


def test_the_party_that_suffered_before_the_event_word_is_no_agent() -> None:
    m = _run("Hamas commander Yusuf Abu Salem was killed in a strike on his car on Sunday.")[0]
    assert m.actor1 is None or m.actor1.name != "Hamas"
    assert m.actor2 is not None and m.actor2.name == "Hamas"
    m = _run("One of Hezbollah's field commanders died in an Israeli strike on Sunday.")[0]
    assert _country(m.actor1) == "IL"
    m = _run("Six smugglers were aboard the skiff in the first strike on Sunday.")[0]
    assert m.actor1 is None or m.actor1.name != "smugglers"


def test_who_died_suffered_and_who_did_the_verb_after_acted() -> None:
    m = _run("Four smugglers died on Sunday when US forces hit their boat.")[0]
    assert _country(m.actor1) == "US"
    assert m.actor2 is not None and m.actor2.name == "smugglers"
    assert m.event_type == "Explosions/Remote violence"


# --- places from the event, not from its parties -----------------------------------------

def test_the_acting_state_is_no_place_of_the_event() -> None:
    m = _run("Two smugglers died on Sunday when US forces hit their boat at sea.")[0]
    assert _country(m.place) != "US"
    m = _run("A French drone strike killed three fighters on Sunday.")[0]
    assert _country(m.place) != "FR"


def test_a_state_that_was_hit_stays_the_place() -> None:
    m = _run("Israel struck Lebanon on Sunday, killing two people.")[0]
    assert _country(m.place) == "LB"


def test_the_heart_or_countryside_of_a_city_places_the_event_there() -> None:
    m = _run("An airstrike hit a market in the heart of Aleppo on Sunday, killing nine "
             "people.")[0]
    assert _country(m.place) == "SY"
    m = _run("Shells fell on farms in the eastern countryside of Homs on Sunday, killing "
             "two people.")[0]
    assert _country(m.place) == "SY"


# --- words of the trade ------------------------------------------------------------------

def test_executed_a_lethal_strike_is_a_strike_not_an_execution() -> None:
    m = _run("The navy executed another lethal strike on a smuggling boat on Sunday, "
             "killing two people.")[0]
    assert m.event_type == "Explosions/Remote violence"
    assert m.sub_event_type == "Air/drone strike"


def test_submersibles_and_narco_subs_are_vessels() -> None:
    m = _run("Jets struck a semi-submersible in the Pacific on Sunday, killing three.")[0]
    assert m.target_kind == "vessel"
    m = _run("A drone struck a submarine loaded with cocaine on Sunday, killing two.")[0]
    assert m.target_kind == "vessel"


def test_what_was_physically_hit_wins_over_who_was_in_it() -> None:
    m = _run("A drone strike killed a senior commander on Sunday. The strike hit his car "
             "on the main road.")[0]
    assert m.target_kind == "vehicle"


def test_a_strike_at_sea_hit_a_vessel() -> None:
    m = _run("Southern Command said it carried out a strike in international waters of the "
             "Caribbean on Sunday, killing four people.")[0]
    assert m.target_kind == "vessel"
    assert m.domain == "sea"


def test_an_unplaced_strike_in_a_boat_strike_story_hit_a_vessel_at_sea() -> None:
    ms = _run("The navy struck a drug boat in the Pacific on Saturday, killing three people. "
              "On Sunday a second strike killed two more people.")
    sunday = next(m for m in ms if m.date_low == "2024-06-09")
    assert (sunday.target_kind, sunday.domain) == ("vessel", "sea")


def test_a_toll_raised_later_replaces_the_first() -> None:
    m = _run("A missile strike hit the village on Sunday. Officials first put the dead at "
             "seven, and later raised the figure to nine.")[0]
    assert (m.killed_low, m.killed_high) == (9, 9)


def test_a_strike_two_months_before_publication_is_background() -> None:
    ms = _run("A U.S. strike on March 20 hit a boat.")
    assert ms and ms[0].background
    # with a toll or place of its own it is a report of that strike
    # (session 17's ruling, tests/gold/README.md)
    ms = _run("A U.S. strike on March 20 killed four men on a boat in the Caribbean.")
    assert ms and not ms[0].background and ms[0].date_low.endswith("-03-20")
    ms = _run("A U.S. strike on May 20 killed four men on a boat in the Caribbean.")
    assert ms and not ms[0].background


def test_more_tolls_as_people_say_them() -> None:
    # an aside "N of them children" between the count and its verb
    counts = read_counts("Twelve members of one clan, five of them children, died in the raid.")[0]
    assert counts["killed"] == (12, 12) and counts["children_killed"] == (5, 5)
    # a group's short name in brackets inside the noun phrase
    assert _killed("at least 9 Kurdistan Workers' Party (PKK) fighters were killed") == (9, None)
    # "martyred" is how many reports say killed
    assert _killed("Two soldiers were martyred in the ambush.") == (2, 2)
    # named victims "among" the toll: the toll is the whole
    assert _killed("The mayor and two guards were among six people killed in the attack.") \
        == (6, 6)
    # a clause that ended with its verb is not summed with the next
    assert _killed("Three men were killed and two were left clinging to the wreck.") == (3, 3)
    # "one of their jets killed 11": the jet is not a toll
    assert _killed("Officials deny that one of their jets killed 11 villagers.") == (11, 11)


def test_no_one_killed_and_only_material_damage_are_zero_dead() -> None:
    assert _killed("The rocket fire has killed no one so far.") == (0, 0)
    assert _killed("The attack caused only material damage, the army said.") == (0, 0)
    # unharmed own forces are no toll of the event
    assert _killed("No U.S. forces were harmed in the strike.") is None


def test_challenging_reports_of_a_strike_denies_it() -> None:
    m = _run("The army is challenging reports that one of its jets killed 11 villagers "
             "on Sunday.")[0]
    assert m.status == "denied"


def test_an_event_told_only_by_an_earlier_month_is_background() -> None:
    # published June 30: "in May" ended a month before, told as context
    ms = _run("In May, fighting around the town killed 40 soldiers.", published="2024-06-30")
    assert ms and ms[0].background
    # published June 3: last month's days are news still
    ms = _run("In May, fighting around the town killed 40 soldiers.", published="2024-06-03")
    assert ms and not ms[0].background


def test_the_day_of_a_post_or_press_call_is_not_the_events() -> None:
    ms = _run("Four people were killed in the latest strike on a drug boat, the minister "
              "said in a post on his X account on Monday (June 10).")
    assert ms and ms[0].date_low is None
    ms = _run("At least 20 villagers died when jets bombed a market, two residents told "
              "Reuters on Monday.")
    assert ms and ms[0].date_low is None
    # a plain "said on Monday" still dates a strike told with nothing else
    ms = _run("The navy struck a drug boat, killing four people, the minister said on "
              "Monday.")
    assert ms and ms[0].date_low == "2024-06-10"


def test_a_headline_places_an_article_whose_events_name_no_place() -> None:
    ms = _run("Israeli jets strike the heart of Aleppo in northern Syria\n\nFive people lost "
              "their lives and 12 were hurt in the early-Sunday raid, medics said. Syria's "
              "government condemned the raid.")
    assert ms and _country(ms[0].place) == "SY"


def test_a_citys_crowded_suburbs_are_the_city() -> None:
    m = _run("An airstrike on Beirut's crowded southern suburbs on Sunday killed two people.")[0]
    assert _country(m.place) == "LB"


def test_the_source_of_a_report_is_no_party() -> None:
    m = _run("At least eight people died in the strikes on Sunday, according to US Southern "
             "Command.")[0]
    assert m.actor2 is None or m.actor2.name != "US Southern Command"


def test_a_carrier_strike_group_is_a_unit_not_a_strike() -> None:
    m = _run("The Houthis said that earlier on Sunday they had launched 18 ballistic and cruise "
             "missiles and drones at the USS Harry S. Truman Carrier Strike Group.")[0]
    assert m.sub_event_type == "Shelling/artillery/missile attack"
    assert m.actor1 is not None and m.actor1.name == "Houthis"


def test_a_state_does_not_strike_its_own_ships() -> None:
    ms = _run("U.S. jets struck radar sites in Yemen on Saturday, killing four. On Sunday a "
              "missile hit a U.S. Navy destroyer in the Red Sea.")
    sunday = next(m for m in ms if m.date_low == "2024-06-09")
    assert _country(sunday.actor1) != "US"


def test_the_nth_strike_since_the_campaign_began_is_one_incident_of_its_own_day() -> None:
    m = _run("The army struck a boat on Saturday, killing three people, the 15th strike "
             "since the campaign began on March 2.")[0]
    assert m.kind == "event"
    assert m.date_low == m.date_high == "2024-06-08"  # not the campaign's start
    # the series itself is still a tally
    ms = extract(Article(text="The strikes have killed 60 people since the campaign began "
                              "in March.", published=PUB))
    assert [m.kind for m in ms] == ["tally"]


def test_a_force_right_before_sank_is_the_agent() -> None:
    m = _run("The navy sank a drug boat late Sunday, killing four people.")[0]
    assert m.actor1 is not None and m.actor1.name == "navy"
    assert m.event_type == "Explosions/Remote violence"


def test_a_condition_or_a_speech_after_the_event_places_nothing() -> None:
    m = _run("The rebels fired a missile at a cargo ship on Sunday, and warned they would go "
             "on as long as Gaza is under siege.")[0]
    assert _country(m.place) != "PS"


def test_a_country_after_in_stays_a_place_even_inside_a_partys_name() -> None:
    text = "The Islamic Resistance in Iraq claimed a drone strike on a base on Sunday."
    doc = Pipeline().read(Article(text=text, published=PUB))
    f = doc.frames[0]
    assert _country(f.actor1) == "IQ"  # the party read from "in Iraq"
    masked = mask_actors(text, f, 0, len(text))
    assert "in Iraq" in masked  # ... whose words still say where
    text = "US forces struck a boat on Sunday."
    doc = Pipeline().read(Article(text=text, published=PUB))
    assert mask_actors(text, doc.frames[0], 0, len(text)).startswith("   ")


def test_a_quoted_toll_and_citizens_killed() -> None:
    counts = read_counts('The strike killed "at least 12 civilians, three of them children".')[0]
    assert counts["civilians_killed"] == (12, None) and counts["children_killed"] == (3, 3)
    counts = read_counts("Three Syrian citizens were killed in the raid.")[0]
    assert counts["civilians_killed"] == (3, 3)
    # a figure never reaches past another figure to its noun
    counts = read_counts("The missile hit not one gunman but 10 dead civilians.")[0]
    assert counts["civilians_killed"] == (10, 10)


def test_pounded_and_stormed_are_event_words() -> None:
    m = _run("On Sunday the army pounded villages in the south with artillery, killing three.")[0]
    assert m.event_type == "Explosions/Remote violence"
    m = _run("Commandos stormed a militant hideout on Sunday and killed at least 14 fighters.")[0]
    assert m.event_type == "Battles"
    assert (m.killed_low, m.killed_high) == (14, None)


def test_the_figure_killed_takes_wins_over_an_article_read_through_a_gap() -> None:
    assert _killed("Troops stormed a militant hideout and killed at least 14 fighters.") == \
        (14, None)

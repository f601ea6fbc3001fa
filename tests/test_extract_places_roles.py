"""Places and roles real copy gets wrong (issue 14, items 5 and 7), each checked on
sentences written for these tests (none from any gold file): a given name read as a
country, a party's title read as a place, a cargo's origin, a patron ("Iran-backed"), a
speaker's place, a likeness, another subject's clause, and the official who announced a
strike read as its target."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.actors import country_mentions
from strikewatch.extract.places import country_place
from strikewatch.geo.reading import names_a_party, where_said
from strikewatch.records import Article, Mention

PUB = "2025-10-20"


def _run(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]


def _codes(text: str) -> list[str]:
    return [c for _, _, _, c in country_mentions(text)]


def test_a_country_that_is_a_given_name_before_a_surname_is_a_person() -> None:
    assert _codes("The family of Chad Morrison, 31, said he was a fisherman.") == []
    assert _codes("Jordan Ellis told reporters the boat sank.") == []
    # the countries themselves still read
    assert _codes("Strikes in Chad and Jordan on Monday.") == ["TD", "JO"]
    assert _codes("The Jordan Armed Forces said a drone fell near Chad.") == ["JO", "TD"]


def test_a_party_title_is_no_place() -> None:
    text = "On my orders, U.S. Military Forces hit a vessel this morning."
    a = text.index("U.S.")
    assert names_a_party(text, a, a + 4)
    text = "the Iran-backed rebels said two died"
    a = text.index("Iran")
    assert names_a_party(text, a, a + 4)
    # a place stays a place
    text = "a drone struck a car in Iran on Sunday"
    a = text.index("Iran")
    assert not names_a_party(text, a, a + 4)


def test_where_the_cargo_came_from_is_not_where_the_boat_was_hit() -> None:
    for text in ("the strike hit a boat bringing cocaine out of Peru",
                 "the vessel was carrying drugs from Peru"):
        a = text.index("Peru")
        assert names_a_party(text, a, a + 4), text
    text = "The navy struck a boat carrying drugs from Peru, killing four men."
    t = text.index("struck")
    place, _ = country_place(text, 0, len(text), (t, t + 6))
    assert place is None


def test_police_who_check_reports_are_not_the_place_of_the_strike() -> None:
    text = "Police in Guyana are checking reports that five men died when a boat was struck."
    assert where_said(text, text.index("in Guyana"))
    t = text.index("struck")
    place, _ = country_place(text, 0, len(text), (t, t + 6))
    assert place is None
    # where the event word comes first, the country after "in" is its place
    text = "A boat was struck in Guyana, police said."
    t = text.index("struck")
    place, _ = country_place(text, 0, len(text), (t, t + 6))
    assert place is not None and place.country == "GY"


def test_a_weekday_before_a_comma_is_no_town() -> None:
    text = "After the raids on Monday, Israel issued new warnings and more strikes followed."
    t = text.index("strikes")
    place, _ = country_place(text, 0, len(text), (t, t + 7))
    assert place is None
    text = "A drone strike hit a pickup near Kidal, Mali, on Sunday."
    t = text.index("strike")
    place, _ = country_place(text, 0, len(text), (t, t + 6))
    assert place is not None and place.country == "ML"


def test_a_likeness_and_another_subjects_clause_give_no_place() -> None:
    ms = _run("Militants fired rockets at a village in southern Lebanon on Saturday, while "
              "Israel fights Hamas in Gaza.")
    assert ms and all(getattr(m.place, "country", None) != "PS" for m in ms)
    ms = _run("Warplanes struck the port of Tyre on Sunday and left it as ruined as Gaza.")
    assert ms and all(getattr(m.place, "country", None) != "PS" for m in ms)


def test_the_official_who_posted_the_strike_is_not_its_target() -> None:
    ms = _run('"Our forces conducted a lethal strike on a vessel operated by a cartel in '
              'the Caribbean on Sunday," Senator Blake Harmon posted on X.')
    assert ms
    for m in ms:
        assert m.actor2 is None or "Harmon" not in m.actor2.name


def test_the_official_who_said_a_boat_was_bombed_did_not_suffer_it() -> None:
    ms = _run("Defense Secretary Dana Whitfield said a boat had been bombed by the navy in "
              "the Caribbean on Sunday and four men killed.")
    assert ms
    for m in ms:
        assert m.actor2 is None or "Whitfield" not in m.actor2.name


def test_words_of_the_trade_are_strikes() -> None:
    for text in ("Forces engaged the vessel in international waters on Monday, and all four "
                 "aboard were killed.",
                 "The navy neutralized a narco-sub in the Caribbean on Monday, killing two."):
        ms = _run(text)
        assert ms and ms[0].event_type == "Explosions/Remote violence", text
        assert ms[0].target_kind == "vessel", text
    assert _run("The envoy engaged in talks in Caracas on Monday.") == []


def test_a_publication_named_after_a_country_is_no_party() -> None:
    assert _codes("(Wire | Kenya News Now) Drones struck a camp on Monday.") == []
    assert _codes("Kenya Times reported that Kenya sent troops.") == ["KE"]


def test_a_partner_government_is_not_the_target() -> None:
    ms = _run("The U.S. military said it conducted an airstrike in coordination with the "
              "Federal Government of Kenya on Monday, killing two al-Shabaab militants.")
    assert ms
    assert ms[0].actor2 is not None and ms[0].actor2.type == "non_state"


def test_a_targets_record_a_sources_seat_and_a_patrons_militia_give_no_place() -> None:
    text = "killed 9 fighters, including a key plotter of attacks on the U.S. and Europe"
    a = text.index("U.S.")
    assert names_a_party(text, a, a + 4)
    text = "the Observatory, a monitor in the U.K. that tracks the war"
    assert where_said(text, text.index("in the U.K."))
    text = "sites used by groups tied to Iran's internal militia"
    a = text.index("Iran")
    assert names_a_party(text, a, a + 4)




def test_an_act_of_last_thursday_stands_apart_from_sundays_strike() -> None:
    ms = _run("On Sunday the navy bombed a boat in the Caribbean, killing three men, the "
              "minister said.\nAll three died and no sailors were hurt.\nHis post said only "
              "that it was struck in international waters.\nThe president confirmed on "
              "Saturday that a boat the navy hit last Thursday had left two survivors, one "
              "from Peru.")
    sunday = [m for m in ms if m.date_low == "2025-10-19"]
    thursday = [m for m in ms if m.date_low == "2025-10-16"]
    assert len(sunday) == 1 and sunday[0].survivors_low is None
    assert len(thursday) == 1 and thursday[0].survivors_low == 2


def test_every_sea_name_holds_a_stem_the_quick_test_looks_for() -> None:
    """seas_near runs _AT_SEA only where the window holds one of _SEA_STEMS: a sea name
    added without one would never be read."""
    import re

    from strikewatch.extract import places

    for alts in places._SEA_NAMES.values():
        for alt in alts.split("|"):
            spelled = re.sub(r"\[([^]]*)\]", lambda m: m.group(1)[0], alt)
            spelled = spelled.replace(r"\s+", " ").lower()
            assert any(s in spelled for s in places._SEA_STEMS), alt


def _countries(text: str) -> list[str | None]:
    return [m.place.country if m.place is not None else None for m in _run(text)]


def test_a_source_named_with_according_to_is_not_the_place() -> None:
    # the source's seat after "according to" places nothing
    text = "Days before, a navy strike had sunk a cargo skiff, according to Lisbon."
    assert "PT" not in _countries(text)
    # a place before the source phrase still places the event
    text = "On Friday, a drone strike killed three men in Kandahar, according to officials."
    assert _countries(text) == ["AF"]


def test_where_the_president_said_it_does_not_place_the_event_told_again() -> None:
    text = ("On Sunday the navy said its strike on a cargo skiff had killed four men. "
            "Last week, on board a warship in Norway, the president claimed the campaign had "
            "halted the smuggling.")
    assert "NO" not in _countries(text)
    # the event's own place, named before the speech verb of its own sentence, stands
    text = "In Kandahar, officials said a drone strike killed four men on Sunday."
    assert "AF" in _countries(text)


def test_an_event_whose_only_place_is_in_the_next_sentence_still_gets_it() -> None:
    text = ("A drone strike killed four men on Sunday, officials said. The strike hit a "
            "house in Kandahar, they added.")
    assert set(_countries(text)) == {"AF"}


def test_a_title_case_headline_names_the_striking_state_not_the_place() -> None:
    body = ("12 people have been killed in four US strikes on alleged drug boats since early "
            "September. Nine people aboard died in the first strike, on September 2; a later "
            "attack killed two survivors.")
    assert "US" not in _countries("12 Dead in US Boat Strikes as Doubts Grow\n\n" + body)
    # a state struck in the headline is still where the story is
    assert set(_countries("12 Dead in Syria Drone Strikes as Doubts Grow\n\n" + body)) == {"SY"}


def test_an_earlier_deed_of_another_subject_keeps_its_own_place() -> None:
    text = ("Drones struck a market on Monday, two days after rebels had attacked a convoy "
            "near Kidal.")
    # (the earlier deed is an event of its own, placed near Kidal; the strike is not)
    assert _countries(text)[0] is None
    # the event's own place before that clause stands
    text = ("Drones struck a market in Gao on Monday, two days after rebels had attacked a "
            "convoy near Kidal.")
    assert _countries(text)[0] == "ML"
    # the same strike told after "after" is no other deed
    text = "Two people died in hospital on Monday, a day after the strike had hit a house in Gao."
    assert _countries(text) == ["ML"]


def test_either_country_of_a_border_pair_names_the_border_not_the_place() -> None:
    # the first name of "the Chad–Sudan border" (dash or hyphen) is part of the border too
    for dash in ("–", "-", "—"):
        text = f"Jets bombed a market along the Chad{dash}Sudan border on Monday."
        trig = text.index("bombed")
        place, _ = country_place(text, 0, len(text), (trig, trig + len("bombed")))
        assert place is None, dash
    ms = _run("On Monday the Ethiopian air force carried out airstrikes on villages along the "
              "Ethiopia–Eritrea border, killing 12 people, a regional official said.")
    assert ms
    assert all(m.place is None or m.place.country != "ET" for m in ms)
    assert all(m.actor2 is None or m.actor2.country != "ET" for m in ms)


def test_a_place_hit_after_on_with_two_quarters_is_not_the_attacker() -> None:
    text = ("On Thursday, a series of raids on northern and western Iraq killed six people, "
            "among them a shepherd, and the Turkish army said it had hit an ammunition depot.")
    ms = extract(Article(text=text, published=PUB))
    assert ms
    assert all(m.actor1 is None or m.actor1.country != "IQ" for m in ms)


def test_the_war_a_strike_is_told_beside_is_not_its_place() -> None:
    text = "The raids are part of a feud tied to the war in Ukraine, officials said."
    trig = text.index("raids")
    place, _ = country_place(text, 0, len(text), (trig, trig + len("raids")))
    assert place is None
    ms = _run("Jets struck a depot on Monday in a cycle of reprisals linked to the conflict "
              "in Syria, killing four guards.")
    assert ms
    assert all(m.place is None or m.place.country != "SY" for m in ms)
    # a war that is the event's own place still places it
    ms = _run("Jets struck a depot in Syria on Monday, killing four guards.")
    assert ms and ms[0].place is not None and ms[0].place.country == "SY"


def test_the_sides_of_a_war_are_not_a_strikes_place() -> None:
    # "the war between A and B", "the war with A": who fights, not where one strike fell
    ms = _run("Warplanes struck a fuel depot on Sunday. The strikes came a week into the war "
              "between Iran and Israel.")
    assert ms and all(m.place is None for m in ms)
    text = "The raids came a year into the conflict with Egypt, officials said."
    trig = text.index("raids")
    place, _ = country_place(text, 0, len(text), (trig, trig + len("raids")))
    assert place is None
    # the country whose sites were hit still places it, war or no war
    ms = _run("Warplanes struck one of Iran's fuel depots on Sunday. The strikes came a week "
              "into the war between Iran and Israel.")
    assert ms and ms[0].place is not None and ms[0].place.country == "IR"


def test_a_groups_spokesman_who_tells_the_strikes_is_their_source_not_their_agent() -> None:
    ms = _run("The rebels' military spokesman, however, said the strikes hit a market in "
              "Kassala on Monday, killing nine people.")
    assert ms
    assert all(m.actor1 is None or m.actor1.name != "rebels" for m in ms)
    # "... said its fighters attacked": the group's own act
    ms = _run("The rebels' spokesman said its fighters attacked an army base in Kassala on "
              "Monday, killing nine soldiers.")
    assert ms and ms[0].actor1 is not None and ms[0].actor2 is not None


def test_the_place_of_what_a_strike_answered_is_not_the_strikes_place() -> None:
    text = ("Niger has launched several air strikes inside Mali overnight, and local officials "
            "say at least nine people were killed.\n\nNiamey said the strikes hit five suspected "
            "militant camps close to the Mali-Niger border. Niger's Ministry of Defence called "
            "the operation a \"measured answer\" and a \"reprisal\" for recent suicide bombings "
            "in Niger.\n\nAccording to Malian officials, the strikes fell on farms in Gao Region, "
            "and a spokesman put the dead at 11.")
    ms = _run(text)
    assert ms
    assert all(m.place is not None and m.place.country == "ML" for m in ms)


def test_a_state_another_worked_with_on_the_strikes_is_a_party_not_a_place() -> None:
    (m,) = _run("Mali's defence ministry said it had worked with Russia on air strikes near "
                "Kidal on Monday.")
    assert m.actor1 is not None and m.actor1.country == "RU"
    # a state after "with" that did not share the act stays no agent
    (m,) = _run("Drones struck a convoy on the border with Algeria on Monday.")
    assert m.actor1 is None or m.actor1.country != "DZ"


def test_a_toll_told_after_what_the_strikes_answered_is_the_strikes() -> None:
    # the toll told next is the strikes', not the attacks on Israel they answered (nor a
    # clash placed in Israel)
    for answered in ("answered repeated Houthi drone and missile attacks on Israel",
                     "were a reprisal for Houthi drone and missile attacks on Israel"):
        text = ("Israeli jets struck Houthi positions around Hodeidah, the army said.\n"
                f"The army said the raids {answered}.\n"
                "At least 12 people were killed, the local health office said.")
        events = [m for m in _run(text) if m.status == "occurred" and not m.background]
        tolls = [m for m in events if m.killed_low == 12]
        assert len(tolls) == 1, answered
        assert tolls[0].place is not None and tolls[0].place.country == "YE", answered


def _place_of(text: str, trigger: str) -> str | None:
    """The country-level place `country_place` reads for the event word `trigger`."""
    t = text.index(trigger)
    place, _ = country_place(text, 0, len(text), (t, t + len(trigger)))
    return None if place is None else place.country


def test_of_names_a_place_only_after_a_word_for_part_of_a_land() -> None:
    # whose or what, not where: control, an ally, a share of goods, governments, a canal
    assert _place_of("The rebels, in control of Yemen's capital, attacked two ships.",
                     "attacked") is None
    assert _place_of("The strike hit a convoy run by a key ally of Iran.", "strike") is None
    assert _place_of("A drone strike killed three men who moved much of U.S. cocaine.",
                     "strike") is None
    assert _place_of("Jets bombed the camp, a move backed by the governments of Mali and "
                     "Niger.", "bombed") is None
    assert _place_of("Boats were struck on both sides of the Panama Canal.", "struck") is None
    # a part of the land, or a share of its sites, is there
    assert _place_of("Jets pounded villages in the south of Lebanon on Friday.",
                     "pounded") == "LB"
    assert _place_of("An airstrike hit the outskirts of Syria's third city.",
                     "airstrike") == "SY"
    assert _place_of("Warplanes struck several of Iraq's air bases.", "struck") == "IQ"
    assert _place_of("A shell landed on the soil of Jordan, the army said.", "shell") == "JO"


def test_a_clause_of_what_someone_said_does_not_place_the_event() -> None:
    assert _place_of("The strike came hours after a speech in New York, where he said the "
                     "army would keep fighting in Gaza.", "strike") is None
    assert _place_of("The raid followed a rally, where she vowed to crush the militias in "
                     "Somalia.", "raid") is None
    # the event's own place before such a clause stands
    assert _place_of("The raid in Somalia followed a rally, where she vowed to go on.",
                     "raid") == "SO"


def test_an_earlier_deed_after_the_event_keeps_its_own_place() -> None:
    assert _place_of("Jets hit a camp on Thursday, a day after Iran had attacked a group "
                     "based in Pakistan.", "hit") is None
    assert _place_of("Drones bombed a depot, two days before the rebels had shelled towns in "
                     "Chad.", "bombed") is None


def test_what_an_event_answered_is_not_placed_by_the_answer() -> None:
    # the answer's place, before the cue, is not the cause's
    assert _place_of("Troops shelled a base in Syria to retaliate for the drone attack.",
                     "attack") is None
    assert _place_of("The strike, which hit a car in Iraq, was payback in retaliation for "
                     "last month's raid.", "raid") is None
    assert _place_of("Missiles fell on Yemen in response to the bombing.", "bombing") is None
    # its own place after the cue still places it
    assert _place_of("Troops shelled a base to retaliate for the drone attack in Jordan.",
                     "attack") == "JO"
    # and the answer keeps its own
    assert _place_of("Troops shelled a base in Syria to retaliate for the drone attack.",
                     "shelled") == "SY"


def test_a_country_near_the_event_or_off_its_coast_is_not_its_place() -> None:
    assert _place_of("A navy strike near Venezuela sank a speedboat.", "strike") is None
    assert _place_of("Gunboats were hit near the Yemen coast.", "hit") is None
    assert _place_of("A US strike off Venezuela killed four aboard a skiff.", "strike") is None
    assert _place_of("The vessel was bombed off the coast of Colombia.", "bombed") is None
    # a country the event was in still places it
    assert _place_of("A navy strike in Venezuela destroyed a dock.", "strike") == "VE"


def test_a_country_that_starts_the_next_clause_is_its_subject_not_a_towns_country() -> None:
    assert _place_of("On orders from the White House, the U.S. hit a skiff.", "hit") is None
    assert _place_of("After talks in the Pentagon, Israel struck a depot.", "struck") is None
    # "town, country" still reads
    assert _place_of("A drone struck a market in Kidal, Mali, on Friday.", "struck") == "ML"


def test_of_a_countrys_sites_places_the_event_there() -> None:
    assert _place_of("The bombing of Iran's nuclear sites went on all night.", "bombing") == "IR"
    assert _place_of("Plans include strikes and the seizure of Venezuela's oil fields.",
                     "strikes") == "VE"
    assert _place_of("Jets kept up the shelling of Lebanon's southern villages.",
                     "shelling") == "LB"


def test_a_description_of_the_subject_does_not_place_its_act() -> None:
    assert _place_of("The militia, based in Syria, fired rockets at the base.", "fired") is None
    assert _place_of("The Houthis, who hold much of Yemen, then attacked a tanker.",
                     "attacked") is None
    assert _place_of("The group, a branch of the movement in Somalia, bombed a convoy.",
                     "bombed") is None
    # a place told before the subject is the act's; so is one after the verb
    assert _place_of("On Friday, in Mali, a drone struck a market.", "struck") == "ML"
    assert _place_of("The militia, based in Syria, fired rockets into Iraq.", "fired") == "IQ"


def test_a_source_set_between_commas_does_not_end_the_events_words() -> None:
    assert _place_of("The raids, the report said, hit a part of Pakistan's north-west.",
                     "raids") == "PK"
    assert _place_of("The strike, officials say, destroyed a depot in Iraq.", "strike") == "IQ"
    assert _place_of("The bombing, residents told reporters, flattened homes in Syria.",
                     "bombing") == "SY"
    # a source closing the clause still ends it
    assert _place_of("A strike killed four men, residents in Syria told reporters.",
                     "strike") is None


def _place_codes(text: str) -> list[str | None]:
    return [m.place.country if m.place else None for m in _run(text)]


def test_a_patron_the_group_is_described_by_is_not_the_place() -> None:
    # wire, broadcaster and blog wordings of a group described by its patron
    for text, name in (
            ("Hezbollah, backed by Iran, fired a salvo of rockets over the border on Sunday.",
             "Iran"),
            ("The Houthis, long supported by Iran, attacked a cargo ship on Monday.", "Iran"),
            ("Militias armed and funded by Tehran launched drones at the base overnight.",
             "Tehran"),
            ("A militia allied with Iran fired rockets at the U.S. garrison on Tuesday.",
             "Iran"),
            ("The fighters, loyal to Turkey, shelled the village late on Friday.", "Turkey"),
            ("Los hutíes, respaldados por Irán, atacaron un buque el lunes.", "Irán"),
            ("Una milicia aliada de Irán lanzó cohetes contra la base el martes.", "Irán")):
        a = text.index(name)
        assert names_a_party(text, a, a + len(name)), text
    for text in ("Hezbollah, backed by Iran, fired a salvo of rockets over the border on Sunday.",
                 "A militia allied with Iran fired rockets at a garrison on Tuesday."):
        assert "IR" not in _place_codes(text), text
    # a strike in the patron's own land stays there
    assert _place_codes("A U.S. drone struck a car in Iran on Sunday.") == ["IR"]
    text = "the strike in Iran that was backed by the cabinet"
    a = text.index("Iran")
    assert not names_a_party(text, a, a + 4)


def test_a_post_the_dead_man_held_is_not_where_the_strike_was() -> None:
    for text, country in (
            ("The man killed in Monday's attack had also built up the group's network in Turkey, "
             "according to the command.", "TR"),
            ("A drone strike on Monday killed a militant leader who had headed the group's "
             "finances in Kenya.", "KE"),
            ("The airstrike killed a senior figure who once ran the movement's cells in "
             "Germany, the Pentagon said.", "DE"),
            ("A raid on Tuesday killed the commander, who had long directed the militia's "
             "smuggling in Jordan.", "JO"),
            # the post as a noun set beside the man's name
            ("A drone strike killed three militants on Wednesday, among them Abu Bakr, the "
             "head of the militia's operations in Syria.", "SY"),
            ("Monday's strike killed Ahmed Nur, a senior commander of al-Shabaab's network in "
             "Kenya, the command said.", "KE"),
            ("The raid killed the group's financier, the official in charge of its finances "
             "in Turkey.", "TR")):
        assert country not in _place_codes(text), text
    # the strike's own operation stays placed where it was led
    assert _place_codes("The U.S. military led the raid in Syria on Sunday, killing a "
                        "senior leader.") == ["SY"]
    assert _place_codes("Israeli forces led airstrikes in Gaza on Monday, killing five.") == \
        ["PS"]
    assert _place_codes("A drone strike in Iraq on Wednesday killed Abu Bakr, the head of the "
                        "militia's operations in Syria.") == ["IQ"]
    text = "The strike in Yemen on Monday killed the man who ran the group's media wing."
    t = text.index("strike")
    place, _ = country_place(text, 0, len(text), (t, t + 6))
    assert place is not None and place.country == "YE"


def _sides(text: str) -> list[tuple[str | None, str | None]]:
    return [(m.actor1.country if m.actor1 else None, m.actor2.country if m.actor2 else None)
            for m in _run(text)]


def test_the_party_a_threat_is_made_to_is_threatened_not_the_striker() -> None:
    # wire, broadcaster and blog wordings: who threatens is actor1, who is warned actor2
    for text, who, whom in (
            ("On Monday Iran threatened Israel with a massive response should its nuclear "
             "facilities come under attack.", "IR", "IL"),
            ("Iran warned the United States on Tuesday that it would strike American bases "
             "if attacked.", "IR", "US"),
            ("Israel's defence minister threatened Hezbollah with strikes on Beirut.", "IL",
             "LB"),
            ("Tehran has warned Washington that any strike on its soil will be answered.",
             "IR", "US")):
        sides = _sides(text)
        assert sides and sides[0][0] == who, (text, sides)
        assert sides[0][1] == whom, (text, sides)
    # no threat verb: the subject still acts and the object is still hit
    assert _sides("Israel struck Iran on Friday, killing 20 people.") == [("IL", "IR")]
    # a warning after which another clause tells a strike: the warned party is not its target
    sides = _sides("The United States warned Iran on Monday after its jets struck a base in "
                   "Syria.")
    assert sides and sides[0][1] != "IR"

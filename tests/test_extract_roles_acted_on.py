"""Who acted and who was acted on (issue 14, failure 5 "Roles"), on sentences written for
these tests (none from any gold file): a group that describes what was hit, the object of
an act of force and a party an attack is blamed on — each with a negative case where a
real attacker in similar words stays actor1."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-10-20"


def _one(text: str) -> Mention:
    got = [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]
    assert len(got) == 1, [m.model_dump() for m in got]
    return got[0]


def _a1(text: str) -> tuple[str | None, str | None]:
    m = _one(text)
    return (m.actor1.name, m.actor1.country) if m.actor1 else (None, None)


def test_a_group_the_target_is_tied_to_is_not_the_attacker() -> None:
    for text in ("On Friday the Pentagon struck a vessel linked to the ELN with a lethal "
                 "strike, killing two.",
                 "On Friday the Pentagon destroyed a boat operated by the Sinaloa Cartel in "
                 "a strike that killed two."):
        m = _one(text)
        assert m.actor1 is not None and m.actor1.country == "US", text
        assert m.actor2 is not None and m.actor2.country in ("CO", "MX"), text
    # negative: the group acting on its own stays the attacker
    assert _a1("On Friday the ELN attacked a police post near Arauca, killing two.")[1] == "CO"


def test_a_place_held_by_a_group_does_not_make_it_the_agent() -> None:
    m = _one("A drone strike hit a house in a village held by rebels on Sunday, killing one.")
    assert m.actor1 is None or m.actor1.name != "rebels"
    # negative: a real "by" agent after the event stays the agent
    name, country = _a1("Two fishermen were killed by Houthi rebels on Sunday.")
    assert country == "YE" and name == "Houthis"


def test_the_object_of_an_act_of_force_is_acted_on() -> None:
    m = _one("US Africa Command said its forces went after a senior Islamic State commander "
             "on Monday and killed him.")
    assert m.actor1 is not None and m.actor1.country == "US"
    assert m.actor2 is not None and m.actor2.name == "Islamic State"
    m = _one("On Tuesday the troops engaged a heavily armed group of militants, killing "
             "five in a clash.")
    assert m.actor1 is not None and m.actor1.name.lower() != "militants"
    # negative: the group that carried out the act stays the attacker
    assert _a1("On Tuesday Islamic State fighters attacked an army post, killing five.") \
        == ("Islamic State", None)


def test_who_an_attack_is_pinned_on_is_its_agent() -> None:
    name, country = _a1("Two people died when warplanes struck a port overnight, the "
                        "rebels said on Friday, blaming the raids on the United States.")
    assert country == "US"
    # negative: who only reports the strike is not its agent either way
    name, country = _a1("Two people died when warplanes struck a port overnight, the "
                        "rebels said on Friday.")
    assert country != "US"


def test_a_state_institution_that_told_the_event_is_not_its_agent() -> None:
    m = _one("Citing hospital staff, Yemen's state news agency said three people were "
             "killed in a drone strike on Tuesday.")
    assert m.actor1 is None or m.actor1.country != "YE"
    m = _one("Somalia's Ministry of Information says a US airstrike killed five militants "
             "near Jilib on Monday.")
    assert m.actor1 is not None and m.actor1.country == "US"
    # negative: a state's ministry telling of the state's own forces tells its act
    assert _a1("Turkey's defence ministry said on Wednesday that its jets had struck "
               "positions in the north, killing 12.")[1] == "TR"
    # negative: a cited command telling of its own strikes did them
    assert _a1("According to US Africa Command, its strikes on Monday killed several "
               "fighters near Jilib.")[1] == "US"
    # negative: a state's own forces said to have struck stay its act
    assert _a1("On Monday Pakistan's army said it struck hideouts in the north, killing "
               "twelve.")[1] == "PK"


def test_a_state_named_for_its_province_is_a_place() -> None:
    m = _one("On Thursday Turkish jets bombed caves in Iraq's Duhok province, killing "
             "nine fighters.")
    assert m.actor1 is not None and m.actor1.country == "TR"
    m = _one("The army said a sweep by security forces in the district facing "
             "Afghanistan's Paktika province had left 13 insurgents dead on Wednesday.")
    assert m.actor1 is not None and m.actor1.name == "security forces"
    # negative: the state named as who struck stays the attacker
    assert _a1("On Thursday Iran struck a camp in the border area, killing nine.")[1] == "IR"


def test_a_publication_or_a_monitor_based_in_a_country_is_no_party() -> None:
    m = _one("A researcher told The Washington Post that a drone strike killed two men "
             "near the border on Sunday.")
    assert m.actor1 is None or m.actor1.country != "US"
    m = _one("A UK-based monitor said a drone strike killed two men near Idlib on Sunday.")
    assert m.actor1 is None or m.actor1.country != "GB"
    # negative: the capital standing for its government still acts
    assert _a1("Washington struck a boat in the Caribbean on Monday, killing three.")[1] == "US"


def test_an_official_who_struck_back_in_words_made_no_strike() -> None:
    text = ("The country's president struck back after the announcement, accusing the "
            "administration of killing three fishermen.")
    assert [m for m in extract(Article(text=text, published=PUB))
            if m.kind == "event" and m.status == "occurred"] == []
    # negative: a state striking back with weapons did strike
    assert _a1("On Monday Iran struck back with missiles at a base in Iraq, killing two.")[1] \
        == "IR"


def test_a_name_glued_to_a_participle_describes_someone_else() -> None:
    m = _one("On Saturday a Hezbollah-linked source said an airstrike had killed two men.")
    assert m.actor1 is None or m.actor1.name != "Hezbollah"
    # negative: the group itself named as the attacker stays the attacker
    assert _a1("On Saturday Hezbollah fired rockets at a base, killing two soldiers.")[0] \
        == "Hezbollah"


def test_a_dateline_capital_is_where_the_story_was_filed() -> None:
    m = _one("Kabul - The ministry says at least four people died in the east on Sunday "
             "in airstrikes on a market.")
    assert m.actor1 is None or m.actor1.name != "Kabul"
    # negative: a capital standing for its government in the sentence still acts
    assert _a1("Kabul said its forces struck a camp on Sunday, killing four.")[1] == "AF"


def test_forces_of_two_states_are_led_by_the_first_named() -> None:
    m = _one("Kenyan and Somali troops raided a camp last week and killed 14 fighters.")
    assert m.actor1 is not None and m.actor1.country == "KE"
    # negative: one state's forces keep their own state
    assert _a1("Somali troops raided a camp last week and killed 14 fighters.")[1] == "SO"


def test_who_died_in_a_strike_is_not_its_agent_even_where_a_parse_is_asked() -> None:
    m = _one("Senior Islamic State leader Abu Omar al-Rashidi died in a drone strike in "
             "northern Syria on Monday, US Central Command has announced.")
    assert m.actor1 is None or m.actor1.name != "Islamic State"
    # negative: a named attacker of the same strike is read
    assert _a1("Islamic State leader Abu Omar al-Rashidi died in a US drone strike in "
               "northern Syria on Monday.")[1] == "US"
    # negative: a claimant before the event word stays the agent
    assert _a1("The Islamic Resistance in Iraq claimed a drone strike on a base on Sunday "
               "that killed two.")[1] == "IQ"

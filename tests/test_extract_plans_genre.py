"""Pages about plans, threats, statements, hearings and wars make no occurred strike from
the way they talk about the campaign (issue 14, failure class 8, batch K).

Batch G's rules (`test_extract_plans_frame.py`) learned G's wording; batch K showed what
else such pages say. Each rule is checked on sentences written for these tests (none from
any gold file), with a sentence beside it that must stay a strike:

- a future told by a speaker reaches past a quoted word ('raids on "rebel" camps could come
  next') and past an abbreviation in the telling ("told U.S. sailors ... that");
- craft hit in a number nobody counted ("sank a number of boats") are the campaign, not one
  strike — "a strike on several boats" is one;
- acts told across a window reaching to now ("Over the past few weeks the navy has carried
  out strikes") or after an opening "Since last month," with a perfect are the campaign so
  far (after "Since the truce collapsed," the act stays: a later "another rocket" is one
  more of it);
- "an attack submarine" is a craft, no event; "an attack helicopter" firing with a toll is;
- acts named as a kind by a verb of naming ("calling the strikes summary executions");
- a related story's capitalised headline ending in "!" is page furniture;
- a bare toll right after a sentence about a war as a whole is the war's tally;
- an undated strike told in a sentence about testimony to lawmakers is background;
- a run of strikes counted from the day it "began on" is a tally over that period, not a
  strike on that day (a start told alone keeps its date);
- a strike "a year ago" is background;
- a perfect with a bare plural object ("it has destroyed vessels carrying drugs") is the
  campaign to date (with a count and a toll it is news);
- "Each strike kills people ..." is a kind of act; a question asked ("Can Trump legally
  strike Venezuela?") is hypothetical;
- the strikes people "were killed in", named with no figure, are the campaign named;
- the act "ten years after" which a sentence is told is background (news told "a year after"
  an older deployment is not).
"""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-14"  # a Friday


def _mentions(text: str) -> list[Mention]:
    return registry.checked(registry.reader_for("en"), Article(text=text, published=PUB,
                                                               language="en"))


def _occurred_incidents(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind == "event" and m.status == "occurred" and
            m.event_type in ("Explosions/Remote violence", "Battles")]


def test_future_after_a_quoted_word_is_no_act() -> None:
    ms = _mentions("Kenya's president has hinted that strikes on \"bandit\" hideouts in Baringo "
                   "county could be next, as his government turns up the pressure on the gangs.")
    assert [m.status for m in ms] == ["threatened"]


def test_future_told_to_an_abbreviated_audience_is_no_act() -> None:
    ms = _mentions("With US forces massing near Venezuela, President Smith told U.S. troops on "
                   "Thanksgiving that the military operation will soon include strikes on land.")
    assert ms
    assert _occurred_incidents(ms) == []


def test_uncounted_boats_are_the_campaign_not_a_strike() -> None:
    ms = _mentions('"We hit a number of boats in the Caribbean, and since then nothing comes in '
                   'by sea," the US admiral said of the Venezuelan smugglers.')
    assert _occurred_incidents(ms) == []


def test_a_strike_on_several_boats_is_one_strike() -> None:
    ms = _mentions("The Coast Guard ended its search on Thursday for anyone who survived a "
                   "strike on several boats in the Gulf of Mexico.")
    assert len(_occurred_incidents(ms)) == 1


def test_strikes_over_the_past_weeks_are_the_campaign() -> None:
    for text in ("Over the past few weeks, the US military has struck boats in the Caribbean "
                 "off Venezuela.",
                 "In recent weeks the Israeli air force has carried out strikes on Hezbollah "
                 "sites in southern Lebanon, the army said."):
        assert _occurred_incidents(_mentions(text)) == [], text


def test_a_strike_with_a_day_and_toll_in_a_window_is_news() -> None:
    ms = _mentions("In recent weeks the army has stepped up its patrols. Its jets struck a "
                   "convoy near Kismayo on Tuesday, killing four fighters.")
    got = _occurred_incidents(ms)
    assert len(got) == 1 and got[0].killed_low == 4


def test_acts_since_last_month_are_the_campaign() -> None:
    ms = _mentions("Since last month the rebel movement, which holds the north after years of "
                   "war, has launched drones and missiles at cargo ships in the gulf.")
    assert _occurred_incidents(ms) == []


def test_acts_since_an_event_stay_for_another_to_follow() -> None:
    ms = _mentions("Since the truce collapsed, the rebels have fired rockets at the port "
                   "from time to time. The rebels fired another rocket at the port on "
                   "Thursday, but it fell short.")
    got = _occurred_incidents(ms)
    assert any(m.date_low == "2025-11-13" for m in got)


def test_an_attack_submarine_is_a_craft_not_an_event() -> None:
    ms = _mentions("The fleet in the Caribbean was joined by a nuclear-powered US attack "
                   "submarine, two destroyers and a cruiser.")
    assert _occurred_incidents(ms) == []


def test_an_attack_helicopter_that_fired_is_a_strike() -> None:
    ms = _mentions("On Wednesday an air force attack helicopter fired on the gunmen near the "
                   "river, killing 12, the army said.")
    got = _occurred_incidents(ms)
    assert len(got) == 1 and got[0].event_type == "Explosions/Remote violence"


def test_strikes_named_as_a_kind_are_no_act() -> None:
    ms = _mentions("Rights groups condemned the navy on Friday for sinking boats in the "
                   'gulf, calling the strikes "summary executions".')
    assert _occurred_incidents(ms) == []


def test_a_capitalised_related_headline_is_furniture() -> None:
    text = ("The minister warned that any attack on the capital would be answered in kind.\n\n"
            "Navy Jets Hit Rebel Arms Depot in Port Strike — Governor Furious!\n\n"
            "Talks on the ceasefire are due to resume next week in Geneva.")
    assert _occurred_incidents(_mentions(text)) == []


def test_a_sentence_in_plain_prose_ending_in_an_exclamation_is_no_headline() -> None:
    ms = _mentions("Navy jets struck a rebel arms depot in the port on Tuesday, killing "
                   "three guards!")
    assert len(_occurred_incidents(ms)) == 1


def test_a_toll_after_a_sentence_about_a_war_is_the_wars_tally() -> None:
    ms = _mentions("The commander set out what the last war with the rebels cost, a war that "
                   "ended in March. By his count, 3,000 fighters were killed and 9,000 "
                   "wounded.")
    assert not any(m.killed_low == 3000 for m in _occurred_incidents(ms))
    assert any(m.kind == "tally" and m.killed_low == 3000 for m in ms)


def test_a_strike_told_in_testimony_is_background() -> None:
    ms = _mentions("An admiral told lawmakers that the minister gave no order to sink it "
                   "before the navy struck a smuggling boat in the gulf a second time, "
                   "senators said after closed-door hearings.")
    got = _occurred_incidents(ms)
    assert got and all(m.background for m in got)


def test_a_run_of_strikes_counted_from_its_start_is_a_tally() -> None:
    ms = _mentions("The strikes, which began on Sept. 2, have killed at least 83 people in the "
                   "Caribbean and the eastern Pacific.")
    assert not any(m.date_low == "2025-09-02" for m in _occurred_incidents(ms))
    assert any(m.kind == "tally" and m.killed_low == 83 and m.period_low == "2025-09-02"
               for m in ms)


def test_a_start_told_alone_keeps_its_date() -> None:
    ms = _mentions("The offensive began on Tuesday when troops stormed the town, killing 12.")
    got = _occurred_incidents(ms)
    assert len(got) == 1 and got[0].date_low == "2025-11-11"


def test_a_strike_years_ago_is_background() -> None:
    ms = _mentions("A year ago, a US drone strike in Kabul killed ten members of one family, "
                   "including seven children.")
    got = _occurred_incidents(ms)
    assert len(got) == 1 and got[0].background


def test_vessels_destroyed_to_date_are_the_campaign() -> None:
    ms = _mentions("What we know about the US strikes on boats in the Caribbean. The US "
                   "military says it has destroyed vessels carrying drugs bound for America. "
                   "Critics say the strikes in international waters are illegal.")
    assert _occurred_incidents(ms) == []


def test_boats_struck_with_a_count_and_toll_are_news() -> None:
    ms = _mentions("The navy has destroyed a boat off Venezuela, killing four, Hegseth said.")
    got = _occurred_incidents(ms)
    assert len(got) == 1 and got[0].killed_low == 4


def test_each_strike_told_as_a_kind_is_no_act() -> None:
    ms = _mentions("Opinion | The war on drug boats is lawless\nThe administration keeps blowing "
                   "up boats in the Caribbean and calling it self-defence. Each strike kills "
                   "people who were never charged with a crime.")
    assert _occurred_incidents(ms) == []


def test_a_question_asked_is_no_act() -> None:
    ms = _mentions("Explainer: Can Trump legally strike Venezuela?\nThe US has already struck "
                   "more than 20 boats.")
    assert _occurred_incidents(ms) == []
    assert any(m.status == "hypothetical" for m in ms)


def test_the_strikes_people_died_in_are_named_not_told() -> None:
    ms = _mentions("Relatives of the men killed in the boat strikes gathered outside the US "
                   "embassy in Bogota on Saturday, holding photos of their loved ones.")
    assert _occurred_incidents(ms) == []


def test_a_toll_killed_in_strikes_is_still_told() -> None:
    ms = _mentions("Dozens of people were killed in Israeli strikes on tents in Mawasi on "
                   "Tuesday, the health ministry said.")
    assert len(_occurred_incidents(ms)) == 1


def test_the_act_years_have_passed_since_is_background() -> None:
    ms = _mentions("Ten years after the Kunduz hospital bombing, MSF still waits for "
                   "accountability. The US airstrike killed 42 people.")
    got = _occurred_incidents(ms)
    assert len(got) == 1 and got[0].background and got[0].killed_low == 42


def test_news_a_year_after_an_older_deployment_is_news() -> None:
    ms = _mentions("Nearly a year after Puntland sent troops into the mountains, militants "
                   "attacked a camp on Saturday, killing three.")
    got = [m for m in ms if m.kind == "event" and m.status == "occurred"]
    assert len(got) == 1 and not got[0].background and got[0].date_low == "2025-11-08"

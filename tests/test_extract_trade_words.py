"""Words real reports use for strikes that the lexicon once missed (issue 14, recall): "hit"
with a target, rockets "launched" or "sent", bombs "dropped", and a file photo's caption
credited ", file" below it. Every sentence here is written for these tests; each rule has a
negative: the same words as a figure of speech, a plan or a kind of act stay no event."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.components.assemble import is_furniture
from strikewatch.extract.triggers import ERV, find_triggers
from strikewatch.records import Article, Mention

PUB = "2025-03-12"  # a Wednesday


def _occurred(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _trigger_texts(sentence: str) -> list[str]:
    return [t.text for t in find_triggers(sentence) if t.event_type == ERV]


def test_hit_with_a_target_is_a_strike() -> None:
    assert _trigger_texts("On Monday the navy hit a fishing vessel off the coast.") == \
        ["hit a fishing vessel"]
    assert _trigger_texts("Jets hit three depots near the border.") == ["hit three depots"]
    (m,) = _occurred("Coalition aircraft hit two ammunition depots near Marib on Monday, "
                     "the coalition said.")
    assert m.event_type == ERV and m.date_low == "2025-03-10"


def test_a_place_struck_in_the_passive_is_a_strike() -> None:
    assert _trigger_texts("Two men died when a house in Kfar Tebnit was hit overnight.") == \
        ["house in Kfar Tebnit was hit"]
    assert _trigger_texts("The skiff hit on March 3 carried fuel, the coast guard said.") == \
        ["skiff hit"]


def test_hit_as_a_figure_of_speech_or_after_an_event_word_is_no_new_event() -> None:
    assert _trigger_texts("Prices hit a record high as the sanctions hit the economy.") == []
    # the strike is the event word; its "hit" adds no second one
    assert _trigger_texts("Navy strikes hit two radar sites on the coast.") == ["strikes"]
    # an order to hit is the act's purpose, not another act
    assert _trigger_texts("The admiral ordered the task force to hit a boat.") == []


def test_hit_with_a_bare_plural_is_a_kind_of_act() -> None:
    (t,) = find_triggers("The navy has hit boats in two oceans for months.")
    assert t.text == "hit boats" and t.strength == "weak"
    (t,) = find_triggers("Drones hit the three boats on Sunday.")
    assert t.strength == "strong"


def test_rockets_launched_sent_or_fired_in_quotes_are_an_attack() -> None:
    assert _trigger_texts('The group said it had fired "a barrage of Grad rockets" at a base.') \
        == ['fired "a barrage of Grad rockets']
    assert _trigger_texts("Four rockets were launched at the town from across the river.") == \
        ["rockets were launched"]
    assert _trigger_texts("The militia sent a salvo of missiles over the frontier.") == \
        ["sent a salvo of missiles"]
    assert _trigger_texts("A drone dropped two bombs on a farmhouse.") == ["dropped two bombs"]
    (m,) = _occurred("Militants launched four rockets at an army base near Kirkuk on "
                     "Tuesday, police said.")
    assert m.sub_event_type == "Shelling/artillery/missile attack"
    assert m.date_low == "2025-03-11"


def test_a_threat_to_launch_rockets_stays_a_threat() -> None:
    ms = extract(Article(text="The militia warned it would launch rockets at the base if the "
                              "raids continued.", published=PUB))
    assert ms and all(m.status != "occurred" for m in ms)


def test_a_caption_credited_as_a_file_photo_is_furniture() -> None:
    text = ("A mourner lights a candle on Jan. 4, 2025, for a man killed when the navy hit "
            "a boat off the coast.\nREUTERS/Jane Roe, file\n\nThe navy said on Tuesday it "
            "had hit a boat near the island, killing two.")
    at = text.index("hit a boat off")
    assert is_furniture(text, at, at + 5)
    at2 = text.index("hit a boat near")
    assert not is_furniture(text, at2, at2 + 5)
    inline = "Smoke rises over the port after a raid. (AP Photo/Jane Roe, File)"
    assert is_furniture(inline, 0, 5)
    (m,) = _occurred(text)
    assert m.date_low == "2025-03-11" and (m.killed_low, m.killed_high) == (2, 2)


def test_an_act_told_only_in_a_quote_is_the_event() -> None:
    # the only event word stands in a quoted statement: nothing before it to restate
    (m,) = _occurred('Three alleged "narco-terrorists" died at sea on Monday. The coast '
                     'guard said its cutter carried out "a lethal strike" on the boat.')
    assert (m.killed_low, m.killed_high) == (3, 3) and m.date_low == "2025-03-10"
    assert m.event_type == ERV
    assert any("lethal strike" in s.text for s in m.provenance["kind"] +
               m.provenance.get("event_type", []))


def test_a_quote_restating_the_strike_told_before_joins_it() -> None:
    (m,) = _occurred('A drone strike killed two people in a car near Marib on Monday. '
                     '"The strike hit the car as it left the market," a witness said.')
    assert (m.killed_low, m.killed_high) == (2, 2)


def test_deaths_with_no_act_of_war_named_are_no_strike() -> None:
    assert _occurred("Three fishermen died at sea on Monday when their boat capsized.") == []


def test_a_second_strike_told_after_and_is_an_event_of_its_own() -> None:
    ms = _occurred("A drone hit a car near Tyre on Monday, killing one and wounding two, and "
                   "a second drone strike on another car in Bint Jbeil killed one more.")
    assert len(ms) == 2
    assert sorted((m.killed_low, m.killed_high) for m in ms) == [(1, 1), (1, 1)]


def test_two_targets_of_one_strike_joined_by_and_stay_one_event() -> None:
    # no second act named ("a second strike", "another raid"): one strike, two targets
    (m,) = _occurred("An airstrike on Monday hit a depot near Idlib, killing three, and a "
                     "warehouse beside it.")
    assert (m.killed_low, m.killed_high) == (3, 3)


def test_strikes_carried_out_with_a_quoted_description_are_acts_done() -> None:
    (t,) = [t for t in find_triggers('The air force said it had carried out "precise and '
                                     'powerful" airstrikes on rebel camps.') if t.event_type]
    assert t.text == "airstrikes" and t.strength == "strong"
    # bare, with no act done ("airstrikes are feared"), the plural still only joins
    (t,) = find_triggers("Residents said airstrikes on rebel camps were feared.")
    assert t.strength == "weak"


def _kinds(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(m.kind, m.killed_low, m.killed_high)
            for m in extract(Article(text=text, published=PUB)) if m.status == "occurred"]


def test_a_campaign_toll_told_inverted_or_in_a_relative_clause_is_a_tally() -> None:
    assert _kinds("The navy hit a boat on Monday, killing three, a blow that brings to at "
                  "least 46 the number of people killed in the campaign.") == \
        [("event", 3, 3), ("tally", 46, None)]
    assert _kinds("The navy hit a boat on Monday, killing three. It is part of a wider "
                  "campaign in which at least 95 people have been killed since September.") == \
        [("event", 3, 3), ("tally", 95, None)]


def test_a_toll_raised_by_one_strike_alone_stays_that_strikes_toll() -> None:
    # no campaign or acts named: the one event's toll was revised, no aggregate
    assert _kinds("A drone hit a car near the border on Monday, and the strike brought the "
                  "number of dead to four.") == [("event", 4, 4)]


def test_hit_or_targeted_with_a_settled_place_as_object_is_a_strike() -> None:
    assert _trigger_texts("Russia hit the Ukrainian city of Odesa overnight.") == \
        ["hit the Ukrainian city"]
    assert _trigger_texts("Warplanes targeted the northern town of Kafranbel.") == \
        ["targeted the northern town"]
    (m,) = _occurred("Turkey hit the Iraqi province of Duhok on Monday, and local officials "
                     "said three people were killed.")
    assert m.event_type == ERV and m.date_low == "2025-03-10" and m.killed_low == 3
    # a storm that hit a town, a plan to hit the capital: no strike
    assert _trigger_texts("A cyclone hit the coastal town of Beira on Monday.") == []
    assert _occurred("The storm hit the capital on Monday, killing two people.") == []
    assert _trigger_texts("The militia vowed to hit the capital next.") == []


def test_a_partners_share_in_strikes_reports_them() -> None:
    (m,) = _occurred("Chad's army said it worked with France on airstrikes in Bol. Three "
                     "militants were killed, the army said.", published=None)
    assert m.event_type == ERV and m.killed_low == 3
    assert m.place is not None and m.place.country == "TD"
    # a bare plural with no partner's share stays a kind of act
    assert _occurred("Chad's army has long opposed airstrikes near Bol.") == []

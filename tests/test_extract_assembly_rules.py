"""Document-level assembly rules (components/assemble.py) that real follow-up reporting
showed missing, each checked on sentences written for these tests (none from any gold
file): a reference with nothing to refer to, a reference to the one dated event, an event
told only as what an inquiry or a defence is about."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention


def _run(text: str, published: str | None = "2025-12-10") -> list[Mention]:
    return extract(Article(text=text, published=published))


def _news(ms: list[Mention]) -> list[Mention]:
    """Occurred incidents told as news (not history recalled as context)."""
    return [m for m in ms if m.kind == "event" and m.status == "occurred" and
            not m.background]


def test_references_with_nothing_to_refer_to_report_no_incident() -> None:
    text = ("The president told troops on a call that the military operation against the "
            "smugglers was working. Legal experts have criticised the campaign, and "
            "senators demanded the legal justification for the attacks.")
    assert _news(_run(text)) == []


def test_a_possessive_before_a_verb_is_no_reference() -> None:
    # "its drones had hit": the drones are the country's, the event is told here
    ms = _run("Kyiv said separately that its naval drones had hit a Russian patrol boat "
              "off the Crimean peninsula.")
    assert len(_news(ms)) == 1


def test_a_reference_joins_the_one_dated_event_even_when_it_is_history() -> None:
    text = ("Navy Secretary John Harlan went on the attack as an admiral spoke up for the "
            "much-criticised strike on a fishing skiff. 'Two survivors were trying to climb "
            "back onto the hull, I saw.' Reyes defended the strike in an interview. During "
            "the October 1 strike on the skiff, Harlan told the admiral to leave no "
            "survivors, a newspaper reported.")
    ms = _run(text)
    events = [m for m in ms if m.kind == "event" and m.status == "occurred"]
    assert len(events) == 1
    assert events[0].background  # October 1 is months before the story
    assert events[0].date_low == "2025-10-01"
    assert _news(ms) == []


def test_a_reference_does_not_join_a_dated_event_with_another_toll() -> None:
    text = ("Officials defended the strike that killed four men on a speedboat. "
            "On October 1 a drone hit a fishing skiff, killing two, officials said.")
    events = [m for m in _run(text) if m.kind == "event" and m.status == "occurred"]
    assert len(events) == 2


def test_an_event_told_only_as_what_an_inquiry_is_about_is_background() -> None:
    text = ("An admiral told senators on Thursday that no order to kill survivors was given, "
            "as Congress looks into an attack in international waters that killed three "
            "men aboard a speedboat.")
    events = [m for m in _run(text, published=None) if m.kind == "event" and
              m.status == "occurred"]
    assert events and all(m.background for m in events)


def test_a_dated_strike_under_investigation_is_news() -> None:
    text = ("The army is investigating an airstrike on Tuesday that killed five "
            "villagers near Jilib, officials said.")
    assert len(_news(_run(text))) == 1


def test_acts_told_as_a_pattern_over_time_are_no_incident() -> None:
    for text in ("The air force has repeatedly bombed rebel camps in the north.",
                 "Border guards and the militia have traded fire almost daily since spring.",
                 "Since the new commander arrived, the navy has struck every two or three days.",
                 "Police posts in the province have been attacked more than 40 times since 2020.",
                 "For nearly four months the army carried out strikes on river barges.",
                 "Since May the coalition has waged a campaign of strikes on ports."):
        assert _news(_run(text)) == [], text


def test_a_pattern_word_elsewhere_or_a_toll_leaves_the_act() -> None:
    # the adverb belongs to another verb, past a comma
    ms = _run("A drone struck a truck near Marib on Sunday, officials said, though the "
              "ministry has repeatedly refused to give details.")
    assert len(_news(ms)) == 1
    # a toll picks out one act
    ms = _run("Jets repeatedly struck a market in Idlib, killing nine people.")
    assert len(_news(ms)) == 1


def test_a_file_photo_caption_tells_no_incident() -> None:
    text = ("Israeli jets struck a depot in Tyre on Monday, killing two.\n"
            "FILE - Rescuers search the rubble after an Israeli airstrike in Gaza City, "
            "Oct. 31, 2023. (AP Photo)\n"
            "File photo, Oct. 2, 2019: a drone strike hit a convoy near Idlib.\n"
            "2 of 5 | Smoke rises after an airstrike on the port of Sidon.\n")
    ms = [m for m in _run(text, published="2025-06-10") if m.kind == "event"]
    assert len(ms) == 1 and ms[0].killed_low == 2


def test_a_campaign_to_date_told_without_figures_is_no_incident() -> None:
    text = "The militia, which holds the coast, has shelled ferries in the gulf since spring."
    assert _news(_run(text)) == []
    # with a figure it counts acts or what they hit: it is kept (as a tally or an event)
    ms = _run("Coalition jets have destroyed at least 40 trucks since the campaign began.")
    assert ms and all(m.status == "occurred" for m in ms)


def test_an_inverted_condition_is_hypothetical() -> None:
    # the condition's head stands far before the event word
    ms = _run("Should Washington step up its role in the island's long-running civil "
              "dispute or attack the island, the rebel chief said on Wednesday, his "
              "fighters would fire rockets at its ships.")
    assert ms and all(m.status != "occurred" for m in ms)


def test_an_undated_event_told_only_as_described_or_apologised_for_is_background() -> None:
    text = ("A year on, the general publicly reversed course, calling the strike an error "
            "that killed a family of seven in their car.")
    events = [m for m in _run(text, published=None) if m.kind == "event" and
              m.status == "occurred"]
    assert events and all(m.background for m in events)


def test_rockets_told_in_the_passive_perfect_are_an_event() -> None:
    ms = _run("In a statement early on Friday, the militia said rockets had been fired in a "
              "barrage at an army base.", published="2024-09-13")
    assert len(_news(ms)) == 1


def test_an_aim_told_right_before_the_act_is_a_plan() -> None:
    ms = _run("The rebels' coordination centre told airlines that it meant to strike the "
              "country's airports.")
    assert ms and all(m.status == "planned" for m in ms)
    # an aim of another verb leaves the event alone
    ms = _run("Jets struck a depot near Tyre on Monday, killing two; the raid was meant to "
              "slow the flow of arms, officials said.", published="2025-06-10")
    assert len(_news(ms)) == 1


def test_a_series_of_strikes_on_the_day_retells_a_verb_told_act() -> None:
    text = ("On Monday the air force struck rebel targets in the port of Salif, answering a "
            "week of rocket fire. On Monday the rebels' own television confirmed that the air "
            "force had carried out a series of air strikes on Salif.")
    assert len(_news(_run(text, published="2025-07-22"))) == 1


def test_one_other_person_does_not_set_an_event_apart() -> None:
    text = ("The US Southern Command says two people died on Monday when the U.S. military "
            "hit a boat it suspected of running fuel off the coast. Two people died and one "
            "other survived the U.S. Navy attack on the boat, the command announced.")
    assert len(_news(_run(text, published="2025-06-10"))) == 1


def test_the_fighting_with_a_toll_does_not_retell_a_strike() -> None:
    # a guard: "the fighting" is the war, whatever the retelling rules let join
    text = ("A car in south Lebanon was hit by an Israeli drone on Saturday morning, killing "
            "three militia members, a security source said. The army said it had hit a "
            "vehicle carrying fighters who had fired rockets. In Lebanon the fighting has "
            "cost the lives of over 200 militia fighters and 37 or more civilians.")
    ms = [m for m in _run(text, published="2024-03-02") if m.status == "occurred"]
    car = [m for m in ms if m.killed_low == 3]
    assert len(car) == 1 and all(s.text.find("fighting") < 0 for s in car[0].spans)


def test_an_undated_event_told_only_as_what_a_video_shows_is_background() -> None:
    text = ("A senator who sat in the closed session said video of the second strike left "
            "him deeply troubled. \"Two survivors clinging to the wreck were killed,\" he said.")
    events = [m for m in _run(text, published=None) if m.kind == "event" and
              m.status == "occurred"]
    assert events and all(m.background for m in events)


_PACIFIC_LEDE = ("On Tuesday U.S. forces struck a boat in the eastern Pacific, killing two men, "
                 "the defense secretary said. ")


def test_a_strike_told_in_another_sea_is_another_event() -> None:
    # the same toll and no date: only the seas named around the event words tell them apart
    ms = _news(_run(_PACIFIC_LEDE + "Two fishermen from Peru lived through a U.S. strike on "
                    "a speedboat in the Caribbean, and two others aboard died.", "2025-11-12"))
    assert len(ms) == 2
    pacific, caribbean = sorted(ms, key=lambda m: m.spans[0].start)
    assert (pacific.killed_low, pacific.killed_high) == (2, 2)  # not 2 + 2
    assert all("Caribbean" not in s.text for s in pacific.spans)
    assert caribbean.place is not None and caribbean.place.name == "Caribbean Sea"
    # told in the same sea, the survivors' strike is the one of the lede
    same = _news(_run(_PACIFIC_LEDE + "Two fishermen from Peru lived through the U.S. strike "
                      "on the speedboat in the Pacific, and two others aboard died.",
                      "2025-11-12"))
    assert len(same) == 1


def test_a_sea_the_campaign_used_does_not_set_the_event_apart() -> None:
    # "operations like this ... in the Caribbean": where the campaign went, not this strike;
    # "on its way to the Caribbean": where a ship goes
    text = (_PACIFIC_LEDE + "So far operations like this have mostly happened in the "
            "Caribbean. The strike came as a carrier was on its way to the Caribbean.")
    ms = _news(_run(text, "2025-11-12"))
    assert len(ms) == 1 and len(ms[0].spans) >= 2
    assert ms[0].place is not None and "Pacific" in (ms[0].place.name or "")


def test_a_retelling_joins_the_earlier_event_that_shares_its_facts() -> None:
    # two strikes that day could be retold; the retelling tells the van and the toll of
    # the first, so it is the first one's, not a third incident
    text = ("A drone strike on a van near Marjayoun killed two people on Tuesday, a "
            "security source said. Israeli jets hit a depot near Baalbek on Tuesday, "
            "killing two fighters, the army said. Two people were killed on Tuesday when an "
            "Israeli strike hit a van in the south, the health ministry said.")
    ms = _news(_run(text, published="2025-03-05"))
    assert len(ms) == 2
    van = next(m for m in ms if m.place is not None and m.place.name == "Marjayoun")
    assert len(van.spans) == 2
    assert van.target_kind == "vehicle"


def test_two_strikes_told_alike_leave_a_retelling_of_either_apart() -> None:
    # nothing tells which of two alike strikes the third sentence retells
    text = ("A drone strike on a van near Marjayoun killed two people on Tuesday. "
            "A drone strike on a van near Baalbek killed two people on Tuesday. "
            "Two people were killed on Tuesday when an Israeli strike hit a van in the south.")
    ms = _news(_run(text, published="2025-03-05"))
    assert len(ms) == 3


def test_a_standfirst_that_cuts_off_the_lede_tells_its_event_once() -> None:
    # a mirror prints the lede's first words as a teaser line, then the whole lede
    # (longer than a headline, so no furniture rule drops it)
    lede = ("Two local officials said on Saturday that an Ecuadorian navy drone destroyed "
            "a fuel depot used by river smugglers near the port of Esmeraldas late on "
            "Friday night")
    text = (f"{lede}\n\n{lede}, though the navy has not commented. Residents said the "
            "blaze lasted for hours.")
    ms = _news(_run(text, published="2025-03-09"))
    assert len(ms) == 1
    assert len(ms[0].spans) >= 2


def test_a_cut_off_telling_is_found_by_its_words_and_event_word() -> None:
    from strikewatch.extract.components.assemble import _cut_telling
    whole = ("Two local officials said on Saturday that a navy drone destroyed a fuel depot "
             "near the port late on Friday night, though the navy has not commented.")
    cut = whole[:whole.index(", though")]
    at = whole.index("destroyed")
    group = object()
    first = {(whole, at): group}
    assert _cut_telling(first, (cut, at)) is group  # type: ignore[arg-type]
    assert _cut_telling({(cut, at): group}, (whole, at)) is group  # type: ignore[arg-type]
    assert _cut_telling(first, (cut, at + 1)) is None  # type: ignore[arg-type]
    assert _cut_telling(first, (whole[:40], at)) is None  # type: ignore[arg-type]


def test_a_short_shared_opening_is_no_cut_off_telling() -> None:
    # two strikes told in sentences that open alike are not one sentence cut off
    text = ("A drone hit a car in Tyre on Friday, killing two men. Later a drone hit a "
            "car in Sidon on Saturday, killing a woman.")
    ms = _news(_run(text, published="2025-03-09"))
    assert len(ms) == 2


def test_earlier_that_dates_a_telling_does_not_set_an_act_apart() -> None:
    # "Earlier, the agency had said" is when the act was told, not another act
    text = ("A Russian drone hit a minibus on Thursday near Kherson, regional officials "
            "said. Earlier, the regional governor had said two people died when a drone "
            "struck a minibus on the road to Kherson.")
    ms = _news(_run(text, published="2025-03-07"))
    assert len(ms) == 1


def test_an_earlier_act_stays_apart() -> None:
    # "Earlier" before the act itself still tells an act before the one told
    text = ("A Russian drone hit a minibus on Thursday near Kherson, killing two, regional "
            "officials said. Earlier, a drone struck a bus near Kherson, killing two.")
    ms = _news(_run(text, published="2025-03-07"))
    assert len(ms) == 2

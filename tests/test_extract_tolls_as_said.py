"""Tolls said the way reporters say them (issue 14, item 4): a floor told again, a toll that
adds to the one told, a campaign's running toll beside one strike's (sentences written for
these tests)."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.components.mentions import widen
from strikewatch.records import Article, Mention

PUB = "2025-06-11"  # a Wednesday


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _tallies(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "tally"]


def test_widen_keeps_a_floor_open_when_it_is_told_again_bare() -> None:
    assert widen((8, None), (8, 8)) == (8, None)
    assert widen((8, 8), (8, None)) == (8, None)
    # a higher figure from another source closes the range at it
    assert widen((9, None), (11, 11)) == (9, 11)
    # a lower bare figure lowers the floor, and still closes nothing
    assert widen((17, None), (3, 3)) == (3, None)
    assert widen((2, 2), (4, 4)) == (2, 4)
    # strikes told bare are the count itself
    assert widen((2, None), (2, 2), floors=False) == (2, 2)


def test_at_least_told_again_as_a_bare_figure_stays_at_least() -> None:
    text = ("A drone strike on a wedding convoy in Zabul province killed at least twelve "
            "people on Tuesday, local officials said. The twelve dead included the groom's "
            "father, a provincial spokesman said.")
    events = _events(text)
    assert [(m.killed_low, m.killed_high) for m in events] == [(12, None)]


def test_a_strike_that_also_killed_others_adds_them_to_the_toll_once() -> None:
    text = ("An army drone strike on a cattle market in Gao region killed at least 11 "
            "civilians on Tuesday, a rights group said. The strike also killed two armed "
            "men, the group said. The group said the strike, in which two armed men also "
            "died, may amount to a war crime.")
    events = _events(text)
    assert len(events) == 1
    assert (events[0].killed_low, events[0].killed_high) == (13, None)


def test_a_campaigns_toll_raised_by_the_strike_is_a_tally_not_its_toll() -> None:
    text = ("Navy jets struck a speedboat in the Gulf of Aden on Tuesday, killing four "
            "people, the ministry said. The ministry said the strike raises the toll of all "
            "the naval operations to at least 61 dead.")
    events = _events(text)
    assert [(m.killed_low, m.killed_high) for m in events] == [(4, 4)]
    assert any(t.killed_low == 61 for t in _tallies(text))


def test_a_toll_raised_for_the_one_strike_is_its_new_toll() -> None:
    text = ("An airstrike killed four people in a village near Marib on Tuesday, the "
            "health office said. The office later raised the toll to nine.")
    events = _events(text)
    assert [(m.killed_low, m.killed_high) for m in events] == [(9, 9)]


def test_a_toll_that_has_risen_is_not_widened_by_the_figure_it_rose_from() -> None:
    text = ("The toll of an airstrike on a fuel depot near Marib the day before has risen "
            "to eleven dead, the health office said on Wednesday. The day before, a "
            "spokesman had given three men and two boys as the dead.")
    events = _events(text)
    assert [(m.killed_low, m.killed_high) for m in events] == [(11, 11)]
    # the strike was the day before the day the toll was told
    assert events[0].date_low == "2025-06-10"


def test_a_figure_beats_a_vague_word_for_the_same_toll() -> None:
    text = ("A drone strike on a market in Kaduna State on Sunday left several villagers "
            "dead, the governor said. Residents said 27 people were killed in the strike.")
    events = _events(text)
    assert [(m.killed_low, m.killed_high) for m in events] == [(27, 27)]
    text = ("A drone strike on a market in Kaduna State on Sunday killed 27 people, "
            "residents said. The strike left several villagers dead, the governor said.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(27, 27)]


def test_a_finding_of_no_civilian_harm_is_zero_civilians_killed() -> None:
    from strikewatch.extract.counts import read_counts
    for sentence in ("Officials said there were no reports of civilian casualties.",
                     "The army found no evidence of property damage or civilian deaths.",
                     "There was nothing to suggest civilian casualties, she said.",
                     "The commander was the only one killed; nobody else died, civilians "
                     "included."):
        assert read_counts(sentence)[0].get("civilians_killed") == (0, 0), sentence
    text = ("A U.S. drone strike killed a militia commander in a car in Kirkuk on Tuesday, "
            "the command said. It said there was so far no sign of civilian casualties.")
    events = _events(text)
    assert len(events) == 1
    assert (events[0].civilians_killed_low, events[0].civilians_killed_high) == (0, 0)
    assert (events[0].killed_low, events[0].killed_high) == (1, 1)


def test_no_harm_to_the_striking_forces_is_no_toll_of_the_strike() -> None:
    text = ("Navy jets struck a speedboat in the Gulf of Aden on Tuesday, killing three "
            "people, the ministry said. No naval forces were harmed in the operation.")
    events = _events(text)
    assert [(m.killed_low, m.killed_high) for m in events] == [(3, 3)]
    text = ("Navy jets struck a speedboat in the Gulf of Aden on Tuesday, the ministry said. "
            "No navy personnel were hurt.")
    assert all(m.killed_low is None and m.injured_low is None for m in _events(text))


def test_everyone_on_board_killed_is_as_many_as_were_aboard() -> None:
    text = ("Navy jets struck a speedboat in the Gulf of Aden on Tuesday, killing everyone "
            "on board. The boat carried five men, the ministry said.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(5, 5)]
    text = ("A speedboat with seven people aboard was struck in the Gulf of Aden on Tuesday. "
            "All aboard were killed, the ministry said.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(7, 7)]
    # no crew told, or two counts that differ: no toll is made up
    text = ("Navy jets struck a speedboat in the Gulf of Aden on Tuesday, killing everyone "
            "on board.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(None, None)]
    text = ("Navy jets struck a speedboat with five people aboard and a skiff with two "
            "people aboard in the Gulf of Aden on Tuesday, killing everyone on board.")
    assert all(m.killed_low != 5 for m in _events(text))


def test_none_of_them_survived_is_no_survivor_and_all_dead() -> None:
    from strikewatch.extract.counts import read_counts
    counts = read_counts("Four men were on the skiff; none of the four survived.")[0]
    assert counts.get("survivors") == (0, 0)
    assert counts.get("killed") == (4, 4)
    assert read_counts("Two of the four survived.")[0].get("survivors") == (2, 2)


def _killed(sentence: str) -> tuple[int | None, int | None] | None:
    from strikewatch.extract.counts import read_counts
    return read_counts(sentence)[0].get("killed")


def test_a_count_reaches_its_verb_across_a_long_subject() -> None:
    # the figure opens the subject; prepositional phrases, a participle or a relative
    # clause between commas stand between it and "were killed"/"died"
    said = {
        "Nine smugglers aboard two skiffs off the coast of Puntland were killed, the "
        "command said.": (9, 9),
        "Five people on board the dhow, which officials said had left Bosaso at dawn, were "
        "killed.": (5, 5),
        "Two brothers riding a motorcycle near the market in Jilib were killed.": (2, 2),
        "The ministry said seven fishermen from the village of Ras Kamboni died.": (7, 7),
        "At least 12 fighters in a convoy heading towards the border were killed.": (12, None),
        "All 11 people on board the semi-submersible in the Caribbean were killed.": (11, 11),
    }
    for sentence, want in said.items():
        assert _killed(sentence) == want, sentence


def test_killed_all_n_aboard_is_a_toll_of_n() -> None:
    assert _killed("The drone strike killed all three people aboard the launch.") == (3, 3)
    assert _killed("Navy helicopters fired on the boat, killing all six aboard.") == (6, 6)


def test_a_count_inside_the_subjects_modifier_is_no_toll() -> None:
    # the toll is the figure the subject opens with, never one counting another noun
    assert _killed("Eight people in two cars near the checkpoint were killed.") == (8, 8)
    # the count's own verb comes first: it is not the toll
    assert _killed("Four men in the truck near Marka were arrested and two others were "
                   "killed.") == (2, 2)
    assert _killed("Forty families in the town were evacuated before five fighters were "
                   "killed.") == (5, 5)
    # a span of time, a distance or boats is no subject that dies
    assert _killed("Three days after the raid on the compound near Sakow, the commander "
                   "died.") is None
    assert _killed("Ten people in the village, where militants were hiding, were "
                   "wounded.") is None
    assert _killed("Two boats carrying fuel in the Caribbean were struck.") is None


def test_a_toll_over_several_boats_is_counted_over_those_boats() -> None:
    from strikewatch.extract.counts import read_counts
    counts = read_counts("Eleven traffickers aboard three boats in the Eastern Pacific were "
                         "killed, the minister said.")[0]
    assert counts.get("killed") == (11, 11)
    assert counts.get("strikes") == (3, 3)  # a day's total over three boats, not one strike
    # where the clause counts its strikes, that count stands
    counts = read_counts("Eleven traffickers aboard three boats were killed in two strikes.")[0]
    assert counts.get("strikes") == (2, 2)
    # one boat: one strike's toll, no count of strikes
    counts = read_counts("Six people aboard the boat in the Caribbean were killed.")[0]
    assert counts.get("killed") == (6, 6) and "strikes" not in counts


def test_a_word_in_quotes_or_a_dateline_does_not_hide_the_toll() -> None:
    assert _killed('Two more suspected "smugglers" died in the Gulf of Aden on Sunday.') == \
        (2, 2)
    assert _killed("(MOGADISHU) All four men on board a fishing skiff were killed.") == (4, 4)
    assert _killed("At least five people, a district governor among them, died when the "
                   "drone hit the convoy.") == (5, None)
    # quotes do not join a count to a verb in another clause
    assert _killed('Officials counted two "technicals" near the base; the convoy was '
                   "destroyed.") is None


def test_civilians_including_children_counts_civilians_not_children() -> None:
    from strikewatch.extract.counts import read_counts
    counts = read_counts('A council member said "at least 30 civilians including children" '
                         "died in the shelling.")[0]
    assert counts.get("killed") == (30, None)
    assert counts.get("civilians_killed") == (30, None)
    assert "children_killed" not in counts
    # the count that counts children still does
    assert read_counts("The shelling killed six children.")[0].get("children_killed") == (6, 6)


# --- a toll counted in dozens, a part of a toll told whole ---------------------------------

def test_a_count_in_dozens_is_read_whole() -> None:
    from strikewatch.extract.counts import read_counts

    assert read_counts("More than two dozen people died in the raids.")[0]["killed"] == (
        25, None)
    assert read_counts("Two dozen fighters were killed.")[0]["killed"] == (24, 24)
    assert read_counts("Two fighters were killed.")[0]["killed"] == (2, 2)


def test_some_of_the_dead_told_whole_give_the_whole_toll() -> None:
    (m,) = _events("The two fishermen are thought to be two of the six people who died "
                   "when the navy struck a boat off the cape.")
    assert (m.killed_low, m.killed_high) == (6, 6)
    assert [s.text for s in m.provenance["killed"]] == ["six"]


def test_a_part_whose_verb_is_its_own_stays_the_part() -> None:
    from strikewatch.extract.counts import read_counts

    # the verb counts the part ...
    assert read_counts("Three of the five men aboard were killed.")[0]["killed"] == (3, 3)
    # ... and a part placed on one boat is that boat's toll, not the day's
    assert read_counts("Eight of the 11 dead were aboard the two boats in the Pacific.")[0][
        "killed"] == (8, 8)
    # "one of two men who died" may be two among more dead: neither figure is the toll
    assert "killed" not in read_counts(
        "He is thought to be one of two fishermen who died in the strike.")[0]


def test_a_short_aside_between_the_dead_and_their_verb() -> None:
    from strikewatch.extract.counts import read_counts

    assert read_counts("The bomb hit a farm and one person, not yet identified, was "
                       "killed.")[0]["killed"] == (1, 1)
    assert read_counts("Two people, both civilians, were killed.")[0]["killed"] == (2, 2)
    # an aside before another verb is no toll
    assert "killed" not in read_counts("Two boats, the navy said, were hit.")[0]
    assert "killed" not in read_counts("Two people, both civilians, were hurt.")[0]


def test_the_dead_among_those_told_before_are_a_toll() -> None:
    from strikewatch.extract.counts import read_counts

    assert read_counts("The camp housed refugees and at least nine of them died, three "
                       "women among them.")[0]["killed"] == (9, None)
    # "nine of them children" counts the children among the dead, not the dead
    got = read_counts("Twenty people died, nine of them children.")[0]
    assert got["killed"] == (20, 20) and got["children_killed"] == (9, 9)
    assert "killed" not in read_counts("Ten people were hurt, three of whom were "
                                       "children.")[0]


def test_a_leader_killed_by_title_and_name_is_one_dead() -> None:
    from strikewatch.extract.counts import read_counts

    assert read_counts("The drone killed militia commander Abu Bakr al-Tamimi in his "
                       "car.")[0]["killed"] == (1, 1)
    # a figure before the title counts, not the name
    assert read_counts("The raid killed two commanders and wounded Abu Bakr.")[0][
        "killed"] == (2, 2)


def test_killed_or_wounded_is_no_death_toll() -> None:
    from strikewatch.extract.counts import read_counts

    for text in ("Twelve soldiers were killed or wounded in the attack.",
                 "The clashes were costly, with several soldiers and officers reported "
                 "killed or wounded.",
                 "The shelling killed or injured 30 people."):
        got = read_counts(text)[0]
        assert "killed" not in got and "injured" not in got, text
    # "no civilians were injured or killed" after a toll leaves the toll alone
    got = read_counts("The strike killed three fighters and no civilians were injured or "
                      "killed.")[0]
    assert got["killed"] == (3, 3)


def test_a_span_of_days_or_miles_before_another_death_is_no_toll() -> None:
    # "four days after ... was killed": the figure measures time, the death is another act's
    text = ("A car bomb hit a police convoy outside Kismayo on Tuesday, killing nine officers. "
            "The blast took place four days after its commander was killed in an air strike.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(9, 9)]
    text = ("Gunmen opened fire on a bus near Gao on Monday. The bus stopped some five "
            "kilometres from where two herders were killed last year.")
    everything = extract(Article(text=text, published=PUB))
    assert everything and all(m.killed_low != 5 for m in everything)
    # a figure that counts people still reaches its verb across words
    text = "Militants stormed a checkpoint near Gao on Monday. Four soldiers were killed."
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(4, 4)]


def test_a_count_reaches_its_death_verb_past_two_asides() -> None:
    text = ("Clan elders said four members of the Watch, the local self-defence group, among "
            "them its deputy leader, died on Tuesday night when a drone struck their truck "
            "near the ferry crossing.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(4, 4)]
    text = ("Officials said two guards, among them a sergeant, the convoy's driver, were "
            "killed on Tuesday when a drone hit their checkpoint outside the port.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(2, 2)]


def test_an_aside_before_another_verb_is_no_toll() -> None:
    text = ("A drone strike on Tuesday hit a pickup carrying five men, the governor said, and "
            "a warehouse nearby, the police added, was burned down.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(None, None)]


def test_a_toll_its_sentence_says_will_grow_is_a_floor() -> None:
    text = ("A drone strike on a bus depot in Kassala on Tuesday killed nine people, and "
            "hospital staff said the toll was likely to rise as more bodies were found.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(9, None)]
    text = ("Health officials said an air strike on the market in Kassala on Tuesday left "
            "twelve dead and 40 injured, figures expected to climb overnight.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(12, None)]


def test_other_things_that_may_rise_leave_the_toll_exact() -> None:
    text = ("A drone strike on a bus depot in Kassala on Tuesday killed nine people, and "
            "analysts said tensions were likely to rise along the border.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(9, 9)]
    # a growth told before the figure is about something else
    text = ("With the number of displaced people likely to grow, an air strike on the market "
            "in Kassala on Tuesday killed nine people, officials said.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(9, 9)]


def test_two_counts_sharing_one_death_verb_are_one_toll() -> None:
    text = ("Two soldiers and three civilians were killed on Tuesday when a drone hit the "
            "checkpoint outside Kassala, officials said.")
    [m] = _events(text)
    assert (m.killed_low, m.killed_high) == (5, 5)
    assert (m.civilians_killed_low, m.civilians_killed_high) == (3, 3)
    text = ("Police said 12 gunmen and 9 border guards were killed on Tuesday when an air "
            "strike hit the crossing near Kassala.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(21, 21)]
    text = ("Two guards and four cooks who worked at the depot died on Tuesday when a drone "
            "hit the depot near Kassala.")
    assert [(m.killed_low, m.killed_high) for m in _events(text)] == [(6, 6)]


def test_a_count_with_a_verb_of_its_own_is_not_added() -> None:
    text = ("A drone strike on the checkpoint outside Kassala on Tuesday killed two soldiers "
            "and three civilians were wounded, officials said.")
    [m] = _events(text)
    assert (m.killed_low, m.killed_high) == (2, 2)
    assert (m.injured_low, m.injured_high) == (3, 3)
    text = ("Two soldiers were killed and three civilians were hurt on Tuesday when a drone "
            "hit the checkpoint outside Kassala.")
    [m] = _events(text)
    assert (m.killed_low, m.killed_high) == (2, 2)
    assert m.civilians_killed_low is None


# -- session 20 (tolls3): the dead and the living in one phrase, a toll in "all of whom",
# -- the whole of one named act "in all"

def test_dead_then_a_survivor_are_two_counts() -> None:
    from strikewatch.extract.counts import read_counts
    for text in ("The strike on a skiff left three people dead and one survivor.",
                 "It left two dead and one survivor, the navy said."):
        counts = read_counts(text)[0]
        assert counts["killed"][0] in (2, 3) and counts["survivors"] == (1, 1), text
    # a count that is the survivors' own stays theirs
    assert read_counts("There were two survivors.")[0] == {"survivors": (2, 2)}
    ev = _events("A navy strike on a skiff off the coast on Monday left three people dead "
                 "and one survivor, officials said.")
    assert [(m.killed_low, m.killed_high, m.survivors_low) for m in ev] == [(3, 3, 1)]


def test_all_of_whom_died_inside_commas_is_the_toll() -> None:
    ev = _events("Jets bombed a truck on the highway on Monday. The four men in the truck, "
                 "all of whom died in the strike, were couriers, the army said.")
    assert [(m.killed_low, m.killed_high) for m in ev] == [(4, 4)]
    from strikewatch.extract.counts import read_counts
    assert "killed" not in read_counts(
        "The four men, all of whom survived, were flown to a hospital.")[0]


def test_in_all_with_one_act_named_is_its_toll() -> None:
    ev = _events("Gunmen stormed a wedding hall in the city on Tuesday. In all, 17 guests "
                 "were killed in the attack, police said.")
    assert [(m.killed_low, m.killed_high) for m in ev] == [(17, 17)]
    ev = _events("A drone hit a bus near the border on Friday. Altogether nine passengers "
                 "died in the strike.")
    assert [(m.killed_low, m.killed_high) for m in ev] == [(9, 9)]


def test_in_all_over_several_acts_stays_a_sum() -> None:
    # plural acts, craft counted, a toll grown over time: no one act's toll
    for text in ("Navy jets hit three boats on Monday. In all, 11 men were killed in the "
                 "three engagements.",
                 "Jets struck the valley again on Friday. In all, 40 people have been killed "
                 "in the strikes since March."):
        assert all((m.killed_low, m.killed_high) != (11, 11) and m.killed_low != 40
                   for m in _events(text)), text
        assert _tallies(text), text


def test_a_toll_in_the_acts_just_told_is_theirs() -> None:
    # one day's plural acts, then their dead "in the attacks": one incident with its toll
    ev = _events("Heavy air strikes hit the port on Thursday, aimed at the docks and a "
                 "depot. Two people were killed and nine wounded in the attacks, the "
                 "governor said.")
    assert [(m.killed_low, m.killed_high, m.injured_low) for m in ev] == [(2, 2, 9)]
    # a tally cue keeps the sum a tally
    text = ("Heavy air strikes hit the port on Thursday. So far 30 people have been killed "
            "in the strikes this year.")
    assert all(m.killed_low != 30 for m in _events(text))

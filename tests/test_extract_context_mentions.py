"""Event words that name a kind of act, a habit, history or a ceasefire as context are no
incident; a modal that governs the telling does not make the event hypothetical (sentences
written for these tests, none from a gold file)."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.status import read_status
from strikewatch.records import Article, Mention

PUB = "2025-03-12"  # a Wednesday


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]


def _status(sentence: str, word: str) -> str:
    i = sentence.index(word)
    return read_status(sentence, i, i + len(word))[0]


def test_history_told_as_a_habit_is_no_incident() -> None:
    for text in ("The insurgents have in the past mounted raids on river ferries.",
                 "The border district has long seen fighting between smugglers and guards.",
                 "The group has attacked army outposts in the valley many times.",
                 "The rebels have fought the army in the hills since the 1990s."):
        assert _events(text) == [], text


def test_a_kind_of_act_is_no_incident() -> None:
    for text in ("Every strike took place far from the coast, the navy said.",
                 "Never before had two raids been announced on the same morning.",
                 "The army called the militia a network with the capacity to strike "
                 "towns across the region."):
        assert _events(text) == [], text
    # "after each strike" and "any attack would ..." still tell acts (one done, one
    # threatened)
    assert _events("After each strike the command issued a statement naming the dead, "
                   "including two farmers killed on Monday.")


def test_a_ceasefire_named_as_context_is_no_event_one_agreed_is() -> None:
    assert _events("The militia said it remained committed to the ceasefire.") == []
    assert _events("Officials insisted the truce was holding.") == []
    (m,) = _events("The two sides agreed a ceasefire on Monday, mediators said.")
    assert m.event_type == "Strategic developments"


def test_a_modal_that_governs_the_telling_leaves_the_event_occurred() -> None:
    s = ("The command would say only that its forces had carried out a raid in the "
         "north, giving no other details.")
    assert _status(s, "raid") == "occurred"
    s = "The minister would not comment when asked about the attack on the depot."
    assert _status(s, "attack") == "occurred"
    # a modal that governs the event itself still does
    assert _status("The command said forces would carry out a raid soon.", "raid") != \
        "occurred"


def test_a_toll_grown_over_several_acts_is_a_tally_not_the_incident_toll() -> None:
    text = ("The navy struck a boat off the coast on Monday, killing three people aboard. "
            "Such strikes have reportedly killed at least 40 people since the summer.")
    ms = extract(Article(text=text, published=PUB))
    (event,) = [m for m in ms if m.kind == "event"]
    assert (event.killed_low, event.killed_high) == (3, 3)
    assert [m.killed_low for m in ms if m.kind == "tally"] == [40]
    text = ("The navy struck a boat off the coast on Monday, killing three people aboard. "
            "They have left at least 40 people dead, rights groups say.")
    ms = extract(Article(text=text, published=PUB))
    assert [(m.kind, m.killed_low) for m in ms] == [("event", 3), ("tally", 40)]


def test_a_group_saying_it_had_no_part_denies_the_attack() -> None:
    for s, word in (("The movement said it was not responsible for the rockets fired at the "
                     "border town.", "rockets fired"),
                    ("The militia said it had no part in the latest rocket fire on the "
                     "valley.", "rocket fire"),
                    ("A spokesman said the group had nothing to do with the attack on the "
                     "convoy.", "attack")):
        assert _status(s, word) == "denied", s


def test_plans_possible_strikes_and_permissions_are_not_occurred() -> None:
    for s, word in (("The president said he had asked the generals to draw an attack plan.",
                     "attack"),
                    ("The navy is readying a possible strike on the rebel port.", "strike"),
                    ("Officials said the new listing lets the army strike depots across "
                     "the border.", "strike")):
        assert _status(s, word) != "occurred", s


def test_a_participle_after_its_noun_describes_and_reports_no_act() -> None:
    ms = extract(Article(text="The council debated how to treat cartels designated as "
                              "terrorist groups.", published=PUB))
    assert ms == []
    (m,) = extract(Article(text="On Monday the ministry designated the cartel as a terrorist "
                                "group.", published=PUB))
    assert m.event_type == "Strategic developments"


def test_any_act_in_a_statement_of_practice_is_no_incident_any_threatened_stays() -> None:
    assert _events("The group said it announces any military operation it carries out.") \
        == []
    assert _status("The minister warned that any attack would be met with force.",
                   "attack") != "occurred"


def test_an_event_named_to_date_another_or_to_compare_is_no_incident() -> None:
    for text in ("Since the militia's attack on the capital last year, the rebels have "
                 "attacked river barges in solidarity with it.",
                 "It is only the second time a strike has left a survivor.",
                 "Several raids had never before been announced on one morning.",
                 "The minister struck the same note in a speech to parliament.",
                 "The frigate carries a crew of highly trained marines."):
        assert _events(text) == [], text
    # a since-phrase beside a toll keeps its figure; "first time" after the event word is
    # a comment on an event that happened
    assert extract(Article(text="Since the invasion began in 2022, the mission has verified "
                                "more than 9,000 civilian deaths.", published=PUB))
    (m,) = _events("The strike on Monday appeared to be the first time the navy had used "
                   "lethal force against a fishing boat.")
    assert m.date_low == "2025-03-10"


def test_an_obligation_is_not_an_occurred_event() -> None:
    s = "The rights chief said the navy must stop striking fishing boats in the gulf."
    assert _status(s, "striking") != "occurred"
    # "must have" is a guess about what happened, not an obligation
    s = "Officials said the convoy must have been hit by a drone on Monday."
    assert _status(s, "hit by a drone") == "occurred"


def test_a_toll_of_several_acts_told_in_the_passive_is_a_tally() -> None:
    ms = extract(Article(text="The navy struck a boat off the coast on Monday, killing three "
                              "people aboard. At least 60 people have been killed in navy "
                              "strikes on boats in the gulf, rights groups say.", published=PUB))
    assert [(m.kind, m.killed_low) for m in ms] == [("event", 3), ("tally", 60)]


def test_a_toll_from_separate_incidents_is_a_tally() -> None:
    ms = extract(Article(text="Troops killed 15 villagers in two separate incidents while "
                              "hunting rebels in the hills, officials said.", published=PUB))
    assert [(m.kind, m.killed_low) for m in ms] == [("tally", 15)]


def test_a_condition_in_the_next_clause_does_not_govern_the_event() -> None:
    s = ("The command said its forces had raided a rebel hideout in the north, and that more "
         "would be said once details were confirmed.")
    assert _status(s, "raided") == "occurred"
    s = "The army is prepared to raid the hideout once the order comes."
    assert _status(s, "raid") != "occurred"


def test_a_passive_infinitive_of_purpose_reports_no_act() -> None:
    assert _events("The two survivors were flown home to be detained and tried, the "
                   "president wrote.") == []
    (m,) = _events("Police detained two suspects in the port on Monday, officials said.")
    assert m.sub_event_type == "Arrests"

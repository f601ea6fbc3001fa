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
                 "The group has attacked army outposts in the valley many times."):
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

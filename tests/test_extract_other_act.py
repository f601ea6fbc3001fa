"""A sentence that names its act as one of its own ("in a second operation", "in another
raid") is another event, even when its only event word is a weak "killed" that would
otherwise refer back (sentences written for these tests)."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article

PUB = "2025-06-11"  # a Wednesday


def _events(text: str) -> list:
    return [m for m in extract(Article(text=text, published=PUB))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def test_one_more_killed_in_a_second_operation_is_an_event_of_its_own() -> None:
    text = ("Soldiers raided a hideout near Kolwezi on Tuesday and killed five gunmen, the "
            "army said. Two more gunmen were killed in a separate operation near Likasi.")
    tolls = sorted(m.killed_low for m in _events(text))
    assert tolls == [2, 5]


def test_by_another_operation_is_an_event_of_its_own() -> None:
    text = ("Police killed three suspects in a raid on a farm on Tuesday, officials said. "
            "One more suspect was killed by another operation later that night.")
    tolls = sorted(m.killed_low for m in _events(text))
    assert tolls == [1, 3]


def test_more_killed_with_no_act_of_its_own_adds_to_the_toll() -> None:
    text = ("Soldiers raided a hideout near Kolwezi on Tuesday and killed five gunmen, the "
            "army said. Two more gunmen were later killed, the army said.")
    assert [m.killed_low for m in _events(text)] == [7]


def test_an_act_counted_back_from_the_one_told_is_another_event() -> None:
    text = ("Navy jets struck a smuggling dhow in the Gulf of Aden on Tuesday, killing four "
            "people, the ministry said. Three days before that, the navy had struck in the "
            "Red Sea in the same way, killing one man.")
    tolls = sorted(m.killed_low for m in _events(text))
    assert tolls == [1, 4]

"""Multi-vessel days: a toll told strike by strike is one incident per strike, and the day's
total those strikes add up to is a tally over them, not an incident of its own; a total told
alone stays one incident (sentences written for these tests)."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article

PUB = "2025-06-11"  # a Wednesday


def _read(text: str) -> tuple[list, list]:
    ms = extract(Article(text=text, published=PUB))
    events = [m for m in ms if m.kind == "event" and m.status == "occurred" and
              not m.background]
    tallies = [m for m in ms if m.kind == "tally"]
    return events, tallies


def test_a_toll_split_by_boat_is_one_incident_per_boat_and_the_total_a_tally() -> None:
    text = ("The navy struck three speedboats in the Gulf of Aden on Tuesday, and nine people "
            "were killed in all, the coast guard said. According to its statement, the dead "
            "numbered four people on the first boat, three on the second and two on the "
            "third.")
    events, tallies = _read(text)
    assert sorted(m.killed_low for m in events) == [2, 3, 4]
    assert all(m.killed_high == m.killed_low for m in events)
    assert all(m.date_low == "2025-06-10" for m in events)
    assert all(m.place is not None and m.place.kind == "sea" for m in events)
    nine = [t for t in tallies if t.killed_low == 9]
    assert len(nine) == 1 and nine[0].period_low == "2025-06-10"


def test_items_told_with_aboard_and_a_total_told_first() -> None:
    text = ("Two strikes on smuggling skiffs killed seven people on Tuesday, the army said. "
            "The strikes killed \"five aboard the first skiff and two aboard the second "
            "skiff,\" a spokesman said.")
    events, tallies = _read(text)
    assert sorted(m.killed_low for m in events) == [2, 5]
    assert any(t.killed_low == 7 for t in tallies)
    assert not any(m.killed_low == 7 for m in events)


def test_a_total_told_alone_stays_one_incident() -> None:
    text = ("The navy struck three speedboats in the Gulf of Aden on Tuesday, killing nine "
            "people, the coast guard said.")
    events, _ = _read(text)
    assert [m.killed_low for m in events] == [9]


def test_a_total_the_items_do_not_make_stays_an_incident() -> None:
    # the items add up to five; the twelve is another event's toll, not their sum
    text = ("A car bomb killed twelve people in Mogadishu on Monday, police said. "
            "On Tuesday the navy struck two boats off the coast, killing three people on the "
            "first boat and two on the second.")
    events, _ = _read(text)
    tolls = sorted(m.killed_low for m in events)
    assert 12 in tolls and 3 in tolls and 2 in tolls


def test_ranks_with_no_figure_or_across_sentences_split_nothing() -> None:
    text = ("The navy struck a boat on Tuesday, killing four people. The first strike "
            "disabled the engine and the second sank the boat.")
    events, _ = _read(text)
    assert [m.killed_low for m in events] == [4]


def test_a_toll_told_rank_first_is_one_incident_per_strike() -> None:
    # the rank before its figure, and the later items without their verb or noun
    text = ("The navy hit three skiffs in the Arabian Sea on Tuesday, the coast guard said. "
            "According to its statement the first strike killed five people, the second "
            "two and the third one.")
    events, _ = _read(text)
    ranked = sorted((m for m in events if m.killed_low is not None),
                    key=lambda m: m.spans[0].start)
    assert [m.killed_low for m in ranked][-3:] == [5, 2, 1]
    # each later item's type rests on its own rank, not on the first item's "strike"
    second = ranked[-2]
    cited = [text[s.start:s.end] for s in second.provenance["event_type"]]
    assert "the second" in cited and "strike" not in cited


def test_ranks_told_first_without_a_figure_each_split_nothing() -> None:
    text = ("The navy struck two boats on Tuesday, killing six people. The first strike was "
            "filmed from a drone and the second from a ship.")
    events, _ = _read(text)
    assert [m.killed_low for m in events] == [6]

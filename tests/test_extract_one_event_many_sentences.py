"""One event, many sentences (issue 14, failure 1): a report keeps talking about the strike
it announced — a witness counts its strikes, a closing line tells its toll again — and each
such sentence joins that strike instead of standing as an incident of its own. A second,
different strike in the same article stays apart. (Sentences written for these tests.)
"""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

WEDNESDAY = "2025-10-08"


def _read(text: str) -> list[Mention]:
    return extract(Article(text=text, published=WEDNESDAY))


def _incidents(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind == "event" and m.status == "occurred"]


def test_a_raid_counted_as_strikes_joins_the_strike_it_counts() -> None:
    text = ("Drone strikes around the town of Gao killed at least nine civilians on Tuesday, "
            "a local official said. \"The market was hit by three drone strikes, and one "
            "struck a bus,\" a witness said by telephone.")
    ms = _read(text)
    (m,) = ms  # no tally of "three drone strikes" beside the strike
    assert m.kind == "event" and m.date_low == "2025-10-07" and m.killed_low == 9
    assert (m.strikes_low, m.strikes_high) == (3, 3)
    assert [s.text for s in m.provenance["strikes"]] == ["three drone strikes"]
    assert len(m.spans) == 2


def test_a_campaigns_count_of_strikes_stays_a_tally() -> None:
    text = ("Drone strikes killed nine civilians at a market in Gao on Tuesday, officials "
            "said. Since January the air force has carried out 40 strikes on the region.")
    ms = _read(text)
    (event,) = _incidents(ms)
    assert event.killed_low == 9 and event.strikes_low is None and len(event.spans) == 1
    (tally,) = [m for m in ms if m.kind == "tally"]
    assert tally.strikes_low == 40


def test_strikes_counted_at_sea_stay_apart_from_one_boat() -> None:
    # at sea every boat hit is an incident of its own: a count of strikes on boats is not
    # one strike's parts
    text = ("The navy struck a drug boat in the Caribbean on Tuesday, killing three people, "
            "officials said. The navy has carried out three strikes on boats in the "
            "Caribbean.")
    ms = _read(text)
    (event,) = _incidents(ms)
    assert event.killed_low == 3 and event.strikes_low is None
    assert [m.strikes_low for m in ms if m.kind == "tally"] == [3]


def test_a_toll_told_again_joins_the_strikes_it_was_told_of() -> None:
    text = ("The navy carried out two strikes on Sunday against two boats in the eastern "
            "Pacific, killing all six people on board, the minister said. All 6 died.")
    ms = _read(text)
    (m,) = ms  # "All 6 died" is no undated incident of its own
    assert m.kind == "tally" and (m.killed_low, m.killed_high) == (6, 6)
    assert any(s.text == "All 6 died." for s in m.spans)


def test_two_boats_on_two_days_with_one_toll_stay_two_strikes() -> None:
    text = ("The navy struck a boat in the Caribbean on Monday, killing three people, "
            "officials said. Three people were killed when the navy struck a boat on "
            "Thursday.")
    ms = _incidents(_read(text))
    assert sorted(m.date_low for m in ms) == ["2025-10-02", "2025-10-06"]
    assert all((m.killed_low, m.killed_high) == (3, 3) for m in ms)


def test_a_toll_told_of_another_strike_does_not_join() -> None:
    # "In another strike" sets the toll apart, whatever the figure
    text = ("The navy struck a boat in the Caribbean on Monday, killing three people, "
            "officials said. In another strike, three people were killed.")
    assert len(_incidents(_read(text))) == 2


def test_who_reports_a_strike_is_no_attacker_that_keeps_a_retelling_apart() -> None:
    # "According to Iraqi officials, the operation ...": the officials tell the raid, they
    # are not a second attacker, so the toll and the details join the raid told first
    text = ("At least 14 militants died in a raid by American troops in western Iraq on "
            "Thursday, defense officials said. Iraq's armed forces said 14 were killed. "
            "According to Iraqi officials, the operation started at 4 a.m. east of the river "
            "bed, where U.S. and Iraqi forces moved on four hideouts.")
    (m,) = _incidents(_read(text))
    assert m.killed_low == 14 and m.date_low == "2025-10-02" and len(m.spans) == 3
    assert m.actor1 is not None and m.actor1.country == "US"


def test_a_party_that_says_it_struck_is_the_attacker_and_stays_apart() -> None:
    # "Hezbollah said it fired": the speaker tells its own act, another strike than Israel's
    text = ("Hezbollah said it fired rockets at a base in northern Israel on Monday. Israeli "
            "jets struck a village in south Lebanon on Monday, killing two people, the health "
            "ministry said.")
    ms = _incidents(_read(text))
    assert len(ms) == 2
    assert {m.actor1.country for m in ms if m.actor1} == {"LB", "IL"}


def test_a_day_told_inside_the_week_first_told_dates_the_event() -> None:
    # "earlier this week" and, later, "the early hours of Thursday": one raid, on Thursday,
    # and its date cites the words that name the day
    text = ("At least 14 militants died in a raid by American troops in western Iraq earlier "
            "this week, defense officials said. Central Command said the raid was carried out "
            "in the early hours of Thursday.")
    (m,) = extract(Article(text=text, published="2025-10-11"))
    assert (m.date_low, m.date_high, m.time_precision) == ("2025-10-09", "2025-10-09", 1)
    assert [s.text for s in m.provenance["date"]] == ["Thursday"]


def test_a_day_outside_the_span_first_told_does_not_replace_it() -> None:
    # the day named is before "this week": the week told first stays the event's
    text = ("A drone strike killed four fighters near the border this week, officials said. "
            "A similar strike had hit the same area on Oct. 1.")
    events = _incidents(extract(Article(text=text, published="2025-10-11")))
    week = next(m for m in events if m.killed_low == 4)
    assert week.date_low != "2025-10-01"

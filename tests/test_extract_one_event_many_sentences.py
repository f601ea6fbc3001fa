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
    # the day's two strikes are two incidents (component day_strikes), and "All 6 died" is
    # no undated incident of its own: it joins both, without splitting the sum between them
    assert [m.series_rank for m in ms] == [1, 2]
    assert all(m.kind == "event" and m.date_low == "2025-10-05" for m in ms)
    assert all(any(s.text == "All 6 died." for s in m.spans) for m in ms)
    assert all(m.killed_low is None for m in ms)


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


def test_a_finding_of_no_victims_still_refers_to_the_strike_it_names() -> None:
    # "no civilians were killed ... in Monday's strike" tells no toll of its own: the words
    # refer to Monday's strike; "two civilians were killed in Monday's strike" tells a toll
    from strikewatch.extract.components.assemble import _refers
    from strikewatch.extract.pipeline import Pipeline

    def refers(text: str) -> bool:
        doc = Pipeline().read(Article(text=text, published=WEDNESDAY))
        (f,) = [f for f in doc.frames if f.trigger.text == "strike"]
        return _refers(f)

    assert refers("The command said no civilians were killed or hurt in Monday's strike.")
    assert not refers("The command said two civilians were killed in Monday's strike.")


def test_a_strike_told_with_its_own_event_word_is_not_absorbed_by_a_tally() -> None:
    # the same toll as the day's tally, but a strike told with a verb of its own ("struck a
    # fishing boat"): an incident, not the tally's total told again
    text = ("The navy carried out two strikes on Sunday against two boats in the eastern "
            "Pacific, killing six people, the minister said. A navy drone struck a fishing "
            "boat, killing six people.")
    ms = _read(text)
    # the day's two strikes (component day_strikes), each told by the lede alone, and the
    # boat struck with its own verb, an incident with its own toll
    assert [(m.kind, m.series_rank) for m in ms] == [("event", 1), ("event", 2),
                                                     ("event", None)]
    assert all(len(m.spans) == 1 for m in ms[:2])
    assert ms[2].killed_low == 6

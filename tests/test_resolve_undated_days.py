"""Undated pages that name a day of the year ("Dec. 17", "17 December", "el 17 de
diciembre") without its year: their reports join the dated strike of that day.

A mirror that drops the dateline keeps the day its sentences name. Two gaps kept such a
report apart though nothing contradicted: a toll one inside the other ("four killed"
beside a dated "at least four") was no match where no toll at all would have been, and a
report naming no sea, country or party of its own (or only "international waters") had
no zone to look its day up in. A day of the year names one day of the calendar, so it
is looked up in any zone; the toll or a positively agreeing place still has to tie it,
and a day of several strikes in one sea stays several incidents.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.records import Mention, Place
from strikewatch.resolve.attaching import calendar_cues
from tests.test_resolve import PACIFIC, Desk, holding

#: open water named by no sea: the geo step's "international waters"
OPEN_WATER = Place(name="international waters", kind="sea", geo_precision=6)


def _dated(d: Desk, text: str, day: str, **fields: object) -> Mention:
    return d.report(text, day, date=day, **fields)


def _undated_page(d: Desk, text: str, **fields: object) -> Mention:
    return d.report(text, None, **fields)  # type: ignore[arg-type]  (no publication date)


#: one fact, a page with no date naming the day without its year, in several registers
AT_LEAST_FOUR = [
    "On Dec. 17 the military said it had destroyed a drug boat in the eastern Pacific, "
    "killing four men aboard.",
    "Four people died when U.S. forces hit a suspected trafficking vessel in the Pacific "
    "on 17 December, the Pentagon confirmed.",
    "Southern Command's post of December 17th: a lethal kinetic strike in the Eastern "
    "Pacific left four narco-terrorists dead.",
    "El 17 de diciembre, un ataque estadounidense contra una lancha en el Pacífico "
    "oriental dejó cuatro muertos.",
]


def test_the_day_is_read_in_every_wording() -> None:
    for text in AT_LEAST_FOUR:
        assert ("md", 12, 17) in calendar_cues([text]), text


def test_a_toll_inside_the_dated_one_on_the_named_day_joins_it() -> None:
    for text in AT_LEAST_FOUR:
        d = Desk()
        dated = _dated(d, "At least four people were killed in a US strike on a boat in the "
                          "eastern Pacific, officials said.", "2025-12-17", place=PACIFIC,
                       killed_low=4)
        mirror = _undated_page(d, text, place=PACIFIC, killed_low=4, killed_high=4)
        joined = holding(d.resolve(), mirror)
        assert dated.id in joined.mention_ids, text
        assert joined.date_low == "2025-12-17"


def test_a_report_with_no_zone_of_its_own_finds_the_day_it_names() -> None:
    # no sea, no country, no party: only the day and the toll; and open water that the
    # geo step places in no sea
    wordings = [
        ("On Jan. 23 a boat was struck and both men aboard were killed.", None),
        ("Two were killed on 23 January when the vessel was hit, the statement said.", None),
        ("The strike in international waters on January 23 killed two.", OPEN_WATER),
    ]
    for text, place in wordings:
        d = Desk()
        dated = _dated(d, "Two alleged smugglers died in a US strike in the eastern Pacific "
                          "on Friday.", "2026-01-23", place=PACIFIC, killed_low=2,
                       killed_high=2)
        loose = _undated_page(d, text, place=place, actor1=None, killed_low=2, killed_high=2)
        joined = holding(d.resolve(), loose)
        assert dated.id in joined.mention_ids, text
        assert joined.date_low == "2026-01-23"


def test_a_day_of_several_strikes_in_one_sea_stays_several() -> None:
    # two strikes of Dec. 17 in the Pacific, tolls at least four and two: "four killed"
    # is the first; "three killed" fits neither and stays apart; neither merges the two
    d = Desk()
    first = _dated(d, "At least four died in the first US strike on a boat in the eastern "
                      "Pacific.", "2025-12-17", place=PACIFIC, killed_low=4)
    second = _dated(d, "Two died in the second strike, on a semisubmersible in the eastern "
                       "Pacific.", "2025-12-17", place=PACIFIC, killed_low=2, killed_high=2)
    four = _undated_page(d, AT_LEAST_FOUR[0], place=PACIFIC, killed_low=4, killed_high=4)
    three = _undated_page(d, "Three people were killed on Dec. 17 when US forces hit a boat "
                             "in the eastern Pacific.", place=PACIFIC, killed_low=3,
                          killed_high=3)
    incs = d.resolve()
    assert first.id in holding(incs, four).mention_ids
    assert second.id not in holding(incs, four).mention_ids
    assert holding(incs, three).mention_ids == [three.id]
    assert holding(incs, first).id != holding(incs, second).id


def test_another_sea_or_another_day_is_never_joined() -> None:
    d = Desk()
    _dated(d, "At least four were killed in a US strike in the Caribbean.", "2025-12-17",
           killed_low=4)
    _dated(d, "At least four were killed in a US strike in the eastern Pacific.",
           "2025-12-18", place=PACIFIC, killed_low=4)
    loose = _undated_page(d, AT_LEAST_FOUR[0], place=PACIFIC, killed_low=4, killed_high=4)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_a_weekday_never_lets_one_toll_hold_the_other() -> None:
    # "on Wednesday" is a seventh of a campaign: only the very same toll picks by weekday
    d = Desk()
    _dated(d, "At least four were killed in a US strike in the eastern Pacific.",
           "2025-12-17", place=PACIFIC, killed_low=4)
    _dated(d, "At least four were killed in another US strike in the eastern Pacific.",
           "2025-12-10", place=PACIFIC, killed_low=4)
    loose = _undated_page(d, "Four died on Wednesday when the US struck a boat in the "
                             "eastern Pacific.", place=PACIFIC, killed_low=4, killed_high=4)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


_DAYS = ["2025-12-15", "2025-12-16", "2025-12-17", "2025-12-18"]
_NAMED = {"2025-12-15": "Dec. 15", "2025-12-16": "16 December", "2025-12-17": "December 17",
          "2025-12-18": "Dec. 18th"}


@settings(max_examples=25, deadline=None)
@given(strikes=st.lists(st.tuples(st.sampled_from(_DAYS), st.integers(1, 5),
                                  st.booleans()), min_size=1, max_size=4),
       named=st.sampled_from(_DAYS), toll=st.integers(1, 5), open_toll=st.booleans())
def test_an_undated_report_takes_only_a_day_some_evidence_gives(
        strikes: list[tuple[str, int, bool]], named: str, toll: int, open_toll: bool) -> None:
    # whatever dated strikes stand beside it, the undated page's report ends undated or
    # in an incident dated by a dated report it joined, on the day its sentence names
    d = Desk()
    days: dict[str, str] = {}
    for day, killed, pacific in strikes:
        m = _dated(d, f"{killed} killed in a US strike on a boat.", day, killed_low=killed,
                   killed_high=None if open_toll else killed,
                   **({"place": PACIFIC} if pacific else {}))
        days[m.id] = day
    loose = _undated_page(d, f"On {_NAMED[named]} the US struck a boat in the eastern "
                             f"Pacific, killing {toll}.", place=PACIFIC, killed_low=toll,
                          killed_high=toll)
    incs = d.resolve()
    inc = holding(incs, loose)
    given_days = {days[m] for m in inc.mention_ids if m in days}
    if inc.date_low is None:
        assert not given_days
    else:
        assert inc.date_low in given_days and inc.date_low == named


#: an undated page whose news day is known (a statement's day: its window is the week
#: before it to two weeks after), naming only a weekday for the strike
ON_TUESDAY = [
    "Three men were killed when US forces hit a speedboat in the Caribbean, the command "
    "said on Tuesday.",
    "On Tuesday Southern Command said its strike on a go-fast boat in the Caribbean had "
    "left three dead.",
    "El martes, el Comando Sur informó de tres muertos en el ataque a una lancha en el "
    "Caribe.",
]


def _windowed_page(d: Desk, text: str, said: str, **fields: object) -> Mention:
    return d.report(text, None, page_after=said,  # type: ignore[arg-type]
                    page_after_source="said", **fields)


def test_a_weekday_narrows_a_page_window_to_its_days() -> None:
    # two strikes of "at least three" in the Caribbean inside the page's window, a
    # Thursday's and a Monday's; "on Tuesday" can be Monday's (told a day later), never
    # the Thursday's five days before
    for text in ON_TUESDAY:
        d = Desk()
        thursday = _dated(d, "At least three died in a US strike on a boat in the Caribbean.",
                          "2025-11-13", killed_low=3)
        monday = _dated(d, "At least three people died when the US struck a vessel in the "
                           "Caribbean.", "2025-11-17", killed_low=3)
        loose = _windowed_page(d, text, "2025-11-18", killed_low=3, killed_high=3)
        joined = holding(d.resolve(), loose)
        assert monday.id in joined.mention_ids, text
        assert thursday.id not in joined.mention_ids
        assert joined.date_low == "2025-11-17"


def test_two_strikes_its_weekday_allows_leave_it_apart() -> None:
    # a Sunday's and a Tuesday's strike both fit "on Tuesday": nothing tells them apart
    d = Desk()
    _dated(d, "At least three died in a US strike on a boat in the Caribbean.",
           "2025-11-16", killed_low=3)
    _dated(d, "At least three people died when the US struck a vessel in the Caribbean.",
           "2025-11-18", killed_low=3)
    loose = _windowed_page(d, ON_TUESDAY[0], "2025-11-18", killed_low=3, killed_high=3)
    assert holding(d.resolve(), loose).mention_ids == [loose.id]

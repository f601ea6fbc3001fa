"""Incidents that must not carry reports of two strikes (dev ledger: over-merged 28 -> 20).

- A page that tells two strikes of one day ("the first strike killed two ... the second,
  three") keeps them apart already; where both of its reports could join one incident,
  the one whose closed toll that incident's reports tell is its report, and the other is
  the day's other strike (`clustering._other_strike_of_its_page`).
- A report known only to a span of days ("in October", "this week") that links about as
  strongly to reports of two different strikes joins none of them
  (`clustering._torn`); with one strike in its span it still joins it.
- An undated report naming no place whose closed toll shares no figure with a report's
  closed toll never links to it: its page's date is all that ties it to the day
  (`features.hard_conflict`); one naming a place may be a later count.
- An undated page that tells a day's operation in one sentence ("four aboard the first
  boat in the Pacific, ... three aboard the third in the Caribbean") has its reports placed
  on one day or not at all: a day with no strike for one of the others is not theirs
  (`attaching._operation_apart`).
- A strike the page itself reports (never a candidate: it holds a report of the page) is
  a rival of the one candidate left, where it agrees as well (`attaching._own_page_rival`).

Mentions built by hand (tests.test_resolve.Desk), each sentence worded afresh.
"""

from __future__ import annotations

import pytest

from strikewatch.records import Actor, Mention, Place
from strikewatch.resolve.clustering import cluster_component
from strikewatch.resolve.features import features, hard_conflict
from tests.test_resolve import PACIFIC, Desk, holding

LEBANON = Place(name="Lebanon", kind="country", country="LB", geo_precision=5,
                latitude=33.9, longitude=35.9)
TYRE = Place(name="Tyre", kind="populated place", country="LB", geo_precision=3,
             latitude=33.27, longitude=35.20)
BAALBEK = Place(name="Baalbek", kind="populated place", country="LB", geo_precision=3,
                latitude=34.01, longitude=36.21)
ISRAEL = Actor(name="Israeli army", country="IL")
LAND = dict(domain="land", actor1=ISRAEL)


def _page(d: Desk, text: str, published: str | None) -> str:
    """A new article with this text and no mention yet (its reports are added one by one)."""
    d.report(text, published)  # type: ignore[arg-type]  (None: no publication date)
    d.mentions.pop()
    return list(d.articles)[-1]


def _toll(n: int) -> dict[str, int]:
    return {"killed_low": n, "killed_high": n}


# --- a page's two strikes of one day -------------------------------------------------------

@pytest.mark.parametrize("first, second", [
    ("Earlier on Wednesday the secretary had announced the first Pacific strike, saying two "
     "people died.",
     "Hours later a second boat was hit in the eastern Pacific, and three men aboard it were "
     "killed."),
    ("The opening strike of the day, in the Pacific, left two dead, the Pentagon said.",
     "A further attack that evening sank another vessel there; its three crew died."),
    ("Two smugglers were killed in the first of Wednesday's Pacific attacks.",
     "In the second, US aircraft destroyed a boat off Colombia's coast and killed three."),
])
def test_a_pages_first_strike_does_not_join_the_incident_of_its_second(first: str,
                                                                       second: str) -> None:
    d = Desk()
    day = "2025-10-22"
    wire = [d.report(s, "2025-10-22", date=day, place=PACIFIC, **_toll(3)) for s in (
        "A US strike on a drug boat in the eastern Pacific on Wednesday killed three.",
        "Three alleged traffickers died when their vessel was struck in the Pacific Ocean.",
    )]
    aid = _page(d, first + " " + second, "2025-10-23")
    one = d.add(aid, first, date=day, place=PACIFIC, **_toll(2))
    two = d.add(aid, second, date=day, place=PACIFIC, **_toll(3))
    # as on the dev ledger: the first strike's report links the more strongly (the
    # extractor dated the second a day on, or its words differ more), so it is taken first
    edges = {(one.id, wire[0].id): 0.93, (one.id, wire[1].id): 0.93,
             (two.id, wire[0].id): 0.90, (two.id, wire[1].id): 0.62,
             (wire[0].id, wire[1].id): 0.99}
    feats = {m.id: features(m, d.articles[m.article_id]) for m in d.mentions}
    got = cluster_component(sorted(feats), {tuple(sorted(k)): p for k, p in edges.items()},
                            feats)
    together = next(c for c in got if wire[0].id in c)
    assert set(together) == {wire[0].id, wire[1].id, two.id}
    inc = holding(d.resolve(), wire[0])  # the whole resolver, as the model scores them
    assert one.id not in inc.mention_ids and (inc.killed_low, inc.killed_high) == (3, 3)


def test_a_revised_toll_of_a_page_telling_one_strike_still_joins() -> None:
    d = Desk()
    a = d.report("Three people died when US forces hit a boat in the eastern Pacific on Monday.",
                 "2025-11-11", date="2025-11-10", place=PACIFIC, **_toll(3))
    b = d.report("A Monday strike on a Pacific vessel killed two, officials first said.",
                 "2025-11-11", date="2025-11-10", place=PACIFIC, **_toll(2))
    assert holding(d.resolve(), a).id == holding(d.resolve(), b).id


# --- a span of days holding two strikes ------------------------------------------------------

@pytest.mark.parametrize("told, low, high", [
    ("In October the US military fired on a small boat in the Pacific, killing two.",
     "2025-10-01", "2025-10-31"),
    ("Sometime this month American forces destroyed a Pacific drug boat; two died.",
     "2025-10-01", "2025-10-31"),
    ("A Pacific strike earlier this week left two people dead.", "2025-10-20", "2025-10-25"),
])
def test_a_span_report_that_two_strikes_fit_joins_neither(told: str, low: str,
                                                          high: str) -> None:
    d = Desk()
    tue = d.report("Two men were killed on Tuesday when a US strike hit their boat in the "
                   "eastern Pacific.", "2025-10-22", date="2025-10-21", place=PACIFIC,
                   **_toll(2))
    fri = d.report("On Friday two people died as American aircraft struck a vessel in the "
                   "eastern Pacific.", "2025-10-25", date="2025-10-24", place=PACIFIC,
                   **_toll(2))
    span = d.report(told, "2025-11-02", date_low=low, date_high=high, time_precision=3,
                    place=PACIFIC, **_toll(2))
    incs = d.resolve()
    assert holding(incs, span).mention_ids == [span.id]
    assert holding(incs, tue).id != holding(incs, fri).id


def test_a_span_report_with_one_strike_in_it_joins_that_strike() -> None:
    d = Desk()
    tue = d.report("Two men were killed on Tuesday when a US strike hit their boat in the "
                   "eastern Pacific.", "2025-10-22", date="2025-10-21", place=PACIFIC,
                   **_toll(2))
    span = d.report("A Pacific strike earlier this week left two people dead.", "2025-10-25",
                    date_low="2025-10-20", date_high="2025-10-25", time_precision=3,
                    place=PACIFIC, **_toll(2))
    assert span.id in holding(d.resolve(), tue).mention_ids


# --- an undated report with another toll -------------------------------------------------------

@pytest.mark.parametrize("told, low, high, apart", [
    ("Six people died when the U.S. military bombed boats it says carried drugs.", 6, 6, True),
    ("The strike killed six men, their families say.", 6, 6, True),
    ("Three people were killed in the attack, the command said.", 3, 3, False),
    ("At least two people were killed, a relative said.", 2, None, False),
    ("Between two and four died aboard the boat.", 2, 4, False),
])
def test_an_undated_report_whose_toll_shares_no_figure_never_links(
        told: str, low: int, high: int | None, apart: bool) -> None:
    d = Desk()
    dated = d.report("Three people died on Friday when US forces struck a boat in the "
                     "Caribbean.", "2025-10-18", date="2025-10-17", **_toll(3))
    undated = d.report(told, "2025-10-18", place=None, killed_low=low, killed_high=high)
    why = hard_conflict(features(undated, d.articles[undated.article_id]),
                        features(dated, d.articles[dated.article_id]))
    assert (why == "an undated report with another toll") is apart


@pytest.mark.parametrize("told", [
    "Israeli jets hit Sanaa and al-Jawf, killing 46 people and wounding 165.",
    "The raids on the Yemeni capital left 46 dead, the Houthi health ministry said later.",
])
def test_an_undated_report_naming_a_place_may_tell_a_later_count(told: str) -> None:
    yemen = Place(name="Sanaa", kind="populated place", country="YE", geo_precision=3,
                  latitude=15.35, longitude=44.21)
    d = Desk()
    first = d.report("Israel struck Sanaa on Wednesday; a first count gave nine dead.",
                     "2025-09-10", date="2025-09-09", place=yemen, domain="land",
                     target_kind=None, **_toll(9))
    later = d.report(told, "2025-09-11", place=yemen, domain="land", target_kind=None,
                     **_toll(46))
    assert hard_conflict(features(later, d.articles[later.article_id]),
                         features(first, d.articles[first.article_id])) is None


# --- an undated page's one-sentence operation ---------------------------------------------------

_OPERATION = [
    ("Late Monday's strikes killed four aboard the first boat in the Eastern Pacific, four "
     "aboard the second boat in the Eastern Pacific, and three aboard the third boat in the "
     "Caribbean."),
    ("On Monday eleven men died in these actions: 4 on a first boat in the eastern Pacific, "
     "4 on a second one there, and 3 on a third boat in the Caribbean."),
]


def _operation_page(d: Desk, sentence: str) -> list[Mention]:
    aid = _page(d, sentence, None)
    return [d.add(aid, sentence, id=f"{aid}-1", place=PACIFIC, **_toll(4)),
            d.add(aid, sentence, id=f"{aid}-2", place=PACIFIC, **_toll(4)),
            d.add(aid, sentence, id=f"{aid}-3", **_toll(3))]


@pytest.mark.parametrize("sentence", _OPERATION)
def test_an_operation_told_in_one_sentence_is_not_spread_over_other_days(
        sentence: str) -> None:
    d = Desk()
    # a Caribbean strike of three on one Monday, a Pacific one of four on another
    carib = d.report("Three were killed on Monday when US forces hit a boat in the "
                     "Caribbean.", "2026-02-24", date="2026-02-23", **_toll(3))
    pac = d.report("Four people died in a Pacific strike on Monday, the military said.",
                   "2025-10-28", date="2025-10-27", place=PACIFIC, **_toll(4))
    told = _operation_page(d, sentence)
    incs = d.resolve()
    for m in told:
        assert holding(incs, m).mention_ids == [m.id]
    assert holding(incs, carib).mention_ids == [carib.id]
    assert holding(incs, pac).mention_ids == [pac.id]


@pytest.mark.parametrize("sentence", [
    "Monday's strikes killed four in the Eastern Pacific and three in the Caribbean.",
    "On Monday US forces killed 4 aboard a boat in the eastern Pacific and 3 aboard another "
    "in the Caribbean.",
])
def test_an_operation_whose_day_holds_each_of_its_strikes_is_placed(sentence: str) -> None:
    d = Desk()
    carib = d.report("Three were killed on Monday when US forces hit a boat in the "
                     "Caribbean.", "2026-02-17", date="2026-02-16", **_toll(3))
    pac = d.report("Four people died in a Pacific strike on Monday, the military said.",
                   "2026-02-17", date="2026-02-16", place=PACIFIC, **_toll(4))
    aid = _page(d, sentence, None)
    # one sentence, two reports (the extractor gives each its own id)
    four = d.add(aid, sentence, id=f"{aid}-1", place=PACIFIC, **_toll(4))
    three = d.add(aid, sentence, id=f"{aid}-2", **_toll(3))
    incs = d.resolve()
    assert four.id in holding(incs, pac).mention_ids
    assert three.id in holding(incs, carib).mention_ids


# --- the page's own strike as a rival ---------------------------------------------------------

_FRAGMENTS = [
    "Lebanon's government says it has logged thousands of Israeli violations of the truce.",
    "The country's health ministry said the attacks went on across the south.",
    "Israel has kept up its raids on Lebanese territory despite the ceasefire.",
]


@pytest.mark.parametrize("fragment", _FRAGMENTS)
def test_a_fragment_beside_its_pages_strike_does_not_take_another(fragment: str) -> None:
    d = Desk()
    own = "An Israeli drone strike on Saturday hit a car near Tyre, killing one."
    aid = _page(d, own + " " + fragment, None)  # no publication date: linking never
    # compares the fragment, attaching places it in the week of the day the page dates
    mine = d.add(aid, own, date="2025-05-17", place=TYRE, target_kind="vehicle", **LAND,
                 **_toll(1))
    d.report("A drone killed one man in a car near Tyre on Saturday.", "2025-05-17",
             date="2025-05-17", place=TYRE, target_kind="vehicle", **LAND, **_toll(1))
    other = d.report("Also on Saturday Israeli jets hit a warehouse outside Baalbek.",
                     "2025-05-17", date="2025-05-17", place=BAALBEK, target_kind="facility",
                     **LAND)
    loose = d.add(aid, fragment, place=LEBANON, target_kind=None, **LAND)
    incs = d.resolve()
    assert loose.id not in holding(incs, other).mention_ids
    assert holding(incs, mine).id != holding(incs, other).id


def test_a_page_whose_other_strike_has_another_toll_still_places_its_report() -> None:
    d = Desk()
    day = "2025-10-27"
    second = "In the second strike four more men died."
    third = "The third, on the fourth boat, killed three."
    aid = _page(d, second + " " + third, None)
    d.report("Four were killed in the second of Monday's Pacific strikes.", "2025-10-28",
             date=day, place=PACIFIC, killed_low=3, killed_high=4)
    mine = d.add(aid, second, date=day, place=PACIFIC, **_toll(4))
    thirds = d.report("The third Pacific strike on Monday killed three.", "2025-10-28",
                      date=day, place=PACIFIC, killed_low=2, killed_high=3)
    loose = d.add(aid, third, place=PACIFIC, **_toll(3))
    incs = d.resolve()
    assert mine.id not in holding(incs, thirds).mention_ids
    assert loose.id in holding(incs, thirds).mention_ids


# --- a span too wide to place, on a page of known day ------------------------------------------

@pytest.mark.parametrize("page, joined", [("2026-03-06", False), (None, True)])
def test_a_year_long_report_is_not_placed_on_a_strike_told_after_its_page(
        page: str | None, joined: bool) -> None:
    """"the first strike of 2026", two dead, on a page of 6 March: a strike of 9 March
    with the same toll at sea is a later one; on a page of no date, the sea and the toll
    are all there is, and the one strike holding both is taken."""
    d = Desk()
    later = d.report("Two men died when US forces hit a speedboat in the eastern Pacific on "
                     "Monday, the command said.", "2026-03-10", date="2026-03-09",
                     place=PACIFIC, **_toll(2))
    year = d.report("The command said two crew were killed in what monitors call the "
                    "campaign's first boat attack of 2026.", page,  # type: ignore[arg-type]
                    place=PACIFIC, date_low="2026-01-01", date_high="2026-12-31",
                    time_precision=4, **_toll(2))
    incs = d.resolve()
    assert (holding(incs, later) is holding(incs, year)) is joined

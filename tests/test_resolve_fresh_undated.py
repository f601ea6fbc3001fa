"""Reports of one strike that linking left apart (issue 14, item 4), joined without
merging different strikes.

- An undated report on a page published the day of a strike, or a day or two after ("the
  strike killed three", "the boat was hit", "the raid"), is most likely about that strike:
  news tells of the latest event. The model weighs it as an overlapping span (+1), no
  longer as a report that could be of any day of the week before its page (-1).
- A report that names which strike of a series it tells ("the second strike") is not a
  strike the extractor split from a day's operation told in another place of the order
  (`series_rank`): rank k is the k-th as told.

Mentions are built by hand (tests.test_resolve.Desk), each sentence in its own words.
"""

from __future__ import annotations

import dataclasses

import pyarrow as pa
import pytest

from strikewatch.records import Incident, Place, Source
from strikewatch.resolve import linking
from strikewatch.resolve.attaching import profile
from strikewatch.resolve.features import Features, features, hard_conflict, iso_day
from tests.test_resolve import PACIFIC, Desk, holding

NIGERIA = dict(target_kind="building", domain="land", place=None,
               event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")


def _p(a: Features, b: Features) -> float:
    """The model's match probability for two mentions, whatever their blocking keys."""
    both = [dataclasses.replace(f, block_keys=["k"]) for f in (a, b)]
    saved = linking.LINK_THRESHOLD
    try:
        linking.LINK_THRESHOLD = 0.0
        got = linking.predict_duckdb(pa.Table.from_batches([linking.feature_table(both)]))
    finally:
        linking.LINK_THRESHOLD = saved
    return got[0][2]


@pytest.mark.parametrize("undated, published", [
    ("The army's bombardment of the village left scores dead, residents said.", "2026-03-04"),
    ("Villagers buried the victims of the military drone attack on Wednesday.", "2026-03-05"),
    ("An army air raid mistakenly hit a religious gathering, officials admitted.",
     "2026-03-03"),
    ("Residents say the military aircraft bombed a crowd celebrating a festival.",
     "2026-03-05"),
])
def test_an_undated_report_a_day_or_two_after_a_strike_is_that_strike(
        undated: str, published: str) -> None:
    d = Desk()
    dated = d.report("Thirty people were killed on Tuesday when an army drone struck a "
                     "village gathering.", "2026-03-04", date="2026-03-03", killed_low=30,
                     killed_high=30, **NIGERIA)
    later = d.report(undated, published, killed_low=85, **NIGERIA)  # a revised toll
    feats = [features(m, d.articles[m.article_id]) for m in (dated, later)]
    assert _p(*feats) >= linking.LINK_THRESHOLD
    incs = d.resolve()
    assert holding(incs, dated).id == holding(incs, later).id


def test_an_undated_report_a_week_later_stays_a_report_of_any_day() -> None:
    # the page came out six days after: it may tell of any strike of its week
    d = Desk()
    dated = d.report("Thirty people were killed on Tuesday when an army drone struck a "
                     "village gathering.", "2026-03-04", date="2026-03-03", killed_low=30,
                     killed_high=30, **NIGERIA)
    later = d.report("An air force raid hit a market, leaving at least 85 dead.",
                     "2026-03-09", killed_low=85, **NIGERIA)
    feats = [features(m, d.articles[m.article_id]) for m in (dated, later)]
    assert _p(*feats) < linking.LINK_THRESHOLD


def test_the_level_reads_the_publication_day_not_the_order_of_the_pair() -> None:
    d = Desk()
    dated = d.report("US forces sank a speedboat in the eastern Pacific on Monday, killing "
                     "two.", "2026-01-13", date="2026-01-12", killed_low=2, killed_high=2,
                     place=PACIFIC)
    fresh = d.report("Two people aboard died when the boat was struck, the command said.",
                     "2026-01-14", killed_low=2, killed_high=2, place=PACIFIC)
    a, b = (features(m, d.articles[m.article_id]) for m in (dated, fresh))
    assert _p(a, b) == pytest.approx(_p(b, a))
    # the same report on a page published before the strike is no fresher than any other
    stale = dataclasses.replace(b, published=a.d_hi - 1)  # type: ignore[operator]
    assert _p(a, stale) < _p(a, b)


SPLIT = ("Three strikes hit four boats in the eastern Pacific on Monday, the command said, "
         "killing fourteen.")


@pytest.mark.parametrize("told, rank, linked", [
    ("The second strike hit a boat with four people aboard.", 2, True),
    ("In the second attack the crew of a go-fast vessel died.", 1, False),
    ("The third engagement destroyed a skiff, officials said.", 3, True),
    ("The third engagement destroyed a skiff, officials said.", 2, False),
    ("El segundo ataque alcanzó una lancha con cuatro tripulantes.", 3, False),
])
def test_an_ordinal_names_the_strike_of_that_rank(told: str, rank: int, linked: bool) -> None:
    d = Desk()
    split = d.report(SPLIT, "2026-01-13", date="2026-01-12", place=PACIFIC,
                     series_rank=rank, series_size=3, series_killed=14)
    other = d.report(told, "2026-01-14", place=PACIFIC)
    a, b = (features(m, d.articles[m.article_id]) for m in (split, other))
    why = hard_conflict(a, b)
    assert (why is None) == linked
    assert (hard_conflict(b, a) is None) == linked


def test_the_very_same_toll_outweighs_the_order_it_was_told_in() -> None:
    # "the first strike" of one outlet is the third of another that told the crews in the
    # other order: eight dead on both says it is that strike
    d = Desk()
    split = d.report(SPLIT, "2026-01-13", date="2026-01-12", place=PACIFIC, series_rank=3,
                     series_size=3, series_killed=14, killed_low=8, killed_high=8)
    other = d.report("The first strike killed eight people on a semi-submersible.",
                     "2026-01-14", place=PACIFIC, killed_low=8, killed_high=8)
    a, b = (features(m, d.articles[m.article_id]) for m in (split, other))
    assert hard_conflict(a, b) is None


@pytest.mark.parametrize("day, published, window", [
    ("2026-03-18", "2026-03-17T22:30:00Z", ("2026-03-18", "2026-03-18")),  # local day ahead
    ("2026-03-18", "2026-03-19T08:00:00Z", ("2026-03-18", "2026-03-18")),
])
def test_a_strike_dated_after_its_page_keeps_its_day(day: str, published: str,
                                                      window: tuple[str, str]) -> None:
    # a strike dated in its own time zone ("early Monday" in Afghanistan) on a page stamped
    # the evening before in UTC: its day stays its window, not a window ending before it
    # began, where no loose report could ever find it
    inc = Incident(id="D", date_low=day, date_high=day, time_precision=1, killed_low=8,
                   killed_high=8, domain="land",
                   place=Place(name="Khost", geo_precision=2, country="AF",
                               latitude=33.3, longitude=69.9),
                   sources=[Source(article_id="a", published=published)], mention_ids=["m"])
    p = profile(inc)
    assert p is not None and p.dated and p.window is not None
    assert (iso_day(p.window[0]), iso_day(p.window[1])) == window

"""An undated page's report that names which strike of a series it tells ("the third
strike") never attaches to a dated incident whose reports name another strike of that
series ("the second attack"): linking never compares an undated page's report, so the
ordinal rule of `features.hard_conflict` must hold in attaching too
(`features.operation_conflict`)."""

from __future__ import annotations

import pytest

from strikewatch.records import Mention
from strikewatch.resolve.features import Features, operation_conflict
from tests.test_resolve import Desk, holding

# the same fact in several registers: which strike of the campaign an undated page tells
THIRD = [
    "Three men died in the third strike, on a boat in the Caribbean Sea, Trump said.",
    "The third attack killed three people aboard a vessel in the Caribbean, officials said.",
    "Trump said the third US strike left 3 suspected traffickers dead in the Caribbean.",
    "Three were killed when the military carried out the third such raid on a speedboat.",
]
SECOND = [
    "On Sept. 15 the Pentagon said the second strike killed three aboard a boat in the Caribbean.",
    "The second attack, on Sept. 15, left three people dead on a vessel in the Caribbean.",
]


def _dated(d: Desk, text: str, day: str) -> Mention:
    return d.report(text, "2025-09-16", date=day, killed_low=3, killed_high=3)


def _undated(d: Desk, text: str) -> Mention:
    return d.report(text, None, killed_low=3, killed_high=3)  # type: ignore[arg-type]


@pytest.mark.parametrize("third", THIRD)
@pytest.mark.parametrize("second", SECOND)
def test_an_undated_third_strike_does_not_join_the_dated_second(third: str, second: str
                                                                  ) -> None:
    d = Desk()
    dated = _dated(d, second, "2025-09-15")
    loose = _undated(d, third)
    incs = d.resolve()
    assert holding(incs, loose) is not holding(incs, dated)


def test_an_undated_report_naming_no_ordinal_still_joins() -> None:
    d = Desk()
    dated = _dated(d, SECOND[0], "2025-09-15")
    loose = _undated(d, "A U.S. strike on a boat in the Caribbean killed three people.")
    incs = d.resolve()
    assert holding(incs, loose) is holding(incs, dated)


def test_an_undated_report_naming_the_same_ordinal_joins() -> None:
    d = Desk()
    dated = _dated(d, SECOND[0], "2025-09-15")
    loose = _undated(d, "Three people died in the second strike, on a boat in the Caribbean.")
    incs = d.resolve()
    assert holding(incs, loose) is holding(incs, dated)


def _told(aid: str, ordinal: int | None, rank: int | None = None,
          killed: tuple[int | None, int | None] = (3, 3)) -> Features:
    return Features(unique_id=f"{aid}{ordinal}{rank}", article_id=aid, origin_id="",
                    published=None, d_lo=None, d_hi=None, killed_lo=killed[0],
                    killed_hi=killed[1], ordinal=ordinal, one_of_several=rank is not None,
                    series_rank=rank, series_size=3 if rank else None)


def test_operation_conflict_reads_the_ordinal_each_incident_agrees_on() -> None:
    assert operation_conflict([_told("a", 3)], [_told("b", 2)]) is not None
    assert operation_conflict([_told("a", 3)], [_told("b", 3)]) is None
    assert operation_conflict([_told("a", 3)], [_told("b", None)]) is None
    # an incident whose reports number the strikes differently names none of them
    assert operation_conflict([_told("a", 3)], [_told("b", 2), _told("c", 3)]) is None
    assert operation_conflict([_told("a", 3)], [_told("b", 2), _told("c", None)]) is not None
    # strikes split from a day's operation keep their own rank rules
    assert operation_conflict([_told("a", 2, rank=2)], [_told("b", 1, rank=2)]) is None

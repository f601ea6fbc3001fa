"""What counts in a total: the one rule every total in strikewatch is computed by.

An incident counts when it is reported as having happened (status `occurred`), is not
history recalled as background, and has not been shown not to have happened or been
rejected by an editor (grade `discounted`). Plans, threats, denials and hypotheticals
stay searchable but never enter a casualty total, a tally check or a timeline.

The rule is written once, as data (`COUNTED_STATUS`, `UNCOUNTED_GRADES`): `counted`
reads it for records in memory, and the SQL store derives its predicate from the same
constants (store.sql.counted_predicate), so a total summed in Python and one summed by the
database cannot disagree (tests/test_ledger_core.py checks every combination).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, cast

from strikewatch.records import Incident

#: The one status whose incidents count.
COUNTED_STATUS = "occurred"
#: Grades whose incidents never count (discounted: disproved, or rejected in review).
UNCOUNTED_GRADES: tuple[str, ...] = ("discounted",)


def counted(inc: Incident) -> bool:
    """Does this incident count in totals, tally checks and the timeline?"""
    return (inc.status == COUNTED_STATUS and not inc.background
            and inc.grade not in UNCOUNTED_GRADES)


class KilledSum(NamedTuple):
    """Killed low–high over the counted incidents with a reported toll."""

    low: int
    high: int | None  # None: one toll is open-ended ("at least 5")
    counted: int  # incidents that entered the sums


def sum_killed(incidents: Iterable[Incident]) -> KilledSum:
    """The killed sum over counted incidents; an unreported toll is left out, an
    open-ended one ("at least 5") leaves the high end open."""
    low, high, n = 0, cast(int | None, 0), 0
    for inc in incidents:
        if not counted(inc) or (inc.killed_low is None and inc.killed_high is None):
            continue
        n += 1
        low += inc.killed_low or 0
        if inc.killed_high is None:
            high = None
        elif high is not None:
            high += inc.killed_high
    return KilledSum(low, high, n)

"""A toll that is the part another telling counts of its own dead is that part (dups3).

"killed nine members of one family" and, later, "killing 12 people, nine of them from a
single family" are one strike told twice: the nine are the part the second telling names
right after its toll ("N of them", "de ellos"), not a rival toll. The strike keeps the
whole (12). Two strikes told apart, or two tolls with no part between them, stay two.
(Sentences written for these tests.)
"""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

SUNDAY_PAGE = "2026-03-02"


def _strikes(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=SUNDAY_PAGE))
            if m.kind == "event" and m.status == "occurred" and not m.background]


LEDE = ("An Israeli strike on the village of Kfar Hamam in southern Lebanon killed 9 members "
        "of one family, the health ministry said on Sunday.\n")


def test_a_part_told_first_then_the_whole_with_that_part_is_one_strike() -> None:
    ms = _strikes(LEDE + "Two missiles hit a two-storey house, killing 12 people, 9 of them "
                         "from a single family.")
    assert len(ms) == 1
    assert (ms[0].killed_low, ms[0].killed_high) == (12, 12)


def test_a_whole_with_its_part_alone_keeps_the_whole() -> None:
    ms = _strikes("Two missiles hit a house in Tyre on Sunday, killing 12 people, 9 of them "
                  "children, the ministry said.")
    assert len(ms) == 1
    assert (ms[0].killed_low, ms[0].killed_high) == (12, 12)


def test_another_strike_whose_part_matches_stays_apart() -> None:
    ms = _strikes(LEDE + "In a separate strike on Saturday, missiles hit a house in Tyre, "
                         "killing 12 people, 9 of them children.")
    assert len(ms) == 2


def test_two_tolls_with_no_part_between_them_still_clash() -> None:
    ms = _strikes(LEDE + "Two missiles hit a two-storey house, killing 12 people.")
    assert len(ms) == 2


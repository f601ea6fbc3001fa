"""The incident's date chosen from its reports' dates (resolve/merging.py `_date`): the most
precise, unless a report's week or weekend rules that day out (mentions written for these
tests)."""

from __future__ import annotations

from strikewatch.records import Mention, Span
from strikewatch.resolve.merging import build_incident


def _m(article: str, lo: str, hi: str, precision: int) -> Mention:
    return Mention(id=f"m-{article}", article_id=article, event_type="Explosions/Remote violence",
                   date_low=lo, date_high=hi, time_precision=precision)


def _date(*ms: Mention) -> tuple[str | None, str | None, list[str]]:
    inc = build_incident(list(ms), {})
    return inc.date_low, inc.date_high, [f for f in inc.flags if f.startswith("date")]


def test_a_day_outside_another_reports_week_yields_to_the_week() -> None:
    # one report: "last week" (Mon 22 - Sun 28 Dec); another: a Monday that is only the day
    # it was announced (29 Dec); a third: "earlier this month"
    lo, hi, flags = _date(_m("a", "2025-12-29", "2025-12-29", 1),
                          _m("b", "2025-12-22", "2025-12-28", 2),
                          _m("c", "2025-12-01", "2025-12-30", 3))
    assert (lo, hi) == ("2025-12-22", "2025-12-28")
    assert flags and "2025-12-29" in flags[0]


def test_a_day_inside_the_other_reports_intervals_stays() -> None:
    lo, hi, flags = _date(_m("a", "2025-12-24", "2025-12-24", 1),
                          _m("b", "2025-12-22", "2025-12-28", 2),
                          _m("c", "2025-12-01", "2025-12-31", 3))
    assert (lo, hi, flags) == ("2025-12-24", "2025-12-24", [])


def test_a_month_rules_out_no_day_and_two_days_rule_out_neither() -> None:
    # a month is too coarse to overrule a day told by another report
    assert _date(_m("a", "2025-11-02", "2025-11-02", 1),
                 _m("b", "2025-10-01", "2025-10-31", 3))[:2] == ("2025-11-02", "2025-11-02")
    # two reports' different days: the earlier stays, flagged; a week agreeing with both
    # does not replace them
    lo, hi, flags = _date(_m("a", "2025-10-15", "2025-10-15", 1),
                          _m("b", "2025-10-14", "2025-10-14", 1),
                          _m("c", "2025-10-13", "2025-10-19", 2))
    assert (lo, hi) == ("2025-10-14", "2025-10-14")
    assert flags == ["date: reports differ (2025-10-14 to 2025-10-15)"]


def test_a_weekend_rules_out_a_day_after_it() -> None:
    lo, hi, _ = _date(_m("a", "2025-10-20", "2025-10-20", 1),
                      _m("b", "2025-10-18", "2025-10-19", 2))
    assert (lo, hi) == ("2025-10-18", "2025-10-19")


def _told(article: str, lo: str, hi: str, precision: int, words: str) -> Mention:
    m = _m(article, lo, hi, precision)
    m.provenance["date"] = [Span(article_id=article, start=0, end=len(words), text=words)]
    return m


def test_a_day_beside_the_night_around_it_yields_to_the_night() -> None:
    # "overnight" on a Sunday page and "on Sunday" elsewhere: one night's strike, dated by
    # the night; so too the day before it ("late Saturday") and the Spanish small hours
    for day in ("2025-10-19", "2025-10-18"):
        lo, hi, _ = _date(_told("a", day, day, 1, "on Sunday"),
                          _told("b", "2025-10-18", "2025-10-19", 2, "overnight"))
        assert (lo, hi) == ("2025-10-18", "2025-10-19"), day
    assert _date(_told("a", "2025-10-19", "2025-10-19", 1, "este domingo"),
                 _told("b", "2025-10-18", "2025-10-19", 2, "la madrugada"))[:2] == \
        ("2025-10-18", "2025-10-19")


def test_a_day_stays_beside_a_weekend_another_night_or_two_nights() -> None:
    # a weekend is two days, not a night: the day inside it stays
    assert _date(_told("a", "2025-10-19", "2025-10-19", 1, "on Sunday"),
                 _told("b", "2025-10-18", "2025-10-19", 2, "over the weekend"))[:2] == \
        ("2025-10-19", "2025-10-19")
    # the night before and the night after: which one is not told, the day stays
    assert _date(_told("a", "2025-10-19", "2025-10-19", 1, "on Sunday"),
                 _told("b", "2025-10-18", "2025-10-19", 2, "overnight"),
                 _told("c", "2025-10-19", "2025-10-20", 2, "overnight"))[:2] == \
        ("2025-10-19", "2025-10-19")

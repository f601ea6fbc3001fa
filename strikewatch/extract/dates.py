"""Dates as intervals with ACLED time precision (1 day, 2 week, 3 month or vaguer).

Relative expressions ("on Saturday", "last week", "in February", "earlier this month")
resolve against the article's `published` date; without one they stay unresolved (None)
rather than guessed. Full calendar dates are parsed with dateparser.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from strikewatch.extract.context import DateRead
from strikewatch.records import iso_date

__all__ = ["DateRead", "read_dates", "parse_published"]

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
       r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

DATE_RE = re.compile(
    rf"(?P<range>\b(?i:between|from) (?P<r1>{_MON} \d{{1,2}}|\d{{1,2}} {_MON})(?:,? \d{{4}})? "
    rf"(?i:and|to|through|until) (?P<r2>{_MON} \d{{1,2}}|\d{{1,2}} {_MON})(?:,? \d{{4}})?\b)"
    rf"|(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    rf"|(?P<mdy>\b{_MON} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?\b)"
    rf"|(?P<dmy>\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MON}(?:,? \d{{4}})?\b)"
    rf"|(?P<since>\b(?i:since) (?:the start of |early |late |mid-)?(?:\d{{1,2}}(?:st|nd|rd|th)? "
    rf"(?:of )?{_MON}|{_MON} \d{{1,2}}(?:st|nd|rd|th)?\b|{_MON}|\d{{4}})(?:,? \d{{4}})?)"
    rf"|(?P<wd>\b(?:(?i:last|this|on|early|late) )?{_DAY}(?:'s)?\b(?! \d))"
    r"|(?P<nth>\b(?i:on|of|since) the (?P<nthday>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    rf"(?! (?:of )?{_MON}))"
    r"|(?P<rel>\b(?i:yesterday|today|last night|overnight|this morning|earlier today|"
    r"last week|this week|earlier this week|earlier this month|this month|last month|"
    r"(?:over|during|at) the weekend|last weekend|this weekend|over the past weekend|"
    r"last year|this year|so far this year|earlier this year)\b)"
    rf"|(?P<mon>\b(?:(?i:in|last|early|late|mid-?|since|during|a|an|the|this|that) )?"
    rf"(?P<monname>{_MON})(?!\.? \d{{1,2}}(?:st|nd|rd|th)?\b)(?:'s)?(?: (?P<monyear>\d{{4}}))?\b)"
    r"|(?P<year>\b(?i:in|since|of|during) (?P<yearnum>1[89]\d\d|20\d\d)\b)",
)


# Cheap test first: no digit, month, weekday or relative word means no date to read.
_DATE_CUE = re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|"
                       r"Thu|Fri|Sat|Sun|yesterday|today|tonight|overnight|last|this|earlier|"
                       r"weekend|"
                       r"since|so far)", re.IGNORECASE)



def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_range(year: int, month: int) -> tuple[str, str]:
    last = calendar.monthrange(year, month)[1]
    return _iso(dt.date(year, month, 1)), _iso(dt.date(year, month, last))


_PLAIN_MDY = re.compile(rf"({_MON}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?")
_PLAIN_DMY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MON})(?:,? (\d{{4}}))?")


def _plain_date(s: str, base: str | None) -> dt.date | None:
    """"Dec. 4", "4 December 2024", "June 30, 2025" without dateparser (which costs tens
    of milliseconds a call): the latest such day not after `base` when no year is given."""
    m = _PLAIN_MDY.fullmatch(s.strip())
    if m is not None:
        mon, day, year = m.group(1), m.group(2), m.group(3)
    else:
        m = _PLAIN_DMY.fullmatch(s.strip())
        if m is None:
            return None
        day, mon, year = m.group(1), m.group(2), m.group(3)
    month = MONTHS.get(mon.rstrip(".").lower())
    if month is None:
        return None
    ref = dt.date.fromisoformat(base) if base else None
    y = int(year) if year else (ref.year if ref else None)
    if y is None:
        return None
    try:
        d = dt.date(y, month, int(day))
    except ValueError:
        return None
    if not year and ref is not None and d > ref:
        try:
            d = d.replace(year=y - 1)
        except ValueError:
            return None
    return d


@lru_cache(maxsize=4096)
def _dateparse(s: str, base: str | None) -> dt.date | None:
    plain = _plain_date(s, base)
    if plain is not None:
        return plain
    import dateparser  # imported lazily: it is slow to import and only full dates need it

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base)
    got = dateparser.parse(s, languages=["en"], settings=settings)
    return got.date() if got else None


def _past_month_year(month: int, pub: dt.date, future: bool) -> int:
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def resolve(m: re.Match[str], pub: dt.date | None, future: bool = False) -> DateRead | None:
    """Turn one DATE_RE match into an interval (None fields when it cannot be resolved)."""
    a, b = m.span()
    g = m.lastgroup
    s = m.group(0)
    if g == "iso":
        return DateRead(a, b, s, s, 1)
    if g in ("mdy", "dmy"):
        has_year = bool(re.search(r"\d{4}", s))
        if not has_year and pub is None:
            return DateRead(a, b, None, None, None)
        got = _dateparse(s.rstrip("."), pub.isoformat() if pub else None)
        if got is None:
            return None
        if not has_year and pub is not None and future and got < pub:
            got = got.replace(year=got.year + 1)
        return DateRead(a, b, _iso(got), _iso(got), 1)
    if g == "range":
        # "between January 1 and June 30": a period with both ends
        if pub is None and not re.search(r"\d{4}", s):
            return DateRead(a, b, None, None, None, is_period=True)
        base = pub.isoformat() if pub else None
        lo = _dateparse(m.group("r1") + (f" {pub.year}" if pub and not re.search(
            r"\d{4}", s) else ""), base)
        hi = _dateparse(m.group("r2") + (f" {pub.year}" if pub and not re.search(
            r"\d{4}", s) else ""), base)
        if lo is None or hi is None:
            return None
        if hi < lo:
            lo = lo.replace(year=lo.year - 1)
        return DateRead(a, b, _iso(lo), _iso(hi), 3 if (hi - lo).days > 13 else 2 if (
            hi - lo).days > 0 else 1, is_period=True)
    if g == "nth":
        # "on the 14th": that day of the month of publication, or of the month before
        if pub is None:
            return DateRead(a, b, None, None, None)
        day_n = int(m.group("nthday"))
        month_start = pub.replace(day=1)
        if day_n > pub.day:
            month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
        if day_n > calendar.monthrange(month_start.year, month_start.month)[1]:
            return None
        d = month_start.replace(day=day_n)
        if s.lower().startswith("since"):
            return DateRead(a, b, _iso(d), _iso(pub), 1, is_period=True)
        return DateRead(a, b, _iso(d), _iso(d), 1)
    if g == "since":
        word = re.sub(r"^since (?:the start of |early |late |mid-)?", "", s, flags=re.I)
        if re.search(r"\d{1,2}(?:st|nd|rd|th)? (?:of )?" + _MON + r"|" + _MON + r" \d{1,2}\b",
                     word):
            day = _dateparse(word, pub.isoformat() if pub else None) if (
                pub or re.search(r"\d{4}", word)) else None
            return DateRead(a, b, _iso(day) if day else None, _iso(pub) if pub else None,
                            1 if day else None, is_period=True)
        yr = re.search(r"\d{4}", word)
        mon = re.match(_MON, word)
        if mon and mon.group(0).rstrip(".").lower() in MONTHS:
            month = MONTHS[mon.group(0).rstrip(".").lower()]
            if yr:
                year = int(yr.group(0))
            elif pub is None:
                return DateRead(a, b, None, None, None, is_period=True)
            else:
                year = _past_month_year(month, pub, False)
            return DateRead(a, b, _month_range(year, month)[0],
                            _iso(pub) if pub else None, 3, is_period=True)
        if yr:
            return DateRead(a, b, f"{yr.group(0)}-01-01", _iso(pub) if pub else None, 3,
                            is_period=True)
        return None
    if pub is None and g in ("wd", "rel", "mon") and not (g == "mon" and m.group("monyear")):
        return DateRead(a, b, None, None, None, is_period=g == "rel" and "so far" in s)
    if g == "wd":
        name = re.search(_DAY, s)
        assert name is not None and pub is not None
        wd = WEEKDAYS[name.group(0).lower()]
        if future:
            delta = (wd - pub.weekday()) % 7
            day = pub + dt.timedelta(days=delta)
        else:
            delta = (pub.weekday() - wd) % 7
            if s.lower().startswith("last ") and delta == 0:
                delta = 7
            day = pub - dt.timedelta(days=delta)
        return DateRead(a, b, _iso(day), _iso(day), 1)
    if g == "rel":
        assert pub is not None
        w = s.lower().replace("'s", "")
        monday = pub - dt.timedelta(days=pub.weekday())
        if w in ("today", "this morning", "earlier today"):
            return DateRead(a, b, _iso(pub), _iso(pub), 1)
        if w in ("yesterday", "last night", "overnight"):
            d = pub - dt.timedelta(days=1)
            return DateRead(a, b, _iso(d), _iso(d), 1)
        if w.endswith("weekend"):
            # the Saturday and Sunday before publication (the current one on a weekend)
            sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
            if w == "last weekend" and pub.weekday() >= 5:
                sat -= dt.timedelta(days=7)
            return DateRead(a, b, _iso(sat), _iso(sat + dt.timedelta(days=1)), 2)
        if w == "last week":
            prev_monday = monday - dt.timedelta(days=7)
            return DateRead(a, b, _iso(prev_monday), _iso(prev_monday + dt.timedelta(days=6)), 2)
        if w in ("this week", "earlier this week"):
            return DateRead(a, b, _iso(monday), _iso(pub), 2)
        if w in ("earlier this month", "this month"):
            return DateRead(a, b, _iso(pub.replace(day=1)), _iso(pub), 3)
        if w == "last month":
            prev = pub.replace(day=1) - dt.timedelta(days=1)
            first, last = _month_range(prev.year, prev.month)
            return DateRead(a, b, first, last, 3)
        if w == "last year":
            return DateRead(a, b, f"{pub.year - 1}-01-01", f"{pub.year - 1}-12-31", 3)
        return DateRead(a, b, f"{pub.year}-01-01", _iso(pub), 3,
                        is_period=w.startswith("so far"))
    if g == "mon":
        month = MONTHS[m.group("monname").rstrip(".").lower()]
        if m.group("monname").lower() == "may" and not re.match(r"(?:in|since|during|last|early|"
                                                               r"late|mid)", s.lower()):
            return None  # "may" is usually the verb
        if m.group("monyear"):
            year = int(m.group("monyear"))
        else:
            assert pub is not None
            year = _past_month_year(month, pub, future)
            if s.lower().startswith("last "):
                year = pub.year - 1 if month >= pub.month else pub.year
        first, last = _month_range(year, month)
        return DateRead(a, b, first, last, 3, is_period=s.lower().startswith("since"))
    if g == "year":
        y = int(m.group("yearnum"))
        return DateRead(a, b, f"{y}-01-01", f"{y}-12-31", 3,
                        is_period=s.lower().startswith("since"))
    return None


def read_dates(text: str, pub: dt.date | None, offset: int = 0,
               future: bool = False) -> list[DateRead]:
    """Every date expression in `text`, resolved; offsets are shifted by `offset`."""
    out: list[DateRead] = []
    if not _DATE_CUE.search(text):
        return out
    for m in DATE_RE.finditer(text):
        r = resolve(m, pub, future)
        if r is not None:
            r.start += offset
            r.end += offset
            out.append(r)
    return out


def parse_published(value: str | None) -> dt.date | None:
    """The article's publication date, or None when missing or unreadable."""
    return iso_date(value)

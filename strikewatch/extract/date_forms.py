"""The date forms news uses, each resolved to an interval with ACLED time precision.

One function per form ("March 3", "between X and Y", "on the 14th", "since ...", a weekday,
"yesterday"/"last week", a month); `resolve` picks the one for a DATE_RE match (dates.py).
Relative forms resolve against the publication date; without one they stay unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from strikewatch.extract.context import DateRead

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

#: the full month names and the three-letter abbreviations, as regex alternatives
MONTH_NAMES = "|".join(m for m in calendar.month_name if m)
MONTH_ABBRS = "|".join(m for m in calendar.month_abbr if m)

MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|" \
       r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _month_range(year: int, month: int) -> tuple[str, str]:
    last = calendar.monthrange(year, month)[1]
    return _iso(dt.date(year, month, 1)), _iso(dt.date(year, month, last))


_PLAIN_MDY = re.compile(rf"({MON}) (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?")
_PLAIN_DMY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({MON})(?:,? (\d{{4}}))?")


def plain_date(s: str, base: str | None) -> dt.date | None:
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


_plain_date = plain_date  # its earlier, private name (tests/test_extract_heldout_rules.py)


# the day of the year each feast name stands for (`holiday` in dates.DATE_RE)
_FEASTS = {"christmas day": (12, 25), "christmas night": (12, 25), "christmas eve": (12, 24),
           "new year's day": (1, 1), "new year's eve": (12, 31)}


def month_day(s: str) -> tuple[int, int] | None:
    """(month, day) of a day told without its year ("Aug. 29", "29 August", "Christmas
    Day"), else None."""
    feast = _FEASTS.get(s.strip().lower().replace("’", "'"))
    if feast is not None:
        return feast
    m = _PLAIN_MDY.fullmatch(s.strip())
    if m is not None and not m.group(3):
        mon, day = m.group(1), m.group(2)
    else:
        m = _PLAIN_DMY.fullmatch(s.strip())
        if m is None or m.group(3):
            return None
        day, mon = m.group(1), m.group(2)
    month = MONTHS.get(mon.rstrip(".").lower())
    return (month, int(day)) if month is not None else None


#: A weekday and a day of the month told together recur in the same year only every 5 to 11
#: years (28 for 29 February): how far back `weekday_year` looks.
WEEKDAY_YEARS_BACK = 28


def latest_possible_day() -> dt.date:
    """The latest day a page being read now can tell of as past: today (UTC). Used only to
    pick a year a page gives by other means (a weekday with its day, `weekday_year`), never
    as a date itself."""
    return dt.datetime.now(dt.UTC).date()


def weekday_year(month: int, day: int, weekday: int, upto: dt.date) -> int | None:
    """The latest year up to `upto` in which `day` of `month` fell on `weekday` (0 Monday).

    Why: an undated page's "Monday, February 16" names its year by the weekday: the day
    falls on a Monday only every 5 to 11 years, and a news page tells of the latest one.
    Without a weekday a day and month stay open (a year is never guessed)."""
    for year in range(upto.year, upto.year - WEEKDAY_YEARS_BACK - 1, -1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= upto and d.weekday() == weekday:
            return year
    return None


@lru_cache(maxsize=4096)
def _dateparse(s: str, base: str | None) -> dt.date | None:
    plain = plain_date(s, base)
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


def _full(m: re.Match[str], pub: dt.date | None, future: bool) -> DateRead | None:
    """"March 3, 2025", "3 March": a day (this year's, or next year's for a plan)."""
    a, b = m.span()
    s = m.group(0)
    has_year = bool(re.search(r"\d{4}", s))
    if not has_year and pub is None:
        return DateRead(a, b, None, None, None)
    got = _dateparse(s.rstrip("."), pub.isoformat() if pub else None)
    if got is None:
        return None
    if not has_year and pub is not None and future and got < pub:
        got = got.replace(year=got.year + 1)
    return DateRead(a, b, _iso(got), _iso(got), 1)


def _holiday(m: re.Match[str], pub: dt.date | None, future: bool) -> DateRead | None:
    """"on Christmas Day": that day in the latest year up to publication (the next one for a
    plan), like a month and day told without a year; unknown without a publication date."""
    a, b = m.span()
    if pub is None:
        return DateRead(a, b, None, None, None)
    month, day = _FEASTS[m.group(0).lower().replace("’", "'")]
    got = dt.date(pub.year, month, day)
    if future and got < pub:
        got = got.replace(year=pub.year + 1)
    elif not future and got > pub:
        got = got.replace(year=pub.year - 1)
    return DateRead(a, b, _iso(got), _iso(got), 1)


def _range(m: re.Match[str], pub: dt.date | None, future: bool) -> DateRead | None:
    """"between January 1 and June 30": a period with both ends."""
    a, b = m.span()
    s = m.group(0)
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


def _span(m: re.Match[str], pub: dt.date | None, future: bool) -> DateRead | None:
    """"the night of 5 to 6 January", "March 3-5": days of one month, the first to the
    last (a night across two days is one event's time; a longer span is a period)."""
    a, b = m.span()
    d1, d2 = int(m.group("sd1") or m.group("sd3")), int(m.group("sd2") or m.group("sd4"))
    month = MONTHS[(m.group("smon1") or m.group("smon2")).rstrip(".").lower()]
    if m.group("syear"):
        year = int(m.group("syear"))
    elif pub is not None:
        year = _past_month_year(month, pub, future)
    else:
        return DateRead(a, b, None, None, None)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= d1 < d2 <= last:
        return None
    lo, hi = dt.date(year, month, d1), dt.date(year, month, d2)
    days = (hi - lo).days
    return DateRead(a, b, _iso(lo), _iso(hi), 1 if days <= 1 else 2 if days <= 13 else 3,
                    is_period=days > 1)


def _nth(m: re.Match[str], pub: dt.date | None, future: bool) -> DateRead | None:
    """"on the 14th": that day of the month of publication, or of the month before."""
    a, b = m.span()
    s = m.group(0)
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
        return _up_to_publication(a, b, _iso(d), pub, 1)
    return DateRead(a, b, _iso(d), _iso(d), 1)


def _up_to_publication(a: int, b: int, low: str | None, pub: dt.date | None,
                       precision: int | None) -> DateRead:
    """A "since ..." period, from its start to publication; a start after publication (a
    wrong publication date, or a typo in the text) leaves the end open rather than
    making an interval that ends before it begins."""
    high = _iso(pub) if pub and (low is None or low <= _iso(pub)) else None
    return DateRead(a, b, low, high, precision, is_period=True)


def _since(m: re.Match[str], pub: dt.date | None, future: bool) -> DateRead | None:
    """"since September 2", "since early 2025": a period up to publication."""
    a, b = m.span()
    word = re.sub(r"^since (?:the start of |early |late |mid-)?", "", m.group(0), flags=re.I)
    if re.search(r"\d{1,2}(?:st|nd|rd|th)? (?:of )?" + MON + r"|" + MON + r" \d{1,2}\b",
                 word):
        day = _dateparse(word, pub.isoformat() if pub else None) if (
            pub or re.search(r"\d{4}", word)) else None
        return _up_to_publication(a, b, _iso(day) if day else None, pub, 1 if day else None)
    yr = re.search(r"\d{4}", word)
    mon = re.match(MON, word)
    if mon and mon.group(0).rstrip(".").lower() in MONTHS:
        month = MONTHS[mon.group(0).rstrip(".").lower()]
        if yr:
            year = int(yr.group(0))
        elif pub is None:
            return DateRead(a, b, None, None, None, is_period=True)
        else:
            year = _past_month_year(month, pub, False)
        return _up_to_publication(a, b, _month_range(year, month)[0], pub, 3)
    if yr:
        return _up_to_publication(a, b, f"{yr.group(0)}-01-01", pub, 3)
    return None


def _weekday(m: re.Match[str], pub: dt.date, future: bool) -> DateRead | None:
    """"on Monday": the last one before publication (the next one for a plan)."""
    a, b = m.span()
    s = m.group(0)
    name = re.search(DAY, s)
    assert name is not None
    wd = WEEKDAYS[name.group(0).lower()]
    if future:
        delta = (wd - pub.weekday()) % 7
        day = pub + dt.timedelta(days=delta)
    else:
        delta = (pub.weekday() - wd) % 7
        if s.lower().startswith("last ") and delta == 0:
            delta = 7
        if s.lower().startswith("early ") and delta == 6:
            # "early Monday" on a page dated Sunday: the small hours of the next day where
            # it happened, east of where the page was dated, not six days before
            delta = -1
        day = pub - dt.timedelta(days=delta)
    if s.lower().startswith("overnight"):
        return _night_before(a, b, day)  # "overnight into Wednesday"
    return DateRead(a, b, _iso(day), _iso(day), 1)


def _night_before(a: int, b: int, day: dt.date) -> DateRead:
    """The night that ends on `day`: "overnight" told on `day` (the publication day, or the
    day it was said: component `dates`), "overnight into Wednesday". The night spans both
    dates, so the interval is the day before to `day`, as the gold sets code it
    (tests/gold/README.md); precision 2, as a coder gives a range of days."""
    return DateRead(a, b, _iso(day - dt.timedelta(days=1)), _iso(day), 2)


#: the small hours told with no day ("in the early hours", "before dawn", "after
#: midnight"): the page's own day, as "this morning" is (the copy went out after them;
#: "overnight", which straddles two dates, is the night before: `_night_before`)
SMALL_HOURS = re.compile(r"in the (?:early|small|wee) hours|(?:just |shortly )?before dawn|"
                         r"(?:just |shortly |soon )?after midnight")


#: how many days or weeks back "N days ago" counts, as words or digits
_AGO_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}
AGO_COUNT = r"a|one|two|three|four|five|six|seven|eight|nine|ten|[1-9]\d?"
_AGO = re.compile(rf"({AGO_COUNT}) (day|week)s? ago")


def counted_back(a: int, b: int, words: str, pub: dt.date | None) -> DateRead:
    """"two days ago", "the day before yesterday": that day before publication; "two
    weeks ago": the day 14 days before it, with a week's precision (ACLED's 2: the day is
    the middle of the week the copy means: "a week ago" is seldom to the day). Open
    without a publication date."""
    w = words.lower()
    m = _AGO.fullmatch(w)
    if pub is None or (m is None and w != "the day before yesterday"):
        return DateRead(a, b, None, None, None)
    if m is None:
        d = pub - dt.timedelta(days=2)
        return DateRead(a, b, _iso(d), _iso(d), 1)
    n = _AGO_NUMBERS.get(m.group(1)) or int(m.group(1))
    week = m.group(2) == "week"
    d = pub - dt.timedelta(days=n * 7 if week else n)
    return DateRead(a, b, _iso(d), _iso(d), 2 if week else 1)


def _relative(m: re.Match[str], pub: dt.date, future: bool) -> DateRead | None:
    """"yesterday", "last weekend", "earlier this month", "so far this year"."""
    a, b = m.span()
    w = m.group(0).lower().replace("'s", "")
    monday = pub - dt.timedelta(days=pub.weekday())
    if w in ("today", "this morning", "earlier today") or SMALL_HOURS.fullmatch(w):
        return DateRead(a, b, _iso(pub), _iso(pub), 1)
    if w in ("yesterday", "last night"):
        d = pub - dt.timedelta(days=1)
        return DateRead(a, b, _iso(d), _iso(d), 1)
    if w == "overnight":
        # told of a plan or threat, the night to come: the one ending the day after
        return _night_before(a, b, pub + dt.timedelta(days=1) if future else pub)
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


def _month(m: re.Match[str], pub: dt.date | None, future: bool) -> DateRead | None:
    """"in March", "last May", "March 2025": that month; "early/mid-/late March" a third
    of it."""
    a, b = m.span()
    s = m.group(0)
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
    part = _PART_OF_MONTH.match(s)
    if part is not None:
        # "early May" 1-10, "mid-May" 11-20, "late May" 21 to the end: the coder's thirds
        # (still known only within the month)
        lo, hi = _THIRDS[part.group(1).lower()]
        first, last = first[:8] + f"{lo:02d}", last if hi is None else first[:8] + f"{hi:02d}"
    return DateRead(a, b, first, last, 3, is_period=s.lower().startswith("since"))


_PART_OF_MONTH = re.compile(r"(early|mid|late)\b", re.IGNORECASE)
_THIRDS: dict[str, tuple[int, int | None]] = {"early": (1, 10), "mid": (11, 20),
                                              "late": (21, None)}


def resolve(m: re.Match[str], pub: dt.date | None, future: bool = False) -> DateRead | None:
    """Turn one DATE_RE match into an interval (None fields when it cannot be resolved)."""
    a, b = m.span()
    g = m.lastgroup
    s = m.group(0)
    if g == "iso":
        return DateRead(a, b, s, s, 1)
    read = {"mdy": _full, "dmy": _full, "range": _range, "nth": _nth, "since": _since,
            "span": _span, "holiday": _holiday}.get(
        g or "")
    if read is not None:
        return read(m, pub, future)
    if pub is None and g in ("wd", "rel", "mon") and not (g == "mon" and m.group("monyear")):
        return DateRead(a, b, None, None, None, is_period=g == "rel" and "so far" in s)
    if g == "wd":
        assert pub is not None
        return _weekday(m, pub, future)
    if g == "rel":
        assert pub is not None
        return _relative(m, pub, future)
    if g == "mon":
        return _month(m, pub, future)
    if g == "year":
        y = int(m.group("yearnum"))
        return DateRead(a, b, f"{y}-01-01", f"{y}-12-31", 3,
                        is_period=s.lower().startswith("since"))
    return None

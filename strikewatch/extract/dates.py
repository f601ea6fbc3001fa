"""Dates as intervals with ACLED time precision (1 day, 2 week, 3 month or vaguer).

Relative expressions ("on Saturday", "last week", "in February", "earlier this month")
resolve against the article's `published` date; without one they stay unresolved (None)
rather than guessed. Full calendar dates are parsed with dateparser.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from strikewatch.extract.anchored import Anchored, anchored
from strikewatch.extract.context import DateRead
from strikewatch.extract.date_forms import (
    AGO_COUNT,
    DAY,
    MON,
    MONTHS,
    SMALL_HOURS,
    WEEKDAYS,
    counted_back,
    latest_possible_day,
    month_day,
    plain_date,
    resolve,
    weekday_year,
)
from strikewatch.extract.lookahead import prefixed
from strikewatch.records import iso_date

__all__ = ["DateRead", "read_dates", "parse_published", "dateline", "post_days"]

DATE_RE = re.compile(
    rf"(?P<range>\b(?i:between|from) (?P<r1>{MON} \d{{1,2}}|\d{{1,2}} {MON})(?:,? \d{{4}})? "
    rf"(?i:and|to|through|until) (?P<r2>{MON} \d{{1,2}}|\d{{1,2}} {MON})(?:,? \d{{4}})?\b)"
    rf"|(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
    # "the night of 5 to 6 January", "January 5-6": a span of days within one month
    rf"|(?P<span>\b(?:(?<![:.])(?P<sd1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:to|-|–)\s*(?P<sd2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)? (?:of )?(?P<smon1>{MON})|(?P<smon2>{MON}) (?P<sd3>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\s*(?:-|–|to)\s*(?P<sd4>\d{{1,2}})(?:st|nd|rd|th)?)"
    rf"(?:,? (?P<syear>\d{{4}}))?\b)"
    # "on Christmas Day", "New Year's Eve": a fixed day of the year named by its feast
    r"|(?P<holiday>\b(?:Christmas (?:Day|Eve|night)|New Year['’]s (?:Day|Eve))\b)"
    rf"|(?P<mdy>\b{MON} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?\b)"
    rf"|(?P<dmy>\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MON}(?:,? \d{{4}})?\b)"
    rf"|(?P<since>\b(?i:since) (?:the start of |early |late |mid-)?(?:\d{{1,2}}(?:st|nd|rd|th)? "
    rf"(?:of )?{MON}|{MON} \d{{1,2}}(?:st|nd|rd|th)?\b|{MON}|\d{{4}})(?:,? \d{{4}})?)"
    # "overnight into Wednesday": the night before the named day, up to it
    rf"|(?P<wd>\b(?:(?i:last|this|on|early|late|overnight (?:into|to)) )?{DAY}(?:'s)?\b(?! \d))"
    r"|(?P<nth>\b(?i:on|of|since) the (?P<nthday>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    rf"(?! (?:of )?{MON}))"
    # a bare "overnight" (not "overnight Friday", "overnight on Friday": that day's)
    rf"|(?P<rel>\b(?i:yesterday|today|last night|overnight(?! (?:on |into |to )?{DAY})|"
    r"this morning|earlier today|"
    # the small hours with no day named ("in the early hours", "before dawn", "shortly
    # after midnight"): the page's own day (`date_forms.SMALL_HOURS`); "in the early hours
    # of Sunday", "before dawn on Monday" are the weekday's
    rf"(?:{SMALL_HOURS.pattern})(?!,? (?:of|on|into|yesterday|today|{DAY})\b)|"
    r"last week|this week|earlier this week|earlier this month|this month|last month|"
    r"(?:over|during|at) the weekend|last weekend|this weekend|over the past weekend|"
    r"last year|this year|so far this year|earlier this year)\b)"
    rf"|(?P<mon>\b(?:(?i:in|last|early|late|mid|since|during|a|an|the|this|that) |(?i:mid-))?"
    rf"(?P<monname>{MON})(?!\.? \d{{1,2}}(?:st|nd|rd|th)?\b)(?:'s)?(?: (?P<monyear>\d{{4}}))?\b)"
    r"|(?P<year>\b(?i:in|since|of|during) (?P<yearnum>1[89]\d\d|20\d\d)\b)",
)

# tried only where one of the strings a date starts with stands (a digit, a month or
# weekday, "last ", "since ", ...: some 1,500, found in one pass; the same matches), else
# behind a lookahead of its first character (2-3x faster than trying all eleven
# alternatives at every position; the anchors ~3x faster again)
_DATE_SCAN: Anchored | re.Pattern[str] = anchored(DATE_RE, limit=20_000)
if _DATE_SCAN is DATE_RE:
    _DATE_SCAN = prefixed(DATE_RE)


# Cheap test first: no digit, month, weekday or relative word means no date to read.
_DATE_CUE = anchored(
    re.compile(r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|"
                       r"Thu|Fri|Sat|Sun|yesterday|today|tonight|overnight|last|this|earlier|"
                       r"hours|dawn|midnight|"
                       r"weekend|Christmas|New Year|"
                       r"since|so far)", re.IGNORECASE))


def read_dates(text: str, pub: dt.date | None, offset: int = 0,
               future: bool = False) -> list[DateRead]:
    """Every date expression in `text`, resolved; offsets are shifted by `offset`."""
    out: list[DateRead] = []
    if _DATE_CUE.search(text):
        _read_forms(text, pub, offset, future, out)
    if "ago" in text or "before yesterday" in text:  # a substring test: most text has none
        _read_counted_back(text, pub, offset, out)
    if pub is None and out:
        _pin_weekday_years(text, out, offset)
    return out


def _read_forms(text: str, pub: dt.date | None, offset: int, future: bool,
                out: list[DateRead]) -> None:
    """The DATE_RE forms, in text order, into `out`."""
    for m in _DATE_SCAN.finditer(text):
        r = resolve(m, pub, future)
        if r is None:
            continue
        q = _QUALIFIER.match(m.group(0))
        if q and out and out[-1].precision == 1 and \
                not text[out[-1].end - offset:m.start()].strip(" ,"):
            # "on January 16 this year": the year qualifies the day, it is no date of its own
            if q.group(1).lower() == "last" and out[-1].low and pub is not None and \
                    out[-1].low[:4] == str(pub.year):
                out[-1].low = out[-1].high = f"{pub.year - 1}{out[-1].low[4:]}"
            out[-1].end = r.end + offset
            continue
        r.start += offset
        r.end += offset
        out.append(r)


#: "two days ago", "a week ago", "10 days ago", "the day before yesterday": counted back
#: from publication (kept out of DATE_RE: a scan of its own only where "ago" is written)
COUNTED_BACK = re.compile(rf"\b(?i:(?:{AGO_COUNT}) (?:days?|weeks?) ago|"
                          r"the day before yesterday)\b")


def _read_counted_back(text: str, pub: dt.date | None, offset: int,
                       out: list[DateRead]) -> None:
    """Times counted back from publication, into `out` in text order (open without a
    publication date, as "yesterday" is)."""
    found = [counted_back(m.start() + offset, m.end() + offset, m.group(0), pub)
             for m in COUNTED_BACK.finditer(text)]
    if found:
        out.extend(found)
        out.sort(key=lambda r: r.start)


#: a weekday right before a day and month: "Monday, February 16", "Monday (Feb. 16)",
#: "on Monday 16 February"
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{DAY})\b,?[ \t]*\(?[ \t]*$")


def _pin_weekday_years(text: str, out: list[DateRead], offset: int) -> None:
    """On a page with no date, a day and month told with their weekday ("late on Monday,
    February 16") are dated in the latest year that day was that weekday (`weekday_year`);
    the weekday joins the day's read. A day and month alone stay open."""
    for r in list(out):
        if r.low is not None:
            continue
        md = month_day(text[r.start - offset:r.end - offset])
        if md is None:
            continue
        w = _WEEKDAY_BEFORE.search(text, max(0, r.start - offset - 14), r.start - offset)
        if w is None:
            continue
        year = weekday_year(md[0], md[1], WEEKDAYS[w.group("wd").lower()],
                            latest_possible_day())
        if year is None:
            continue
        r.low = r.high = dt.date(year, *md).isoformat()
        r.precision = 1
        start = w.start("wd") + offset
        joined = [o for o in out if o is not r and o.start < r.start and o.end > start]
        out[:] = [o for o in out if all(o is not j for j in joined)]
        r.start = min([start] + [o.start for o in joined])


# a year word right after a day ("January 16 this year", "March 3 last year")
_QUALIFIER = re.compile(r"(this|last) year$", re.IGNORECASE)


def parse_published(value: str | None) -> dt.date | None:
    """The article's publication date, or None when missing or unreadable."""
    return iso_date(value)


#: A wire dateline opening a paragraph near the top of the page: "WASHINGTON, Oct 28
#: (Reuters) -", "BEIRUT, Nov. 2, 2025 (AP) —", "KHARKIV, Ukraine, 11 June 2025 —",
#: "Dec 23 (Reuters) -". Its day is when the copy was filed, never an event's. A date with
#: neither a place before it nor an agency's credit after it ("Sept. 2, 2025 — first
#: strike", a timeline's line) is no dateline, nor is a place in lower case without a credit
#: ("The Pentagon, Sept. 2, 2025 — …").
_DL_DATE = (rf"(?:(?P<m>{MON}) (?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}}) (?P<m2>{MON}))"
            r"(?:,? (?P<y>(?:19|20)\d{2}))?")
_DL_CREDIT = r"\s*\((?P<credit>[A-Z][\w .&/-]{0,23})\)"
DATELINE = re.compile(
    rf"(?m)^[ \t]*(?:(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}"
    rf"(?:, [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,2}})?),\s*)?{_DL_DATE}(?:{_DL_CREDIT})?"
    r"\s*[-–—]")
#: how far into the page a dateline is looked for: a headline, a byline or a section name
#: may come first; a date opening a paragraph deeper in is the story's own
DATELINE_WITHIN = 600


class Dateline(NamedTuple):
    """A wire dateline: where it stands, its month and day, and the day it was filed
    (None when it gives no year)."""

    start: int
    end: int
    month: int
    day: int
    filed: dt.date | None


def dateline(text: str) -> Dateline | None:
    """The page's wire dateline, or None. Without its year it gives no filing day: a year
    is never guessed."""
    m = next((m for m in DATELINE.finditer(text, 0, DATELINE_WITHIN)
              if m.group("credit") or (m.group("place") or "").split(",")[0].isupper()), None)
    if m is None:
        return None
    month = MONTHS.get((m.group("m") or m.group("m2")).rstrip(".").lower())
    day = int(m.group("d") or m.group("d2"))
    if month is None:
        return None
    try:
        dt.date(2000, month, day)  # a leap year: every month's days
    except ValueError:
        return None
    filed: dt.date | None = None
    if m.group("y"):
        try:
            filed = dt.date(int(m.group("y")), month, day)
        except ValueError:
            filed = None  # 29 February of a common year
    return Dateline(m.start(), m.end(), month, day, filed)


#: An embedded post's sign-off line, as pages print a quoted post on X: "— U.S. Southern
#: Command (@Southcom) December 16, 2025". Its date is the day the post went out.
POST_SIGNOFF = re.compile(
    rf"(?m)^[ \t]*[—–-]{{1,2}}[ \t]*[^\n()]{{1,80}}\(@\w{{1,30}}\)[ \t]+"
    rf"(?P<date>{MON} \d{{1,2}},? \d{{4}}|\d{{1,2}} {MON},? \d{{4}})[ \t]*$")
#: a post's last line cut short by the page: a link or an ellipsis ("The… pic.twitter.com/x")
_POST_STUB = re.compile(r"pic\.twitter\.com/|…\s*$|\.\.\.\s*$")
#: how long a post's last line may be and still be a stub before its body
POST_STUB_CHARS = 80


class PostDay(NamedTuple):
    """An embedded post ([start, end): its body and sign-off) and the day it went out."""

    start: int
    end: int
    day: dt.date


def post_days(text: str) -> list[PostDay]:
    """The page's embedded posts that sign off with their day. A post's "today", "on
    Monday" or "Dec. 15" is told from that day, not from the page's: a page put out a week
    later, or one with no date at all, still dates what the post says (its day without a
    year is the latest one up to the post's)."""
    if "(@" not in text:
        return []
    out: list[PostDay] = []
    for m in POST_SIGNOFF.finditer(text):
        day = plain_date(m.group("date").replace(",", "").replace("  ", " "), None)
        if day is None:
            continue
        out.append(PostDay(_post_start(text, m.start()), m.end(), day))
    return out


#: a statement told as made on a day: "On Tuesday the minister said ...", "the command said
#: late on Monday": the day stands before the verb of saying or right after it (a capital
#: "On" inside a sentence opens one glued to a crosshead)
_SAID_DAY = re.compile(
    r"(?:^|(?<=\s))(?:On|Late on|Early on)\s+(?P<day>[^,;.\n]{3,25}?),?\s+[^,;.\n]{1,60}?"
    r"\b(?:had\s+)?(?:said|wrote|posted|announced|told|stated|declared)\b"
    r"|\b(?:said|wrote|posted|announced|stated|declared)\s+(?:late\s+|early\s+)?on\s+"
    r"(?P<after>[^,;.\n]{3,25})")
#: a paragraph that opens with a quotation mark
_QUOTE_OPENS = re.compile(r'[ \t]*["“]')


def statement_days(text: str, pub: dt.date | None) -> list[PostDay]:
    """Quoted paragraphs right after a statement the article dates to an earlier day ("On
    Tuesday the minister had said ... / "Yesterday, our forces struck ..."): the quote's
    "yesterday" or "today" is told from the day it was said, as an embedded post's is
    (`post_days`), not from the page's. Each span runs over the quoted paragraphs that
    follow the statement's paragraph, up to the first that does not open with a quote."""
    if pub is None or ("\"" not in text and "“" not in text):
        return []
    out: list[PostDay] = []
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for i, (a, b) in enumerate(paras[:-1]):
        if _QUOTE_OPENS.match(text, a) or not _QUOTE_OPENS.match(text, paras[i + 1][0]):
            continue
        last = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text[a:b].strip())[-1]
        said = _SAID_DAY.search(last)
        if said is None:
            continue
        told = said.group("day") or said.group("after") or ""
        days = [r for r in read_dates(told, pub) if r.precision == 1 and r.low is not None
                and r.low == r.high]
        if len(days) != 1 or days[0].low is None or days[0].low >= pub.isoformat():
            continue
        end = paras[i + 1][1]
        for c, d in paras[i + 2:]:
            if not _QUOTE_OPENS.match(text, c):
                break
            end = d
        out.append(PostDay(paras[i + 1][0], end, dt.date.fromisoformat(days[0].low)))
    return out


def _post_start(text: str, signoff: int) -> int:
    """Where the post signed off at `signoff` begins: the line before the sign-off, and the
    one before that where the last is a stub the page cut ("The… pic.twitter.com/...")."""
    start = signoff
    for _ in range(2):
        end = len(text[:start].rstrip())
        if end == 0:
            break
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if len(line) >= POST_STUB_CHARS or not _POST_STUB.search(line):
            break
    return start

"""The publication date of an article, recovered from what its input carries.

Why: relative dates ("on Saturday", "last week") resolve against `published`, and an
undated report cannot link to its dated siblings. Mirrors and agency rewrites often come
without a date in the JSON a user supplies, yet the page, its URL, its feed entry or
another copy of the same wire story holds one.

The sources, in the order they are trusted (`published_source` keeps which one gave it):

1. ``supplied`` — the input's own `published` (the JSON field, `--published`).
2. ``feed`` — the feed entry's published (else updated) date: the publisher's own record.
3. ``html-meta`` — the page's markup, read by htmldate (trafilatura's date finder):
   article:published_time and other meta tags, JSON-LD datePublished, <time> elements,
   date-classed elements. `extensive_search` is off: the free-text search it enables picks
   up dates the article merely mentions ("since the campaign began on Sept. 2") or a
   copyright year, which would date the report wrongly. `original_date` is on
   (publication, not last modification).
4. ``url`` — a date in the URL path: /2025/11/02/, /20251102/, /2025-11-02-slug, /2025/4/10/,
   a path segment of its own /251102/ (year of this century, month, day) or
   /202511020015.html (the day and a four-digit serial: `URL_DATE_SERIAL`); day or month
   first (/17/11/2025/, -02-11-2025- in a slug, /29032025/, /26-Aug-2024/) only where one
   order alone makes a calendar day.
5. ``dateline`` — the day of the wire dateline opening the copy ("BEIRUT, Nov. 2, 2025
   (AP) —", "Bogotá, 5 de noviembre de 2025 (EFE).-"): the day it was filed. A dateline
   without its year ("WASHINGTON, Oct 28 (Reuters) -") takes it only from a URL path
   that names the same month (/2025/10/slug); otherwise it dates nothing: a year is never
   guessed. (The extractor reads the same dateline the same way for
   a page read without ingest: extract component `filing_day`.)
6. ``origin-copy`` — the earliest date stored for another copy of the same wire story
   (same origin in the near-duplicate index): copies run the same day or later.

A value is used only when it is a real date between `EARLIEST` and the time of the fetch
(one day of slack for time zones); anything else is passed over with a note, and the next
source is tried. Nothing found: `published` stays None — never today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from strikewatch.ingest.dates import iso_published
from strikewatch.records import iso_date

if TYPE_CHECKING:
    from lxml.html import HtmlElement

PUBLISHED_SOURCES = ("supplied", "feed", "html-meta", "url", "dateline", "origin-copy")
#: How each source reads beside the date on a page: "2025-11-02 (from the URL)".
SOURCE_LABELS = {
    "supplied": "as supplied", "feed": "from the feed", "html-meta": "from the page's markup",
    "url": "from the URL", "dateline": "from the dateline",
    "origin-copy": "from another copy of the same story",
}
#: strikewatch reads online news: a date before this is a parse error (the Unix epoch,
#: a two-digit year read in the wrong century), not a publication date.
EARLIEST = dt.date(1990, 1, 1)
#: A date-time with a time zone east of UTC can fall on the next calendar day.
FUTURE_SLACK = dt.timedelta(days=1)

_SEP = r"[/_.-]"
#: Year, month and day as path segments or joined in one: /2025/11/02/, /2025-11-02-slug,
#: /20251102/ (not inside a longer number such as an article id).
URL_DATE = re.compile(
    rf"(?<![0-9])(20[0-9]{{2}}|19[0-9]{{2}})({_SEP}?)(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])"
    r"(?![0-9])"
)
#: A whole path segment of six digits as year, month and day of this century: /251230/
#: (some outlets' section/YYMMDD/id paths). Only a segment to itself: six digits inside a
#: slug or a longer id ("-123456", "/458426-story") are not read.
URL_SHORT_DATE = re.compile(r"/([0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?=/|$)")
#: A path segment of its own that is a year, month and day with a four-digit serial after
#: them, the page name ending it: /stories/202603090015.html (the day's 15th story, as
#: some aggregators number them). Twelve digits only, year first: a longer or shorter
#: number, or one inside a slug, is an id (`URL_DATE` reads none of them).
URL_DATE_SERIAL = re.compile(
    r"/(20[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{4}(?:\.[a-z]{2,5})?(?=/|$)",
    re.IGNORECASE)
#: Year, month's English name and day as path segments: /world/2025/nov/02/slug (the
#: Guardian's form), /2025/november/2/.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec")
URL_WORD_DATE = re.compile(
    r"/(20[0-9]{2}|19[0-9]{2})/(" + "|".join(_MONTH_WORDS) + r")[a-z]*/"
    r"(0?[1-9]|[12][0-9]|3[01])(?=/|$)", re.IGNORECASE)


def plausible(value: str | None, now: dt.datetime) -> bool:
    """Whether an ISO date lies between EARLIEST and `now` (plus FUTURE_SLACK)."""
    day = iso_date(value)
    return day is not None and EARLIEST <= day <= (now + FUTURE_SLACK).date()


#: A URL's scheme and host: what is read for a date is what comes after them.
_SCHEME_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]*", re.I)


def _url_path(url: str) -> str:
    """The path a URL is read for a date by: its own, and that of the page's own address
    when a redirect or share wrapper carries it as a parameter
    (`/article?u=https%3A%2F%2Fnews.example%2F2025%2F11%2F02%2F...`), which dates the page
    as well as a path of its own would. Other parameters (ids, timestamps, tracking) are
    not read."""
    path, _, query = _SCHEME_HOST.sub("", url).partition("?")
    for _name, value in parse_qsl(query):
        if _SCHEME_HOST.match(value):
            path += "/" + _SCHEME_HOST.sub("", value.partition("?")[0])
    return path


#: Year and month as path segments of their own, with no day after them: /2025/11/slug
URL_MONTH = re.compile(r"/(20[0-9]{2}|19[0-9]{2})/(0[1-9]|1[0-2])/(?![0-9]{1,2}(?:/|$))")


def url_month(url: object) -> tuple[int, int] | None:
    """(year, month) of a URL path that gives them but no day (/2025/11/slug), if any."""
    if not isinstance(url, str):
        return None
    m = URL_MONTH.search(_url_path(url) + "/")
    return (int(m.group(1)), int(m.group(2))) if m else None


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")


def _is_month_word(word: str) -> bool:
    """"nov", "november", "sept": a month's name or its start, not a slug that begins like
    one ("/2025/mayor/3/")."""
    w = word.lower()
    return len(w) >= 3 and any(name.startswith(w) for name in _MONTH_NAMES) or w == "sept"


#: Year, month and day as path segments of their own without leading zeros: /2025/4/10/
#: (year first: no other order is written so).
URL_UNPADDED = re.compile(r"/(20[0-9]{2}|19[0-9]{2})/([1-9]|1[0-2])/([1-9]|[12][0-9]|3[01])"
                          r"(?=/|$)")
#: Day and month before the year, either order, the parts 1-2 digits: /17/11/2025/ (path
#: segments), -02-11-2025- in a slug, /29032025/ (one segment of eight digits). Read only
#: where one order alone makes a calendar day: 02-11-2025 is 2 November in Europe and
#: February 2 in the US, and a page's date is never guessed (`_one_reading`).
URL_DAY_FIRST = re.compile(r"(?<![0-9])([0-9]{1,2})([/_-])([0-9]{1,2})\2(20[0-9]{2}|19[0-9]{2})"
                           r"(?![0-9])")
URL_DAY_FIRST_JOINED = re.compile(r"/([0-9]{2})([0-9]{2})(20[0-9]{2}|19[0-9]{2})(?=/|$)")
#: Day, month's name and year as one path segment: /26-Aug-2024/, /2-november-2025/ (a slug
#: that tells a day in words, "strike-on-2-november-2025-kills", may be the event's: only a
#: segment to itself is read).
URL_DAY_WORD_YEAR = re.compile(
    r"/([0-9]{1,2})[-_](" + "|".join(_MONTH_WORDS) + r")[a-z]*[-_](20[0-9]{2}|19[0-9]{2})"
    r"(?=/|$)", re.IGNORECASE)


def _day(y: str | int, mo: str | int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _one_reading(a: str, b: str, year: str) -> dt.date | None:
    """The day that `a`, `b` and the year make, read day-month or month-day: the one that is
    a calendar day, or both when they are the same day (11-11-2025); two different days are
    no date."""
    days = {d for d in (_day(year, b, a), _day(year, a, b)) if d is not None}
    return days.pop() if len(days) == 1 else None


def url_date(url: object) -> str | None:
    """The date in a URL's path (ISO), if one is there and is a real calendar day. Year
    first in any of its forms is tried before a day or month first, which is read only
    where it has one reading."""
    if not isinstance(url, str):
        return None
    path = _url_path(url)
    days = [(m.group(1), m.group(3), m.group(4)) for m in URL_DATE.finditer(path)]
    days += [("20" + m.group(1), m.group(2), m.group(3)) for m in URL_SHORT_DATE.finditer(path)]
    days += [(m.group(1), m.group(2), m.group(3)) for m in URL_DATE_SERIAL.finditer(path)]
    days += [(m.group(1), str(_MONTH_WORDS.index(m.group(2).lower()[:3]) + 1), m.group(3))
             for m in URL_WORD_DATE.finditer(path)
             if _is_month_word(m.group(0).split("/")[2])]
    days += [(m.group(1), m.group(2), m.group(3)) for m in URL_UNPADDED.finditer(path)]
    for y, mo, d in days:
        day = _day(y, mo, d)
        if day is not None:
            return day.isoformat()
    return _day_first_date(path)


def _day_first_date(path: str) -> str | None:
    """A URL date told day or month first (`URL_DAY_FIRST`, `URL_DAY_FIRST_JOINED`,
    `URL_DAY_WORD_YEAR`), where it has one reading."""
    for m in URL_DAY_WORD_YEAR.finditer(path):
        word = m.group(0).split("-" if "-" in m.group(0) else "_")[1]
        if _is_month_word(word):
            day = _day(m.group(3), _MONTH_WORDS.index(m.group(2).lower()[:3]) + 1, m.group(1))
            if day is not None:
                return day.isoformat()
    for m in URL_DAY_FIRST.finditer(path):
        day = _one_reading(m.group(1), m.group(3), m.group(4))
        if day is not None:
            return day.isoformat()
    for m in URL_DAY_FIRST_JOINED.finditer(path):
        day = _one_reading(m.group(1), m.group(2), m.group(3))
        if day is not None:
            return day.isoformat()
    return None


def url_day_readings(url: object) -> list[dt.date]:
    """Both readings of a URL day told day or month first where each makes a calendar day
    (/02-11-2025/, /05092024/): `url_date` reads none of them, as ingest never guesses a
    page's date; the extractor's page window settles them against the days the page
    names (extract.page_window). Empty where the URL has a date `url_date` reads."""
    if not isinstance(url, str) or url_date(url) is not None:
        return []
    path = _url_path(url)
    out: list[dt.date] = []
    for m in [*URL_DAY_FIRST.finditer(path), *URL_DAY_FIRST_JOINED.finditer(path)]:
        a, b = m.group(1), m.group(3) if m.re is URL_DAY_FIRST else m.group(2)
        year = m.group(4) if m.re is URL_DAY_FIRST else m.group(3)
        out += [d for d in (_day(year, b, a), _day(year, a, b)) if d is not None]
    return sorted(set(out))


def html_date(tree: HtmlElement | None, now: dt.datetime) -> str | None:
    """The publication date a page's markup gives (htmldate, no free-text search)."""
    if tree is None:
        return None
    from htmldate import find_date

    # url="" keeps htmldate from reading a date out of the canonical link: a URL's date is
    # the lower-trust `url` source, looked at separately.
    return find_date(
        tree, extensive_search=False, original_date=True, url="",
        min_date=EARLIEST.isoformat(), max_date=(now + FUTURE_SLACK).date().isoformat(),
    )


def dateline_date(text: object, url: object = None) -> str | None:
    """The filing day (ISO) of the wire dateline opening `text`, English or Spanish, when
    it gives its year; an English one without its year ("WASHINGTON, Oct 28 (Reuters) -")
    takes the year of a URL path that names that same month (/2025/10/slug): the year
    is read, never guessed, and a month that differs (a copy filed on Dec. 31 under
    /2026/01/) dates nothing."""
    if not isinstance(text, str):
        return None
    from strikewatch.extract.dates import dateline
    from strikewatch.extract.es.dates import dateline as es_dateline

    line = dateline(text)
    if line is not None:
        if line.filed is not None:
            return line.filed.isoformat()
        ym = url_month(url)
        if ym is None or ym[1] != line.month:
            return None
        try:
            return dt.date(ym[0], line.month, line.day).isoformat()
        except ValueError:  # 29 February of a common year
            return None
    es = es_dateline(text)
    if es is None:
        return None
    if es[2] is not None:
        return es[2].isoformat()
    # "CARACAS, 12 nov (EFE).–": the year of a URL path that names that same month
    from strikewatch.extract.es.dates import dateline_month_day

    md, ym = dateline_month_day(text), url_month(url)
    if md is None or ym is None or ym[1] != md[0]:
        return None
    try:
        return dt.date(ym[0], md[0], md[1]).isoformat()
    except ValueError:
        return None


def first_plausible(
    candidates: Iterable[tuple[str, object]], now: dt.datetime
) -> tuple[str | None, str | None, list[str]]:
    """(published, its source, notes) from (source, raw value) pairs in order of trust.

    The first value that reads as a date and is plausible wins; each unusable value adds a
    note saying why it was passed over.
    """
    notes: list[str] = []
    for source, raw in candidates:
        if raw is None or raw == "":
            continue
        try:
            value = iso_published(raw)
        except ValueError as exc:
            notes.append(f"{source} {exc}")
            continue
        if value is None:
            continue
        if not plausible(value, now):
            notes.append(f"{source} published {value} is not plausible "
                         f"(before {EARLIEST} or after the fetch)")
            continue
        return value, source, notes
    return None, None, notes


def recover_published(
    supplied: object = None,
    feed: object = None,
    tree: HtmlElement | None = None,
    url: object = None,
    now: dt.datetime | None = None,
    text: object = None,
) -> tuple[str | None, str | None, list[str]]:
    """(published, published_source, notes) of one input, from everything it carries but
    the origin's copies (ingest looks those up once it knows the origin).

    The page is read only when the input carries no usable date of higher trust.
    """
    now = now or dt.datetime.now(dt.UTC)
    value, source, notes = first_plausible((("supplied", supplied), ("feed", feed)), now)
    if value is not None:
        return value, source, notes
    value, source, more = first_plausible(
        (("html-meta", html_date(tree, now)), ("url", url_date(url)),
         ("dateline", dateline_date(text, url))), now)
    return value, source, notes + more

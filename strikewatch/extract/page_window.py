"""The earliest day a page with no publication date can have been published.

Why: about half the pages come without a date, and their undated reports then have no
day to be compared on (resolve blocking). Such a page still says when it was written,
within bounds: it was put out on or after the latest day it names ("on Dec. 17, 2025",
"el 3 de enero de 2026", an embedded post's sign-off, a wire dateline). Background dates
are dates too: the page was written after them as well, so the *latest* stated day is a
safe lower bound whatever the earlier ones date. What would break it is a day the page
names as still to come (a vote "scheduled for Jan. 5", a deadline): a sentence telling the
future is not read (`_FUTURE`). The upper bound is no reading of the page: resolution
allows `features.PAGE_AFTER_DAYS` after this day (news tells of the last days).

A day without its year counts only where the extractor's own readers date it (a year the
page tells that day or month with, `PageYears`; a weekday that fixes the year); a day
the page does not fix is no bound. The result is kept beside the mention
(`Mention.page_after`, with `page_after_source`), never as the publication date.

Where the latest day was read tells whether it bounds the page from above as well (a
window, `features.page_window_bounds`): a day in passing ("stated") may be a recalled
strike months before the page; an embedded post's sign-off ("post"), a photo caption's day
("caption": a photo of the news, not one marked as a file or archive picture), the day a
statement was made ("said": "the command said on Dec. 17, 2025", "informó el 3 de enero
de 2026"), a day told with its own weekday ("weekday": "late on Monday, February 16", the
news style of the last days) and the URL's month ("url-month": /2025/11/slug, the page
went out in it) or a URL day told in an order only the page's own days settle ("url":
/02112025/) are the page's own news. A window day whose page names a day without its
year that cannot be a recent day before it ("missing since Feb. 9" beside an October
caption: a file photo of last year) gives no window (`_yearless_fit`).
"""

from __future__ import annotations

import datetime as dt
import re

from strikewatch.extract import dates as en_dates
from strikewatch.extract.context import DateRead
from strikewatch.extract.date_forms import WEEKDAYS, month_day
from strikewatch.extract.es import dates as es_dates
from strikewatch.extract.es.dates import WEEKDAYS as ES_WEEKDAYS
from strikewatch.records import iso_date

#: A sentence that tells of the future: its days may lie after the page.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|scheduled|expected to|plans? to|planned|due to|deadline|"
    r"upcoming|next (?:week|month|year)|until|by the end of|"
    r"será|serán|prevista?|previstos?|programad[oa]s?|próxim[oa]s?|hasta el|"
    r"plazo|vence|celebrará|votará)\b",
    re.IGNORECASE)
#: Sentence ends, to find the sentence a date stands in (cheap; no parse).
_SENT_END = re.compile(r"[.!?\n]")
#: A statement's day told right before it: "said on", "announced late on", "in a
#: statement on", "informó el", "en un comunicado del". The day a source spoke is news.
_SAID_ON = re.compile(
    r"\b(?:sa(?:id|ys)|announc\w*|confirm\w*|report\w*|told|posted|wrote|stated|declared|"
    r"acknowledg\w*|disclos\w*|statements?|posts?|briefing|release|"
    r"inform[óo]|dijo|anunci[óo]|confirm[óo]|asegur[óo]|señal[óo]|declar[óo]|public[óo]|"
    r"comunic[óo]|report[óo]|indic[óo]|comunicado|mensaje)\b"
    r"[^.;:\n]{0,20}?\b(?:on|el|del)\s+(?:\w+day,?\s+)?$", re.IGNORECASE)
#: A photo's caption: the words a caption is told with, and those of an old picture.
_PHOTO = re.compile(r"\b(?:photos?|photograph\w*|pictures?|pictured|images?|footage|"
                    r"fotos?|fotograf[íi]as?|imagen|imágenes)\b", re.IGNORECASE)
_OLD_PHOTO = re.compile(r"\b(?:file|archives?|archivo)\b", re.IGNORECASE)
#: A caption line is short and the day closes it ("..., Syria, November 28, 2025").
CAPTION_CHARS = 200
#: A day told without its year is a recent one: one more than this many days before a
#: window's day (in no year) says the window's day is not the page's (`_yearless_fit`).
YEARLESS_RECENT_DAYS = 150
#: A URL day with two readings (02-11-2025) is the one within this many days on or after
#: the latest day the page names.
URL_READING_DAYS = 31


def _sentence_around(text: str, start: int, end: int) -> str:
    """The text from the sentence end before `start` to the one after `end`."""
    left = max((m.end() for m in _SENT_END.finditer(text, max(0, start - 300), start)),
               default=max(0, start - 300))
    right = _SENT_END.search(text, end)
    return text[left:right.start() if right else min(len(text), end + 300)]


def _month_years(reads: list[DateRead]) -> dict[int, set[int]]:
    """The years the page tells each month with (a day or the month told with its year)."""
    out: dict[int, set[int]] = {}
    for r in reads:
        day = iso_date(r.low) if r.low is not None and not r.is_period else None
        if day is not None and r.precision in (1, 3):
            out.setdefault(day.month, set()).add(day.year)
    return out


def _in_page_year(told: str, years: dict[int, set[int]]) -> dt.date | None:
    """An English day without its year ("Dec. 9") in the one year the page tells its month
    with ("In December 2025 ..."), as the extractor's dates read it; else None."""
    md = month_day(told.strip().removeprefix("on ").removeprefix("On "))
    if md is None or len(years.get(md[0], ())) != 1:
        return None
    (year,) = years[md[0]]
    try:
        return dt.date(year, *md)
    except ValueError:
        return None


def _line_around(text: str, start: int, end: int) -> tuple[str, str]:
    """(the line's text before `start`, after `end`)."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left:start], text[end:right if right >= 0 else len(text)]


#: A weekday's name, English or Spanish, to check it against the day it stands beside.
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join([*WEEKDAYS, *ES_WEEKDAYS]) + r")\b",
                           re.IGNORECASE)


def _weekday_beside(text: str, start: int, end: int, day: dt.date) -> bool:
    """Whether the day is told with its own weekday right beside it ("on Tuesday, Dec. 16,
    2025", "el domingo 20 de julio", "Dec. 16, 2025 (Tuesday)"): news style names the
    weekday of the last days; a weekday that is not the day's own says nothing."""
    near = text[max(0, start - 16):end + 14]
    return any({**WEEKDAYS, **ES_WEEKDAYS}.get(w.group(1).lower()) == day.weekday()
               for w in _WEEKDAY_WORD.finditer(near))


def _where_told(text: str, start: int, end: int, day: dt.date | None = None) -> str:
    """Where a day with its year stands: "said" (the day a statement was made),
    "caption" (a photo's caption: a photo word before it in its line, or the day closing a
    short line after a comma), "weekday" (told with its own weekday), else "stated"."""
    before, after = _line_around(text, start, end)
    if _SAID_ON.search(before[-60:]):
        return "said"
    if _OLD_PHOTO.search(before + after):
        return "stated"
    short = len(before) + len(after) + end - start <= CAPTION_CHARS
    closes = short and not after.strip(" .)\t") and before.rstrip().endswith(",")
    if closes or short and _PHOTO.search(before):
        return "caption"
    if day is not None and _weekday_beside(text, start, end, day):
        return "weekday"
    return "stated"


def _reads(text: str, language: str | None) -> list[DateRead]:
    if language == "es":
        return es_dates.read_dates(text, None, page=es_dates.page_years(text))
    return en_dates.read_dates(text, None)


def stated_days(text: str, language: str | None,
                reads: list[DateRead] | None = None) -> list[tuple[dt.date, str]]:
    """Every day the page names that its readers date with a year, not told as to come,
    each with where it was read (`_where_told`: stated, said, caption; "post" for an
    embedded post's sign-off). `reads`: the page's date reads, if already read."""
    out: list[tuple[dt.date, str]] = []
    reads = _reads(text, language) if reads is None else reads
    years = _month_years(reads)
    for r in reads:
        if r.is_period or r.low != r.high:
            continue
        day = iso_date(r.low) if r.low is not None else _in_page_year(text[r.start:r.end],
                                                                      years)
        if day is None or _FUTURE.search(_sentence_around(text, r.start, r.end)):
            continue
        out.append((day, _where_told(text, r.start, r.end, day) if r.low is not None
                    else "stated"))
    out += [(p.day, "post") for p in en_dates.post_days(text)]
    return out


def yearless_days(text: str, reads: list[DateRead]) -> list[tuple[int, int]]:
    """(month, day) of every day the page names without a year its readers could fix."""
    out = []
    for r in reads:
        if r.low is None:
            told = _LEAD.sub("", text[r.start:r.end].strip())
            md = month_day(told)
            if md is not None:
                out.append(md)
    return out


#: The word a day is read with ("on Feb. 9", "since Feb. 9"), not part of the day.
_LEAD = re.compile(r"^(?:on|since|from|until|by|before|after)\s+", re.IGNORECASE)


def _yearless_fit(day: dt.date, yearless: list[tuple[int, int]]) -> bool:
    """Whether each day told without its year can be a recent day up to a fortnight after
    `day` (the window's end): a page that names "Feb. 9" with no year beside an October
    caption is next year's, its caption a file photo."""
    for month, mday in yearless:
        ok = False
        for year in (day.year - 1, day.year, day.year + 1):
            try:
                d = dt.date(year, month, mday)
            except ValueError:
                continue
            if -YEARLESS_RECENT_DAYS <= (d - day).days <= 14:
                ok = True
        if not ok:
            return False
    return True


def _from_url(url: str | None, latest: dt.date | None) -> tuple[dt.date, str] | None:
    """The page's day from its URL where ingest could not read one: a day told in two
    orders (02-11-2025) settled by the page's latest day (`URL_READING_DAYS`), or the URL's
    month (the window's first day: the month's first, or a later day the page names in
    it). None where the page names a day after the URL's month (the URL is no date)."""
    if not url:
        return None
    # (imported here: a process that only extracts dated pages never imports the ingest
    # package, tests/test_extract_startup.py; its __init__ is lazy now, so the first import
    # costs little either way)
    from strikewatch.ingest.published import url_day_readings, url_month

    if latest is not None:
        fits = [d for d in url_day_readings(url)
                if 0 <= (d - latest).days <= URL_READING_DAYS]
        if len(fits) == 1:
            return fits[0], "url"
    ym = url_month(url)
    if ym is None:
        return None
    first = dt.date(ym[0], ym[1], 1)
    if latest is None or latest < first:
        return first, "url-month"
    if (latest.year, latest.month) == ym:
        return latest, "url-month"
    return None


def page_after(text: str, language: str | None, filed: dt.date | None = None,
               url: str | None = None, reads: list[DateRead] | None = None
               ) -> tuple[dt.date, str] | None:
    """(the latest day the page names, its source) for a page with no publication date;
    `filed` is a dateline's day the extractor read (source "dateline"), `url` the page's
    address (`_from_url`). None where the page names no day it fixes."""
    reads = _reads(text, language) if reads is None else reads
    found = stated_days(text, language, reads)
    if filed is not None:
        found.append((filed, "dateline"))
    # on one day, a sign-off's or a dateline's reading says more than the prose's
    best = max(found, key=lambda x: (x[0], x[1] != "stated")) if found else None
    if best is None or best[1] == "stated":
        from_url = _from_url(url, best[0] if best else None)
        best = from_url or best
    if best is not None and best[1] in ("said", "caption", "weekday", "url", "url-month") and \
            not _yearless_fit(best[0], yearless_days(text, reads)):
        return best[0], "stated"
    return best

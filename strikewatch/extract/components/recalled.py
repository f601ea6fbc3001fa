"""recalled: a strike recalled with a day and a toll or named place of its own is a report
of that strike, not background (the gold's session-17 ruling, tests/gold/README.md).

An article often recalls an earlier strike: "the Sept. 2 strike that killed 11", "a drone
attack in Kandahar on 9 October left five dead", "el 13 de febrero murieron tres personas
en otro bombardeo". Many earlier rules make such an act background (long before the page,
before the lede's day, told on an opinion or no-strike page, what a reaction came after).
The ledger the project is judged by counts it as one more report of that strike: it joins
the strike's incident, and where no other page tells the strike it is found only through
it. So, after every rule that sets background, a violent occurred act that is background
gets it back when one of its tellings dates it to a calendar day of its own (explicit, or a
weekday / "yesterday" resolved from the page's date; never the day it was told on or the
page's own day) and one tells a toll (dead or wounded) or names a place below a country or
a sea. Generic and undated recalls ("previous strikes", "a strike last year", "in
September"), campaign tallies and acts talked about stay as the rules left them, and so do
acts that may not have happened (told as what a post or claim says, or named as not
having happened).

Language-neutral: it reads only frame fields both pipelines fill.
"""

from __future__ import annotations

import datetime as dt
import re

from strikewatch.extract.components.article_frame import _denies_an_act
from strikewatch.extract.components.assemble import _AS_CLAIMED
from strikewatch.extract.components.status import victims_of_earlier
from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.date_forms import MONTH_ABBRS, MONTH_NAMES
from strikewatch.extract.described import told_as_going_on
from strikewatch.extract.pipeline import component
from strikewatch.records import NOT_VIOLENT_TYPES

#: Casualty counts that make a toll of the act's own.
_TOLL_KEYS = ("killed", "injured", "civilians_killed", "children_killed")
#: A day of its own spans at most this many days ("overnight" spans two).
_DAY_SPAN = 1
#: Place kinds below a country (the geoparser's or the places rules' kinds), and a sea.
_NAMED_PLACE_KINDS = {"populated place", "admin area", "other", "sea"}
_ES_MONTHS = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|" \
    "octubre|noviembre|diciembre"
#: A day of a month told without a year ("Sept. 2", "on the 2nd of September", "el 16 de
#: septiembre"): on a page with no date it is still a day of its own, just not placed in
#: a year (the gold leaves such a date unchecked).
_MONTH_DAY = re.compile(
    rf"\b(?:(?:{MONTH_NAMES}|{MONTH_ABBRS}|Sept)\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES}|{MONTH_ABBRS}|Sept)\b"
    rf"|\d{{1,2}}\s+de\s+(?:{_ES_MONTHS})\b)", re.IGNORECASE)


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def own_day(f: Frame, text: str, published: dt.date | None) -> bool:
    """The frame dates its act to a calendar day read in its own clause: not a month or a
    year, not only the day it was told on ("the U.S. said on Jan. 19"), not the page's day
    (a recall is never today's news); on a page with no date, a day of a month named with
    no year ("the Sept. 2 strike") counts too."""
    if f.date_told or not f.prov.get("date"):
        return False
    if f.date_low is None:
        return published is None and any(_MONTH_DAY.search(text, a, b)
                                         for a, b in f.prov["date"])
    if f.time_precision != 1:
        return False
    low, high = _day(f.date_low), _day(f.date_high)
    if low is None or high is None or (high - low).days > _DAY_SPAN:
        return False
    return published is None or high < published


def own_toll_or_place(f: Frame) -> bool:
    """The frame tells dead or wounded of the act ("killing 11", "left five dead") or names
    where it hit below a country: a town or province, or a sea for an act at sea, read in
    its own sentence (not a place the geoparser took from elsewhere on the page)."""
    if any((f.counts.get(k) or (None, None))[0] for k in _TOLL_KEYS):
        return True
    if f.seas:
        return True
    p = f.place
    own = [(a, b) for a, b in f.prov.get("place") or ()
           if f.sentence.start <= a and b <= f.sentence.end]
    return p is not None and p.kind in _NAMED_PLACE_KINDS and bool(p.name) and bool(own)


def _not_real(doc: Doc, g: Group) -> bool:
    """An act that is background because it may not have happened, not because it is
    history: told as what a post, video or claim says ("The minister's post says a drone
    hit a skiff on Tuesday, killing four"; assemble's `_debunked_claims`), or named as one
    that did not happen (article_frame's `_said_not_to_be`)."""
    h = g.head
    return bool(_AS_CLAIMED.search(h.sentence.text[:h.trigger.start - h.sentence.start])) \
        or any(_denies_an_act(doc, f) for f in g.frames)


def is_recalled_strike(g: Group, text: str, published: dt.date | None) -> bool:
    """A background violent occurred act that one of its tellings dates to a day of its own
    and one tells with a toll or named place (module doc)."""
    h = g.head
    if h.kind != "event" or h.status != "occurred" or not h.background or h.drop:
        return False
    if g.value("action") is not None or g.value("event_type") in NOT_VIOLENT_TYPES:
        return False
    # (an act told as going on, "keep striking across the south", has no day of its own:
    # a day its sentence names is another clause's, "a truce signed on November 27")
    told = [f for f in g.frames if f.status == "occurred" and not f.drop and
            not told_as_going_on(f.sentence.text, f.trigger.start - f.sentence.start)]
    # (an act told by its dead named as killed weeks back, "a burial for 22 killed earlier
    # this month in a drone strike", has no day of its own: its sentence's day is the
    # burial's, `victims_of_earlier`)
    told = [f for f in told if not victims_of_earlier(f)]
    return any(own_day(f, text, published) for f in told) and \
        any(own_toll_or_place(f) for f in told)


def _weekday_only(doc: Doc, g: Group) -> bool:
    """A group the genre step recalled on a no-strike page whose days are told only by a
    weekday or a relative word ("On Saturday forces carried out a raid" above a threat):
    the act the page answers, which the step left background on purpose; a calendar day
    ("the Sept. 2 strike") is a recalled report and comes back."""
    if not any((f.trigger.start, f.trigger.end) in doc.recast for f in g.frames):
        return False
    return not any(c.isdigit() for f in g.frames for a, b in f.prov.get("date", ())
                   for c in doc.text[a:b])


@component("recalled", requires=("doc.groups", "doc.recast", "frame.kind", "frame.status",
                                 "frame.background", "frame.counts", "frame.date_low",
                                 "frame.date_high", "frame.date_told", "frame.place"),
           assigns=("frame.background",))
def read_recalled(doc: Doc) -> None:
    """Give a strike recalled with its own day and toll or place back to the ledger: it is
    a report of that strike, not background (module doc)."""
    for g in doc.groups:
        if is_recalled_strike(g, doc.text, doc.published) and not _not_real(doc, g) and \
                not _weekday_only(doc, g):
            for f in g.frames:
                f.background = False

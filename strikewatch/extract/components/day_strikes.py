"""Component `day_strikes`: "three lethal kinetic strikes on four boats on Monday" is three
strikes, not one aggregate.

A report of a few strikes on boats carried out together ("two strikes on Sunday against two
boats", "hit two vessels in the eastern Pacific on Sunday, and six people died") tells that
many incidents, and a coder of the boat campaign records one per strike (strikes on land
told together — "two airstrikes on Tuesday on PKK sites" — stay one event of that place and
day, as ACLED codes them; "a strike hit two boats" is one act). `kind`
reads such a clause as a tally (it counts strikes); this component, after assembly, turns
an occurred tally of a handful of strikes that is not a campaign count — no period longer
than a day, no "since …", "so far", "campaign", "in total", and a day of its own ("on
Sunday" on a dated page, "overnight", a date) — into one incident group per strike, each
with its rank (`Group.series_rank`, `Mention.series_rank`: which of the day's strikes it
is, 1, 2, 3...). The day's figures belong to no single strike, so the incidents carry
none, except a toll told per craft ("three men on each boat", "Each vessel carried three
men") that adds up to the day's toll. A sentence that tells one of the strikes by its rank
("The second hit a boat with four", "In the first strike there were eight aboard") is that
strike's alone, with its own figures; where every strike's crew is told so and the crews
add up to the day's dead and survivors, each strike's toll is its crew (less the survivors
no sentence places on a craft: "eight aboard", one survivor of the day, is 7 to 8 dead).

An article that gives each strike its share ("four on each of the first two boats, both in
the Eastern Pacific, and three on the third, in the Caribbean"; shares.py) is split by the
shares, each strike with its own toll and sea (`split_shared_strikes`). Left as told:
strikes across two seas with no shares ("in the Eastern Pacific and the Caribbean": split
blindly each would carry one sea, the wrong one for some); and strikes of a day in
words on a page with no publication date and no toll per craft (each would be undated,
tollless and placeable by nothing).

The words are a `DayWords` value: `ENGLISH` here, the Spanish reader's in
es/day_strikes.py, so both readers split a day's strikes by the same steps.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from strikewatch.extract.components.shares import (
    ENGLISH_SHARES,
    Share,
    ShareWords,
    read_shares,
    shares_total,
)
from strikewatch.extract.context import DateRead, Doc, Frame, Group
from strikewatch.extract.counts import ORDINAL_VALUES, parse_number, ranks_up_to
from strikewatch.extract.dates import read_dates
from strikewatch.extract.pipeline import component
from strikewatch.extract.places import seas_named
from strikewatch.geo import PlaceMatch
from strikewatch.records import COUNT_FIELDS

#: the most strikes one report of a day's operation is split into
MOST_STRIKES = 6
#: how far from the strike word its day may be told (characters)
DAY_REACH = 100

# strikes on craft at sea, which a coder counts one by one (strikes on land sites told
# together — "two airstrikes on Tuesday on PKK sites" — are one event of that place and day)
_CRAFT = re.compile(r"\b(?:boats?|vessels?|craft|narco-?subs?|semi-submersibles?|skiffs?|"
                    r"speedboats?)\b", re.IGNORECASE)
# one act that hit several craft: "a strike hit two more boats"
_ONE_ACT = re.compile(r"(?:strike|attack|operation|engagement)$", re.IGNORECASE)

# a count over time, not one operation: "since September", "so far", "this year"
_CAMPAIGN = re.compile(r"\b(?:since|so far|to date|campaign|this (?:year|month|week)|in total|"
                       r"altogether|overall|tally|cumulative|all told|until now|up to now|"
                       r"in recent (?:weeks|months)|such|stands? at|the last time)\b",
                       re.IGNORECASE)
# the day the strikes were carried out, told in words: "on Sunday", "late Monday",
# "yesterday", "overnight", "the following day", "on Dec. 15", "27 October"
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_DAY = re.compile(rf"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
                  rf"today|overnight|tonight|(?:following|next) day|{_MONTH}\s+\d{{1,2}}\b|"
                  rf"\d{{1,2}}\s+{_MONTH})", re.IGNORECASE)
_NUMBER = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
# a toll told per craft: "with 3 men on each boat", "Each vessel carried three men",
# "three aboard each vessel"
_EACH = re.compile(
    rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?(?:on|aboard|in)\s+each\s+(?:boat|vessel|craft)\b|"
    rf"\beach\s+(?:boat|vessel|craft)\s+(?:carried|had|held|was carrying)\s+{_NUMBER}\b",
    re.IGNORECASE)


def _strikes(g: Group) -> int | None:
    """How many strikes the group's head frame counts, exactly, if a handful."""
    low, high = g.head.counts.get("strikes", (None, None))
    if low is None or low != high or not 2 <= low <= MOST_STRIKES:
        return None
    return low


def _day(g: Group) -> str | None:
    """The day the group's strikes were carried out: its head's date, else the first day a
    frame of it tells (an undated headline, "US strikes two boats: six dead", leads the
    lede that dates them, "Six died on Sunday in the strikes on two boats")."""
    if g.head.date_low is not None:
        return g.head.date_low
    return next((f.date_low for f in g.frames
                 if f.date_low is not None and f.time_precision == 1), None)


def _day_told(doc: Doc, f: Frame, w: DayWords) -> bool:
    """Whether frame `f` tells a day of its own: a date of a day, or a day in words near its
    trigger ("on Sunday" on a page with no date)."""
    near = doc.text[max(f.sentence.start, f.trigger.start - DAY_REACH):
                    min(f.sentence.end, f.trigger.end + DAY_REACH)]
    return (f.date_low is not None and f.time_precision == 1) or bool(w.day.search(near))


# a superlative that "so far" / "to date" closes ("the biggest single operation against drug
# boats so far", "la mayor operación hasta la fecha"): the operation ranked against the
# campaign, not a count over time
_SUPERLATIVE = re.compile(r"\b(?:biggest|largest|deadliest|bloodiest|heaviest|widest|"
                          r"most\s+\w+|mayor|más\s+\w+)\s+(?:single\s+|sola\s+)?"
                          r"[^.;:,]{0,60}$", re.IGNORECASE)
_SO_FAR = re.compile(r"so far|to date|hasta (?:ahora|la fecha|el momento)", re.IGNORECASE)


def counted_over_time(text: str, a: int, b: int, w: DayWords) -> bool:
    """Whether text[a:b] counts strikes over time (`w.campaign`): "so far" after a
    superlative ranks one operation against the rest, and counts nothing."""
    for m in w.campaign.finditer(text, a, b):
        if not (_SO_FAR.fullmatch(m.group()) and
                _SUPERLATIVE.search(text, max(a, m.start() - 90), m.start())):
            return True
    return False


def _one_operation(doc: Doc, g: Group, w: DayWords, each: bool) -> bool:
    """Whether the group tells strikes done together, not a campaign counted over time."""
    h = g.head
    if h.kind != "tally" or h.status != "occurred" or h.background:
        return False
    if any(f.since_read is not None for f in g.frames):
        return False
    if h.period_low is not None and (h.period_low != h.period_high or h.time_precision != 1):
        return False
    sentence = doc.text[h.sentence.start:h.sentence.end]
    if counted_over_time(doc.text, h.sentence.start, h.sentence.end, w) or \
            not w.craft.search(sentence) or \
            w.one_act.search(h.trigger.text):
        return False
    if len(w.seas(doc.text, h.sentence.start, h.sentence.end)) > 1:
        return False  # "in the Eastern Pacific and the Caribbean": see split_day_strikes
    # a day of its own: strikes with no day ("29 people have died in the six strikes") are
    # counted over some time, not told as one operation; a toll told per craft ("three men
    # on each boat", `each`) is one operation's too, day or none
    # (any occurred frame of the group may tell the day: the headline leads its lede)
    if each:
        return True
    return any(_day_told(doc, f, w) for f in g.frames
               if f is h or (f.status == "occurred" and not f.background and
                             f.since_read is None))


def _each_toll(doc: Doc, g: Group, n: int,
               w: DayWords) -> tuple[int, tuple[int, int]] | None:
    """The toll of each strike where the article tells it per craft and it adds up to the
    day's toll (or the day's toll is not told), with its span."""
    total = next((f.counts["killed"] for f in g.frames if f.counts.get("killed")), None)
    lo = min(f.sentence.start for f in g.frames)
    hi = max(f.sentence.end for f in g.frames)
    # the sentence after the group's last may tell it ("Each vessel carried three men")
    nxt = next((s for s in doc.sentences if s.start >= hi), None)
    end = nxt.end if nxt is not None else hi
    for m in w.each.finditer(doc.text, lo, end):
        each = w.number(next(x for x in m.groups() if x))
        if each is None:
            continue
        if total is None or total[0] is None or total[0] == each * n:
            return each, m.span()
    return None


def _strike_frame(f: Frame, killed: tuple[int, tuple[int, int]] | None,
                  undated: bool = False) -> Frame:
    """A copy of `f` telling one of the strikes: an incident, with none of the day's figures
    (nor its date, when `undated`: the strikes' own clause tells their day)."""
    drop = {*COUNT_FIELDS, "period", *(("date",) if undated else ())}
    prov = {k: list(v) for k, v in f.prov.items() if k not in drop}
    copy = replace(f, kind="event", counts={}, more=set(), approx=[], prov=prov,
                   period_low=None, period_high=None, total=None)
    if undated:
        copy.date_low = copy.date_high = copy.time_precision = None
    if killed is not None:
        each, (a, b) = killed
        copy.counts = {"killed": (each, each)}
        copy.cite("killed", a, b)
    return copy


# the craft an aggregate telling of the operation counts: "struck two boats", "Three boats
# were blown up" (kind._one_operation made it one event)
_CRAFT_COUNT = re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}?(?:boats|vessels|craft|"
                          rf"skiffs|speedboats|semi-submersibles)\b", re.IGNORECASE)


def _days_apart(a: str | None, b: str | None) -> int:
    if a is None or b is None:
        return 0
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _day_total(g: Group, n: int, killed: tuple[int, tuple[int, int]] | None) -> int | None:
    """The day's toll the split group told, or that its per-craft toll adds up to."""
    told = next((f.counts["killed"] for f in g.frames if f.counts.get("killed")), None)
    if told is not None and told[0] is not None and told[0] == told[1]:
        return told[0]
    return killed[0] * n if killed is not None else None


# one craft struck, told with its own verb ("a navy drone struck a fishing boat, killing
# six"): one strike, not the day's operation told again, even with the day's toll
_ONE_CRAFT = re.compile(r"\b(?:struck|hit|targeted|destroyed|attacked|sank)\s+an?\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:boat|vessel|craft|ship|semi-submersible|"
                        r"narco-sub|submarine)\b", re.IGNORECASE)


def _aggregate(doc: Doc, g: Group, day: str | None, total: int | None, w: DayWords) -> bool:
    """Whether `g` tells the whole operation the split strikes are ("Six people were killed
    when the US struck two boats" beside "two lethal kinetic strikes hit two vessels"; "all
    six were killed" after "three men on each boat"): an occurred event of that day or the
    next (a statement's day) or undated, on a counted few craft or with the day's very
    toll. Its words join each strike; its sum toll, which no strike had, does not."""
    h = g.head
    if h.kind not in ("event", "tally") or h.status != "occurred" or h.background or \
            g.series_rank is not None or _days_apart(h.date_low, day) > 1:
        return False
    if h.kind == "tally" and not _uncounted_plural(doc, g, w):
        return False
    if total is not None and any(f.counts.get("killed") == (total, total) for f in g.frames) \
            and not w.one_craft.search(doc.text, h.sentence.start, h.sentence.end):
        return True
    # the count may stand in any sentence of the group (a headline with no figure leads
    # "… died on Sunday in the strikes on two boats")
    for f in g.frames:
        m = w.craft_count.search(doc.text, f.sentence.start, f.sentence.end)
        if m is not None and (w.number(m.group(1)) or 0) >= 2:
            return True
    return False


def _uncounted_plural(doc: Doc, g: Group, w: DayWords) -> bool:
    """A toll over strikes that counts none of them and no time ("six died in the strikes
    on two boats on Sunday", which a reader may take for a tally): beside the day's split
    strikes it is those strikes told together, not a campaign's count."""
    h = g.head
    return "strikes" not in h.counts and h.period_low is None and \
        all(f.since_read is None for f in g.frames) and \
        not counted_over_time(doc.text, h.sentence.start, h.sentence.end, w)


# a strike told by its rank in the day's series: "the first strike hit ...", "the second
# hit a boat with four", "the third boat"; not "the first two boats" (two strikes), "the
# first time", "since the first strike" (the campaign's) or "the first of ..."
_RANKS = ranks_up_to(ORDINAL_VALUES, 6)
_RANKED = re.compile(
    r"(?<!since )(?<!after )(?<!before )\bthe\s+(" + "|".join(_RANKS) + r")\b"
    r"(?!\s+(?:\d+|two|three|four|five|six|time|times|day|week|month|year|of)\b)"
    r"(?=\s+(?:[\w-]+\s+){0,2}?(?:strikes?|attacks?|boats?|vessels?|engagements?|craft|"
    r"one)\b|\s+(?:hit|struck|killed|destroyed|targeted|there|was|had|carried)\b|,)",
    re.IGNORECASE)


@dataclass(frozen=True)
class DayWords:
    """The words `day_strikes` reads, one value per language."""

    #: craft at sea, which a coder counts one by one
    craft: re.Pattern[str]
    #: the trigger of one act that hit several craft ("a strike hit two more boats")
    one_act: re.Pattern[str]
    #: a count over time, not one operation
    campaign: re.Pattern[str]
    #: the day the strikes were carried out, told in words
    day: re.Pattern[str]
    #: a toll told per craft; its first group that matched is the figure
    each: re.Pattern[str]
    #: a counted few craft ("struck two boats"); group 1 is the figure
    craft_count: re.Pattern[str]
    #: one craft struck, told with its own verb
    one_craft: re.Pattern[str]
    #: a strike told by its rank; group 1 is the ordinal, a key of `ranks`
    ranked: re.Pattern[str]
    ranks: dict[str, int]
    #: a figure in words or digits -> its value
    number: Callable[[str], int | None]
    #: the open waters text[a:b] names
    seas: Callable[[str, int, int], frozenset[str]]
    #: whether a frame is an item of a list of strikes told one by one
    list_item: Callable[[Doc, Frame], bool]
    #: craft counted again with a definite article ("on the four boats"); group 1 the figure
    craft_again: re.Pattern[str] | None = None
    #: every date expression of a text (read_dates' signature: text, published, offset)
    read_days: Callable[[str, dt.date | None, int], list[DateRead]] = read_dates
    #: what may stand between two days of one list ("May 31 and on June 1", "el 3 y el 5")
    day_joiner: re.Pattern[str] = re.compile(r"\s*(?:,\s*)?(?:and|as\s+well\s+as|then)?\s*"
                                             r"(?:on\s+|the\s+)?", re.IGNORECASE)
    #: a death verb followed by one figure per strike ("killed six and three")
    tolls_listed: re.Pattern[str] | None = None
    #: the words of each strike's share of an operation ("four on each of the first two")
    shares: ShareWords = ENGLISH_SHARES


def _english_list_item(doc: Doc, f: Frame) -> bool:
    return f.list_item


_CRAFT_AGAIN = re.compile(rf"\b(?:the|those|these)\s+{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}?"
                          r"(?:boats|vessels|craft|skiffs|speedboats|semi-submersibles)\b",
                          re.IGNORECASE)

# one death verb, then one figure per strike: "killed six and three", "killing 4, 2 and 1"
_TOLLS_LISTED = re.compile(rf"\b(?:killed|killing|left)\s+(?P<figures>{_NUMBER}(?:\s*,\s*"
                           rf"{_NUMBER})*\s*,?\s+and\s+{_NUMBER})\b(?!\s+(?:others|more)\b)",
                           re.IGNORECASE)

ENGLISH = DayWords(craft=_CRAFT, one_act=_ONE_ACT, campaign=_CAMPAIGN, day=_DAY, each=_EACH,
                   craft_count=_CRAFT_COUNT, one_craft=_ONE_CRAFT, ranked=_RANKED,
                   ranks=_RANKS, number=parse_number, seas=seas_named,
                   list_item=_english_list_item, craft_again=_CRAFT_AGAIN,
                   tolls_listed=_TOLLS_LISTED)

#: how many sentences before the strikes' own the craft they name again may be counted
AGAIN_REACH = 2


def _dated_before(doc: Doc, g: Group, w: DayWords) -> bool:
    """Whether the strikes name again craft a dated sentence just before counted ("Four
    boats were hit on Monday ... The military carried out three strikes on the four
    boats"): the strikes are that day's operation, whose day the earlier sentence tells."""
    h = g.head
    m = w.craft_again.search(doc.text, h.sentence.start, h.sentence.end) \
        if w.craft_again is not None else None
    if m is None:
        return False
    n = w.number(m.group(1))
    i = h.sentence.index
    for f in doc.frames:
        if not (i - AGAIN_REACH <= f.sentence.index < i) or f.status != "occurred" or \
                f.background or f.date_low is None or f.time_precision != 1:
            continue
        told = w.craft_count.search(doc.text, f.sentence.start, f.sentence.end)
        if told is not None and w.number(told.group(1)) == n:
            return True
    return False


def strike_rank(text: str, start: int, end: int, w: DayWords | None = None) -> int | None:
    """Which strike of a day's series text[start:end] tells, where it names exactly one by
    its rank ("The second hit a boat with four" -> 2); None where it names none, or several
    (a toll told by rank, "four on the first boat, three on the second", is the series)."""
    w = w or ENGLISH
    found = {w.ranks[m.group(1).lower()] for m in w.ranked.finditer(text, start, end)}
    return found.pop() if len(found) == 1 else None


def _rank_of(doc: Doc, f: Frame, n: int, w: DayWords) -> int | None:
    """The rank of one of the `n` strikes that frame `f`'s sentence tells alone, if any, or
    that the clause of its trigger tells in a sentence going through several ("The first
    strike killed eight, the second four": each clause is its strike's)."""
    k = strike_rank(doc.text, f.sentence.start, f.sentence.end, w)
    if k is None:
        k = next((r for r, (a, b) in _rank_clauses(doc.text, f.sentence.start,
                                                   f.sentence.end, w)
                  if a <= f.trigger.start < b), None)
    return k if k is not None and k <= n else None


def _deal(doc: Doc, strikes: list[Group], frames: list[Frame],
          killed: tuple[int, tuple[int, int]] | None, w: DayWords,
          undated: bool = False) -> None:
    """Give each strike the frames of the operation: a sentence that tells one strike by its
    rank ("In the first strike there were eight aboard") goes to that strike alone, with its
    own figures; every other sentence, which tells the day, to each strike without the day's
    figures (`_strike_frame`)."""
    for f in frames:
        k = _rank_of(doc, f, len(strikes), w)
        if k is not None:
            strikes[k - 1].frames.append(f)
            continue
        for inc in strikes:
            inc.frames.append(_strike_frame(f, killed, undated))


def _current_event(g: Group, day: str | None) -> bool:
    """An occurred, current event group of the split strikes' day (or of none told)."""
    h = g.head
    return h.kind == "event" and h.status == "occurred" and not h.background and \
        g.series_rank is None and _days_apart(h.date_low, day) <= 1


def _elaboration(g: Group, strike: Group) -> bool:
    """Whether `g` only says more about the split operation ("the strikes happened in
    international waters", "a boat crossing open water is struck"): no day, toll, country
    or sea of its own beyond the strikes'. Its words are every strike's; kept apart it would
    be one more undated incident that no report of the day could be told from."""
    told = {sea for f in strike.frames for sea in f.seas}
    return all(f.date_low is None and not f.counts.get("killed") and f.seas <= told and
               (f.place is None or f.place.country is None) for f in g.frames)


# how many were aboard the craft of one strike told by its rank: "In the first strike there
# were eight male narco-terrorists on the boats", "Four men were on the boat in the second
# strike", "In the third there were three"
_ABOARD = re.compile(
    rf"\bthere\s+were\s+{_NUMBER}\b|"
    rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?(?:were|was)\s+(?:aboard|on\s+board|onboard|"
    rf"(?:on|in)\s+the\s+(?:boats?|vessels?|craft))\b|"
    # "The second hit a boat with four", "boats with eight men aboard"
    rf"\b(?:boats?|vessels?|craft)\s+with\s+{_NUMBER}\b"
    rf"(?!\s+(?:boats?|vessels?|craft|engines?|motors?|missiles?|rockets?|bombs?|drones?|"
    rf"tons?|kilos?|packages?|bales?)\b)", re.IGNORECASE)
#: how many sentences after the operation's first a strike's own may come
ABOARD_REACH = 12


def _aboard(doc: Doc, first: int, strikes: int) -> dict[int, tuple[int, tuple[int, int]]]:
    """For each of the day's `strikes` by rank, how many were aboard its craft, told in a
    sentence of its own by rank ("In the second there were four") from sentence `first`
    on, with the words' span; none where a rank is told twice differently."""
    out: dict[int, tuple[int, tuple[int, int]]] = {}
    for sent in doc.sentences[first:first + ABOARD_REACH]:
        k = strike_rank(doc.text, sent.start, sent.end)
        if k is None or k > strikes:
            continue
        m = _ABOARD.search(doc.text, sent.start, sent.end)
        n = parse_number(next(x for x in m.groups() if x)) if m is not None else None
        if m is None or n is None:
            continue
        if k in out and out[k][0] != n:
            return {}
        out[k] = (n, m.span())
    return out


def _rank_clauses(text: str, start: int, end: int,
                  w: DayWords) -> list[tuple[int, tuple[int, int]]]:
    """Each strike rank text[start:end] tells, with its clause: from the rank to the next
    rank or the sentence's end ("The second killed four, and the third two")."""
    found = list(w.ranked.finditer(text, start, end))
    return [(w.ranks[m.group(1).lower()],
             (m.start(), found[i + 1].start() if i + 1 < len(found) else end))
            for i, m in enumerate(found)]


def _listed_one_by_one(doc: Doc, g: Group, n: int, w: DayWords) -> bool:
    """Whether the article goes through the group's `n` strikes one by one: every rank from
    the first to the `n`th told alone in a sentence of its own near the telling ("The first
    strike killed eight", "the second, four", "En el primer ataque murieron tres"), with
    tolls that, where each is told, add up to the day's toll. Such a list places each
    strike by its own words, so even an undated page's operation is that many strikes."""
    start = g.head.sentence.index
    ranked: dict[int, int | None] = {}
    for sent in doc.sentences[start:start + ABOARD_REACH]:
        for k, (a, b) in _rank_clauses(doc.text, sent.start, sent.end, w):
            if k > n:
                continue
            # the toll of the rank's clause ("the second killed four, and the third two")
            tolls = {f.counts["killed"] for f in doc.frames if a <= f.trigger.start < b
                     and f.counts.get("killed") and "strikes" not in f.counts}
            toll = next(iter(tolls))[0] if len(tolls) == 1 else None
            if k in ranked and None not in (toll, ranked[k]) and ranked[k] != toll:
                return False
            ranked[k] = toll if toll is not None else ranked.get(k)
    if set(ranked) != set(range(1, n + 1)):
        return False
    told = [t for t in ranked.values() if t is not None]
    total = _day_total(g, n, None)
    if total is None or not told:
        return True
    return sum(told) == total if len(told) == n else sum(told) < total


def _survivors(doc: Doc, day: str | None) -> int | None:
    """The survivors the article tells of the day's operation: one figure, else None."""
    told = {f.counts["survivors"] for f in doc.frames
            if f.counts.get("survivors") and f.status == "occurred" and not f.background
            and _days_apart(f.date_low, day) <= 1}
    if len(told) != 1:
        return None
    (low, high), = told
    return low if low is not None and low == high else None


def _tolls_from_aboard(doc: Doc, strikes: list[Group], total: int | None) -> None:
    """Each strike's toll from how many its craft carried, where the article tells that per
    strike and the counts add up to the day's dead and survivors ("14 were killed and one
    survived" over eight, four and three aboard): with no survivor, as many dead as aboard;
    with survivors not placed on a craft, each strike killed its crew less up to that many
    (7 to 8, 3 to 4, 2 to 3), the range a coder writes."""
    first = min(f.sentence.index for g in strikes for f in g.frames)
    aboard = _aboard(doc, first, len(strikes))
    if total is None or len(aboard) != len(strikes):
        return
    alive = _survivors(doc, _day(strikes[0])) or 0
    if sum(n for n, _ in aboard.values()) != total + alive:
        return
    for k, g in enumerate(strikes, start=1):
        n, (a, b) = aboard[k]
        frame = next((f for f in g.frames if f.sentence.start <= a < f.sentence.end), None)
        if frame is None:  # the rank's sentence tells no event word: its words join the
            frame = _strike_frame(g.head, None)  # strike as a copy that cites them
            frame.prov = {}
            g.frames.append(frame)
        frame.counts = {**frame.counts, "killed": (max(0, n - alive), n)}
        frame.cite("killed", a, b)


# Strikes told together with a day each ("the two strikes were carried out on May 31 and
# on June 1", "strikes on Tuesday and Thursday killed six and three", "los dos ataques del
# 3 y el 5 de marzo"): one act per day listed, whether at sea or on land, where the clause
# counts as many strikes as it lists days (or counts none and tells them by a plural act
# word); a period ("between May 31 and June 3") or a count over time is no such list.
_PERIOD_BEFORE = re.compile(r"\b(?:between|from|since|through|entre|desde)\s*$",
                            re.IGNORECASE)
# a day told in words even where the page's date cannot resolve it ("February 6", "Tuesday")
_DAY_WORD = re.compile(r"\d|day\b|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo",
                       re.IGNORECASE)
# the act word of strikes told together: a plural ("strikes", "airstrikes", "ataques")
_PLURAL_ACT = re.compile(r"(?:strikes|attacks|raids|bombings|ataques|bombardeos|operaciones)$",
                         re.IGNORECASE)
#: the most characters between the plural act word and the first day of its list
LISTED_DAYS_REACH = 80
# a weekday closing a day read, and a comma alone before a calendar day: "late on Friday,
# October 17" tells one day by its weekday and its date, no list
_WEEKDAY_END = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\W*$", re.IGNORECASE)
_COMMA_ONLY = re.compile(r"\s*,\s*")


def _listed_days(doc: Doc, f: Frame, w: DayWords) -> list[DateRead]:
    """The days frame `f`'s sentence lists one after another after its act word ("on May 31
    and on June 1", "on February 6 and February 8"): the first run of two or more days
    joined only by "and" or commas (a month, a period or other words end a run)."""
    a, b = f.trigger.end, f.sentence.end
    run: list[DateRead] = []
    for r in w.read_days(doc.text[a:b], doc.published, a):
        day = r.precision == 1 or (r.low is None and _DAY_WORD.search(doc.text, r.start, r.end)
                                   is not None)
        if not day or r.is_period:
            if len(run) >= 2:
                break
            run = []
            continue
        if run and _WEEKDAY_END.search(doc.text[run[-1].start:run[-1].end]) and \
                _COMMA_ONLY.fullmatch(doc.text, run[-1].end, r.start) and \
                re.search(r"\d", doc.text[r.start:r.end]):
            run[-1] = r  # the weekday of the date told after it: one day
        elif run and w.day_joiner.fullmatch(doc.text, run[-1].end, r.start):
            run.append(r)
        elif len(run) >= 2:
            break
        else:
            run = [r] if r.start - a <= LISTED_DAYS_REACH else []
    return run if len(run) >= 2 else []


def _distinct(days: list[DateRead], text: str) -> bool:
    """Whether the listed days are that many different days."""
    keys = [r.low if r.low is not None else text[r.start:r.end].lower().removeprefix("on ")
            for r in days]
    return len(set(keys)) == len(keys)


def _days_of_strikes(doc: Doc, g: Group, w: DayWords) -> tuple[Frame, list[DateRead]] | None:
    """The frame of occurred group `g` that lists a day for each strike the group counts,
    and those days."""
    h = g.head
    if h.status != "occurred" or h.background or g.series_rank is not None:
        return None
    counted = {f.counts["strikes"] for f in g.frames if f.counts.get("strikes")}
    n = None
    if counted:
        if len(counted) != 1:
            return None
        low, high = next(iter(counted))
        if low is None or low != high:
            return None
        n = low
    for f in g.frames:
        if f.status != "occurred" or f.background or f.since_read is not None or \
                not _PLURAL_ACT.search(f.trigger.text):
            continue
        days = _listed_days(doc, f, w)
        if not days or len(days) > MOST_STRIKES or (n is not None and len(days) != n) or \
                not _distinct(days, doc.text):
            continue
        if _PERIOD_BEFORE.search(doc.text, max(f.sentence.start, days[0].start - 12),
                                 days[0].start) or \
                counted_over_time(doc.text, f.sentence.start, f.sentence.end, w):
            continue
        return f, days
    return None


def _listed_tolls(doc: Doc, f: Frame, n: int,
                  w: DayWords) -> list[tuple[int, tuple[int, int]]] | None:
    """One toll per strike, in the order of the days, where the sentence lists them after
    one death verb ("killed six and three")."""
    if w.tolls_listed is None:
        return None
    m = w.tolls_listed.search(doc.text, f.trigger.end, f.sentence.end)
    if m is None:
        return None
    figures = [(x, x.span()) for x in re.finditer(r"\w+", m.group("figures"))]
    out = []
    for x, (a, b) in figures:
        v = w.number(x.group(0))
        if v is not None:
            off = m.start("figures")
            out.append((v, (off + a, off + b)))
    return out if len(out) == n else None


def _dated_split(doc: Doc, g: Group, w: DayWords) -> list[Group] | None:
    """Strikes told together with a day each, one incident group per day: each takes the
    words of the telling without its sum figures, its own day (cited) and, where the
    sentence lists one, its own toll."""
    found = _days_of_strikes(doc, g, w)
    if found is None:
        return None
    told, days = found
    tolls = _listed_tolls(doc, told, len(days), w)
    out = []
    for k, day in enumerate(days):
        own = _strike_frame(told, tolls[k] if tolls else None, undated=True)
        if day.low is not None:
            own.date_low, own.date_high, own.time_precision = day.low, day.high, 1
            own.cite("date", day.start, day.end)
        rest = [_strike_frame(f, None, undated=True) for f in g.frames if f is not told]
        out.append(Group(frames=[own, *rest], quotes=list(g.quotes)))
    return out


# Strikes counted together with a place each ("two separate air strikes hit hideouts in
# Khost and Kunar provinces", "dos ataques ... en el Caribe y el Pacífico"): as many strikes
# as places listed is one strike per place, as a coder codes one event per location (three
# strikes over two seas, or a plural with no count, stay as told: which was where is not
# said).
_PLACE_JOINER = re.compile(r"\s*(?:,\s*)?(?:(?:and|y|e)\s+)?(?:(?:in|on|near|en|the|el|la)\s+)*",
                           re.IGNORECASE)
#: the most characters between the strikes' act word and the first place of their list
LISTED_PLACES_REACH = 80


def _listed_places(doc: Doc, f: Frame, n: int) -> list[PlaceMatch]:
    """The `n` places frame `f`'s sentence lists one after another after its act word
    ("in Khost and Kunar", "en el Caribe y el Pacífico"), or none."""
    from strikewatch.geo.protocol import geoparser  # the seam, chosen at run time

    a, b = f.trigger.end, f.sentence.end
    try:
        found = geoparser().places_in(doc.text, a, b, context_countries=doc.countries)
    except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the strikes
        return []
    run: list[PlaceMatch] = []
    for pm in found:
        if run and _PLACE_JOINER.fullmatch(doc.text, run[-1].end, pm.start):
            run.append(pm)
        elif len(run) >= 2:
            break
        else:
            run = [pm] if pm.start - a <= LISTED_PLACES_REACH else []
    names = {pm.place.name for pm in run}
    return run if len(run) == n and len(names) == n else []


def _places_of_strikes(doc: Doc, g: Group, w: DayWords) -> tuple[Frame, list[PlaceMatch]] | None:
    """The frame of occurred group `g` that counts a handful of strikes and lists a place
    for each, and those places."""
    h = g.head
    if h.status != "occurred" or h.background or g.series_rank is not None:
        return None
    for f in g.frames:
        low, high = f.counts.get("strikes", (None, None))
        if low is None or low != high or not 2 <= low <= MOST_STRIKES or \
                f.status != "occurred" or f.background or f.since_read is not None or \
                not _PLURAL_ACT.search(f.trigger.text) or \
                counted_over_time(doc.text, f.sentence.start, f.sentence.end, w):
            continue
        places = _listed_places(doc, f, low)
        if places:
            return f, places
    return None


def _placed_split(doc: Doc, g: Group, w: DayWords) -> list[Group] | None:
    """Strikes counted with a place each, one incident group per place: each takes the
    words of the telling without its sum figures, and its own place (cited)."""
    found = _places_of_strikes(doc, g, w)
    if found is None:
        return None
    told, places = found
    out = []
    for pm in places:
        own = _strike_frame(told, None)
        rest = [_strike_frame(f, None) for f in g.frames if f is not told]
        _place_at(pm, [own, *rest])
        own.cite("place", pm.start, pm.end)
        out.append(Group(frames=[own, *rest], quotes=list(g.quotes)))
    return out


def _place_at(pm: PlaceMatch | None, frames: list[Frame]) -> None:
    """Give the frames of one split strike its own place (a sea, or a place on land), or
    none where its share names none."""
    sea = pm.place.name if pm is not None and pm.place.kind == "sea" else None
    for f in frames:
        f.place = pm.place if pm is not None else None
        f.prov.pop("place", None)
        f.seas = frozenset({sea}) if sea else frozenset()


def split_listed_strikes(doc: Doc, w: DayWords) -> None:
    """Strikes told together with a day each (`_dated_split`), else with a place each
    (`_placed_split`), become one incident group per day or place."""
    out: list[Group] = []
    for g in doc.groups:
        split = _dated_split(doc, g, w)
        if split is None:
            split = _placed_split(doc, g, w)
        out += split if split is not None else [g]
    doc.groups = out


# An operation told with each strike's share ("four died aboard each of the first two boats,
# both in the Eastern Pacific, and three aboard the third, in the Caribbean"; shares.py):
# one incident per strike with its own toll and sea, where the shares cover as many strikes
# as the operation counts and add up to its told toll. The day's words join each strike.
#: how many sentences before the shares the operation they divide may be told
SHARES_REACH = 30


def _operation_counts(doc: Doc, g: Group, n: int, w: DayWords) -> bool:
    """Whether group `g` counts the operation's `n` strikes or craft."""
    for f in g.frames:
        if f.counts.get("strikes") == (n, n):
            return True
        for m in w.craft_count.finditer(doc.text, f.sentence.start, f.sentence.end):
            if w.number(m.group(1)) == n:
                return True
    return False


def _of_operation(doc: Doc, g: Group, at: int, n: int, total: int | None,
                  w: DayWords, day: str | None) -> bool:
    """Whether `g` tells the operation whose shares sentence `at` tells: a current occurred
    group near it, of its `day` or undated, not counted over time, that holds the shares,
    counts the strikes or craft, or tells the very toll they add up to."""
    h = g.head
    if h.status != "occurred" or h.background or g.series_rank is not None or \
            h.kind not in ("event", "tally") or _days_apart(h.date_low, day) > 1 or \
            any(f.since_read is not None for f in g.frames) or \
            not at - SHARES_REACH <= h.sentence.index <= at + 3:
        return False
    if any(f.sentence.index == at for f in g.frames):
        return True
    if total is not None and any(f.counts.get("killed") == (total, total) for f in g.frames):
        return True  # the shares' very sum, "in total" or not
    if counted_over_time(doc.text, h.sentence.start, h.sentence.end, w):
        return False
    return _operation_counts(doc, g, n, w)


def _told_total(ops: list[Group]) -> int | None:
    """The one exact toll the operation's groups tell, if any."""
    told = {f.counts["killed"] for g in ops for f in g.frames
            if f.counts.get("killed") and f.counts["killed"][0] == f.counts["killed"][1]}
    return next(iter(told))[0] if len(told) == 1 else None


def _doc_shares(doc: Doc, w: DayWords) -> list[tuple[int, list[Share], int | None]]:
    """Each sentence of an occurred, current frame that tells an operation's shares."""
    out = []
    seen = set()
    for f in doc.frames:
        s = f.sentence
        if s.index in seen or f.status != "occurred" or f.background:
            continue
        seen.add(s.index)
        if len(w.shares.figure.findall(doc.text, s.start, s.end)) < 2:
            continue  # two shares need two figures: most sentences end here, unparsed
        hinted = w.shares.sea_hint.search(doc.text, s.start, s.end) is not None
        seas = _seas_of(doc, s.start, s.end) if hinted else _no_seas
        shares, total = read_shares(doc.text, s.start, s.end, seas, w.shares)
        if shares:
            out.append((s.index, shares, total))
    return out


def _no_seas(a: int, b: int) -> list[PlaceMatch]:
    return []


def _seas_of(doc: Doc, start: int, end: int) -> Callable[[int, int], list[PlaceMatch]]:
    """The named seas of a clause of text[start:end], with their words: the sentence is
    geoparsed once, on the first clause that asks."""
    found: list[PlaceMatch] | None = None

    def seas(a: int, b: int) -> list[PlaceMatch]:
        nonlocal found
        if found is None:
            found = _named_seas(doc, start, end)
        return [pm for pm in found if a <= pm.start < b]
    return seas


def _named_seas(doc: Doc, a: int, b: int) -> list[PlaceMatch]:
    """The named seas text[a:b] holds (open water is none), with their words."""
    from strikewatch.geo.protocol import geoparser  # the seam, chosen at run time
    from strikewatch.geo.reading import is_open_water

    try:
        return [pm for pm in geoparser().places_in(doc.text, a, b)
                if pm.place.kind == "sea" and not is_open_water(pm.place)]
    except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the strikes
        return []


def _own_words(f: Frame, share: Share) -> dict[str, list[tuple[int, int]]]:
    """The citations of a share's frame: in the shares' sentence only its own clause's
    words (another share's figure or sea is not this strike's), and no place but its own."""
    s = f.sentence
    out = {}
    for k, spans in f.prov.items():
        if k == "place":
            continue
        kept = [(a, b) for a, b in spans
                if not s.start <= a < s.end or share.span[0] <= a < share.span[1]]
        if kept:
            out[k] = kept
    return out


def _of_one_day(day: str | None, frames: list[Frame], shares_at: int) -> list[Frame]:
    """The operation's frames of the shares' own day: the shares' sentence's, or where it
    tells none the day told nearest before it ("the Dec. 30 strikes ... a further round, on
    New Year's Eve, hit two more boats. Five died: three on the first, two on the
    second"): a frame of another exact day tells the operation before it, not this one."""
    def exact(f: Frame) -> bool:
        return f.date_low is not None and f.time_precision == 1

    if day is None:
        before = [f for f in frames if exact(f) and f.start < shares_at]
        day = max(before, key=lambda f: f.start).date_low if before else None
    if day is None:
        return frames
    return [f for f in frames if not exact(f) or f.date_low == day]


def split_shared_strikes(doc: Doc, w: DayWords) -> bool:
    """An operation told with each strike's share becomes one incident group per strike,
    ranked, with its share's toll and sea; the operation's other words join every strike
    without its sum figures. Where several sentences tell the shares, the one that places
    most strikes leads. Whether it split one (the rest of `split_strikes` then has
    nothing left to split: the sum kept as a tally is that operation)."""
    found = _doc_shares(doc, w)
    if not found:
        return False
    at, shares, told = max(found, key=lambda x: sum(s.strikes for s in x[1]
                                                      if s.sea is not None))
    n = sum(s.strikes for s in shares)
    if not 2 <= n <= MOST_STRIKES:
        return False
    total = shares_total(shares) or told
    day = next((f.date_low for f in doc.frames if f.sentence.index == at and
                f.date_low is not None and f.time_precision == 1), None)
    ops = [g for g in doc.groups if _of_operation(doc, g, at, n, total, w, day)]
    if not any(_operation_counts(doc, g, n, w) for g in ops) and told is None:
        return False
    said = _told_total([Group(frames=[f for f in g.frames if f.sentence.index != at])
                        for g in ops])
    if said is not None and total is not None and said != total:
        return False
    ops_frames = sorted((f for g in ops for f in g.frames), key=lambda f: f.start)
    if not ops_frames:
        return False
    listed = [f for f in ops_frames if f.sentence.index == at]
    others = _of_one_day(day, [f for f in ops_frames if f.sentence.index != at],
                         listed[0].start if listed else ops_frames[-1].end)
    source = listed[0] if listed else ops_frames[0]
    placed = any(s.sea is not None for s in shares)
    strikes: list[Group] = []
    for share in shares:
        mine = next((f for f in listed if share.span[0] <= f.trigger.start < share.span[1]),
                    source)
        for _ in range(share.strikes):
            frames = [_strike_frame(f, None) for f in others]
            own = _strike_frame(mine, None)
            own.prov = _own_words(own, share)
            if share.toll is not None and share.figure is not None:
                own.counts = {"killed": (share.toll, share.toll)}
                own.cite("killed", *share.figure)
            elif share.joint is not None and share.figure is not None:
                # "eight on the two boats": each held some of them, how many is not told
                own.counts = {"killed": (None, share.joint)}
            frames.append(own)
            if placed:
                _place_at(share.sea, frames)
                if share.sea is not None:
                    own.cite("place", share.sea.start, share.sea.end)
            elif mine.place is not None:
                # the shares' own sentence places them, over a caption's or a lede's place
                for f in frames:
                    f.place, f.seas = mine.place, mine.seas
            frames.sort(key=lambda f: f.start)
            strikes.append(Group(frames=frames, quotes=[q for g in ops for q in g.quotes],
                                 series_rank=len(strikes) + 1, series_size=n,
                                 series_killed=total))
    # the day's sum, already read as a tally over the strikes, stays that tally
    ops = [g for g in ops if not (g.head.kind == "tally" and total is not None and
                                  g.head.counts.get("killed") == (total, total))]
    first = doc.groups.index(ops[0]) if ops else len(doc.groups)
    kept = [g for g in doc.groups if g not in ops]
    doc.groups = kept[:first] + strikes + kept[first:]
    return True


@component("day_strikes",
           requires=("doc.groups", "frame.kind", "frame.counts", "frame.status",
                     "frame.background", "frame.period_low", "frame.since_read",
                     "frame.time_precision", "frame.list_item", "frame.seas",
                     "frame.place"),
           assigns=("doc.groups", "frame.kind", "frame.counts", "frame.date_low",
                    "frame.place"))
def split_day_strikes(doc: Doc) -> None:
    """One incident group per strike of an operation told as a handful of strikes."""
    split_strikes(doc, ENGLISH)


def split_strikes(doc: Doc, w: DayWords) -> None:
    """`day_strikes` with the words `w` (ENGLISH, or a reader's own)."""
    split_listed_strikes(doc, w)
    if split_shared_strikes(doc, w):
        return
    if any(w.list_item(doc, f) for f in doc.frames):
        return  # the article tells the strikes one by one
    out: list[Group] = []
    split: dict[int, list[Group]] = {}  # strikes told -> the incidents made of them
    total: int | None = None  # the day's toll, where one operation is split
    for g in doc.groups:
        n = _strikes(g)
        killed = _each_toll(doc, g, n, w) if n is not None else None
        listed = n is not None and _listed_one_by_one(doc, g, n, w)
        before = n is not None and _dated_before(doc, g, w)
        # the same number of strikes told again after a split ("we carried out two lethal
        # strikes", quoted at the end) is that operation, day or none, as are strikes the
        # article goes through one by one
        if n is None or not _one_operation(doc, g, w,
                                           killed is not None or listed or before or
                                           n in split):
            out.append(g)
            continue
        told = split.get(n)
        if told is not None and (_day(g) in (None, _day(told[0])) or _day(told[0]) is None):
            # the same strikes told again ("four boats were hit in three separate
            # engagements"), or dated where first told with no day ("the biggest
            # operation so far: three strikes on four boats" over a post's "yesterday"):
            # their words join the incidents already made
            _deal(doc, told, g.frames, None, w)
            continue
        if _day(g) is None and killed is None and not listed and not before and \
                len(_aboard(doc, g.head.sentence.index, n)) != n:
            # "on Sunday" on a page with no publication date: strikes with neither a day
            # nor a toll of their own would each be placeable by nothing, a handful of
            # loose incidents where the ledger can hold the one report it cannot place (a
            # toll per craft, or the crew of each strike told by rank, with the sea, still
            # places each strike)
            out.append(g)
            continue
        # each strike its rank, which says which of the day's strikes it is to a reader
        # (`Mention.series_rank`), the operation's size and toll: the resolver never joins
        # two strikes of one article, and joins another article's by rank, never to the
        # day's total (resolve.features.other_strike_of_the_day)
        total = _day_total(g, n, killed)
        split[n] = [Group(quotes=list(g.quotes), series_rank=rank, series_size=n,
                          series_killed=total) for rank in range(1, n + 1)]
        _deal(doc, split[n], g.frames, killed, w)
        out += split[n]
    if len(split) == 1:
        # one operation split: the article's aggregate telling of it is those strikes too,
        # and a sentence elsewhere that tells one of them by its rank is that strike's
        strikes = next(iter(split.values()))
        day = _day(strikes[0])
        kept = []
        for g in out:
            if _strikes(g) == len(strikes) and _day(g) in (None, day) \
                    and _one_operation(doc, g, w, True):
                # the same strikes told before the split, with no day ("US hits two boats:
                # six dead", the headline over the lede that dates them)
                _deal(doc, strikes, g.frames, None, w)
                continue
            if _aggregate(doc, g, day, total, w):
                # the day is the strike clause's ("Yesterday, ... two strikes"), not a
                # statement's
                _deal(doc, strikes, g.frames, None, w, undated=day is not None)
                continue
            if _current_event(g, day):
                ranks = [_rank_of(doc, f, len(strikes), w) for f in g.frames]
                if any(ranks) or _elaboration(g, strikes[0]):
                    # the strikes told one by one, assembled with the words around them:
                    # each ranked sentence is its strike's, the rest tells the operation
                    _deal(doc, strikes, g.frames, None, w, undated=day is not None)
                    continue
            kept.append(g)
        shared = [f for f in strikes[0].frames if _rank_of(doc, f, len(strikes), w) is None]
        if len({sea for f in shared for sea in f.seas}) > 1:
            # "blown up in the Eastern Pacific and the Caribbean": which strike was where
            # is for an itemised toll to tell; split blindly, each would carry one sea and
            # the wrong one for some, so the operation stays as told
            return
        out = kept
        if not any(f.counts.get("killed") for g in strikes for f in g.frames):
            _tolls_from_aboard(doc, strikes, total)
        for inc in strikes:
            # in text order, so the lede's place and day lead
            inc.frames.sort(key=lambda f: f.start)
    doc.groups = out

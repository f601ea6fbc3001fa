"""Component `to_mention`: one `Mention` record per coreference group.

The first value found wins (head frame first), spans are unioned, and figures told twice
for one event are combined: a revised toll replaces the one told before ("the toll rose to
35"), two reports widen the range ("at least nine" by fishermen, "11" by officials), "two
more died later" adds to it. Each Mention is built through pydantic's validator, once: the
extractor boundary (registry.checked) checks it against the article without validating it
again (registry.builds_valid_mentions).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from typing import Any

from strikewatch.extract.anchored import anchored
from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.coref import one_night, vague_count
from strikewatch.extract.counts import VAGUE, people_told_one_by_one
from strikewatch.extract.page_window import page_after
from strikewatch.extract.part_tolls import (
    among_the_dead,
    part_below_toll,
    part_told_before,
    parts_of_own_toll,
    told_as_part,
)
from strikewatch.extract.pipeline import component
from strikewatch.extract.places import names_its_sea
from strikewatch.geo.reading import is_open_water
from strikewatch.records import (
    COUNT_FIELDS,
    Attribution,
    Mention,
    Quote,
    Span,
    stable_id,
)

#: What the rules extractor writes in `Mention.extractor` (its historical form; the
#: registry names it strikewatch-rules@1).
EXTRACTOR = "strikewatch-rules-1"
# "the toll rose to 35", "revised the toll ... saying three": a newer figure, not a rival
_UPDATE = anchored(re.compile(r"\b(?:rose|risen|rising|climbed|increased|jumped|revised|"
                              r"corrected|updated|now stands|has reached|later put|raised)\b",
                              re.IGNORECASE))
# what was physically hit says more of an event than who was in it ("a drone hit the car
# of a commander": a vehicle)
_PHYSICAL = ("vessel", "vehicle", "building", "facility")
_NONE_PHYSICAL = (None, *_PHYSICAL)
# "raids" told of an event that is elsewhere an air strike are air raids
_RAID = re.compile(r"raid", re.IGNORECASE)

Range = tuple[int | None, int | None]

_MENTION: Callable[[dict[str, Any]], Mention] = Mention.__pydantic_validator__.validate_python


def widen(a: Range, b: Range, floors: bool = True) -> Range:
    """Two figures for one event in one article make one range: the lowest low, and the
    highest high a figure states. "At least nine" by fishermen and "11" by officials are
    9..11; but a floor told again bare ("at least eight" ... "eight") stays a floor: a bare
    figure no higher than an open figure's low closes nothing (`floors`: a
    count of people; a count of strikes told bare is the count itself)."""
    lows = [x for x in (a[0], b[0]) if x is not None]
    low = min(lows) if lows else None
    if a[1] is None and b[1] is None:
        return low, None
    if floors and (a[1] is None or b[1] is None):
        floor, bounded = (a, b) if a[1] is None else (b, a)
        if floor[0] is not None and bounded[1] is not None and bounded[1] <= floor[0]:
            return low, None
    highs = [x for x in (a[1], b[1]) if x is not None]
    return low, max(highs)


def add(a: Range, b: Range) -> Range:
    """A count told as more of the same ("three killed ... two more died"): the sum; an
    unbounded side stays unbounded."""
    low = (a[0] or 0) + (b[0] or 0) if a[0] is not None or b[0] is not None else None
    high = a[1] + b[1] if a[1] is not None and b[1] is not None else None
    return low, high


def _night_begun(g: Group, dated: Frame | None) -> Frame | None:
    """An act told as late one day in one sentence and in the small hours of the next in
    another (`coref.one_night`) took place on the night's first day, as a ledger dates an
    act around midnight ("late on Friday" beside "early Saturday": Friday)."""
    if dated is None or dated.date_told:
        return dated
    return next((f for f in g.frames if f.date_low is not None and not f.date_told and
                 f.date_low < (dated.date_low or "") and one_night(f, dated)), dated)


def _single_fields(g: Group) -> dict[str, object]:
    """Type, date and the fields where the first frame that has one gives it."""
    fields: dict[str, object] = {}
    typed = [f for f in g.frames if f.event_type is not None]
    src = typed[0] if typed else None
    if g.head.event_type is None and g.head.action is None:
        # one operation told in parts (a deployment, drone strikes): the violent act is
        # what ACLED codes it as
        src = next((f for f in typed if f.event_type != "Strategic developments"), src)
    if src is not None and src.event_type == "Battles" and _RAID.match(src.trigger.text):
        src = next((f for f in typed if f.sub_event_type == "Air/drone strike"), src)
    if src is not None:
        fields.update(event_type=src.event_type, sub_event_type=src.sub_event_type,
                      action=src.action)
    dated = _night_begun(g, g.dated())
    if dated is not None:
        fields.update(date_low=dated.date_low, date_high=dated.date_high,
                      time_precision=dated.time_precision)
    for name in ("target_kind", "domain", "period_low", "period_high", "place", "actor1",
                 "actor2"):
        v = g.value(name)
        if v is not None:
            fields[name] = v
    placed = next((f for f in g.frames if f.place is not None), None)
    if placed is not None and is_open_water(placed.place):
        # "en aguas internacionales" names no sea: the next sentence's sea says where
        fields["place"] = next((f.place for f in g.frames if f.place is not None and
                                f.place.kind == "sea" and not is_open_water(f.place)
                                and names_its_sea(f, g.frames, placed)), placed.place)
    if fields.get("target_kind") not in _NONE_PHYSICAL:
        fields["target_kind"] = next((f.target_kind for f in g.frames
                                      if f.target_kind in _PHYSICAL), fields["target_kind"])
    return fields


def _vague(f: Frame, key: str) -> bool:
    """Whether the frame tells its count without a figure: by a word ("several", "dozens")
    or person by person ("killed a commander", "presenter Safaa Ahmad died"). A figure for
    the same strike says the toll; such words only say some of its dead."""
    spans = f.prov.get(key)
    if not spans:
        return False
    a, b = spans[0]
    said = f.sentence.text[a - f.sentence.start:b - f.sentence.start]
    return said.lower() in VAGUE or vague_count(f, key) or people_told_one_by_one(said) or \
        told_as_part(f, key)


def _same_figure(a: Range, b: Range) -> bool:
    """One figure told twice, once perhaps as a floor: "nine others", "at least nine others"."""
    return a[0] == b[0] and (a[1] == b[1] or a[1] is None or b[1] is None)


def _counts(frames: Sequence[Frame]) -> dict[str, object]:
    """The group's counts: revised, widened or added as told (see the module doc)."""
    counts: dict[str, Range] = {}
    added: dict[str, list[Range]] = {}  # what "more" figures have added, per count
    risen: set[str] = set()  # counts told as revised ("the toll has risen to eight")
    vague: set[str] = set()  # counts told so far only by a word ("several", "dozens")
    parts: set[Range] = set()  # told before as some of the dead: "were among the victims"
    for f in frames:
        update = f.toll_raised or bool(_UPDATE.search(f.sentence.text))
        for k, v in f.counts.items():
            told_vague = _vague(f, k)
            if k in counts and not update and k not in f.more:
                floor = counts[k][0]
                if k in risen and v[1] is not None and floor is not None and v[1] <= floor:
                    continue  # "had given six as the dead" after "has risen to eight"
                if told_vague and k not in vague:
                    continue  # "several citizens dead" beside "30 people were killed"
                if k in vague and not told_vague:
                    counts[k] = v  # ... whichever is told first: the figure says it
                    vague.discard(k)
                    continue
            if k in f.more and k in counts:
                if any(_same_figure(v, a) for a in added.setdefault(k, [])):
                    continue  # "also killed three" told again ("at least three others")
                added[k].append(v)
                counts[k] = add(counts[k], v)
                continue
            if update or k not in counts:
                counts[k] = v
                if k in f.more:
                    added.setdefault(k, []).append(v)  # "five others" first, then again
                vague.discard(k)
                if told_vague:
                    vague.add(k)
                if update:
                    risen.add(k)
            elif k == "killed" and part_below_toll(f, counts[k], v):
                continue  # "killing 13 ..." then "killed more than 10 civilians": a part
            elif k == "killed" and v in parts | part_told_before(f, k):
                continue  # a part told before, told again ("confirmed three players died")
            elif k == "killed" and (low := counts[k][0]) is not None and \
                    counts[k] == (low, low) and (v[0] or 0) > low and \
                    low in parts_of_own_toll([f], k):
                counts[k] = v  # "killed 14 of a family" then "killing 18, 14 of them ...": the part
            else:
                counts[k] = widen(counts[k], v, floors=k != "strikes")
        parts |= among_the_dead([f])
    out: dict[str, object] = {}
    for k in COUNT_FIELDS:
        if k in counts:
            out[f"{k}_low"], out[f"{k}_high"] = counts[k]
    return out


#: Single-valued fields: provenance key -> the frame attributes holding its value.
_SINGLE: dict[str, tuple[str, ...]] = {
    "event_type": ("event_type", "sub_event_type"), "status": ("status",),
    "date": ("date_low", "date_high"), "period": ("period_low", "period_high"),
    "place": ("place",), "actor1": ("actor1",), "actor2": ("actor2",),
    "target_kind": ("target_kind",), "domain": ("domain",),
}


def _differs(f: Frame, attrs: tuple[str, ...], chosen: dict[str, object]) -> bool:
    """Whether the frame states another value than the chosen one for any of `attrs`. The
    chosen value is mostly the very object the frame holds (a place, an actor): tested by
    identity first, which spares pydantic's field-by-field `__eq__`."""
    for a in attrs:
        mine = getattr(f, a)
        other = chosen.get(a)
        if mine is not other and mine != other:
            return True
    return False


def _provenance(doc: Doc, frames: Sequence[Frame], chosen: dict[str, object]
                ) -> dict[str, list[Span]]:
    """Each field's spans. A single-valued field (actor, place, date, ...) cites only the
    frames that state the value the mention keeps: a later sentence's "warships" is no
    evidence for the target "vessel" read in the first one. Counts, hedges and the other
    many-valued fields cite every frame."""
    prov: dict[str, list[Span]] = {}
    seen: dict[str, set[tuple[int, int]]] = {}
    for f in frames:
        for key, spans in f.prov.items():
            attrs = _SINGLE.get(key)
            if attrs is not None and _differs(f, attrs, chosen):
                continue
            have = seen.setdefault(key, set())
            out = prov.setdefault(key, [])
            for ab in spans:
                if ab not in have:
                    have.add(ab)
                    out.append(doc.span(*ab))
    return prov


def _sources(g: Group) -> tuple[list[Attribution], list[Quote]]:
    """Attribution (one per kind, name and count) and quotes (one per place in the text)."""
    attribution: list[Attribution] = []
    quotes: list[Quote] = []
    seen_att: set[tuple[str, str, int | None]] = set()
    seen_q: set[int] = set()
    for f in g.frames:
        for att in f.attribution:
            k2 = (att.kind, (att.name or "").lower(), att.count)
            if k2 not in seen_att:
                seen_att.add(k2)
                attribution.append(att)
    for q in [q for f in g.frames for q in f.quotes] + g.quotes:
        if q.span is not None and q.span.start not in seen_q:
            seen_q.add(q.span.start)
            quotes.append(q)
    return attribution, quotes


_DEAD = ("killed", "civilians_killed", "children_killed")


def _toll_frames(g: Group) -> list[Frame]:
    """The frames whose counts are the group's. An incident's group that took in a frame
    told as a tally ("Two people were killed in two Israeli strikes on the south", "killing
    two people on Friday in separate strikes", beside the caption of one of them) keeps
    that frame's words but not its dead: they are the strikes' together, not this one's (a
    strike split from a day's operation, `series_rank`, has its own rules for the day's
    toll)."""
    if g.head.kind == "tally" or g.series_rank is not None:
        return g.frames
    out: list[Frame] = []
    for f in g.frames:
        if f.kind == "tally" and any(k in f.counts for k in _DEAD):
            f = copy.copy(f)
            f.counts = {k: v for k, v in f.counts.items() if k not in _DEAD}
        out.append(f)
    return out


def to_mention(doc: Doc, g: Group, more_quotes: Sequence[Quote] = ()) -> Mention:
    """One mention from a group of frames: first value found wins, spans are unioned."""
    if more_quotes:
        g.quotes.extend(q for q in more_quotes if q not in g.quotes)
    fields = _single_fields(g)
    fields.update(_counts(_toll_frames(g)))
    approx: list[str] = []
    hedges: list[str] = []
    for f in g.frames:
        approx += [a for a in f.approx if a not in approx]
        hedges += [x for x in f.hedges if x not in hedges]
    attribution, quotes = _sources(g)
    sentences = sorted({(f.sentence.start, f.sentence.end) for f in g.frames})
    h = g.head
    # built by pydantic-core's validator: its parts (records, spans) are validated records
    # already, passed through as they are, and the Rust validator is cheaper than
    # model_construct's Python loop over some forty fields; the id is derived in
    # model_post_init; the extractor boundary (registry.checked) does not validate it again
    # (the validator called directly: BaseModel.__init__ adds a Python frame and nothing else)
    return _MENTION(dict(
        article_id=doc.article.id, kind="tally" if h.kind == "tally" else "event",
        status=h.status,
        background=h.background, hedges=hedges, approx=approx,
        provenance=_provenance(doc, g.frames, {**fields, "status": h.status}),
        attribution=attribution, quotes=quotes,
        spans=[doc.span(a, b) for a, b in sentences], extractor=EXTRACTOR,
        regions=list(g.regions), series_rank=g.series_rank,
        series_size=g.series_size,
        series_killed=g.series_killed, **fields,
    ))


@component("to_mention", requires=("doc.groups",), assigns=("doc.mentions",))
def to_mentions(doc: Doc) -> None:
    """One Mention per group, in article order, each with its own id.

    A mention's id comes from its first sentence; two events told in one sentence ("...,
    while a drone strike in Lebanon killed one") would share it, so a later one takes its
    id from its own clause and event word instead."""
    seen: set[str] = set()
    doc.mentions = []
    for g in doc.groups:
        m = to_mention(doc, g)
        h = g.head
        extra = 0
        while m.id in seen:
            # (several strikes told in one clause, day_strikes: one more number apart)
            m.id = stable_id(doc.article.id, m.kind, h.start, h.end, h.trigger.start,
                             *([extra] if extra else []))
            extra += 1
        seen.add(m.id)
        doc.mentions.append(m)
    _mark_page_after(doc)


def _mark_page_after(doc: Doc) -> None:
    """On a page with no publication date, every mention carries the latest day the page
    names (`page_window.page_after`) and where it was read. That day is only a lower bound:
    a page that recalls Sept. 2 in passing may be December's. It bounds the page from above
    too (source "news") only where the page tells a strike of its own on that day as news
    (occurred, not background): news pages tell of their last days. Resolution places
    undated reports by the days that bound the page from above as well (news, post,
    dateline, said, caption, url, url-month: `features.PAGE_AFTER_SOURCES`)."""
    if doc.article.published is not None or not doc.mentions:
        return
    # the English page's reads, if the dates component made them (the same call)
    reads = doc.page_dates if doc.article.language != "es" else None
    found = page_after(doc.text, doc.article.language, doc.published, doc.article.url, reads)
    if found is None:
        return
    day, source = found
    iso = day.isoformat()
    if source == "stated" and any(_news_of_the_day(m, iso) for m in doc.mentions):
        source = "news"
    for m in doc.mentions:
        m.page_after, m.page_after_source = iso, source


def _news_of_the_day(m: Mention, iso: str) -> bool:
    """Whether `m` is a strike the page tells as its news, dated to the day `iso`."""
    return m.kind == "event" and m.status == "occurred" and not m.background and \
        m.date_low == iso and m.date_high == iso

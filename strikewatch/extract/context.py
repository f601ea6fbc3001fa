"""The shared context every extraction component reads and writes.

Why one mutable context: each component (sentences, triggers, dates, counts, ...) is a small
callable `component(doc) -> None` that adds what it finds to `Doc`. A component can be
replaced (by a statistical or LLM backend) without touching the others, as long as it fills
the same slots: every component declares the slots it `requires` and `assigns`
(`strikewatch.extract.pipeline.component`), named as below (`doc.frames`,
`frame.status`, ...), and the pipeline checks the order when it is built.

Every `Frame` field is public: a field one component sets and another reads is declared by
both, so nothing reads another component's private state.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from strikewatch.records import (
    Action,
    Actor,
    Article,
    Attribution,
    Domain,
    Mention,
    MentionKind,
    Place,
    Quote,
    Span,
    Status,
    TargetKind,
)

Strength = Literal["strong", "weak"]


@dataclass
class Sentence:
    """One sentence: offsets into the article text, and whether a trigger was found in it."""

    index: int
    start: int
    end: int
    text: str
    parsed: Any = None  # a spaCy Doc for the sentence, when the parse gate let it through


@dataclass
class Trigger:
    """An event word found by the lexicon prefilter, with what the lexicon says it means."""

    start: int
    end: int
    text: str
    event_type: str | None
    sub_event_type: str | None
    action: Action | None = None
    strength: Strength = "strong"  # strong: may start a mention; weak: only joins one
    generic: bool = False  # "attack", "operation": type comes from context when possible


@dataclass
class Frame:
    """One candidate event or tally read from one sentence (or one clause of it).

    Frames are what the per-sentence components fill; coreference later merges the frames
    of one event into one mention. `prov` maps field name -> spans behind the value.
    """

    sentence: Sentence
    trigger: Trigger
    start: int  # the clause this frame covers (offsets into the article text)
    end: int
    kind: MentionKind = "event"  # clauses, kind
    event_type: str | None = None  # clauses (coreference may inherit one)
    sub_event_type: str | None = None
    action: Action | None = None
    target_kind: TargetKind | None = None  # targets
    domain: Domain | None = None  # targets
    status: Status = "occurred"  # status
    status_cued: bool = False  # status: a cue word set the status (not the default)
    background: bool = False  # status (kind adds: an occurred event months before publication)
    hedges: list[str] = field(default_factory=list)
    date_low: str | None = None
    date_high: str | None = None
    time_precision: int | None = None
    # dates: the date is only the day the event was told ("officials said on Tuesday"),
    # kept while the article gives no day of the event itself (dates.day_of_telling decides;
    # dates.telling_day, what assemble asks, reads this flag)
    date_told: bool = False
    # dates / es_dates: the day an act with no day of its own was told on, where the clause
    # keeps it off the frame (a weak event word's "officials said on Tuesday that
    # airstrikes …", "informaron el lunes de …"): it dates the event, as a told day, only
    # where its whole group stays undated (assemble.date_by_telling); optional: a dates
    # component that leaves it None loses nothing else
    told_read: DateRead | None = None
    period_low: str | None = None
    period_high: str | None = None
    # dates: the clause's first "between X and Y" period, and a date opening a "since ..."
    # phrase; kind decides whether the frame is an aggregate that covers them
    period_read: DateRead | None = None
    since_read: DateRead | None = None
    place: Place | None = None
    # places: the open waters named around the event word ("in the Caribbean"), read before
    # the geoparser places the mention, so that coreference keeps two seas' events apart
    seas: frozenset[str] = frozenset()
    actor1: Actor | None = None
    actor2: Actor | None = None
    counts: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    more: set[str] = field(default_factory=set)  # counts that add to earlier ones ("two more")
    # es_counts: the toll is told as raised ("la cifra de muertos se elevó a 19"): in
    # to_mention it is the newer figure, as the English `_UPDATE` words make it
    toll_raised: bool = False
    gap_verb: str = ""  # "killed four in A and two in B": the verb the second part omits
    gap_of: Frame | None = None  # ... and the frame whose verb, actor and date it shares
    # clauses: one item of a toll told by rank ("two on the second boat"), a strike of its own
    list_item: bool = False
    # clauses: an act told only as what the sentence's event came after or answered ("came
    # two days after militants killed seven", "in response to U.S. strikes on Sanaa"):
    # an event of its own, but not the one a later "the strikes" refers to
    antecedent: bool = False
    # kind: the day's total a list item adds up to ("eight were killed in all"), a tally
    total: Frame | None = None
    approx: list[str] = field(default_factory=list)
    attribution: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    prov: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # clauses: "the strike", "the operation" refers back to a known event
    anaphoric: bool = False
    drop: bool = False  # status: negated, habitual or a rule ("cannot deploy"), not an event
    violent_context: bool = False  # clauses: the sentence has a (military) violent event word
    named: list[tuple[int, int]] = field(default_factory=list)  # actors: names (not states)

    def cite(self, key: str, start: int, end: int) -> None:
        """Record that field `key` rests on text[start:end]."""
        spans = self.prov.setdefault(key, [])
        if (start, end) not in spans:
            spans.append((start, end))


@dataclass
class DateRead:
    """A date expression read from the text: offsets, the days it covers, its precision."""

    start: int
    end: int
    low: str | None
    high: str | None
    precision: int | None
    is_period: bool = False  # "since September", "so far this year": a tally's period


@dataclass
class Group:
    """The frames that tell one event (coreference), head first; one Mention each."""

    frames: list[Frame] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # trailing quotes, after the event
    regions: list[Place] = field(default_factory=list)  # a tally's seas (regions component)
    #: which of several strikes told together this group is (1, 2, 3...; day_strikes)
    series_rank: int | None = None
    #: how many strikes the day's operation it was split from counted (day_strikes)
    series_size: int | None = None
    #: the day's toll that operation was told with, if one figure (day_strikes)
    series_killed: int | None = None

    @property
    def head(self) -> Frame:
        return self.frames[0]

    def value(self, name: str) -> object:
        for f in self.frames:
            v = getattr(f, name)
            if v is not None:
                return v
        return None

    def dated(self) -> Frame | None:
        """The frame whose date the event takes: the first that gives the event's own day,
        else the earliest day it was told on ("said on Tuesday" and "in a Monday post":
        what was told on Monday happened by Monday; the first told on ties). Where a later
        sentence of the event names a finer time inside that one ("last month ... on
        January 6", "earlier this month ... last week", "earlier this week ... Thursday's
        operation", the one day named inside a week), the finer is the same time told more
        precisely."""
        told: Frame | None = None
        for i, f in enumerate(self.frames):
            if f.date_low is not None:
                if not f.date_told:
                    return _finer_inside(f, self.frames[i + 1:])
                if told is None or told.date_low is None or f.date_low < told.date_low:
                    told = f
        return told


def _finer_inside(f: Frame, later: list[Frame]) -> Frame:
    """The first of `later`'s own dates that lies inside `f`'s, is told more precisely and
    comes with the event's toll (a death toll that does not contradict `f`'s), else `f`.
    A bare day without a toll may be another strike of the period ("last week strikes hit
    ... strikes on Sunday hit Naqura") or when the event was spoken of, not a finer time
    of it."""
    if f.time_precision not in (2, 3) or f.date_high is None:
        return f  # a day told is exact: only a week, a month or more is narrowed
    assert f.date_low is not None
    for g in later:
        if g.date_low is not None and not g.date_told and g.time_precision is not None \
                and g.time_precision < f.time_precision and \
                f.date_low <= g.date_low and (g.date_high or g.date_low) <= f.date_high \
                and (f.time_precision == 2 and _one_day_in(f, later) or
                     f.time_precision == 3 and (_same_toll(f, g) or
                                                _full_date(g) and _one_month(f))):
            return g
    return f


def _one_day_in(f: Frame, later: list[Frame]) -> bool:
    """Whether the event's later sentences name one day only inside f's week ("a raid
    earlier this week ... Thursday's operation started at 4 a.m."): that day is the week
    told precisely; two days inside it, or a day of "another" act, may be two acts of the
    week ("a navy strike last week ... The navy sank another boat on Thursday")."""
    assert f.date_low is not None and f.date_high is not None
    if (dt.date.fromisoformat(f.date_high) - dt.date.fromisoformat(f.date_low)).days < 3:
        return False  # "overnight": the night and the day it was told, not a week
    days = {g.date_low for g in later if g.date_low is not None and not g.date_told and
            g.time_precision == 1 and f.date_low <= g.date_low <= f.date_high and
            _day_of_act(g)}
    return len(days) == 1 and not any(
        _ONE_MORE.search(g.sentence.text, 0, g.trigger.end - g.sentence.start)
        for g in later if g.date_low in days)


# a telling between a day and the event word: the day is the statement's ("In a statement
# on Sunday the command said the operation ...")
_TELLING = re.compile(r"\b(?:said|says|told|statement|briefing|announc\w*|report\w*|"
                      r"confirm\w*|post(?:ed)?|wrote|tweeted)\b", re.IGNORECASE)


def _day_of_act(g: Frame) -> bool:
    """Whether the frame's day is told of its act, no telling between the two ("Thursday's
    operation", "the drone hit his car on Wednesday"; not "In a statement on Sunday the
    command said the operation ...")."""
    spans = g.prov.get("date") or []
    if not spans:
        return False
    lo, hi = sorted((spans[0][1], g.trigger.start)) if spans[0][0] < g.trigger.start else \
        (g.trigger.end, spans[0][0])
    return not _TELLING.search(g.sentence.text, max(0, lo - g.sentence.start),
                               max(0, hi - g.sentence.start))


# one more act told beside the one before: "The navy sank another boat on Thursday"
_ONE_MORE = re.compile(r"\b(?:another|other|second|separate(?:ly)?|also|new|fresh|more|again)\b",
                       re.IGNORECASE)


#: a year of four figures: "On 18 March 2019", "on Aug. 29, 2021"
_YEAR = re.compile(r"\b(?:19|20)[0-9]{2}\b")


def _one_month(f: Frame) -> bool:
    """Whether f's date is one calendar month ("in March"), not a year or a season, in
    which a day told in full may as well be another act of the time."""
    return f.date_low is not None and f.date_high is not None and \
        f.date_low[:7] == f.date_high[:7]


def _full_date(g: Frame) -> bool:
    """Whether g's day is told in full, with its year ("On 18 March 2019, a strike
    destroyed ..."): the way a report pins down the event it spoke of by month, not how
    it names another strike of that month in passing."""
    if g.time_precision != 1:
        return False
    base = g.sentence.start
    return any(_YEAR.search(g.sentence.text, a - base, b - base)
               for a, b in g.prov.get("date", ()))


def _same_toll(f: Frame, g: Frame) -> bool:
    """Whether `g` tells a death toll and `f` none, or one that meets it."""
    got, have = g.counts.get("killed"), f.counts.get("killed")
    if got is None or got[0] is None:
        return False
    if have is None or have[0] is None:
        return True
    return (have[1] is None or got[0] <= have[1]) and (got[1] is None or have[0] <= got[1])


#: Span's validator, called without BaseModel.__init__'s Python frame around it (the same
#: record: every field given, validated alike; a Doc makes some eighty an article)
_SPAN = Span.__pydantic_validator__.validate_python


@dataclass
class Doc:
    """Everything known about one article while it is being read."""

    article: Article
    text: str
    published: dt.date | None
    sentences: list[Sentence] = field(default_factory=list)
    triggers: dict[int, list[Trigger]] = field(default_factory=dict)  # sentence index -> hits
    frames: list[Frame] = field(default_factory=list)
    countries: tuple[str, ...] = ()  # countries the article names, for place tie-breaks
    groups: list[Group] = field(default_factory=list)  # coreference: one per mention
    mentions: list[Mention] = field(default_factory=list)  # to_mention: the output
    stats: dict[str, int] = field(default_factory=dict)
    #: head trigger spans of the groups the genre step made background: still judged by the
    #: mention filter as the occurred news the rules read them as (mention_filter)
    recast: set[tuple[int, int]] = field(default_factory=set)
    #: the whole page's date reads with no publication date, where the dates component read
    #: them (a day's year told elsewhere); handed to the page window (to_mention) unread again
    page_dates: list[DateRead] | None = None
    _spans: dict[tuple[int, int], Span] = field(default_factory=dict, repr=False)

    def span(self, start: int, end: int) -> Span:
        # one object per (start, end), shared by every field that rests on the same words;
        # validated construction (pydantic-core) is cheaper than model_construct's Python
        # loop for a four-field record, and cheaper still called directly (_SPAN)
        got = self._spans.get((start, end))
        if got is None:
            got = _SPAN({"article_id": self.article.id, "start": start, "end": end,
                         "text": self.text[start:end]})
            self._spans[(start, end)] = got
        return got

    def bump(self, key: str, n: int = 1) -> None:
        self.stats[key] = self.stats.get(key, 0) + n


class Component(Protocol):
    """One step of the pipeline: reads and extends the shared `Doc`."""

    def __call__(self, doc: Doc) -> None: ...

"""One cluster of mentions -> one Incident: fields merged, contradictions flagged, graded.

Merging rules (issue 5):
- casualties: low = the lowest credible figure, high = the highest (credible = the reports
  with the incident's status: a denial's or a plan's figures do not count for a strike; a
  toll or wounded count told only by words — "several", "killed a commander" — yields to
  another report's figure: `told_without_figure`);
  an early count ("in a first count") yields to another report's higher figure and lower
  tolls to one told as raised ("the toll rose to 46"); a lone dissent outnumbered two to one
  by at least three articles agreeing on one closed toll goes (both flagged);
  reports whose ranges do not overlap raise a flag ("killed: reports differ (3-6)"), and so
  does an exact figure next to reports that make the range wider ("11" and "at least 9");
- status precedence: occurred > denied > planned > threatened > hypothetical. A denial never
  erases reports that it happened: the incident stays `occurred`, is flagged `denied` and
  graded contested;
- date: the most precise interval (ACLED time_precision, then width), earliest first,
  unless it lies outside another report's week or weekend: then the most precise one all
  such reports allow (flagged);
- place: the most precise (lowest geo_precision), the most reported name on a tie, among
  the places the reports give for the event itself (features.linking_place);
- actors, type, target: the most reported value; differing perpetrators are flagged;
- the id: derived from the cluster's earliest mention (by article publication, then id), so
  it stays put when later articles join the incident (reviews refer to it).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from strikewatch.extract.counts import TOLL_EARLY, TOLL_UPDATED, VAGUE, people_told_one_by_one
from strikewatch.extract.es.counts import TOLL_EARLY as ES_TOLL_EARLY
from strikewatch.extract.es.counts import TOLL_UPDATED as ES_TOLL_UPDATED
from strikewatch.extract.es.lexicon import VAGUE as ES_VAGUE
from strikewatch.records import (
    COUNT_FIELDS,
    Actor,
    Article,
    Attribution,
    Incident,
    Mention,
    Place,
    Quote,
    Source,
    Span,
    stable_id,
)
from strikewatch.resolve.cues import calendar_cues, day_cues
from strikewatch.resolve.features import day_number, iso_day, linking_place
from strikewatch.resolve.grading import grade

STATUS_PRECEDENCE = ("occurred", "denied", "planned", "threatened", "hypothetical")
T = TypeVar("T")


def mention_order(m: Mention, articles: Mapping[str, Article]) -> tuple[str, str]:
    a = articles.get(m.article_id)
    return ((a.published if a and a.published else "9999")[:10], m.id)


def incident_id(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> str:
    anchor = min(mentions, key=lambda m: mention_order(m, articles))
    return stable_id("incident", anchor.id)


def _mode(values: Sequence[T | None], key: Callable[[T], Any] = lambda v: v) -> T | None:
    """The most frequent non-null value; ties go to the one reported first."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    counts = Counter(key(v) for v in present)
    best = max(counts.values())
    return next(v for v in present if counts[key(v)] == best)


# an open vague word ("several", "dozens", "varios", "decenas"): a count with no figure
_VAGUE_WORD = re.compile(r"\b(?:" + "|".join(
    re.escape(w) for w, (_, hi) in sorted({**VAGUE, **ES_VAGUE}.items(),
                                          key=lambda kv: -len(kv[0])) if hi is None) + r")\b",
                         re.IGNORECASE)
#: the counts a report may tell by words alone, which a figure elsewhere says better
_WORDED = ("killed", "injured")


def told_without_figure(m: Mention, name: str) -> bool:
    """Whether every word the report cites for its `name` count tells it with no figure: a
    vague word ("several civilians dead", "varios heridos") or people one by one ("killed a
    commander", "killed him"). Such a count says some of the dead, not how many."""
    spans = [s for s in m.provenance.get(name) or []  # (not the words of its stage)
             if not any(p.search(s.text) for p in (*_EARLY, *_UPDATED))]
    return bool(spans) and all(
        not re.search(r"\d", s.text) and (bool(_VAGUE_WORD.search(s.text)) or
                                          people_told_one_by_one(s.text)) for s in spans)


def _figured(reports: Sequence[Mention], name: str) -> Sequence[Mention]:
    """The reports whose `name` count counts: a figure beside words that tell some of the
    dead ("several killed" in one report, "14 killed" in another; "killed a commander"
    beside "killed five") is the count, and the words widen nothing; words alone stand."""
    told = [m for m in reports if getattr(m, f"{name}_low") is not None or
            getattr(m, f"{name}_high") is not None]
    worded = [m for m in told if told_without_figure(m, name)]
    if not worded or len(worded) == len(told):
        return reports
    return [m for m in reports if m not in worded]


def _stage(m: Mention, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Whether the words the report cites for its toll tell it at that stage (an early
    count, a raised toll): extraction cites those words beside the figure."""
    return any(p.search(s.text) for s in m.provenance.get("killed") or [] for p in patterns)


def _closed(m: Mention, name: str) -> int | None:
    lo, hi = getattr(m, f"{name}_low"), getattr(m, f"{name}_high")
    return lo if lo is not None and lo == hi else None


def _holds(m: Mention, name: str, v: int) -> bool:
    lo, hi = getattr(m, f"{name}_low"), getattr(m, f"{name}_high")
    return (lo is None or lo <= v) and (hi is None or v <= hi)


def _below(m: Mention, o: Mention, name: str) -> bool:
    """Whether `m`'s count tells fewer dead than `o`'s least: "nine" or "at least three"
    against "46" (a floor below a later count is that count's earlier stage too)."""
    lo, hi = getattr(m, f"{name}_low"), getattr(m, f"{name}_high")
    o_lo: int | None = getattr(o, f"{name}_low")
    most: int | None = hi if hi is not None else lo
    return o_lo is not None and most is not None and most < o_lo


def _superseded(told: Sequence[Mention], name: str) -> tuple[list[Mention], list[str]]:
    """A toll told as an early count ("nine killed, in a first count") yields to another
    report's higher figure, and every lower toll yields to one told as raised ("the toll
    rose to 46"): a coder keeps the latest count where the reports say which it is."""
    early = [m for m in told if _stage(m, _EARLY)]
    raised = [m for m in told if _stage(m, _UPDATED)]
    gone = [m for m in told if
            (m in early and any(_below(m, o, name) for o in told if o is not m)) or
            any(_below(m, r, name) for r in raised if r is not m)]
    if not gone or len(gone) == len(told):
        return list(told), []
    figs = sorted({f"{getattr(m, f'{name}_low')}" for m in gone})
    return [m for m in told if m not in gone], [
        f"{name}: an earlier count ({', '.join(figs)}) superseded"]


def _published(m: Mention, articles: Mapping[str, Article]) -> str | None:
    a = articles.get(m.article_id)
    return a.published[:10] if a is not None and a.published else None


#: how many independent reports must agree on a closed toll before a lone dissent goes (two
#: against one is a real disagreement often enough: a reviewer's merge, an officials' count
#: against a regional government's)
CONSENSUS = 3


def _consensus(told: Sequence[Mention], name: str, articles: Mapping[str, Article]
               ) -> tuple[list[Mention], list[str]]:
    """One closed figure that `CONSENSUS` independent articles tell (copies of one wire
    story count once: `Article.origin_id`), against which every other article's range
    stands alone and outnumbered at least two to one ("three killed" in
    three reports, "eight" in one): the lone figure is far more often another strike's
    toll, or the day's, that linking put here than a rival count, so it goes (flagged).
    A higher figure from a page published after every agreeing one stays: it may be the
    toll as it rose."""
    def origin(m: Mention) -> str:
        a = articles.get(m.article_id)
        return (a.origin_id if a is not None else "") or m.article_id

    by_value: dict[int, set[str]] = {}
    for m in told:
        v = _closed(m, name)
        if v is not None:
            by_value.setdefault(v, set()).add(origin(m))
    if not by_value:
        return list(told), []
    v, agree = max(by_value.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    dissent = [m for m in told if not _holds(m, name, v)]
    arts = {origin(m) for m in dissent}
    if not dissent or len(agree) < CONSENSUS or arts & agree or len(agree) < 2 * len(arts) or \
            any(sum(origin(o) == a for o in dissent) > 1 for a in arts):
        return list(told), []
    days = [_published(m, articles) for m in told if origin(m) in agree]
    last = max(d for d in days if d) if all(days) else None
    for m in dissent:
        day = _published(m, articles)
        if getattr(m, f"{name}_low") is not None and getattr(m, f"{name}_low") > v and \
                day is not None and last is not None and day > last:
            return list(told), []
    figs = sorted({f"{getattr(m, f'{name}_low')}..{getattr(m, f'{name}_high')}"
                   for m in dissent})
    return [m for m in told if m not in dissent], [
        f"{name}: {len(agree)} reports agree on {v}; one each differs ({', '.join(figs)})"]


#: the words that tell a toll's stage, as extraction cites them (English and Spanish)
_EARLY = (TOLL_EARLY, ES_TOLL_EARLY)
_UPDATED = (TOLL_UPDATED, ES_TOLL_UPDATED)


def merge_counts(reports: Sequence[Mention], articles: Mapping[str, Article] | None = None
                 ) -> tuple[dict[str, int | None], list[str]]:
    out: dict[str, int | None] = {}
    flags: list[str] = []
    for name in COUNT_FIELDS:
        told = _figured(reports, name) if name in _WORDED else reports
        if name == "killed":
            told, why = _superseded(told, name)
            flags += why
            told, why = _consensus(told, name, articles or {})
            flags += why
        pairs = [(getattr(m, f"{name}_low"), getattr(m, f"{name}_high")) for m in told]
        pairs = [(lo, hi) for lo, hi in pairs if lo is not None or hi is not None]
        lows = [lo for lo, _ in pairs if lo is not None]
        highs = [hi for _, hi in pairs if hi is not None]
        out[f"{name}_low"] = min(lows) if lows else None
        out[f"{name}_high"] = max(highs + lows) if highs else None
        lo, hi = out[f"{name}_low"], out[f"{name}_high"]
        if lows and highs and max(lows) > min(highs):
            flags.append(f"{name}: reports differ ({min(highs)}-{max(lows)})")
        elif len(pairs) > 1 and lo is not None and hi is not None and lo != hi and \
                any(a == b for a, b in pairs):
            # "11 killed" and "at least nine" (or one report that already carries both
            # figures): an exact figure stands against a wider range of other figures
            flags.append(f"{name}: reports differ ({lo}-{hi})")
    return out, flags


#: a report's interval of two to this many days ("last week", "over the weekend") is precise
#: enough to rule out a day another report gives outside it (a report's own day rules out
#: nothing: two reports' different days are flagged, the earlier kept)
RULING_WIDTH = 6


def _date(mentions: Sequence[Mention]) -> tuple[str | None, str | None, int | None, list[str]]:
    dated = [m for m in mentions if m.date_low or m.date_high]
    if not dated:
        return None, None, None, []

    def bounds(m: Mention) -> tuple[int | None, int | None]:
        return day_number(m.date_low), day_number(m.date_high)

    def width(m: Mention) -> int:
        lo, hi = bounds(m)
        return (hi - lo) if lo is not None and hi is not None else 10_000

    def agrees(m: Mention, o: Mention) -> bool:
        (lo, hi), (o_lo, o_hi) = bounds(m), bounds(o)
        if None in (lo, hi, o_lo, o_hi) or not 0 < width(o) <= RULING_WIDTH:
            return True
        assert lo is not None and hi is not None and o_lo is not None and o_hi is not None
        return lo <= o_hi and o_lo <= hi

    # the most precise interval, then the narrowest, earliest first; but one that lies
    # outside another report's week or weekend ("On Monday Trump announced that the US had
    # attacked" beside "last week") yields to the most precise one every such report allows
    ranked = sorted(dated, key=lambda m: (m.time_precision or 9, width(m), m.date_low or "9999"))
    best = next((m for m in ranked if all(agrees(m, o) for o in dated if o is not m)),
                ranked[0])
    flags: list[str] = []
    night = _night_around(best, dated)
    if best is not ranked[0]:
        flags.append(f"date: reports differ ({ranked[0].date_low} outside "
                     f"{best.date_low}..{best.date_high})")
    days = sorted({m.date_low for m in dated if m.time_precision == 1 and m.date_low})
    if len(days) > 1:
        flags.append(f"date: reports differ ({days[0]} to {days[-1]})")
    if night is not None:
        return night.date_low, night.date_high, night.time_precision, flags
    named = _named_day(best, mentions)
    if named is not None:
        return named, named, 1, flags
    return best.date_low, best.date_high, best.time_precision, flags


#: The widest span of days (a week told as "last week", a few days) that an undated
#: report's day of the year narrows to that day; a month or more is left as it is.
NARROWED_SPAN_DAYS = 10


def _named_day(best: Mention, mentions: Sequence[Mention]) -> str | None:
    """The one day of `best`'s span of several days that the incident's undated reports
    name by its day of the year ("November 30" on a page with no date, beside a dated
    page's "last week"): the span gives the year the undated page left open, the day the
    span left open. None where they name no day, different days, or none in the span; a
    weekday never narrows (it may be the day a strike was told on), nor is a night (two
    days) cut to one of them."""
    lo, hi = day_number(best.date_low), day_number(best.date_high)
    if lo is None or hi is None or not 2 <= hi - lo <= NARROWED_SPAN_DAYS:
        return None
    named = {cue for m in mentions if not (m.date_low or m.date_high)
             for cue in calendar_cues(s.text for s in m.provenance.get("date", []))
             if cue[0] == "md"}
    if len(named) != 1:
        return None
    days = [d for d in range(lo, hi + 1) if day_cues(d)[1] in named]
    return iso_day(days[0]) if len(days) == 1 else None


#: the words of a report's date that tell a night ("overnight", "on Monday night", "anoche",
#: "la madrugada", "nocturnos", "around midnight"), not two days of another kind ("over the
#: weekend")
_NIGHT_WORDS = re.compile(r"night|noche|madrugada|nocturn|medianoche", re.IGNORECASE)


def _night_around(day: Mention, dated: Sequence[Mention]) -> Mention | None:
    """The one night ([d-1, d] or [d, d+1]) that reports tell beside the one day d the
    incident would take: a night strike is dated by its night, both dates (tests/gold/
    README.md), and a report giving one day names only one end of it. None when no report
    tells a night around d, or two tell different nights."""
    d, d_hi = day_number(day.date_low), day_number(day.date_high)
    if d is None or d != d_hi:
        return None
    nights: dict[tuple[str | None, str | None], Mention] = {}
    for m in dated:
        lo, hi = day_number(m.date_low), day_number(m.date_high)
        told = " ".join(s.text for s in m.provenance.get("date", []))
        if lo is not None and hi == lo + 1 and lo <= d <= hi and _NIGHT_WORDS.search(told):
            nights.setdefault((m.date_low, m.date_high), m)
    return next(iter(nights.values())) if len(nights) == 1 else None


#: `Place.geo_precision` of a whole country (a sea is 6)
COUNTRY_PRECISION = 5


def _place(mentions: Sequence[Mention]) -> Place | None:
    # a place taken from the article's context (features.linking_place: a strike at sea
    # placed in a country, the acting party's own country) yields to one the reports give
    # for the event itself, however precise it is; it is kept when there is no other
    located = [p for m in mentions if (p := linking_place(m)) is not None]
    places = located or [m.place for m in mentions if m.place is not None]
    if not places:
        return None
    # a named sea beats a bare country: reports of a strike at sea that name only a country
    # name the boat's origin or the coast, not where the strike was
    seas = [p for p in places if p.kind == "sea"]
    if seas and all((p.geo_precision or 99) >= COUNTRY_PRECISION for p in places):
        places = seas
    top = min(p.geo_precision or 99 for p in places)
    tied = [p for p in places if (p.geo_precision or 99) == top]
    return _mode(tied, key=lambda p: (p.name or "").lower())


def _actor(mentions: Sequence[Mention], attr: str) -> tuple[Actor | None, list[str]]:
    actors: list[Actor | None] = [getattr(m, attr) for m in mentions]
    best = _mode(actors, key=lambda a: (a.name or "").lower())
    countries = sorted({a.country for a in actors if a is not None and a.country})
    flags = []
    if attr == "actor1" and len(countries) > 1:
        names = sorted({a.name for a in actors if a is not None})
        flags.append(f"actor1: different perpetrators reported ({' vs '.join(names)})")
    return best, flags


def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """One actor told two ways ("US forces", "the US military"): the same name, or the same
    state and kind of actor. "US officials" who announced a strike are not its "US forces"."""
    if a is None or b is None:
        return False
    if (a.name or "").lower() == (b.name or "").lower():
        return True
    return bool(a.country and a.country == b.country and a.type and a.type == b.type)


def _states(fld: str, m: Mention, chosen: Mapping[str, Any]) -> bool:
    """Whether mention `m` states the incident's value of `fld`, so that its spans are
    evidence for it. Actors, target and type cite only the reports that say what the
    incident keeps; counts, dates, places and status cite every report (their figures make
    the range, and a differing one is flagged beside it)."""
    if fld in ("actor1", "actor2"):
        return _same_actor(getattr(m, fld), chosen[fld])
    if fld in ("target_kind", "event_type"):
        return getattr(m, fld) == chosen[fld]
    return True


def _spans(mentions: Sequence[Mention], chosen: Mapping[str, Any]) -> dict[str, list[Span]]:
    prov: dict[str, list[Span]] = {}
    # one set of the spans kept per field, for the whole cluster (rebuilding it per mention
    # made large clusters quadratic)
    seen: dict[str, set[tuple[str, int, int]]] = {}
    for m in mentions:
        for fld, spans in m.provenance.items():
            if not _states(fld, m, chosen):
                continue
            kept = seen.setdefault(fld, set())
            for s in spans:
                if (s.article_id, s.start, s.end) not in kept:
                    prov.setdefault(fld, []).append(s)
                    kept.add((s.article_id, s.start, s.end))
        if not m.provenance and m.spans:
            prov.setdefault("event", []).extend(m.spans)
    return prov


def build_incident(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> Incident:
    """Merge one cluster's mentions (all event mentions) into a graded incident."""
    ms = sorted(mentions, key=lambda m: mention_order(m, articles))
    present = {m.status for m in ms}
    status = next((s for s in STATUS_PRECEDENCE if s in present), "occurred")
    reports = [m for m in ms if m.status == status] or ms
    flags: list[str] = []
    counts, count_flags = merge_counts(reports, articles)
    flags += count_flags
    d_lo, d_hi, prec, date_flags = _date(reports)
    flags += date_flags
    actor1, actor_flags = _actor(reports, "actor1")
    flags += actor_flags
    actor2, _ = _actor(reports, "actor2")
    types = sorted({m.event_type for m in reports if m.event_type})
    if len(types) > 1:
        flags.append(f"event_type: reports differ ({' vs '.join(types)})")
    if status == "occurred" and any(m.status == "denied" for m in ms):
        flags.append("denied")
    # each article's first report that carries its page's day (one pass, not one per article)
    dated_page: dict[str, Mention] = {}
    for m in ms:
        if m.page_after:
            dated_page.setdefault(m.article_id, m)
    sources = [_source(aid, articles.get(aid), dated_page.get(aid))
               for aid in dict.fromkeys(m.article_id for m in ms)]
    attribution: list[Attribution] = []
    seen_att: set[tuple[Any, ...]] = set()
    for m in ms:
        for att in m.attribution:
            k = (att.kind, att.name, att.affiliation, att.count, att.anonymous)
            if k not in seen_att:
                seen_att.add(k)
                attribution.append(att)
    quotes: list[Quote] = [q for m in ms for q in m.quotes]
    fields: dict[str, Any] = dict(
        id=incident_id(ms, articles),
        event_type=_mode([m.event_type for m in reports]),
        sub_event_type=_mode([m.sub_event_type for m in reports]),
        action=_mode([m.action for m in reports]),
        target_kind=_mode([m.target_kind for m in reports if m.target_kind != "unknown"])
        or _mode([m.target_kind for m in reports]),
        domain=_mode([m.domain for m in reports]),
        status=status,
        background=all(m.background for m in ms),
        hedges=sorted({h for m in ms for h in m.hedges}),
        date_low=d_lo,
        date_high=d_hi,
        time_precision=prec,
        place=_place(ms),
        actor1=actor1,
        actor2=actor2,
        approx=sorted({f for m in reports for f in m.approx}),
        provenance={},
        flags=flags,
        sources=sources,
        mention_ids=sorted(m.id for m in ms),
        attribution=attribution,
        quotes=quotes,
        **counts,
    )
    fields["provenance"] = _spans(ms, fields)
    g, reason = grade(status, ms, articles, actor1, flags)
    return Incident(grade=g, grade_reason=reason, **fields)


def _source(aid: str, article: Article | None, m: Mention | None) -> Source:
    """The source record of one article, with the latest day its page names (from `m`, its
    report that carries it) where the page has no publication date (what attaching reads
    for the page's window)."""
    src = Source.of(aid, article)
    if src.published is None and m is not None:
        src.page_after, src.page_after_source = m.page_after, m.page_after_source
    return src

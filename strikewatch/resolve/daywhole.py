"""A day's operation told whole beside its strikes told one by one.

Real copy tells a day of several strikes two ways: one outlet "three strikes on four
vessels killed 14 in the eastern Pacific on Monday", another the strikes one by one ("the
first boat ... eight aboard were killed", or the same lede split by the extractor,
`Mention.series_rank`). A conflict coder keeps one incident per real strike and counts the
whole report's article as a source of each; its summed toll is no strike's. Linking can
never join the whole report to a part (`features.hard_conflict`: "the day's total, not one
of its strikes"), so it used to stay an incident of its own beside the parts: a duplicate
that also kept the reports of each strike apart.

After clustering and attaching, an incident whose every report is unsplit (`whole`) is
matched with the part incidents it tells (`day_parts`):

- an *operation* another outlet split (its reports' `series_size` and `series_killed`):
  the one operation, within a day of the whole report's day, whose total is the whole
  report's very toll and which has one incident per strike; its seas are the parts' own
  (the whole report names the first sea it told);
- else the incidents of the very same day in a place that agrees positively with its own
  (the same sea; a town in the country it names), each with a toll of its own below the
  whole one: the whole report's figure must lie inside the parts' summed range ("14" for
  7-8, 3-4 and 2-3), and its strike count, where told, must be their number.

Agreement links, contradiction doesn't: a whole report whose toll the parts do not add up
to, or two part sets, stays as it was; so does one with no day of its own. Then the whole
incident is dissolved into the parts (`told_whole`): each part gains its sources, lists
its reports in `Incident.told_whole_by` with the sentences that told the day whole as that
field's provenance (`telling_spans`: those carrying the whole toll or count; a sentence of
the same page telling one strike alone is no evidence of the others); no part's own
figures change. Its day does where the whole reports all give the day before it: a
strike is told on its day or after, so the parts' day was their announcement's
(`_day_before`).

Reviewed incidents (a review names them or one of their reports) take no part, as in
attaching. Both resolvers run it on the same incidents (`resolve._finish` after attaching;
`streamed._day_whole`), and it reads nothing but the final incidents and each report's
operation fields, so an incremental run gives what a from-scratch run gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from strikewatch.ledger.reviews import Review, review_scope
from strikewatch.records import Incident, Mention, Span
from strikewatch.resolve.attaching import Profile, profile, targets_compatible
from strikewatch.resolve.features import day_number, places_compatible

#: provenance fields that tell a figure of the whole day, not of one of its strikes
COUNT_KEYS = frozenset({"killed", "injured", "civilians_killed", "children_killed",
                        "survivors", "missing", "strikes"})


@dataclass(frozen=True)
class Operation:
    """What the day's-operation fields of an incident's reports say: whether every report
    is unsplit (a candidate whole report), and the (strike count, total toll) of each
    operation a report of it was split from. (Tried: no report naming a strike by its
    ordinal; "dating from the first strike on 2 September" is another strike's.)"""

    unsplit: bool
    ops: frozenset[tuple[int, int]]


def operation_of(mentions: Iterable[Mention]) -> Operation:
    ms = list(mentions)
    return Operation(
        unsplit=bool(ms) and all(m.series_rank is None for m in ms),
        ops=frozenset((m.series_size, m.series_killed) for m in ms
                      if m.series_rank is not None and m.series_size is not None
                      and m.series_killed is not None and m.series_size >= 2))


def single_day(p: Profile) -> int | None:
    """The one day a dated incident is on, else None."""
    if p.dated and p.window is not None and p.window[0] == p.window[1]:
        return p.window[0]
    return None


def _count(p: Profile) -> int | None:
    """The strike count it tells, where closed."""
    if p.strikes is not None and p.strikes[1] is not None and p.strikes[0] == p.strikes[1]:
        return p.strikes[0]
    return None


def _parties_fit(w: Profile, q: Profile) -> bool:
    """Nothing but the place and the toll could say they are different strikes."""
    if w.articles & q.articles:
        return False
    if w.actor_country and q.actor_country and w.actor_country != q.actor_country:
        return False
    if w.domain and q.domain and w.domain != q.domain:
        return False
    return targets_compatible(w, q)


def _whole(p: Profile, op: Operation | None) -> bool:
    """Could tell a day whole: every report unsplit, a toll of at least two, not one
    strike by its own count."""
    return op is not None and op.unsplit and p.killed is not None and p.killed[0] >= 2 and \
        (p.strikes is None or p.strikes[0] >= 2)


def _sum_holds(w: Profile, parts: Sequence[Profile], exact: bool) -> bool:
    """Whether the parts' tolls add up to the whole report's figure: its low end inside
    their summed range (`exact`: every part's toll known and bounded), or at least not
    above it (a part told without a toll leaves the sum open)."""
    assert w.killed is not None
    lo = sum(q.killed[0] for q in parts if q.killed is not None)
    his = [q.killed[1] if q.killed is not None else None for q in parts]
    if exact and None in his:
        return False
    hi = None if None in his else sum(h for h in his if h is not None)
    if lo > (w.killed[1] if w.killed[1] is not None else w.killed[0]):
        return False
    return hi is None or hi >= w.killed[0]


def _operation_parts(w: Profile, everyone: Sequence[Profile],
                     ops: Mapping[str, Operation]) -> list[Profile] | None:
    """The incidents of the one split operation whose total is `w`'s very toll and whose
    day is within a day of `w`'s, one per strike; None where there is none or more than
    one. (Only for a dated `w`: an undated page's lede joined Oct. 27's three strikes by
    their total alone, but its page told the third strike alone too, and its sentence is
    that strike's evidence as much as the day's.)"""
    assert w.killed is not None
    day = single_day(w)
    if w.killed[1] != w.killed[0] or day is None:
        return None
    total, n = w.killed[0], _count(w)
    groups: dict[tuple[int, int], list[Profile]] = {}
    for q in everyone:
        qd = single_day(q)
        if qd is None or q.id == w.id or abs(qd - day) > 1:
            continue
        for size, killed in ops[q.id].ops if q.id in ops else ():
            if killed == total and (n is None or n == size):
                groups.setdefault((size, killed), []).append(q)
    fits = [qs for (size, _), qs in groups.items()
            if len(qs) == size and all(_parties_fit(w, q) for q in qs)]
    if len(fits) != 1 or not _sum_holds(w, fits[0], exact=False):
        return None
    return fits[0]


def _zone_parts(w: Profile, by_day: Mapping[int, list[Profile]],
                ops: Mapping[str, Operation]) -> list[Profile] | None:
    """The incidents of `w`'s very day in a place agreeing with its own, each a strike's
    with a toll below the whole one, adding up to it (and as many as it counts)."""
    day = single_day(w)
    if day is None or w.killed is None:
        return None
    parts = [q for q in by_day.get(day, ()) if q.id != w.id and
             places_compatible(w.place, q.place) is True and _parties_fit(w, q) and
             (q.strikes is None or q.strikes == (1, 1)) and
             not (q.killed is not None and q.killed[0] >= w.killed[0])]
    n = _count(w)
    if len(parts) < 2 or (n is not None and len(parts) != n):
        return None
    if any(q.killed is None for q in parts) or not _sum_holds(w, parts, exact=True):
        return None
    return parts


def day_parts(profiles: Iterable[Profile], ops: Mapping[str, Operation],
              reviews: Iterable[Review] = ()) -> dict[str, list[str]]:
    """Whole report incident id -> the ids of the part incidents it tells (module doc)."""
    rids, rmids = review_scope(reviews)
    def free(p: Profile) -> bool:
        return p.id not in rids and rmids.isdisjoint(p.mentions)
    everyone = sorted((p for p in profiles if free(p)), key=lambda p: p.id)
    by_day: dict[int, list[Profile]] = {}
    for p in everyone:
        d = single_day(p)
        if d is not None:
            by_day.setdefault(d, []).append(p)
    out: dict[str, list[str]] = {}
    for w in everyone:
        if single_day(w) is None or not _whole(w, ops.get(w.id)):
            continue
        parts = _operation_parts(w, everyone, ops) or _zone_parts(w, by_day, ops)
        if parts:
            out[w.id] = sorted(q.id for q in parts)
    # a part is never itself dissolved
    used = {q for qs in out.values() for q in qs}
    return {w: qs for w, qs in out.items() if w not in used}


def telling_spans(mentions: Iterable[Mention]) -> list[Span]:
    """The sentences that tell the day whole: those of the whole reports' sentences that
    carry their toll or strike count (all of a report's that told neither, joined to the
    whole one by linking). Only these are the parts' evidence: the same page may tell one
    of the strikes alone elsewhere ("the third boat carried two")."""
    out: list[Span] = []
    for m in mentions:
        figures = [s for k in COUNT_KEYS for s in m.provenance.get(k, ())
                   if s.article_id == m.article_id]
        for sent in m.spans:
            if sent not in out and (not figures or any(
                    sent.start < f.end and f.start < sent.end for f in figures)):
                out.append(sent)
    return out


def told_whole(part: Incident, wholes: Sequence[Incident],
               telling: Sequence[Span]) -> Incident:
    """The part incident with the whole reports as sources: their articles in `sources`,
    their report ids in `told_whole_by`, and the sentences that told the day whole
    (`telling_spans`) as that field's provenance; no figure of the part changes."""
    sources = list(part.sources)
    have = {s.article_id for s in sources}
    told = set(part.told_whole_by)
    for w in wholes:
        for s in w.sources:
            if s.article_id not in have:
                have.add(s.article_id)
                sources.append(s)
        told.update(w.mention_ids)
    provenance = {k: list(v) for k, v in part.provenance.items()}
    mine = provenance.setdefault("told_whole_by", [])
    mine.extend(s for s in telling if s not in mine)
    if not mine:
        del provenance["told_whole_by"]
    update: dict[str, object] = {"sources": sources, "provenance": provenance,
                                 "told_whole_by": sorted(told)}
    day = _day_before(part, wholes)
    if day is not None:
        update.update(date_low=day, date_high=day, time_precision=1,
                      flags=[*part.flags, f"date: a report told the day whole on {day}, "
                                          f"the parts' reports on {part.date_low}"])
        dates = provenance.setdefault("date", [])
        dates.extend(s for w in wholes for s in w.provenance.get("date", ()) if s not in dates)
    return part.model_copy(update=update)


def _day_before(part: Incident, wholes: Sequence[Incident]) -> str | None:
    """The day the whole reports all give where it is the day before the part's one day:
    a strike is told on its day or after it (an announcement's "said on Tuesday" dates
    the parts' reports, the recap's "On Monday, forces hit three boats" the day itself),
    so the earlier day is the strike's, as `merging._date` takes the earliest of its own
    reports' days. A night, a span or days that differ change nothing."""
    lo = day_number(part.date_low)
    if lo is None or part.date_high != part.date_low or part.time_precision != 1:
        return None
    days = {(w.date_low, w.date_high, w.time_precision) for w in wholes}
    if len(days) != 1:
        return None
    ((d, d_hi, prec),) = days
    return d if prec == 1 and d == d_hi and day_number(d) == lo - 1 else None


def with_whole_days(incidents: list[Incident], mentions: Mapping[str, Mention],
                    reviews: Iterable[Review] = ()) -> list[Incident]:
    """The incidents (by id) with each whole report dissolved into its parts (module doc)."""
    profs = [p for p in (profile(i) for i in incidents) if p is not None]
    ops = {i.id: operation_of(mentions[m] for m in i.mention_ids if m in mentions)
           for i in incidents}
    groups = day_parts(profs, ops, reviews)
    if not groups:
        return incidents
    by_id = {i.id: i for i in incidents}
    wholes_of: dict[str, list[Incident]] = {}
    for w, parts in sorted(groups.items()):
        for q in parts:
            wholes_of.setdefault(q, []).append(by_id[w])
    def telling(ws: Sequence[Incident]) -> list[Span]:
        return telling_spans(mentions[m] for w in ws for m in w.mention_ids if m in mentions)
    return [told_whole(i, wholes_of[i.id], telling(wholes_of[i.id]))
            if i.id in wholes_of else i for i in incidents if i.id not in groups]

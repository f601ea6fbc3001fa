"""Tallies: aggregate claims kept apart from incidents, deduplicated, checked against the ledger.

Deduplication: tally mentions from different articles are one claim when they give the same
figures (strikes and killed), for a compatible actor and region; the merged tally keeps every
source and the widest period. Different figures (an updated count) stay separate tallies.

Reconciliation against the ledger, for the tally's actor (actor1 country, else name), region
(tally.place and every sea the tally's sentences name, read at extraction into
`Mention.regions`: "in the Caribbean and Pacific" is both seas; each a sea, a country, or a
point with its precision radius; none = any region)
and period (period_low..period_high; an open start is unbounded, an open end is the date the
claim was published). Counted incidents: status occurred, not background, not discounted.
- unknown: the tally gives no strike or death figure, or no incident on record is in scope;
- inconsistent: the ledger exceeds the tally's upper bound or falls short of its lower
  bound (difference = ledger minus tally bound, deaths first, else strikes);
- consistent: otherwise.
Unknown death tolls of counted incidents leave the ledger's upper bound open.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from strikewatch.ledger.counting import counted
from strikewatch.records import (
    Article,
    Incident,
    Mention,
    Place,
    Reconciliation,
    Source,
    Tally,
    stable_id,
)
from strikewatch.resolve.features import (
    PRECISION_RADIUS_KM,
    day_number,
    haversine_km,
    norm_name,
    sea_key,
)
from strikewatch.resolve.merging import mention_order


def _figures(m: Mention | Tally) -> tuple[int | None, ...]:
    return (m.strikes_low, m.strikes_high, m.killed_low, m.killed_high)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _region(p: Place | None) -> str | None:
    if p is None:
        return None
    return sea_key(p) or p.country or (p.name or "").lower() or None


def _same_claim(a: Mention, b: Mention) -> bool:
    if a.article_id == b.article_id or _figures(a) != _figures(b):
        return False
    ca = a.actor1.country if a.actor1 else None
    cb = b.actor1.country if b.actor1 else None
    return _compatible(ca, cb) and _compatible(_region(a.place), _region(b.place))


class ClaimKey(NamedTuple):
    """What deduplication reads of one tally mention (_same_claim's fields and the order):
    a few hundred bytes, so a streamed resolve can dedupe an archive's tally mentions
    without holding them."""

    order: tuple[str, str]  # merging.mention_order
    figures: tuple[int | None, ...]
    article_id: str
    country: str | None
    region: str | None

    @property
    def id(self) -> str:
        return self.order[1]


def claim_key(m: Mention, articles: Mapping[str, Article]) -> ClaimKey:
    return ClaimKey(mention_order(m, articles), _figures(m), m.article_id,
                    m.actor1.country if m.actor1 else None, _region(m.place))


@dataclass
class _Claim:
    """A group of tally mentions stating one claim, with what _same_claim checks against:
    a new mention joins only if it is the same claim as every member, i.e. from another
    article, with an actor country and a region compatible with every member's (None is
    compatible with anything, so only the members' known values matter)."""

    members: list[str]
    article_ids: set[str]
    countries: set[str]
    regions: set[str]

    def admits(self, k: ClaimKey) -> bool:
        return (k.article_id not in self.article_ids
                and (k.country is None or self.countries <= {k.country})
                and (k.region is None or self.regions <= {k.region}))

    def add(self, k: ClaimKey) -> None:
        self.members.append(k.id)
        self.article_ids.add(k.article_id)
        if k.country is not None:
            self.countries.add(k.country)
        if k.region is not None:
            self.regions.add(k.region)


def dedupe_keys(keys: Iterable[ClaimKey]) -> list[list[str]]:
    """Groups of tally mention ids that state one claim (deterministic order).

    A mention joins the first group whose every member states the same claim
    (_same_claim); each group keeps the sets that test answers from, so joining costs
    O(1) per group, not per member (large archives repeat the same figures often).
    """
    groups: list[list[str]] = []
    # One claim states the same figures, so only groups with equal figures are candidates:
    # blocking on them keeps this near-linear in the number of tally mentions.
    by_figures: dict[tuple[int | None, ...], list[_Claim]] = {}
    for k in sorted(keys, key=lambda k: k.order):
        candidates = by_figures.setdefault(k.figures, [])
        for g in candidates:
            if g.admits(k):
                g.add(k)
                break
        else:
            claim = _Claim([], set(), set(), set())
            claim.add(k)
            candidates.append(claim)
            groups.append(claim.members)
    return groups


def dedupe(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> list[list[Mention]]:
    """Groups of tally mentions that state one claim (dedupe_keys, on the mentions)."""
    by_id = {m.id: m for m in mentions}
    return [[by_id[i] for i in group]
            for group in dedupe_keys(claim_key(m, articles) for m in mentions)]


def build_tally(group: Sequence[Mention], articles: Mapping[str, Article]) -> Tally:
    """One tally from the mentions stating one claim (first mention = earliest reported)."""
    first = group[0]
    lows = [m.period_low for m in group if m.period_low]
    highs = [m.period_high for m in group if m.period_high]
    places = [m.place for m in group if m.place is not None]
    sources = []
    for aid in dict.fromkeys(m.article_id for m in group):
        sources.append(Source.of(aid, articles.get(aid)))
    prov: dict[str, list] = {}
    for m in group:
        for k, v in m.provenance.items():
            prov.setdefault(k, []).extend(v)
        if not m.provenance:
            prov.setdefault("tally", []).extend(m.spans)
    return Tally(
        id=stable_id("tally", first.id),
        event_type=first.event_type,
        sub_event_type=first.sub_event_type,
        # one copy may say what was hit ("strikes on drug boats") where another does not
        target_kind=next((m.target_kind for m in group if m.target_kind not in (None,
                                                                              "unknown")),
                         first.target_kind),
        domain=next((m.domain for m in group if m.domain), None),
        status=first.status,
        hedges=sorted({h for m in group for h in m.hedges}),
        place=min(places, key=lambda p: p.geo_precision or 99) if places else None,
        actor1=next((m.actor1 for m in group if m.actor1), None),
        strikes_low=first.strikes_low, strikes_high=first.strikes_high,
        killed_low=first.killed_low, killed_high=first.killed_high,
        civilians_killed_low=first.civilians_killed_low,
        civilians_killed_high=first.civilians_killed_high,
        period_low=min(lows) if lows else None,
        period_high=max(highs) if highs else None,
        approx=sorted({f for m in group for f in m.approx}),
        provenance=prov,
        sources=sources,
        mention_ids=sorted(m.id for m in group),
        attribution=[a for m in group for a in m.attribution],
    )


def _in_region(tally_place: Place | None, place: Place | None) -> bool:
    if tally_place is None:
        return True
    if place is None:
        return False
    ts, ps = sea_key(tally_place), sea_key(place)
    if ts and ps:
        return ts == ps
    if tally_place.kind == "country" or tally_place.geo_precision == 5:
        return bool(tally_place.country) and place.country == tally_place.country
    if (tally_place.latitude is not None and tally_place.longitude is not None
            and place.latitude is not None and place.longitude is not None):
        r = PRECISION_RADIUS_KM.get(tally_place.geo_precision or 0, 100.0)
        r += PRECISION_RADIUS_KM.get(place.geo_precision or 0, 100.0) if not ps else 0.0
        return haversine_km(tally_place.latitude, tally_place.longitude,
                            place.latitude, place.longitude) <= r
    return bool(tally_place.country) and place.country == tally_place.country


def _actor_match(tally: Tally, inc: Incident) -> bool:
    if tally.actor1 is None:
        return True
    if inc.actor1 is None:
        return False
    if tally.actor1.country:
        return inc.actor1.country == tally.actor1.country
    return norm_name(inc.actor1.name) == norm_name(tally.actor1.name)


def _kind_match(tally: Tally, inc: Incident) -> bool:
    """A tally of strikes on boats counts boat strikes only (target kind, domain, type)."""
    kind = tally.target_kind
    if kind and kind != "unknown" and inc.target_kind != kind:
        return False
    if tally.domain and inc.domain and inc.domain != tally.domain:
        return False
    return not (tally.event_type and inc.event_type and inc.event_type != tally.event_type)


def tally_regions(tally: Tally, group: Sequence[Mention]) -> list[Place]:
    """The areas a tally covers: its place, and every sea its mentions' sentences name.

    "Over 15 strikes in the Caribbean and Pacific" covers both seas, while a mention has one
    place; extraction reads them all once (`Mention.regions`, the `regions` component), so
    resolution never runs the geoparser. An empty list means any region.
    """
    regions = [tally.place] if tally.place is not None else []
    for m in group:
        regions += [p for p in m.regions if sea_key(p)]
    seen: set[tuple[object, ...]] = set()
    out = []
    for p in regions:
        key = (sea_key(p), p.country, p.name)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _period_days(tally: Tally) -> tuple[int | None, int | None]:
    """The tally's period as day numbers; an open end is the latest report's day."""
    lo = day_number(tally.period_low)
    hi = day_number(tally.period_high)
    if hi is None:
        pubs = [day_number(s.published) for s in tally.sources]
        known = [p for p in pubs if p is not None]
        hi = max(known) if known else None
    return lo, hi


def _in_scope(tally: Tally, inc: Incident, regions: Sequence[Place]) -> bool:
    """Is this counted incident of the tally's actor, kind and region (period aside)?"""
    return (_actor_match(tally, inc) and _kind_match(tally, inc)
            and (not regions or any(_in_region(r, inc.place) for r in regions)))


def reconcile(
    tally: Tally, incidents: Sequence[Incident], regions: Sequence[Place] | None = None
) -> Reconciliation:
    """Check one tally against the incidents on record (see the module docstring)."""
    if regions is None:
        regions = [tally.place] if tally.place is not None else []
    lo, hi = _period_days(tally)
    scope = []
    for inc in incidents:
        if not (counted(inc) and _in_scope(tally, inc, regions)):
            continue
        d = day_number(inc.date_low)
        if d is None or (lo is not None and d < lo) or (hi is not None and d > hi):
            continue
        scope.append(inc)
    k_hi: int | None = sum(i.killed_high for i in scope if i.killed_high is not None)
    if any(i.killed_high is None for i in scope):
        k_hi = None
    return _verdict(tally, len(scope), sum(i.killed_low or 0 for i in scope), k_hi)


def _verdict(tally: Tally, n: int, k_lo: int, k_hi: int | None) -> Reconciliation:
    """The reconciliation of a tally with the `n` incidents in its scope, `k_lo`..`k_hi`
    killed (None: some toll unknown, so no upper bound)."""
    has_figures = tally.strikes_low is not None or tally.strikes_high is not None or \
        tally.killed_low is not None or tally.killed_high is not None
    rec = Reconciliation(ledger_incidents=n, ledger_killed_low=k_lo, ledger_killed_high=k_hi)
    if not has_figures:
        rec.note = "the tally states no strike or death figure"
        return rec
    if n == 0:
        rec.note = "no incident on record for this actor, region and period"
        return rec
    problems: list[tuple[str, int, str]] = []
    if tally.killed_high is not None and k_lo > tally.killed_high:
        problems.append(("killed", k_lo - tally.killed_high,
                         f"ledger has at least {k_lo} killed, tally at most {tally.killed_high}"))
    if tally.killed_low is not None and k_hi is not None and k_hi < tally.killed_low:
        problems.append(("killed", k_hi - tally.killed_low,
                         f"ledger has at most {k_hi} killed, tally at least {tally.killed_low}"))
    if tally.strikes_high is not None and n > tally.strikes_high:
        problems.append(("strikes", n - tally.strikes_high,
                         f"ledger has {n} strikes, tally at most {tally.strikes_high}"))
    if tally.strikes_low is not None and n < tally.strikes_low:
        problems.append(("strikes", n - tally.strikes_low,
                         f"ledger has {n} strikes, tally at least {tally.strikes_low}"))
    if problems:
        rec.state = "inconsistent"
        rec.difference = problems[0][1]
        rec.note = "; ".join(p[2] for p in problems)
    else:
        rec.state = "consistent"
        rec.note = f"{n} incidents on record, {k_lo}-{'?' if k_hi is None else k_hi} killed"
    return rec


def _scope_key(inc: Incident) -> tuple[object, ...]:
    """Everything of an incident that decides whether it is in a tally's scope, period aside
    (_in_scope reads only these fields)."""
    a, p = inc.actor1, inc.place
    return (
        None if a is None else (a.country, a.name),
        inc.target_kind, inc.domain, inc.event_type,
        None if p is None else (p.name, p.kind, p.geo_precision, p.country,
                                p.latitude, p.longitude),
    )


@dataclass
class _Alike:
    """Counted incidents alike in their scope fields (_scope_key), by day, with running
    totals: one scope test and two binary searches answer a tally for all of them."""

    sample: Incident
    days: list[int] = field(default_factory=list)
    killed_low: list[int] = field(default_factory=lambda: [0])  # prefix sums
    killed_high: list[int] = field(default_factory=lambda: [0])
    high_unknown: list[int] = field(default_factory=lambda: [0])  # prefix counts


def _ledger_index(incidents: Iterable[Incident]) -> list[_Alike]:
    """The dated, counted incidents grouped by scope fields, each group sorted by day.

    Why: a tally's period is often open-ended ("since September"), so slicing by period
    alone still hands every tally most of the ledger (tallies × incidents). Incidents take
    their scope fields from small vocabularies (actors, event types, gazetteer places), so
    the groups grow far slower than the ledger and each tally costs O(groups × log n).
    `incidents` is read once, in id order, keeping a few numbers per incident and one
    sample per group (the first by day, then id): a streamed ledger needs no more memory.
    """
    samples: dict[tuple[object, ...], tuple[int, Incident]] = {}
    dated: list[tuple[int, tuple[object, ...], int, int, bool]] = []
    for inc in incidents:
        if not counted(inc) or (d := day_number(inc.date_low)) is None:
            continue
        key = _scope_key(inc)
        if key not in samples or d < samples[key][0]:
            samples[key] = (d, inc)
        dated.append((d, key, inc.killed_low or 0, inc.killed_high or 0,
                      inc.killed_high is None))
    dated.sort(key=lambda row: row[0])  # stable: same-day incidents stay in id order
    groups: dict[tuple[object, ...], _Alike] = {}
    for d, key, low, high, unknown in dated:
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Alike(sample=samples[key][1])
        g.days.append(d)
        g.killed_low.append(g.killed_low[-1] + low)
        g.killed_high.append(g.killed_high[-1] + high)
        g.high_unknown.append(g.high_unknown[-1] + unknown)
    return list(groups.values())


def _place_key(p: Place | None) -> tuple[object, ...] | None:
    """The fields of a place that _in_region reads."""
    if p is None:
        return None
    return (p.name, p.kind, p.geo_precision, p.country, p.latitude, p.longitude)


def _tally_scope_key(tally: Tally, regions: Sequence[Place]) -> tuple[object, ...]:
    """Everything of a tally that _in_scope reads (its period aside)."""
    a = tally.actor1
    return (None if a is None else (a.country, a.name), tally.target_kind, tally.domain,
            tally.event_type, tuple(_place_key(r) for r in regions))


def _reconcile_indexed(
    tally: Tally, index: Sequence[_Alike], regions: Sequence[Place],
    in_scope: dict[tuple[object, ...], list[_Alike]],
) -> Reconciliation:
    """reconcile(tally, incidents, regions) over the _ledger_index of those incidents.

    `in_scope` caches the groups in scope per tally scope: tallies repeat a few actors,
    kinds and regions, so most tallies only binary-search their period.
    """
    lo, hi = _period_days(tally)
    key = _tally_scope_key(tally, regions)
    groups = in_scope.get(key)
    if groups is None:
        groups = in_scope[key] = [g for g in index if _in_scope(tally, g.sample, regions)]
    n = k_lo = k_hi = unknown = 0
    for g in groups:
        first = 0 if lo is None else bisect.bisect_left(g.days, lo)
        last = len(g.days) if hi is None else bisect.bisect_right(g.days, hi)
        if last <= first:
            continue
        n += last - first
        k_lo += g.killed_low[last] - g.killed_low[first]
        k_hi += g.killed_high[last] - g.killed_high[first]
        unknown += g.high_unknown[last] - g.high_unknown[first]
    return _verdict(tally, n, k_lo, None if unknown else k_hi)


def resolve_tallies(
    mentions: Sequence[Mention], articles: Mapping[str, Article], incidents: Iterable[Incident],
) -> list[Tally]:
    """The deduplicated tallies, each reconciled against `incidents` (read once, in id
    order; a stream will do)."""
    return reconcile_groups(((g, articles) for g in dedupe(mentions, articles)), incidents)


def reconcile_groups(
    groups: Iterable[tuple[Sequence[Mention], Mapping[str, Article]]],
    incidents: Iterable[Incident],
) -> list[Tally]:
    """One reconciled tally per group of mentions stating one claim (each group with the
    articles its mentions come from). Groups are read once, one at a time: a streamed
    resolve fetches each group's mentions only when it is reached."""
    index = _ledger_index(incidents)
    in_scope: dict[tuple[object, ...], list[_Alike]] = {}
    tallies = []
    for group, articles in groups:
        t = build_tally(group, articles)
        regions = tally_regions(t, group)
        t.reconciliation = _reconcile_indexed(t, index, regions, in_scope)
        if regions:
            names = ", ".join(r.name or r.country or "?" for r in regions)
            t.reconciliation.note += f" (region: {names})"
        tallies.append(t)
    return sorted(tallies, key=lambda t: t.id)

"""What the API and the pages both read from the store: totals, one incident in full."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from strikewatch.records import Article, Incident, Mention, Review, Span
from strikewatch.store import IncidentQuery, Store
from strikewatch.web.review import effective

#: Without a store aggregate, totals are summed over at most this many matching incidents
#: (then marked partial), so a ledger page stays fast on a large archive.
TOTALS_CAP = 2000


@dataclass
class Totals:
    incidents: int = 0
    killed_low: int = 0
    killed_high: int | None = 0  # None: some incident reports "at least", no upper bound
    counted: int = 0  # incidents that entered the killed sums (occurred, not background)
    partial: bool = False


def ledger_totals(store: Store, query: IncidentQuery) -> Totals:
    """Incidents and killed low–high over everything the filters match (not only one page).

    Only occurred, non-background incidents enter the casualty sums, as in DESIGN.md.
    A store may offer `killed_totals(query) -> (incidents, killed_low, killed_high|None)`
    computed in SQL; it is used when present (it is not part of the Store interface).
    """
    aggregate = getattr(store, "killed_totals", None)
    if callable(aggregate):
        n, low, high = aggregate(query)
        return Totals(incidents=n, killed_low=low, killed_high=high, counted=n)
    total = store.count_incidents(query)
    t = Totals(incidents=total, partial=total > TOTALS_CAP)
    q = dataclasses.replace(query, limit=min(total, TOTALS_CAP), offset=0)
    if total == 0:
        return t
    t.killed_low, t.killed_high, t.counted = sum_killed(store.incidents(q))
    return t


def sum_killed(incidents: Iterable[Incident]) -> tuple[int, int | None, int]:
    """(killed low, killed high or None when open-ended, incidents counted) of occurred ones."""
    low, high, counted = 0, cast(int | None, 0), 0
    for inc in incidents:
        if inc.status != "occurred" or inc.background:
            continue
        if inc.killed_low is None and inc.killed_high is None:
            continue
        counted += 1
        low += inc.killed_low or 0
        if inc.killed_high is None:
            high = None
        elif high is not None:
            high += inc.killed_high
    return low, high, counted


@dataclass
class IncidentDetail:
    incident: Incident  # with reviews applied
    machine: Incident  # as stored
    articles: dict[str, Article] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    provenance: dict[str, list[Span]] = field(default_factory=dict)
    reviews: list[Review] = field(default_factory=list)


def fill_span(span: Span, articles: dict[str, Article]) -> Span:
    """The span with `text` set from its article (stored spans may leave it empty)."""
    art = articles.get(span.article_id)
    if art is not None and not span.text and 0 <= span.start < span.end <= len(art.text):
        return span.model_copy(update={"text": art.text[span.start:span.end]})
    return span


def incident_detail(store: Store, incident_id: str) -> IncidentDetail | None:
    machine = store.get_incident(incident_id)
    if machine is None:
        return None
    reviews = sorted(store.reviews(incident_id), key=lambda r: r.at)
    others: dict[str, Incident] = {}
    for r in reviews:
        for oid in r.payload.get("incident_ids", []):
            other = store.get_incident(oid)
            if other is not None:
                others[oid] = other
    inc = effective(machine, reviews, others)
    articles: dict[str, Article] = {}
    wanted = {s.article_id for s in inc.sources}
    wanted |= {sp.article_id for spans in inc.provenance.values() for sp in spans}
    for aid in sorted(wanted):
        art = store.get_article(aid)
        if art is not None:
            articles[aid] = art
    mention_ids = set(inc.mention_ids)
    mentions = [m for aid in articles for m in store.mentions(aid) if m.id in mention_ids]
    provenance = {k: [fill_span(s, articles) for s in v] for k, v in inc.provenance.items()}
    return IncidentDetail(inc, machine, articles, mentions, provenance, reviews)

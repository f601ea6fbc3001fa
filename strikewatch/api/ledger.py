"""What the API and the pages both read from the store: totals, one incident in full."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import cast

from strikewatch.records import Article, Incident, Mention, Review, Span
from strikewatch.store import IncidentQuery, Store
from strikewatch.web.review import effective

#: Without a store aggregate, the web page sums killed over at most this many matches;
#: past it the page says the sum was not made (a partial sum would mislead), so it stays fast.
TOTALS_CAP = 2000
#: The status of an answer for an incident id that moved (an older article joined its
#: incident and re-anchored the id; store.incident_redirect names the live id). 307, not
#: 301/308: a permanent redirect may be cached by browsers and proxies for good, but an id
#: can move again (a re-extraction or a removed article can move the anchor back), so every
#: GET should ask. 307 also keeps the method, unlike 302/303.
MOVED = 307
#: The API's opt-in `totals=true` sums over at most this many matches.
API_TOTALS_CAP = 100_000


@dataclass
class Totals:
    incidents: int = 0
    killed_low: int | None = 0  # None when not summed
    killed_high: int | None = 0  # None: not summed, or some report gives only "at least"
    counted: int = 0  # incidents that entered the killed sums (occurred, not background)
    summed: bool = True  # False: more matches than the cap, killed not summed


def ledger_totals(store: Store, query: IncidentQuery, cap: int = TOTALS_CAP) -> Totals:
    """Incidents and killed low–high over everything the filters match (not only one page).

    Only occurred, non-background incidents enter the casualty sums, as in DESIGN.md.
    A store may offer `killed_totals(query) -> (incidents, killed_low, killed_high|None,
    counted)` computed in SQL (the SQL store does); it is used when present, so totals are
    exact at any size. Otherwise they are summed here, up to `cap` matches.
    """
    aggregate = getattr(store, "killed_totals", None)
    if callable(aggregate):
        n, low, high, counted = aggregate(query)
        return Totals(incidents=n, killed_low=low, killed_high=high, counted=counted)
    total = store.count_incidents(query)
    if total > cap:
        return Totals(incidents=total, killed_low=None, killed_high=None, summed=False)
    t = Totals(incidents=total)
    if total == 0:
        return t
    q = dataclasses.replace(query, limit=total, offset=0)
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


def with_reviews(store: Store, incidents: list[Incident]) -> list[Incident]:
    """The incidents with their reviews applied (reviews win until the next resolve run).

    Filters and sorting ran on the stored values; what is shown is the reviewed value.
    """
    if not incidents:
        return incidents
    ids = {i.id for i in incidents}
    by_incident: dict[str, list[Review]] = {}
    for r in store.reviews():
        targets = {r.incident_id}
        if r.action == "merge":
            targets |= set(r.payload.get("incident_ids", []))
        for iid in targets & ids:
            by_incident.setdefault(iid, []).append(r)
    if not by_incident:
        return incidents
    return [effective(i, by_incident[i.id]) if i.id in by_incident else i for i in incidents]


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
    reviews = list(store.reviews(incident_id))
    # merges made on another incident that folded this one in (shown until re-resolution)
    reviews += [r for r in store.reviews() if r.action == "merge"
                and r.incident_id != incident_id
                and incident_id in r.payload.get("incident_ids", [])]
    reviews.sort(key=lambda r: (r.at, r.id))
    others: dict[str, Incident] = {}
    for r in reviews:
        for oid in r.payload.get("incident_ids", []):
            other = store.get_incident(oid)
            if other is not None:
                others[oid] = other
    inc = effective(machine, reviews, others)
    wanted = {s.article_id for s in inc.sources}
    wanted |= {sp.article_id for spans in inc.provenance.values() for sp in spans}
    articles = store.get_articles(sorted(wanted))
    articles = {aid: articles[aid] for aid in sorted(articles)}
    mentions = store.get_mentions(inc.mention_ids)
    provenance = {k: [fill_span(s, articles) for s in v] for k, v in inc.provenance.items()}
    return IncidentDetail(inc, machine, articles, mentions, provenance, reviews)

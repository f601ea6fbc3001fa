"""The ledger as every front door reads it: totals over a filter, one incident in full.

The stored ledger already holds the reviewed incidents (reviews are applied where the
ledger is written: ledger.reviews), so the API, the pages, the exports and the CLI read
the same values; this module adds only what a reader of one incident needs beside them —
the machine's values, the reviews, the sources and the evidence sentences.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from strikewatch.ledger.counting import sum_killed
from strikewatch.ledger.evidence import provenance_evidence
from strikewatch.ledger.reviews import machine_values
from strikewatch.records import Article, Evidence, Incident, Mention, Review
from strikewatch.store import IncidentQuery, Store

#: Without a store aggregate, totals are summed here over at most this many matches;
#: past it they are not made (a partial sum would mislead), so pages stay fast.
TOTALS_CAP = 2000
#: The API's opt-in `totals=true` sums over at most this many matches (without an aggregate).
API_TOTALS_CAP = 100_000
#: The status of an answer for an incident id that moved (an older article joined its
#: incident and re-anchored the id, or a review merged it away; store.incident_redirect
#: names the live id). 307, not 301/308: a permanent redirect may be cached for good, but
#: an id can move again, so every GET should ask. 307 also keeps the method.
MOVED = 307


@dataclass
class Totals:
    incidents: int = 0
    killed_low: int | None = 0  # None when not summed
    killed_high: int | None = 0  # None: not summed, or some report gives only "at least"
    counted: int = 0  # incidents that entered the killed sums (ledger.counting.counted)
    summed: bool = True  # False: more matches than the cap, killed not summed


def ledger_totals(store: Store, query: IncidentQuery, cap: int = TOTALS_CAP) -> Totals:
    """Incidents and killed low–high over everything the filters match (not one page),
    by the one counting rule (ledger.counting). A store with `killed_totals(query)` (the
    SQL store) sums in the database, exact at any size; otherwise up to `cap` matches are
    summed here."""
    aggregate = getattr(store, "killed_totals", None)
    if callable(aggregate):
        n, low, high, n_counted = aggregate(query)
        return Totals(incidents=n, killed_low=low, killed_high=high, counted=n_counted)
    total = store.count_incidents(query)
    if total > cap:
        return Totals(incidents=total, killed_low=None, killed_high=None, summed=False)
    if total == 0:
        return Totals()
    s = sum_killed(store.incidents(dataclasses.replace(query, limit=total, offset=0)))
    return Totals(incidents=total, killed_low=s.low, killed_high=s.high, counted=s.counted)


@dataclass
class IncidentDetail:
    incident: Incident  # as stored: reviews applied
    machine: Incident  # the machine's values, where a review changed one
    articles: dict[str, Article] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    # every field's spans with the sentences they stand in (ledger.evidence)
    provenance: dict[str, list[Evidence]] = field(default_factory=dict)
    reviews: list[Review] = field(default_factory=list)




def incident_reviews(store: Store, incident_id: str) -> list[Review]:
    """The reviews of one incident, and merges made on others that name it, by time."""
    reviews = list(store.reviews(incident_id))
    reviews += [r for r in store.reviews() if r.action == "merge"
                and r.incident_id != incident_id
                and incident_id in r.payload.get("incident_ids", [])]
    return sorted(reviews, key=lambda r: (r.at, r.id))


def incident_detail(store: Store, incident_id: str) -> IncidentDetail | None:
    inc = store.get_incident(incident_id)
    if inc is None:
        return None
    wanted = {s.article_id for s in inc.sources}
    wanted |= {sp.article_id for spans in inc.provenance.values() for sp in spans}
    found = store.get_articles(sorted(wanted))
    articles = {aid: found[aid] for aid in sorted(found)}
    mentions = store.get_mentions(inc.mention_ids)
    provenance = provenance_evidence(inc.provenance,
                                     {aid: a.text for aid, a in articles.items()})
    return IncidentDetail(inc, machine_values(inc), articles, mentions, provenance,
                          incident_reviews(store, incident_id))

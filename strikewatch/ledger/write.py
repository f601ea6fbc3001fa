"""How an editor's decision reaches the stored ledger: checked, applied, written at once.

`decide` turns a request (a web form or an API body) into a checked Review, with the
incident before and after; `record_review` stores it together with the incidents it
changes, so every reader — exports, totals, filters, the timeline, the CLI — sees the
reviewed value from the next request on, not from the next resolve run. The resolver
re-applies the same review with the same engine (ledger.reviews.apply_reviews) on every
run, reaching the same incidents.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from strikewatch.errors import StaleStore
from strikewatch.ledger.reviews import (
    STRUCTURE,
    ReviewError,
    check_incident,
    make_review,
    review_changes,
    review_payload,
)
from strikewatch.records import Incident, Review, Tally
from strikewatch.store import IncidentQuery, Store
from strikewatch.validation import InvalidText, check_text

#: Tries of one review against concurrent writers of the same incidents.
ATTEMPTS = 3


def _region(store: Store, incident: Incident, action: str, payload: dict[str, Any]
            ) -> tuple[dict[str, Incident], list[Review], dict[str, Any], dict[str, Any]]:
    """The stored incidents a decision touches, the reviews already on them, and (for a
    merge or split) their mentions and articles."""
    stored = {incident.id: incident}
    for oid in payload.get("incident_ids", []):
        other = store.get_incident(oid)
        if other is None:
            raise ReviewError(f"no incident with id {oid!r}")
        stored[oid] = other
    if action not in STRUCTURE:
        return stored, [], {}, {}
    earlier = [r for iid in stored for r in store.reviews(iid)]
    mention_ids = [m for inc in stored.values() for m in inc.mention_ids]
    mentions = {m.id: m for m in store.get_mentions(mention_ids)}
    articles = store.resolve_articles({m.article_id for m in mentions.values()})
    return stored, earlier, mentions, articles


@dataclass
class Decision:
    """A checked review and what it does to the ledger."""

    review: Review
    changed: list[Incident]  # incidents new or changed
    removed: list[str]  # ids that leave the ledger (merged away)
    base: list[Incident]  # the stored incidents it was computed from


def decide(store: Store, incident: Incident, username: str, action: str,
           data: Mapping[str, Any], note: str = "") -> Decision:
    """The Review for this decision and what it does to the ledger. Raises ReviewError
    with a reason an editor can act on."""
    try:  # the store refuses it too (validation.check_review); say why here, as a 400
        check_text("note", note)
    except InvalidText as exc:
        raise ReviewError(str(exc)) from None
    payload = review_payload(action, incident, data)
    stored, earlier, mentions, articles = _region(store, incident, action, payload)
    review = make_review(action, incident, username, payload, note)
    changed, removed = review_changes(review, stored, earlier, mentions, articles)
    after = next((i for i in changed if i.id == incident.id), incident)
    check_incident(after)
    review.after = after.model_dump(mode="json")
    return Decision(review, changed, removed, list(stored.values()))


def tallies_after(store: Store, changed: list[Incident], removed: list[str]) -> list[Tally]:
    """The tallies reconciled against the ledger as it will be once `changed` and `removed`
    are written (resolve.tallies, as the resolver does it: a review that changes a toll or
    rejects a strike changes what the ledger says against every tally)."""
    from strikewatch.resolve.tallies import resolve_tallies  # the resolver's rules, lazily

    ledger = {i.id: i for i in store.incidents(IncidentQuery(limit=0))}
    for iid in removed:
        ledger.pop(iid, None)
    ledger.update({i.id: i for i in changed})
    mentions = list(store.mentions(kind="tally"))
    ids = {m.article_id for m in mentions}
    articles = store.resolve_articles(ids, with_text=ids)
    return resolve_tallies(mentions, articles, [ledger[i] for i in sorted(ledger)])


def record_review(store: Store, incident: Incident, username: str, action: str,
                  data: Mapping[str, Any], note: str = "") -> Review:
    """Decide and write: the review, the incidents it changes and the tallies' checks
    against the changed ledger, in one transaction."""
    for _ in range(ATTEMPTS):
        d = decide(store, incident, username, action, data, note)
        try:
            store.record_review(d.review, d.changed, d.removed,
                                tallies_after(store, d.changed, d.removed), base=d.base)
            return d.review
        except StaleStore:  # another writer changed these incidents first: read again
            again = store.get_incident(incident.id)
            if again is None:
                raise ReviewError(f"incident {incident.id!r} left the ledger while the "
                                  "review was made (merged, or moved by a new report); "
                                  "reload it and review again") from None
            incident = again
    raise ReviewError("the ledger kept changing while the review was made; try again")

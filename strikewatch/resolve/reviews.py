"""A person's decisions, applied after machine resolution on every run: reviews always win.

Reviews are kept as records (the store's reviews table) and re-applied to each freshly
resolved ledger, so re-extraction and re-resolution never erase them. Two passes, each in
the order the reviews were made (`at`, then id):
1. structure — `merge` (payload `incident_ids`: the incidents folded into this one, which
   keeps its id; or `into`: this incident was folded into that one) and `split` (payload
   `mention_ids`: moved out into a new incident whose id derives from them); merged/split
   incidents are re-merged and re-graded from their mentions;
2. fields — `edit` (payload `fields`: field -> value, as the web writes it; a bare
   field -> value payload, or the before/after difference, also work), `accept` (marks it
   reviewed),
   `reject` (grade discounted with the reviewer's reason; the incident stays searchable but
   no longer counts).
A review whose incident id no longer exists (a backfilled earlier article can re-anchor an
id) is re-attached to the incident holding most of the mentions in `before.mention_ids`;
one that cannot be placed is skipped with a warning, never an error for the batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from strikewatch.records import Article, Incident, Mention, Review, stable_id
from strikewatch.resolve.merging import build_incident

log = logging.getLogger(__name__)

_EDITABLE_BLOCKLIST = {"id", "kind", "mention_ids", "sources", "reviewed"}
#: The flag a rejected incident carries (the same text the web's review overlay uses).
REJECTED_FLAG = "rejected in review"


def _locate(review: Review, incidents: dict[str, Incident]) -> str | None:
    if review.incident_id in incidents:
        return review.incident_id
    wanted = set((review.before or {}).get("mention_ids") or [])
    if review.action == "split":
        wanted |= set(review.payload.get("mention_ids") or [])
    if not wanted:
        return None
    best = max(incidents.values(), key=lambda i: (len(wanted & set(i.mention_ids)), i.id),
               default=None)
    if best is None or not wanted & set(best.mention_ids):
        return None
    return best.id


def review_scope(reviews: Iterable[Review]) -> tuple[set[str], set[str]]:
    """(incident ids, mention ids) these reviews name: apply_reviews changes, or looks
    for, only incidents with one of these ids or holding one of these mentions (what
    _locate and the merge and split below read), so the rest of a ledger can be written
    without them (resolve.streamed holds back only these)."""
    incident_ids: set[str] = set()
    mention_ids: set[str] = set()
    for r in reviews:
        incident_ids.add(r.incident_id)
        mention_ids.update((r.before or {}).get("mention_ids") or [])
        if r.action == "merge":
            incident_ids.update(r.payload.get("incident_ids") or [])
            if r.payload.get("into"):
                incident_ids.add(r.payload["into"])
        elif r.action == "split":
            mention_ids.update(r.payload.get("mention_ids") or [])
    return incident_ids, mention_ids


def apply_reviews(
    incidents: Iterable[Incident],
    reviews: Iterable[Review],
    mentions: Mapping[str, Mention],
    articles: Mapping[str, Article],
) -> list[Incident]:
    """The ledger after the reviews; `mentions` maps every event mention id to its mention."""
    ledger = {i.id: i for i in incidents}
    ordered = sorted(reviews, key=lambda r: (r.at, r.id))

    def rebuild(iid: str, mention_ids: Iterable[str], reviewed: bool = True) -> Incident:
        ms = [mentions[m] for m in sorted(set(mention_ids)) if m in mentions]
        inc = build_incident(ms, articles)
        return inc.model_copy(update={"id": iid, "reviewed": reviewed})

    for r in ordered:
        if r.action not in ("merge", "split"):
            continue
        target = _locate(r, ledger)
        if target is None:
            log.warning("review %s: incident %s not found; skipped", r.id, r.incident_id)
            continue
        if r.action == "merge":
            into = r.payload.get("into")
            if into:  # the web records the merged-away side too: {"into": target}
                if into in ledger and into != target:
                    ids = [*ledger[into].mention_ids, *ledger.pop(target).mention_ids]
                    ledger[into] = rebuild(into, ids)
                continue  # already merged by the target's own review
            others = [o for o in r.payload.get("incident_ids", []) if o in ledger and o != target]
            if not others:
                log.warning("review %s: nothing to merge into %s", r.id, target)
                continue
            ids = list(ledger[target].mention_ids)
            for o in others:
                ids += ledger.pop(o).mention_ids
            ledger[target] = rebuild(target, ids)
        else:
            move = set(r.payload.get("mention_ids", [])) & set(ledger[target].mention_ids)
            keep = [m for m in ledger[target].mention_ids if m not in move]
            if not move or not keep:
                log.warning("review %s: split of %s moves nothing or everything", r.id, target)
                continue
            ledger[target] = rebuild(target, keep)
            new_id = stable_id("incident", "split", *sorted(move))
            ledger[new_id] = rebuild(new_id, move)

    for r in ordered:
        if r.action in ("merge", "split"):
            continue
        target = _locate(r, ledger)
        if target is None:
            log.warning("review %s: incident %s not found; skipped", r.id, r.incident_id)
            continue
        inc = ledger[target]
        update: dict[str, object] = {"reviewed": True}
        if r.action == "edit":
            changes = r.payload.get("fields", r.payload) if r.payload else {}
            if not changes and r.after and r.before:
                changes = {k: v for k, v in r.after.items() if r.before.get(k) != v}
            for k, v in changes.items():
                if k in _EDITABLE_BLOCKLIST:
                    log.warning("review %s: field %s cannot be edited; ignored", r.id, k)
                    continue
                update[k] = v
            if "grade" in changes and "grade_reason" not in changes:
                update["grade_reason"] = f"set by reviewer {r.user}" + (
                    f": {r.note}" if r.note else "")
        elif r.action == "reject":
            update["grade"] = "discounted"
            update["grade_reason"] = f"rejected by reviewer {r.user}" + (
                f": {r.note}" if r.note else "")
            if REJECTED_FLAG not in inc.flags:
                update["flags"] = [*inc.flags, REJECTED_FLAG]
        try:
            ledger[target] = Incident.model_validate({**inc.model_dump(), **update})
        except ValueError as exc:
            log.warning("review %s: invalid edit of %s (%s); skipped", r.id, target, exc)
    return sorted(ledger.values(), key=lambda i: i.id)

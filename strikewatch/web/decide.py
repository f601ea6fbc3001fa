"""Turn an editor's request (a web form or an API body) into a checked records.Review.

One function for both front doors, so the web page and `POST /api/incidents/{id}/reviews`
accept and reject exactly the same decisions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from strikewatch.api.ledger import IncidentDetail
from strikewatch.records import Incident, Review
from strikewatch.store import Store
from strikewatch.web.review import EDITABLE, ReviewError, make_review, parse_field

ACTIONS = ("accept", "edit", "merge", "split", "reject")


def _ids(raw: Any) -> list[str]:
    """A list of ids from a list, or from one string separated by commas or spaces."""
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    out: list[str] = []
    for item in items:
        out += str(item).replace(",", " ").split()
    return list(dict.fromkeys(out))


def decide(store: Store, detail: IncidentDetail, username: str, action: str,
           data: Mapping[str, Any], note: str = "") -> Review:
    """The Review for this decision; raises ReviewError with a reason an editor can act on.

    `data`: for edit, field -> new value (only fields that differ are recorded); for merge,
    `incident_ids`; for split, `mention_ids`; accept and reject need nothing.
    """
    inc = detail.incident
    payload: dict[str, Any] = {}
    others: dict[str, Incident] = {}
    if action == "edit":
        unknown = [k for k in data if k not in EDITABLE and k not in ("action", "note")]
        if unknown:
            raise ReviewError(f"cannot edit {', '.join(sorted(unknown))}; editable fields: "
                              f"{', '.join(EDITABLE)}")
        for name in EDITABLE:
            if name in data:
                raw = data[name]
                value = parse_field(name, "" if raw is None else str(raw))
                if value != getattr(inc, name):
                    payload[name] = value
        if not payload:
            raise ReviewError("nothing was changed")
    elif action == "merge":
        ids = [i for i in _ids(data.get("incident_ids")) if i != inc.id]
        if not ids:
            raise ReviewError("give the id of at least one other incident to merge")
        for oid in ids:
            other = store.get_incident(oid)
            if other is None:
                raise ReviewError(f"no incident with id {oid!r}")
            others[oid] = other
        payload = {"incident_ids": ids}
    elif action == "split":
        moved = [m for m in _ids(data.get("mention_ids")) if m in inc.mention_ids]
        if not moved or len(moved) == len(inc.mention_ids):
            raise ReviewError("choose some, but not all, of the mentions to split off")
        keep_articles = sorted({m.article_id for m in detail.mentions if m.id not in moved})
        payload = {"mention_ids": moved, "keep_articles": keep_articles}
    elif action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}; one of {', '.join(ACTIONS)}")
    return make_review(action, inc, username, payload, note[:2000], others)

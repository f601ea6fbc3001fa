"""Turn an editor's request (a web form or an API body) into a checked records.Review.

One guard (`reviewer`) and one decision function (`decide`) for both front doors, so the
web page and `POST /api/incidents/{id}/reviews` admit the same people and accept and
reject exactly the same decisions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request

from strikewatch.api.ledger import IncidentDetail, incident_detail
from strikewatch.records import Incident, Review
from strikewatch.store import Store
from strikewatch.validation import InvalidText, check_text
from strikewatch.web.auth import User, request_user
from strikewatch.web.review import EDITABLE, ReviewError, make_review, parse_field

ACTIONS = ("accept", "edit", "merge", "split", "reject")


@dataclass
class Reviewer:
    """An editor cleared to review one incident, with the store and the incident's detail."""

    user: User
    store: Store
    detail: IncidentDetail


def reviewer(request: Request, incident_id: str, *, basic_challenge: bool = False) -> Reviewer:
    """The checks every review request passes before `decide`, in this order: signed in
    (401; 429 after too many failed logins), editor or admin (403), the incident exists
    (404). `basic_challenge`: the 401 invites HTTP Basic (API clients; a browser would
    show a password dialog, so pages leave it out). CSRF is checked before, by each door."""
    user = request_user(request)
    if user is None:
        headers = {"WWW-Authenticate": 'Basic realm="strikewatch"'} if basic_challenge else None
        raise HTTPException(401, "sign in as an editor to review incidents", headers=headers)
    if not user.can("editor"):
        raise HTTPException(403, f"your role ({user.role}) can read but not review")
    store: Store = request.app.state.store
    detail = incident_detail(store, incident_id)
    if detail is None:
        raise HTTPException(404, f"no incident with id {incident_id!r}")
    return Reviewer(user, store, detail)


def _ids(name: str, raw: Any) -> list[str]:
    """A list of ids from a list of strings, or from one string separated by commas or
    spaces; ReviewError for anything else (a number, an object)."""
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ReviewError(f"{name} must be a list of ids (strings), or one string of ids "
                          "separated by commas")
    out: list[str] = []
    for item in items:
        out += item.replace(",", " ").split()
    return list(dict.fromkeys(out))


def decide(store: Store, detail: IncidentDetail, username: str, action: str,
           data: Mapping[str, Any], note: str = "") -> Review:
    """The Review for this decision; raises ReviewError with a reason an editor can act on.

    `data`: for edit, field -> new value (only fields that differ are recorded); for merge,
    `incident_ids`; for split, `mention_ids`; accept and reject need nothing.
    """
    try:
        check_text("note", note)
        check_text("data", dict(data))
    except InvalidText as exc:
        raise ReviewError(str(exc)) from None
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
        ids = [i for i in _ids("incident_ids", data.get("incident_ids")) if i != inc.id]
        if not ids:
            raise ReviewError("give the id of at least one other incident to merge")
        for oid in ids:
            other = store.get_incident(oid)
            if other is None:
                raise ReviewError(f"no incident with id {oid!r}")
            others[oid] = other
        payload = {"incident_ids": ids}
    elif action == "split":
        moved = [m for m in _ids("mention_ids", data.get("mention_ids")) if m in inc.mention_ids]
        if not moved or len(moved) == len(inc.mention_ids):
            raise ReviewError("choose some, but not all, of the mentions to split off")
        keep_articles = sorted({m.article_id for m in detail.mentions if m.id not in moved})
        payload = {"mention_ids": moved, "keep_articles": keep_articles}
    elif action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}; one of {', '.join(ACTIONS)}")
    return make_review(action, inc, username, payload, note[:2000], others)

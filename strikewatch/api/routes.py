"""The REST API: /api/incidents, /api/incidents/{id}, /api/tallies, /api/articles, /api/export.

Every answer is JSON in the record formats of spec/records.md; every error is JSON too:
{"error": {"status": 404, "message": "no incident with id 'x'"}}.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from strikewatch.api.ledger import (
    API_TOTALS_CAP,
    MOVED,
    incident_detail,
    ledger_totals,
    with_reviews,
)
from strikewatch.api.query import QueryError, incident_query
from strikewatch.store import Store
from strikewatch.validation import InvalidText
from strikewatch.web.auth import SESSION_COOKIE, request_user
from strikewatch.web.limits import read_body

router = APIRouter(prefix="/api", tags=["ledger"])

EXPORT_FORMATS = {"jsonl": "application/x-ndjson", "csv": "text/csv",
                  "geojson": "application/geo+json"}


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def require_reader(request: Request) -> None:
    """API reads need a signed-in user (cookie or HTTP Basic) unless anonymous is on."""
    if request.app.state.auth.settings.allow_anonymous:
        return
    if request_user(request) is None:
        raise HTTPException(401, "sign in (session cookie or HTTP Basic) to read the ledger",
                            headers={"WWW-Authenticate": 'Basic realm="strikewatch"'})


def _query(request: Request, default_limit: int = 100) -> Any:
    try:
        return incident_query(request.query_params, default_limit)
    except QueryError as e:
        raise HTTPException(400, str(e)) from None


_filters = {
    "date_from": Query(None, description="incidents on or after this date (YYYY-MM-DD)"),
    "date_to": Query(None, description="incidents on or before this date (YYYY-MM-DD)"),
    "country": Query(None, description="ISO 3166-1 alpha-2 code, or a sea's name"),
    "status": Query(None, description="occurred, planned, threatened, denied, hypothetical"),
    "grade": Query(None, description="confirmed, fair, weak, contested, discounted"),
    "event_type": Query(None, description="ACLED event type"),
    "actor": Query(None, description="substring of actor1/actor2's name"),
    "q": Query(None, description="free text over place, actors and evidence"),
}


@router.get("/incidents", dependencies=[Depends(require_reader)])
def list_incidents(
    request: Request,
    date_from: str | None = _filters["date_from"],
    date_to: str | None = _filters["date_to"],
    country: str | None = _filters["country"],
    status: str | None = _filters["status"],
    grade: str | None = _filters["grade"],
    event_type: str | None = _filters["event_type"],
    actor: str | None = _filters["actor"],
    q: str | None = _filters["q"],
    sub_event_type: str | None = Query(None, description="ACLED sub-event type"),
    target_kind: str | None = Query(None, description="vessel, vehicle, building, ..."),
    domain: str | None = Query(None, description="land, sea or air"),
    min_killed: int | None = Query(None, ge=0, description="killed_low at least this"),
    sort: str = Query("date_low", description="column, '-' prefix for descending"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0, le=10**9),
    totals: bool = Query(False, description="also sum killed low–high over all matches "
                                            "(occurred incidents; up to 100,000 matches)"),
) -> dict[str, Any]:
    """A page of the ledger matching the filters, with the total count of matches."""
    store = get_store(request)
    query = _query(request)
    items = with_reviews(store, store.incidents(query))
    out: dict[str, Any] = {
        "total": store.count_incidents(query), "limit": query.limit, "offset": query.offset,
        "items": [i.model_dump(mode="json") for i in items],
    }
    if totals:
        t = ledger_totals(store, query, API_TOTALS_CAP)
        out["totals"] = {"incidents": t.incidents, "killed_low": t.killed_low,
                         "killed_high": t.killed_high, "summed": t.summed}
    return out


@router.get("/incidents/{incident_id}", dependencies=[Depends(require_reader)],
            responses={MOVED: {"description": "The id moved: Location names the incident "
                                              "now holding most of its mentions"}})
def get_incident(request: Request, incident_id: str) -> dict[str, Any]:
    """One incident (reviews applied) with its sources, mentions, provenance and history.

    An id that left the ledger because an older report re-anchored its incident answers
    307 with `Location: /api/incidents/{new id}` (and a JSON error body saying so).
    """
    store = get_store(request)
    detail = incident_detail(store, incident_id)
    if detail is None:
        new_id = store.incident_redirect(incident_id)
        if new_id is not None:
            raise HTTPException(MOVED, f"incident {incident_id!r} is now {new_id!r}",
                                headers={"Location": f"/api/incidents/{quote(new_id, safe='')}"})
        raise HTTPException(404, f"no incident with id {incident_id!r}")
    return {
        "incident": detail.incident.model_dump(mode="json"),
        "machine": detail.machine.model_dump(mode="json"),
        "sources": [
            {k: v for k, v in a.model_dump(mode="json").items() if k != "text"}
            for a in detail.articles.values()
        ],
        "mentions": [m.model_dump(mode="json") for m in detail.mentions],
        "provenance": {k: [s.model_dump(mode="json") for s in v]
                       for k, v in detail.provenance.items()},
        "reviews": [r.model_dump(mode="json") for r in detail.reviews],
    }


@router.get("/tallies", dependencies=[Depends(require_reader)])
def list_tallies(request: Request) -> dict[str, Any]:
    """Aggregate claims, each with its reconciliation against the ledger."""
    tallies = get_store(request).tallies()
    return {"total": len(tallies), "items": [t.model_dump(mode="json") for t in tallies]}


@router.get("/articles", dependencies=[Depends(require_reader)])
def list_articles(request: Request, limit: int = Query(100, ge=1, le=1000),
                  offset: int = Query(0, ge=0, le=10**9),
                  text: bool = Query(False, description="include each article's text")
                  ) -> dict[str, Any]:
    store = get_store(request)
    items = []
    for a in store.articles(limit=limit, offset=offset):
        d = a.model_dump(mode="json")
        if not text:
            d.pop("text", None)
        items.append(d)
    return {"total": store.count_articles(), "limit": limit, "offset": offset, "items": items}


@router.get("/articles/{article_id}", dependencies=[Depends(require_reader)])
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """One article with its text and the mentions extracted from it."""
    store = get_store(request)
    art = store.get_article(article_id)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return {"article": art.model_dump(mode="json"),
            "mentions": [m.model_dump(mode="json") for m in store.mentions(article_id)]}


@router.get("/export", dependencies=[Depends(require_reader)])
def export(request: Request, format: str = Query("jsonl", description="jsonl, csv or geojson")
           ) -> Response:
    """The ledger (filters apply) in one of the exchange formats of spec/records.md."""
    if format not in EXPORT_FORMATS:
        raise HTTPException(400, f"format: {format!r} is not one of "
                                 f"{', '.join(EXPORT_FORMATS)}")
    from strikewatch.api import exporting

    store = get_store(request)
    query = _query(request, default_limit=1000)
    try:
        body = exporting.export_text(store, query, format)
    except exporting.ExportUnavailable as e:
        raise HTTPException(501, str(e)) from None
    return Response(body, media_type=EXPORT_FORMATS[format],
                    headers={"Content-Disposition":
                             f'attachment; filename="strikewatch.{format}"'})


#: The largest review body read (a decision is a few hundred bytes; notes are cut at 2,000
#: characters). Checked while reading, after the sender is known to be an editor.
REVIEW_BODY_LIMIT = 64 * 1024


class ReviewIn(BaseModel):
    """An editor's decision. `data`: for edit, field -> new value; for merge,
    {"incident_ids": [...]}; for split, {"mention_ids": [...]}; accept/reject: {}.
    Unknown fields are refused (400), not ignored."""

    model_config = ConfigDict(extra="forbid")

    action: str = Field(description="accept, edit, merge, split or reject")
    data: dict[str, Any] = Field(default_factory=dict)
    note: str = ""


@router.post("/incidents/{incident_id}/reviews", status_code=201, openapi_extra={
    "requestBody": {"required": True, "content": {
        "application/json": {"schema": ReviewIn.model_json_schema()}}}})
async def add_review(request: Request, incident_id: str) -> dict[str, Any]:
    """Record an editor's decision (HTTP Basic, or the session cookie plus the page's CSRF
    token in the X-CSRF-Token header); answers the stored Review with before and after.

    Who is asking is checked before the body is read (the body is read by hand, not by a
    FastAPI body parameter, which would read and parse it first), and the body is read
    only up to REVIEW_BODY_LIMIT."""
    from strikewatch.web.decide import decide, reviewer
    from strikewatch.web.review import ReviewError

    auth = request.app.state.auth
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise HTTPException(415, "send the review as application/json")
    basic = request.headers.get("authorization", "").lower().startswith("basic ")
    # a session cookie, when present, is who the request is from (user_from_request reads it
    # first), so it needs the CSRF token even if a Basic header comes along
    cookie_user = bool(request.cookies.get(SESSION_COOKIE))
    csrf_ok = await run_in_threadpool(auth.csrf_valid, request,
                                      request.headers.get("x-csrf-token"))
    if (cookie_user or not basic) and not csrf_ok:
        raise HTTPException(403, "with a session cookie, send the page's CSRF token in the "
                                 "X-CSRF-Token header (or use HTTP Basic)")
    who = await run_in_threadpool(reviewer, request, incident_id, basic_challenge=True)
    raw = await read_body(request, REVIEW_BODY_LIMIT)
    try:
        # Python's parser keeps a lone surrogate escape ("\ud800") as text, so the store's
        # boundary (strikewatch.validation) names it, rather than "invalid JSON"
        parsed = json.loads(raw)
    except (ValueError, RecursionError) as e:
        raise HTTPException(400, f"review body: not JSON ({e})") from None
    try:
        body = ReviewIn.model_validate(parsed)
    except ValidationError as e:
        raise HTTPException(400, "review body: " + "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
            for err in e.errors(include_url=False, include_input=False))) from None

    def record() -> dict[str, Any]:
        try:
            review = decide(who.store, who.detail, who.user.username, body.action, body.data,
                            body.note)
            who.store.add_review(review)
        except (ReviewError, InvalidText) as e:
            raise HTTPException(400, str(e)) from None
        return review.model_dump(mode="json")

    result: dict[str, Any] = await run_in_threadpool(record)
    return result

"""The REST API: /api/incidents, /api/incidents/{id}, /api/tallies, /api/articles, /api/export.

Every answer is JSON in the record formats of spec/records.md; every error is JSON too:
{"error": {"status": 404, "message": "no incident with id 'x'"}}.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from strikewatch.accounts.access import require_editor
from strikewatch.accounts.auth import SESSION_COOKIE, request_user
from strikewatch.api.errors import ERROR_RESPONSES, errors
from strikewatch.ledger.filters import LedgerFilter
from strikewatch.ledger.read import API_TOTALS_CAP, MOVED, incident_detail, ledger_totals
from strikewatch.ledger.reviews import ACTIONS, EDITABLE, ReviewError
from strikewatch.ledger.write import record_review
from strikewatch.limits import read_body
from strikewatch.records import Article, Evidence, Incident, Mention, Review, Tally
from strikewatch.store import COUNT_CAP, Store, page_cursor
from strikewatch.validation import InvalidText

router = APIRouter(prefix="/api", tags=["ledger"], responses=ERROR_RESPONSES)

EXPORT_FORMATS = {"jsonl": "application/x-ndjson", "csv": "text/csv",
                  "geojson": "application/geo+json"}
#: Rows per page when the request names no limit.
DEFAULT_LIMIT = 100


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


Filters = Annotated[LedgerFilter, Query()]


class TotalsOut(BaseModel):
    incidents: int
    killed_low: int | None
    killed_high: int | None = Field(description="None: some toll is open-ended, or not summed")
    summed: bool


class IncidentPage(BaseModel):
    total: int = Field(description="incidents matching the filters (all pages); with "
                                   "total_exact false, at least this many")
    total_exact: bool = Field(default=True, description=(
        f"false: more than `total` ({COUNT_CAP:,}) incidents match and counting stopped "
        "there, because an exact count of a common word, an actor or a wide date range at "
        "a million incidents takes longer than the page; totals=true counts them all. "
        "Filters of status, grade, event type, sub-event type, background and country or "
        "sea are always counted exactly (the ledger keeps those totals)"))
    limit: int
    offset: int
    items: list[Incident]
    next: str | None = Field(default=None, description="cursor of the next page: pass it "
                                                       "as `after` (same filters and sort); "
                                                       "null on the last page")
    totals: TotalsOut | None = Field(default=None, description="with totals=true: killed summed "
                                                       "over the incidents that count")


class IncidentOut(BaseModel):
    incident: Incident = Field(description="as the ledger holds it: reviews applied")
    machine: Incident = Field(description="the machine's values where a review changed one")
    sources: list[dict[str, Any]] = Field(description="the articles, without their text")
    mentions: list[Mention]
    provenance: dict[str, list[Evidence]] = Field(
        description="each field's cited words (start, end, text) with the whole sentence "
                    "they stand in (sentence, sentence_start, sentence_end)")
    reviews: list[Review]


class TallyPage(BaseModel):
    total: int
    items: list[Tally]


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class ArticleOut(BaseModel):
    article: Article
    mentions: list[Mention]


@router.get("/incidents", dependencies=[Depends(require_reader)],
            response_model=IncidentPage)
def list_incidents(
    request: Request,
    filters: Filters,
    totals: bool = Query(False, description="also sum killed low–high over all matches "
                                            "(the incidents that count)"),
) -> Response:
    """A page of the ledger matching the filters, with the total count of matches."""
    store = get_store(request)
    query = filters.query(DEFAULT_LIMIT)
    items = store.incidents(query)
    more = query.limit > 0 and len(items) == query.limit
    if not more and not query.offset and not query.after:
        total, exact = len(items), True  # the page holds every match: nothing to count
    else:
        total, exact = store.count_upto(query, COUNT_CAP)
    out = IncidentPage(total=total, total_exact=exact,
                       limit=query.limit, offset=query.offset, items=items,
                       next=page_cursor(items[-1], query.sort) if more else None)
    if totals:
        t = ledger_totals(store, query, API_TOTALS_CAP)
        out.totals = TotalsOut(incidents=t.incidents, killed_low=t.killed_low,
                               killed_high=t.killed_high, summed=t.summed)
        out.total, out.total_exact = t.incidents, True
    # the page's own JSON: FastAPI would dump the records, validate the dicts against
    # IncidentPage again and dump them once more (3-5 ms of CPU a page of 100)
    return Response(out.model_dump_json(), media_type="application/json")


@router.get("/incidents/{incident_id}", dependencies=[Depends(require_reader)],
            responses={MOVED: {"description": "The id moved: Location names the incident "
                                              "now holding most of its mentions"},
                       **errors(404)})
def get_incident(request: Request, incident_id: str) -> IncidentOut:
    """One incident (reviews applied, machine values beside) with its sources, mentions,
    provenance and history.

    An id that left the ledger (an older report re-anchored its incident, or a review
    merged it into another) answers 307 with `Location: /api/incidents/{new id}`.
    """
    store = get_store(request)
    detail = incident_detail(store, incident_id)
    if detail is None:
        new_id = store.incident_redirect(incident_id)
        if new_id is not None:
            raise HTTPException(MOVED, f"incident {incident_id!r} is now {new_id!r}",
                                headers={"Location": f"/api/incidents/{quote(new_id, safe='')}"})
        raise HTTPException(404, f"no incident with id {incident_id!r}")
    return IncidentOut(
        incident=detail.incident, machine=detail.machine,
        sources=[{k: v for k, v in a.model_dump(mode="json").items() if k != "text"}
                 for a in detail.articles.values()],
        mentions=detail.mentions, provenance=detail.provenance, reviews=detail.reviews)


@router.get("/tallies", dependencies=[Depends(require_reader)])
def list_tallies(request: Request) -> TallyPage:
    """Aggregate claims, each with its reconciliation against the ledger."""
    tallies = get_store(request).tallies()
    return TallyPage(total=len(tallies), items=tallies)


@router.get("/articles", dependencies=[Depends(require_reader)])
def list_articles(request: Request, limit: int = Query(100, ge=1, le=1000),
                  offset: int = Query(0, ge=0, le=10**9),
                  text: bool = Query(False, description="include each article's text")
                  ) -> ArticlePage:
    store = get_store(request)
    items = []
    for a in store.articles(limit=limit, offset=offset):
        d = a.model_dump(mode="json")
        if not text:
            d.pop("text", None)
        items.append(d)
    return ArticlePage(total=store.count_articles(), limit=limit, offset=offset, items=items)


@router.get("/articles/{article_id}", dependencies=[Depends(require_reader)],
            responses=errors(404))
def get_article(request: Request, article_id: str) -> ArticleOut:
    """One article with its text and the mentions extracted from it."""
    store = get_store(request)
    art = store.get_article(article_id)
    if art is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return ArticleOut(article=art, mentions=list(store.mentions(article_id)))


@router.get("/export", dependencies=[Depends(require_reader)], responses=errors(501))
def export(request: Request, filters: Filters,
           format: str = Query("jsonl", description="jsonl, csv or geojson"),
           bom: bool = Query(False, description="csv only: start with a UTF-8 byte-order "
                                                "mark, so spreadsheet programs (Excel) read "
                                                "accents and dashes right")
           ) -> Response:
    """The ledger (filters apply) in one of the exchange formats of spec/records.md.

    CSV is plain UTF-8 unless `bom=true`: scripts want it plain, Excel wants the mark (the
    web ledger's "CSV for spreadsheets" link asks for it)."""
    if format not in EXPORT_FORMATS:
        raise HTTPException(400, f"format: {format!r} is not one of "
                                 f"{', '.join(EXPORT_FORMATS)}")
    from strikewatch.api import exporting

    store = get_store(request)
    query = filters.query(default_limit=0)
    try:
        body = exporting.export_text(store, query, format)
    except exporting.ExportUnavailable as e:
        raise HTTPException(501, str(e)) from None
    if bom and format == "csv":
        body = "\ufeff" + body
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

    action: str = Field(description=", ".join(ACTIONS))
    data: dict[str, Any] = Field(default_factory=dict, description=(
        "edit: field -> new value, for " + ", ".join(EDITABLE) + "; merge: "
        "{\"incident_ids\": [...]}; split: {\"mention_ids\": [...]}; accept, reject: {}"))
    note: str = Field("", description="why (shown in the history; for reject, the reason)")


@router.post("/incidents/{incident_id}/reviews", status_code=201, response_model=Review,
             responses=errors(403, 404, 413, 415),
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": ReviewIn.model_json_schema()}}}})
async def add_review(request: Request, incident_id: str) -> Review:
    """Record an editor's decision (HTTP Basic, or the session cookie plus the page's CSRF
    token in the X-CSRF-Token header) and apply it to the ledger at once; answers the
    stored Review with the incident before and after.

    Who is asking is checked before the body is read (the body is read by hand, not by a
    FastAPI body parameter, which would read and parse it first), and the body is read
    only up to REVIEW_BODY_LIMIT."""
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
    user = await run_in_threadpool(require_editor, request, basic_challenge=True)
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
    store = get_store(request)

    def record() -> Review:
        incident = store.get_incident(incident_id)
        if incident is None:
            raise HTTPException(404, f"no incident with id {incident_id!r}")
        try:
            return record_review(store, incident, user.username, body.action, body.data,
                                 body.note)
        except (ReviewError, InvalidText) as e:
            raise HTTPException(400, str(e)) from None

    review: Review = await run_in_threadpool(record)
    return review

"""Server-rendered pages: ledger, map, timeline, incident, article, login, review.

Why server-rendered: the pages must be fast on a slow laptop and usable without JavaScript,
so every view (including the map and the timeline, drawn as SVG) is plain HTML from Jinja2
with autoescaping on: text from articles is always shown as text, never run.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from strikewatch.accounts.access import require_editor
from strikewatch.accounts.auth import (
    CSRF_FIELD,
    ROLES,
    SESSION_COOKIE,
    Auth,
    PasswordChecksBusy,
    RateLimited,
    User,
    client_of,
    hash_password,
)
from strikewatch.errors import StrikewatchError
from strikewatch.ingest.language import has_reader
from strikewatch.ingest.published import SOURCE_LABELS
from strikewatch.ledger.counting import counted, sum_killed
from strikewatch.ledger.filters import SORTABLE, FilterError, LedgerFilter, tally_matches
from strikewatch.ledger.read import MOVED, TOTALS_CAP, incident_detail, ledger_totals
from strikewatch.ledger.reviews import (
    EDITABLE,
    REJECTED_FLAG,
    STALE_FLAG,
    ReviewError,
    changed_fields,
)
from strikewatch.ledger.write import record_review
from strikewatch.records import EVENT_TAXONOMY, GRADES, STATUSES, Actor, Evidence, Place
from strikewatch.store import Store, page_cursor
from strikewatch.terminal import fmt_dates
from strikewatch.validation import MAX_YEAR, MIN_YEAR, InvalidText
from strikewatch.web.evidence import SHOWN, cited_sentences
from strikewatch.web.highlight import Highlight, highlight
from strikewatch.web.review_form import (
    edited_note,
    from_form,
    mention_label,
    mention_snippet,
    review_form,
    shown,
)
from strikewatch.web.review_form import label as field_label
from strikewatch.web.svgmap import (
    GROUP_LABEL,
    GROUPS,
    PRECISE,
    PRECISION_WORDS,
    MapPoint,
    group_of,
    legend_mark,
    load_basemap,
    parse_bbox,
    render_map,
)
from strikewatch.web.timeline import render_timeline, tally_label, timeline_data

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"

router = APIRouter(include_in_schema=False)

#: The map draws at most this many incidents (in ledger order); the page says so when cut.
MAP_CAP = 20000
#: The timeline counts at most this many incidents (earliest first); the page says so.
TIMELINE_CAP = 50000

#: Rows of the incident page: (label, record field(s), provenance key).
COUNT_ROWS = ("killed", "injured", "civilians_killed", "children_killed", "survivors",
              "missing")


class LoginRequired(StrikewatchError):
    """A page needs a signed-in reader; the server sends the browser to /login."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def rng(low: int | None, high: int | None) -> str:
    """A count range as people read it: 3 · 3–5 · ≥65 · ≤12 · – (not reported)."""
    if low is None and high is None:
        return "–"
    if high is None:
        return f"≥{low}"
    if low is None:
        return f"≤{high}"
    return str(low) if low == high else f"{low}–{high}"


def place_name(place: Place | None) -> str:
    """"Culiacán, Sinaloa, MX"; a country-level place is just its name ("Mexico": stores
    written before geo stopped giving countries their capital's admin1 still hold it)."""
    if place is None:
        return ""
    if place.kind == "country":
        return place.name or place.country or ""
    bits = [b for b in (place.name, place.admin1, place.country) if b]
    return ", ".join(dict.fromkeys(bits))


def precision_words(precision: int | None) -> str:
    """How well a place is known, as a reader says it: "town", "approximate: country"."""
    if precision not in PRECISION_WORDS:
        return "precision unknown"
    words = PRECISION_WORDS[precision]
    return words if precision <= PRECISE else f"approximate: {words}"


def source_label(source: str | None) -> str:
    """Where an article was read from, without the server's folders: a URL as it is, a
    file by its name."""
    if not source:
        return "—"
    if source.startswith(("http://", "https://")):
        return source
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return f"file {name}" if name else "—"


def actor_name(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return actor.name + (f" ({actor.country})" if actor.country else "")


#: The marks a flagged incident carries in lists and on its page, one per kind of flag:
#: (css class, symbol, words). A rejected incident and one whose reports disagree must
#: not look alike.
FLAG_MARKS = {"rejected": ("rejected", "✕", "rejected in review"),
              "stale": ("stale", "↻", "review stale"),
              "differ": ("differ", "⚑", "reports differ")}


def flag_marks(flags: list[str]) -> list[tuple[str, str, str, str]]:
    """(css class, symbol, words, the flags behind it) for each kind of flag present."""
    kinds: dict[str, list[str]] = {}
    for f in flags:
        kind = ("rejected" if f == REJECTED_FLAG else
                "stale" if f.startswith(STALE_FLAG) else "differ")
        kinds.setdefault(kind, []).append(f)
    return [(*FLAG_MARKS[k], "; ".join(kinds[k])) for k in FLAG_MARKS if k in kinds]


def origin_count(sources: list[Any]) -> int:
    """Independent sources: copies of one wire story (one origin) count once."""
    return len({s.origin_id or s.article_id for s in sources})


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html", "xml", "svg"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(rng=rng, place=place_name, actor=actor_name, origins=origin_count,
                       source=source_label, dates=fmt_dates,
                       published_from=lambda source: SOURCE_LABELS.get(source, source or ""))
    env.globals["has_reader"] = has_reader
    env.globals["counted"] = counted  # the one counting rule (ledger.counting)
    env.globals["flag_marks"] = flag_marks
    return env


templates = Jinja2Templates(env=_env())


def _auth(request: Request) -> Auth:
    auth: Auth = request.app.state.auth
    return auth


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def current_user(request: Request) -> User | None:
    try:
        return _auth(request).user_from_request(request)
    except RateLimited:
        return None


def reader(request: Request) -> User | None:
    """The user, or None when anonymous reading is on; otherwise off to the login page."""
    user = current_user(request)
    if user is None and not _auth(request).settings.allow_anonymous:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(urlencode({"": path})[1:])
    return user


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    auth = _auth(request)
    user = ctx.pop("user", None) or current_user(request)
    ctx.update(request=request, user=user, csrf_field=CSRF_FIELD,
               csrf_token=auth.csrf_for(request), anonymous=auth.settings.allow_anonymous)
    return templates.TemplateResponse(request, name, ctx, status_code=status)


def render_error(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status=status, status_code=status, message=message)


async def _form(request: Request) -> dict[str, Any]:
    """The posted form, after checking its CSRF token (403 when missing or wrong)."""
    form = await request.form()
    data: dict[str, Any] = {}
    for key in form.keys():
        values = [v for v in form.getlist(key) if isinstance(v, str)]
        if "\x00" in key or any("\x00" in v for v in values):  # PostgreSQL cannot take it
            raise HTTPException(400, "the form contains a NUL character")
        data[key] = values if len(values) > 1 else (values[0] if values else "")
    if not _auth(request).csrf_valid(request, data.get(CSRF_FIELD)):
        raise HTTPException(403, "the form expired or came from elsewhere (CSRF check failed); "
                                 "reload the page and try again")
    return data


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


# --- sign in ------------------------------------------------------------------------------


@router.get("/login")
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", next=_safe_next(next), error=None)


@router.post("/login")
async def login(request: Request) -> Response:
    form = await _form(request)
    username = str(form.get("username", "")).strip()
    password = str(form.get("password", ""))
    nxt = _safe_next(form.get("next"))
    auth = _auth(request)
    try:
        user = auth.login(username, password, client_of(request)) if username else None
    except PasswordChecksBusy:
        return render(request, "login.html", status=503, next=nxt,
                      error="Too many sign-ins at once. Try again in a few seconds.")
    except RateLimited:
        return render(request, "login.html", status=429, next=nxt,
                      error="Too many failed sign-ins. Wait a few minutes and try again.")
    if user is None:
        return render(request, "login.html", status=401, next=nxt,
                      error="Unknown user name or wrong password.")
    auth.end_session(request)  # signing in again replaces the browser's old session
    response = RedirectResponse(nxt, status_code=303)
    response.set_cookie(SESSION_COOKIE, auth.start_session(user, client_of(request)),
                        httponly=True, samesite="lax", secure=auth.settings.secure_cookies,
                        max_age=int(auth.settings.session_max_age))
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    """End the session on the server: a copy of the cookie stops working too."""
    await _form(request)
    _auth(request).end_session(request)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


# --- the ledger ---------------------------------------------------------------------------


def _ledger_filter(request: Request) -> LedgerFilter:
    """The page's filters from its URL (ledger.filters: the API's rules and messages)."""
    try:
        return LedgerFilter.parse(request.query_params)
    except FilterError as e:
        raise HTTPException(400, str(e)) from None


@lru_cache(maxsize=1)
def place_options() -> list[tuple[str, str]]:
    """(value, label) suggestions for the country-or-sea filter: seas, then countries."""
    base = load_basemap()
    seas = sorted({s["name"] for s in base["seas"]})
    countries = sorted({(c["iso2"], c["name"]) for c in base["countries"] if c["iso2"]},
                       key=lambda c: c[1])
    return [(name, "sea or ocean") for name in seas] + countries


def _filter_ctx(filters: LedgerFilter, query: Any) -> dict[str, Any]:
    return {"query": query, "filters": filters, "statuses": STATUSES, "grades": GRADES,
            "event_types": list(EVENT_TAXONOMY), "params": filters.params(),
            "place_options": place_options()}


@router.get("/")
def ledger(request: Request) -> HTMLResponse:
    user = reader(request)
    filters = _ledger_filter(request)
    query = filters.query(50)
    if "sort" not in request.query_params:  # a ledger is read newest first
        query = dataclasses.replace(query, sort="-date_low")
    store = _store(request)
    incidents = store.incidents(query)
    totals = ledger_totals(store, query)
    params = filters.params()

    def sort_link(col: str) -> str:
        new = f"-{col}" if query.sort == col else col
        return "?" + urlencode({**params, "sort": new})

    def page_link(offset: int) -> str:
        return "?" + urlencode({**params, "sort": query.sort, "limit": query.limit,
                                "offset": max(offset, 0)})

    # where this page starts: its offset, or (a page reached by cursor) the position the
    # link that led here carried — for the "51–100 of N" line only
    at = query.offset or _whole_param(request, "at")
    next_link = None
    if incidents and len(incidents) == query.limit and at + len(incidents) < totals.incidents:
        # keyset: the next page starts after this page's last row, at any depth
        next_link = "?" + urlencode({**params, "sort": query.sort, "limit": query.limit,
                                     "after": page_cursor(incidents[-1], query.sort),
                                     "at": at + len(incidents)})
    page = sum_killed(incidents)
    return render(request, "ledger.html", user=user, incidents=incidents, totals=totals,
                  page_killed=(page.low, page.high), totals_cap=TOTALS_CAP,
                  sort_link=sort_link, page_link=page_link, next_link=next_link, at=at,
                  sortable=SORTABLE, **_filter_ctx(filters, query))


def _whole_param(request: Request, name: str) -> int:
    """A non-negative whole-number URL parameter, 0 when missing or not one."""
    raw = request.query_params.get(name, "")
    return int(raw) if raw.isdigit() and len(raw) < 12 else 0


@router.get("/map")
def map_page(request: Request) -> HTMLResponse:
    user = reader(request)
    filters = _ledger_filter(request)
    query = filters.query(MAP_CAP)
    store = _store(request)
    matching = store.count_incidents(query)
    query = dataclasses.replace(query, limit=max(min(matching, MAP_CAP), 1), offset=0)
    points, unplaced = [], 0
    for inc in store.incidents(query):
        p = inc.place
        if p is None or p.latitude is None or p.longitude is None:
            unplaced += 1
            continue
        group = group_of(inc.status, inc.background)
        rough = (p.geo_precision or 0) > PRECISE
        label = " · ".join(bit for bit in (
            inc.date_low or "date unknown", inc.sub_event_type or inc.event_type,
            place_name(p) + (f" ({precision_words(p.geo_precision)})" if rough else ""),
            GROUP_LABEL[group],
            "toll not reported" if inc.killed_low is None and inc.killed_high is None
            else f"killed {rng(inc.killed_low, inc.killed_high)}") if bit)
        points.append(MapPoint(p.longitude, p.latitude, inc.id, label, group, p.geo_precision))
    bbox = parse_bbox(request.query_params.get("bbox"))
    params = filters.params()
    svg, clusters = render_map(points, bbox, link=urlencode(params))
    zoom = {c.number: "?" + urlencode({**params, "bbox": ",".join(f"{v:.3f}" for v in c.bbox)})
            for c in clusters}
    counts = Counter(p.group for p in points)
    # occurred incidents show at first; a group asked for by the status filter, or every
    # group when nothing occurred, too
    shown_groups = {"occurred", query.status or ""} if counts["occurred"] else set(counts)
    legend = [(key, label, meaning, counts[key], key in shown_groups, legend_mark(key))
              for key, label, meaning in GROUPS]
    return render(request, "map.html", user=user, svg=svg, clusters=clusters, zoom=zoom,
                  unplaced=unplaced, shown=len(points), zoomed=bbox is not None,
                  matching=matching, capped=matching > MAP_CAP, map_cap=MAP_CAP,
                  in_view=sum(len(c.points) for c in clusters), legend=legend,
                  precise_mark=legend_mark("occurred"),
                  coarse_mark=legend_mark("occurred", coarse=True),
                  reset="?" + urlencode(params), **_filter_ctx(filters, query))


@router.get("/timeline")
def timeline_page(request: Request) -> HTMLResponse:
    user = reader(request)
    filters = _ledger_filter(request)
    query = filters.query(1000)
    store = _store(request)
    total = store.count_incidents(query)
    query = dataclasses.replace(query, limit=max(min(total, TIMELINE_CAP), 1), offset=0,
                                sort="date_low")
    # the tallies pass the same filters as the incidents (ledger.filters.tally_matches)
    all_tallies = store.tallies()
    mentions = store.get_mentions([m for t in all_tallies for m in t.mention_ids])
    regions: dict[str, list[Place]] = {}
    for m in mentions:
        regions.setdefault(m.id, []).extend(m.regions)
    tallies = [t for t in all_tallies if tally_matches(
        filters, t, [p for mid in t.mention_ids for p in regions.get(mid, [])])]
    data = timeline_data(store.incidents(query), tallies)
    rows = [(m.key, m.label, m.tally, True) for m in data.tallies]
    rows += [("", tally_label(t), t, False) for t in data.undated_tallies]
    return render(request, "timeline.html", user=user, svg=render_timeline(data), data=data,
                  tally_rows=rows, tallies_hidden=len(all_tallies) - len(tallies),
                  grade_hides_tallies=filters.grade is not None and bool(all_tallies),
                  matching=total, capped=total > TIMELINE_CAP, cap=TIMELINE_CAP,
                  year_range=f"{MIN_YEAR}–{MAX_YEAR}",
                  **_filter_ctx(filters, query))


# --- one incident, one article ------------------------------------------------------------


#: The record fields behind each row of the incident page, for "edited in review" notes.
ROW_FIELDS: dict[str, tuple[str, ...]] = {
    "Event type": ("event_type",), "Sub-event type": ("sub_event_type",),
    "Action": ("action",), "Target": ("target_kind",), "Domain": ("domain",),
    "Status": ("status", "background"), "Date": ("date_low", "date_high"),
    "Time precision": ("time_precision",),
    "Place": tuple(n for n in EDITABLE if n.startswith("place.")),
    "Actor 1": tuple(n for n in EDITABLE if n.startswith("actor1.")),
    "Actor 2": tuple(n for n in EDITABLE if n.startswith("actor2.")),
    **{base.replace("_", " ").capitalize(): (f"{base}_low", f"{base}_high")
       for base in COUNT_ROWS},
}


def _row_values(inc: Any) -> list[tuple[str, str, list[str]]]:
    """(label, shown value, provenance keys) for every field of an incident."""
    rows: list[tuple[str, str, list[str]]] = [
        ("Event type", inc.event_type or "", ["event_type", "event"]),
        ("Sub-event type", inc.sub_event_type or "", ["sub_event_type"]),
        ("Action", inc.action or "", ["action"]),
        ("Target", inc.target_kind or "", ["target_kind", "target"]),
        ("Domain", inc.domain or "", ["domain"]),
        ("Status", inc.status + (" (background)" if inc.background else ""),
         ["status", "background"]),
        ("Hedges", ", ".join(inc.hedges), ["hedges"]),
        ("Date", (inc.date_low or "?") + ("" if inc.date_high == inc.date_low
                                          else f" – {inc.date_high or '?'}"), ["date"]),
        ("Time precision", {1: "day", 2: "week", 3: "month"}.get(inc.time_precision, "unknown"),
         []),
        ("Place", place_name(inc.place) + (
            f" ({inc.place.latitude}, {inc.place.longitude}; "
            f"{precision_words(inc.place.geo_precision)})"
            if inc.place and inc.place.latitude is not None else ""), ["place"]),
        ("Actor 1", actor_name(inc.actor1), ["actor1"]),
        ("Actor 2", actor_name(inc.actor2), ["actor2"]),
    ]
    for base in COUNT_ROWS:
        low, high = getattr(inc, f"{base}_low"), getattr(inc, f"{base}_high")
        label = base.replace("_", " ").capitalize()
        approx = " (approx.)" if base in inc.approx else ""
        rows.append((label, rng(low, high) + approx, [base]))
    return rows


def _field_rows(inc: Any, machine: Any, reviews: list[Any]
                ) -> list[tuple[str, str, list[str], str]]:
    """(label, shown value, provenance keys, edited note) for every field of an incident:
    the note says who changed the value, when, and what the machine read
    (review_form.edited_note), or is ''."""
    was = {label: value for label, value, _ in _row_values(machine)}
    return [(label, value, keys,
             edited_note(inc, reviews, ROW_FIELDS.get(label, ()), was.get(label, "")))
            for label, value, keys in _row_values(inc)]


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: str, error: str | None = None
                  ) -> Response:
    user = reader(request)
    store = _store(request)
    detail = incident_detail(store, incident_id)
    if detail is None:
        new_id = store.incident_redirect(incident_id)
        if new_id is not None:  # the id moved (ledger.read.MOVED says why 307)
            return RedirectResponse(f"/incidents/{quote(new_id, safe='')}", status_code=MOVED)
        raise HTTPException(404, f"No incident with id {incident_id!r}.")
    inc = detail.incident
    rows = _field_rows(inc, detail.machine, detail.reviews)
    covered = {k for _, _, keys, _ in rows for k in keys}
    extra_keys = [k for k in detail.provenance if k not in covered]
    # number every provenance span so the field table can link into the article text
    anchors: dict[int, str] = {}
    marks: dict[str, list[Highlight]] = {aid: [] for aid in detail.articles}
    evidence: dict[str, list[tuple[str, Evidence]]] = {}
    n = 0
    for key, spans in detail.provenance.items():
        for span in spans:
            n += 1
            anchor = f"ev-{n}"
            anchors[id(span)] = anchor
            evidence.setdefault(key, []).append((anchor, span))
            if span.article_id in marks:
                marks[span.article_id].append(Highlight(span.start, span.end, key, anchor))
    for m in detail.mentions:
        for sp in m.spans:
            if sp.article_id in marks:
                marks[sp.article_id].append(Highlight(sp.start, sp.end, f"mention {m.kind}",
                                                      css="mention"))
    texts = {aid: highlight(a.text, marks[aid]) for aid, a in detail.articles.items()}
    # the Evidence column: each row's sentences, each once, key phrases marked
    cited = {label: cited_sentences((item for k in keys for item in evidence.get(k, [])),
                                    detail.articles, label)
             for label, _, keys, _ in rows}
    cited.update({k: cited_sentences(evidence.get(k, []), detail.articles, k)
                  for k in extra_keys})
    history = [(r, changed_fields(r)) for r in reversed(detail.reviews)]
    by_id = {m.id: m for m in detail.mentions}
    split_choices: list[tuple[str, str, str, str | None]] = []  # id, label, sentence, lang
    for mid in inc.mention_ids:
        mention = by_id.get(mid)
        if mention is None:
            split_choices.append((mid, f"mention {mid} (not stored)", "", None))
            continue
        art = detail.articles.get(mention.article_id)
        split_choices.append((mid, mention_label(mention, art), mention_snippet(mention, art),
                              art.language if art else None))
    return render(request, "incident.html", status=400 if error else 200, user=user,
                  inc=inc, detail=detail, rows=rows, extra_keys=extra_keys,
                  cited=cited, shown_sentences=SHOWN, texts=texts, history=history,
                  form=review_form(inc, detail.reviews), split_choices=split_choices,
                  field_label=field_label, shown=shown, marks=flag_marks(inc.flags),
                  error=error,
                  can_review=bool(user and user.can("editor")))


@router.post("/incidents/{incident_id}/review")
async def review_incident(request: Request, incident_id: str) -> Response:
    """Apply one editor's decision: it is stored as a Review and shown in the history."""
    form = await _form(request)
    user = require_editor(request)
    store = _store(request)
    incident = store.get_incident(incident_id)
    if incident is None:
        raise HTTPException(404, f"No incident with id {incident_id!r}.")
    try:
        action, data = from_form({k: v for k, v in form.items() if k != CSRF_FIELD})
        record_review(store, incident, user.username, action, data, str(form.get("note", "")))
    except (ReviewError, InvalidText) as e:
        return incident_page(request, incident_id, error=str(e))
    return RedirectResponse(f"/incidents/{incident_id}#history", status_code=303)


@router.get("/articles")
def articles_page(request: Request, offset: int = 0, limit: int = 50) -> HTMLResponse:
    user = reader(request)
    limit = min(max(limit, 1), 500)
    offset = min(max(offset, 0), 10**9)
    store = _store(request)
    return render(request, "articles.html", user=user,
                  articles=list(store.articles(limit=limit, offset=offset)),
                  total=store.count_articles(), offset=offset, limit=limit)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> HTMLResponse:
    user = reader(request)
    store = _store(request)
    art = store.get_article(article_id)
    if art is None:
        raise HTTPException(404, f"No article with id {article_id!r}.")
    mentions = list(store.mentions(article_id))
    marks = []
    for i, m in enumerate(mentions, 1):
        for key, spans in m.provenance.items():
            for sp in spans:
                if sp.article_id == art.id:
                    marks.append(Highlight(sp.start, sp.end, f"mention {i}: {key}", css="ev"))
        for sp in m.spans:
            if sp.article_id == art.id:
                marks.append(Highlight(sp.start, sp.end, f"mention {i}", f"m-{i}", "mention"))
    return render(request, "article.html", user=user, art=art, mentions=mentions,
                  text=highlight(art.text, marks))


# --- users (admins) -----------------------------------------------------------------------


def _admin(request: Request) -> User:
    user = current_user(request)
    if user is None:
        path = request.url.path
        raise LoginRequired(urlencode({"": path})[1:])
    if not user.can("admin"):
        raise HTTPException(403, f"Only admins manage users; your role is {user.role}.")
    return user


@router.get("/admin/users")
def users_page(request: Request, error: str | None = None, saved: str | None = None
               ) -> HTMLResponse:
    user = _admin(request)
    users = sorted(_store(request).users(), key=lambda u: u["username"])
    return render(request, "users.html", user=user, users=users, roles=ROLES, error=error,
                  saved=saved, status=400 if error else 200)


@router.post("/admin/users")
async def add_user(request: Request) -> Response:
    """Create a user or replace one's password and role (admins only)."""
    form = await _form(request)
    _admin(request)
    username = str(form.get("username", "")).strip()
    role = str(form.get("role", ""))
    password = str(form.get("password", ""))
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        return users_page(request, error="The user name must be 1-64 characters, no spaces.")
    if role not in ROLES:
        return users_page(request, error=f"Role must be one of {', '.join(ROLES)}.")
    if len(password) < 8:
        return users_page(request, error="The password must have at least 8 characters.")
    try:
        _store(request).add_user(username, hash_password(password), role)
    except InvalidText as e:
        return users_page(request, error=f"Not saved: {e}.")
    return RedirectResponse(f"/admin/users?saved={username}", status_code=303)

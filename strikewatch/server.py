"""The one server: the API (strikewatch.api) and the pages (strikewatch.web), two sibling
routers over the ledger core, composed here with the error pages, CSRF cookie and headers
they share. `strikewatch serve` runs it."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from strikewatch.accounts.auth import CSRF_COOKIE, Auth, WebSettings
from strikewatch.api.errors import error_body
from strikewatch.api.routes import router as api_router
from strikewatch.ledger.filters import describe
from strikewatch.limits import BodyLimit
from strikewatch.store import Store, open_store
from strikewatch.web import apidocs
from strikewatch.web.pages import STATIC_DIR, LoginRequired, render_error
from strikewatch.web.pages import router as page_router


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def _json_error(status: int, message: Any, headers: dict[str, str] | None = None
                ) -> JSONResponse:
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


def create_app(store: Store | None = None, *, db: str | None = None,
               settings: WebSettings | None = None) -> FastAPI:
    """The app over a store (or the store at `db`), with settings from the environment."""
    app = FastAPI(
        title="strikewatch",
        description="A verifiable ledger of publicly reported military strikes: incidents, "
                    "tallies and the articles and sentences behind every figure.",
        version="0.1.0",
        # FastAPI's own /docs and /redoc load their scripts from a CDN; strikewatch serves
        # the same viewers from a pinned package instead (web.apidocs), offline
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store if store is not None else open_store(db)
    app.state.settings = settings or WebSettings.from_env()
    app.state.auth = Auth(app.state.store, app.state.settings)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request):
            return _json_error(exc.status_code, exc.detail, getattr(exc, "headers", None))
        return render_error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        # a filter's own check (ledger.filters) answers 400 in its own words, as the CLI
        # and the pages do; any other malformed request stays 422
        errors = list(exc.errors())
        message = describe(errors) if errors else "invalid request"
        status = 400 if errors and all(e.get("type") == "value_error" for e in errors) else 422
        if _is_api(request):
            return _json_error(status, message)
        return render_error(request, status, message)

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired) -> Response:
        if _is_api(request):
            return _json_error(401, "sign in to read the ledger")
        return RedirectResponse(f"/login?next={exc.next_path}", status_code=303)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        message = f"internal error: {type(exc).__name__}"
        if _is_api(request):
            return _json_error(500, message)
        return render_error(request, 500, message)

    @app.middleware("http")
    async def refuse_nul(request: Request, call_next: Any) -> Response:
        """A NUL character in the path or a parameter is refused up front: PostgreSQL
        cannot store or compare it (a 500 otherwise) and SQLite cuts strings at it."""
        params = request.query_params.multi_items()
        if "\x00" in request.url.path or any("\x00" in k + v for k, v in params):
            if _is_api(request):
                return _json_error(400, "the request contains a NUL character")
            return Response("400: the request contains a NUL character", status_code=400,
                            media_type="text/plain")
        response: Response = await call_next(request)
        return response

    @app.middleware("http")
    async def csrf_cookie(request: Request, call_next: Any) -> Response:
        """Give every browser a random CSRF cookie: signed out (the sign-in form), CSRF
        tokens are bound to it; signed in, to the session (strikewatch.accounts.auth)."""
        fresh = None
        if not request.cookies.get(CSRF_COOKIE):
            fresh = Auth.new_csrf_cookie()
        request.state.csrf_cookie = request.cookies.get(CSRF_COOKIE) or fresh
        response: Response = await call_next(request)
        if fresh:
            response.set_cookie(CSRF_COOKIE, fresh, httponly=True, samesite="lax",
                                secure=app.state.settings.secure_cookies)
        if not request.url.path.startswith(("/static/", apidocs.ASSETS_URL + "/")):
            # pages and API answers may hold what only a signed-in user may read: never
            # kept by a shared cache or the browser's back/forward history on disk
            response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not _is_api(request):
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
            )
        return response

    app.add_middleware(BodyLimit)
    app.include_router(api_router)
    app.include_router(page_router)
    app.include_router(apidocs.router)
    app.mount(apidocs.ASSETS_URL, StaticFiles(directory=apidocs.ASSETS_DIR), name="apidocs")
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app

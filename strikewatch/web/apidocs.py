"""The API's documentation, /docs (Swagger UI) and /redoc (ReDoc), served offline.

Why not FastAPI's built-in pages: they load their scripts from a CDN, and strikewatch runs
where nothing may be fetched. The same two viewers ship inside the pinned `fastapi-offline`
package; they are served from it at ASSETS_URL, and started by our own small script (not
an inline one, which the pages' Content-Security-Policy refuses).
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import escape

#: Swagger UI's and ReDoc's files, as the pinned package ships them.
ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"
ASSETS_URL = "/static-apidocs"

#: Both viewers set style attributes and ReDoc starts a web worker from a blob: only
#: these two pages allow that; every other page keeps the stricter policy (server.py).
DOCS_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; "
            "form-action 'self'")

router = APIRouter(include_in_schema=False)

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · strikewatch API</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
{head}
<link rel="stylesheet" href="/static/apidocs.css">
</head>
<body>
<nav class="apidocs-nav"><a href="/">← strikewatch</a> · API reference:
<a href="/docs"{docs_current}>try it (Swagger UI)</a> ·
<a href="/redoc"{redoc_current}>read it (ReDoc)</a> ·
<a href="{openapi}">OpenAPI schema (JSON)</a></nav>
{body}
</body>
</html>
"""


def _page(request: Request, title: str, head: str, body: str, current: str) -> HTMLResponse:
    openapi = str(escape(request.app.openapi_url or "/openapi.json"))
    html = _PAGE.format(title=title, head=head, body=body.format(openapi=openapi),
                        openapi=openapi,
                        docs_current=' aria-current="page"' if current == "docs" else "",
                        redoc_current=' aria-current="page"' if current == "redoc" else "")
    return HTMLResponse(html, headers={"Content-Security-Policy": DOCS_CSP})


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI: every operation, tried against this server."""
    return _page(
        request, "Swagger UI",
        f'<link rel="stylesheet" href="{ASSETS_URL}/swagger-ui.css">',
        '<div id="swagger-ui" data-openapi="{openapi}"></div>\n'
        f'<script src="{ASSETS_URL}/swagger-ui-bundle.js"></script>\n'
        '<script src="/static/apidocs-init.js"></script>', "docs")


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    """ReDoc: the same schema as one readable page."""
    return _page(
        request, "ReDoc", "",
        '<redoc spec-url="{openapi}"></redoc>\n'
        f'<script src="{ASSETS_URL}/redoc.standalone.js"></script>', "redoc")

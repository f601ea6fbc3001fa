"""Request-body limits, enforced before anything parses a body.

Why: FastAPI and Starlette read a whole body into memory before a handler (or a form
parser) sees it, so one unauthenticated 1 GiB POST cost gigabytes. `BodyLimit` refuses a
body whose declared length is over the limit without reading it, and stops reading a body
sent without a length (chunked) as soon as it passes the limit; routes with a smaller need
read their body with `read_body` after checking who is asking.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The largest body any route reads: sign-in, review and user forms are a few KB.
MAX_BODY_BYTES = 1024 * 1024


def _too_large(limit: int) -> str:
    return f"request body too large (limit {limit} bytes)"


def _declared_length(headers: Any) -> int | None:
    value = headers.get("content-length")
    if value is None:
        return None
    value = value.strip()
    return int(value) if value.isdigit() else -1


class BodyLimit:
    """ASGI middleware: 413 for bodies over `max_bytes`, checked before they are read."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        declared = _declared_length(headers)
        if declared is not None and (declared < 0 or declared > self.max_bytes):
            status = 413 if declared > self.max_bytes else 400
            message = (_too_large(self.max_bytes) if status == 413
                       else "invalid Content-Length header")
            response: Response
            if str(scope.get("path", "")).startswith("/api"):
                response = JSONResponse({"error": {"status": status, "message": message}},
                                        status_code=status)
            else:
                response = PlainTextResponse(f"{status}: {message}", status_code=status)
            response.headers["Connection"] = "close"
            await response(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise HTTPException(413, _too_large(self.max_bytes))
            return message

        await self.app(scope, limited, send)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, or HTTPException 413 as soon as it passes `limit` bytes."""
    declared = _declared_length(request.headers)
    if declared is not None and declared > limit:
        raise HTTPException(413, _too_large(limit))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, _too_large(limit))
        chunks.append(chunk)
    return b"".join(chunks)

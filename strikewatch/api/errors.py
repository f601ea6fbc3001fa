"""The one shape of every API error, as the server sends it and the schema declares it.

`{"error": {"status": 404, "message": "no incident with id 'x'"}}`: the server's error
handlers (server.py) build it with `error_body`, and every operation declares it for its
error statuses (`ERROR_RESPONSES` and `errors()`), so the OpenAPI schema (/docs, /redoc,
generated clients) describes what the API really answers, FastAPI's default
`{"detail": [...]}` validation model included: that one is never sent.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    status: int = Field(description="the HTTP status, repeated")
    message: str = Field(description="what went wrong and, where it can, what to do")


class ErrorOut(BaseModel):
    """An error answer of the API."""

    error: ErrorDetail


#: What each error status means, as the schema says it.
MEANINGS: dict[int, str] = {
    400: "A parameter or the body has a bad value (the message names it and the choices)",
    401: "Not signed in (session cookie or HTTP Basic)",
    403: "Signed in, but the role may not do this (or the CSRF token is missing)",
    404: "No such record",
    413: "The body is too large",
    415: "The body is not JSON",
    422: "The request is malformed (a parameter of the wrong type)",
    429: "Too many failed sign-ins: wait a few minutes",
    501: "This export format needs an optional package that is not installed",
    503: "Too many sign-ins at once: try again in a few seconds",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for these error statuses, each with ErrorOut."""
    return {s: {"model": ErrorOut, "description": MEANINGS[s]} for s in statuses}


#: The errors any API operation may answer (checked filters, sign-in, malformed requests).
ERROR_RESPONSES = errors(400, 401, 422, 429, 503)


def error_body(status: int, message: Any) -> dict[str, Any]:
    """The JSON of an error answer."""
    return ErrorOut(error=ErrorDetail(status=status, message=str(message))).model_dump()

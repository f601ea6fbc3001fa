"""The checks a request to change the ledger passes, the same at both front doors."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request

from strikewatch.accounts.auth import User, request_user


def require_editor(request: Request, *, basic_challenge: bool = False) -> User:
    """The signed-in editor or admin making this request, in this order of refusals:
    not signed in (401; 429 after too many failed logins), a viewer (403).
    `basic_challenge`: the 401 invites HTTP Basic (API clients; a browser would show a
    password dialog, so pages leave it out). CSRF is checked before, by each door."""
    user = request_user(request)
    if user is None:
        headers = {"WWW-Authenticate": 'Basic realm="strikewatch"'} if basic_challenge else None
        raise HTTPException(401, "sign in as an editor to review incidents", headers=headers)
    if not user.can("editor"):
        raise HTTPException(403, f"your role ({user.role}) can read but not review")
    return user

"""Server-side sign-in sessions: a random token in the cookie, its SHA-256 in the store.

Why server-side (not a signed cookie): a session must be endable at once — by logout, by
deleting the user, by a new password or role — and a cookie copied before that must stop
working. Each session has an absolute expiry (`max_age` after sign-in) and an idle limit
(`idle` seconds without a request). Only the token's hash is stored, so reading the
database (a backup, an SQL injection elsewhere) gives no usable cookie.

Activity is written at most every `touch_every` seconds (a quarter of the idle limit, at
most a minute), so reading pages does not turn into one database write per request; the
idle limit is therefore enforced to within that slack, always on the early side.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from strikewatch.store import Store

#: What a token looks like (secrets.token_urlsafe(32)); anything else is not looked up.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,128}")


def token_hash(token: str) -> str:
    """The stored id of a session: SHA-256 of its token, hex."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def iso(ts: float) -> str:
    """A Unix time as the store's ISO 8601 UTC form (these compare correctly as text)."""
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="microseconds")


def _ts(value: str) -> float:
    return datetime.fromisoformat(value).timestamp()


@dataclass(frozen=True)
class Session:
    """A live session: who it signs in, and its token (kept only in memory, for CSRF)."""

    username: str
    role: str
    token: str = field(repr=False)


def session_state(row: dict[str, Any], now: float, idle: float) -> str:
    """"active", "revoked", "expired" (absolute) or "idle" for a stored session row."""
    if row.get("revoked_at"):
        return "revoked"
    if now >= _ts(row["expires_at"]):
        return "expired"
    if now - _ts(row["last_seen_at"]) >= idle:
        return "idle"
    return "active"


class Sessions:
    """Start, look up and end sessions over a store, with one expiry policy."""

    def __init__(self, store: Store, max_age: float, idle: float,
                 clock: Callable[[], float] = time.time) -> None:
        if max_age <= 0 or idle <= 0:
            raise ValueError("session lifetimes must be positive")
        self.store = store
        self.max_age = max_age
        self.idle = idle
        self.clock = clock
        self.touch_every = min(60.0, idle / 4)

    def start(self, username: str, client: str | None = None) -> str:
        """A new session for a user who just proved their password; returns the token."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        self.store.add_session(token_hash(token), username, iso(now), iso(now + self.max_age),
                               client)
        return token

    def resolve(self, token: str | None) -> Session | None:
        """The live session of a cookie value, or None (unknown, ended, expired, idle)."""
        if not token or not _TOKEN.fullmatch(token):
            return None
        key = token_hash(token)
        row = self.store.get_session(key)
        if row is None:
            return None
        now = self.clock()
        if session_state(row, now, self.idle) != "active":
            return None
        if now - _ts(row["last_seen_at"]) >= self.touch_every:
            self.store.touch_session(key, iso(now))
        return Session(row["username"], row["role"], token)

    def end(self, token: str | None) -> bool:
        """Revoke the session of a cookie value (logout); True when one was live."""
        if not token or not _TOKEN.fullmatch(token):
            return False
        return self.store.revoke_session(token_hash(token), iso(self.clock()))

    def end_all(self, username: str) -> int:
        """Revoke every session of a user; how many were still unrevoked."""
        return self.store.revoke_sessions(username, iso(self.clock()))

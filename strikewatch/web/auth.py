"""Users, sessions, CSRF and roles for the web app and the API.

Why each piece: passwords are hashed with Argon2id (argon2-cffi), the current OWASP
recommendation; sessions are a signed, timed cookie (itsdangerous), so the server keeps no
session table; every form carries a CSRF token bound to a per-browser random cookie
(double-submit, signed so it cannot be forged from a sibling subdomain); failed logins are
rate limited per client and user name. Anonymous reading is off unless the operator enables it.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import os
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from itsdangerous import BadSignature, Signer, URLSafeTimedSerializer
from starlette.requests import Request

from strikewatch.store import Store

ROLES: tuple[str, ...] = ("viewer", "editor", "admin")
SESSION_COOKIE = "sw_session"
CSRF_COOKIE = "sw_csrf"
CSRF_FIELD = "csrf_token"

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """Argon2id hash of a password (what `store.add_user` receives)."""
    if not password:
        raise ValueError("empty password")
    return _hasher.hash(password)


@functools.cache
def _unknown_user_hash() -> str:
    """A hash of a random password, checked for names that are not users (same cost)."""
    return _hasher.hash(secrets.token_urlsafe(16))


def verify_password(password_hash: str, password: str) -> bool:
    """True when the password matches; False (never an exception) otherwise."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def role_at_least(role: str | None, needed: str) -> bool:
    """viewer < editor < admin."""
    if role not in ROLES:
        return False
    return ROLES.index(role) >= ROLES.index(needed)


@dataclass
class User:
    username: str
    role: str
    password_hash: str = ""

    def can(self, needed: str) -> bool:
        return role_at_least(self.role, needed)


class LoginLimiter:
    """At most `attempts` failed logins per (client, user name) within `window` seconds."""

    def __init__(self, attempts: int = 5, window: float = 300.0) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _prune(self, key: tuple[str, str], now: float) -> deque[float]:
        q = self._failures[key]
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def blocked(self, client: str, username: str) -> bool:
        key = (client, username.lower())
        with self._lock:
            if key not in self._failures:  # no entry for names that never failed: the
                return False               # table cannot be grown by spraying names
            n = len(self._prune(key, time.monotonic()))
            if n == 0:
                del self._failures[key]
            return n >= self.attempts

    def failed(self, client: str, username: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._prune((client, username.lower()), now).append(now)

    def succeeded(self, client: str, username: str) -> None:
        with self._lock:
            self._failures.pop((client, username.lower()), None)


@dataclass
class WebSettings:
    """How the app is run; `from_env` reads STRIKEWATCH_SECRET and STRIKEWATCH_ANONYMOUS."""

    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    allow_anonymous: bool = False
    session_max_age: int = 12 * 3600
    secure_cookies: bool = False
    login_attempts: int = 5
    login_window: float = 300.0

    @classmethod
    def from_env(cls, **overrides: object) -> WebSettings:
        settings = cls()
        if os.environ.get("STRIKEWATCH_SECRET"):
            settings.secret_key = os.environ["STRIKEWATCH_SECRET"]
        if os.environ.get("STRIKEWATCH_ANONYMOUS", "").lower() in ("1", "true", "yes", "on"):
            settings.allow_anonymous = True
        for key, value in overrides.items():
            if value is not None:
                setattr(settings, key, value)
        return settings


class Auth:
    """Everything the routes need to know about who is asking."""

    def __init__(self, store: Store, settings: WebSettings) -> None:
        self.store = store
        self.settings = settings
        self._sessions = URLSafeTimedSerializer(settings.secret_key, salt="strikewatch-session")
        self._csrf = Signer(settings.secret_key, salt="strikewatch-csrf")
        self.limiter = LoginLimiter(settings.login_attempts, settings.login_window)

    # sessions
    @staticmethod
    def _fingerprint(password_hash: str) -> str:
        """Ties a session to the password it was opened with: a new password ends it."""
        return hashlib.sha256(password_hash.encode("utf-8")).hexdigest()[:16]

    def session_cookie(self, user: User) -> str:
        return self._sessions.dumps({"u": user.username,
                                     "p": self._fingerprint(user.password_hash)})

    def user_from_request(self, request: Request) -> User | None:
        """The signed-in user (session cookie, or HTTP Basic for API clients), or None."""
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            try:
                data = self._sessions.loads(token, max_age=self.settings.session_max_age)
            except BadSignature:
                data = None
            if isinstance(data, dict) and isinstance(data.get("u"), str):
                row = self.store.get_user(data["u"])
                # a deleted user's cookie, or one from before a password change, stops working
                if row and hmac.compare_digest(str(data.get("p", "")),
                                               self._fingerprint(row["password_hash"])):
                    return User(row["username"], row["role"], row["password_hash"])
        header = request.headers.get("authorization", "")
        if header.lower().startswith("basic "):
            return self._basic(header[6:].strip(), client_of(request))
        return None

    def _basic(self, encoded: str, client: str) -> User | None:
        try:
            username, _, password = base64.b64decode(encoded).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return self.login(username, password, client)

    def login(self, username: str, password: str, client: str) -> User | None:
        """Check a password; raises RateLimited after too many failures."""
        if self.limiter.blocked(client, username):
            raise RateLimited(username)
        row = self.store.get_user(username)
        # an unknown name costs one Argon2 check too, so timing does not tell which exist
        stored = row["password_hash"] if row else _unknown_user_hash()
        if verify_password(stored, password) and row:
            self.limiter.succeeded(client, username)
            return User(row["username"], row["role"], row["password_hash"])
        self.limiter.failed(client, username)
        return None

    # CSRF
    @staticmethod
    def new_csrf_cookie() -> str:
        return secrets.token_urlsafe(24)

    def csrf_token(self, cookie_value: str) -> str:
        return self._csrf.sign(cookie_value).decode("ascii")

    def csrf_ok(self, cookie_value: str | None, form_token: str | None) -> bool:
        if not cookie_value or not form_token:
            return False
        try:
            value = self._csrf.unsign(form_token).decode("ascii")
        except BadSignature:
            return False
        return hmac.compare_digest(value, cookie_value)


class RateLimited(Exception):
    """Too many failed logins for one user name from one client."""


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"

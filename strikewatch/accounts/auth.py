"""Users, sessions, CSRF and roles for the web app and the API.

Why each piece: passwords are hashed with Argon2id (argon2-cffi), the current OWASP
recommendation; sessions live on the server (strikewatch.accounts.sessions), so logout, deleting
a user or changing their password or role ends them at once; every form carries a CSRF token
that is an HMAC of the session's token (so a token is good for one session only, and a
cookie planted from a sibling subdomain cannot pair with it) — before sign-in, of a
per-browser random cookie; failed logins are rate limited per client and user name.
Anonymous reading is off unless the operator enables it.
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
from starlette.exceptions import HTTPException
from starlette.requests import Request

from strikewatch.accounts.sessions import Sessions
from strikewatch.errors import StrikewatchError
from strikewatch.store import Store
from strikewatch.validation import text_problem

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
    """Who a request is from. `session` is the token of the session it came with (None for
    HTTP Basic): CSRF tokens are bound to it, and logout ends it."""

    username: str
    role: str
    password_hash: str = field(default="", repr=False)
    session: str | None = field(default=None, repr=False)

    def can(self, needed: str) -> bool:
        return role_at_least(self.role, needed)


class VerifiedCache:
    """HTTP Basic credentials verified in the last `ttl` seconds, so an API client sending
    the same header on every request pays for Argon2 (64 MiB, tens of ms) once a minute,
    not per request.

    Keyed by an HMAC of name and password under a per-process random key (the cache holds
    no password and no plain hash of one); an entry holds the password hash it was checked
    against and counts only while the user's stored hash is still that one, so a password
    change or a deleted user ends it at once. At most `size` entries, oldest dropped first.
    """

    def __init__(self, ttl: float = 60.0, size: int = 256) -> None:
        self.ttl = ttl
        self.size = size
        self._key = secrets.token_bytes(32)
        self._entries: dict[bytes, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def _id(self, username: str, password: str) -> bytes:
        data = username.encode("utf-8") + b"\x00" + password.encode("utf-8")
        return hmac.new(self._key, data, hashlib.sha256).digest()

    def holds(self, username: str, password: str, password_hash: str) -> bool:
        key = self._id(username, password)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return False
            if entry[0] != password_hash or time.monotonic() > entry[1]:
                del self._entries[key]
                return False
            return True

    def add(self, username: str, password: str, password_hash: str) -> None:
        key = self._id(username, password)
        with self._lock:
            self._entries.pop(key, None)
            while len(self._entries) >= self.size:
                del self._entries[next(iter(self._entries))]
            self._entries[key] = (password_hash, time.monotonic() + self.ttl)


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
    """How the app is run; `from_env` reads STRIKEWATCH_SECRET, STRIKEWATCH_ANONYMOUS and
    STRIKEWATCH_SESSION_IDLE (seconds).

    `session_max_age`: a session ends this long after sign-in whatever happens;
    `session_idle`: and after this long without a request.
    """

    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    allow_anonymous: bool = False
    session_max_age: float = 12 * 3600
    session_idle: float = 3600
    secure_cookies: bool = False
    login_attempts: int = 5
    login_window: float = 300.0
    #: Argon2 checks running at once (each holds 64 MiB); more wait up to
    #: `password_check_wait` seconds, then get 503.
    password_checks: int = 4
    password_check_wait: float = 2.0

    @classmethod
    def from_env(cls, **overrides: object) -> WebSettings:
        settings = cls()
        if os.environ.get("STRIKEWATCH_SECRET"):
            settings.secret_key = os.environ["STRIKEWATCH_SECRET"]
        if os.environ.get("STRIKEWATCH_ANONYMOUS", "").lower() in ("1", "true", "yes", "on"):
            settings.allow_anonymous = True
        idle = os.environ.get("STRIKEWATCH_SESSION_IDLE", "").strip()
        if idle:
            try:
                settings.session_idle = float(idle)
            except ValueError:
                raise ValueError(f"STRIKEWATCH_SESSION_IDLE: {idle!r} is not a number of "
                                 "seconds") from None
        for key, value in overrides.items():
            if value is not None:
                setattr(settings, key, value)
        return settings


class Auth:
    """Everything the routes need to know about who is asking."""

    def __init__(self, store: Store, settings: WebSettings) -> None:
        self.store = store
        self.settings = settings
        self.sessions = Sessions(store, settings.session_max_age, settings.session_idle)
        self._csrf_key = hashlib.sha256(
            b"strikewatch-csrf\x00" + settings.secret_key.encode("utf-8")).digest()
        self.limiter = LoginLimiter(settings.login_attempts, settings.login_window)
        self.verified = VerifiedCache()
        self._checks = threading.BoundedSemaphore(settings.password_checks)

    # sessions
    def start_session(self, user: User, client: str | None = None) -> str:
        """A new server-side session for a user who just signed in; the cookie's value."""
        return self.sessions.start(user.username, client)

    def end_session(self, request: Request) -> None:
        """Logout: the session of this request's cookie is revoked on the server."""
        self.sessions.end(request.cookies.get(SESSION_COOKIE))
        request.state.sw_identity = None

    def user_from_request(self, request: Request) -> User | None:
        """The signed-in user (live session cookie, or HTTP Basic for API clients), or None.

        Worked out once per request (kept in request.state): a page asks several times, and
        a wrong Basic password must count as one failed login, not one per asking.
        """
        cached = getattr(request.state, "sw_identity", None)
        if cached is None:
            try:
                cached = (self._identify(request), None)
            except RateLimited as e:
                cached = (None, e)
            request.state.sw_identity = cached
        user, error = cached
        if error is not None:
            raise error
        return user

    def _identify(self, request: Request) -> User | None:
        session = self.sessions.resolve(request.cookies.get(SESSION_COOKIE))
        if session is not None:
            return User(session.username, session.role, session=session.token)
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
        if text_problem(username) or text_problem(password):
            return None  # no user has such a name (a NUL would break PostgreSQL's lookup)
        if self.limiter.blocked(client, username):
            raise RateLimited(username)
        row = self.store.get_user(username)
        if row and self.verified.holds(username, password, row["password_hash"]):
            return User(row["username"], row["role"], row["password_hash"])
        # an unknown name costs one Argon2 check too, so timing does not tell which exist
        stored = row["password_hash"] if row else _unknown_user_hash()
        if not self._checks.acquire(timeout=self.settings.password_check_wait):
            raise PasswordChecksBusy(username)
        try:
            ok = verify_password(stored, password)
        finally:
            self._checks.release()
        if ok and row:
            self.limiter.succeeded(client, username)
            self.verified.add(username, password, row["password_hash"])
            return User(row["username"], row["role"], row["password_hash"])
        self.limiter.failed(client, username)
        return None

    # CSRF
    @staticmethod
    def new_csrf_cookie() -> str:
        return secrets.token_urlsafe(24)

    @staticmethod
    def session_binding(session_token: str) -> str:
        """What a signed-in browser's CSRF tokens are bound to: its session."""
        return "session:" + session_token

    @staticmethod
    def browser_binding(csrf_cookie: str) -> str:
        """What a signed-out browser's CSRF tokens are bound to (the sign-in form)."""
        return "browser:" + csrf_cookie

    def csrf_binding(self, request: Request) -> str | None:
        """The request's live session if it has one, else its per-browser CSRF cookie."""
        try:
            user = self.user_from_request(request)
        except RateLimited:
            user = None
        if user is not None and user.session:
            return self.session_binding(user.session)
        cookie = getattr(request.state, "csrf_cookie", None) or request.cookies.get(CSRF_COOKIE)
        return self.browser_binding(cookie) if cookie else None

    def csrf_token(self, binding: str) -> str:
        """The token forms carry: an HMAC of the binding under the server's secret."""
        mac = hmac.new(self._csrf_key, binding.encode("utf-8"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")

    def csrf_ok(self, binding: str | None, token: str | None) -> bool:
        if not binding or not token or not isinstance(token, str):
            return False
        return hmac.compare_digest(self.csrf_token(binding).encode("ascii"),
                                   token.encode("utf-8", "replace"))

    def csrf_for(self, request: Request) -> str:
        """The token to put in this request's page ('' when the browser has no binding)."""
        binding = self.csrf_binding(request)
        return self.csrf_token(binding) if binding else ""

    def csrf_valid(self, request: Request, token: str | None) -> bool:
        """True when `token` was made for this request's session (or, signed out, browser)."""
        return self.csrf_ok(self.csrf_binding(request), token)


class RateLimited(StrikewatchError):
    """Too many failed logins for one user name from one client."""


class PasswordChecksBusy(RateLimited):
    """Every password-check slot stayed taken (a flood of sign-ins): try again shortly."""


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def request_user(request: Request) -> User | None:
    """The user a request signs in as, or None; too many failed logins answer 429, so every
    route that asks refuses them alike."""
    auth: Auth = request.app.state.auth
    try:
        return auth.user_from_request(request)
    except PasswordChecksBusy:
        raise HTTPException(503, "too many sign-ins at once; try again in a few seconds",
                            headers={"Retry-After": "5"}) from None
    except RateLimited:
        raise HTTPException(429, "too many failed logins; wait a few minutes") from None

"""Server-side sessions over real HTTP, on SQLite and the real PostgreSQL test server.

A cookie copied before logout, before the user is deleted, or before their role or
password changes is refused afterwards; sessions end after an idle gap and at their
absolute expiry; a CSRF token is good for the session it was made for and no other; the
`strikewatch user sessions` / `user signout` commands list and end them. The user
commands run through Typer's runner on the same database the server reads (its own
engine and connections), so nothing is shared in memory with the server.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from strikewatch.accounts.auth import SESSION_COOKIE, WebSettings, hash_password
from strikewatch.cli import app as cli_app
from strikewatch.server import create_app
from strikewatch.store import Store, open_store
from tests._webdata import PASSWORDS, build_ledger, serve

runner = CliRunner()


@pytest.fixture(scope="module")
def site(module_db_url: str) -> Iterator[dict[str, Any]]:
    store = open_store(module_db_url)
    build_ledger(store)
    app = create_app(store, settings=WebSettings(secret_key="sessions-secret"))
    try:
        with serve(app) as base:
            yield {"base": base, "store": store, "db": module_db_url}
    finally:
        store.close()


def csrf(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)


@contextlib.contextmanager
def signed_in(base: str, user: str, password: str | None = None) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=30) as c:
        r = c.post("/login", data={"username": user, "password": password or PASSWORDS[user],
                                   "csrf_token": csrf(c.get("/login").text)})
        assert r.status_code == 303, r.text
        yield c


def reads(base: str, cookie: str) -> int:
    """The status of an API read made with nothing but this session cookie."""
    return httpx.get(base + "/api/tallies", cookies={SESSION_COOKIE: cookie}).status_code


def new_user(store: Store, name: str, role: str = "viewer") -> str:
    password = f"{name}-password-1"
    store.add_user(name, hash_password(password), role)
    return password


def cli(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(cli_app, list(args), input=stdin, env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_a_cookie_captured_before_logout_is_refused_after_it(site: dict[str, Any]) -> None:
    base, store = site["base"], site["store"]
    with signed_in(base, "vic") as c:
        stolen = c.cookies[SESSION_COOKIE]
        assert reads(base, stolen) == 200  # a copy works while the session lives
        r = c.post("/logout", data={"csrf_token": csrf(c.get("/").text)})
        assert r.status_code == 303
    assert reads(base, stolen) == 401
    r = httpx.get(base + "/", cookies={SESSION_COOKIE: stolen})
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    # the store keeps the token's hash only, marked revoked
    row = next(s for s in store.sessions("vic")
               if s["id"] == hashlib.sha256(stolen.encode()).hexdigest())
    assert row["revoked_at"] and stolen not in row.values()
    # and the stored hash, used as a cookie, signs no one in
    with signed_in(base, "vic") as c:
        live = c.cookies[SESSION_COOKIE]
        assert reads(base, live) == 200
        assert reads(base, hashlib.sha256(live.encode()).hexdigest()) == 401


def test_signing_in_again_ends_the_browsers_previous_session(site: dict[str, Any]) -> None:
    base = site["base"]
    with signed_in(base, "zed") as c:
        first = c.cookies[SESSION_COOKIE]
        r = c.post("/login", data={"username": "zed", "password": PASSWORDS["zed"],
                                   "csrf_token": csrf(c.get("/login").text)})
        assert r.status_code == 303
        second = c.cookies[SESSION_COOKIE]
        assert second != first
        assert reads(base, first) == 401 and reads(base, second) == 200


def test_deleting_a_user_ends_their_sessions_at_once(site: dict[str, Any]) -> None:
    base, store, db = site["base"], site["store"], site["db"]
    password = new_user(store, "dora")
    with signed_in(base, "dora", password) as a, signed_in(base, "dora", password) as b:
        cookies = [a.cookies[SESSION_COOKIE], b.cookies[SESSION_COOKIE]]
        assert [reads(base, k) for k in cookies] == [200, 200]
        with signed_in(base, "vic") as other:
            code, out = cli("user", "delete", "dora", "--db", db)
            assert code == 0, out
            assert [reads(base, k) for k in cookies] == [401, 401]
            assert a.get("/").status_code == 303
            assert other.get("/api/tallies").status_code == 200  # others keep theirs
    assert store.sessions("dora") == []
    # a new user of the same name does not inherit the old sessions
    new_user(store, "dora")
    assert [reads(base, k) for k in cookies] == [401, 401]


def test_a_role_or_password_change_ends_the_users_sessions(site: dict[str, Any]) -> None:
    base, store, db = site["base"], site["store"], site["db"]
    password = new_user(store, "rolf")
    with signed_in(base, "rolf", password) as c:
        cookie = c.cookies[SESSION_COOKIE]
        token = csrf(c.get("/incidents/inc-carib-1").text)
        r = c.post("/incidents/inc-carib-1/review", data={"action": "accept",
                                                          "csrf_token": token})
        assert r.status_code == 403  # a viewer
        code, out = cli("user", "add", "rolf", "--role", "editor", "--db", db,
                        "--password-stdin", stdin=password + "\n")
        assert code == 0, out
        # the promoted user's old session does not carry the old (or the new) role on
        assert reads(base, cookie) == 401
        r = c.post("/incidents/inc-carib-1/review", data={"action": "accept",
                                                          "csrf_token": token})
        assert r.status_code == 403 and "CSRF" in r.text  # the session behind it is gone
    with signed_in(base, "rolf", password) as c:  # signing in again gives the new role
        cookie = c.cookies[SESSION_COOKIE]
        token = csrf(c.get("/incidents/inc-carib-1").text)
        r = c.post("/incidents/inc-carib-1/review", data={"action": "accept",
                                                          "note": "rolf checked",
                                                          "csrf_token": token})
        assert r.status_code == 303
        # an admin sets a new password through the web form: the session ends
        with signed_in(base, "ada") as admin:
            r = admin.post("/admin/users", data={
                "username": "rolf", "role": "editor", "password": "rolf-password-2",
                "csrf_token": csrf(admin.get("/admin/users").text)})
            assert r.status_code == 303
            assert admin.get("/admin/users").status_code == 200  # the admin's own stays
        assert reads(base, cookie) == 401
    assert any(r.note == "rolf checked" for r in store.reviews("inc-carib-1"))


def test_user_sessions_lists_and_signout_ends_them(site: dict[str, Any]) -> None:
    base, store, db = site["base"], site["store"], site["db"]
    password = new_user(store, "sian")
    with signed_in(base, "sian", password) as a, signed_in(base, "sian", password) as b:
        code, out = cli("user", "sessions", "sian", "--db", db)
        assert code == 0, out
        lines = out.strip().splitlines()
        assert len(lines) == 2 and all(ln.startswith("sian\tactive\t") for ln in lines)
        assert all(ln.endswith("\t127.0.0.1") for ln in lines)
        assert a.cookies[SESSION_COOKIE] not in out  # never the token
        code, out = cli("user", "signout", "sian", "--db", db)
        assert code == 0 and "2 session(s) of 'sian' ended" in out
        assert reads(base, a.cookies[SESSION_COOKIE]) == 401
        assert reads(base, b.cookies[SESSION_COOKIE]) == 401
    code, out = cli("user", "sessions", "sian", "--db", db)
    assert code == 0 and out.strip() == ""
    code, out = cli("user", "sessions", "sian", "--all", "--db", db)
    assert out.count("sian\trevoked\t") == 2
    code, out = cli("user", "signout", "nobody-such", "--db", db)
    assert code == 1 and "no user 'nobody-such'" in out


def test_a_csrf_token_from_session_a_is_refused_in_session_b(site: dict[str, Any]) -> None:
    base, store = site["base"], site["store"]
    before = len(store.reviews())
    with signed_in(base, "eve") as a, signed_in(base, "eve") as b, \
            signed_in(base, "ada") as c:
        token_a = csrf(a.get("/incidents/inc-carib-1").text)
        token_b = csrf(b.get("/incidents/inc-carib-1").text)
        assert token_a != token_b  # same user, same secret: still one token per session
        for other in (b, c):  # the same user's other session, another user's session
            r = other.post("/incidents/inc-carib-1/review",
                           data={"action": "accept", "csrf_token": token_a})
            assert r.status_code == 403 and "CSRF" in r.text
            r = other.post("/api/incidents/inc-carib-1/reviews", json={"action": "accept"},
                           headers={"X-CSRF-Token": token_a})
            assert r.status_code == 403 and "CSRF" in r.json()["error"]["message"]
            r = other.post("/logout", data={"csrf_token": token_a})  # not even a logout
            assert r.status_code == 403
        # cookie tossing: B's browser cookie planted in A's browser does not make B's
        # sign-in-form token good for A's session
        with httpx.Client(base_url=base) as anon:
            anon_token = csrf(anon.get("/login").text)
            a.cookies.set("sw_csrf", anon.cookies["sw_csrf"])
        r = a.post("/incidents/inc-carib-1/review",
                   data={"action": "accept", "csrf_token": anon_token})
        assert r.status_code == 403
        assert len(store.reviews()) == before
        # control: each session's own token works, in the form and in the API header
        r = a.post("/incidents/inc-carib-1/review",
                   data={"action": "accept", "note": "a", "csrf_token": token_a})
        assert r.status_code == 303
        r = b.post("/api/incidents/inc-carib-1/reviews", json={"action": "accept"},
                   headers={"X-CSRF-Token": token_b})
        assert r.status_code == 201
    assert len(store.reviews()) == before + 2


def test_sessions_end_after_an_idle_gap(site: dict[str, Any]) -> None:
    """An idle limit of 1.5 s: requests every 0.3 s keep the session past it; a pause of
    2 s ends it. The same store as the other tests, served with another policy."""
    app = create_app(site["store"], settings=WebSettings(secret_key="idle", session_idle=1.5))
    with serve(app) as base, signed_in(base, "vic") as c:
        cookie = c.cookies[SESSION_COOKIE]
        start = time.monotonic()
        while time.monotonic() - start < 2.4:  # longer than the idle limit, never idle
            assert reads(base, cookie) == 200
            time.sleep(0.3)
        time.sleep(2.0)
        assert reads(base, cookie) == 401
        assert c.get("/").status_code == 303


def test_sessions_end_at_their_absolute_expiry(site: dict[str, Any]) -> None:
    app = create_app(site["store"], settings=WebSettings(secret_key="abs", session_idle=60,
                                                         session_max_age=1.5))
    with serve(app) as base, signed_in(base, "vic") as c:
        cookie = c.cookies[SESSION_COOKIE]
        assert reads(base, cookie) == 200
        start = time.monotonic()
        while time.monotonic() - start < 2.0:  # active all along, yet it ends
            time.sleep(0.25)
            if reads(base, cookie) == 401:
                break
        assert time.monotonic() - start >= 1.0
        assert reads(base, cookie) == 401

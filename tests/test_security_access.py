"""Access control over real HTTP: every route of the app, walked as every role.

The routes are read from the FastAPI app itself (`app.routes`), so a route added later
without a place in ACCESS below fails `test_every_route_is_classified` until someone
decides who may use it. Also here: CSRF on every POST route and on every form the pages
render, login rate limiting (form and HTTP Basic), sessions that cannot be forged, and
SQL-injection-shaped filter values (SQLite and the real PostgreSQL test server).
"""

from __future__ import annotations

import contextlib
import hashlib
import html.parser
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.routing import Mount

from strikewatch.accounts.auth import CSRF_COOKIE, SESSION_COOKIE, Auth, User, WebSettings
from strikewatch.server import create_app
from strikewatch.store import open_store
from tests._webdata import PASSWORDS, build_ledger, make_store, serve

#: Who may use each route: "public" (anyone), "read" (any signed-in user, or anyone when
#: anonymous reading is on), "review" (editor or admin), "admin", "form" (public form).
ACCESS: dict[tuple[str, str], str] = {
    ("GET", "/api/incidents"): "read",
    ("GET", "/api/incidents/{incident_id}"): "read",
    ("GET", "/api/tallies"): "read",
    ("GET", "/api/articles"): "read",
    ("GET", "/api/articles/{article_id}"): "read",
    ("GET", "/api/export"): "read",
    ("GET", "/"): "read",
    ("GET", "/map"): "read",
    ("GET", "/timeline"): "read",
    ("GET", "/incidents/{incident_id}"): "read",
    ("GET", "/articles"): "read",
    ("GET", "/articles/{article_id}"): "read",
    ("POST", "/incidents/{incident_id}/review"): "review",
    ("POST", "/api/incidents/{incident_id}/reviews"): "review",
    ("GET", "/admin/users"): "admin",
    ("POST", "/admin/users"): "admin",
    ("GET", "/login"): "public",
    ("POST", "/login"): "form",
    ("POST", "/logout"): "form",
    ("GET", "/healthz"): "public",
    # the API's description (no ledger data) is public so clients can be generated
    ("GET", "/openapi.json"): "public",
    ("GET", "/static"): "public",  # the mount: CSS and the map's static files
    # the API's documentation (Swagger UI, ReDoc, their files): no ledger data, like the
    # schema it shows
    ("GET", "/docs"): "public",
    ("GET", "/redoc"): "public",
    ("GET", "/static-apidocs"): "public",
}
#: A file to ask each mount for.
MOUNT_FILES = {"/static": "/static/style.css",
               "/static-apidocs": "/static-apidocs/swagger-ui.css"}
ROLES = (None, "vic", "eve", "ada")  # anonymous, viewer, editor, admin
ROLE_NAME = {None: "anonymous", "vic": "viewer", "eve": "editor", "ada": "admin"}


def flat_routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(full path, route) for every route, inside included routers too (FastAPI keeps an
    included router as one lazy entry of `app.routes`)."""
    for r in routes:
        original = getattr(r, "original_router", None)
        if original is not None:
            inner = prefix + getattr(getattr(r, "include_context", None), "prefix", "")
            yield from flat_routes(original.routes, inner)
        else:
            yield prefix + r.path, r


def app_routes(app: Any) -> list[tuple[str, str]]:
    """(method, path) of every route the app answers, HEAD/OPTIONS aside."""
    out = []
    for path, r in flat_routes(app.routes):
        if isinstance(r, Mount):
            out.append(("GET", path))
            continue
        for m in sorted(getattr(r, "methods", None) or ()):
            if m not in ("HEAD", "OPTIONS"):
                out.append((m, path))
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    store, ids = make_store(tmp_path_factory.mktemp("access"))
    app = create_app(store, settings=WebSettings(secret_key="access-secret", login_attempts=3,
                                                 login_window=600))
    with serve(app) as base:
        yield {"base": base, "ids": ids, "store": store, "app": app}


def csrf(html_text: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html_text)
    assert m, "no CSRF token in the form"
    return m.group(1)


@contextlib.contextmanager
def client_as(base: str, user: str | None) -> Iterator[httpx.Client]:
    """A client with its CSRF cookie, signed in as `user` (None: anonymous)."""
    with httpx.Client(base_url=base, timeout=30) as c:
        token = csrf(c.get("/login").text)
        if user is not None:
            r = c.post("/login", data={"username": user, "password": PASSWORDS[user],
                                       "csrf_token": token, "next": "/"})
            assert r.status_code == 303, r.text
            token = csrf(c.get("/login").text)
        c.headers["x-test-csrf"] = token  # kept at hand for the POSTs below
        yield c


def concrete(path: str, ids: dict[str, Any]) -> str:
    if path in MOUNT_FILES:
        return MOUNT_FILES[path]
    return (path.replace("{incident_id}", "inc-carib-1")
            .replace("{article_id}", ids["articles"]["A"]))


def post(c: httpx.Client, path: str, url: str, n: int, token: str | None) -> httpx.Response:
    """POST a valid body: a form with the CSRF field, or (API) JSON with the CSRF header."""
    if path.startswith("/api"):
        headers = {"X-CSRF-Token": token} if token is not None else {}
        return c.post(url, json=form_for(path, n), headers=headers)
    data = form_for(path, n)
    if token is not None:
        data["csrf_token"] = token
    return c.post(url, data=data)


def form_for(path: str, n: int) -> dict[str, str]:
    """A valid body for each POST route (it must pass validation to reach the role check)."""
    if path.endswith(("/review", "/reviews")):
        return {"action": "accept", "note": f"walk {n}"}
    if path == "/admin/users":
        return {"username": f"walker{n}", "role": "viewer", "password": "walker-pass-1"}
    if path == "/login":
        return {"username": "vic", "password": PASSWORDS["vic"], "next": "/"}
    return {}


def expected(kind: str, method: str, path: str, user: str | None, anonymous: bool
             ) -> set[int]:
    api = path.startswith("/api")
    signed_in = user is not None
    if kind == "public":
        return {200}
    if kind == "form":
        return {303}
    if kind == "read":
        if signed_in or anonymous:
            return {200}
        return {401} if api else {303}
    if kind == "review":
        if user in ("eve", "ada"):
            return {201} if api else {303}
        return {403} if signed_in else {401}
    if kind == "admin":
        if user == "ada":
            return {303} if method == "POST" else {200}
        return {403} if signed_in else {303}
    raise AssertionError(kind)


def walk(base: str, ids: dict[str, Any], routes: list[tuple[str, str]], anonymous: bool
         ) -> list[str]:
    wrong = []
    n = 0
    for user in ROLES:
        with client_as(base, user) as c:
            # signing in (as vic) replaces the session, so it goes last
            for method, path in sorted(routes, key=lambda r: r == ("POST", "/login")):
                if (method, path) == ("POST", "/logout"):
                    continue  # walked last (test_every_route_as_every_role), so the
                    # session lasts the walk
                url = concrete(path, ids)
                n += 1
                if method == "GET":
                    r = c.get(url)
                else:
                    r = post(c, path, url, n, c.headers["x-test-csrf"])
                kind = ACCESS[(method, path)]
                want = expected(kind, method, path, user, anonymous)
                if r.status_code not in want:
                    wrong.append(f"{ROLE_NAME[user]} {method} {url}: {r.status_code}, "
                                 f"expected {sorted(want)}")
                if r.status_code in (401, 403, 303) and kind in ("read", "admin") and \
                        method == "GET" and 200 not in want:
                    # a refused read shows no ledger data
                    assert "Sucre" not in r.text and "walker" not in r.text, (user, url)
    return wrong


def test_every_route_is_classified(site: dict[str, Any]) -> None:
    routes = app_routes(site["app"])
    missing = [r for r in routes if r not in ACCESS]
    assert not missing, f"routes without an access rule (add them to ACCESS): {missing}"
    gone = [r for r in ACCESS if r not in routes]
    assert not gone, f"ACCESS names routes the app no longer has: {gone}"
    assert len(routes) >= 20


def test_every_route_as_every_role(site: dict[str, Any]) -> None:
    routes = app_routes(site["app"])
    wrong = walk(site["base"], site["ids"], routes, anonymous=False)
    assert wrong == [], "\n".join(wrong)
    # what the walk changed: exactly the editor's and the admin's reviews and one user
    reviews = site["store"].reviews("inc-carib-1")
    assert sorted(r.user for r in reviews) == ["ada", "ada", "eve", "eve"]  # page + API
    made = [u["username"] for u in site["store"].users() if u["username"].startswith("walk")]
    assert len(made) == 1
    for user in ROLES[1:]:  # and logout ends each session
        with client_as(site["base"], user) as c:
            r = c.post("/logout", data={"csrf_token": c.headers["x-test-csrf"]})
            assert r.status_code == 303
            assert c.get("/api/tallies").status_code == 401


def test_every_route_with_anonymous_reading(tmp_path: Path) -> None:
    store, ids = make_store(tmp_path)
    app = create_app(store, settings=WebSettings(secret_key="anon-secret", allow_anonymous=True))
    with serve(app) as base:
        wrong = walk(base, ids, app_routes(app), anonymous=True)
    assert wrong == [], "\n".join(wrong)
    assert sorted(r.user for r in store.reviews("inc-carib-1")) == ["ada", "ada", "eve", "eve"]


def test_methods_a_route_does_not_declare_are_refused(site: dict[str, Any]) -> None:
    with client_as(site["base"], "ada") as c:
        for _method, path in app_routes(site["app"]):
            for other in ("PUT", "DELETE", "PATCH"):
                r = c.request(other, concrete(path, site["ids"]))
                assert r.status_code in (404, 405), (other, path, r.status_code)


# --- sessions and HTTP Basic -------------------------------------------------------------


def test_forged_and_foreign_sessions_are_anonymous(site: dict[str, Any], tmp_path: Path
                                                   ) -> None:
    base = site["base"]
    other_store = open_store(str(tmp_path / "other.db"))
    row = site["store"].get_user("ada")
    other_store.add_user("ada", row["password_hash"], "admin")
    other = create_app(other_store, settings=WebSettings(secret_key="access-secret"))
    ada = User(row["username"], row["role"], row["password_hash"])
    foreign = other.state.auth.start_session(ada)  # a real session of another server
    own = site["app"].state.auth.start_session(ada)
    stored = hashlib.sha256(own.encode()).hexdigest()  # what the database holds
    for cookie in (foreign, own[:-2] + ("AA" if not own.endswith("AA") else "BB"), stored,
                   own + "A", own[:-1], "eyJ1IjoiYWRhIn0", "x" * 4000, ""):
        r = httpx.get(base + "/api/incidents", cookies={SESSION_COOKIE: cookie})
        assert r.status_code == 401, cookie
        r = httpx.get(base + "/admin/users", cookies={SESSION_COOKIE: cookie})
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
    # control: the correctly signed cookie is accepted
    assert httpx.get(base + "/admin/users", cookies={SESSION_COOKIE: own}).status_code == 200


def test_http_basic_for_api_clients(site: dict[str, Any]) -> None:
    base = site["base"]
    ok = httpx.get(base + "/api/tallies", auth=("zed", PASSWORDS["zed"]))
    assert ok.status_code == 200 and ok.json()["total"] == 1
    bad = httpx.get(base + "/api/tallies", auth=("zed", "wrong"))
    assert bad.status_code == 401 and "Basic" in bad.headers["www-authenticate"]
    garbage = httpx.get(base + "/api/tallies", headers={"Authorization": "Basic %%%"})
    assert garbage.status_code == 401


# --- CSRF --------------------------------------------------------------------------------


def post_routes(app: Any) -> list[str]:
    return [path for method, path in app_routes(app) if method == "POST"]


def test_every_post_without_or_with_a_wrong_csrf_token_is_refused(
    site: dict[str, Any], tmp_path: Path
) -> None:
    base, ids, store = site["base"], site["ids"], site["store"]
    other = create_app(open_store(str(tmp_path / "o.db")),
                       settings=WebSettings(secret_key="another-secret"))
    reviews_before = len(store.reviews())
    users_before = len(store.users())
    routes = post_routes(site["app"])
    assert set(routes) >= {"/login", "/logout", "/admin/users", "/incidents/{incident_id}/review"}
    for user in ROLES:
        with client_as(base, user) as c:
            good = c.headers["x-test-csrf"]
            mine = c.cookies.get(CSRF_COOKIE)
            with client_as(base, None) as c2:  # a token valid for another browser
                theirs = c2.headers["x-test-csrf"]
            binding = (Auth.session_binding(c.cookies[SESSION_COOKIE]) if user
                       else Auth.browser_binding(mine))
            tokens: list[str | None] = [
                None, "", "x", good + "x", good[:-1], theirs,
                other.state.auth.csrf_token(binding),  # right binding, wrong secret
                good.split(".")[0] + ".AAAA",
            ]
            if user is not None:  # this browser's own token from before it signed in
                tokens.append(site["app"].state.auth.csrf_token(Auth.browser_binding(mine)))
            for path in routes:
                url = concrete(path, ids)
                for i, token in enumerate(tokens):
                    r = post(c, path, url, 1000 + i, token)
                    assert r.status_code == 403 and "CSRF" in r.text, (user, path, token)
                if path.startswith("/api"):
                    # a form body is no way around it (the API takes JSON only), nor is a
                    # made-up Basic header next to the session cookie
                    r = c.post(url, data={**form_for(path, 2000), "csrf_token": good})
                    assert r.status_code in (415, 422), (user, path, r.status_code)
                    if user is not None:
                        r = c.post(url, json=form_for(path, 2001),
                                   headers={"Authorization": "Basic bm9ib2R5Og=="})
                        assert r.status_code == 403, (user, path, r.status_code)
                else:  # a JSON body is no way around it either
                    r = c.post(url, json=form_for(path, 2000))
                    assert r.status_code == 403, (user, path)
    assert len(store.reviews()) == reviews_before and len(store.users()) == users_before
    # control: a token bound to the browser's CSRF cookie is no good once signed in, even
    # with the cookie it was made for (one planted from a sibling subdomain, say); the
    # session's own token is accepted
    with client_as(base, None) as attacker:
        planted = (attacker.cookies[CSRF_COOKIE], attacker.headers["x-test-csrf"])
    with client_as(base, "ada") as c:
        session = c.cookies[SESSION_COOKIE]
        c.cookies.clear()
        c.cookies.set(CSRF_COOKIE, planted[0])
        c.cookies.set(SESSION_COOKIE, session)
        r = c.post("/admin/users", data={**form_for("/admin/users", 3000),
                                         "csrf_token": planted[1]})
        assert r.status_code == 403
        assert c.get("/admin/users").status_code == 200  # the session itself is fine
    with client_as(base, "ada") as c:
        r = c.post("/admin/users", data={**form_for("/admin/users", 3001),
                                         "csrf_token": c.headers["x-test-csrf"]})
        assert r.status_code == 303


class Forms(html.parser.HTMLParser):
    """Every <form> with its method and the names/values of its hidden inputs."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"method": (a.get("method") or "get").lower(),
                               "action": a.get("action"), "hidden": {}})
        elif tag == "input" and self.forms and a.get("type") == "hidden":
            self.forms[-1]["hidden"][a.get("name")] = a.get("value")


def test_every_form_on_every_page_carries_a_valid_csrf_token(site: dict[str, Any]) -> None:
    base, ids = site["base"], site["ids"]
    pages = ["/login", "/", "/map", "/timeline", "/articles", "/admin/users",
             "/incidents/inc-carib-1", f"/articles/{ids['articles']['A']}"]
    seen = 0
    with client_as(base, "ada") as c:
        auth = site["app"].state.auth
        for page in pages:
            r = c.get(page)
            assert r.status_code == 200, page
            parser = Forms()
            parser.feed(r.text)
            for form in parser.forms:
                if form["method"] != "post":
                    continue
                seen += 1
                token = form["hidden"].get("csrf_token")
                assert token, f"a POST form on {page} ({form['action']}) has no CSRF token"
                binding = Auth.session_binding(c.cookies[SESSION_COOKIE])
                assert auth.csrf_ok(binding, token), page  # bound to this session
    assert seen >= 6  # logout on each page, review forms, the user form


# --- login rate limiting -----------------------------------------------------------------


def test_login_rate_limit_per_client_and_name(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "rl.db"))
    build_ledger(store)
    app = create_app(store, settings=WebSettings(secret_key="rl", login_attempts=3))
    with serve(app) as base, client_as(base, None) as c:
        token = c.headers["x-test-csrf"]

        def login(user: str, password: str) -> int:
            return c.post("/login", data={"username": user, "password": password,
                                          "csrf_token": token}).status_code

        assert [login("vic", f"guess{i}") for i in range(3)] == [401, 401, 401]
        assert login("vic", PASSWORDS["vic"]) == 429  # the right password waits too
        assert login("VIC", "guess9") == 429  # names are compared without case
        # HTTP Basic shares the limit: no way around it through the API
        r = c.get("/api/tallies", auth=("vic", PASSWORDS["vic"]))
        assert r.status_code == 429
        assert login("eve", PASSWORDS["eve"]) == 303  # another name is not locked out
        with httpx.Client(base_url=base) as api:  # no session: HTTP Basic alone
            for i in range(3):
                assert api.get("/api/tallies", auth=("zed", f"b{i}")).status_code == 401
            assert api.get("/api/tallies", auth=("zed", PASSWORDS["zed"])).status_code == 429


def test_login_rate_limit_window_passes(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "rw.db"))
    build_ledger(store)
    app = create_app(store, settings=WebSettings(secret_key="rw", login_attempts=1,
                                                 login_window=1.0))
    with serve(app) as base, client_as(base, None) as c:
        auth = ("vic", PASSWORDS["vic"])
        assert c.get("/api/tallies", auth=("vic", "wrong")).status_code == 401
        assert c.get("/api/tallies", auth=auth).status_code == 429
        time.sleep(1.2)
        assert c.get("/api/tallies", auth=auth).status_code == 200


def test_the_limiter_does_not_grow_with_names_never_failed() -> None:
    from strikewatch.accounts.auth import LoginLimiter

    lim = LoginLimiter(attempts=2, window=60)
    for i in range(1000):
        assert not lim.blocked("10.0.0.1", f"spray{i}")
    lim.failed("10.0.0.1", "x")
    lim.succeeded("10.0.0.1", "x")
    assert len(lim._failures) == 0  # noqa: SLF001 - the bound is the point of the test


# --- SQL injection -----------------------------------------------------------------------


INJECTIONS = [
    "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "x'; DROP TABLE incidents; --",
    "1) OR (1=1", "%' OR '%'='", "' UNION SELECT data FROM incidents --", "\\'; --",
    "%", "_", "%%", "'||(SELECT username FROM users)||'", "US' --",
]


def test_injection_shaped_filters_return_normal_results(db_url: str) -> None:
    store = open_store(db_url)
    try:
        build_ledger(store)
        app = create_app(store, settings=WebSettings(secret_key="sqli", allow_anonymous=True))
        with serve(app) as base, httpx.Client(base_url=base, timeout=30) as c:
            total = c.get("/api/incidents").json()["total"]
            assert total == 4
            for value in INJECTIONS:
                for name in ("q", "actor", "country"):
                    r = c.get("/api/incidents", params={name: value})
                    assert r.status_code == 200, (name, value, r.text)
                    # text and actor search by words ("US' --" is the word US, as a user
                    # typing it means); the quotes and dashes around them change nothing
                    words = " ".join(re.findall(r"\w+", value)) if name != "country" else ""
                    want = c.get("/api/incidents", params={name: words}).json()["total"] \
                        if words else 0
                    assert r.json()["total"] == want, (name, value)
                # closed vocabularies and numbers are checked before any query (400)
                for name in ("sort", "status", "grade", "date_from", "limit", "min_killed",
                             "event_type", "sub_event_type", "target_kind", "domain"):
                    r = c.get("/api/incidents", params={name: value})
                    assert r.status_code in (400, 422), (name, value, r.status_code)
                    assert "error" in r.json()
                r = c.get(f"/api/incidents/{value}")
                assert r.status_code in (404, 400), (value, r.status_code)
                r = c.get("/", params={"q": value})
                assert r.status_code == 200
            for name in ("q", "actor", "country", "sort", "limit"):  # NUL: refused, not a 500
                r = c.get("/api/incidents", params={name: "\x00' OR 1=1"})
                assert r.status_code == 400 and "NUL" in r.json()["error"]["message"]
            assert c.get("/api/incidents/inc%00x").status_code == 400
            assert c.get("/", params={"q": "\x00"}).status_code == 400
            token = csrf(c.get("/login").text)
            r = c.post("/login", data={"username": "vic\x00", "password": "x",
                                       "csrf_token": token})
            assert r.status_code == 400
            # integers past the database's 64 bits: refused or clamped, never a 500
            assert c.get("/api/articles", params={"offset": 2**63}).status_code == 422
            assert c.get("/api/incidents", params={"offset": 2**63}).status_code in (400, 422)
            assert c.get("/articles", params={"offset": 2**63}).status_code == 200
            # control: the same filters do match real values, and nothing was changed
            assert c.get("/api/incidents", params={"actor": "navy"}).json()["total"] == 3
            assert c.get("/api/incidents", params={"q": "Caribbean"}).json()["total"] == 2
            assert c.get("/api/incidents").json()["total"] == total
        assert {u["username"] for u in store.users()} == {"ada", "eve", "vic", "zed"}
    finally:
        store.close()


def test_unknown_names_cost_the_same_password_check(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    """No user enumeration by timing: an unknown name runs one Argon2 verification too."""
    from strikewatch.accounts import auth as auth_mod

    store = open_store(str(tmp_path / "t.db"))
    build_ledger(store)
    auth = create_app(store, settings=WebSettings(secret_key="t")).state.auth
    calls: list[str] = []
    real = auth_mod.verify_password

    def spy(stored: str, password: str) -> bool:
        calls.append(password)
        return real(stored, password)  # the real Argon2 check, counted

    monkeypatch.setattr(auth_mod, "verify_password", spy)
    assert auth.login("nobody-here", "guess-1", "10.0.0.9") is None
    assert auth.login("vic", "guess-2", "10.0.0.9") is None
    assert auth.login("vic", PASSWORDS["vic"], "10.0.0.9") is not None
    assert calls == ["guess-1", "guess-2", PASSWORDS["vic"]]


@pytest.mark.parametrize("nxt", [
    "//evil.example/", "/\\evil.example", "https://evil.example/", "/\t/evil.example",
    "/\r\n/evil.example", "///evil.example", "/%2F%2Fevil.example", "\\\\evil.example",
    " //evil.example", "javascript:alert(1)",
])
def test_sign_in_never_redirects_off_site(site: dict[str, Any], nxt: str) -> None:
    with client_as(site["base"], None) as c:
        r = c.post("/login", data={"username": "vic", "password": PASSWORDS["vic"],
                                   "csrf_token": c.headers["x-test-csrf"], "next": nxt})
        assert r.status_code == 303
        loc = r.headers["location"]
        # what a browser would do with it: strip tab/CR/LF, treat \\ as /
        seen = re.sub(r"[\t\r\n]", "", loc).replace("\\", "/")
        assert seen.startswith("/") and not seen.startswith("//"), loc
        assert httpx.URL(site["base"]).join(loc).host == "127.0.0.1", loc


def test_pages_send_security_headers_and_safe_cookies(site: dict[str, Any]) -> None:
    with httpx.Client(base_url=site["base"]) as c:
        r = c.get("/login")
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        cookies = r.headers.get_list("set-cookie")
        assert cookies and all("httponly" in v.lower() and "samesite=lax" in v.lower()
                               for v in cookies)
        r = c.post("/login", data={"username": "vic", "password": PASSWORDS["vic"],
                                   "csrf_token": csrf(r.text)})
        session = [v for v in r.headers.get_list("set-cookie") if v.startswith(SESSION_COOKIE)]
        assert session and "httponly" in session[0].lower()
        assert "samesite=lax" in session[0].lower()

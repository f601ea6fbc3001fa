"""Hostile requests, round two (issue 18): one request must never take the ledger down.

Each test sends what an attacker (or a careless client) would, over real HTTP on loopback
to the real app under uvicorn, on SQLite and on the real PostgreSQL test server
(tests/pg.py) where the database matters, and checks both the answer and that everyone
else's reads still work afterwards.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from strikewatch.accounts import auth as auth_module
from strikewatch.accounts.auth import Auth, WebSettings, hash_password
from strikewatch.records import Incident, Tally
from strikewatch.server import create_app
from strikewatch.store import open_store
from tests._webdata import PASSWORDS, build_ledger, free_port, make_store, serve

ROOT = Path(__file__).resolve().parent.parent
EDITOR = ("eve", PASSWORDS["eve"])
VIEWER = ("vic", PASSWORDS["vic"])


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory,
           module_db_url: str) -> Iterator[dict[str, Any]]:
    store, ids = make_store(tmp_path_factory.mktemp("hostile"), db=module_db_url)
    app = create_app(store, settings=WebSettings(secret_key="hostile-secret"))
    with serve(app) as base:
        yield {"base": base, "ids": ids, "store": store}


def _reads_still_work(base: str) -> None:
    with httpx.Client(base_url=base, auth=VIEWER, timeout=30) as c:
        for path in ("/api/incidents", "/api/incidents/inc-carib-1", "/api/tallies",
                     "/api/export?format=csv", "/", "/incidents/inc-carib-1", "/timeline"):
            r = c.get(path)
            assert r.status_code == 200, (path, r.status_code, r.text[:300])


def _review(base: str, body: Any, incident: str = "inc-carib-1",
            auth: tuple[str, str] | None = EDITOR) -> httpx.Response:
    # json.dumps escapes a lone surrogate as \ud800, as a hostile client would send it
    with httpx.Client(base_url=base, timeout=30) as c:
        return c.post(f"/api/incidents/{incident}/reviews", content=json.dumps(body),
                      auth=auth, headers={"Content-Type": "application/json"})


# --- what goes into the store -----------------------------------------------------------


@pytest.mark.parametrize("note", ["\ud800", "tail \udfff", "nul \x00 inside"],
                         ids=["lone-high", "lone-low", "nul"])
def test_unstorable_text_in_a_review_is_refused_and_nothing_breaks(
        ledger: dict[str, Any], note: str) -> None:
    before = len(ledger["store"].reviews())
    r = _review(ledger["base"], {"action": "accept", "note": note})
    assert r.status_code == 400, r.text
    assert "surrogate" in r.text or "NUL" in r.text
    r = _review(ledger["base"], {"action": "edit", "data": {"grade_reason": note}})
    assert r.status_code == 400, r.text
    assert len(ledger["store"].reviews()) == before  # nothing stored
    _reads_still_work(ledger["base"])


def test_the_store_itself_refuses_unstorable_text(store: Any) -> None:
    """The one boundary (strikewatch.validation), same on SQLite and PostgreSQL."""
    from strikewatch.records import Article, Review
    from strikewatch.validation import InvalidText

    with pytest.raises(InvalidText):  # (a text with a lone surrogate has no Article)
        store.add_article(Article(text="An airstrike \x00 hit a depot."))
    with pytest.raises(InvalidText):
        store.add_articles([(Article(text="Shelling \x00 of a town."), None)])
    for bad in ("\ud800", "a\x00b"):
        with pytest.raises(InvalidText):
            store.add_articles([(Article(text="Shelling of a town.", publisher=bad), None)])
        with pytest.raises(InvalidText):
            store.add_article(Article(text="A strike.", extra_field={"k": [bad]}))
        with pytest.raises(InvalidText):
            store.add_article(Article(text="A strike.", title=bad))
        with pytest.raises(InvalidText):
            store.add_review(Review(action="accept", incident_id="x", user="eve",
                                    at="2025-11-05T00:00:00+00:00", note=bad))
        with pytest.raises(InvalidText):
            store.add_user(f"u{bad}", hash_password("password-1"), "viewer")
    for published in ("9999-12-31", "0001-01-03", "2025W451"):
        with pytest.raises(InvalidText):
            store.add_article(Article(text="A strike hit a depot.", published=published))
    with pytest.raises(InvalidText):
        store.add_review(Review(action="edit", incident_id="x", user="eve",
                                at="2025-11-05T00:00:00+00:00",
                                payload={"date_low": "2025W451"}))
    assert store.count_articles() == 0 and store.reviews() == [] and store.users() == []


@pytest.mark.parametrize("body,words", [
    ({"action": "split", "data": {"mention_ids": 5}}, "mention_ids"),
    ({"action": "merge", "data": {"incident_ids": {"a": 1}}}, "incident_ids"),
    ({"action": "edit", "data": {"date_high": "2025W451"}}, "date_high"),
    ({"action": "edit", "data": {"date_high": "9999-12-31"}}, "date_high"),
    ({"action": "edit", "data": {"date_low": "0001-01-03"}}, "date_low"),
    ({"action": "edit", "fields": {"killed_low": 1}}, "fields"),
    ({"action": "accept", "reviewer": "someone else"}, "reviewer"),
], ids=["split-int", "merge-object", "week-date", "year-9999", "year-1", "unknown-field",
        "unknown-field-2"])
def test_bad_review_bodies_are_400_naming_the_problem(ledger: dict[str, Any], body: Any,
                                                      words: str) -> None:
    before = len(ledger["store"].reviews())
    r = _review(ledger["base"], body)
    assert r.status_code == 400, r.text
    assert words in r.json()["error"]["message"]
    assert len(ledger["store"].reviews()) == before


def test_a_good_review_still_goes_through(ledger: dict[str, Any]) -> None:
    r = _review(ledger["base"], {"action": "edit", "data": {"date_low": "2025-09-01"},
                                 "note": "checked"})
    assert r.status_code == 201, r.text
    assert r.json()["payload"] == {"date_low": "2025-09-01"}


def test_nul_in_a_basic_user_name_is_401_not_500(ledger: dict[str, Any]) -> None:
    for name in ("vi\x00c", "\x00", "\ud800"):
        with httpx.Client(base_url=ledger["base"]) as c:
            header = "Basic " + __import__("base64").b64encode(
                f"{name}:password".encode("utf-8", "surrogatepass")).decode()
            r = c.get("/api/incidents", headers={"Authorization": header})
            assert r.status_code == 401, (name, r.status_code, r.text)
    _reads_still_work(ledger["base"])


# --- bodies: limits before parsing, auth before reading -----------------------------------


def _raw_request(base: str, head: str, body: bytes = b"", wait: float = 10.0) -> str:
    """Send a raw HTTP request (the body may be shorter than declared); the status line
    of the answer, or '' when none came within `wait` seconds."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        sock.sendall(head.encode("latin-1") + body)
        try:
            data = sock.recv(4096)
        except TimeoutError:
            return ""
    return data.decode("latin-1").split("\r\n", 1)[0]


def test_a_huge_declared_body_is_refused_before_it_is_read(ledger: dict[str, Any]) -> None:
    base = ledger["base"]
    for path in ("/api/incidents/inc-carib-1/reviews", "/login", "/admin/users"):
        head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"Content-Length: {1 << 30}\r\n\r\n")
        t0 = time.monotonic()
        status = _raw_request(base, head, b'{"action": "accept", "note": "')
        assert " 413 " in status, (path, status)  # answered without the 1 GiB
        assert time.monotonic() - t0 < 5


def test_the_review_api_checks_who_asks_before_reading_the_body(
        ledger: dict[str, Any]) -> None:
    """Under the global limit, but never sent in full: an anonymous sender is turned away
    at once (401), not after the server waited for and parsed its body."""
    import base64

    wrong = base64.b64encode(b"eve:not-her-password").decode()
    viewer = base64.b64encode(f"vic:{PASSWORDS['vic']}".encode()).decode()
    for auth, expected in (("", " 403 "),  # no Basic, no CSRF token
                           (f"Authorization: Basic {wrong}\r\n", " 401 "),
                           (f"Authorization: Basic {viewer}\r\n", " 403 ")):  # a viewer
        head = ("POST /api/incidents/inc-carib-1/reviews HTTP/1.1\r\nHost: x\r\n"
                f"{auth}Content-Type: application/json\r\nContent-Length: 500000\r\n\r\n")
        status = _raw_request(ledger["base"], head, b'{"action": "acc')
        assert expected in status, (auth, status)


def test_chunked_bodies_are_cut_at_the_limit(ledger: dict[str, Any]) -> None:
    def endless() -> Iterator[bytes]:
        yield b'{"action": "accept", "note": "'
        for _ in range(64):  # 4 MiB in all, no Content-Length
            yield b"x" * 65536

    with httpx.Client(base_url=ledger["base"], timeout=30) as c:
        r = c.post("/api/incidents/inc-carib-1/reviews", content=endless(), auth=EDITOR,
                   headers={"Content-Type": "application/json"})
    assert r.status_code == 413, r.text
    assert "too large" in r.json()["error"]["message"]


# --- the ledger's reads: hostile dates and searches ---------------------------------------


def _odd_dated(store: Any) -> None:
    """Incidents and a tally with dates far out of range, as an older version stored them."""
    kept = store.incidents()
    odd = [Incident(id=f"inc-odd-{d}", status="occurred", date_low=d, date_high=d,
                    killed_low=1, killed_high=1) for d in ("9999-12-31", "0001-01-03")]
    tallies = [*store.tallies(), Tally(id="tally-odd", killed_low=3, period_low="0001-01-01",
                                       period_high="9999-12-31")]
    store.replace_ledger([*kept, *odd], tallies)


def test_far_out_dates_do_not_break_the_timeline(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "odd.db"))
    build_ledger(store)
    _odd_dated(store)
    app = create_app(store, settings=WebSettings(secret_key="odd"))
    with serve(app) as base, httpx.Client(base_url=base, auth=VIEWER, timeout=60) as c:
        r = c.get("/timeline")
        assert r.status_code == 200, r.text[:300]
        assert len(r.content) < 200_000, len(r.content)  # not one row per week since year 1
        assert "2 dated outside the years 1800–2200 not drawn" in r.text
        for path in ("/", "/map", "/api/incidents?sort=-date_low", "/api/export?format=csv",
                     "/api/incidents/inc-odd-9999-12-31", "/incidents/inc-odd-0001-01-03"):
            assert c.get(path).status_code == 200, path


def test_a_search_of_a_thousand_words_is_a_400_not_a_500(ledger: dict[str, Any]) -> None:
    words = " ".join(f"w{i}" for i in range(1200))
    with httpx.Client(base_url=ledger["base"], auth=VIEWER, timeout=60) as c:
        for path in ("/api/incidents", "/api/export", "/", "/map", "/timeline"):
            r = c.get(path, params={"q": words})
            assert r.status_code == 400, (path, r.status_code, r.text[:200])
            assert "q:" in r.text and "at most" in r.text
        # repeated words count once: a long but plain query still works
        r = c.get("/api/incidents", params={"q": " ".join(["drone"] * 2000)})
        assert r.status_code == 200


def test_signed_in_pages_are_not_cached(ledger: dict[str, Any]) -> None:
    with httpx.Client(base_url=ledger["base"], auth=VIEWER) as c:
        for path in ("/", "/incidents/inc-carib-1", "/api/incidents", "/timeline"):
            assert c.get(path).headers.get("cache-control") == "no-store", path


# --- sign-in: proxies, Basic floods -----------------------------------------------------


def test_x_forwarded_for_from_loopback_does_not_dodge_the_login_limit(
        tmp_path: Path) -> None:
    """`strikewatch serve` as an operator runs it: X-Forwarded-For is believed only from
    proxies named with --forwarded-allow-ips (uvicorn believes 127.0.0.1 by default)."""
    db = tmp_path / "proxy.db"
    store = open_store(str(db))
    store.add_user("vic", hash_password(PASSWORDS["vic"]), "viewer")
    store.close()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STRIKEWATCH_SECRET": "proxy"}
    proc = subprocess.Popen([sys.executable, "-m", "strikewatch", "serve", "--db", str(db),
                             "--port", str(port)], env=env, cwd=str(ROOT),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, "no server"
                time.sleep(0.2)
        codes = []
        with httpx.Client(base_url=base, timeout=30) as c:
            for i in range(7):
                r = c.get("/api/tallies", auth=("vic", f"guess{i}"),
                          headers={"X-Forwarded-For": f"203.0.113.{i + 1}"})
                codes.append(r.status_code)
        assert codes[:5] == [401] * 5 and codes[5:] == [429, 429], codes
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_verified_basic_credentials_are_cached_and_dropped_on_password_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(str(tmp_path / "cache.db"))
    store.add_user("vic", hash_password(PASSWORDS["vic"]), "viewer")
    auth = Auth(store, WebSettings(secret_key="c"))
    checks: list[str] = []
    real = auth_module.verify_password
    monkeypatch.setattr(auth_module, "verify_password",
                        lambda h, p: checks.append(p) or real(h, p))
    for _ in range(5):
        user = auth.login("vic", PASSWORDS["vic"], "client")
        assert user is not None and user.role == "viewer"
    assert len(checks) == 1  # Argon2 once; the next four from the cache
    assert auth.login("vic", "not the password", "client") is None
    assert len(checks) == 2  # a wrong password is never a cache hit
    store.add_user("vic", hash_password("a new password"), "editor")
    assert auth.login("vic", PASSWORDS["vic"], "client") is None  # the old one is gone
    user = auth.login("vic", "a new password", "client")
    assert user is not None and user.role == "editor"
    store.delete_user("vic")
    assert auth.login("vic", "a new password", "client") is None
    # the cache is bounded and keyed by a keyed hash: no password or name is held
    assert all(len(k) == 32 for k in auth.verified._entries)
    assert not any(b"new password" in k for k in auth.verified._entries)


def test_a_flood_of_random_basic_names_runs_few_password_checks_at_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(str(tmp_path / "flood.db"))
    store.add_user("vic", hash_password(PASSWORDS["vic"]), "viewer")
    auth = Auth(store, WebSettings(secret_key="f", password_checks=2,
                                   password_check_wait=30))
    running = peak = 0
    lock = threading.Lock()
    real = auth_module.verify_password

    def counted(h: str, p: str) -> bool:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        try:
            return real(h, p)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(auth_module, "verify_password", counted)
    assert auth.login("vic", PASSWORDS["vic"], "me") is not None  # cached from here on
    results: list[object] = []

    def flood(i: int) -> None:
        results.append(auth.login(f"random-{i}", "x", f"10.0.0.{i}"))

    threads = [threading.Thread(target=flood, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    t0 = time.monotonic()
    assert auth.login("vic", PASSWORDS["vic"], "me") is not None  # no queue for a hit
    hit = time.monotonic() - t0
    for t in threads:
        t.join()
    assert peak <= 2, peak
    assert results == [None] * 16
    assert hit < 1.0, hit


def test_when_every_check_is_taken_basic_answers_503(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "busy.db"))
    build_ledger(store)
    app = create_app(store, settings=WebSettings(secret_key="b", password_checks=1,
                                                 password_check_wait=0.05))
    auth: Auth = app.state.auth
    with serve(app) as base, httpx.Client(base_url=base) as browser:
        token = re.search(r'name="csrf_token" value="([^"]+)"', browser.get("/login").text)
        assert token
        assert auth._checks.acquire()  # the one slot is held by someone else
        try:
            r = httpx.get(base + "/api/tallies", auth=("zed", PASSWORDS["zed"]))
            form = browser.post("/login", data={"username": "zed", "password": "guess",
                                                "csrf_token": token.group(1)})
        finally:
            auth._checks.release()
        assert r.status_code == 503 and r.headers.get("retry-after")
        assert form.status_code == 503 and "Try again in a few seconds" in form.text
        assert httpx.get(base + "/api/tallies", auth=("zed", PASSWORDS["zed"])
                         ).status_code == 200


def test_a_store_poisoned_by_an_older_version_is_repaired_on_open(tmp_path: Path) -> None:
    """A lone surrogate and a NUL in a review note, as an older version stored them
    (SQLite keeps the JSON escapes): migration 0009 rewrites them, so the ledger reads and
    rebuilds again instead of failing for everyone."""
    import sqlite3

    from strikewatch import pipeline
    from strikewatch.records import Review

    path = tmp_path / "poisoned.db"
    store = open_store(str(path))
    build_ledger(store)
    store.add_review(Review(action="accept", incident_id="inc-carib-1", user="eve",
                            at="2025-11-05T00:00:00+00:00", note="placeholder"))
    store.close()
    # the schema back to 0008, before the repair (the later migrations undone properly)
    from alembic import command

    from strikewatch.store.sql import alembic_config, make_engine

    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0008")
    engine.dispose()
    with sqlite3.connect(path) as db:
        review_id, data = db.execute("SELECT id, data FROM reviews").fetchone()
        poisoned = {**json.loads(data), "note": "lone \ud800 and nul \x00 here"}
        db.execute("UPDATE reviews SET data = ? WHERE id = ?",
                   (json.dumps(poisoned), review_id))
    store = open_store(str(path))
    assert [r.note for r in store.reviews()] == ["lone \ufffd and nul  here"]
    app = create_app(store, settings=WebSettings(secret_key="poison"))
    with serve(app) as base:
        _reads_still_work(base)
    pipeline.rebuild_ledger(store, pipeline.PipelineReport())  # the ledger write works too

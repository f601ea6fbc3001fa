"""`strikewatch user add` and `strikewatch serve`, run as real processes on a real store."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from strikewatch.accounts.auth import verify_password
from tests._webdata import PASSWORDS, free_port, make_store

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "strikewatch", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_user_add_hashes_the_password(tmp_path: Path) -> None:
    store, _ = make_store(tmp_path)
    db = str(tmp_path / "web.db")
    r = run_cli("user", "add", "root", "--role", "admin", "--db", db, "--password-stdin",
                stdin="s3cret-enough\n")
    assert r.returncode == 0, r.stderr
    row = store.get_user("root")
    assert row and row["role"] == "admin"
    assert row["password_hash"] != "s3cret-enough"
    assert verify_password(row["password_hash"], "s3cret-enough")
    bad = run_cli("user", "add", "x", "--role", "king", "--db", db, "--password-stdin",
                  stdin="whatever-long\n")
    assert bad.returncode == 2 and "role 'king'" in bad.stderr
    short = run_cli("user", "add", "y", "--db", db, "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "at least 8" in short.stderr
    listed = run_cli("user", "list", "--db", db)
    assert "root\tadmin" in listed.stdout and "argon2" not in listed.stdout
    assert run_cli("user", "delete", "root", "--db", db).returncode == 0
    assert store.get_user("root") is None
    gone = run_cli("user", "delete", "root", "--db", db)
    assert gone.returncode == 1 and "no user 'root'" in gone.stderr


@contextlib.contextmanager
def serving(tmp_path: Path, *options: str, secret: str) -> Iterator[str]:
    """`strikewatch serve` on the test store as a real process; yields its base URL once it
    answers, and stops it afterwards."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STRIKEWATCH_SECRET": secret}
    proc = subprocess.Popen([sys.executable, "-m", "strikewatch", "serve", "--db",
                             str(tmp_path / "web.db"), "--port", str(port), *options],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/login")
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("serve did not start: "
                                + (proc.stdout.read().decode() if proc.stdout else ""))
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(20)


def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    make_store(tmp_path)
    with serving(tmp_path, "--anonymous", secret="x" * 32) as base:
        r = httpx.get(base + "/api/incidents", params={"grade": "fair"})
        assert r.status_code == 200 and r.json()["total"] == 1
        assert httpx.get(base + "/").status_code == 200  # anonymous reading is on
        assert "openapi" in httpx.get(base + "/openapi.json").json()


def test_serve_session_idle_option_ends_idle_sessions(tmp_path: Path) -> None:
    """`serve --session-idle 1`: the option reaches the running server's session policy."""
    make_store(tmp_path)
    with serving(tmp_path, "--session-idle", "1", secret="y" * 32) as base:
        page = httpx.get(base + "/login")
        with httpx.Client(base_url=base, cookies=page.cookies) as c:
            token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
            assert token
            r = c.post("/login", data={"username": "vic", "password": PASSWORDS["vic"],
                                       "csrf_token": token.group(1)})
            assert r.status_code == 303
            assert c.get("/api/tallies").status_code == 200
            time.sleep(1.5)
            assert c.get("/api/tallies").status_code == 401

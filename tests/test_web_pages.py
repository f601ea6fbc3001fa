"""The server-rendered pages over real HTTP: sign-in, roles, CSRF, escaping, review."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from strikewatch.accounts.auth import WebSettings
from strikewatch.server import create_app
from tests._webdata import PASSWORDS, make_store, serve


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    store, ids = make_store(tmp_path_factory.mktemp("pages"), extra_nearby=12)
    app = create_app(store, settings=WebSettings(secret_key="pages-secret", login_attempts=3))
    with serve(app) as base:
        yield {"base": base, "ids": ids, "store": store}


def csrf(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token in the form"
    return m.group(1)


@contextlib.contextmanager
def signed_in(base: str, user: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base) as c:
        token = csrf(c.get("/login").text)
        r = c.post("/login", data={"username": user, "password": PASSWORDS[user],
                                   "csrf_token": token, "next": "/"})
        assert r.status_code == 303, r.text
        yield c


def test_pages_need_sign_in_and_keep_where_you_were_going(site: dict[str, Any]) -> None:
    r = httpx.get(site["base"] + "/map?grade=fair")
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=%2Fmap%3Fgrade%3Dfair"


def test_wrong_password_csrf_and_rate_limit(site: dict[str, Any]) -> None:
    with httpx.Client(base_url=site["base"]) as c:
        token = csrf(c.get("/login").text)
        r = c.post("/login", data={"username": "eve", "password": "nope", "csrf_token": token})
        assert r.status_code == 401 and "wrong password" in r.text
        r = c.post("/login", data={"username": "eve", "password": PASSWORDS["eve"]})
        assert r.status_code == 403 and "CSRF" in r.text
        for _ in range(2):
            c.post("/login", data={"username": "zed", "password": "x", "csrf_token": token})
        c.post("/login", data={"username": "zed", "password": "y", "csrf_token": token})
        r = c.post("/login", data={"username": "zed", "password": PASSWORDS["zed"],
                                   "csrf_token": token})
        assert r.status_code == 429  # even the right password waits after 3 failures
        assert "session" not in "".join(c.cookies.keys()).replace("sw_csrf", "")


def test_open_redirects_are_refused(site: dict[str, Any]) -> None:
    with httpx.Client(base_url=site["base"]) as c:
        token = csrf(c.get("/login").text)
        r = c.post("/login", data={"username": "vic", "password": PASSWORDS["vic"],
                                   "csrf_token": token, "next": "//evil.example/"})
        assert r.headers["location"] == "/"


def test_ledger_filters_sorting_and_totals(site: dict[str, Any]) -> None:
    with signed_in(site["base"], "vic") as c:
        html = c.get("/", params={"grade": "fair"}).text
        assert '<span data-total="incidents">1</span>' in html
        assert 'data-total="killed">9–11<' in html
        html = c.get("/", params={"status": "planned"}).text
        assert '<span data-total="incidents">1</span>' in html
        assert "/incidents/inc-mexico-plan" in html
        html = c.get("/", params={"sort": "-killed_low", "country": "Caribbean Sea"}).text
        rows = re.findall(r'href="/incidents/([^"]+)"', html)
        assert rows[0] == "inc-carib-1"
        assert c.get("/", params={"date_to": "soon"}).status_code == 400
        assert "Content-Security-Policy" in c.get("/").headers


def test_article_text_is_escaped_everywhere(site: dict[str, Any]) -> None:
    with signed_in(site["base"], "vic") as c:
        art = c.get(f"/articles/{site['ids']['articles']['A']}").text
        assert "<script>document.title" not in art
        assert "&lt;script&gt;document.title=&#39;pwned&#39;" in art
        assert "&lt;b&gt;off Sucre&lt;/b&gt;" in art  # a title with markup, shown as text
        inc = c.get("/incidents/inc-carib-1").text
        assert "<script>document" not in inc and "&lt;script&gt;" in inc


def test_incident_page_shows_evidence_grade_and_flags(site: dict[str, Any]) -> None:
    with signed_in(site["base"], "vic") as c:
        html = c.get("/incidents/inc-carib-1").text
        assert re.search(r'data-labels="[^"]*killed[^"]*">killing eleven people aboard</mark>',
                         html)
        assert "two independent sources" in html
        assert "sources disagree (9 vs 11)" in html
        assert "Your role (viewer) can read" in html and 'value="accept"' not in html
        assert c.get("/incidents/nope").status_code == 404


def test_map_and_timeline(site: dict[str, Any]) -> None:
    with signed_in(site["base"], "vic") as c:
        html = c.get("/map").text
        counts = [int(n) for n in re.findall(r'data-count="(\d+)"', html)]
        assert sum(counts) == 16 - 0 and max(counts) >= 12  # 16 placed, clustered
        assert "Caribbean Sea</text>" in html
        html = c.get("/timeline").text
        assert "Tally: ≥40 killed, ≥13 strikes" in html and "inconsistent" in html


def test_viewer_cannot_review_editor_can(site: dict[str, Any]) -> None:
    store = site["store"]
    with signed_in(site["base"], "vic") as c:
        token = csrf(c.get("/incidents/inc-pacific-1").text)
        r = c.post("/incidents/inc-pacific-1/review", data={"action": "accept",
                                                            "csrf_token": token})
        assert r.status_code == 403
    assert store.reviews("inc-pacific-1") == []
    with signed_in(site["base"], "eve") as c:
        page = c.get("/incidents/inc-pacific-1").text
        token = csrf(page)
        r = c.post("/incidents/inc-pacific-1/review",
                   data={"action": "edit", "killed_low": "5", "killed_high": "4",
                         "status": "occurred", "grade": "weak", "csrf_token": token})
        assert r.status_code == 400 and "low (5) is above high (4)" in r.text
        assert store.reviews("inc-pacific-1") == []
        r = c.post("/incidents/inc-pacific-1/review",
                   data={"action": "edit", "killed_high": "4", "status": "occurred",
                         "grade": "weak", "note": "a fourth body found", "csrf_token": token})
        assert r.status_code == 303
        [review] = store.reviews("inc-pacific-1")
        assert (review.user, review.action) == ("eve", "edit")
        assert review.before["killed_high"] == 3 and review.after["killed_high"] == 4
        assert review.payload == {"killed_high": 4}  # as strikewatch.ledger.reviews reads it
        # applied where the ledger is written: every reader sees it, the machine value kept
        stored = store.get_incident("inc-pacific-1")
        assert stored.killed_high == 4 and stored.machine == {"killed_high": 3}
        html = c.get("/incidents/inc-pacific-1").text
        assert "a fourth body found" in html and '<td class="num">' not in html[:0]
        assert "3–4" in html  # the page shows the reviewed value


def test_merge_split_and_reject_are_recorded(site: dict[str, Any]) -> None:
    store = site["store"]
    m_b = site["ids"]["mentions"]["B"]
    with signed_in(site["base"], "eve") as c:
        token = csrf(c.get("/incidents/inc-near-00").text)
        r = c.post("/incidents/inc-near-00/review", data={"action": "merge",
                   "incident_ids": "inc-near-01, no-such", "csrf_token": token})
        assert "no incident with id &#39;no-such&#39;" in r.text
        assert store.reviews("inc-near-00") == []
        r = c.post("/incidents/inc-near-00/review", data={"action": "merge",
                   "incident_ids": "inc-near-01", "note": "same boat", "csrf_token": token})
        assert r.status_code == 303
        [merge] = store.reviews("inc-near-00")
        assert merge.payload == {"incident_ids": ["inc-near-01"]} and merge.user == "eve"
        assert "merged in: <a href=\"/incidents/inc-near-01\"" in c.get(
            "/incidents/inc-near-00").text
        # the merge is applied where the ledger is written: the merged-away id redirects
        other = c.get("/incidents/inc-near-01")
        assert other.status_code == 307 and other.headers["location"] == "/incidents/inc-near-00"
        assert store.get_incident("inc-near-01") is None
        assert "inc-near-01" not in c.get("/", params={"limit": 500}).text

        r = c.post("/incidents/inc-carib-1/review", data={"action": "split",
                   "mention_ids": [m_b], "csrf_token": token})
        assert r.status_code == 303
        split = [x for x in store.reviews("inc-carib-1") if x.action == "split"]
        assert split and split[0].payload["mention_ids"] == [m_b]
        assert split[0].before and split[0].after
        assert m_b in split[0].before["mention_ids"] and m_b not in split[0].after["mention_ids"]
        html = c.get("/incidents/inc-carib-1").text
        assert "Mentions <small>(1)</small>" in html and "split off mentions" in html

        r = c.post("/incidents/inc-carib-2/review", data={"action": "reject",
                   "note": "duplicate of a radio rumour", "csrf_token": "forged"})
        assert r.status_code == 403
        r = c.post("/incidents/inc-carib-2/review", data={"action": "reject",
                   "note": "duplicate of a radio rumour", "csrf_token": token})
        assert r.status_code == 303
        html = c.get("/incidents/inc-carib-2").text
        assert "rejected by reviewer eve: duplicate of a radio rumour" in html
        assert 'grade-discounted">discounted' in html


def test_admins_manage_users(site: dict[str, Any]) -> None:
    with signed_in(site["base"], "eve") as c:
        assert c.get("/admin/users").status_code == 403
    with signed_in(site["base"], "ada") as c:
        page = c.get("/admin/users").text
        assert "<td>vic</td><td>viewer</td>" in page
        token = csrf(page)
        r = c.post("/admin/users", data={"username": "new reader", "role": "viewer",
                                         "password": "long-enough-1", "csrf_token": token})
        assert r.status_code == 400 and "no spaces" in r.text
        r = c.post("/admin/users", data={"username": "rita", "role": "viewer",
                                         "password": "long-enough-1", "csrf_token": token})
        assert r.status_code == 303
    row = site["store"].get_user("rita")
    assert row and row["role"] == "viewer"
    with httpx.Client(base_url=site["base"]) as rita:
        token = csrf(rita.get("/login").text)
        r = rita.post("/login", data={"username": "rita", "password": "long-enough-1",
                                      "csrf_token": token})
        assert r.status_code == 303
        assert rita.get("/").status_code == 200
        with signed_in(site["base"], "ada") as c:  # the admin sets a new password
            c.post("/admin/users", data={"username": "rita", "role": "viewer",
                                         "password": "another-pass-2",
                                         "csrf_token": csrf(c.get("/admin/users").text)})
        assert rita.get("/").status_code == 303  # the old session has ended

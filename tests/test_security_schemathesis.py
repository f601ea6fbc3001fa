"""schemathesis against the OpenAPI spec the server publishes: no request gives a 5xx.

The server is the real app under uvicorn on loopback (tests/_webdata.serve) over a real
SQLite ledger that also holds issue 18's hostile values (Rich markup, incidents and a
tally dated in years 1 and 9999); the spec is fetched from its /openapi.json. Each
operation gets a bounded number of generated requests (valid and invalid,
Hypothesis-driven) as a signed-in viewer and as an anonymous client.
STRIKEWATCH_FUZZ_EXAMPLES raises the count for a bigger run:
    STRIKEWATCH_FUZZ_EXAMPLES=500 python -m pytest -q tests/test_security_schemathesis.py
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from strikewatch.accounts.auth import SESSION_COOKIE, WebSettings
from strikewatch.server import create_app
from tests._webdata import PASSWORDS, add_hostile_values, make_store, serve

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

EXAMPLES = int(os.environ.get("STRIKEWATCH_FUZZ_EXAMPLES", "25"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    store, _ = make_store(tmp_path_factory.mktemp("fuzz"), extra_nearby=3)
    add_hostile_values(store)  # the stored data holds issue 18's hostile values too
    app = create_app(store, settings=WebSettings(secret_key="fuzz-secret"))
    with serve(app) as base, httpx.Client(base_url=base) as c:
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text)
        assert token
        r = c.post("/login", data={"username": "vic", "password": PASSWORDS["vic"],
                                   "csrf_token": token.group(1)})
        assert r.status_code == 303
        spec = c.get("/openapi.json").json()
        yield {"base": base, "spec": spec, "cookie": c.cookies[SESSION_COOKIE],
               "store": store}


def operations(spec: dict[str, Any]) -> list[Any]:
    schema = schemathesis.openapi.from_dict(spec)
    ops = [result.ok() for result in schema.get_all_operations()]
    assert len(ops) >= 6, [o.label for o in ops]
    return ops


def fuzz(server: dict[str, Any], op: Any, mode: Any, cookies: dict[str, str],
         auth: tuple[str, str] | None = None, **fixed: Any) -> set[int]:
    """Send EXAMPLES generated requests for one operation; the statuses seen."""
    statuses: set[int] = set()

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=op.as_strategy(generation_mode=mode, **fixed))
    def check(case: Any) -> None:
        resp = case.call(base_url=server["base"], cookies=cookies, auth=auth, timeout=30)
        statuses.add(resp.status_code)
        assert resp.status_code < 500, (case.method, case.formatted_path, case.query,
                                        resp.status_code, resp.text[:300])
        case.validate_response(resp, checks=[not_a_server_error])

    try:
        check()
    except Unsatisfiable:  # nothing about this operation can be made invalid (no params)
        assert mode == GenerationMode.NEGATIVE
    return statuses


@pytest.mark.parametrize("mode", ["positive", "negative"])
@pytest.mark.parametrize("signed_in", [True, False], ids=["viewer", "anonymous"])
def test_no_server_errors_for_generated_requests(server: dict[str, Any], signed_in: bool,
                                                 mode: str) -> None:
    cookies = {SESSION_COOKIE: server["cookie"]} if signed_in else {}
    seen = {op.label: fuzz(server, op, GenerationMode(mode), cookies)
            for op in operations(server["spec"])}
    if signed_in and mode == "positive":  # the run reached the handlers, not only the wall
        assert any(200 in s for s in seen.values()), seen
    if not signed_in:  # and nothing got past the sign-in wall
        assert not any(200 <= code < 300 for s in seen.values() for code in s), seen


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_server_errors_for_generated_reviews_as_an_editor(server: dict[str, Any],
                                                             mode: str) -> None:
    """The write route, deep inside: an editor (HTTP Basic, no CSRF needed) posts generated
    review decisions, valid and invalid, to real and made-up incidents."""
    ops = [op for op in operations(server["spec"]) if op.method.upper() == "POST"]
    assert ops, "no POST operation in the spec"
    editor = ("eve", PASSWORDS["eve"])
    for op in ops:
        fuzz(server, op, GenerationMode(mode), {}, auth=editor)
        if "{incident_id}" in op.path:  # and against incidents that exist
            for incident in ("inc-carib-1", "inc-odd-9999-12-31"):
                seen = fuzz(server, op, GenerationMode(mode), {}, auth=editor,
                            path_parameters={"incident_id": incident})
                if mode == "positive":
                    assert seen & {201, 400}, seen  # the handler itself answered


PAGE_PARAMS = ["q", "actor", "country", "status", "grade", "event_type", "sort", "limit",
               "offset", "date_from", "date_to", "bbox", "min_killed", "domain", "next",
               "error", "saved", "totals"]


def test_no_server_errors_for_generated_page_queries(server: dict[str, Any]) -> None:
    """The HTML pages are not in the OpenAPI spec; Hypothesis drives their query strings
    (known parameter names and random ones, any text) as a signed-in viewer."""
    import httpx as _httpx
    from hypothesis import strategies as st

    pages = ["/", "/map", "/timeline", "/articles", "/incidents/inc-carib-1",
             "/incidents/inc-odd-9999-12-31", "/login", "/admin/users"]
    text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
    params = st.dictionaries(st.sampled_from(PAGE_PARAMS) | text, text | st.integers(
        min_value=-(2**70), max_value=2**70).map(str), max_size=5)
    statuses: set[int] = set()
    with _httpx.Client(base_url=server["base"], timeout=30,
                       cookies={SESSION_COOKIE: server["cookie"]}) as c:

        @settings(max_examples=EXAMPLES * 4, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(page=st.sampled_from(pages), query=params)
        def check(page: str, query: dict[str, str]) -> None:
            r = c.get(page, params=query)
            statuses.add(r.status_code)
            assert r.status_code < 500, (page, query, r.status_code, r.text[:300])

        check()
    assert 200 in statuses


def test_no_server_errors_for_any_body_on_any_post_route(server: dict[str, Any]) -> None:
    """Every POST route of the app (read from its routes, pages included) gets generated
    bodies as a signed-in admin with a valid CSRF token: forms with any fields and values,
    JSON of any shape, raw bytes, under any content type. No answer is a 5xx."""
    from hypothesis import strategies as st

    from tests.test_security_access import app_routes

    app = create_app(server["store"], settings=WebSettings(secret_key="fuzz-secret"))
    posts = sorted(path for method, path in app_routes(app) if method == "POST")
    assert "/api/incidents/{incident_id}/reviews" in posts and "/login" in posts
    paths = [p.replace("{incident_id}", "inc-odd-9999-12-31") for p in posts]
    # any text, and issue 18's hostile values (a lone surrogate, NUL, markup, odd dates)
    text = st.text(max_size=60) | st.lists(st.sampled_from(
        ["\ud800", "\udfff", "\x00", "[/oops]", "9999-12-31", "0001-01-03", "2025W451", "a",
         "inc-carib-1", " ", ","]), max_size=4).map("".join)
    json_value = st.recursive(st.none() | st.booleans() | st.integers() | text,
                              lambda kids: st.lists(kids, max_size=4)
                              | st.dictionaries(text, kids, max_size=4), max_leaves=12)
    names = st.sampled_from(["action", "note", "username", "password", "role", "next",
                             "date_low", "killed_low", "mention_ids", "incident_ids",
                             "grade", "status"]) | text
    # review-shaped bodies reach deep into the handlers; any JSON at all covers the rest
    review = st.fixed_dictionaries(
        {"action": st.sampled_from(["accept", "edit", "merge", "split", "reject"]) | text},
        optional={"data": st.dictionaries(names, json_value, max_size=4), "note": text,
                  "extra": json_value})
    statuses: set[int] = set()
    with httpx.Client(base_url=server["base"], timeout=30) as c:
        token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text)
        assert token
        c.post("/login", data={"username": "ada", "password": PASSWORDS["ada"],
                               "csrf_token": token.group(1)})
        page = c.get("/admin/users").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert csrf

        @settings(max_examples=EXAMPLES * 4 * len(paths), deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(path=st.sampled_from(paths), kind=st.sampled_from(["form", "json", "bytes"]),
               form=st.dictionaries(names, text | st.lists(text, max_size=3), max_size=6),
               body=review | json_value, raw=st.binary(max_size=300),
               ctype=st.sampled_from(["application/json", "application/x-www-form-urlencoded",
                                      "multipart/form-data; boundary=x", "text/plain", ""]))
        def check(path: str, kind: str, form: dict[str, Any], body: Any, raw: bytes,
                  ctype: str) -> None:
            headers = {"X-CSRF-Token": csrf.group(1)}
            if kind == "form":
                pairs = [(k, v) for k, vs in form.items()
                         for v in (vs if isinstance(vs, list) else [vs])]
                pairs.append(("csrf_token", csrf.group(1)))
                content = "&".join(
                    f"{quote(k, errors='surrogatepass')}={quote(v, errors='surrogatepass')}"
                    for k, v in pairs).encode("ascii")
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            elif kind == "json":
                content = json.dumps(body).encode("ascii")  # a lone surrogate: \\ud800
                headers["Content-Type"] = "application/json"
            else:
                content = raw
                headers["Content-Type"] = ctype
            r = c.post(path, content=content, headers=headers)
            seen.add(path)
            statuses.add(r.status_code)
            assert r.status_code < 500, (path, kind, content[:200], r.status_code,
                                         r.text[:300])

        seen: set[str] = set()
        check()
    assert seen == set(paths) and statuses & {200, 201, 303, 400, 422}, (seen, statuses)

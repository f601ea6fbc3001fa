"""schemathesis against the OpenAPI spec the server publishes: no request gives a 5xx.

The server is the real app under uvicorn on loopback (tests/_webdata.serve) over a real
SQLite ledger; the spec is fetched from its /openapi.json. Each operation gets a bounded
number of generated requests (valid and invalid, Hypothesis-driven) as a signed-in viewer
and as an anonymous client. STRIKEWATCH_FUZZ_EXAMPLES raises the count for a bigger run:
    STRIKEWATCH_FUZZ_EXAMPLES=500 python -m pytest -q tests/test_security_schemathesis.py
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from strikewatch.accounts.auth import SESSION_COOKIE, WebSettings
from strikewatch.server import create_app
from tests._webdata import PASSWORDS, make_store, serve

schemathesis = pytest.importorskip("schemathesis")
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

EXAMPLES = int(os.environ.get("STRIKEWATCH_FUZZ_EXAMPLES", "25"))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    store, _ = make_store(tmp_path_factory.mktemp("fuzz"), extra_nearby=3)
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
        if "{incident_id}" in op.path:  # and against an incident that exists
            seen = fuzz(server, op, GenerationMode(mode), {}, auth=editor,
                        path_parameters={"incident_id": "inc-carib-1"})
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
             "/login", "/admin/users"]
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

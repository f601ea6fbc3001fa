"""Property-based: requests generated from the app's OpenAPI schema (schemathesis +
hypothesis) against a real server over loopback and a real store; every answer is below
500, and every error is JSON with a status and a message."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from strikewatch.accounts.auth import WebSettings
from strikewatch.server import create_app
from tests._webdata import make_store, serve


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    store, _ = make_store(tmp_path_factory.mktemp("schema"))
    app = create_app(store, settings=WebSettings(allow_anonymous=True))
    with serve(app) as base:
        yield schemathesis.openapi.from_dict(app.openapi()), base


def test_every_operation_answers_without_server_errors(live: tuple[Any, str]) -> None:
    schema, base = live
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 6
    statuses: list[int] = []
    with httpx.Client(base_url=base) as client:
        def call(case: Any) -> None:
            kwargs = case.as_transport_kwargs(base_url=base)
            r = client.request(kwargs["method"], kwargs["url"], params=kwargs.get("params"),
                               headers=kwargs.get("headers"))
            statuses.append(r.status_code)
            assert r.status_code < 500, (kwargs, r.text)
            if r.status_code >= 400:
                err = r.json()["error"]
                assert err["status"] == r.status_code
                assert isinstance(err["message"], str) and err["message"]

        for op in operations:
            check = settings(max_examples=25, deadline=None, database=None,
                             suppress_health_check=list(HealthCheck))(
                given(case=op.as_strategy())(call))
            check()
    # the generated requests exercised both answers and errors
    assert 200 in statuses and any(400 <= s < 500 for s in statuses), sorted(set(statuses))

"""/docs and /redoc in Chromium with nothing fetched from outside the server, the nav's
"API" link, and an OpenAPI schema whose error model is the one the API really sends."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from strikewatch.api.errors import ErrorOut
from tests._browser import PHONE, REDOC_LOGO, no_overflow, open_page, page_errors, shot, sign_in
from tests._webdata import PASSWORDS

pytestmark = pytest.mark.browser


def test_docs_and_redoc_render_offline(web_site: dict[str, Any], web_browser: Any) -> None:
    base = web_site["base"]
    page = open_page(web_browser)
    answered: list[str] = []  # every request that got an answer, from anywhere
    page.on("requestfinished", lambda r: answered.append(r.url))
    sign_in(page, base, "vic")
    page.click("header nav a:has-text('API')")
    page.wait_for_url(base + "/docs")
    # Swagger UI drew every operation from the schema
    page.wait_for_selector(".opblock-summary-path", timeout=20000)
    paths = {p.inner_text().replace("\u200b", "")
             for p in page.locator(".opblock-summary-path").all()}
    assert "/api/incidents" in paths and "/api/incidents/{incident_id}/reviews" in paths
    assert page.locator("html").get_attribute("lang") == "en"
    shot(page, "docs")
    page.goto(base + "/redoc")
    page.wait_for_selector("[data-section-id^='tag/ledger'], .api-content", timeout=20000)
    page.get_by_text("/api/incidents/{incident_id}/reviews").first.wait_for(timeout=20000)
    titles = page.locator(".api-content h2").all_inner_texts()
    assert len(titles) >= 7 and "Add Review" in titles, titles
    shot(page, "redoc")
    assert any(u.endswith("/redoc.standalone.js") for u in answered)
    outside = [u for u in answered if not u.startswith((base, "data:", "blob:", "about:"))]
    assert outside == []
    # ReDoc's logo from a CDN is refused by the page's policy; nothing else may fail
    assert any(REDOC_LOGO in e for e in page.errors)
    assert page_errors(page) == [], page.errors


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_fit_a_phone(web_site: dict[str, Any], web_browser: Any, path: str) -> None:
    pg = open_page(web_browser, **PHONE)
    pg.goto(web_site["base"] + path)
    pg.wait_for_selector(".opblock-summary-path" if path == "/docs" else ".api-content",
                         timeout=20000)
    no_overflow(pg)
    shot(pg, f"{path.strip('/')}-390")


def test_schema_declares_the_error_the_api_sends(web_site: dict[str, Any]) -> None:
    base = web_site["base"]
    schema = httpx.get(base + "/openapi.json").json()
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    ref = "#/components/schemas/ErrorOut"
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            errors = {s: r for s, r in op["responses"].items() if s.startswith(("4", "5"))}
            assert {"400", "401", "422"} <= set(errors), (path, method)
            for status, resp in errors.items():
                assert resp["content"]["application/json"]["schema"]["$ref"] == ref, (
                    path, method, status)
    # what the API answers for each kind of error fits that model
    auth = ("vic", PASSWORDS["vic"])
    for url, status in (("/api/incidents?grade=superb", 400), ("/api/incidents", 401),
                        ("/api/incidents/nope", 404), ("/api/articles?limit=x", 422)):
        r = httpx.get(base + url, auth=None if status == 401 else auth)
        assert r.status_code == status, (url, r.text)
        body = ErrorOut.model_validate(r.json())
        assert body.error.status == status and body.error.message
        assert str(status) in schema["paths"][url.split("?")[0].replace("nope", "{incident_id}")
                                              ]["get"]["responses"]

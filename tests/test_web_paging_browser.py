"""The ledger page in Debian's Chromium: "next →" follows the keyset cursor page after
page (every incident once, in order), and the place filter understands a sea as typed.
Screenshots in test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from strikewatch.accounts.auth import WebSettings
from strikewatch.server import create_app
from strikewatch.store import IncidentQuery
from tests._webdata import PASSWORDS, make_store, serve
from tests.test_web_browser import ARGS, ARTIFACTS, CHROMIUM, pytestmark  # noqa: F401


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    store, ids = make_store(tmp_path_factory.mktemp("paging"), extra_nearby=14)
    app = create_app(store, settings=WebSettings(secret_key="paging-secret"))
    with serve(app) as base:
        yield {"base": base, "store": store}


def test_next_pages_by_cursor_and_a_sea_filter_in_chromium(site: dict[str, Any]) -> None:
    from playwright.sync_api import sync_playwright

    base, store = site["base"], site["store"]
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/login")
        page.fill("input[name=username]", "eve")
        page.fill("input[name=password]", PASSWORDS["eve"])
        page.click("button[type=submit]")
        page.wait_for_url(base + "/")

        page.goto(base + "/?sort=-killed_low&limit=5")
        seen: list[str] = []
        pages = 0
        while True:
            pages += 1
            seen += [a.get_attribute("href").rsplit("/", 1)[-1]
                     for a in page.locator("table.ledger tbody td.date a").all()]
            if pages == 2:
                assert "after=" in page.url
                assert page.inner_text("nav.pages span").startswith("6–10 of ")
                page.screenshot(path=str(ARTIFACTS / "web-ledger-cursor-page.png"),
                                full_page=True)
            nxt = page.locator("nav.pages a", has_text="next")
            if nxt.count() == 0:
                break
            nxt.click()
            page.wait_for_load_state()
        whole = [i.id for i in store.incidents(IncidentQuery(sort="-killed_low", limit=0))]
        assert seen == whole and pages == -(-len(whole) // 5)

        page.goto(base + "/")
        page.fill("form.filters [name=country]", "Caribbean")
        page.click("form.filters button[type=submit]")
        page.wait_for_url("**country=Caribbean**")
        # every incident named anywhere in the Caribbean, however its place was written
        caribbean = [i for i in store.incidents(IncidentQuery(limit=0))
                     if i.place and "caribbean" in (i.place.name or "").lower()]
        assert page.locator("table.ledger tbody td.date a").count() == len(caribbean) > 2
        page.screenshot(path=str(ARTIFACTS / "web-ledger-caribbean.png"), full_page=True)
        browser.close()

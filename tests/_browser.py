"""Chromium fixtures for the page tests beyond tests/test_web_browser.py (registered in
conftest): the same browser, server and ledger, under names of their own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def web_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The test ledger (tests/_webdata.py) served over loopback."""
    # imported here: conftest loads this module for every test, pages or not
    from strikewatch.accounts.auth import WebSettings
    from strikewatch.server import create_app
    from tests._webdata import make_store, serve

    store, ids = make_store(tmp_path_factory.mktemp("pages"))
    app = create_app(store, settings=WebSettings(secret_key="pages-secret"))
    with serve(app) as base:
        yield {"base": base, "ids": ids, "store": store}


@pytest.fixture(scope="module")
def web_browser() -> Iterator[Any]:
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from tests.test_web_browser import ARGS, ARTIFACTS, CHROMIUM

    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} missing: run .ci/system-deps.sh")

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_page(browser: Any, width: int = 1280, height: int = 900) -> Any:
    """A new page in its own context, collecting page errors and console errors."""
    ctx = browser.new_context(viewport={"width": width, "height": height})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.errors = errors
    return pg


def sign_in(pg: Any, base: str, user: str) -> None:
    from tests._webdata import PASSWORDS

    pg.goto(base + "/login")
    pg.fill("input[name=username]", user)
    pg.fill("input[name=password]", PASSWORDS[user])
    pg.click("button[type=submit]")
    pg.wait_for_url(base + "/")


def shot(pg: Any, name: str) -> None:
    """A full-page screenshot in test-artifacts/ (tests/test_web_browser.py's place)."""
    from tests.test_web_browser import shot as _shot

    _shot(pg, name)


#: ReDoc always asks for its maker's logo from a CDN; the page's policy refuses it (and the
#: logo hides itself): the one console error that is expected.
REDOC_LOGO = "cdn.redoc.ly/redoc/logo-mini.svg"


def page_errors(pg: Any) -> list[str]:
    """The page's errors and console errors, less ReDoc's refused logo."""
    return [e for e in pg.errors if REDOC_LOGO not in e]


def no_overflow(pg: Any) -> None:
    """Nothing on the page is wider than the window (no sideways scrolling)."""
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= pg.viewport_size["width"], f"{pg.url}: {width} px wide"

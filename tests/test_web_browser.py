"""The web app in Debian's Chromium (Playwright, executable_path): every page, a filter,
an incident's highlighted evidence and one review, with screenshots in test-artifacts/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from strikewatch.accounts.auth import WebSettings
from strikewatch.server import create_app
from tests._webdata import PASSWORDS, make_store, serve

CHROMIUM = os.environ.get("STRIKEWATCH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} missing: run .ci/system-deps.sh"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    store, ids = make_store(tmp_path_factory.mktemp("browser"), extra_nearby=14)
    app = create_app(store, settings=WebSettings(secret_key="browser-secret"))
    with serve(app) as base:
        yield {"base": base, "ids": ids, "store": store}


@pytest.fixture(scope="module")
def page(site: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        pg = ctx.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.errors = errors
        yield pg
        browser.close()


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)


def test_browse_filter_evidence_and_review(site: dict[str, Any], page: Any) -> None:
    base = site["base"]
    page.goto(base + "/")
    assert page.url.startswith(base + "/login")
    page.fill("input[name=username]", "eve")
    page.fill("input[name=password]", PASSWORDS["eve"])
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")
    assert page.locator("table.ledger tbody tr").count() == 18
    shot(page, "ledger")

    # filter the ledger with the form
    page.select_option("select[name=grade]", "fair")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**grade=fair**")
    rows = page.locator("table.ledger tbody tr")
    assert rows.count() == 1
    assert page.inner_text("[data-total=incidents]") == "1"
    shot(page, "ledger-filtered")

    # each page loads
    page.goto(base + "/map")
    clusters = page.locator("svg.map a.cluster")
    assert clusters.count() >= 2
    counts = [int(c.get_attribute("data-count")) for c in clusters.all()]
    assert sum(counts) == 18 and max(counts) >= 14
    shot(page, "map")
    page.locator(f"svg.map a.cluster[data-count='{max(counts)}']").click()
    page.wait_for_url("**/map#cluster-1")
    listed = page.locator("#cluster-1 li a")
    assert listed.count() == max(counts)
    page.click("#cluster-1 h3 a")  # zoom in: the same incidents, a closer view
    page.wait_for_url("**bbox=**")
    zoomed = [int(c.get_attribute("data-count"))
              for c in page.locator("svg.map a.cluster").all()]
    assert sum(zoomed) == max(counts)
    shot(page, "map-zoomed")
    page.goto(base + "/timeline")
    assert page.locator("svg.timeline g.tally").count() == 2
    shot(page, "timeline")
    page.goto(base + "/articles")
    assert page.locator("table.articles tbody tr").count() == 5
    page.goto(base + f"/articles/{site['ids']['articles']['A']}")
    assert "<script>document.title" in page.inner_text(".article-text")  # shown as text
    assert page.title() != "pwned" and page.evaluate("window.PWNED") is None
    assert page.locator(".article-text mark").count() >= 1
    shot(page, "article")

    # open the incident from the ledger and see its evidence highlighted
    page.goto(base + "/?grade=fair")
    page.click("table.ledger tbody tr a")
    page.wait_for_url("**/incidents/inc-carib-1")
    marks = page.locator(".article-text mark.ev")
    assert marks.count() >= 5
    texts = {m.inner_text() for m in marks.all()}
    assert "killing eleven people aboard" in texts and "put the toll at nine" in texts
    bg = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    # the Evidence column quotes the whole sentence, the cited words marked; its source
    # links to those words in the article
    quote = page.locator("blockquote.evidence", has=page.locator(
        "mark.ev:text-is('put the toll at nine')"))
    assert "A later report from a local radio station put the toll at nine." in \
        quote.first.inner_text()
    quote.first.locator("cite a").first.click()
    target = page.locator("mark:target")
    assert target.inner_text() == "put the toll at nine" and target.is_visible()
    shot(page, "incident")

    # one review: accept with a note
    page.fill("form:has(input[value=accept]) input[name=note]", "checked against both sources")
    page.click("form:has(input[value=accept]) button[type=submit]")
    page.wait_for_url("**/incidents/inc-carib-1#history")
    item = page.locator("ol.history li").first
    assert "accept" in item.inner_text() and "eve" in item.inner_text()
    assert "checked against both sources" in item.inner_text()
    assert page.locator(".reviewed").count() == 1
    [review] = site["store"].reviews("inc-carib-1")
    assert (review.action, review.user) == ("accept", "eve")
    assert review.after is not None and review.after["reviewed"] is True
    page.locator("#history").scroll_into_view_if_needed()
    shot(page, "incident-reviewed")
    assert page.errors == [], page.errors


def test_sign_out_in_chromium_ends_a_copied_session_cookie(site: dict[str, Any], page: Any
                                                           ) -> None:
    """A session cookie copied out of one browser works in another until the first signs
    out with the page's button; then the copy gets the sign-in page too."""
    base = site["base"]
    browser = page.context.browser
    victim = browser.new_context()
    thief = browser.new_context()
    try:
        vp = victim.new_page()
        vp.goto(base + "/login")
        vp.fill("input[name=username]", "vic")
        vp.fill("input[name=password]", PASSWORDS["vic"])
        vp.click("button[type=submit]")
        vp.wait_for_url(base + "/")
        stolen = [c for c in victim.cookies() if c["name"] == "sw_session"]
        assert len(stolen) == 1 and stolen[0]["httpOnly"]
        thief.add_cookies(stolen)
        tp = thief.new_page()
        tp.goto(base + "/timeline")
        assert tp.url == base + "/timeline"  # the copy works while the session lives
        assert "vic" in tp.inner_text(".who")
        vp.click("form[action='/logout'] button")
        vp.wait_for_url("**/login")
        assert not [c for c in victim.cookies() if c["name"] == "sw_session"]
        tp.goto(base + "/timeline")
        assert tp.url.startswith(base + "/login")  # the copy is refused now
        shot(tp, "stolen-cookie-after-logout")
    finally:
        victim.close()
        thief.close()

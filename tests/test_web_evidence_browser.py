"""The incident page's Evidence column in Debian's Chromium: whole sentences with the key
words marked, one entry per sentence however many reprints carry it, each source linking
to the words in its text; readable at 390 px. Screenshots in test-artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from strikewatch.accounts.auth import WebSettings
from strikewatch.extract.sentences import split_offsets
from strikewatch.server import create_app
from strikewatch.store import IncidentQuery, open_store
from tests._webdata import serve
from tests.test_evidence import THREAT, WARSHIPS, ingest_articles
from tests.test_web_browser import ARGS, ARTIFACTS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} missing: run .ci/system-deps.sh"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    db = ingest_articles(tmp_path_factory.mktemp("evidence-browser"))
    store = open_store(db)
    incidents = store.incidents(IncidentQuery(limit=0))
    app = create_app(store, settings=WebSettings(secret_key="evidence-secret"))
    try:
        with serve(app) as base:
            yield {"base": base, "incidents": incidents}
    finally:
        store.close()


@pytest.fixture(scope="module")
def browser(site: dict[str, Any]) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def signed_in(browser: Any, base: str, width: int) -> Any:
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(base + "/login")
    page.fill("input[name=username]", "rita")
    page.fill("input[name=password]", "reader-pass-1")
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")
    return page


def row(page: Any, label: str) -> Any:
    return page.locator("table.fields tbody tr", has=page.locator(f"th:text-is('{label}')"))


def sentences(text: str) -> list[str]:
    return [" ".join(text[a:b].split()) for a, b in split_offsets(text)]


def quoted(block: Any) -> str:
    """The sentence of one evidence entry, without its quotes and sources."""
    words = block.evaluate("b => b.firstChild.textContent + [...b.childNodes].slice(1, -1)"
                           ".map(n => n.textContent).join('')")
    return " ".join(words.strip().strip("“”").strip().split())


def test_status_evidence_is_the_whole_sentence_with_its_cue_marked(
        site: dict[str, Any], browser: Any) -> None:
    threat = next(i for i in site["incidents"] if i.status == "threatened")
    page = signed_in(browser, site["base"], 1280)
    page.goto(site["base"] + f"/incidents/{threat.id}")
    status = row(page, "Status")
    blocks = status.locator("blockquote.evidence")
    assert blocks.count() == 1
    assert quoted(blocks.first) == sentences(THREAT)[0]
    marked = [m.inner_text() for m in blocks.first.locator("mark.ev").all()]
    assert "warned on Friday that US jets would" in marked
    assert all(len(m) > 1 for m in marked)
    # every Evidence entry on the page is a whole sentence of its source
    for block in page.locator("td.evidence blockquote.evidence").all():
        assert quoted(block) in sentences(THREAT), quoted(block)
    page.screenshot(path=str(ARTIFACTS / "web-evidence-threat.png"), full_page=True)


def test_reprints_share_one_entry_and_each_source_links_to_its_words(
        site: dict[str, Any], browser: Any) -> None:
    strike = next(i for i in site["incidents"] if i.killed_low == 4
                  and "Warships Post" in {s.publisher for s in i.sources})
    page = signed_in(browser, site["base"], 1280)
    page.goto(site["base"] + f"/incidents/{strike.id}")
    killed = row(page, "Killed").locator("blockquote.evidence")
    assert killed.count() == 1  # one sentence, told by two sources
    assert quoted(killed.first) == sentences(WARSHIPS)[0]
    assert killed.first.locator("mark.ev").inner_text() == "four"
    sources = killed.first.locator("cite a")
    assert sorted(a.inner_text() for a in sources.all()) == ["Reprint Post", "Warships Post"]
    for target in ("Target", "Actor 2"):
        text = row(page, target).inner_text()
        assert "warships" not in text and "since" not in text, (target, text)
    sources.nth(1).click()
    page.wait_for_url(re.compile(r".*#ev-\d+$"))
    mark = page.locator("mark:target")
    assert mark.inner_text() == "four" and mark.is_visible()
    page.screenshot(path=str(ARTIFACTS / "web-evidence-reprints.png"), full_page=True)


def test_evidence_fits_a_phone(site: dict[str, Any], browser: Any) -> None:
    strike = next(i for i in site["incidents"] if i.killed_low == 4
                  and "Warships Post" in {s.publisher for s in i.sources})
    page = signed_in(browser, site["base"], 390)
    page.goto(site["base"] + f"/incidents/{strike.id}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    block = row(page, "Killed").locator("blockquote.evidence").first
    box, label = block.bounding_box(), row(page, "Killed").locator("th").bounding_box()
    assert box["y"] > label["y"] + label["height"] - 1  # under the field's name, not beside
    assert box["x"] + box["width"] <= 390
    page.screenshot(path=str(ARTIFACTS / "web-evidence-390.png"), full_page=True)

"""The incident page of a strike reported in English and in Spanish (issue 15, item 4), in
Debian's Chromium: one incident, both sources, each source's sentences shown in its own
language (and marked so with `lang`). Screenshot in test-artifacts/web-incident-es-en.png."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strikewatch import pipeline
from strikewatch.accounts.auth import WebSettings, hash_password
from strikewatch.server import create_app
from strikewatch.store import open_store
from tests._webdata import serve
from tests.test_extract_es_resolve import EN, ES
from tests.test_web_browser import ARGS, ARTIFACTS, CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} missing"),
]


def test_incident_page_shows_each_source_in_its_language(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    folder = tmp_path / "in"
    folder.mkdir()
    for name, text, pub in (("en", EN, "2025-11-12"), ("es", ES, "2025-11-12")):
        (folder / f"{name}.json").write_text(json.dumps(
            {"text": text, "published": pub, "publisher": f"Diario {name}",
             "title": f"Strike report ({name})"}), encoding="utf-8")
    store = open_store(str(tmp_path / "w.db"))
    report = pipeline.run([str(folder)], store)
    assert report.extracted == 2
    incidents = list(store.incidents())
    assert len(incidents) == 1 and len(incidents[0].sources) == 2
    store.add_user("eve", hash_password("editor-pass-1"), "editor")
    app = create_app(store, settings=WebSettings(secret_key="es-secret"))
    ARTIFACTS.mkdir(exist_ok=True)
    with serve(app) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/login")
        page.fill("input[name=username]", "eve")
        page.fill("input[name=password]", "editor-pass-1")
        page.click("button[type=submit]")
        page.wait_for_url(base + "/")
        page.goto(base + f"/incidents/{incidents[0].id}")
        es_block = page.locator("article.source[lang=es]")
        en_block = page.locator("article.source[lang=en]")
        assert es_block.count() == 1 and en_block.count() == 1
        assert "murieron tres personas" in es_block.inner_text()
        assert "killing three people" in en_block.inner_text()
        # the field table cites the Spanish words beside the English ones
        assert "tres" in page.inner_text("table") and "three" in page.inner_text("table")
        page.screenshot(path=str(ARTIFACTS / "web-incident-es-en.png"), full_page=True)
        browser.close()
    store.close()

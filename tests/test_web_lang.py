"""`<html lang>` on every page, Spanish text marked lang="es" wherever it is shown (article
page, article list, an incident's evidence and sources, the split choices), and no page
wider than a 390 px phone — in Chromium, over a ledger read from an English and a Spanish
report of one strike."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from strikewatch import pipeline
from strikewatch.accounts.auth import WebSettings, hash_password
from strikewatch.server import create_app
from strikewatch.store import open_store
from tests._browser import PHONE, no_overflow, open_page, page_errors, shot, sign_in
from tests._webdata import PASSWORDS, serve
from tests.test_extract_es_resolve import EN, ES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("lang")
    folder = tmp / "in"
    folder.mkdir()
    for name, text, title in (("en", EN, "Strike on a boat"), ("es", ES, "Ataque a una lancha")):
        (folder / f"{name}.json").write_text(json.dumps(
            {"text": text, "published": "2025-11-12", "publisher": f"Diario {name}",
             "title": title}), encoding="utf-8")
    store = open_store(str(tmp / "w.db"))
    pipeline.run([str(folder)], store)
    store.add_user("eve", hash_password(PASSWORDS["eve"]), "editor")
    store.add_user("ada", hash_password(PASSWORDS["ada"]), "admin")
    [incident] = store.incidents()
    es = next(a for a in store.articles() if a.language == "es")
    app = create_app(store, settings=WebSettings(secret_key="lang-secret"))
    with serve(app) as base:
        yield {"base": base, "incident": incident.id, "es": es.id}


def _pages(site: dict[str, Any]) -> list[str]:
    return ["/", "/map", "/timeline", "/articles", f"/articles/{site['es']}",
            f"/incidents/{site['incident']}", "/docs", "/redoc", "/admin/users"]


def test_every_page_says_its_language_and_marks_spanish(bilingual: dict[str, Any],
                                                       web_browser: Any) -> None:
    base = bilingual["base"]
    pg = open_page(web_browser)
    pg.goto(base + "/login")
    assert pg.locator("html").get_attribute("lang") == "en"
    sign_in(pg, base, "ada")
    for path in _pages(bilingual):
        pg.goto(base + path)
        assert pg.locator("html").get_attribute("lang") == "en", path
    pg.goto(base + "/articles")
    titles = pg.locator("table.articles a[lang=es]")
    assert titles.count() == 1 and titles.inner_text() == "Ataque a una lancha"
    pg.goto(base + f"/articles/{bilingual['es']}")
    assert pg.locator("h1[lang=es]").inner_text() == "Ataque a una lancha"
    assert "murieron" in pg.inner_text(".article-text[lang=es]")
    assert pg.locator("dl.meta[lang=es], dl.meta [lang=es]").count() == 0  # our words: en
    pg.goto(base + f"/incidents/{bilingual['incident']}")
    es_evidence = pg.locator("table.fields blockquote.evidence[lang=es]").all_inner_texts()
    en_evidence = pg.locator("table.fields blockquote.evidence[lang=en]").all_inner_texts()
    assert es_evidence and en_evidence
    assert any("tres" in t for t in es_evidence) and any("three" in t for t in en_evidence)
    # inside a Spanish source, the page's own words say they are English
    source = pg.locator("article.source[lang=es]")
    assert source.locator(".meta").get_attribute("lang") == "en"
    assert source.locator("summary").get_attribute("lang") == "en"
    pg.click("summary:has-text('Split mentions off')")
    quotes = pg.locator("label.split-choice q")
    assert sorted(quotes.evaluate_all("qs => qs.map(q => q.lang)")) == ["en", "es"]
    shot(pg, "incident-lang")
    assert page_errors(pg) == [], pg.errors


def test_no_page_is_wider_than_a_phone(bilingual: dict[str, Any], web_browser: Any) -> None:
    base = bilingual["base"]
    pg = open_page(web_browser, **PHONE)
    sign_in(pg, base, "ada")
    for path in _pages(bilingual):
        pg.goto(base + path)
        if path in ("/docs", "/redoc"):
            pg.wait_for_selector(".opblock-summary-path, .api-content", timeout=20000)
        no_overflow(pg)
    pg.goto(base + f"/articles/{bilingual['es']}")
    shot(pg, "article-es-390")

"""Where a publication date came from and an article's language, as readers see them:
the API, the article and articles pages, the incident's sources, the JSONL export.

A real store filled by the real pipeline, the real app served by uvicorn on loopback.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from strikewatch import pipeline
from strikewatch.accounts.auth import WebSettings, hash_password
from strikewatch.export.writers import write_jsonl
from strikewatch.server import create_app
from strikewatch.store import open_store
from tests._webdata import serve
from tests.test_web_pages import signed_in

EN = ("A US drone struck a fuel depot outside the port city of Kismayo late on Sunday, "
      "killing three militants, the regional governor said. No civilians were hurt.")
ES = ("Un ataque de Estados Unidos contra una lancha en el mar Caribe dejó tres muertos el "
      "martes, informó el Comando Sur, que no presentó pruebas de que la embarcación "
      "transportara drogas.")
FR = ("Une frappe de drone a visé un dépôt de carburant près du port dimanche soir, "
      "provoquant un incendie qui a duré plusieurs heures, a indiqué le gouverneur.")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("meta")
    (tmp / "en.json").write_text(json.dumps(
        {"text": EN, "url": "https://mirror.example/africa/2025/10/27/depot-strike",
         "publisher": "Mirror"}), encoding="utf-8")
    (tmp / "es.json").write_text(json.dumps(
        {"text": ES, "published": "2025-11-05", "publisher": "Diario"}), encoding="utf-8")
    (tmp / "fr.json").write_text(json.dumps(
        {"text": FR, "published": "2025-11-05", "publisher": "Journal"}), encoding="utf-8")
    store = open_store(str(tmp / "web.db"))
    pipeline.run([str(tmp / "en.json"), str(tmp / "es.json"), str(tmp / "fr.json")], store)
    store.add_user("vic", hash_password("viewer-pass-1"), "viewer")
    ids = {Path(a.source or "").stem: a.id for a in store.articles()}
    app = create_app(store, settings=WebSettings(secret_key="meta-secret"))
    with serve(app) as base:
        yield {"base": base, "ids": ids, "store": store}
    store.close()


def test_api_article_carries_date_source_and_language(site: dict[str, Any]) -> None:
    with httpx.Client(base_url=site["base"], auth=("vic", "viewer-pass-1")) as api:
        en = api.get(f"/api/articles/{site['ids']['en']}").json()["article"]
        assert (en["published"], en["published_source"]) == ("2025-10-27", "url")
        assert (en["language"], en["language_source"]) == ("en", "detected")
        es = api.get(f"/api/articles/{site['ids']['es']}").json()
        # Spanish is read by the Spanish reader (strikewatch-rules-es); French by none
        assert es["article"]["language"] == "es" and len(es["mentions"]) == 1
        fr = api.get(f"/api/articles/{site['ids']['fr']}").json()
        assert (fr["article"]["language"], fr["mentions"]) == ("fr", [])
        listed = {a["id"]: a for a in api.get("/api/articles").json()["items"]}
        assert listed[site["ids"]["fr"]]["published_source"] == "supplied"


def test_incident_sources_and_export_carry_them(site: dict[str, Any]) -> None:
    incidents = site["store"].incidents()
    assert incidents, "the English report makes an incident"
    buf = io.StringIO()
    write_jsonl(incidents, [], buf)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    sources = [s for r in records for s in r["sources"]]
    assert {(s["published"], s["published_source"], s["language"]) for s in sources} == {
        ("2025-10-27", "url", "en"), ("2025-11-05", "supplied", "es")}  # French: not read


def test_pages_show_them(site: dict[str, Any]) -> None:
    with signed_in(site["base"], "vic") as c:
        listing = c.get("/articles").text
        assert "2025-10-27 <small>(from the URL)</small>" in listing
        assert "fr <small>(not read)</small>" in listing
        assert "es <small>(not read)</small>" not in listing
        en = c.get(f"/articles/{site['ids']['en']}").text
        assert "(from the URL)" in en and "en <small>(detected)</small>" in en
        assert "not read" not in en
        fr = c.get(f"/articles/{site['ids']['fr']}").text
        assert "<strong>not read</strong>" in fr and "Not read (no reader for fr yet)" in fr
        inc = next(i for i in site["store"].incidents()
                   if site["ids"]["en"] in {x.article_id for x in i.sources})
        page = c.get(f"/incidents/{inc.id}").text
        assert "2025-10-27 <small>(from the URL)</small> · en · origin" in page

"""Hostile article content, through ingest -> extract -> resolve -> every page, in Chromium.

The articles (a JSONL dump ingested by the real pipeline into a real SQLite store) carry
<script>, onerror/onload attributes, javascript: URLs, </textarea>, SVG payloads and
attribute breakouts in their text, title, publisher and URL; place and actor names with the
same payloads are written into one incident (the gazetteer never yields such names, so
they go in through the Store interface, as any upstream bug could), and an editor's review
note, an edited grade reason and a user name add more. Every page is then opened in Debian's
Chromium with the Content-Security-Policy *bypassed* (so the test is about escaping, not
the CSP backstop) and must: run no payload (a window flag and a dialog listener stay
untouched), contain no element or attribute a payload would create, and show the payload
text as text.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from strikewatch import pipeline
from strikewatch.accounts.auth import WebSettings, hash_password
from strikewatch.records import Actor, Place
from strikewatch.server import create_app
from strikewatch.store import open_store
from tests._webdata import serve

CHROMIUM = os.environ.get("STRIKEWATCH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} missing: run .ci/system-deps.sh"),
]

# Each payload, if it ever became markup, would set window.__xss or open a dialog.
P_SCRIPT = "<script>window.__xss='script';alert(1)</script>"
P_IMG = "<img src=x onerror=\"window.__xss='img';alert(2)\">"
P_SVG = "<svg/onload=\"window.__xss='svg';alert(3)\">"
P_TEXTAREA = "</textarea></title></style><script>window.__xss='textarea'</script>"
P_ATTR = "\"'><iframe srcdoc=\"<script>parent.__xss='attr'</script>\"></iframe>"
P_SVG_TITLE = "</title><svg><script>window.__xss='svgtitle'</script></svg>"
P_JS_URL = "javascript:window.__xss='jsurl';alert(4)//"
PAYLOADS = [P_SCRIPT, P_IMG, P_SVG, P_TEXTAREA, P_ATTR, P_SVG_TITLE]

ADMIN_PASS = "admin-pass-xss"
EDITOR_PASS = "editor-pass-xss"
HOSTILE_USER = "<svg/onload=window.__xss='user'>"


def article(n: int, body: str, **meta: str) -> dict[str, str]:
    return {"text": body, "published": f"2025-0{n}-1{n}", **meta}


ARTICLES = [
    article(
        1,
        "Navy drones struck a speedboat off the coast of Sucre on Tuesday, killing four "
        f"people aboard {P_SCRIPT}, officials said. The ministry said {P_IMG} two crew "
        "members survived.",
        title=f"Speedboat hit {P_SVG}", publisher=f"Harbor {P_TEXTAREA} Gazette",
        url=P_JS_URL),
    article(
        2,
        f"Government artillery shelled a market town {P_SVG} in the north on Thursday, "
        f"killing seven civilians {P_TEXTAREA}, a local health official said.",
        title=f"Market shelled {P_SVG_TITLE}", publisher=P_ATTR,
        url="https://news.example/market?x=\"><script>window.__xss='url'</script>"),
    article(
        3,
        f"An air strike hit a fuel depot outside the port city late on Sunday {P_ATTR}, "
        "killing three guards, the regional governor said.",
        title=P_TEXTAREA, publisher=P_IMG, url="JaVaScRiPt:alert(5)"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("xss")
    dump = tmp / "hostile.jsonl"
    dump.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    store = open_store(str(tmp / "xss.db"))
    report = pipeline.run([str(dump)], store)
    assert len(report.ingest.ingested) == 3, report.ingest.skipped
    incidents = list(store.incidents())
    assert incidents, "the pipeline found no incident in the hostile articles"
    # hostile place and actor names, and a hostile grade reason, on one incident
    first = incidents[0].model_copy(update={
        "place": Place(name=f"Port {P_SVG_TITLE}", admin1=P_IMG, country="VE",
                       latitude=10.5, longitude=-63.0, geo_precision=3),
        "actor1": Actor(name=f"Navy {P_SCRIPT}", country="US"),
        "actor2": Actor(name=P_ATTR),
        "flags": [f"killed: {P_SVG}"],
    })
    store.replace_ledger([first, *incidents[1:]], list(store.tallies()))
    store.add_user("ada", hash_password(ADMIN_PASS), "admin")
    store.add_user("eve", hash_password(EDITOR_PASS), "editor")
    app = create_app(store, settings=WebSettings(secret_key="xss-secret"))
    with serve(app) as base:
        yield {"base": base, "store": store, "incidents": [i.id for i in incidents],
               "articles": [a.id for a in store.articles(limit=10)]}


def csrf(text: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', text)
    assert m
    return m.group(1)


def hostile_reviews_and_user(site: dict[str, Any]) -> None:
    """An editor's review note and grade reason, and an admin-made user, all hostile."""
    base, inc = site["base"], site["incidents"][0]
    with httpx.Client(base_url=base) as c:
        c.post("/login", data={"username": "eve", "password": EDITOR_PASS,
                               "csrf_token": csrf(c.get("/login").text)})
        token = csrf(c.get(f"/incidents/{inc}").text)
        r = c.post(f"/incidents/{inc}/review",
                   data={"action": "edit", "grade_reason": f"checked {P_SVG}",
                         "note": f"note {P_SCRIPT} {P_TEXTAREA}", "csrf_token": token})
        assert r.status_code == 303, r.text
    with httpx.Client(base_url=base) as c:
        c.post("/login", data={"username": "ada", "password": ADMIN_PASS,
                               "csrf_token": csrf(c.get("/login").text)})
        r = c.post("/admin/users", data={"username": HOSTILE_USER, "role": "viewer",
                                         "password": "long-enough-1",
                                         "csrf_token": csrf(c.get("/admin/users").text)})
        assert r.status_code == 303, r.text


#: In the DOM, nothing a payload could have created.
DOM_CHECK = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.getAttributeNames()) {
      if (a.toLowerCase().startsWith('on')) bad.push(el.tagName + '[' + a + ']');
      if (a === 'srcdoc') bad.push(el.tagName + '[srcdoc]');
    }
    const href = (el.getAttribute('href') || el.getAttribute('xlink:href') || '').trim();
    if (/^javascript:/i.test(href)) bad.push(el.tagName + ' href=' + href);
  }
  for (const s of document.querySelectorAll('script')) bad.push('script: ' + s.textContent);
  for (const t of ['iframe', 'img', 'textarea ~ script']) {
    for (const e of document.querySelectorAll(t)) bad.push(t);
  }
  return bad;
}"""


def test_hostile_articles_are_shown_as_text_on_every_page(site: dict[str, Any]) -> None:
    from playwright.sync_api import sync_playwright

    hostile_reviews_and_user(site)
    base = site["base"]
    art = site["articles"]
    inc = site["incidents"]
    pages = ["/", "/map", "/timeline", "/articles", "/admin/users",
             *(f"/articles/{a}" for a in art), *(f"/incidents/{i}" for i in inc),
             f"/?q={quote(P_SCRIPT)}", f"/?actor={quote(P_ATTR)}",
             f"/incidents/{quote(P_IMG)}", f"/articles/{quote(P_IMG)}",
             f"/login?next={quote(P_ATTR)}", f"/map?bbox={quote(P_SVG)}"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ctx = browser.new_context(bypass_csp=True)  # escaping alone must hold
        page = ctx.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base + "/login")
        page.fill("input[name=username]", "ada")
        page.fill("input[name=password]", ADMIN_PASS)
        page.click("button[type=submit]")
        page.wait_for_url(base + "/")
        shown: dict[str, str] = {}
        for path in pages:
            page.goto(base + path)
            page.wait_for_load_state("load")
            assert page.evaluate("window.__xss") is None, (path, page.evaluate("window.__xss"))
            assert page.evaluate(DOM_CHECK) == [], path
            shown[path] = page.inner_text("body")
        # the same check for the control: a page where the payload *does* run is detected
        page.set_content(f"<p>{P_IMG}</p>")
        page.wait_for_function("window.__xss === 'img'")
        assert dialogs == ["2"]
        browser.close()
    # the payloads are visible as text where the data is shown
    article_pages = "".join(shown[f"/articles/{a}"] for a in art)
    for payload in (P_SCRIPT, P_IMG, P_TEXTAREA, P_ATTR, P_SVG):
        assert payload in article_pages, payload
    assert P_JS_URL in article_pages and "JaVaScRiPt:alert(5)" in article_pages
    assert P_SVG in shown["/articles"] and P_TEXTAREA in shown["/articles"]
    incident_page = shown[f"/incidents/{inc[0]}"]
    for payload in (f"Navy {P_SCRIPT}", P_ATTR, f"Port {P_SVG_TITLE}", f"checked {P_SVG}",
                    f"note {P_SCRIPT} {P_TEXTAREA}"):
        assert payload in incident_page, payload
    assert f"Port {P_SVG_TITLE}" in shown["/"] and f"Navy {P_SCRIPT}" in shown["/"]
    assert HOSTILE_USER in shown["/admin/users"]
    assert "<img src=x onerror=" in shown[f"/incidents/{quote(P_IMG)}"]  # 404: id as text

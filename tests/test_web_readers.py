"""The pages as a reader meets them: the map's marks, legend and toggles, place labels,
newest first, plain totals, no server paths, spreadsheet CSV, and phones (390 px).

Over real HTTP (httpx) and, for what only a browser shows (CSS toggles, page width), in
Debian's Chromium via Playwright; screenshots go to test-artifacts/web-readers-*.png.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from strikewatch.accounts.auth import WebSettings
from strikewatch.export.writers import csv_row
from strikewatch.records import Actor, Article, Incident, Place, Source
from strikewatch.server import create_app
from strikewatch.store import open_store
from strikewatch.web.svgmap import MapPoint, country_labels, legend_mark, render_map
from tests._webdata import serve
from tests.test_web_browser import ARTIFACTS

SERVER_PATH = "/srv/newsroom/private/inbox/2025/wire-story.json"


def _source(a: Article) -> Source:
    return Source(article_id=a.id, url=a.url, publisher=a.publisher, published=a.published)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    store = open_store(str(tmp_path_factory.mktemp("readers") / "readers.db"))
    art, _ = store.add_article(Article(
        text="US forces struck a boat in the Caribbean Sea on Monday, killing five people, "
             "officials said.", publisher="Wire", published="2025-11-04",
        url="https://wire.example/a", source=SERVER_PATH, title="Boat struck"))
    src = [_source(art)]
    # a country-level place as stores written before the geo fix hold it: capital in admin1
    mexico = Place(name="Mexico", admin1="Mexico City", country="MX", latitude=23.0,
                   longitude=-102.0, kind="country", geo_precision=5)
    incidents = [
        Incident(id="inc-old", date_low="1916-01-01", date_high="1916-12-31",
                 background=True, place=mexico, sources=src, event_type="Battles"),
        Incident(id="inc-plan", status="planned", place=mexico, sources=src,
                 sub_event_type="Air/drone strike"),
        Incident(id="inc-maybe", status="hypothetical", place=mexico, sources=src,
                 killed_low=24),
        Incident(id="inc-boat", date_low="2025-11-03", date_high="2025-11-03",
                 killed_low=5, killed_high=5, sub_event_type="Air/drone strike",
                 actor1=Actor(name="US forces", country="US"), sources=src,
                 place=Place(name="Caribbean Sea", kind="sea", latitude=15.0,
                             longitude=-73.0, geo_precision=6)),
        Incident(id="inc-town", date_low="2025-10-17", date_high="2025-10-17",
                 killed_low=2, killed_high=2, sub_event_type="Armed clash", sources=src,
                 place=Place(name="Culiacán", admin1="Sinaloa", country="MX", latitude=24.8,
                             longitude=-107.39, kind="populated place", geo_precision=2)),
    ]
    store.replace_ledger(incidents, [])
    app = create_app(store, settings=WebSettings(secret_key="readers", allow_anonymous=True))
    with serve(app) as base:
        yield {"base": base, "store": store, "article": art.id, "incidents": incidents}


def get(site: dict[str, Any], path: str) -> str:
    r = httpx.get(site["base"] + path)
    assert r.status_code == 200, (path, r.status_code)
    return r.text


# --- the map --------------------------------------------------------------------------------


def test_marks_are_grouped_by_status_with_precision_rings() -> None:
    pts = [MapPoint(-102.0, 23.0, "a", "plan", "planned", 5),
           MapPoint(-102.0, 23.0, "b", "history", "background", 5),
           MapPoint(-102.0, 23.0, "c", "strike <b>", "occurred", 5),
           MapPoint(-107.39, 24.8, "d", "clash", "occurred", 2)]
    svg, clusters = render_map(pts, (-120, 10, -90, 35))
    root = ET.fromstring(str(svg))  # well-formed
    # one place, three kinds of report: three marks, never one "3"
    assert sorted((c.group, len(c.points)) for c in clusters) == [
        ("background", 1), ("occurred", 1), ("occurred", 1), ("planned", 1)]
    groups = re.findall(r'class="cluster g-(\w+)"', str(svg))
    assert groups[-2:] == ["occurred", "occurred"]  # drawn on top
    assert '<polygon' in str(svg) and '<rect x=' in str(svg)  # diamond, square
    # the country-level strike has a dashed ring, the town-level one none
    rings = [c for c in clusters if c.coarse]
    assert {p.incident_id for c in rings for p in c.points} == {"a", "b", "c"}
    assert str(svg).count('class="ring"') == 3
    titles = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any(t.startswith("1 planned incident: plan") for t in titles)
    assert any("strike <b>" in t for t in titles)  # escaped in the markup, text in the tree
    assert "Mexico</text>" in str(svg)  # country label


def test_country_labels_sit_inside_their_country() -> None:
    where = {name: (lon, lat) for name, lon, lat, _ in country_labels()}
    lon, lat = where["Mexico"]
    assert -118 < lon < -86 and 14 < lat < 33
    lon, lat = where["Brazil"]
    assert -74 < lon < -34 and -34 < lat < 6


def test_legend_marks_are_small_svgs() -> None:
    mark = str(legend_mark("threatened", coarse=True))
    ET.fromstring(mark)
    assert 'class="mark g-threatened"' in mark and 'class="ring"' in mark


def test_map_page_shows_occurred_first_with_a_legend(site: dict[str, Any]) -> None:
    html = get(site, "/map")
    checked = re.findall(r'<input type="checkbox" class="show" id="show-(\w+)"( checked)?>', html)
    assert dict(checked) == {"occurred": " checked", "background": "", "planned": "",
                             "threatened": "", "denied": "", "hypothetical": ""}
    legend = re.sub(r"<svg.*?</svg>", "", html[html.index('class="map-legend"'):
                                               html.index('class="mapbox"')], flags=re.S)
    assert re.search(r"occurred\s*<small>\(2\)</small>", legend)
    assert re.search(r"planned\s*<small>\(1\)</small>", legend)
    assert "only the region, country or sea" in legend
    assert "Mexico City" not in html and "Mexico, MX" not in html
    assert "Culiacán, Sinaloa, MX" in html  # a town keeps its region and country
    assert "(approximate: country)" in html and "(approximate: sea area)" in html
    # a status filter shows that status's marks at once
    html = get(site, "/map?status=planned")
    assert 'id="show-planned" checked' in html


# --- the ledger, article and exports --------------------------------------------------------


def test_ledger_is_newest_first_with_plain_totals(site: dict[str, Any]) -> None:
    html = get(site, "/")
    order = re.findall(r'<a href="/incidents/(inc-[\w-]+)">', html)
    assert order[:3] == ["inc-boat", "inc-town", "inc-old"]  # undated last
    assert 'data-total="killed">7<' in html  # 5 + 2, not "7–7"
    assert re.search(r">1916</a>", html)  # a whole year, said as one
    assert ">date unknown</a>" in html
    assert "Mexico City" not in html
    # an explicit sort still wins
    html = get(site, "/?sort=date_low")
    assert re.findall(r'<a href="/incidents/(inc-[\w-]+)">', html)[0] == "inc-old"


def test_article_page_hides_the_servers_folders(site: dict[str, Any]) -> None:
    html = get(site, f"/articles/{site['article']}")
    assert "/srv/newsroom" not in html and "private/inbox" not in html
    assert "file wire-story.json" in html


def test_csv_for_spreadsheets_carries_a_byte_order_mark(site: dict[str, Any]) -> None:
    html = get(site, "/")
    assert "format=csv&amp;bom=true" in html and "CSV for spreadsheets" in html
    marked = httpx.get(site["base"] + "/api/export?format=csv&bom=true")
    plain = httpx.get(site["base"] + "/api/export?format=csv")
    assert marked.content.startswith(b"\xef\xbb\xbf")
    assert not plain.content.startswith(b"\xef\xbb\xbf")
    assert marked.content[3:] == plain.content
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(plain.text))}
    assert rows["inc-plan"]["location"] == "Mexico" and rows["inc-plan"]["admin1"] == ""
    assert rows["inc-town"]["admin1"] == "Sinaloa"


def test_country_level_place_is_exported_without_its_capital() -> None:
    inc = Incident(id="x", place=Place(name="Venezuela", admin1="Caracas", country="VE",
                                       kind="country", geo_precision=5))
    row = csv_row(inc)
    assert (row["location"], row["admin1"], row["country"]) == ("Venezuela", "", "Venezuela")


def test_geoparsed_country_has_no_admin1() -> None:
    from strikewatch.geo import lookup

    (mexico, *_) = lookup("Mexico")
    assert mexico.kind == "country" and mexico.admin1 is None


# --- in the browser -------------------------------------------------------------------------


@pytest.mark.browser
def test_legend_toggles_the_marks(site: dict[str, Any], web_browser: Any) -> None:
    page = web_browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site["base"] + "/map")
    planned = page.locator("svg.map a.cluster.g-planned")
    occurred = page.locator("svg.map a.cluster.g-occurred")
    assert planned.count() == 1 and not planned.first.is_visible()
    assert occurred.first.is_visible()
    page.click("label[for=show-planned]")
    assert planned.first.is_visible()
    assert page.locator(".clusters .g-planned").first.is_visible()
    page.click("label[for=show-occurred]")
    assert not occurred.first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "web-readers-map-toggled.png"), full_page=True)
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_no_page_is_wider_than_the_screen(site: dict[str, Any], web_browser: Any,
                                          width: int) -> None:
    page = web_browser.new_page(viewport={"width": width, "height": 844})
    paths = {"ledger": "/", "map": "/map", "incident": "/incidents/inc-boat",
             "article": f"/articles/{site['article']}", "timeline": "/timeline"}
    for name, path in paths.items():
        page.goto(site["base"] + path)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, (name, scroll)
        page.screenshot(path=str(ARTIFACTS / f"web-readers-{name}-{width}.png"),
                        full_page=True)
    page.goto(site["base"] + "/")
    if width == 390:  # rows become cards: the killed figure keeps its label
        assert page.locator("table.ledger thead").is_hidden()
        before = page.evaluate("getComputedStyle(document.querySelector("
                               "'table.ledger td[data-label=killed]'), '::before').content")
        assert "killed" in before
    page.close()

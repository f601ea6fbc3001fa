"""The timeline in Chromium: bars on their axis' scale, tally markers inside the chart and
apart, tallies filtered like incidents, and unknown tolls shown as unknown (not 0 killed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from strikewatch.accounts.auth import WebSettings
from strikewatch.ledger.filters import LedgerFilter, tally_matches
from strikewatch.records import Incident, Place, Tally
from strikewatch.server import create_app
from strikewatch.store import IncidentQuery
from tests._browser import PHONE, no_overflow, open_page, shot, sign_in
from tests._webdata import make_store, serve

pytestmark = pytest.mark.browser

PACIFIC = Place(name="Pacific Ocean", kind="sea", latitude=8.0, longitude=-95.0,
                geo_precision=6)
CARIB = Place(name="Caribbean Sea", kind="sea", latitude=15.0, longitude=-66.0,
              geo_precision=6)


@pytest.fixture(scope="module")
def timeline_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The test ledger plus: an occurred strike whose toll no report gives, and two more
    tallies ending the same day as the campaign's (the chart's last day)."""
    store, _ = make_store(tmp_path_factory.mktemp("timeline"))
    incidents = store.incidents(IncidentQuery(limit=0))
    silent = Incident(id="inc-pacific-unknown-toll", event_type="Explosions/Remote violence",
                      sub_event_type="Air/drone strike", status="occurred",
                      date_low="2025-10-08", date_high="2025-10-08", place=PACIFIC,
                      grade="weak", grade_reason="a single source")
    tallies = [*store.tallies(),
               Tally(id="tally-pacific", killed_low=14, killed_high=14, strikes_low=4,
                     strikes_high=4, place=PACIFIC, period_low="2025-10-01",
                     period_high="2025-10-21"),
               Tally(id="tally-carib", killed_low=30, strikes_low=8, place=CARIB,
                     period_low="2025-09-01", period_high="2025-10-21")]
    store.replace_ledger([*incidents, silent], tallies)
    app = create_app(store, settings=WebSettings(secret_key="timeline-secret"))
    with serve(app) as base:
        yield {"base": base, "store": store}


def _boxes(pg: Any, selector: str) -> list[dict[str, float]]:
    return pg.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect())"
                                             ".map(r => ({x: r.x, y: r.y, w: r.width, "
                                             "h: r.height}))")


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


def test_scales_markers_and_unknown_tolls(timeline_site: dict[str, Any],
                                          web_browser: Any) -> None:
    base = timeline_site["base"]
    pg = open_page(web_browser)
    sign_in(pg, base, "vic")
    pg.goto(base + "/timeline")
    # every bar stands on panel 1's axis at the axis' scale: its height over its value is
    # the axis' height over the axis' top value, and the top tick names that value
    axis = pg.locator("svg.timeline line.y[data-panel='0']")
    top_value = float(axis.get_attribute("data-max"))
    px_per_unit = (float(axis.get_attribute("y2")) - float(axis.get_attribute("y1"))) / top_value
    bars = pg.locator("svg.timeline rect.bar").all()
    assert len(bars) >= 3
    for bar in bars:
        assert float(bar.get_attribute("height")) == pytest.approx(
            int(bar.get_attribute("data-value")) * px_per_unit, abs=0.11)
    ticks = pg.locator("svg.timeline text.tick[text-anchor=end]").all_text_contents()
    assert str(int(top_value)) in ticks
    # three tallies end on the chart's last day: all drawn, inside the chart, apart
    chart = _boxes(pg, "svg.timeline")[0]
    marks = pg.locator("svg.timeline g.tally")
    assert sorted(set(marks.evaluate_all("gs => gs.map(g => g.dataset.key)"))) == [
        "T1", "T2", "T3"]
    for box in _boxes(pg, "svg.timeline g.tally"):
        assert chart["x"] <= box["x"] and box["x"] + box["w"] <= chart["x"] + chart["w"]
    labels = _boxes(pg, "svg.timeline g.tally text")
    assert all(not _overlap(a, b) for i, a in enumerate(labels) for b in labels[i + 1:])
    lines = [b for b in _boxes(pg, "svg.timeline g.tally circle")]
    xs = sorted({round(b["x"]) for b in lines})
    assert len(xs) == 3 and min(b - a for a, b in zip(xs, xs[1:], strict=False)) >= 12
    texts = pg.locator("svg.timeline g.tally text").all_text_contents()
    assert any(t.startswith("T") and "killed" in t for t in texts)
    # the strike with no toll reported is shown as such, not as 0 killed
    assert pg.inner_text("[data-count=toll-unknown]") == "1"
    unknown = pg.locator("svg.timeline g.unknown")
    assert unknown.count() == 1 and "toll not reported" in unknown.inner_html()
    row = pg.locator("table.weeks tr:has(td:text-is('2025-10-06'))")
    cells = row.locator("td").all_inner_texts()
    assert cells[-1] == "1" and cells[3] != "0"
    shot(pg, "timeline-tallies")
    assert pg.errors == [], pg.errors


def test_filters_apply_to_tallies(timeline_site: dict[str, Any], web_browser: Any) -> None:
    base = timeline_site["base"]
    pg = open_page(web_browser)
    sign_in(pg, base, "vic")
    pg.goto(base + "/timeline")
    pg.fill("input[name=country]", "Pacific Ocean")
    pg.click("form.filters button[type=submit]")
    pg.wait_for_url("**country=Pacific**")
    assert pg.locator("table.tallies tbody tr[data-tally]").evaluate_all(
        "rs => rs.map(r => r.dataset.tally)") == ["tally-pacific"]
    assert set(pg.locator("svg.timeline g.tally").evaluate_all(
        "gs => gs.map(g => g.dataset.key)")) == {"T1"}
    assert pg.inner_text("[data-count=tallies-hidden]") == "2"
    shot(pg, "timeline-filtered")
    pg.goto(base + "/timeline?date_to=2025-08-31")
    assert pg.locator("table.tallies tbody tr[data-tally]").count() == 0
    assert "No tally matches the filters." in pg.inner_text("table.tallies")
    pg.goto(base + "/timeline?grade=fair")
    assert pg.locator("svg.timeline g.tally").count() == 0
    assert "tallies have no grade" in pg.inner_text("main")


def test_timeline_fits_a_phone(timeline_site: dict[str, Any], web_browser: Any) -> None:
    pg = open_page(web_browser, **PHONE)
    sign_in(pg, timeline_site["base"], "vic")
    pg.goto(timeline_site["base"] + "/timeline")
    no_overflow(pg)
    shot(pg, "timeline-390")


def test_tally_matches_reads_the_ledgers_filters() -> None:
    t = Tally(id="t", killed_low=14, place=PACIFIC, period_low="2025-10-01",
              period_high="2025-10-21", status="occurred")

    def f(**kw: str) -> LedgerFilter:
        return LedgerFilter.parse(kw)

    assert tally_matches(f(), t)
    assert tally_matches(f(country="pacific ocean", date_from="2025-10-20"), t)
    assert not tally_matches(f(date_from="2025-10-22"), t)
    assert not tally_matches(f(date_to="2025-09-30"), t)
    assert not tally_matches(f(country="MX"), t)
    assert tally_matches(f(country="Caribbean Sea"), t, [CARIB])  # a region it names
    assert not tally_matches(f(grade="fair"), t)
    assert not tally_matches(f(status="planned"), t)
    assert not tally_matches(f(min_killed="15"), t) and tally_matches(f(min_killed="14"), t)
    assert tally_matches(f(q="pacific"), t) and not tally_matches(f(q="pacific cartel"), t)
    assert not tally_matches(f(actor="Navy"), t)


def test_many_tallies_on_the_last_day_stay_inside_and_apart() -> None:
    """Six claims ending on the chart's last day: every marker inside the drawing, each
    at least MARK_GAP from the next, every label inside too (render_timeline alone)."""
    import xml.etree.ElementTree as ET

    from strikewatch.web.timeline import MARK_GAP, render_timeline, timeline_data

    incidents = [Incident(id=f"i{d}", status="occurred", date_low=f"2025-09-{d:02d}",
                          killed_low=d, killed_high=d) for d in (1, 8, 15, 22)]
    tallies = [Tally(id=f"t{n}", killed_low=10 * n, strikes_low=n, period_low="2025-09-01",
                     period_high="2025-09-28") for n in range(1, 7)]
    width = 960
    root = ET.fromstring(str(render_timeline(timeline_data(incidents, tallies), width=width)))
    ns = "{http://www.w3.org/2000/svg}"
    groups = [g for g in root.iter(f"{ns}g") if "tally" in (g.get("class") or "")]
    assert len(groups) == 12  # six claims, each on both panels
    xs = sorted({float(c.get("cx")) for g in groups for c in g.iter(f"{ns}circle")})
    assert len(xs) == 6 and all(b - a >= MARK_GAP - 0.01 for a, b in zip(xs, xs[1:],
                                                                          strict=False))
    assert 0 < xs[0] and xs[-1] < width - 6
    for g in groups:
        text = g.find(f"{ns}text")
        assert text is not None
        x = float(text.get("x"))
        if text.get("text-anchor") == "end":
            assert x - 7.2 * len(text.text or "") > 0
        else:
            assert x + 7.2 * len(text.text or "") <= width

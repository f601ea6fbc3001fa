"""The page-building parts on their own: highlighting, map, timeline, reviews, auth."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from strikewatch.accounts.auth import (
    Auth,
    LoginLimiter,
    WebSettings,
    hash_password,
    verify_password,
)
from strikewatch.ledger.reviews import (
    ReviewError,
    apply_fields,
    check_incident,
    make_review,
    parse_field,
)
from strikewatch.records import Incident, Place, Tally
from strikewatch.web.highlight import Highlight, highlight
from strikewatch.web.svgmap import MapPoint, load_basemap, parse_bbox, render_map
from strikewatch.web.timeline import LABEL_GAP, render_timeline, timeline_data


def test_highlight_escapes_article_text_and_marks_overlapping_spans() -> None:
    text = "Intro. <script>alert(1)</script> Five sailors died on Tuesday. End."
    start = text.index("Five")
    end = text.index(" End")
    date = text.index("Tuesday")
    html = str(highlight(text, [Highlight(start, end, "killed", "ev-1"),
                                Highlight(date, date + 7, "date", "ev-2")]))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # the overlap piece carries both labels; each anchor appears once
    assert 'data-labels="killed, date">Tuesday</mark>' in html
    assert html.count('id="ev-1"') == 1 and html.count('id="ev-2"') == 1
    # stripping the markup gives back the text, unchanged
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">")
    assert plain == text


def test_highlight_ignores_spans_outside_the_text() -> None:
    html = str(highlight("short", [Highlight(3, 99, "bad"), Highlight(-1, 2, "bad")]))
    assert html == "short"


def test_basemap_ships_country_outlines_and_seas() -> None:
    base = load_basemap()
    iso = {c["iso2"] for c in base["countries"]}
    assert {"MX", "US", "VE", "CO", "FR"} <= iso
    assert len(base["countries"]) > 150
    assert any(s["name"] == "Caribbean Sea" for s in base["seas"])


def test_map_clusters_many_incidents_at_one_place() -> None:
    pts = [MapPoint(-75.0 + i * 0.01, 15.0, f"i{i}", f"strike {i}") for i in range(30)]
    pts.append(MapPoint(-110.0, 24.0, "far", "far away"))
    svg, clusters = render_map(pts)
    ET.fromstring(str(svg))  # well-formed SVG
    counts = sorted(len(c.points) for c in clusters)
    assert counts == [1, 30]
    assert 'data-count="30"' in str(svg) and ">30</text>" in str(svg)
    # zooming into the cluster's own extent separates it no further than the grid allows,
    # but every incident is still drawn exactly once
    big = next(c for c in clusters if len(c.points) == 30)
    _, zoomed = render_map(pts, big.bbox)
    assert sum(len(c.points) for c in zoomed) == 30


def test_small_clusters_past_the_listed_ones_zoom_in() -> None:
    pts = [MapPoint(-170 + 20 * i, 0, f"i{i}", "x") for i in range(5)]
    svg, clusters = render_map(pts, (-180, -60, 180, 60), link="grade=weak", listed=2)
    hrefs = re.findall(r'<a href="([^"]+)" class="cluster[ "]', str(svg))
    assert len(clusters) == 5 and hrefs[:2] == ["#cluster-1", "#cluster-2"]
    assert all(h.startswith("?grade=weak&amp;bbox=") for h in hrefs[2:])


def test_map_escapes_labels_and_parses_bbox() -> None:
    svg, _ = render_map([MapPoint(10, 10, "x", "<b>&</b>")])
    assert "<b>" not in str(svg) and "&lt;b&gt;" in str(svg)
    assert parse_bbox("-80,10,-70,20") == (-80, 10, -70, 20)
    assert parse_bbox("1,2,3") is None and parse_bbox("5,5,1,1") is None
    assert parse_bbox("a,b,c,d") is None


def _inc(i: int, date: str, low: int | None, high: int | None, status: str = "occurred"
         ) -> Incident:
    return Incident(id=f"inc{i}", date_low=date, date_high=date, killed_low=low,
                    killed_high=high, status=status,  # type: ignore[arg-type]
                    place=Place(name="Caribbean Sea", latitude=15, longitude=-75))


def test_timeline_counts_weeks_cumulative_and_places_tallies() -> None:
    incs = [_inc(1, "2025-09-02", 11, 11), _inc(2, "2025-09-04", 3, None),
            _inc(3, "2025-09-20", 2, 4), _inc(4, "2025-09-21", 9, 9, "planned")]
    tally = Tally(id="t", period_low="2025-09-01", period_high="2025-10-10", killed_low=20,
                  strikes_low=4)
    undated = Tally(id="u", killed_low=3)
    data = timeline_data(incs, [tally, undated])
    assert [t.id for t in data.undated_tallies] == ["u"]
    active = [w for w in data.weeks if w.incidents]
    assert [(str(w.start), w.incidents) for w in active] == [("2025-09-01", 2),
                                                             ("2025-09-15", 1)]
    last = data.weeks[-1]
    assert (last.cum_incidents, last.cum_killed_low, last.cum_killed_high) == (3, 16, 18)
    assert data.open_ended == 1
    assert str(data.weeks[-1].start) == "2025-10-06"  # the chart runs to the tally's end
    svg = str(render_timeline(data))
    ET.fromstring(svg)
    assert "Tally: ≥20 killed, ≥4 strikes" in svg
    assert svg.count('class="tally open"') == 2


def test_timeline_date_labels_never_overlap() -> None:
    """Weeks with incidents bunch up (one early report, then a busy autumn): each date label
    on the axis keeps a label's width from the one before, whatever the spacing."""
    days = ["2025-02-19"] + [f"2025-{m:02d}-{d:02d}" for m in (9, 10, 11) for d in (2, 9, 16)]
    svg = str(render_timeline(timeline_data(
        [_inc(i, day, 1, 1) for i, day in enumerate(days)], [])))
    root = ET.fromstring(svg)
    xs = [float(t.get("x", 0)) for t in root.iter("{http://www.w3.org/2000/svg}text")
          if (t.text or "").startswith("2025-")]
    assert len(xs) >= 3 and xs[0] < xs[-1]
    assert all(b - a >= LABEL_GAP for a, b in zip(xs, xs[1:], strict=False))


def test_review_edit_records_before_and_after_and_checks_values() -> None:
    inc = _inc(1, "2025-09-02", 3, 3)
    r = make_review("edit", inc, "ed", {"killed_high": 6})
    assert r.before and r.before["killed_high"] == 3
    after = apply_fields(inc, r)
    assert after.killed_high == 6 and after.machine == {"killed_high": 3} and after.reviewed
    with pytest.raises(ReviewError):  # below low
        check_incident(apply_fields(inc, make_review("edit", inc, "ed", {"killed_high": 1})))
    with pytest.raises(ReviewError):
        parse_field("killed_low", "many")
    with pytest.raises(ReviewError):
        parse_field("grade", "excellent")
    assert parse_field("killed_low", "") is None


def test_passwords_sessions_csrf_and_rate_limit() -> None:
    h = hash_password("correct horse")
    assert h.startswith("$argon2id$")
    assert verify_password(h, "correct horse") and not verify_password(h, "wrong")
    assert not verify_password("not a hash", "x")
    auth = Auth(store=None, settings=WebSettings(secret_key="k"))  # type: ignore[arg-type]
    cookie = auth.new_csrf_cookie()
    browser = Auth.browser_binding(cookie)
    token = auth.csrf_token(browser)
    assert auth.csrf_ok(browser, token)
    assert not auth.csrf_ok(Auth.browser_binding(auth.new_csrf_cookie()), token)
    assert not auth.csrf_ok(browser, token[:-2] + "xx")
    assert not auth.csrf_ok(None, token) and not auth.csrf_ok(browser, None)
    # a session's token is its own: not the browser's, not another session's
    session = Auth.session_binding("t" * 43)
    assert auth.csrf_ok(session, auth.csrf_token(session))
    assert not auth.csrf_ok(session, token)
    assert not auth.csrf_ok(Auth.session_binding("u" * 43), auth.csrf_token(session))
    other = Auth(store=None, settings=WebSettings(secret_key="other"))  # type: ignore[arg-type]
    assert not other.csrf_ok(browser, token)
    lim = LoginLimiter(attempts=3, window=60)
    for _ in range(3):
        assert not lim.blocked("1.2.3.4", "Ann")
        lim.failed("1.2.3.4", "ann")
    assert lim.blocked("1.2.3.4", "ANN") and not lim.blocked("5.6.7.8", "ann")

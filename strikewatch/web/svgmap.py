"""The incident map as one server-rendered SVG over the shipped basemap (no tiles, no JS).

Why SVG on the server: it works offline, without JavaScript and on a slow laptop; the
browser only draws ~200 country paths and a few cluster circles. Incidents closer together
than a marker's size are drawn as one numbered circle, so many incidents at one place stay
readable; each cluster links to its list below the map and to a zoomed-in view.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

BASEMAP = Path(__file__).parent / "data" / "basemap.json"
WORLD = (-180.0, -60.0, 180.0, 85.0)  # lon_min, lat_min, lon_max, lat_max


@lru_cache(maxsize=1)
def load_basemap() -> dict[str, Any]:
    """The committed basemap (see basemap_build.py for where it comes from)."""
    data: dict[str, Any] = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return data


@dataclass
class MapPoint:
    lon: float
    lat: float
    incident_id: str
    label: str


@dataclass
class Cluster:
    number: int
    lon: float
    lat: float
    points: list[MapPoint] = field(default_factory=list)

    @property
    def extent(self) -> float:
        """The larger side, in degrees, of the box around the cluster's incidents."""
        lons = [p.lon for p in self.points]
        lats = [p.lat for p in self.points]
        return max(max(lons) - min(lons), max(lats) - min(lats))

    @property
    def one_place(self) -> bool:
        """All at (about) one place: zooming in would not separate them."""
        return self.extent < 0.01

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        lons = [p.lon for p in self.points]
        lats = [p.lat for p in self.points]
        return fit_bbox(min(lons), min(lats), max(lons), max(lats), min_span=0.5)


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'lon_min,lat_min,lon_max,lat_max' -> tuple, or None when missing or malformed."""
    if not value:
        return None
    try:
        parts = [float(x) for x in value.split(",")]
    except ValueError:
        return None
    if len(parts) != 4 or not (parts[0] < parts[2] and parts[1] < parts[3]):
        return None
    if not all(math.isfinite(p) for p in parts):
        return None
    return (max(parts[0], -180), max(parts[1], -90), min(parts[2], 180), min(parts[3], 90))


def fit_bbox(lon0: float, lat0: float, lon1: float, lat1: float,
             min_span: float = 4.0) -> tuple[float, float, float, float]:
    """A padded view around the given extent, at least `min_span` degrees wide and tall."""
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    w = max(lon1 - lon0, min_span) * 1.3
    h = max(lat1 - lat0, min_span) * 1.3
    return (max(cx - w / 2, -180), max(cy - h / 2, -90), min(cx + w / 2, 180), min(cy + h / 2, 90))


def _fmt(x: float) -> str:
    return f"{x:.3f}".rstrip("0").rstrip(".")


def cluster_points(points: list[MapPoint], deg_per_px: float, cell_px: float = 36.0
                   ) -> list[Cluster]:
    """Grid clustering: points in one cell of `cell_px` screen pixels become one cluster."""
    cell = cell_px * deg_per_px
    cells: dict[tuple[int, int], list[MapPoint]] = {}
    for p in points:
        cells.setdefault((math.floor(p.lon / cell), math.floor(p.lat / cell)), []).append(p)
    clusters: list[Cluster] = []
    for members in sorted(cells.values(), key=lambda m: (-len(m), m[0].lon, m[0].lat)):
        lon = sum(p.lon for p in members) / len(members)
        lat = sum(p.lat for p in members) / len(members)
        clusters.append(Cluster(len(clusters) + 1, lon, lat, members))
    return clusters


def _graticule(lon0: float, lat0: float, lon1: float, lat1: float, dpp: float) -> str:
    """Latitude/longitude lines with degree labels, so a zoomed-in view keeps its bearings."""
    span = lon1 - lon0
    step = next((s for s in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30) if span / s <= 10), 30.0)
    fs = _fmt(10 * dpp)
    out = ['<g class="graticule">']
    x = math.ceil(lon0 / step) * step
    while x <= lon1:
        out.append(f'<line x1="{_fmt(x)}" y1="{_fmt(-lat1)}" x2="{_fmt(x)}" y2="{_fmt(-lat0)}"/>'
                   f'<text x="{_fmt(x + 3 * dpp)}" y="{_fmt(-lat0 - 4 * dpp)}" font-size="{fs}">'
                   f'{abs(round(x, 1)):g}°{"W" if x < 0 else "E" if x > 0 else ""}</text>')
        x += step
    y = math.ceil(lat0 / step) * step
    while y <= lat1:
        out.append(f'<line x1="{_fmt(lon0)}" y1="{_fmt(-y)}" x2="{_fmt(lon1)}" y2="{_fmt(-y)}"/>'
                   f'<text x="{_fmt(lon0 + 3 * dpp)}" y="{_fmt(-y - 3 * dpp)}" font-size="{fs}">'
                   f'{abs(round(y, 1)):g}°{"S" if y < 0 else "N" if y > 0 else ""}</text>')
        y += step
    out.append("</g>")
    return "".join(out)


def render_map(points: list[MapPoint], bbox: tuple[float, float, float, float] | None = None,
               width: int = 960, height: int = 520, link: str = "", listed: int = 100
               ) -> tuple[Markup, list[Cluster]]:
    """The SVG (as safe markup) and the clusters drawn on it.

    The `listed` largest clusters link to their list below the map; smaller ones zoom in,
    keeping `link` (the filters as a query string).
    """
    if bbox is None:
        if points:
            bbox = fit_bbox(min(p.lon for p in points), min(p.lat for p in points),
                            max(p.lon for p in points), max(p.lat for p in points), 20.0)
        else:
            bbox = WORLD
    lon0, lat0, lon1, lat1 = bbox
    # widen the shorter side so the map keeps the page's aspect ratio
    span_x, span_y = lon1 - lon0, lat1 - lat0
    if span_x / span_y < width / height:
        extra = span_y * width / height - span_x
        lon0, lon1 = lon0 - extra / 2, lon1 + extra / 2
    else:
        extra = span_x * height / width - span_y
        lat0, lat1 = lat0 - extra / 2, lat1 + extra / 2
    span_x = lon1 - lon0
    dpp = span_x / width  # degrees per pixel
    visible = [p for p in points if lon0 <= p.lon <= lon1 and lat0 <= p.lat <= lat1]
    clusters = cluster_points(visible, dpp)
    base = load_basemap()
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" role="img" '
        f'aria-label="Map of incidents" viewBox="{_fmt(lon0)} {_fmt(-lat1)} {_fmt(span_x)} '
        f'{_fmt(lat1 - lat0)}" width="{width}" height="{height}" '
        f'preserveAspectRatio="xMidYMid meet">',
        f'<rect class="sea" x="{_fmt(lon0)}" y="{_fmt(-lat1)}" width="{_fmt(span_x)}" '
        f'height="{_fmt(lat1 - lat0)}"/>',
        '<g class="land">',
    ]
    for c in base["countries"]:
        if c["d"]:
            out.append(f'<path d="{c["d"]}"><title>{escape(c["name"])}</title></path>')
    out.append("</g>")
    out.append(_graticule(lon0, lat0, lon1, lat1, dpp))
    out.append('<g class="sea-labels">')
    fs = 13 * dpp
    for s in base["seas"]:
        if lon0 <= s["lon"] <= lon1 and lat0 <= s["lat"] <= lat1:
            out.append(f'<text x="{_fmt(s["lon"])}" y="{_fmt(-s["lat"])}" font-size="{_fmt(fs)}"'
                       f' text-anchor="middle">{escape(s["name"])}</text>')
    out.append('</g><g class="incidents">')
    for c in clusters:
        n = len(c.points)
        r = (7 + 4 * math.log2(n)) * dpp
        names = "; ".join(p.label for p in c.points[:8]) + ("; …" if n > 8 else "")
        if c.number <= listed:
            href = f"#cluster-{c.number}"
        else:
            box = ",".join(f"{v:.3f}" for v in c.bbox)
            href = str(escape(f"?{link}&bbox={box}" if link else f"?bbox={box}"))
        out.append(
            f'<a href="{href}" class="cluster" data-count="{n}">'
            f'<title>{n} incident{"s" if n > 1 else ""}: {escape(names)}</title>'
            f'<circle cx="{_fmt(c.lon)}" cy="{_fmt(-c.lat)}" r="{_fmt(r)}" '
            f'stroke-width="{_fmt(1.5 * dpp)}"/>'
        )
        if n > 1:
            out.append(f'<text x="{_fmt(c.lon)}" y="{_fmt(-c.lat + 4.5 * dpp)}" '
                       f'font-size="{_fmt(12 * dpp)}" text-anchor="middle">{n}</text>')
        out.append("</a>")
    out.append("</g></svg>")
    return Markup("".join(out)), clusters

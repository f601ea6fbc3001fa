"""The incident map as one server-rendered SVG over the shipped basemap (no tiles, no JS).

Why SVG on the server: it works offline, without JavaScript and on a slow laptop; the
browser only draws ~200 country paths and a few cluster circles. Incidents closer together
than a marker's size are drawn as one numbered circle, so many incidents at one place stay
readable; each cluster links to its list below the map and to a zoomed-in view.

A mark says what kind of report it is and how well its place is known: each group of
`GROUPS` (occurred; recalled as background; planned; threatened; denied; hypothetical) has
its own shape and colour and is clustered apart, so a "4" never mixes a strike with a plan;
a dashed ring around a mark says the place is known only to a region, a country or a sea
(drawn at its centre). The page's legend doubles as CSS-only toggles (no JavaScript): only
occurred incidents show at first.
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


#: Mark groups, in legend order: (key, legend label, what it means).
GROUPS = (
    ("occurred", "occurred", "reported as having happened"),
    ("background", "background", "an earlier event recalled in a report, not news"),
    ("planned", "planned", "an operation reported as planned"),
    ("threatened", "threatened", "an operation threatened"),
    ("denied", "denied", "reported, and denied"),
    ("hypothetical", "hypothetical", "discussed as a possibility"),
)
GROUP_LABEL = {key: label for key, label, _ in GROUPS}
#: Places known to this precision or better (geo_precision 1 exact, 2 town) get a plain
#: mark; coarser ones (district, region, country, sea) a dashed ring.
PRECISE = 2
PRECISION_WORDS = {1: "exact spot", 2: "town", 3: "district", 4: "region", 5: "country",
                   6: "sea area"}


def group_of(status: str, background: bool) -> str:
    return "background" if background else status if status in GROUP_LABEL else "occurred"


@dataclass
class MapPoint:
    lon: float
    lat: float
    incident_id: str
    label: str
    group: str = "occurred"  # one of GROUPS (group_of)
    precision: int | None = None  # the place's geo_precision


@dataclass
class Cluster:
    number: int
    lon: float
    lat: float
    points: list[MapPoint] = field(default_factory=list)
    group: str = "occurred"

    @property
    def coarse(self) -> bool:
        """Some of its places are known only to a region, country or sea."""
        return any((p.precision or 6) > PRECISE for p in self.points)

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
    """Grid clustering, one group at a time: points of one group in one cell of `cell_px`
    screen pixels become one cluster. Numbered largest first."""
    cell = cell_px * deg_per_px
    cells: dict[tuple[str, int, int], list[MapPoint]] = {}
    for p in points:
        key = (p.group, math.floor(p.lon / cell), math.floor(p.lat / cell))
        cells.setdefault(key, []).append(p)
    clusters: list[Cluster] = []
    for members in sorted(cells.values(), key=lambda m: (-len(m), m[0].lon, m[0].lat,
                                                        m[0].group)):
        lon = sum(p.lon for p in members) / len(members)
        lat = sum(p.lat for p in members) / len(members)
        clusters.append(Cluster(len(clusters) + 1, lon, lat, members, members[0].group))
    return clusters


def mark_shape(group: str, x: float, y: float, r: float, sw: float) -> str:
    """The SVG of one mark, centred at (x, y) with radius r (shapes per GROUPS)."""
    X, Y, R, W = _fmt(x), _fmt(y), _fmt(r), _fmt(sw)
    if group == "background":
        return (f'<rect x="{_fmt(x - r * .85)}" y="{_fmt(y - r * .85)}" width="{_fmt(r * 1.7)}"'
                f' height="{_fmt(r * 1.7)}" stroke-width="{W}"/>')
    if group == "planned":
        pts = f"{X},{_fmt(y - r)} {_fmt(x + r)},{Y} {X},{_fmt(y + r)} {_fmt(x - r)},{Y}"
        return f'<polygon points="{pts}" stroke-width="{W}"/>'
    if group == "threatened":
        pts = (f"{X},{_fmt(y - r)} {_fmt(x + r * .95)},{_fmt(y + r * .75)} "
               f"{_fmt(x - r * .95)},{_fmt(y + r * .75)}")
        return f'<polygon points="{pts}" stroke-width="{W}"/>'
    if group == "denied":
        d = r * .6
        return (f'<circle cx="{X}" cy="{Y}" r="{R}" stroke-width="{W}"/>'
                f'<path class="cross" d="M{_fmt(x - d)},{_fmt(y - d)}L{_fmt(x + d)},'
                f'{_fmt(y + d)}M{_fmt(x + d)},{_fmt(y - d)}L{_fmt(x - d)},{_fmt(y + d)}" '
                f'stroke-width="{W}"/>')
    return f'<circle cx="{X}" cy="{Y}" r="{R}" stroke-width="{W}"/>'


def legend_mark(group: str, coarse: bool = False) -> Markup:
    """A small standalone SVG of a mark, for the legend."""
    ring = ('<circle class="ring" cx="0" cy="0" r="10.5" stroke-width="1.4"/>'
            if coarse else "")
    return Markup(f'<svg class="mark g-{group}" viewBox="-12 -12 24 24" width="20" '
                  f'height="20" aria-hidden="true">{ring}{mark_shape(group, 0, 0, 6.5, 1.4)}'
                  '</svg>')


@lru_cache(maxsize=1)
def country_labels() -> list[tuple[str, float, float, float]]:
    """(name, lon, lat, width in degrees) of each country's largest outline, for labels:
    the centre of that outline's bounding box (good enough at 1:110m)."""
    out = []
    for c in load_basemap()["countries"]:
        best: tuple[float, float, float, float] | None = None
        for ring in c["d"].split("M")[1:]:
            xy = [tuple(map(float, p.split(","))) for p in ring.rstrip("Z").split("L") if p]
            xs, ys = [p[0] for p in xy], [p[1] for p in xy]
            area = (max(xs) - min(xs)) * (max(ys) - min(ys))
            if best is None or area > best[0]:
                best = (area, (min(xs) + max(xs)) / 2, -(min(ys) + max(ys)) / 2,
                        max(xs) - min(xs))
        if best is not None:
            out.append((c["name"], best[1], best[2], best[3]))
    return out


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
    out.append('<g class="country-labels">')
    fs = 11 * dpp
    for name, lon, lat, w in country_labels():
        # a label only where the country is wide enough on screen to hold it
        if lon0 <= lon <= lon1 and lat0 <= lat <= lat1 and w / dpp >= 6.5 * len(name):
            out.append(f'<text x="{_fmt(lon)}" y="{_fmt(-lat)}" font-size="{_fmt(fs)}" '
                       f'text-anchor="middle">{escape(name)}</text>')
    out.append('</g><g class="sea-labels">')
    fs = 13 * dpp
    for s in base["seas"]:
        if lon0 <= s["lon"] <= lon1 and lat0 <= s["lat"] <= lat1:
            out.append(f'<text x="{_fmt(s["lon"])}" y="{_fmt(-s["lat"])}" font-size="{_fmt(fs)}"'
                       f' text-anchor="middle">{escape(s["name"])}</text>')
    out.append('</g><g class="incidents">')
    order = {key: i for i, (key, _, _) in enumerate(GROUPS)}
    # occurred incidents drawn last, on top of plans, threats and history
    for c in sorted(clusters, key=lambda c: (-order.get(c.group, 0), c.number)):
        out.append(_cluster_svg(c, dpp, listed, link))
    out.append("</g></svg>")
    return Markup("".join(out)), clusters


def _cluster_svg(c: Cluster, dpp: float, listed: int, link: str) -> str:
    n = len(c.points)
    r = (7 + 4 * math.log2(n)) * dpp
    if c.number <= listed:
        href = f"#cluster-{c.number}"
    else:
        box = ",".join(f"{v:.3f}" for v in c.bbox)
        href = str(escape(f"?{link}&bbox={box}" if link else f"?bbox={box}"))
    title = f"{n} {GROUP_LABEL.get(c.group, c.group)} incident{'s' if n > 1 else ''}: " + \
        "; ".join(p.label for p in c.points[:8]) + ("; …" if n > 8 else "")
    ring = ""
    if c.coarse:
        ring = (f'<circle class="ring" cx="{_fmt(c.lon)}" cy="{_fmt(-c.lat)}" '
                f'r="{_fmt(r + 4.5 * dpp)}" stroke-width="{_fmt(1.4 * dpp)}" '
                f'stroke-dasharray="{_fmt(3 * dpp)} {_fmt(2 * dpp)}"/>')
    count = ""
    if n > 1:
        count = (f'<text x="{_fmt(c.lon)}" y="{_fmt(-c.lat + 4.5 * dpp)}" '
                 f'font-size="{_fmt(12 * dpp)}" text-anchor="middle">{n}</text>')
    return (f'<a href="{href}" class="cluster g-{c.group}" data-count="{n}" '
            f'data-group="{c.group}"><title>{escape(title)}</title>{ring}'
            f'{mark_shape(c.group, c.lon, -c.lat, r, 1.5 * dpp)}{count}</a>')

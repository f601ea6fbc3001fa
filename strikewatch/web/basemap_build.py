"""Build the offline basemap shipped in strikewatch/web/data/basemap.json (run once, at build time).

Why: the map must work with no tile server or CDN, so the country outlines ship with the
package. The source is Natural Earth's 1:110m admin-0 countries (public domain) as the
`naturalearth_lowres` shapefile inside the geopandas 0.14.4 wheel on PyPI. This script turns
it into SVG path strings in plate carrée (x = longitude, y = -latitude, rounded to 0.1°),
small enough (~200 kB) to commit. Nothing here runs when strikewatch runs.

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne && unzip /tmp/ne/*.whl -d /tmp/ne
    pip install --target /tmp/ne/lib pyshp==3.1.6
    PYTHONPATH=.:/tmp/ne/lib python -m strikewatch.web.basemap_build \
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).parent / "data" / "basemap.json"

#: Label positions of seas and oceans (longitude, latitude), after Natural Earth's marine
#: label points; seas have no outline in the basemap, the water is the background.
SEAS: list[tuple[str, float, float]] = [
    ("Pacific Ocean", -140.0, 5.0), ("Pacific Ocean", 170.0, 20.0),
    ("Pacific Ocean", -100.0, 6.0), ("Atlantic Ocean", -55.0, 20.0),
    ("Atlantic Ocean", -35.0, 25.0), ("Atlantic Ocean", -20.0, -20.0),
    ("Indian Ocean", 80.0, -20.0), ("Arctic Ocean", 0.0, 82.0),
    ("Southern Ocean", 30.0, -62.0), ("Caribbean Sea", -75.0, 15.0),
    ("Gulf of Mexico", -90.0, 25.0), ("Gulf of California", -110.5, 27.0),
    ("Mediterranean Sea", 18.0, 34.5), ("Black Sea", 34.0, 43.2),
    ("Red Sea", 38.5, 20.5), ("Gulf of Aden", 48.0, 12.3), ("Arabian Sea", 64.0, 15.0),
    ("Persian Gulf", 51.5, 27.0), ("Caspian Sea", 51.0, 41.5),
    ("Bay of Bengal", 88.0, 14.0), ("South China Sea", 114.0, 13.0),
    ("East China Sea", 126.0, 29.0), ("Sea of Japan", 135.0, 40.0),
    ("Philippine Sea", 132.0, 20.0), ("Coral Sea", 155.0, -16.0),
    ("North Sea", 3.0, 56.0), ("Baltic Sea", 19.5, 57.5), ("Gulf of Guinea", 3.0, 1.5),
    ("Bering Sea", -178.0, 58.0), ("Gulf of Alaska", -145.0, 56.0),
]


def _iso2(iso3: str, name: str) -> str | None:
    import pycountry

    fixes = {"France": "FR", "Norway": "NO", "Kosovo": "XK", "Somaliland": None,
             "N. Cyprus": None, "Taiwan": "TW"}
    if name in fixes:
        return fixes[name]
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else None


def _ring_path(points: list[tuple[float, float]]) -> str:
    out: list[str] = []
    last = None
    for lon, lat in points:
        pt = (round(lon, 1), round(-lat, 1))
        if pt != last:
            out.append(f"{pt[0]:g},{pt[1]:g}")
            last = pt
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def build(shp_path: str) -> dict[str, Any]:
    """Read the shapefile and return the basemap document."""
    import shapefile  # pyshp: build-time only

    reader = shapefile.Reader(shp_path)
    countries = []
    for rec in reader.shapeRecords():
        attrs = rec.record.as_dict()
        shape = rec.shape
        parts = list(shape.parts) + [len(shape.points)]
        d = "".join(
            _ring_path(shape.points[a:b]) for a, b in zip(parts, parts[1:], strict=False)
        )
        name = attrs["name"]
        countries.append({"iso2": _iso2(attrs["iso_a3"], name), "name": name, "d": d})
    return {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), "
                  "via the naturalearth_lowres shapefile of geopandas 0.14.4",
        "projection": "plate carree: x = longitude, y = -latitude",
        "countries": countries,
        "seas": [{"name": n, "lon": lon, "lat": lat} for n, lon, lat in SEAS],
    }


def main(argv: list[str]) -> None:
    doc = build(argv[0])
    OUT.write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(doc['countries'])} countries)")


if __name__ == "__main__":
    main(sys.argv[1:])

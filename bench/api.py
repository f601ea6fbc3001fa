"""Latency of the ledger query over 100k synthetic incidents: store call vs HTTP API.

    PYTHONPATH=. python bench/api.py [--n 100000] [--repeat 40]

Builds a SQLite store with N synthetic incidents (fixed seed), then for a few typical ledger
queries measures p50/p95 of (a) the store call the API makes (incidents + count, the
baseline, same process) and (b) GET /api/incidents over real HTTP on loopback (uvicorn in a
thread, httpx client). Prints both and their ratio, so the API's own overhead is visible
independently of the machine's speed. Last, the HTML ledger page for two of the queries.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from strikewatch.accounts.auth import WebSettings  # noqa: E402
from strikewatch.ledger.filters import LedgerFilter  # noqa: E402
from strikewatch.records import GRADES, STATUSES, Actor, Incident, Place, Source  # noqa: E402
from strikewatch.server import create_app  # noqa: E402
from strikewatch.store import open_store  # noqa: E402
from tests._webdata import serve  # noqa: E402

PLACES = [("Caribbean Sea", None, 15.0, -73.0), ("Pacific Ocean", None, 8.0, -95.0),
          ("Sinaloa", "MX", 25.0, -107.5), ("Sucre", "VE", 10.4, -63.5),
          ("Nariño", "CO", 1.5, -78.0), ("Gulf of Aden", None, 12.3, 48.0)]
ACTORS = ["US Navy", "US Air Force", "Mexican Army", "Venezuelan Navy", "Colombian Army"]


def synthetic(n: int, seed: int = 7) -> list[Incident]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        name, country, lat, lon = rnd.choice(PLACES)
        day = rnd.randrange(0, 730)
        date = time.strftime("%Y-%m-%d", time.gmtime(1672531200 + day * 86400))
        low = rnd.choice([None, 0, 1, 2, 3, 5, 11])
        high = None if low is None else low + rnd.choice([0, 0, 1, 4])
        out.append(Incident(
            id=f"syn{i:07d}", event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike", status=rnd.choice(STATUSES[:2]) if i % 7 else
            rnd.choice(STATUSES), date_low=date, date_high=date, time_precision=1,
            place=Place(name=name, country=country, latitude=lat + rnd.uniform(-2, 2),
                        longitude=lon + rnd.uniform(-2, 2)),
            actor1=Actor(name=rnd.choice(ACTORS)), killed_low=low, killed_high=high,
            grade=rnd.choice(GRADES), sources=[Source(article_id=f"a{i % 5000}")]))
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm caches
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=40)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        t = time.perf_counter()
        store.replace_ledger(synthetic(args.n), [])
        print(f"loaded {args.n} incidents in {time.perf_counter() - t:.1f} s")
        app = create_app(store, settings=WebSettings(allow_anonymous=True))
        queries = {
            "first page (date order)": {},
            "country + grade": {"country": "MX", "grade": "weak"},
            "date range, by killed desc": {"date_from": "2024-03-01", "date_to": "2024-06-30",
                                           "sort": "-killed_low"},
            "actor substring": {"actor": "navy"},
            "text search": {"q": "sucre"},
            "deep page (offset 50000)": {"offset": "50000"},
        }
        print(f"{'query':30} {'store p50':>10} {'p95':>8} {'HTTP p50':>10} {'p95':>8} "
              f"{'ratio p50':>10}")
        with serve(app) as base, httpx.Client(base_url=base) as client:
            for label, params in queries.items():
                q = LedgerFilter.parse(params).query()

                def direct(q: object = q) -> None:
                    store.incidents(q)  # type: ignore[arg-type]
                    store.count_incidents(q)  # type: ignore[arg-type]

                def http(params: dict[str, str] = params) -> None:
                    r = client.get("/api/incidents", params=params)
                    r.raise_for_status()

                d = timed(direct, args.repeat)
                h = timed(http, args.repeat)
                print(f"{label:30} {pct(d, 50):8.1f}ms {pct(d, 95):6.1f}ms "
                      f"{pct(h, 50):8.1f}ms {pct(h, 95):6.1f}ms "
                      f"{statistics.median(h) / max(statistics.median(d), 1e-9):9.2f}x")
            print("\nweb ledger page (HTML, 50 rows; killed summed when at most 2,000 match):")
            for label in ("first page (date order)", "country + grade", "text search"):
                def html(p: dict[str, str] = queries[label]) -> None:
                    client.get("/", params=p).raise_for_status()

                page = timed(html, max(args.repeat // 3, 5))
                print(f"{label:30} p50 {pct(page, 50):8.1f}ms  p95 {pct(page, 95):8.1f}ms")


if __name__ == "__main__":
    main()

"""Resolution alone, on the mentions a batch stored: how its cost grows with the archive.

    PYTHONPATH=. /work/venv/bin/python bench/resolve_store.py \
        sqlite:///bench/out/run-local-1000-1/store.db sqlite:///bench/out/run-local-10000-1/store.db

Each store's mentions, articles and reviews are read once, then resolved `--repeat` times
(from scratch, as `strikewatch batch` does); the best wall time and the CPU time of that run
are printed (CPU time is steadier on a shared machine), then the growth from the first
store to each other: cost per mention 1.00 = linear.
"""

from __future__ import annotations

import argparse
import time

from strikewatch.resolve import resolve
from strikewatch.store import open_store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dbs", nargs="+", help="store URLs, smallest archive first")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    rows: list[tuple[str, int, float, float]] = []
    for db in args.dbs:
        store = open_store(db)
        try:
            mentions = list(store.mentions())
            articles = store.get_articles({m.article_id for m in mentions})
            reviews = store.reviews()
        finally:
            store.close()
        best = (float("inf"), 0.0)
        for _ in range(max(1, args.repeat)):
            w0, c0 = time.perf_counter(), time.process_time()
            incidents, tallies = resolve(mentions, articles, reviews)
            best = min(best, (time.perf_counter() - w0, time.process_time() - c0))
        rows.append((db, len(mentions), *best))
        print(f"{len(mentions):>8} mentions {len(articles):>7} articles: {best[0]:8.2f} s wall "
              f"{best[1]:8.2f} s CPU  -> {len(incidents)} incidents, {len(tallies)} tallies",
              flush=True)
    _, n0, w0, c0 = rows[0]
    for _, n, w, c in rows[1:]:
        print(f"growth {n / n0:.1f}x mentions: {w / w0:.2f}x wall, {c / c0:.2f}x CPU "
              f"(cost per mention {w / w0 / (n / n0):.2f} wall, {c / c0 / (n / n0):.2f} CPU)")


if __name__ == "__main__":
    main()

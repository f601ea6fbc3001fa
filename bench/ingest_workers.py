"""`strikewatch ingest --workers N` end to end: 1 worker against 2 on the same articles.

    PYTHONPATH=. .venv/bin/python bench/ingest_workers.py --articles 1000 --rounds 2

A synthetic archive (strikewatch.batch.synthetic, seeded; bench/out/, shared with
bench/scale.py) is ingested into a fresh SQLite store by a fresh child process per run, as
`strikewatch ingest FILE --workers N` does it (pipeline.ingest, extract_pending,
rebuild_ledger). The runs alternate 1, 2, 1, 2, ... so that a busy moment of a shared box
falls on both sides. Printed per run: wall seconds of each phase (ingest = reading and
storing the articles; extract = extracting and storing the mentions; resolve = the ledger),
the CPU seconds of extract in this process and in the pool's workers (x CPU, pool CPU: on a
busy box they show how the work is split when wall times cannot), the store's counts (which
must agree); then, per phase and in total, the median of the 1-worker runs over the median
of the 2-worker runs (the speed-up; 1.00 = none).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.scale import OUT, synthetic_archive

ROOT = Path(__file__).resolve().parent.parent
PHASES = ("ingest", "extract", "resolve", "total")


def one_run(archive: str, workers: int) -> dict[str, float | int]:
    """Child-process body: the pipeline over `archive` into a fresh store."""
    from strikewatch import pipeline
    from strikewatch.store import open_store

    db = OUT / f"ingest-workers-{workers}.db"
    for stale in OUT.glob(db.name + "*"):
        stale.unlink()
    store = open_store(f"sqlite:///{db}")
    try:
        t0 = time.perf_counter()
        if workers > 1:  # as strikewatch ingest does: the pool's server loads meanwhile
            from strikewatch import pool

            pool.start_server()
        report = pipeline.PipelineReport(ingest=pipeline.ingest([archive], store))
        t1, c1 = time.perf_counter(), time.process_time()
        pipeline.extract_pending(store, report, workers=workers)
        t2, c2 = time.perf_counter(), time.process_time()
        pipeline.rebuild_ledger(store, report)
        t3 = time.perf_counter()
        counts = {"articles": store.count_articles(), "mentions": store.count_mentions(),
                  "incidents": report.incidents}
    finally:
        store.close()
    for stale in OUT.glob(db.name + "*"):
        stale.unlink()
    return {"ingest": t1 - t0, "extract": t2 - t1, "resolve": t3 - t2, "total": t3 - t0,
            "extract_cpu": c2 - c1, "pool_cpu": report.pool_cpu, **counts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=2, help="runs of each worker count")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.workers)))
        return

    archive = str(synthetic_archive(args.articles, args.seed))
    print(f"# ingest of {args.articles} articles, 1 vs 2 workers, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    print(f"{'workers':>7} {'ingest s':>8} {'extract s':>9} {'resolve s':>9} {'total s':>8} "
          f"{'x CPU s':>7} {'pool CPU':>8} {'articles':>8} {'mentions':>8} {'incid':>6}")
    runs: dict[int, list[dict[str, float | int]]] = {1: [], 2: []}
    for _ in range(args.rounds):
        for workers in (1, 2):
            proc = subprocess.run(
                [sys.executable, __file__, "--one", archive, "--workers", str(workers)],
                capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                check=False)
            if proc.returncode != 0:
                raise SystemExit(f"{workers} worker(s) failed:\n{proc.stderr[-3000:]}")
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            runs[workers].append(r)
            print(f"{workers:>7} {r['ingest']:>8.1f} {r['extract']:>9.1f} {r['resolve']:>9.1f} "
                  f"{r['total']:>8.1f} {r['extract_cpu']:>7.1f} {r['pool_cpu']:>8.1f} "
                  f"{r['articles']:>8} {r['mentions']:>8} "
                  f"{r['incidents']:>6}", flush=True)
    keys = ("articles", "mentions", "incidents")
    if len({tuple(r[k] for k in keys) for rs in runs.values() for r in rs}) != 1:
        raise SystemExit("the runs disagree on what they stored")
    print(f"\n# speed-up of 2 workers over 1 (median of {args.rounds} runs each; "
          f"load average {os.getloadavg()[0]:.1f} at the end)")
    for phase in PHASES:
        one = statistics.median(float(r[phase]) for r in runs[1])
        two = statistics.median(float(r[phase]) for r in runs[2])
        print(f"{phase:>8}: {one:7.1f} s -> {two:7.1f} s  {one / two:5.2f}x")


if __name__ == "__main__":
    main()

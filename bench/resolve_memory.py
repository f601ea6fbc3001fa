"""Driver memory of a from-scratch resolve: in memory (update_ledger) vs streamed (batch).

    PYTHONPATH=. .venv/bin/python bench/resolve_memory.py --sizes 1000,4000

For each size a synthetic archive (strikewatch.batch.synthetic, seeded) goes through
`strikewatch batch` once, into a SQLite store kept in bench/out/ (re-used by later runs).
Then, for each store, each way of resolving runs in a fresh child process:

- memory:   pipeline.update_ledger(from_scratch=True) — every mention, feature and
            incident held at once (what `strikewatch ingest` does with no saved state);
- streamed: pipeline.resolve_archive — passes over the store (resolve.streamed; what
            `strikewatch batch` runs now).

Printed per run: the resolve's own memory (peak RSS minus the RSS just before it, so
imports and the interpreter are left out), and wall and CPU seconds. Then the ratios,
against the in-memory run on the same store (the baseline): memory and time; and per
mode, from the smallest store to the largest: memory growth for the growth in mentions
(1.00 = flat) and the memory slope in KB per mention.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
MODES = ("memory", "streamed")


def _status_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process. Not ru_maxrss: Linux carries the
    parent's peak into a child across fork and exec, and the parent here built stores."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def one_run(db: str, mode: str) -> dict[str, float]:
    """Child-process body: one from-scratch resolve of the store at `db`."""
    from strikewatch import pipeline
    from strikewatch.store import open_store

    store = open_store(db)
    try:
        mentions = store.count_mentions()
        before = _status_mb("VmRSS")
        w0, c0 = time.perf_counter(), time.process_time()
        if mode == "memory":
            report = pipeline.update_ledger(store, from_scratch=True)
        else:
            report = pipeline.resolve_archive(store)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    finally:
        store.close()
    peak = _status_mb("VmHWM")
    return {"mentions": mentions, "mb": peak - before, "wall": wall, "cpu": cpu,
            "incidents": report.incidents}


def build_store(size: int, seed: int) -> str:
    """A store holding the batch of `size` synthetic articles (made once, then re-used)."""
    from bench.scale import synthetic_archive
    from strikewatch.batch import run_batch

    work = OUT / f"resmem-{size}-s{seed}"
    db = work / "store.db"
    if not db.exists():
        work.mkdir(parents=True, exist_ok=True)
        run_batch(synthetic_archive(size, seed), engine="local", workers=2, out=work / "batch",
                  db=f"sqlite:///{work / 'building.db'}")
        (work / "building.db").rename(db)
    return f"sqlite:///{db}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,4000", help="comma-separated article counts")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.mode)))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s]
    results: dict[tuple[int, str], dict[str, float]] = {}
    print(f"# from-scratch resolve memory, {os.cpu_count()} CPUs")
    print(f"{'articles':>8} {'mentions':>8} {'mode':>8} {'MB':>8} {'wall s':>7} {'CPU s':>7} "
          f"{'incidents':>9}")
    for size in sizes:
        db = build_store(size, args.seed)
        for mode in MODES:
            proc = subprocess.run(
                [sys.executable, __file__, "--one", db, "--mode", mode], capture_output=True,
                text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
            if proc.returncode != 0:
                raise SystemExit(f"{mode} on {db} failed:\n{proc.stderr[-3000:]}")
            r = results[(size, mode)] = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{size:>8} {int(r['mentions']):>8} {mode:>8} {r['mb']:>8.1f} "
                  f"{r['wall']:>7.1f} {r['cpu']:>7.1f} {int(r['incidents']):>9}", flush=True)
        same = results[(size, "memory")]["incidents"] == results[(size, "streamed")]["incidents"]
        if not same:
            raise SystemExit(f"{size}: the two modes disagree on the number of incidents")

    print("\n# streamed against in memory on the same store (baseline = in memory)")
    for size in sizes:
        m, s = results[(size, "memory")], results[(size, "streamed")]
        print(f"{size:>8} articles: memory {s['mb'] / m['mb']:.2f}x, wall "
              f"{s['wall'] / m['wall']:.2f}x, CPU {s['cpu'] / m['cpu']:.2f}x")
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        print(f"\n# growth from {lo} to {hi} articles (memory 1.00 = flat)")
        for mode in MODES:
            a, b = results[(lo, mode)], results[(hi, mode)]
            slope = (b["mb"] - a["mb"]) * 1024 / max(b["mentions"] - a["mentions"], 1)
            print(f"{mode:>8}: {b['mentions'] / a['mentions']:.1f}x mentions -> "
                  f"{b['mb'] / a['mb']:.2f}x memory, {slope:.1f} KB per extra mention, "
                  f"{b['cpu'] / a['cpu']:.2f}x CPU")


if __name__ == "__main__":
    main()

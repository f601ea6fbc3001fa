"""`strikewatch ingest` of a few articles into a store filled by a large batch: memory and time.

    PYTHONPATH=. .venv/bin/python bench/ingest_after_batch.py --sizes 1000,10000

For each size a synthetic archive goes through `strikewatch batch` once, into a SQLite store
kept in bench/out/ (bench/resolve_memory.py's, re-used). Then, for each way of updating the
ledger, a fresh child process copies that store, ingests the same few new articles (another
seed of the synthetic generator) and extracts them, then updates the ledger incrementally
from the batch's saved state:

- memory:   pipeline.update_ledger as it runs on a small store (every mention held as a
            record; STREAM_ABOVE set out of reach) — the old path, the baseline;
- streamed: the same call past STREAM_ABOVE (resolve.streamed, reusing the saved links).

Printed per run: the update's own memory (peak minus the RSS just before it, from /proc
VmHWM: Linux carries a parent's ru_maxrss into its children), the process's peak, wall and
CPU seconds, and a digest of the ledger written (the two must agree). Then the ratios
against the in-memory run on the same store, and each mode's growth over the sizes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.resolve_memory import _status_mb, build_store

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
MODES = ("memory", "streamed")


def one_run(db_file: str, mode: str, new: int) -> dict[str, float | str]:
    """Child-process body: ingest `new` articles into a copy of the store, then update."""
    from strikewatch import pipeline
    from strikewatch.batch.synthetic import iter_synthetic
    from strikewatch.store import IncidentQuery, open_store

    work = OUT / f"ingest-after-{mode}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    db = work / "store.db"
    shutil.copyfile(db_file, db)
    articles = work / "new.jsonl"
    articles.write_text("".join(json.dumps(r) + "\n" for r in iter_synthetic(new, seed=99)),
                        encoding="utf-8")
    pipeline.STREAM_ABOVE = 0 if mode == "streamed" else 10**12
    store = open_store(f"sqlite:///{db}")
    try:
        report = pipeline.PipelineReport(ingest=pipeline.ingest([str(articles)], store))
        pipeline.extract_pending(store, report)
        mentions = store.count_mentions()
        before = _status_mb("VmRSS")
        w0, c0 = time.perf_counter(), time.process_time()
        pipeline.update_ledger(store, report)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        peak = _status_mb("VmHWM")
        digest = hashlib.sha256()
        for inc in store.incidents(IncidentQuery(limit=0)):
            digest.update(inc.model_dump_json().encode())
        for tally in store.tallies():
            digest.update(tally.model_dump_json().encode())
    finally:
        store.close()
    shutil.rmtree(work, ignore_errors=True)
    if report.from_scratch:
        raise SystemExit("the update resolved from scratch: the batch saved no usable state")
    return {"mentions": mentions, "new": len(report.ingest.ingested), "mb": peak - before,
            "peak": peak, "wall": wall, "cpu": cpu, "incidents": report.incidents,
            "ledger": digest.hexdigest()[:16]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated batch sizes")
    ap.add_argument("--new", type=int, default=5, help="articles ingested after the batch")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.mode, args.new)))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s]
    results: dict[tuple[int, str], dict[str, float | str]] = {}
    print(f"# ingest of {args.new} articles after a batch, {os.cpu_count()} CPUs")
    print(f"{'batch':>7} {'mentions':>8} {'mode':>8} {'MB':>7} {'peak MB':>7} {'wall s':>7} "
          f"{'CPU s':>6} {'incid':>6} ledger")
    for size in sizes:
        db = build_store(size, args.seed).removeprefix("sqlite:///")
        for mode in MODES:
            proc = subprocess.run(
                [sys.executable, __file__, "--one", db, "--mode", mode, "--new", str(args.new)],
                capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
                check=False)
            if proc.returncode != 0:
                raise SystemExit(f"{mode} on {db} failed:\n{proc.stderr[-3000:]}")
            r = results[(size, mode)] = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{size:>7} {int(r['mentions']):>8} {mode:>8} {float(r['mb']):>7.1f} "
                  f"{float(r['peak']):>7.0f} {float(r['wall']):>7.1f} {float(r['cpu']):>6.1f} "
                  f"{int(r['incidents']):>6} {r['ledger']}", flush=True)
        if results[(size, "memory")]["ledger"] != results[(size, "streamed")]["ledger"]:
            raise SystemExit(f"{size}: the two ways wrote different ledgers")

    print("\n# streamed against in memory on the same store (baseline = in memory)")
    for size in sizes:
        m, s = results[(size, "memory")], results[(size, "streamed")]
        print(f"{size:>7} articles: update memory {float(s['mb']) / float(m['mb']):.2f}x, "
              f"process peak {float(s['peak']) / float(m['peak']):.2f}x, "
              f"wall {float(s['wall']) / float(m['wall']):.2f}x, "
              f"CPU {float(s['cpu']) / float(m['cpu']):.2f}x")
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        print(f"\n# growth from a {lo} to a {hi} article batch (memory 1.00 = flat)")
        for mode in MODES:
            a, b = results[(lo, mode)], results[(hi, mode)]
            slope = (float(b["mb"]) - float(a["mb"])) * 1024 / max(
                float(b["mentions"]) - float(a["mentions"]), 1)
            print(f"{mode:>8}: {float(b['mentions']) / float(a['mentions']):.1f}x mentions -> "
                  f"{float(b['mb']) / float(a['mb']):.2f}x update memory, {slope:.1f} KB per "
                  f"extra mention, {float(b['cpu']) / float(a['cpu']):.2f}x CPU")


if __name__ == "__main__":
    main()

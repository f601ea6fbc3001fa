"""How `strikewatch batch` scales: articles/second and peak memory over archive size and workers.

    PYTHONPATH=. /work/venv/bin/python bench/scale.py --sizes 1000,10000,100000 --workers 1,2
    PYTHONPATH=. /work/venv/bin/python bench/scale.py --sizes 1000 --engines spark --workers 2

For each size a synthetic archive (strikewatch.batch.synthetic, seeded) is written once to
bench/out/; every (engine, size, workers) run is a fresh child process with a fresh SQLite
store, so its peak memory is its own. Printed per run: wall seconds, articles/second overall
and for the extraction phase, peak RSS of the driver and of the largest worker, the CPU
seconds of the extraction in the driver and in the local pool's workers, the CPU seconds
of the whole run (child process and pool: what the load of a shared box does not change),
and a digest
of the ledger (every engine and worker count must give the same one for a size). Then ratios
against the first run in this invocation (the baseline): throughput ratio, cost per article
ratio (1.0 = linear growth), memory ratio (1.0 = flat), and the speed-up of 2 over 1 worker.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def synthetic_archive(size: int, seed: int) -> Path:
    """bench/out/synthetic-SIZE-sSEED.jsonl, written once and re-used by the benchmarks."""
    from strikewatch.batch.synthetic import write_archive

    archive = OUT / f"synthetic-{size}-s{seed}.jsonl"
    if not archive.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        partial = archive.with_suffix(".partial")
        write_archive(partial, size, seed=seed)
        partial.rename(archive)
    return archive


def one_run(archive: Path, engine: str, workers: int, workdir: Path) -> dict[str, object]:
    """Child-process body: one batch on a fresh store; its report as a dict."""
    from dataclasses import asdict

    from strikewatch.batch import run_batch

    db = workdir / "store.db"
    if db.exists():
        db.unlink()
    report = run_batch(archive, engine=engine, workers=workers,  # type: ignore[arg-type]
                       out=workdir, db=f"sqlite:///{db}")
    return {**asdict(report), "ledger": ledger_digest(f"sqlite:///{db}")}


def ledger_digest(db: str) -> str:
    """A digest of the stored ledger (every incident and tally, ids included, in id order):
    equal digests, equal ledgers."""
    import hashlib

    from strikewatch.store import IncidentQuery, open_store

    store = open_store(db)
    try:
        h = hashlib.sha256()
        for inc in sorted(store.incidents(IncidentQuery(limit=0)), key=lambda i: i.id):
            h.update(inc.model_dump_json().encode())
        for tally in sorted(store.tallies(), key=lambda t: t.id):
            h.update(tally.model_dump_json().encode())
    finally:
        close = getattr(store, "close", None)
        if callable(close):
            close()
    return h.hexdigest()[:16]


@dataclass
class Run:
    engine: str
    size: int
    workers: int
    total_s: float
    extract_s: float
    load_s: float
    resolve_s: float
    driver_mb: float
    worker_mb: float
    extract_driver_mb: float
    extract_worker_mb: float
    incidents: int
    ledger: str
    jvm_mb: float = 0.0  # Spark: the local JVM's peak (driver and executors in local mode)
    # CPU seconds of the extraction: the driver's and its pool workers' (0: not reported)
    extract_driver_cpu: float = 0.0
    extract_pool_cpu: float = 0.0
    run_cpu: float = 0.0  # CPU seconds of the whole child process and its pool

    @property
    def rate(self) -> float:
        return self.size / self.total_s

    @property
    def extract_rate(self) -> float:
        return self.size / max(self.extract_s, 1e-9)


def measure(archive: Path, size: int, engine: str, workers: int) -> Run:
    """One batch in a fresh child process (so its peak memory is its own)."""
    workdir = OUT / f"run-{engine}-{size}-{workers}"
    workdir.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, __file__, "--one", str(archive), "--engines", engine,
           "--workers", str(workers), "--workdir", str(workdir)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({engine}, {size}, {workers}):\n{proc.stderr[-3000:]}")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    secs, peaks = report["seconds"], report["peak_rss_mb"]
    return Run(
        engine=engine, size=size, workers=workers, total_s=float(secs["total"]),
        extract_s=float(secs["extract"]),
        load_s=float(secs["load_resolve"]) - float(secs.get("resolve", 0.0)),
        resolve_s=float(secs.get("resolve", 0.0)),
        driver_mb=float(peaks["total_driver"]),
        worker_mb=max(float(peaks.get("total_child", 0.0)),
                      float(peaks.get("spark_python_worker_max", 0.0))),
        extract_driver_mb=float(peaks["extract_driver"]),
        extract_worker_mb=max(float(peaks.get("extract_child", 0.0)),
                              float(peaks.get("spark_python_worker_max", 0.0))),
        incidents=int(report["incidents"]),
        ledger=str(report["ledger"]),
        jvm_mb=float(peaks.get("total_spark_jvm", 0.0)),
        extract_driver_cpu=float(report.get("cpu_s", {}).get("extract_driver", 0.0)),
        extract_pool_cpu=float(report.get("cpu_s", {}).get("extract_children", 0.0)),
        run_cpu=(after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--engines", default="local", help="local, spark or local,spark")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.one:  # child process
        report = one_run(Path(args.one), args.engines, int(args.workers), Path(args.workdir))
        print(json.dumps(report))
        return

    sizes = [int(s) for s in args.sizes.split(",") if s]
    workers = [int(w) for w in args.workers.split(",") if w]
    engines = [e for e in args.engines.split(",") if e]
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"# strikewatch batch scaling, {os.cpu_count()} CPUs, python {sys.version.split()[0]}")
    header = (f"{'engine':6} {'articles':>8} {'wkr':>3} {'total s':>8} {'art/s':>8} "
              f"{'extr art/s':>10} {'load s':>7} {'resol s':>7} {'drv MB':>7} {'wkr MB':>7} "
              f"{'x-drv MB':>8} {'x-wkr MB':>8} {'JVM MB':>6} {'x-drv CPU':>9} "
              f"{'x-pool CPU':>10} {'run CPU':>7} {'incid':>6} ledger")
    print(header)
    results: list[Run] = []
    for size in sizes:
        archive = synthetic_archive(size, args.seed)
        for engine in engines:
            for w in workers:
                r = measure(archive, size, engine, w)
                results.append(r)
                print(f"{engine:6} {size:>8} {w:>3} {r.total_s:>8.1f} {r.rate:>8.1f} "
                      f"{r.extract_rate:>10.1f} {r.load_s:>7.1f} {r.resolve_s:>7.1f} "
                      f"{r.driver_mb:>7.0f} "
                      f"{r.worker_mb:>7.0f} {r.extract_driver_mb:>8.0f} "
                      f"{r.extract_worker_mb:>8.0f} {r.jvm_mb:>6.0f} "
                      f"{r.extract_driver_cpu:>9.1f} {r.extract_pool_cpu:>10.1f} "
                      f"{r.run_cpu:>7.1f} "
                      f"{r.incidents:>6} {r.ledger}",
                      flush=True)

    for size in sizes:
        digests = {r.ledger for r in results if r.size == size}
        same = "the same ledger" if len(digests) == 1 else "DIFFERENT ledgers"
        print(f"# {size} articles: {same} from every engine and worker count "
              f"({', '.join(sorted(digests))})")
    base = results[0]
    print(f"\n# ratios against the baseline run ({base.engine}, {base.size} articles, "
          f"{base.workers} worker(s)); cost/article 1.00 = linear, memory 1.00 = flat")
    print(f"{'engine':6} {'articles':>8} {'wkr':>3} {'throughput':>10} {'cost/article':>12} "
          f"{'extract cost/art':>16} {'driver mem':>10} {'extract drv mem':>15}")
    for r in results:
        print(f"{r.engine:6} {r.size:>8} {r.workers:>3} {r.rate / base.rate:>10.2f} "
              f"{base.rate / r.rate:>12.2f} {base.extract_rate / r.extract_rate:>16.2f} "
              f"{r.driver_mb / base.driver_mb:>10.2f} "
              f"{r.extract_driver_mb / base.extract_driver_mb:>15.2f}")
    print("\n# per engine and worker count: growth from the smallest to the largest size")
    for engine in engines:
        for w in workers:
            runs = sorted((r for r in results if r.engine == engine and r.workers == w),
                          key=lambda r: r.size)
            if len(runs) >= 2:
                lo, hi = runs[0], runs[-1]
                print(f"{engine:6} {w} worker(s): {hi.size / lo.size:.0f}x articles -> "
                      f"{hi.total_s / lo.total_s:.2f}x time, "
                      f"{hi.extract_s / lo.extract_s:.2f}x extraction time, "
                      f"{hi.load_s / lo.load_s:.2f}x load time, "
                      f"{hi.resolve_s / max(lo.resolve_s, 1e-9):.2f}x resolve time, "
                      f"{hi.extract_driver_mb / lo.extract_driver_mb:.2f}x extraction driver "
                      f"memory, {max(hi.extract_worker_mb, 1) / max(lo.extract_worker_mb, 1):.2f}x "
                      f"worker memory, {hi.driver_mb / lo.driver_mb:.2f}x total driver memory")
    print("\n# speed-up of more workers over 1 worker (same engine and size)")
    for r in results:
        same = [b for b in results
                if b.workers == 1 and b.size == r.size and b.engine == r.engine]
        if r.workers != 1 and same:
            print(f"{r.engine:6} {r.size:>8} {r.workers} workers: "
                  f"{r.rate / same[0].rate:.2f}x overall, "
                  f"{r.extract_rate / same[0].extract_rate:.2f}x extraction")


if __name__ == "__main__":
    main()

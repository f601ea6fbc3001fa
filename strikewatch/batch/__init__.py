"""batch: a large archive through extract -> resolve -> store, on Spark or a process pool.

    run_batch(input_path, engine="local"|"spark", workers=N, out=DIR, db=URL) -> BatchReport

Three phases, the first engine-specific, the rest shared (so engines cannot disagree):

1. extract (`local.extract_local` or `spark.extract_spark`): every archive record read by
   the reader for its language (`extract.registry.reader_for`, as ingest routes it; one
   reader for all with `extractor=`), streamed, mentions written as Parquet under
   OUT/mentions/ with the reader's `name@version` on every row;
2. load (`load.load_batch`): articles into the store in archive order, then the mentions of
   the articles the store accepted; an article its reader failed on is recorded as failed
   with the error and the reader (as ingest records it), so the next batch or ingest run
   retries it, up to pipeline.MAX_EXTRACT_ATTEMPTS failures by one reader (then it is held
   back, not read, until that reader changes or `retry_failed`);
3. resolve: every mention in the store into a new ledger (reviews still win), in passes
   over the store so driver memory stays small (`pipeline.resolve_archive`); on the Spark
   engine its record linkage runs on Spark (`spark.spark_predictor`), the rest on the driver.

Identical input gives identical ledgers on both engines (tests/test_batch.py checks it).
"""

from __future__ import annotations

import json
import resource
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from strikewatch.batch.archive import ArchiveError, archive_files

Engine = Literal["local", "spark"]
ENGINES: tuple[Engine, ...] = ("local", "spark")
MAX_ERRORS_KEPT = 1000

__all__ = ["ArchiveError", "BatchReport", "ENGINES", "run_batch"]


@dataclass
class BatchReport:
    """What a batch did; also written to OUT/report.json."""

    input: str
    engine: str
    workers: int
    records: int = 0
    articles_new: int = 0
    articles_known: int = 0
    articles_dropped: int = 0
    articles_unread: int = 0  # stored, not extracted: no reader for their language yet
    mention_rows: int = 0
    mentions_loaded: int = 0
    incidents: int = 0
    tallies: int = 0
    error_count: int = 0  # records skipped (unreadable) + extractions that failed
    errors: list[str] = field(default_factory=list)
    #: Stored articles whose extraction failed, recorded on them (retried by the next run):
    #: {"article": id, "error": "FILE:LINE: extraction failed: ..."}.
    articles_failed: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    #: Articles not read because their reader failed on them MAX_EXTRACT_ATTEMPTS times in a
    #: row (pipeline.held_back): {"article": id, "why": ...}.
    articles_held: int = 0
    held: list[dict[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    #: Peak resident memory in MB of this process ("driver") and of its largest child process
    #: (pool worker or Spark JVM), after extraction and at the end.
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    #: CPU seconds of this process ("driver") and of its finished children (the local
    #: pool's workers; not Spark's JVM or its Python workers) in the extraction and in the
    #: whole batch: on a shared machine they show how the work is split when wall times
    #: cannot.
    cpu_s: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)


def _cpu_s() -> dict[str, float]:
    """CPU seconds (user + system) so far of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"driver": round(own.ru_utime + own.ru_stime, 2),
            "children": round(kids.ru_utime + kids.ru_stime, 2)}


def _peak_rss_mb() -> dict[str, float]:
    """Peak RSS so far of this process and of its largest finished child (Linux: KB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"driver": round(own, 1), "child": round(kids, 1)}


def _close(store: object) -> None:
    close = getattr(store, "close", None)
    if callable(close):
        close()


def run_batch(
    input_path: Path | str,
    engine: Engine = "local",
    workers: int = 1,
    out: Path | str = "batch-out",
    db: str | None = None,
    extractor: str | None = None,
    spark_master: str | None = None,
    retry_failed: bool = False,
) -> BatchReport:
    """Extract, load and resolve an archive; see the module docstring for the phases."""
    from strikewatch.batch.load import load_batch
    from strikewatch.pipeline import held_back
    from strikewatch.store import open_store

    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    src = str(input_path)
    if "://" in src:
        # The load phase re-reads the archive on the driver, in archive order.
        raise ArchiveError(
            f"{src}: give the archive as a path this machine can open (e.g. a mounted "
            "share); URLs are not read (docs/scale.md)"
        )
    archive_files(Path(src))  # fail early, naming the path, if it is unusable
    out_dir = Path(out)
    mentions_dir = out_dir / "mentions"
    if mentions_dir.exists():
        shutil.rmtree(mentions_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = BatchReport(input=src, engine=engine, workers=workers)
    # articles failed too often by the reader that would read them now: not read again
    # (the rule ingest follows); closed before any worker forks
    held: dict[str, str] = {}
    if not retry_failed:
        store = open_store(db)
        try:
            held = dict(held_back(store, extractor))
        finally:
            _close(store)

    t0, c0 = time.perf_counter(), _cpu_s()
    spark = None
    try:
        predictor = None
        if engine == "spark":
            from strikewatch.batch.spark import (
                extract_spark,
                last_peaks_mb,
                record_peaks,
                spark_predictor,
                spark_session,
            )

            spark = spark_session(workers, spark_master)
            records, rows, extract_errors = extract_spark(
                spark, src, mentions_dir, workers, extractor, frozenset(held)
            )
            report.peak_rss_mb.update({f"spark_{k}": v for k, v in last_peaks_mb.items()})
            # resolution links on the same session; its files under --out (shared)
            predictor = spark_predictor(spark, out_dir)
        else:
            from strikewatch.batch.local import extract_local

            records, rows, extract_errors = extract_local(
                Path(src), mentions_dir, workers, extractor, frozenset(held)
            )
        t1 = time.perf_counter()
        report.records, report.mention_rows = records, rows
        report.peak_rss_mb.update({f"extract_{k}": v for k, v in _peak_rss_mb().items()})
        report.cpu_s.update({f"extract_{k}": round(v - c0[k], 2)
                             for k, v in _cpu_s().items()})

        store = open_store(db)
        try:
            loaded = load_batch(store, Path(src), mentions_dir, predictor,
                                extractor=extractor, held=held)
        finally:
            _close(store)
        if spark is not None:  # the JVM and its Python workers, linking included
            record_peaks(spark)
            report.peak_rss_mb.update({f"total_spark_{k}": v for k, v in last_peaks_mb.items()})
    finally:
        if spark is not None:
            spark.stop()
    t2 = time.perf_counter()
    report.peak_rss_mb.update({f"total_{k}": v for k, v in _peak_rss_mb().items()})
    report.cpu_s.update({f"total_{k}": round(v - c0[k], 2) for k, v in _cpu_s().items()})

    report.articles_new = loaded.articles_new
    report.articles_known = loaded.articles_known
    report.articles_dropped = loaded.articles_dropped
    report.articles_unread = len(loaded.unread_ids)
    report.mentions_loaded = loaded.mentions
    report.articles_failed, report.articles_held = len(loaded.failed), len(loaded.held)
    report.failed = [{"article": a, "error": e} for a, e in loaded.failed[:MAX_ERRORS_KEPT]]
    report.held = [{"article": a, "why": w} for a, w in loaded.held[:MAX_ERRORS_KEPT]]
    report.incidents, report.tallies = loaded.incidents, loaded.tallies
    # Unreadable records are reported by the loader (with file and line); extraction adds
    # only the failures of the extractor itself.
    errors = loaded.errors + [e for e in extract_errors if "extraction failed" in e]
    report.error_count = len(errors)
    report.errors = errors[:MAX_ERRORS_KEPT]
    report.seconds = {
        "extract": round(t1 - t0, 3), "load_resolve": round(t2 - t1, 3),
        **loaded.seconds, "total": round(t2 - t0, 3),
    }
    (out_dir / "report.json").write_text(report.to_json(), encoding="utf-8")
    return report

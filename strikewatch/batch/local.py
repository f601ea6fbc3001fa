"""The local engine: extraction over a process pool on one machine.

Why a bounded window rather than `Pool.imap`: imap's feeder thread reads the whole input
ahead of the workers, so memory would grow with the archive. Here at most
`2 * workers` chunks are in flight; the reader waits for the oldest before reading on, and
results are written in input order as they arrive.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Collection, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from strikewatch.batch.archive import iter_raw
from strikewatch.batch.mentions import MentionWriter
from strikewatch.batch.worker import Row, extract_chunk
from strikewatch.pool import load_models

CHUNK = 32


def _chunks(input_path: Path, errors: list[str]) -> Iterator[list[tuple[dict[str, Any], str]]]:
    """The archive's parsable records in chunks of CHUNK; unparsable lines go to errors."""
    chunk: list[tuple[dict[str, Any], str]] = []
    for raw in iter_raw(input_path):
        if raw.data is None:
            errors.append(f"{raw.where}: {raw.error}")
            continue
        chunk.append((raw.data, raw.where))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _fork_workers(pool: ProcessPoolExecutor) -> None:
    """Fork every worker now, with no garbage for them to inherit.

    A process that has already built a ledger (a test run, a notebook) holds splink's
    closed DuckDB connections in unreachable cycles; a forked child that later collects
    them crashes (ingest met this: strikewatch/pool.py). Collecting first disposes of them
    here, where their threads still exist, and freezing keeps the children from scanning
    what they share with this process (which also spares copy-on-write pages).
    """
    gc.collect()
    gc.freeze()
    try:
        pool.submit(int).result()  # a fork pool forks every worker at its first task: now
    finally:
        gc.unfreeze()


def extract_local(
    input_path: Path, mentions_dir: Path, workers: int, extractor: str | None,
    skip: Collection[str] = (),
) -> tuple[int, int, list[str]]:
    """Extract every record of the archive into `mentions_dir/part-00000.parquet`.

    Returns (records read, mention rows written, error lines). workers <= 1 runs in this
    process (no pool, no pickling): the baseline the pool is measured against. With a
    pool, this process reads the first chunk itself, which loads the extractor's models,
    and then forks the workers, which share those models instead of each importing the
    pipeline and loading them again (what a `spawn` pool cost: ~3 s of CPU a worker, more
    than two workers saved on 1,000 articles). The Parquet writer is opened after the
    fork, so no Arrow thread exists in the parent when it forks. An article's error row
    (its reader failed) is written with the mentions, for the loader to record; articles
    in `skip` are not read (worker.extract_record).
    """
    errors: list[str] = []  # extraction failures and records without text
    unreadable: list[str] = []  # lines that are not JSON objects
    records = 0
    written = 0  # mention rows, error rows aside
    chunks = _chunks(input_path, unreadable)
    first = next(chunks, [])
    records += len(first)
    head = extract_chunk(first, extractor, skip)
    if workers > 1:
        load_models()
    pool = (ProcessPoolExecutor(max_workers=workers,
                                mp_context=multiprocessing.get_context("fork"))
            if workers > 1 else None)
    if pool is not None:
        _fork_workers(pool)
    try:
        with MentionWriter(mentions_dir / "part-00000.parquet") as writer:

            def take(rows: list[Row]) -> None:
                nonlocal written
                for row in rows:
                    if row[4] is not None:
                        errors.append(row[4])
                    else:
                        written += 1
                writer.write(r for r in rows if r[0] is not None)

            take(head)
            if pool is None:
                for chunk in chunks:
                    records += len(chunk)
                    take(extract_chunk(chunk, extractor, skip))
            else:
                window: deque[Future[list[Row]]] = deque()
                for chunk in chunks:
                    records += len(chunk)
                    window.append(pool.submit(extract_chunk, chunk, extractor, skip))
                    if len(window) >= 2 * workers:
                        take(window.popleft().result())
                while window:
                    take(window.popleft().result())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return records + len(unreadable), written, unreadable + errors

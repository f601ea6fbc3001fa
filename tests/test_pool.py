"""Worker pools start from the fork server, never as forks of the calling process.

A CI run lost an `ingest --workers 2` worker to a segmentation fault in its garbage
collector: the test process that forked it had just resolved a ledger, so DuckDB's and
Arrow's native threads were running and splink's objects were waiting in its garbage, all
copied into the child. strikewatch.pool starts workers from a fresh fork server instead.
These checks fail whenever a worker is a fork of its caller, whatever the timing.
"""

from __future__ import annotations

import gc
import json
import sys
import threading
from pathlib import Path

import pytest

from strikewatch import pipeline, pool
from strikewatch.batch.synthetic import iter_synthetic
from strikewatch.store import open_store


def _resolve_here(tmp_path: Path, seed: int) -> None:
    """Ingest and resolve a small synthetic archive in this process, as a test run or a
    notebook does before it starts workers: splink's garbage is left behind here."""
    archive = tmp_path / "archive.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in iter_synthetic(40, seed=seed)),
                       encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        assert pipeline.run([str(archive)], store).incidents > 0  # resolved here
    finally:
        store.close()


def _what_the_worker_holds() -> tuple[bool, bool]:
    """(the caller's marker is here, the English reader was imported before this task)."""
    from strikewatch import pool as worker_pool

    return (hasattr(worker_pool, "_set_by_the_caller"),
            "strikewatch.extract.rules" in sys.modules)


def test_workers_do_not_inherit_the_callers_state(monkeypatch: pytest.MonkeyPatch) -> None:
    # state only this process has, and a thread alive as a Rich progress bar's is
    monkeypatch.setattr(pool, "_set_by_the_caller", True, raising=False)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        with pool.executor(2) as workers:
            held = [workers.submit(_what_the_worker_holds).result() for _ in range(4)]
    finally:
        stop.set()
        thread.join()
    assert [marker for marker, _ in held] == [False] * 4
    # ...yet they share the readers the fork server loaded instead of loading them each
    assert [reader for _, reader in held] == [True] * 4


def test_workers_collect_garbage_after_the_caller_resolved(tmp_path: Path) -> None:
    """The CI crash, made certain: after a resolve here (splink's Linker and its DuckDB
    connections left in reference cycles, DuckDB's threads running), a worker forked from
    this process died in its first full garbage collection, every time (5 of 5 pools with
    a fork pool). A worker from the fork server has none of that garbage to collect."""
    _resolve_here(tmp_path, seed=3)
    with pool.executor(2) as workers:
        collected = [workers.submit(gc.collect).result() for _ in range(4)]
    assert all(isinstance(n, int) for n in collected)


def test_batch_forks_its_workers_with_no_garbage_to_inherit(tmp_path: Path) -> None:
    """`batch --engine local` still forks (its workers share the models its first chunk
    loaded), so it collects and freezes this process's garbage first: after a resolve
    here, its forked workers collect their own garbage without crashing."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from strikewatch.batch.local import _fork_workers

    _resolve_here(tmp_path, seed=5)
    forked = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork"))
    try:
        _fork_workers(forked)
        collected = [forked.submit(gc.collect).result() for _ in range(4)]
    finally:
        forked.shutdown()
    assert all(isinstance(n, int) for n in collected)
    assert gc.get_freeze_count() == 0  # this process collects as before

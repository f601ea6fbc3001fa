"""Hard faults mid-batch: kill -9 during ingest, extraction, the ledger swap and a
migration; SQLite locked by another writer; PostgreSQL restarted; the disk full.

After each fault the pipeline is simply run again, and the store must equal one clean
run's: the same articles (no loss, no duplicates), the same mentions, the same ledger.
Kills are real SIGKILLs of a child process, fired at an exact point by a SQLAlchemy
cursor-execute hook (the Nth INSERT into a table), so the point is certain, not a race.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from strikewatch.store import IncidentQuery, open_store
from tests.hostile import ROOT, run_measured
from tests.pg import PostgresServer, create_database, drop_database, find_bindir

SAMPLES = sorted((ROOT / "strikewatch" / "samples").glob("*.json"))

#: Run the pipeline on argv[2:] into argv[1]; with KILL_TABLE/KILL_AT set, SIGKILL this
#: process just before its KILL_AT-th INSERT into KILL_TABLE (or CREATE for migrations).
CHILD = """
import os, signal, sys
import sqlalchemy as sa
from strikewatch import pipeline
from strikewatch.store import open_store
table, at = os.environ.get("KILL_TABLE"), int(os.environ.get("KILL_AT", "0"))
seen = [0]
if table:
    verb = "CREATE" if table == "*schema*" else f"INSERT INTO {table.upper()} "
    @sa.event.listens_for(sa.engine.Engine, "before_cursor_execute")
    def _kill(conn, cursor, statement, params, context, executemany):
        if statement.lstrip().upper().startswith(verb):
            seen[0] += 1
            if seen[0] >= at:
                os.kill(os.getpid(), signal.SIGKILL)
store = open_store(sys.argv[1])
rep = pipeline.run(sys.argv[2:], store) if sys.argv[2:] else None
RESULT = {"ingested": len(rep.ingest.ingested) if rep else 0,
          "skipped": rep.ingest.skipped if rep else [],
          "warnings": rep.ingest.warnings if rep else [],
          "failures": rep.extract_failures if rep else []}
store.close()
"""


def run_child(url: str, inputs: list[Path], kill: tuple[str, int] | None = None,
              timeout: float = 300) -> subprocess.CompletedProcess[str] | dict[str, Any]:
    """The pipeline in a child process; killed: its CompletedProcess, else its result."""
    if kill is None:
        return run_measured(CHILD, url, *map(str, inputs), timeout=timeout)
    full = {**os.environ, "KILL_TABLE": kill[0], "KILL_AT": str(kill[1]),
            "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", CHILD, url, *map(str, inputs)], env=full,
                          capture_output=True, text=True, timeout=timeout, cwd=str(ROOT))


def snapshot(url: str) -> dict[str, Any]:
    """What a run leaves: article ids/origins, mention ids, the ledger (as exported JSON)."""
    s = open_store(url)
    try:
        return {
            "articles": sorted((a.id, a.origin_id) for a in s.articles()),
            "mentions": sorted(m.id for m in s.mentions()),
            "unextracted": s.unextracted_article_ids(),
            "incidents": sorted(json.dumps(i.model_dump(mode="json"), sort_keys=True)
                                for i in s.incidents(IncidentQuery(limit=0))),
            "tallies": sorted(json.dumps(t.model_dump(mode="json"), sort_keys=True)
                              for t in s.tallies()),
        }
    finally:
        s.close()


@pytest.fixture(scope="module")
def clean_snapshot(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One uninterrupted run over all samples, on SQLite: the reference."""
    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    run_child(url, SAMPLES)
    snap = snapshot(url)
    assert snap["articles"] and snap["mentions"] and snap["incidents"]
    return snap


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'faulted.db'}"
        return
    admin = request.getfixturevalue("pg_admin_url")
    url = create_database(admin)
    try:
        yield url
    finally:
        drop_database(admin, url)


@pytest.mark.parametrize("table,at", [("articles", 3), ("mentions", 3), ("incidents", 1)],
                         ids=["during-ingest", "during-extract", "during-ledger-swap"])
def test_kill_9_then_rerun_equals_a_clean_run(fresh_url: str, table: str, at: int,
                                              clean_snapshot: dict[str, Any]) -> None:
    first = run_child(fresh_url, SAMPLES[:-5])  # a ledger exists before the fault
    assert isinstance(first, dict)
    before = snapshot(fresh_url)
    killed = run_child(fresh_url, SAMPLES, kill=(table, at))
    assert isinstance(killed, subprocess.CompletedProcess) and killed.returncode == -9, killed
    after_kill = snapshot(fresh_url)
    # the ledger swap is one transaction: the old ledger stands until the new one is whole
    assert after_kill["incidents"] == before["incidents"]
    assert after_kill["tallies"] == before["tallies"]
    if table == "articles":
        assert len(after_kill["articles"]) == len(before["articles"]) + at - 1
    run_child(fresh_url, SAMPLES)  # rerun: resumes
    assert snapshot(fresh_url) == clean_snapshot


@pytest.mark.parametrize("at", [1, 3, 6])
def test_kill_9_during_migration(fresh_url: str, at: int) -> None:
    killed = run_child(fresh_url, [], kill=("*schema*", at))
    assert isinstance(killed, subprocess.CompletedProcess) and killed.returncode == -9
    out = run_child(fresh_url, SAMPLES[:3])  # opens (migrates) and ingests as if new
    assert isinstance(out, dict) and out["ingested"] == 3 and not out["skipped"]
    snap = snapshot(fresh_url)
    assert len(snap["articles"]) == 3 and not snap["unextracted"]


def test_sqlite_busy_writer_is_waited_for(tmp_path: Path,
                                          clean_snapshot: dict[str, Any]) -> None:
    """Another connection holds the write lock for 3 s mid-batch: the run waits (busy
    timeout), loses and duplicates nothing, and ends like a clean run."""
    db = tmp_path / "busy.db"
    url = f"sqlite:///{db}"
    run_child(url, SAMPLES[:5])
    holder = sqlite3.connect(db, isolation_level=None, timeout=10, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # the write lock
    holder.execute("CREATE TABLE IF NOT EXISTS _probe (x)")
    released = threading.Event()

    def release() -> None:
        time.sleep(3)
        holder.execute("ROLLBACK")
        released.set()

    threading.Thread(target=release, daemon=True).start()
    out = run_child(url, SAMPLES)
    holder.close()
    assert released.is_set() and isinstance(out, dict)
    assert out["ingested"] == len(SAMPLES) - 5 and not out["skipped"], out
    assert snapshot(url) == clean_snapshot


def many_articles(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    places = ["Aleppo", "Mosul", "Kherson", "Khartoum", "Sanaa", "Gao", "Goma", "Rafah"]
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(
            f"Report {i}: a drone strike hit a lorry near {places[i % len(places)]} on "
            f"Tuesday, killing {i % 9 + 2} people, officials said. Case {i * 7919}.",
            encoding="utf-8")
    return [folder]


def restart(server: PostgresServer) -> None:
    """Stop the server (fast: open connections are cut) and start it on the same port."""
    pg_ctl = str(server.bindir / "pg_ctl")
    server._run([pg_ctl, "-D", str(server.datadir), "-m", "fast", "-w", "stop"])  # noqa: SLF001
    time.sleep(1)  # a real outage, however short
    opts = (f"-p {server.port} -k {server.sockdir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
    server._run([pg_ctl, "-D", str(server.datadir), "-l", str(server.logfile),  # noqa: SLF001
                 "-o", opts, "-w", "-t", "60", "start"])


@pytest.mark.postgres
@pytest.mark.slow
def test_postgres_restarted_mid_batch(tmp_path: Path) -> None:
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not found")
    server = PostgresServer(bindir)
    server.start()
    try:
        url = create_database(server.url())
        clean_url = create_database(server.url())
        inputs = many_articles(tmp_path / "in", 400)
        run_child(clean_url, inputs)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen([sys.executable, "-c", CHILD + "\nprint(RESULT)", url,
                                 *map(str, inputs)], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=str(ROOT))
        import psycopg
        conninfo = url.replace("postgresql+psycopg://", "postgresql://")
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and stored < 30:
            time.sleep(0.2)
            try:
                with psycopg.connect(conninfo) as c:
                    row = c.execute("select count(*) from articles").fetchone()
                    stored = row[0] if row else 0
            except psycopg.Error:
                stored = 0
        assert 30 <= stored < 200, "the restart must land mid-batch"
        restart(server)
        out, err = proc.communicate(timeout=300)
        # the run waits for the server (retrying the write) and goes on, skipping nothing
        assert proc.returncode == 0, err[-2000:]
        result = out.strip().splitlines()[-1]
        assert "'skipped': []" in result and "database error, retrying" in result, result
        run_child(url, inputs)  # rerun: picks up whatever the outage cost
        assert snapshot(url) == snapshot(clean_url)
    finally:
        server.stop()


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True).returncode == 0


@pytest.mark.slow
def test_disk_full_then_space_freed(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    if shutil.which("mount") is None or not _mount_tmpfs(disk, "1m"):
        pytest.skip("cannot mount a size-limited tmpfs here (needs root)")
    try:
        inputs = many_articles(tmp_path / "in", 400)
        url = f"sqlite:///{disk / 'full.db'}"
        full = subprocess.run(
            [sys.executable, "-m", "strikewatch", "ingest", *map(str, inputs), "--db", url],
            capture_output=True, text=True, timeout=300, cwd=str(ROOT),
            env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "300"})
        # a clear message and the database exit status, not a traceback
        assert full.returncode == 2, full.stderr[-2000:]
        assert "database or disk is full" in full.stderr and "again to resume" in full.stderr
        assert "Traceback" not in full.stderr
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        run_child(url, inputs)
        clean = f"sqlite:///{tmp_path / 'clean.db'}"
        run_child(clean, inputs)
        assert snapshot(url) == snapshot(clean)
        con = sqlite3.connect(disk / "full.db")
        assert con.execute("pragma integrity_check").fetchone() == ("ok",)
        con.close()
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)

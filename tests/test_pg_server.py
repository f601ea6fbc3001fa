"""The test PostgreSQL server itself: real, version 15+, private, and per-test isolated."""

from __future__ import annotations

import pytest
import sqlalchemy as sa


@pytest.mark.postgres
def test_server_is_real_postgresql_on_loopback(pg_url: str) -> None:
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as conn:
            version = conn.execute(sa.text("SHOW server_version_num")).scalar_one()
            addr = conn.execute(sa.text("SELECT inet_server_addr()::text")).scalar_one()
    finally:
        engine.dispose()
    assert int(version) >= 150000
    assert addr.startswith("127.0.0.1")


@pytest.mark.postgres
def test_each_test_gets_its_own_empty_database(pg_url: str, pg_admin_url: str) -> None:
    assert pg_url != pg_admin_url
    engine = sa.create_engine(pg_url)
    try:
        with engine.begin() as conn:
            tables = conn.execute(
                sa.text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            ).scalar_one()
            conn.execute(sa.text("CREATE TABLE probe (x int)"))
    finally:
        engine.dispose()
    assert tables == 0


def test_db_url_covers_both_backends(db_url: str) -> None:
    engine = sa.create_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE probe (x int)"))
            conn.execute(sa.text("INSERT INTO probe VALUES (1), (2)"))
            total = conn.execute(sa.text("SELECT sum(x) FROM probe")).scalar_one()
    finally:
        engine.dispose()
    assert total == 3
    assert engine.dialect.name in {"sqlite", "postgresql"}


@pytest.mark.postgres
def test_a_server_left_by_a_killed_session_is_reaped(pg_admin_url: str) -> None:
    import subprocess
    import sys

    from tests.pg import OWNER_FILE, PostgresServer, find_bindir, reap_stale_servers

    bindir = find_bindir()
    assert bindir is not None
    orphan = PostgresServer(bindir)
    orphan.start()
    # Its owner is now a process that has exited, as when pytest is killed outright.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    (orphan.root / OWNER_FILE).write_text(dead.stdout.strip())
    assert (orphan.datadir / "postmaster.pid").exists()
    assert reap_stale_servers(bindir) >= 1
    assert not orphan.root.exists()
    # The live session's own server was left alone.
    engine = sa.create_engine(pg_admin_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT 1")).scalar_one() == 1
    finally:
        engine.dispose()

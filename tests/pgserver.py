"""A throwaway PostgreSQL server for tests: initdb + pg_ctl in a temp dir, unix socket only.

Used when STRIKEWATCH_TEST_PG_URL is not set and the PostgreSQL server binaries are
installed (`.ci/system-deps.sh`). PostgreSQL refuses to run as root, so under root the
cluster is owned by and run as the `postgres` user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return candidates[0] if candidates else None


@contextmanager
def temporary_postgres() -> Iterator[str | None]:
    """Yield an SQLAlchemy URL of a fresh server, or None when none can be started."""
    initdb, pg_ctl = find_bin("initdb"), find_bin("pg_ctl")
    if not initdb or not pg_ctl:
        yield None
        return
    run_as: list[str] = []
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            yield None
            return
        run_as = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="swpg-"))
    if run_as:
        os.chown(base, user.pw_uid, user.pw_gid)
    data, sock, log = base / "data", base, base / "log"
    try:
        subprocess.run([*run_as, initdb, "-D", str(data), "-A", "trust", "-U", "postgres"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run(
            [*run_as, pg_ctl, "-D", str(data), "-l", str(log), "-w", "-o",
             f"-k {sock} -c listen_addresses='' -p 5432 -c fsync=off", "start"],
            check=True, capture_output=True, timeout=120,
        )
    except (subprocess.SubprocessError, OSError):
        shutil.rmtree(base, ignore_errors=True)
        yield None
        return
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={sock}&port=5432"
    finally:
        subprocess.run([*run_as, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)

"""What writing a ledger costs the PostgreSQL server: N synthetic incidents through
`replace_ledger` into an empty store, timed by the server backend's CPU (from /proc) as
well as the wall clock and this process's CPU.

    PYTHONPATH=. python bench/ledger_write_pg.py CHECKOUT N

CHECKOUT is the root of the checkout whose store is measured (`.` for this one; another
checkout, e.g. a `git archive` of main, measures the store before a change, with the same
incidents: that checkout's bench/api.py `synthetic`). Run one after the other,
alternating, on the same machine: the server's CPU is the figure a loaded machine changes
least. The server runs on this machine (tests/pg.py), so its backend's /proc entry is
readable.
"""

from __future__ import annotations

import os
import sys
import time


def _cpu(pid: int) -> float:
    """utime + stime of a process, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    root, n = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    sys.path.insert(0, root)
    import strikewatch
    from bench.api import synthetic
    from strikewatch.store.sql import SqlStore
    from tests.pg import PostgresServer, create_database, find_bindir

    if not strikewatch.__file__ or not strikewatch.__file__.startswith(root):
        raise SystemExit(f"strikewatch imported from {strikewatch.__file__}, not {root}")
    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("no PostgreSQL server binaries found")
    server = PostgresServer(bindir)
    server.start()
    try:
        store = SqlStore(create_database(server.url()))
        with store.engine.connect() as conn:  # the pool hands this connection back
            pid = int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
        rows = list(synthetic(n))
        backend, cpu, wall = _cpu(pid), time.process_time(), time.perf_counter()
        store.replace_ledger(rows, [])
        with store.engine.connect() as conn:
            if conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() != pid:
                raise SystemExit("the write ran on another connection; its CPU is unknown")
        print(f"{root}: {n:,} incidents, server backend CPU {_cpu(pid) - backend:.1f} s, "
              f"client CPU {time.process_time() - cpu:.1f} s, wall "
              f"{time.perf_counter() - wall:.1f} s, load {os.getloadavg()[0]:.1f}")
        store.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()

"""Latency of the ledger's queries at 100k and 1M incidents, old query forms beside new.

    PYTHONPATH=. python bench/api.py --incidents 100000 [--db sqlite|postgres] [--repeat 30]

Builds a store of N synthetic incidents (fixed seed) on SQLite (a temporary file) or on a
throwaway PostgreSQL server (tests/pg.py), then for each of issue 19's queries measures,
in this one process on the same data:

- old: the SQL the store ran before migrations 0010/0011 — the place filter as
  `lower(country) = v OR lower(place_name) = v`, actors and words as `LIKE '%…%'`, the
  page by OFFSET, ordered `col NULLS LAST, id`, and a scanning `count(*)` per request;
- new: what the API runs now — store.incidents (place keys, full-text index, keyset
  cursor for deep pages) and store.count_upto(query, COUNT_CAP) (the trigger-kept
  ledger_counts where the filters allow, else an indexed count that stops past
  COUNT_CAP matches: the API's `total_exact: false`).

It prints p50/p95 of each and the ratio old/new of the p95s, the p95 of the new form's
CPU time in this process (on SQLite all of a query's work; on PostgreSQL only the
client's), then the plan of each
(EXPLAIN QUERY PLAN / EXPLAIN) with --plans, and p50/p95 of GET /api/incidents over real
HTTP on loopback for the new form. The old forms run on the new schema (its composite
indexes begin with the old single-column ones), so the ratio is the query's, not the
schema's. `--old-repeat` bounds the slow old forms' repeats at 1M.

It then times the word and actor queries again with each word as the prefix query the
store ran before migrations 0013 (SQLite) and 0014 (PostgreSQL) (`sql_ledger.EXPAND_UPTO
= 0`) beside the exact terms it begins (now), on the same store, and prints the ratio of
their p95s (on PostgreSQL the prefix form reads 0014's stored vectors too).

The incidents are written by bench/ledger_bulk.py (the rows replace_ledger writes, with
indexes and triggers built after them; `--load store` writes them through
replace_ledger). `--keep PATH` keeps the store (a SQLite file, or a PostgreSQL cluster in
a folder) and reuses it when it holds --incidents incidents; a kept store is upgraded by
the checkout's migrations when opened.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from rich.progress import Progress  # noqa: E402

from strikewatch.accounts.auth import WebSettings  # noqa: E402
from strikewatch.ledger.filters import LedgerFilter  # noqa: E402
from strikewatch.records import GRADES, STATUSES, Actor, Incident, Place, Source, Span  # noqa: E402
from strikewatch.server import create_app  # noqa: E402
from strikewatch.store import IncidentQuery, page_cursor, sql_ledger  # noqa: E402
from strikewatch.store import schema as t  # noqa: E402
from strikewatch.store.sql import SqlStore  # noqa: E402
from strikewatch.store.sql_ledger import Explain  # noqa: E402
from tests._webdata import serve  # noqa: E402

try:  # PYTHONPATH=<an older checkout> measures its store with this same bench
    from strikewatch.store import COUNT_CAP  # noqa: E402
except ImportError:  # before capped counts: the exact count, as the API ran it then
    COUNT_CAP = None

PLACES = [("Caribbean Sea", None, None, 15.0, -73.0), ("eastern Pacific", None, None, 8.0, -95.0),
          ("Culiacán", "Sinaloa", "MX", 24.8, -107.4), ("Cumaná", "Sucre", "VE", 10.4, -64.2),
          ("Nariño", "Nariño", "CO", 1.5, -78.0), ("Gulf of Aden", None, None, 12.3, 48.0)]
ACTORS = ["US Navy", "US Air Force", "Mexican Army", "Venezuelan Navy", "Colombian Army"]
WORDS = ["boat", "vessel", "strike", "killed", "smugglers", "fishermen", "drone", "navy",
         "coast", "survivors", "crew", "cartel", "missile", "night", "officials"]


def synthetic(n: int, seed: int = 7) -> Iterator[Incident]:
    rnd = random.Random(seed)
    for i in range(n):
        name, admin1, country, lat, lon = rnd.choice(PLACES)
        day = rnd.randrange(0, 730)
        date = time.strftime("%Y-%m-%d", time.gmtime(1672531200 + day * 86400))
        low = rnd.choice([None, 0, 1, 2, 3, 5, 11])
        high = None if low is None else low + rnd.choice([0, 0, 1, 4])
        sentence = " ".join(rnd.choice(WORDS) for _ in range(8))
        yield Incident(
            id=f"syn{i:07d}", event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike", status=rnd.choice(STATUSES[:2]) if i % 7 else
            rnd.choice(STATUSES), date_low=date, date_high=date, time_precision=1,
            place=Place(name=name, admin1=admin1, country=country,
                        kind="sea" if country is None else "populated place",
                        geo_precision=6 if country is None else 1,
                        latitude=lat + rnd.uniform(-1, 1), longitude=lon + rnd.uniform(-1, 1)),
            actor1=Actor(name=rnd.choice(ACTORS)), killed_low=low, killed_high=high,
            grade=rnd.choice(GRADES), sources=[Source(article_id=f"a{i % 5000}")],
            provenance={"killed": [Span(article_id=f"a{i % 5000}", start=0, end=1,
                                        text=sentence)]})


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


CPU: list[float] = []  # the process CPU time of each run of the last `timed`
#: PostgreSQL: the server's CPU ms of each run of the last `timed` (its processes', read
#: from /proc), so a query's whole cost is CPU + SERVER_CPU, apart from waiting for a core
SERVER_CPU: list[float] = []
#: the postmaster's pid when the store is a PostgreSQL server this bench started
SERVER_PID: list[int] = []


def server_cpu_ms() -> float:
    """CPU time (user + system) of every process of the bench's PostgreSQL server, ms:
    the postmaster's children (backends, autovacuum, checkpointer). 0 on SQLite."""
    if not SERVER_PID:
        return 0.0
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) != SERVER_PID[0]:  # ppid
                continue
            # ns on a CPU (stat's utime/stime count 10 ms ticks: too coarse for a query)
            total += int((stat.parent / "schedstat").read_text().split()[0])
        except OSError:  # a process that just ended
            continue
    return total / 1e6


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock ms of each run; CPU gets this process's CPU ms of each (on SQLite, the
    query's whole cost: what a loaded machine does not inflate), SERVER_CPU the
    PostgreSQL server's."""
    fn()  # warm caches
    out = []
    CPU.clear()
    SERVER_CPU.clear()
    for _ in range(repeat):
        server = server_cpu_ms()
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        out.append((time.perf_counter() - start) * 1000)
        CPU.append((time.process_time() - cpu) * 1000)
        SERVER_CPU.append(server_cpu_ms() - server)
    return out


def whole_cpu() -> list[float]:
    """Each run's CPU ms, this process's and the server's (PostgreSQL) together."""
    return [a + b for a, b in zip(CPU, SERVER_CPU or [0.0] * len(CPU), strict=True)]


def cpu_note() -> str:
    """The CPU p95 column's text: this process's, and on PostgreSQL the server's."""
    if not SERVER_PID:
        return f"{pct(CPU, 95):10.1f}ms"
    return f"{pct(CPU, 95):10.1f}ms {pct(SERVER_CPU, 50):8.1f}ms {pct(SERVER_CPU, 95):8.1f}ms"


# --- the old query forms (the store before migrations 0010/0011) ---------------------------

def _like(v: str) -> str:
    return "%" + v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def old_where(q: IncidentQuery) -> list[Any]:
    c = t.incidents.c
    conds: list[Any] = []
    if q.date_from:
        conds.append(sa.func.coalesce(c.date_high, c.date_low) >= q.date_from)
    if q.date_to:
        conds.append(c.date_low <= q.date_to)
    if q.country:
        v = q.country.strip().lower()
        conds.append(sa.or_(sa.func.lower(c.country) == v, sa.func.lower(c.place_name) == v))
    for name in ("status", "grade", "event_type"):
        if getattr(q, name):
            conds.append(c[name] == getattr(q, name))
    if q.actor:
        conds.append(sa.func.lower(c.actors).like(_like(q.actor.lower()), escape="\\"))
    for word in dict.fromkeys((q.text or "").lower().split()):
        conds.append(c.search_text.like(_like(word), escape="\\"))
    return conds


def old_page(q: IncidentQuery) -> Any:
    col = t.incidents.c[q.sort.lstrip("-")]
    order = (col.desc() if q.sort.startswith("-") else col.asc()).nulls_last()
    return (sa.select(t.incidents.c.data).where(*old_where(q))
            .order_by(order, t.incidents.c.id).limit(q.limit).offset(q.offset or None))


def old_count(q: IncidentQuery) -> Any:
    return sa.select(sa.func.count()).select_from(t.incidents).where(*old_where(q))


def explain(store: SqlStore, stmt: Any) -> list[str]:
    with store.engine.connect() as conn:
        return [str(r[-1]) for r in conn.execute(Explain(stmt)).all()]


# --- the run ------------------------------------------------------------------------------

@contextlib.contextmanager
def open_bench_store(kind: str, tmp: str, keep: str | None = None) -> Iterator[SqlStore]:
    if kind == "sqlite":
        store = SqlStore(f"sqlite:///{keep or Path(tmp) / 'bench.db'}")
        try:
            yield store
        finally:
            store.close()
        return
    from tests.pg import PostgresServer, _admin_execute, create_database, find_bindir

    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("bench/api.py --db postgres: no PostgreSQL server binaries found")
    server = PostgresServer(bindir, Path(keep) if keep else None, keep=bool(keep))
    server.start()
    SERVER_PID[:] = [int((server.datadir / "postmaster.pid").read_text().split()[0])]
    try:
        if keep:  # one database, "bench", kept with the server's cluster
            with contextlib.suppress(Exception):
                _admin_execute(server.url(), 'CREATE DATABASE "bench"')
            store = SqlStore(server.url("bench"))
        else:
            store = SqlStore(create_database(server.url()))
        try:
            yield store
        finally:
            store.close()
    finally:
        server.stop()


def load(store: SqlStore, n: int, how: str = "bulk") -> None:
    """Write n synthetic incidents: "bulk" by bench/ledger_bulk.py (the same rows, indexes
    and triggers built after them), "store" through replace_ledger as a resolver would."""
    from bench.ledger_bulk import bulk_write

    start, cpu = time.perf_counter(), time.process_time()
    with Progress(transient=True) as progress:
        task = progress.add_task(f"writing {n:,} incidents ({how})", total=n)
        if how == "bulk":
            bulk_write(store, synthetic(n), lambda i: progress.update(task, completed=i))
        else:
            def stream() -> Iterator[Incident]:
                for i, inc in enumerate(synthetic(n)):
                    if i % 5000 == 0:
                        progress.update(task, completed=i)
                    yield inc

            store.replace_ledger(stream(), [])
    if store.engine.dialect.name == "postgresql":
        # as autovacuum leaves a settled store: statistics, and the visibility map that
        # lets an index-only scan skip the table
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    print(f"loaded {n:,} incidents in {time.perf_counter() - start:.0f} s "
          f"({how}, {store.engine.dialect.name}; this process's CPU "
          f"{time.process_time() - cpu:.0f} s)")


def compare_word_forms(store: SqlStore, queries: dict[str, dict[str, str]],
                       repeat: int) -> None:
    """Each word as the exact terms it begins (migrations 0013, 0014) beside the prefix
    query the store ran before (`sql_ledger.EXPAND_UPTO = 0`), same store, same process;
    the same page and capped count as the table above."""
    print(f"\nWords on {store.engine.dialect.name}: prefix query (before 0013/0014) / exact "
          "terms (now), page + capped count" + ("; CPU: client + server" if SERVER_PID
                                                 else "") + ":")
    print(f"{'query':28} {'prefix p50':>10} {'p95':>8} {'CPU p95':>8}   {'exact p50':>9} "
          f"{'p95':>8} {'CPU p95':>8}  {'CPU ratio':>9} {'p95 ratio':>9}")
    for label, params in queries.items():
        q = LedgerFilter.parse(params).query()

        def run(q: IncidentQuery = q) -> None:
            store.incidents(q)
            store.count_upto(q, COUNT_CAP)

        kept = sql_ledger.EXPAND_UPTO
        sql_ledger.EXPAND_UPTO = 0
        try:
            before = timed(run, repeat)
            before_cpu = pct(whole_cpu(), 95)
        finally:
            sql_ledger.EXPAND_UPTO = kept
        after = timed(run, repeat)
        after_cpu = pct(whole_cpu(), 95)
        print(f"{label:28} {pct(before, 50):8.1f}ms {pct(before, 95):6.1f}ms "
              f"{before_cpu:6.1f}ms   {pct(after, 50):7.1f}ms {pct(after, 95):6.1f}ms "
              f"{after_cpu:6.1f}ms  {before_cpu / max(after_cpu, 1e-9):8.1f}x "
              f"{pct(before, 95) / max(pct(after, 95), 1e-9):8.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--incidents", "--n", type=int, default=100_000, dest="n")
    ap.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--old-repeat", type=int, default=10,
                    help="repeats of the old forms (slow at 1M; 0: skip them)")
    ap.add_argument("--plans", action="store_true", help="print each query's plans")
    ap.add_argument("--no-http", action="store_true")
    ap.add_argument("--load", choices=("bulk", "store"), default="bulk",
                    help="how to write the incidents: bench/ledger_bulk.py (default), or "
                    "Store.replace_ledger as a resolver does (14-60 min at 1M here)")
    ap.add_argument("--keep", metavar="PATH", help="build the store in this file (SQLite) or "
                    "a PostgreSQL cluster in this folder (postgres), "
                    "or reuse it when it already holds --incidents incidents")
    args = ap.parse_args()
    print(f"bench/api.py --incidents {args.n} --db {args.db}; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} CPUs")
    deep = int(args.n * 0.9)
    with tempfile.TemporaryDirectory() as tmp, open_bench_store(args.db, tmp,
                                                                args.keep) as store:
        if store.count_incidents(IncidentQuery()) != args.n:
            store.replace_ledger([], [])
            load(store, args.n, args.load)
        else:
            print(f"reusing the {args.n:,} incidents in {args.keep}")
        queries: dict[str, dict[str, str]] = {
            "first page (date order)": {},
            "country + grade": {"country": "MX", "grade": "weak"},
            "sea (Caribbean)": {"country": "Caribbean"},
            "date range, by killed desc": {"date_from": "2024-03-01", "date_to": "2024-06-30",
                                           "sort": "-killed_low"},
            "actor": {"actor": "navy"},
            "text": {"q": "fishermen"},
            f"deep page ({deep:,})": {"deep": "date_low"},
            f"by killed at {deep:,}": {"deep": "-killed_low"},
        }
        print(f"\n{'query':28} {'old p50':>9} {'p95':>9} {'new p50':>9} {'p95':>8} "
              f"{'old/new p95':>12} {'new CPU p95':>12}"
              + (f" {'server p50':>10} {'p95':>8}" if SERVER_PID else ""))
        plans: list[tuple[str, list[str], list[str]]] = []
        http_q: dict[str, dict[str, str]] = {}
        for label, params in queries.items():
            if "deep" in params:  # old: OFFSET; new: the cursor of the row before
                sort = params["deep"]
                q = IncidentQuery(sort=sort, limit=100, offset=deep)
                with store.engine.connect() as conn:
                    row = conn.execute(old_page(IncidentQuery(sort=sort, limit=1,
                                                              offset=deep - 1))).one()
                cursor = page_cursor(Incident.model_validate(row.data), sort)
                new_q = IncidentQuery(sort=sort, limit=100, after=cursor)
                http_q[label] = {"sort": sort, "after": cursor}
            else:
                q = new_q = LedgerFilter.parse(params).query()
                http_q[label] = params

            def old(q: IncidentQuery = q) -> None:
                with store.engine.connect() as conn:  # records built as the old store did
                    [Incident.model_validate(r.data) for r in conn.execute(old_page(q))]
                    conn.execute(old_count(q)).scalar()

            def new(q: IncidentQuery = new_q) -> None:  # what GET /api/incidents runs
                store.incidents(q)
                if COUNT_CAP is None:
                    store.count_incidents(q)
                else:
                    store.count_upto(q, COUNT_CAP)

            o = timed(old, args.old_repeat) if args.old_repeat else [float("nan")]
            n = timed(new, args.repeat)
            print(f"{label:28} {pct(o, 50):7.1f}ms {pct(o, 95):7.1f}ms {pct(n, 50):7.1f}ms "
                  f"{pct(n, 95):6.1f}ms {pct(o, 95) / max(pct(n, 95), 1e-9):11.1f}x "
                  + cpu_note())
            plans.append((label, explain(store, old_page(q)), store.plan(new_q)))
        if hasattr(sql_ledger, "EXPAND_UPTO") and (store.engine.dialect.name == "sqlite"
                                                   or hasattr(sql_ledger, "PG_VECTORS")):
            compare_word_forms(store, {k: v for k, v in http_q.items()
                                       if "actor" in v or "q" in v}, args.repeat)
        if args.plans:
            for label, old_plan, new_plan in plans:
                print(f"\n{label}\n  old: " + "\n       ".join(old_plan)
                      + "\n  new: " + "\n       ".join(new_plan))
        if args.no_http:
            return
        app = create_app(store, settings=WebSettings(allow_anonymous=True))
        print("\nGET /api/incidents over HTTP on loopback (new form, page and total; CPU: "
          "server and client, one process):")
        with serve(app) as base, httpx.Client(base_url=base) as client:
            for label, params in http_q.items():
                def http(p: dict[str, str] = params) -> None:
                    client.get("/api/incidents", params=p).raise_for_status()

                h = timed(http, args.repeat)
                print(f"{label:28} p50 {pct(h, 50):7.1f}ms  p95 {pct(h, 95):7.1f}ms  "
                      f"CPU p95 {pct(CPU, 95):6.1f}ms"
                      + (f"  server CPU p50 / p95 {pct(SERVER_CPU, 50):5.1f} / "
                         f"{pct(SERVER_CPU, 95):5.1f}ms" if SERVER_PID else ""))


if __name__ == "__main__":
    main()

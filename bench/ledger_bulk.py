"""Fill an empty store's ledger fast, for benchmarks: the same rows `Store.replace_ledger`
writes, in a fraction of the time.

    PYTHONPATH=. python bench/ledger_bulk.py --check 3000 [--db sqlite|postgres]

Why: `replace_ledger` into an empty store is a diff against nothing, written 500 rows at a
time through ~20 indexes and the triggers that keep the full-text index, its vocabulary
and ledger_counts; at a million incidents that took 14-60 minutes on the shared 2-core
development box, too long to measure bench/api.py at 1M. Here the rows are built by the
store's own row builders (`sql_ledger_write._incident_row`, `_digest`), so every column is
the product's, and only the way they reach the tables differs:

- SQLite: the incidents table's indexes and triggers are dropped (their SQL kept from
  sqlite_master), the rows written by `executemany` in large transactions, then what the
  triggers would have done is done once over the table (the FTS5 rows, each incident's
  `text_rowid`, the vocabulary of migration 0013, ledger_counts by migration 0011's own
  recount), the indexes and triggers recreated from their kept SQL, and the FTS5 index
  merged as the store merges it after a large write.
- PostgreSQL: the secondary indexes of incidents and incident_places are dropped (their
  `pg_indexes` definitions kept), the rows sent by COPY (the statement-level triggers
  stay: they sum each COPY's transition table into ledger_counts and file its terms
  once; the stored search vectors are computed by the server), and the indexes rebuilt.

`--check N` writes N synthetic incidents both ways into two stores and compares every row
of the ledger's tables, the FTS5 rows and vocabulary (SQLite), and the schema's indexes
and triggers; tests/test_bench_ledger_bulk.py runs it on both backends.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy.engine import Connection  # noqa: E402

from strikewatch.records import Incident  # noqa: E402
from strikewatch.store import schema as t  # noqa: E402
from strikewatch.store.sql import SqlStore  # noqa: E402
from strikewatch.store.sql_ledger_write import (  # noqa: E402
    PLACE_KEYS,
    _digest,
    _incident_row,
    count_terms,
)

#: Rows per executemany / COPY and (SQLite) per transaction.
GROUP = 50_000
_COLUMNS = [c.name for c in t.incidents.columns]
#: migration 0011 writes ledger_counts' recount from ledger.counting's constants; reusing
#: it keeps this loader's counts those of the triggers without a copy of the rule
_M0011 = importlib.import_module(
    "strikewatch.store.migrations.versions.0011_ledger_indexes_search_counts")


def _json(dialect: sa.Dialect) -> Callable[[Any], str]:
    """The data column's JSON text as SQLAlchemy writes it on this dialect (its JSON
    type's bind processor; on PostgreSQL the JSONB is the server's form of it anyway)."""
    process = t.incidents.c.data.type.dialect_impl(dialect).bind_processor(dialect)
    if dialect.name == "sqlite" and process is not None:
        return lambda v: str(process(v))
    return json.dumps


def _rows(incidents: Iterable[Incident], dump: Callable[[Any], str]
          ) -> Iterator[tuple[tuple[Any, ...], list[tuple[str, str]]]]:
    """(incidents row as a tuple in table order, its incident_places rows), per incident:
    the row `replace_ledger` writes (digest included, text_rowid left to the loader)."""
    seen: set[str] = set()
    for inc in incidents:
        if not inc.id or inc.id in seen:
            raise ValueError("bulk_write: incident ids must be unique and non-empty")
        seen.add(inc.id)
        row = {**_incident_row(inc), "digest": _digest(inc), "text_rowid": None}
        row["data"] = dump(row["data"])
        places = [(k, inc.id) for k in row.pop(PLACE_KEYS, ())]
        yield tuple(row[c] for c in _COLUMNS), places


def _groups(incidents: Iterable[Incident], dialect: sa.Dialect
            ) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[str, str]]]]:
    rows = _rows(incidents, _json(dialect))
    while True:
        group = list(islice(rows, GROUP))
        if not group:
            return
        yield [r for r, _ in group], [p for _, ps in group for p in ps]


def _require_empty(conn: Connection) -> None:
    for table in ("incidents", "incident_places", "ledger_counts"):
        if conn.exec_driver_sql(f"SELECT 1 FROM {table} LIMIT 1").first() is not None:
            raise SystemExit(f"bulk_write needs an empty ledger; {table} has rows")


def bulk_write(store: SqlStore, incidents: Iterable[Incident],
               progress: Callable[[int], None] = lambda n: None) -> int:
    """Write these incidents into the store's empty ledger as `replace_ledger` would (no
    tallies, no resolver state); returns how many. `progress` gets the count so far."""
    if store.engine.dialect.name == "sqlite":
        return _sqlite(store, incidents, progress)
    return _postgres(store, incidents, progress)


def _sqlite(store: SqlStore, incidents: Iterable[Incident],
            progress: Callable[[int], None]) -> int:
    with store.engine.begin() as conn:
        _require_empty(conn)
        if conn.exec_driver_sql("SELECT 1 FROM incidents_fts LIMIT 1").first() is not None:
            raise SystemExit("bulk_write needs an empty ledger; incidents_fts has rows")
        kept = conn.exec_driver_sql(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN "
            "('incidents', 'incident_places') AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL ORDER BY type, name").all()
        for kind, name, _ in kept:
            conn.exec_driver_sql(f"DROP {kind.upper()} {name}")
    n = 0
    try:
        insert = (f"INSERT INTO incidents ({', '.join(_COLUMNS)}) "
                  f"VALUES ({', '.join('?' * len(_COLUMNS))})")
        for rows, places in _groups(incidents, store.engine.dialect):
            with store.engine.begin() as conn:
                conn.exec_driver_sql(insert, rows)
                if places:
                    conn.exec_driver_sql(
                        "INSERT INTO incident_places (key, incident_id) VALUES (?, ?)", places)
            n += len(rows)
            progress(n)
        with store.engine.begin() as conn:
            # what the triggers of 0011 and 0013 do per row, once over the table; an empty
            # store's FTS5 rowids and incidents' rowids both count from 1 in write order
            conn.exec_driver_sql(
                "INSERT INTO incidents_fts (rowid, search_text, actors) SELECT rowid, "
                "coalesce(search_text, ''), coalesce(actors, '') FROM incidents ORDER BY rowid")
            conn.exec_driver_sql("UPDATE incidents SET text_rowid = rowid")
            conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.bulk_vocab USING "
                                 "fts5vocab(main, incidents_fts, col)")
            conn.exec_driver_sql("INSERT OR IGNORE INTO incidents_fts_terms (col, term) "
                                 "SELECT col, term FROM temp.bulk_vocab")
            conn.exec_driver_sql("DROP TABLE temp.bulk_vocab")
            conn.exec_driver_sql(_M0011._recount())
    finally:
        with store.engine.begin() as conn:
            for _, _, sql in sorted(kept, key=lambda k: k[0] != "index"):  # indexes first
                conn.exec_driver_sql(sql)
    with store.engine.begin() as conn:  # as write_ledger does after a large write
        conn.exec_driver_sql("INSERT INTO incidents_fts (incidents_fts) VALUES ('optimize')")
    return n


def _postgres(store: SqlStore, incidents: Iterable[Incident],
              progress: Callable[[int], None]) -> int:
    with store.engine.begin() as conn:
        _require_empty(conn)
        kept = conn.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename IN ('incidents', 'incident_places') AND indexname NOT IN "
            "(SELECT conname FROM pg_constraint) ORDER BY indexname").all()
        for name, _ in kept:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
    n = 0
    try:
        for rows, places in _groups(incidents, store.engine.dialect):
            with store.engine.begin() as conn:
                cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
                with cur.copy(f"COPY incidents ({', '.join(_COLUMNS)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                with cur.copy("COPY incident_places (key, incident_id) FROM STDIN") as copy:
                    for p in places:
                        copy.write_row(p)
            n += len(rows)
            progress(n)
    finally:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '512MB'")
            for _, ddl in kept:
                conn.exec_driver_sql(ddl)
            count_terms(conn)  # the term counts each COPY noted (migration 0016)
    return n


# --- the check: bulk rows equal the store's ----------------------------------------------

def ledger_rows(store: SqlStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the ledger's tables, in a stable order, and the schema objects on
    them: what two stores holding the same ledger must have equal."""
    sqlite = store.engine.dialect.name == "sqlite"
    out: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        for table, key in ((t.incidents, "id"), (t.incident_places, "key, incident_id"),
                           (t.ledger_counts, ", ".join(t.COUNT_DIMENSIONS))):
            cols = [(sa.type_coerce(c, sa.Text) if sqlite else sa.cast(c, sa.Text))
                    if c.name == "data" else c for c in table.columns]
            rows = conn.execute(sa.select(*cols).order_by(sa.text(key))).all()
            out[table.name] = [tuple(r) for r in rows]
        if sqlite:
            for name, sql in (
                    ("incidents_fts", "SELECT rowid, search_text, actors FROM incidents_fts "
                                      "ORDER BY rowid"),
                    ("incidents_fts_terms", "SELECT col, term FROM incidents_fts_terms "
                                            "ORDER BY col, term"),
                    ("incidents_fts_pending", "SELECT * FROM incidents_fts_pending"),
                    ("schema", "SELECT type, name, sql FROM sqlite_master "
                               "ORDER BY type, name")):
                out[name] = [tuple(r) for r in conn.exec_driver_sql(sql)]
        else:
            out["incidents_fts_terms"] = [tuple(r) for r in conn.exec_driver_sql(
                "SELECT col, term, n FROM incidents_fts_terms ORDER BY col, term")]
            out["schema"] = [tuple(r) for r in conn.exec_driver_sql(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                "current_schema() ORDER BY indexname")]
            out["schema"] += [tuple(r) for r in conn.exec_driver_sql(
                "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger "
                "WHERE NOT tgisinternal ORDER BY tgname")]
    return out


def check(store_a: SqlStore, store_b: SqlStore, incidents: Callable[[], Iterable[Incident]]
          ) -> list[str]:
    """Write the incidents with replace_ledger into `store_a` and with bulk_write into
    `store_b` (both empty); the differences between their ledger_rows, [] when none."""
    store_a.replace_ledger(incidents(), [])
    bulk_write(store_b, incidents())
    a, b = ledger_rows(store_a), ledger_rows(store_b)
    problems = []
    for name in a:
        if a[name] != b[name]:
            only_a = [r for r in a[name] if r not in set(b[name])][:3]
            only_b = [r for r in b[name] if r not in set(a[name])][:3]
            problems.append(f"{name}: {len(a[name])} rows by replace_ledger, {len(b[name])} "
                            f"by bulk_write; only replace_ledger: {only_a}; "
                            f"only bulk_write: {only_b}")
    if not a["incidents"]:
        problems.append("no incidents written")
    return problems


def main() -> int:
    from bench.api import open_bench_store, synthetic

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", type=int, default=3000, metavar="N")
    ap.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b, \
            open_bench_store(args.db, a) as store_a, open_bench_store(args.db, b) as store_b:
        problems = check(store_a, store_b, lambda: synthetic(args.check))
    for p in problems:
        print("DIFFERS", p)
    print(f"{args.check:,} incidents on {args.db}: "
          + ("bulk_write wrote the same ledger as replace_ledger" if not problems
             else f"{len(problems)} table(s) differ"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

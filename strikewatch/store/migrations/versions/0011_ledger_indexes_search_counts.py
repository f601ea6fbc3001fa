"""What makes the ledger's queries take milliseconds at a million incidents (issue 19):

- composite indexes: every sort column with the id tie-break, and the common filters
  (place_country, sea, grade, status) with the two common sorts, replacing the
  single-column indexes of 0001, so a page is read in index order and a keyset page
  ("after this row") seeks to its first row;
- full-text search over the search text and the actors' names: an FTS5 table kept by
  triggers on SQLite, GIN expression indexes over `to_tsvector('simple', …)` on
  PostgreSQL;
- `ledger_counts`: incident counts and killed sums by status, grade, event type, sub-event
  type, background, country and sea, kept by triggers in the transaction of every write
  to the incidents table, so totals over those filters need no scan.

The rule of what counts (ledger.counting) is written into the triggers from its
constants; a change of that rule needs a migration that rewrites them (run `_counts_ddl`
again) and recounts (`_recount`). Existing stores are backfilled: the FTS table from the
stored text, the counts from one grouped scan.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from strikewatch.ledger.counting import COUNTED_STATUS, UNCOUNTED_GRADES

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OLD_INDEXED = ("event_type", "status", "grade", "date_low", "date_high", "country",
               "place_name", "killed_low", "killed_high")
SORT_INDEXED = ("date_low", "date_high", "killed_low", "killed_high", "grade", "status",
                "event_type", "country", "place_name")
FILTER_INDEXED = ("place_country", "sea", "grade", "status")
FILTER_SORTS = ("date_low", "killed_low")
DIMENSIONS = ("status", "grade", "event_type", "sub_event_type", "background",
              "place_country", "sea")
SUMS = ("n", "counted", "killed_low", "killed_high", "open_high")


def _counted(r: str) -> str:
    """ledger.counting.counted, with a reported toll, over row alias `r`, as SQL."""
    grades = ", ".join(f"'{g}'" for g in UNCOUNTED_GRADES)
    return (f"{r}.status = '{COUNTED_STATUS}' AND NOT {r}.background AND "
            f"({r}.grade IS NULL OR {r}.grade NOT IN ({grades})) AND "
            f"({r}.killed_low IS NOT NULL OR {r}.killed_high IS NOT NULL)")


def _dims(r: str) -> list[str]:
    return [f"{r}.background" if d == "background" else f"coalesce({r}.{d}, '')"
            for d in DIMENSIONS]


def _values(r: str) -> list[str]:
    """The five sums' contributions of one row `r` (n, counted, killed low/high, open)."""
    c = _counted(r)
    return ["1", f"CASE WHEN {c} THEN 1 ELSE 0 END",
            f"CASE WHEN {c} THEN coalesce({r}.killed_low, 0) ELSE 0 END",
            f"CASE WHEN {c} THEN coalesce({r}.killed_high, 0) ELSE 0 END",
            f"CASE WHEN {c} AND {r}.killed_high IS NULL THEN 1 ELSE 0 END"]


def _grouped(source: str, r: str) -> str:
    """One row per dimension tuple of the rows of `source` (alias `r`), with their sums."""
    dims = ", ".join(f"{e} AS {d}" for e, d in zip(_dims(r), DIMENSIONS, strict=True))
    sums = ", ".join(f"sum({e}) AS {s}" for e, s in zip(_values(r), SUMS, strict=True))
    group = ", ".join(str(i) for i in range(1, len(DIMENSIONS) + 1))
    return f"SELECT {dims}, {sums} FROM {source} {r} GROUP BY {group}"


_COLS = ", ".join(DIMENSIONS + SUMS)
_KEY = ", ".join(DIMENSIONS)


def _upsert(select: str) -> str:
    add = ", ".join(f"{s} = ledger_counts.{s} + excluded.{s}" for s in SUMS)
    # "WHERE true": SQLite's parser needs it between INSERT … SELECT and ON CONFLICT
    return (f"INSERT INTO ledger_counts ({_COLS}) {select} WHERE true "
            f"ON CONFLICT ({_KEY}) DO UPDATE SET {add}")


def _upsert_grouped(source: str, r: str) -> str:
    return _upsert(f"SELECT * FROM ({_grouped(source, r)}) AS g")


def _counts_ddl(dialect: str) -> list[str]:
    """The triggers that keep ledger_counts equal to a recount of the incidents table."""
    if dialect == "sqlite":
        one = "SELECT " + ", ".join(_dims("new") + _values("new"))
        minus = ", ".join(f"{s} = {s} - ({e})" for s, e in zip(SUMS, _values("old"),
                                                                strict=True))
        match = " AND ".join(f"{d} = {e}" for d, e in zip(DIMENSIONS, _dims("old"),
                                                         strict=True))
        sub = f"UPDATE ledger_counts SET {minus} WHERE {match}"
        watched = ", ".join(d for d in DIMENSIONS) + ", killed_low, killed_high"
        return [
            f"CREATE TRIGGER ledger_counts_ai AFTER INSERT ON incidents BEGIN "
            f"{_upsert(one)}; END",
            f"CREATE TRIGGER ledger_counts_ad AFTER DELETE ON incidents BEGIN {sub}; END",
            f"CREATE TRIGGER ledger_counts_au AFTER UPDATE OF {watched} ON incidents BEGIN "
            f"{sub}; {_upsert(one)}; END",
        ]
    minus = ", ".join(f"{s} = l.{s} - d.{s}" for s in SUMS)
    match = " AND ".join(f"l.{d} = d.{d}" for d in DIMENSIONS)
    function = f"""
CREATE FUNCTION ledger_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE ledger_counts AS l SET {minus}
    FROM ({_grouped('old_rows', 'o')}) AS d WHERE {match};
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    {_upsert_grouped('new_rows', 'r')};
  END IF;
  RETURN NULL;
END $$"""
    return [
        function,
        "CREATE TRIGGER ledger_counts_ai AFTER INSERT ON incidents REFERENCING NEW TABLE "
        "AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_counts_apply()",
        "CREATE TRIGGER ledger_counts_ad AFTER DELETE ON incidents REFERENCING OLD TABLE "
        "AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_counts_apply()",
        "CREATE TRIGGER ledger_counts_au AFTER UPDATE ON incidents REFERENCING OLD TABLE "
        "AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
        "EXECUTE FUNCTION ledger_counts_apply()",
    ]


def _recount() -> str:
    return _upsert_grouped("incidents", "i")


#: SQLite: the FTS5 table and the triggers that keep it; each incident row keeps the
#: number of its text row (text_rowid), as an incident's own rowid may change on VACUUM.
_FTS_TEXT = "coalesce(new.search_text, ''), coalesce(new.actors, '')"
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE incidents_fts USING fts5(search_text, actors, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO incidents_fts (rowid, search_text, actors) SELECT rowid, "
    "coalesce(search_text, ''), coalesce(actors, '') FROM incidents",
    "UPDATE incidents SET text_rowid = rowid",
    f"CREATE TRIGGER incidents_fts_ai AFTER INSERT ON incidents BEGIN "
    f"INSERT INTO incidents_fts (search_text, actors) VALUES ({_FTS_TEXT}); "
    f"UPDATE incidents SET text_rowid = last_insert_rowid() WHERE rowid = new.rowid; END",
    "CREATE TRIGGER incidents_fts_ad AFTER DELETE ON incidents BEGIN "
    "DELETE FROM incidents_fts WHERE rowid = old.text_rowid; END",
    f"CREATE TRIGGER incidents_fts_au AFTER UPDATE OF search_text, actors ON incidents "
    f"BEGIN DELETE FROM incidents_fts WHERE rowid = old.text_rowid; "
    f"INSERT INTO incidents_fts (search_text, actors) VALUES ({_FTS_TEXT}); "
    f"UPDATE incidents SET text_rowid = last_insert_rowid() WHERE rowid = new.rowid; END",
]
#: PostgreSQL: GIN indexes over the same expressions the store's queries use
#: (strikewatch.store.sql_ledger.PG_SEARCH, PG_ACTORS).
POSTGRES_FTS = [
    "CREATE INDEX ix_incidents_search_tsv ON incidents USING gin "
    "(to_tsvector('simple', coalesce(search_text, '')))",
    "CREATE INDEX ix_incidents_actors_tsv ON incidents USING gin "
    "(to_tsvector('simple', coalesce(actors, '')))",
]


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    for col in OLD_INDEXED:
        op.drop_index(f"ix_incidents_{col}", table_name="incidents")
    for col in SORT_INDEXED:
        op.create_index(f"ix_incidents_{col}_id", "incidents", [col, "id"])
    for f in FILTER_INDEXED:
        for s in FILTER_SORTS:
            op.create_index(f"ix_incidents_{f}_{s}_id", "incidents", [f, s, "id"])
    op.create_index("ix_incidents_date_span", "incidents", ["date_span"])
    op.create_index("ix_incidents_date_low_date_high", "incidents", ["date_low", "date_high"])
    op.create_index("ix_incidents_text_rowid", "incidents", ["text_rowid"])
    op.create_table(
        "ledger_counts",
        sa.Column("status", sa.String(16), primary_key=True),
        sa.Column("grade", sa.String(16), primary_key=True),
        sa.Column("event_type", sa.String(64), primary_key=True),
        sa.Column("sub_event_type", sa.String(64), primary_key=True),
        sa.Column("background", sa.Boolean, primary_key=True),
        sa.Column("place_country", sa.String(8), primary_key=True),
        sa.Column("sea", sa.String(64), primary_key=True),
        *(sa.Column(s, sa.BigInteger, nullable=False) for s in SUMS),
    )
    for stmt in (SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS):
        bind.exec_driver_sql(stmt)
    bind.exec_driver_sql(_recount())
    for stmt in _counts_ddl(dialect):
        bind.exec_driver_sql(stmt)


def downgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "sqlite":
        drops: tuple[str, ...] = ("DROP TRIGGER IF EXISTS ledger_counts_ai",
                                  "DROP TRIGGER IF EXISTS ledger_counts_ad",
                                  "DROP TRIGGER IF EXISTS ledger_counts_au",
                                  "DROP TRIGGER IF EXISTS incidents_fts_ai",
                                  "DROP TRIGGER IF EXISTS incidents_fts_ad",
                                  "DROP TRIGGER IF EXISTS incidents_fts_au")
    else:
        drops = ("DROP TRIGGER IF EXISTS ledger_counts_ai ON incidents",
                 "DROP TRIGGER IF EXISTS ledger_counts_ad ON incidents",
                 "DROP TRIGGER IF EXISTS ledger_counts_au ON incidents")
    for stmt in drops:
        bind.exec_driver_sql(stmt)
    if dialect == "sqlite":
        bind.exec_driver_sql("DROP TABLE IF EXISTS incidents_fts")
    else:
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS ledger_counts_apply()")
        bind.exec_driver_sql("DROP INDEX IF EXISTS ix_incidents_search_tsv")
        bind.exec_driver_sql("DROP INDEX IF EXISTS ix_incidents_actors_tsv")
    op.drop_table("ledger_counts")
    op.drop_index("ix_incidents_text_rowid", table_name="incidents")
    op.drop_index("ix_incidents_date_span", table_name="incidents")
    op.drop_index("ix_incidents_date_low_date_high", table_name="incidents")
    for f in FILTER_INDEXED:
        for s in FILTER_SORTS:
            op.drop_index(f"ix_incidents_{f}_{s}_id", table_name="incidents")
    for col in SORT_INDEXED:
        op.drop_index(f"ix_incidents_{col}_id", table_name="incidents")
    for col in OLD_INDEXED:
        op.create_index(f"ix_incidents_{col}", "incidents", [col])

"""PostgreSQL: keep each incident's search vectors as stored columns, and the words of
the index in incidents_fts_terms as SQLite does (migration 0013), so a common word's
page and capped count take milliseconds at a million incidents (issue 19).

Measured on 1M synthetic incidents (docs/scale.md): a common word ("fishermen", 43% of
the ledger) or actor ("navy", 40%) took 0.4-1.1 s on PostgreSQL, all of it in the
capped count:

- the planner estimates any prefix query (`'navy':*`) at 2% of the rows when the column
  has fewer than 100 most-common lexemes, so it read the GIN index into a bitmap of every
  match (300 ms for 274,000 rows, lossy at the default work_mem) instead of stopping at
  the 10,001st match of a scan;
- every row a scan or a lossy bitmap tests recomputed `to_tsvector(…)` from the text:
  ~20 µs a row, 24,000 rows to find 10,001 matches of a 43% word.

So: `search_tsv` and `actors_tsv`, generated stored columns (`to_tsvector('simple', …)`
of the same text, computed by the server on every write), with the GIN indexes on them
in place of 0011's expression indexes (same names), make the per-row test a read of the
stored vector (~2 µs); and `incidents_fts_terms` (col, term), filled by statement
triggers from each write's new rows, lets the store write a word as the exact terms it
begins (`'navy' | 'navys'`), which the planner estimates from its statistics.
Terms are never removed (as on SQLite: an exact term with no incident matches nothing).
SQLite is unchanged.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

#: column searched -> its stored vector column (strikewatch.store.sql_ledger reads them)
VECTORS = {"search_text": "search_tsv", "actors": "actors_tsv"}
INDEXES = {"search_text": "ix_incidents_search_tsv", "actors": "ix_incidents_actors_tsv"}

_FILE_TERMS = """
CREATE FUNCTION incidents_fts_terms_file() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- in key order, so writers from outside the store's ledger lock wait on each other's
  -- new terms in one order (no deadlock)
  INSERT INTO incidents_fts_terms (col, term)
    SELECT col, term FROM (
      SELECT 'search_text' AS col, v.lexeme AS term
        FROM new_rows, unnest(new_rows.search_tsv) AS v
      UNION
      SELECT 'actors', v.lexeme FROM new_rows, unnest(new_rows.actors_tsv) AS v
    ) AS t ORDER BY col, term
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # SQLite's FTS5 index and vocabulary (0011, 0013) already do this
    adds = ", ".join(
        f"ADD COLUMN {vec} tsvector GENERATED ALWAYS AS "
        f"(to_tsvector('simple', coalesce({col}, ''))) STORED"
        for col, vec in VECTORS.items())
    for stmt in (
        f"ALTER TABLE incidents {adds}",  # one rewrite of the table for both
        *(f"DROP INDEX IF EXISTS {ix}" for ix in INDEXES.values()),
        *(f"CREATE INDEX {INDEXES[col]} ON incidents USING gin ({vec})"
          for col, vec in VECTORS.items()),
        "CREATE TABLE incidents_fts_terms (col TEXT NOT NULL, term TEXT NOT NULL, "
        "PRIMARY KEY (col, term))",
        _FILE_TERMS,
        "CREATE TRIGGER incidents_fts_terms_ai AFTER INSERT ON incidents REFERENCING NEW "
        "TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_fts_terms_file()",
        "CREATE TRIGGER incidents_fts_terms_au AFTER UPDATE ON incidents REFERENCING NEW "
        "TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_fts_terms_file()",
        "INSERT INTO incidents_fts_terms (col, term) "
        "SELECT DISTINCT 'search_text', v.lexeme FROM incidents, unnest(search_tsv) AS v "
        "UNION SELECT DISTINCT 'actors', v.lexeme FROM incidents, unnest(actors_tsv) AS v",
        "ANALYZE incidents",  # statistics of the new columns, which the planner reads
    ):
        bind.exec_driver_sql(stmt)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for stmt in (
        "DROP TRIGGER IF EXISTS incidents_fts_terms_ai ON incidents",
        "DROP TRIGGER IF EXISTS incidents_fts_terms_au ON incidents",
        "DROP FUNCTION IF EXISTS incidents_fts_terms_file()",
        "DROP TABLE IF EXISTS incidents_fts_terms",
        *(f"DROP INDEX IF EXISTS {ix}" for ix in INDEXES.values()),
        "ALTER TABLE incidents " + ", ".join(f"DROP COLUMN {v}" for v in VECTORS.values()),
        *(f"CREATE INDEX {INDEXES[col]} ON incidents USING gin "
          f"(to_tsvector('simple', coalesce({col}, '')))" for col in VECTORS),
    ):
        bind.exec_driver_sql(stmt)

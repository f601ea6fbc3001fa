"""PostgreSQL: keep, beside each term of the search vocabulary, how many incidents hold it
(`incidents_fts_terms.n`), so the capped total of a common word is read, not counted
(issue 19: a word's page in milliseconds at a million incidents).

After 0014 a common word's page took 2 ms but its capped count (`LIMIT 10001`, what
`GET /api/incidents` answers as `total`) 41-60 ms at any ledger size: a sequential scan
that tests the stored vector of ~25,000 rows to find 10,001 matches of a 40% word,
reading ~6,100 pages of the table (rows of ~1.8 kB with their JSON) through the scan's
small ring of buffers, so the same pages are read again on every request. The GIN index
cannot stop early (it only answers bitmaps, and counting a bitmap still visits every
matching row on PostgreSQL 15). With a count per term, a word written as exact terms
(`'navy' | 'navys'`) has at least max(n) matches: past the cap that is the answer
("more than 10,000"); a word of one term with no other filter has exactly n.

How the counts are kept: statement triggers on incidents append each statement's
changes to `incidents_fts_term_deltas` (col, term, d: +1 per incident whose vector holds
the term on insert, -1 on delete, the difference on update), an insert-only table, and
the store folds them into `n` once at the end of each transaction that writes the ledger
(`sql_ledger_write.count_terms`: one update per term touched). Updating `n` from the
triggers themselves made a write quadratic: the store inserts row by row, and each
statement updated the same hot term rows again inside one transaction, whose dead
versions cannot be pruned before it commits (20,000 incidents had not finished after
4 minutes, against 30 s before). Deltas written from outside the store wait for its
next write; readers add them (`sql_ledger._held`), so a count is never stale. A
TRUNCATE zeroes every count. Existing stores are counted in one pass over the vectors.
SQLite is unchanged: FTS5 streams the 10,001 rowids of a capped count from its index
(~1 ms).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_NEW = """SELECT 'search_text' AS col, v.lexeme AS term, 1 AS d
          FROM new_rows, unnest(new_rows.search_tsv) AS v
        UNION ALL SELECT 'actors', v.lexeme, 1 FROM new_rows, unnest(new_rows.actors_tsv) AS v"""
_OLD = """SELECT 'search_text' AS col, v.lexeme AS term, -1 AS d
          FROM old_rows, unnest(old_rows.search_tsv) AS v
        UNION ALL SELECT 'actors', v.lexeme, -1 FROM old_rows, unnest(old_rows.actors_tsv) AS v"""

_COUNT_TERMS = """
CREATE FUNCTION incidents_fts_term_deltas_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM incidents_fts_term_deltas;
    UPDATE incidents_fts_terms SET n = 0 WHERE n <> 0;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO incidents_fts_term_deltas (col, term, d)
      SELECT col, term, sum(d) FROM (""" + _NEW + """) AS t GROUP BY col, term;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO incidents_fts_term_deltas (col, term, d)
      SELECT col, term, sum(d) FROM (""" + _OLD + """) AS t GROUP BY col, term;
  ELSE
    INSERT INTO incidents_fts_term_deltas (col, term, d)
      SELECT col, term, sum(d) FROM (""" + _NEW + """
        UNION ALL """ + _OLD + """) AS t
      GROUP BY col, term HAVING sum(d) <> 0;
  END IF;
  RETURN NULL;
END $$"""

_BACKFILL = """
UPDATE incidents_fts_terms AS f SET n = c.n FROM (
  SELECT col, term, count(*) AS n FROM (
    SELECT 'search_text' AS col, v.lexeme AS term FROM incidents, unnest(search_tsv) AS v
    UNION ALL
    SELECT 'actors', v.lexeme FROM incidents, unnest(actors_tsv) AS v
  ) AS t GROUP BY col, term
) AS c WHERE f.col = c.col AND f.term = c.term"""

_UPGRADE = (
    "ALTER TABLE incidents_fts_terms ADD COLUMN n bigint NOT NULL DEFAULT 0",
    "CREATE TABLE incidents_fts_term_deltas (col TEXT NOT NULL, term TEXT NOT NULL, "
    "d bigint NOT NULL)",
    _BACKFILL,
    _COUNT_TERMS,
    "CREATE TRIGGER incidents_fts_term_deltas_ai AFTER INSERT ON incidents REFERENCING NEW "
    "TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_fts_term_deltas_add()",
    "CREATE TRIGGER incidents_fts_term_deltas_au AFTER UPDATE ON incidents REFERENCING OLD "
    "TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION incidents_fts_term_deltas_add()",
    "CREATE TRIGGER incidents_fts_term_deltas_ad AFTER DELETE ON incidents REFERENCING OLD "
    "TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION incidents_fts_term_deltas_add()",
    "CREATE TRIGGER incidents_fts_term_deltas_at AFTER TRUNCATE ON incidents "
    "FOR EACH STATEMENT EXECUTE FUNCTION incidents_fts_term_deltas_add()",
)

_DOWNGRADE = (
    "DROP TRIGGER IF EXISTS incidents_fts_term_deltas_ai ON incidents",
    "DROP TRIGGER IF EXISTS incidents_fts_term_deltas_au ON incidents",
    "DROP TRIGGER IF EXISTS incidents_fts_term_deltas_ad ON incidents",
    "DROP TRIGGER IF EXISTS incidents_fts_term_deltas_at ON incidents",
    "DROP FUNCTION IF EXISTS incidents_fts_term_deltas_add()",
    "DROP TABLE IF EXISTS incidents_fts_term_deltas",
    "ALTER TABLE incidents_fts_terms DROP COLUMN n",
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for stmt in _UPGRADE:
        bind.exec_driver_sql(stmt)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for stmt in _DOWNGRADE:
        bind.exec_driver_sql(stmt)

"""SQLite: keep the words of the full-text index in an ordinary indexed table, so a search
word becomes the exact terms it begins (issue 19: common words in milliseconds).

FTS5 answers a prefix query (`"navy"*`, which the word-beginning search needs) by merging
the doclist of every term with that prefix into memory before it returns a row: O(matches)
however small the page. `"navy" OR "navys"` streams instead. Which terms begin a word is a
B-tree range of `incidents_fts_terms (col, term)`; FTS5's own fts5vocab table cannot answer
it cheaply (it counts every term's documents as it reads them).

- `incidents_fts_terms`: every term of each column (search_text, actors) of the index, as
  FTS5's tokenizer made it. Terms are never removed when their last incident goes (an
  exact term with no incident matches nothing, so a stale term costs nothing but a probe).
- `incidents_fts_pending`: the text rows written since their terms were last filed. The
  insert and update triggers of 0011 are recreated to note each new text row here; the
  store files the pending rows' terms in the same transaction (sql_ledger_write.
  file_new_terms, after every batch of incident rows), and a reader that finds rows
  pending (a write from outside the store) uses the prefix queries, which need no
  vocabulary.

Existing stores get their terms from the index's vocabulary (one pass over it).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_FTS_TEXT = "coalesce(new.search_text, ''), coalesce(new.actors, '')"
_NEW_ROW = (f"INSERT INTO incidents_fts (search_text, actors) VALUES ({_FTS_TEXT}); "
            "UPDATE incidents SET text_rowid = last_insert_rowid() WHERE rowid = new.rowid; ")
_PENDING = "INSERT OR IGNORE INTO incidents_fts_pending (text_rowid) VALUES (last_insert_rowid()); "


def _triggers(pending: str) -> list[str]:
    """0011's insert and update triggers, noting the new text row in `pending` (or not)."""
    return [
        "DROP TRIGGER IF EXISTS incidents_fts_ai",
        "DROP TRIGGER IF EXISTS incidents_fts_au",
        f"CREATE TRIGGER incidents_fts_ai AFTER INSERT ON incidents BEGIN {_NEW_ROW}"
        f"{pending}END",
        "CREATE TRIGGER incidents_fts_au AFTER UPDATE OF search_text, actors ON incidents "
        "BEGIN DELETE FROM incidents_fts WHERE rowid = old.text_rowid; "
        f"{_NEW_ROW}{pending}END",
    ]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # PostgreSQL's GIN index answers prefixes itself
    for stmt in (
        "CREATE TABLE incidents_fts_terms (col TEXT NOT NULL, term TEXT NOT NULL, "
        "PRIMARY KEY (col, term)) WITHOUT ROWID",
        "CREATE TABLE incidents_fts_pending (text_rowid INTEGER PRIMARY KEY)",
        *_triggers(_PENDING),
        "CREATE VIRTUAL TABLE temp.incidents_fts_vocab USING fts5vocab(main, incidents_fts, col)",
        "INSERT INTO incidents_fts_terms (col, term) SELECT col, term FROM "
        "temp.incidents_fts_vocab",
        "DROP TABLE temp.incidents_fts_vocab",
    ):
        bind.exec_driver_sql(stmt)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for stmt in (*_triggers(""), "DROP TABLE IF EXISTS incidents_fts_pending",
                 "DROP TABLE IF EXISTS incidents_fts_terms"):
        bind.exec_driver_sql(stmt)

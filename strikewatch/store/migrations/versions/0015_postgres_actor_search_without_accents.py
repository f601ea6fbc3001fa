"""PostgreSQL: store the actors' names without accents, so an actor search matches
"Fuerza Aérea" whether the user types "aerea" or "Aérea" (issue 19).

A search's words are folded before they are looked up (`store.search_words`: lower case,
no accents). SQLite's FTS5 tokenizer folds the stored text the same way
(`remove_diacritics 2`), but PostgreSQL's `to_tsvector('simple', …)` keeps accents, and
until now only `search_text` was folded in Python before it was stored; `actors` was
not, so on PostgreSQL an accented actor matched no typed word at all (its stored lexeme
`aérea` against the typed `aerea`). The store now writes `actors` folded
(`sql_ledger_write._actors_text`); this migration folds the rows written before, with
the same function (`geo.gazetteer.fold`). `actors_tsv` is a generated column, so the
server recomputes it, and the terms trigger of 0014 files the new lexemes. The old
accented terms stay in `incidents_fts_terms` (a stale term matches nothing, as 0013/0014
say). SQLite is unchanged: its index already folds both sides.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from strikewatch.geo.gazetteer import fold

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    rows = bind.execute(sa.text(
        "SELECT id, actors FROM incidents WHERE actors ~ '[^[:ascii:]]' ORDER BY id")).all()
    changed = [{"id": r.id, "actors": fold(r.actors)} for r in rows
               if fold(r.actors) != r.actors]
    update = sa.text("UPDATE incidents SET actors = :actors WHERE id = :id")
    for start in range(0, len(changed), BATCH):
        bind.execute(update, changed[start:start + BATCH])
    if changed:
        bind.exec_driver_sql("ANALYZE incidents")  # actors_tsv's statistics changed


def downgrade() -> None:
    """Nothing to undo: folded names are what every reader of 0014 also accepts."""

"""Articles keep where their publication date came from, and are found by language.

`published_source` (supplied, feed, html-meta, url, origin-copy: strikewatch.ingest.
published) stays NULL for articles stored before it was recorded. The index on `language`
serves the unread-by-language queries (an article whose language has no reader is stored
but not extracted until one exists).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("published_source", sa.String(16), nullable=True))
    op.create_index("ix_articles_language", "articles", ["language"])


def downgrade() -> None:
    op.drop_index("ix_articles_language", table_name="articles")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("published_source")

"""How many times in a row an article's extraction failed, and which reader failed it:
ingest stops retrying it after pipeline.MAX_EXTRACT_ATTEMPTS until that reader changes.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("extract_attempts", sa.Integer, nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("extract_failed_by", sa.String(128), nullable=True))
    # an article failing before this revision has failed at least once
    op.execute("UPDATE articles SET extract_attempts = 1 WHERE extract_error IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("extract_failed_by")
        batch.drop_column("extract_attempts")

"""The resolver's saved state, incident redirects, and row digests for diffed ledger writes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("digest", sa.String(64), nullable=True))
    op.add_column("tallies", sa.Column("digest", sa.String(64), nullable=True))
    op.create_table(
        "resolve_meta",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("generation", sa.Integer, nullable=False),
    )
    op.create_table(
        "resolve_edges",
        sa.Column("a", sa.String(64), primary_key=True),
        sa.Column("b", sa.String(64), primary_key=True),
        sa.Column("p", sa.Float, nullable=False),
    )
    op.create_table(
        "resolve_mentions",
        sa.Column("mention_id", sa.String(64), primary_key=True),
        sa.Column("cluster", sa.String(64), nullable=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
    )
    op.create_table(
        "incident_redirects",
        sa.Column("old_id", sa.String(64), primary_key=True),
        sa.Column("new_id", sa.String(64), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_index("ix_incident_redirects_new_id", "incident_redirects", ["new_id"])


def downgrade() -> None:
    for table in ("incident_redirects", "resolve_mentions", "resolve_edges", "resolve_meta"):
        op.drop_table(table)
    with op.batch_alter_table("tallies") as batch:
        batch.drop_column("digest")
    with op.batch_alter_table("incidents") as batch:
        batch.drop_column("digest")

"""The seas each tally mention's sentences name, saved with the resolver's state.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resolve_tally_seas",
        sa.Column("mention_id", sa.String(64), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("seas", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("resolve_tally_seas")

"""Initial schema: articles, mentions, incidents, tallies, reviews, users.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("url", sa.String(2048), nullable=True),
        sa.Column("url_key", sa.String(64), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("origin_id", sa.String(64), nullable=False),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("publisher", sa.String(512), nullable=True),
        sa.Column("published", sa.String(40), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("ingested_at", sa.String(40), nullable=True),
        sa.Column("minhash", sa.LargeBinary, nullable=True),
        sa.Column("extracted_at", sa.String(40), nullable=True),
        sa.Column("data", JSONType, nullable=False),
        sa.UniqueConstraint("url_key"),
        sa.UniqueConstraint("content_hash"),
    )
    op.create_index("ix_articles_origin_id", "articles", ["origin_id"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_extracted_at", "articles", ["extracted_at"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column(
            "article_id",
            sa.String(64),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("data", JSONType, nullable=False),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])

    op.create_table(
        "incidents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_type", sa.String(64), nullable=True),
        sa.Column("sub_event_type", sa.String(64), nullable=True),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("background", sa.Boolean, nullable=False),
        sa.Column("grade", sa.String(16), nullable=True),
        sa.Column("date_low", sa.String(40), nullable=True),
        sa.Column("date_high", sa.String(40), nullable=True),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("place_name", sa.String(512), nullable=True),
        sa.Column("actors", sa.Text, nullable=True),
        sa.Column("killed_low", sa.Integer, nullable=True),
        sa.Column("killed_high", sa.Integer, nullable=True),
        sa.Column("search_text", sa.Text, nullable=True),
        sa.Column("data", JSONType, nullable=False),
    )
    for column in (
        "event_type", "status", "grade", "date_low", "date_high", "country", "place_name",
        "killed_low", "killed_high",
    ):
        op.create_index(f"ix_incidents_{column}", "incidents", [column])

    op.create_table(
        "tallies",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("period_low", sa.String(40), nullable=True),
        sa.Column("period_high", sa.String(40), nullable=True),
        sa.Column("data", JSONType, nullable=False),
    )

    op.create_table(
        "reviews",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("incident_id", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("user", sa.String(128), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("data", JSONType, nullable=False),
    )
    op.create_index("ix_reviews_incident_id", "reviews", ["incident_id"])
    op.create_index("ix_reviews_at", "reviews", ["at"])

    op.create_table(
        "users",
        sa.Column("username", sa.String(128), primary_key=True),
        sa.Column("password_hash", sa.String(512), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    for table in ("users", "reviews", "tallies", "incidents", "mentions", "articles"):
        op.drop_table(table)

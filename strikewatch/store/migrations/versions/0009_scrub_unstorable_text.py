"""Repair JSON data an older version stored with a lone surrogate or a NUL (issue 18).

Before strikewatch.validation, a review note such as "\\ud800" was stored (SQLite keeps the
JSON escape as text) and from then on every read of the review, the incident list and
every ledger write failed. This rewrites such values: a lone surrogate becomes U+FFFD
(the replacement character), a NUL is dropped. Only SQLite: PostgreSQL refuses both, so
it never stored them. Rows are found by a LIKE on the escape, so a clean store pays one
scan per table.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

import json
import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("articles", "mentions", "incidents", "tallies", "reviews")
#: After json.loads a surrogate pair is one character, so any surrogate left is lone.
LONE = re.compile("[\ud800-\udfff]")


def scrub(value: Any) -> Any:
    """The value with lone surrogates replaced and NULs dropped, in every string and key."""
    if isinstance(value, str):
        return LONE.sub("\ufffd", value).replace("\x00", "")
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    return value


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name in TABLES:
        table = sa.table(name, sa.column("id", sa.String), sa.column("data", sa.Text))
        suspects = bind.execute(sa.select(table.c.id, table.c.data).where(sa.or_(
            table.c.data.like("%\\u0000%"), table.c.data.like("%\\ud%")))).all()
        for row in suspects:
            data = json.loads(row.data)
            clean = scrub(data)
            if clean != data:
                bind.execute(table.update().where(table.c.id == row.id)
                             .values(data=json.dumps(clean)))


def downgrade() -> None:
    pass  # the repaired values are the right ones

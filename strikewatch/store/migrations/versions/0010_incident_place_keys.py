"""File each incident under the place keys its filters read (issue 17: place filters that
understand seas, "off <country>" positions, ISO codes and names): the columns
`place_country` (the country, or the coast's for a position off it), `sea` (the whole sea
or ocean), `date_span` (days from date_low to date_high, which bounds date filters), the
SQLite full-text row `text_rowid` (filled by 0011's trigger), and the table
`incident_places` of normalised names. Existing incidents are backfilled from their
stored records by the same code that files new ones (strikewatch.ledger.places), and
their search text loses its accents the way new search text does.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from strikewatch.geo.gazetteer import fold
    from strikewatch.ledger.places import filed_under
    from strikewatch.records import Place
    from strikewatch.store.sql_ledger_write import date_span

    op.add_column("incidents", sa.Column("place_country", sa.String(8), nullable=True))
    op.add_column("incidents", sa.Column("sea", sa.String(64), nullable=True))
    op.add_column("incidents", sa.Column("date_span", sa.Integer, nullable=True))
    op.add_column("incidents", sa.Column("text_rowid", sa.Integer, nullable=True))
    op.create_table(
        "incident_places",
        sa.Column("key", sa.String(512), primary_key=True),
        sa.Column("incident_id", sa.String(64),
                  sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_incident_places_incident_id", "incident_places", ["incident_id"])

    bind = op.get_bind()
    inc = sa.table("incidents", sa.column("id", sa.String), sa.column("data", sa.JSON),
                   sa.column("date_low", sa.String), sa.column("date_high", sa.String),
                   sa.column("search_text", sa.Text), sa.column("place_country", sa.String),
                   sa.column("sea", sa.String), sa.column("date_span", sa.Integer))
    places = sa.table("incident_places", sa.column("key", sa.String),
                      sa.column("incident_id", sa.String))
    updates: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []

    def flush() -> None:
        if updates:
            bind.execute(inc.update().where(inc.c.id == sa.bindparam("b_id")).values(
                place_country=sa.bindparam("b_country"), sea=sa.bindparam("b_sea"),
                date_span=sa.bindparam("b_span"), search_text=sa.bindparam("b_text")),
                updates)
        if keys:
            bind.execute(places.insert(), keys)
        updates.clear()
        keys.clear()

    for row in _in_pages(bind, inc):
        data = row.data if isinstance(row.data, dict) else json.loads(row.data)
        raw = data.get("place")
        filed = filed_under(Place.model_validate(raw) if raw else None)
        updates.append({"b_id": row.id, "b_country": filed.country, "b_sea": filed.sea,
                        "b_span": date_span(row.date_low, row.date_high),
                        "b_text": fold(row.search_text) if row.search_text else None})
        keys += [{"key": k, "incident_id": row.id} for k in filed.names]
        if len(updates) >= 1000:
            flush()
    flush()


def _in_pages(bind: Any, inc: Any, size: int = 2000) -> Any:
    """Every incident row, read in id order a page at a time (a large ledger is not held
    in memory at once)."""
    last = ""
    while True:
        page = bind.execute(sa.select(inc.c.id, inc.c.data, inc.c.date_low, inc.c.date_high,
                                      inc.c.search_text).where(inc.c.id > last)
                            .order_by(inc.c.id).limit(size)).all()
        if not page:
            return
        yield from page
        last = page[-1].id


def downgrade() -> None:
    op.drop_index("ix_incident_places_incident_id", table_name="incident_places")
    op.drop_table("incident_places")
    with op.batch_alter_table("incidents") as batch:
        for col in ("text_rowid", "date_span", "sea", "place_country"):
            batch.drop_column(col)

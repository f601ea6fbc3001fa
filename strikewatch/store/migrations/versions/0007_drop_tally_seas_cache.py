"""Tally regions move into the mentions: the resolver's re-geoparse cache goes away.

The seas a tally's sentences name are now read once, at extraction, into
`Mention.regions` (with spans in provenance["regions"]); resolution reads them from the
mention and never runs the geoparser, so the resolver no longer saves them
(resolve_tally_seas, migration 0004). Tally mentions stored before this were extracted
without regions: they get them here, read the way resolution used to (every sea the
geoparser finds in each of the mention's sentences), so reconciliation is unchanged
without a re-extraction. The saved resolver state is of an older version now
(resolve.STATE_VERSION 4): the next ledger update resolves from scratch, once.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_JSON = sa.JSON().with_variant(JSONB(), "postgresql")
_mentions = sa.table("mentions", sa.column("id"), sa.column("article_id"), sa.column("kind"),
                     sa.column("data", _JSON))
_articles = sa.table("articles", sa.column("id"), sa.column("text"))


def _fill_regions(conn: sa.Connection) -> None:
    rows = conn.execute(sa.select(_mentions.c.id, _mentions.c.article_id, _mentions.c.data)
                        .where(_mentions.c.kind == "tally")).all()
    todo = [(mid, aid, dict(data)) for mid, aid, data in rows if "regions" not in data]
    if not todo:
        return
    from strikewatch.extract.components.regions import sea_regions

    texts = dict(conn.execute(sa.select(_articles.c.id, _articles.c.text).where(
        _articles.c.id.in_(sorted({aid for _, aid, _ in todo})))).all())
    for mid, aid, data in todo:
        text = texts.get(aid) or ""
        regions, spans = [], []
        for sp in data.get("spans") or []:
            a, b = sp.get("start", 0), sp.get("end", 0)
            if not 0 <= a < b <= len(text):
                continue
            for place, pa, pb in sea_regions(text, a, b):
                regions.append(place.model_dump(mode="json"))
                spans.append({"article_id": aid, "start": pa, "end": pb, "text": text[pa:pb]})
        data["regions"] = regions
        if spans:
            data.setdefault("provenance", {})["regions"] = spans
        conn.execute(_mentions.update().where(_mentions.c.id == mid).values(data=data))


def upgrade() -> None:
    op.drop_table("resolve_tally_seas")
    _fill_regions(op.get_bind())


def downgrade() -> None:
    op.create_table(
        "resolve_tally_seas",
        sa.Column("mention_id", sa.String(64), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("seas", sa.Text, nullable=False),
    )

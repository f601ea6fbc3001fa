"""The tables of the store, as SQLAlchemy Core metadata.

Nested record data lives in one JSON column per row (`data`), so records can grow fields
without a migration; the columns the ledger filters and sorts on are real, indexed columns
beside it. The Alembic migrations in `migrations/versions` create exactly these tables;
`tests/test_store.py` checks the two never drift apart.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

#: JSON on every backend, JSONB on PostgreSQL (indexable, compact).
JSONType = sa.JSON().with_variant(JSONB(), "postgresql")

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("url", sa.String(2048), nullable=True),
    sa.Column("url_key", sa.String(64), nullable=True, unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("origin_id", sa.String(64), nullable=False, index=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("publisher", sa.String(512), nullable=True),
    sa.Column("published", sa.String(40), nullable=True, index=True),
    # supplied | feed | html-meta | url | dateline | origin-copy (migration 0005; NULL before it)
    sa.Column("published_source", sa.String(16), nullable=True),
    sa.Column("language", sa.String(16), nullable=True, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=True),
    sa.Column("ingested_at", sa.String(40), nullable=True, index=True),
    sa.Column("minhash", sa.LargeBinary, nullable=True),
    sa.Column("extracted_at", sa.String(40), nullable=True, index=True),
    # the extractor that read it (name@version), and, while its last read failed, why
    # (extracted_at stays NULL then, so the next run retries it)
    sa.Column("extracted_by", sa.String(128), nullable=True),
    sa.Column("extract_error", sa.Text, nullable=True),
    # failures in a row, and the reader (name@version) that failed last: ingest holds an
    # article back after pipeline.MAX_EXTRACT_ATTEMPTS until that reader changes
    sa.Column("extract_attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("extract_failed_by", sa.String(128), nullable=True),
    sa.Column("data", JSONType, nullable=False),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column(
        "article_id",
        sa.String(64),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("status", sa.String(16), nullable=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("data", JSONType, nullable=False),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("event_type", sa.String(64), nullable=True),
    sa.Column("sub_event_type", sa.String(64), nullable=True),
    sa.Column("status", sa.String(16), nullable=True),
    sa.Column("background", sa.Boolean, nullable=False, default=False),
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
    # sha256 of the record's canonical JSON: an incremental ledger write compares digests
    # and rewrites only the rows that changed (NULL: written before 0002, always rewritten)
    sa.Column("digest", sa.String(64), nullable=True),
    # --- what the ledger's filters read (migration 0010; ledger.places says why) ---------
    # the place's country, or the coast's for a position off it ("off Trinidad": TT)
    sa.Column("place_country", sa.String(8), nullable=True),
    # the whole sea or ocean the place lies in, normalised ("caribbean sea")
    sa.Column("sea", sa.String(64), nullable=True),
    # days from date_low to date_high: a date filter bounds date_low by the widest interval
    # stored, so an overlap test reads an index range rather than half the table
    sa.Column("date_span", sa.Integer, nullable=True),
    # SQLite only: the row of this incident in the FTS5 table incidents_fts (set by a
    # trigger; NULL on PostgreSQL, which indexes the text with GIN instead)
    sa.Column("text_rowid", sa.Integer, nullable=True),
)

#: Every sort column with the id tie-break, and the common filters (place, sea, grade,
#: status) with the two common sorts (date, killed), so a page is read in index order and
#: a keyset page ("after this row") seeks straight to it (migration 0011).
SORT_INDEXED = ("date_low", "date_high", "killed_low", "killed_high", "grade", "status",
                "event_type", "country", "place_name")
FILTER_INDEXED = ("place_country", "sea", "grade", "status")
FILTER_SORTS = ("date_low", "killed_low")
for _col in SORT_INDEXED:
    sa.Index(f"ix_incidents_{_col}_id", incidents.c[_col], incidents.c.id)
for _f in FILTER_INDEXED:
    for _s in FILTER_SORTS:
        sa.Index(f"ix_incidents_{_f}_{_s}_id", incidents.c[_f], incidents.c[_s], incidents.c.id)
sa.Index("ix_incidents_date_span", incidents.c.date_span)
# a date range's count reads this index alone (both ends of each interval, no rows)
sa.Index("ix_incidents_date_low_date_high", incidents.c.date_low, incidents.c.date_high)
sa.Index("ix_incidents_text_rowid", incidents.c.text_rowid)

#: The names each incident's place is filed under (ledger.places.filed_under: the place,
#: its admin1, the town an "off X" names, the seas it lies in), normalised; a place filter
#: by name is one index probe. Deleted with their incident.
incident_places = sa.Table(
    "incident_places",
    metadata,
    sa.Column("key", sa.String(512), primary_key=True),
    sa.Column("incident_id", sa.String(64),
              sa.ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    sa.Index("ix_incident_places_incident_id", "incident_id"),
)

#: Incident counts and killed sums by the dimensions most filters use, kept by triggers on
#: the incidents table in the same transaction as every ledger write (resolver, review,
#: re-extraction, delete), so a total over these filters is a sum over a few hundred rows
#: rather than a count over the ledger. NULLs are stored as '' (they are key columns).
#: killed_* and open_high cover only the incidents that count (ledger.counting) with a
#: reported toll (counted: how many); open_high: how many of those have no high end.
COUNT_DIMENSIONS = ("status", "grade", "event_type", "sub_event_type", "background",
                    "place_country", "sea")
ledger_counts = sa.Table(
    "ledger_counts",
    metadata,
    sa.Column("status", sa.String(16), primary_key=True),
    sa.Column("grade", sa.String(16), primary_key=True),
    sa.Column("event_type", sa.String(64), primary_key=True),
    sa.Column("sub_event_type", sa.String(64), primary_key=True),
    sa.Column("background", sa.Boolean, primary_key=True),
    sa.Column("place_country", sa.String(8), primary_key=True),
    sa.Column("sea", sa.String(64), primary_key=True),
    sa.Column("n", sa.BigInteger, nullable=False),
    sa.Column("counted", sa.BigInteger, nullable=False),
    sa.Column("killed_low", sa.BigInteger, nullable=False),
    sa.Column("killed_high", sa.BigInteger, nullable=False),
    sa.Column("open_high", sa.BigInteger, nullable=False),
)

tallies = sa.Table(
    "tallies",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("period_low", sa.String(40), nullable=True),
    sa.Column("period_high", sa.String(40), nullable=True),
    sa.Column("data", JSONType, nullable=False),
    sa.Column("digest", sa.String(64), nullable=True),
)

reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("incident_id", sa.String(64), nullable=False, index=True),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("user", sa.String(128), nullable=False),
    sa.Column("at", sa.String(40), nullable=False, index=True),
    sa.Column("data", JSONType, nullable=False),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("username", sa.String(128), primary_key=True),
    sa.Column("password_hash", sa.String(512), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

# --- the resolver's saved state (migration 0002) ------------------------------------------
#
# Why tables and not one JSON blob: at 100k mentions the state is ~150k scored links and
# 100k cluster rows; a blob would be rewritten whole on every run (tens of MB per added
# article), while rows let a run write only the links and memberships it changed, and a
# reader stream them. Only what cannot be cheaply rebuilt is kept: the pair scores (the
# splink run is the expensive part of resolving), each mention's cluster, and a fingerprint
# of each mention as it was resolved (to find what changed behind the state's back). The
# mentions and articles themselves are already in their own tables; features and machine
# incidents are recomputed from them.

#: One row (id 1): the state's version (resolve.STATE_VERSION) and a generation counter
#: that every save bumps, so a save based on an older generation is refused (another
#: process saved in between) and that process resolves again.
resolve_meta = sa.Table(
    "resolve_meta",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("generation", sa.Integer, nullable=False),
)

#: Candidate links (a < b) with their match probability.
resolve_edges = sa.Table(
    "resolve_edges",
    metadata,
    sa.Column("a", sa.String(64), primary_key=True),
    sa.Column("b", sa.String(64), primary_key=True),
    sa.Column("p", sa.Float, nullable=False),
)

#: Every mention the state covers: its cluster key (NULL for tally mentions) and the
#: fingerprint (resolve.fingerprint) it had when resolved.
resolve_mentions = sa.Table(
    "resolve_mentions",
    metadata,
    sa.Column("mention_id", sa.String(64), primary_key=True),
    sa.Column("cluster", sa.String(64), nullable=True),
    sa.Column("fingerprint", sa.String(64), nullable=False),
)


#: An incident id that left the ledger -> the incident now holding most of its mentions
#: (chains are collapsed when written, so new_id is live when written).
incident_redirects = sa.Table(
    "incident_redirects",
    metadata,
    sa.Column("old_id", sa.String(64), primary_key=True),
    sa.Column("new_id", sa.String(64), nullable=False, index=True),
    sa.Column("at", sa.String(40), nullable=False),
)

#: Server-side sign-in sessions of the web app. The cookie holds a random token; only its
#: SHA-256 is stored (`id`), so a copy of the database signs no one in. A session ends when
#: revoked (logout, user deleted, role or password changed), after its absolute expiry, or
#: after an idle gap (`last_seen_at`; the idle limit is the server's setting).
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column(
        "username",
        sa.String(128),
        sa.ForeignKey("users.username", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("last_seen_at", sa.String(40), nullable=False),
    sa.Column("expires_at", sa.String(40), nullable=False, index=True),
    sa.Column("revoked_at", sa.String(40), nullable=True),
    sa.Column("client", sa.String(64), nullable=True),
)

#: Columns `IncidentQuery.sort` may name.
SORTABLE = (
    "date_low", "date_high", "killed_low", "killed_high", "grade", "status", "event_type",
    "country", "place_name", "id",
)


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """What a comparison of the database with this metadata looks at: all but the
    full-text search objects migrations 0011, 0013 and 0014 make and no SQLAlchemy table
    describes — SQLite's FTS5 table `incidents_fts` (and its shadow tables), the
    vocabulary `incidents_fts_terms` (both), PostgreSQL's stored search vectors
    (FULL_TEXT_COLUMNS) and their GIN indexes (FULL_TEXT_INDEXES)."""
    if type_ == "table" and (name or "").startswith("incidents_fts"):
        return False
    if type_ == "column" and name in FULL_TEXT_COLUMNS:
        return False
    return not (type_ == "index" and name in FULL_TEXT_INDEXES)


#: PostgreSQL's full-text indexes (migration 0011; on the stored vectors since 0014),
#: which the store's queries use (store.sql_ledger._matches).
FULL_TEXT_INDEXES = ("ix_incidents_search_tsv", "ix_incidents_actors_tsv")
#: PostgreSQL: the incidents' generated search vector columns (migration 0014).
FULL_TEXT_COLUMNS = ("search_tsv", "actors_tsv")

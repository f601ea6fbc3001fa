"""ReviewStore on SQLAlchemy: a person's decisions, kept as records and applied to the
ledger they change in the same transaction.

Its own module because a review is the one ledger write made by a person rather than the
resolver: it checks the incidents it was made from are still stored as they were.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from strikewatch.errors import StaleStore
from strikewatch.records import Incident, Review, Tally
from strikewatch.store import ReviewStore
from strikewatch.store import schema as t
from strikewatch.store.sql_base import _chunks, _dump, _translate_errors, now_iso
from strikewatch.store.sql_ledger_write import (
    LEDGER_LOCK,
    _delete_gone,
    _diff_stream,
    _digest,
    _incident_row,
    _insert_rows,
    _tally_row,
    _write_redirects,
    count_terms,
)
from strikewatch.store.sql_state import _claim_generation
from strikewatch.validation import check_review


@_translate_errors
class ReviewsSql(ReviewStore):
    """The ReviewStore part of SqlStore (strikewatch.store.sql assembles the parts)."""

    engine: Engine  # set by SqlStore.__init__

    def add_review(self, review: Review) -> None:
        """Record a review; the same review (same id) added twice is stored once."""
        check_review(review)
        with self.engine.begin() as conn:
            exists = conn.execute(
                sa.select(t.reviews.c.id).where(t.reviews.c.id == review.id)
            ).first()
            if exists is None:
                conn.execute(
                    t.reviews.insert().values(
                        id=review.id, incident_id=review.incident_id, action=review.action,
                        user=review.user, at=review.at, data=_dump(review),
                    )
                )

    def record_review(self, review: Review, changed: Iterable[Incident],
                      removed: Iterable[str] = (), tallies: Iterable[Tally] | None = None,
                      base: Iterable[Incident] = ()) -> None:
        """Store a review and its effect on the ledger in one transaction: the incidents it
        changed replace theirs, the ones it removed (merged away) leave the ledger with a
        redirect to the incident now holding their mentions (else to the reviewed one).
        `base`: the incidents as read when the review was made; if one is no longer stored
        as it was (another review or a resolver run came first), nothing is written and
        StaleStore is raised, so the caller can read again and redo it."""
        changed = list(changed)
        removed = sorted(set(removed))
        expected = {inc.id: _digest(inc) for inc in base}
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # ledger writers take turns
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": LEDGER_LOCK})
            _claim_generation(conn, None)
            if expected:
                # compared as read back, not by the digest column: PostgreSQL's JSONB
                # returns an object's keys in its own order, the same on every read
                now = {iid: _digest(Incident.model_validate(data))
                       for iid, data in conn.execute(
                           sa.select(t.incidents.c.id, t.incidents.c.data)
                           .where(t.incidents.c.id.in_(sorted(expected))))}
                if now != expected:
                    raise StaleStore("the incident changed while the review was being made")
            exists = conn.execute(
                sa.select(t.reviews.c.id).where(t.reviews.c.id == review.id)).first()
            if exists is not None:
                return
            conn.execute(t.reviews.insert().values(
                id=review.id, incident_id=review.incident_id, action=review.action,
                user=review.user, at=review.at, data=_dump(review)))
            holder = {m: inc.id for inc in changed for m in inc.mention_ids}
            ids = sorted({inc.id for inc in changed})
            for chunk in _chunks(ids):
                conn.execute(t.incidents.delete().where(t.incidents.c.id.in_(chunk)))
            if changed:
                _insert_rows(conn, t.incidents, [
                    {**_incident_row(inc), "digest": _digest(inc)} for inc in changed])
            if removed:
                r = t.incident_redirects
                _write_redirects(conn, removed, set(ids), holder)
                stamp = now_iso()
                for old_id in removed:  # no mention to follow: to the reviewed incident
                    if conn.execute(sa.select(r.c.old_id).where(r.c.old_id == old_id)).first():
                        continue
                    conn.execute(r.insert().values(old_id=old_id, new_id=review.incident_id,
                                                   at=stamp))
                _delete_gone(conn, t.incidents, removed)
            count_terms(conn)
            if tallies is not None:
                old_tal = dict(conn.execute(sa.select(t.tallies.c.id, t.tallies.c.digest)).all())
                tal = _diff_stream(conn, t.tallies, old_tal, tallies, _tally_row, "tally")
                _delete_gone(conn, t.tallies, [i for i in old_tal if i not in tal.ids])

    def reviews(self, incident_id: str | None = None) -> list[Review]:
        stmt = sa.select(t.reviews.c.data)
        if incident_id is not None:
            stmt = stmt.where(t.reviews.c.incident_id == incident_id)
        stmt = stmt.order_by(t.reviews.c.at, t.reviews.c.id)
        with self.engine.connect() as conn:
            return [Review.model_validate(r.data) for r in conn.execute(stmt)]

"""LedgerStore on SQLAlchemy: the resolved incidents and tallies, written as a diff in
one transaction with the resolver's state, and read with IncidentQuery's filters, sorting
and totals.

Its own module because the ledger is what every reader (CLI, API, web, exports) asks for;
the write helpers it shares with reviews live in sql_ledger_write.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from strikewatch.ledger.counting import COUNTED_STATUS, UNCOUNTED_GRADES
from strikewatch.records import Incident, Tally
from strikewatch.store import (
    MAX_SEARCH_WORDS,
    IncidentQuery,
    LedgerStore,
    LedgerWrite,
    ResolveSave,
    StaleState,
)
from strikewatch.store import schema as t
from strikewatch.store.sql_base import _translate_errors
from strikewatch.store.sql_ledger_write import (
    LEDGER_LOCK,
    _delete_gone,
    _diff_stream,
    _incident_row,
    _tally_row,
    _write_redirects,
)
from strikewatch.store.sql_state import _claim_generation, _save_state

#: Keys `IncidentQuery.extra` understands, each an equality filter on the stored record
#: (`min_killed` is a lower bound on killed_low).
EXTRA_FILTERS = ("sub_event_type", "target_kind", "domain", "background", "min_killed")


def counted_predicate(c: Any) -> sa.ColumnElement[bool]:
    """ledger.counting.counted as SQL over the incidents table's columns, from the same
    constants, so a total summed here and one summed in Python agree."""
    return sa.and_(c.status == COUNTED_STATUS, sa.not_(c.background),
                   sa.or_(c.grade.is_(None), c.grade.not_in(UNCOUNTED_GRADES)))


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@_translate_errors
class LedgerSql(LedgerStore):
    """The LedgerStore part of SqlStore (strikewatch.store.sql assembles the parts)."""

    engine: Engine  # set by SqlStore.__init__

    def write_ledger(
        self,
        incidents: Iterable[Incident],
        tallies: Iterable[Tally],
        save: ResolveSave | None = None,
    ) -> LedgerWrite:
        """Make the ledger these incidents and tallies, rewriting only rows that changed.

        One transaction holds it all: the ledger diff (rows compared by digest: gone ones
        deleted, new or changed ones re-inserted, equal ones untouched), the redirects of
        incident ids that left the ledger, and the resolver's state (`save`). A kill at any
        point leaves the old ledger and the old state together, never one without the other.
        Writers take turns (PostgreSQL: advisory lock LEDGER_LOCK; SQLite: the first
        statement is a write, so the transaction holds the write lock before it reads);
        the ledger diff is taken inside the transaction, against what is stored then.
        """
        # Records are consumed once, as a stream (_diff_stream): only new or changed ones
        # are serialised in full, and a caller may hand a ledger larger than memory.
        out = LedgerWrite()
        try:
            with self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    # Writers of the ledger take turns: without this, two resolvers' deletes
                    # miss each other's fresh inserts and the second insert collides on ids.
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"),
                                 {"k": LEDGER_LOCK})
                _claim_generation(conn, save)
                old_inc = dict(conn.execute(
                    sa.select(t.incidents.c.id, t.incidents.c.digest)).all())
                inc = _diff_stream(conn, t.incidents, old_inc, incidents, _incident_row,
                                   "incident")
                old_tal = dict(conn.execute(
                    sa.select(t.tallies.c.id, t.tallies.c.digest)).all())
                tal = _diff_stream(conn, t.tallies, old_tal, tallies, _tally_row, "tally")
                gone = [i for i in old_inc if i not in inc.ids]
                out.redirects = _write_redirects(conn, gone, inc.ids, inc.holder)
                _delete_gone(conn, t.incidents, gone)
                _delete_gone(conn, t.tallies, [i for i in old_tal if i not in tal.ids])
                out.deleted, out.inserted, out.unchanged = len(gone), inc.inserted, inc.unchanged
                if save is not None:
                    _save_state(conn, save)
        except sa.exc.IntegrityError:
            if save is not None and save.base is None:
                raise StaleState("another process saved a resolver state first") from None
            raise
        return out

    def incident_redirect(self, incident_id: str) -> str | None:
        """Where an old incident id now lives; chains (a -> b, then b -> c) are followed
        to the live id (they are collapsed when written; following here is a safeguard)."""
        seen: set[str] = set()
        current = incident_id
        with self.engine.connect() as conn:
            while current not in seen:
                seen.add(current)
                nxt = conn.execute(
                    sa.select(t.incident_redirects.c.new_id)
                    .where(t.incident_redirects.c.old_id == current)).scalar()
                if nxt is None:
                    break
                current = nxt
            if current == incident_id:
                return None
            live = conn.execute(
                sa.select(t.incidents.c.id).where(t.incidents.c.id == current)).first()
        return current if live is not None else None

    def _where(self, q: IncidentQuery) -> list[sa.ColumnElement[bool]]:
        c = t.incidents.c
        conds: list[sa.ColumnElement[bool]] = []
        if q.date_from:  # the incident's interval overlaps [date_from, date_to]
            conds.append(sa.func.coalesce(c.date_high, c.date_low) >= q.date_from)
        if q.date_to:
            conds.append(c.date_low <= q.date_to)
        if q.country:
            val = q.country.strip().lower()
            conds.append(
                sa.or_(sa.func.lower(c.country) == val, sa.func.lower(c.place_name) == val)
            )
        if q.status:
            conds.append(c.status == q.status)
        if q.grade:
            conds.append(c.grade == q.grade)
        if q.event_type:
            conds.append(c.event_type == q.event_type)
        if q.actor:
            pat = f"%{_like_escape(q.actor.lower())}%"
            conds.append(sa.func.lower(c.actors).like(pat, escape="\\"))
        if q.text:
            words = list(dict.fromkeys(q.text.lower().split()))
            if len(words) > MAX_SEARCH_WORDS:  # one LIKE each; SQLite stops near 1,000
                raise ValueError(f"search text has {len(words)} different words; "
                                 f"at most {MAX_SEARCH_WORDS}")
            for word in words:
                conds.append(c.search_text.like(f"%{_like_escape(word)}%", escape="\\"))
        for key, value in q.extra.items():
            if key == "sub_event_type":
                conds.append(c.sub_event_type == value)
            elif key == "min_killed":
                conds.append(c.killed_low >= int(value))
            elif key == "background":
                conds.append(c.background.is_(str(value).lower() in ("1", "true", "yes")))
            elif key in ("target_kind", "domain"):
                conds.append(c.data[key].as_string() == value)
            else:
                raise ValueError(
                    f"unknown incident filter {key!r}; known: {', '.join(EXTRA_FILTERS)}"
                )
        return conds

    def incidents(self, query: IncidentQuery | None = None) -> list[Incident]:
        q = query or IncidentQuery()
        sort = q.sort or "date_low"
        desc = sort.startswith("-")
        name = sort.lstrip("-")
        if name not in t.SORTABLE:
            raise ValueError(f"cannot sort by {name!r}; choose one of {', '.join(t.SORTABLE)}")
        col = t.incidents.c[name]
        order = (col.desc() if desc else col.asc()).nulls_last()
        stmt = sa.select(t.incidents.c.data).where(*self._where(q)).order_by(
            order, t.incidents.c.id
        )
        if q.limit and q.limit > 0:
            stmt = stmt.limit(q.limit)
        if q.offset:
            stmt = stmt.offset(q.offset)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
        return [Incident.model_validate(r.data) for r in rows]

    def count_incidents(self, query: IncidentQuery | None = None) -> int:
        q = query or IncidentQuery()
        stmt = sa.select(sa.func.count()).select_from(t.incidents).where(*self._where(q))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def killed_totals(self, query: IncidentQuery | None = None) -> tuple[int, int, int | None, int]:
        """(incidents matched, killed low, killed high or None, incidents counted), in SQL.

        Sums over the whole match, not one page. Only incidents that count
        (ledger.counting: occurred, not background, not discounted) with a reported toll
        enter the sums; one open-ended toll ("at least 5") leaves the high end open (None).
        """
        q = query or IncidentQuery()
        c = t.incidents.c
        counted = sa.and_(
            counted_predicate(c),
            sa.or_(c.killed_low.is_not(None), c.killed_high.is_not(None)),
        )

        def total(value: sa.ColumnElement[int]) -> sa.ColumnElement[int]:
            return sa.func.coalesce(sa.func.sum(sa.case((counted, value), else_=0)), 0)

        stmt = sa.select(
            sa.func.count(),
            total(sa.func.coalesce(c.killed_low, 0)),
            total(sa.func.coalesce(c.killed_high, 0)),
            total(sa.case((c.killed_high.is_(None), 1), else_=0)),
            total(sa.literal(1)),
        ).select_from(t.incidents).where(*self._where(q))
        with self.engine.connect() as conn:
            n, low, high, open_ended, n_counted = conn.execute(stmt).one()
        return int(n), int(low), (None if open_ended else int(high)), int(n_counted)

    def get_incident(self, incident_id: str) -> Incident | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(t.incidents.c.data).where(t.incidents.c.id == incident_id)
            ).first()
        return Incident.model_validate(row.data) if row else None

    def tallies(self) -> list[Tally]:
        stmt = sa.select(t.tallies.c.data).order_by(
            t.tallies.c.period_high.desc().nulls_last(), t.tallies.c.id
        )
        with self.engine.connect() as conn:
            return [Tally.model_validate(r.data) for r in conn.execute(stmt)]

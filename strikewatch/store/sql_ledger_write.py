"""Writing the ledger as a diff, shared by LedgerStore.write_ledger (sql_ledger) and
ReviewStore.record_review (sql_reviews): the incident and tally rows, their digests, the
streamed diff against the stored rows, and the redirects of incident ids that leave.

Its own module because both writers of the ledger need exactly these helpers, and the
ledger's reads (sql_ledger) do not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from strikewatch.geo.gazetteer import fold
from strikewatch.ledger.places import filed_under
from strikewatch.records import Incident, Tally
from strikewatch.store import schema as t
from strikewatch.store.sql_base import _chunks, _dump, now_iso

#: The key of an incident row (from _incident_row) holding its incident_places keys;
#: _insert_rows writes them to their own table.
PLACE_KEYS = "_place_keys"
#: PostgreSQL advisory lock key held while the ledger is written (write_ledger).
LEDGER_LOCK = 727275


def _actors_text(incident: Incident) -> str:
    """The actors' names for `IncidentQuery.actor`, without accents as `search_words`
    folds what a user types, so "aerea" and "Aérea" find "Fuerza Aérea" on PostgreSQL,
    whose 'simple' configuration keeps accents (SQLite's FTS5 tokenizer folds both sides
    itself; migration 0015 folds a PostgreSQL store written before)."""
    names = [a.name for a in (incident.actor1, incident.actor2) if a is not None and a.name]
    return fold(" | ".join(names))


def _search_text(incident: Incident) -> str:
    """Place, actors and the evidence sentences, lower-cased, for `IncidentQuery.text`."""
    parts: list[str] = []
    if incident.place is not None:
        parts += [incident.place.name or "", incident.place.admin1 or ""]
        parts.append(incident.place.country or "")
    parts.append(_actors_text(incident))
    for spans in incident.provenance.values():
        parts += [s.text for s in spans]
    parts += [q.text for q in incident.quotes]
    parts += [s.publisher or "" for s in incident.sources]
    # without accents (as the gazetteer folds names), so "narino" finds "Nariño" on
    # PostgreSQL too (SQLite's FTS5 tokenizer folds them by itself)
    return fold(" ".join(p for p in parts if p).lower())


def date_span(low: str | None, high: str | None) -> int | None:
    """Days from date_low to date_high (None when either is unknown or not a date)."""
    if not low or not high:
        return None
    try:
        return (dt.date.fromisoformat(high[:10]) - dt.date.fromisoformat(low[:10])).days
    except ValueError:
        return None


def _digest(record: Incident | Tally) -> str:
    """sha256 of a record's JSON (pydantic's: fields in model order, dict keys sorted):
    equal digests, equal rows. Cheap next to building a row, so every record gets one and
    only changed records get a row."""
    # dict fields (provenance, machine) in key order: PostgreSQL's JSONB hands an object's
    # keys back in its own order, and a record read back and changed (a review) must digest
    # like the same record built in memory by the resolver
    dicts = {k: dict(sorted(v.items())) for k, v in record.__dict__.items()
             if isinstance(v, dict)}
    canon = record.model_copy(update=dicts) if dicts else record
    return hashlib.sha256(canon.model_dump_json().encode("utf-8")).hexdigest()


@dataclass
class _Diff:
    """What streaming records into a ledger table found: ids kept, and what it wrote."""

    ids: set[str] = field(default_factory=set)
    holder: dict[str, str] = field(default_factory=dict)  # mention id -> incident id
    inserted: int = 0
    unchanged: int = 0


def _diff_stream(conn: Connection, table: sa.Table, old: Mapping[str, str | None],
                 records: Iterable[Any], build: Callable[[Any], dict[str, Any]],
                 name: str) -> _Diff:
    """Insert records new or changed (by digest) since `old`, replacing changed rows, in
    groups as they arrive: only the ids (and, for incidents, which incident holds each
    mention) are kept, so a ledger larger than memory can be written from a stream.
    Rows whose ids are not in the stream are left for the caller (the redirects read them).
    Raises ValueError, before the transaction commits, on an empty or repeated id."""
    diff = _Diff()
    pending: list[dict[str, Any]] = []

    def flush() -> None:
        redo = sorted(r["id"] for r in pending if r["id"] in old)
        for chunk in _chunks(redo):
            conn.execute(table.delete().where(table.c.id.in_(chunk)))
        if pending:
            _insert_rows(conn, table, pending)
        diff.inserted += len(pending)
        pending.clear()

    for record in records:
        rid = record.id
        if not rid or rid in diff.ids:
            raise ValueError(f"write_ledger: {name} ids must be unique and non-empty")
        diff.ids.add(rid)
        if name == "incident":  # the redirects ask which incident holds each mention now
            for m in record.mention_ids:
                diff.holder[m] = rid
        digest = _digest(record)
        if old.get(rid, "") == digest:
            diff.unchanged += 1
            continue
        pending.append({**build(record), "digest": digest})
        if len(pending) >= 500:
            flush()
    flush()
    return diff


def _insert_rows(conn: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert ledger rows; an incident row's place keys (PLACE_KEYS, from _incident_row)
    go to incident_places beside it, and (SQLite) the words of its text to the index's
    vocabulary (file_new_terms)."""
    keys = [{"key": k, "incident_id": r["id"]} for r in rows for k in r.get(PLACE_KEYS, ())]
    conn.execute(table.insert(), [{k: v for k, v in r.items() if k != PLACE_KEYS}
                                  for r in rows])
    if keys:
        conn.execute(t.incident_places.insert(), keys)
    if table is t.incidents and conn.dialect.name == "sqlite":
        file_new_terms(conn)


#: SQLite: a scratch full-text table with the ledger's tokenizer, private to the
#: connection (temp), and its vocabulary: FTS5's tokenizer, not a copy of it in Python,
#: says what the terms of a text are.
_SCRATCH = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.incidents_fts_scratch USING fts5(search_text, "
    "actors, content='', columnsize=0, detail=column, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.incidents_fts_scratch_terms USING "
    "fts5vocab(temp, incidents_fts_scratch, col)",
)


#: PostgreSQL: the term counts the triggers of migration 0016 noted since the last fold,
#: added to `incidents_fts_terms.n` (one row per term, in key order: writers wait on each
#: other's terms in one order) and removed, in one statement, so a delta is folded once.
_FOLD_TERM_COUNTS = (
    "WITH moved AS (DELETE FROM incidents_fts_term_deltas RETURNING col, term, d) "
    "INSERT INTO incidents_fts_terms (col, term, n) "
    "SELECT col, term, sum(d) FROM moved GROUP BY col, term HAVING sum(d) <> 0 "
    "ORDER BY col, term "
    "ON CONFLICT (col, term) DO UPDATE SET n = incidents_fts_terms.n + excluded.n")


def count_terms(conn: Connection) -> None:
    """PostgreSQL: fold the term counts this transaction's writes noted into the
    vocabulary (migration 0016), once, at the end of a transaction that wrote incidents:
    updating each count per statement rewrote the same rows thousands of times in one
    transaction. SQLite keeps no counts (its capped counts read FTS5's index)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_FOLD_TERM_COUNTS)


def file_new_terms(conn: Connection) -> None:
    """SQLite: add the terms of the text rows written since the last call (the triggers
    note them in incidents_fts_pending) to incidents_fts_terms, in the caller's
    transaction, so a reader's word search can name exact terms (migration 0013 says why).
    Costs a second tokenizing of the new rows' text, in memory."""
    if conn.exec_driver_sql("SELECT 1 FROM incidents_fts_pending LIMIT 1").first() is None:
        return
    for ddl in _SCRATCH:
        conn.exec_driver_sql(ddl)
    conn.exec_driver_sql(
        "INSERT INTO temp.incidents_fts_scratch (rowid, search_text, actors) "
        "SELECT rowid, search_text, actors FROM incidents_fts "
        "WHERE rowid IN (SELECT text_rowid FROM incidents_fts_pending)")
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO incidents_fts_terms (col, term) "
        "SELECT col, term FROM temp.incidents_fts_scratch_terms")
    conn.exec_driver_sql(
        "INSERT INTO temp.incidents_fts_scratch (incidents_fts_scratch) VALUES ('delete-all')")
    conn.exec_driver_sql("DELETE FROM incidents_fts_pending")


def _delete_gone(conn: Connection, table: sa.Table, gone: list[str]) -> None:
    for chunk in _chunks(sorted(gone)):
        conn.execute(table.delete().where(table.c.id.in_(chunk)))


def _write_redirects(conn: Connection, gone: list[str], live: set[str],
                     holder: Mapping[str, str]) -> int:
    """Point each incident id leaving the ledger at the incident now holding most of its
    mentions (ties: the smaller id); collapse chains onto the new id; drop redirects of ids
    that are live again, and those whose target left with no successor."""
    r = t.incident_redirects
    back = sorted(live.intersection(conn.execute(sa.select(r.c.old_id)).scalars()))
    for chunk in _chunks(back):
        conn.execute(r.delete().where(r.c.old_id.in_(chunk)))
    if not gone:
        return 0
    stamp = now_iso()
    written = 0
    for chunk in _chunks(sorted(gone)):
        for old_id, data in conn.execute(
                sa.select(t.incidents.c.id, t.incidents.c.data)
                .where(t.incidents.c.id.in_(chunk))):
            counts: dict[str, int] = {}
            for m in (data or {}).get("mention_ids") or []:
                if m in holder:
                    counts[holder[m]] = counts.get(holder[m], 0) + 1
            conn.execute(r.delete().where(r.c.old_id == old_id))
            if not counts:
                conn.execute(r.delete().where(r.c.new_id == old_id))
                continue
            new_id = min(counts, key=lambda i: (-counts[i], i))
            conn.execute(r.insert().values(old_id=old_id, new_id=new_id, at=stamp))
            conn.execute(r.update().where(r.c.new_id == old_id).values(new_id=new_id, at=stamp))
            written += 1
    return written


def _tally_row(x: Tally) -> dict[str, Any]:
    return {"id": x.id, "period_low": x.period_low, "period_high": x.period_high,
            "data": _dump(x)}


def _incident_row(inc: Incident) -> dict[str, Any]:
    """The incidents-table row of an incident: its filter and sort columns, and the record
    as JSON."""
    place = inc.place
    data = _dump(inc)  # the digest is added by _diff_stream
    filed = filed_under(place)
    return {
        "id": inc.id, "event_type": inc.event_type, "sub_event_type": inc.sub_event_type,
        "status": inc.status, "background": inc.background, "grade": inc.grade,
        "date_low": inc.date_low, "date_high": inc.date_high,
        "country": place.country if place else None,
        "place_name": place.name if place else None,
        "actors": _actors_text(inc), "killed_low": inc.killed_low,
        "killed_high": inc.killed_high, "search_text": _search_text(inc),
        "data": data, "place_country": filed.country, "sea": filed.sea,
        "date_span": date_span(inc.date_low, inc.date_high), PLACE_KEYS: filed.names,
    }

"""ResolverStateStore on SQLAlchemy: the resolver's saved state (links, clusters,
fingerprints) in the resolve_* tables, with the generation that makes a save from an older
state fail (StaleState).

Its own module because the state is written only inside a ledger write (sql_ledger) but
read on its own, and its generation check guards every ledger writer (sql_reviews too).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from strikewatch.store import ResolverStateStore, ResolveSave, SavedResolve, StaleState
from strikewatch.store import schema as t
from strikewatch.store.sql_base import _chunks, _translate_errors


def _claim_generation(conn: Connection, save: ResolveSave | None) -> None:
    """Bump the saved state's generation if it is still the one `save` grew from; the
    first statement of a ledger write, so on SQLite it takes the write lock before any read.

    Raises StaleState when another process saved meanwhile (the caller resolves again).
    Without `save` (a plain ledger swap) the meta row is only touched, for the lock.
    """
    meta = t.resolve_meta
    if save is None:
        conn.execute(meta.update().where(meta.c.id == 1).values(generation=meta.c.generation))
        return
    if save.base is None:
        conn.execute(meta.insert().values(id=1, version=save.version, generation=1))
        return  # a concurrent first save collides on the primary key: IntegrityError
    done = conn.execute(
        meta.update().where(meta.c.id == 1, meta.c.generation == save.base.generation)
        .values(generation=meta.c.generation + 1, version=save.version))
    if done.rowcount != 1:
        raise StaleState("the resolver state was saved by another process meanwhile")


def _save_state(conn: Connection, save: ResolveSave) -> None:
    """Write the resolver state as the difference from `save.base` (all of it without one,
    or when the base is of another version)."""
    e, m = t.resolve_edges, t.resolve_mentions
    base = save.base if save.base is not None and save.base.version == save.version else None
    if base is None:
        conn.execute(e.delete())
        conn.execute(m.delete())
        old_edges: dict[tuple[str, str], float] = {}
        old_members: dict[str, tuple[str | None, str]] = {}
    else:
        old_edges, old_members = base.edges, base.members
    drop_e = [k for k, p in old_edges.items() if save.edges.get(k) != p]
    add_e = [k for k, p in save.edges.items() if old_edges.get(k) != p]
    if drop_e:
        conn.execute(e.delete().where(e.c.a == sa.bindparam("ka"), e.c.b == sa.bindparam("kb")),
                     [{"ka": a, "kb": b} for a, b in drop_e])
    if add_e:
        conn.execute(e.insert(), [{"a": a, "b": b, "p": save.edges[(a, b)]} for a, b in add_e])
    drop_m = [k for k, v in old_members.items() if save.members.get(k) != v]
    add_m = [k for k, v in save.members.items() if old_members.get(k) != v]
    for chunk in _chunks(sorted(drop_m)):
        conn.execute(m.delete().where(m.c.mention_id.in_(chunk)))
    if add_m:
        conn.execute(m.insert(), [
            {"mention_id": k, "cluster": save.members[k][0], "fingerprint": save.members[k][1]}
            for k in add_m])


@_translate_errors
class ResolverStateSql(ResolverStateStore):
    """The ResolverStateStore part of SqlStore (strikewatch.store.sql assembles the parts)."""

    engine: Engine  # set by SqlStore.__init__

    def load_resolve_state(self) -> SavedResolve | None:
        """The saved resolver state (one consistent read), or None."""
        with self.engine.connect() as conn, conn.begin():
            meta = conn.execute(
                sa.select(t.resolve_meta).where(t.resolve_meta.c.id == 1)).first()
            if meta is None:
                return None
            saved = SavedResolve(version=meta.version, generation=meta.generation)
            e = t.resolve_edges.c
            for a, b, p in conn.execute(sa.select(e.a, e.b, e.p)):
                saved.edges[(a, b)] = p
            m = t.resolve_mentions.c
            for mid, key, fp in conn.execute(
                    sa.select(m.mention_id, m.cluster, m.fingerprint)):
                saved.members[mid] = (key, fp)
        return saved

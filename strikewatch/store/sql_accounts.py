"""AccountStore on SQLAlchemy: the users and sessions of the web app and the API (the
policy, hashing and expiry, lives in strikewatch.accounts; this keeps the rows).

Its own module because accounts share no table and no helper with the ledger's data.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from strikewatch.store import AccountStore
from strikewatch.store import schema as t
from strikewatch.store.sql_base import _BUSY_DEFAULT, _BUSY_TOUCH, _translate_errors, now_iso
from strikewatch.validation import check_user

ROLES = ("viewer", "editor", "admin")


@_translate_errors
class AccountsSql(AccountStore):
    """The AccountStore part of SqlStore (strikewatch.store.sql assembles the parts)."""

    engine: Engine  # set by SqlStore.__init__

    # --- users ------------------------------------------------------------------------

    def add_user(self, username: str, password_hash: str, role: str) -> None:
        """Create or replace a user; a new password or role revokes their sessions."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        if not username:
            raise ValueError("username must not be empty")
        check_user(username, password_hash, role)
        with self.engine.begin() as conn:
            row = conn.execute(
                sa.select(t.users.c.password_hash, t.users.c.role)
                .where(t.users.c.username == username)
            ).first()
            if row is None:
                conn.execute(
                    t.users.insert().values(
                        username=username, password_hash=password_hash, role=role,
                        created_at=now_iso(),
                    )
                )
                return
            conn.execute(
                t.users.update()
                .where(t.users.c.username == username)
                .values(password_hash=password_hash, role=role)
            )
            if (row.password_hash, row.role) != (password_hash, role):
                self._revoke_user_sessions(conn, username, now_iso())

    def get_user(self, username: str) -> dict[str, str] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t.users).where(t.users.c.username == username)).first()
        return dict(row._mapping) if row else None

    def users(self) -> list[dict[str, str]]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.users).order_by(t.users.c.username)).all()
        return [dict(r._mapping) for r in rows]

    def delete_user(self, username: str) -> bool:
        """Remove a user and their sessions; True when one was removed."""
        with self.engine.begin() as conn:
            # explicit, not only ON DELETE CASCADE: a SQLite connection opened elsewhere
            # without PRAGMA foreign_keys would otherwise leave the sessions behind
            conn.execute(t.sessions.delete().where(t.sessions.c.username == username))
            res = conn.execute(t.users.delete().where(t.users.c.username == username))
        return bool(res.rowcount)

    # --- sessions ---------------------------------------------------------------------

    def add_session(self, session_id: str, username: str, created_at: str, expires_at: str,
                    client: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(t.sessions.delete().where(t.sessions.c.expires_at < created_at))
            conn.execute(
                t.sessions.insert().values(
                    id=session_id, username=username, created_at=created_at,
                    last_seen_at=created_at, expires_at=expires_at,
                    client=(client or "")[:64] or None,
                )
            )

    def get_session(self, session_id: str) -> dict[str, Any] | None:
        stmt = (
            sa.select(t.sessions, t.users.c.role)
            .join(t.users, t.users.c.username == t.sessions.c.username)
            .where(t.sessions.c.id == session_id)
        )
        with self.engine.connect() as conn:
            row = conn.execute(stmt).first()
        return dict(row._mapping) if row else None

    def touch_session(self, session_id: str, at: str) -> bool:
        """Best effort: on SQLite, when another writer holds the database (an ingest
        swapping the ledger), give up after a moment rather than hold a page read up for
        the 30 s busy timeout; the session's next request tries again."""
        stmt = (
            t.sessions.update()
            .where(t.sessions.c.id == session_id, t.sessions.c.last_seen_at < at)
            .values(last_seen_at=at)
        )
        with self.engine.connect() as conn:
            sqlite = conn.dialect.name == "sqlite"
            if sqlite:
                conn.exec_driver_sql(_BUSY_TOUCH)
            try:
                conn.execute(stmt)
                conn.commit()
                return True
            except sa.exc.OperationalError:
                conn.rollback()
                if not sqlite:
                    raise
                return False
            finally:
                if sqlite:
                    conn.exec_driver_sql(_BUSY_DEFAULT)

    def revoke_session(self, session_id: str, at: str | None = None) -> bool:
        with self.engine.begin() as conn:
            res = conn.execute(
                t.sessions.update()
                .where(t.sessions.c.id == session_id, t.sessions.c.revoked_at.is_(None))
                .values(revoked_at=at or now_iso())
            )
        return bool(res.rowcount)

    def revoke_sessions(self, username: str, at: str | None = None) -> int:
        with self.engine.begin() as conn:
            return self._revoke_user_sessions(conn, username, at or now_iso())

    @staticmethod
    def _revoke_user_sessions(conn: Connection, username: str, at: str) -> int:
        res = conn.execute(
            t.sessions.update()
            .where(t.sessions.c.username == username, t.sessions.c.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        return int(res.rowcount or 0)

    def sessions(self, username: str | None = None) -> list[dict[str, Any]]:
        stmt = sa.select(t.sessions)
        if username is not None:
            stmt = stmt.where(t.sessions.c.username == username)
        stmt = stmt.order_by(t.sessions.c.created_at.desc(), t.sessions.c.id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(stmt)]

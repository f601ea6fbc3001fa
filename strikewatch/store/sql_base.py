"""What every part of the SQL store shares: the engine (SQLite pragmas, busy timeout), the
schema migration (Alembic, under a database-wide lock), and small helpers (timestamps, JSON
dumps, IN-list chunks) and the translation of SQLAlchemy's errors into the project's.

Its own module because the per-protocol modules (sql_articles, sql_mentions, sql_ledger,
sql_state, sql_reviews, sql_accounts) all need these and none of them owns them.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from strikewatch.errors import StoreError, StoreUnavailable


def now_iso() -> str:
    """The current UTC time as ISO 8601 (what every *_at column holds)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", "strikewatch.store:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest schema (a no-op when already there).

    The upgrade holds a database-wide lock (SQLite: BEGIN EXCLUSIVE; PostgreSQL: an
    advisory lock), so processes opening a new database at the same moment migrate it
    once, and a crash mid-migration rolls the whole schema change back.
    """
    cfg = alembic_config()
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            _migrate_sqlite(conn, cfg, head)
        else:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": 727274})
                if MigrationContext.configure(conn).get_current_revision() != head:
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")


def _migrate_sqlite(conn: Connection, cfg: Config, head: str | None) -> None:
    """Run the upgrade inside an explicit exclusive transaction (pysqlite would otherwise
    commit each CREATE TABLE on its own)."""
    dbapi: Any = conn.connection.driver_connection
    saved = dbapi.isolation_level
    dbapi.isolation_level = None  # we issue BEGIN/COMMIT ourselves
    try:
        dbapi.execute("BEGIN EXCLUSIVE")  # waits for a concurrent migrator (busy timeout)
        try:
            if MigrationContext.configure(conn).get_current_revision() != head:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            dbapi.execute("COMMIT")
        except BaseException:
            dbapi.execute("ROLLBACK")
            raise
    finally:
        dbapi.isolation_level = saved


#: How long SQLite waits for another writer: the connection's busy timeout, and the much
#: shorter wait of a session's best-effort "last seen" write (whole statements, no
#: formatting: see tests/test_security_sql.py).
SQLITE_BUSY_S = 30
_BUSY_DEFAULT = "PRAGMA busy_timeout = 30000"
_BUSY_TOUCH = "PRAGMA busy_timeout = 250"


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite gets WAL, foreign keys and a busy timeout."""
    sa_url = sa.make_url(url)
    if sa_url.get_backend_name() != "sqlite":
        return sa.create_engine(url, pool_pre_ping=True)
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False,
                                               "timeout": SQLITE_BUSY_S}}
    in_memory = sa_url.database in (None, "", ":memory:")
    if in_memory:
        kwargs["poolclass"] = StaticPool
    engine = sa.create_engine(url, **kwargs)

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not in_memory:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return engine


def _dump(record: Any) -> dict[str, Any]:
    return dict(record.model_dump(mode="json"))


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """Slices small enough for an IN (...) list on every backend."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _translated(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn` with SQLAlchemy's errors raised as the project's (errors.StoreError), so no
    caller outside this package needs SQLAlchemy to tell a failed database apart."""
    def translate(exc: sa.exc.SQLAlchemyError) -> StoreError:
        orig = getattr(exc, "orig", None) or exc
        kind = StoreUnavailable if isinstance(exc, sa.exc.OperationalError) else StoreError
        return kind(f"database error: {orig}", orig)

    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(*args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                yield from fn(*args, **kwargs)
            except sa.exc.SQLAlchemyError as exc:
                raise translate(exc) from exc
        return gen

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except sa.exc.SQLAlchemyError as exc:
            raise translate(exc) from exc
    return call


_C = TypeVar("_C", bound=type)


def _translate_errors(cls: _C) -> _C:
    """Wrap every public method of the class with _translated (each part of SqlStore is
    wrapped where it is defined: only the class's own methods are)."""
    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(member):
            setattr(cls, name, _translated(member))
    return cls

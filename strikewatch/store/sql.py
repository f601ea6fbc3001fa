"""The SQLAlchemy implementation of `Store` (SQLite and PostgreSQL alike).

Every public write runs in one transaction (`engine.begin()`), so a process killed
mid-batch leaves each article either fully stored or absent, never half-written.

`SqlStore` is assembled here from one module per protocol of strikewatch.store:
sql_articles (ArticleStore), sql_mentions (MentionStore), sql_ledger (LedgerStore, with
the write helpers it shares with reviews in sql_ledger_write), sql_state
(ResolverStateStore), sql_reviews (ReviewStore) and sql_accounts (AccountStore); sql_base
holds the engine, the migration and the helpers they share. The names other modules import
from here are re-exported below.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from strikewatch.store import Store
from strikewatch.store.sql_accounts import ROLES, AccountsSql
from strikewatch.store.sql_articles import ArticlesSql, url_key
from strikewatch.store.sql_base import (
    SQLITE_BUSY_S,
    _translate_errors,
    alembic_config,
    make_engine,
    migrate,
    now_iso,
)
from strikewatch.store.sql_ledger import EXTRA_FILTERS, LedgerSql, counted_predicate
from strikewatch.store.sql_ledger_write import LEDGER_LOCK
from strikewatch.store.sql_mentions import ARTICLE_FILTERS, MENTION_PAGE, MentionsSql
from strikewatch.store.sql_reviews import ReviewsSql
from strikewatch.store.sql_state import ResolverStateSql

__all__ = [
    "ARTICLE_FILTERS", "EXTRA_FILTERS", "LEDGER_LOCK", "MENTION_PAGE", "ROLES",
    "SQLITE_BUSY_S", "SqlStore", "alembic_config", "counted_predicate", "make_engine",
    "migrate", "now_iso", "url_key",
]


@_translate_errors
class SqlStore(ArticlesSql, MentionsSql, LedgerSql, ResolverStateSql, ReviewsSql,
               AccountsSql, Store):
    """A strikewatch database behind one SQLAlchemy engine."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        migrate(self.engine)

    def close(self) -> None:
        """Release the connection pool (the store is unusable afterwards)."""
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

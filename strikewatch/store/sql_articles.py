"""ArticleStore on SQLAlchemy: articles stored once each (same URL or same text), with
their wire-copy origin, the MinHash signatures ingest links copies by, and the reads
resolution makes of them.

Its own module because articles are the one table ingest writes under the writers' lock
(origin linking), and their duplicate checks and bulk insert are the store's busiest path.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from strikewatch.records import Article
from strikewatch.store import ArticleStore, OriginLink, SignatureRow
from strikewatch.store import schema as t
from strikewatch.store.sql_base import _chunks, _dump, _translate_errors, now_iso
from strikewatch.validation import check_article

#: Statements built once (ingest runs them per article; building them is not free).
_SAME_ARTICLE = (
    sa.select(t.articles)
    .where(
        sa.or_(
            t.articles.c.content_hash == sa.bindparam("h"),
            t.articles.c.id == sa.bindparam("i"),
            t.articles.c.url_key == sa.bindparam("k"),  # NULL never matches
        )
    )
    .limit(1)
)
_INSERT_ARTICLE = t.articles.insert()
#: Article writers that link origins take one of these first (SqlStore._writers_lock).
_PG_WRITERS_LOCK = sa.select(sa.func.pg_advisory_xact_lock(0x5357_494E_4745_5354))
_SQLITE_WRITE_LOCK = (t.articles.update().where(t.articles.c.id.is_(None))
                      .values(id=t.articles.c.id))
#: Article fields kept in their own columns; every other field goes to the `data` JSON.
_ARTICLE_COLUMNS = frozenset({
    "id", "url", "title", "publisher", "published", "published_source", "language", "text",
    "content_hash", "origin_id", "source", "ingested_at", "extracted_by",
})


def url_key(url: str | None) -> str | None:
    """A hash of the URL with its fragment dropped and scheme/host lower-cased.

    Two spellings of one address hash alike, so "same URL" is caught by a unique index.
    """
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    norm = urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@_translate_errors
class ArticlesSql(ArticleStore):
    """The ArticleStore part of SqlStore (strikewatch.store.sql assembles the parts)."""

    engine: Engine  # set by SqlStore.__init__

    @staticmethod
    def _article(row: sa.Row[Any]) -> Article:
        data = dict(row.data)
        data.update(
            id=row.id, url=row.url, title=row.title, publisher=row.publisher,
            published=row.published, published_source=row.published_source,
            language=row.language, text=row.text, content_hash=row.content_hash,
            origin_id=row.origin_id, source=row.source, ingested_at=row.ingested_at,
            extracted_by=row.extracted_by,
        )
        return Article.model_validate(data)

    def find_article(self, url: str | None = None, text: str | None = None) -> Article | None:
        """The stored article with this URL or this text (hash), if any."""
        conds = []
        key = url_key(url)
        if key:
            conds.append(t.articles.c.url_key == key)
        if text is not None:
            conds.append(t.articles.c.content_hash == Article(text=text).content_hash)
        if not conds:
            return None
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(t.articles).where(sa.or_(*conds)).limit(1)
            ).first()
        return self._article(row) if row else None

    def add_article(
        self, article: Article, signature: bytes | None = None,
        link: OriginLink | None = None,
    ) -> tuple[Article, bool]:
        """Store the article unless the same URL or text is stored; (stored article, is_new).

        `signature` is the serialized MinHash of the text that ingest uses to link wire
        copies; it is kept so the near-duplicate index can be rebuilt without re-hashing.
        With `link` (see Store.add_article) the write first takes the writers' lock, so
        two ingests at once see each other's copies: the stamp `ingested_at` is taken
        under the lock too, so stamps follow commit order and `link.since` misses none.
        """
        check_article(article)
        key = url_key(article.url)
        try:
            with self.engine.begin() as conn:
                if link is not None:
                    self._writers_lock(conn)
                row = conn.execute(
                    _SAME_ARTICLE, {"h": article.content_hash, "i": article.id, "k": key}
                ).first()
                if row is not None:
                    return self._article(row), False
                ingested_at = article.ingested_at or now_iso()
                if link is not None:
                    link(article, self._signatures_since(conn, link.since))
                conn.execute(_INSERT_ARTICLE, self._article_row(
                    article.model_copy(update={"ingested_at": ingested_at}), key, signature))
        except sa.exc.IntegrityError:
            # another process stored the same article between our read and our write
            found = self.find_article(url=article.url, text=article.text)
            if found is None:
                raise
            return found, False
        stored = article.model_copy(update={"ingested_at": ingested_at})
        return stored, True

    def _writers_lock(self, conn: Connection) -> None:
        """Hold off other article writers until this transaction ends: PostgreSQL by a
        transaction-scoped advisory lock, SQLite by starting the write (a no-op UPDATE
        takes its one write lock, waited for up to the busy timeout)."""
        if conn.dialect.name == "postgresql":
            conn.execute(_PG_WRITERS_LOCK)
        else:
            conn.execute(_SQLITE_WRITE_LOCK)

    @staticmethod
    def _signatures_since(conn: Connection, since: str | None) -> list[SignatureRow]:
        """The signatures stored at or after `since` (all of them for None), oldest first:
        what an OriginLink has not seen yet."""
        c = t.articles.c
        newer = sa.select(c.id, c.origin_id, c.minhash, c.ingested_at).where(
            c.minhash.is_not(None))
        if since is not None:
            newer = newer.where(c.ingested_at >= since)
        return [(r.id, r.origin_id, bytes(r.minhash), r.ingested_at or "")
                for r in conn.execute(newer.order_by(c.ingested_at, c.id))]

    def add_articles(
        self,
        items: Sequence[tuple[Article, bytes | None]],
        before_insert: Callable[[Article], None] | None = None,
        link: OriginLink | None = None,
    ) -> list[tuple[Article, bool]]:
        """add_article for many articles in one transaction (see Store.add_articles).

        One lookup per key kind and one multi-row insert for the whole group: a bulk load
        pays a few statements per few hundred articles instead of a transaction each.
        With `link` the group takes the writers' lock first, as add_article does, so a
        batch and an ingest writing at once see each other's wire copies; `link` is called
        on each article about to be stored as new, the first time with the signatures
        stored since `link.since`.
        If another process stores one of them meanwhile (a unique index says so, or the
        database breaks a deadlock between two group inserts), the group is redone one
        article at a time, each with its own duplicate check.
        """
        for article, _ in items:
            check_article(article)
        prepared = [(a, sig, url_key(a.url)) for a, sig in items]
        if not prepared:
            return []
        c = t.articles.c
        try:
            with self.engine.begin() as conn:
                newer: list[SignatureRow] = []
                if link is not None:
                    self._writers_lock(conn)
                    newer = self._signatures_since(conn, link.since)
                by_hash: dict[str, Article] = {}
                by_id: dict[str, Article] = {}
                by_url: dict[str, Article] = {}
                wanted = (
                    (c.content_hash, sorted({a.content_hash for a, _, _ in prepared})),
                    (c.id, sorted({a.id for a, _, _ in prepared})),
                    (c.url_key, sorted({k for _, _, k in prepared if k})),
                )
                for column, values in wanted:
                    for chunk in _chunks(values, 500):
                        for row in conn.execute(sa.select(t.articles).where(column.in_(chunk))):
                            found = self._article(row)
                            by_hash[row.content_hash] = by_id[row.id] = found
                            if row.url_key:
                                by_url[row.url_key] = found
                out: list[tuple[Article, bool]] = []
                rows: list[dict[str, Any]] = []
                base = datetime.now(UTC)
                for article, signature, key in prepared:
                    hit = (by_hash.get(article.content_hash) or by_id.get(article.id)
                           or (by_url.get(key) if key else None))
                    if hit is not None:
                        out.append((hit, False))
                        continue
                    if before_insert is not None:
                        before_insert(article)
                    if link is not None:
                        link(article, newer)
                        newer = []
                    # distinct, increasing stamps keep `articles()` in archive order
                    stamp = (base + timedelta(microseconds=len(rows))).isoformat(
                        timespec="microseconds")
                    stored = article.model_copy(
                        update={"ingested_at": article.ingested_at or stamp})
                    rows.append(self._article_row(stored, key, signature))
                    by_hash[stored.content_hash] = by_id[stored.id] = stored
                    if key:
                        by_url[key] = stored
                    out.append((stored, True))
                if rows:
                    conn.execute(t.articles.insert(), rows)
            return out
        except (sa.exc.IntegrityError, sa.exc.OperationalError):
            # IntegrityError: a unique index caught an article another process just stored.
            # OperationalError: PostgreSQL broke a deadlock between two such group inserts.
            return ArticleStore.add_articles(self, items, before_insert, link)

    @staticmethod
    def _article_row(article: Article, key: str | None, signature: bytes | None) -> dict[str, Any]:
        return {
            "id": article.id, "url": article.url, "url_key": key,
            "content_hash": article.content_hash, "origin_id": article.origin_id or article.id,
            "title": article.title, "publisher": article.publisher,
            "published": article.published, "published_source": article.published_source,
            "language": article.language,
            "text": article.text, "source": article.source, "ingested_at": article.ingested_at,
            "minhash": signature, "extracted_at": None,
            "data": {k: v for k, v in _dump(article).items() if k not in _ARTICLE_COLUMNS},
        }

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(t.articles).where(t.articles.c.id == article_id)
            ).first()
        return self._article(row) if row else None

    def articles(self, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Articles in ingestion order, fetched in pages so large stores stream."""
        page = 500
        served = 0
        pos = offset
        while limit is None or served < limit:
            n = page if limit is None else min(page, limit - served)
            stmt = (
                sa.select(t.articles)
                .order_by(t.articles.c.ingested_at, t.articles.c.id)
                .limit(n)
                .offset(pos)
            )
            with self.engine.connect() as conn:
                rows = conn.execute(stmt).all()
            for row in rows:
                yield self._article(row)
            served += len(rows)
            pos += len(rows)
            if len(rows) < n:
                return

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            stmt = sa.select(sa.func.count()).select_from(t.articles)
            return int(conn.execute(stmt).scalar_one())

    def count_origins(self) -> int:
        """How many distinct origins (independent stories) the articles come from."""
        stmt = sa.select(sa.func.count(sa.distinct(t.articles.c.origin_id)))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        """(article id, origin id, MinHash bytes) for every article that has one."""
        stmt = (
            sa.select(t.articles.c.id, t.articles.c.origin_id, t.articles.c.minhash)
            .where(t.articles.c.minhash.is_not(None))
            .order_by(t.articles.c.ingested_at, t.articles.c.id)
        )
        with self.engine.connect() as conn:
            for row in conn.execute(stmt):
                yield row.id, row.origin_id, bytes(row.minhash)

    def unextracted_article_ids(
        self, languages: Collection[str | None] | None = None
    ) -> list[str]:
        """Articles whose mentions were never stored (new, or interrupted before extract);
        with `languages`, only those in one of them (None in it: language unknown)."""
        c = t.articles.c
        stmt = sa.select(c.id).where(c.extracted_at.is_(None))
        if languages is not None:
            codes = sorted(x for x in languages if x is not None)
            either = [c.language.in_(codes)] + ([c.language.is_(None)] if None in languages
                                                else [])
            stmt = stmt.where(sa.or_(*either))
        with self.engine.connect() as conn:
            return [r.id for r in conn.execute(stmt.order_by(c.ingested_at, c.id))]

    def unextracted_by_language(self) -> dict[str | None, int]:
        c = t.articles.c
        stmt = (sa.select(c.language, sa.func.count()).where(c.extracted_at.is_(None))
                .group_by(c.language))
        with self.engine.connect() as conn:
            return {lang: int(n) for lang, n in conn.execute(stmt)}

    def origin_published(self, origin_id: str) -> str | None:
        c = t.articles.c
        stmt = sa.select(sa.func.min(c.published)).where(
            c.origin_id == origin_id, c.published.is_not(None))
        with self.engine.connect() as conn:
            found = conn.execute(stmt).scalar_one_or_none()
        return str(found) if found is not None else None

    def date_origin_copies(self, origin_id: str, published: str) -> list[str]:
        c = t.articles.c
        with self.engine.begin() as conn:
            ids = list(conn.execute(sa.select(c.id).where(
                c.origin_id == origin_id, c.published.is_(None)).with_for_update()).scalars())
            if ids:
                conn.execute(t.articles.update().where(c.id.in_(ids)).values(
                    published=published, published_source="origin-copy", extracted_at=None))
        return sorted(ids)


    def get_articles(self, article_ids: Iterable[str]) -> dict[str, Article]:
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, Article] = {}
        for chunk in _chunks(ids):
            stmt = sa.select(t.articles).where(t.articles.c.id.in_(chunk))
            with self.engine.connect() as conn:
                for row in conn.execute(stmt):
                    found[row.id] = self._article(row)
        return found

    def resolve_articles(
        self, article_ids: Iterable[str], with_text: Iterable[str] = ()
    ) -> dict[str, Article]:
        """Store.resolve_articles: one SELECT of the columns resolution reads; the text only
        where asked for."""
        ids = list(dict.fromkeys(article_ids))
        texts = set(with_text)
        a = t.articles.c
        found: dict[str, Article] = {}
        cols = [a.id, a.url, a.title, a.publisher, a.published, a.published_source,
                a.language, a.content_hash, a.origin_id, a.source, a.ingested_at,
                a.extracted_by]
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                for row in conn.execute(sa.select(*cols).where(a.id.in_(chunk))):
                    found[row.id] = Article.model_construct(
                        id=row.id, url=row.url, title=row.title, publisher=row.publisher,
                        published=row.published, published_source=row.published_source,
                        language=row.language, text="",
                        content_hash=row.content_hash, origin_id=row.origin_id,
                        source=row.source, ingested_at=row.ingested_at,
                        extracted_by=row.extracted_by)
            for chunk in _chunks(sorted(texts & found.keys())):
                for aid, text in conn.execute(
                        sa.select(a.id, a.text).where(a.id.in_(chunk))):
                    found[aid] = found[aid].model_copy(update={"text": text})
        return found

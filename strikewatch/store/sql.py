"""The SQLAlchemy implementation of `Store` (SQLite and PostgreSQL alike).

Every public write runs in one transaction (`engine.begin()`), so a process killed
mid-batch leaves each article either fully stored or absent, never half-written.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from strikewatch.errors import StaleStore, StoreError, StoreUnavailable
from strikewatch.ledger.counting import COUNTED_STATUS, UNCOUNTED_GRADES
from strikewatch.records import Article, Incident, Mention, Review, Tally
from strikewatch.store import (
    MAX_SEARCH_WORDS,
    IncidentQuery,
    LedgerWrite,
    OriginLink,
    ResolveSave,
    SavedResolve,
    StaleState,
    Store,
)
from strikewatch.store import schema as t
from strikewatch.validation import check_article, check_review, check_user

ROLES = ("viewer", "editor", "admin")

#: Keys `IncidentQuery.extra` understands, each an equality filter on the stored record
#: (`min_killed` is a lower bound on killed_low).
EXTRA_FILTERS = ("sub_event_type", "target_kind", "domain", "background", "min_killed")


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

#: Article columns `article_ids(where=...)` (strikewatch reextract --where) may select by.
ARTICLE_FILTERS = ("id", "publisher", "published", "language", "origin_id", "source",
                   "url", "extracted_by", "ingested_at")

#: Mentions read per query by SqlStore.mentions.
MENTION_PAGE = 2000


def now_iso() -> str:
    """The current UTC time as ISO 8601 (what every *_at column holds)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


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


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", "strikewatch.store:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


#: PostgreSQL advisory lock key held while the ledger is written (write_ledger).
LEDGER_LOCK = 727275


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


def _actors_text(incident: Incident) -> str:
    names = [a.name for a in (incident.actor1, incident.actor2) if a is not None and a.name]
    return " | ".join(names)


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
    return " ".join(p for p in parts if p).lower()


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """Slices small enough for an IN (...) list on every backend."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


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
            conn.execute(table.insert(), pending)
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


def _tally_row(x: Tally) -> dict[str, Any]:
    return {"id": x.id, "period_low": x.period_low, "period_high": x.period_high,
            "data": _dump(x)}


def counted_predicate(c: Any) -> sa.ColumnElement[bool]:
    """ledger.counting.counted as SQL over the incidents table's columns, from the same
    constants, so a total summed here and one summed in Python agree."""
    return sa.and_(c.status == COUNTED_STATUS, sa.not_(c.background),
                   sa.or_(c.grade.is_(None), c.grade.not_in(UNCOUNTED_GRADES)))


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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


def _translate_errors(cls: type[SqlStore]) -> type[SqlStore]:
    """Wrap every public method of the class with _translated."""
    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(member):
            setattr(cls, name, _translated(member))
    return cls


@_translate_errors
class SqlStore(Store):
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

    # --- articles ---------------------------------------------------------------------

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
                    c = t.articles.c
                    newer = sa.select(c.id, c.origin_id, c.minhash, c.ingested_at).where(
                        c.minhash.is_not(None))
                    if link.since is not None:
                        newer = newer.where(c.ingested_at >= link.since)
                    link(article, [(r.id, r.origin_id, bytes(r.minhash), r.ingested_at or "")
                                   for r in conn.execute(newer.order_by(c.ingested_at, c.id))])
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

    def add_articles(
        self,
        items: Sequence[tuple[Article, bytes | None]],
        before_insert: Callable[[Article], None] | None = None,
    ) -> list[tuple[Article, bool]]:
        """add_article for many articles in one transaction (see Store.add_articles).

        One lookup per key kind and one multi-row insert for the whole group: a bulk load
        pays a few statements per few hundred articles instead of a transaction each.
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
            return Store.add_articles(self, items, before_insert)

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

    # --- mentions ---------------------------------------------------------------------

    def replace_mentions(self, article_id: str, mentions: Iterable[Mention],
                         extracted_by: str | None = None) -> None:
        """Replace the machine mentions of one article (re-extraction is idempotent).

        Also marks the article as extracted (by `extracted_by`, name@version, when given)
        and clears an earlier extraction error, in the same transaction.
        """
        self.replace_mentions_many({article_id: mentions}, extracted_by)

    def replace_mentions_many(self, by_article: Mapping[str, Iterable[Mention]],
                              extracted_by: str | None = None) -> None:
        """replace_mentions for many articles in one transaction (all or nothing).

        One round of statements for the whole group, so bulk loads (strikewatch batch)
        do not pay a transaction per article.
        """
        groups = {aid: list(ms) for aid, ms in by_article.items()}
        if not groups:
            return
        for article_id, items in groups.items():
            ids = [m.id for m in items]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"article {article_id}: duplicate mention ids {dupes}")
            wrong = [m.id for m in items if m.article_id != article_id]
            if wrong:
                raise ValueError(f"article {article_id}: mentions of another article {wrong}")
        article_ids = sorted(groups)
        with self.engine.begin() as conn:
            # FOR UPDATE: two processes re-extracting one article take turns (PostgreSQL;
            # SQLite serializes all writers anyway), so neither trips over the other's rows.
            found: set[str] = set()
            for chunk in _chunks(article_ids, 500):
                found.update(conn.execute(
                    sa.select(t.articles.c.id).where(t.articles.c.id.in_(chunk))
                    .order_by(t.articles.c.id).with_for_update()
                ).scalars())
            missing = [aid for aid in article_ids if aid not in found]
            if missing:
                raise KeyError(f"no article {missing[0]!r} in the store")
            for chunk in _chunks(article_ids, 500):
                conn.execute(t.mentions.delete().where(t.mentions.c.article_id.in_(chunk)))
            rows = [
                {"id": m.id, "article_id": aid, "kind": m.kind, "status": m.status,
                 "position": i, "data": _dump(m)}
                for aid in article_ids for i, m in enumerate(groups[aid])
            ]
            if rows:
                conn.execute(t.mentions.insert(), rows)
            stamp = now_iso()
            done: dict[str, Any] = {"extracted_at": stamp, "extract_error": None}
            if extracted_by is not None:
                done["extracted_by"] = extracted_by
            for chunk in _chunks(article_ids, 500):
                conn.execute(
                    t.articles.update().where(t.articles.c.id.in_(chunk)).values(**done)
                )

    def record_extract_error(self, article_id: str, error: str,
                             extracted_by: str | None = None) -> None:
        """Store.record_extract_error: kept on the article; its mentions (and the name of
        the extractor that made them) are untouched."""
        if extracted_by and extracted_by not in error:
            error = f"{extracted_by}: {error}"
        with self.engine.begin() as conn:
            conn.execute(
                t.articles.update().where(t.articles.c.id == article_id)
                .values(extract_error=error, extracted_at=None)
            )

    def extract_errors(self) -> list[tuple[str, str, str | None]]:
        """Store.extract_errors: (article id, error, extractor) in ingestion order."""
        a = t.articles.c
        stmt = (sa.select(a.id, a.extract_error, a.extracted_by)
                .where(a.extract_error.is_not(None)).order_by(a.ingested_at, a.id))
        with self.engine.connect() as conn:
            return [(r.id, r.extract_error, r.extracted_by) for r in conn.execute(stmt)]

    def article_ids(self, where: Sequence[tuple[str, str, str]] = ()) -> list[str]:
        """Store.article_ids: ids in ingestion order, of the articles matching every
        (column, operator, value) condition."""
        a = t.articles.c
        stmt = sa.select(a.id).order_by(a.ingested_at, a.id)
        for column, op, value in where:
            if column not in ARTICLE_FILTERS:
                raise ValueError(f"cannot select articles by {column!r}; use one of "
                                 f"{', '.join(ARTICLE_FILTERS)}")
            col = a[column]
            cond = {"=": col == value, "!=": col != value, ">=": col >= value,
                    "<=": col <= value, ">": col > value, "<": col < value}.get(op)
            if cond is None:
                raise ValueError(f"unknown operator {op!r} (use = != >= <= > <)")
            if op == "!=":
                cond = sa.or_(cond, col.is_(None))
            stmt = stmt.where(cond)
        with self.engine.connect() as conn:
            return [r.id for r in conn.execute(stmt)]

    def mentions(self, article_id: str | None = None, kind: str | None = None
                 ) -> Iterator[Mention]:
        # Read in pages (keyset on article and position), each its own short query: a
        # store of any size streams in bounded memory, and no cursor is held open while the
        # caller works. The JSON as text, parsed and validated in one step by pydantic:
        # about twice as fast as json.loads then model_validate.
        c = t.mentions.c
        stmt = sa.select(c.article_id, c.position, sa.cast(c.data, sa.Text))
        if article_id is not None:
            stmt = stmt.where(c.article_id == article_id)
        if kind is not None:
            stmt = stmt.where(c.kind == kind)
        stmt = stmt.order_by(c.article_id, c.position).limit(MENTION_PAGE)
        after: tuple[str, int] | None = None
        while True:
            page = stmt if after is None else stmt.where(sa.or_(
                c.article_id > after[0], sa.and_(c.article_id == after[0], c.position > after[1])))
            with self.engine.connect() as conn:
                rows = conn.execute(page).all()
            for _aid, _pos, raw in rows:
                yield Mention.model_validate_json(raw)
            if len(rows) < MENTION_PAGE:
                return
            after = (rows[-1][0], rows[-1][1])

    def count_mentions(self) -> int:
        with self.engine.connect() as conn:
            stmt = sa.select(sa.func.count()).select_from(t.mentions)
            return int(conn.execute(stmt).scalar_one())

    def get_mentions(self, mention_ids: Iterable[str]) -> list[Mention]:
        ids = list(dict.fromkeys(mention_ids))
        found: dict[str, Mention] = {}
        for chunk in _chunks(ids):
            stmt = sa.select(t.mentions.c.data).where(t.mentions.c.id.in_(chunk))
            with self.engine.connect() as conn:
                for row in conn.execute(stmt):
                    m = Mention.model_validate(row.data)
                    found[m.id] = m
        return [found[i] for i in ids if i in found]

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

    # --- the ledger -------------------------------------------------------------------

    @staticmethod
    def _incident_row(inc: Incident) -> dict[str, Any]:
        place = inc.place
        data = _dump(inc)  # the digest is added by _diff_stream
        return {
            "id": inc.id, "event_type": inc.event_type, "sub_event_type": inc.sub_event_type,
            "status": inc.status, "background": inc.background, "grade": inc.grade,
            "date_low": inc.date_low, "date_high": inc.date_high,
            "country": place.country if place else None,
            "place_name": place.name if place else None,
            "actors": _actors_text(inc), "killed_low": inc.killed_low,
            "killed_high": inc.killed_high, "search_text": _search_text(inc),
            "data": data,
        }

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
                inc = _diff_stream(conn, t.incidents, old_inc, incidents, self._incident_row,
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

    # --- reviews ----------------------------------------------------------------------

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
                conn.execute(t.incidents.insert(), [
                    {**self._incident_row(inc), "digest": _digest(inc)} for inc in changed])
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

"""MentionStore on SQLAlchemy: what extraction read in each article, replaced whole per
article, with the article's extraction mark and last error.

Its own module because mentions are written by extract and read, in pages, by resolve:
a separate step with its own table and its own paging (MENTION_PAGE).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from strikewatch.records import Mention
from strikewatch.store import FailedExtraction, MentionStore
from strikewatch.store import schema as t
from strikewatch.store.sql_base import _chunks, _dump, _translate_errors, now_iso

#: Article columns `article_ids(where=...)` (strikewatch reextract --where) may select by.
ARTICLE_FILTERS = ("id", "publisher", "published", "language", "origin_id", "source",
                   "url", "extracted_by", "ingested_at")

#: Mentions read per query by SqlStore.mentions.
MENTION_PAGE = 2000


@_translate_errors
class MentionsSql(MentionStore):
    """The MentionStore part of SqlStore (strikewatch.store.sql assembles the parts)."""

    engine: Engine  # set by SqlStore.__init__

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
            done: dict[str, Any] = {"extracted_at": stamp, "extract_error": None,
                                    "extract_attempts": 0, "extract_failed_by": None}
            if extracted_by is not None:
                done["extracted_by"] = extracted_by
            for chunk in _chunks(article_ids, 500):
                conn.execute(
                    t.articles.update().where(t.articles.c.id.in_(chunk)).values(**done)
                )

    def record_extract_error(self, article_id: str, error: str,
                             extracted_by: str | None = None) -> None:
        """Store.record_extract_error: kept on the article; its mentions (and the name of
        the extractor that made them) are untouched. The failures are counted while the
        same reader fails (`extracted_by`), from 1 again when another one does."""
        if extracted_by and extracted_by not in error:
            error = f"{extracted_by}: {error}"
        a = t.articles.c
        same = sa.and_(a.extract_failed_by.is_not(None), a.extract_failed_by == extracted_by)
        with self.engine.begin() as conn:
            conn.execute(
                t.articles.update().where(a.id == article_id)
                .values(extract_error=error, extracted_at=None,
                        extract_attempts=sa.case((same, a.extract_attempts + 1), else_=1),
                        extract_failed_by=extracted_by)
            )

    def extract_errors(self) -> list[tuple[str, str, str | None]]:
        """Store.extract_errors: (article id, error, extractor) in ingestion order."""
        a = t.articles.c
        stmt = (sa.select(a.id, a.extract_error, a.extracted_by)
                .where(a.extract_error.is_not(None)).order_by(a.ingested_at, a.id))
        with self.engine.connect() as conn:
            return [(r.id, r.extract_error, r.extracted_by) for r in conn.execute(stmt)]

    def failed_extractions(self) -> list[FailedExtraction]:
        """Store.failed_extractions: in ingestion order."""
        a = t.articles.c
        stmt = (sa.select(a.id, a.extract_error, a.extract_attempts, a.extract_failed_by,
                          a.language)
                .where(a.extract_error.is_not(None), a.extracted_at.is_(None))
                .order_by(a.ingested_at, a.id))
        with self.engine.connect() as conn:
            return [FailedExtraction(r.id, r.extract_error, r.extract_attempts,
                                     r.extract_failed_by, r.language)
                    for r in conn.execute(stmt)]

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

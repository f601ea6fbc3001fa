"""The per-record extraction both engines run: one archive record in, mention rows out.

Why one function for both: the local process pool and the Spark executors call exactly this
code, so the two engines cannot drift apart. The extraction pipeline is imported lazily, once
per worker process (Spark reuses its Python workers between tasks), not once per record.

A mention travels as a row (article_id, mention_id, kind, data, error) where `data` is the
mention's full JSON: lossless, and flat enough for Parquet on every engine.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from strikewatch.batch.archive import to_article
from strikewatch.ingest.language import has_reader
from strikewatch.records import Article, Mention

DEFAULT_EXTRACTOR = "strikewatch.extract:extract"
#: Column order of a mention row; the Parquet schema in strikewatch.batch.mentions matches.
ROW_FIELDS = ("article_id", "mention_id", "kind", "data", "error")

Row = tuple[str | None, str | None, str | None, str | None, str | None]
Extractor = Callable[[Article], list[Mention]]

_loaded: dict[str, Extractor] = {}


def load_extractor(spec: str = DEFAULT_EXTRACTOR) -> Extractor:
    """The extraction function named `module:function`, imported once per process."""
    fn = _loaded.get(spec)
    if fn is None:
        module_name, _, attr = spec.partition(":")
        fn = getattr(importlib.import_module(module_name), attr or "extract")
        _loaded[spec] = fn
    return fn


def extract_record(
    data: dict[str, Any], where: str | None, extractor: str = DEFAULT_EXTRACTOR
) -> list[Row]:
    """Mention rows for one archive record; a bad record gives one error row instead.

    An article with no mentions gives no rows: absence of rows is not an error.
    """
    try:
        article = to_article(data, where)
    except ValueError as exc:
        return [(None, None, None, None, f"{where}: {exc}")]
    if not has_reader(article.language):
        return []  # stored unread (batch.load), never read with another language's rules
    try:
        mentions = load_extractor(extractor)(article)
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
        return [(article.id, None, None, None, f"{where}: extraction failed: {exc!r}")]
    return [(m.article_id, m.id, m.kind, m.model_dump_json(), None) for m in mentions]


def extract_chunk(
    chunk: Sequence[tuple[dict[str, Any], str | None]], extractor: str = DEFAULT_EXTRACTOR
) -> list[Row]:
    """Mention rows for a chunk of (record, where) pairs: the local pool's unit of work."""
    rows: list[Row] = []
    for data, where in chunk:
        rows.extend(extract_record(data, where, extractor))
    return rows


def extract_partition(records: Iterable[dict[str, Any]], extractor: str) -> Iterator[Row]:
    """Mention rows for one Spark partition of records (each with a `_where` key)."""
    for data in records:
        where = data.pop("_where", None)
        yield from extract_record(data, where, extractor)

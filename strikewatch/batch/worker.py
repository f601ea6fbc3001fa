"""The per-record extraction both engines run: one archive record in, mention rows out.

Why one function for both: the local process pool and the Spark executors call exactly this
code, so the two engines cannot drift apart. The extraction pipeline is imported lazily, once
per worker process (Spark reuses its Python workers between tasks), not once per record.

A mention travels as a row (article_id, mention_id, kind, data, error, extracted_by) where
`data` is the mention's full JSON (lossless, and flat enough for Parquet on every engine) and
`extracted_by` names the reader (`name@version`) that read its article: each article is
read by the reader for its language (extract.registry.reader_for, as ingest does), so one
batch can hold mentions of several readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from strikewatch.batch.archive import to_article
from strikewatch.records import Article, Mention

#: Column order of a mention row; the Parquet schema in strikewatch.batch.mentions matches.
ROW_FIELDS = ("article_id", "mention_id", "kind", "data", "error", "extracted_by")

Row = tuple[str | None, str | None, str | None, str | None, str | None, str | None]


def reader_label(language: str | None, name: str | None) -> str:
    """`name@version` of the reader of an article in `language`: the extractor registered
    as `name` when given, else the one for the language (extract.registry.reader_for, the
    routing ingest uses). The loader stores it on every article it marks extracted."""
    from strikewatch.extract.registry import extracted_by, reader_for

    return extracted_by(reader_for(language, name))


def extract_checked(article: Article, name: str | None) -> tuple[list[Mention], str]:
    """The mentions of `article`, read by its reader (`reader_label`) and validated at the
    boundary (extract.registry.checked), and that reader's `name@version`. Extractors are
    built once per process: on a Spark executor the registry is read there (built-ins, and
    the entry points of the packages installed on it). Imported lazily: the command line
    starts without the extraction code."""
    from strikewatch.extract.registry import checked, extracted_by, reader_for

    reader = reader_for(article.language, name)
    return checked(reader, article), extracted_by(reader)


def extract_record(
    data: dict[str, Any], where: str | None, extractor: str | None = None
) -> list[Row]:
    """Mention rows for one archive record; a bad record gives one error row instead.

    An article with no mentions gives no rows: absence of rows is not an error.
    """
    try:
        article = to_article(data, where)
    except ValueError as exc:
        return [(None, None, None, None, f"{where}: {exc}", None)]
    from strikewatch.ingest.language import has_reader  # the ingest package is heavy for --help

    if not has_reader(article.language):
        return []  # stored unread (batch.load), never read with another language's rules
    try:
        mentions, label = extract_checked(article, extractor)
    except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
        return [(article.id, None, None, None, f"{where}: extraction failed: {exc!r}", None)]
    return [(m.article_id, m.id, m.kind, m.model_dump_json(), None, label) for m in mentions]


def extract_chunk(
    chunk: Sequence[tuple[dict[str, Any], str | None]], extractor: str | None = None
) -> list[Row]:
    """Mention rows for a chunk of (record, where) pairs: the local pool's unit of work."""
    rows: list[Row] = []
    for data, where in chunk:
        rows.extend(extract_record(data, where, extractor))
    return rows


def extract_partition(records: Iterable[dict[str, Any]], extractor: str | None
                      ) -> Iterator[Row]:
    """Mention rows for one Spark partition of records (each with a `_where` key)."""
    for data in records:
        where = data.pop("_where", None)
        yield from extract_record(data, where, extractor)

"""The per-record extraction both engines run: one archive record in, mention rows out.

Why one function for both: the local process pool and the Spark executors call exactly this
code, so the two engines cannot drift apart. The extraction pipeline is imported lazily, once
per worker process (Spark reuses its Python workers between tasks), not once per record.

A mention travels as a row (article_id, mention_id, kind, data, error, extracted_by) where
`data` is the mention's full JSON (lossless, and flat enough for Parquet on every engine) and
`extracted_by` names the reader (`name@version`) that read its article: each article is
read by the reader for its language (extract.registry.reader_for, as ingest does), so one
batch can hold mentions of several readers. An article its reader failed on travels as one
error row: its article_id, the error (with the file and line it came from) and the reader
that failed, the rest None; both engines keep these rows in the dataset, and the loader
records the failure on the article (batch.load), as ingest does.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

from strikewatch.batch.archive import to_article

#: Column order of a mention row; the Parquet schema in strikewatch.batch.mentions matches.
ROW_FIELDS = ("article_id", "mention_id", "kind", "data", "error", "extracted_by")

Row = tuple[str | None, str | None, str | None, str | None, str | None, str | None]


def reader_label(language: str | None, name: str | None) -> str:
    """`name@version` of the reader of an article in `language`: the extractor registered
    as `name` when given, else the one for the language (extract.registry.reader_for, the
    routing ingest uses). The loader stores it on every article it marks extracted."""
    from strikewatch.extract.registry import extracted_by, reader_for

    return extracted_by(reader_for(language, name))


def extract_record(
    data: dict[str, Any], where: str | None, extractor: str | None = None,
    skip: Collection[str] = (),
) -> list[Row]:
    """Mention rows for one archive record; a bad record gives one error row instead.

    The article is read as ingest reads it (pipeline.extract_one: its reader, long texts
    in parts, every mention validated), so the two commands share one rule. An extractor
    error gives an error row that names the article and the reader that failed: the loader
    records it on the article (Store.record_extract_error), as ingest does. An article with
    no mentions gives no rows: absence of rows is not an error. Articles in `skip` (held
    back after failing MAX_EXTRACT_ATTEMPTS times: pipeline.held_back) are not read.
    """
    try:
        article = to_article(data, where)
    except ValueError as exc:
        return [(None, None, None, None, f"{where}: {exc}", None)]
    from strikewatch.ingest.language import has_reader  # the ingest package is heavy for --help

    if not has_reader(article.language) or article.id in skip:
        return []  # unread: stored unread (batch.load); held: left as it failed
    from strikewatch.pipeline import extract_one

    _, mentions, error, label = extract_one(article, extractor)
    if mentions is None:  # never raises: one bad article never stops a batch
        return [(article.id, None, None, None, f"{where}: extraction failed: {error}",
                 label or None)]
    return [(m.article_id, m.id, m.kind, m.model_dump_json(), None, label) for m in mentions]


def extract_chunk(
    chunk: Sequence[tuple[dict[str, Any], str | None]], extractor: str | None = None,
    skip: Collection[str] = (),
) -> list[Row]:
    """Mention rows for a chunk of (record, where) pairs: the local pool's unit of work."""
    rows: list[Row] = []
    for data, where in chunk:
        rows.extend(extract_record(data, where, extractor, skip))
    return rows


def extract_partition(records: Iterable[dict[str, Any]], extractor: str | None,
                      skip: Collection[str] = ()) -> Iterator[Row]:
    """Mention rows for one Spark partition of records (each with a `_where` key)."""
    for data in records:
        where = data.pop("_where", None)
        yield from extract_record(data, where, extractor, skip)

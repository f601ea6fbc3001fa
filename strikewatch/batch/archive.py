"""Reading an article archive as a stream: JSONL, JSON or Parquet files, or a folder of them.

Why streaming: an archive may hold millions of articles; the batch must use the same memory
for ten thousand as for ten million. JSONL is read line by line and Parquet one record batch
at a time, so at most one batch of records is held here.

A folder (e.g. a Hive-style partitioned dataset such as `year=2025/month=11/part-0.parquet`)
is walked recursively in sorted path order, so every run and every engine sees the articles
in the same order. A bad line or record is reported with its file and line and skipped:
one bad item never stops a batch.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strikewatch.errors import InputError
from strikewatch.records import Article

log = logging.getLogger(__name__)

JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
PARQUET_SUFFIXES = (".parquet", ".pq")
#: The article fields of spec/records.md ("Article input"), read from every archive format.
ARTICLE_FIELDS = ("url", "title", "publisher", "published", "language", "text", "html")
PARQUET_BATCH_ROWS = 512


class ArchiveError(InputError):
    """The archive as a whole is unusable (missing, empty, unknown format)."""


@dataclass(frozen=True)
class RawRecord:
    """One article record as read, with where it came from (`file:line` or `file#row`)."""

    where: str
    data: dict[str, Any] | None  # None when the line could not be parsed
    error: str | None = None


def archive_files(path: Path) -> list[Path]:
    """The archive's data files in a stable order; raises ArchiveError naming the problem."""
    if not path.exists():
        raise ArchiveError(f"{path}: no such file or folder")
    if path.is_file():
        if not path.name.lower().endswith(JSON_SUFFIXES + PARQUET_SUFFIXES):
            raise ArchiveError(f"{path}: not a .jsonl, .json or .parquet file")
        return [path]
    files = sorted(
        p for p in path.rglob("*")
        if p.is_file()
        and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts)
        and p.name.lower().endswith(JSON_SUFFIXES + PARQUET_SUFFIXES)
    )
    if not files:
        raise ArchiveError(f"{path}: folder holds no .jsonl, .json or .parquet files")
    return files


def is_parquet(path: Path) -> bool:
    return path.name.lower().endswith(PARQUET_SUFFIXES)


def _iter_json_file(path: Path) -> Iterator[RawRecord]:
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        first = fh.read(1)
        fh.seek(0)
        if path.suffix.lower() == ".json" and first == "[":
            # A JSON array is the one form that must be read whole; archives should be JSONL.
            try:
                items = json.load(fh)
            except json.JSONDecodeError as exc:
                yield RawRecord(f"{path}", None, f"invalid JSON: {exc}")
                return
            for i, item in enumerate(items):
                yield _as_record(f"{path}#{i}", item)
            return
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RawRecord(f"{path}:{lineno}", None, f"invalid JSON: {exc.msg}")
                continue
            yield _as_record(f"{path}:{lineno}", item)


def _as_record(where: str, item: Any) -> RawRecord:
    if not isinstance(item, dict):
        return RawRecord(where, None, f"expected a JSON object, got {type(item).__name__}")
    return RawRecord(where, item)


def _iter_parquet_file(path: Path) -> Iterator[RawRecord]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for bad files
        yield RawRecord(str(path), None, f"unreadable Parquet file: {exc}")
        return
    columns = [c for c in ARTICLE_FIELDS if c in pf.schema_arrow.names]
    row = 0
    for batch in pf.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
        for item in batch.to_pylist():
            yield RawRecord(f"{path}#{row}", item)
            row += 1


def iter_raw(path: Path) -> Iterator[RawRecord]:
    """Every record of the archive at `path`, in a stable order, streamed."""
    for file in archive_files(path):
        yield from (_iter_parquet_file(file) if is_parquet(file) else _iter_json_file(file))


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def to_article(data: dict[str, Any], where: str | None = None) -> Article:
    """An Article from one archive record; ValueError with the reason when it has no text.

    Follows `strikewatch ingest` (same HTML main-text extraction, same recovery of the
    publication date, same language identification, text stripped), and every engine calls
    it, so one record always becomes the same article, with the same id and the same
    character offsets for its mentions. (The date of another copy of the story, which
    ingest also uses, needs the store: a batch leaves such an article undated.)
    """
    from strikewatch.ingest.html import html_main_text, page_tree
    from strikewatch.ingest.language import article_language
    from strikewatch.ingest.published import recover_published

    fields: dict[str, Any] = {k: data.get(k) for k in ("url", "title", "publisher")}
    text = data.get("text")
    html = data.get("html") if isinstance(data.get("html"), str) else None
    if not (isinstance(text, str) and text.strip()):
        text = ""
        if html and html.strip():
            page = html_main_text(html, url=_as_text(fields["url"]))
            text = page.text
            for key in ("title", "publisher"):
                fields[key] = fields[key] or getattr(page, key)
    if not text.strip():
        raise ValueError("record has no text (and no html with extractable text)")
    text = text.strip()
    tree = page_tree(html) if html else None
    published, published_source, notes = recover_published(
        supplied=data.get("published"), tree=tree, url=_as_text(fields["url"]), text=text)
    for note in notes:
        log.warning("%s: %s; %s", where, note, f"used the {published_source} date"
                    if published else "published left unknown")
    language, language_source = article_language(data.get("language"), text, tree)
    from strikewatch.validation import check_article

    article = Article(
        url=_as_text(fields["url"]),
        title=_as_text(fields["title"]),
        publisher=_as_text(fields["publisher"]),
        published=published,
        published_source=published_source,
        language=language,
        language_source=language_source,
        text=text,
        source=where,
    )
    check_article(article)  # the store would refuse it mid-group (InvalidText: ValueError)
    return article


def iter_articles(path: Path, errors: list[str] | None = None) -> Iterator[Article]:
    """The valid articles of an archive, streamed; each bad record is logged and skipped.

    `errors`, when given, collects one "where: problem" line per skipped record.
    """
    for raw in iter_raw(path):
        problem = raw.error
        article = None
        if raw.data is not None:
            try:
                article = to_article(raw.data, raw.where)
            except ValueError as exc:
                problem = str(exc)
        if article is None:
            message = f"{raw.where}: {problem}"
            log.warning("skipping %s", message)
            if errors is not None:
                errors.append(message)
            continue
        yield article

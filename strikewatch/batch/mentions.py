"""Mentions as Parquet: the hand-off between the extraction job and resolution.

Why Parquet: it is what Spark writes natively from many executors (one part file each) and
what the local engine can write incrementally with pyarrow, so both engines leave the same
dataset behind, readable by Spark, DuckDB or pandas for inspection or re-resolution.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from strikewatch.batch.worker import ROW_FIELDS, Row

SCHEMA = pa.schema([(name, pa.string()) for name in ROW_FIELDS])

#: How sorted_mentions' throwaway SQLite file is opened: no journal or syncing (it is
#: rebuilt if lost), and a fixed page cache (16 MiB), so the load phase's memory does not
#: grow with the archive. Literal statements: no SQL is built by formatting.
SPILL_PRAGMAS = ("PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF",
                 "PRAGMA cache_size = -16384", "PRAGMA temp_store = FILE")


class MentionWriter:
    """Appends mention rows to one Parquet file, a row group every `rows_per_group` rows."""

    def __init__(self, path: Path, rows_per_group: int = 2000) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = pq.ParquetWriter(path, SCHEMA, compression="zstd")
        self._buffer: list[Row] = []
        self._rows_per_group = rows_per_group
        self.rows = 0

    def write(self, rows: Iterable[Row]) -> None:
        for row in rows:
            self._buffer.append(row)
            self.rows += 1
        if len(self._buffer) >= self._rows_per_group:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            columns = list(zip(*self._buffer, strict=True))
            self._writer.write_table(pa.table(dict(zip(ROW_FIELDS, columns, strict=True)),
                                              schema=SCHEMA))
            self._buffer = []

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def __enter__(self) -> MentionWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def part_files(folder: Path) -> list[str]:
    """The dataset's Parquet part files, in the order every reader visits them."""
    return sorted(str(p) for p in folder.rglob("*.parquet"))


def iter_rows(folder: Path, batch_size: int = 4096) -> Iterator[Row]:
    """Every row of a mentions dataset (a folder of Parquet part files), streamed."""
    files = part_files(folder)
    if not files:
        return
    dataset = ds.dataset(files, schema=SCHEMA, format="parquet")
    for batch in dataset.to_batches(batch_size=batch_size):
        cols = [batch.column(name).to_pylist() for name in ROW_FIELDS]
        yield from zip(*cols, strict=True)


def failed_articles(folder: Path) -> dict[str, tuple[str, str | None]]:
    """article id -> (error line, reader name@version) of each article whose extraction
    failed (its error row: worker.extract_record); the last row of an article wins.

    Only the three small columns are read, never the mentions' JSON."""
    files = part_files(folder)
    if not files:
        return {}
    dataset = ds.dataset(files, schema=SCHEMA, format="parquet")
    wanted = ds.field("article_id").is_valid() & ds.field("error").is_valid()
    failed: dict[str, tuple[str, str | None]] = {}
    for batch in dataset.to_batches(columns=["article_id", "error", "extracted_by"],
                                    filter=wanted):
        failed.update((a, (e, by)) for a, e, by in zip(
            *(batch.column(i).to_pylist() for i in range(3)), strict=True))
    return failed


_SORTED = ("article_id", "mention_id", "data", "error")


def sorted_mentions(folder: Path, batch_size: int = 2048) -> Iterator[tuple[str, str, str]]:
    """(article id, mention id, mention JSON) of every extracted mention, streamed in order
    of article id, then mention id, then position in the dataset (part file, row).

    Why a sort on disk: the load phase writes the mentions of a few hundred articles at a
    time, and an article's rows may lie anywhere in the dataset (Spark writes one part file
    per task, in task order); grouping them in Python would hold every mention at once. The
    rows are copied into a throwaway SQLite file and read back through an index on (article,
    mention, row number), so memory stays within SQLite's page cache (SPILL_PRAGMAS) however
    large the archive. (DuckDB's ORDER BY was tried first: with a memory limit below the size
    of the mentions it failed with out-of-memory instead of spilling, duckdb 2.0.1.)
    Repeats of a (article, mention) pair come out next to each other in dataset order, so a
    reader can keep the last one. Error rows and rows without an article, a mention id or
    data are left out.
    """
    files = part_files(folder)
    if not files:
        return
    with tempfile.TemporaryDirectory(prefix="sw-sort-") as spill:
        con = sqlite3.connect(Path(spill) / "mentions.db")
        try:
            for pragma in SPILL_PRAGMAS:
                con.execute(pragma)
            con.execute("CREATE TABLE rows (article_id TEXT, mention_id TEXT, data TEXT)")
            for path in files:
                # one row group at a time (a filtered pyarrow dataset scan reads ahead and
                # held about twice the memory)
                for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size,
                                                               columns=list(_SORTED)):
                    columns = (batch.column(name).to_pylist() for name in _SORTED)
                    con.executemany(
                        "INSERT INTO rows VALUES (?, ?, ?)",
                        ((a, m, d) for a, m, d, error in zip(*columns, strict=True)
                         if error is None and None not in (a, m, d)))
            con.commit()
            # the rowid (dataset order) is the index's last key: ties come out in that order
            con.execute("CREATE INDEX by_mention ON rows (article_id, mention_id)")
            yield from con.execute(
                "SELECT article_id, mention_id, data FROM rows"
                " ORDER BY article_id, mention_id, rowid")
        finally:
            con.close()

"""Mentions as Parquet: the hand-off between the extraction job and resolution.

Why Parquet: it is what Spark writes natively from many executors (one part file each) and
what the local engine can write incrementally with pyarrow, so both engines leave the same
dataset behind, readable by Spark, DuckDB or pandas for inspection or re-resolution.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from strikewatch.batch.worker import ROW_FIELDS, Row

SCHEMA = pa.schema([(name, pa.string()) for name in ROW_FIELDS])


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


def iter_rows(folder: Path, batch_size: int = 4096) -> Iterator[Row]:
    """Every row of a mentions dataset (a folder of Parquet part files), streamed."""
    files = sorted(str(p) for p in folder.rglob("*.parquet"))
    if not files:
        return
    dataset = ds.dataset(files, schema=SCHEMA, format="parquet")
    for batch in dataset.to_batches(batch_size=batch_size):
        cols = [batch.column(name).to_pylist() for name in ROW_FIELDS]
        yield from zip(*cols, strict=True)

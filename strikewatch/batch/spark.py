"""The Spark engine: extraction, and record linkage, as Spark jobs.

Why this shape: the archive is read by Spark's own JSON/Parquet readers (splittable), each
partition's records go through `_partition` -> `worker.extract_record` (the very code the
local engine runs; the pipeline is imported once per Python worker, which Spark reuses
across tasks), and mentions land as Parquet part files, one per task. No article passes
through the driver during extraction.

Resolution's record linkage (blocking on exploded day/zone keys, then scoring every blocked
pair) runs on the same session through splink's Spark backend (`spark_predictor`): the very
model of resolve.linking, its SQL transpiled by splink from the DuckDB text, so the two
backends cannot drift apart. Features are built on the driver (the pass over the store that
also fingerprints every mention) and handed to the executors as a Parquet file; only the
candidate links (a few per mention) come back, as Parquet read in batches; clustering,
merging and grading stay on the driver, a group of link-graph components at a time.

`master` defaults to `local[workers]`; pass a cluster's master URL (`spark://host:7077`,
`yarn`, `k8s://…`) or set STRIKEWATCH_SPARK_MASTER to run on a real cluster (docs/scale.md).
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq

from strikewatch.batch.archive import ARTICLE_FIELDS, archive_files, is_parquet
from strikewatch.batch.worker import ROW_FIELDS, Row, extract_record
from strikewatch.resolve.linking import Predictor, predict_frame

CORRUPT = "_corrupt_record"
#: Feature rows per Parquet row group: Spark splits the linking input at row groups.
ROW_GROUP = 10_000
#: Peak memory (MB) of the last job's JVM and its largest Python worker (local mode only).
last_peaks_mb: dict[str, float] = {}


def _hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            found.append(child)
            todo.append(child)
    return found


def record_peaks(spark: Any) -> None:
    """Peak RSS of the local JVM and its Python workers, read before they exit (Linux)."""
    last_peaks_mb.clear()
    proc = getattr(getattr(spark.sparkContext, "_gateway", None), "proc", None)
    if proc is None:
        return
    workers = [_hwm_mb(pid) for pid in _descendants(proc.pid)]
    last_peaks_mb["jvm"] = round(_hwm_mb(proc.pid), 1)
    last_peaks_mb["python_worker_max"] = round(max(workers, default=0.0), 1)


def _partition(records: Iterator[Any], extractor: str | None,
               skip: frozenset[str] = frozenset()) -> Iterator[Row]:
    """Mention rows of one partition; runs in the executor's Python worker."""
    for rec in records:
        data = rec.asDict()
        where = data.pop("_where", None)
        bad = data.pop(CORRUPT, None)
        if bad is not None:
            yield (None, None, None, None, f"{where}: invalid JSON record: {bad[:80]!r}",
                   None)
            continue
        yield from extract_record(data, where, extractor, skip)


def spark_session(workers: int, master: str | None = None) -> Any:
    """A SparkSession for the batch (local[workers] unless a master is given)."""
    from pyspark.sql import SparkSession

    master = master or os.environ.get("STRIKEWATCH_SPARK_MASTER") or f"local[{max(1, workers)}]"
    builder = SparkSession.builder.appName("strikewatch-batch").master(master)
    if master.startswith("local") and not os.environ.get("PYSPARK_PYTHON"):
        # Local executors must run this interpreter (its virtualenv holds the pipeline);
        # on a cluster the executors' Python is the cluster's to configure (docs/scale.md).
        # (PySpark reads only the environment variable for this.)
        os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        builder
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.shuffle.partitions", str(max(2, 2 * workers)))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _read_archive(spark: Any, input_path: str, workers: int) -> Any:
    """The archive as one DataFrame of string columns ARTICLE_FIELDS + _where (+ corrupt)."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    files = archive_files(Path(input_path))
    json_files = [str(f) for f in files if not is_parquet(f)]
    parquet_files = [str(f) for f in files if is_parquet(f)]
    total_bytes = sum(f.stat().st_size for f in files)
    # Split small archives finely enough that every core gets work (default split: 128 MB).
    target = max(64 << 10, min(128 << 20, total_bytes // (4 * max(1, workers)) + 1))
    spark.conf.set("spark.sql.files.maxPartitionBytes", str(target))

    frames = []
    string_cols = [T.StructField(c, T.StringType(), True) for c in ARTICLE_FIELDS]
    if json_files:
        schema = T.StructType([*string_cols, T.StructField(CORRUPT, T.StringType(), True)])
        df = (
            spark.read.schema(schema)
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", CORRUPT)
            .json(json_files)
        )
        frames.append(df.withColumn("_where", F.input_file_name()))
    if parquet_files:
        df = spark.read.option("recursiveFileLookup", "true").parquet(*parquet_files)
        cols = [
            (F.col(c).cast("string") if c in df.columns else F.lit(None).cast("string")).alias(c)
            for c in ARTICLE_FIELDS
        ]
        df = df.select(*cols, F.lit(None).cast("string").alias(CORRUPT))
        frames.append(df.withColumn("_where", F.input_file_name()))
    result = frames[0]
    for other in frames[1:]:
        result = result.unionByName(other)
    return result


def spark_predictor(spark: Any, workdir: Path | None = None) -> Predictor:
    """resolve.linking's model run by splink's Spark backend on this session.

    Neither the features nor the scored pairs pass through the driver's JVM: the feature
    rows (from the driver's pass over the store: resolve.streamed) are written as Parquet
    under `workdir` and read by the executors; blocking and scoring are Spark jobs over
    DataFrames; the candidate links are written as Parquet by the executors and read back
    on the driver a record batch at a time, into the list clustering needs (a few links per
    mention). `workdir` must be shared with the executors on a cluster (the batch passes
    its --out folder); default a temporary folder, enough in local mode.

    Whole-stage code generation is switched off while it runs: the wording and specific-word
    comparisons expand into one expression too large for a generated Java method (64 KB),
    and Spark would otherwise log a compile failure before falling back on its own.
    """
    from splink import SparkAPI

    shared = None if workdir is None else workdir.resolve()  # executors get absolute paths

    def predict(table: pa.Table) -> list[tuple[str, str, float]]:
        before = spark.conf.get("spark.sql.codegen.wholeStage")
        spark.conf.set("spark.sql.codegen.wholeStage", "false")
        with tempfile.TemporaryDirectory(prefix="linking-", dir=shared) as tmp:
            try:
                features = Path(tmp) / "features.parquet"
                pq.write_table(table, features, row_group_size=ROW_GROUP)
                db_api = SparkAPI(spark_session=spark, break_lineage_method="persist",
                                  register_udfs_automatically=False)
                pred = predict_frame(db_api, spark.read.parquet(str(features)))
                links = Path(tmp) / "links"
                (spark.table(pred.physical_name)
                 .select("unique_id_l", "unique_id_r", "match_probability")
                 .write.parquet(str(links)))
                return _read_links(links)
            finally:
                spark.conf.set("spark.sql.codegen.wholeStage", before)
                spark.catalog.clearCache()

    return predict


def _read_links(folder: Path) -> list[tuple[str, str, float]]:
    """The (id_l, id_r, probability) rows of the Parquet files in `folder`, read a record
    batch at a time (never the whole table at once)."""
    out: list[tuple[str, str, float]] = []
    for batch in pads.dataset(str(folder), format="parquet").to_batches():
        out.extend(zip(batch.column("unique_id_l").to_pylist(),
                       batch.column("unique_id_r").to_pylist(),
                       batch.column("match_probability").to_pylist(), strict=True))
    return out


def extract_spark(
    spark: Any, input_path: Path | str, mentions_dir: Path, workers: int, extractor: str | None,
    skip: frozenset[str] = frozenset(),
) -> tuple[int, int, list[str]]:
    """Run extraction as a Spark job on `spark`; mention rows land in `mentions_dir`, error
    rows with them (an article's is recorded on it by the loader).

    Returns (records read, mention rows written, error lines), like the local engine.
    Articles in `skip` (held back: pipeline.held_back) are not read; the set travels to
    the executors with the task (it holds only repeatedly failed articles: few).
    """
    from pyspark.sql import types as T

    df = _read_archive(spark, str(input_path), workers)
    counter = spark.sparkContext.accumulator(0)

    def counted(records: Iterator[Any]) -> Iterator[Row]:
        for rec in records:
            counter.add(1)
            yield rec

    fn = functools.partial(_partition, extractor=extractor, skip=skip)
    rows = df.rdd.mapPartitions(lambda part: fn(counted(part)))
    schema = T.StructType([T.StructField(c, T.StringType(), True) for c in ROW_FIELDS])
    spark.createDataFrame(rows, schema).write.mode("overwrite").parquet(str(mentions_dir))
    records = int(counter.value)
    record_peaks(spark)

    from strikewatch.batch.mentions import iter_rows

    errors: list[str] = []
    written = 0
    for row in iter_rows(mentions_dir):
        if row[4] is not None:
            errors.append(row[4])
        else:
            written += 1
    return records, written, errors

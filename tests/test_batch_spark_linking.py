"""Record linkage on Spark: splink's Spark backend scores exactly the pairs DuckDB does.

The batch's Spark engine links on Spark (strikewatch.batch.spark.spark_predictor) through
the one model in resolve.linking, its SQL transpiled by splink; the local engine and the
incremental resolver link on DuckDB. Identical ledgers need identical candidate links, so
both backends score the same mentions here — the hand-coded resolve set and the mentions
extracted from a few hundred synthetic articles — and must agree pair for pair, to the
stored precision. Real parts: a real Spark in local mode (its own JVM), real DuckDB.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from strikewatch.batch.archive import to_article
from strikewatch.batch.synthetic import iter_synthetic
from strikewatch.batch.worker import extract_chunk
from strikewatch.records import Article, Mention
from strikewatch.resolve.features import Features, features
from strikewatch.resolve.linking import score_pairs
from tests.resolve_set.evaluate import articles_of, gold_mentions, load_set

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    from strikewatch.batch.spark import spark_session

    session = spark_session(2)
    try:
        yield session
    finally:
        session.stop()


def _features(mentions: list[Mention], articles: dict[str, Article]) -> list[Features]:
    return [features(m, articles.get(m.article_id)) for m in mentions if m.kind != "tally"]


def _both(spark: Any, rows: list[Features]) -> tuple[dict[tuple[str, str], float], ...]:
    from strikewatch.batch.spark import spark_predictor

    return score_pairs(rows), score_pairs(rows, predictor=spark_predictor(spark))


def test_spark_scores_the_resolve_set_like_duckdb(spark: Any) -> None:
    data = load_set()
    articles = articles_of(data)
    mentions, _ = gold_mentions(data)
    on_duckdb, on_spark = _both(spark, _features(mentions, articles))
    assert len(on_duckdb) >= 50  # the set's 22 events hold 71 true pairs
    assert on_spark == on_duckdb


def test_spark_scores_synthetic_mentions_like_duckdb(spark: Any) -> None:
    records = list(iter_synthetic(250, seed=13))
    articles = {a.id: a for a in (to_article(r, None) for r in records)}
    rows = extract_chunk([(r, None) for r in records])
    mentions = [Mention.model_validate_json(data) for _, _, _, data, err, _by in rows
                if err is None and data is not None]
    feats = _features(mentions, articles)
    on_duckdb, on_spark = _both(spark, feats)
    assert len(feats) > 200 and len(on_duckdb) > 100
    # scored on both sides of the threshold: links below it are left out on both
    assert min(on_duckdb.values()) < 0.9
    assert on_spark == on_duckdb

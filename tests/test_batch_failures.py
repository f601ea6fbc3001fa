"""`strikewatch batch` never loses an article its reader crashed on (issue 14, item 5).

The failure is injected as tests/test_pipeline.py injects it for ingest: an extractor
registered in the registry (as a third party would register one) that crashes on an article
saying EXPLODE; every other article it hands to the real English rules, so the ledger is a
real one. Real SQLite files and the session's PostgreSQL server (db_url: tests/pg.py) hold
the result; the failure is recorded through the store calls ingest makes, so `strikewatch
ingest` and a re-run of the batch see it and retry it up to the same cap.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from strikewatch import pipeline
from strikewatch.batch import run_batch
from strikewatch.batch.mentions import failed_articles
from strikewatch.batch.synthetic import iter_synthetic
from strikewatch.extract import registry
from strikewatch.records import Article, Mention
from strikewatch.store import IncidentQuery, open_store

calls: list[str] = []
NAME = "test-batch-exploding"
LABEL = f"{NAME}@1"
BAD_TEXT = ("EXPLODE: a note on the archive's own format, with no event in it at all, "
            "written so that no other record resembles it.")


class ExplodingRules:
    """The real English rules, except that it crashes on an article saying EXPLODE."""

    name = NAME
    version = "1"
    languages = frozenset({"en"})

    def __call__(self, article: Article) -> list[Mention]:
        calls.append(article.id)
        if "EXPLODE" in article.text:
            raise RuntimeError("extractor crashed")
        return registry.get_extractor("strikewatch-rules")(article)


@pytest.fixture(autouse=True)
def exploding() -> Iterator[None]:
    registry.extractors.register(NAME, func=ExplodingRules)
    calls.clear()
    yield
    registry.unregister(NAME)


def write(path: Path, records: list[dict[str, str]], bad_at: int | None = None) -> Path:
    lines = [json.dumps(r) for r in records]
    if bad_at is not None:
        lines.insert(bad_at, json.dumps({"url": "https://x.example/format-note",
                                         "text": BAD_TEXT, "published": "2025-02-01"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ledger(db: str) -> tuple[list[str], ...]:
    """Incidents, tallies and mentions as canonical JSON (PostgreSQL's JSONB reorders keys)."""
    store = open_store(db)
    try:
        parts = ([i.model_dump_json() for i in store.incidents(IncidentQuery(limit=0))],
                 [t.model_dump_json() for t in store.tallies()],
                 [m.model_dump_json() for m in store.mentions()])
    finally:
        store.close()
    return tuple(sorted(json.dumps(json.loads(x), sort_keys=True) for x in p) for p in parts)


def test_a_crashing_article_is_recorded_reported_retried_and_leaves_the_ledger_alone(
    db_url: str, tmp_path: Path
) -> None:
    records = list(iter_synthetic(30, seed=17))
    clean_db = f"sqlite:///{tmp_path / 'clean.db'}"
    run_batch(write(tmp_path / "clean.jsonl", records), out=tmp_path / "o0", db=clean_db,
              extractor=NAME)
    archive = write(tmp_path / "archive.jsonl", records, bad_at=5)

    report = run_batch(archive, out=tmp_path / "out", db=db_url, extractor=NAME)
    assert report.articles_new == 31 and report.articles_failed == 1
    bad_id = report.failed[0]["article"]
    ((failed_id, line),) = (tuple(f.values()) for f in report.failed)
    assert failed_id == bad_id and line.startswith(f"{archive}:6: extraction failed: ")
    assert line.endswith(f"{LABEL}: RuntimeError: extractor crashed")  # as ingest words it
    assert line in report.errors and report.error_count == 1
    saved = json.loads((tmp_path / "out" / "report.json").read_text())
    assert saved["articles_failed"] == 1 and saved["failed"] == report.failed
    # the error row carries the reader that failed, on to the loader
    assert failed_articles(tmp_path / "out" / "mentions") == {bad_id: (line, LABEL)}

    store = open_store(db_url)
    try:
        (failed,) = store.failed_extractions()
        assert (failed.article_id, failed.attempts, failed.failed_by) == (bad_id, 1, LABEL)
        assert "extractor crashed" in failed.error and str(archive) in failed.error
        assert store.unextracted_article_ids() == [bad_id]  # not marked extracted
        assert list(store.mentions(bad_id)) == []
    finally:
        store.close()
    # the 30 other articles give the very ledger they give without it
    clean = ledger(clean_db)
    assert clean[0] and ledger(db_url) == clean

    # Re-runs retry it, and count the failures of one reader, up to the cap ingest uses.
    for attempt in range(2, pipeline.MAX_EXTRACT_ATTEMPTS + 1):
        again = run_batch(archive, out=tmp_path / "out", db=db_url, extractor=NAME)
        assert again.articles_failed == 1 and again.articles_held == 0
        assert calls.count(bad_id) == attempt
    held = run_batch(archive, out=tmp_path / "out", db=db_url, extractor=NAME)
    assert calls.count(bad_id) == pipeline.MAX_EXTRACT_ATTEMPTS  # held back: not read
    assert held.articles_failed == 0 and held.articles_held == 1
    assert held.held[0]["article"] == bad_id and "--retry-failed" in held.held[0]["why"]
    store = open_store(db_url)
    try:
        (failed,) = store.failed_extractions()  # still failed, not marked extracted
        assert failed.attempts == pipeline.MAX_EXTRACT_ATTEMPTS
        assert store.unextracted_article_ids() == [bad_id]
    finally:
        store.close()
    assert ledger(db_url) == clean
    asked = run_batch(archive, out=tmp_path / "out", db=db_url, extractor=NAME,
                      retry_failed=True)
    assert asked.articles_failed == 1 and asked.articles_held == 0
    assert calls.count(bad_id) == pipeline.MAX_EXTRACT_ATTEMPTS + 1


def test_ingest_after_a_batch_sees_the_failure_and_a_fix_clears_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = list(iter_synthetic(12, seed=4))
    archive = write(tmp_path / "a.jsonl", records, bad_at=3)
    db = f"sqlite:///{tmp_path / 'a.db'}"
    report = run_batch(archive, out=tmp_path / "out", db=db, extractor=NAME)
    bad_id = report.failed[0]["article"]

    store = open_store(db)
    try:
        rep = pipeline.extract_pending(store, extractor=NAME)  # what `ingest` runs
        assert [a for a, _ in rep.extract_failures] == [bad_id] and rep.extracted == 0
        (failed,) = store.failed_extractions()
        assert (failed.attempts, failed.failed_by) == (2, LABEL)  # counted on from the batch
    finally:
        store.close()

    # The reader stops crashing (say, a fix): the next batch stores its mentions and
    # clears the failure; the others are unchanged.
    monkeypatch.setattr(ExplodingRules, "__call__", lambda self, article: (
        registry.get_extractor("strikewatch-rules")(article)))
    fixed = run_batch(archive, out=tmp_path / "out", db=db, extractor=NAME)
    assert fixed.articles_failed == 0 and fixed.error_count == 0
    store = open_store(db)
    try:
        assert store.failed_extractions() == [] and store.unextracted_article_ids() == []
        assert store.get_articles([bad_id])[bad_id].extracted_by == LABEL
    finally:
        store.close()


def test_the_pool_and_the_command_report_the_failure(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from strikewatch.cli import app

    archive = write(tmp_path / "p.jsonl", list(iter_synthetic(40, seed=9)), bad_at=20)
    db = f"sqlite:///{tmp_path / 'p.db'}"
    result = CliRunner().invoke(app, ["batch", str(archive), "--workers", "2", "--out",
                                      str(tmp_path / "out"), "--db", db,
                                      "--extractor", NAME])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "extract failed: article " in out
    assert f"{archive}:21: extraction failed: " in out and "extractor crashed" in out
    assert "retried by the next run" in out and "skipped" not in out
    store = open_store(db)
    try:
        (failed,) = store.failed_extractions()
        assert failed.failed_by == LABEL and store.count_articles() == 41
    finally:
        store.close()


def test_the_executors_function_sends_the_failure_back_as_an_error_row(tmp_path: Path) -> None:
    """What a Spark executor runs on its partition (spark._partition), here on pyspark's
    own Row records in this process: the failed article's error row names the article and
    the reader, and the loader's reader of the dataset (failed_articles) finds it there.
    (A whole Spark job cannot use this test's extractor: its Python workers do not import
    this module; the engine-independent rest is the local tests' above.)"""
    from pyspark.sql import Row

    from strikewatch.batch.archive import to_article
    from strikewatch.batch.mentions import MentionWriter
    from strikewatch.batch.spark import _partition

    good = next(r for r in iter_synthetic(5, seed=3) if r.get("text"))
    bad = {"url": "https://x.example/format-note", "text": BAD_TEXT}
    records = [Row(**good, _where="part-0:1"), Row(**bad, _where="part-0:2")]
    rows = list(_partition(iter(records), NAME))
    bad_id = to_article(bad).id
    (error_row,) = [r for r in rows if r[4] is not None]
    assert error_row[0] == bad_id and error_row[5] == LABEL and error_row[1:4] == (None,) * 3
    assert error_row[4].startswith("part-0:2: extraction failed: ")
    assert {r[0] for r in rows if r[4] is None} == {to_article(good).id}
    assert list(_partition(iter([Row(**bad, _where="part-0:2")]), NAME,
                           frozenset({bad_id}))) == []  # held back: not read

    with MentionWriter(tmp_path / "m" / "part-00000.parquet") as writer:
        writer.write(rows)
    assert failed_articles(tmp_path / "m") == {bad_id: (error_row[4], LABEL)}

"""`strikewatch batch`: the archive through extraction, the store and resolution, on both engines.

Real parts throughout: the real extraction pipeline and resolver, a real SQLite file or the
session's PostgreSQL server, and a real Spark (local mode, its own JVM) for the Spark engine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from strikewatch.batch import run_batch
from strikewatch.batch.mentions import iter_rows
from strikewatch.batch.synthetic import iter_synthetic, write_archive
from strikewatch.store import IncidentQuery, open_store

ROOT = Path(__file__).resolve().parent.parent


def ledger(db: str) -> tuple[list[str], list[str], list[str]]:
    """The store's incidents, tallies and mentions as JSON, for exact comparison."""
    store = open_store(db)
    try:
        incidents = [i.model_dump_json() for i in store.incidents(IncidentQuery(limit=0))]
        tallies = [t.model_dump_json() for t in store.tallies()]
        mentions = sorted(m.model_dump_json() for m in store.mentions())
    finally:
        store.close()
    return incidents, tallies, mentions


def mention_rows(folder: Path) -> list[tuple[str | None, ...]]:
    return sorted(r for r in iter_rows(folder) if r[4] is None)


def test_batch_fills_the_store_and_reruns_idempotently(db_url: str, tmp_path: Path) -> None:
    records = list(iter_synthetic(80, seed=21))
    archive = tmp_path / "archive.jsonl"
    lines = [json.dumps(r) for r in records]
    lines.insert(10, "{broken")
    lines.insert(30, json.dumps({"url": "https://x.example/empty", "title": "no body"}))
    # Same URL as the first record, different text: the store keeps the first one.
    lines.append(json.dumps({**records[0], "text": "A different story entirely. " * 3}))
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")

    report = run_batch(archive, engine="local", workers=1, out=tmp_path / "out", db=db_url)
    assert report.records == 83
    assert report.articles_new == 80
    assert report.articles_dropped == 1
    assert report.error_count == 2
    assert f"{archive}:11: invalid JSON" in report.errors[0]
    assert f"{archive}:31: record has no text" in report.errors[1]
    assert report.mentions_loaded > 0 and report.incidents > 0
    saved = json.loads((tmp_path / "out" / "report.json").read_text())
    assert saved["incidents"] == report.incidents

    store = open_store(db_url)
    try:
        assert store.count_articles() == 80
        assert store.count_mentions() == report.mentions_loaded
        assert store.count_incidents() == report.incidents
        assert len(store.tallies()) == report.tallies
        assert store.unextracted_article_ids() == []
    finally:
        store.close()
    first = ledger(db_url)

    again = run_batch(archive, engine="local", workers=1, out=tmp_path / "out", db=db_url)
    assert again.articles_new == 0 and again.articles_known == 80
    assert ledger(db_url) == first


def test_pool_gives_the_same_mentions_and_ledger_as_one_process(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "a.jsonl", 90, seed=5)
    dbs = []
    for workers in (1, 2):
        db = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        run_batch(archive, engine="local", workers=workers, out=tmp_path / f"o{workers}", db=db)
        dbs.append(db)
    rows1 = mention_rows(tmp_path / "o1" / "mentions")
    assert rows1 and rows1 == mention_rows(tmp_path / "o2" / "mentions")
    assert ledger(dbs[0]) == ledger(dbs[1])


@pytest.mark.spark
def test_spark_and_local_engines_give_identical_ledgers(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write_archive(archive / "parquet", 240, seed=9, fmt="parquet", partitions=3)
    extra = [json.dumps(r) for r in iter_synthetic(60, seed=10)]
    extra.insert(5, "{not json")
    (archive / "late.jsonl").write_text("\n".join(extra) + "\n", encoding="utf-8")

    reports = {}
    for engine in ("local", "spark"):
        reports[engine] = run_batch(
            archive, engine=engine, workers=2, out=tmp_path / engine,
            db=f"sqlite:///{tmp_path / (engine + '.db')}",
        )
    local, spark = reports["local"], reports["spark"]
    assert spark.records == local.records == 301
    assert spark.articles_new == local.articles_new == 300
    assert spark.error_count == local.error_count == 1
    assert local.incidents > 50 and local.tallies > 0
    # Spark really ran the extraction as several tasks, each writing its own part file.
    assert len(list((tmp_path / "spark" / "mentions").glob("part-*.parquet"))) >= 2
    assert mention_rows(tmp_path / "spark" / "mentions") == mention_rows(
        tmp_path / "local" / "mentions"
    )
    a = ledger(f"sqlite:///{tmp_path / 'local.db'}")
    b = ledger(f"sqlite:///{tmp_path / 'spark.db'}")
    assert len(a[0]) == local.incidents
    assert a == b


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "strikewatch", "batch", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300, check=False,
    )


def test_cli_runs_a_batch_and_names_a_bad_input(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "small.jsonl", 25, seed=2)
    db = tmp_path / "cli.db"
    done = _cli(str(archive), "--engine", "local", "--workers", "2",
                "--out", str(tmp_path / "out"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "25 records, 25 new articles" in done.stdout
    assert (tmp_path / "out" / "mentions" / "part-00000.parquet").exists()

    missing = _cli(str(tmp_path / "nope.jsonl"), "--db", str(db))
    assert missing.returncode == 2
    assert "nope.jsonl: no such file" in missing.stderr

    remote = _cli("s3a://bucket/archive/", "--db", str(db))
    assert remote.returncode == 2
    assert "s3a://bucket/archive/: give the archive as a path" in remote.stderr

    wrong = _cli(str(archive), "--engine", "hadoop", "--db", str(db))
    assert wrong.returncode != 0
    assert "--engine" in wrong.stderr


@pytest.mark.postgres
def test_postgresql_and_sqlite_stores_hold_the_same_ledger(pg_url: str, tmp_path: Path) -> None:
    """Same archive, same code, two stores: the ledgers are equal (JSON keys aside).

    PostgreSQL keeps nested data as JSONB, which does not keep a dict's key order, so the
    records are compared as canonical JSON.
    """
    archive = write_archive(tmp_path / "a.jsonl", 60, seed=13)
    sqlite_db = f"sqlite:///{tmp_path / 's.db'}"
    for db, out in ((sqlite_db, "o1"), (pg_url, "o2")):
        run_batch(archive, engine="local", workers=1, out=tmp_path / out, db=db)

    def canonical(db: str) -> tuple[list[str], ...]:
        incidents, tallies, mentions = (
            [json.dumps(json.loads(x), sort_keys=True) for x in part] for part in ledger(db)
        )
        return incidents, tallies, sorted(mentions)

    on_sqlite, on_pg = canonical(sqlite_db), canonical(pg_url)
    assert on_sqlite[0] and on_sqlite[2]
    assert on_sqlite == on_pg


def test_batch_reads_each_article_with_its_languages_reader(tmp_path: Path) -> None:
    """A Spanish and an English article in one batch: each is read by the reader for its
    language (as ingest routes them), and each records that reader, in the mention rows
    and on the stored article."""
    from strikewatch.extract.registry import extracted_by, get_extractor

    es_text = (ROOT / "tests" / "gold" / "es" / "articles" /
               "es001_expansion_pacifico_cuatro.txt").read_text(encoding="utf-8")
    en_text = next(r["text"] for r in iter_synthetic(5, seed=3) if r.get("text"))
    archive = tmp_path / "mixed.jsonl"
    archive.write_text(
        json.dumps({"url": "https://es.example/1", "language": "es", "text": es_text,
                    "published": "2025-09-16"}) + "\n" +
        json.dumps({"url": "https://en.example/1", "language": "en", "text": en_text,
                    "published": "2025-09-16"}) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'mixed.db'}"
    report = run_batch(archive, engine="local", workers=1, out=tmp_path / "out", db=db)
    assert report.error_count == 0 and report.articles_new == 2

    es_label = extracted_by(get_extractor("strikewatch-rules-es"))
    en_label = extracted_by(get_extractor("strikewatch-rules"))
    rows = mention_rows(tmp_path / "out" / "mentions")
    store = open_store(db)
    try:
        by_url = {a.url: a for a in store.articles()}
        es_id, en_id = by_url["https://es.example/1"].id, by_url["https://en.example/1"].id
        assert by_url["https://es.example/1"].extracted_by == es_label
        assert by_url["https://en.example/1"].extracted_by == en_label
        es_mentions = list(store.mentions(es_id))
    finally:
        store.close()
    assert {r[0] for r in rows} == {es_id, en_id}  # both articles have mentions
    assert {r[5] for r in rows if r[0] == es_id} == {es_label}
    assert {r[5] for r in rows if r[0] == en_id} == {en_label}
    # read by the Spanish rules, not the English ones: their mentions say so
    assert es_mentions and {m.extractor for m in es_mentions} == {"strikewatch-rules-es-1"}

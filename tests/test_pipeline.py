"""The pipeline's orchestration: new articles extracted once, ledger rebuilt, failures kept.

The extractor is a small stand-in registered in the extractor registry (as a third party
would register one) and made the default here, because what is tested is the wiring (what
runs on which articles, what gets stored), not extraction; resolution is the real one
(incremental from the saved state, cheap on a handful of undated mentions: each is its own
incident).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from strikewatch import pipeline
from strikewatch.extract import registry
from strikewatch.records import Article, Mention, Review, Span
from strikewatch.store import open_store, schema
from strikewatch.store.sql import SqlStore

calls: list[str] = []


def first_sentence_extractor(article: Article) -> list[Mention]:
    calls.append(article.id)
    if "EXPLODE" in article.text:
        raise RuntimeError("extractor crashed")
    end = article.text.find(".") + 1 or len(article.text)
    span = Span(article_id=article.id, start=0, end=end, text=article.text[:end])
    mention = Mention(article_id=article.id, spans=[span], killed_low=len(article.text) % 7)
    return [mention, mention] if "TWICE" in article.text else [mention]


class FirstSentence:
    name = "test-first-sentence"
    version = "1"
    languages = frozenset({"en"})

    def __call__(self, article: Article) -> list[Mention]:
        return first_sentence_extractor(article)


registry.extractors.register(FirstSentence.name, func=FirstSentence)


@pytest.fixture
def store(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[SqlStore]:
    """On SQLite and on the real PostgreSQL test server (db_url: tests/pg.py)."""
    monkeypatch.setattr(registry, "DEFAULT_EXTRACTOR", FirstSentence.name)
    calls.clear()
    s = open_store(db_url)
    assert isinstance(s, SqlStore)
    yield s
    s.close()


def texts(tmp_path: Path, *bodies: str) -> list[str]:
    paths: list[str] = []
    tmp_path.mkdir(parents=True, exist_ok=True)
    for i, body in enumerate(bodies):
        p = tmp_path / f"in{i}.txt"
        p.write_text(body, encoding="utf-8")
        paths.append(str(p))
    return paths


def test_new_articles_are_extracted_once_and_ledger_rebuilt(
    store: SqlStore, tmp_path: Path
) -> None:
    inputs = texts(tmp_path, "A boat was struck. Two died.", "A depot burned. Nobody hurt.")
    rep = pipeline.run(inputs, store)
    assert rep.extracted == 2 and rep.mentions == 2 and rep.incidents == 2 and rep.tallies == 0
    assert rep.from_scratch  # the first run: no saved resolver state yet
    assert store.count_mentions() == 2 and store.count_incidents() == 2
    assert len(calls) == 2
    rep2 = pipeline.run(inputs, store)  # nothing new: no extraction, same ledger
    assert rep2.extracted == 0 and len(calls) == 2
    assert store.count_incidents() == 2
    assert not rep2.from_scratch and rep2.ledger.inserted == 0 and rep2.ledger.unchanged == 2
    more = texts(tmp_path / "more", "A convoy was hit. Four died.")
    rep3 = pipeline.run(more, store)
    assert len(calls) == 3 and store.count_incidents() == 3
    assert (rep3.ledger.inserted, rep3.ledger.unchanged) == (1, 2)  # only what it touched


def test_extract_failure_is_reported_and_retried(store: SqlStore, tmp_path: Path) -> None:
    inputs = texts(tmp_path, "Fine report. One killed.", "EXPLODE this one.")
    rep = pipeline.run(inputs, store)
    assert rep.extracted == 1
    ((bad_id, reason),) = rep.extract_failures
    assert "extractor crashed" in reason
    assert store.unextracted_article_ids() == [bad_id]
    pipeline.run([], store)  # a later run tries the failed article again
    assert calls.count(bad_id) == 2


def test_an_article_failing_again_and_again_is_held_back_until_its_reader_changes(
    store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = texts(tmp_path, "Fine report. One killed.", "EXPLODE this one.")
    pipeline.run(inputs, store)
    bad_id = store.unextracted_article_ids()[0]
    for attempt in range(2, pipeline.MAX_EXTRACT_ATTEMPTS + 1):
        rep = pipeline.run([], store)
        assert calls.count(bad_id) == attempt and not rep.extract_held
    (failed,) = store.failed_extractions()
    assert (failed.article_id, failed.attempts) == (bad_id, pipeline.MAX_EXTRACT_ATTEMPTS)
    assert failed.failed_by == "test-first-sentence@1"

    rep = pipeline.run([], store)  # held back: not read again, but said so
    assert calls.count(bad_id) == pipeline.MAX_EXTRACT_ATTEMPTS
    ((held_id, why),) = rep.extract_held
    assert held_id == bad_id and "--retry-failed" in why and "extractor crashed" in why
    assert rep.extract_failures == [] and store.unextracted_article_ids() == [bad_id]

    rep = pipeline.run([], store, retry_failed=True)  # the user asks
    assert calls.count(bad_id) == pipeline.MAX_EXTRACT_ATTEMPTS + 1
    assert [a for a, _ in rep.extract_failures] == [bad_id] and not rep.extract_held

    monkeypatch.setattr(FirstSentence, "version", "2")  # a new version of its reader
    rep = pipeline.run([], store)
    assert calls.count(bad_id) == pipeline.MAX_EXTRACT_ATTEMPTS + 2 and not rep.extract_held
    (failed,) = store.failed_extractions()
    assert (failed.attempts, failed.failed_by) == (1, "test-first-sentence@2")


def test_an_extraction_that_succeeds_clears_the_failures(
    store: SqlStore, tmp_path: Path
) -> None:
    (path,) = texts(tmp_path, "EXPLODE soon. One killed.")
    pipeline.run([path], store)
    pipeline.run([], store)
    (failed,) = store.failed_extractions()
    assert failed.attempts == 2
    with store.engine.begin() as conn:  # the text is fixed (as re-extraction would read it)
        conn.execute(schema.articles.update().values(text="Fixed soon. One killed."))
    rep = pipeline.run([], store)
    assert rep.extracted == 1 and store.failed_extractions() == []
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(schema.articles.c.extract_attempts)).scalar_one() == 0


def test_the_migration_counts_a_failure_stored_before_it(store: SqlStore,
                                                         tmp_path: Path) -> None:
    from alembic import command

    from strikewatch.store.sql import alembic_config

    pipeline.run(texts(tmp_path, "EXPLODE soon. One killed.", "Fine. Two killed."), store)
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0011")
    with store.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    (failed,) = store.failed_extractions()
    assert (failed.attempts, failed.failed_by) == (1, None)  # who failed it was not kept
    pipeline.run([], store)  # the next failure counts from 1 again: its reader is known now
    (failed,) = store.failed_extractions()
    assert (failed.attempts, failed.failed_by) == (1, "test-first-sentence@1")


def test_ingest_lists_the_articles_it_holds_back(
    store: SqlStore, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from strikewatch.cli import app

    (path,) = texts(tmp_path, "EXPLODE here. Two killed.")
    runner = CliRunner()
    args = ["ingest", path, "--db", store.url]
    env = {"COLUMNS": "300", "NO_COLOR": "1", "TERM": "dumb"}
    for _ in range(pipeline.MAX_EXTRACT_ATTEMPTS):
        out = runner.invoke(app, args, env=env).output
        assert "extract failed:" in out and "not retried:" not in out
    out = runner.invoke(app, args, env=env).output
    assert "not retried:" in out and "extract failed:" not in out
    out = runner.invoke(app, [*args, "--retry-failed"], env=env).output
    assert "extract failed:" in out and "not retried:" not in out


def test_reviews_reach_the_resolver(store: SqlStore, tmp_path: Path) -> None:
    pipeline.run(texts(tmp_path, "Report one. Three killed.", "Report two. Five killed."), store)
    victim = store.incidents()[0].id
    store.add_review(Review(action="reject", incident_id=victim, user="ana",
                            at="2025-11-20T10:00:00+00:00"))
    pipeline.rebuild_ledger(store)
    stored = {i.id: i for i in store.incidents()}
    assert stored[victim].grade == "discounted" and "rejected in review" in stored[victim].flags
    assert all(i.grade != "discounted" for k, i in stored.items() if k != victim)


def test_worker_pool_gives_the_same_mentions(store: SqlStore, tmp_path: Path) -> None:
    bodies = [f"Report {i}: a vessel was struck. {i % 4} people died." for i in range(12)]
    rep = pipeline.run(texts(tmp_path, *bodies, "EXPLODE here."), store, workers=2)
    assert rep.extracted == 12 and len(rep.extract_failures) == 1
    pooled = {m.id: m for m in store.mentions()}
    articles = store.get_articles({m.article_id for m in pooled.values()})
    in_process = [m for art in articles.values()
                  for m in registry.checked(FirstSentence(), art)]
    assert {m.id: m for m in in_process} == pooled


def test_a_pool_stores_chunks_in_one_transaction_each_and_isolates_a_bad_article(
    store: SqlStore, tmp_path: Path
) -> None:
    """Each worker stores its own chunk in one transaction (replace_mentions_many: one
    extraction stamp per chunk), and an article whose mentions share an id fails alone
    (refused at the extractor's validating boundary, else by the store, which then writes
    its chunk article by article) and stays unextracted."""
    bodies = [f"Item {i}: a depot was hit. {i % 3} died." for i in range(40)]
    rep = pipeline.run(texts(tmp_path, *bodies, "TWICE: a boat was hit."), store, workers=2)
    assert rep.extracted == 40 and rep.mentions == 40
    ((bad_id, reason),) = rep.extract_failures
    assert "duplicate mention id" in reason  # refused at the extractor's boundary
    assert store.unextracted_article_ids() == [bad_id]
    assert store.count_mentions() == 40
    with store.engine.connect() as conn:
        stamps = Counter(conn.execute(sa.select(schema.articles.c.extracted_at).where(
            schema.articles.c.extracted_at.is_not(None))).scalars())
    assert sum(stamps.values()) == 40
    # whole chunks, not an article each (the first article alone loads the models)
    assert 1 < len(stamps) < 41 and max(stamps.values()) > 1

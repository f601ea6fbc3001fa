"""The streamed resolve (what `strikewatch batch` runs) gives the very ledger and resolver
state that resolving everything in memory gives, on real SQLite and real PostgreSQL.

The store holds the sample corpus, part of the resolve set and synthetic archive articles,
with reviews of every kind; small pages, groups and linking windows make every pass cross
their boundaries, as a large archive does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest

from strikewatch import pipeline
from strikewatch.batch.synthetic import iter_synthetic
from strikewatch.records import Mention, Review
from strikewatch.resolve import streamed
from strikewatch.resolve.linking import predict_duckdb
from strikewatch.store import IncidentQuery, open_store, sql_mentions
from strikewatch.store.sql import SqlStore
from tests.test_pipeline_incremental import SAMPLES, from_scratch, ledger, resolve_set_files


@pytest.fixture
def store(db_url: str, tmp_path: Path) -> Iterator[SqlStore]:
    s = open_store(db_url)
    assert isinstance(s, SqlStore)
    archive = tmp_path / "synthetic.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in iter_synthetic(120, seed=5)),
                       encoding="utf-8")
    inputs = [*map(str, SAMPLES), *map(str, resolve_set_files(tmp_path / "set", 40)),
              str(archive)]
    pipeline.run(inputs, s)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streamed, "GROUP", 7)
    monkeypatch.setattr(streamed, "WINDOW", 25)  # linking in many windows of days
    monkeypatch.setattr(sql_mentions, "MENTION_PAGE", 13)


def snapshot(store: SqlStore) -> tuple[object, ...]:
    saved = store.load_resolve_state()
    assert saved is not None
    return ledger(store), saved.version, saved.edges, saved.members


def add_reviews(store: SqlStore) -> None:
    """One review of each kind, and one whose incident id has since gone."""
    incs = sorted(store.incidents(IncidentQuery(limit=0)),
                  key=lambda i: (-len(i.mention_ids), i.id))
    big, a, b, c, d = incs[0], incs[1], incs[2], incs[3], incs[4]
    assert len(big.mention_ids) >= 3
    at = iter(f"2026-06-01T00:00:0{n}Z" for n in range(10))
    store.add_review(Review(action="split", incident_id=big.id, user="ed", at=next(at),
                            payload={"mention_ids": big.mention_ids[:1]},
                            before={"mention_ids": big.mention_ids}))
    store.add_review(Review(action="merge", incident_id=a.id, user="ed", at=next(at),
                            payload={"incident_ids": [b.id]},
                            before={"mention_ids": a.mention_ids}))
    store.add_review(Review(action="edit", incident_id=c.id, user="ed", at=next(at),
                            payload={"fields": {"killed_high": 77}},
                            before={"mention_ids": c.mention_ids}))
    store.add_review(Review(action="reject", incident_id="gone-" + d.id, user="ed", at=next(at),
                            before={"mention_ids": d.mention_ids}, note="moved id"))


def test_streamed_equals_in_memory_from_scratch(store: SqlStore, tmp_path: Path) -> None:
    add_reviews(store)
    pipeline.update_ledger(store, from_scratch=True)
    expected = snapshot(store)
    incidents = expected[0][0]
    assert len(incidents) > 100
    assert sum('"killed_high": 77' in i for i in incidents) == 1  # the edit was applied
    assert sum("rejected by reviewer ed: moved id" in i for i in incidents) == 1

    report = pipeline.resolve_archive(store, workdir=tmp_path)
    assert snapshot(store) == expected
    # nothing to rewrite: every row's digest was already the stored one
    assert (report.ledger.inserted, report.ledger.deleted) == (0, 0)
    assert report.incidents == len(incidents) and report.from_scratch
    assert list(tmp_path.glob("resolve-*")) == []  # its spill files are gone


def test_a_streamed_ledger_is_a_state_the_next_ingest_continues(
    store: SqlStore, tmp_path: Path
) -> None:
    """Streamed first (no ledger yet, a store of another shape): an incremental run
    after it finds nothing to do, and adding articles then equals resolving from scratch."""
    pipeline.resolve_archive(store)
    first = snapshot(store)
    again = pipeline.update_ledger(store)
    assert not again.from_scratch
    assert (again.ledger.inserted, again.ledger.deleted) == (0, 0)
    assert snapshot(store) == first

    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps(r) + "\n" for r in iter_synthetic(60, seed=6)),
                    encoding="utf-8")
    later = resolve_set_files(tmp_path / "set2", 64)[40:]  # the set's other reports
    report = pipeline.run([str(more), *map(str, later)], store)
    assert not report.from_scratch and len(report.ingest.ingested) == 60 + len(later)
    incremental = snapshot(store)
    pipeline.resolve_archive(store)
    assert snapshot(store) == incremental


def test_an_ingest_into_a_large_store_resolves_in_passes_from_the_saved_links(
    store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past STREAM_ABOVE mentions update_ledger resolves in passes, reusing the saved links:
    only the pairs of new or changed mentions are scored, and the ledger and the state equal
    a from-scratch resolve, after mentions were deleted, re-extracted differently and added
    (with reviews in the store)."""
    add_reviews(store)
    pipeline.update_ledger(store)
    monkeypatch.setattr(pipeline, "STREAM_ABOVE", 0)
    by_article: dict[str, list[Mention]] = {}
    for m in store.mentions(kind="event"):
        by_article.setdefault(m.article_id, []).append(m)
    first, second = sorted(by_article)[:2]
    store.replace_mentions(first, [])  # deleted
    store.replace_mentions(second, [m.model_copy(update={"killed_low": 40, "killed_high": 40})
                                    for m in by_article[second]])  # read differently
    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps(r) + "\n" for r in iter_synthetic(30, seed=6)),
                    encoding="utf-8")
    pipeline.ingest([str(more), *map(str, resolve_set_files(tmp_path / "s2", 64)[40:])], store)
    pipeline.extract_pending(store)

    scored: list[int] = []

    def predictor(table: pa.Table) -> list[tuple[str, str, float]]:
        scored.append(table.num_rows)
        return predict_duckdb(table)

    report = pipeline.update_ledger(store, predictor=predictor)
    assert not report.from_scratch
    events = store.count_mentions() - sum(1 for _ in store.mentions(kind="tally"))
    assert len(scored) == 1 and 2 <= scored[0] < events / 2, (scored, events)
    incremental = snapshot(store)
    assert incremental[0] == from_scratch(store)
    gone = {m.id for m in by_article[first]}
    assert gone and not gone & set(incremental[3])  # type: ignore[call-overload]
    pipeline.resolve_archive(store)
    assert snapshot(store) == incremental
    again = pipeline.update_ledger(store, predictor=predictor)  # nothing new: nothing scored
    assert len(scored) == 1 and (again.ledger.inserted, again.ledger.deleted) == (0, 0)

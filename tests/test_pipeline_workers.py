"""`ingest --workers N` stores exactly what one worker stores.

With a pool each worker reads its chunk of articles from the store, extracts it and writes
the mentions itself (pipeline.extract_and_store), so the rows written must not depend on
which process wrote them or in what order the chunks finished: the same articles (and the
reader that read each), the same mentions, the same ledger. Checked on SQLite and on the
real PostgreSQL server (the workers open their own connections to it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from strikewatch import pipeline
from strikewatch.batch.synthetic import iter_synthetic
from strikewatch.store import IncidentQuery, open_store


def _canonical(record: BaseModel) -> str:
    """JSON with sorted keys: PostgreSQL's JSONB does not keep the key order of a dict."""
    return json.dumps(record.model_dump(mode="json"), sort_keys=True)


def _run(db: str, archive: Path, workers: int) -> tuple[pipeline.PipelineReport,
                                                       dict[str, list[Any]]]:
    store = open_store(db)
    try:
        report = pipeline.run([str(archive)], store, workers=workers)
        stored = {
            "articles": sorted((a.id, a.origin_id, a.published, a.extracted_by)
                               for a in store.articles()),
            "unextracted": store.unextracted_article_ids(),
            "mentions": sorted(_canonical(m) for m in store.mentions()),
            "incidents": [_canonical(i) for i in store.incidents(IncidentQuery(limit=0))],
            "tallies": [_canonical(t) for t in store.tallies()],
        }
    finally:
        store.close()
    return report, stored


def test_two_workers_store_what_one_worker_stores(db_url: str, tmp_path: Path) -> None:
    records = list(iter_synthetic(160, seed=19))
    records[40] = {**records[40], "text": "x" * (pipeline.MAX_EXTRACT_CHARS + 1)}  # skipped
    archive = tmp_path / "archive.jsonl"
    archive.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    one, ref = _run(f"sqlite:///{tmp_path / 'one-worker.db'}", archive, workers=1)
    two, got = _run(db_url, archive, workers=2)

    assert len(ref["articles"]) == 160 and len(ref["mentions"]) > 160
    # every article marked with its reader, but the one too long to read
    assert sum(1 for a in ref["articles"] if not a[3]) == 1
    assert got == ref
    assert (two.extracted, two.mentions, two.incidents) == (one.extracted, one.mentions,
                                                            one.incidents)
    assert [a for a, _ in two.extract_skipped] == [a for a, _ in one.extract_skipped]
    assert len(one.extract_skipped) == 1 and one.extracted == 159

"""Two `strikewatch ingest` processes writing one database at once lose and duplicate nothing.

The two inputs share most of their articles, in the same order, so both processes race to
store (and extract, and resolve) the same articles at the same moments; each also has
articles of its own. The result must equal one clean, sequential ingest of both inputs:
every article once, every mention once, and the ledger a fresh resolution would give.
Runs on SQLite (one writer at a time, waits on the lock) and on the real PostgreSQL server
(truly concurrent transactions, unique constraints and row locks).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from strikewatch import pipeline
from strikewatch.batch.synthetic import iter_synthetic
from strikewatch.store import IncidentQuery, open_store

ROOT = Path(__file__).resolve().parent.parent


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def canonical(record: BaseModel) -> str:
    """JSON with sorted keys: PostgreSQL's JSONB does not keep the key order of a dict."""
    return json.dumps(record.model_dump(mode="json"), sort_keys=True)


def _snapshot(db: str) -> dict[str, list[Any]]:
    store = open_store(db)
    try:
        return {
            "articles": sorted((a.id, a.url, a.origin_id) for a in store.articles()),
            "mentions": sorted(canonical(m) for m in store.mentions()),
            "incidents": [canonical(i) for i in store.incidents(IncidentQuery(limit=0))],
            "tallies": [canonical(t) for t in store.tallies()],
        }
    finally:
        store.close()


def _run_at_once(commands: list[list[str]], cwd: Path) -> list[str]:
    """Start every `strikewatch` command at the same moment; each must end cleanly.

    Returns their standard outputs, in order.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-m", "strikewatch", *args], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
        for args in commands
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, f"{out}\n{err}"
        assert "Traceback" not in err, err
    return [out for out, _ in outputs]


def _sequential_snapshot(tmp_path: Path, inputs: list[Path]) -> dict[str, list[Any]]:
    """The reference: one clean sequential ingest of the same inputs, in a store of its own."""
    ref_db = f"sqlite:///{tmp_path / 'reference.db'}"
    ref_store = open_store(ref_db)
    try:
        pipeline.run([str(p) for p in inputs], ref_store)
    finally:
        ref_store.close()
    return _snapshot(ref_db)


def test_two_ingest_processes_at_once(db_url: str, tmp_path: Path) -> None:
    records = list(iter_synthetic(70, seed=31))
    shared, own_a, own_b = records[:50], records[50:60], records[60:]
    input_a = _write(tmp_path / "a.jsonl", [*own_a[:5], *shared, *own_a[5:]])
    input_b = _write(tmp_path / "b.jsonl", [*own_b[:5], *shared, *own_b[5:]])

    outputs = _run_at_once(
        [["ingest", str(path), "--db", db_url] for path in (input_a, input_b)], tmp_path)
    for out in outputs:
        assert "extract failed" not in out, out

    got = _snapshot(db_url)
    articles = got["articles"]
    assert len(articles) == 70
    assert len({a[1] for a in articles}) == 70

    ref = _sequential_snapshot(tmp_path, [input_a, input_b])
    assert [a[:2] for a in articles] == [a[:2] for a in ref["articles"]]
    assert got["mentions"] == ref["mentions"]
    assert got["incidents"] == ref["incidents"]
    assert got["tallies"] == ref["tallies"]


def test_two_batches_at_once(db_url: str, tmp_path: Path) -> None:
    """Two `strikewatch batch` runs over overlapping archives (shared part in opposite
    orders, so their group inserts collide) store every article once, mentions once."""
    records = list(iter_synthetic(90, seed=41))
    shared, own_a, own_b = records[:60], records[60:75], records[75:]
    input_a = _write(tmp_path / "a.jsonl", [*shared, *own_a])
    input_b = _write(tmp_path / "b.jsonl", [*own_b, *reversed(shared)])
    _run_at_once(
        [["batch", str(path), "--engine", "local", "--db", db_url,
          "--out", str(tmp_path / f"out-{path.stem}")] for path in (input_a, input_b)],
        tmp_path)

    got = _snapshot(db_url)
    articles = got["articles"]
    assert len(articles) == 90 and len({a[1] for a in articles}) == 90

    ref = _sequential_snapshot(tmp_path, [input_a, input_b])
    assert got["mentions"] == ref["mentions"]
    assert len(got["incidents"]) == len(ref["incidents"])


def test_an_ingest_and_a_batch_at_once(db_url: str, tmp_path: Path) -> None:
    """`strikewatch ingest` and `strikewatch batch` on one store at once: the batch's bulk
    load takes the writers' lock ingest takes and reads the signatures stored meanwhile,
    so every article is stored once, every mention once, and a wire copy stored by one
    process is linked to the origin the other stored (never counted as its own story)."""
    records = list(iter_synthetic(80, seed=53))
    shared, own_a, own_b = records[:40], records[40:60], records[60:]
    # wire copies: the same story under another outlet's URL with its dateline changed
    copies = [{**r, "url": f"{r['url']}?wire=copy",
               "text": "(Wire) " + r["text"]} for r in own_b[:10]]
    input_a = _write(tmp_path / "a.jsonl", [*own_a[:5], *shared, *copies, *own_a[5:]])
    input_b = _write(tmp_path / "b.jsonl", [*own_b, *reversed(shared)])
    outputs = _run_at_once(
        [["ingest", str(input_a), "--db", db_url],
         ["batch", str(input_b), "--engine", "local", "--db", db_url,
          "--out", str(tmp_path / "out-b")]], tmp_path)
    assert "extract failed" not in outputs[0], outputs[0]

    got = _snapshot(db_url)
    articles = got["articles"]
    assert len(articles) == 90 and len({a[1] for a in articles}) == 90
    origin = {url: origin_id for _, url, origin_id in articles}
    ids = {url: article_id for article_id, url, _ in articles}
    for record, copy in zip(own_b[:10], copies, strict=True):
        # whichever process stored its text first is the origin of the other
        assert origin[record["url"]] == origin[copy["url"]]
        assert origin[record["url"]] in (ids[record["url"]], ids[copy["url"]])

    ref = _sequential_snapshot(tmp_path, [input_a, input_b])
    assert got["mentions"] == ref["mentions"]
    # as many independent stories as one process storing both inputs finds
    assert len({a[2] for a in articles}) == len({a[2] for a in ref["articles"]}) < 90
    store = open_store(db_url)
    try:
        assert store.unextracted_article_ids() == []
    finally:
        store.close()

"""Ingest throughput against a bare baseline, measured in the same process.

Baseline: read each file and INSERT it with sqlite3, one transaction per article (the same
durability strikewatch gives). strikewatch: the full ingest (decode, content hash, MinHash
and LSH lookup, dedup checks, SQLAlchemy write). Prints both rates and their ratio.

    PYTHONPATH=. python bench/ingest_bench.py [N]
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from strikewatch.ingest import ingest
from strikewatch.store import open_store

WORDS = ("patrol convoy harbour ministry statement village morning reporters officials vessel "
         "coast market bridge road council weather river season crews strike killed said").split()


def make_corpus(folder: Path, n: int) -> None:
    rng = random.Random(11)
    folder.mkdir(parents=True)
    for i in range(n):
        body = " ".join(rng.choice(WORDS) for _ in range(250))
        (folder / f"{i:05d}.txt").write_text(f"Item {i}. {body}.", encoding="utf-8")


def baseline(folder: Path, db: Path) -> float:
    start = time.perf_counter()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, source TEXT, text TEXT)")
    for path in sorted(folder.iterdir()):
        with con:
            con.execute("INSERT INTO a (source, text) VALUES (?, ?)",
                        (str(path), path.read_text(encoding="utf-8")))
    con.close()
    return time.perf_counter() - start


def strikewatch_ingest(folder: Path, db: Path) -> float:
    start = time.perf_counter()
    store = open_store(str(db))
    report = ingest([str(folder)], store)
    store.close()
    elapsed = time.perf_counter() - start
    assert len(report.ingested) == len(list(folder.iterdir())), report.summary()
    return elapsed


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        make_corpus(folder, n)
        base = baseline(folder, Path(tmp) / "base.db")
        ours = strikewatch_ingest(folder, Path(tmp) / "sw.db")
    print(f"articles: {n}")
    print(f"baseline (read + sqlite3 insert): {n / base:8.0f} articles/s")
    print(f"strikewatch ingest:              {n / ours:8.0f} articles/s")
    print(f"ratio strikewatch/baseline time:  {ours / base:8.2f}x")


if __name__ == "__main__":
    main()

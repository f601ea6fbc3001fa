"""What recovering publication dates and detecting languages costs ingest, in one process.

The demo corpus (strikewatch/samples, 20 articles, one of them an HTML page) is ingested
into fresh SQLite stores twice per round: as shipped (each article supplies `published`
and `language`, so neither is looked for) and stripped of both fields (every article goes
through lingua and, for the HTML page, htmldate; each undated one is tried against its
URL). The first stripped run also pays loading lingua's models, reported apart.
Prints the median seconds of each and their ratio.

    PYTHONPATH=. python bench/ingest_metadata.py [ROUNDS]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from strikewatch.ingest import ingest
from strikewatch.store import open_store

SAMPLES = Path(__file__).resolve().parent.parent / "strikewatch" / "samples"


def stripped_copy(folder: Path) -> Path:
    """The samples without `published` and `language`: what mirrors and dumps look like."""
    out = folder / "stripped"
    out.mkdir()
    for path in sorted(SAMPLES.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        item.pop("published", None)
        item.pop("language", None)
        (out / path.name).write_text(json.dumps(item), encoding="utf-8")
    return out


def timed_ingest(source: Path, db: Path) -> float:
    store = open_store(str(db))
    try:
        start = time.perf_counter()
        report = ingest([str(source)], store)
        elapsed = time.perf_counter() - start
    finally:
        store.close()
    assert len(report.ingested) == 20, report.summary()
    return elapsed


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stripped = stripped_copy(folder)
        timed_ingest(SAMPLES, folder / "warm.db")  # imports, trafilatura's first parse
        cold = timed_ingest(stripped, folder / "cold.db")  # + lingua's models, once
        shipped, bare = [], []
        for i in range(rounds):
            shipped.append(timed_ingest(SAMPLES, folder / f"s{i}.db"))
            bare.append(timed_ingest(stripped, folder / f"b{i}.db"))
    a, b = statistics.median(shipped), statistics.median(bare)
    print(f"demo corpus: 20 articles, {rounds} rounds, median seconds")
    print(f"as shipped (published, language supplied): {a:.4f} s")
    print(f"stripped (dates recovered, language detected): {b:.4f} s")
    print(f"first stripped run (loads lingua's models):  {cold:.4f} s")
    print(f"ratio stripped/shipped: {b / a:.2f}x")


if __name__ == "__main__":
    main()

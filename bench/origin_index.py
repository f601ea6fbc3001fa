"""Memory of the near-duplicate origin index per article: ours vs datasketch's MinHashLSH.

    PYTHONPATH=. .venv/bin/python bench/origin_index.py --articles 20000

A batch keeps the index of every article of the archive (strikewatch.ingest.neardup); this
measures what each article costs in it. Signatures are made from the synthetic archive's
texts once, then indexed by both (the baseline: MinHashLSH plus the signatures as
LeanMinHash objects, as the index was written before), each measured with tracemalloc.
Printed: bytes per article each, and the ratio (ours / baseline).
"""

from __future__ import annotations

import argparse
import tracemalloc
from collections.abc import Callable

from datasketch import LeanMinHash, MinHashLSH

from bench.scale import synthetic_archive
from strikewatch.batch.archive import iter_articles
from strikewatch.ingest.neardup import CANDIDATE_THRESHOLD, NUM_PERM, OriginIndex, minhash


def measure(build: Callable[[], object]) -> tuple[int, object]:
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = build()
    size = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return size, kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=20000)
    args = ap.parse_args()
    errors: list[str] = []
    sigs = [(a.id, minhash(a.text))
            for a in iter_articles(synthetic_archive(args.articles, 7), errors)]
    n = len(sigs)

    def ours() -> object:
        index = OriginIndex()
        for aid, mh in sigs:
            index.add(aid, aid, mh)
        return index

    def baseline() -> object:
        lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
        kept: dict[str, LeanMinHash] = {}
        origins: dict[str, str] = {}
        for aid, mh in sigs:
            copy = LeanMinHash(mh)  # the index held its own signature objects
            lsh.insert(aid, copy)
            kept[aid], origins[aid] = copy, aid
        return lsh, kept, origins

    base_bytes, _ = measure(baseline)
    our_bytes, _ = measure(ours)
    print(f"{n} articles: MinHashLSH + signatures {base_bytes / n:,.0f} B per article, "
          f"ours {our_bytes / n:,.0f} B per article; ratio {our_bytes / base_bytes:.2f}x")


if __name__ == "__main__":
    main()

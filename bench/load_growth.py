"""Does the load phase of `strikewatch batch` stay linear in time and flat in memory?

    PYTHONPATH=. python bench/load_growth.py [--sizes 5000,20000] [--seed 7]
                                             [--article-batch N] [--mention-batch N]

For each size a synthetic archive (strikewatch.batch.synthetic) is written and extracted
once into bench/out/load-growth-N/ (the extraction is not what is measured). Then the load
phase alone (strikewatch.batch.load: load_articles, then load_mentions; no resolution) runs
on a fresh SQLite store in a fresh child process per run, so each peak memory is its own,
with two mention loaders:

- `streamed`: the loader as it is (mentions streamed a write group at a time);
- `in-memory`: the loader as it was, every extracted mention read into one dict first
  (re-implemented here as the baseline).

Printed per run: seconds for the articles and the mentions; the cost per article of the
first and last fifth of the write groups, and their ratio (1.0 = flat: the store's size does
not slow the load); the pages SQLite wrote per article (WAL frames) in those fifths; and the
peak RSS of the child. Then the memory ratio of the largest size to the smallest for each
loader (1.0 = flat) and the streamed loader's peak against the in-memory one.
`--article-batch` / `--mention-batch` override the group sizes (to compare with 500, the
article group size before this benchmark).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
FRAME = 4096 + 24  # one WAL frame: a page and its header (SQLite's default page size)


def prepare(size: int, seed: int) -> Path:
    """bench/out/load-growth-N/ with archive.jsonl and mentions/ (made once, then reused)."""
    from strikewatch.batch.local import extract_local
    from strikewatch.batch.synthetic import write_archive

    folder = OUT / f"load-growth-{size}-s{seed}"
    done = folder / "extracted"
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        archive = write_archive(folder / "archive.jsonl", size, seed=seed)
        extract_local(archive, folder / "mentions", min(2, os.cpu_count() or 1),
                      "strikewatch-rules")
        done.touch()
    return folder


class Meter:
    """Per group: articles in it, seconds, WAL frames written (auto-checkpoint is off and
    the WAL is emptied after each group, so its size is what the group wrote)."""

    def __init__(self, wal: Path, checkpoint: Callable[[], None]) -> None:
        self.wal, self.checkpoint = wal, checkpoint
        self.groups: list[tuple[int, float, int]] = []

    def around(self, call: Callable[..., Any], count: Callable[..., int]) -> Callable[..., Any]:
        def measured(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            out = call(*args, **kwargs)
            took = time.perf_counter() - t0
            frames = self.wal.stat().st_size // FRAME if self.wal.exists() else 0
            self.groups.append((count(*args), took, frames))
            self.checkpoint()
            return out
        return measured

    def fifths(self) -> dict[str, float]:
        """ms and pages per article in the first and the last fifth of the groups."""
        q = max(1, len(self.groups) // 5)
        out: dict[str, float] = {}
        for name, part in (("early", self.groups[:q]), ("late", self.groups[-q:])):
            n = sum(g[0] for g in part) or 1
            out[f"{name}_ms"] = 1000 * sum(g[1] for g in part) / n
            out[f"{name}_pages"] = sum(g[2] for g in part) / n
        return out


def in_memory_groups(mentions_dir: Path, article_ids: Sequence[str],
                     size: int) -> Iterator[dict[str, list[Any]]]:
    """The loader before streaming: every mention of the archive in one dict first."""
    from strikewatch.batch.mentions import iter_rows
    from strikewatch.records import Mention

    by_article: dict[str, dict[str, Mention]] = defaultdict(dict)
    for article_id, mention_id, _kind, data, error, _by in iter_rows(mentions_dir):
        if error is None and data is not None and article_id is not None and mention_id:
            by_article[article_id][mention_id] = Mention.model_validate_json(data)
    extracted = {aid: [ms[k] for k in sorted(ms)] for aid, ms in by_article.items()}
    for start in range(0, len(article_ids), size):
        yield {aid: extracted.get(aid, []) for aid in article_ids[start : start + size]}


def one_run(folder: Path, loader: str, article_batch: int | None,
            mention_batch: int | None) -> dict[str, Any]:
    """Child-process body: the load phase on a fresh store; what it measured."""
    import sqlalchemy as sa

    from strikewatch.batch import load
    from strikewatch.batch.archive import iter_articles
    from strikewatch.store import open_store

    if article_batch:
        load.ARTICLE_BATCH = article_batch
    if mention_batch:
        load.WRITE_BATCH = mention_batch
    db = folder / f"store-{loader}.db"
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    store: Any = open_store(f"sqlite:///{db}")

    @sa.event.listens_for(store.engine, "connect")
    def _no_autocheckpoint(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA wal_autocheckpoint = 0")

    store.engine.dispose()

    def checkpoint() -> None:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    arts, ments = Meter(Path(f"{db}-wal"), checkpoint), Meter(Path(f"{db}-wal"), checkpoint)
    store.add_articles = arts.around(store.add_articles, lambda items, *_a, **_k: len(items))
    store.replace_mentions_many = ments.around(store.replace_mentions_many, len)
    if loader == "in-memory":
        load.mention_groups = in_memory_groups  # type: ignore[assignment]

    result = load.LoadResult()
    t0 = time.perf_counter()
    new, known = load.load_articles(store, iter_articles(folder / "archive.jsonl"), result)
    t1 = time.perf_counter()
    load.load_mentions(store, folder / "mentions", sorted(new | known), result)
    t2 = time.perf_counter()
    store.close()
    return {"articles": result.articles_new, "mentions": result.mentions,
            "articles_s": t1 - t0, "mentions_s": t2 - t1,
            "a": arts.fifths(), "m": ments.fifths(),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_before_mb": rss_before}


def measure(folder: Path, loader: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--one", str(folder), "--loader", loader]
    if args.article_batch:
        cmd += ["--article-batch", str(args.article_batch)]
    if args.mention_batch:
        cmd += ["--mention-batch", str(args.mention_batch)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({folder.name}, {loader}):\n{proc.stderr[-3000:]}")
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="5000,20000", help="comma-separated article counts")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--loaders", default="streamed,in-memory")
    ap.add_argument("--article-batch", type=int, default=0)
    ap.add_argument("--mention-batch", type=int, default=0)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--loader", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.one:  # child process
        print(json.dumps(one_run(Path(args.one), args.loader, args.article_batch,
                                 args.mention_batch)))
        return

    from strikewatch.batch import load

    sizes = sorted(int(s) for s in args.sizes.split(",") if s)
    loaders = [x for x in args.loaders.split(",") if x]
    print(f"# load phase growth, {os.cpu_count()} CPUs, python {sys.version.split()[0]}; "
          f"articles per transaction {args.article_batch or load.ARTICLE_BATCH}, mentions' "
          f"articles per transaction {args.mention_batch or load.WRITE_BATCH}")
    print(f"{'loader':9} {'articles':>8} {'mentions':>8} {'art s':>6} {'ment s':>6} "
          f"{'art ms/a early→late':>20} {'ratio':>5} {'pages/a':>11} "
          f"{'ment ms/a early→late':>21} {'ratio':>5} {'pages/a':>11} {'peak MB':>7}")
    runs: dict[tuple[str, int], dict[str, Any]] = {}
    for size in sizes:
        folder = prepare(size, args.seed)
        for loader in loaders:
            r = runs[(loader, size)] = measure(folder, loader, args)
            a, m = r["a"], r["m"]
            print(f"{loader:9} {r['articles']:>8} {r['mentions']:>8} {r['articles_s']:>6.1f} "
                  f"{r['mentions_s']:>6.1f} {a['early_ms']:>9.3f}→{a['late_ms']:<9.3f} "
                  f"{a['late_ms'] / a['early_ms']:>5.2f} "
                  f"{a['early_pages']:>5.2f}→{a['late_pages']:<5.2f} "
                  f"{m['early_ms']:>10.3f}→{m['late_ms']:<9.3f} "
                  f"{m['late_ms'] / m['early_ms']:>5.2f} "
                  f"{m['early_pages']:>5.2f}→{m['late_pages']:<5.2f} {r['rss_mb']:>7.0f}",
                  flush=True)
    lo, hi = sizes[0], sizes[-1]
    print(f"\n# peak memory of the load phase, {hi} vs {lo} articles (1.00 = flat)")
    for loader in loaders:
        print(f"{loader:9} {runs[(loader, hi)]['rss_mb']:.0f} / "
              f"{runs[(loader, lo)]['rss_mb']:.0f} MB = "
              f"{runs[(loader, hi)]['rss_mb'] / runs[(loader, lo)]['rss_mb']:.2f}x")
    if {"streamed", "in-memory"} <= set(loaders):
        for size in sizes:
            s, b = runs[("streamed", size)], runs[("in-memory", size)]
            print(f"{size} articles: streamed peak / in-memory peak = "
                  f"{s['rss_mb'] / b['rss_mb']:.2f}x; mentions time "
                  f"{s['mentions_s'] / b['mentions_s']:.2f}x")


if __name__ == "__main__":
    main()

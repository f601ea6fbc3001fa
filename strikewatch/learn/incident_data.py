"""The dev ledgers, built once and cached, for training the incident confidence model.

Each dev ledger gold's articles are ingested together (evaluate_ledger.build_ledger, what
`strikewatch eval --ledger` runs: extraction is the slow part) and the stored mentions and
articles are kept in a gzip'd JSON file per ledger. Resolution is then re-run in memory
from the cache (`resolve_cached`), with or without the confidence step, as often as the
experiments need, and scored by the ledger scorer itself (evaluate_ledger.score_ledger).
Held-out ledgers are never listed here; nor are the batches other helpers are writing.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from strikewatch.learn.batches import DEV_LEDGERS
from strikewatch.records import Article, Incident, Mention


@dataclass
class CachedLedger:
    """One dev ledger's stored mentions and articles, and which article each gold became."""

    name: str
    mentions: list[Mention]
    articles: dict[str, Article]  # id -> article
    by_gold: dict[str, str | None]  # gold file name -> stored article id
    crashed: list[tuple[str, str]]


def cache_ledger(gold: Path, out: Path) -> None:
    """Ingest one ledger gold's articles (as the ledger scorer does) and save what
    resolution reads."""
    from strikewatch.evaluate_ledger import build_ledger, load_ledger_gold
    from strikewatch.store import open_store

    lg = load_ledger_gold(gold)
    with tempfile.TemporaryDirectory(prefix="incfilter-") as tmp:
        built = build_ledger(lg.golds, Path(tmp))
        store = open_store(str(Path(tmp) / "ledger.db"))
        try:
            mentions = [m.model_dump(mode="json") for m in store.mentions()]
            articles = [a.model_dump(mode="json") for a in store.articles()]
        finally:
            store.close()
    data = {"name": gold.stem, "mentions": mentions, "articles": articles,
            "by_gold": {k: (a.id if a else None) for k, a in built.articles.items()},
            "crashed": built.crashed,
            "ledger": [i.model_dump(mode="json") for i in built.incidents]}
    with gzip.open(out, "wt", encoding="utf-8") as f:
        json.dump(data, f)


def load_cached(path: Path) -> CachedLedger:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    arts = {a["id"]: Article.model_validate(a) for a in data["articles"]}
    return CachedLedger(data["name"], [Mention.model_validate(m) for m in data["mentions"]],
                        arts, data["by_gold"], [tuple(c) for c in data["crashed"]])


def resolve_cached(c: CachedLedger,
                   step: Callable[[list[Incident]], list[Incident]] | None = None
                   ) -> list[Incident]:
    """The ledger of a cached dev ledger, resolved in memory (as `resolve` does)."""
    from strikewatch.resolve import resolve

    incidents, _ = resolve(c.mentions, c.articles)
    return step(incidents) if step is not None else incidents


def main() -> None:
    import sys

    root = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/gold/ledger")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/incfilter-cache")
    out.mkdir(parents=True, exist_ok=True)
    for name in DEV_LEDGERS:
        target = out / f"{name}.json.gz"
        if not target.exists():
            cache_ledger(root / f"{name}.json", target)
            print("cached", name, flush=True)


if __name__ == "__main__":
    main()

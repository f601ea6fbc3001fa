"""The dev ledgers, built once and cached, for training the incident confidence model.

Each dev ledger gold's articles are ingested together (evaluate_ledger.build_ledger, what
`strikewatch eval --ledger` runs: extraction is the slow part) through the cache every
resolver trainer shares (learn/ledger_cache: one build per ledger, keyed by the code version
and the inputs, so never stale; `train_linking` reads the same builds). Resolution is then
re-run in memory (`resolve_cached`), with or without the confidence step, as often as the
experiments need, and scored by the ledger scorer itself (evaluate_ledger.score_ledger).
Held-out ledgers are never listed here; nor are the batches other helpers are writing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from strikewatch.learn import ledger_cache
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


def load_cached(name: str, where: Path | None = None) -> CachedLedger:
    """The dev ledger `name` as the code now builds it (ledger_cache: built once, kept)."""
    c = ledger_cache.built_ledger(name, where, log=lambda s: print(s, flush=True))
    return CachedLedger(c.name, list(c.mentions), dict(c.articles),
                        {k: (a.id if a else None) for k, a in c.by_gold.items()},
                        [tuple(x) for x in c.crashed])  # type: ignore[misc]


def resolve_cached(c: CachedLedger,
                   step: Callable[[list[Incident]], list[Incident]] | None = None
                   ) -> list[Incident]:
    """The ledger of a cached dev ledger, resolved in memory (as `resolve` does)."""
    from strikewatch.resolve import resolve

    incidents, _ = resolve(c.mentions, c.articles)
    return step(incidents) if step is not None else incidents


def main() -> None:
    """Build (or find) every dev ledger in the shared cache: `python -m
    strikewatch.learn.incident_data [CACHE_DIR]`."""
    import sys

    where = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    for name in DEV_LEDGERS:
        load_cached(name, where)
        print("cached", name, flush=True)


if __name__ == "__main__":
    main()

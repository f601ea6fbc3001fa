"""The whole flow: ingest -> extract -> resolve -> store.

Each step is re-runnable: extraction runs for every article without stored mentions (new
ones, and any a killed run never got to), and resolution rebuilds the ledger from all
mentions and reviews. So running the pipeline again after an interruption converges to
the same store as one clean run.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from strikewatch import extract as extract_step
from strikewatch import resolve as resolve_step
from strikewatch.ingest import IngestOptions, IngestReport, ingest
from strikewatch.ingest.sources import Unit
from strikewatch.records import Article, Mention
from strikewatch.resolve.linking import Predictor
from strikewatch.store import Store


@dataclass
class PipelineReport:
    ingest: IngestReport = field(default_factory=IngestReport)
    extracted: int = 0
    mentions: int = 0
    extract_failures: list[tuple[str, str]] = field(default_factory=list)  # (article, why)
    incidents: int = 0
    tallies: int = 0


def extract_one(article: Article) -> tuple[str, list[Mention] | None, str | None]:
    """(article id, mentions, None) or (article id, None, why it failed); never raises,
    so one bad article cannot break a worker pool."""
    try:
        return article.id, extract_step.extract(article), None
    except Exception as exc:
        return article.id, None, f"{type(exc).__name__}: {exc}"


def extract_pending(
    store: Store,
    report: PipelineReport | None = None,
    on_article: Callable[[str], None] | None = None,
    workers: int = 1,
    batch: int = 64,
) -> PipelineReport:
    """Extract and store mentions for every article that has none stored yet.

    With `workers` > 1 extraction runs in a process pool; results are written by this
    process, one transaction per article, so an interruption loses no stored work.
    """
    report = report or PipelineReport()
    pending = store.unextracted_article_ids()
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 and len(pending) > 1 else None
    try:
        for i in range(0, len(pending), batch):
            chunk = pending[i : i + batch]
            found = store.get_articles(chunk)
            articles = [found[a] for a in chunk if a in found]
            if pool is not None:
                results = pool.map(extract_one, articles, chunksize=max(1, batch // workers))
            else:
                results = map(extract_one, articles)
            for article_id, mentions, error in results:
                if mentions is not None:
                    try:
                        store.replace_mentions(article_id, mentions)
                    except Exception as exc:  # e.g. duplicate mention ids from the extractor
                        error = f"{type(exc).__name__}: {exc}"
                    else:
                        report.extracted += 1
                        report.mentions += len(mentions)
                if error is not None:
                    report.extract_failures.append((article_id, error))
                if on_article is not None:
                    on_article(article_id)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return report


def rebuild_ledger(
    store: Store, report: PipelineReport | None = None, predictor: Predictor | None = None
) -> PipelineReport:
    """Resolve all stored mentions (with the reviews) and swap in the new ledger.

    `predictor`: where pairwise linking runs (resolve.linking; default DuckDB here).
    """
    report = report or PipelineReport()
    while True:
        # Another process (a second ingest) may store mentions while this one resolves;
        # if anything changed between reading and writing, this ledger may be stale and
        # could be the last one written, so resolve again. The last writer is then fresh.
        before = _ledger_inputs(store)
        mentions = list(store.mentions())
        articles = store.get_articles({m.article_id for m in mentions})
        incidents, tallies = resolve_step.resolve(
            mentions, articles, store.reviews(), predictor
        )
        store.replace_ledger(incidents, tallies)
        if _ledger_inputs(store) == before:
            break
    report.incidents, report.tallies = len(incidents), len(tallies)
    return report


def _ledger_inputs(store: Store) -> tuple[int, int, int]:
    """A cheap fingerprint of what the ledger is resolved from."""
    return store.count_articles(), store.count_mentions(), len(store.reviews())


def run(
    inputs: list[str],
    store: Store,
    options: IngestOptions | None = None,
    on_unit: Callable[[Unit], None] | None = None,
    workers: int = 1,
) -> PipelineReport:
    """Ingest the inputs, extract what is new, and rebuild the ledger."""
    report = PipelineReport(ingest=ingest(inputs, store, options, on_unit))
    extract_pending(store, report, workers=workers)
    rebuild_ledger(store, report)
    return report

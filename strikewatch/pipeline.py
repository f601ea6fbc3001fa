"""The whole flow: ingest -> extract -> resolve -> store.

Each step is re-runnable: extraction runs for every article without stored mentions (new
ones, and any a killed run never got to), and resolution brings the ledger up to date with
all stored mentions and reviews. So running the pipeline again after an interruption
converges to the same store as one clean run.

Resolution is incremental (update_ledger): the resolver's state is saved with the ledger,
in the same transaction, and each run resolves only what changed since — adding one
article re-scores its neighbourhood and rewrites only the incidents it touched — with a
result equal to resolving everything from scratch. Incident ids that an older article
moves are redirected to their new ids (store.incident_redirect; the API and the web
follow them).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from strikewatch import extract as extract_step
from strikewatch import resolve as resolve_step
from strikewatch.ingest import IngestOptions, IngestReport, ingest
from strikewatch.ingest.sources import Unit
from strikewatch.records import Article, Mention, Place
from strikewatch.resolve import streamed
from strikewatch.resolve.linking import Predictor
from strikewatch.store import LedgerWrite, ResolveSave, SavedResolve, StaleState, Store


@dataclass
class PipelineReport:
    ingest: IngestReport = field(default_factory=IngestReport)
    extracted: int = 0
    mentions: int = 0
    extract_failures: list[tuple[str, str]] = field(default_factory=list)  # (article, why)
    incidents: int = 0
    tallies: int = 0
    from_scratch: bool = False  # the last ledger update resolved everything (no usable state)
    ledger: LedgerWrite = field(default_factory=LedgerWrite)  # what it rewrote and kept
    timings: dict[str, float] = field(default_factory=dict)  # seconds: read, resolve, write


def extract_one(article: Article) -> tuple[str, list[Mention] | None, str | None]:
    """(article id, mentions, None) or (article id, None, why it failed); never raises,
    so one bad article cannot break a worker pool."""
    try:
        return article.id, extract_step.extract(article), None
    except Exception as exc:
        return article.id, None, f"{type(exc).__name__}: {exc}"


def extract_many(articles: list[Article]) -> list[tuple[str, list[Mention] | None, str | None]]:
    """extract_one over a chunk of articles: a pool worker's unit of work."""
    return [extract_one(a) for a in articles]


def extract_pending(
    store: Store,
    report: PipelineReport | None = None,
    on_article: Callable[[str], None] | None = None,
    workers: int = 1,
    batch: int = 64,
) -> PipelineReport:
    """Extract and store mentions for every article that has none stored yet.

    With `workers` > 1 extraction runs in a process pool, up to 2 x `workers` chunks of
    `batch` articles in flight, while this process stores the finished ones: each chunk's
    mentions in one transaction (Store.replace_mentions_many, as the batch load writes
    them), so storing neither waits for the pool nor pays a transaction per article. An
    interruption loses at most the chunks in flight; their articles stay unextracted and the
    next run extracts them.
    """
    report = report or PipelineReport()
    pending = store.unextracted_article_ids()
    # chunks small enough that every worker gets several, at most `batch` articles
    size = max(1, min(batch, -(-len(pending) // (4 * max(1, workers)))))
    chunks = [pending[i : i + size] for i in range(0, len(pending), size)]

    def articles_of(chunk: list[str]) -> list[Article]:
        found = store.get_articles(chunk)
        return [found[a] for a in chunk if a in found]

    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            _store_extracted(store, extract_many(articles_of(chunk)), report, on_article)
        return report
    # The first chunk here: it loads the extractor's models (~3 s), which workers forked
    # afterwards share instead of each loading them again (fork: Linux's default start).
    _store_extracted(store, extract_many(articles_of(chunks[0])), report, on_article)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        window: deque[Future[list[tuple[str, list[Mention] | None, str | None]]]] = deque()
        try:
            for chunk in chunks[1:]:
                window.append(pool.submit(extract_many, articles_of(chunk)))
                if len(window) >= 2 * workers:
                    _store_extracted(store, window.popleft().result(), report, on_article)
            while window:
                _store_extracted(store, window.popleft().result(), report, on_article)
        finally:
            for future in window:
                future.cancel()
    return report


def _store_extracted(
    store: Store,
    results: list[tuple[str, list[Mention] | None, str | None]],
    report: PipelineReport,
    on_article: Callable[[str], None] | None,
) -> None:
    """Store one chunk's mentions in one transaction; if the store refuses the group (e.g.
    an extractor gave one article duplicate mention ids), article by article, so only the
    faulty article is reported and the others are kept."""
    done = {aid: mentions for aid, mentions, _ in results if mentions is not None}
    errors = {aid: error for aid, _, error in results if error is not None}
    try:
        store.replace_mentions_many(done)
    except Exception:  # noqa: BLE001 - find the faulty article, keep the others
        for article_id, mentions in done.items():
            try:
                store.replace_mentions(article_id, mentions)
            except Exception as exc:
                errors[article_id] = f"{type(exc).__name__}: {exc}"
    for article_id, _, _ in results:
        if article_id in errors:
            report.extract_failures.append((article_id, errors[article_id]))
        else:
            report.extracted += 1
            report.mentions += len(done[article_id])
        if on_article is not None:
            on_article(article_id)


#: Resolve-and-write attempts before giving up (each retry follows another process's write).
MAX_ATTEMPTS = 50
#: A store holding more mentions than this is resolved in passes (resolve.streamed), also
#: incrementally: the in-memory update holds every mention as a record, ~25 KB each
#: (bench/ingest_after_batch.py measures both).
STREAM_ABOVE = 10_000


def rebuild_ledger(
    store: Store, report: PipelineReport | None = None, predictor: Predictor | None = None
) -> PipelineReport:
    """Bring the ledger up to date with the stored mentions and reviews (update_ledger)."""
    return update_ledger(store, report, predictor=predictor)


def update_ledger(
    store: Store,
    report: PipelineReport | None = None,
    from_scratch: bool = False,
    predictor: Predictor | None = None,
) -> PipelineReport:
    """Resolve what changed since the saved resolver state and write the ledger's diff.

    The saved state (links, clusters, a fingerprint per mention: store.load_resolve_state)
    is compared with the mentions in the store now, whoever put them there (this process,
    a batch load, another ingest, a re-extraction): new mentions and changed ones
    (fingerprint differs: re-extracted, or their article changed) are resolved against
    their neighbourhood, deleted or changed ones leave their components to be re-clustered
    (resolve.resume_state), and nothing else is re-scored. The result equals a
    from-scratch resolve of the same mentions (tests/test_pipeline_incremental.py). With no
    saved state, one of another STATE_VERSION, or `from_scratch`, everything is resolved.
    Reviews are re-applied to the whole ledger every run, so they always win.

    The new ledger and state are written in one transaction (store.write_ledger), only rows
    that changed. Two processes at once: a save based on a state another process replaced
    meanwhile is refused (StaleState) and this one resolves again; and if the inputs
    changed while resolving, it resolves again, so the last writer is fresh.

    `predictor`: where pairwise linking runs (resolve.linking; default DuckDB in this
    process; a batch on Spark passes batch.spark.spark_predictor) — the links are the same.

    A store of more than STREAM_ABOVE mentions (say, filled by a batch) is resolved by
    resolve_archive instead, in passes and from the saved links: the same ledger and state
    in bounded memory.
    """
    report = report or PipelineReport()
    if store.count_mentions() > STREAM_ABOVE:
        return resolve_archive(store, report, predictor, incremental=not from_scratch)
    state = resolve_step.ResolveState()

    def once() -> bool:
        nonlocal state
        t0 = time.perf_counter()
        saved = store.load_resolve_state()  # even from scratch: the base a save replaces
        mentions = list(store.mentions())
        articles = store.resolve_articles({m.article_id for m in mentions})
        reviews = store.reviews()
        prints = {m.id: resolve_step.fingerprint(m, articles.get(m.article_id))
                  for m in mentions}
        report.from_scratch = (from_scratch or saved is None
                               or saved.version != resolve_step.STATE_VERSION)
        seas = {} if report.from_scratch or saved is None else _saved_seas(saved, prints)
        # the text of an article is read only where a tally mention's seas must be found
        articles.update(store.resolve_articles(
            texts := {m.article_id for m in mentions if m.kind == "tally" and m.id not in seas},
            with_text=texts))
        t1 = time.perf_counter()
        if report.from_scratch or saved is None:
            state = resolve_step.resolve_state(mentions, articles, reviews, predictor)
        else:
            old = saved.members
            stale = [mid for mid, (_, fp) in old.items() if prints.get(mid) != fp]
            fresh = [m for m in mentions if m.id not in old or old[m.id][1] != prints[m.id]]
            kept = [m for m in mentions if m.id in old and old[m.id][1] == prints[m.id]]
            state, touched = resolve_step.resume_state(
                kept, articles, ((a, b, p) for (a, b), p in saved.edges.items()),
                {mid: key for mid, (key, _) in old.items() if key is not None}, stale)
            state.tally_seas.update(seas)  # valid: the mention and its article are unchanged
            resolve_step.resolve_incremental(state, fresh, {}, reviews, also_touched=touched,
                                             predictor=predictor)
        members: dict[str, tuple[str | None, str]] = {
            mid: (state.cluster_of.get(mid), prints[mid])
            for mid in (*state.events, *state.tallies)}
        save = ResolveSave(resolve_step.STATE_VERSION, state.edges(), members, saved,
                           _seas_to_save(state.tally_seas, members))
        t2 = time.perf_counter()
        try:
            report.ledger = store.write_ledger(state.incidents, state.tally_records, save)
        except StaleState:
            return False  # another process saved meanwhile: resolve again from its state
        report.timings = {"read": t1 - t0, "resolve": t2 - t1,
                          "write": time.perf_counter() - t2}
        return True

    _until_fresh(store, once)
    report.incidents, report.tallies = len(state.incidents), len(state.tally_records)
    return report


def resolve_archive(
    store: Store,
    report: PipelineReport | None = None,
    predictor: Predictor | None = None,
    workdir: Path | None = None,
    incremental: bool = False,
) -> PipelineReport:
    """update_ledger in bounded memory: from scratch (what a batch runs), or, when
    `incremental`, reusing the saved state's links (what an ingest into a large store runs).

    The same ledger and saved state, resolved by resolve.streamed in passes over the store
    (per mention only ids, fingerprints and links stay in memory; the incidents wait in a
    file under `workdir`, default a temporary folder, removed after).
    """
    report = report or PipelineReport()

    def once() -> bool:
        t0 = time.perf_counter()
        saved = store.load_resolve_state()  # the base the save replaces
        base = saved if incremental and saved is not None and (
            saved.version == resolve_step.STATE_VERSION) else None
        report.from_scratch = base is None
        reviews = store.reviews()
        with tempfile.TemporaryDirectory(prefix="resolve-", dir=workdir) as tmp:
            try:
                res = streamed.resolve_store(store, Path(tmp), reviews, predictor, base)
            except streamed.StoreChanged:
                return False
            try:
                save = ResolveSave(resolve_step.STATE_VERSION, res.edges, res.members, saved,
                                   _seas_to_save(res.seas, res.members))
                t1 = time.perf_counter()
                try:
                    report.ledger = store.write_ledger(res.incidents(), res.tallies, save)
                except StaleState:
                    return False
            finally:
                res.close()
        report.incidents, report.tallies = res.count, len(res.tallies)
        report.timings = {"resolve": t1 - t0, "write": time.perf_counter() - t1}
        return True

    _until_fresh(store, once)
    return report


def _until_fresh(store: Store, once: Callable[[], bool]) -> None:
    """Run `once` (resolve, then write the ledger; False when the write was refused as
    stale) until a write goes through with the ledger's inputs unchanged meanwhile, so the
    last ledger written by concurrent processes is never a stale one."""
    for _attempt in range(MAX_ATTEMPTS):
        before = _ledger_inputs(store)
        if once() and _ledger_inputs(store) == before:
            return
    raise RuntimeError(f"the ledger could not be written in {MAX_ATTEMPTS} attempts: other "
                       "processes kept changing the store or the resolver state")


def _seas_to_save(seas: Mapping[str, list[Place]],
                  members: Mapping[str, tuple[str | None, str]]) -> dict[str, tuple[str, str]]:
    """The seas of each tally mention as saved: (fingerprint, JSON list of places)."""
    return {mid: (members[mid][1], json.dumps([p.model_dump(mode="json") for p in places]))
            for mid, places in seas.items() if mid in members and members[mid][0] is None}


def _saved_seas(saved: SavedResolve, prints: dict[str, str]) -> dict[str, list[Place]]:
    """The saved seas of each tally mention whose fingerprint is unchanged."""
    return {mid: [Place.model_validate(p) for p in json.loads(text)]
            for mid, (fp, text) in saved.seas.items() if prints.get(mid) == fp}


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

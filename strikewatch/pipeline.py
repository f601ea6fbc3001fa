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

import tempfile
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from strikewatch import pool
from strikewatch import resolve as resolve_step
from strikewatch.ingest import IngestOptions, IngestReport, ingest
from strikewatch.ingest.language import has_reader, readable_languages
from strikewatch.ingest.sources import Unit
from strikewatch.records import Article, Mention
from strikewatch.resolve import streamed
from strikewatch.resolve.linking import Predictor
from strikewatch.store import LedgerWrite, ResolveSave, StaleState, Store

if TYPE_CHECKING:
    from strikewatch.extract.registry import Extractor


@dataclass
class PipelineReport:
    ingest: IngestReport = field(default_factory=IngestReport)
    extracted: int = 0
    mentions: int = 0
    extract_failures: list[tuple[str, str]] = field(default_factory=list)  # (article, why)
    # too long to extract at all: (article, why); marked extracted, so never retried
    extract_skipped: list[tuple[str, str]] = field(default_factory=list)
    # failed MAX_EXTRACT_ATTEMPTS times by the reader that would read it now: not tried
    # again (until that reader changes, or with retry_failed); (article, why)
    extract_held: list[tuple[str, str]] = field(default_factory=list)
    incidents: int = 0
    tallies: int = 0
    from_scratch: bool = False  # the last ledger update resolved everything (no usable state)
    ledger: LedgerWrite = field(default_factory=LedgerWrite)  # what it rewrote and kept
    timings: dict[str, float] = field(default_factory=dict)  # seconds: read, resolve, write
    # CPU seconds the pool's workers spent on their chunks (0 without a pool): their
    # processes are the fork server's children, so this process's rusage does not see them
    pool_cpu: float = 0.0
    # stored articles left unread because no reader reads their language: language -> count
    unread: dict[str, int] = field(default_factory=dict)


#: The longest text one extraction call reads. Extraction time grows faster than the text
#: (a 400 KB article took 23 s, a 1.6 MB one 255 s), so a longer article is extracted in
#: parts of at most this many characters, cut at paragraph (else line, sentence, word)
#: boundaries, and its mentions are mapped back onto the whole text: time grows with the
#: length, and no part costs more than a long news article. (bench/extract_long.py)
PART_CHARS = 50_000
#: The per-article budget: an article longer than this is not extracted at all. It is
#: recorded as skipped with the reason and marked extracted (no mentions), so it never
#: holds up the articles behind it, in this run or a later one. News articles are under
#: 100 KB; a longer text is a dump or a book and belongs split into articles.
MAX_EXTRACT_CHARS = 2_000_000
#: Failures in a row after which `extract_pending` stops retrying an article: a reader that
#: crashed on it three times will crash again, and every run would pay for it. A new
#: version of its reader (or `strikewatch ingest --retry-failed`) tries it again.
MAX_EXTRACT_ATTEMPTS = 3
_CUTS = ("\n\n", "\n", ". ", " ")


def text_parts(text: str, size: int = PART_CHARS) -> list[tuple[int, str]]:
    """(offset, part) slices of `text`, each at most `size` characters, cut at the last
    paragraph break (else line break, sentence end, space) that keeps a part at least half
    full; a part with none of those is cut at `size`."""
    parts: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = size
        for sep in _CUTS:
            at = window.rfind(sep)
            if at >= size // 2:
                cut = at + len(sep)
                break
        parts.append((start, text[start : start + cut]))
        start += cut
    parts.append((start, text[start:]))
    return parts


def _shift(tree: object, offset: int) -> None:
    """Move every span (a dict with article_id, start and end) in a dumped record."""
    if isinstance(tree, dict):
        if {"article_id", "start", "end"} <= tree.keys() and isinstance(tree["start"], int):
            tree["start"] += offset
            tree["end"] += offset
        for value in tree.values():
            _shift(value, offset)
    elif isinstance(tree, list):
        for value in tree:
            _shift(value, offset)


def extract_article(extractor: Extractor, article: Article) -> list[Mention]:
    """The article's mentions through the validating boundary (registry.checked), read
    whole or, past PART_CHARS, part by part with every span moved back onto the whole text."""
    from strikewatch.extract import registry

    if len(article.text) <= PART_CHARS:
        return registry.checked(extractor, article)
    found: dict[str, Mention] = {}
    for offset, part in text_parts(article.text):
        piece = article.model_copy(update={"text": part})  # same id, date and source
        for mention in registry.checked(extractor, piece):
            data = mention.model_dump(mode="python")
            _shift(data, offset)
            data["id"] = ""  # derived again from the shifted spans
            moved = Mention.model_validate(data)
            found.setdefault(moved.id, moved)
    return list(found.values())


def extract_one(
    article: Article, extractor: str | None = None
) -> tuple[str, list[Mention] | None, str | None, str]:
    """(article id, mentions, None, extracted_by) or (article id, None, why it failed,
    extracted_by); never raises, so one bad article cannot break a worker pool.

    The article is read by the extractor registered as `extractor` (default: the one for
    its language, extract.registry.for_language), through the validating boundary
    (registry.checked): an invalid mention is a failure of this article, never stored."""
    from strikewatch.extract import registry

    try:
        ex = registry.reader_for(article.language, extractor)
    except (KeyError, TypeError, registry.ExtractionError) as exc:
        return article.id, None, str(exc), extractor or ""
    label = registry.extracted_by(ex)
    try:
        return article.id, extract_article(ex, article), None, label
    except Exception as exc:
        return article.id, None, f"{type(exc).__name__}: {exc}", label


Extracted = tuple[str, list[Mention] | None, str | None, str]  # as extract_one returns
#: What storing one article's extraction came to: (article id, mentions stored or None,
#: why it failed or None, why it was skipped or None). Small, so a pool worker's answer
#: costs the parent nothing to unpickle.
Outcome = tuple[str, int | None, str | None, str | None]


def extract_many(articles: list[Article], extractor: str | None = None) -> list[Extracted]:
    """extract_one over a chunk of articles."""
    return [extract_one(a, extractor) for a in articles]


def extract_and_store(
    store: Store, article_ids: Sequence[str], extractor: str | None = None
) -> list[Outcome]:
    """Read, extract and store one chunk of articles: the unit of work of this process
    (one worker) and of each pool worker (several), so the pool scales the storing too.

    The chunk's mentions go in one transaction per reader (Store.replace_mentions_many);
    a group the store refuses is written article by article, so one bad article fails
    alone. A failure is recorded on its article (Store.record_extract_error); an article
    over MAX_EXTRACT_CHARS is marked extracted with no mentions (never retried)."""
    found = store.get_articles(article_ids)
    outcomes: dict[str, Outcome] = {}
    readable: list[Article] = []
    for article_id in article_ids:
        article = found.get(article_id)
        if article is None:
            continue
        if len(article.text) > MAX_EXTRACT_CHARS:
            store.replace_mentions(article_id, [])  # done with: never retried
            outcomes[article_id] = (article_id, None, None, (
                f"too long to extract: {len(article.text)} characters, over the "
                f"per-article budget of {MAX_EXTRACT_CHARS}; split it into "
                "articles and ingest those"))
            continue
        readable.append(article)
    results = extract_many(readable, extractor)
    errors = {aid: error for aid, _, error, _ in results if error is not None}
    groups: dict[str, dict[str, list[Mention]]] = {}
    for aid, mentions, _, label in results:
        if mentions is not None:
            groups.setdefault(label, {})[aid] = mentions
    for label, done in groups.items():
        try:
            store.replace_mentions_many(done, label or None)
        except Exception:  # noqa: BLE001 - find the faulty article, keep the others
            for article_id, mentions in done.items():
                try:
                    store.replace_mentions(article_id, mentions, label or None)
                except Exception as exc:
                    errors[article_id] = f"{type(exc).__name__}: {exc}"
    stored = {aid: ms for group in groups.values() for aid, ms in group.items()}
    for article_id, _, _, label in results:
        if article_id in errors:
            store.record_extract_error(article_id, errors[article_id], label or None)
            outcomes[article_id] = (article_id, None, errors[article_id], None)
        else:
            outcomes[article_id] = (article_id, len(stored[article_id]), None, None)
    return [outcomes[aid] for aid in article_ids if aid in outcomes]


#: This pool worker's own connection to the store (_start_worker).
_worker_store: Store | None = None


def _start_worker(url: str, readers: tuple[str, list[str]]) -> None:
    """Pool initializer: the worker opens the store itself (strikewatch.pool: a worker
    holds none of the caller's connections) and reads with the caller's readers
    (extract.registry.setup)."""
    global _worker_store
    from strikewatch.extract import registry
    from strikewatch.store import open_store

    registry.apply_setup(*readers)
    _worker_store = open_store(url)


def _extract_and_store_in_worker(
    article_ids: list[str], extractor: str | None
) -> tuple[list[Outcome], float]:
    """extract_and_store in a pool worker, with the CPU seconds it took."""
    assert _worker_store is not None, "the pool's initializer opens the store"
    start = time.process_time()
    outcomes = extract_and_store(_worker_store, article_ids, extractor)
    return outcomes, time.process_time() - start


def _shared_url(store: Store) -> str | None:
    """The URL other processes can open this store by; None for an in-memory SQLite
    database or a store that is not SQL (its pool workers then hand mentions back)."""
    from strikewatch.store import sqlite_path

    url = getattr(store, "url", None)
    if not isinstance(url, str):
        return None
    if url.startswith("sqlite") and sqlite_path(url) is None:
        return None
    return url


def extract_articles(
    store: Store,
    article_ids: Sequence[str],
    report: PipelineReport | None = None,
    on_article: Callable[[str], None] | None = None,
    workers: int = 1,
    batch: int = 64,
    extractor: str | None = None,
) -> PipelineReport:
    """Extract and store the mentions of these articles, replacing what was stored.

    With `workers` > 1 a pool of processes each reads its chunk of `batch` articles from
    the store, extracts it and stores the mentions (extract_and_store), up to 2 x
    `workers` chunks in flight; this process hands out article ids and tallies what comes
    back, so neither the articles' text nor their mentions pass between processes, and
    the storing runs in parallel as the extraction does (SQLite takes the writers in
    turn; each chunk is one short transaction). The stored rows are the same as with one
    worker (tests/test_pipeline_workers.py). An interruption loses at most the chunks in
    flight; their articles stay unextracted and the next run extracts them.
    """
    report = report or PipelineReport()
    # chunks small enough that every worker gets several, at most `batch` articles
    size = max(1, min(batch, -(-len(article_ids) // (4 * max(1, workers)))))
    chunks = [list(article_ids[i : i + size]) for i in range(0, len(article_ids), size)]

    def tally(outcomes: list[Outcome]) -> None:
        for article_id, count, error, skipped in outcomes:
            if skipped is not None:
                report.extract_skipped.append((article_id, skipped))
            elif error is not None:
                report.extract_failures.append((article_id, error))
            else:
                report.extracted += 1
                report.mentions += count or 0
            if on_article is not None:
                on_article(article_id)

    url = _shared_url(store)
    if workers <= 1 or len(chunks) <= 1 or url is None:
        for chunk in chunks:
            tally(extract_and_store(store, chunk, extractor))
        return report
    # The workers start from the fork server (strikewatch.pool), which loaded the
    # readers' models once; this process forks nothing.
    from strikewatch.extract import registry

    with pool.executor(workers, _start_worker, (url, registry.setup())) as workers_pool:
        window: deque[Future[tuple[list[Outcome], float]]] = deque()

        def take(future: Future[tuple[list[Outcome], float]]) -> None:
            outcomes, cpu = future.result()
            report.pool_cpu += cpu
            tally(outcomes)

        try:
            for chunk in chunks:
                window.append(workers_pool.submit(_extract_and_store_in_worker, chunk,
                                                  extractor))
                if len(window) >= 2 * workers:
                    take(window.popleft())
            while window:
                take(window.popleft())
        finally:
            for future in window:
                future.cancel()
    return report


def extract_pending(
    store: Store,
    report: PipelineReport | None = None,
    on_article: Callable[[str], None] | None = None,
    workers: int = 1,
    batch: int = 64,
    extractor: str | None = None,
    retry_failed: bool = False,
) -> PipelineReport:
    """Extract and store mentions for every article that has none stored yet (new ones,
    any a killed run never got to, and those whose last extraction failed) and whose
    language has a reader (ingest.language); the others stay unextracted, counted in
    `report.unread`, and a run after a reader for their language exists reads them.

    An article the reader that would read it now has failed on MAX_EXTRACT_ATTEMPTS
    times in a row is held back (listed in `report.extract_held`) unless `retry_failed`."""
    pending = store.unextracted_article_ids(readable_languages())
    report = report or PipelineReport()
    if not retry_failed:
        held = held_back(store, extractor)
        report.extract_held.extend(held)
        skip = {article_id for article_id, _ in held}
        pending = [a for a in pending if a not in skip]
    report = extract_articles(store, pending, report, on_article, workers, batch, extractor)
    report.unread = unread_languages(store)
    return report


def pending_count(store: Store, extractor: str | None = None,
                  retry_failed: bool = False) -> int:
    """How many articles extract_pending would read now (a progress bar's total)."""
    pending = store.unextracted_article_ids(readable_languages())
    if retry_failed:
        return len(pending)
    held = {article_id for article_id, _ in held_back(store, extractor)}
    return sum(1 for a in pending if a not in held)


def held_back(store: Store, extractor: str | None = None) -> list[tuple[str, str]]:
    """(article, why) of the articles that failed MAX_EXTRACT_ATTEMPTS times in a row
    by the very reader (name@version) that would read them now."""
    from strikewatch.batch.worker import reader_label

    labels: dict[str | None, str | None] = {}
    held = []
    for failed in store.failed_extractions():
        if failed.attempts < MAX_EXTRACT_ATTEMPTS:
            continue
        if failed.language not in labels:
            try:
                labels[failed.language] = reader_label(failed.language, extractor)
            except Exception:  # noqa: BLE001 - no reader now: extract_articles says why
                labels[failed.language] = None
        if labels[failed.language] == failed.failed_by:
            held.append((failed.article_id, (
                f"extraction failed {failed.attempts} times in a row by {failed.failed_by}; "
                f"not tried again until that reader changes (run with --retry-failed to "
                f"try now); last error: {failed.error}")))
    return held


def unread_languages(store: Store) -> dict[str, int]:
    """Stored articles no reader reads yet, by language: what a reader for it would add."""
    return {lang: n for lang, n in sorted(store.unextracted_by_language().items(),
                                          key=lambda kv: (-kv[1], kv[0] or ""))
            if lang is not None and not has_reader(lang)}


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
            resolve_step.resolve_incremental(state, fresh, {}, reviews, also_touched=touched,
                                             predictor=predictor)
        members: dict[str, tuple[str | None, str]] = {
            mid: (state.cluster_of.get(mid), prints[mid])
            for mid in (*state.events, *state.tallies)}
        save = ResolveSave(resolve_step.STATE_VERSION, state.edges(), members, saved)
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
                save = ResolveSave(resolve_step.STATE_VERSION, res.edges, res.members, saved)
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


def _ledger_inputs(store: Store) -> tuple[int, int, int]:
    """A cheap fingerprint of what the ledger is resolved from."""
    return store.count_articles(), store.count_mentions(), len(store.reviews())


def run(
    inputs: list[str],
    store: Store,
    options: IngestOptions | None = None,
    on_unit: Callable[[Unit], None] | None = None,
    workers: int = 1,
    extractor: str | None = None,
    retry_failed: bool = False,
) -> PipelineReport:
    """Ingest the inputs, extract what is new, and rebuild the ledger."""
    if workers > 1:
        pool.start_server()  # its loading overlaps the storing of the articles
    report = PipelineReport(ingest=ingest(inputs, store, options, on_unit))
    extract_pending(store, report, workers=workers, extractor=extractor,
                    retry_failed=retry_failed)
    rebuild_ledger(store, report)
    return report

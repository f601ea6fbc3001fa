"""Loading a batch into the store: articles, their mentions, then the resolved ledger.

Why the loader runs on one process for both engines: the store decides which archive
records are new articles and which are copies (same URL or text), and that decision must
not depend on which engine extracted them or in what order its tasks finished. Articles are
therefore added in archive order, and mentions are kept only for the articles the store
accepted under the id the extractor saw. Resolution then runs over every mention in the
store, in a fixed order, so the same store content always yields the same ledger.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from datasketch import LeanMinHash

from strikewatch.batch.archive import iter_articles
from strikewatch.batch.mentions import failed_articles, sorted_mentions
from strikewatch.batch.worker import reader_label
from strikewatch.ingest import OriginLinker
from strikewatch.ingest.language import DEFAULT_LANGUAGE, has_reader
from strikewatch.ingest.neardup import minhash, to_bytes
from strikewatch.pipeline import resolve_archive
from strikewatch.records import Article, Mention
from strikewatch.resolve.linking import Predictor
from strikewatch.store import SignatureRow, Store

#: Articles written per transaction. Why so many: every index of `articles` but one is on a
#: hash (id, content hash, URL hash, origin) or a date, so a group's rows land on random
#: index pages, and SQLite writes each touched page whole at every commit. With 500 per
#: commit the pages written per article rose from 0.8 to 3.6 between the first and the last
#: 4k articles of a 40k load (bench/load_growth.py), which made the load superlinear; 5,000
#: per commit touch each page for several rows (0.5 to 1.0). A group is a few MB of text.
ARTICLE_BATCH = 5000
#: Articles whose mentions are written per transaction: one group of parsed mentions is what
#: the mention load holds in memory.
WRITE_BATCH = 500


@dataclass
class LoadResult:
    articles_new: int = 0  # distinct new articles (a repeat inside the archive counts once)
    articles_known: int = 0  # already stored under the same id before this batch (a re-run)
    articles_dropped: int = 0  # the store kept another article for the same URL or text
    mentions: int = 0
    incidents: int = 0
    tallies: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    # stored articles no reader reads (their language): not extracted, findable as unread
    unread_ids: set[str] = field(default_factory=set)
    # (article id, error line) of the stored articles whose extraction failed: recorded on
    # the article (Store.record_extract_error), retried by the next batch or ingest
    failed: list[tuple[str, str]] = field(default_factory=list)
    # (article id, why) of the articles held back (pipeline.held_back): not read, left failed
    held: list[tuple[str, str]] = field(default_factory=list)
    # the language of each article to store mentions for, where it is not the default
    # language (which most articles have: they are not held); interned, languages are few
    languages: dict[str, str] = field(default_factory=dict)


def mention_groups(
    mentions_dir: Path, article_ids: Sequence[str], size: int = WRITE_BATCH
) -> Iterator[dict[str, list[Mention]]]:
    """The extracted mentions of `article_ids` (sorted), `size` articles at a time.

    Every article gets an entry, with no mentions if none were extracted; an article's
    mentions are deduplicated by mention id (the last row in the dataset wins) and sorted by
    it. The rows are streamed in article order (mentions.sorted_mentions) and merged with
    the sorted ids, so only one group's mentions are in memory at a time; rows of articles
    not asked for (copies the store dropped) are skipped.
    """
    rows = _checked_order(sorted_mentions(mentions_dir))
    row = next(rows, None)
    for start in range(0, len(article_ids), size):
        group: dict[str, list[Mention]] = {}
        for article_id in article_ids[start : start + size]:
            while row is not None and row[0] < article_id:
                row = next(rows, None)
            latest: dict[str, str] = {}
            while row is not None and row[0] == article_id:
                latest[row[1]] = row[2]
                row = next(rows, None)
            group[article_id] = [Mention.model_validate_json(latest[k]) for k in sorted(latest)]
        yield group


def _checked_order(rows: Iterator[tuple[str, str, str]]) -> Iterator[tuple[str, str, str]]:
    """The rows, failing loudly if SQLite's order of article ids (bytewise) ever disagreed
    with Python's: the merge in mention_groups would otherwise lose mentions silently."""
    previous = ""
    for row in rows:
        if row[0] < previous:
            raise RuntimeError(f"mention rows out of article order: {row[0]!r} after {previous!r}")
        previous = row[0]
        yield row


class ArchiveLinker(OriginLinker):
    """ingest's OriginLinker for a group of articles written at once (Store.add_articles
    with `link`): each article's MinHash is looked up among the group's, and an article is
    indexed as soon as it is linked, so a later copy in the same group links to it."""

    def __init__(self) -> None:
        super().__init__()
        self.hashes: dict[int, LeanMinHash] = {}  # id(article) -> its MinHash

    def __call__(self, article: Article, newer: list[SignatureRow]) -> None:
        self.signature = self.hashes[id(article)]
        super().__call__(article, newer)
        self.index.add(article.id, article.origin_id, self.signature)


def load_articles(
    store: Store, articles: Iterable[Article], result: LoadResult
) -> tuple[set[str], set[str]]:
    """Add the articles in archive order; (new ids, ids already stored), as extracted.

    Wire copies are linked to their origin exactly as `strikewatch ingest` links them
    (MinHash over the text, strikewatch.ingest.neardup), so a batch and an ingest of the
    same articles give the same origins, and so the same independent-source counts. Each
    group is written under the writers' lock `ingest` takes (Store.add_articles with
    `link`), reading the signatures other writers stored meanwhile, so a batch and an
    ingest running at once link each other's copies too.
    """
    linker = ArchiveLinker.over(store)
    new: set[str] = set()
    known: set[str] = set()
    stream = iter(articles)
    while group := list(islice(stream, ARTICLE_BATCH)):
        linker.hashes = {id(a): minhash(a.text) for a in group}
        items = [(a, to_bytes(linker.hashes[id(a)])) for a in group]
        for article, (stored, is_new) in zip(
            group, store.add_articles(items, link=linker), strict=True
        ):
            if stored.id != article.id:
                result.articles_dropped += 1
                continue
            if not has_reader(article.language):
                # left unextracted (load_mentions skips it), so an ingest run after a
                # reader for its language exists reads it
                result.unread_ids.add(article.id)
            elif article.language not in (None, DEFAULT_LANGUAGE):
                result.languages[article.id] = sys.intern(article.language)
            if is_new and article.id not in known:
                new.add(article.id)
            elif article.id not in new:
                known.add(article.id)
    result.articles_new, result.articles_known = len(new), len(known)
    return new, known


def load_mentions(
    store: Store, mentions_dir: Path, article_ids: Sequence[str], result: LoadResult,
    extractor: str | None = None,
) -> None:
    """Store the extracted mentions of `article_ids` (sorted), a write group at a time.

    Known articles are re-extracted: their mentions are replaced even when there are none
    now. New articles without mentions are marked extracted too, so `ingest` will not redo
    them; articles in a language no reader reads (`result.unread_ids`) are left unmarked.
    Each article is marked with the reader that read it (worker.reader_label: the one
    registered as `extractor`, else its language's), as the workers chose it.
    """
    article_ids = [a for a in article_ids if a not in result.unread_ids]
    labels: dict[str | None, str] = {}
    for group in mention_groups(mentions_dir, article_ids, WRITE_BATCH):
        by_reader: dict[str, dict[str, list[Mention]]] = {}
        for article_id, mentions in group.items():
            language = result.languages.get(article_id)
            if language not in labels:
                labels[language] = reader_label(language, extractor)
            by_reader.setdefault(labels[language], {})[article_id] = mentions
        for label, part in by_reader.items():
            store.replace_mentions_many(part, label)
        result.mentions += sum(len(ms) for ms in group.values())


def record_failures(
    store: Store, mentions_dir: Path, article_ids: Iterable[str], result: LoadResult
) -> set[str]:
    """Record each failed extraction (its error row) on its stored article, with the reader
    that failed, through the call ingest makes (Store.record_extract_error: the failures
    of one reader are counted, so pipeline.held_back caps the retries the same way);
    the ids recorded. Its earlier mentions, if any, stay: the ledger does not change."""
    failed = failed_articles(mentions_dir)
    recorded: set[str] = set()
    for article_id in sorted(set(article_ids) - result.unread_ids):
        if article_id in failed:
            error, reader = failed[article_id]
            store.record_extract_error(article_id, error, reader)
            result.failed.append((article_id, error))
            recorded.add(article_id)
    return recorded


def load_batch(
    store: Store, input_path: Path, mentions_dir: Path, predictor: Predictor | None = None,
    extractor: str | None = None, held: Mapping[str, str] | None = None,
) -> LoadResult:
    """Articles of the archive, then their extracted mentions, then the resolved ledger
    (pairwise linking by `predictor`: the Spark engine links on Spark).

    An article whose extraction failed is recorded as failed, not marked extracted, and an
    article in `held` (id -> why: pipeline.held_back) was not read and is left as it was."""
    result = LoadResult()
    t0 = time.perf_counter()
    new, known = load_articles(store, iter_articles(input_path, result.errors), result)
    t1 = time.perf_counter()
    held = held or {}
    result.held = [(a, held[a]) for a in sorted(new | known) if a in held]
    failed = record_failures(store, mentions_dir, (new | known) - held.keys(), result)
    done = sorted(a for a in new | known if a not in failed and a not in held)
    load_mentions(store, mentions_dir, done, result, extractor)
    t2 = time.perf_counter()
    # from scratch, in bounded memory (resolve.streamed), its spill files beside the output
    ledger = resolve_archive(store, predictor=predictor, workdir=mentions_dir.parent)
    result.incidents, result.tallies = ledger.incidents, ledger.tallies
    t3 = time.perf_counter()
    result.seconds = {"load_articles": round(t1 - t0, 3), "load_mentions": round(t2 - t1, 3),
                      "resolve": round(t3 - t2, 3)}
    return result

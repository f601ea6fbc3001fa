"""A from-scratch resolve of a whole store in bounded memory: what `strikewatch batch` runs.

Why a second way to resolve: `resolve_state` holds every mention (as pydantic records),
its features and every incident at once — about 28 KB per mention, 4.4 GB for the 150k
mentions of 100k synthetic articles (bench/resolve_memory.py). An archive is resolved here
in passes over the store instead, keeping per mention only small things (its id,
fingerprint, blocking days, cluster key and links); mentions, features and incidents live
one group at a time, and the ledger goes to the store as a stream: 0.96 GB for the same
store. The result — every incident and tally, and the resolver state saved for later
incremental runs — equals `pipeline.update_ledger(from_scratch=True)` on the same store
(tests/test_resolve_streamed.py checks it row for row, reviews included).

The passes:
1. features: the mentions, read from the store in pages; each event mention's linking
   features become one row of an Arrow file on disk (the predictor reads it memory-mapped);
   of a tally mention only what deduplication compares (tallies.claim_key) is kept (the
   seas it covers were read at extraction: Mention.regions);
2. linking: the predictor (DuckDB here, Spark for `--engine spark`) scores the blocked
   pairs — on DuckDB a window of days at a time, so its working memory stays bounded; the
   candidate links come back (a few per mention);
3. clusters: the link graph's components, a group of components at a time: their mentions
   fetched by id, features recomputed, cannot-link pairs dropped (as score_pairs drops
   them), clustered and merged into incidents; then every mention with no link, one
   incident each, from another pass over the mentions. Incidents are spilled to a SQLite
   file keyed by id, so they come back in id order;
4. attaching (resolve.attaching): every spilled incident profiled, each loose incident
   joined to the one dated incident that can be it (rows replaced); then the incident
   confidence model (resolve.confidence): every incident summarised (a group at a time),
   scored against the others, low ones folded (rows replaced), the score written;
5. reviews: incidents a review may touch (by id, or holding a mention it names) are held
   back and reviewed together at the end (reviews.apply_reviews looks no further);
6. tallies: deduplicated on their claim keys, then each group's mentions fetched and
   reconciled against the spilled ledger, read as a stream.

Incrementally (`saved`: the resolver state saved with the ledger, what `strikewatch ingest`
after a large batch runs; pipeline.update_ledger): pass 2 keeps the saved links between
mentions whose fingerprint is unchanged and scores only the pairs of a new or changed
mention (the rows sharing a blocking key with one of them); the other passes are the same.
Why that equals a from-scratch resolve: a pair's score is a function of the two mentions'
features (fixed model: resolve.linking), so a saved link between two unchanged mentions is
what scoring them again would give, and every pair with a new mention is scored now.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from strikewatch.errors import StaleStore
from strikewatch.ledger.reviews import apply_reviews, review_scope
from strikewatch.records import Article, Incident, Mention, Review, Tally
from strikewatch.resolve import confidence, daywhole, fingerprint
from strikewatch.resolve.attaching import (
    Profile,
    attached_groups,
    mention_model,
    profiles,
    specific_words,
)
from strikewatch.resolve.clustering import cluster, components
from strikewatch.resolve.features import Features, features, operation_fields
from strikewatch.resolve.linking import (
    Predictor,
    candidate_links,
    feature_table,
    predict_duckdb,
)
from strikewatch.resolve.merging import build_incident
from strikewatch.resolve.tallies import (
    ClaimKey,
    claim_key,
    dedupe_keys,
    reconcile_groups,
)
from strikewatch.store import SavedResolve, Store

#: Mentions handled together (features computed, fetched, merged) in one step.
GROUP = 2000
#: Feature rows scored by one DuckDB run: the blocked pairs of a whole archive held by one
#: query were the largest thing left that grew (590 MB at 100k articles); linking runs on
#: windows of days instead (_predict_windows). Spark scores out of the driver: one run.
WINDOW = 20_000


class StoreChanged(StaleStore):
    """Mentions came or went between two passes (another process wrote meanwhile): what
    was read is no longer one store's content, so resolve again."""


@dataclass
class Streamed:
    """What a streamed resolve produced: the tallies, and the resolver state to save (as
    update_ledger builds it). The incidents stay on disk: `incidents()` reads them back
    in id order, as often as needed, until `close()`."""

    spill: sqlite3.Connection = field(repr=False)
    tallies: list[Tally] = field(default_factory=list)
    edges: dict[tuple[str, str], float] = field(default_factory=dict)
    members: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    # mention id -> (cluster key, None for a tally mention; fingerprint)
    count: int = 0  # incidents

    def incidents(self) -> Iterator[Incident]:
        for (raw,) in self.spill.execute("SELECT data FROM incidents ORDER BY id"):
            yield Incident.model_validate_json(raw)

    def close(self) -> None:
        self.spill.close()


def _pages(mentions: Iterable[Mention]) -> Iterator[list[Mention]]:
    it = iter(mentions)
    while page := list(islice(it, GROUP)):
        yield page


class _Ledger:
    """Machine incidents as they are built: spilled to disk, except those a review may
    touch, which wait (with their mentions and articles) for apply_reviews at the end."""

    def __init__(self, out: Streamed, prints: dict[str, str], reviews: list[Review]) -> None:
        self.out, self.prints, self.reviews = out, prints, reviews
        self.review_ids, self.review_mentions = review_scope(reviews)
        self.held: list[Incident] = []
        self.held_mentions: dict[str, Mention] = {}
        self.held_articles: dict[str, Article] = {}

    def add(self, members: list[str], mentions: list[Mention],
            articles: dict[str, Article]) -> None:
        """One cluster (sorted ids, and their mentions in that order), as _install has it."""
        for mid in members:
            self.out.members[mid] = (members[0], self.prints[mid])
        self.place(build_incident(mentions, articles), mentions, articles)

    def place(self, inc: Incident, mentions: list[Mention],
              articles: dict[str, Article]) -> None:
        """Spill an incident, or hold it back with its mentions if a review may touch it."""
        members = [m.id for m in mentions]
        if inc.id in self.review_ids or not self.review_mentions.isdisjoint(members):
            self.held.append(inc)
            self.held_mentions.update((m.id, m) for m in mentions)
            self.held_articles.update(
                (m.article_id, articles[m.article_id]) for m in mentions
                if m.article_id in articles)
        else:
            self._spill(inc)

    def _spill(self, inc: Incident) -> None:
        self.out.spill.execute("INSERT INTO incidents VALUES (?, ?)",
                               (inc.id, inc.model_dump_json()))
        self.out.count += 1

    def finish(self) -> None:
        for inc in apply_reviews(self.held, self.reviews, self.held_mentions,
                                 self.held_articles):
            self._spill(inc)
        self.out.spill.commit()


def resolve_store(
    store: Store,
    workdir: Path,
    reviews: Iterable[Review] = (),
    predictor: Predictor | None = None,
    saved: SavedResolve | None = None,
) -> Streamed:
    """Resolve every mention in `store` (the passes in the module docstring), keeping its
    files in `workdir` (which must exist; the caller removes it): from scratch, or reusing
    the links of a `saved` state (of the current STATE_VERSION; the caller checks it).

    Raises StoreChanged when another process adds or removes mentions between the passes.
    """
    out = Streamed(spill=sqlite3.connect(workdir / "incidents.sqlite"))
    try:
        _resolve_into(out, store, workdir, list(reviews), predictor, saved)
    except BaseException:
        out.close()
        raise
    return out


def _resolve_into(out: Streamed, store: Store, workdir: Path, reviews: list[Review],
                  predictor: Predictor | None, saved: SavedResolve | None) -> None:
    out.spill.execute("CREATE TABLE incidents (id TEXT PRIMARY KEY, data TEXT NOT NULL)")
    prints: dict[str, str] = {}
    claims: list[ClaimKey] = []
    first_day: list[int] = []  # of each feature row: its first and last blocking day
    last_day: list[int] = []
    fresh: set[str] = set()  # with `saved`: event mentions new or changed since, and
    fresh_keys: set[str] = set()  # their blocking keys

    # 1. features to disk; fingerprints, and the claim keys of tally mentions, kept
    feature_file = workdir / "features.arrow"
    with pa.OSFile(str(feature_file), "wb") as sink, \
            pa.ipc.new_file(sink, feature_table([]).schema) as writer:
        for page in _pages(store.mentions()):
            articles = store.resolve_articles({m.article_id for m in page})
            rows = []
            for m in page:
                article = articles.get(m.article_id)
                prints[m.id] = fingerprint(m, article)
                if m.kind == "tally":
                    claims.append(claim_key(m, articles))
                    out.members[m.id] = (None, prints[m.id])
                    continue
                f = features(m, article)
                if saved is not None and saved.members.get(m.id, (None, ""))[1] != prints[m.id]:
                    fresh.add(m.id)
                    fresh_keys.update(f.block_keys)
                if f.block_keys:  # "day|zone", days ascending
                    rows.append(f)
                    first_day.append(int(f.block_keys[0].split("|", 1)[0]))
                    last_day.append(int(f.block_keys[-1].split("|", 1)[0]))
            if rows:
                writer.write_batch(feature_table(rows))

    # 2. linking, over the memory-mapped feature file
    links = [] if saved is None else _kept_links(saved, prints)
    if len(first_day) >= 2 and (saved is None or fresh_keys):  # one per feature row
        with pa.memory_map(str(feature_file)) as source:
            table = pa.ipc.open_file(source).read_all()
            if saved is not None:  # only what a new mention is compared with
                table, first_day, last_day = _sharing_keys(table, first_day, last_day,
                                                           fresh_keys)
            scored: list[tuple[str, str, float]] = []
            if table.num_rows >= 2:
                scored = (predictor(table) if predictor is not None else
                          _predict_windows(table, first_day, last_day, predict_duckdb, WINDOW))
            del table
        links += [x for x in scored if saved is None or x[0] in fresh or x[1] in fresh]
    del first_day, last_day

    # 3. clusters: linked components a group at a time, then the mentions with no link
    ledger = _Ledger(out, prints, reviews)
    comps = components({x for a, b, _ in links for x in (a, b)}, ((a, b) for a, b, _ in links))
    comp_of = {mid: n for n, comp in enumerate(comps) for mid in comp}
    links_of: dict[int, list[tuple[str, str, float]]] = defaultdict(list)
    for link in links:
        links_of[comp_of[link[0]]].append(link)
    del links
    for run in _runs([len(comp) for comp in comps]):
        _cluster_group([mid for n in run for mid in comps[n]],
                       [link for n in run for link in links_of.pop(n)], store, ledger)
    for page in _pages(store.mentions(kind="event")):
        alone = [m for m in page if m.id not in comp_of]
        if any(m.id not in prints for m in alone):
            raise StoreChanged("mentions were added while resolving")
        articles = store.resolve_articles({m.article_id for m in alone})
        for m in alone:
            ledger.add([m.id], [m], articles)

    # 4. loose incidents attached to the one dated incident they can be, 5. reviews,
    # then 6. tallies against the spilled ledger
    _attach(ledger, store)
    _day_whole(ledger, store)
    _confidence(ledger, store)
    ledger.finish()
    groups = dedupe_keys(claims)
    del claims
    out.tallies = reconcile_groups(_fetch_groups(store, groups), out.incidents())


def _kept_links(saved: SavedResolve, prints: dict[str, str]) -> list[tuple[str, str, float]]:
    """The saved links whose two mentions are still stored with the same fingerprint."""
    def same(mid: str) -> bool:
        return saved.members.get(mid, (None, None))[1] == prints.get(mid)
    return [(a, b, p) for (a, b), p in saved.edges.items() if same(a) and same(b)]


def _sharing_keys(table: pa.Table, first_day: list[int], last_day: list[int],
                  keys: set[str]) -> tuple[pa.Table, list[int], list[int]]:
    """The feature rows (and their first and last days) with a blocking key in `keys`:
    every mention a new one can be compared with, and the new ones themselves."""
    wanted = pa.array(sorted(keys), pa.string())
    rows: list[int] = []
    offset = 0
    for batch in table.to_batches():
        col = batch.column("block_keys")
        hit = pc.is_in(pc.list_flatten(col), value_set=wanted)
        parents = pc.filter(pc.list_parent_indices(col), hit)
        rows.extend(offset + i for i in pc.unique(parents).to_pylist())
        offset += batch.num_rows
    rows.sort()
    return (table.take(pa.array(rows, pa.int64())), [first_day[i] for i in rows],
            [last_day[i] for i in rows])


def _fetch_groups(store: Store, groups: list[list[str]]
                  ) -> Iterator[tuple[list[Mention], dict[str, Article]]]:
    """Each group of tally mention ids as its mentions, with their articles; fetched a
    few groups (about GROUP mentions) at a time, as reconcile_groups reaches them."""
    for run in _runs([len(g) for g in groups]):
        ids = [mid for n in run for mid in groups[n]]
        found = {m.id: m for m in store.get_mentions(ids)}
        if len(found) != len(ids):
            raise StoreChanged("tally mentions were removed while resolving")
        articles = store.resolve_articles({m.article_id for m in found.values()})
        for n in run:
            yield [found[mid] for mid in groups[n]], articles


def _runs(sizes: list[int]) -> Iterator[range]:
    """Consecutive runs of whole groups (by index), each about GROUP items: a group is
    never split, so one larger than GROUP makes a run of its own."""
    start = 0
    while start < len(sizes):
        end, total = start, 0
        while end < len(sizes) and (total < GROUP or end == start):
            total += sizes[end]
            end += 1
        yield range(start, end)
        start = end


def _predict_windows(table: pa.Table, first_day: list[int], last_day: list[int],
                     predictor: Predictor, window: int) -> list[tuple[str, str, float]]:
    """The predictor's links over `table`, run on windows of days of about `window` rows.

    Why it equals one run: two mentions are compared when they share a blocking key, i.e.
    a day (and a zone); that day falls in exactly one window, and both mentions are in it
    (a row belongs to every window its days touch). A pair sharing days in two windows is
    scored twice, with the same features, so the same probability: kept once.
    """
    if len(first_day) <= window:
        return predictor(table)
    starts = sorted(first_day)[::window]
    bounds = [*dict.fromkeys(starts), None]  # window k: days bounds[k] .. bounds[k+1] - 1
    lo, hi = pa.array(first_day, pa.int64()), pa.array(last_day, pa.int64())
    seen: dict[tuple[str, str], tuple[str, str, float]] = {}
    for start, end in zip(bounds, bounds[1:], strict=False):
        touching = pc.greater_equal(hi, start)
        if end is not None:
            touching = pc.and_(touching, pc.less(lo, end))
        part = table.filter(touching)
        if part.num_rows < 2:
            continue
        for a, b, p in predictor(part):
            seen.setdefault((a, b) if a < b else (b, a), (a, b, p))
    return list(seen.values())


def _cluster_group(ids: list[str], links: list[tuple[str, str, float]], store: Store,
                   ledger: _Ledger) -> None:
    """Cluster whole components of the link graph (score_pairs' cannot-link filter first)."""
    mentions = {m.id: m for m in store.get_mentions(ids)}
    if len(mentions) != len(ids):
        raise StoreChanged("mentions were removed while resolving")
    articles = store.resolve_articles({m.article_id for m in mentions.values()})
    feats = {mid: features(m, articles.get(m.article_id)) for mid, m in mentions.items()}
    kept = candidate_links(links, feats)
    ledger.out.edges.update(kept)
    for members in cluster(ids, kept, feats):
        ledger.add(members, [mentions[x] for x in members], articles)


def _attach(ledger: _Ledger, store: Store) -> None:
    """resolve.attaching over the ledger so far, as resolve._finish runs it in memory:
    profiles of every spilled and held incident, then each attached group replaced by one
    incident rebuilt from its mentions (held back again if a review may touch it)."""
    spill = ledger.out.spill
    def texts(inc: Incident) -> list[str]:  # asked only of an undated page's incident
        return [s.text for m in store.get_mentions(inc.mention_ids) for s in m.spans if s.text]

    spilled = profiles((Incident.model_validate_json(raw)
                        for (raw,) in spill.execute("SELECT data FROM incidents")), texts)
    def words(p: Profile) -> frozenset[str]:  # asked only of candidates and loose ones
        return specific_words(s.text for m in store.get_mentions(sorted(p.mentions))
                              for s in m.spans if s.text)

    def operations(p: Profile) -> list[Features]:  # asked only of candidates and loose ones
        return [operation_fields(m) for m in store.get_mentions(sorted(p.mentions))]

    def feature_of(mid: str) -> Features | None:  # asked only of signal candidates' reports
        found = store.get_mentions([mid])
        if not found:
            return None
        articles = store.resolve_articles([found[0].article_id])
        return features(found[0], articles.get(found[0].article_id))

    groups = attached_groups([*spilled, *profiles(ledger.held, texts)], ledger.reviews, words,
                             operations, mention_model(feature_of))
    held = {i.id: i for i in ledger.held}
    for dated_id, loose_ids in groups.items():
        members: list[str] = []
        for iid in [dated_id, *loose_ids]:
            if iid in held:
                members.extend(held.pop(iid).mention_ids)
                ledger.held = [i for i in ledger.held if i.id != iid]
                continue
            (raw,) = spill.execute("SELECT data FROM incidents WHERE id = ?", (iid,)).fetchone()
            members.extend(Incident.model_validate_json(raw).mention_ids)
            spill.execute("DELETE FROM incidents WHERE id = ?", (iid,))
            ledger.out.count -= 1
        mentions = store.get_mentions(sorted(members))
        if len(mentions) != len(members):
            raise StoreChanged("mentions were removed while resolving")
        articles = store.resolve_articles({m.article_id for m in mentions})
        ledger.place(build_incident(mentions, articles), mentions, articles)


def _day_whole(ledger: _Ledger, store: Store) -> None:
    """resolve.daywhole over the ledger so far, as resolve._finish runs it in memory: the
    spilled incidents profiled, the reports read only of those on a day some whole report
    could tell (a dated incident with a toll of two or more) or the day either side, each
    whole report's row deleted and its parts' rows rewritten. Held incidents (a review may
    touch them) take no part, as in memory."""
    spill = ledger.out.spill
    profs = [p for p in profiles(Incident.model_validate_json(raw)
                                 for (raw,) in spill.execute("SELECT data FROM incidents"))
             if p is not None]
    days = {d + k for p in profs if p.killed and p.killed[0] >= 2
            and (d := daywhole.single_day(p)) is not None for k in (-1, 0, 1)}
    near = [p for p in profs if daywhole.single_day(p) in days]
    if not near:
        return
    reports = {m.id: m for m in store.get_mentions(sorted({m for p in near
                                                          for m in p.mentions}))}
    ops = {p.id: daywhole.operation_of(reports[m] for m in p.mentions if m in reports)
           for p in near}
    groups = daywhole.day_parts(near, ops, ledger.reviews)
    if not groups:
        return
    def row(iid: str) -> Incident:
        (raw,) = spill.execute("SELECT data FROM incidents WHERE id = ?", (iid,)).fetchone()
        return Incident.model_validate_json(raw)
    wholes_of: dict[str, list[Incident]] = {}
    for w, parts in sorted(groups.items()):
        whole = row(w)
        for q in parts:
            wholes_of.setdefault(q, []).append(whole)
    for w in groups:
        spill.execute("DELETE FROM incidents WHERE id = ?", (w,))
        ledger.out.count -= 1
    for q, wholes in wholes_of.items():
        told = daywhole.telling_spans(store.get_mentions(
            sorted(m for w in wholes for m in w.mention_ids)))
        spill.execute("UPDATE incidents SET data = ? WHERE id = ?",
                      (daywhole.told_whole(row(q), wholes, told).model_dump_json(), q))


def _confidence(ledger: _Ledger, store: Store) -> None:
    """resolve.confidence over the ledger so far, as resolve._finish runs it in memory:
    every spilled and held incident summarised (spilled ones a page at a time, their
    mentions fetched together), the verdict taken over all summaries, then each fold's
    target rebuilt from its and the folded incidents' mentions, and every judged row
    rewritten with its confidence."""
    f = confidence.active_filter()
    if f is None:
        return
    spill = ledger.out.spill
    sums: list[confidence.Summary] = []
    mention_ids: dict[str, list[str]] = {}
    page: list[Incident] = []

    def flush() -> None:
        found = {m.id: m for m in store.get_mentions(sorted({m for i in page
                                                             for m in i.mention_ids}))}
        articles = store.resolve_articles({m.article_id for m in found.values()})
        for inc in page:
            sums.append(confidence.summarize(
                inc, [found[m] for m in inc.mention_ids if m in found], articles))
            mention_ids[inc.id] = inc.mention_ids
        page.clear()

    for (raw,) in spill.execute("SELECT data FROM incidents ORDER BY id").fetchall():
        page.append(Incident.model_validate_json(raw))
        if len(page) >= GROUP:
            flush()
    flush()
    for inc in ledger.held:
        sums.append(confidence.summarize(
            inc, [ledger.held_mentions[m] for m in inc.mention_ids
                  if m in ledger.held_mentions], ledger.held_articles))
        mention_ids[inc.id] = inc.mention_ids
    def load(iid: str) -> list[Features]:
        found = store.get_mentions(mention_ids[iid])
        articles = store.resolve_articles({m.article_id for m in found})
        return [features(m, articles.get(m.article_id)) for m in found]

    verdict = confidence.joinable(confidence.decide(sums, f, ledger.review_ids,
                                                    ledger.review_mentions, mention_ids), load)
    groups = verdict.groups()
    for target, lows in groups.items():  # never a held incident (reviewed: no folds)
        members: list[str] = []
        for iid in [target, *lows]:
            members.extend(mention_ids[iid])
            spill.execute("DELETE FROM incidents WHERE id = ?", (iid,))
            ledger.out.count -= 1
        mentions = store.get_mentions(sorted(members))
        if len(mentions) != len(members):
            raise StoreChanged("mentions were removed while resolving")
        articles = store.resolve_articles({m.article_id for m in mentions})
        merged = confidence.with_confidence(build_incident(mentions, articles),
                                            verdict.probs.get(target))
        ledger.place(merged, mentions, articles)
    folded = set(verdict.folds) | set(groups)
    for iid, p in verdict.probs.items():
        if iid in folded:
            continue
        row = spill.execute("SELECT data FROM incidents WHERE id = ?", (iid,)).fetchone()
        if row is not None:
            inc = confidence.with_confidence(Incident.model_validate_json(row[0]), p)
            spill.execute("UPDATE incidents SET data = ? WHERE id = ?",
                          (inc.model_dump_json(), iid))
    ledger.held = [confidence.with_confidence(i, verdict.probs.get(i.id))
                   for i in ledger.held]

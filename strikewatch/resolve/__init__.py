"""resolve: mentions from many articles -> incidents (linked, merged, graded) and tallies.

The steps, each in its own module:
- features.py   — what linking looks at in one mention, and the cannot-link rules;
- linking.py    — pairwise scores with splink on DuckDB (fixed Fellegi-Sunter weights,
                  blocking on day keys so cost grows near-linearly);
- clustering.py — strongest links first, never joining a cannot-link pair;
- merging.py / grading.py — one incident per cluster: ranges, flags, status, grade + reason;
- tallies.py    — aggregate claims, deduplicated and reconciled against the ledger;
- reviews       — a person's decisions, applied last by the one review engine
                  (strikewatch.ledger.reviews); they always win.

What becomes of each mention: every `kind == "event"` mention ends up in exactly one
incident. Incidents of status `occurred` that are not background and not discounted are the
ones that count (ledger.counting.counted). Planned, threatened, hypothetical and denied-only
mentions link among themselves (a plan never links to an act: features.hard_conflict) into
incidents with that status, so they stay searchable, but never count. Background mentions
link to the event they recall; an incident is background only if all its mentions are.
`kind == "tally"` mentions never become incidents.

`resolve` works from scratch; `resolve_incremental` adds (or replaces, or removes) mentions
in a `ResolveState` and re-resolves only the link-graph components they touch. Because every
pair score and the clustering of a component depend only on that component, the result
equals a from-scratch `resolve` of the same mentions (tests/test_resolve_incremental.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from strikewatch.ledger.counting import counted
from strikewatch.ledger.reviews import apply_reviews
from strikewatch.records import Article, Incident, Mention, Review, Tally
from strikewatch.resolve.attaching import Profile, attach_incidents, mention_texts, profile
from strikewatch.resolve.clustering import cluster, cluster_component
from strikewatch.resolve.confidence import apply_filter
from strikewatch.resolve.daywhole import with_whole_days
from strikewatch.resolve.features import Features, features, mention_block_keys
from strikewatch.resolve.linking import Predictor, model_tag, score_pairs
from strikewatch.resolve.merging import build_incident
from strikewatch.resolve.tallies import resolve_tallies

__all__ = [
    "ResolveState", "counted", "fingerprint", "resolve", "resolve_incremental", "resolve_state",
    "resume_state",
]

log = logging.getLogger(__name__)

#: Bump when features or linking weights change: saved states then need a fresh resolve.
# 16: features carry the page's news day and strike counts (page_day, strikes_lo/hi): undated
# reports on two undated pages tie by their windows, toll and sea (features.windows_tie);
# 15: a night told across two days and a day inside it compare as the same day; a toll-less
# report a day off yields to a link tying the two days by their toll (clustering);
# 14: hand weights from the joint search on the ledger measures: one undated -0.5, one
# specific word shared +1;
# 13: an undated page's report left over joins the one dated incident sharing a rare signal
# (attaching._by_signals);
# 12: an undated report naming no place whose closed toll shares no figure with the
# other's never links;
# clustering drops the links of a span report torn between strikes and keeps a page's
# other strike (by its toll) out of an incident;
# 11: an undated report on a page published up to two days after the other report's day
# is as likely that strike as an overlapping span (+1, not -1); an ordinal ("the second
# strike") never links to a split strike of another rank;
# 10: strikes two articles split from a day's operation link rank to rank, never across
# operations of different sizes or to the day's total, and their very same closed toll
# outweighs the ordinals two outlets name (features.other_strike_of_the_day);
# 9: open water in no named sea ("international waters") compares no borrowed point;
# 8: reports naming different strikes of a series ("the first attack", "the third") never
# link; 7: one day apart with the same toll; 6: linking_place, "international waters" names
# no sea
# 17: a report at sea counting the day's strikes, not split, never links to a report of one
# strike with a lower closed toll (features._counted_day_beside_one; resolve/daywhole.py)
# 18: reports naming two towns apart with closed tolls sharing no figure never link
# (features._other_town)
# 19: different target kinds with no vehicle among them weigh -1, not -2 (a group and its
# compound may be one hit; linking.SPEC)
STATE_VERSION = 19


@dataclass
class ResolveState:
    """Everything needed to add mentions later without re-resolving the rest."""

    articles: dict[str, Article] = field(default_factory=dict)
    events: dict[str, Mention] = field(default_factory=dict)
    tallies: dict[str, Mention] = field(default_factory=dict)
    feats: dict[str, Features] = field(default_factory=dict)  # computed on first use
    adj: dict[str, dict[str, float]] = field(default_factory=dict)  # candidate links
    block_index: dict[str, set[str]] = field(default_factory=dict)
    blocks: dict[str, list[str]] = field(default_factory=dict)  # event mention -> block keys
    cluster_of: dict[str, str] = field(default_factory=dict)  # mention id -> cluster key
    clusters: dict[str, list[str]] = field(default_factory=dict)
    machine: dict[str, Incident] = field(default_factory=dict)  # cluster key -> incident
    incidents: list[Incident] = field(default_factory=list)  # after reviews
    tally_records: list[Tally] = field(default_factory=list)
    # cluster key -> what attaching compares of its machine incident (None: takes no part)
    profiles: dict[str, Profile | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.feats = _LazyFeatures(self, self.feats)

    def edges(self) -> dict[tuple[str, str], float]:
        return {(a, b): p for a, nb in self.adj.items() for b, p in nb.items() if a < b}

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready snapshot: mentions, articles, the scored links and the clusters.

        Features and incidents are cheap to rebuild and are left out; the pairwise scores
        (the expensive part) are kept, so a later process can continue incrementally.
        """
        return {
            "version": STATE_VERSION,
            "articles": [a.model_dump() for a in self.articles.values()],
            "mentions": [m.model_dump() for m in [*self.events.values(),
                                                  *self.tallies.values()]],
            "edges": [[a, b, p] for (a, b), p in sorted(self.edges().items())],
            "clusters": sorted(self.clusters.values()),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], reviews: Iterable[Review] = ()) -> ResolveState:
        """Rebuild a state saved by to_dict (ValueError if it is from another version)."""
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"resolve state version {data.get('version')!r} is not "
                             f"{STATE_VERSION}; re-resolve from scratch")
        state = cls(articles={a["id"]: Article.model_validate(a) for a in data["articles"]})
        state.events, state.tallies = _split(Mention.model_validate(m) for m in data["mentions"])
        for mid in state.events:
            _index(state, mid)
        for a, b, p in data["edges"]:
            state.adj.setdefault(a, {})[b] = p
            state.adj.setdefault(b, {})[a] = p
        for members in data["clusters"]:
            _install(state, members)
        _finish(state, reviews)
        return state


def fingerprint(mention: Mention, article: Article | None) -> str:
    """A digest of everything resolution reads about one mention: the mention itself and
    the fields of its article that features, merging and tallies use.

    Equal fingerprints mean the mention's features, pair scores and sources are unchanged,
    so its saved links and cluster can be reused; a re-extracted mention or an article
    whose date, origin or text changed gets a new fingerprint and is resolved again; so is
    every mention when the linking weights change (`linking.model_tag`: empty for the hand
    weights, so their fingerprints stay as they were).
    """
    art = None if article is None else [article.published, article.origin_id or article.id,
                                        article.publisher, article.url, article.content_hash,
                                        article.published_source, article.language,
                                        article.extracted_by]
    tag = model_tag()
    h = hashlib.sha256(json.dumps([STATE_VERSION, art, tag] if tag else [STATE_VERSION, art])
                       .encode("utf-8"))
    h.update(mention.model_dump_json().encode("utf-8"))  # fields in model order: stable
    return h.hexdigest()


def resume_state(
    mentions: Iterable[Mention],
    articles: Mapping[str, Article],
    edges: Iterable[tuple[str, str, float]],
    cluster_of: Mapping[str, str],
    stale: Iterable[str] = (),
) -> tuple[ResolveState, set[str]]:
    """A state rebuilt from saved links and clusters, minus the `stale` mentions.

    `mentions` are the ones whose saved links and cluster are still valid (fingerprint
    unchanged); `edges` and `cluster_of` (mention id -> cluster key) are as saved, and may
    name stale mentions: mentions deleted or changed since the state was saved, whose
    content is gone. They are dropped here, and the mentions they linked to or shared a
    cluster with are returned as `touched`: pass them to resolve_incremental, which then
    re-clusters their components exactly as removing the stale mentions would have.
    Features and machine incidents are recomputed (cheap); reviews and tallies are left to
    resolve_incremental.
    """
    state = ResolveState(articles=dict(articles))
    state.events, state.tallies = _split(mentions)
    gone = set(stale)
    touched: set[str] = set()
    for mid in state.events:
        _index(state, mid)  # features only where needed: state.feats computes on demand
    for a, b, p in edges:
        if a in gone or b in gone:
            touched.update((a, b))
        elif a in state.events and b in state.events:
            state.adj.setdefault(a, {})[b] = p
            state.adj.setdefault(b, {})[a] = p
    groups: dict[str, list[str]] = {}
    for mid, key in cluster_of.items():
        groups.setdefault(key, []).append(mid)
    placed: set[str] = set()
    for members in groups.values():
        live = sorted(m for m in members if m in state.events)
        if len(live) != len(members):
            touched.update(members)
        if live:
            _install(state, live)
            placed.update(live)
    # an unchanged event mention the saved state has no cluster for: cluster it again
    for mid in state.events.keys() - placed:
        touched.add(mid)
        _install(state, [mid])
    touched -= gone
    return state, touched & state.events.keys()


class _LazyFeatures(dict[str, Features]):
    """state.feats: the features of an event mention, computed the first time they are
    asked for. An incremental run re-scores and re-clusters a few components; computing
    every kept mention's features up front (word lists, rare words) cost more than that."""

    def __init__(self, state: ResolveState, known: Mapping[str, Features]) -> None:
        super().__init__(known)
        self._state = state

    def __missing__(self, mid: str) -> Features:
        m = self._state.events[mid]
        f = self[mid] = features(m, self._state.articles.get(m.article_id))
        return f


def _index(state: ResolveState, mid: str, f: Features | None = None) -> None:
    """Add an event mention to the block index (with its features, when already known)."""
    if f is not None:
        state.feats[mid] = f
        keys = f.block_keys
    else:
        m = state.events[mid]
        keys = mention_block_keys(m, state.articles.get(m.article_id))
    state.blocks[mid] = keys
    for k in keys:
        state.block_index.setdefault(k, set()).add(mid)


def _split(mentions: Iterable[Mention]) -> tuple[dict[str, Mention], dict[str, Mention]]:
    events: dict[str, Mention] = {}
    tallies: dict[str, Mention] = {}
    for m in mentions:
        target = tallies if m.kind == "tally" else events
        if m.id in events or m.id in tallies:
            log.warning("mention %s given twice; the last one is kept", m.id)
            events.pop(m.id, None)
            tallies.pop(m.id, None)
        target[m.id] = m
    return events, tallies


def _finish(state: ResolveState, reviews: Iterable[Review]) -> None:
    reviews = list(reviews)
    texts = mention_texts(state.events)
    for key, inc in state.machine.items():
        if key not in state.profiles:
            state.profiles[key] = profile(inc, texts)
    machine = attach_incidents(sorted(state.machine.values(), key=lambda i: i.id),
                               state.events, state.articles, reviews,
                               [p for p in state.profiles.values() if p is not None],
                               state.feats)
    machine = with_whole_days(machine, state.events, reviews)
    machine = apply_filter(machine, state.events, state.articles, reviews)
    state.incidents = apply_reviews(machine, reviews, state.events, state.articles)
    state.tally_records = resolve_tallies(
        list(state.tallies.values()), state.articles, state.incidents
    )


def resolve_state(
    mentions: Iterable[Mention],
    articles: Mapping[str, Article],
    reviews: Iterable[Review] = (),
    predictor: Predictor | None = None,
) -> ResolveState:
    """A from-scratch resolution, keeping the state an incremental run continues from.

    `predictor` runs the pairwise linking (default DuckDB in this process; a batch on Spark
    passes strikewatch.batch.spark.spark_predictor); every backend gives the same links.
    """
    state = ResolveState(articles=dict(articles))
    state.events, state.tallies = _split(mentions)
    for mid, m in state.events.items():
        _index(state, mid, features(m, state.articles.get(m.article_id)))
    edges = score_pairs(list(state.feats.values()), predictor=predictor)
    for (a, b), p in edges.items():
        state.adj.setdefault(a, {})[b] = p
        state.adj.setdefault(b, {})[a] = p
    for members in cluster(state.events.keys(), edges, state.feats):
        _install(state, members)
    _finish(state, reviews)
    return state


def _install(state: ResolveState, members: list[str]) -> None:
    key = members[0]
    state.clusters[key] = members
    for m in members:
        state.cluster_of[m] = key
    state.machine[key] = build_incident([state.events[m] for m in members], state.articles)
    state.profiles.pop(key, None)


def _uninstall(state: ResolveState, key: str) -> None:
    for m in state.clusters.pop(key, []):
        if state.cluster_of.get(m) == key:
            del state.cluster_of[m]
    state.machine.pop(key, None)
    state.profiles.pop(key, None)


def _component(state: ResolveState, start: str) -> set[str]:
    seen = {start}
    queue = deque([start])
    while queue:
        x = queue.popleft()
        for y in state.adj.get(x, {}):
            if y not in seen:
                seen.add(y)
                queue.append(y)
    return seen


def _remove_mention(state: ResolveState, mid: str, touched: set[str]) -> None:
    if mid in state.tallies:
        del state.tallies[mid]
        return
    if mid not in state.events:
        return
    key = state.cluster_of.get(mid)
    if key is not None:
        touched.update(state.clusters.get(key, []))
        _uninstall(state, key)
    for nb in state.adj.pop(mid, {}):
        state.adj[nb].pop(mid, None)
        touched.add(nb)
    for k in state.blocks.pop(mid, []):
        ids = state.block_index.get(k)
        if ids is not None:
            ids.discard(mid)
            if not ids:
                del state.block_index[k]
    state.feats.pop(mid, None)
    del state.events[mid]
    touched.discard(mid)


def resolve_incremental(
    state: ResolveState,
    new_mentions: Iterable[Mention],
    articles: Mapping[str, Article] | None = None,
    reviews: Iterable[Review] = (),
    removed_article_ids: Iterable[str] = (),
    also_touched: Iterable[str] = (),
    predictor: Predictor | None = None,
) -> tuple[list[Incident], list[Tally]]:
    """Add mentions (replacing any with the same id, and all mentions of the articles in
    `removed_article_ids`, e.g. on re-extraction) and re-resolve only what they touch.
    `also_touched`: more mention ids whose components must be re-clustered (resume_state's
    answer, for mentions that lost a stale neighbour). `predictor`: where the new
    mentions are scored against their neighbourhood (as in resolve_state).

    `state` is updated in place. The result equals `resolve(all mentions, all articles,
    reviews)`; reviews are re-applied to the whole ledger (cheap), as are the tallies, whose
    reconciliation depends on every incident.
    """
    if articles:
        state.articles.update(articles)
    new_events, new_tallies = _split(new_mentions)
    touched = set(also_touched)
    gone = set(removed_article_ids)
    if gone:
        for mid in [m for m, x in {**state.events, **state.tallies}.items()
                    if x.article_id in gone]:
            _remove_mention(state, mid, touched)
    for mid in [*new_events, *new_tallies]:
        _remove_mention(state, mid, touched)
    state.tallies.update(new_tallies)

    new_feats: dict[str, Features] = {}
    for mid, m in new_events.items():
        state.events[mid] = m
        new_feats[mid] = features(m, state.articles.get(m.article_id))
    neighbours: set[str] = set()
    for f in new_feats.values():
        for k in f.block_keys:
            neighbours |= state.block_index.get(k, set())
    for mid, f in new_feats.items():
        _index(state, mid, f)
    rows = [state.feats[i] for i in sorted(neighbours | set(new_feats))]
    for (a, b), p in score_pairs(rows, only_touching=new_feats.keys(),
                                    predictor=predictor).items():
        state.adj.setdefault(a, {})[b] = p
        state.adj.setdefault(b, {})[a] = p

    # Re-cluster every component a new or removed mention touches.
    touched |= set(new_feats)
    done: set[str] = set()
    for start in sorted(touched):
        if start in done or start not in state.events:
            continue
        comp = _component(state, start)
        done |= comp
        for key in {state.cluster_of[m] for m in comp if m in state.cluster_of}:
            _uninstall(state, key)
        ids = sorted(comp)
        edges = {(a, b): p for a in ids for b, p in state.adj.get(a, {}).items() if a < b}
        for members in cluster_component(ids, edges, state.feats):
            _install(state, members)
    _finish(state, reviews)
    return list(state.incidents), list(state.tally_records)


def resolve(
    mentions: Iterable[Mention],
    articles: dict[str, Article],
    reviews: Iterable[Review] = (),
    predictor: Predictor | None = None,
) -> tuple[list[Incident], list[Tally]]:
    """The ledger for these mentions; reviews are applied last and always win."""
    state = resolve_state(mentions, articles, reviews, predictor)
    return list(state.incidents), list(state.tally_records)

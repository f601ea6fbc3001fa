"""From scored pairs to clusters: single linkage that never breaks a cannot-link rule.

Plain connected components (splink's own clustering) chain: A~B and B~C put A and C
together even when A and C are two strikes on the same day in different seas. Here the
candidate links are taken strongest first and two clusters are joined only when at least
half the pairs across them are candidate links (so one vague report cannot chain two events
together) and no pair across them breaks a cannot-link rule (features.hard_conflict: same
article, dates or places that cannot be one event, an act vs an intention).

The result for one connected component of the link graph depends only on that
component's mentions and links; the incremental resolver relies on this to re-cluster only
the components a new article touches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from strikewatch.resolve.features import Features, _tolls_apart, hard_conflict


def components(ids: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components (each sorted; the list sorted by first id)."""
    parent: dict[str, str] = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for i in parent:
        groups[find(i)].append(i)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def _dated(f: Features) -> bool:
    """Known to a day (or a night across two)."""
    return f.d_lo is not None and f.d_hi is not None and f.d_hi - f.d_lo <= 1


def _torn(v: str, nbs: Iterable[tuple[str, float]], feats: Mapping[str, Features]) -> bool:
    """Whether a report known only to a span of days ("in October", "this week") links
    about as strongly (`_strongest`) to reports of two different strikes: dated reports
    that a cannot-link rule other than their sharing an article keeps apart (another
    day, another sea, another strike of the series). Any link it makes then picks one of
    several strikes its span holds; attaching, which places a loose report only where
    exactly one strike agrees with it, decides instead. (Undated reports are left to
    their links: most that link to rivals are a fresh page's report of the latest.)"""
    if _dated(feats[v]) or (feats[v].d_lo is None and not _page_windowed(feats[v])):
        return False
    dated = [feats[n] for n, _p in nbs if _dated(feats[n])]
    return any(hard_conflict(x, y) not in (None, "same article")
               for i, x in enumerate(dated) for y in dated[i + 1:])


def _page_windowed(f: Features) -> bool:
    """An undated report of a page with no publication date (compared only through its
    page's window, `features.page_window_days`, or its copies): like a span report, its
    window may hold several strikes of one toll and sea."""
    return f.d_lo is None and f.published is None


#: Links this much weaker than a report's strongest still count as rivals of that one.
RIVAL_MARGIN = 0.1


def _strongest(nbs: list[tuple[str, float]]) -> list[tuple[str, float]]:
    top = max((p for _, p in nbs), default=0.0)
    return [(n, p) for n, p in nbs if p >= top - RIVAL_MARGIN]


def _untorn(ids: list[str], edges: Mapping[tuple[str, str], float],
            feats: Mapping[str, Features]) -> dict[tuple[str, str], float]:
    """The links, less every link of a report torn between strikes (`_torn`)."""
    nbs: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (a, b), p in edges.items():
        nbs[a].append((b, p))
        nbs[b].append((a, p))
    # a report placed only by its page's window: any two strikes it links to tear it
    torn = {v for v in ids if _torn(v, nbs[v] if _page_windowed(feats[v]) else
                                   _strongest(nbs[v]), feats)}
    if not torn:
        return dict(edges)
    return {k: p for k, p in edges.items() if k[0] not in torn and k[1] not in torn}


def _other_strike_of_its_page(side: list[str], other: list[str],
                              feats: Mapping[str, Features],
                              by_article: Mapping[str, list[str]],
                              edges: Mapping[tuple[str, str], float]) -> bool:
    """Whether a report of `side` is its page's other strike, not `other`'s: its closed
    toll shares no figure with a report of `other`, while another report of its own
    article, linked to that report, tells its very toll and not this one's. An
    article that tells two strikes of a day ("the first strike killed two ... the second,
    three") keeps them apart already; where both could join one incident, the one whose
    toll it shares is that incident's, and the other is the day's other strike (two
    strikes hours apart in one sea differ in little else)."""
    for x in side:
        fx = feats[x]
        if fx.killed_lo is None or fx.killed_hi is None:
            continue
        for y in other:
            fy = feats[y]
            if not _tolls_apart(fx, fy):
                continue
            if any(s != x and ((s, y) in edges or (y, s) in edges) and
                   _same_closed_toll(feats[s], fy) and _tolls_apart(feats[s], fx)
                   for s in by_article[fx.article_id]):
                return True
    return False


def _same_closed_toll(a: Features, b: Features) -> bool:
    return None not in (a.killed_lo, a.killed_hi) and \
        (a.killed_lo, a.killed_hi) == (b.killed_lo, b.killed_hi)


#: hard_conflict's reason for two day-precise reports a day apart with no toll in common
DAY_OFF = "another day, and no toll to tie them"


def _tied_across_midnight(x: Features, y: Features, a: Features, b: Features) -> bool:
    """Whether x and y, a day apart with no toll to tie them (`DAY_OFF`), are tied by the
    link a~b being made: a and b are the same two days with the very same toll (a strike
    told across a midnight or a time zone), x (of a's cluster) has a's day, y has b's,
    and one of x, y tells no toll. The toll rule asks each pair for its own toll; inside
    a cluster the link's toll speaks for a report of that day that gave none. Tolls that
    differ still keep them apart."""
    if hard_conflict(x, y) != DAY_OFF or (x.killed_lo is not None and y.killed_lo is not None):
        return False
    if a.killed_lo is None or a.killed_lo < 1 or \
            (a.killed_lo, a.killed_hi) != (b.killed_lo, b.killed_hi):
        return False
    return _day(a) != _day(b) and _day(x) == _day(a) and _day(y) == _day(b)


def _day(f: Features) -> tuple[int | None, int | None]:
    return f.d_lo, f.d_hi


def cluster_component(
    ids: list[str], edges: Mapping[tuple[str, str], float], feats: Mapping[str, Features]
) -> list[list[str]]:
    """Constrained single linkage within one component; clusters sorted, deterministic."""
    if len(ids) == 1:
        return [list(ids)]
    edges = _untorn(ids, edges, feats)
    members: dict[str, list[str]] = {i: [i] for i in ids}
    by_article: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        by_article[feats[i].article_id].append(i)
    owner: dict[str, str] = {i: i for i in ids}
    idset = set(ids)
    ordered = sorted(
        ((p, a, b) for (a, b), p in edges.items() if a in idset and b in idset),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for _p, a, b in ordered:
        ca, cb = owner[a], owner[b]
        if ca == cb:
            continue
        cross = sum(1 for x in members[ca] for y in members[cb]
                    if (x, y) in edges or (y, x) in edges)
        if cross * 2 < len(members[ca]) * len(members[cb]):
            continue  # most pairs across are not links: do not chain through one report
        if any(
            hard_conflict(feats[x], feats[y]) is not None and
            not _tied_across_midnight(feats[x], feats[y], feats[a], feats[b])
            for x in members[ca]
            for y in members[cb]
        ):
            continue
        if _other_strike_of_its_page(members[ca], members[cb], feats, by_article, edges) or \
                _other_strike_of_its_page(members[cb], members[ca], feats, by_article, edges):
            continue
        keep, drop = (ca, cb) if ca < cb else (cb, ca)
        for x in members[drop]:
            owner[x] = keep
        members[keep].extend(members.pop(drop))
    return sorted((sorted(m) for m in members.values()), key=lambda g: g[0])


def cluster(
    ids: Iterable[str], edges: Mapping[tuple[str, str], float], feats: Mapping[str, Features]
) -> list[list[str]]:
    """All clusters of these mentions given the candidate links among them."""
    idlist = sorted(set(ids))
    by_comp: dict[str, dict[tuple[str, str], float]] = defaultdict(dict)
    comps = components(idlist, edges.keys())
    first = {i: comp[0] for comp in comps for i in comp}
    for (a, b), p in edges.items():
        if a in first and b in first:
            by_comp[first[a]][(a, b)] = p
    out: list[list[str]] = []
    for comp in comps:
        out.extend(cluster_component(comp, by_comp.get(comp[0], {}), feats))
    return sorted(out, key=lambda g: g[0])

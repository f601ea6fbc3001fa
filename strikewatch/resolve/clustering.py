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

from strikewatch.resolve.features import Features, hard_conflict


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


def cluster_component(
    ids: list[str], edges: Mapping[tuple[str, str], float], feats: Mapping[str, Features]
) -> list[list[str]]:
    """Constrained single linkage within one component; clusters sorted, deterministic."""
    if len(ids) == 1:
        return [list(ids)]
    members: dict[str, list[str]] = {i: [i] for i in ids}
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
            hard_conflict(feats[x], feats[y]) is not None
            for x in members[ca]
            for y in members[cb]
        ):
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

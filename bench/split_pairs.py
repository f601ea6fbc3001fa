"""Why reports of one strike stay in different incidents: a diagnostic over ledger golds.

For every pair of reports of one strike that landed in different incidents (a *split pair*
of `strikewatch eval --ledger`), the mentions behind each report are compared the way the
resolver compares them, and the pair is put in the first class that applies:

- never compared: no mention of one report shares a blocking key with a mention of the
  other (features.block_keys), so splink never scored them — subdivided by why (a side
  with no blocking key at all, days that do not meet, zones that do not meet);
- cannot-link: compared, but a hard rule (features.hard_conflict) forbids the link;
- below threshold: compared, scored under linking.LINK_THRESHOLD;
- linked but apart: a candidate link exists; clustering or attaching kept them apart.

    PYTHONPATH=. python bench/split_pairs.py tests/gold/ledger/boats.json ... [-v]

A measuring tool for developers: it reads the ledger golds, it tunes nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import itertools
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from strikewatch.evaluate_ledger import (
    BuiltLedger,
    LedgerGold,
    build_ledger,
    is_violent_occurred,
    load_ledger_gold,
    report_incidents,
)
from strikewatch.records import Incident
from strikewatch.resolve import attaching, linking
from strikewatch.resolve.features import Features, features, hard_conflict
from strikewatch.resolve.linking import LINK_THRESHOLD, feature_table, predict_duckdb
from strikewatch.store import Store, open_store


def pair_probability(a: Features, b: Features) -> float:
    """The model's match probability for two mentions, whatever their blocking keys."""
    both = [dataclasses.replace(f, block_keys=["k"]) for f in (a, b)]
    table = pa.Table.from_batches([feature_table(both)])
    saved = linking.LINK_THRESHOLD
    try:
        linking.LINK_THRESHOLD = 0.0
        got = predict_duckdb(table)
    finally:
        linking.LINK_THRESHOLD = saved
    return got[0][2] if got else 0.0


def why_not_blocked(a: Features, b: Features) -> str:
    if not a.block_keys or not b.block_keys:
        return "a side has no blocking key (undated page, or span > 5 weeks)"
    if any(k.split("|", 1)[1].startswith("copy:") for k in a.block_keys + b.block_keys):
        return "a side has only a copy key"
    days_a = {k.split("|", 1)[0] for k in a.block_keys}
    days_b = {k.split("|", 1)[0] for k in b.block_keys}
    zones_a = {k.split("|", 1)[1] for k in a.block_keys}
    zones_b = {k.split("|", 1)[1] for k in b.block_keys}
    if not days_a & days_b:
        return "days do not meet"
    if not zones_a & zones_b:
        return "zones do not meet"
    return "days and zones meet, but not together"


@dataclasses.dataclass
class LedgerView:
    """A ledger gold's ledger, built as `eval --ledger` builds it, with what the resolver
    compares: each counted incident, its mentions and its attaching profile."""

    gold: LedgerGold
    built: BuiltLedger
    store: Store
    incidents: dict[str, Incident]  # the violent occurred ones, which the scorer counts
    by_report: dict[str, set[str]]  # report (`file#key`) -> incident ids
    profiles: dict[str, attaching.Profile]


@contextlib.contextmanager
def ledger_view(path: Path) -> Iterator[LedgerView]:
    """Build the ledger of one ledger gold in a temporary store (removed on exit)."""
    lg = load_ledger_gold(path)
    with tempfile.TemporaryDirectory(prefix="split-") as tmp:
        built = build_ledger(lg.golds, Path(tmp))
        store = open_store(str(Path(tmp) / "ledger.db"))
        try:
            incidents = {i.id: i for i in built.incidents if is_violent_occurred(i)}
            mentions = {m.id: m for m in store.get_mentions(
                [m for i in incidents.values() for m in i.mention_ids])}
            profs = {p.id: p for p in attaching.profiles(
                incidents.values(), attaching.mention_texts(mentions))}
            yield LedgerView(lg, built, store, incidents, report_incidents(lg, built), profs)
        finally:
            store.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("ledgers", nargs="+", type=Path)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    classes: Counter[str] = Counter()
    for path in args.ledgers:
        with ledger_view(path) as view:
            store, incidents, by_report, profs = \
                view.store, view.incidents, view.by_report, view.profiles
            built = view.built
            by_day, by_sea, by_cue = _indexes(profs.values())
            arts = {a.id: a for a in built.articles.values() if a is not None}
            name_of = {a.id: n for n, a in built.articles.items() if a is not None}
            for s in view.gold.strikes:
                held = {r: by_report.get(r, set()) & incidents.keys() for r in s.reports}
                reached = [(r, ids) for r, ids in held.items() if ids]
                for (r1, i1), (r2, i2) in itertools.combinations(reached, 2):
                    if i1 & i2:
                        continue
                    f1, f2 = (_feats(store, incidents, ids, r, name_of, arts)
                              for r, ids in ((r1, i1), (r2, i2)))
                    cls, detail = _classify(f1, f2)
                    if cls.startswith("never compared") or cls.startswith("compared"):
                        cls += " / attach: " + _attach_why(i1, i2, profs, by_day, by_sea,
                                                           by_cue)
                    classes[cls] += 1
                    if args.v:
                        print(f"{s.id}: {r1} / {r2}: {cls} {detail}")
    total = sum(classes.values())
    print(f"split pairs: {total}")
    for cls, n in classes.most_common():
        print(f"  {n:4d}  {cls}")


def _indexes(profs):  # type: ignore[no-untyped-def]
    """attaching.attachments' candidate indexes."""
    by_day: dict = defaultdict(list)
    by_sea: dict = defaultdict(list)
    by_cue: dict = defaultdict(list)
    for d in profs:
        if not d.dated:
            continue
        for day in range(d.window[0], d.window[1] + 1):
            by_day[day].append(d)
            for cue in attaching.day_cues(day):
                for zone in attaching.zone_keys(d):
                    by_cue[cue, zone].append(d)
        if d.place.sea:
            by_sea[d.place.sea].append(d)
    return by_day, by_sea, by_cue


def _attach_why(i1, i2, profs, by_day, by_sea, by_cue) -> str:  # type: ignore[no-untyped-def]
    """Why attaching joined no loose incident of one report to the other's incident."""
    whys = []
    for a_ids, b_ids in ((i1, i2), (i2, i1)):
        for a in a_ids:
            p = profs.get(a)
            if p is None or p.dated:
                continue
            kind = "window" if p.window else ("cues" if p.cues else "no window, no cue")
            if p.cues:
                found = [d for d in attaching._cue_candidates(p, by_cue)
                         if attaching.plausible(p, d)]
                if found:
                    kind += f" {len(found)} cue candidates"
            pool = attaching._pool(p, by_day, by_sea)
            if pool is None:
                whys.append(f"{kind}: cannot be placed (toll {p.killed}, sea {p.place.sea})")
                continue
            pl = [d for d in pool if attaching.plausible(p, d)]
            found = attaching.by_toll(p, pl)
            target = [d for d in found if d.id in b_ids]
            inpool = [d for d in pl if d.id in b_ids]
            whys.append(f"{kind}: pool {len(pool)} plausible {len(pl)} by_toll {len(found)}"
                        f" sibling plausible {bool(inpool)} kept {bool(target)}"
                        f" agree {[attaching.agree(p, d) for d in inpool]}")
    return "; ".join(whys) or "both dated"


def _feats(store, incidents, ids, report, name_of, arts) -> list[Features]:  # type: ignore[no-untyped-def]
    name = report.partition("#")[0]
    mids = [m for i in ids for m in incidents[i].mention_ids]
    ms = [m for m in store.get_mentions(mids) if name_of.get(m.article_id) == name]
    return [features(m, arts.get(m.article_id)) for m in ms]


def _classify(f1: list[Features], f2: list[Features]) -> tuple[str, str]:
    pairs = [(a, b) for a in f1 for b in f2]
    if not pairs:
        return "no mentions found", ""
    blocked = [(a, b) for a, b in pairs if set(a.block_keys) & set(b.block_keys)]
    if not blocked:
        whys = Counter(why_not_blocked(a, b) for a, b in pairs)
        why = whys.most_common(1)[0][0]
        conflicts = {hard_conflict(a, b) for a, b in pairs}
        probs = [pair_probability(a, b) for a, b in pairs if hard_conflict(a, b) is None]
        best = max(probs) if probs else None
        return f"never compared: {why}", f"(conflicts {conflicts}, best p if blocked {best})"
    conflicts = [hard_conflict(a, b) for a, b in blocked]
    ok = [(a, b) for (a, b), c in zip(blocked, conflicts, strict=True) if c is None]
    if not ok:
        return f"cannot-link: {Counter(conflicts).most_common(1)[0][0]}", ""
    probs = [pair_probability(a, b) for a, b in ok]
    if max(probs) < LINK_THRESHOLD:
        return "compared, below threshold", f"(best p {max(probs):.3f})"
    return "linked but kept apart (clustering / attaching)", f"(best p {max(probs):.3f})"


if __name__ == "__main__":
    main()

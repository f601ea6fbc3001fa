"""Why each SPLIT strike of `strikewatch eval --ledger` stays in several incidents.

A SPLIT strike is one whose reports reached two or more incidents with none holding them
all (the scorer's own definition, tied reports shared as it shares them). Each pair of its
reports in different incidents is put in the cause class of its closest incident pair —
the one that gets furthest through attaching's checks (`attaching.plausible`, then
`consistent`, then `agree`) — and the strike in the class of most of its report pairs.

Which check of `plausible` fails first is asked of `plausible` itself: the fields of its
later checks are blanked on both profiles, last check first, until it lets the pair
through; the check whose fields were blanked last is the first that failed. So the classes
follow the resolver's rules as they change, without a copy of them here. One blur: the
actors check (`_involves`) also reads the place's country, so a pair failing only that
may be counted under places.

    PYTHONPATH=. python bench/split_causes.py tests/gold/ledger/boats.json ...

A measuring tool for developers: it reads the ledger golds, it tunes nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from bench.split_pairs import LedgerView, ledger_view
from strikewatch.evaluate_ledger import report_spans, share_tied_incidents, tied_reports
from strikewatch.resolve import attaching
from strikewatch.resolve.attaching import Profile
from strikewatch.resolve.features import place_features

Blank = Callable[[Profile], Profile]


def _no_place(p: Profile) -> Profile:
    return dataclasses.replace(p, place=dataclasses.replace(
        p.place, **place_features(None, None)))


#: `plausible`'s checks in its order: the class a failing check gives, and how to blank
#: the fields it reads.
CHECKS: list[tuple[str, Blank]] = [
    ("a fragment of an article, or the article's other strike, holds a report",
     lambda p: dataclasses.replace(p, articles=frozenset())),
    ("strike counts differ", lambda p: dataclasses.replace(p, strikes=None)),
    ("actors differ (an announcer or a target read as the actor)",
     lambda p: dataclasses.replace(p, actor_country=None, actor_name=None,
                                   roles_country=None)),
    ("domains differ", lambda p: dataclasses.replace(p, domain=None)),
    ("target kinds differ", lambda p: dataclasses.replace(p, target_kind=None)),
    ("seas or places differ", _no_place),
]
TOLLS = "tolls differ (revised, 'at least', an item vs the day's total)"
NEITHER = "one side has neither a toll nor a place to agree on"
OPEN = "every check agrees; open date: undated report, or several candidates"
BOTH_DATED = "every check agrees; both dated, days differ"
UNPROFILED = "an incident attaching leaves out (discounted)"
UNKNOWN = "another check of plausible (split_causes.CHECKS does not blank its fields)"
#: classes from the furthest a pair gets through the checks to the nearest.
ORDER = [BOTH_DATED, OPEN, NEITHER, TOLLS, *(c for c, _ in reversed(CHECKS)), UNKNOWN,
         UNPROFILED]


def pair_cause(a: Profile, b: Profile) -> str:
    """The cause class of two incidents of one strike left apart."""
    if not attaching.plausible(a, b):
        for cause, blank in reversed(CHECKS):
            a, b = blank(a), blank(b)
            if attaching.plausible(a, b):
                return cause
        return UNKNOWN
    if not attaching.consistent(a, b):
        return TOLLS
    if not attaching.agree(a, b):
        return NEITHER
    return BOTH_DATED if a.dated and b.dated else OPEN


def report_pair_cause(i1: set[str], i2: set[str], profiles: Mapping[str, Profile]) -> str:
    """The class of the closest incident pair between two reports' incidents."""
    causes = [pair_cause(profiles[x], profiles[y]) if x in profiles and y in profiles
              else UNPROFILED for x in sorted(i1) for y in sorted(i2)]
    return min(causes, key=ORDER.index)


def split_strikes(view: LedgerView) -> Iterator[tuple[str, list[str]]]:
    """(strike id, the classes of its report pairs) for each SPLIT strike, as the scorer
    counts SPLIT (score_ledger)."""
    lg, incidents = view.gold, view.incidents
    held_by = {s.id: {r: view.by_report.get(r, set()) & incidents.keys() for r in s.reports}
               for s in lg.strikes}
    share_tied_incidents(lg, held_by, tied_reports(lg, report_spans(lg, view.built)),
                         incidents)
    for s in lg.strikes:
        reached = [ids for ids in held_by[s.id].values() if ids]
        if len(reached) < 2 or any(all(c in ids for ids in reached)
                                   for c in set().union(*reached)):
            continue
        yield s.id, [report_pair_cause(a, b, view.profiles)
                     for a, b in itertools.combinations(reached, 2) if not a & b]


def strike_cause(pair_causes: list[str]) -> str:
    """Most of its report pairs' class; among equals, the one furthest through the checks."""
    counts = Counter(pair_causes)
    return max(counts, key=lambda c: (counts[c], -ORDER.index(c)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ledgers", nargs="+", type=Path, help="ledger gold files")
    args = ap.parse_args()
    strikes: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for path in args.ledgers:
        with ledger_view(path) as view:
            for sid, causes in split_strikes(view):
                cause = strike_cause(causes)
                strikes[cause] += 1
                pairs.update(causes)
                print(f"SPLIT {sid}: {cause} ({len(causes)} report pairs: "
                      f"{dict(Counter(causes))})")
    print("\n| cause | strikes | report pairs |\n|---|---|---|")
    for cause in sorted(pairs, key=lambda c: (-strikes[c], -pairs[c], c)):
        print(f"| {cause} | {strikes[cause]} | {pairs[cause]} |")
    print(f"| total | {strikes.total()} | {pairs.total()} |")

if __name__ == "__main__":
    main()

"""Fit the incident confidence model (resolve/confidence.py) on the dev ledgers.

    PYTHONPATH=$PWD nice .venv/bin/python -m strikewatch.learn.incident_data   # cache, once
    PYTHONPATH=$PWD nice .venv/bin/python -m strikewatch.learn.train_incident_filter \\
        [--cache DIR] [--write] [--action off|score|fold] [--threshold T] \\
        [--mode toll|stronger|one]
    # the shipped weights: --write --action off --threshold 0.5 --mode toll
    # (INCFILTER_MODES=toll INCFILTER_T=0.3,0.5,0.7: the modes and thresholds reported)

Each cached dev ledger is resolved in memory with the filter off; every violent occurred
incident is labelled as the ledger scorer classifies it (evaluate_ledger.score_ledger:
the best incident of a strike 1, a duplicate or a false incident 0) and summarised
(confidence.summarize, context_features). Leave-one-ledger-out cross-validation
(learn/cv.py) scores each ledger's incidents by the model fitted without it; each action
is then simulated on the ledger at a few thresholds (an incident it demotes leaves the
strikes the scorer counts) and scored again, per fold and summed, against the rules alone.
`--write` fits on every dev ledger and stores the weights (learn/incident_filter.json)
with the action and threshold given. Deterministic: sorted features, L-BFGS from zeros.
"""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from strikewatch.learn.cv import leave_one_group_out
from strikewatch.learn.incident_data import DEV_LEDGERS, CachedLedger, load_cached
from strikewatch.learn.logreg import LogReg, fit
from strikewatch.records import Incident
from strikewatch.resolve import confidence
from strikewatch.resolve.features import Features

L2 = 1.0
#: demote: the thresholds tried; fold: the modes and thresholds tried (1.01: every
#: incident, whatever its score: the rule without the model)
THRESHOLDS = (0.1, 0.2, 0.3)
MODES = tuple(os.environ.get("INCFILTER_MODES", "toll,stronger").split(","))
FOLD_THRESHOLDS = tuple(float(t) for t in
                        os.environ.get("INCFILTER_T", "0.3,0.4,0.5,0.6,1.01").split(","))
LEDGERS = Path("tests/gold/ledger")


@dataclass
class Fold:
    """One dev ledger as the rules resolve it, with its summaries and labels."""

    name: str
    cached: CachedLedger
    incidents: list[Incident]
    summaries: list[confidence.Summary]
    xs: dict[str, dict[str, float]]  # judged incident id -> features
    labels: dict[str, str]  # judged incident id -> best | duplicate | false


def _score(c: CachedLedger, incidents: list[Incident]) -> object:
    from strikewatch.evaluate_ledger import BuiltLedger, load_ledger_gold, score_ledger

    lg = load_ledger_gold(LEDGERS / f"{c.name}.json")
    arts = {g: (c.articles.get(a) if a else None) for g, a in c.by_gold.items()}
    return score_ledger(lg, BuiltLedger(incidents, arts, list(c.crashed)))


def read_fold(name: str, where: Path | None = None) -> Fold:
    """Resolve one cached ledger with the filter off and label its incidents."""
    from strikewatch.resolve import resolve

    c = load_cached(name, where)
    os.environ["STRIKEWATCH_INCIDENT_FILTER"] = "off"
    incidents, _ = resolve(c.mentions, c.articles)
    sc = _score(c, incidents)
    mentions = {m.id: m for m in c.mentions}
    sums = [confidence.summarize(i, [mentions[m] for m in i.mention_ids if m in mentions],
                                 c.articles) for i in incidents]
    ctx = confidence.context_features(sums)
    xs = {s.id: confidence.features(s, ctx[s.id]) for s in sums if s.judged}
    return Fold(c.name, c, incidents, sums, xs, dict(sc.labels))  # type: ignore[attr-defined]


def fitter(xs: Sequence[dict[str, float]], ys: Sequence[int]) -> LogReg:
    return fit(xs, ys, l2=L2)


def cross_validate(folds: list[Fold]) -> dict[str, float]:
    """Incident id -> P from the model fitted without its ledger."""
    rows = [(f.name, iid, x, int(f.labels.get(iid) == "best"))
            for f in folds for iid, x in sorted(f.xs.items())]
    probs: dict[str, float] = {}
    for _, train, test in leave_one_group_out([r[0] for r in rows]):
        model = fitter([rows[i][2] for i in train], [rows[i][3] for i in train])
        for i in test:
            probs[rows[i][1]] = model.predict(rows[i][2])
    return probs


Rule = Callable[[confidence.Summary, float], bool]


def _demote(t: float) -> Rule:
    """Demote (keep, not count) a lone undated report scored under `t`."""
    return lambda s, p: p < t and _lone_undated(s)


def _lone_undated(s: confidence.Summary) -> bool:
    """One report with no date of its own: what demoting (kept, not counted) would take."""
    return s.own.get("reports", 0.0) <= math.log1p(1) and not s.own.get("own_date", 0.0)


def simulate(f: Fold, probs: dict[str, float], rule: Rule) -> object:
    """The fold's score with every incident the rule demotes out of the counted strikes."""
    out = []
    for inc, s in zip(f.incidents, f.summaries, strict=True):
        p = probs.get(inc.id)
        if p is not None and rule(s, p):
            inc = inc.model_copy(update={"status": "hypothetical"})
        out.append(inc)
    return _score(f.cached, out)


def simulate_fold(f: Fold, probs: dict[str, float], threshold: float, mode: str) -> object:
    """The fold's score with each low incident folded into its target (fold_targets):
    both rebuilt as one incident from their mentions."""
    from strikewatch.resolve.features import features
    from strikewatch.resolve.merging import build_incident

    by_id = {i.id: i for i in f.incidents}
    mentions = {m.id: m for m in f.cached.mentions}

    def load(iid: str) -> list[Features]:
        ms = [mentions[m] for m in by_id[iid].mention_ids if m in mentions]
        return [features(m, f.cached.articles.get(m.article_id)) for m in ms]

    verdict = confidence.Verdict(probs, confidence.fold_targets(f.summaries, probs,
                                                                threshold, mode))
    verdict = confidence.joinable(verdict, load)
    targets = verdict.folds
    into = verdict.groups()
    out = []
    for inc in f.incidents:
        if inc.id in targets:
            continue
        if inc.id in into:
            ids = [*inc.mention_ids, *(m for low in into[inc.id]
                                       for m in by_id[low].mention_ids)]
            inc = build_incident([mentions[m] for m in sorted(ids)], f.cached.articles)
        out.append(inc)
    return _score(f.cached, out)


def _line(name: str, sc: object) -> str:
    s = sc.__dict__
    prec = s["real"] / s["incidents"] if s["incidents"] else 1.0
    return (f"{name:10} found {s['found']:3}/{s['strikes']:3} prec {s['real']:3}/"
            f"{s['incidents']:3} {prec:.2f} dup {s['duplicate_incidents']:3} false "
            f"{s['false_incidents']:3} over {s['over_merged']:2} merged {s['merged']:3}/"
            f"{s['multi_report']:3} date "
            f"{s['date_exact']:3}/{s['dated']:3} toll {s['toll_exact']:3}")


def report(folds: list[Fold], probs: dict[str, float]) -> None:
    from strikewatch.evaluate_ledger import LedgerScore

    rules: dict[str, Rule] = {"rules-only": lambda s, p: False}
    for t in THRESHOLDS:
        rules[f"demote-lone<{t}"] = _demote(t)
    for mode in MODES:
        for t in FOLD_THRESHOLDS:
            total = LedgerScore()
            print(f"== fold-{mode}<{t}")
            for f in folds:
                sc = simulate_fold(f, probs, t, mode)
                total.add(sc)  # type: ignore[arg-type]
                print("  " + _line(f.name, sc))
            print("  " + _line("TOTAL", total), flush=True)
    for name, rule in rules.items():
        total = LedgerScore()
        print(f"== {name}")
        for f in folds:
            sc = simulate(f, probs, rule)
            total.add(sc)  # type: ignore[arg-type]
            print("  " + _line(f.name, sc))
        print("  " + _line("TOTAL", total), flush=True)


def auc(folds: list[Fold], probs: dict[str, float]) -> float:
    pos = [probs[i] for f in folds for i in f.xs if f.labels.get(i) == "best"]
    neg = [probs[i] for f in folds for i in f.xs if f.labels.get(i) != "best"]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / max(1, len(pos) * len(neg))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cache", type=Path, help="the shared ledger cache (learn/ledger_cache)")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--action", default="fold", choices=("off", "score", "fold"))
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--mode", default="toll", choices=("one", "stronger", "toll"))
    ap.add_argument("--no-report", action="store_true")
    args = ap.parse_args()
    folds = [read_fold(n, args.cache) for n in DEV_LEDGERS]
    n = sum(len(f.xs) for f in folds)
    best = sum(v == "best" for f in folds for v in f.labels.values())
    print(f"{n} judged incidents, {best} best of a strike")
    probs = cross_validate(folds)
    print(f"leave-one-ledger-out AUC {auc(folds, probs):.3f}")
    if not args.no_report:
        report(folds, probs)
    if args.write:
        rows = [(x, int(f.labels.get(i) == "best")) for f in folds
                for i, x in sorted(f.xs.items())]
        model = fitter([r[0] for r in rows], [r[1] for r in rows])
        model.meta.update(action=args.action, threshold=args.threshold, mode=args.mode,
                          ledgers=list(DEV_LEDGERS),
                          cv_auc=round(auc(folds, probs), 4))
        model.save(confidence.WEIGHTS)
        print("wrote", confidence.WEIGHTS)
        for k, w in model.top(20):
            print(f"  {w:+.3f} {k}")


if __name__ == "__main__":
    main()

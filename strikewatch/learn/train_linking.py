"""Train and measure the linking model's weights: `python -m strikewatch.learn.train_linking`.

    python -m strikewatch.learn.train_linking read  [--cache DIR]  # extract the dev ledgers once
    python -m strikewatch.learn.train_linking cv    [--cache DIR]  # leave-one-ledger-out report
    python -m strikewatch.learn.train_linking train [--cache DIR]  # rewrite the shipped weights
    python -m strikewatch.learn.train_linking tune  [--cache DIR]  # weights + margins on ledgers

The dev ledger golds say which report of which article belongs to which strike: labelled
pair data. `read` ingests each dev ledger's articles as `eval --ledger` does
(evaluate_ledger.build_ledger: pipeline.run into a fresh store) and keeps the mentions,
the articles and what scoring needs in the cache every resolver trainer shares
(learn/ledger_cache, one file per ledger under DIR, keyed by the code version: never
stale); every other command reads from it and builds what it lacks. Each occurred,
non-background event mention is given the strikes whose reports its spans align with (the
ledger scorer's own alignment, evaluate.aligned_entries); every pair the blocking compares
(linking.blocked_pairs) that breaks no cannot-link rule is labelled: the same strike 1,
different strikes 0, unknown (a side aligned to none, tied strikes) left out.

The fit is splink's model itself, a logistic function of the comparison levels reached
(log2 Bayes factors summed with the prior's log-odds): a logistic regression over one
indicator per non-null level, its weights held near the hand weights by a Gaussian prior
(L2 on the difference; a level the labels rarely see keeps about its hand weight) and the
bias the prior's log-odds. Unlike counting m and u per level (splink's supervised
estimate_m_from_pairwise_labels, naive Bayes), the joint fit does not count correlated
evidence twice (the wording and the specific words; the place and the date). Deterministic
(L-BFGS from the hand weights, rounded), offline.

`cv` fits on every dev ledger but one, resolves the left-out ledger with the fitted weights
(linking.using) and scores it (evaluate_ledger.score_ledger) against the hand weights, and
reports the pairwise AUC / precision / recall of both at LINK_THRESHOLD (`--fit` picks the
fit: FITS). `train` writes the labelled pairs (PAIRS_PATH, levels and labels only) and the
weights fitted on them (WEIGHTS_PATH); `refit` rebuilds the weights from PAIRS_PATH alone.
The measured result (resolve/README.md): no fit beat the hand weights on the ledgers, so
the shipped weights are not the default (linking.DEFAULT_MODEL).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import math
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strikewatch.evaluate import aligned_entries, evidence_spans, load_gold, record_spans
from strikewatch.evaluate_ledger import (
    BuiltLedger,
    LedgerScore,
    load_ledger_gold,
    score_ledger,
)
from strikewatch.learn.batches import DEV_LEDGERS
from strikewatch.learn.logreg import fit_matrix
from strikewatch.records import Article, Mention
from strikewatch.resolve import resolve
from strikewatch.resolve.features import Features, features, hard_conflict
from strikewatch.resolve.linking import (
    HAND,
    LINK_THRESHOLD,
    SPEC,
    WEIGHTS_PATH,
    LinkModel,
    blocked_pairs,
    level_labels,
    pair_levels,
    using,
)

LEDGER_DIR = Path(__file__).resolve().parents[2] / "tests" / "gold" / "ledger"
#: L-BFGS settings of the linking fits: tight, so a refit reproduces the shipped weights.
_LBFGS = {"maxiter": 5000, "gtol": 1e-10, "ftol": 1e-14}
#: The labelled pairs the shipped weights were fitted on (`save_pairs`).
PAIRS_PATH = WEIGHTS_PATH.with_name("linking_pairs.json")
#: The fit the shipped weights come from (FITS).
FIT = "levels"
#: The Gaussian prior's strength (per level, in natural-log units²): how far the labels
#: may pull a weight from its hand value.
L2 = 2.0
DIGITS = 3
#: Label an occurred report that aligns with no strike (a false or fragmentary one) as
#: another strike than a report of one (else the pair is left out).
UNALIGNED_NEGATIVE = False


@dataclass
class LedgerCase:
    """One dev ledger as extraction read it: what resolving and scoring it again needs."""

    name: str
    mentions: list[Mention]
    articles: dict[str, Article]  # article id -> article
    built_articles: dict[str, Article | None]  # gold file name -> its stored article
    crashed: list[tuple[str, str]]
    strikes_of: dict[str, frozenset[str]]  # mention id -> the strikes it reports

    def path(self) -> Path:
        return LEDGER_DIR / f"{self.name}.json"


def read_ledger(path: Path, where: Path | None = None) -> LedgerCase:
    """A ledger gold's articles ingested as `eval --ledger` does (the shared build of
    learn/ledger_cache: made once per code version and kept), its mentions labelled."""
    from strikewatch.learn.ledger_cache import built_ledger

    c = built_ledger(path, where, log=lambda s: print(s, flush=True))
    # resolution reads the articles that carry mentions, as the store hands them back
    ids = {m.article_id for m in c.mentions}
    articles = {k: a for k, a in c.articles.items() if k in ids}
    return LedgerCase(path.stem, list(c.mentions), articles, dict(c.by_gold),
                      list(c.crashed), label_mentions(path, c.mentions, c.by_gold))


def label_mentions(path: Path, mentions: Sequence[Mention],
                   built: Mapping[str, Article | None]) -> dict[str, frozenset[str]]:
    """Mention id -> the strikes whose reports its spans align with (the ledger scorer's
    alignment, evaluate_ledger.report_incidents, applied to one mention), for occurred
    event mentions that are not background; the others are left out (unknown)."""
    lg = load_ledger_gold(path)
    owner = {r: s.id for s in lg.strikes for r in s.reports}
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind != "tally" and m.status == "occurred" and not m.background:
            by_article.setdefault(m.article_id, []).append(m)
    out: dict[str, set[str]] = {}
    for g in lg.golds:
        art = built.get(g.name)
        if art is None:
            continue
        gold, _ = load_gold(g)
        entries = gold.get("expect") or []
        spans = [evidence_spans(art.text, e.get("evidence") or [], f"{g.name} {e.get('key')}")
                 for e in entries]
        for m in by_article.get(art.id, []):
            rec = m.model_dump(mode="json")
            found = aligned_entries(rec, record_spans(rec), entries, spans)
            if not found:
                continue
            top = max(w for w, _ in found)
            for w, j in found:
                sid = owner.get(f"{g.name}#{entries[j].get('key')}")
                if w == top and sid is not None:
                    out.setdefault(m.id, set()).add(sid)
    return {k: frozenset(v) for k, v in out.items()}


# --- labelled pairs -----------------------------------------------------------------------

@dataclass
class Pair:
    ledger: str
    a: str
    b: str
    levels: dict[str, int]  # comparison -> gamma (linking.blocked_pairs)
    label: int | None  # 1 same strike, 0 different, None unknown


def pair_label(a: frozenset[str] | None, b: frozenset[str] | None) -> int | None:
    """1 where both report the one same strike, 0 where they share none, else unknown
    (an empty set: an occurred report aligned to no strike, a false one: 0 beside a
    report of a strike when UNALIGNED_NEGATIVE)."""
    if a == frozenset() and b or b == frozenset() and a:
        return 0
    if not a or not b:
        return None
    if len(a) == 1 and a == b:
        return 1
    return 0 if not a & b else None


def _strikes_of(case: LedgerCase) -> dict[str, frozenset[str]]:
    strikes_of = dict(case.strikes_of)
    if UNALIGNED_NEGATIVE:
        for m in case.mentions:
            if m.kind != "tally" and m.status == "occurred" and not m.background:
                strikes_of.setdefault(m.id, frozenset())
    return strikes_of


def case_pairs(case: LedgerCase) -> list[Pair]:
    """Every blocked pair of the ledger's event mentions that no cannot-link rule parts."""
    feats = {m.id: features(m, case.articles.get(m.article_id))
             for m in case.mentions if m.kind != "tally"}
    strikes_of = _strikes_of(case)
    out = []
    for a, b, levels in blocked_pairs(list(feats.values())):
        if hard_conflict(feats[a], feats[b]) is not None:
            continue
        out.append(Pair(case.name, a, b, levels,
                        pair_label(strikes_of.get(a), strikes_of.get(b))))
    return out


def signal_pairs(case: LedgerCase) -> list[Pair]:
    """The pairs attaching asks the model about while resolving the case with the hand
    weights (`attaching.mention_model`: an undated page's report beside dated incidents
    sharing a rare signal, which no day key blocks together), labelled alike."""
    from strikewatch.resolve import attaching

    asked: list[tuple[Features, Features]] = []
    original = attaching.pair_probabilities

    def recording(pairs: Sequence[tuple[Features, Features]]) -> list[float]:
        asked.extend(pairs)
        return original(pairs)

    attaching.pair_probabilities = recording
    try:
        with using(HAND):
            resolve(case.mentions, case.articles)
    finally:
        attaching.pair_probabilities = original
    strikes_of = _strikes_of(case)
    seen: set[tuple[str, str]] = set()
    uniq = []
    for a, b in asked:
        key = (min(a.unique_id, b.unique_id), max(a.unique_id, b.unique_id))
        if key not in seen and hard_conflict(a, b) is None:
            seen.add(key)
            uniq.append((a, b))
    return [Pair(case.name, a.unique_id, b.unique_id, lv,
                 pair_label(strikes_of.get(a.unique_id), strikes_of.get(b.unique_id)))
            for (a, b), lv in zip(uniq, pair_levels(uniq), strict=True)]


# --- the fit ------------------------------------------------------------------------------

def _columns() -> list[tuple[str, str, float]]:
    """(comparison, level label, hand weight) of every non-null level, in SPEC order."""
    return [(name, label, w) for name, levels in SPEC for _, label, w in levels
            if w is not None]


def design(pairs: Sequence[Pair]) -> tuple[Any, Any]:
    """The 0/1 matrix of levels reached (one column per non-null level) and the labels."""
    import numpy as np

    cols = _columns()
    index = {(c, lab): j for j, (c, lab, _) in enumerate(cols)}
    names = level_labels()
    X = np.zeros((len(pairs), len(cols)))
    for i, p in enumerate(pairs):
        for c, g in p.levels.items():
            j = index.get((c, names[c].get(g, "")))
            if j is not None:
                X[i, j] = 1.0
    y = np.asarray([p.label for p in pairs], dtype=float)
    return X, y


def fit_levels_fixed_prior(pairs: Sequence[Pair], l2: float = L2,
                           base: LinkModel = HAND) -> LinkModel:
    """`fit_model` with the prior held at the base's (the labelled share of matches is no
    estimate of it: most blocked pairs are unlabelled)."""
    return fit_model(pairs, l2, base, "trained-fixed-prior", fixed_prior=True)


def fit_model(pairs: Sequence[Pair], l2: float = L2, base: LinkModel = HAND,
              name: str = "trained", fixed_prior: bool = False) -> LinkModel:
    """The weights of the labelled pairs: logistic regression over the level indicators,
    L2 toward `base`'s weights (natural-log units), bias free; L-BFGS from `base`."""
    import numpy as np

    used = [p for p in pairs if p.label is not None]
    X, y = design(used)
    cols = _columns()
    ln2 = math.log(2.0)
    w0 = np.asarray([base.weight(c, lab, h) * ln2 for c, lab, h in cols])
    b0 = math.log(base.prior / (1.0 - base.prior))
    w, b = fit_matrix(X, y, l2, options=_LBFGS, center=w0, bias=b0, fit_bias=not fixed_prior)
    weights: dict[str, dict[str, float]] = {}
    for j, (c, lab, _) in enumerate(cols):
        weights.setdefault(c, {})[lab] = round(float(w[j]) / ln2, DIGITS)
    prior = round(1.0 / (1.0 + math.exp(-b)), 6)
    return LinkModel(prior, weights, name)


def fit_scales(pairs: Sequence[Pair], l2: float = L2, base: LinkModel = HAND,
               name: str = "trained-scales") -> LinkModel:
    """Fewer parameters than `fit_model`: one factor per comparison scaling its base
    weights (the levels keep their order and ratios) and the prior, fitted as a logistic
    regression on each comparison's base weight reached, the factors held near 1."""
    import numpy as np

    used = [p for p in pairs if p.label is not None]
    names = level_labels()
    comps = [c for c, _ in SPEC]
    ln2 = math.log(2.0)
    hand = {(c, lab): w for c, lab, w in _columns()}
    X = np.zeros((len(used), len(comps)))
    for i, p in enumerate(used):
        for j, c in enumerate(comps):
            g = p.levels[c]
            if g >= 0:
                lab = names[c][g]
                X[i, j] = base.weight(c, lab, hand[(c, lab)]) * ln2
    y = np.asarray([p.label for p in used], dtype=float)
    b0 = math.log(base.prior / (1.0 - base.prior))
    a, b = fit_matrix(X, y, l2, options=_LBFGS, center=np.ones(len(comps)), bias=b0)
    weights = {c: {lab: round(float(a[j]) * base.weight(c, lab, hand[(c, lab)]), DIGITS)
                   for (cc, lab) in hand if cc == c} for j, c in enumerate(comps)}
    return LinkModel(round(1.0 / (1.0 + math.exp(-b)), 6), weights, name)


def fit_counts_all(pairs: Sequence[Pair], l2: float = L2, base: LinkModel = HAND) -> LinkModel:
    """`fit_counts` with u and the prior from every blocked pair not labelled the same
    strike (unknown pairs too: most are another strike or a false report)."""
    return fit_counts([dataclasses.replace(p, label=p.label or 0) for p in pairs], l2, base,
                      "trained-counts-all")


def fit_counts(pairs: Sequence[Pair], l2: float = L2, base: LinkModel = HAND,
               name: str = "trained-counts") -> LinkModel:
    """Fellegi-Sunter by counting, as splink's supervised estimation does (m of each level:
    its share among same-strike pairs, estimate_m_from_pairwise_labels; u here its share
    among different-strike blocked pairs, not random pairs, since the prior is among
    blocked pairs): `l2` pseudo-pairs per comparison spread as the base weights imply
    (add-`l2` smoothing), the prior the labelled share of matches."""
    used = [p for p in pairs if p.label is not None]
    names = level_labels()
    hand = {(c, lab): w for c, lab, w in _columns()}
    weights: dict[str, dict[str, float]] = {}
    for c, levels in SPEC:
        labs = [lab for _, lab, w in levels if w is not None]
        n1 = {lab: 0.0 for lab in labs}
        n0 = {lab: 0.0 for lab in labs}
        for p in used:
            g = p.levels[c]
            if g >= 0:
                (n1 if p.label else n0)[names[c][g]] += 1
        # the base's m and u shares, with u spread evenly (its weights fix only m/u ratios)
        bm = {lab: 2.0 ** base.weight(c, lab, hand[(c, lab)]) for lab in labs}
        zm = sum(bm.values())
        t1, t0 = sum(n1.values()) + l2, sum(n0.values()) + l2
        weights[c] = {lab: round(math.log2(((n1[lab] + l2 * bm[lab] / zm) / t1)
                                           / ((n0[lab] + l2 / len(labs)) / t0)), DIGITS)
                      for lab in labs}
    pos = sum(p.label == 1 for p in used)
    return LinkModel(round(pos / max(len(used), 1), 6), weights, name)


#: The fits `--fit` may name.
FITS = {"levels": fit_model, "scales": fit_scales, "counts": fit_counts,
        "counts-all": fit_counts_all, "levels-fixed-prior": fit_levels_fixed_prior}


def pair_scores(pairs: Sequence[Pair], model: LinkModel) -> list[float]:
    """Each pair's match probability under `model` (as splink computes it)."""
    names = level_labels()
    hand = {(c, lab): w for c, lab, w in _columns()}
    logit = math.log2(model.prior / (1.0 - model.prior))
    out = []
    for p in pairs:
        s = logit
        for c, g in p.levels.items():
            lab = names[c].get(g)
            if g >= 0 and lab is not None:
                s += model.weight(c, lab, hand[(c, lab)])
        out.append(1.0 / (1.0 + 2.0 ** (-s)) if s > -1000 else 0.0)
    return out


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """The probability a random same-strike pair outscores a random different one."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y == 1]
    neg = sorted(s for s, y in zip(scores, labels, strict=True) if y == 0)
    if not pos or not neg:
        return float("nan")
    import bisect

    total = 0.0
    for s in pos:
        lo = bisect.bisect_left(neg, s)
        hi = bisect.bisect_right(neg, s)
        total += lo + 0.5 * (hi - lo)
    return total / (len(pos) * len(neg))


def pair_report(pairs: Sequence[Pair], model: LinkModel) -> str:
    """AUC, precision and recall at LINK_THRESHOLD of `model` on the labelled pairs."""
    used = [p for p in pairs if p.label is not None]
    ys = [int(p.label or 0) for p in used]
    ss = pair_scores(used, model)
    tp = sum(s >= LINK_THRESHOLD and y for s, y in zip(ss, ys, strict=True))
    fp = sum(s >= LINK_THRESHOLD and not y for s, y in zip(ss, ys, strict=True))
    pos = sum(ys)
    return (f"AUC {auc(ss, ys):.3f} precision {tp}/{tp + fp} recall {tp}/{pos} "
            f"(pairs {len(used)}, {pos} same strike)")


# --- resolving and scoring ----------------------------------------------------------------

def score_case(case: LedgerCase, model: LinkModel) -> LedgerScore:
    """The ledger of the case resolved with `model`'s weights, scored."""
    with using(model):
        incidents, _ = resolve(case.mentions, case.articles)
    return score_ledger(load_ledger_gold(case.path()),
                        BuiltLedger(incidents, case.built_articles, case.crashed))


def _short(sc: LedgerScore) -> str:
    return (f"found {sc.found}/{sc.strikes} dup {sc.duplicate_incidents} "
            f"false {sc.false_incidents} merged {sc.merged}/{sc.multi_report} "
            f"pairs {sc.pairs_together}/{sc.pairs} over {sc.over_merged} "
            f"date {sc.date_exact}/{sc.dated} toll {sc.toll_exact}/{sc.strikes}")


def training_pairs(case: LedgerCase) -> list[Pair]:
    """The blocked pairs and the signal pairs attaching asks about beyond them."""
    pairs = case_pairs(case)
    seen = {(min(p.a, p.b), max(p.a, p.b)) for p in pairs}
    return pairs + [p for p in signal_pairs(case) if (min(p.a, p.b), max(p.a, p.b)) not in seen]


def cross_validate(cases: Sequence[LedgerCase], l2: float = L2,
                   out: Any = print, fit: str = "levels") -> tuple[LedgerScore, LedgerScore]:
    """Leave one ledger out: fit on the others, resolve and score the left-out one with the
    fitted and with the hand weights. Returns the summed scores (hand, trained)."""
    pairs = {c.name: training_pairs(c) for c in cases}
    tot_h, tot_t = LedgerScore(), LedgerScore()
    held: list[Pair] = []
    scored_t: list[float] = []
    for c in cases:
        train = [p for name, ps in pairs.items() if name != c.name for p in ps]
        model = FITS[fit](train, l2)
        test = [p for p in pairs[c.name] if p.label is not None]
        held += test
        scored_t += pair_scores(test, model)
        h, t = score_case(c, HAND), score_case(c, model)
        tot_h.add(h)
        tot_t.add(t)
        out(f"{c.name:9s} hand    {_short(h)}")
        out(f"{'':9s} trained {_short(t)}")
    ys = [int(p.label or 0) for p in held]
    ss_h = pair_scores(held, HAND)
    for name, ss in (("hand", ss_h), ("trained (out of fold)", scored_t)):
        tp = sum(s >= LINK_THRESHOLD and y for s, y in zip(ss, ys, strict=True))
        fp = sum(s >= LINK_THRESHOLD and not y for s, y in zip(ss, ys, strict=True))
        out(f"pairs {name}: AUC {auc(ss, ys):.3f} precision {tp}/{tp + fp} "
            f"recall {tp}/{sum(ys)}")
    out(f"TOTAL     hand    {_short(tot_h)}")
    out(f"{'':9s} trained {_short(tot_t)}")
    return tot_h, tot_t


# --- tuning on the ledger measures -------------------------------------------------------

@dataclass(frozen=True)
class Setting:
    """A point of the joint search (`tune`): level weights changed from the hand weights
    ("comparison|label" -> log2 Bayes factor) and the margins clustering and attaching
    read (None: as shipped). Why joint: the margins were set on the hand weights' scale,
    and a fit of the weights alone by pair likelihood merged more strikes (README)."""

    name: str
    weights: tuple[tuple[str, float], ...] = ()
    prior: float | None = None
    rival_margin: float | None = None
    signal_cap: int | None = None

    def model(self) -> LinkModel:
        ws = {c: dict(levels) for c, levels in HAND.weights.items()}
        for key, w in self.weights:
            comp, label = key.split("|", 1)
            if label not in ws.get(comp, {}):
                raise KeyError(f"no level {key!r} in SPEC")
            ws[comp][label] = w
        return LinkModel(HAND.prior if self.prior is None else self.prior, ws, self.name)

    def step(self, name: str, **changes: Any) -> Setting:
        """This setting with one more change (weights merge, margins replace)."""
        weights = dict(self.weights)
        weights.update(changes.pop("weights", {}))
        return dataclasses.replace(self, name=name, weights=tuple(sorted(weights.items())),
                                   **changes)


@contextlib.contextmanager
def margins(setting: Setting) -> Iterator[None]:
    """The setting's clustering and attaching margins in force inside the block."""
    from strikewatch.resolve import attaching, clustering

    saved = clustering.RIVAL_MARGIN, attaching.SIGNAL_CAP
    if setting.rival_margin is not None:
        clustering.RIVAL_MARGIN = setting.rival_margin
    if setting.signal_cap is not None:
        attaching.SIGNAL_CAP = setting.signal_cap
    try:
        yield
    finally:
        clustering.RIVAL_MARGIN, attaching.SIGNAL_CAP = saved


def objective(sc: LedgerScore) -> float:
    """What `tune` maximises, on the ledger measures, not on pair likelihood: strikes found
    count twice, every duplicate and false incident once against, an over-merged incident
    (two real strikes in one) three times, and a fifth for each pair of one strike's
    reports brought together (which the found/duplicate counts miss on strikes with many
    reports)."""
    return (2.0 * sc.found - sc.duplicate_incidents - sc.false_incidents
            - 3.0 * sc.over_merged + 0.2 * sc.pairs_together)


def score_setting(cases: Sequence[LedgerCase], setting: Setting) -> dict[str, LedgerScore]:
    """Each case's ledger resolved under `setting` and scored."""
    model = setting.model()
    with margins(setting):
        return {c.name: score_case(c, model) for c in cases}


def _summed(scores: Mapping[str, LedgerScore], names: Iterable[str]) -> LedgerScore:
    tot = LedgerScore()
    for n in names:
        tot.add(scores[n])
    return tot


def lolo_select(table: Mapping[str, Mapping[str, LedgerScore]], base: str
                ) -> tuple[LedgerScore, dict[str, str]]:
    """Leave one ledger out over scored settings (`table`: setting -> ledger -> score): for
    each ledger, the setting with the best `objective` on the other ledgers (ties: `base`,
    then by name) scores it. Returns the summed held-out scores and each ledger's pick."""
    ledgers = sorted(table[base])
    total, picks = LedgerScore(), {}
    for held in ledgers:
        rest = [n for n in ledgers if n != held]
        pick = max(sorted(table), key=lambda s: (objective(_summed(table[s], rest)),
                                                  s == base))
        picks[held] = pick
        total.add(table[pick][held])
    return total, picks


def default_steps(at: Setting) -> list[Setting]:
    """One change each from `at`: every weighted level of SPEC up and down by one bit
    (half a bit for levels under two in size), the prior, the rival margin and the
    signal cap. `tune` walks these greedily."""
    current = dict(at.weights)
    out = []
    for comp, levels in SPEC:
        for _, label, hand in levels:
            if hand is None:
                continue
            key = f"{comp}|{label}"
            w = current.get(key, hand)
            size = 1.0 if abs(hand) >= 2 else 0.5
            out += [at.step(f"{key}{d:+g}", weights={key: w + d}) for d in (-size, size)]
    prior = at.prior or HAND.prior
    out += [at.step(f"prior*{f}", prior=prior * f) for f in (0.75, 1.33)]
    from strikewatch.resolve import attaching, clustering

    rival = at.rival_margin if at.rival_margin is not None else clustering.RIVAL_MARGIN
    cap = at.signal_cap if at.signal_cap is not None else attaching.SIGNAL_CAP
    out += [at.step(f"rival {r:g}", rival_margin=r) for r in (rival / 2, rival * 2)]
    out += [at.step(f"signal cap {c}", signal_cap=c) for c in (cap - 1, cap + 1) if c >= 1]
    return out


def tune(cases: Sequence[LedgerCase], rounds: int = 2, out: Any = print,
         steps: Any = default_steps, only: Sequence[str] = ()
         ) -> tuple[Setting, LedgerScore, LedgerScore]:
    """Greedy coordinate search of level weights and margins on the ledger `objective`:
    each round scores every one-change step from the best setting so far on every case and
    moves to the best step if it beats the current one (`only`: the steps whose name holds one
    of these strings, where a full round takes too long). Then leave one ledger out over
    every setting scored (`lolo_select`: the settings are picked without the ledger they
    are judged on; the greedy path itself saw every ledger, so this is optimistic by
    the path). Returns (best setting on all, its summed score, the held-out sum)."""
    t0 = time.monotonic()
    at = Setting("hand")
    table = {at.name: score_setting(cases, at)}
    names = [c.name for c in cases]
    best = objective(_summed(table[at.name], names))
    out(f"{at.name:40s} J {best:7.1f} {_short(_summed(table[at.name], names))}")
    for _ in range(rounds):
        moved = None
        for st in steps(at):
            if only and not any(o in st.name for o in only):
                continue
            table[st.name] = score_setting(cases, st)
            j = objective(_summed(table[st.name], names))
            out(f"{st.name:40s} J {j:7.1f} {_short(_summed(table[st.name], names))} "
                f"[{time.monotonic() - t0:.0f}s]")
            if j > best:
                best, moved = j, st
        if moved is None:
            break
        at = moved
    held, picks = lolo_select(table, "hand")
    out(f"leave-one-ledger-out picks: {picks}")
    for n in names:  # per fold: the hand weights against the setting the others picked
        out(f"{n:9s} hand    {_short(table['hand'][n])}")
        out(f"{'':9s} {picks[n][:30]:30s} {_short(table[picks[n]][n])}")
    out(f"leave-one-ledger-out hand:     J {objective(_summed(table['hand'], names)):.1f} "
        f"{_short(_summed(table['hand'], names))}")
    out(f"leave-one-ledger-out held-out: J {objective(held):.1f} {_short(held)}")
    return at, _summed(table[at.name], names), held


def tune_groups(cases: Sequence[LedgerCase], groups: Sequence[str], out: Any = print,
                steps: Any = default_steps) -> dict[str, tuple[LedgerScore, dict[str, str]]]:
    """One round of `tune` per group of steps (the steps whose name holds the group's word),
    every group against one scoring of the hand weights: each group's leave-one-ledger-out
    (`lolo_select` over the hand weights and that group's steps only) is its own, so a gain
    is told per group, not mixed with another group's; scoring the hand weights once saves
    a pass over every ledger per group. Returns each group's held-out sum and picks."""
    t0 = time.monotonic()
    hand = Setting("hand")
    base = score_setting(cases, hand)
    names = [c.name for c in cases]
    out(f"{'hand':40s} J {objective(_summed(base, names)):7.1f} {_short(_summed(base, names))}")
    result = {}
    for group in groups:
        table = {"hand": base}
        for st in steps(hand):
            if group not in st.name:
                continue
            table[st.name] = score_setting(cases, st)
            out(f"{st.name:40s} J {objective(_summed(table[st.name], names)):7.1f} "
                f"{_short(_summed(table[st.name], names))} [{time.monotonic() - t0:.0f}s]")
        held, picks = lolo_select(table, "hand")
        for n in names:  # the folds whose held-out pick is not the hand weights
            if picks[n] != "hand":
                out(f"  {group}: {n:9s} hand {_short(base[n])}")
                out(f"  {group}: {'':9s} {picks[n][:30]:30s} {_short(table[picks[n]][n])}")
        out(f"group {group!r} held-out: J {objective(held):.1f} {_short(held)} "
            f"(hand J {objective(_summed(base, names)):.1f})")
        result[group] = (held, picks)
    return result


def write_model(model: LinkModel, path: Path = WEIGHTS_PATH) -> None:
    path.write_text(json.dumps(model.to_json(), indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")


def save_pairs(pairs: Sequence[Pair], path: Path = PAIRS_PATH) -> None:
    """The labelled pairs as data (ledger, level labels reached, label; no text, no ids):
    what `refit` rebuilds the shipped weights from without reading any article."""
    names = level_labels()
    rows = [[p.ledger, p.label, {c: names[c][g] for c, g in sorted(p.levels.items()) if g >= 0}]
            for p in pairs if p.label is not None]
    path.write_text(json.dumps({"comparisons": [c for c, _ in SPEC], "pairs": rows},
                               separators=(",", ":")) + "\n", encoding="utf-8")


def load_pairs(path: Path = PAIRS_PATH) -> list[Pair]:
    """`save_pairs`' pairs back (a level label no longer in SPEC is dropped: null)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    gamma = {c: {lab: g for g, lab in by.items()} for c, by in level_labels().items()}
    out = []
    for i, (ledger, label, reached) in enumerate(data["pairs"]):
        levels = {c: gamma[c].get(reached.get(c, ""), -1) for c, _ in SPEC}
        out.append(Pair(str(ledger), f"{i}l", f"{i}r", levels, label))
    return out


def read_all(names: Iterable[str] = DEV_LEDGERS, log: Any = print,
             where: Path | None = None) -> list[LedgerCase]:
    """The named dev ledgers, each from the shared cache (built where it has none)."""
    cases = []
    for n in names:
        log(f"reading {n}")
        cases.append(read_ledger(LEDGER_DIR / f"{n}.json", where))
    return cases


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=("read", "cv", "train", "refit", "pairs", "tune"))
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--only", nargs="*", default=[],
                    help="tune: the steps whose name holds one of these strings")
    ap.add_argument("--groups", action="store_true",
                    help="tune: each --only string a group of its own, one round each, "
                         "against one scoring of the hand weights (tune_groups)")
    ap.add_argument("--cache", type=Path, default=None,
                    help="the shared ledger cache folder (learn/ledger_cache.cache_dir())")
    ap.add_argument("--ledgers", nargs="*", default=list(DEV_LEDGERS))
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--out", type=Path, default=WEIGHTS_PATH)
    ap.add_argument("--unaligned-negative", action="store_true")
    ap.add_argument("--fit", choices=sorted(FITS), default=FIT)
    args = ap.parse_args(argv)
    if args.what == "refit":  # offline: from the shipped labelled pairs alone
        pairs = load_pairs()
        write_model(FITS[args.fit](pairs, args.l2), args.out)
        print(f"wrote {args.out} from {len(pairs)} labelled pairs")
        return
    global UNALIGNED_NEGATIVE
    UNALIGNED_NEGATIVE = UNALIGNED_NEGATIVE or args.unaligned_negative
    cases = read_all(args.ledgers, lambda s: print(s, flush=True), args.cache)
    if args.what == "read":
        return
    if args.what == "tune" and args.groups:
        tune_groups(cases, args.only, lambda s: print(s, flush=True))
    elif args.what == "tune":
        best, _, _ = tune(cases, args.rounds, lambda s: print(s, flush=True), only=args.only)
        print(f"best: {best}")
    elif args.what == "cv":
        cross_validate(cases, args.l2, lambda s: print(s, flush=True), args.fit)
    elif args.what == "pairs":
        ps = [p for c in cases for p in training_pairs(c)]
        print("hand    ", pair_report(ps, HAND))
        m = FITS[args.fit](ps, args.l2)
        print("trained ", pair_report(ps, m), "(in sample)")
        for c, ws in m.weights.items():
            print(c, {k: (v, HAND.weight(c, k, 0.0)) for k, v in ws.items()})
        print("prior", m.prior)
    else:
        pairs = [p for c in cases for p in training_pairs(c)]
        save_pairs(pairs)
        model = FITS[args.fit](load_pairs(), args.l2)  # what `refit` gives
        write_model(model, args.out)
        print(f"wrote {args.out} and {PAIRS_PATH}: {pair_report(pairs, model)}")


if __name__ == "__main__":
    # run from the importable module, so the cache pickles its classes by their real name
    from strikewatch.learn.train_linking import main as _main

    _main()

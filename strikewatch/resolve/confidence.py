"""Incident confidence: a trained judgement of each violent occurred incident as a whole.

The mention filter (extract/components/mention_filter.py) judges one mention in one
article. After resolution the ledger knows more about an incident than any one article
does: how many articles and independent origins report it, whether any report dates it,
gives a toll or a place in its own sentences, whether its pages also told plans and
threats, how many incidents its pages made, and whether another incident of the same days
and zone stands beside it. A fragment read as a strike ("the strikes have killed dozens"),
a duplicate left apart by linking and a lone undated report look alike on those signals
whatever words they use; a strike told by two outlets with its day, toll and place looks
otherwise.

The model is a logistic regression (learn/logreg.py) on those general signals only (no
words), fitted on the dev ledgers by `learn/train_incident_filter.py`, where each built
incident is labelled as the ledger scorer classifies it: the best incident of a real strike
(1), or a duplicate or false incident (0). It runs after attaching, in the in-memory
resolver (`resolve._finish`) and the streamed one (`streamed._confidence`), on the same
`Summary` of each incident, so both give one ledger.

What the score does is set by the weights' `meta.action` (`STRIKEWATCH_INCIDENT_FILTER`
overrides: off | score | fold):
- score: each judged incident carries `confidence`, P(the best incident of a real strike);
- fold: also, an incident under the threshold that has a window of days (its own date
  span, or the week before its page's publication) is folded into the one other incident
  that could be the same strike (`fold_targets`: its very closed toll, its zone, its days,
  dated to a day, told better and scored higher), where exactly one is.
Leave-one-ledger-out numbers decide which is shipped (resolve/README.md): off, for now
(the fold gains a little precision on 3 of 16 dev ledgers and loses nothing); demoting low
incidents (kept, not counted) lost strikes on every threshold and is not offered.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from strikewatch.learn import hashing
from strikewatch.learn.logreg import LogReg
from strikewatch.ledger.reviews import review_scope
from strikewatch.records import NOT_VIOLENT_TYPES, Article, Incident, Mention, Review
from strikewatch.resolve.features import (
    UNDATED_LOOKBACK_DAYS,
    Features,
    day_number,
    hard_conflict,
    operation_conflict,
    sea_key,
)
from strikewatch.resolve.features import features as linking_features
from strikewatch.resolve.merging import build_incident

WEIGHTS = Path(__file__).resolve().parent.parent / "learn" / "incident_filter.json"
#: intentions and denials: a page that tells many is a plan, threat or denial page
INTENT = frozenset({"planned", "threatened", "hypothetical", "denied"})
#: a window wider than this (days) finds no neighbours (a month is any strike of it)
MAX_NEIGHBOUR_WINDOW = 35
#: a zone with more incidents than this finds no twins by zone alone (a campaign's sea)
MAX_ZONE = 200
#: a report starting this far into its page is past the lede
LEDE_CHARS = 600
#: log1p(1): the `origins` feature of an incident told by one origin (a lone report)
LONE = math.log1p(1)
#: hashed buckets for the categorical fields (sub-event type, target, domain)
CATEGORY_DIM = 32


def violent_occurred(inc: Incident) -> bool:
    """The incidents the model judges: what the ledger counts as a strike."""
    return inc.status == "occurred" and not inc.background and \
        inc.event_type not in NOT_VIOLENT_TYPES


@dataclass(frozen=True)
class Summary:
    """What the model reads of one incident: its own signals, and the keys its ledger
    context is found by. Small, so the streamed resolver keeps one per incident."""

    id: str
    judged: bool  # violent occurred
    window: tuple[int, int] | None  # days it may lie in (its date, else before publication)
    zone: str | None  # sea, else country (None: unplaced)
    toll: int | None  # a closed killed toll
    killed: tuple[int | None, int | None]
    articles: tuple[str, ...]
    # per article: (event mentions, intentions or denials, background) of this incident
    statuses: tuple[tuple[str, int, int, int], ...]
    own: dict[str, float] = field(default_factory=dict)


def _zone(inc: Incident) -> str | None:
    p = inc.place
    if p is None:
        return None
    sea = sea_key(p, at_sea=inc.domain == "sea")
    return f"sea:{sea}" if sea else (f"cc:{p.country or p.near_country}"
                                     if p.country or p.near_country else None)


def _window(inc: Incident) -> tuple[int, int] | None:
    lo, hi = day_number(inc.date_low), day_number(inc.date_high)
    if lo is not None and hi is not None:
        return lo, hi
    pubs = [d for d in (day_number(s.published) for s in inc.sources) if d is not None]
    if not pubs:
        return None
    return min(pubs) - UNDATED_LOOKBACK_DAYS, max(pubs)


def _category(name: str, value: str | None) -> str:
    token = f"{name}={value or '-'}"
    return f"cat:{hashing.bucket(token, CATEGORY_DIM)}"


def own_features(inc: Incident, mentions: Sequence[Mention],
                 articles: Mapping[str, Article]) -> dict[str, float]:
    """The incident's own signals: counts of reports, articles and origins; which facts
    its reports told in their own sentences; grade, hedges, attribution; where in their
    pages the reports stand; the page's date and language."""
    n = max(1, len(mentions))
    origins = {s.origin_id or s.article_id for s in inc.sources}
    publishers = {s.publisher for s in inc.sources if s.publisher}
    lo, hi = day_number(inc.date_low), day_number(inc.date_high)
    told = {k for m in mentions for k, v in m.provenance.items() if v}
    first = min((s.start for m in mentions for s in m.spans), default=0)
    x: dict[str, float] = {
        "reports": math.log1p(len(mentions)),
        "articles": math.log1p(len(inc.sources)),
        "origins": math.log1p(len(origins)),
        "two_origins": float(len(origins) >= 2),
        "publishers": math.log1p(len(publishers)),
        "dated": float(lo is not None),
        "one_day": float(lo is not None and lo == hi),
        "width": math.log1p(hi - lo) if lo is not None and hi is not None else 0.0,
        "own_date": float("date" in told),
        "toll": float(inc.killed_low is not None or inc.killed_high is not None),
        "closed_toll": float(inc.killed_low is not None and inc.killed_low == inc.killed_high),
        "own_toll": float("killed" in told),
        "injured": float(inc.injured_low is not None or inc.injured_high is not None),
        "place": float(inc.place is not None),
        "own_place": float("place" in told),
        "at_sea": float(inc.place is not None and inc.place.geo_precision == 6),
        "precise_place": float(inc.place is not None and
                               (inc.place.geo_precision or 9) <= 3),
        "actor": float(inc.actor1 is not None),
        "target": float(inc.target_kind not in (None, "unknown")),
        f"grade_{inc.grade}": 1.0,
        "flags": float(bool(inc.flags)),
        "hedged": sum(bool(m.hedges) for m in mentions) / n,
        "attributed": sum(bool(m.attribution) for m in mentions) / n,
        "quoted": float(any(m.quotes for m in mentions)),
        "split": float(any(m.series_rank is not None for m in mentions)),
        "lede": float(first < LEDE_CHARS),
        "published": sum(s.published is not None for s in inc.sources) / max(1, len(inc.sources)),
        "spanish": float(any((a.language or "") == "es" for a in
                             (articles.get(s.article_id) for s in inc.sources) if a)),
    }
    for name, value in (("sub", inc.sub_event_type), ("target", inc.target_kind),
                        ("domain", inc.domain)):
        key = _category(name, value)
        x[key] = x.get(key, 0.0) + 1.0
    return x


def summarize(inc: Incident, mentions: Sequence[Mention],
              articles: Mapping[str, Article]) -> Summary:
    """One incident's summary (its mentions, in any order, and their articles)."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for m in mentions:
        c = per[m.article_id]
        c[0] += 1
        c[1] += m.status in INTENT
        c[2] += m.background
    judged = violent_occurred(inc)
    toll = inc.killed_low if inc.killed_low is not None and \
        inc.killed_low == inc.killed_high else None
    return Summary(inc.id, judged, _window(inc), _zone(inc), toll,
                   (inc.killed_low, inc.killed_high),
                   tuple(sorted({s.article_id for s in inc.sources} | set(per))),
                   tuple((a, c[0], c[1], c[2]) for a, c in sorted(per.items())),
                   own_features(inc, mentions, articles) if judged else {})


def _overlaps(a: tuple[int, int], b: tuple[int, int], slack: int = 1) -> bool:
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def context_features(summaries: Sequence[Summary]) -> dict[str, dict[str, float]]:
    """For each judged incident, what the rest of the ledger says about it: how many
    strikes its pages made and how much of them were plans, threats or background; how
    many other strikes of its days and zone stand beside it, one with its very toll, one
    dated where it is not."""
    page_strikes: dict[str, int] = defaultdict(int)
    page_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for s in summaries:
        for a, n, intent, bg in s.statuses:
            c = page_counts[a]
            c[0] += n
            c[1] += intent
            c[2] += bg
        if s.judged:
            for a in s.articles:
                page_strikes[a] += 1
    by_day: dict[int, dict[str | None, list[int]]] = defaultdict(lambda: defaultdict(list))
    judged = [s for s in summaries if s.judged]
    for i, s in enumerate(judged):
        if s.window is not None and s.window[1] - s.window[0] <= MAX_NEIGHBOUR_WINDOW:
            for d in range(s.window[0], s.window[1] + 1):
                by_day[d][s.zone].append(i)
    by_zone: dict[str | None, list[int]] = defaultdict(list)
    for i, s in enumerate(judged):
        by_zone[s.zone].append(i)
    out: dict[str, dict[str, float]] = {}
    for i, s in enumerate(judged):
        strikes = [page_strikes[a] for a in s.articles] or [1]
        shares = [(c[1] / c[0], c[2] / c[0]) for c in (page_counts[a] for a in s.articles)
                  if c[0]] or [(0.0, 0.0)]
        x = {"page_strikes_max": math.log(max(strikes)),
             "page_strikes_min": math.log(max(1, min(strikes))),
             "page_intent": max(v[0] for v in shares),
             "page_background": max(v[1] for v in shares)}
        near = _neighbours(i, s, judged, by_day)
        x["neighbours"] = math.log1p(len(near))
        x["neighbour_same_toll"] = float(s.toll is not None and
                                         any(judged[j].toll == s.toll for j in near))
        dated = s.window is not None and s.own.get("dated", 0.0) > 0
        x["neighbour_dated"] = float(not dated and any(
            judged[j].own.get("one_day", 0.0) > 0 for j in near))
        x["neighbour_bigger"] = float(any(
            judged[j].own.get("origins", 0.0) > s.own.get("origins", 0.0) for j in near))
        twins = [judged[j] for j in _twins(i, s, judged, by_day, by_zone)]
        x["twins"] = math.log1p(len(twins))
        x["twin_dated"] = float(not s.own.get("one_day", 0.0) and
                                any(t.own.get("one_day", 0.0) for t in twins))
        x["twin_bigger"] = float(any(_stronger(t, s) for t in twins))
        same = [t for t in twins if s.toll is not None and t.toll == s.toll]
        x["twin_same_toll"] = float(bool(same))
        x["twin_same_toll_bigger"] = float(any(_stronger(t, s) for t in same))
        x["one_stronger_twin"] = float(sum(_stronger(t, s) for t in twins) == 1)
        out[s.id] = x
    return out


def _tolls_agree(a: tuple[int | None, int | None], b: tuple[int | None, int | None]) -> bool:
    """Killed ranges that can be one strike's: either untold, or overlapping."""
    if a == (None, None) or b == (None, None):
        return True
    lo = max(x for x in (a[0], b[0], 0) if x is not None)
    highs = [x for x in (a[1], b[1]) if x is not None]
    return not highs or lo <= min(highs)


def _stronger(t: Summary, s: Summary) -> bool:
    """`t` is told better than `s`: dated to a day where `s` is not, or by more origins."""
    return (t.own.get("one_day", 0.0) > s.own.get("one_day", 0.0)
            or t.own.get("origins", 0.0) > s.own.get("origins", 0.0))


def _twins(i: int, s: Summary, judged: Sequence[Summary],
           by_day: Mapping[int, Mapping[str | None, list[int]]],
           by_zone: Mapping[str | None, list[int]]) -> list[int]:
    """Other judged incidents that could be the same strike on what both say: zones that
    do not contradict (the same, or either unplaced), tolls that agree, windows that
    overlap (a day's slack) or either without one, no page in common. Bounded: an
    incident with a window looks at its days (and the windowless of its zone), one
    without at its zone only (an unplaced one without a window has none: it could be any
    strike), and a zone holding more than MAX_ZONE incidents tells nothing."""
    near: set[int] = set()
    if s.window is not None and s.window[1] - s.window[0] <= MAX_NEIGHBOUR_WINDOW:
        near = _neighbours(i, s, judged, by_day)
        zones: Iterable[str | None] = (s.zone, None) if s.zone is not None else by_zone.keys()
        for z in zones:
            members = by_zone.get(z, ())
            if len(members) <= MAX_ZONE:
                near.update(j for j in members if judged[j].window is None)
    elif s.zone is not None:
        for z in (s.zone, None):
            members = by_zone.get(z, ())
            if len(members) <= MAX_ZONE:
                near.update(members)
    mine = set(s.articles)

    def agrees(t: Summary) -> bool:
        days = s.window is None or t.window is None or _overlaps(s.window, t.window)
        return days and mine.isdisjoint(t.articles) and _tolls_agree(s.killed, t.killed)

    return sorted(j for j in near if j != i and agrees(judged[j]))


def _neighbours(i: int, s: Summary, judged: Sequence[Summary],
                by_day: Mapping[int, Mapping[str | None, list[int]]]) -> set[int]:
    """Other judged incidents whose windows overlap this one's (a day's slack) in a zone
    that does not contradict it (the same, or either unplaced), sharing no page."""
    if s.window is None or s.window[1] - s.window[0] > MAX_NEIGHBOUR_WINDOW:
        return set()
    found: set[int] = set()
    mine = set(s.articles)
    for d in range(s.window[0] - 1, s.window[1] + 2):
        zones = by_day.get(d)
        if not zones:
            continue
        keys: Iterable[str | None] = zones.keys() if s.zone is None else (s.zone, None)
        for z in keys:
            for j in zones.get(z, ()):
                if j != i and j not in found and mine.isdisjoint(judged[j].articles):
                    found.add(j)
    return found


def features(s: Summary, context: Mapping[str, float]) -> dict[str, float]:
    """The model's input: own signals and context, with the pairs that matter most
    together (an undated lone report; a lone report with a neighbour)."""
    x = {**s.own, **context}
    lone = float(s.own.get("origins", 0.0) <= LONE)
    x["lone_undated"] = lone * (1.0 - s.own.get("dated", 0.0))
    x["lone_no_own_fact"] = lone * float(not any(
        s.own.get(k, 0.0) for k in ("own_date", "own_toll", "own_place")))
    x["lone_beside"] = lone * float(context.get("neighbours", 0.0) > 0)
    return x


def fold_targets(summaries: Sequence[Summary], probs: Mapping[str, float],
                 threshold: float, mode: str = "one") -> dict[str, str]:
    """Low-confidence incident id -> the incident it is folded into: the one twin
    (`_twins`) told better than it (`_stronger`), dated to a day and scored higher, where
    exactly one is (mode "toll": the one with its very closed toll; "stronger": any toll
    that agrees; "one": and no other twin at all). Only a lone report (one origin) with a
    window of days folds: two outlets told apart from the other are the linker's call,
    and a report with no days could be any strike of its toll and sea (on the dev ledgers
    such folds were wrong as often as right). A target never folds itself: no chains.
    `joinable` then drops any fold a cannot-link rule forbids."""
    judged = [s for s in summaries if s.judged]
    by_day: dict[int, dict[str | None, list[int]]] = defaultdict(lambda: defaultdict(list))
    by_zone: dict[str | None, list[int]] = defaultdict(list)
    for i, s in enumerate(judged):
        by_zone[s.zone].append(i)
        if s.window is not None and s.window[1] - s.window[0] <= MAX_NEIGHBOUR_WINDOW:
            for d in range(s.window[0], s.window[1] + 1):
                by_day[d][s.zone].append(i)
    out: dict[str, str] = {}
    for i, s in enumerate(judged):
        p = probs.get(s.id, 1.0)
        if p >= threshold or s.window is None or s.own.get("origins", 0.0) > LONE:
            continue
        twins = [judged[j] for j in _twins(i, s, judged, by_day, by_zone)]
        better = [t for t in twins if _stronger(t, s) and t.own.get("one_day", 0.0)
                  and probs.get(t.id, 1.0) > p]
        if mode == "toll":
            better = [t for t in better if s.toll is not None and t.toll == s.toll]
        if len(better) != 1 or (mode == "one" and len(twins) != 1):
            continue
        out[s.id] = better[0].id
    return {a: b for a, b in out.items() if b not in out}


# --- the model in force ---------------------------------------------------------------

@lru_cache(maxsize=8)
def _load(path: str) -> LogReg:
    return LogReg.load(Path(path))


@dataclass(frozen=True)
class Filter:
    """The model, its threshold and what the score does (module doc)."""

    model: LogReg
    threshold: float
    action: str  # "score" | "fold"
    mode: str = "toll"  # fold_targets' mode


def active_filter() -> Filter | None:
    """The filter in force, or None when it is off (no weights, or the environment says).

    STRIKEWATCH_INCIDENT_FILTER=off|score|fold overrides the weights' `meta.action`;
    STRIKEWATCH_INCIDENT_FILTER_MODEL=FILE reads other weights (a fold's, in training);
    STRIKEWATCH_INCIDENT_FILTER_T=0.4 another threshold;
    STRIKEWATCH_INCIDENT_FILTER_MODE=one|stronger|toll another fold rule (fold_targets)."""
    env = os.environ.get("STRIKEWATCH_INCIDENT_FILTER", "").strip().lower()
    if env in ("off", "0", "no", "false"):
        return None
    path = os.environ.get("STRIKEWATCH_INCIDENT_FILTER_MODEL", "").strip() or str(WEIGHTS)
    if not Path(path).exists():
        return None
    model = _load(path)
    action = env if env in ACTIONS else str(model.meta.get("action", "off"))
    if action not in ACTIONS:
        return None
    t = os.environ.get("STRIKEWATCH_INCIDENT_FILTER_T", "").strip()
    mode = os.environ.get("STRIKEWATCH_INCIDENT_FILTER_MODE", "").strip() or \
        str(model.meta.get("mode", "toll"))
    return Filter(model, float(t) if t else float(model.meta.get("threshold", 0.5)), action,
                  mode)


#: what the score may do (module doc)
ACTIONS = ("score", "fold")


def probabilities(summaries: Sequence[Summary], model: LogReg) -> dict[str, float]:
    """P(the best incident of a real strike) for each judged incident (4 decimals: the
    same on every machine)."""
    ctx = context_features(summaries)
    return {s.id: round(model.predict(features(s, ctx[s.id])), 4)
            for s in summaries if s.judged}


@dataclass
class Verdict:
    """What the filter decided for a ledger: each judged incident's confidence, and the
    low ones to fold (low id -> target id)."""

    probs: dict[str, float]
    folds: dict[str, str]

    def groups(self) -> dict[str, list[str]]:
        """Target id -> the low incident ids folded into it, sorted."""
        out: dict[str, list[str]] = {}
        for low, target in sorted(self.folds.items()):
            out.setdefault(target, []).append(low)
        return out


def decide(summaries: Sequence[Summary], f: Filter, reviewed_ids: Iterable[str] = (),
           reviewed_mentions: Iterable[str] = (),
           mention_ids: Mapping[str, Sequence[str]] | None = None) -> Verdict:
    """Score every judged incident and, where the action folds, pick the folds; an
    incident a review may touch (by id or a mention it holds) neither folds nor takes a
    fold, so a person's decision never lands on an incident it did not see."""
    probs = probabilities(summaries, f.model)
    folds: dict[str, str] = {}
    if f.action == "fold":
        ids, mids = set(reviewed_ids), set(reviewed_mentions)

        def reviewed(iid: str) -> bool:
            return iid in ids or bool(mids and mention_ids is not None
                                      and not mids.isdisjoint(mention_ids.get(iid, ())))

        folds = {a: b for a, b in fold_targets(summaries, probs, f.threshold, f.mode).items()
                 if not reviewed(a) and not reviewed(b)}
    return Verdict(probs, folds)


def joinable(verdict: Verdict, load: Callable[[str], list[Features]]) -> Verdict:
    """The verdict with only the folds that break no cannot-link rule (features.
    hard_conflict between any two reports, operation_conflict between the split strikes
    of a day): a fold is the model's word on two incidents the linker and attaching left
    apart, never against a rule that says they are two strikes (Saada is not Marib). Lows
    join their target in id order, each checked against all reports taken so far.
    `load(incident id)` gives the linking features of the incident's mentions."""
    folds: dict[str, str] = {}
    for target, lows in verdict.groups().items():
        held = load(target)
        for low in lows:
            fs = load(low)
            if operation_conflict(held, fs) is None and \
                    not any(hard_conflict(a, b) for a in held for b in fs):
                folds[low] = target
                held = [*held, *fs]
    return Verdict(verdict.probs, folds)


def with_confidence(inc: Incident, p: float | None) -> Incident:
    return inc if p is None else inc.model_copy(update={"confidence": p})


def apply_filter(incidents: Sequence[Incident], mentions: Mapping[str, Mention],
                 articles: Mapping[str, Article], reviews: Iterable[Review] = ()
                 ) -> list[Incident]:
    """The in-memory step (resolve._finish): every incident summarised and scored, the
    folds made (each target rebuilt from its mentions and the folded ones' as clustering
    would have built it), sorted by id as attaching leaves them. Unchanged when off."""
    f = active_filter()
    if f is None:
        return list(incidents)
    sums = [summarize(inc, [mentions[m] for m in inc.mention_ids if m in mentions], articles)
            for inc in incidents]
    rids, rmids = review_scope(reviews)
    by_id = {i.id: i for i in incidents}

    def load(iid: str) -> list[Features]:
        ms = [mentions[m] for m in by_id[iid].mention_ids if m in mentions]
        return [linking_features(m, articles.get(m.article_id)) for m in ms]

    verdict = joinable(decide(sums, f, rids, rmids, {i.id: i.mention_ids for i in incidents}),
                       load)
    out = [with_confidence(i, verdict.probs.get(i.id)) for i in incidents
           if i.id not in verdict.folds and i.id not in verdict.groups()]
    for target, lows in verdict.groups().items():
        ids = sorted(m for iid in [target, *lows] for m in by_id[iid].mention_ids)
        merged = build_incident([mentions[m] for m in ids if m in mentions], articles)
        out.append(with_confidence(merged, verdict.probs.get(target)))
    return sorted(out, key=lambda i: i.id)


def load_weights(path: Path = WEIGHTS) -> LogReg:
    """The shipped weights, read afresh (for tests and the training script's report)."""
    return LogReg.load(path)

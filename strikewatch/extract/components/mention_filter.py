"""Component `mention_filter`: a trained second opinion on each occurred strike mention.

Rules written against the dev sentences left the held-out false incidents (fragments,
background, generic plurals, strikes read from plan and opinion pages) where they were, so
a logistic regression (strikewatch/learn) scores each violent occurred event mention the
rules give from general signals — which fields its own sentence gives and which it
borrowed, where it stands, quotation and hedges, its trigger, what else the article tells,
whether the page is dated, a small hashed bag of its sentence's words — and drops those
below the threshold. Cheap: no parse, a dictionary sum per candidate.

On by default: leave-one-batch-out cross-validation on the dev batches took the dev
ledgers' false incidents from 30 to 23 for one strike found fewer in 390 (numbers in
extract/README.md). Switched by the environment, read when an article is read:

    STRIKEWATCH_MENTION_FILTER=on          # the shipped weights (learn/mention_filter.json)
    STRIKEWATCH_MENTION_FILTER=PATH.json   # other weights (a cross-validation fold's)
    STRIKEWATCH_MENTION_FILTER=off         # never (the training data is read so)
    STRIKEWATCH_MENTION_FILTER_T=0.7       # a threshold other than the weights' own
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from strikewatch.extract.context import Doc
from strikewatch.extract.pipeline import component
from strikewatch.learn.logreg import LogReg
from strikewatch.learn.mention_features import is_candidate, mention_features
from strikewatch.records import Mention

#: whether the filter runs when the environment does not say (see the module doc)
ENABLED = True
WEIGHTS = Path(__file__).resolve().parent.parent.parent / "learn" / "mention_filter.json"


@lru_cache(maxsize=8)
def _load(path: str) -> LogReg:
    return LogReg.load(Path(path))


def active_filter() -> tuple[LogReg, float] | None:
    """The model and threshold in force, or None when the filter is off."""
    env = os.environ.get("STRIKEWATCH_MENTION_FILTER", "").strip()
    if env.lower() in ("off", "0", "no", "false") or (not env and not ENABLED):
        return None
    path = WEIGHTS if env.lower() in ("", "on", "1", "yes", "true") else Path(env)
    model = _load(str(path))
    t = os.environ.get("STRIKEWATCH_MENTION_FILTER_T", "").strip()
    return model, float(t) if t else float(model.meta.get("threshold", 0.5))


def real_report_probability(model: LogReg, doc: Doc) -> list[float | None]:
    """For each of the doc's mentions, P(a real report) where it is a candidate, else None."""
    pub = doc.article.published
    return [model.predict(mention_features(m, doc.text, pub, doc.mentions))
            if is_candidate(m) else None for m in doc.mentions]


@component("mention_filter", requires=("doc.mentions",), assigns=("doc.mentions",))
def mention_filter(doc: Doc) -> None:
    """Drop the candidate mentions the filter in force scores below its threshold."""
    active = active_filter()
    if active is None or not doc.mentions:
        return
    model, t = active
    probs = real_report_probability(model, doc)
    pub = doc.article.published
    for i, m in enumerate(doc.mentions):
        if probs[i] is None and m.background and _recast(doc, m):
            # the genre step's background: judged as the occurred news the rules read
            probs[i] = model.predict(mention_features(m.model_copy(update={"background": False}),
                                                      doc.text, pub, doc.mentions))
    doc.mentions = [m for m, p in zip(doc.mentions, probs, strict=True)
                    if p is None or p >= t]


def _recast(doc: Doc, m: Mention) -> bool:
    """Whether the genre step made this mention background (its event word's span)."""
    cited = m.provenance.get("event_type") or []
    return bool(cited) and (cited[0].start, cited[0].end) in doc.recast

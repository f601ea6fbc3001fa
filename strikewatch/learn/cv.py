"""Leave-one-batch-out cross-validation: train on every batch but one, predict that one.

Gold batches were written one at a time, each from its own outlets and month; holding a
whole batch out asks what a held-out batch asks (a new outlet's wording), which a random
split of sentences, sharing articles and batches across the split, would flatter.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from strikewatch.learn.logreg import Features, LogReg, fit

G = TypeVar("G", bound=Hashable)


def leave_one_group_out(groups: Sequence[G]) -> list[tuple[G, list[int], list[int]]]:
    """(held-out group, train indices, test indices) for each group, in first-seen order."""
    order: list[G] = []
    for g in groups:
        if g not in order:
            order.append(g)
    return [(g, [i for i, h in enumerate(groups) if h != g],
             [i for i, h in enumerate(groups) if h == g]) for g in order]


def cross_val_predict(xs: Sequence[Features], ys: Sequence[int | None], groups: Sequence[G],
                      fitter: Callable[[Sequence[Features], Sequence[int]], LogReg] = fit
                      ) -> tuple[list[float], dict[G, LogReg]]:
    """Each example's probability from the model fitted without its group, and the models.
    An example labelled None is predicted but never trained on (a case the gold excuses
    still meets the filter when it runs)."""
    probs = [0.0] * len(xs)
    models: dict[G, LogReg] = {}
    for g, train, test in leave_one_group_out(groups):
        train = [i for i in train if ys[i] is not None]
        model = fitter([xs[i] for i in train], [int(ys[i] or 0) for i in train])
        models[g] = model
        for i in test:
            probs[i] = model.predict(xs[i])
    return probs, models

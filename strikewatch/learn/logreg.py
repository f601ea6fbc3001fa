"""L2-regularised logistic regression in numpy/scipy: fit, predict, save, load.

Features are named (str -> float dicts), so a model is a plain name -> weight table that
ships as JSON and reads without numpy. Fitting is deterministic: the vocabulary is sorted,
the start is zero and L-BFGS has no randomness, so the same examples give the same
weights on any machine (up to float rounding, which the saved weights round away).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

Features = Mapping[str, float]


@dataclass
class LogReg:
    """A fitted model: bias, weight per feature name, and what it was fitted with."""

    bias: float = 0.0
    weights: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def score(self, x: Features) -> float:
        """The log-odds of the positive class."""
        w = self.weights
        return self.bias + sum(w.get(k, 0.0) * v for k, v in x.items())

    def predict(self, x: Features) -> float:
        """P(positive | x)."""
        z = self.score(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def top(self, n: int = 15) -> list[tuple[str, float]]:
        """The `n` heaviest weights either way, heaviest first (ties by name)."""
        return sorted(self.weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:n]

    def to_json(self) -> dict[str, Any]:
        return {"bias": self.bias, "weights": dict(sorted(self.weights.items())),
                "meta": self.meta}

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LogReg:
        return cls(float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()},
                   dict(data.get("meta") or {}))

    @classmethod
    def load(cls, path: Path) -> LogReg:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


def _matrix(xs: Sequence[Features], vocab: Mapping[str, int]) -> csr_matrix:
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, x in enumerate(xs):
        for k in sorted(x):
            j = vocab.get(k)
            if j is not None and x[k]:
                rows.append(i)
                cols.append(j)
                vals.append(float(x[k]))
    return csr_matrix((vals, (rows, cols)), shape=(len(xs), len(vocab)))


def fit(xs: Sequence[Features], ys: Sequence[int], l2: float = 1.0,
        class_weight: Mapping[int, float] | None = None, min_count: int = 1,
        digits: int = 6) -> LogReg:
    """Fit by L-BFGS on the weighted log-loss plus l2/2·|w|² (the bias is not penalised).

    Features seen in fewer than `min_count` examples are left out (no weight: a word seen
    once learns only that example). Weights are rounded to `digits` so that the saved
    model is the same wherever it is fitted. numpy and scipy are imported here only:
    predicting (in the extraction pipeline) needs neither."""
    import numpy as np

    counts: dict[str, int] = {}
    for x in xs:
        for k in x:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= min_count)
    vocab = {k: i for i, k in enumerate(names)}
    X = _matrix(xs, vocab)
    y = np.asarray(ys, dtype=float)
    cw = class_weight or {}
    sw = np.asarray([cw.get(int(t), 1.0) for t in ys], dtype=float)
    n_feat = len(names)
    w, bias = fit_matrix(X, y, l2, sw, {"maxiter": 2000, "gtol": 1e-9, "ftol": 1e-12})
    theta = np.concatenate([w, [bias]])
    weights = {k: round(float(theta[i]), digits) for k, i in vocab.items()
               if round(float(theta[i]), digits) != 0.0}
    return LogReg(round(float(theta[n_feat]), digits), weights,
                  {"l2": l2, "class_weight": {str(k): v for k, v in cw.items()},
                   "min_count": min_count, "examples": len(ys), "positives": int(sum(ys)),
                   "features": n_feat})


def fit_matrix(X: Any, y: Any, l2: float = 1.0, sample_weight: Any = None,
               options: Mapping[str, Any] | None = None, center: Any = None,
               bias: float = 0.0, fit_bias: bool = True) -> tuple[Any, float]:
    """The fit itself, on a matrix (dense or scipy sparse, one row an example) and 0/1
    labels: L-BFGS on the weighted log-loss plus l2/2·|w - center|² (the bias is not
    penalised), so the same data give the same weights. It starts from `center` (zeros by
    default) and `bias`; `fit_bias=False` holds the bias there. Returns (weights, bias);
    `fit` (named features), `genre` (hashed buckets) and the linking weights
    (train_linking: pulled toward the hand weights) all fit through here."""
    import numpy as np
    from scipy.optimize import minimize

    n_feat = X.shape[1]
    y = np.asarray(y, dtype=float)
    sw = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)

    w0 = np.zeros(n_feat) if center is None else np.asarray(center, dtype=float)

    def loss(theta: Any) -> tuple[float, Any]:
        w, b = theta[:n_feat], theta[n_feat]
        z = X @ w + b
        # log(1 + e^z) - y z, computed stably
        lz = np.logaddexp(0.0, z)
        d = w - w0
        f = float(np.sum(sw * (lz - y * z)) + 0.5 * l2 * float(d @ d))
        p = 1.0 / (1.0 + np.exp(-z))
        r = sw * (p - y)
        g = np.empty_like(theta)
        g[:n_feat] = X.T @ r + l2 * d
        g[n_feat] = float(np.sum(r)) if fit_bias else 0.0
        return f, g

    res = minimize(loss, np.concatenate([w0, [bias]]), jac=True, method="L-BFGS-B",
                   options=dict(options or {"maxiter": 500}))
    return res.x[:n_feat], float(res.x[n_feat])

"""Pairwise scoring of event mentions with splink (Fellegi-Sunter) on DuckDB.

Why splink: it is a maintained record-linkage library whose model (comparison levels with
m/u probabilities, blocking rules) runs unchanged on DuckDB locally and on Spark in a
cluster, which is the scale-out path in DESIGN.md. Its blocking rules turn the all-pairs
problem into equi-joins, so the number of scored pairs grows with the number of mentions
that share a day, not with the square of the archive.

Why fixed parameters (no EM training): the weights below are set from what a conflict
coder knows (the same day and sea is strong evidence; different seas on the same day rule
a link out; conflicting tolls are common and only mildly negative). A model trained on
each batch would give different scores to the same pair in different batches, and the
incremental resolver must reproduce a from-scratch run exactly; fixed parameters make every
pair's score a pure function of the two mentions. Each level is given as a log2 Bayes
factor (its match weight); m and u are derived from it. Weights fitted once on the dev
ledgers' labelled report pairs ship beside this module (linking_weights.json,
strikewatch/learn/train_linking.py) and are just as fixed; the leave-one-ledger-out
measure did not favour them, so the hand weights stay the default (DEFAULT_MODEL,
STRIKEWATCH_LINK_WEIGHTS).

Blocking: every dated mention carries one key per (day, zone) — each day of its date
interval and the day after (so reports one day apart meet; an undated mention: the week
before its article's publication) crossed with its coarse zones (sea, country, acting
party's country: features.zones). One rule
explodes those keys and joins on them: two mentions are compared only if their days can
touch in a zone they share. Block sizes then depend on how many reports one day brings in one
area, not on the size of the archive. Undated mentions of undated articles, and mentions
dated only to a span wider than five weeks, are never compared (they cannot be placed).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa

from strikewatch.resolve.features import (
    MAX_RARE,
    SEA_VS_POINT_MAX_KM,
    SKETCH_BINS,
    Features,
    hard_conflict,
    window_met,
)

#: Prior log2-odds that two blocked mentions report the same event.
PRIOR_MATCH_PROBABILITY = 0.03
#: Pairs at or above this match probability become candidate links.
LINK_THRESHOLD = 0.5

_U = 0.01  # every level's u; m = u * 2**weight, so the level's match weight is `weight`

_DIST = (
    "2*6371*asin(sqrt(pow(sin(radians(lat_r-lat_l)/2),2)"
    " + cos(radians(lat_l))*cos(radians(lat_r))*pow(sin(radians(lon_r-lon_l)/2),2)))"
)
# Jaccard similarity of the content words, estimated from the one-permutation sketches
# (features.sketch): bins equal and filled, over bins filled on either side.
_SAME_BINS = " + ".join(f"(s{i}_l = s{i}_r AND s{i}_l >= 0)::INT" for i in range(SKETCH_BINS))
_ANY_BINS = " + ".join(f"(s{i}_l >= 0 OR s{i}_r >= 0)::INT" for i in range(SKETCH_BINS))
_JACCARD = f"(({_SAME_BINS}) / greatest({_ANY_BINS}, 1))"
# How many specific (rare) words two mentions share: hashed words r0.. compared pairwise.
_RARE_SHARED = "(" + " + ".join(
    f"coalesce(r{i}_l = r{j}_r, FALSE)::INT" for i in range(MAX_RARE) for j in range(MAX_RARE)
) + ")"

# An undated report ("the strike killed three") on a page published the day of the other
# report's day or up to FRESH_DAYS after: news tells of the latest event, so it is that
# one as likely as an overlapping span says (+1); an undated report of a page a week
# later may tell of any strike of that week, and keeps "one undated" (-1). The latest
# event of its kind only: where the reports' facts differ (acting parties: a Colombian navy
# strike the day after a U.S. one, or two names neither placed in a country; what was hit
# on land: a car and a base; the domain) it keeps "one undated".
FRESH_DAYS = 2
_FACTS_DIFFER = (
    "coalesce(actor_country_l <> actor_country_r, FALSE) OR coalesce(actor_name_l <>"
    " actor_name_r AND (actor_country_l IS NULL OR actor_country_r IS NULL), FALSE)"
    " OR coalesce(domain_l <> domain_r, FALSE) OR coalesce(target_kind_l <> target_kind_r"
    " AND NOT (domain_l = 'sea' AND domain_r = 'sea'), FALSE)")
_FRESH_UNDATED = f"NOT ({_FACTS_DIFFER}) AND (" + " OR ".join(
    f"(d_lo_{u} IS NULL AND published_{u} IS NOT NULL AND d_hi_{d} - d_lo_{d} <= 1"
    f" AND published_{u} - d_hi_{d} BETWEEN 0 AND {FRESH_DAYS})"
    for u, d in (("l", "r"), ("r", "l"))) + ")"


#: One comparison level: (SQL condition, label, hand weight; None = the null level).
Level = tuple[str, str, float | None]


#: A report dated only to a span wider than this ("in October") beside a day-dated one: the
#: span holds many strikes of the day's kind (dev ledgers' labelled pairs: 7 of 41 such
#: pairs are one strike, against 10 of 25 overlapping narrower spans).
WIDE_SPAN_DAYS = 7
WIDE_SPAN_WEIGHT = 1.0  # the hand weight: as "intervals overlap"; the trained model weighs it


#: Two hand weights set by the joint search on the ledger measures (`train_linking tune`,
#: resolve/README.md): an undated report beside a dated one (a page a few days later, or
#: one whose facts keep it off the fresh level) -1 -> -0.5; one rare word shared (a town,
#: a commander, a craft's type) +0.5 -> +1. Each weighs the pair by what the ledger gets
#: (strikes merged, none over-merged), where the margins downstream were set.
UNDATED_WEIGHT = -0.5
ONE_RARE_WEIGHT = 1.0


def _level(sql: str, label: str, weight: float | None) -> Level:
    return (sql, label, weight)


def _comparison(name: str, levels: list[Level]) -> tuple[str, list[Level]]:
    return (name, levels)


#: The model's comparisons, each level with its hand-set weight (the reference the trained
#: weights are measured against; a level the training file does not name keeps it).
SPEC: list[tuple[str, list[Level]]] = [
    _comparison("date", [
        _level("d_lo_l IS NULL AND d_lo_r IS NULL", "both undated", None),
        _level(_FRESH_UNDATED, "undated, published up to FRESH_DAYS after the other's day",
               1.0),
        _level("d_lo_l IS NULL OR d_lo_r IS NULL", "one undated", UNDATED_WEIGHT),
        # a night told across two days ("overnight Saturday to Sunday", "late Saturday")
        # holds the day another report gives it: one day, not "one day apart"
        _level("greatest(d_lo_l, d_lo_r) <= least(d_hi_l, d_hi_r)"
               " AND d_hi_l - d_lo_l <= 1 AND d_hi_r - d_lo_r <= 1", "same day", 4.0),
        _level("greatest(d_lo_l, d_lo_r) <= least(d_hi_l, d_hi_r)"
               f" AND (d_hi_l - d_lo_l > {WIDE_SPAN_DAYS} OR d_hi_r - d_lo_r > {WIDE_SPAN_DAYS})"
               " AND (d_hi_l - d_lo_l <= 1 OR d_hi_r - d_lo_r <= 1)",
               "a day inside a span over a week", WIDE_SPAN_WEIGHT),
        _level("greatest(d_lo_l, d_lo_r) <= least(d_hi_l, d_hi_r)"
               " AND (d_hi_l - d_lo_l > 1 OR d_hi_r - d_lo_r > 1)", "intervals overlap", 1.0),
        _level("greatest(d_lo_l - d_hi_r, d_lo_r - d_hi_l) <= 1 AND killed_lo_l >= 1"
               " AND killed_lo_l = killed_lo_r"
               " AND coalesce(killed_hi_l, -1) = coalesce(killed_hi_r, -1)",
               "one day apart, the same toll", -3.5),
        _level("greatest(d_lo_l - d_hi_r, d_lo_r - d_hi_l) <= 1", "one day apart", -6.0),
        _level("ELSE", "further apart", -10.0),
    ]),
    _comparison("place", [
        _level("(sea_l IS NULL OR sea_r IS NULL) AND (lat_l IS NULL OR lat_r IS NULL)"
               " AND (country_l IS NULL OR country_r IS NULL)", "place unknown", None),
        _level(f"precision_l <= 3 AND precision_r <= 3 AND {_DIST} <= 50", "within 50 km", 5.0),
        _level("sea_l <> sea_r", "different seas", -10.0),
        _level("place_name_l = place_name_r AND coalesce(country_l, '') = coalesce(country_r, '')",
               "same place name", 1.5),
        _level("sea_l = sea_r", "same sea", 1.0),
        _level("(sea_l IS NOT NULL OR sea_r IS NOT NULL OR precision_l = 6 OR precision_r = 6)"
               f" AND (lat_l IS NULL OR lat_r IS NULL OR {_DIST} <= {SEA_VS_POINT_MAX_KM})",
               "a sea and a point not placed in a sea", 0.0),
        _level("country_l = country_r AND (precision_l = 5 OR precision_r = 5)",
               "a place inside the country named", 1.0),
        _level(f"lat_l IS NOT NULL AND lat_r IS NOT NULL AND {_DIST} <= radius_km_l + radius_km_r",
               "compatible areas", 1.0),
        _level("country_l = country_r AND (lat_l IS NULL OR lat_r IS NULL)", "same country", 0.5),
        _level("ELSE", "far apart", -6.0),
    ]),
    _comparison("actor", [
        _level("actor_country_l IS NULL AND actor_name_l IS NULL"
               " OR actor_country_r IS NULL AND actor_name_r IS NULL", "actor unknown", None),
        _level("actor_name_l = actor_name_r", "same actor", 2.5),
        _level("actor_country_l = actor_country_r", "same actor country", 1.5),
        _level("actor_name_l IS NOT NULL AND actor_name_r IS NOT NULL"
               " AND (actor_country_l IS NULL OR actor_country_r IS NULL)", "other actor", -2.0),
        _level("actor_country_l IS NULL OR actor_country_r IS NULL", "actor unclear", 0.0),
        _level("ELSE", "different actors", -4.0),
    ]),
    _comparison("event_type", [
        _level("event_type_l IS NULL OR event_type_r IS NULL", "type unknown", None),
        _level("sub_event_type_l = sub_event_type_r", "same sub-event type", 1.0),
        _level("event_type_l = event_type_r", "same event type", 0.5),
        _level("ELSE", "different types", -2.5),
    ]),
    _comparison("target", [
        _level("target_kind_l IS NULL OR target_kind_r IS NULL", "target unknown", None),
        _level("target_kind_l = target_kind_r", "same target kind", 1.0),
        # a person, a group, a building or a compound may be grains of one hit; a car is
        # its own strike (drone strikes on cars in one province are many strikes)
        _level("target_kind_l <> 'vehicle' AND target_kind_r <> 'vehicle'",
               "different target kinds, no vehicle", -1.0),
        _level("ELSE", "different target kinds", -2.0),
    ]),
    _comparison("domain", [
        _level("domain_l IS NULL OR domain_r IS NULL", "domain unknown", None),
        _level("domain_l = domain_r", "same domain", 0.5),
        _level("ELSE", "different domains", -2.0),
    ]),
    _comparison("status", [
        _level("status_class_l IS NULL OR status_class_r IS NULL", "status unknown", None),
        _level("status_l = status_r AND status_l <> 'occurred'",
               "the same rarer status (both planned, threatened or denied)", 2.0),
        _level("status_class_l = status_class_r", "both acts or both intentions", 0.2),
        _level("ELSE", "act vs intention", -8.0),
    ]),
    _comparison("killed", [
        _level("killed_lo_l IS NULL OR killed_lo_r IS NULL", "toll unknown", None),
        _level("killed_lo_l <= coalesce(killed_hi_r, 1000000)"
               " AND killed_lo_r <= coalesce(killed_hi_l, 1000000)", "tolls overlap", 1.5),
        _level("ELSE", "tolls differ", -1.0),
    ]),
    _comparison("injured", [
        _level("injured_lo_l IS NULL OR injured_lo_r IS NULL", "injured unknown", None),
        _level("injured_lo_l <= coalesce(injured_hi_r, 1000000)"
               " AND injured_lo_r <= coalesce(injured_hi_l, 1000000)", "injured overlap", 1.0),
        _level("ELSE", "injured differ", -0.5),
    ]),
    _comparison("wording", [
        _level("n_words_l = 0 OR n_words_r = 0", "no wording", None),
        _level(f"{_JACCARD} >= 0.4", "near-identical wording", 3.0),
        _level(f"{_JACCARD} >= 0.2", "similar wording", 1.0),
        _level("ELSE", "different wording", 0.0),
    ]),
    _comparison("specific_words", [
        _level("n_rare_l = 0 OR n_rare_r = 0", "no specific words", None),
        _level(f"{_RARE_SHARED} >= 3", "3+ specific words shared", 4.0),
        _level(f"{_RARE_SHARED} = 2", "2 specific words shared", 2.5),
        _level(f"{_RARE_SHARED} = 1", "1 specific word shared", ONE_RARE_WEIGHT),
        _level("n_rare_l >= 2 AND n_rare_r >= 2", "no specific word shared", -1.0),
        _level("ELSE", "too few specific words", 0.0),
    ]),
]

@dataclass(frozen=True)
class LinkModel:
    """The weights the model scores with: a prior match probability among blocked pairs and
    a log2 Bayes factor per comparison level (by comparison name and level label).

    Why data, not code: the trained weights (strikewatch/learn/train_linking.py, fitted on
    the dev ledgers' labelled report pairs) ship as JSON beside this module and can be
    rebuilt offline; the hand weights in SPEC stay the reference they are measured against.
    Either way the weights are fixed for every run, so a pair scores the same in any batch
    and the incremental resolver reproduces a from-scratch run."""

    prior: float
    weights: Mapping[str, Mapping[str, float]]
    name: str = "hand"

    def weight(self, comparison: str, label: str, hand: float) -> float:
        return float(self.weights.get(comparison, {}).get(label, hand))

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "prior": self.prior,
                "weights": {c: dict(ws) for c, ws in self.weights.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinkModel:
        return cls(float(data["prior"]),
                   {str(c): {str(k): float(v) for k, v in ws.items()}
                    for c, ws in data["weights"].items()}, str(data.get("name") or "trained"))


#: The hand-set weights of SPEC.
HAND = LinkModel(PRIOR_MATCH_PROBABILITY, {
    name: {label: w for _, label, w in levels if w is not None} for name, levels in SPEC})
#: The trained weights (strikewatch/learn/train_linking.py writes them).
WEIGHTS_PATH = Path(__file__).with_name("linking_weights.json")
#: Which weights score by default: "trained" (WEIGHTS_PATH) or "hand" (SPEC).
#: STRIKEWATCH_LINK_WEIGHTS overrides it: "hand", "trained" or a path to a weights file.
DEFAULT_MODEL = "hand"
_override: list[LinkModel] = []


def load_model(path: Path) -> LinkModel:
    return LinkModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=8)
def _named_model(which: str) -> LinkModel:
    if which == "hand":
        return HAND
    return load_model(WEIGHTS_PATH if which == "trained" else Path(which))


def active_model() -> LinkModel:
    """The weights scoring now: `using`'s, else STRIKEWATCH_LINK_WEIGHTS', else
    DEFAULT_MODEL's."""
    if _override:
        return _override[-1]
    return _named_model(os.environ.get("STRIKEWATCH_LINK_WEIGHTS") or DEFAULT_MODEL)


_TAGS: dict[int, tuple[LinkModel, str]] = {}


def model_tag(model: LinkModel | None = None) -> str:
    """A digest of the scoring weights ("" for the hand weights): part of each mention's
    fingerprint, so a store resolved with other weights re-scores everything instead of
    reusing links the old weights made."""
    model = model or active_model()
    if model is HAND:
        return ""
    got = _TAGS.get(id(model))
    if got is None or got[0] is not model:
        text = json.dumps(model.to_json(), sort_keys=True).encode("utf-8")
        got = _TAGS[id(model)] = (model, hashlib.sha256(text).hexdigest()[:16])
    return got[1]


@contextmanager
def using(model: LinkModel) -> Iterator[None]:
    """Score with `model` inside the block (training and its cross-validation)."""
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def comparisons(model: LinkModel | None = None) -> list[dict[str, Any]]:
    """SPEC as splink comparisons, each level's m/u set so its match weight is the
    model's weight for it."""
    model = model or active_model()
    out = []
    for name, levels in SPEC:
        rows: list[dict[str, Any]] = []
        for sql, label, hand in levels:
            if hand is None:
                rows.append({"sql_condition": sql, "label_for_charts": label,
                             "is_null_level": True})
                continue
            w = model.weight(name, label, hand)
            rows.append({"sql_condition": sql, "label_for_charts": label,
                         "m_probability": _U * 2.0**w, "u_probability": _U})
        out.append({"output_column_name": name, "comparison_levels": rows})
    return out


#: The hand model's comparisons (kept for readers of the old name).
COMPARISONS: list[dict[str, Any]] = comparisons(HAND)



_SCHEMA = pa.schema([
    ("unique_id", pa.string()), ("article_id", pa.string()), ("origin_id", pa.string()),
    ("published", pa.int64()), ("d_lo", pa.int64()), ("d_hi", pa.int64()),
    ("block_keys", pa.list_(pa.string())), ("lat", pa.float64()), ("lon", pa.float64()),
    ("radius_km", pa.float64()), ("precision", pa.int64()), ("sea", pa.string()),
    ("country", pa.string()), ("place_name", pa.string()), ("actor_name", pa.string()),
    ("actor_country", pa.string()),
    ("event_type", pa.string()), ("sub_event_type", pa.string()),
    ("target_kind", pa.string()), ("domain", pa.string()), ("status_class", pa.string()),
    ("status", pa.string()),
    ("killed_lo", pa.int64()), ("killed_hi", pa.int64()),
    ("injured_lo", pa.int64()), ("injured_hi", pa.int64()),
    *[(f"s{i}", pa.int64()) for i in range(SKETCH_BINS)],
    ("n_words", pa.int64()), ("n_rare", pa.int64()),
    *[(f"r{i}", pa.int64()) for i in range(MAX_RARE)],
])


def settings(model: LinkModel | None = None, keep_levels: bool = False) -> dict[str, Any]:
    """The splink settings: the model above with one exploding day-key blocking rule
    (`keep_levels`: each pair's comparison levels kept, gamma_<name>, for training)."""
    model = model or active_model()
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": "unique_id",
        "probability_two_random_records_match": model.prior,
        "comparisons": comparisons(model),
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": "l.block_keys = r.block_keys", "arrays_to_explode": ["block_keys"]},
        ],
        "retain_matching_columns": False,
        "retain_intermediate_calculation_columns": keep_levels,
    }


#: Runs the splink model over a table of mention features (schema `_SCHEMA`) on some
#: backend and returns the pairs at or above LINK_THRESHOLD as (id_l, id_r, probability).
Predictor = Callable[[pa.Table], list[tuple[str, str, float]]]


def predict_with(db_api: Any, table: Any) -> list[tuple[str, str, float]]:
    """The candidate pairs of `table` scored by the model on any splink backend.

    One model for every backend: the settings above are written once, in SQL that splink
    parses and transpiles (sqlglot) to the backend's dialect — DuckDB here, Spark for a
    batch on a cluster (strikewatch.batch.spark.spark_predictor).
    """
    links = predict_frame(db_api, table).as_pyarrow_table()  # DuckDB: to_arrow_table
    return list(zip(links.column("unique_id_l").to_pylist(),
                    links.column("unique_id_r").to_pylist(),
                    links.column("match_probability").to_pylist(), strict=True))


def predict_frame(db_api: Any, table: Any) -> Any:
    """splink's predictions for `table` (anything the backend registers: an Arrow table, or
    a Spark DataFrame), left where the backend computed them: a splink dataframe whose
    columns unique_id_l, unique_id_r and match_probability are the pairs at or above
    LINK_THRESHOLD."""
    from splink import Linker

    sdf = db_api.register(table)  # a fresh name: a Spark session outlives one call
    # The settings are fixed, and checked once by a test
    # (tests/test_resolve_incremental.py::test_the_fixed_splink_settings_validate);
    # re-checking them parses every SQL condition and costs seconds per call, which
    # would dominate adding one article to the ledger.
    linker = Linker(sdf, settings(), log_level=None,  # leave logging to the app
                    validate_settings=False)
    return linker.inference.predict(
        threshold_match_probability=LINK_THRESHOLD, warning_mode="never"
    )


def predict_duckdb(table: pa.Table) -> list[tuple[str, str, float]]:
    """The model on an in-process DuckDB (the default: one machine)."""
    from splink import DuckDBAPI

    db_api = DuckDBAPI()
    try:
        return predict_with(db_api, table)
    finally:
        db_api.duckdb_con.close()


def score_pairs(
    rows: Sequence[Features],
    only_touching: Iterable[str] | None = None,
    predictor: Predictor | None = None,
) -> dict[tuple[str, str], float]:
    """Candidate links {(id_a, id_b) with id_a < id_b: match probability} above the threshold.

    With `only_touching`, only pairs with at least one of those ids are returned (the
    incremental resolver scores new mentions against their neighbourhood only).
    Pairs that break a cannot-link rule (features.hard_conflict) are dropped.
    `predictor` runs the blocking and scoring (default: DuckDB in this process).
    """
    keyed = [r for r in rows if r.block_keys]
    if len(keyed) < 2:
        return {}
    table = pa.Table.from_pylist([r.row() for r in keyed], schema=_SCHEMA)
    got = (predictor or predict_duckdb)(table)
    return candidate_links(got, {r.unique_id: r for r in keyed}, only_touching)


def _pair_table(pairs: Sequence[tuple[Features, Features]]) -> pa.Table:
    """The rows of exactly these pairs, each pair under a block key of its own ("pair{i}";
    ids "{i}l" and "{i}r"), so that blocking compares those pairs and no others."""
    rows = []
    for i, (a, b) in enumerate(pairs):
        for side, f in (("l", a), ("r", b)):
            rows.append(dataclasses.replace(f, unique_id=f"{i}{side}",
                                            block_keys=[f"pair{i}"]).row())
    return pa.Table.from_pylist(rows, schema=_SCHEMA)


def pair_probabilities(pairs: Sequence[tuple[Features, Features]]) -> list[float]:
    """The model's match probability of each given pair at or above LINK_THRESHOLD (0.0 for
    a pair below it), without the day blocking: each pair gets a block key of its own, so
    splink (the very model of `predict_duckdb`) compares exactly the pairs asked.

    For pairs that blocking cannot produce: attaching's signal candidates (an undated
    page's report beside the few dated incidents sharing a rare place or name with it,
    `attaching._by_signals`), which no day key ever puts in one block. The cannot-link
    rules are the caller's (`hard_conflict`)."""
    if not pairs:
        return []
    got = predict_duckdb(_pair_table(pairs))
    prob = {min(x, y): p for x, y, p in got}  # "{i}l" < "{i}r"
    return [prob.get(f"{i}l", 0.0) for i in range(len(pairs))]


def feature_table(rows: Iterable[Features]) -> pa.RecordBatch:
    """The predictor's input rows (schema `_SCHEMA`) of these mentions' features."""
    return pa.RecordBatch.from_pylist([r.row() for r in rows], schema=_SCHEMA)


def candidate_links(
    got: Iterable[tuple[str, str, float]],
    feats: Mapping[str, Features],
    only_touching: Iterable[str] | None = None,
) -> dict[tuple[str, str], float]:
    """The predictor's pairs as links {(a, b) with a < b: p}, less those that break a
    cannot-link rule; `feats` must hold both ends of every pair kept."""
    touching = set(only_touching) if only_touching is not None else None
    out: dict[tuple[str, str], float] = {}
    for a, b, p in got:
        if touching is not None and a not in touching and b not in touching:
            continue
        if hard_conflict(feats[a], feats[b]) is not None or window_met(feats[a], feats[b]):
            continue
        key = (a, b) if a < b else (b, a)
        out[key] = round(float(p), 9)
    return out


def _probe_model() -> LinkModel:
    """Weights that name the level reached: the i-th of k non-null levels weighs k - i, so a
    pair's match weight on a comparison, less one, is splink's gamma (the null level: 0)."""
    weights: dict[str, dict[str, float]] = {}
    for name, levels in SPEC:
        real = [label for _, label, w in levels if w is not None]
        weights[name] = {label: float(len(real) - i) for i, label in enumerate(real)}
    return LinkModel(0.5, weights, "probe")


def blocked_pairs(rows: Sequence[Features]) -> list[tuple[str, str, dict[str, int]]]:
    """Every pair the blocking compares (no threshold), with the level each comparison
    reached (splink's gamma: -1 the null level, then the number of non-null levels below
    the one reached, so the first listed non-null level is the highest): what training
    labels and counts (strikewatch/learn/train_linking.py). Cannot-link pairs included.
    splink 5 keeps each comparison's match weight (mw_<name>), not its gamma: the
    levels are read back through `_probe_model`'s weights."""
    keyed = [r for r in rows if r.block_keys]
    if len(keyed) < 2:
        return []
    return _levels(pa.Table.from_pylist([r.row() for r in keyed], schema=_SCHEMA))


def pair_levels(pairs: Sequence[tuple[Features, Features]]) -> list[dict[str, int]]:
    """The levels (as `blocked_pairs`) of exactly these pairs, whatever their block keys
    (attaching's signal candidates, `pair_probabilities`)."""
    if not pairs:
        return []
    got = {min(x, y): lv for x, y, lv in _levels(_pair_table(pairs))}
    return [got[f"{i}l"] for i in range(len(pairs))]


def _levels(table: pa.Table) -> list[tuple[str, str, dict[str, int]]]:
    from splink import DuckDBAPI, Linker

    db_api = DuckDBAPI()
    try:
        linker = Linker(db_api.register(table), settings(_probe_model(), keep_levels=True),
                        log_level=None, validate_settings=False)
        got = linker.inference.predict(warning_mode="never").as_pyarrow_table()
    finally:
        db_api.duckdb_con.close()
    names = [name for name, _ in SPEC]
    cols = {n: got.column(f"mw_{n}").to_pylist() for n in names}
    return [(a, b, {n: round(cols[n][i]) - 1 for n in names}) for i, (a, b) in enumerate(zip(
        got.column("unique_id_l").to_pylist(), got.column("unique_id_r").to_pylist(),
        strict=True))]


def level_labels() -> dict[str, dict[int, str]]:
    """gamma value -> level label of every comparison (the numbering of blocked_pairs)."""
    out: dict[str, dict[int, str]] = {}
    for name, levels in SPEC:
        real = [label for _, label, w in levels if w is not None]
        out[name] = {len(real) - 1 - i: label for i, label in enumerate(real)}
        out[name][-1] = next((label for _, label, w in levels if w is None), "null")
    return out

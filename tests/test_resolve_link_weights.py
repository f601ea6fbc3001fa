"""The linking model's weights as data: the hand weights (linking.SPEC, the default) and
the weights trained on the dev ledgers' labelled report pairs (linking_weights.json,
strikewatch/learn/train_linking.py), which the leave-one-ledger-out measure left off by
default (resolve/README.md).

Mentions are built by hand (tests.test_resolve.Desk), each sentence in its own words.
"""

from __future__ import annotations

import dataclasses
import json
import math

import pyarrow as pa
import pytest

from strikewatch.learn import train_linking
from strikewatch.resolve import linking
from strikewatch.resolve.features import Features, features, hard_conflict
from tests.test_resolve import Desk, holding

MODELS = {"hand": linking.HAND, "trained": linking.load_model(linking.WEIGHTS_PATH)}


def _p(a: Features, b: Features, model: linking.LinkModel) -> float:
    """The model's match probability for two mentions, whatever their blocking keys."""
    both = [dataclasses.replace(f, block_keys=["k"]) for f in (a, b)]
    saved = linking.LINK_THRESHOLD
    try:
        linking.LINK_THRESHOLD = 0.0
        with linking.using(model):
            got = linking.predict_duckdb(pa.Table.from_batches([linking.feature_table(both)]))
    finally:
        linking.LINK_THRESHOLD = saved
    return got[0][2]


def _feats(d: Desk) -> list[Features]:
    return [features(m, d.articles[m.article_id]) for m in d.mentions]


def test_the_shipped_weights_load_offline_and_name_only_known_levels() -> None:
    data = json.loads(linking.WEIGHTS_PATH.read_text(encoding="utf-8"))
    model = linking.LinkModel.from_json(data)
    assert 0.0 < model.prior < 1.0
    known = {name: {label for _, label, w in levels if w is not None}
             for name, levels in linking.SPEC}
    for name, ws in model.weights.items():
        assert set(ws) <= known[name], name
        assert all(math.isfinite(w) for w in ws.values())
    assert model.to_json() == linking.LinkModel.from_json(model.to_json()).to_json()


def test_the_default_is_the_hand_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STRIKEWATCH_LINK_WEIGHTS", raising=False)
    assert linking.DEFAULT_MODEL == "hand"
    assert linking.active_model() is linking.HAND
    monkeypatch.setenv("STRIKEWATCH_LINK_WEIGHTS", "trained")
    assert linking.active_model().name == "trained"
    with linking.using(linking.HAND):
        assert linking.active_model() is linking.HAND


def test_the_hand_comparisons_are_the_weights_of_spec() -> None:
    for comp, (name, levels) in zip(linking.comparisons(linking.HAND), linking.SPEC,
                                    strict=True):
        assert comp["output_column_name"] == name
        for lv, (_, label, w) in zip(comp["comparison_levels"], levels, strict=True):
            assert lv["label_for_charts"] == label
            if w is not None:
                assert math.log2(lv["m_probability"] / lv["u_probability"]) == \
                    pytest.approx(w)


@pytest.mark.parametrize("which", sorted(MODELS))
def test_scoring_is_deterministic(which: str) -> None:
    d = Desk()
    d.report("US forces destroyed a drug-running boat in the Caribbean on Monday, killing "
             "three.", "2026-04-07", date="2026-04-06", killed_low=3, killed_high=3)
    d.report("Three men died Monday as an American strike hit a vessel in Caribbean waters.",
             "2026-04-07", date="2026-04-06", killed_low=3, killed_high=3)
    d.report("A US military raid sank a fast boat in the Caribbean on Monday.", "2026-04-08",
             date="2026-04-06")
    rows = _feats(d)
    with linking.using(MODELS[which]):
        first = linking.score_pairs(rows)
        again = linking.score_pairs(list(reversed(rows)))
    assert first == again and first


@pytest.mark.parametrize("which", sorted(MODELS))
@pytest.mark.parametrize("one, other", [
    ("US forces struck a speedboat in the eastern Pacific on Thursday, killing four men.",
     "Four people were killed on Thursday when the American military hit a vessel in the "
     "eastern Pacific."),
    ("An American air strike sank a boat off Venezuela's coast in the Caribbean on "
     "Thursday; four died.",
     "The Pentagon said Thursday's attack on a suspected smuggling craft in the Caribbean "
     "left four dead."),
])
def test_two_reports_of_one_strike_link(which: str, one: str, other: str) -> None:
    d = Desk()
    a = d.report(one, "2026-06-12", date="2026-06-11", killed_low=4, killed_high=4)
    b = d.report(other, "2026-06-12", date="2026-06-11", killed_low=4, killed_high=4)
    fa, fb = _feats(d)
    assert _p(fa, fb, MODELS[which]) >= linking.LINK_THRESHOLD
    with linking.using(MODELS[which]):
        incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id


@pytest.mark.parametrize("which", sorted(MODELS))
@pytest.mark.parametrize("days", [("2026-06-09", "2026-06-11"), ("2026-06-08", "2026-06-11")])
def test_two_strikes_of_different_days_stay_apart(which: str, days: tuple[str, str]) -> None:
    d = Desk()
    a = d.report("US forces struck a speedboat in the Caribbean, killing three men.",
                 "2026-06-12", date=days[0], killed_low=3, killed_high=3)
    b = d.report("Three people were killed when the American military hit a vessel in the "
                 "Caribbean.", "2026-06-12", date=days[1], killed_low=3, killed_high=3)
    fa, fb = _feats(d)
    assert _p(fa, fb, MODELS[which]) < linking.LINK_THRESHOLD
    with linking.using(MODELS[which]):
        incs = d.resolve()
    assert holding(incs, a).id != holding(incs, b).id


@pytest.mark.parametrize("which", sorted(MODELS))
def test_the_cannot_link_rules_still_apply_after_the_model(which: str) -> None:
    # one article's two strikes: the model may score them alike, the same-article rule parts
    d = Desk()
    a = d.report("US forces hit two boats in the Caribbean on Friday, killing three people "
                 "on each.", "2026-06-13", date="2026-06-12", killed_low=3, killed_high=3)
    d.add(a.article_id, "killing three people on each", date="2026-06-12", killed_low=3,
          killed_high=3)
    fa, fb = _feats(d)
    assert hard_conflict(fa, fb) is not None
    assert _p(fa, fb, MODELS[which]) >= linking.LINK_THRESHOLD
    with linking.using(MODELS[which]):
        assert linking.score_pairs([fa, fb]) == {}


def test_the_training_reproduces_the_shipped_weights() -> None:
    pairs = train_linking.load_pairs()
    assert pairs and {p.label for p in pairs} == {0, 1}
    model = train_linking.FITS[train_linking.FIT](pairs, train_linking.L2)
    assert model.to_json() == MODELS["trained"].to_json()


def test_a_fit_on_a_small_subset_is_deterministic_and_stays_near_the_hand_weights() -> None:
    pairs = train_linking.load_pairs()
    small = [p for i, p in enumerate(pairs) if i % 5 == 0]
    one = train_linking.fit_model(small)
    assert one.to_json() == train_linking.fit_model(list(small)).to_json()
    # a level no subset pair reaches keeps its hand weight
    assert one.weight("status", "act vs intention", 0.0) == pytest.approx(-8.0)
    with pytest.raises(AssertionError):
        assert one.to_json() == MODELS["trained"].to_json()


def test_the_levels_read_back_are_the_levels_scored() -> None:
    d = Desk()
    d.report("US forces destroyed a drug-running boat in the Caribbean on Monday, killing "
             "three.", "2026-04-07", date="2026-04-06", killed_low=3, killed_high=3)
    d.report("Two died when an American strike hit a vessel in the Caribbean in April.",
             "2026-04-20", date_low="2026-04-01", date_high="2026-04-30", time_precision=3,
             killed_low=2, killed_high=2)
    fa, fb = _feats(d)
    [levels] = linking.pair_levels([(fa, fb)])
    names = linking.level_labels()
    assert names["date"][levels["date"]] == "a day inside a span over a week"
    pair = train_linking.Pair("t", "a", "b", levels, None)
    for model in MODELS.values():
        assert train_linking.pair_scores([pair], model)[0] == pytest.approx(
            _p(fa, fb, model), abs=1e-6)


def test_other_weights_give_every_mention_a_new_fingerprint() -> None:
    from strikewatch.resolve import fingerprint

    d = Desk()
    m = d.report("US forces sank a boat in the Caribbean on Monday.", "2026-04-07",
                 date="2026-04-06")
    art = d.articles[m.article_id]
    hand = fingerprint(m, art)
    with linking.using(MODELS["trained"]):
        trained = fingerprint(m, art)
    assert hand != trained and fingerprint(m, art) == hand
    assert linking.model_tag(linking.HAND) == ""

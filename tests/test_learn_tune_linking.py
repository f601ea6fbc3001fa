"""The joint search of linking weights and clustering margins (`train_linking tune`):
settings, margins in force only inside their block, leave-one-ledger-out selection.

No ledger is resolved here (that needs the extracted dev ledgers): scores are made up.
"""

from __future__ import annotations

import pytest

from strikewatch.evaluate_ledger import LedgerScore
from strikewatch.learn import train_linking as tl
from strikewatch.resolve import attaching, clustering, linking


def _score(found: int, dup: int = 0, over: int = 0) -> LedgerScore:
    return LedgerScore(strikes=10, found=found, duplicate_incidents=dup, over_merged=over)


def test_a_setting_changes_only_the_levels_it_names() -> None:
    st = tl.Setting("x").step("undated", weights={"date|one undated": -0.25})
    model = st.model()
    assert model.weight("date", "one undated", 0.0) == pytest.approx(-0.25)
    assert model.weight("date", "same day", 0.0) == linking.HAND.weight("date", "same day", 0)
    assert model.prior == linking.HAND.prior
    # a later step keeps the earlier change
    both = st.step("both", weights={"killed|tolls differ": -0.5}).model()
    assert both.weight("date", "one undated", 0.0) == pytest.approx(-0.25)
    assert both.weight("killed", "tolls differ", 0.0) == pytest.approx(-0.5)


def test_a_level_not_in_spec_is_refused() -> None:
    with pytest.raises(KeyError):
        tl.Setting("bad", weights=(("date|no such level", 1.0),)).model()


def test_margins_hold_only_inside_the_block() -> None:
    rival, cap = clustering.RIVAL_MARGIN, attaching.SIGNAL_CAP
    with tl.margins(tl.Setting("m", rival_margin=0.3, signal_cap=7)):
        assert (clustering.RIVAL_MARGIN, attaching.SIGNAL_CAP) == (0.3, 7)
    assert (clustering.RIVAL_MARGIN, attaching.SIGNAL_CAP) == (rival, cap)
    with pytest.raises(RuntimeError), tl.margins(tl.Setting("m", rival_margin=0.3)):
        raise RuntimeError
    assert clustering.RIVAL_MARGIN == rival


def test_the_objective_weighs_an_over_merge_above_a_duplicate() -> None:
    # merging two reports of one strike (one duplicate fewer) at the price of putting two
    # strikes in one incident is a loss
    assert tl.objective(_score(5, dup=1)) > tl.objective(_score(5, dup=0, over=1))
    assert tl.objective(_score(6)) > tl.objective(_score(5))


def test_each_ledger_is_judged_by_a_setting_picked_without_it() -> None:
    # "b" is best on ledger one alone, "a" on the two others and on any two together:
    # ledger one is scored with "a", which the other ledgers pick
    table = {
        "hand": {"one": _score(5), "two": _score(5), "three": _score(5)},
        "a": {"one": _score(5), "two": _score(7), "three": _score(7)},
        "b": {"one": _score(6), "two": _score(5), "three": _score(5)},
    }
    held, picks = tl.lolo_select(table, "hand")
    assert picks == {"one": "a", "two": "a", "three": "a"}
    assert held.found == 5 + 7 + 7


def test_a_tie_keeps_the_base_setting() -> None:
    table = {"hand": {"one": _score(5), "two": _score(5)},
             "same": {"one": _score(5), "two": _score(5)}}
    _, picks = tl.lolo_select(table, "hand")
    assert set(picks.values()) == {"hand"}


def test_the_steps_move_one_thing_each() -> None:
    steps = tl.default_steps(tl.Setting("hand"))
    assert len({s.name for s in steps}) == len(steps)
    for s in steps:
        changed = len(s.weights) + (s.prior is not None) + (s.rival_margin is not None) + \
            (s.signal_cap is not None)
        assert changed == 1, s


def test_tune_walks_only_the_steps_asked_and_reports_each_fold(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a made-up ledger table: the "one undated" step up finds one strike more on each ledger
    scored: list[str] = []

    def fake(cases: object, setting: tl.Setting) -> dict[str, LedgerScore]:
        scored.append(setting.name)
        gain = 1 if setting.name == "date|one undated+0.5" else 0
        return {n: _score(5 + gain) for n in ("one", "two")}

    class Case:
        def __init__(self, name: str) -> None:
            self.name = name

    monkeypatch.setattr(tl, "score_setting", fake)
    lines: list[str] = []
    best, _, held = tl.tune([Case("one"), Case("two")], rounds=1,  # type: ignore[list-item]
                            out=lines.append, only=["one undated"])
    assert scored == ["hand", "date|one undated-0.5", "date|one undated+0.5"]
    assert best.name == "date|one undated+0.5" and held.found == 12
    assert sum(line.startswith(("one ", "two ")) for line in lines) == 2


def test_each_group_is_tuned_against_one_scoring_of_the_hand_weights(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # a made-up table: "same actor" up finds one strike more on each ledger, target steps nothing
    scored: list[str] = []

    def fake(cases: object, setting: tl.Setting) -> dict[str, LedgerScore]:
        scored.append(setting.name)
        gain = 1 if setting.name == "actor|same actor+1" else 0
        return {n: _score(5 + gain) for n in ("one", "two")}

    class Case:
        def __init__(self, name: str) -> None:
            self.name = name

    monkeypatch.setattr(tl, "score_setting", fake)
    got = tl.tune_groups([Case("one"), Case("two")], ["actor|same actor+", "target|"],
                         out=lambda s: None)  # type: ignore[list-item]
    assert scored.count("hand") == 1
    assert scored[1:] == ["actor|same actor+1", "target|same target kind-0.5",
                          "target|same target kind+0.5",
                          "target|different target kinds, no vehicle-0.5",
                          "target|different target kinds, no vehicle+0.5",
                          "target|different target kinds-1",
                          "target|different target kinds+1"]
    held, picks = got["actor|same actor+"]
    assert held.found == 12 and set(picks.values()) == {"actor|same actor+1"}
    held, picks = got["target|"]
    assert held.found == 10 and set(picks.values()) == {"hand"}

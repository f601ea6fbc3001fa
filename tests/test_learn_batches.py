"""The one list of development batches (strikewatch/learn/batches.py): both trainers read it,
and no pattern in it can reach a held-out batch."""

from __future__ import annotations

import fnmatch
import importlib.util
from pathlib import Path

import pytest

from strikewatch.learn import batches, mention_data, train_mention_filter

REPO = Path(__file__).resolve().parent.parent


def _train_genre() -> object:
    spec = importlib.util.spec_from_file_location("train_genre", REPO / "bench" / "train_genre.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_both_trainers_use_the_one_list() -> None:
    assert mention_data.DEV_BATCHES is batches.DEV_BATCHES
    assert train_mention_filter.DEV_BATCHES is batches.DEV_BATCHES
    assert _train_genre().DEV_BATCHES is batches.DEV_BATCHES  # type: ignore[attr-defined]


def test_batches_t_u_and_v_are_development_folds() -> None:
    for fold in ("rt", "est", "ru", "esu", "rv", "esv"):
        assert fold in batches.DEV_BATCHES
    assert batches.FOLD_LEDGERS["rt"] == "rt.json"
    assert batches.FOLD_LEDGERS["ru"] == "ru.json" and "esu" in batches.DEV_LEDGERS


def test_batches_w_x_and_y_are_development_folds() -> None:
    for fold in ("rw", "esw", "rx", "esx", "ry", "esy"):
        assert fold in batches.DEV_BATCHES
        assert batches.FOLD_LEDGERS[fold] == f"{fold}.json" and fold in batches.DEV_LEDGERS
        assert not any(p.endswith(f"/{fold}") for p in batches.HELD_OUT)


def test_batch_z_is_a_development_fold() -> None:
    # Z was session 16's unseen test; rz1 is a second ledger of fold rz
    assert batches.DEV_BATCHES["rz"] == ("real/rz*.json",)
    assert batches.DEV_BATCHES["esz"] == ("es/esz*.json",)
    for name in ("rz", "esz"):
        assert batches.FOLD_LEDGERS[name] == f"{name}.json"
    for name in ("rz", "rz1", "esz"):
        assert name in batches.DEV_LEDGERS and not batches.ledger_held_out(name)
    assert not {"real/rz", "es/esz"} & set(batches.HELD_OUT)
    gold = REPO / "tests" / "gold"
    names = {p.name[:5] for p in batches.gold_paths(gold, "rz")}
    assert {"rz101", "rz104"} <= names


@pytest.mark.parametrize("real,es", [("sa", "esaa"), ("sb", "esab"), ("sc", "esac"),
                                     ("sd", "esad")])
def test_batches_sa_to_sd_are_development_folds(real: str, es: str) -> None:
    # each was a session's unseen test (sessions 17-20); <real>1 is a second ledger of its fold
    assert batches.DEV_BATCHES[real] == (f"real/{real}*.json",)
    assert batches.DEV_BATCHES[es] == (f"es/{es}*.json",)
    for name in (real, es):
        assert batches.FOLD_LEDGERS[name] == f"{name}.json"
    for name in (real, f"{real}1", es):
        assert name in batches.DEV_LEDGERS and not batches.ledger_held_out(name)
    assert not {f"real/{real}", f"es/{es}"} & set(batches.HELD_OUT)
    gold = REPO / "tests" / "gold"
    names = {p.name[:5] for p in batches.gold_paths(gold, real)}
    assert {f"{real}101", f"{real}103"} <= names and any(n.startswith(f"{real}0") for n in names)
    assert batches.gold_paths(gold, es)


def test_dev_and_unseen_patterns_do_not_collide() -> None:
    # SA-SD are trained on and SE held out: a pattern for one never reaches the other's
    for fold in ("sa", "sb", "sc", "sd", "esaa", "esab", "esac", "esad"):
        for pat in batches.DEV_BATCHES[fold]:
            for probe in ("real/se001_x.json", "real/se101.json", "es/esae001_x.json"):
                assert not fnmatch.fnmatch(probe, pat), (pat, probe)
    assert fnmatch.fnmatch("es/esaa012_x.json", batches.DEV_BATCHES["esaa"][0])
    assert not fnmatch.fnmatch("es/esaa012_x.json", batches.DEV_BATCHES["esab"][0])


def test_batches_being_written_as_unseen_tests_are_held_out() -> None:
    for prefix in ("real/se", "es/esae", "real/rd", "es/esd"):
        assert prefix in batches.HELD_OUT
    # a development batch is never held out as well
    dev = {p.split("*")[0] for pats in batches.DEV_BATCHES.values() for p in pats}
    assert not dev & set(batches.HELD_OUT)


def test_no_pattern_reaches_a_held_out_batch() -> None:
    # names only: the held-out files are never opened
    for pats in batches.DEV_BATCHES.values():
        for pat in pats:
            for prefix in batches.HELD_OUT:
                folder, stem = prefix.split("/")
                for probe in (f"{folder}/{stem}001_x.json", f"{folder}/{stem}_x.json"):
                    assert not fnmatch.fnmatch(probe, pat), (pat, probe)


def test_folds_are_disjoint_and_non_empty() -> None:
    gold = REPO / "tests" / "gold"
    seen: set[Path] = set()
    for fold in batches.DEV_BATCHES:
        paths = batches.gold_paths(gold, fold)
        assert paths, fold
        assert not seen & set(paths), fold
        seen |= set(paths)


def test_no_dev_ledger_is_held_out() -> None:
    # batch SE's ledgers (se, se1, esae) and the held-out ones are told by name alone
    for name in ("se.json", "se1.json", "se1", "esae.json", "esae", "rd.json", "esk.json",
                 "ess.json"):
        assert batches.ledger_held_out(name), name
    for name in batches.DEV_LEDGERS:
        assert not batches.ledger_held_out(name), name


def test_the_mention_filter_fits_every_dev_fold_but_the_ones_cv_left_out() -> None:
    # W, X and Y made the filter's leave-one-batch-out CV worse (extract/README.md)
    from strikewatch.learn.logreg import LogReg

    tm = train_mention_filter
    assert set(tm.NOT_TRAINED) <= set(batches.DEV_BATCHES)
    assert set(tm.TRAIN_BATCHES) == set(batches.DEV_BATCHES) - set(tm.NOT_TRAINED)
    assert LogReg.load(tm.WEIGHTS).meta["batches"] == sorted(tm.TRAIN_BATCHES)

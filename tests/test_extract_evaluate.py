"""Tests of the gold scoring (spec/gold-format.md) and the `eval` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from strikewatch.cli import app
from strikewatch.evaluate import GoldError, evaluate, load_gold, score, shared_root

GOLD = Path(__file__).parent / "gold"
TEXT = "Alpha struck Bravo. Charlie met Delta. Echo attacked Foxtrot."


def _rec(start: int, end: int, **fields: object) -> dict:
    return {"kind": "event", "provenance": {"event_type": [{"start": start, "end": end}]},
            **fields}


def test_alignment_fields_optional_forbid_and_precision() -> None:
    gold = {
        "expect": [{"key": "a", "kind": "incident", "evidence": ["Alpha struck Bravo"],
                    "status": "occurred", "killed_low": None, "place_country": "MX"}],
        "optional": [{"key": "o", "evidence": ["Charlie met Delta"]}],
        "forbid": [{"why": "x", "kind": "incident", "status": "planned"}],
    }
    recs = [
        _rec(6, 12, status="occurred", place={"country": "MX"}),  # matches a, all fields
        _rec(20, 27, status="occurred"),                          # optional: ignored
        _rec(45, 53, status="planned"),                           # unaligned + forbid hit
    ]
    sc = score(gold, TEXT, recs)
    assert sc.matched == 1 and sc.recall == 1.0
    assert sc.ignored == 1 and sc.precision == 0.5
    assert sc.fields_checked == 4 and sc.fields_correct == 4
    assert sc.forbid_hits == 1


def test_one_record_matches_at_most_one_entry() -> None:
    gold = {"expect": [{"key": "a", "evidence": ["Alpha struck"]},
                       {"key": "b", "evidence": ["struck Bravo"]}]}
    sc = score(gold, TEXT, [_rec(6, 12)])
    assert sc.matched == 1 and sc.recall == 0.5


def test_attribution_has_and_null_fields() -> None:
    gold = {"expect": [{"key": "a", "evidence": ["Alpha"], "killed_low": None,
                        "attribution_has": [{"kind": "official", "count": 4},
                                            {"kind": "outlet", "name": "nbc"}]}]}
    good = _rec(0, 5, killed_low=None, attribution=[
        {"kind": "official", "count": 4}, {"kind": "outlet", "name": "NBC News"}])
    bad = _rec(0, 5, killed_low=0, attribution=[{"kind": "official", "count": 3}])
    assert score(gold, TEXT, [good]).field_accuracy == 1.0
    assert score(gold, TEXT, [bad]).field_accuracy == 0.0


def test_missing_evidence_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    g = tmp_path / "g.json"
    g.write_text(json.dumps({"article": {"file": "a.txt"},
                             "expect": [{"key": "k", "evidence": ["not in text"]}]}))
    total, per = evaluate([g], extractor=lambda a: [])
    assert per[0][1] is None and "evidence not found" in per[0][2] and "g.json" in per[0][2]


def test_bad_gold_file_names_the_file(tmp_path: Path) -> None:
    g = tmp_path / "broken.json"
    g.write_text("{not json")
    with pytest.raises(GoldError, match="broken.json"):
        load_gold(g)


def test_article_file_relative_to_gold_folder() -> None:
    gold, art = load_gold(GOLD / "002_yemen_market_airstrike.json")
    assert "Saada" in art.text and art.published == "2024-03-12"


def test_own_gold_set_meets_the_bars() -> None:
    files = sorted(GOLD.glob("*.json"))
    assert len(files) >= 30
    total, per = evaluate(files)
    assert all(sc is not None for _, sc, _ in per)
    assert total.recall >= 0.9 and total.precision >= 0.9
    assert total.field_accuracy >= 0.9 and total.forbid_hits == 0


def test_eval_command_prints_scores() -> None:
    res = CliRunner().invoke(app, ["eval", str(GOLD / "001_caribbean_boat_strike.json"),
                                   str(GOLD / "026_dock_strike_trap.json")])
    assert res.exit_code == 0, res.output
    assert "TOTAL recall" in res.output and "field_accuracy" in res.output


def test_seed_gold_when_shared_is_present() -> None:
    seed = shared_root() / "gold" / "seed.json"
    if not seed.exists():
        pytest.skip("shared/ not present")
    total, _ = evaluate([seed])
    assert total.recall == 1.0 and total.field_accuracy >= 0.9 and total.forbid_hits == 0

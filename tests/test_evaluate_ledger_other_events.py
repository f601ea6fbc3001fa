"""Ledger gold `other_events` (session 17): a violent event the articles tell that is no
strike of the ledger (the bombing a strike page says the strike came after, told with its
own day) is neither required nor false. Old ledger files without the key stay valid."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strikewatch.evaluate import GoldError
from strikewatch.evaluate_ledger import BuiltLedger, load_ledger_gold, score_ledger
from strikewatch.records import Article
from tests.test_evaluate_ledger import entry, incident, strike, write_gold

TEXT = ("U.S. jets struck a militia depot near Qaim on Thursday, killing four, officials said. "
        "The strike came after a drone attack on a base in Jordan on Sunday killed three "
        "soldiers.")


def _ledger(folder: Path, others: list[dict[str, Any]] | None) -> Path:
    name = write_gold(folder, "a", TEXT, [entry("qaim", "struck a militia depot")])
    gold = json.loads((folder / name).read_text(encoding="utf-8"))
    gold["optional"] = [{"key": "jordan", "evidence": ["a drone attack on a base in Jordan"]}]
    (folder / name).write_text(json.dumps(gold), encoding="utf-8")
    data: dict[str, Any] = {"about": "t", "gold": [name], "strikes": [
        strike("qaim", "2025-11-06", 4, "", [f"{name}#qaim"])]}
    if others is not None:
        data["other_events"] = others
    path = folder / "ledger.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _built(art: Article) -> BuiltLedger:
    qaim = incident("i1", art, "struck a militia depot", killed=4)
    jordan = incident("i2", art, "a drone attack on a base in Jordan", day="2025-11-02")
    return BuiltLedger([qaim, jordan], {"a.json": art}, [])


def test_an_other_event_is_neither_required_nor_false(tmp_path: Path) -> None:
    art = Article(text=TEXT)
    with_other = load_ledger_gold(_ledger(tmp_path, [
        {"id": "jordan", "reports": ["a.json#jordan"]}]))
    sc = score_ledger(with_other, _built(art))
    assert (sc.strikes, sc.incidents, sc.real, sc.false_incidents) == (1, 1, 1, 0)
    assert any(d.startswith("OTHER i2") for d in sc.details)
    assert set(sc.labels) == {"i1"}


def test_without_the_list_the_event_is_a_false_incident(tmp_path: Path) -> None:
    art = Article(text=TEXT)
    sc = score_ledger(load_ledger_gold(_ledger(tmp_path, None)), _built(art))
    assert (sc.incidents, sc.real, sc.false_incidents) == (2, 1, 1)


def test_other_event_reports_are_checked(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no expect or optional entry"):
        load_ledger_gold(_ledger(tmp_path, [{"id": "x", "reports": ["a.json#nope"]}]))
    with pytest.raises(GoldError, match="both strike"):
        load_ledger_gold(_ledger(tmp_path, [{"id": "x", "reports": ["a.json#qaim"]}]))

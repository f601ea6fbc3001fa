"""bench/geo_accuracy.py classifies failures correctly and survives a bad gold line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.geo_accuracy import failures, load_gold
from strikewatch.geo import PlaceMatch
from strikewatch.records import Place

ROOT = Path(__file__).resolve().parent.parent


def _item(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {"id": "x", "tag": "t", "text": "a b", "trigger": "a",
                               "country": "MX", "lat": 24.8, "lon": -107.4, "precision": 1}
    base.update(kw)
    return base


def test_failure_kinds() -> None:
    town = Place(name="Culiacán", country="MX", latitude=24.8, longitude=-107.39,
                 kind="populated place", geo_precision=1)
    assert failures(_item(), PlaceMatch(town, 0, 1)) == []
    assert failures(_item(), None) == ["no place returned [t]"]
    assert failures(_item(none=True), PlaceMatch(town, 0, 1)) == [
        "place where the text gives none [t]"]
    assert failures(_item(precision=2), PlaceMatch(town, 0, 1)) == ["precision too fine [t]"]
    far = town.model_copy(update={"latitude": 19.4, "longitude": -99.1})
    assert failures(_item(), PlaceMatch(far, 0, 1)) == ["point too far [t]"]
    sea = Place(name="Caribbean Sea", latitude=15.0, longitude=-73.0, kind="sea",
                geo_precision=6)
    assert "land read as sea [t]" in failures(_item(), PlaceMatch(sea, 0, 1))
    want_sea = _item(country=None, lat=15.0, lon=-73.0, precision=6, tol_km=600)
    assert failures(want_sea, PlaceMatch(sea, 0, 1)) == []
    with_country = sea.model_copy(update={"country": "VE"})
    assert failures(want_sea, PlaceMatch(with_country, 0, 1)) == ["sea country set [t]"]


def test_bad_gold_lines_are_named_and_skipped(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    good = _item(text="A raid in Culiacán killed two.", trigger="raid")
    gold.write_text("{not json\n" + json.dumps({"text": "x", "trigger": "y"}) + "\n"
                    + json.dumps(good) + "\n", encoding="utf-8")
    assert len(load_gold(gold)) == 1
    run = subprocess.run([sys.executable, "bench/geo_accuracy.py", "--gold", str(gold)],
                         cwd=ROOT, capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert "g.jsonl:1: skipped" in run.stderr and "g.jsonl:2: skipped" in run.stderr
    assert "country correct:          1/1" in run.stdout

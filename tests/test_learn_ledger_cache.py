"""The one cache of built dev ledgers (strikewatch/learn/ledger_cache.py) that the linking
and incident-confidence trainers share: a build is read back, not redone; its key follows
the code and the inputs, so it is never stale; both trainers read through it.

No ledger is built here (that is minutes of extraction): `build` is replaced by a stub."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikewatch.learn import incident_data, ledger_cache, train_linking
from strikewatch.records import Article

GOLD = ledger_cache.LEDGER_DIR / "rz1.json"


def _fake(name: str = "rz1") -> ledger_cache.BuiltCase:
    art = Article(id="a1", text="A drone strike hit a truck on Monday.", language="en")
    return ledger_cache.BuiltCase(name, [], {"a1": art}, {"g.json": art, "h.json": None},
                                  [("h.json", "why")], [])


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    made: list[Path] = []

    def build(gold: Path) -> ledger_cache.BuiltCase:
        made.append(gold)
        return _fake(gold.stem)

    monkeypatch.setattr(ledger_cache, "build", build)
    return made


def test_a_build_is_kept_and_read_back_not_redone(tmp_path: Path, builds: list[Path]) -> None:
    one = ledger_cache.built_ledger("rz1", tmp_path)
    two = ledger_cache.built_ledger(GOLD, tmp_path)
    assert builds == [GOLD]
    assert two.by_gold["g.json"] == one.by_gold["g.json"] and two.crashed == one.crashed
    assert [p.name for p in tmp_path.iterdir()] == [ledger_cache.cache_path(GOLD).name]


def test_the_key_names_the_ledger_the_code_and_the_inputs() -> None:
    name = ledger_cache.cache_path(GOLD, Path("/x")).name
    assert name.startswith("rz1-") and ledger_cache.code_version() in name
    assert ledger_cache.input_version(GOLD) in name
    # a different ledger's inputs are a different key
    assert ledger_cache.input_version(GOLD) != ledger_cache.input_version(
        ledger_cache.LEDGER_DIR / "esz.json")


def test_a_changed_source_file_is_a_new_code_version(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "resolve").mkdir()
    (tmp_path / "learn").mkdir()
    rule = tmp_path / "resolve" / "rule.py"
    rule.write_text("X = 1\n")
    monkeypatch.setattr(ledger_cache, "PACKAGE", tmp_path)
    versions = []
    for text in ("X = 1\n", "X = 2\n"):
        rule.write_text(text)
        ledger_cache.code_version.cache_clear()
        versions.append(ledger_cache.code_version())
    # a trainer's own source and a README are no part of what a build holds
    (tmp_path / "learn" / "train_linking.py").write_text("TUNED = True\n")
    (tmp_path / "resolve" / "README.md").write_text("Measured today.\n")
    ledger_cache.code_version.cache_clear()
    versions.append(ledger_cache.code_version())
    ledger_cache.code_version.cache_clear()
    assert versions[0] != versions[1] == versions[2]


def test_both_trainers_read_the_one_cache(tmp_path: Path, builds: list[Path],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(train_linking, "label_mentions", lambda *a: {})
    case = train_linking.read_ledger(GOLD, tmp_path)
    cached = incident_data.load_cached("rz1", tmp_path)
    assert builds == [GOLD]
    assert case.built_articles["g.json"] is not None and case.crashed == [("h.json", "why")]
    assert case.articles == {}  # no mention: resolution reads no article
    assert cached.by_gold == {"g.json": "a1", "h.json": None} and "a1" in cached.articles

"""The real-style gold set (tests/gold/real, issue 14) is well formed.

Every gold file names the real page it rewrites, its article file exists, every evidence
string stands in that article's text exactly (as `strikewatch eval` locates it), and every
checked field is one the records contract defines. Extraction scores are NOT asserted here:
the set measures the extractor, and its first-run scores are low by design.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, get_args

import pytest

from strikewatch.evaluate import NON_FIELDS, load_gold
from strikewatch.records import Mention, Status, TargetKind

REAL = Path(__file__).parent / "gold" / "real"
GOLD_FILES = sorted(REAL.glob("*.json"))

# Field names a gold entry may check: the record's own fields plus the gold format's
# shorthands (shared/spec/gold-format.md).
SHORTHANDS = {"place_country", "actor1_country", "actor2_country", "attribution_has"}
RECORD_FIELDS = set(Mention.model_fields) - {"id", "article_id", "provenance", "spans"}
FIELDS = RECORD_FIELDS | SHORTHANDS
SOURCE_KINDS = {"wire", "broadcaster", "regional", "agency-rewrite", "mirror", "blog", "ngo"}


def _entries(gold: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(part, e) for part in ("expect", "optional", "forbid") for e in gold.get(part) or []]


def test_the_set_is_there() -> None:
    assert len(GOLD_FILES) >= 40, "tests/gold/real should hold the real-style gold files"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    src = gold.get("source")
    assert isinstance(src, dict) and str(src.get("url", "")).startswith("http"), \
        f"{path.name}: no source url"
    assert src.get("kind") in SOURCE_KINDS, f"{path.name}: source kind {src.get('kind')!r}"
    assert gold["article"].get("url") == src["url"], f"{path.name}: article.url != source.url"
    published = gold["article"].get("published")
    assert published is None or (isinstance(published, str) and len(published) >= 10)

    # load_gold resolves the article file and reads its text the way eval does.
    _, article = load_gold(path)
    assert article.text.strip(), f"{path.name}: empty article"

    keys = [e.get("key") for part, e in _entries(gold) if part != "forbid"]
    assert len(keys) == len(set(keys)), f"{path.name}: duplicate keys {keys}"
    for part, entry in _entries(gold):
        where = f"{path.name} {part} {entry.get('key') or entry.get('why')}"
        fields = [k for k in entry if k not in NON_FIELDS]
        unknown = set(fields) - FIELDS
        assert not unknown, f"{where}: unknown field names {sorted(unknown)}"
        if part == "forbid":
            assert entry.get("why") and fields, f"{where}: a forbid entry needs why and fields"
            continue
        evidence = entry.get("evidence")
        assert evidence, f"{where}: no evidence"
        for ev in evidence:
            assert ev in article.text, f"{where}: evidence not in the article: {ev[:60]!r}"
        if part == "expect":
            assert entry.get("kind") in ("incident", "tally"), f"{where}: kind"
        if "status" in entry:
            assert entry["status"] in get_args(Status), f"{where}: status {entry['status']!r}"
        if entry.get("target_kind") is not None:
            assert entry["target_kind"] in get_args(TargetKind), f"{where}: target_kind"
        for lo, hi in (("killed_low", "killed_high"), ("strikes_low", "strikes_high"),
                       ("date_low", "date_high")):
            if entry.get(lo) is not None and entry.get(hi) is not None:
                assert entry[lo] <= entry[hi], f"{where}: {lo} > {hi}"

"""The Spanish development set (tests/gold/es) is well formed: every gold file names its real
source, its article file exists, and every evidence string stands in the article text.

No scores are asserted here: the set measures the Spanish reader (issue 15), it is not a bar
the English rules must pass. A broken gold file would make every later score meaningless, so
these checks fail loudly and name the file.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from strikewatch.evaluate import load_gold

ES = Path(__file__).parent / "gold" / "es"
FILES = sorted(ES.glob("es*.json"))


def _entries(gold: dict[str, Any]) -> list[dict[str, Any]]:
    return list(gold.get("expect") or []) + list(gold.get("optional") or [])


def test_the_set_is_there() -> None:
    assert len(FILES) >= 50
    countries = {json.loads(f.read_text(encoding="utf-8"))["source"]["country"] for f in FILES}
    assert len(countries) >= 4


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    art = gold["article"]
    src = gold["source"]
    assert str(src["url"]).startswith("https://"), f"{path.name}: source url"
    assert src["url"] == art["url"], f"{path.name}: article.url differs from source.url"
    assert src.get("outlet") and src.get("country") and src.get("kind"), f"{path.name}: source"
    assert art.get("language") == "es", f"{path.name}: article.language"
    if art["published"] is not None:
        date.fromisoformat(art["published"])  # raises on anything but an ISO date
    assert len(src["country"]) == 2 and src["country"].isupper(), f"{path.name}: source.country"
    file = path.parent / art["file"]
    assert file.is_file(), f"{path.name}: article file {art['file']} missing"
    _, article = load_gold(path)  # the loader eval uses: raises on a missing article
    keys = [e["key"] for e in _entries(gold)]
    assert len(keys) == len(set(keys)), f"{path.name}: duplicate keys"
    for entry in _entries(gold):
        assert entry["evidence"], f"{path.name}: {entry['key']} has no evidence"
        for ev in entry["evidence"]:
            assert ev in article.text, f"{path.name}: {entry['key']}: evidence not found: {ev!r}"
    for entry in gold.get("expect") or []:
        assert entry.get("kind") in ("incident", "tally"), f"{path.name}: {entry['key']} kind"
    for entry in gold.get("forbid") or []:
        assert entry.get("why") and len(entry) >= 2, f"{path.name}: forbid needs a why and fields"

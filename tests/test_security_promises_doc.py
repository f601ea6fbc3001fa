"""docs/promises.md names the tests behind each promise; every one must exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_test_named_in_the_promises_page_exists() -> None:
    page = (ROOT / "docs" / "promises.md").read_text(encoding="utf-8")
    named = re.findall(r"`(tests/[\w/]+\.py)::(\w+)`", page)
    assert len(named) >= 40
    missing = []
    for file, name in named:
        path = ROOT / file
        if not path.exists() or not re.search(rf"^def {name}\(", path.read_text("utf-8"),
                                                re.M):
            missing.append(f"{file}::{name}")
    assert missing == [], f"docs/promises.md names tests that do not exist: {missing}"

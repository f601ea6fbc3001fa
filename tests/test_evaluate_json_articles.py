"""`strikewatch eval` reads article-input JSON files (text or html) named by a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from strikewatch.evaluate import GoldError, load_gold


def _gold(tmp: Path, article: dict[str, object], meta: dict[str, object]) -> Path:
    (tmp / "a.json").write_text(json.dumps(article), encoding="utf-8")
    g = tmp / "g.json"
    g.write_text(json.dumps({"article": {"file": "a.json", **meta}, "expect": []}),
                 encoding="utf-8")
    return g


def test_json_text_and_its_metadata(tmp_path: Path) -> None:
    g = _gold(tmp_path, {"text": "  A drone hit a depot on Friday.\n", "published": "2024-05-03",
                         "publisher": "Example Wire", "url": "https://x.example/1"}, {})
    _, art = load_gold(g)
    assert art.text == "A drone hit a depot on Friday."
    assert (art.published, art.publisher, art.url) == ("2024-05-03", "Example Wire",
                                                       "https://x.example/1")


def test_gold_metadata_wins_even_when_null(tmp_path: Path) -> None:
    g = _gold(tmp_path, {"text": "Shelling hit a market.", "published": "2024-05-03"},
              {"published": None})
    _, art = load_gold(g)
    assert art.published is None


def test_json_html_main_text(tmp_path: Path) -> None:
    html = ("<html><body><nav><a href='/'>Home</a></nav><article><p>Gunmen attacked a "
            "convoy near the border on Monday, killing four guards.</p></article>"
            "<footer>Subscribe now</footer></body></html>")
    _, art = load_gold(_gold(tmp_path, {"html": html}, {"published": "2024-01-02"}))
    assert "Gunmen attacked a convoy" in art.text
    assert "Subscribe" not in art.text


def test_json_without_text_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="a.json.*no 'text' or 'html'"):
        load_gold(_gold(tmp_path, {"title": "only a title"}, {}))

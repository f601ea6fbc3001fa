"""`strikewatch eval` dates an article exactly as `strikewatch ingest` does.

Per-article scores must measure the reader a user runs: a page whose gold shows no date
(`published: null`) but whose URL, markup or dateline holds one is read with that date by
ingest, so eval must read it with the same date (ingest.published.recover_published). Each
case is ingested for real into a SQLite store and the stored date compared with eval's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from strikewatch.evaluate import load_gold
from strikewatch.ingest import IngestOptions, ingest
from strikewatch.store import open_store

TEXT = ("Naval forces fired on a speedboat in international waters on Saturday, killing "
        "four people on board, the defence ministry said.")
HTML = ("<html><head><meta property='article:published_time' content='2025-10-19T08:00:00Z'>"
        "</head><body><article><p>" + TEXT + "</p></article></body></html>")

CASES: dict[str, tuple[dict[str, Any], tuple[str | None, str | None]]] = {
    "url path": ({"text": TEXT, "url": "https://news.example/world/2025/10/20/boat-strike"},
                 ("2025-10-20", "url")),
    "html head over url": ({"html": HTML, "url": "https://news.example/2025/10/20/strike"},
                           ("2025-10-19", "html-meta")),
    "wire dateline": ({"text": "BOGOTA, Oct. 21, 2025 (AP) — " + TEXT,
                       "url": "https://mirror.example/story/88123"}, ("2025-10-21", "dateline")),
    "nothing dates it": ({"text": TEXT, "url": "https://mirror.example/story/88123"},
                         (None, None)),
}


def _ingested(tmp: Path, article: dict[str, Any]) -> tuple[str | None, str | None]:
    """(published, published_source) of `article` as `strikewatch ingest` stores it."""
    path = tmp / "in" / "a.json"
    path.parent.mkdir()
    path.write_text(json.dumps(article), encoding="utf-8")
    store = open_store(str(tmp / "s.db"))
    try:
        report = ingest([str(path)], store, IngestOptions())
        assert len(report.ingested) == 1
        stored = store.get_article(report.ingested[0])
        assert stored is not None
        return stored.published, stored.published_source
    finally:
        store.close()


def _evaluated(tmp: Path, article: dict[str, Any], meta: dict[str, Any]) -> Any:
    (tmp / "a.json").write_text(json.dumps(article), encoding="utf-8")
    gold = tmp / "g.json"
    gold.write_text(json.dumps({"article": {"file": "a.json", **meta}, "expect": []}),
                    encoding="utf-8")
    return load_gold(gold)[1]


@pytest.mark.parametrize("case", list(CASES))
def test_a_gold_without_a_date_is_dated_as_ingest_dates_it(tmp_path: Path, case: str) -> None:
    article, want = CASES[case]
    assert _ingested(tmp_path, article) == want
    art = _evaluated(tmp_path, article, {"published": None, "url": article["url"]})
    assert (art.published, art.published_source) == want


def test_a_plain_text_gold_takes_its_urls_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"article": {
        "file": "a.txt", "published": None,
        "url": "https://www.voanews.com/a/a-13-a-2004-01-20-14-us-1/386332.html"},
        "expect": []}), encoding="utf-8")
    art = load_gold(gold)[1]
    assert (art.published, art.published_source) == ("2004-01-20", "url")


def test_the_date_the_gold_shows_is_kept(tmp_path: Path) -> None:
    article = {"text": TEXT, "url": "https://news.example/2025/10/20/boat-strike"}
    art = _evaluated(tmp_path, article, {"published": "2025-10-22"})
    assert (art.published, art.published_source) == ("2025-10-22", "supplied")

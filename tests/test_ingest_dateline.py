"""A wire dateline dates a page that came without a date, at ingest (issue 14, item 3):
`published_source` "dateline", below the page's markup and its URL, above another copy of
the story; a dateline without its year gives no date. Real inputs: pages served by an
http.server on 127.0.0.1, JSON files on disk, the SQLite and PostgreSQL stores."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from strikewatch import pipeline
from strikewatch.ingest.published import (
    SOURCE_LABELS,
    dateline_date,
    recover_published,
    url_month,
)
from strikewatch.store.sql import SqlStore
from tests.localhttp import LocalServer, Route
from tests.test_ingest_published import news_page, run

NOW = dt.datetime(2025, 12, 1, 12, 0, tzinfo=dt.UTC)
FILED = ("PORT HARBOR, Nov. 5, 2025 (Wire) — Naval forces fired on a speedboat off the "
         "cape on Monday, killing three people on board, the defence ministry said.")


def test_the_dateline_source_is_below_the_url_and_above_nothing_else() -> None:
    assert recover_published(text=FILED, now=NOW) == ("2025-11-05", "dateline", [])
    assert recover_published(url="https://news.example/2025/11/06/boat", text=FILED,
                             now=NOW)[:2] == ("2025-11-06", "url")
    assert recover_published(supplied="2025-11-07", text=FILED, now=NOW)[:2] == (
        "2025-11-07", "supplied")
    # without its year the dateline dates nothing: no year is guessed
    assert recover_published(text="PORT HARBOR, Nov. 5 (Wire) — Naval forces fired on a "
                             "speedboat.", now=NOW) == (None, None, [])
    # a dateline dated after the fetch is passed over with a note
    value, source, notes = recover_published(text=FILED.replace("2025", "2027"), now=NOW)
    assert (value, source) == (None, None) and "dateline" in notes[0]
    assert SOURCE_LABELS["dateline"] == "from the dateline"


def test_a_dateline_without_its_year_takes_it_from_a_url_of_the_same_month() -> None:
    undated = FILED.replace(", 2025", "")
    assert recover_published(url="https://news.example/world/2025/11/boat-strike",
                             text=undated, now=NOW)[:2] == ("2025-11-05", "dateline")
    # a URL of another month, or with no month, gives no year: nothing is guessed
    for url in ("https://news.example/world/2025/12/boat-strike",
                "https://news.example/world/2025/boat-strike",
                "https://news.example/world/boat-strike"):
        assert recover_published(url=url, text=undated, now=NOW)[:2] == (None, None), url
    assert url_month("https://news.example/2025/11/02/boat") is None  # a day: url_date's
    assert dateline_date("WASHINGTON, Feb 29 (Wire) - x", "https://n.example/2025/02/s") is None
    assert dateline_date("WASHINGTON, Feb 29 (Wire) - x",
                         "https://n.example/2024/02/s") == "2024-02-29"


def test_spanish_dateline_too() -> None:
    assert dateline_date("Bogotá, 5 de noviembre de 2025 (EFE).- La Armada atacó una "
                         "lancha.") == "2025-11-05"
    assert dateline_date("Bogotá, 5 nov (EFE).- La Armada atacó una lancha.") is None


def test_a_page_over_http_dated_by_its_dateline(store: SqlStore,
                                                 http_server: LocalServer) -> None:
    http_server.routes["/world/boat"] = Route(news_page(FILED).encode())
    rep = pipeline.run([http_server.url("/world/boat")], store,
                       pipeline.IngestOptions(allow_private=True))
    assert len(rep.ingest.ingested) == 1, rep.ingest.skipped
    a = store.find_article(url=http_server.url("/world/boat"))
    assert a is not None and (a.published, a.published_source) == ("2025-11-05", "dateline")
    # "on Monday" resolves against the filing day; the dateline's day is not the event's
    (m,) = [m for m in store.mentions(a.id) if m.kind == "event"]
    assert (m.date_low, m.date_high) == ("2025-11-03", "2025-11-03")


def test_a_json_file_without_a_year_stays_undated(store: SqlStore, tmp_path: Path) -> None:
    path = tmp_path / "copy.json"
    path.write_text(json.dumps({"text": FILED.replace(", 2025", "")}), encoding="utf-8")
    run(store, path)
    (a,) = store.articles()
    assert (a.published, a.published_source) == (None, None)

"""Publication dates recovered at ingest, with where each came from (ingest.published).

Real inputs only: HTML and JSON files on disk, pages and feeds served by an http.server on
127.0.0.1, the SQLite and PostgreSQL stores.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch import pipeline
from strikewatch.ingest import IngestOptions, IngestReport, ingest
from strikewatch.ingest.html import page_tree
from strikewatch.ingest.published import html_date, plausible, recover_published, url_date
from strikewatch.records import Article
from strikewatch.store.sql import SqlStore
from tests.localhttp import LocalServer, Route

WIRE = (
    "Naval forces fired on a speedboat in international waters on Saturday, killing four "
    "people on board, the defence ministry said in a statement issued late in the evening. "
    "The ministry said the boat had ignored repeated warnings to stop and had been tracked "
    "for several hours by a patrol aircraft before the strike. It did not say how the "
    "people on board had been identified or what the boat was carrying. Relatives of two "
    "fishermen from a nearby island said the men had gone out to sea that morning and "
    "had not returned, and asked the authorities to publish the names of the dead."
)
OTHER = (
    "A drone struck a fuel depot outside the port city late on Sunday, setting off a fire "
    "that burned for hours, the regional governor said. No casualties were reported, and "
    "no group said it had carried out the attack."
)
NOW = dt.datetime(2025, 12, 1, 12, 0, tzinfo=dt.UTC)


def news_page(body: str, head: str = "", title: str = "Boat struck at sea") -> str:
    """A page shaped like a news site's: head, navigation, article, footer."""
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<main><article><h1>{title}</h1><p>{body}</p></article></main>"
        "<footer><p>© 2026 Harbor Ledger. All rights reserved.</p></footer></body></html>"
    )


def run(store: SqlStore, *inputs: str | Path, **opts: object) -> IngestReport:
    return ingest([str(i) for i in inputs], store, IngestOptions(**opts))  # type: ignore[arg-type]


def from_file(store: SqlStore, path: Path) -> Article:
    found = [a for a in store.articles() if a.source == str(path)]
    assert len(found) == 1, [a.source for a in store.articles()]
    return found[0]


# --- the readers, one by one ------------------------------------------------------------


@pytest.mark.parametrize(("url", "want"), [
    ("https://news.example/world/2025/11/02/boat-strike", "2025-11-02"),
    ("https://news.example/2025/11/02/", "2025-11-02"),
    ("https://news.example/archive/20251102/boat-strike.html", "2025-11-02"),
    ("https://news.example/world/2025-11-02-us-strike-kills-four", "2025-11-02"),
    ("https://news.example/2025_11_02_strike", "2025-11-02"),
    ("https://news.example/world/boat-strike-123456", None),
    ("https://news.example/story/9920251102771", None),  # inside a longer number: an id
    ("https://news.example/2025/13/02/x", None),  # no month 13
    ("https://news.example/2025/02/30/x", None),  # no 30 February
    ("https://20251102.example.com/boat", None),  # the host is not the path
    ("https://news.example/2025/11/boat", None),  # a month is not a day
    ("https://news.example/politics/251230/32182/boat-strike.html", "2025-12-30"),
    ("https://news.example/politics/251230", "2025-12-30"),
    ("https://news.example/article/458426-boat-strike", None),  # an id, no month 84
    ("https://news.example/article/251230-boat-strike", None),  # not a segment to itself
    ("https://news.example/story/1251230/", None),  # seven digits: an id
    # a wrapper's query names the page's own address: its path dates it
    ("https://wrap.example/article?u=https%3A%2F%2Fnews.example%2F2025%2F11%2F02%2Fstrike",
     "2025-11-02"),
    ("https://wrap.example/read?url=https://news.example/world/251230/boat&ref=x", "2025-12-30"),
    ("https://news.example/boat-strike?ts=20251102", None),  # a parameter that is no address
    ("https://news.example/boat-strike?id=2025/11/02", None),
    # the month by name: /world/2025/nov/02/slug
    ("https://news.example/world/2025/nov/02/boat-strike", "2025-11-02"),
    ("https://news.example/2025/September/9/strike", "2025-09-09"),
    ("https://news.example/2025/sept/19/strike", "2025-09-19"),
    ("https://news.example/2025/mayor/3/race", None),  # a slug, not a month
    ("https://news.example/2025/feb/30/x", None),  # no 30 February
    # unpadded year/month/day segments
    ("https://news.example/es/2025/4/10/titulares", "2025-04-10"),
    ("https://news.example/2022/8/2/headlines", "2022-08-02"),
    ("https://news.example/2025/9/strike", None),  # a month is not a day
    # day or month first: read only where one order alone makes a day
    ("https://news.example/blog/17/11/2025/boats-and-the-law", "2025-11-17"),
    ("https://news.example/blog/11/17/2025/boats-and-the-law", "2025-11-17"),
    ("https://news.example/world/us-strike-kills-four-13-11-2025", "2025-11-13"),
    ("https://news.example/world/strike_13_11_2025.html", "2025-11-13"),
    ("https://news.example/world/us-strike-kills-four-02-11-2025", None),  # 2 Nov or Feb 2
    ("https://news.example/expanded/qR7i9/11-5-2025-2", None),  # 11 May or Nov 5
    ("https://news.example/world/strike-11-11-2025", "2025-11-11"),  # both readings agree
    ("https://news.example/iraq/29032025", "2025-03-29"),
    ("https://news.example/iraq/03292025/", "2025-03-29"),
    ("https://news.example/iraq/04032025", None),  # 4 March or April 3
    ("https://news.example/story/45032025-x", None),  # not a segment to itself
    ("https://news.example/26-Aug-2024/civilians-killed", "2024-08-26"),
    ("https://news.example/2_november_2025/", "2025-11-02"),
    ("https://news.example/news/strike-on-2-november-2025-kills-six", None),  # a slug's words
    ("https://news.example/30-feb-2025/x", None),  # no 30 February
    ("https://news.example/opinion/2025918/sea", None),  # seven digits: an id as often
    # the day with a four-digit serial, a segment of its own: the day's nth story
    ("https://news.example/stories/202511020015.html", "2025-11-02"),
    ("https://news.example/stories/202511020015", "2025-11-02"),
    ("https://news.example/stories/202511320015.html", None),  # no 32 November
    ("https://news.example/stories/2025110200151.html", None),  # thirteen digits: an id
    ("https://news.example/stories/x202511020015.html", None),  # inside a slug
    (None, None),
])
def test_url_date_forms(url: str | None, want: str | None) -> None:
    assert url_date(url) == want


def test_plausible_window() -> None:
    assert plausible("2025-11-30", NOW) and plausible("2025-12-02T01:00:00+03:00", NOW)
    assert not plausible("2025-12-05", NOW)  # after the fetch
    assert not plausible("1970-01-01", NOW)  # the epoch: a parse error, not a date
    assert not plausible(None, NOW) and not plausible("someday", NOW)


def test_html_meta_reads_markup_not_the_story_or_the_footer() -> None:
    meta = "<meta property='article:published_time' content='2025-11-02T14:05:00Z'>"
    assert html_date(page_tree(news_page(WIRE, meta)), NOW) == "2025-11-02"
    jsonld = ('<script type="application/ld+json">{"@context": "https://schema.org", '
              '"@type": "NewsArticle", "headline": "Boat struck", '
              '"datePublished": "2025-10-28T09:00:00-05:00"}</script>')
    assert html_date(page_tree(news_page(WIRE, jsonld)), NOW) == "2025-10-28"
    # a date the story mentions and the footer's copyright year are not publication dates
    story = WIRE + " It was the 15th strike since the campaign began on September 2, 2025."
    assert html_date(page_tree(news_page(story)), NOW) is None
    # a meta date after the fetch is refused
    late = "<meta property='article:published_time' content='2026-03-01'>"
    assert html_date(page_tree(news_page(WIRE, late)), NOW) is None


def test_order_of_trust_and_notes() -> None:
    tree = page_tree(news_page(WIRE, "<meta name='date' content='2025-11-03'>"))
    url = "https://news.example/2025/11/01/boat"
    assert recover_published("2025-11-04", None, tree, url, NOW)[:2] == ("2025-11-04",
                                                                          "supplied")
    assert recover_published(None, "2025-11-05", tree, url, NOW)[:2] == ("2025-11-05", "feed")
    assert recover_published(None, None, tree, url, NOW)[:2] == ("2025-11-03", "html-meta")
    assert recover_published(None, None, None, url, NOW)[:2] == ("2025-11-01", "url")
    # an unusable supplied date is passed over, said so, and the next source used
    value, source, notes = recover_published("2099-01-01", None, None, url, NOW)
    assert (value, source) == ("2025-11-01", "url")
    assert notes and "2099-01-01" in notes[0] and "not plausible" in notes[0]
    value, source, notes = recover_published("soon", None, None, None, NOW)
    assert (value, source) == (None, None) and "not a date" in notes[0]


# --- through ingest ---------------------------------------------------------------------


def test_html_file_dated_by_its_head(store: SqlStore, tmp_path: Path) -> None:
    dated = tmp_path / "dated.html"
    dated.write_text(news_page(WIRE, "<meta property='article:published_time' "
                                     "content='2025-11-02T14:05:00Z'>"), encoding="utf-8")
    undated = tmp_path / "undated.html"
    undated.write_text(news_page(OTHER), encoding="utf-8")
    rep = run(store, dated, undated)
    assert len(rep.ingested) == 2, rep.skipped
    a = from_file(store, dated)
    assert (a.published, a.published_source) == ("2025-11-02", "html-meta")
    b = from_file(store, undated)
    # nothing in the page dates it: unknown, never today's date (nor the footer's 2026)
    assert (b.published, b.published_source) == (None, None)


def test_json_without_date_dated_by_its_url_and_bad_dates_passed_over(
    store: SqlStore, tmp_path: Path
) -> None:
    items = [
        {"url": "https://mirror.example/world/2025/11/02/boat-strike", "text": WIRE},
        {"url": "https://mirror.example/20251027/depot.html", "text": OTHER,
         "published": "2999-01-01"},
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    rep = run(store, path)
    assert len(rep.ingested) == 2, rep.skipped
    a = store.find_article(text=WIRE)
    assert a is not None and (a.published, a.published_source) == ("2025-11-02", "url")
    b = store.find_article(text=OTHER)
    assert b is not None and (b.published, b.published_source) == ("2025-10-27", "url")
    (name, warning), = rep.warnings
    assert name.endswith("dump.jsonl:2") and "2999-01-01" in warning
    assert "used the url date 2025-10-27" in warning


def test_supplied_date_wins_and_is_marked_supplied(store: SqlStore, tmp_path: Path) -> None:
    page = news_page(WIRE, "<meta property='article:published_time' content='2025-11-02'>")
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"html": page, "published": "2025-11-03",
                                "url": "https://x.example/2025/11/01/a"}), encoding="utf-8")
    run(store, path)
    a = from_file(store, path)
    assert (a.published, a.published_source) == ("2025-11-03", "supplied")


def test_pages_and_feed_over_http(store: SqlStore, http_server: LocalServer) -> None:
    """A fetched page is dated by its head, else by its URL; a feed entry by the feed."""
    http_server.routes["/world/2025/11/02/boat"] = Route(news_page(WIRE).encode())
    http_server.routes["/depot"] = Route(news_page(OTHER, (
        "<meta property='article:published_time' content='2025-10-27T08:00:00Z'>")).encode())
    rep = run(store, http_server.url("/world/2025/11/02/boat"), http_server.url("/depot"),
              allow_private=True)
    assert len(rep.ingested) == 2, rep.skipped
    a = store.find_article(url=http_server.url("/world/2025/11/02/boat"))
    assert a is not None and (a.published, a.published_source) == ("2025-11-02", "url")
    b = store.find_article(url=http_server.url("/depot"))
    assert b is not None and (b.published, b.published_source) == ("2025-10-27", "html-meta")

    third = ("Militants attacked a checkpoint near the border on Friday, killing two soldiers, "
             "the army said. A second checkpoint came under fire hours later; no one was hurt.")
    http_server.routes["/c"] = Route(news_page(third, "<meta name='date' "
                                                      "content='2025-09-01'>").encode())
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Border Feed</title>
<link>{http_server.url('/')}</link><description>x</description>
<item><title>Checkpoint attacked</title><link>{http_server.url('/c')}</link>
<pubDate>Sat, 04 Oct 2025 06:30:00 GMT</pubDate></item></channel></rss>"""
    http_server.routes["/feed.rss"] = Route(rss.encode(), "application/rss+xml")
    run(store, http_server.url("/feed.rss"), allow_private=True)
    c = store.find_article(url=http_server.url("/c"))
    # the feed's own date outranks what the linked page's markup says
    assert c is not None and (c.published, c.published_source) == (
        "2025-10-04T06:30:00+00:00", "feed")


def test_wire_copies_share_their_date_both_ways(store: SqlStore, tmp_path: Path) -> None:
    """An undated copy of a stored, dated wire story takes its date; an undated copy
    stored first takes the date of a dated copy ingested later, and is read again."""
    reprint = WIRE + " Reporting by the Harbor Ledger desk."
    (tmp_path / "1_wire.json").write_text(json.dumps(
        {"text": WIRE, "published": "2025-11-02", "publisher": "Wire"}), encoding="utf-8")
    (tmp_path / "2_reprint.json").write_text(json.dumps(
        {"text": reprint, "publisher": "Harbor Ledger"}), encoding="utf-8")
    rep = run(store, tmp_path)
    assert len(rep.ingested) == 2 and len(rep.linked) == 1
    copy = store.find_article(text=reprint)
    assert copy is not None and (copy.published, copy.published_source) == (
        "2025-11-02", "origin-copy")

    other = OTHER + " Firefighters from two districts were called in overnight."
    later = OTHER + " Firefighters from two districts were called in overnight, officials said."
    (tmp_path / "3_undated.json").write_text(json.dumps({"text": other}), encoding="utf-8")
    report = pipeline.run([str(tmp_path / "3_undated.json")], store)
    first = store.find_article(text=other)
    assert first is not None and first.published is None
    undated_dates = {m.date_low for m in store.mentions(first.id)}
    (tmp_path / "4_dated.json").write_text(json.dumps(
        {"text": later, "published": "2025-10-27"}), encoding="utf-8")
    report = pipeline.run([str(tmp_path / "4_dated.json")], store)
    assert report.ingest.dated_copies == [first.id]
    first = store.get_article(first.id)
    assert first is not None and (first.published, first.published_source) == (
        "2025-10-27", "origin-copy")
    # read again against its new date: "late on Sunday" now resolves
    assert first.id not in store.unextracted_article_ids()
    dated = {m.date_low for m in store.mentions(first.id)}
    assert undated_dates == {None} and dated == {"2025-10-26"}


@given(day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
       form=st.sampled_from(["/{y}/{m}/{d}/story", "/{y}{m}{d}/story.html",
                             "/news/{y}-{m}-{d}-story", "/{y}_{m}_{d}_story",
                             "/news/{yy}{m}{d}/8812/story.html", "/world/{y}/{mon}/{d}/story"]))
def test_url_date_reads_every_day_in_every_form(day: dt.date, form: str) -> None:
    if "{yy}" in form and day.year < 2000:
        day = day.replace(year=2000 + day.year % 100)  # two digits: this century's years
    path = form.format(y=f"{day.year:04d}", yy=f"{day.year % 100:02d}", m=f"{day.month:02d}",
                       d=f"{day.day:02d}", mon=day.strftime("%b").lower())
    assert url_date("https://news.example" + path) == day.isoformat()


@settings(deadline=None, max_examples=80)  # loose text goes through dateparser: slow at first
@given(supplied=st.one_of(st.none(), st.text(max_size=30),
                          st.dates(min_value=dt.date(1, 1, 1)).map(str)),
       url_day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)))
def test_recovered_dates_are_always_plausible(supplied: str | None, url_day: dt.date) -> None:
    """Whatever the input says, a recovered date lies between EARLIEST and the fetch."""
    value, source, _ = recover_published(supplied, None, None,
                                         f"https://x.example/{url_day:%Y/%m/%d}/a", NOW)
    assert (value is None) == (source is None)
    if value is not None:
        assert plausible(value, NOW) and source in ("supplied", "url")
    if url_day < dt.date(1990, 1, 1) or url_day > dt.date(2025, 12, 2):
        assert source != "url"

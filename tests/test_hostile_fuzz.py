"""Fuzzing every parser with Hypothesis: each returns a correct result or a clear error,
within bounded time, and a bad item never stops a batch.

Default run: a few hundred cases per parser. `make fuzz` (STRIKEWATCH_FUZZ=1): 10,000.
"""

from __future__ import annotations

import datetime as dt
import json
from html import escape
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from strikewatch.extract import extract
from strikewatch.extract.counts import count_expressions, parse_number
from strikewatch.extract.dates import read_dates
from strikewatch.geo import locate
from strikewatch.ingest import Ingestor
from strikewatch.ingest.dates import iso_published
from strikewatch.ingest.html import html_main_text
from strikewatch.ingest.sources import Skip, bytes_items, feed_items
from strikewatch.records import Article
from strikewatch.store import open_store
from tests.hostile import PROCESS_RSS_MB, bounded, fuzz_settings, is_clear_reason, peak_rss_mb

NEWS_WORDS = [
    "Shelling", "hit", "a", "market", "in", "Kharkiv", "on", "Tuesday", "killing", "at least",
    "seven", "people", "and", "wounding", "dozens", "the", "army", "said", "drone", "struck",
    "near", "Gaza", "City", "12", "1,200", "two hundred", "since", "March", "3 to 5", "2025",
    "last", "week", "yesterday", "Nov.", "4", "officials", "Sudan", "Caribbean", "boat", ",",
    ".", "\u201c", "\u201d", "\n", "\u00e9", "\u202e", "\ufeff", "\x00", "\ud7ff", "<", ">", "&",
]
#: Mostly news-like word salad (reaches deep code paths), sometimes any unicode at all.
TEXT = st.one_of(
    st.lists(st.sampled_from(NEWS_WORDS), max_size=80).map(" ".join),
    st.text(max_size=400),
)
TAGS = ["div", "p", "span", "article", "main", "section", "b", "a", "table", "td", "li",
        "script", "style", "h1", "header", "footer", "nav", "iframe", "svg", "template"]


def html_docs() -> st.SearchStrategy[str]:
    """Nested element trees with text and attributes, plus broken markup fragments."""
    leaf = TEXT.map(escape)
    tree = st.recursive(
        leaf,
        lambda inner: st.tuples(st.sampled_from(TAGS), st.text(max_size=20),
                                st.lists(inner, max_size=4)).map(
            lambda t: f'<{t[0]} class="{escape(t[1])}">{"".join(t[2])}</{t[0]}>'),
        max_leaves=30,
    )
    broken = st.lists(st.sampled_from(["<div", "</p>", "<!--", "-->", "<![CDATA[", "&#x110000;",
                                       "&#0;", "<meta charset=klingon>", "<html>", "<body>",
                                       "\x00", "<p>", "text", "<title>", "<script>"]),
                      max_size=40).map("".join)
    doc = tree.map(lambda body: f"<html><head><title>t</title></head><body>{body}</body></html>")
    return st.one_of(doc, tree, broken, st.text(max_size=500))


@fuzz_settings
@given(html_docs())
def test_html_main_text_is_total(html: str) -> None:
    page = bounded(html_main_text, html)
    assert isinstance(page.text, str)
    for value in (page.title, page.published, page.publisher, page.language):
        assert value is None or isinstance(value, str)


@fuzz_settings
@given(st.lists(st.sampled_from(["div", "section", "span", "article", "td", "li"]),
                min_size=1, max_size=300),
       st.sampled_from(["Mortar fire struck a school on Sunday, killing five children.",
                        "Troops opened fire at a checkpoint; three civilians were wounded.",
                        "Un bombardement a touché le marché, tuant neuf personnes."]))
def test_html_text_survives_any_nesting(tags: list[str], sentence: str) -> None:
    """A sentence inside up to 300 nested elements (deeper than libxml2's 256) is read."""
    html = ("<html><body>" + "".join(f"<{t}>" for t in tags) + f"<p>{sentence}</p>"
            + "".join(f"</{t}>" for t in reversed(tags)) + "</body></html>")
    assert sentence in bounded(html_main_text, html).text


def feed_xml(entries: list[tuple[str, str, str]], atom: bool) -> str:
    if atom:
        body = "".join(f"<entry><title>{escape(t)}</title><link href=\"{escape(u)}\"/>"
                       f"<summary>{escape(s)}</summary></entry>" for t, u, s in entries)
        return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{body}</feed>'  # noqa: E501
    body = "".join(f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
                   f"<description>{escape(s)}</description></item>" for t, u, s in entries)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>{body}</channel></rss>'  # noqa: E501


ALNUM = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)


@fuzz_settings
@given(st.lists(st.tuples(ALNUM, ALNUM, TEXT), max_size=8), st.booleans())
def test_feed_parsing_reads_every_entry(entries: list[tuple[str, str, str]], atom: bool) -> None:
    xml = feed_xml([(t, f"https://news.example/{u}", s) for t, u, s in entries], atom)
    got = list(bounded(feed_items, xml.encode("utf-8"), "feed.xml"))
    if not entries:
        assert len(got) == 1 and isinstance(got[0], Skip) and "no entries" in got[0].reason
        return
    assert [g["title"] for g in got if isinstance(g, dict)] == [t for t, _, _ in entries]
    assert [g["url"] for g in got if isinstance(g, dict)] == [
        f"https://news.example/{u}" for _, u, _ in entries]


@fuzz_settings
@example(b"<rss><channel><item><title>&#2000000;</title></item></channel></rss>")  # found
@example(b"<rss><channel><item><title>&#99999999999999999999;</title></item></channel></rss>")
@given(st.one_of(st.binary(max_size=2000), TEXT.map(lambda s: s.encode("utf-8", "replace")),
                 html_docs().map(lambda s: s.encode("utf-8", "replace"))))
def test_feed_parsing_of_junk_is_total(data: bytes) -> None:
    for item in bounded(lambda: list(feed_items(data, "junk.xml"))):
        if isinstance(item, Skip):
            assert item.name == "junk.xml" and is_clear_reason(item.reason)
        else:
            assert item["source"].startswith("junk.xml#entry")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)
ARTICLE_OBJ = st.fixed_dictionaries(
    {"text": TEXT},
    optional={"url": st.one_of(st.none(), st.text(max_size=30), st.integers()),
              "title": JSON_VALUES, "published": JSON_VALUES, "publisher": JSON_VALUES,
              "language": JSON_VALUES, "id": JSON_VALUES, "html": JSON_VALUES,
              "content_hash": JSON_VALUES, "origin_id": JSON_VALUES,
              "": JSON_VALUES, "model_config": JSON_VALUES, "tags": JSON_VALUES},
)


def read_all(data: bytes, ext: str, name: str) -> list[Article | Skip]:
    """What ingest makes of a document: articles, or skips with reasons."""
    ingestor = Ingestor.__new__(Ingestor)  # to_article needs only the report
    from strikewatch.ingest import IngestReport
    ingestor.report = IngestReport()
    out: list[Article | Skip] = []
    for item in bytes_items(data, name, ext):
        if isinstance(item, Skip):
            out.append(item)
            continue
        try:
            out.append(ingestor.to_article(item))
        except (ValueError, TypeError) as exc:  # what Ingestor._store_item reports
            out.append(Skip(item["source"], str(exc)))
    return out


@fuzz_settings
@example([{"text": "", "html": "<p>A mortar hit a clinic.</p>", "url": 1}], True, b"")  # found
@example([{"text": "\x1b"}], True, b"\x82\xa0\x82")  # found: was decoded as Shift-JIS
@given(st.lists(st.one_of(ARTICLE_OBJ, JSON_VALUES), max_size=5), st.booleans(),
       st.binary(max_size=40))
def test_json_and_jsonl_articles(objs: list[object], lines: bool, junk: bytes) -> None:
    if lines:
        data = b"\n".join(json.dumps(o).encode() for o in objs) + b"\n" + junk
        got = bounded(read_all, data, ".jsonl", "in.jsonl")
    else:
        data = json.dumps(objs).encode()
        got = bounded(read_all, data, ".json", "in.json")
    for g in got:
        if isinstance(g, Skip):
            assert g.name.startswith(("in.jsonl", "in.json")) and is_clear_reason(g.reason)
        else:
            assert g.text.strip() and g.id and g.source
            assert g.published is None or isinstance(g.published, str)
    if len(got) == 1 and isinstance(got[0], Skip) and got[0].name in ("in.json", "in.jsonl"):
        return  # the whole document refused (e.g. undecodable), with its name and reason
    # otherwise every object is accounted for: stored as itself, or skipped by its own name
    for i, o in enumerate(objs):
        name = f"in.jsonl:{i + 1}" if lines else ("in.json" if len(objs) == 1 else f"in.json[{i}]")
        mine = [g for g in got if (g.name if isinstance(g, Skip) else g.source) == name]
        assert len(mine) == 1, (name, got)
        if isinstance(o, dict) and isinstance(o.get("text"), str) and o["text"].strip():
            assert isinstance(mine[0], Skip) or mine[0].text == o["text"].strip()


@fuzz_settings
@given(st.binary(max_size=3000), st.sampled_from([".json", ".jsonl", ".html", ".txt", ".xml"]))
def test_any_bytes_as_any_document(data: bytes, ext: str) -> None:
    for g in bounded(read_all, data, ext, f"doc{ext}"):
        if isinstance(g, Skip):
            assert g.name.startswith(f"doc{ext}") and is_clear_reason(g.reason)
        else:
            assert g.text == g.text.strip() and g.text


DATE_FORMATS = ["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%A, %d %B %Y",
                "%Y-%m-%dT00:00:00Z"]


@fuzz_settings
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(DATE_FORMATS))
def test_published_dates_round_trip(day: dt.date, fmt: str) -> None:
    got = bounded(iso_published, day.strftime(fmt))
    assert got is not None and got[:10] == day.isoformat()


@fuzz_settings
@given(st.one_of(TEXT, st.integers(), st.floats(), st.none()))
def test_published_anything_is_a_date_or_a_clear_error(value: object) -> None:
    try:
        got = bounded(iso_published, value)
    except ValueError as exc:
        assert "not a date" in str(exc) or "published" in str(exc) or str(exc)
        return
    if got is not None:
        dt.date.fromisoformat(got[:10])


@fuzz_settings
@given(TEXT, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2090, 1, 1))),
       st.booleans())
@example("since 2025", dt.date(2000, 1, 1), False)  # a period starting after publication
def test_date_resolution_in_text(text: str, pub: dt.date | None, future: bool) -> None:
    for r in bounded(read_dates, text, pub, 0, future):
        assert 0 <= r.start < r.end <= len(text)
        if r.low is not None and r.high is not None:
            assert dt.date.fromisoformat(r.low) <= dt.date.fromisoformat(r.high)


@fuzz_settings
@given(st.integers(0, 10**12))
def test_numbers_round_trip(n: int) -> None:
    assert bounded(parse_number, str(n)) == n
    assert bounded(parse_number, f"{n:,}") == n


@fuzz_settings
@given(TEXT)
def test_counts_in_any_text(text: str) -> None:
    assert bounded(parse_number, text) is None or parse_number(text) >= 0  # type: ignore[operator]
    for c in bounded(count_expressions, text):
        assert 0 <= c.start < c.end <= len(text)
        if c.low is not None and c.high is not None:
            assert 0 <= c.low <= c.high


@fuzz_settings
@given(TEXT, st.data())
def test_place_lookup_on_any_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    m = bounded(locate, text, start, end)
    if m is not None:
        assert start <= m.start < m.end <= end
    with pytest.raises(ValueError, match="outside"):
        locate(text, 0, len(text) + 1)


@fuzz_settings
@given(TEXT, st.sampled_from([None, "2025-11-03", "2025-11-03T08:00:00+00:00", "garbage"]))
def test_extract_on_any_text(text: str, published: str | None) -> None:
    if not text.strip():
        return
    art = Article(text=text, published=published)
    mentions = bounded(extract, art)
    assert mentions == extract(art)  # deterministic
    for m in mentions:
        assert m.article_id == art.id
        for spans in m.provenance.values():
            for s in spans:
                assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text


def test_fuzz_memory_stayed_bounded() -> None:
    """Runs after the fuzz tests in this module (pytest keeps file order)."""
    assert peak_rss_mb() < PROCESS_RSS_MB


def test_a_batch_goes_on_past_every_kind_of_junk(tmp_path: Path) -> None:
    """One folder with a bad file of every kind and one good article: the good one is
    stored, each bad one is skipped with its file name and a clear reason."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "b_bad.json").write_text('{"text": "unterminated', encoding="utf-8")
    (folder / "c_empty.html").write_text("<html><body></body></html>", encoding="utf-8")
    (folder / "d_feed.xml").write_text("<rss><channel><item><title>", encoding="utf-8")
    (folder / "e_bad.jsonl").write_text('[1,2]\n{"html": 5}\nnot json\n', encoding="utf-8")
    (folder / "f_good.txt").write_text("Gunmen attacked a convoy on Monday, killing four "
                                       "soldiers, the ministry said.", encoding="utf-8")
    store = open_store(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        ing = Ingestor(store)
        for unit in ing.plan([str(folder)]):
            ing.run_unit(unit)
        rep = ing.report
    finally:
        store.close()
    assert len(rep.ingested) == 1
    names = {Path(n.split(":")[0].split("#")[0]).name for n, _ in rep.skipped}
    assert names == {"a_binary.txt", "b_bad.json", "c_empty.html", "d_feed.xml", "e_bad.jsonl"}
    assert all(is_clear_reason(r) for _, r in rep.skipped), rep.skipped


# --- issue 18: the store's boundary, decompression, parts, dates, searches -----------------


@fuzz_settings
@given(st.text(max_size=200) | st.lists(st.text(max_size=20), max_size=5).map("\ud800".join))
def test_the_store_boundary_refuses_exactly_the_unstorable(value: str) -> None:
    """check_text refuses a string iff it holds a NUL or a lone surrogate, in any
    position of any JSON-like tree, keys included."""
    from strikewatch.validation import InvalidText, check_text

    bad = "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value)
    for tree in (value, {"k": [value]}, {value: 1}):
        try:
            check_text("f", tree)
        except InvalidText as exc:
            assert bad and str(exc).startswith("f"), (value, exc)
        else:
            assert not bad, value


@fuzz_settings
@given(st.text(max_size=14) | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(str))
@example("2025W451")
@example("20251104")
@example("9999-12-31")
def test_dates_enter_only_canonical_and_in_range(value: str) -> None:
    from strikewatch.validation import MAX_YEAR, MIN_YEAR, InvalidText, canonical_date

    try:
        got = canonical_date("date_low", value)
    except InvalidText as exc:
        assert "date_low" in str(exc)
        return
    day = dt.date.fromisoformat(got)
    assert got == day.isoformat() and MIN_YEAR <= day.year <= MAX_YEAR


def _layers(data: bytes, encodings: list[str]) -> bytes:
    import zlib

    for enc in encodings:  # in the order a server would apply them
        co = zlib.compressobj(6, zlib.DEFLATED, 31 if enc == "gzip" else 15)
        data = co.compress(data) + co.flush()
    return data


@fuzz_settings
@given(st.binary(max_size=3000), st.lists(st.sampled_from(["gzip", "deflate"]), max_size=3),
       st.integers(1, 4000), st.integers(1, 700), st.booleans())
def test_bounded_decoding_is_exact_under_the_cap_and_stops_over_it(
        data: bytes, encodings: list[str], cap: int, read: int, corrupt: bool) -> None:
    """Any stack of gzip/deflate layers, read in any chunk size: the original bytes when
    they fit the cap, a 'too large' FetchError when not, a clear error for corrupt data;
    never more than the cap held."""
    from strikewatch.ingest.fetch import BoundedDecoder, FetchError

    wire = _layers(data, encodings)
    if corrupt and wire:
        wire = wire[: len(wire) // 2] + bytes([wire[len(wire) // 2] ^ 0xFF]) + wire[
            len(wire) // 2 + 1:]
    decoder = BoundedDecoder(", ".join(encodings), cap)
    out = bytearray()
    try:
        for i in range(0, len(wire), read):
            for piece in decoder.feed(wire[i : i + read]):
                out += piece
                assert len(piece) <= 64 * 1024
    except FetchError as exc:
        assert "too large" in str(exc) or "corrupt" in str(exc), exc
        assert corrupt or len(data) > cap or any(p > cap for p in decoder.produced)
        return
    if not corrupt:
        assert len(data) > cap or bytes(out) == data


@fuzz_settings
@given(st.lists(st.sampled_from(["word", " ", ". ", "\n", "\n\n", "x" * 40]), max_size=400)
       .map("".join), st.integers(8, 300))
def test_text_parts_cover_the_text_exactly(text: str, size: int) -> None:
    from strikewatch.pipeline import text_parts

    parts = text_parts(text, size)
    assert "".join(p for _, p in parts) == text
    for offset, part in parts:
        assert text[offset : offset + len(part)] == part and len(part) <= size


@fuzz_settings
@given(st.lists(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), max_size=30))
@example([dt.date(2000, 1, 1), dt.date(2002, 1, 1)])  # two dates, the axis full of labels
def test_the_timeline_grows_with_the_ledger_not_the_span_of_its_dates(
        days: list[dt.date]) -> None:
    from strikewatch.records import Incident
    from strikewatch.web.timeline import LABEL_GAP, render_timeline, timeline_data

    incidents = [Incident(id=f"i{i}", status="occurred", date_low=d.isoformat(),
                          killed_low=1, killed_high=2) for i, d in enumerate(days)]
    data = timeline_data(incidents, [])
    assert len(data.weeks) <= len(days)
    assert data.out_of_range == sum(not 1800 <= d.year <= 2200 for d in days)
    # a fixed frame, the date labels the axis has room for (at least LABEL_GAP px apart on a
    # 960 px chart, ~200 characters each, whatever the span), and a bounded cost per incident
    axis = (960 // LABEL_GAP + 1) * 200
    assert len(render_timeline(data)) < 2000 + axis + 1000 * len(days)


@fuzz_settings
@given(st.text(max_size=3000) | st.lists(st.text("abcdefgh", min_size=1, max_size=4),
                                          max_size=1500).map(" ".join))
def test_any_search_text_is_a_result_or_a_query_error(q: str) -> None:
    from strikewatch.ledger.filters import FilterError, LedgerFilter

    store = _search_store()
    try:
        query = LedgerFilter.parse({"q": q}).query()
    except FilterError as exc:
        assert str(exc).startswith("q:")
        return
    store.incidents(query)
    store.count_incidents(query)


_SEARCH: list[object] = []


def _search_store() -> object:
    if not _SEARCH:
        _SEARCH.append(open_store("sqlite://"))
    return _SEARCH[0]

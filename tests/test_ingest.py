"""Ingest of every input kind, duplicates, near-duplicates, encodings and bad inputs.

Everything runs for real: a SQLite file, files on disk, and an http.server on 127.0.0.1
(fetched with allow_private, which the address guard otherwise refuses).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from strikewatch.ingest import IngestOptions, Ingestor, IngestReport, ingest
from strikewatch.ingest import sources as sources_mod
from strikewatch.ingest.decode import DecodeError, decode_bytes
from strikewatch.ingest.fetch import (
    BlockedAddress,
    FetchError,
    fetch,
    is_public_address,
    make_client,
)
from strikewatch.store import open_store
from strikewatch.store.sql import SqlStore
from tests.localhttp import LocalServer, Route

REPORT_A = (
    "Government troops shelled a market town in the north on Thursday, killing seven "
    "civilians and wounding a dozen more, a local health official said. The army denied "
    "targeting civilians and said it had fired at positions held by an armed group."
)
REPORT_B = (
    "A drone struck a fuel depot outside the port city late on Sunday, setting off a fire "
    "that burned for hours, the regional governor said. No casualties were reported, and "
    "no group said it had carried out the attack."
)
WIRE = (
    "Naval forces fired on a speedboat in international waters on Wednesday, killing four "
    "people on board, the defence ministry said in a statement issued late in the evening. "
    "The ministry said the boat had ignored repeated warnings to stop and had been tracked "
    "for several hours by a patrol aircraft before the strike. It did not say how the "
    "people on board had been identified or what the boat was carrying. Relatives of two "
    "fishermen from a nearby island said the men had gone out to sea that morning and "
    "had not returned, and asked the authorities to publish the names of the dead."
)


@pytest.fixture
def store(db_url: str) -> Iterator[SqlStore]:
    """The store on SQLite and on the real PostgreSQL test server (db_url: tests/pg.py)."""
    s = open_store(db_url)
    assert isinstance(s, SqlStore)
    yield s
    s.close()


def run(store: SqlStore, *inputs: str | Path, **opts: object) -> IngestReport:
    return ingest([str(i) for i in inputs], store, IngestOptions(**opts))  # type: ignore[arg-type]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- files ------------------------------------------------------------------------------


def test_plain_text_file_with_metadata_options(store: SqlStore, tmp_path: Path) -> None:
    f = write(tmp_path / "report.txt", REPORT_A)
    rep = run(store, f, published="2025-11-04", publisher="Northern Gazette",
              url="https://gazette.example/a")
    assert len(rep.ingested) == 1 and not rep.skipped
    art = store.get_article(rep.ingested[0])
    assert art is not None
    assert art.text == REPORT_A
    assert (art.published, art.publisher, art.url) == (
        "2025-11-04", "Northern Gazette", "https://gazette.example/a")
    assert art.source == str(f)


def test_metadata_options_need_exactly_one_file(store: SqlStore, tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt", REPORT_A)
    write(tmp_path / "d" / "b.txt", REPORT_B)
    with pytest.raises(ValueError, match="exactly one input file"):
        Ingestor(store, IngestOptions(published="2025-01-01")).plan([str(tmp_path / "d")])


def test_html_file_main_text_and_metadata(store: SqlStore, tmp_path: Path) -> None:
    html = (
        "<html><head><title>Depot hit by drone</title>"
        '<meta property="og:site_name" content="Port Herald">'
        '<meta name="date" content="2025-10-05"></head><body>'
        "<header><nav><a href='/'>Home</a><a href='/sport'>Sport</a></nav></header>"
        f"<main><article><h1>Depot hit by drone</h1><p>{REPORT_B}</p></article></main>"
        "<footer>Copyright Port Herald. Cookie settings.</footer></body></html>"
    )
    rep = run(store, write(tmp_path / "page.html", html))
    art = store.get_article(rep.ingested[0])
    assert art is not None
    assert REPORT_B in art.text
    assert "Cookie settings" not in art.text and "Sport" not in art.text
    assert art.title == "Depot hit by drone"
    assert art.published == "2025-10-05"


def test_json_object_list_and_jsonl_with_a_bad_line(store: SqlStore, tmp_path: Path) -> None:
    one = write(tmp_path / "one.json", json.dumps(
        {"url": "https://a.example/1", "title": "T1", "publisher": "P", "published":
         "2025-11-04T08:30:00Z", "language": "en", "text": REPORT_A, "section": "world"}))
    many = write(tmp_path / "many.json", json.dumps([{"text": REPORT_B}, {"title": "no body"}]))
    lines = [
        json.dumps({"text": WIRE, "published": "4 November 2025"}),
        "{not json",
        "",
        json.dumps({"html": "<p>" + REPORT_A.replace("seven", "eight") + "</p>"}),
        json.dumps(["an", "array"]),
    ]
    jl = write(tmp_path / "dump.jsonl", "\n".join(lines) + "\n")
    rep = run(store, one, many, jl)
    assert len(rep.ingested) == 4
    skipped = dict(rep.skipped)
    assert skipped[f"{many}[1]"] == "no 'text' or 'html' field with content"
    assert skipped[f"{jl}:2"].startswith("invalid JSON line")
    assert skipped[f"{jl}:5"] == "expected a JSON object, got list"
    first = store.find_article(url="https://a.example/1")
    assert first is not None
    assert first.published == "2025-11-04T08:30:00+00:00"
    assert first.model_dump().get("section") == "world"  # extra fields are kept
    loose = store.find_article(text=WIRE)
    assert loose is not None and loose.published == "2025-11-04"
    assert loose.source == f"{jl}:1"


def test_unparseable_published_is_a_warning_not_a_skip(
    store: SqlStore, tmp_path: Path
) -> None:
    f = write(tmp_path / "a.json", json.dumps({"text": REPORT_A, "published": "soonish"}))
    rep = run(store, f)
    assert len(rep.ingested) == 1
    assert rep.warnings and "soonish" in rep.warnings[0][1]
    art = store.get_article(rep.ingested[0])
    assert art is not None and art.published is None


def test_folders_recursively_skip_hidden_and_ignore_other_files(
    store: SqlStore, tmp_path: Path
) -> None:
    root = tmp_path / "corpus"
    write(root / "a.txt", REPORT_A)
    write(root / "sub" / "deeper" / "b.txt", REPORT_B)
    write(root / "sub" / "c.jsonl", json.dumps({"text": WIRE}) + "\n")
    write(root / ".hidden" / "d.txt", "Hidden folder text that should never be read.")
    write(root / ".e.txt", "A hidden file that should never be read.")
    write(root / "notes.md", "# not an article")
    rep = run(store, root)
    assert len(rep.ingested) == 3 and not rep.skipped
    assert rep.ignored == [str(root / "notes.md")]
    assert store.find_article(text="Hidden folder text that should never be read.") is None


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le ministère a déclaré que trois pêcheurs avaient été tués près de Güiria, "
         "et que l'opération était terminée à l'aube. Les familles réclament des réponses "
         "précises sur l'identité des victimes et sur le déroulement de la frappe.", "cp1252"),
        ("Министерство обороны заявило, что удар был нанесён по лодке в нейтральных водах. "
         "По словам местных жителей, погибли четыре человека, ещё двое пропали без вести, "
         "а их родственники требуют провести независимое расследование.", "cp1251"),
        ("Das Verteidigungsministerium erklärte, bei dem Angriff seien zwei Menschen "
         "getötet worden. Über die Identität der Opfer wurde nichts bekannt.", "utf-16"),
        ("El ministerio informó que cinco personas murieron y dos resultaron heridas en "
         "el ataque contra la embarcación, según un comunicado difundido el martes.",
         "utf-8-sig"),
        ("国防部表示，袭击发生在公海上，船上有四人死亡。当地渔民说，死者是附近村庄的居民，"
         "他们要求当局公布遇难者的姓名并说明袭击的经过和原因。", "gb18030"),
    ],
)
def test_text_in_common_encodings_is_decoded(
    store: SqlStore, tmp_path: Path, text: str, encoding: str
) -> None:
    f = write(tmp_path / "enc.txt", text.encode(encoding))
    rep = run(store, f)
    assert not rep.skipped
    art = store.get_article(rep.ingested[0])
    assert art is not None and art.text == text


def test_html_declared_charset_is_honoured(store: SqlStore, tmp_path: Path) -> None:
    body = "Três pescadores morreram no ataque à embarcação, disse a marinha na terça-feira."
    html = ('<html><head><meta charset="iso-8859-1"><title>Ataque</title></head>'
            f"<body><article><p>{body}</p></article></body></html>").encode("iso-8859-1")
    rep = run(store, write(tmp_path / "pt.html", html))
    art = store.get_article(rep.ingested[0])
    assert art is not None and body in art.text


def test_decode_refuses_binary() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(1, 32)) * 20)


def test_bad_inputs_are_reported_and_the_batch_goes_on(
    store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad"
    write(bad / "01_good.txt", REPORT_A)
    write(bad / "02_empty.txt", "   \n")
    write(bad / "03_junk.txt", b"\x00\x01\x02\x03\xff\xfe" * 50)
    write(bad / "04_broken.json", '{"text": "unterminated')
    write(bad / "05_empty_page.html", "<html><body><div></div></body></html>")
    write(bad / "06_big.txt", "x " * 5000)
    write(bad / "07_good.json", json.dumps({"text": REPORT_B}))
    write(bad / "08_feed.xml", "<rss><channel><title>Empty</title></channel></rss>")
    monkeypatch.setattr(sources_mod, "MAX_FILE_BYTES", 4000)
    rep = run(store, bad, tmp_path / "missing.txt", tmp_path / "README")
    assert len(rep.ingested) == 2
    reasons = dict(rep.skipped)
    assert reasons[str(bad / "02_empty.txt")] == "empty file"
    assert "binary" in reasons[str(bad / "03_junk.txt")]
    assert reasons[str(bad / "04_broken.json")].startswith("invalid JSON")
    assert reasons[str(bad / "05_empty_page.html")] == "no text (an empty page or document)"
    assert reasons[str(bad / "06_big.txt")].startswith("file too large")
    assert "no entries" in reasons[str(bad / "08_feed.xml")]
    assert reasons[str(tmp_path / "missing.txt")] == "no such file, folder or URL"
    assert str(tmp_path / "README") in reasons
    assert store.count_articles() == 2
    assert "2 ingested" in rep.summary() and "8 skipped" in rep.summary()


def test_unsupported_file_named_explicitly_is_skipped(store: SqlStore, tmp_path: Path) -> None:
    f = write(tmp_path / "scan.pdf", b"%PDF-1.4 junk")
    rep = run(store, f)
    assert rep.skipped and "unsupported file type '.pdf'" in rep.skipped[0][1]


def test_local_feed_file(store: SqlStore, tmp_path: Path) -> None:
    rss = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Watch</title><link>https://hw.example/</link><description>d</description>
<item><title>Depot struck</title><link>https://hw.example/depot</link>
<pubDate>Mon, 06 Oct 2025 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{REPORT_B}</p>]]></content:encoded></item>
<item><title>Market shelled</title><link>https://hw.example/market</link>
<description><![CDATA[<p>{REPORT_A}</p>]]></description></item>
</channel></rss>"""
    rep = run(store, write(tmp_path / "feed.rss", rss))
    assert len(rep.ingested) == 2 and not rep.skipped
    depot = store.find_article(url="https://hw.example/depot")
    assert depot is not None
    assert depot.text == REPORT_B and depot.publisher == "Harbour Watch"
    assert depot.title == "Depot struck" and depot.published == "2025-10-06T09:00:00+00:00"


# --- duplicates and wire copies -----------------------------------------------------------


def test_same_text_or_same_url_is_stored_once(store: SqlStore, tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", REPORT_A)
    b = write(tmp_path / "copy" / "a_again.txt", "\n\n" + REPORT_A.replace(". ", ".  ") + "\n")
    rep = run(store, a, b)
    assert len(rep.ingested) == 1
    assert [d[0] for d in rep.duplicates] == [str(b)]
    j1 = write(tmp_path / "u1.json", json.dumps({"url": "https://x.example/s", "text": REPORT_B}))
    j2 = write(tmp_path / "u2.json", json.dumps({"url": "https://x.example/s#comments",
                                                  "text": REPORT_B + " Updated."}))
    rep2 = run(store, j1, j2)
    assert len(rep2.ingested) == 1 and len(rep2.duplicates) == 1
    rep3 = run(store, a, j1)  # a second run stores nothing new
    assert rep3.ingested == [] and len(rep3.duplicates) == 2
    assert store.count_articles() == 2


def test_wire_copies_share_one_origin(store: SqlStore, tmp_path: Path) -> None:
    copies = [
        WIRE,
        "(Coastal Wire) — " + WIRE + " This story has been corrected.",
        WIRE.replace("on Wednesday", "on Wednesday, Oct. 8,") + "\nDistributed by Coastal Wire.",
    ]
    for i, text in enumerate(copies):
        write(tmp_path / "wire" / f"{i}.json", json.dumps(
            {"url": f"https://outlet{i}.example/story", "publisher": f"Outlet {i}", "text": text}))
    write(tmp_path / "wire" / "9.json", json.dumps({"text": REPORT_A}))
    rep = run(store, tmp_path / "wire")
    assert len(rep.ingested) == 4
    arts = {a.url: a for a in store.articles()}
    origin = arts["https://outlet0.example/story"].id
    assert arts["https://outlet1.example/story"].origin_id == origin
    assert arts["https://outlet2.example/story"].origin_id == origin
    other = next(a for a in arts.values() if a.text == REPORT_A)
    assert other.origin_id == other.id
    assert len(rep.linked) == 2 and store.count_origins() == 2


def test_rewritten_story_is_not_a_copy(store: SqlStore, tmp_path: Path) -> None:
    rewrite = (
        "Four people died when a navy vessel opened fire on a speedboat on Wednesday, "
        "officials said. The craft had been followed by an aircraft for hours and did not "
        "stop when warned, according to the ministry, which gave no details on who was "
        "aboard. Families on a nearby island say two local fishermen are missing."
    )
    rep = run(store, write(tmp_path / "w.txt", WIRE), write(tmp_path / "r.txt", rewrite))
    assert len(rep.ingested) == 2 and rep.linked == []


def test_origin_index_is_rebuilt_from_the_store(tmp_path: Path, db_url: str) -> None:
    db = db_url
    s1 = open_store(db)
    run(s1, write(tmp_path / "w.txt", WIRE))  # type: ignore[arg-type]
    s1.close()
    s2 = open_store(db)  # a later run: new process, new index, same store
    assert isinstance(s2, SqlStore)
    rep = run(s2, write(tmp_path / "w2.txt", "By Outlet Nine staff. " + WIRE))
    assert len(rep.linked) == 1
    origin = s2.find_article(text=WIRE)
    assert origin is not None and rep.linked[0][1] == origin.id
    s2.close()


# --- URLs and feeds over real HTTP ----------------------------------------------------------


def page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><nav>Menu Home Contact</nav>"
            f"<article><h1>{title}</h1><p>{body}</p></article>"
            "<footer>All rights reserved</footer></body></html>").encode()


def test_http_page_text_and_redirect(store: SqlStore, http_server: LocalServer) -> None:
    http_server.routes["/news/shelling"] = Route(page("Town shelled", REPORT_A))
    http_server.routes["/plain"] = Route(REPORT_B.encode("cp1252"),
                                         "text/plain; charset=windows-1252")
    http_server.routes["/old"] = Route(b"", status=301,
                                       headers={"Location": "/news/shelling"})
    rep = run(store, http_server.url("/news/shelling"), http_server.url("/plain"),
              allow_private=True)
    assert len(rep.ingested) == 2, rep.skipped
    art = store.find_article(url=http_server.url("/news/shelling"))
    assert art is not None and REPORT_A in art.text and "All rights reserved" not in art.text
    assert art.title == "Town shelled" and art.source == http_server.url("/news/shelling")
    plain = store.find_article(text=REPORT_B)
    assert plain is not None
    # a redirect to a stored page ends as a duplicate of it (same text)
    rep2 = run(store, http_server.url("/old"), allow_private=True)
    assert rep2.ingested == [] and len(rep2.duplicates) == 1


def test_http_failures_are_skipped_with_reasons(
    store: SqlStore, http_server: LocalServer
) -> None:
    http_server.routes["/big"] = Route(b"<p>" + b"word " * 4000 + b"</p>")
    http_server.routes["/slow"] = Route(page("Slow", REPORT_B), delay=3.0)
    http_server.routes["/empty"] = Route(b"")
    http_server.routes["/blank"] = Route(b"<html><body></body></html>")
    http_server.routes["/ok"] = Route(page("Fine", REPORT_A))
    urls = ["/missing", "/big", "/slow", "/empty", "/blank", "/ok"]
    rep = run(store, *(http_server.url(u) for u in urls), allow_private=True,
              max_bytes=10_000, timeout=1.0)
    reasons = dict(rep.skipped)
    assert reasons[http_server.url("/missing")].startswith("HTTP 404")
    assert "too large" in reasons[http_server.url("/big")]
    assert "timed out" in reasons[http_server.url("/slow")]
    assert reasons[http_server.url("/empty")] == "empty response"
    assert reasons[http_server.url("/blank")] == "no text (an empty page or document)"
    assert len(rep.ingested) == 1
    dead = run(store, "http://127.0.0.1:9/nothing-listens-here", allow_private=True)
    assert dead.skipped and dead.skipped[0][0] == "http://127.0.0.1:9/nothing-listens-here"


def test_json_and_jsonl_dumps_over_http(store: SqlStore, http_server: LocalServer) -> None:
    lines = [json.dumps({"url": "https://d.example/1", "text": REPORT_A}), "{bad",
             json.dumps({"url": "https://d.example/2", "text": REPORT_B})]
    http_server.routes["/dump"] = Route("\n".join(lines).encode(), "application/x-ndjson")
    http_server.routes["/one.json"] = Route(json.dumps({"text": WIRE, "id": 42}).encode(),
                                            "application/json")
    rep = run(store, http_server.url("/dump"), http_server.url("/one.json"),
              allow_private=True)
    assert len(rep.ingested) == 3
    assert rep.skipped == [(http_server.url("/dump") + ":2",
                            "invalid JSON line: Expecting property name enclosed in double "
                            "quotes (column 2)")]
    assert store.find_article(url="https://d.example/2") is not None
    wire = store.find_article(text=WIRE)
    assert wire is not None and wire.id == wire.content_hash[:16]  # input ids are not ours
    assert wire.model_dump().get("external_id") == "42"


def test_rss_and_atom_feed_urls(store: SqlStore, http_server: LocalServer) -> None:
    http_server.routes["/a1"] = Route(page("Town shelled", REPORT_A))
    http_server.routes["/a2"] = Route(page("Depot hit", REPORT_B))
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Frontline Feed</title>
<link>{http_server.url('/')}</link><description>x</description>
<item><title>Town shelled</title><link>{http_server.url('/a1')}</link>
<pubDate>Fri, 03 Oct 2025 12:00:00 GMT</pubDate><description>short</description></item>
<item><title>Depot hit</title><link>{http_server.url('/a2')}</link></item>
<item><title>Gone</title><link>{http_server.url('/gone')}</link></item>
</channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Atom</title><id>urn:x</id>
<updated>2025-10-09T00:00:00Z</updated>
<entry><title>Speedboat</title><id>urn:1</id><link href="{http_server.url('/gone2')}"/>
<updated>2025-10-09T10:00:00Z</updated>
<content type="html">&lt;p&gt;{WIRE}&lt;/p&gt;</content></entry></feed>"""
    http_server.routes["/feed.rss"] = Route(rss.encode(), "application/rss+xml")
    http_server.routes["/atom"] = Route(atom.encode(), "application/atom+xml")
    rep = run(store, http_server.url("/feed.rss"), http_server.url("/atom"),
              allow_private=True)
    assert len(rep.ingested) == 3
    a1 = store.find_article(url=http_server.url("/a1"))
    assert a1 is not None and REPORT_A in a1.text  # the full page, not the feed's "short"
    assert a1.publisher == "Frontline Feed" and a1.published == "2025-10-03T12:00:00+00:00"
    # an entry whose page is gone but whose feed content has text uses that, with a warning
    atom_art = store.find_article(text=WIRE)
    assert atom_art is not None and atom_art.title == "Speedboat"
    assert any("gone2" in w[0] for w in rep.warnings)
    # an entry with neither page nor content is skipped with the reason
    assert dict(rep.skipped)[http_server.url("/gone")].startswith(
        "feed entry: page unavailable (HTTP 404")
    # a second run finds the stored entries by URL without fetching their pages again
    hits_before = len(http_server.hits)
    rep2 = run(store, http_server.url("/feed.rss"), allow_private=True)
    new_hits = http_server.hits[hits_before:]
    assert "/a1" not in new_hits and "/a2" not in new_hits
    assert rep2.ingested == [] and len(rep2.duplicates) == 2


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/x", "http://localhost:8080/", "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/", "http://192.168.0.1/", "http://[::1]/", "http://0.0.0.0/",
        "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/",
    ],
)
def test_private_addresses_are_refused_by_default(store: SqlStore, url: str) -> None:
    rep = run(store, url)
    assert rep.ingested == []
    (name, reason), = rep.skipped
    assert name == url and "refusing" in reason and "--allow-private" in reason


def test_guard_holds_at_connect_time(http_server: LocalServer) -> None:
    """Even a request that skips the up-front check cannot connect to loopback."""
    http_server.routes["/x"] = Route(page("x", REPORT_A))
    with make_client(allow_private=False) as client, pytest.raises(BlockedAddress):
        client.get(http_server.url("/x"))
    assert http_server.hits == []
    with make_client(allow_private=True) as client:
        assert client.get(http_server.url("/x")).status_code == 200


def test_redirect_to_private_address_is_refused(http_server: LocalServer) -> None:
    """A hop to loopback is checked like the first request (guard on every connection)."""
    http_server.routes["/hop"] = Route(b"", status=302,
                                       headers={"Location": "http://127.0.0.1:1/admin"})
    with make_client(allow_private=True) as client, pytest.raises(FetchError,
                                                                  match="ConnectError"):
        # fetch follows redirects itself (with its caps): allowed, then nothing listens
        fetch(http_server.url("/hop"), client, allow_private=True)


def test_public_address_classification() -> None:
    assert is_public_address("8.8.8.8") and is_public_address("2606:4700:4700::1111")
    for ip in ("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
               "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00:ec2::254", "224.0.0.1",
               "::ffff:10.0.0.1", "240.0.0.1"):
        assert not is_public_address(ip), ip


def test_non_http_scheme_is_not_fetched(store: SqlStore) -> None:
    rep = run(store, "ftp://files.example/x.txt")
    assert rep.skipped and rep.skipped[0][1] == "no such file, folder or URL"


def test_minhash_with_shared_permutations_equals_a_fresh_minhash() -> None:
    from datasketch import LeanMinHash, MinHash

    from strikewatch.ingest.neardup import NUM_PERM, minhash, shingles, to_bytes

    for text in (WIRE, "Two boats were struck off the coast.", "x"):
        fresh = MinHash(num_perm=NUM_PERM)
        fresh.update_batch(list(shingles(text)))
        assert to_bytes(minhash(text)) == to_bytes(LeanMinHash(fresh))

"""A corpus of nasty inputs, made at run time: binary junk, a 200 MB text file, deep HTML,
legacy encodings, a 100k-item feed, a page that never ends, compression bombs.

Each is ingested in a fresh subprocess next to a good article, so the kernel's peak-RSS
figure for that process bounds memory; each must give a clear skip or the right text,
and the good article must be stored all the same (the batch goes on).
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from strikewatch.ingest.sources import MAX_FEED_ENTRIES, MAX_FILE_BYTES
from tests.hostile import is_clear_reason, run_measured

GOOD = ("Rocket fire hit a fuel depot outside the port on Thursday night, killing two "
        "workers and injuring eleven, the regional governor said.")

CHILD = """
import sys
from strikewatch.ingest import IngestOptions, ingest
from strikewatch.store import open_store
store = open_store(sys.argv[1])
rep = ingest(sys.argv[2:], store, IngestOptions(allow_private=True, timeout=2.0))
arts = [store.get_article(i) for i in rep.ingested]
RESULT = {"ingested": len(rep.ingested), "skipped": rep.skipped[:20],
          "n_skipped": len(rep.skipped), "warnings": rep.warnings[:20],
          "texts": {a.source: a.text for a in arts[:50] + arts[-5:]}}
store.close()
"""


def ingest_measured(tmp_path: Path, *inputs: str, timeout: float = 300) -> dict[str, Any]:
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out = run_measured(CHILD, f"sqlite:///{tmp_path / 'h.db'}", *inputs, str(good),
                       timeout=timeout)
    print(f"\n{[Path(i).name for i in inputs]}: {out['wall_s']} s, "
          f"peak RSS {out['max_rss_mb']} MB")  # shown with pytest -s
    assert out["texts"].get(str(good)) == GOOD, "the good article after the bad one is stored"
    assert all(is_clear_reason(r) for _, r in out["skipped"]), out["skipped"]
    return out


_BASE: list[float] = []


def baseline_mb(tmp_path: Path) -> float:
    """Peak RSS of the same child ingesting only the good file (imports dominate it)."""
    if not _BASE:
        d = tmp_path / "baseline"
        d.mkdir()
        _BASE.append(ingest_measured(d)["max_rss_mb"])
    return _BASE[0]


def reason_for(out: dict[str, Any], name: str) -> str:
    reasons = [r for n, r in out["skipped"] if n.startswith(name)]
    assert reasons, f"{name} should be skipped: {out['skipped']}"
    return str(reasons[0])


def test_binary_junk_is_refused(tmp_path: Path) -> None:
    import random
    rng = random.Random(7)
    paths = []
    for ext in (".txt", ".html", ".json", ".jsonl", ".xml"):
        p = tmp_path / f"junk{ext}"
        p.write_bytes(bytes(rng.randrange(256) for _ in range(200_000)))
        paths.append(str(p))
    out = ingest_measured(tmp_path, *paths)
    assert out["ingested"] == 1 and out["n_skipped"] == 5
    for p in paths:
        assert reason_for(out, p)
    assert out["max_rss_mb"] < baseline_mb(tmp_path) + 100 and out["wall_s"] < 60


def test_200_mb_text_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    line = ("Shelling continued overnight across the district, residents said. " * 20 + "\n")
    with big.open("w", encoding="utf-8") as f:
        while f.tell() < 200 * 1024 * 1024:
            f.write(line * 100)
    out = ingest_measured(tmp_path, str(big))
    why = reason_for(out, str(big))
    assert "too large" in why and str(MAX_FILE_BYTES) in why
    assert out["max_rss_mb"] < baseline_mb(tmp_path) + 100, "the file must not be loaded"
    assert out["wall_s"] < 60


@pytest.mark.parametrize("title", [False, True], ids=["untitled", "titled"])
@pytest.mark.parametrize("depth", [300, 100_000])
def test_deeply_nested_html(tmp_path: Path, depth: int, title: bool) -> None:
    """Past every tree parser's depth limit the page is read as a stream of tags; it was
    refused as empty, or, with a <title>, stored as nothing but its title."""
    sentence = "Militiamen burned a village on Saturday, killing nine people, elders said."
    page = tmp_path / f"deep{depth}.html"
    head = "<head><title>Village burned</title></head>" if title else ""
    page.write_text(f"<html>{head}<body>" + "<div><span>" * depth + f"<p>{sentence}</p>"
                    + "</span></div>" * depth + "</body></html>", encoding="utf-8")
    out = ingest_measured(tmp_path, str(page))
    assert out["texts"][str(page)] == sentence
    assert out["max_rss_mb"] < baseline_mb(tmp_path) + 300 and out["wall_s"] < 60


def test_a_page_with_only_a_title_is_refused_not_stored_as_its_title(tmp_path: Path) -> None:
    page = tmp_path / "title-only.html"
    page.write_text("<html><head><title>Village burned</title></head><body>"
                    + "<div>" * 5000 + "</div>" * 5000 + "</body></html>", encoding="utf-8")
    out = ingest_measured(tmp_path, str(page))
    assert "no text" in reason_for(out, str(page))


LEGACY = ("Le bombardement a frappé l’hôpital à Tēte — “au moins 12 morts”, selon "
          "l’ONU. Encore des frappes à Alep, déclaré le ministère. " * 8)


@pytest.mark.parametrize("encoding,text", [
    ("cp1252", LEGACY.replace("Tēte", "Tete")),
    ("latin-1", LEGACY.replace("’", "'").replace("—", "-").replace("“", '"')
     .replace("”", '"').replace("Tēte", "Tete")),
    ("utf-16", LEGACY),  # Python writes the BOM
    ("utf-8-sig", LEGACY),
])
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    f = tmp_path / f"enc-{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    html = tmp_path / f"enc-{encoding}.html"
    html.write_bytes(f"<html><head><meta charset=\"{encoding}\"></head><body><p>Dépêche : "
                     f"{text[::-1]}</p></body></html>".encode(encoding))
    out = ingest_measured(tmp_path, str(f), str(html))
    assert out["texts"][str(f)] == text.strip()
    want = " ".join(f"Dépêche : {text[::-1]}".split())  # reversed: not a copy of f
    assert " ".join(out["texts"][str(html)].split()) == want


def test_invalid_utf8_is_read_not_refused(tmp_path: Path) -> None:
    text = "A convoy was struck near the border on Monday; four died. " * 10
    data = text.encode("utf-8")
    bad = data[:100] + b"\xff\xfe\xc3" + data[100:]  # stray bytes: not valid UTF-8
    f = tmp_path / "bad-utf8.txt"
    f.write_bytes(bad)
    out = ingest_measured(tmp_path, str(f))
    got = out["texts"][str(f)]
    assert "A convoy was struck near the border" in got and got.count("four died") == 10


def test_compressed_files_are_refused_by_type(tmp_path: Path) -> None:
    import gzip
    f = tmp_path / "archive.txt.gz"
    f.write_bytes(gzip.compress(b"\0" * 10_000_000))
    out = ingest_measured(tmp_path, str(f))
    assert "unsupported file type '.gz'" in reason_for(out, str(f))


@pytest.mark.slow
def test_feed_with_100k_items(tmp_path: Path) -> None:
    feed = tmp_path / "huge-feed.xml"
    with feed.open("w", encoding="utf-8") as fh:
        fh.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                 "<title>Wire</title>")
        for i in range(100_000):
            fh.write(f"<item><title>Report {i}</title><link>https://wire.example/{i}</link>"
                     f"<description>Item {i}: an airstrike hit depot number {i} on Monday."
                     "</description></item>")
        fh.write("</channel></rss>")
    out = ingest_measured(tmp_path, str(feed), timeout=590)
    assert out["ingested"] == MAX_FEED_ENTRIES + 1
    why = reason_for(out, str(feed))
    assert "100000 entries" in why and str(MAX_FEED_ENTRIES) in why
    assert out["max_rss_mb"] < baseline_mb(tmp_path) + 1200


# --- hostile HTTP servers on loopback ---------------------------------------------------


def _bomb(encoding: str, size: int = 512 * 1024 * 1024) -> bytes:
    """`size` zero bytes compressed (about 0.1% of that): gzip or zlib-deflate."""
    co = zlib.compressobj(9, zlib.DEFLATED, 31 if encoding == "gzip" else 15)
    block = b"\0" * (1 << 20)
    return b"".join(co.compress(block) for _ in range(size >> 20)) + co.flush()


class Hostile(BaseHTTPRequestHandler):
    bombs: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802
        try:
            if self.path == "/forever":  # fast, endless, no Content-Length
                self._start("text/html")
                self.wfile.write(b"<html><body>")
                while True:
                    self.wfile.write(b"<p>more news, endlessly</p>" * 2000)
            elif self.path == "/trickle":  # endless and slow: under any per-read timeout
                self._start("text/html")
                while True:
                    self.wfile.write(b"<p>x</p>")
                    self.wfile.flush()
                    time.sleep(0.05)
            elif self.path == "/slowloris":  # headers a byte at a time, for 30 s
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for _ in range(120):
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.25)
                self.wfile.write(b": y\r\nContent-Length: 2\r\n\r\nok")
            elif self.path in SERVED_AS:
                ctype, body = SERVED_AS[self.path]
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif self.path == "/bomb-nested":
                body = self.bombs["gzip, gzip"]
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", "gzip, gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            elif self.path.startswith("/bomb-"):
                enc = self.path.removeprefix("/bomb-")
                body = self.bombs[enc]
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", enc)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _start(self, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


PAGE = (b"<!DOCTYPE html><html><head><title>Port strike</title></head><body><article><p>"
        + GOOD.encode() + b"</p></article></body></html>")
#: HTML served under other types: an image and a PDF (refused), and plain text (read).
SERVED_AS = {"/png": ("image/png", PAGE), "/pdf": ("application/pdf", PAGE),
             "/plain": ("text/plain; charset=utf-8", PAGE.replace(b"two workers",
                                                                   b"three workers"))}


@pytest.fixture(scope="module")
def hostile_server() -> Iterator[str]:
    nested = zlib.compressobj(9, zlib.DEFLATED, 31)
    Hostile.bombs = {"gzip": _bomb("gzip"), "deflate": _bomb("deflate"),
                     # gzip of gzip of 1 GiB of zeros: about 2 KB on the wire
                     "gzip, gzip": nested.compress(_bomb("gzip", 1 << 30)) + nested.flush()}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_page_that_never_ends_hits_the_size_cap(tmp_path: Path, hostile_server: str) -> None:
    url = f"{hostile_server}/forever"
    out = ingest_measured(tmp_path, url)
    assert "too large" in reason_for(out, url)
    assert out["max_rss_mb"] < baseline_mb(tmp_path) + 200 and out["wall_s"] < 60


def test_page_that_trickles_forever_hits_the_time_cap(tmp_path: Path,
                                                      hostile_server: str) -> None:
    url = f"{hostile_server}/trickle"
    out = ingest_measured(tmp_path, url)
    assert "too slow" in reason_for(out, url)  # IngestOptions(timeout=2): 2 s in all
    assert out["wall_s"] < 30


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_compression_bomb_over_http(tmp_path: Path, hostile_server: str,
                                    encoding: str) -> None:
    assert len(Hostile.bombs[encoding]) < 2 * 1024 * 1024  # 512 MB once inflated
    url = f"{hostile_server}/bomb-{encoding}"
    out = ingest_measured(tmp_path, url)
    assert "too large" in reason_for(out, url)
    assert out["max_rss_mb"] < baseline_mb(tmp_path) + 300 and out["wall_s"] < 60


def test_nested_compression_bomb_stays_near_the_cap(tmp_path: Path,
                                                    hostile_server: str) -> None:
    """`Content-Encoding: gzip, gzip`: each layer is inflated a step at a time and counted,
    so memory stays near the 10 MB cap (httpx inflated each read whole: gigabytes)."""
    assert len(Hostile.bombs["gzip, gzip"]) < 64 * 1024  # 1 GiB once inflated twice
    url = f"{hostile_server}/bomb-nested"
    out = ingest_measured(tmp_path, url)
    assert "too large" in reason_for(out, url)
    assert out["max_rss_mb"] < baseline_mb(tmp_path) + 100, out["max_rss_mb"]


def test_slowloris_headers_end_at_the_overall_deadline(hostile_server: str) -> None:
    """A server dribbling its headers a byte every 0.25 s (under any per-read timeout):
    the fetch ends at its overall deadline, counted from the first byte sent."""
    from strikewatch.ingest.fetch import FetchError, fetch, make_client

    with make_client(allow_private=True, timeout=2.0) as client:
        t0 = time.monotonic()
        with pytest.raises(FetchError, match="too slow"):
            fetch(f"{hostile_server}/slowloris", client, allow_private=True, max_seconds=2.0)
        took = time.monotonic() - t0
    assert took < 5, took  # about 2 s; the server would go on for 30 s


def test_html_served_as_an_image_or_pdf_is_refused_and_plain_text_html_is_read(
        tmp_path: Path, hostile_server: str) -> None:
    urls = {path: f"{hostile_server}{path}" for path in SERVED_AS}
    out = ingest_measured(tmp_path, *urls.values())
    assert "served as image/png" in reason_for(out, urls["/png"])
    assert "served as application/pdf" in reason_for(out, urls["/pdf"])
    text = out["texts"][urls["/plain"]]
    assert "three workers" in text and "<" not in text  # main text, not the markup

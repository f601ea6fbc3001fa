"""The URL fetcher's address guard (SSRF): what ingest refuses to connect to.

Real parts: http.server on loopback (127.0.0.1, and 127.0.0.2 as "another private host"),
httpx/httpcore as ingest uses them. Every test also spies on httpcore's socket backend (the
real one, called through) to prove a refused address never got a TCP connection at all.

Real DNS is unavailable offline, so the DNS tests (rebinding, names resolving to private or
metadata addresses) replace only `strikewatch.ingest.fetch.resolve`, the one resolver the
fetcher uses, both for its up-front check and at connect time. `localhost` and `*.localhost`
are tested with the real resolver.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

import httpcore
import httpx
import pytest

from strikewatch.ingest.fetch import BlockedAddress, FetchError, fetch, is_public_address
from tests.localhttp import LocalServer, Route, serve

# the module (strikewatch.ingest re-exports a function of the same name as `fetch`)
fetch_mod = importlib.import_module("strikewatch.ingest.fetch")

PUBLIC = "93.184.216.34"  # a public address (never connected to: the tests refuse it first)
BODY = b"<html><body><p>A report.</p></body></html>"


@pytest.fixture
def server() -> Iterator[LocalServer]:
    yield from serve()


@pytest.fixture
def inner() -> Iterator[LocalServer]:
    """A second server on another loopback address: the private host a redirect aims at."""
    yield from serve("127.0.0.2")


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every address the real socket backend is asked to open a TCP connection to."""
    seen: list[str] = []
    original = httpcore.SyncBackend.connect_tcp

    def spy(self: Any, host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        seen.append(host)
        return original(self, host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", spy)
    return seen


def fake_dns(monkeypatch: pytest.MonkeyPatch, table: dict[str, list[list[str]]]) -> list[str]:
    """Answer names from `table` (successive answers per name, the last one repeating);
    other names go to the real resolver. Returns the names looked up, in order."""
    real = fetch_mod.resolve
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        answers = table.get(host.lower())
        if answers is None:
            return real(host, port)
        return answers.pop(0) if len(answers) > 1 else answers[0]

    monkeypatch.setattr(fetch_mod, "resolve", resolve)
    return asked


def treat_as_public(monkeypatch: pytest.MonkeyPatch, ip: str) -> None:
    """Let one loopback address stand in for a public news site, so a redirect *from* it
    can be tested with the guard on. Every other address is classified as in production."""
    real: Callable[[str], bool] = fetch_mod.is_public_address
    monkeypatch.setattr(fetch_mod, "is_public_address", lambda a: a == ip or real(a))


# --- classification -----------------------------------------------------------------------


@pytest.mark.parametrize("ip", [
    "127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255",
    "192.168.0.1", "100.64.0.1", "169.254.169.254", "169.254.0.1", "0.0.0.0",
    "224.0.0.1", "240.0.0.1", "255.255.255.255", "198.18.0.1", "192.0.0.170",
    "::1", "::", "fe80::1", "fe80::1%eth0", "fc00::1", "fd00:ec2::254", "fdff:ffff::1",
    "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",
    "::127.0.0.1", "64:ff9b::7f00:1", "2001::1", "ff02::1",
    "2002:7f00:1::1", "2002:a9fe:a9fe::", "2002:c0a8:101::1",  # 6to4 around private IPv4
])
def test_non_public_addresses_are_classified_private(ip: str) -> None:
    assert not is_public_address(ip)


@pytest.mark.parametrize("ip", ["8.8.8.8", PUBLIC, "2606:4700:4700::1111",
                                "::ffff:8.8.8.8", "2002:808:808::1"])
def test_public_addresses_stay_public(ip: str) -> None:
    assert is_public_address(ip)


# --- spellings of loopback, against a real server ------------------------------------------


SPELLINGS = [
    "127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1",
    "017700000001", "127.000.000.001", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
    "localhost", "LOCALHOST.", "news.localhost", "0.0.0.0", "0", "[::]", "[::1]",
    "example.org@127.0.0.1",
]


@pytest.mark.parametrize("host", SPELLINGS)
def test_loopback_in_any_spelling_is_refused(
    host: str, server: LocalServer, connects: list[str]
) -> None:
    server.routes["/x"] = Route(BODY)
    url = f"http://{host}:{server.port}/x"
    with fetch_mod.make_client(allow_private=False) as client:
        with pytest.raises(BlockedAddress, match="refusing"):
            fetch(url, client)
        # and without the up-front check: the connection layer refuses on its own (or
        # httpx rejects the spelling outright, e.g. zero-padded octets)
        with pytest.raises((BlockedAddress, httpx.InvalidURL)):
            client.get(url)
    assert server.hits == [] and connects == []


def test_url_parser_confusion_never_reaches_loopback(
    server: LocalServer, connects: list[str]
) -> None:
    server.routes["/x"] = Route(BODY)
    p = server.port
    for url in (f"http://127.0.0.1:{p}#@example.org/x", f"http://127.0.0.1:{p}?@example.org/",
                f"http://user:pw@127.0.0.1:{p}/x", f"http://127.0.0.1:{p}%2f@example.org/"):
        with fetch_mod.make_client(allow_private=False) as client:
            with pytest.raises(FetchError):
                fetch(url, client)
    assert server.hits == [] and connects == []


def test_allow_private_is_the_only_way_in(server: LocalServer, connects: list[str]) -> None:
    """Control: the same server is reachable when the operator allows private hosts."""
    server.routes["/x"] = Route(BODY)
    with fetch_mod.make_client(allow_private=True) as client:
        got = fetch(f"http://2130706433:{server.port}/x", client, allow_private=True)
    assert got.content == BODY and server.hits == ["/x"] and connects == ["127.0.0.1"]


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/iam/", "http://[fd00:ec2::254]/latest/",
    "http://[::ffff:a9fe:a9fe]/", "http://2852039166/", "http://0xa9.0xfe.0xa9.0xfe/",
    "http://10.0.0.1/", "http://[fc00::1]/", "http://[fd12:3456::1]:8080/",
    "http://[2002:a9fe:a9fe::1]/", "http://192.168.1.1/admin", "http://100.100.100.200/",
])
def test_metadata_and_private_literals_are_refused(url: str, connects: list[str]) -> None:
    with fetch_mod.make_client() as client, pytest.raises(BlockedAddress):
        fetch(url, client)
    assert connects == []


# --- DNS tricks ---------------------------------------------------------------------------


@pytest.mark.parametrize("answer", [
    ["169.254.169.254"], ["fd00:ec2::254"], ["127.0.0.1"], ["10.9.8.7"], ["::ffff:10.0.0.1"],
    [PUBLIC, "127.0.0.1"],  # one bad address among good ones is enough to refuse
])
def test_names_resolving_to_private_addresses_are_refused(
    answer: list[str], monkeypatch: pytest.MonkeyPatch, connects: list[str]
) -> None:
    fake_dns(monkeypatch, {"metadata.google.internal": [answer], "news.example": [answer]})
    for url in ("http://metadata.google.internal/computeMetadata/v1/",
                "http://news.example/story"):
        with fetch_mod.make_client() as client, pytest.raises(BlockedAddress, match="refusing"):
            fetch(url, client)
    assert connects == []


def test_dns_rebinding_after_the_check_is_caught_at_connect(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, connects: list[str]
) -> None:
    """The name is public when first checked and loopback when connecting: refused."""
    server.routes["/x"] = Route(BODY)
    asked = fake_dns(monkeypatch, {"rebind.example": [[PUBLIC], ["127.0.0.1"]]})
    with fetch_mod.make_client() as client, pytest.raises(BlockedAddress, match="127.0.0.1"):
        fetch(f"http://rebind.example:{server.port}/x", client)
    assert asked == ["rebind.example", "rebind.example"]  # checked up front, then at connect
    assert server.hits == [] and connects == []


def test_connection_goes_to_the_checked_address_not_a_new_lookup(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, connects: list[str]
) -> None:
    """The backend connects to the address it checked (no second OS lookup to rebind)."""
    server.routes["/x"] = Route(BODY)
    fake_dns(monkeypatch, {"news.example": [["127.0.0.1"]]})
    with fetch_mod.make_client(allow_private=True) as client:
        got = fetch(f"http://news.example:{server.port}/x", client, allow_private=True)
    assert got.content == BODY and connects == ["127.0.0.1"]


# --- redirects, with the guard on ---------------------------------------------------------


def redirect_targets(inner: LocalServer) -> list[str]:
    q = inner.port
    return [
        f"http://127.0.0.2:{q}/admin", f"http://2130706434:{q}/admin",
        f"http://[::ffff:127.0.0.2]:{q}/admin", f"http://0x7f.0.0.2:{q}/admin",
        f"http://internal.example:{q}/admin",  # a name that resolves to 127.0.0.2
        f"http://news.localhost:{q}/admin",
        "http://169.254.169.254/latest/meta-data/", "http://metadata.google.internal/",
        "http://[fd00:ec2::254]/", "http://10.0.0.1/", "http://[fc00::1]/",
    ]


def test_redirects_to_private_addresses_are_refused(
    server: LocalServer, inner: LocalServer, monkeypatch: pytest.MonkeyPatch,
    connects: list[str],
) -> None:
    treat_as_public(monkeypatch, "127.0.0.1")
    fake_dns(monkeypatch, {"internal.example": [["127.0.0.2"]],
                           "metadata.google.internal": [["169.254.169.254"]]})
    inner.routes["/admin"] = Route(b"secret")
    for i, target in enumerate(redirect_targets(inner)):
        path = f"/hop{i}"
        server.routes[path] = Route(b"", status=302, headers={"Location": target})
        with fetch_mod.make_client() as client, pytest.raises(BlockedAddress, match="refusing"):
            fetch(server.url(path), client)
    assert inner.hits == []  # the private host never saw a request
    assert set(connects) == {"127.0.0.1"}  # only the "public" first hop was connected to
    assert len(server.hits) == len(redirect_targets(inner))


def test_redirect_control_the_hop_works_when_private_is_allowed(
    server: LocalServer, inner: LocalServer, connects: list[str]
) -> None:
    """Control for the test above: the same redirect is followed when allowed."""
    inner.routes["/admin"] = Route(b"secret")
    server.routes["/hop"] = Route(b"", status=302,
                                  headers={"Location": inner.url("/admin")})
    with fetch_mod.make_client(allow_private=True) as client:
        got = fetch(server.url("/hop"), client, allow_private=True)
    assert got.content == b"secret" and inner.hits == ["/admin"]
    assert connects == ["127.0.0.1", "127.0.0.2"]


def test_a_feed_cannot_point_ingest_at_private_hosts(
    server: LocalServer, inner: LocalServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Any,
) -> None:
    """Through the whole ingest: a "public" feed whose entries link to a private host and
    to the metadata service; those entries are skipped with the reason, the good one is
    stored, and the private host never sees a request."""
    from strikewatch.ingest import IngestOptions, ingest
    from strikewatch.store import open_store

    treat_as_public(monkeypatch, "127.0.0.1")
    story = ("Artillery shelled a village near the border on Monday, killing two farmers, "
             "the district governor said in a statement to reporters.")
    server.routes["/ok"] = Route(f"<html><body><article><p>{story}</p></article></body>"
                                 "</html>".encode())
    inner.routes["/secret"] = Route(b"<html><body><p>internal admin page</p></body></html>")
    links = [server.url("/ok"), inner.url("/secret"),
             "http://169.254.169.254/latest/meta-data/"]
    items = "".join(f"<item><title>t{i}</title><link>{u}</link></item>"
                    for i, u in enumerate(links))
    server.routes["/feed.rss"] = Route(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
        f"<link>{server.url('/')}</link><description>d</description>{items}</channel></rss>"
        .encode(), "application/rss+xml")
    store = open_store(str(tmp_path / "feed.db"))
    rep = ingest([server.url("/feed.rss")], store, IngestOptions())
    assert len(rep.ingested) == 1
    skipped = dict(rep.skipped)
    for url in links[1:]:
        assert "refusing" in skipped[url], skipped
    assert inner.hits == []
    store.close()

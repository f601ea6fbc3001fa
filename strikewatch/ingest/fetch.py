"""Fetching http(s) URLs safely: a timeout, a size cap, and no private addresses.

A URL given to ingest could point at the machine itself or its network (an admin page, a
cloud metadata service). Unless `allow_private` is set, every connection — the first
request and each redirect — is checked at connect time: the host is resolved and the
connection is refused if any address it resolves to is not a public one (loopback,
private, link-local incl. 169.254.169.254, carrier-grade NAT, reserved, multicast).
The check happens in the network backend, on the very address connected to, so DNS
rebinding between a check and the connection cannot slip through.
"""

from __future__ import annotations

import contextvars
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from strikewatch.errors import FetchError

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Cap on a whole download. httpx's timeout applies to each read, so a server that trickles
#: a byte at a time (or streams forever below the size cap) would otherwise never end.
DEFAULT_MAX_SECONDS = 60.0
MAX_REDIRECTS = 5
USER_AGENT = "strikewatch/0.1 (+news ingest for an incident ledger)"


class BlockedAddress(FetchError):
    """The URL resolves to an address ingest may not reach without --allow-private."""


def is_public_address(ip: str) -> bool:
    """True for globally routable unicast addresses only."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address):
        # An IPv4 address carried inside IPv6 (mapped ::ffff:a.b.c.d, or 6to4 2002:a.b.c.d::)
        # is reached through that IPv4 address, so it must be public too.
        if addr.ipv4_mapped is not None:
            addr = addr.ipv4_mapped
        elif addr.sixtofour is not None and not is_public_address(str(addr.sixtofour)):
            return False
    return bool(
        addr.is_global
        and not addr.is_multicast
        and not addr.is_private
        and not addr.is_loopback
        and not addr.is_link_local
        and not addr.is_reserved
        and not addr.is_unspecified
    )


def resolve(host: str, port: int) -> list[str]:
    """Every address the host name resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror or exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_local_name(host: str) -> bool:
    """`localhost` and any `*.localhost` name (RFC 6761: always loopback, whatever DNS says)."""
    name = host.rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")


def check_host(host: str, port: int, allow_private: bool) -> list[str]:
    """The host's addresses, or BlockedAddress when one of them is not public."""
    if not allow_private and is_local_name(host):
        raise BlockedAddress(
            f"refusing {host}: a localhost name is always loopback "
            "(use --allow-private to allow private, loopback and link-local hosts)"
        )
    addrs = resolve(host, port)
    if not allow_private:
        bad = [a for a in addrs if not is_public_address(a)]
        if bad:
            raise BlockedAddress(
                f"refusing {host}: resolves to non-public address {', '.join(bad)} "
                "(use --allow-private to allow private, loopback and link-local hosts)"
            )
    return addrs


#: When the fetch running in this thread must be over (time.monotonic()), or None. Every
#: read and write on a connection is held to it, so a server that sends its headers a
#: byte at a time (under any per-read timeout) still ends at the deadline.
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "strikewatch_fetch_deadline", default=None)


def _left(timeout: float | None) -> float | None:
    """`timeout`, shortened to the time left before the fetch's deadline."""
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the fetch's overall deadline passed")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _left(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return DeadlineStream(self.inner.start_tls(ssl_context, server_hostname,
                                                   _left(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self.inner.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses that pass `check_host`, with
    every connection held to the running fetch's deadline (DeadlineStream)."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addrs = check_host(host, port, self.allow_private)
        last: Exception | None = None
        for addr in addrs:
            try:
                return DeadlineStream(super().connect_tcp(addr, port, _left(timeout),
                                                          local_address, socket_options))
            except httpcore.ConnectError as exc:
                last = exc
        raise httpcore.ConnectError(f"cannot connect to {host}:{port}: {last}")


#: Encodings strikewatch asks for and decodes itself (see BoundedDecoder).
ACCEPT_ENCODING = "gzip, deflate"
#: Output of one decompression step: what any layer holds in memory at a time.
DECODE_STEP = 64 * 1024


class _Layer:
    """One Content-Encoding layer, decompressed at most DECODE_STEP bytes at a time."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self.raw_deflate_tried = False
        if encoding in ("gzip", "x-gzip"):
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":  # zlib-wrapped per the RFC; raw deflate in the wild
            self.z = zlib.decompressobj()
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r} "
                             f"(strikewatch asks for {ACCEPT_ENCODING})")

    def decode(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                out = self.z.decompress(data, DECODE_STEP)
            except zlib.error as exc:
                if self.encoding == "deflate" and not self.raw_deflate_tried:
                    self.raw_deflate_tried = True
                    self.z = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise FetchError(f"corrupt {self.encoding} content: {exc}") from exc
            self.raw_deflate_tried = True  # the first bytes decoded: the kind is settled
            if out:
                yield out
            data = self.z.unconsumed_tail
            if not data and len(out) < DECODE_STEP:
                return


class BoundedDecoder:
    """Undo a response's Content-Encoding layers (`gzip, gzip` included) while counting:
    no layer may produce more than `cap` bytes, and none holds more than DECODE_STEP at a
    time, so a 2 KB nested bomb stops at the cap instead of inflating gigabytes first
    (httpx decodes each read in one piece, unbounded)."""

    def __init__(self, content_encoding: str, cap: int) -> None:
        names = [e.strip().lower() for e in content_encoding.split(",")]
        # layers are listed in the order they were applied: undo the last first
        self.layers = [_Layer(e) for e in reversed(names) if e and e != "identity"]
        self.cap = cap
        self.produced = [0] * len(self.layers)

    def feed(self, data: bytes) -> Iterator[bytes]:
        yield from self._through(0, data)

    def _through(self, i: int, data: bytes) -> Iterator[bytes]:
        if i == len(self.layers):
            if data:
                yield data
            return
        for piece in self.layers[i].decode(data):
            self.produced[i] += len(piece)
            if self.produced[i] > self.cap:
                raise FetchError(f"too large: over {self.cap} bytes once decompressed "
                                 f"({self.layers[i].encoding}, cap)")
            yield from self._through(i + 1, piece)


#: Content types that are never a page, a feed or a JSON dump, whatever the bytes say.
NOT_TEXT = ("image/", "audio/", "video/", "font/", "model/", "application/pdf",
            "application/zip", "application/gzip", "application/octet-stream",
            "application/vnd.", "application/msword", "application/x-")


def text_content_type(content_type: str) -> bool:
    """True for a type that may hold an article: text, HTML, XML/feeds, JSON, or none."""
    ctype = content_type.split(";")[0].strip().lower()
    if not ctype or ctype.startswith("text/") or "json" in ctype or "xml" in ctype:
        return True
    return not ctype.startswith(NOT_TEXT) and ctype.startswith("application/")


@dataclass
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str
    charset: str | None


def make_client(allow_private: bool = False, timeout: float = DEFAULT_TIMEOUT) -> httpx.Client:
    """An httpx client whose every connection goes through `GuardedBackend`."""
    transport = httpx.HTTPTransport(trust_env=False, retries=0)
    # httpx has no public hook for the network backend; the pool is rebuilt with ours.
    transport._pool = httpcore.ConnectionPool(  # noqa: SLF001
        ssl_context=httpx.create_ssl_context(),
        network_backend=GuardedBackend(allow_private),
    )
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,  # fetch() follows them, with its caps on every hop
        trust_env=False,
        headers={"User-Agent": USER_AGENT},
    )


def fetch(
    url: str,
    client: httpx.Client,
    *,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_seconds: float = DEFAULT_MAX_SECONDS,
) -> Fetched:
    """GET the URL and return its body; FetchError with the reason on any failure.

    Three bounds, each on the whole fetch: `max_seconds` from the first byte sent to the
    last one read (headers, every redirect hop and the body together), `max_bytes` of body
    after every Content-Encoding layer is undone (checked while decompressing), and
    MAX_REDIRECTS hops. Redirects are followed here rather than by httpx, which reads
    and decodes each redirect's body with no cap.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url}")
    # Checked up front too, so the refusal names the URL rather than a connection error.
    check_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
               allow_private)
    deadline = time.monotonic() + max_seconds
    token = _deadline.set(deadline)
    try:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            request = client.build_request("GET", current,
                                           headers={"Accept-Encoding": ACCEPT_ENCODING})
            resp = client.send(request, stream=True, follow_redirects=False)
            try:
                if resp.has_redirect_location:
                    current = urljoin(str(resp.url), resp.headers["location"])
                    if urlsplit(current).scheme not in ("http", "https"):
                        raise FetchError(f"redirect to a non-http(s) URL: {current}")
                    continue
                return _read_body(resp, max_bytes, max_seconds, deadline)
            finally:
                resp.close()
        raise FetchError("too many redirects")
    except (BlockedAddress, FetchError):
        raise
    except httpx.TimeoutException as exc:
        if time.monotonic() >= deadline - 0.05:
            raise FetchError(f"timed out: no complete answer within {max_seconds:g} s (too slow)"
                             ) from exc
        raise FetchError(f"timed out: {exc}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from exc
    finally:
        _deadline.reset(token)


def _read_body(resp: httpx.Response, max_bytes: int, max_seconds: float,
               deadline: float) -> Fetched:
    if resp.status_code >= 400:
        raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"too large: {declared} bytes (cap {max_bytes})")
    ctype = resp.headers.get("content-type", "")
    if not text_content_type(ctype):
        raise FetchError(f"served as {ctype.split(';')[0].strip()}, not a page, feed or "
                         "JSON: not ingested")
    decoder = BoundedDecoder(resp.headers.get("content-encoding", ""), max_bytes)
    chunks: list[bytes] = []
    size = 0
    for raw in resp.iter_raw():
        for chunk in decoder.feed(raw):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"too large: over {max_bytes} bytes (cap)")
            chunks.append(chunk)
        if time.monotonic() > deadline:
            raise FetchError(f"too slow: download still going after {max_seconds:g} s "
                             f"({size} bytes so far)")
    return Fetched(str(resp.url), b"".join(chunks), ctype.split(";")[0].strip().lower(),
                   resp.charset_encoding)

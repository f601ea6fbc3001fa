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

import ipaddress
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from strikewatch.errors import FetchError

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Cap on a whole download. httpx's timeout applies to each read, so a server that trickles
#: a byte at a time (or streams forever below the size cap) would otherwise never end.
DEFAULT_MAX_SECONDS = 60.0
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


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses that pass `check_host`."""

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
                return super().connect_tcp(addr, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise httpcore.ConnectError(f"cannot connect to {host}:{port}: {last}")


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
        follow_redirects=True,
        max_redirects=5,
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

    The body is capped at `max_bytes` after decoding (so a gzip/deflate bomb stops at the
    cap) and the whole download at `max_seconds`.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url}")
    # Checked up front too, so the refusal names the URL rather than a connection error.
    check_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
               allow_private)
    deadline = time.monotonic() + max_seconds
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"too large: {declared} bytes (cap {max_bytes})")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large: over {max_bytes} bytes (cap)")
                if time.monotonic() > deadline:
                    raise FetchError(f"too slow: download still going after {max_seconds:g} s "
                                     f"({size} bytes so far)")
                chunks.append(chunk)
            ctype = resp.headers.get("content-type", "")
            return Fetched(str(resp.url), b"".join(chunks), ctype.split(";")[0].strip().lower(),
                           resp.charset_encoding)
    except BlockedAddress:
        raise
    except httpx.TimeoutException as exc:
        raise FetchError(f"timed out: {exc}") from exc
    except httpx.TooManyRedirects as exc:
        raise FetchError("too many redirects") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}") from exc

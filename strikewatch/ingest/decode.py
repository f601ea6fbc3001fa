"""Bytes to text: whatever common encoding a file or page arrives in.

Order of trust: a byte-order mark, then strict UTF-8 (most of the web), then a charset the
document declares (HTTP header or <meta>), then charset-normalizer's detection. Binary
junk (NUL bytes, many control characters) is refused rather than decoded into noise.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from strikewatch.errors import InputError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # control characters other than whitespace
XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""", re.I)


class DecodeError(InputError):
    """The bytes are not text in any encoding we can tell."""


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML <meta> or XML declaration names in the first 4 KB, if any."""
    head = data[:4096]
    m = META_CHARSET.search(head) or XML_ENCODING.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_binary(text: str) -> bool:
    """True when the text has NULs or more than 1% control characters (not text)."""
    if not text:
        return False
    if "\x00" in text:
        return True
    controls = len(CONTROL.findall(text))
    return controls > max(1, len(text) // 100)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode `data` to str, or raise DecodeError naming why it is not text."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return _checked(data.decode(enc, errors="replace"))
    if b"\x00" in data[:8192]:
        raise DecodeError("binary content (NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    for charset in (declared, declared_charset(data)):
        if charset is not None:
            try:
                return _checked(data.decode(charset))
            except (UnicodeDecodeError, LookupError):
                continue
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable bytes: no text encoding fits")
    return _checked(str(best))


def _checked(text: str) -> str:
    if looks_binary(text):
        raise DecodeError("binary content (control characters), not text")
    return text


def decode_json_bytes(data: bytes) -> str:
    """JSON text is UTF-8 (RFC 8259): stray bad bytes become U+FFFD rather than send the
    whole file through charset detection, which can pick e.g. Shift-JIS and turn every
    backslash escape into a yen sign. UTF-16/32 with a byte-order mark still work."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data)
    if b"\x00" in data[:8192]:
        raise DecodeError("binary content (NUL bytes), not text")
    return _checked(data.decode("utf-8-sig", errors="replace"))

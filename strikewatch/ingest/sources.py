"""Reading inputs into raw article items: files, folders, JSON/JSONL, HTML, feeds.

A *unit* is one thing named on the command line or found in a folder (a file or a URL);
reading a unit yields raw items (dicts in the spec's article-input shape) or `Skip`s
that name the item and the reason. Nothing here touches the store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser

from strikewatch.ingest.decode import DecodeError, decode_bytes, decode_json_bytes

TEXT_EXT = {".txt", ".text"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
FEED_EXT = {".xml", ".rss", ".atom"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | JSON_EXT | JSONL_EXT | FEED_EXT
#: Files larger than this are refused unread (a clear skip naming the size and the cap);
#: split bigger dumps into several JSONL files.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Entries read from one feed; the rest are reported as one skip. News feeds carry tens to
#: hundreds of entries; archives belong in JSONL, which has no such cap.
MAX_FEED_ENTRIES = 5000


@dataclass(frozen=True)
class Unit:
    kind: str  # "file", "url", "missing", or "ignored" (a non-article file in a folder)
    name: str


@dataclass
class Skip:
    name: str
    reason: str


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def expand(inputs: list[str]) -> list[Unit]:
    """Units for the inputs: folders walked recursively (sorted, hidden entries skipped)."""
    units: list[Unit] = []
    for value in inputs:
        if is_url(value):
            units.append(Unit("url", value))
            continue
        path = Path(value)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                rel = sub.relative_to(path).parts
                if sub.is_file() and not any(p.startswith(".") for p in rel):
                    known = sub.suffix.lower() in KNOWN_EXT
                    units.append(Unit("file" if known else "ignored", str(sub)))
        elif path.is_file():
            units.append(Unit("file", str(path)))
        else:
            units.append(Unit("missing", value))
    return units


def json_item(obj: Any, name: str) -> dict[str, Any] | Skip:
    """One article-input object, checked: it needs a non-empty `text` or `html` string."""
    if not isinstance(obj, dict):
        return Skip(name, f"expected a JSON object, got {type(obj).__name__}")
    body = obj.get("text") or obj.get("html")
    if not isinstance(body, str) or not body.strip():
        return Skip(name, "no 'text' or 'html' field with content")
    item = dict(obj)
    item["source"] = name
    return item


def feed_items(content: bytes | str, name: str) -> Iterator[dict[str, Any] | Skip]:
    """Raw items for a feed's entries (their link, title, date, and content if any)."""
    try:
        parsed = feedparser.parse(content)
    except (ValueError, OverflowError) as exc:  # e.g. a character reference past U+10FFFF
        yield Skip(name, f"unreadable feed: {exc}")
        return
    publisher = parsed.feed.get("title") if parsed.get("feed") else None
    if not parsed.entries:
        yield Skip(name, "a feed with no entries" if parsed.get("version") else "not a feed")
        return
    if len(parsed.entries) > MAX_FEED_ENTRIES:
        yield Skip(name, f"feed has {len(parsed.entries)} entries; entries after "
                         f"{MAX_FEED_ENTRIES} (the cap) not read")
    for i, entry in enumerate(parsed.entries[:MAX_FEED_ENTRIES], 1):
        html = ""
        if entry.get("content"):
            html = "\n".join(c.get("value", "") for c in entry.content)
        html = html or entry.get("summary", "") or ""
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield {
            "url": entry.get("link"),
            "title": entry.get("title"),
            "publisher": publisher,
            "published": published,
            "html": html,
            "source": f"{name}#entry{i}",
            "_feed_entry": True,
        }


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    if any(x in content_type for x in ("rss", "atom", "xml")) and "html" not in content_type:
        return True
    head = content[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or
                                         b"<rdf" in head) or head.startswith((b"<rss", b"<feed"))


def file_items(path: Path) -> Iterator[dict[str, Any] | Skip]:
    """Raw items in one file, by its extension."""
    name = str(path)
    ext = path.suffix.lower()
    if ext not in KNOWN_EXT:
        yield Skip(name, f"unsupported file type {ext or '(no extension)'!r}; "
                         f"expected one of {' '.join(sorted(KNOWN_EXT))}")
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Skip(name, f"file too large ({size} bytes, cap {MAX_FILE_BYTES})")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skip(name, f"unreadable: {exc.strerror or exc}")
        return
    if not data.strip():
        yield Skip(name, "empty file")
        return
    yield from bytes_items(data, name, ext)


def bytes_items(
    data: bytes, name: str, ext: str, declared: str | None = None
) -> Iterator[dict[str, Any] | Skip]:
    """Raw items in a document's bytes, read as the kind `ext` names (".json", ...).

    Shared by files and URLs; `declared` is a charset the transport named, if any.
    """
    if ext in FEED_EXT:
        yield from feed_items(data, name)
        return
    try:
        text = (decode_json_bytes(data) if ext in JSON_EXT | JSONL_EXT
                else decode_bytes(data, declared))
    except DecodeError as exc:
        yield Skip(name, str(exc))
        return
    if ext in TEXT_EXT:
        yield {"text": text, "source": name}
    elif ext in HTML_EXT:
        yield {"html": text, "source": name}
    elif ext in JSON_EXT:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Skip(name, f"invalid JSON: {exc}")
            return
        objs = obj if isinstance(obj, list) else [obj]
        for i, one in enumerate(objs):
            yield json_item(one, name if len(objs) == 1 else f"{name}[{i}]")
    else:  # JSON lines
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{name}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skip(where, f"invalid JSON line: {exc.msg} (column {exc.colno})")
                continue
            yield json_item(obj, where)

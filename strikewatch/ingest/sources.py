"""Reading inputs into raw article items: files, folders, JSON/JSONL, HTML, feeds.

A *unit* is one thing named on the command line or found in a folder (a file or a URL);
reading a unit yields raw items (dicts in the spec's article-input shape) or `Skip`s
that name the item and the reason. Nothing here touches the store.
"""

from __future__ import annotations

import json
import os
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
    kind: str  # "file", "url", "missing", "ignored" (a non-article file in a folder),
    # or "skipped" (found in a folder but not read: `reason` says why)
    name: str
    reason: str = ""


@dataclass
class Skip:
    name: str
    reason: str


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def expand(inputs: list[str], follow_links_out: bool = False) -> list[Unit]:
    """Units for the inputs: folders walked recursively (sorted, hidden entries skipped).

    Nothing found in a folder vanishes: what cannot be read (a dangling or looping
    symbolic link, a FIFO, socket or device, an unreadable folder) is a "skipped" unit
    with its reason. A symbolic link leading out of the folder is refused unless
    `follow_links_out`: ingesting a folder must not read /etc/passwd because someone
    placed a link in it.
    """
    units: list[Unit] = []
    for value in inputs:
        if is_url(value):
            units.append(Unit("url", value))
            continue
        path = Path(value)
        if path.is_dir():
            found: list[Unit] = []
            _walk(path, path.resolve(), follow_links_out, found, set())
            units += sorted(found, key=lambda u: u.name)
        elif path.is_file():
            units.append(Unit("file", str(path)))
        elif path.exists():
            units.append(Unit("skipped", value, "not a regular file (a FIFO, socket or "
                                                "device): not read"))
        else:
            units.append(Unit("missing", value))
    return units


def _walk(folder: Path, root: Path, follow_links_out: bool, out: list[Unit],
          seen: set[Path]) -> None:
    """Add the units under `folder` (inside the walked `root`) to `out`."""
    seen.add(folder.resolve())
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        out.append(Unit("skipped", str(folder),
                        f"unreadable folder: {exc.strerror or exc}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except FileNotFoundError:
                    out.append(Unit("skipped", str(path), "dangling symbolic link "
                                    f"(to {os.readlink(path)}): not read"))
                    continue
                except (RuntimeError, OSError) as exc:  # ELOOP: a link to itself
                    out.append(Unit("skipped", str(path),
                                    f"symbolic link loop: not read ({exc})"))
                    continue
                if not follow_links_out and not target.is_relative_to(root):
                    out.append(Unit("skipped", str(path),
                                    f"symbolic link out of the folder (to {target}): not "
                                    "read (--follow-links-out reads it)"))
                    continue
                if target.is_dir():
                    if target in seen or path.parent.resolve().is_relative_to(target):
                        out.append(Unit("skipped", str(path), "symbolic link loop (back "
                                        f"to {target}, already read): not read again"))
                        continue
                    _walk(path, root, follow_links_out, out, seen)
                    continue
            if entry.is_dir():
                _walk(path, root, follow_links_out, out, seen)
            elif entry.is_file():
                known = path.suffix.lower() in KNOWN_EXT
                out.append(Unit("file" if known else "ignored", str(path)))
            else:
                out.append(Unit("skipped", str(path), "not a regular file (a FIFO, socket "
                                                      "or device): not read"))
        except OSError as exc:
            out.append(Unit("skipped", str(path), f"unreadable: {exc.strerror or exc}"))


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

"""The ingest run: files, folders, URLs and feeds -> stored `Article`s, each stored once.

`Ingestor` reads each input (see `sources`), turns raw items into articles (HTML main
text by trafilatura, any encoding decoded, `published` normalised to ISO 8601), drops
exact duplicates (same URL or same text), links near-identical wire copies to one origin
(`neardup`), and stores each article in its own transaction. A broken input is recorded
in the report with its name and reason, and the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Self, TypeVar
from urllib.parse import urlsplit

import httpx
from datasketch import LeanMinHash

from strikewatch.errors import StoreError, StoreUnavailable
from strikewatch.ingest.decode import DecodeError, decode_bytes
from strikewatch.ingest.fetch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    FetchError,
    fetch,
    make_client,
)
from strikewatch.ingest.html import html_main_text, page_tree
from strikewatch.ingest.language import article_language
from strikewatch.ingest.neardup import OriginIndex, minhash, to_bytes
from strikewatch.ingest.published import plausible, recover_published
from strikewatch.ingest.sources import (
    KNOWN_EXT,
    Skip,
    Unit,
    bytes_items,
    expand,
    feed_items,
    file_items,
    looks_like_feed,
)
from strikewatch.records import Article
from strikewatch.store import SignatureRow, Store

__all__ = ["IngestOptions", "IngestReport", "Ingestor", "ingest"]

T = TypeVar("T")

#: Waits before retrying a store write that met an unreachable, locked or full database
#: (a server restart, another writer): about 15 s in all, then the run stops with the error.
DB_RETRY_DELAYS = (0.5, 1.0, 2.0, 4.0, 8.0)
ARTICLE_FIELDS = ("url", "title", "publisher", "published", "language")
#: Article fields strikewatch derives itself; values in the input are not trusted.
DERIVED_FIELDS = ("id", "content_hash", "origin_id", "ingested_at")


@dataclass
class IngestOptions:
    """How to ingest; `url`/`published`/`publisher` apply to a single plain file only."""

    allow_private: bool = False
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    fetch_feed_links: bool = True
    follow_links_out: bool = False  # read symbolic links leading out of an ingested folder


@dataclass
class IngestReport:
    """What a run did: new article ids, duplicates, wire copies linked, skips, warnings."""

    ingested: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (name, stored id)
    linked: list[tuple[str, str]] = field(default_factory=list)  # (article id, origin id)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # non-article files found in folders
    languages: dict[str | None, int] = field(default_factory=dict)  # ingested, by language
    dated_copies: list[str] = field(default_factory=list)  # earlier copies given a date

    def summary(self) -> str:
        """One line; ignored files are named (up to three) so nobody has to guess."""
        names = ", ".join(Path(n).name for n in self.ignored[:3])
        more = f" and {len(self.ignored) - 3} more" if len(self.ignored) > 3 else ""
        kinds = " ".join(sorted({Path(n).suffix.lower() or "no extension"
                                 for n in self.ignored}))
        return (
            f"{len(self.ingested)} ingested, {len(self.duplicates)} duplicates, "
            f"{len(self.linked)} linked to an earlier copy, {len(self.skipped)} skipped"
            + (f"; ignored {names}{more} ({kinds}: not an article format)"
               if self.ignored else "")
        )

    @staticmethod
    def ignored_reason(name: str) -> str:
        """Why a file found in a folder was not read."""
        suffix = Path(name).suffix.lower() or "no extension"
        return f"{suffix}: not one of {' '.join(sorted(KNOWN_EXT))}"


class Ingestor:
    """One ingest run against a store; call `run_unit` for each unit of `plan(inputs)`."""

    def __init__(self, store: Store, options: IngestOptions | None = None) -> None:
        self.store = store
        self.options = options or IngestOptions()
        self.report = IngestReport()
        self.origins = OriginLinker.over(store)
        self._client: httpx.Client | None = None
        self._single_file = False

    # --- planning ---------------------------------------------------------------------

    def plan(self, inputs: list[str]) -> list[Unit]:
        """The units to read; metadata options need exactly one plain file."""
        units = expand(inputs, self.options.follow_links_out)
        meta = (self.options.url, self.options.published, self.options.publisher)
        if any(meta):
            if len(units) != 1 or units[0].kind != "file":
                raise ValueError("--url/--published/--publisher need exactly one input file")
            self._single_file = True
        return units

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = make_client(self.options.allow_private, self.options.timeout)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # --- reading ----------------------------------------------------------------------

    def run_unit(self, unit: Unit) -> None:
        """Read one unit and store what it holds; never raises for a bad input."""
        if unit.kind == "ignored":
            self.report.ignored.append(unit.name)
            return
        if unit.kind == "skipped":
            self.report.skipped.append((unit.name, unit.reason))
            return
        try:
            for item in self._items(unit):
                if isinstance(item, Skip):
                    self.report.skipped.append((item.name, item.reason))
                    continue
                try:
                    self._store_item(item)
                except StoreError:
                    raise
                except Exception as exc:  # one broken item never stops the rest of its file
                    name = str(item.get("source") or unit.name)
                    self.report.skipped.append((name, f"{type(exc).__name__}: {exc}"))
        except StoreError:
            raise  # the database failed, not the input: stop (a re-run resumes)
        except Exception as exc:  # one broken input never stops the batch
            self.report.skipped.append((unit.name, f"{type(exc).__name__}: {exc}"))

    def _items(self, unit: Unit) -> Iterator[dict[str, Any] | Skip]:
        if unit.kind == "missing":
            yield Skip(unit.name, "no such file, folder or URL")
        elif unit.kind == "file":
            for item in file_items(Path(unit.name)):
                if self._single_file and not isinstance(item, Skip):
                    for key in ("url", "published", "publisher"):
                        value = getattr(self.options, key)
                        if value:
                            item[key] = value
                yield item
        else:
            yield from self._url_items(unit.name)

    def _url_items(self, url: str) -> Iterator[dict[str, Any] | Skip]:
        if self.store_has_url(url):
            yield {"url": url, "source": url, "_known": True}
            return
        try:
            got = fetch(url, self.client, allow_private=self.options.allow_private,
                        max_bytes=self.options.max_bytes,
                        max_seconds=self.options.timeout)
        except FetchError as exc:
            yield Skip(url, str(exc))
            return
        if not got.content.strip():
            yield Skip(url, "empty response")
            return
        if looks_like_feed(got.content, got.content_type):
            for entry in feed_items(got.content, url):
                if isinstance(entry, Skip):
                    yield entry
                    continue
                try:
                    yield self._feed_entry(entry)
                except FetchError as exc:  # one dead entry never stops the rest of the feed
                    yield Skip(entry.get("url") or entry["source"], str(exc))
            return
        ext = kind_of_response(got.content_type, got.url or url, got.content[:1024])
        for item in bytes_items(got.content, url, ext, got.charset):
            if not isinstance(item, Skip) and ext in (".txt", ".html"):
                item["url"] = got.url or url  # where the page was found, after redirects
            yield item

    def _feed_entry(self, entry: dict[str, Any]) -> dict[str, Any]:
        """A feed entry with its linked page fetched (falling back to the entry's content)."""
        link = entry.get("url")
        if not link or not self.options.fetch_feed_links:
            return entry
        if self.store_has_url(link):
            return {**entry, "_known": True}
        try:
            got = fetch(link, self.client, allow_private=self.options.allow_private,
                        max_bytes=self.options.max_bytes,
                        max_seconds=self.options.timeout)
            entry = {**entry, "html": decode_bytes(got.content, got.charset)}
        except (FetchError, DecodeError) as exc:
            if not (entry.get("html") or "").strip():
                raise FetchError(
                    f"feed entry: page unavailable ({exc}), no content in feed"
                ) from exc
            self.report.warnings.append((link, f"used the feed's summary: {exc}"))
        return entry

    def store_has_url(self, url: str) -> bool:
        return self.store.find_article(url=url) is not None

    # --- storing ----------------------------------------------------------------------

    def to_article(self, item: dict[str, Any]) -> Article:
        """An `Article` from a raw item; ValueError when it has no text."""
        name = item.get("source") or "input"
        extra = {k: v for k, v in item.items()
                 if k not in (*ARTICLE_FIELDS, *DERIVED_FIELDS, "text", "html", "source")
                 and not k.startswith("_")}
        if item.get("id") not in (None, ""):
            extra["external_id"] = str(item["id"])  # our ids come from content, never input
        fields: dict[str, Any] = {k: item.get(k) for k in ARTICLE_FIELDS}
        text = item.get("text")
        html = item.get("html") if isinstance(item.get("html"), str) else None
        if not (isinstance(text, str) and text.strip()) and html:
            url = item.get("url")
            page = html_main_text(html, url=url if isinstance(url, str) else None)
            text = page.text
            for key in ("title", "publisher"):
                if not fields.get(key) and getattr(page, key):
                    fields[key] = getattr(page, key)
        if not isinstance(text, str) or not text.strip():
            raise ValueError("no text (an empty page or document)")
        for key in ("url", "title", "publisher"):
            if fields.get(key) is not None and not isinstance(fields[key], str):
                fields[key] = str(fields[key])
        text = text.strip()
        tree = page_tree(html) if html else None  # parsed once, read by both below
        from_feed = bool(item.get("_feed_entry"))
        fields["published"], fields["published_source"], notes = recover_published(
            supplied=None if from_feed else fields["published"],
            feed=fields["published"] if from_feed else None,
            tree=tree, url=fields.get("url"), text=text)
        outcome = (f"used the {fields['published_source']} date {fields['published']}"
                   if fields["published"] else "published left unknown")
        for note in notes:
            self.report.warnings.append((name, f"{note}; {outcome}"))
        supplied = fields.get("language")
        fields["language"], fields["language_source"] = article_language(supplied, text, tree)
        if supplied not in (None, "") and fields["language_source"] != "supplied":
            self.report.warnings.append((name, f"language {supplied!r} is not a language code "
                                         f"or name; {fields['language_source'] or 'unknown'}: "
                                         f"{fields['language'] or 'left unknown'}"))
        return Article(text=text, source=name, **fields, **extra)

    def _store_item(self, item: dict[str, Any]) -> None:
        name = str(item.get("source") or "input")
        if item.get("_known"):
            found = self.store.find_article(url=item["url"])
            self.report.duplicates.append((name, found.id if found else ""))
            return
        try:
            article = self.to_article(item)
        except (ValueError, TypeError) as exc:
            self.report.skipped.append((name, str(exc)))
            return
        mh = minhash(article.text)
        near = self.origins.index.origin_for(mh)
        if near is not None:  # an earlier copy known now: an undated copy takes its date
            article.origin_id = near[0]
            self._date_from_origin(article)
        self.origins.signature = mh  # and linked again inside the write (OriginLinker)
        stored, is_new = self._add_with_retry(article, to_bytes(mh))
        if not is_new:
            self.report.duplicates.append((name, stored.id))
            return
        self.origins.index.add(stored.id, stored.origin_id, mh)
        self.report.ingested.append(stored.id)
        self.report.languages[stored.language] = self.report.languages.get(stored.language,
                                                                           0) + 1
        if stored.origin_id != stored.id:
            self.report.linked.append((stored.id, stored.origin_id))
            if stored.published is not None and stored.published_source != "origin-copy":
                # earlier copies stored undated take this copy's date (and are read again)
                origin, day = stored.origin_id, stored.published
                self.report.dated_copies += self._retrying(
                    stored, lambda: self.store.date_origin_copies(origin, day))

    def _date_from_origin(self, article: Article) -> None:
        """An undated wire copy takes the date stored for its origin's other copies."""
        if article.published is not None:
            return
        origin = article.origin_id
        found = self._retrying(article, lambda: self.store.origin_published(origin))
        if found is not None and plausible(found, datetime.now(UTC)):
            article.published, article.published_source = found, "origin-copy"


    def _add_with_retry(self, article: Article, signature: bytes) -> tuple[Article, bool]:
        """`store.add_article`, retried while the database is briefly unreachable.

        Safe to repeat: a write that did commit before its connection dropped is found
        again by content hash and reported as a duplicate, never stored twice.
        """
        return self._retrying(article, lambda: self.store.add_article(
            article, signature=signature, link=self.origins))

    def _retrying(self, article: Article, call: Callable[[], T]) -> T:
        """One store call for this article, retried while the database is briefly
        unreachable (a restart mid-batch): every call the storing of an article makes,
        reads included, so a restart never stops the batch wherever it lands."""
        for delay in DB_RETRY_DELAYS:
            try:
                return call()
            except StoreUnavailable as exc:
                self.report.warnings.append(
                    (article.source or article.id, f"database error, retrying: {exc.orig}"))
                time.sleep(delay)
        return call()

class OriginLinker:
    """Links each new article to the origin of a stored near-identical copy, if any.

    Called by `Store.add_article` inside its write, with other writers held off, on the
    signatures stored since the last call: a copy another ingest stored a moment ago (two
    ingests at once) is in the index before this article is linked. The index was built
    once per run, so two concurrent runs each counted one wire story as its own origin.
    """

    #: Stamps are taken under the writers' lock right before a commit: an article stored
    #: after the index was read carries a stamp later than this long before the read.
    MARGIN = timedelta(seconds=60)

    def __init__(self) -> None:
        self.index = OriginIndex()
        self.since: str | None = None
        self.signature: LeanMinHash | None = None  # of the article being stored

    @classmethod
    def over(cls, store: Store) -> Self:
        """A linker whose index holds every signature stored now."""
        linker = cls()
        linker.since = (datetime.now(UTC) - cls.MARGIN).isoformat(timespec="microseconds")
        linker.index = OriginIndex.from_signatures(store.signatures())
        return linker

    def __call__(self, article: Article, newer: list[SignatureRow]) -> None:
        for article_id, origin_id, data, stamp in newer:
            self.index.add_stored(article_id, origin_id, data)
            if stamp and (self.since is None or stamp > self.since):
                self.since = stamp
        if self.signature is not None:
            near = self.index.origin_for(self.signature)
            if near is not None:
                article.origin_id = near[0]


def kind_of_response(content_type: str, url: str, head: bytes = b"") -> str:
    """The document kind of an HTTP response, as a file extension (JSON dumps included).

    A page served as text/plain that starts like an HTML document is read as HTML (its
    main text extracted, not its tags stored as the article)."""
    path = urlsplit(url).path.lower()
    if "ndjson" in content_type or "jsonl" in content_type or path.endswith((".jsonl",
                                                                          ".ndjson")):
        return ".jsonl"
    if "json" in content_type or path.endswith(".json"):
        return ".json"
    if content_type.startswith("text/plain"):
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return ".html" if start.startswith((b"<!doctype html", b"<html")) else ".txt"
    return ".html"


def ingest(
    inputs: list[str],
    store: Store,
    options: IngestOptions | None = None,
    on_unit: Callable[[Unit], None] | None = None,
) -> IngestReport:
    """Ingest every input into the store; `on_unit` is called after each unit (progress)."""
    ingestor = Ingestor(store, options)
    try:
        for unit in ingestor.plan(inputs):
            ingestor.run_unit(unit)
            if on_unit is not None:
                on_unit(unit)
    finally:
        ingestor.close()
    return ingestor.report

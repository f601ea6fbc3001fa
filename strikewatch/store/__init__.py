"""store: the ledger on SQLAlchemy 2 (SQLite by default, PostgreSQL by URL), with Alembic.

The interface below is what every other step uses; nothing outside this package writes SQL
or sees SQLAlchemy: the SQL store raises the project's errors (errors.StoreError, and
StoreUnavailable when the database is locked, full or unreachable).
`open_store(None)` opens `STRIKEWATCH_DB` or `./strikewatch.db`; a plain path means SQLite,
anything with `://` is an SQLAlchemy URL (e.g. `postgresql+psycopg://user@localhost/db`).
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from strikewatch.errors import StaleStore
from strikewatch.records import Article, Incident, Mention, Review, Tally

DEFAULT_DB = "strikewatch.db"


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for a --db value, the STRIKEWATCH_DB variable, or the default."""
    db = db or os.environ.get("STRIKEWATCH_DB") or DEFAULT_DB
    return db if "://" in db else f"sqlite:///{db}"


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL (None for other databases and in-memory SQLite): what a
    read-only command checks exists before opening, so a mistyped --db creates nothing."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # not a URL SQLAlchemy understands: open_store says why
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return str(parsed.database)


#: Distinct words of a free-text search (IncidentQuery.text, .actor): each is one term of
#: the full-text query; a search of hundreds is refused early with a clear message.
MAX_SEARCH_WORDS = 32
_WORD = re.compile(r"\w+")


def search_words(text: str) -> list[str]:
    """The words a search matches, as the full-text index holds them: lower case, no
    accents, split at anything not a letter or digit ("al-Tabbaneh" -> al, tabbaneh)."""
    from strikewatch.geo.gazetteer import fold

    return list(dict.fromkeys(_WORD.findall(fold(text).lower())))


#: Where the API stops counting the matches of a query whose total is not kept
#: (words, actors, dates, place names): an exact count of a common word at a million
#: incidents reads hundreds of thousands of index entries per page, a capped one at most
#: this many. The API answers `total_exact: false` past it; the pages, the CLI and the
#: exports count exactly (store.count_incidents).
COUNT_CAP = 10_000


@dataclass
class IncidentQuery:
    """Filters for the ledger (CLI `incidents`, API `/api/incidents`, web ledger).

    Dates select incidents whose [date_low, date_high] interval overlaps [date_from,
    date_to]; incidents with unknown dates match only when no date filter is given.
    Sorting puts unknown values last, ties broken by id.
    """

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None  # ISO alpha-2, or a sea's name ("Caribbean Sea")
    status: str | None = None
    grade: str | None = None
    event_type: str | None = None
    actor: str | None = None  # case-insensitive substring of actor1/actor2 name
    text: str | None = None  # free-text search over place, actors, evidence
    sort: str = "date_low"  # a column name, "-" prefix for descending
    limit: int = 100  # 0 or less: no limit
    offset: int = 0
    # keyset paging: the rows after the one this cursor names (page_cursor of the last
    # row of the page before), in the same sort; reads no skipped rows at any depth
    after: str | None = None
    # more filters: sub_event_type, target_kind, domain, background ("true"/"false"),
    # min_killed (killed_low >= n); an unknown key raises ValueError
    extra: dict[str, str] = field(default_factory=dict)


class BadCursor(ValueError):
    """A paging cursor that is not one `page_cursor` made, or was made for another sort."""


def _sort_value(incident: Incident, column: str) -> Any:
    """The value of a sort column for a record (what the store's column holds)."""
    if column == "country":
        return incident.place.country if incident.place else None
    if column == "place_name":
        return incident.place.name if incident.place else None
    return getattr(incident, column)


def page_cursor(incident: Incident, sort: str) -> str:
    """The cursor of a row: IncidentQuery.after with it reads the rows after this one in
    this sort. Opaque to users (URL-safe base64 of the sort, the row's sort value and id)."""
    raw = json.dumps([sort, _sort_value(incident, sort.lstrip("-")), incident.id],
                     separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")


def read_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """(sort value, id) of a cursor made for `sort`; BadCursor, saying what to do, if not."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, value, row_id = json.loads(raw.decode("utf-8"))
        if not isinstance(made_for, str) or not isinstance(row_id, str) or not (
                value is None or isinstance(value, (str, int))) or isinstance(value, bool):
            raise ValueError
    except (ValueError, TypeError, UnicodeDecodeError):
        raise BadCursor(f"after: {cursor[:40]!r} is not a page cursor; pass the `next` "
                        "value of the page before") from None
    if made_for != sort:
        raise BadCursor(f"after: the cursor was made for sort {made_for!r}, not {sort!r}; "
                        "keep the sort while paging, or start again without `after`")
    return value, row_id


@dataclass
class SavedResolve:
    """The resolver's state as saved beside the ledger (tables resolve_*; schema.py says why
    rows and not a blob)."""

    version: int
    generation: int  # bumped by every save; a save from an older one is refused
    edges: dict[tuple[str, str], float] = field(default_factory=dict)  # (a < b) -> p
    members: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    # mention id -> (cluster key, None for a tally mention; fingerprint)


@dataclass
class ResolveSave:
    """What `write_ledger` saves with the ledger: the new state, and the one it grew from
    (`base`, None when nothing was saved), so only the difference is written."""

    version: int
    edges: dict[tuple[str, str], float]
    members: dict[str, tuple[str | None, str]]
    base: SavedResolve | None = None


@dataclass
class LedgerWrite:
    """What one ledger write changed (rows left as they were are not rewritten)."""

    inserted: int = 0  # incidents new or changed
    deleted: int = 0  # incidents gone
    unchanged: int = 0
    redirects: int = 0  # old incident ids now redirected


@dataclass(frozen=True)
class FailedExtraction:
    """An article whose last extraction failed (Store.failed_extractions)."""

    article_id: str
    error: str
    attempts: int  # failures in a row by `failed_by`
    failed_by: str | None  # the reader (name@version) that failed last
    language: str | None


#: (article id, origin id, MinHash bytes, ingested_at) of one stored article.
SignatureRow = tuple[str, str, bytes, str]


class OriginLink(Protocol):
    """What `Store.add_article` calls inside its write to link an article to its origin."""

    since: str | None  # the newest ingested_at the caller has seen (None: nothing yet)

    def __call__(self, article: Article, newer: list[SignatureRow]) -> None: ...


class StaleState(StaleStore):
    """The saved resolver state changed (another process saved) since it was loaded: the
    write was rolled back; load and resolve again."""


class ArticleStore(Protocol):
    """Articles: stored once each (same URL or same text), with their wire-copy origin."""

    def add_article(
        self, article: Article, signature: bytes | None = None,
        link: OriginLink | None = None,
    ) -> tuple[Article, bool]:
        """Store the article unless the same URL or text is stored; (stored article, is_new).

        `signature`: the article's serialized MinHash (see strikewatch.ingest.neardup).
        `link`: called inside the write, with the other writers held off, on the article
        about to be stored and the signatures stored since `link.since` (by anyone, other
        processes included), so it can set `article.origin_id` from what is stored now
        rather than from what was stored when its run began.
        """
        raise NotImplementedError

    def add_articles(
        self,
        items: Sequence[tuple[Article, bytes | None]],
        before_insert: Callable[[Article], None] | None = None,
        link: OriginLink | None = None,
    ) -> list[tuple[Article, bool]]:
        """add_article for many (article, signature) pairs, in order; bulk loads use it.

        The result is what calling add_article on each in turn would give. `before_insert`
        is called, in order, on each article about to be stored as new (after the duplicate
        check, before the write), so a caller can still link it to an earlier wire copy.
        `link`, as add_article's, makes the write wait for other article writers (ingests,
        batches) and shows it the signatures they stored meanwhile.
        """
        out = []
        for article, signature in items:
            if before_insert is not None and self.find_article(article.url, article.text) is None:
                before_insert(article)
            out.append(self.add_article(article, signature, link))
        return out

    def find_article(self, url: str | None = None, text: str | None = None) -> Article | None:
        """The stored article with this URL (normalised) or this text, if any."""
        raise NotImplementedError

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        """(article id, origin id, MinHash bytes) of every article stored with one."""
        raise NotImplementedError

    def unextracted_article_ids(
        self, languages: Collection[str | None] | None = None
    ) -> list[str]:
        """Articles with no stored extraction yet (new, or interrupted before extract), in
        ingestion order; with `languages`, only those whose `language` is one of them (None
        in it: articles of unknown language too)."""
        raise NotImplementedError

    def unextracted_by_language(self) -> dict[str | None, int]:
        """How many articles have no stored extraction, by language (None: unknown). With
        ingest.language.has_reader, the articles kept unread for want of a reader."""
        raise NotImplementedError

    def origin_published(self, origin_id: str) -> str | None:
        """The earliest `published` stored for an article of this origin, if any."""
        raise NotImplementedError

    def date_origin_copies(self, origin_id: str, published: str) -> list[str]:
        """Give the undated articles of this origin `published` (source "origin-copy") and
        mark them for extraction again, so their relative dates resolve; their ids."""
        raise NotImplementedError

    def count_origins(self) -> int:
        """Distinct origins: independent stories, wire copies counted once."""
        raise NotImplementedError

    def get_article(self, article_id: str) -> Article | None:
        raise NotImplementedError

    def get_articles(self, article_ids: Iterable[str]) -> dict[str, Article]:
        """The stored articles with these ids, by id (unknown ids are left out)."""
        raise NotImplementedError

    def resolve_articles(
        self, article_ids: Iterable[str], with_text: Iterable[str] = ()
    ) -> dict[str, Article]:
        """The stored articles with these ids, by id, as far as resolution reads them: every
        field but `text`, which is left empty except for the ids in `with_text` (resolution
        reads the text of tally mentions' articles only; reading and validating every
        article's full text was much of an incremental update's cost)."""
        return self.get_articles(article_ids)

    def articles(self, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        raise NotImplementedError

    def count_articles(self) -> int:
        raise NotImplementedError


class MentionStore(Protocol):
    """Mentions: what extraction read in each article; replaced whole per article."""

    def replace_mentions(self, article_id: str, mentions: Iterable[Mention],
                         extracted_by: str | None = None) -> None:
        """Replace the machine mentions of one article (re-extraction is idempotent), and
        record which extractor (name@version) read it; clears an earlier extraction error."""
        raise NotImplementedError

    def replace_mentions_many(self, by_article: Mapping[str, Iterable[Mention]],
                              extracted_by: str | None = None) -> None:
        """replace_mentions for many articles in one transaction (bulk loads: batch)."""
        for article_id, mentions in by_article.items():
            self.replace_mentions(article_id, mentions, extracted_by)

    def record_extract_error(self, article_id: str, error: str,
                             extracted_by: str | None = None) -> None:
        """Keep why extracting the article failed (naming `extracted_by`, the extractor
        that failed); it stays unextracted, so the next run retries it. Its mentions from
        an earlier read, if any, and the name of the extractor that made them are left as
        they were."""
        raise NotImplementedError

    def extract_errors(self) -> list[tuple[str, str, str | None]]:
        """(article id, error, extractor) of every article whose last extraction failed."""
        raise NotImplementedError

    def failed_extractions(self) -> list[FailedExtraction]:
        """The articles left unextracted by a failure: how many times in a row it failed,
        by which reader, and their language (what `ingest` needs to hold one back)."""
        raise NotImplementedError

    def article_ids(self, where: Sequence[tuple[str, str, str]] = ()) -> list[str]:
        """Ids of the stored articles, in ingestion order; only those matching every
        (column, operator, value) of `where` (strikewatch reextract --where)."""
        raise NotImplementedError

    def mentions(self, article_id: str | None = None, kind: str | None = None
                 ) -> Iterator[Mention]:
        """Stored mentions, by article then position; only one article's, or one kind's
        ("event" or "tally"), when asked."""
        raise NotImplementedError

    def count_mentions(self) -> int:
        raise NotImplementedError

    def get_mentions(self, mention_ids: Iterable[str]) -> list[Mention]:
        """The stored mentions with these ids (unknown ids are left out), in the given order."""
        raise NotImplementedError


class LedgerStore(Protocol):
    """The ledger: resolved incidents and tallies, written as a diff, read with filters."""

    def replace_ledger(self, incidents: Iterable[Incident], tallies: Iterable[Tally]) -> None:
        """Swap in a newly resolved ledger in one transaction (reviews are untouched)."""
        self.write_ledger(incidents, tallies)

    def write_ledger(
        self,
        incidents: Iterable[Incident],
        tallies: Iterable[Tally],
        save: ResolveSave | None = None,
    ) -> LedgerWrite:
        """Make the ledger equal to these incidents and tallies in one transaction, writing
        only rows that changed; record a redirect for each incident id that left the
        ledger while most of its mentions now sit in another incident; and, with `save`,
        save the resolver's state in the same transaction (StaleState if `save.base` is no
        longer the saved state: nothing is written)."""
        raise NotImplementedError

    def incident_redirect(self, incident_id: str) -> str | None:
        """The live incident an old (no longer stored) incident id now points to, if any."""
        raise NotImplementedError

    def incidents(self, query: IncidentQuery | None = None) -> list[Incident]:
        raise NotImplementedError

    def count_incidents(self, query: IncidentQuery | None = None) -> int:
        """Incidents matching the filters (all pages), exactly."""
        return self.count_upto(query, None)[0]

    def count_upto(self, query: IncidentQuery | None, cap: int | None) -> tuple[int, bool]:
        """(matches, exact): a count that is not kept stops past `cap` and answers
        (cap, False), "more than cap" (COUNT_CAP says why); kept ones are exact."""
        raise NotImplementedError

    def get_incident(self, incident_id: str) -> Incident | None:
        raise NotImplementedError

    def tallies(self) -> list[Tally]:
        raise NotImplementedError


class ResolverStateStore(Protocol):
    """The resolver's saved state (links, clusters, fingerprints), written with the ledger."""

    def load_resolve_state(self) -> SavedResolve | None:
        """The resolver state saved with the ledger, or None if none was."""
        raise NotImplementedError


class ReviewStore(Protocol):
    """Reviews: a person's decisions, kept as records and applied to the ledger they change."""

    def add_review(self, review: Review) -> None:
        raise NotImplementedError

    def reviews(self, incident_id: str | None = None) -> list[Review]:
        raise NotImplementedError

    def record_review(self, review: Review, changed: Iterable[Incident],
                      removed: Iterable[str] = (), tallies: Iterable[Tally] | None = None,
                      base: Iterable[Incident] = ()) -> None:
        """Store a review together with its effect on the ledger (ledger.reviews), in one
        transaction: `changed` incidents replace theirs, `removed` ids leave the ledger
        with a redirect, and `tallies` (when given) replace the tallies, whose checks
        against the ledger it changed. `base`: the incidents the change was computed
        from; StaleStore (nothing written) when one is no longer stored as it was. The
        same review (same id) recorded twice is stored once."""
        raise NotImplementedError


class AccountStore(Protocol):
    """Users and sessions of the web app and the API (strikewatch.accounts holds the policy:
    hashing, expiry, idle limits; the store only keeps the rows). Session ids are the SHA-256
    of the cookie's token, never the token; times are ISO 8601 UTC strings."""

    def add_user(self, username: str, password_hash: str, role: str) -> None:
        """Create or replace a user; role is one of viewer, editor, admin.

        Replacing a user's password or role revokes all their sessions in the same
        transaction: whoever signed in under the old password or role must sign in again.
        """
        raise NotImplementedError

    def get_user(self, username: str) -> dict[str, str] | None:
        """{"username", "password_hash", "role", "created_at"} or None."""
        raise NotImplementedError

    def users(self) -> list[dict[str, str]]:
        raise NotImplementedError

    def delete_user(self, username: str) -> bool:
        """Remove a user and their sessions (one transaction); True when one was removed."""
        raise NotImplementedError

    def add_session(self, session_id: str, username: str, created_at: str, expires_at: str,
                    client: str | None = None) -> None:
        """Store a new session (and drop rows whose absolute expiry is past)."""
        raise NotImplementedError

    def get_session(self, session_id: str) -> dict[str, Any] | None:
        """The session with its user's current role: {"id", "username", "role",
        "created_at", "last_seen_at", "expires_at", "revoked_at", "client"}; None when
        unknown (its user deleted included)."""
        raise NotImplementedError

    def touch_session(self, session_id: str, at: str) -> bool:
        """Record activity on a session (for the idle limit); False when the write was
        skipped because the database was busy (best effort: the next request retries)."""
        raise NotImplementedError

    def revoke_session(self, session_id: str, at: str | None = None) -> bool:
        """End one session; True when a live (not yet revoked) one was ended."""
        raise NotImplementedError

    def revoke_sessions(self, username: str, at: str | None = None) -> int:
        """End every session of a user; how many were still unrevoked."""
        raise NotImplementedError

    def sessions(self, username: str | None = None) -> list[dict[str, Any]]:
        """Stored sessions (of one user, or all), newest first, without their ids' tokens."""
        raise NotImplementedError


class Store(ArticleStore, MentionStore, LedgerStore, ResolverStateStore, ReviewStore,
            AccountStore, Protocol):
    """A strikewatch database: the six protocols above, one transaction per write. A step
    that needs only part of it may ask for that protocol (a test double then implements
    only that part); strikewatch.store.sql.SqlStore implements them all."""

    url: str

    def close(self) -> None:
        """Release connections."""


def open_store(db: str | None = None) -> Store:
    """Open (and migrate to the latest schema) the store at a path or SQLAlchemy URL."""
    from strikewatch.store.sql import SqlStore

    return SqlStore(database_url(db))

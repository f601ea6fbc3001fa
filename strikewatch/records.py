"""The records every step of strikewatch speaks (see ../shared/spec/records.md).

This module is the one home of the record types: ingest produces `Article`, extract
produces `Mention`, resolve produces `Incident` and `Tally`, people produce `Review`.
No other module re-defines them. Field names follow the spec exactly, because the
exports, the API and the evaluation all read them; new fields may be added, none renamed.

Ids are derived from content (`stable_id`), so re-running a step on the same input yields
the same ids and an interrupted batch resumes without duplicates.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# --- vocabularies -----------------------------------------------------------------------

MentionKind = Literal["event", "tally"]
Status = Literal["occurred", "planned", "threatened", "denied", "hypothetical"]
STATUSES: tuple[Status, ...] = ("occurred", "planned", "threatened", "denied", "hypothetical")
Grade = Literal["confirmed", "fair", "weak", "contested", "discounted"]
GRADES: tuple[Grade, ...] = ("confirmed", "fair", "weak", "contested", "discounted")
TargetKind = Literal["vessel", "vehicle", "building", "facility", "group", "person", "unknown"]
Domain = Literal["land", "sea", "air"]
Action = Literal[
    "designation", "authorization", "deployment", "training", "agreement", "statement", "other"
]
PlaceKind = Literal["populated place", "admin area", "country", "sea", "other"]
AttributionKind = Literal[
    "outlet", "official", "government", "military", "ngo", "analyst", "witness", "document",
    "unknown",
]
ReviewAction = Literal["accept", "edit", "merge", "split", "reject"]

#: ACLED event types and their sub-event types (spec/records.md, "Event taxonomy").
EVENT_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon",
    ),
    "Violence against civilians": (
        "Attack", "Abduction/forced disappearance", "Sexual violence",
    ),
    "Protests": (
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}

#: The event types that are no act of violence (a truce, an arrest, a protest, a riot): no
#: strike, never an occurred violent incident, a recalled strike or a party's record.
NOT_VIOLENT_TYPES: frozenset[str] = frozenset({"Strategic developments", "Protests", "Riots"})

#: The count fields every mention, incident and tally may carry, each as <name>_low/_high.
COUNT_FIELDS: tuple[str, ...] = (
    "killed", "injured", "civilians_killed", "children_killed", "survivors", "missing",
    "strikes",
)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id from the given parts: the same input always gives the same id."""
    h = hashlib.sha256()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def iso_date(value: str | None) -> dt.date | None:
    """The day of an ISO 8601 date or date-time field, or None when absent or unreadable.

    Records keep dates as ISO strings (the exchange format); this is the one reader of them.
    """
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def content_hash(text: str) -> str:
    """Hash of an article's text, whitespace-normalised so re-encoded copies hash alike."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class Record(BaseModel):
    """Base for all records: tolerant of extra fields (the spec lets formats grow)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)


# --- provenance -------------------------------------------------------------------------


class Span(Record):
    """Character offsets [start, end) into one article's text; `text` is that slice."""

    article_id: str
    start: int
    end: int
    text: str = ""


class Evidence(Span):
    """A provenance span with the whole sentence(s) it stands in: the unit of evidence a
    reader is shown (pages, API, exports), with the span as its key phrase.

    Never stored: derived from the stored article text when the article is read
    (strikewatch.ledger.evidence). `sentence_start`/`sentence_end` are offsets into the same
    article text; all three stay empty when the article is not stored.
    """

    sentence: str = ""
    sentence_start: int | None = None
    sentence_end: int | None = None


# --- articles ---------------------------------------------------------------------------


class Article(Record):
    id: str = ""
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, None when unknown
    # where `published` came from: supplied | feed | html-meta | url | dateline | origin-copy
    # (strikewatch.ingest.published, in that order of trust); None when unknown
    published_source: str | None = None
    language: str | None = "en"  # ISO 639-1; None when it could not be told
    # where `language` came from: supplied | detected | html-lang (ingest.language)
    language_source: str | None = None
    text: str
    content_hash: str = ""
    origin_id: str = ""  # articles that are copies of one wire story share an origin
    source: str | None = None  # the file path or URL it was ingested from
    ingested_at: str | None = None
    extracted_by: str | None = None  # the extractor that read it, "name@version" (store)

    def model_post_init(self, __context: Any) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        if not self.id:
            self.id = self.content_hash[:16]
        if not self.origin_id:
            self.origin_id = self.id


class Source(Record):
    """One article backing an incident or tally, with the origin it counts under."""

    article_id: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    published_source: str | None = None  # as Article.published_source
    language: str | None = None
    origin_id: str | None = None
    extracted_by: str | None = None  # the extractor that read it, "name@version"
    # a page with no publication date: the latest day it names and where it was read
    # (as Mention.page_after / page_after_source); never its publication date
    page_after: str | None = None
    page_after_source: str | None = None

    @classmethod
    def of(cls, article_id: str, article: Article | None) -> Source:
        """The source record of one article (None: an article no longer stored)."""
        a = article
        return cls(
            article_id=article_id, url=a.url if a else None,
            publisher=a.publisher if a else None, published=a.published if a else None,
            published_source=a.published_source if a else None,
            language=a.language if a else None,
            origin_id=(a.origin_id if a else None) or article_id,
            extracted_by=a.extracted_by if a else None,
        )


# --- what an article reports ------------------------------------------------------------


class Place(Record):
    name: str | None = None
    admin1: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2; None at sea
    latitude: float | None = None
    longitude: float | None = None
    kind: PlaceKind | None = None
    geonameid: int | None = None
    geo_precision: int | None = None  # 1 exact … 5 country, 6 sea; None unknown
    # At sea "off the coast of X": the coast's country, while `country` stays None (the
    # text places the event off X, not in it). Lets merging and maps group by coast.
    near_country: str | None = None


class Actor(Record):
    name: str
    type: str | None = None  # e.g. state_forces, government, intelligence, non_state, civilians
    country: str | None = None  # ISO alpha-2 of the state it belongs to, if any


class Attribution(Record):
    kind: AttributionKind = "unknown"
    name: str | None = None
    count: int | None = None
    anonymous: bool = False
    affiliation: str | None = None
    span: Span | None = None


class Quote(Record):
    speaker: str | None = None
    text: str
    span: Span | None = None


class EventFields(Record):
    """Fields shared by mentions, incidents and tallies."""

    event_type: str | None = None
    sub_event_type: str | None = None
    action: Action | None = None
    target_kind: TargetKind | None = None
    domain: Domain | None = None
    status: Status = "occurred"
    background: bool = False
    hedges: list[str] = Field(default_factory=list)
    date_low: str | None = None
    date_high: str | None = None
    time_precision: int | None = None
    place: Place | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    civilians_killed_low: int | None = None
    civilians_killed_high: int | None = None
    children_killed_low: int | None = None
    children_killed_high: int | None = None
    survivors_low: int | None = None
    survivors_high: int | None = None
    missing_low: int | None = None
    missing_high: int | None = None
    strikes_low: int | None = None
    strikes_high: int | None = None
    approx: list[str] = Field(default_factory=list)  # count fields given as "about N"
    # Field name ("killed", "date", "place", "actor1", "status", ...) -> the spans behind it.
    provenance: dict[str, list[Span]] = Field(default_factory=dict)


class Mention(EventFields):
    """One event or tally as one article reports it (all its sentences merged)."""

    id: str = ""
    article_id: str
    kind: MentionKind = "event"
    period_low: str | None = None  # tallies: the period the aggregate covers
    period_high: str | None = None
    attribution: list[Attribution] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)  # every sentence the mention rests on
    extractor: str = ""
    # tallies: every sea its sentences name ("in the Caribbean and Pacific": both), read once
    # at extraction, each with its span in provenance["regions"] (same order)
    regions: list[Place] = Field(default_factory=list)
    # events split from several strikes told together ("three strikes on four boats on
    # Monday", extract component day_strikes): which of them this one is (1, 2, 3...; the
    # extractor's numbering). Such a strike never links to a report of another closed toll,
    # nor to a strike of another article's operation of another size or, unless their tolls
    # say which is which, of another rank (features.hard_conflict)
    series_rank: int | None = None
    # how many strikes that operation counted ("three strikes on four boats": 3)
    series_size: int | None = None
    # and the day's toll it was told with, if one figure ("killing 14"): a report of that
    # many dead is the operation, not this strike
    series_killed: int | None = None
    # a page with no publication date: the latest day it names (ISO date; it was put out
    # on or after it: strikewatch.extract.page_window) and where that day was read:
    # stated | news (a day the page tells a strike of its own on, as news) | post |
    # dateline. Never the publication date; resolution compares the page's undated reports
    # with the strikes of the days around a news, post or dateline day
    # (features.PAGE_AFTER_DAYS)
    page_after: str | None = None
    page_after_source: str | None = None

    def model_post_init(self, __context: Any) -> None:
        if not self.id:
            first = min(((s.start, s.end) for s in self.spans), default=(0, 0))
            self.id = stable_id(self.article_id, self.kind, *first)


class Incident(EventFields):
    """One real-world event: the mentions of it across articles, merged and graded."""

    id: str = ""
    kind: Literal["incident"] = "incident"
    grade: Grade = "weak"
    grade_reason: str = ""
    flags: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    mention_ids: list[str] = Field(default_factory=list)
    # reports that told this strike's day whole ("three strikes on four vessels killed 14"),
    # beside reports of it alone (resolve/daywhole.py): their articles are among `sources`,
    # their spans in `provenance` (not under the counts); their summed toll is never this
    # strike's. Not in `mention_ids`: a report may tell several strikes this way
    told_whole_by: list[str] = Field(default_factory=list)
    attribution: list[Attribution] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    reviewed: bool = False
    # P(this is the best incident of a real strike), by the incident confidence model
    # (resolve/confidence.py) for violent occurred incidents; None where it did not judge
    confidence: float | None = None
    # for each field a review changed, the machine's value (kept for audit)
    machine: dict[str, Any] = Field(default_factory=dict)


class Reconciliation(Record):
    state: Literal["consistent", "inconsistent", "unknown"] = "unknown"
    ledger_incidents: int | None = None
    ledger_killed_low: int | None = None
    ledger_killed_high: int | None = None
    difference: int | None = None
    note: str = ""


class Tally(EventFields):
    """An aggregate claim ("at least 65 killed in over 15 strikes"), never an incident."""

    id: str = ""
    kind: Literal["tally"] = "tally"
    period_low: str | None = None
    period_high: str | None = None
    sources: list[Source] = Field(default_factory=list)
    mention_ids: list[str] = Field(default_factory=list)
    attribution: list[Attribution] = Field(default_factory=list)
    reconciliation: Reconciliation = Field(default_factory=Reconciliation)


class Review(Record):
    """A person's decision on the ledger; reviews always win over machine output."""

    id: str = ""
    action: ReviewAction
    incident_id: str
    user: str
    at: str  # ISO 8601 date-time, UTC
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    # merge: other incident ids; split: mention ids to move out; edit: changed fields.
    payload: dict[str, Any] = Field(default_factory=dict)
    note: str = ""

    def model_post_init(self, __context: Any) -> None:
        if not self.id:
            self.id = stable_id(self.action, self.incident_id, self.user, self.at)

"""What a filter means: one model for the ledger's filters, validated once.

`LedgerFilter` is the API's query-parameter model (`Annotated[LedgerFilter, Query()]`),
what the pages read from their URL and what `strikewatch incidents` builds from its
options. Every value is checked here, with one message per bad value ("date_from:
'2025-9-1' is not a date (YYYY-MM-DD)"), so the CLI (exit 2), the API (400) and the pages
(400) refuse the same values with the same words. `query()` turns it into the store's
IncidentQuery; `tally_matches` reads the same filters for an aggregate claim (the timeline
draws only the tallies that pass them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from strikewatch.errors import InputError
from strikewatch.ledger.places import asked_for, place_answers
from strikewatch.records import EVENT_TAXONOMY, GRADES, STATUSES, Place, Tally
from strikewatch.store import MAX_SEARCH_WORDS, IncidentQuery, read_cursor, search_words

#: Columns the ledger may be sorted by ("-" prefix for descending).
SORTABLE: tuple[str, ...] = (
    "date_low", "date_high", "killed_low", "killed_high", "grade", "status", "event_type",
    "country", "place_name", "id",
)
TARGET_KINDS = ("vessel", "vehicle", "building", "facility", "group", "person", "unknown")
DOMAINS = ("land", "sea", "air")
MAX_LIMIT = 1000
#: The deepest offset a page may ask for: skipping rows reads them all, so deeper pages
#: follow the cursor (`after`), which seeks straight to its row at any depth.
MAX_OFFSET = 10_000
#: The largest min_killed accepted.
MAX_COUNT = 10**9
_TRUE, _FALSE = ("true", "1", "yes"), ("false", "0", "no")


class FilterError(InputError):
    """A filter value that cannot be used; the message names the filter."""


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _choice(name: str, value: Any, choices: tuple[str, ...] | list[str]) -> str | None:
    text = _text(value)
    if text is not None and text not in choices:
        raise ValueError(f"{name}: {text!r} is not one of {', '.join(choices)}")
    return text


def _whole(name: str, value: Any, low: int, high: int) -> int | None:
    text = _text(value)
    if text is None:
        return None
    try:
        n = int(text)
    except ValueError:
        raise ValueError(f"{name}: {text!r} is not a whole number") from None
    if not low <= n <= high:
        raise ValueError(f"{name}: {n} is outside {low}..{high}")
    return n


class LedgerFilter(BaseModel):
    """The ledger's filters, sort and page; every field optional."""

    model_config = ConfigDict(extra="ignore")

    date_from: str | None = Field(None, description="incidents on or after this date "
                                                    "(YYYY-MM-DD)")
    date_to: str | None = Field(None, description="incidents on or before this date "
                                                  "(YYYY-MM-DD)")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code, or a sea's name")
    status: str | None = Field(None, description=", ".join(STATUSES))
    grade: str | None = Field(None, description=", ".join(GRADES))
    event_type: str | None = Field(None, description="ACLED event type")
    sub_event_type: str | None = Field(None, description="ACLED sub-event type")
    target_kind: str | None = Field(None, description=", ".join(TARGET_KINDS))
    domain: str | None = Field(None, description=", ".join(DOMAINS))
    background: bool | None = Field(None, description="true: only history recalled as "
                                                      "background; false: none of it")
    actor: str | None = Field(None, description="part of actor 1's or actor 2's name")
    q: str | None = Field(None, description="words to find in place, actors and evidence")
    min_killed: int | None = Field(None, description="killed (low) at least this")
    sort: str | None = Field(None, description=f"one of {', '.join(SORTABLE)}; "
                                               "'-' prefix for descending")
    limit: int | None = Field(None, description=f"rows per page, 1..{MAX_LIMIT}")
    offset: int | None = Field(None, description=f"rows to skip, at most {MAX_OFFSET}; "
                                                "deeper pages follow `after`")
    after: str | None = Field(None, description="the `next` cursor of the page before: "
                                                "the rows after its last row, in the same "
                                                "sort (any depth, no row skipped or repeated)")

    @field_validator("date_from", "date_to", mode="before")
    @classmethod
    def _date(cls, value: Any, info: Any) -> str | None:
        text = _text(value)
        if text is None:
            return None
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            day = None
        if day is None or day.isoformat() != text:  # 2025-9-1, 20250901: not YYYY-MM-DD
            raise ValueError(f"{info.field_name}: {text!r} is not a date (YYYY-MM-DD)")
        return text

    @field_validator("after", mode="before")
    @classmethod
    def _cursor(cls, value: Any) -> str | None:
        return _text(value)

    @field_validator("country", "actor", "q", mode="before")
    @classmethod
    def _plain(cls, value: Any, info: Any) -> str | None:
        text = _text(value)
        if info.field_name == "country" and text and len(text) == 2:
            return text.upper()
        if info.field_name in ("q", "actor") and text is not None:
            # each word is one full-text term; a query of thousands is refused early
            words = search_words(text)
            if len(words) > MAX_SEARCH_WORDS:
                raise ValueError(f"{info.field_name}: {len(words)} different words; search "
                                 f"with at most {MAX_SEARCH_WORDS}")
        return text

    @field_validator("status", "grade", "event_type", "sub_event_type", "target_kind",
                     "domain", mode="before")
    @classmethod
    def _closed(cls, value: Any, info: Any) -> str | None:
        choices: dict[str, tuple[str, ...] | list[str]] = {
            "status": STATUSES, "grade": GRADES, "event_type": list(EVENT_TAXONOMY),
            "sub_event_type": sorted({s for v in EVENT_TAXONOMY.values() for s in v}),
            "target_kind": TARGET_KINDS, "domain": DOMAINS}
        return _choice(info.field_name, value, choices[info.field_name])

    @field_validator("background", mode="before")
    @classmethod
    def _flag(cls, value: Any) -> bool | None:
        if isinstance(value, bool) or value is None:
            return value
        text = (_text(value) or "").lower()
        if not text:
            return None
        if text in _TRUE + _FALSE:
            return text in _TRUE
        raise ValueError(f"background: {value!r} is not true or false")

    @field_validator("min_killed", "limit", "offset", mode="before")
    @classmethod
    def _number(cls, value: Any, info: Any) -> int | None:
        if info.field_name == "offset":
            n = _whole("offset", value, 0, MAX_COUNT)
            if n is not None and n > MAX_OFFSET:
                raise ValueError(f"offset: {n} is past {MAX_OFFSET}; for deeper pages pass "
                                 "`after` = the `next` cursor of the page before (the API "
                                 "answers it with every page)")
            return n
        bounds = {"min_killed": (0, MAX_COUNT), "limit": (1, MAX_LIMIT)}[info.field_name]
        return _whole(info.field_name, value, *bounds)

    @field_validator("sort", mode="before")
    @classmethod
    def _sort(cls, value: Any) -> str | None:
        text = _text(value)
        if text is not None and text.lstrip("-") not in SORTABLE:
            raise ValueError(f"sort: {text!r} is not one of {', '.join(SORTABLE)} "
                             "(prefix '-' for descending)")
        return text

    @model_validator(mode="after")
    def _interval(self) -> LedgerFilter:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from is after date_to ({self.date_from} > {self.date_to})")
        if self.after is not None:
            if self.offset:
                raise ValueError("after and offset: page with one of them (after for deep "
                                 "pages)")
            read_cursor(self.after, self.sort or "date_low")  # BadCursor says what to do
        return self

    # --- building and using one ---------------------------------------------------------

    @classmethod
    def parse(cls, params: Mapping[str, Any]) -> LedgerFilter:
        """A filter from URL parameters or CLI options; FilterError on a bad value."""
        try:
            return cls.model_validate(dict(params))
        except ValidationError as exc:
            raise FilterError(describe(exc.errors())) from None

    def query(self, default_limit: int = 100) -> IncidentQuery:
        """The store's query; `default_limit` when no limit was given (0: no limit)."""
        extra = {k: str(v) for k, v in (
            ("sub_event_type", self.sub_event_type), ("target_kind", self.target_kind),
            ("domain", self.domain), ("min_killed", self.min_killed),
            ("background", None if self.background is None else str(self.background).lower()),
        ) if v is not None}
        return IncidentQuery(
            date_from=self.date_from, date_to=self.date_to, country=self.country,
            status=self.status, grade=self.grade, event_type=self.event_type,
            actor=self.actor, text=self.q, sort=self.sort or "date_low",
            limit=default_limit if self.limit is None else self.limit,
            offset=self.offset or 0, after=self.after, extra=extra)

    def params(self) -> dict[str, str]:
        """The filters (not sort or page) as URL parameters, for links that keep them."""
        skip = {"sort", "limit", "offset", "after"}
        out = {}
        for k, v in self.model_dump().items():
            if k not in skip and v is not None:
                out[k] = str(v).lower() if isinstance(v, bool) else str(v)
        return out


def describe(errors: list[Any]) -> str:
    """One message for a failed validation: our own words where a validator wrote them."""
    out = []
    for err in errors:
        ctx = err.get("ctx") or {}
        if isinstance(ctx.get("error"), ValueError) and str(ctx["error"]):
            out.append(str(ctx["error"]))
        else:
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
            out.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    return "; ".join(out) or "invalid filter"


# --- tallies --------------------------------------------------------------------------------


def _tally_text(t: Tally, regions: Sequence[Place]) -> str:
    """What a search (`q`) looks in for a tally: its places, actors and evidence."""
    bits: list[str | None] = []
    for p in [t.place, *regions]:
        if p is not None:
            bits += [p.name, p.admin1, p.country, p.near_country]
    for a in (t.actor1, t.actor2):
        if a is not None:
            bits += [a.name, a.country]
    bits += [s.text for spans in t.provenance.values() for s in spans]
    return " ".join(b for b in bits if b).lower()


def tally_matches(f: LedgerFilter, t: Tally, regions: Sequence[Place] = ()) -> bool:
    """Does an aggregate claim pass the ledger's filters? The same filters, read for a
    tally: its period overlaps the dates; its place or any region its sentences name
    (`regions`: its mentions' Mention.regions, "in the Caribbean and Pacific") is the
    country or sea; its own event type, status, actors, words and killed. A filter on
    something a tally does not carry (a grade: tallies are not graded; a field it leaves
    empty, such as an unknown place) leaves it out, as an incident without that value is
    left out."""
    low = t.period_low or t.date_low or t.period_high or t.date_high
    high = t.period_high or t.date_high or low
    if f.date_from and (high is None or high[:10] < f.date_from):
        return False
    if f.date_to and (low is None or low[:10] > f.date_to):
        return False
    if f.country:
        ask = asked_for(f.country)
        if not any(place_answers(ask, p) for p in [t.place, *regions] if p is not None):
            return False
    if f.grade is not None:
        return False
    for name in ("status", "event_type", "sub_event_type", "target_kind", "domain"):
        want_value = getattr(f, name)
        if want_value is not None and getattr(t, name) != want_value:
            return False
    if f.background is not None and t.background != f.background:
        return False
    if f.actor:
        actors = " ".join(a.name for a in (t.actor1, t.actor2) if a is not None).lower()
        if f.actor.lower() not in actors:
            return False
    if f.q and not all(w in _tally_text(t, regions) for w in f.q.lower().split()):
        return False
    return f.min_killed is None or (t.killed_low or 0) >= f.min_killed

"""Linking features of a mention, and the hard rules two mentions of one event must obey.

Everything here is a pure function of one mention (plus its article's metadata) or of a pair,
so pairwise scores never depend on what else is in the batch: that is what lets the
incremental resolver reproduce a from-scratch run exactly.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from strikewatch.extract.counts import ORDINAL_VALUES, ranks_up_to
from strikewatch.extract.es.lexicon import ORDINALS as ES_ORDINALS
from strikewatch.geo.gazetteer import coasts
from strikewatch.records import Actor, Article, EventFields, Mention, Place, iso_date

#: Radius (km) a place stands for, by spec geo_precision: 1 exact … 5 country, 6 sea.
PRECISION_RADIUS_KM: dict[int, float] = {1: 5.0, 2: 25.0, 3: 60.0, 4: 250.0, 5: 800.0, 6: 1500.0}
#: Two precise places (geo_precision <= 3) further apart than this are different events.
MAX_PRECISE_DISTANCE_KM = 150.0
#: A point we cannot place in a sea may still be in a named sea within this distance (km)
#: of the sea's reference point; further away it is elsewhere.
SEA_VS_POINT_MAX_KM = 3000.0
#: Dated mentions get blocking keys for every day of their interval; wider than this, none.
MAX_BLOCK_INTERVAL_DAYS = 35
#: An undated mention may be about anything in the week before its article was published.
UNDATED_LOOKBACK_DAYS = 7
#: A page with no publication date was put out on or after the latest day it names
#: (`Mention.page_after`) and, news telling of its last days, within this many days after
#: it: its undated reports block on the days from UNDATED_LOOKBACK_DAYS before that day to
#: this many after it, in their own areas (never the catch-all zone).
PAGE_AFTER_DAYS = 14
#: The `Mention.page_after_source` values that bound a page from above as well: a day the
#: page tells its own news strike on, an embedded post's or a dateline's day, the day a
#: statement was made ("said"), a photo caption's, a day told with its own weekday, a URL
#: day the page's days settle, the URL's month (window to the month's end). A day named
#: only in passing ("stated": a recalled strike, a hearing) may be months before the page.
PAGE_AFTER_SOURCES = frozenset({"news", "post", "dateline", "said", "caption", "weekday",
                                "url", "url-month"})
#: Two day-precise dates further apart than this (days) are different events.
MAX_PRECISE_DATE_GAP = 2

_SEA_NOISE = {
    "the", "sea", "ocean", "gulf", "of", "eastern", "western", "northern", "southern",
    "east", "west", "north", "south", "central", "international", "waters", "off", "coast",
}
#: Words of a place at sea that name no sea ("international waters", "the high seas").
UNNAMED_WATERS = {"international", "waters", "open", "high", "seas", "sea", "ocean", "the"}
_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "and", "or", "for", "by", "with", "from",
    "that", "this", "was", "were", "is", "are", "be", "been", "has", "had", "have", "it",
    "its", "as", "said", "says", "after", "which", "who", "their", "they", "he", "she", "his",
    "her", "but", "not", "into", "than", "about", "over", "near", "also", "would", "could",
}
_WORD = re.compile(r"[a-z0-9]+")

STATUS_CLASS = {
    "occurred": "actual", "denied": "actual",
    "planned": "intent", "threatened": "intent", "hypothetical": "intent",
}


def day_number(iso: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date or date-time, None if absent or unreadable."""
    d = iso_date(iso)
    return None if d is None else (d - date(1970, 1, 1)).days


def iso_day(n: int) -> str:
    return (date(1970, 1, 1) + timedelta(days=n)).isoformat()


#: Rough boxes (lat_min, lat_max, lon_min, lon_max) of the seas where strikes are reported,
#: to tell which sea a point off a coast lies in ("off La Guajira" is in the Caribbean,
#: "off Tumaco" in the Pacific). A point inside no box, or inside two, gets no sea. This is a
#: deliberately small table; a marine-regions gazetteer in the geo step would replace it.
SEA_BOXES: dict[str, tuple[float, float, float, float]] = {
    "caribbean": (8.5, 22.5, -89.0, -59.5),
    "pacific": (-20.0, 30.0, -130.0, -77.3),
    "aden": (10.5, 15.5, 43.3, 52.0),
    "red": (12.4, 30.0, 32.0, 43.6),
    "arabian": (5.0, 25.0, 52.0, 72.0),
    "mediterranean": (30.0, 46.0, -6.0, 36.0),
    "black": (40.5, 47.0, 27.5, 42.0),
    "persian": (23.5, 30.5, 47.5, 57.0),
}


def sea_of_point(lat: float, lon: float) -> str | None:
    hits = [k for k, (a, b, c, d) in SEA_BOXES.items() if a <= lat <= b and c <= lon <= d]
    return hits[0] if len(hits) == 1 else None


def sea_key(place: Place | None, at_sea: bool = False) -> str | None:
    """'Eastern Pacific' and 'Pacific Ocean' -> 'pacific'; a point off a coast (`at_sea`)
    gets the sea its coordinates fall in; None for places on land."""
    if place is None or not place.name:
        return None
    if place.kind != "sea" and place.geo_precision != 6:
        if at_sea and place.latitude is not None and place.longitude is not None:
            return sea_of_point(place.latitude, place.longitude)
        return None
    return sea_name_key(place.name)


def sea_name_key(name: str) -> str | None:
    """A sea's name as `sea_key` compares it: 'Eastern Pacific' -> 'pacific'."""
    # the geo step names water off a coast "Caribbean Sea off Venezuela": the sea comes first
    name = re.split(r"\s+off\s+", name.lower(), maxsplit=1)[0]
    words = [w for w in _WORD.findall(name) if w not in _SEA_NOISE]
    if not words and set(_WORD.findall(name)) <= UNNAMED_WATERS:
        return None  # "international waters": at sea, but in no sea in particular
    return " ".join(words) or name


@cache
def country_seas(country: str) -> frozenset[str] | None:
    """The seas (as `sea_key` names them) a country's coasts lie on, None where the geo
    step's coasts table (`geo/data/coasts.json`, an offshore point for each sea a coastal
    country borders) does not hold the country: landlocked or not curated, we cannot tell.
    Each coast counts by its sea's name and by the `SEA_BOXES` sea its point lies in, so
    Colombia is on the Caribbean and the Pacific, Somalia on the Gulf of Aden and the
    Indian Ocean, and a named gulf inside a box ('Gulf of Venezuela') meets its sea."""
    points = coasts().get(country)
    if not points:
        return None
    keys = {sea_name_key(c.sea) for c in points} | {sea_of_point(c.lat, c.lon) for c in points}
    return frozenset(k for k in keys if k)


def _country_waters(place: Any) -> frozenset[str] | None:
    """The seas a country's own waters may lie in ("waters of Colombia", "Venezuelan
    waters": sea key 'colombia', the geo step's country set): those the country borders.
    None for a named sea, or a country the coasts table lacks. Without it "waters of
    Colombia" was a sea of its own, different from the Caribbean and the Pacific alike."""
    if not place.country or not place.sea:
        return None
    seas = country_seas(place.country)
    if seas is None or place.sea in seas:
        return None
    return seas


def _on_coast_of(land: Any, water: Any) -> bool | None:
    """Whether a report placed in a country or a province (`land`) can be one of a strike
    in a named sea (`water`): the country must border that sea. None where that cannot be
    told: no named sea, no country, a country the coasts table lacks, or a town whose own
    point the distance rule measures instead. Without it a report placed in Somalia agreed
    with one in the Pacific (a country's middle and an ocean's point measure nothing)."""
    if not water.sea or land.sea or not land.country or land.precision == 6:
        return None
    if land.precision not in (4, 5) and land.lat is not None:
        return None
    seas = country_seas(land.country)
    if seas is None:
        return None
    return bool(seas & _seas_named_or_under(water))


def _seas_named_or_under(water: Any) -> set[str | None]:
    """The sea a place at sea is named for, and the `SEA_BOXES` sea its point lies in."""
    near = {water.sea}
    if water.lat is not None and water.lon is not None:
        near.add(sea_of_point(water.lat, water.lon))
    return near


def linking_place(m: EventFields) -> Place | None:
    """The place linking compares for a mention.

    A strike at sea (domain sea) placed only in a country or one of its provinces got that
    place from the article's context — the announcing government ("the United States"), a
    base named in passing ("Puerto Rico"), the boat's port of departure — not from where it
    happened, and it says nothing about which sea: compared as a place it would keep two
    reports of one strike apart. Such a mention is linked as one with no place (its sea,
    toll, date and parties still count); a town, a point off a coast (precision 1-3) or a
    sea area with no country is kept. Likewise a
    place that is only the acting party's own country ("the United States" for a U.S. strike
    in Syria, a Pakistani strike placed in "Pakistan" from the announcement): the country
    of the one who acts or announces, which a report of the same strike placed where it
    happened would contradict.
    """
    place = m.place
    if place is None or place.kind == "sea":
        return place
    if m.domain == "sea" and place.country and place.geo_precision in (4, 5):
        return None
    if place.geo_precision == 5 and m.actor1 is not None and place.country and \
            place.country == m.actor1.country:
        return None  # "the United States" for a U.S. strike abroad: the actor, not a place
    return place


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def norm_name(name: str | None) -> str | None:
    if not name:
        return None
    words = [w for w in _WORD.findall(name.lower()) if w not in _STOP]
    return " ".join(words) or None


def tokens(text: str) -> list[str]:
    """Content words of the mention's sentences, for a wording-similarity comparison."""
    return sorted({w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2})


#: Words rarer than this Zipf frequency in general English (about 1 per million words) are
#: the specific details two reports of one event share (place names, "speedboat", "Houthi")
#: and reports of different events rarely do. The frequencies come from wordfreq's fixed
#: data, never from the batch, so the comparison stays a pure function of the pair.
RARE_ZIPF = 3.0


#: Wording similarity is estimated from a one-permutation MinHash sketch of the content words:
#: each word is hashed once, and each of SKETCH_BINS bins keeps its smallest hash. Comparing
#: two sketches is a handful of integer comparisons in SQL, where an exact set intersection
#: of word lists cost most of the scoring time.
SKETCH_BINS = 16
#: At most this many specific (rare) words per mention are compared.
MAX_RARE = 6


def word_hash(word: str) -> int:
    """A stable 63-bit hash of a word (Python's hash() changes between processes)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest()) >> 1


def sketch(words: list[str]) -> list[int]:
    bins = [-1] * SKETCH_BINS
    for w in words:
        h = word_hash(w)
        b, v = h % SKETCH_BINS, h // SKETCH_BINS
        if bins[b] < 0 or v < bins[b]:
            bins[b] = v
    return bins


def rare_words(words: list[str]) -> list[str]:
    from wordfreq import zipf_frequency

    return [w for w in words if w.isalpha() and zipf_frequency(w, "en") < RARE_ZIPF]


#: Features the cannot-link rules read and the splink model does not (no input column).
_NOT_MODELLED = frozenset({"words", "rare", "ordinal", "one_of_several", "series_rank",
                           "series_size", "series_killed", "page_day", "strikes_lo",
                           "strikes_hi"})


@dataclass(frozen=True)
class Features:
    """What linking looks at, one row per event mention (also the DuckDB input row)."""

    unique_id: str
    article_id: str
    origin_id: str
    published: int | None
    d_lo: int | None
    d_hi: int | None
    block_keys: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    radius_km: float | None = None
    precision: int | None = None
    sea: str | None = None
    country: str | None = None
    place_name: str | None = None
    actor_name: str | None = None
    actor_country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    target_kind: str | None = None
    domain: str | None = None
    status_class: str = "actual"
    status: str = "occurred"
    killed_lo: int | None = None
    killed_hi: int | None = None
    injured_lo: int | None = None
    injured_hi: int | None = None
    words: list[str] = field(default_factory=list)
    rare: list[str] = field(default_factory=list)
    #: which strike of a day's series the mention tells ("the third attack": 3), if it names
    #: exactly one (`series_ordinal`); only the cannot-link rules read it, not the model
    ordinal: int | None = None
    #: one of several strikes an article told together and the extractor split
    #: (`Mention.series_rank`); only the cannot-link rules read it
    one_of_several: bool = False
    #: that strike's rank and the number of strikes of its operation (`Mention.series_rank`,
    #: `Mention.series_size`); only the cannot-link rules read them
    series_rank: int | None = None
    series_size: int | None = None
    series_killed: int | None = None
    #: an undated report's page day where it bounds the page from above (a point day, not
    #: a URL's month: `page_window_bounds`), and the strike count the report tells; only
    #: `window_met` reads them
    page_day: int | None = None
    strikes_lo: int | None = None
    strikes_hi: int | None = None

    def row(self) -> dict[str, object]:
        """The DuckDB input row: wording as sketch columns s0.., specific words as r0.."""
        row = {k: v for k, v in self.__dict__.items() if k not in _NOT_MODELLED}
        for i, v in enumerate(sketch(self.words)):
            row[f"s{i}"] = v
        row["n_words"] = len(self.words)
        rare = sorted(word_hash(w) for w in self.rare)[:MAX_RARE]
        row["n_rare"] = len(rare)
        for i in range(MAX_RARE):
            row[f"r{i}"] = rare[i] if i < len(rare) else None
        return row


def zones(place: Place | None, sea: str | None, actor: Actor | None) -> list[str]:
    """Coarse areas a mention may share with another mention of the same event.

    Its sea, its country and its acting party's country: a report placed "in the Caribbean"
    meets one placed "off La Guajira" (both in the Caribbean), one placed only "in Colombia"
    meets one at a Colombian town, and one with no place at all meets the same day's reports
    about the same actor, or placed in the actor's country. A mention with none of these
    shares the catch-all zone "*".
    """
    return area_keys(sea, place.country if place is not None else None,
                     actor.country if actor is not None else None) or ["*"]


def area_keys(sea: str | None, place_country: str | None, actor_country: str | None
              ) -> list[str]:
    """The named areas of `zones` (no catch-all): its sea, then its countries."""
    out = [f"sea:{sea}"] if sea else []
    # one namespace for the two countries: a report that names only the acting party (a
    # Nigerian army strike) meets one that names only the place (a strike in Nigeria)
    out += [f"country:{c}" for c in dict.fromkeys((place_country, actor_country)) if c]
    return out


def block_keys(days: list[int], zone_list: list[str]) -> list[str]:
    """Blocking keys: one per (day, zone); two mentions are compared if they share one."""
    return [f"{d}|{z}" for d in days for z in zone_list]


def mention_text(m: Mention) -> str:
    return " ".join(s.text for s in m.spans if s.text)


#: the ordinal words of a day's series, to the fifth, in either language (as `_NUMBERED`)
_ORDINALS = ranks_up_to(ORDINAL_VALUES, 5) | ranks_up_to(ES_ORDINALS, 5)
_STRIKE_NOUNS = (r"strikes?|attacks?|boats?|vessels?|raids?|operations?|engagements?|"
                 r"ataques?|bombardeos?|ofensivas?|botes?|lanchas?|embarcaci[oó]n|buques?|"
                 r"operaci[oó]n")
#: a numbered ordinal of a day's series, like the words above ("the 2nd strike", "el 3.º
#: ataque"); "the 15th strike" counts a campaign, which outlets count differently, and
#: "on the 5th" is a day
_NUMBERED = r"(?<!\bon the )(?<!\d)[1-5](?:st|nd|rd|th|\.?[ºª°])"
#: a word between ordinal and noun: a plain word ("American", "lethal") or a dotted
#: abbreviation ("U.S.", "EE.UU."), which the plain word pattern stops at
_BETWEEN = r"(?:(?:[^\W\d_]{1,3}\.){2,3}(?:-\w+)?|[\w'\"\u201c\u201d-]+)"
#: "strike group", "strike fighter": a unit or an aircraft, not a strike
_NOT_STRIKE = r"(?!\s+(?:groups?|forces?|fighters?|aircraft|jets?|teams?|packages?)\b)"
#: "the third attack", "the second lethal kinetic strike", "the third U.S. strike", "el
#: primer ataque": a definite article, an ordinal, and a strike noun at most two words
#: on. "A second strike" (another one), "its first operation in the Pacific", "the
#: military's first night-time strike" and "since the first strike in September" count
#: the campaign, not a day's series: no article right before the ordinal, or a look back,
#: and they do not count.
_ORDINAL_PHRASE = re.compile(
    r"(?<!since )(?<!after )(?<!before )(?<!desde )"
    r"\b(?:the|el|la|del)\s+(" + "|".join(_ORDINALS) + "|" + _NUMBERED + r")\s+"
    r"(?:" + _BETWEEN + r"\s+){0,2}?(?:" + _STRIKE_NOUNS + r")\b" + _NOT_STRIKE,
    re.IGNORECASE)


#: strike nouns only: "the fourth boat" numbers the craft of one operation, not its strikes
_STRIKE_ORDINAL = re.compile(
    _ORDINAL_PHRASE.pattern.replace(_STRIKE_NOUNS,
                                    r"strikes?|attacks?|raids?|ataques?|bombardeos?|"
                                    r"ofensivas?"),
    re.IGNORECASE)


def _ordinal_value(word: str) -> int:
    """The number an ordinal word or a numbered ordinal ("15th", "3.º") names."""
    digits = "".join(ch for ch in word if ch.isdigit())
    return int(digits) if digits else _ORDINALS[word.lower()]


def strike_ordinal(text: str) -> int | None:
    """`series_ordinal` read on strike nouns alone, for attaching (`operation_fields`):
    whole incidents are compared there, and a boat's ordinal is the craft's, not the
    strike's ("three strikes on four boats ... the fourth boat")."""
    found = {_ordinal_value(m.group(1)) for m in _STRIKE_ORDINAL.finditer(text)}
    return found.pop() if len(found) == 1 else None


def series_ordinal(text: str) -> int | None:
    """Which strike of a series a mention tells, when its sentences name exactly one
    ordinal strike ("the third attack hit two boats tied together" -> 3). None when they
    name none, or several: an itemised toll ("four on the first boat, three on the
    second") is about the whole series, not one of its strikes."""
    found = {_ordinal_value(m.group(1)) for m in _ORDINAL_PHRASE.finditer(text)}
    return found.pop() if len(found) == 1 else None


#: Copy keys sit on made-up days far before any real one (see `copy_keys`).
COPY_DAY_BASE = -10_000_000


def copy_keys(m: Mention, article: Article | None) -> list[str]:
    """The blocking key that copies of one claim share when dates give them none.

    Articles linked to one origin (near-copies, strikewatch.ingest.neardup) repeat its
    sentences. A mention with days meets its copies on those days; one without (an undated
    report with no publication date, history recalled over a whole year) would meet
    nothing, and every copy would become an incident of its own. Such a mention gets one
    key: its origin and words, on a made-up day derived from them, so it keeps the
    "day|zone" form the streamed resolver windows by (resolve/streamed.py).
    """
    words = " ".join(tokens(mention_text(m)))
    if not words:
        return []
    origin = (article.origin_id if article else "") or m.article_id
    digest = hashlib.blake2b(f"{origin}|{words}".encode(), digest_size=8).hexdigest()
    return [f"{COPY_DAY_BASE - int(digest[:5], 16)}|copy:{digest}"]


def _block_keys(m: Mention, article: Article | None, days: list[int]) -> list[str]:
    place = linking_place(m)
    areas = zones(place, sea_key(place, at_sea=m.domain == "sea"), m.actor1)
    keys = block_keys(days, areas)
    if not keys:
        window = page_window_days(m, article)
        keys = block_keys(window, areas) if window and areas != ["*"] else []
        keys += copy_keys(m, article)
    return keys


def window_met(a: Features, b: Features) -> bool:
    """Whether a pair is no link because it met only by a page's window (no copy key in
    common), and the window alone cannot tie it: two undated reports, one of a page with
    no publication date, or such a report and a dated one whose tolls are not both closed
    with a figure in common. A campaign repeats its tolls and seas: two undated reports
    would link on them alone and chain strikes of different days (dev ledgers: three
    Caribbean strikes of three dead in one incident), and over the window's three weeks
    only the toll tells the strike of its days from the others ("at least one killed"
    joined a strike of six)."""
    a_open = a.d_lo is None and a.published is None
    b_open = b.d_lo is None and b.published is None
    if not (a_open or b_open):
        return False
    if {k for k in a.block_keys if "|copy:" in k} & set(b.block_keys):
        return False
    closed = a.killed_hi is not None and b.killed_hi is not None
    if a.d_lo is None and b.d_lo is None:
        return not windows_tie(a, b)
    return not (closed and tolls_agree(a, b))


#: Two pages' news days further apart than this tell of different days' news.
PAGE_DAY_GAP = 2


def windows_tie(a: Features, b: Features) -> bool:
    """Whether two undated reports of two pages with no publication date, met by their
    windows, are one strike by what they tell alone: news days at most PAGE_DAY_GAP apart
    (not a URL's month), the very same closed toll (at least one dead), one sea or one
    town (a country is every strike's of a campaign), and, where both count the boats or
    strikes, one count. A campaign repeats a toll and a sea over weeks (three Caribbean
    strikes of three dead), not within the two days two pages' news of one strike share."""
    if a.page_day is None or b.page_day is None or abs(a.page_day - b.page_day) > PAGE_DAY_GAP:
        return False
    if a.killed_lo is None or a.killed_lo < 1 or \
            (a.killed_lo, a.killed_hi) != (b.killed_lo, b.killed_hi) or a.killed_lo != a.killed_hi:
        return False
    if not (a.sea is not None and a.sea == b.sea or same_locality(a, b)):
        return False
    return None in (a.strikes_lo, b.strikes_lo) or \
        (a.strikes_lo, a.strikes_hi) == (b.strikes_lo, b.strikes_hi)


def page_window_days(m: Mention, article: Article | None) -> list[int]:
    """The days an undated report of a page with no publication date may be of, from the
    latest day its page names (`Mention.page_after`): the week before it to
    PAGE_AFTER_DAYS after it. Empty for a dated report or page, or a page naming no day."""
    bounds = page_window_bounds(m.page_after, m.page_after_source)
    if bounds is None or (article is not None and article.published is not None) or \
            m.date_low is not None or m.date_high is not None:
        return []
    return list(range(bounds[0], bounds[1] + 1))


def page_window_bounds(page_after: str | None, source: str | None) -> tuple[int, int] | None:
    """(first, last) day number an undated report of a page may be of, from the page's
    day (`Mention.page_after`) and where it was read: the week before it to
    PAGE_AFTER_DAYS after it; a URL's month (source "url-month": the page went out in it)
    to that month's last day. None for a day that bounds the page from below only."""
    after = day_number(page_after) if source in PAGE_AFTER_SOURCES else None
    if after is None:
        return None
    if source == "url-month":
        day = date(1970, 1, 1) + timedelta(days=after)
        last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return after - UNDATED_LOOKBACK_DAYS, day_number(last.isoformat()) or after
    return after - UNDATED_LOOKBACK_DAYS, after + PAGE_AFTER_DAYS


def _dates(m: Mention, article: Article | None) -> tuple[int | None, int | None, int | None,
                                                      list[int]]:
    """(published day, d_lo, d_hi, blocking days) of one event mention."""
    published = day_number(article.published) if article else None
    d_lo, d_hi = day_number(m.date_low), day_number(m.date_high)
    if d_lo is None and d_hi is not None:
        d_lo = d_hi - 31  # "before X": an open interval, bounded for blocking only
    if d_hi is None and d_lo is not None:
        d_hi = d_lo if m.time_precision in (None, 1) else d_lo + 31
    if d_lo is not None and d_hi is not None and d_hi < d_lo:
        d_lo, d_hi = d_hi, d_lo
    if d_lo is not None and d_hi is not None:
        keys = list(range(d_lo, d_hi + 2)) if d_hi - d_lo <= MAX_BLOCK_INTERVAL_DAYS else []
    elif published is not None:
        keys = list(range(published - UNDATED_LOOKBACK_DAYS, published + 1))
    else:
        keys = []
    return published, d_lo, d_hi, keys


def mention_block_keys(m: Mention, article: Article | None) -> list[str]:
    """features(m, article).block_keys without the rest: the incremental resolver indexes
    every mention by its keys but needs full features (word lists, rare words: most of the
    cost) only for the mentions it re-scores or re-clusters."""
    _, _, _, keys = _dates(m, article)
    return _block_keys(m, article, keys)


def place_features(place: Place | None, sea: str | None) -> dict[str, Any]:
    """The place fields of Features (lat, lon, radius_km, precision, sea, country,
    place_name) for a linking place and its sea; also what attaching compares.

    Open water in no named sea ("international waters", "aguas internacionales") has no
    point of its own: the geo step lends it the point of a sea the article names, for a
    whole ocean its middle ("Pacific Ocean": 0, -160, thousands of km from the eastern
    Pacific where the boats are struck). Measured against another report's sea, that point
    would set one strike's reports thousands of km apart, so it is not compared: open water
    agrees with any sea, as a report placed nowhere would."""
    precision = place.geo_precision if place else None
    has_xy = place is not None and place.latitude is not None and place.longitude is not None \
        and not (sea is None and (place.kind == "sea" or precision == 6))
    radius = PRECISION_RADIUS_KM.get(precision or 0) if has_xy else None
    if has_xy and radius is None:
        radius = 100.0
    return {
        "lat": place.latitude if has_xy and place else None,
        "lon": place.longitude if has_xy and place else None,
        "radius_km": radius,
        "precision": precision,
        "sea": sea,
        "country": place.country if place else None,
        "place_name": norm_name(place.name) if place else None,
    }


def features(m: Mention, article: Article | None) -> Features:
    """The linking features of one event mention (article metadata may be missing)."""
    published, d_lo, d_hi, keys = _dates(m, article)
    place = linking_place(m)
    words = tokens(mention_text(m))
    k_lo, k_hi = m.killed_low, m.killed_high
    if k_lo is None and k_hi is not None:
        k_lo = 0
    a1 = m.actor1
    return Features(
        unique_id=m.id,
        article_id=m.article_id,
        origin_id=(article.origin_id if article else "") or m.article_id,
        published=published,
        d_lo=d_lo,
        d_hi=d_hi,
        block_keys=_block_keys(m, article, keys),
        **place_features(place, sea_key(place, at_sea=m.domain == "sea")),
        actor_name=norm_name(a1.name) if a1 else None,
        actor_country=a1.country if a1 else None,
        event_type=m.event_type,
        sub_event_type=m.sub_event_type,
        target_kind=m.target_kind if m.target_kind != "unknown" else None,
        domain=m.domain,
        status_class=STATUS_CLASS.get(m.status, "actual"),
        status=m.status,
        killed_lo=k_lo,
        killed_hi=k_hi,
        injured_lo=m.injured_low if m.injured_low is not None or m.injured_high is None else 0,
        injured_hi=m.injured_high,
        words=words,
        rare=rare_words(words),
        ordinal=series_ordinal(mention_text(m)),
        one_of_several=m.series_rank is not None,
        series_rank=m.series_rank,
        series_size=m.series_size,
        series_killed=m.series_killed,
        page_day=_page_day(m, article, d_lo),
        strikes_lo=m.strikes_low,
        strikes_hi=m.strikes_high if m.strikes_high is not None else m.strikes_low,
    )


def _page_day(m: Mention, article: Article | None, d_lo: int | None) -> int | None:
    """The day an undated report's page tells its news on (`Mention.page_after`, a source
    that bounds the page from above and names one day, not a URL's month), else None."""
    if d_lo is not None or (article is not None and article.published is not None) or \
            m.page_after_source not in PAGE_AFTER_SOURCES or m.page_after_source == "url-month":
        return None
    return day_number(m.page_after)


def places_compatible(a: Features, b: Features) -> bool | None:
    """True/False when the places can/cannot be one event's; None when either is unknown."""
    both_xy = a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None
    if both_xy and (a.precision or 9) <= 3 and (b.precision or 9) <= 3:
        return haversine_km(a.lat, a.lon, b.lat, b.lon) <= MAX_PRECISE_DISTANCE_KM  # type: ignore[arg-type]
    if a.sea and b.sea:
        if a.sea == b.sea:
            return True
        wa, wb = _country_waters(a), _country_waters(b)
        if wa is not None and wb is not None:
            return None if wa & wb else False  # two neighbours' waters may meet
        if wa is not None or wb is not None:
            waters, sea = (wa, b) if wa is not None else (wb or frozenset(), a)
            return None if waters & _seas_named_or_under(sea) else False
        return False
    if a.sea or b.sea or a.precision == 6 or b.precision == 6:
        coast = _on_coast_of(a, b) if b.sea else _on_coast_of(b, a)
        if coast is not None:
            # a country and a sea it borders (or not): its middle's distance tells nothing
            return None if coast else False
        # a sea and a point we cannot place in a sea: cannot tell, unless far away
        if both_xy and haversine_km(a.lat, a.lon, b.lat, b.lon) > SEA_VS_POINT_MAX_KM:  # type: ignore[arg-type]
            return False
        return None
    if a.country and a.country == b.country and 5 in (a.precision, b.precision):
        return True  # a place inside the country the other report names
    if both_xy:
        dist = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        return dist <= (a.radius_km or 0) + (b.radius_km or 0)
    if a.country and b.country and not a.sea and not b.sea:
        return a.country == b.country
    return None


#: The Arabic article as transliterations write it ("al-", "el ", "ash-"), a word of its own
_ARTICLE = re.compile(r"(?:^|(?<=[\s-]))(?:al|el|ad|ar|as|ash|at|az|an)[\s-]+")


def name_skeleton(name: str | None) -> str | None:
    """A name as transliterations of it agree: accents and marks folded to ASCII, the
    Arabic article dropped ("Suq al-Qarnayn", "Souq Qarnain"), then the first letter and
    the consonants after it, doubles merged ("Hodeidah", "Al Ḩudaydah" -> "hdh";
    "Kismaayo", "Kismayo" -> "ksm"; "Sana'a", "Sanaa", "Ṣan‘ā’" -> "sn:sana").
    A skeleton shorter than three letters is ambiguous ("Gaza" and "Giza"), so such a name
    keeps its letters beside it, doubled ones merged. None for a name with no letters."""
    if not name:
        return None
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = _ARTICLE.sub("", re.sub(r"[^a-z\s-]", "", folded).strip())
    letters = re.sub(r"[^a-z]", "", folded)
    if not letters:
        return None
    skeleton = letters[0] + _merge_doubles(re.sub(r"[aeiouyw]", "", letters[1:]))
    skeleton = _merge_doubles(skeleton)
    return skeleton if len(skeleton) >= 3 else f"{skeleton}:{_merge_doubles(letters)}"


def _merge_doubles(letters: str) -> str:
    return re.sub(r"(.)\1+", r"\1", letters)


#: Two precise places (town or district) this close are one locality: "in Aleppo" and "near
#: al-Bab", a strike's town told by two outlets, not a sea or a country that many share.
SAME_LOCALITY_KM = 50.0


def same_locality(a: Features, b: Features) -> bool:
    """Both places are precise (geo_precision <= 3, with a point) and within
    SAME_LOCALITY_KM: agreement a whole sea or country ("in Syria", "in the Caribbean"),
    which every strike of a campaign shares, does not give."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    if (a.precision or 9) > 3 or (b.precision or 9) > 3:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_LOCALITY_KM


def tolls_agree(a: Features, b: Features) -> bool:
    """Both tolls are known and their ranges overlap."""
    if a.killed_lo is None or b.killed_lo is None:
        return False
    return a.killed_lo <= (b.killed_hi if b.killed_hi is not None else 10**6) and \
        b.killed_lo <= (a.killed_hi if a.killed_hi is not None else 10**6)


def _tolls_apart(a: Features, b: Features) -> bool:
    """Both tolls known and closed, and no figure in both."""
    if None in (a.killed_lo, a.killed_hi, b.killed_lo, b.killed_hi):
        return False
    return a.killed_hi < b.killed_lo or b.killed_hi < a.killed_lo  # type: ignore[operator]


def hard_conflict(a: Features, b: Features) -> str | None:
    """Why two mentions cannot be one event (None if they may be): the cannot-link rules."""
    if a.article_id == b.article_id:
        return "same article"  # an article's extractor already merged its own sentences
    if a.d_lo is not None and b.d_lo is not None and a.d_hi is not None and b.d_hi is not None:
        gap = max(a.d_lo - b.d_hi, b.d_lo - a.d_hi)
        precise = a.d_hi - a.d_lo <= 1 and b.d_hi - b.d_lo <= 1
        if gap > (MAX_PRECISE_DATE_GAP if precise else 1):
            return "dates do not overlap"
        if precise and gap >= 1 and not tolls_agree(a, b):
            # a report a day off is one event told across a time zone or an "overnight"
            # only when the toll says so too; otherwise it is the next day's strike
            return "another day, and no toll to tie them"
    if (_told_only_by_toll(a) or _told_only_by_toll(b)) and _tolls_apart(a, b):
        # an undated report that names no place is tied to a day only by its page's date:
        # its closed toll is what says which strike it is, and one with no figure in
        # common says another
        return "an undated report with another toll"
    if places_compatible(a, b) is False:
        return "places too far apart"
    if _other_town(a, b) and _tolls_apart(a, b):
        # a day's raids on two towns of one district: each told with its own toll
        return "another town, with another toll"
    if a.status_class != b.status_class:
        return "a plan or threat is not the act"
    if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal and \
            not _same_closed_toll_split(a, b):
        return "another strike of the series (first, second, third...)"
    if _ordinal_not_rank(a, b) or _ordinal_not_rank(b, a):
        return "another strike of the series (first, second, third...)"
    if (a.one_of_several or b.one_of_several) and _tolls_apart(a, b):
        # "two strikes, three men on each boat" is not the report of "six killed when the
        # US struck two boats": that is the day's total, and one strike's toll never
        # reaches it (one strike's reports may differ, but not a strike split by its toll)
        return "one of several strikes told together, with another toll"
    if a.series_rank is not None and b.series_rank is not None:
        return other_strike_of_the_day(a, b)
    if _the_day_s_total(a, b) or _the_day_s_total(b, a):
        return "the day's total, not one of its strikes"
    if _counted_day_beside_one(a, b) or _counted_day_beside_one(b, a):
        return "the day's strikes told whole, not one of them"
    return None


#: Places this precise (1 exact, 2 near a town) name one town or village each.
TOWN_PRECISION = 2


def _other_town(a: Features, b: Features) -> bool:
    """Whether the two reports name two towns: each a town or village (geo_precision
    <= TOWN_PRECISION, with a point), named differently ("Tell Batin", not "Tal Batin"),
    and further apart than the two points' own uncertainty. With closed tolls sharing no
    figure they are two strikes of a day on one district (a toll revised by a day's
    reports of one town keeps its town)."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    if not (a.precision and b.precision and a.precision <= TOWN_PRECISION and
            b.precision <= TOWN_PRECISION):
        return False
    if name_skeleton(a.place_name) == name_skeleton(b.place_name):
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) > (a.radius_km or 0) + (b.radius_km or 0)


def _counted_day_beside_one(whole: Features, one: Features) -> bool:
    """Whether `whole`, a report at sea that counts the day's strikes and was not split
    ("three strikes on four vessels killed eight": the extractor leaves two seas, or an
    undated page, as told), and `one`, a report of one strike with a lower closed toll
    ("the second boat: two dead"), are the day and one of its strikes: joined, the day's
    total became that strike's high end (resolve/daywhole.py links them as a source)."""
    return whole.series_rank is None and one.series_rank is None and \
        (whole.strikes_lo or 0) >= 2 and (one.strikes_hi is None or one.strikes_hi <= 1) and \
        "sea" in (whole.domain, one.domain) and \
        None not in (whole.killed_lo, whole.killed_hi, one.killed_lo, one.killed_hi) and \
        one.killed_hi < whole.killed_lo  # type: ignore[operator]


def _told_only_by_toll(f: Features) -> bool:
    """No day of its own and no place: "six people died when the U.S. military bombed
    boats" (a place would be evidence of its own: "46 killed in Sanaa" beside a first
    count of nine in Sanaa the day before is the same raid, told later)."""
    return f.d_lo is None and f.sea is None and f.country is None and f.lat is None


def _ordinal_not_rank(told: Features, split: Features) -> bool:
    """Whether a report naming one strike of a series by its ordinal ("the second strike")
    names another strike than one the extractor split from a day's operation told in
    order (`series_rank`, numbered as told): rank k is "the k-th". Only where the split
    report names no ordinal of its own (then the ordinals decide) and the two tolls are not
    the very same closed toll (which says it is that strike, told in another order)."""
    return told.ordinal is not None and told.series_rank is None and \
        split.ordinal is None and split.series_rank is not None and \
        told.ordinal != split.series_rank and \
        (None in (told.killed_lo, told.killed_hi) or
         (told.killed_lo, told.killed_hi) != (split.killed_lo, split.killed_hi))


def _the_day_s_total(split: Features, other: Features) -> bool:
    """Whether `other`, a report not split, tells as many dead as (or more than) the whole
    operation `split` is one strike of ("14 killed in three strikes on four boats" beside
    the first of those strikes, whose own toll no sentence told): that is the operation."""
    total = split.series_killed
    return split.series_rank is not None and other.series_rank is None and \
        (split.series_size or 0) >= 2 and total is not None and total > 0 and \
        other.killed_lo is not None and other.killed_lo >= total


def operation_fields(m: Mention) -> Features:
    """The fields of one report that the day's-operation rules read (its toll, and where
    the extractor split it from a day's strikes its rank, operation size and day's toll):
    attaching applies those rules to whole incidents (`operation_conflict`), without the
    cost of a report's full features."""
    k_lo = 0 if m.killed_low is None and m.killed_high is not None else m.killed_low
    return Features(unique_id=m.id, article_id=m.article_id, origin_id="", published=None,
                    d_lo=None, d_hi=None, killed_lo=k_lo, killed_hi=m.killed_high,
                    # a split strike's ordinal is left to its rank rules, as before
                    ordinal=strike_ordinal(mention_text(m)) if m.series_rank is None else None,
                    one_of_several=m.series_rank is not None, series_rank=m.series_rank,
                    series_size=m.series_size, series_killed=m.series_killed)


def operation_conflict(a: Iterable[Features], b: Iterable[Features]) -> str | None:
    """Why two incidents' reports (`operation_fields`) cannot be one strike by the rules
    for strikes split from a day's operation: a strike of another rank or another size of
    operation, or the day's total beside one of its strikes. None where they may be."""
    a, b = list(a), list(b)
    if _ordinals_apart(a, b):
        return "another strike of the series (first, second, third...)"
    for x in a:
        for y in b:
            if x.series_rank is not None and y.series_rank is not None and \
                    x.article_id != y.article_id:
                why = other_strike_of_the_day(x, y)
                if why is not None:
                    return why
            elif _the_day_s_total(x, y) or _the_day_s_total(y, x):
                return "the day's total, not one of its strikes"
    return None


def _ordinals_apart(a: Sequence[Features], b: Sequence[Features]) -> bool:
    """Whether two incidents name different strikes of one series ("the third strike",
    "the second attack"), each by the one ordinal all its reports naming one agree on.
    Linking never compares an undated page's report, so attaching reads them here. An
    incident whose reports number strikes differently tells nothing (outlets count a day's
    strikes as they told them); one holding a strike split from a day's operation keeps
    to the rank rules (`other_strike_of_the_day`)."""
    def named(side: Sequence[Features]) -> set[int]:
        if any(f.series_rank is not None for f in side):
            return set()  # a day's operation split: its rank rules decide
        return {f.ordinal for f in side if f.ordinal is not None}
    oa, ob = named(a), named(b)
    return len(oa) == 1 and len(ob) == 1 and oa != ob


def _same_closed_toll_split(a: Features, b: Features) -> bool:
    """Two strikes two articles split from a day's operation with the very same closed
    toll: which one an article calls "the first" is the order it told them in, and the
    toll says which strike it is (other_strike_of_the_day decides)."""
    return a.series_rank is not None and b.series_rank is not None and \
        None not in (a.killed_lo, a.killed_hi) and \
        (a.killed_lo, a.killed_hi) == (b.killed_lo, b.killed_hi)


def other_strike_of_the_day(a: Features, b: Features) -> str | None:
    """Why two strikes that two articles each split from a day's operation are not one.

    Two reports of one operation count its strikes alike ("three strikes on four boats"
    and "three engagements"), so a split of another size is another operation. Within one
    operation the extractor numbers the strikes the same way in every article told alike
    (in the order told, or by the crew told for each), and where nothing tells them apart
    any pairing is as good as another: rank k joins rank k, which keeps the day's strikes
    as many incidents as it had (rank 1 of one report linking to ranks 1 and 2 of two
    others would pull the day's strikes into one another's incidents). Another rank is the
    same strike only where the tolls say so: both closed and the very same (8 dead, where
    the operation was told as 8, 4 and 2 in one order and 2, 4, 8 in another).
    """
    if a.series_size is not None and b.series_size is not None and \
            a.series_size != b.series_size:
        return "strikes of operations of different sizes"
    if a.series_rank != b.series_rank and not _same_closed_toll_split(a, b):
        return "another strike of the day's operation, and no toll to say it is this one"
    return None

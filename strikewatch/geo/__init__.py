"""geo: an offline geoparser (land and sea) over a gazetteer shipped with the package.

Public API (all offline; the gazetteer loads once, on first use, in about 0.2 s):

- `locate(text, start, end, trigger=..., context_countries=...)` — the event's place.
- `places_in(text, start, end)` — every place the passage names, read in context.
- `seas_in(text, start, end)` — the places at sea among them (cheap where there are none).
- `lookup(name)` — gazetteer candidates for a name, best first.
- `country_for_name(name)` — ISO alpha-2 for a country, demonym, organisation or place
  ("Mexican" -> "MX", "Tren de Aragua" -> "VE"); for actor hints.
- `article_countries(text)` — the countries an article names, most named first (pass them
  as `context_countries`).
- `dateline(text)` — the place of a dateline ("CULIACÁN, Mexico (AP) —"), if any.
- `article_context(text)` — both at once, as `GeoContext(countries, anchor)`; pass
  `context_countries=ctx.countries, anchor=ctx.anchor` to every `locate` of the article.

Rules worth knowing (README.md in this folder has them all): "off the coast of X" is at
sea with `country` None and `near_country` X; "in X's (territorial) waters" is at sea
with `country` X; "international waters" borrow a point from the sea the article names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from strikewatch.geo.gazetteer import Gazetteer, load, normalise
from strikewatch.geo.mentions import find
from strikewatch.geo.reading import (
    Reading,
    entry_score,
    may_put_at_sea,
    may_read_at_sea,
    read_all,
    to_place,
)
from strikewatch.records import Place

__all__ = [
    "PlaceMatch", "GeoContext", "locate", "places_in", "seas_in", "lookup", "country_for_name",
    "article_countries", "article_context", "dateline", "dateline_end", "load",
]


@dataclass(frozen=True)
class PlaceMatch:
    """A place resolved for an event, and the offsets of the words it came from."""

    place: Place
    start: int
    end: int


#: below this a reading is a mere mention ("Venezuela's Tren de Aragua"), not a place
MIN_EVENT_SCORE = 0.5


def locate(
    text: str, start: int, end: int, *, trigger: tuple[int, int] | None = None,
    context_countries: tuple[str, ...] = (), domain: str | None = None,
    anchor: tuple[float, float] | None = None,
) -> PlaceMatch | None:
    """The place of the event told in text[start:end] (one or a few sentences).

    `trigger` is the offsets of the event word, so the place nearest the event (not any
    place in the sentence) is chosen; `context_countries` are countries the rest of the
    article names, used to break ties. `domain` ("sea" / "land"), when the caller knows
    it, decides whether "near Trinidad" is on the water; otherwise the passage's words do.
    `anchor` (lat, lon), e.g. the dateline's place, favours nearby towns of a common name.
    Returns None when the text gives no place.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"locate: span {start}:{end} outside a text of {len(text)} chars")
    g = load()
    readings = read_all(g, text, start, end, trigger=trigger,
                        context=tuple(context_countries), domain=domain, anchor=anchor)
    best = max(readings, key=lambda r: r.score, default=None)
    if best is None or best.score < MIN_EVENT_SCORE:
        return None
    return PlaceMatch(to_place(best, g), best.start, best.end)


def places_in(text: str, start: int = 0, end: int | None = None, *,
              context_countries: tuple[str, ...] = ()) -> list[PlaceMatch]:
    """Every place text[start:end] names as a location, in order (organisations and
    reporting places excluded only when they read as such)."""
    g = load()
    end = len(text) if end is None else end
    readings = read_all(g, text, start, end, trigger=None, context=tuple(context_countries))
    return _place_matches(readings, g)


def seas_in(text: str, start: int = 0, end: int | None = None, *,
            context_countries: tuple[str, ...] = ()) -> list[PlaceMatch]:
    """The places at sea text[start:end] names, in order: what `places_in` gives of kind
    "sea" or geo_precision 6 ("en el Pacífico oriental", "off Venezuela's coast").

    Asked of every clause of a report (which seas does it name?), where most name none: a
    passage with no sea's name, no open water and no word that puts a place on the water
    ("off", "waters", "coast", ...) is not read past finding its names, and a passage
    asked of again (the frames of one clause) is answered from the first reading."""
    g = load()
    end = len(text) if end is None else end
    if _SEAS_IN_OF[0] is not text and _SEAS_IN_OF[0] != text:
        _SEAS_IN.clear()
        _SEAS_IN_OF[0] = text
    key = (id(g), start, end, tuple(context_countries))
    got = _SEAS_IN.get(key)
    if got is None:
        got = _seas_in(g, text, start, end, tuple(context_countries))
        _SEAS_IN[key] = got
    return list(got)


#: the last text's seas_in answers by passage (the frames of one clause ask of the same)
_SEAS_IN: dict[tuple[int, int, int, tuple[str, ...]], list[PlaceMatch]] = {}
_SEAS_IN_OF = [""]


def _seas_in(g: Gazetteer, text: str, start: int, end: int,
             context: tuple[str, ...]) -> list[PlaceMatch]:
    if not g.may_name_water(text, start, end) and not may_put_at_sea(text, start, end):
        return []  # (the words alone tell: no name to find)
    found = find(g, text, start, end)
    if not may_read_at_sea(found, text, start, end):
        return []
    readings = read_all(g, text, start, end, trigger=None, context=context, found=found)
    return [pm for pm in _place_matches(readings, g)
            if pm.place.kind == "sea" or pm.place.geo_precision == 6]


def _place_matches(readings: list[Reading], g: Gazetteer) -> list[PlaceMatch]:
    """places_in's answer from its readings: the places named as locations, in order."""
    return [PlaceMatch(to_place(r, g), r.start, r.end)
            for r in sorted(readings, key=lambda r: r.start)
            if not r.qualifier and not r.hint and (r.entry is not None or r.sea)]


#: a town known by a name only as one of its alternates (an old, foreign or other-script
#: name: "Tirah" is one of Tirat Karmel's) is that name's place without the page's support
#: only when this large; a small one's alternates are as often another place's own name
ALTERNATE_MIN_POP = 100_000


def lookup(name: str, *, context_countries: tuple[str, ...] = (),
           own_names: bool = False) -> list[Place]:
    """Gazetteer candidates for a name, most likely first (no text around it). With
    `own_names`, a town the name is only an alternate of is left out unless it has
    ALTERNATE_MIN_POP people (for a caller with nothing on the page to tie the name to)."""
    g = load()
    hits = g.lookup(name)
    if own_names:
        hits = [h for h in hits if h.primary or h.entry.kind != "P"
                or h.entry.population >= ALTERNATE_MIN_POP]
    ranked = sorted(
        hits,
        key=lambda h: -entry_score(h.entry, h.primary, span_countries=set(),
                                   context=tuple(context_countries)),
    )
    out = []
    for h in ranked:
        e = h.entry
        if e.kind == "S":
            out.append(Place(name=e.name, latitude=e.lat, longitude=e.lon, kind="sea",
                             geo_precision=6))
            continue
        kind = {"C": "country", "A": "admin area", "P": "populated place"}[e.kind]
        out.append(Place(name=e.name, admin1=e.place_admin1,
                         country=e.country, latitude=e.lat, longitude=e.lon,
                         kind=kind, geonameid=e.geonameid,  # type: ignore[arg-type]
                         geo_precision=e.precision))
    return out


def country_for_name(name: str) -> str | None:
    """ISO alpha-2 of the country a name belongs to: a country ("U.S."), a demonym
    ("Mexican"), an organisation ("Sinaloa Cartel") or, failing those, a place's most
    likely entry ("Culiacán"). None for seas and unknown names."""
    g = load()
    key = normalise(name)
    if key in g.demonyms:
        return g.demonyms[key]
    if key in g.organisations:
        return g.organisations[key].country
    hits = g.hits(key)
    for h in hits:
        if h.entry.kind == "C":
            return h.entry.country
    best = lookup(name)
    return best[0].country if best else None


def article_countries(text: str, *, publisher_country: str | None = None) -> tuple[str, ...]:
    """Countries an article names (places, demonyms, organisations), most named first;
    the dateline's country, then the publisher's, lead. Pass as `context_countries`."""
    g = load()
    places, orgs, demonyms = find(g, text, 0, len(text))
    counts: Counter[str] = Counter()
    for f in places:
        countries = {h.entry.country for h in f.hits if h.entry.country}
        cc = next((h.entry.country for h in f.hits if h.entry.kind == "C"), None)
        if cc:
            counts[cc] += 2
        elif len(countries) == 1:
            counts[countries.pop()] += 1
    for o in orgs:
        if o.org.country:
            counts[o.org.country] += 1
    for d in demonyms:
        counts[d.country] += 1
    lead: list[str] = []
    dl = dateline(text)
    if dl is not None and dl.country:
        lead.append(dl.country)
    if publisher_country:
        lead.append(publisher_country)
    ordered = lead + [c for c, _ in counts.most_common() if c not in lead]
    return tuple(dict.fromkeys(ordered))


@dataclass(frozen=True)
class GeoContext:
    """What the whole article tells about places, computed once per article."""

    countries: tuple[str, ...]  # most named first, the dateline's (then publisher's) leading
    anchor: tuple[float, float] | None  # the dateline's point, favouring nearby namesakes


def article_context(text: str, *, publisher_country: str | None = None) -> GeoContext:
    """Countries and dateline anchor of an article, for its `locate` calls."""
    dl = dateline(text)
    anchor = (dl.latitude, dl.longitude) if dl and dl.latitude is not None and (
        dl.longitude is not None) else None
    return GeoContext(article_countries(text, publisher_country=publisher_country), anchor)


_DATELINE = re.compile(
    r"^\s*(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{1,40}?)(?:,\s*(?P<region>[A-Z][\w .'’-]{1,40}?))?"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?"
    r"\s*(?:\([A-Z][\w .&-]{1,24}\))?\s*[—–-]{1,2}\s")


def dateline_end(text: str, start: int = 0) -> int:
    """Where a dateline ("KHARKIV, Ukraine, June 11 (Wire) — ") opening the text at `start`
    ends, 0 when there is none: its country and date say where and when the story was
    filed, not what happened."""
    m = _DATELINE.match(text[start:start + 200])
    return start + m.end() if m else 0


def dateline(text: str) -> Place | None:
    """The place a dateline names ("CULIACÁN, Mexico (AP) — ..."), or None."""
    m = _DATELINE.match(text[:200])
    if m is None:
        return None
    city = m.group("city").strip()
    region = (m.group("region") or "").strip()
    ctx: tuple[str, ...] = ()
    if region:
        cc = country_for_name(region)
        ctx = (cc,) if cc else ()
    found = lookup(city, context_countries=ctx)
    if not found:
        return None
    return found[0]


"""What a place filter means: the keys an incident's place is filed under, and the keys
the words a user types into "Country or sea" ask for.

Users type places as they think of them: "Caribbean" or "Caribbean Sea" for a strike in
the southern Caribbean, "Pacific Ocean" for one in the eastern Pacific, "TT" or
"Trinidad and Tobago" for a boat hit "off Trinidad", "Tumaco" for one "off Tumaco".
Matching the stored place name as written finds a fraction of these, and lower-casing
two columns per row scans the whole ledger. So each incident is filed, when it is
written, under normalised keys that indexes can serve:

- `country` — its ISO code, or for a position at sea off a coast the coast's country
  (`Place.near_country`): a strike "off Trinidad" is filed under TT;
- `sea` — the whole sea or ocean it lies in ("caribbean sea" for "southern Caribbean" and
  for a position off Venezuela's Caribbean coast);
- `names` — every name it may be asked by: its place, admin1, the town an "off X"
  position names, and each sea from the narrowest up ("southern caribbean").

`asked_for` reads a user's words the same way, from the same data: the gazetteer's
country names and ISO codes and its seas (strikewatch/geo/data: seas.json, coasts.json),
so there is no second list of names here. Names fold as the gazetteer folds them
(accents, case, dots: "Nariño" = "NARINO").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: First words that make a sea a part of a larger one ("southern Caribbean" lies in the
#: Caribbean Sea, "eastern Pacific" in the Pacific Ocean); the larger one is looked up in
#: the gazetteer by the rest of the name.
_QUARTERS = frozenset({"north", "south", "east", "west", "central", "northern", "southern",
                       "eastern", "western", "northeastern", "northwestern", "southeastern",
                       "southwestern"})


@dataclass(frozen=True)
class PlaceKeys:
    """The keys an incident's place is filed under (see the module's docstring)."""

    country: str | None = None
    sea: str | None = None
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceAsk:
    """What a place filter asks for: exactly one of a country, a whole sea, or a name."""

    country: str | None = None
    sea: str | None = None
    name: str | None = None


def _gazetteer() -> Any:
    from strikewatch.geo.gazetteer import load

    return load()


def _normalise(name: str) -> str:
    from strikewatch.geo.gazetteer import normalise

    return normalise(name)


@lru_cache(maxsize=4096)
def _sea_named(key: str) -> str | None:
    """The gazetteer's name of the sea a normalised key names ("caribbean" -> "Caribbean
    Sea"), or None."""
    if not key:
        return None
    for hit in _gazetteer().hits(key):
        if hit.entry.kind == "S":
            return str(hit.entry.name)
    return None


@lru_cache(maxsize=256)
def sea_chain(name: str) -> tuple[str, ...]:
    """The sea and the seas it lies in, narrowest first, as gazetteer names:
    "southern Caribbean" -> ("southern Caribbean", "Caribbean Sea")."""
    chain = [name]
    while True:
        words = _normalise(chain[-1]).split()
        if len(words) < 2 or words[0] not in _QUARTERS:
            break
        parent = _sea_named(" ".join(words[1:]))
        if parent is None or parent in chain:
            break
        chain.append(parent)
    return tuple(chain)


def _coast_sea(country: str | None, lat: float | None, lon: float | None) -> str | None:
    """The sea off a country's coast: the coast point nearest the position (Colombia has
    a Caribbean and a Pacific coast), else the country's first coast."""
    if not country:
        return None
    coasts = _gazetteer().coasts.get(country) or []
    if not coasts:
        return None
    if lat is None or lon is None:
        return str(coasts[0].sea)
    best = min(coasts, key=lambda c: (c.lat - lat) ** 2 + (c.lon - lon) ** 2)
    return str(best.sea)


def filed_under(place: Any) -> PlaceKeys:
    """The keys of a place (a records.Place, or None). Cheap after the first call: the
    gazetteer loads once per process."""
    if place is None:
        return PlaceKeys()
    country = (place.country or place.near_country or None)
    country = country.upper() if country else None
    names: list[str] = []
    sea: str | None = None
    name = (place.name or "").strip()
    at_sea = place.kind == "sea" or place.geo_precision == 6
    if name:
        names.append(_normalise(name))
        if place.kind in (None, "sea", "other"):  # not the Red Sea state of Sudan
            sea = _sea_named(_normalise(name))  # named as a sea, with or without a kind
        if at_sea and sea is None:
            key = _normalise(name)
            where = ""
            if key.startswith("waters of "):
                key, where = "", key[len("waters of "):]
            elif " off " in f" {key}":
                before, _, where = f" {key}".partition(" off ")
                key = before.strip()
            sea = _sea_named(key) if key else None
            if where:
                names.append(where)
    if place.admin1:
        names.append(_normalise(place.admin1))
    if at_sea and sea is None:
        sea = _coast_sea(country, place.latitude, place.longitude)
    sea_key = None
    if sea is not None:
        chain = sea_chain(sea)
        names += [_normalise(s) for s in chain]
        sea_key = _normalise(chain[-1])
    return PlaceKeys(country=country, sea=sea_key,
                     names=tuple(dict.fromkeys(n for n in names if n)))


def asked_for(text: str) -> PlaceAsk:
    """What the words typed into a place filter ask for: an ISO code or a country's name
    -> that country (with positions off its coast); a whole sea or ocean ("Caribbean",
    "Pacific Ocean") -> everything in it; a part of one ("eastern Pacific") or any other
    place ("Sinaloa", "off Tumaco") -> incidents filed under that name."""
    raw = text.strip()
    g = _gazetteer()
    if len(raw) == 2 and raw.isalpha() and raw.upper() in g.countries:
        return PlaceAsk(country=raw.upper())
    key = _normalise(raw)
    if key.startswith("off ") or key.startswith("waters of "):
        key = key.split(" ", 1)[1] if key.startswith("off ") else key[len("waters of "):]
    sea = _sea_named(key)
    if sea is not None:
        chain = sea_chain(sea)
        if len(chain) == 1:
            return PlaceAsk(sea=_normalise(sea))
        return PlaceAsk(name=_normalise(sea))
    for hit in g.hits(key):
        if hit.entry.kind == "C" and hit.entry.country:
            return PlaceAsk(country=str(hit.entry.country))
    return PlaceAsk(name=key or raw.lower())


def place_answers(ask: PlaceAsk, place: Any) -> bool:
    """Does one place (a records.Place) answer a place filter? The same keys the store
    files an incident under, tested in Python: for records the store does not index by
    place (a tally's place and the regions its sentences name)."""
    keys = filed_under(place)
    if ask.country is not None:
        return keys.country == ask.country
    if ask.sea is not None:
        return keys.sea == ask.sea
    return ask.name is not None and ask.name in keys.names

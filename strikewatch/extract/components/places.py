"""Components `places` and `geoplace`: where each event happened.

`places` gives every frame the country its clause names nearest the event word and the
seas named around it (cheap; coreference uses them to keep events in different countries
or seas apart). `geoplace` runs the
geoparser once per mention (after coreference), on the words around its event words, and
keeps the finest place it finds; a town or province on land with no sea word makes the
domain land.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from strikewatch.extract.actors import DEMONYMS
from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.pipeline import component
from strikewatch.extract.places import (
    country_place,
    geo_place,
    names_acting_state,
    names_the_cause,
    own_country,
    said_there,
    seas_near,
)
from strikewatch.records import Place


@component("places", requires=("doc.frames",), assigns=("frame.place", "frame.seas"))
def read_places(doc: Doc) -> None:
    """A country-level place per frame (geoplace refines it per mention later), and the
    seas named around its event word."""
    for f in doc.frames:
        f.seas = seas_near(doc.text, f)
        place, where = country_place(doc.text, f.start, f.end, (f.trigger.start, f.trigger.end))
        if place is not None and where is not None:
            f.place = place
            f.cite("place", *where)


def place_group(doc: Doc, g: Group) -> None:
    """The geoparser's place for the mention, read once, from its event sentences."""
    acting = {own_country(f) for f in g.frames} - {None}
    for f in g.frames:
        span = f.prov.get("place", [None])[0]
        if names_acting_state(doc.text, f, acting):
            # "the first night of US strikes" read as "in the US": the acting state
            f.place = None
            f.prov.pop("place", None)
        elif f is not g.head and span is not None and said_there(doc.text, span[1],
                                                                 f.trigger.start):
            # the event told again after "in X, the president claimed ...": X is where
            # it was said (geo_place reads the head's own such place)
            f.place = None
            f.prov.pop("place", None)
    found = geo_place(doc.text, g.frames, doc.countries) or described_place(doc.text, g)
    if found is None:
        return
    found = own_clause_first(doc.text, g, found)
    _, place, (a, b) = found
    for f in g.frames:
        f.place = None
        f.prov.pop("place", None)
    g.head.place = place
    g.head.cite("place", a, b)
    if place.kind != "sea" and place.geo_precision is not None and place.geo_precision <= 4 \
            and g.value("domain") is None:
        g.head.domain = "land"  # placed at a town or province on land, with no sea word
        g.head.cite("domain", a, b)


# "Yahmar, a southern Lebanese town", "Ras Isa, the Yemeni oil port": a name no gazetteer
# holds, told with its country's demonym and a word for a place
_DESCRIBED = re.compile(r"\b[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2},\s+(?:a|an|the)\s+"
                        r"(?:[a-z-]+\s+){0,2}?(?P<demonym>[A-Z][a-z]+)\s+(?:[a-z-]+\s+)?"
                        r"(?:town|village|city|hamlet|port|camp|district|region|province|area|"
                        r"neighbou?rhood|suburb)\b")


def described_place(text: str, g: Group) -> tuple[Frame, Place, tuple[int, int]] | None:
    """Where geo finds no place: a name the event's own clause describes as a place of a
    country by its demonym ("hit Yahmar, a southern Lebanese town") lies in that country
    (a country-level place: the town's point is unknown)."""
    for f in g.frames:
        for m in _DESCRIBED.finditer(text, f.start, f.end):
            code = DEMONYMS.get(m.group("demonym"))
            name = country_name(code) if code else None
            if name is not None:
                return f, Place(name=name, country=code, kind="country",
                                geo_precision=5), (m.start(), m.end())
    return None


def own_clause_first(text: str, g: Group, found: tuple[Frame, Place, tuple[int, int]]
                     ) -> tuple[Frame, Place, tuple[int, int]]:
    """The place geo found in a later frame of the mention, unless the head frame's own
    clause (the event's first telling) puts it in another country ("Pakistani airstrikes
    inside Afghanistan killed ten" told before "... a suicide attack in Islamabad" that
    coreference joined):
    the event's own words come first, and a later sentence's place of another country is
    another event's or the story's. A finer place of the same country stands; a place a
    frame carries from another sentence (coreference) is not its own clause's."""
    hit, place, _ = found
    f = g.head
    if place.country is None or hit is f:
        return found  # at sea: the named water says more than a country
    span = f.prov.get("place", [None])[0]
    if f.place is not None and f.place.kind == "country" and span is not None and \
            f.start <= span[0] < f.end and f.place.country != place.country and \
            not names_the_cause(text, f):
        return f, f.place, span  # (not "in retribution for bombings in X": the cause's)
    return found


@component("geoplace", requires=("doc.groups", "doc.countries", "frame.domain"),
           assigns=("frame.place", "frame.domain"))
def place_groups(doc: Doc) -> None:
    """The geoparser's place for every mention."""
    for g in doc.groups:
        place_group(doc, g)


@cache
def country_name(code: str) -> str | None:
    """The country's common English name (as a country-level place is named)."""
    got = pycountry.countries.get(alpha_2=code)
    return getattr(got, "common_name", None) or getattr(got, "name", None)

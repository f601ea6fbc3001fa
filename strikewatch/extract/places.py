"""Places: asks the geo component (strikewatch.geo.locate) for the event's place.

When geo gives nothing, a country the clause names next to the event word ("in Mexico",
"inside Venezuela") stands as a country-level place (geo_precision 5). Country names come
from pycountry; this module keeps no gazetteer of its own.
"""

from __future__ import annotations

import re

from strikewatch import geo
from strikewatch.extract.actors import country_mentions
from strikewatch.records import Place

_PREP = re.compile(r"(?:\b(?:in|inside|into|across|near|off|within|on|over|throughout|"
                   r"of)\s+(?:the\s+)?(?:coast of\s+|(?:north|south|east|west|central)\w*\s+)?"
                   r"|[A-Z][\w\u00C0-\u017F-]+,\s+)$")


def locate_place(text: str, start: int, end: int, trigger: tuple[int, int],
                 context_countries: tuple[str, ...]) -> tuple[Place | None, tuple[int, int]
                                                              | None]:
    """(place, offsets of the words it came from) for the event in text[start:end]."""
    try:
        hit = geo.locate(text, start, end, trigger=trigger,
                         context_countries=context_countries)
    except Exception:  # noqa: BLE001 - a geo failure must not lose the event
        hit = None
    if hit is not None:
        return hit.place, (hit.start, hit.end)
    best: tuple[int, int, str, str] | None = None
    best_d = 10**9
    for a, b, name, code in country_mentions(text[start:end], start):
        if not _PREP.search(text[max(start, a - 40):a]):
            continue  # "Mexico has opposed": a country as actor, not as place
        d = a - trigger[1] if a >= trigger[1] else (trigger[0] - b) * 2
        if d < best_d:
            best, best_d = (a, b, name, code), d
    if best is None:
        return None, None
    a, b, name, code = best
    return Place(name=name, country=code, kind="country", geo_precision=5), (a, b)

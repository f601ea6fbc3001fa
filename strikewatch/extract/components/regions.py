"""Component `regions`: every sea a tally's sentences name, read once, with its span.

"Over 15 strikes in the Caribbean and Pacific" covers both seas while a mention has one
place, so the geoparser reads the places at sea in the tally's sentences (`seas_in`) and the
seas are kept (`Mention.regions`, spans in `provenance["regions"]`); tally reconciliation
(resolve/tallies.py) counts the incidents in any of them. Seas only: a country in such a
sentence is as often the actor ("The US has conducted ...") as the area, so a tally's land
area is its place.
"""

from __future__ import annotations

from strikewatch.extract.context import Doc
from strikewatch.extract.pipeline import component
from strikewatch.geo.protocol import seas_in
from strikewatch.geo.reading import is_open_water
from strikewatch.records import Place


def is_sea(place: Place) -> bool:
    """A named sea or ocean (what the gazetteer gives precision 6)."""
    return bool(place.name) and (place.kind == "sea" or place.geo_precision == 6)


def sea_regions(text: str, start: int, end: int) -> list[tuple[Place, int, int]]:
    """Every sea text[start:end] names, in order, with its offsets ("international
    waters" names none)."""
    return [(pm.place, pm.start, pm.end) for pm in seas_in(text, start, end)
            if is_sea(pm.place) and not is_open_water(pm.place)]


@component("regions", requires=("doc.groups", "frame.kind"), assigns=("group.regions",))
def read_regions(doc: Doc) -> None:
    """The seas of every tally, from its sentences in article order."""
    for g in doc.groups:
        if g.head.kind != "tally":
            continue
        for a, b in sorted({(f.sentence.start, f.sentence.end) for f in g.frames}):
            for place, pa, pb in sea_regions(doc.text, a, b):
                g.regions.append(place)
                g.head.cite("regions", pa, pb)

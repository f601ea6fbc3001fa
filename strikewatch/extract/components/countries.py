"""Component `countries`: the countries the article names (names, then demonyms), context
for place tie-breaks and for "the administration" in a U.S. story."""

from __future__ import annotations

import re

from strikewatch.extract.actors import DEMONYM_RE, DEMONYMS, country_mentions
from strikewatch.extract.context import Doc
from strikewatch.extract.pipeline import component

# a country named as where something is or happens: "in Syria", "across central Syria",
# "in the south of Lebanon" (up to two words of region between); not "US strikes", "the
# U.S. military", "an American soldier" — a country named as a party
_AS_PLACE = re.compile(r"\b(?:in|into|inside|across|throughout|near|over|on|off)\s+(?:the\s+)?"
                       r"(?:(?:north|south|east|west|central|[\w-]*ern|rest|heart|coast|"
                       r"border|part|parts|of|and)\s+){0,4}$", re.IGNORECASE)


@component("countries", assigns=("doc.countries",))
def article_countries(doc: Doc) -> None:
    """The countries the article names (context for place tie-breaks).

    Country names, then demonyms: geo.article_countries reads more (towns) but costs as
    much as the rest of extraction together. A country the article names as a place ("in
    central Syria") comes before one named only as a party ("US strikes", "U.S. soldiers"):
    a name two countries share (Palmyra in Syria and in the United States) is the one of
    the theatre the page's places lie in, not the attacker's."""
    seen: list[str] = []
    placed: list[str] = []
    for a, _, _, code in country_mentions(doc.text):
        if code not in seen:
            seen.append(code)
        if code not in placed and _AS_PLACE.search(doc.text, max(0, a - 60), a):
            placed.append(code)
    # then demonyms ("Russian shelling ... four Ukrainian regions"): cheap, one regex
    for m in DEMONYM_RE.finditer(doc.text):
        code2 = DEMONYMS.get(m.group(1))
        if code2 and code2 not in seen:
            seen.append(code2)
    doc.countries = tuple(placed + [c for c in seen if c not in placed])

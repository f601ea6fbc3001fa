"""Component `countries`: the countries the article names (names, then demonyms), context
for place tie-breaks and for "the administration" in a U.S. story."""

from __future__ import annotations

from strikewatch.extract.actors import DEMONYM_RE, DEMONYMS, country_mentions
from strikewatch.extract.context import Doc
from strikewatch.extract.pipeline import component


@component("countries", assigns=("doc.countries",))
def article_countries(doc: Doc) -> None:
    """The countries the article names (context for place tie-breaks).

    Country names, then demonyms: geo.article_countries reads more (towns) but costs as
    much as the rest of extraction together."""
    seen: list[str] = []
    for _, _, _, code in country_mentions(doc.text):
        if code not in seen:
            seen.append(code)
    # then demonyms ("Russian shelling ... four Ukrainian regions"): cheap, one regex
    for m in DEMONYM_RE.finditer(doc.text):
        code2 = DEMONYMS.get(m.group(1))
        if code2 and code2 not in seen:
            seen.append(code2)
    doc.countries = tuple(seen)

"""`geo.seas_in` gives what `places_in` gives at sea (kind "sea" or geo_precision 6) while
reading only passages that may name one (`reading.may_read_at_sea`): the same places at the
same offsets, over every sentence, every pair of sentences and every comma-cut clause of gold
texts in both languages (training sets only: es0*, esh*, ra*, rb*)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strikewatch import geo
from strikewatch.extract.sentences import split_offsets
from strikewatch.geo.gazetteer import load
from strikewatch.geo.mentions import find
from strikewatch.geo.protocol import seas_in

GOLD = Path(__file__).parent / "gold"
TEXTS = sorted((GOLD / "es" / "articles").glob("es0*.txt"))[:30] + \
    sorted((GOLD / "es" / "articles").glob("esh*.txt"))[:10] + \
    sorted((GOLD / "real" / "articles").glob("ra*.txt"))[:25] + \
    sorted((GOLD / "real" / "articles").glob("rb*.txt"))[:15]


def at_sea(text: str, a: int, b: int) -> list[geo.PlaceMatch]:
    return [pm for pm in geo.places_in(text, a, b)
            if pm.place.kind == "sea" or pm.place.geo_precision == 6]


def spans(text: str) -> list[tuple[int, int]]:
    """Sentences, pairs of sentences, and the clauses a comma or semicolon cuts."""
    sents = split_offsets(text)
    out = list(sents) + [(a, d) for (a, _), (_, d) in zip(sents, sents[1:], strict=False)]
    for a, b in sents:
        cuts = [a, *(a + m.end() for m in re.finditer(r"[,;]", text[a:b])), b]
        out += list(zip(cuts, cuts[1:], strict=False))  # each clause
        out += [(a, c) for c in cuts[1:-1]]  # the sentence up to each comma
    return sorted({(a, b) for a, b in out if a < b})


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_seas_are_those_places_in_reads_at_sea(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for a, b in spans(text):
        assert geo.seas_in(text, a, b) == at_sea(text, a, b), (path.name, text[a:b])
    assert geo.seas_in(text) == at_sea(text, 0, len(text))


def test_a_passage_that_names_no_sea_is_read_no_further() -> None:
    g = load()
    from strikewatch.geo.reading import may_read_at_sea

    plain = "El Ejército colombiano bombardeó un campamento en Guaviare, dijo el ministro."
    assert not may_read_at_sea(find(g, plain, 0, len(plain)), plain, 0, len(plain))
    assert geo.seas_in(plain) == []
    for text in ("Una lancha fue atacada en aguas del Pacífico oriental.",
                 "The boat was struck off Venezuela's coast on Tuesday.",
                 "A vessel was hit 40 km north of Aruba.",
                 "The strike was in international waters."):
        assert may_read_at_sea(find(g, text, 0, len(text)), text, 0, len(text)), text
        assert geo.seas_in(text) == at_sea(text, 0, len(text)) != [], text


def test_a_geoparser_without_seas_in_is_asked_places_in() -> None:
    """The protocol's `seas_in` filters `places_in` for a geoparser that has no own."""
    from strikewatch.geo import protocol

    class Plain:
        name, version = "plain-test", "1"

        def locate(self, *a: object, **k: object) -> None:
            return None

        def places_in(self, text: str, start: int = 0, end: int | None = None, *,
                      context_countries: tuple[str, ...] = ()) -> list[geo.PlaceMatch]:
            return geo.places_in(text, start, end)

        def country_for_name(self, name: str) -> str | None:
            return None

    protocol.geoparsers.register("plain-test", func=lambda: Plain())
    text = "Strikes hit boats in the Caribbean and a house in Culiacán, Mexico."
    try:
        protocol.use_geoparser("plain-test")
        got = seas_in(text)
    finally:
        protocol.use_geoparser(protocol.DEFAULT_GEOPARSER)
    assert got == at_sea(text, 0, len(text))
    assert [pm.place.kind for pm in got] == ["sea"]

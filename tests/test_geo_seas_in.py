"""`geo.seas_in` gives what `places_in` gives at sea (kind "sea" or geo_precision 6) while
reading only passages that may name one (`Gazetteer.may_name_water`,
`reading.may_put_at_sea`, `reading.may_read_at_sea`): the same places at the same offsets,
over every sentence, every pair of sentences and every comma-cut clause of gold texts in
both languages (training sets only: es0*, esh*, ra*, rb*)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strikewatch import geo
from strikewatch.extract.sentences import split_offsets
from strikewatch.geo.gazetteer import (
    _ENDINGS,
    _WORDS,
    OPEN_WATER_WORD,
    SEA_WORD,
    aligned_fold,
    load,
    normalise,
    passage_words,
    transliterations,
    water_kinds,
    water_words,
)
from strikewatch.geo.mentions import find, tokens
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


TRICKY = [
    "Una lancha en el Mar Cari\u0301be…2Caribe, frente a EE.UU. y el Golfo de México.",
    "Strikes in the Caribbean™ and the Pacific\u24d0 Ocean; the U.S.S. Gerald R. Ford.",
    "Kata’ib Hezbollah near the Red Sea port of Hodeidah, Yemen's Gulf of Aden coast.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_every_word_of_a_name_found_in_odd_text_is_a_word_of_its_passage(text: str) -> None:
    check_words_of_names(text)


@pytest.mark.parametrize("path", TEXTS[::4], ids=lambda p: p.name)
def test_every_word_of_a_name_found_is_a_word_of_its_passage(path: Path) -> None:
    """What the gate before `find` rests on: a name's key words are among the passage's
    words (`passage_words`), so a passage with no word of a sea's name finds none."""
    check_words_of_names(path.read_text(encoding="utf-8"))


def check_words_of_names(text: str) -> None:
    g = load()
    for a, b in [*spans(text), (0, len(text))]:
        words = passage_words(text, a, b)
        if words is None:
            continue
        places, _, _ = find(g, text, a, b)
        for f in places:  # (the words as the finder reads them: each word's key)
            key = " ".join(normalise(t.text) for t in tokens(text, f.start, f.end))
            assert set(key.split()) <= set(words), (text[a:b], key)


def test_a_sea_word_has_no_other_spelling_the_finder_tries() -> None:
    """The finder respells a word it cannot find (gazetteer.transliterations: "beit" for
    "bayt", "-iyeh" for "-ieh"); none of a sea's or open water's words is such a word, so
    a passage reaches a sea's name only through one of them."""
    g = load()
    respelt = set(_WORDS.values()) | {sub for _, subs in _ENDINGS for sub in subs}
    for w in g.sea_words | g.open_water_words:
        assert transliterations(w) == [], w  # no other spelling of it is tried
        assert not any(w == r or w.endswith(r) for r in respelt), w  # nor it, of another


def test_a_text_folds_in_place_one_character_for_one() -> None:
    assert aligned_fold("Ataque en el Pacífico oriental") == "ataque en el pacifico oriental"
    assert aligned_fold("a \ufb01sh") is None  # a word's "ﬁ" folds to two letters
    # what ends a word is a space: a lone accent, "…", a circled "ⓐ" (no word's letter)
    assert aligned_fold("Paci\u0301fico…\u24d0 Caribe") == "paci fico   caribe"
    assert passage_words("Hundió una lancha en el Mar Caribe.", 0, 34) == [
        "hundio", "una", "lancha", "en", "el", "mar", "caribe"]
    assert passage_words("Strikes in EE.UU. and 2Gaza", 0, 27) == [
        "strikes", "in", "eeuu", "and", "2gaza", "gaza"]
    assert passage_words("Østersjøen", 0, 10) is None  # normalise spells "ø" as "o"


@pytest.mark.parametrize("path", TEXTS[1::4], ids=lambda p: p.name)
def test_the_article_marks_tell_what_each_passage_words_tell(path: Path) -> None:
    """`water_kinds` (the article's sea and open-water words, read once) says of every
    passage what its own words say, where it says anything."""
    g = load()
    text = path.read_text(encoding="utf-8")
    told = 0
    for a, b in [*spans(text), *((m.start(), m.end()) for m in re.finditer(r"\S+", text))]:
        kinds = water_kinds(g, text, a, b)
        words = passage_words(text, a, b)
        if kinds is None or words is None:
            continue
        told += 1
        assert bool(kinds & SEA_WORD) == (not g.sea_words.isdisjoint(words)), text[a:b]
        assert bool(kinds & OPEN_WATER_WORD) == (not g.open_water_words.isdisjoint(words))
    assert told > 0


def test_marks_stand_at_the_words_whatever_dots_come_before() -> None:
    g = load()
    text = "Los EE.UU. atacaron 2 lanchas en el Caribe. En alta mar, el U.S.S. Gerald."
    starts, ends, kinds = water_words(g, text) or ([], [], [])
    assert [text[a:b] for a, b in zip(starts, ends, strict=True)] == ["Caribe", "mar"]
    assert kinds == [SEA_WORD, SEA_WORD | OPEN_WATER_WORD]  # "mar": "Mar Caribe", "alta mar"
    caribe = text.index("Caribe")
    assert water_kinds(g, text, 0, caribe) == 0
    assert water_kinds(g, text, caribe - 6, caribe + 7) == SEA_WORD
    assert water_kinds(g, text, caribe - 6, caribe + 3) is None  # the edge cuts "Caribe"

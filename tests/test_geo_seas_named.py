"""`geo.reading._seas_named` reads an article's seas only in passages that hold a word of
some sea's name (`Gazetteer.may_name_a_sea`): the same seas, at the same offsets, as one
pass of the gazetteer over the whole text."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikewatch.geo.gazetteer import load
from strikewatch.geo.mentions import find
from strikewatch.geo.reading import _NAME_RUN, _seas_named

GOLD = Path(__file__).parent / "gold"
TEXTS = sorted((GOLD / "es" / "articles").glob("es*.txt"))[:40] + \
    sorted((GOLD / "real" / "articles").glob("ra*.txt"))[:40]


def test_a_passage_names_a_sea_only_with_a_word_of_a_seas_name() -> None:
    g = load()
    assert g.may_name_a_sea("hundió una lancha en aguas del Pacífico oriental")
    assert g.may_name_a_sea("struck a boat in the Caribbean Sea")
    assert not g.may_name_a_sea("dijo el ministro de Defensa, que habló de los ataques")
    assert not g.may_name_a_sea("the minister said the strikes were lawful")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_seas_read_are_those_of_the_whole_text(path: Path) -> None:
    g = load()
    text = path.read_text(encoding="utf-8")
    places, _, _ = find(g, text, 0, len(text))
    whole = [(f.start, f.end, sea) for f in places
             if (sea := next((h.entry for h in f.hits if h.entry.kind == "S"), None))]
    assert _seas_named(g, text) == whole


def test_every_organisation_name_lies_in_one_run_of_name_characters() -> None:
    """`_seas_named` finds in each run of `_NAME_RUN` apart: an organisation's name (which
    masks the place names inside it) must not span two runs."""
    g = load()
    for name in g.org_names:
        assert _NAME_RUN.fullmatch(name), name

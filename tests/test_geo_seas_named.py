"""`geo.reading._seas_named` reads an article's seas only in passages that hold a word of
some sea's name (`Gazetteer.may_name_a_sea`): the same seas, at the same offsets, as one
pass of the gazetteer over the whole text."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikewatch.geo.gazetteer import load
from strikewatch.geo.mentions import find
from strikewatch.geo.reading import _NAME_RUN, _SEAS_OF, _sea_named_near, _seas_named

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


@pytest.mark.parametrize("path", TEXTS[::5], ids=lambda p: p.name)
def test_the_sea_near_a_passage_is_the_one_the_whole_list_gives(path: Path) -> None:
    """`_sea_named_near` reads only the runs nearest the passage: the same sea as the last
    one before it (4,000 characters back), else the first after it, in `_seas_named`."""
    g = load()
    text = path.read_text(encoding="utf-8")
    named = _seas_named(g, text)
    for start in range(0, len(text), 97):
        end = min(len(text), start + 150)
        before = [x for x in named if max(0, start - 4000) <= x[0] and x[1] <= start]
        after = [x for x in named if end <= x[0] and x[1] <= end + 4000]
        want = ([*reversed(before), *after] or [(0, 0, None)])[0][2]
        _SEAS_OF.clear()  # (read afresh: from the passage's runs only)
        assert _sea_named_near(g, text, start, end) == want

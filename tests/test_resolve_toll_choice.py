"""How an incident's toll is chosen from its reports (resolve/merging.py) and the words
extraction cites for a toll's stage (an early count, a raised toll). Sentences written for
these tests, none from any gold file or outlet."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.es.reader import make_reader
from strikewatch.records import Article, Mention, Span
from strikewatch.resolve.merging import merge_counts

PUB = "2024-06-10"


def _toll(text: str, language: str = "en") -> tuple[int | None, int | None, list[str]]:
    art = Article(id=f"t{abs(hash(text))}", text=text, published=PUB, language=language)
    ms = make_reader()(art) if language == "es" else extract(art)
    (m,) = [m for m in ms if m.kind == "event" and m.killed_low is not None]
    return m.killed_low, m.killed_high, [s.text for s in m.provenance.get("killed", [])]


# --- the stage of a toll, cited beside its figure ----------------------------------------

@pytest.mark.parametrize("text", [
    "Jets struck the port city on Wednesday, and the health ministry said in a first count "
    "that nine people were killed.",
    "An air strike on the market killed nine people on Tuesday, according to preliminary "
    "figures from the district hospital.",
    "Nine people died when a drone hit a minibus near the border on Tuesday, an initial "
    "toll from local officials showed.",
    "Medics initially put the dead at nine after the shelling of the camp on Tuesday.",
])
def test_an_early_count_is_cited(text: str) -> None:
    lo, hi, said = _toll(text)
    assert (lo, hi) == (9, 9)  # the figure itself stays as read
    assert len(said) == 2 and not said[1][0].isdigit()


@pytest.mark.parametrize("text", [
    "The death toll from the air strike on the market on Tuesday has risen to 46, the "
    "health ministry said.",
    "The number of people killed in the air strike on the market has climbed to 46, medics "
    "said on Wednesday.",
    "A drone strike on the convoy killed 46 people on Monday, up from an earlier count of "
    "nine, officials said.",
    "Officials raised the toll to 46 on Wednesday after the bombing of the bus station.",
])
def test_a_raised_toll_is_cited(text: str) -> None:
    lo, hi, said = _toll(text)
    assert (lo, hi) == (46, 46)
    assert len(said) == 2


@pytest.mark.parametrize("text", [
    "The first strike killed nine people near the harbour on Tuesday, officials said.",
    "An air strike in the early hours of Tuesday killed nine people in the village.",
    "An air strike killed nine people at a fuel depot on Tuesday, and prices rose to a "
    "record.",
])
def test_no_stage_told(text: str) -> None:
    lo, hi, said = _toll(text)
    assert (lo, hi) == (9, 9) and said == [said[0]] and said[0].lower() == "nine"


def test_an_early_count_in_spanish_is_cited() -> None:
    for text in ("Un bombardeo en el Guaviare dejó nueve muertos el martes, según un primer "
                 "balance del Ejército.",
                 "Nueve personas murieron en un ataque con drones contra un autobús el martes, "
                 "de acuerdo con cifras preliminares de la Fiscalía."):
        lo, hi, said = _toll(text, "es")
        assert (lo, hi) == (9, 9) and len(said) == 2


# --- choosing the toll across reports ----------------------------------------------------

def _m(lo: int | None, hi: int | None, article: str = "a", said: str = "") -> Mention:
    prov = {"killed": [Span(article_id=article, start=0, end=len(said), text=said)]} \
        if said else {}
    return Mention(article_id=article, killed_low=lo, killed_high=hi, provenance=prov)


def _killed(reports: list[Mention]) -> tuple[int | None, int | None]:
    out, _ = merge_counts(reports)
    return out["killed_low"], out["killed_high"]


def test_an_early_count_yields_to_a_higher_one() -> None:
    assert _killed([_m(9, 9, "a", "in a first count"), _m(46, 46, "b")]) == (46, 46)
    assert _killed([_m(4, 4, "a", "preliminary figures"), _m(8, 8, "b")]) == (8, 8)
    assert _killed([_m(9, 9, "a", "primer balance"), _m(19, 19, "b")]) == (19, 19)
    # a lower figure elsewhere is no later count: the range stays
    assert _killed([_m(9, 9, "a", "in a first count"), _m(5, 5, "b")]) == (5, 9)
    # no stage told: the reports disagree and the range stays
    assert _killed([_m(9, 9, "a"), _m(46, 46, "b")]) == (9, 46)


def test_a_raised_toll_supersedes_lower_ones() -> None:
    assert _killed([_m(4, 4, "a"), _m(8, 8, "b", "the toll has risen to")]) == (8, 8)
    assert _killed([_m(3, None, "a"), _m(12, 12, "b", "up from nine")]) == (12, 12)
    # a higher figure than the raised one is not superseded
    assert _killed([_m(15, 15, "a"), _m(8, 8, "b", "the toll has risen to")]) == (8, 15)


def test_a_lone_dissent_against_agreeing_reports_goes() -> None:
    out, flags = merge_counts([_m(3, 3, "a"), _m(3, 3, "b"), _m(3, 3, "c"), _m(8, 8, "d")])
    assert (out["killed_low"], out["killed_high"]) == (3, 3)
    assert flags and "agree on 3" in flags[0]
    assert _killed([_m(3, 3, "a"), _m(3, 3, "b"), _m(3, 3, "c"), _m(2, 2, "d")]) == (3, 3)
    # a floor the figure meets is no dissent: it widens the low as before
    assert _killed([_m(3, 3, "a"), _m(3, 3, "b"), _m(3, 3, "c"), _m(2, None, "d")]) == (2, 3)


def test_no_consensus_keeps_the_range() -> None:
    # two against one, two against two, one against one: the reports truly disagree
    assert _killed([_m(1, 1, "a"), _m(1, 1, "b"), _m(3, 3, "c")]) == (1, 3)
    assert _killed([_m(3, 3, "a"), _m(3, 3, "b"), _m(6, 6, "c"), _m(6, 6, "d")]) == (3, 6)
    assert _killed([_m(3, 3, "a"), _m(6, 6, "b")]) == (3, 6)
    # two agreeing mentions of one article are one report
    assert _killed([_m(3, 3, "a"), _m(3, 3, "a"), _m(6, 6, "b")]) == (3, 6)
    # three agreeing against two dissents is not two to one
    assert _killed([_m(3, 3, "a"), _m(3, 3, "b"), _m(3, 3, "c"), _m(5, 5, "d"),
                    _m(7, 7, "e")]) == (3, 7)


def test_a_later_higher_dissent_stays() -> None:
    arts = {x: Article(id=x, text="t", published=day) for x, day in
            (("a", "2024-06-10"), ("b", "2024-06-10"), ("c", "2024-06-12"))}
    arts["d"] = Article(id="d", text="t", published="2024-06-11")
    told = [_m(3, 3, "a"), _m(3, 3, "b"), _m(3, 3, "d"), _m(5, 5, "c")]
    out, _ = merge_counts(told, arts)
    assert (out["killed_low"], out["killed_high"]) == (3, 5)  # perhaps the toll as it rose
    arts["c"] = Article(id="c", text="t", published="2024-06-09")
    out, _ = merge_counts(told, arts)
    assert (out["killed_low"], out["killed_high"]) == (3, 3)


def test_copies_of_one_wire_story_agree_once() -> None:
    arts = {x: Article(id=x, text="t", published=PUB, origin_id=o) for x, o in
            (("a", "wire-1"), ("b", "wire-1"), ("c", "c"))}
    out, _ = merge_counts([_m(3, 3, "a"), _m(3, 3, "b"), _m(6, 6, "c")], arts)
    assert (out["killed_low"], out["killed_high"]) == (3, 6)  # one source against one
    arts["d"] = Article(id="d", text="t", published=PUB)
    arts["e"] = Article(id="e", text="t", published=PUB)
    out, _ = merge_counts([_m(3, 3, "a"), _m(3, 3, "b"), _m(3, 3, "d"), _m(3, 3, "e"),
                           _m(6, 6, "c")], arts)
    assert (out["killed_low"], out["killed_high"]) == (3, 3)

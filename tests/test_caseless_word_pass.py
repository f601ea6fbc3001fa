"""`caseless.may_hold` reads every word asked about in one automaton pass per text: its
answers must be those of a plain substring test, whatever tuples are asked and in what
order (new words learnt between two texts, a text asked again, an empty word)."""

from __future__ import annotations

import random

from strikewatch import caseless
from strikewatch.caseless import lowered, may_hold


def _plain(low: str | None, words: tuple[str, ...]) -> bool:
    return low is None or any(w in low for w in words)


def test_answers_are_a_substring_test() -> None:
    rng = random.Random(3)
    vocab = ["has", "have", "past", "since", "every", "n't", "part of", "semi-sub", "wag",
             "routinely", "ago", "be", "ed ", "zzz"]
    texts = ["They have struck boats every week since May.",
             "The strike was part of a wider campaign, officials said.",
             "Officials didn't say; it wagged on.", "", "be", "Semi-submersibles were hit."]
    for _ in range(400):
        words = tuple(rng.sample(vocab, rng.randint(1, 4)))
        low = lowered(rng.choice(texts))
        assert may_hold(low, words) == _plain(low, words), (low, words)


def test_a_word_learnt_later_is_found_in_a_text_read_before() -> None:
    low = lowered("Militants raided the village overnight, residents said.")
    assert not may_hold(low, ("qqqq-never",))
    assert may_hold(low, ("overnight-x", "residents"))  # a tuple never asked before
    assert may_hold(low, ("overnight",))


def test_an_empty_word_is_in_every_text() -> None:
    assert may_hold("abc", ("",)) and may_hold("", ("x", ""))


def test_too_many_word_sets_are_tested_as_they_are(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(caseless, "_MAX_WORD_SETS", 0)
    assert may_hold("a raid at dawn", ("dawn-x", "raid"))
    assert not may_hold("a raid at dawn", ("dusk-y",))


def test_anchored_matcher_reads_like_the_word_list() -> None:
    """es_triggers' word lists at their anchors: the same matches as the caseless scan."""
    import re

    from strikewatch.caseless import caseless
    from strikewatch.extract.anchored import Anchored, anchored_matcher

    words = caseless(re.compile(r"\b(?:explosi(?:ón|ones)|estallidos?|(?:explot|deton)(?:ó|aron))"
                                r"\b", re.IGNORECASE))
    told = re.compile(r"(?:(?<=\bel )|(?<=\bla ))(?:explosión|estallido)(?=\s+se\s+produjo)",
                      re.IGNORECASE)
    for p in (words, told):
        fast = anchored_matcher(p)
        assert isinstance(fast, Anchored)
        for text in ("La EXPLOSIÓN se produjo al alba; otra explotó después.",
                     "el estallido se produjo cerca; los estallidos siguieron",
                     "Un estallido. Detonaron dos cargas y detonó una.", ""):
            assert [m.span() for m in fast.finditer(text)] == \
                [m.span() for m in p.finditer(text)], (p, text)
            got, want = fast.search(text), p.search(text)
            assert (got and got.group(0)) == (want and want.group(0))
    no_anchor = re.compile(r"\w+ bomba")
    assert anchored_matcher(no_anchor) is no_anchor

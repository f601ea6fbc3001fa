"""strikewatch.caseless: a case-insensitive pattern matched on lower-cased text finds the
same matches (spans, groups, names, matched text) as the pattern itself."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.caseless import caseless

PATTERNS = [
    r"\b(?:air ?strikes?|(?P<drone>drone) attacks?|U\.S\. forces)\b",
    r"\b(?:said|told)\s+(?:on\s+)?$",
    r"(?<![\w-])(?:Mar Caribe|océano Pacífico|EE\.\s?UU\.)(?!\w)",
    r"\S+ (?P<n>\d+) [A-Z][a-z]+",  # escapes and classes keep their meaning
    r"\b(?P<w>\w+) (?P=w)\b",  # a back-reference by name
]
ALPHABET = "aAsSiIkK\u212aſıİ ΣσςéÉ.-’'5\n" + "strikeSTRIKEairdroneUtold"


def facts(it):
    return [(m.span(), m.group(0), m.groups(), m.lastgroup, m.groupdict()) for m in it]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=60), which=st.integers(0, len(PATTERNS) - 1),
       pos=st.integers(0, 10))
def test_same_matches_as_ignorecase(text: str, which: int, pos: int) -> None:
    rx = re.compile(PATTERNS[which], re.IGNORECASE)
    fast = caseless(rx)
    assert facts(fast.finditer(text, pos)) == facts(rx.finditer(text, pos))
    assert facts(m for m in [fast.search(text, pos)] if m) == \
        facts(m for m in [rx.search(text, pos)] if m)
    assert facts(m for m in [fast.match(text, pos)] if m) == \
        facts(m for m in [rx.match(text, pos)] if m)


def test_real_sentences_and_what_a_match_reads_back() -> None:
    rx = re.compile(PATTERNS[0], re.IGNORECASE)
    fast = caseless(rx)
    assert fast.lc is not None  # converted: matched without IGNORECASE
    text = "Two DRONE attacks and an Airstrike hit; U.S. Forces said"
    got = list(fast.finditer(text))
    assert [m.group(0) for m in got] == ["DRONE attacks", "Airstrike", "U.S. Forces"]
    assert got[0].group("drone") == "DRONE" and got[0].lastgroup == "drone"
    # "ſ" (long s) is matched as "s" by IGNORECASE: that text is read with the pattern itself
    assert [m.group(0) for m in fast.finditer("airſtrikes")] == ["airſtrikes"]


def test_patterns_that_cannot_be_lowered_are_used_as_they_are() -> None:
    mixed = caseless(re.compile(r"(?-i:[A-Z])\w+ strike", re.IGNORECASE))
    assert mixed.lc is None
    assert [m.group(0) for m in mixed.finditer("a Huge strike, a small STRIKE")] == [
        "Huge strike"]
    plain = caseless(re.compile(r"Strike"))  # no IGNORECASE: nothing to convert
    assert plain.lc is None and plain.search("strike") is None

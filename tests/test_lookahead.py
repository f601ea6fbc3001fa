"""prefixed(rx) must find exactly what rx finds: same spans, groups and lastgroup."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract.counts import COUNT_LC
from strikewatch.extract.dates import DATE_RE
from strikewatch.extract.lookahead import prefixed

# patterns of the kinds prefixed() has to follow: (?i:...) groups in a case-sensitive
# pattern, a repeat needing more copies than the lookahead's length, leading lookbehinds,
# single-character alternatives merged into classes
PATTERNS = [
    re.compile(r"\b(?i:between|from) \d+|\b\d{4}-\d{2}-\d{2}\b|\b(?:May|June)\b"),
    re.compile(r"(?<![a-z]-)(?<!\d:)\b(?:a|an|\d+|two)\b"),
    re.compile(r"(?<![\w.])[A-Z][\w.]*"),
    re.compile(r"\b(?:rose|risen|-\d|\.\d+)\b", re.IGNORECASE),
    re.compile(r"x{5,}y|\bab(?i:C)"),
    DATE_RE,
    COUNT_LC,
]
WORDS = ["between", "From", "FROM", "2025-06-16", "May", "MAY", "june", "June", "a", "an",
         "two", "x-a", "4:2", "U.S.", "Mexico", "rose", "RISEN", "-3", ".5", "xxxxxy", "xxxy",
         "abc", "abC", "ABC", "on", "Monday", "last", "week", "12", "of", "ſ", "ı", "İ", "K"]
SEPS = [" ", "", ",", ".", "-", "\n", "'s "]


def _found(rx: re.Pattern[str], text: str) -> list[object]:
    return [(m.span(), m.groups(), m.lastgroup) for m in rx.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=12),
       st.sampled_from(range(len(PATTERNS))), st.integers(1, 3))
def test_prefixed_finds_what_the_pattern_finds(parts: list[tuple[str, str]], i: int,
                                                k: int) -> None:
    text = "".join(w + s for w, s in parts)
    rx = PATTERNS[i]
    assert _found(prefixed(rx, k), text) == _found(rx, text)


def test_the_lookahead_is_in_front_where_it_can_be_derived() -> None:
    # a case-sensitive pattern with (?i:...) groups, every branch at a word boundary
    p = prefixed(DATE_RE)
    assert p is not DATE_RE and p.pattern.startswith(r"(?=\b")
    # a four-digit repeat is longer than the one-character lookahead: still a prefix
    iso = prefixed(re.compile(r"\b\d{4}-\d{2}\b"))
    assert iso.findall("on 2025-06 and 12-34") == ["2025-06"]


def test_a_pattern_that_can_match_empty_is_left_as_it_is() -> None:
    rx = re.compile(r"a*")
    assert prefixed(rx) is rx


def test_a_pattern_with_global_inline_flags_is_left_as_it_is() -> None:
    # "(?m)" must open a pattern: no lookahead can be put in front of it
    rx = re.compile(r"(?m)^Strikes?:")
    assert prefixed(rx) is rx

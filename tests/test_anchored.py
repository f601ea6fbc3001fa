"""anchored(rx) must find exactly what rx finds: same spans, groups and lastgroup."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract.anchored import (
    Anchored,
    anchored,
    anchored_or_gated,
    anchors,
    gated,
    required,
)
from strikewatch.extract.triggers import _PREFILTER_LC

# patterns of the kinds anchored() has to follow: leading lookbehinds and \b, optional
# words before the first required one, a lazy gap, IGNORECASE, groups and lastgroup
PATTERNS = [
    re.compile(r"\b(?:(?P<a>car|truck) bombs?|(?P<b>bomb(?:ed|ing)?)|(?P<c>(?<=would )target))\b"),
    re.compile(r"(?<![a-z]-)\b(?:(?:glide |guided )?bombs? hit|fired (?:[\w-]+ ){0,3}?rockets?)"),
    re.compile(r"\b(?:rose|risen|strike|kill)\b", re.IGNORECASE),
    re.compile(r"\bnone\s+of\s+(?:the|those)\s+$", re.IGNORECASE),
    re.compile(r"ab|abc|b"),
    # case rules mixed: anchors are folded, the pattern decides; digits and (?i:...)
    re.compile(r"\b(?:(?i:between) \d+|May \d{1,2}|(?-i:K)m|[A-C]\w+)\b"),
    re.compile(r"[;—–]|\b(?:said|told)\b"),
    _PREFILTER_LC.rx if isinstance(_PREFILTER_LC, Anchored) else _PREFILTER_LC,
]
WORDS = ["car", "Car", "truck", "bomb", "bombs", "bombed", "BOMBING", "would", "target",
         "glide", "guided", "hit", "fired", "two", "rockets", "rocket", "rose", "RISEN", "ſ",
         "ı", "İ", "K", "strike", "STRIKE", "ſtrike", "none", "of", "the", "those", "ab",
         "abc", "b", "x-", "airstrike", "killed", "Between", "BETWEEN", "12", "٣", "May",
         "may", "Km", "km", "Kelvin", "Bravo", "cat", "—", ";", "said", "TOLD"]
SEPS = [" ", "", ",", ".", "-", "\n", "'s "]


def _found(rx: re.Pattern[str] | Anchored, text: str, pos: int) -> list[object]:
    return [(m.span(), m.groups(), m.lastgroup) for m in rx.finditer(text, pos)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=12),
       st.sampled_from(range(len(PATTERNS))), st.integers(0, 6))
def test_anchored_finds_what_the_pattern_finds(parts: list[tuple[str, str]], i: int,
                                               pos: int) -> None:
    text = "".join(w + s for w, s in parts)
    rx = PATTERNS[i]
    an = anchored(rx)
    assert isinstance(an, Anchored)
    assert _found(an, text, pos) == _found(rx, text, pos)
    first, got = rx.search(text, pos), an.search(text, pos)
    assert (first and (first.span(), first.lastgroup)) == (got and (got.span(), got.lastgroup))


def test_anchors_are_the_literal_starts() -> None:
    assert anchors(re.compile(r"\b(?:car|van) bombs?\b")) == {"car bomb", "van bomb"}
    # an optional word before the first required one: each way a match can start (eight
    # characters at most: longer ones turn no more positions away)
    assert anchors(re.compile(r"(?:glide )?bombs? hit")) == {"glide bo", "bomb hit", "bombs hi"}
    # an anchor that extends another is left out (its positions are the other's)
    assert anchors(re.compile(r"\b(?:raid|raided|raids)\b")) == {"raid"}
    # anchored on the lower-cased text, whatever the pattern's case rules
    assert anchors(re.compile(r"\bRose\b", re.IGNORECASE)) == {"rose"}
    assert anchors(re.compile(r"\b(?:May|(?i:from)) ")) == {"may ", "from "}
    # a digit: any of 0-9 (a text with other digits is matched by the pattern itself)
    assert anchors(re.compile(r"\d+ killed")) == set("0123456789")


def test_a_pattern_with_no_literal_start_is_left_as_it_is() -> None:
    for rx in (re.compile(r"\w+ killed"), re.compile(r",?\s*bringing"), re.compile(r"a*"),
               re.compile(r"ſtrike", re.IGNORECASE)):  # IGNORECASE folds ſ beyond lower()
        assert anchored(rx) is rx


GATED = [
    re.compile(r",?\s*(?:bringing|raising) the (?:[\w-]+\s+){0,3}(?:toll|count)\b", re.I),
    re.compile(r"(?P<src>[A-Z]\w+|the\s+\w+)\s+(?:said|told)\b"),
]
GATE_WORDS = ["bringing", "Raising", "the", "toll", "count", "two", "Officials", "officials",
              "said", "TOLD", "told", "ſ", "İ", "a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(GATE_WORDS), st.sampled_from(SEPS)), max_size=10),
       st.sampled_from(range(len(GATED))), st.integers(0, 4))
def test_gated_finds_what_the_pattern_finds(parts: list[tuple[str, str]], i: int,
                                            pos: int) -> None:
    text = "".join(w + s for w, s in parts)
    rx = GATED[i]
    g = gated(rx)
    assert isinstance(g, Anchored)
    assert _found(g, text, pos) == _found(rx, text, pos)
    first, got = rx.search(text, pos), g.search(text, pos)
    assert (first and first.span()) == (got and got.span())


def test_the_gate_is_the_longest_strings_every_match_holds() -> None:
    assert required(GATED[0]) == {"bringing", "raising "}
    assert required(GATED[1]) == {"said", "told"}


# accented letters as anchors (the Spanish lexicons): "Ú" and "ú" are one anchor in the
# lower-cased text; a letter IGNORECASE folds beyond its lower case (σ/ς/Σ, µ/μ) is none
ACCENTED = [
    re.compile(r"\b(?:último golpe|atac(?:ó|aron)|misi(?:ón|ones) contra|(?-i:operaci)ón)\b",
               re.IGNORECASE),
    re.compile(r"\b(?:Ébano|ébano|ñandú)s?\b"),
    re.compile(r"\b(?:σεισμός|µg|días?)\b", re.IGNORECASE),
]
ACCENTED_WORDS = ["último", "ÚLTIMO", "Último", "golpe", "atacó", "ATACÓ", "atacaron", "misión",
                  "MISIONES", "contra", "operación", "OPERACIÓN", "Operación", "Ébano", "ébano",
                  "EBANO", "ñandú", "ÑANDÚ", "σεισμός", "ΣΕΙΣΜΌΣ", "σεισμόσ", "µg", "μg", "ΜG",
                  "días", "DÍAS", "ſ", "İ", "K", "٣", "12"]


def test_accented_anchors_are_folded_as_the_text_is() -> None:
    assert anchors(ACCENTED[0]) == {"último g", "atacó", "atacaron", "misión c", "misiones",
                                    "operació"}
    assert anchors(ACCENTED[1]) == {"ébano", "ñandú"}
    assert anchors(ACCENTED[2]) is None  # σ and µ fold beyond their lower case


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ACCENTED_WORDS), st.sampled_from(SEPS)), max_size=10),
       st.sampled_from(range(2)), st.integers(0, 8), st.integers(0, 80))
def test_accented_anchored_finds_what_the_pattern_finds(parts: list[tuple[str, str]], i: int,
                                                        pos: int, endpos: int) -> None:
    text = "".join(w + s for w, s in parts)
    rx = ACCENTED[i]
    an = anchored(rx)
    assert isinstance(an, Anchored)
    # bounds as a component gives them (a clause of the article): the same matches
    for a, b in ((pos, len(text)), (pos, endpos), (0, endpos)):
        assert [(m.span(), m.groups()) for m in an.finditer(text, a, b)] == \
            [(m.span(), m.groups()) for m in rx.finditer(text, a, b)]
        first, got = rx.search(text, a, b), an.search(text, a, b)
        assert (first and first.span()) == (got and got.span())


def test_anchored_or_gated_takes_anchors_first_then_the_gate() -> None:
    with_anchors = re.compile(r"\b(?:según|de acuerdo con)\s+[A-Z]\w+")
    got = anchored_or_gated(with_anchors)
    assert isinstance(got, Anchored) and not got._gate
    # a name first (a class too wide to anchor), then a verb every match holds
    name_first = re.compile(r"[A-ZÁÉÍÓÚÑ]\w+\s+(?:informó|dijo)\b")
    got = anchored_or_gated(name_first)
    assert isinstance(got, Anchored) and got._gate
    text = "El Pentágono informó ayer. Ávila dijo; nadie dijo"
    assert [m.span() for m in got.finditer(text)] == [m.span() for m in name_first.finditer(text)]
    assert [m.span() for m in got.finditer("sin verbo aquí")] == []
    rx = re.compile(r"\w+")
    assert anchored_or_gated(rx) is rx

"""Properties locate() keeps on any input: no crash, offsets inside the span, valid fields."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.geo import locate

WORDS = st.sampled_from([
    "strike", "off", "the", "coast", "of", "Venezuela", "near", "Culiacán", "in", "Sinaloa",
    "state", "Caribbean", "international", "waters", "said", "Washington", "Tren", "de",
    "Aragua", "Mexican", "soil", ",", ".", "'s", "boat", "Gulf", "Mexico", "U.S.", "km",
    "20", "north", "capital", "Ünïcødé", "—", "\n", "municipality", "Pacific", "eastern",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=30), st.data())
def test_locate_is_total_and_well_formed(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    t0 = data.draw(st.integers(start, end))
    t1 = data.draw(st.integers(t0, end))
    m = locate(text, start, end, trigger=(t0, t1),
               context_countries=data.draw(st.sampled_from([(), ("MX",), ("VE", "US")])))
    if m is None:
        return
    assert start <= m.start < m.end <= end
    p = m.place
    assert p.geo_precision in (1, 2, 3, 4, 5, 6)
    assert p.kind in ("populated place", "admin area", "country", "sea", "other")
    assert (p.kind == "sea") == (p.geo_precision == 6)
    if p.latitude is not None:
        assert -90 <= p.latitude <= 90 and -180 <= p.longitude <= 180  # type: ignore[operator]
    if p.country is not None:
        assert len(p.country) == 2 and p.country.isupper()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé1_-.'’ s\n,Ü")), max_size=40), st.data())
def test_word_pattern_matches_as_the_plain_alternation_does(text: str,
                                                            data: st.DataObject) -> None:
    """mentions._TOKEN is written as runs between single dots and apostrophes for speed;
    it matches exactly what the one-character alternation it replaced matches."""
    import re

    from strikewatch.geo.mentions import _TOKEN

    plain = re.compile(r"[^\W\d_](?:[\w\-]|[.'’](?=[^\W_]))*\.?")
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert [m.span() for m in _TOKEN.finditer(text, lo, hi)] == \
        [m.span() for m in plain.finditer(text, lo, hi)]


def test_end_anchored_patterns_are_searched_wherever_they_could_match() -> None:
    """reading.py searches a pattern anchored at the end of the words before a name only
    where a cheap test (the last word's ending, a word in the window) says it could match.
    Every word the patterns spell, alone, in pairs and before "the", in three cases: where
    a pattern matches, its test lets it through (a cue word added to a pattern and not to
    its test's list fails here)."""
    import itertools
    import re

    from strikewatch.geo import reading as r

    sources = [r._PRE.pattern, r._QUAL_ONLY.pattern, r._COMPARED.pattern,
               r._THEIR_RECORD.pattern, r._NAME_BEFORE.pattern]
    vocab = sorted({w for src in sources for w in re.findall(r"[a-z]{2,}", src)} |
                   {"Gaza", "J.", "Mexico", "planned", "attacks"})
    seen = 0
    for w1, w2 in itertools.chain(((w, "") for w in vocab),
                                  itertools.product(vocab, ["the", "in", "city", "attacks"]),
                                  itertools.product(["planned", "like", "in"], vocab)):
        for case in (str.lower, str.title, str.upper):
            for tail in (" ", " the ", "  \n"):
                pre = case(f"x {w1} {w2}".rstrip()) + tail
                last = r._last_word(pre)
                if r._PRE.search(pre):
                    seen += 1
                    assert r._cue_before(pre, last) is not None, pre
                if r._QUAL_ONLY.search(pre):
                    assert last is not None and last.endswith(r._QUAL_ENDS), pre
                if r._COMPARED.search(pre):
                    assert r._compared(pre, last), pre
                if r._THEIR_RECORD.search(pre):
                    assert r._may_be_their_record(pre, last), pre
                if r._NAME_BEFORE.search(pre):
                    assert last and last != last.lower(), pre
                if r._INITIAL.search(pre):
                    assert pre.rstrip().endswith(".") and pre.rstrip()[-2:-1].isupper(), pre
    assert seen > 100  # the words do make cues

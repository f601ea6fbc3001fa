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

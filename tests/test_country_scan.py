"""actors._scan_countries looks country names up only where an automaton finds a first
word of one; it must find what looking up every capitalised word finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.extract import actors


def _every_capitalised_word(text: str) -> list[tuple[int, int, str, str]]:
    """The scan as it read before the automaton: every capitalised word looked up."""
    names = actors.country_names()
    first = actors._by_first_word()
    out: list[tuple[int, int, str, str]] = []
    pos = 0
    for m in actors._CAP.finditer(text):
        if m.start() < pos:
            continue
        word = m.group(0)
        for n in first.get(word) or first.get(word.rstrip(".")) or []:
            end = m.start() + len(n)
            if text.startswith(n, m.start()) and (end == len(text) or not (
                    text[end].isalnum() or text[end] == "_")) and \
                    not actors.is_given_name(text, m.start(), end) and \
                    not actors._MASTHEAD.match(text, end) and not actors.GLUED.match(text, end):
                out.append((m.start(), end, n, names[n]))
                pos = end
                break
    return out


# names that start alike, share first words, end in dots or are given names, and words
# that glue onto them
WORDS = ["United", "States", "United States", "United Kingdom", "U.S.", "US", "USA", "Niger",
         "Nigeria", "Nigerian", "Chad", "Joseph", "Army", "Congo", "South", "Sudan",
         "South Sudan", "Iran", "Iranian", "Iraq", "Times", "News", "the", "of", "Korea",
         "North", "Yemen", "Syria", "Mexico", "mexico", "SYRIA", "Gulf", "Jordan", "x",
         "Venezuela", "Trinidad and Tobago", "Saint", "Lucia", "-based", "_", "’s"]
SEPS = [" ", "", ".", ",", "-", "\n", "'s ", "."]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=14))
def test_scan_finds_what_every_word_lookup_finds(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + s for w, s in parts)
    assert actors._scan_countries(text) == _every_capitalised_word(text)


def test_scan_reads_names_and_skips_what_is_no_country() -> None:
    text = "U.S. forces and the United States Army hit Niger, not Nigeria; Chad Joseph said."
    got = [(n, c) for _, _, n, c in actors._scan_countries(text)]
    assert got == [("U.S.", "US"), ("United States", "US"), ("Niger", "NE"),
                   ("Nigeria", "NG")]

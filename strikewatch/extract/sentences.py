"""Sentence splitting: a fast rule splitter, because it must run on every sentence.

Scraped news text often loses the whitespace between sentences and between a crosshead
and the next paragraph ("...crisis.According to", "intelligence authorityNBC News
reported"); the splitter handles both, and keeps abbreviations ("U.S.", "Gen.") whole.
"""

from __future__ import annotations

import re

from strikewatch.extract.context import Doc, Sentence

_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "inc", "corp", "co", "jr", "sr", "prof", "pres", "cmdr", "brig",
}

# End of a sentence: . ! ? (optionally followed by a closing quote/bracket), then either
# whitespace or directly a capital letter / opening quote (glued sentences).
_END = re.compile(r"[.!?][\"”’')\]]?(?=\s+|[\"“‘A-Z])")
# A crosshead glued to the next sentence: a run of >= 4 lowercase letters directly followed
# by a capitalised word ("authorityNBC", "VenezuelaThe"); the cut is the capital's start.
# (Written from the capital, "(?<=[a-z]{4})(?=[A-Z][A-Za-z])" found at a capital: re
# skips to the pattern's first character class, where a lookbehind first tried every
# position. Two cuts stand five characters apart or more, so consuming the capital loses
# none.)
_GLUED = re.compile(r"[A-Z](?<=[a-z]{4}[A-Z])(?=[A-Za-z])")
_NEWLINES = re.compile(r"\n+")
#: page furniture labels: links to other stories, whatever their punctuation
LINK_LABEL = re.compile(r"^\W*(?:related(?:\s+(?:news|stories|articles?|coverage))?|also\s+read|"
                        r"read\s+(?:more|also)|see\s+also|recommended(?:\s+stories)?|"
                        r"more\s+(?:on\s+this|stories|from)|watch|you\s+may\s+also\s+like)\b"
                        r"\s*[:|\-–—]", re.IGNORECASE)
# where prose resumes after a link's headline run into a paragraph: an opening quote
_QUOTE_OPENS = re.compile(r"\s[\"“](?=[A-Z])")


def _is_abbrev(text: str, dot: int) -> bool:
    """Whether the '.' at `dot` ends an abbreviation rather than a sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot]
    if not word:
        return False
    if text[dot + 1: dot + 2].isalpha() and text[dot + 2: dot + 3] == ".":
        return True  # inside an acronym: the first dot of "U.S."
    if len(word) == 1 and word.isupper():  # "John J. Smith" is an initial; "on X." ends
        return bool(re.search(r"[A-Z][a-z]+\s+$", text[:j]))
    if "." in word:  # U.S. / U.N.
        nxt = text[dot + 1: dot + 3]
        # "in the U.S. The next day" is rare; "U.S. forces" is common: keep whole.
        return not nxt.startswith("\n")
    return word.lower() in _ABBREV


def split_offsets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, whitespace trimmed."""
    cuts: set[int] = set()
    for m in _NEWLINES.finditer(text):
        cuts.add(m.start())
        cuts.add(m.end())
    for m in _END.finditer(text):
        if text[m.start()] == "." and _is_abbrev(text, m.start()):
            continue
        # a decimal number or an ellipsis is no sentence end
        if text[m.start()] == "." and m.start() > 0 and text[m.start() - 1].isdigit() and \
                m.end() < len(text) and text[m.end()].isdigit():
            continue
        cuts.add(m.end())
    for m in _GLUED.finditer(text):
        cuts.add(m.start())
    # a link to another story pasted inside a paragraph ("... on X. ALSO READ: Washington
    # sanctions Colombia's president "As for the survivor, ...") ends where a quote opens:
    # its headline is no part of the sentence after it, whose actor it would otherwise give
    ordered = sorted(cuts | {0, len(text)})
    for a, b in zip(ordered, ordered[1:], strict=False):
        part = text[a:b].lstrip()
        label = LINK_LABEL.match(part)
        if label:
            lead = b - a - len(part)
            q = _QUOTE_OPENS.search(text, a + lead + label.end(), b)
            if q:
                cuts.add(q.start() + 1)
    bounds = sorted(cuts | {0, len(text)})
    out: list[tuple[int, int]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def split_sentences(doc: Doc) -> None:
    """Component: fill `doc.sentences`."""
    doc.sentences = [
        Sentence(index=i, start=a, end=b, text=doc.text[a:b])
        for i, (a, b) in enumerate(split_offsets(doc.text))
    ]
    doc.bump("sentences", len(doc.sentences))

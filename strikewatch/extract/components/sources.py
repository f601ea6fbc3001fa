"""Components `sources` and `trailing_quotes`: who says so, and what they said.

`sources` reads each frame's attribution (kind, name, count, anonymous, affiliation) and
the direct quotes of its sentence with their speakers. `trailing_quotes` (after
coreference) gives the direct quotes of a sentence with no event word to the mention told
in the sentence just before ("... killing three. “They will be hunted down,” he said.").
"""

from __future__ import annotations

from strikewatch.extract.attribution import read_attribution, read_quotes
from strikewatch.extract.context import Doc, Group
from strikewatch.extract.pipeline import component
from strikewatch.records import Quote


@component("sources", requires=("doc.frames",),
           assigns=("frame.attribution", "frame.quotes"))
def read_sources(doc: Doc) -> None:
    """Attribution and direct quotes of each frame's sentence."""
    for f in doc.frames:
        for att, a, b in read_attribution(doc.text[f.start:f.end], f.start):
            att.span = doc.span(a, b)
            f.attribution.append(att)
            f.cite("attribution", a, b)
        for speaker, q, a, b in read_quotes(doc.text, f.sentence.start, f.sentence.end):
            f.quotes.append(Quote(speaker=speaker, text=q, span=doc.span(a, b)))


@component("trailing_quotes", requires=("doc.groups",), assigns=("group.quotes",))
def attach_quotes(doc: Doc) -> None:
    """Quotes in sentences with no event word, to the mention told just before."""
    by_last: dict[int, Group] = {}
    for g in doc.groups:
        for f in g.frames:
            by_last[f.sentence.index] = g
    for s in doc.sentences:
        if s.index in doc.triggers or "“" not in s.text and '"' not in s.text:
            continue
        prev = by_last.get(s.index - 1)
        if prev is None:
            continue
        for speaker, q, a, b in read_quotes(doc.text, s.start, s.end):
            prev.quotes.append(Quote(speaker=speaker, text=q, span=doc.span(a, b)))

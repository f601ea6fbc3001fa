"""The sentence as the unit of evidence.

An extractor cites the words a value rests on ("11", "on Tuesday", "warned ... that"):
exact enough to highlight, too short to check anything by. A reader checking a figure
needs the whole sentence that states it. Stored spans stay as the extractor wrote them
(the records contract); the sentence around each is derived here, at read time, from the
stored article text and the span's offsets, with the splitter the rules extractor reads
sentences with, so the sentence shown is the one the value was read from.

The incident page, the API and the exports (CSV, JSON) all take their evidence from this
module, so every reader sees the same sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, TypeVar

from strikewatch.extract.sentences import split_offsets
from strikewatch.records import EventFields, Evidence, Span

if TYPE_CHECKING:
    from strikewatch.store import Store

R = TypeVar("R", bound=EventFields)

#: Records whose articles are read from the store in one go (bounded memory for exports).
CHUNK = 200


class Sentences:
    """One article's sentence offsets, split once and searched by bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds = split_offsets(text)
        self.starts = [a for a, _ in self.bounds]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(start, end) of the sentence(s) that [start, end) lies in: every sentence it
        touches, so a span across a sentence end gives both sentences whole. A span outside
        every sentence (whitespace, or offsets past the text) is returned as it is."""
        if not self.bounds or start >= len(self.text):
            return start, end
        while start < end - 1 and self.text[start].isspace():
            start += 1  # " Third": the words, not the space cited before them
        first = max(bisect_right(self.starts, start) - 1, 0)
        if self.bounds[first][1] <= start and first + 1 < len(self.bounds):
            first += 1  # the span starts in the space between two sentences
        last = first
        while last + 1 < len(self.bounds) and self.bounds[last + 1][0] < end:
            last += 1
        return min(self.bounds[first][0], start), max(self.bounds[last][1], end)


def evidence(span: Span, sentences: Sentences | None) -> Evidence:
    """The span with its whole sentence(s); without the article, the span as it is."""
    text = span.text
    if sentences is None or not 0 <= span.start < span.end <= len(sentences.text):
        return Evidence(article_id=span.article_id, start=span.start, end=span.end, text=text)
    a, b = sentences.around(span.start, span.end)
    return Evidence(article_id=span.article_id, start=span.start, end=span.end,
                    text=text or sentences.text[span.start:span.end],
                    sentence=sentences.text[a:b], sentence_start=a, sentence_end=b)


def provenance_evidence(provenance: Mapping[str, list[Span]], texts: Mapping[str, str],
                        cache: dict[str, Sentences] | None = None
                        ) -> dict[str, list[Evidence]]:
    """Every field's spans with their sentences; `texts` maps article id -> stored text
    (an article missing from it keeps its spans bare). `cache` shares the splitting of one
    article between records."""
    cache = {} if cache is None else cache

    def sentences(article_id: str) -> Sentences | None:
        if article_id not in cache:
            text = texts.get(article_id)
            if text is None:
                return None
            cache[article_id] = Sentences(text)
        return cache[article_id]

    return {key: [evidence(s, sentences(s.article_id)) for s in spans]
            for key, spans in provenance.items()}


def with_evidence(store: Store, records: Iterable[R], chunk: int = CHUNK) -> Iterator[R]:
    """The records (incidents or tallies) with every provenance span carrying its sentence,
    read `chunk` records at a time (their articles fetched together) so an export of the
    whole ledger holds only one chunk's articles in memory."""
    batch: list[R] = []
    for record in records:
        batch.append(record)
        if len(batch) >= chunk:
            yield from _enrich(store, batch)
            batch = []
    if batch:
        yield from _enrich(store, batch)


def _enrich(store: Store, batch: list[R]) -> Iterator[R]:
    ids = {s.article_id for r in batch for spans in r.provenance.values() for s in spans}
    texts = {aid: a.text for aid, a in store.get_articles(sorted(ids)).items()}
    cache: dict[str, Sentences] = {}
    for r in batch:
        prov = provenance_evidence(r.provenance, texts, cache)
        yield r.model_copy(update={"provenance": prov})


def sentences_of(evidences: Iterable[Span]) -> list[str]:
    """The distinct sentences behind some evidence, in the order given, whitespace folded
    (a reprint's identical sentence is listed once); a span without its sentence gives its
    own words."""
    out: dict[str, None] = {}
    for ev in evidences:
        sentence = getattr(ev, "sentence", "") or ev.text
        folded = " ".join(sentence.split())
        if folded:
            out.setdefault(folded, None)
    return list(out)

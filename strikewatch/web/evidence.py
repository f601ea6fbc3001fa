"""The Evidence column of the incident page: whole sentences, key phrases marked.

Each row lists the sentences behind its value (ledger.evidence derives them), each once:
a sentence that several reprints carry word for word is shown one time, followed by every
source that carries it, each linking to the place in that source's text below. The words
the value was read from are marked inside the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from markupsafe import Markup

from strikewatch.records import Article, Evidence
from strikewatch.web.highlight import Highlight, highlight

#: Sentences shown open in a row; the rest wait behind "N more sentences".
SHOWN = 3


@dataclass
class Cited:
    """One sentence behind a value, and the sources that say it."""

    sentence: Markup  # escaped, the key phrases in <mark class="ev">
    # (publisher, anchor of the cited words in that source's text), one per source
    sources: list[tuple[str, str]] = field(default_factory=list)
    lang: str | None = None  # the first source's language, so a Spanish sentence says so


def _source_label(article_id: str, articles: Mapping[str, Article]) -> str:
    art = articles.get(article_id)
    return (art.publisher or art.title or article_id) if art else article_id


def cited_sentences(items: Iterable[tuple[str, Evidence]], articles: Mapping[str, Article],
                    label: str = "") -> list[Cited]:
    """The distinct sentences of (anchor, evidence) pairs, in order, key phrases marked.

    Sentences are told apart by their words (whitespace folded), so reprints of one wire
    story collapse into one entry; a span without its sentence (its article is not stored)
    is shown as its own words."""
    groups: dict[str, tuple[Evidence, list[tuple[int, int]], list[tuple[str, str]]]] = {}
    for anchor, ev in items:
        words = ev.sentence or ev.text
        key = " ".join(words.split())
        if not key:
            continue
        first, marks, sources = groups.setdefault(key, (ev, [], []))
        if ev.sentence and ev.sentence == first.sentence and \
                first.sentence_start is not None and ev.sentence_start is not None:
            marks.append((ev.start - ev.sentence_start, ev.end - ev.sentence_start))
        if ev.article_id not in (aid for aid, _ in sources):
            sources.append((ev.article_id, anchor))
    out = []
    for first, marks, sources in groups.values():
        if first.sentence:
            text = highlight(first.sentence, [Highlight(a, b, label) for a, b in marks])
        else:
            text = highlight(first.text, [Highlight(0, len(first.text), label)])
        first_art = articles.get(first.article_id)
        out.append(Cited(text, [(_source_label(aid, articles), anchor)
                                for aid, anchor in sources],
                         first_art.language if first_art else None))
    return out

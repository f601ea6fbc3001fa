"""extract: Article -> list[Mention].

A pipeline of small components behind one interface (`Component`: a callable taking the
shared `Doc`): sentences, triggers (the cheap prefilter), frames, fields (status, dates,
counts, tally/incident, target), places, actors (spaCy parse only where word order is
ambiguous), sources (attribution, quotes), then within-article coreference. Any component
can be replaced (a statistical or LLM backend) by passing another list to `Pipeline`.
"""

from __future__ import annotations

from collections.abc import Sequence

from strikewatch.extract.actors import country_mentions
from strikewatch.extract.context import Component, Doc
from strikewatch.extract.coref import Group, merge_frames
from strikewatch.extract.dates import parse_published
from strikewatch.extract.frames import (
    build_frames,
    read_actors,
    read_frame_fields,
    read_places,
    read_sources,
)
from strikewatch.extract.sentences import split_sentences
from strikewatch.extract.triggers import find_all_triggers
from strikewatch.records import COUNT_FIELDS, Article, Attribution, Mention, Quote, Span

EXTRACTOR = "strikewatch-rules-1"


def article_countries(doc: Doc) -> None:
    """Component: the countries the article names (context for place tie-breaks)."""
    seen: list[str] = []
    for _, _, _, code in country_mentions(doc.text):
        if code not in seen:
            seen.append(code)
    doc.countries = tuple(seen)


DEFAULT_COMPONENTS: tuple[Component, ...] = (
    split_sentences, find_all_triggers, build_frames, read_frame_fields, article_countries,
    read_places, read_actors, read_sources,
)


class Pipeline:
    """Runs components over a Doc, then merges frames into mentions."""

    def __init__(self, components: Sequence[Component] = DEFAULT_COMPONENTS) -> None:
        self.components = list(components)
        self.totals: dict[str, int] = {}  # summed Doc.stats: sentences, triggered, parsed

    def read(self, article: Article) -> Doc:
        doc = Doc(article=article, text=article.text,
                  published=parse_published(article.published))
        for c in self.components:
            c(doc)
        return doc

    def __call__(self, article: Article) -> list[Mention]:
        doc = self.read(article)
        for k, v in doc.stats.items():
            self.totals[k] = self.totals.get(k, 0) + v
        return [to_mention(doc, g) for g in merge_frames(doc)]


def to_mention(doc: Doc, g: Group) -> Mention:
    """One mention from a group of frames: first value found wins, spans are unioned."""
    fields: dict[str, object] = {}
    for name in ("event_type", "sub_event_type", "target_kind", "domain",
                 "date_low", "date_high", "time_precision", "period_low", "period_high",
                 "place", "actor1", "actor2"):
        if name in ("date_high", "time_precision"):
            continue
        if name == "date_low":
            src = next((f for f in g.frames if f.date_low is not None), None)
            if src is not None:
                fields.update(date_low=src.date_low, date_high=src.date_high,
                              time_precision=src.time_precision)
            continue
        if name == "sub_event_type":
            continue
        if name == "event_type":
            typed = [f for f in g.frames if f.event_type is not None]
            # one operation told in parts (a deployment, drone strikes): the violent act
            # is what ACLED codes it as
            violent = [f for f in typed if f.event_type != "Strategic developments"]
            src = (violent or typed)[0] if typed else None
            if g.head.event_type is not None or g.head.action is not None:
                src = typed[0] if typed else None
            if src is not None:
                fields.update(event_type=src.event_type, sub_event_type=src.sub_event_type,
                              action=src.action)
            continue
        v = g.value(name)
        if v is not None:
            fields[name] = v
    h = g.head
    counts: dict[str, tuple[int | None, int | None]] = {}
    approx: list[str] = []
    hedges: list[str] = []
    prov: dict[str, list[Span]] = {}
    attribution: list[Attribution] = []
    quotes: list[Quote] = []
    seen_att: set[tuple[str, str, int | None]] = set()
    seen_q: set[int] = set()
    for f in g.frames:
        for k, v in f.counts.items():
            counts.setdefault(k, v)
        approx += [a for a in f.approx if a not in approx]
        hedges += [x for x in f.hedges if x not in hedges]
        for key, spans in f.prov.items():
            out = prov.setdefault(key, [])
            for a, b in spans:
                if not any(s.start == a and s.end == b for s in out):
                    out.append(doc.span(a, b))
        for att in f.attribution:
            k2 = (att.kind, (att.name or "").lower(), att.count)
            if k2 not in seen_att:
                seen_att.add(k2)
                attribution.append(att)
        for q in f.quotes:
            if q.span is not None and q.span.start not in seen_q:
                seen_q.add(q.span.start)
                quotes.append(q)
    for k in COUNT_FIELDS:
        if k in counts:
            fields[f"{k}_low"], fields[f"{k}_high"] = counts[k]
    sentences = sorted({(f.sentence.start, f.sentence.end) for f in g.frames})
    return Mention(
        article_id=doc.article.id, kind="tally" if h.kind == "tally" else "event",
        status=h.status,  # type: ignore[arg-type]
        background=h.background, hedges=hedges, approx=approx,
        provenance=prov, attribution=attribution, quotes=quotes,
        spans=[doc.span(a, b) for a, b in sentences], extractor=EXTRACTOR,
        **fields,  # type: ignore[arg-type]
    )


_DEFAULT = Pipeline()


def extract(article: Article) -> list[Mention]:
    """Every event and tally the article reports, each field with its source spans.

    Deterministic: the same article always gives the same mentions (and mention ids).
    """
    return _DEFAULT(article)


__all__ = ["Pipeline", "DEFAULT_COMPONENTS", "extract", "to_mention"]

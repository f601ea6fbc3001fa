"""extract: Article -> list[Mention].

A pipeline of small components behind one interface (`Component`: a callable taking the
shared `Doc`): sentences, triggers (the cheap prefilter), frames, fields (status, dates,
counts, tally/incident, target), places, actors (spaCy parse only where word order is
ambiguous), sources (attribution, quotes), then within-article coreference. Any component
can be replaced (a statistical or LLM backend) by passing another list to `Pipeline`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from strikewatch.extract.actors import DEMONYM_RE, DEMONYMS, country_mentions
from strikewatch.extract.attribution import read_quotes
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
from strikewatch.extract.places import geo_place
from strikewatch.extract.sentences import split_sentences
from strikewatch.extract.triggers import find_all_triggers
from strikewatch.records import COUNT_FIELDS, Article, Attribution, Mention, Quote, Span

EXTRACTOR = "strikewatch-rules-1"
# "the toll rose to 35", "revised the toll ... saying three": a newer figure, not a rival
_UPDATE = re.compile(r"\b(?:rose|risen|rising|climbed|increased|jumped|revised|corrected|"
                     r"updated|now stands|has reached|later put)\b", re.IGNORECASE)


def article_countries(doc: Doc) -> None:
    """Component: the countries the article names (context for place tie-breaks).

    Country names, then demonyms: geo.article_countries reads more (towns) but costs as
    much as the rest of extraction together."""
    seen: list[str] = []
    for _, _, _, code in country_mentions(doc.text):
        if code not in seen:
            seen.append(code)
    # then demonyms ("Russian shelling ... four Ukrainian regions"): cheap, one regex
    for m in DEMONYM_RE.finditer(doc.text):
        code2 = DEMONYMS.get(m.group(1))
        if code2 and code2 not in seen:
            seen.append(code2)
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
        groups = merge_frames(doc)
        for g in groups:
            place_group(doc, g)
        extra = attach_quotes(doc, groups)
        return [to_mention(doc, g, extra.get(id(g), [])) for g in groups]


def place_group(doc: Doc, g: Group) -> None:
    """The geo component's place for the mention, read once, from its event sentences."""
    found = geo_place(doc.text, g.frames, doc.countries)
    if found is None:
        return
    _, place, (a, b) = found
    for f in g.frames:
        f.place = None
        f.prov.pop("place", None)
    g.head.place = place
    g.head.cite("place", a, b)
    if place.kind != "sea" and place.geo_precision is not None and place.geo_precision <= 4 \
            and g.value("domain") is None:
        g.head.domain = "land"  # placed at a town or province on land, with no sea word
        g.head.cite("domain", a, b)


def attach_quotes(doc: Doc, groups: list[Group]) -> dict[int, list[Quote]]:
    """Direct quotes in sentences with no event word, given to the mention told in the
    sentence just before ("... killing three. “They will be hunted down,” he said.")."""
    by_last: dict[int, Group] = {}
    for g in groups:
        for f in g.frames:
            by_last[f.sentence.index] = g
    out: dict[int, list[Quote]] = {}
    for s in doc.sentences:
        if s.index in doc.triggers or "“" not in s.text and '"' not in s.text:
            continue
        prev = by_last.get(s.index - 1)
        if prev is None:
            continue
        for speaker, q, a, b in read_quotes(doc.text, s.start, s.end):
            out.setdefault(id(prev), []).append(Quote(speaker=speaker, text=q, span=doc.span(a, b)))
    return out


def widen(a: tuple[int | None, int | None],
          b: tuple[int | None, int | None]) -> tuple[int | None, int | None]:
    """Two figures for one event in one article ("at least nine" by fishermen, "11" by
    officials) make one range: the lowest low and the highest stated high."""
    lows = [x for x in (a[0], b[0]) if x is not None]
    highs = [x for x in (a[1], b[1]) if x is not None]
    return (min(lows) if lows else None, max(highs) if highs else None)


def add(a: tuple[int | None, int | None],
        b: tuple[int | None, int | None]) -> tuple[int | None, int | None]:
    """A count told as more of the same ("three killed ... two more died"): the sum; an
    unbounded side stays unbounded."""
    low = (a[0] or 0) + (b[0] or 0) if a[0] is not None or b[0] is not None else None
    high = a[1] + b[1] if a[1] is not None and b[1] is not None else None
    return low, high


def to_mention(doc: Doc, g: Group, more_quotes: Sequence[Quote] = ()) -> Mention:
    """One mention from a group of frames: first value found wins, spans are unioned."""
    fields: dict[str, object] = {}
    typed = [f for f in g.frames if f.event_type is not None]
    src = typed[0] if typed else None
    if g.head.event_type is None and g.head.action is None:
        # one operation told in parts (a deployment, drone strikes): the violent act is
        # what ACLED codes it as
        src = next((f for f in typed if f.event_type != "Strategic developments"), src)
    if src is not None:
        fields.update(event_type=src.event_type, sub_event_type=src.sub_event_type,
                      action=src.action)
    dated = next((f for f in g.frames if f.date_low is not None), None)
    if dated is not None:
        fields.update(date_low=dated.date_low, date_high=dated.date_high,
                      time_precision=dated.time_precision)
    for name in ("target_kind", "domain", "period_low", "period_high", "place", "actor1",
                 "actor2"):
        v = g.value(name)
        if v is not None:
            fields[name] = v
    h = g.head
    counts: dict[str, tuple[int | None, int | None]] = {}
    approx: list[str] = []
    hedges: list[str] = []
    prov: dict[str, list[Span]] = {}
    prov_seen: dict[str, set[tuple[int, int]]] = {}
    attribution: list[Attribution] = []
    quotes: list[Quote] = []
    seen_att: set[tuple[str, str, int | None]] = set()
    seen_q: set[int] = set()
    for f in g.frames:
        update = bool(_UPDATE.search(f.sentence.text))
        for k, v in f.counts.items():
            # a revised toll replaces the figure told before; two reports widen the range;
            # "two more died later" adds to it
            if k in f.more and k in counts:
                counts[k] = add(counts[k], v)
            else:
                counts[k] = v if update or k not in counts else widen(counts[k], v)
        approx += [a for a in f.approx if a not in approx]
        hedges += [x for x in f.hedges if x not in hedges]
        for key, spans in f.prov.items():
            have = prov_seen.setdefault(key, set())
            out = prov.setdefault(key, [])
            for ab in spans:
                if ab not in have:
                    have.add(ab)
                    out.append(doc.span(*ab))
        for att in f.attribution:
            k2 = (att.kind, (att.name or "").lower(), att.count)
            if k2 not in seen_att:
                seen_att.add(k2)
                attribution.append(att)
        for q in f.quotes:
            if q.span is not None and q.span.start not in seen_q:
                seen_q.add(q.span.start)
                quotes.append(q)
    for q in more_quotes:
        if q.span is not None and q.span.start not in seen_q:
            seen_q.add(q.span.start)
            quotes.append(q)
    for k in COUNT_FIELDS:
        if k in counts:
            fields[f"{k}_low"], fields[f"{k}_high"] = counts[k]
    sentences = sorted({(f.sentence.start, f.sentence.end) for f in g.frames})
    # every value here is built by this module from validated parts (records, spans,
    # vocabulary words), so the mention is assembled without re-validating it; its id is
    # still derived in model_post_init
    return Mention.model_construct(
        article_id=doc.article.id, kind="tally" if h.kind == "tally" else "event",
        status=h.status,
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

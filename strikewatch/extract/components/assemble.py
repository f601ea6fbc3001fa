"""Components `furniture` and `assemble`: an article read as one document, not sentence by
sentence.

Real pages carry lines that are not prose: the headline (which restates the lede), crossheads,
"Related:"/"Also read" links to other stories, and captions. `furniture` marks the event words
in such lines as no event of their own (`drop`), before coreference, so a headline never
becomes the head of a mention that the lede's sentences then join.

`assemble` runs after coreference. Real copy keeps talking about the event it announced:
"the vessel was operated by a designated terrorist organization", "the strike drew
criticism", "the operation". A group that tells nothing of its own — no date, no place, no
toll — is an elaboration of the event the article reports, not a new incident: it joins the
nearest compatible anchored group (one with a date, place or toll), preferring the one told
before it. Where the article has no anchored event, a bare generic plural ("the strikes
have drawn criticism", "such strikes") is no incident at all.
"""

from __future__ import annotations

import re

from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.pipeline import component

# a line that ends like prose ends: it is a sentence, not a headline or a link
_PROSE_END = re.compile(r"[.!?:;\"'”’)\]…]\s*$")
# page furniture labels: links to other stories, whatever their punctuation
_LINK_LABEL = re.compile(r"^\W*(?:related(?:\s+(?:news|stories|articles?|coverage))?|also\s+read|"
                         r"read\s+(?:more|also)|see\s+also|recommended(?:\s+stories)?|"
                         r"more\s+(?:on\s+this|stories|from)|watch|you\s+may\s+also\s+like)\b"
                         r"\s*[:|\-–—]", re.IGNORECASE)
#: the most words a headline or crosshead line has
HEADLINE_WORDS = 20


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the text line (between newlines) around [start, end)."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (len(text) if b < 0 else b)


def is_furniture(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies on a line that is page furniture: a link label ("Related:",
    "Also read") or a short line standing alone that does not end like a sentence (a
    headline, a crosshead)."""
    a, b = _line_of(text, start, end)
    line = text[a:b].strip()
    if not line:
        return False
    if _LINK_LABEL.match(line):
        return True
    return len(line.split()) <= HEADLINE_WORDS and not _PROSE_END.search(line)


@component("furniture", requires=("doc.frames", "frame.drop"), assigns=("frame.drop",))
def drop_furniture(doc: Doc) -> None:
    """Event words on headline, crosshead and related-link lines tell no event of their own."""
    for f in doc.frames:
        if not f.drop and is_furniture(doc.text, f.trigger.start, f.trigger.end):
            f.drop = True


_TOLLS = ("killed", "injured", "missing", "survivors")
# words in the head clause that tell an event of its own even where no component read a
# value from them: a figure, a day or month, or a word that sets it apart ("a separate
# strike", "another attack", "Kyiv said separately")
_OWN = re.compile(r"\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                  r"january|february|march|april|june|july|august|september|october|"
                  r"november|december|yesterday|today|tonight|overnight|separate(?:ly)?|"
                  r"another|second|third|further|one|two|three|four|five|six|seven|eight|"
                  r"nine|ten|dozens?|scores)\b", re.IGNORECASE)


def anchored(doc: Doc, g: Group) -> bool:
    """Whether the group tells something of its own: a date, a place or a toll read from it,
    or a figure, a day or a "separate"/"another" in its first clause."""
    if g.value("date_low") is not None or g.value("place") is not None:
        return True
    if any(k in f.counts for f in g.frames for k in _TOLLS):
        return True
    return bool(_OWN.search(doc.text[g.head.start:g.head.end]))


def _country(x: object) -> str | None:
    return getattr(x, "country", None)


_STATE = frozenset({"military", "government", "intelligence", "state", "state_forces", "police"})


def _side(actor: object) -> str | None:
    """Which side an actor is on, coarsely: a state's forces and officials are one side
    (the ministry that announces, the jets that strike), armed groups and civilians others."""
    t = getattr(actor, "type", None)
    return "state" if t in _STATE else t


def _joins(g: Group, a: Group) -> bool:
    """Whether the unanchored group g can tell the event of the anchored group a."""
    h, ah = g.head, a.head
    if h.kind != ah.kind or h.status != ah.status or h.background != ah.background:
        return False
    if h.event_type is not None and h.event_type != ah.event_type:
        return False  # a protest or a designation never elaborates an attack
    if h.action is not None and ah.action is not None and h.action != ah.action:
        return False
    for name in ("actor1", "actor2"):
        x, y = g.value(name), a.value(name)
        if x is None or y is None:
            continue
        cx, cy = _country(x), _country(y)
        if cx and cy and cx != cy:
            return False
        tx, ty = _side(x), _side(y)
        if not (cx and cx == cy) and tx and ty and tx != ty:
            return False  # a party of its own ("Hezbollah fired rockets" after Israel's strike)
    return True


_PLURAL = re.compile(r"s\b", re.IGNORECASE)


def _generic_plural(f: Frame) -> bool:
    """A bare plural event word with no count ("the strikes have drawn criticism")."""
    return bool(_PLURAL.search(f.trigger.text)) and not f.counts


def _no_party(g: Group) -> bool:
    """No party named: with no date, place or figure either and nothing to refer to, an
    event word is context ("the ceasefire held", "bombings are feared"), not an event."""
    return g.value("actor1") is None and g.value("actor2") is None


@component("assemble",
           requires=("doc.groups", "frame.kind", "frame.status", "frame.background",
                     "frame.date_low", "frame.place", "frame.counts", "frame.actor1",
                     "frame.actor2", "frame.event_type"),
           assigns=("doc.groups",))
def assemble(doc: Doc) -> None:
    """Elaborations join the event they elaborate; bare generic plurals are dropped."""
    keep: list[Group] = []
    for i, g in enumerate(doc.groups):
        if g.head.kind != "event" or g.head.status != "occurred" or anchored(doc, g):
            keep.append(g)
            continue
        cands = [a for a in doc.groups if a is not g and a.head.kind == "event" and
                 anchored(doc, a) and _joins(g, a)]
        if cands:
            before = [a for a in cands if doc.groups.index(a) < i]
            target = before[-1] if before else cands[0]
            target.frames.extend(g.frames)
            target.frames[1:] = sorted(target.frames[1:], key=lambda f: f.start)
            target.quotes.extend(g.quotes)
            continue
        if all(_generic_plural(f) for f in g.frames) or _no_party(g):
            continue
        keep.append(g)
    doc.groups = keep

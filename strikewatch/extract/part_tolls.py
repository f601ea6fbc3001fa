"""Tolls that count only some of an act's dead (issue 14: same-article fragments).

Real copy names a part of the dead beside the whole: "10 people lost their lives … three
of its players died in the airstrike", "Two children were among the dead", "the raid
killed Haytham Tabatabai … Tabatabai died when it struck the district … the raid killed at
least five". Read as a whole toll, such a part disagrees with the figure for the same act
and splits one strike into two incidents. A part is told by its structure, not its noun:
a figure partitive of a party's own people ("three of its players", "dos de sus
soldados"), a figure said to be among the dead ("were among the victims", "figuraban entre
los fallecidos"), or people named one by one (`counts.people_told_one_by_one`) where the
other telling names one of them too (a victim told by "a commander" may be another act's:
"a strike killed a senior leader … the proxies' strikes killed six"). A part is a floor:
it never rivals a figure, and beside one it is not the act's toll. A civilians' or
children's figure below an exact toll told before it is a part too (`part_below_toll`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from strikewatch.extract.context import Frame, Group
from strikewatch.extract.counts import count_expressions, people_told_one_by_one

#: a count's range, low and high (None: open)
Range = tuple[int | None, int | None]

#: right after the figure: "of its/their/his/our <people>" (not "of them", "of the six":
#: those count the dead themselves, or a whole told elsewhere) or, within a few words, a
#: verb saying they were among the dead; Spanish "de sus …", "(estaban) entre los muertos"
_PART_AFTER = re.compile(
    r"\s+(?:of\s+(?:its|their|his|her|our)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+s\b|"
    r"de\s+(?:sus|nuestros|nuestras)\s+\w+|"
    r"(?:[\w'’-]+\s+){0,4}?(?:(?:were|was|are|is)\s+(?:also\s+)?among|"
    r"(?:(?:estaban|están|figuran|figuraban|se\s+encuentran|se\s+encontraban)\s+)?entre)\s+"
    r"(?:the\s+|those\s+|los\s+|las\s+)?(?:dead|victims|killed|fatalities|casualties|"
    r"muertos|fallecidos|víctimas|victimas)\b)",
    re.IGNORECASE)
#: a word of a person's name inside a toll's words ("killed Haytham Ali Tabatabai")
_NAME = re.compile(r"\b[A-Z][a-z'’-]{3,}\b")


def _said(f: Frame, key: str) -> tuple[str, int] | None:
    """The words that tell the frame's `key` count, and where they end in its sentence."""
    spans = f.prov.get(key)
    if not spans:
        return None
    a, b = spans[0]
    s0 = f.sentence.start
    if not (s0 <= a and b <= f.sentence.end):
        return None
    return f.sentence.text[a - s0:b - s0], b - s0


def told_as_part(f: Frame, key: str) -> bool:
    """Whether the frame's `key` figure is told as some of the dead: partitive of a party's
    people or said to be among the dead (module doc)."""
    said = _said(f, key)
    return said is not None and _PART_AFTER.match(f.sentence.text, said[1]) is not None


def _named_in(f: Frame, key: str, other: Group | None) -> bool:
    """The frame counts people by name and the other telling names one of them."""
    said = _said(f, key)
    if other is None or said is None or not people_told_one_by_one(said[0]):
        return False
    names = set(_NAME.findall(said[0]))
    return any(n in x.sentence.text for x in other.frames for n in names)


def whole_toll(g: Group, key: str, other: Group | None = None
               ) -> tuple[int | None, int | None] | None:
    """The group's `key` toll for telling it apart from `other`: the first figure told as
    a whole; where every figure is a part, the first part as a floor (N or more)."""
    part: tuple[int | None, int | None] | None = None
    parts = _part_figures(g, key, other)
    for f in g.frames:
        if key not in f.counts:
            continue
        if not (told_as_part(f, key) or _named_in(f, key, other) or f.counts[key] in parts):
            return f.counts[key]
        if part is None:
            part = (f.counts[key][0], None)
    return part


def _part_figures(g: Group, key: str, other: Group | None) -> set[Range]:
    """The figures the group tells as parts of the dead: the same figure told again ("three
    of its players died ... the board confirmed that three players had died") is that
    part again, not the act's whole toll."""
    parts = {f.counts[key] for f in g.frames
             if key in f.counts and (told_as_part(f, key) or _named_in(f, key, other))}
    if key == "killed":
        parts |= among_the_dead(g.frames)
    return parts


#: a cheap gate before counting a sentence's figures: a partitive or "among" near them
_PART_WORD = re.compile(r"\b(?:among|entre|of\s+(?:its|their|his|her|our)|de\s+sus)\b",
                        re.IGNORECASE)


def among_the_dead(frames: Sequence[Frame]) -> set[Range]:
    """Figures the group's sentences tell as some of the dead where no toll was read from
    them ("Three cricketers were among the victims of the raids"): told again as a toll
    ("the board confirmed that three cricketers had died"), such a figure is that part."""
    out: set[Range] = set()
    for f in frames:
        text = f.sentence.text
        if not _PART_WORD.search(text):
            continue
        out |= {(c.low, c.high) for c in count_expressions(text)
                if c.low is not None and _PART_AFTER.match(text, c.end)}
    return out


def only_parts(g: Group, key: str, other: Group | None = None) -> bool:
    """Whether every `key` figure the group tells is a part of the dead, or that part told
    again (`whole_toll` then gives a floor)."""
    parts = _part_figures(g, key, other)
    return bool(parts) and all(f.counts[key] in parts for f in g.frames if key in f.counts)


def part_below_toll(f: Frame, have: Range, v: Range) -> bool:
    """Whether the frame's toll counts only some of the dead — its figure is the one of its
    civilians or children ("the ministry said the attack killed more than 10 civilians",
    "three children were among the dead") — and says no more than the toll already told
    (an exact "13"), below it: such a figure is a part of that toll, not a rival count, and
    widens nothing (two rival counts of all the dead, "at least nine" and "11", still do, and
    so does "at least 17 civilians" after "17 civilians": the same people counted again)."""
    low, high = have
    if low is None or high is None or low != high or v[0] is None or v[0] >= low or \
            (v[1] is not None and v[1] >= high):
        return False
    told = f.prov.get("killed") or []
    parts = [s for k in ("civilians_killed", "children_killed") for s in f.prov.get(k) or []]
    return bool(told) and any(p[0] == told[0][0] for p in parts)

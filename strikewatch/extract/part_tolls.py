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
    for f, is_part in _told_parts(g, key, other):
        if not is_part:
            return f.counts[key]
        if part is None:
            part = (f.counts[key][0], None)
    return part


def _told_parts(g: Group, key: str, other: Group | None) -> list[tuple[Frame, bool]]:
    """The group's frames that tell a `key` figure, in the article's order, each with
    whether its figure is a part of the dead: told as one, or the figure of a part told
    before it again ("three cricketers were among the victims ... the board confirmed that
    three cricketers had died"; not a whole told first and a part of it after: "two leaders
    were killed ... two of its leaders died" keeps the two as the toll)."""
    out: list[tuple[Frame, bool]] = []
    seen: set[Range] = set()
    for f in sorted(g.frames, key=lambda x: x.start):
        if key in f.counts:
            own = told_as_part(f, key) or _named_in(f, key, other)
            out.append((f, own or f.counts[key] in seen | part_told_before(f, key)))
            if own:
                seen.add(f.counts[key])
        if key == "killed":
            seen |= among_the_dead([f])
    return out


#: a cheap gate before counting a sentence's figures: a partitive or "among" near them
_PART_WORD = re.compile(r"\b(?:among|entre|of\s+(?:its|their|his|her|our)|de\s+sus)\b",
                        re.IGNORECASE)


def among_the_dead(frames: Sequence[Frame], before: int | None = None) -> set[Range]:
    """Figures the frames' sentences tell as some of the dead, whether or not a toll was
    read from them ("Three cricketers were among the victims of the raids"); with `before`
    (an offset in the article), only those told before it."""
    out: set[Range] = set()
    for f in frames:
        text, s0 = f.sentence.text, f.sentence.start
        if not _PART_WORD.search(text):
            continue
        out |= {(c.low, c.high) for c in count_expressions(text)
                if c.low is not None and (before is None or s0 + c.end <= before) and
                _PART_AFTER.match(text, c.end)}
    return out


def part_told_before(f: Frame, key: str) -> set[Range]:
    """The parts of the dead the frame's own sentence tells before its `key` figure ("three
    players were among the victims, and the board confirmed three players had died")."""
    spans = f.prov.get(key)
    return among_the_dead([f], spans[0][0]) if key == "killed" and spans else set()


def only_parts(g: Group, key: str, other: Group | None = None) -> bool:
    """Whether every `key` figure the group tells is a part of the dead, or a part told
    before it told again (`whole_toll` then gives a floor)."""
    told = _told_parts(g, key, other)
    return bool(told) and all(is_part for _, is_part in told)


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


#: right after a whole toll: "killing 18 people, 14 of them from one family"
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b", re.IGNORECASE)


def parts_of_toll(frames: Sequence[Frame], key: str) -> set[Range]:
    """Figures told as "N of them" right after one of the frames' own `key` figures
    ("killing 18 people, 14 of them from one family"): parts of that toll. Another telling
    of the act by that part alone ("killed 14 members of one family") is not another act."""
    out: set[Range] = set()
    for f in frames:
        spans = f.prov.get(key)
        if not spans:
            continue
        text, s0 = f.sentence.text, f.sentence.start
        end = spans[0][1] - s0
        if not 0 <= end <= len(text):
            continue
        for c in count_expressions(text[end:end + 60]):
            if c.low is not None and re.fullmatch(r"[^.;:]*?,\s*", text[end:end + c.start]) \
                    and _OF_THEM.match(text, end + c.end):
                out.add((c.low, c.high))
            break
    return out


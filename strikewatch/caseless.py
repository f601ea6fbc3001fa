"""Case-insensitive patterns matched as case-sensitive ones on lower-cased text.

Why: Python's re is several times slower with IGNORECASE on an alternation of words (it
folds the case of every character it compares, at every position it tries), and the
lexicons are such alternations. `caseless(rx)` keeps `rx` as written (plain data: rule
authors add words to it as before) and matches a lower-cased copy of it, without
IGNORECASE, against the lower-cased text. The matches are the same:

- the text is lower-cased only where that keeps every offset (same length) and adds no
  match: a text with "ſ" or "ı" (which IGNORECASE matches as "s" and "i") or whose length
  changes ("İ") is matched with `rx` itself, as it is;
- the pattern is lower-cased outside its escapes (`\\S`, `\\W`, `\\B` keep their meaning),
  group names and references; a pattern that turns case-sensitivity back on inside
  (`(?-i:...)`) or names a character whose case IGNORECASE folds specially is not
  converted (every call uses `rx`).

What a search returns reads like a match of the original text: spans, group names and
`group()` are those of `rx` on the text given (`LowerMatch`, below).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

#: characters IGNORECASE folds beyond str.lower() (re._compiler's special cases): a
#: pattern that names one is left as it is
_SPECIAL_FOLDS = frozenset("ſıµμιβϐεϵθϑκϰπϖρϱςσφϕṡẛﬅﬆΐΰẞßİ")
_NAMED_GROUP = re.compile(r"\(\?P(?:<[^>]*>|=[^)]*\))")


def _lower_pattern(pattern: str) -> str | None:
    """`pattern` lower-cased outside escapes and group names; None if it cannot be."""
    if "(?-i" in pattern or any(c in _SPECIAL_FOLDS for c in pattern):
        return None
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            m = re.match(r"\\(?:N\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)",
                         pattern[i:], re.DOTALL)
            esc = m.group(0) if m else c
            out.append(esc)
            i += len(esc)
            continue
        if pattern.startswith("(?P", i):
            m = _NAMED_GROUP.match(pattern, i)
            if m:
                out.append(m.group(0))
                i = m.end()
                continue
        out.append(c.lower())
        i += 1
    return "".join(out)


_LOWERED: dict[str, str | None] = {}  # the last texts lower-cased (the same sentence,
_KEEP = 128                           # clause or article is matched by many patterns)


def lowered(text: str) -> str | None:
    """The text lower-cased, or None where that could change offsets or matches (a text
    with "ſ" or "ı", or one whose length changes). The last texts asked for are kept: the
    anchored patterns (extract/anchored.py) read the same ones."""
    try:
        return _LOWERED[text]
    except KeyError:
        pass
    low: str | None = text.lower()
    if len(low) != len(text) or "ſ" in low or "ı" in low:  # type: ignore[arg-type,operator]
        low = None
    if len(_LOWERED) >= _KEEP:
        _LOWERED.clear()
    _LOWERED[text] = low
    return low


def may_hold(low: str | None, words: tuple[str, ...]) -> bool:
    """Whether a text could hold one of `words` (lower-case), given `low`, its `lowered`
    copy (None: it could).

    Why: a rule whose pattern matches only where one of a few words stands is mostly asked
    of sentences that hold none of them, and a substring test on the lower-cased sentence
    is far cheaper than a regex search over a window of it. Test first, search only where
    it says yes: the rule's answer is the same.
    """
    if low is None:
        return True
    for w in words:
        if w in low:
            return True
    return False


class LowerMatch:
    """A match on the lower-cased text, read back on the original: same spans, groups
    and names as the original pattern's match on the original text."""

    __slots__ = ("_m", "string")

    def __init__(self, m: re.Match[str], string: str) -> None:
        self._m = m
        self.string = string

    def span(self, g: int | str = 0) -> tuple[int, int]:
        return self._m.span(g)

    def start(self, g: int | str = 0) -> int:
        return self._m.start(g)

    def end(self, g: int | str = 0) -> int:
        return self._m.end(g)

    def group(self, *gs: int | str) -> Any:
        if len(gs) > 1:
            return tuple(self.group(g) for g in gs)
        a, b = self._m.span(gs[0] if gs else 0)
        return None if a < 0 else self.string[a:b]

    __getitem__ = group

    def groups(self, default: Any = None) -> tuple[Any, ...]:
        return tuple(default if g is None else g
                     for g in (self.group(i) for i in range(1, self._m.re.groups + 1)))

    def groupdict(self, default: Any = None) -> dict[str, Any]:
        return {k: (default if self.group(k) is None else self.group(k))
                for k in self._m.re.groupindex}

    @property
    def lastgroup(self) -> str | None:
        return self._m.lastgroup

    @property
    def lastindex(self) -> int | None:
        return self._m.lastindex

    @property
    def pos(self) -> int:
        return self._m.pos

    @property
    def endpos(self) -> int:
        return self._m.endpos

    def __bool__(self) -> bool:
        return True


AnyMatch = re.Match[str] | LowerMatch


class Caseless:
    """`rx` (compiled with IGNORECASE) matched on lower-cased text; see the module doc."""

    __slots__ = ("rx", "lc", "pattern", "flags", "groupindex", "groups")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.flags = rx.flags
        self.groupindex = rx.groupindex
        self.groups = rx.groups
        low = _lower_pattern(rx.pattern) if rx.flags & re.IGNORECASE else None
        self.lc = re.compile(low, rx.flags & ~re.IGNORECASE) if low is not None else None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> AnyMatch | None:
        low = lowered(text) if self.lc is not None else None
        if low is None:
            return self.rx.search(text, pos, endpos)
        m = self.lc.search(low, pos, endpos)  # type: ignore[union-attr]
        return None if m is None else LowerMatch(m, text)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> AnyMatch | None:
        low = lowered(text) if self.lc is not None else None
        if low is None:
            return self.rx.match(text, pos, endpos)
        m = self.lc.match(low, pos, endpos)  # type: ignore[union-attr]
        return None if m is None else LowerMatch(m, text)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize
                 ) -> Iterator[AnyMatch]:
        low = lowered(text) if self.lc is not None else None
        if low is None:
            yield from self.rx.finditer(text, pos, endpos)
            return
        for m in self.lc.finditer(low, pos, endpos):  # type: ignore[union-attr]
            yield LowerMatch(m, text)


#: what a component may hold as a pattern: a compiled one, or one matched caselessly
Matcher = re.Pattern[str] | Caseless


def caseless(rx: re.Pattern[str]) -> Caseless:
    """`rx` (compiled with IGNORECASE), matched faster and alike on lower-cased text."""
    return Caseless(rx)

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

    The status rules ask some thirty such tests of each sentence: every word any of them
    asked about is looked for in one pass over the text (an Aho-Corasick automaton over
    them all, `_words_in`), and each test reads that pass's answer (a bit per word).
    """
    if low is None:
        return True
    mask = _WORD_SETS.get(words)
    if mask is None:
        mask = _word_set(words)
        if mask is None:  # (an empty word, or too many word sets asked: test as it is)
            return any(w in low for w in words)
    return _words_in(low) & mask != 0


#: every word `may_hold` was asked about -> its bit; each tuple of words asked -> its bits
_WORD_BITS: dict[str, int] = {}
_WORD_SETS: dict[tuple[str, ...], int] = {}
_MAX_WORD_SETS = 512  # past this many tuples (built on the fly?), no more are learnt
#: the automaton over every word in _WORD_BITS (None: to be built again), and the last
#: texts read by it: text -> the bits of the words it holds
_WORDS_AC: list[Any] = [None]
_HELD: dict[str, int] = {}


def _word_set(words: tuple[str, ...]) -> int | None:
    """The bits of `words`, learning those not seen before (the automaton is built again
    on the next text read: a rule asks the same tuples of every sentence, so this happens
    while the first articles are read)."""
    if len(_WORD_SETS) >= _MAX_WORD_SETS or not all(words):
        return None
    mask = 0
    for w in words:
        bit = _WORD_BITS.get(w)
        if bit is None:
            bit = _WORD_BITS[w] = 1 << len(_WORD_BITS)
            _WORDS_AC[0] = None
        mask |= bit
    _WORD_SETS[words] = mask
    return mask


def _words_in(text: str) -> int:
    """The bits of the asked-about words that `text` holds, from one automaton pass."""
    ac = _WORDS_AC[0]
    if ac is None:
        import ahocorasick

        ac = ahocorasick.Automaton()
        for w, bit in _WORD_BITS.items():
            ac.add_word(w, bit)
        ac.make_automaton()
        _WORDS_AC[0] = ac
        _HELD.clear()
    held = _HELD.get(text)
    if held is None:
        held = 0
        for _, bit in ac.iter(text):
            held |= bit
        if len(_HELD) >= _KEEP:
            _HELD.clear()
        _HELD[text] = held
    return held


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

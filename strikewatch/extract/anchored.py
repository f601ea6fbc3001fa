"""Large alternations tried only where one of their literal prefixes occurs.

Why: Python's re has no literal-prefix scan for an alternation of many words (the trigger
lexicon, the toll-update verbs, ...): `search` and `finditer` try the whole pattern at
every position of the text. `anchored(rx)` reads from the pattern the strings every match
must start with (its *anchors*: "suicide ", "car bomb", "kill", a digit, ...), finds them
all in one pass over the lower-cased text with an Aho-Corasick automaton (pyahocorasick),
and calls `rx.match` on the text itself only at those positions. A match at position p
also sees the characters before p (`\\b` and lookbehinds read the whole string), so trying
`rx.match` at every anchor position, in order, skipping those inside the last match, finds
exactly what `rx.finditer` finds: the same `re.Match` objects, spans, groups and
`lastgroup`.

The anchors are lower-cased whatever the pattern's case rules (a superset of the positions:
`rx.match` decides), so the text is lower-cased too: where that would change its length,
or the text has "ſ" or "ı" (which IGNORECASE matches as "s" and "i"), or a digit other
than 0-9 where an anchor is a digit (`\\d` matches every Unicode digit), the pattern is
matched as it is. Where a pattern has no such anchors (it may start with `\\w`, a
back-reference, an optional part), `anchored` returns the pattern itself.
"""

from __future__ import annotations

import re
import re._casefix as _casefix
import re._constants as _sre
import re._parser as _sre_parse
import sys
from collections.abc import Iterator
from typing import Any

import ahocorasick

from strikewatch.caseless import lowered

#: an anchor grows up to this many characters (longer anchors turn more positions away;
#: past a word or two they add states, not selectivity)
_LENGTH = 8
_LIMIT = 3000  # more prefixes than this: the pattern is matched as it is
_DIGITS = "0123456789"
_CLASS_MAX = 30  # a character class of more characters than this ends an anchor


class _Unknown(Exception):
    pass


#: a prefix being enumerated: its characters, and whether it stopped growing (what
#: follows is not a literal the enumeration follows)
_Prefix = tuple[str, bool]


def _seq(items: Any, limit: int = _LIMIT) -> set[_Prefix]:
    states: set[_Prefix] = {("", False)}
    for op, av in items:
        if all(done or len(p) >= _LENGTH for p, done in states):
            break
        opts = _item(op, av, limit)
        nxt: set[_Prefix] = set()
        for p, done in states:
            if done or len(p) >= _LENGTH:
                nxt.add((p, True))
                continue
            for q, done2 in opts:
                nxt.add((p + q, done2))
        if len(nxt) > limit:
            raise _Unknown
        states = nxt
    return states


#: characters IGNORECASE folds beyond their lower case ("ſ" matches "s", "K" the Kelvin
#: sign): an anchor never holds one, nor a character that is the lower case of one
_EXTRA_FOLDS = frozenset(chr(c) for c in _casefix._EXTRA_CASES) | frozenset(
    chr(o) for c in _casefix._EXTRA_CASES for o in _casefix._EXTRA_CASES[c])


def _char(c: int) -> str | None:
    """The character as it stands in the lower-cased text ("Ú" and "ú" are "ú" there), or
    None where case folding could map a character of another lower case onto it."""
    ch = chr(c)
    if ch.isascii():
        return ch.lower()
    low = ch.lower()
    if len(low) != 1 or ch in _EXTRA_FOLDS or low in _EXTRA_FOLDS:
        return None
    return low


def _chars(av: Any) -> set[str] | None:
    """The characters a class matches, lower-cased, or None where it is too wide."""
    out: set[str] = set()
    for o, a in av:
        if o is _sre.LITERAL:
            ch = _char(a)
            if ch is None:
                return None
            out.add(ch)
        elif o is _sre.RANGE and a[1] - a[0] < _CLASS_MAX and a[1] < 128:
            out.update(chr(c).lower() for c in range(a[0], a[1] + 1))
        elif o is _sre.CATEGORY and a is _sre.CATEGORY_DIGIT:
            out.update(_DIGITS)
        else:
            return None
    return out if len(out) <= _CLASS_MAX else None


def _item(op: Any, av: Any, limit: int = _LIMIT) -> set[_Prefix]:
    if op is _sre.LITERAL:
        ch = _char(av)
        return {(ch, False)} if ch is not None else {("", True)}
    if op is _sre.IN:
        chars = _chars(av)
        return {(c, False) for c in chars} if chars else {("", True)}
    if op is _sre.BRANCH:
        return set().union(*(_seq(b, limit) for b in av[1]))
    if op is _sre.SUBPATTERN:  # a group; inline flags change no anchor (they are folded)
        return _seq(av[3], limit)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {("", False)}  # zero-width: the match's characters start after it
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        lo, hi, sub = av
        if lo == 0 and hi == 1:  # x? : with or without x
            return {("", False)} | _seq(sub, limit)
        if lo >= 1:  # at least one copy; what follows it is not followed
            return {(p, True) for p, _ in _seq(sub, limit)}
        return {("", True)}
    return {("", True)}  # any character, a group reference...: stop there


def anchors(rx: re.Pattern[str], limit: int = _LIMIT) -> set[str] | None:
    """The strings, lower-cased, that every match of `rx` starts with in the lower-cased
    text, or None where some match could start with something else."""
    try:
        found = _seq(_sre_parse.parse(rx.pattern, rx.flags), limit)
    except (_Unknown, AttributeError, TypeError, ValueError):
        return None
    if not found or any(not p for p, _ in found):
        return None
    return _minimal({p for p, _ in found})


def _minimal(found: set[str]) -> set[str]:
    """Without the strings that extend another (they add no position of their own)."""
    # (a string extends another exactly where one of its own prefixes is in the set: a
    # look-up per prefix, not a comparison with every other string)
    return {a for a in found if not any(a[:k] in found for k in range(1, len(a)))}


def _required(items: Any) -> set[str] | None:
    """Strings, lower-cased, one of which every match of the parsed `items` contains: the
    longest anchors found from one of its items on (every item of a sequence is in the
    match), or those of every branch of one of its alternations."""
    items = list(items)
    best: set[str] | None = None

    def better(got: set[str] | None) -> None:
        nonlocal best
        if got and (best is None or (min(map(len, got)), -len(got)) >
                    (min(map(len, best)), -len(best))):
            best = got

    for i, (op, av) in enumerate(items):
        if op is _sre.BRANCH:
            parts = [_required(b) for b in av[1]]
            if all(parts):
                better(set().union(*parts))  # type: ignore[arg-type]
        elif op is _sre.SUBPATTERN:
            better(_required(av[3]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            better(_required(av[2]))
        try:
            found = _seq(items[i:])
        except _Unknown:
            continue
        if found and all(p for p, _ in found):
            better({p for p, _ in found})
    return best


def required(rx: re.Pattern[str]) -> set[str] | None:
    """Strings, lower-cased, one of which every match of `rx` contains (in the lower-cased
    text), or None where none is known."""
    try:
        got = _required(_sre_parse.parse(rx.pattern, rx.flags))
    except (_Unknown, AttributeError, TypeError, ValueError):
        return None
    return _minimal(got) if got else None


#: the last texts read and whether each has a digit other than 0-9 (asked only by a pattern
#: with a digit among its anchors); the lower-cased texts are caseless.py's, shared with the
#: patterns matched there (one sentence is read by several patterns in a row)
_OTHER_DIGITS: dict[str, bool] = {}
_KEEP = 64
_OTHER_DIGIT = re.compile(r"[^\D0-9]")  # a digit other than 0-9 (one class: faster)


def _other_digit(text: str) -> bool:
    got = _OTHER_DIGITS.get(text)
    if got is None:
        got = not text.isascii() and _OTHER_DIGIT.search(text) is not None
        if len(_OTHER_DIGITS) >= _KEEP:
            _OTHER_DIGITS.clear()
        _OTHER_DIGITS[text] = got
    return got


class Anchored:
    """`rx`, tried only where one of its anchors occurs (see the module doc); or, made by
    `gated`, only on a text that holds one of the strings every match contains. Reads like
    the compiled pattern for `search`, `match`, `finditer`, `findall` of whole matches."""

    __slots__ = ("rx", "pattern", "flags", "groups", "groupindex", "_ac", "_digits", "_gate")

    def __init__(self, rx: re.Pattern[str], found: set[str], gate: bool = False) -> None:
        self.rx = rx
        self.pattern = rx.pattern
        self.flags = rx.flags
        self.groups = rx.groups
        self.groupindex = rx.groupindex
        self._gate = gate
        self._digits = any(a[0] in _DIGITS for a in found)
        self._ac = ahocorasick.Automaton()
        for a in found:
            self._ac.add_word(a, len(a) - 1)
        self._ac.make_automaton()

    def _starts(self, text: str, pos: int, endpos: int) -> list[int] | None:
        """Every position in [pos, endpos) where an anchor starts, in order (None: the
        text cannot be anchored; match it with the pattern itself). A gate: [] where no
        string every match contains is there, else None."""
        low = lowered(text)
        if low is None or self._digits and _other_digit(text):
            return None
        if endpos > len(low):
            endpos = len(low)
        if pos >= endpos:
            return []
        if pos or endpos < len(low):
            # a part of the text (a clause of the article): the automaton is given that part
            # only (given the whole text and bounds, it converts all of it, every call)
            low, base = low[pos:endpos], pos
        else:
            base = 0
        if self._gate:
            return None if next(self._ac.iter(low), None) else []
        # no anchor is a prefix of another, so no two start at one position
        starts = [e - n + base for e, n in self._ac.iter(low)]
        if len(starts) > 1:
            starts.sort()
        return starts

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize
                 ) -> Iterator[re.Match[str]]:
        starts = self._starts(text, pos, endpos)
        if starts is None:
            return self.rx.finditer(text, pos, endpos)
        match = self.rx.match
        out = []
        at = pos
        for s in starts:
            if s >= at:
                m = match(text, s, endpos)
                if m is not None:
                    out.append(m)
                    at = m.end()
        return iter(out)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize
               ) -> re.Match[str] | None:
        starts = self._starts(text, pos, endpos)
        if starts is None:
            return self.rx.search(text, pos, endpos)
        match = self.rx.match
        for s in starts:
            m = match(text, s, endpos)
            if m is not None:
                return m
        return None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize
              ) -> re.Match[str] | None:
        return self.rx.match(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        if self.groups:
            return self.rx.findall(text, pos, endpos)
        return [m.group(0) for m in self.finditer(text, pos, endpos)]


def anchored(rx: re.Pattern[str], limit: int = _LIMIT) -> Anchored | re.Pattern[str]:
    """`rx` tried only at its anchors, or `rx` itself where it has none (or more than
    `limit` prefixes while enumerating them: a large pattern may be given a higher one)."""
    found = anchors(rx, limit)
    if found is None:
        return rx
    return Anchored(rx, found)


def gated(rx: re.Pattern[str]) -> Anchored | re.Pattern[str]:
    """`rx` tried only on a text that holds one of the strings every match contains (for
    a pattern with no anchors: "... , bringing the toll", a name before "said"), or `rx`
    itself where none is known."""
    found = required(rx)
    if found is None:
        return rx
    return Anchored(rx, found, gate=True)


def anchored_or_gated(rx: re.Pattern[str]) -> Anchored | re.Pattern[str]:
    """`rx` at its anchors where it has some, else behind its gate (a pattern opening with
    a name, "X informó", has no anchors but a verb every match holds), else `rx` itself."""
    got = anchored(rx)
    return got if got is not rx else gated(rx)


def anchored_matcher(p: Any) -> Any:
    """`anchored` for a pattern or a caseless one (`caseless.Caseless`, which keeps the
    pattern it was made from as `rx`): the original tried only at its anchors where it has
    some, else `p` as it is. A word list scanned with `caseless` still tries the whole
    alternation at every position of the lower-cased text; at its anchors it is tried at a
    few (the same matches: both read like the original pattern)."""
    rx = getattr(p, "rx", p)
    if not isinstance(rx, re.Pattern):
        return p
    got = anchored(rx)
    return p if got is rx else got

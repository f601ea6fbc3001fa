"""Faster large alternations: a lookahead of the first characters any match can start with.

Why: Python's re has no literal-prefix scan for a pattern that is a big alternation (the
lexicons, the date and count patterns): at every position it tries every alternative.
`prefixed(rx)` puts in front of `rx` a lookahead of the first `k` characters (or
character classes) that any of its matches can start with, derived from the parsed
pattern, so that most positions are turned away by a few one-character tests. It is a
superset by construction, so the matches, their groups and `lastgroup` are the same; where
the pattern starts with something not enumerated (a back-reference, a repeat that can be
empty, an inline flag group), `rx` is returned as it is.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from typing import Any

#: (atoms, cut): regex sources of the characters a match starts with; `cut` when what
#: follows them is not enumerated
Prefix = tuple[tuple[str, ...], bool]
_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}
_LIMIT = 600  # more prefixes than this and the lookahead costs more than it saves


class _Unknown(Exception):
    pass


def _seq(items: Any, k: int, fold: bool = False) -> set[Prefix]:
    """`fold`: inside a `(?i:...)` group of a pattern compiled without IGNORECASE (its
    letters are written into the lookahead case-insensitively, as the group matches them)."""
    states: set[Prefix] = {((), False)}
    for op, av in items:
        if all(cut or len(p) >= k for p, cut in states):
            break
        opts = _item(op, av, k, fold)
        nxt: set[Prefix] = set()
        for p, cut in states:
            if cut or len(p) >= k:
                nxt.add((p[:k], True))
                continue
            for q, cut2 in opts:
                pq = p + q
                nxt.add((pq[:k], cut2 or len(pq) >= k))
        if len(nxt) > _LIMIT:
            raise _Unknown
        states = nxt
    return states


def _class(av: Any) -> str:
    parts = []
    for o, a in av:
        if o is _sre.NEGATE:
            parts.append("^")
        elif o is _sre.LITERAL:
            parts.append(re.escape(chr(a)))
        elif o is _sre.RANGE:
            parts.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
        elif o is _sre.CATEGORY and a in _CATEGORIES:
            parts.append(_CATEGORIES[a])
        else:
            raise _Unknown
    return "[" + "".join(parts) + "]"


def _folded(atom: str, fold: bool) -> str:
    return f"(?i:{atom})" if fold else atom


def _item(op: Any, av: Any, k: int, fold: bool = False) -> set[Prefix]:
    if op is _sre.LITERAL:
        return {(((_folded(re.escape(chr(av)), fold and chr(av).lower() != chr(av).upper())),),
                 False)}
    if op is _sre.IN:
        if all(o is _sre.LITERAL for o, _ in av) and len(av) <= 8:
            return {(((_folded(re.escape(chr(a)), fold and chr(a).lower() != chr(a).upper())),),
                     False) for _, a in av}
        return {((_folded(_class(av), fold),), False)}
    if op is _sre.ANY:
        return {((".",), False)}
    if op is _sre.BRANCH:
        return set().union(*(_seq(b, k, fold) for b in av[1]))
    if op is _sre.SUBPATTERN:
        if av[2] or av[1] & ~_sre.SRE_FLAG_IGNORECASE:
            raise _Unknown  # (?-i:...), (?s:...): flags the lookahead does not follow
        return _seq(av[3], k, fold or bool(av[1]))
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return {((), False)}  # zero-width
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[2].getwidth()[0] > 0:
        lo, hi, sub = av
        out: set[Prefix] = set()
        for n in range(min(lo, k), min(hi, k) + 1):  # a match repeats >= lo times
            out |= _seq([(_sre.SUBPATTERN, (None, 0, 0, sub))] * n, k, fold)
        return out
    raise _Unknown


def prefixed(rx: re.Pattern[str], k: int = 1) -> re.Pattern[str]:
    """`rx` with a lookahead of the first `k` characters its matches can start with."""
    try:
        parsed = _sre_parse.parse(rx.pattern, rx.flags)
        found = _seq(parsed, k)
    except (_Unknown, AttributeError, TypeError, ValueError):
        return rx
    if not found or any(not p for p, _ in found):
        return rx  # a match can start with something not enumerated, or be empty
    alts = _merged(sorted({"".join(p) for p, _ in found}))
    # where every match starts at a word boundary, test it first: inside a word the
    # lookahead then fails on one test
    edge = r"\b" if _at_boundary(list(parsed)) else ""
    try:
        return re.compile(f"(?={edge}(?:" + "|".join(alts) + "))(?:" + rx.pattern + ")",
                          rx.flags)
    except re.error:
        return rx  # global inline flags ("(?m)...") must open the pattern: nothing in front


def _at_boundary(items: list[Any]) -> bool:
    """Whether every match of the parsed `items` starts with `\\b`."""
    if not items:
        return False
    op, av = items[0]
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return _at_boundary(items[1:])  # a lookaround takes no characters
    if op is _sre.AT:
        return bool(av is _sre.AT_BOUNDARY) or _at_boundary(items[1:])
    if op is _sre.SUBPATTERN:
        return _at_boundary(list(av[3]))
    if op is _sre.BRANCH:
        return all(_at_boundary(list(b)) for b in av[1])
    return False


def _merged(alts: list[str]) -> list[str]:
    """Single characters gathered into one class each ("a|b|c" -> "[abc]", "(?i:a)|(?i:b)"
    -> "(?i:[ab])"): re tests a class in one step, an alternation one branch at a time."""
    def single(a: str) -> bool:  # one character, as re.escape writes it
        return len(a) == 1 or (len(a) == 2 and a[0] == "\\")

    plain = [a for a in alts if single(a)]
    folded = [a[4:-1] for a in alts if a.startswith("(?i:") and a.endswith(")") and
              single(a[4:-1])]
    rest = [a for a in alts if not single(a) and
            not (a.startswith("(?i:") and a.endswith(")") and single(a[4:-1]))]
    out = ["[" + "".join(plain) + "]"] if plain else []
    if folded:
        out.append("(?i:[" + "".join(folded) + "])")
    return out + rest

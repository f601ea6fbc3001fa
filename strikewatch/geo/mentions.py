"""Finding place names in text: longest gazetteer match over capitalised word runs.

Why not a named-entity model: none ships offline with the project, and news place names
are capitalised runs that a gazetteer of 70,000 names covers. The finder also marks what
a gazetteer alone gets wrong: names inside organisations ("Sinaloa Cartel", "Tren de
Aragua"), demonyms ("Mexican"), possessives ("Venezuela's") and stop words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from strikewatch.caseless import Caseless, caseless
from strikewatch.extract.lookahead import prefixed
from strikewatch.geo.gazetteer import Gazetteer, Hit, Organisation, normalise

# a word: letters, inner hyphens/digits, inner dots (U.S.) and apostrophes (O'Higgins)
# (written as runs of word characters between single dots or apostrophes: the same matches
# as "(?:[\w\-]|[.'’](?=[^\W_]))*", which tries an alternation at every character)
_TOKEN = re.compile(r"[^\W\d_][\w\-]*(?:[.'’](?=[^\W_])[\w\-]*)*\.?")
# what may stand between two words of one name (what r"^(?: |-| - )$" matches: "$" also
# before a final newline); a set look-up per pair of words, not a regex match
_GAPS_OK = frozenset({" ", "-", " - ", " \n", "-\n", " - \n"})


class Token(NamedTuple):
    """A word of the passage (a named tuple: made for every word of every passage read,
    and cheaper to make than a frozen dataclass)."""

    start: int
    end: int
    text: str
    possessive: bool


@dataclass(frozen=True, slots=True)
class Found:
    """A place name in the text and the gazetteer entries it may mean."""

    start: int
    end: int
    key: str
    hits: tuple[Hit, ...]
    possessive: bool = False
    open_water: bool = False


@dataclass(frozen=True, slots=True)
class OrgFound:
    start: int
    end: int
    org: Organisation


@dataclass(frozen=True, slots=True)
class DemonymFound:
    start: int
    end: int
    country: str


def tokens(text: str, lo: int, hi: int) -> list[Token]:
    """The words of text[lo:hi]; a possessive's "'s" and a lone final dot left out."""
    out: list[Token] = []
    append = out.append
    new = _TUPLE_NEW  # (the named tuple made as its own __new__ makes it, without the call)
    for m in _TOKEN.finditer(text, lo, hi):
        word = m.group()
        s, e = m.span()
        last = word[-1]
        if last == "s" and len(word) > 3 and word[-2] in "'’":
            append(new(Token, (s, e - 2, word[:-2], True)))
        elif last == "." and word.count(".") == 1:
            append(new(Token, (s, e - 1, word[:-1], False)))
        else:
            append(new(Token, (s, e, word, False)))
    return out


_TUPLE_NEW = tuple.__new__


@lru_cache(maxsize=4)
def _org_regex(names: frozenset[str]) -> Caseless:
    # keyed by the frozenset itself (its hash is cached): sorting the names into a tuple
    # key on every call cost more than the search; matched on lower-cased text (caseless)
    alts = sorted(sorted(names), key=len, reverse=True)
    # (behind a lookahead of the names' first characters: most positions fail on one test)
    return caseless(prefixed(re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])",
        re.IGNORECASE)))


def organisations(g: Gazetteer, text: str, lo: int, hi: int) -> list[OrgFound]:
    """Curated organisations in text[lo:hi] (names with and without accents).

    Read in the passage alone, with the one character before it that the pattern's
    lookbehind reads: the caller's text is often a masked copy of the whole article, a new
    string each passage, which the caseless pattern would lower-case whole every time."""
    rx = _org_regex(g.org_names)
    base = max(0, lo - 1)
    part = text[base:hi]
    out = []
    for m in rx.finditer(part, lo - base):
        org = g.organisations.get(normalise(m.group()))
        if org is not None:
            out.append(OrgFound(base + m.start(), base + m.end(), org))
    return out


# a demonym that is also a place name, before a lower-case noun, is used as an adjective
_ADJECTIVE_USE = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:forces|troops|army|military|"
                            r"soldiers|base|government|officials?|police|navy|militants?|"
                            r"fighters|border|town|village|city|capital|authorities|special)\b")

# an Arabic article after a one-word match joins it to a longer name the gazetteer does not
# hold: "the Bani al-Harith district" is no town called Bani, "Ras al-Ain" no town called Ras
_NAME_GOES_ON = re.compile(r"[ \u00a0](?:al|el|ad|ar|as|ash|at|az|ed|er|es|ez)[-‐‑]\w")


def find(g: Gazetteer, text: str, lo: int, hi: int) -> tuple[
    list[Found], list[OrgFound], list[DemonymFound]
]:
    """All place names, organisations and demonyms in text[lo:hi], left to right."""
    orgs = organisations(g, text, lo, hi)
    toks = tokens(text, lo, hi)
    n_tok = len(toks)
    masked = [any(o.start <= t.start < o.end for o in orgs) for t in toks] if orgs else (
        [False] * n_tok)
    norms = [normalise(t.text) for t in toks]
    # (a word islower() has no capital: most words, answered in one call)
    upper = [not t.text.islower() and any(map(str.isupper, t.text)) for t in toks]
    lower_starts = g.lower_starts
    lower_ends = g.lower_ends
    places: list[Found] = []
    demonyms: list[DemonymFound] = []
    i = 0
    while i < n_tok:
        t = toks[i]
        if masked[i]:
            i += 1
            continue
        lower_start = not t.text[0].isupper()
        first_key = norms[i]
        if lower_start and first_key not in lower_starts:
            i += 1  # most words: lower case, and no name starts with them
            continue
        # the run of words that may stand in one name with this one: a space or hyphen
        # between each two, no possessive before, none inside an organisation's name
        last = i
        while last + 1 < n_tok and last - i + 1 < g.max_words and \
                not toks[last].possessive and not masked[last + 1] and \
                text[toks[last].end:toks[last + 1].start] in _GAPS_OK:
            last += 1
        match: Found | None = None
        j_end = i
        for j in range(last, i - 1, -1):
            lower_end = j > i and not lower_start and not upper[j]
            if lower_end and norms[j] not in lower_ends:
                continue  # a run ends on a capitalised word ("Gulf of Mexico")
            key = " ".join(n for n in norms[i:j + 1] if n)
            if lower_end and key not in g.extra:
                continue  # save a curated name's own adjective ("Pacífico oriental")
            water = key in g.open_water
            if lower_start and key not in g.extra and not water:
                continue
            if not water and not g.has(key):
                alt = g.variant(key)  # "Deir al-Balah" where GeoNames has "Deir El Balah"
                if alt is None:
                    continue
                key = alt
            if j == i and (key in g.stopwords or len(key) < 2):
                continue
            match = Found(t.start, toks[j].end, key, tuple(g.hits(key)),
                          possessive=toks[j].possessive, open_water=water)
            j_end = j
            break
        if match is None and not lower_start and first_key not in g.stopwords and (
                first_key not in g.demonyms) and (
                _SMALL_CUE.search(text, max(0, t.start - 40), t.start)):
            match, j_end = _small_match(g, toks, norms, upper, i, last)
        if match is not None and j_end == i and first_key in g.demonyms and \
                _ADJECTIVE_USE.match(text, match.end):
            match = None  # "a Somali special forces base": a demonym, not Ethiopia's region
        if match is not None and j_end == i and _NAME_GOES_ON.match(text, match.end) and \
                not any(h.entry.kind == "C" for h in match.hits):
            match = None  # the first word of a longer name ("Bani al-Harith")
        if match is not None and j_end == i and _is_acronym(t.text) and not any(
                h.primary or h.entry.kind == "C" for h in match.hits):
            # "Mexican SAR authorities": an acronym that is only some town's alternate
            # name ("SAR" for Žďár nad Sázavou) is the acronym, not the town
            match = None
        if match is not None:
            if not _inside_org_name(g, text, match, toks, j_end):
                places.append(match)
            i = j_end + 1
            continue
        if not lower_start and first_key in g.demonyms:
            demonyms.append(DemonymFound(t.start, t.end, g.demonyms[first_key]))
        i += 1
    return places, orgs, demonyms


def _is_acronym(word: str) -> bool:
    """A short word in capitals ("SAR", "ISR"), as agencies and units are written."""
    return 2 <= len(word) <= 4 and word.isalpha() and word.isupper()


# words before a name that make a small town worth looking up ("in Aguililla")
_SMALL_CUE = caseless(re.compile(
    r"(?:\b(?:in|at|near|outside|off|from|into|toward|towards|across|inside|hit|struck|"
    r"bombed|attacked|raided|shelled|(?:deployed|sent|moved|fled|went|returned|rushed|"
    r"dispatched|traveled|travelled)\s+to)"
    r"|\b(?:outskirts|north|south|east|west|northeast|northwest|southeast|southwest|km|"
    r"kilometers|kilometres|miles|coast)\s+of)"
    # small towns go without "the" ("in the Joint ..." is an organisation), save in
    # "the town of X"
    r"\s+(?:the\s+(?:town|village|city|municipality|community|port|hamlet)\s+of\s+)?$",
    re.IGNORECASE,
))


def _small_match(g: Gazetteer, toks: list[Token], norms: list[str], upper: list[bool],
                 i: int, last: int) -> tuple[Found | None, int]:
    """The longest small-town name in tokens i..last (the small tier is read now)."""
    for j in range(last, i - 1, -1):
        if not upper[j]:
            continue
        key = " ".join(n for n in norms[i:j + 1] if n)
        if len(key) < 2:
            continue
        hits = g.small_hits(key)
        if hits:
            return Found(toks[i].start, toks[j].end, key, tuple(hits),
                         possessive=toks[j].possessive), j
    return None, i


@lru_cache(maxsize=4)
def _affix_regexes(suffixes: frozenset[str], prefixes: tuple[str, ...]) -> tuple[
    re.Pattern[str], re.Pattern[str]
]:
    suf = "|".join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True))
    pre = "|".join(re.escape(x) for x in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf" (?:{suf})(?![^\W\d_])"), re.compile(rf"(?:{pre}) $")


def _inside_org_name(g: Gazetteer, text: str, f: Found, toks: list[Token], j: int) -> bool:
    """A place name that heads or ends an organisation's name ("Sinaloa Cartel")."""
    suffix, prefix = _affix_regexes(g.org_suffixes, g.org_prefixes)
    if not f.possessive and suffix.match(text, f.end, f.end + 30):
        return True
    return prefix.search(text, max(0, f.start - 30), f.start) is not None

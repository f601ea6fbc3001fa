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

from strikewatch.geo.gazetteer import Gazetteer, Hit, Organisation, normalise

# a word: letters, inner hyphens/digits, inner dots (U.S.) and apostrophes (O'Higgins)
_TOKEN = re.compile(r"[^\W\d_](?:[\w\-]|[.'’](?=[^\W_]))*\.?")
_GAP_OK = re.compile(r"^(?: |-| - )$")


@dataclass(frozen=True, slots=True)
class Token:
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
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        word = m.group()
        poss = False
        if word.endswith(("'s", "’s")) and len(word) > 3:
            e -= 2
            poss = True
        elif word.endswith(".") and "." not in word[:-1]:
            e -= 1
        out.append(Token(s, e, text[s:e], poss))
    return out


@lru_cache(maxsize=4)
def _org_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])",
                      re.IGNORECASE)


def organisations(g: Gazetteer, text: str, lo: int, hi: int) -> list[OrgFound]:
    """Curated organisations in text[lo:hi] (names with and without accents)."""
    rx = _org_regex(tuple(sorted(g.org_names)))
    out = []
    for m in rx.finditer(text, lo, hi):
        org = g.organisations.get(normalise(m.group()))
        if org is not None:
            out.append(OrgFound(m.start(), m.end(), org))
    return out


def find(g: Gazetteer, text: str, lo: int, hi: int) -> tuple[
    list[Found], list[OrgFound], list[DemonymFound]
]:
    """All place names, organisations and demonyms in text[lo:hi], left to right."""
    orgs = organisations(g, text, lo, hi)
    toks = tokens(text, lo, hi)
    masked = [False] * len(toks)
    for i, t in enumerate(toks):
        if any(o.start <= t.start < o.end for o in orgs):
            masked[i] = True
    places: list[Found] = []
    demonyms: list[DemonymFound] = []
    i = 0
    n_tok = len(toks)
    while i < n_tok:
        t = toks[i]
        if masked[i]:
            i += 1
            continue
        lower_start = not t.text[0].isupper()
        first_key = normalise(t.text)
        if lower_start and first_key not in g.lower_starts:
            i += 1
            continue
        match: Found | None = None
        j_end = i
        for j in range(min(n_tok, i + g.max_words) - 1, i - 1, -1):
            if any(masked[k] for k in range(i, j + 1)):
                continue
            if any(toks[k].possessive for k in range(i, j)):
                continue
            if any(not _GAP_OK.match(text[toks[k].end:toks[k + 1].start])
                   for k in range(i, j)):
                continue
            if j > i and not lower_start and not any(c.isupper() for c in toks[j].text):
                continue  # a run ends on a capitalised word ("Gulf of Mexico")
            key = normalise(text[t.start:toks[j].end])
            water = key in g.open_water
            if lower_start and key not in g.extra and not water:
                continue
            if not water and not g.has(key):
                continue
            if j == i and (key in g.stopwords or len(key) < 2):
                continue
            match = Found(t.start, toks[j].end, key, tuple(g.hits(key)),
                          possessive=toks[j].possessive, open_water=water)
            j_end = j
            break
        if match is not None:
            if not _inside_org_name(g, text, match, toks, j_end):
                places.append(match)
            i = j_end + 1
            continue
        if not lower_start and first_key in g.demonyms:
            demonyms.append(DemonymFound(t.start, t.end, g.demonyms[first_key]))
        i += 1
    return places, orgs, demonyms


def _inside_org_name(g: Gazetteer, text: str, f: Found, toks: list[Token], j: int) -> bool:
    """A place name that heads or ends an organisation's name ("Sinaloa Cartel")."""
    after = text[f.end:f.end + 30]
    if not f.possessive:
        for suf in g.org_suffixes:
            if after.startswith(" " + suf) and not after[len(suf) + 1:len(suf) + 2].isalpha():
                return True
    before = text[max(0, f.start - 30):f.start]
    return any(before.endswith(p + " ") for p in g.org_prefixes)

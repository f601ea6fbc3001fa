"""Actors: who acted and against whom, with an actor type and the state it belongs to.

Country names come from pycountry (ISO 3166-1); demonyms and the institutions and armed
groups news reports name most often are a small lexicon here. This is a lexicon of actors,
not a gazetteer: places are the geo component's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import pycountry

from strikewatch.extract.anchored import anchored, gated
from strikewatch.extract.lookahead import prefixed
from strikewatch.records import Actor

# Short names news uses that pycountry spells otherwise, and demonyms -> ISO alpha-2.
_EXTRA_NAMES = {
    "US": "US", "U.S.": "US", "USA": "US", "United States": "US", "America": "US",
    "UK": "GB", "Britain": "GB", "Great Britain": "GB", "Russia": "RU", "Iran": "IR",
    "Syria": "SY", "Venezuela": "VE", "Bolivia": "BO", "Gaza": "PS", "West Bank": "PS",
    "Palestine": "PS", "South Korea": "KR", "North Korea": "KP", "Vietnam": "VN",
    "Laos": "LA", "Moldova": "MD", "Tanzania": "TZ", "Congo": "CD", "DRC": "CD",
    "Taiwan": "TW", "Turkey": "TR", "Czech Republic": "CZ", "Ivory Coast": "CI",
}
DEMONYMS = {
    "American": "US", "Mexican": "MX", "Venezuelan": "VE", "Colombian": "CO",
    "Israeli": "IL", "Palestinian": "PS", "Lebanese": "LB", "Syrian": "SY", "Iraqi": "IQ",
    "Iranian": "IR", "Yemeni": "YE", "Saudi": "SA", "Emirati": "AE", "Russian": "RU",
    "Ukrainian": "UA", "British": "GB", "French": "FR", "German": "DE", "Turkish": "TR",
    "Pakistani": "PK", "Afghan": "AF", "Indian": "IN", "Chinese": "CN", "Somali": "SO",
    "Sudanese": "SD", "Nigerian": "NG", "Malian": "ML", "Libyan": "LY", "Egyptian": "EG",
    "Ecuadorian": "EC", "Peruvian": "PE", "Honduran": "HN", "Guatemalan": "GT",
    "Salvadoran": "SV", "Cuban": "CU", "Haitian": "HT", "Kenyan": "KE", "Ethiopian": "ET",
    "Burkinabe": "BF", "Nigerien": "NE", "Congolese": "CD", "Filipino": "PH",
    "Trinidadian": "TT", "Jordanian": "JO", "Qatari": "QA", "Kurdish": None,
}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country name -> ISO alpha-2, from pycountry plus common short forms."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n:
                out[n] = c.alpha_2
    out.update(_EXTRA_NAMES)
    return out


@lru_cache(maxsize=1)
def country_regex() -> re.Pattern[str]:
    names = sorted(country_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")


DEMONYM_RE = prefixed(re.compile(r"\b(" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) +
                                 r")\b"))


@dataclass(frozen=True)
class ActorEntry:
    pattern: str
    name: str | None  # None: the matched text is the name
    type: str
    country: str | None


# Named institutions and groups. type: military, government, intelligence, police,
# non_state, civilians. Country None where a group belongs to no state.
NAMED: tuple[ActorEntry, ...] = (
    ActorEntry(r"Joint Special Operations Command|JSOC", "JSOC", "military", "US"),
    # the Pentagon and its combatant commands ("US Africa Command said it conducted ...")
    ActorEntry(r"(?:the )?Pentagon|Department of (?:Defense|War)|(?:US |U\.S\. )?(?:Southern|"
               r"Africa|Central|European|Northern|Indo-Pacific) Command|SOUTHCOM|AFRICOM|"
               r"CENTCOM|EUCOM|NORTHCOM|INDOPACOM|US Navy|U\.S\. Navy", None, "military", "US"),
    ActorEntry(r"(?:Joint Task Force|JTF) Southern Spear", "Joint Task Force Southern Spear",
               "military", "US"),
    ActorEntry(r"(?:the )?(?:Central Intelligence Agency|CIA)(?: \(CIA\))?", "CIA",
               "intelligence", "US"),
    ActorEntry(r"(?:the )?State Department|White House|(?:the )?Trump administration|"
               r"(?:President )?(?:Donald )?Trump|(?:Pete )?Hegseth|(?:Marco )?Rubio|"
               r"Washington", None, "government", "US"),
    ActorEntry(r"(?:the )?Israel(?:i)? Defense Forces|IDF", "IDF", "military", "IL"),
    ActorEntry(r"Houthis?|Ansar Allah", "Houthis", "non_state", "YE"),
    ActorEntry(r"Hamas", "Hamas", "non_state", "PS"),
    # Iraq's Iran-backed militia, not Lebanon's party: tried before the shorter name
    # (also spelled "Kataeb Hezbollah", "Kata'eb Hizbullah")
    ActorEntry(r"Kata['’]?[ie]b Hez?b[ou]llah|Kata['’]?[ie]b Hizb[ua]llah", "Kataib Hezbollah",
               "non_state", "IQ"),
    ActorEntry(r"Hezbollah", "Hezbollah", "non_state", "LB"),
    ActorEntry(r"[Aa]l-Shabaab|[Aa]l-Shabab", "al-Shabaab", "non_state", "SO"),
    ActorEntry(r"Boko Haram", "Boko Haram", "non_state", "NG"),
    ActorEntry(r"Islamic State|ISIS|ISIL", "Islamic State", "non_state", None),
    ActorEntry(r"Taliban", "Taliban", "non_state", "AF"),
    ActorEntry(r"Tren de Aragua", "Tren de Aragua", "non_state", "VE"),
    ActorEntry(r"MS-13", "MS-13", "non_state", None),
    ActorEntry(r"Sinaloa [Cc]artel|Jalisco New Generation Cartel|CJNG|Gulf Cartel", None,
               "non_state", "MX"),
    ActorEntry(r"Rapid Support Forces|RSF", "Rapid Support Forces", "non_state", "SD"),
    ActorEntry(r"ELN|National Liberation Army|FARC dissidents|FARC", None, "non_state", "CO"),
    ActorEntry(r"(?:President )?Nicol[aá]s Maduro|Maduro", None, "government", "VE"),
)
# A capital standing for its government ("Moscow said its forces ...", "Kyiv rejected the
# claim"): only where no locative word puts it as a place ("a strike on Kyiv").
CAPITALS = {
    "Moscow": "RU", "Kyiv": "UA", "Kiev": "UA", "Beijing": "CN", "Tehran": "IR",
    "Caracas": "VE", "Damascus": "SY", "Beirut": "LB", "Baghdad": "IQ", "Kabul": "AF",
    "Islamabad": "PK", "New Delhi": "IN", "Riyadh": "SA", "Ankara": "TR", "Cairo": "EG",
    "Khartoum": "SD", "Mogadishu": "SO", "Bogotá": "CO", "Bogota": "CO", "Havana": "CU",
    "Pyongyang": "KP", "Seoul": "KR", "Taipei": "TW", "London": "GB", "Paris": "FR",
    "Berlin": "DE", "Minsk": "BY", "Tripoli": "LY", "Abuja": "NG", "Bamako": "ML",
    "Addis Ababa": "ET", "Amman": "JO", "Doha": "QA", "Abu Dhabi": "AE",
}
_CAPITAL_RE = gated(re.compile(r"\b(?:" + "|".join(sorted(CAPITALS, key=len, reverse=True)) +
                               r")\b(?!['’]s\s+(?:[\w-]+\s+)?(?:district|suburbs?|outskirts|"
                               r"centre|center|region|province|streets?))"))
# "BEIRUT (AP) —", "Beirut/Tribal Border -": a dateline names where the story was filed
_DATELINE = re.compile(r"(?:/[^\n/–—-]{1,40})?\s*(?:\([A-Za-z .]{1,20}\)\s*)?(?:[–—]|--?\s)")
PLACE_BEFORE = re.compile(r"\b(?:in|on|at|near|over|to|from|into|across|around|outside|"
                           r"toward|towards|of|inside|struck|hit|targeted|attacked|shelled)\s+"
                           r"(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
_FORCE = (r"(?:armed )?forces|military|troops|army|navy|air force|marines|warplanes|jets|drones|"
          r"aircraft|warships?|soldiers|special forces|security forces|commandos|"
          r"coast guard|helicopters?")
_GOV = r"government|officials|authorities|administration|ministry|president"
_NONSTATE = (r"militants?|gunmen|insurgents?|rebels?|fighters|jihadists?|armed men|"
             r"(?:drug )?traffickers|smugglers|narco-?terrorists|gangs?|(?:drug )?cartels?|"
             r"armed group|militia(?:s|men)?|paramilitar(?:y|ies)")
_CIVIL = (r"civilians?|fishermen|villagers|residents|protesters|crew(?: members)?|"
          r"passengers|people|families|children|worshippers|students|migrants")
_OWNER = (r"(?:(?:the )?(?:U\.S\.|US|United States|American|" +
          "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")\s+)")
_MOD = (r"(?:special|naval|drug|local|armed|government|security|state|federal|national|"
        r"senior|military|allied|enemy|rival|suspected|alleged|Islamist|separatist|"
        r"pro-government|opposition|Venezuelan|Mexican|cartel)")
# Generic actors are found head noun first (fast), then extended left over an owner
# ("Mexican", "U.S.") and a modifier ("special", "drug").
_HEAD_RE = re.compile(
    rf"(?<![\w-])(?:(?P<force>{_FORCE})|(?P<gov>{_GOV})|(?P<ns>{_NONSTATE})|(?P<civ>{_CIVIL}))\b",
    re.IGNORECASE)
# (both tried only where one of their literal starts occurs: anchored.py; over the bench's
# clauses about twice as fast as the first-character lookahead they had)
_HEAD_LC = anchored(re.compile(_HEAD_RE.pattern.lower().replace("(?p<", "(?P<")))  # lower-cased
# All named actors in one alternation: group n<i> is row i of NAMED.
_NAMED_ONE = anchored(re.compile(r"\b(?:" + "|".join(f"(?P<n{i}>{e.pattern})" for i, e in
                                                     enumerate(NAMED)) + r")\b"))


@dataclass
class ActorHit:
    start: int
    end: int
    actor: Actor


_MOD_WORDS = frozenset(w.lower() for w in re.findall(r"[\w-]+", _MOD))
_OWNER_WORDS = frozenset(["u.s.", "us", "american", *(d.lower() for d in DEMONYMS)])
_WORD_BACK = re.compile(r"([\w.’'-]+)\s+$")
_FIRST_OWNER = re.compile(r"\b([A-Z][\w.]+)\s+and\s+$")
# (compiled once: `re.sub` with a pattern string looks it up in re's cache on every call,
# and find_actors runs these for every head noun)
_POSSESSIVE = re.compile(r"[’']s$")
_THE_OPENING = re.compile(r"^the\s+", re.IGNORECASE)
_THE_SPACE = re.compile(r"^the ")
# "the country's military", "the nation's military": a possessive makes it a noun, the
# forces of a country the article names
_NATIONS_BEFORE = re.compile(r"\bthe\s+(?:country|nation)['’]s\s+$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$")


def _extend_left(text: str, a: int) -> tuple[str | None, int]:
    """(owner, new start) for a head noun at `a`: "the U.S. special forces" -> U.S.

    Word lookups on the one or two words before the head (a regex anchored at the end
    would try every position of the window, which is slow)."""
    start = a
    m = _WORD_BACK.search(text, max(0, a - 30), a)
    if m is None:
        return None, a
    word = m.group(1)
    if word.lower() in _MOD_WORDS and word.lower() not in _OWNER_WORDS:
        start = m.start(1)
        m = _WORD_BACK.search(text, max(0, start - 30), start)
        if m is None:
            return None, start
        word = m.group(1)
    owner = None
    bare = _POSSESSIVE.sub("", word)
    if word.lower() in _OWNER_WORDS and (word[0].isupper()):
        owner, start = word, m.start(1)
    elif bare != word and bare in country_names():
        owner, start = bare, m.start(1)  # "Pakistan's military", "Israel's army"
    elif word == "States" and text[max(0, m.start(1) - 7):m.start(1)] == "United ":
        owner, start = "United States", m.start(1) - 7
    if owner is not None:
        # "American and Iraqi commandos": the first-named state's forces lead
        both = _FIRST_OWNER.search(text, max(0, start - 30), start)
        if both is not None and both.group(1).lower() in _OWNER_WORDS:
            owner, start = both.group(1), both.start(1)
        t = _WORD_BACK.search(text, max(0, start - 5), start)
        if t is not None and t.group(1).lower() == "the":
            start = t.start(1)
    return owner, start


def _owner_country(owner: str | None) -> str | None:
    if not owner:
        return None
    o = owner.strip()
    o = _THE_OPENING.sub("", o)
    if o in DEMONYMS:
        return DEMONYMS[o]
    return country_names().get(o)


def find_actors(text: str, offset: int = 0) -> list[ActorHit]:
    """Actor mentions in `text` (named institutions first, then generic noun phrases)."""
    hits: list[ActorHit] = []
    taken: list[tuple[int, int]] = []
    for m in _NAMED_ONE.finditer(text):
        a, b = m.span()
        if _MASTHEAD.match(text, b) or GLUED.match(text, b):
            continue  # "The Washington Post", "a Hezbollah-linked source": no party
        e = NAMED[int(m.lastgroup[1:])]  # type: ignore[index]
        taken.append((a, b))
        name = e.name or _THE_SPACE.sub("", m.group(0))
        hits.append(ActorHit(offset + a, offset + b,
                             Actor(name=name, type=e.type, country=e.country)))
    low = text.lower()
    heads = _HEAD_LC.finditer(low) if len(low) == len(text) else _HEAD_RE.finditer(text)
    for m in heads:
        a, b = m.span()
        owner, a = _extend_left(text, a)
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        country = _owner_country(owner)
        whole = text[a:b]
        if m.group("force"):
            kind = "military"
            if m.group("force").lower() == "military" and country is None and \
                    not _THE_BEFORE.search(text[max(0, a - 4):a]) and \
                    not whole.lower().startswith("the") and \
                    not _NATIONS_BEFORE.search(text[max(0, a - 20):a]):
                continue  # "a covert military operation": an adjective, not an actor
        elif m.group("gov"):
            kind = "government"
            if whole.lower().endswith("officials") and country is None:
                continue  # unnamed "officials" are sources, not actors
        elif m.group("ns"):
            kind = "non_state"
            if country is None:  # "Mexican drug cartels": the demonym may stand further left
                d = DEMONYM_RE.search(text[max(0, a - 25):b])
                country = DEMONYMS.get(d.group(1)) if d else None
        else:
            kind = "civilians"
        name = _THE_OPENING.sub("", whole.strip())
        hits.append(ActorHit(offset + a, offset + b,
                             Actor(name=name, type=kind, country=country)))
    for a, b, name, code in country_mentions(text, 0):
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        hits.append(ActorHit(offset + a, offset + b, Actor(name=name, type="state",
                                                            country=code)))
    for m in _CAPITAL_RE.finditer(text):
        a, b = m.span()
        if any(a < y and x < b for x, y in taken) or \
                PLACE_BEFORE.search(text, max(0, a - 30), a) or _MASTHEAD.match(text, b) or \
                GLUED.match(text, b) or _DATELINE.match(text, b):
            continue
        taken.append((a, b))
        hits.append(ActorHit(offset + a, offset + b, Actor(
            name=m.group(0), type="government", country=CAPITALS[m.group(0)])))
    hits.sort(key=lambda h: h.start)
    return hits


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for n in country_names():
        out.setdefault(re.split(r"[\s]", n)[0], []).append(n)
    for v in out.values():
        v.sort(key=len, reverse=True)
    return out


_CAP = prefixed(re.compile(r"(?<![\w.])[A-Z][\w.]*"))  # capital first, then the lookbehind


#: the last texts scanned (a clause is read by actors, places and the owner test in turn;
#: the article by countries and article_context): their mentions at offset 0
_SCANNED: dict[str, list[tuple[int, int, str, str]]] = {}
_KEEP = 16


def country_mentions(text: str, offset: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, name, ISO alpha-2) for each country name in `text`.

    Scans capitalised words and looks their names up (a 250-name alternation is slow).
    """
    found = _SCANNED.get(text)
    if found is None:
        found = _scan_countries(text)
        if len(_SCANNED) >= _KEEP:
            _SCANNED.clear()
        _SCANNED[text] = found
    return [(a + offset, b + offset, n, c) for a, b, n, c in found]


@lru_cache(maxsize=1)
def _first_word_finder() -> ahocorasick.Automaton:
    """The country names' first words that a capitalised word can be (A-Z first), in one
    automaton: a country name can only start where one of them does."""
    ac = ahocorasick.Automaton()
    for word in _by_first_word():
        if "A" <= word[0] <= "Z":
            ac.add_word(word, len(word) - 1)
    ac.make_automaton()
    return ac


def _scan_countries(text: str) -> list[tuple[int, int, str, str]]:
    """Each capitalised word (`_CAP`) that starts a country name, looked up by its name:
    only where a first word of one occurs (one pass of an automaton; trying `_CAP` at every
    capitalised word of the clause cost more than the look-ups)."""
    names = country_names()
    first = _by_first_word()
    out: list[tuple[int, int, str, str]] = []
    pos = 0
    starts = sorted({e - n for e, n in _first_word_finder().iter(text)})
    for s in starts:
        if s < pos:
            continue
        m = _CAP.match(text, s)  # the capitalised word _CAP.finditer finds there, if any
        if m is None:
            continue
        word = m.group(0)
        cands = first.get(word) or first.get(word.rstrip("."))
        if not cands:
            continue
        for n in cands:
            end = m.start() + len(n)
            if text.startswith(n, m.start()) and (end == len(text) or not (
                    text[end].isalnum() or text[end] == "_")) and \
                    not is_given_name(text, m.start(), end) and \
                    not _MASTHEAD.match(text, end) and not GLUED.match(text, end):
                out.append((m.start(), end, n, names[n]))
                pos = end
                break
    return out


# country names that are also common given names: followed by a capitalised word that is
# no institution or place word, they start a person's name ("relatives of Chad Joseph",
# "Jordan Peterson said"), not a country ("Jordan Armed Forces", "Georgia State")
_GIVEN_NAMES = frozenset({"Chad", "Jordan", "Georgia"})
_NAME_NEXT = re.compile(r" (?!(?:Army|Armed|Air|Navy|Defen[cs]e|Forces?|Government|Ministry|"
                        r"State|City|Valley|River|Strait|Basin|Lake|Police|Military|National|"
                        r"Republic|Kingdom|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                        r"Sunday|January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|On|In|At|The)\b)[A-Z][a-z]+\b")


# "Iraq News Now", "Pakistan Today", "the Kenya Times", "The Washington Post": a
# publication's name, no party
_MASTHEAD = re.compile(r" (?:News|Times|Today|Post|Daily|Herald|Tribune|Observer|Online|TV|"
                       r"Radio|Press|Journal|Gazette|Chronicle|Express|Insider|Monitor)\b")


# "a UK-based monitor", "a Hezbollah-linked source", "the Houthi-run health ministry", "a
# U.S.-brokered ceasefire": the name describes someone else, it is no party of its own
# ("US-led forces", "Iran-backed militias" keep theirs: they read as the forces' owner)
GLUED = re.compile(r"-(?:based|linked|affiliated|run|allied|aligned|controlled|brokered|"
                   r"funded|sponsored|supported|designated|held|occupied)\b")


def is_given_name(text: str, a: int, b: int) -> bool:
    """Whether the country name at text[a:b] begins a person's name ("Chad Joseph")."""
    return text[a:b] in _GIVEN_NAMES and _NAME_NEXT.match(text, b) is not None


def demonym_country(text: str) -> str | None:
    m = DEMONYM_RE.search(text)
    return DEMONYMS.get(m.group(1)) if m else None

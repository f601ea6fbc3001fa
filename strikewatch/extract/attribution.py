"""Attribution and quotes: who says it, how many of them, and whether they are named.

"NBC News, which cited two serving and two former senior US officials" is an outlet citing
four anonymous US officials: the count adds every number in a coordinated noun phrase.
Direct quotes are kept with their speaker (a pronoun speaker takes the last named person).
"""

from __future__ import annotations

import re

from strikewatch.caseless import AnyMatch, Matcher, caseless
from strikewatch.extract.actors import DEMONYMS, country_names
from strikewatch.extract.anchored import Anchored, anchored
from strikewatch.extract.counts import _NUM, parse_number
from strikewatch.extract.lookahead import prefixed
from strikewatch.records import Attribution

_NAME = r"(?:the\s+)?(?:[A-Z][\w&.'’-]*|al-\w+)(?:\s+(?:of\s+|for\s+)?[A-Z][\w&.'’-]*){0,5}"
_OUTLET = re.compile(
    r"\b(?:News|Times|Post|Journal|Reuters|Associated Press|AP|AFP|BBC|CNN|CBS|NBC|ABC|Fox|"
    r"Al Jazeera|Guardian|Telegraph|Bloomberg|Axios|Politico|Wire|Media|Television|TV|"
    r"Agency|Herald|Tribune|Gazette|Press|Intercept|Economist|Monitor|Radio)\b")
_NGO = re.compile(r"\b(?:Amnesty|Human Rights Watch|Airwars|ACLED|Red Cross|Red Crescent|"
                  r"United Nations|UN|U\.N\.|Doctors Without Borders|MSF|Observatory|NGO|"
                  r"monitor(?:s|ing group)?|rights groups?|charity|Network|Doctors|Watch|"
                  r"Foundation|Relief|Rescue|Crisis Group)\b")
_MIL = re.compile(r"\b(?:Pentagon|military|army|IDF|Command|SOUTHCOM|Navy|forces|"
                  r"Department of (?:Defense|War)|commander|general|spokesman for the)\b",
                  re.IGNORECASE)
_GOVT = re.compile(r"\b(?:government|ministry|administration|White House|State Department|"
                   r"President|Secretary|Minister|Trump|Maduro|authorities|governor|mayor)\b")
_OFFICIAL = re.compile(r"\b(?:officials?|spokes(?:man|woman|person)|diplomats?)\b",
                       re.IGNORECASE)
_ANALYST = re.compile(r"\b(?:analysts?|experts?|researchers?|scholars?)\b", re.IGNORECASE)
_WITNESS = re.compile(r"\b(?:witness(?:es)?|residents?|survivors?|locals?|relatives|"
                      r"fishermen|villagers)\b", re.IGNORECASE)
_DOC = re.compile(r"\b(?:documents?|statement|memo|filing|cable|report)\b", re.IGNORECASE)

_PEOPLE = (r"(?:officials?|sources|people(?: familiar with [\w ]+?)?|diplomats|analysts|"
           r"experts|witnesses|residents|officers|commanders|lawmakers)")
_COORD_COUNT = anchored(re.compile(
    rf"\b(?P<nums>{_NUM}(?:\s+[\w-]+){{0,3}}?(?:\s*,\s*|\s+and\s+){_NUM})"
    rf"(?P<mods>(?:\s+[\w.-]+){{0,4}}?)\s+(?P<who>{_PEOPLE})\b"
    rf"|\b(?P<num>{_NUM})(?P<mods2>(?:\s+[\w.-]+){{0,3}}?)\s+(?P<who2>{_PEOPLE})\b",
    re.IGNORECASE))
_CASUALTIES_LEFT = re.compile(r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing)|injur(?:ed|ing)|"
                              r"left|leaving)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_CASUALTIES_RIGHT = re.compile(r"\s+(?:(?:were|was|have been|had been)\s+)?(?:killed|"
                               r"dead|died|wounded|injured|missing)\b", re.IGNORECASE)
_PEOPLE_RE = caseless(re.compile(rf"\b{_PEOPLE}", re.IGNORECASE))
_NUM_RE = re.compile(rf"\b{_NUM}\b", re.IGNORECASE)
_ANON = anchored(
    re.compile(r"\b(?:on (?:the )?condition of anonymity|anonymous|unnamed|not authori[sz]ed"
                   r" to speak|declined to be named|speaking privately|familiar with)\b",
                   re.IGNORECASE))

_ACCORDING = anchored(re.compile(  # tried only at its literal starts ("accordin", "citing")
    rf"\b(?i:according to|citing|cited|which cited|reported by|per)\s+(?:an?\s+|the\s+)?"
    rf"(?:(?:report|statement|interview|investigation|analysis|tally|count|review|database|"
    rf"figures|data)s?\s+(?:(?:kept|compiled|maintained|published|released|conducted|"
    rf"collected)\s+)?(?:by|from|in|with|of)\s+)?"
    rf"(?P<src>{_NAME}|reports|local media|officials|witnesses|residents|sources)"))
_SAID_AFTER = prefixed(re.compile(  # (behind a lookahead of its first characters)
    rf"(?P<src>{_NAME}|(?:the\s+)?(?:[\w’'-]+\s+){{0,2}}(?:officials?|spokes(?:man|woman|person)|"
    r"analysts|experts|witnesses|residents|military|army|ministry|fishermen|villagers|"
    r"survivors|relatives)(?:\s+(?:in|from|at|of)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?"
    r"(?=[\w’'-]+\s+(?:told|said)\b)[\w’'-]+)?)"
    r"(?:\s+(?:on|late on|early on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday))?\s+(?:has\s+|have\s+)?"
    r"(?:said|says|reported|reports|told|confirmed|announced|claimed|stated|added|noted|"
    r"acknowledged|alleged|denied|denies)\b"))
_TOLD = anchored(re.compile(rf"\b(?:told|spoke to|speaking to)\s+(?P<src>{_NAME})"))
_SAID_BEFORE = re.compile(
    rf"[,”\"]\s*(?:said|says|told|added|according to)\s+(?P<src>{_NAME}|the\s+\w+(?:\s+\w+)?)")


# Cheap test first: a sentence naming no source skips the heavier patterns below.
_SOURCE_CUE = anchored(
    re.compile(r"\b(?:said|says|say|told|tells|according|cit(?:ed|ing|es)|reported|"
                         r"reports|added|noted|confirmed|announced|claimed|stated|acknowledged|"
                         r"alleged|per|speaking|spoke|denied|denies)\b", re.IGNORECASE))


def classify(name: str) -> str:
    """The attribution kind (spec/records.md) a source's name suggests."""
    if _OUTLET.search(name):
        return "outlet"
    if _NGO.search(name):
        return "ngo"
    if _ANALYST.search(name):
        return "analyst"
    if _OFFICIAL.search(name):
        return "official"
    if _MIL.search(name):
        return "military"
    if _GOVT.search(name):
        return "government"
    if _WITNESS.search(name):
        return "witness"
    if name.lower() in ("reports", "local media", "sources"):
        return "unknown"
    if _DOC.search(name):
        return "document"
    return "unknown"


def _affiliation(text: str) -> str | None:
    for d, code in DEMONYMS.items():
        if re.search(rf"\b{d}\b", text):
            return code
    names = country_names()
    for m in re.finditer(r"\b(?:US|U\.S\.|[A-Z][a-z]+)\b", text):
        if m.group(0) in names:
            return names[m.group(0)]
    return None


_SAY_VERB = anchored(re.compile(r"\b(?:said|says|reported|reports|told|confirmed|announced|claimed|"
                                r"stated|added|noted|acknowledged|alleged|denied|denies)\b"))


def _near(rx: Matcher | Anchored, anchor: Matcher | Anchored, text: str, before: int,
          after: int) -> list[AnyMatch]:
    """Matches of `rx` in windows around each match of a cheap `anchor` pattern (the verb
    or noun every match must end on): far cheaper than scanning the whole sentence."""
    out: list[AnyMatch] = []
    seen: set[tuple[int, int]] = set()
    for a in anchor.finditer(text):
        for m in rx.finditer(text, max(0, a.start() - before), min(len(text), a.end() + after)):
            if m.span() not in seen and not any(m.start() < y and x < m.end() for x, y in seen):
                seen.add(m.span())
                out.append(m)
    return out


def read_attribution(sentence: str, offset: int = 0) -> list[tuple[Attribution, int, int]]:
    """Every source the sentence names, with the offsets of the words naming it."""
    out: list[tuple[Attribution, int, int]] = []
    if not _SOURCE_CUE.search(sentence):
        return out
    seen: set[tuple[str, str | None]] = set()

    def add(kind: str, name: str | None, a: int, b: int, count: int | None = None,
            anonymous: bool = False, affiliation: str | None = None) -> None:
        key = (kind, (name or "").lower())
        if key in seen and count is None:
            return
        seen.add(key)
        out.append((Attribution(kind=kind, name=name, count=count,  # type: ignore[arg-type]
                                anonymous=anonymous, affiliation=affiliation),
                    offset + a, offset + b))

    for m in _near(_COORD_COUNT, _PEOPLE_RE, sentence, 70, 0):
        nums_text = m.group("nums") or m.group("num")
        who = (m.group("who") or m.group("who2")).lower()
        mods = m.group("mods") or m.group("mods2") or ""
        left = sentence[max(0, m.start() - 30):m.start()]
        right = sentence[m.end():m.end() + 60]
        cited = re.search(r"\b(?:cit(?:ed|ing)|according to|told|spoke to|interviewed)\s+"
                          r"(?:\w+\s+)?$", left) or re.match(
            r"[^.;]{0,70}?\b(?:said|say|says|told|added|who)\b", right)
        if not cited or _CASUALTIES_LEFT.search(left) or _CASUALTIES_RIGHT.match(right):
            continue  # "killing six people, officials said": the six are victims
        total = sum(parse_number(n.group(0)) or 0 for n in _NUM_RE.finditer(nums_text))
        if total <= 0:
            continue
        kind = classify(who) if who not in ("sources", "people") else "unknown"
        if who.startswith("official"):
            kind = "official"
        anon = not re.search(r"[A-Z][a-z]+ [A-Z][a-z]+", right[:40]) or bool(
            _ANON.search(sentence))
        add(kind, who, m.start(), m.end(), count=total, anonymous=anon,
            affiliation=_affiliation(mods + " " + nums_text))
    for rx in (_ACCORDING, _SAID_AFTER, _SAID_BEFORE, _TOLD):
        found = _near(_SAID_AFTER, _SAY_VERB, sentence, 80, 0) if rx is _SAID_AFTER else \
            rx.finditer(sentence)
        for m in found:
            src = re.sub(r"^the\s+", "", m.group("src").strip()).rstrip(".,;:")
            if rx is _TOLD and classify(src) != "outlet":
                continue  # "told Reuters": the outlet reports; "told him": nobody
            if not src or src.lower() in ("he", "she", "they", "it", "we", "i", "this", "that"):
                continue
            if src in ("The", "A", "An") or len(src) < 2:
                continue
            kind = classify(src)
            anon = kind == "official" and not re.search(r"[A-Z]", src) or bool(
                _ANON.search(sentence)) and kind in ("official", "unknown")
            add(kind, src, m.start("src"), m.end("src"), anonymous=anon)
    return out


_QUOTE = re.compile(r"[“\"](?P<q>[^”\"]{3,400})[”\"]")
_TITLE = (r"(?:(?:[a-z]+\s+){0,2}(?:spokes(?:man|woman|person)|minister|commander|official|"
          r"governor|chief|secretary|general|colonel|leader|president|mayor)\s+)?")
_Q_SPEAKER_AFTER = re.compile(
    rf"^\s*,?\s*(?P<s>he|she|they|{_TITLE}{_NAME})\s+(?:said|says|added|told|wrote|responded|"
    r"stated|posted)|^\s*,?\s*(?:said|says|added|told)\s+(?P<s2>" + _NAME + ")")
_Q_SPEAKER_BEFORE = re.compile(
    rf"(?P<s>{_NAME})\s+(?:said|says|added|told \w+|wrote|responded|posted)[,:]?\s*$")
_TITLED = re.compile(r"\b(?:President|Secretary|Defense Secretary|General|Gen\.|Minister|"
                     r"Admiral|Mr\.|Ms\.|Senator|Sen\.)\s+(?:[A-Z][\w'’-]+\s*){1,3}")


def read_quotes(text: str, start: int, end: int) -> list[tuple[str | None, str, int, int]]:
    """(speaker, quote, start, end) of each direct quote in text[start:end]."""
    out: list[tuple[str | None, str, int, int]] = []
    seg = text[start:end]
    for m in _QUOTE.finditer(seg):
        speaker: str | None = None
        after = seg[m.end():m.end() + 80]
        before = seg[max(0, m.start() - 80):m.start()]
        sa = _Q_SPEAKER_AFTER.match(after)
        sb = _Q_SPEAKER_BEFORE.search(before)
        if sa:
            speaker = sa.group("s") or sa.group("s2")
        elif sb:
            speaker = sb.group("s")
        if speaker and speaker.lower() in ("he", "she", "they"):
            titled = list(_TITLED.finditer(text[:start + m.start()]))
            speaker = titled[-1].group(0).strip() if titled else None
        out.append((speaker.strip() if speaker else None, m.group("q"),
                    start + m.start(), start + m.end()))
    return out

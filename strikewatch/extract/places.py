"""Places: a cheap country reading per sentence, then the geo component once per mention.

Per frame, a country the clause names next to the event word ("in Mexico", "inside
Venezuela") stands as a country-level place (geo_precision 5): cheap, and enough for
coreference to keep events in different countries apart. After frames are merged, the geo
component (strikewatch.geo.locate, an offline gazetteer) reads each mention's sentences
once, event word first, for the precise place (town, province, sea). Calling geo per
mention rather than per sentence keeps extraction fast. This module keeps no gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from strikewatch.extract.actors import PLACE_BEFORE, country_mentions
from strikewatch.extract.context import Frame
from strikewatch.extract.lookahead import prefixed
from strikewatch.geo.protocol import geoparser
from strikewatch.geo.reading import is_open_water, names_a_party, where_said
from strikewatch.records import Place

# "of" names a place only after a word for a part of a land ("the south of Lebanon", "the
# outskirts of Kabul", "on the soil of Iran"); after any other noun the name is whose or
# what ("in control of Yemen's capital", "an ally of Iran", "three-quarters of U.S. cocaine",
# "the governments of Burkina Faso", "both sides of the Panama Canal"); a share of its sites
# is there ("one of Iran's fuel depots"), and so is what it owns ("the bombing of Iran's
# nuclear sites": `_POSSESSIVE`)
_PART_OF = (r"(?:(?:north|south|east|west)\w*|cent(?:re|er|ral)|parts?|areas?|regions?|"
            r"provinces?|district|outskirts|suburbs|city|town|village|capital|coast|"
            r"shores?|waters|territory|soil|skies|airspace|interior|heart|rest|"
            # "one of Iran's fuel depots", "several of Syria's air bases": a share of its sites
            r"one|some|several|many|most|all|each|any|two|three|four|five|dozens|scores)\s+of")
_PREP = prefixed(re.compile(r"(?:\b(?i:in|inside|into|across|near|off|within|on|over|throughout|"
                   rf"{_PART_OF})\s+(?:the\s+)?"
                   r"(?:coast of\s+|(?:north|south|east|west|central)\w*\s+)?"
                   # "Kidal, Mali", "Nabatieh, southern Lebanon": a town, then its country
                   # ("On Friday, Israel issued ...": a day, then the subject)
                   r"|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                   r"However|Meanwhile|Separately|Earlier|Later|Today|Yesterday|Instead)\b)"
                   r"[A-Z][\w\u00C0-\u017F-]+,\s+"
                   r"(?:(?i:north|south|east|west|central)[a-z-]*\s+)?)$"))


# "..., who ran the group's operations in Syria": the post a person held, with its own
# place, not the event's (up to the clause's end: "..., who led the group, together with
# his aides inside Pakistan" is the event's place again)
# The same post told as the main clause of a sentence whose subject the event describes
# ("The dead commander ran the group's operations in Syria", "The man killed in Monday's
# attack had built up its network in Turkey"): a verb of a post or a work with its own
# object; not the event's own operation ("led the raid in Syria").
_POST_HELD = re.compile(r"(?:,\s+who\s+|\b(?<!,\s)(?=(?:had|has)\s|ran\b|led\b|headed\b|"
                        r"commanded\b|oversaw\b|built\b|founded\b|directed\b))"
                        r"(?:(?:had|has)\s+)?(?:also\s+|long\s+|once\s+|previously\s+)?"
                        r"(?:ran|run|led|commanded|headed|oversaw|directed|coordinated|"
                        r"built(?:\s+up)?|founded|organi[sz]ed)\b"
                        r"(?!\s+(?:(?:the|a|an|this|that|its|their)\s+)?(?:[\w-]+\s+)?(?:raid|"
                        r"(?:air)?strike|attack|assault|operation|offensive|bombing|"
                        r"mission)s?\b)[^,.;:!?]*"
                        # the post as a noun in apposition: "..., the head of the group's
                        # operations in Syria", "..., a senior official of its cells in Kenya"
                        r"|,\s+(?:the\s+|a\s+|an\s+)?(?:(?:former|senior|top|deputy|chief|"
                        r"regional|local)\s+)?(?:head|chief|commander|leader|boss|director|"
                        r"coordinator|emir|official|financier|organi[sz]er)\s+(?:in\s+charge\s+)?"
                        r"(?:of|for)\s+(?:[\w’'-]+\s+){0,3}?(?:[\w’'-]+['’]s|its|their|the\s+group"
                        r"['’]s)\s+(?:[\w-]+\s+)?(?:operations|network|cells?|wing|branch|"
                        r"finances|logistics|recruitment|affairs|activities)\b[^,.;:!?]*")

# a clause naming who told it ("..., residents of X told reporters"): its place is the
# sources', not the event's
_SOURCE_CLAUSE = prefixed(re.compile(r",\s+(?:[\w’'-]+\s+){1,8}?(?:told|said|say|says)\b|"
                            # "..., where he said Israel would keep fighting in Gaza", "as
                            # long as Gaza is besieged": another clause's places
                            r"\b(?:where|while)\s+(?:he|she|they|it|[A-Z]\w+)\s+(?:said|says|"
                            r"warned|vowed|told)\b|\b(?:as long as|so long as|until|unless)\b"
                            # "..., while Israel fights Hamas in Gaza": another subject's
                            # clause, with its own place
                            r"|,?\s+(?:while|whereas)\s+(?:the\s+)?[A-Z]\w+\s+[a-z]+s\b"
                            # "..., according to Washington": who told it, not where
                            r"|,\s+(?:according\s+to|citing|quoting)\b"
                            # "..., a day after Iran had attacked a group in X": an earlier
                            # deed of another subject, with its own place
                            r"|,\s+(?:(?:a|an|one|two|three|four|five|six|\d+)\s+(?:hours?|"
                            r"days?|weeks?|months?)\s+)?(?:after|before)\s+(?!(?:the\s+)?(?:"
                            r"strike|attack|raid|bombing|blast|explosion|shelling)s?\b)"
                            r"(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+had\s+[a-z]+ed\b"))

def source_cut(text: str, a: int, b: int) -> int:
    """Where the event's own words in text[a:b] end: before a clause naming who told it or
    another clause with its own places (`_SOURCE_CLAUSE`), else `b`. A source set in
    between commas ("The strikes, the report said, were concentrated on ...") cuts
    nothing: the clause goes on after it."""
    for m in _SOURCE_CLAUSE.finditer(text, a, b):
        if not (m.group(0).startswith(",") and _ASIDE_END.match(text, m.end())):
            return m.start()
    return b


_ASIDE_END = re.compile(r"(?:\s+[\w’'-]+){0,3},")


# "about 35 km from the Kenyan border", "close to the border with Burkina Faso": a border
# names the neighbour, not where the event happened
_BORDER_AFTER = re.compile(r"\s*(?:['’]s\s+)?(?:(?P<pair>[-–—/]\s*[A-Z][\w'’]*\s+)|\w+\s+)?"
                           r"(?:border|frontier)s?\b", re.IGNORECASE)
_BORDER_BEFORE = re.compile(r"\b(?:border|frontier)s?\s+(?:with|of)\s+(?:the\s+)?$", re.IGNORECASE)
_BORDER_PHRASE = prefixed(re.compile(r"\b(?:border|frontier)s?\s+(?:with|of)\s+(?:the\s+)?"
                                     r"(?:[A-Z][\w\u00C0-\u017F'’-]*\s?){1,3}|"
                                     r"(?:[A-Z][\w\u00C0-\u017F'’-]*[\s–—]){1,3}(?:['’]s\s+)?"
                                     r"(?:border|frontier)s?\b"))


def is_border_name(text: str, a: int, b: int) -> bool:
    """Whether the name at text[a:b] only names a border ("the Kenyan border", "the border
    with Burkina Faso", either name of "along the Pakistan–Afghanistan border")."""
    after = _BORDER_AFTER.match(text, b)
    # "the Pakistan–Afghanistan border": the first of a pair names the border too
    near = 16 if after is None or after.group("pair") is None else 40
    return (after is not None and after.end() - b < near) or \
        bool(_BORDER_BEFORE.search(text[max(0, a - 30):a]))


def mask_borders(text: str, a: int, b: int) -> str:
    """text with the border phrases in [a, b) blanked (same length, so offsets hold)."""
    window = _BORDER_PHRASE.sub(lambda m: " " * len(m.group(0)), text[a:b])
    return text if window == text[a:b] else text[:a] + window + text[b:]


# who told it: "according to the U.S., an airstrike killed 60 near Harardere" (the United
# States is the source, not where the strike was)
_ACCORDING_TO = re.compile(r"\baccording to\s+(?:the\s+)?(?-i:[A-Z][\w.’'-]*)"
                           r"(?:\s+(?-i:[A-Z][\w.’'-]*))*(?=\s*,)", re.IGNORECASE)


# "tied to the war in Gaza", "amid the conflict in Sudan": a war named as the setting has its
# own place; a strike told beside it happened where its own clause says
_NAME = r"(?:the\s+)?[A-Z][\w\u00C0-\u017F'’-]*(?:\s+[A-Z][\w\u00C0-\u017F'’-]*)?"
# "the war in Gaza", and a war told by its sides: "the war between Iran and Israel", "the
# war with Hezbollah" (its sides are who fights, not where one strike fell)
_WAR_IN = re.compile(rf"\b(?:war|conflict|crisis)\s+(?:(?:in|on|over)\s+{_NAME}|"
                     rf"between\s+{_NAME}\s+and\s+{_NAME}|(?:with|against)\s+{_NAME})")


_ATTACK_TYPES = ("Explosions/Remote violence", "Battles", "Violence against civilians")


def mask_wars(text: str, a: int, b: int, trigger: tuple[int, int]) -> str:
    """text with "the war in <Name>" phrases in [a, b) blanked (same length), unless the
    event word itself stands in one."""
    def blank(m: re.Match[str]) -> str:
        x, y = a + m.start(), a + m.end()
        return m.group(0) if x <= trigger[0] < y else " " * len(m.group(0))
    window = _WAR_IN.sub(blank, text[a:b])
    return text if window == text[a:b] else text[:a] + window + text[b:]


def is_war_setting(text: str, a: int) -> bool:
    """Whether the name starting at `a` is the place of "the war in <Name>"."""
    m = _WAR_BEFORE.search(text, max(0, a - 30), a)
    return m is not None


_WAR_BEFORE = re.compile(r"\b(?:war|conflict|crisis)\s+(?:(?:in|on|over|with|against|between)"
                         r"\s+|between\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
                         r"\s+and\s+)(?:the\s+)?$")


def mask_sources(text: str, a: int, b: int) -> str:
    """text with "according to <Name>," phrases and a post a person held there ("…, who ran
    the group's operations in Syria") in [a, b) blanked (same length)."""
    window = _ACCORDING_TO.sub(lambda m: " " * len(m.group(0)), text[a:b])
    window = _POST_HELD.sub(lambda m: " " * len(m.group(0)), window)
    return text if window == text[a:b] else text[:a] + window + text[b:]


def mask_actors(text: str, f: Frame, a: int, b: int) -> str:
    """text with the frame's parties in [a, b) blanked: "US forces hit a boat", "U.S.-Israeli
    strikes", "AFRICOM said": a state named as who acted (or a group as who was hit) is no
    place of the event. A state that was hit ("strikes on Lebanon") stays."""
    spans = list(f.prov.get("actor1", []))
    if f.actor2 is not None and f.actor2.type != "state":
        spans += f.prov.get("actor2", [])
    # a country after "in"/"near" is a place word even where it was read as a party ("the
    # Islamic Resistance in Iraq")
    spans = [(x, y) for x, y in spans if a <= x and y <= b and
             not PLACE_BEFORE.search(text, max(0, x - 30), x)]
    # "the first night of US strikes" in a story of U.S. strikes: the acting state's name
    # before a strike word is who struck ("Yemen strikes" stays a place where Yemen is hit)
    own = own_country(f)
    if own is not None:  # (no acting state known: no name to blank, no scan)
        spans += [(x, y) for x, y, _, code in country_mentions(text[a:b], a)
                  if code == own and is_strike_of(text, y)]
    for x, y in spans:
        text = text[:x] + " " * (y - x) + text[y:]
    return text


# (a headline's title case too: "87 Dead in US Boat Strikes")
_STRIKE_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+|[A-Z][a-z][\w-]*\s+(?=[A-Z]))?"
                           r"(?i:strikes?|attacks?|raids?|bombings?|bombardments?|shelling|"
                           r"missiles?|fire)\b")


def own_country(f: Frame) -> str | None:
    """The country of the party that acted in the frame, if known."""
    return f.actor1.country if f.actor1 is not None else None


def is_strike_of(text: str, end: int) -> bool:
    """Whether a strike word follows the name ending at `end` ("US strikes", "U.S. drone
    attacks")."""
    return _STRIKE_AFTER.match(text, end) is not None


def names_acting_state(text: str, f: Frame, acting: set[str | None]) -> bool:
    """Whether the frame's country-level place is a state in `acting` named before a strike
    word ("the first night of US strikes" read as "in the US"): who struck, not where."""
    span = f.prov.get("place", [None])[0]
    return f.place is not None and f.place.kind == "country" and span is not None and \
        f.place.country in acting and is_strike_of(text, span[1])


WINDOW_BEFORE = 60
WINDOW_AFTER = 90
_PLACEY = re.compile(r"(?<=[\s(,;\-—“\"])[A-Z][\w.]|"
                     r"\b(?i:sea|ocean|waters|gulf|coast|strait|bay)\b")


_NOT_PLACE = {"The", "A", "An", "On", "In", "At", "It", "He", "She", "They", "We", "I", "This",
              "That", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
              "Sunday", "January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December"}


def _may_name_place(text: str, a: int, b: int, f: Frame) -> bool:
    """Cheap test before geo: a capitalised word that is not an actor's name, a weekday or
    a month, or a sea word, stands in text[a:b]."""
    for m in _PLACEY.finditer(text, a, b):
        if m.group(0)[0].islower() or m.group(0).lower() in ("sea", "ocean", "waters", "gulf",
                                                              "coast", "strait", "bay"):
            return True
        if any(x <= m.start() < y for x, y in f.named):
            continue
        word = re.match(r"[\w'’.-]+", text[m.start():m.start() + 30])
        if word and word.group(0).rstrip(".").removesuffix("'s").removesuffix("’s") \
                not in _NOT_PLACE:
            return True
    return False


# "off Venezuela", "off the coast of Yemen": the event was at sea, near that country
_OFF = re.compile(r"^(?i:off)\b")
# "near Venezuela", "close to Lebanon": a whole country named as what the event was near
# lies beside it (a town named so is in its country: "near Kidal" stays)
_NEAR = re.compile(r"^(?i:near|nearby)\s+(?:the\s+)?$")
_NEAR_BEFORE = re.compile(r"\b(?i:near|close\s+to)\s+(?:the\s+)?$")


def mask_near_countries(text: str, a: int, b: int) -> str:
    """text with the countries in [a, b) named after "near"/"close to" blanked (same
    length): "a strike near Venezuela" was not in Venezuela."""
    for x, y, _, _ in country_mentions(text[a:b], a):
        if _NEAR_BEFORE.search(text, max(a, x - 20), x) and not is_border_name(text, x, y):
            text = text[:x] + " " * (y - x) + text[y:]
    return text


_POSSESSIVE = re.compile(r"['’]s\b")
_OF_BEFORE = re.compile(r"\b(?i:of)\s+(?:the\s+)?$")
# a country after "<Name>, " that a verb follows is the next clause's subject ("the White
# House, the U.S. hit a boat"), not the country of a town before it ("Kidal, Mali, on ...")
_SUBJECT_AFTER = re.compile(r"\s+(?:has|have|had|is|was|were|will|would|said|says|then|"
                            r"also|again|[a-z]+ed|[a-z]+s|hit|struck|shot|sent|fired|"
                            r"launched|carried|began|bombed|killed)\b")


# a description of the subject set off by commas just before its verb: "the rebels, in
# control of Yemen's capital, attacked", "the militia, based in Syria, fired", "the
# Houthis, who hold much of Yemen, attacked" (says who they are, not where the act was)
_DESCRIBES_SUBJECT = re.compile(
    r"[A-Za-z\u00C0-\u017F)],\s+(?:who|which|that|based|headquartered|stationed|operating|"
    r"active|backed|supported|allied|armed|funded|trained|in\s+(?:control|charge)\s+of|"
    r"a|an|its|their)\b[^,;:.!?()\n]{2,80},\s+(?:[a-z]+\s+)?$")


def describes_subject(text: str, a: int, trigger_start: int) -> bool:
    """Whether the name at `a` stands in a description of the subject set off by commas
    that ends right before the event's verb (at most one word between)."""
    m = _DESCRIBES_SUBJECT.search(text, max(0, trigger_start - 110), trigger_start)
    return m is not None and m.start() < a


def country_place(text: str, start: int, end: int, trigger: tuple[int, int]
                  ) -> tuple[Place | None, tuple[int, int] | None]:
    """The country named as the event's location in text[start:end], nearest the trigger."""
    best: tuple[int, int, str, str] | None = None
    best_d = 10**9
    end = source_cut(text, trigger[1], end)  # "..., where he said Israel would ... in Gaza"
    end = other_event_cut(text, trigger, end)  # "the raid after a bombing in X, Pakistan"
    start = max(start, cause_start(text, start, trigger))
    for a, b, name, code in country_mentions(text[start:end], start):
        prep = _PREP.search(text[max(start, a - 40):a])
        if not prep and _POSSESSIVE.match(text, b):
            # "the takeover of Venezuela's oil fields", "the bombing of Iran's nuclear sites":
            # that country's sites
            prep = _OF_BEFORE.search(text[max(start, a - 40):a])
        if not prep:
            continue  # "Mexico has opposed": a country as actor, not as place
        if a < trigger[0] and where_said(text, max(start, a - 40) + prep.start()):
            continue  # "police in Trinidad are checking reports that ...": the speakers'

        if _NEAR.search(prep.group(0)):
            continue  # "a strike near Venezuela": beside that country, not in it
        if _OFF.search(prep.group(0)):
            continue  # "off Venezuela", "off the coast of Yemen": at sea, near it (geo's)
        if prep.group(0)[:1].isupper() and _SUBJECT_AFTER.match(text, b):
            continue  # "on orders from the White House, the U.S. hit": who acted
        if b <= trigger[0] and describes_subject(text, a, trigger[0]):
            continue  # "the rebels, in control of Yemen's capital, attacked": who they are
        if is_border_name(text, a, b):
            continue  # "near the border with Kenya": the neighbour
        if _TIE_AFTER.match(text, b):
            continue  # "the raid on Pakistan's neighbour": another country
        if _STATE_AFTER.match(text, b):
            continue  # "in Niger State": a state of Nigeria named after the country
        if is_war_setting(text, a) and not a <= trigger[0] < b:
            continue  # "tied to the war in Gaza": the war's place, not the event's
        if any(m.start() < a and b <= m.end()
               for m in _POST_HELD.finditer(text, trigger[1], end)):
            continue  # "..., who ran the group's operations in Syria": a post held there
        if names_a_party(text, a, b, trigger):
            continue  # "in the U.S. airstrike", "blamed on Israel": a party, not a place
        d = a - trigger[1] if a >= trigger[1] else (trigger[0] - b) * 2
        if d < best_d:
            best, best_d = (a, b, name, code), d
    if best is None:
        return None, None
    a, b, name, code = best
    return Place(name=name, country=code, kind="country", geo_precision=5), (a, b)


#: Open waters a clause may name, in English and Spanish: the cheap sea check coreference
#: runs before the geoparser (a report of a strike "in the Caribbean" is not one told "in
#: the eastern Pacific"). Only names that never stand for one another.
_SEA_NAMES = {
    "caribbean": r"Caribbean|Caribe",
    "pacific": r"Pacific|Pac[ií]fico",
    "atlantic": r"Atlantic|Atl[aá]ntico",
    "mediterranean": r"Mediterranean|Mediterr[aá]neo",
    "black sea": r"Black\s+Sea|Mar\s+Negro",
}
_SEA_NAME = re.compile("|".join(rf"\b(?P<{k.replace(' ', '_')}>{v})\b"
                                for k, v in _SEA_NAMES.items()), re.IGNORECASE)
_ANY_SEA = "(?:" + "|".join(_SEA_NAMES.values()) + ")"
#: what every name in _SEA_NAMES contains, lower-cased (an ASCII text without one names
#: no sea; outside ASCII, IGNORECASE folds letters lower() keeps, so the pattern is run)
_SEA_STEMS = ("carib", "pac", "atl", "mediterr", "black", "negro")
_QUARTER = (r"(?:(?:the|el)\s+)?(?:(?:eastern|western|southern|northern|central|"
            r"south(?:east|west)ern|north(?:east|west)ern)\s+)?")
# where the event was: "in the eastern Pacific", "across the Caribbean and the Pacific", "en
# el Caribe", "en aguas del Pacífico", "in international waters of the eastern Pacific"; a
# sea named otherwise ("on its way to the Caribbean", "los cárteles del Caribe") is where
# something else is or goes
_AT_SEA = re.compile(
    rf"\b(?:in|into|across|over|en|en\s+aguas\s+del|in\s+the\s+waters\s+of|"
    rf"in\s+(?:the\s+)?international\s+waters\s+(?:of|in)|"
    rf"en\s+aguas\s+internacionales\s+(?:del|de|en))\s+{_QUARTER}"
    rf"{_ANY_SEA}(?:\s*(?:,|\band\b|\bor\b|\by\b|\bo\b)\s*{_QUARTER}{_ANY_SEA})*",
    re.IGNORECASE)


def seas_near(text: str, f: Frame) -> frozenset[str]:
    """The open waters a frame's clause says the event was in, around its event word
    (geo_place's window). A bare plural with no figure ("operations like this have mostly
    happened in the Caribbean") speaks of the campaign, not of one event's sea."""
    if f.trigger.text.lower().endswith("s") and not f.counts:
        return frozenset()
    a = max(f.start, f.trigger.start - WINDOW_BEFORE)
    b = window_end(text, min(f.end, f.trigger.end + WINDOW_AFTER), f.end)
    return seas_named(text, a, b)


def seas_named(text: str, a: int, b: int) -> frozenset[str]:
    """The open waters text[a:b] says something was in ("in the eastern Pacific and the
    Caribbean": both), by their keys in _SEA_NAMES."""
    window = text[a:b]
    if window.isascii() and not any(w in window.lower() for w in _SEA_STEMS):
        return frozenset()  # no sea named: nothing _AT_SEA could match (a quick test first)
    return frozenset(k.replace("_", " ") for at in _AT_SEA.finditer(text, a, b)
                     for m in _SEA_NAME.finditer(at.group(0))
                     for k, v in m.groupdict().items() if v)


_WORD_REST = re.compile(r"[\w'’-]*")


def window_end(text: str, b: int, limit: int) -> int:
    """`b`, moved to the end of the word it cuts ("in Khan Yo|unis" reads "Khan Younis",
    not a town "Khan"), never past `limit` (the clause's end)."""
    m = _WORD_REST.match(text, b, limit)
    return m.end() if m is not None else b


# a speech verb after a place and before the event word: "Last week, aboard a carrier in
# X, the president claimed the campaign had worked" (the place is the speaker's clause)
_SPEECH_BETWEEN = re.compile(r"\b(?:said|says|claimed|claims|told|announced|declared|"
                             r"insisted|boasted|argued|wrote|warned|vowed)\b")


def said_there(text: str, place_end: int, trigger_start: int) -> bool:
    """Whether the place ending at `place_end` stands in the clause of a speech verb that
    reports the event word at `trigger_start`: where it was said, not where it happened."""
    return place_end <= trigger_start and \
        _SPEECH_BETWEEN.search(text, place_end, trigger_start) is not None


def names_its_sea(f: Frame, frames: Sequence[Frame], open_water: Frame) -> bool:
    """Whether frame `f`, told after `open_water` (the frame that placed the event in open
    water), may name the event's sea: in the next sentence at most, and not a bare plural
    ("such operations have taken place off Venezuela's coast") nor a frame of another time
    ("began the attacks in the Caribbean in September"), which tell the campaign's seas."""
    if not 0 <= f.sentence.index - open_water.sentence.index <= 1:
        return False
    if f.trigger.text.lower().endswith("s") and not f.counts:
        return False
    own = next((x.date_low for x in frames if x.date_low is not None), None)
    return f.date_low is None or f.date_low == own


# "a 'response in retribution' for recent suicide bombings in Pakistan", "in retaliation for
# the attack in Bannu": the event word names the cause, an earlier event with its own place
_CAUSE_BEFORE = re.compile(r"\b(?:retaliat(?:ion|ed?|ing)|retribution|response|reply|revenge|"
                           r"reprisal|answer)"
                           r"[\"”’']?\s+(?:for|to)(?P<cue>)\s+(?:(?:the|a|an|recent|last|earlier)\s+)*"
                           r"(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


def cause_start(text: str, start: int, trigger: tuple[int, int]) -> int:
    """Where the words of an event told as what another answered begin: after its cue
    ("The strike, which hit a car in Baghdad, was retaliation for the drone attack in
    Jordan": Baghdad is the answer's place, not the attack's); `start` where there is none."""
    m = _CAUSE_BEFORE.search(text, max(start, trigger[0] - 60), trigger[0])
    return start if m is None else m.end("cue")


def names_the_cause(text: str, f: Frame) -> bool:
    """Whether the frame's event word is what the event answered ("in retaliation for the
    bombing"), told in a later frame of the same mention."""
    return _CAUSE_BEFORE.search(text, max(f.start, f.trigger.start - 60),
                                f.trigger.start) is not None


# "flew the raid after a suicide bombing in Bannu", "following an ambush in X": an
# earlier event, introduced as new (indefinite), with its own place
_OTHER_EVENT_AFTER = re.compile(r"\b(?:after|following|in\s+the\s+wake\s+of)\s+(?:a|an)\s+"
                                r"(?:[\w'’-]+\s+){0,2}?(?:attack|bombing|assault|ambush|raid|"
                                r"strike|blast|explosion|shooting|offensive)s?\b", re.IGNORECASE)
# an event word that tells harm, not the act: "killed after a strike in X" is that strike's
_HARM_WORD = re.compile(r"(?:kill|die|dead|death|wound|injur|slain|hurt)", re.IGNORECASE)


def other_event_cut(text: str, trigger: tuple[int, int], b: int) -> int:
    """Where the words of the act told at `trigger` end before "after a <attack>" names an
    earlier one (`b` where none does). A harm word's "after a strike" is its own cause."""
    if _HARM_WORD.match(text, trigger[0], trigger[1]):
        return b
    m = _OTHER_EVENT_AFTER.search(text, trigger[1], b)
    return b if m is None else m.start()


# "the raid on Pakistan's neighbour", "strikes on Iran's allies": another country, told
# by its tie to the one named
#: a state's or province's own title right after a country's name: "Niger State"
_STATE_AFTER = re.compile(r"\s+(?:State|Province|Region|Governorate)\b")
_TIE_AFTER = re.compile(r"['’]s\s+(?:[\w-]+\s+)?(?:neighbou?rs?|allies|ally|rivals?|enem(?:y|ies)|"
                        r"foes?|partners?|proxies|proxy)\b", re.IGNORECASE)


def geo_place(text: str, frames: Sequence[Frame], context_countries: tuple[str, ...]
              ) -> tuple[Frame, Place, tuple[int, int]] | None:
    """The first place geo finds in the mention's frames (head first), with its words.

    A later frame (the same event told again in another sentence: "the campaign", "the
    strike") whose only place is in the clause of someone saying it ("in X, Trump claimed
    the campaign had worked") gives none: that is where it was said. The head frame keeps
    such a place ("In Sanaa, the Houthis said strikes killed five").

    Open water ("the strike was in international waters") names no sea: a later frame's
    named sea or coast ("... off Colombia's Pacific coast") is the place, else the open
    water is."""
    open_water: tuple[Frame, Place, tuple[int, int]] | None = None
    for i, f in enumerate(frames):
        # the words around the event word: where its place is told, and cheaper to read
        a = max(f.start, f.trigger.start - WINDOW_BEFORE,
                cause_start(text, f.start, (f.trigger.start, f.trigger.end)))
        b = window_end(text, min(f.end, f.trigger.end + WINDOW_AFTER), f.end)
        b = source_cut(text, f.trigger.end, b)  # "..., fishermen in X told us": theirs
        b = other_event_cut(text, (f.trigger.start, f.trigger.end), b)  # "after a bombing in X"
        if not _may_name_place(text, a, b, f):
            continue  # no name but actors', no sea word: nothing geo could find
        if len(frames) > 1 and names_the_cause(text, f):
            continue  # "in retaliation for the bombing in X": the cause's place
        try:
            masked = mask_near_countries(mask_borders(text, a, b), a, b)
            if f.event_type in _ATTACK_TYPES:  # a truce or a talk may be the war's own
                masked = mask_wars(masked, a, b, (f.trigger.start, f.trigger.end))
            masked = mask_actors(mask_sources(masked, a, b), f, a, b)
            hit = geoparser().locate(masked, a, b,
                                     trigger=(f.trigger.start, f.trigger.end),
                                     context_countries=context_countries, domain=f.domain)
        except Exception:  # noqa: BLE001 - a geo failure must not lose the event
            hit = None
        if hit is None or (i > 0 and said_there(text, hit.end, f.trigger.start)):
            continue
        if open_water is not None and (hit.place.kind != "sea" or is_open_water(hit.place)
                                       or not names_its_sea(f, frames, open_water[0])):
            continue  # after open water, only this event's named sea says more
        if is_open_water(hit.place):
            open_water = f, hit.place, (hit.start, hit.end)
            continue
        return f, hit.place, (hit.start, hit.end)
    return open_water

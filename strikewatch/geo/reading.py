"""Choosing the event's place among the places a passage names, and how precisely.

The passage is one or a few sentences; the trigger is the event word ("strike"). Each
place name gets a reading from the words around it ("off", "near", "in the state of",
", Sinaloa", "said in") and an entry from the gazetteer (by kind, population and the
countries the article names); the event's place is the best-read name nearest the
trigger. See README.md in this folder for the rules, including "off the coast of X".
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from strikewatch.caseless import AnyMatch, caseless
from strikewatch.extract.anchored import anchored
from strikewatch.geo.gazetteer import Entry, Gazetteer, normalise
from strikewatch.geo.mentions import DemonymFound, Found, OrgFound, find
from strikewatch.records import Place

_ADJ = (r"(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|"
        r"south-?eastern|south-?western|coastal|rural|remote|mountainous|restive)\s+)")
# (two capitalised words may name a sea before the kind word: "the Black Sea port of
# Odesa", "the Red Sea port city of Hodeidah")
_QUAL = (r"(?:(?:[A-Z][\w-]*\s+){0,2}(?:port\s+)?(?P<qual>border\s+town|border\s+city|"
         r"town|city|village|"
         r"port|community|hamlet|municipality|district|county|state|province|department|"
         r"region|island|capital|governorate)\s+of\s+(?:the\s+)?|"
         # "the capital Sanaa", "the Yemeni port city Hodeidah": the kind word in apposition
         r"(?:[A-Z][\w-]*\s+)?(?P<qual2>capital|port\s+city|border\s+town)\s+)")
_DIR = r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|" \
       r"north-west|south-east|south-west)"
# Every cue starts at a word start: the leading \b(?=\w) (implied by each alternative
# anyway) lets re turn away the other positions of the 90 characters searched at once,
# instead of trying each alternative there.
_PRE = anchored(re.compile(  # (tried only where one of its cue words stands)
    r"\b(?=\w)(?:"
    r"(?P<off>\boff(?:\s+the)?(?:\s+[\w-]+){0,2}?\s+(?:coast|coastline|coasts|shores?)\s+of"
    r"|\boff|\bwaters\s+(?:off|near|around|close\s+to)(?:\s+the\s+coast\s+of)?)"
    r"|(?P<terr>\b(?:territorial\s+)?waters\s+of)"
    r"|(?P<near>\bnear|\bnearby|\boutside(?:\s+of)?|\bclose\s+to|\bon\s+the\s+outskirts\s+of"
    r"|\boutskirts\s+of|\bnot\s+far\s+from|\bin\s+the\s+vicinity\s+of"
    r"|\b" + _DIR + r"(?:ern)?\s+of|\b\d+(?:[.,]\d+)?\s*(?:km|kilometers|kilometres|miles|mi"
    r"|nautical\s+miles)\s+(?:\([^)]*\)\s+)?(?:" + _DIR + r"\s+)?(?:of|from))"
    r"|(?P<loc>\b(?:in|at|inside|into|across|throughout|within|on|to|toward|towards|over"
    r"|along|hit|struck|targeted|bombed|attacked|raided|shelled|shook|rocked|pounded"
    r"|stormed|seized|captured|entered|besieged|overran|surrounded|evacuated"
    # "in the heart of Damascus", "the western countryside of Idlib"
    r"|heart\s+of|cent(?:re|er)\s+of|middle\s+of|suburbs\s+of|countryside\s+of|edge\s+of"
    # "strikes against Venezuela", "military action against Yemen": the act's target state
    r"|(?:strikes?|attacks?|raids?|action|operations?|offensive|retaliation)\s+against"
    # "the bombardment of Beirut's suburbs", "threatened to strike Beirut"
    r"|(?:bombardment|bombing|shelling|siege|invasion)s?\s+of"
    r"|to\s+(?:strike|hit|bomb|attack|target|invade)))"
    r"|(?P<origin>\b(?:from|left|leaving|departed|fled)))"
    r"\s+(?:the\s+)?" + _ADJ + r"?" + _QUAL + r"?$",
    re.IGNORECASE,
))
_QUAL_ONLY = re.compile(r"\b(?:the\s+)?" + _QUAL + r"$")
# what is done to or with a government, named by its capital: "the pressure on Caracas",
# "talks with Tehran", "sanctions against Damascus", "ties between Kabul and Islamabad"
_GOVERNMENT_BEFORE = re.compile(
    r"\b(?:pressure|pressuring|talks|negotiations|dialogue|ties|relations|sanctions|demands|"
    r"ultimatum|overtures?|deal|message|warnings?|leverage|concessions)\s+"
    r"(?:on|upon|with|against|to|from|between)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+and\s+)?$")
# a demonym before a word for a state's ground: "on Somali soil", "into Syrian airspace"
_GROUND_AFTER = re.compile(r"^\s+(?:soil|territory|airspace|ground)\b", re.IGNORECASE)
_POST_ADMIN = re.compile(r"^\s+(?:state|province|department|region|governorate|oblast)\b",
                         re.IGNORECASE)
_POST_DISTRICT = re.compile(r"^\s+(?:municipality|district|county|municipio)\b",
                            re.IGNORECASE)
# a capitalised word right before or after a name that did not match with it: the name
# is part of a longer one ("George Washington", "Paris Hilton", "Victoria Beckham")
# (a nickname in quotes counts: Adm. Frank "Mitch" Bradley; a line break ends a name: a
# headline's last word is not the first name of the next line's first word)
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b([A-Z][\w’'-]*)[\"”’]?[^\S\n]+$")
_NAME_AFTER = re.compile(r"^[^\S\n]+([A-Z][\w’'-]*)")
_POSSESSIVE_END = re.compile(r"['’]s$")
_INITIAL = re.compile(r"\b[A-Z]\.\s*$")  # "J. Smith": an initial before
_NOT_NAME = frozenset(
    "The In At On Near Off From After Before When While Since Outside Inside During Into "
    "North South East West Northern Southern Eastern Western Central Upper Lower Greater "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March "
    "April May June July August September October November December State Province "
    "Department Region Municipality District County Governorate Oblast Airport "
    "International Port Island Islands City".split())
# a sea's name before these describes a coast or a town on it ("the Pacific coast of
# Mexico", "the Red Sea port city of Hodeidah", "a Black Sea resort"), not open water
_SEA_AS_WORD = re.compile(r"^\s+(?:coast|coastline|coasts|side|shore|port|ports|harbou?r|"
                          r"city|town|village|resort|coastal|province|governorate|region)\b")
_POST_COAST = re.compile(r"^(?:['’]s)?\s+(?:[A-Za-z-]+\s+)?(?:coast|coastline|shores?)\b")
_POST_WATERS = re.compile(r"^(?:['’]s)?\s+(?:territorial\s+)?waters\b")
_POST_LAND = re.compile(r"^\s+(?:soil|territory|airspace|mainland|side\s+of\s+the\s+border)\b")
_COMMA = re.compile(r"^\s*,\s*$")
# the words between a name and the larger place it is part of: "the Hays district of
# Hodeidah", "Tower 22, an isolated base in Jordan", "Kfar Kila, a village in southern
# Lebanon", "Mansouri in southern Lebanon". The name lies in that place's country, so a
# namesake elsewhere ("Hays, Kansas") is not what the text means. (Only "of" after a kind
# word, and "in" after a kind word or straight after the name: "X near Y" and "X's border
# with Y" name a neighbour, which may be across a border.)
_PART_WORD = (r"(?:district|neighbou?rhood|quarter|suburb|area|village|town|city|hamlet|"
              r"camp|base|outpost|airbase|air\s+base|port|region|province|governorate|"
              r"municipality|county|enclave|settlement|community)")
_PART_OF = re.compile(
    r"^(?:\s+\d+)?(?:\s+" + _PART_WORD + r"\s+(?:of|in)"
    r"|\s*,\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,3}?" + _PART_WORD + r"\s+in"
    r"|\s+in)\s+(?:the\s+)?" + _ADJ + r"?$")
# a country name followed by a lower-case word, with no locative before it, names an
# actor or a nationality ("US forces", "Mexico has opposed"), not where something happened
_ACTOR_USE = re.compile(r"^\s+(?!(?:coast|waters|soil|territory|airspace|side)\b)[a-z]")
# a country name that modifies a party ("the U.S. military", "in the US-led coalition's
# raid", "U.S.-Israeli strikes", "U.S. and Afghan troops") names who acted even after a
# locative cue ("died in the U.S. airstrike"): the striking state is not the place
_PARTY_NOUN = (r"(?:armed\s+)?forces|troops|military|militaries|army|navy|air\s+force|marines|"
               r"jets|warplanes|aircraft|drones?|warships?|soldiers|personnel|commandos|"
               r"special\s+forces|officials|government|administration|coalition|"
               r"airstrikes?|air\s+strikes?|air\s+raids?|drone\s+strikes?|operations")
_PARTY_USE = re.compile(
    # "the Iran-backed rebels", "a US-funded programme": a patron, whatever the noun
    r"^\s*[-–]\s*(?:led|backed|based|run|aligned|allied|funded|supported|sponsored|"
    r"linked|affiliated|armed|trained)\b"
    r"|^(?:\s*[-–]\s*(?:led|backed|[A-Z][\w.]*)|\s+(?:and|&)\s+[A-Z][\w.]*)?\s+"
    r"(?:[a-z][\w-]*\s+)?(?:" + _PARTY_NOUN + r")\b"
    # "U.S. Military Forces", "US Navy", "Israeli Air Force": a party's title, capitalised
    r"|^\s+(?i:(?:armed\s+|military\s+|naval\s+|special\s+|defen[cs]e\s+)?(?:forces|"
    r"military|army|navy|air\s+force|marines|coast\s+guard|government|administration|"
    # "U.S. Central Command said", "the US State Department", "US Congress"
    r"(?:[a-z-]+\s+)?command|(?:[a-z]+\s+)?department|embassy|congress|senate|treasury))\b"
    # "U.S.-Israeli strikes": a compound of two parties before any noun
    # (the partner may stand masked as a party already: "U.S.-        strikes")
    r"|^\s*[-–]\s*(?:[A-Z][\w.]*)?\s+[a-z]"
    # "Israel's strikes", "Norway's air force": a possessive before a party or strike word
    r"|^['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + _PARTY_NOUN + r"|strikes|attacks|raids|"
    r"bombing|bombardment|offensive|campaign|militias?|prox(?:y|ies)|allies)\b")
# "pinning the raids on the United States", "blamed the attack on Israel": who was blamed;
# "drugs flowing into the United States": where goods go, not where the event happened
_BLAMED_ON = anchored(re.compile(
    r"\b(?:blam\w*|pin\w*|attribut\w*)\b[^.;:]{0,50}\b(?:on|to)\s+(?:the\s+)?$"
    r"|\b(?:flow\w*|smuggl\w*|traffick\w*|ship(?:ped|ping|ments?)?|bound|headed|heading|"
    # "a boat carrying drugs to the United States"
    r"carry\w*|carried|bring\w*|brought|transport\w*|deliver\w*|"
    r"destined|export\w*|import\w*|entering|reach(?:es|ing)?)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:into|to|for)\s+(?:the\s+)?$"
    # "a boat bringing drugs out of Venezuela", "carrying cocaine from Colombia": where the
    # cargo came from, not where the boat was hit
    r"|\b(?:carry\w*|bring\w*|brought|runn?\w*|ran|transport\w*|mov(?:e|es|ed|ing)|"
    r"smuggl\w*|traffick\w*|ship(?:ped|ping)?|left|leaving|depart\w*|sail\w*)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:out\s+of|from)\s+(?:the\s+)?$"
    # "Hezbollah, backed by Iran, fired", "militias allied with Tehran", "respaldados por
    # Irán": a patron the group is described by, not where the event happened (the
    # hyphenated "Iran-backed" is in _PARTY_USE)
    r"|\b(?:backed|supported|funded|financed|armed|sponsored|equipped|bankrolled|"
    r"respaldad[oa]s?|apoyad[oa]s?|financiad[oa]s?|armad[oa]s?|patrocinad[oa]s?)\s+"
    r"(?:(?:mainly|largely|heavily|openly|directly|principalmente)\s+)?(?:by|por)\s+(?:the\s+|el\s+)?$"
    r"|\b(?:allied|aligned|affiliated|loyal|close|aliad[oa]s?|afines?|leales?|"
    r"vinculad[oa]s?)\s+(?:with|to|a|al|de|del|con)\s+(?:the\s+)?$"
    r"|\b(?:prox(?:y|ies)|allies|ally|client|aliad[oa]s?)\s+(?:of|for|de|del)\s+(?:the\s+)?$",
    re.IGNORECASE))
# where something was said, not where it happened: a reporting verb and a few filler
# words ("said on Tuesday", "told reporters", "speaking to journalists") right before the
# place's "in"/"at"/"from", or a speaker noun right before it ("officials in Kyiv")
_FILLER = (r"(?:on|to|at|during|a|an|the|his|her|their|its|reporters|journalists|lawmakers|"
           r"press|news|conference|briefing|visit|trip|meeting|interview|event|speech|rally|"
           r"summit|earlier|later|late|today|yesterday|this|week|morning|evening|night|"
           r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_REPORT = caseless(re.compile(
    r"\b(?=\w)"  # as in _PRE: every alternative starts at a word start
    r"(?:\b(?:said|says|say|told|tells|announced|announces|announcing|speaking|spoke|speaks|"
    r"stated|wrote|posted|testified|declared|added|claimed|insisted|warned|briefing|briefed|"
    r"conference|interview|statement|remarks|address|speech|meeting|summit|talks|visit|"
    r"visiting|visited|based|headquartered|stationed|returned|flew|traveled|travelled)\b"
    r"(?:\s+" + _FILLER + r"\b){0,4}"
    r"|\b(?:reporters|journalists|lawmakers|officials|authorities|prosecutors|spokesman|"
    r"spokeswoman|spokesperson|ministry|government|diplomats|leaders|police|investigators|"
    # "the Observatory, a monitor based in Britain", "a nonprofit in the U.K.": the source's
    r"relatives|families|nonprofit|monitor|watchdog|observatory|charity|think\s+tank))"
    r"\s*,?\s*$",
    re.IGNORECASE,
))
# "leave Lebanon as devastated as Gaza", "a war like Ukraine's": the name is a likeness
_COMPARED = re.compile(r"\b(?:as\s+[a-z]+\s+as|like|than|similar\s+to|"
                       r"compared\s+(?:to|with)|reminiscent\s+of)\s+(?:the\s+)?$",
                       re.IGNORECASE)


# Patterns anchored at the end of the words before a name (`pre`) end in a word and white
# space; searching one tries every position of the 90 characters. The tests below are what
# a match needs (the last word's ending, a word in the window), read first: a pattern is
# searched only where it could match, so the answers are the same. Outside ASCII the
# IGNORECASE patterns are searched as before (they fold a few letters lower() keeps).
_QUAL_ENDS = ("of", "the", "capital", "city", "town")
# _PRE's last word: a qualifier's, an adjective's (_ADJ), "the", or a cue's last word
_PRE_ENDS = _QUAL_ENDS + (
    "ern", "central", "coastal", "rural", "remote", "mountainous", "restive",
    "off", "near", "nearby", "around", "to", "outside", "inside", "across", "from", "in",
    "at", "on", "over",
    "throughout", "towards", "toward", "along", "hit", "struck", "targeted", "bombed",
    "attacked", "raided", "shelled", "shook", "rocked", "pounded", "stormed", "seized",
    "captured", "entered", "besieged", "overran", "surrounded", "evacuated", "left",
    "leaving", "departed", "fled", "against", "strike", "bomb", "attack", "target",
    "invade")
_COMPARED_ENDS = ("as", "like", "than", "to", "with", "of", "the")
_RECORD_ENDS = ("on", "in", "against", "across", "the", "and", "or")
_RECORD_WORDS = ("attack", "bombing", "plot", "operations")


def _last_word(pre: str) -> str | None:
    """The last word of `pre` ("" for none) where `pre` ends in white space, else None."""
    if not pre[-1:].isspace():
        return None
    words = pre.rsplit(None, 1)
    return words[-1] if words else ""


def _may_be_their_record(window: str, last: str | None) -> bool:
    """Whether _THEIR_RECORD could match at the end of `window` (whose last word is
    `last`)."""
    if last is None:
        return False
    if not window.isascii():
        return True
    low = window.lower()
    return last.lower().endswith(_RECORD_ENDS) and any(w in low for w in _RECORD_WORDS)


#: a verb that a bare "off" completes ("called off the Quito talks", "sealed off", "fended
#: off"): the "off" is the verb's, no place at sea
_VERB_OFF = re.compile(
    r"\b(?:call|kick|set|cut|seal|cordon|shut|fend|ward|fight|fought|hold|held|lay|laid|put|"
    r"pay|paid|sign|head|tip|pull|write|wrote|written|rule|show|shown|turn|take|took|taken|"
    r"start|send|sent|carry|carried|wipe|scare|stave|drop|round|top|finish|sell|sold|break|"
    r"broke|broken|level|let|brush|shake|shook|shrug|tick|ease|peel|wall|fence|block|rope|"
    r"close|spin|spun|trade|fire|fired|fires|firing|kill|pick)(?:s|es|ed|d|ing)?\s+$",
    re.IGNORECASE)


def _cue_before(pre: str, last: str | None) -> AnyMatch | None:
    """_PRE.search(pre), searched only where the last word could end it; a bare "off" that
    completes a verb ("called off the Quito talks") is no cue."""
    if last is None or (last.isascii() and not last.lower().endswith(_PRE_ENDS)):
        return None
    m = _PRE.search(pre)
    if m is not None and (m.group("off") or "").lower() == "off" and \
            _VERB_OFF.search(pre, 0, m.start()):
        return None
    return m


def _compared(pre: str, last: str | None) -> bool:
    """_COMPARED.search(pre), searched only where the last word could end it."""
    if last is None or (last.isascii() and not last.lower().endswith(_COMPARED_ENDS)):
        return False
    return _COMPARED.search(pre) is not None


def where_said(text: str, cue_start: int) -> bool:
    """Whether the locative starting at `cue_start` tells where something was said or who
    said it ("told reporters in Washington", "police in Trinidad are checking reports")."""
    return _REPORT.search(text[max(0, cue_start - 80):cue_start]) is not None


# "a key plotter of attacks on the U.S. and Europe", "who planned attacks in Turkey": the
# record of whoever was hit, not where this event happened
_THEIR_RECORD = re.compile(
    r"\b(?:plott\w*|planned|planner|planning|masterminded|mastermind|orchestrat\w*|behind|"
    r"responsible\s+for|accused\s+of|wanted\s+for)\s+(?:of\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|bombings?|plots?|operations)\s+(?:on|in|against|across)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.]*,?\s+(?:and|or)\s+(?:the\s+)?)?$", re.IGNORECASE)


def names_a_party(text: str, a: int, b: int,
                  trigger: tuple[int, int] | None = None) -> bool:
    """Whether the country name at text[a:b] names who acted or was blamed, or where goods
    go, rather than where an event happened ("the U.S. airstrike", "US-led strikes",
    "pinning the raids on the United States", "drugs flowing into the United States").
    Where the event word is that verb ("smuggle fentanyl into the United States"), the
    name is its place."""
    lo = max(0, a - 90)
    if _PARTY_USE.match(text[b:b + 60]):
        return True
    window = text[lo:a]
    if _may_be_their_record(window, _last_word(window)) and _THEIR_RECORD.search(text, lo, a):
        return True
    m = _BLAMED_ON.search(window)
    return m is not None and not (trigger is not None and
                                  lo + m.start() <= trigger[0] < lo + m.end())


_ITS_WATER = re.compile(r"\b(?P<cue>off|near|along|in)\s+(?P<its>its)\s+(?:own\s+)?"
                        r"(?:territorial\s+)?(?:coast|coastline|shores?|waters)\b",
                        re.IGNORECASE)
_SMALL_NEED = re.compile(
    r"\b(?:in|at|near|outside|off|from|into|of)\s+(?:the\s+)?(?:\w+\s+of\s+)?$", re.IGNORECASE)
_SAID = re.compile(r"\b(?:said|says|told|announced|stated|claimed|added|insisted|"
                   r"confirmed|denied|alleged)\b", re.IGNORECASE)
# another event's noun between the trigger and the place: the place is that event's
# ("destroyed, a day after arrests in Culiacán")
_OTHER_EVENT = re.compile(
    r"\b(?:arrests?|talks|summit|meeting|visit|funeral|ceremony|trial|hearing|conference|"
    r"protests?|elections?|rally|negotiations)\b", re.IGNORECASE)
# after a possessive: words that make "Mexico's" a place ("Mexico's north", "Haiti's capital")
_POSS_LOC = re.compile(
    # ("Beirut's crowded southern suburbs": a lower-case word may stand before it)
    r"^['’]s\s+(?:(?:[a-z][\w-]*\s+)?(?P<what>capital|metropolitan\s+area|outskirts|suburbs|northern|southern|"
    r"eastern|western|central|north|south|east|west|northeast|northwest|southeast|southwest|"
    r"border|borders|interior|mainland|territory|soil|airspace|countryside|hinterland|streets|"
    r"mountains|highlands|hills|jungles?|forests?|deserts?|"
    r"port|port\s+area|harbou?r|downtown|centre|center|old\s+city|"
    r"(?:[\w-]+\s+)?(?:coast|coastline|coasts|shores?|waters))\b"
    r"|(?:[A-Za-z][\w’'-]*\s+){1,4}(?P<part>province|state|region|"
    r"district|neighbou?rhood|quarter|department|municipality|governorate|"
    # "North Waziristan's Datta Khel area", "Khyber's Tirah valley": a named part of it
    r"area|valley|tehsil|subdistrict|county)\b)")
# a name followed by these is a natural feature (which the gazetteer lacks), not the town
_FEATURE = re.compile(r"^\s+(?:mountains?|range|river|valley|desert|lake|basin|canyon|"
                      r"peninsula|highlands|plateau|hills)\b", re.IGNORECASE)
SEA_WORDS = caseless(re.compile(
    r"\b(?:boats?|vessels?|ships?|semi-submersibles?|narco-?subs?|submarines?|go-fasts?|"
    r"speedboats?|skiffs?|launch(?:es)?|lanchas?|pangas?|yachts?|trawlers?|tankers?|"
    r"warships?|frigates?|destroyers?|waters|at\s+sea|maritime|seas?|ocean|offshore|"
    r"sail(?:ing|ed)?|crew)\b",
    re.IGNORECASE,
))
#: a name of compass words alone ("North East", "the Centre", "Far North"): some country's
#: region of that name is meant only where the page names that country
_COMPASS_NAME = re.compile(r"(?:(?:far|north|south|east|west|northern|southern|eastern|"
                           r"western|central|centre|center|middle)\s?)+")
_ADMIN_QUALS = {"state", "province", "department", "region", "governorate"}
_DISTRICT_QUALS = {"municipality", "district", "county"}
_TOWN_QUALS = {"town", "city", "village", "port", "community", "hamlet", "capital",
               "border town", "border city"}


@dataclass
class Reading:
    """One place name read in context: its cue, chosen entry and score as the event place."""

    start: int
    end: int
    cue: str  # off, terr, near, loc, or "" (a bare name)
    qual: str  # town / state / municipality ... from "the state of X" or "X state"
    entry: Entry | None  # None for open water with nothing to borrow a point from
    sea: bool = False  # read as water: off / near at sea / a sea's name / open water
    country: str | None = None  # for territorial waters
    near_country: str | None = None
    sea_name: str | None = None
    surface: str = ""  # the words as the text has them
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None
    score: float = 0.0
    qualifier: bool = False  # the ", Sinaloa" in "Culiacán, Sinaloa"
    hint: bool = False  # "Venezuela's Tren de Aragua": names a country, places nothing
    weak: bool = False  # a bare small-town name with no support from the article
    cue_start: int = 0


def _km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def entry_score(e: Entry, primary: bool, *, span_countries: set[str],
                context: tuple[str, ...], qual: str = "", qualified_by: Entry | None = None,
                anchor: tuple[float, float] | None = None) -> float:
    """How likely a name means this entry: kind, population, context, qualifiers."""
    if e.kind == "S":
        s = 9.0  # curated sea names beat towns called "Pacific" or "Atlantic"
    elif e.kind == "C":
        s = 6.0
    elif e.kind == "A":
        s = 4.0
    else:
        s = 1.0 + 0.6 * math.log10(e.population + 10)
    if primary:
        s += 0.5
    if e.country and e.country in span_countries:
        s += 3.0
    elif e.country and e.country in context:
        s += 2.0 / (1 + 0.5 * context.index(e.country))
    if qual in _ADMIN_QUALS:
        s += 4.0 if e.kind == "A" else -2.0
    elif qual in _TOWN_QUALS or qual in _DISTRICT_QUALS:
        s += 4.0 if e.kind == "P" else -2.0
    if qualified_by is not None:
        q = qualified_by
        if q.kind in ("C", "P") and e.country == q.country and e.kind != "C":
            s += 6.0
        elif q.kind == "A" and e.country == q.country and e.admin1 and (
            normalise(e.admin1) == normalise(q.name) or normalise(e.admin1).startswith(
                normalise(q.name))):
            s += 8.0
    if anchor is not None and e.lat is not None and e.lon is not None and e.kind == "P":
        if _km(anchor[0], anchor[1], e.lat, e.lon) < 300:
            s += 1.5
    return s


def best_entry(f: Found, **kw: object) -> tuple[Entry | None, float]:
    # a state's own name beats a town of its country that has it only as an alternate
    # ("Morelos" the state, not Ecatepec de Morelos)
    states = {h.entry.country for h in f.hits if h.entry.kind == "A" and h.primary}
    best: tuple[Entry | None, float] = (None, -1e9)
    for h in f.hits:
        s = entry_score(h.entry, h.primary, **kw)  # type: ignore[arg-type]
        if h.entry.kind == "P" and not h.primary and h.entry.country in states:
            s -= 1.5
        if s > best[1]:
            best = (h.entry, s)
    return best


def _sea_variant(g: Gazetteer, e: Entry, context: tuple[str, ...]) -> Entry:
    for countries, variant in g.regional.get(e.name, ()):
        if countries & set(context):
            return variant
    return e


def _water_near(g: Gazetteer, e: Entry, sea_hint: str | None) -> tuple[float, float, str | None]:
    """A point in the water by a country, state or town the text says the event was off."""
    assert e.lat is not None and e.lon is not None
    if e.kind == "C" and e.country:
        c = g.coast(e.country, sea_hint)
        if c:
            return c.lat, c.lon, c.sea
        return e.lat, e.lon, sea_hint
    if e.kind == "A" and e.country:
        points = g.coasts.get(e.country, [])
        near = [(_km(e.lat, e.lon, c.lat, c.lon), c) for c in points]
        near = [x for x in near if x[0] < 400]
        if near:
            c = min(near, key=lambda x: x[0])[1]
            return c.lat, c.lon, c.sea
        return e.lat, e.lon, sea_hint
    # a town the text puts on the water: its own point is within a few km of the sea
    sea = sea_hint
    if sea is None and e.country:
        points = g.coasts.get(e.country, [])
        if points:
            sea = min(points, key=lambda c: _km(e.lat or 0, e.lon or 0, c.lat, c.lon)).sea
    return e.lat, e.lon, sea


#: what a passage needs for a name that is no sea's and no open water's to be read at sea:
#: the words of _PRE's "off", "waters of" and "near" cues (a direction, a distance, "outside",
#: "close to", "outskirts of", "not far from", "in the vicinity of"), and what _POST_COAST,
#: _POST_WATERS, _ITS_WATER and a demonym's reading look for after a name
_MAY_PUT_AT_SEA = caseless(re.compile(
    r"off|waters|near|outside|close|outskirts|not\s+far|vicinity|north|south|east|west|coast|"
    r"shore|\d\s*(?:km|kilomet|mi|nautical)", re.IGNORECASE))


def may_put_at_sea(text: str, start: int, end: int) -> bool:
    """Whether a word that puts a place on the water stands where read_all(text, start,
    end) reads around the names (90 characters before a name, 40 after a demonym)."""
    return _MAY_PUT_AT_SEA.search(text, max(0, start - 90), min(len(text), end + 40)) is not None


def may_read_at_sea(found: tuple[list[Found], list[OrgFound], list[DemonymFound]],
                    text: str, start: int, end: int) -> bool:
    """Whether read_all(text, start, end) may read anything at sea, from what `find` found
    there: a name of a sea or of open water, or a word that puts a place on the water
    (`may_put_at_sea`). False is certain: seas_in reads no further."""
    if any(f.open_water or any(h.entry.kind == "S" for h in f.hits) for f in found[0]):
        return True
    return may_put_at_sea(text, start, end)


# people a demonym can name: their nationality, not the place of the passage
_PERSONS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:soldiers?|troops|service\s*(?:members?|men|women)|civilians?|"
    r"citizens?|nationals?|interpreters?|contractors?|personnel|hostages?|journalists?|"
    r"reporters?|aid\s+workers?|diplomats?|tourists?|sailors?|marines?|pilots?)\b",
    re.IGNORECASE)


def read_all(g: Gazetteer, text: str, start: int, end: int, *,
             trigger: tuple[int, int] | None, context: tuple[str, ...],
             domain: str | None = None,
             anchor: tuple[float, float] | None = None,
             found: tuple[list[Found], list[OrgFound], list[DemonymFound]] | None = None,
             ) -> list[Reading]:
    """Every place name in text[start:end], read in context and scored as event place
    (`found`: what find(g, text, start, end) gave, where the caller has it)."""
    places, orgs, demonyms = find(g, text, start, end) if found is None else found
    places = [f for f in places if not _FEATURE.match(text[f.end:f.end + 30])]
    span_countries: set[str] = {o.org.country for o in orgs if o.org.country}
    # (not a demonym of people harmed or present: "killed two American soldiers in Palmyra"
    # tells whose soldiers died, not which country's Palmyra)
    span_countries.update(d.country for d in demonyms if not _PERSONS_AFTER.match(text, d.end))
    told_by: dict[str, int] = {}  # country -> how many names in the passage tell it
    for f in places:
        # a name tells its country when it is a country's, or when every place with it
        # as its main name lies in one country ("Antioquia": Antakya has it only as an
        # alternate; "Victoria" tells nothing: a state in Australia, towns elsewhere)
        main = [h.entry for h in f.hits if h.primary] or [h.entry for h in f.hits]
        countries = {e.country for e in main if e.kind == "C" and e.country} or {
            e.country for e in main if e.country}
        if len(countries) == 1 or any(e.kind == "C" for e in main):
            for c in countries:
                told_by[c] = told_by.get(c, 0) + 1
    named = set(span_countries)  # told by organisations and demonyms
    span_countries.update(told_by)
    # a name the text ties to a country (", Antioquia"; the article's countries) where no
    # large place of that name lies: the small towns of that name are candidates too
    wanted = span_countries | set(context)
    for n, f in enumerate(places):
        if f.open_water or any(h.entry.kind == "S" for h in f.hits):
            continue
        if not any(h.entry.country in wanted for h in f.hits) and (
                _SMALL_NEED.search(text, max(0, f.start - 40), f.start)
                or re.match(r"\s*,\s*[A-Z]", text[f.end:f.end + 5])):
            extra = [h for h in g.namesakes(f.key) if h.entry.country in wanted]
            if extra:
                places[n] = replace(f, hits=f.hits + tuple(extra))
    passage = text[start:end]
    at_sea = domain == "sea" or (domain != "land" and SEA_WORDS.search(passage) is not None)
    sea_hint = next((h.entry.name for f in places for h in f.hits if h.entry.kind == "S"),
                    None)
    if sea_hint is None:
        m: AnyMatch | None = re.search(r"\b(Pacific|Caribbean|Atlantic|Gulf)\b", passage)
        sea_hint = m.group(1) if m else None

    readings: list[Reading] = []
    for idx, f in enumerate(places):
        pre = text[max(0, f.start - 90):f.start]
        last = _last_word(pre)
        m = _cue_before(pre, last)
        cue = ""
        qual = ""
        cue_start = f.start
        if m:
            cue = next(k for k in ("off", "terr", "near", "loc", "origin") if m.group(k))
            qual = (m.group("qual") or m.group("qual2") or "").lower()
            cue_start = f.start - (len(pre) - m.start())
        else:  # "rocked the port of La Guaira": a kind of place without a locative cue
            mq = _QUAL_ONLY.search(pre) if last is not None and last.endswith(_QUAL_ENDS) \
                else None
            qual = (mq.group("qual") or mq.group("qual2") or "").lower() if mq else ""
        # what follows the name, read inside the passage only: past its end lies another
        # clause ("..., fishermen in X told us") whose words say nothing of this name
        post = text[f.end:min(end, f.end + 60)]
        poss = _POSS_LOC.match(post) if f.possessive else None
        if _POST_ADMIN.match(post):
            qual = qual or "state"
        elif _POST_DISTRICT.match(post):
            qual = qual or "municipality"
        qualified_by: Entry | None = None
        nxt = places[idx + 1] if idx + 1 < len(places) else None
        if nxt is not None and _COMMA.match(text[f.end:nxt.start]):
            q = max((h.entry for h in nxt.hits if h.entry.kind in ("A", "C")),
                    key=lambda e: (e.country in span_countries, e.kind == "C"), default=None)
            qualified_by = q
        container = _container(g, f, nxt, text, span_countries=span_countries,
                               context=context, anchor=anchor)
        if container is not None and container.country and not any(
                h.entry.country == container.country for h in f.hits):
            # the small towns of the name in that country are candidates too
            small = tuple(h for h in g.namesakes(f.key)
                          if h.entry.country == container.country)
            f = replace(f, hits=f.hits + small) if small else f
        prev = readings[-1] if readings else None
        is_qualifier = (prev is not None and prev.entry is not None
                        and _COMMA.match(text[prev.end:f.start]) is not None
                        and any(h.entry.kind in ("A", "C") for h in f.hits))
        r = Reading(f.start, f.end, cue, qual, None, qualifier=is_qualifier,
                    surface=" ".join(text[f.start:f.end].split()), cue_start=cue_start,
                    hint=f.possessive and poss is None)
        if not cue and not f.possessive and _ACTOR_USE.match(post) and any(
                h.entry.kind == "C" for h in f.hits):
            r.hint = True  # "US officials", "Mexico has opposed": a country as actor
        if not f.possessive and any(h.entry.kind == "C" for h in f.hits) and \
                names_a_party(text, f.start, f.end, trigger):
            r.hint = True  # "in the U.S. airstrike", "blamed on Israel": a party, not a place
        bare = pre.rstrip()
        if bare.endswith(".") and bare[-2:-1].isupper() and _INITIAL.search(pre):
            r.hint = True  # "J. Smith": a person's name
        if _compared(pre, last) or (_may_be_their_record(pre, last) and
                                    _THEIR_RECORD.search(pre)):
            r.hint = True  # "as devastated as Gaza": a likeness, not a place of this event
        # (a name before needs a capital in the last word)
        nb = _NAME_BEFORE.search(pre) if last and last != last.lower() else None
        na = _NAME_AFTER.match(post)
        if (nb and nb.group(1) not in _NOT_NAME and not _is_place_word(g, nb.group(1))) or (
                # ("Borno State's": the kind word, a possessive on it)
                na and _POSSESSIVE_END.sub("", na.group(1)) not in _NOT_NAME and not f.possessive
                and not _is_place_word(g, na.group(1))
                and (not cue or not _is_known_name(g, na.group(1)))):
            r.hint = True
        if any(h.entry.kind == "S" for h in f.hits) and _SEA_AS_WORD.match(post):
            r.hint = True  # "the Pacific coast of Mexico": the sea names a coast
        if f.open_water:
            r.sea, r.precision = True, 6
        else:
            e, _ = best_entry(f, span_countries=span_countries, context=context, qual=qual,
                              qualified_by=qualified_by or container, anchor=anchor)
            if e is None:
                continue
            own_land = g.countries.get(g.demonyms.get(f.key.lower(), ""))
            if own_land is not None and e.kind != "C" and _GROUND_AFTER.match(post):
                e = own_land  # "on Somali soil": Somalia, not Ethiopia's Somali region
            if qual in _ADMIN_QUALS and e.kind == "P" and e.country not in context \
                    and e.country not in named and told_by.get(e.country or "", 0) <= 1:
                # "in Soum province" read as a village of Senegal in a story of Burkina
                # Faso: a province the gazetteer lacks, not a namesake town abroad
                continue
            if _COMPASS_NAME.fullmatch(f.key) and e.country not in context \
                    and e.country not in named and told_by.get(e.country or "", 0) <= 1:
                # "in the North-East" of a story of Nigeria: a part of the story's country,
                # not Botswana's North East district
                continue
            if container is not None and e.country != container.country:
                r.hint = True  # "the Hays district of Hodeidah": not Hays, Kansas
            if poss is not None and poss.group("what") == "capital" and e.kind == "C":
                e = _capital(g, e)
            r.entry = e
            # "the outskirts of Hodeidah" is land even where the passage speaks of the sea
            land = m is not None and cue == "near" and "outskirts" in m.group(0).lower()
            _interpret(g, r, e, f, post, at_sea and not land, sea_hint, context)
            capital = g.countries.get(e.country or "")
            if e.kind == "P" and capital is not None and normalise(
                    capital.admin1 or "") == normalise(e.name) and (
                    not cue or _GOVERNMENT_BEFORE.search(pre)):
                # "Washington accused ...", "Caracas said", "pressure on Caracas", "talks
                # with Tehran": a government
                r.hint = True
            # a bare town name (no "in", "near" ...) in no country the article names is as
            # likely a surname or a word ("Smith", "Reading the report") as a place
            # (the name itself does not count as support: "Mobile phones" names Mobile)
            own = e.country in told_by and told_by[e.country] == 1 and e.country not in named
            r.weak = (not cue and e.kind == "P" and qualified_by is None and container is None
                      and (e.country not in span_countries or own)
                      and e.country not in context)
            if poss is not None and e.kind == "P" and not r.sea:
                if poss.group("part"):
                    r.precision = 3  # a named district of the town
                elif poss.group("what") in ("outskirts", "suburbs") or (
                        poss.group("what") or "").startswith("metropolitan"):
                    r.precision = 2
        r.score = _event_score(r, f, text, start, trigger)
        readings.append(r)

    # "in Sinaloa's capital, Culiacán": the named capital takes the cue
    for a, b in zip(readings, readings[1:], strict=False):
        if (a.entry is not None and a.cue and not b.cue and not a.sea
                and re.fullmatch(r"['’]s\s+capital,?\s+(?:city\s+(?:of\s+)?)?",
                                 text[a.end:b.start])):
            b.cue, b.cue_start, a.hint = a.cue, a.cue_start, True
            b.hint = b.weak = False
            a.score = _event_score(a, None, text, start, trigger)
            b.score = _event_score(b, None, text, start, trigger)

    for d in demonyms:
        r_d = _demonym_reading(g, d, text, sea_hint)
        if r_d is not None:
            r_d.score = _event_score(r_d, None, text, start, trigger)
            readings.append(r_d)

    # "off its coast", "in its waters": the country named last before the pronoun
    its = not passage.isascii() or "its" in passage.lower()  # what _ITS_WATER needs
    for m in _ITS_WATER.finditer(text, start, end) if its else ():
        owner = next((r.entry for r in reversed(readings)
                      if r.end <= m.start() and r.entry is not None and r.entry.kind == "C"),
                     None)
        if owner is None:
            continue
        lat, lon, sea = _water_near(g, owner, sea_hint)
        r_its = Reading(m.start("its"), m.end("its"), m.group("cue").lower(), "", owner,
                        sea=True, lat=lat, lon=lon, sea_name=sea, precision=6,
                        surface=owner.name, cue_start=m.start())
        if r_its.cue == "in":
            r_its.country = owner.country
        else:
            r_its.near_country = owner.country
        r_its.cue = "terr" if r_its.cue == "in" else "off"
        r_its.score = _event_score(r_its, None, text, start, trigger)
        readings.append(r_its)

    _open_water_in_a_sea(readings, text, start, trigger)
    # open water takes its point from a sea or coast the passage (or article) names
    for r in readings:
        if r.sea and r.entry is None and not r.hint:  # (a hint is no place: needs none)
            _borrow_point(g, r, readings, text, start, context)
    return readings


# what joins open water to the sea or coast it lies in: "international waters of the eastern
# Pacific", "... in the Caribbean", "... off the coast of Venezuela", "aguas internacionales
# del Pacífico"; and the other way round, "in the Caribbean, in international waters"
_WATER_IN = re.compile(
    r"^\s*,?\s+(?:(?:of|in|off|near|around|across|within|del?|en|frente\s+a)\s+)?"
    r"(?:(?:the|el|la|las|los)\s+)?(?:(?:waters|coast|coasts|coastline|shores?|costas?|aguas)"
    r"\s+(?:of|off|near|de|del)\s+(?:(?:the|el|la|las)\s+)?)?$", re.IGNORECASE)
_WATER_BEFORE = re.compile(r"^\s*,?\s*(?:(?:in|en)\s+)?(?:the\s+)?$", re.IGNORECASE)


def _open_water_in_a_sea(readings: list[Reading], text: str, start: int,
                         trigger: tuple[int, int] | None) -> None:
    """"In international waters of the eastern Pacific": open water said to lie in a named
    sea, or off a named coast, is that sea; the open water alone names none. The sea (or
    coast) takes the open water's cue, and the open water is left as a hint."""
    if not any(r.sea and r.entry is None for r in readings):
        return  # (most passages: no open water)
    ordered = sorted(readings, key=lambda x: x.start)
    for i, ow in enumerate(ordered):
        if not (ow.sea and ow.entry is None) or ow.hint:
            continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        prev = ordered[i - 1] if i else None
        if nxt is not None and nxt.sea and nxt.entry is not None and not nxt.hint and \
                _WATER_IN.match(text[ow.end:nxt.start]):
            sea = nxt
        elif prev is not None and prev.sea and prev.entry is not None and not prev.hint and \
                _WATER_BEFORE.match(text[prev.end:ow.cue_start if ow.cue else ow.start]):
            sea = prev
        else:
            continue
        if ow.cue and (not sea.cue or sea.cue == "loc"):
            sea.cue = ow.cue
        sea.cue_start = min(sea.cue_start, ow.cue_start)
        ow.hint = True
        sea.score = _event_score(sea, None, text, start, trigger)
        ow.score = _event_score(ow, None, text, start, trigger)


def _interpret(g: Gazetteer, r: Reading, e: Entry, f: Found, post: str, at_sea: bool,
               sea_hint: str | None, context: tuple[str, ...]) -> None:
    coast_after = _POST_COAST.match(post) is not None
    waters_after = _POST_WATERS.match(post) is not None
    if e.kind == "S":
        v = _sea_variant(g, e, context)
        r.sea, r.sea_name, r.lat, r.lon, r.precision = True, v.name, v.lat, v.lon, 6
        return
    # "near Aruba": next to an island country is on the water
    island = e.kind == "C" and e.country in g.islands and e.country in g.coasts
    offshore = r.cue == "off" or (r.cue == "near" and (at_sea or island)) or (
        coast_after and (r.cue == "off" or at_sea))
    territorial = r.cue == "terr" or (waters_after and r.cue != "off")
    if territorial or offshore:
        hint = sea_hint
        m = re.match(r"^(?:['’]s)?\s+([A-Z][a-z]+)\s+coast", post)
        if m:
            hint = m.group(1)
        lat, lon, sea = _water_near(g, e, hint)
        r.sea, r.lat, r.lon, r.sea_name, r.precision = True, lat, lon, sea, 6
        if territorial:
            r.country = e.country
        else:
            r.near_country = e.country
        return
    r.lat, r.lon = e.lat, e.lon
    if e.kind == "C":
        r.precision = 5
    elif e.kind == "A":
        r.precision = e.precision  # a province 4, a district 3
    elif r.qual in _DISTRICT_QUALS:
        r.precision = 3
    elif r.cue == "near":
        r.precision = 2
    else:
        r.precision = 1


def _container(g: Gazetteer, f: Found, nxt: Found | None, text: str,
               **kw: object) -> Entry | None:
    """The larger place the name at `f` is said to be part of ("the Hays district of
    Hodeidah", "Tower 22, a base in Jordan"): the next name, where the words between are
    _PART_OF's. Only for a name no country carries (a country is part of nothing)."""
    if nxt is None or any(h.entry.kind == "C" for h in f.hits) or \
            not _PART_OF.match(text[f.end:nxt.start]):
        return None
    e, _ = best_entry(nxt, **kw)
    return e if e is not None and e.kind in ("C", "A", "P") else None


def _is_place_word(g: Gazetteer, word: str) -> bool:
    """A country or demonym next to a name does not make it part of a longer name
    ("Mexican Sinaloa", "the US Culiacán consulate" are still places)."""
    key = normalise(word)
    return key in g.demonyms or any(h.entry.kind == "C" for h in g.hits(key))


def _is_known_name(g: Gazetteer, word: str) -> bool:
    """After a cue ("in X Y"), a capitalised Y that names an organisation or an area ("in
    Rafah Hamas officials said", "in Culiacán Sinaloa") starts a new name; any other Y
    continues X's ("in Mir Ali" is not the town of Mir): a cue says a place follows, not
    that it ends where the gazetteer's shorter name does."""
    key = normalise(word)
    return key in g.organisations or any(h.entry.kind in ("A", "C") for h in g.hits(key))


def _capital(g: Gazetteer, country: Entry) -> Entry:
    """The capital city of a country ("Haiti's capital"), or the country if unknown."""
    if country.admin1:
        for h in g.lookup(country.admin1):
            if h.entry.kind == "P" and h.entry.country == country.country:
                return h.entry
    return country


def _demonym_reading(g: Gazetteer, d: DemonymFound, text: str,
                     sea_hint: str | None) -> Reading | None:
    """"Mexican soil", "Venezuelan waters", "off the Venezuelan coast" as places."""
    post = text[d.end:d.end + 40]
    pre = text[max(0, d.start - 90):d.start]
    m = _PRE.search(pre)
    cue = next((k for k in ("off", "terr", "near", "loc") if m and m.group(k)), "")
    country = g.countries.get(d.country)
    if country is None:
        return None
    r = Reading(d.start, d.end, cue, "", country)
    if _POST_WATERS.match(post):
        lat, lon, sea = _water_near(g, country, sea_hint)
        r.sea, r.country, r.lat, r.lon, r.sea_name, r.precision = True, d.country, lat, lon, \
            sea, 6
        r.cue = r.cue or "terr"
        return r
    if _POST_COAST.match(post) and re.search(r"\b(?:off|near|along)\s+(?:the\s+)?$", pre):
        lat, lon, sea = _water_near(g, country, sea_hint)
        r.sea, r.near_country, r.lat, r.lon, r.sea_name, r.precision = True, d.country, lat, \
            lon, sea, 6
        r.cue = "off"
        return r
    if _POST_LAND.match(post):  # "Mexican soil", "Venezuelan airspace"
        r.lat, r.lon, r.precision = country.lat, country.lon, 5
        r.cue = r.cue or "loc"
        return r
    return None


def _borrow_point(g: Gazetteer, r: Reading, readings: list[Reading], text: str, start: int,
                  context: tuple[str, ...]) -> None:
    seas = [x for x in readings if x.sea and x.lat is not None]
    if seas:
        nearest = min(seas, key=lambda x: abs(x.start - r.start))
        r.lat, r.lon, r.sea_name = nearest.lat, nearest.lon, nearest.sea_name
        return
    # the last sea the article named before this passage, else the first after it; no
    # guess from the article's countries (the first is often the striking state's)
    sea = _sea_named_near(g, text, start, r.end)
    if sea is not None:
        v = _sea_variant(g, sea, context)
        r.lat, r.lon, r.sea_name = v.lat, v.lon, v.name


class _ArticleSeas:
    """The seas an article names, read run by run (`_NAME_RUN`) as they are asked for:
    open water borrows its point from the nearest runs, seldom from the whole article."""

    def __init__(self, g: Gazetteer, text: str) -> None:
        self.g, self.text = g, text
        runs = [m.span() for m in _NAME_RUN.finditer(text)]
        self.starts = [a for a, _ in runs]
        self.ends = [b for _, b in runs]
        self._seas: dict[int, list[tuple[int, int, Entry]]] = {}

    def in_run(self, i: int) -> list[tuple[int, int, Entry]]:
        """(start, end, sea) of each sea name in run i, in order."""
        got = self._seas.get(i)
        if got is None:
            a, b = self.starts[i], self.ends[i]
            got = []
            # only runs with a word of some sea's name: the gazetteer's look-up of the
            # others would find no sea (a sea's name spans no comma, line break or full stop)
            if self.g.may_name_a_sea(self.text, a, b):
                places, _, _ = find(self.g, self.text, a, b)
                got = [(f.start, f.end, sea) for f in places
                       if (sea := next((h.entry for h in f.hits if h.entry.kind == "S"), None))]
            self._seas[i] = got
        return got


#: the last article's seas (`_article_seas`): every passage of an article that speaks of
#: open water looks for them
_SEAS_OF: dict[tuple[int, str], _ArticleSeas] = {}


def _article_seas(g: Gazetteer, text: str) -> _ArticleSeas:
    key = (id(g), text)
    got = _SEAS_OF.get(key)
    if got is None:
        got = _ArticleSeas(g, text)
        _SEAS_OF.clear()
        _SEAS_OF[key] = got
    return got


def _seas_named(g: Gazetteer, text: str) -> list[tuple[int, int, Entry]]:
    """(start, end, sea) of every sea name in the text, in order."""
    seas = _article_seas(g, text)
    return [x for i in range(len(seas.starts)) for x in seas.in_run(i)]


def _sea_named_near(g: Gazetteer, text: str, start: int, end: int) -> Entry | None:
    """The last sea named in the 4,000 characters before `start`, else the first named in
    the 4,000 after `end`: what `_seas_named` holds there, read from the runs nearest
    first and no further than the first found."""
    seas = _article_seas(g, text)
    lo = max(0, start - 4000)
    i = bisect_left(seas.starts, start) - 1  # the last run starting before `start`
    while i >= 0 and seas.ends[i] > lo:
        before = [x for x in seas.in_run(i) if lo <= x[0] and x[1] <= start]
        if before:
            return before[-1][2]
        i -= 1
    hi = end + 4000
    i = bisect_right(seas.ends, end)  # the first run ending after `end`
    while i < len(seas.starts) and seas.starts[i] < hi:
        after = [x for x in seas.in_run(i) if end <= x[0] and x[1] <= hi]
        if after:
            return after[0][2]
        i += 1
    return None


#: a run of what a name's words and the gaps between them are made of (word characters,
#: hyphens, apostrophes, spaces; no line break or full stop): every name and organisation
#: the finder finds lies inside one, and the finder starts afresh after anything else, so
#: what it finds in a passage is what it finds in each of the passage's runs
_NAME_RUN = re.compile(r"[\w\-'’ ]+")


def _event_score(r: Reading, f: Found | None, text: str, start: int,
                 trigger: tuple[int, int] | None) -> float:
    if r.qualifier:
        return -10.0
    if r.hint:
        return 0.0  # "Venezuela's Tren de Aragua": a hint at a country, not a place
    if r.cue == "origin":
        return 0.2  # "a boat from Ecuador", "fishermen from Güiria": where they came from
    if r.cue in ("off", "terr") or (r.sea and r.cue):
        s = 3.0
    elif r.cue == "near":
        s = 2.6
    elif r.cue == "loc":
        s = 2.5
    elif r.sea:
        s = 1.5
    elif r.weak:
        return 0.2  # below MIN_EVENT_SCORE whatever its precision
    else:
        s = 0.8
    if r.precision:
        s += (6 - r.precision) * 0.12
    if r.sea and r.entry is not None and r.entry.kind in ("P", "A"):
        s += 0.3 if r.entry.kind == "P" else 0.15  # "off Acapulco" beats "off Mexico"
    # "Trump said in Washington ...": where something was said is not where it happened
    if r.cue in ("loc", "origin"):
        window = text[max(start, r.cue_start - 80):r.cue_start]
        m = _REPORT.search(window)
        if m:
            verb_at = r.cue_start - len(window) + m.start()
            if trigger is None or not (verb_at <= trigger[0] < r.start):
                s -= 2.5
    if trigger is not None:
        t0, t1 = trigger
        d = 0 if (r.start < t1 and t0 < r.end) else min(abs(r.start - t1), abs(t0 - r.end))
        s -= min(d, 400) / 200.0
        if r.start >= t1:
            s += 0.2
            between = text[t1:r.cue_start if r.cue else r.start]
        else:
            between = text[r.end:t0]
            # "In Bogotá, the minister said guerrillas attacked ...": the place frames
            # the saying, and the event is told inside what was said
            if _SAID.search(between):
                s -= 2.0
        if _OTHER_EVENT.search(between):
            s -= 1.0
    return s


#: The name of a place at sea in no named sea ("international waters", "the high seas").
OPEN_WATER = "international waters"


def is_open_water(place: Place | None) -> bool:
    """At sea, but in no sea, off no coast and in no country's waters: a report that names
    a sea for the same event says more."""
    return place is not None and place.kind == "sea" and place.name == OPEN_WATER and \
        place.country is None and place.near_country is None


def to_place(r: Reading, g: Gazetteer) -> Place:
    """The record for a reading (spec/records.md, Places)."""
    e = r.entry
    if r.sea:
        if e is None:
            name = OPEN_WATER
        elif e.kind == "S":
            name = r.sea_name or e.name
        elif r.country:
            name = f"{'waters of ' + e.name}"
        else:
            where = r.surface if e.kind == "C" and r.surface else e.name
            name = f"{r.sea_name + ' ' if r.sea_name else ''}off {where}"
        return Place(name=name, admin1=None, country=r.country, latitude=r.lat,
                     longitude=r.lon, kind="sea", geonameid=None, geo_precision=6,
                     near_country=r.near_country)
    assert e is not None
    kind = {"C": "country", "A": "admin area", "P": "populated place"}.get(e.kind, "other")
    admin1 = e.place_admin1
    return Place(name=e.name, admin1=admin1, country=e.country, latitude=r.lat,
                 longitude=r.lon, kind=kind, geonameid=e.geonameid,  # type: ignore[arg-type]
                 geo_precision=r.precision)

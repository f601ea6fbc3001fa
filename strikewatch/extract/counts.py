"""Counts as ranges: casualty figures and strike counts, words and digits.

Every count is (low, high), None meaning unbounded/unknown. Vague wording maps
conservatively through ONE table, `COUNT_TABLE` below (spec/records.md, "Counts"), so a
reviewer can read in one place what "over 15" or "dozens" becomes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from strikewatch.caseless import caseless
from strikewatch.extract.anchored import anchored
from strikewatch.extract.lookahead import prefixed

Range = tuple[int | None, int | None]

# ---------------------------------------------------------------------------------------
# THE mapping table. Qualifier before a number n -> (low, high, approx).
#   "at least 65" -> 65..None    "over/more than 15" -> 16..None   "up to 12" -> None..12
#   "nearly/almost 40" -> None..39   "about/around 30" -> 30..30 approx   "3 to 5" -> 3..5
# Vague quantity words (no number) -> fixed ranges:
#   "a dozen" 12..12 · "several" 3..None · "dozens" 24..None · "scores" 40..None ·
#   "hundreds" 200..None · "thousands" 2000..None · "a few"/"a handful" 2..None ·
#   "no one"/"nobody"/"none"/"no casualties"/"no survivors" 0..0
# ---------------------------------------------------------------------------------------
COUNT_TABLE: dict[str, Callable[[int], tuple[int | None, int | None, bool]]] = {
    "at least": lambda n: (n, None, False),
    "no fewer than": lambda n: (n, None, False),
    "no less than": lambda n: (n, None, False),
    "a minimum of": lambda n: (n, None, False),
    "over": lambda n: (n + 1, None, False),
    "more than": lambda n: (n + 1, None, False),
    "upwards of": lambda n: (n + 1, None, False),
    "in excess of": lambda n: (n + 1, None, False),
    "up to": lambda n: (None, n, False),
    "as many as": lambda n: (None, n, False),
    "at most": lambda n: (None, n, False),
    "nearly": lambda n: (None, n - 1, False),
    "almost": lambda n: (None, n - 1, False),
    "fewer than": lambda n: (None, n - 1, False),
    "less than": lambda n: (None, n - 1, False),
    "just under": lambda n: (None, n - 1, False),
    "about": lambda n: (n, n, True),
    "around": lambda n: (n, n, True),
    "approximately": lambda n: (n, n, True),
    "roughly": lambda n: (n, n, True),
    "some": lambda n: (n, n, True),
    "an estimated": lambda n: (n, n, True),
    "estimated": lambda n: (n, n, True),
    "": lambda n: (n, n, False),
}
VAGUE: dict[str, Range] = {
    "a dozen": (12, 12), "several": (3, None), "dozens": (24, None), "dozens of": (24, None),
    "scores": (40, None), "scores of": (40, None), "hundreds": (200, None),
    "hundreds of": (200, None), "thousands": (2000, None), "thousands of": (2000, None),
    "a few": (2, None), "a handful of": (2, None),
}
ZERO_WORDS = ("no one", "nobody", "none", "no")

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: 10 * i for i, w in enumerate(_TENS) if w})
WORD_VALUES["a"] = 1
WORD_VALUES["an"] = 1

#: THE English ordinal words -> rank ("a second strike", "the third boat"). Every reader
#: of a rank takes its words from here and bounds them where it reads (`ranks_up_to`): a
#: day's series runs to "sixth", an act's rank in a campaign further.
ORDINAL_VALUES: dict[str, int] = {w: i for i, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth"), 1)}


def ranks_up_to(table: dict[str, int], most: int, least: int = 1) -> dict[str, int]:
    """The words of an ordinal table (`ORDINAL_VALUES`, es/lexicon's `ORDINALS`) that name
    ranks `least`..`most`, in the table's order (the order regex alternations are built
    in). One table a language, each reader's bound where it reads: a copy cut short per
    reader drifts apart the first time one of them gains a word."""
    return {w: n for w, n in table.items() if least <= n <= most}

_W = "|".join(sorted((w for w in WORD_VALUES if w not in ("a", "an", "zero")), key=len,
                     reverse=True))
# ("two dozen" before "two": "more than two dozen people" is 25 or more, not 3)
_NUM = (r"(?:(?:a|one|two|three) dozen|"
        rf"\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_W})(?:[- ](?:{_W}))?(?: hundred)?)")
_QUAL = "|".join(sorted((q for q in COUNT_TABLE if q), key=len, reverse=True))
_VAGUE = "|".join(sorted(VAGUE, key=len, reverse=True))
_PERSON_SG = (r"(?:man|woman|child|boy|girl|person|civilian|fisherman|soldier|journalist|"
              r"teenager|farmer|driver|commander|militant|fighter|crew member|operative|leader|"
              r"officer|policeman|police officer|aid worker|worker|doctor|nurse|pilot|"
              r"sailor|guard|medic|paramedic|rescuer|reporter|photographer|shepherd|"
              r"student|pilgrim|resident|villager|passenger)")
COUNT_RE = re.compile(
    rf"(?<![A-Za-z]-)(?<!\d:)\b(?!\d{{1,2}}:\d)(?:between (?P<b1>{_NUM}) and (?P<b2>{_NUM})"
    rf"|(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})(?:\s*(?:to|-|–|or)\s*(?P<n2>{_NUM}))?"
    # "2 million", "twenty-five thousand": a larger unit after the figure (no toll read)
    r"(?![- ]?(?:[a-z]+[- ])?(?:thousand|million|billion)s?\b)"
    # "hundreds of thousands", "tens of thousands": a larger unit after the figure, a war's
    # or a crowd's scale, no strike's toll (neither "hundreds" nor "thousands" read)
    rf"|(?<!hundreds of )(?<!tens of )(?P<v>{_VAGUE})"
    r"(?!\s+(?:of\s+)?(?:thousands|millions)\b)"
    rf"|(?P<one>an?)(?=\s+(?:[\w-]+\s+){{0,3}}?{_PERSON_SG}\b))\b"
    r"(?![- ]years?[- ]old)",  # an age ("killing 18-year-old Nurto") counts no one
    re.IGNORECASE,
)

COUNT_LC = prefixed(re.compile(COUNT_RE.pattern.lower().replace("(?p<", "(?P<").replace(
    "(?<![a-za-z]-)", "(?<![a-z]-)")))  # lower-cased text (no capitals in the pattern)
#: COUNT_LC tried only where one of its first words or a digit stands
_COUNT_SCAN = anchored(COUNT_LC)


# a toll told as one that will grow: "six dead and 91 injured, figures expected to climb",
# "the death toll is likely to rise", "the number killed could rise further": the figure is
# a floor, so the toll keeps no upper bound (the noun keeps "tensions are expected to rise" out)
TOLL_MAY_RISE = re.compile(
    r"\b(?:(?:death\s+)?tolls?|figures?|numbers?|count|casualties|dead)\b[^.;]{0,40}?"
    r"\b(?:(?:is|are|was|were)\s+)?(?:(?:expected|likely|feared|set)\s+to|could|may|might|"
    r"would|will)\s+(?:still\s+|yet\s+|further\s+)?(?:rise|climb|increase|grow|go\s+up)\b",
    re.IGNORECASE)

# a toll told as the count so far: "killing two people so far", "up to now -- and I stress up
# to now -- we have 100 dead" (a floor; components/counts.open_if_toll_may_rise; not "for
# now": "assesses for now that 10 died" hedges an assessment)
TOLL_SO_FAR = re.compile(r"\b(?:so\s+far|thus\s+far|up\s+(?:to|until)\s+now|until\s+now|"
                         r"at\s+(?:the\s+)?last\s+count)\b", re.IGNORECASE)

# a toll its sentence tells as an early count: "the health ministry said in a first count
# that nine were killed", "nine dead, according to preliminary figures", "an initial toll of
# 12", "officials provisionally put the dead at four": a later report's higher figure
# supersedes it (resolve/merging.py); "earlier reports" is another report, not this one's stage
TOLL_EARLY = re.compile(
    r"\b(?:(?:first|initial|preliminary|provisional|partial|early)\s+(?:death\s+|casualty\s+)?"
    r"(?:counts?|tolls?|tall(?:y|ies)|figures?|estimates?|reports?|assessments?|information|"
    r"numbers?|findings)|(?:initially|provisionally|preliminarily|at\s+first)\s+(?:put|said|"
    r"reported|counted|estimated|gave|listed|told))\b", re.IGNORECASE)
# a toll its sentence tells as raised: "the death toll rose to 46", "the number of dead has
# climbed to 12", "officials raised the toll to nine", "46 dead, up from nine": a later
# report's figure, superseding the lower ones of other reports (resolve/merging.py)
TOLL_UPDATED = re.compile(
    r"\b(?:(?:death\s+)?tolls?|(?:casualty\s+)?figures?|number\s+of\s+(?:the\s+)?(?:dead|deaths|"
    r"people\s+killed|victims|fatalities)|dead|deaths|casualties|fatalities)\b[^.;]{0,80}?\b(?:rose|risen|climbed|"
    r"increased|jumped|grew|mounted|(?:was|were|been)\s+"
    r"(?:raised|revised(?:\s+up(?:wards?)?)?|updated))\s+to\b|"
    r"\b(?:raised|revised|updated)\s+(?:the|its|their)\s+(?:death\s+)?(?:toll|figure|count|"
    r"tally|number\s+of\s+(?:dead|deaths))\s+(?:up\s+)?to\b|"
    r"\bup\s+from\s+(?:(?:an?|the)\s+)?(?:(?:earlier|initial|previous|first)\s+"
    r"(?:\w+\s+){0,2}?)?"
    r"(?:\d+|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)",
    re.IGNORECASE)
#: TOLL_UPDATED tried only where one of its first words stands ("toll", "dead", "up from")
TOLL_UPDATED_SCAN = anchored(TOLL_UPDATED)

# deaths its sentence says were told without when or where they happened: "announced the
# deaths of seven fighters but did not say when or where they died", "without saying where
# or when they were killed", "gave no time or place": a party's losses over days, no toll
# of the act beside them
UNPLACED_DEATHS = re.compile(
    r"\b(?=[dwngw])(?:(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|without|not)\s+(?:saying|say|"
    r"specifying|specify|stating|state|giving|give|indicating|indicate|disclosing|disclose|"
    r"revealing|reveal|telling|tell)\s+(?:\w+\s+){0,2}?(?:when\s+(?:or|and|nor)\s+where|"
    r"where\s+(?:or|and|nor)\s+when)|gave\s+no\s+(?:time|date|day)\s+(?:or|and|nor)\s+"
    r"place|(?:when\s+(?:or|and)\s+where|where\s+(?:or|and)\s+when)\s+(?:they|he|she|"
    r"the\s+\w+)\s+(?:had\s+|were\s+|was\s+)?(?:died|killed)\s+(?:was|were|is|are)\s+"
    r"(?:not|un)\w*)\b", re.IGNORECASE)


def parse_number(s: str) -> int | None:
    """'65' -> 65, '1,200' -> 1200, 'twenty-three' -> 23, 'two hundred' -> 200."""
    s = s.lower().strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", s):
        return int(s.replace(",", ""))
    m = re.fullmatch(r"(a|one|two|three) dozen", s)
    if m:
        return 12 * (WORD_VALUES[m.group(1)])
    hundred = s.endswith(" hundred")
    if hundred:
        s = s[: -len(" hundred")]
    total = 0
    for part in re.split(r"[- ]", s):
        if part not in WORD_VALUES:
            return None
        total += WORD_VALUES[part]
    return total * 100 if hundred else total


@dataclass
class CountExpr:
    start: int
    end: int
    low: int | None
    high: int | None
    approx: bool


def count_expressions(text: str) -> list[CountExpr]:
    """Every number or vague quantity in `text`, already mapped to a range."""
    out: list[CountExpr] = []
    low = text.lower()
    for m in (_COUNT_SCAN.finditer(low) if len(low) == len(text) else COUNT_RE.finditer(text)):
        if m.group("b1"):
            lo, hi = parse_number(m.group("b1")), parse_number(m.group("b2"))
            out.append(CountExpr(m.start(), m.end(), lo, hi, False))
        elif m.group("v"):
            lo, hi = VAGUE[m.group("v").lower()]
            out.append(CountExpr(m.start(), m.end(), lo, hi, False))
        elif m.group("one"):
            out.append(CountExpr(m.start(), m.end(), 1, 1, False))
        else:
            n = parse_number(m.group("n"))
            if n is None:
                continue
            if m.group("n2"):
                n2 = parse_number(m.group("n2"))
                if n2 is not None and n2 > n:
                    out.append(CountExpr(m.start(), m.end(), n, n2, False))
                    continue
            lo2, hi2, approx = COUNT_TABLE[(m.group("q") or "").lower()](n)
            if not m.group("q") and _AT_LEAST_AFTER.match(text, m.end()):
                lo2, hi2, approx = n, None, False  # "five people at least", "33 or more"
            out.append(CountExpr(m.start(), m.end(), lo2, hi2, approx))
    return out


# a lower bound told after the figure: "Five people at least lost their lives", "The toll
# stands at 33 or more", "60 or more civilians"
_AT_LEAST_AFTER = re.compile(r"(?:\s+[a-z][\w-]*)?\s+(?:at\s+least|or\s+more)\b",
                             re.IGNORECASE)


# What a count counts: matched on the words right after it (noun phrase + verb) or right
# before it (verb). Up to four words may stand between number and head noun: "15 Islamic
# State (ISIS) fighters", 'three "narco-terrorists"' (a word in quotes)
_GAP = r"(?:(?!\d)[\w’'\"“”‑-]+\s+|\([\w’'. -]{1,20}\)\s+){0,4}?"
# a figure that measures time or distance counts no one: "the bombing fell seven days after
# the group's chief was killed", "three miles from where two were killed"
_MEASURE = (r"(?!(?:days?|weeks?|months?|years?|hours?|minutes?|nights?|decades?|miles?|"
            r"kilometers?|kilometres?|km)\b)")
_KILL_AFTER = re.compile(
    rf"^\s+{_MEASURE}{_GAP}(?:\w+\s+)?(?:(?:were|was|have been|had been|are|is|being|reportedly|"
    r"reported|later|all)\s+){0,3}"
    # (not "the dead" as an object: "a religious leader put the dead at 50" counts no one
    # by its "a"; "among the dead" is a toll's part told, read as before)
    r"(?:(?<![Tt]he )|(?<=among the ))(?:killed|dead|died|perished|deaths|fatalities|slain|"
    r"lost their lives|neutrali[sz]ed|eliminated|martyred)\b", re.IGNORECASE)
# "several soldiers reported killed or wounded", "killed or injured 40 people": casualties,
# the dead and the hurt together, neither a death toll nor a count of the wounded
_KILLED_OR_HURT = (r"(?:kill(?:ed|ing)\s+or\s+(?:wounded|injured|hurt)|"
                   r"(?:wounded|injured|hurt)\s+or\s+kill(?:ed|ing))")
# after the count, "and" joins the two as well ("dozens of people killed and wounded",
# "were martyred and wounded"; not "two dead and wounded three": the three are hurt), and an
# aside may stand before the verb ("Dozens of civilians, most of them women, were killed or
# wounded")
_KILLED_AND_HURT = (r"(?:kill(?:ed|ing)|dead|martyred)\s+and\s+(?:wounded|injured|hurt)\b"
                    r"(?!\s+(?:\d|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                    r"dozens|several|scores|hundreds|many|more|others?|another)\b)")
_EITHER_AFTER = re.compile(
    r"^\s+(?:(?!(?:that|but|no|none|while)\b)[\w'’-]+\s+){0,4}?(?:[\w'’-]+,\s+[^,.;]{1,40}?,\s+)?"
    r"(?:(?:were|was|have been|had been|are|is|reportedly|reported)\s+)"
    rf"{{0,3}}(?:{_KILLED_OR_HURT}\b|{_KILLED_AND_HURT})", re.IGNORECASE)
_EITHER_BEFORE = re.compile(rf"\b{_KILLED_OR_HURT}\s+$", re.IGNORECASE)
_KILL_BEFORE = anchored(re.compile(
    r"(?:\bkill(?:ed|ing|s)?(?:\s+all)?(?:\s+(?:its|their|the))?|\bleft|"
    r"\b(?:claimed|claiming|cost|costing) the lives of|"
    r"\bdeath toll (?:of|to|at|rose to|reached|stands at|stood at|climbed to)|"
    r"\btoll (?:of|to|at|rose to|reached|stands at|climbed to)|\bkilling (?:all|everyone)?|"
    r"\b(?:toll|killed|dead|deaths)\b[\w\s]{0,70}?\b(?:to|at|reached|of)|"
    # "the dead from Tuesday night's raids on al-Hawak now number 13", "The dead from the
    # raids on Hodeidah, the Red Sea port, now number 14" (an apposition between)
    r"\b(?:the\s+)?(?:dead|deaths)\b[\w\s'’-]{0,70}?(?:,[\w\s'’-]{1,40},[\w\s'’-]{0,20}?)?"
    r"\b(?:numbered|(?:now\s+)?numbers?))\s+[\"“]?$",
             re.IGNORECASE))  # (a quote may open before the figure: killed "at least 17 civilians")
# a toll told again, corrected: "later raised the figure to nine", "revised it to 12"
_REVISED_TO = re.compile(r"\b(?:raised|revised|updated|corrected|lowered|later put)\s+(?:the\s+|"
                         r"its\s+|their\s+|it\s+)?(?:(?:death\s+)?(?:figure|toll|number|count)"
                         r"\s+)?(?:to|at)\s+$", re.IGNORECASE)
_PARTITIVE_AGENT = re.compile(r"^\s+of\s+(?:the|their|its|his|her|our)\s+(?:[\w-]+\s+)?"
                              r"(?:aircraft|jets?|drones?|planes?|helicopters?|units?|ships?|"
                              r"warplanes?|missiles?)\s+(?:had\s+|has\s+)?(?:killed|struck|hit)\b",
                              re.IGNORECASE)
_AMONG = re.compile(r"\bamong\s+(?:the\s+)?$", re.IGNORECASE)
# a count right after the verb: "killed two survivors", "killing three men and wounding two",
# "killed its three crew members"
_KILL_DIRECT = re.compile(r"\bkill(?:ed|ing|s)?(?:\s+all)?(?:\s+(?:its|their|the))?\s+[\"“]?$",
                          re.IGNORECASE)
# a count heading a long subject, its verb after the modifiers: "Fourteen narco-terrorists
# aboard four boats in the Eastern Pacific were killed", "Six people on board the vessel,
# which the military said was run by a cartel, were killed". Only where the count opens its
# clause (_SUBJECT_OPENS): a figure inside the modifier ("four boats") counts its own noun.
_NO_VERB = (r"(?:were|was|are|is|been|be|being|have|has|had|and|or|but|who|which|that|said|"
            r"says|told|killed|died|dead|wounded|injured|hurt|struck|hit|arrested|detained|"
            r"survived|missing|rescued|fled|escaped)")
_FAR_WORD = rf"(?!{_NO_VERB}\b)[\w’'\"“”.‑-]+"  # ('"narco-terrorists"', "U.S.")
_FAR_HEAD = (r"(?!(?:days?|weeks?|months?|years?|hours?|minutes?|times?|percent|per\s+cent|"
             r"miles?|kilometers?|kilometres?|km|strikes?|boats?|vessels?|ships?)\b)")
_FAR_MODIFIER = (rf"\s+(?:aboard|on\s+board|onboard|on|in|inside|at|near|from|off|of|along|"
                 r"with|travelling|traveling|riding|sailing|driving|believed|suspected|"
                 rf"linked|aged)\b(?:\s+{_FAR_WORD}){{1,10}}?")
_FAR_ASIDE = (r"(?:,\s+(?:the|an?)\s+[^,;]{1,40}?(?=,))?"  # ", the powerful militia"
              r",\s+(?:(?:which|who|whom|whose|where|when|that|according)\b[^,;]{1,120}?|"
              # ", the group's leader among them,", ", among them a commander,"
              r"[^,;]{1,60}?\s+among\s+them|among\s+them\s+[^,;]{1,60}?),")
# "three fleeing men who had sheltered beneath a tree died", "Five people who were
# travelling in the car were killed": a restrictive relative clause on the counted noun (not
# "who survived", "who said": the clause tells of others then)
_FAR_REL_WORD = (r"(?!(?:survived?|survivors?|escaped|rescued|said|says|told|killed|died|dead|"
                 r"and|but|wounded|injured)\b)[\w’'\"“”.‑-]+")
_FAR_RELATIVE = rf"\s+(?:who|that)(?:\s+{_FAR_REL_WORD}){{1,12}}?"
_KILL_FAR = re.compile(
    rf"\s+{_FAR_HEAD}{_FAR_WORD}(?:\s+{_FAR_WORD}){{0,2}}?"
    rf"(?:{_FAR_MODIFIER}(?:{_FAR_ASIDE})?|{_FAR_ASIDE}|{_FAR_RELATIVE})"
    r"\s+(?:(?:were|was|had\s+been|have\s+been)\s+(?:(?:all|reportedly|later|also)\s+)?"
    r"(?:killed|slain|dead)|(?:(?:all|reportedly|later|also)\s+)?died)\b", re.IGNORECASE)
_SUBJECT_OPENS = caseless(re.compile(  # (on lower-cased text: no case folding per character)
    r"(?:^|[.;:!?)—–]\s+|,\s+|\b(?:said|says|say|that|and|but|while|"
    r"when|after)\s+)[\"“]?(?:(?:all|the|all\s+the)\s+)?$", re.IGNORECASE))
# "the three crew members, all of whom died"
_ALL_OF_WHOM = re.compile(rf"^\s+{_GAP}[\w’'-]+,?\s+(?:all|both|each)\s+of\s+(?:whom|them)\s+"
                          r"(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:killed|died|dead)\b",
                          re.IGNORECASE)
# between two counts of one toll: "a commander and", "84 Wagner fighters and"
_AND_ALSO = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+,?\s+(?:and|as well as|plus)\s+$",
                       re.IGNORECASE)
# a list of the kinds of the dead: "killed three soldiers, two policemen and four civilians"
# (the comma between the first two; an "and" before the last)
_LIST_COMMA = re.compile(r"\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+,\s+$")
# a total first, then its breakdown: "killed 12 people, ten civilians and two soldiers"
_TOTAL_NOUN = re.compile(r"\s+(?:people|persons|others|dead|in\s+all|in\s+total|of\s+them|"
                         r"of\s+whom)\b", re.IGNORECASE)


def _listed_kind(text: str, last: CountExpr | None, c: CountExpr, nxt: CountExpr | None,
                 counts: dict[str, tuple[int | None, int | None]]) -> bool:
    """Whether `c` is a middle item of a list of the kinds of the dead the toll just read
    opens ("killed three soldiers, two policemen and four civilians": nine), the list closed
    by "and" before the next figure; not a breakdown after a total ("12 people, ten …")."""
    return last is not None and nxt is not None and "killed" in counts and \
        bool(_LIST_COMMA.fullmatch(text, last.end, c.start)) and \
        not _TOTAL_NOUN.match(text, last.end) and \
        bool(_AND_ALSO.fullmatch(text, c.end, nxt.start)) and \
        not _CLAUSE_VERB.search(text, last.end, nxt.start) and \
        not re.match(r"\s+of\s+(?:them|whom)\b", text[c.end:c.end + 20])


# "two people were killed and two ...": the first count's clause ended with its verb
_CLAUSE_VERB = re.compile(r"\b(?:were|was|are|is|have|has|had|killed|died|dead|wounded|"
                          r"injured)\b", re.IGNORECASE)
# a count with a verb of its own is no part of the toll before it ("... and wounded 13")
_VERB_AFTER = re.compile(r"^\s+(?:[\w’'-]+\s+){0,4}?(?:were|was|are|is|have|has|had|"
                         r"injured|wounded|hurt|survived|missing|remain)\b", re.IGNORECASE)
_INJ_AFTER = re.compile(
    rf"^\s+{_GAP}(?:(?:were|was|have been|had been|are|were also|also)\s+){{0,2}}"
    r"(?:injured|wounded|hurt|injuries)\b", re.IGNORECASE)
_INJ_BEFORE = re.compile(r"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt)\s+(?:another\s+)?$",
                         re.IGNORECASE)
# only words that say "civilian" count as civilians (the coders' rule: "nine villagers"
# is a count of the killed, not a finding on their status)
_CIV = re.compile(rf"^\s+(?:of (?:them|whom)\s+)?{_GAP}(?:civilians?|non-combatants?|"
                  r"bystanders?|citizens)\b", re.IGNORECASE)
_CHILD = re.compile(rf"^\s+(?:of (?:them|whom)\s+)?{_GAP}(?:children|child|kids|minors|boys|"
                    r"girls)\b", re.IGNORECASE)
# "Two more died later": a count that adds to one told before
_MORE = re.compile(r"^\s+(?:more|others?|further|additional)\b", re.IGNORECASE)
# "The strike also killed three fighters", "three fighters also died": more of the toll
# told before (not "also killed in the strike was ...": a name, no count)
_ALSO_BEFORE = anchored(re.compile(r"\balso\s+(?:killed|killing|left)\s+[\"“]?$", re.IGNORECASE))
_ALSO_AFTER = re.compile(rf"^\s+{_GAP}(?:(?:of\s+the\s+)?[\w-]+\s+(?:forces|army|police)\s+)?"
                         r"(?:(?:were|was|had|have)\s+)?also\s+(?:been\s+)?"
                         r"(?:killed|died|dead)\b", re.IGNORECASE)
# "the two also died": the ones told before, told again; no more of them
_THE_BEFORE = re.compile(r"\b(?:the|those|these)\s+$", re.IGNORECASE)
# "three fighters were killed in the strike as well", "... died too"
_AS_WELL_AFTER = re.compile(rf"^\s+{_GAP}(?:(?:were|was|had been|have been)\s+)?"
                            r"(?:killed|died)\b[^,.;]{0,40}?\b(?:as well|too)\b", re.IGNORECASE)
_HE_AND = re.compile(r"(?:\b(?:he|she)|(?:^|[.;:,]\s+)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
                     r"\s+and\s+$")
# one person killed by name or title, then "and N others" of the same act: "killed the senior
# commander Haytham Tabatabai, and four other people died", "killing Ali Karaki and two
# others", "the commander was killed in the raid, and three more died" (`_NAMED_ONE_AND`)
_ONE_NAMED = (r"(?:[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][\w'’-]+){0,3}|"
              r"(?:commander|leader|chief|head|founder|spokesman|official|officer|driver|"
              r"deputy))")
_NAMED_ONE_AND = re.compile(
    r"(?:\bkill(?:ed|ing)\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,4}?"
    + _ONE_NAMED + r"|(?:^|[.;:,]\s+)(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?" + _ONE_NAMED +
    r"\s+(?:was|had\s+been|has\s+been)\s+killed(?:\s+(?:in|by|on)\s+[^,;.]{1,40})?)"
    r",?\s+and\s+$")
_OTHERS = re.compile(r"^\s+(?:others?|more)\b", re.IGNORECASE)
# the same one as a subject with the dead after it: "a senior military official of the PKK
# and two more of its members died" (only where a death verb follows: `_KILL_AFTER`)
_ONE_TITLED_AND = re.compile(
    r"(?:^|[.;:,]\s+|\bthat\s+)(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:commander|leader|chief|head|founder|spokesman|official|officer|driver|deputy)"
    r"(?:\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?,?\s+and\s+$")
# "a third person was killed": one more than the two told before
_NTH = re.compile(r"\s+(?:" + "|".join(ranks_up_to(ORDINAL_VALUES, 7, least=2)) +
                  r")\s+(?!(?:strike|attack|"
                  r"raid|time|day|boat|vessel)s?\b)", re.IGNORECASE)
_ANOTHER = re.compile(r"\b(?:another|a further)\s+$", re.IGNORECASE)
# ", including three women," between a count and its verb; and a short aside, or two,
# right before a death verb ("one person, not yet identified, was killed", "two people, both
# civilians, died", "three members of the militia, its armed wing, among them a commander,
# died")
_ASIDE = re.compile(r"(?:,\s+[^,.;]{1,40}){1,2},"
                    r"(?=\s+(?:(?:was|were|had been|have been|has been)\s+(?:killed|slain)|"
                    r"died)\b)|"
                    r",\s+(?:including|among them|among whom|\w+ of (?:them|whom))\b[^,.;]{0,60},")
_STRIKES = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:strikes|airstrikes|air strikes|drone strikes|attacks|raids|"
    r"bombings|sorties|operations|shellings|bombardments)\b", re.IGNORECASE)
_TARGET_NOUNS = r"(?:boats|vessels|ships|skiffs|speedboats|semi-submersibles)"
_HIT_BEFORE = caseless(re.compile(r"\b(?:struck|hit|destroyed|sank|sunk|targeted|attacked)\s+$",
                         re.IGNORECASE))
_TARGETS_AFTER = re.compile(rf"^\s+(?:[\w-]+\s+)?{_TARGET_NOUNS}\b", re.IGNORECASE)
# "14 vessels have been destroyed", "three boats in the eastern Pacific were hit", "two
# vessels off the coast of Venezuela were struck": where the craft were (a short phrase of
# place, no verb or clause in it) stands between the counted craft and their passive verb
_PLACE_WORD = r"(?!(?:and|but|which|that|who|when|after|while|were|was|had)\b)[\w'’.-]+"
_CRAFT_WHERE = (rf"(?:,?\s+(?:in|off|near|on|across|inside)\s+(?:{_PLACE_WORD}\s+){{0,5}}?"
                rf"{_PLACE_WORD},?)?")
_TARGETS_HIT = re.compile(rf"^\s+(?:[\w-]+\s+)?{_TARGET_NOUNS}{_CRAFT_WHERE}\s+"
                          r"(?:(?:have|had|has)\s+)?"
                          r"(?:been|were)\s+(?:destroyed|hit|struck|sunk|sank|targeted|"
                          r"attacked|bombed)\b",
                          re.IGNORECASE)
# the words between a count and its survivors or missing never pass the count's own death
# word or the next count's "and": "left two people dead and one survivor" tells two dead
_OWN_GAP = (r"(?:(?!\d)(?!(?:dead|killed|died|and|but|while)\b)[\w’'\"“”‑-]+\s+|"
            r"\([\w’'. -]{1,20}\)\s+){0,4}?")
_SURV = re.compile(rf"^\s+{_OWN_GAP}(?:survivors?|survived|were rescued|were pulled)\b",
                   re.IGNORECASE)
_MISS = re.compile(rf"^\s+{_OWN_GAP}(?:(?:were|are|remain|remained|was|is|still)\s+)*missing\b|"
                   r"^\s+(?:missing|unaccounted)", re.IGNORECASE)
# "one of two Trinidadians who died", "two of three Britons killed in the strike": some of a
# group told by who they were (no article: not "of the six who died") among the dead, which
# may be more; neither figure is the toll
_PART_OF_FEW = re.compile(rf"^\s+of\s+(?P<few>{_NUM})\s+(?:[\w'’-]+\s+){{1,2}}?"
                          r"(?:(?:who|that)\s+(?:had\s+|have\s+)?(?:died|perished|"
                          r"(?:were|had been|have been)\s+killed)|killed)\b", re.IGNORECASE)
# "15 of the wounded needed hospital care": part of a toll told before, not a toll
_SUBSET = re.compile(r"^\s+of\s+(?:the|those)\s+(?:wounded|injured|dead|killed|victims|"
                     r"casualties)\b", re.IGNORECASE)
# "three of the wounded later died in hospital", "one of those injured has since succumbed":
# dead beyond the toll told (they were counted hurt, not dead), more of it
_HURT_DIED = re.compile(r"^\s+of\s+(?:the|those)\s+(?:[\w-]+\s+)?(?:wounded|injured|hurt)"
                        r"(?:,[^,.;]{1,30},)?\s+(?:(?!(?:and|but|while)\b)[\w,'’-]+\s+){0,4}?(?:(?:have|has|had)\s+)?"
                        r"(?:(?:later|since|subsequently|also)\s+)?(?:died|succumbed|"
                        r"passed\s+away)\b", re.IGNORECASE)
# "two of the six people who died", "two of the 11 killed": some of a toll the clause tells
# whole (the figure after "of the" is the toll; "one of two Trinidadians who died" may be
# two among more dead); not "three of the five men aboard were
# killed", where the verb counts the part, nor "eight of the 11 dead were aboard the two
# boats in the Pacific", where the part is one boat's or one place's toll
_PART_OF_TOLL = re.compile(rf"^\s+of\s+(?:the|those|these)\s+{_NUM}\s+"
                           r"(?:(?!(?:were|was|are|is|had|have|has)\b)[\w'’-]+\s+){0,2}?"
                           r"(?:(?:who|that)\s+(?:had\s+|have\s+)?(?:died|perished|"
                           r"(?:were|had been|have been)\s+killed)|killed|dead)\b"
                           r"(?!\s+(?:were|was)\s+(?:aboard|on|in|at|from)\b)",
                           re.IGNORECASE)
# "nine of them died", "three of whom were killed": the dead among those told before, a
# toll (not "20 people, nine of them children")
_OF_THEM_DIED = re.compile(r"^\s+of\s+(?:them|whom)\s+(?:(?:were|was|had\s+been|have\s+been)"
                           r"\s+(?:killed|slain)|(?:had\s+|have\s+)?died)\b", re.IGNORECASE)
_NONE_OF = anchored(re.compile(r"\bnone\s+of\s+(?:the|those|these)\s+$", re.IGNORECASE))
# "left four U.S. troops and a military dog injured": what "left" leaves is said after the
# whole object; hurt, not dead
_LEFT = re.compile(r"\bleft\s+[\"“]?$", re.IGNORECASE)
_LEFT_HURT = re.compile(r"(?:(?!\b(?:dead|killed|died|lifeless)\b|(?<![A-Z])\.\s)[^;:])"
                        r"{0,80}?\b(?:injured|wounded|hurt)\b", re.IGNORECASE)
_INCLUDING = re.compile(r"\b(?:including|among them|among whom)\s+$", re.IGNORECASE)
_ZERO = anchored(re.compile(
    r"\b(?:no one|nobody) (?:was|were) (?P<zk>killed|hurt|injured|wounded)|"
    r"\bno (?:people|persons|residents|one else) (?:was|were) (?P<zk3>killed|hurt|injured|"
    r"wounded)|"
    r"\bno (?P<zc>casualties|deaths|fatalities|injuries|survivors)\b|"
    r"\bnone (?:were|was) (?P<zk2>killed|injured|hurt)|"
    r"\bthere were no (?P<zc2>survivors|casualties)|"
    # ("no civilians are thought to have been killed", "not a single civilian was hurt")
    r"\b(?:no|not a single|not one) (?P<zciv>civilians?|non-combatants|bystanders) "
    r"(?:(?:was|were|had been|have been|has been) |(?:is|are|was|were) (?:thought|believed|"
    r"understood|reported|known|said) to have been )?(?:killed|harmed|hurt|injured|wounded|"
    r"among the dead)|"
    # "killed no civilians", "killed or injured no civilians", "no civilian casualties"
    r"\b(?:kill(?:ed|ing)|harm(?:ed|ing)|hurt(?:ing)?|injur(?:ed|ing)|wound(?:ed|ing))"
    r"(?: or (?:kill(?:ed|ing)|harm(?:ed|ing)|hurt(?:ing)?|injur(?:ed|ing)|wound(?:ed|ing)))? "
    r"no (?P<zciv2>civilians?|non-combatants|bystanders)\b|"
    # "no reports of civilian casualties", "no evidence of collateral damage or civilian
    # casualties", "nothing to suggest civilian casualties"
    r"\b(?:no|nothing to suggest|no (?:signs?|evidence|reports?|indications?) of)\s+"
    r"(?:[\w-]+\s+(?:[\w-]+\s+)?or\s+)?(?P<zciv3>civilian) (?:casualties|deaths|fatalities)\b|"
    # "nobody else died, civilians included"
    r"\b(?:no one|nobody) else (?:died|was killed)\W+(?P<zciv4>civilians) included\b|"
    # "the attacks have killed no one", "caused only material damage"
    r"\bkill(?:ed|ing) (?P<zk4>no one|nobody)\b|"
    # "nobody died", "did not kill anyone", "leaving no dead", "no loss of life",
    # "without causing casualties"
    r"\b(?:(?:no one|nobody) (?:died|perished|lost (?:his|her|their) li(?:fe|ves))|"
    r"(?:did not|didn't|does not|doesn't) kill (?:anyone|anybody)|"
    r"(?:leaving|left|leave) no (?:one )?dead|no loss of (?:human )?life|"
    r"without (?:causing |any |causing any )(?:casualties|deaths|fatalities))\b(?P<zk5>)|"
    r"\b(?:caused|causing|did|resulted in) (?:only )?(?P<zmat>material damage)\b", re.IGNORECASE))
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|"
           r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\s+$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b")
_KILL_CONTEXT = anchored(
    re.compile(r"\b(?:kill|killed|killing|dead|died|deaths|death toll|toll|slain)\b",
                           re.IGNORECASE))


def _read_zeros(text: str, put: Callable[[str, Range, int, int], None]) -> None:
    """"No one was killed", "no civilians were harmed", "no survivors": counts of zero."""
    for m in _ZERO.finditer(text):
        if m.group("zciv") or m.group("zciv2") or m.group("zciv3") or m.group("zciv4"):
            put("civilians_killed", (0, 0), m.start(), m.end())  # "no civilians were harmed"
            continue
        if m.group("zk4") or m.group("zmat") or m.group("zk5") is not None:
            put("killed", (0, 0), m.start(), m.end())
            continue
        word = (m.group("zk") or m.group("zk2") or m.group("zk3") or m.group("zc") or
                m.group("zc2")).lower()
        if word in ("killed", "casualties", "deaths", "fatalities"):
            put("killed", (0, 0), m.start(), m.end())
        if word in ("hurt", "injured", "wounded", "injuries", "casualties"):
            put("injured", (0, 0), m.start(), m.end())
        if word == "survivors":
            put("survivors", (0, 0), m.start(), m.end())


# a figure denied: "not one terrorist but ...", "not a single fighter" ("not only")
_NOT_ONE = re.compile(r"\bnot\s+(?:a\s+single\s+|even\s+)?$", re.IGNORECASE)
# between a count and a nearer one that reaches the death verb: a verb of saying ("Two
# officials said three people were killed") or one bare word ("by one count eleven
# fighters died", "according to one source two men were killed"): the first counts the
# sources or the accounts, not the dead
_SAID_BETWEEN = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?(?:said|says|say|told|tell|tells|"
                           r"reported|reports|estimated|claimed|added|stated)\s+"
                           r"(?:(?:that|on\s+\w+|\w+\s+that)\s+)?$|"
                           r"\s+(?!(?:and|or|of|to|from|by|in|on|at|plus|than|nor|but|with|"
                           r"including|among|aboard)\s)[\w’'-]+\s+$", re.IGNORECASE)


def _counts_sources(text: str, c: CountExpr, nxt: CountExpr | None) -> bool:
    """Whether count `c` counts who told the toll, not the dead: the next count follows
    it across a verb of saying or one bare word, with no comma or link word between, and
    itself reaches a death verb. Read through the gap, the first figure took the toll
    ("Two officials said three people were killed" read 2)."""
    if nxt is None or nxt.start - c.end > 40:
        return False
    return bool(_SAID_BETWEEN.match(text, c.end, nxt.start)) and \
        bool(_KILL_AFTER.match(text[nxt.end:nxt.end + 80]))


def read_counts(text: str, offset: int = 0, more: set[str] | None = None
                ) -> tuple[dict[str, Range], list[str], dict[str, tuple[int, int]]]:
    """Counts in one sentence/clause: {field: (low, high)}, approx fields, field -> span.

    `more`, when given, receives the fields whose count adds to one told in an earlier
    sentence ("Three were killed. Two more died later in hospital")."""
    counts: dict[str, Range] = {}
    approx: list[str] = []
    spans: dict[str, tuple[int, int]] = {}

    def put(name: str, rng: Range, a: int, b: int, is_approx: bool = False) -> None:
        if name in counts:
            return
        counts[name] = rng
        spans[name] = (offset + a, offset + b)
        if is_approx:
            approx.append(name)

    _read_zeros(text, put)
    kill_ctx = bool(_KILL_CONTEXT.search(text))
    added_at: set[int] = set()
    last_killed: CountExpr | None = None
    direct_kill = False  # the killed count was the object of "killed"
    far_subject: int | None = None  # where a toll's long subject ends ("... were killed")
    boats: tuple[Range, int, int, bool] | None = None  # the boats that subject was aboard

    def add_killed(c: CountExpr) -> None:
        """One more part of the toll just read: "killed a commander and three fighters"."""
        nonlocal last_killed
        low, high = counts["killed"]
        counts["killed"] = (None if low is None or c.low is None else low + c.low,
                            None if high is None or c.high is None else high + c.high)
        spans["killed"] = (spans["killed"][0], offset + c.end)
        last_killed = c

    exprs = count_expressions(text)
    parts: set[int] = set()  # where a figure of a part's group stands ("of two Britons")
    for i, c in enumerate(exprs):
        right = text[c.end:c.end + 80]
        left = text[max(0, c.start - 90):c.start]
        if _NOT_ONE.search(left):
            continue  # "held not one terrorist but ten dead civilians": a count denied
        if c.start in parts:
            continue  # the "two" of "one of two Trinidadians who died"
        if _counts_sources(text, c, exprs[i + 1] if i + 1 < len(exprs) else None):
            continue  # "Two officials said three people were killed": the toll is three
        if _PART_OF_TOLL.match(right):
            continue  # "two of the six people who died": the toll is six
        few = _PART_OF_FEW.match(right)
        if few is not None:
            parts.add(c.start)
            parts.update(e.start for e in exprs[i + 1:i + 2]
                         if e.start == c.end + few.start("few"))
            continue  # "one of two Trinidadians who died": some of the dead, told by origin
        if _HURT_DIED.match(right) and c.low is not None:
            # "three of the wounded later died": more dead than the toll told
            if "killed" in counts:
                add_killed(c)
            else:
                added_at.add(c.start)
                put("killed", (c.low, c.high), c.start, c.end + _HURT_DIED.match(right).end())  # type: ignore[union-attr]
            continue
        if _EITHER_AFTER.match(right) or _EITHER_BEFORE.search(left):
            continue  # "twelve soldiers were killed or wounded": casualties, no toll
        nth = _NTH.match(right) and text[c.start:c.end].lower() == "a"  # "a third person"
        added = bool(_MORE.match(right) or _ANOTHER.search(left) or
                     _ALSO_BEFORE.search(left) or _ALSO_AFTER.match(right) or
                     _AS_WELL_AFTER.match(right) or nth) and not _THE_BEFORE.search(left)
        if added and c.low is not None and (_HE_AND.search(left) or (
                "killed" not in counts and _OTHERS.match(right) and
                not re.search(r"\d", left) and (_NAMED_ONE_AND.search(left) or (
                    _ONE_TITLED_AND.search(left) and
                    _KILL_AFTER.match(_MORE.sub("", right, count=1)))))):
            # "he and one more of the group's operatives were killed": the one named
            # before counts too, and the toll adds to nothing told earlier
            added = False
            right = _MORE.sub("", right, count=1)
            c = CountExpr(c.start, c.end, c.low + 1, None if c.high is None else c.high + 1,
                          c.approx)
        if added and "killed" in counts and c.low is not None and (
                _ALSO_AFTER.match(right) or _ALSO_BEFORE.search(left) or
                _AS_WELL_AFTER.match(right)):
            # "killed four militants, while three soldiers were also killed": more of
            # the toll this very clause told, added to it (not to one told before)
            low, high = counts["killed"]
            counts["killed"] = (None if low is None else low + c.low,
                                None if high is None or c.high is None else high + c.high)
            spans["killed"] = (spans["killed"][0], offset + c.end)
            continue
        if added:
            added_at.add(c.start)
            right = _MORE.sub("", right, count=1)  # "two more died": the count's verb
        # ", including three women,": read past the aside (two asides may run past the
        # 80 characters read, so it is looked for in a wider window)
        wide = text[c.end:c.end + 160] if right == text[c.end:c.end + 80] else right
        # (but "three crew members, all of whom died in the attack, were ..." tells the
        # toll in what would read as the aside)
        all_died = _ALL_OF_WHOM.match(right) is not None
        aside = _ASIDE.search(wide, 0, 140)
        if aside is not None and aside.start() < 40:
            right = (wide[:aside.start()] + wide[aside.end():])[:80]
        rng = (c.low, c.high)
        # a year ("in 2016") or a day of a month ("August 10", "16 January") is no count
        if c.low is not None and 1900 <= c.low <= 2100 and c.low == c.high:
            continue
        if _MONTH_BEFORE.search(left) or _MONTH_AFTER.match(right):
            continue
        end_right = c.end + 40
        hit = _HIT_BEFORE.search(left) and _TARGETS_AFTER.match(right) or \
            _TARGETS_HIT.match(right)
        if hit and (c.low or 0) >= 2:
            # "struck two boats", "14 vessels have been destroyed": one strike per target
            put("strikes", rng, c.start, c.end + hit.end(), c.approx)
            continue
        if _PARTITIVE_AGENT.match(right):
            continue  # "one of their aircraft killed 11 civilians": the aircraft is no toll
        if _TARGETS_AFTER.match(right):
            if far_subject is not None and c.start < far_subject and (c.low or 0) >= 2:
                # "Fourteen people aboard four boats were killed": a toll over four boats
                # (unless the clause counts its strikes: "... died in three strikes")
                boats = (rng, c.start, c.end + _TARGETS_AFTER.match(right).end(), c.approx)  # type: ignore[union-attr]
            continue  # "strikes on four vessels killed 14": the boats are no toll
        if _STRIKES.match(right):
            put("strikes", rng, c.start, c.end + _STRIKES.match(right).end(), c.approx)  # type: ignore[union-attr]
            continue
        direct = bool(_KILL_DIRECT.search(left))  # "killed two survivors", "killing three
        none_of = _NONE_OF.search(left)  # men and wounding two"
        surv = _SURV.match(right)
        if surv is not None and none_of is not None:
            # "none of the six survived": no survivors, and six dead
            put("survivors", (0, 0), c.start - len(none_of.group(0)), c.end + surv.end())
            put("killed", rng, c.start, c.end, c.approx)
            continue
        if surv is not None and not direct:
            put("survivors", rng, c.start, c.end + _SURV.match(right).end(), c.approx)  # type: ignore[union-attr]
            continue
        if _MISS.match(right) and not direct:
            put("missing", rng, c.start, c.end + _MISS.match(right).end(), c.approx)  # type: ignore[union-attr]
            continue
        if "killed" in counts and (_REVISED_TO.search(left) or (
                _AMONG.search(left) and _KILL_AFTER.match(right))):
            # "first put the dead at seven, and later raised the figure to nine"; "the
            # commander and two guards were among four people killed": the whole toll
            counts["killed"] = rng
            spans["killed"] = (offset + c.start, offset + c.end)
            continue
        # (the opening is sought in the whole text before the count: `left` is cut short)
        far = _KILL_FAR.match(text, c.end, c.end + 220) \
            if _SUBJECT_OPENS.search(text, 0, c.start) else None
        after, hurt = _KILL_AFTER.match(right), _INJ_AFTER.match(right)
        # "Thirty people were wounded and four killed": the count's own verb is the
        # hurt one; the death verb read through the gap is the next count's
        hurt_first = after is not None and hurt is not None and hurt.end() < after.end()
        killed_here = bool((after and not hurt_first) or _KILL_BEFORE.search(left) or
                           _ALL_OF_WHOM.match(right) or all_died or far)
        injured_here = not direct and bool(hurt or _INJ_BEFORE.search(left)
                                           or (_LEFT.search(left) and _LEFT_HURT.match(right)))
        including = bool(_INCLUDING.search(left)) or (
            (right.startswith(" of them") or right.startswith(" of whom")) and
            not _OF_THEM_DIED.match(right)) or bool(_SUBSET.match(right))
        child, civ = _CHILD.match(right), _CIV.match(right)
        if civ is not None and child is not None and civ.end() < child.end():
            child = None  # "20 civilians including children": the count counts civilians
        nxt = exprs[i + 1] if i + 1 < len(exprs) else None
        if nxt is not None and _AND_ALSO.fullmatch(text, c.end, nxt.start) and \
                not _CLAUSE_VERB.search(text, c.end, nxt.start):
            # "two soldiers and three civilians were killed": the civilians are the next
            # count's, and the two soldiers are killed by the verb the two counts share
            # (however far it is: "84 Wagner fighters and 47 Malian soldiers were killed")
            if civ is not None and c.end + civ.end() > nxt.start:
                civ = None
            if child is not None and c.end + child.end() > nxt.start:
                child = None
            if _SUBJECT_OPENS.search(text, 0, c.start):  # not "hit a farm and one person"
                killed_here = killed_here or bool(
                    _KILL_AFTER.match(text[nxt.end:nxt.end + 80]) or
                    _KILL_FAR.match(text, nxt.end, nxt.end + 220))
        # "... and three civilians were killed" after "two soldiers": one toll, one verb
        shared = killed_here and last_killed is not None and "killed" in counts and \
            bool(_AND_ALSO.fullmatch(text, last_killed.end, c.start)) and \
            not _CLAUSE_VERB.search(text, last_killed.end, c.start) and \
            bool(_SUBJECT_OPENS.search(text, 0, last_killed.start))
        if child and (killed_here or (including and kill_ctx)):
            put("children_killed", rng, c.start, min(end_right, c.end + 30), c.approx)
            if shared:
                add_killed(c)
            elif not including and "killed" not in counts:
                put("killed", rng, c.start, c.end, c.approx)
                last_killed = c  # "nine children and one woman were killed": ten
            continue
        if civ and (killed_here or (including and kill_ctx)):
            put("civilians_killed", rng, c.start, min(end_right, c.end + 30), c.approx)
            if shared:
                add_killed(c)
            elif not including:
                put("killed", rng, c.start, c.end, c.approx)
                last_killed = c
            continue
        if _SUBSET.match(right):
            continue  # "15 of the wounded needed care": part of the toll, not another
        if injured_here and (after is None or hurt_first):
            put("injured", rng, c.start, c.end, c.approx)
            continue
        joined = shared or (
            last_killed is not None and "killed" in counts and
            bool(_AND_ALSO.fullmatch(text, last_killed.end, c.start)) and
            not _CLAUSE_VERB.search(text, last_killed.end, c.start) and
            not _VERB_AFTER.match(right)) or _listed_kind(text, last_killed, c, nxt, counts)
        if killed_here and not including and not joined:
            if direct and "killed" in counts and not direct_kill:
                # "stormed a militant hideout and killed at least 14 fighters": the figure
                # the verb takes is the toll, not "a militant" read through the gap
                del counts["killed"]
            if far is not None and "killed" not in counts:
                far_subject = far.end()
            put("killed", rng, c.start, c.end, c.approx)
            direct_kill = direct_kill or direct
            last_killed = c
            continue
        if joined and last_killed is not None:
            # "killed a commander and three fighters", "left 84 A and 47 B dead": one toll
            # (and "killed two soldiers and three civilians": the three are civilians)
            add_killed(c)
            if civ is not None:
                put("civilians_killed", rng, c.start, min(end_right, c.end + 30), c.approx)
            if child is not None:
                put("children_killed", rng, c.start, min(end_right, c.end + 30), c.approx)
    if boats is not None:
        put("strikes", *boats)
    if "kill" in text or "Kill" in text or "died" in text:
        _with_companions(text, counts, spans, offset)
    if "killed" not in counts and ("kill" in text or "Kill" in text or "slain" in text or
                                   "died" in text):
        two = _TWO_KILLED.search(text) or _BOTH_KILLED.search(text)
        one = _ONE_KILLED.search(text)
        if one is not None and any(one.start() <= p < one.end() for p in parts):
            one = None  # "a fisherman thought to be one of two Britons who died"
        if two is not None:
            # "killing its rider and a boy", "killing both men aboard"
            put("killed", (2, 2), two.start(), two.end())
        elif one is not None:
            put("killed", (1, 1), one.start(), one.end())  # "killed a local commander"
    if more is not None and added_at:
        more.update(k for k, (a, _) in spans.items() if a - offset in added_at)
    return counts, approx, spans


# one person killed, told with an article instead of a figure: "killed a young woman",
# "a local commander of the group was killed" (a plural or "a number of" is no one)
_PERSON = (r"(?:man|woman|boy|girl|child|person|civilian|member|leader|commander|fighter|"
           r"militant|soldier|officer|official|journalist|farmer|driver|rider|aide|operative|"
           r"chief|cleric|teenager|resident|shepherd|fisherman|policeman|guard|terrorist|"
           r"figure|emir|planner|financier|passenger|pilot|doctor|nurse|student|worker)")
# a person's name: two to four capitalised words, "al-", "bin", "Abu" joining them
# (whole, and not a group's name before its members: "Islamic State fighters")
_NAME_WORDS = (r"(?>(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
               r"[A-Z][\w'’-]+(?:\s+(?:(?:al|bin|ibn|abu|el|de)[\s-]+)?[A-Z][\w'’-]+){1,3})")
_NAME = (_NAME_WORDS +
         r"(?=\s*(?:[,.;:)\"”]|$)|\s+(?:on|in|at|near|who|when|while|with|as|after|last|"
         r"earlier|during|inside|outside|from|over|the|a|an|his|her|its|their|by|early|late|"
         r"was|had|has|died)\b)")
_ONE_KILLED = re.compile(
    rf"\b(?:killed|killing|kills)\s+(?:a|an)\s+(?:(?!and\b|or\b)[\w'’\"-]+\s+){{0,4}}?"
    rf"{_PERSON}\b(?!\s+and\b)(?!['’]s)|"
    # "a senior leader of the group was killed", "an 'ISIS senior leader' died", "a
    # terrorist linked to the group was killed", "a leader who planned attacks ... died"
    rf"\b(?:a|an)\s+(?:[\w'’\"“-]+\s+){{0,4}}?{_PERSON}[\"”]?\s+"
    r"(?:(?:of|linked to|tied to|from|with|who)\s+[^,.;:]{1,60}?\s+)?"
    r"(?:(?:was|had been|has been)\s+(?:killed|slain)|died)\b|"
    # "killed him", "killed the leader of al Qaeda"
    r"\b(?:killed|killing)\s+(?:him|her|the\s+(?:[\w-]+\s+){0,2}(?:leader|chief|head|founder|"
    r"commander|emir|spokesman|deputy)\s+of)\b|"
    # a person by name: "killed Ayman al-Zawahiri", "killed al-Qaeda leader Ayman
    # al-Zawahiri", "Hassan Nasrallah had been killed"
    rf"\b(?:killed|killing)\s+(?:[\w'’-]+\s+){{0,2}}?{_PERSON}\s+(?-i:{_NAME})(?!\s+and\b)|"
    rf"(?-i:\b(?:killed|killing)\s+{_NAME}(?!\s+and\b)|"
    rf"{_NAME}\s+(?:(?:was|had been|has been)\s+(?:killed|slain|eliminated|assassinated)|"
    r"died\s+(?:in|when|after)\b))",
    re.IGNORECASE)
# two people, each told with an article or possessive: "killing its rider and a boy",
# "killed the driver and a passenger" (not "a man and his two sons": a figure counts)
_ONE_OF = r"(?:a|an|its|the|his|her|their|another)\s+(?:(?!and\b)[\w'’-]+\s+){0,2}?"
_TWO_KILLED = re.compile(
    rf"\b(?:killed|killing|kills)\s+{_ONE_OF}{_PERSON}\s+and\s+{_ONE_OF}{_PERSON}\b"
    rf"(?!\s+and\b)(?!['’]s)|"
    # two people by name: "the strike killed Abu Bara al-Tunisi and Abu Hamza al-Yemeni"
    rf"(?-i:\b(?:killed|killing)\s+{_NAME_WORDS}\s+and\s+{_NAME})", re.IGNORECASE)

# the one person killed and those killed with them: "killed Abu Omar al-Halabi, a senior
# commander, and his two adult sons", "killed a local leader along with another fighter",
# "killed commander Ali Hassan and his wife" (not "... and his two sons were wounded")
_KIN_PL = (r"(?:sons|daughters|children|brothers|wives|relatives|family\s+members|bodyguards|"
           r"guards|aides|companions|associates|deputies|assistants|escorts|fighters|"
           r"militants|operatives|members|commanders|lieutenants|others|men)")
_KIN_SG = (r"(?:son|daughter|child|wife|husband|brother|sister|father|mother|nephew|cousin|"
           r"bodyguard|guard|aide|driver|companion|associate|deputy|assistant|escort|"
           r"fighter|militant|operative|member|commander|lieutenant)")
_COMPANION = (rf"(?:(?:(?:his|her|their)\s+)?(?P<n>{_NUM})\s+(?:of\s+(?:his|her|their)\s+)?"
              rf"(?:[\w'’-]+\s+){{0,2}}?{_KIN_PL}|(?:his|her|their|another)\s+"
              rf"(?:[\w'’-]+\s+){{0,2}}?{_KIN_SG})\b(?![\w'’-])"
              r"(?!,?\s+(?:were|was|are|is|had|have|has|survived|escaped|fled)\b)")
_WITH_COMPANIONS = re.compile(
    r"\bkill(?:ed|ing|s)\s+(?:(?:a|an|the)\s+(?:(?!and\b)[\w'’\"“”-]+\s+){0,4}?"
    rf"{_PERSON}(?:\s+of\s+(?:the\s+|its\s+)?[\w'’-]+)?(?:\s+(?-i:{_NAME_WORDS}))?|"
    rf"(?:(?!(?:and|were|was|are|is|include|included|including)\b)[\w'’\"“”-]+\s+){{0,3}}?"
    rf"(?-i:{_NAME_WORDS}))[\"”]?"
    # an aside on the person (", a senior ISIS commander,"), not the first of a list
    r"(?:,\s+(?!(?:his|her|their)\b)[^,.;:]{1,60}?(?=,))?"
    r"(?:,?\s+(?:and|along\s+with|together\s+with|as\s+well\s+as|alongside|with)\s+|"
    r",\s+(?=(?:his|her|their)\s))[\"“]?"
    + _COMPANION, re.IGNORECASE)
# the next in a list of companions: "..., his wife and their two children"
_NEXT_COMPANION = re.compile(r",?\s+(?:and\s+)?" + _COMPANION, re.IGNORECASE)


# the one named and those beside them as the subject of the death verb: "Commander Ehsan,
# also known as Khawari, and two of his companions were reportedly killed", "Hamza Ali and
# his three bodyguards died" (not "... were wounded")
_NAMED_AND_COMPANIONS_DIED = re.compile(
    rf"(?:(?-i:{_NAME_WORDS})|\b{_PERSON}\s+(?-i:[A-Z][\w'’-]+)|"
    rf"\b(?:the|a)\s+(?:[\w'’-]+\s+){{0,3}}?{_PERSON})"
    r"(?:,\s+[^,.;:]{1,60}?,)?\s+and\s+(?:(?:his|her|their)\s+)?"
    rf"(?P<n>{_NUM})\s+(?:of\s+(?:his|her|their)\s+)?(?:[\w'’-]+\s+){{0,2}}?{_KIN_PL}\s+"
    r"(?:(?:were|had\s+been|have\s+been)\s+(?:(?:reportedly|also|all|later)\s+)?"
    r"(?:killed|slain)|(?:(?:reportedly|also|all|later)\s+)?died)\b", re.IGNORECASE)

# what `_NAMED_AND_COMPANIONS_DIED` needs, found cheaply first: a death verb, companions
# just before it
_DEATH_VERB = re.compile(r"\b(?:killed|slain|died)\b")
_KIN_BEFORE = re.compile(rf"\b{_KIN_PL}\s+(?:(?:were|had\s+been|have\s+been)\s+)?"
                         r"(?:\w+\s+)?$", re.IGNORECASE)


def _with_companions(text: str, counts: dict[str, Range],
                     spans: dict[str, tuple[int, int]], offset: int) -> None:
    """One person killed by name or article, and those killed with them ("... and his two
    sons", "..., his wife and their two children"): the toll is all of them. Only where no
    figure told the toll, or the toll read is that one person ("a" of "killed a commander
    along with another fighter")."""
    died = None
    for verb in _DEATH_VERB.finditer(text):
        if _KIN_BEFORE.search(text, max(0, verb.start() - 60), verb.start()):
            died = _NAMED_AND_COMPANIONS_DIED.search(text, max(0, verb.start() - 200),
                                                     verb.end())
            break
    if died is not None and "killed" in counts and \
            spans["killed"][0] - offset == died.start("n"):
        n = parse_number(died.group("n"))
        if n is not None and counts["killed"] == (n, n):
            # "X and two of his companions were killed": the two, and X
            counts["killed"] = (n + 1, n + 1)
            spans["killed"] = (offset + died.start(), offset + died.end())
            return
    m = _WITH_COMPANIONS.search(text)
    if m is None:
        return
    if "killed" in counts:
        a, _ = spans["killed"]
        if counts["killed"] != (1, 1) or not m.start() <= a - offset < m.end():
            return
    total, end = 1, m.end()
    c: re.Match[str] | None = m
    while c is not None:
        n = parse_number(c.group("n")) if c.group("n") else 1
        if n is None:
            return
        total, end = total + n, c.end()
        c = _NEXT_COMPANION.match(text, end)
    counts["killed"] = (total, total)
    spans["killed"] = (offset + m.start(), offset + end)


# "killing both men aboard", "both crew members were killed": two dead (a bare "both died"
# tells of the two told before)
_BOTH_KILLED = re.compile(r"\bkill(?:ed|ing)\s+both\b|\bboth\s+(?:(?!and\b)[\w'’-]+\s+){1,4}?"
                          r"(?:(?:were|had been|have been)\s+killed|died)\b", re.IGNORECASE)


def people_told_one_by_one(said: str) -> bool:
    """Whether a toll's words count people one by one, by an article or a name ("killed a
    commander", "a" of "a senior leader was killed", "Safaa Ahmad died in", "killing its
    rider and a boy"), not by a figure: beside a figure for the same strike they are among
    its dead, not a lower toll."""
    said = said.strip()
    return said.lower() in ("a", "an") or bool(
        _ONE_KILLED.fullmatch(said) or _TWO_KILLED.fullmatch(said) or _BOTH_KILLED.fullmatch(said))

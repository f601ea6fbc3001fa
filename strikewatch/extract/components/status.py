"""Component `status`: occurred, planned, threatened, denied or hypothetical, per frame.

Also the frame's hedges ("reportedly"), whether it is told as background ("decades
ago"), and whether it is no event at all (`drop`: negated — "no strike has been
reported" —, habitual — "routinely detained", "have in the past mounted raids", "has
attacked outposts many times" —, a pattern over time or a campaign waged — "has repeatedly
struck", "exchanged fire almost daily", "has waged an offensive", "over the past few weeks
the military has made strikes", "Since last month ... has launched drones", "has destroyed
vessels", "we hit a number of boats" —, a kind of act — "every strike", "each strike
kills", "the capacity to strike", the strikes people "were killed in" named with no
figure —, a ceasefire named as context — "committed to
the ceasefire" —, a rule — "the U.S. cannot deploy troops" —, or no act at all — strikes
someone tries to halt, an act someone is kept from doing ("an attempt to stop the president
from striking boats"), acts judged as a kind ("US airstrikes on boats violate international
law", "calling the strikes extrajudicial killings"), "we struck every boat", "attacked the
administration", an act feared or what a blast was taken for — "their first thought was an
attack by the gang"). An earlier
strike named beside the news ("a previous attack had killed eleven", "Just weeks earlier,
...") is background.
A denial of who struck in a sentence that itself tells the harm ("denied carrying out the
attack that killed 16") leaves the strike occurred, with "denied" among its hedges.
"""

from __future__ import annotations

import re

from strikewatch.caseless import lowered, may_hold
from strikewatch.extract.acts_over_days import acts_filling_days, acts_filling_period
from strikewatch.extract.anchored import anchored
from strikewatch.extract.context import Doc, Frame
from strikewatch.extract.described import (
    describes_party,
    fled_from,
    told_as_going_on,
    told_as_record,
)
from strikewatch.extract.pipeline import component
from strikewatch.extract.status import REPORT_NOUNS, is_background, read_hedges, read_status
from strikewatch.records import NOT_VIOLENT_TYPES

_NEGATED = anchored(re.compile(r"\b(?:never|not|n't|no longer)\s+(?:\w+ly\s+)?(?:been\s+)?$",
                               re.IGNORECASE))
# "no strike", "no such attack", "no US raid": the event word is negated
_NO_NOUN = re.compile(r"\b(?:no|not a|not one|not a single)\s+(?:(?:such|other|further|"
                      r"(?-i:[A-Z][\w.]*)|[\w-]+(?:ian|ese|ish))\s+){0,2}$", re.IGNORECASE)
# "No vessel of the navy has been attacked": a negated subject of the event verb
_NO_SUBJECT = re.compile(r"^\W*(?:no|none of (?:the|its|their))\s+[^,;]{0,60}?\b(?:has|have|had|"
                         r"was|were|is|are)\s+(?:ever\s+)?(?:been\s+)?$", re.IGNORECASE)
_HABITUAL = re.compile(r"\b(?:traditionally|usually|typically|routinely|normally|generally|"
                       r"customarily|often)\b[^.;,]{0,40}$", re.IGNORECASE)
_HABITUAL_WORDS = ("traditionally", "usually", "typically", "routinely", "normally",
                   "generally", "customarily", "often")
_CANNOT = re.compile(r"\b(?:cannot|can't|could not|may not)\b", re.IGNORECASE)
# history told as a habit: "the rebels have in the past mounted raids", "the region has long
# seen fighting", "... has attacked security forces many times"
_LONG_HABIT = re.compile(r"\b(?:in the past|(?:has|have|had) long|for (?:years|decades)|"
                         r"time and again|frequently|regularly)\b[^.;,]{0,40}$", re.IGNORECASE)
_LONG_HABIT_WORDS = ("in the past", "has long", "have long", "had long", "for years",
                     "for decades", "time and again", "frequently", "regularly")
_HABIT_AFTER = re.compile(r"[^.;]{0,60}?\b(?:many times|time and again|regularly|"
                          # "where gangs raid often", "militias that strike routinely"
                          r"often|routinely|habitually|constantly|all the time|"
                          r"since the (?:19|20)\d0s|for (?:years|decades)|"
                          r"frequently|in the past|"
                          # ("as before"; "the day before" is the previous day)
                          r"(?<!day )(?<!night )(?<!week )(?<!month )(?<!year )(?<!evening )"
                          r"(?<!morning )before(?=\s*(?:[,.;]|$)))", re.IGNORECASE)
_HABIT_AFTER_WORDS = ("many times", "time and again", "regularly", "often", "routinely",
                      "habitually", "constantly", "all the time", "since the ", "for years",
                      "for decades", "frequently", "in the past", "before")
# a kind of act, not an act: "every strike was in international waters", "not every raid
# is announced", "never before had more than one strike been announced", "the capacity to
# strike civilians"
_GENERIC = re.compile(r"(?:\b(?<!after )every\s+(?:[\w-]+\s+){0,2}|"
                      r"\bnever before\b[^.;,]{0,50}|"
                      r"\b(?:ability|capacity|capability|will|means|readiness)\s+to\s+)$",
                      re.IGNORECASE)
_GENERIC_WORDS = ("every", "never before", "ability", "capacity", "capability", "will",
                  "means", "readiness")
# "Each strike kills people never charged with a crime": each one of a kind (a noun after
# "each", not "Kyiv and Moscow each handed over")
_EACH = re.compile(r"\b(?<!after )each\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# the strikes as what the people a sentence is about died in: "Relatives of the men killed
# in the boat strikes gathered on Saturday" (a plural told as known, with no figure, dated
# by nothing of its own: the campaign named, no act)
_DIED_IN = re.compile(r"\b(?:killed|wounded|injured|died|dead)\s+(?:in|by)\s+(?:the|those|these|"
                      r"recent|US|U\.S\.|American|Israeli|Russian)\s+(?:[\w.-]+\s+){0,2}$",
                      re.IGNORECASE)
# "announces any military operation it carries out" (a threat's "any attack would ..." is
# a threat, kept)
_ANY = re.compile(r"\bany\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# a participle after its noun: "cartels designated as terrorist groups", "a group designated
# by Washington", "a helicopter deployed for the mission", "troops deployed along the
# border" (not "was designated as", "the US designated the group as")
_REDUCED_RELATIVE = re.compile(r"(?:designated|deployed|trained)\s+(?:as|by|to|in|for|on|at|"
                               r"near|across|along|over|with|from|into|against)\b",
                               re.IGNORECASE)
# a deployment named as what a move belongs to or stands beside, no act of its own: "as
# part of a vast military deployment", "amid a naval deployment", "during the deployment"
_PART_OF = re.compile(r"\b(?:part\s+of|amid|amidst|during|under)\s+(?:a|an|the|its|their|"
                      r"this|that|his|her)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|formally|officially|"
                         r"also|then|later|recently|[A-Z][\w.]*|U\.S\.|US|it|they|he|she|we)\s+$")


def _reduced_relative(text: str, ts: int) -> bool:
    """A participle right after its noun ("cartels designated as terrorist groups"), not a
    verb after its auxiliary or subject ("was designated as", "Washington designated")."""
    return bool(_REDUCED_RELATIVE.match(text, ts)) and \
        not _AUX_BEFORE.search(text[max(0, ts - 20):ts])


# a passive infinitive of purpose: "sent back to be detained", "handed over to be tried"
_PASSIVE_PURPOSE = re.compile(r"\bto\s+be\s+$", re.IGNORECASE)
# an act of violence named by a bare infinitive that no cue made a plan or a threat: what a
# place was used for or a permission allows ("the rebels have used it before to attack
# shipping", "authorization to strike at will"), not an act done — unless the verb before
# "to" tells the act was done ("went on to", "managed to", "began to")
_INFINITIVE = re.compile(r"\b([a-z]+)\s+to\s+$", re.IGNORECASE)
_DONE_BEFORE_TO = frozenset({"up", "close", "next", "due", "according", "on", "managed",
                             "proceeded", "began", "started", "continued", "went", "came",
                             "succeeded", "appeared", "seemed"})
_VIOLENT = ("Explosions/Remote violence", "Battles", "Violence against civilians")
_VIOLENT_NONE = (*_VIOLENT, None)  # (a violent type or none yet)


def _purpose_of_violence(f: Frame, before: str) -> bool:
    """An occurred violent event word told as a bare infinitive ("used it to attack
    shipping"): a purpose or a capacity, no act of its own."""
    word = f.trigger.text.split()[0].lower()
    if f.kind != "event" or f.event_type not in _VIOLENT_NONE or \
            word.endswith(("s", "ed", "ing")):
        return False  # (the frame's own facts first: a search only where they allow it)
    m = _INFINITIVE.search(before)
    return m is not None and m.group(1).lower() not in _DONE_BEFORE_TO
# "a crew of highly trained marines": an adverb and a participle before a noun describe
_ADVERB_PARTICIPLE = re.compile(r"\b\w+ly\s+(?:trained|designated|deployed|armed)\s+"
                                r"(?!(?:as|by|to|in|on|at|for|with|from|into)\b)[a-z]")
# an event named to date another, in a sentence's opening "Since ...," phrase
_SINCE_OPENING = re.compile(r"\W*since\b[^,;]{0,120}?,", re.IGNORECASE)
# a comparison with other acts, not an act: "the first time that several strikes were
# announced", "never before had a strike ...", "only the second time a strike has ..."
_FIRST_TIME = re.compile(r"\b(?:the|only the) (?:first|second|third) time\b", re.IGNORECASE)
_NEVER_BEFORE = re.compile(r"\bnever before\b", re.IGNORECASE)
# "struck the same note", "struck a conciliatory tone": no blow
_FIGURE_OF_SPEECH = re.compile(r"\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:note|tone|chord|balance|"
                               r"deal|pose)\b", re.IGNORECASE)
# a retort: "the president struck back after the announcement, accusing ...", "hit back at
# critics on X" (not "struck back with missiles")
_RETORT = re.compile(r"\s+back\b(?:\s+(?:after|at|on|in|against)\s+(?:the\s+|his\s+|her\s+|"
                     r"their\s+)?(?:announcement|remarks?|comments?|critics?|claims?|reports?|"
                     r"accusations?|statement|post|X|Twitter|social\s+media|interview|speech)\b|"
                     r"[\s\w]{0,40}?,\s+(?:accusing|saying|calling|denouncing|criticizing|"
                     r"criticising|condemning|dismissing|rejecting)\b)", re.IGNORECASE)
# a ceasefire named, not made: "committed to the ceasefire", "breaches of the truce", "the
# ceasefire was holding" (one agreed, signed or taking effect is an event)
_TRUCE = re.compile(r"^(?:ceasefire|cease-fire|truce)$", re.IGNORECASE)
_TRUCE_REF = re.compile(r"\b(?:the|its|their|this|that|a|an)\s+(?:[\w-]+\s+){0,2}$",
                        re.IGNORECASE)
_TOLL_WORD = re.compile(r"\b(?:killed|killing|dead|died|deaths|wounded|injured|casualties)\b",
                        re.IGNORECASE)
_TRUCE_MADE = re.compile(r"\b(?:agreed|agree|agreeing|signed|signs|sign|reached|brokered|"
                         r"announced|declared|took effect|takes effect|came into (?:force|effect)"
                         r"|went into effect|began|begins|started)\b", re.IGNORECASE)


# acts told as a pattern over time, anywhere in the event's clause: "has repeatedly struck",
# "had attacked Israel relentlessly since October", "exchanged fire almost daily", "has
# struck every three or four days", "attacked nearly 80 times since 2021", "For close to six
# months the military carried out strikes", "has carried out occasional airstrikes"
_ITERATIVE = anchored(re.compile(
    r"\b(?:repeatedly|frequently|regularly|routinely|constantly|relentlessly|incessantly|"
    r"occasional(?:ly)?|sporadic(?:ally)?|periodic(?:ally)?|"
    r"(?:near|almost)[- ]daily|"
    r"daily|every\s+(?:other\s+)?(?:day|night|week|month)|"
    r"every\s+(?:\w+\s+)?(?:or\s+\w+\s+)?(?:days|weeks)|day after day|again and again|"
    r"(?:nearly|almost|more than|over|about|some|at least)\s+[\d,]+\s+times|"
    r"[\d,]+\s+times\s+since|"
    r"for\s+(?:(?:close to|nearly|almost|about|more than|over)\s+)?(?:\d+|two|three|four|five|"
    r"six|seven|eight|nine|ten|several|many)\s+(?:weeks|months|years))\b", re.IGNORECASE))
# a run of acts told by a noun said twice around "after" ("has hit boat after boat", "carried
# out strike after strike", "wave upon wave of drones", "one raid after another"): a
# campaign, no one act
_RUN = re.compile(r"\b([a-z]+)\s+(?:after|upon)\s+\1\b|\bone\s+(?:[\w-]+\s+)?after\s+"
                  r"(?:another|the\s+other)\b", re.IGNORECASE)
_CLAUSE_STOP = re.compile(r"[,;](?!\d)")
# acts told as what filled a span of time: "a little over a year of aerial bombing", "after
# months of Israeli airstrikes", "two weeks of shelling" (not "within days of the strike":
# one act, named; nor "three days of heavy fighting": a battle may last days)
_SPAN_OF = re.compile(r"\b(?:weeks|months|years?|decades?)\s+of\s+"
                      r"(?!(?:the|this|that|these|those|its|their|his|her|an?)\b)"
                      r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# a campaign waged: "has waged an offensive", "is waging a campaign of strikes"
_WAGED = re.compile(r"\bwag(?:e|es|ed|ing)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,3}$",
                    re.IGNORECASE)
# a perfect reaching to now ("have fired ... since last month")
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# ... or inside the event words ("rockets have been fired")
_PERFECT_IN = re.compile(r"\b(?:has|have)\s+been\s+\w+$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# ... told after an apposition on the object: "has been fighting Fano, a local militia,
# since April"
_APPOSITION_SINCE = re.compile(r",\s+(?:a|an|the)\s+[^,;.()]{1,60},\s+since\b", re.IGNORECASE)
# a figure counts the acts or what they hit: "destroyed at least 18 vessels since ..." is a
# tally, not a campaign told without figures
_FIGURE = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"dozens?|scores|hundreds?|thousands?)\b", re.IGNORECASE)
# what tells one act apart from the pattern: a toll or a day
_ONE_ACT = anchored(re.compile(r"\b(?:killed|killing|dead|died|deaths|wounded|injured|casualties|"
                               r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|"
                               r"overnight)\b", re.IGNORECASE))


# a window of time reaching to now: "Over the past few weeks", "in recent months", "during
# the last two weeks" (acts told across it, with no toll or day, are the campaign so far)
_WINDOW = re.compile(r"\b(?:over|in|during|throughout|for)\s+(?:the\s+)?(?:past|last|recent)\s+"
                     r"(?:(?:few|several|couple\s+of|two|three|four|\d+)\s+)?(?:days|weeks|months)\b|"
                     r"\bin\s+recent\s+(?:days|weeks|months)\b", re.IGNORECASE)
# an opening "Since ..." that names a time, not an event: "Since last month", "Since early
# September", "Since 2023" (an act after "Since Israel broke the ceasefire, the Houthis have
# fired missiles" is what a later "another missile" is one more of: it stays)
_SINCE_TIME = re.compile(r"\W*since\s+(?:(?:early|late|mid)[- ]?)?(?:last\s+(?:week|month|year|"
                         r"summer|winter|spring|autumn|fall)|(?:January|February|March|April|May|"
                         r"June|July|August|September|October|November|December)\b|"
                         r"the\s+(?:start|beginning|end)\s+of\b|(?:19|20)\d\d\b)",
                         re.IGNORECASE)
# craft hit in a number nobody counted: "we hit a number of boats", "struck several boats",
# "destroyed numerous vessels" (with no toll or day: the boat campaign, not one strike)
_UNCOUNTED_CRAFT = re.compile(r"\b(?:a\s+(?:number|series|string|lot)\s+of|several|many|numerous|"
                              r"multiple|various|lots\s+of)\s+(?:[\w-]+\s+){0,2}?(?:boats|vessels|"
                              r"ships|skiffs|speedboats|narco-?subs|semi-submersibles)\b",
                              re.IGNORECASE)


# a verb of striking with a bare plural object, no article or number: "has destroyed vessels",
# "have struck boats in the Caribbean" (the event word may hold the object: "destroyed
# vessels")
_BARE_PLURAL_OBJECT = re.compile(r"[a-z]+(?:\s+(?:up|out|down))?\s+(?:(?!(?:a|an|the|its|their|his|"
                                 r"her|this|that|these|those|two|three|four|five|six|seven|"
                                 r"eight|nine|ten|several|many|dozens|some|\d[\d,]*)\b)"
                                 r"[a-z-]+\s+)?(?:boats|vessels|ships|skiffs|speedboats|"
                                 r"narco-?subs|semi-submersibles|targets|sites|positions|"
                                 r"camps|hideouts|bases|facilities)\b")
# one act named by a singular noun: "a strike on several boats"
_ONE_ACT_NOUN = re.compile(r"(?:air|drone|missile)?(?:strike|attack|raid|operation|bombing|"
                           r"assault)$", re.IGNORECASE)


def _campaign_so_far(f: Frame, s_text: str, ts: int, low: str | None) -> bool:
    """Acts told across a span of time reaching to now, with nothing that picks out one:
    an opening "Since last month," or a window ("over the past few weeks") before a perfect
    ("the Houthis, ..., have launched drones at ships", "the military has made deadly
    strikes") or a plural event word. The caller has already ruled out a toll or day."""
    has = may_hold(low, ("has", "have"))
    if not has and not may_hold(low, ("past", "last", "recent")):
        return False  # neither a perfect nor a window of time
    perfect = has and bool(_PERFECT.search(s_text[max(0, ts - 30):ts]) or
                           _PERFECT_IN.search(f.trigger.text))
    opening = _SINCE_OPENING.match(s_text) if "ince" in s_text[:12] else None
    if opening is not None and opening.end() <= ts and perfect and \
            _SINCE_TIME.match(s_text):
        return True
    if perfect and _BARE_PLURAL_OBJECT.match(f.trigger.text if " " in f.trigger.text else
                                             s_text[ts:ts + 60]):
        return True  # "it has destroyed vessels carrying drugs": acts of a kind, to date
    window = _WINDOW.search(s_text, 0, ts) if may_hold(low, ("past", "last", "recent")) else None
    plural = f.trigger.text.split()[-1].lower().endswith("s")
    return window is not None and (perfect or plural)


def _pattern_of_acts(f: Frame, low: str | None) -> bool:
    """An occurred act told as a pattern over time or a campaign waged, with no toll or day
    that picks out one act: background to the news, no incident. (`low`: `may_hold`.)"""
    s = f.sentence
    a, b = max(0, f.start - s.start), f.end - s.start
    if _ONE_ACT.search(s.text, a, b):
        return False
    ts, te = f.trigger.start - s.start, f.trigger.end - s.start
    # the words around the event word, up to a comma or a semicolon either side
    lo = max(a, ts - 60, *(i + 1 for i in (s.text.rfind(",", 0, ts), s.text.rfind(";", 0, ts))))
    hi = min([b, te + 60] + [i for i in (s.text.find(",", te), s.text.find(";", te)) if i >= 0])
    # "have fired ... since last month", or "have since (also) attacked ships": a perfect
    # reaching from then to now
    perfect = _PERFECT.search(s.text[max(0, ts - 30):ts]) if may_hold(low, ("has", "have")) \
        else None
    campaign = perfect is not None and may_hold(low, ("since",)) and \
        bool(_SINCE.search(s.text, te, hi) or _SINCE.search(perfect.group(0)) or
             _APPOSITION_SINCE.match(s.text, hi))
    if not campaign and "ince" in s.text[:12]:
        # an opening "Since ...," before a passive perfect in the event words ("rockets
        # have been fired"): acts with no subject to tell one apart (an active one, "the
        # Houthis have fired", may be what a later "another missile" is one more of)
        opening = _SINCE_OPENING.match(s.text)
        campaign = opening is not None and opening.end() <= ts and \
            bool(_PERFECT_IN.search(f.trigger.text))
    if not campaign:
        campaign = _campaign_so_far(f, s.text, ts, low)
    if not campaign and may_hold(low, ("from", "between")) and acts_filling_period(f):
        return True  # "From the outbreak of the war until the truce, the rebels fired ..."
    head = f.trigger.text.split()[-1]
    if may_hold(low, ("boats", "vessels", "ships", "skiffs", "narco", "semi-sub")) and \
            _UNCOUNTED_CRAFT.search(s.text, ts, hi) and not _ONE_ACT_NOUN.match(head):
        return True  # "We hit a number of boats": no one strike ("a strike on several
        # boats" is one)
    if campaign and not _FIGURE.search(s.text, lo, hi):
        # "have fired drones at ships since last month", "Since the war began, rockets have
        # been fired at Israel": a campaign to date
        return True
    # (a count of times may close a long object: "has struck the Kurdistan Region and
    # Nineveh province more than 1,000 times this year")
    stop = _CLAUSE_STOP.search(s.text, te)  # (not the comma of "1,000")
    far = min(b, te + 120, stop.start() if stop else b)
    return bool(_ITERATIVE.search(s.text, lo, far) or
                (may_hold(low, ("after", "upon")) and _RUN.search(s.text, lo, hi)) or
                (may_hold(low, (" of ",)) and _SPAN_OF.search(s.text, max(lo, ts - 40), ts)) or
                (may_hold(low, ("wag",)) and _WAGED.search(s.text[max(0, ts - 40):ts])))


# acts named as what someone tries to stop: "the vote that tried to halt U.S. strikes on
# boats", "attempts to rein in the strikes", "a bill to end the raids"
_STOPPED = re.compile(r"\b(?:halt(?:s|ed|ing)?|stop(?:s|ped|ping)?|end(?:s|ed|ing)?|"
                      r"rein(?:s|ed|ing)?\s+in|curb(?:s|ed|ing)?|limit(?:s|ed|ing)?|"
                      r"block(?:s|ed|ing)?|ban(?:s|ned|ning)?|restrict(?:s|ed|ing)?|"
                      r"suspend(?:s|ed|ing)?|pause|restrain(?:s|ed|ing)?)\s+"
                      r"(?:[\w.’'-]+\s+){0,3}$", re.IGNORECASE)
_STOPPED_WORDS = ("halt", "stop", "end", "rein", "curb", "limit", "block", "ban", "restrict",
                  "suspend", "pause", "restrain")
# an act someone is kept from doing: "an attempt to stop the president from striking
# boats", "a bill barring the military from launching strikes", "to prevent Israel from
# attacking" (the act is what the stopping is about, not a thing done)
_KEPT_FROM = re.compile(r"\b(?:stop(?:s|ped|ping)?|prevent(?:s|ed|ing)?|bar(?:s|red|ring)?|"
                        r"block(?:s|ed|ing)?|ban(?:s|ned|ning)?|prohibit(?:s|ed|ing)?|"
                        r"forbid(?:s|ding)?|forbade|keep(?:s|ing)?|kept|restrain(?:s|ed|ing)?|"
                        r"deter(?:s|red|ring)?)\s+(?:[\w.’'-]+\s+){0,5}?from\s+"
                        r"(?:(?:launching|carrying\s+out|conducting|staging|mounting|ordering|"
                        r"firing|using|resuming|expanding)\s+(?:[\w’'-]+\s+){0,2})?$",
                        re.IGNORECASE)
# acts judged as a kind, in the present: "US airstrikes on boats in the Caribbean violate
# international law", "the strikes amount to murder", "the attacks must stop" (a plural
# event word whose verb is a present judgement tells no act; a past one, "the strikes
# violated", or a toll, does)
_JUDGED = re.compile(r"(?:\s+(?:on|in|against|off|near|at|of|by)\s+[^,;.:]{0,70}?)?\s+"
                     r"(?:violate|breach|contravene|amount\s+to|constitute|"
                     r"are\s+(?:not\s+)?(?:illegal|unlawful|lawful|legal|justified|unjustified|"
                     r"murder|extrajudicial|war\s+crimes|self-defen[cs]e)|"
                     r"must\s+(?:stop|end|cease))\b", re.IGNORECASE)
_JUDGED_WORDS = ("violate", "breach", "contravene", "amount", "constitute", "legal", "lawful",
                 "justified", "murder", "extrajudicial", "war", "self-defen", "must")
# acts given a name as a kind: "calling the strikes 'extrajudicial killings'", "described the
# attacks as murder", "labelled such strikes illegal" (a plural event word as the object of
# a verb of naming; one with a toll of its own is told, not only named)
_NAMED_AS = re.compile(r"\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|label(?:s|led|ling|ed|ing)?|"
                       r"brand(?:s|ed|ing)?|term(?:s|ed|ing)?|characteri[sz](?:e|es|ed|ing))\s+"
                       r"(?:the|these|those|such|all)\s+(?:[\w.’'-]+\s+){0,2}?$",
                       re.IGNORECASE)
_NAMED_AS_WORDS = ("call", "describ", "label", "brand", "term", "characteri")
# "struck every boat": every one of a kind, no act
_EVERY_AFTER = re.compile(r"\s+every\s+", re.IGNORECASE)
# words said against words or policies, not a blow: "attacked the Biden administration",
# "attacks his critics' remarks"
_VERBAL_TARGET = re.compile(r"\s+(?:the|his|her|their|its|a)\s+(?:[\w.’'-]+\s+){0,2}?"
                            r"(?:administration|policy|policies|decision|remarks|comments|"
                            r"media|press|critics|proposal|bill|ruling|record|speech)\b",
                            re.IGNORECASE)

# ... or an attack in words, told by the words that follow it: "went on to attack the
# country's leaders, accusing them of ...", "attacked the minister, calling him a liar"
_VERBAL_AFTER = re.compile(r"\s+(?:[\w.’'-]+\s+){0,4}?[\w.’'-]+,\s+(?:accusing|calling|"
                           r"branding|labell?ing|dubbing|describing)\b", re.IGNORECASE)


# forces "under almost constant attack": acts told as a state of things, not one act (none
# with a toll or a day, `_ONE_ACT`)
_UNDER_ATTACK = re.compile(r"\bunder\s+(?:(?:almost|near|nearly)[- ])?(?:constant|persistent|"
                           r"repeated|frequent|regular|daily|near-constant)\s+$", re.IGNORECASE)


# plural acts said to grow: "as exchanges of fire on the border grow", "attacks have
# intensified" (a toll or a day makes them acts of their own, `_ONE_ACT`)
_GROW = re.compile(r"\s+(?:[\w'’.,-]+\s+){0,5}?(?:(?:has|have|had)\s+)?(?:grow|grows|grew|"
                   r"growing|intensif(?:y|ies|ied|ying)|escalat(?:e|es|ed|ing)|mount|mounts|"
                   r"mounting|"
                   # "drone strikes have picked up again", "attacks fell sharply", "raids
                   # doubled", "missile launches are down 69%"
                   r"picked\s+up|pick(?:s|ing)?\s+up|(?:rose|risen|fell|fallen|dropped|declined|"
                   r"doubled|tripled|surged|slowed|eased|waned|subsided|soared|spiked|"
                   r"decreased|increased)\b(?!\s+(?:to|by)\s+(?:at\s+least\s+)?\d)|"
                   r"(?:are|were|is|was)\s+(?:sharply\s+|steeply\s+)?(?:down|up)\s+\d)\b",
                   re.IGNORECASE)
_GROW_WORDS = ("grow", "grew", "intensif", "escalat", "mount", "pick", "rose", "risen", "fell",
               "fallen", "dropped", "declined", "doubled", "tripled", "surged", "slowed",
               "eased", "waned", "subsided", "soared", "spiked", "decreased", "increased",
               "down", "up")
# plural acts told as what a campaign cut: "has sharply cut Houthi attacks on shipping",
# "reduced raids by half", "curbed the rocket attacks"
_CUT_BEFORE = re.compile(r"\b(?:cut|cuts|cutting|reduc(?:e|es|ed|ing)|curb(?:s|ed|ing)?|"
                         # ... or whose reach it changed: "later widened their attacks to
                         # vessels of other countries", "expanded its raids"
                         r"widen(?:s|ed|ing)?|expand(?:s|ed|ing)?|broaden(?:s|ed|ing)?|"
                         r"halv(?:e|es|ed|ing)|slash(?:es|ed|ing)?|stemm?(?:s|ed|ing)?)\s+"
                         r"(?:[\w'’.-]+\s+){0,3}$", re.IGNORECASE)


def _told_as_trend(f: Frame, low: str | None) -> bool:
    """Acts told as a state of things over time rather than as one act with a toll or day."""
    s = f.sentence
    ts = f.trigger.start - s.start
    a, b = max(0, f.start - s.start), f.end - s.start
    words = f.trigger.text.lower().split()
    # ("exchanges of fire", "drone strikes")
    plural = words[0].endswith("s") or words[-1].endswith("s")
    if plural and may_hold(low, _GROW_WORDS) and \
            _GROW.match(s.text, f.trigger.end - s.start, b) and \
            not _TOLL_WORD.search(s.text, a, b):
        # "as exchanges of fire on the border grow": acts as a trend (a day in the sentence,
        # "said on Saturday", is the telling's)
        return True
    if plural and may_hold(low, ("cut", "reduc", "curb", "halv", "slash", "stem", "widen",
                                 "expand", "broaden")) and \
            _CUT_BEFORE.search(s.text, max(0, ts - 50), ts) and \
            not _TOLL_WORD.search(s.text, a, b):
        return True  # "the campaign has sharply cut Houthi attacks on shipping"
    if not may_hold(low, ("under",)) or _ONE_ACT.search(s.text, a, b):
        return False
    return bool(_UNDER_ATTACK.search(s.text[max(0, ts - 40):ts]))


# an act feared, possible or warned of, not done: "fled for fear of an army offensive",
# "willing and able to strike partner troops", "sirens warning of incoming rocket fire",
# "their first thought was an attack by the gang"
_FEARED = re.compile(r"\b(?:for\s+fear\s+of|fear(?:s|ed|ing)?(?:\s+of)?|risk\s+of|"
                     r"prospect\s+of|danger\s+of|(?:able|willing|capable|likely)\s+to|"
                     # a warning of it: "sirens warning of incoming rocket fire"
                     r"warn(?:ing|ings|ed|s)?\s+(?:of|about|against)|alerts?\s+(?:of|for)|"
                     # what people took it for: "their first thought was an attack by the
                     # gang", "assumed it was a raid", "mistaken for an air strike"
                     r"thought\s+(?:was|it\s+was)|assum(?:ed|ption\s+was)(?:\s+it\s+was)?|"
                     r"(?:mistaken|mistook\s+(?:it|them|the\s+\w+))\s+for|"
                     r"took\s+(?:it|them|the\s+\w+)\s+for)\s+"
                     r"(?:[\w.’'-]+\s+){0,3}$", re.IGNORECASE)
_FEARED_WORDS = ("fear", "risk", "prospect", "danger", "able", "willing", "likely", "warn",
                 "alert", "thought", "assum", "mistak", "mistook", "took")


def _not_an_act(f: Frame, low: str | None) -> bool:
    """An occurred event word that names no act done: strikes someone tries to halt,
    "struck every boat", "attacked the administration". (`low`: the sentence lower-cased,
    `may_hold`.)"""
    s = f.sentence
    ts, te = f.trigger.start - s.start, f.trigger.end - s.start
    word = f.trigger.text.lower()
    plural = word.endswith("s")
    if plural and may_hold(low, _STOPPED_WORDS) and _STOPPED.search(s.text[max(0, ts - 45):ts]):
        return True
    if may_hold(low, ("from",)) and _KEPT_FROM.search(s.text[max(0, ts - 80):ts]):
        return True
    if plural and ((may_hold(low, _JUDGED_WORDS) and _JUDGED.match(s.text, te)) or
                   (may_hold(low, _NAMED_AS_WORDS) and
                    _NAMED_AS.search(s.text[max(0, ts - 40):ts]))) and \
            not _TOLL_WORD.search(s.text, max(0, f.start - s.start), f.end - s.start):
        return True
    if (may_hold(low, ("every",)) and _EVERY_AFTER.match(s.text, te)) or \
            (may_hold(low, _FEARED_WORDS) and _FEARED.search(s.text[max(0, ts - 45):ts])):
        return True
    if f.kind == "event" and _told_as_trend(f, low):
        return True
    return word.startswith("attack") and bool(_VERBAL_TARGET.match(s.text, te) or
                                              _VERBAL_AFTER.match(s.text, te))


# an event told to date the start of a period: "strikes increased sharply from April 2017,
# when the president designated the region ...", "since 2015, when the war began"
_PERIOD_START = re.compile(r"\b(?:since|from)\s+(?:(?:early|late|mid)[- ]?)?(?:(?:January|February|"
                           r"March|April|May|June|July|August|September|October|November|"
                           r"December)\s+)?(?:19|20)\d\d\s*,?\s+when\s+(?:[^.;]*)$",
                           re.IGNORECASE)


def _dates_a_period(f: Frame) -> bool:
    """Whether the event is named only to say when a period began: no event of the news."""
    s = f.sentence
    return bool(_PERIOD_START.search(s.text, 0, f.trigger.start - s.start))


# an event of a named year that only identifies a group: "likened the traffickers to the
# group behind the attacks of Sept. 11, 2001", "the men responsible for the 1998 bombings"
_IDENTIFIES = re.compile(r"\b(?:behind|responsible\s+for|blamed\s+for)\s+(?:the\s+)?"
                         r"(?:[\w.’'-]+\s+){0,3}$", re.IGNORECASE)
_NAMED_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _identifies_by_history(f: Frame) -> bool:
    s = f.sentence
    ts, te = f.trigger.start - s.start, f.trigger.end - s.start
    return bool(_IDENTIFIES.search(s.text[max(0, ts - 50):ts])) and \
        bool(_NAMED_YEAR.search(s.text, max(0, ts - 20), te + 30))


def _is_no_event(f: Frame, status: str) -> bool:
    """Negated, habitual or a rule: the sentence says the event did not (or does not) happen.

    Each pattern is searched only where one of the words it needs is in the sentence
    (`may_hold`), and the frame's own facts (status, kind, strength) are tested before any
    pattern: the answer is the same, most frames are turned away without a search."""
    s = f.sentence
    low = lowered(s.text)
    ts = f.trigger.start - s.start
    occurred = status == "occurred"
    if occurred and may_hold(low, ("behind", "responsible", "blamed")) and \
            _identifies_by_history(f):
        return True  # "the group behind the attacks of Sept. 11, 2001": who, not what
    if occurred and _not_an_act(f, low):
        return True  # "tried to halt U.S. strikes", "we struck every boat"
    if occurred and f.event_type not in NOT_VIOLENT_TYPES and \
            describes_party(s.text, ts, f.trigger.end - s.start):
        return True  # "the rebels, who had earlier attacked US warships": who, not what
    if occurred and f.kind == "event" and _pattern_of_acts(f, low):
        return True  # "Israel has repeatedly struck Syria": a pattern, no act of its own
    if occurred and may_hold(low, ("days of",)) and acts_filling_days(f):
        return True  # "after several days of clashes on the border": a run, no one act
    if status == "hypothetical" and may_hold(low, ("cannot", "can't", "could not", "may not")) \
            and _CANNOT.search(s.text[:ts]):
        return True  # "the U.S. cannot deploy troops": a rule, not an event
    if status != "denied" and may_hold(low, ("never", "not", "n't", "no longer")) and \
            _NEGATED.search(s.text[max(0, ts - 25):ts]):
        return True  # "Congress had never authorized ...": says it did not happen
    if (may_hold(low, _HABITUAL_WORDS) and _HABITUAL.search(s.text[max(0, ts - 50):ts])) or \
            (may_hold(low, _LONG_HABIT_WORDS) and _LONG_HABIT.search(s.text[max(0, ts - 80):ts])):
        return True  # "smugglers, who have traditionally been arrested": a habit
    te = f.trigger.end - s.start
    if occurred and f.trigger.strength == "strong" and may_hold(low, _HABIT_AFTER_WORDS) and \
            _HABIT_AFTER.match(s.text, te, min(len(s.text), f.end - s.start)):
        return True  # "has attacked security forces many times"
    if (may_hold(low, _GENERIC_WORDS) and _GENERIC.search(s.text[max(0, ts - 60):ts])) or (
            occurred and may_hold(low, ("any",)) and _ANY.search(s.text[max(0, ts - 40):ts])):
        return True  # a kind of act ("every strike", "the capacity to strike")
    if may_hold(low, ("each",)) and _EACH.search(s.text[max(0, ts - 30):ts]) and \
            _ONE_ACT_NOUN.match(f.trigger.text.split()[-1]):
        return True  # "each strike kills ...": a kind of act
    if occurred and f.trigger.text.lower().endswith("s") and \
            may_hold(low, ("killed", "wounded", "injured", "died", "dead")) and \
            _DIED_IN.search(s.text[max(0, ts - 50):ts]) and not _FIGURE.search(s.text):
        return True  # "the men killed in the boat strikes": the campaign named
    if may_hold(low, ("be",)) and _PASSIVE_PURPOSE.search(s.text[max(0, ts - 12):ts]):
        return True  # "sent back to be detained and prosecuted": what is meant to happen
    if occurred and _purpose_of_violence(f, s.text[max(0, ts - 30):ts]):
        return True  # "the rebels have used it before to attack shipping": what for
    if (may_hold(low, ("designated", "deployed", "trained")) and _reduced_relative(s.text, ts)) or \
            (may_hold(s.text, ("trained", "designated", "deployed", "armed")) and
             _ADVERB_PARTICIPLE.search(s.text[max(0, ts - 20):te + 15])):
        return True  # "cartels designated as terrorist groups": describes, does not report
    if f.trigger.text.lower().endswith(("ment", "ments")) and \
            may_hold(low, ("part of", "amid", "during", "under")) and \
            _PART_OF.search(s.text[max(0, ts - 60):ts]):
        return True  # "as part of a vast military deployment": what a move belongs to
    since = _SINCE_OPENING.match(s.text) if "ince" in s.text[:12] else None
    if since is not None and ts < since.end() and not _TOLL_WORD.search(s.text):
        return True  # "Since Hamas's attack on Israel, the group has ...": dates another
    if may_hold(low, ("when",)) and _dates_a_period(f) and not _TOLL_WORD.search(s.text, ts):
        return True  # "from April 2017, when the president designated ...": dates a period
    if (" time" in s.text and _FIRST_TIME.search(s.text, 0, ts)) or \
            ("before" in s.text and _NEVER_BEFORE.search(s.text)) or \
            _FIGURE_OF_SPEECH.match(s.text, te) or \
            (may_hold(low, ("back",)) and _RETORT.match(s.text, te)):
        return True  # "It is only the second time a strike has left a survivor"
    if occurred and _TRUCE.match(f.trigger.text) and \
            _TRUCE_REF.search(s.text[max(0, ts - 30):ts]) and not _TRUCE_MADE.search(s.text) \
            and not _TOLL_WORD.search(s.text):
        return True  # a ceasefire named ("committed to the ceasefire"), not one made
    return status != "denied" and f.trigger.strength == "strong" and may_hold(low, ("no",)) and \
        bool(_NO_NOUN.search(s.text[max(0, ts - 30):ts]) or _NO_SUBJECT.search(s.text[:ts]))
    # ("No strike has been reported", "No vessel has been attacked")


# an earlier strike named beside the news: "a previous U.S. attack had killed eleven",
# "died in earlier U.S. strikes", "the operation follows earlier military action ...,
# including an attack on October 3", "a strike the month before", "Just days earlier, ...".
# (Not a same-day "Earlier on Thursday, ...": that is an event of the news day.)
_EARLIER_NOUN = re.compile(r"\b(?:previous|prior|earlier|preceding|(?<=after )another|"
                           r"(?<=following )another)\s+(?:[\w.’'-]+\s+){0,2}?"
                           r"(?:strikes?|attacks?|raids?|bombings?|operations?|actions?|"
                           r"incidents?|engagements?|assaults?)\b", re.IGNORECASE)
# an act named as what years have passed since: "Ten years after the Kunduz hospital bombing",
# "two years since the strike on the school"
_YEARS_AFTER = re.compile(r"\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|several|"
                          r"many|\d+)\s+(?:years?|decades?)\s+(?:after|since|on\s+from)\s+"
                          r"(?:the\s+)?(?:[\w'’.-]+\s+){0,3}$", re.IGNORECASE)
# what may stand between such a phrase and the event word it takes in: no comma, or a comma
# that goes on with the same list ("..., including an attack")
_SAME_PHRASE = re.compile(r"[^,;:.!?\"“”]*(?:,\s+(?:including|such as|among them)\b[^,;:.!?]*)?$",
                          re.IGNORECASE)
_EARLIER_AFTER = re.compile(r"\s+(?:in\s+)?(?:(?:previous|prior|earlier)\s+(?:[\w.’'-]+\s+){0,2}?"
                            r"(?:strikes?|attacks?|raids?|bombings?|operations?|actions?)\b|"
                            r"(?:[\w-]+\s+){0,3}?(?:the|a)\s+(?:day|week|month|year)\s+"
                            r"(?:before|earlier)\b(?!\s+(?:the|a|an|his|her|its|their)\b))",
                            re.IGNORECASE)
# an act the news came after, told "the day before" it: the day before the news's, an act
# of its own that the dates component dates from the news (not a recalled one)
_DAY_BEFORE_AFTER = re.compile(r"\s+(?:the|a)\s+day\s+(?:before|earlier)\b"
                               r"(?!\s+(?:the|a|an|his|her|its|their)\b)", re.IGNORECASE)
# "first attacked vessels five months ago", "had also hit the port last year" (what stands
# before the event word may be another's: "the coalition formed years ago carried out")
_AGO_AFTER = re.compile(r"[^,;.]{0,60}?\b(?:(?:\w+\s+)?(?:months|years)\s+ago|a\s+year\s+ago|"
                        r"(?:two|three|four|five|six|several|a\s+few|\d+)\s+weeks\s+ago|"
                        r"last\s+year)\b", re.IGNORECASE)
_EARLIER_OPENING = re.compile(
    r"\W*(?:just\s+|only\s+)?(?:(?:(?:a\s+few|several|two|three|four|five|\w+)\s+)?"
    r"(?:weeks|months)\s+(?:earlier|before)|(?:a|the)\s+(?:month)\s+(?:earlier|before)|"
    r"earlier\s+in\s+(?:the\s+)?(?:month|year|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)|previously|"
    # "Two weeks ago, gunmen attacked ...": weeks back, named as such
    r"(?:(?:a|one|two|three|four|five|six|several|a\s+few|\d+)\s+)(?:weeks?|months?|years?)"
    r"\s+ago)\s*,", re.IGNORECASE)


# the dead of an earlier act as what the news is about: "a burial for 22 civilians killed
# earlier this month in a drone strike", "the families of the men killed last week in the
# raid" (the act named by its victims, no day of its own)
_VICTIMS_OF_EARLIER = re.compile(
    r"\b(?:for|of|mourn\w*|buried|bury|honou?r\w*)\s+(?:[\w-]+\s+){0,5}?(?:killed|slain)\s+"
    r"(?:earlier\s+this\s+(?:week|month|year)|last\s+(?:week|month|year)|this\s+month)\s+"
    r"(?:in|by)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def victims_of_earlier(f: Frame) -> bool:
    """The act named by its dead, killed weeks back, as what the news is about ("a burial
    for 22 civilians killed earlier this month in a drone strike"): a day the sentence
    tells is the burial's, not the act's."""
    s = f.sentence
    ts = f.trigger.start - s.start
    return may_hold(lowered(s.text), ("earlier this", "last week", "last month", "last year",
                                      "this month")) and \
        _VICTIMS_OF_EARLIER.search(s.text, max(0, ts - 120), ts) is not None


def recalled_earlier(f: Frame) -> bool:
    """Whether the frame's event is an earlier strike named beside the news ("a previous
    attack had killed eleven", "Just days earlier, ..."): recalled as context, it is no
    incident of the article's own, and it must not lend its toll to the news."""
    if f.status != "occurred" or f.kind != "event":
        return False
    s = f.sentence
    ts, te = f.trigger.start - s.start, f.trigger.end - s.start
    if _EARLIER_OPENING.match(s.text) and ts > 0:
        return True
    low = lowered(s.text)  # (each pattern searched only where its words stand, `may_hold`)
    if victims_of_earlier(f):
        return True  # "a burial for 22 civilians killed earlier this month in a drone strike"
    if may_hold(low, ("previous", "prior", "earlier", "preceding", "another")):
        for m in _EARLIER_NOUN.finditer(s.text, 0, te):
            if m.end() >= te or _SAME_PHRASE.match(s.text[m.end():ts]):
                return True  # the event word is in the phrase, or the phrase takes it in
    if may_hold(low, ("year", "decade")) and _YEARS_AFTER.search(s.text[max(0, ts - 70):ts]) \
            and _ONE_ACT_NOUN.match(f.trigger.text.split()[-1].rstrip("s")):
        return True  # "Ten years after the Kunduz hospital bombing, ...": the bombing is old
    if f.antecedent and _DAY_BEFORE_AFTER.match(s.text, te):
        return False  # "They came after US raids the day before": the news's eve, dated
    return bool((may_hold(low, ("previous", "prior", "earlier", "before")) and
                 _EARLIER_AFTER.match(s.text, te)) or
                (may_hold(low, ("ago", "last")) and _AGO_AFTER.match(s.text, te)))


# a denial of who did it, not of what happened: "Russia denied carrying out the missile attack
# on a market that killed 16 people" (the sentence itself tells the harm; the strike took
# place, its author is disputed)
_DENIED_ROLE = re.compile(r"\b(?:den(?:ied|ies|y|ying)\s+(?:(?:on|late|early)\s+\w+\s+)?"
                          r"(?:(?:any\s+)?(?:responsibility|"
                          r"involvement|role)\b|(?:that\s+)?(?:it|they|he|she|its\s+\w+|"
                          r"their\s+\w+)?\s*(?:had\s+)?(?:carr(?:ied|ying)\s+out|"
                          r"conduct(?:ed|ing)|launch(?:ed|ing)|(?:was|were|being)\s+behind))|"
                          r"(?:was|were|is|are)\s+not\s+(?:responsible\s+for|behind)|"
                          r"(?:had|has|have)\s+(?:no\s+part|no\s+role|no\s+hand|"
                          r"nothing\s+to\s+do))", re.IGNORECASE)
_HARM_TOLD = re.compile(r"[^.;]{0,80}?\b(?:that|which)\s+(?:[\w-]+\s+){0,3}?(?:killed|left\s+"
                        r"(?:[\w-]+\s+){1,3}(?:dead|wounded|injured)|wounded|injured)\b",
                        re.IGNORECASE)


def _author_denied(doc: Doc, f: Frame, cue: tuple[int, int] | None, base: int) -> bool:
    """Whether a denial disputes only who struck, in a sentence that itself tells the
    strike's harm: the strike occurred."""
    if cue is None:
        return False
    a, b = cue
    words = doc.text[base + a:min(f.trigger.start, base + b + 40)]
    return bool(_DENIED_ROLE.search(words)) and bool(_HARM_TOLD.match(doc.text, f.trigger.end))


# the event itself only possibly happened: "a second strike may also have taken place"
# (not "may have died in Sunday's attack", where the doubt is of a detail)
_MAY_HAVE_HAPPENED = re.compile(r"\s+((?:may|might|could)\s+(?:also\s+|well\s+)?have\s+"
                                r"(?:taken place|occurred|happened|been carried out))\b",
                                re.IGNORECASE)


# a sentence that only denies what the one before reported: "The Pentagon was quick to deny
# the report.", "The army rejected those claims." (no event word of its own)
_DENIES_THE_REPORT = re.compile(
    r"\b(?:den(?:ied|ies|y|ying)|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+"
    r"(?:the|these|those|such|this|that|that\s+\w+'s|the\s+\w+)\s+" + REPORT_NOUNS +
    r"\b(?!\s+(?:of|that)\b)", re.IGNORECASE)
# the sentence before tells the event as someone's report: "Kurdish officials said the U.S.
# bombed ...", "according to local media", "the agency reported"
_TOLD_AS_REPORT = re.compile(r"\b(?:said|say|says|reported|reports|according to|claimed|"
                             r"claims|alleged)\b", re.IGNORECASE)


def _deny_reports_denied_next(doc: Doc) -> None:
    """An occurred event that a sentence told as someone's report, with no toll, and that
    the very next sentence denies as "the report" without telling any event of its own, is
    denied."""
    by_sentence: dict[int, list[Frame]] = {}
    for f in doc.frames:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    for sent in doc.sentences:
        if sent.index in by_sentence or \
                not may_hold(lowered(sent.text), ("den", "reject", "dismiss", "refut")) or \
                not _DENIES_THE_REPORT.search(sent.text):
            continue
        for f in by_sentence.get(sent.index - 1, []):
            # a report that tells harm ("killing 20 children") keeps its strike: the
            # denial then disputes a detail or the author, as in `_author_denied`
            if f.status == "occurred" and not f.background and \
                    not any(k in f.counts for k in ("killed", "injured")) and \
                    _TOLD_AS_REPORT.search(f.sentence.text):
                m = _DENIES_THE_REPORT.search(sent.text)
                assert m is not None
                f.status, f.status_cued = "denied", True
                f.cite("status", sent.start + m.start(), sent.start + m.end())


@component("status", requires=("doc.frames",),
           assigns=("frame.status", "frame.status_cued", "frame.hedges", "frame.background",
                    "frame.drop"))
def read_frame_status(doc: Doc) -> None:
    """Status, its cue, hedges and background of every frame."""
    for f in doc.frames:
        s = f.sentence
        # a clause split off after the sentence's start ("..., where 14 boats have been
        # hit") is governed by its own words, not by the modal of the main clause
        base = f.start if f.start > s.start else s.start
        # a semicolon before the event word ends the clause a plan or modal stood in: "The
        # army plans further raids; on Monday its jets struck a depot, killing four"
        semi = doc.text.rfind(";", base, f.trigger.start)
        if semi >= 0:
            base = semi + 1
        clause = doc.text[base:s.end]
        status, cue, cued = read_status(clause, f.trigger.start - base,
                                        f.trigger.end - base)
        if status == "occurred" and (m := _MAY_HAVE_HAPPENED.match(doc.text, f.trigger.end)):
            status, cue, cued = "hypothetical", (m.start(1) - base, m.end(1) - base), True
        if status == "denied" and _author_denied(doc, f, cue, base):
            # the strike happened; the denial is a doubt about its author, kept as a hedge
            a, b = cue  # type: ignore[misc]
            f.hedges.append("denied")
            f.cite("hedges", base + a, base + b)
            status, cue, cued = "occurred", None, False
        f.status = status
        f.status_cued = cued
        if cue is not None:  # the cue words ("warned that ... would"), not the ", " before
            a, b = cue
            while a < b and not clause[a].isalnum():
                a += 1
            f.cite("status", base + a, base + b)
        f.cite("status", f.trigger.start, f.trigger.end)
        ts, te = f.trigger.start - s.start, f.trigger.end - s.start
        if _is_no_event(f, status) or (
                status == "occurred" and f.event_type not in NOT_VIOLENT_TYPES and
                (told_as_record(s.text, ts, te, after=doc.text[s.end:s.end + 300]) or
                 fled_from(s.text, ts, te))):
            # (a record, "the militia has carried out attacks on pipelines"; whence people
            # fled, "families fleeing the clashes")
            f.drop = True
        for word, a, b in read_hedges(s.text):
            if word not in f.hedges:
                f.hedges.append(word)
            f.cite("hedges", s.start + a, s.start + b)
        f.background = is_background(doc.text[f.start:f.end], doc.published) or \
            recalled_earlier(f) or _going_on(f, status)


def _going_on(f: Frame, status: str) -> bool:
    """An act of violence told as going on or as traded between two sides, with no day or
    toll in its sentence ("troops keep striking across the south", "as the two states
    traded strikes"): a state of things, the page's context, not an act of its own. (Kept
    as a frame, not dropped: a word the sentence tells its news by may stand for it.)"""
    return status == "occurred" and f.event_type not in NOT_VIOLENT_TYPES and \
        told_as_going_on(f.sentence.text, f.trigger.start - f.sentence.start)


# a sentence that says the act did not take place at all: "said no airstrikes had taken
# place", "\"no attack\" had happened", "insisted there had been no raid", "no such strike
# occurred" (not "no other/further/new strikes", which grant the one told)
_ACT_NOUNS = (r"(?:air\s*strikes?|airstrikes?|strikes?|attacks?|raids?|bombings?|"
              r"bombardments?|shelling)")
_NONE_TOOK_PLACE = re.compile(
    r"\b(?:(?:no|any)\s+(?!other\b|further\b|new\b|more\b|fresh\b)[\"“']?(?:[\w-]+\s+){0,2}?"
    + _ACT_NOUNS + r"[\"”']?\s+(?:(?:had|has|have|was|were|ever|actually|in\s+fact)\s+){0,2}"
    r"(?:(?:taken|took)\s+place|happened|occurred|been\s+carried\s+out)|"
    r"there\s+(?:was|were|had\s+been|has\s+been)\s+(?:in\s+fact\s+)?no\s+(?:such\s+)?"
    r"(?:[\w-]+\s+)?" + _ACT_NOUNS + r"(?:\s+at\s+all)?\s*[,.;\"”]|"
    r"(?:pulled|withdrew|withdrawn|retracted|took\s+down|deleted)\s+(?:the|its|their|those|"
    r"these)\s+(?:earlier\s+)?(?:reports?|claims?|stor(?:y|ies)))", re.IGNORECASE)
#: how many sentences before such a denial its act may have been told
TAKEN_BACK_REACH = 2


def _deny_acts_taken_back(doc: Doc) -> None:
    """An occurred act with no toll and no day of its own that a sentence at most
    `TAKEN_BACK_REACH` later (or the same one) says did not take place at all ("State media
    reported that air defences repelled an attack near the airport. Hours later it pulled
    the report and said no airstrikes had taken place") is denied: a report taken back is
    no strike. One with a toll or a day of its own keeps its status (the denial then speaks
    of other acts: "no strikes took place overnight")."""
    for sent in doc.sentences:
        low = lowered(sent.text)
        if not may_hold(low, ("place", "happened", "occurred", "carried", "there", "pulled",
                              "withdr", "retract", "took down", "deleted")):
            continue
        m = _NONE_TOOK_PLACE.search(sent.text)
        if m is None:
            continue
        for f in doc.frames:
            if not sent.index - TAKEN_BACK_REACH <= f.sentence.index <= sent.index or \
                    f.status != "occurred" or f.background or f.drop or f.kind != "event":
                continue
            if f.sentence is sent and f.trigger.start >= sent.start + m.start():
                continue  # the denial's own act words
            if any(k in f.counts for k in ("killed", "injured")) or \
                    (f.date_low is not None and f.sentence is not sent):
                continue
            f.status, f.status_cued = "denied", True
            f.cite("status", sent.start + m.start(), sent.start + m.end())


@component("reported_denied", requires=("doc.frames", "frame.status", "frame.counts",
                                        "frame.background", "frame.date_low"),
           assigns=("frame.status",))
def read_reported_denied(doc: Doc) -> None:
    """A report the next sentence denies ("Kurdish officials said the U.S. bombed ...
    The Pentagon was quick to deny the report.") is denied, and so is an act a sentence soon
    after says never took place (`_deny_acts_taken_back`); runs once tolls and days are
    read."""
    _deny_reports_denied_next(doc)
    _deny_acts_taken_back(doc)

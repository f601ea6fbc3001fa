"""Component `clauses`: one frame per event clause of every sentence with an event word.

A "…, bringing the toll to N" clause becomes its own tally frame; a sentence telling several
events is split at ", while", ", in response to", ";" and figure lists ("Donetsk, six
killed; Kherson, three killed"), each side with an event word of its own; gapped counts
("killed four in Khan Younis and two in Jabalia") become two frames sharing verb, agent and
date; a dateline ("KHARKIV, Ukraine, June 11 (Wire) —") is cut off; an event word inside a
quote that restates what came before is weak (it joins that event). Each frame also says
whether its event word refers back ("the strike": `anaphoric`), for coreference.
"""

from __future__ import annotations

import re
from dataclasses import replace

from strikewatch import geo
from strikewatch.caseless import caseless
from strikewatch.extract.anchored import anchored, gated
from strikewatch.extract.context import Doc, Frame, Sentence, Trigger
from strikewatch.extract.counts import ORDINAL_VALUES, ranks_up_to
from strikewatch.extract.lookahead import prefixed
from strikewatch.extract.pipeline import component
from strikewatch.extract.triggers import BAT, ERV, SD, VAC

# "..., bringing the death toll to 65": the clause after it is a tally of its own.
# (gated: searched only in a clause that has one of the verbs)
_TOLL_CLAUSE = gated(
    re.compile(r",?\s*(?:bringing|raising|pushing|taking|lifting) the (?:[\w-]+\s+){0,3}"
               r"(?:toll|number|total|tally|count)\b", re.IGNORECASE))
# "the attack raises the toll of all the operations to 34", "the strike brought the number
# killed in the campaign to 76", "a blow that brings to at least 46 the number of people
# killed in the campaign": a finite verb opens a tally too, where the toll is named as
# that of many acts (a bare "raised the toll to nine" revises the one event's toll)
_TOLL_OF_MANY = gated(prefixed(  # (read only where one of its verbs stands)
    re.compile(r",?\s*\b(?:brings|brought|raises|raised|pushes|pushed|takes|took|lifts|lifted|"
               r"increases|increased)\s+(?:to\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?"
               r"[\w,]+\s+)?the\s+(?:[\w-]+\s+){0,3}(?:toll|number|total|tally|"
               r"count)\s+(?:[\w-]+\s+){0,3}?(?:of|from|in|for)\s+(?:all\s+)?(?:the\s+|its\s+|"
               r"their\s+|these\s+|such\s+)?(?:[\w.-]+\s+){0,3}?(?:strikes|attacks|operations|"
               r"raids|campaign|bombings|airstrikes)\b|"
               # ... or as counted from a start: "which brought the number killed to 67
               # since the first one on September 2" (the toll of every act since then)
               r",?\s*\b(?:which\s+)?(?:brings|brought|raises|raised|pushes|pushed|takes|took|"
               r"lifts|lifted|increases|increased)\s+the\s+(?:[\w-]+\s+){0,3}(?:toll|number|"
               r"total|tally|count)\s+(?:[\w-]+\s+){0,2}?to\s+(?:at\s+least\s+|more\s+than\s+|"
               r"over\s+)?[\w,]+\s+since\b", re.IGNORECASE)))
TALLY_CUE = anchored(re.compile(
    r"\b(?:death toll|toll|so far|in total|to date|in recent (?:weeks|months)|altogether|"
    r"cumulative|campaign|over the past|in all|since (?:the start|early|late|mid|[A-Z]\w+|"
    r"\d{4}|\d{1,2}(?:st|nd|rd|th)? [A-Z]\w+)|a series of|total(?:ing)?|this year|"
    r"these (?:strikes|operations|attacks))\b",
    re.IGNORECASE))
# (", in which ...", and with no comma after a campaign: "a broader campaign in which at
# least 95 people have been killed since September")
_REL_TALLY = gated(re.compile(r"(?:,\s*|(?<=\bcampaign)\s+|(?<=\boffensive)\s+)"
                              r"(?:where|in which|during which)\b", re.IGNORECASE))
_HAS_NUMBER = re.compile(r"\d|\b(?:dozens|scores|hundreds|several|two|three|four|five|six|"
                         r"seven|eight|nine|ten|eleven|twelve)\b", re.IGNORECASE)
# (also "either", "neither", "both": a choice among acts told, "no side has claimed either
# strike", never a new one); a name of several words ("the Ain Bayda camp strike") or a
# day ("the Dec. 30 strikes") counts as one word before the noun
_ANAPHOR = anchored(re.compile(r"\b(?:the|this|that|such|its|their|these|those|either|"
                               r"neither|both)\s+"
                               r"(?:(?!(?:of|on|in|at|to|for|with|by|from|against|into|over|and|or)\b)"
                               # (a name is no subject of a verb: "the Caribbean Sea was
                               # struck")
                               r"(?:(?-i:[A-Z])[\w'’-]*(?:\s+(?:(?-i:[A-Z])|al-|el-)[\w'’-]*)+"
                               r"(?!\s+(?:was|were|is|are|has|have|had|been|be)\b)|"
                               r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s+\d{1,2}|"
                               r"[\w-]+)\s+){0,2}$",
                               re.IGNORECASE))
_INDEF = re.compile(r"\b(?:a|an|another|one|new|second|third)\s+(?:[\w-]+\s+){0,3}$",
                    re.IGNORECASE)


_ARMED_TARGET = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:checkpoints?|(?:police|army|military|security|"
    r"border)\s+(?:posts?|stations?|patrols?|convoys?|vehicles?|bases?|checkpoints?)|"
    r"(?:military\s+)?(?:posts?|patrols?|barracks)|soldiers|troops|policemen|police officers|"
    r"security forces)\b", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[“”\"]")


def _in_quote(text: str, pos: int) -> bool:
    """Whether text[pos] lies inside a direct quote (an odd number of marks before it)."""
    return len(_QUOTE_MARKS.findall(text, 0, pos)) % 2 == 1


_INSTRUMENT = re.compile(
    r"[^.;,]{0,40}?\b(?:with|by|using)\s+(?:an?\s+|the\s+)?(?:[\w,-]+\s+){0,3}?"
    r"(?:(?P<air>drones?|bombs?|warplanes?|aircraft|UAVs?)|missiles?|rockets?|shells?|"
    r"artillery|mortars?|projectiles?)\b", re.IGNORECASE)



_WEAPON_BEFORE = re.compile(r"\b(?:(?P<air>drone|air|UAV)|missile|rocket|artillery|mortar|"
                            r"ballistic missile|cruise missile)s?\s+$", re.IGNORECASE)

# an aircraft as the subject of the launch, or the launcher of the weapon: "a US drone fired
# two missiles", "warplanes had launched rockets", "a drone-fired missile struck", "a drone
# missile strike", "Hellfire missiles hit": a strike from the air, whatever it fired
_AIR_LAUNCHER = re.compile(
    r"\b(?:(?:drones?|UAVs?|warplanes?|(?:fighter )?jets?|aircraft|helicopters?(?: gunships?)?|"
    r"gunships?|planes?|bombers?)(?:\s+(?:had|has|have|reportedly|allegedly|also|then|later|"
    r"apparently|first|again|subsequently))*|drone[- ]fired|air[- ]launched|"
    r"(?:drone|helicopter|aircraft|jet)[- ]launched|drone|Hellfire)(?:\s+|-)$", re.IGNORECASE)
_LAUNCH_WORD = re.compile(r"(?:fired|launched|lobbed|sent|missiles?|rockets?|pound(?:ed|ing)|"
                          r"pummell?(?:ed|ing)|shell(?:ed|ing))\b", re.IGNORECASE)

# "raid" is a ground assault unless the copy says otherwise: wire copy from Lebanon, Syria
# or Yemen calls air strikes "raids" ("a string of Israeli raids on the south"); a raid with
# no ground force, arrest or landing named is one from the air when it is plural and
# counted or spread over an area, or when the article already told of air strikes
_RAID_WORD = re.compile(r"raids?$", re.IGNORECASE)
_GROUND = re.compile(
    r"\b(?:troops|soldiers|commandos?|special[- ](?:operations? )?forces|rangers|operators|"
    r"SEALs|marines|paratroopers|ground|helicopter[- ]borne|heli-borne|landed|stormed|"
    r"door|captured?|capturing|detain(?:ed|ing)|arrest(?:ed|ing|s)?|seized|abduct(?:ed|ing)|"
    r"police|policemen|gang|gunmen|bandits|vigilantes|militias?|fighters? (?:stormed|"
    r"entered)|on foot|house-to-house|forces (?:carried out|conducted|mounted|launched))\b",
    re.IGNORECASE)
_SPREAD_RAIDS = re.compile(
    r"\b(?:string|series|wave|spate|number|dozens|scores|several|multiple|heavy|fierce|"
    r"intense|intensive|violent|successive|repeated|renewed|fresh|new)\b[^.;]{0,40}$",
    re.IGNORECASE)
_POSSESSED_RAIDS = re.compile(r"\b(?:its|their|his|her)\s+$", re.IGNORECASE)
_RAIDS_OVER = re.compile(r"raids\s+(?:on|across|targeting|against|in|over)\b", re.IGNORECASE)
_AIR_TOLD = re.compile(r"\b(?:air ?strikes?|airstrikes?|air raids?|warplanes?|(?:fighter )?jets|"
                       r"drone strikes?|aerial|bombard(?:ed|ment)|bombing)\b", re.IGNORECASE)


def _raid_from_air(doc: Doc, f: Frame, raid: Trigger) -> bool:
    """Whether a "raid" told in this frame's sentence is an air raid (see `_RAID_WORD`)."""
    s = f.sentence
    if _GROUND.search(s.text) or _POSSESSED_RAIDS.search(doc.text, max(s.start, raid.start - 12),
                                                         raid.start):
        return False  # ("its raids on military sites": the campaign told before, described)
    if raid.text.lower().endswith("s") and (
            _SPREAD_RAIDS.search(doc.text, max(s.start, raid.start - 40), raid.start) or
            _RAIDS_OVER.match(doc.text, raid.start, min(s.end, raid.end + 12))):
        return True
    before = doc.text[max(0, s.start - 1500):s.start]
    return bool(_AIR_TOLD.search(before) or _AIR_TOLD.search(s.text)) and \
        not _GROUND.search(before)


def _priority(t: Trigger) -> tuple[int, int, int, int]:
    # "One man was killed by an Israeli strike …, despite the ceasefire": where a clause
    # tells an act of violence, a development word beside it is its context
    return (0 if t.strength == "strong" else 1, 1 if t.event_type in _CONTEXT_TYPES else 0,
            1 if t.generic else 0, 0 if t.action else 1)


_CONTEXT_TYPES = frozenset({SD, "Protests"})


# Where one sentence tells two events: "..., while a drone strike in Lebanon killed one",
# "..., in response to U.S. strikes on Sanaa that killed 31", lists of figures
# ("Donetsk, six killed; Kherson, three killed; ..."), and "a drone hit a car, killing one,
# and a second strike on another car killed one more" (an act told as another one, with
# its own verb, after an act with its own toll; no "second"/"another", no split: "hit a
# depot, killing three, and a warehouse" is one strike). "an attack on Beit Lif killed
# five and a drone strike on Deir Seryan killed one" is two acts as well: a new act word
# with its own place and verb after a toll.
_ACT_NOUN = (r"(?:strike|airstrike|air\s+strike|attack|raid|bombing|shelling|assault|"
             r"ambush)")
# what an act answered, by any of its words: "in response to", "in reply to", "in revenge
# for", "as payback for", "a reprisal for" (Spanish has its own reader)
_ANSWER = r"(?:response|reply|retaliation|reprisal|revenge|retribution|answer|payback)"
# (matched on lower-cased text behind a lookahead of its first characters, `,` `;` or a
# space: every other position is turned away by one test, not ten alternatives)
_EVENT_BREAK = caseless(prefixed(re.compile(
    r",\s+(?:while|whereas|(?:in|as)\s+(?:an?\s+)?" + _ANSWER + r"\s+(?:to|for)|"
    r"hitting back (?:over|for|at)|(?:retaliating|responding|replying) (?:for|against|to))\s+|"
    r";\s+|"
    # "Israel's military struck targets on Sunday as Hezbollah fired a barrage of missiles",
    # "jets pounded the city while the militia shelled the airport": a clause with its own
    # subject and act verb (split only where both sides hold a strong event word)
    r"\s+(?:as|while|even\s+as)\s+(?=(?:[\w'’.-]+\s+){1,3}?(?:,[^,;]{1,40},\s+)?"
    r"(?:fired|launched|lobbed|sent|struck|attacked|shelled|bombed|pounded|targeted)\s)|"
    r"\s+and\s+(?=(?:a\s+(?:second|third|separate|further)|another)\s+(?:[\w-]+\s+){0,2}?"
    rf"{_ACT_NOUN}\b[^,;]{{0,80}}?\b(?:killed|wounded|injured|hit|struck|"
    r"destroyed|left)\b)|"
    r"\s+and\s+(?=an?\s+(?:[\w-]+\s+){0,2}?"
    rf"{_ACT_NOUN}\s+(?:on|in|near|at|against|of)\s+[^;]{{0,80}}?\b(?:killed|"
    r"wounded|injured|hit|struck|destroyed)\b)|"
    # "The strikes came two days after militants killed seven soldiers", "an airstrike ...,
    # carried out after Al-Shabaab attacked the partner force": the act it came after is
    # another one, told with its own words
    r"\s+(?:came|comes|come|coming|was\s+carried\s+out|were\s+carried\s+out|carried\s+out|"
    r"was\s+launched|were\s+launched)\s+(?:[\w'’-]+\s+){0,4}?after\s+|"
    # "the bombing fell exactly seven days after the chief was killed in a US air strike",
    # "hours before gunmen attacked the base": a time counted from another act, told after
    # (not "a day after the strike had hit a house": the act just told, referred to)
    r"\s+(?:(?:exactly|just|only|some|about|nearly|barely)\s+)?(?:a|an|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|\d+|several|a\s+few)\s+(?:hours?|days?|weeks?|months?)"
    r"\s+(?:after|before)\s+(?!(?:the|this|that|these|those|its|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:strikes?|attacks?|raids?|bombings?|shelling|assaults?|operations?)\b)|"
    # "the strikes answered repeated Houthi attacks on Israel", "the raid was a reprisal for
    # the bombing in Quetta": what the strikes answered is an earlier act, the other side's
    r"\s+(?:answered|(?:was|were|came)\s+(?:an?\s+|in\s+|part\s+of\s+(?:the\s+|an?\s+)?)?"
    r"(?:[\w.'’-]+\s+){0,2}?" + _ANSWER +
    r"\s+(?:to|for)|retaliated\s+for)\s+|"
    # "It also follows a string of U.S. reprisals", "the raids followed rocket fire", "comes
    # in the wake of": what the event follows is an earlier act (not "followed by", a later
    # one, nor "followed orders")
    r"(?<!\bwho)(?<!\bhe)(?<!\bshe)(?<!\bthey)(?<!\bwe)(?<!\bI)"
    r"\s+(?:also\s+)?follow(?:s|ed)\s+(?=(?:[\w'’.,-]+\s+){0,5}?(?:strikes?|airstrikes?|attacks?|"
    r"raids?|bombings?|shelling|assaults?|reprisals?|fire|killings?|ambush(?:es)?|"
    r"clash(?:es)?|barrages?|offensive|operations?|incursions?)\b)|"
    r"\s+(?:comes?|came|coming)\s+(?:[\w'’-]+\s+){0,3}?(?:on\s+the\s+heels\s+of|in\s+the\s+"
    r"wake\s+of)\s+|"
    # "Israel vowed to keep striking Hezbollah after an airstrike on Sunday killed two",
    # "the Pentagon weighs new strikes following a drone attack that killed three": an act
    # told done, with its own verb, after a clause that holds none (kept only where the
    # clause before is a plan, threat or modal: `_UNREALISED_BEFORE`)
    r"\s+(?:after|following)\s+(?=(?:[\w'’.-]+\s+){0,6}?" + _ACT_NOUN + r"s?\b[^,;]{0,60}?"
    r"\b(?:killed|kills|killing|wounded|injured|struck|hit|hits|destroyed|sank|"
    r"left\s+(?:[\w-]+\s+){1,2}dead)\b)", re.IGNORECASE)))
#: the mood of a clause that holds no act done: a future, modal, plan or threat ("would
#: keep striking", "is weighing new strikes", "vowed to", "plans more raids")
_UNREALISED_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|shall|going\s+to|plan(?:s|ned|ning)?|weigh(?:s|ed|ing)?|"
    r"consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|prepar(?:es|ed|ing)|vow(?:s|ed)?|"
    r"threaten(?:s|ed)?|warn(?:s|ed)?|pledg(?:es|ed)|promis(?:es|ed)|ready|options?)\b|'ll\b",
    re.IGNORECASE)
# "Just a day before these strikes, the IRGC had attacked ...": a time counted from the act
# just told opens the sentence; what follows the comma is another act
_TIME_BEFORE = re.compile(r"^\W*(?:just\s+|only\s+)?(?:a|an|one|two|three|four|five|six|"
                          r"seven|\d+|several|a\s+few)\s+(?:hours?|days?|weeks?|months?)\s+"
                          r"(?:before|after|earlier)\b[^,;]{1,60}(,)\s+", re.IGNORECASE)
# "After it announced the Feb. 27 strikes, the command carried out another round on Feb.
# 28", "Following Monday's raid on the camp, jets bombed the market on Tuesday", "Hours
# after the attack on the base, ...": an opening phrase that names an earlier act by its
# noun; what follows the comma is the sentence's own act (a time counted, "A day after",
# is `_TIME_BEFORE`)
_FRONTED_ACT = re.compile(
    r"^\W*(?:(?:just|only|shortly|soon|hours|days|weeks|moments|minutes)\s+)?"
    r"(?:after|following|in\s+the\s+wake\s+of|on\s+the\s+heels\s+of|in\s+(?:response|"
    r"reply|retaliation|answer)\s+to)\s+(?=[^,;]{0,80}?\b(?:strikes?|airstrikes?|attacks?|"
    r"raids?|bombings?|shelling|assaults?|ambush(?:es)?|barrages?|operations?)\b)"
    r"[^,;]{3,100}?(,)\s+", re.IGNORECASE)
# a verb that tells the main clause's own act ("carried out another round", "struck"; past
# forms only: "strikes", "attacks" are nouns as often, "the toll of such strikes stands at")
_ACT_DONE = re.compile(
    r"\b(?:carried\s+out|conducted|launched|mounted|staged|struck|hit|bombed|shelled|"
    r"pounded|attacked|targeted|fired|raided|unleashed|resumed)\b", re.IGNORECASE)


def fronted_act(text: str) -> int | None:
    """Where the sentence's own clause starts after an opening phrase naming an earlier
    act, when that clause tells an act by a verb of its own; else None. The phrase's day
    ("the Feb. 27 strikes", "Monday's raid") is that act's, not the sentence's."""
    m = _FRONTED_ACT.match(text)
    if m is None or _ACT_DONE.search(text, m.end()) is None:
        return None
    return m.end()


# the act before such an "and" has its own toll
_TOLD_TOLL = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring)\b",
                        re.IGNORECASE)
_ITEM_HEAD = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2},\s")
_ITEM_NUMBER = re.compile(r"\d|(?<!\bno )\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|dozens|scores|hundreds|several)\b", re.IGNORECASE)
_LIST_HEAD = re.compile(r"^[^:;]{3,60}:\s+(?=[^;]*;)")
# a cut after which the clause answers the one before: an event by its words alone
_REPLY = re.compile(r"respon|repl|retaliat|reprisal|revenge|retribution|answer|payback|"
                    r"hitting back", re.IGNORECASE)
# a cut after which the clause tells an earlier act: what the event came after or answered
_EARLIER = re.compile(r"respon|repl|retaliat|reprisal|revenge|retribution|answer|payback|"
                      r"hitting back|after|before|follow|heels|wake", re.IGNORECASE)


_AS_WORDS = frozenset({"as", "while", "even as"})
_CASUALTY_BEFORE = re.compile(r"\b(?:killed|killing|died|dead|wounded|wounding|injured|"
                              r"injuring|casualties)\b", re.IGNORECASE)


def _cuts(text: str) -> list[tuple[int, int, str]]:
    """Where the sentence breaks between events: (start, end, words) of each break."""
    cuts: list[tuple[int, int, str]] = []
    t = _TIME_BEFORE.match(text)
    if t is not None:
        # "A day before these strikes, X had attacked": an earlier act; "A day after the
        # strike, gunmen attacked": a later one (the words of the cut tell which)
        earlier = re.search(r"before|earlier", t.group(0), re.IGNORECASE) is not None
        cuts.append((t.start(1), t.end(), ", before " if earlier else ", then "))
    elif (at := fronted_act(text)) is not None:
        # "Following Monday's raid on the camp, jets bombed a market on Tuesday": the
        # opening phrase's act is the earlier one (`_split_events` labels it)
        cuts.append((text.rindex(",", 0, at), at, ", then "))
    for m in _EVENT_BREAK.finditer(text):
        if cuts and m.start() < cuts[-1][1]:
            continue
        if m.group(0).strip().lower() == "and" and not _TOLD_TOLL.search(
                text, cuts[-1][1] if cuts else 0, m.start()):
            continue  # "an attack announced on May 3 and another on May 14 that killed six"
        if m.group(0).strip().lower() in _AS_WORDS and _CASUALTY_BEFORE.search(
                text, cuts[-1][1] if cuts else 0, m.start()):
            continue  # "two died as a drone struck their car": the deaths' cause, one act
        if m.group(0).strip().lower() in ("after", "following") and \
                not _UNREALISED_BEFORE.search(text, cuts[-1][1] if cuts else 0, m.start()):
            continue  # "ordered a second strike after the first killed nine": one telling
        cuts.append((m.start(), m.end(), m.group(0)))
    return cuts


# "The strike on Monday follows by less than a week the deaths of 11 people", "came on the
# heels of the killing of two fishermen": the deaths it follows are an earlier act's, told
# by a noun with no act word of its own; the event's clause ends before them
_FOLLOWS_DEATHS = gated(re.compile(
    r"\s+(?:follows|followed|comes?\s+on\s+the\s+heels\s+of|came\s+on\s+the\s+heels\s+of)"
    r"\s+(?:by\s+(?:[\w'’-]+\s+){1,4}?)?(?:the|an?|its|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:deaths?|killings?)\s+of\b", re.IGNORECASE))


#: the most characters between an answering cue and the act words it names ("follows a
#: string of U.S. reprisals, among them airstrikes")
ANSWERED_REACH = 60


def _answered_part(s: Sentence, trigs: list[Trigger], cuts: list[tuple[int, int, str]],
                   stop: int) -> list[tuple[int, int, str]]:
    """A sentence whose only acts are what its subject answered or came after ("Its targets
    were military sites in Sanaa, in reply to recent attacks on Israel", "It also follows a
    string of U.S. reprisals, among them airstrikes ..."): the sentence tells of the act
    told before, and what it names after the first such cue is an earlier act
    (`antecedent`, labelled "answered": its kind is not forced); any other sentence is one
    clause."""
    # (not an opening "Two days before that, ...": the sentence's own act, counted back)
    cue = next((c for c in cuts if _EARLIER.search(c[2]) and c[0] > 0 and
                c[2] not in (", before ", ", then ")), None)
    if cue is not None and re.search(r"\w", s.text[:cue[0]]) is not None and \
            not any(t.start - s.start < cue[1] for t in trigs) and \
            max(t.start - s.start for t in trigs) - cue[1] <= ANSWERED_REACH:
        # (every act word right after the cue: "came after the U.S. built up its navy, and
        # they have left 57 dead" names no act answered, its toll is the sentence's own;
        # nor does "came after rockets were launched, and Katz threatened to strike")
        # one clause, its kind read as any sentence's ("follows a string of strikes": a
        # tally)
        return [(s.start, s.start + stop, "answered")]
    return [(s.start, s.start + stop, "")]


def _split_events(s: Sentence, trigs: list[Trigger]) -> list[tuple[int, int, str]]:
    """The sentence's event clauses: split where each side has an event word of its own
    (a strong one, or a casualty word with a count, as list items have)."""
    follows = _FOLLOWS_DEATHS.search(s.text)
    stop = len(s.text) if follows is None else follows.start()
    cuts = [c for c in _cuts(s.text) if c[1] <= stop]
    if not cuts:
        return [(s.start, s.start + stop, "")]
    head = _LIST_HEAD.match(s.text)
    bounds = [head.end() if head else 0] + [end for _, end, _ in cuts]
    ends = [start for start, _, _ in cuts] + [stop]
    parts = list(zip(bounds, ends, strict=True))
    reply = {end for _, end, words in cuts if _REPLY.search(words)}
    earlier = {end for _, end, words in cuts if _EARLIER.search(words)}

    def eventful(a: int, b: int) -> bool:
        # a strong event word, or figures where the clause opens the sentence or a list
        # item ("Kherson, three killed"); "...; two more were wounded" adds to the event
        inside = [t for t in trigs if a <= t.start - s.start < b]
        if inside and a in reply:
            return True  # "in response to U.S. strikes on Sanaa": another event by its words
        return any(t.strength == "strong" for t in inside) or (
            any(t.generic for t in inside) and _ITEM_NUMBER.search(s.text, a, b) is not None
            and (a == bounds[0] or _ITEM_HEAD.match(s.text, a) is not None))

    if sum(eventful(a, b) for a, b in parts) < 2:
        return _answered_part(s, trigs, cuts, stop)
    out: list[tuple[int, int, str]] = []
    for a, b in parts:
        if out and not eventful(a, b):
            pa, _, k = out[-1]
            out[-1] = (pa, s.start + b, k)  # a clause with no event of its own stays
        else:
            out.append((s.start + a, s.start + b, "earlier" if a in earlier else "event"))
    if head and out:
        out[0] = (s.start, out[0][1], out[0][2])
    if len(out) > 1 and out[0][0] == s.start and fronted_act(s.text) is not None:
        out[0] = (out[0][0], out[0][1], "earlier")  # the act the opening phrase names
    return out


# "Israeli strikes killed four people in Khan Younis and two in Jabalia": a second count
# and place share the first one's verb (gapping); each place is an event of its own. The
# places may be told with the act ("seven were killed in an operation in Mohmand district
# and six more in a separate operation in Bannu")
_GAP_ACT = (r"(?:(?:in|during)\s+(?:an?|another)\s+(?:[\w-]+\s+){0,2}?(?:operation|raid|strike|"
            r"attack|clash|ambush|assault)\s+)?")
_GAPPED = re.compile(
    r"\b(?P<verb>killed|killing|wounded|wounding|injured|injuring)\s+(?:[\w-]+\s+){0,3}?"
    + _GAP_ACT + r"in\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
    r"(?:\s+(?:district|province|region|area|town|village|city|county|governorate))?"
    r"\s+(?P<and>and)\s+(?P<n>\d+|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:more\s+|others?\s+)?"
    + _GAP_ACT + r"(?:in|at)\s+(?:the\s+)?[A-Z]")


def _ungap(text: str, a: int, b: int, kind: str) -> list[tuple[int, int, str]]:
    """A clause with a gapped second count split in two; the second part carries its verb."""
    m = _GAPPED.search(text, a, b)
    if m is None or kind == "tally":
        return [(a, b, kind)]
    return [(a, m.start("and"), kind or "event"), (m.start("n"), b, "gap:" + m.group("verb"))]




# "three people on the first boat, two on the second and three on the third", "four aboard
# the first boat ..., four aboard the second boat ...": a toll told per strike or per vessel
# by rank, one item per rank (ranks to the sixth: a day's series)
_SERIES_RANK = "|".join(ranks_up_to(ORDINAL_VALUES, 6))
_RANK = anchored(re.compile(r"\b(?:on|aboard|in|from)\s+(?:board\s+)?the\s+"
                            r"(?P<o>" + _SERIES_RANK + r")\b"
                            r"(?:\s+(?:boat|vessel|ship|craft|skiff|strike|attack)\b)?",
                            re.IGNORECASE))
_RANK_FIGURE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve)\b", re.IGNORECASE)
_DEATH = anchored(re.compile(r"\b(?:kill(?:ed|ing)|dead|died|deaths?)\b", re.IGNORECASE))
# "the first strike killed eight people, the second four and the third three": the rank
# told first, its figure after it
_RANK_LEAD = anchored(re.compile(r"\bthe\s+(?P<o>" + _SERIES_RANK + r")\b"
                                 r"(?:\s+(?:boat|vessel|ship|craft|skiff|strike|attack)\b)?",
                                 re.IGNORECASE))


def _rank_items(s: Sentence) -> list[tuple[int, int, re.Match[str]]]:
    """A toll split by rank ("killed three people on the first boat, two on the second and
    three on the third"): one clause per item, from its figure to the next item's figure,
    each read with the sentence's death verb (the later items omit it). Only where each
    rank, from the first on, has a figure right before it, so "eight were on the boats in
    the first strike" told across sentences, or a rank with no figure, splits nothing."""
    if not _DEATH.search(s.text):
        return []
    return _figure_then_rank(s.text) or _rank_then_figure(s.text)


def _ranks_in_order(found: list[re.Match[str]]) -> bool:
    names = [m.group("o").lower() for m in found]
    return len(found) >= 2 and names[0] == "first" and len(set(names)) == len(names)


def _figure_then_rank(text: str) -> list[tuple[int, int, re.Match[str]]]:
    """"three people on the first boat, two on the second ...": each item from its figure."""
    ranks = list(_RANK.finditer(text))
    if not _ranks_in_order(ranks):
        return []
    starts: list[int] = []
    last = 0
    for m in ranks:
        figures = [f for f in _RANK_FIGURE.finditer(text, last, m.start())
                   if m.start() - f.end() <= 30]
        if not figures:
            return []
        starts.append(figures[-1].start())
        last = m.end()
    ends = starts[1:] + [len(text)]
    return list(zip(starts, ends, ranks, strict=True))


def _rank_then_figure(text: str) -> list[tuple[int, int, re.Match[str]]]:
    """"the first strike killed eight people, the second four and the third three": each
    item from its figure (read with the death verb) to the next rank; only where every
    rank, from the first on, has a figure right after it and before the next rank."""
    ranks = list(_RANK_LEAD.finditer(text))
    if not _ranks_in_order(ranks):
        return []
    bounds = [m.start() for m in ranks[1:]] + [len(text)]
    starts: list[int] = []
    for m, bound in zip(ranks, bounds, strict=True):
        figure = _RANK_FIGURE.search(text, m.end(), min(bound, m.end() + 30))
        if figure is None:
            return []
        starts.append(figure.start())
    return list(zip(starts, bounds, ranks, strict=True))


_ACT_TYPES = (ERV, BAT, VAC)


def _item_frames(doc: Doc, s: Sentence, trigs: list[Trigger]) -> list[Frame]:
    """The sentence's toll items by rank, one event frame each (`list_item`): the rank is
    its event word, the sentence's event words give its type, the death verb its count;
    later items share the first one's agent and date (`gap_of`)."""
    out: list[Frame] = []
    items = _rank_items(s)
    ranks = [(s.start + m.start(), s.start + m.end()) for _, _, m in items]
    for a, b, m in items:
        t = Trigger(s.start + m.start(), s.start + m.end(), m.group(0), None, None,
                    generic=True)
        f = Frame(sentence=s, trigger=t, start=s.start + a, end=s.start + b,
                  violent_context=True, gap_verb="killed", list_item=True)
        f.gap_of = out[0] if out else None
        # the type of the act the sentence tells, else of the act told before it ("the dead
        # numbered three on the first boat"), never of a word beside it ("the targets were
        # designated terrorist organizations")
        _type_frame(doc, f, [t for t in trigs if t.event_type in _ACT_TYPES], s.end)
        before = next((p for p in reversed(doc.frames) if p.event_type in _ACT_TYPES), None)
        if f.event_type is None and before is not None:
            f.event_type, f.sub_event_type = before.event_type, before.sub_event_type
            f.cite("event_type", *before.prov["event_type"][0])
        cited = f.prov.get("event_type") or []
        if cited and any(x <= cited[-1][0] < y for x, y in ranks if x != t.start):
            # "the first strike killed eight, the second four": the act word is the first
            # item's; a later item's type is told by its own rank ("the second")
            f.prov["event_type"] = [(t.start, t.end)]
        f.cite("kind", t.start, t.end)
        out.append(f)
    return out


#: how far into the page a line may open with a wire dateline (below a title, breadcrumbs)
DATELINE_WITHIN = 600


def _clauses_of(doc: Doc, s: Sentence, trigs: list[Trigger]) -> list[tuple[int, int, str]]:
    """(start, end, forced kind) of each event clause of the sentence."""
    clauses: list[tuple[int, int, str]] = []
    m = _TOLL_CLAUSE.search(s.text) or _TOLL_OF_MANY.search(s.text)
    r = _REL_TALLY.search(s.text)
    if m and m.start() > 10:
        clauses.append((s.start, s.start + m.start(), "event"))
        clauses.append((s.start + m.start(), s.end, "tally"))
    elif r and r.start() > 10 and TALLY_CUE.search(s.text, r.end()) and \
            _HAS_NUMBER.search(s.text, r.end()):
        # "a departure from the campaign, where 14 boats have been hit since May": the
        # relative clause is an aggregate of its own, with its own status
        clauses.append((s.start, s.start + r.start(), ""))
        clauses.append((s.start + r.start(), s.end, "tally"))
    else:
        clauses += _split_events(s, trigs)
    if s.index == 0 or (s.start <= DATELINE_WITHIN and doc.text[:s.start].endswith("\n")):
        # "KHARKIV, Ukraine, June 11 (Wire) —": where and when it was filed, also below a
        # page's title and breadcrumbs ("Home / Asia\n\nHeadline\n\nYANGON - ...")
        skip = geo.dateline_end(doc.text, s.start)
        clauses = [(max(a, skip), b, k) for a, b, k in clauses if b > skip]
    return [part for c in clauses for part in _ungap(doc.text, *c)]


def _type_frame(doc: Doc, f: Frame, inside: list[Trigger], b: int) -> None:
    """The frame's ACLED type from its event words (and the weapon, when one is named)."""
    primary = f.trigger
    specific = [t for t in inside if t.event_type and not t.generic]
    best = primary if primary.event_type else (specific[0] if specific else None)
    if best is not None:
        f.event_type, f.sub_event_type, f.action = (best.event_type,
                                                    best.sub_event_type, best.action)
        f.cite("event_type", best.start, best.end)
        if f.sub_event_type == "Attack" and _ARMED_TARGET.match(doc.text, best.end, b):
            # "gunmen opened fire on a checkpoint": armed men on both sides
            f.event_type, f.sub_event_type = BAT, "Armed clash"
    pre = _WEAPON_BEFORE.search(doc.text, max(0, primary.start - 30), primary.start)
    if best is None and pre is not None:
        # "a missile attack on two warships", "a drone attack": the weapon names the kind
        f.event_type = ERV
        f.sub_event_type = "Air/drone strike" if pre.group("air") else \
            "Shelling/artillery/missile attack"
        f.cite("event_type", pre.start(), primary.end)
    inst = _INSTRUMENT.match(doc.text, primary.end, min(b, primary.end + 60))
    if inst is not None and (best is None or (
            best.generic is False and best.text.lower() in ("strike", "strikes",
                                                            "struck", "striking"))):
        # "attacked ... with drones and missiles", "struck by a missile": the
        # weapon names the kind of attack
        f.event_type = ERV
        f.sub_event_type = "Air/drone strike" if inst.group("air") else \
            "Shelling/artillery/missile attack"
        f.cite("event_type", inst.start(), inst.end())
    _retype_from_air(doc, f)


def _retype_from_air(doc: Doc, f: Frame) -> None:
    """A launch or raid that the copy places in the air: an air/drone strike (why: the
    missile a drone fires and the raid of wire copy are what ACLED codes as air strikes)."""
    cited = f.prov.get("event_type") or []
    if not cited:
        return
    a, b = cited[-1]
    word = doc.text[a:b]
    if f.sub_event_type == "Shelling/artillery/missile attack" and _LAUNCH_WORD.match(word) \
            and _AIR_LAUNCHER.search(doc.text, max(f.sentence.start, a - 50), a):
        f.sub_event_type = "Air/drone strike"
    elif f.event_type == BAT and f.sub_event_type == "Armed clash" and \
            _RAID_WORD.match(word) and _raid_from_air(doc, f, Trigger(a, b, word, None, None)):
        f.event_type, f.sub_event_type = ERV, "Air/drone strike"


@component("clauses", requires=("doc.sentences", "doc.triggers"),
           assigns=("doc.frames", "frame.kind", "frame.event_type", "frame.gap_of",
                    "frame.violent_context", "frame.anaphoric", "frame.list_item",
                    "frame.antecedent"))
def build_frames(doc: Doc) -> None:
    """One frame per event clause (two where a toll clause follows)."""
    for s in doc.sentences:
        trigs = doc.triggers.get(s.index)
        if not trigs:
            continue
        items = _item_frames(doc, s, trigs)
        if items:
            doc.frames.extend(items)
            continue
        sibling: Frame | None = None
        for a, b, forced in _clauses_of(doc, s, trigs):
            inside = [t for t in trigs if a <= t.start < b]
            if not inside and forced.startswith("gap:") and sibling is not None:
                inside = [Trigger(a, b, doc.text[a:b], None, None, strength="weak",
                                  generic=True)]
            if not inside:
                continue
            primary = min(inside, key=_priority)
            if primary.strength == "strong" and doc.frames and _in_quote(s.text,
                                                                         primary.start - s.start):
                # a quote restates what the sentences before told ("“... an airstrike
                # near Kismayo on May 24 ...”"): it joins that event unless it differs
                primary = replace(primary, strength="weak")
            f = Frame(sentence=s, trigger=primary, start=a, end=b)
            # the sentence, or the one before it ("... shelling killed 11. The figures by
            # region: ..."), tells of violence
            f.violent_context = any(t.event_type in (ERV, BAT, VAC)
                                    for t in trigs + doc.triggers.get(s.index - 1, []))
            _type_frame(doc, f, inside, b)
            f.cite("kind", primary.start, primary.end)
            if forced and forced != "answered":
                f.kind = "tally" if forced == "tally" else "event"
            f.antecedent = forced in ("earlier", "answered")
            if forced.startswith("gap:") and sibling is not None:
                f.gap_verb, f.gap_of = forced[4:], sibling
            pre = doc.text[max(s.start, f.trigger.start - 40):f.trigger.start]
            f.anaphoric = bool(_ANAPHOR.search(pre)) and not _INDEF.search(pre)
            sibling = f
            doc.frames.append(f)

"""Status of a reported event: occurred, planned, threatened, denied, hypothetical.

A plan is not a strike. The cues are read in the sentence up to the event word (the clause
that governs it), strongest first: denial ("denied", "was not responsible for", "had no part
in"), condition ("if the plan moves forward"), threat ("we could strike", "vowed to"), plan
("preparing", "readying a possible strike", "an attack plan"), permission ("lets the
military strike"), bare modality ("would", "could"; not one that governs a say-verb: "would
say only that forces had carried out a raid"). Hedges ("reportedly") never change the
status; they are returned separately. `background` marks history recalled as context.
"""

from __future__ import annotations

import datetime as dt
import re

from strikewatch.caseless import lowered, may_hold
from strikewatch.extract.anchored import anchored
from strikewatch.extract.lookahead import prefixed
from strikewatch.extract.triggers import find_triggers
from strikewatch.records import Status

_DENY = anchored(re.compile(
    r"\b(?:denied|denies|deny|denying|rejected (?:reports|claims|allegations)|"
    r"(?:challenging|challenged|disputing|disputed|contesting|contested) (?:the )?"
    r"(?:reports|claims|accounts)|dismissed "
    r"(?:reports|claims)|did not (?:carry out|conduct|strike|attack|launch)|never (?:struck|"
    r"happened|took place|carried out)|no (?:strike|attack|raid) (?:took place|occurred|"
    r"happened)|(?:was|were) not involved|(?:was|were|is|are) not (?:responsible for|behind)|"
    r"(?:had|has|have) (?:no part|no role|no hand|nothing to do) (?:in|with)|"
    # an accusation called false: "called false the allegation that it had hit a camp",
    # "termed the reports baseless", "rubbished Pakistan's claim"
    r"(?:called|calls|calling|termed|terms|branded|brands|labell?ed|described) "
    r"(?:[\w'’-]+ ){0,4}?(?:false|baseless|fabricated|untrue|unfounded|fake|lies)|"
    r"rubbish(?:ed|es|ing)|dismiss(?:ed|es|ing) (?:[\w'’-]+ ){0,3}?(?:claims?|allegations?|"
    r"reports?|accusations?)|"
    # the report itself named false before what it told: "put out false reports that drones
    # had dropped bombs", "fake news of an air strike", "spread bogus claims that"
    r"(?:false|fake|bogus|fabricated|made-up|invented|baseless|unfounded)\s+(?:news\s+)?"
    r"(?:reports?|claims?|allegations?|accounts?|stories|story|rumou?rs?|news)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:that|of|about))\b", re.IGNORECASE))
# a condition: "if", "unless", and an inverted "Should Washington attack ..., we would ..."
# at the head of a sentence or clause
_IF = re.compile(r"(?:^|[,;:—]\s*)(?:if|unless|should|in the event)\b|\b(?:if|unless|"
                 r"whether)\b", re.IGNORECASE)
# a relative clause opened after the condition word and still open at the event word
_RELATIVE_AFTER = re.compile(r",\s+(?:(?:\w+\s+){1,2}of\s+)?(?:whom|which|who)\b[^,;]*$",
                             re.IGNORECASE)
# (not a hedge on the report, "..., if accurate", "if true", "if confirmed", nor a time
# told in the past perfect, "once Israel had hit its nuclear sites": the act is told done)
_POST_IF = prefixed(re.compile(r"\b(?<!even )(?<!as )(?:if(?!\s+(?:[\w'’]+\s+){0,3}?"
                               r"(?:true|accurate|correct|confirmed|verified|genuine|"
                               r"authentic)\b)|unless|"
                               r"(?<!at )(?<!all at )once(?![^,;.]{0,50}?\bhad\b)|"
                               r"provided that|in the event that)\b", re.IGNORECASE))
# a claim of the event denied later in the sentence: "..., a claim Cairo denied", "...,
# an account the army has rejected", "reports denied by the army" (not "..., which the
# group denied": what "which" stands for may be a detail, not the strike)
_CLAIM_DENIED = anchored(re.compile(
    r"\b(?:a|the|an) (?:claim|report|allegation|accusation|account)s?\s+"
    r"(?:[\w'’.-]+\s+){1,3}?(?:has\s+|have\s+|had\s+)?(?:denied|rejected|dismissed)\b|"
    r"\b(?:claims?|reports?|allegations?|accusations?)\s+(?:that\s+)?(?:were\s+|was\s+)?"
    r"(?:denied|rejected|dismissed) by\b", re.IGNORECASE))
# the event told inside a report that is then called false: "media reports of U.S. strikes
# on targets in Iraq were not accurate", "claims that the army shelled the town are
# baseless" (the report's noun opens the clause before the event word; its predicate,
# after it, denies it)
#: the nouns a report goes by (also `components/status.py`'s "denied the report")
REPORT_NOUNS = r"(?:reports?|claims?|allegations?|accounts?|accusations?)"
_REPORT_OPENS = re.compile(r"\b" + REPORT_NOUNS +
                           r"(?:\s+[\w'’.-]+){0,4}?\s+(?:of|that)\b(?:[^.;]|(?-i:(?<=[A-Z]))\.)*$",
                           re.IGNORECASE)
_CALLED_FALSE_AFTER = re.compile(
    r"(?:[^.;]|(?-i:(?<=[A-Z]))\.){0,90}?\b(?:is|are|was|were)\s+"
    r"(?:(?:entirely|completely|totally|simply|wholly|also)\s+)?(?:false|untrue|inaccurate|baseless|unfounded|fabricated|wrong|"
    r"not\s+(?:accurate|true|correct))\b", re.IGNORECASE)
# a conditional threat is said by a party: a say-verb, a quotation or a first person (an
# analyst's "if talks fail, a war would follow" is speculation, kept hypothetical)
_PARTY_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|warned|warns|threatened|threatens|"
                           r"vowed|vows|declared|stated|wrote|posted|added|insisted|"
                           r"we|I|us|our)\b|[\"“”]")
_SPECULATION = re.compile(r"\b(?:analysts?|experts?|observers?|commentators?|scholars?|"
                          r"researchers?)\b", re.IGNORECASE)
# the consequence a party commits to ("there will be bombing", "would strike", "we'll hit"),
# not one it speculates about ("could face strikes", "might")
_COMMITTED = re.compile(r"(?:\b(?:will|would|shall|going to)|'ll|’ll)\s+(?:[\w'’-]+\s+){0,4}?$",
                        re.IGNORECASE)
_COMMITTED_HEAD = re.compile(r"(?:\b(?:will|would|shall|going to)|'ll|’ll)\s+(?!have\b)",
                            re.IGNORECASE)
# acts of force the trigger lexicon leaves to their object ("launch rockets", "retaliate")
_FORCE_VERB = re.compile(r"(?:[\w'’-]+\s+){0,2}?(?:launch(?:ing)?|fir(?:e|ing)|hit(?:ting)?|"
                         r"target(?:ing|ed)?|retaliat(?:e|ing)|respond|resum(?:e|ing)|destroy|"
                         r"wipe out|(?:return|go) to war)\b", re.IGNORECASE)
# a party's word on what any act against it would meet: "any attack would be met with force"
_ANY_BEFORE = re.compile(r"\bany\s+(?:[\w.-]+\s+){0,2}$", re.IGNORECASE)
_SPECULATIVE = re.compile(r"\b(?:could|might|may|would have|will have)\b", re.IGNORECASE)
# the end of a fronted condition: "If Iran does not agree, ..." / "Should they refuse, ..."
_CONDITION_END = re.compile(r",|\bthen\b")


def _party_speaks(sentence: str) -> bool:
    return bool(_PARTY_SPEECH.search(sentence)) and not _SPECULATION.search(sentence)


def _committed_before(pre: str) -> bool:
    """A committed future governs the event word: "will be", "would strike", "'ll hit"."""
    near = pre[-50:]
    return bool(_COMMITTED.search(near)) and not _SPECULATIVE.search(near)


def _committed_act(clause: str) -> bool:
    """The clause commits to an act of force: "would attack", "will launch rockets"."""
    for m in _COMMITTED_HEAD.finditer(clause):
        act = clause[m.end():m.end() + 40]
        if (_FORCE_VERB.match(act) or find_triggers(act)) and \
                not _SPECULATIVE.search(clause, max(0, m.start() - 15), m.end()):
            return True
    return False


def _threat_after_condition(sentence: str, pre: str, cond: re.Match[str]) -> bool:
    """"If Iran does not agree, there will be bombing, Trump said": a party's threat of its
    own strike under a condition is a threat (a coder records it `threatened`); the event
    named inside the condition ("if the US strikes") stays hypothetical."""
    first = pre[:cond.start()].strip()
    if first and first[-1] not in ",;:—" and not first.endswith(("\"", "“")):
        # the event word lies in a trailing condition: "the Houthis said they would attack
        # US warships if the strikes continued" tells the threat, whose act is the main
        # clause's ("would attack"); one with no committed act there stays hypothetical
        return _party_speaks(sentence) and _committed_act(first)
    end = _CONDITION_END.search(pre, cond.end())
    if end is None:
        # the event word lies inside the condition: "Should America strike Yemen, US ships
        # will be targeted, its leader said" — the sentence tells the threat that follows
        # it, as a trailing condition does (above); no committed act, it stays hypothetical
        after = _CONDITION_END.search(sentence, cond.end())
        return after is not None and _party_speaks(sentence) and \
            _committed_act(sentence[after.end():])
    return _party_speaks(sentence) and _committed_before(pre[end.end():])


_THREAT = re.compile(
    r"\b(?:threaten(?:ed|s|ing)?(?: to)?|warn(?:ed|s|ing)? (?:(?:late |early )?on \w+ )?"
    r"(?:that )?(?:[\w'’-]+ ){0,3}?"
    r"(?:would|will|could)|vow(?:ed|s|ing)? to|(?:we|i)(?:'ll| will| could| "
    r"would| may| might| are going to)|will not hesitate|ready to)\b", re.IGNORECASE)
# what a party names as targets for its acts to come: "all US warships are now targets for
# Houthi attack", "declared the bases legitimate targets of its strikes"
# (not "the targets of the strikes included a depot": a past act's)
_TARGETS_FOR = re.compile(r"\b(?:(?:legitimate|fair|lawful|potential|possible)\s+targets?\s+"
                          r"(?:for|of)|targets?\s+for)\s+(?:[\w'’-]+\s+){0,2}$",
                          re.IGNORECASE)
#: `_THREAT` matches only where one of these stands
_THREAT_WORDS = ("threaten", "warn", "vow", "'ll", " will", " could", " would", " may",
                 " might", " are going to", "will not hesitate", "ready to")
_PLAN = anchored(re.compile(
    r"\b(?:plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)|intend(?:s|ed)? to|(?:is|are|was|were)?"
    r" ?expected to|set to|poised to|consider(?:s|ed|ing)|weigh(?:s|ed|ing)|potential|"
    r"propos(?:ed|al|als)|options?|contingency|blueprint|draw(?:ing|n|s)? up|"
    r"envision(?:s|ed)?|under consideration|not yet|upcoming|future|possible|imminent|"
    r"ready(?:ing)?|readies|groundwork|prelude|"
    # a choice still being looked at: "looking at a number of ways to act against",
    # "mulling strikes", "three scenarios", "courses of action"
    r"scenarios?|courses? of action|mull(?:s|ed|ing)?|contemplat(?:es|ed|ing)|"
    r"(?:look(?:s|ed|ing)?|explor(?:es|ed|ing)|stud(?:ies|ied|ying)) (?:at )?(?:[\w-]+ ){0,3}?"
    r"(?:ways|means|possibilities|choices|steps)|"
    r"will (?:begin|launch|deploy|conduct|start|send))\b", re.IGNORECASE))
# an aim told right before the act: "said it meant to strike the airports" (not "the flights
# are meant to give a picture", where the aim is another verb's)
_AIM_TO = anchored(re.compile(r"\b(?:meant|means|aims?|aimed|intends?|intended)\s+to\s+$",
                              re.IGNORECASE))
# the event word naming what a plan is of: "an attack plan", "strike options"
_PLAN_NOUN = re.compile(r"\s+(?:plans?|options?|proposals?|scenarios?)\b", re.IGNORECASE)
# the event as a choice still open: "a retaliatory strike was still an option", "military
# action remains on the table", "strikes are among the options being weighed"
_STILL_OPEN = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:is|are|was|were|remains?|remained|"
                         r"stays?|stayed)\s+(?:still\s+|very\s+much\s+|firmly\s+)?"
                         r"(?:an?\s+(?:[\w-]+\s+)?option|one\s+(?:of\s+(?:the|several|many)\s+)?"
                         r"options?|among\s+the\s+options|on\s+the\s+table)\b", re.IGNORECASE)
# the act as a possibility ruled out or left open, its noun the subject: "a second strike
# has not been ruled out", "further raids were ruled out", "strikes are off the table"
_RULED_OUT_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:is|are|was|were|has|have|had|"
                              r"remains?|remained)\s+(?:not\s+|never\s+|now\s+|still\s+)?"
                              r"(?:been\s+)?(?:ruled\s+out|off\s+the\s+table|excluded)\b",
                              re.IGNORECASE)
# the act as the subject of what is readied, not done: "a second strike is ready to go",
# "more raids are in the works", "fresh strikes are being weighed" (not "was planned for
# weeks", told of an act done)
_TO_COME_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}?(?:is|are|was|were|stands?|stood|remains?)"
                            r"\s+(?:now\s+|still\s+|all\s+)?(?:ready|imminent|in\s+the\s+works|"
                            r"on\s+the\s+way|being\s+(?:planned|prepared|readied|weighed|"
                            r"considered|drawn\s+up))\b", re.IGNORECASE)
# a permission: "the designation lets the military strike ...", "allows forces to attack"
_LETS = anchored(re.compile(r"\b(?:(?:lets?|allows?|allowing|permits?|enables?|authori[sz]es)\s+"
                            r"(?:[\w'’-]+\s+){1,4}?(?:to\s+)?|"
                            # a permission told in the past, to someone: "said he allowed the
                            # CIA to carry out secret operations" (not "allowed a surge of
                            # strikes", which tells them done)
                            r"(?:allowed|permitted|enabled)\s+(?:[\w'’-]+\s+){1,3}?to\s+)"
                            r"(?:(?:carry\s+out|conduct|launch|mount|stage)\s+"
                            r"(?:[\w'’-]+\s+){0,2})?$", re.IGNORECASE))
_CLAUSE_END = re.compile(r",\s+(?:and|but|while|whereas)\b|;")
_WARN = re.compile(r"\b(?:warn(?:ed|s|ing)?|threaten(?:ed|s|ing)?|vow(?:ed|s)?)\b[^.;]{0,60}?"
                   r"\bthat\b", re.IGNORECASE)
_NOT_YET = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:(?:is|was|are|were)\s+(not|never)\s+"
                      r"(?:yet\s+)?(?:imminent|expected|likely|scheduled|planned|under way|"
                      r"underway)|"
                      r"(?:has|have|had)\s+(not)\s+(?:yet\s+)?(?:begun|started|taken place))\b",
                      re.IGNORECASE)
# "X said (on Thursday) that strikes on land targets could come next": a future told by a
# speaker, as "warned that" is (the modal may stand further from the event word than the
# bare-modal window reaches, but only before a verb of what comes next)
_SAID_THAT = anchored(re.compile(r"\b(?:said|says|told|announced|suggested|signall?ed|indicated|"
                                 r"hinted)\b(?:[^.;]|(?<=\b[A-Z])\.){0,60}?\bthat\s+"
                                 r"(?:[\w'’-]+\s+){0,2}$",
                                 re.IGNORECASE))
# (a word of the phrase may stand in quotes: strikes on "land" could come next)
_FUTURE_AFTER = re.compile(r"\s+(?:[\"“”]?[\w'’-]+[\"“”]?\s+){0,6}?(?:could|would|will|might)\s+"
                           r"(?:soon\s+|also\s+)?(?:come|follow|be next|begin|start|expand|"
                           r"extend|resume|include)\b", re.IGNORECASE)
# "may have died in Sunday's drone attack": a perfect modal hedges what the attack did (a
# toll), not whether the attack named after the preposition happened
_PERFECT_MODAL_OF = re.compile(r"\b(?:may|might|could)\s+have\s+(?:been\s+)?[\w-]+\s+"
                               r"(?:in|during|after|from|by)\s+(?:[\w'’-]+\s+){0,4}$")
_SPEECH_MODAL = re.compile(r"\b(?:would|could|will|might|may)\s+(?:not\s+|only\s+|neither\s+)?"
                           r"(?:say|comment|confirm|deny|answer|disclose|elaborate|reveal|"
                           r"discuss|speak|give)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:would|could|might|(?-i:may)|cannot|can't|should|will|"
                    r"must(?!\s+have\b))\b", re.IGNORECASE)
# the event noun's own phrase, then its modal verb: "a US strike on cartel labs in Mexico
# would likely kill civilians" (the phrase's words are places and objects, no verb of an act
# told and no relative clause between)
_NP_THEN_MODAL = re.compile(r"\s+(?:(?:on|in|against|at|near|inside|into|across|off|of|"
                            r"the|a|an|its|their|US|U\.S\.|(?-i:[A-Z][\w'’.-]*)|"
                            r"(?!(?:killed|kill|hit|struck|left|was|were|is|are|has|had|have|"
                            r"that|which|who|and|but|or|said|says)\b)[a-z][\w-]*|"
                            r"[\"“][\w'’ -]{1,30}[\"”])\s+){0,7}?"
                            r"(would|could|might)\s+(?:likely\s+|probably\s+|also\s+)?"
                            r"(?!have\b)", re.IGNORECASE)
_HEDGE = anchored(re.compile(
    r"\b(?:reportedly|allegedly|alleged|purportedly|apparently|unconfirmed|is said to|"
    r"are said to|"
    r"(?:is|are|was|were) believed to|suspected|"
    r"claimed(?! (?:responsibility|credit|the (?:attack|strike|bombing|lives)|either|both))|"
    r"presumably|according to reports)\b",
    re.IGNORECASE))
_BACKGROUND = anchored(
    re.compile(r"\b(?:decades? ago|in the (?:19|20)\d0s|historically|a century ago|"
                         r"history|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|"
                         r"several|many|\d+)\s+years?\s+ago)\b", re.IGNORECASE))
# the start of the war a story is set in, told by its calendar day: "It started on October
# 7, when Hamas fighters broke through ...", "The war began in April, when ..." (a start
# told by a day relative to the page, "began on Saturday when", is news)
_ONSET = re.compile(r"^\W*(?:it|this|the\s+(?:war|conflict|crisis|fighting))\s+(?:all\s+)?"
                    r"(?:started|began|erupted|broke\s+out)\s+(?:on|in)\s+(?:January|February|"
                    r"March|April|May|June|July|August|September|October|November|December)"
                    r"\b[^.;]{0,25}?\bwhen\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# a question asked, the auxiliary first (after a label such as "Explainer:"): "Can Trump
# legally strike Venezuela?", "Will Israel hit Iran's oil?" — what it asks about is not told
# as done
_QUESTION = re.compile(r"^\W*(?:[\w'’ ]{1,25}:\s*)?(can|could|will|would|should|might|may|"
                       r"shall|is|are|does|do|did)\b", re.IGNORECASE)
_SINCE_PHRASE = re.compile(r"\bsince\b[^,;.]*", re.IGNORECASE)


# an act named as what came before the clause's news: "after fresh attacks by the group",
# "following last week's strike on", "in the wake of the raid" (not "after any strike", "after
# a possible attack": what has not happened)
_CAME_AFTER = re.compile(r"\b(?:after|following|in\s+the\s+wake\s+of)\s+(?!(?:[\w'’-]+\s+)"
                         r"{0,4}?(?:any|possible|potential|future|planned|eventual|expected|"
                         r"further|more)\b)(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


# an act ruled out, or talked of as a possibility or an idea, is not told as done: "ruled
# out US strikes on cartels", "rejected the possibility of American attacks", "dismissed
# the idea of a raid" (not "the possibility that the attack was ...": a definite act told)
_RULED_OUT = re.compile(r"\b(?:rul(?:e|es|ed|ing)\s+out|(?:possibility|idea|notion|option)\s+"
                        r"of)\s+(?!the\b|this\b|that\b|its\b|their\b)(?:[\w.'’-]+\s+){0,4}$",
                        re.IGNORECASE)
_RULED_OUT_WORDS = ("rule", "possibility", "idea", "notion", "option")


def read_status(sentence: str, trig_start: int, trig_end: int
                ) -> tuple[Status, tuple[int, int] | None, bool]:
    """(status, (start, end) of the cue words or None, whether a cue was found) for the
    event word.

    Offsets are relative to `sentence`; the trigger is sentence[trig_start:trig_end]. The
    cue is returned whole ("warned that the US would"), because it is cited as the status's
    evidence: a cue's first letter alone ("w") tells a reader nothing.
    """
    came_after = _CAME_AFTER.search(sentence, max(0, trig_start - 70), trig_start) \
        if may_hold(lowered(sentence), ("after", "following", "wake")) else None
    if came_after is not None:
        # "are looking for ways to deter the Houthis after fresh attacks on warships": the
        # act the news came after is told done; the cue before governs the main clause
        sentence = " " * came_after.start() + sentence[came_after.start():]
    pre = sentence[:trig_start]
    # each pattern is searched only where the clause holds a word it needs (`may_hold`):
    # the same answer, most clauses turned away without a search
    low = lowered(sentence)
    modal_words = may_hold(low, ("would", "could", "will", "might", "may", "cannot", "can't",
                                 "should", "must"))
    # "would say only that forces had carried out a raid", "would not answer when asked
    # about the attack": the modal governs the telling, not the event told
    local = _SPEECH_MODAL.sub(lambda m: " " * len(m.group(0)), pre[-60:]) if modal_words \
        else pre[-60:]
    around = sentence[:min(len(sentence), trig_end + 45)]
    m = _DENY.search(around) or _CLAIM_DENIED.search(sentence, trig_end)
    if m:
        return "denied", m.span(), True
    m = _QUESTION.match(sentence) if sentence.rstrip().endswith("?") else None
    if m:
        return "hypothetical", m.span(1), True  # "Can Trump legally strike Venezuela?"
    if may_hold(low, ("report", "claim", "allegation", "account", "accusation")) and \
            _REPORT_OPENS.search(pre) and (m := _CALLED_FALSE_AFTER.match(sentence, trig_end)):
        return "denied", m.span(), True
    m = _IF.search(pre) if may_hold(low, ("if", "unless", "should", "in the event", "whether")) \
        else None
    if m and _RELATIVE_AFTER.search(pre, m.end()):
        m = None  # "whether the 11 aboard, two of whom lived through the first strike, ...":
        # the event word sits in a relative clause the condition does not govern
    if m:
        if _threat_after_condition(sentence, pre, m):
            return "threatened", m.span(), True  # "if Iran does not agree, there will be"
        return "hypothetical", m.span(), True
    m = _THREAT.search(pre) if may_hold(low, _THREAT_WORDS) else None
    if m is None and may_hold(low, ("target",)):
        m = _TARGETS_FOR.search(pre, max(0, len(pre) - 60))
    if m:
        return "threatened", m.span(), True
    warn = _WARN.search(pre) if may_hold(low, ("warn", "threaten", "vow")) else None
    if warn and _committed_before(pre[warn.end():]):
        # "warned that any state that acted against it would see its ships targeted"
        return "threatened", warn.span(), True
    # a condition after the event word governs it only within its clause ("..., and more
    # would be released once details were confirmed" conditions the release)
    m = None
    if may_hold(low, ("if", "unless", "once", "provided that", "in the event that")):
        stop = _CLAUSE_END.search(sentence, trig_end, min(len(sentence), trig_end + 90))
        m = _POST_IF.search(sentence, trig_end, stop.start() if stop else
                            min(len(sentence), trig_end + 90))
    if m:
        if _party_speaks(sentence) and _committed_before(pre):
            return "threatened", m.span(), True  # "said the US would strike ... if"
        return "hypothetical", m.span(), True  # "prepared to deploy troops ... if a deal"
    if warn and _MODAL.search(sentence, trig_end, min(len(sentence), trig_end + 70)):
        return "threatened", warn.span(), True  # "warned that strikes could soon extend"
    m = _SAID_THAT.search(pre)
    if m and _FUTURE_AFTER.match(sentence, trig_end):
        return "threatened", m.span(), True  # "said that strikes ... could come next"
    m = _NOT_YET.match(sentence, trig_end) if may_hold(low, ("not", "never")) else None
    if m:
        return "planned", m.span(1), True  # "a deployment was not imminent"
    m = _PLAN.search(pre) or _PLAN_NOUN.match(sentence, trig_end) or _AIM_TO.search(pre) or \
        (_STILL_OPEN.match(sentence, trig_end) if may_hold(low, ("option", "table")) else None)
    if m:
        return "planned", m.span(), True  # ("work up a possible attack plan")
    m = _RULED_OUT.search(pre) if may_hold(low, _RULED_OUT_WORDS) else None
    if m:
        return "hypothetical", m.span(), True  # "ruled out US strikes on cartels"
    m = _RULED_OUT_AFTER.match(sentence, trig_end) \
        if may_hold(low, ("ruled out", "off the table", "excluded")) else None
    if m:
        return "hypothetical", m.span(), True  # "a second strike has not been ruled out"
    m = _TO_COME_AFTER.match(sentence, trig_end) \
        if may_hold(low, ("ready", "imminent", "works", "way", "being")) else None
    if m:
        return "planned", m.span(), True  # "a second strike is ready to go"
    m = _LETS.search(local)
    if m:
        shift = len(pre) - len(local)
        return "hypothetical", (m.start() + shift, m.end() + shift), True
    if not modal_words:
        return "occurred", None, False  # no modal before or after the event word
    post = re.match(r"\s+(?:\w+\s+){0,3}?(would|could|might)\s+(?!have\b)",
                    sentence[trig_end:trig_end + 40]) or \
        _NP_THEN_MODAL.match(sentence[trig_end:trig_end + 70])
    modal = _MODAL.search(local)
    if post and not modal:
        cue = (trig_end + post.start(1), trig_end + post.end(1))
        if post.group(1) == "would" and _ANY_BEFORE.search(pre) and _party_speaks(sentence):
            return "threatened", cue, True  # "any U.S. offensive would bring a total war"
        # "an assault would be ..."
        return "hypothetical", cue, True
    m = modal
    if m and _PERFECT_MODAL_OF.search(local):
        return "occurred", None, False  # "may have died in Sunday's attack"
    if m:
        cue = (m.start() + len(pre) - len(local), m.end() + len(pre) - len(local))
        if _PLAN.search(sentence):
            return "planned", cue, True
        if _party_commits(sentence, pre):
            return "threatened", cue, True  # "Katz said a war would destroy Hezbollah"
        return "hypothetical", cue, True
    return "occurred", None, False


# a party's word: a say-verb, or the colon or quote mark of its words
_SPOKEN = re.compile(r"\b(?:said|says|say|told|tells|warned|warns|vowed|vows|declared|"
                     r"stated|insisted|added|pledged|promised|stressed)\b|[:\"“”]",
                     re.IGNORECASE)
_NEGATED_MODAL = re.compile(r"(?:\bwill|\bwould|\bshall|'ll|’ll)\s+(?:not|never)\b|\b(?:won['’]t|"
                            r"wouldn['’]t)\b", re.IGNORECASE)


def _party_commits(sentence: str, pre: str) -> bool:
    """A party's committed future of force, in its own words ("the minister said a war would
    wipe out Hezbollah", "X warned: 'we will strike'"): a threat, not speculation (why: a
    coder records a party's promise of its own violence as `threatened`; an analyst's or a
    could/might stays hypothetical)."""
    return _committed_before(pre) and not _NEGATED_MODAL.search(pre[-50:]) and \
        bool(_SPOKEN.search(sentence)) and not _SPECULATION.search(sentence)


def read_hedges(sentence: str) -> list[tuple[str, int, int]]:
    """Hedging words in the sentence, with offsets."""
    return [(m.group(0).lower(), m.start(), m.end()) for m in _HEDGE.finditer(sentence)]


def is_background(sentence: str, published: dt.date | None) -> bool:
    """History recalled as context: an explicit year well before publication, or cues."""
    low = lowered(sentence)
    if (may_hold(low, ("ago", "in the 19", "in the 20", "histor")) and
            _BACKGROUND.search(sentence)) or _ONSET.match(sentence):
        return True
    ref = published.year if published else None
    if ref is None or not may_hold(sentence, ("18", "19", "20")):
        return False  # no date to reckon from, or no year (`_YEAR`) to reckon
    # "since the invasion in February 2022": a period reaching to now, not history
    if may_hold(low, ("since",)):
        sentence = _SINCE_PHRASE.sub("", sentence)
    for m in _YEAR.finditer(sentence):
        y = int(m.group(1))
        if y < ref - 2:
            return True
    return False

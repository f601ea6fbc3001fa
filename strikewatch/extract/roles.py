"""Roles: which of the actors a clause names acted (actor1) and which was acted on (actor2).

Read from word order around the event word (subject before an active verb, "by X" after a
passive, "on/against X" for the target); `assign_roles` says when the order is ambiguous so
the actors component can ask spaCy's parser instead (actors.py finds the names).
"""

from __future__ import annotations

import re

from strikewatch.extract.actors import DEMONYMS, ActorHit, find_actors
from strikewatch.extract.anchored import gated
from strikewatch.extract.counts import WORD_VALUES
from strikewatch.records import Actor

# "southern and eastern Lebanon", "northern Syria": the quarters of a place before its name
_QUARTERS = (r"(?:(?:north|south|east|west|central)\w*\s+(?:(?:and|or)\s+"
             r"(?:north|south|east|west|central)\w*\s+)?)?")
_TARGET_MARK = re.compile(r"\b(?:on|against|targeting|at|aimed at|toward|towards|hit|"
                          r"struck|killing|killed|kill)\s+(?:(?:the|a|an|two|three|several|"
                          r"suspected|alleged|armed|rival|\w+-\w+)\s+){0,2}" + _QUARTERS + "$",
                          re.IGNORECASE)
# "The U.S. military said it conducted ...": the speaker is the agent (and with where or
# when it said so between: "said in a social media post that it hit", "said on X that it")
_SPEAKER_AGENT = re.compile(r"^,?\s*(?:(?:meanwhile|separately|also),\s*)?(?:has |have )?"
                            r"(?:said|says|announced|confirmed|acknowledged|claimed)\s+"
                            r"(?:(?:on|in|via|through)\s+(?:[\w.'’-]+\s+){1,5}?"
                            r"(?=(?:that|it|they|its|their)\b))?"
                            r"(?:(?:separately|later)\s+)?(?:that\s+)?"
                            r"(?:(?:earlier|later|late|early)\s+(?:on\s+)?\w+\s+)?(?:it|they|"
                            r"(?:its|their)\s+(?:[\w-]+\s+)?(?:forces|troops|military|army|navy|"
                            r"air force|drones|missiles|jets|warplanes|units|soldiers|fighters))\b",
                            re.IGNORECASE)
_POSSESSIVE_ACTOR = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_CAPWORD = re.compile(r"(?<![.“\"] )(?<![“\"‘])\b(?!(?:The|A|An|On|In|At|We|I|He|She|They|It|This|"
                      r"That|These|Those|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|"
                      r"Several|Some|Many|Dozens|Hundreds|Thousands|Monday|Tuesday|Wednesday|Thursday|"
                      r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
                      r"August|September|October|November|December)\b)[A-Z][a-z]+\b")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_BY = re.compile(r"\bby\b")
# an event word that is itself passive ("the car was hit", "being hit by a projectile")
_PASSIVE_TRIGGER = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?hit\b")
_BY_DEMONYM = re.compile(r"\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(" + "|".join(
    sorted((d for d, c in DEMONYMS.items() if c), key=len, reverse=True)) + r")\b")
# (a state "along the Pakistan–Afghanistan border" is where, not who)
_LOCATIVE = re.compile(r"\b(?:in|inside|into|near|across|off|of|from|with|over|to|along)\s+"
                       r"(?:the\s+)?" + _QUARTERS + "$", re.IGNORECASE)
# "killed by Israeli jets", "killed by a \"unilateral strike\" of U.S. troops" (not "by a
# strike on X": X was hit)
# "in Nangarhar province, ", "near the town of Jilib, ": a place whose country follows
_PLACE_APPOSITION = re.compile(
    r"\b(?:in|inside|near|outside|of|from|at)\s+(?:the\s+)?(?:(?:town|city|village|province|district|"
    r"region|state|county|governorate)\s+of\s+)?(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*"
    r"(?:\s+(?:province|district|state|region|county|governorate|city|village|town|area))?"
    r"\s*,\s+(?:the\s+)?$")
_PLACE_LIST = re.compile(r"\b(?:in|inside|into|near|across|of|from|over|to)\s+(?:the\s+)?"
                         r"(?:[A-Z][\w-]*,?\s+(?:and|or)\s+)?$")
# "hit a boat tied to the ELN", "a town held by al-Shabab", "vessels operated by a cartel":
# the party describes what was hit (or a place), it neither acted nor was the agent of "by"
# (searched only in a window holding one of the strings every match has: anchored.gated)
_DESCRIBED_BY = gated(re.compile(r"\b(?:tied|linked|connected|affiliated|allied|loyal|"
                                 r"belonging|operated|run|held|controlled|owned|used|manned|"
                                 r"crewed|backed|associated|aligned|"
                                 # what the party did to others, not the event: "the
                                 # thousands trapped by the ISIS insurgents"
                                 r"trapped|besieged|surrounded|encircled|displaced|"
                                 r"kidnapped|abducted|captured|seized|occupied|"
                                 r"persecuted|"
                                 # who made a truce or deal the sentence dates the act by:
                                 # "a year after a truce brokered by the U.S."
                                 r"brokered|mediated|negotiated|arranged|guaranteed)"
                                 r"\s+(?:to|with|by)\s+"
                                 r"(?:the\s+)?(?:[\w’'.-]+\s+){0,2}?$", re.IGNORECASE))
# "went after a senior Islamic State leader", "engaged the militants", "targeted a heavily
# armed group of fighters": the object of an act of force was acted on (lower-case words
# only between, and no "by"/"and": "killed by the army", "attacked and the navy ...")
_ACTED_ON = re.compile(r"\b(?:(?:went|go|goes|going|moved)\s+after|(?:engag|raid|pursu|storm|"
                       r"target|attack|bomb|shell|eliminat|neutraliz|neutralis|kill)(?:ed|ing)|"
                       # a headline's present: "Israel Kills Group's Chief in Strike"
                       r"[Kk]ills|"
                       r"hit|struck|striking)\s+(?:(?!(?:by|and|or|but|while|as|when|after|"
                       r"before|then|with|alongside|said|says)\b)[a-z][\w-]*\s+){0,5}$")
# "pinning the raids on the United States", "blaming the attack on Israel", "which the
# Houthis blamed on the United States": who was blamed is the agent told
_BLAMED_ON = re.compile(r"\b(?:blam|pinn|attribut)(?:ed|ing)\s+(?:(?:it|them|the\s+\w+|"
                        r"the\s+\w+\s+\w+)\s+)?(?:on|to)\s+(?:the\s+)?$", re.IGNORECASE)
_AGENT_MARK = re.compile(r"\bby\s+(?:\w+\s+){0,2}$|\bby\s+(?:(?!(?:on|against|targeting|at|in|"
                         r"near)\b)[\w\"“”‘’'-]+\s+){0,4}(?:of|from)\s+(?:the\s+)?$",
                         re.IGNORECASE)
_SPEAKER_AFTER = re.compile(r"^(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w.’'-]*)*"
                            r"(?:\s+(?:centre|center|agency|office|"
                            r"command|ministry|spokes(?:man|woman|person)|officials?|"
                            # "Israeli and U.S. media said ...": who reported it
                            r"media|press|sources|outlets|newspapers|television))?"
                            # "IRNA, the state-run news agency, put the dead at 40"
                            r"(?:,\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}?(?:agency|broadcaster|"
                            r"outlet|newspaper|channel|monitor|ministry|office|spokes(?:man|"
                            r"woman|person)),)?\s*"
                            r"(?:said|says|told|tells|reported|added|confirmed|announced|stated|"
                            # "the Iranian authorities gave a toll of 165"
                            r"put|puts|gave|gives|"
                            # "...," Trump posted on Truth Social; Hegseth wrote on X: the
                            # official who announced the strike, not its target
                            r"claimed|posted|wrote|tweeted|declared|noted|stressed|"
                            r"insisted|explained|testified|acknowledged|counts?|counted|"
                            # "Maduro denounced the attack": who reacted to it
                            r"denounced|condemned|decried|deplored|criticized|criticised)\b")

# "Palestine Liberation Organization factions in Sidon denounced the strike", "Hamas leaders
# in Gaza condemned the raid": members of a party, where they are, reacting to the act (a
# verb of reacting only: "the Islamic Resistance in Iraq claimed responsibility" is the
# agent's own claim)
_REACTOR_AFTER = re.compile(r"^(?:\s+[A-Z][\w.’'-]*)*(?:\s+(?:factions?|groups?|leaders?|"
                            r"members|activists|parties|officials))?(?:\s+(?:in|from)\s+"
                            r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)?\s+(?:denounced|condemned|"
                            r"decried|deplored|criticized|criticised|slammed)\b")
# "Lebanon's Ministry of Health says", "Syria's state news agency Sana said", "Lebanon's
# authorities count ...": an institution of the state that told the event, not its agent
_SOURCE_OF_STATE = re.compile(r"^['’]s(?:\s+(?:[a-z][\w-]*|[A-Z][\w.’'-]*|of|the)){0,3}?\s+"
                              r"(?:news\s+agency|agency|media|television|TV|broadcaster|radio|"
                              r"newspaper|outlet|ministry|Ministry(?:\s+of\s+[A-Z]\w+)?|"
                              r"office|Office|authorities|officials|sources?|monitor|"
                              r"spokes(?:man|woman|person)|health\s+ministry)"
                              r"(?:\s+[A-Z][\w.’'-]*){0,3},?(?P<verb>\s+(?:(?:has|have|had)\s+)?"
                              r"(?:said|says|say|told|reported|reports|report|confirmed|"
                              r"announced|stated|claimed|count|counts|counted|put|puts|"
                              r"added|noted|cited)\b)")
# "Colombia's Petro said", "Venezuela's foreign minister Yvan Gil told": a person of the
# state who spoke about the event (not its forces: "Israel's Defense Forces said")
_PERSON_OF_STATE = re.compile(r"^['’]s\s+(?:(?:[a-z]+\s+){0,2}(?:president|minister|leader|"
                              r"ambassador|envoy|spokes(?:man|woman|person)|chancellor|"
                              r"premier)\s+)?(?:(?!(?:Forces|Army|Navy|Military|Air|Command|"
                              r"Guard|Corps|Defen[cs]e|Marines?)\b)[A-Z][\w.’'-]*\s+){1,3}"
                              r"(?P<verb>(?:has\s+|had\s+)?(?:said|says|told|accused|"
                              r"accuses|claimed|denounced|condemned|announced|stated|wrote|"
                              r"posted)\b)")
# "Afghanistan's Paktika province", "Iran's Sistan and Baluchestan province", "Yemen's
# west": where, not who
_PLACE_OF_STATE = re.compile(r"^['’]s\s+(?:(?:[A-Z][\w-]*|and|al-\w+)\s+){0,4}(?:province|"
                             r"region|district|state|governorate|city|capital|border|"
                             r"territory|soil|coast|waters|port|village|town|area|airspace|"
                             r"countryside|outskirts|(?:north|south|east|west)\w*|"
                             r"(?:far\s+)?(?:north|south)-?(?:east|west)\w*)\b")


# "The Houthis' military spokesman, however, said the strikes hit ...", "Hamas's media office
# said": a group's voice telling the event is its source ("... said its fighters attacked"
# keeps the group as the agent)
_VOICE_OF_GROUP = re.compile(r"^['’]s?\s+(?:[a-z][\w-]*\s+){0,2}(?:spokes(?:man|woman|person)|"
                             r"media\s+office|press\s+office)(?:,\s+[a-z]+,)?"
                             r"(?P<verb>\s+(?:has\s+)?(?:said|says|told|claimed)\b)")


def _voice_of_group(text: str, h: ActorHit, start: int) -> bool:
    """Whether a group (not a state: `_SOURCE_OF_STATE` reads those) is named as the owner
    of the spokesman who tells the event, and not as its agent."""
    if h.actor.type == "state":
        return False
    rest = text[h.end - start:h.end - start + 120]
    m = _VOICE_OF_GROUP.match(rest)
    return m is not None and not _SPEAKER_AGENT.match(rest[m.start("verb"):])


def _person_of_state(rest: str) -> re.Match[str] | None:
    """"Colombia's Petro said": a person who spoke, not a party the lexicon knows
    ("Lebanon's Hezbollah said" names the group, which stays a party)."""
    m = _PERSON_OF_STATE.match(rest)
    if m is None or find_actors(rest[2:m.start("verb")], 0):
        return None
    return m


def _state_source_or_place(text: str, h: ActorHit, start: int) -> bool:
    """Whether a state's name stands for a place or for the institution that told the
    event ("Afghanistan's Paktika province", "Syria's state news agency said")."""
    if h.actor.type != "state":
        return False
    rest = text[h.end - start:h.end - start + 160]
    if _PLACE_OF_STATE.match(rest):
        return True
    m = _SOURCE_OF_STATE.match(rest) or _person_of_state(rest)
    # "Turkey's defense ministry said its warplanes had struck": the state's own act
    return m is not None and not _SPEAKER_AGENT.match(rest[m.start("verb"):])


def _speaks_for_agent(text: str, h: ActorHit, start: int) -> bool:
    """"Moscow said its forces ...", "Turkey's defense ministry said its warplanes ...":
    the party whose own forces the sentence says acted."""
    rest = text[h.end - start:]
    if _SPEAKER_AGENT.match(rest):
        return True
    m = _SOURCE_OF_STATE.match(rest[:160]) if h.actor.type == "state" else None
    return m is not None and bool(_SPEAKER_AGENT.match(rest[m.start("verb"):]))


# a verb the party before it did: "troops killed four militants", "the navy struck a boat"
_ACTS_AFTER = re.compile(r"^\s+(?:(?:also|then|later|reportedly|had|have|has)\s+)?(?:killed|"
                         r"struck|attacked|shot|bombed|shelled|targeted|engaged|neutrali[sz]ed|"
                         r"destroyed|launched|carried out|conducted|raided|ambushed|hit|"
                         # the headline's present: "as US military hits boat"
                         r"hits|kills)\b",
                         re.IGNORECASE)
# an event word that is a verb ("forces killed", "jets struck"), not a noun the words before
# it modify ("a drone strike")
_VERB_TRIGGER = re.compile(r"\w*(?:ed|struck|shot|fought|hit|sank|sunk|blew up)\b",
                           re.IGNORECASE)


# the party before the event word suffered it: "Hezbollah leader X had been killed in a
# strike", "one of Hezbollah's commanders died in its strike", "eight men were on the boat
# in the first strike"
_SUFFERED = re.compile(r"(?:['’]s)?(?:\s+[\w'’.-]+){0,4}?\s+(?:(?:was|were|had been|has been|"
                       r"have been)\s+(?:\w+ly\s+)?[\"“‘']?(?:killed|hit|struck|targeted|wounded|"
                       r"injured|slain|eliminated)|died|lost (?:his|her|their) li(?:fe|ves)|"
                       r"(?:was|were)\s+(?:on board|aboard|on the (?:boat|vessel|ship)s?))\b",
                       re.IGNORECASE)
# the party told before a death whose cause the event word tells: "three members of
# Kataib Hezbollah, the powerful militia, died on Wednesday night when a drone struck
# their car", "X, a commander of the militia Y, was killed along with two guards in a
# drone strike" (the dead and their description, however long, are not who struck)
_DIED_WHEN = re.compile(r"\b(?:died|(?:was|were|had been|have been)\s+killed|perished|"
                        r"lost (?:his|her|their) li(?:fe|ves))\b[^.;:!?]*?"
                        r"\b(?:when|as|in|during)\s+"
                        r"(?:(?:an?|the|their|its|his|her)\s+)?(?:[\w-]+\s+){0,2}$",
                        re.IGNORECASE)


def _suffered(text: str, h: ActorHit, start: int, trig_start: int) -> bool:
    """Whether the party at `h` is told as suffering the event at `trig_start`: "X was
    killed in a strike", "X died … when a drone struck" (clause offsets as in
    `assign_roles`)."""
    return bool(_SUFFERED.match(text, h.end - start, trig_start - start) or
                _DIED_WHEN.search(text, h.end - start, trig_start - start))


# "11 suspected Tren de Aragua members killed", "killed 14 al-Shabaab fighters", "three
# members of Hezbollah": a group named as the kind of the counted people is who they
# belonged to (the dead or the hit), never the agent, unless the people themselves go on to
# act ("ten Houthi fighters stormed the ship")
_NUMBER_WORDS = sorted((w for w in WORD_VALUES if w not in ("a", "an", "zero")), key=len,
                      reverse=True)
# (digits as counts say, "11" or "1,200", not a year; a day of a month is no count either)
_COUNT = (r"(?:\d{1,3}(?:,\d{3})*(?![\d,])|" + "|".join(_NUMBER_WORDS) +
          r"|dozens|scores|several|hundreds)")
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*$")
_MEMBER_NOUN = (r"(?:members?|fighters?|militants?|operatives?|commanders?|leaders?|chiefs?|"
                r"gunmen|suspects?|terrorists?|narco-terrorists?|affiliates?|insurgents?|"
                r"rebels?|cadres?|combatants?|loyalists?|smugglers?|traffickers?|figures?)")
_COUNT_BEFORE = re.compile(r"\b(?i:" + _COUNT + r")\s+(?:[a-z][\w-]*\s+){0,2}$")
_COUNT_OF_BEFORE = re.compile(r"\b(?i:" + _COUNT + r")\s+(?:[a-z][\w-]*\s+){0,2}" + _MEMBER_NOUN +
                              r"\s+(?:of|from)\s+(?:the\s+)?$")
_MEMBER_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z][\w-]*\s+)?" + _MEMBER_NOUN + r"\b")
# what the counted people did themselves: "ten Houthi fighters stormed the ship", "two
# gunmen killed a guard" (not "11 members killed as the navy hit the boat")
_THEY_ACTED = re.compile(r"\s+(?:(?:also|then|later|reportedly|had|have|has)\s+)?(?:attacked|"
                         r"struck|shot|bombed|shelled|targeted|fired|launched|stormed|ambushed|"
                         r"raided|seized|hijacked|opened fire|tried|carried out|killed\s+(?:a|an|"
                         r"the|his|her|their|at least|\d|" + "|".join(_NUMBER_WORDS) +
                         r")\b)",
                         re.IGNORECASE)


# "the Iran-backed group", "a Hezbollah-linked source": the name describes another party
_BACKER_OF = re.compile(r"[-‑](?:backed|linked|aligned|allied|affiliated|supported|funded|"
                        r"sponsored|armed|trained|controlled|run)\b")


def counted_group(text: str, h: ActorHit, start: int) -> bool:
    """Whether the party at `h` is named as the kind of counted people ("11 Tren de Aragua
    members", "three members of Hezbollah") who did not themselves go on to act: the dead
    or the hit, never the agent (clause offsets as in `assign_roles`)."""
    i, j = h.start - start, h.end - start
    lo = max(0, i - 60)
    count = _COUNT_OF_BEFORE.search(text, lo, i)
    end = j
    if count is None:
        count = _COUNT_BEFORE.search(text, lo, i)
        after = _MEMBER_AFTER.match(text, j)
        if count is None or after is None:
            return False
        end = after.end()
    if _MONTH_BEFORE.search(text, max(0, count.start() - 12), count.start()):
        return False  # "on October 7 Hamas fighters ...": a day, not a count
    return not _THEY_ACTED.match(text, end)


# an event word that tells suffering: its subject died, whoever acted
_DIED = re.compile(r"died|perished|lost their lives", re.IGNORECASE)


# "according to the ministry", "..., said the military": the source of the report
_SOURCE_BEFORE = re.compile(r"\b(?:according to|citing|quoting|said|told|per)\s+(?:the\s+)?"
                            r"(?:[\w’'.-]+\s+){0,2}?$", re.IGNORECASE)


# "citing the health ministry, ...", "according to Israeli officials, ...": a source
# before the event word, never its agent
_CITED_BEFORE = re.compile(r"\b(?:according\s+to|citing|quoting)\s+(?:the\s+)?"
                           r"(?:[\w’'.-]+\s+){0,2}?$", re.IGNORECASE)


# "according to two officials of Iran-backed militias, one of the dead was ...": the party
# the cited people speak for is a source too, not the agent
_CITED_OF_BEFORE = re.compile(r"\b(?:according\s+to|citing|quoting)\s+(?:the\s+)?"
                              r"(?:[\w’'.-]+\s+){0,2}?(?:officials?|sources?|members?|"
                              r"spokes(?:man|woman|person)|representatives?|leaders?|"
                              r"commanders?)\s+(?:of|from|in|with)\s+(?:the\s+)?"
                              r"(?:[\w’'.-]+\s+){0,2}?$", re.IGNORECASE)


def _cited(text: str, i: int) -> bool:
    """Whether the party at clause offset `i` is the source cited ("according to the
    ministry", "citing officials of the militia"), not the agent."""
    return bool(_CITED_BEFORE.search(text, max(0, i - 40), i) or
                _CITED_OF_BEFORE.search(text, max(0, i - 90), i))


# "According to U.S. Africa Command, its strikes ...": the source told its own act
_ITS_AFTER = re.compile(r",\s+(?:its|their)\b")


# "in coordination with the Somali government", "at the request of Baghdad": a partner of
# who acted, not who was hit
_PARTNER_BEFORE = re.compile(r"\b(?:in\s+(?:close\s+)?(?:coordination|cooperation|partnership|"
                             r"conjunction|support|tandem)\s+(?:with|of)|together\s+with|alongside|"
                             r"jointly\s+with|(?:working|coordinating|cooperating|collaborating|"
                             r"partnering|teaming\s+up|acting)\s+(?:closely\s+)?with|"
                             r"(?:supported|backed|assisted|aided|helped)\s+by|"
                             r"with\s+the\s+(?:support|consent|"
                             r"approval)\s+of|at\s+the\s+(?:request|invitation)\s+of|"
                             r"on\s+behalf\s+of)\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,2}?$",
                             re.IGNORECASE)


# "it worked with the United States on airstrikes in Sokoto", "cooperated with Kenya in the
# raids": a state after "with" that shares the act is a party to it, not a place
_CO_AGENT_BEFORE = re.compile(r"\b(?:worked|cooperated|collaborated|partnered|coordinated|"
                              r"joined\s+forces)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_CO_AGENT_AFTER = re.compile(r"\s+(?:on|in)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$",
                             re.IGNORECASE)


def _co_agent(text: str, h: ActorHit, start: int, trig_start: int) -> bool:
    """Whether the state at `h` is named as the one another worked with on the event."""
    return bool(_CO_AGENT_BEFORE.search(text, max(0, h.start - start - 40), h.start - start)) \
        and bool(_CO_AGENT_AFTER.fullmatch(text, h.end - start, trig_start - start))


def _placed(text: str, h: ActorHit, start: int) -> bool:
    """Whether the state at `h` is named as what the event word hit ("raids on southern and
    eastern Lebanon killed four"): it does not do the verb after it. (A state after "in"
    stays: "strikes in Mali had killed 12" is read as Mali's, which the gold has kept.)"""
    return h.actor.type == "state" and bool(_TARGET_MARK.search(text[:h.start - start]))


# "Iran threatened Israel with a massive response", "Hezbollah's chief warned Israel that
# missiles would fall", "vowed to make the U.S. pay": the party a threat is made to is the
# one threatened, not who would strike (the one who threatens is the subject before it)
_THREAT_OBJECT = re.compile(r"\b(?:threaten(?:ed|s|ing)?|warn(?:ed|s|ing)?|cautioned|"
                            r"menaced|put\s+on\s+notice|ultimatum\s+to)\s+"
                            r"(?:(?:the|a|an|both)\s+)?$", re.IGNORECASE)


# "warned Iran after its jets struck a base": the event word is in a clause of its own
_OWN_CLAUSE = re.compile(r"\b(?:after|before|when|since|while|because|as|following)\b",
                         re.IGNORECASE)


def _threatened(text: str, h: ActorHit, start: int) -> bool:
    """Whether the party at `h` is the object of a verb of threat ("warned Israel")."""
    i = h.start - start
    return _THREAT_OBJECT.search(text, max(0, i - 40), i) is not None


def _acted_on(text: str, i: int) -> bool:
    """Whether the party at clause offset `i` is told as acted on or as a description of
    what was hit ("engaged the militants", "a boat tied to the ELN")."""
    lo = max(0, i - 80)
    return bool(_DESCRIBED_BY.search(text, lo, i) or _ACTED_ON.search(text, lo, i))


def speaks_after(rest: str) -> bool:
    """Whether the words after a name make it who told of or reacted to the event ("IRNA,
    the state news agency, put the dead at 40", "Islamabad condemned"), not who did it."""
    return bool(_SPEAKER_AFTER.match(rest) or _REACTOR_AFTER.match(rest))


def not_agent(text: str, start: int, h: ActorHit, trig_start: int) -> bool:
    """Whether word order already tells that the party at `h` did not do the event before
    `trig_start` (it suffered it, was acted on, or is a place or a state's institution
    that told it): a parse's subject there is no agent ("Senior Islamic State leader X died
    in a drone strike")."""
    i = h.start - start
    return bool(_suffered(text, h, start, trig_start) or
                _TARGET_MARK.search(text[:i]) or _acted_on(text, i) or
                _state_source_or_place(text, h, start) or counted_group(text, h, start))


# what stands between a military speaker and the event word it announces: "says an",
# "said on Thursday that a U.S."
_MILITARY_TELLS = re.compile(r"\s+(?:has\s+)?(?:said|says|announced|announces|reported|"
                             r"reports|confirmed|confirms)\s+(?:on\s+\w+\s+)?(?:that\s+)?"
                             r"(?:an?|the|its|one)\s+(?:[\w.-]+\s+){0,2}$", re.IGNORECASE)


# ... and told last: ", the Nigerian military confirmed" (a clause's end, then the speaker);
# not where the dead are civilians, whom a military tells of as another's victims
# (not a clause of its own: ", and the Israeli military said it had struck ...")
_TRAILING_SPEAKER = re.compile(r",\s+(?!(?:and|but|while|as|or|then)\b)(?:the\s+)?"
                               r"(?:country's\s+|[\w.-]+\s+){0,2}$")
_NEW_CLAIM = re.compile(r"\s*(?:that|it|they|its|their)\b", re.IGNORECASE)
_COUNTRYS = re.compile(r"\bthe\s+country's\s+$", re.IGNORECASE)
_HARMED_CIVILIANS = re.compile(r"\b(?:civilians?|children|residents|villagers|women|"
                               r"worshippers|passers-by|patients|students)\b", re.IGNORECASE)


# "Venezuela accused the United States of attacking a boat", "Iran charged Israel with
# striking": the accused is the agent told, the accuser only its source
_ACCUSER_VERB = re.compile(r"\b(?:accus(?:ed|es|ing)|charg(?:ed|es|ing))\s+(?:the\s+)?"
                           r"(?:[\w.’'-]+\s+){0,2}?$", re.IGNORECASE)
_OF_EVENT = re.compile(r"\s+(?:of|with)\s+(?:having\s+)?(?:[a-z][\w-]*\s+){0,3}$")


def _accused(text: str, start: int, before: list[ActorHit],
             trig_start: int) -> ActorHit | None:
    """The party accused of the event ("accused the United States of attacking")."""
    for h in reversed(before):
        i = h.start - start
        if h.actor.type != "civilians" and _ACCUSER_VERB.search(text, max(0, i - 50), i) and \
                _OF_EVENT.fullmatch(text, h.end - start, trig_start - start):
            return h
    return None


def assign_roles(text: str, start: int, trig_start: int, trig_end: int,
                 hits: list[ActorHit]) -> tuple[ActorHit | None, ActorHit | None, bool]:
    """(actor1, actor2, sure) from word order alone; `sure` False asks for a parse.

    Offsets are article offsets; `text` is the clause starting at `start`.
    """
    a1: ActorHit | None = None
    a2: ActorHit | None = None
    passive = bool(_PASSIVE.search(text[:trig_start - start])) or bool(
        _PASSIVE_TRIGGER.search(text, trig_start - start, trig_end - start)) or bool(
        _DIED.fullmatch(text, trig_start - start, trig_end - start))
    before = [h for h in hits if h.end <= trig_start]
    after = [h for h in hits if h.start >= trig_end]
    for h in after:  # passive: "... were killed by Israeli warplanes"
        i = h.start - start
        if h.actor.type != "civilians" and not _DESCRIBED_BY.search(text, max(0, i - 80), i) \
                and (_AGENT_MARK.search(text[:i]) or _BLAMED_ON.search(text, max(0, i - 60), i)):
            a1 = h
            break
    if passive:  # "Three soldiers were killed by a Ukrainian drone": the subject suffered
        if a1 is None:
            m = _BY_DEMONYM.match(text[trig_end - start:])
            if m:
                b0 = trig_end + m.start(1)
                a1 = ActorHit(b0, b0 + len(m.group(1)), Actor(
                    name=f"{m.group(1)} forces", type="military", country=DEMONYMS[m.group(1)]))
        if a1 is None:
            # "Three men died when US forces hit a boat": who did the verb after it
            a1 = next((h for h in after if h.actor.type != "civilians" and
                       _ACTS_AFTER.match(text[h.end - start:])), None)
        # "a leader who planned attacks in Europe and Turkey was killed": a state after a
        # locative is a place in the subject's description, not who suffered
        # ("Pete Hegseth said a boat had been bombed": who said it, not who suffered it)
        victims = [h for h in before if h is not a1 and not (
            h.actor.type == "state" and _PLACE_LIST.search(text[:h.start - start])) and
            not _SPEAKER_AFTER.match(text[h.end - start:])]
        # "14 al-Shabaab fighters died", "three Hezbollah members and a civilian were
        # killed": the group the dead belonged to says more than the last word
        victims = [h for h in victims if counted_group(text, h, start)] or victims
        # no "by ..." phrase: the sentence names no agent, and a parse would find none
        sure = a1 is not None or not _BY.search(text, trig_end - start)
        return a1, (victims[-1] if victims else None), sure
    cand1 = [h for h in before if h.actor.type != "civilians" and
             not _TARGET_MARK.search(text[:h.start - start]) and
             not _acted_on(text, h.start - start) and
             not _state_source_or_place(text, h, start) and
             not _voice_of_group(text, h, start) and
             not (_cited(text, h.start - start) and
                  not _ITS_AFTER.match(text, h.end - start)) and
             not _suffered(text, h, start, trig_start) and
             not counted_group(text, h, start) and
             not _BACKER_OF.match(text, h.end - start) and
             not _threatened(text, h, start) and
             # "AFRICOM, working with Nigerian authorities, carried out": a partner
             not _PARTNER_BEFORE.search(text, max(0, h.start - start - 45), h.start - start) and
             not (h.actor.type == "state" and _LOCATIVE.search(text[:h.start - start]) and
                  not _co_agent(text, h, start, trig_start)) and
             # "a wedding in Nangarhar province, Afghanistan, became a massacre": the state
             # ends a place's name, it does not act
             not (h.actor.type == "state" and
                  _PLACE_APPOSITION.search(text, max(0, h.start - start - 60), h.start - start)) and
             not _SPEAKER_AFTER.match(text[h.end - start:]) and
             not _REACTOR_AFTER.match(text[h.end - start:])]
    # "a helicopter raid", "a drone strike": a word modifying the event noun is its
    # instrument, not its agent (a demonym there is handled by the caller)
    if not _VERB_TRIGGER.match(text, trig_start - start, trig_end - start):
        cand1 = [h for h in cand1 if not (h.actor.country is None and
                                          not text[h.end - start:trig_start - start].strip())]
    accused = _accused(text, start, before, trig_start) if a1 is None else None
    if accused is not None:
        # the accuser before it is the source: neither agent nor a state to choose between
        a1 = accused
        cand1 = [h for h in cand1 if h.start >= accused.start]
        before = [h for h in before if h.start >= accused.start]
    if a1 is None and cand1:
        known = [h for h in cand1 if h.actor.country is not None]
        a1 = (known or cand1)[-1]
    if a1 is None or (a1.actor.country is None and
                      _POSSESSIVE_ACTOR.search(text[:a1.start - start])):
        # the speaker is the agent of "it"/"its forces": "Moscow said its forces had ..."
        for h in before:
            if h is not a1 and h.actor.type != "civilians" and h.actor.country and \
                    _speaks_for_agent(text, h, start):
                a1 = h
                break
        else:
            if a1 is None:
                for h in before:
                    if h.actor.type != "civilians" and _SPEAKER_AGENT.match(
                            text[h.end - start:]):
                        a1 = h
                        break
    if a1 is None:
        # "The U.S. military says an airstrike in Somalia has killed 24": a military that
        # announces a strike naming no other party announces its own
        a1 = next((h for h in before if h.actor.type == "military" and h.actor.country and
                   _MILITARY_TELLS.match(text, h.end - start, trig_start - start)), None)
    if a1 is None and not _HARMED_CIVILIANS.search(text):
        # "Several bandits were killed in an airstrike in Kaduna, the Nigerian military
        # confirmed": the same announcement told with the speaker last (and "the country's
        # military", whose country the article's places give, as for any force)
        a1 = next((h for h in after if h.actor.type == "military" and
                   (h.actor.country or _COUNTRYS.search(text, 0, h.start - start)) and
                   _TRAILING_SPEAKER.search(text, 0, h.start - start) and
                   (sp := _SPEAKER_AFTER.match(text[h.end - start:])) is not None and
                   not _NEW_CLAIM.match(text, h.end - start + sp.end())), None)
    if a1 is None:
        # "In a second operation, in the district, troops killed four militants": the
        # party that does the verb after the event noun
        a1 = next((h for h in after if h.actor.type != "civilians" and
                   not _placed(text, h, start) and _ACTS_AFTER.match(text[h.end - start:])),
                  None)
    for h in after:
        if h is a1 or (h.actor.type == "state" and _LOCATIVE.search(text[:h.start - start])) \
                or (a1 is not None and h.end <= a1.start):
            continue
        if _SOURCE_BEFORE.search(text, max(0, h.start - start - 30), h.start - start) or \
                _SPEAKER_AFTER.match(text[h.end - start:]) or \
                (h.actor.type == "state" and _SOURCE_OF_STATE.match(
                    text, h.end - start, h.end - start + 120)):
            continue  # "..., according to US Southern Command": who told it, not who was hit
        if _PARTNER_BEFORE.search(text, max(0, h.start - start - 45), h.start - start):
            continue  # "in coordination with the Federal Government of Somalia": a partner
        a2 = h
        break
    if a2 is None:
        # "Iran threatened Israel ... attack": the party threatened
        a2 = next((h for h in reversed(before) if h is not a1 and
                   _threatened(text, h, start) and not _OWN_CLAUSE.search(
                       text, h.end - start, trig_start - start)), None)
    if a2 is None:
        targets = [h for h in before if h is not a1 and (_TARGET_MARK.search(
            text[:h.start - start]) or _acted_on(text, h.start - start) or
            _suffered(text, h, start, trig_start) or
            counted_group(text, h, start))]
        targets = [h for h in targets if counted_group(text, h, start)] or targets
        a2 = targets[-1] if targets else None
    # a parse is worth its cost only where word order leaves a real choice: agents of
    # different states before the event word, or a capitalised name the lexicon missed
    countries = {h.actor.country for h in cand1 if h.actor.country}
    if a1 is None:
        pre = text[:trig_start - start]
        covered = [(h.start - start, h.end - start) for h in hits]
        names = [m for m in _CAPWORD.finditer(pre) if m.start() > 0 and
                 not any(a <= m.start() < b for a, b in covered)]
        sure = not names
    else:
        sure = len(countries) <= 1
    return a1, a2, sure

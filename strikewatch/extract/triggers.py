"""Event triggers: the cheap lexicon prefilter every sentence passes through.

Only sentences with a trigger are read further (and only some of those are parsed by
spaCy), which is what makes extraction fast. Each lexicon row says which ACLED event type
and sub-type (strikewatch.records.EVENT_TAXONOMY) the word signals. "strong" words may
start a mention; "weak" words (bare "operation", "mission", "killed") only join a mention
another sentence started, or start one when the sentence also carries a count.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from strikewatch.extract.anchored import anchored
from strikewatch.extract.context import Doc, Strength, Trigger
from strikewatch.extract.counts import ORDINAL_VALUES, ranks_up_to
from strikewatch.extract.lookahead import prefixed
from strikewatch.records import EVENT_TAXONOMY, Action

ERV = "Explosions/Remote violence"
BAT = "Battles"
VAC = "Violence against civilians"
SD = "Strategic developments"
PRO = "Protests"
RIO = "Riots"


@dataclass(frozen=True)
class Entry:
    pattern: str
    event_type: str | None
    sub_event_type: str | None
    action: Action | None = None
    strength: Strength = "strong"
    generic: bool = False


_WRECKED = (r"(?:boats?|vessels?|ships?|skiffs?|speedboats?|semi-submersibles?|trucks?|cars?|"
            r"vehicles?|convoys?|(?:mini)?bus(?:es)?|vans?|pickups?|tankers?|ferr(?:y|ies))")

# what a strike hits, besides craft: a military or a built target
_TARGETS = (_WRECKED[3:-1] + r"|narco-?subs?|targets?|positions?|bases?|sites?|"
            r"facilit(?:y|ies)|ports?|docks?|depots?|camps?|strongholds?|hideouts?|"
            r"houses?|homes?|buildings?|compounds?|headquarters|airports?|warships?")

# the verbs of a strike on a target besides "hit" and "struck", active and passive
_STRIKE_VERBS = (r"targeted|bombarded|blasted|flattened|razed|levell?ed|knocked out|took out|"
                 r"wiped out")
_STRIKE_PASSIVE = (r"targeted|bombarded|blasted|flattened|razed|levell?ed|knocked out|"
                   r"taken out|wiped out")

# a settled place a strike hits, named by its kind ("the capital", "the northern province")
_SETTLED = (r"capital|city|cities|towns?|villages?|valleys?|provinces?|districts?|regions?|"
            r"neighbou?rhoods?|suburbs?|outskirts")

# Order matters: earlier, more specific rows win over later ones on overlapping text.
LEXICON: tuple[Entry, ...] = (
    Entry(r"suicide (?:bomb(?:ing|er|ers|s)?|attack(?:er|s)?)", ERV, "Suicide bomb"),
    Entry(r"(?:car|truck|roadside) bombs?|improvised explosive devices?|IEDs?|landmines?|"
          r"land mines?|explosive devices?", ERV, "Remote explosive/landmine/IED"),
    Entry(r"grenade (?:attacks?|blasts?|explosions?)|(?:threw|hurled|tossed|lobbed) an? "
          r"(?:hand )?grenade|grenades? (?:was |were )?(?:thrown|hurled|tossed)", ERV,
          "Grenade"),
    Entry(r"(?:chemical|gas|chlorine|sarin) (?:attacks?|weapons?)", ERV, "Chemical weapon"),
    Entry(r"(?:missile|rocket|artillery|ballistic|cruise) (?:strikes?|attacks?)", ERV,
          "Shelling/artillery/missile attack"),
    # a weapon as the subject of the verb of impact: "a Russian glide bomb hit", "drones
    # struck the port", "its naval drones had hit a patrol boat", "a drone destroyed a car"
    # (its fall on what it hit too: "a drone came down on a crowded market", "bombs
    # crashed onto the camp"; not "a drone came down near the border": no target told)
    Entry(r"(?:glide |guided |aerial |cluster )?bombs? (?:hit|struck|slammed into|tore "
          r"through|smashed into|landed on|fell on|came down on|crashed (?:into|onto))|"
          r"(?:fpv |kamikaze |naval |attack |sea |suicide )?"
          r"drones? (?:(?:of|from) (?:[\w'’.-]+ ){1,5}?(?:\(\w+\) )?)?(?:had |have |has )?"
          r"(?:hit|struck|slammed into|smashed into|crashed into|destroyed|came down on|"
          r"crashed onto|fell on)",
          ERV, "Air/drone strike"),
    Entry(r"(?:missiles?|rockets?|shells?|projectiles?|artillery rounds?) (?:had |have |has )?"
          r"(?:hit|struck|slammed into|landed (?:on|in)|fell on|tore through|smashed into|"
          r"came down on|crashed (?:into|onto))|"
          r"(?:was|were|been|being) hit by (?:an? |the )?(?:[\w-]+ ){0,2}?(?:missiles?|rockets?|"
          r"shells?|projectiles?)", ERV, "Shelling/artillery/missile attack"),
    Entry(r"(?:drone|air|aerial|naval|military|precision|kinetic|lethal) "
          r"(?:strikes?|attacks?)|air ?strikes?|airstrikes?|air raids?|drone attacks?|"
          r"bomb(?:ed|ing|ings)|bombardments?|warplanes? (?:struck|hit|bombed)|"
          r"(?:was|were|been|being) hit by (?:an? |the )?(?:[\w-]+ ){0,2}?(?:drones?|"
          r"bombs?|air ?strikes?|warplanes?)", ERV, "Air/drone strike"),
    Entry(r"shell(?:ed|ing|ings)|pound(?:ed|ing)|pummell?(?:ed|ing)|"
          r"artillery (?:fire|strikes?|attacks?)|mortar(?:s| fire| attacks?)?|"
          r"rocket (?:fire|attacks?)|"
          r"rockets? (?:(?:were|was|had been|have been|has been) )?fired|"
          # "a missile fired from Yemen at Israel set off sirens" (not "four missiles were
          # fired", a detail of the strike told before)
          r"missiles? fired (?=from|at|by|towards?|into)|"
          r"missiles? (?:hit|struck|"
          r"destroyed|sank)|"
          r"missile barrage", ERV, "Shelling/artillery/missile attack"),
    # (a quoted word between: launched "a barrage of Grad rockets"; "sent a salvo of
    # missiles over the border", "sending six artillery rounds into the south")
    # (the gerund only as the means of an answer: "responded by firing missiles", not
    # "capable of launching missiles" nor "is breaking the law by firing missiles at boats":
    # `_ANSWERED_BY`)
    Entry(r"(?:fired|launched|lobbed|sent|sending|(?<=\bby )(?:firing|launching)) "
          r"(?:[\"“‘']?[\w-]+[\"”’']? ){0,5}?"
          r"(?:rockets?|missiles?|mortars?|shells?|artillery)", ERV,
          "Shelling/artillery/missile attack"),
    # the weapon as the subject of a launch: "two rockets were launched at the town",
    # "three rockets that were launched some six kilometres north of the frontier"
    Entry(r"(?:rockets?|missiles?|projectiles?|mortars?)[\"”’']? (?:that |which )?(?:were |was |"
          r"had been |have been |has been )launched", ERV, "Shelling/artillery/missile attack"),
    Entry(r"dropped (?:[\w-]+ ){0,2}?(?:bombs?|explosives?|munitions?)", ERV,
          "Air/drone strike"),
    Entry(r"(?:launched|sent) (?:[\w-]+ ){0,3}?drones?", ERV, "Air/drone strike"),
    # ("Carrier Strike Group", "Strike Force": a unit's name, no event)
    Entry(r"strikes?(?! (?:Group|Force|Fighter|Command)s?\b)|struck|striking|strike on", ERV,
          "Air/drone strike"),
    # a vessel or vehicle destroyed is a violent act even when the report names no weapon
    # ("a boat was destroyed off the coast", "gunmen blew up two trucks"); what did it
    # comes from context (a later "the strike", the actors)
    Entry(rf"{_WRECKED} (?:had |has |have )?(?:been |was |were )(?:[\w-]+ )?hit", None, None,
          generic=True),
    # "hit" with a military target as its object or subject: "jets hit targets near the
    # border", "the navy hit another boat", "a house in the village was hit", "the boat hit
    # on May 3" (a figure of speech — "hit a record", "hit hard" — names no target; "ordered
    # them to hit a boat" is the act's purpose)
    Entry(rf"(?<!\bto )hit (?:[\w-]+ ){{0,3}}?(?:{_TARGETS})\b|"
          rf"(?:{_TARGETS}) (?:(?:in|at|near|on|of) [\w-]+ (?:[\w-]+ )?)?"
          rf"(?:had |has |have )?(?:been |was |were )(?:[\w-]+ )?hit|"
          rf"{_WRECKED} hit(?= (?:on|off|near|last|earlier|this)\b)", ERV, "Air/drone strike",
          generic=True),
    # a target or settled place that "came under fire/attack/shelling": the act told from
    # where it fell ("a house in the camp came under drone fire", "the town came under
    # heavy bombardment"); a person or office that came under fire is criticised, no act
    Entry(rf"(?:{_TARGETS}|{_SETTLED}) (?:(?:in|at|near|on|of) [\w-]+ (?:[\w-]+ )?)?"
          r"(?:had |has |have )?(?:came|come|comes|coming) under (?:heavy |intense |renewed |"
          r"sustained )?(?:[\w-]+ )?(?:fire|attack|bombardment|shelling)\b",
          None, None, generic=True),
    # the verbs of a strike besides "hit" ("targeted", "bombarded", "blasted", "flattened",
    # "razed", "levelled", "knocked out", "took out", "wiped out"), with a military or built
    # target as object, either voice: "jets targeted a militant compound", "the depot was
    # knocked out", "a house in the village was flattened by a bomb" (a word of its own:
    # "targeted" alone stays weak — "said it had targeted a commander" refers back; "plans
    # to target bases" is the act's purpose; "bombarded with questions" names no target)
    Entry(rf"(?<!\bto )(?:{_STRIKE_VERBS}) (?:[\w-]+ ){{0,3}}?(?:{_TARGETS}|{_SETTLED})\b|"
          rf"(?:{_TARGETS}) (?:(?:in|at|near|on|of) [\w-]+ (?:[\w-]+ )?)?"
          rf"(?:had |has |have )?(?:been |was |were )(?:[\w-]+ )?(?:{_STRIKE_PASSIVE})"
          r"(?![^.,;]{0,30}\b(?:earthquake|quake|storm|hurricane|typhoon|cyclone|flood|"
          r"tornado|tsunami|fire|blaze|wildfire|landslide)s?\b)",
          ERV, "Air/drone strike", generic=True),
    # a person or fighters put out of action: "a drone took out an al-Shabaab commander",
    # "the raid wiped out a cell's leaders" (not "took out a loan")
    Entry(r"(?<!\bto )(?:took|taken|taking|wiped|knocked) out (?:[\w'’-]+ ){0,3}?"
          r"(?:commanders?|leaders?|chiefs?|militants?|fighters?|operatives?|terrorists?|"
          r"insurgents?|gunmen|jihadists?|cell)\b", ERV, "Air/drone strike", generic=True),
    # "hit" or "targeted" with a settled place as its object: "Israel hit the Yemeni capital
    # Sanaa", "jets targeted the town of Jisr" (a storm that hit a town is masked, below;
    # "plans to hit the capital" is the act's purpose)
    Entry(rf"(?<!\bto )(?:hit|targeted) (?:[\w-]+ ){{0,3}}?(?:{_SETTLED})\b", ERV,
          "Air/drone strike", generic=True),
    # "security forces hit a group of militants", "troops struck a band of insurgents": an
    # armed group as the object; whether a clash or a strike comes from the actors
    Entry(r"(?<!\bto )(?:hit|struck|engaged|attacked) (?:an? |the )?(?:[\w-]+ )?(?:group|band|"
          r"cell|gathering|column|convoy|hideout) of (?:[\w-]+ )?(?:militants|fighters|"
          r"insurgents|terrorists|gunmen|rebels|jihadists|extremists)", None, None,
          generic=True),
    Entry(rf"(?:destroyed|sank|blew up|set ablaze) (?:[\w-]+ ){{0,3}}?{_WRECKED}|"
          rf"{_WRECKED} (?:had |has |have )?(?:been |was |were )(?:[\w-]+ )?"
          r"(?:destroyed|sunk|blown up|set ablaze)", None, None, generic=True),
    # words of the trade: "forces engaged the vessel", "neutralized a narco-sub": a strike
    # on a craft; "neutralized three narco-terrorists": a violent act whose kind the
    # context tells (no word of its own)
    Entry(r"(?:engaged|neutrali[sz]ed|eliminated|took out) (?:[\w-]+ ){0,3}?"
          r"(?:narco-?subs?|" + _WRECKED[3:-1] + r")", ERV, "Air/drone strike"),
    Entry(r"neutrali[sz]ed (?:[\w-]+ ){0,3}?(?:narco-?terrorists?|terrorists?|militants?|"
          r"fighters?|gunmen|insurgents?|traffickers?)", None, None, generic=True),
    Entry(r"(?:exchanged|exchanging|traded|trading|exchange of|exchanges of) (?:heavy )?"
          r"(?:fire|gunfire)|shoot-?outs?|gunfights?", BAT, "Armed clash"),
    Entry(r"clash(?:ed|es)?|gun ?battles?|firefights?|fighting|fought|ambush(?:ed|es)?|"
          r"raid(?:ed|s)?|stormed", BAT, "Armed clash"),
    Entry(r"(?:recaptured|retook|regained control of|retaken)", BAT,
          "Government regains territory"),
    Entry(r"(?:overran|seized control of|(?:took|taken|take|taking) control of|captured "
          r"(?:the |two |three |several |\d+ )?(?:[\w-]+ )?(?:towns?|city|cities|villages?|"
          r"settlements?))", BAT, "Non-state actor overtakes territory"),
    Entry(r"prisoner (?:exchanges?|swaps?)|(?:exchanged|swapped|handed over|released) "
          r"(?:[\w-]+ ){0,2}?prisoners(?: of war)?", SD, "Agreement", "agreement"),
    Entry(r"(?:fired|used|lobbed) tear ?gas|tear ?gas (?:was|were) (?:fired|used)|water "
          r"cannons?|rubber bullets|dispersed (?:the )?(?:crowds?|protest\w*|demonstrat\w*|"
          r"rall(?:y|ies)|picket\w*)", PRO, "Protest with intervention"),
    Entry(r"picket lines?|pickets", PRO, "Peaceful protest"),
    Entry(r"abduct(?:ed|ing|ion|ions|s)?|kidnap(?:ped|ping|pings|s)?|forcibly disappeared",
          VAC, "Abduction/forced disappearance"),
    # "executed another lethal strike": the strike is the event, not an execution
    Entry(r"massacre(?:d|s)?|executed(?! (?:[\w-]+ ){0,3}?(?:strikes?|attacks?|raids?|"
          r"operations?|missions?|airstrikes?))|opened fire on|gunned down|shot dead", VAC,
          "Attack"),
    Entry(r"arrest(?:ed|s)?|detained|taken into custody", SD, "Arrests"),
    Entry(r"designat(?:e|ed|es|ing|ion)", SD, "Other", "designation"),
    Entry(r"authori[sz](?:e|ed|es|ing|ation)|approved (?:strikes|operations|the use)", SD,
          "Other", "authorization"),
    Entry(r"deploy(?:ed|s|ing|ment|ments)?|(?:send|sends|sending|sent) (?:in )?(?:the )?"
          r"(?:troops|warships|forces|soldiers|the army|the military)|dispatched", SD,
          "Other", "deployment"),
    Entry(r"(?:began|begun|started|conducted) training|training (?:of|for|exercises?)|"
          r"trained", SD, "Other", "training"),
    Entry(r"ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|signed an? "
          r"(?:agreement|deal|accord)", SD, "Agreement", "agreement"),
    Entry(r"looted|looting|torched|set fire to|burned down", SD,
          "Looting/property destruction"),
    Entry(r"protest(?:ed|ers|s)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies)", PRO,
          "Peaceful protest"),
    Entry(r"riot(?:s|ers|ing|ed)?|mob", RIO, "Violent demonstration"),
    Entry(r"expedition|invasion|incursion|offensive", BAT, "Armed clash"),
    # "an attack helicopter", "an attack submarine": a craft that strikes, which tells an act
    # only beside one told ("an attack helicopter engaged them, killing 12") — weak
    Entry(r"attack (?:submarines?|helicopters?|aircraft|planes?|jets?|boats?|craft)", ERV,
          "Air/drone strike", strength="weak"),
    Entry(r"attack(?:ed|s|ing|(?! (?:submarines?|helicopters?|aircraft|planes?|jets?|boats?|"
          r"craft)\b))|assault(?:ed|s)?|"
          r"(?:(?<=would )|(?<=will )|(?<=could )|(?<=\bto ))target", None, None, generic=True),
    Entry(r"operations?|missions?|campaign", None, None, strength="weak", generic=True),
    Entry(r"killed|killing|dead|died|deaths?|death toll|toll|wounded|injured|injuries|"
          r"casualties|survivors?", None, None, strength="weak", generic=True),
    # "Israel's military said it had targeted a commander", "The army blamed the RSF",
    # "The Houthis claimed responsibility": who did what was told before
    Entry(r"targeted|blamed|claimed (?:responsibility|the (?:attack|strike|bombing))", None,
          None, strength="weak", generic=True),
)

for _e in LEXICON:  # the lexicon may only name ACLED types
    assert _e.event_type is None or _e.sub_event_type in EVENT_TAXONOMY[_e.event_type], _e


#: One alternation of every row (group t<i> is row i): the prefilter a sentence must pass
#: to be read further, and the trigger finder (at one position, earlier rows win).
#: (prefixed: a lookahead of the rows' first letters turns most word starts away first,
#: about three times faster, same matches)
PREFILTER = prefixed(re.compile(
    r"\b(?:" + "|".join(f"(?P<t{i}>{e.pattern})" for i, e in enumerate(LEXICON)) + r")\b",
    re.IGNORECASE,
))
# The same, lower-cased, for lower-cased text: Python's re is about twice as fast without
# IGNORECASE on a large alternation (the lexicon uses no escapes that lower-casing alters);
# tried only where a row's literal start occurs (anchored: one Aho-Corasick pass over the
# sentence finds them, about four times faster than the alternation's own scan)
_PREFILTER_LC = anchored(re.compile(
    r"\b(?:" + "|".join(f"(?P<t{i}>{e.pattern.lower()})" for i, e in enumerate(LEXICON)) +
    r")\b"))
# "strike" as a labour strike or a figure of speech is no military event.
_NON_MILITARY = re.compile(
    r"\b(?:hunger|general|labou?r|workers?'?|teachers'?|lucky) strikes?\b|"
    r"strikes? a (?:balance|deal|chord|tone)|struck (?:a|an) (?:deal|agreement|balance|chord|"
    r"tone|note)|struck down|\b(?:went|go|goes|going|are|were|is|was) on strike|"
    r"\b(?:earthquake|quake|storm|hurricane|typhoon|cyclone|lightning|floods?|tornado|"
    r"tsunami|disaster|aftershocks?|tremors?|wildfire|virus|outbreak|pandemic|illness)s?\b"
    r"[^.,;]{0,30}?\b(?:str(?:uck|ikes?|iking)|hit)|\bkilled off\b", re.IGNORECASE)
_NON_MILITARY_LC = anchored(re.compile(_NON_MILITARY.pattern.lower()))
# "air-raid sirens", "an air raid shelter": the warning or the refuge, no raid
_RAID_WARNING = re.compile(r"\bair[- ]?raid(?=\s+(?:sirens?|shelters?|alarms?|alerts?|warnings?|"
                           r"drills?)\b)", re.IGNORECASE)
# "intercepted a ballistic missile fired towards the city": what was shot down is no strike
# (told the other way round, "a missile fired at the city ... before it was intercepted",
# it is)
_INTERCEPTED = re.compile(r"\bintercept(?:ed|s|ing)\s+(?:[\w-]+\s+){0,3}?(?:missiles?|"
                          r"rockets?)\s+(?:(?:that\s+)?(?:was|were|had\s+been)\s+)?fired\b|"
                          # "intercepted a drone attack", "thwarted two missile strikes": an
                          # attack stopped before it hit is no strike
                          r"\b(?:intercept|thwart|foil)(?:ed|s|ing)?\s+(?:an?\s+|the\s+|two\s+|"
                          r"several\s+)?(?:[\w-]+\s+){0,2}?(?:drone|missile|rocket)s?\s+"
                          r"(?:attacks?|strikes?)\b",
                          re.IGNORECASE)
# "since the ceasefire began", "until the war ended": an event named only to date another
_TEMPORAL_REF = re.compile(r"\b(?:since|until)\s+(?:the\s+)?(?:[\w-]+\s+)?(\w+)\s+(?:began|"
                           r"started|took effect|ended|broke out|collapsed|was signed)\b",
                           re.IGNORECASE)
# a labour dispute: "strike" there is a walkout unless the sentence names weapons or forces
_LABOUR = anchored(
    re.compile(r"\b(?:unions?|workers|walkouts?|walked off|picket\w*|wages?|pay|strikers|"
                     r"industrial action|stoppages?|nurses|miners|dockers|doctors|teachers|"
                     r"employees)\b", re.IGNORECASE))
_STRIKE_WORD = re.compile(r"\b(?:strikes?|struck|striking)\b", re.IGNORECASE)
# a match report: "a late strike", "attacked relentlessly" are football, not war
_SPORTS = anchored(re.compile(
    r"\b(?:goals?|scored|(?:\d+(?:st|nd|rd|th)|injury-time|stoppage-time) "
    r"minute|match(?:es)?|league|cup|striker|midfielder|goalkeeper|penalty|"
    r"header|stadium|half-time|(?:first|second) half|top corner|crossbar|"
    r"post|\d+-\d+ (?:win|victory|defeat|draw|loss))\b", re.IGNORECASE))
_WEAPONRY = re.compile(r"\b(?:military|troops|drones?|missiles?|army|navy|militants?|rebels?|"
                       r"bomb\w*|shell(?:ed|ing|s)|air ?strikes?|gunmen|armed forces|police)\b",
                       re.IGNORECASE)
_ARMED = re.compile(r"\b(?:military|forces|troops|drones?|missiles?|air|bomb\w*|killed|"
                    r"army|navy|militants?|rebels?)\b", re.IGNORECASE)
# "a designated terrorist organisation", "the deployed units": a participle between a
# determiner and its noun describes; it reports no act
WRECK_VERB = re.compile(r"\b(?:destroyed|sank|sunk|blew up|blown up|set ablaze)\b")
# ("run by designated terrorist organizations", "operated by Designated Terrorist
# Organizations": after a preposition, or capitalised in a name, it describes too)
_ADJECTIVAL = re.compile(r"\b(?:a|an|the|its|their|this|that|these|those|other|by|of|from|"
                         r"with|for|to)\s+(designated|authori[sz]ed|deployed|trained)\s+"
                         r"(?=[a-z])|(?-i:\b(Designated)\s+(?=[A-Z][a-z]))", re.IGNORECASE)
_ADJECTIVAL_WORDS = ("designated", "authori", "deployed", "trained")
_MILITARY_MOD = re.compile(
    r"\b(?:military|covert|ground|air|naval|special|counter-?\w+|security|intelligence|"
    r"joint|armed|anti-\w+)\b(?:\s+(?:and|\w+)){0,3}\s*$", re.IGNORECASE)
_BARE_PLURAL_DET = re.compile(
    r"\b(?:a|an|the|this|that|these|those|its|their|his|her|our|latest|recent|last|first|"
    r"second|third|such|new|fresh|renewed)\s+(?:(?!(?:of|on|in|at|to|for|with|by|from|"
    r"against|into|over)\b)"
    r"[\w-]+\s+){0,2}$", re.IGNORECASE)


#: one act's place in a run of them, to the run's "of": "latest in a string of", "third of
#: a wave of" (ranks to the tenth); read here before a kind of act, and by `kind` after
#: the act's own word ("…, the latest in a string of such strikes": no tally)
RUN_PLACE = (r"(?:latest|newest|most\s+recent|last|\d+(?:st|nd|rd|th)|" +
             "|".join(ranks_up_to(ORDINAL_VALUES, 10, least=2)) +
             r")\s+(?:[\w-]+\s+)?(?:in|of)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
             r"(?:string|series|run|spate|wave|line|succession|streak|slew|flurry|chain)\s+of")
# the run an act is placed in: "..., the latest in a string of such strikes", "the third of
# a wave of attacks on the city" — a kind of act named to place another, no event of its own
RUN_OF = re.compile(r"\b" + RUN_PLACE + r"\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_COUNTED = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                      r"several|scores|hundreds|series|wave|number)\b", re.IGNORECASE)

# "denied carrying out airstrikes", "launched strikes on": a plural that is an act done
# (a quoted description between: carried out "powerful and deadly" airstrikes)
# (or a partner's share in them: "worked with the United States on airstrikes in Sokoto",
# "cooperated with Kenyan forces in raids on the camp")
_CARRIED_OUT = re.compile(r"\b(?:carried out|conducted|launched|(?:denied|denies|deny|"
                          r"denying) (?:carrying out|conducting|launching)|"
                          r"(?:worked|cooperated|collaborated|partnered|coordinated|joined "
                          r"forces) with (?:[\w.'’-]+ ){1,5}?(?:on|in))\s+"
                          r"(?:[\w-]+\s+|[\"“][^\"“”]{1,40}[\"”]\s+)?$", re.IGNORECASE)


# a plural that did something to a named or counted target: "US airstrikes hit
# Hodeidah overnight", "airstrikes have reportedly hit the port", "Israeli strikes killed
# three people" — acts told (not "strikes hit boats", "drone strikes kill civilians": a
# kind of act, its object a bare plural; not "would hit": a modal is no act)
_DID_TO = re.compile(r"\s+(?:(?:have|had|has|also|reportedly|then|again|later)\s+){0,3}"
                     r"(?:hit|struck|pounded|targeted|bombarded|destroyed|flattened|"
                     r"levell?ed|razed|killed|wounded|injured)\s+(?:(?-i:[A-Z])|(?:at least|"
                     r"more than|\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"several|dozens|scores|hundreds)\b)",
                     re.IGNORECASE)


# an answer told by its means: "responded quickly by", "hit back by", "retaliated by"
_ANSWERED_BY = re.compile(r"\b(?:responded|retaliated|hit\s+back|struck\s+back|hitting\s+back)"
                          r"\s+(?:[\w-]+ly\s+)?by\s+$", re.IGNORECASE)


# what may stand between an event word and the "hit" it is the subject of
_SUBJECT_GAP = re.compile(r"\s*(?:(?:had|has|have|also|reportedly|then)\s+){0,2}")


# a strike verb heading its object ("targeted the bases"): counted as "hit" is, below
_VERB_FIRST = re.compile(r"(?:" + _STRIKE_VERBS + r") ")
# a target that suffered a strike ("homes were flattened", "four buildings were
# flattened", "the site had been targeted"): the harm of an act, told beside the act or
# after it — weak, unless its sentence names who or what did it ("was targeted by US
# aircraft", "were razed by Russian bombs"), which tells the act itself
# an object named by a pronoun's possessive ("targeted his car", "razed their homes"): the
# person it stands for was told before, and so was the act
_THEIRS = re.compile(r" (?:his|her|their)\b", re.IGNORECASE)
_SUFFERED = re.compile(r"[\w-]+ (?:(?:in|at|near|on|of) [\w-]+ (?:[\w-]+ )?)?"
                       r"(?:had |has |have )?(?:been |was |were )(?:[\w-]+ )?(?:"
                       + _STRIKE_PASSIVE + r")$", re.IGNORECASE)
_BY_FORCE = re.compile(r"\s+by\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:jets?|warplanes?|"
                       r"aircraft|planes?|helicopters?|drones?|missiles?|rockets?|shells?|"
                       r"forces|troops|army|military|navy|bombs?|bombers?|artillery|"
                       r"air ?strikes?|strikes?|fire)\b", re.IGNORECASE)


def before_text(sentence: str, a: int) -> str:
    """The 60 characters before a word: where its determiner or count stands."""
    return sentence[max(0, a - 60):a]

# "hit three boats", "hit the bases", "hit dozens of sites": acts counted or pointed at
_COUNTED_OBJECT = re.compile(r"(?:hit|" + _STRIKE_VERBS + r") (?:[\w-]+ )?(?:the|these|those|"
                             r"its|their|an?|another|one|two|three|four|five|six|seven|eight|nine|ten|\d+|dozens|"
                             r"scores|several|multiple|more than)\b")


def find_triggers(sentence: str, offset: int = 0, labour: bool = False) -> list[Trigger]:
    """Every lexicon hit in `sentence`, non-overlapping, earlier lexicon rows first.

    `labour`: the article already told of a labour strike, so a bare "the strike" with no
    weapon or force named is that walkout."""
    low = sentence.lower()
    rx = _PREFILTER_LC if len(low) == len(sentence) else PREFILTER
    subject = low if rx is _PREFILTER_LC else sentence
    found = rx.finditer(subject)
    first = next(found, None)
    if first is None:
        return []
    # the masks below are case-insensitive: matched on the lower-cased text when it has
    # the same length (offsets then agree)
    # Each mask needs a word of its own ("strike", "since", "designated" ...); a substring
    # test skips its regex when the word is absent. Only where lower-casing kept the length
    # and the text has no "ſ" or "ı", which re's IGNORECASE matches as "s" and "i".
    if subject is not low:
        masked = [(m.start(), m.end()) for m in _NON_MILITARY.finditer(sentence)]
    elif "str" in low or "killed off" in low or "hit" in low:
        masked = [(m.start(), m.end()) for m in _NON_MILITARY_LC.finditer(low)]
    else:
        masked = []
    plain = subject is low and "ſ" not in low and "ı" not in low
    if not plain or "intercept" in low or "thwart" in low or "foil" in low:
        masked += [(m.start(), m.end()) for m in _INTERCEPTED.finditer(sentence)]
    if not plain or "raid " in low:
        masked += [(m.start(), m.end()) for m in _RAID_WARNING.finditer(sentence)]
    if not plain or "since" in low or "until" in low:
        masked += [(m.start(1), m.end(1)) for m in _TEMPORAL_REF.finditer(sentence)]
    if not plain or any(w in low for w in _ADJECTIVAL_WORDS):
        masked += [m.span(1) if m.group(1) else m.span(2) for m in _ADJECTIVAL.finditer(sentence)]
    if (not plain or "str" in low) and (labour or _LABOUR.search(sentence)) and \
            not _ARMED.search(sentence):
        masked += [(m.start(), m.end()) for m in _STRIKE_WORD.finditer(sentence)]
    taken: list[tuple[int, int]] = list(masked)
    hits: list[Trigger] = []
    for m in itertools.chain((first,), found):
        e = LEXICON[int(m.lastgroup[1:])]  # type: ignore[index]
        a, b = m.span()
        if any(a < y and x < b for x, y in taken):
            continue
        word = m.group(0).lower()
        if word.startswith(("firing", "launching")) and \
                not _ANSWERED_BY.search(sentence[max(0, a - 60):a]):
            continue  # "breaking the law by firing missiles at boats": a manner, no act
        if word.startswith("hit ") and hits and \
                _SUBJECT_GAP.fullmatch(sentence, hits[-1].end - offset, a):
            continue  # "Israeli airstrikes hit military sites": the strike is the event word
        taken.append((a, b))
        strength: Strength = e.strength
        verb_first = word.startswith("hit ") or _VERB_FIRST.match(word) is not None
        if _VERB_FIRST.match(word) and _THEIRS.search(word):
            strength = "weak"  # "one man, hit when a drone targeted his car": told before
        if _SUFFERED.match(word) and not _BY_FORCE.match(sentence, b):
            strength = "weak"  # "after homes were flattened": what a strike told did
        if verb_first and word.endswith("s") and not _COUNTED_OBJECT.match(word):
            strength = "weak"  # "have hit boats", "hit homes year after year": a kind of act
        before = before_text(sentence, a)
        if e.strength == "weak" and e.generic and word.startswith(("operation", "mission",
                                                                    "campaign")):
            # "a covert military operation" can start a mention; "the operation" joins.
            if _MILITARY_MOD.search(before) and not word.endswith("s"):
                strength = "strong"
        if strength == "strong" and word.endswith("s") and not word.endswith("ss") and \
                not word.startswith(("fired", "firing", "launched", "launching", "lobbed",
                                     "sent", "sending", "hit ", "dropped")) and \
                not verb_first and \
                word not in ("clashes", "fighting") and e.action is None and \
                not WRECK_VERB.search(word) and \
                not _BARE_PLURAL_DET.search(before) and not _CARRIED_OUT.search(before) and \
                not _COUNTED.search(before[-30:]) and not _DID_TO.match(sentence, b):
            # a bare plural ("drone strikes", "strikes on vessels") speaks of a kind of
            # act, not one event: it joins a mention but does not start one.
            strength = "weak"
        elif strength == "strong" and word.endswith("s") and " of " in before and \
                RUN_OF.search(before):
            strength = "weak"  # "hit a boat, the latest in a string of such strikes"
        hits.append(Trigger(start=offset + a, end=offset + b, text=sentence[a:b],
                            event_type=e.event_type, sub_event_type=e.sub_event_type,
                            action=e.action, strength=strength, generic=e.generic))
    hits.sort(key=lambda t: t.start)
    return hits


# "The first came on Jan. 8 near the town", "The latest took place on Monday", "The second
# one was carried out overnight": a rank opening its sentence that stands for the act noun
# of the sentences before ("... the strikes belong to a campaign"), with a verb that only
# says the act happened
_ELLIPTIC_ACT = re.compile(r"\s*[\"“]?The\s+(?:" + "|".join(ranks_up_to(ORDINAL_VALUES, 6)) +
                           r"|latest|last|most\s+recent|next)\s+(?:one\s+)?(?:(?:came|followed)(?=\s+(?:on|"
                           r"at|near|early|late|overnight|last|shortly|just|soon|hours?|days?|"
                           r"a\s+day|the\s+(?:next|following)|\w+\s+(?:days?|hours?)\s+"
                           r"(?:later|after))\b)|took\s+place|happened|occurred|(?:was|were)\s+"
                           r"(?:carried\s+out|conducted|launched))\b")
# a plural act noun of the sentence before that the rank stands for ("strikes", "raids")
_ACTS_PLURAL = re.compile(r"(?:strikes|airstrikes|raids|attacks|bombings)$", re.IGNORECASE)
#: how many sentences back the plural the rank stands for may be told
ELLIPTIC_REACH = 2


def elliptic_act(doc: Doc, index: int, text: str, start: int) -> Trigger | None:
    """The sentence's elliptic rank as its event word ("The first came on Jan. 8 near
    Buur Heybo"), typed as the plural act noun one of the `ELLIPTIC_REACH` sentences before
    it names ("the strikes"): one act of the set they told, with a day or place of its own.
    None where the sentence opens otherwise or no plural act precedes it (then "The first
    came from a witness" is no act)."""
    if not text.lstrip(" \"“").startswith("The "):
        return None
    m = _ELLIPTIC_ACT.match(text)
    if m is None:
        return None
    for back in range(1, ELLIPTIC_REACH + 1):
        for t in doc.triggers.get(index - back, []):
            if t.event_type in (ERV, BAT) and _ACTS_PLURAL.search(t.text):
                a = start + len(m.group(0)) - len(m.group(0).lstrip(" \"“"))
                return Trigger(a, start + m.end(), doc.text[a:start + m.end()], t.event_type,
                               t.sub_event_type, generic=True)
    return None


def find_all_triggers(doc: Doc) -> None:
    """Component: fill `doc.triggers` for every sentence that passes the prefilter."""
    sports = len({m.group(0).lower() for m in _SPORTS.finditer(doc.text)}) >= 3
    labour = False
    for s in doc.sentences:
        if sports and not _WEAPONRY.search(s.text):
            continue  # a match report's "strike" and "attacked"
        hits = find_triggers(s.text, s.start, labour)
        ell = elliptic_act(doc, s.index, s.text, s.start)
        if ell is not None and not any(t.start < ell.end and ell.start < t.end for t in hits):
            hits = [ell, *hits]
        if not labour and _STRIKE_WORD.search(s.text) and _LABOUR.search(s.text) and \
                not _ARMED.search(s.text):
            labour = True
        if hits:
            doc.triggers[s.index] = hits
    doc.bump("trigger_sentences", len(doc.triggers))

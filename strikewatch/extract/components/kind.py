"""Component `kind`: is a frame one incident ("event") or an aggregate ("tally")?

A tally is a figure over many events or a period: "the toll so far", "two strikes", a toll
that has grown over several acts ("such strikes have killed at least 27"), a
"between X and Y" period, a month's figure told with casualty words only, "Of those, N …".
A tally gets the period it covers (`period_low`/`period_high`). One operation on one day
is an incident however many boats it hit. Also: an occurred event ending `BACKGROUND_DAYS`
before publication, or told after the article's lead event and ending weeks before it or in
an earlier month, or placed only in a past year ("killed in a raid in 2011"), is background
(recalled as context), which only an incident can be.
"""

from __future__ import annotations

import datetime as dt
import re

from strikewatch.extract.anchored import anchored, gated
from strikewatch.extract.components.clauses import TALLY_CUE
from strikewatch.extract.context import Doc, Frame
from strikewatch.extract.counts import ORDINAL_VALUES, ranks_up_to
from strikewatch.extract.pipeline import component
from strikewatch.extract.triggers import RUN_PLACE

_CASUALTY_WORD = re.compile(r"kill|dead|death|died|wound|injur|surviv|casualt")
_TARGET_COUNT = re.compile(r"\b(?:boats|vessels|ships|skiffs|speedboats|semi-submersibles)\b",
                           re.IGNORECASE)
# an occurred event ending this many days before publication is background: two months
# back, a report recalls it as context (real copy: "the September strike" in a December
# story) rather than reporting it
BACKGROUND_DAYS = 60
# ... and an event dated only to an earlier month ("in July", "last month") that ended
# this many days before publication
MONTH_BACKGROUND_DAYS = 21
# ... and an occurred event told after the article's lead event that ended this many days
# before the lead began ("It followed a strike on Oct. 20 that killed four" in a story of a
# Dec. 6 strike): the lead is the news, the earlier strike is recalled. Measured from the
# lead, not from publication, so it holds for pages that carry no publication date. (14
# days also caught an offensive restarted three weeks before and lost ledger precision.)
LEAD_BACKGROUND_DAYS = 30
_SUBSET = re.compile(r"\W*of (?:those|them|these|the total|the dead|the victims)\b",
                     re.IGNORECASE)

_TOLL_ONLY = {"toll", "death toll"}
# the superlatives that rank one act against others of its kind
_MOST = r"(?:deadliest|bloodiest|largest|biggest|heaviest|worst|most\s+(?:lethal|deadly|" \
    r"violent|serious|intense|destructive))"
# "In all, 21 people were killed in the attack": the whole of the one act the clause names,
# where nothing in it is plural acts or a toll grown over time ("Six dead in all" after two
# strikes is their sum)
_SUM_WORDS = {"in all", "in total", "altogether"}
_SUMMED_OVER = re.compile(r"\b(?:engagements|incidents|boats|vessels|ships|craft|places|"
                          r"villages|sites)\b", re.IGNORECASE)
# "the 15th strike since the campaign began", "the deadliest attack since 2019", and with
# the noun left out, "The strike on Monday was the 15th since the campaign began": one event
# placed in a series, not the series
_NTH_SINCE = re.compile(r"\b(?:the|its|their)\s+(?:\d+(?:st|nd|rd|th)|" +
                        "|".join(ranks_up_to(ORDINAL_VALUES, 10)) + r"|latest|" + _MOST +
                        r")\s+(?:(?:known\s+|lethal\s+|such\s+|"
                        r"U\.?S\.?\s+|[\w-]+\s+)?(?:strike|attack|raid|bombing|operation)\b(?!s)"
                        r"|since\b)",
                        re.IGNORECASE)
# "..., one of the bloodiest incursions since the truce", "the highest toll of any attack
# since the ceasefire": one act ranked among others of its kind, not a sum of them
_RANKED_AMONG = re.compile(r"\bone\s+of\s+the\s+" + _MOST + r"\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:strikes|airstrikes|attacks|raids|bombings|incursions|"
                           r"operations|assaults|incidents)\b|"
                           r"\b(?:highest|" + _MOST + r")\s+(?:death\s+)?toll\s+(?:of|from|in)\s+"
                           r"any\s+(?:single\s+)?(?:[\w-]+\s+)?(?:strike|attack|raid|bombing|"
                           r"operation|incident)\b", re.IGNORECASE)
# "..., the latest in a string of such strikes in recent months", "the newest of a spate of
# attacks this year": one act placed in a run of them; the run's words are no tally's
_LATEST_IN_RUN = re.compile(r"\b(?:the|its|their)\s+" + RUN_PLACE + r"\b", re.IGNORECASE)
_PLURAL_ACTS = re.compile(r"\b(?:strikes|airstrikes|attacks|raids|bombings|clashes|shelling|"
                          r"operations|assaults|fighting|violence|war)\b", re.IGNORECASE)


def _aggregate_cue(clause: str, strength: str, plural: bool) -> bool:
    """Whether the clause speaks of an aggregate. "The toll in Monday's strike was revised
    to three" is one event's toll: a bare "toll" cue with a singular event word as the
    sentence's main (strong) trigger is no tally; "the toll from strikes across the city"
    or "the toll so far" is."""
    cues = {m.group(0).lower() for m in TALLY_CUE.finditer(clause)}
    if not cues:
        return False
    if cues <= _TOLL_ONLY and not _PLURAL_ACTS.search(clause):
        return False  # "the Pentagon has put the toll at 11": the toll of the event told
    if cues <= _SUM_WORDS and not plural and not _PLURAL_ACTS.search(clause) and \
            not _SEVERAL_ACTS.search(clause) and not _CUMULATIVE.search(clause) and \
            not _SUMMED_OVER.search(clause) and _ONE_ACT_NAMED.search(clause):
        return False
    return not (cues <= _TOLL_ONLY and strength == "strong" and not plural)




# "such strikes have killed at least 27", "they have left at least 57 people dead", "the
# US has killed 32 people in the strikes": a toll that has grown over several acts
_CUMULATIVE = re.compile(r"\b(?:has|have|'ve)\s+(?:\w+ly\s+|now\s+|so\s+far\s+)?(?:already\s+)?"
                         r"(?:been\s+)?(?:killed|left|claimed|cost|died)\b", re.IGNORECASE)
_SEVERAL_ACTS = re.compile(r"\b(?:strikes|airstrikes|attacks|raids|operations|bombings|they|"
                           r"invasion|offensive|war)\b",
                           re.IGNORECASE)
# ... or over fighting, a campaign or a truce's breaches, told with no day or week of its own
# ("the fighting has cost the lives of over 200"; "this week scores have died in fighting
# around the city" is one incident of clashes)
_WAR_OR_BREACHES = re.compile(r"\b(?:fighting|conflict|campaign|breaches|violations)\b",
                              re.IGNORECASE)


# plural acts on plural targets with no number ("more than two dozen dead in U.S.
# airstrikes on suspected drug boats", "at least 40 killed in raids on villages"): an open
# toll over many acts, where no day of its own makes them one operation ("naval strikes on
# fishing boats killed four" stays one incident)
_ACTS_ON_MANY = re.compile(r"\b(?:strikes|airstrikes|air\s+strikes|attacks|raids|bombings)\s+"
                          r"(?:on|against)\s+(?:(?!(?:two|three|four|five|six|seven|eight|nine|"
                          r"ten|\d+|the|its|their|a|an)\b)[\w-]+\s+){0,3}"
                          r"(?:boats|vessels|ships|villages|towns|targets|homes|houses)\b",
                          re.IGNORECASE)


# acts done from a start up to now, counted by what they hit: "More than 1,000 targets have
# been struck since mid-March", "the navy has sunk 40 boats since September" (a campaign's
# count, not one act; "the strike has killed five since Monday" counts no targets)
_PERFECT_SINCE = gated(re.compile(r"\b(?:has|have|'ve)\s+(?:now\s+|so\s+far\s+|already\s+)?"
                                  r"(?:been\s+)?[a-z]+\b[^.;]{0,80}?\bsince\b",
                                  re.IGNORECASE))
# ... the same told from its start at the head of the sentence: "From early September the
# navy has struck boats in the Caribbean, destroying 26 vessels"
_FROM_START_PERFECT = re.compile(
    r"^\W*from\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b|\d{4}\b|the\s+(?:start|beginning|"
    r"outset)\b)[^.;]{0,100}?\b(?:has|have|'ve)\s+(?:now\s+|so\s+far\s+|already\s+)?"
    r"(?:been\s+)?[a-z]+ed\b", re.IGNORECASE)
_MANY_HIT = re.compile(r"\b(?:\d[\d,]*|dozens|scores|hundreds|thousands)\s+(?:of\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:targets|sites|boats|vessels|positions|camps|"
                       r"facilities|buildings|hideouts)\b", re.IGNORECASE)
# a toll told as a magnitude by a perfect with no act named: "Central Command says it has
# killed hundreds of fighters" is the campaign's to date ("an airstrike has killed dozens
# of people" names its act and is news)
_MAGNITUDE = re.compile(r"\b(?:dozens|scores|hundreds|thousands)[\"”’']?\s+of\b", re.IGNORECASE)
_ONE_ACT_NAMED = re.compile(r"\b(?:a|an|the|this|that|one|Monday's|Tuesday's|Wednesday's|"
                            r"Thursday's|Friday's|Saturday's|Sunday's)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:strike|airstrike|attack|raid|bombing|explosion|blast|shelling)"
                            r"\b(?!s)", re.IGNORECASE)


_SEPARATE_ACTS = anchored(re.compile(r"\b(?:two|three|four|five|six|several|multiple|\d+)\s+"
                                     r"(?:separate|different|distinct)\s+(?:incidents|attacks|strikes|raids|"
                                     r"operations|bombings)\b", re.IGNORECASE))


# plural acts on a counted number of places on land: "strikes on two villages in the south
# killed six", "raids against three towns" — the toll is their sum, not one strike's (boats
# are counted as strikes by counts.py; "an airstrike on two houses" is one act)
_ACTS_ON_PLACES = re.compile(
    r"\b(?:strikes|airstrikes|air\s+strikes|raids|air\s+raids|attacks|bombings)\s+"
    r"(?:on|against|targeting|hitting|in)\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|"
    r"nine|ten|several|multiple|[2-9]|\d\d)\s+(?:[\w-]+\s+)?(?:villages|towns|cities|"
    r"districts|neighbou?rhoods|areas|localities|provinces|regions|camps|sites|locations|"
    r"positions|bases)\b", re.IGNORECASE)


def _campaign_act(f: Frame, clause: str, plural: bool) -> bool:
    """One act of a campaign told with a calendar day of its own and its toll ("The
    campaign's first strike, on Sept. 2, killed 11", "the campaign opened on September 2
    with an attack that killed 11"): the campaign word places the act, the toll is that
    day's, an incident (session 17's ruling on recalled strikes). Not a toll told as grown
    ("the campaign, which began with a strike on Sept. 2, has killed 83"), nor one counted
    since or over a period, nor plural acts."""
    cues = {m.group(0).lower() for m in TALLY_CUE.finditer(clause)}
    return cues == {"campaign"} and not plural and f.trigger.strength == "strong" and \
        f.time_precision == 1 and not f.date_told and f.since_read is None and \
        f.period_read is None and not _CUMULATIVE.search(clause)


# plural acts on one built target named in the singular: "U.S. strikes on the Ras Isa fuel
# port left 74 dead", "airstrikes against a market in the city have killed 15": the
# night's raid on one target is one incident however many bombs fell (not "strikes on
# boats", "strikes on two villages", "strikes on the city": a campaign's places)
_ON_ONE_TARGET = re.compile(
    r"\s+(?:on|against|at|targeting|hitting)\s+(?:the|a|an)\s+(?:[\w'’.-]+\s+){0,4}?"
    r"(?:port|harbou?r|factory|plant|refinery|market(?:place)?|school|hospital|clinic|mosque|"
    r"church|camp|compound|building|house|home|base|air ?base|airport|depot|warehouse|prison|"
    r"jail|complex|facility|station|bridge|shelter|terminal|hotel|mall)\b(?!['’]?s\b)",
    re.IGNORECASE)


def _acts_on_one_target(f: Frame) -> bool:
    """Plural acts told on one built target in the singular, with no period, start or count
    of strikes: one operation (`_ON_ONE_TARGET`)."""
    at = f.trigger.end - f.sentence.start
    return f.since_read is None and f.period_read is None and \
        "strikes" not in f.counts and _ON_ONE_TARGET.match(f.sentence.text, at) is not None


def _whole_sentence(f: Frame) -> bool:
    return f.start == f.sentence.start and f.end == f.sentence.end


def _aggregate(f: Frame) -> None:
    """An aggregate by its words: two or more strikes, a tally cue, a generic plural."""
    if f.kind == "event" and _whole_sentence(f):
        word = f.trigger.text.lower()
        plural = word.endswith("s") and not word.endswith(("ss", "ous")) and \
            word not in ("clashes",)
        strikes = f.counts.get("strikes")
        clause = f.sentence.text
        # "so far no evidence of civilian casualties": a finding of none is the event's,
        # no figure summed over many
        counted = any(v != (0, 0) for v in f.counts.values())
        if plural and _acts_on_one_target(f):
            pass  # "U.S. strikes on the Ras Isa fuel port left 74 dead": one operation
        elif strikes and (strikes[0] or 0) + (strikes[1] or 0) >= 2:
            f.kind = "tally"
        elif (_NTH_SINCE.search(clause) or _RANKED_AMONG.search(clause)) and not plural:
            pass  # "the 15th strike since the campaign began": one strike, counted
        elif not plural and _LATEST_IN_RUN.search(clause):
            pass  # "hit a vessel on Friday, the latest in a string of such strikes"
        elif "killed" in f.counts and f.time_precision != 1 and \
                _CUMULATIVE.search(clause) and (_SEVERAL_ACTS.search(clause) or (
                    f.date_low is None and _WAR_OR_BREACHES.search(clause))):
            f.kind = "tally"  # "such strikes have killed at least 27 people"
        elif "killed" in f.counts and f.counts["killed"][1] is None and \
                f.date_low is None and _ACTS_ON_MANY.search(clause):
            f.kind = "tally"  # "more than two dozen dead in airstrikes on drug boats"
        elif f.time_precision != 1 and (_PERFECT_SINCE.search(clause) or
                                        _FROM_START_PERFECT.match(clause)) and \
                _MANY_HIT.search(clause):
            f.kind = "tally"  # "1,000 targets have been struck since mid-March"
        elif "killed" in f.counts and f.time_precision != 1 and f.date_low is None and \
                _CUMULATIVE.search(clause) and _MAGNITUDE.search(clause) and \
                not _ONE_ACT_NAMED.search(clause):
            f.kind = "tally"  # "it has killed hundreds of fighters"
        elif counted and _SEPARATE_ACTS.search(clause):
            f.kind = "tally"  # "killed 15 civilians in two separate incidents"
        elif counted and plural and f.time_precision != 1 and _ACTS_ON_PLACES.search(clause):
            f.kind = "tally"  # "Israeli strikes on two villages killed six": a sum (with a
            # day of its own it stays one incident, the day's: test_extract_precision_rules)
        elif counted and (_aggregate_cue(clause, f.trigger.strength, plural) or
                           (plural and f.trigger.generic and not _CASUALTY_WORD.match(word))) \
                and not _campaign_act(f, clause, plural):
            f.kind = "tally"
    if f.kind == "tally":
        f.cite("kind", f.trigger.start, f.trigger.end)


# the war or conflict a sentence talks about as a whole: "what the last war with Israel cost",
# "the conflict, which ended in November"
_A_WAR = re.compile(r"\b(?:the|that|this|a|its|their)\s+(?:(?:last|previous|recent|past|whole|"
                    r"entire|\d+-(?:day|week|month|year)|[\w-]+ian|[\w-]+ish)\s+){0,2}"
                    r"(?:war|conflict)\b", re.IGNORECASE)


def _war_toll(doc: Doc, f: Frame) -> None:
    """A toll told with casualty words only, no day of its own, right after a sentence about
    a war as a whole ("Qassem gave details of what the last war with Israel cost. By his
    account, 5,000 fighters were killed"): the war's toll, a tally — no one incident."""
    if f.kind != "event" or not _whole_sentence(f) or "killed" not in f.counts or \
            not _CASUALTY_WORD.match(f.trigger.text.lower()) or f.time_precision == 1 or \
            any(t.strength == "strong" for t in doc.triggers.get(f.sentence.index, ())):
        return
    i = f.sentence.index
    if i == 0:
        return
    before = doc.sentences[i - 1]
    if "\n\n" in doc.text[before.end:f.sentence.start]:
        return  # another paragraph
    if _A_WAR.search(before.text) or any(
            x.kind == "tally" and "killed" in x.counts and x.sentence is before
            for x in doc.frames):
        # (or right after a campaign's toll: "it has killed 'hundreds' of fighters. Al
        # Jazeera counted at least 250 dead" counts the same dead another way)
        f.kind = "tally"
        f.cite("kind", f.trigger.start, f.trigger.end)


def _period(doc: Doc, f: Frame) -> None:
    """The period an aggregate covers, from a period the clause names or a since-phrase."""
    p = f.period_read
    if p is not None and f.kind == "event" and f.counts and _whole_sentence(f) and \
            f.trigger.strength == "weak":
        f.kind = "tally"  # "civilians killed between January 1 and June 30"
        f.cite("kind", p.start, p.end)
    if p is not None and f.kind == "tally":
        f.period_low, f.period_high = p.low, p.high
        f.cite("period", p.start, p.end)
    elif f.kind == "tally" and doc.published is not None and f.since_read is not None:
        since = f.since_read
        f.period_low, f.period_high = since.low, doc.published.isoformat()
        f.cite("period", since.start, since.end)


# "Since the first attack in early September, more than 100 people have been killed": the
# act that opens a count, its event word right after "since the first"
_SINCE_FIRST = re.compile(r"\bsince\s+(?:the|its|their)\s+(?:very\s+)?first\s+"
                          r"(?:[\w-]+\s+)?$", re.IGNORECASE)


def _since_first_act(doc: Doc, f: Frame) -> None:
    """"Since the first strike on Sept. 2, more than 100 people have been killed": the toll
    told after the campaign's first act is every act's since then (a tally whose period the
    first act's date opens), not that first act's toll or day. (On a page with no date the
    period stays open: its end is unknown.)"""
    s = f.sentence
    if f.kind != "event" or not f.counts or \
            not _SINCE_FIRST.search(s.text[:f.trigger.start - s.start]):
        return
    f.kind = "tally"
    f.cite("kind", f.trigger.start, f.trigger.end)
    f.date_low = f.date_high = None
    f.time_precision = None
    f.prov.pop("date", None)


def _one_operation(doc: Doc, f: Frame) -> None:
    """"destroyed four boats the previous day, killing 14": one operation on one day is one
    incident, however many boats it hit."""
    if f.kind == "tally" and "strikes" in f.prov and f.time_precision == 1 and \
            not f.period_low and _TARGET_COUNT.search(doc.text[slice(*f.prov["strikes"][0])]):
        f.kind = "event"
        f.counts.pop("strikes", None)
        f.prov.pop("strikes", None)


_THE_PLURAL_ACTS = re.compile(r"\b(?:the|these|those)\s+(?:[\w-]+\s+)?(?:strikes|airstrikes|"
                              r"attacks|raids|air\s+raids|bombings)\b", re.IGNORECASE)


def _toll_of_the_acts_told(doc: Doc, f: Frame) -> None:
    """"Heavy air strikes hit the capital on Wednesday. One person was killed in the
    attacks": a toll told of "the attacks", right after plural acts were told as one
    incident (no period or start), is theirs, not a sum over a campaign (no tally cue, day,
    period or count of strikes of its own)."""
    if f.kind != "tally" or not _whole_sentence(f) or "killed" not in f.counts or \
            "strikes" in f.counts or f.date_low is not None or f.period_read is not None or \
            f.since_read is not None or TALLY_CUE.search(f.sentence.text) or \
            _CUMULATIVE.search(f.sentence.text) or \
            not _THE_PLURAL_ACTS.search(f.sentence.text):
        return
    i = f.sentence.index
    told = [x for x in doc.frames if x is not f and x.sentence.index in (i - 1, i - 2)]
    acts = [x for x in told if x.kind == "event" and not x.antecedent and
            x.period_read is None and x.since_read is None and x.status == "occurred" and
            x.trigger.text.lower().endswith("s")]  # (a "blast" seen between is theirs)
    if len(acts) == 1 and not any(x.kind == "tally" for x in told):
        f.kind = "event"


def _long_ago(doc: Doc, f: Frame) -> None:
    """"In July 2024, a strike on the same area killed 90" in January's news: an event
    months before the article is recalled as context."""
    if f.kind != "event" or f.background or doc.published is None or \
            f.date_high is None or f.status != "occurred":
        return
    ended = dt.date.fromisoformat(f.date_high)
    days = (doc.published - ended).days
    # "the July fighting" in a late-August story: a whole earlier month, told as such
    last_month = f.time_precision is not None and f.time_precision >= 3 and \
        ended < doc.published.replace(day=1) and days > MONTH_BACKGROUND_DAYS
    if days > BACKGROUND_DAYS or last_month:
        f.background = True


# "brings to 30 the number of attacks since September", "the total of strikes so far"
_NUMBER_OF = re.compile(r"\b(?:number|total|tally|count)\s+of\s+(?:[\w-]+\s+){0,2}$",
                        re.IGNORECASE)


def _number_of_acts(f: Frame) -> None:
    """A plural event word counted ("the number of attacks since September"): a tally of
    acts, not an incident."""
    s = f.sentence
    ts = f.trigger.start - s.start
    if f.kind == "event" and f.trigger.text.lower().endswith("s") and \
            _NUMBER_OF.search(s.text[max(0, ts - 40):ts]):
        f.kind = "tally"
        f.cite("kind", f.trigger.start, f.trigger.end)


# a lone casualty word with no figure: "her brother, killed by Israeli forces in 1997"
_LONE_TOLL = re.compile(r"(?:killed|died|dead)$", re.IGNORECASE)


def _year_only(doc: Doc, f: Frame) -> None:
    """"bin Laden, whom U.S. forces killed in a raid in 2011", "the attack on the USS Cole in
    2000": a news report tells its strike's day or week; an occurred event placed only in a
    whole year before the article's (or in a page with no date at all) is history recalled."""
    if f.kind != "event" or f.background or f.status != "occurred" or \
            f.date_low is None or f.date_high is None:
        return
    if f.trigger.strength == "weak" and (f.counts or not _LONE_TOLL.match(f.trigger.text)):
        return  # (a lone "operations" or a figure killed joins the event it tells of;
        # coreference decides; a person "killed by Israeli forces in 1997" is history)
    low, high = f.date_low, f.date_high
    if not (low[:4] == high[:4] and low[5:] == "01-01" and high[5:] == "12-31"):
        return
    if doc.published is None or int(low[:4]) < doc.published.year:
        f.background = True


def _lead(doc: Doc) -> Frame | None:
    """The article's news: its first occurred incident of a known day or week."""
    return next((f for f in doc.frames if f.kind == "event" and f.status == "occurred" and
                 not f.background and not f.drop and f.date_low is not None and
                 f.time_precision is not None and f.time_precision <= 2), None)


def _before_lead(doc: Doc) -> None:
    """"A US strike on Saturday killed three. In March, a strike on the port killed 80.":
    an occurred incident told after the lead event and ended weeks before it is recalled
    history, not the article's news."""
    lead = _lead(doc)
    if lead is None or lead.date_low is None:
        return
    began = dt.date.fromisoformat(lead.date_low)
    for f in doc.frames[doc.frames.index(lead) + 1:]:
        if f.kind != "event" or f.status != "occurred" or f.background or f.date_high is None:
            continue
        ended = dt.date.fromisoformat(f.date_high)
        # "In November, a strike killed 80" in a story of a December strike: a whole
        # earlier month, told as such
        earlier_month = f.time_precision is not None and f.time_precision >= 3 and \
            ended < began.replace(day=1)
        if (began - ended).days > LEAD_BACKGROUND_DAYS or earlier_month:
            f.background = True


def _part_of_total(doc: Doc, f: Frame) -> None:
    """A month's figure, "Of those, 19 were killed in drone strikes": parts of aggregates."""
    s = f.sentence
    if f.kind == "event" and f.counts and f.trigger.strength == "weak" and \
            f.trigger.generic and f.time_precision == 3 and _whole_sentence(f):
        f.kind = "tally"  # "87 civilian deaths in October": a month's figure
        f.cite("kind", *f.prov["date"][0])
    subset = _SUBSET.match(s.text)
    if f.kind == "event" and f.counts and subset is not None:
        # "Of those, 19 were killed in drone strikes": part of the total just told
        f.kind = "tally"
        f.cite("kind", s.start, s.start + subset.end())
        whole = next((o for o in reversed(doc.frames[:doc.frames.index(f)])
                      if o.kind == "tally" and o.period_low and
                      s.index - o.sentence.index <= 1), None)
        if whole is not None and f.period_low is None:
            f.period_low, f.period_high = whole.period_low, whole.period_high
            f.cite("period", *whole.prov["period"][0])
    if f.kind == "tally" and f.period_low is None and f.date_low is not None and \
            f.time_precision is not None and f.time_precision <= 3:
        # "struck two boats over the weekend, killing six", "In June alone, attacks
        # killed 232": the aggregate covers its days
        f.period_low, f.period_high = f.date_low, f.date_high
        f.cite("period", *f.prov["date"][0])


def _sum_of_items(doc: Doc) -> None:
    """"Eight people were killed in all ... three on the first boat, two on the second and
    three on the third": where the article tells a toll strike by strike (`list_item`), the
    toll they add up to is an aggregate over those strikes, not a strike of its own. Only a
    total the items' tolls make (a day's total told alone stays one incident: its split is
    not invented)."""
    items = [f for f in doc.frames if f.list_item and f.kind == "event" and
             f.counts.get("killed", (None, None))[0] is not None]
    if len(items) < 2:
        return
    total = sum(f.counts["killed"][0] or 0 for f in items)
    days = {f.date_low for f in items} - {None}
    for f in doc.frames:
        low, high = f.counts.get("killed", (None, None))
        if f.list_item or f.kind != "event" or f.status != "occurred" or f.background or \
                low is None or not low <= total <= (high if high is not None else total):
            continue
        if f.date_low is not None and days and f.date_low not in days:
            continue  # a total of another day
        f.kind = "tally"
        f.cite("kind", f.trigger.start, f.trigger.end)
        for item in items:
            item.total = f
        if f.date_low is not None and f.time_precision == 1:
            f.period_low, f.period_high = f.date_low, f.date_high
            f.cite("period", *f.prov["date"][0])


@component("kind", requires=("doc.frames", "frame.counts", "frame.status", "frame.date_low",
                             "frame.time_precision",
                             "frame.period_read", "frame.since_read", "frame.list_item"),
           assigns=("frame.kind", "frame.period_low", "frame.period_high",
                    "frame.background", "frame.total"))
def read_frame_kind(doc: Doc) -> None:
    """Incident or tally, and a tally's period, for every frame (in article order: a part
    of a total takes the period of the total told just before)."""
    for f in doc.frames:
        _aggregate(f)
        _toll_of_the_acts_told(doc, f)
        _war_toll(doc, f)
        _number_of_acts(f)
        _since_first_act(doc, f)
        _period(doc, f)
        _one_operation(doc, f)
        _long_ago(doc, f)
        _year_only(doc, f)
        _part_of_total(doc, f)
    _sum_of_items(doc)
    _before_lead(doc)

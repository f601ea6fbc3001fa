"""Component `counts`: killed, injured, civilians, children, survivors, missing, strikes.

Per frame, from its clause (counts.py reads the numbers: "at least 12", "dozens", "3 to
5"); a gapped part ("… and two in Jabalia") is read with the verb it shares. Counts that
add to a figure told before ("two more died") are marked in `frame.more`. "Killing everyone
on board" is as many dead as the article says were aboard, where it says one number. A toll
its sentence says will grow ("figures expected to climb") keeps no upper bound; one told as
an early count or as raised ("a first count", "the toll rose to") cites those words too.
"""

from __future__ import annotations

import re

from strikewatch.extract.anchored import Anchored, anchored, gated
from strikewatch.extract.context import Doc, Frame
from strikewatch.extract.counts import (
    TOLL_EARLY,
    TOLL_MAY_RISE,
    TOLL_SO_FAR,
    TOLL_UPDATED_SCAN,
    UNPLACED_DEATHS,
    parse_number,
    read_counts,
)
from strikewatch.extract.pipeline import component


@component("counts", requires=("doc.frames",),
           assigns=("frame.counts", "frame.approx", "frame.more"))
def read_frame_counts(doc: Doc) -> None:
    """Every count of every frame, each with its span."""
    for f in doc.frames:
        clause = doc.text[f.start:_before_war_toll(doc, f)]
        if f.gap_verb:
            # "two in Jabalia": read as "killed two in Jabalia", offsets kept
            lead = f.gap_verb + " "
            counts, approx, cspans = read_counts(lead + clause, f.start - len(lead), f.more)
            cspans = {k: (max(f.start, x), y) for k, (x, y) in cspans.items()}
        else:
            counts, approx, cspans = read_counts(clause, f.start, f.more)
        f.counts = counts
        f.approx = approx
        for k, (a, b) in cspans.items():
            f.cite(k, a, b)
        if "killed" not in counts:
            _all_aboard(doc, f)
        open_if_toll_may_rise(doc, f, TOLL_MAY_RISE, TOLL_SO_FAR)
        cite_toll_stage(doc, f, (TOLL_UPDATED_SCAN, TOLL_EARLY))
        drop_unplaced_deaths(doc, f, UNPLACED_DEATHS)
        _drop_running_toll(doc, f)


#: a toll told as the sum so far over acts: a running count ("the cumulative toll now stands
#: at 83"), or the overall one an act is said to bring there ("With this attack the overall
#: death toll reached 61"); not a page's whole toll of one act ("put the overall number of
#: dead at 30")
_RUNNING_TOLL = re.compile(
    r"(?:\b(?:cumulative|running)\s+(?:death\s+)?(?:toll|tally)|"
    r"\bwith\s+(?:this|that|the\s+latest|the\s+new|today's)\s+(?:[\w-]+\s+)?(?:strike|"
    r"airstrike|attack|raid|bombing)\b[^.;:]{0,30}?\b(?:overall|total|combined)\s+(?:death\s+)?"
    r"(?:toll|tally|number\s+of\s+(?:dead|deaths|fatalities)))\b[^.;:]{0,40}$", re.IGNORECASE)


def _drop_running_toll(doc: Doc, f: Frame) -> None:
    """A figure told as the overall toll so far is the sum over every act, not the toll of
    the act the frame tells ("this attack" only brings it there): the frame's dead go."""
    cites = f.prov.get("killed") or []
    start = f.sentence.start
    if cites and any(_RUNNING_TOLL.search(doc.text, start, a) for a, _ in cites):
        for k in ("killed", "civilians_killed", "children_killed"):
            f.counts.pop(k, None)
            f.prov.pop(k, None)


def drop_unplaced_deaths(doc: Doc, f: Frame, unplaced: re.Pattern[str]) -> None:
    """Deaths its sentence, after the figure, says were announced with no time or place
    ("announced the deaths of seven fighters but did not say when or where they died") are
    a party's losses over days, not the toll of the act the frame tells: its dead go.
    Shared by the Spanish reader with its own words for it."""
    cites = [a for a, _ in f.prov.get("killed", []) if f.sentence.start <= a < f.sentence.end]
    if not cites or unplaced.search(doc.text, min(cites), f.sentence.end) is None:
        return
    for k in ("killed", "civilians_killed", "children_killed"):
        f.counts.pop(k, None)
        f.prov.pop(k, None)


def cite_toll_stage(doc: Doc, f: Frame,
                    stages: tuple[re.Pattern[str] | Anchored, ...]) -> None:
    """A toll its sentence tells as an early count ("in a first count", "preliminary
    figures") or as raised ("the toll rose to 46", "up from nine"): the words are cited
    beside the figure, so that merging across reports (resolve/merging.py) lets a later,
    higher count supersede an early one. The figure itself stays as read. Shared by the
    Spanish reader with its own words for it."""
    cites = [a for a, _ in f.prov.get("killed", []) if f.sentence.start <= a < f.sentence.end]
    if not cites:
        return
    for stage in stages:
        m = stage.search(doc.text, f.sentence.start, f.sentence.end)
        if m is not None:
            f.cite("killed", m.start(), m.end())
            return


def open_if_toll_may_rise(doc: Doc, f: Frame, may_rise: re.Pattern[str],
                          so_far: re.Pattern[str] | None = None) -> None:
    """A toll its sentence, after the figure, says will grow ("six dead and 91 injured,
    figures expected to climb") is a floor: its upper bound goes (spec: "at least N" is
    N..null). So is a toll the very next sentence, telling no figure of its own, says may
    grow ("... killing 12. Officials said the toll was likely to rise."), and an act's toll
    told as the count so far ("killing two people so far", "up to now we have 100 dead";
    `so_far`, next to the figure; not a tally's, whose "so far" dates the campaign).
    Shared by the Spanish reader with its own words for it."""
    low, high = f.counts.get("killed", (None, None))
    cites = [a for a, _ in f.prov.get("killed", []) if f.sentence.start <= a < f.sentence.end]
    if low is None or high is None or not cites:
        return
    m = may_rise.search(doc.text, min(cites), f.sentence.end) or \
        _may_rise_next(doc, f, may_rise) or \
        (_so_far_beside(doc, f, min(cites), so_far) if so_far is not None else None)
    if m is not None:
        f.counts["killed"] = (low, None)
        f.cite("killed", m.start(), m.end())


def _may_rise_next(doc: Doc, f: Frame, may_rise: re.Pattern[str]) -> re.Match[str] | None:
    """The next sentence's "the toll is likely to rise", where it tells no figure (a figure
    there may be another count, which that sentence's own frame reads)."""
    i = f.sentence.index + 1
    if i >= len(doc.sentences):
        return None
    nxt = doc.sentences[i]
    if _ANY_DIGIT.search(doc.text, nxt.start, nxt.end):
        return None
    return may_rise.search(doc.text, nxt.start, nxt.end)


_ANY_DIGIT = re.compile(r"\d")
_SINCE = re.compile(r"\b(?:since|desde)\b", re.IGNORECASE)


def _so_far_beside(doc: Doc, f: Frame, at: int, so_far: re.Pattern[str]
                   ) -> re.Match[str] | None:
    """"So far" within the figure's own stretch of the sentence: up to 40 characters after
    it with no comma or stop between ("killing two so far", "100 dead so far"), or opening
    the sentence's words before it ("So far, 12 bodies ...", "Up to now we have 100 dead")."""
    if f.kind == "tally" or "strikes" in f.counts or \
            _SINCE.search(doc.text, f.sentence.start, f.sentence.end):
        return None  # "four strikes since September, killing 21 people so far": a campaign's
    after = so_far.search(doc.text, at, min(f.sentence.end, at + 48))
    if after is not None and not re.search(r"[,;:]", doc.text[at:after.start()]):
        return after
    before = so_far.search(doc.text, max(f.sentence.start, at - 60), at)
    if before is not None and not re.search(r"[.;]", doc.text[before.end():at]):
        return before
    return None


# "a major escalation in the conflict between Israel and Hezbollah, in which more than 700
# people have been killed this week alone", "the war, during which thousands have died":
# a relative clause on a war, campaign or fighting tells that war's dead, not the act's
_WAR_TOLL = gated(re.compile(r"\b(?:conflict|war|fighting|hostilities|campaign|offensive|"
                             r"clashes|violence|unrest|insurgency|crisis|escalation)\b"
                             r"[^.;,]{0,60},\s*(?:in|during)\s+which\b", re.IGNORECASE))


def _before_war_toll(doc: Doc, f: Frame) -> int:
    """Where the frame's counts end: before a relative clause on a war told after its
    event word (`_WAR_TOLL`), else the clause's end."""
    m = _WAR_TOLL.search(doc.text, f.trigger.end, f.end)
    return f.end if m is None else m.start() + m.group().rindex(",")


# "killing everyone on board", "all aboard were killed", "there were no survivors", "none
# of them survived"
_ALL_KILLED = anchored(re.compile(
    r"\b(?:kill(?:ed|ing)\s+(?:everyone|everybody|all(?:\s+(?:those|the\s+people|the\s+men|"
    r"the\s+crew|crew\s+members))?)\s+(?:who\s+were\s+)?(?:on\s*board|aboard)|"
    r"(?:everyone|everybody|all(?:\s+(?:those|the\s+people|the\s+men))?)\s+(?:who\s+were\s+)?"
    r"(?:on\s*board|aboard)\s+(?:was|were|had\s+been)\s+killed|"
    r"(?:everyone|everybody|all(?:\s+(?:those|the\s+people|the\s+men))?)\s+(?:on\s*board|"
    r"aboard)\s+died|"
    r"none\s+(?:of\s+them\s+)?survived|no\s+one\s+survived|there\s+were\s+no\s+survivors|"
    r"left\s+no\s+survivors)\b", re.IGNORECASE))
# how many were aboard: "the vessel carried three men", "four people were on board"
_FIG = r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_ABOARD = (
    re.compile(rf"\b(?:carried|carrying|had|with)\s+{_FIG}\s+(?:[\w-]+\s+){{0,3}}?(?:men|"
               r"people|persons|crew(?:\s+members)?|passengers|aboard|on\s*board)\b",
               re.IGNORECASE),
    re.compile(rf"\b{_FIG}\s+(?:[\w-]+\s+){{0,3}}?(?:were|was)\s+(?:on\s*board|aboard)\b",
               re.IGNORECASE))


def _all_aboard(doc: Doc, f: Frame) -> None:
    """"Killing everyone on board" where the article says how many were aboard (in the
    sentence or the two either side): that many dead, cited from both."""
    clause = doc.text[f.start:f.end]
    m = _ALL_KILLED.search(clause)
    if m is None:
        return
    s = f.sentence.index
    near = doc.sentences[max(0, s - 2):s + 3]
    found = [(x, c) for x in near for r in _ABOARD for c in r.finditer(x.text)]
    figures = {parse_number(c.group("n") or "") for _, c in found}
    n = figures.pop() if len(figures) == 1 else None
    if n is None:
        return  # no crew told, or two different counts: no toll read
    x, c = found[0]
    f.counts["killed"] = (n, n)
    f.cite("killed", f.start + m.start(), f.start + m.end())
    f.cite("killed", x.start + c.start("n"), x.start + c.end("n"))

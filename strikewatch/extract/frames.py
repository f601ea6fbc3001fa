"""Per-sentence reading: one frame per event word worth keeping, every field with its span.

Components here run only on sentences the trigger prefilter kept. Each is a function
`component(doc)` over `doc.frames`, so any of them can be swapped for another backend.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from strikewatch import geo
from strikewatch.extract import nlp
from strikewatch.extract.actors import (
    DEMONYMS,
    PLACE_BEFORE,
    ActorHit,
    assign_roles,
    country_names,
    demonym_country,
    find_actors,
)
from strikewatch.extract.attribution import read_attribution, read_quotes
from strikewatch.extract.context import Doc, Frame, Sentence, Trigger
from strikewatch.extract.counts import read_counts
from strikewatch.extract.dates import read_dates
from strikewatch.extract.places import country_place
from strikewatch.extract.status import is_background, read_hedges, read_status
from strikewatch.extract.triggers import BAT, ERV, VAC, WRECK_VERB
from strikewatch.records import Actor, Quote

# "..., bringing the death toll to 65": the clause after it is a tally of its own.
_TOLL_CLAUSE = re.compile(r",?\s*(?:bringing|raising|pushing|taking|lifting) the (?:[\w-]+\s+){0,3}"
                          r"(?:toll|number|total|tally|count)\b", re.IGNORECASE)
_TALLY_CUE = re.compile(
    r"\b(?:death toll|toll|so far|in total|to date|in recent (?:weeks|months)|altogether|"
    r"cumulative|campaign|over the past|in all|since (?:the start|early|late|mid|[A-Z]\w+|"
    r"\d{4}|\d{1,2}(?:st|nd|rd|th)? [A-Z]\w+)|a series of|total(?:ing)?|this year|"
    r"these (?:strikes|operations|attacks))\b",
    re.IGNORECASE)
_REL_TALLY = re.compile(r",\s*(?:where|in which|during which)\b", re.IGNORECASE)
_HAS_NUMBER = re.compile(r"\d|\b(?:dozens|scores|hundreds|several|two|three|four|five|six|"
                         r"seven|eight|nine|ten|eleven|twelve)\b", re.IGNORECASE)
_ANAPHOR = re.compile(r"\b(?:the|this|that|such|its|their|these|those)\s+(?:(?!(?:of|on|in|at|"
                      r"to|for|with|by|from|against|into|over|and|or)\b)[\w-]+\s+){0,2}$",
                      re.IGNORECASE)
_INDEF = re.compile(r"\b(?:a|an|another|one|new|second|third)\s+(?:[\w-]+\s+){0,3}$",
                    re.IGNORECASE)
_CASUALTY_WORD = re.compile(r"kill|dead|death|died|wound|injur|surviv|casualt")
_NEGATED = re.compile(r"\b(?:never|not|n't|no longer)\s+(?:\w+ly\s+)?(?:been\s+)?$",
                      re.IGNORECASE)
# "no strike", "no such attack", "no US raid": the event word is negated
_NO_NOUN = re.compile(r"\b(?:no|not a|not one|not a single)\s+(?:(?:such|other|further|"
                      r"(?-i:[A-Z][\w.]*)|[\w-]+(?:ian|ese|ish))\s+){0,2}$", re.IGNORECASE)
# "No vessel of the navy has been attacked": a negated subject of the event verb
_NO_SUBJECT = re.compile(r"^\W*(?:no|none of (?:the|its|their))\s+[^,;]{0,60}?\b(?:has|have|had|"
                         r"was|were|is|are)\s+(?:ever\s+)?(?:been\s+)?$", re.IGNORECASE)
# "officials said on Monday", "a statement issued on Monday": when it was said, not done
_SAID_ON = re.compile(r"\b(?:said|say|says|told|announced|reported|stated|confirmed|added|"
                      r"warned|threatened|vowed|pledged|"
                      r"issued|released|published|posted|denied|revised|updated)\s+"
                      r"(?:(?:in|on|to|via) (?:an? |the |his |her |its )?[\w-]+(?: [\w-]+)?\s+)?"
                      r"(?:(?:late|early|earlier|later)\s+)?(?:on\s+|in\s+|at\s+)?$",
                      re.IGNORECASE)
# "Pakistan's military on Sunday denied ...": the day it was said, before the verb
_ON_SAID = re.compile(r",?\s+(?:said|says|told|announced|reported|stated|confirmed|added|"
                      r"warned|threatened|vowed|denied|claimed|accused|blamed|rejected)\b",
                      re.IGNORECASE)
_TARGET_COUNT = re.compile(r"\b(?:boats|vessels|ships|skiffs|speedboats|semi-submersibles)\b",
                           re.IGNORECASE)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?!(?:early|late|mid|the start)\b)[^,;.]*$", re.IGNORECASE)
# an occurred event ending this many days before publication is background
BACKGROUND_DAYS = 120
_SUBSET = re.compile(r"\W*of (?:those|them|these|the total|the dead|the victims)\b",
                     re.IGNORECASE)
_SINCE_OPEN = re.compile(r"\bsince\b[^,;.]{0,60}$", re.IGNORECASE)
_AS_OF = re.compile(r"\b(?:by|as of|until|till)\s+$", re.IGNORECASE)
_HABITUAL = re.compile(r"\b(?:traditionally|usually|typically|routinely|normally|generally|"
                       r"customarily|often)\b[^.;,]{0,40}$", re.IGNORECASE)
_CANNOT = re.compile(r"\b(?:cannot|can't|could not|may not)\b", re.IGNORECASE)

TARGETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("vessel", re.compile(r"\b(?:boats?|vessels?|ships?|speedboats?|semi-submersibles?|"
                          r"narco-subs?|tankers?|skiffs?|go-fast|fishing boats?|"
                          r"(?:aircraft )?carriers?|warships?|destroyers?|frigates?|"
                          r"corvettes?|freighters?)\b", re.I)),
    ("vehicle", re.compile(r"\b(?:cars?|trucks?|vehicles?|convoys?|bus|buses|minibus(?:es)?|"
                           r"vans?|minivans?|SUVs?|motorcycles?|"
                           r"pickups?|ambulances?)\b", re.I)),
    ("facility", re.compile(r"\b(?:labs?|laboratories|bases?|depots?|plants?|refiner(?:y|ies)|"
                            r"airports?|ports?|facilit(?:y|ies)|camps?|warehouses?|bridges?|"
                            r"compounds?|infrastructure|airfields?|airstrips?|power station|sites?|"
                            r"installations?|arsenals?)"
                            r"\b", re.I)),
    ("building", re.compile(r"\b(?:houses?|homes?|buildings?|apartments?|schools?|"
                            r"hospitals?|mosques?|churches|church|residential|markets?|"
                            r"shelters?|tents?)\b", re.I)),
    ("person", re.compile(r"\b(?:leaders?|commanders?|chiefs?|kingpins?|operatives?)\b", re.I)),
    ("group", re.compile(r"\b(?:gatherings?|fighters|militants|members|positions)\b", re.I)),
)
# All target words in one alternation: group name = target kind.
_TARGET_ONE = re.compile("|".join(f"(?P<{k}>{rx.pattern})" for k, rx in TARGETS), re.I)
_PASSIVE = re.compile(r"\b(?:been|was|were|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_SEA = re.compile(r"\b(?:at sea|seas?|ocean|waters|Caribbean|Pacific|Atlantic|Gulf of|"
                  r"Mediterranean|Red Sea|maritime|offshore|off the coast)\b(?!\s+(?:city|town|"
                  r"port|state|province|coast(?:line)?|resort|region|village))", re.I)
_AIR = re.compile(r"\b(?:shot down|downed|intercepted)\b", re.I)
_ON_LAND = re.compile(r"\bon land\b", re.I)


_TOLL_ONLY = {"toll", "death toll"}
_PLURAL_ACTS = re.compile(r"\b(?:strikes|airstrikes|attacks|raids|bombings|clashes|shelling|"
                          r"operations|assaults|fighting|violence|war)\b", re.IGNORECASE)


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


def _aggregate_cue(clause: str, strength: str, plural: bool) -> bool:
    """Whether the clause speaks of an aggregate. "The toll in Monday's strike was revised
    to three" is one event's toll: a bare "toll" cue with a singular event word as the
    sentence's main (strong) trigger is no tally; "the toll from strikes across the city"
    or "the toll so far" is."""
    cues = {m.group(0).lower() for m in _TALLY_CUE.finditer(clause)}
    if not cues:
        return False
    if cues <= _TOLL_ONLY and not _PLURAL_ACTS.search(clause):
        return False  # "the Pentagon has put the toll at 11": the toll of the event told
    return not (cues <= _TOLL_ONLY and strength == "strong" and not plural)


def _priority(t: Trigger) -> tuple[int, int, int]:
    return (0 if t.strength == "strong" else 1, 1 if t.generic else 0, 0 if t.action else 1)


# Where one sentence tells two events: "..., while a drone strike in Lebanon killed one",
# "..., in response to U.S. strikes on Sanaa that killed 31", and lists of figures
# ("Donetsk, six killed; Kherson, three killed; ...").
_EVENT_BREAK = re.compile(r",\s+(?:while|whereas|in response to|in retaliation for)\s+|;\s+",
                          re.IGNORECASE)
_ITEM_HEAD = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2},\s")
_ITEM_NUMBER = re.compile(r"\d|(?<!\bno )\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|dozens|scores|hundreds|several)\b", re.IGNORECASE)
_LIST_HEAD = re.compile(r"^[^:;]{3,60}:\s+(?=[^;]*;)")


def _split_events(s: Sentence, trigs: list[Trigger]) -> list[tuple[int, int, str]]:
    """The sentence's event clauses: split where each side has an event word of its own
    (a strong one, or a casualty word with a count, as list items have)."""
    cuts = [m for m in _EVENT_BREAK.finditer(s.text)]
    if not cuts:
        return [(s.start, s.end, "")]
    head = _LIST_HEAD.match(s.text)
    bounds = [head.end() if head else 0] + [m.end() for m in cuts]
    ends = [m.start() for m in cuts] + [len(s.text)]
    parts = list(zip(bounds, ends, strict=True))
    reply = {m.end() for m in cuts if re.search(r"response|retaliation", m.group(0), re.I)}

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
        return [(s.start, s.end, "")]
    out: list[tuple[int, int, str]] = []
    for a, b in parts:
        if out and not eventful(a, b):
            pa, _, k = out[-1]
            out[-1] = (pa, s.start + b, k)  # a clause with no event of its own stays
        else:
            out.append((s.start + a, s.start + b, "event"))
    if head and out:
        out[0] = (s.start, out[0][1], out[0][2])
    return out


# "Israeli strikes killed four people in Khan Younis and two in Jabalia": a second count
# and place share the first one's verb (gapping); each place is an event of its own
_GAPPED = re.compile(
    r"\b(?P<verb>killed|killing|wounded|wounding|injured|injuring)\s+(?:[\w-]+\s+){1,3}?in\s+"
    r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?P<and>and)\s+(?P<n>\d+|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:more\s+|others?\s+)?(?:in|at)\s+"
    r"(?:the\s+)?[A-Z]")


def _ungap(text: str, a: int, b: int, kind: str) -> list[tuple[int, int, str]]:
    """A clause with a gapped second count split in two; the second part carries its verb."""
    m = _GAPPED.search(text, a, b)
    if m is None or kind == "tally":
        return [(a, b, kind)]
    return [(a, m.start("and"), kind or "event"), (m.start("n"), b, "gap:" + m.group("verb"))]


def build_frames(doc: Doc) -> None:
    """Component: one frame per trigger sentence (two where a toll clause follows)."""
    for s in doc.sentences:
        trigs = doc.triggers.get(s.index)
        if not trigs:
            continue
        clauses: list[tuple[int, int, str]] = []
        m = _TOLL_CLAUSE.search(s.text)
        r = _REL_TALLY.search(s.text)
        if m and m.start() > 10:
            clauses.append((s.start, s.start + m.start(), "event"))
            clauses.append((s.start + m.start(), s.end, "tally"))
        elif r and r.start() > 10 and _TALLY_CUE.search(s.text, r.end()) and \
                _HAS_NUMBER.search(s.text, r.end()):
            # "a departure from the campaign, where 14 boats have been hit since May": the
            # relative clause is an aggregate of its own, with its own status
            clauses.append((s.start, s.start + r.start(), ""))
            clauses.append((s.start + r.start(), s.end, "tally"))
        else:
            clauses += _split_events(s, trigs)
        if s.index == 0:
            # "KHARKIV, Ukraine, June 11 (Wire) —": where and when it was filed
            skip = geo.dateline_end(doc.text)
            clauses = [(max(a, skip), b, k) for a, b, k in clauses if b > skip]
        clauses = [part for c in clauses for part in _ungap(doc.text, *c)]
        sibling: Frame | None = None
        for a, b, forced in clauses:
            inside = [t for t in trigs if a <= t.start < b]
            if not inside and forced.startswith("gap:") and sibling is not None:
                t0 = sibling.trigger
                inside = [Trigger(a, a + 1, doc.text[a:a + 1], t0.event_type, t0.sub_event_type,
                                  t0.action, "strong", t0.generic)]
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
            specific = [t for t in inside if t.event_type and not t.generic]
            best = primary if primary.event_type else (specific[0] if specific else None)
            if best is not None:
                f.event_type, f.sub_event_type, f.action = (best.event_type,
                                                            best.sub_event_type, best.action)
                f.cite("event_type", best.start, best.end)
                if f.sub_event_type == "Attack" and _ARMED_TARGET.match(doc.text, best.end,
                                                                          b):
                    # "gunmen opened fire on a checkpoint": armed men on both sides
                    f.event_type, f.sub_event_type = BAT, "Armed clash"
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
            f.cite("kind", primary.start, primary.end)
            if forced:
                f.kind = "tally" if forced == "tally" else "event"
            if forced.startswith("gap:") and sibling is not None:
                f.gap_verb, f.gap_of = forced[4:], sibling
            sibling = f
            doc.frames.append(f)


_SAME_DAY = re.compile(r"\b(?:on |later )?(?:the same day|that same day|the same night|"
                       r"later that day)\b", re.IGNORECASE)


def read_frame_fields(doc: Doc) -> None:
    """Component: status, hedges, background, dates, counts, tally/incident, target."""
    last_dated: Frame | None = None  # the latest frame dated to a day, for "the same day"
    for f in doc.frames:
        s = f.sentence
        clause = doc.text[f.start:f.end]
        ts = f.trigger.start - s.start
        # a clause split off after the sentence's start ("..., where 14 boats have been
        # hit") is governed by its own words, not by the modal of the main clause
        base = f.start if f.start > s.start else s.start
        status, cue, cued = read_status(doc.text[base:s.end], f.trigger.start - base,
                                        f.trigger.end - base)
        f.status = status
        f.status_cued = cued
        f.cite("status", base + cue if cue is not None else f.trigger.start,
               f.trigger.end if cue is None else base + cue + 1)
        f.cite("status", f.trigger.start, f.trigger.end)
        if status == "hypothetical" and _CANNOT.search(s.text[:ts]):
            f.drop = True  # "the U.S. cannot deploy troops": a rule, not an event
        if status != "denied" and _NEGATED.search(s.text[max(0, ts - 25):ts]):
            f.drop = True  # "Congress had never authorized ...": says it did not happen
        if _HABITUAL.search(s.text[max(0, ts - 50):ts]):
            f.drop = True  # "smugglers, who have traditionally been arrested": a habit
        if status != "denied" and f.trigger.strength == "strong" and (
                _NO_NOUN.search(s.text[max(0, ts - 30):ts]) or
                _NO_SUBJECT.search(s.text[:ts])):
            f.drop = True  # "No strike has been reported", "No vessel has been attacked"
        for word, a, b in read_hedges(s.text):
            if word not in f.hedges:
                f.hedges.append(word)
            f.cite("hedges", s.start + a, s.start + b)
        f.background = is_background(clause, doc.published)
        pre = doc.text[max(s.start, f.trigger.start - 40):f.trigger.start]
        f.anaphoric = bool(_ANAPHOR.search(pre)) and not _INDEF.search(pre)
        # counts
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
        # tally or incident
        if f.kind == "event" and not (f.start != s.start or f.end != s.end):
            word = f.trigger.text.lower()
            plural = word.endswith("s") and not word.endswith(("ss", "ous")) and \
                word not in ("clashes",)
            strikes = counts.get("strikes")
            if strikes and (strikes[0] or 0) + (strikes[1] or 0) >= 2:
                f.kind = "tally"
            elif counts and (_aggregate_cue(clause, f.trigger.strength, plural) or
                             (plural and f.trigger.generic and not _CASUALTY_WORD.match(word))):
                f.kind = "tally"
        if f.kind == "tally":
            f.cite("kind", f.trigger.start, f.trigger.end)
        # dates
        future = f.status in ("planned", "threatened")
        dates = read_dates(clause, doc.published, f.start, future=future)
        if future:
            # "warned on Thursday that ...": when it was said lies in the past even for a
            # threat or plan
            past = {(d.start, d.end): d for d in read_dates(clause, doc.published, f.start)}
            dates = [past.get((d.start, d.end), d) if _SAID_ON.search(
                doc.text[max(s.start, d.start - 40):d.start]) else d for d in dates]
        if dates:
            t0 = f.trigger.start
            periods = [d for d in dates if d.is_period]
            # "the first strike since warships were sent in August": the since-clause's
            # date is another event's; "by Sunday the toll had risen": when a count stood
            points = [d for d in dates if not d.is_period and not _SINCE_CLAUSE.search(
                doc.text[max(f.trigger.end, d.start - 60):d.start]) and not _AS_OF.search(
                doc.text[max(s.start, d.start - 8):d.start])]
            if periods and f.kind == "event" and counts and f.start == s.start and \
                    f.end == s.end and f.trigger.strength == "weak":
                f.kind = "tally"  # "civilians killed between January 1 and June 30"
                f.cite("kind", periods[0].start, periods[0].end)
            if periods and f.kind == "tally":
                p = periods[0]
                f.period_low, f.period_high = p.low, p.high
                f.cite("period", p.start, p.end)
            elif f.kind == "tally" and doc.published is not None:
                # "Since the full-scale invasion in February 2022, it has verified ...":
                # a date inside a since-phrase opens the aggregate's period
                since = [d for d in dates if d.low and _SINCE_OPEN.search(
                    doc.text, f.start, d.start)]
                if since:
                    f.period_low, f.period_high = since[0].low, doc.published.isoformat()
                    f.cite("period", since[0].start, since[0].end)
            if points:
                told = [d for d in points if _SAID_ON.search(doc.text[max(s.start, d.start - 40):
                                                                        d.start]) or
                        _ON_SAID.match(doc.text, d.end, min(s.end, d.end + 20))]
                if len(told) < len(points):
                    points = [d for d in points if d not in told]  # the event's own date
                elif f.trigger.strength == "weak":
                    # "Two more died later, the governor said on Wednesday": when a toll
                    # was told is no date of the event it adds to
                    points = []
                if points:
                    d = min(points, key=lambda d: abs(d.start - t0))
                    f.date_low, f.date_high, f.time_precision = d.low, d.high, d.precision
                    f.cite("date", d.start, d.end)
        if f.kind == "tally" and "strikes" in f.prov and f.time_precision == 1 and \
                not f.period_low and _TARGET_COUNT.search(doc.text[slice(*f.prov["strikes"][0])]):
            # "destroyed four boats the previous day, killing 14": one operation on one day
            # is one incident, however many boats it hit
            f.kind = "event"
            f.counts.pop("strikes", None)
            f.prov.pop("strikes", None)
        same = _SAME_DAY.search(clause) if f.date_low is None else None
        if same is not None and last_dated is not None:
            # "Separately, a tanker was struck ... on the same day": the day of the event
            # told before it in the article
            f.date_low, f.date_high, f.time_precision = (last_dated.date_low,
                                                         last_dated.date_high, 1)
            f.cite("date", f.start + same.start(), f.start + same.end())
        if f.date_low is not None and f.time_precision == 1 and not f.background:
            last_dated = f
        g0 = f.gap_of
        if g0 is not None and (g0.date_low is None) != (f.date_low is None):
            # "... in Khan Younis and two in Jabalia on Thursday": the date is both parts'
            src, dst = (f, g0) if f.date_low else (g0, f)
            dst.date_low, dst.date_high, dst.time_precision = (src.date_low, src.date_high,
                                                               src.time_precision)
            dst.cite("date", *src.prov["date"][0])
        if f.kind == "event" and not f.background and doc.published is not None and \
                f.date_high is not None and f.status == "occurred" and \
                (doc.published - dt.date.fromisoformat(f.date_high)).days > BACKGROUND_DAYS:
            # "In July 2024, a strike on the same area killed 90" in January's news: an
            # event months before the article is recalled as context
            f.background = True
        if f.kind == "event" and counts and f.trigger.strength == "weak" and \
                f.trigger.generic and f.time_precision == 3 and f.start == s.start and \
                f.end == s.end:
            f.kind = "tally"  # "87 civilian deaths in October": a month's figure
            f.cite("kind", *f.prov["date"][0])
        if f.kind == "event" and counts and _SUBSET.match(s.text):
            # "Of those, 19 were killed in drone strikes": part of the total just told
            f.kind = "tally"
            f.cite("kind", s.start, s.start + _SUBSET.match(s.text).end())  # type: ignore[union-attr]
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
        # target kind and domain (nearest target word after, else before, the trigger)
        after = doc.text[f.trigger.end:min(f.end, f.trigger.end + 70)]
        before = doc.text[max(f.start, f.trigger.start - 50):f.trigger.start]
        order = [(after, f.trigger.end), (before, max(f.start, f.trigger.start - 50))]
        if _PASSIVE.search(before):
            order.reverse()  # "patrol boats had been struck near the port": the subject
        own = (f.trigger.text, f.trigger.start)  # "a boat was destroyed", "sank two skiffs"
        if WRECK_VERB.search(f.trigger.text):
            order.insert(0, own)
        else:
            order.append(own)
        for seg, base in order:
            tm = _TARGET_ONE.search(seg)
            if tm is not None:
                f.target_kind = tm.lastgroup
                f.cite("target_kind", base + tm.start(), base + tm.end())
                break
        if f.target_kind == "vessel" or _SEA.search(clause) and not _ON_LAND.search(clause):
            f.domain = "sea"
        elif _AIR.search(clause):
            f.domain = "air"
        elif f.target_kind in ("building", "facility", "vehicle") or _ON_LAND.search(clause):
            f.domain = "land"
        if f.domain:
            f.cite("domain", f.trigger.start, f.trigger.end)


def read_places(doc: Doc) -> None:
    """Component: a country-level place per frame (geo refines it per mention later)."""
    for f in doc.frames:
        place, where = country_place(doc.text, f.start, f.end, (f.trigger.start, f.trigger.end))
        if place is not None and where is not None:
            f.place = place
            f.cite("place", *where)


def _set_actor(f: Frame, role: str, hit: ActorHit) -> None:
    setattr(f, role, hit.actor)
    f.cite(role, hit.start, hit.end)


_OWNER_BEFORE = re.compile(
    r"(?:\b(?P<dem>" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")|"
    r"(?P<us>U\.S\.|US))(?:[\s-]+(?:-?led|backed|coalition|missile|drone|air|naval|"
    r"artillery|military|ballistic|cruise|[a-z]+-range))*\s+$")


def _owner_of_trigger(text: str, f: Frame) -> ActorHit | None:
    """"Israeli strikes", "a Russian missile strike": the demonym is the acting state."""
    m = _OWNER_BEFORE.search(text[max(f.start, f.trigger.start - 60):f.trigger.start])
    if not m:
        return None
    word = m.group("dem") or m.group("us")
    country = DEMONYMS.get(word) if m.group("dem") else "US"
    if country is None:
        return None
    base = max(f.start, f.trigger.start - 60)
    return ActorHit(base + m.start(), base + m.start() + len(word),
                    Actor(name=f"{word} forces", type="military", country=country))


def _geo_country(name: str) -> str | None:
    """The geo component's reading of a name's country ("Sinaloa Cartel" -> MX)."""
    try:
        return geo.country_for_name(name)
    except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the event
        return None


def read_actors(doc: Doc) -> None:
    """Component: actor1/actor2 from word order; a spaCy parse where order is ambiguous."""
    unsure: list[tuple[Frame, list[ActorHit]]] = []
    for f in doc.frames:
        clause = doc.text[f.start:f.end]
        hits = find_actors(clause, f.start)
        f.named = [(h.start, h.end) for h in hits if h.actor.type != "state"]
        a1, a2, sure = assign_roles(clause, f.start, f.trigger.start, f.trigger.end, hits)
        word = f.trigger.text.lower()
        if word == "blamed":
            # "The army blamed the Rapid Support Forces": the blamed did it
            blamed = [h for h in hits if h.start >= f.trigger.end and
                      h.actor.type not in ("civilians", "state")]
            a1 = next((h for h in blamed if h.actor.country), blamed[0] if blamed else None)
            a2, sure = None, True
        elif word.startswith("claimed "):
            # "The Houthis claimed the attack": the claimant is the agent
            claim = [h for h in hits if h.end <= f.trigger.start and h.actor.type != "civilians"]
            if claim:
                a1, a2, sure = claim[-1], None, True
        if a1 is None:
            a1 = _owner_of_trigger(doc.text, f)
            sure = sure or a1 is not None
        if a1 is not None and a1.actor.country is None and \
                a1.actor.name.lower() in ("administration", "the administration") and \
                "US" in doc.countries:
            # "The administration has authorized ...", in a story about the U.S.: the
            # executive the story is about
            a1 = ActorHit(a1.start, a1.end, Actor(name="U.S. administration",
                                                  type="government", country="US"))
        if a1:
            _set_actor(f, "actor1", a1)
        if a2:
            _set_actor(f, "actor2", a2)
        if a1 is None and f.gap_of is not None and f.gap_of.actor1 is not None:
            f.actor1 = f.gap_of.actor1  # the verb's subject is both parts' agent
            f.cite("actor1", *f.gap_of.prov["actor1"][0])
            sure = True
        if not sure and f.trigger.strength == "strong" and not f.drop:
            unsure.append((f, hits))
    if not unsure:
        return
    sents: dict[int, Sentence] = {f.sentence.index: f.sentence for f, _ in unsure}
    order = sorted(sents)
    docs = nlp.parse([sents[i].text for i in order])
    if not docs:
        return
    doc.bump("parsed_sentences", len(docs))
    for i, sdoc in zip(order, docs, strict=True):
        sents[i].parsed = sdoc
    for f, hits in unsure:
        s = f.sentence
        sdoc = s.parsed
        if sdoc is None:
            continue
        agent, patient = nlp.agent_patient(sdoc, f.trigger.start - s.start,
                                           f.trigger.end - s.start)
        for role, span in (("actor1", agent), ("actor2", patient)):
            if span is None:
                continue
            a, b = s.start + span[0], s.start + span[1]
            if a <= f.trigger.start < b:
                b = f.trigger.start  # the subject is the event itself: only its modifiers
            inside = [h for h in hits if a <= h.start and h.end <= b]
            if inside:
                _set_actor(f, role, inside[0])
                continue
            for ea, eb, label in nlp.entities(sdoc):
                if label == "GPE" and PLACE_BEFORE.search(s.text, max(0, ea - 30), ea):
                    continue  # "97 nautical miles northwest of Hodeidah": where, not who
                if label in ("ORG", "PERSON", "NORP", "GPE") and a <= s.start + ea < b:
                    name = s.text[ea:eb]
                    country = demonym_country(name) or country_names().get(name) or \
                        _geo_country(name)
                    act = Actor(name=name, type="unknown" if label != "PERSON" else "person",
                                country=country)
                    _set_actor(f, role, ActorHit(s.start + ea, s.start + eb, act))
                    break


def read_sources(doc: Doc) -> None:
    """Component: attribution and direct quotes of each frame's sentence."""
    for f in doc.frames:
        for att, a, b in read_attribution(doc.text[f.start:f.end], f.start):
            att.span = doc.span(a, b)
            f.attribution.append(att)
            f.cite("attribution", a, b)
        for speaker, q, a, b in read_quotes(doc.text, f.sentence.start, f.sentence.end):
            f.quotes.append(Quote(speaker=speaker, text=q, span=doc.span(a, b)))

"""Plural acts told as what filled a span of days (issue 14: generic and plural mentions).

"A 48-hour truce had been agreed on Wednesday after several days of clashes on the
border", "pactaron una tregua después de varios días de enfrentamientos": acts counted by
the days they filled are a run, no one incident, and the day the sentence gives belongs to
the truce. English already reads weeks, months and years of acts as a campaign
(`status._SPAN_OF`) but keeps "three days of heavy fighting" (one battle may last days):
here only a plural act noun ("clashes", "strikes", "ataques") over days is a run, and only
where its clause tells no toll of that run ("three days of strikes that killed 40" is a
tally of its own). Spanish had no reading of such spans: it takes weeks, months and years
too.

Acts told across an opening period that runs from one time to another and names months,
years or a war ("From the outbreak of the war in October 2023 until the truce of Oct. 10,
the rebels fired hundreds of missiles", "Entre enero y marzo, los drones atacaron …") are
that period's campaign, whatever their figures count, unless the clause tells a toll or a
weekday.
"""

from __future__ import annotations

import re

from strikewatch.extract.context import Frame

#: the span right before the event word: "days of", "días de", "semanas de" (not "the days
#: of the war", "los días del ataque": a time named by its act)
_SPAN_BEFORE = re.compile(
    r"\b(?:days\s+of|(?:días|semanas|meses|años)\s+de)\s+"
    r"(?!(?:the|this|that|these|those|its|their|his|her|an?|el|la|los|las|este|esta|"
    r"estos|estas|su|sus)\b)(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
#: a toll told of the run in its clause
_TOLL_AFTER = re.compile(r"\b(?:kill\w*|dead|died|deaths|wounded|injured|muert\w*|"
                         r"fallec\w*|herid\w*|víctimas)\b", re.IGNORECASE)


def _plural_act(f: Frame) -> bool:
    head = f.trigger.text.split()[-1].lower()
    return head.endswith("s") and not head.endswith("ss")


def acts_filling_days(f: Frame) -> bool:
    """Whether the frame's event word is a plural act told as filling a span of days, with
    no toll of its own after it in the clause (module doc)."""
    if not _plural_act(f):
        return False
    s = f.sentence
    ts, te = f.trigger.start - s.start, f.trigger.end - s.start
    if _SPAN_BEFORE.search(s.text, max(0, ts - 40), ts) is None:
        return False
    return _TOLL_AFTER.search(s.text, te, f.end - s.start) is None


#: an opening period from one time to another: "From … until …,", "Between … and …,",
#: "Desde … hasta …,", "Entre … y …,"
_PERIOD_OPENING = re.compile(
    r"\W*(?:from|between|desde|entre)\b[^,;]{0,120}?\b(?:until|till|through|to|and|hasta|y)\b"
    r"[^,;]{0,80}?,", re.IGNORECASE)
#: what makes it a period of months: a year, a month, a war or its start
_PERIOD_WORDS = re.compile(
    r"\b(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|"
    r"November|December|war|conflict|outbreak|start|beginning|enero|febrero|marzo|abril|mayo|"
    r"junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|guerra|conflicto|"
    r"inicio|comienzo|estallido)\b", re.IGNORECASE)
#: a Spanish toll told by "matar" ("mataron a 40")
_KILLED_ES = re.compile(r"\bmat(?:ó|aron|ado|ando|ar)\b", re.IGNORECASE)
#: a weekday picks out one act of the period
_WEEKDAY = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|lunes|martes|"
                      r"miércoles|jueves|viernes|sábado|domingo|ayer)\b", re.IGNORECASE)


def acts_filling_period(f: Frame) -> bool:
    """Whether the frame's event word follows an opening period of months ("From … until
    …,") and its clause tells no toll or weekday (module doc)."""
    s = f.sentence
    ts = f.trigger.start - s.start
    period = _PERIOD_OPENING.match(s.text)
    if period is None or period.end() > ts or \
            not _PERIOD_WORDS.search(s.text, 0, period.end()):
        return False
    clause = s.text[period.end():f.end - s.start]
    return _TOLL_AFTER.search(clause) is None and _KILLED_ES.search(clause) is None and \
        _WEEKDAY.search(clause) is None

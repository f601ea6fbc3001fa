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

"""Component `status`: occurred, planned, threatened, denied or hypothetical, per frame.

Also the frame's hedges ("reportedly"), whether it is told as background ("decades
ago"), and whether it is no event at all (`drop`: negated — "no strike has been
reported" —, habitual, or a rule — "the U.S. cannot deploy troops").
"""

from __future__ import annotations

import re

from strikewatch.extract.context import Doc, Frame
from strikewatch.extract.pipeline import component
from strikewatch.extract.status import is_background, read_hedges, read_status

_NEGATED = re.compile(r"\b(?:never|not|n't|no longer)\s+(?:\w+ly\s+)?(?:been\s+)?$",
                      re.IGNORECASE)
# "no strike", "no such attack", "no US raid": the event word is negated
_NO_NOUN = re.compile(r"\b(?:no|not a|not one|not a single)\s+(?:(?:such|other|further|"
                      r"(?-i:[A-Z][\w.]*)|[\w-]+(?:ian|ese|ish))\s+){0,2}$", re.IGNORECASE)
# "No vessel of the navy has been attacked": a negated subject of the event verb
_NO_SUBJECT = re.compile(r"^\W*(?:no|none of (?:the|its|their))\s+[^,;]{0,60}?\b(?:has|have|had|"
                         r"was|were|is|are)\s+(?:ever\s+)?(?:been\s+)?$", re.IGNORECASE)
_HABITUAL = re.compile(r"\b(?:traditionally|usually|typically|routinely|normally|generally|"
                       r"customarily|often)\b[^.;,]{0,40}$", re.IGNORECASE)
_CANNOT = re.compile(r"\b(?:cannot|can't|could not|may not)\b", re.IGNORECASE)


def _is_no_event(f: Frame, status: str) -> bool:
    """Negated, habitual or a rule: the sentence says the event did not (or does not) happen."""
    s = f.sentence
    ts = f.trigger.start - s.start
    if status == "hypothetical" and _CANNOT.search(s.text[:ts]):
        return True  # "the U.S. cannot deploy troops": a rule, not an event
    if status != "denied" and _NEGATED.search(s.text[max(0, ts - 25):ts]):
        return True  # "Congress had never authorized ...": says it did not happen
    if _HABITUAL.search(s.text[max(0, ts - 50):ts]):
        return True  # "smugglers, who have traditionally been arrested": a habit
    return status != "denied" and f.trigger.strength == "strong" and bool(
        _NO_NOUN.search(s.text[max(0, ts - 30):ts]) or _NO_SUBJECT.search(s.text[:ts]))
    # ("No strike has been reported", "No vessel has been attacked")


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
        clause = doc.text[base:s.end]
        status, cue, cued = read_status(clause, f.trigger.start - base,
                                        f.trigger.end - base)
        f.status = status
        f.status_cued = cued
        if cue is not None:  # the cue words ("warned that ... would"), not the ", " before
            a, b = cue
            while a < b and not clause[a].isalnum():
                a += 1
            f.cite("status", base + a, base + b)
        f.cite("status", f.trigger.start, f.trigger.end)
        if _is_no_event(f, status):
            f.drop = True
        for word, a, b in read_hedges(s.text):
            if word not in f.hedges:
                f.hedges.append(word)
            f.cite("hedges", s.start + a, s.start + b)
        f.background = is_background(doc.text[f.start:f.end], doc.published)

"""Component `targets`: what was hit (`target_kind`) and where it was fought (`domain`).

The target word nearest the event word (after it, else before it; the subject of a passive
first — "patrol boats had been struck"); the event word itself for "sank two skiffs".
Domain: sea for a vessel or a sea word (not a launch platform, "fired from a warship", nor a
reason told after the act, "to stop attacks on shipping"), air for "shot down", land for
buildings, vehicles, facilities or "on land".
"""

from __future__ import annotations

import re

from strikewatch.caseless import caseless
from strikewatch.extract.anchored import anchored
from strikewatch.extract.context import Doc, Frame
from strikewatch.extract.pipeline import component
from strikewatch.extract.triggers import WRECK_VERB

TARGETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("vessel", re.compile(r"\b(?:boats?|vessels?|ships?|speedboats?|semi-submersibles?|"
                          r"narco-?subs?|(?:semi-)?submersibles?|submarines?|tankers?|"
                          r"skiffs?|go-fast|fishing boats?|dhows?|yachts?|"
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
_TARGET_ONE = anchored(re.compile("|".join(f"(?P<{k}>{rx.pattern})" for k, rx in TARGETS), re.I))
_PASSIVE = re.compile(r"\b(?:been|was|were|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_SEA = caseless(re.compile(r"\b(?:at sea|seas?|ocean|waters|Caribbean|Pacific|Atlantic|Gulf of|"
                  r"Mediterranean|Red Sea|maritime|offshore|off the coast)\b(?!\s+(?:city|town|"
                  r"port|state|province|coast(?:line)?|resort|region|village))", re.I))
# "the first strike ... since warships were sent to the region": a clause of its own after
# the event word (a conjunction, a subject, a verb) tells of other things; its nouns are not
# what was hit
_OWN_CLAUSE = re.compile(r"\b(?:since|when|while|because|until|although|whereas)\s+"
                         r"(?:[\w'’-]+\s+){1,3}?(?:was|were|is|are|had|has|have)\b", re.I)
# "missiles that a Navy ship fired from the Gulf of Guinea", "being fired from a naval
# vessel": where the shot came from, not what was hit nor where the hit was
_LAUNCHED_FROM = re.compile(r"\b(?:fired|launched|shot|flown|lobbed)\s+from\s+(?:(?:a|an|the)\s+)?"
                            r"(?:[\w.'’-]+\s+){0,3}?(?:(?:war)?ships?|vessels?|destroyers?|"
                            r"frigates?|submarines?|(?:aircraft\s+)?carriers?|sea|waters|"
                            r"(?:[A-Z][\w-]*\s+){0,2}(?:Sea|Ocean|Gulf(?:\s+of(?:\s+[A-Z][\w-]*)+)?))"
                            r"(?:\s+(?:in|on|off)\s+the\s+(?:[A-Z][\w-]*\s+){0,3}"
                            r"(?:Sea|Ocean|Gulf(?:\s+of(?:\s+[A-Z][\w-]*)+)?))?\b")


# "launched its campaign against the Houthis to make them stop threatening ships", "aimed at
# the rebels over their attacks on shipping": the why of the act names other acts' targets
# and seas; "Hodeida, Yemen's port on the Red Sea": a town described by its coast
_WHY = re.compile(r"(?:\b(?:in order to|so as to|to (?:make|stop|deter|protect|prevent|end|halt|"
                  r"punish|force|curb|counter|respond to)|aimed at|intended to|meant to|"
                  r"in (?:response|retaliation|reply) (?:to|for)|"
                  r"over (?:their|its|the\s+\w+['’]s?) (?:attacks?|threats?|strikes?))\b|"
                  r"\b(?:port|city|town|coast) on the\b)", re.I)


def _act_words(clause: str, trig_at: int) -> str:
    """The clause up to a reason or purpose told after the event word."""
    m = _WHY.search(clause, trig_at)
    return clause if m is None else clause[:m.start()]


def _without_launch(seg: str) -> str:
    """The words with any launch platform blanked (offsets kept)."""
    if "from" not in seg:
        return seg
    return _LAUNCHED_FROM.sub(lambda m: " " * len(m.group()), seg)


_AIR = anchored(re.compile(r"\b(?:shot down|downed|intercepted)\b", re.I))
_ON_LAND = anchored(re.compile(r"\bon land\b", re.I))


def _target(doc: Doc, f: Frame) -> None:
    clause = _without_launch(doc.text[f.start:f.end])  # offsets kept: slices as of the text
    after = clause[f.trigger.end - f.start:min(f.end, f.trigger.end + 70) - f.start]
    own = _OWN_CLAUSE.search(after)
    if own is not None:
        after = after[:own.start()]
    after = _act_words(after, 0)
    before = clause[max(0, f.trigger.start - 50 - f.start):f.trigger.start - f.start]
    order = [(after, f.trigger.end), (before, max(f.start, f.trigger.start - 50))]
    if _PASSIVE.search(before):
        order.reverse()  # "patrol boats had been struck near the port": the subject
    word = (f.trigger.text, f.trigger.start)  # "a boat was destroyed", "sank two skiffs"
    if WRECK_VERB.search(f.trigger.text):
        order.insert(0, word)
    else:
        order.append(word)
    for seg, base in order:
        tm = _TARGET_ONE.search(seg)
        if tm is not None:
            f.target_kind = tm.lastgroup  # type: ignore[assignment]  # a TARGETS key
            f.cite("target_kind", base + tm.start(), base + tm.end())
            break


def _domain(doc: Doc, f: Frame) -> None:
    clause = _act_words(_without_launch(doc.text[f.start:f.end]), f.trigger.end - f.start)
    if f.target_kind == "vessel" or _SEA.search(clause) and not _ON_LAND.search(clause):
        f.domain = "sea"
    elif _AIR.search(clause):
        f.domain = "air"
    elif f.target_kind in ("building", "facility", "vehicle") or _ON_LAND.search(clause):
        f.domain = "land"
    if f.domain:
        f.cite("domain", f.trigger.start, f.trigger.end)


@component("targets", requires=("doc.frames",),
           assigns=("frame.target_kind", "frame.domain"))
def read_frame_targets(doc: Doc) -> None:
    """Target kind and domain of every frame."""
    for f in doc.frames:
        _target(doc, f)
        _domain(doc, f)

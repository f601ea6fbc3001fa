"""Recalled acts with no day of their own (English and Spanish), for the assembly steps.

Session 17's ruling (tests/gold/README.md): an earlier strike an article only recalls is
background unless the article tells its day. A recall is told by a coarser time than a
day ("in January 2023", "last year", "two years ago", "in the summer of 2019", "En marzo",
"el año pasado", "hace dos años") or as like the news ("a similar strike", "un ataque
parecido"). Beside another act the article reports, such an act is context, not news; the
article's only act, or one its headline tells, stays an incident.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.date_forms import MONTHS as EN_MONTH_NUMBERS
from strikewatch.extract.es.dates import MONTHS as ES_MONTH_NUMBERS

_EN_MONTHS = [m for m in calendar.month_name if m]
_ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre"]
#: a month's number by its name, English or Spanish (the dates readers' own tables)
_MONTH_NUMBER = {**EN_MONTH_NUMBERS, **ES_MONTH_NUMBERS}
_NUM = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|un|una|dos|tres|"
        r"cuatro|cinco|seis|siete|ocho|nueve|diez)")

# a time coarser than a day: "last year", "two years ago", "in 2019", "last summer", "in
# the spring of 2019", "earlier this year"; Spanish "el año pasado", "hace dos años", "en
# 2019", "el verano pasado", "a principios de año" (not "since 2019", "desde 2019": a period)
_COARSE = re.compile(
    rf"\b(?:last\s+(?:year|spring|summer|autumn|fall|winter)|"
    rf"{_NUM}\s+(?:years?|months?)\s+(?:ago|earlier|before)|"
    r"earlier\s+this\s+year|"
    r"(?<!since\s)(?<!from\s)(?<!until\s)\bin\s+(?:(?:the\s+)?(?:spring|summer|autumn|fall|"
    r"winter)(?:\s+of)?\s+)?(?:19|20)\d\d\b|"
    r"in\s+the\s+(?:spring|summer|autumn|fall|winter)\b|"
    r"el\s+año\s+pasado|el\s+pasado\s+año|"
    rf"hace\s+(?:más\s+de\s+)?{_NUM}\s+(?:años?|meses)|"
    r"(?<!desde\s)(?<!hasta\s)\ben\s+(?:(?:la\s+)?(?:primavera|verano|otoño|invierno)\s+de\s+)?"
    r"(?:19|20)\d\d\b|"
    r"(?:el|la|en\s+el|en\s+la)\s+(?:primavera|verano|otoño|invierno)\s+pasad[oa]|"
    r"a\s+(?:principios|comienzos|finales|mediados)\s+de(?:l)?\s+año)",
    re.IGNORECASE)
# a month with no day number next to it: "in January 2023", "last March", "En marzo",
# "el pasado mes de marzo", "en marzo de 2024" (not "on March 3", "el 3 de marzo")
_MONTH = re.compile(
    r"(?<!\d\s)(?<!\d\sde\s)\b(?P<m>" + "|".join(_EN_MONTHS + _ES_MONTHS) + r")\b"
    r"(?!\s+\d{1,2}\b)(?:,?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d))?",
    re.IGNORECASE)
# told as like the news, right at the event word: "a similar strike", "an earlier drone
# attack", "a previous raid"; Spanish after it: "un ataque parecido", "el bombardeo anterior"
_LIKE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:similar|earlier|previous)\s+(?:[\w-]+\s+)?$",
                          re.IGNORECASE)
_LIKE_AFTER = re.compile(r"\s+(?:muy\s+)?(?:parecid[oa]|similar|anterior|previ[oa])\b",
                         re.IGNORECASE)
# a day of its own in words, which a recall lacks: a weekday, "yesterday", "ayer", "overnight"
_DAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"overnight|last\s+night|this\s+(?:morning|week)|lunes|martes|miércoles|jueves|viernes|"
    r"sábado|domingo|ayer|anoche|hoy|madrugada|esta\s+semana)\b", re.IGNORECASE)
# a period opened at the month: "since late February", "from April", "desde marzo"
_PERIOD_START = re.compile(r"\b(?:since|from|until|desde|hasta)\s+(?:(?:early|late|mid-?|"
                           r"principios\s+de|finales\s+de)\s*)?$", re.IGNORECASE)
# how far past the event word a cue may stand ("a strike in 2019 killed", "un bombardeo
# en marzo de 2024")
_AFTER = 40


def _cue(doc: Doc, f: Frame) -> bool:
    """Whether the frame's sentence, up to its event word and just past it, tells the act
    by a time coarser than a day or as like another, and names no day of its own."""
    s = f.sentence
    end = min(s.start + len(s.text), f.trigger.end + _AFTER)
    span = doc.text[s.start:end]
    if _DAY_WORDS.search(span):
        return False
    if _COARSE.search(span) or _LIKE_BEFORE.search(doc.text, s.start, f.trigger.start) or \
            _LIKE_AFTER.match(doc.text, f.trigger.end):
        return True
    for m in _MONTH.finditer(span):
        if m.group("m").lower() == "may" and m.group("y") is None:
            continue  # the verb
        if _PERIOD_START.search(span, 0, m.start()):
            continue  # "since April", "desde marzo": a period's start, not an act's time
        month = _MONTH_NUMBER[m.group("m").lower()]
        p = doc.published
        year = int(m.group("y")) if m.group("y") else None
        if p is not None and month == p.month and year in (None, p.year):
            continue  # the page's own month: maybe its news
        return True
    return False


def _no_day(f: Frame) -> bool:
    """No calendar day of its own: undated, a month or coarser, or only the day it was told."""
    return f.date_low is None or f.date_told or f.time_precision not in (1, 2)


def recalled_without_day(doc: Doc, groups: list[Group],
                         violent_occurred: Callable[[Group], bool]) -> None:
    """Make background each act first told as a recall (`_cue`) that no telling gives a
    day of its own or tells in the headline (the page's first sentence), where the article
    tells another occurred act before it (news, or history another rule made background:
    an editorial's other recalls). (Its later tellings may be the news's, joined to it by
    mistake: the news keeps its own group.)"""
    acts = [g for g in groups if violent_occurred(g) and g.head.kind == "event"]
    head = doc.sentences[0].start if doc.sentences else -1
    recalls = [g for g in acts
               if _cue(doc, g.head) and
               all(_no_day(f) and f.sentence.start != head for f in g.frames)]
    # the other act may be background already (an editorial's other recalled strikes):
    # the recall is still not the page's one act
    others = [g for g in groups if g not in recalls and g.head.kind == "event" and
              g.head.status == "occurred" and (g.head.background or violent_occurred(g))]
    for g in recalls:
        # the page's first act is its news (an inquiry's lede: "civilians were killed by
        # a strike in March"), however it is told
        first = min(f.start for f in g.frames)
        if any(min(f.start for f in o.frames) < first for o in others):
            for f in g.frames:
                f.background = True

"""Component `dates`: when each frame's event happened, relative to publication.

The date nearest the event word, skipping dates of the telling ("officials said on
Monday"), of another event ("since warships were sent in August") and of when a count
stood ("by Sunday"); a "the same day" takes the day of the event told before; the two parts
of a gapped clause share their date. A threat or plan is read forward in time, but when it
was said stays in the past. Periods ("between January 1 and June 30") and a date opening a
"since ..." phrase are kept on the frame (`period_read`, `since_read`) for the `kind`
component, which decides whether the frame is an aggregate covering them.
"""

from __future__ import annotations

import datetime as dt
import re

from strikewatch.caseless import AnyMatch, caseless
from strikewatch.extract.anchored import anchored
from strikewatch.extract.components.clauses import fronted_act
from strikewatch.extract.context import DateRead, Doc, Frame, Sentence
from strikewatch.extract.coref import TOLD_BETWEEN as _TOLD_BETWEEN
from strikewatch.extract.counts import ORDINAL_VALUES, WORD_VALUES, ranks_up_to
from strikewatch.extract.date_forms import SMALL_HOURS, month_day
from strikewatch.extract.dates import dateline, post_days, read_dates, statement_days
from strikewatch.extract.pipeline import component

# "officials said on Monday", "a statement issued on Monday", "a claim rejected by the White
# House on Thursday": when it was said, not done
_SAID_ON = anchored(re.compile(r"\b(?:said|say|says|told|announced|reported|stated|confirmed|added|"
                               r"speaking|writing|"
                               r"warned|threatened|vowed|pledged|"
                               r"issued|released|published|posted|denied|revised|updated|"
                               r"put (?:it |them )?online|made public|shared|uploaded|"
                               r"disclos(?:ed|ing)|"
                               r"announcing|rejected|dismissed)\s+"
                               # "was rejected by the White House on Thursday"
                               r"(?:by\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){1,4}?(?=(?:late|early|"
                               r"on|in|at)\s))?"
                               # "told AFP on Monday", "told reporters late on Tuesday"
                               r"(?:(?:(?!(?:the|an?|this|that|its|his|her|their)\s)[A-Z][\w.&-]*|"
                               r"reporters|journalists|the press|the media)\s+)?"
                               r"(?:(?:in|on|to|via) (?:an? |the |his |her |its )?"
                               r"[\w-]+(?: [\w-]+)?\s+)?"
                               r"(?:(?:late|early|earlier|later)\s+)?(?:on\s+|in\s+|at\s+)?"
                               # "said in a speech on the evening of March 16"
                               r"(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$",
                               re.IGNORECASE))
# "Pakistan's military on Sunday denied ...": the day it was said, before the verb
_ON_SAID = re.compile(r",?\s+(?:said|says|told|announced|reported|stated|confirmed|added|"
                      r"warned|threatened|vowed|denied|claimed|accused|blamed|rejected)\b",
                      re.IGNORECASE)
# "On Wednesday Defense Secretary Pete Hegseth said two ... died", "On Sunday, the military
# confirmed that ...": a date opening the clause, then who told it and a say verb, all
# before the event word: the day it was told
_THEN_SAID = re.compile(r"(?:\s*\([^()]{1,20}\))?(?:\s+(?:night|morning|evening))?"
                        r"(?:\s*\([^()]{1,20}\))?"
                        r",?\s+(?:[\w'’.@&-]+\s+){1,7}?(?:had\s+|has\s+)?"
                        r"(?:said|says|told|announced|reported|stated|confirmed|disclosed|"
                        r"revealed|claimed|posted|tweeted|wrote|put out|issued|released|"
                        r"published)\b", re.IGNORECASE)
# "Washington, Dec 30 A CIA drone ...": a dateline's day is the page's, not the event's
_DATELINE = re.compile(r"(?:^|\n)[A-Z][\w .'’-]{1,30}(?:\s*[\[(]\w+[\])])?,?\s*$")
# ... and a date that is the dateline's own: a line opening with the place and a comma
# ("TEHRAN, Feb. 17 (MNA) – Eleven people ...", "Washington, Dec 30 A CIA drone ...",
# "New York [US], October The U.S. military ..."), after it an agency credit, a dash or
# the lede's first word; wherever the line stands (a headline or a section name may come
# first)
_DATELINE_HEAD = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w .'’-]{1,30}"
                            # the city's country or state after it: "Mogadishu, Somalia,"
                            r"(?:,\s*[A-Z][\w .'’-]{1,24})?"
                            r"(?:\s*[\[(][\w .]{1,20}[\])])?,\s*$")
_DATELINE_TAIL = re.compile(r"(?:\s*[\[(][\w .&/-]{1,24}[\])])?(?:\s*[—–:-]|\s+(?=[A-Z]))")


# "(“Watchdog finds no misconduct in air strike,” Associated Press, Nov. 3.)": the date
# a cited story ran, not the event's
_CITED_HEAD = re.compile(r"\(\s*[“\"][^“”\"()]{5,200}[”\"],?\s*(?:[A-Z][\w.&'’-]*\s*){1,5},\s*$")
_CITED_TAIL = re.compile(r"(?:,\s*\d{4})?\.?\s*\)")


def _cited_date(text: str, d: DateRead) -> bool:
    """Whether `d` is the date of a story cited in parentheses (title, outlet, date)."""
    return _CITED_TAIL.match(text, d.end) is not None and \
        _CITED_HEAD.search(text, max(0, d.start - 260), d.start) is not None


def _dateline_date(text: str, d: DateRead) -> bool:
    """Whether `d` is the date of a dateline: when the story was filed, not the event."""
    line = dateline(text)  # the page's wire dateline, "Dec 23 (Reuters) -" with no place too
    if line is not None and line.start <= d.start < line.end:
        return True
    return _DATELINE_HEAD.search(text, max(0, d.start - 45), d.start) is not None and \
        _DATELINE_TAIL.match(text, d.end) is not None
# words that put a date in another clause than the event word's: a telling, a dash
_APART = anchored(re.compile(r"[;—–]|\b(?:said|says|told|disclos\w+|announc\w+|reported|"
                             r"confirmed)\b"))
_POSTED = re.compile(r"\b(?:(?:in|on) (?:a|an|his|her|its|their) (?:[\w-]+ )?(?:post|posts|"
                     r"video|interview|statement on [\w/]+)|posted|tweeted|put (?:it |them )?"
                     r"online|told (?:[A-Z][\w.&-]*|reporters|journalists))\b[^.;]{0,25}$")
# "in a statement on Sunday", "at a news conference late on Monday" (the day comes after
# the statement's noun) and "a Monday statement", "in a Tuesday post on X", "Sunday's
# briefing" (it comes before): the day a statement came out, not when the event happened
_STATEMENT = r"(?:statement|briefing|(?:news|press) (?:conference|release)|interview|" \
             r"post|announcement|remarks|communiqu[eé])"
_STATEMENT_ON = re.compile(rf"\b{_STATEMENT}\s+(?:(?:issued|released|published|posted|given)"
                           r"\s+)?(?:(?:late|early)\s+)?on\s+$", re.IGNORECASE)
# ... the same, with the verb that put it out: "a statement issued on Wednesday said the
# strike hit ...", "a communique released late on Monday": when it was published
_ISSUED_ON = re.compile(rf"\b{_STATEMENT}\s+(?:issued|released|published|posted)\s+"
                        r"(?:(?:late|early)\s+)?(?:on\s+)?$", re.IGNORECASE)
_DAYS_STATEMENT = re.compile(rf"(?:['’]s)?\s+{_STATEMENT}\b", re.IGNORECASE)
# (a period of an initial or abbreviation, "since a U.S.-brokered truce in November", does
# not end the since-clause)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?!(?:early|late|mid|the start)\b)(?:[^,;.]|\b[A-Z]\.)*$",
                           re.IGNORECASE)
_SINCE_OPEN = re.compile(r"\bsince\b[^,;.]{0,60}$", re.IGNORECASE)
_AS_OF = re.compile(r"\b(?:by|as of|until|till)\s+$", re.IGNORECASE)
# the act the event answered, told after its event word with no comma between ("hit 70
# targets in answer to the December 13 attack", "struck the base in retaliation for
# Sunday's drone attack", "as payback for the Jan. 28 raid"): its date is that act's
_ANSWERING_CLAUSE = re.compile(
    r"\b(?:response|reply|retaliation|reprisal|revenge|retribution|answer|payback)\s+"
    r"(?:to|for)\b(?:[^,;.]|\b[A-Z][a-z]{0,3}\.)*$", re.IGNORECASE)
# the day a run of acts began: "The strikes, which began on Sept. 2, have killed 83" (the
# start of what a plural event word counts, not the day of one act)
_BEGAN_ON = re.compile(r"\b(?:began|begun|started|kicked\s+off|(?:was|were)\s+launched)\s+"
                       r"(?:on|in)\s+$", re.IGNORECASE)
# "the same day", "that same night", "later that evening", "on that day": the day of the
# act told before (a part of the day names no other day)
_SAME_DAY = anchored(re.compile(r"\b(?:on |later )?(?:the same|that same|that) (?:day|night|"
                                r"morning|afternoon|evening)\b", re.IGNORECASE))

# "... left 52 dead after they had attacked a base earlier the same day": a subordinate
# clause after the event word, opened by "after"/"before"/"when", whose act "earlier (later)
# the same day" orders against the event's own day, not against the act told before
_SUBORDINATE = re.compile(r"\b(?:after|before|when|once|as soon as)\b", re.IGNORECASE)
_ORDERED = re.compile(r"\b(?:earlier|later)\s+$", re.IGNORECASE)


def _dates_a_subordinate(doc: Doc, f: Frame, at: int) -> bool:
    """Whether "earlier the same day" at `at` lies in a subordinate clause after f's event
    word (`_SUBORDINATE`): it orders that clause's act against f's own, and gives f no
    day ("the same night" alone there still ties f to the act told before)."""
    ordered = doc.text[at:at + 6].lower() == "later " or \
        _ORDERED.search(doc.text, max(f.trigger.end, at - 12), at) is not None
    return ordered and at > f.trigger.end and \
        _SUBORDINATE.search(doc.text, f.trigger.end, at) is not None


# "Shortly before, another drone hit a car", "Hours later, jets struck ...", "Two days
# before that, ...", "A day later ...": an act dated from the act just told, the words
# opening its sentence (not "Three days after the strike, the general defended it": a
# time counted from an act it names, told about something else), or "came two days after
# militants killed ...": the act the sentence's event came after. The number of days back
# (-) or on (+), 0 for the same day
_FROM_LAST = re.compile(
    r"\W*(?:(?P<same>shortly|soon|moments?|minutes?|(?:only |just )?(?:an |a few )?hours?)"
    r"\s*(?:(?:before|after)(?:\s+that)?\s*,|(?:earlier|later|afterwards)\b\s*,?)"
    r"|(?P<n>an?|one|two|three|four|five|six|\d)\s+days?\s+(?:(?P<dir>before|after)"
    r"(?:\s+that)?\s*,|(?P<dir2>earlier|later)\b\s*,?)"
    r"|the (?:day|night) (?P<dir1>before|after)\s*,)\s*", re.IGNORECASE)
_CAME_AFTER = re.compile(
    r"(?:\b(?:came|comes|coming|followed|follows)\s+|,\s*(?:just\s+|only\s+)?)"
    r"(?P<n>an?|one|two|three|four|five|six|\d)\s+days?\s+after\b", re.IGNORECASE)


# the day before told right after the act's word: "raids the day before", "air strikes
# the previous night", "attacks a day earlier"
_AFTER_ACT_DAY_BEFORE = re.compile(
    r"\s*(?:the (?:day|night) before|the previous (?:day|night)|a day earlier)\b", re.IGNORECASE)


def _days_from_last(doc: Doc, f: Frame, last: Frame) -> tuple[int, tuple[int, int]] | None:
    """(days from `last`'s day, the words that say so) where f's act is dated from the
    act told just before it: the opening of its sentence ("Shortly before, ...", "Two
    days later, ...") or, for an act the sentence's event came after, "came two days
    after". None where neither."""
    s = f.sentence
    if last.sentence is not s and f.antecedent and \
            _FROM_LAST.match(doc.text, s.start, f.trigger.start) is None:
        # "They came after US raids the day before on ...": the act the news (told in the
        # sentence before) came after, dated from the news's day by the words right after
        # the act's word
        mb = _AFTER_ACT_DAY_BEFORE.match(doc.text, f.trigger.end, s.end)
        return (-1, _words(doc.text, mb.start(), mb.end())) if mb is not None else None
    if last.sentence is not s:
        m = _FROM_LAST.match(doc.text, s.start, f.trigger.start)
        if m is None or m.end() > f.trigger.start or \
                _TOLD_BETWEEN.search(doc.text, m.end(), f.trigger.start):
            return None  # "The day before, a spokesman had given three as the dead"
        if m.group("same") is not None:
            return 0, _words(doc.text, m.start(), m.end())
        n_word, way = (m.group("n"), m.group("dir") or m.group("dir2")) if m.group("n") \
            else ("a", m.group("dir1"))
    else:
        if not f.antecedent:
            return None
        m = _CAME_AFTER.search(doc.text, s.start, f.trigger.start)
        if m is None:
            return None
        n_word, way = m.group("n"), "before"
    n = int(n_word) if n_word.isdigit() else WORD_VALUES.get(n_word.lower(), 1)
    sign = -1 if way.lower() in ("before", "earlier") else 1
    return sign * n, _words(doc.text, m.start(), m.end())


def _words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the punctuation and spaces around the words."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


# "a strike the day before", "the previous night": the day before the one it was told on
_DAY_BEFORE = re.compile(r"\b(?:the (?:day|night) before|the previous (?:day|night)|a day "
                         r"earlier)\b(?!\s+(?:the|a|an|his|her|its|their|yesterday)\b)",
                         re.IGNORECASE)

# "In the second there were four", "three on the first boat", "The third attack hit two
# boats": one strike of a day's several, told after the day was given; its day is theirs
_SERIES_RANK = "|".join(ranks_up_to(ORDINAL_VALUES, 6))  # (to the sixth)
_PART_OF_DAY = caseless(re.compile(
    r"\b(?:in|on|aboard) the (?:" + _SERIES_RANK + r"|last)\b"
    r"(?! (?:day|night|week|month|year|time|anniversary)\b)"
    r"|\bthe (?:" + _SERIES_RANK + r"|last) (?:strike|attack|boat|vessel|"
    r"engagement|raid)\b(?! (?:since|of (?:the|its|this|a)|in (?:the|a|its)|to be|ever)\b)",
    re.IGNORECASE))


def told_at(text: str, s: Sentence, start: int, end: int) -> bool:
    """Whether the date at [start, end) of sentence `s` is when something was told, not
    done: "officials said on Monday", "in a post on Tuesday", "the military on Sunday
    denied"."""
    return bool(_SAID_ON.search(text[max(s.start, start - 50):start])
                or _POSTED.search(text, max(s.start, start - 60), start)
                or _STATEMENT_ON.search(text, max(s.start, start - 50), start)
                or _DAYS_STATEMENT.match(text, end, s.end)
                or _ON_SAID.match(text, end, min(s.end, end + 20)))


def day_of_telling(text: str, s: Sentence, start: int, end: int,
                   until: int | None = None) -> bool:
    """Whether the day at [start, end) dates a telling, either way round: "officials said on
    Monday" (`told_at`) or "On Monday the White House confirmed that ..." (the say verb
    before `until`, the event word, where one is given). The one test of a told day: the
    dates component records its verdict on the frame (`Frame.date_told`)."""
    if told_at(text, s, start, end):
        return True
    m = _THEN_SAID.match(text, end, s.end if until is None else until)
    # "On Wednesday, the army said, its jets hit ...": a say clause set off by commas is an
    # aside; the day opening the sentence is the act's (not "said, 'We struck ...'")
    return m is not None and not _ASIDE_END.match(text, m.end())


_ASIDE_END = re.compile(r"\s*,(?!\s*[\"“'‘])")


def _clause_dates(doc: Doc, f: Frame, now: dt.date | None) -> list[DateRead]:
    """The clause's dates told from `now` (the page's day, or an embedded post's); for a
    threat or plan, the future reading except where said."""
    s = f.sentence
    clause = doc.text[f.start:f.end]
    future = f.status in ("planned", "threatened")
    dates = read_dates(clause, now, f.start, future=future)
    if future:
        # "warned on Thursday that ...": when it was said lies in the past even for a
        # threat or plan
        past = {(d.start, d.end): d for d in read_dates(clause, now, f.start)}
        dates = [past.get((d.start, d.end), d) if _SAID_ON.search(
            doc.text[max(s.start, d.start - 40):d.start]) else d for d in dates]
    return dates


# words whose day is the speaker's "now": "sank a boat overnight, the minister said early
# Friday" is the night before Friday, whatever day the page came out
_SPEAKERS_NOW = re.compile(r"(?:yesterday|today|tonight|last night|overnight|this morning|"
                           r"earlier today|" + SMALL_HOURS.pattern + ")", re.IGNORECASE)


def _from_the_telling(doc: Doc, d: DateRead, told: list[DateRead]) -> DateRead:
    """`d` read again from the day it was told, where the clause names that day and `d`
    is relative to the speaker's now."""
    if not _SPEAKERS_NOW.fullmatch(doc.text[d.start:d.end].strip()):
        return d
    days = [t.low for t in told if t.precision == 1 and t.low is not None and t.low == t.high]
    if not days:
        return d
    when = dt.date.fromisoformat(days[0])
    again = read_dates(doc.text[d.start:d.end], when, d.start)
    return again[0] if again and again[0].low is not None else d


# the cue that brings in the act a clause's news came after or answered
_ANTECEDENT_CUE = re.compile(
    r"\b(?:after|following|follows|followed|heels\s+of|wake\s+of|in\s+(?:response|reply|"
    r"retaliation|reprisal|revenge|answer)\s+(?:to|for))\b", re.IGNORECASE)


def _after_the_cue(doc: Doc, f: Frame, points: list[DateRead]) -> list[DateRead]:
    """An act told as what the news came after or answered (`antecedent`) is dated only by
    what its clause says after the cue: "The killings of Friday, 13 February came after an
    attack ... on Monday, 9 February" — the Friday is the news's day, not the attack's, and
    a sentence giving only the news's day leaves the earlier act undated."""
    if not f.antecedent:
        return points
    cues = list(_ANTECEDENT_CUE.finditer(doc.text, f.start, f.trigger.start))
    if not cues:
        return points
    return [d for d in points if d.start >= cues[-1].start()]


# the answered act's own harm told in the clause: the clause then tells that act with its
# day and toll together, and its day stays with it ("retaliation for the Jan. 28 drone
# attack that killed three soldiers")
_HARM = re.compile(r"\b(?:killed|killing|died|dead|wounded|wounding|injured|injuring)\b",
                   re.IGNORECASE)


def _answered_day(doc: Doc, f: Frame, d: DateRead) -> bool:
    """`d` is the day of the act the frame's event answered, told after its event word
    behind words of answering with no comma ("hit 70 targets in answer to the December 13
    attack in Palmyra"), where the clause tells no harm of that act."""
    if f.antecedent or d.start <= f.trigger.end:
        return False
    at = max(f.trigger.end, d.start - 60)
    m = _ANSWERING_CLAUSE.search(doc.text[at:d.start])
    return m is not None and not _HARM.search(doc.text, at + m.start(), f.end)


# verbs that tell the act itself or its harm: a relative clause on them dates the event
# ("an airstrike on a market that killed 12 on Friday", "the strike, which came on Monday")
_ACT_OR_HARM = r"(?!(?:kill|wound|injur|hurt|hit|struck|strik|left|leav|destroy|damag|target|" \
    r"happen|occur|took|tak|came|com|carri|conduct|launch|mount|fir|drop|bomb|shell|pound|" \
    r"raid|attack|sank|sunk|sink|blew|blast)\w*\b)"
# after the event word, a clause of another noun whose verb the date belongs to: a relative
# clause ("the war between Israel and Gaza that started in October 2023") or a participle
# right on the noun before the date's preposition ("a military effort begun in September
# 2025", "the ceasefire agreed under US mediation in November 2024"; not an agent's "by":
# "a boat operated by a cartel on Monday" may be the boat struck that day; nor a passive of
# the event word itself: "124 airstrikes were ordered in 2025")
_OTHER_NOUNS_VERB = re.compile(
    r"(?:[\w'’-]+\s+(?:that|which)\s+(?:(?:had|has|have|was|were|is|are)\s+(?:been\s+)?)?"
    + _ACT_OR_HARM + r"[a-z]+(?:ed|un|an|en)\b(?:[^,;.]|\b[A-Z]\.)*|"
    r"\b(?!(?:was|were|been|being|are|is|be|had|has|have)\b|[a-z]+ly\b)[a-z]{3,}\s+" +
    _ACT_OR_HARM +
    r"[a-z]+(?:ed|un)"
    r"(?:\s+(?:under|with|through)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?(?:\s+(?:in|on))?\s+)$")


def _other_nouns_day(doc: Doc, f: Frame, d: DateRead) -> bool:
    """`d`, told after the frame's event word, is the day of another noun's verb: a war, a
    truce or a campaign the sentence describes the event by (issue 14: a date from the
    wrong clause), not the day of the act."""
    if d.start <= f.trigger.end:
        return False
    at = max(f.trigger.end, d.start - 90)
    return _OTHER_NOUNS_VERB.search(doc.text, at, d.start) is not None


def _past_the_fronted_act(doc: Doc, f: Frame, points: list[DateRead]) -> list[DateRead]:
    """A clause that opens with a phrase naming an earlier act and then tells its own act by
    a verb ("After it announced the Feb. 27 strikes, the command carried out another round
    on Feb. 28, killing five"): the day inside the phrase premodifies that earlier act; the
    clause's act takes a day told after the phrase, where there is one."""
    s = f.sentence
    if f.antecedent or f.start != s.start:
        return points
    at = fronted_act(s.text)
    if at is None:
        return points
    after = [d for d in points if d.start >= s.start + at]
    return after if after else points


def _own_date(doc: Doc, f: Frame, dates: list[DateRead]) -> None:
    """The event's own date among the clause's dates, and the periods it names."""
    s = f.sentence
    t0 = f.trigger.start
    periods = [d for d in dates if d.is_period]
    f.period_read = periods[0] if periods else None
    # (only where the clause counts what the run did: "The strikes began in early September,
    # weeks apart" alone is the start told, dated as such)
    counted = f.trigger.text.split()[-1].lower().endswith("s") and \
        any(v != (None, None) for v in f.counts.values())
    begun = [d for d in dates if counted and d.low and not d.is_period and
             _BEGAN_ON.search(doc.text, max(f.start, d.start - 30), d.start)]
    if not periods and doc.published is not None:
        # "Since the full-scale invasion in February 2022, it has verified ...": a date
        # inside a since-phrase may open an aggregate's period
        f.since_read = next((d for d in dates if d.low and _SINCE_OPEN.search(
            doc.text, f.start, d.start)), None) or (begun[0] if begun else None)
    dates = [d for d in dates if d not in begun]
    # "the first strike since warships were sent in August": the since-clause's
    # date is another event's; "by Sunday the toll had risen": when a count stood
    # "TEHRAN, Feb. 17 (MNA) –": when the story was filed
    points = [d for d in dates if not d.is_period and not _dateline_date(doc.text, d) and
              not _cited_date(doc.text, d) and
              not _SINCE_CLAUSE.search(doc.text[max(f.trigger.end, d.start - 60):d.start])
              and not _AS_OF.search(doc.text[max(s.start, d.start - 8):d.start])
              and not _answered_day(doc, f, d) and not _other_nouns_day(doc, f, d)]
    points = _after_the_cue(doc, f, points)
    points = _past_the_fronted_act(doc, f, points)
    if not points:
        return
    told = [d for d in points if told_at(doc.text, s, d.start, d.end)
            or (f.trigger.strength == "strong" and d.end < t0 and
                day_of_telling(doc.text, s, d.start, d.end, until=t0))]
    # "in a post on Tuesday (October 28)": the post's day told twice
    told += [e for e in points if e not in told and any(
        0 <= e.start - t.end <= 3 and doc.text[t.end:e.start].strip() in ("(", ",", "") and
        _POSTED.search(doc.text, max(s.start, t.start - 60), t.start) for t in told)]
    told += _restated_told_days(doc, points, told)
    if len(told) < len(points):
        points = [d for d in points if d not in told]  # the event's own date
    elif f.trigger.strength == "weak" or any(_POSTED.search(
            doc.text, max(s.start, d.start - 60), d.start) or _ISSUED_ON.search(
            doc.text, max(s.start, d.start - 50), d.start) for d in told):
        # "Two more died later, the governor said on Wednesday": when a toll was told is
        # no date of the event it adds to; "said in a post on X on Tuesday", "told AFP on
        # Monday", "in an interview on Thursday": the day of a post, a press call or an
        # interview is when it was published, not when it happened (so is the day a
        # statement was issued on). A weak word's told day is kept aside: it dates an
        # event that stays undated once its tellings are grouped (`date_by_telling`)
        if f.trigger.strength == "weak" and not any(_POSTED.search(
                doc.text, max(s.start, d.start - 60), d.start) or _ISSUED_ON.search(
                doc.text, max(s.start, d.start - 50), d.start) for d in told):
            days = [d for d in told if d.precision == 1 and d.low is not None]
            f.told_read = min(days, key=lambda d: abs(d.start - t0)) if days else None
        return
    d = min(points, key=lambda d: abs(d.start - t0))
    d = _calendar_day_beside(doc.text, d, points)
    # "in October ... overnight", "a strike in March, on the 14th": the finer reading
    # inside the coarser one is the same date, told more precisely
    finer = [e for e in points if e not in told and not _DATELINE.search(
                 doc.text, max(0, e.start - 40), e.start) and not _APART.search(
                 doc.text, min(e.end, t0), max(e.start, f.trigger.end)) and
             e.precision is not None and d.precision is not None and
             e.precision < d.precision and e.low is not None and d.low is not None and
             d.high is not None and d.low <= e.low and (e.high or e.low) <= d.high]
    if finer:
        d = min(finer, key=lambda e: abs(e.start - t0))
    before = _DAY_BEFORE.search(doc.text, f.start, f.end) if d in told else None
    f.date_told = d in told  # only when it was told: an own day elsewhere wins (coref)
    d = _from_the_telling(doc, d, told)
    if before is not None and d.precision == 1 and d.low is not None and d.low == d.high:
        # "the toll of a strike the day before has risen to eight, they said on
        # Wednesday": the day before the day it was told
        day = (dt.date.fromisoformat(d.low) - dt.timedelta(days=1)).isoformat()
        f.date_low, f.date_high, f.time_precision = day, day, 1
        f.cite("date", before.start(), before.end())
        f.cite("date", d.start, d.end)
        return
    f.date_low, f.date_high, f.time_precision = d.low, d.high, d.precision
    f.cite("date", d.start, d.end)


# "on Monday, October 27", "on Monday (Oct. 27)": a weekday with its calendar day beside it
_BESIDE = re.compile(r",?\s*\(?\s*")
_WEEKDAY = re.compile(r"(?:on\s+|last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)(?:['’]s)?", re.IGNORECASE)


def _calendar_day_beside(text: str, d: DateRead, points: list[DateRead]) -> DateRead:
    """A weekday told with its calendar day is that day: the weekday alone resolves to the
    last such day before publication, which a page put out a week later gets wrong."""
    if not _WEEKDAY.fullmatch(text[d.start:d.end].strip()):
        return d
    for e in points:
        if e is not d and e.precision == 1 and e.low is not None and e.low == e.high and \
                e.start >= d.end and _BESIDE.fullmatch(text, d.end, e.start):
            return e
    return d


def _year_told_elsewhere(doc: Doc, f: Frame, days: list[DateRead]) -> None:
    """A day without its year on a page with no publication date ("died on Aug. 29"),
    dated where the article tells that very day with its year ("the strike of Aug. 29,
    2021": `days`): the same day told twice; else where it tells that month with its year
    and no other ("In October 2025 the navy fired ... another strike on October 14", "on
    Oct. 3, 2025 ... on October 14"): a month the page dates once is one month. Two years
    for it, or none: left open."""
    if f.date_low is not None or not f.prov.get("date"):
        return
    a, b = f.prov["date"][-1]
    md = month_day(doc.text[a:b])
    if md is None:
        return
    told = [(r.low, r.precision) for r in days if r.low is not None and r.high is not None
            and r.low[:7] == r.high[:7] and int(r.low[5:7]) == md[0] and
            (r.precision != 1 or r.low == r.high)]
    years = {low for low, p in told if p == 1 and int(low[8:10]) == md[1]} or \
        {low[:4] for low, _ in told}
    if len(years) != 1:
        return
    (got,) = years
    try:
        day = dt.date(int(got[:4]), md[0], md[1]).isoformat()
    except ValueError:  # 29 February of a common year
        return
    f.date_low, f.date_high, f.time_precision = day, day, 1


def _weekday_after_the_page(doc: Doc, f: Frame, after: dict[str, str]) -> None:
    """One weekday in one article is one day: where "early Monday" was read as the day after
    the page (date_forms), a later "Monday's strike" or "on Monday" of the article is that
    Monday too, not the one before the page (`after`: weekday -> that day, filled here)."""
    spans = f.prov.get("date") or []
    if f.date_low is None or f.date_low != f.date_high or not spans or doc.published is None:
        return
    a, b = spans[0]
    words = doc.text[a:b].strip()
    if not (_WEEKDAY.fullmatch(words) or words.lower().startswith("early ")) or \
            words.lower().startswith("last "):
        return
    name = words.split()[-1].lower().removesuffix("'s").removesuffix("’s")
    if f.date_low > doc.published.isoformat():
        after[name] = f.date_low
    elif name in after:
        f.date_low = f.date_high = after[name]


def _restated_told_days(doc: Doc, points: list[DateRead],
                        told: list[DateRead]) -> list[DateRead]:
    """A told day restated in brackets ("a monitor speaking on Saturday (December 20,
    2025)") is the telling's day too, where the clause tells the act a time of its own
    ("Overnight strikes ..."): that time is then read from the telling. With no other
    time, the restatement stays the act's day, as a told day alone dates it."""
    again = [e for e in points if e not in told and any(
        0 <= e.start - t.end <= 3 and doc.text[t.end:e.start].strip() == "(" and
        t.low in (None, e.low) for t in told)]
    return again if again and any(d not in told and d not in again for d in points) else []


def _small_hours_of_an_earlier_day(doc: Doc, f: Frame, last_dated: Frame | None) -> None:
    """The small hours told with no day ("in the early hours", "shortly after midnight")
    are the page's day only as the news's own time: after an act the article dated
    ("struck the camp on Friday ... It happened in the early hours"), they are that
    day's small hours or another's, so the frame stays open (coreference dates it)."""
    spans = f.prov.get("date") or []
    if last_dated is None or not spans or f.date_told:
        return
    a, b = spans[-1]
    if SMALL_HOURS.fullmatch(doc.text[a:b].strip().lower()):
        f.date_low = f.date_high = None
        f.time_precision = None
        f.prov.pop("date", None)


@component("dates", requires=("doc.frames", "frame.status", "frame.background", "frame.counts"),
           assigns=("frame.date_low", "frame.date_high", "frame.time_precision",
                    "frame.date_told", "frame.period_read", "frame.since_read",
                    "frame.told_read", "doc.page_dates"))
def read_frame_dates(doc: Doc) -> None:
    """Every frame's date (and the periods its clause names)."""
    last_dated: Frame | None = None  # the latest frame dated to a day, for "the same day"
    full_days: list[DateRead] | None = None  # an undated page's days told with their year
    after_page: dict[str, str] = {}  # a weekday read as the day after the page
    posts = post_days(doc.text) + statement_days(doc.text, doc.published)
    for f in doc.frames:
        # a frame inside an embedded post is told from the post's day
        now = next((p.day for p in posts if p.start <= f.trigger.start < p.end), doc.published)
        dates = _clause_dates(doc, f, now)
        if dates:
            _own_date(doc, f, dates)
            _small_hours_of_an_earlier_day(doc, f, last_dated)
            _weekday_after_the_page(doc, f, after_page)
            if doc.published is None and f.date_low is None and f.prov.get("date"):
                if full_days is None:
                    doc.page_dates = read_dates(doc.text, None)
                    full_days = [r for r in doc.page_dates if r.low is not None]
                _year_told_elsewhere(doc, f, full_days)
        same: AnyMatch | None = _SAME_DAY.search(doc.text[f.start:f.end]) \
            if f.date_low is None else None
        if same is not None and _dates_a_subordinate(doc, f, f.start + same.start()):
            same = None
        if same is None and f.date_low is None and f.status == "occurred" and \
                not f.background:
            same = _PART_OF_DAY.search(doc.text[f.start:f.end])
        if f.date_low is None and same is None and last_dated is not None and \
                not f.background and f.status == "occurred" and \
                last_dated.date_low == last_dated.date_high:
            shift = _days_from_last(doc, f, last_dated)
            if shift is not None:
                assert last_dated.date_low is not None
                day = (dt.date.fromisoformat(last_dated.date_low) +
                       dt.timedelta(days=shift[0])).isoformat()
                f.date_low, f.date_high, f.time_precision = day, day, 1
                f.date_told = last_dated.date_told and shift[0] == 0
                f.cite("date", *shift[1])
        if same is not None and last_dated is not None:
            # "Separately, a tanker was struck ... on the same day": the day of the event
            # told before it in the article
            f.date_low, f.date_high, f.time_precision = (last_dated.date_low,
                                                         last_dated.date_high, 1)
            f.date_told = last_dated.date_told
            f.cite("date", f.start + same.start(), f.start + same.end())
        if f.date_low is not None and f.time_precision == 1 and not f.background:
            last_dated = f
        g0 = f.gap_of
        if g0 is not None and (g0.date_low is None) != (f.date_low is None):
            # "... in Khan Younis and two in Jabalia on Thursday": the date is both parts'
            src, dst = (f, g0) if f.date_low else (g0, f)
            dst.date_low, dst.date_high, dst.time_precision = (src.date_low, src.date_high,
                                                               src.time_precision)
            dst.date_told = src.date_told
            dst.cite("date", *src.prov["date"][0])


# quotation marks, straight or curly
_QUOTE_MARK = re.compile("[\"“”]")


def in_quotation(text: str, s: Sentence, pos: int) -> bool:
    """Whether `pos` lies inside a quotation: an odd number of quotation marks before it in
    its sentence, or none before it and a closing one after it (a quotation opened in an
    earlier sentence: "Today, ... strike," Hegseth posted)."""
    before = len(_QUOTE_MARK.findall(text, s.start, pos))
    if before:
        return before % 2 == 1
    after = _QUOTE_MARK.search(text, pos, s.end)
    return after is not None and (after.group() == "”" or
                                  text[max(s.start, after.start() - 1)] in ",.!?")


def telling_day(doc: Doc, f: Frame) -> bool:
    """Whether the frame's date is only the day the event was told of: the day of a
    statement or a post ("officials said on Monday"), as the dates component found it
    (`Frame.date_told`), or a speaker's "today" inside a quotation. Such a day bounds the
    event from above: what was told of on Wednesday happened then or a day or two before,
    and a date the article gives the event itself ("the strike happened late Tuesday")
    says which (component `assemble`)."""
    spans = f.prov.get("date") or []
    if f.date_low is None or not spans:
        return False
    a, b = spans[0]
    s = f.sentence
    if f.date_told:
        return True
    return bool(_SPEAKERS_NOW.fullmatch(doc.text[a:b].strip())) and \
        in_quotation(doc.text, s, a)

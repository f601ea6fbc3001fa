"""Components `furniture` and `assemble`: an article read as one document, not sentence by
sentence.

Real pages carry lines that are not prose: the headline (which restates the lede), crossheads,
"Related:"/"Also read" links to other stories, and captions (a file photo's shows an earlier
day). `furniture` marks the event words
in such lines as no event of their own (`drop`), before coreference, so a headline never
becomes the head of a mention that the lede's sentences then join.

`assemble` runs after coreference. Real copy keeps talking about the event it announced:
"the vessel was operated by a designated terrorist organization", "the strike drew
criticism", "the operation". A group that tells nothing of its own — no date, no place, no
toll — is an elaboration of the event the article reports, not a new incident: it joins the
nearest compatible anchored group (one with a date, place or toll), preferring the one told
before it. Where the article has no anchored event, a bare generic plural ("the strikes
have drawn criticism", "such strikes") is no incident at all.

Real copy also tells the event again with words of its own: "the car was travelling between
two villages when it was struck", "Wednesday's strike showed ...", a quoted post. Such a
retelling joins the one event told before it that it can be — same kind, status and type,
the same attacker, no date, weekday, month, place or toll that disagrees — unless its words
set it apart ("another strike", "Israeli strikes also hit", "the month before", a number of
strikes) or a second earlier event could be it as well. The day a report was told ("Hegseth
said on Wednesday", a quoted "today") only bounds the event's day from above: a lede dated so
joins the event the article dates itself a day or two before ("the strike happened late
Tuesday") when it refers back to it or shares its place or toll, and the event keeps its own
date; a place named only by a back-reference ("the strike is the latest since warships were
sent to Puerto Rico") keeps no retelling apart. A photo caption or an embedded post that
shows the news ("... one more deadly strike on a Caribbean boat. © Name / AFP",
"... pic.twitter.com/...") is the article's strike shown again where it can be. Last, an
occurred incident told only
in plurals or gerunds ("an investigation into military strikes on boats", "must stop
striking boats"), with no toll, no number of strikes, no day and no word of acts done, is the
campaign or a kind of act, not an incident.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from strikewatch.extract.anchored import anchored as anchored_rx
from strikewatch.extract.anchored import gated
from strikewatch.extract.components.dates import day_of_telling, telling_day, told_at
from strikewatch.extract.components.recall_cues import recalled_without_day
from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.coref import (
    ONE_MORE_ACT,
    SITE,
    also_elsewhere,
    one_night,
    ranks_differ,
    replies,
    told_by_relative_day,
    year_named,
)
from strikewatch.extract.counts import VAGUE
from strikewatch.extract.date_forms import DAY, MONTH_ABBRS, MONTH_NAMES
from strikewatch.extract.part_tolls import only_parts, parts_of_own_toll, whole_toll
from strikewatch.extract.pipeline import component
from strikewatch.extract.sentences import LINK_LABEL

# a line that ends like prose ends: it is a sentence, not a headline or a link
_PROSE_END = re.compile(r"[.!?:;\"'”’)\]…]\s*$")
# a file photo's caption ("FILE - ...", "File photo, Oct. 26, 2019: ...", "(c) Name, File/AP
# ...") or a gallery's ("1 of 3 | ..."): a picture from before, not the news
_FILE_CAPTION = re.compile(r"^\W*(?:FILE\s*[-–—:,]|File\s+(?:photo|image|picture)\b|"
                           r"\d+\s+of\s+\d+\s*\||(?:\(c\)|©)[^.\n]{0,80}?\bFile/)")
# a photo credit that marks the picture as an old one: "REUTERS/Andrea de Silva, file",
# "(AP Photo/Baderkhan Ahmad, File)" — ending the caption's line or standing on the next
_FILE_CREDIT = re.compile(r"/[^/\n]{1,60},\s*file\)?\.?\s*$", re.IGNORECASE)
#: the most words a headline or crosshead line has
HEADLINE_WORDS = 20


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _headline_case(line: str) -> bool:
    """Whether a line capitalises nearly every word of four letters or more, as headlines
    and the capitalised related-story links on real pages do ("Israel Hits Hezbollah Missile
    Store in Beirut Strike — Lebanon's President Furious!"); prose, even full of names,
    keeps its verbs and common nouns in lower case."""
    long = [w for w in _WORD.findall(line) if len(w) >= 4]
    return len(long) >= 4 and sum(w[0].isupper() for w in long) >= 0.85 * len(long)


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the text line (between newlines) around [start, end)."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (len(text) if b < 0 else b)


def is_furniture(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies on a line that is page furniture: a link label ("Related:",
    "Also read"), a file photo's or a gallery's caption ("FILE - ...", or credited
    "…/Name, file") or a short line
    standing alone that does not end like a sentence or is in headline case (a headline, a
    crosshead, a related story's capitalised title)."""
    a, b = _line_of(text, start, end)
    line = text[a:b].strip()
    if not line:
        return False
    if LINK_LABEL.match(line) or _FILE_CAPTION.match(line) or _FILE_CREDIT.search(line):
        return True
    following = text[b:b + 200].lstrip("\n").split("\n", 1)[0]
    if len(following) < 80 and _FILE_CREDIT.search(following):
        return True  # the caption of a file photo, its credit on the line below
    return len(line.split()) <= HEADLINE_WORDS and (not _PROSE_END.search(line) or
                                                    _headline_case(line))


@component("furniture", requires=("doc.frames", "frame.drop", "frame.status",
                                  "frame.anaphoric"), assigns=("frame.drop",))
def drop_furniture(doc: Doc) -> None:
    """Event words on headline, crosshead and related-link lines tell no event of their own,
    except the page's title where the prose tells the act only by reference (`_title_only`)."""
    title = _title_only(doc)
    for f in doc.frames:
        if not f.drop and f not in title and is_furniture(doc.text, f.trigger.start,
                                                          f.trigger.end):
            f.drop = True


def _tells_act(doc: Doc, f: Frame) -> bool:
    """Whether a prose frame tells an act by a word of its own: strong, occurred, no "the
    strike" pointing back."""
    pre = doc.text[max(0, f.trigger.start - 40):f.trigger.start]
    return not f.drop and f.trigger.strength == "strong" and f.status == "occurred" and \
        (_POINTED_BACK.search(pre) is None or _ACT_VERB.match(f.trigger.text) is not None) \
        and not is_furniture(doc.text, f.trigger.start, f.trigger.end)


# a verb telling the act ("The air force bombed", "jets struck"): the act's own telling,
# whatever "the" stands before its subject
_ACT_VERB = re.compile(r"(?:\w+ed|struck|hit|sank|sunk|shot|fought|blew|took)\b", re.IGNORECASE)
# a noun pointing back at an act told ("the attack", "that strike"; not "its airstrike", the
# party's own telling)
_POINTED_BACK = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[\w'’-]+\s+){0,2}$",
                           re.IGNORECASE)


def _title_only(doc: Doc) -> list[Frame]:
    """The frames of the page's title (its first line of words, before any prose) where the
    title is the only telling of the act: a teaser page ("Three Dead as U.S. Forces Hit
    Caribbean Boat", then "the boat was carrying drugs") whose prose tells no act with a
    strong word of its own. An occurred title's act is then the page's news; a related
    story's headline further down, or a title beside a lede that tells the act, stays
    furniture."""
    if not doc.frames:
        return []
    start = min(f.trigger.start for f in doc.frames)
    a, b = _line_of(doc.text, start, start)
    if not is_furniture(doc.text, a, b) or any(
            not is_furniture(doc.text, m.start(), m.end())
            for m in re.finditer(r"\S[^\n]*", doc.text[:a])):
        return []  # the first event word stands in prose, or prose comes before it
    title = [f for f in doc.frames if a <= f.trigger.start < b and not f.drop and
             f.trigger.strength == "strong" and f.status == "occurred" and not f.status_cued]
    if not title or any(_tells_act(doc, f) for f in doc.frames if f.trigger.start >= b):
        return []
    return title


# an embedded social-media post: its link, its "[Embedded post: ...]" stand-in, or its
# signature line ("— U.S. Southern Command (@Southcom) February 23, 2026")
_POST = re.compile(r"pic\.twitter\.com/|\[embedded post\b|\(@\w+\)\s+[A-Z][a-z]+\.?\s+\d",
                   re.IGNORECASE)
# a photo caption: its line ends with the picture's credit ("(AFP photo).", "(File/AFP)",
# "© Eugene Hoshiko / POOL / AFP", "(Photo by Jennifer Shutt/States Newsroom)",
# "REUTERS/Anna Rose Layden")
_PHOTO_CREDIT = re.compile(
    r"(?:©[^\n]{0,80}|\((?:[^()\n]{0,60}\b(?:photo|file|picture|image)\b[^()\n]{0,60}|"
    r"(?:AFP|AP|Reuters|Getty Images|EPA|Anadolu|Xinhua)(?:/[^()\n]{1,40})?)\)\.?|"
    r"\b(?:REUTERS|AFP|AP)/[A-Z][^/\n]{1,60})\s*$", re.IGNORECASE)


def is_restatement(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies on a line that shows the news rather than tells it: an
    embedded post (its link, its stand-in or its signature line) or a photo caption (a line
    ending with the picture's credit)."""
    a, b = _line_of(text, start, end)
    line = text[a:b]
    # (a credit is the line's last words: only its tail is searched)
    return bool(_POST.search(line) or _PHOTO_CREDIT.search(line, max(0, len(line) - 160)))


#: the counts that are a toll, not a number of strikes (es/fields reads it too)
TOLLS = ("killed", "injured", "missing", "survivors")
# (spelt out once: mypyc cannot compile a starred tuple tested with `in`)
_TOLLS_STRIKES = (*TOLLS, "strikes")
# words in the head clause that tell an event of its own even where no component read a
# value from them: a figure, a day or month, or a word that sets it apart ("a separate
# strike", "another attack", "Kyiv said separately")
_OWN = re.compile(r"\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                  r"january|february|march|april|june|july|august|september|october|"
                  r"november|december|yesterday|today|tonight|overnight|separate(?:ly)?|"
                  r"another|second|third|further|one|two|three|four|five|six|seven|eight|"
                  r"nine|ten|dozens?|scores)\b", re.IGNORECASE)


def anchored(doc: Doc, g: Group, own: re.Pattern[str] = _OWN) -> bool:
    """Whether the group tells something of its own: a date, a place or a toll read from it,
    or a figure, a day or a "separate"/"another" in its first clause (`own`: those words in
    the article's language; the English ones by default)."""
    if g.value("date_low") is not None or g.value("place") is not None:
        return True
    if any(k in f.counts for f in g.frames for k in TOLLS):
        return True
    if also_elsewhere(doc.text, g.head):
        return True  # "Strikes also hit Saada": a place of its own the article had not named
    if own is _OWN and replies(doc.text, g.head):
        return True  # "In response, the group fired rockets": an act of its own
    return bool(own.search(doc.text[g.head.start:g.head.end]))


def _country(x: object) -> str | None:
    return getattr(x, "country", None)


_STATE = frozenset({"military", "government", "intelligence", "state", "state_forces", "police"})


def _side(actor: object) -> str | None:
    """Which side an actor is on, coarsely: a state's forces and officials are one side
    (the ministry that announces, the jets that strike), armed groups and civilians others."""
    t = getattr(actor, "type", None)
    return "state" if t in _STATE else t


def _joins(g: Group, a: Group) -> bool:
    """Whether the unanchored group g can tell the event of the anchored group a."""
    h, ah = g.head, a.head
    if h.kind != ah.kind or h.status != ah.status or h.background != ah.background:
        return False
    if h.event_type is not None and h.event_type != ah.event_type and \
            not (ah.event_type is None and h.event_type in _VIOLENT):
        # a protest or a designation never elaborates an attack; an act of violence may
        # tell how the deaths told before came about ("Three men died at sea on Monday …
        # the cutter carried out a lethal strike")
        return False
    if h.action is not None and ah.action is not None and h.action != ah.action:
        return False
    if _seas_differ(g, a):
        return False
    for name in ("actor1", "actor2"):
        x, y = g.value(name), a.value(name)
        if x is None or y is None:
            continue
        cx, cy = _country(x), _country(y)
        if cx and cy and cx != cy:
            return False
        tx, ty = _side(x), _side(y)
        if not (cx and cx == cy) and tx and ty and tx != ty:
            return False  # a party of its own ("Hezbollah fired rockets" after Israel's strike)
    return True


_PLURAL = re.compile(r"s\b", re.IGNORECASE)


def _generic_plural(f: Frame) -> bool:
    """A bare plural event word with no count ("the strikes have drawn criticism")."""
    return bool(_PLURAL.search(f.trigger.text)) and not f.counts


def _no_party(g: Group) -> bool:
    """No party named: with no date, place or figure either and nothing to refer to, an
    event word is context ("the ceasefire held", "bombings are feared"), not an event."""
    return g.value("actor1") is None and g.value("actor2") is None


# what "later" can date other than an act: a telling, a count or a death from the act's
# wounds ("Rescuers later said 12 had died", "the toll later rose", "two later died")
_TOLD_WORDS = (r"(?:said|says|told|report(?:s|ed)?|announc\w*|confirm\w*|stat(?:ed|es|ing)|"
               r"count(?:ed|s|ing)|"
               r"put|rais\w*|revis\w*|updat\w*|rose|risen|climb\w*|increas\w*|"
               r"died|succumb\w*|recover\w*|found|identif\w*|add(?:ed|s|ing)|gave|given|"
               r"publish\w*|released?|wrote|posted|claim\w*|admit\w*|acknowledg\w*)\b")
# words in an event's own clause, up to its event word, that set it apart from an event told
# before: "another strike", "a second raid", "in a separate attack", "the first incident",
# "Israel also struck ...", "an earlier strike", and one more act told (`ONE_MORE_ACT`:
# "struck again", "two more boats")
# (gated: searched only where one of the words every match holds stands)
_DISTINCT = gated(re.compile(ONE_MORE_ACT.pattern + r"|"
                       r"\b(?:another|separate(?:ly)?|second|third|fourth|fifth|further|"
                       r"other(?=\s+(?:[\w-]+\s+)?(?:strikes?|attacks?|raids?|bombings?|"
                       r"operations?|incidents?|boats?|vessels?|targets?|sites?|areas?|"
                       r"places?|locations?|cases?|times?|parts?)\b)|"
                       r"new|previous|earlier|also|already|next|"
                       r"follow(?:s|ed|ing)?|continu\w*|kept|keeps?|gone on|go(?:es)? on|"
                       r"frequently|regularly|often|routinely|repeatedly|usually)\b|"
                       r"\b(?:once|twice|times)\s+more\b|"
                       r"\blater\b(?![,\s]+(?:[\w'’-]+[,\s]+){0,4}?" + _TOLD_WORDS + r")|"
                       r"^\W*since\b|"
                       r"\b(?:comes?|came|coming)\s+(?:[\w-]+\s+){0,3}?after\b|"
                       r"\b(?:days?|weeks?|months?|years?)\s+(?:before|earlier|ago)\b",
                       re.IGNORECASE))
# event words that tell several acts ("kinetic strikes", "a series of air strikes")
_ACTS = re.compile(r"(?:strikes|attacks|raids|bombings|operations|assaults)\b", re.IGNORECASE)
# a figure before a plural event word: several acts ("strikes on three vessels")
_FIGURE = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|"
                     r"dozens?|scores|hundreds|series|wave)\b", re.IGNORECASE)
_VIOLENT = frozenset({"Explosions/Remote violence", "Battles", "Violence against civilians"})
_VIOLENT_NONE = (*_VIOLENT, None)  # (a violent type or none yet)
_KILL_TOLLS = ("killed", "injured")


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|"
                    r"October|November|December)\b")  # capitalised: not the modal "may"
# campaign words: a whole campaign is never one incident told again
_CAMPAIGN = re.compile(r"\b(?:campaign|offensive|war|conflict|crackdown)\b", re.IGNORECASE)


def _days_named(doc: Doc, g: Group) -> tuple[set[str], set[str]]:
    """The weekdays (lower-cased) and months the group's clauses name as the event's own."""
    days, months, _ = _days_told(doc, g)
    return days, months


def _days_told(doc: Doc, g: Group) -> tuple[set[str], set[str], set[str]]:
    """The weekdays and months the group's clauses name as the event's own, and the
    weekdays they name as when it was told ("said on Monday", "On Monday the command said
    that ...")."""
    days: set[str] = set()
    months: set[str] = set()
    told: set[str] = set()
    for f in g.frames:
        for m in _WEEKDAY.finditer(doc.text, f.start, f.end):
            told_day = day_of_telling(doc.text, f.sentence, m.start(), m.end(),
                                      until=f.trigger.start)
            (told if told_day else days).add(m.group(0).lower())
        for m in _MONTH.finditer(doc.text, f.start, f.end):
            if not told_at(doc.text, f.sentence, m.start(), m.end()):
                months.add(m.group(0))  # "said on Monday" names when it was told
    return days, months, told


_WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _told_of(told: set[str], done: set[str]) -> bool:
    """Whether an event done on one of the weekdays `done` can have been told of on one of
    `told`: the same day or up to TOLD_WITHIN_DAYS later."""
    return any(0 <= (_WEEK.index(t) - _WEEK.index(d)) % 7 <= TOLD_WITHIN_DAYS
               for t in told for d in done)


def _one_night(g: Group, a: Group) -> bool:
    """One group dates its act late one day, the other in the small hours of the next
    ("late on Friday", "early Saturday"): one night told from either end (`one_night`)."""
    return any(one_night(f, x) for f in g.frames if f.date_low is not None and not f.date_told
               for x in a.frames if x.date_low is not None and not x.date_told)


def _days_differ(doc: Doc, g: Group, a: Group) -> bool:
    """Two groups that name other weekdays, or other months, tell other days, even where
    no publication date lets the dates be read ("on Tuesday" and "in January"); where one
    names only the day its event was told of ("On Sunday the minister said ..."), the
    other's own day must come on it or shortly before ("a boat hit last Thursday" is not
    what was told on Sunday)."""
    (gd, gm, gt), (ad, am, at) = _days_told(doc, g), _days_told(doc, a)
    if bool(gm and am and not gm & am):
        return True
    if bool(gd and ad and not gd & ad):
        return not _one_night(g, a)
    if gd and not ad and at:
        return not _told_of(at, gd)
    if ad and not gd and gt:
        return not _told_of(gt, ad)
    return False


# a day of a month told in full: "August 31", "31 August", "Aug. 31"
_MONTH_DAY = re.compile(rf"\b(?:{MONTH_NAMES}|{MONTH_ABBRS})\.?\s+\d{{1,2}}\b|"
                        rf"\b\d{{1,2}}\s+(?:{MONTH_NAMES})\b")


def _month_days(doc: Doc, g: Group) -> bool:
    """Whether the group's clauses name a day of a month as the event's own ("On August 31
    a drone strike ..."), not as when it was told."""
    return any(not told_at(doc.text, f.sentence, m.start(), m.end())
               for f in g.frames for m in _MONTH_DAY.finditer(doc.text, f.start, f.end))


#: how far before its event word a weekday may stand to date that act ("On Friday, drones
#: hit"; not "the ministry on Tuesday disputed a report that ... an air strike")
WEEKDAY_BEFORE = 25


def _weekday_by_act(doc: Doc, g: Group) -> bool:
    """Whether one of the group's clauses names a weekday at its event word: after it, or
    at most `WEEKDAY_BEFORE` characters before it, and not as when it was told."""
    return any(m.start() >= f.trigger.start - WEEKDAY_BEFORE and not day_of_telling(
        doc.text, f.sentence, m.start(), m.end(), until=f.trigger.start)
        for f in g.frames for m in _WEEKDAY.finditer(doc.text, f.start, f.end))


def _weekday_and_month_day(doc: Doc, g: Group, a: Group) -> bool:
    """With no date read for either (a page with no date), one group told by weekday only
    ("early on Friday") and the other by a day of a month only ("On August 31"): news copy
    names the days of the past week by weekday and older days by date, so two acts."""
    if g.value("date_low") is not None or a.value("date_low") is not None:
        return False
    gd, ad = _weekday_by_act(doc, g), _weekday_by_act(doc, a)
    gm, am = _month_days(doc, g), _month_days(doc, a)
    return bool(gd and not gm and am and not ad) or bool(ad and not am and gm and not gd)


# an opening "Earlier," or "Later," that dates the telling, not the act: "Earlier, the
# ministry had said one person died when ...", "Later the army said it had struck ..."
_TOLD_EARLIER = re.compile(r"\W*(?:earlier|later)\b,?\s+(?:[\w'’.-]+\s+){0,6}?"
                           r"(?:(?:had|has|have)\s+)?(?:said|says|reported|announced|told|"
                           r"confirmed|stated)\b", re.IGNORECASE)


# an opening that counts back from the act just told: "Before it, an Israeli attack in
# August had killed ...", "Prior to that", "Previously": an earlier act of its own
_BEFORE_THAT = re.compile(r"\W*(?:(?:before|prior\s+to)\s+(?:that|this|it|then|these|those)|"
                          r"previously)\b", re.IGNORECASE)


def _distinct(doc: Doc, g: Group) -> bool:
    """Whether the group's head clause, up to a few words after its event word, marks it as
    an event apart from those told before ("Israeli strikes also hit ..."); an opening
    "Earlier, X had said" is when it was told (`_TOLD_EARLIER`), searched past."""
    h = g.head
    start = h.start
    told = _TOLD_EARLIER.match(doc.text, start, h.trigger.start)
    if told is not None:
        start = told.end()
    return bool(_DISTINCT.search(doc.text, start, min(h.end, h.trigger.end + 20))) or \
        bool(_BEFORE_THAT.match(doc.text, h.start, h.trigger.start)) or replies(doc.text, h)


def _toll(g: Group, key: str) -> tuple[int | None, int | None] | None:
    return next((f.counts[key] for f in g.frames if key in f.counts), None)


# the word a district, province or governorate's name may end with ("Khyber District")
_ADMIN_WORD = re.compile(r"\s+(?:district|province|governorate|state|region|county|"
                         r"division|agency|city|oblast|krai)$", re.IGNORECASE)
# a part of a wider area named by its side ("North Kordofan" in "Kordofan")
_SIDE_OF = re.compile(r"(?:north|south|east|west|central|upper|lower)(?:ern)?\s+")
# an area named by the adjective of its city ("Kharkivska oblast": Kharkiv's)
_ADJECTIVE_OF = re.compile(r"s'?ka(?:ya)?")


def _named_within(p: object, q: object) -> bool:
    """Two places of one country where one's name, less a closing "District"/"Province"
    word, opens the other's ("Khyber District" and "Khyber Pakhtunkhwa", "Sanaa" and
    "Sanaa Governorate"), or is the other's with a side before it ("North Kordofan" and
    "Kordofan") or its adjective ("Kharkivska oblast" and "Kharkiv"): the gazetteer files a
    district as its own first-level area, and the two are one place told narrower and
    wider, not two."""
    if getattr(p, "country", None) != getattr(q, "country", None):
        return False
    x, y = (_ADMIN_WORD.sub("", str(getattr(o, "name", "") or "")).lower() for o in (p, q))
    if not x or not y:
        return False
    short, long = sorted((x, y), key=len)
    if long == short or long.startswith(short + " "):
        return True
    if long.endswith(" " + short) and _SIDE_OF.fullmatch(long[:-len(short)]):
        return True
    return " " not in long and long.startswith(short) and \
        _ADJECTIVE_OF.fullmatch(long[len(short):]) is not None


def _places_differ(p: object, q: object) -> bool:
    """Two places that cannot be one event's: other countries, other provinces, or one at
    sea and the other on land."""
    if p is None or q is None:
        return False
    for name in ("country", "admin1"):
        x, y = getattr(p, name, None), getattr(q, name, None)
        if x and y and x != y and not (name == "admin1" and _named_within(p, q)):
            return True
    kp, kq = getattr(p, "kind", None), getattr(q, "kind", None)
    return kp is not None and kq is not None and (kp == "sea") != (kq == "sea")


def _seas_differ(g: Group, a: Group) -> bool:
    """The two groups name other open waters around their event words ("in the
    Caribbean", "in the eastern Pacific"): other strikes, whatever else they share."""
    x = {s for f in g.frames for s in f.seas}
    y = {s for f in a.frames for s in f.seas}
    return bool(x and y and not x & y)


def _told_place(g: Group) -> object:
    """Where the group's own telling of the event places it: the place of a frame that tells
    the event, not of one that refers back to it ("The strike is the latest since warships
    and jets were sent to Puerto Rico" names where other things happened)."""
    f = next((f for f in g.frames if f.place is not None), None)
    if f is None:
        return None
    spans = f.prov.get("place") or [(f.start, f.start)]
    told_in = [x for x in g.frames if x.start <= spans[0][0] < x.end]
    if told_in and all(_refers_back(x) and not _in_own_phrase(x, spans[0][0])
                       for x in told_in):
        return None
    return f.place


#: the event noun's own phrase up to a place: "the attack on a school in southern X"
_OWN_PHRASE = re.compile(r"\s+(?:on|in|at|against|near|inside)\s+[^,;:.()]{0,60}$")


def _in_own_phrase(f: Frame, at: int) -> bool:
    """The place at `at` is told in the event noun's own phrase, right after it ("recalls
    the attack on a school in southern X"): where that act was, not where others were."""
    s = f.sentence
    if not f.trigger.end <= at <= s.start + len(s.text):
        return False
    return _OWN_PHRASE.fullmatch(s.text, f.trigger.end - s.start, at - s.start) is not None


def _own_place(g: Group, other: Group) -> object:
    """The group's place, unless it is only the attacker's own country named as a country
    ("U.S. forces", "the United States said"): a strike abroad is not placed there."""
    place = _told_place(g)
    if getattr(place, "kind", None) == "country":
        attackers = {_country(g.value("actor1")), _country(other.value("actor1"))}
        if _country(place) in attackers - {None}:
            return None
    return place


def _several(g: Group) -> bool:
    """A head that tells several acts: a number of strikes ("four strikes"), or a plural
    event word with a figure before it ("lethal kinetic strikes on three vessels")."""
    h = g.head
    if "strikes" in h.counts:
        return True
    return bool(_ACTS.search(h.trigger.text)) and bool(_FIGURE.search(_noun_phrase(h)))


# the few words that can modify a plural event word before it ("three lethal drone
# strikes", "a wave of air strikes"): a figure further back counts something else — the
# dead ("said at least 20 civilians died in Sunday's drone strikes"), a date ("On December
# 25, 2025, ... carried out airstrikes")
_NOUN_PHRASE = re.compile(r"(?:[\w'’-]+\s+){0,3}$")
# ... and what it was aimed at, counted: "strikes on three boats", "raids against two camps"
_AIMED_AT = re.compile(r"\s+(?:on|against|at|targeting|hitting)\s+(?:[\w'’-]+\s+){0,2}")


def _noun_phrase(f: Frame) -> str:
    """The event word with the few words just before it, within its clause, and the
    targets it was aimed at just after it."""
    text, at = f.sentence.text, f.trigger.start - f.sentence.start
    m = _NOUN_PHRASE.search(text[:at])
    after = _AIMED_AT.match(text, at + len(f.trigger.text))
    return (m.group(0) if m else "") + f.trigger.text + (after.group(0) if after else "")


def _ranges_meet(x: tuple[int | None, int | None], y: tuple[int | None, int | None]) -> bool:
    """Whether two told figures can be one toll ("at least eight" and "eight" can)."""
    xl, xh = x[0] if x[0] is not None else 0, x[1]
    yl, yh = y[0] if y[0] is not None else 0, y[1]
    return (xh is None or yl <= xh) and (yh is None or xl <= yh)


def _tolls_clash(g: Group, a: Group) -> bool:
    """Whether two groups each tell a toll of the dead or the hurt and the two cannot be
    one ("three killed" and "eight killed"): two acts, whatever else they share. A part of
    the dead ("three of its players", a victim by name the other also names) is a floor
    (`whole_toll`), and a toll that is the part the other tells of its own ("18 killed, 14
    of them from one family" and "killed 14 members of the family") is that part."""
    for key in _KILL_TOLLS:
        x, y = whole_toll(g, key, a), whole_toll(a, key, g)
        if x is not None and y is not None and not _ranges_meet(x, y) and \
                y[0] not in parts_of_own_toll(g.frames, key) and \
                x[0] not in parts_of_own_toll(a.frames, key):
            return True
    return False


# an event noun in the singular: "a strike" is one act, "Israel struck targets" may be many
_ONE_ACT_NOUN = re.compile(r"(?:strike|attack|raid|bombing|operation|assault|incident)$",
                           re.IGNORECASE)


def _verb_told(f: Frame, day: object, other_day: object) -> bool:
    """An act told by a verb ("Israel struck Houthi targets"), not by a singular noun,
    leaves open how many strikes it was: on the same known day, "a series of air strikes"
    by the same attacker can retell it."""
    return day is not None and day == other_day and f.time_precision == 1 and \
        not _ONE_ACT_NOUN.search(f.trigger.text) and not _EVENT_NOUN.search(f.trigger.text)


def _undated_verb(a: Group) -> bool:
    """An act told only by a verb and given no day by any of its sentences ("Three nuclear
    facilities bombed by the US", a standfirst above the lede; "Jets pounded the port,
    residents said"): how many strikes it was is left open, and the dated telling of
    several that follows ("carried out military strikes on three facilities on Saturday")
    can be it (counted: "in strikes aimed at its media" is no such telling)."""
    return not _ONE_ACT_NOUN.search(a.head.trigger.text) and \
        not _EVENT_NOUN.search(a.head.trigger.text) and \
        all(f.date_low is None for f in a.frames)


def _day_and_spot_agree(g: Group, a: Group) -> bool:
    """Both groups tell the act on the same known day in the same named place below a
    country ("the Christmas Day airstrike ... in Sokoto State" and "on December 25 AFRICOM
    carried out precision airstrikes ... in Sokoto State"): writers count one operation as
    "a strike" and "strikes" in turn, and the day and place it shares say it is one."""
    day, other = g.value("date_low"), a.value("date_low")
    if day is None or day != other or g.value("date_high") != a.value("date_high") or \
            not any(f.time_precision == 1 for f in g.frames) or \
            not any(f.time_precision == 1 for f in a.frames):
        return False
    p, q = g.value("place"), a.value("place")
    return p is not None and q is not None and \
        getattr(p, "kind", None) not in ("country", "sea") and \
        getattr(p, "name", None) == getattr(q, "name", None)


#: the least figure of the dead that, told alike by a plural and a singular telling, ties
#: them to one act by itself (a toll of one or two is too common to tell acts apart)
SAME_TOLL_LEAST = 3


def _plural_of_one(g: Group, a: Group) -> bool:
    """A plural act word (g, told after a) can tell the one act a tells in the singular:
    writers call one operation "the strike" and "the strikes" in turn ("30 dead in air
    force bombing in Khyber" / "Air force airstrikes on the valley killed at least 30";
    "an air strike killed at least 10 ... three players were among the victims of the
    raids"). Said where g counts no strikes (`_several`) and the dead tie the two: both
    tell the same whole figure, at least `SAME_TOLL_LEAST` (or two in the same named place
    below a country), or g refers back ("the raids") with a part of the dead below a's
    toll (`part_tolls`). Whatever else differs (day, place, another toll) is still judged
    by `_same_event`."""
    if _several(g):
        return False
    x, y = _toll(g, "killed"), _toll(a, "killed")
    if x is None or y is None or x[0] is None or y[0] is None:
        return False
    g_part, a_part = _part_of_dead(g, a), _part_of_dead(a, g)
    if g_part and not a_part:
        h = g.head
        before = h.sentence.text[:h.trigger.start - h.sentence.start]
        return bool(_DEFINITE.search(before)) and x[0] < y[0]
    if g_part or a_part or x[0] != y[0] or not _ranges_meet(x, y):
        return False
    if x[0] >= SAME_TOLL_LEAST:
        return True
    p, q = g.value("place"), a.value("place")
    return x[0] >= 2 and p is not None and q is not None and \
        getattr(p, "kind", None) not in _WIDE_PLACES and \
        getattr(p, "name", None) == getattr(q, "name", None)


def _part_of_dead(g: Group, other: Group) -> bool:
    """Every figure of the group's dead is told as a part of them ("three of its players",
    "were among the victims"), or that part told again."""
    return only_parts(g, "killed", other)


def _retells(g: Group, a: Group, background: bool = True, two_ways: bool = False) -> bool:
    """Kind, status, type and attacker agree: g can tell a's event. Who was hit may be told
    differently by different sources ("militants", "fishermen"), so actor2 is not compared;
    the attacker is. Two violent types may be one act told two ways ("a raid", "bombed")
    where both name the same attacker. With `background` False, a may be history recalled
    as context where g is not (a follow-up story's reference to it). With `two_ways`, two
    violent types may also be one act where g names no other attacker (`_told_two_ways`)."""
    h, ah = g.head, a.head
    if h.kind != ah.kind or h.status != ah.status or \
            (background and h.background != ah.background):
        return False
    if g.value("action") != a.value("action"):
        return False  # an authorization and a deployment are two developments
    if _ACTS.search(h.trigger.text) and not _ACTS.search(ah.trigger.text) and \
            not _verb_told(ah, g.value("date_low"), a.value("date_low")) and \
            not _day_and_spot_agree(g, a) and not (_undated_verb(a) and _several(g)) and \
            not _plural_of_one(g, a):
        return False  # several acts do not retell one
    t, at = g.value("event_type"), a.value("event_type")
    x, y = g.value("actor1"), a.value("actor1")
    cx, cy = _country(x), _country(y)
    if cx and cy and cx != cy:
        return False
    sx, sy = _side(x), _side(y)
    if sx and sy and sx != sy and not (cx and cx == cy):
        return False
    if t == at:
        return True
    if any(x is not None and x not in _VIOLENT for x in (t, at)):
        return False  # a protest or a designation never retells an attack
    if t is None or at is None:
        return True
    return bool(cx and cx == cy) or (two_ways and _told_two_ways(g, a))


# a definite act noun told before the event word in its clause: "the operation turned into
# a fierce firefight", "During the raid, a gun battle broke out"
_ACT_TOLD_OF = re.compile(r"\b(?:the|this|that)\s+(?:[\w'’-]+\s+){0,2}?(?:strike|air\s?strike|"
                          r"raid|operation|attack|assault|bombing|bombardment|mission|"
                          r"offensive)s?\b[^.;]*$", re.IGNORECASE)


def _told_two_ways(g: Group, a: Group) -> bool:
    """Two violent types that are one act told two ways: a strike and the firefight it
    turned into, a raid and the tally of its dead. The later telling (g) names no attacker
    of its own, or only one on the same side with no country ("the military"), and says
    which act it tells: the same toll of two or more, or a definite act noun as or before
    its event word, and names no month (a time of its own)
    ("the operation turned into a fierce firefight in which six were killed", "The raid
    turned into a firefight")."""
    x, y = g.value("actor1"), a.value("actor1")
    if x is not None and not (y is not None and _side(x) is not None and
                              _side(x) == _side(y) and not _country(x)):
        return False
    h = g.head
    if _MONTH.search(h.sentence.text):
        return False  # "At the start of February, a ground raid killed ...": a time of its own
    tolls = _toll(g, "killed"), _toll(a, "killed")
    if tolls[0] is not None and tolls[1] is not None and (tolls[0][0] or 0) > 1 and \
            _ranges_meet(tolls[0], tolls[1]):
        return True  # one dead, often named, is as often another targeted killing
    before = h.sentence.text[:h.trigger.start - h.sentence.start]
    if h.anaphoric or (_EVENT_NOUN.search(h.trigger.text) and _DEFINITE.search(before)):
        return True  # "The raid turned into a firefight that left three dead"
    return bool(_ACT_TOLD_OF.search(before))


#: how many days after an event it may be told of ("said on Wednesday" of Monday's strike)
TOLD_WITHIN_DAYS = 2


def _group_date(doc: Doc, g: Group) -> tuple[str | None, str | None, bool]:
    """The group's date, low and high, and whether it is only the day the event was told
    of (`telling_day`): the first date the article gives the event itself, else the first
    day it was told of."""
    dated = [f for f in g.frames if f.date_low is not None]
    own = next((f for f in dated if not telling_day(doc, f)), None)
    f = own or (dated[0] if dated else None)
    if f is None:
        return None, None, False
    return f.date_low, f.date_high or f.date_low, own is None


def _days_between(low: str, high: str) -> int:
    return (dt.date.fromisoformat(high) - dt.date.fromisoformat(low)).days


def _told_after(told: tuple[str, str], done: tuple[str, str]) -> bool:
    """Whether an event done within `done` can have been told of within `told`: on the same
    days or up to TOLD_WITHIN_DAYS later."""
    lo = dt.date.fromisoformat(told[0]) - dt.timedelta(days=TOLD_WITHIN_DAYS)
    return done[0] <= told[1] and lo.isoformat() <= done[1]


def _dates_meet(doc: Doc, g: Group, a: Group) -> bool:
    """Whether the two groups' dates can be one event's: they overlap, or one is only the
    day the event was told of ("Hegseth said on Wednesday that ...") and the other's day,
    the event's own ("the strike happened late Tuesday"), comes on it or shortly before."""
    lo, hi, soft = _group_date(doc, g)
    alo, ahi, asoft = _group_date(doc, a)
    if lo is None or alo is None or hi is None or ahi is None:
        return True
    if not (hi < alo or ahi < lo):
        return True
    if _one_night(g, a):
        return True
    if soft != asoft:
        told, done = ((lo, hi), (alo, ahi)) if soft else ((alo, ahi), (lo, hi))
        return _told_after(told, done)
    return False


def _told_apart(doc: Doc, g: Group, a: Group) -> bool:
    """Whether the groups' dates meet only as a telling and the day told of."""
    lo, hi, _ = _group_date(doc, g)
    alo, ahi, _ = _group_date(doc, a)
    return None not in (lo, hi, alo, ahi) and \
        (hi < alo or ahi < lo)  # type: ignore[operator]


# a definite noun phrase up to the event word: "the U.S. military strike", "this attack"
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:[\w.'’-]+\s+){0,3}$", re.IGNORECASE)


def _sites(f: Frame) -> set[str]:
    """The kinds of site the frame's sentence names (coref.SITE)."""
    return {m.lower() for m in SITE.findall(f.sentence.text)}


def _agree(g: Group, a: Group) -> bool:
    """Something beyond kind and attacker says g tells a's event: g refers back to it ("the
    late Sunday strike", "died in the U.S. military strike"), both heads name the same kind
    of site ("drones hit a crowded market", "drones struck the al-Safiya market"), or both
    name the same place, or both the same toll."""
    h = g.head
    if h.anaphoric or (_EVENT_NOUN.search(h.trigger.text) and _DEFINITE.search(
            h.sentence.text[:h.trigger.start - h.sentence.start])):
        return True
    if _sites(h) & _sites(a.head):
        return True
    p, q = g.value("place"), a.value("place")
    if p is not None and q is not None and (
            getattr(p, "name", None) == getattr(q, "name", None) or
            getattr(p, "admin1", None) and getattr(p, "admin1", None) == getattr(q, "admin1",
                                                                                None)):
        return True
    x, y = _toll(g, "killed"), _toll(a, "killed")
    return x is not None and y is not None and _ranges_meet(x, y)


def _own_dates(doc: Doc, g: Group) -> None:
    """Where the article gives the event a date of its own, the day it was told of is no
    date of the event: "Hegseth said on Wednesday that two died ... The strike happened
    late Tuesday" is Tuesday's strike, dated by its own words."""
    own = [f for f in g.frames if f.date_low is not None and not telling_day(doc, f)]
    if not own:
        return
    done = (own[0].date_low or "", own[0].date_high or own[0].date_low or "")
    if _days_between(*done) > TOLD_WITHIN_DAYS:
        return  # "earlier this year" says less than "said on Monday"
    for f in g.frames:
        if f.date_low is not None and f not in own and \
                _told_after((f.date_low, f.date_high or f.date_low), done):
            f.date_low = f.date_high = None
            f.time_precision = None
            f.prov.pop("date", None)


def _same_event(doc: Doc, g: Group, a: Group, two_ways: bool = False) -> bool:
    """Whether the anchored group g (told after a) can be a retelling of a's event: same
    kind, status and type, no date, place, party or toll that disagrees, and no word of its
    own that sets it apart ("another strike", "a second raid")."""
    if a.head.kind != "event" or not _retells(g, a, two_ways=two_ways) or _distinct(doc, g):
        return False
    if any(f.sentence is x.sentence for f in g.frames for x in a.frames):
        return False  # two events told in one sentence stay two
    if not _dates_meet(doc, g, a) or (_told_apart(doc, g, a) and not _agree(g, a)):
        return False
    lo, alo = g.value("date_low"), a.value("date_low")
    if _days_differ(doc, g, a) or _weekday_and_month_day(doc, g, a) or \
            _CAMPAIGN.search(g.head.trigger.text):
        return False
    if alo is None and told_by_relative_day(a.head) and lo is not None and \
            all(year_named(f) for f in g.frames if f.date_low is not None):
        return False  # news told by weekday on an undated page, and an event of a named year
    if g.head.anaphoric and g.head.trigger.text.lower() == "fighting" and \
            a.value("event_type") != g.value("event_type"):
        return False  # "the fighting has cost 200 lives": the war, not the strike told
    if _places_differ(_own_place(g, a), _own_place(a, g)) or _seas_differ(g, a):
        return False
    if _several(g) and not _verb_told(a.head, lo, alo) and not _day_and_spot_agree(g, a) and \
            not _undated_verb(a):
        return False
    return not _tolls_clash(g, a)


def _merge(target: Group, g: Group) -> None:
    target.frames.extend(g.frames)
    target.frames[1:] = sorted(target.frames[1:], key=lambda f: f.start)
    target.quotes.extend(g.quotes)


def _items_in_place(doc: Doc) -> None:
    """"Eight were killed in the eastern Pacific ... three on the first boat, two on the
    second": strikes told by rank lie where the day's total they add up to says."""
    for f in doc.frames:
        t = f.total
        if f.list_item and f.place is None and t is not None and t.place is not None:
            f.place = t.place
            for span in t.prov.get("place", []):
                f.cite("place", *span)


@component("assemble",
           requires=("doc.groups", "frame.kind", "frame.status", "frame.background",
                     "frame.date_low", "frame.date_high", "frame.place", "frame.counts",
                     "frame.actor1", "frame.actor2", "frame.event_type", "frame.total",
                     "frame.seas", "frame.period_low", "frame.since_read", "frame.list_item",
                     "frame.domain", "frame.target_kind", "frame.antecedent"),
           assigns=("doc.groups", "frame.place", "frame.date_low", "frame.date_high",
                    "frame.time_precision", "frame.date_told"))
def assemble(doc: Doc) -> None:
    """Elaborations join the event they elaborate; bare generic plurals are dropped."""
    _items_in_place(doc)
    keep = join_elaborations(doc)
    groups = [g for g in _retellings(doc, keep)
              if not _kind_of_act(doc, g) and not _campaign_discussed(g)]
    groups = _join_restatements(doc, _join_counted_retellings(doc, groups))
    groups = _join_lone_tolls(doc, _join_dated_referent(doc, groups))
    doc.groups = _join_denied_claim(doc, [g for g in groups if not _reference_only(doc, g)])
    for i, g in enumerate(doc.groups):
        _own_dates(doc, g)
        date_by_telling(g)
        if _follow_up(doc, g) or _topic_of_talk(doc, g) or _answered_only(g, doc.groups) or \
                _month_named(g, doc.groups[:i]) or \
                _reacted_to(doc, g) or _summed_up(doc, g, doc.groups[:i]) or \
                _dated_from(g, doc.groups[:i]):
            for f in g.frames:
                f.background = True
    recalled_without_day(doc, doc.groups, _violent_occurred)
    _history_story(doc)
    _retrospective(doc)
    _another_year(doc)
    _commentary(doc)
    _debunked_claims(doc)


def date_by_telling(g: Group) -> None:
    """An occurred event no sentence gives a day of its own takes the day it was told on
    (`Frame.told_read`: "On Wednesday an official said 46 people had been killed in
    airstrikes", "Los militares informaron el lunes de la muerte de dos personas en otro
    ataque") as a told day (`Frame.date_told`): it bounds the event from above. Read after
    coreference, so that the day a statement came out never keeps two tellings of one act
    apart, nor takes the place of a day the event is given elsewhere."""
    if g.dated() is not None or g.head.kind != "event" or g.head.status != "occurred":
        return
    f = next((f for f in g.frames if f.told_read is not None), None)
    if f is None or f.told_read is None:
        return
    r = f.told_read
    f.date_low, f.date_high, f.time_precision = r.low, r.high, r.precision
    f.date_told = True
    f.cite("date", r.start, r.end)


def _told_words(f: Frame) -> tuple[str, int]:
    """The frame's sentence, spaced as one line, and where its event word stands in it."""
    return " ".join(f.sentence.text.split()), f.trigger.start - f.sentence.start


#: the fewest characters a cut-off telling must keep to count as the same sentence
CUT_TELLING_CHARS = 60


def _cut_telling(first: dict[tuple[str, int], Group], told: tuple[str, int]) -> Group | None:
    """The group of a sentence told before that this one cuts off or completes, its event
    word at the same place: a standfirst that repeats the lede up to where the page cut it
    ("… carried out a drone attack on a port facility last week", then the lede with its
    "…, though the government has not commented.")."""
    words, at = told
    for (other, other_at), g in first.items():
        if other_at != at or other == words:
            continue
        short, long_ = sorted((words, other), key=len)
        if len(short) >= CUT_TELLING_CHARS and long_.startswith(short.rstrip(" .…")):
            return g
    return None


def _join_repeated(groups: list[Group]) -> list[Group]:
    """A page that prints a paragraph twice (a mirror repeating its lede under the photo)
    tells its event once: a group whose head is an event word in a sentence told word for
    word before, at the same place in it, joins the group that holds the first telling; so
    does one whose sentence is the earlier one cut off, or the whole of an earlier cut-off
    one (`_cut_telling`)."""
    first: dict[tuple[str, int], Group] = {}
    out: list[Group] = []
    for g in groups:
        told = _told_words(g.head)
        earlier = first.get(told)
        if earlier is None and g.head.kind == "event":
            earlier = _cut_telling(first, told)
            if earlier is not None and len(told[0]) > len(_told_words(earlier.head)[0]):
                # the whole telling leads, not the teaser the page cut off
                earlier.frames.insert(0, g.frames.pop(0))
        if earlier is not None:
            _merge(earlier, g)
            g = earlier
        else:
            out.append(g)
        for f in g.frames:
            first.setdefault(_told_words(f), g)
    return out


def join_elaborations(doc: Doc, own: re.Pattern[str] = _OWN,
                      generic: Callable[[Frame], bool] = _generic_plural) -> list[Group]:
    """The article's groups with its elaborations joined: an occurred event that tells
    nothing of its own (not `anchored`: no date, place, toll, figure, day or "another" in
    `own`, the words of the article's language) joins the nearest anchored event it can
    tell (`_joins`: kind, status, type, sea and parties agree), preferring the one told
    before it. With none to join, an event told only in `generic` plurals (the language's
    "the strikes have drawn criticism") or one with no party named is context, not an
    incident, and is dropped. A paragraph the page prints twice tells its event once
    (`_join_repeated`). Every reader's assembly starts here; only `own` and `generic` read a
    language's words."""
    doc.groups = _join_repeated(doc.groups)
    keep: list[Group] = []
    for i, g in enumerate(doc.groups):
        if g.head.kind != "event" or g.head.status != "occurred" or anchored(doc, g, own):
            keep.append(g)
            continue
        cands = [a for a in doc.groups if a is not g and a.head.kind == "event" and
                 anchored(doc, a, own) and _joins(g, a)]
        if cands:
            before = [a for a in cands if doc.groups.index(a) < i]
            _merge(before[-1] if before else cands[0], g)
            continue
        if all(generic(f) for f in g.frames) or _no_party(g):
            continue
        keep.append(g)
    return keep


# gerunds of an event verb: "must stop striking boats", "the bombing of ports goes on"
_GERUND = re.compile(r"^(?:striking|bombing|shelling|raiding|attacking)$", re.IGNORECASE)
# a campaign, a war or a state of fighting is many acts: "as part of Washington's
# counterterrorism campaign", "the cross-border fighting", "an all-out offensive"
_CAMPAIGN_WORD = re.compile(r"^(?:campaign|offensive|war|conflict|fighting|hostilities|"
                            r"crackdown)$", re.IGNORECASE)


def _kind_of_act(doc: Doc, g: Group) -> bool:
    """An occurred incident told only in plurals, gerunds or as a campaign or war ("an
    investigation into military strikes on boats", "must stop striking boats", "its strikes
    on smuggling boats", "air raids as part of its counterterrorism campaign", "the
    cross-border fighting"), with
    no toll, no number of strikes and no day of its own, speaks of a campaign or a kind of
    act: it is no incident."""
    h = g.head
    if h.kind != "event" or h.status != "occurred":
        return False
    if also_elsewhere(doc.text, h):
        return False  # "Israel also hit targets in Daraa province": one more act, told
    if not all(_ACTS.search(f.trigger.text) or _GERUND.match(f.trigger.text) or
               _CAMPAIGN_WORD.match(f.trigger.text) or f.trigger.strength == "weak"
               for f in g.frames):
        return False
    if any(k in f.counts for f in g.frames for k in _TOLLS_STRIKES) and \
            not _campaign_toll(g):
        return False
    # a campaign launched is no act done ("launched an all-out offensive"), and one
    # restarted on a day is still a campaign ("restarted its offensive on March 18"); a
    # campaign launched on a day of its own is news and stays
    acts = [f for f in g.frames if not _LAUNCHED.match(f.trigger.text)]
    # (acts done since a start up to now are the campaign to date: `_done_to_date`)
    if any(_DONE.search(f.sentence.text[:f.trigger.start - f.sentence.start][-50:])
           for f in acts if not _done_to_date(f)):
        return False  # "carried out lethal strikes on three vessels", "a wave of strikes"
    if any(_IMPACT_AFTER.match(f.sentence.text, f.trigger.end - f.sentence.start)
           for f in g.frames):
        return False  # "other strikes hit the mountains to the north": acts told
    # a day of its own, or history placed in a year ("killed by Israeli forces in 1997")
    return not any(f.date_low is not None and (f.time_precision == 1 or (
        f.background and f.trigger.text.lower() in ("killed", "died") and year_named(f)))
        for f in g.frames if not _restarted(f))


# a campaign or war as a whole (not "fighting" or "hostilities", which may be one battle:
# "fighting around the town killed 40 soldiers")
_WHOLE_CAMPAIGN = re.compile(r"^(?:campaign|offensive|war|conflict|crackdown)$", re.IGNORECASE)


def _campaign_toll(g: Group) -> bool:
    """A campaign or war word that heads the group, every other telling a campaign word or a
    casualty word only ("Trump's Caribbean offensive ... The death toll stands at 33 or
    more", "since the military offensive began ... its assault ... killed dozens"): the
    dead are the campaign's, counted over its course, and no act of its own is told."""
    return bool(_WHOLE_CAMPAIGN.match(g.head.trigger.text)) and all(
        _WHOLE_CAMPAIGN.match(f.trigger.text) or
        (f.trigger.strength == "weak" and not _ACTS.search(f.trigger.text) and
         f.date_low is None)
        for f in g.frames)


# a present perfect before the event word ("have, since September, carried out") and a
# start the acts are counted from ("since September", "since the campaign began")
_HAVE_DONE = re.compile(r"\b(?:has|have|'ve)\b[^.;:]{0,90}$", re.IGNORECASE)
_SINCE_START = re.compile(r"\bsince\s+(?!then\b|the\s+(?:strike|attack|raid)\b)\w",
                          re.IGNORECASE)


def _done_to_date(f: Frame) -> bool:
    """Acts told as done up to now since a start ("US forces have, since September, carried
    out a series of strikes", "have conducted raids on the coast since the spring"): a
    campaign to date, whatever verb of doing carries it, not acts of one day."""
    s = f.sentence
    at = f.trigger.start - s.start
    return bool(_HAVE_DONE.search(s.text[:at])) and bool(_SINCE_START.search(s.text))


# what is launched or taken up again as a whole (not "fighting", which may be one battle)
_LAUNCHED = re.compile(r"^(?:campaign|offensive|crackdown|war)$", re.IGNORECASE)
# a campaign taken up again: "restarted its offensive", "resumed the air campaign"
_RESTARTED = re.compile(r"\b(?:re-?start|resum|renew|relaunch|re-launch)\w*\s+(?:[\w'’-]+\s+)"
                        r"{0,3}$", re.IGNORECASE)


def _restarted(f: Frame) -> bool:
    """A campaign word told as taken up again: the day names when, not an act of it."""
    return bool(_LAUNCHED.match(f.trigger.text)) and bool(_RESTARTED.search(
        f.sentence.text[:f.trigger.start - f.sentence.start][-60:]))


# a verb of impact right after the plural: "other strikes hit the province"
# ("airstrikes have reportedly hit Hodeidah": a perfect and an adverb between)
_IMPACT_AFTER = re.compile(r"\s+(?:(?:also|later|have|has|had|reportedly|then|again)\s+){0,3}"
                           r"(?:hit|struck|destroyed|pounded|levell?ed|flattened|sank|"
                           r"razed|bombarded|targeted)\b", re.IGNORECASE)



# acts done or counted, told just before a plural event word
_DONE = re.compile(r"(?:\b(?:carried out|conducted|launched|mounted|unleashed)\b|"
                   + _FIGURE.pattern + r")[^.;:]{0,40}$", re.IGNORECASE)


def _retellings(doc: Doc, groups: list[Group]) -> list[Group]:
    """An anchored occurred event told again later in the article ("the car was travelling
    between two villages when it was struck") joins the event it retells when exactly one
    event told before it could be that event; a reference to one ("the Taliban condemned the
    U.S. strike", "Wednesday's strike showed ...", "It is the first U.S. strike known to ...")
    joins the latest event before it that it can be, whoever its sentence names."""
    keep: list[Group] = []
    for g in groups:
        h = g.head
        if h.kind == "event" and h.status == "occurred":
            cands = [a for a in keep if a.head.status == "occurred" and _same_event(doc, g, a)]
            if not cands:  # none told as the same type: one told another way (_told_two_ways)
                cands = [a for a in keep if a.head.status == "occurred" and
                         _same_event(doc, g, a, two_ways=True)]
            if len(cands) > 1:
                cands = _closest(g, cands)
            if len(cands) == 1:
                _merge(cands[0], g)
                continue
            if _refers(h):
                prior = [a for a in keep if _referent(doc, g, a)]
                if any(not a.head.antecedent for a in prior):
                    # not the act the event was told to have come after or answered
                    prior = [a for a in prior if not a.head.antecedent]
                if prior:
                    # the event of the day it names ("Saturday's strike"), else the latest
                    days = _days_named(doc, g)[0]
                    same_day = [a for a in prior if days & _days_named(doc, a)[0]]
                    _merge((same_day or prior)[-1], g)
                    continue
            if h.anaphoric and _ACTS.search(h.trigger.text) and not h.counts:
                # "The US hit two vessels on Sunday, and six died. ... The strikes, in
                # international waters, ...": a plural reference to the day's strikes told
                # together before it
                tallies = [a for a in keep if a.head.kind == "tally" and _referent(doc, g, a)]
                if tallies:
                    _merge(tallies[-1], g)
                    continue
        keep.append(g)
    return keep


#: places too wide to tell one strike from another of the same article
_WIDE_PLACES = frozenset({"country", "sea", "admin area"})
#: the fewest facts a retelling must share with one of several events to be its
CLOSEST_FACTS = 2


def _facts_shared(g: Group, a: Group) -> int:
    """How many of the event's own facts g tells as a does: the same toll, the same town or
    district (a country, province or sea is shared by most strikes of an article), the same
    kind of target, the same day."""
    shared = 0
    x, y = _toll(g, "killed"), _toll(a, "killed")
    shared += x is not None and y is not None and x == y
    p, q = g.value("place"), a.value("place")
    shared += p is not None and q is not None and \
        getattr(p, "kind", None) not in _WIDE_PLACES and \
        getattr(p, "name", None) == getattr(q, "name", None)
    t, at = g.value("target_kind"), a.value("target_kind")
    shared += t is not None and t == at
    d, ad = g.value("date_low"), a.value("date_low")
    shared += d is not None and d == ad and g.value("date_high") == a.value("date_high")
    return shared


def _closest(g: Group, cands: list[Group]) -> list[Group]:
    """Of several events told before that g could retell, the one that shares more of its
    own facts (toll, place, target, day) than any other, and at least CLOSEST_FACTS: "A
    drone strike on a van near Marjayoun killed two on Tuesday. Jets hit a depot near
    Baalbek on Tuesday, killing two. Two were killed on Tuesday when a strike hit a van in
    the south" retells the van's strike. With no such one (two strikes told alike) all stay
    candidates and g stays its own."""
    scored = sorted(((_facts_shared(g, a), a) for a in cands), key=lambda x: -x[0])
    best, runner = scored[0][0], scored[1][0]
    return [scored[0][1]] if best > runner and best >= CLOSEST_FACTS else cands


#: the most strikes a report counts in one raid on one place ("the base was hit by three
#: drone strikes", "over 10 airstrikes hit the port"); a larger count is a campaign's
RAID_STRIKES = 12
# who fights: an attacker of these types names forces; a country named as a state is as
# often the partner, the place or the announcer ("at the Federal Government of Somalia's
# request", "Mali's army has said nothing")
_FORCES = frozenset({"military", "non_state"})


def _attackers_clash(x: object, y: object) -> bool:
    """Two attackers that cannot be one party: other sides, or two countries' forces."""
    sx, sy = _side(x), _side(y)
    if sx and sy and sx != sy:
        return True
    cx, cy = _country(x), _country(y)
    return bool(cx and cy and cx != cy and getattr(x, "type", None) in _FORCES and
                getattr(y, "type", None) in _FORCES)


def _at_sea(g: Group) -> bool:
    """Whether the group tells an act at sea, where every boat hit is an incident of its own."""
    return any(f.seas or f.domain == "sea" or f.target_kind == "vessel" or
               getattr(f.place, "kind", None) == "sea" for f in g.frames)


def _news_act(g: Group) -> bool:
    """An occurred, violent (or untyped) event or tally told as news, not as history."""
    h = g.head
    return h.status == "occurred" and not h.background and g.value("action") is None and \
        g.value("event_type") in _VIOLENT_NONE


def _can_be_one(doc: Doc, g: Group, a: Group) -> bool:
    """Nothing the two groups tell keeps them apart: attacker, place, sea, day and tolls,
    nor the sentence (two acts one sentence tells are two: "a strike on Houla killed two
    and a drone attack on Khiam killed two")."""
    if _attackers_clash(g.value("actor1"), a.value("actor1")):
        return False
    if any(f.sentence is x.sentence for f in g.frames for x in a.frames):
        return False
    if _places_differ(_own_place(g, a), _own_place(a, g)) or _seas_differ(g, a):
        return False
    if not _dates_meet(doc, g, a) or _days_differ(doc, g, a):
        return False
    return not _tolls_clash(g, a)


# a figure of acts: "three drone strikes", "over 10 airstrikes" (not "two cars", not
# "several strikes", which say how many targets or how vague)
_COUNTED_ACTS = re.compile(r"(?:strikes|airstrikes|raids|attacks|bombings)$", re.IGNORECASE)


def _shares_where_or_who(g: Group, a: Group) -> bool:
    """Something both groups name: the country they place the act in, or the attacker's."""
    for name in ("place", "actor1"):
        x, y = _country(g.value(name)), _country(a.value(name))
        if x and x == y:
            return True
    return False


def _raid_counted(doc: Doc, g: Group) -> bool:
    """A tally that counts the strikes of one raid ("the former U.N. base was hit by three
    drone strikes"): a few strikes, no period, nothing since, not at sea, no campaign."""
    h = g.head
    if h.kind != "tally" or not _news_act(g) or _at_sea(g) or _CAMPAIGN.search(h.trigger.text):
        return False
    if any(f.period_low is not None or f.since_read is not None for f in g.frames):
        return False
    strikes = _toll(g, "strikes")
    if strikes is None or strikes[0] is None or not 2 <= strikes[0] <= RAID_STRIKES or \
            (strikes[1] is not None and strikes[1] > RAID_STRIKES):
        return False
    f = next(f for f in g.frames if "strikes" in f.counts)
    said = doc.text[slice(*f.prov["strikes"][0])].lower() if f.prov.get("strikes") else ""
    return not said.startswith(tuple(VAGUE)) and bool(_COUNTED_ACTS.search(said))


def _toll_told_again(doc: Doc, g: Group) -> tuple[int | None, int | None] | None:
    """The toll of a group that tells nothing of its own but that toll ("All 6 died",
    "al-Zawahri was the only one killed by the strikes"): no date, no strike count, no
    period, nothing that sets it apart, no strike of a told list; else None."""
    killed = _toll(g, "killed")
    if not _news_act(g) or killed is None or not killed[0]:
        return None
    if not _undated(doc, g) or _distinct(doc, g) or _toll(g, "strikes") is not None:
        return None
    if any(f.period_low is not None or f.list_item for f in g.frames):
        return None
    return killed


def _lone_toll(doc: Doc, g: Group) -> bool:
    """A toll told by a lone casualty word with nothing else of its own ("Medics said 17
    people had died", "Officials later counted 15 dead"): an occurred event, no act word, no
    day, no strike count or period, no attacker of its own ("Coalition drones have killed
    four": an act told with its agent), nothing that sets it apart but "later"."""
    if g.head.kind != "event" or not _violent_occurred(g) or not _casualties_only(g):
        return False
    if g.value("actor1") is not None:
        return False
    if _toll(g, "killed") is None or _toll(g, "strikes") is not None or not _undated(doc, g):
        return False
    if any(f.period_low is not None or f.list_item or f.more for f in g.frames):
        return False
    h = g.head
    return not any(m.group().lower() != "later" for m in _DISTINCT.finditer(
        doc.text, h.start, min(h.end, h.trigger.end + 20)))


def _join_lone_tolls(doc: Doc, groups: list[Group]) -> list[Group]:
    """A lone toll (`_lone_toll`) in an article that tells one act is that act's toll told
    again, by another source or later, whatever its figure ("killing at least 12 ... Medics
    said 17 had died": the mention widens to 12..17, as two reports of one strike do; "the
    death toll rose to nine" revises it). Where the article tells two acts or more it stays
    its own: which act it counts is not said."""
    acts = [a for a in groups if _violent_occurred(a) and not _casualties_only(a)]
    if len(acts) != 1:
        return groups
    (act,) = acts
    out = list(groups)
    for g in groups:
        if g is act or out.index(g) < out.index(act) or not _lone_toll(doc, g):
            continue
        if _attackers_clash(g.value("actor1"), act.value("actor1")) or \
                _places_differ(_own_place(g, act), _own_place(act, g)) or \
                _seas_differ(g, act) or any(f.sentence is x.sentence for f in g.frames
                                            for x in act.frames):
            continue
        _merge(act, g)
        out.remove(g)
    return out


def _casualties_only(g: Group) -> bool:
    """Whether every event word of the group is a lone casualty word ("died", "killed"),
    told with no act of its own."""
    return all(f.trigger.strength == "weak" for f in g.frames)


def _tells_toll(g: Group, toll: tuple[int | None, int | None]) -> bool:
    """Whether every toll the group tells has that low ("at least six", "six")."""
    told = [f.counts["killed"] for f in g.frames if "killed" in f.counts]
    return bool(told) and all(t[0] == toll[0] for t in told)


def _join_counted_retellings(doc: Doc, groups: list[Group]) -> list[Group]:
    """One strike told twice where one telling is counted, not told: "Drone strikes around
    Kidal killed at least 12 civilians. ... 'The base was hit by three drone strikes,' he said"
    (a raid's strikes counted: the tally joins the one event of the article it can be, off
    the sea, where each boat is an incident); "the U.S. military hit two boats, killing all
    six on board. ... All 6 died." (the same toll told again with nothing of its own: it joins
    the one group told before it with that toll, event or tally)."""
    out = list(groups)
    for g in groups:
        if g not in out:
            continue
        if _raid_counted(doc, g):
            # the one strike the article reports, else the one that shares where or who
            events = [a for a in out if a is not g and a.head.kind == "event" and
                      _news_act(a) and not _at_sea(a)]
            if len(events) > 1:
                events = [a for a in events if _shares_where_or_who(g, a)]
            cands = [a for a in events if _can_be_one(doc, g, a)]
        elif (killed := _toll_told_again(doc, g)) is not None:
            # an act told with an event word of its own stays an incident: only a lone
            # casualty word ("All 6 died") restating a tally's total joins the tally
            cands = [a for a in out[:out.index(g)] if _news_act(a) and
                     (a.head.kind == "event" or _casualties_only(g)) and
                     _tells_toll(a, killed) and _can_be_one(doc, g, a)]
        else:
            continue
        if len(cands) == 1:
            _merge(cands[0], g)
            out.remove(g)
    return out


def _join_restatements(doc: Doc, groups: list[Group]) -> list[Group]:
    """An occurred event told on a caption or an embedded post (`is_restatement`: "Hegseth
    has announced one more deadly US strike on a Caribbean boat. © ... / AFP", "BREAKING:
    Trump says 11 ... killed as US military hits boat off Venezuela pic.twitter.com/...")
    shows the news the article tells: it joins the one event of the article's prose it can
    be (`_retells`, `_can_be_one`: attacker, place, sea, day and toll agree), whatever
    "one more" or "today" its own words say. A picture of another day (a caption's earlier
    strike) can be none of them and stays its own, and so does a post that tells several
    acts ("strikes on three boats"): how many strikes a day held is not decided here."""
    out = list(groups)
    for g in groups:
        h = g.head
        if h.kind != "event" or h.status != "occurred" or _several(g) or \
                not is_restatement(doc.text, h.trigger.start, h.trigger.end):
            continue  # (several acts, "strikes on three boats", are the day's to count)
        cands = [a for a in out if a is not g and a.head.kind == "event" and
                 a.head.status == "occurred" and
                 not is_restatement(doc.text, a.head.trigger.start, a.head.trigger.end) and
                 _retells(g, a) and _can_be_one(doc, g, a)]
        if len(cands) == 1:
            _merge(cands[0], g)
            out.remove(g)
    return out


# words before an event word that make it a reference to an event told before: a reaction
# or report of it ("condemned the U.S. strike", "confirmed Monday's strike"), a predicate
# ("It is the first U.S. strike known to ..."), a day's event ("Wednesday's strike showed")
_REFERENCE = re.compile(
    r"(?:\b(?:condemn|denounc|describ|criticiz|criticis|welcom|prais|hail|defend|justif|"
    r"question|confirm|announc|investigat|acknowledg)\w*\s+(?:[\w'’.-]+\s+){0,3}|"
    r"(?:^\W*|\b(?:said|says|added|noted)\s+(?:that\s+)?)"
    r"(?:it|this|that)\s+(?:is|was|marks|marked|became)\s+(?:[\w'’.-]+\s+){0,4}|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day's\s+(?:[\w-]+\s+){0,2})$", re.IGNORECASE)


# an indefinite that tells one more act: "another attack", "a fresh raid", "a separate
# strike" (not "a second strike", which in a story of one strike's follow-up is that one:
# ranks are compared instead, `ranks_differ`)
_ONE_MORE = re.compile(r"\b(?:another|an?\s+(?:new|fresh|further|separate))\b", re.IGNORECASE)


def _refers(f: Frame) -> bool:
    """Whether the frame's event word refers to an event rather than telling one. A finding
    of none ("no civilians were killed or hurt in Monday's strike") is no toll of its own."""
    s = f.sentence
    before = s.text[:f.trigger.start - s.start][-70:]
    m = _REFERENCE.search(before)
    # "announced a second US strike", "confirmed another attack": one more act, told
    return f.kind == "event" and all(v == (0, 0) for v in f.counts.values()) and \
        m is not None and _ONE_MORE.search(before, m.start()) is None


def _referent(doc: Doc, g: Group, a: Group) -> bool:
    """Whether a (told before g) can be the event g refers to: an occurred incident of the
    same kind of act on no other day. Who the referring sentence names (the condemner, the
    announcer) and where it speaks from are not compared."""
    ah = a.head
    if ah.kind == "tally" and _day_of_strikes(a) and _ACTS.search(g.head.trigger.text):
        pass  # "the US hit two vessels on Sunday ... The strikes, in international waters"
    elif ah.kind != "event":
        return False
    if ah.status != "occurred" or ah.background != g.head.background:
        return False
    if _CAMPAIGN.search(ah.trigger.text) or ah.trigger.text.lower() == "fighting":
        return False  # a war or a campaign told as context is no event to refer to
    if _ACTS.search(g.head.trigger.text) and not _ACTS.search(ah.trigger.text) and \
            ah.kind != "tally":
        return False  # "described its raids": several acts do not refer to one
    t, at = g.value("event_type"), a.value("event_type")
    if t != at and not {t, at} <= {*_VIOLENT, None}:
        return False  # a reference to an attack never joins a designation
    if any(ranks_differ(a, f) for f in g.frames):
        return False  # "In its first strike ..." and "announced a second strike"
    return _dates_meet(doc, g, a) and not _days_differ(doc, g, a) and not _seas_differ(g, a)


def _day_of_strikes(a: Group) -> bool:
    """A tally of a day's few strikes ("hit two vessels on Sunday, and six died"), not of a
    campaign: no period, no since-phrase, at most `RAID_STRIKES` strikes counted. A plural
    reference told after it ("the strikes") refers to those strikes."""
    h = a.head
    n = h.counts.get("strikes")
    return h.period_low is None and h.since_read is None and \
        (n is None or (n[1] or n[0] or 0) <= RAID_STRIKES)


# words that tell when, read or not ("Oct. 3" where no year is known, "overnight")
# (a month's full name other than May, the verb, is a date word on its own)
_WHEN = re.compile(rf"\b(?:{DAY}|{MONTH_ABBRS})(?:\w*)?\b\.?\s*\d|"
                   rf"\b(?:{DAY}|yesterday|today|tonight|overnight|"
                   rf"{MONTH_NAMES.replace('|May|', '|')})\b", re.IGNORECASE)


# an event noun, what "the", "its", "such" refer back with ("the strike", "its raids"); a
# verb after a possessive ("its forces had captured") refers to no event
_EVENT_NOUN = re.compile(r"(?:strikes?|attacks?|raids?|bombings?|bombardments?|operations?|"
                         r"campaign|missions?|assaults?|incidents?|engagements?|shelling|"
                         r"offensive)$", re.IGNORECASE)


def _refers_back(f: Frame) -> bool:
    """Whether the frame's event word is a noun that refers back ("the operation")."""
    return f.anaphoric and bool(_EVENT_NOUN.search(f.trigger.text))


def _violent_occurred(g: Group) -> bool:
    """An occurred incident, not history, of a violent type or none yet (not a deployment,
    a designation or a protest)."""
    h = g.head
    return h.kind == "event" and h.status == "occurred" and not h.background and \
        g.value("action") is None and g.value("event_type") in _VIOLENT_NONE


def _undated(doc: Doc, g: Group) -> bool:
    """No date read for the group and no day or month named in its clauses."""
    return g.value("date_low") is None and not any(
        _WHEN.search(doc.text, f.start, f.end) for f in g.frames)


def _join_dated_referent(doc: Doc, groups: list[Group]) -> list[Group]:
    """An undated occurred group headed by a reference ("the much-criticised strike",
    "Bradley defended the strike"), with no toll of its own, is the one dated event of the
    article it can be, told before or after it, and even where that event is history
    recalled as context (a follow-up story's "the September 2 strike"): it joins that event
    when exactly one dated occurred event can be it."""
    out = list(groups)
    for g in groups:
        if not _violent_occurred(g) or not _refers_back(g.head) or not _undated(doc, g) or \
                any(k in f.counts for f in g.frames for k in _KILL_TOLLS):
            continue
        cands = [a for a in out if a is not g and a.head.kind == "event" and
                 a.head.status == "occurred" and a.value("date_low") is not None and
                 _retells(g, a, background=False) and not _several(g) and
                 not _places_differ(_own_place(g, a), _own_place(a, g)) and
                 not _seas_differ(g, a) and not _days_differ(doc, g, a) and
                 not any(f.sentence is x.sentence for f in g.frames for x in a.frames)]
        if len(cands) == 1:
            _merge(cands[0], g)
            out.remove(g)
    return out


def _join_denied_claim(doc: Doc, groups: list[Group]) -> list[Group]:
    """"US forces are challenging reports that an aircraft killed 11 civilians. ... Officials
    said 11 civilians died in a coalition air strike": an occurred strike with no day of its
    own, told after a denied one, with the same toll and nothing that sets it apart, is the
    claim the story disputes, told again by those who make it; it joins the denied event
    rather than stand as a strike the article reports."""
    out = list(groups)
    for g in groups:
        killed = _toll(g, "killed")
        if not _violent_occurred(g) or killed is None or killed[0] is None or _distinct(doc, g):
            continue
        low, _, told_only = _group_date(doc, g)
        if low is not None and not told_only:
            continue  # a day of its own ("said on Monday" is only when it was told)
        cands = [a for a in out[:out.index(g)] if a.head.kind == "event" and
                 a.head.status == "denied" and _toll(a, "killed") == killed and
                 a.value("event_type") in (g.value("event_type"), None) and
                 not _places_differ(_own_place(g, a), _own_place(a, g)) and
                 not _days_differ(doc, g, a)]
        if len(cands) == 1:
            # (what coreference joined to it from other sentences, "civilians died near
            # Ghazni last month", is told apart from the claim and stays apart)
            rest = [f for f in g.frames if f.sentence is not g.head.sentence]
            _merge(cands[0], Group(frames=[f for f in g.frames if f not in rest]))
            if rest:
                out[out.index(g)] = Group(frames=rest)
            else:
                out.remove(g)
    return out


# a present perfect: "have (also) bombed", "has hit back", "have repeatedly struck", "'ve
# fired", "have been carrying out" — what a party has done over time, up to now
_PERFECT = re.compile(r"\b(?:has|have|'ve)\s+(?:(?:[a-z]+ly|also|since|often|long|already|"
                      r"now|been)\s+){0,2}"
                      r"[a-z]+(?:ed|en|t|ng|ne|wn|ck|it)\b", re.IGNORECASE)
# one act named as one: "has struck a depot", "has carried out an airstrike"
_ONE_OBJECT = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:an?|one)\s", re.IGNORECASE)
_WHOLE_PLACES = frozenset({"country", "sea"})
# a perfect of saying tells when it was told, not what was done: "officials have said that"
_SAYING = re.compile(r"(?:said|told|reported|confirmed|claimed|stated|announced|warned|"
                     r"accused|denied|insisted|written|shown|alleged)$", re.IGNORECASE)


def _perfect_summary(f: Frame) -> bool:
    """The frame tells what a party has done over time: its sentence, up to the end of its
    clause, is in the present perfect, not one of saying ("The US and UK have also bombed
    Yemen", "Houthi attacks on ships ... have raised tensions", "Israel has hit back with
    strikes on Houthi-held areas"), and its act is not one act named as one ("has struck a
    depot", "an airstrike has killed")."""
    told = f.sentence.text[:f.end - f.sentence.start]
    at = f.trigger.start - f.sentence.start
    if not any(not _SAYING.match(m.group(0).split()[-1]) and _same_clause(told, m, at)
               for m in _PERFECT.finditer(told)):
        return False
    if _ONE_ACT_NOUN.search(f.trigger.text):
        return False
    return not _ONE_OBJECT.match(f.sentence.text, f.trigger.end - f.sentence.start)


# what ends a clause between a verb and an event word: a stop, or a word that opens another
# clause ("shortly before American warplanes bombed", "after", "when", "that")
_CLAUSE_BREAK = re.compile(r"[,;:(]|\b(?:before|after|when|while|as|since|because|that|which|"
                           r"who|until|and)\b", re.IGNORECASE)


def _same_clause(told: str, m: re.Match[str], at: int) -> bool:
    """The perfect m governs the event word at `at`: it comes right after it (the act its
    subject: "attacks on ships ... have raised") or before it with no clause between."""
    if m.start() >= at:
        return True
    return not _CLAUSE_BREAK.search(told, m.end(), at)


def _news_act_told(a: Group) -> bool:
    """An act the article tells as its news: an occurred incident, or one it reports and
    then takes back ("said no airstrikes had taken place": denied) — either way what
    follows in the perfect sums up what went before it."""
    h = a.head
    if h.status == "denied" and h.kind == "event" and not h.background:
        return a.value("event_type") in _VIOLENT_NONE
    return _violent_occurred(a)


def _summed_up(doc: Doc, g: Group, before: list[Group]) -> bool:
    """An occurred act told after the article's news, in the present perfect, with nothing
    of its own in any of its sentences — no toll, no number, no day, no place below a
    country — sums up what a party has done over time ("The US and UK have also bombed
    Houthi-held Yemen over attacks on shipping", "Since the war began they have fired
    missiles at Israel"): history recalled as context, not an incident. The news told
    first, a toll, a day or a town keep an act news ("Israel has struck a depot near
    Tyre")."""
    if not _violent_occurred(g) or g.head.kind != "event":
        return False
    if not any(_news_act_told(a) and a.head.start < g.head.start for a in before):
        return False  # the article's first act is its news
    if any(f.counts or f.time_precision == 1 for f in g.frames):
        return False
    if any(f.place is not None and getattr(f.place, "kind", None) not in _WHOLE_PLACES
           for f in g.frames):
        return False
    return all(_perfect_summary(f) for f in g.frames if f is g.head or not _refers_back(f))


def _reference_only(doc: Doc, g: Group) -> bool:
    """An occurred group every word of which refers back ("the operation", "the boat
    strikes", "the attacks"), with no date, day, month, place or figure of its own, that
    found nothing in the article to refer to: the article speaks of a campaign or an event
    its readers already know, and reports no incident."""
    if not _violent_occurred(g):
        return False
    if not all(_refers_back(f) for f in g.frames) or not _undated(doc, g):
        return False
    if g.value("place") is not None:
        return False  # "its raids on military sites in the west of Iran" tells where
    return not any(f.counts for f in g.frames)


# the event as the subject of a follow-up: an inquiry, a briefing or a hearing about it,
# someone standing by, defending, describing or apologising for it ("as Congress looks into
# an attack ...", "briefed the committees about the attack in which 11 died", "stood by the
# strike", "calling the strike an error", "video of the second strike")
_FOLLOW_UP = re.compile(
    r"\b(?:(?:look(?:s|ed|ing)?\s+into|inquir(?:y|ies)\s+into|investigat\w*(?:\s+into)?|"
    # lawmakers going over it: "examines an attack", "reviewing a raid", "scrutinising the"
    r"(?:re-?)?examin(?:e|es|ed|ing|ation\s+of)|review(?:s|ed|ing)?(?:\s+of)?|"
    r"scrutini[sz](?:e|es|ed|ing)|"
    r"probes?\s+(?:into|of)|briefed\b[^.;]{0,120}?\b(?:about|on)|briefings?\s+(?:about|on)|"
    r"hearings?\s+(?:on|about|into)|st(?:oo|a)d\s+by|stands\s+by|defend(?:s|ed|ing)?|"
    r"spea(?:ks?|king)\s+up\s+for|spoke\s+up\s+for|(?:video|footage)\s+of)\s+"
    r"(?:the|an?|its|this|that|their)|"
    # describing or calling an event told before, not one's own ("described its raids as")
    r"(?:describ(?:e|es|ed|ing)|call(?:s|ed|ing)?|apologi[sz](?:e|es|ed|ing)\s+for)\s+"
    r"(?:the|this|that))\s+"
    r"(?:[\w'’.-]+\s+){0,3}?(?:strikes?|attacks?|raids?|operations?|bombings?)\b",
    re.IGNORECASE)


# testimony to lawmakers: "A Navy admiral told lawmakers that ... before the military struck
# a boat a second time, members said after closed-door hearings", "testified about"
_TESTIMONY = re.compile(
    r"\b(?:testif(?:y|ies|ied|ying)|testimony|closed-door\s+(?:hearings?|briefings?|sessions?)|"
    r"classified\s+(?:hearings?|briefings?)|(?:told|briefed)\s+(?:lawmakers|legislators|senators|"
    r"(?:members\s+of\s+)?congress|the\s+(?:committee|panel)))\b", re.IGNORECASE)


def _answered_only(g: Group, groups: list[Group]) -> bool:
    """An act told only as what the news came after or answered ("in response to broad US
    airstrikes", "came after Monday's suicide assault, in which three died" on an undated
    page), with no day of its own and no other telling in the article but casualty words
    ("Three soldiers died in the blast"), is recalled as context (background), toll or
    not: the session-17 ruling wants a day of its own for a recall to be a report. One
    told with its day ("fired missiles at Israel on 1 October"), or with a toll and a day
    counted from the news ("seven days after"), stays an incident, and `recalled` gives
    back one whose month-day an undated page cannot place. The article's only act stays
    ("plans tougher action after a rocket attack killed one"): there is no other news."""
    if not _violent_occurred(g) or not g.head.antecedent or g.value("date_low") is not None:
        return False
    if not any(o is not g and _violent_occurred(o) and not o.head.antecedent for o in groups):
        return False
    if not all(f.antecedent or (f.trigger.strength == "weak" and
                                _HARM_ONLY.search(f.trigger.text) is not None)
               for f in g.frames):
        return False
    # a toll with a day counted from the news ("came one day after Israel's attack in
    # Qatar, in which airstrikes killed six"): a day of its own, relative; it stays
    return not any(k in f.counts for f in g.frames for k in TOLLS) or \
        not _COUNTED_OFFSET.search(g.head.sentence.text)


# a day counted from the news: "one day after", "seven days after", "two hours before"
# (not "a few hours before": no count)
_COUNTED_OFFSET = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:hours?|days?|"
    r"nights?|weeks?)\s+(?:after|before|earlier|later)\b", re.IGNORECASE)


# an event word that tells only harm ("died", "the dead", "were wounded"), no act
_HARM_ONLY = re.compile(r"kill|dead|death|died|wound|injur|perish", re.IGNORECASE)


# an act named by the month it fell in, another than the news: "in another October
# strike", "an earlier March raid" (not "the Sept. 2 strike": a day of its own)
_MONTH_NAMED = re.compile(rf"\b(?:another|an\s+earlier|a\s+previous|a\s+separate)\s+"
                          rf"(?:{MONTH_NAMES})\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _month_named(g: Group, before: list[Group]) -> bool:
    """An act named only as another act of a month ("In another October strike, near
    Mexico, ..."), told after the article's first act, with no day or toll of its own: a
    recall with no day (the session-17 ruling's background), not the page's news."""
    if not _violent_occurred(g) or g.value("date_low") is not None or \
            any(k in f.counts for f in g.frames for k in TOLLS) or \
            not any(_violent_occurred(a) and a.head.start < g.head.start for a in before):
        return False
    return all(_MONTH_NAMED.search(f.sentence.text[:f.trigger.start - f.sentence.start])
               for f in g.frames)


def _follow_up(doc: Doc, g: Group) -> bool:
    """An occurred event told only as what an inquiry, briefing, testimony or defence is
    about, with no date of its own and nothing before it to join, is recalled as context:
    the news is the follow-up (background), not a strike."""
    h = g.head
    if not _violent_occurred(g) or g.value("date_low") is not None:
        return False
    if _FOLLOW_UP.search(doc.text, h.start, h.trigger.end):
        return True
    # told in a sentence about testimony to lawmakers, with no toll of its own
    return not any(k in f.counts for f in g.frames for k in _KILL_TOLLS) and \
        bool(_TESTIMONY.search(h.sentence.text))


# the event as what people argue or ask about: "the debate about the Sept. 2 strike",
# "scrutiny over the order for that second attack", "questions about the raid", "the
# legality of the strikes"
_TALK = re.compile(
    r"\b(?:debat(?:e|es|ed|ing)|discussions?|questions?|questioned|asked|scrutiny|criticism|"
    r"speculation|"
    r"outcry|controversy|legality|lawfulness|legal\s+basis|justification)\s+"
    # when it was asked: "asked on Thursday (Jan 1) about"
    r"(?P<when>(?:on|last|this)\s+[\w'’.,()-]+\s+(?:\([\w\s.,]{1,20}\)\s+)?)?"
    r"(?:about|over|on|of|into|surrounding|for)\s+(?:[\w'’.,()-]+\s+){0,6}?"
    r"(?:strikes?|attacks?|raids?|operations?|bombings?)\b", re.IGNORECASE)


def _topic_of_talk(doc: Doc, g: Group) -> bool:
    """An occurred event told only as what a debate, a question or scrutiny is about, with
    no date of its own (the day it was asked or said is none: "Asked on Thursday (Jan 1)
    about a reported attack on a dock") and nothing before it to join, is an event the
    readers already know: recalled as context (background), like the subject of an inquiry
    (`_follow_up`)."""
    h = g.head
    if not _violent_occurred(g):
        return False
    if any(k in f.counts for f in g.frames for k in _KILL_TOLLS):
        return False  # a toll of its own: an event reported here
    s = h.sentence
    talk = _TALK.search(s.text, 0, h.trigger.end - s.start)
    if talk is None:
        return False
    asked = (s.start + talk.start("when"), s.start + talk.end("when"))  # when it was asked
    return not any(f.date_low is not None and not telling_day(doc, f) and
                   not _within(f.prov.get("date") or [], asked) for f in g.frames)


def _within(spans: list[tuple[int, int]], window: tuple[int, int]) -> bool:
    """The first span lies inside the window."""
    return bool(spans) and window[0] <= spans[0][0] and spans[0][1] <= window[1]


# what people do in answer to an act: "are raising the alarm", "condemned", "protested",
# "called for an inquiry" ...
_REACTION = re.compile(
    r"\b(?:(?:rais|sound)(?:e|es|ed|ing)\s+(?:the\s+|an?\s+)?alarms?|"
    r"condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|decr(?:y|ies|ied|ying)|"
    r"critici[sz](?:e|es|ed|ing)|protest(?:s|ed|ing)?|outcry|outrage|backlash|"
    r"call(?:s|ed|ing)?\s+for\s+(?:an?\s+)?(?:investigation|inquiry|probe|accountability))\b",
    re.IGNORECASE)
# ... the act they answer, told in a clause "after ..." just before its event word
_AFTER_ACT = re.compile(r"\bafter\s+(?:[\w.’'-]+\s+){0,5}$", re.IGNORECASE)
#: a reaction to an act that ended at least this many days before the page is the page's
#: news; the act is recounted (a reaction on the day after it is still that act's report)
REACTION_BACKGROUND_DAYS = 2


def _reacted_to(doc: Doc, g: Group) -> bool:
    """"Rights groups are raising the alarm after a strike last week destroyed a boat": a
    page whose news is a reaction to an act of days before recounts that act as context
    (background), as a coder codes an inquiry's subject (`_follow_up`). Only an act told as
    what the reaction came after, dated, and ended days before the page: "Villagers
    protested after a strike on Thursday killed four" in Thursday's or Friday's paper is
    that strike's report."""
    h = g.head
    high = g.value("date_high")
    if not _violent_occurred(g) or doc.published is None or high is None:
        return False
    if (doc.published - dt.date.fromisoformat(str(high))).days < REACTION_BACKGROUND_DAYS:
        return False
    s = h.sentence
    before = s.text[:h.trigger.start - s.start]
    after = _AFTER_ACT.search(before)
    return after is not None and bool(_REACTION.search(before, 0, after.start()))


# a preposition that places a later state of things after an act, with the act as its
# object: "intensified following a U.S. raid on the capital", "ever since the
# administration's raid that seized him", "in the wake of a commando raid", "has not
# stopped since Hezbollah's rocket attack" (the noun phrase up to the event word: words
# with no comma, no stop, no verb of its own)
_SINCE_ACT = re.compile(r"\S\s+(?:(?:ever\s+)?since|following|in\s+the\s+wake\s+of|"
                        r"on\s+the\s+heels\s+of)\s+(?:[\w.'’-]+\s+){0,5}$", re.IGNORECASE)


def _since_act(f: Frame) -> bool:
    """The frame's event word is the object of a preposition that dates the clause's own
    news from it ("operations intensified following a U.S. raid"), not opening its sentence
    ("Following the raid, ..." refers back to the act told)."""
    s = f.sentence
    return bool(_SINCE_ACT.search(s.text[:f.trigger.start - s.start]))


def _dated_from(g: Group, before: list[Group]) -> bool:
    """An act named only as the point the sentence's news runs from ("the pace of strikes
    rose following a U.S. raid on the capital", "the navy has focused on tankers ever since
    the administration's raid"), with no day, toll or count of its own, told after the
    article's first act: an earlier act recalled as context (background), like one the
    news answered (`_answered_only`). The article's first act is its news whatever its
    wording."""
    if not _violent_occurred(g) or g.head.kind != "event":
        return False
    if not any(_violent_occurred(a) and a.head.start < g.head.start for a in before):
        return False
    if g.value("date_low") is not None or any(f.counts for f in g.frames):
        return False
    return all(_since_act(f) for f in g.frames)


def _history_story(doc: Doc) -> None:
    """A dated page whose every dated strike is history recalled (a look back a year on, an
    opinion piece on an old strike) tells no new strike: its undated strikes with no day,
    month, place or toll of their own, only named by a noun or a gerund, are that history
    told on ("striking a second time is not a gray zone", "a textbook attack"), not news;
    so are undated tolls told with no event word of their own ("the rubble held 10 dead
    civilians") and references back ("calling the strike an error").
    (A report listing old strikes may tell others with a place, a toll or a verb of their
    own and no date: those stay incidents.)"""
    if doc.published is None:
        return
    dated = [g for g in doc.groups if g.head.kind == "event" and g.head.status == "occurred"
             and g.value("date_low") is not None]
    if not dated or not all(g.head.background for g in dated):
        return
    for g in doc.groups:
        if not _violent_occurred(g) or not _undated(doc, g):
            continue
        if (g.value("place") is None and
                not any(k in f.counts for f in g.frames for k in _KILL_TOLLS) and
                all(_named_not_told(f) for f in g.frames)) or \
                all(f.trigger.strength == "weak" or (_refers_back(f) and
                                                      not _ACTS.search(f.trigger.text))
                    for f in g.frames):
            # (a toll told with no event word of its own, "the rubble held 10 dead
            # civilians", "calling the strike an error", is that history's too; "the
            # strikes, which hit markets, killed 60" may be others the page reports)
            for f in g.frames:
                f.background = True


# the campaign's first strike named: "the first strike, on September 2", "the first vessel
# hit in the campaign", "this first and most disputed attack"
_CAMPAIGN_FIRST = re.compile(r"\b(?:the|this|its|their)\s+first\s+(?:and\s+(?:[\w-]+\s+){1,2})?"
                             r"(?:[\w-]+\s+){0,2}?(?:strike|attack|raid|"
                             r"(?:vessel|boat)\s+(?:hit|struck|targeted|attacked))\b",
                             re.IGNORECASE)
# ... unless it opens a day's series: "the first strike killed eight, the second four and the
# third three", "In the second a boat ..."
_SERIES = re.compile(r"\bthird\b|\bthe\s+second\b(?!\s+(?:[\w-]+\s+)?(?:strike|attack|raid)s?\b)",
                     re.IGNORECASE)
# a day told relative to the telling: what a news report dates its own strike by
_RELATIVE_DAY = re.compile(rf"\b(?:{DAY}|yesterday|today|"
                           r"tonight|overnight|last\s+night|this\s+(?:week|morning|weekend)|"
                           r"latest|newest|most\s+recent)\b", re.IGNORECASE)


def _retrospective(doc: Doc) -> None:
    """A page that names a campaign's first strike and tells nothing done on a day relative to
    itself ("on Tuesday", "overnight", "the latest strike") looks back on the campaign (an
    analysis of the first strike's legality, a summary of an opinion column): its undated
    strikes are that history told on, background, not news. (A news report of any strike,
    the first included, dates it by the days around the telling; a dated one is left to
    `_history_story` and the date rules. The first of a day's series, "the first strike killed
    eight, the second four", is no campaign's first.)"""
    strikes = [g for g in doc.groups if _violent_occurred(g)]
    if not strikes or any(g.value("date_low") is not None for g in strikes):
        return
    if not _CAMPAIGN_FIRST.search(doc.text) or _SERIES.search(doc.text):
        return
    for s in doc.sentences:
        if any(not day_of_telling(doc.text, s, s.start + m.start(), s.start + m.end())
               for m in _RELATIVE_DAY.finditer(s.text)):
            return  # something done on a day told relative to the page: news
    for g in strikes:
        for f in g.frames:
            f.background = True


def _another_year(doc: Doc) -> None:
    """A page with no date of its own that tells its news by weekday ("struck on Tuesday
    night") and names a year only for another event ("the attacks of Sept. 11, 2001",
    "killed by Israeli forces in 1997") recalls that event as history: news copy names no
    year for a date of the current year. (A page with a date compares the years itself.)"""
    if doc.published is not None:
        return
    news = [g for g in doc.groups if _violent_occurred(g) and g.value("date_low") is None and
            told_by_relative_day(g.head)]
    if not news:
        return
    for g in doc.groups:
        if g not in news and _violent_occurred(g) and g.value("date_low") is not None and \
                all(year_named(f) for f in g.frames if f.date_low is not None):
            for f in g.frames:
                f.background = True


# a page the outlet files as opinion or fact-check: a path segment of its address
# (".../editorials-opinion/...", "/opinion/2025/...", "/op-ed/", "/fact-checks/justice/...";
# Spanish "/opiniones/", "/chequeos/", "/verificaciones/"), or a slug that ends or goes on
# with the word ("/video-falsely-shared-fact-check", ".../fact-check-old-clip")
_COMMENTARY_PATH = re.compile(
    r"/(?:[\w-]*-)?(?:opinions?|editorials?|op-?eds?|commentary|fact-?checks?|opiniones|"
    r"editoriales|chequeos?|verificaciones)(?:-[\w-]*)?/|"
    r"[/-]fact-?checks?(?=[-/.?#]|$)", re.IGNORECASE)
# ... or a label line of the page ("Fact-Check Summary", "Fact check: Was that a drug boat",
# "OPINION | ...", "Editorial:"), or a fact-check's verdict line ("Is it true?: No",
# "Verdict: False", "Claim:", Spanish "Falso", "Engañoso", "Veredicto:")
_COMMENTARY_LABEL = re.compile(
    r"^[ \t]*(?:fact[- ]?check(?:[- ]summary)?|editorial|opinion|op-ed|commentary|"
    r"is\s+it\s+true\??|verdict|claim|our\s+rating|falso|engañoso|enganoso|veredicto|"
    r"calificaci[oó]n|opini[oó]n)"
    r"[ \t]*(?:$|[:|])", re.IGNORECASE | re.MULTILINE)
# ... or its author arguing in the first person ("I argue that", "I ask whether",
# "My argument is that"), outside a quotation
_FIRST_PERSON_ARGUMENT = re.compile(
    r"\b(?:I\s+(?:argue|contend|submit|ask\s+whether)|[Mm]y\s+argument\s+is)\b")


def _outside_quotes(text: str, at: int) -> bool:
    """Whether `at` stands outside a quotation of its paragraph (an even number of straight
    or opening curly quotes before it)."""
    start = text.rfind("\n", 0, at) + 1
    before = text[start:at]
    return (before.count('"') + before.count("\u201c")) % 2 == 0


def is_commentary(doc: Doc) -> bool:
    """Whether the page is opinion or a fact-check: its address files it so, a label line
    says so, or its author argues in the first person."""
    url = doc.article.url or ""
    if _COMMENTARY_PATH.search(url.split("?", 1)[0]):
        return True
    if _COMMENTARY_LABEL.search(doc.text):
        return True
    return any(_outside_quotes(doc.text, m.start())
               for m in _FIRST_PERSON_ARGUMENT.finditer(doc.text))


def _commentary(doc: Doc) -> None:
    """An op-ed, an editorial or a fact-check reports no strike: the strikes it recounts,
    with their days and tolls, are the history it argues over or checks (background), as a
    coder codes a timeline's entries, not news. (Its tallies stay tallies.)"""
    strikes = [g for g in doc.groups if _violent_occurred(g)]
    if not strikes or not is_commentary(doc):
        return
    for g in strikes:
        for f in g.frames:
            f.background = True


# what a page checks: a post, a photo, a video, a claim making the rounds
_CLAIM_SOURCE = (r"(?:posts?|tweets?|claims?|captions?|videos?|photos?|photographs?|images?|"
                 r"pictures?|footage|clips?|rumou?rs?|viral|"
                 # Spanish: "un vídeo", "la publicación", "las imágenes", "la grabación"
                 r"v[ií]deos?|publicaci(?:ón|ones|on)|im[aá]gen(?:es)?|grabaci(?:ón|ones|on)|"
                 r"fotos?|fotograf[ií]as?|mensajes?|tuits?|bulos?)")
# a sentence that says the claim is wrong: "Misleading Social Media Post: ...", "the video
# is fake", "a doctored photo", "the claim is false", "fact-checkers found the image ...",
# "the footage is in fact old", "the video is not of Tuesday's strike", "the clip does not
# show ...", "has nothing to do with", "falsely shared"; Spanish "la publicación es falsa",
# "no tiene que ver con" (not "offered no evidence for its claims": a strike story
# doubting what was hit; scanned over the whole page: tried only where a word it starts
# with stands, `anchored`)
_DEBUNKED = anchored_rx(re.compile(
    r"\b(?:misleading|false|fake|faked|fabricated|doctored|debunk\w*|fact[- ]?check\w*|"
    r"hoax|miscaptioned|mislabell?ed|out\s+of\s+context)\b[^.\n]{0,80}?\b"
    + _CLAIM_SOURCE + r"\b|\b" + _CLAIM_SOURCE + r"\b[^.\n]{0,80}?\b(?:(?:is|was|are|were|"
    r"proved|turned\s+out\s+to\s+be)\s+(?:\w+\s+){0,2}(?:misleading|false|fake|fabricated|"
    r"doctored|untrue|old|unrelated)\b|(?:is|was|are|were)\s+not\s+(?:of|from)\b|"
    r"(?:does|did|do)\s+not\s+show\b|(?:has|had|have)\s+nothing\s+to\s+do\s+with\b|"
    r"(?:es|era|son|eran|resulta|resultó)\s+(?:\w+\s+){0,2}(?:falsas?|falsos?|engañosas?|"
    r"engañosos?|antiguas?|antiguos?)\b|no\s+tienen?\s+(?:nada\s+)?que\s+ver\s+con\b)|"
    r"\bfalsely\s+(?:shared|claimed|attributed|presented|passed|captioned)\b",
    re.IGNORECASE))
# an act told as what the checked item says: "The post says the Navy destroyed this boat",
# "a video that purports to show a strike", "claims circulating online that jets bombed",
# "a post that shared the clip as a drone strike", "passed off as"; Spanish "un vídeo que
# supuestamente muestra el bombardeo", "la publicación asegura que"
_AS_CLAIMED = re.compile(
    r"\b" + _CLAIM_SOURCE + r"\b[^;]{0,120}?\b(?:says?|said|claim(?:s|ed|ing)?|"
    r"purport(?:s|ed|ing)?|alleg(?:es|ed|ing)|shows?|showing|suggest(?:s|ed|ing)?|"
    r"(?:shared|circulated|passed\s+off|presented)\b[^;]{0,60}?\bas|"
    r"muestra|muestran|mostrar[ií]an?|supuestamente|dice|dicen|afirma|afirman|asegura|"
    r"aseguran)\b[^;]*$",
    re.IGNORECASE)


def _debunked_claims(doc: Doc) -> None:
    """A page that checks a post, photo or claim and calls it misleading or false (a
    fact-check not filed as one) tells the strike the claim is about only as claimed: an
    act first told as what the checked item says ("The post says the U.S. Navy destroyed
    this boat") is background, not an occurred strike of the page."""
    if not _COMMENTARY_LABEL.search(doc.text) and \
            not any(_outside_quotes(doc.text, m.start()) for m in _DEBUNKED.finditer(doc.text)):
        return  # (a verdict line, "Falso", "Verdict: False", says so as well)
    for g in doc.groups:
        h = g.head
        if _violent_occurred(g) and _AS_CLAIMED.search(
                h.sentence.text[:h.trigger.start - h.sentence.start]):
            for f in g.frames:
                f.background = True


def _named_not_told(f: Frame) -> bool:
    """An event word that names an act (a noun, a gerund, a lone casualty word) rather than
    telling one with a verb ("they had launched a missile at a tanker")."""
    word = f.trigger.text
    return f.trigger.strength == "weak" or bool(_GERUND.match(word)) or \
        bool(_EVENT_NOUN.search(word))


# acts as what is investigated, condemned, defended or argued over: "demanded an
# investigation into United States military strikes on boats", "condemnation of the US
# strikes", "has defended the attacks"
_DISCUSSED = re.compile(
    r"\b(?:investigations?|inquir(?:y|ies)|probes?|condemnations?|criticism|debate|scrutiny|"
    r"legality|defen[cs]e|defend(?:s|ed|ing)?|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing))\s+"
    r"(?:(?:into|of|over|about|on)\s+)?(?:[\w.’'-]+\s+){0,4}$", re.IGNORECASE)


def _campaign_discussed(g: Group) -> bool:
    """An occurred group told only in plural acts ("strikes", "these attacks") that are
    what an investigation, a condemnation or a defence is about, with no toll and no count
    of its own, is the campaign discussed, not an incident: the day it carries is the day
    of the statement ("in a statement on Friday"), not of an act."""
    h = g.head
    if h.kind != "event" or h.status != "occurred":
        return False
    if not all(_ACTS.search(f.trigger.text) or f.trigger.strength == "weak" for f in g.frames):
        return False
    if any(f.counts for f in g.frames):
        return False
    if any(_DONE.search(f.sentence.text[:f.trigger.start - f.sentence.start][-50:])
           for f in g.frames):
        return False  # "carried out strikes on three vessels": acts told
    return any(_DISCUSSED.search(f.sentence.text[:f.trigger.start - f.sentence.start][-60:])
               for f in g.frames if _ACTS.search(f.trigger.text))

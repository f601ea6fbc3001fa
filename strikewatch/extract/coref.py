"""Within-article coreference: the frames that tell one event become one mention.

A frame joins the most recent compatible mention when it refers back to it ("the
operation", a weak word like "mission" or a bare plural "drone strikes") or when both
describe the same not-yet-happened event (one plan told over several sentences). Frames
never join across kinds (a tally is never an incident), statuses, or conflicting dates,
places (countries, or the seas named around the event words), actors or counts. Weak
frames that join nothing and carry no count are dropped, except an article's lede told in
a weak word, which opens the event the next sentences start (`_pending_lede`).
"""

from __future__ import annotations

import datetime as dt
import re

from strikewatch.extract.actors import DEMONYM_RE
from strikewatch.extract.anchored import anchored, gated
from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.counts import ORDINAL_VALUES, VAGUE, ranks_up_to
from strikewatch.extract.date_forms import DAY
from strikewatch.extract.es.lexicon import AGAIN as ES_AGAIN
from strikewatch.extract.es.lexicon import MORE_ACTS as ES_MORE_ACTS
from strikewatch.extract.es.lexicon import VAGUE as ES_VAGUE
from strikewatch.extract.triggers import BAT, ERV, VAC

__all__ = ["Group", "merge_frames"]


def _country(x: object) -> str | None:
    return getattr(x, "country", None)


def _overlap(a_lo: str | None, a_hi: str | None, b_lo: str | None, b_hi: str | None) -> bool:
    if a_lo is None or b_lo is None:
        return True
    return not ((a_hi or a_lo) < b_lo or (b_hi or b_lo) < a_lo)


#: An event is told on its day or within this many days after it ("struck late Tuesday",
#: "said on Wednesday").
TOLD_AFTER_DAYS = 3


#: words that put a day's act in its night ("late Friday", "last night", "overnight",
#: "anoche", "la noche del sábado") ...
_NIGHT = re.compile(r"\b(?:late|night|overnight|tonight|anoche|noche)\b", re.IGNORECASE)
#: ... and in the small hours of the day after ("early Saturday", "before dawn on Saturday",
#: "in the small hours", "la madrugada del domingo", "al amanecer")
_SMALL_HOURS = re.compile(r"\b(?:early|dawn|pre-?dawn|small\s+hours|madrugada|amanecer)\b",
                          re.IGNORECASE)
#: how far before a date's words its time of day may be told ("in the early hours of Sunday")
NIGHT_REACH = 30


def _date_words(f: Frame) -> str:
    """The words the frame's date was read from, with the few told just before them."""
    s0, text = f.sentence.start, f.sentence.text
    return " ".join(text[max(0, a - s0 - NIGHT_REACH):max(0, b - s0)]
                    for a, b in f.prov.get("date", ()))


def one_night(a: Frame, b: Frame) -> bool:
    """Two days that are one night told from either end: one frame dates the act to a
    day's night ("late on Friday", "last night", "anoche") and the other to the small hours
    of the day after ("early Saturday", "durante la madrugada de este domingo"). An act
    around midnight is told by both days, by one outlet in two paragraphs."""
    if a.date_low is None or b.date_low is None or \
            (a.date_high or a.date_low) != a.date_low or (b.date_high or b.date_low) != b.date_low:
        return False
    first, then = sorted((a, b), key=lambda f: f.date_low or "")
    gap = (dt.date.fromisoformat(then.date_low or "") -
           dt.date.fromisoformat(first.date_low or "")).days
    return gap == 1 and bool(_NIGHT.search(_date_words(first))) and \
        bool(_SMALL_HOURS.search(_date_words(then)))


def _dates_agree(a: Frame | None, b: Frame) -> bool:
    """Whether two frames' dates can be one event's: they overlap, or one is only the day
    the event was told and the other's day lies up to TOLD_AFTER_DAYS before it, or both
    are only days it was told on, up to TOLD_AFTER_DAYS apart ("in a Monday post" and
    "said on Wednesday": one act, done by Monday: `Group.dated`)."""
    if a is None or _overlap(a.date_low, a.date_high, b.date_low, b.date_high):
        return True
    if one_night(a, b):
        return True
    if a.date_told and b.date_told:
        return a.date_low is None or b.date_low is None or abs(
            (dt.date.fromisoformat(a.date_low) - dt.date.fromisoformat(b.date_low)).days
        ) <= TOLD_AFTER_DAYS
    if a.date_told == b.date_told:
        return False
    told, own = (a, b) if a.date_told else (b, a)
    if told.date_low is None or own.date_low is None:
        return True
    gap = (dt.date.fromisoformat(told.date_low)
           - dt.date.fromisoformat(own.date_high or own.date_low)).days
    return 0 <= gap <= TOLD_AFTER_DAYS


def compatible(g: Group, f: Frame) -> bool:
    h = g.head
    if h.kind != f.kind or h.background != f.background:
        return False
    # "called the strike murder": an anaphor without a status word of its own takes the
    # status of the event it refers to
    if h.status != f.status and (f.status_cued or (f.trigger.strength == "strong" and
                                                   not _bare_reference(f)) or
                                 not f.anaphoric):
        return False  # only a reference ("the operation") borrows another status
    if not _same_family(g, f):
        return False
    # an anaphor's sentence may name others (who condemned "the strike"): only its place
    names = ("place",) if (f.anaphoric or f.trigger.strength == "weak") and \
        not _attacker_in_phrase(f) else ("place", "actor1")
    for name in names:
        a, b = _country(g.value(name)), _country(getattr(f, name))
        if a and b and a != b:
            return False
    told = {s for x in g.frames for s in x.seas}
    if f.seas and told and not f.seas & told:
        return False  # a strike "in the Caribbean" is not the one told "in the Pacific"
    if not _dates_agree(g.dated(), f):
        return False
    if g.dated() is None and year_named(f) and told_by_relative_day(h):
        return False  # "on Friday" (no page date to place it) and "killed in 1997"
    if f.kind == "tally" and f.anaphoric and _WHOLE_WAR.match(f.trigger.text) and \
            any(_plural(x) for x in g.frames if x.trigger.strength == "strong"):
        return False  # "seven drone strikes since June" and "the assault has so far cost
        # the lives of 400": a count of strikes and the toll of a whole offensive
    if f.anaphoric and f.date_low is None and h.status == f.status and not (
            f.kind == "tally" and _tolls_differ(g, f)):
        # "officials said 11 died in the strike": another toll for the same event (a
        # tally's other toll is another aggregate: "breaches of the truce, in which 259
        # have been killed" after a war's toll of 4,000)
        return True
    for k in f.counts:
        if k in f.more:
            continue  # "two more died later": adds to the toll, does not rival it
        if k == "killed" and f.toll_raised:
            continue  # "la cifra de muertos se elevó a cinco": revises the toll
        for other in g.frames:
            if k in other.counts and not counts_agree(other, f, k):
                return False
    return True


#: the vague words of every reader that tell "some, no figure" (an open range): "several",
#: "dozens", "varios", "decenas" (not "a dozen", a figure)
_VAGUE_WORD = re.compile(r"\b(?:" + "|".join(
    re.escape(w) for w, (_, hi) in sorted({**VAGUE, **ES_VAGUE}.items(),
                                          key=lambda kv: -len(kv[0])) if hi is None) + r")\b",
                         re.IGNORECASE)


def vague_count(f: Frame, name: str) -> bool:
    """Whether the frame's `name` count was told by a vague word with no figure ("several
    wounded", "varios heridos"): the cited words hold no digit and a vague word."""
    s = f.sentence
    spans = f.prov.get(name, ())
    if not spans:
        return False
    a, b = spans[0]
    words = s.text[max(0, a - s.start):max(0, b - s.start)]
    return bool(_VAGUE_WORD.search(words)) and not re.search(r"\d", words)


def counts_agree(a: Frame, b: Frame, name: str) -> bool:
    """Whether two frames' `name` counts can be one event's: the same range, or ranges that
    overlap where one is a vague word's ("varios heridos" in a headline and "al menos siete
    heridos" in the lede; not "dozens" and "seven") or where they count the wounded, whom
    copy tells loosely ("al menos siete heridos", then "7 lesionadas"; a toll's "at least 3"
    and "7" still differ)."""
    x, y = a.counts[name], b.counts[name]
    if x == y:
        return True
    if not (name == "injured" or vague_count(a, name) or vague_count(b, name)):
        return False
    lo = max(x[0] or 0, y[0] or 0)
    hi = min(h for h in (x[1], y[1]) if h is not None) if x[1] is not None or \
        y[1] is not None else None
    return hi is None or lo <= hi


# a whole offensive or war, named in one word
_WHOLE_WAR = re.compile(r"(?:assault|offensive|campaign|operation|war|conflict|invasion)$",
                        re.IGNORECASE)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_RELATIVE_DAY = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|"
                           r"tonight|overnight|last\s+night)\b", re.IGNORECASE)


def year_named(f: Frame) -> bool:
    """Whether the frame's date was read from words that name a year ("in 1997", "Sept. 11,
    2001"). News copy names no year for a date of the current year (AP style), so a year
    named beside news told by weekday marks another year's event."""
    t0 = f.sentence.start
    return any(_YEAR.search(f.sentence.text, a - t0, b - t0) for a, b in f.prov.get("date", ()))


def told_by_relative_day(f: Frame) -> bool:
    """Whether the frame's clause dates its event by a day relative to the page ("on
    Friday", "overnight") and names no year."""
    s = f.sentence
    clause = s.text[f.start - s.start:f.end - s.start]
    return bool(_RELATIVE_DAY.search(clause)) and not _YEAR.search(clause)


def _attacker_in_phrase(f: Frame) -> bool:
    """Whether the attacker is named inside the event's own noun phrase ("the Israeli
    strike on the factory"), or is the subject right before its event verb ("the Houthis
    fired missiles"): then it is the event's, not a condemner's or announcer's."""
    text, t0 = f.sentence.text, f.sentence.start
    return any(f.trigger.start - 25 <= a and b <= f.trigger.start and
               DEMONYM_RE.fullmatch(text, a - t0, b - t0) is not None
               for a, b in f.prov.get("actor1", ())) or _subject_of_act(f)


# an event word that is a verb of the act ("fired", "launched", "struck"): a definite
# noun right before it is its subject ("the Houthis fired"), no reference to an act told
_ACT_VERB = re.compile(r"(?:fired|launched|lobbed|sent|dropped|struck|hit|bombed|shelled|"
                       r"attacked|targeted|pounded|raided)\b", re.IGNORECASE)
#: how far before the event verb its named subject may end ("the Houthis then fired")
SUBJECT_REACH = 12


def _subject_of_act(f: Frame) -> bool:
    """Whether the frame's actor1 is the named subject of its event verb, just before it
    ("the Houthis fired missiles at Israel", "the group then launched drones"): the act is
    that party's, so a party of another country tells another act, even where the subject's
    "the" made the clause read as a reference."""
    if not _ACT_VERB.match(f.trigger.text):
        return False
    return any(0 <= f.trigger.start - b <= SUBJECT_REACH and
               re.fullmatch(r"[\s,]*(?:[a-z]+ly\s+|then\s+|also\s+|had\s+|have\s+|has\s+)*",
                            f.sentence.text[b - f.sentence.start:
                                            f.trigger.start - f.sentence.start]) is not None
               for _, b in f.prov.get("actor1", ()))


def _tolls_differ(g: Group, f: Frame) -> bool:
    """Whether f tells a death toll other than one the group tells."""
    v = f.counts.get("killed")
    return v is not None and any(x.counts.get("killed") not in (None, v) for x in g.frames)


def _plural(f: Frame) -> bool:
    """Whether the frame's last event word is a plural noun ("drone strikes")."""
    word = f.trigger.text.split()[-1].lower()
    return word.endswith("s") and not word.endswith("ss")


VIOLENT = (ERV, BAT, VAC)
_PLAN_REF = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:plan|plans|proposal|operation|"
                       r"mission|campaign|options)\b", re.IGNORECASE)


def _same_family(g: Group, f: Frame) -> bool:
    """Whether f can tell the same kind of event as the group.

    A group begun by a generic word ("a covert military operation") takes any parts
    (deployments, drone strikes); a group begun by a typed act takes only the same act
    or generic references to it.
    """
    h = g.head
    if h.event_type is None and h.action is None:
        return True
    if h.action is not None:
        return f.action == h.action or (f.event_type is None and f.trigger.strength == "weak")
    if f.action is not None:
        return False
    return f.event_type is None or f.event_type == h.event_type


def _bare_reference(f: Frame) -> bool:
    """An anaphor that only refers ("called the strike murder"): no date, count or place
    of its own, so it cannot be a new event."""
    return f.anaphoric and not f.counts and f.date_low is None and f.place is None and \
        not f.prov.get("date") and not f.background


# "one more was killed in a second operation", "... in another raid": the clause names its
# act as one of its own, so a weak word in it ("killed") is no reference to the act before
_OTHER_ACT = anchored(re.compile(r"\b(?:in|during|by|from)\s+(?:another|a\s+(?:" +
                        "|".join(ranks_up_to(ORDINAL_VALUES, 4, least=2)) + r"|"
                        r"separate|further|new|different))\s+(?:[\w-]+\s+)?(?:strikes?|"
                        r"attacks?|raids?|operations?|bombings?|assaults?|ambush|clash(?:es)?|"
                        r"incidents?|engagements?)\b", re.IGNORECASE))

# the words of acts and of what acts hit, counted as acts: what "more" must count to tell
# one more act ("two more boats", "more strikes followed"; not "more than 40", "more
# people were pulled out")
ACT_WORDS = (r"(?:strikes?|airstrikes?|attacks?|raids?|bombings?|shelling|operations?|"
             r"incidents?|boats?|vessels?|ships?|targets?|sites?|drones?|missiles?|rockets?|"
             r"shells?|bombs?|sorties?|waves?)\b")
# an act told as one more of its kind, from its clause's start to just past its event word:
# "two more boats were hit", "US forces struck two more boats" (not "hit yet another
# boat": a campaign's next act, which its own lede and the statement quoted both tell so)
ONE_MORE_ACT = re.compile(r"\bmore\s+(?:[\w-]+\s+)?" + ACT_WORDS + "|" + ES_MORE_ACTS,
                          re.IGNORECASE)
# ... and the act repeated, next to its event word: "struck again", "again bombed", "hit
# anew" (not "asked again and again to stop the attacks"); both with the Spanish words
# (es/lexicon.py: "volvieron a atacar", "dos lanchas más")
# (searched only where one of its first words stands; ONE_MORE_ACT's own pattern is a
# part of others)
_ONE_MORE_ACT_SCAN = anchored(ONE_MORE_ACT)
_AGAIN = re.compile(r"\b(?:again|anew|once\s+more|" + ES_AGAIN + r")\b", re.IGNORECASE)
#: how near its event word "again" must stand to repeat that act
AGAIN_REACH = 12
# a definite noun phrase up to an event noun ("the strike", "this raid"): a reference,
# whatever it is said to have done again ("the strike again drew criticism")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|its|their)\s+(?:[\w.'’-]+\s+){0,3}$",
                              re.IGNORECASE)
_ACT_NOUN = re.compile(r"(?:strikes?|attacks?|raids?|bombings?|operations?|assaults?|"
                       r"incidents?|engagements?)$", re.IGNORECASE)


def _definite_act(f: Frame) -> bool:
    """Whether f's event word is an event noun after "the", "this", "its": a reference."""
    return _ACT_NOUN.search(f.trigger.text) is not None and _DEFINITE_BEFORE.search(
        f.sentence.text, 0, f.trigger.start - f.sentence.start) is not None


#: how far past its event word a clause may tell its act as one more ("struck two more
#: boats")
ONE_MORE_REACH = 30


def one_more_act(text: str, f: Frame, base: int = 0) -> bool:
    """Whether f's clause, up to `ONE_MORE_REACH` characters past its event word, tells its
    act as one more of its kind (`ONE_MORE_ACT`), or its event word as repeated (`_AGAIN`,
    within `AGAIN_REACH` of it): another act, never a reference to the act told before it.
    `base`: where `text` starts in the article (a sentence's text)."""
    end = min(f.end, f.trigger.end + ONE_MORE_REACH) - base
    near = (max(f.start, f.trigger.start - AGAIN_REACH) - base,
            min(f.end, f.trigger.end + AGAIN_REACH) - base)
    return _ONE_MORE_ACT_SCAN.search(text, f.start - base, end) is not None or \
        _AGAIN.search(text, *near) is not None


# an ordinal that ranks the act its event word tells: "its first strike", "a second US
# strike", "the third raid", "the 14th such attack" (not "the first time")
_RANK_VALUE = ranks_up_to(ORDINAL_VALUES, 10)
_RANK = re.compile(r"\b(" + "|".join(_RANK_VALUE) + r"|"
                   r"\d+(?:st|nd|rd|th))\s+(?:[\w.'’-]+\s+){0,2}$", re.IGNORECASE)
_INDEFINITE = re.compile(r"\ban?\s+$", re.IGNORECASE)


def act_rank(f: Frame, indefinite: bool = False) -> int | None:
    """The rank an ordinal gives f's act ("a second strike": 2), if its event word is an
    event noun (`_ACT_NOUN`) ranked in the words just before it (with `indefinite`, only
    after "a"/"an")."""
    if _ACT_NOUN.search(f.trigger.text) is None:
        return None
    m = _RANK.search(f.sentence.text, 0, f.trigger.start - f.sentence.start)
    if m is None or (indefinite and _INDEFINITE.search(f.sentence.text, 0, m.start()) is None):
        return None
    word = m.group(1).lower()
    return _RANK_VALUE.get(word) or int(re.sub(r"\D", "", word))


def ranks_differ(g: Group, f: Frame) -> bool:
    """Whether f brings in an act by an indefinite rank ("announced a second strike") that
    one of g's is ranked otherwise ("In its first strike ..."): two acts of a count, never
    one told twice. Two tellings of "a second strike" may be one act, and so may an
    unranked "follow-up strike"; a possessive or definite rank may count another series
    ("the coalition's second strike in Idlib this month" after "the first US airstrike
    under the new administration")."""
    rank = act_rank(f)
    if rank is None:
        return False  # (most frames: no rank, and nothing of g's to read)
    if act_rank(f, indefinite=True) is not None and \
            any(r is not None and r != rank for r in map(act_rank, g.frames)):
        return True
    # and the other way round: "the third strike" told after "announced a second strike"
    return any(r is not None and r != rank for r in
               (act_rank(x, indefinite=True) for x in g.frames))


# "Two days before that, ...", "A week earlier ...": told before its event word, a time
# counted back from the act just told, so another act
_OTHER_TIME = gated(re.compile(r"\b(?:hours?|days?|weeks?|months?)\s+(?:before|earlier)\b|"
                         r"\bthe\s+(?:day|night|week|month)\s+before\b|"
                         # "Before it, an attack in August had killed ...", "Prior to that"
                         r"^\W*(?:before|prior\s+to)\s+(?:that|this|it|then|these|those)\b|"
                         r"^\W*previously\b", re.IGNORECASE))

# a telling between the time and the event word: "The day before, a spokesman had given
# three as the dead" dates what was said about the act, not another act
TOLD_BETWEEN = re.compile(r"\b(?:said|says|told|given|gave|reported|announced|put|"
                           r"stated|quoted|cited)\b", re.IGNORECASE)


# "In that other strike, two died", "the other attack": an anaphor that names its act as
# not the one just told
_OTHER_REF = re.compile(r"\b(?:that|the|this)\s+other\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _other_ref(f: Frame) -> bool:
    """Whether f's event word is told as "that other strike": a reference, but to another
    act than the one just told (the earlier of two told together), never a retelling."""
    before = f.sentence.text[max(0, f.trigger.start - f.sentence.start - 40):
                             f.trigger.start - f.sentence.start]
    return _OTHER_REF.search(before) is not None


def _earlier_act(f: Frame) -> bool:
    """Whether f's clause counts its time back from the act just told ("Two days before
    that, the US had struck ..."): another, earlier act, not a retelling."""
    t = f.sentence.text
    m = _OTHER_TIME.search(t, 0, f.trigger.start - f.sentence.start)
    return m is not None and not TOLD_BETWEEN.search(t, m.end(),
                                                      f.trigger.start - f.sentence.start)


# "Strikes also hit Saada", "Israel also hit targets in Daraa province", "Iran had also hit
# ISIS bases in Syria", "the agency also reported Israeli strikes on Sunday on homes in
# Naqura": an act told as one more beside those told (not "has also attacked ships", a
# pattern to date, nor "were also hit by US-UK strikes", where the name is the attacker)
# ; "There were also air strikes in Kunar and Paktika", "Strikes were also reported in
# Idlib", "Raids were also carried out near Jilib": more acts told as there being more
_ACTS_NOUN = r"(?:strikes|airstrikes|air\s+strikes|drone\s+strikes|raids|shelling|attacks|bombings)"
_ALSO_ACT = anchored(re.compile(
                       r"(?<!\bhas )(?<!\bhave )(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )"
                       r"\balso\s+(?:hit|struck|targeted|bombed|shelled|"
                       r"pounded|raided|reported\s+(?:[\w-]+\s+){0,2}?(?:strikes|airstrikes|"
                       r"air\s+strikes|raids|shelling|attacks))\b|"
                       r"\bthere\s+(?:(?:were|was|have\s+been|had\s+been)\s+also|(?:have|has|had)\s+also\s+"
                       r"been)\s+(?:[\w-]+\s+){0,2}?"
                       + _ACTS_NOUN + r"\b|"
                       r"\b" + _ACTS_NOUN + r"\s+(?:were|was|have\s+been|had\s+been)\s+also\s+"
                       r"(?:reported|carried\s+out|launched|conducted)\b", re.IGNORECASE))
# a name after it: a place or target of its own
_NAME = re.compile(r"\b[A-Z][\w'’-]{2,}")


def also_elsewhere(text: str, f: Frame) -> bool:
    """Whether f's clause tells its act as one more beside those told ("also hit") and names,
    after those words, a place or target the article has not named before f's sentence
    (nor a people's name, "Israeli"): another act, elsewhere, even with nothing else of its
    own (reports count each place struck as an event, as ACLED codes one per location)."""
    if f.status != "occurred" or f.kind != "event":
        return False
    m = _ALSO_ACT.search(text, f.start, f.end)
    if m is None:
        return False
    before = text[:f.sentence.start]
    for name in _NAME.finditer(text, m.end(), min(f.end, m.end() + 80)):
        word = re.split(r"[-'’]", name.group(0))[0]  # "Israeli-held", "Saada's"
        if len(word) > 2 and DEMONYM_RE.fullmatch(word) is None and word not in before:
            return True
    return False


# an act told as the answer to the one told: "In response, the group fired rockets",
# "In retaliation, Iran launched missiles", "the IRGC responded by firing missiles", "the
# army hit back with strikes" (not "in response to ...", which names what it answered)
_REPLY = gated(re.compile(  # (read only where one of its words stands)

                    r"^\W*(?:in\s+(?:response|retaliation|reprisal)|responding|retaliating)\b"
                    r"(?!\s+(?:to|for)\b)|"
                    r"\b(?:responded|retaliated|hit\s+back|struck\s+back|hitting\s+back)\s+"
                    r"(?:[\w-]+ly\s+)?(?:by|with)\b", re.IGNORECASE))


def replies(text: str, f: Frame, base: int = 0) -> bool:
    """Whether f's clause, up to its event word, tells its act as the answer to one told
    before (`_REPLY`): another act, by the other side, never a reference to or a retelling
    of the act it answers, even with no date, place or toll of its own."""
    return _REPLY.search(text[f.start - base:f.trigger.start - base]) is not None


# "last Thursday", "this past Friday": the day of an earlier act, told in a later sentence
_LAST_DAY = anchored(re.compile(rf"\b(?:last|this\s+past)\s+({DAY})\b"))
# a sentence that opens on a day of its own: "On Thursday four people were killed in a
# string of raids" (a weak word there tells another day's act, not the one told before)
_OPENING_DAY = re.compile(rf"\s*(?:(?:Earlier|Late|Early)\s+)?(?:on\s+)?({DAY})\b",
                          re.IGNORECASE)


def _earlier_day(f: Frame, g: Group) -> bool:
    """Whether f's sentence dates an act to "last <weekday>", a day none of the group's
    sentences names (dates are read after coreference, so the words decide here)."""
    m = _LAST_DAY.search(f.sentence.text) or _OPENING_DAY.match(f.sentence.text)
    return m is not None and not any(m.group(1) in x.sentence.text for x in g.frames)


_ORDINAL_WORD = re.compile(r"\b(" + "|".join(_RANK_VALUE) + r")\b", re.IGNORECASE)


def _ranks_listed(f: Frame) -> bool:
    """Whether f's sentence goes through several ranks ("the first strike had killed a
    commander and the second a member"): a list of the acts told, whose items say nothing
    about which group the sentence's own event word joins."""
    return len({m.group(1).lower() for m in _ORDINAL_WORD.finditer(f.sentence.text)}) >= 2


def tells_another_act(f: Frame) -> bool:
    """Whether f's own words tell its act as another than one told before ("in a separate
    strike", "struck again", "Two days before that", "In response", "that other strike"):
    then it refers to no group's event. Read from f alone, so `merge_frames` asks it once
    per frame, not once per group it tries."""
    if f.trigger.strength == "weak" and not f.anaphoric and \
            _OTHER_ACT.search(f.sentence.text, f.start - f.sentence.start,
                              f.end - f.sentence.start):
        return True
    if not _definite_act(f) and one_more_act(f.sentence.text, f, f.sentence.start):
        return True  # "the military struck again and sank another boat": one more act
    if _earlier_act(f):
        return True  # "Two days before that, the US had struck ...": an earlier act
    if replies(f.sentence.text, f, f.sentence.start):
        return True  # "In response, the militias launched drones": the answer, not the act
    return f.anaphoric and _other_ref(f)  # "In that other strike, two died"


def links(g: Group, f: Frame, another: bool | None = None) -> bool:
    """Whether f refers to g's event (beyond being compatible with it). `another`:
    `tells_another_act(f)`, where the caller has it."""
    last = g.frames[-1]
    if last.sentence is f.sentence and f.start > f.sentence.start and not f.anaphoric:
        return False  # clauses split from one sentence tell events of their own
    if f.antecedent and any(x.sentence is f.sentence for x in g.frames):
        # "The strike came ... hitting back over the Israeli strike on the consulate": the
        # act the sentence's event answered is not that event, even told as "the strike"
        return False
    if f.antecedent and not f.anaphoric:
        # "It also follows a string of U.S. reprisals, among them airstrikes ...": an
        # earlier act, named by no word that points back, tells none of the acts told before
        return False
    if tells_another_act(f) if another is None else another:
        return False
    if f.trigger.strength == "weak" and not f.anaphoric and _earlier_day(f, g):
        return False  # "a boat the US hit last Thursday had left survivors": another act
    if ranks_differ(g, f) and not _ranks_listed(f):
        return False  # "died in the third strike" after "announced a second strike"
    if f.trigger.strength == "weak" or f.anaphoric:
        return True
    if f.status != "occurred" and f.status == g.head.status:
        pc = _country(f.place) or _country(f.actor2)
        gc = _country(g.value("place")) or _country(g.value("actor2"))
        if pc is not None and pc == gc:
            return True
        # "Under the plan, drones would strike ...": the plan named before
        if _PLAN_REF.search(f.sentence.text) and (pc is None or gc is None):
            return True
        # a threat or plan restated next to it, naming no place or actor of its own
        near = f.sentence.index - g.frames[-1].sentence.index <= 2
        return near and pc is None and f.actor1 is None
    return False


_DISASTER = re.compile(r"\b(?:earthquakes?|quakes?|floods?|flooding|storms?|hurricanes?|typhoons?|"
                       r"cyclones?|landslides?|tornado(?:es)?|wildfires?|fires?|crash(?:es)?|"
                       r"collapse|outbreak|epidemic|heatwave)\b", re.IGNORECASE)
# a lone casualty word starts a mention only next to violence ("struck" may be a quake's)
_CONFLICT = re.compile(r"\b(?:attack\w*|war|fighting|conflict|shell\w*|bomb\w*|"
                       r"raid\w*|clash\w*|gunmen|gunfire|shot|shooting|militants?|troops|"
                       r"forces|soldiers|rebels?|insurgents?|army|military|civilians?|"
                       r"terrorists?|jihadists?|fighters)\b",
                       re.IGNORECASE)


# "The second, on Sunday, killed two people": an ordinal standing for the noun just used
_ELLIPTIC = re.compile(r"\W*(?:the\s+)?(?:" + "|".join(ranks_up_to(ORDINAL_VALUES, 5)) +
                       r"|latest|last|other|"
                       r"next|another)\b(?=\s*,|\s+(?:on|in|at|killed|hit|struck|targeted|"
                       r"left|was|destroyed)\b)", re.IGNORECASE)


# ... of which "The second hit a boat with four", "The third, on Friday, killed two" name one
# more member of the set just told, never the act told before it
_ANOTHER_OF_SET = re.compile(r"\W*(?:the\s+)?(?:" +
                             "|".join(ranks_up_to(ORDINAL_VALUES, 6, least=2)) +
                             r"|next|another)\b"
                             r"(?=\s*,|\s+(?:on|in|at|killed|hit|struck|targeted|left|was|"
                             r"destroyed)\b)", re.IGNORECASE)


def one_more_of_set(f: Frame) -> bool:
    """Whether f opens its sentence with an elliptic ordinal for one more act of a set
    ("The second hit a boat with four"): an act of its own, not a reference to the one
    before (as "the strike" would be)."""
    return f.start == f.sentence.start and f.trigger.generic and \
        _ANOTHER_OF_SET.match(f.sentence.text) is not None


def mark_elliptic(f: Frame) -> None:
    """An elliptic ordinal subject refers back like "the strike" does."""
    if _ELLIPTIC.match(f.sentence.text) and f.trigger.generic:
        f.anaphoric = True


def _can_start(f: Frame) -> bool:
    """Whether a weak frame that joined nothing may stand as its own mention."""
    if _DISASTER.search(f.sentence.text):
        return False  # "the death toll from the earthquake": no conflict event
    if (f.anaphoric or one_more_of_set(f)) and f.counts and _ELLIPTIC.match(f.sentence.text):
        return True  # "The second, on Sunday, killed two": one more of the acts just told
    if not f.trigger.generic and f.status_cued and f.status != "occurred":
        return True  # "plans for possible strikes": a plan of a kind of act is the event
    if f.date_low is not None and f.time_precision == 1 and f.status == "occurred" and \
            not f.trigger.generic:
        return True  # "Israeli airstrikes hit military sites on Tuesday": a dated event
    if f.background and f.status == "occurred" and f.actor1 is not None and \
            f.trigger.text.lower() in ("killed", "died") and year_named(f) and \
            _CONFLICT.search(f.sentence.text):
        return True  # "her brother, killed by Israeli forces in 1997": history of its own
    if not f.counts:
        return False
    if f.kind == "event" and _LAST_DAY.search(f.sentence.text):
        return True  # "a boat hit last Thursday had left two survivors": an act of its own day
    if f.trigger.generic and f.kind == "event" and not (f.counts.get("killed") or
                                                         f.counts.get("injured")):
        return False
    # casualties alone ("the death toll rose to 126") must come from violence
    return not f.trigger.generic or f.violent_context or bool(_CONFLICT.search(f.sentence.text))


# the kinds of fixed site or gathering an act hits, which two tellings of one act both
# name ("a crowded market", "the Wadi Hamra market"); craft and vehicles are many a day
SITE_NOUNS = (r"school|hospital|clinic|market|mosque|church|wedding|funeral|refinery|depot|"
              r"camp|port|bridge|factory|warehouse")
SITE = re.compile(r"\b(" + SITE_NOUNS + r")s?\b", re.IGNORECASE)
# words of an anaphor's noun phrase that can tie it to the event it names
_CUE_WORD = re.compile(r"\b(?!(?:The|This|That|Such|Its|Their)\b)(?:[A-Z][\w'’-]{2,}|bus|car|"
                       r"boat|vessel|ship|convoy|building|house|checkpoint|" + SITE_NOUNS +
                       r")\b")


# who says so: "According to the SOHR, ..."
_SAYER = re.compile(r"\baccording\s+to\b[^,;]*[,;]?", re.IGNORECASE)


# what or where the act hit, right after its noun: "the strike on a school", "the attack
# in Kherson"
_AFTER_ACT = re.compile(r"\s+(?:on|against|at|in|near)\s+([^,.;:]{1,30})", re.IGNORECASE)


def _cue_words(f: Frame) -> list[str]:
    """The words before the anaphor that can name its event ("the Kherson bus attack":
    Kherson, bus), and what it hit right after it ("the strike on a school": school); who
    says so ("According to the SOHR, a third person was killed in the attack") names no
    event."""
    s = f.sentence
    before = _SAYER.sub(" ", s.text[:f.trigger.start - s.start])
    after = _AFTER_ACT.match(s.text, f.trigger.end - s.start)
    return _CUE_WORD.findall(before[-40:]) + (_CUE_WORD.findall(after.group(1)) if after else [])


# an abbreviated month and day right before an act's noun: "the Dec. 30 strikes"
_DAY_BEFORE = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s+(\d{1,2})\s+"
                         r"(?:[\w-]+\s+)?$")


def _own_day(f: Frame) -> re.Pattern[str] | None:
    """The day an anaphor's own noun phrase names, as a pattern for the sentences of the
    event it may refer to ("Dec. 30", "December 30"), or None."""
    s = f.sentence
    m = _DAY_BEFORE.search(s.text[:f.trigger.start - s.start])
    if m is None:
        return None
    month = m.group(1)[:3]
    return re.compile(rf"\b{month}[a-z]*\.?\s+{m.group(2)}\b(?!\d)")


def _kill_toll(x: Frame) -> tuple[int | None, int | None] | None:
    return x.counts.get("killed")


def _recalled_reference(groups: list[Group], f: Frame) -> None:
    """"In 2023 a strike hit a wedding in Yemen. That strike killed 12": a reference with no
    day of its own, told right after history recalled (a past strike marked background) and
    with a toll that no strike of today's story has, can only be that history: it takes its
    background flag, so it joins the past event (or stands as that history) rather than
    lend its toll to today's strike or stand as an undated incident of its own. A reference
    whose toll may be a current strike's (the same toll, or a strike told with none) or that
    names a day stays as it was."""
    toll = _kill_toll(f)
    if toll is None or not f.anaphoric or f.background or f.kind != "event" or \
            f.date_low is not None or f.status != "occurred" or told_by_relative_day(f):
        return
    events = [g for g in groups if g.head.kind == "event"]
    if not events:
        return
    latest = max(events, key=lambda g: g.frames[-1].sentence.index)
    h = latest.head
    if not h.background or h.status != "occurred" or _WHOLE_WAR.match(h.trigger.text) or \
            f.sentence.index - latest.frames[-1].sentence.index > 2:
        return  # (a war recalled, "the deadliest since the 2006 war", is no act referred to)
    for g in events:
        if g.head.background or g.head.status != "occurred":
            continue
        tolls = {t for x in g.frames if (t := _kill_toll(x)) is not None}
        if not tolls or toll in tolls:
            return  # may be told of today's strike
    # (where it cannot join that event's group, "the raid" after "an airstrike", it still
    # tells that history, not today's news)
    f.background = True


#: how many sentences before the one that starts an event a lede told only in a weak word
#: may stand and still be that event's (`_lede`)
LEDE_REACH = 2


def _pending_lede(f: Frame) -> bool:
    """Whether a weak frame that joined nothing and cannot start may be the lede of an event
    a following sentence starts: an occurred act told in a plural or casualty word ("joined
    the United States in carrying out airstrikes in Sokoto", "Israel hit Sanaa ... and the
    ministry said nine were killed"), violent (a typed act word, or a toll), with a place,
    sea, attacker, day or toll of its own. No period, habit or other act: those are no one
    event."""
    if f.status != "occurred" or f.kind != "event" or f.background or f.antecedent or \
            f.period_low is not None or f.since_read is not None:
        return False
    if f.event_type not in VIOLENT and not (f.counts.get("killed") or f.counts.get("injured")):
        return False
    anchored_act = f.place is not None or bool(f.seas) or f.actor1 is not None or \
        f.time_precision == 1 or bool(f.counts)
    return anchored_act and not _DISASTER.search(f.sentence.text)


def _lede(pending: list[Frame], f: Frame) -> list[Frame]:
    """The pending ledes (`_pending_lede`) that the event `f` starts is told after: those of
    the `LEDE_REACH` sentences before f's that agree with it. Report copy often opens on
    the act in a plural ("carried out airstrikes in Sokoto") and gives the toll or "the
    strikes" that make it one event in the next sentence: that sentence starts the event,
    and the lede is its opening, not a lost sentence. Only the article's opening, before
    any event is told: later, a weak word that joins nothing is more often a comment on an
    event told ("called the operation a unilateral strike") than the lede of the next."""
    g = Group([f])
    return [p for p in pending if 0 < f.sentence.index - p.sentence.index <= LEDE_REACH
            and compatible(g, p)]


# a war or a state of fighting, many acts: the noun of one act ("the attack"; not "its
# assault", "the operation", which may name the offensive) never refers to it
_STATE_OF_WAR = re.compile(r"(?:fighting|fought|war|conflict|hostilities|campaign|offensive|"
                           r"insurgency)$", re.IGNORECASE)
_ONE_ACT = re.compile(r"\b(?:air)?(?:strike|attack|raid|bombing)$", re.IGNORECASE)

# the nouns of a strike from the air or afar: a reference in them ("the airstrikes") is to
# a strike told, before an "attack" of any kind
_STRIKE_NOUN = re.compile(r"(?:strikes?|bombings?|bombardments?|shelling)$", re.IGNORECASE)


def merge_frames(doc: Doc) -> list[Group]:
    """Group the doc's frames into mentions, in article order."""
    groups: list[Group] = []
    pending: list[Frame] = []  # weak ledes that may open the next event (`_lede`)
    for f in doc.frames:
        if f.drop:
            continue
        mark_elliptic(f)
        if also_elsewhere(doc.text, f):
            groups.append(Group([f]))  # "Strikes also hit Saada": another act, elsewhere
            continue
        # the event told most recently first (not the one begun most recently); one more
        # act of a set told by rank ("The second hit a boat") refers to none of them
        another = one_more_of_set(f)
        if another:
            f.anaphoric = False
        if not another:
            _recalled_reference(groups, f)
        elsewhere = False if another or not groups else tells_another_act(f)
        cands = [] if another else sorted(
            (g for g in reversed(groups) if links(g, f, elsewhere) and compatible(g, f)),
            key=lambda g: -g.frames[-1].sentence.index)
        if f.anaphoric and any(not g.head.antecedent for g in cands):
            # "the strikes hit Khost": the sentence's own event, not the act it was told
            # to have come after ("came two days after militants killed seven")
            cands = [g for g in cands if not g.head.antecedent]
        if f.anaphoric and len(cands) > 1 and _STRIKE_NOUN.search(f.trigger.text):
            # "the airstrikes were the work of ...": the strikes told, not the militants'
            # "recent attacks" a sentence between named as their cause
            same = [g for g in cands if any(_STRIKE_NOUN.search(x.trigger.text)
                                            for x in g.frames)]
            cands = same or cands
        own_day = _own_day(f) if f.anaphoric else None
        if own_day is not None:
            # "the Dec. 30 strikes": the event told with that day, else an act of its own
            # ("came after the Nov. 17 assault in Bannu" after a Nov. 19 raid)
            cands = [g for g in cands if any(own_day.search(x.sentence.text) for x in g.frames)]
            if not cands:
                f.anaphoric = False
        if f.anaphoric and len(cands) > 1 and _ONE_ACT.search(f.trigger.text):
            # "the attack killed 30" after "the army has been fighting the militia since
            # April": one act told, not the war the sentence between named
            acts = [g for g in cands if not _STATE_OF_WAR.search(g.head.trigger.text)]
            cands = acts or cands
        target = cands[0] if cands else None
        if f.anaphoric and len(cands) > 1:
            # "the Kherson bus attack": the event whose sentences name Kherson and a bus,
            # not merely the latest one
            cue = _cue_words(f)
            best = max(cands, key=lambda g: sum(
                any(w in x.sentence.text for x in g.frames) for w in cue))
            if any(any(w in x.sentence.text for x in best.frames) for w in cue):
                target = best
        if target is not None:
            target.frames.append(f)
            continue
        if f.trigger.strength == "weak" and not _can_start(f):
            if not groups and _pending_lede(f):
                pending.append(f)  # the article's lede: no event told before it
            continue
        lede = _lede(pending, f)
        if _bare_reference(f) and f.actor1 is None and not lede:
            continue  # "the legal basis for the attacks": refers, reports nothing new
        if lede and (_bare_reference(f) and f.actor1 is None):
            # "... carried out airstrikes in Sokoto. The strikes ...": the lede tells the
            # event, the reference confirms it is one
            groups.append(Group([*lede, f]))
        else:
            groups.append(Group([f, *lede]))
        pending = [p for p in pending if p not in lede]
    _inherit(groups)
    return groups


def _actor1_frame(g: Group) -> Frame | None:
    """The frame that gives the group its actor1 (Group.value's pick), with its spans."""
    return next((f for f in g.frames if f.actor1 is not None), None)


def _inherit(groups: list[Group]) -> None:
    """A generic "attack"/"operation" takes its type (and actor) from the event told just
    before it when it refers back to it ("the most recent attack"); otherwise the actors
    decide the ACLED type."""
    for i, g in enumerate(groups):
        h = g.head
        prev = groups[i - 1] if i > 0 else None
        # ("The second, on Sunday, killed two": the act word it leaves out is the one before)
        if prev is not None and (h.anaphoric or one_more_of_set(h)) and h.kind == "event" and \
                h.sentence.index - prev.frames[-1].sentence.index <= 2:
            src = next((f for f in prev.frames if f.event_type is not None), None)
            if g.value("event_type") is None and src is not None:
                h.event_type, h.sub_event_type, h.action = (src.event_type,
                                                            src.sub_event_type, src.action)
                h.cite("event_type", h.trigger.start, h.trigger.end)
            told = _actor1_frame(prev)
            for earlier in reversed(groups[:i - 1]):
                # "The latest, on Dec. 4, killed four": the campaign told two groups back
                if told is not None or \
                        h.sentence.index - earlier.frames[-1].sentence.index > 2:
                    break
                told = _actor1_frame(earlier)
            if g.value("actor1") is None and told is not None:
                h.actor1 = told.actor1
                # the evidence is where the actor is named, not the anaphor ("killed")
                for span in told.prov.get("actor1", ()):
                    h.cite("actor1", *span)
        if g.value("event_type") is not None:
            continue
        a1, a2 = g.value("actor1"), g.value("actor2")
        t1, t2 = getattr(a1, "type", None), getattr(a2, "type", None)
        if h.kind == "tally":
            continue
        if t2 == "civilians" and t1 in ("non_state", None):
            h.event_type, h.sub_event_type = VAC, "Attack"
        elif g.value("target_kind") == "vessel" and t2 != "civilians":
            # "a US attack on a boat", "three smugglers died when US forces hit a boat",
            # "attacked a cargo ship": at sea, struck from afar
            h.event_type, h.sub_event_type = ERV, "Air/drone strike" if t1 in (
                "state", "government", "military") else "Shelling/artillery/missile attack"
        elif t1 in ("military", "non_state") and t2 in ("military", "non_state"):
            h.event_type, h.sub_event_type = BAT, "Armed clash"
        elif t1 == "military":
            h.event_type, h.sub_event_type = ERV, "Air/drone strike"
        elif t1 == "non_state":
            h.event_type, h.sub_event_type = VAC, "Attack"
        if h.event_type is not None:
            h.cite("event_type", h.trigger.start, h.trigger.end)

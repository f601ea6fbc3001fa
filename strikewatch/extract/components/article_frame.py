"""Component `article_frame`: in an article about a plan or a threat, a strike named only by
a noun is the plan's strike, not news.

An article that opens on a plan ("The Pentagon is preparing options for strikes inside
Venezuela") or a threat ("Trump threatened to attack Nigeria") goes on naming the strike it
is about: "critics say an attack inside Venezuela is illegal", "the strikes on cocaine
laboratories are part of a wider plan". Those sentences carry no modal, so read one by one
they look like reports of an act; read in the article's frame they are the plan again. A
careful coder codes no strike from them.

What stays news in such an article is what tells an act of its own: a toll ("the latest
strike killed six"), a day ("a strike on Tuesday"), a verb that says it was done ("the
military struck a boat"), or history (`background`). Only a frame with none of these, named
by a noun after a determiner ("an attack", "the strikes", "such strikes"), takes the frame's
status, and cites the lede's cue as its evidence.

The same holds in Spanish ("los críticos dicen que un ataque dentro de Venezuela es ilegal"):
the component runs in both readers, with each language's determiners.

The frame is the article's first event clause that is not page furniture or history: a plan,
threat or hypothetical set by a cue word. A denial is no frame: the strike a denial is about
may well have happened.

`genre` (after assemble) widens the frame to the whole article with a trained classifier
(`strikewatch.learn.genre`): in an article it calls confidently no-strike (an op-ed, a plan,
an explainer, a hearing, an anniversary), an occurred violent event with no act of its own in
any of its sentences (no day of its own, no figure, no party, place or target with a verb
that tells it done) is the article's talk about strikes, not news: it takes the
frame's status where the article opens on a plan or threat, else it is background. An
event told with its own day or toll stays news whatever the classifier says, unless the day
lies weeks before the page ("the first strike came on Sept. 2, killing 11" in October's vote
story: the page recalls it) or the toll is told only in a relative clause on the event noun
("asked about a strike that killed two men": a known act talked about). A figure told with
casualty words only ("At least 21 people are dead") is a toll standing, no act told (a
group of such tolls only is a tally); a page
with no date was written no earlier than the latest year it names (a case page); a report
said not to have happened ('"no attack" had happened') is no strike. What the step makes
background the mention filter still judges (`Doc.recast`): background is never filtered,
and being on a no-strike page must not rescue a fragment the filter would drop.
"""

from __future__ import annotations

import datetime as dt
import re

from strikewatch.extract.components.assemble import _DONE, _named_not_told
from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.pipeline import component
from strikewatch.learn import genre
from strikewatch.records import NOT_VIOLENT_TYPES

_FRAMING = ("planned", "threatened", "hypothetical")
# the event word named as a thing: "an attack", "the strikes", "such strikes", "a US strike"
_DETERMINER = re.compile(r"\b(?:a|an|the|such|these|those|this|that|any|another|further|"
                         r"more)\s+(?:[\w.’'-]+\s+){0,2}$", re.IGNORECASE)
# ... but not a verb after its subject or auxiliary: "the US has struck", "the navy then hit"
_VERB_BEFORE = re.compile(r"\b(?:has|have|had|was|were|is|are|be|been|being|did|will|would|"
                          r"could|to|it|they|he|she|we|then|also|reportedly|allegedly|"
                          r"(?-i:[A-Z][\w.]*))\s+$", re.IGNORECASE)


# the same in Spanish: "un ataque dentro de Venezuela", "los ataques contra laboratorios",
# "tales bombardeos" (not "EE.UU. ha atacado", "la Armada atacó")
_DETERMINER_ES = re.compile(r"\b(?:un|una|unos|unas|el|la|los|las|este|esta|estos|estas|ese|esa|"
                            r"esos|esas|tal|tales|dicho|dicha|dichos|dichas|otro|otra|otros|"
                            r"otras|nuevo|nueva|nuevos|nuevas|cualquier)\s+(?:[\w.’'-]+\s+){0,2}$",
                            re.IGNORECASE)
_VERB_BEFORE_ES = re.compile(r"\b(?:ha|han|había|habían|fue|fueron|es|son|era|eran|se|lo|la|"
                             r"los|las|le|les|(?-i:[A-Z][\w.]*))\s+$", re.IGNORECASE)
_NOUN_PATTERNS = {"es": (_DETERMINER_ES, _VERB_BEFORE_ES)}


def frame_of(doc: Doc) -> Frame | None:
    """The article's opening event clause when it is a plan, a threat or a hypothetical."""
    first = next((f for f in doc.frames if f.kind == "event" and not f.drop and
                  not f.background), None)
    if first is None or first.status not in _FRAMING or not first.status_cued:
        return None
    return first


def named_by_noun(f: Frame, language: str = "en") -> bool:
    """Whether the event word is a noun after a determiner ("an attack inside Venezuela",
    "un ataque dentro de Venezuela"), not a verb that tells an act ("the US has struck",
    "Israel struck")."""
    determiner, verb_before = _NOUN_PATTERNS.get(language, (_DETERMINER, _VERB_BEFORE))
    s = f.sentence
    ts = f.trigger.start - s.start
    before = s.text[max(0, ts - 40):ts]
    if language == "es" and before.rstrip().split()[-1:] in (["la"], ["los"], ["las"]) and \
            determiner.search(before):
        return True  # "la ofensiva", "los ataques": an article, not a clitic, before a noun
    return bool(determiner.search(before)) and not verb_before.search(before)


def _tells_an_act(f: Frame) -> bool:
    """A toll, a day of its own or history: what makes a mention news in any frame."""
    has_figure = any(v != (None, None) for v in f.counts.values())
    has_day = f.date_low is not None and not f.date_told
    return has_figure or has_day or f.background


@component("article_frame", requires=("doc.frames", "frame.status", "frame.counts",
                                      "frame.date_low", "frame.background", "frame.kind"),
           assigns=("frame.status",))
def read_article_frame(doc: Doc) -> None:
    """Give the frame's status to each later uncued occurred event named only by a noun."""
    lede = frame_of(doc)
    if lede is None:
        return
    cue = lede.prov.get("status", [])
    for f in doc.frames[doc.frames.index(lede) + 1:]:
        if f.kind != "event" or f.drop or f.status != "occurred" or f.status_cued or \
                _tells_an_act(f) or not named_by_noun(f, doc.article.language or "en"):
            continue
        f.status, f.status_cued = lede.status, True
        for a, b in cue:
            f.cite("status", a, b)


# a Spanish act named by its noun, with or without a determiner ("su inquietud por
# operaciones recientes contra embarcaciones", "tras bombardeos en el Caribe") ...
_NOUN_ES = re.compile(r"^(?:ataques?|bombardeos?|operaci(?:ón|on|ones)|ofensivas?|"
                      r"incursi(?:ón|on|ones)|acci(?:ón|on|ones)|agresi(?:ón|on|ones)|"
                      r"golpes?)\b", re.IGNORECASE)
# ... unless told carried out: "realizó ataques", "lanzaron bombardeos", "llevó a cabo"
_DONE_ES = re.compile(r"\b(?:realiz|lanz|ejecut|perpetr|efectu)\w*\s+(?:[\w’'-]+\s+){0,3}$|"
                      r"\bllev\w*\s+a\s+cabo\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)


def _told_done(f: Frame, language: str) -> bool:
    """The act is told by a verb with its doer ("they had launched a missile at a tanker",
    "jets struck a house") or as carried out ("conducted strikes on"), not named by a noun
    ("the attack", "such strikes", "the bombing", "operaciones recientes contra
    embarcaciones")."""
    before = f.sentence.text[:f.trigger.start - f.sentence.start][-50:]
    if _DONE.search(before):
        return True
    if language == "es" and _NOUN_ES.match(f.trigger.text):
        return bool(_DONE_ES.search(before))
    return not named_by_noun(f, language) and not _named_not_told(f)


def _act_of_its_own(f: Frame, language: str) -> bool:
    """A sentence that tells an act rather than talks about one: a figure (not a count of
    strikes) told with an act word (a casualty word alone, "At least 21 people are dead", is
    a toll standing, not an act told), a day of its own, or a verb telling it done with a
    party, a place or a target ("launched a cruise missile at a tanker")."""
    if f.trigger.strength != "weak" and \
            any(v != (None, None) for k, v in f.counts.items() if k != "strikes"):
        return True
    if f.date_low is not None and not f.date_told:
        return True
    return (f.actor1 is not None or f.place is not None or f.target_kind is not None) and \
        _told_done(f, language)


def _talked_about(g: Group, language: str) -> bool:
    """An occurred violent event none of whose sentences tells an act of its own."""
    h = g.head
    return h.kind == "event" and h.status == "occurred" and not h.background and \
        not h.drop and h.event_type not in NOT_VIOLENT_TYPES and \
        not any(_act_of_its_own(f, language) for f in g.frames)


#: on a page that reports no new strike, an act that ended more than this many days before
#: the page is one recalled ("the first strike came on Sept. 2, killing 11" in October's
#: vote story), its own day and toll notwithstanding; a news page's strike is days old
RECALLED_DAYS = 14


#: a year as the page names it ("in 2013", "October 24, 2012")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


def page_floor(doc: Doc) -> dt.date | None:
    """The earliest the page can be: its publication date, else, on a page with no date, the
    first day of the latest year it names (a case page telling a 2012 strike and what
    followed in 2013 was written in 2013 at the earliest)."""
    if doc.published is not None:
        return doc.published
    years = [int(m.group()) for m in _YEAR.finditer(doc.text)]
    return dt.date(max(years), 1, 1) if years else None


def _recalled(g: Group, published: dt.date | None) -> bool:
    """An occurred violent event dated weeks before the page (or, on a page with no date,
    weeks before the latest year the page names: `page_floor`): on a no-strike page,
    history the page recalls, not its news."""
    h = g.head
    if published is None or h.kind != "event" or h.status != "occurred" or h.background or \
            h.drop or h.event_type in NOT_VIOLENT_TYPES:
        return False
    high = g.value("date_high")
    if not isinstance(high, str):
        return False
    return (published - dt.date.fromisoformat(high)).days > RECALLED_DAYS


# a toll told in a relative clause on the event noun: "a strike ... that killed two men",
# "the raid, which left six dead", "un ataque que mató a dos"
_RELATIVE_TOLL = re.compile(r"(?:\bthat|\bwhich|,\s*que|\bque)\s+(?:[\w’'-]+\s+){0,3}$",
                            re.IGNORECASE)


def _toll_in_relative(f: Frame, doc: Doc) -> bool:
    """Whether each figure of the frame is told in a relative clause on its event noun: the
    act named as a known thing ("asked about a strike that killed two men"), not reported."""
    cites = [a for k, v in f.counts.items() if v != (None, None)
             for a, _ in f.prov.get(k, [])]
    if not cites or not named_by_noun(f, doc.article.language or "en"):
        return False
    # (the relative may hang on another noun of the act's sentence: "examines an attack …
    # that killed two people who had survived a first strike", the event word the last)
    return all(f.sentence.start <= a < f.sentence.end and
               _RELATIVE_TOLL.search(doc.text[max(f.sentence.start, a - 60):a]) for a in cites)


def _named_with_toll(g: Group, doc: Doc) -> bool:
    """An undated occurred violent event whose only acts of its own are tolls told in
    relative clauses on a noun: on a no-strike page, a known strike the page talks about."""
    h = g.head
    if h.kind != "event" or h.status != "occurred" or h.background or h.drop or \
            h.event_type in NOT_VIOLENT_TYPES or \
            any(f.date_low is not None and not f.date_told for f in g.frames):
        return False  # (the day it was told on, "told lawmakers on Thursday", is no act's)
    language = doc.article.language or "en"
    tolled = [f for f in g.frames if _act_of_its_own(f, language)]
    return bool(tolled) and all(_toll_in_relative(f, doc) for f in tolled)


# the act named as not having happened: '"no attack" had happened', "there was no strike",
# "ningún ataque", "no hubo tal bombardeo"
_NONE_OF_IT = re.compile(r"(?:\bno|\bning[úu]n[ao]?|\bno\s+hubo(?:\s+tal)?)\s+[\"“‘']?$",
                         re.IGNORECASE)


def _denies_an_act(doc: Doc, f: Frame) -> bool:
    """The event word names an act as one that did not happen ('"no attack" had
    happened')."""
    return f.kind == "event" and \
        bool(_NONE_OF_IT.search(doc.text[max(0, f.trigger.start - 12):f.trigger.start]))


def _said_not_to_be(g: Group, doc: Doc) -> bool:
    """An occurred violent event one of whose tellings names the act as one that did not
    happen, or one with no toll on a page that says an act did not happen (a report
    withdrawn: 'a source said "no attack" had happened', the denial read apart or dropped
    as negated): on a no-strike page, the page is about the report, not a strike."""
    h = g.head
    if h.kind != "event" or h.status != "occurred" or h.background or h.drop or \
            h.event_type in NOT_VIOLENT_TYPES:
        return False
    if any(_denies_an_act(doc, f) for f in g.frames):
        return True
    tolled = any(f.counts.get("killed", (None, None)) != (None, None) for f in g.frames)
    return not tolled and any(_denies_an_act(doc, f) for f in doc.frames)


# an act told in a relative clause on what it hit: "la lancha que Estados Unidos bombardeó
# el 16 de septiembre", "la lancha que atacaron"
_RELATIVE_ACT_ES = re.compile(r"\b(?:que|la\s+cual|el\s+cual)\s+(?:[\w.’'-]+\s+){0,3}$",
                              re.IGNORECASE)


def _told_as_description(g: Group) -> bool:
    """Whether every dated telling of a Spanish act is its verb in a relative clause on what
    it hit ("una de las lanchas que Estados Unidos bombardeó el 16 de septiembre era
    colombiana"): the act names a known craft, not news. (Spanish development ledgers
    count a strike recalled weeks back and told by its own noun or a main verb as the
    page's report of it — es/fields.BACKGROUND_DAYS —, so only these are recalled.)"""
    dated = [f for f in g.frames if f.date_low is not None and not f.date_told]
    return bool(dated) and all(
        not _NOUN_ES.match(f.trigger.text) and _RELATIVE_ACT_ES.search(
            f.sentence.text[:f.trigger.start - f.sentence.start][-40:]) for f in dated)


def _toll_standing(g: Group) -> bool:
    """Every telling a casualty word with a death toll and no act word ("At least 21 people
    are dead", "some 40 have died so far"): on a no-strike page, the campaign's dead where
    they stand — a tally, not one strike."""
    return all(f.trigger.strength == "weak" for f in g.frames) and \
        any(f.counts.get("killed", (None, None)) != (None, None) for f in g.frames)


#: a page the model calls no-strike with P(reports) at or under this share of its threshold
#: is confidently one (out of fold, batches T, U, W, X and Y: every page under 0.1 of 114
#: reports no strike); there an act told without a death toll is recalled, whatever its day
CONFIDENT_SHARE = 0.2


def _untolled(g: Group, doc: Doc) -> bool:
    """An occurred violent event none of whose tellings reports its calendar day, nor its
    dead or wounded (none, a toll told only in a relative clause on the event noun — "the
    recent strike that killed a fisherman" —, or a toll of an act dated by a month or a year
    only): on a page confidently no-strike, the act the page's threat, plan, hearing,
    fact-check, explainer or editorial came after or recalls ("On Saturday American forces
    carried out a raid" above a second-wave threat, "after a first strike, a second one
    targeted two survivors" in a legal explainer, "in January 2023 a bombing killed 47" in
    an editorial), not news; an undated toll ("An airstrike killed four") stays."""
    h = g.head
    return h.kind == "event" and h.status == "occurred" and not h.background and \
        not h.drop and h.event_type not in NOT_VIOLENT_TYPES and \
        not any(_calendar_day(f, doc) for f in g.frames) and \
        (all(_no_casualties(f) or _toll_in_relative(f, doc) for f in g.frames) or
         _month_or_year(g))


def _month_or_year(g: Group) -> bool:
    """The act dated by a month or a year of its own and by no day or week ("in January
    2023", "in 2019"; not the day it was told on, not "last weekend")."""
    dated = [f.time_precision for f in g.frames if f.date_low is not None and not f.date_told]
    return bool(dated) and all(p == 3 for p in dated)  # (a week, "last weekend", is news)


def _no_casualties(f: Frame) -> bool:
    """No dead or wounded counted: an act with casualties of its own ("killed an interpreter
    and two soldiers and wounded three") is told, even where the dead are read wrong."""
    return all(f.counts.get(k, (None, None)) == (None, None) for k in ("killed", "injured"))


def _calendar_day(f: Frame, doc: Doc) -> bool:
    """The act's own day told by its date ("on Aug. 24", "el 13 de noviembre"), not by a
    weekday: a page listing dated acts ("bombings on 24 August in Guaviare, 1 October in
    Amazonas") keeps them, as ledgers may count such a list as reports; the act a threat or
    explainer answers is told by the weekday or not dated at all."""
    return f.date_low is not None and not f.date_told and f.time_precision == 1 and \
        any(c.isdigit() for a, b in f.prov.get("date", ()) for c in doc.text[a:b])


def _recast(doc: Doc, g: Group) -> None:
    """Note a group the step makes background, so that the mention filter still judges it:
    background is never filtered, and a fragment the filter would drop must not survive
    because the page is no news."""
    for f in g.frames:  # (the mention cites its first frame's event word, not the head's)
        doc.recast.add((f.trigger.start, f.trigger.end))


@component("genre", requires=("doc.groups", "frame.kind", "frame.status", "frame.background",
                              "frame.counts", "frame.date_low", "frame.date_high",
                              "frame.date_told", "frame.place", "frame.actor1",
                              "frame.event_type",
                              "frame.target_kind"),
           assigns=("frame.status", "frame.background", "frame.kind", "doc.recast"))
def read_genre(doc: Doc) -> None:
    """In an article the genre model calls no-strike (P(reports) at or under its
    threshold), an event only talked about takes the article frame's status, else becomes
    background, and an act dated weeks before the page is recalled: background (module
    doc). Off unless the model is enabled (learn/genre.py)."""
    language = doc.article.language or "en"
    talked = [g for g in doc.groups if _talked_about(g, language)]
    published = page_floor(doc)
    recalled = [g for g in doc.groups if g not in talked and
                ((_recalled(g, published) and
                  (language != "es" or _told_as_description(g))) or
                 _named_with_toll(g, doc) or
                 _said_not_to_be(g, doc))]
    untolled = [g for g in doc.groups if g not in talked and g not in recalled and
                _untolled(g, doc)]
    if not talked and not recalled and not untolled:
        return  # the model is read only where it can change something
    p = genre.report_probability(doc)
    if p is None or p > genre.threshold():
        return
    if p <= genre.threshold() * CONFIDENT_SHARE:
        recalled += untolled
    for g in recalled:
        _recast(doc, g)
        for f in g.frames:
            f.background = True
    lede = frame_of(doc)
    cue = lede.prov.get("status", []) if lede is not None else []
    for g in talked:
        if lede is None and _toll_standing(g):
            for f in g.frames:
                f.kind = "tally"
                f.cite("kind", f.trigger.start, f.trigger.end)
            continue
        for f in g.frames:
            if lede is not None:
                f.status, f.status_cued = lede.status, True
                for a, b in cue:
                    f.cite("status", a, b)
            else:
                f.background = True
        if lede is None:
            _recast(doc, g)

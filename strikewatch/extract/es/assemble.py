"""Component `es_assemble`: a Spanish report read as one document, as the English one is.

Real copy announces one strike and keeps talking about it: "la embarcación era operada por
una organización terrorista", "el ataque, realizado en aguas internacionales", "el soldado
que murió fue identificado como …". A group that tells nothing of its own joins the event
it elaborates. The step is the English assembly's own (components/assemble.py,
`join_elaborations`), which compares fields; only the words that give a clause something
of its own — a figure, a day, a month, "otro", "un segundo ataque" — are Spanish (`OWN`).
"""

from __future__ import annotations

import re

from strikewatch.extract.components.assemble import (
    _PROSE_END,
    _VIOLENT,
    _attackers_clash,
    _casualties_only,
    _debunked_claims,
    _join_lone_tolls,
    _joins,
    _places_differ,
    _ranges_meet,
    _seas_differ,
    _toll,
    _violent_occurred,
    date_by_telling,
    is_furniture,
    join_elaborations,
)
from strikewatch.extract.components.recall_cues import recalled_without_day
from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.coref import _CONFLICT
from strikewatch.extract.counts import ranks_up_to
from strikewatch.extract.es.clauses import after_an_act, own_violence
from strikewatch.extract.es.counts import number_value
from strikewatch.extract.es.dates import DATE_RE, MONTHS, WEEKDAYS
from strikewatch.extract.es.lexicon import NUMBER_WORDS, ORDINALS, VAGUE, rank_alternation
from strikewatch.extract.es.parties import generic_plural
from strikewatch.extract.pipeline import component

#: number words that are also the indefinite article ("un ataque") tell no figure
_ARTICLES = {"un", "una", "uno"}
#: words in an event's first clause that tell something of its own: a figure, a day or a
#: month, a day told relative to the page, or a word that sets it apart ("otro ataque",
#: "un segundo ataque", "un nuevo bombardeo", "por separado")
OWN = re.compile(
    r"\d|\b(?:" + "|".join(sorted(
        {*WEEKDAYS, *MONTHS, *VAGUE, *(w for w in NUMBER_WORDS if w not in _ARTICLES)},
        key=len, reverse=True)) +
    r"|ayer|anteayer|antier|hoy|anoche|anteanoche|antenoche|madrugada|otr[oa]s?|nuev[oa]s?|"
    + rank_alternation(ranks_up_to(ORDINALS, 6, least=2), ending="s?") + r"|"
    r"separad[oa]s?|distint[oa]s?|dec(?:enas|ena)|docenas?)\b",
    re.IGNORECASE)


@component("es_assemble",
           requires=("doc.groups", "frame.kind", "frame.status", "frame.background",
                     "frame.date_low", "frame.place", "frame.counts", "frame.actor1",
                     "frame.actor2", "frame.event_type", "frame.told_read"),
           assigns=("doc.groups", "frame.date_low", "frame.date_high", "frame.time_precision",
                    "frame.date_told", "frame.background", "frame.counts", "doc.recast"))
def assemble(doc: Doc) -> None:
    """Elaborations join the strike they elaborate; with none to join, a generic plural
    ("los ataques", es/parties.py) or a party-less event word is dropped; a headline that
    tells its own figure joins the event of the body it announces (`_join_headline`); an
    act told as what a debunked post shows is background (`_debunked_claims`)."""
    doc.groups = _join_headline(doc, _lone_tolls(doc, join_elaborations(doc, OWN,
                                                                          generic_plural)))
    for g in doc.groups:
        date_by_telling(g)
    recalled_without_day(doc, doc.groups, _violent_occurred)
    _background_named_acts(doc)
    # on a page that calls a post or video false ("La publicación es falsa"), an act told
    # as what the checked item shows ("un vídeo que supuestamente muestra el bombardeo") is
    # only claimed: the English rule, whose claim words read Spanish too (not the whole
    # page made background, as `_commentary` does: a fact-check's recalled strike with its
    # own day stays a report)
    _debunked_claims(doc)


def _background_named_acts(doc: Doc) -> None:
    """On a page that reports no strike of its own (no occurred violent event with a day or
    a figure: a legal explainer, a reaction, an analysis), an act it only names is
    background (`_mentioned_only`). On a page that does report one, such an act is one more
    of its news ("otra acción israelí contra Arnoun") or that strike told again."""
    if any(_reported(g) for g in doc.groups):
        return
    counted = max((n for f in doc.frames
                   if (n := _run_size(f.counts.get("strikes"))) is not None), default=0)
    for g in doc.groups:
        if _mentioned_only(g) and not _rank_of_counted(doc, g, counted) and \
                not any(DATE_RE.search(doc.text, f.start, f.end) or
                        _TIME_FROM_ACT.search(doc.text, f.start, f.end) for f in g.frames):
            doc.recast.add((g.head.trigger.start, g.head.trigger.end))
            for f in g.frames:
                f.background = True


#: an ordinal right before the event word: "El tercer ataque, según las imágenes, …"
_RANK_BEFORE = re.compile(r"\b(" + "|".join(sorted(ORDINALS, key=len, reverse=True)) +
                          r")\s+$", re.IGNORECASE)


#: the most strikes a run told together may count ("tres ataques el lunes"): a larger count
#: is a campaign's, whose "segundo ataque" is no strike this page reports
RUN_MOST = 6


def _run_size(told: tuple[int | None, int | None] | None) -> int | None:
    """The strikes a page counts exactly in one run, up to `RUN_MOST`."""
    if told is None or told[0] is None or told[0] != told[1] or told[0] > RUN_MOST:
        return None
    return told[0]


def _rank_of_counted(doc: Doc, g: Group, counted: int) -> bool:
    """The act is told by its rank within a run of strikes the page counts ("tres ataques …
    El tercer ataque fue contra dos botes"): one of the page's own strikes, told again."""
    for f in g.frames:
        m = _RANK_BEFORE.search(doc.text, max(f.start, f.trigger.start - 20), f.trigger.start)
        if m is not None and ORDINALS[m.group(1).lower()] <= counted:
            return True
    return False


#: a time told from the act before: "Horas después", "poco antes", "minutos más tarde", "al
#: día siguiente" (the act is dated by the one it follows)
_TIME_FROM_ACT = re.compile(r"\b(?:(?:horas|minutos|momentos|instantes|días|poco|un\s+rato)\s+"
                            r"(?:después|antes|más\s+tarde)|más\s+tarde|al\s+día\s+siguiente|"
                            r"a\s+la\s+(?:mañana|noche|tarde)\s+siguiente)\b", re.IGNORECASE)


def _reported(g: Group) -> bool:
    """An occurred violent event with a day (its own or told) or a figure: a strike the page
    reports."""
    h = g.head
    return h.kind == "event" and h.status == "occurred" and not h.background and \
        not h.drop and h.event_type in _VIOLENT and not _mentioned_only(g)


def _mentioned_only(g: Group) -> bool:
    """An occurred violent act that every telling leaves with no day (its own or the day it
    was announced) and no figure at all: an act the page names ("un barco atacado por
    Estados Unidos", "tras el primer ataque", "que se haya dado a conocer un segundo
    ataque"), not one it reports. Background: a report of a strike tells its day or its
    dead somewhere, and a ledger cannot place an act with neither. (A day its words tell
    that a page with no date cannot resolve, "el jueves Israel atacara", is told: the
    caller keeps such an act.)"""
    h = g.head
    if h.kind != "event" or h.status != "occurred" or h.background or h.drop or \
            h.event_type not in _VIOLENT:
        return False
    return all(f.date_low is None and f.told_read is None and f.period_low is None and
               not any(v != (None, None) for v in f.counts.values()) for f in g.frames)



#: words that set a toll apart from the act told before it: "otros dos muertos", "murieron
#: además tres", "en un nuevo ataque", "por separado", "también murieron"
_SET_APART = re.compile(r"\b(?:otr[oa]s?|nuev[oa]s?|separad[oa]s?|distint[oa]s?|más|además|"
                        r"también|anterior|previ[oa])\b", re.IGNORECASE)


def _lone_tolls(doc: Doc, groups: list[Group]) -> list[Group]:
    """The English assembly's lone tolls (`_join_lone_tolls`): where the article tells one
    act, a toll told later by a casualty word alone ("La cifra de muertos se elevó a
    cinco", "El balance de fallecidos ascendió a 19") is that act's, told again or revised
    (es_counts cites the raise: `to_mention` takes the figure as the newer one); a toll set
    apart by its words ("otros dos muertos") is not offered."""
    apart = {id(g) for g in groups if _casualties_only(g) and any(
        _SET_APART.search(doc.text, f.start, f.end) for f in g.frames)}
    offered = _told_after_an_act(doc, groups)
    joined = _join_lone_tolls(doc, [g for g in groups if id(g) not in apart] + offered)
    kept = {id(g) for g in joined}
    return [g for g in groups if id(g) in apart or id(g) in kept]


def _told_after_an_act(doc: Doc, groups: list[Group]) -> list[Group]:
    """Casualty words told alone after an act ("Según el hospital, murieron 18 personas"),
    which coreference left out (no violence of their own, `coref._can_start`), each offered
    as a lone toll: one joins the page's one act, one that joins none tells nothing (which
    act it counts is not said); nor one set apart ("otros dos murieron", "además de …")."""
    grouped = {id(f) for g in groups for f in g.frames}
    return [Group([f]) for f in doc.frames
            if id(f) not in grouped and f.trigger.strength == "weak" and not f.drop and
            f.kind == "event" and f.status == "occurred" and not f.background and
            "killed" in f.counts and not own_violence(f.trigger) and
            not _CONFLICT.search(f.sentence.text) and after_an_act(doc, f.sentence) and
            not _SET_APART.search(doc.text, f.start, f.end)]


def _title_line(doc: Doc, f: Frame) -> bool:
    """The frame stands on a title: a line of its own that does not end like a sentence,
    with the story below it and nothing above it but short labels ("Sociedad", "Mundo |
    Colombia"); a first line that is the lede's paragraph is no title."""
    start = doc.text.rfind("\n", 0, f.trigger.start) + 1
    end = doc.text.find("\n", f.trigger.end)
    if end < 0 or not doc.text[end:].strip() or _PROSE_END.search(doc.text[:end]):
        return False
    return all(len(line.split()) <= CROSSHEAD_WORDS and not _PROSE_END.search(line)
               for line in doc.text[:start].splitlines() if line.strip())


def _plural_toll_title(t: Group) -> bool:
    """A title counted as a tally only because its event word is plural and it tells a
    toll ("Reportan decenas de muertos tras bombardeos de EE.UU. en Venezuela", "Ataques
    en la frontera dejan 17 muertos"): no strikes counted, no period, no campaign word (its
    kind cites the event word itself, es_kind) — the night's raid the body then tells, not a
    campaign's sum ("Ya son 87 los muertos por los ataques", which cites "ya son")."""
    h = t.head
    kind = h.prov.get("kind") or []
    return h.kind == "tally" and len(t.frames) == 1 and "strikes" not in h.counts and \
        h.since_read is None and h.period_low is None and \
        bool(kind) and tuple(kind[0]) == (h.trigger.start, h.trigger.end)


#: craft counted by a number: "tres embarcaciones", "dos presuntas narcolanchas"
_CRAFT = re.compile(r"\b(?P<n>\d{1,2}|[a-záéíóúñ]+)\s+(?:(?:presuntas?|supuestas?|nuevas?)\s+)?"
                    r"(?:narco)?(?:lanchas|embarcaciones|botes|buques|naves|semisumergibles|"
                    r"barcos)\b", re.IGNORECASE)


def _craft_counted(t: Group) -> int | None:
    """A title counted as a tally only by the craft it names ("EE.UU. ataca a tres
    embarcaciones en aguas internacionales": its strikes are the craft; no toll, period or
    campaign word): how many craft, for the lede that tells the one operation on them."""
    h = t.head
    told = h.counts.get("strikes")
    if h.kind != "tally" or len(t.frames) != 1 or told is None or told[0] != told[1] or \
            "killed" in h.counts or h.since_read is not None or h.period_low is not None:
        return None
    spans = h.prov.get("strikes") or []
    m = _CRAFT.search(h.sentence.text) if spans else None
    return told[0] if m is not None and number_value(m.group("n")) == told[0] else None


def _craft_count(doc: Doc, f: Frame) -> int | None:
    """The number of craft the frame's clause names ("una operación militar contra tres
    embarcaciones" → 3), if any."""
    m = _CRAFT.search(doc.text, f.start, f.end)
    return number_value(m.group("n")) if m is not None else None


def _title_of(t: Group, a: Group) -> bool:
    """Kind, status, parties and seas agree (`_joins`); a title may name the act with
    another word of violence than the body ("Enfrentamiento …" over "un operativo … acabó
    en un tiroteo"), so two violent types do not keep them apart."""
    h, ah = t.head, a.head
    if ah.kind != "event" or h.status != ah.status or h.background != ah.background:
        return False
    if h.event_type != ah.event_type and not {h.event_type, ah.event_type} <= {*_VIOLENT, None}:
        return False
    # (a plural title's tally, `_plural_toll_title`, is compared by its parties and seas)
    return _joins(t, a) if h.event_type == ah.event_type and h.kind == ah.kind else \
        _parties_agree(t, a)


def _parties_agree(t: Group, a: Group) -> bool:
    return not _attackers_clash(t.value("actor1"), a.value("actor1")) and \
        not _seas_differ(t, a)


def _tolls_meet(g: Group, a: Group) -> bool:
    for key in ("killed", "injured"):
        x, y = _toll(g, key), _toll(a, key)
        if x is not None and y is not None and not _ranges_meet(x, y):
            return False
    return True


def _join_headline(doc: Doc, groups: list[Group]) -> list[Group]:
    """A headline announces the story the body then tells: "Bombardeo deja 19 muertos en la
    selva" above "Por lo menos 19 guerrilleros murieron el lunes en un bombardeo en el
    Guaviare" is one strike, though both carry a figure (so neither is an elaboration). The
    headline's group joins the first event told below it that it can be — kind, status,
    parties and seas agree (`_joins`), tolls meet, places do not differ —, and the body's
    telling leads (its "por lo menos", day and place are the fuller ones). A headline that
    no event of the body can be stays its own."""
    if len(groups) < 2:
        return groups
    head = groups[0]
    craft = _craft_counted(head)
    if (head.head.kind != "event" and not _plural_toll_title(head) and craft is None) or \
            head.head.status != "occurred" or not all(_title_line(doc, f) for f in head.frames):
        return groups
    for a in groups[1:]:
        if craft is not None and _craft_count(doc, a.head) != craft:
            continue  # "ataca a tres embarcaciones" is the operation on those three only
        if _title_of(head, a) and _tolls_meet(head, a) and \
                not _places_differ(head.value("place"), a.value("place")):
            if craft is not None:
                for f in head.frames:  # the craft are the operation's targets, not strikes
                    f.counts.pop("strikes", None)
                    f.prov.pop("strikes", None)
            a.frames.extend(head.frames)
            a.frames[1:] = sorted(a.frames[1:], key=lambda f: f.start)
            a.quotes.extend(head.quotes)
            return groups[1:]
    return groups


#: a link to another story: "Lea también:", "Le puede interesar:", "VEA TAMBIÉN", "Más
#: información:"
#: (matched at a line's start: `_LINK_LABEL.match(text, line_start)`)
_LINK_LABEL = re.compile(r"\W*(?:(?:lea|lee|vea|ve|mira|leer)\s+(?:también|además|más)|"
                         r"(?:te|le|les)\s+puede(?:n)?\s+interesar|también\s+lee|"
                         r"más\s+información|relacionad[oa]s?|noticias?\s+relacionadas?)\b",
                         re.IGNORECASE)


#: the most words a crosshead line has
CROSSHEAD_WORDS = 6


def _headline(doc: Doc, f: Frame) -> bool:
    """Whether the frame's line is the article's first (its headline)."""
    return not doc.text[:f.trigger.start].strip(" \t") or \
        "\n" not in doc.text[:f.trigger.start].lstrip("\n")


@component("es_furniture", requires=("doc.frames", "frame.drop"), assigns=("frame.drop",))
def drop_furniture(doc: Doc) -> None:
    """Event words on a crosshead ("Ofensiva militar contra el narco": a short line below
    the headline that does not end like a sentence) or on a link to another story ("Le
    puede interesar: …") tell no event of their own. The headline stays: the Spanish reader
    joins it to the lede it restates and reads its figures (the English `furniture` step,
    which drops it too, has article_context to read it back)."""
    last = len(doc.text.rstrip())
    for f in doc.frames:
        if f.drop or _headline(doc, f):
            continue
        a = doc.text.rfind("\n", 0, f.trigger.start) + 1
        b = doc.text.find("\n", f.trigger.end)
        b = len(doc.text) if b < 0 else b
        # a crosshead is a few words; a longer line that does not end like a sentence is a
        # standfirst or a paragraph cut off, which tells the news; so does the page's last line
        crosshead = len(doc.text[a:b].split()) <= CROSSHEAD_WORDS and b < last and \
            is_furniture(doc.text, f.trigger.start, f.trigger.end)
        if crosshead or _LINK_LABEL.match(doc.text, a):
            f.drop = True

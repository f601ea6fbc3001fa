"""Spanish sentences, event words and clauses (es_sentences, es_triggers, es_clauses).

The first three slots of the Spanish reader: where a Spanish report tells an event, and
how one sentence that lists several strikes ("en el primer ataque ..., en el segundo ...")
becomes one frame per item. Fields are read by es/fields.py, parties by es/parties.py.
"""

from __future__ import annotations

import re
from dataclasses import replace

from strikewatch.caseless import AnyMatch
from strikewatch.extract.anchored import anchored_matcher
from strikewatch.extract.context import Doc, Frame, Sentence, Trigger
from strikewatch.extract.counts import ranks_up_to
from strikewatch.extract.es.counts import RANK_TURN
from strikewatch.extract.es.dates import MONTHS
from strikewatch.extract.es.lexicon import (
    BOMB_WORD,
    CASUALTY_WORDS,
    CLASH_WORDS,
    EXPLOSION_WORDS,
    NUMBER,
    ORDINALS,
    SEA_INCIDENT_WORDS,
    STATUS_CUES,
    STRIKE_WORDS,
    VEHICLE_BOMB,
    VESSEL,
    previous_act,
    rank_alternation,
    rank_stems,
)
from strikewatch.extract.pipeline import component
from strikewatch.extract.sentences import split_sentences
from strikewatch.extract.triggers import BAT, ERV, SD, VAC

_ANAPHOR = re.compile(r"\b(?:el|la|los|las|este|esta|estos|estas|dicho|dicha|ese|esa|"
                      r"del|al|su|sus)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: only a noun refers back ("el golpe"); a verb after "del ELN" ("del ELN golpeó") tells
_EVENT_NOUN = re.compile(r"(?:ataques?|bombardeos?|golpes?|operación|acción|operativo|"
                         r"enfrentamientos?|choques?|tiroteos?|balaceras?|refriegas?)\b",
                         re.IGNORECASE)
# "en el primer ataque …; en el segundo …": a strike by its rank, opening a list, is no
# reference back (a lone "el primer ataque" of the campaign is)
# (ranks to the sixth: a day's series)
_RANKED = re.compile(r"\b(?:" + "|".join(rank_stems(ranks_up_to(ORDINALS, 6))) + r")\w*\s+$",
                     re.IGNORECASE)
_NEXT_RANK = re.compile(r"\b(?:" + "|".join(rank_stems(ranks_up_to(ORDINALS, 6, least=2))) +
                        r")[oa]\b", re.IGNORECASE)
# "un nuevo ataque" tells one more; "este nuevo ataque" points back at the one just told
_INDEF = re.compile(r"\b(?:un|una|otro|otra|(?<!\beste )(?<!\besta )(?<!\bese )(?<!\besa )"
                    r"(?:nuevo|nueva))\s+(?:\w+\s+)?$", re.IGNORECASE)


_KILLING = re.compile(r"(?:abati|mat[óaá])", re.IGNORECASE)
#: an attack told with no weapon ("atacaron a los militares", "el ataque"): in a sentence
#: that names a clash, the clash
_PLAIN_ATTACK = re.compile(r"atac(?:ó|aron|a|an|ado|ada|ando)|ataques?", re.IGNORECASE)
_SPLIT_ABBREV = re.compile(r"(?:\bEE|\bUU|\bUd|\bSr|\bSra|\bDr|\bGral|\bAlm|\bCnel)\.$")


@component("es_sentences", assigns=("doc.sentences",))
def split_sentences_es(doc: Doc) -> None:
    """The shared splitter, then Spanish abbreviations joined back ("EE. UU.", "Sr.")."""
    split_sentences(doc)
    out: list[Sentence] = []
    for s in doc.sentences:
        prev = out[-1] if out else None
        # (its match ends the text: sought in the last characters, not the whole sentence)
        if prev is not None and \
                _SPLIT_ABBREV.search(prev.text, max(0, len(prev.text) - 8)) and \
                "\n" not in doc.text[prev.end:s.start]:
            out[-1] = Sentence(prev.index, prev.start, s.end, doc.text[prev.start:s.end])
        else:
            out.append(Sentence(len(out), s.start, s.end, s.text))
    doc.sentences = out


#: gunfire that opens a clash: "les abrieron fuego y se desató un intercambio de disparos"
_GUNFIRE = re.compile(r"abri(?:ó|eron) fuego|dispar(?:ó|aron) contra|tirote(?:ó|aron|ara|aran)",
                      re.IGNORECASE)
#: the object of a plain attack when it is the state's forces ("a elementos de la Guardia
#: Civil", "a una patrulla del Ejército", "a los militares")
_ON_FORCES = re.compile(
    r"\s+a\s+(?:(?:los|las|un|una|unos|unas|varios|dos|tres|cuatro|cinco)\s+)?"
    r"(?:elementos|militares|soldados|agentes|policías|uniformados|efectivos|tropas|patrullas?|"
    r"marinos|guardias|integrantes\s+de\s+(?:la|las|el|los)\s+(?:Guardia|Ejército|Fuerzas?|"
    r"Policía|Marina))\b", re.IGNORECASE)


#: the bomb told before, as the subject of its sentence ("El vehículo, lleno de explosivos,
#: detonó", "La explosión se produjo hacia las 12.00")
_BOMB_SUBJECT = re.compile(r"\W*(?:el|la|dicho|dicha|ese|esa)\s+(?:vehículo|camioneta|coche|carro|"
                           r"auto|explosión|estallido|detonación|artefacto|bomba)\b",
                           re.IGNORECASE)


_DEFINITE_END = re.compile(r"\b(?:el|la|ese|esa|dicho|dicha|aquel|aquella)\s+$", re.IGNORECASE)
#: "el estallido se produjo hacia las 12.00": the explosion just told, and its time
_TOLD_EXPLOSION = anchored_matcher(re.compile(
    r"(?:(?<=\bel )|(?<=\bla )|(?<=\bese )|(?<=\besa ))"
    r"(?:explosión|estallido|detonación)"
    r"(?=\s+(?:se\s+)?(?:produjo|registró|ocurrió|tuvo lugar)\b)", re.IGNORECASE))
#: the other word lists `find_triggers` scans every sentence with, each tried only where
#: one of its literal starts stands (anchored.py: the same matches as the lexicon's)
_VEHICLE_BOMB = anchored_matcher(VEHICLE_BOMB)
_BOMB_WORD = anchored_matcher(BOMB_WORD)
_EXPLOSION_WORDS = anchored_matcher(EXPLOSION_WORDS)
_CLASH_WORDS = anchored_matcher(CLASH_WORDS)
_SEA_INCIDENT_WORDS = anchored_matcher(SEA_INCIDENT_WORDS)


def _bomb_triggers(s: Sentence) -> list[Trigger]:
    """A vehicle bomb, or an explosion in a sentence that names the bomb: one event word,
    the first of them."""
    m = _VEHICLE_BOMB.search(s.text)
    if m is None and _BOMB_WORD.search(s.text):
        m = _EXPLOSION_WORDS.search(s.text)
    if m is None:
        m = _TOLD_EXPLOSION.search(s.text)
    if m is None:
        return []
    return [Trigger(s.start + m.start(), s.start + m.end(), m.group(0), ERV,
                    "Remote explosive/landmine/IED")]


#: the type of a strike on a craft that its striker calls an engagement
_ENGAGEMENT = (ERV, "Air/drone strike")
#: a second side named right after the clash word: "enfrentamiento con sicarios", "entre la
#: Armada y los tripulantes" (a fight, not a strike)
_SIDES_AFTER = re.compile(r"\s+(?:armad[oa]s?\s+)?(?:con|entre|contra(?!\s+(?:(?:una?|la|el|"
                          r"las|los|dos|tres|cuatro)\s+)?(?:narco)?(?:lanchas?|embarcaci|"
                          r"botes?|semisumergibles?|buques?)))\b", re.IGNORECASE)


def _engages_craft(s: Sentence, end: int) -> bool:
    """"En el primer enfrentamiento murieron los tres ocupantes de la lancha", "antes de
    que los enfrentamientos siguientes hundieran las embarcaciones": the military's own
    word for a strike on a boat ("engagement") where the sentence names the craft and no
    second side after the clash word — a strike, not an armed clash ("un enfrentamiento con
    los tripulantes de una lancha" stays a fight). `end`: the clash word's end in s.text."""
    return VESSEL.search(s.text) is not None and _SIDES_AFTER.match(s.text, end) is None


@component("es_triggers", requires=("doc.sentences",), assigns=("doc.triggers",))
def find_triggers(doc: Doc) -> None:
    """Spanish event words per sentence: strikes, else armed clashes, else incidents at sea
    (strong), else casualty words (weak)."""
    doc.triggers = {}
    m: AnyMatch  # a match of one of the three word lists
    for s in doc.sentences:
        hits: list[Trigger] = []
        for m in STRIKE_WORDS.finditer(s.text):
            hits.append(Trigger(s.start + m.start(), s.start + m.end(), m.group(0), ERV,
                                "Air/drone strike"))
        if not hits:
            hits = _bomb_triggers(s)
        elif _VEHICLE_BOMB.search(s.text):
            # "un ataque con carro bomba": the attack is the bomb, not an air strike
            hits = [replace(h, sub_event_type="Remote explosive/landmine/IED") for h in hits]
        clashes = list(_CLASH_WORDS.finditer(s.text))
        if hits and all(_PLAIN_ATTACK.fullmatch(h.text) for h in hits) and not clashes and \
                _ON_FORCES.match(s.text, hits[0].end - s.start):
            # "civiles armados atacaron a elementos del Ejército": an armed group's attack
            # on the forces is a clash (ACLED codes the fight, not a strike)
            hits = [replace(h, event_type="Battles", sub_event_type="Armed clash") for h in hits]
        if clashes and hits and all(_PLAIN_ATTACK.fullmatch(h.text) or _GUNFIRE.fullmatch(h.text)
                                    for h in hits):
            # "el enfrentamiento ocurrió cuando desconocidos atacaron a los militares": the
            # attack that opened a clash is the clash, not a strike
            hits = []
        if not hits:
            for m in clashes:
                hits.append(Trigger(s.start + m.start(), s.start + m.end(), m.group(0),
                                    *(_ENGAGEMENT if _engages_craft(s, m.end() - s.start)
                                      else ("Battles", "Armed clash"))))
        if not hits:
            for m in _SEA_INCIDENT_WORDS.finditer(s.text):
                hits.append(Trigger(s.start + m.start(), s.start + m.end(), m.group(0), SD,
                                    "Other"))
        if not hits:
            for m in CASUALTY_WORDS.finditer(s.text):
                hits.append(Trigger(s.start + m.start(), s.start + m.end(), m.group(0), None,
                                    None, strength="weak", generic=True))
        if hits:
            doc.triggers[s.index] = hits
    doc.bump("sentences", len(doc.sentences))
    doc.bump("triggered", len(doc.triggers))


@component("es_clauses", requires=("doc.sentences", "doc.triggers"),
           assigns=("doc.frames", "frame.event_type", "frame.anaphoric",
                    "frame.violent_context", "frame.gap_of", "frame.more"))
def make_frames(doc: Doc) -> None:
    """One frame per sentence with an event word, on its first event word; whether the
    word refers back ("el ataque", "la embarcación atacada") rather than telling a new one."""
    doc.frames = []
    for s in doc.sentences:
        trigs = doc.triggers.get(s.index)
        if not trigs:
            item = _item_sentence(doc, s)
            if item is not None:
                doc.frames.append(item)
            continue
        items = _list_items(doc, s) or _dated_items(doc, s, trigs)
        if items:
            doc.frames.extend(items)
            continue
        for t, a, b in _tally_clauses(doc, s, _clauses(doc, s, trigs), trigs):
            f = _frame(doc, s, t, a, b)
            if _PART.match(doc.text, a):
                f.anaphoric = False  # "de ellos, 34 en los ocho ataques de 2026": a part
            doc.frames.append(f)


_ITEM_SENTENCE = re.compile(r"^\W*(?:y\s+)?en\s+(?:el|la)\s+(?P<o>" +
                            rank_alternation(ranks_up_to(ORDINALS, 6, least=2)) + r")\b",
                            re.IGNORECASE)


def _item_sentence(doc: Doc, s: Sentence) -> Frame | None:
    """"En el primer ataque murieron ocho. En el segundo, cuatro. En el tercero, tres.": a
    list of strikes told one sentence per item; an item with no event word of its own is the
    next strike of the list begun in the sentence before, sharing its death word."""
    m = _ITEM_SENTENCE.match(s.text)
    if m is None or not doc.frames:
        return None
    prev = doc.frames[-1]
    if s.index - prev.sentence.index != 1 or not (
            prev.gap_verb or _ORDINAL_AT.search(prev.sentence.text)):
        return None
    t = Trigger(s.start + m.start("o"), s.start + m.end("o"), m.group("o"), ERV,
                "Air/drone strike")
    f = Frame(sentence=s, trigger=t, start=s.start, end=s.end, event_type=ERV,
              sub_event_type="Air/drone strike", violent_context=True)
    death = _DEATH_WORD.search(prev.sentence.text)
    f.gap_verb = prev.gap_verb or (death.group(0) if death else "")
    f.cite("event_type", t.start, t.end)
    return f


#: ", lo que eleva a 130 las víctimas", "; se suma a decenas de ataques": the campaign's
#: running total told in the strike's sentence, a clause of its own; not the act's own
#: result told after "lo que" (", lo que dejó tres muertos", "lo que causó la muerte de dos":
#: `_OWN_RESULT`)
_OWN_RESULT = (r"(?!\s+(?:ha\s+|habría\s+)?(?:dej(?:ó|a|aba|ado)|caus(?:ó|a|ado)|"
               r"provoc(?:ó|a|ado)|cost(?:ó|a|ado)|se\s+sald(?:ó|a))\b(?!\s+en\b))")
_TALLY_TURN = re.compile(r"[,;]\s+(?:(?:lo que|con lo que|con lo cual)" + _OWN_RESULT +
                         r"|elevando|y (?:ya )?eleva|"
                         # "…157 muertos; de ellos, 34 en los ocho ataques de 2026": a part
                         r"de (?:ellos|ellas|estos|estas)(?=,)|"
                         r"(?:y )?se suma a|con (?:este|esta|ello)\b[^,;.]{0,30}?(?:suma|ya son))"
                         r"\b", re.IGNORECASE)
_PART = re.compile(r"[,;]\s+de (?:ellos|ellas|estos|estas),", re.IGNORECASE)
_TURN_VERB = re.compile(r"\b(?:lleva|eleva|suma|son|sube)\w*", re.IGNORECASE)


def _tally_clauses(doc: Doc, s: Sentence, clauses: list[tuple[Trigger, int, int]],
                   trigs: list[Trigger]) -> list[tuple[Trigger, int, int]]:
    """A strike's clause stops where the running total begins; the total is a clause of its
    own, on its own event word or, with none ("lo que lleva a 130 las víctimas"), on its
    verb (a weak word: it only stands with a count)."""
    out: list[tuple[Trigger, int, int]] = []
    for t, a, b in clauses:
        m = _TALLY_TURN.search(doc.text, t.end, b)
        if m is None:
            out.extend(_rank_clause(doc, t, a, b))
            continue
        out.append((t, a, m.start()))
        own = next((x for x in trigs if m.start() <= x.start < b), None)
        if own is None:
            v = _TURN_VERB.search(doc.text, m.start(), b)
            if v is None:
                continue
            own = Trigger(v.start(), v.end(), v.group(0), ERV, "Air/drone strike", generic=True)
        out.append((own, m.start(), b))
    return out


def _rank_clause(doc: Doc, t: Trigger, a: int, b: int) -> list[tuple[Trigger, int, int]]:
    """"El ataque del lunes es el vigésimo desde que empezó la campaña", "es, en lo que va
    de 2025, el séptimo": the act's rank in the campaign, told with its noun left out, is
    the campaign's count — a tally clause of its own on the ordinal — and the act keeps
    its own toll and day as one incident."""
    m = RANK_TURN.search(doc.text, t.end, b)
    if m is None:
        return [(t, a, b)]
    own = Trigger(m.start(1), m.end(1), m.group(1), ERV, "Air/drone strike", generic=True)
    return [(t, a, m.start()), (own, m.start(), b)]


#: "después de que", "luego de que", "tras que": what follows happened before, on its own day
_AFTER_EVENT = re.compile(r"\b(?:después|luego|antes) de que\b|\btras que\b", re.IGNORECASE)
_NEXT_EVENT_JOIN = re.compile(r"[,;]\s+(?:y|mientras que)\s+|;\s+", re.IGNORECASE)
_OTHER = re.compile(r"\b(?:otr[oa]|nuev[oa])\s+(?:\w+\s+)?$", re.IGNORECASE)


def _clauses(doc: Doc, s: Sentence, trigs: list[Trigger]) -> list[tuple[Trigger, int, int]]:
    """The sentence's event clauses: one, on its first event word, unless a later event
    word comes after a plan or threat cue of its own ("… ha hundido una decena de lanchas,
    y ha avisado de que lo próximo será una ofensiva en tierra"), or tells another strike
    after ", y" or ";" ("…, y el 13 de febrero murieron tres en otro bombardeo"): that part
    is an event of its own, from the boundary before it."""
    out = [(trigs[0], s.start, s.end)]
    for t in trigs[1:]:
        prev_t, a, _ = out[-1]
        between = doc.text[prev_t.end:t.start]
        cue = None
        for status, rx in STATUS_CUES:
            if status in ("planned", "threatened"):
                cue = cue or rx.search(between)
        after = _AFTER_EVENT.search(between)
        if cue is None and after is not None:
            # "Esos ataques llegaron después de que el martes EE.UU. golpeara Hodeidah, donde
            # murieron 13": the earlier strike, told in a clause of its own
            cut = prev_t.end + after.start()
            out[-1] = (prev_t, a, cut)
            out.append((t, cut, s.end))
            continue
        if cue is None:
            # "…dejó 11 muertos, y el 13 de febrero murieron tres en otro bombardeo": a
            # second strike told after a coordinating boundary is a clause of its own
            joins = list(_NEXT_EVENT_JOIN.finditer(between))
            if joins and _OTHER.search(doc.text[max(s.start, t.start - 12):t.start]):
                cut = prev_t.end + joins[-1].start()
                out[-1] = (prev_t, a, cut)
                out.append((t, cut, s.end))
            continue
        comma = between.rfind(",", 0, cue.start())
        cut = prev_t.end + (comma if comma >= 0 else cue.start())
        out[-1] = (prev_t, a, cut)
        out.append((t, cut, s.end))
    return out


def own_violence(t: Trigger) -> bool:
    """Whether the event word tells violence itself: an act, a running toll of "víctimas" or
    a killing ("abatió a otro dirigente", "mataron a dos"), unlike "murieron"."""
    return t.strength == "strong" or t.text.lower().endswith("víctimas") or \
        _KILLING.match(t.text) is not None


def after_an_act(doc: Doc, s: Sentence) -> bool:
    """Whether a sentence before s tells a violent act: a toll told alone after it
    ("Según el hospital, murieron 18 personas") is told of violence, as in English (which
    reads the sentence before); es_assemble offers it to the page's one act."""
    return any(t.strength == "strong" and t.event_type in (ERV, BAT, VAC)
               for i, ts in doc.triggers.items() if i < s.index for t in ts)


def _frame(doc: Doc, s: Sentence, t: Trigger, start: int, end: int) -> Frame:
    """A frame on event word `t` over text[start:end]; whether the word refers back."""
    f = Frame(sentence=s, trigger=t, start=start, end=end, event_type=t.event_type,
              sub_event_type=t.sub_event_type)
    # "una estrategia que ya suma 133 víctimas": a running toll is told of violence
    f.violent_context = own_violence(t)
    before = doc.text[max(s.start, t.start - 25):t.start]
    refers = bool(_ANAPHOR.search(before)) and not _INDEF.search(before) and \
        bool(_EVENT_NOUN.match(t.text))
    if refers and _RANKED.search(before) and _NEXT_RANK.search(doc.text, t.end, t.end + 200):
        refers = False  # the first of a list of strikes told next
    if not refers and t.sub_event_type == "Remote explosive/landmine/IED" and \
            (_BOMB_SUBJECT.match(doc.text, s.start, t.start) or _DEFINITE_END.search(before)):
        refers = True  # "El vehículo, lleno de explosivos, detonó en la calle …": the bomb told
    if refers and previous_act(doc.text, t.start, t.end):
        refers = False  # "el bombardeo anterior", "el anterior ataque": an earlier act
    f.anaphoric = refers
    if t.event_type:
        f.cite("event_type", t.start, t.end)
    return f




_ORDINAL = re.compile(r"\b(?:en|de|a bordo de)\s+(?:el|la)\s+(?P<o>" +
                      rank_alternation(ranks_up_to(ORDINALS, 6)) +
                      r")\b(?:\s+(?:ataque|lancha|nave|"
                      r"embarcación|bombardeo|golpe)(?:\s+atacada)?)?", re.IGNORECASE)
_ITEM_BREAK = re.compile(r"[,;:]\s+|\s+y\s+(?=(?:en|de|\w+\s+(?:en|a bordo de))\s+(?:el|la)\s)")
_DEATH_WORD = re.compile(r"\b(?:muert[oa]s|murieron|fallecid[oa]s|fallecieron|perdieron la vida|"
                         r"sin vida)\b", re.IGNORECASE)
_ORDINAL_AT = anchored_matcher(_ORDINAL)  # (tried at its anchors: same matches)


def _count_in(text: str, a: int, b: int) -> bool:
    """A figure (not the article "un", "una") in text[a:b]."""
    return any(m.group("n").lower() not in ("un", "una", "uno")
               for m in NUMBER.finditer(text, a, b))


def _figure_first(text: str, first: tuple[int, int, re.Match[str]]) -> bool:
    """Whether the list tells each figure before its rank ("ocho iban a bordo en el primer
    ataque; cuatro, en el segundo, y tres, en el tercero"), as its first item does: then a
    figure cut off by a comma belongs to the item after it, not the one before."""
    a, _, m = first
    return _count_in(text, a, m.start())


#: a plural event word, then a colon: a list of the strikes follows ("los bombardeos del
#: gobierno contra …: el 24 de agosto en Guaviare; el 1 de octubre en Amazonas …")
_PLURAL_EVENT = re.compile(r"\b(?:bombardeos|ataques|operaciones|atentados|incursiones)\b",
                           re.IGNORECASE)
#: an item of such a list: its day first ("el 24 de agosto en …", "y el 13 de noviembre en …")
_DATED_ITEM = re.compile(r"\s*(?:y\s+)?(?:el|del)\s+(?P<d>\d{1,2}|primero)\s+de\s+"
                         r"(?:" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


def _dated_items(doc: Doc, s: Sentence, trigs: list[Trigger]) -> list[Frame]:
    """"… tras los bombardeos del gobierno: el 24 de agosto en Guaviare; el 1 de octubre en
    Amazonas; y el 13 de noviembre en Arauca": strikes listed by their days after a colon
    are one event per item, each with its day and place (the words before the colon tell
    the list, no event of their own)."""
    colon = s.text.find(":")
    if colon < 0 or not _PLURAL_EVENT.search(s.text, 0, colon):
        return []
    head = next((t for t in trigs if t.start - s.start < colon and t.strength == "strong"), None)
    if head is None:
        return []
    cuts = [colon + 1] + [i + 1 for i, ch in enumerate(s.text) if ch == ";" and i > colon]
    cuts.append(len(s.text))
    out: list[Frame] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        m = _DATED_ITEM.match(s.text, a, b)
        if m is None:
            return []  # not every part an item: no list of dated strikes
        t = Trigger(s.start + m.start("d"), s.start + m.end(), m.group(0)[m.start("d") -
                    m.start():], head.event_type, head.sub_event_type)
        f = Frame(sentence=s, trigger=t, start=s.start + a, end=s.start + b,
                  event_type=head.event_type, sub_event_type=head.sub_event_type,
                  violent_context=True)
        f.cite("event_type", head.start, head.end)
        out.append(f)
    return out if len(out) >= 2 else []


def _list_items(doc: Doc, s: Sentence) -> list[Frame]:
    """"ocho muertos en la primera lancha y cuatro en la segunda", "en el primer ataque …,
    en el segundo ataque cuatro y en el tercero tres": a list of strikes by ordinal is one
    event per item, each with its own figure; the item's count shares the list's death word
    (`gap_verb`), as English gapped counts do."""
    ords = list(_ORDINAL_AT.finditer(s.text))
    if len({m.group("o").lower()[:4] for m in ords}) < 2:
        return []
    cuts = [0] + [m.end() for m in _ITEM_BREAK.finditer(s.text)] + [len(s.text)]
    segs = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    items: list[tuple[int, int, re.Match[str]]] = []
    ahead: int | None = None  # where a figure told before its item's rank begins
    for a, b in segs:
        inside = [m for m in ords if a <= m.start() < b]
        if inside:
            items.append((a if ahead is None else ahead, b, inside[0]))
            ahead = None
        elif items and _figure_first(s.text, items[0]) and _count_in(s.text, a, b):
            ahead = a  # "ocho en el primer ataque; cuatro, en el segundo": the next item's
        elif items:
            items[-1] = (items[-1][0], b, items[-1][2])  # "…en la tercera, dos murieron"
    if ahead is not None and items:
        items[-1] = (items[-1][0], len(s.text), items[-1][2])
    death = _DEATH_WORD.search(s.text)
    out: list[Frame] = []
    for a, b, m in items:
        t = Trigger(s.start + m.start("o"), s.start + m.end(), m.group(0)[m.start("o") -
                    m.start():], ERV, "Air/drone strike")
        f = Frame(sentence=s, trigger=t, start=s.start + a, end=s.start + b, event_type=ERV,
                  sub_event_type="Air/drone strike", violent_context=True)
        f.gap_verb = death.group(0) if death else ""
        f.cite("event_type", t.start, t.end)
        out.append(f)
    return out

"""The Spanish reader's components, registered by name like the English ones (es_*).

Each replaces the English component of the same slot where the words matter (event words,
status, counts, dates, kind, targets, actors, places, attribution); sentence splitting,
coreference, the seas of a tally and the building of Mention records are the English
pipeline's own, language-neutral components, reused by name (see reader.py).
"""

from __future__ import annotations

import re

from strikewatch.extract.context import DateRead, Doc, Frame, Group, Sentence, Trigger
from strikewatch.extract.coref import compatible, merge_frames
from strikewatch.extract.es import counts as es_counts
from strikewatch.extract.es import dates as es_dates
from strikewatch.extract.es.lexicon import (
    ACTOR_RE,
    ACTORS,
    ANONYMOUS,
    ATTRIBUTION,
    CASUALTY_WORDS,
    CONDITIONAL,
    COUNTRIES,
    HEDGES,
    LAND_TARGET,
    SAY_VERB,
    SEA_INCIDENT_WORDS,
    SEA_WORD,
    STATUS_CUES,
    STRIKE_WORDS,
    VESSEL,
    clean_name,
)
from strikewatch.extract.pipeline import component
from strikewatch.extract.sentences import split_sentences
from strikewatch.extract.triggers import ERV, SD
from strikewatch.geo.protocol import geoparser
from strikewatch.records import Actor, Attribution, Place

_ANAPHOR = re.compile(r"\b(?:el|la|los|las|este|esta|estos|estas|dicho|dicha|ese|esa|"
                      r"del|al|su|sus)\s+(?:\w+\s+)?$", re.IGNORECASE)
_INDEF = re.compile(r"\b(?:un|una|otro|otra|nuevo|nueva)\s+(?:\w+\s+)?$", re.IGNORECASE)


_SPLIT_ABBREV = re.compile(r"(?:\bEE|\bUU|\bUd|\bSr|\bSra|\bDr|\bGral|\bAlm|\bCnel)\.$")


@component("es_sentences", assigns=("doc.sentences",))
def split_sentences_es(doc: Doc) -> None:
    """The shared splitter, then Spanish abbreviations joined back ("EE. UU.", "Sr.")."""
    split_sentences(doc)
    out: list[Sentence] = []
    for s in doc.sentences:
        prev = out[-1] if out else None
        if prev is not None and _SPLIT_ABBREV.search(prev.text) and \
                "\n" not in doc.text[prev.end:s.start]:
            out[-1] = Sentence(prev.index, prev.start, s.end, doc.text[prev.start:s.end])
        else:
            out.append(Sentence(len(out), s.start, s.end, s.text))
    doc.sentences = out


@component("es_triggers", requires=("doc.sentences",), assigns=("doc.triggers",))
def find_triggers(doc: Doc) -> None:
    """Spanish event words per sentence: strikes (strong) and casualty words (weak)."""
    doc.triggers = {}
    for s in doc.sentences:
        hits: list[Trigger] = []
        for m in STRIKE_WORDS.finditer(s.text):
            hits.append(Trigger(s.start + m.start(), s.start + m.end(), m.group(0), ERV,
                                "Air/drone strike"))
        if not hits:
            for m in SEA_INCIDENT_WORDS.finditer(s.text):
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
            continue
        items = _list_items(doc, s)
        if items:
            doc.frames.extend(items)
            continue
        for t, a, b in _clauses(doc, s, trigs):
            doc.frames.append(_frame(doc, s, t, a, b))


def _clauses(doc: Doc, s: Sentence, trigs: list[Trigger]) -> list[tuple[Trigger, int, int]]:
    """The sentence's event clauses: one, on its first event word, unless a later event
    word comes after a plan or threat cue of its own ("… ha hundido una decena de lanchas,
    y ha avisado de que lo próximo será una ofensiva en tierra"): that part is an event of
    its own, from the comma before the cue."""
    out = [(trigs[0], s.start, s.end)]
    for t in trigs[1:]:
        prev_t, a, _ = out[-1]
        between = doc.text[prev_t.end:t.start]
        cue = None
        for status, rx in STATUS_CUES:
            if status in ("planned", "threatened"):
                cue = cue or rx.search(between)
        if cue is None:
            continue
        comma = between.rfind(",", 0, cue.start())
        cut = prev_t.end + (comma if comma >= 0 else cue.start())
        out[-1] = (prev_t, a, cut)
        out.append((t, cut, s.end))
    return out


def _frame(doc: Doc, s: Sentence, t: Trigger, start: int, end: int) -> Frame:
    """A frame on event word `t` over text[start:end]; whether the word refers back."""
    f = Frame(sentence=s, trigger=t, start=start, end=end, event_type=t.event_type,
              sub_event_type=t.sub_event_type)
    f.violent_context = t.strength == "strong"
    before = doc.text[max(s.start, t.start - 25):t.start]
    f.anaphoric = bool(_ANAPHOR.search(before)) and not _INDEF.search(before) and \
        t.text.lower().startswith(("ataque", "bombardeo", "golpe"))
    if t.event_type:
        f.cite("event_type", t.start, t.end)
    return f


_INFINITIVE = re.compile(r"(?:atacar|bombardear|golpear|destruir|hundir)\b", re.IGNORECASE)
_INDIRECT = re.compile(r"\b(?:de|sobre|saber|investiga|establecer|pregunta)\s+si\b", re.I)


_ORDINAL = re.compile(r"\b(?:en|de|a bordo de)\s+(?:el|la)\s+(?P<o>primer[oa]?|segund[oa]|"
                      r"tercer[oa]?|cuart[oa]|quint[oa]|sext[oa])\b(?:\s+(?:ataque|lancha|nave|"
                      r"embarcación|bombardeo|golpe)(?:\s+atacada)?)?", re.IGNORECASE)
_ITEM_BREAK = re.compile(r"[,;:]\s+|\s+y\s+(?=(?:en|de|\w+\s+(?:en|a bordo de))\s+(?:el|la)\s)")
_DEATH_WORD = re.compile(r"\b(?:muert[oa]s|murieron|fallecid[oa]s|fallecieron|perdieron la vida|"
                         r"sin vida)\b", re.IGNORECASE)


def _list_items(doc: Doc, s: Sentence) -> list[Frame]:
    """"ocho muertos en la primera lancha y cuatro en la segunda", "en el primer ataque …,
    en el segundo ataque cuatro y en el tercero tres": a list of strikes by ordinal is one
    event per item, each with its own figure; the item's count shares the list's death word
    (`gap_verb`), as English gapped counts do."""
    ords = list(_ORDINAL.finditer(s.text))
    if len({m.group("o").lower()[:4] for m in ords}) < 2:
        return []
    cuts = [0] + [m.end() for m in _ITEM_BREAK.finditer(s.text)] + [len(s.text)]
    segs = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
    items: list[tuple[int, int, re.Match[str]]] = []
    for a, b in segs:
        inside = [m for m in ords if a <= m.start() < b]
        if inside:
            items.append((a, b, inside[0]))
        elif items:
            items[-1] = (items[-1][0], b, items[-1][2])  # "…en la tercera, dos murieron"
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


def _status(doc: Doc, f: Frame) -> None:
    _read_status(doc, f)
    word = f.trigger.text.split()[0]
    if f.status == "occurred" and _INFINITIVE.fullmatch(word):
        f.drop = True  # "una excusa para atacar esos botes": no event told
    if f.status == "hypothetical" and (f.anaphoric or _INDIRECT.search(f.sentence.text)):
        # "dudas sobre si el ataque fue legal": a question about an event told
        f.status, f.status_cued = "occurred", False
        f.prov.pop("status", None)


def _read_status(doc: Doc, f: Frame) -> None:
    s = f.sentence
    # a clause split off at its own plan or threat cue reads from there; a list item, like
    # a whole sentence, from the sentence start
    base = s.start if f.gap_verb or f.start == s.start else f.start
    before = doc.text[base:f.trigger.start]
    around = doc.text[base:min(f.end, f.trigger.end + 40)]
    for status, rx in STATUS_CUES:
        m = rx.search(before if status != "hypothetical" else around)
        if m is None:
            continue
        f.status, f.status_cued = status, True  # type: ignore[assignment]
        f.cite("status", base + m.start(), base + m.end())
        return
    trig = f.trigger.text.split()[0]
    if CONDITIONAL.fullmatch(trig) and not re.search(r"habría", before, re.I):
        f.status, f.status_cued = "planned", True  # "atacaría": what would be done
        f.cite("status", f.trigger.start, f.trigger.start + len(trig))
        return
    for m in HEDGES.finditer(s.text):
        f.hedges.append(m.group(0).lower())
        f.cite("hedges", s.start + m.start(), s.start + m.end())


@component("es_status", requires=("doc.frames",),
           assigns=("frame.status", "frame.status_cued", "frame.hedges", "frame.drop",
                    "frame.background"))
def read_status(doc: Doc) -> None:
    """Status from Spanish cues before the event word; hedges ("habría", "presunta"). A
    casualty sentence with no event word, more than three sentences after the last one
    that had one, tells no event this reader can place (it would join the latest one)."""
    last_strong = -10
    for f in doc.frames:
        _status(doc, f)
        if f.trigger.strength == "strong":
            last_strong = f.sentence.index
        elif f.sentence.index - last_strong > 3:
            f.drop = True


@component("es_counts", requires=("doc.frames",), assigns=("frame.counts", "frame.approx"))
def read_counts(doc: Doc) -> None:
    """Casualty counts of every frame (es/counts.py)."""
    for f in doc.frames:
        for name, rng, approx, a, b in es_counts.read_counts(doc.text, f.start, f.end):
            if name in f.counts:
                continue
            f.counts[name] = rng
            f.cite(name, a, b)
            if approx:
                f.approx.append(name)
        if f.gap_verb and "killed" not in f.counts:
            bare = es_counts.bare_count(doc.text, f.start, f.end)
            if bare is not None:
                rng, a, b = bare
                f.counts["killed"] = rng
                f.cite("killed", a, b)


_SAID = re.compile(r"\b(?:" + SAY_VERB + r"|comunic(?:ó|ado)|anunci(?:ó|ado)|publica|informa|"
                   r"asegur(?:ó|ado)|denunci(?:ó|ado)|report(?:ó|ado)|revel(?:ó|ado))\b",
                   re.IGNORECASE)


def _said_on(text: str, f: Frame, r: DateRead) -> bool:
    """"ha comunicado este viernes la muerte de…", "El martes, …, Hegseth aseguró que el
    ataque…": the day something was said, not the day of the event."""
    before = text[max(f.start, r.start - 30):r.start]
    if re.search(r"\b(?:" + SAY_VERB + r"|comunic(?:ó|ado)|anunci(?:ó|ado)|asegur(?:ó|ado)|"
                 r"publica|informa|revela|asegura|señala|dice|"
                 r"revel(?:ó|ado)|denunci(?:ó|ado))\s+(?:\w+\s+)?$", before, re.IGNORECASE):
        return True
    if r.end > f.trigger.start:
        return False
    # a say verb between the date and the event word, unless it is an aside ("según dijo")
    return any(not re.search(r"\bsegún\s+(?:\w+\s+)?$", text[max(0, m.start() - 20):m.start()],
                             re.IGNORECASE)
               for m in _SAID.finditer(text, r.end, f.trigger.start))


@component("es_dates", requires=("doc.frames", "frame.status"),
           assigns=("frame.date_low", "frame.date_high", "frame.time_precision",
                    "frame.period_read", "frame.since_read"))
def read_dates(doc: Doc) -> None:
    """The event's date: the date nearest the event word in its sentence; a "desde ..."
    date opens a tally's period."""
    last: Frame | None = None
    for f in doc.frames:
        reads = es_dates.read_dates(doc.text[f.start:f.end], doc.published, f.start,
                                    future=f.status in ("planned", "threatened"))
        for r in reads:
            if r.is_period:
                if f.since_read is None:
                    f.since_read = r
                continue
        point = [r for r in reads if not r.is_period and not _said_on(doc.text, f, r)]
        if not point:
            if f.gap_verb and last is not None and \
                    f.sentence.index - last.sentence.index <= 3:
                # a list of strikes: the day told for them before the list
                f.date_low, f.date_high, f.time_precision = (last.date_low, last.date_high,
                                                             last.time_precision)
                f.cite("date", *last.prov["date"][0])
            continue
        r = min(point, key=lambda r: abs(r.start - f.trigger.start) + (0 if r.precision == 1
                                                                        else 500))
        f.date_low, f.date_high, f.time_precision = r.low, r.high, r.precision
        f.cite("date", r.start, r.end)
        if r.precision == 1:
            last = f


_TALLY = re.compile(r"\b(?:eleva(?:n|ndo)? a|suma(?:n|ría)?|ya son|en total|un total de|"
                    r"hasta ahora|desde (?:el )?(?:inicio|comienzo|principios|septiembre|"
                    r"agosto|octubre|noviembre|\d)|acumula|campaña|operación Lanza|"
                    r"(?:los|las|estos) \w+ ataques|ataques (?:contra|a) (?:presuntas |"
                    r"supuestas )?(?:lanchas|embarcaciones|narcolanchas)|"
                    r"(?:undécimo|décimo|vigésimo)\w*)\b", re.IGNORECASE)


_PLURAL_STRIKES = re.compile(r"(?:ataques|bombardeos|golpes)\b", re.IGNORECASE)


@component("es_kind", requires=("doc.frames", "frame.counts", "frame.since_read"),
           assigns=("frame.kind", "frame.period_low", "frame.period_high"))
def read_kind(doc: Doc) -> None:
    """A tally: a toll over many strikes ("eleva a 64 el número de muertos", "desde
    septiembre", "en total", two or more strikes); else one incident."""
    for f in doc.frames:
        strikes = f.counts.get("strikes")
        cue = _TALLY.search(f.sentence.text)
        plural = bool(_PLURAL_STRIKES.match(f.trigger.text))
        if (strikes and (strikes[0] or 0) >= 2) or (cue and (f.counts or f.since_read)) or \
                (plural and f.counts.get("killed") and f.trigger.strength == "strong"):
            f.kind = "tally"
            f.cite("kind", *(f.prov["strikes"][0] if strikes else
                             (f.sentence.start + cue.start(), f.sentence.start + cue.end())
                             if cue else (f.trigger.start, f.trigger.end)))
            if f.since_read is not None and doc.published is not None:
                f.period_low, f.period_high = f.since_read.low, doc.published.isoformat()
                f.cite("period", f.since_read.start, f.since_read.end)
            f.date_low = f.date_high = None
            f.time_precision = None
            f.prov.pop("date", None)


@component("es_targets", requires=("doc.frames",), assigns=("frame.target_kind", "frame.domain"))
def read_targets(doc: Doc) -> None:
    """A boat is a vessel at sea; a camp or "en tierra" is land; an item of a list of
    strikes ("en la segunda", "en el tercero") hit what the strikes before it hit."""
    last: Frame | None = None
    for f in doc.frames:
        _target(doc, f)
        if f.target_kind is None and f.gap_verb and last is not None and \
                f.sentence.index - last.sentence.index <= 3:
            f.target_kind, f.domain = last.target_kind, last.domain
            f.cite("target_kind", *last.prov["target_kind"][0])
            f.cite("domain", *last.prov["domain"][0])
        if f.target_kind is not None:
            last = f


def _target(doc: Doc, f: Frame) -> None:
    """A boat in the clause makes a vessel at sea; a camp or "en tierra", land."""
    clause = doc.text[f.start:f.end]
    v = VESSEL.search(clause)
    land = LAND_TARGET.search(clause)
    if v is not None and not (land and land.start() < v.start()):
        f.target_kind, f.domain = "vessel", "sea"
        f.cite("target_kind", f.start + v.start(), f.start + v.end())
        f.cite("domain", f.start + v.start(), f.start + v.end())
    elif land is not None:
        f.domain = "land"
        f.cite("domain", f.start + land.start(), f.start + land.end())
    elif SEA_WORD.search(clause):
        f.domain = "sea"
        f.cite("domain", f.trigger.start, f.trigger.end)


_COUNTRY_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(
    COUNTRIES, key=len, reverse=True)) + r")(?!\w)")


@component("es_countries", assigns=("doc.countries",))
def read_countries(doc: Doc) -> None:
    """The countries the article names, in order (context for places)."""
    seen: list[str] = []
    for m in _COUNTRY_RE.finditer(doc.text):
        code = COUNTRIES[m.group(0)]
        if code not in seen:
            seen.append(code)
    doc.countries = tuple(seen)


_AT_SEA = re.compile(r"\b(?:aguas internacionales|en el mar|alta mar|frente a (?:las )?costas?|"
                     r"(?:mar|océano) \w+|Caribe|Pacífico|millas náuticas)\b", re.IGNORECASE)
_IN_COUNTRY = re.compile(r"\b(?:en|dentro de|territorio de|suelo)\s+(?:el\s+)?$", re.I)


@component("es_places", requires=("doc.frames", "frame.domain"), assigns=("frame.place",))
def read_places(doc: Doc) -> None:
    """A sea the gazetteer knows in Spanish ("el Pacífico oriental", "mar Caribe"); a boat
    struck at sea has no country even "frente a las costas de Venezuela"; on land, a country
    named after "en"."""
    for f in doc.frames:
        clause = doc.text[f.start:f.end]
        try:
            seas = [pm for pm in geoparser().places_in(doc.text, f.start, f.end)
                    if pm.place.kind == "sea" or pm.place.geo_precision == 6]
        except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the event
            seas = []
        if seas:
            pm = min(seas, key=lambda pm: abs(pm.start - f.trigger.start))
            f.place = pm.place
            f.cite("place", pm.start, pm.end)
            continue
        if f.domain == "sea" or _AT_SEA.search(clause):
            continue  # at sea with no named sea: no country, no place
        for m in _COUNTRY_RE.finditer(clause):
            if _IN_COUNTRY.search(clause[max(0, m.start() - 20):m.start()]):
                f.place = Place(name=m.group(0), country=COUNTRIES[m.group(0)], kind="country",
                                geo_precision=5)
                f.cite("place", f.start + m.start(), f.start + m.end())
                break


def _actor(m: re.Match[str]) -> Actor:
    name, kind, country = ACTORS[m.group(0)]
    return Actor(name=name, type=kind, country=country)


@component("es_actors", requires=("doc.frames",), assigns=("frame.actor1", "frame.actor2",
                                                          "frame.named"))
def read_actors(doc: Doc) -> None:
    """actor1: the actor named nearest before the event word in its sentence (the subject),
    else after "por" ("atacada por el Comando Sur"), else the one named in the sentence or
    the one before it ("El Comando Sur informó... El ataque dejó tres muertos")."""
    last: tuple[Actor, int, int] | None = None
    for f in doc.frames:
        hits = list(ACTOR_RE.finditer(doc.text, f.sentence.start, f.sentence.end))
        f.named = [(m.start(), m.end()) for m in hits]
        before = [m for m in hits if m.end() <= f.trigger.start]
        after = [m for m in hits if m.start() >= f.trigger.end]
        pick = before[-1] if before else after[0] if after else None
        if pick is not None:
            f.actor1 = _actor(pick)
            f.cite("actor1", pick.start(), pick.end())
            last = (f.actor1, pick.start(), pick.end())
        elif last is not None and f.sentence.index - _sentence_of(doc, last[1]) <= 3:
            f.actor1 = last[0]
            f.cite("actor1", last[1], last[2])
        if f.actor1 is None:
            for s in doc.sentences[max(0, f.sentence.index - 2):f.sentence.index]:
                m = ACTOR_RE.search(doc.text, s.start, s.end)
                if m is not None:
                    f.actor1 = _actor(m)
                    f.cite("actor1", m.start(), m.end())


def _sentence_of(doc: Doc, pos: int) -> int:
    for s in doc.sentences:
        if s.start <= pos < s.end:
            return s.index
    return -1


_KIND_OF = (("military", re.compile(r"Comando|Armada|Ejército|Pentágono|Guerra|Defensa|"
                                    r"Marina|militar", re.I)),
            ("government", re.compile(r"Gobierno|Ministerio|ministr|secretari|presidente|"
                                      r"Hegseth|Trump|Rubio|Casa Blanca", re.I)),
            ("outlet", re.compile(r"EFE|AFP|Reuters|AP\b|CNN|NBC|CBS|ABC|New York Times|"
                                  r"Washington Post|agencia|diario|cadena|medio", re.I)))


@component("es_sources", requires=("doc.frames",), assigns=("frame.attribution", "frame.quotes"))
def read_sources(doc: Doc) -> None:
    """Who says so: "según X", "de acuerdo con X", "X informó", "fuentes anónimas"."""
    for f in doc.frames:
        seen: set[str] = set()
        for rx in ATTRIBUTION:
            for m in rx.finditer(doc.text, f.start, f.end):
                name = clean_name(m.group("name"))
                if name is None or name.lower() in seen:
                    continue
                seen.add(name.lower())
                kind = next((k for k, kr in _KIND_OF if kr.search(name)), "unknown")
                a, b = m.start("name"), m.end("name")
                f.attribution.append(Attribution(kind=kind, name=name,  # type: ignore[arg-type]
                                                 span=doc.span(a, b)))
                f.cite("attribution", a, b)
        for m in ANONYMOUS.finditer(doc.text, f.start, f.end):
            f.attribution.append(Attribution(kind="unknown", anonymous=True,
                                             span=doc.span(m.start(), m.end())))
            f.cite("attribution", m.start(), m.end())


@component("es_coreference",
           requires=("doc.frames", "frame.kind", "frame.status", "frame.status_cued",
                     "frame.background", "frame.drop", "frame.anaphoric",
                     "frame.violent_context", "frame.counts", "frame.more", "frame.date_low",
                     "frame.place", "frame.actor1", "frame.actor2", "frame.event_type"),
           assigns=("doc.groups",))
def corefer(doc: Doc) -> None:
    """The English coreference (language-neutral: it compares fields), then one step a
    Spanish story needs: the lede tells the strike and the body tells it again with an
    indefinite ("bombardeó una narcolancha ... golpeó a otra embarcación"); a later strong
    frame compatible with the event told before (same status, kind, date, counts) joins it."""
    groups = merge_frames(doc)
    out: list[Group] = []
    for g in groups:
        same = next((o for o in reversed(out) if g.head.kind == "event" and all(
            compatible(o, f) for f in g.frames) and
            g.head.sentence.index not in {x.sentence.index for x in o.frames}), None)
        if same is not None:
            same.frames.extend(g.frames)
            continue
        out.append(g)
    doc.groups = out

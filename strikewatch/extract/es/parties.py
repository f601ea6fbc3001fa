"""Who and where in a Spanish report (es_countries, es_places, es_actors, es_sources,
es_coreference): countries named, the place of each event, attacker and target,
attribution, and restatements joined to the event they restate.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache, lru_cache

import pycountry

from strikewatch import geo
from strikewatch.caseless import caseless
from strikewatch.extract.anchored import anchored_matcher
from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.coref import compatible, counts_agree, merge_frames, one_more_act
from strikewatch.extract.counts import ranks_up_to
from strikewatch.extract.es.dates import MONTHS, WEEKDAYS
from strikewatch.extract.es.fields import lede_rank, list_item
from strikewatch.extract.es.lexicon import (
    ACTOR_RE,
    ACTORS,
    ANONYMOUS,
    ATTRIBUTION,
    COUNTRIES,
    COUNTRY_ADJECTIVES,
    ORDINALS,
    blank_land_regions,
    clean_name,
    rank_alternation,
    rank_stems,
)
from strikewatch.extract.pipeline import component
from strikewatch.geo.protocol import seas_in
from strikewatch.geo.reading import is_open_water
from strikewatch.records import Actor, Attribution, Place

_COUNTRY_RE = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(
    COUNTRIES, key=len, reverse=True)) + r")(?!\w)")
#: the scans of a page or clause for country and party names, tried only where a name's
#: first letters stand (anchored.py: the same matches; a long alternation tried at every
#: position cost most of es_countries and es_actors)
_COUNTRY_SCAN = anchored_matcher(_COUNTRY_RE)
_ACTOR_SCAN = anchored_matcher(ACTOR_RE)


@component("es_countries", assigns=("doc.countries",))
def read_countries(doc: Doc) -> None:
    """The countries the article names, in order (context for places)."""
    seen: list[str] = []
    for m in _COUNTRY_SCAN.finditer(doc.text):
        code = COUNTRIES[m.group(0)]
        if code not in seen:
            seen.append(code)
    doc.countries = tuple(seen)


_AT_SEA = re.compile(r"\b(?:aguas internacionales|en el mar|alta mar|frente a (?:las )?costas?|"
                     r"(?:mar|océano) \w+|Caribe|Pacífico|millas náuticas)\b", re.IGNORECASE)
#: a part of a land or a site in it, named before the place it lies in: "el valle de
#: Tirah", "un puerto petrolero de Yemen", "el mayor campo palestino del Líbano"
_SITE_NOUNS = (r"valle|distrito|barrio|suburbios?|aldea|gobernación|comarca|campamento|"
               r"campo(?: de refugiados)?|puerto|aeropuerto|tribunal|mercado|hospital|"
               r"escuela|mezquita")
_IN_COUNTRY = re.compile(r"\b(?:(?:en|dentro de|territorio de|suelo)\s+(?:el\s+)?|"
                         rf"(?:{_SITE_NOUNS})(?:\s+[a-záéíóúñ]+)?\s+del?\s+|"
                         # "en el norte de Siria", "al sur de Colombia", "en el norte y
                         # el centro de Yemen"
                         r"(?:en el|al|del|y el|y al)\s+(?:norte|sur|este|oeste|noreste|noroeste|"
                         r"sureste|suroeste|centro|interior)\s+(?:de\s+|del\s+)?)$", re.I)
# a bare object only: "atacaron a Estados Unidos y a sus aliados" names the target, not
# where the attack took place
_OBJECT_COUNTRY = re.compile(r"\s+(" + "|".join(re.escape(k) for k in sorted(
    COUNTRIES, key=len, reverse=True)) + r")(?!\w)")
_ADJ_COUNTRY = re.compile(r"\b(?:territorio|suelo)\s+(" + "|".join(COUNTRY_ADJECTIVES) + r")\b",
                          re.I)


_AT_SEA_AT = anchored_matcher(_AT_SEA)  # (tried at its anchors: same matches)


@component("es_places", requires=("doc.frames", "frame.domain"), assigns=("frame.place",))
def read_places(doc: Doc) -> None:
    """A sea the gazetteer knows in Spanish ("el Pacífico oriental", "mar Caribe"); a boat
    struck at sea has no country even "frente a las costas de Venezuela"; on land, a country
    named after "en"."""
    several: set[int] = set()  # frames whose clause names two seas or more
    wanted: set[str] | None = None  # the article's countries, read once when first needed
    for i, f in enumerate(doc.frames):
        clause = blank_land_regions(doc.text[f.start:f.end])
        try:
            seas = [pm for pm in seas_in(doc.text, f.start, f.end)
                    if clause[max(0, pm.start - f.start):pm.end - f.start].strip()]
        except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the event
            seas = []
        if len({pm.place.name for pm in seas if not is_open_water(pm.place)}) > 1:
            several.add(i)
        if seas:
            pm = min(seas, key=lambda pm: abs(pm.start - f.trigger.start))
            f.place = pm.place
            f.cite("place", pm.start, pm.end)
            continue
        if f.domain == "sea" or _AT_SEA_AT.search(clause):
            continue  # at sea with no named sea: no country, no place
        for m in _COUNTRY_SCAN.finditer(clause):
            if _IN_COUNTRY.search(clause[max(0, m.start() - 30):m.start()]):
                f.place = Place(name=m.group(0), country=COUNTRIES[m.group(0)], kind="country",
                                geo_precision=5)
                f.cite("place", f.start + m.start(), f.start + m.end())
                break
        if f.place is None and (m3 := _OBJECT_COUNTRY.match(doc.text, f.trigger.end)):
            # "empezará a golpear Venezuela": the country struck, named as the object
            f.place = Place(name=m3.group(1), country=COUNTRIES[m3.group(1)], kind="country",
                            geo_precision=5)
            f.cite("place", m3.start(1), m3.end(1))
        if f.place is None and (m2 := _ADJ_COUNTRY.search(clause)) is not None:
            # "en territorio venezolano": the country named by its adjective
            f.place = Place(name=m2.group(0), country=COUNTRY_ADJECTIVES[m2.group(1).lower()],
                            kind="country", geo_precision=5)
            f.cite("place", f.start + m2.start(), f.start + m2.end())
        if f.place is None:
            if f.kind == "tally":
                continue  # a tally's strikes lie in many places: no town is theirs
            if wanted is None:
                wanted = _named_countries(doc) or _countries_of_provinces(doc)
            _town(doc, f, wanted)
    _seas_of_lists(doc, several)


#: a Spanish locative cue right before a town's name ("en Aguachica", "cerca de Palmira",
#: "al noreste de Mogadiscio", "la vereda Santa Rita, en El Carmen")
_LOCATIVE = re.compile(r"\b(?:(?:en|cerca de)(?: el| la)?|junto a|a las afueras de|"
                       # "el bombardeo estadounidense contra Ras Isa": what was struck
                       r"(?:bombardeo|ataque|ataques|bombardeos) (?:\w+ ){0,4}?(?:sobre|contra)|"
                       r"(?:al|del) (?:norte|sur|"
                       r"este|oeste|noreste|noroeste|sureste|suroeste) de|(?:ataque|atentado|"
                       r"bombardeo|emboscada|masacre) de|(?:municipio|ciudad|localidad|pueblo|"
                       r"vereda|corregimiento|caserío|provincia|departamento|región|estado|"
                       r"sector|jurisdicción|selvas?|montañas|sierra|zona(?: rural| selvática)?|"
                       # a part of a place or a site in it: "el valle de Tirah", "el campo de
                       # refugiados de Yabalia", "un tribunal de Islamabad", "el puerto de X"
                       rf"{_SITE_NOUNS})"
                       # "del departamento colombiano del Guaviare", "la ciudad sureña de Sidón",
                       # "la región sudanesa de Darfur": one adjective of any ending
                       r"(?:\s+[a-záéíóúñ]+)?(?:\s+del?|\s+de la)?)\s+$",
                       re.IGNORECASE)


#: a kind or site noun right before a name ("la ciudad costera de X", "el valle de X"): the
#: text says the name is a place, so a namesake in a country the page does not name stands
#: where it is the only one
_KIND_CUE = re.compile(r"\b(?:ciudad|localidad|pueblo|provincia|región|gobernación|distrito|"
                       rf"{_SITE_NOUNS})(?:\s+[a-záéíóúñ]+)?\s+(?:del?|de la)\s+$",
                       re.IGNORECASE)


def _named_countries(doc: Doc) -> set[str]:
    """The countries the article names, by name, by adjective ("el Ejército colombiano") or
    by a party of that country ("un ataque del ELN")."""
    out = set(doc.countries)
    # (an armed group's only: the US military strikes abroad, the ELN at home)
    out.update(ACTORS[m.group(0)][2] or "" for m in _ACTOR_SCAN.finditer(doc.text)
               if ACTORS[m.group(0)][1] == "non_state")
    out.discard("")
    out.update(_adjective_countries(doc.text))
    return out


#: each country adjective in every gender and number it is written in ("colombiano",
#: "colombianas", "israelí"), with its country
_ADJECTIVE_FORMS = [(re.compile(r"\b" + (adj[:-1] + "[oa]" if adj.endswith("o") else
                                          # "libanés", "libanesa", "libaneses"
                                          adj[:-2] + "(?:és|es[ae])" if adj.endswith("és")
                                          else adj) +
                                (r"(?:e?s)?\b" if adj.endswith("í") else r"s?\b"),
                                re.IGNORECASE), code)
                    for adj, code in COUNTRY_ADJECTIVES.items()]
#: every form in one pattern: each matches a whole word (a word between two \b), so one
#: pass finds every word some form matches (matched on lower-cased text: caseless)
_ANY_ADJECTIVE = caseless(re.compile("|".join(f"(?:{form.pattern})"
                                              for form, _ in _ADJECTIVE_FORMS), re.IGNORECASE))
_ANY_ADJECTIVE_AT = anchored_matcher(_ANY_ADJECTIVE)  # (at its anchors: same words)


def _adjective_countries(text: str) -> set[str]:
    """The countries whose adjective `text` holds in some form: the words of one pass,
    each given to every form it is (what a search per form found, read once, not once a
    form)."""
    words = {m.group(0) for m in _ANY_ADJECTIVE_AT.finditer(text)}
    return {code for form, code in _ADJECTIVE_FORMS if any(form.fullmatch(w) for w in words)}


#: a place's name after the cue: capitalised words, joined by "de", "del", "de la"
_PLACE_NAME = re.compile(r"[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]+(?:[ \t]+(?:(?:de|del)[ \t]+"
                         r"(?:la[ \t]+|los[ \t]+)?)?[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]+){0,3}")


@lru_cache(maxsize=4096)
def _lookup(name: str, countries: tuple[str, ...] = (),
            own_names: bool = False) -> tuple[Place, ...]:
    """The gazetteer's places for a name (cached: the same names recur in a batch; callers
    copy what they keep)."""
    return tuple(geo.lookup(name, context_countries=countries, own_names=own_names))


#: capitalised articles that start a name and are no place alone ("El Carmen", "Al Daraj":
#: "Al" is Ål in Norway)
_ARTICLES = ("El", "La", "Los", "Las", "Al")


def _countries_of_provinces(doc: Doc, towns: bool = False) -> set[str]:
    """A local paper names its province, not its country ("El Carmen, Norte de Santander"):
    the country of a province (admin area) named after a locative cue whose every namesake
    in the gazetteer lies in that one country, or of a town written with its state
    (`_town_of_state`); with `towns`, of a town or province so named whose every place
    carrying the name as its own lies in one country ("estado de Kaduna": the city first)."""
    out: set[str] = set()
    for m in _PLACE_NAME.finditer(doc.text):
        town = _town_of_state(doc.text, m)
        if town is not None and town[0].country:
            out.add(town[0].country)  # "Aguililla, Michoacán": a town with its state
            continue
        if not _LOCATIVE.search(doc.text[max(0, m.start() - 40):m.start()]):
            continue
        try:
            hits = _lookup(m.group(0), (), towns)
        except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the event
            return out
        countries = {p.country for p in hits}
        kinds = ("populated place", "admin area") if towns else ("admin area",)
        if hits and all(p.kind in kinds for p in (hits if towns else hits[:1])) and \
                len(countries) == 1:
            out |= {c for c in countries if c}
    return out


def _town(doc: Doc, f: Frame, wanted: set[str]) -> None:
    """On land, a town or province the clause names after a Spanish locative cue, in a
    country the article names: "contra una base militar en Aguachica" (the article names the
    Colombian army), "en Mogadiscio" (Somalia named). The gazetteer knows the Spanish names
    of places as alternates; a namesake in a country the article never names is passed over
    ("Palmira" is Syria's Tadmur in a report on Syria). The nearest such name to the event
    word wins; a party's name ("el ataque de Estados Unidos") is no place."""
    best: tuple[int, Place, int, int] | None = None
    for m in _PLACE_NAME.finditer(doc.text, f.start, f.end):
        town = _town_of_state(doc.text, m)
        if town is not None:
            dist = abs(town[1] - f.trigger.start)
            if best is None or dist < best[0]:
                best = (dist, *town)
            continue
        if not wanted:
            continue
        if not _LOCATIVE.search(doc.text[max(f.start, m.start() - 40):m.start()]) or \
                ACTOR_RE.match(doc.text, m.start()) or _COUNTRY_RE.match(doc.text, m.start()):
            continue
        words = m.group(0).split()
        for n in range(len(words), 0, -1):  # "El Carmen, Norte de Santander": longest first
            name = " ".join(words[:n])
            if name in _ARTICLES:
                break
            try:
                hits = _lookup(name, tuple(sorted(wanted)))
            except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the event
                return
            hit = next((p for p in hits if p.country in wanted and
                        p.kind in ("populated place", "admin area")), None)
            if hit is None and _KIND_CUE.search(doc.text, max(f.start, m.start() - 40),
                                                m.start()):
                # "la ciudad sureña de Sidón": told as a town, one country's (a small town
                # known by the name only as an alternate is not: "el valle de Tirah")
                own = _lookup(name, (), True)
                if len({p.country for p in hits}) == 1 and own and \
                        own[0].kind in ("populated place", "admin area"):
                    hit = own[0]
            if hit is not None:
                end = m.start() + len(name)
                dist = abs(m.start() - f.trigger.start)
                if best is None or dist < best[0]:
                    best = (dist, hit, m.start(), end)
                break
    if best is not None:
        f.place = best[1].model_copy()
        f.cite("place", best[2], best[3])


#: what may stand between a town and its state: a comma, and "en el estado (mexicano) de"
_THEN_STATE = re.compile(r",[ \t]+(?:(?:en[ \t]+)?(?:el|la)[ \t]+(?:estado|departamento|"
                         r"provincia|región|municipio)(?:[ \t]+[a-záéíóúñ]+an[oa])?[ \t]+"
                         r"(?:del?[ \t]+)?)?(?=[A-ZÁÉÍÓÚÑ])")


def _town_of_state(text: str, m: re.Match[str]) -> tuple[Place, int, int] | None:
    """"Coahuayana, Michoacán", "Tibú, Norte de Santander", "la Policía Comunitaria de
    Coahuayana, en el estado mexicano de Michoacán": a town written with its state (a
    dateline, a subject, an apposition) is a place with no locative before it. The state
    must be an admin area the gazetteer knows and the town one of its places — the pair
    names its own country, so a page that names no country is placed too. The town's name
    ends where the name read ends (its last words: "Coahuayana" of "Policía Comunitaria de
    Coahuayana"). (The town, and where its name starts and ends.)"""
    sep = _THEN_STATE.match(text, m.end())
    state = _PLACE_NAME.match(text, sep.end()) if sep else None
    if state is None or _COUNTRY_RE.match(text, state.start()):
        return None
    try:
        areas = [p for p in _lookup(state.group(0)) if p.kind == "admin area"]
    except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the event
        return None
    if not areas:
        return None
    area = areas[0]
    for w in re.finditer(r"(?<!\S)[A-ZÁÉÍÓÚÑ]\S*", m.group(0)):
        name = m.group(0)[w.start():]
        start = m.start() + w.start()
        if name in _ARTICLES or ACTOR_RE.match(text, start) or \
                _COUNTRY_RE.match(text, start):
            continue
        try:
            town = next((p for p in _lookup(name, (area.country or "",))
                         if p.kind == "populated place" and p.country == area.country and
                         p.admin1 == area.admin1), None)
        except Exception:  # noqa: BLE001
            return None
        if town is not None:
            return town, start, m.end()
    return None


@component("es_place_context", requires=("doc.groups", "frame.place", "frame.actor1",
                                         "frame.domain", "frame.target_kind"),
           assigns=("frame.place",))
def place_from_story(doc: Doc) -> None:
    """A Spanish report names its country once ("bombardeó un puerto petrolero de Yemen")
    and then tells the strike at a place no gazetteer holds ("contra Ras Isa", "el campamento
    de Ain el Helu") or at none ("el ataque dejó 80 muertos"). An unplaced event on land
    lies in the story's one country (`_story_country`); the place cites the words naming it.
    A story at sea, or one whose events lie in two countries, fills nothing."""
    got = _story_country(doc)
    if got is None:
        return
    place, (a, b) = got
    for g in doc.groups:
        if g.value("place") is not None or g.value("domain") == "sea":
            continue
        g.head.place = place.model_copy()
        g.head.cite("place", a, b)


def _story_country(doc: Doc) -> tuple[Place, tuple[int, int]] | None:
    """The one country a Spanish story's events lie in: the country every placed current
    event gives, if one of the two the page names most; else, where no event is placed and
    nothing is told at sea, the country the page names most (by name or adjective) after
    setting aside the states that act in it (the striking state is named as often as the
    struck one), a lead of one mention at least. A page naming only the acting state is
    left alone (its forces at home, or abroad at a place the page never names) unless the
    provinces it names lie in that state (`_countries_of_provinces`): at home."""
    # (a country the place borders is not the place, "una provincia que linda con X", nor
    # one of a pair, "Afganistán-Pakistán:", "la frontera afgano-paquistaní")
    mentions = [(a, b, c) for a, b, c in _country_words(doc.text)
                if not _NEIGHBOUR_BEFORE.search(doc.text, max(0, a - 40), a)
                and doc.text[a - 1:a] not in _HYPHENS and doc.text[b:b + 1] not in _HYPHENS]
    counts: dict[str, int] = {}
    for _, _, code in mentions:
        counts[code] = counts.get(code, 0) + 1
    told = [f for g in doc.groups for f in g.frames]
    acting = {f.actor1.country for f in told if f.actor1 is not None and f.actor1.country}
    acting |= {c for a, _, c in mentions if _PARTY_BEFORE.search(doc.text, max(0, a - 40), a)}
    rest = {c: n for c, n in counts.items() if c not in acting}
    ranked = sorted(rest.items(), key=lambda cn: -cn[1])
    placed = [f for f in told
              if f.place is not None and f.status == "occurred" and not f.background]
    if placed:
        codes = {f.place.country for f in placed if f.place is not None}
        only = codes.pop() if len(codes) == 1 else None
        if only is None:
            return None  # at sea, or two countries' events
        if not (_among_two_most(only, counts) or _among_two_most(only, rest)):
            return None  # the story is told about other countries
        code = only
        span = placed[0].prov.get("place", [None])[0]
    else:
        if any(f.domain == "sea" or f.target_kind == "vessel" for f in told):
            return None  # a story at sea: its unplaced strikes have no country
        if len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
            return None  # two named as often
        if ranked:
            code = ranked[0][0]
        else:
            # only the acting states named: at home where the page's provinces lie in
            # one of them ("El Ejército de Nigeria bombardeó ... (estado de Kaduna)")
            homes = _countries_of_provinces(doc, towns=True) & acting
            if len(homes) != 1 or not any(c in homes for _, _, c in mentions):
                return None
            code = homes.pop()
        span = next((a, b) for a, b, c in mentions if c == code)
    name = _country_name(code)
    if span is None or name is None:
        return None
    return Place(name=name, country=code, kind="country", geo_precision=5), span


#: a country named as who struck: "el bombardeo de Israel", "los ataques estadounidenses",
#: "el Ejército de Nigeria" (a party, not where the strike was)
_PARTY_BEFORE = re.compile(r"\b(?:ataques?|bombardeos?|ofensiva|incursi[oó]n|dron(?:es)?|"
                           r"aviones|aviaci[oó]n|fuerzas?(?: armadas| a[eé]reas?)?|ej[eé]rcito|"
                           r"misiles?)\s+(?:(?:de|del)\s+(?:la\s+)?)?$", re.IGNORECASE)


#: a country named as a neighbour: "una provincia que linda con Afganistán", "la frontera
#: con Venezuela", "una zona fronteriza con Colombia"
_NEIGHBOUR_BEFORE = re.compile(r"\b(?:lind(?:a|an|aba|ante)|limit(?:a|an|aba|rof[ea]s?)|"
                               r"limítrof[ea]s?|colind(?:a|an|ante)|fronteriz[oa]s?|frontera)"
                               r"\s+con\s+(?:el\s+|la\s+)?$", re.IGNORECASE)


_HYPHENS = frozenset("-–")


def _among_two_most(code: str, counts: dict[str, int]) -> bool:
    """Whether `code` is named at least as often as the second most named (ties count; a
    page naming no country at all does not rule a place out)."""
    if not counts:
        return True
    return counts.get(code, 0) >= sorted(counts.values(), reverse=True)[:2][-1]


def _country_words(text: str) -> list[tuple[int, int, str]]:
    """Every country the text names, by name or by adjective in any form, with its words,
    in order."""
    out = [(m.start(), m.end(), COUNTRIES[m.group(0)]) for m in _COUNTRY_SCAN.finditer(text)]
    for m in _ANY_ADJECTIVE_AT.finditer(text):
        code = next((c for form, c in _ADJECTIVE_FORMS if form.fullmatch(m.group(0))), None)
        if code is not None:
            out.append((m.start(), m.end(), code))
    return sorted(out)


@cache
def _country_name(code: str) -> str | None:
    """The country's common English name, as the English reader names a country place."""
    got = pycountry.countries.get(alpha_2=code)
    return getattr(got, "common_name", None) or getattr(got, "name", None)


def _seas_of_lists(doc: Doc, several: set[int]) -> None:
    """"Tres ataques en el Pacífico oriental … En el primero, ocho. En el segundo, cuatro.":
    an item of a list of strikes that names no place was struck in the sea its lede names
    (the latest sea told up to three sentences before it, carried from item to item; a
    sentence naming two seas, "10 ataques en el Caribe y el Pacífico", tells none)."""
    last: Frame | None = None
    for i, f in enumerate(doc.frames):
        if f.place is not None:
            last = f if f.place.kind == "sea" and i not in several else None
            continue
        if last is not None and list_item(doc, f) and \
                f.sentence.index - last.sentence.index <= 3:
            f.place = last.place
            f.cite("place", *last.prov["place"][0])
            last = f


def _adjective_after(text: str, pos: int) -> str | None:
    """The country of an adjective right after `pos` ("el Ejército| israelí", "la Fuerza
    Aérea| venezolana"), in any of its forms (_ADJECTIVE_FORMS)."""
    word = _NEXT_WORD.match(text, pos)
    if word is None:
        return None
    return next((code for form, code in _ADJECTIVE_FORMS if form.fullmatch(word.group(1))),
                None)


_NEXT_WORD = re.compile(r"\s+([\wáéíóúñü]+)")


def _actor(m: re.Match[str], f: Frame | None = None,
           home: Callable[[], str | None] = lambda: None) -> Actor:
    """The actor an ACTORS phrase names. A force named without its country ("las Fuerzas
    Militares") takes the adjective after it ("el Ejército israelí") or the country after
    "de", else the country of the land the event is placed in, else the page's own (`home`,
    `_home_country`): a report says "las Fuerzas Militares" of its own country's forces,
    at home; a foreign force is named with its country."""
    name, kind, country = ACTORS[m.group(0)]
    if country is None and kind in ("military", "police"):
        adj = _adjective_after(m.string, m.end())
        of = _OF_COUNTRY.match(m.string, m.end())
        if adj is not None:
            country = adj
        elif of is not None:
            country = COUNTRIES[of.group(1)]  # "la Guardia Nacional de Venezuela"
        elif f is not None and f.place is not None and f.place.kind != "sea":
            country = f.place.country
        else:
            country = home()
    return Actor(name=name, type=kind, country=country)


_OF_COUNTRY = re.compile(r"\s+de\s+(" + "|".join(re.escape(k) for k in sorted(
    COUNTRIES, key=len, reverse=True)) + r")(?!\w)")


def _home_country(doc: Doc) -> str | None:
    """The page's own country, for forces it names without one: the one country every
    event placed on land lies in ("Coahuayana, Michoacán" and "Aguililla": Mexico), else
    the one country of the provinces it names ("en la zona rural del Guaviare"), else the
    one country it names. "la Guardia Nacional" of a local report is that country's."""
    found = {f.place.country for f in doc.frames
             if f.place is not None and f.place.kind != "sea" and f.place.country}
    if not found:
        found = _countries_of_provinces(doc)
    if len(found) == 1:
        return found.pop()
    return doc.countries[0] if len(doc.countries) == 1 else None


@component("es_actors", requires=("doc.frames",), assigns=("frame.actor1", "frame.actor2",
                                                          "frame.named"))
def read_actors(doc: Doc) -> None:
    """actor1: the actor named nearest before the event word in its sentence (the subject),
    else after "por" ("atacada por el Comando Sur"), else the one named in the sentence or
    the one before it ("El Comando Sur informó... El ataque dejó tres muertos")."""
    last: tuple[Actor, int, int] | None = None
    home = cache(lambda: _home_country(doc))  # read once, and only where a force needs it
    for f in doc.frames:
        hits = list(_ACTOR_SCAN.finditer(doc.text, f.sentence.start, f.sentence.end))
        f.named = [(m.start(), m.end()) for m in hits]
        before = [m for m in hits if m.end() <= f.trigger.start]
        # "un bombardeo contra un supuesto submarino del ELN": the party after "contra" was hit
        after = [m for m in hits if m.start() >= f.trigger.end and not (
            ACTORS[m.group(0)][1] == "non_state" and re.search(
                r"\bcontra\b", doc.text[f.trigger.end:m.start()], re.IGNORECASE))]
        pick = before[-1] if before else after[0] if after else None
        if pick is not None:
            f.actor1 = _actor(pick, f, home)
            f.cite("actor1", pick.start(), pick.end())
            last = (f.actor1, pick.start(), pick.end())
        elif last is not None and f.sentence.index - _sentence_of(doc, last[1]) <= 3:
            f.actor1 = last[0]
            f.cite("actor1", last[1], last[2])
        if f.actor1 is None and not hits:
            _state_of_words(doc, f)
        if f.actor1 is None:
            for s in doc.sentences[max(0, f.sentence.index - 2):f.sentence.index]:
                m = _ACTOR_SCAN.search(doc.text, s.start, s.end)
                if m is not None:
                    f.actor1 = _actor(m, f, home)
                    f.cite("actor1", m.start(), m.end())
        if f.actor1 is None:
            _actor_of_list(doc, f)


#: a force or craft that strikes, before its country's adjective: "las fuerzas israelíes",
#: "un dron israelí", "aviones estadounidenses", "la aviación rusa", "tropas turcas"
_FORCE_NOUN = re.compile(r"\b(?:fuerzas?|tropas|ejércitos?|militares|drones|dron|aviones|avión|"
                         r"aviación|cazas|misiles?|marina|armada|buques?)(?:\s+(?:armad[oa]s|"
                         r"aére[oa]s?|militar(?:es)?|no\s+tripulad[oa]s?))?$", re.IGNORECASE)
_FORCE_NOUN_AT = anchored_matcher(_FORCE_NOUN)  # (tried at its anchors: same matches)
#: after the event word: "ataque israelí", "bombardeo aéreo estadounidense", "acción rusa"
_ACT_ADJECTIVE_GAP = re.compile(r"(?:\s+(?:aére[oa]s?|militar(?:es)?|con\s+drones?|de\s+drones?))?",
                                re.IGNORECASE)
#: "los ataques de Israel contra …": the country after "de" acts when a target follows
_OF_STATE = re.compile(r"\s+de\s+(?P<c>" + "|".join(re.escape(k) for k in sorted(
    COUNTRIES, key=len, reverse=True)) + r")\s+(?:contra|sobre)\b")
#: "Israel atacó", "Estados Unidos ya bombardeó", "Israel ha seguido atacando": the country
#: as the subject right before the event verb (not after a preposition: "contra Israel")
_SUBJECT_STATE = re.compile(r"(?<!contra )(?<!sobre )(?<!hacia )(?<!a )(?<!de )(?<!en )"
                            r"(?<!desde )\b(?P<c>" + "|".join(re.escape(k) for k in sorted(
                                COUNTRIES, key=len, reverse=True)) +
                            r")(?:\s+(?:ya|también|ha|había|habría|han|ha\s+seguido|"
                            r"volvió\s+a|vuelve\s+a)){0,2}\s+$")


def _state_of_words(doc: Doc, f: Frame) -> None:
    """With no force named in its sentence, the state an event is told of: its adjective
    on the event word ("un ataque israelí") or on a force in the clause ("un dron israelí
    bombardeó", "ataque de las fuerzas israelíes"), "los ataques de Israel contra …", or
    the state as the verb's subject ("el jueves Israel atacara …"). A country after
    "contra", "en" or "sobre" is where or whom it struck, never the attacker."""
    t = doc.text
    gap = _ACT_ADJECTIVE_GAP.match(t, f.trigger.end)
    code = _adjective_after(t, gap.end()) if gap else None
    at = (gap.end(), gap.end()) if gap else (f.trigger.end, f.trigger.end)
    if code is None:
        of = _OF_STATE.match(t, f.trigger.end)
        if of is not None:
            code, at = COUNTRIES[of.group("c")], of.span("c")
    if code is None:
        subj = _SUBJECT_STATE.search(t, max(f.start, f.trigger.start - 60), f.trigger.start)
        if subj is not None:
            code, at = COUNTRIES[subj.group("c")], subj.span("c")
    if code is None:
        for m in _NEXT_WORD.finditer(t, f.start, f.end):
            if _FORCE_NOUN_AT.search(t, max(f.start, m.start() - 40), m.start()):
                code = _adjective_after(t, m.start())
                if code is not None:
                    at = m.span(1)
                    break
    if code is None:
        return
    name = next(k for k, v in COUNTRIES.items() if v == code) if code in COUNTRIES.values() \
        else code
    f.actor1 = Actor(name=name, type="state", country=code)
    f.cite("actor1", *at)


def _actor_of_list(doc: Doc, f: Frame) -> None:
    """"Hegseth: el Departamento de Guerra realizó tres ataques … En el segundo, cuatro. En
    el tercero, tres.": an item of a list of strikes was carried out by whoever carried out
    the strikes its lede told, or the item before it."""
    i = doc.frames.index(f)
    ranked = lede_rank(doc, f)
    src = ranked[1] if ranked is not None else doc.frames[i - 1] if i > 0 and \
        list_item(doc, f) and f.sentence.index - doc.frames[i - 1].sentence.index <= 1 \
        else None
    if src is not None and src.actor1 is not None:
        f.actor1 = src.actor1
        f.cite("actor1", *src.prov["actor1"][0])


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
                     "frame.place", "frame.actor1", "frame.actor2", "frame.event_type",
                     "frame.since_read"),
           assigns=("doc.groups", "frame.drop", "frame.kind", "frame.anaphoric"))
def corefer(doc: Doc) -> None:
    """The English coreference (language-neutral: it compares fields), then one step a
    Spanish story needs: the lede tells the strike and the body tells it again with an
    indefinite ("bombardeó una narcolancha ... golpeó a otra embarcación"); a later strong
    frame compatible with the event told before (same status, kind, date, counts) joins it."""
    for f in doc.frames:
        if generic_plural(f):
            f.drop = True
        if f.anaphoric and lede_rank(doc, f) is not None:
            f.anaphoric = False  # "el tercer ataque" of the lede's three: a strike of its own
        if f.anaphoric and f.kind == "tally" and f.counts.get("strikes") and \
                f.since_read is not None:
            # "Con los 13 ataques dados a conocer desde septiembre, los muertos suman 57": the
            # campaign's own total, not the day's three strikes told again
            f.anaphoric = False
    groups = _to_the_act_done(_own_acts_apart(doc, merge_frames(doc)))
    out: list[Group] = []
    items: dict[int, bool] = {}  # id(head) -> _is_item (read once a group, not a pair)

    def is_item(f: Frame) -> bool:
        got = items.get(id(f))
        if got is None:
            got = items[id(f)] = _is_item(doc, f)
        return got

    for g in groups:
        # an item of a list of strikes ("en el segundo, cuatro") is a strike of its own;
        # so is one more act ("otro ataque") or an earlier one on a day of its own (the
        # tests are all reads, so the cheap ones go first: same answer, fewer `compatible`)
        h = g.head
        same = None if h.kind != "event" or is_item(h) or _own_act(doc, h) else next((
            o for o in reversed(out) if not is_item(o.head) and
            _bombing(o.head) == _bombing(h) and
            all(x.sentence.index != h.sentence.index for x in o.frames) and
            all(_compatible(o, f) for f in g.frames)), None)
        if same is not None:
            same.frames.extend(g.frames)
            continue
        out.append(g)
    _days_of_captions(doc, out)
    for g in out:
        _finest_day(g)
    _totals_of_lists(doc, out)
    doc.groups = [g for g in out if not all(_in_caption(doc, f) for f in g.frames) and
                  not _orphan_reference(g)]


def _compatible(g: Group, f: Frame) -> bool:
    """`coref.compatible`, where a toll told with its floor and the same toll told exactly
    are one: "Al menos una persona murió … cuando un dron bombardeó un vehículo" and, quoted
    below, "Un ataque … contra un vehículo … dejó un muerto" (the same low, one of them
    open: "al menos 13" in the lede, "13 muertos" in the ministry's words). Tolls with
    another low ("al menos tres" and "siete") still differ."""
    if compatible(g, f):
        return True
    told = [x.counts["killed"] for x in g.frames if "killed" in x.counts]
    own = f.counts.get("killed")
    if own is None or not told or any(t[0] != own[0] or None not in (t[1], own[1]) or
                                      t == own for t in told):
        return False
    floor = next(t for t in told if t[1] is None) if own[1] is not None else own
    return compatible(g, replace(f, counts={**f.counts, "killed": floor}))


#: "otro ataque", "otra acción israelí", "un segundo bombardeo", "en un tercer ataque":
#: the event word told as one more act beside the one told (not "un nuevo ataque", which
#: headlines use for the article's own strike, nor "ningún otro")
_ANOTHER_BEFORE = re.compile(r"(?<!ningún )(?<!ninguna )\b(?:otr[oa]|un[a]?\s+(?:" +
                             rank_alternation(ranks_up_to(ORDINALS, 5, least=2)) +
                             r"))\s+(?:[\wáéíóúñ]+\s+)?$", re.IGNORECASE)
#: "después de que", "luego de que", "tras que" before the event word (es_clauses cuts a
#: clause there): the act told after it came before what the sentence tells
_AFTER_CLAUSE = re.compile(r"\b(?:después|luego) de que\b|\btras que\b", re.IGNORECASE)
#: a verb of telling, any tense: "asegurara", "informó", "diera a conocer", "dio cuenta"
_TELLING = re.compile(r"\b(?:asegur|inform|anunci|confirm|denunci|report|afirm|dij|indic|"
                      r"señal|declar|comunic|revel|admit|acus|precis|sostuv|explic|divulg)\w*|"
                      r"\bd(?:io|iera|ieron|ieran)\s+(?:a\s+conocer|cuenta)\b", re.IGNORECASE)
#: a day told in words: a weekday, "ayer", "anteayer", or a day of a month
_DAY_WORDS = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r"|anteayer|ayer|anoche|\d{1,2} de (?:" +
                        "|".join(MONTHS) + r"))\b", re.IGNORECASE)


#: a place named after the event word: "en Ansar", "sobre Kafr Kila", "contra la localidad
#: de Ansar" (not a name of someone: "la orden del secretario de Defensa, Pete Hegseth")
_NAME_AFTER = re.compile(r"\b(?:en|sobre|contra|cerca\s+de)\s+(?:(?:la|el)\s+(?:localidad|pueblo|"
                         r"aldea|ciudad|municipio|barrio|zona|distrito|provincia|región)\s+"
                         r"(?:de\s+)?)?(?P<n>[A-ZÁÉÍÓÚÑ][\wáéíóúñü-]{2,})")
#: seas and the words of a strike at sea: "otro ataque en el Caribe" is the campaign's next
#: strike, which the article's headline tells too
_SEA_NAME = re.compile(r"(?:Caribe|Pacífico|Atlántico|Mediterráneo|Rojo|Golfo|Mar)$")


def _another(doc: Doc, f: Frame) -> bool:
    """Whether f's event word is told as one more act at a place the article has not named
    before f's sentence ("hubo también un segundo ataque, en Ansar", "otra acción israelí
    contra la localidad de Ansar"): another act, elsewhere. "Otro bombardeo" alone is the
    campaign's next strike, which a report tells as "otro" in its headline and its lede."""
    if f.kind != "event" or f.status != "occurred" or f.anaphoric or \
            _ANOTHER_BEFORE.search(doc.text, max(f.sentence.start, f.trigger.start - 30),
                                   f.trigger.start) is None:
        return False
    before = doc.text[:f.sentence.start]
    return any(m.group("n") not in before and not _SEA_NAME.match(m.group("n")) and
               m.group("n") not in COUNTRIES and not _adjective_countries(m.group("n"))
               for m in _NAME_AFTER.finditer(doc.text, f.trigger.end,
                                                     min(f.end, f.trigger.end + 100)))


def _own_day(doc: Doc, f: Frame) -> str | None:
    """The day an earlier act told after "después de que" is given in its own clause ("…
    llega después de que el jueves Israel atacara cinco aldeas"), lowercased, if any."""
    after = _AFTER_CLAUSE.search(doc.text, f.start, f.trigger.start)
    if f.kind != "event" or after is None:
        return None
    if _TELLING.search(doc.text, after.end(), f.trigger.start):
        return None  # "después de que el Gobierno asegurara este miércoles que abatió …":
        # the day is the telling's
    m = _DAY_WORDS.search(doc.text, after.end(), f.trigger.start)
    return m.group(0).lower() if m else None


def _own_act(doc: Doc, f: Frame) -> bool:
    """Whether f tells an act apart from those told before it (`_another`, `_own_day`, or
    told as repeated or as more acts counted: "volvieron a atacar", "dos lanchas más",
    `coref.one_more_act`)."""
    return _another(doc, f) or _own_day(doc, f) is not None or \
        (f.kind == "event" and not f.anaphoric and one_more_act(doc.text, f))


def _own_acts_apart(doc: Doc, groups: list[Group]) -> list[Group]:
    """A frame that tells one more act, or an earlier act on a day of its own, that the
    language-neutral coreference joined to an event told before it, stands as its own
    event: "Un ataque … dejó un muerto. … Hubo también un segundo ataque, en Ansar" are two
    strikes, and so are Friday's strike and "después de que el jueves Israel atacara" —
    unless the event it joined names that same day (the earlier act told again)."""
    out: list[Group] = []
    for g in groups:
        out.append(g)
        for f in list(g.frames[1:]):
            day = _own_day(doc, f)
            if not _another(doc, f) and (day is None or any(
                    day in x.sentence.text.lower() for x in g.frames if x is not f and
                    x.sentence is not f.sentence)):
                continue
            g.frames.remove(f)
            out.append(Group([f]))
    out.sort(key=lambda g: g.head.start)
    return out


_SINGULAR_ACT = re.compile(r"(?:ataque|bombardeo|golpe|operación|acción|ofensiva|incursión)$",
                           re.IGNORECASE)


def _to_the_act_done(groups: list[Group]) -> list[Group]:
    """"… el objetivo era un complejo desde el que se buscaba preparar atentados. … Hamás
    calificó el ataque de brutal asalto": a singular act noun pointed back at ("el ataque"),
    with no status word of its own, that coreference joined to acts spoken of in general —
    plural, and planned, denied or feared ("preparar atentados", "rechazó que sirviera para
    preparar ataques") — refers to the one act the page told done before it: it moves to
    the latest earlier occurred, violent, foreground event of its type."""
    for g in groups:
        h = g.head
        if h.status == "occurred" or not h.trigger.text.split()[0].lower().endswith("s"):
            continue  # (a plural act noun: "atentados", "ataques", "operaciones")
        for f in list(g.frames[1:]):
            if not f.anaphoric or f.status_cued or \
                    not _SINGULAR_ACT.match(f.trigger.text.split()[0]):
                continue
            done = next((o for o in reversed(groups) if o is not g and
                         o.head.start < f.start and o.head.kind == "event" and
                         o.head.status == "occurred" and not o.head.background and
                         o.head.event_type == f.event_type), None)
            if done is not None:
                g.frames.remove(f)
                done.frames.append(f)
                done.frames[1:] = sorted(done.frames[1:], key=lambda x: x.start)
    return groups


def _days_of_captions(doc: Doc, groups: list[Group]) -> None:
    """"Este martes se llevó a cabo un operativo en Buenavista. Foto: SSP Michoacán" above a
    report that tells the clash with no day: a caption that carries a day gives it to the
    one event of the prose it can be (no day of its own; no place, party or figure that
    disagrees) — the picture shows that event, whatever word it names it by ("un
    operativo" for the clash). A caption alone still tells no incident, and one that fits
    no undated event of the prose, or several, gives nothing."""
    captions = [g for g in groups if g.dated() is not None and
                all(_in_caption(doc, f) for f in g.frames)]
    for c in captions:
        if c.dated() is None or c.head.status != "occurred" or c.head.kind != "event" or \
                c.head.background or _FILE_PHOTO.search(_line(doc, c.head)):
            continue
        fits = [g for g in groups if g.dated() is None and
                g.head.kind == "event" and g.head.status == "occurred" and
                not g.head.background and
                not all(_in_caption(doc, f) for f in g.frames) and _shows(g, c)]
        if len(fits) == 1:
            fits[0].frames.extend(c.frames)
            groups.remove(c)


def _shows(g: Group, c: Group) -> bool:
    """Whether a caption's group can show the prose group's event: no country of place or
    attacker and no figure of theirs disagrees."""
    for name in ("place", "actor1"):
        a, b = getattr(g.value(name), "country", None), getattr(c.value(name), "country", None)
        if a and b and a != b:
            return False
    return all(counts_agree(o, f, k) for f in c.frames for k in f.counts
               for o in g.frames if k in o.counts)


def _finest_day(g: Group) -> None:
    """"el segundo golpe contra la narcolancha de septiembre" in the headline, "el 2 de
    septiembre" in the body: the event's date is the day, which the month only bounds. A
    coarser date of the group that holds a finer one takes it, with its evidence."""
    dated = [f for f in g.frames if f.date_low is not None and f.date_high is not None]
    days = [f for f in dated if f.time_precision == 1]
    if not days:
        return
    for f in dated:
        if f.time_precision in (None, 1):
            continue
        inside = [d for d in days if f.date_low <= d.date_low and  # type: ignore[operator]
                  d.date_high <= f.date_high]  # type: ignore[operator]
        if len({d.date_low for d in inside}) == 1:
            d = inside[0]
            f.date_low, f.date_high, f.time_precision = d.date_low, d.date_high, 1
            f.prov["date"] = list(d.prov["date"])


def _orphan_reference(g: Group) -> bool:
    """"¿Qué se conoce de las víctimas de este nuevo ataque?" with nothing before it to
    refer to: a reference with no date, place, toll or party named in its own sentence (the
    actor carried from the sentence before is borrowed, not told) is no incident."""
    h = g.head
    if len(g.frames) > 1 or not h.anaphoric or h.counts or h.date_low or h.place or \
            h.since_read is not None or h.kind != "event":
        return False
    actor = h.prov.get("actor1")
    return h.actor1 is None or not actor or not (h.sentence.start <= actor[0][0] < h.sentence.end)


#: a photo credit marks its line as a caption ("Lancha atacada. Foto: X @Southcom",
#: "… (Foto: Gobierno de Estados Unidos.)", "EFE/ @Southcom")
_CREDIT = re.compile(r"\bFoto(?:grafía)?\s*(?::|cortesía\b|\(|EFE\b|AFP\b)|"
                     r"\b(?:EFE|AFP|AP|Reuters)\s*/\s*@?\w|"
                     # "Imagen: Ejército", "Crédito: Dimar", "[Fotografía. Cuartoscuro]"
                     r"\b(?:Imagen|Crédito)\s*:|\[\s*Foto(?:grafía)?\b", re.IGNORECASE)
_CREDIT_AT = anchored_matcher(_CREDIT)  # (tried at its anchors: same matches)
#: a file photo ("(Archivo 15.09.2025)", "Foto de archivo"): its day is the picture's
_FILE_PHOTO = re.compile(r"\barchivo\b", re.IGNORECASE)


def _in_caption(doc: Doc, f: Frame) -> bool:
    """A photo caption tells of a picture, often from another strike's story ("Otra
    narcolancha atacada: dos muertos. Foto: …" above a report of three dead): it joins the
    event the body tells, and alone it tells no incident."""
    return bool(_CREDIT_AT.search(_line(doc, f)))


def _line(doc: Doc, f: Frame) -> str:
    """The line of the page the frame's event word stands on."""
    a = doc.text.rfind("\n", 0, f.trigger.start) + 1
    b = doc.text.find("\n", f.trigger.end)
    return doc.text[a:b if b >= 0 else len(doc.text)]


_PLURAL_NOUN = re.compile(r"(?:ataques|bombardeos|golpes|enfrentamientos|choques|tiroteos|"
                          r"balaceras)\b", re.IGNORECASE)


def generic_plural(f: Frame) -> bool:
    """"Ataques a barcos supuestamente del narcotráfico", "ven cada vez más cerca ataques
    limitados", "el ritmo de los ataques … empezaron a comienzos de septiembre": strikes
    spoken of in general — no day (a month is the campaign's), period, place, toll or count
    of their own — tell no incident. A sea is no place of their own: "los bombardeos de
    EE.UU. a lanchas en el Caribe" names the campaign's theatre, not where one strike was."""
    own_place = f.place is not None and not (f.place.kind == "sea" or f.place.geo_precision == 6)
    return f.status == "occurred" and bool(_PLURAL_NOUN.match(f.trigger.text)) and \
        not f.counts and (f.date_low is None or f.time_precision != 1) and \
        f.since_read is None and not own_place and not f.gap_verb and f.kind == "event"


_ORDINAL = re.compile(r"(" + "|".join(rank_stems(ranks_up_to(ORDINALS, 6))) + r")\w*\s*$",
                      re.IGNORECASE)


def _killed(g: Group) -> int | None:
    rng = next((f.counts["killed"] for f in g.frames if "killed" in f.counts), None)
    return None if rng is None else rng[1] if rng[1] is not None else rng[0]


def _ordinal(doc: Doc, f: Frame) -> str | None:
    """"en el primer ataque", "la segunda lancha", an item "tercero": a strike by its rank
    (the rank's stem, lowercased; None without one)."""
    m = _ORDINAL.search(doc.text[max(0, f.trigger.start - 12):f.trigger.end]) or \
        _ORDINAL.search(doc.text[max(0, f.trigger.start - 12):f.trigger.start])
    return None if m is None else m.group(1).lower()


def _bombing(f: Frame) -> bool:
    """"el atentado con coches bomba": an armed group's bombing, never the same event as a
    strike told before it, however compatible their fields."""
    return f.trigger.text.lower().startswith("atentado")


def _is_item(doc: Doc, f: Frame) -> bool:
    """An item of a list of strikes: a gapped list item, or a strike by its rank next to
    another ranked one ("el primer ataque … el segundo"), not the campaign's "sexto
    bombardeo" told alone."""
    if f.gap_verb or lede_rank(doc, f) is not None:
        return True
    rank = _ordinal(doc, f)
    # (another rank: "habrá un segundo ataque … ese segundo ataque" is one act told twice)
    return rank is not None and any(
        o is not f and abs(o.sentence.index - f.sentence.index) <= 2 and
        _ordinal(doc, o) not in (None, rank) for o in doc.frames)


def _totals_of_lists(doc: Doc, groups: list[Group]) -> None:
    """"Tres ataques contra cuatro lanchas dejaron 14 muertos ... en el primero murieron
    ocho, en el segundo cuatro, en el tercero tres": where an article tells two or more
    strikes one by one, an event told before them with a toll above each of theirs is their
    total — a tally, not one more strike with the summed toll."""
    items = [g for g in groups if g.head.kind == "event" and g.head.status == "occurred" and
             _is_item(doc, g.head)]
    if len(items) < 2:
        return
    first = min(g.head.start for g in items)
    most = max((_killed(g) or 0) for g in items)
    for g in groups:
        k = _killed(g)
        if g in items or g.head.kind != "event" or g.head.status != "occurred" or \
                g.head.start > first or k is None or most == 0 or k <= most:
            continue
        g.head.kind = "tally"
        src = next(f for f in g.frames if "killed" in f.counts)
        g.head.cite("kind", *src.prov["killed"][0])

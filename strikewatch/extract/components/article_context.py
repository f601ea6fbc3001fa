"""Component `article_context`: fields a careful coder reads from the rest of the article.

Real copy names the country and the acting party once, in the lede, and then keeps telling
the story: "heavy raids across the south had left a woman dead", "the second strike killed
four", "security forces engaged terrorists in the district". Read sentence by sentence, such
an event has no place, no attacker, or forces with no country. A conflict-data coder fills
them from the article: where every placed event of the article lies in one country, an
unplaced event on land lies there too; where every state party that strikes in the article
is of one country, an unclaimed strike of the same kind is theirs, and unnamed "security
forces" or "the army" are that country's (or, with no foreign state striking, the forces of
the country where they operate).

A strike told by its rank in a day's series ("four were aboard in the second strike") is
by the hand of the strike told before it, even where the article names another state
striking elsewhere. History recalled beside the story (a background event) neither takes
the story's attacker nor decides it: only current strikes name the striking state.

A strike at sea, or an unplaced one in a story whose every strike hit a boat, hit a
vessel.

Only a single answer is ever taken: an article about two countries, or about two states'
strikes, fills nothing. Every filled field cites the words it came from (the other event's
place or party), so a reviewer sees that it was read from context.
"""

from __future__ import annotations

import re
from collections import Counter

import pycountry

from strikewatch.extract.actors import DEMONYM_RE, DEMONYMS, country_mentions
from strikewatch.extract.context import Doc, Frame, Group
from strikewatch.extract.coref import year_named
from strikewatch.extract.counts import ORDINAL_VALUES, ranks_up_to
from strikewatch.extract.pipeline import component
from strikewatch.extract.places import geo_place, names_acting_state, own_country
from strikewatch.records import Actor, Place

#: actor types that stand for a state (its forces, its government, the state itself)
STATE_TYPES = frozenset({"military", "government", "intelligence", "state", "state_forces",
                         "police"})
#: actor types that are a state's armed forces, whose country the article may leave unsaid
FORCES_TYPES = frozenset({"military", "state_forces", "police"})
#: event types whose attacker a strike elsewhere in the article can tell
_STRIKES = frozenset({"Explosions/Remote violence"})


def _with(g: Group, name: str) -> tuple[Frame, object] | None:
    """The first frame of the group that has field `name`, and the value."""
    for f in g.frames:
        v = getattr(f, name)
        if v is not None:
            return f, v
    return None


def _span(f: Frame, name: str) -> tuple[int, int] | None:
    spans = f.prov.get(name)
    return spans[0] if spans else None


def _place_context(doc: Doc) -> tuple[Place, tuple[int, int]] | None:
    """The one country every placed event of the article lies in (with the words that say
    so), or None where places disagree, lie at sea, or none is given."""
    found: list[tuple[Place, tuple[int, int]]] = []
    frames = [f for g in doc.groups for f in g.frames]
    # a headline or crosshead tells no event of its own but says where the story is
    frames += [f for f in doc.frames if f.drop and f.place is not None]
    acting = {own_country(f) for f in doc.frames} - {None}
    for f in frames:
        if f.place is None or f.status != "occurred" or f.background:
            continue  # a plan, a threat or history says nothing of where this story is
        if f.drop and names_acting_state(doc.text, f, acting):
            continue  # a headline's "Dead in US Boat Strikes": who struck, not where
        span = _span(f, "place")
        if f.place.country is None or span is None:
            return None  # a sea, or a place of no country: not one country's story
        found.append((f.place, span))
    if not found:
        found = _headline_place(doc)
    if not found or len({p.country for p, _ in found}) != 1:
        return None
    place, span = found[0]
    if place.country not in most_named(doc):
        return None  # the story is told about other countries
    if place.kind != "country":
        got = pycountry.countries.get(alpha_2=place.country)
        name = getattr(got, "common_name", None) or getattr(got, "name", None)
        if name is None:
            return None
        place = Place(name=name, country=place.country, kind="country", geo_precision=5)
    return place, span


def _headline_place(doc: Doc) -> list[tuple[Place, tuple[int, int]]]:
    """The place a headline or crosshead names ("Israeli strikes hit the heart of
    Damascus"), read by the geoparser only when no event of the article is placed."""
    for f in doc.frames:
        if f.drop and f.status == "occurred" and f.event_type is not None:
            got = geo_place(doc.text, [f], doc.countries)
            if got is not None and got[1].country is not None:
                return [(got[1], got[2])]
    return []


def _attacker_context(doc: Doc) -> tuple[Actor, tuple[int, int]] | None:
    """The one state whose forces strike in the story (with the words that first name it
    striking), or None where two states strike or none does. A threat's, a plan's or
    history's party is not the story's striker: only current strikes decide the state (the
    words naming it may be history's: the first telling of its forces striking)."""
    current = [a for a, _ in _state_strikers(doc, current_only=True)]
    if not current:
        return _headline_attacker(doc)
    if len({a.country for a in current}) != 1:
        return None
    return next(x for x in _state_strikers(doc, current_only=False)
                if x[0].country == current[0].country)


def _headline_attacker(doc: Doc) -> tuple[Actor, tuple[int, int]] | None:
    """The striking state a headline names ("ISIS leader killed by US strike in Syria")
    where no strike of the story names one: the headline restates the lede. Only lines
    before the story's first event count (a caption further down shows another day)."""
    if not doc.groups:
        return None
    first = min(g.head.start for g in doc.groups)
    found: list[tuple[Actor, tuple[int, int]]] = []
    for f in doc.frames:
        if not f.drop or f.start >= first or f.status != "occurred" or \
                f.event_type not in _STRIKES:
            continue
        actor, span = f.actor1, _span(f, "actor1")
        if actor is not None and actor.type in STATE_TYPES and actor.country is not None \
                and span is not None:
            found.append((actor, span))
    if not found or len({a.country for a, _ in found}) != 1:
        return None
    return found[0]


def _state_strikers(doc: Doc, current_only: bool) -> list[tuple[Actor, tuple[int, int]]]:
    """Each occurred strike's state attacker with the words naming it, in the article's
    order (`current_only`: leaving out history; an act the news answered or came after is
    the story's own context, not history: another state striking in it)."""
    found: list[tuple[Actor, tuple[int, int]]] = []
    for g in doc.groups:
        if g.head.status != "occurred" or g.value("event_type") not in _STRIKES or \
                (current_only and g.head.background and not g.head.antecedent):
            continue
        got = _with(g, "actor1")
        if got is None:
            continue
        f, actor = got
        if not isinstance(actor, Actor) or actor.type not in STATE_TYPES:
            continue
        span = _span(f, "actor1")
        if actor.country is not None and span is not None:
            found.append((actor, span))
    return found


def _current_strike(g: Group) -> bool:
    """An occurred strike of the story being told (not history recalled beside it)."""
    return g.head.status == "occurred" and not g.head.background and \
        g.value("event_type") in _STRIKES


# a strike told by its rank in a day's series: "the second strike", "in the third", "the
# first boat"; such a strike is a part of the series the article told before it
_RANK = re.compile(r"\b(?:" + "|".join(ranks_up_to(ORDINAL_VALUES, 10)) +
                   r"|last|final)\b(?!\s+(?:time|day|week|month|year)s?\b)",
                   re.IGNORECASE)


def _series_attacker(doc: Doc, g: Group) -> tuple[Actor, tuple[int, int]] | None:
    """The attacker of the strike told just before `g`, where `g` is a strike told by its
    rank ("Four were aboard in the second strike") or an item of a toll told by rank: a
    part of the series that strike opened, so by the same hand, told in that strike's
    words. Where the article names two striking states this is the one answer its order
    gives; a strike of the series with a party of its own keeps it (not asked here)."""
    if not any(f.list_item or _RANK.search(doc.text[f.start:f.end]) for f in g.frames):
        return None
    i = doc.groups.index(g)
    for before in reversed(doc.groups[:i]):
        if not _current_strike(before):
            continue
        got = _with(before, "actor1")
        if got is None:
            continue  # an unclaimed strike of the same series: look further back
        f, actor = got
        span = _span(f, "actor1")
        if not isinstance(actor, Actor) or actor.type not in STATE_TYPES or \
                actor.country is None or span is None:
            return None
        return actor, span
    return None


def most_named(doc: Doc) -> set[str]:
    """The two countries the article names most often (by name or demonym), with ties: a
    story of strikes on Lebanon names Israel as often as Lebanon."""
    counts: Counter[str] = Counter(c for _, _, _, c in country_mentions(doc.text))
    counts.update(c for m in DEMONYM_RE.finditer(doc.text)
                  if (c := DEMONYMS.get(m.group(1))) is not None)
    if not counts:
        return set()
    second = sorted(counts.values(), reverse=True)[:2][-1]
    return {c for c, n in counts.items() if n >= second}


def _fill_place(doc: Doc, g: Group, ctx: tuple[Place, tuple[int, int]] | None) -> None:
    if ctx is None or g.value("place") is not None or g.value("domain") == "sea":
        return
    if g.value("action") == "designation":
        return  # made where the designating state sits, not where the designated group acts
    place, (a, b) = ctx
    g.head.place = place
    g.head.cite("place", a, b)


# the event's own sentences say who struck is not known: "neither casualties nor the
# nationality of the warplanes was confirmed", "it was unclear who carried out the strike"
_ATTACKER_UNKNOWN = re.compile(
    r"\b(?:nationality|identity|origin)\s+of\s+the\s+(?:[\w-]+\s+){0,2}?(?:warplanes?|"
    r"aircraft|jets?|drones?|planes?|attackers?)\b|\b(?:unclear|unknown|not\s+known|not\s+"
    r"(?:yet\s+)?clear)\s+who\b", re.IGNORECASE)


def _fill_actor(doc: Doc, g: Group, ctx: tuple[Actor, tuple[int, int]] | None,
                home: str | None) -> None:
    """An unclaimed strike gets the article's one striking state; forces with no country
    get that state's, or else the country they operate in."""
    got = _with(g, "actor1")
    if got is None:
        if not _current_strike(g):
            return  # history keeps no attacker of today's story
        ctx = _series_attacker(doc, g) or ctx
        if ctx is None:
            return
        if any(_ATTACKER_UNKNOWN.search(f.sentence.text) for f in g.frames):
            return  # "the nationality of the warplanes was not confirmed": left unknown
        actor, (a, b) = ctx
        target = g.value("actor2")
        if getattr(target, "country", None) == actor.country and \
                getattr(target, "type", None) != "government":
            # "missiles at the USS Truman": a state does not strike its own ships (its
            # minister read as the target is the one who announced the strike)
            return
        g.head.actor1 = actor
        g.head.cite("actor1", a, b)
        return
    f, found = got
    if not isinstance(found, Actor) or found.country is not None or \
            found.type not in FORCES_TYPES:
        return
    if ctx is not None:
        country, (a, b) = ctx[0].country, ctx[1]
    elif home is not None:
        place = g.value("place")
        country = getattr(place, "country", None) or home
        a, b = _span(f, "actor1") or (0, 0)
    else:
        return
    if country is None or (a, b) == (0, 0):
        return
    f.actor1 = found.model_copy(update={"country": country})
    f.cite("actor1", a, b)


def _vessel_context(doc: Doc) -> tuple[int, int] | None:
    """Where every strike of the article that names its target hit a vessel: the words
    naming one (a boat-strike story), else None."""
    found: list[tuple[int, int]] = []
    for g in doc.groups:
        if g.head.status != "occurred" or g.value("event_type") not in _STRIKES:
            continue
        got = _with(g, "target_kind")
        if got is None:
            continue
        f, kind = got
        if kind != "vessel":
            return None
        span = _span(f, "target_kind")
        if span is not None:
            found.append(span)
    return found[0] if found else None


def _fill_target(g: Group, vessel: tuple[int, int] | None) -> None:
    """A strike at sea, or in a boat-strike story with no place on land, hit a vessel; a
    vessel hit was at sea."""
    got_kind = _with(g, "target_kind")
    if got_kind is not None:
        f, kind = got_kind
        span = _span(f, "target_kind")
        if kind == "vessel" and g.value("domain") is None and span is not None:
            g.head.domain = "sea"
            g.head.cite("domain", *span)
        return
    if g.head.status != "occurred" or g.value("event_type") not in _STRIKES:
        return
    got = _with(g, "place")
    place = got[1] if got is not None else None
    at_sea = g.value("domain") == "sea" or getattr(place, "kind", None) == "sea"
    if at_sea and got is not None and _span(got[0], "place") is not None:
        a, b = _span(got[0], "place")  # type: ignore[misc]
    elif vessel is not None and (at_sea or place is None):
        a, b = vessel
    else:
        return
    g.head.target_kind = "vessel"
    g.head.cite("target_kind", a, b)
    if g.value("domain") is None:
        g.head.domain = "sea"
        g.head.cite("domain", a, b)


@component("article_context",
           requires=("doc.groups", "doc.countries", "frame.place", "frame.actor1", "frame.domain",
                     "frame.status", "frame.event_type", "frame.drop", "frame.target_kind",
                     "frame.antecedent"),
           assigns=("frame.place", "frame.actor1", "frame.target_kind", "frame.domain"))
def article_context(doc: Doc) -> None:
    """Place and acting party from the rest of the article, where it gives one answer."""
    place_ctx = _place_context(doc)
    actor_ctx = _attacker_context(doc)
    home = place_ctx[0].country if place_ctx is not None else None
    vessel = _vessel_context(doc)
    for g in doc.groups:
        if g.head.antecedent:
            # "came two days after Pakistani militants killed seven soldiers": the act the
            # news came after or answered is the other side's; the article's striking state
            # is not its attacker, and the article's country is its place only where its
            # attacker is not of another country
            by = getattr(g.value("actor1"), "country", None)
            if place_ctx is None or by is None or by == place_ctx[0].country:
                _fill_place(doc, g, place_ctx)
            continue
        _fill_place(doc, g, place_ctx)
        _fill_actor(doc, g, actor_ctx, home)
        if not (g.head.background and any(year_named(f) for f in g.frames)):
            # (history placed in a named year, "the attacks of Sept. 11, 2001", is no strike
            # of a boat-strike story)
            _fill_target(g, vessel)

"""Component `actors`: actor1 (who acted) and actor2 (who was acted on) per frame, by word order
(roles.py: capitals and "X said its forces …" stand for their state, "blamed X" / "X
claimed the attack" name the agent, "Israeli strikes" names the state); spaCy's parser
only where the order is ambiguous (≈0.6 % of sentences in the bench).
"""

from __future__ import annotations

import re

from strikewatch.extract import nlp
from strikewatch.extract.actors import (
    DEMONYMS,
    PLACE_BEFORE,
    ActorHit,
    country_mentions,
    country_names,
    demonym_country,
    find_actors,
)
from strikewatch.extract.context import Doc, Frame, Sentence
from strikewatch.extract.pipeline import component
from strikewatch.extract.roles import assign_roles, not_agent, speaks_after
from strikewatch.geo.protocol import geoparser
from strikewatch.records import Actor


def _set_actor(f: Frame, role: str, hit: ActorHit) -> None:
    setattr(f, role, hit.actor)
    f.cite(role, hit.start, hit.end)


_OWNER_BEFORE = re.compile(
    r"(?:\b(?P<dem>" + "|".join(sorted(DEMONYMS, key=len, reverse=True)) + r")|"
    r"(?P<us>U\.S\.|US))(?:[\s-]+(?:-?led|backed|coalition|missile|drone|air|naval|"
    r"artillery|military|ballistic|cruise|[a-z]+-range))*\s+$")


def _owner_of_trigger(text: str, f: Frame) -> ActorHit | None:
    """"Israeli strikes", "a Russian missile strike": the demonym is the acting state."""
    before = text[max(f.start, f.trigger.start - 60):f.trigger.start]
    if not any(c.isupper() for c in before[-40:]):
        return None  # no name right before the event word (cheap test before the regex)
    m = _OWNER_BEFORE.search(before)
    if not m:
        return _possessor_of_trigger(text, f, before)
    word = m.group("dem") or m.group("us")
    country = DEMONYMS.get(word) if m.group("dem") else "US"
    if country is None:
        return None
    base = max(f.start, f.trigger.start - 60)
    return ActorHit(base + m.start(), base + m.start() + len(word),
                    Actor(name=f"{word} forces", type="military", country=country))


# "Israel's first strike", "Turkey's air strikes": the state whose event it is
_POSSESSED = re.compile(r"['’]s(?:\s+(?:first|second|third|latest|last|new|heavy|"
                        r"massive|fresh|deadly|own|air|drone|missile|military|naval|[a-z]+-\w+))"
                        r"{0,2}\s+$")


def _possessor_of_trigger(text: str, f: Frame, before: str) -> ActorHit | None:
    """The state named with "'s" right before the event word ("Israel's first strike")."""
    if "'" not in before and "’" not in before:
        return None
    base = max(f.start, f.trigger.start - 60)
    found = country_mentions(before, base)
    if not found:
        return None
    a, b, name, code = found[-1]
    if not _POSSESSED.match(text, b, f.trigger.start):
        return None
    return ActorHit(a, b, Actor(name=name, type="state", country=code))


# a dateline opening a sentence: "North Waziristan (Outlet) – ", "ISLAMABAD (AP) — "
_DATELINE = re.compile(r"\s*(?:[A-Z][\w'’.-]*,?\s+){1,4}\([^()]{1,30}\)\s*[–—-]")


def _geo_country(name: str) -> str | None:
    """The geo component's reading of a name's country ("Sinaloa Cartel" -> MX)."""
    try:
        return geoparser().country_for_name(name)
    except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the event
        return None



# "the Trump administration's strikes ... the administration's first strike": a story that
# names the U.S. administration once, and no country
_US_ADMINISTRATION = re.compile(r"\b(?:Trump|Biden|Obama|U\.S\.|US|American) administration\b")


def _by_word_order(doc: Doc, f: Frame) -> tuple[list[ActorHit], bool]:
    """Set the frame's actors from word order; (the actors found, whether order decided)."""
    clause = doc.text[f.start:f.end]
    hits = find_actors(clause, f.start)
    f.named = [(h.start, h.end) for h in hits if h.actor.type != "state"]
    a1, a2, sure = assign_roles(clause, f.start, f.trigger.start, f.trigger.end, hits)
    word = f.trigger.text.lower()
    if word == "blamed":
        # "The army blamed the Rapid Support Forces": the blamed did it
        blamed = [h for h in hits if h.start >= f.trigger.end and
                  h.actor.type not in ("civilians", "state")]
        a1 = next((h for h in blamed if h.actor.country), blamed[0] if blamed else None)
        a2, sure = None, True
    elif word.startswith("claimed "):
        # "The Houthis claimed the attack": the claimant is the agent
        claim = [h for h in hits if h.end <= f.trigger.start and h.actor.type != "civilians"]
        if claim:
            a1, a2, sure = claim[-1], None, True
    owner = _owner_of_trigger(doc.text, f)
    if owner is not None and (a1 is None or a1.actor.country != owner.actor.country):
        # "the health ministry said an Israeli strike killed one", "an Israeli strike …
        # despite the Israel-Hezbollah ceasefire": the state that owns the event word acted,
        # not the announcer or a name elsewhere in the clause
        if a2 is not None and a2.actor.country == owner.actor.country:
            a2 = None
        a1, sure = owner, True
    if a1 is not None and a1.actor.country is None and \
            a1.actor.name.lower() in ("administration", "the administration") and \
            ("US" in doc.countries or _US_ADMINISTRATION.search(doc.text)):
        # "The administration has authorized ...", in a story about the U.S.: the
        # executive the story is about
        a1 = ActorHit(a1.start, a1.end, Actor(name="U.S. administration",
                                              type="government", country="US"))
    if a1:
        _set_actor(f, "actor1", a1)
    if a2:
        _set_actor(f, "actor2", a2)
    if a1 is None and f.gap_of is not None and f.gap_of.actor1 is not None:
        f.actor1 = f.gap_of.actor1  # the verb's subject is both parts' agent
        f.cite("actor1", *f.gap_of.prov["actor1"][0])
        sure = True
    return hits, sure


# a kind of site after a name that modifies the event noun: "the Ain al-Hilweh camp strike",
# "the Kafr Qasim market bombing", "the Al-Shifa hospital raid"
_SITE_AFTER = re.compile(r"\s+(?:refugee\s+)?(?:camp|village|town|city|port|harbou?r|market|"
                         r"hospital|school|mosque|church|base|airport|airbase|refinery|"
                         r"compound|building|tower|bridge|district|province|area|region|"
                         r"neighbou?rhood|quarter|suburb|crossing|checkpoint|factory|plant)s?\b",
                         re.IGNORECASE)


def _by_parse(f: Frame, hits: list[ActorHit]) -> None:
    """Set the frame's actors from the spaCy parse of its sentence (agent and patient)."""
    s = f.sentence
    sdoc = s.parsed
    if sdoc is None:
        return
    agent, patient = nlp.agent_patient(sdoc, f.trigger.start - s.start,
                                       f.trigger.end - s.start)
    filed = m.end() if (m := _DATELINE.match(s.text)) else 0
    for role, span in (("actor1", agent), ("actor2", patient)):
        if span is None:
            continue
        a, b = s.start + span[0], s.start + span[1]
        own = a <= f.trigger.start < b
        if own:
            b = f.trigger.start  # the subject is the event itself: only its modifiers
        inside = [h for h in hits if a <= h.start and h.end <= b]
        if role == "actor1" and any(h.end <= f.trigger.start and
                                    not_agent(s.text, s.start, h, f.trigger.start)
                                    for h in inside):
            continue  # the subject suffered the event or only told it: no agent here
        if inside:
            _set_actor(f, role, inside[0])
            continue
        for ea, eb, label in nlp.entities(sdoc):
            if label == "GPE" and PLACE_BEFORE.search(s.text, max(0, ea - 30), ea):
                continue  # "97 nautical miles northwest of Hodeidah": where, not who
            if ea < filed:
                continue  # "North Waziristan (Outlet) – A drone ...": where it was filed
            if own and _SITE_AFTER.match(s.text, eb):
                continue  # "The Ain al-Hilweh camp strike": the site hit, not who hit it
            if role == "actor1" and label != "PERSON" and s.start + eb <= f.trigger.start \
                    and speaks_after(s.text[eb:eb + 160]):
                # an agency or a capital that told it ("IRNA, the state news agency, put
                # the dead at 40"); a person who tells may speak for the agent (a minister)
                continue
            if label in ("ORG", "PERSON", "NORP", "GPE") and a <= s.start + ea < b:
                name = s.text[ea:eb]
                country = demonym_country(name) or country_names().get(name) or \
                    _geo_country(name)
                act = Actor(name=name, type="unknown" if label != "PERSON" else "person",
                            country=country)
                _set_actor(f, role, ActorHit(s.start + ea, s.start + eb, act))
                break


@component("actors", requires=("doc.frames", "doc.countries", "frame.gap_of", "frame.drop"),
           assigns=("frame.actor1", "frame.actor2", "frame.named"))
def read_actors(doc: Doc) -> None:
    """actor1/actor2 from word order; a spaCy parse where order is ambiguous."""
    unsure: list[tuple[Frame, list[ActorHit]]] = []
    for f in doc.frames:
        hits, sure = _by_word_order(doc, f)
        if not sure and f.trigger.strength == "strong" and not f.drop:
            unsure.append((f, hits))
    if not unsure:
        return
    sents: dict[int, Sentence] = {f.sentence.index: f.sentence for f, _ in unsure}
    order = sorted(sents)
    docs = nlp.parse([sents[i].text for i in order])
    if not docs:
        return
    doc.bump("parsed_sentences", len(docs))
    for i, sdoc in zip(order, docs, strict=True):
        sents[i].parsed = sdoc
    for f, hits in unsure:
        _by_parse(f, hits)

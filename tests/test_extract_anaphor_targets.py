"""Coreference: which event a definite reference to an act points back to (sentences written
for these tests). A long noun phrase still refers ("the Wadi Hamra market strike", "the
Nov. 4 strikes"); what the act hit, named after its noun ("the strike on a clinic"), picks
the event among several; and an act noun ("the attack") never refers to a war named as
going on."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.pipeline import DEFAULT_NAMES, Pipeline
from strikewatch.records import Article

THURSDAY = "2025-11-06"
#: the rules pipeline up to coreference: which frames it groups as one event
_TO_COREF = Pipeline(DEFAULT_NAMES[:DEFAULT_NAMES.index("coreference") + 1])


def _groups(text: str) -> list[list[str]]:
    doc = _TO_COREF.read(Article(text=text, published=THURSDAY))
    return [[f.sentence.text for f in g.frames] for g in doc.groups]


def _occurred(text: str) -> list:
    return [m for m in extract(Article(text=text, published=THURSDAY))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def test_a_definite_phrase_with_a_name_and_a_site_refers_back() -> None:
    text = ("Nine people died on Tuesday when warplanes struck a crowded market in the north "
            "of Yemen, the health ministry said. The Wadi Hamra market strike, close to the "
            "town of Saada, also wounded dozens, the ministry added.")
    assert len(_groups(text)) == 1
    (m,) = _occurred(text)
    assert m.killed_low == 9 and len(m.spans) == 2


def test_a_definite_phrase_with_an_abbreviated_day_refers_back() -> None:
    text = ("The navy destroyed a smuggling boat in the Caribbean on Nov. 4, killing three "
            "people aboard. A navy spokesman said the Nov. 4 strikes left no survivors.")
    assert len(_groups(text)) == 1
    (m,) = _occurred(text)
    assert m.killed_low == 3 and len(m.spans) == 2


def test_a_second_strike_named_with_its_day_is_no_reference() -> None:
    text = ("The navy destroyed a smuggling boat in the Caribbean on Nov. 4, killing three "
            "people aboard. A second navy strike on Nov. 5 sank another boat.")
    assert len(_groups(text)) == 2


def test_what_the_act_hit_picks_the_event_it_refers_to() -> None:
    text = ("Twelve people died when an airstrike hit a clinic in the town of Dara on "
            "Monday. Later on Monday, jets carried out strikes on army depots across the "
            "province. The strike on a clinic drew condemnation from aid groups.")
    ms = _occurred(text)
    clinic = next(m for m in ms if m.killed_low == 12)
    said = [s.text for s in clinic.spans]
    assert any("drew condemnation" in t for t in said)
    assert not any("drew condemnation" in s.text for m in ms if m is not clinic
                   for s in m.spans)


def test_an_act_noun_does_not_refer_to_a_war_named_between() -> None:
    text = ("A drone strike hit a bus station in the east of the country on Monday, killing "
            "dozens. The army has been fighting a rebel militia in the region for a year. "
            "Residents said 20 civilians died in the attack.")
    ms = _occurred(text)
    strike = next(m for m in ms if m.sub_event_type == "Air/drone strike")
    assert strike.killed_low == 20 or any("died in the attack" in s.text for s in strike.spans)
    assert all(m.killed_low is None for m in ms if m is not strike)


def test_a_lede_dated_by_its_telling_and_the_body_naming_one_site_are_one_strike() -> None:
    text = ("At least 19 civilians died when drones hit a busy market in the west of the "
            "country, a monitoring group said on Wednesday. The group said that on Tuesday "
            "two drones struck the Abu Karsh market near the town of Umm Dam.")
    (m,) = _occurred(text)
    assert m.killed_low == 19 and m.date_low == "2025-11-04"


def test_two_sites_of_a_kind_told_on_other_days_stay_two_strikes() -> None:
    text = ("At least 19 civilians died when drones hit a busy market in the west of the "
            "country, a monitoring group said on Wednesday. The group said that last "
            "Saturday another drone struck a market in a second town, killing four.")
    assert len(_occurred(text)) == 2


def test_a_war_told_as_going_on_since_a_month_past_an_apposition_is_no_incident() -> None:
    text = ("A drone strike hit a bus station in the east of the country on Monday, killing "
            "dozens. The army has been fighting the Wolf Brigade, a local armed group, since "
            "April. A medic said 18 people were badly hurt, three of whom died.")
    (m,) = _occurred(text)
    assert m.sub_event_type == "Air/drone strike"


def test_a_name_before_a_passive_verb_is_no_reference() -> None:
    text = ("Three men died when a boat in the Caribbean Sea was struck, the navy said. "
            "A strike earlier this month killed two people in the Pacific Ocean.")
    doc = _TO_COREF.read(Article(text=text, published=THURSDAY))
    assert not doc.groups[0].head.anaphoric

"""Who acted and who was acted on (issue 14, failure 5 "Roles"), on sentences written for
these tests (none from any gold file): a group that describes what was hit, the object of
an act of force and a party an attack is blamed on — each with a negative case where a
real attacker in similar words stays actor1."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-10-20"


def _one(text: str) -> Mention:
    got = [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]
    assert len(got) == 1, [m.model_dump() for m in got]
    return got[0]


def _a1(text: str) -> tuple[str | None, str | None]:
    m = _one(text)
    return (m.actor1.name, m.actor1.country) if m.actor1 else (None, None)


def test_a_group_the_target_is_tied_to_is_not_the_attacker() -> None:
    for text in ("On Friday the Pentagon struck a vessel linked to the ELN with a lethal "
                 "strike, killing two.",
                 "On Friday the Pentagon destroyed a boat operated by the Sinaloa Cartel in "
                 "a strike that killed two."):
        m = _one(text)
        assert m.actor1 is not None and m.actor1.country == "US", text
        assert m.actor2 is not None and m.actor2.country in ("CO", "MX"), text
    # negative: the group acting on its own stays the attacker
    assert _a1("On Friday the ELN attacked a police post near Arauca, killing two.")[1] == "CO"


def test_a_place_held_by_a_group_does_not_make_it_the_agent() -> None:
    m = _one("A drone strike hit a house in a village held by rebels on Sunday, killing one.")
    assert m.actor1 is None or m.actor1.name != "rebels"
    # negative: a real "by" agent after the event stays the agent
    name, country = _a1("Two fishermen were killed by Houthi rebels on Sunday.")
    assert country == "YE" and name == "Houthis"


def test_the_object_of_an_act_of_force_is_acted_on() -> None:
    m = _one("US Africa Command said its forces went after a senior Islamic State commander "
             "on Monday and killed him.")
    assert m.actor1 is not None and m.actor1.country == "US"
    assert m.actor2 is not None and m.actor2.name == "Islamic State"
    m = _one("On Tuesday the troops engaged a heavily armed group of militants, killing "
             "five in a clash.")
    assert m.actor1 is not None and m.actor1.name.lower() != "militants"
    # negative: the group that carried out the act stays the attacker
    assert _a1("On Tuesday Islamic State fighters attacked an army post, killing five.") \
        == ("Islamic State", None)


def test_who_an_attack_is_pinned_on_is_its_agent() -> None:
    name, country = _a1("Two people died when warplanes struck a port overnight, the "
                        "rebels said on Friday, blaming the raids on the United States.")
    assert country == "US"
    # negative: who only reports the strike is not its agent either way
    name, country = _a1("Two people died when warplanes struck a port overnight, the "
                        "rebels said on Friday.")
    assert country != "US"

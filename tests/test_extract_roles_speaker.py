"""The party that announces, accuses or reacts to a strike is its source, not a party to it
(issue 14, failure 5 "Roles"), on sentences written for these tests (none from any gold
file): "X said Y attacked", "X's <person> said", "X accused Y of attacking", "according to
X, Y struck", "X denounced the attack" — each with a negative case where the speaker is
also the agent and stays actor1."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2025-10-20"


def _one(text: str) -> Mention:
    got = [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]
    assert len(got) == 1, [m.model_dump() for m in got]
    return got[0]


def _countries(text: str) -> tuple[str | None, str | None]:
    m = _one(text)
    return (m.actor1.country if m.actor1 else None, m.actor2.country if m.actor2 else None)


def test_the_speaker_of_a_clause_with_its_own_agent_is_neither_party() -> None:
    for text in ("On Friday President Maduro said the US had attacked a fishing boat, "
                 "killing three.",
                 "Venezuela's Maduro said on Friday the United States had bombed a boat, "
                 "killing three.",
                 "Caracas said on Friday that the United States had struck a fishing boat, "
                 "killing three.",
                 "According to Venezuela, the United States struck a fishing boat on "
                 "Friday, killing three."):
        assert _countries(text) == ("US", None), text


def test_a_person_of_the_state_who_speaks_does_not_make_the_state_the_agent() -> None:
    for text in ("Colombia's Petro said on Friday the strike killed a fisherman.",
                 "Venezuela's foreign minister Yvan Gil said on Friday the strike killed "
                 "a fisherman."):
        m = _one(text)
        assert m.actor1 is None or m.actor1.country not in ("CO", "VE"), text
        assert m.actor2 is None or m.actor2.country not in ("CO", "VE"), text
    # negative: the speaker who tells its own act stays the agent
    assert _countries("Israel's Netanyahu said on Friday it struck a Hezbollah "
                      "commander.")[0] == "IL"


def test_the_accused_is_the_agent_and_the_accuser_is_neither_party() -> None:
    for text in ("On Friday Venezuela accused the United States of attacking a fishing "
                 "boat, killing three.",
                 "Maduro accused the United States of bombing a fishing boat on Friday, "
                 "killing three."):
        assert _countries(text) == ("US", None), text
    assert _countries("Iran accused Israel of striking a base near Tabriz on Friday, "
                      "killing four.") == ("IL", None)


def test_who_denounces_an_attack_did_not_carry_it_out() -> None:
    m = _one("Venezuelan President Nicolas Maduro denounced the attack on a fishing boat "
             "on Friday that killed three.")
    assert m.actor1 is None or m.actor1.country != "VE"
    # negative: the state that owns the event word stays the agent
    assert _countries("Colombia condemned the US strike on a boat on Friday that killed "
                      "four.")[0] == "US"


def test_a_speaker_that_is_also_the_agent_stays_actor1() -> None:
    assert _countries("Israel said it struck a Hezbollah commander in southern Lebanon on "
                      "Friday, killing him.") == ("IL", "LB")
    assert _countries("Turkey said on Friday its warplanes had struck PKK positions in "
                      "northern Iraq, killing six.")[0] == "TR"


def test_an_agency_or_authorities_that_put_a_toll_are_no_agent() -> None:
    # a news agency told in apposition, putting a toll
    m = _one("Tasnim, the semi-official news agency, put the number killed in the strike "
             "on the depot near Tabriz on Friday at 12.")
    assert m.actor1 is None or m.actor1.name != "Tasnim"
    # authorities that gave a toll
    m = _one("The Iranian authorities gave a toll of 30 dead in the strike on the depot "
             "near Tabriz on Friday.")
    assert m.actor1 is None or m.actor1.country != "IR"
    # negative: the state that owns the event word stays the agent
    assert _countries("Tasnim, the semi-official news agency, said the US strike on a boat "
                      "killed four on Friday.")[0] == "US"


def test_the_administration_a_story_names_once_is_the_us_one() -> None:
    text = ("Critics of the Biden administration say the raids are unlawful. On Friday a "
            "spokesman had announced the administration's first strike on a boat, which "
            "killed two men.")
    got = [m for m in extract(Article(text=text, published=PUB))
           if m.kind == "event" and m.status == "occurred"]
    assert got and got[0].actor1 is not None and got[0].actor1.country == "US", \
        [m.actor1 for m in got]


def test_who_a_headline_kills_in_a_strike_is_not_its_agent() -> None:
    assert _countries("Israel Kills Hezbollah Military Chief in Strike on Tyre") == ("IL", "LB")
    assert _countries("US Kills Houthi Military Chief in Strike on Sanaa")[0] == "US"
    # negative: a headline's agent before its own act noun stays the agent
    assert _countries("Hezbollah Kills Two in Rocket Attack on Kiryat Shmona")[0] == "LB"

"""Session 17's ruling on recalled strikes (tests/gold/README.md): a strike an article
recalls with a calendar day of its own (explicit, or resolved from the page's date) and a
toll or a named place of its own is a report of that strike: occurred, not background,
dated to its own day. Generic and undated recalls, month-only recalls, recalls with no toll
or place, and campaign tallies stay as they were (components/recalled.py; kind's
`_campaign_act`).

Every sentence here was written for these tests (wire, blog, opinion and Spanish
registers), none taken from a gold article.
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.es.reader import SpanishRulesExtractor
from strikewatch.records import Article, Mention

THURSDAY = "2025-11-20"
_NOT_VIOLENT = ("Strategic developments", "Protests", "Riots")


def _mentions(text: str, published: str | None = THURSDAY, language: str = "en"
              ) -> list[Mention]:
    art = Article(text=text, published=published, language=language)
    return SpanishRulesExtractor()(art) if language == "es" else extract(art)


def _reported(text: str, published: str | None = THURSDAY, language: str = "en"
              ) -> list[Mention]:
    """The violent occurred incidents that are not background: what the ledger counts."""
    return [m for m in _mentions(text, published, language)
            if m.kind == "event" and m.status == "occurred" and not m.background
            and m.event_type not in _NOT_VIOLENT]


def _on(ms: list[Mention], day: str) -> list[Mention]:
    return [m for m in ms if m.date_low == day and m.date_high == day]


@pytest.mark.parametrize(("text", "day", "killed"), [
    # wire: a recall after the day's strike, explicit day and toll
    ("Pakistani jets bombed a camp in Khost province on Tuesday, killing nine, Afghan "
     "officials said. A drone attack in Kandahar on 9 October left five dead, they recalled.",
     "2025-10-09", 5),
    # British register, day before the month, a place and a toll
    ("Afghan officials said Pakistani jets bombed a camp in Khost province on Tuesday, "
     "killing nine. An RAF drone strike in Helmand on 3 March killed four, the MoD said at "
     "the time.", "2025-03-03", 4),
    # blog register: a fronted day, the toll told by a second verb
    ("Israeli aircraft hit a house in Nabatieh on Wednesday, killing two, Lebanon's health "
     "ministry said. Back on August 14, jets flattened a clinic in Tyre and killed 19 "
     "patients, and nobody was ever held to account.", "2025-08-14", 19),
    # a place the recall names, a month-day with an abbreviation
    ("Turkish drones hit a car near Sulaymaniyah on Wednesday, killing two. On Aug. 23, a "
     "drone strike near Said Sadiq killed two journalists.", "2025-08-23", 2),
])
def test_recalled_strike_with_day_and_toll_is_reported(text: str, day: str, killed: int) -> None:
    got = _on(_reported(text), day)
    assert len(got) == 1 and got[0].killed_low == killed


def test_recall_is_never_dated_to_the_page() -> None:
    text = ("Pakistani jets bombed a camp in Khost province on Tuesday, killing nine. A drone "
            "attack in Kandahar on 9 October left five dead, they recalled.")
    assert not [m for m in _reported(text) if m.killed_low == 5 and m.date_low == THURSDAY]


@pytest.mark.parametrize("text", [
    # an op-ed argued in the first person still recounts a real strike of its day
    "I argue that these killings are unlawful. On Sept. 2, on the president's orders, the "
    "military blew up a speedboat in the Caribbean and killed all 11 aboard.",
    # a vote story (no strike of its own) recalls the first strike
    "The Senate will vote next week on a bill to end the boat strikes, its sponsors said. "
    "The first such strike, on Sept. 2, killed 11 men in the Caribbean.",
])
def test_recall_on_a_page_with_no_strike_of_its_own(text: str) -> None:
    got = _on(_reported(text), "2025-09-02")
    assert len(got) == 1 and got[0].killed_low == 11


def test_anniversary_recall_with_place_and_day_long_ago() -> None:
    text = ("Relatives marked the anniversary on Thursday. On October 24, 2012, a drone strike "
            "killed a grandmother picking okra in North Waziristan.")
    assert len(_on(_reported(text), "2012-10-24")) == 1


def test_campaign_first_strike_with_day_and_toll_is_an_incident() -> None:
    for text in (
        "The U.S. military struck a vessel in the eastern Pacific on Wednesday, killing three "
        "people. The campaign's first strike, on Sept. 2, killed 11 people aboard a boat in "
        "the Caribbean.",
        "The U.S. military struck a vessel in the eastern Pacific on Wednesday, killing three "
        "people. The campaign opened on September 2 with an attack that killed 11 people.",
    ):
        got = _on(_reported(text), "2025-09-02")
        assert len(got) == 1 and got[0].killed_low == 11, text


def test_recall_on_an_undated_page_keeps_its_month_day() -> None:
    text = ("Senators voted on Thursday against limiting the boat strikes. The administration's "
            "first known strike on a boat came on Sept. 2, killing 11 people.")
    got = [m for m in _reported(text, published=None) if m.killed_low == 11]
    assert len(got) == 1


@pytest.mark.parametrize(("text", "day", "killed"), [
    ("El lunes, un ataque de EE.UU. contra una lancha en el Pacífico oriental dejó dos "
     "muertos. El 13 de febrero murieron tres personas en otro bombardeo de EE.UU. en aguas "
     "del Caribe.", "2026-02-13", 3),
    ("Un bombardeo del ejército contra un campamento en Guaviare dejó siete muertos el "
     "miércoles. El ataque del 2 de septiembre contra una lancha en el Caribe dejó 11 "
     "muertos, según Washington.", "2025-09-02", 11),
    ("El Gobierno anunció el miércoles un nuevo bombardeo contra el ELN en Arauca que dejó "
     "seis muertos. El 1 de octubre, otro bombardeo en Amazonas mató a cuatro guerrilleros.",
     "2025-10-01", 4),
])
def test_spanish_recall_with_day_and_toll(text: str, day: str, killed: int) -> None:
    published = "2026-02-23" if "13 de febrero" in text else THURSDAY
    got = _on(_reported(text, published, "es"), day)
    assert len(got) == 1 and got[0].killed_low == killed


# --- what stays background or a tally -------------------------------------------------

LEDE = "The U.S. military struck a vessel in the eastern Pacific on Wednesday, killing three. "


@pytest.mark.parametrize("text", [
    LEDE + "Previous strikes have drawn criticism from lawmakers.",  # generic
    LEDE + "The Sept. 2 strike has drawn scrutiny from Congress.",  # a day, no toll or place
    "Pakistani jets bombed a camp in Khost province on Tuesday, killing nine. A strike last "
    "year in Kandahar killed five.",  # no day: a year
    "Pakistani jets bombed a camp in Khost province on Tuesday, killing nine. In September "
    "an airstrike in Kandahar killed five.",  # no day: a month
])
def test_recalls_without_day_and_toll_stay_background(text: str) -> None:
    got = _reported(text)
    assert len(got) == 1 and got[0].date_low in ("2025-11-19", "2025-11-18")


def test_campaign_tally_stays_a_tally() -> None:
    for text in (LEDE + "Since Sept. 2 the strikes have killed at least 83 people.",
                 LEDE + "The campaign, which began with a strike on Sept. 2, has killed 83 "
                        "people."):
        assert not [m for m in _reported(text) if m.killed_low == 83], text


def test_spanish_generic_recall_stays() -> None:
    text = ("Un bombardeo del ejército contra un campamento en Guaviare dejó siete muertos el "
            "miércoles. Los bombardeos anteriores han sido criticados por la ONU.")
    assert len(_reported(text, language="es")) == 1


@pytest.mark.parametrize("burial", [
    "Villagers on Thursday held a burial for 22 farmers killed earlier this month in a drone "
    "strike near the lake.",
    "The families of the four men killed last week in the raid on the market demanded an "
    "inquiry on Monday.",
])
def test_the_dead_of_an_earlier_act_are_what_a_burial_is_about(burial: str) -> None:
    """An act named by its dead, killed weeks back, as what the day's news (a burial, a
    demand) is about: background, and the sentence's weekday (the burial's) does not make
    it a recalled report."""
    assert _reported(burial) == []


def test_the_dead_of_an_act_on_a_weekday_stay_its_report() -> None:
    text = ("Mourners on Tuesday buried 22 farmers killed on Monday in a drone strike near "
            "the lake.")
    assert [m.killed_low for m in _reported(text)] == [22]

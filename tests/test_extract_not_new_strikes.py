"""Mentions that are no new real strike (issue 14, precision): an act told as what the news
answered or followed, an act only feared, a habit, an act counted back from the one told.
Each rule is tried on several wordings of the same fact and on a real new strike worded
alike, which must still be read (sentences written for these tests)."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.es.reader import SpanishRulesExtractor
from strikewatch.records import Article

PUB = "2025-06-11"  # a Wednesday


def _events(text: str) -> list:
    return [m for m in extract(Article(text=text, published=PUB))
            if m.kind == "event" and m.status == "occurred" and not m.background]


LEDE = "Israeli jets bombed the port of Hodeidah on Monday, killing 12 people, medics said. "


# --- what the news answered, by any word of answering, even with no act of its own ----------

@pytest.mark.parametrize("second", [
    "The army said its targets were fuel depots and a radar site in Hodeidah, in reply to "
    "recent missile attacks on Israel.",
    "The military said the targets were docks in Hodeidah used by the group, in revenge for "
    "drone attacks on Eilat.",
    "It said the sites hit in Hodeidah stored weapons, as payback for the rocket attacks on "
    "Haifa.",
    "Officials described the targets in Hodeidah as military, in retribution for repeated "
    "missile attacks on Israeli towns.",
])
def test_an_act_named_as_what_the_news_answered_is_no_new_strike(second: str) -> None:
    events = _events(LEDE + second + " The rebels said the strikes hit civilian areas.")
    assert [m.killed_low for m in events] == [12]


@pytest.mark.parametrize("second", [
    "It also follows a string of reprisals, among them airstrikes on militia bases in Syria "
    "last weekend.",
    "It came two days after militants killed seven soldiers in an ambush near the border.",
    "The raid comes in the wake of a bombing in Quetta.",
])
def test_an_act_the_news_followed_is_no_retelling_of_it(second: str) -> None:
    lede = "A US drone strike killed a militia commander in Baghdad on Tuesday, officials said. "
    events = _events(lede + second)
    strike = [m for m in events if m.killed_low == 1]
    assert len(strike) == 1 and strike[0].date_low == "2025-06-10"


def test_an_answer_told_with_its_own_act_still_splits() -> None:
    text = ("Israeli jets bombed the port on Monday, in revenge for a drone attack on Eilat "
            "that wounded three.")
    events = _events(text)
    assert any(m.event_type == "Explosions/Remote violence" and m.date_low == "2025-06-09"
               for m in events)


def test_followed_by_is_a_later_act_not_an_earlier_one() -> None:
    text = ("A strike on the depot, followed by a raid on the airport, killed six people on "
            "Monday, officials said.")
    assert [m.killed_low for m in _events(text)] == [6]


# --- an act feared or taken for another is not done --------------------------------------

@pytest.mark.parametrize("second", [
    "Residents of Sokoto State woken by the blasts at first feared a raid by the gangs.",
    "Families in Sokoto State fled, fearing an attack by the bandits.",
    "Villagers in Sokoto State feared airstrikes by the army for weeks.",
    "Many in Sokoto State feared of a bombing of the market.",
])
def test_an_act_feared_is_no_event(second: str) -> None:
    text = "The army struck a camp in Tangaza on Monday, killing nine. " + second
    assert [m.killed_low for m in _events(text)] == [9]


def test_a_strike_after_fear_is_still_read() -> None:
    text = ("Villagers, who feared the militia, said army jets struck its camp near "
            "Tangaza on Monday, killing nine fighters.")
    assert [m.killed_low for m in _events(text)] == [9]


# --- a habit told after its verb ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "His reaction shows the insecurity of Sokoto State in Nigeria, where bandits and "
    "militants raid often.",
    "Gangs in the hills of Zamfara State attack routinely, residents say.",
    "The bandits of Zamfara State in Nigeria strike all the time, residents say.",
    "Militias in Sokoto State bomb markets habitually, according to the report.",
])
def test_a_habit_told_after_its_verb_is_no_event(text: str) -> None:
    assert _events(text) == []


def test_an_act_done_often_enough_to_count_still_reads_when_told_once() -> None:
    text = "Gunmen raided the village of Kware on Monday and killed four, police said."
    assert [m.killed_low for m in _events(text)] == [4]


# --- an act counted back from the one told -----------------------------------------------

@pytest.mark.parametrize("opening", ["Before it,", "Before that,", "Prior to that,",
                                     "Previously,"])
def test_an_act_told_before_that_is_not_the_news(opening: str) -> None:
    text = ("Israeli forces hit Sanaa and al-Jawf province, killing 46 people, the ministry "
            f"said. {opening} an Israeli attack in March had killed leading figures of the "
            "government.")
    events = _events(text)
    news = [m for m in events if m.killed_low == 46]
    assert len(news) == 1 and news[0].date_low is None


@pytest.mark.parametrize("second", [
    "Hussein Jaber, who follows the strikes for a monitoring group, put the toll at 12.",
    "They come after the navy built up its presence in the region, and they have left at "
    "least 12 dead.",
])
def test_following_the_news_or_a_buildup_is_no_earlier_act(second: str) -> None:
    events = _events(LEDE + second)
    assert [m.killed_low for m in events] == [12]


def test_a_sentence_that_follows_a_speech_is_not_split() -> None:
    text = ("An Israeli strike hit a flat in Beirut on Friday, killing two. The strike "
            "followed a speech by the prime minister, who said the army would keep fighting.")
    assert [m.killed_low for m in _events(text)] == [2]


# --- an act ruled out, or talked of as a possibility ---------------------------------------

@pytest.mark.parametrize("text", [
    "Sheinbaum ruled out US strikes on cartels in Mexico on Tuesday.",
    "The president rejected the possibility of American attacks on Mexican soil.",
    "The minister dismissed the idea of a US raid inside Mexico.",
    "Officials are ruling out airstrikes on the camps for now.",
])
def test_an_act_ruled_out_is_not_done(text: str) -> None:
    assert _events(text) == []


def test_a_strike_told_beside_a_ruled_out_cause_is_read() -> None:
    text = ("Investigators ruled out a mechanical fault and said a drone strike hit the bus "
            "on Monday, killing four.")
    assert [m.killed_low for m in _events(text)] == [4]


def _es_events(text: str) -> list:
    art = Article(id="es", text=text, published=PUB, language="es")
    return [m for m in SpanishRulesExtractor()(art)
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize("text", [
    "Sheinbaum descarta ataques de Estados Unidos contra los cárteles en México.",
    "La presidenta rechazó este martes la posibilidad de que Estados Unidos ataque a "
    "cárteles en territorio de México.",
    "El gobierno descartó bombardeos estadounidenses en su territorio.",
    "El ministro no contempla la opción de un ataque con drones en la frontera.",
])
def test_es_an_act_ruled_out_is_not_done(text: str) -> None:
    assert _es_events(text) == []


def test_es_a_strike_after_a_ruled_out_cause_is_read() -> None:
    text = ("Un dron israelí bombardeó un vehículo en Tebnine este lunes y mató a dos "
            "personas, según el ministerio, que descartó otras víctimas.")
    assert [m.killed_low for m in _es_events(text)] == [2]


# --- acts told as a trend, or as what a campaign cut ----------------------------------------

@pytest.mark.parametrize("text", [
    "US drone strikes have picked up again, after a pause of almost six months.",
    "Airstrikes in the province doubled last year, according to the monitor.",
    "Army raids on the camps fell sharply after the truce.",
    "Rocket attacks on the north have eased since the spring.",
    "According to the command, the campaign has sharply cut Houthi attacks on shipping.",
    "The patrols reduced pirate attacks on merchant ships, officials said.",
    "Militia attacks on ships, which grew after the war began, have raised tensions.",
    "The rebels first hit only ships linked to Israel, but later widened their attacks to "
    "vessels of other countries.",
    "The militia has since expanded its raids to villages across the district.",
])
def test_acts_told_as_a_trend_are_no_event(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize("text", [
    "US drone strikes hit a compound in North Waziristan on Monday, killing five.",
    "Israeli airstrikes rose over Gaza City on Monday, killing 14 people.",
    "Jets struck the camp on Monday and cut the road to the border, killing three.",
])
def test_a_strike_worded_near_a_trend_is_read(text: str) -> None:
    assert len(_events(text)) == 1


# --- a sum over several acts read as one ---------------------------------------------------

def _tallies(text: str) -> list:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "tally"]


@pytest.mark.parametrize("text", [
    "Israeli strikes on two villages in the south have killed six people, medics say.",
    "Air raids against three towns in the Bekaa killed 11 people, the ministry said.",
    "Airstrikes targeting several districts of the city left 20 dead, officials said.",
    "Drone attacks on four army positions killed nine soldiers, officials said.",
])
def test_a_toll_over_acts_on_several_places_is_a_sum(text: str) -> None:
    assert _events(text) == [] and len(_tallies(text)) == 1


@pytest.mark.parametrize("text", [
    "An airstrike on two houses in Khan Younis killed eight people on Monday.",
    "A drone strike on a car near two villages killed three people on Monday.",
])
def test_one_act_on_several_places_stays_one_strike(text: str) -> None:
    assert len(_events(text)) == 1


@pytest.mark.parametrize("text", [
    'Central Command says it has killed "hundreds" of militia fighters and many leaders.',
    "The army says it has killed ‘thousands’ of insurgents in the campaign.",
])
def test_a_magnitude_in_quotes_is_a_campaign_toll(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize("second", [
    "Monitors counted at least 250 dead.",
    "A rights group put the dead at 310.",
])
def test_a_bare_toll_after_a_campaign_toll_is_the_campaign_s(second: str) -> None:
    text = ('The command says it has killed "hundreds" of militia fighters since March. '
            + second)
    assert _events(text) == [] and _tallies(text)


def test_a_bare_toll_after_a_strike_stays_the_strike_s() -> None:
    text = "A drone strike hit a car near Tyre on Monday, the army said. Medics counted 3 dead."
    assert [m.killed_low for m in _events(text)] == [3]


# --- a reference in strike words goes to the strike, not to the attacks named as its cause --

@pytest.mark.parametrize("reference", [
    "The airstrikes wounded five more people, he said.",
    "The air strikes also wounded five people, officials said.",
    "Residents said the bombing wounded five more people.",
])
def test_a_strike_reference_skips_the_militant_attacks_between(reference: str) -> None:
    text = ("Pakistani jets carried out overnight airstrikes on hideouts in Nangarhar on "
            "Sunday, killing 17 people, Afghan officials said. The ministry claimed that "
            "militants based in Afghanistan directed the recent attacks inside Pakistan. "
            + reference)
    strikes = [m for m in _events(text) if m.killed_low == 17]
    assert len(strikes) == 1 and strikes[0].injured_low == 5


@pytest.mark.parametrize("text", [
    "He has also said he allowed the CIA to carry out secret operations in Venezuela.",
    "The decree permitted the army to conduct airstrikes on the camps in Sokoto.",
    "The president enabled commanders to launch strikes in Somalia without approval.",
])
def test_a_permission_told_in_the_past_tells_no_act(text: str) -> None:
    assert _events(text) == []


def test_a_strike_told_as_allowed_is_still_read() -> None:
    text = ("A US drone strike killed five in Somalia on Monday; the strike was allowed under "
            "new rules.")
    assert [m.killed_low for m in _events(text)] == [5]


def test_a_surge_a_party_allowed_is_told_done() -> None:
    text = ('"By loosening the limits he allowed a surge of strikes in Somalia," an analyst '
            "said.")
    every = extract(Article(text=text, published=PUB))
    assert all(m.status != "hypothetical" for m in every)

"""Fewer duplicate and false "occurred" incidents: how real reporting is written.

Each test states one rule about how news copy tells (or only mentions) a strike, checked on
sentences written for these tests (not taken from any gold article):

- a toll the event only *follows* ("follows by less than a week the deaths of 11 people")
  is an earlier act's, not the event's own;
- a campaign restarted on a day ("restarted its offensive on March 18") or launched as
  history ("launched an all-out offensive in June last year") is a campaign, not a strike;
  one launched on a day of the news stays (tests/test_extract_other_strikes.py);
- "have since (also) attacked ..." is a campaign to date, as "have attacked ... since" is;
- an open toll over plural acts on plural targets with no number and no date ("more than
  two dozen dead in airstrikes on suspected drug boats") is a tally of many acts;
- "the strikes" told after a day's few strikes told together (a tally: "hit two skiffs on
  Sunday, and five died") refers to them, not to a new incident;
- an act told only as what the news came after or answered, with no toll or day of its
  own ("in response to a rocket attack by the rebels"), is background;
- a weekday that dates a telling ("On Wednesday the rebels had said that ...", "rejected by
  the government on Thursday") keeps no two mentions of one strike apart; an event's own
  weekday must come on the day it was told of or shortly before it, else it is another
  strike ("confirmed on Saturday that a boat hit last Thursday" is not Sunday's news);
"""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.components.assemble import _told_of
from strikewatch.extract.components.dates import told_at
from strikewatch.extract.context import Sentence
from strikewatch.records import Article, Mention

MONDAY = "2026-03-02"


def _incidents(text: str, published: str | None = MONDAY) -> list[Mention]:
    """The violent occurred incidents the extractor makes of `text`."""
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background
            and m.event_type not in ("Strategic developments", "Protests", "Riots")]


# --- a toll the event follows is an earlier act's ------------------------------------------

def test_the_deaths_an_event_follows_are_not_its_toll() -> None:
    text = ("On Monday the navy announced a strike on a boat in the Caribbean Sea and said "
            "two men died in it. The strike on Monday follows by less than a week the deaths "
            "of nine people accused of smuggling, part of the long campaign against "
            "traffickers.")
    got = _incidents(text)
    assert len(got) == 1
    assert (got[0].killed_low, got[0].killed_high) == (2, 2)
    # nor is the nine a count of Monday's, as a tally or otherwise
    every = extract(Article(text=text, published=MONDAY))
    assert not any(m.killed_low == 9 and m.date_low == MONDAY for m in every)


def test_came_on_the_heels_of_the_killing_of_is_the_same_rule() -> None:
    text = ("A drone hit a pickup truck near the border on Monday, officials said. The "
            "attack came on the heels of the killing of five soldiers at a checkpoint.")
    got = _incidents(text)
    assert got and all(m.killed_low != 5 for m in got)


def test_a_toll_told_after_follows_in_its_own_clause_still_counts() -> None:
    # "followed" with no deaths noun after it cuts nothing: the strike's own toll stays
    text = ("The strike followed weeks of warnings, and it killed three people in the "
            "village on Monday, medics said.")
    got = _incidents(text)
    assert len(got) == 1
    assert got[0].killed_low == 3


# --- a campaign is no incident, even told with the day it began ----------------------------

def test_an_offensive_restarted_on_a_day_is_a_campaign_not_a_strike() -> None:
    text = ("Gunboats shelled a fishing harbour in the north on Monday, killing three "
            "people, the coastguard said. The army ended a month-long truce and restarted "
            "its offensive in the northern hills on February 20.")
    got = _incidents(text)
    assert len(got) == 1
    assert got[0].killed_low == 3


def test_an_offensive_launched_on_a_day_is_a_campaign_not_a_strike() -> None:
    text = ("A drone strike hit a depot outside the port on Monday, killing four guards. "
            "The government launched an all-out offensive against the rebels in June "
            "last year.")
    got = _incidents(text)
    assert len(got) == 1
    assert got[0].killed_low == 4


def test_fighting_on_a_day_still_tells_a_battle() -> None:
    # "fighting" may be one battle: the campaign rule leaves it as it was
    text = "Fighting between the army and rebels around the oasis town killed ten on Sunday."
    assert _incidents(text)


# --- "have since attacked": a perfect reaching to now is a campaign to date -----------------

def test_have_since_attacked_is_a_campaign_to_date() -> None:
    text = ("Two people were killed on Monday when jets struck a warehouse in the port city, "
            "rebel media said. The rebels have since also attacked navy ships and oil "
            "tankers, saying they act in solidarity with their allies.")
    got = _incidents(text)
    assert len(got) == 1
    assert got[0].killed_low == 2


def test_a_perfect_with_a_toll_of_its_own_is_still_told() -> None:
    # a toll picks out acts: the sentence is still read as occurred violence (not dropped)
    text = "The rebels have since attacked a navy ship on Monday, killing two sailors."
    got = [m for m in extract(Article(text=text, published=MONDAY))
           if m.status == "occurred" and not m.background]
    assert got and got[0].killed_low == 2


# --- a day of telling is no day of the event ------------------------------------------------

def test_a_claim_rejected_by_someone_on_a_day_dates_the_rejection() -> None:
    text = "The claim was rejected by the White House on Thursday."
    s = Sentence(0, 0, len(text), text)
    at = text.index("Thursday")
    assert told_at(text, s, at, at + len("Thursday"))
    plain = "The boat was hit by the navy on Thursday."
    s2 = Sentence(0, 0, len(plain), plain)
    at2 = plain.index("Thursday")
    assert not told_at(plain, s2, at2, at2 + len("Thursday"))


def test_two_told_days_do_not_split_one_strike_on_an_undated_page() -> None:
    text = ("Rebel claims that fishermen were aboard the boat struck most recently by the "
            "navy in the Gulf of Aden were rejected by the government on Thursday. On "
            "Wednesday the rebel leader had said that the navy's operation last week had "
            "struck a boat carrying fishermen.")
    assert len(_incidents(text, published=None)) == 1


def test_an_own_weekday_may_come_shortly_before_the_day_it_was_told() -> None:
    assert _told_of({"sunday"}, {"saturday"})
    assert _told_of({"sunday"}, {"sunday"})
    assert _told_of({"monday"}, {"saturday"})  # across the week's end
    assert not _told_of({"sunday"}, {"thursday"})
    assert not _told_of({"sunday"}, {"monday"})  # after the telling


def test_news_told_on_sunday_is_not_a_boat_hit_last_thursday() -> None:
    text = ('On Sunday Defence Minister Jane Roe said another boat had been bombed by the '
            'navy in the Gulf of Aden and four "pirates" killed. The minister gave no '
            'evidence. President John Doe confirmed on Saturday that a boat the navy hit '
            'last Thursday had left two survivors, who he said were being sent home.')
    got = _incidents(text, published=None)
    assert len(got) == 2
    assert sorted((m.killed_low or 0) for m in got) == [0, 4]


# --- a toll over many acts on many targets is a tally --------------------------------------

def test_a_toll_in_raids_on_smuggling_boats_is_a_tally() -> None:
    text = ("With more than thirty people dead in navy raids on suspected smuggling boats in "
            "the Gulf, a fisherman among them, his widow wants answers.")
    assert _incidents(text, published=None) == []
    every = extract(Article(text=text, published=None))
    assert any(m.kind == "tally" and m.killed_low == 31 for m in every)


def test_strikes_on_two_villages_with_a_day_stay_an_incident() -> None:
    text = "Strikes on two villages in the south killed six people on Saturday, medics said."
    assert len(_incidents(text)) == 1


def test_a_closed_toll_in_strikes_on_boats_stays_an_incident() -> None:
    # a figure with no "more than" may be one operation's (tests/test_extract_assemble.py)
    text = "Naval raids on smuggling boats in the gulf killed four people, officials said."
    assert len(_incidents(text, published=None)) == 1


def test_one_raid_on_a_boat_with_a_toll_is_an_incident() -> None:
    text = "Four men died when a navy raid on a suspected smuggling boat set it ablaze."
    got = _incidents(text, published=None)
    assert len(got) == 1 and got[0].killed_low == 4


# --- "the strikes" after a day's strikes told together refers to them ----------------------

def test_the_strikes_after_a_days_strikes_told_together_is_no_new_incident() -> None:
    text = ("The navy hit two skiffs in the Gulf of Aden on Sunday, and five people died, "
            "the ministry said. The strikes, in international waters, are the third such "
            "operation this month. Rights groups have questioned their legality.")
    assert _incidents(text, published=None) == []
    every = extract(Article(text=text, published=None))
    tallies = [m for m in every if m.kind == "tally" and m.killed_low == 5]
    assert len(tallies) == 1
    # the reference's sentence is cited by the day's tally it joined
    said = text.index("The strikes")
    assert any(s.start <= said < s.end for s in tallies[0].spans)


# --- an act told only as what the news answered is context ---------------------------------

def test_an_act_told_only_as_what_the_news_answered_is_background() -> None:
    text = ("Jets struck rebel depots in the north on Saturday, in response to a rocket "
            "attack by the rebels on the garrison.")
    got = _incidents(text, published="2026-10-26")
    assert [m.date_low for m in got] == ["2026-10-24"]
    every = extract(Article(text=text, published="2026-10-26"))
    assert any(m.background and m.status == "occurred" for m in every)  # kept, as context


def test_an_act_answered_with_its_own_day_stays_an_incident() -> None:
    text = ("Jets struck rebel depots in the north on Saturday, in response to a rocket "
            "attack by the rebels on the garrison on 1 October.")
    got = _incidents(text, published="2026-10-26")
    assert sorted(m.date_low or "" for m in got) == ["2026-10-01", "2026-10-24"]


def test_an_answered_act_still_counts_as_another_state_striking() -> None:
    # made background, Iran's drones are still a second state striking in the story: the
    # unclaimed rocket attack is not given to Israel as the article's one striking state
    text = ("An Israeli strike on a village in south Lebanon killed two people on Monday, "
            "medics said. The strike came amid high tension after Iran launched drones at "
            "Israel, hitting back over an earlier raid. Later on Monday a rocket attack hit "
            "an army post in northern Israel, wounding one soldier.")
    every = extract(Article(text=text, published=MONDAY))
    rocket = [m for m in every if "rocket" in text[m.spans[0].start:m.spans[0].end]]
    assert rocket and all(m.actor1 is None or m.actor1.country != "IL" for m in rocket)

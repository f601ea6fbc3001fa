"""References to OTHER strikes than the article's news, on sentences written for these tests
(none from any gold file): an earlier strike named beside the news is background (recalled
as context, and it lends no toll to the news); strikes someone tries to halt, "every boat"
rhetoric and verbal attacks are no acts; a strike placed only in a past year is history; a
toll grown over a war is a tally. Each case is also checked the other way, so a rule that
fires on everything fails."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.pipeline import DEFAULT_NAMES, Pipeline
from strikewatch.records import Article, Mention

PUB = "2025-11-20"


def _events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def _news(text: str, published: str | None = PUB) -> list[Mention]:
    """Occurred incidents told as news: what the ledger counts as strikes."""
    return [m for m in _events(text, published) if m.status == "occurred" and
            not m.background]


# --- earlier strikes named beside the news -----------------------------------------------

@pytest.mark.parametrize("sentence", [
    "A previous American raid had left nine people dead, according to the navy.",
    "At least five more fishermen died in earlier U.S. military actions off the coast.",
    "It follows earlier naval action in the gulf, including an attack the admiral "
    "announced on June 3 that killed four.",
    "Earlier in July, the coast guard found two men who had survived a strike on a skiff.",
    "The province saw a drone strike the month before that reportedly killed a dozen herders.",
])
@pytest.mark.parametrize("published", [PUB, None])
def test_an_earlier_strike_named_beside_the_news_is_background(sentence: str,
                                                               published: str | None) -> None:
    text = "A navy drone hit a speedboat near the islands, killing three men. " + sentence
    news = _news(text, published)
    assert len(news) == 1
    assert news[0].killed_low == 3  # the earlier strike's toll stays with it
    assert any(m.background for m in _events(text, published))


@pytest.mark.parametrize("sentence", [
    # the same day's event, and an event that merely comes after another word
    "Earlier on Thursday, rebels attacked an army post in the hills, killing two soldiers.",
    # "previous" of something that is no strike, with a comma between
    "Unlike previous raids, a second drone attacked a fuel truck on the road, killing two.",
    "Only days earlier, two herders died in an air raid by government jets near the river.",
])
def test_a_strike_of_its_own_after_an_earlier_word_stays_news(sentence: str) -> None:
    text = "A navy drone hit a speedboat near the islands on Thursday, killing three men. " + \
        sentence
    assert len(_news(text)) == 2


# --- no act --------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, act", [
    ("Senators voted on October 8 on a resolution that sought to halt U.S. strikes on boats "
     "in the gulf.",
     "On October 8 U.S. strikes on boats in the gulf killed six."),
    ('"They load the drugs on the boats, so we struck every boat," the minister said on Friday.',
     '"They load the drugs on the boats, so we struck the boat," the minister said on Friday.'),
    ("On Sunday the senator attacked the governor's policy on the border.",
     "On Sunday gunmen attacked the governor's convoy on the border road."),
])
def test_strikes_someone_tries_to_halt_and_rhetoric_are_no_acts(sentence: str,
                                                                act: str) -> None:
    assert _news(sentence) == []
    assert len(_news(act)) == 1


# --- history and tallies -------------------------------------------------------------------

@pytest.mark.parametrize("published", ["2022-08-02", None])
def test_a_strike_placed_only_in_a_past_year_is_history(published: str | None) -> None:
    text = ("The cleric, whom U.S. commandos killed in a raid in Yemen in 2013, had led the "
            "group for a decade.")
    ms = _events(text, published)
    assert ms and all(m.background for m in ms)


def test_a_strike_of_the_publication_year_is_not_made_history() -> None:
    ms = _news("Officials said a drone strike in Yemen in 2022 killed the cleric.",
               "2022-08-02")
    assert len(ms) == 1


def test_a_toll_grown_over_a_war_is_a_tally() -> None:
    ms = extract(Article(text="Health officials say almost 9,000 people have died in the "
                              "army's shelling and invasion of the province.",
                         published=PUB))
    assert ms and all(m.kind == "tally" for m in ms)


# --- an event told only as what people argue about, or long ago --------------------------

def test_an_event_told_only_as_what_a_debate_is_about_is_background() -> None:
    text = ("The debate over the navy's raid on the island has ignored basic points of law, "
            "the professor wrote.")
    ms = [m for m in _events(text, None) if m.status == "occurred"]
    assert ms and all(m.background for m in ms)


def test_a_debated_event_with_a_toll_of_its_own_stays_news() -> None:
    text = ("The debate over the raid grew after officials said the navy's first raid on the "
            "island killed seven fishermen on Tuesday.")
    assert _news(text)


@pytest.mark.parametrize("sentence, background", [
    ("Navy drones first attacked fishing boats in the strait five months ago, in June.", True),
    ("The militia had also shelled the port last year, the statement recalled.", True),
    # "years ago" of another verb ("formed"), not of the strike
    ("The coalition formed years ago against the militia carried out the strike on "
     "Thursday.", False),
])
def test_an_event_told_months_ago_or_last_year_is_background(sentence: str,
                                                             background: bool) -> None:
    ms = [m for m in _events(sentence, None) if m.status == "occurred"]
    assert ms and all(m.background == background for m in ms)


def test_groundwork_for_a_campaign_is_a_plan() -> None:
    ms = _events("Drone flights over the border have grown in recent months as part of what "
                 "officials call groundwork for a wider anti-smuggling campaign.", None)
    assert ms and all(m.status == "planned" for m in ms)


# --- trends, feared acts, acts that may have happened ---------------------------------------

NEWS = "A drone strike hit a truck near the border on Monday, killing four militants. "


def _dropped(text: str, word: str) -> bool:
    """Whether the status component reads the event word `word` as no event (`drop`)."""
    doc = Pipeline(DEFAULT_NAMES[:DEFAULT_NAMES.index("status") + 1]).read(
        Article(text=text, published=PUB))
    frames = [f for f in doc.frames if word in f.trigger.text]
    assert frames, f"no event word {word!r} read"
    return all(f.drop for f in frames)


@pytest.mark.parametrize("sentence, word", [
    ("Soldiers in the area are under almost constant attack from the militias.", "attack"),
    ("Most villagers had fled for fear of an army offensive against the militants.",
     "offensive"),
    ("The group has proved willing and able to strike army outposts and convoys.", "strike"),
])
def test_a_trend_or_a_feared_act_is_no_incident_beside_the_news(sentence: str,
                                                                 word: str) -> None:
    assert _dropped(sentence, word)
    news = _news(NEWS + sentence)
    assert len(news) == 1 and news[0].killed_low == 4


@pytest.mark.parametrize("sentence, word", [
    ("Soldiers in the area came under attack from the militias on Monday.", "attack"),
    ("The army launched an offensive against the militants on Monday.", "offensive"),
    ("The group struck army outposts and convoys on Monday, killing six.", "struck"),
])
def test_acts_done_are_not_dropped_as_trends(sentence: str, word: str) -> None:
    assert not _dropped(sentence, word)


def test_a_strike_that_may_have_taken_place_is_not_occurred() -> None:
    text = NEWS + "Local radio reported that a second strike may also have taken place."
    ms = _events(text)
    assert len(_news(text)) == 1
    assert any(m.status == "hypothetical" for m in ms)


# --- a page about an old strike --------------------------------------------------------------

OLD = ("In the March 3, 2025 strike on the ferry, two survivors clung to the hull for an hour "
       "while the commanders watched. ")


def test_a_look_back_at_an_old_strike_tells_no_new_one() -> None:
    text = OLD + ("Then firing a second time at the wreck is no gray zone; it is a plain attack "
                  "on people out of the fight, the columnist wrote.")
    ms = [m for m in _events(text, "2025-12-20") if m.status == "occurred"]
    assert ms and all(m.background for m in ms)


def test_a_strike_told_with_a_verb_beside_an_old_one_stays_news() -> None:
    text = OLD + "Militants then fired a rocket at a navy patrol boat off the coast."
    assert len(_news(text, "2025-12-20")) == 1


def test_acts_counted_as_a_number_are_a_tally() -> None:
    text = NEWS + "That brings to 40 the number of attacks in the region since June."
    ms = extract(Article(text=text, published=PUB))
    assert len(_news(text)) == 1
    assert any(m.kind == "tally" for m in ms)


def test_a_campaign_investigated_and_condemned_is_no_incident() -> None:
    text = ("The UN rights office on Friday demanded an investigation into naval strikes on "
            "fishing boats in the strait. \"These attacks are unacceptable,\" its chief said "
            "in a statement on Friday. The minister has defended the attacks as necessary.")
    assert _news(text) == []


def test_strikes_carried_out_and_condemned_stay_an_incident() -> None:
    text = ("The navy carried out strikes on three fishing boats in the strait on Friday, "
            "killing nine. The UN condemned the strikes.")
    assert len(_news(text)) == 1


# --- a choice still open, a warning, a campaign, a war's toll --------------------------------

@pytest.mark.parametrize("sentence", [
    "The admiral said a retaliatory strike was still an option for the fleet.",
    "A naval raid on the port remains on the table, the minister told reporters.",
])
def test_a_strike_still_open_as_an_option_is_no_act(sentence: str) -> None:
    news = _news(NEWS + sentence)
    assert len(news) == 1 and news[0].killed_low == 4
    assert any(m.status == "planned" for m in _events(NEWS + sentence))


def test_a_strike_that_was_the_option_taken_stays_news() -> None:
    text = "The strike, the only option left to the fleet, hit the harbour on Monday, killing two."
    assert len(_news(text)) == 1


@pytest.mark.parametrize("sentence", [
    "On Friday morning air-raid sirens warning of incoming rocket fire sounded in the north.",
    "Families spent the night in an air raid shelter near the port.",
])
def test_sirens_and_shelters_are_no_raid(sentence: str) -> None:
    assert _news(sentence) == []


def test_a_raid_beside_a_shelter_is_still_a_raid() -> None:
    text = ("Residents ran to an air raid shelter as an air raid hit the port on Friday, "
            "killing two.")
    assert len(_news(text)) == 1


def test_raids_told_as_part_of_a_campaign_are_no_incident() -> None:
    text = ("The navy frequently carries out raids along the coast as part of the "
            "government's counter-smuggling campaign.")
    assert _news(text) == []


def test_a_campaign_launched_on_a_day_stays_an_event() -> None:
    ms = _news("The navy launched a counter-smuggling campaign along the coast on Tuesday.")
    assert len(ms) == 1


@pytest.mark.parametrize("sentence", [
    "In the south the fighting has cost the lives of over 300 fighters and 40 civilians.",
    "Officials count some 2,000 breaches of the truce, in which over 150 people have been "
    "killed.",
])
def test_a_toll_grown_over_fighting_or_breaches_is_a_tally(sentence: str) -> None:
    text = NEWS + sentence
    news = _news(text)
    assert len(news) == 1 and news[0].killed_low == 4
    assert any(m.kind == "tally" and (m.killed_low or 0) >= 150
               for m in extract(Article(text=text, published=PUB)))


def test_one_strike_that_cost_lives_is_an_incident_with_its_toll() -> None:
    news = _news("A drone strike on the market on Friday cost the lives of four traders.")
    assert len(news) == 1 and news[0].killed_low == 4


def test_fighting_of_one_week_with_its_toll_stays_an_incident() -> None:
    ms = _news("This week scores of people have died in fighting in and around the river town.")
    assert len(ms) == 1 and ms[0].kind == "event"


def test_two_tallies_with_different_tolls_stay_two() -> None:
    text = ("The army's operations in the valley, which began in March 2023, have killed more "
            "than 2,000 people. Officials count some 900 breaches of the truce, in which over "
            "120 people have been killed.")
    tallies = [m for m in extract(Article(text=text, published=PUB)) if m.kind == "tally"]
    assert sorted(m.killed_low or 0 for m in tallies) == [121, 2001]


def test_plural_strikes_told_with_a_verb_of_impact_are_acts() -> None:
    text = ("The navy's heavy air campaign against the rebels has drawn criticism. Other "
            "strikes hit the mountains north of the capital, the rebels said.")
    assert _news(text)
    assert _news("Navy strikes on rebels have drawn criticism abroad.") == []


def test_a_missile_fired_at_a_city_is_an_event() -> None:
    text = ("On Saturday night a missile fired from the coast at the city set off air raid "
            "sirens before it was intercepted.")
    ms = _news(text, "2025-11-23")
    assert len(ms) == 1 and ms[0].event_type == "Explosions/Remote violence"


def test_a_missile_intercepted_before_it_struck_is_no_strike() -> None:
    text = ("Air defences intercepted a ballistic missile fired towards the port city on "
            "Friday, the coalition said.")
    assert _news(text) == []


def test_the_attacker_named_in_a_later_strike_phrase_keeps_it_apart() -> None:
    text = ("On Sunday a missile fired by the Houthis from Yemen hit a road near an airport "
            "in Israel, injuring four people. The health ministry said the Israeli strike on "
            "the cement factory injured at least 21 people.")
    missile = [m for m in _news(text, "2025-05-06") if m.injured_low == 4]
    assert len(missile) == 1 and missile[0].injured_high == 4  # not 4..21


def test_a_reference_to_the_strike_by_its_own_attacker_still_joins_it() -> None:
    text = ("Israeli jets struck a cement factory near the port on Monday, injuring 21 "
            "people. The Israeli strike also cut power to the district.")
    ms = _news(text, "2025-05-06")
    assert len(ms) == 1 and ms[0].injured_low == 21


def test_an_attacker_the_article_says_is_unknown_is_not_filled_from_context() -> None:
    text = ("U.S. forces struck a militant camp near Jilib on Tuesday, killing two fighters. "
            "Separately, an airstrike hit a hideout in the northern mountains. Neither "
            "casualties nor the nationality of the warplanes was immediately confirmed.")
    ms = _news(text)
    second = [m for m in ms if m.killed_low is None]
    assert second and all(m.actor1 is None for m in second)
    assert any(m.killed_low == 2 for m in ms)


# --- a page with no date: a year named marks another year's event -------------------------

def test_an_undated_page_news_by_weekday_keeps_a_named_year_apart() -> None:
    text = ("The navy struck a smuggling boat off the coast on Tuesday night, killing two. "
            "The minister recalled that navy jets had bombed the same coast on March 11, "
            "2004.")
    news = _news(text, None)
    assert len(news) == 1 and news[0].killed_low == 2 and news[0].date_low is None
    assert any(m.background and m.date_low == "2004-03-11" for m in _events(text, None))


def test_an_event_of_a_named_year_that_only_identifies_a_group_is_no_event() -> None:
    text = ("The navy struck a smuggling boat off the coast on Tuesday night, killing two. "
            "The minister likened the smugglers to the group behind the bombings of March "
            "11, 2004.")
    assert not any(m.date_low == "2004-03-11" for m in _events(text, None))
    assert len(_news(text, None)) == 1
    # the men behind the news itself: that attack is still an event
    assert not _dropped("Police arrested the militants behind Sunday's attack on the base, "
                        "which killed five soldiers.", "attack")


def test_a_lone_toll_of_a_past_year_does_not_date_the_news() -> None:
    text = ("An airstrike on the capital on Friday killed the militia's commander. His "
            "brother had been killed by government forces in 1997.")
    news = _news(text, None)
    assert news and all(m.date_low is None for m in news)


def test_an_undated_page_that_names_the_year_of_its_only_strike_keeps_it_news() -> None:
    text = "The navy struck a smuggling boat off the coast on March 3, 2025, killing two."
    news = _news(text, None)
    assert len(news) == 1 and news[0].date_low == "2025-03-03"


def test_a_look_back_tells_its_tolls_and_references_as_history() -> None:
    text = OLD + ("The burnt hull held not one smuggler but seven dead fishermen. A month "
                  "on, the admiral called the strike a mistake.")
    ms = [m for m in _events(text, "2025-12-20") if m.status == "occurred"]
    assert ms and all(m.background for m in ms)


def test_a_new_strike_told_with_a_verb_on_a_look_back_page_stays_news() -> None:
    text = OLD + "Navy drones struck another ferry near the island, killing seven."
    assert len(_news(text, "2025-12-20")) == 1

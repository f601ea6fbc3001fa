"""Components `furniture` and `assemble`: page furniture tells no event; an article's
elaborations join the event they elaborate (sentences written for these tests)."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.components.assemble import is_furniture
from strikewatch.records import Article

PUB = "2025-10-08"  # a Wednesday


def _mentions(text: str) -> list:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]


def test_headline_and_related_lines_are_furniture_prose_is_not() -> None:
    text = ("Navy Strike Sinks Smuggling Skiff Off Coast\n"
            "The navy struck a skiff on Monday, killing two, officials said.\n"
            "Related: Drone strike kills five in border town\n"
            "Also read - Militants attack convoy")
    head = text.index("Strike")
    assert is_furniture(text, head, head + 6)
    body = text.index("struck")
    assert not is_furniture(text, body, body + 6)
    for word in ("Drone strike", "attack convoy"):
        i = text.index(word)
        assert is_furniture(text, i, i + len(word))


def test_a_headline_does_not_become_an_incident_of_its_own() -> None:
    for head in ("Air Strike Kills Twelve In Northern Town",
                 "Related: Drone strike kills five in border town"):
        text = (f"{head}\n\n"
                "The air force bombed a rebel camp in Kandahar province on Monday, killing six "
                "fighters, the defence ministry said.")
        ms = _mentions(text)
        assert len(ms) == 1 and ms[0].killed_low == 6, head
        assert all(s.start > len(head) for s in ms[0].spans)


def test_an_elaboration_with_nothing_of_its_own_joins_the_reported_strike() -> None:
    text = ("Government jets struck a militant hideout in Kandahar province on Monday, killing "
            "seven fighters, the defence ministry said. Critics said the military had "
            "conducted a lethal strike without warning.")
    ms = _mentions(text)
    assert len(ms) == 1
    assert ms[0].killed_low == 7 and len(ms[0].spans) == 2


def test_a_separate_event_with_a_party_of_its_own_stays_separate(monkeypatch) -> None:
    # assemble's grouping, read without the trained filter (which drops this terse second
    # act, told with no toll, day or place of its own: extract/README.md, mention_filter)
    monkeypatch.setenv("STRIKEWATCH_MENTION_FILTER", "off")
    text = ("Government jets struck a militant hideout in Kandahar province on Monday, killing "
            "seven fighters, the defence ministry said. Rebels separately attacked an army "
            "post, the ministry said.")
    assert len(_mentions(text)) == 2


def test_a_bare_generic_plural_is_no_incident() -> None:
    ms = _mentions("Lawmakers questioned the legal basis for such airstrikes carried out by "
                   "the military.")
    assert ms == []


def test_an_event_with_no_date_place_figure_or_party_and_no_antecedent_is_no_incident() -> None:
    assert _mentions("Fighting broke out again in the hills.") == []
    # the same words with a party and a day of their own stay an event
    assert len(_mentions("Army troops and rebels clashed in the hills on Monday.")) == 1


def test_a_protest_or_other_act_never_elaborates_an_attack() -> None:
    text = ("Relatives are still waiting for the bodies of the six fishermen killed in last "
            "week's navy attack on their trawler. The ministry said it had lodged a formal "
            "protest.")
    ms = _mentions(text)
    assert all(m.event_type != "Protests" for m in ms if m.killed_low == 6)


# An article tells one strike again in later sentences that carry a place, a toll or a
# party of their own; those retellings join it unless something sets them apart.
_CAR = ("An Israeli drone strike on a car near the village of Toulin in southern Lebanon "
        "killed two people on Monday, the health ministry said. ")


def test_a_retelling_with_words_of_its_own_joins_the_event_it_retells() -> None:
    ms = _mentions(_CAR + "According to the state news agency, the car was travelling "
                          "between Toulin and a neighbouring village when it was struck.")
    assert len(ms) == 1
    assert ms[0].killed_low == 2 and len(ms[0].spans) == 2


def test_another_strike_or_a_rival_toll_stays_an_incident_of_its_own() -> None:
    for more, killed in (("Another strike hit a house in the same village, killing one "
                          "person.", 1),
                         ("Israeli jets struck a house in Toulin, killing five people.", 5)):
        ms = _mentions(_CAR + more)
        assert sorted(m.killed_low for m in ms) == sorted([2, killed]), more


def test_other_weekdays_keep_two_strikes_apart_without_a_publication_date() -> None:
    text = ("Government jets struck a militant camp near the town of Baidoa on Tuesday, "
            "killing nine fighters, officials said. Army jets struck a camp near Baidoa on "
            "Friday, a local elder said.")
    ms = [m for m in extract(Article(text=text, published=None)) if m.kind == "event"]
    assert len(ms) == 2


def test_figures_that_can_be_one_toll() -> None:
    from strikewatch.extract.components.assemble import _ranges_meet

    assert _ranges_meet((8, None), (8, 8))  # "at least eight" and "eight"
    assert _ranges_meet((5, 5), (5, 5))
    assert not _ranges_meet((18, 18), (1, 1))
    assert not _ranges_meet((3, 3), (24, None))  # "three" is not "at least 24"


def test_a_campaign_told_only_in_plurals_is_no_incident() -> None:
    for text in ("The rights chief demanded an investigation into naval strikes on fishing "
                 "boats, calling the attacks unlawful.",
                 "The rights chief condemned the navy for striking fishing boats in the "
                 "gulf."):
        assert _mentions(text) == [], text
    # acts done, counted, dated or with a toll stay
    for text in ("The navy carried out strikes on three boats in the gulf, officials said.",
                 "Naval strikes hit fishing boats in the gulf on Monday, officials said.",
                 "Naval strikes on fishing boats in the gulf killed four people, officials "
                 "said."):
        assert len(_mentions(text)) == 1, text


_CAMP = ("Government jets struck a militant camp near Baidoa on Tuesday, killing nine "
         "fighters, officials said. ")


def test_a_reference_to_the_strike_joins_it_whoever_its_sentence_names() -> None:
    for more in ("The rebel movement in Somalia condemned Tuesday's air strike as a massacre.",
                 "Rebel leaders in Kismayo condemned a U.S. air strike as a crime."):
        (m,) = _mentions(_CAMP + more)
        assert m.killed_low == 9 and len(m.spans) == 2, more
    # a reference to another day's strike stays apart
    ms = _mentions(_CAMP + "The rebel movement described Friday's air strike as a massacre.")
    assert len(ms) == 2


def test_the_attackers_own_country_named_as_a_place_does_not_keep_a_retelling_apart() -> None:
    text = ("A U.S. drone struck a car in Baghdad on Wednesday, killing a militia commander, "
            "Iraqi officials said. The United States Central Command said American forces "
            "carried out a strike in response to attacks on United States troops.")
    (m,) = _mentions(text)
    assert m.place is not None and m.place.name == "Baghdad"
    assert len(m.spans) == 2


# "more" and "later" set a telling apart only where they tell another act ("struck two more
# boats", "later that day drones hit"), not where "more" is part of a figure or "later" dates
# a telling, a count or a death (sentences written for these tests).
_BLOCK = ("Israeli warplanes bombed a residential building in the town of Khan Younis on "
          "Saturday, killing at least 30 people, the civil defence agency said. ")


def test_more_than_a_figure_or_a_later_count_joins_the_one_act() -> None:
    for again in ("More than 40 people died in Saturday's airstrike on the building, the "
                  "health ministry said.",
                  "More than 40 people were killed in Israeli strikes on Khan Younis on "
                  "Saturday.",
                  "Hospital officials said more than 40 were killed in the bombing of the "
                  "building in Khan Younis.",
                  "No more than 35 people were killed in the Khan Younis strike, the army said.",
                  "Rescuers later said the Israeli strike in Khan Younis had killed 41 people.",
                  "41 people were later confirmed dead in the Khan Younis airstrike."):
        ms = _mentions(_BLOCK + again)
        assert len(ms) == 1 and ms[0].killed_low == 30 and len(ms[0].spans) == 2, again


def test_more_acts_or_a_later_act_stay_apart() -> None:
    for again in ("Israeli jets later struck a school in Khan Younis, killing 12 people.",
                  "Later that day, Israeli drones hit a school in Khan Younis, killing 12.",
                  "More air strikes hit Khan Younis, killing 12 people.",
                  "One more strike on Khan Younis killed 12 people."):
        ms = _mentions(_BLOCK + again)
        assert sorted(m.killed_low for m in ms) == [12, 30], again


def test_distinct_words_read_more_and_later_by_what_they_count_or_date() -> None:
    from strikewatch.extract.components.assemble import _DISTINCT
    apart = ("struck two more boats", "one more strike", "more strikes followed",
             "three more air raids", "the navy hit twice more", "later that day a raid hit",
             "Later, police stations were struck", "a later attack", "Israel later bombed")
    told = ("more than 40 died", "no more than ten were killed", "more people were pulled out",
            "more bodies were recovered", "Rescuers later said 12 had died",
            "Officials later counted 15 dead", "the toll later rose to 9",
            "Hours later, the army reported that", "the toll was later raised",
            "a man later succumbed to his wounds", "two of the wounded later died")
    assert all(_DISTINCT.search(s) for s in apart), [s for s in apart if not _DISTINCT.search(s)]
    assert not any(_DISTINCT.search(s) for s in told), [s for s in told if _DISTINCT.search(s)]


def test_a_recalled_attack_placed_in_its_own_phrase_in_another_country_stays_apart() -> None:
    text = ("Beirut - An Israeli strike on a warehouse in Hadath, southern Lebanon, killed at "
            "least 12 people on Tuesday. The site recalls the attack on a girls' school in "
            "southern Syria, which killed 40 pupils.")
    ms = _mentions(text)
    assert sorted((m.place.country if m.place else None, m.killed_low) for m in ms) == \
        [("LB", 12), ("SY", 40)]


def test_a_reference_whose_place_is_another_clauses_still_joins() -> None:
    text = ("An Israeli strike on a warehouse in Hadath, Lebanon, killed at least 12 people on "
            "Tuesday. The attack was the deadliest since troops were sent to Syria in June.")
    (m,) = _mentions(text)
    assert m.place is not None and m.place.country == "LB" and len(m.spans) == 2

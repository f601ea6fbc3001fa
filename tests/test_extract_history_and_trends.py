"""Articles that report no new strike (issue 14, item 8): a look back on a campaign's first
strike, a war's start retold, rockets "fired since the war began", exchanges of fire said to
grow, a denied claim told again by those who make it, a designation placed where the
designated group acts. Each is background, no event or no strike of its own, and each has a
near twin, written the way a news report tells its own strike, that stays an occurred strike.
Sentences written for these tests."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention


def _strikes(text: str, published: str | None = None) -> list[Mention]:
    """The occurred incidents that are news (not background)."""
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


def _occurred(text: str, published: str | None = None) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred"]


_LOOK_BACK = ("Navy strikes on smuggling boats face a legal reckoning\n\n"
              "Six people aboard died in the first strike, on March 3; a later attack killed "
              "a survivor who clung to the hull. Law professors say the second attack may have "
              "broken the law of armed conflict.")


def test_a_look_back_on_a_campaigns_first_strike_reports_no_new_strike() -> None:
    told = _occurred(_LOOK_BACK)
    assert told, "the first strike and the follow-up are still read, as history"
    # session 17's ruling (tests/gold/README.md):
    # the first strike, told with its own day and toll, is a report of
    # that strike; the follow-up, told with no day of its own, stays history
    assert [m.killed_low for m in _strikes(_LOOK_BACK)] == [6]
    assert all(m.background for m in told if m.killed_low != 6)


def test_a_strike_told_by_a_day_of_its_own_stays_news_beside_the_look_back() -> None:
    text = _LOOK_BACK + (" On Tuesday the navy struck another boat off the coast, killing "
                         "three people aboard, the fleet command said.")
    # (a page that tells news of its own is not read as a look back: its other strikes are
    # left to the date rules)
    assert 3 in [m.killed_low for m in _strikes(text)]


def test_the_first_of_a_days_series_is_news() -> None:
    text = ("The navy struck three boats in the gulf on March 3, the fleet command said. The "
            "first strike killed four people, the second two and the third one.")
    assert _strikes(text), "the day's strikes stay occurred incidents"


def test_a_wars_start_retold_by_its_calendar_day_is_background() -> None:
    text = ("The rebels have threatened to strike ships in the strait. It began in April, "
            "when militia fighters stormed an army base and killed about 300 soldiers.")
    told = _occurred(text)
    assert told and all(m.background for m in told)
    # told with a calendar day and toll of its own it is a report of that attack
    # (session 17's ruling (tests/gold/README.md))
    dated = text.replace("in April", "on April 15")
    assert [m.killed_low for m in _strikes(dated)] == [300]
    # a start told by a day relative to the page is the news
    news = ("It began on Saturday, when militia fighters stormed an army base and killed about "
            "30 soldiers, the army said.")
    (m,) = _strikes(news, "2025-12-08")
    assert m.killed_low == 30


def test_rockets_fired_since_the_war_began_are_no_incident() -> None:
    text = "Since the war began, rockets have been fired at Israel by Hezbollah and the Houthis."
    assert _occurred(text) == []
    # with a toll they are counted (a tally since Friday); told with a day, they are an act
    toll = extract(Article(text="Since Friday, rockets have been fired at the northern towns, "
                                "killing two farmers, police said.", published="2025-12-08"))
    assert [m.killed_low for m in toll if m.status == "occurred"] == [2]
    assert _strikes("The militia fired rockets at the northern towns on Friday, police said.",
                    "2025-12-08")


def test_exchanges_of_fire_said_to_grow_are_no_incident() -> None:
    text = ("The militia leader said on Saturday that his fighters had new missiles, as "
            "exchanges of fire on the northern border grow.")
    assert _occurred(text, "2025-12-08") == []
    kept = ("Exchanges of fire on the northern border killed two soldiers on Saturday, the "
            "army said.")
    assert _strikes(kept, "2025-12-08")


def test_a_denied_claim_told_again_by_its_makers_is_no_strike_of_its_own() -> None:
    text = ("Army commanders are disputing reports that one of their helicopters killed nine "
            "villagers on Sunday. Provincial officials said on Monday that nine villagers, "
            "three of them children, died in a helicopter strike.")
    ms = extract(Article(text=text, published="2025-12-08"))
    assert [m.status for m in ms if m.kind == "event"] == ["denied"]
    # a strike with a toll of its own, told after the denial, stays a strike
    other = text + " In a separate attack on Tuesday, a drone strike killed four fighters."
    assert [m.killed_low for m in _strikes(other, "2025-12-08")] == [4]


def test_a_designation_is_not_placed_in_the_designated_groups_country() -> None:
    text = ("Mexican troops raided a cartel ranch in Sinaloa, Mexico on Monday, killing four "
            "gunmen, officials said. Six Mexican cartels have already been designated "
            "terrorist organizations by the U.S. administration.")
    ms = [m for m in extract(Article(text=text, published="2025-12-08")) if m.kind == "event"]
    designations = [m for m in ms if m.event_type == "Strategic developments"]
    raids = [m for m in ms if m.event_type != "Strategic developments"]
    assert designations and all(m.place is None or m.place.country != "MX"
                                for m in designations)
    assert raids and raids[0].place is not None and raids[0].place.country == "MX"


def test_a_figure_denied_is_no_toll() -> None:
    from strikewatch.extract.counts import read_counts
    assert read_counts("The ruins held not one militant but nine dead villagers.")[0][
        "killed"] == (9, 9)
    assert read_counts("The drone strike killed one militant.")[0]["killed"] == (1, 1)


def test_an_act_named_to_date_the_start_of_a_period_is_no_event() -> None:
    text = ("Drone strikes in the province rose steeply from March 2019, when the president "
            "designated the province a zone of active hostilities.")
    assert [m for m in _occurred(text) if m.date_low == "2019-03-01"] == []
    # told as what happened then, it is an event
    kept = ("Drone strikes in the province rose steeply in March 2019, when the president "
            "designated the province a zone of active hostilities.")
    assert [m for m in _occurred(kept) if m.date_low == "2019-03-01"]

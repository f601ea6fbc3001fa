"""Dates as real copy tells them (issue 14, items 2 and 3): the day an event was told is
not the day it happened, a dateline dates the filing; sentences written for these tests,
none from a gold file."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention

PUB = "2024-06-11"  # a Tuesday


def _events(text: str, published: str | None = PUB) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def test_told_day_opening_the_sentence_gives_way_to_the_event_day() -> None:
    (m,) = _events("On Tuesday the navy spokesman said two smugglers died when a patrol "
                   "boat struck their skiff off the cape. The strike happened late Monday "
                   "near the reef.")
    assert (m.date_low, m.date_high) == ("2024-06-10", "2024-06-10")
    assert [s.text for s in m.provenance["date"]] == ["late Monday"]


def test_told_day_with_a_comma_and_a_title_before_the_verb() -> None:
    (m,) = _events("On Tuesday, Defence Minister Alan Reyes confirmed that jets had bombed a "
                   "rebel camp in the hills. The bombing took place on Sunday, he said.")
    assert m.date_low == "2024-06-09"


def test_told_day_is_kept_when_the_article_gives_no_other() -> None:
    (m,) = _events("On Monday the army said its jets had bombed a rebel camp in the hills, "
                   "killing six fighters.")
    assert (m.date_low, m.time_precision) == ("2024-06-10", 1)


def test_a_date_before_the_event_verb_is_the_event_day() -> None:
    # the say verb comes after the event word: the day is the strike's
    (m,) = _events("On Sunday the army bombed a rebel camp in the hills, killing six "
                   "fighters, a spokesman said.")
    assert m.date_low == "2024-06-09"


def test_an_own_day_long_before_the_telling_is_another_event() -> None:
    # told on Tuesday; a strike two weeks earlier is not what was told
    got = _events("On Tuesday the army said its jets had bombed a rebel camp in the hills, "
                  "killing six fighters. A drone strike on May 28 killed two men near the "
                  "dam.")
    assert sorted(m.date_low or "" for m in got) == ["2024-05-28", "2024-06-11"]


def test_a_dateline_after_the_headline_dates_the_filing_not_the_event() -> None:
    for text in ("World\n\nTwo boats hit at sea\n\nLIMA, Mar. 4 (XNA) – Four people were "
                 "killed when a patrol boat struck a skiff off the coast.",
                 "Quito, Mar 4 A drone struck a dock on the coast, killing two men.",
                 "Bogota [Colombia], March Gunmen attacked a police post, killing two "
                 "officers."):
        (m,) = _events(text, published="2024-03-06")
        assert m.date_low is None, text
    # a place opening a sentence is no dateline: its date stays the event's
    (m,) = _events("In Lima, March 4 saw a strike that killed four people.",
                   published="2024-03-06")
    assert m.date_low == "2024-03-04"


def test_a_statement_put_out_on_a_day_is_told_that_day() -> None:
    (m,) = _events("The navy sank a skiff off the cape on Saturday, killing two men. Two "
                   "days later, on Monday, the fleet commander put out a statement that "
                   "described the strike as lawful.")
    assert m.date_low == "2024-06-08"


def test_early_mid_and_late_in_a_month_are_its_thirds() -> None:
    import datetime as dt

    from strikewatch.extract.dates import read_dates

    pub = dt.date(2024, 8, 26)
    got = {t: [(r.low, r.high, r.precision) for r in read_dates(t, pub)]
           for t in ("in early June", "mid-June", "in mid June", "in late June", "in June",
                     "late February 2024")}
    assert got == {"in early June": [("2024-06-01", "2024-06-10", 3)],
                   "mid-June": [("2024-06-11", "2024-06-20", 3)],
                   "in mid June": [("2024-06-11", "2024-06-20", 3)],
                   "in late June": [("2024-06-21", "2024-06-30", 3)],
                   "in June": [("2024-06-01", "2024-06-30", 3)],
                   "late February 2024": [("2024-02-21", "2024-02-29", 3)]}
    assert read_dates("the militia may strike again", pub) == []  # "may" stays a verb


def test_the_date_a_cited_story_ran_is_not_the_events() -> None:
    got = _events('Gunmen attacked a police post in the hills, killing two officers. '
                  '("Two officers die in hill attack," Daily Courier, June 3.)',
                  published="2024-06-20")
    assert all(m.date_low != "2024-06-03" for m in got)
    (m,) = _events("Gunmen attacked a police post in the hills on June 3, killing two "
                   "officers (the Courier reported).", published="2024-06-20")
    assert m.date_low == "2024-06-03"


def test_a_day_without_its_year_takes_the_year_the_page_tells_it_with() -> None:
    # no publication date: "June 3" alone cannot be placed, but the page names that day
    # with its year in its opening line
    text = ("Remembering June 3, 2019\n\nThe shepherds died on June 3 when a drone hit "
            "their camp near the river, killing four.")
    (m,) = _events(text, published=None)
    assert (m.date_low, m.date_high, m.time_precision) == ("2019-06-03", "2019-06-03", 1)
    # two years for that day, or none: it stays open
    two = text.replace("Remembering June 3, 2019", "June 3, 2019 and June 3, 2020")
    assert _events(two, published=None)[0].date_low is None
    assert _events(text.split("\n\n")[1], published=None)[0].date_low is None


# --- the finer day told with the toll, the day of a statement ----------------------------

def test_a_day_told_later_with_the_toll_narrows_the_month() -> None:
    (m,) = _events("A rights group said a drone strike by the army last month killed 12 "
                   "villagers near the river. The group said the strike on a busy market on "
                   "May 6 killed at least 12 villagers, three of them children.")
    assert (m.date_low, m.date_high, m.time_precision) == ("2024-05-06", "2024-05-06", 1)
    assert "May 6" in [s.text for s in m.provenance["date"]]


def test_a_day_without_a_toll_does_not_narrow_the_month() -> None:
    # a day named with no toll may be another strike of the month, or when it was told of
    ms = _events("A rights group said a drone strike by the army last month killed 12 "
                 "villagers near the river. Separately, jets struck a depot on May 6.")
    first = next(m for m in ms if m.killed_low == 12)
    assert (first.date_low, first.date_high) == ("2024-05-01", "2024-05-31")


def test_a_day_with_another_toll_does_not_narrow_the_month() -> None:
    ms = _events("A rights group said a drone strike by the army last month killed 12 "
                 "villagers near the river. The strike on the market on May 6 killed 40 "
                 "people, the group said.")
    assert all((m.date_low, m.date_high) != ("2024-05-06", "2024-05-06")
               for m in ms if m.killed_low == 12)


def test_the_day_of_a_statement_is_when_it_was_told() -> None:
    from strikewatch.extract.components.dates import told_at
    from strikewatch.extract.context import Sentence

    for text, day in (("In a statement on Sunday the command said the raid killed four.",
                       "Sunday"),
                      ("The raid killed four, according to a Monday statement by the army.",
                       "Monday"),
                      ("In a Tuesday post on X the command said the raid killed four.",
                       "Tuesday"),
                      ("At a news conference late on Monday the minister said so.", "Monday")):
        s = Sentence(0, 0, len(text), text)
        a = text.index(day)
        assert told_at(text, s, a, a + len(day)), text
    for text, day in (("The raid on Sunday killed four, the statement said.", "Sunday"),
                      ("Monday's strike killed four, the army said.", "Monday")):
        s = Sentence(0, 0, len(text), text)
        a = text.index(day)
        assert not told_at(text, s, a, a + len(day)), text


def test_a_statement_day_gives_way_to_the_events_own_yesterday() -> None:
    (m,) = _events("Jets bombed a rebel camp in the hills, killing six fighters, according "
                   "to a Monday statement by the army. The strike took place on Sunday, the "
                   "army said.")
    assert (m.date_low, m.date_high) == ("2024-06-09", "2024-06-09")


def test_a_week_told_is_not_narrowed_to_a_day() -> None:
    # a week told relatively is near enough: a later day may be another strike's
    (m,) = _events("Two men who survived a navy strike last week on a smuggling boat were "
                   "sent home. The navy sank another boat on Thursday, killing two men.")[:1]
    assert (m.date_low, m.date_high) == ("2024-06-03", "2024-06-09")


# --- "overnight": the night spans the day before and the day it was told ----------------

def test_overnight_in_a_report_of_the_day_is_the_day_before_to_that_day() -> None:
    for text in ("Jets bombed a rebel camp in the hills overnight, killing six fighters.",
                 "Overnight, jets bombed a rebel camp in the hills, killing six fighters."):
        (m,) = _events(text)
        assert (m.date_low, m.date_high, m.time_precision) == (
            "2024-06-10", "2024-06-11", 2), text
        assert [s.text for s in m.provenance["date"]] == ["Overnight" if text[0] == "O"
                                                          else "overnight"]


def test_overnight_told_on_a_named_day_ends_on_that_day() -> None:
    # said on Sunday, read on Tuesday's page: the night of Saturday into Sunday
    (m,) = _events("Jets bombed a rebel camp in the hills overnight, killing six fighters, "
                   "the army said on Sunday.")
    assert (m.date_low, m.date_high) == ("2024-06-08", "2024-06-09")


def test_overnight_without_a_publication_date_stays_open() -> None:
    (m,) = _events("Jets bombed a rebel camp in the hills overnight, killing six fighters.",
                   published=None)
    assert (m.date_low, m.date_high) == (None, None)


def test_overnight_into_a_named_day_keeps_that_day_whatever_the_page_date() -> None:
    # the named day decides, not the publication day (a Tuesday)
    (m,) = _events("Drones struck a fuel depot near the port overnight into Sunday, killing "
                   "two guards.")
    assert (m.date_low, m.date_high) == ("2024-06-08", "2024-06-09")


def test_a_named_night_is_that_day_alone() -> None:
    # "overnight Sunday", "overnight on Sunday", "on Sunday night", "last night": a named
    # night keeps its one day, as before the overnight convention
    for text, day in (("Drones struck a fuel depot overnight Sunday, killing two guards.",
                       "2024-06-09"),
                      ("Drones struck a fuel depot overnight on Sunday, killing two guards.",
                       "2024-06-09"),
                      ("Gunmen stormed a police post on Saturday night, killing two officers.",
                       "2024-06-08"),
                      ("Drones struck a fuel depot last night, killing two guards.",
                       "2024-06-10")):
        (m,) = _events(text)
        assert (m.date_low, m.date_high, m.time_precision) == (day, day, 1), text


def test_overnight_in_a_plan_is_the_night_to_come_and_no_occurred_strike() -> None:
    got = extract(Article(text="The navy plans to strike the smuggling boats overnight, "
                               "the minister said.", published=PUB))
    assert got and all(m.status != "occurred" for m in got)
    (m,) = [m for m in got if m.kind == "event"]
    assert (m.status, m.date_low, m.date_high) == ("planned", "2024-06-11", "2024-06-12")


def test_overnight_is_read_as_one_date_form() -> None:
    import datetime as dt

    from strikewatch.extract.dates import read_dates

    pub = dt.date(2024, 6, 11)
    (d,) = read_dates("overnight", pub)
    assert (d.low, d.high, d.precision) == ("2024-06-10", "2024-06-11", 2)
    # a named day after it is the date read, not the bare night
    (d,) = read_dates("overnight Friday", pub)
    assert (d.low, d.high) == ("2024-06-07", "2024-06-07")
    (d,) = read_dates("overnight into Friday", pub)
    assert (d.low, d.high) == ("2024-06-06", "2024-06-07")


def test_early_weekday_the_day_after_the_page_is_that_next_day() -> None:
    # a page dated Monday 10 June tells of strikes "early Tuesday" where they happened
    # (east of where the page was dated): the next day, not a week before
    (m,) = _events("Jets bombed a supply depot near the border early Tuesday, killing four "
                   "guards, officials said.", published="2024-06-10")
    assert (m.date_low, m.date_high) == ("2024-06-11", "2024-06-11")
    # without "early", a weekday is the last one before the page
    (m,) = _events("Jets bombed a supply depot near the border on Tuesday, killing four "
                   "guards, officials said.", published="2024-06-10")
    assert m.date_low == "2024-06-04"
    # "early Sunday" on a page dated Monday is the day before, as ever
    (m,) = _events("Jets bombed a supply depot near the border early Sunday, killing four "
                   "guards, officials said.", published="2024-06-10")
    assert m.date_low == "2024-06-09"


def test_the_same_weekday_told_again_is_the_day_after_the_page_too() -> None:
    # "early Tuesday" on a page dated Monday is the next day; the article's later "Tuesday's
    # raid" is that Tuesday, not the one a week before
    ms = _events("Jets bombed a supply depot near the border early Tuesday, officials said. "
                 "The rebels condemned Tuesday's raid in a statement. A separate strike hit "
                 "a bridge in the valley on Friday, killing a driver.", published="2024-06-10")
    assert sorted((m.date_low, m.date_high) for m in ms) == [
        ("2024-06-07", "2024-06-07"), ("2024-06-11", "2024-06-11")]
    # "last Tuesday" stays the one before the page
    ms = _events("Jets bombed a supply depot near the border early Tuesday, officials said. "
                 "Last Tuesday a drone hit a truck in the valley, killing its driver.",
                 published="2024-06-10")
    assert ("2024-06-04", "2024-06-04") in [(m.date_low, m.date_high) for m in ms]


def test_the_day_a_statement_was_issued_is_no_day_of_the_strike_it_reports() -> None:
    # like a post's or an interview's day: when it was published, not when the strike was
    for opening in ("A government statement issued on Monday said",
                    "A communique released late on Monday said"):
        (m,) = _events(f"{opening} an airstrike killed four militants near Jilib.")
        assert m.date_low is None, opening
    # the strike's own day in the statement still dates it
    (m,) = _events("A statement released on Monday said a drone strike on Sunday hit a "
                   "militant camp near the river.")
    assert m.date_low == "2024-06-09"
    # a day the army "said" something stays the fallback (told day kept)
    (m,) = _events("On Monday the army said its jets had bombed a rebel camp in the hills.")
    assert m.date_low == "2024-06-10"


def test_a_since_clause_with_an_abbreviation_dates_another_event() -> None:
    # the month belongs to the truce the clause counts from, not to the rockets; the
    # abbreviation's periods do not end that clause
    for since in ("since a U.S.-brokered truce in November",
                  "since the U.N. mission was set up in November",
                  "since Washington's ceasefire took hold in November"):
        got = _events("Border guards said they stopped two rockets that were launched from "
                      f"the hills at the town, the second such launch {since}.")
        rockets = [m for m in got if any("launched" in s.text or "rockets" in s.text
                                         for s in m.provenance.get("event_type", []))]
        assert rockets, since
        assert all(m.date_low is None for m in rockets), since


def test_two_days_an_act_was_told_on_are_one_act_dated_by_the_earlier() -> None:
    # what was told on Monday happened by Monday: told again on Wednesday, it is one act,
    # and its day is the earlier telling's
    for text, day in (
        ("The navy struck a smuggling boat in the Caribbean, killing three people, officials "
         "said on Wednesday. In a Monday post, the navy said the strike had killed three.",
         "2024-06-10"),
        ("Officials said on Wednesday that a navy strike on a smuggling boat killed three "
         "people. The strike was first announced in a Monday post by the navy.", "2024-06-10"),
        ("A navy strike on a smuggling boat killed three people, the ministry said on "
         "Thursday. In a statement on Tuesday the navy had said its jets struck the boat.",
         "2024-06-11"),
    ):
        got = _events(text, published="2024-06-13")
        assert [(m.date_low, m.date_high) for m in got] == [(day, day)], text


def test_days_told_far_apart_stay_two_acts() -> None:
    got = _events("A navy strike on a smuggling boat killed three people, the ministry said "
                  "on Thursday. In a statement on May 28 the navy said its jets struck a boat "
                  "and killed two.", published="2024-06-13")
    assert len(got) == 2


def _told(text: str, day: str, event_word: str) -> bool:
    from strikewatch.extract.components.dates import day_of_telling
    from strikewatch.extract.context import Sentence

    a = text.index(day)
    return day_of_telling(text, Sentence(0, 0, len(text), text), a, a + len(day),
                          until=text.index(event_word))


def test_a_say_clause_set_off_by_commas_leaves_the_day_to_the_act() -> None:
    # the aside between commas reports; the opening day is when the act was done
    for text, word in (("On Wednesday, the army said, its jets hit the gate of the base.", "hit"),
                       ("On Sunday, officials said, a drone struck a car near the border.",
                        "struck"),
                       ("Late on Friday, the ministry reported, warplanes bombed a fuel depot.",
                        "bombed"),
                       ("On Monday, according to the governor, a strike killed five.", "strike")):
        day = text.split(",")[0]
        assert not _told(text, day.removeprefix("Late "), word), text
    # a say verb that opens the report, with or without a comma before a quotation, tells
    # when it was said
    for text, word in (("On Wednesday the army said its jets had hit the gate of the base.",
                        "hit"),
                       ("On Sunday, officials said a drone had struck a car near the border.",
                        "struck"),
                       ('On Wednesday, the army said, "Our jets hit the gate of the base."',
                        "hit")):
        assert _told(text, text.split()[1].rstrip(","), word), text


def test_an_undated_pages_day_takes_the_year_it_tells_that_month_with() -> None:
    for first in ("In October 2025 the navy fired a missile at a small boat off the coast.",
                  "The navy fired a missile at a small boat off the coast on Oct. 3, 2025.",
                  "Navy jets first struck a small boat off the coast in mid-October 2025."):
        got = _events(first + "\n\nThe operation follows another strike near the island on "
                      "October 14 that killed six people.", published=None)
        assert "2025-10-14" in {m.date_low for m in got}, first
    # two years for that month, or none at all: the day stays open
    for first in ("In October 2024 and again in October 2025 the navy fired on small boats.",
                  "The navy fired a missile at a small boat off the coast in 2025."):
        got = _events(first + "\n\nThe operation follows another strike near the island on "
                      "October 14 that killed six people.", published=None)
        assert "2025-10-14" not in {m.date_low for m in got}, first


def test_the_day_a_picture_was_made_public_is_no_day_of_the_strike_it_shows() -> None:
    # a caption's "video made public on Monday" tells when the picture came out: the caption
    # is no strike of that day, and joins the strike the prose tells
    text = ("Smoke rises over the depot after a strike, seen in a still from a video made "
            "public on Monday.\n\nWarplanes struck the depot late on Sunday, killing 20 "
            "workers, officials said.")
    (m,) = _events(text)
    assert (m.date_low, m.killed_low) == ("2024-06-09", 20)

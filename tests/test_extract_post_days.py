"""An embedded post dates what it says from its own sign-off day (extract.dates.post_days,
component `dates`), on a page with a date or none; sentences written for these tests."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.dates import post_days
from strikewatch.records import Article, Mention


def _events(text: str, published: str | None = None) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def _dates(text: str, published: str | None = None) -> set[tuple[str | None, str | None]]:
    return {(m.date_low, m.date_high) for m in _events(text, published)}


PROSE = "The navy said a patrol craft had fired on a smuggling skiff at sea.\n\n"


def test_a_day_without_its_year_inside_a_post_takes_the_posts_year() -> None:
    for body, sign in (
        ("On Dec. 15, at the order of the minister, the task force carried out a lethal "
         "strike on a boat in international waters, killing four.",
         "— Southern Fleet (@SouthFleet) December 16, 2025"),
        ("On 15 December the task force struck a go-fast boat in the eastern Pacific. Four "
         "men on board were killed.", "– Navy Press Office (@NavyPress) 16 December 2025"),
        ("Navy jets struck a speedboat of a designated cartel on Dec 15th in the Caribbean. "
         "All three men aboard were killed.",
         "— Defence Ministry (@DefMin_Press) Dec. 16, 2025"),
    ):
        text = PROSE + body + " pic.twitter.com/AbCdE123\n" + sign + "\n"
        assert ("2025-12-15", "2025-12-15") in _dates(text), body


def test_today_and_yesterday_inside_a_post_are_the_posts_days() -> None:
    today = ("[Embedded post: Today, on the president's orders, the navy struck a cartel "
             "speedboat at sea, killing two.]\npic.twitter.com/Zz9\n"
             "— War Secretary (@WarSec) November 5, 2025\n")
    assert ("2025-11-05", "2025-11-05") in _dates(PROSE + today)
    # the page came out a week after the post: the post's "today" is still its own day
    assert ("2025-11-05", "2025-11-05") in _dates(PROSE + today, "2025-11-12")
    yesterday = ("Yesterday three strikes by the navy hit four smuggling boats in the "
                 "Pacific, killing fourteen.\n— War Secretary (@WarSec) October 28, 2025\n")
    assert ("2025-10-27", "2025-10-27") in _dates(PROSE + yesterday)


def test_a_post_cut_short_reaches_back_to_its_body() -> None:
    text = ("On October 17th the navy struck a boat tied to a rebel group, killing three.\n\n"
            "The… pic.twitter.com/1a2b3c\n\n— Navy Chief (@NavyChief) October 19, 2025\n")
    (p,) = post_days(text)
    assert text[p.start:].startswith("On October 17th")
    assert ("2025-10-17", "2025-10-17") in _dates(text)


def test_prose_outside_the_post_is_not_dated_by_it() -> None:
    # a page with no date: the prose's "on Friday" stays open, the post's day is its own
    text = ("A drone struck a fuel truck on Friday, killing two, officials said.\n\n"
            "Army jets hit a fuel convoy of the militia today, killing six fighters.\n"
            "— Army Spokesman (@ArmySpox) March 7, 2025\n")
    got = _dates(text)
    assert (None, None) in got or got == {("2025-03-07", "2025-03-07")}
    assert all(lo in (None, "2025-03-07") for lo, _ in got)


def test_no_post_without_a_handle_and_a_full_date() -> None:
    assert post_days("— Navy Chief, October 19, 2025\n") == []
    assert post_days("— Navy Chief (@NavyChief) October 19\n") == []
    assert post_days("A strike hit the port (@ 3 pm) on October 19, 2025.") == []


def test_a_quote_after_a_statement_of_an_earlier_day_is_told_from_that_day() -> None:
    # page of Thursday 2025-11-06; the minister spoke on Tuesday (11-04): his "yesterday"
    # is Monday 11-03, not the page's Wednesday
    text = ("Jets struck a militia depot on Wednesday, killing three, officials said.\n\n"
            "On Tuesday the defence minister had said the air force had hit a camp.\n\n"
            "\"Yesterday our aircraft struck a training camp in the north, killing nine "
            "fighters,\" he said.\n")
    assert ("2025-11-03", "2025-11-03") in _dates(text, "2025-11-06")
    # "said on <day>" after the verb, with two quoted paragraphs
    text2 = ("The army chief said on Monday that the raids had gone on.\n\n"
             "\"Today our drones hit a convoy near the border.\n\n"
             "\"Yesterday our jets destroyed a bridge used by the rebels, killing four.\"\n")
    assert ("2025-11-02", "2025-11-02") in _dates(text2, "2025-11-05")
    assert ("2025-11-03", "2025-11-03") in _dates(text2, "2025-11-05")


def test_a_quote_without_a_dated_statement_is_told_from_the_page() -> None:
    # no day for the saying (or the day is the page's): the quote's "yesterday" is the page's
    for lead in ("The defence minister spoke to reporters about the air war.",
                 "On Thursday the defence minister said the air force had hit a camp."):
        text = (lead + "\n\n\"Yesterday our aircraft struck a training camp in the north, "
                "killing nine fighters,\" he said.\n")
        assert ("2025-11-05", "2025-11-05") in _dates(text, "2025-11-06"), lead
    # a paragraph that is not a quote ends the span
    text = ("On Tuesday the minister had said the air force had hit a camp.\n\n"
            "\"We will keep going,\" he said.\n\n"
            "Yesterday jets struck a fuel depot in the south, killing two guards.\n")
    assert ("2025-11-05", "2025-11-05") in _dates(text, "2025-11-06")

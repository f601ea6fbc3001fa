"""An event told only with a weak event word ("airstrikes", "raids") on the day it was
told ("officials said on Tuesday that airstrikes … killed nine") and given no day of its own
anywhere in the article takes that day as a told day, which bounds it (`date_by_telling`),
as a strong word's clause already does. An own day wins; the day of a post or of what was
told to reporters, and a page with no date, give none.

Sentences are our own. The page is dated Wednesday 25 December 2024."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.records import Article, Mention


def _events(text: str, published: str | None = "2024-12-25") -> list[Mention]:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred"]


def _days(text: str, published: str | None = "2024-12-25") -> list[str | None]:
    return [m.date_low for m in _events(text, published)]


def test_the_day_told_dates_an_event_with_none_of_its_own() -> None:
    for text, day in (
        ("Officials said on Tuesday that airstrikes on the port had killed at least nine "
         "people.", "2024-12-24"),
        ("The army said on Monday that raids in the north had killed 20 militants.",
         "2024-12-23"),
        ("Airstrikes on the fuel depot killed four workers, the provincial governor said on "
         "Sunday.", "2024-12-22"),
    ):
        assert _days(text) == [day], text


def test_an_own_day_wins() -> None:
    assert _days("Officials said on Tuesday that airstrikes on the port on Sunday had killed "
                 "nine people.") == ["2024-12-22"]
    assert _days("Officials said on Tuesday that airstrikes on the port had killed nine "
                 "people. The strikes hit the docks late on Sunday, they said.") == [
        "2024-12-22"]


def test_a_post_or_an_undated_page_gives_no_day() -> None:
    assert _days("The militia said in a post on X on Tuesday that drone attacks had killed "
                 "five of its men.") in ([None], [])
    assert _days("Officials said on Tuesday that airstrikes on the port had killed nine "
                 "people.", published=None) == [None]

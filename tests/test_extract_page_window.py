"""A page with no publication date still says when it was written: on or after the latest
day it names (issue 14 items 3-4). The mentions carry that day (`Mention.page_after`) and
where it was read; it bounds the page from above only where the page tells its own news
strike on that day. Texts are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch.extract import registry
from strikewatch.extract.page_window import page_after
from strikewatch.records import Article, Mention


def read(text: str, language: str = "en", published: str | None = None) -> list[Mention]:
    name = "strikewatch-rules-es" if language == "es" else "strikewatch-rules"
    art = Article(id="t-page-window", text=text, published=published, language=language)
    return registry.checked(registry.get_extractor(name), art)


@pytest.mark.parametrize(("text", "language", "day"), [
    # the latest day wins, whichever order the page tells them in
    ("The first strike of the campaign, on Sept. 2, 2025, killed 11. On Dec. 17, 2025 the "
     "Pentagon said a boat had been hit.", "en", dt.date(2025, 12, 17)),
    ("Officials confirmed on 17 December 2025 that a vessel was sunk; the campaign began on "
     "2 September 2025.", "en", dt.date(2025, 12, 17)),
    # a day without its year takes the year the page tells that month with
    ("In December 2025 the strikes went on. A drone hit a truck on Dec. 9, the army said.",
     "en", dt.date(2025, 12, 9)),
    # a day and month told with their weekday fix the year
    ("Late on Monday, February 16, jets struck a depot.", "en", dt.date(2026, 2, 16)),
    ("El Comando Sur informó el 3 de enero de 2026 de un nuevo ataque; el primero fue el 2 "
     "de septiembre de 2025.", "es", dt.date(2026, 1, 3)),
    ("Según el Ministerio, el ataque ocurrió el domingo 20 de julio en la frontera.", "es",
     dt.date(2025, 7, 20)),
    ("La lancha fue atacada el 14/11/2025, dijeron las autoridades.", "es",
     dt.date(2025, 11, 14)),
])
def test_the_latest_day_the_page_names(text: str, language: str, day: dt.date) -> None:
    found = page_after(text, language)
    assert found is not None and found[0] == day


@pytest.mark.parametrize(("text", "language"), [
    # days the page does not fix (no year told, no weekday) bound nothing
    ("The boat was hit on Dec. 17, the command said on Saturday.", "en"),
    ("El ataque del martes dejó tres muertos.", "es"),
    ("A strike in the Caribbean killed three people on Tuesday.", "en"),
])
def test_no_day_it_fixes_no_bound(text: str, language: str) -> None:
    assert page_after(text, language) is None


@pytest.mark.parametrize(("text", "language", "day"), [
    # a day still to come is no day the page was written after
    ("The strike on Nov. 30, 2025 killed four. A vote on the war powers resolution is "
     "scheduled for Jan. 8, 2026.", "en", dt.date(2025, 11, 30)),
    ("A hearing will be held on Jan. 8, 2026; the strike on Nov. 30, 2025 killed four.",
     "en", dt.date(2025, 11, 30)),
    ("El ataque del 30 de noviembre de 2025 mató a cuatro. El Senado votará el 8 de enero "
     "de 2026.", "es", dt.date(2025, 11, 30)),
])
def test_days_to_come_are_passed_over(text: str, language: str, day: dt.date) -> None:
    found = page_after(text, language)
    assert found is not None and found[0] == day


def test_an_embedded_posts_day_counts() -> None:
    text = ("The command posted on social media.\n"
            "Lethal kinetic strike on a vessel in the Eastern Pacific.\n"
            "— Southern Command (@Southcom) December 4, 2025\n"
            "The strike of Sept. 2, 2025 began the campaign.")
    assert page_after(text, "en") == (dt.date(2025, 12, 4), "post")


def test_the_mentions_carry_the_news_day() -> None:
    text = ("U.S. forces struck a boat in the Eastern Pacific on Dec. 15, 2025, killing four "
            "people, the Southern Command said. Officials said the crew were smugglers.")
    ms = read(text)
    assert ms and all(m.page_after == "2025-12-15" for m in ms)
    assert {m.page_after_source for m in ms} == {"news"}


def test_a_day_named_only_in_passing_is_a_lower_bound_only() -> None:
    # the page recalls the first strike (background) and tells an undated one as news: it
    # may be written months after Sept. 2
    # (with no toll: one recalled with its own day and toll is a report of it, news,
    # since session 17's ruling)
    text = ("A U.S. strike on a boat in the Caribbean killed three people on Tuesday, the "
            "Pentagon said. The campaign, which began with a strike on Sept. 2, 2025, has "
            "drawn criticism in Congress.")
    ms = read(text)
    assert ms and all(m.page_after == "2025-09-02" for m in ms)
    assert {m.page_after_source for m in ms} == {"stated"}


def test_spanish_page_news_day() -> None:
    text = ("El 3 de enero de 2026 fuerzas de Estados Unidos atacaron una lancha en el Caribe "
            "y murieron tres personas, informó el Comando Sur. El martes otra embarcación "
            "fue atacada en el Pacífico.")
    ms = read(text, "es")
    assert ms and all(m.page_after == "2026-01-03" for m in ms)
    assert "news" in {m.page_after_source for m in ms}


def test_a_dated_page_carries_none() -> None:
    text = "On Dec. 15, 2025 U.S. forces struck a boat in the Eastern Pacific, killing four."
    assert all(m.page_after is None for m in read(text, published="2025-12-16"))


@pytest.mark.parametrize(("text", "language", "day", "source"), [
    # the day a source spoke is the page's news, whatever the verb or the register
    ("The Pentagon said on Dec. 17, 2025 that four men were killed aboard the boat.", "en",
     dt.date(2025, 12, 17), "said"),
    ("Southern Command announced late on December 17, 2025, that a second vessel was hit.",
     "en", dt.date(2025, 12, 17), "said"),
    ("In a statement on 17 December 2025 the ministry confirmed the raid; the war began "
     "on Oct. 7, 2023.", "en", dt.date(2025, 12, 17), "said"),
    ("Officials confirmed on Wednesday, Dec. 17, 2025 that the crew had died.", "en",
     dt.date(2025, 12, 17), "said"),
    ("El Comando Sur informó el 3 de enero de 2026 de un nuevo ataque.", "es",
     dt.date(2026, 1, 3), "said"),
    ("Según dijo el 3 de enero de 2026 el ministro, la lancha fue hundida.", "es",
     dt.date(2026, 1, 3), "said"),
    # a photo's caption: a photo word before the day, or the day closing a short line
    ("An army photo released on Dec. 19, 2025 shows smoke over the desert.\n"
     "Jets struck dozens of targets, officials said.", "en", dt.date(2025, 12, 19),
     "caption"),
    ("Rubble of a house hit in a raid, in Beit Jinn, Syria, November 28, 2025\n"
     "Thirteen people died in the raid.", "en", dt.date(2025, 11, 28), "caption"),
    ("Imagen del bote tras el ataque, tomada el 2 de diciembre de 2025.\n"
     "Tres personas murieron.", "es", dt.date(2025, 12, 2), "caption"),
    ("Pictured: mourners at the funeral on 4 March 2026\nThe strike killed two.", "en",
     dt.date(2026, 3, 4), "caption"),
])
def test_news_days_told_as_statements_and_captions(text: str, language: str, day: dt.date,
                                                   source: str) -> None:
    assert page_after(text, language) == (day, source)


@pytest.mark.parametrize("text", [
    # a day in the prose, a file photo, a long sentence that only ends on a day
    "The first strike, on Sept. 2, 2025, killed 11 people aboard a speedboat.",
    "A file photo taken on Sept. 2, 2025 shows the destroyer at sea.\nThe boat was hit.",
    "Una foto de archivo del 2 de septiembre de 2025 muestra el buque.\nLa lancha fue hundida.",
    ("The administration has defended the campaign against mounting criticism from "
     "lawmakers of both parties, who have asked for legal justification for strikes that "
     "began in the Caribbean and later spread to the Pacific, September 2, 2025"),
])
def test_days_in_passing_and_old_photos_stay_stated(text: str) -> None:
    found = page_after(text, "es" if "lancha" in text else "en")
    assert found is not None and found[1] == "stated"


@pytest.mark.parametrize("text", [
    # a caption of last year's photo beside "Feb. 9" told without its year: next year's
    "A photo taken on Oct. 22, 2025 shows the dock.\nThree men missing since Feb. 9 may "
    "have been aboard.",
    "The command said on Oct. 22, 2025 that it hit a boat. Relatives have waited since "
    "March 3 for news.",
])
def test_a_yearless_day_that_cannot_be_recent_voids_the_window(text: str) -> None:
    assert page_after(text, "en") == (dt.date(2025, 10, 22), "stated")


def test_a_recent_yearless_day_keeps_it() -> None:
    text = ("The command said on Jan. 2, 2026 that the search was over. The boats were hit "
            "on Dec. 30.")
    assert page_after(text, "en") == (dt.date(2026, 1, 2), "said")


@pytest.mark.parametrize(("url", "text", "found"), [
    # a URL's month: the page went out in it (its first day, or a later day it names)
    ("https://news.example/2025/11/us-strike-kills-three", "Three died on Tuesday.",
     (dt.date(2025, 11, 1), "url-month")),
    ("https://blog.example/2025/11/boat-strike/", "The strike of Nov. 12, 2025 killed two.",
     (dt.date(2025, 11, 12), "url-month")),
    # a day the page names after the URL's month: the URL dates nothing
    ("https://blog.example/2025/11/boat-strike/", "The strike of Dec. 12, 2025 killed two.",
     (dt.date(2025, 12, 12), "stated")),
    # a URL day in either order, settled by the days the page names
    ("https://news.example/world/02112025/strike", "The first strike, on Oct. 30, 2025, "
     "killed four.", (dt.date(2025, 11, 2), "url")),
    ("https://news.example/a/05-09-2024-raid", "Jets struck on Sept. 3, 2024, the army "
     "later reported in its weekly bulletin of the war.", (dt.date(2024, 9, 5), "url")),
    # both readings fit (or none): no URL day
    ("https://news.example/world/03042025/strike", "Jets struck on Feb. 20, 2025 and on "
     "March 1, 2025 again.", (dt.date(2025, 3, 4), "url")),
    ("https://news.example/world/01022025/strike", "Jets struck on Jan. 1, 2025 again.",
     (dt.date(2025, 1, 1), "stated")),
])
def test_the_urls_day_or_month(url: str, text: str,
                               found: tuple[dt.date, str]) -> None:
    assert page_after(text, "en", url=url) == found


def test_the_mentions_carry_the_urls_month() -> None:
    art = Article(id="t-url-month", text="A U.S. strike on a boat in the Caribbean killed "
                  "three people on Tuesday, the Pentagon said.",
                  url="https://news.example/2025/11/boat-strike-three")
    ms = registry.checked(registry.get_extractor("strikewatch-rules"), art)
    assert ms and {(m.page_after, m.page_after_source) for m in ms} == \
        {("2025-11-01", "url-month")}


@pytest.mark.parametrize(("text", "language", "day", "source"), [
    # a day told with its own weekday beside it: the news of the last days
    ("Late on Monday, February 16, jets struck a depot.", "en", dt.date(2026, 2, 16),
     "weekday"),
    ("On Tuesday, Dec. 16, 2025, a drone hit a truck near the border.", "en",
     dt.date(2025, 12, 16), "weekday"),
    ("The boat was destroyed on Dec. 16, 2025 (Tuesday), officials later confirmed in "
     "a long briefing to the press.", "en", dt.date(2025, 12, 16), "weekday"),
    ("El ataque ocurrió el domingo 20 de julio de 2025 en la frontera.", "es",
     dt.date(2025, 7, 20), "weekday"),
    # another weekday beside it is no day's own: the day is stated only
    ("On Wednesday, Dec. 16, 2025, a drone hit a truck near the border.", "en",
     dt.date(2025, 12, 16), "stated"),
])
def test_a_day_told_with_its_weekday(text: str, language: str, day: dt.date,
                                     source: str) -> None:
    assert page_after(text, language) == (day, source)


def test_the_dates_components_reads_give_the_same_window() -> None:
    # a day without its year makes the dates component read the whole page (its year told
    # elsewhere); the page window takes those reads instead of reading the page again
    text = ("In December 2025 the strikes went on. U.S. forces struck a boat in the "
            "Caribbean on Dec. 9, killing three people, the Pentagon said on Dec. 10, 2025.")
    ms = read(text)
    assert ms and {(m.page_after, m.page_after_source) for m in ms} == \
        {(d.isoformat(), s) for d, s in [page_after(text, "en") or (None, None)]}
    assert page_after(text, "en") == (dt.date(2025, 12, 10), "said")

"""An undated report of a page with no publication date is compared with the dated strikes
of the days around the day its page tells its own news on (`Mention.page_after`, source
"news", a post's or a dateline's day), in its own area: a campaign repeats its tolls and
seas, and the page's days tell its strike from the same toll months before. A day the page
names only in passing ("stated": a recalled strike) is a lower bound, no window."""

from __future__ import annotations

from strikewatch.records import Article, Mention
from strikewatch.resolve import counted
from strikewatch.resolve.features import (
    PAGE_AFTER_DAYS,
    UNDATED_LOOKBACK_DAYS,
    day_number,
    mention_block_keys,
    page_window_days,
)
from tests.test_resolve import PACIFIC, Desk, holding

SEPT = ("A U.S. strike destroyed a speedboat in the Caribbean, killing three men aboard, "
        "the Southern Command said.")
DEC = ("Three people were killed when American forces hit a go-fast vessel in the "
       "Caribbean, according to a military statement.")
#: the undated page's own words for the December strike (no day, no date on the page)
MIRROR = ("The US military said its forces struck a drug-running boat in Caribbean waters; "
          "all three on board died.")


def _undated(d: Desk, text: str, after: str, source: str, **fields: object) -> Mention:
    told: dict[str, object] = {"killed_low": 3, "killed_high": 3, **fields}
    m = d.report(text, None, **told)  # type: ignore[arg-type]
    m.page_after, m.page_after_source = after, source
    return m


def _two_strikes(d: Desk) -> tuple[Mention, Mention]:
    sept = d.report(SEPT, "2025-09-05", date="2025-09-04", killed_low=3, killed_high=3)
    dec = d.report(DEC, "2025-12-14", date="2025-12-13", killed_low=3, killed_high=3)
    return sept, dec


def test_the_window_picks_the_strike_of_its_days() -> None:
    for source in ("news", "post", "dateline", "said", "caption", "url"):
        d = Desk()
        sept, dec = _two_strikes(d)
        mirror = _undated(d, MIRROR, "2025-12-15", source)
        joined = holding(d.resolve(), mirror)
        assert dec.id in joined.mention_ids and sept.id not in joined.mention_ids, source


def test_a_day_named_in_passing_pulls_nothing_onto_an_old_strike() -> None:
    # the page recalls the campaign's start (Sept. 2) and tells an undated strike: it may be
    # December's page; Sept. 4's strike of the same toll and sea is no candidate by its days
    d = Desk()
    sept, dec = _two_strikes(d)
    mirror = _undated(d, MIRROR, "2025-09-02", "stated")
    joined = holding(d.resolve(), mirror)
    assert sept.id not in joined.mention_ids and dec.id not in joined.mention_ids


def test_no_strike_in_the_window_leaves_it_apart() -> None:
    d = Desk()
    sept = d.report(SEPT, "2025-09-05", date="2025-09-04", killed_low=3, killed_high=3)
    mirror = _undated(d, MIRROR, "2025-12-15", "news")
    incs = d.resolve()
    assert holding(incs, mirror).mention_ids == [mirror.id]
    assert holding(incs, sept).mention_ids == [sept.id]


def test_another_sea_in_the_window_stays_apart() -> None:
    d = Desk()
    _two_strikes(d)
    other_sea = _undated(d, "The US military said its forces struck a drug-running boat; "
                            "all three on board died.", "2025-12-15", "news", place=PACIFIC)
    incs = d.resolve()
    assert holding(incs, other_sea).mention_ids == [other_sea.id]
    assert len([i for i in incs if counted(i)]) == 3


def test_inside_the_window_it_is_weighed_as_a_dated_pages_report() -> None:
    # another toll is no cannot-link rule for a report that names its sea (tolls are
    # revised): the model weighs it as for a dated page; the old strike is never a candidate
    d = Desk()
    sept, _ = _two_strikes(d)
    five = _undated(d, MIRROR.replace("three", "five"), "2025-12-15", "news")
    five.killed_low = five.killed_high = 5
    assert sept.id not in holding(d.resolve(), five).mention_ids


def test_the_blocking_days() -> None:
    d = Desk()
    m = _undated(d, MIRROR, "2025-12-15", "news")
    art = d.articles[m.article_id]
    day = day_number("2025-12-15")
    assert day is not None
    days = page_window_days(m, art)
    assert days[0] == day - UNDATED_LOOKBACK_DAYS and days[-1] == day + PAGE_AFTER_DAYS
    assert any(k.startswith(f"{day}|") for k in mention_block_keys(m, art))
    # a stated day, a dated page, a dated report: none
    m.page_after_source = "stated"
    assert page_window_days(m, art) == []
    m.page_after_source = "news"
    dated_page = Article(id="x", text=art.text, published="2025-12-16")
    assert page_window_days(m, dated_page) == []
    m.date_low = m.date_high = "2025-12-13"
    assert page_window_days(m, art) == []


def test_two_undated_pages_a_week_apart_never_link_by_their_windows_alone() -> None:
    # a campaign repeats "three killed in the Caribbean": two pages whose news days are a
    # week apart tell of two weeks' strikes, even where their windows overlap
    d = Desk()
    a = _undated(d, MIRROR, "2025-12-15", "news")
    b = _undated(d, "Three men died when US forces struck a speedboat in the Caribbean, "
                    "officials said.", "2025-12-22", "post")
    incs = d.resolve()
    assert holding(incs, a).mention_ids == [a.id]
    assert holding(incs, b).mention_ids == [b.id]


TWIN = ("Three men died when US forces struck a speedboat in the Caribbean, officials said "
        "in a statement.")


def test_two_undated_pages_of_one_news_day_toll_and_sea_link() -> None:
    for source in ("said", "caption", "post", "news"):
        d = Desk()
        a = _undated(d, MIRROR, "2025-12-15", "news")
        b = _undated(d, TWIN, "2025-12-16", source)
        assert b.id in holding(d.resolve(), a).mention_ids, source


def test_two_undated_pages_that_differ_stay_apart() -> None:
    def pair(**b_fields: object) -> tuple[Desk, Mention, Mention]:
        d = Desk()
        a = _undated(d, MIRROR, "2025-12-15", "news", strikes_low=1, strikes_high=1)
        after = str(b_fields.pop("after", "2025-12-16"))
        source = str(b_fields.pop("source", "said"))
        b = _undated(d, TWIN, after, source, **b_fields)
        return d, a, b

    # another toll; one boat against two; a URL's month (no news day); a toll not closed
    for fields in ({"killed_low": 4, "killed_high": 4},
                   {"strikes_low": 2, "strikes_high": 2},
                   {"after": "2025-12-01", "source": "url-month"},
                   {"killed_low": 3, "killed_high": None}):
        d, a, b = pair(**fields)
        assert b.id not in holding(d.resolve(), a).mention_ids, fields


def test_a_url_months_window_runs_to_the_months_end() -> None:
    d = Desk()
    m = _undated(d, MIRROR, "2025-11-01", "url-month")
    days = page_window_days(m, d.articles[m.article_id])
    assert days[0] == day_number("2025-10-25") and days[-1] == day_number("2025-11-30")
    m.page_after = "2025-02-10"
    days = page_window_days(m, d.articles[m.article_id])
    assert days[-1] == day_number("2025-02-28")


def test_the_url_months_window_places_a_report_on_its_months_strike() -> None:
    d = Desk()
    sept, dec = _two_strikes(d)
    mirror = _undated(d, MIRROR, "2025-12-01", "url-month")
    joined = holding(d.resolve(), mirror)
    assert dec.id in joined.mention_ids and sept.id not in joined.mention_ids


def test_two_strikes_of_its_toll_in_the_window_leave_it_apart() -> None:
    # torn between two strikes of one toll and sea in its window, it joins neither
    d = Desk()
    first = d.report(SEPT, "2025-12-10", date="2025-12-09", killed_low=3, killed_high=3)
    second = d.report(DEC, "2025-12-14", date="2025-12-13", killed_low=3, killed_high=3)
    mirror = _undated(d, MIRROR, "2025-12-15", "news")
    joined = holding(d.resolve(), mirror)
    assert first.id not in joined.mention_ids and second.id not in joined.mention_ids


def test_rewrites_of_one_story_pair_by_their_details_though_one_page_has_a_window() -> None:
    # two undated pages' reports with no sea, one page's URL giving its month: the window
    # is no date, so the fishermen's village and the island off which they died still pair
    # them; a third report told with neither stays apart
    d = Desk()
    d.report(SEPT, "2025-10-25", date="2025-10-24", killed_low=2, killed_high=2)
    first = _undated(d, "Six men from Las Cuevas, Trinidadian fishermen, were killed on "
                        "Tuesday when US forces struck their boat off Chacachacare.",
                     "2025-10-01", "url-month", place=None, killed_low=6, killed_high=6)
    second = d.report("The Trinidadian families of Las Cuevas say the six killed on Tuesday "
                      "off Chacachacare were fishermen, not smugglers.", None,  # type: ignore[arg-type]
                      place=None, killed_low=6, killed_high=6)
    other = d.report("Six people were killed on Tuesday in another US strike on a boat, "
                     "Hegseth said.", None, place=None,  # type: ignore[arg-type]
                     killed_low=6, killed_high=6)
    incs = d.resolve()
    assert first.id in holding(incs, second).mention_ids
    assert holding(incs, other).mention_ids == [other.id]

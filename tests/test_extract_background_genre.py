"""Pages that are not reports of a new strike (op-eds, editorials, fact-checks, campaign
reviews) recount past strikes and count the campaign: what they recount is background and
what they count is a tally (issue 14, batch M, `tests/gold/real/README-m.md`).

Each rule is checked on sentences written for these tests (none from any gold file), with
a sentence beside it that must stay a new strike:

- a page the outlet files as opinion, editorial or fact-check (a path segment of its
  address), a label line ("Fact-Check Summary", "OPINION |"), or an author arguing in the
  first person outside a quotation ("I argue that") tells the strikes it recounts as
  background; a news page whose quoted speaker says "I argue" does not;
- "which brought the number killed to 41 since the first one on March 3" is the toll of
  every act since then (a tally over that period), not the toll of the act just told;
- "1,000 targets have been struck since mid-March" is a campaign's count, not one act;
- "it has killed hundreds of fighters", a magnitude told by a perfect with no act named, is
  the campaign's toll to date ("an airstrike has killed dozens of people" is news);
- a feast day ("on Christmas Day") dates an act like a month and day without a year;
- what people took a blast for ("their first thought was an attack by bandits", "assumed it
  was a raid") is no act done.
"""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-14"  # a Friday

STRIKE = "On Tuesday a navy drone hit a skiff off the coast of the island, killing four."


def _mentions(text: str, url: str | None = None) -> list[Mention]:
    return registry.checked(registry.reader_for("en"),
                            Article(text=text, published=PUB, language="en", url=url))


def _new_strikes(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind == "event" and m.status == "occurred" and
            not m.background and m.event_type in ("Explosions/Remote violence", "Battles")]


def test_a_strike_on_a_news_page_is_news() -> None:
    ms = _mentions(STRIKE, url="https://paper.example/world/2025/11/14/skiff-hit")
    assert len(_new_strikes(ms)) == 1


UNDATED_STRIKE = "A navy drone hit a skiff off the coast of the island, killing four."


def test_a_page_filed_as_opinion_recounts_its_strikes_as_background() -> None:
    for path in ("opinion/2025/11/14/skiff", "editorials-opinion/20251114/skiff",
                 "news/op-ed/skiff", "fact-checks/justice/skiff-strike-3d6"):
        ms = _mentions(UNDATED_STRIKE + " Such raids are a grave mistake.",
                       url=f"https://paper.example/{path}")
        strikes = [m for m in ms if m.kind == "event" and m.status == "occurred"]
        assert strikes and all(m.background for m in strikes), path
        assert strikes[0].killed_low == 4  # what it recounts keeps its toll


def test_an_opinion_page_recounting_a_strike_of_its_own_day_and_toll_reports_it() -> None:
    # session 17's gold ruling (tests/gold/README.md): a recalled strike with a calendar
    # day and a toll of its own is a report of that strike, whatever the page's genre
    ms = _mentions(STRIKE + " Such raids are a grave mistake.",
                   url="https://paper.example/opinion/2025/11/14/skiff")
    got = _new_strikes(ms)
    assert len(got) == 1 and got[0].date_low == "2025-11-11" and got[0].killed_low == 4


def test_an_address_that_only_mentions_opinion_in_a_word_is_news() -> None:
    ms = _mentions(STRIKE, url="https://paper.example/world/public-opinionated-skiff")
    assert len(_new_strikes(ms)) == 1


def test_a_fact_check_label_line_makes_the_strike_background() -> None:
    ms = _mentions("Fact-Check Summary\n\nThe minister's post correctly says that a navy "
                   "drone hit a skiff off the coast on Tuesday, killing four.")
    assert ms and not _new_strikes(ms)
    assert any(m.background and m.killed_low == 4 for m in ms)


def test_an_author_arguing_in_the_first_person_writes_commentary() -> None:
    # (a strike it recounts with its own day and toll is a report of it since session 17's
    # ruling: tests/test_extract_recalled_ruling.py)
    ms = _mentions(UNDATED_STRIKE + " I argue that the raid broke the law of the sea.")
    assert ms and not _new_strikes(ms)


def test_a_quoted_speaker_arguing_keeps_the_page_news() -> None:
    ms = _mentions(STRIKE + ' "I argue that it was lawful," the minister said.')
    assert len(_new_strikes(ms)) == 1


def test_a_toll_brought_to_a_figure_since_a_start_is_a_tally() -> None:
    ms = _mentions("On Monday the army chief announced the ninth drone raid on a smuggling "
                   "camp, which brought the number killed to 41 since the first one on "
                   "March 3rd, 2025.")
    tallies = [m for m in ms if m.kind == "tally"]
    assert [(m.killed_low, m.killed_high) for m in tallies] == [(41, 41)]
    assert str(tallies[0].period_low) == "2025-03-03"
    assert not any(m.kind == "event" and m.killed_low == 41 for m in ms)


def test_a_toll_brought_to_a_figure_by_one_raid_stays_that_raid() -> None:
    ms = _mentions("A drone raid on Monday hit a smuggling camp and killed six, which brought "
                   "the number killed in the raid to seven after one more died in hospital.")
    assert not any(m.kind == "tally" for m in ms)


def test_targets_struck_since_a_start_are_a_campaign_count() -> None:
    ms = _mentions("More than 1,000 targets have been struck since mid-March, when the "
                   "operation began, according to the ministry.")
    assert ms and not _new_strikes(ms)
    assert [m.kind for m in ms] == ["tally"]


def test_targets_struck_on_a_day_stay_that_days_act() -> None:
    ms = _mentions("Jets have struck two rebel camps near the port on "
                   "Thursday, killing three guards, in the heaviest raid there since March.")
    assert len(_new_strikes(ms)) == 1


def test_hundreds_killed_by_a_perfect_with_no_act_named_is_the_campaign() -> None:
    ms = _mentions("Central Command says it has killed hundreds of rebel fighters and several "
                   "commanders.")
    assert ms and not _new_strikes(ms)
    assert all(m.kind == "tally" for m in ms)


def test_dozens_killed_by_a_named_airstrike_is_news() -> None:
    ms = _mentions("An airstrike has killed dozens of people in the market town of Kafr, "
                   "medics said.")
    assert len(_new_strikes(ms)) == 1


def _day(text: str, published: str) -> list[tuple[object, object]]:
    ms = registry.checked(registry.reader_for("en"),
                          Article(text=text, published=published, language="en"))
    return [(m.date_low, m.date_high) for m in ms if m.kind == "event"]


def test_a_feast_day_dates_the_strike_in_the_latest_year_up_to_the_page() -> None:
    text = ("US forces carried out airstrikes on militant camps in Sokoto State on Christmas "
            "Day, officials said.")
    got = _day(text, "2026-01-20")
    assert [(str(a), str(b)) for a, b in got] == [("2025-12-25", "2025-12-25")]
    got = _day(text.replace("Christmas Day", "New Year's Day"), "2026-01-20")
    assert [(str(a), str(b)) for a, b in got] == [("2026-01-01", "2026-01-01")]


def test_a_feast_day_on_a_page_with_no_date_stays_open() -> None:
    ms = registry.checked(registry.reader_for("en"), Article(
        text="US forces carried out airstrikes on militant camps in Sokoto State on Christmas "
             "Day, officials said.", language="en"))
    assert ms and all(m.date_low is None for m in ms)


def test_what_people_took_a_blast_for_is_no_act() -> None:
    for text in ("Their first thought was an attack by bandits on the village of Kuka in "
                 "Zamfara state, a farmer said.",
                 "Many assumed it was a raid by the militia on the town, residents said."):
        assert not [m for m in _mentions(text) if m.kind == "event" and
                    m.status == "occurred"], text


def test_an_attack_a_witness_tells_is_an_act() -> None:
    ms = _mentions("A farmer said an attack by bandits on the village of Kuka in Zamfara state "
                   "killed two on Tuesday.")
    assert [m.killed_low for m in ms if m.kind == "event" and m.status == "occurred"] == [2]


def test_a_feast_day_on_a_page_with_no_date_takes_the_year_the_page_tells_it_with() -> None:
    ms = registry.checked(registry.reader_for("en"), Article(
        text="The army's Christmas Day airstrike in Sokoto State surprised residents.\n\n"
             "On December 25, 2025, jets struck militant camps in Sokoto State, officials "
             "said.", language="en"))
    days = {(str(m.date_low), str(m.date_high)) for m in ms if m.kind == "event"}
    assert days == {("2025-12-25", "2025-12-25")}


def test_the_act_a_reaction_came_after_days_before_is_background() -> None:
    ms = _mentions("Lawyers and aid groups are sounding the alarm after a navy drone strike "
                   "last week sank a skiff near the island and killed everyone aboard.")
    strikes = [m for m in ms if m.kind == "event" and m.status == "occurred"]
    assert strikes and all(m.background for m in strikes)
    assert not _new_strikes(ms)


def test_a_reaction_on_the_day_after_the_act_keeps_it_news() -> None:
    # published Friday: Thursday's strike is this report's news, the protest its sequel
    ms = _mentions("Fishermen protested after a navy drone strike on Thursday sank a skiff "
                   "near the island, killing four.")
    assert len(_new_strikes(ms)) == 1


def test_an_act_that_people_fled_after_is_no_reaction() -> None:
    ms = _mentions("Families fled the coast after a navy drone strike on Nov. 3 sank a skiff "
                   "near the island, killing four.")
    assert len(_new_strikes(ms)) == 1


def test_a_toll_told_since_the_first_act_is_the_campaigns() -> None:
    ms = _mentions("Since the first raid in early August, more than ninety people have been "
                   "killed and forty skiffs sunk.")
    assert not _new_strikes(ms)
    tallies = [m for m in ms if m.kind == "tally"]
    assert tallies and tallies[0].killed_low == 91
    assert tallies[0].period_low == "2025-08-01"


def test_the_first_act_told_with_its_own_toll_stays_that_act() -> None:
    ms = [m for m in _mentions("The first raid, on Aug. 4, killed eleven people aboard a skiff.")
          if m.kind == "event" and m.status == "occurred"]
    assert ms and ms[0].killed_low == 11 and ms[0].date_low == "2025-08-04"


def test_a_toll_since_the_first_act_on_a_page_with_no_date_is_the_campaigns() -> None:
    ms = registry.checked(registry.reader_for("en"), Article(
        text="Since the first raid in early August, more than ninety people have been killed.",
        published=None, language="en"))
    assert not [m for m in ms if m.kind == "event" and m.status == "occurred" and
                m.killed_low == 91]
    assert [m.killed_low for m in ms if m.kind == "tally"] == [91]

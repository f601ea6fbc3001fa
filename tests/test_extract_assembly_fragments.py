"""One article, one strike, one mention: the pieces of a page that show the news again.

A news page shows its strike more than once: a photo caption under the lede ("Smoke rises
over the port after the strike. (AFP photo)"), an embedded post from the command that
carried it out ("... pic.twitter.com/... — Southern Command (@Southcom) March 3, 2026").
Read sentence by sentence, each becomes an incident of its own, and the ledger counts the
strike twice. Read as a document, a caption or a post that can be the article's strike is
that strike; a caption of another day's strike stays its own. (Sentences written for these
tests.)
"""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from strikewatch.extract import extract
from strikewatch.extract.components.assemble import is_restatement
from strikewatch.extract.counts import count_expressions
from strikewatch.records import Article

TUESDAY = "2026-03-03"


def _strikes(text: str, published: str = TUESDAY) -> list:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


# --- which lines show the news rather than tell it -----------------------------------------

CREDITS = ["(AFP photo).", "(File/AFP)", "(AFP)", "© Jane Roe / POOL / AFP",
           "(Photo by Jane Roe/Example News)", "REUTERS/Jane Roe", "(AP Photo/Jane Roe)"]
POSTS = ["pic.twitter.com/AbC123xyz", "— Southern Command (@Southcom) March 3, 2026",
         "[Embedded post: the command struck a vessel today.]"]


@given(st.text(alphabet=string.ascii_letters + " ,", min_size=1, max_size=80),
       st.sampled_from(CREDITS))
def test_a_line_ending_with_a_photo_credit_is_a_caption(words: str, credit: str) -> None:
    line = f"Smoke over the harbour {words.strip()}. {credit}"
    text = f"The navy struck a boat on Monday.\n{line}\nOfficials gave no toll."
    at = text.index("Smoke")
    assert is_restatement(text, at, at + 5)
    assert not is_restatement(text, 0, 5)  # the prose line above it
    assert not is_restatement(text, len(text) - 5, len(text))  # and below it


@given(st.sampled_from(POSTS))
def test_an_embedded_posts_link_stand_in_or_signature_marks_its_line(mark: str) -> None:
    text = f"Officials described the strike.\nThe command posted video {mark}\nNo toll was given."
    at = text.index("posted")
    assert is_restatement(text, at, at + 6)
    assert not is_restatement(text, 0, 5)


def test_prose_that_names_a_news_agency_is_no_caption() -> None:
    text = "Two people died when the navy struck a boat, officials told AFP on Monday."
    assert not is_restatement(text, 0, 5)


# --- a caption or post that can be the article's strike is that strike -----------------------

def test_a_caption_restating_the_lede_joins_the_strike() -> None:
    text = ("Three people were killed on Monday when the navy struck a boat in the Caribbean, "
            "the defence ministry said.\n"
            "The defence minister has announced one more deadly navy strike on a Caribbean "
            "boat. "
            "© Jane Roe / POOL / AFP\n"
            "The ministry said all three people aboard died.")
    (m,) = _strikes(text)
    assert m.killed_low == m.killed_high == 3
    assert m.date_low == "2026-03-02"
    assert any("one more deadly navy strike" in s.text for s in m.spans)


def test_an_embedded_post_restating_the_strike_joins_it() -> None:
    text = ("Two people were killed on Monday when the navy struck a boat in the eastern "
            "Pacific, the defence minister said.\n"
            "BREAKING: Minister says 2 suspected smugglers killed as navy hits boat off Panama "
            "pic.twitter.com/AbC123xyz — Example News (@ExampleNews) March 2, 2026\n"
            "No sailors were hurt.")
    (m,) = _strikes(text)
    assert m.killed_low == m.killed_high == 2
    assert sum("pic.twitter.com" in s.text for s in m.spans) == 1


def test_a_caption_of_another_days_strike_stays_its_own() -> None:
    text = ("Two people were killed on Monday when the air force struck a car near the port "
            "of Hodeida, officials said.\n"
            "Rescuers search a building in Sanaa where an air strike was reported on "
            "February 24, 2026 (AFP photo).\n"
            "The officials said both were fighters.")
    strikes = _strikes(text)
    assert len(strikes) == 2
    assert {m.date_low for m in strikes} == {"2026-03-02", "2026-02-24"}


def test_a_post_telling_several_strikes_is_left_to_the_count_of_the_day() -> None:
    # three boats in one post: how many strikes that day held is not assembly's to decide,
    # so the post is not folded into the lede's single strike
    text = ("Eight people were killed when three boats in the eastern Pacific were hit by "
            "navy strikes.\n"
            "On March 2 the navy carried out lethal strikes on three boats in international "
            "waters. pic.twitter.com/AbC123xyz\n"
            "No sailors were hurt.")
    strikes = _strikes(text)
    assert not any(all("pic.twitter.com" in s.text or "Eight people" in s.text
                       for s in m.spans) and len(m.spans) == 2 for m in strikes)


# --- a figure that counts no one keeps no retelling apart --------------------------------------

def test_an_age_is_no_toll_so_the_retelling_joins_its_strike() -> None:
    # "killing 18-year-old Amina Ali": read as a toll of 18, the third sentence would
    # disagree with the one death told before and stand as a strike of its own
    text = ("The report says a Feb. 2 strike hit a family as they ate dinner in Jilib and "
            "killed a young woman.\n"
            "The Feb. 2 strike came at around 8 p.m. in Jilib, a town in the south.\n"
            "According to the report, a glide bomb hit the family house, killing 18-year-old "
            "Amina Ali instantly.")
    (m,) = _strikes(text)
    assert m.killed_low == m.killed_high == 1
    assert len(m.spans) == 3


@given(st.integers(min_value=2, max_value=99), st.sampled_from(["-year-old", " year old",
                                                                 " years old"]))
def test_no_age_is_read_as_a_count(age: int, said: str) -> None:
    text = f"killing {age}{said} Amina Ali"
    assert not any(c.low == age for c in count_expressions(text))


# --- a paragraph printed twice tells its strike once -------------------------------------------

def test_a_paragraph_the_page_prints_twice_tells_one_strike() -> None:
    lede = ("On Wednesday an official said 12 people had been killed in air strikes on a "
            "market in the east.")
    text = f"{lede}\n\nPhoto: X\n\n{lede}\n\nSix others were wounded in the province, he said."
    (m,) = _strikes(text, published="2026-03-04")
    assert m.killed_low == 12 and m.injured_low == 6
    assert len(m.spans) == 3  # both copies and the wounded, in one mention


@given(st.sampled_from(["\n\n", "\n", "\n\nAdvertisement\n\n"]), st.sampled_from([" ", "  "]))
def test_a_repeat_is_the_same_words_however_the_page_spaces_them(gap: str, space: str) -> None:
    lede = "Two people were killed when a drone struck a car near the border on Monday."
    text = f"{lede}{gap}{lede.replace(' ', space)}"
    assert len(_strikes(text, published="2026-03-04")) == 1


# --- what an act is for is no act ---------------------------------------------------------------

def test_an_infinitive_of_purpose_tells_no_strike() -> None:
    text = ("Two people were killed on Tuesday when air strikes hit the port district, "
            "officials said. The rebels have used the airport before to attack shipping in "
            "the Red Sea, and the command now has authorization to strike at will.")
    (m,) = _strikes(text)
    assert m.killed_low == 2
    assert len(m.spans) == 1  # what the airport was used for and what is allowed are no part


@given(st.sampled_from(["went on to attack", "began to shell", "managed to strike"]))
def test_an_infinitive_after_a_verb_of_doing_is_an_act(told: str) -> None:
    text = f"On Monday the gunmen {told} a police post in the north, killing two officers."
    (m,) = _strikes(text, published="2026-03-03")
    assert m.killed_low == 2


# --- the war a strike belongs to is no strike ---------------------------------------------------

@given(st.sampled_from([
    "Over 110,000 people have had to leave the south because of the cross-border fighting, "
    "the UN says.",
    "Fighting between the army and the rebels has flared again, and the UN mission left early.",
    "The military offensive against the militants is now in its second year.",
]))
def test_the_war_or_campaign_named_as_the_setting_is_no_incident(setting: str) -> None:
    text = ("An air strike on a car in the south killed two people on Monday, the health "
            f"ministry said.\n{setting}")
    (m,) = _strikes(text)
    assert m.killed_low == 2 and len(m.spans) == 1


def test_fighting_told_with_figures_or_a_day_is_still_an_event() -> None:
    text = ("On Saturday the army admitted heavy losses after three days of heavy fighting "
            "with separatist rebels around the town.")
    assert len(_strikes(text)) == 1

"""Reports of one strike on pages that show no date end up in the one incident of that strike.

Mirrors and agency rewrites often carry no publication date: "on Thursday" stays open, the
report has no blocking day, and clustering never compares it with its dated siblings.
Attaching (strikewatch.resolve.attaching) places such a loose report after clustering.
Where the toll and the sea cannot single out one dated strike — a campaign repeats its
tolls and seas — the details its sentences share with one strike's reports do: a
"semisubmersible", "Quito", "Ecuadorian" that no other strike's reports name. Words that
several strikes' reports share ("Hegseth", "Southcom") are the campaign's and tell nothing
apart, and no shared word outweighs a toll, a sea or a party that contradicts.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch import pipeline
from strikewatch.records import Mention
from strikewatch.resolve import counted
from strikewatch.resolve.attaching import MIN_OWN_WORDS, specific_words
from strikewatch.resolve.features import rare_words, tokens
from strikewatch.store import IncidentQuery, open_store
from tests.test_resolve import PACIFIC, Desk, holding

SEMISUB = ("US forces destroyed a semisubmersible in the Caribbean; two survivors, one "
           "Ecuadorian and one Colombian, were flown to Quito, Hegseth said.")
SPEEDBOAT = ("US forces struck a speedboat near Aruba carrying cocaine, Hegseth said; the "
             "Southcom statement gave no further detail.")
#: an undated mirror's sentence about the semisubmersible strike: no toll, no day
SEMISUB_MIRROR = ("The Ecuadorian survivor of the semisubmersible strike was released in "
                  "Quito after Southcom handed him over.")


def _dated(d: Desk, text: str, day: str, **fields: object) -> Mention:
    return d.report(text, day, date=day, **fields)


def _undated_page(d: Desk, text: str, **fields: object) -> Mention:
    return d.report(text, None, **fields)  # type: ignore[arg-type]  (no publication date)


def test_the_texts_share_details_that_only_one_strike_has() -> None:
    # what the rules below rest on: the mirror shares enough rare words with the
    # semisubmersible report and only campaign words with the speedboat one
    mirror = specific_words([SEMISUB_MIRROR])
    assert len(mirror & specific_words([SEMISUB]) - specific_words([SPEEDBOAT])) \
        >= MIN_OWN_WORDS
    assert set(rare_words(tokens(SPEEDBOAT))) & mirror <= {"southcom", "hegseth"}


def test_an_undated_page_joins_the_strike_whose_details_it_shares() -> None:
    d = Desk()
    semisub = _dated(d, SEMISUB, "2025-10-16", killed_low=2, killed_high=2)
    speedboat = _dated(d, SPEEDBOAT, "2025-10-24", killed_low=2, killed_high=2)
    mirror = _undated_page(d, SEMISUB_MIRROR)
    incs = d.resolve()
    joined = holding(incs, mirror)
    assert semisub.id in joined.mention_ids and joined.date_low == "2025-10-16"
    assert speedboat.id not in joined.mention_ids
    assert len([i for i in incs if counted(i)]) == 2


def test_campaign_words_alone_leave_it_apart() -> None:
    d = Desk()
    _dated(d, SEMISUB, "2025-10-16")
    _dated(d, SPEEDBOAT, "2025-10-24")
    vague = _undated_page(d, "Hegseth said Southcom forces struck another boat.")
    assert holding(d.resolve(), vague).mention_ids == [vague.id]


def test_shared_details_never_outweigh_a_contradicting_toll_or_sea() -> None:
    d = Desk()
    _dated(d, SEMISUB, "2025-10-16", killed_low=2, killed_high=2)
    _dated(d, SPEEDBOAT, "2025-10-24")
    five = _undated_page(d, SEMISUB_MIRROR, killed_low=5, killed_high=5)
    pacific = _undated_page(d, "A survivor of the semisubmersible strike, an Ecuadorian, "
                               "was released in Quito.", place=PACIFIC)
    incs = d.resolve()
    assert holding(incs, five).mention_ids == [five.id]
    assert holding(incs, pacific).mention_ids == [pacific.id]


def test_a_day_of_several_strikes_stays_several_incidents() -> None:
    # two strikes on one day in one sea, neither with a toll, told as the day's first and
    # second; a report from the next day's page, undated in its own text, can be either by
    # day, sea and toll alike — the details it shares with one of them place it, and the
    # other stays its own
    d = Desk()
    semisub = _dated(d, "In the first strike, " + SEMISUB, "2025-10-16")
    speedboat = _dated(d, "In the second strike, " + SPEEDBOAT, "2025-10-16")
    rewrite = d.report(SEMISUB_MIRROR, "2025-10-17")
    incs = d.resolve()
    assert semisub.id in holding(incs, rewrite).mention_ids
    assert holding(incs, speedboat).mention_ids == [speedboat.id]


def test_two_undated_rewrites_of_one_story_join_by_the_details_they_share() -> None:
    # neither page has a date, neither report a sea: a weekday and a toll alone are what a
    # campaign repeats, but the fishermen's village, their nationality and the island off
    # which they died are this strike's
    d = Desk()
    _dated(d, SPEEDBOAT, "2025-10-24", killed_low=2, killed_high=2)
    first = _undated_page(d, "Six men from Las Cuevas, Trinidadian fishermen, were killed "
                             "on Tuesday when US forces struck their boat off Chacachacare.",
                          place=None, killed_low=6, killed_high=6)
    second = _undated_page(d, "The Trinidadian families of Las Cuevas say the six killed on "
                              "Tuesday off Chacachacare were fishermen, not smugglers.",
                           place=None, killed_low=6, killed_high=6)
    other = _undated_page(d, "Six people were killed on Tuesday in another US strike on a "
                             "boat, Hegseth said.", place=None, killed_low=6, killed_high=6)
    incs = d.resolve()
    assert first.id in holding(incs, second).mention_ids
    assert holding(incs, other).mention_ids == [other.id]


def _partition(d: Desk, order: list[int]) -> set[tuple[str, frozenset[str]]]:
    from strikewatch.resolve import resolve

    mentions = [d.mentions[i] for i in order]
    articles = {m.article_id: d.articles[m.article_id] for m in mentions}
    return {(i.id, frozenset(i.mention_ids)) for i in resolve(mentions, articles, [])[0]}


def _desk() -> Desk:
    d = Desk()
    _dated(d, SEMISUB, "2025-10-16", killed_low=2, killed_high=2)
    _dated(d, SPEEDBOAT, "2025-10-16")
    _dated(d, SPEEDBOAT.replace("Aruba", "Curacao"), "2025-10-24", killed_low=3, killed_high=3)
    _undated_page(d, SEMISUB_MIRROR)
    _undated_page(d, "Hegseth said Southcom forces struck another boat.")
    d.report(SEMISUB_MIRROR.replace("released", "freed"), "2025-10-18")
    return d


_DESK = _desk()


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(_DESK.mentions))))
def test_the_order_of_the_articles_does_not_change_the_ledger(order: list[int]) -> None:
    assert _partition(_DESK, order) == _partition(_DESK, list(range(len(_DESK.mentions))))


def test_the_streamed_resolver_places_them_alike(tmp_path: Path) -> None:
    d = _desk()
    store = open_store(str(tmp_path / "ledger.db"))
    try:
        for art in d.articles.values():
            store.add_article(art)
        by_article: dict[str, list[Mention]] = {}
        for m in d.mentions:
            by_article.setdefault(m.article_id, []).append(m)
        store.replace_mentions_many(by_article)
        pipeline.resolve_archive(store, workdir=tmp_path)
        streamed = {(i.id, frozenset(i.mention_ids))
                    for i in store.incidents(IncidentQuery(limit=0))}
    finally:
        store.close()
    assert streamed == _partition(d, list(range(len(d.mentions))))

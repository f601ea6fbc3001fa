"""bench/dup_sources.py: a within-article duplicate put in a rough cause class read off its
mention and sentences (the reading aid the report counts by)."""

from __future__ import annotations

from bench.dup_sources import cause
from strikewatch.records import Mention


def _m(**kw: object) -> Mention:
    return Mention(article_id="a", **kw)  # type: ignore[arg-type]


def test_a_split_day_comes_first() -> None:
    assert cause(_m(series_rank=2, date_low="2025-03-01"), [_m(date_low="2025-03-02")],
                 "The second hit a skiff.") == "day split"


def test_another_date_than_the_other_mention_of_the_article() -> None:
    other = _m(date_low="2025-03-02", date_high="2025-03-02")
    assert cause(_m(date_low="2025-03-01", date_high="2025-03-01"), [other],
                 "A strike hit a skiff on Saturday.") == "second date"
    # the same day is no second date
    assert cause(_m(date_low="2025-03-02", date_high="2025-03-02"), [other],
                 "A strike hit a skiff on Sunday.") == "elaboration"


def test_quote_caption_toll_and_anaphora() -> None:
    assert cause(_m(), [_m()], '"We hit them hard," the colonel said.') == "quote"
    assert cause(_m(), [_m()], "Smoke rises over the port. (AFP photo)") == "caption"
    assert cause(_m(killed_low=4), [_m(killed_low=3)], "Four died in it.") == "own toll"
    assert cause(_m(), [_m()], "The operation took an hour.") == "anaphora"
    assert cause(_m(strikes_low=3), [_m()], "Three strikes hit boats.") == \
        "tally / aggregate"

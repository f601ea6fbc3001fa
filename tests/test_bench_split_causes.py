"""bench/split_causes.py: each SPLIT strike of a ledger eval put in the class of the first
attaching check its reports' incidents fail, asked of the resolver's own checks."""

from __future__ import annotations

from pathlib import Path

from bench.split_causes import (
    BOTH_DATED,
    CHECKS,
    NEITHER,
    TOLLS,
    pair_cause,
    split_strikes,
    strike_cause,
)
from bench.split_pairs import ledger_view
from strikewatch.resolve.attaching import Profile
from strikewatch.resolve.features import Features, place_features
from tests.test_evaluate_ledger import entry, strike, write_gold, write_ledger

ACTORS, PLACES = CHECKS[2][0], CHECKS[5][0]


def profile(iid: str, sea: str | None = "Caribbean Sea", killed: int | None = 3,
            country: str | None = "US") -> Profile:
    place = Features(unique_id=iid, article_id="", origin_id="", published=None, d_lo=None,
                     d_hi=None, **place_features(None, sea))
    return Profile(id=iid, articles=frozenset({f"art-{iid}"}), place=place,
                   killed=None if killed is None else (killed, killed), actor_country=country,
                   actor_name=None, target_kind=None, domain="sea", strikes=None,
                   window=(100, 100), dated=True, mentions=frozenset({iid}))


def test_the_first_failing_check_names_the_cause() -> None:
    a = profile("a")
    assert pair_cause(a, profile("b", killed=11)) == TOLLS
    assert pair_cause(a, profile("b", sea="Eastern Pacific")) == PLACES
    # actors are checked before places: a pair failing both is an actors pair
    assert pair_cause(a, profile("b", sea="Eastern Pacific", country="VE")) == ACTORS
    assert pair_cause(a, profile("b", sea=None, killed=None)) == NEITHER


def test_most_report_pairs_decide_a_strike_s_cause() -> None:
    assert strike_cause([TOLLS, PLACES, TOLLS]) == TOLLS


def test_a_split_strike_of_a_built_ledger_is_classed(tmp_path: Path) -> None:
    """Two reports of one Caribbean strike that the extractor dates two days apart stay
    apart (linking never pairs them, attaching joins no two dated incidents): the strike is
    reported, and as a pair every check agrees on, kept apart by its dates."""
    a = write_gold(tmp_path, "a", "The U.S. military struck a drug-smuggling boat in the "
                   "Caribbean Sea on Thursday, killing three people, officials said.",
                   [entry("carib", "struck a drug-smuggling boat")])
    b = write_gold(tmp_path, "b", "U.S. forces destroyed a suspected drug vessel in the "
                   "Caribbean Sea on Tuesday, killing all three men aboard, the Pentagon said.",
                   [entry("carib", "destroyed a suspected drug")])
    path = write_ledger(tmp_path, [a, b], [
        strike("carib", "2025-11-06", 3, "Caribbean Sea", [f"{a}#carib", f"{b}#carib"])])
    with ledger_view(path) as view:
        found = list(split_strikes(view))
    assert found == [("carib", [BOTH_DATED])]

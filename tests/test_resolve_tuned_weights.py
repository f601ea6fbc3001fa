"""Hand weights set by the joint search on the ledger measures (`train_linking tune`):
"one undated" -1 -> -0.5 and "1 specific word shared" +0.5 -> +1.

- An undated report on a page a few days after a strike (too late for the fresh level)
  that names the strike's town and region, beside the dated report placed only in the
  country, links: before, a target read differently ("a camp", "fighters") kept it just
  under the threshold.
- Not taken (dev ledgers equal, so not worth the risk): "one day apart, the same toll"
  -3.5 -> -3 linked two strikes of consecutive days in one sea with one toll told in
  different words, a campaign's commonest pair; those stay apart.

Mentions are built by hand (tests.test_resolve.Desk), each sentence in its own words.
"""

from __future__ import annotations

import pytest

from strikewatch.records import Actor, Place
from strikewatch.resolve import linking
from strikewatch.resolve.features import features
from tests.test_resolve import Desk, holding
from tests.test_resolve_fresh_undated import _p

SOMALIA = Place(name="Somalia", kind="country", country="SO", geo_precision=5, latitude=6.0,
                longitude=46.0)
KISMAYO = Place(name="Kismayo", kind="populated place", country="SO", geo_precision=3,
                latitude=-0.36, longitude=42.55)
LAND = dict(domain="land", event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike")


def test_the_hand_weights_are_the_tuned_ones() -> None:
    assert linking.HAND.weight("date", "one undated", 0.0) == pytest.approx(-0.5)
    assert linking.HAND.weight("specific_words", "1 specific word shared", 0.0) == \
        pytest.approx(1.0)


@pytest.mark.parametrize("later", [
    "An American drone strike near Kismayo killed militants, a Jubaland official said.",
    "Militants were killed in an American airstrike outside Kismayo, according to Jubaland "
    "authorities.",
    "Jubaland's security minister said U.S. aircraft bombed an al-Shabaab hideout on the "
    "edge of Kismayo.",
    "Jubaland's security minister said an American air strike near Kismayo killed several "
    "militants.",
])
def test_an_undated_later_page_naming_the_town_joins_the_dated_strike(later: str) -> None:
    d = Desk()
    dated = d.report("US Africa Command said it struck al-Shabaab fighters near Kismayo in "
                     "Jubaland on Saturday.", "2025-05-25", date="2025-05-24", place=SOMALIA,
                     actor1=Actor(name="US Africa Command", country="US"), target_kind="group",
                     **LAND)
    undated = d.report(later, "2025-05-29", place=KISMAYO,
                       actor1=Actor(name="American forces", country="US"),
                       target_kind="facility", **LAND)
    feats = [features(m, d.articles[m.article_id]) for m in (dated, undated)]
    assert _p(*feats) >= linking.LINK_THRESHOLD
    incs = d.resolve()
    assert holding(incs, dated).id == holding(incs, undated).id


@pytest.mark.parametrize("first, second", [
    ("American aircraft sank a go-fast boat in the Caribbean on Tuesday, killing three.",
     "Three alleged smugglers died when the US military destroyed their vessel in Caribbean "
     "waters on Wednesday, officials said."),
    ("A US strike on a suspected drug boat in the Caribbean left three dead on Tuesday.",
     "On Wednesday the Pentagon announced it had hit another trafficking craft in the "
     "Caribbean; three men aboard were killed."),
    ("Southern Command reported Tuesday's operation: a smuggling craft destroyed in the "
     "Caribbean, three dead.",
     "Wednesday's American raid against a narcotics launch off Venezuela's coast killed all "
     "three on board, the Pentagon said."),
])
def test_consecutive_days_with_one_toll_in_one_sea_stay_two_strikes(first: str,
                                                                   second: str) -> None:
    d = Desk()
    a = d.report(first, "2025-11-05", date="2025-11-04", killed_low=3, killed_high=3)
    b = d.report(second, "2025-11-06", date="2025-11-05", killed_low=3, killed_high=3)
    incs = d.resolve()
    assert holding(incs, a).id != holding(incs, b).id

"""A day with several strikes stays several incidents (issue 14, item 4): reports that
name which strike of a series they tell ("the first attack", "el tercer ataque") never
join a report of another strike of that series.

Mentions are built by hand (tests.test_resolve.Desk), each with its own wording.
"""

from __future__ import annotations

import pytest

from strikewatch.resolve.features import features, hard_conflict, series_ordinal, strike_ordinal
from tests.test_resolve import Desk, holding


@pytest.mark.parametrize("text, ordinal", [
    ("The second attack sank a skiff off the coast, the command said.", 2),
    ("In the first strike five men aboard were killed.", 1),
    ("The fourth lethal kinetic strike hit a semi-submersible.", 4),
    ('the third "kinetic strike" of the night', 3),
    ("Según el mando, en el segundo ataque murieron tres tripulantes.", 2),
    ("La primera operación dejó dos muertos.", 1),
    # the series' ordinals all named: the whole series, not one strike of it
    ("Five died on the first boat, two on the second boat and one on the third boat.", None),
    # another strike, or the campaign's count: not a position in a day's series
    ("The navy carried out a second strike within a day.", None),
    ("It was the Navy's first operation in the Atlantic.", None),
    ("It is the twelfth strike since the first attack in August.", None),
    ("It was the first time the command published a video.", None),
    ("Officials gave no toll.", None),
    # a dotted abbreviation, an adjective or a numbered ordinal before the noun
    ("The third U.S. strike of the day hit a go-fast boat.", 3),
    ("Officials said the 3rd U.S. military strike left no survivors.", 3),
    # a campaign's count, which outlets count differently, is no series ordinal
    ("Officials said the 15th U.S. military strike left no survivors.", None),
    ("In the second American strike two more men died.", 2),
    ("the first U.K.-led air raid on the port", 1),
    ("La tercera ofensiva de EE.UU. dejó cuatro muertos.", 3),
    ("Según la Casa Blanca, el 2.º ataque estadounidense hundió la lancha.", 2),
    # a ship, a unit or a day of the month: no strike ordinal
    ("The third U.S. Navy ship arrived in the area on Friday.", None),
    ("The second U.S. carrier strike group sailed into the Caribbean.", None),
    ("On the 15th US strikes killed four people.", None),
])
def test_series_ordinal(text: str, ordinal: int | None) -> None:
    assert series_ordinal(text) == ordinal


@pytest.mark.parametrize("text, ordinal", [
    ("The third U.S. strike sank the boat.", 3),
    ("the 4th U.S. Navy strike", 4),
    ("El tercer ataque de EE.UU. en el Pacífico", 3),
    ("The third U.S. Navy ship reached the coast.", None),
    ("The fourth U.S. boat was hit too.", None),
])
def test_strike_ordinal_reads_strike_nouns_past_abbreviations(
        text: str, ordinal: int | None) -> None:
    assert strike_ordinal(text) == ordinal


def test_reports_of_different_strikes_of_one_day_stay_apart() -> None:
    d = Desk()
    first = d.report("In the first attack, the command said, six people on a speedboat were "
                     "killed.", "2026-06-09", date="2026-06-08", killed_low=6, killed_high=6)
    third = d.report("The third attack on Monday hit a fishing-type boat drifting near two "
                     "others.", "2026-06-09", date="2026-06-08")
    # told in Spanish by another outlet, no toll of its own
    tercer = d.report("El tercer ataque del lunes alcanzó una lancha a la deriva.",
                      "2026-06-10", date="2026-06-08")
    incs = d.resolve()
    assert holding(incs, third).id == holding(incs, tercer).id
    assert holding(incs, first).id != holding(incs, third).id
    feats = {m.id: features(m, d.articles[m.article_id]) for m in (first, third, tercer)}
    assert hard_conflict(feats[first.id], feats[tercer.id]) == \
        "another strike of the series (first, second, third...)"
    assert hard_conflict(feats[third.id], feats[tercer.id]) is None


def test_a_report_naming_no_ordinal_still_links_to_one_that_does() -> None:
    d = Desk()
    a = d.report("The first strike on Monday killed six people on a speedboat.", "2026-06-09",
                 date="2026-06-08", killed_low=6, killed_high=6)
    b = d.report("Six people died on Monday when US forces hit a speedboat in the Caribbean.",
                 "2026-06-09", date="2026-06-08", killed_low=6, killed_high=6)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id

"""A part of an act's dead told beside its whole toll (issue 14, items 1 and 8).

Real copy tells the toll of a strike and, in another paragraph, the dead of one party or a
named victim: "killed 10 … three of its players died in the airstrike", "the raid killed
the commander … the ministry says the raid killed at least five". A part is no rival toll:
the page tells one strike, with the whole figure. Real second strikes stay apart: another
day, another place, or a figure told as a whole that disagrees.

Sentences written for these tests, in several registers (wire, broadcaster, agency
rewrite, blog).
"""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.records import Article

SUNDAY = "2026-03-08"


def _strikes(text: str, published: str | None = SUNDAY) -> list:
    return [m for m in extract(Article(text=text, published=published))
            if m.kind == "event" and m.status == "occurred" and not m.background]


@pytest.mark.parametrize(("text", "toll"), [
    # wire: a figure, then a club's players "of its"
    ("Warplanes bombed a village in Khost province late on Friday, killing 12 people, the "
     "provincial governor said. The regional football league said four of its players "
     "died in the airstrike and asked for an inquiry.", 12),
    # broadcaster: the party's people first, the whole figure after
    ("A teachers' union says two of its members were killed when jets hit a school in the "
     "north of the province. Health officials later said the raid left at least nine people "
     "dead.", 9),
    # agency rewrite: "were among the dead"
    ("An air strike on a market in the district killed 15 people on Saturday, local "
     "officials said. Three aid workers were among the dead, their agency said in a "
     "statement.", 15),
    # blog: "were also among the victims"
    ("The drone strike tore through a wedding party on Saturday night and killed 20 people. "
     "Honestly, two local musicians were also among the victims of the strike, friends "
     "told us.", 20),
    # a named victim, then the figure
    ("An air raid on the southern suburbs killed Ahmad Karimi, the group's deputy commander. "
     "The health ministry says the raid killed at least six people and wounded 30.", 6),
    ("Jets killed militia chief Omar Haddad in a strike on his car outside the city. Four "
     "people died in the strike that targeted Haddad, the civil defence said.", 4),
])
def test_a_part_of_the_dead_joins_the_act_of_the_whole_toll(text: str, toll: int) -> None:
    (m,) = _strikes(text)
    assert m.killed_low == toll


@pytest.mark.parametrize("text", [
    # another day
    ("Warplanes bombed a village in Khost province on Friday, killing 12 people. On "
     "Saturday, jets struck a market in Paktika province and killed three of its traders."),
    # another place, told as another act
    ("An air strike on a market in Aleppo killed 15 people on Saturday. A separate strike "
     "on a bakery in Idlib killed four, among them two children."),
    # one victim told by "a", then another act's figure
    ("On Monday a U.S. strike in Syria killed a senior ISIS leader near his home. Days "
     "earlier, militia drones struck a U.S. base, wounding six troops, and the U.S. struck "
     "back, killing eight militants."),
    # two wholes that disagree, each with its own place
    ("A drone strike on a car near Tyre killed two men on Tuesday. Jets hit a depot near "
     "Baalbek on Tuesday, killing seven."),
])
def test_real_second_strikes_stay_apart(text: str) -> None:
    assert len(_strikes(text)) >= 2

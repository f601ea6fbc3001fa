"""An attack stopped before it hit ("intercepted a drone attack", "thwarted two missile
strikes") is no strike, and acts told as occasional or sporadic are a pattern, no one act;
a drone attack told as hitting stays one.

Every sentence is our own.
"""

from __future__ import annotations

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention


def _read(text: str) -> list[Mention]:
    return registry.checked(registry.reader_for("en"),
                            Article(text=text, published="2026-05-20", language="en"))


def _strikes(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind == "event" and m.status == "occurred" and not m.background
            and m.event_type == "Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    "The army said it intercepted a drone attack that the rebels launched on Sunday at Kassala.",
    "Air defences thwarted two missile strikes aimed at the port city on Sunday, the navy said.",
    "Kenya has carried out occasional airstrikes inside Somalia on alleged militant camps, "
    "which has strained ties between Nairobi and Mogadishu.",
    "Kenya has carried out sporadic air strikes inside Somalia against suspected camps.",
])
def test_a_stopped_attack_or_a_pattern_is_no_strike(text: str) -> None:
    assert _strikes(_read(text)) == []


def test_a_drone_attack_that_hit_stays_a_strike() -> None:
    ms = _read("A drone attack launched by the rebels on Sunday hit a market in Kassala, "
               "killing five people, officials said.")
    assert [m.killed_low for m in _strikes(ms)] == [5]

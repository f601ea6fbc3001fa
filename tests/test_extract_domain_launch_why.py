"""Where a strike was fought is where it hit, on sentences written for these tests (none from
any gold file): a ship or a sea the shot was fired from is the launcher's place, and the
reason told after the act ("to stop attacks on shipping") names other acts' targets and
seas. Each with a case where the sea is the act's own and stays."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.components.targets import _act_words, _without_launch
from strikewatch.records import Article, Mention

PUB = "2025-10-20"


def _events(text: str) -> list[Mention]:
    return [m for m in extract(Article(text=text, published=PUB)) if m.kind == "event"]


def test_a_launch_platform_is_blanked_with_its_offsets() -> None:
    for seg in ("cruise missiles that a destroyer fired from the Arabian Sea",
                "a missile being fired from a naval vessel",
                "rockets launched from warships in the Red Sea",
                "drones launched from the Gulf of Oman"):
        out = _without_launch(seg)
        assert len(out) == len(seg)
        assert "Sea" not in out and "vessel" not in out and "warships" not in out \
            and "Gulf" not in out, out
    kept = "missiles fired from Yemen hit a tanker in the Red Sea"
    assert _without_launch(kept) == kept


def test_a_reason_after_the_event_word_is_cut() -> None:
    text = "The army bombed the depot to stop attacks on ships in the Gulf."
    assert _act_words(text, text.index("bombed") + 6) == "The army bombed the depot "
    text = "Jets hit the camp over their attacks on shipping at sea."
    assert "sea" not in _act_words(text, text.index("hit") + 3)
    text = "Jets hit a boat at sea in the morning."
    assert _act_words(text, text.index("hit") + 3) == text


def test_a_town_hit_with_missiles_fired_from_a_ship_is_on_land() -> None:
    got = _events("Aircraft struck militant camps in Kebbi state on Monday with missiles "
                  "fired from a navy ship in the Gulf of Guinea, killing seven fighters.")
    assert got and all(m.domain != "sea" for m in got), [m.domain for m in got]


def test_a_strike_to_stop_attacks_on_shipping_is_not_at_sea() -> None:
    got = _events("Warplanes struck a warehouse in Taiz on Monday, killing four people, "
                  "to deter the rebels over their attacks on shipping in the Red Sea.")
    assert got and all(m.domain != "sea" for m in got), [m.domain for m in got]


def test_a_boat_struck_at_sea_stays_at_sea() -> None:
    got = _events("The navy struck a fishing boat in the Red Sea on Monday, killing four "
                  "people.")
    assert got and got[0].domain == "sea"

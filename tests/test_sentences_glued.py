"""The glued-crosshead cut (sentences._GLUED), written from the capital so re skips to it,
finds the same cuts as the lookbehind form it replaced, and the splitter still cuts glued
text where it should."""

from __future__ import annotations

import random
import re

from strikewatch.extract.sentences import _GLUED, split_offsets

#: the pattern as first written: a cut where four lower-case letters meet a capitalised word
LOOKBEHIND = re.compile(r"(?<=[a-z]{4})(?=[A-Z][A-Za-z])")


def cuts(rx: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in rx.finditer(text)]


def test_same_cuts_as_the_lookbehind_form() -> None:
    rng = random.Random(7)
    pieces = ["a", "bc", "X", "Yz", " ", ".", "\n", "É", "é", "abcd", "Qq", "AB", "-"]
    for _ in range(50_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert cuts(_GLUED, text) == cuts(LOOKBEHIND, text), text


def test_glued_crossheads_are_cut() -> None:
    for text, second in [
        ("Talks stall in the capitalThe envoy left on Sunday.", "The envoy left on Sunday."),
        ("Border tensionsOfficials said two drones were downed.",
         "Officials said two drones were downed."),
        ("a report by the monitoring groupReuters could not verify it.",
         "Reuters could not verify it."),
    ]:
        spans = split_offsets(text)
        assert [text[a:b] for a, b in spans][-1] == second


def test_no_cut_inside_names_or_acronyms() -> None:
    for text in ("McDonald visited the port.", "The iPhone footage showed smoke.",
                 "The UN said the aid convoy was hit."):
        assert len(split_offsets(text)) == 1

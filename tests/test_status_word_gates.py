"""The word gates of the status rules (`caseless.may_hold`) never turn away a text their
pattern matches: every (pattern, words) pair is tried on every prefix of every sentence of
the own gold articles, and on the prefixes of the real-style gold's sentences that end
before an event word (the rules search windows that end at the event word); wherever the
pattern matches, one of its words must be in the lower-cased text. A word left out of
a gate would make the rule silently stop firing; this finds it."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from strikewatch.caseless import lowered, may_hold
from strikewatch.evaluate import load_gold
from strikewatch.extract import status as st
from strikewatch.extract.components import status as cs
from strikewatch.extract.sentences import split_offsets

GATES = [
    (cs._HABITUAL, cs._HABITUAL_WORDS),
    (cs._LONG_HABIT, cs._LONG_HABIT_WORDS),
    (cs._HABIT_AFTER, cs._HABIT_AFTER_WORDS),
    (cs._GENERIC, cs._GENERIC_WORDS),
    (cs._STOPPED, cs._STOPPED_WORDS),
    (cs._JUDGED, cs._JUDGED_WORDS),
    (cs._NAMED_AS, cs._NAMED_AS_WORDS),
    (cs._FEARED, cs._FEARED_WORDS),
    (st._THREAT, st._THREAT_WORDS),
]
_GOLD_DIR = Path(__file__).parent / "gold"
OWN = sorted(_GOLD_DIR.glob("*.json"))
#: real-style gold, English and Spanish: the gates must hold on the wording of real
#: reporting too, tried where a rule's window ends, before an event word (every prefix
#: of ~14,000 sentences would take minutes)
REAL = sorted(_GOLD_DIR.glob("real/*.json")) + sorted(_GOLD_DIR.glob("es/*.json"))
_BEFORE_EVENT_WORD = re.compile(
    r"\s(?=(?:air|drone\s)?strik|struck|attack|raid|bomb|hit|kill|shell|fire|drone|missile|"
    r"operation|offensive|ataque|atac|bombarde|ofensiv|operaci|dron|misil)", re.IGNORECASE)
#: the rules' own examples, so that every gate meets a match (some never occur in the gold)
EXAMPLES = [
    "smugglers, who have traditionally been arrested",
    "Cartel boats are Usually intercepted",
    "US airstrikes on boats in the Caribbean violate international law",
    "the strikes amount to murder, critics said",
    "the attacks are illegal",
    "the rebels have in the past mounted raids",
    "has attacked security forces many times",
    "every strike was in international waters",
    "the capacity to strike civilians",
    "the vote that tried to halt U.S. strikes on boats",
    "calling the strikes extrajudicial killings",
    "fled for fear of an army offensive",
    "willing and able to strike partner troops",
    "Their first thought was an attack by bandits",
    "Many assumed it was a raid by the militia",
    "the blast was mistaken for an air strike",
    "villagers took it for a drone strike",
    "Hamas threatened to attack",
    "We'll hit them hard",
]


@functools.cache
def _windows() -> list[str]:
    """The texts a rule may search: every prefix of the own gold's sentences and of the
    examples, and the prefixes of real-style sentences that end before an event word."""
    def sentences(paths: list[Path]) -> list[str]:
        out = []
        for g in paths:
            text = load_gold(g)[1].text
            out += [text[a:b] for a, b in split_offsets(text)]
        return out

    out = []
    for sent in EXAMPLES + sentences(OWN):
        out += [sent[:m.start()] for m in re.finditer(r"\s", sent)] + [sent]
    for sent in sentences(REAL):
        out += [sent[:m.start()] for m in _BEFORE_EVENT_WORD.finditer(sent)] + [sent]
    return out


def test_may_hold_reads_the_lowered_text() -> None:
    assert may_hold(lowered("They Routinely struck"), ("routinely",))
    assert not may_hold(lowered("They struck at dawn"), ("routinely", "often"))
    assert may_hold(None, ("anything",))  # a text lowering cannot stand for: always may


@pytest.mark.parametrize("rx,words", GATES, ids=[w[0] for _, w in GATES])
def test_no_gate_turns_away_a_match(rx: re.Pattern[str], words: tuple[str, ...]) -> None:
    matched = 0
    for window in _windows():
        if rx.search(window) or rx.search(window + " "):
            matched += 1
            assert may_hold(lowered(window), words), (window[-80:], words)
    assert matched  # the gate was put to the test at least once

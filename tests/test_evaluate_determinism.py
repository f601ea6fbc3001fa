"""The evaluator is a measuring instrument: the same article and gold must give the same
score and the same pairing of records to gold entries whatever order the extractor lists
its records in, and whatever other articles run in the same `strikewatch eval` call."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from strikewatch.evaluate import Score, evaluate, score

GOLD = Path(__file__).parent / "gold"
WORDS = [f"w{i:02d}" for i in range(24)]
TEXT = " ".join(WORDS)  # every word once, so a run of words is found exactly where it is
STATUSES = ["occurred", "planned"]


def _span(first: int, n: int) -> tuple[int, int]:
    """Character offsets of words first..first+n-1 of TEXT (each word is 3 chars + space)."""
    return first * 4, (first + n) * 4 - 1


def _evidence(first: int, n: int) -> str:
    start, end = _span(first, n)
    return TEXT[start:end]


spans = st.tuples(st.integers(0, 20), st.integers(1, 3))
entries = st.lists(st.tuples(spans, st.lists(spans, max_size=1), st.sampled_from(STATUSES),
                             st.integers(0, 2)), min_size=1, max_size=5)
records = st.lists(st.tuples(st.lists(spans, min_size=1, max_size=3),
                             st.sampled_from(STATUSES), st.integers(0, 2), st.booleans()),
                   max_size=7)


def _gold(raw: list[Any]) -> dict[str, Any]:
    return {"expect": [{"key": f"e{j}", "kind": "incident", "status": status,
                        "killed_low": killed,
                        "evidence": [_evidence(*ev) for ev in [first, *more]]}
                       for j, (first, more, status, killed) in enumerate(raw)],
            "forbid": [{"why": "planned with 2 killed", "status": "planned", "killed_low": 2}]}


def _records(raw: list[Any]) -> list[dict[str, Any]]:
    """Records as Mention.model_dump gives them; without an id they are told apart only by
    their content (records alike in every field are interchangeable)."""
    out = []
    for i, (sps, status, killed, has_id) in enumerate(raw):
        prov = [{"start": s, "end": e} for s, e in (_span(*sp) for sp in sps)]
        rec = {"kind": "event", "status": status, "killed_low": killed,
               "provenance": {"event_type": prov}}
        if has_id:
            rec["id"] = f"r{i}"
        out.append(rec)
    return out


def _measures(sc: Score) -> tuple[Any, ...]:
    return (sc.expected, sc.matched, sc.produced, sc.ignored, sc.fields_checked,
            sc.fields_correct, sc.forbid_hits, sc.pairs, sc.errors, sc.misses)


@settings(max_examples=300, deadline=None)
@given(entries, records, st.randoms(use_true_random=False))
def test_the_records_order_changes_neither_score_nor_pairing(raw_entries: list[Any],
                                                             raw_records: list[Any],
                                                             rnd: random.Random) -> None:
    gold, recs = _gold(raw_entries), _records(raw_records)
    shuffled = recs[:]
    rnd.shuffle(shuffled)
    assert _measures(score(gold, TEXT, shuffled)) == _measures(score(gold, TEXT, recs))


@settings(max_examples=300, deadline=None)
@given(entries, records, st.randoms(use_true_random=False))
def test_entries_whose_evidence_starts_apart_pair_by_position_not_gold_order(
        raw_entries: list[Any], raw_records: list[Any], rnd: random.Random) -> None:
    # the gold file's order only breaks ties between entries whose evidence starts at the
    # same place; otherwise reordering the entries pairs the same records with them
    firsts = [min([first, *more]) for first, more, *_ in raw_entries]
    if len(set(firsts)) < len(firsts):
        return
    gold, recs = _gold(raw_entries), _records(raw_records)
    reordered = {**gold, "expect": rnd.sample(gold["expect"], len(gold["expect"]))}
    a, b = score(gold, TEXT, recs), score(reordered, TEXT, recs)
    assert sorted(a.pairs) == sorted(b.pairs)
    assert (a.matched, a.fields_correct) == (b.matched, b.fields_correct)


def test_a_tie_goes_to_the_entry_whose_evidence_comes_first() -> None:
    # one record overlapping two entries it has equally right: the earlier evidence wins,
    # whichever of the two the gold lists first
    later = {"key": "later", "status": "occurred", "evidence": [_evidence(5, 3)]}
    earlier = {"key": "earlier", "status": "occurred", "evidence": [_evidence(3, 3)]}
    rec = {"id": "r", "kind": "event", "status": "occurred",
           "provenance": {"event_type": [{"start": _span(4, 3)[0], "end": _span(4, 3)[1]}]}}
    for expect in ([later, earlier], [earlier, later]):
        assert score({"expect": expect}, TEXT, [rec]).pairs == [("earlier", "r")]


def test_of_entries_equally_right_the_one_with_fewer_wrong_fields_wins() -> None:
    # both entries have the status right; the earlier one also wants a toll the record
    # gets wrong, so the record pairs with the later one, which it has wholly right
    fuller = {"key": "fuller", "status": "occurred", "killed_low": 5,
              "evidence": [_evidence(3, 3)]}
    plain = {"key": "plain", "status": "occurred", "evidence": [_evidence(5, 3)]}
    rec = {"id": "r", "kind": "event", "status": "occurred", "killed_low": 2,
           "provenance": {"event_type": [{"start": _span(4, 3)[0], "end": _span(4, 3)[1]}]}}
    sc = score({"expect": [fuller, plain]}, TEXT, [rec])
    assert sc.pairs == [("plain", "r")] and (sc.fields_correct, sc.fields_checked) == (1, 1)


def test_a_files_score_does_not_depend_on_the_files_run_with_it() -> None:
    files = sorted(GOLD.glob("0*.json"))[:6]
    assert len(files) == 6
    alone = {p.name: evaluate([p])[1][0][1] for p in files}
    for order in (files, files[::-1]):
        for p, sc, err in evaluate(order)[1]:
            assert sc is not None, err
            first = alone[p.name]
            assert first is not None
            assert _measures(sc) == _measures(first), p.name

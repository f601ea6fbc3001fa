"""The ledger scorer (strikewatch.evaluate_ledger): a ledger gold's strikes against the
incidents that ingesting its articles together builds.

The scoring tests hand-build the stored articles and incidents (so each measure is checked
on a ledger whose answer is known); the end-to-end tests ingest short articles of their own
through the real pipeline, as `strikewatch eval --ledger` does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from strikewatch.cli import app
from strikewatch.evaluate import GoldError
from strikewatch.evaluate_ledger import (
    BuiltLedger,
    LedgerScore,
    evaluate_ledger,
    load_ledger_gold,
    score_ledger,
)
from strikewatch.records import Article, Incident, Place, Source, Span

CARIB_A = ("The U.S. military struck a drug-smuggling boat in the Caribbean Sea on Thursday, "
           "killing three people, Defense Secretary Pete Hegseth said.")
CARIB_B = ("U.S. forces destroyed a suspected drug vessel in the Caribbean Sea on Thursday, "
           "killing all three men aboard, the Pentagon said.")
PACIFIC = ("The U.S. military struck a boat in the eastern Pacific Ocean on Tuesday, killing "
           "two people, officials said.")
PLAN = ("The Pentagon is drawing up plans for strikes on cartel targets inside Mexico, "
        "officials said, though no decision has been made.")


def write_gold(folder: Path, name: str, text: str, entries: list[dict[str, Any]],
               published: str = "2025-11-07") -> str:
    """An article and its per-article gold; returns the gold's file name."""
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
    gold = {"article": {"file": f"articles/{name}.txt", "published": published,
                        "publisher": name, "url": f"https://example.org/{name}"},
            "expect": entries}
    (folder / f"{name}.json").write_text(json.dumps(gold), encoding="utf-8")
    return f"{name}.json"


def entry(key: str, evidence: str) -> dict[str, Any]:
    return {"key": key, "kind": "incident", "status": "occurred", "evidence": [evidence]}


def strike(sid: str, day: str, killed: int | None, sea: str, reports: list[str]
           ) -> dict[str, Any]:
    return {"id": sid, "date_low": day, "date_high": day, "killed_low": killed,
            "killed_high": killed, "place_country": None, "sea": sea, "reports": reports}


def write_ledger(folder: Path, golds: list[str], strikes: list[dict[str, Any]]) -> Path:
    path = folder / "ledger.json"
    path.write_text(json.dumps({"about": "test", "gold": golds, "strikes": strikes}),
                    encoding="utf-8")
    return path


# --- scoring a hand-built ledger ----------------------------------------------------------

def incident(iid: str, art: Article, evidence: str, day: str | None = "2025-11-06",
             killed: int | None = 3, sea: str = "Caribbean Sea", **kw: Any) -> Incident:
    start = art.text.index(evidence)
    return Incident(id=iid, status="occurred", event_type="Explosions/Remote violence",
                    date_low=day, date_high=day, time_precision=1 if day else None,
                    killed_low=killed, killed_high=killed,
                    place=Place(name=sea, kind="sea", geo_precision=6),
                    sources=[Source(article_id=art.id)],
                    provenance={"event": [Span(article_id=art.id, start=start,
                                               end=start + len(evidence))]}, **kw)


def combined(*parts: Incident) -> Incident:
    """One incident holding the spans and sources of several."""
    first = parts[0]
    spans = [s for p in parts for s in p.provenance["event"]]
    return first.model_copy(update={"provenance": {"event": spans},
                                    "sources": [s for p in parts for s in p.sources]})


@pytest.fixture
def two_reports(tmp_path: Path) -> tuple[Path, dict[str, Article]]:
    """Two reports of one Caribbean strike, one of a Pacific strike, and a plans piece."""
    a = write_gold(tmp_path, "a", CARIB_A, [entry("carib", "struck a drug-smuggling boat")])
    b = write_gold(tmp_path, "b", CARIB_B, [entry("carib", "destroyed a suspected drug")])
    c = write_gold(tmp_path, "c", PACIFIC, [entry("pacific", "struck a boat in the eastern")])
    d = write_gold(tmp_path, "d", PLAN, [])
    path = write_ledger(tmp_path, [a, b, c, d], [
        strike("carib", "2025-11-06", 3, "Caribbean Sea", [f"{a}#carib", f"{b}#carib"]),
        strike("pacific", "2025-11-04", 2, "Eastern Pacific", [f"{c}#pacific"]),
    ])
    arts = {name: Article(text=text) for name, text in
            (("a.json", CARIB_A), ("b.json", CARIB_B), ("c.json", PACIFIC), ("d.json", PLAN))}
    return path, arts


def test_reports_merged_into_one_incident_score_as_merged(two_reports: Any) -> None:
    path, arts = two_reports
    carib = combined(incident("i1", arts["a.json"], "struck a drug-smuggling boat"),
                     incident("x", arts["b.json"], "destroyed a suspected drug"))
    pacific = incident("i2", arts["c.json"], "struck a boat in the eastern", day="2025-11-04",
                       killed=2, sea="Pacific Ocean")
    sc = score_ledger(load_ledger_gold(path), BuiltLedger([carib, pacific], arts, []))
    assert (sc.found, sc.strikes) == (2, 2)
    assert (sc.merged, sc.multi_report, sc.pairs_together, sc.pairs) == (1, 1, 1, 1)
    assert (sc.real, sc.incidents, sc.duplicate_incidents, sc.false_incidents) == (2, 2, 0, 0)
    assert (sc.date_exact, sc.toll_exact) == (2, 2)


def test_reports_left_apart_score_as_split_and_duplicate(two_reports: Any) -> None:
    path, arts = two_reports
    first = incident("i1", arts["a.json"], "struck a drug-smuggling boat")
    second = incident("i3", arts["b.json"], "destroyed a suspected drug", day=None)
    sc = score_ledger(load_ledger_gold(path), BuiltLedger([first, second], arts, []))
    assert (sc.merged, sc.multi_report, sc.pairs_together, sc.pairs) == (0, 1, 0, 1)
    assert sc.duplicate_incidents == 1
    total = LedgerScore()
    total.add(sc)
    total.add(sc)
    assert (total.duplicate_incidents, total.pairs, total.strikes) == (2, 2, 4)
    assert (sc.real, sc.incidents) == (1, 2)  # the undated fragment is not a real strike
    assert sc.found == 1  # the Caribbean strike (best: the dated one); the Pacific missed
    assert any(d.startswith("SPLIT carib") and "i1" in d and "i3" in d for d in sc.details)
    assert any(d.startswith("MISSED pacific") for d in sc.details)


def test_found_strike_with_a_wrong_day_or_toll_is_listed(two_reports: Any) -> None:
    """-v names a found strike whose best incident has the day or toll off (within a day,
    toll not contradicted), so field errors can be read without a MISSED line."""
    path, arts = two_reports
    carib = combined(incident("i1", arts["a.json"], "struck a drug-smuggling boat",
                              day="2025-11-07"),
                     incident("x", arts["b.json"], "destroyed a suspected drug"))
    pacific = incident("i2", arts["c.json"], "struck a boat in the eastern", day="2025-11-04",
                       killed=None, sea="Pacific Ocean")
    sc = score_ledger(load_ledger_gold(path), BuiltLedger([carib, pacific], arts, []))
    assert sc.found == 2 and (sc.date_exact, sc.toll_exact) == (1, 1)
    assert "DATE carib: best incident i1 has 2025-11-07..2025-11-07 (want " \
        "2025-11-06..2025-11-06)" in sc.details
    assert "TOLL pacific: best incident i2 has killed None..None (want 2..2)" in sc.details
    assert not any(d.startswith(("DATE pacific", "TOLL carib")) for d in sc.details)


def test_wrong_date_toll_or_sea_is_not_found(two_reports: Any) -> None:
    path, arts = two_reports
    lg = load_ledger_gold(path)
    for bad in ({"day": "2025-11-09"}, {"killed": 5}, {"sea": "Pacific Ocean"}):
        inc = incident("i1", arts["a.json"], "struck a drug-smuggling boat", **bad)
        sc = score_ledger(lg, BuiltLedger([inc], arts, []))
        assert sc.found == 0, bad
    near = incident("i1", arts["a.json"], "struck a drug-smuggling boat", day="2025-11-07")
    sc = score_ledger(lg, BuiltLedger([near], arts, []))
    assert (sc.found, sc.date_exact, sc.toll_exact) == (1, 0, 1)


def test_a_report_the_extractor_missed_is_not_a_merge_failure(two_reports: Any) -> None:
    path, arts = two_reports
    only = incident("i1", arts["a.json"], "struck a drug-smuggling boat")
    sc = score_ledger(load_ledger_gold(path), BuiltLedger([only], arts, []))
    assert (sc.multi_report, sc.duplicate_incidents, sc.found) == (0, 0, 1)


def test_false_incidents_and_those_from_no_strike_articles(two_reports: Any) -> None:
    path, arts = two_reports
    plan = incident("p", arts["d.json"], "drawing up plans for strikes")
    planned = incident("q", arts["d.json"], "strikes on cartel targets").model_copy(
        update={"status": "planned"})  # not an occurred strike: not counted at all
    sc = score_ledger(load_ledger_gold(path), BuiltLedger([plan, planned], arts, []))
    assert (sc.incidents, sc.false_incidents, sc.from_no_strike, sc.real) == (1, 1, 1, 0)


def test_a_ledger_of_no_strike_pages_scores_every_occurred_incident_false(
        tmp_path: Path) -> None:
    # a batch of plan, threat and op-ed pages (batch V's ledgers): no strikes to find, and
    # each violent occurred incident built from them is false and from a no-strike article
    d = write_gold(tmp_path, "d", PLAN, [])
    path = write_ledger(tmp_path, [d], [])
    lg = load_ledger_gold(path)
    assert lg.strikes == [] and [g.name for g in lg.golds] == ["d.json"]
    art = Article(text=PLAN)
    plan = incident("p", art, "drawing up plans for strikes", day=None)
    sc = score_ledger(lg, BuiltLedger([plan], {"d.json": art}, []))
    assert (sc.strikes, sc.found, sc.incidents, sc.real) == (0, 0, 1, 0)
    assert (sc.false_incidents, sc.from_no_strike) == (1, 1)
    assert sc.details[-1].startswith("FALSE p") and "[no-strike article]" in sc.details[-1]
    lines = sc.lines()
    assert lines[0].endswith("0/0 1.00") and lines[-2].endswith(": 1")
    empty = score_ledger(lg, BuiltLedger([], {"d.json": art}, []))
    assert (empty.incidents, empty.false_incidents, empty.from_no_strike) == (0, 0, 0)


def test_one_incident_for_two_strikes_is_over_merged(two_reports: Any) -> None:
    path, arts = two_reports
    both = combined(incident("i1", arts["a.json"], "struck a drug-smuggling boat"),
                    incident("x", arts["c.json"], "struck a boat in the eastern"))
    sc = score_ledger(load_ledger_gold(path), BuiltLedger([both], arts, []))
    assert sc.over_merged == 1
    assert sc.found == 1  # right for the Caribbean strike, contradicts the Pacific one


def test_bad_ledger_gold_names_the_problem(tmp_path: Path) -> None:
    a = write_gold(tmp_path, "a", CARIB_A, [entry("carib", "struck a drug-smuggling boat")])
    path = write_ledger(tmp_path, [a], [strike("s", "2025-11-06", 3, "Caribbean Sea",
                                                [f"{a}#nope"])])
    with pytest.raises(GoldError, match="no expect entry with key 'nope'"):
        load_ledger_gold(path)
    path = write_ledger(tmp_path, [a], [strike("s", "2025-11-06", 3, "Caribbean Sea",
                                                ["other.json#carib"])])
    with pytest.raises(GoldError, match="not in the 'gold' list"):
        load_ledger_gold(path)


# --- end to end: through the real pipeline ------------------------------------------------

def test_ingested_reports_of_one_strike_merge_and_another_strike_stays_apart(
        tmp_path: Path) -> None:
    a = write_gold(tmp_path, "a", CARIB_A, [entry("carib", "struck a drug-smuggling boat")])
    b = write_gold(tmp_path, "b", CARIB_B, [entry("carib", "destroyed a suspected drug")])
    c = write_gold(tmp_path, "c", PACIFIC, [entry("pacific", "struck a boat in the eastern")])
    d = write_gold(tmp_path, "d", PLAN, [])
    right = write_ledger(tmp_path, [a, b, c, d], [
        strike("carib", "2025-11-06", 3, "Caribbean Sea", [f"{a}#carib", f"{b}#carib"]),
        strike("pacific", "2025-11-04", 2, "Eastern Pacific", [f"{c}#pacific"]),
    ])
    sc = evaluate_ledger(right, tmp_path)
    assert (sc.found, sc.strikes, sc.merged, sc.multi_report) == (2, 2, 1, 1), sc.details
    assert (sc.real, sc.incidents, sc.false_incidents, sc.from_no_strike) == (2, 2, 0, 0)
    assert sc.crashed == 0
    # the same articles, with a gold that calls the two boats one strike: not merged
    wrong = write_ledger(tmp_path, [a, b, c, d], [
        strike("one", "2025-11-06", 3, "Caribbean Sea",
               [f"{a}#carib", f"{b}#carib", f"{c}#pacific"]),
    ])
    sc = evaluate_ledger(wrong, tmp_path)
    assert (sc.merged, sc.multi_report, sc.duplicate_incidents) == (0, 1, 1)


def test_cli_prints_one_line_per_measure(tmp_path: Path) -> None:
    a = write_gold(tmp_path, "a", CARIB_A, [entry("carib", "struck a drug-smuggling boat")])
    path = write_ledger(tmp_path, [a], [strike("carib", "2025-11-06", 3, "Caribbean Sea",
                                                [f"{a}#carib"])])
    out = CliRunner().invoke(app, ["eval", "--ledger", str(path), "-v"])
    assert out.exit_code == 0, out.output
    assert "strikes found (date ±1 day, toll and sea not contradicted): 1/1 1.00" in out.output
    assert "duplicate incidents for one strike: 0" in out.output
    bad = CliRunner().invoke(app, ["eval", "--ledger", str(tmp_path / "a.json")])
    assert bad.exit_code == 1


# --- the same ledger scores the same, whatever order its incidents come in ----------------

EVIDENCE = [("a.json", "struck a drug-smuggling boat"), ("b.json", "destroyed a suspected drug"),
            ("c.json", "struck a boat in the eastern"), ("d.json", "drawing up plans for strikes")]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.lists(st.sampled_from(range(len(EVIDENCE))), min_size=1,
                                   max_size=3, unique=True),
                          st.sampled_from(["2025-11-04", "2025-11-06", "2025-11-07", None]),
                          st.sampled_from([2, 3, None])),
                min_size=1, max_size=6),
       st.randoms(use_true_random=False))
def test_the_order_of_the_ledgers_incidents_changes_no_measure(
        two_reports: Any, raw: list[Any], rnd: Any) -> None:
    path, arts = two_reports
    lg = load_ledger_gold(path)
    incidents = [combined(*(incident(f"i{n}", arts[EVIDENCE[k][0]], EVIDENCE[k][1], day=day,
                                     killed=killed) for k in which))
                 for n, (which, day, killed) in enumerate(raw)]
    shuffled = incidents[:]
    rnd.shuffle(shuffled)
    assert score_ledger(lg, BuiltLedger(shuffled, arts, [])) == \
        score_ledger(lg, BuiltLedger(incidents, arts, []))


# --- strikes told in one sentence (tied in the gold) --------------------------------------

THREE = ("U.S. forces struck three boats in the eastern Pacific on Tuesday, killing three, "
         "two and one people aboard, the Pentagon said.")
TOLD = "struck three boats in the eastern Pacific"


@pytest.fixture
def three_in_one(tmp_path: Path) -> tuple[Path, dict[str, Article]]:
    """Three strikes of one day whose report entries share one sentence as evidence, and a
    Caribbean strike told apart in another article."""
    t = write_gold(tmp_path, "t", THREE, [entry(k, TOLD) for k in ("s1", "s2", "s3")])
    a = write_gold(tmp_path, "a", CARIB_A, [entry("carib", "struck a drug-smuggling boat")])
    path = write_ledger(tmp_path, [t, a], [
        strike(f"pac-{k}", "2025-11-04", n, "Eastern Pacific", [f"{t}#s{k}"])
        for k, n in ((1, 3), (2, 2), (3, 1))] + [
        strike("carib", "2025-11-06", 3, "Caribbean Sea", [f"{a}#carib"])])
    arts = {"t.json": Article(text=THREE), "a.json": Article(text=CARIB_A)}
    return path, arts


def per_strike(arts: dict[str, Article], *tolls: int) -> list[Incident]:
    return [incident(f"p{n}", arts["t.json"], TOLD, day="2025-11-04", killed=k,
                     sea="Eastern Pacific") for n, k in enumerate(tolls)]


def test_one_incident_per_tied_strike_is_found_not_over_merged(three_in_one: Any) -> None:
    path, arts = three_in_one
    sc = score_ledger(load_ledger_gold(path), BuiltLedger(per_strike(arts, 1, 3, 2), arts, []))
    assert (sc.found, sc.toll_exact, sc.real, sc.incidents) == (3, 3, 3, 3)
    assert (sc.over_merged, sc.duplicate_incidents, sc.false_incidents) == (0, 0, 0)


def test_the_order_of_tied_incidents_changes_no_measure(three_in_one: Any) -> None:
    path, arts = three_in_one
    lg = load_ledger_gold(path)
    incs = per_strike(arts, 3, 3, 2)  # two fit the 3-killed strike: who gets which is by id
    first = score_ledger(lg, BuiltLedger(incs, arts, []))
    assert score_ledger(lg, BuiltLedger(incs[::-1], arts, [])) == first
    assert (first.found, first.real, first.over_merged) == (2, 3, 0)


def test_one_incident_for_tied_strikes_is_one_strikes(three_in_one: Any) -> None:
    path, arts = three_in_one
    sc = score_ledger(load_ledger_gold(path), BuiltLedger(per_strike(arts, 6), arts, []))
    assert (sc.found, sc.real, sc.over_merged, sc.duplicate_incidents) == (0, 1, 0, 0)
    assert sum(d.startswith("MISSED pac-") for d in sc.details) == 3


def test_an_extra_incident_for_tied_strikes_is_a_duplicate(three_in_one: Any) -> None:
    path, arts = three_in_one
    sc = score_ledger(load_ledger_gold(path),
                      BuiltLedger(per_strike(arts, 3, 2, 1, 3), arts, []))
    assert (sc.found, sc.real, sc.incidents) == (3, 3, 4)
    assert (sc.over_merged, sc.duplicate_incidents) == (0, 1)


def test_a_tied_incident_holding_another_strikes_report_stays_over_merged(
        three_in_one: Any) -> None:
    path, arts = three_in_one
    both = combined(*per_strike(arts, 3),
                    incident("c", arts["a.json"], "struck a drug-smuggling boat"))
    sc = score_ledger(load_ledger_gold(path),
                      BuiltLedger([both, *per_strike(arts, 2, 1)], arts, []))
    assert sc.over_merged == 1
    assert any(d.startswith(f"OVER-MERGED {both.id}: strikes carib, pac-") for d in sc.details)

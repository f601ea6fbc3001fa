"""Rules a careful coder applies that the sample-corpus gold revealed, each on sentences
written for these tests (none from the samples or any gold file)."""

from __future__ import annotations

import datetime as dt

from strikewatch.extract import extract
from strikewatch.extract.counts import read_counts
from strikewatch.extract.dates import read_dates
from strikewatch.extract.status import read_status
from strikewatch.extract.triggers import find_triggers
from strikewatch.records import Article, Mention
from strikewatch.resolve.merging import merge_counts

PUB = "2024-06-10"  # a Monday


def _run(text: str, published: str | None = PUB) -> list[Mention]:
    return extract(Article(text=text, published=published))


def _events(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.kind == "event"]


def _status(sentence: str, word: str) -> str:
    i = sentence.index(word)
    return read_status(sentence, i, i + len(word))[0]


# --- what counts as an event word -------------------------------------------------------

def test_a_vessel_or_vehicle_destroyed_is_an_event_without_a_weapon_named() -> None:
    (m,) = _run("Two fishing skiffs were sunk near the reef on Friday, killing five crew "
                "members, the harbour master said.")
    assert (m.killed_low, m.killed_high) == (5, 5)
    assert m.target_kind == "vessel" and m.domain == "sea"
    assert m.date_low == "2024-06-07"
    assert [t.text for t in find_triggers("Gunmen set ablaze three trucks at dawn.")] == \
        ["set ablaze three trucks"]
    # objects that are not vessels or vehicles: no new event word
    assert find_triggers("The ministry said it had destroyed 40 drones.") == []


def test_participle_between_determiner_and_noun_is_no_act() -> None:
    got = _run("The convoy was run by a designated terrorist group, officials said on "
               "Sunday. Soldiers clashed with its fighters near the dam.")
    assert not [m for m in got if m.action == "designation"]
    assert [t.action for t in find_triggers("The ministry designated two militias.")] == \
        ["designation"]


# --- status ---------------------------------------------------------------------------

def test_warning_that_strikes_could_spread_is_a_threat() -> None:
    s = "The militia warned on Sunday that its drone attacks could soon reach the capital."
    assert _status(s, "drone attacks") == "threatened"
    assert _status("Army officers warned that raids would continue.", "raids") == "threatened"
    (m,) = _run(s)
    assert m.status == "threatened"
    assert m.date_low == "2024-06-09"  # when it was said: the Sunday before, not after
    # a warning verb with no modal after the event word reports what happened
    assert _status("The army warned residents after the raid killed five.", "raid") == "occurred"


def test_not_imminent_is_not_an_event_that_happened() -> None:
    s = "An offensive on the port is not imminent, the minister said."
    assert _status(s, "offensive") == "planned"
    assert _status("The offensive was not expected to start before spring.", "offensive") == \
        "planned"


def test_negated_event_words_report_nothing() -> None:
    assert not _events(_run("No airstrike on the city has been confirmed by the army."))
    assert not [m for m in _run("No ship of the coalition was struck, the navy said on "
                                "Friday.") if m.status == "occurred"]
    # a zero count is not a negated event
    (m,) = _run("A drone strike hit a depot near the border on Saturday; no one was killed.")
    assert m.status == "occurred" and (m.killed_low, m.killed_high) == (0, 0)


def test_habitual_acts_are_not_events() -> None:
    got = _run("Traders, who are routinely detained by border guards, crossed the river "
               "on Sunday.")
    assert not [m for m in got if m.sub_event_type == "Arrests"]


# --- tallies and incidents ------------------------------------------------------------

def test_toll_of_one_named_event_is_an_incident() -> None:
    (m,) = _run("Police on Monday revised the toll in Saturday's bombing of the bus "
                "station, saying 14 people had died.")
    assert m.kind == "event" and (m.killed_low, m.killed_high) == (14, 14)
    assert m.date_low == "2024-06-08"
    (t,) = _run("The death toll from air strikes across the province rose to 40.")
    assert t.kind == "tally"


def test_relative_clause_with_an_aggregate_is_its_own_tally() -> None:
    got = _run("A raid on the valley would be a change for the region, where more than "
               "30 attacks have been recorded since January, killing at least 90 people.")
    (t,) = [m for m in got if m.kind == "tally"]
    assert t.status == "occurred"
    assert (t.strikes_low, t.killed_low) == (31, 90)
    assert t.period_low == "2024-01-01"
    assert all(m.status == "hypothetical" for m in _events(got))


def test_several_targets_over_days_are_a_tally_on_one_day_an_incident() -> None:
    assert read_counts("navy drones hit three boats, killing nine")[0]["strikes"] == (3, 3)
    assert read_counts("where 12 vessels have been destroyed since May")[0]["strikes"] == \
        (12, 12)
    (t,) = _run("Navy drones struck three boats over the weekend, killing nine people.")
    assert t.kind == "tally" and t.strikes_low == 3
    assert (t.period_low, t.period_high) == ("2024-06-08", "2024-06-09")  # its days
    (m,) = _run("Commandos destroyed two vessels near the strait on Thursday, killing eight.")
    assert m.kind == "event" and m.killed_low == 8 and m.strikes_low is None


# --- counts ---------------------------------------------------------------------------

def test_two_figures_for_one_event_make_a_range() -> None:
    got = _run("At least four people died when a minibus was blown up on a mountain road "
               "on Monday. Police later said six people were killed in the attack.")
    (m,) = _events(got)
    assert (m.killed_low, m.killed_high) == (4, 6)
    assert m.target_kind == "vehicle"


def test_no_civilians_harmed_is_zero_civilians_killed() -> None:
    counts, _, _ = read_counts("killed three fighters, and no civilians were harmed")
    assert counts["civilians_killed"] == (0, 0) and counts["killed"] == (3, 3)


# --- dates ----------------------------------------------------------------------------

def test_weekend_resolves_against_published() -> None:
    (d,) = read_dates("over the weekend", dt.date(2024, 6, 10))
    assert (d.low, d.high, d.precision) == ("2024-06-08", "2024-06-09", 2)
    (d,) = read_dates("last weekend", dt.date(2024, 6, 15))  # itself a Saturday
    assert (d.low, d.high) == ("2024-06-08", "2024-06-09")
    assert read_dates("over the weekend", None)[0].low is None


def test_statement_date_is_not_the_event_date() -> None:
    (m,) = _run("A drone struck a tanker on Wednesday, the navy said on Friday.")
    assert m.date_low == "2024-06-05"
    (m,) = _run("The coast guard said on Friday that a missile hit a ferry near the pier "
                "on Thursday.")
    assert m.date_low == "2024-06-06"


def test_since_clause_dates_another_event() -> None:
    got = _run("Gunmen raided a village in Zamfara on Tuesday, killing 12 people. It was "
               "the deadliest raid since troops were deployed to the state in March.")
    raids = [m for m in got if m.event_type == "Battles" or m.killed_low == 12]
    assert len(raids) == 1 and raids[0].date_low == "2024-06-04"
    assert not [m for m in got if (m.date_low or "").startswith("2024-03")
                and m.action != "deployment"]


def test_elliptic_ordinal_starts_one_more_event() -> None:
    got = _run("Drones struck two convoys this week. The first, on Tuesday, killed four "
               "drivers near the border. The second, on Thursday, killed two guards on the "
               "coast road.")
    by_date = {m.date_low: m for m in _events(got)}
    assert by_date["2024-06-04"].killed_low == 4
    assert by_date["2024-06-06"].killed_low == 2


# --- places, domain and sources -------------------------------------------------------

def test_sources_place_is_not_the_event_place() -> None:
    (m,) = _run("At least three people died when a boat was destroyed at sea on Monday, "
                "fishermen in the port of Manta told the paper.")
    assert m.place is None or m.place.name != "Manta"
    assert any(a.kind == "witness" for a in m.attribution)


def test_event_placed_at_a_town_on_land_has_domain_land() -> None:
    (m,) = _run("A drone strike near Kunduz killed two fighters on Friday, the army said.")
    assert m.place is not None and m.place.kind != "sea"
    assert m.domain == "land"


def test_count_kept_by_an_outlet_is_attributed() -> None:
    got = _run("Since March, militias have carried out more than 20 attacks on the "
               "highway, killing at least 50 people, according to a tally kept by the "
               "Valley Observer.")
    (t,) = [m for m in got if m.kind == "tally"]
    assert any("Valley Observer" in (a.name or "") for a in t.attribution)


# --- resolution -----------------------------------------------------------------------

def _m(lo: int | None, hi: int | None) -> Mention:
    return Mention(article_id="a", killed_low=lo, killed_high=hi)


def test_exact_figure_against_a_wider_range_is_flagged() -> None:
    out, flags = merge_counts([_m(11, 11), _m(9, None)])
    assert (out["killed_low"], out["killed_high"]) == (9, 11)
    assert flags == ["killed: reports differ (9-11)"]
    out, flags = merge_counts([_m(2, 2), _m(2, 3)])  # one report already carries both
    assert flags == ["killed: reports differ (2-3)"]
    assert merge_counts([_m(5, 5), _m(5, 5)])[1] == []
    assert merge_counts([_m(4, None), _m(6, None)])[1] == []  # two lower bounds agree


def test_victims_counted_are_not_sources() -> None:
    from strikewatch.extract.attribution import read_attribution

    got = [a for a, _, _ in read_attribution("Gunmen killed six people on the road, "
                                             "officials said.")]
    assert not [a for a in got if a.count == 6]
    assert any(a.kind == "official" for a in got)
    got = [a for a, _, _ in read_attribution("Three officials said the raid killed nine.")]
    assert any(a.count == 3 for a in got)


def test_toll_of_the_event_told_joins_it_and_a_revision_replaces() -> None:
    got = _run("A car bomb exploded outside a police station in the north on Friday. The "
               "army put the toll at seven; relatives say four men from the street are "
               "missing.")
    (m,) = _events(got)
    assert (m.killed_low, m.killed_high) == (7, 7)
    assert (m.missing_low, m.missing_high) == (4, 4)
    (m,) = _events(_run("A car bomb killed 20 people at a market on Friday. By Sunday the "
                        "death toll had risen to 35, officials said."))
    assert (m.killed_low, m.killed_high) == (35, 35)


def test_denial_names_who_denies() -> None:
    from strikewatch.extract.attribution import read_attribution

    got = [a for a, _, _ in read_attribution("Peru's interior ministry on Friday denied "
                                             "claims that a police post had been shelled.")]
    assert any("interior ministry" in (a.name or "") for a in got)

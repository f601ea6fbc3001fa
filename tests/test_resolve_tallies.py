"""Tallies are kept apart from incidents, deduplicated, and reconciled against the ledger."""

from __future__ import annotations

from typing import Any

from strikewatch.extract.components.regions import sea_regions
from strikewatch.records import Actor, Article, Mention, Place
from strikewatch.resolve import resolve
from strikewatch.resolve.merging import mention_order
from strikewatch.resolve.tallies import _same_claim, dedupe
from tests.test_resolve import PACIFIC, Desk


def _campaign() -> Desk:
    d = Desk()
    d.report("US forces hit a boat in the Caribbean on Monday, killing 3.", "2026-03-03",
             date="2026-03-02", killed_low=3, killed_high=3)
    d.report("A US strike on a Pacific vessel on Wednesday killed 4.", "2026-03-05",
             date="2026-03-04", place=PACIFIC, killed_low=4, killed_high=4)
    d.report("Two died when US aircraft struck a Caribbean speedboat on Friday.", "2026-03-07",
             date="2026-03-06", killed_low=2, killed_high=2)
    return d


def _tally(d: Desk, text: str, published: str, **fields: Any) -> None:
    """A tally mention of `text`, with the seas it names read as extraction reads them."""
    base: dict[str, Any] = dict(kind="tally", target_kind="vessel", domain="sea", place=None,
                                actor1=Actor(name="US military", country="US"),
                                period_low="2026-03-01",
                                regions=[p for p, _, _ in sea_regions(text, 0, len(text))])
    base.update(fields)
    d.report(text, published, **base)


def test_tallies_are_not_incidents_and_are_deduplicated() -> None:
    d = _campaign()
    _tally(d, "The US has conducted three strikes on drug boats since March 1, killing at least "
           "nine people.", "2026-03-08", strikes_low=3, strikes_high=3, killed_low=9)
    _tally(d, "Since the start of March, three American strikes on boats have killed at least "
           "nine, by one count.", "2026-03-09", strikes_low=3, strikes_high=3, killed_low=9)
    _tally(d, "Five strikes, 14 dead: the toll of the boat campaign since March 1.",
           "2026-03-09", strikes_low=5, strikes_high=5, killed_low=14, killed_high=14)
    incidents, tallies = resolve(d.mentions, d.articles)
    assert len(incidents) == 3 and all(i.killed_low != 9 for i in incidents)
    assert len(tallies) == 2
    three = next(t for t in tallies if t.strikes_low == 3)
    assert len(three.sources) == 2
    assert three.reconciliation.state == "consistent"
    assert three.reconciliation.ledger_incidents == 3
    assert three.reconciliation.ledger_killed_low == 9
    five = next(t for t in tallies if t.strikes_low == 5)
    assert five.reconciliation.state == "inconsistent"
    assert five.reconciliation.difference == 9 - 14  # deaths first: ledger 9, tally 14
    assert "strikes" in five.reconciliation.note


def test_region_period_and_actor_scope_the_reconciliation() -> None:
    d = _campaign()
    caribbean = Place(name="Caribbean", kind="sea", geo_precision=6)
    _tally(d, "Two strikes in the Caribbean this month have killed five.", "2026-03-08",
           place=caribbean, strikes_low=2, strikes_high=2, killed_low=5, killed_high=5)
    _tally(d, "Before March 5, the US had struck one boat, killing three.", "2026-03-08",
           period_high="2026-03-03", strikes_low=1, strikes_high=1, killed_low=3,
           killed_high=3)
    _tally(d, "Venezuela's forces have fired on ten boats this year.", "2026-03-08",
           actor1=Actor(name="Venezuelan forces", country="VE"), strikes_low=10,
           strikes_high=10)
    _tally(d, "Many people have died in the campaign, activists say.", "2026-03-08")
    _, tallies = resolve(d.mentions, d.articles)
    by = {t.strikes_low: t for t in tallies}
    assert by[2].reconciliation.state == "consistent"
    assert by[1].reconciliation.state == "consistent"
    assert by[1].reconciliation.ledger_incidents == 1
    assert by[10].reconciliation.state == "unknown"
    assert by[10].reconciliation.ledger_incidents == 0
    assert by[None].reconciliation.state == "unknown"
    assert "no strike or death figure" in by[None].reconciliation.note


def test_a_tally_over_two_seas_counts_both() -> None:
    d = _campaign()  # two Caribbean strikes, one in the Pacific
    caribbean = Place(name="Caribbean Sea", kind="sea", geo_precision=6)
    _tally(d, "So far, American forces have hit three boats in the Caribbean and the eastern "
           "Pacific, killing at least nine people.", "2026-03-08", place=caribbean,
           strikes_low=3, strikes_high=3, killed_low=9)
    _tally(d, "Two strikes on boats in the Caribbean have killed five people so far.",
           "2026-03-08", place=caribbean, strikes_low=2, strikes_high=2, killed_low=5)
    _, tallies = resolve(d.mentions, d.articles)
    by = {t.strikes_low: t.reconciliation for t in tallies}
    assert by[3].ledger_incidents == 3 and by[3].state == "consistent", by[3]
    assert "Pacific" in by[3].note
    assert by[2].ledger_incidents == 2 and by[2].state == "consistent", by[2]


def _dedupe_by_pairs(mentions: list[Mention], articles: dict[str, Article]) -> list[list[str]]:
    """The reference deduplication: join the first group whose every member is the same
    claim (_same_claim, pair by pair), in report order."""
    groups: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda m: mention_order(m, articles)):
        for g in groups:
            if all(_same_claim(m, x) for x in g):
                g.append(m)
                break
        else:
            groups.append([m])
    return [[m.id for m in g] for g in groups]


def test_indexed_reconciliation_and_dedupe_equal_their_plain_definitions() -> None:
    """resolve_tallies answers from an index of the ledger and dedupe from per-group sets;
    `reconcile`, which scans every incident, and a pair-by-pair deduplication are the
    references: both must give the same groups and every tally the same reconciliation."""
    from strikewatch.batch.archive import to_article
    from strikewatch.batch.synthetic import iter_synthetic
    from strikewatch.batch.worker import extract_chunk
    from strikewatch.resolve.tallies import reconcile, tally_regions
    from tests.resolve_set.evaluate import articles_of, gold_mentions, load_set

    data = load_set()
    gold, _ = gold_mentions(data)
    records = list(iter_synthetic(200, seed=4))
    rows = extract_chunk([(r, None) for r in records])
    cases = [
        (gold, articles_of(data)),
        ([Mention.model_validate_json(d) for _, _, _, d, e, _by in rows if e is None and d],
         {a.id: a for a in (to_article(r) for r in records)}),
    ]
    checked = set()
    merged = 0
    for mentions, articles in cases:
        by_id = {m.id: m for m in mentions}
        tally_mentions = [m for m in mentions if m.kind == "tally"]
        groups = _dedupe_by_pairs(tally_mentions, articles)
        assert [[m.id for m in g] for g in dedupe(tally_mentions, articles)] == groups
        merged += sum(len(g) > 1 for g in groups)
        incidents, tallies = resolve(mentions, articles)
        assert tallies
        for t in tallies:
            regions = tally_regions(t, [by_id[i] for i in t.mention_ids])
            expected = reconcile(t, incidents, regions)
            assert t.reconciliation is not None
            assert t.reconciliation.model_dump(exclude={"note"}) == expected.model_dump(
                exclude={"note"})
            assert t.reconciliation.note.startswith(expected.note)
            checked.add((t.reconciliation.state, t.reconciliation.ledger_incidents > 0))
    # the cases cover claims stated by several articles, and consistent, inconsistent and
    # out-of-scope tallies
    assert merged > 0
    assert {"consistent", "inconsistent", "unknown"} <= {state for state, _ in checked}


def test_a_tally_takes_what_was_hit_from_any_copy_of_its_claim() -> None:
    # the first copy does not say the strikes were on boats; the second does: the tally
    # counts boat strikes only, so a land strike by the same forces stays out of it
    d = _campaign()
    d.report("US forces struck a militant camp near Kismayo on Thursday, killing 4.",
             "2026-03-06", date="2026-03-05", target_kind="building", domain="land",
             place=Place(name="Kismayo", country="SO", kind="populated place",
                         geo_precision=2), killed_low=4, killed_high=4)
    _tally(d, "By our count the US has carried out three strikes since March 1, killing nine.",
           "2026-03-08", target_kind=None, domain=None, strikes_low=3, strikes_high=3,
           killed_low=9)
    _tally(d, "Three US strikes on drug boats since March 1 have killed nine, by one count.",
           "2026-03-09", strikes_low=3, strikes_high=3, killed_low=9)
    _, tallies = resolve(d.mentions, d.articles)
    assert len(tallies) == 1
    t = tallies[0]
    assert (t.target_kind, t.domain) == ("vessel", "sea")
    assert t.reconciliation.ledger_incidents == 3
    assert t.reconciliation.state == "consistent"

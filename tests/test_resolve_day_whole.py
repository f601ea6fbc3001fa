"""A day's operation told whole ("three strikes on four vessels killed 8") beside its strikes
told one by one (resolve/daywhole.py): one incident per strike, the whole report's article
a source of each, its summed toll no strike's; a toll the parts do not add up to links
nothing; the same ledger whatever order the articles come in. Mentions as an extractor
gives them, over sentences of our own wording (a wire lede, a per-boat blog, a Spanish
report, a later article telling the parts)."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path
from typing import Any

from strikewatch.records import Incident, Mention, Review
from strikewatch.resolve import ResolveState, counted, resolve, resolve_incremental
from tests.test_resolve import PACIFIC, Desk

DAY = "2025-12-15"
WIRE = ("U.S. forces struck three boats in the eastern Pacific on Monday, killing eight "
        "people aboard, Southern Command said.")
WIRE_ES = ("Estados Unidos lanzó el lunes tres ataques contra cuatro embarcaciones en el "
           "Pacífico oriental, con un saldo de ocho muertos, según el Comando Sur.")
BLOG = ("First boat: hit in the eastern Pacific on Monday, three men on board killed. "
        "Second boat: struck minutes later, two dead. "
        "Third boat: destroyed that afternoon, its crew of three killed.")
LATER = ("A day after Monday's operation in the eastern Pacific, officials gave the tolls "
         "boat by boat: three died on the first, two on the second, three on the third.")


def _whole(d: Desk, text: str, killed: int, strikes: int | None = 3,
           published: str = "2025-12-16", **kw: Any) -> Mention:
    return d.report(text, published, date=DAY, place=PACIFIC, killed_low=killed,
                    killed_high=killed, strikes_low=strikes, strikes_high=strikes, **kw)


def _blog(d: Desk, published: str = "2025-12-16") -> list[Mention]:
    first = d.report(BLOG, published, date=DAY, place=PACIFIC, killed_low=3, killed_high=3)
    sentences = BLOG.split(". ")
    return [first,
            d.add(first.article_id, sentences[1], date=DAY, place=PACIFIC, killed_low=2,
                  killed_high=2),
            d.add(first.article_id, sentences[2], date=DAY, place=PACIFIC, killed_low=3,
                  killed_high=3)]


def _split(d: Desk, text: str, tolls: list[int], published: str = "2025-12-17",
           day: str = DAY) -> list[Mention]:
    """A day's strikes another outlet told in order (extract day_strikes' ranks)."""
    first = d.report(text, published, date=day, place=PACIFIC, killed_low=tolls[0],
                     killed_high=tolls[0], series_rank=1, series_size=len(tolls),
                     series_killed=sum(tolls))
    out = [first]
    for rank, toll in enumerate(tolls[1:], start=2):
        m = Mention(**{**first.model_dump(exclude={"id"}), "killed_low": toll,
                       "killed_high": toll, "series_rank": rank,
                       "spans": [s.model_copy(update={"start": s.start + rank,
                                                      "end": s.end - rank})
                                 for s in first.spans]})
        d.mentions.append(m)
        out.append(m)
    return out


def _counted(incidents: list[Incident]) -> list[Incident]:
    return sorted((i for i in incidents if counted(i)), key=lambda i: i.killed_low or 0)


def _told_with(incidents: list[Incident], w: Mention) -> list[Incident]:
    return [i for i in incidents if w.id in i.told_whole_by]


def test_a_wire_lede_is_a_source_of_each_boat_a_blog_told() -> None:
    d = Desk()
    w = _whole(d, WIRE, 8)
    parts = _blog(d)
    incs = _counted(resolve(d.mentions, d.articles)[0])
    assert len(incs) == 3  # no incident of the day's eight beside the boats
    assert sorted(i.killed_low for i in incs) == [2, 3, 3]
    assert all(w.article_id in {s.article_id for s in i.sources} for i in incs)
    assert _told_with(incs, w) == incs
    assert {m for i in incs for m in i.mention_ids} == {m.id for m in parts}
    # the wire's sentence is each strike's evidence, under the new field
    assert all(i.provenance["told_whole_by"][0].text == WIRE for i in incs)


def test_a_spanish_whole_report_joins_strikes_another_outlet_split() -> None:
    d = Desk()
    w = _whole(d, WIRE_ES, 8, strikes=3)
    # the other outlet dated its strikes a day later (its own time zone)
    _split(d, LATER, [3, 2, 3], day="2025-12-16")
    incs = _counted(resolve(d.mentions, d.articles)[0])
    assert len(incs) == 3
    assert sorted(i.killed_low for i in incs) == [2, 3, 3]
    assert _told_with(incs, w) == incs


def test_a_whole_toll_the_parts_do_not_add_up_to_links_nothing() -> None:
    for killed in (11, 5):  # more than the boats' 3 + 2 + 3, and fewer
        d = Desk()
        w = _whole(d, WIRE.replace("eight", "eleven" if killed == 11 else "five"), killed)
        _blog(d)
        incs = _counted(resolve(d.mentions, d.articles)[0])
        assert not any(i.told_whole_by for i in incs)
        assert any(i.mention_ids == [w.id] for i in incs)


def test_a_strike_count_the_parts_do_not_match_links_nothing() -> None:
    d = Desk()
    w = _whole(d, WIRE.replace("three boats", "two boats"), 8, strikes=2)
    _blog(d)
    incs = _counted(resolve(d.mentions, d.articles)[0])
    assert not any(i.told_whole_by for i in incs)
    assert any(i.mention_ids == [w.id] for i in incs)


def test_a_whole_report_of_another_sea_links_nothing() -> None:
    from strikewatch.records import Place
    carib = Place(name="Caribbean Sea", kind="sea", geo_precision=6, latitude=15.0,
                  longitude=-73.0)
    d = Desk()
    w = d.report(WIRE.replace("eastern Pacific", "Caribbean"), "2025-12-16", date=DAY,
                 place=carib, killed_low=8, killed_high=8, strikes_low=3, strikes_high=3)
    _blog(d)
    incs = _counted(resolve(d.mentions, d.articles)[0])
    assert not _told_with(incs, w)


def test_a_review_naming_the_whole_report_leaves_it_alone() -> None:
    d = Desk()
    w = _whole(d, WIRE, 8)
    _blog(d)
    first = resolve(d.mentions, d.articles)[0]
    assert _told_with(_counted(first), w)
    review = Review(action="accept", incident_id="x", user="t", at="2026-12-07T00:00:00Z",
                    before={"mention_ids": [w.id]})
    incs = _counted(resolve(d.mentions, d.articles, [review])[0])
    assert not _told_with(incs, w)


def _ledger(incidents: list[Incident]) -> list[str]:
    return sorted(i.model_dump_json() for i in incidents)


def test_any_ingest_order_gives_the_same_ledger() -> None:
    d = Desk()
    _whole(d, WIRE, 8)
    _blog(d)
    _whole(d, WIRE_ES, 8, strikes=3, published="2025-12-17")
    want = _ledger(resolve(d.mentions, d.articles)[0])
    by_article: dict[str, list[Mention]] = {}
    for m in d.mentions:
        by_article.setdefault(m.article_id, []).append(m)
    for order in list(permutations(sorted(by_article)))[::5]:  # each article first, last
        state = ResolveState()
        for aid in order:  # the parts told in a later article, or first
            incs, _ = resolve_incremental(state, by_article[aid], {aid: d.articles[aid]})
        assert _ledger(incs) == want


def test_the_streamed_resolver_tells_the_day_as_the_in_memory_one(tmp_path: Path) -> None:
    from strikewatch import pipeline
    from strikewatch.store import IncidentQuery, open_store

    d = Desk()
    w = _whole(d, WIRE, 8)
    _blog(d)
    _whole(d, WIRE_ES, 8, strikes=3, published="2025-12-17")
    store = open_store(str(tmp_path / "s.db"))
    try:
        for aid, art in d.articles.items():
            store.add_article(art)
            store.replace_mentions(aid, [m for m in d.mentions if m.article_id == aid])
        pipeline.update_ledger(store, from_scratch=True)
        want = _ledger(store.incidents(IncidentQuery(limit=0)))
        assert _told_with(_counted(store.incidents(IncidentQuery(limit=0))), w)
        (tmp_path / "work").mkdir()
        pipeline.resolve_archive(store, workdir=tmp_path / "work")
        assert _ledger(store.incidents(IncidentQuery(limit=0))) == want
    finally:
        store.close()


ANNOUNCED = ("Two boats were hit in the eastern Pacific, killing five, and a third boat in the "
             "same waters, killing three, Southern Command said on Tuesday.")


def test_the_day_a_whole_report_gives_before_the_parts_told_day_dates_them() -> None:
    # the parts' outlet dated the strikes by the day they were announced (Tuesday); a
    # recap a week later names the day itself (Monday): the earlier day is the strikes'
    d = Desk()
    _split(d, ANNOUNCED, [3, 2, 3], published="2025-12-16", day="2025-12-16")
    w = _whole(d, WIRE, 8, published="2025-12-23")
    incs = _counted(resolve(d.mentions, d.articles)[0])
    assert len(incs) == 3 and _told_with(incs, w) == incs
    assert {(i.date_low, i.date_high) for i in incs} == {(DAY, DAY)}
    assert all(any("told the day whole" in f for f in i.flags) for i in incs)


def test_a_whole_report_a_day_after_the_parts_leaves_their_day() -> None:
    # the later day is no earlier telling of the strikes: the parts keep their own day
    d = Desk()
    _split(d, ANNOUNCED, [3, 2, 3], published="2025-12-16", day="2025-12-14")
    w = _whole(d, WIRE, 8, published="2025-12-23")
    incs = _counted(resolve(d.mentions, d.articles)[0])
    assert len(incs) == 3 and _told_with(incs, w) == incs
    assert {(i.date_low, i.date_high) for i in incs} == {("2025-12-14", "2025-12-14")}

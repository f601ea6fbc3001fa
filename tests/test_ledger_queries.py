"""The ledger's queries on a real SQLite and PostgreSQL store: place filters as users type
places, keyset paging, full-text search, and the totals the triggers keep (issue 17's
place filters, issue 19 item 2)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from strikewatch.ledger.counting import sum_killed
from strikewatch.ledger.filters import FilterError, LedgerFilter
from strikewatch.ledger.places import asked_for, filed_under
from strikewatch.ledger.write import record_review
from strikewatch.records import Actor, Incident, Place, Span
from strikewatch.store import BadCursor, IncidentQuery, page_cursor
from strikewatch.store.sql import SqlStore, alembic_config

SEA = {"kind": "sea", "geo_precision": 6}


def inc(iid: str, place: Place | None, **kw: Any) -> Incident:
    base: dict[str, Any] = {"event_type": "Explosions/Remote violence", "status": "occurred",
                            "date_low": "2025-10-01", "date_high": "2025-10-01",
                            "grade": "weak"}
    return Incident(id=iid, place=place, **{**base, **kw})


#: The issue's example: Caribbean incidents named five ways, three Pacific ones, a
#: boat "off Trinidad" (TT), one "off Tumaco" (Colombia's Pacific coast), and land places.
PLACES = {
    "carib-sea": Place(name="Caribbean Sea", latitude=15.0, longitude=-73.0, **SEA),
    "carib-untyped": Place(name="Caribbean Sea", latitude=14.9, longitude=-66.0),
    "carib-south": Place(name="southern Caribbean", latitude=12.3, longitude=-67.5, **SEA),
    "carib-off-ve": Place(name="Caribbean Sea off Venezuela", near_country="VE",
                          latitude=11.3, longitude=-66.5, **SEA),
    "carib-trinidad": Place(name="off Trinidad", near_country="TT", latitude=10.9,
                            longitude=-61.7, **SEA),
    "pac-ocean": Place(name="Pacific Ocean", latitude=0.0, longitude=-160.0, **SEA),
    "pac-east": Place(name="eastern Pacific", latitude=10.0, longitude=-95.0, **SEA),
    "pac-tumaco": Place(name="off Tumaco", near_country="CO", latitude=1.9,
                        longitude=-79.1, **SEA),
    "land-culiacan": Place(name="Culiacán", admin1="Sinaloa", country="MX",
                           kind="populated place", geo_precision=1),
    "land-narino": Place(name="Nariño", admin1="Nariño", country="CO", kind="admin area",
                         geo_precision=4),
}


def ids(store: SqlStore, **kw: Any) -> set[str]:
    return {i.id for i in store.incidents(IncidentQuery(limit=0, **kw))}


@pytest.fixture()
def places(store: SqlStore) -> SqlStore:
    store.replace_ledger([inc(k, p) for k, p in PLACES.items()], [])
    return store


@pytest.mark.parametrize("typed, expected", [
    ("Caribbean Sea", {"carib-sea", "carib-untyped", "carib-south", "carib-off-ve",
                       "carib-trinidad"}),
    ("caribbean", {"carib-sea", "carib-untyped", "carib-south", "carib-off-ve",
                       "carib-trinidad"}),
    ("Pacific Ocean", {"pac-ocean", "pac-east", "pac-tumaco"}),
    ("PACIFIC", {"pac-ocean", "pac-east", "pac-tumaco"}),
    ("Eastern Pacific", {"pac-east"}),
    ("southern Caribbean", {"carib-south"}),
    ("TT", {"carib-trinidad"}),
    ("tt", {"carib-trinidad"}),
    ("Trinidad and Tobago", {"carib-trinidad"}),
    ("CO", {"pac-tumaco", "land-narino"}),
    ("Colombia", {"pac-tumaco", "land-narino"}),
    ("Tumaco", {"pac-tumaco"}),
    ("off Tumaco", {"pac-tumaco"}),
    ("VE", {"carib-off-ve"}),
    ("Sinaloa", {"land-culiacan"}),
    ("CULIACAN", {"land-culiacan"}),
    ("narino", {"land-narino"}),
    ("Mexico", {"land-culiacan"}),
    ("Atlantis", set()),
])
def test_place_filters_understand_places_as_users_type_them(
        places: SqlStore, typed: str, expected: set[str]) -> None:
    assert ids(places, country=typed) == expected
    # the total agrees with the rows, whichever way it is computed (counts table or not)
    assert places.count_incidents(IncidentQuery(country=typed)) == len(expected)
    assert places.count_incidents(IncidentQuery(country=typed, date_from="2025-01-01")
                                  ) == len(expected)


def test_places_are_filed_from_the_gazetteers_own_seas_and_coasts() -> None:
    off_tumaco = filed_under(PLACES["pac-tumaco"])
    assert (off_tumaco.country, off_tumaco.sea) == ("CO", "pacific ocean")
    assert "tumaco" in off_tumaco.names
    assert filed_under(PLACES["carib-south"]).sea == "caribbean sea"
    # a country with two coasts: the one nearest the position
    caribbean_side = Place(name="off Colombia", near_country="CO", latitude=11.5,
                           longitude=-75.2, **SEA)
    assert filed_under(caribbean_side).sea == "caribbean sea"
    assert asked_for("Gulf of Mexico").sea == "gulf of mexico"
    assert asked_for("U.S.").country == "US"


def test_place_filters_read_an_index_not_the_table(places: SqlStore) -> None:
    if places.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's planner scans tables this small whatever the indexes")
    for typed in ("TT", "Caribbean", "Tumaco"):
        plan = " | ".join(places.plan(IncidentQuery(country=typed)))
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan
        assert "SCAN incidents" not in plan.replace("SCAN incidents_fts", ""), plan


def many(n: int, seed: int = 3) -> list[Incident]:
    """Incidents with many ties and unknown values in every sort column."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        day = rnd.choice([None, "2025-09-01", "2025-09-02", "2025-10-01"])
        low = rnd.choice([None, 0, 2, 2, 5])
        out.append(inc(f"m{i:03d}", rnd.choice(list(PLACES.values()) + [None]),
                       date_low=day, date_high=day, killed_low=low,
                       killed_high=None if low is None else low + rnd.choice([0, 3]),
                       grade=rnd.choice(["weak", "fair", "discounted"]),
                       status=rnd.choice(["occurred", "occurred", "planned"]),
                       background=rnd.random() < 0.1))
    return out


@pytest.mark.parametrize("sort", ["date_low", "-date_low", "killed_low", "-killed_high",
                                  "place_name", "-grade", "id"])
def test_cursor_pages_are_stable_under_ties_with_no_row_twice_or_skipped(
        store: SqlStore, sort: str) -> None:
    store.replace_ledger(many(60), [])
    for filters in ({}, {"grade": "weak"}, {"country": "Caribbean"}):
        whole = [i.id for i in store.incidents(IncidentQuery(sort=sort, limit=0, **filters))]
        walked: list[str] = []
        after = None
        while True:
            page = store.incidents(IncidentQuery(sort=sort, limit=7, after=after, **filters))
            walked += [i.id for i in page]
            if len(page) < 7:
                break
            after = page_cursor(page[-1], sort)
        assert walked == whole and len(set(walked)) == len(walked)
        by_offset = [i.id for o in range(0, len(whole) + 7, 7) for i in store.incidents(
            IncidentQuery(sort=sort, limit=7, offset=o, **filters))]
        assert by_offset == whole


def test_a_cursor_for_another_sort_or_garbage_is_refused(store: SqlStore) -> None:
    store.replace_ledger(many(5), [])
    first = store.incidents(IncidentQuery(sort="date_low", limit=2))
    cursor = page_cursor(first[-1], "date_low")
    with pytest.raises(BadCursor, match="made for sort 'date_low'"):
        store.incidents(IncidentQuery(sort="-killed_low", after=cursor))
    with pytest.raises(FilterError, match="not a page cursor"):
        LedgerFilter.parse({"after": "not-a-cursor!"})
    with pytest.raises(FilterError, match="offset: 900000 is past 10000.*after"):
        LedgerFilter.parse({"offset": "900000"})
    with pytest.raises(FilterError, match="after and offset"):
        LedgerFilter.parse({"offset": "5", "after": cursor})


def test_full_text_search_finds_word_beginnings_without_accents(store: SqlStore) -> None:
    store.replace_ledger([
        inc("a", PLACES["land-narino"], actor1=Actor(name="Colombian Army"),
            provenance={"killed": [Span(article_id="x", start=0, end=1,
                                        text="Three fishermen were killed near Tumaco")]}),
        inc("b", PLACES["carib-trinidad"], actor1=Actor(name="US Navy"),
            actor2=Actor(name="Tren de Aragua")),
        inc("c", PLACES["pac-east"], actor1=Actor(name="US Southern Command")),
    ], [])
    assert ids(store, text="fishermen") == {"a"}
    assert ids(store, text="fisher") == {"a"}  # the beginning of a word
    assert ids(store, text="NARIÑO") == ids(store, text="narino") == {"a"}
    assert ids(store, text="killed tumaco") == {"a"}  # every word
    assert ids(store, text="killed trinidad") == set()
    assert ids(store, actor="navy") == {"b"}
    assert ids(store, actor="arag") == {"b"}
    assert ids(store, actor="us") == {"b", "c"}
    assert ids(store, actor="southern command") == {"c"}
    assert ids(store, actor="fishermen") == set()  # actors only, not the evidence
    assert ids(store, text="%") == set()  # no word to search: nothing, not everything
    assert store.count_incidents(IncidentQuery(text="us", grade="weak")) == 2


def test_actor_and_word_search_fold_accents_on_both_sides(store: SqlStore) -> None:
    """A stored "Fuerza Aérea" and a stored "Fuerza Aerea" are both found by "aerea",
    "Aérea" or "AÉR" typed, on both engines (on PostgreSQL the actors were kept with
    their accents before migration 0015, so no typed word found an accented actor);
    the record itself keeps its accents."""
    store.replace_ledger([
        inc("fac", PLACES["land-narino"], actor1=Actor(name="Fuerza Aérea Colombiana")),
        inc("fam", PLACES["land-culiacan"], actor1=Actor(name="Fuerza Aerea Mexicana")),
        inc("navy", PLACES["pac-east"], actor1=Actor(name="US Navy")),
    ], [])
    for typed in ("aerea", "Aérea", "AÉREA", "aér", "fuerza AEREA"):
        assert ids(store, actor=typed) == {"fac", "fam"}, typed
        assert ids(store, text=typed) == {"fac", "fam"}, typed
        assert store.count_upto(IncidentQuery(actor=typed), 10) == (2, True), typed
    assert ids(store, actor="aérea colombiana") == {"fac"}
    shown = store.get_incident("fac")
    assert shown is not None and shown.actor1 is not None
    assert shown.actor1.name == "Fuerza Aérea Colombiana"


def recount(store: SqlStore, q: IncidentQuery) -> tuple[int, int, int | None, int]:
    """What the totals must be, summed in Python over every matching record."""
    rows = store.incidents(IncidentQuery(**{**q.__dict__, "limit": 0, "offset": 0}))
    s = sum_killed(rows)
    return len(rows), s.low, s.high, s.counted


QUERIES = [IncidentQuery(), IncidentQuery(status="occurred"), IncidentQuery(grade="weak"),
           IncidentQuery(country="Caribbean"), IncidentQuery(country="CO", grade="fair"),
           IncidentQuery(extra={"background": "false"}),
           IncidentQuery(event_type="Explosions/Remote violence", country="Pacific")]


def assert_totals_agree(store: SqlStore) -> None:
    for q in QUERIES:
        assert store.killed_totals(q) == recount(store, q), q
    with store.engine.connect() as conn:
        kept = conn.execute(sa.text("SELECT sum(n) FROM ledger_counts")).scalar()
        rows = conn.execute(sa.text("SELECT count(*) FROM incidents")).scalar()
    assert int(kept or 0) == rows


def test_kept_totals_agree_with_a_recount_through_every_write(store: SqlStore) -> None:
    ledger = many(40)
    store.replace_ledger(ledger, [])  # ingest
    assert_totals_agree(store)
    one = store.get_incident("m001")
    assert one is not None
    record_review(store, one, "ana", "edit", {"killed_low": "7", "killed_high": "9",
                                               "status": "occurred"})
    two = store.get_incident("m002")
    assert two is not None
    record_review(store, two, "ana", "reject", {}, "not a strike")
    assert_totals_agree(store)
    three = store.get_incident("m003")
    assert three is not None
    record_review(store, three, "ana", "merge", {"incident_ids": ["m004"]})
    assert_totals_agree(store)
    # a re-extraction changes some incidents and drops others
    changed = [i.model_copy(update={"killed_low": 1, "grade": "fair"}) if n % 3 == 0 else i
               for n, i in enumerate(store.incidents(IncidentQuery(limit=0)))]
    store.replace_ledger(changed[5:], [])
    assert_totals_agree(store)
    store.replace_ledger([], [])  # everything deleted
    assert_totals_agree(store)
    assert store.killed_totals(IncidentQuery()) == (0, 0, 0, 0)


@pytest.fixture()
def old_store(db_url: str) -> Iterator[SqlStore]:
    s = SqlStore(db_url)
    yield s
    s.close()


def test_migrations_backfill_an_existing_store(old_store: SqlStore) -> None:
    """A store written before 0010/0011 gets its place keys, text index and totals."""
    store = old_store
    store.replace_ledger([inc(k, p, actor1=Actor(name="US Navy")) for k, p in PLACES.items()]
                         + many(20), [])
    with store.engine.begin() as conn:
        cfg = alembic_config(conn)
        command.downgrade(cfg, "0009")
    with store.engine.begin() as conn:
        cfg = alembic_config(conn)
        command.upgrade(cfg, "head")
    assert ids(store, country="Caribbean Sea") >= {"carib-sea", "carib-south",
                                                   "carib-off-ve", "carib-trinidad"}
    assert ids(store, country="TT") >= {"carib-trinidad"}
    assert ids(store, country="Tumaco") >= {"pac-tumaco"}
    assert ids(store, actor="navy") == set(PLACES)
    assert_totals_agree(store)
    store.replace_ledger(many(20), [])  # and the triggers keep them from then on
    assert_totals_agree(store)


def test_both_plans_for_common_and_rare_matches_give_the_same_pages(
        store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """On SQLite a page starts from the matches when they are few and from the sort's index
    when they are many (sql_ledger.PROBE); both must read the same rows."""
    from strikewatch.store import sql_ledger

    ledger = [i.model_copy(update={"actor1": Actor(name=["US Navy", "Mexican Army"][n % 2]),
                                   "date_low": f"2025-0{1 + n % 9}-1{n % 10}",
                                   "date_high": f"2025-0{1 + n % 9}-1{n % 10}"})
              for n, i in enumerate(many(50))]
    store.replace_ledger(ledger, [])
    cases = [IncidentQuery(actor="navy", sort="-killed_low", limit=7),
             IncidentQuery(text="mexican", sort="date_low", limit=7),
             IncidentQuery(date_from="2025-03-01", date_to="2025-06-30", sort="-killed_low",
                           limit=7),
             IncidentQuery(date_from="2025-03-01", actor="army", sort="killed_high", limit=0)]
    few = [[i.id for i in store.incidents(q)] for q in cases]
    monkeypatch.setattr(sql_ledger, "PROBE", 1)
    for cost in (10**9, 0):  # each row against the list of matches, then against FTS5
        monkeypatch.setattr(sql_ledger, "ROW_TEST_COST", cost)
        assert [[i.id for i in store.incidents(q)] for q in cases] == few
        page = store.incidents(cases[0])
        after = IncidentQuery(**{**cases[0].__dict__, "after": page_cursor(page[-1],
                                                                           "-killed_low")})
        assert [i.id for i in store.incidents(after)] == [
            i.id for i in store.incidents(IncidentQuery(**{**cases[0].__dict__,
                                                            "offset": 7}))]
    assert all(few[:3]) and len(few[3]) > 0


def test_merging_the_text_index_after_a_large_write_keeps_every_match(
        store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite merges its FTS5 segments after a write of FTS_MERGE_AFTER incidents; the
    same searches must find the same incidents with and without the merge."""
    from strikewatch.store import sql_ledger

    ledger = [i.model_copy(update={"actor1": Actor(name=["US Navy", "Army"][n % 3 == 0])})
              for n, i in enumerate(many(40))]
    cases = [IncidentQuery(actor="navy", limit=0), IncidentQuery(text="arm", limit=0),
             IncidentQuery(text="navy", country="Caribbean", limit=0)]
    sqlite = store.engine.dialect.name == "sqlite"

    def fts_rows() -> int:  # SQLite: the FTS5 index's pages (fewer once merged)
        with store.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM incidents_fts_data")
                       .scalar_one()) if sqlite else 0

    store.replace_ledger(ledger[:20], [])
    store.replace_ledger(ledger, [])
    store.replace_ledger([i.model_copy(update={"killed_low": 98}) for i in ledger], [])
    unmerged, pages = [{i.id for i in store.incidents(q)} for q in cases], fts_rows()
    monkeypatch.setattr(sql_ledger, "FTS_MERGE_AFTER", 1)
    store.replace_ledger([i.model_copy(update={"killed_low": 99}) for i in ledger], [])
    assert [{i.id for i in store.incidents(q)} for q in cases] == unmerged
    assert all(unmerged) and [store.count_incidents(q) for q in cases] == [
        len(x) for x in unmerged]
    if sqlite:
        assert fts_rows() < pages
        with store.engine.begin() as conn:  # raises on a damaged index
            conn.exec_driver_sql(
                "INSERT INTO incidents_fts (incidents_fts) VALUES ('integrity-check')")


def test_counts_of_words_agree_with_the_rows_on_every_path(store: SqlStore) -> None:
    store.replace_ledger([i.model_copy(update={"actor1": Actor(name=["US Navy", "Army"][n % 2])})
                          for n, i in enumerate(many(30))], [])
    for q in (IncidentQuery(actor="navy"), IncidentQuery(text="army"),
              IncidentQuery(actor="navy", text="us navy"), IncidentQuery(text="navy army"),
              IncidentQuery(text="navy", date_from="2025-09-02"),
              IncidentQuery(actor="army", country="Caribbean")):
        rows = store.incidents(IncidentQuery(**{**q.__dict__, "limit": 0}))
        assert store.count_incidents(q) == len(rows), q
    assert store.count_incidents(IncidentQuery(actor="navy")) == 15


def test_a_capped_count_stops_past_the_cap_and_says_so(store: SqlStore) -> None:
    store.replace_ledger([i.model_copy(update={"actor1": Actor(name=["US Navy", "Army"][n % 2])})
                          for n, i in enumerate(many(30))], [])
    for q in (IncidentQuery(actor="navy"), IncidentQuery(text="navy"),
              IncidentQuery(text="navy", date_from="2025-09-02"),
              IncidentQuery(date_from="2025-09-02")):
        n = store.count_incidents(q)
        assert n > 4, q
        assert store.count_upto(q, 4) == (4, False), q
        assert store.count_upto(q, n) == (n, True), q
        assert store.count_upto(q, None) == (n, True), q
    # a total the ledger keeps is exact whatever the cap
    kept = IncidentQuery(grade="weak")
    assert store.count_upto(kept, 1) == (store.count_incidents(kept), True)
    assert store.count_incidents(kept) > 1


def test_postgres_full_text_conditions_use_the_gin_indexes(store: SqlStore) -> None:
    """The condition reads the stored vectors the GIN indexes are built on (migration
    0014), so PostgreSQL can answer it from them (seq scans off: a table this small would
    otherwise be scanned whatever the indexes)."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's GIN indexes")
    from strikewatch.store import schema as t
    from strikewatch.store.sql_ledger import _matches, _search

    navy = Place(name="Navy Yard", kind="populated place", geo_precision=1)
    store.replace_ledger(many(10) + [inc("n1", navy, actor1=Actor(name="US Navy"))], [])
    with store.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        for column, index in (("search_text", "ix_incidents_search_tsv"),
                              ("actors", "ix_incidents_actors_tsv")):
            navy_search = _search(conn, column, "navy")
            stmt = sa.select(t.incidents.c.id).where(_matches(conn, navy_search))
            sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
            plan = " ".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql))
            assert index in plan, plan


def test_a_search_split_into_too_many_words_is_refused_by_the_filter() -> None:
    """Words split at punctuation as the index splits them, so 20 hyphenated terms are 100
    words: refused with the filter's message (400 / exit 2), never a store error."""
    many_parts = " ".join(f"a{i}-b{i}-c{i}-d{i}-e{i}" for i in range(20))
    for field in ("q", "actor"):
        with pytest.raises(FilterError, match=f"{field}: 100 different words"):
            LedgerFilter.parse({field: many_parts})
    assert LedgerFilter.parse({"q": "al-Tabbaneh Nariño"}).q == "al-Tabbaneh Nariño"

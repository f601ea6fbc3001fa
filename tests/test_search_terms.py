"""Word search through the index's vocabulary (migration 0013, issue 19): on SQLite a
search word is written as the exact terms it begins, read from incidents_fts_terms, where
it was a prefix query. The results must be the prefix query's, on every page form; the
vocabulary must hold every term of the index after every kind of write; and on both
engines a search finds what "every word begins a word of the column" says."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strikewatch.ledger.write import record_review
from strikewatch.records import Actor, Incident, Span
from strikewatch.store import IncidentQuery, search_words, sql_ledger
from strikewatch.store.sql import SqlStore, alembic_config

#: Words with shared beginnings, accents, other scripts, "_" and digits: what the
#: vocabulary's expansion must treat exactly as FTS5's prefix query does.
WORDS = ["navy", "navys", "naval", "nav", "Navy-Seals", "fish", "fishermen", "fished", "us",
         "u", "usa", "army", "Ármy", "armÿ", "Ñavy", "foo_bar", "x1", "x10", "x1b", "漢字",
         "navy漢", "Nariño", "narino", "al-Tabbaneh", "ﬁsh", "İstanbul", "ǅemal"]
word = st.one_of(st.sampled_from(WORDS), st.text(alphabet="abnu1", min_size=1, max_size=4))
phrase = st.lists(word, min_size=1, max_size=4).map(" ".join)


def incident(iid: str, actors: list[str], sentence: str, killed: int | None) -> Incident:
    names = [Actor(name=a) for a in actors[:2]]
    return Incident(
        id=iid, event_type="Explosions/Remote violence", status="occurred", grade="weak",
        date_low="2025-10-01", date_high="2025-10-01", killed_low=killed,
        killed_high=killed, actor1=names[0] if names else None,
        actor2=names[1] if len(names) > 1 else None,
        provenance={"killed": [Span(article_id="a", start=0, end=1, text=sentence)]})


ledgers = st.lists(st.tuples(st.lists(phrase, max_size=2), phrase,
                             st.one_of(st.none(), st.integers(0, 5))),
                   min_size=1, max_size=12)


def ids(store: SqlStore, q: IncidentQuery) -> list[str]:
    return [i.id for i in store.incidents(q)]


@contextlib.contextmanager
def prefix_queries_only() -> Iterator[None]:
    """The store as it searched before 0013: every word a prefix query."""
    with mock.patch.object(sql_ledger, "terms_beginning", lambda *a: None):
        yield


def answers(store: SqlStore, q: IncidentQuery) -> tuple[Any, ...]:
    """All a query answers: every match, a page in killed order, the counts."""
    page = IncidentQuery(**{**q.__dict__, "sort": "-killed_low", "limit": 3})
    second = IncidentQuery(**{**page.__dict__, "offset": 2})
    return (sorted(ids(store, IncidentQuery(**{**q.__dict__, "limit": 0}))),
            ids(store, page), ids(store, second), store.count_upto(q, 2),
            store.count_incidents(q), store.killed_totals(q))


@pytest.fixture()
def sqlite_store(tmp_path: Path) -> Iterator[SqlStore]:
    s = SqlStore(f"sqlite:///{tmp_path / 'terms.db'}")
    yield s
    s.close()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ledger=ledgers, asks=st.lists(st.tuples(st.one_of(st.none(), phrase),
                                               st.one_of(st.none(), phrase)),
                                     min_size=1, max_size=4))
def test_exact_terms_answer_what_the_prefix_query_answered(
        sqlite_store: SqlStore, ledger: list[Any], asks: list[Any]) -> None:
    """Same store, same queries: the vocabulary's expansion against the prefix queries,
    under each page form (from the matches, each row against their list, each row against
    the index) and with few terms allowed per word (a mix of exact and prefix words). The
    store is reused across examples, so the vocabulary also holds terms of incidents
    rewritten or gone (stale terms must match nothing)."""
    store = sqlite_store
    store.replace_ledger([incident(f"i{n}", *row) for n, row in enumerate(ledger)], [])
    queries = [IncidentQuery(actor=a, text=q) for a, q in asks if a or q]
    # words typed as they are stored, so common ones are asked too
    queries.append(IncidentQuery(text=ledger[0][1]))
    with prefix_queries_only():
        before = [answers(store, q) for q in queries]
    forms = [{}, {"PROBE": 1, "ROW_TEST_COST": 0}, {"PROBE": 1, "ROW_TEST_COST": 10**9},
             {"EXPAND_UPTO": 1}, {"EXPAND_UPTO": 1, "PROBE": 1, "ROW_TEST_COST": 0}]
    for form in forms:
        with contextlib.ExitStack() as stack:
            for name, value in form.items():
                stack.enter_context(mock.patch.object(sql_ledger, name, value))
            assert [answers(store, q) for q in queries] == before, form


def vocabulary(store: SqlStore) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(the terms the index holds by column, the terms the vocabulary table holds)."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING "
                             "fts5vocab(main, incidents_fts, col)")
        index = {(c, t) for c, t in conn.exec_driver_sql("SELECT col, term FROM temp.v")}
        kept = {(c, t) for c, t in conn.exec_driver_sql(
            "SELECT col, term FROM incidents_fts_terms")}
        assert conn.exec_driver_sql("SELECT count(*) FROM incidents_fts_pending"
                                    ).scalar_one() == 0
    return index, kept


def test_the_vocabulary_holds_every_term_of_the_index_through_every_write(
        sqlite_store: SqlStore) -> None:
    store = sqlite_store
    ledger = [incident(f"i{n}", [w], f"{w} struck near Culiacán", n % 3)
              for n, w in enumerate(["US Navy", "Mexican Army", "Fuerza Aérea"])]
    store.replace_ledger(ledger, [])
    index, kept = vocabulary(store)
    assert ("actors", "aerea") in index and index == kept
    one = store.get_incident("i1")
    assert one is not None
    record_review(store, one, "ana", "edit", {"killed_low": "7", "killed_high": "9"})
    record_review(store, one, "ana", "merge", {"incident_ids": ["i2"]})
    index, kept = vocabulary(store)
    assert index <= kept
    store.replace_ledger([incident("i9", ["Guardia Costera"], "boat sunk", 1)], [])
    index, kept = vocabulary(store)
    assert ("actors", "costera") in index and index <= kept
    assert ("actors", "navy") in kept - index  # gone from the ledger, kept as a term
    assert ids(store, IncidentQuery(actor="navy", limit=0)) == []
    assert ids(store, IncidentQuery(actor="cost", limit=0)) == ["i9"]


def test_text_written_from_outside_the_store_is_found_before_its_terms_are_filed(
        sqlite_store: SqlStore) -> None:
    """A row written by another program fires the triggers but files no terms: readers
    see rows pending and use the prefix query; the store's next write files them."""
    store = sqlite_store
    store.replace_ledger([incident("a", ["US Navy"], "boat", 1)], [])
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO incidents (id, background, actors, search_text, data) VALUES "
            "('b', 0, 'Navystar Guard', 'navystar', '{\"id\": \"b\"}')")
        pending = conn.exec_driver_sql("SELECT count(*) FROM incidents_fts_pending")
        assert pending.scalar_one() == 1
        assert sql_ledger.terms_beginning(conn, "actors", "navy") is None
    assert store.count_incidents(IncidentQuery(actor="navy")) == 2
    assert ids(store, IncidentQuery(actor="navys", limit=0)) == ["b"]
    store.replace_ledger([incident("c", ["Army"], "boat", 1)], [])
    with store.engine.connect() as conn:
        assert sql_ledger.terms_beginning(conn, "actors", "navy") == ["navy", "navystar"]


def test_migration_fills_the_vocabulary_of_an_existing_store(sqlite_store: SqlStore) -> None:
    store = sqlite_store
    store.replace_ledger([incident(f"i{n}", [w], "crew killed", 1)
                          for n, w in enumerate(["US Navy", "Armada de Colombia"])], [])
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0012")
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert "incidents_fts_terms" not in tables
        conn.exec_driver_sql(  # written under 0012's triggers: in the index only
            "INSERT INTO incidents (id, background, actors, search_text, data) VALUES "
            "('i3', 0, 'Marina', 'marina boat', '{\"id\": \"i3\"}')")
    with store.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    index, kept = vocabulary(store)
    assert ("actors", "marina") in index and index == kept
    with store.engine.connect() as conn:
        assert sql_ledger.terms_beginning(conn, "actors", "arm") == ["armada"]
    assert ids(store, IncidentQuery(actor="mar", limit=0)) == ["i3"]


def test_a_short_prefix_with_many_terms_stays_a_prefix_query(sqlite_store: SqlStore) -> None:
    store = sqlite_store
    names = [f"a{n:03d}" for n in range(sql_ledger.EXPAND_UPTO + 1)]
    store.replace_ledger([incident(n, [n], "x", 1) for n in names], [])
    with store.engine.connect() as conn:
        assert sql_ledger.terms_beginning(conn, "actors", "a") is None  # too many
        assert sql_ledger.terms_beginning(conn, "actors", "a00") == names[:10]
        assert sql_ledger.terms_beginning(conn, "actors", "ñ") is None  # not plain
        assert sql_ledger.terms_beginning(conn, "actors", "zz") == []
    assert len(ids(store, IncidentQuery(actor="a", limit=0))) == len(names)
    assert ids(store, IncidentQuery(actor="zz", limit=0)) == []
    assert store.count_incidents(IncidentQuery(actor="zz")) == 0


def begins(text: str | None, words: list[str]) -> bool:
    """The search's rule, in Python: every word begins a word of the text."""
    have = re.findall(r"[a-z0-9]+", (text or "").lower())
    return all(any(h.startswith(w) for h in have) for w in words)


ascii_word = st.text(alphabet="abnsu19", min_size=1, max_size=4)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ledger=st.lists(st.tuples(st.lists(ascii_word, min_size=1, max_size=3).map(" ".join),
                                 st.lists(ascii_word, min_size=1, max_size=5).map(" ".join)),
                       min_size=1, max_size=10),
       asks=st.lists(st.lists(ascii_word, min_size=1, max_size=2).map(" ".join),
                     min_size=1, max_size=3))
def test_both_engines_find_what_the_rule_says(store: SqlStore, ledger: list[Any],
                                              asks: list[str]) -> None:
    """SQLite's expansion and PostgreSQL's GIN prefix query against the rule itself, on
    ASCII text (where the rule's split is the tokenizer's), pages and counts alike."""
    rows = [incident(f"i{n}", [a], s, n % 4) for n, (a, s) in enumerate(ledger)]
    store.replace_ledger(rows, [])
    for ask in asks:
        words = search_words(ask)
        for field, column in (("actor", 0), ("text", 1)):
            want = sorted(f"i{n}" for n, row in enumerate(ledger)
                          if begins(" ".join(row[:column + 1]), words))
            q = IncidentQuery(**{field: ask})
            assert sorted(ids(store, IncidentQuery(**{field: ask, "limit": 0}))) == want
            assert store.count_incidents(q) == len(want)
            page = ids(store, IncidentQuery(**{field: ask, "sort": "-killed_low", "limit": 2}))
            assert set(page) <= set(want) and len(page) == min(2, len(want))


# --- PostgreSQL: stored vectors and the same vocabulary (migration 0014) -----------------

@pytest.fixture()
def pg_store(pg_url: str) -> Iterator[SqlStore]:
    s = SqlStore(pg_url)
    yield s
    s.close()


@pytest.mark.postgres
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ledger=ledgers, asks=st.lists(st.tuples(st.one_of(st.none(), phrase),
                                               st.one_of(st.none(), phrase)),
                                     min_size=1, max_size=4))
def test_postgres_exact_terms_answer_what_the_prefix_query_answered(
        pg_store: SqlStore, ledger: list[Any], asks: list[Any]) -> None:
    """On PostgreSQL too a word becomes the exact terms it begins (`'navy' | 'navys'`);
    the answers must be the prefix query's (`'navy':*`), with few terms allowed per word
    as well, and the store reused so stale terms are in the vocabulary."""
    store = pg_store
    store.replace_ledger([incident(f"i{n}", *row) for n, row in enumerate(ledger)], [])
    queries = [IncidentQuery(actor=a, text=q) for a, q in asks if a or q]
    queries.append(IncidentQuery(text=ledger[0][1]))
    with prefix_queries_only():
        before = [answers(store, q) for q in queries]
    for form in ({}, {"EXPAND_UPTO": 1}):
        with contextlib.ExitStack() as stack:
            for name, value in form.items():
                stack.enter_context(mock.patch.object(sql_ledger, name, value))
            assert [answers(store, q) for q in queries] == before, form


def pg_vocabulary(store: SqlStore) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(the lexemes of the stored vectors by column, the terms the vocabulary holds)."""
    with store.engine.connect() as conn:
        index = {(c, t) for c, t in conn.exec_driver_sql(
            "SELECT 'search_text', v.lexeme FROM incidents, unnest(search_tsv) AS v UNION "
            "SELECT 'actors', v.lexeme FROM incidents, unnest(actors_tsv) AS v")}
        kept = {(c, t) for c, t in conn.exec_driver_sql(
            "SELECT col, term FROM incidents_fts_terms")}
    return index, kept


@pytest.mark.postgres
def test_postgres_vocabulary_holds_every_lexeme_through_every_write(
        pg_store: SqlStore) -> None:
    store = pg_store
    store.replace_ledger([incident(f"i{n}", [w], f"{w} struck near Culiacán", n % 3)
                          for n, w in enumerate(["US Navy", "Mexican Army", "Fuerza Aérea"])],
                         [])
    index, kept = pg_vocabulary(store)
    assert ("actors", "fuerza") in index and index == kept
    one = store.get_incident("i1")
    assert one is not None
    record_review(store, one, "ana", "edit", {"killed_low": "7", "killed_high": "9"})
    record_review(store, one, "ana", "merge", {"incident_ids": ["i2"]})
    index, kept = pg_vocabulary(store)
    assert index <= kept
    store.replace_ledger([incident("i9", ["Guardia Costera"], "boat sunk", 1)], [])
    index, kept = pg_vocabulary(store)
    assert ("actors", "costera") in index and index <= kept
    assert ("actors", "navy") in kept - index
    with store.engine.connect() as conn:
        assert sql_ledger.terms_beginning(conn, "actors", "cost") == ["costera"]
        assert sql_ledger.terms_beginning(conn, "actors", "zz") == []
    assert ids(store, IncidentQuery(actor="navy", limit=0)) == []
    assert ids(store, IncidentQuery(actor="cost", limit=0)) == ["i9"]
    assert ids(store, IncidentQuery(text="boat", actor="guardia", limit=0)) == ["i9"]


@pytest.mark.postgres
def test_postgres_migration_stores_the_vectors_and_terms_of_an_existing_store(
        pg_store: SqlStore) -> None:
    store = pg_store
    store.replace_ledger([incident("i1", ["US Navy"], "crew killed", 1)], [])
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0013")
        cols = {r[0] for r in conn.exec_driver_sql(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'incidents'")}
        assert "search_tsv" not in cols
        conn.exec_driver_sql(  # written before 0014: no vector, no term
            "INSERT INTO incidents (id, background, actors, search_text, data) VALUES "
            "('i3', false, 'Marina', 'marina boat', '{\"id\": \"i3\"}')")
    with store.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    index, kept = pg_vocabulary(store)
    assert ("actors", "marina") in index and index == kept
    assert ids(store, IncidentQuery(actor="mar", limit=0)) == ["i3"]
    assert ids(store, IncidentQuery(text="crew", limit=0)) == ["i1"]


# --- PostgreSQL: the incidents each term is kept with (migration 0016) ---------------------

def kept_counts(store: SqlStore) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """(the incidents holding each lexeme, recounted from the stored vectors; the counts
    the vocabulary keeps, terms held by no incident left out)."""
    with store.engine.connect() as conn:
        recount = {(c, t): n for c, t, n in conn.exec_driver_sql(
            "SELECT col, term, count(*) FROM ("
            "SELECT 'search_text' AS col, v.lexeme AS term FROM incidents, unnest(search_tsv) AS v "
            "UNION ALL SELECT 'actors', v.lexeme FROM incidents, unnest(actors_tsv) AS v"
            ") AS t GROUP BY col, term")}
        kept = {(c, t): n for c, t, n in conn.exec_driver_sql(
            "SELECT col, term, n FROM incidents_fts_terms WHERE n <> 0")}
    return recount, kept


@pytest.mark.postgres
def test_postgres_kept_term_counts_agree_with_a_recount_through_every_write(
        pg_store: SqlStore) -> None:
    store = pg_store
    store.replace_ledger([incident(f"i{n}", [w, "US Navy"], f"{w} boat struck", n % 3)
                          for n, w in enumerate(["Navy Seals", "Mexican Army", "Fuerza Aérea",
                                                 "Navy", "Marina"])], [])
    recount, kept = kept_counts(store)
    assert kept == recount and kept[("actors", "navy")] == 5 and recount[("actors", "seals")] == 1
    one = store.get_incident("i1")
    assert one is not None
    record_review(store, one, "ana", "edit", {"killed_low": "7", "killed_high": "9"})
    record_review(store, one, "ana", "merge", {"incident_ids": ["i2"]})
    assert kept_counts(store)[1] == kept_counts(store)[0]
    changed = [i.model_copy(update={"actor2": Actor(name="Guardia Costera")}) if n % 2 else i
               for n, i in enumerate(store.incidents(IncidentQuery(limit=0)))]
    store.replace_ledger(changed[1:], [])  # some rewritten, one gone
    recount, kept = kept_counts(store)
    assert kept == recount and ("actors", "costera") in kept
    store.replace_ledger([], [])
    assert kept_counts(store) == ({}, {})
    store.replace_ledger(changed, [])
    with store.engine.begin() as conn:  # by hand, as an administrator might
        conn.exec_driver_sql("TRUNCATE incidents CASCADE")
    assert kept_counts(store) == ({}, {})
    with store.engine.connect() as conn:  # none below zero
        assert conn.exec_driver_sql("SELECT count(*) FROM incidents_fts_terms WHERE n < 0"
                                    ).scalar_one() == 0


@pytest.mark.postgres
def test_postgres_a_word_alone_is_counted_from_its_kept_terms(pg_store: SqlStore) -> None:
    """A word of one term is counted by its kept count; a word past the cap on one term
    says "more than the cap"; with another filter, or several words, the rows are
    counted. Shown by a kept count set apart from the rows: only a count read from it
    can answer 50."""
    store = pg_store
    store.replace_ledger([incident(f"i{n}", ["US Navy" if n < 4 else "Navys Guard"],
                                   "boat struck", n) for n in range(6)], [])
    assert store.count_upto(IncidentQuery(actor="navy"), 3) == (3, False)  # navy, navys
    assert store.count_upto(IncidentQuery(actor="navy"), None) == (6, True)  # counted
    assert store.count_upto(IncidentQuery(actor="guard"), None) == (2, True)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE incidents_fts_terms SET n = 50 "
                             "WHERE col = 'actors' AND term = 'guard'")
    assert store.count_upto(IncidentQuery(actor="guard"), None) == (50, True)
    assert store.count_upto(IncidentQuery(actor="guard"), 10) == (10, False)
    assert store.count_upto(IncidentQuery(actor="guard", grade="weak"), 10) == (2, True)
    assert store.count_upto(IncidentQuery(actor="navys guard"), 10) == (2, True)


@pytest.mark.postgres
def test_postgres_counts_written_from_outside_the_store_are_read_before_they_are_folded(
        pg_store: SqlStore) -> None:
    """Rows written by another program leave their term counts as deltas; readers add
    them, and the store's next write folds them into the vocabulary."""
    store = pg_store
    store.replace_ledger([incident("a", ["Coast Guard"], "boat", 1)], [])
    with store.engine.begin() as conn:
        for iid in ("b", "c"):
            conn.exec_driver_sql(
                "INSERT INTO incidents (id, background, actors, search_text, data) VALUES "
                "(%(id)s, false, 'Coast Guard', 'guard', '{}')", {"id": iid})
        assert conn.exec_driver_sql("SELECT count(*) FROM incidents_fts_term_deltas"
                                    ).scalar_one() > 0
    assert store.count_upto(IncidentQuery(actor="coast"), None) == (3, True)
    assert store.count_upto(IncidentQuery(actor="coast"), 2) == (2, False)
    store.replace_ledger([incident("d", ["Army"], "boat", 1)], [])  # drops a, b, c
    recount, kept = kept_counts(store)
    assert kept == recount and ("actors", "coast") not in kept
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM incidents_fts_term_deltas"
                                    ).scalar_one() == 0
    assert store.count_upto(IncidentQuery(actor="coast"), None) == (0, True)


@pytest.mark.postgres
def test_postgres_migrations_fold_actors_and_count_terms_of_an_existing_store(
        pg_store: SqlStore) -> None:
    """A store written before 0015/0016 (actors kept with their accents, no counts):
    upgraded, an accented actor is found however it is typed, and every term counted."""
    store = pg_store
    store.replace_ledger([incident("i1", ["Fuerza Aérea"], "strike", 1),
                          incident("i2", ["US Navy"], "strike", 2)], [])
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0014")
        conn.exec_driver_sql(  # as the store wrote it before 0015
            "UPDATE incidents SET actors = 'Fuerza Aérea' WHERE id = 'i1'")
    assert ids(store, IncidentQuery(actor="aerea", limit=0)) == []
    with store.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    for typed in ("aerea", "Aérea", "AÉR"):
        assert ids(store, IncidentQuery(actor=typed, limit=0)) == ["i1"], typed
    recount, kept = kept_counts(store)
    assert kept == recount and kept[("actors", "aerea")] == 1
    assert store.get_incident("i1").actor1.name == "Fuerza Aérea"  # type: ignore[union-attr]

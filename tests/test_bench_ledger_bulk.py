"""bench/ledger_bulk.py writes the ledger replace_ledger writes — every row, the full-text
rows and vocabulary, ledger_counts, the indexes and triggers — on SQLite and on a real
PostgreSQL, so bench/api.py's 1M figures are measured on the store the product builds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bench.api import synthetic
from bench.ledger_bulk import bulk_write, check, ledger_rows
from strikewatch.store import IncidentQuery
from strikewatch.store.sql import SqlStore
from tests.pg import create_database, drop_database

N = 600


@pytest.fixture(params=[pytest.param("sqlite", id="sqlite"),
                        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[SqlStore,
                                                                                 SqlStore]]:
    if request.param == "sqlite":
        urls = [f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"]
        admin = None
    else:
        admin = str(request.getfixturevalue("pg_admin_url"))
        urls = [create_database(admin), create_database(admin)]
    stores = (SqlStore(urls[0]), SqlStore(urls[1]))
    try:
        yield stores
    finally:
        for s in stores:
            s.close()
        if admin is not None:
            for u in urls:
                drop_database(admin, u)


def test_bulk_write_stores_what_replace_ledger_stores(
        two_stores: tuple[SqlStore, SqlStore]) -> None:
    by_store, by_bulk = two_stores
    assert check(by_store, by_bulk, lambda: synthetic(N)) == []
    # and the bulk store answers the ledger's queries as the other does: its indexes,
    # full-text rows, vocabulary and kept totals are live
    for q in (IncidentQuery(text="fishermen", limit=20), IncidentQuery(actor="navy"),
              IncidentQuery(country="Caribbean", grade="weak", sort="-killed_low"),
              IncidentQuery(text="fish", date_from="2024-01-01", date_to="2024-03-31")):
        assert [i.id for i in by_bulk.incidents(q)] == [i.id for i in by_store.incidents(q)]
        assert by_bulk.count_upto(q, 50) == by_store.count_upto(q, 50)
        assert by_bulk.killed_totals(q) == by_store.killed_totals(q)
    assert by_bulk.count_incidents(IncidentQuery(text="fishermen")) > 0
    # the triggers are back: a later ledger write keeps the bulk store's counts and text
    more = list(synthetic(N + 50))[N:]
    by_store.replace_ledger(list(synthetic(N)) + more, [])
    by_bulk.replace_ledger(list(synthetic(N)) + more, [])
    assert ledger_rows(by_bulk) == ledger_rows(by_store)


def test_the_check_sees_a_row_that_differs(two_stores: tuple[SqlStore, SqlStore]) -> None:
    by_store, by_bulk = two_stores
    by_store.replace_ledger(synthetic(50), [])
    bulk_write(by_bulk, synthetic(50))
    assert ledger_rows(by_bulk) == ledger_rows(by_store)
    with by_bulk.engine.begin() as conn:
        conn.execute(sa.text("UPDATE ledger_counts SET n = n + 1 WHERE grade = 'weak'"))
    assert ledger_rows(by_bulk)["ledger_counts"] != ledger_rows(by_store)["ledger_counts"]


def test_bulk_write_refuses_a_store_with_a_ledger(tmp_path: Path) -> None:
    store = SqlStore(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        store.replace_ledger(synthetic(3), [])
        with pytest.raises(SystemExit, match="empty ledger"):
            bulk_write(store, synthetic(3))
        assert store.count_incidents(IncidentQuery()) == 3
    finally:
        store.close()

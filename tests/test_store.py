"""The store over a real SQLite file and the real PostgreSQL test server (tests/pg.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from strikewatch.errors import StoreError
from strikewatch.records import (
    Actor,
    Article,
    Incident,
    Mention,
    Place,
    Review,
    Source,
    Span,
    Tally,
)
from strikewatch.store import IncidentQuery, database_url, open_store
from strikewatch.store.schema import include_object, metadata
from strikewatch.store.sql import SqlStore


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    if request.param == "sqlite":
        s = open_store(str(tmp_path / "ledger.db"))
    else:
        # A fresh database on the session's real PostgreSQL server (tests/pg.py), opened
        # through the same open_store and Alembic migrations as production.
        s = open_store(request.getfixturevalue("pg_url"))
    assert isinstance(s, SqlStore)
    yield s
    s.close()


def incident(
    iid: str,
    *,
    date: str | None = "2025-09-02",
    date_high: str | None = None,
    place: Place | None = None,
    killed: tuple[int | None, int | None] = (None, None),
    **kw: object,
) -> Incident:
    return Incident(
        id=iid, date_low=date, date_high=date_high or date, place=place,
        killed_low=killed[0], killed_high=killed[1], **kw,
    )


def test_database_url_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STRIKEWATCH_DB", raising=False)
    assert database_url(None) == "sqlite:///strikewatch.db"
    assert database_url("x/y.db") == "sqlite:///x/y.db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("STRIKEWATCH_DB", "/tmp/env.db")
    assert database_url(None) == "sqlite:////tmp/env.db"
    assert database_url("given.db") == "sqlite:///given.db"


def test_open_creates_file_with_schema_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "sub.db"
    s = open_store(str(path))
    s.add_article(Article(text="A strike was reported."))
    assert isinstance(s, SqlStore)
    s.close()
    assert path.exists()
    tables = {r[0] for r in sqlite3.connect(path).execute(
        "select name from sqlite_master where type='table'")}
    assert {"articles", "mentions", "incidents", "tallies", "reviews", "users",
            "alembic_version"} <= tables
    s2 = open_store(str(path))  # second open: migration is a no-op, data kept
    assert s2.count_articles() == 1
    assert isinstance(s2, SqlStore)
    s2.close()


def test_migration_matches_table_metadata(db_url: str) -> None:
    """The Alembic migration and schema.py describe the same tables (no drift), on both."""
    s = open_store(db_url)
    assert isinstance(s, SqlStore)
    with s.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"include_object": include_object}), metadata)
    s.close()
    assert diff == []


def test_article_ids_are_content_derived_and_readding_does_nothing(store: SqlStore) -> None:
    a = Article(url="https://example.org/one", title="One", publisher="Example",
                published="2025-09-03", text="Three people were killed in a strike.")
    stored, new = store.add_article(a)
    assert new and stored.id == a.content_hash[:16]
    again, new2 = store.add_article(Article(**a.model_dump(exclude={"id"})))
    assert not new2 and again.id == stored.id
    assert store.count_articles() == 1
    got = store.get_article(stored.id)
    assert got is not None
    assert (got.url, got.title, got.publisher, got.published) == (
        a.url, a.title, a.publisher, a.published)
    assert got.text == a.text and got.ingested_at


def test_same_url_or_same_text_is_stored_once(store: SqlStore) -> None:
    first, _ = store.add_article(Article(url="https://News.example/a#top", text="Version one."))
    dup_url, new = store.add_article(Article(url="https://news.example/a", text="Version two."))
    assert not new and dup_url.id == first.id
    # same text modulo whitespace, different URL
    dup_text, new = store.add_article(Article(url="https://other.example/b",
                                              text="  Version   one.\n"))
    assert not new and dup_text.id == first.id
    assert store.count_articles() == 1
    _, new = store.add_article(Article(text="A different report."))
    assert new and store.count_articles() == 2
    assert store.find_article(url="https://news.example/a") is not None
    assert store.find_article(text="Nothing like this") is None


def test_extra_article_fields_round_trip(store: SqlStore) -> None:
    a = Article(text="Reported at sea.", feed="https://feeds.example/rss")
    stored, _ = store.add_article(a, signature=b"\x01\x02")
    got = store.get_article(stored.id)
    assert got is not None and got.model_dump().get("feed") == "https://feeds.example/rss"
    assert list(store.signatures()) == [(stored.id, stored.origin_id, b"\x01\x02")]


def test_articles_listing_pages_in_ingest_order(store: SqlStore) -> None:
    ids = [store.add_article(Article(text=f"Report number {i}."))[0].id for i in range(7)]
    assert [a.id for a in store.articles()] == ids
    assert [a.id for a in store.articles(limit=3, offset=2)] == ids[2:5]
    assert store.count_origins() == 7


def test_replace_mentions_is_idempotent_and_marks_extracted(store: SqlStore) -> None:
    art, _ = store.add_article(Article(text="Two boats were struck. Four died."))
    assert store.unextracted_article_ids() == [art.id]
    ms = [
        Mention(article_id=art.id, spans=[Span(article_id=art.id, start=0, end=22)],
                killed_low=4, place=Place(name="Pacific Ocean", geo_precision=6)),
        Mention(article_id=art.id, kind="tally",
                spans=[Span(article_id=art.id, start=23, end=33)]),
    ]
    store.replace_mentions(art.id, ms)
    store.replace_mentions(art.id, ms)
    got = list(store.mentions(art.id))
    assert [m.id for m in got] == [m.id for m in ms]
    assert got[0].place is not None and got[0].place.name == "Pacific Ocean"
    assert store.count_mentions() == 2
    assert store.unextracted_article_ids() == []
    store.replace_mentions(art.id, ms[:1])
    assert [m.id for m in store.mentions()] == [ms[0].id]


def test_resolve_articles_reads_resolution_fields_and_text_only_where_asked(
    store: SqlStore,
) -> None:
    a, _ = store.add_article(Article(text="A strike at sea.", url="https://news.example/a",
                                     publisher="Wire", published="2025-09-02",
                                     feed="https://feeds.example/rss"))
    b, _ = store.add_article(Article(text="Nine strikes since September."))
    got = store.resolve_articles([a.id, b.id, "missing"], with_text=[b.id])
    assert set(got) == {a.id, b.id}
    full = store.get_articles([a.id, b.id])
    for aid in (a.id, b.id):
        for f in ("url", "publisher", "published", "origin_id", "content_hash", "title"):
            assert getattr(got[aid], f) == getattr(full[aid], f), (aid, f)
    assert got[a.id].text == "" and got[b.id].text == "Nine strikes since September."


def test_mentions_read_back_equal_to_what_was_stored(store: SqlStore) -> None:
    art, _ = store.add_article(Article(text="Two boats were struck. Four died."))
    ms = [Mention(article_id=art.id, spans=[Span(article_id=art.id, start=0, end=22)],
                  killed_low=4, killed_high=4, date_low="2025-09-02", hedges=["reportedly"],
                  place=Place(name="Pacific Ocean", geo_precision=6, latitude=1.5,
                              longitude=-120.25))]
    store.replace_mentions(art.id, ms)
    assert list(store.mentions()) == ms
    assert store.get_mentions([ms[0].id]) == ms


def test_replace_mentions_rejects_bad_input_without_partial_write(store: SqlStore) -> None:
    art, _ = store.add_article(Article(text="A strike."))
    good = Mention(article_id=art.id, spans=[Span(article_id=art.id, start=0, end=9)])
    store.replace_mentions(art.id, [good])
    with pytest.raises(ValueError, match="duplicate mention ids"):
        store.replace_mentions(art.id, [good, good])
    with pytest.raises(KeyError):
        store.replace_mentions("nosuch", [])
    assert [m.id for m in store.mentions(art.id)] == [good.id]


def test_replace_ledger_is_one_transaction(store: SqlStore) -> None:
    store.replace_ledger([incident("a"), incident("b")], [Tally(id="t1", killed_low=65)])
    with pytest.raises(ValueError):
        store.replace_ledger([incident("c"), incident("c")], [])
    assert sorted(i.id for i in store.incidents()) == ["a", "b"]  # old ledger intact
    store.replace_ledger([incident("c")], [])
    assert [i.id for i in store.incidents()] == ["c"]
    assert store.tallies() == []


def test_ledger_round_trips_nested_data(store: SqlStore) -> None:
    art, _ = store.add_article(Article(text="Six killed off the coast."))
    inc = incident(
        "x1", place=Place(name="Caribbean Sea", kind="sea", geo_precision=6, latitude=15.0,
                          longitude=-73.0),
        killed=(6, 6), actor1=Actor(name="US military", country="US"),
        sources=[Source(article_id=art.id, url=None, publisher="Wire")],
        provenance={"killed": [Span(article_id=art.id, start=0, end=10, text="Six killed")]},
        flags=["killed_disagree"], grade="fair",
    )
    tally = Tally(id="t9", period_low="2025-09-01", killed_low=65, strikes_low=16)
    store.replace_ledger([inc], [tally])
    got = store.get_incident("x1")
    assert got == inc
    assert store.get_incident("missing") is None
    assert store.tallies() == [tally]


@pytest.fixture
def ledger(store: SqlStore) -> SqlStore:
    sea = Place(name="Caribbean Sea", kind="sea", geo_precision=6)
    pac = Place(name="Eastern Pacific", kind="sea", geo_precision=6)
    mx = Place(name="Culiacan", country="MX", admin1="Sinaloa", geo_precision=1)
    store.replace_ledger(
        [
            incident("i1", date="2025-09-02", place=sea, killed=(11, 11), grade="fair",
                     event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                     target_kind="vessel", actor1=Actor(name="United States military")),
            incident("i2", date="2025-09-15", place=sea, killed=(3, 3), grade="weak",
                     event_type="Explosions/Remote violence", target_kind="vessel",
                     actor1=Actor(name="US Southern Command")),
            incident("i3", date="2025-10-01", date_high="2025-10-31", place=pac,
                     killed=(2, 4), grade="contested",
                     event_type="Explosions/Remote violence",
                     provenance={"killed": [Span(article_id="a", start=0, end=5,
                                                 text="two to four smugglers")]}),
            incident("i4", date="2025-11-05", place=mx, status="planned", grade="confirmed",
                     event_type="Strategic developments", actor1=Actor(name="CIA"),
                     actor2=Actor(name="Sinaloa Cartel")),
            incident("i5", date=None, place=None, grade="weak", background=True),
        ],
        [],
    )
    return store


def ids(store: SqlStore, **kw: object) -> list[str]:
    return [i.id for i in store.incidents(IncidentQuery(**kw))]  # type: ignore[arg-type]


def test_query_filters(ledger: SqlStore) -> None:
    assert ids(ledger, date_from="2025-09-10") == ["i2", "i3", "i4"]
    assert ids(ledger, date_to="2025-09-30") == ["i1", "i2"]
    # an interval overlapping the window counts
    assert ids(ledger, date_from="2025-10-20", date_to="2025-10-25") == ["i3"]
    assert ids(ledger, country="MX") == ["i4"]
    assert ids(ledger, country="caribbean sea") == ["i1", "i2"]
    assert ids(ledger, status="planned") == ["i4"]
    assert ids(ledger, grade="weak") == ["i2", "i5"]
    assert ids(ledger, event_type="Strategic developments") == ["i4"]
    assert ids(ledger, actor="southern") == ["i2"]
    assert ids(ledger, actor="cartel") == ["i4"]
    assert ids(ledger, text="smugglers") == ["i3"]
    assert ids(ledger, text="sinaloa culiacan") == ["i4"]
    assert ids(ledger, actor="%") == []  # LIKE wildcards are literal
    assert ids(ledger, extra={"target_kind": "vessel"}) == ["i1", "i2"]
    assert ids(ledger, extra={"min_killed": "3"}) == ["i1", "i2"]
    assert ids(ledger, extra={"background": "true"}) == ["i5"]
    assert ids(ledger, extra={"sub_event_type": "Air/drone strike"}) == ["i1"]
    assert ledger.count_incidents(IncidentQuery(country="Caribbean Sea", grade="fair")) == 1
    with pytest.raises(ValueError, match="unknown incident filter"):
        ids(ledger, extra={"nope": "1"})


def test_query_sort_and_pagination(ledger: SqlStore) -> None:
    assert ids(ledger) == ["i1", "i2", "i3", "i4", "i5"]  # unknown dates last
    assert ids(ledger, sort="-date_low") == ["i4", "i3", "i2", "i1", "i5"]
    assert ids(ledger, sort="-killed_high") == ["i1", "i3", "i2", "i4", "i5"]
    assert ids(ledger, limit=2) == ["i1", "i2"]
    assert ids(ledger, limit=2, offset=2) == ["i3", "i4"]
    assert ids(ledger, limit=2, offset=4) == ["i5"]
    assert ledger.count_incidents(IncidentQuery(limit=1)) == 5  # count ignores paging
    with pytest.raises(ValueError, match="cannot sort"):
        ids(ledger, sort="data; drop table incidents")


def test_reviews_survive_ledger_replacement(store: SqlStore) -> None:
    store.replace_ledger([incident("i1")], [])
    r1 = Review(action="edit", incident_id="i1", user="ana", at="2025-11-20T10:00:00+00:00",
                after={"killed_low": 4}, note="per correction")
    r2 = Review(action="reject", incident_id="i2", user="bo", at="2025-11-20T09:00:00+00:00")
    store.add_review(r1)
    store.add_review(r1)  # same review twice is stored once
    store.add_review(r2)
    store.replace_ledger([], [])
    assert store.reviews() == [r2, r1]  # by time
    assert store.reviews("i1") == [r1]


def test_users(store: SqlStore) -> None:
    store.add_user("ana", "hash1", "editor")
    store.add_user("bo", "hash2", "viewer")
    first = store.get_user("ana")
    assert first is not None and first["role"] == "editor" and first["created_at"]
    store.add_user("ana", "hash3", "admin")  # replace keeps created_at
    again = store.get_user("ana")
    assert again is not None
    assert (again["password_hash"], again["role"]) == ("hash3", "admin")
    assert again["created_at"] == first["created_at"]
    assert [u["username"] for u in store.users()] == ["ana", "bo"]
    assert store.get_user("nobody") is None
    with pytest.raises(ValueError, match="role"):
        store.add_user("cy", "h", "root")
    assert store.delete_user("bo") and not store.delete_user("bo")


T0, T1, T2, T9 = ("2026-01-01T00:00:00.000000+00:00", "2026-01-01T01:00:00.000000+00:00",
                  "2026-01-01T02:00:00.000000+00:00", "2026-01-01T09:00:00.000000+00:00")


def test_sessions_rows_and_what_ends_them(store: SqlStore) -> None:
    """The store's half of sessions: rows keyed by the token's hash, joined with the user's
    current role; a new role or password, or deleting the user, ends them in the same
    write; re-saving a user unchanged does not; expired rows are dropped on the next add."""
    store.add_user("ana", "hash1", "viewer")
    store.add_user("bo", "hash2", "editor")
    store.add_session("s-ana-1", "ana", T0, T9, "10.0.0.1")
    store.add_session("s-ana-2", "ana", T0, T9, None)
    store.add_session("s-bo", "bo", T0, T9, "10.0.0.2")
    row = store.get_session("s-ana-1")
    assert row is not None
    assert (row["username"], row["role"], row["last_seen_at"], row["revoked_at"],
            row["client"]) == ("ana", "viewer", T0, None, "10.0.0.1")
    assert store.get_session("no-such") is None
    assert store.touch_session("s-ana-1", T1)
    assert store.touch_session("s-ana-1", T0)  # an older time does not move it back
    assert store.get_session("s-ana-1")["last_seen_at"] == T1  # type: ignore[index]
    store.add_user("ana", "hash1", "viewer")  # saved again, unchanged: sessions kept
    assert [s["revoked_at"] for s in store.sessions("ana")] == [None, None]
    store.add_user("ana", "hash1", "editor")  # a new role: all her sessions end
    assert all(s["revoked_at"] for s in store.sessions("ana"))
    assert store.get_session("s-bo")["revoked_at"] is None  # type: ignore[index]
    assert store.revoke_session("s-bo", T1) and not store.revoke_session("s-bo", T2)
    store.add_session("s-bo-2", "bo", T1, T9)
    store.add_user("bo", "hash3", "editor")  # a new password: ends them too
    assert store.get_session("s-bo-2")["revoked_at"]  # type: ignore[index]
    store.add_session("s-bo-3", "bo", T1, T9)
    assert store.revoke_sessions("bo", T2) == 1  # the one still live
    assert store.delete_user("bo")
    assert store.sessions("bo") == [] and store.get_session("s-bo-3") is None
    with pytest.raises(StoreError):  # no session for a user who does not exist
        store.add_session("s-ghost", "ghost", T0, T9)
    store.add_session("s-late", "ana", "2026-01-01T10:00:00.000000+00:00",
                      "2026-01-01T22:00:00.000000+00:00")
    assert [s["id"] for s in store.sessions("ana")] == ["s-late"]  # expired ones purged


def test_a_session_touch_gives_up_while_sqlite_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    s = open_store(str(path))
    assert isinstance(s, SqlStore)
    s.add_user("ana", "hash1", "viewer")
    s.add_session("s1", "ana", T0, T9)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the database
    try:
        assert s.touch_session("s1", T1) is False  # skipped, not waited 30 s for
        assert s.get_session("s1")["last_seen_at"] == T0  # type: ignore[index]  # reads go on
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert s.touch_session("s1", T1) is True
    assert s.get_session("s1")["last_seen_at"] == T1  # type: ignore[index]
    with s.engine.connect() as conn:  # the short wait was for that write only
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    s.close()


def test_replace_mentions_many_is_one_all_or_nothing_write(store: SqlStore) -> None:
    arts = [Article(text=f"Report {i}: a convoy was shelled near the river.") for i in range(3)]
    for a in arts:
        store.add_article(a)

    def ms(a: Article, n: int) -> list[Mention]:
        return [Mention(article_id=a.id, spans=[Span(article_id=a.id, start=i, end=i + 5)])
                for i in range(n)]

    store.replace_mentions_many({arts[0].id: ms(arts[0], 2), arts[1].id: ms(arts[1], 1),
                                 arts[2].id: []})
    assert store.count_mentions() == 3
    assert store.unextracted_article_ids() == []
    assert [m.id for m in store.mentions(arts[0].id)] == [m.id for m in ms(arts[0], 2)]
    with pytest.raises(KeyError):
        store.replace_mentions_many({arts[1].id: [], "no-such-article": []})
    assert store.count_mentions() == 3  # nothing of the failed call was written


def test_add_articles_equals_adding_one_by_one(store: SqlStore, tmp_path: Path) -> None:
    first = Article(url="https://ex.org/a", text="Shelling hit the depot on Monday.")
    store.add_article(first)
    batch = [
        Article(url="https://ex.org/b", text="A drone struck a truck near the border."),
        Article(url="https://ex.org/a#top", text="Another text under the stored URL."),
        Article(url=None, text="Shelling hit   the depot on Monday."),  # same text, respaced
        Article(url="https://ex.org/c", text="A drone struck a truck near the border."),
        Article(url="https://ex.org/d", text="Three boats were sunk at dawn."),
        Article(url="https://ex.org/d", text="A fourth report under a repeated URL."),
    ]
    seen: list[str] = []
    got = store.add_articles([(a, b"sig") for a in batch],
                             before_insert=lambda a: seen.append(a.id))
    assert [is_new for _, is_new in got] == [True, False, False, False, True, False]
    assert [s.id for s, _ in got] == [batch[0].id, first.id, first.id, batch[0].id,
                                      batch[4].id, batch[4].id]
    assert seen == [batch[0].id, batch[4].id]
    assert store.count_articles() == 3
    assert [a.id for a in store.articles()] == [first.id, batch[0].id, batch[4].id]

    # The same calls one at a time on a fresh SQLite store give the same answers.
    ref = open_store(str(tmp_path / "ref.db"))
    ref.add_article(first)
    one_by_one = [ref.add_article(a) for a in batch]
    assert [(s.id, n) for s, n in one_by_one] == [(s.id, n) for s, n in got]
    ref.close()


def test_a_write_failing_midway_leaves_the_old_ledger(tmp_path: Path) -> None:
    """A database-level failure inside replace_ledger rolls back its deletes too."""
    path = tmp_path / "atomic.db"
    s = open_store(str(path))
    s.replace_ledger([incident("old1"), incident("old2")], [Tally(id="t-old")])
    con = sqlite3.connect(path)
    con.execute("CREATE TRIGGER boom BEFORE INSERT ON tallies WHEN NEW.id = 'boom' "
                "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="simulated failure") as failed:  # the project's error
        s.replace_ledger([incident("new1")], [Tally(id="boom")])
    assert not isinstance(failed.value, sa.exc.SQLAlchemyError)  # callers need no SQLAlchemy
    assert sorted(i.id for i in s.incidents()) == ["old1", "old2"]
    assert [t.id for t in s.tallies()] == ["t-old"]
    s.close()


def test_migration_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    from alembic import command

    from strikewatch.store.sql import alembic_config

    s = open_store(str(tmp_path / "down.db"))
    assert isinstance(s, SqlStore)
    with s.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    assert set(sa.inspect(s.engine).get_table_names()) <= {"alembic_version"}
    s.close()
    s2 = open_store(str(tmp_path / "down.db"))  # opening migrates back up
    assert s2.count_articles() == 0 and s2.tallies() == []
    s2.close()


def test_migration_gives_stored_tally_mentions_their_regions(store: SqlStore) -> None:
    """Tally mentions stored before regions were read at extraction get them from migration
    0006 (read as resolution used to read them), and the old cache table is gone."""
    import json

    from alembic import command

    from strikewatch.store.sql import alembic_config, migrate

    text = ("So far, U.S. forces have struck 14 boats in the Caribbean and the eastern "
            "Pacific, killing 61 people.")
    art, _ = store.add_article(Article(text=text))
    span = Span(article_id=art.id, start=0, end=len(text), text=text)
    old = Mention(article_id=art.id, kind="tally", spans=[span]).model_dump(mode="json")
    del old["regions"]
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006")
    assert "resolve_tally_seas" in sa.inspect(store.engine).get_table_names()
    with store.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO mentions (id, article_id, kind, status, position, "
                             "data) VALUES (:i, :a, 'tally', 'occurred', 0, :d)"),
                     {"i": old["id"], "a": art.id, "d": json.dumps(old)})
    migrate(store.engine)
    assert "resolve_tally_seas" not in sa.inspect(store.engine).get_table_names()
    (m,) = store.mentions()
    assert [p.name for p in m.regions] and all(p.kind == "sea" for p in m.regions)
    assert len(m.regions) == 2
    assert [sp.text for sp in m.provenance["regions"]][0] == "Caribbean"


def test_get_mentions_and_articles_by_id(store: SqlStore) -> None:
    arts = [store.add_article(Article(text=f"Report {i}: a boat was hit."))[0] for i in range(3)]
    ms = []
    for art in arts:
        m = Mention(article_id=art.id, spans=[Span(article_id=art.id, start=0, end=8)])
        store.replace_mentions(art.id, [m])
        ms.append(m)
    got = store.get_mentions([ms[2].id, "nope", ms[0].id])
    assert [m.id for m in got] == [ms[2].id, ms[0].id]
    by_id = store.get_articles([arts[1].id, "nope"])
    assert list(by_id) == [arts[1].id] and by_id[arts[1].id].text == arts[1].text
    assert store.get_articles([]) == {} and store.get_mentions([]) == []


def test_killed_totals_in_sql_match_summing_the_incidents(store: SqlStore) -> None:
    """The ledger's totals come from SQL; they must equal adding up the incidents by hand."""
    from strikewatch.ledger.counting import sum_killed

    store.replace_ledger([
        incident("a", killed=(3, 3)),
        incident("b", killed=(2, 6), place=Place(name="Caribbean Sea", kind="sea")),
        incident("c", killed=(None, None)),
        incident("d", killed=(40, 40), background=True),  # history: never counted
        incident("e", killed=(9, 9), status="planned"),  # not an event that happened
    ], [])
    n, low, high, counted = store.killed_totals(IncidentQuery(limit=0))
    assert (n, low, high, counted) == (5, 5, 9, 2)
    assert (low, high, counted) == sum_killed(store.incidents(IncidentQuery(limit=0)))
    store.replace_ledger([incident("f", killed=(65, None)), incident("g", killed=(1, 1))], [])
    assert store.killed_totals() == (2, 66, None, 2)  # "at least 65" leaves the top open
    only_sea = store.killed_totals(IncidentQuery(country="Caribbean Sea"))
    assert only_sea == (0, 0, 0, 0)

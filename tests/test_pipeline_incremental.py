"""Incremental ledger updates: the same ledger as resolving everything from scratch.

Real extraction and resolution on the sample corpus and the resolve_set articles, stored in
real SQLite and real PostgreSQL (db_url). The reference is always `resolve` run from
scratch over what the store holds at that moment (its mentions, articles and reviews), so
any drift between the saved resolver state and the store shows up as a difference.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from strikewatch import pipeline
from strikewatch.accounts.auth import WebSettings
from strikewatch.records import Incident, Review, Tally, stable_id
from strikewatch.resolve import STATE_VERSION, resolve
from strikewatch.server import create_app
from strikewatch.store import IncidentQuery, ResolveSave, StaleState, open_store
from strikewatch.store.sql import SqlStore
from tests._webdata import serve

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "strikewatch" / "samples").glob("*.json"))
RESOLVE_SET = ROOT / "tests" / "resolve_set" / "set.json"


def _canon(records: list[Any]) -> list[str]:
    return sorted(json.dumps(r.model_dump(mode="json"), sort_keys=True) for r in records)


def ledger(store: SqlStore) -> tuple[list[str], list[str]]:
    """The stored ledger: every incident and tally, ids included, as canonical JSON."""
    return _canon(store.incidents(IncidentQuery(limit=0))), _canon(store.tallies())


def from_scratch(store: SqlStore) -> tuple[list[str], list[str]]:
    """What resolving everything the store holds now, from scratch, gives."""
    mentions = list(store.mentions())
    articles = store.get_articles({m.article_id for m in mentions})
    incidents, tallies = resolve(mentions, articles, store.reviews())
    return _canon(incidents), _canon(tallies)


def by_publication(paths: list[Path]) -> list[Path]:
    """Sample files newest first: each older report arrives after the newer ones."""
    def key(p: Path) -> tuple[str, str]:
        return (json.loads(p.read_text(encoding="utf-8")).get("published") or "", p.name)
    return sorted(paths, key=key, reverse=True)


def resolve_set_files(folder: Path, n: int, seed: int = 3) -> list[Path]:
    """n articles of the resolve_set (22 events, several reports each), as JSON article
    files in a scrambled order."""
    data = json.loads(RESOLVE_SET.read_text(encoding="utf-8"))
    arts = list(data["articles"])
    random.Random(seed).shuffle(arts)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for a in arts[:n]:
        p = folder / f"{a['id']}.json"
        p.write_text(json.dumps({"url": f"https://example.org/set/{a['id']}",
                                 "title": a.get("title"), "publisher": a.get("publisher"),
                                 "published": a.get("published"), "text": a["text"]}),
                     encoding="utf-8")
        out.append(p)
    return out


@pytest.fixture
def store(db_url: str) -> Iterator[SqlStore]:
    s = open_store(db_url)
    assert isinstance(s, SqlStore)
    yield s
    s.close()


def test_one_article_at_a_time_equals_from_scratch(store: SqlStore, tmp_path: Path) -> None:
    inputs = [*by_publication(SAMPLES), *resolve_set_files(tmp_path / "set", 24)]
    sizes = []
    for i, path in enumerate(inputs):
        rep = pipeline.run([str(path)], store)
        assert rep.from_scratch == (i == 0), path  # only the very first run has no state
        sizes.append((rep.ledger.inserted + rep.ledger.deleted, rep.ledger.unchanged))
        if i % 15 == 14:
            assert ledger(store) == from_scratch(store), f"after {i + 1} articles"
    assert ledger(store) == from_scratch(store)
    assert store.count_incidents() > 20
    # "updates only what it touches": one article rewrites a few rows, the rest stay
    late = sizes[len(sizes) // 2:]
    assert sum(w for w, _ in late) < sum(k for _, k in late) / 5, sizes


def anchor_file(tmp_path: Path) -> Path:
    """The sample whose mention anchors the id of the incident with the most reports (in a
    clean run over all samples): without it that incident's id is another one."""
    ref = open_store(str(tmp_path / "reference.db"))
    try:
        pipeline.run([str(p) for p in SAMPLES], ref)
        biggest = max(ref.incidents(IncidentQuery(limit=0)),
                      key=lambda i: (len({s.article_id for s in i.sources}), i.id))
        (anchor,) = [m for m in biggest.mention_ids if stable_id("incident", m) == biggest.id]
        (mention,) = ref.get_mentions([anchor])
        article = ref.get_article(mention.article_id)
        assert article is not None
    finally:
        ref.close()
    (path,) = [p for p in SAMPLES
               if json.loads(p.read_text(encoding="utf-8")).get("url") == article.url]
    return path


def test_an_older_article_moves_an_id_and_old_ids_redirect_over_http(
    db_url: str, tmp_path: Path
) -> None:
    """The report anchoring a big incident's id, ingested last by the CLI, moves that id;
    the old id answers 307 to the live one in the API and the web, over real HTTP."""
    last = anchor_file(tmp_path)
    store = open_store(db_url)
    assert isinstance(store, SqlStore)
    try:
        pipeline.run([str(p) for p in by_publication(SAMPLES) if p != last], store)
        before = {i.id: set(i.mention_ids) for i in store.incidents(IncidentQuery(limit=0))}
    finally:
        store.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "strikewatch", "ingest", str(last),
                           "--db", db_url], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr

    store = open_store(db_url)
    assert isinstance(store, SqlStore)
    try:
        assert ledger(store) == from_scratch(store)
        now = {i.id: set(i.mention_ids) for i in store.incidents(IncidentQuery(limit=0))}
        moved = {old: store.incident_redirect(old) for old in before if old not in now}
        assert moved, "the oldest report re-anchored no incident"
        for old, new in moved.items():
            assert new in now  # a live id, holding most of the old incident's mentions
            assert len(before[old] & now[new]) * 2 >= len(before[old])
        app = create_app(store, settings=WebSettings(allow_anonymous=True))
        with serve(app) as base, httpx.Client(base_url=base) as client:
            for old, new in moved.items():
                r = client.get(f"/api/incidents/{old}")
                assert r.status_code == 307
                assert r.headers["location"] == f"/api/incidents/{new}"
                followed = client.get(f"/api/incidents/{old}", follow_redirects=True)
                assert followed.status_code == 200
                assert followed.json()["incident"]["id"] == new
                page = client.get(f"/incidents/{old}")
                assert page.status_code == 307 and page.headers["location"] == f"/incidents/{new}"
                assert client.get(f"/incidents/{old}", follow_redirects=True).status_code == 200
            assert client.get("/api/incidents/never-was").status_code == 404
    finally:
        store.close()


def test_reviews_survive_incremental_runs(store: SqlStore, tmp_path: Path) -> None:
    order = by_publication(SAMPLES)
    for path in order[: len(order) // 2]:
        pipeline.run([str(path)], store)
    incidents = sorted(store.incidents(IncidentQuery(limit=0)),
                       key=lambda i: (-len(i.mention_ids), i.id))
    edited, rejected = incidents[0], incidents[1]
    store.add_review(Review(action="edit", incident_id=edited.id, user="ed",
                            at="2026-05-01T00:00:00Z", payload={"fields": {"killed_high": 99}},
                            before={"mention_ids": edited.mention_ids}))
    store.add_review(Review(action="reject", incident_id=rejected.id, user="ed",
                            at="2026-05-01T00:01:00Z",
                            before={"mention_ids": rejected.mention_ids}))

    def holding(mention_ids: list[str]) -> Incident:
        return max(store.incidents(IncidentQuery(limit=0)),
                   key=lambda i: len(set(mention_ids) & set(i.mention_ids)))

    for path in order[len(order) // 2:]:  # older reports: some join the reviewed incidents
        pipeline.run([str(path)], store)
        assert holding(edited.mention_ids).killed_high == 99
        assert holding(rejected.mention_ids).grade == "discounted"
    assert ledger(store) == from_scratch(store)
    pipeline.update_ledger(store)  # nothing new: still there
    assert holding(edited.mention_ids).killed_high == 99


def test_a_store_changed_behind_the_state_catches_up(store: SqlStore, tmp_path: Path) -> None:
    """Mentions deleted, re-extracted differently, and articles batch-loaded without a
    ledger update: the next update resolves the difference and equals from scratch."""
    files = resolve_set_files(tmp_path / "set", 30, seed=11)
    for path in files[:20]:
        pipeline.run([str(path)], store)
    arts = list(store.articles())
    by_article: dict[str, list[Any]] = {}
    for m in store.mentions():
        by_article.setdefault(m.article_id, []).append(m)
    with_mentions = [a.id for a in arts if by_article.get(a.id)]
    store.replace_mentions(with_mentions[0], [])  # deleted
    changed = [m.model_copy(update={"killed_low": 40, "killed_high": 40})
               for m in by_article[with_mentions[1]]]
    store.replace_mentions(with_mentions[1], changed)  # re-extracted, read differently
    # a batch load: articles and mentions stored with no ledger update
    pipeline.ingest([str(p) for p in files[20:]], store)
    pipeline.extract_pending(store)
    rep = pipeline.update_ledger(store)
    assert not rep.from_scratch
    assert ledger(store) == from_scratch(store)
    gone = {m.id for m in by_article[with_mentions[0]]}
    assert not gone & {x for i in store.incidents(IncidentQuery(limit=0)) for x in i.mention_ids}


def test_a_state_of_another_version_falls_back_to_from_scratch(store: SqlStore) -> None:
    for path in SAMPLES[:6]:
        pipeline.run([str(path)], store)
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE resolve_meta SET version = :v"), {"v": STATE_VERSION - 1})
        conn.execute(sa.text("DELETE FROM resolve_edges"))  # and whatever it held is wrong
    rep = pipeline.run([str(SAMPLES[6])], store)
    assert rep.from_scratch
    assert ledger(store) == from_scratch(store)
    saved = store.load_resolve_state()
    assert saved is not None and saved.version == STATE_VERSION
    assert not pipeline.run([str(SAMPLES[7])], store).from_scratch
    assert ledger(store) == from_scratch(store)
    forced = pipeline.update_ledger(store, from_scratch=True)  # over a saved state
    assert forced.from_scratch and forced.ledger.inserted == forced.ledger.deleted == 0


def _inc(iid: str, *mentions: str) -> Incident:
    return Incident(id=iid, mention_ids=list(mentions))


def test_redirect_chains_end_at_the_live_id(store: SqlStore) -> None:
    store.write_ledger([_inc("a", "m1", "m2", "m3"), _inc("x", "m9")], [Tally(id="t")])
    store.write_ledger([_inc("b", "m1", "m2"), _inc("b2", "m3"), _inc("x", "m9")], [])
    assert store.incident_redirect("a") == "b"  # most of a's mentions
    store.write_ledger([_inc("c", "m1", "m2", "m3"), _inc("x", "m9")], [])
    assert store.incident_redirect("a") == "c" and store.incident_redirect("b") == "c"
    assert store.incident_redirect("x") is None and store.incident_redirect("zz") is None
    store.write_ledger([_inc("a", "m1", "m2", "m3")], [])  # a is back: no redirect for it
    assert store.incident_redirect("a") is None and store.incident_redirect("c") == "a"
    assert store.incident_redirect("x") is None  # its mentions are gone: no successor


def test_a_save_from_a_stale_state_is_refused_and_writes_nothing(store: SqlStore) -> None:
    def save(base: Any) -> ResolveSave:
        return ResolveSave(STATE_VERSION, {("m1", "m2"): 0.9}, {"m1": ("m1", "f")}, base)

    store.write_ledger([_inc("a", "m1")], [], save(None))
    first = store.load_resolve_state()
    assert first is not None and first.edges == {("m1", "m2"): 0.9}
    with pytest.raises(StaleState):
        store.write_ledger([_inc("b", "m1")], [], save(None))  # a second "first" save
    store.write_ledger([_inc("c", "m1")], [], save(first))
    with pytest.raises(StaleState):  # first is no longer the saved state
        store.write_ledger([_inc("d", "m1")], [], save(first))
    assert [i.id for i in store.incidents()] == ["c"]


def test_unchanged_rows_are_not_rewritten(store: SqlStore) -> None:
    rows = [_inc(f"i{n}", f"m{n}") for n in range(50)]
    store.write_ledger(rows, [])
    out = store.write_ledger([*rows[:49], _inc("i49", "m49", "m50"), _inc("new", "m51")], [])
    assert (out.unchanged, out.inserted, out.deleted) == (49, 2, 0)
    out = store.write_ledger(rows[:10], [])
    assert (out.unchanged, out.inserted, out.deleted) == (10, 0, 41)


def test_tally_regions_come_from_the_mention_and_follow_a_reextraction(
        store: SqlStore) -> None:
    """The seas of a tally are read at extraction (Mention.regions, each with its span) and
    resolution uses them as they are: a re-extracted tally mention with other regions
    changes its tally's reconciliation incrementally, equal to a fresh resolve."""
    for path in SAMPLES:
        pipeline.run([str(path)], store)
    tallies = [m for m in store.mentions() if m.kind == "tally"]
    assert tallies, "the samples have tally mentions"
    arts = store.get_articles({m.article_id for m in tallies})
    with_seas = [m for m in tallies if m.regions]
    assert with_seas, "some tally sentence names a sea"
    for m in with_seas:
        spans = m.provenance["regions"]
        assert len(spans) == len(m.regions)
        for place, sp in zip(m.regions, spans, strict=True):
            assert place.kind == "sea" or place.geo_precision == 6
            assert arts[m.article_id].text[sp.start:sp.end] == sp.text
    noted = {t.id: t.reconciliation.note for t in store.tallies()}
    assert any("(region:" in n for n in noted.values())
    # re-extract one tally article with its tally mention's regions gone
    m = with_seas[0]
    others = [x for x in store.mentions(m.article_id) if x.id != m.id]
    store.replace_mentions(m.article_id, [*others, m.model_copy(update={"regions": []})])
    assert not pipeline.update_ledger(store).from_scratch
    assert ledger(store) == from_scratch(store)

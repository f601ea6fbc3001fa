"""The load phase of `strikewatch batch`: mentions streamed from Parquet into the store.

Real parts: the real extraction pipeline writes the mention rows, the real Parquet writer
stores them in several part files, and a real SQLite file or the session's PostgreSQL
server holds the result. The expected store content comes from the loader as it was before
it streamed (every mention of the archive in one dict), re-implemented here as the
reference.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from strikewatch.batch.archive import to_article
from strikewatch.batch.load import LoadResult, load_articles, load_mentions, mention_groups
from strikewatch.batch.mentions import MentionWriter, iter_rows
from strikewatch.batch.synthetic import iter_synthetic
from strikewatch.batch.worker import Row, extract_record
from strikewatch.records import Article, Mention
from strikewatch.store import Store

Dumped = dict[str, object]


def reference_mentions(mentions_dir: Path, article_ids: list[str]) -> dict[str, list[Dumped]]:
    """The old loader: every row read into one dict, deduplicated by mention id (the last
    row wins), sorted by mention id; every wanted article present, with [] if it has none."""
    by_article: dict[str, dict[str, Mention]] = defaultdict(dict)
    for article_id, mention_id, _kind, data, error, _by in iter_rows(mentions_dir):
        if error is None and data is not None and article_id is not None and mention_id:
            by_article[article_id][mention_id] = Mention.model_validate_json(data)
    return {aid: [by_article[aid][k].model_dump(mode="json") for k in sorted(by_article[aid])]
            for aid in article_ids}


def stored_mentions(store: Store, article_ids: list[str]) -> dict[str, list[Dumped]]:
    """As dicts: PostgreSQL's JSONB hands object keys back in its own order."""
    return {aid: [m.model_dump(mode="json") for m in store.mentions(aid)]
            for aid in article_ids}


def write_rows(path: Path, rows: list[Row]) -> None:
    with MentionWriter(path, rows_per_group=7) as writer:  # several row groups per file
        writer.write(rows)


def test_streamed_mentions_equal_the_old_all_in_memory_load(store: Store,
                                                            tmp_path: Path) -> None:
    records = list(iter_synthetic(40, seed=11))
    articles = [to_article(r) for r in records]
    rows = [row for r in records for row in extract_record(r, None)]
    assert len({r[0] for r in rows}) > 20  # most articles have mentions

    # Before the batch: three articles already stored with (older) mentions, one of which
    # now extracts to nothing, so its stored mentions must go.
    known = articles[:3]
    for article in known:
        store.add_article(article)
    old = [m for m in (Mention.model_validate_json(r[3]) for r in rows if r[3])
           if m.article_id == known[2].id]
    store.replace_mentions(known[2].id, [m.model_copy(update={"killed_high": 1000})
                                         for m in old])
    rows = [r for r in rows if r[0] not in (known[1].id, known[2].id)]

    # Part files out of article order, with repeats: the same rows twice (as a re-run
    # Spark task writes them), and a repeat whose data differs (the later file must win),
    # error rows, a row with no data, and mentions of an article the store will drop.
    first = rows[len(rows) // 2:]
    second = rows[: len(rows) // 2] + rows[:5]
    changed = Mention.model_validate_json(str(rows[-1][3])).model_copy(update={"killed_low": 77})
    third: list[Row] = [
        (changed.article_id, changed.id, changed.kind, changed.model_dump_json(), None,
         rows[-1][5]),
        (articles[5].id, "no-data", "event", None, None, None),
        (None, None, None, None, "archive.jsonl:3: invalid JSON", None),
        (articles[6].id, None, None, None, "archive.jsonl:9: extraction failed", None),
        ("dropped-copy", "m1", "event", rows[0][3], None, rows[0][5]),
    ]
    mentions_dir = tmp_path / "mentions"
    write_rows(mentions_dir / "part-00000.parquet", first)
    write_rows(mentions_dir / "part-00001.parquet", second)
    write_rows(mentions_dir / "sub" / "part-00002.parquet", third)

    result = LoadResult()
    new, known_ids = load_articles(store, articles, result)
    assert known_ids == {a.id for a in known} and len(new) == len(articles) - 3
    targets = sorted(new | known_ids)
    expected = reference_mentions(mentions_dir, targets)
    assert [changed.model_dump(mode="json")] == [
        m for m in expected[changed.article_id] if m["id"] == changed.id]
    assert expected[known[1].id] == expected[known[2].id] == []

    load_mentions(store, mentions_dir, targets, result)

    assert stored_mentions(store, targets) == expected
    assert result.mentions == sum(len(ms) for ms in expected.values()) == store.count_mentions()
    assert store.unextracted_article_ids() == []  # new articles without mentions included


def test_groups_hold_only_their_articles_whatever_the_group_size(tmp_path: Path) -> None:
    records = list(iter_synthetic(25, seed=3))
    rows = [row for r in reversed(records) for row in extract_record(r, None)]
    write_rows(tmp_path / "m" / "part-00000.parquet", rows + rows[:4])
    ids = sorted({to_article(r).id for r in records} | {"0-no-mentions", "zz-no-mentions"})
    expected = reference_mentions(tmp_path / "m", ids)
    for size in (1, 4, 500):
        groups = list(mention_groups(tmp_path / "m", ids, size))
        assert [list(g) for g in groups] == [ids[i:i + size] for i in range(0, len(ids), size)]
        got = {aid: [m.model_dump(mode="json") for m in ms]
               for g in groups for aid, ms in g.items()}
        assert got == expected


def test_no_mentions_dataset_gives_empty_groups(tmp_path: Path) -> None:
    ids = [Article(text=f"story {i}").id for i in range(3)]
    assert list(mention_groups(tmp_path / "nothing", sorted(ids), 2)) == [
        {aid: [] for aid in sorted(ids)[:2]}, {sorted(ids)[2]: []}]


def test_a_bulk_load_links_a_copy_to_an_origin_another_writer_stored_meanwhile(
    db_url: str, tmp_path: Path
) -> None:
    """The load's origin index is read when it starts; an `ingest` storing the origin of a
    wire copy after that (here: between the index read and the copy's group write) must
    still be seen, because the group write takes the writers' lock and reads the
    signatures stored since (Store.add_articles with `link`), as ingest's own writes do."""
    from strikewatch.ingest import ingest
    from strikewatch.store import open_store

    record = next(iter_synthetic(1, seed=3))
    original = tmp_path / "original.txt"
    original.write_text(record["text"], encoding="utf-8")
    copy = to_article({**record, "url": "https://wire.example/copy",
                       "text": "(Wire) " + record["text"]}, "archive.jsonl:1")
    batch_store, ingest_store = open_store(db_url), open_store(db_url)
    try:
        def archive():  # type: ignore[no-untyped-def]
            ingest([str(original)], ingest_store)  # another writer, after the index read
            yield copy

        result = LoadResult()
        new, _ = load_articles(batch_store, archive(), result)
        (stored_original,) = [a for a in batch_store.articles() if a.id != copy.id]
        (stored_copy,) = [a for a in batch_store.articles() if a.id == copy.id]
        assert new == {copy.id}
        assert stored_original.origin_id == stored_original.id
        assert stored_copy.origin_id == stored_original.id
    finally:
        batch_store.close()
        ingest_store.close()

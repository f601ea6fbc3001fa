"""Reading archives for `strikewatch batch`: formats, partitioned folders, bad records."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from strikewatch.batch.archive import ArchiveError, archive_files, iter_articles, iter_raw
from strikewatch.batch.synthetic import iter_synthetic, write_archive


def _write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_jsonl_bad_lines_are_reported_with_file_and_line_and_skipped(tmp_path: Path) -> None:
    good = {"url": "https://a.example/1", "text": "Troops shelled the port at dawn."}
    path = tmp_path / "mixed.jsonl"
    _write_jsonl(path, [
        json.dumps(good),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "headline only"}),
        "",
        json.dumps({"text": "A second report of the shelling.", "published": "2025-03-02"}),
    ])
    errors: list[str] = []
    articles = list(iter_articles(path, errors))
    assert [a.text for a in articles] == [good["text"], "A second report of the shelling."]
    assert articles[1].published == "2025-03-02"
    assert articles[0].source == f"{path}:1"
    assert len(errors) == 3
    assert errors[0].startswith(f"{path}:2: invalid JSON")
    assert errors[1].startswith(f"{path}:3: expected a JSON object")
    assert errors[2].startswith(f"{path}:4: record has no text")


def test_html_records_get_their_main_text(tmp_path: Path) -> None:
    body = "<p>" + "Artillery fire struck a grain depot near the river on Tuesday. " * 4 + "</p>"
    html = f"<html><head><title>t</title></head><body><article>{body}</article></body></html>"
    path = tmp_path / "pages.jsonl"
    _write_jsonl(path, [json.dumps({"url": "https://b.example/x", "html": html})])
    [article] = list(iter_articles(path))
    assert "grain depot" in article.text
    assert "<p>" not in article.text


def test_partitioned_parquet_and_jsonl_give_the_same_articles(tmp_path: Path) -> None:
    write_archive(tmp_path / "one.jsonl", 120, seed=3)
    write_archive(tmp_path / "parts", 120, seed=3, fmt="parquet", partitions=4)
    write_archive(tmp_path / "jparts", 120, seed=3, fmt="jsonl", partitions=5)
    assert len(archive_files(tmp_path / "parts")) == 4
    ids = [[a.id for a in iter_articles(p)] for p in
           (tmp_path / "one.jsonl", tmp_path / "parts", tmp_path / "jparts")]
    assert len(ids[0]) == 120
    assert ids[0] == ids[1] == ids[2]


def test_parquet_with_extra_columns_and_dates(tmp_path: Path) -> None:
    import datetime as dt

    table = pa.table({
        "text": ["Two drones hit a fuel truck.", "A raid on a farm left three dead."],
        "published": [dt.date(2025, 5, 1), None],
        "shard": [1, 2],  # not an article field: ignored
    })
    pq.write_table(table, tmp_path / "a.parquet")
    articles = list(iter_articles(tmp_path / "a.parquet"))
    assert [a.published for a in articles] == ["2025-05-01", None]
    assert articles[1].source == f"{tmp_path / 'a.parquet'}#1"


def test_unusable_archives_fail_naming_the_path(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no such file"):
        archive_files(tmp_path / "missing.jsonl")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("x")
    with pytest.raises(ArchiveError, match=r"empty: folder holds no"):
        archive_files(tmp_path / "empty")
    (tmp_path / "a.csv").write_text("x")
    with pytest.raises(ArchiveError, match=r"a\.csv"):
        list(iter_raw(tmp_path / "a.csv"))


def test_synthetic_archive_is_deterministic_and_varied() -> None:
    first = list(iter_synthetic(300, seed=11))
    again = list(iter_synthetic(300, seed=11))
    other = list(iter_synthetic(300, seed=12))
    assert first == again
    assert first != other
    places = {r["title"].split(" in ", 1)[1] for r in first}
    publishers = {r["publisher"] for r in first}
    dates = {r["published"] for r in first}
    assert len(places) >= 10 and len(publishers) >= 5 and len(dates) >= 50
    # Several outlets re-report the same event: the resolver has linking to do.
    strike_sentences = [r["text"].split("\n\n", 1)[0] for r in first]
    assert len(set(r["url"] for r in first)) == 300
    assert len({s.split(" on ")[0] for s in strike_sentences}) < 300

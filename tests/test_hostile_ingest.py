"""Hostile input to `strikewatch ingest`, round two (issue 18): folders with traps in them,
Rich markup in articles, two ingests at once, an article too long to extract in one go.

Real files, FIFOs and symbolic links in a temporary folder; the real CLI (Typer's runner,
the same Rich consoles); real SQLite and PostgreSQL stores (tests/pg.py).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from strikewatch import pipeline
from strikewatch.cli import app
from strikewatch.ingest import IngestOptions, Ingestor, ingest
from strikewatch.ingest.sources import expand
from strikewatch.store import open_store

GOOD = ("Rocket fire hit a fuel depot outside the port on Thursday night, killing two "
        "workers and injuring eleven, the regional governor said.")


# --- folders ------------------------------------------------------------------------------


def _trap_folder(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    root = tmp_path / "inbox"
    (root / "sub").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    secret = tmp_path / "outside-secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash " * 5, encoding="utf-8")
    paths = {
        "loop": root / "sub" / "loop",
        "self": root / "self.txt",
        "dangling": root / "gone.txt",
        "fifo": root / "pipe.txt",
        "out": root / "passwd.txt",
        "locked": root / "locked",
        "inside": root / "alias.txt",
    }
    paths["loop"].symlink_to(root, target_is_directory=True)  # back up to the root
    paths["self"].symlink_to(paths["self"])  # a link to itself
    paths["dangling"].symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(paths["fifo"])
    paths["out"].symlink_to(secret)  # out of the folder: /etc/passwd, in the issue
    paths["locked"].mkdir()
    (paths["locked"] / "hidden.txt").write_text(GOOD, encoding="utf-8")
    paths["locked"].chmod(0)
    paths["inside"].symlink_to(root / "good.txt")  # a link within the folder is fine
    return root, paths


def test_every_path_in_a_folder_is_read_or_listed_with_its_reason(tmp_path: Path) -> None:
    root, paths = _trap_folder(tmp_path)
    try:
        store = open_store(str(tmp_path / "f.db"))
        report = ingest([str(root)], store)  # a FIFO here would block a reader forever
        skipped = dict(report.skipped)
        can_read_locked = os.access(paths["locked"], os.R_OK)  # root reads anything
    finally:
        paths["locked"].chmod(0o755)
    assert "symbolic link loop" in skipped[str(paths["loop"])]
    assert "symbolic link loop" in skipped[str(paths["self"])]
    assert "dangling symbolic link" in skipped[str(paths["dangling"])]
    assert "not a regular file" in skipped[str(paths["fifo"])]
    assert "out of the folder" in skipped[str(paths["out"])]
    assert "--follow-links-out" in skipped[str(paths["out"])]
    if not can_read_locked:
        assert "unreadable folder" in skipped[str(paths["locked"])]
    texts = [a.text for a in store.articles()]
    assert GOOD in texts and not any("root:x:0:0" in t for t in texts)
    assert report.duplicates  # alias.txt: the same text as good.txt, read and found stored


def test_links_out_of_the_folder_are_read_only_when_asked(tmp_path: Path) -> None:
    root, paths = _trap_folder(tmp_path)
    try:
        store = open_store(str(tmp_path / "f.db"))
        report = ingest([str(root)], store, IngestOptions(follow_links_out=True))
    finally:
        paths["locked"].chmod(0o755)
    assert str(paths["out"]) not in dict(report.skipped)
    assert any("root:x:0:0" in a.text for a in store.articles())
    units = {u.name: u for u in expand([str(root)], follow_links_out=True)}
    assert units[str(paths["out"])].kind == "file"
    assert units[str(paths["loop"])].kind == "skipped"  # loops stay refused


# --- Rich markup in input -----------------------------------------------------------------


def test_rich_markup_in_input_is_printed_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "[bold]in"
    folder.mkdir()
    (folder / "[red]x[bold].json").write_text(json.dumps([
        {"text": GOOD, "published": "[/oops]", "title": "[/]", "publisher": "[link=x]"},
        {"text": "Shelling [/oops] hit the [bold]market[/] on Monday.", "published": "[/"},
    ]), encoding="utf-8")
    (folder / "bad.json").write_text('{"text": "[/bad]", ', encoding="utf-8")
    db = str(tmp_path / "m.db")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", db])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "published '[/oops]' is not a date" in out  # shown as typed, not parsed
    assert "2 ingested" in out
    result = CliRunner().invoke(app, ["incidents", "--db", db])
    assert result.exit_code == 0, result.output


# --- two ingests at once: one origin for copies of one story ------------------------------

WIRE = ("A drone strike on a fishing boat in the Gulf killed four crew members on Sunday, "
        "coastguard officials said, adding that a fifth man was rescued from the water and "
        "taken to hospital. The navy said the vessel had ignored warnings. Relatives said "
        "the men were fishermen who had left port before dawn.")


def test_two_ingests_at_once_link_copies_of_one_story_to_one_origin(db_url: str,
                                                                     tmp_path: Path) -> None:
    """Ingest B starts (and reads the origin index) before A stores its copy; B's copy
    must still be linked to A's, because the index is consulted inside B's write."""
    a_file, b_file = tmp_path / "a.txt", tmp_path / "b.txt"
    a_file.write_text(WIRE + " Reported by Harbor Gazette.", encoding="utf-8")
    b_file.write_text(WIRE + " Reported by Coastal Wire.", encoding="utf-8")
    store_a, store_b = open_store(db_url), open_store(db_url)
    try:
        ingest_b = Ingestor(store_b)  # B's run has begun: its index is read, empty
        ingest([str(a_file)], store_a)
        for unit in ingest_b.plan([str(b_file)]):
            ingest_b.run_unit(unit)
        assert len(ingest_b.report.ingested) == 1
        assert ingest_b.report.linked, "B's copy was not linked to A's"
        assert store_a.count_articles() == 2 and store_a.count_origins() == 1
    finally:
        store_a.close()
        store_b.close()


# --- one long article: extraction in parts, a budget, never blocking the queue --------------


def _long_article_text(n_paragraphs: int) -> str:
    paras = []
    for i in range(n_paragraphs):
        paras.append(f"Paragraph {i}. Officials met to discuss the harbour budget and road "
                     "repairs for the coming year, and residents asked about bus routes.")
    paras[-1] = ("Late on Sunday, an airstrike hit a warehouse in the port of Hodeidah, "
                 "killing seven workers, health officials said.")
    return "\n\n".join(paras)


def test_a_long_article_is_extracted_in_bounded_parts(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Work is counted, not timed: no single extraction call sees more than PART_CHARS, and
    what is found in a later part points at the right place in the whole article."""
    store = open_store(str(tmp_path / "long.db"))
    text = _long_article_text(1500)  # about 220 KB
    assert len(text) > 3 * pipeline.PART_CHARS
    ingest_report = ingest([_write(tmp_path / "long.txt", text)], store)
    assert len(ingest_report.ingested) == 1
    from strikewatch.extract import registry

    seen: list[int] = []
    real = registry.checked  # every extraction call passes the validating boundary

    def counted(extractor: Any, article: Any) -> Any:
        seen.append(len(article.text))
        return real(extractor, article)

    monkeypatch.setattr(registry, "checked", counted)
    report = pipeline.extract_pending(store)
    assert report.extracted == 1 and not report.extract_failures
    assert len(seen) >= 4 and max(seen) <= pipeline.PART_CHARS
    article = store.get_article(ingest_report.ingested[0])
    assert article is not None
    mentions = list(store.mentions(article.id))
    assert mentions, "the strike in the last paragraph was found"
    for m in mentions:
        for span in m.spans:
            assert article.text[span.start:span.end] == span.text
        assert any("Hodeidah" in s.text for s in m.spans)


def test_an_article_over_the_budget_is_skipped_with_a_reason_and_the_queue_moves(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_EXTRACT_CHARS", 50_000)
    store = open_store(str(tmp_path / "huge.db"))
    huge = _write(tmp_path / "huge.txt", _long_article_text(800))  # about 120 KB
    small = _write(tmp_path / "small.txt", GOOD)
    ingest([huge, small], store)
    report = pipeline.extract_pending(store)
    assert len(report.extract_skipped) == 1
    article_id, reason = report.extract_skipped[0]
    assert "too long to extract" in reason and "50000" in reason
    assert report.extracted == 1  # the small one
    assert store.unextracted_article_ids() == []  # not retried by every later run
    again = pipeline.extract_pending(store)
    assert again.extracted == 0 and again.extract_skipped == []


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)

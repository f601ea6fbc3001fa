"""Extractors as a seam: a third-party extractor, found through its package's entry point,
reads a real SQLite store from the command line; `reextract` brings the ledger up to date
with another extractor, keeping reviews; an invalid mention is an error on its article,
recorded, listed, and retried, while the rest of the batch goes on.

The third party here is a real (tiny) installed distribution: a package and its
`.dist-info` with an `entry_points.txt` in a folder on PYTHONPATH, which is all
`pip install` leaves behind for importlib.metadata (and so catalogue) to find.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from strikewatch.extract import registry
from strikewatch.records import Article, Mention, Review, Span
from strikewatch.store import open_store

ROOT = Path(__file__).resolve().parents[1]

PLUGIN = '''
"""A test reader: one mention per article, for the first sentence; "LIKELY" in an article
makes it return an invalid record (status "likely"), "CRASH" makes it raise."""
from strikewatch.records import Mention, Span


class FirstSentenceReader:
    name = "test-first-sentence"
    version = "0.1"
    languages = frozenset({"en"})

    def __call__(self, article):
        if "CRASH" in article.text:
            raise RuntimeError("reader fell over")
        end = article.text.find(".") + 1 or len(article.text)
        span = Span(article_id=article.id, start=0, end=end, text=article.text[:end])
        m = Mention(article_id=article.id, spans=[span], killed_low=3, killed_high=3,
                    event_type="Explosions/Remote violence", extractor="")
        if "LIKELY" in article.text:
            m = Mention.model_construct(**{**dict(m), "status": "likely"})
        return [m]


def make():
    return FirstSentenceReader()
'''


@pytest.fixture(scope="module")
def plugin_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding an 'installed' distribution that registers test-first-sentence."""
    site = tmp_path_factory.mktemp("site")
    (site / "sw_test_reader").mkdir()
    (site / "sw_test_reader" / "__init__.py").write_text(textwrap.dedent(PLUGIN))
    info = site / "sw_test_reader-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: sw-test-reader\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(
        "[strikewatch_extractors]\ntest-first-sentence = sw_test_reader:make\n")
    return site


def cli(plugin_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(plugin_path), str(ROOT)]),
           "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "strikewatch", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def write(folder: Path, **bodies: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in bodies.items():
        (folder / f"{name}.txt").write_text(body, encoding="utf-8")
    return folder


def article_rows(db: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    """source file name -> (extracted_by, extract_error, extracted_at)."""
    with sqlite3.connect(db) as conn:
        return {Path(src).name: (by, error, at) for src, by, error, at in conn.execute(
            "SELECT source, extracted_by, extract_error, extracted_at FROM articles")}


def test_a_third_party_extractor_reads_the_store_and_reextract_swaps_it(
        plugin_path: Path, tmp_path: Path) -> None:
    listed = cli(plugin_path, "extractors")
    assert listed.returncode == 0, listed.stderr
    assert "test-first-sentence" in listed.stdout and "strikewatch-rules" in listed.stdout

    db = tmp_path / "ledger.db"
    inputs = write(tmp_path / "in",
                   a="U.S. forces struck a boat in the Caribbean on Monday, killing three "
                     "people, officials said. The strike was the fifth this month.",
                   b="An Israeli airstrike hit a house in Khan Younis on Tuesday, killing "
                     "seven people, health officials said.")
    run = cli(plugin_path, "ingest", str(inputs), "--db", str(db),
              "--extractor", "test-first-sentence")
    assert run.returncode == 0, run.stderr + run.stdout
    rows = article_rows(db)
    assert {by for by, _, _ in rows.values()} == {"test-first-sentence@0.1"}
    with sqlite3.connect(db) as conn:
        data = [json.loads(d) for (d,) in conn.execute("SELECT data FROM mentions")]
    assert len(data) == 2 and all(d["killed_low"] == 3 for d in data)  # the reader's output

    out = tmp_path / "export.jsonl"
    assert cli(plugin_path, "export", "--format", "jsonl", "--out", str(out),
               "--db", str(db)).returncode == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all(s["extracted_by"] == "test-first-sentence@0.1"
                           for r in records for s in r["sources"])

    # a person rejects one incident (as the web records it: with the incident before);
    # re-reading with the rules must keep that decision
    store = open_store(f"sqlite:///{db}")
    try:
        victim = next(i for i in store.incidents()
                      if "Israeli" in store.get_mentions(i.mention_ids)[0].spans[0].text)
        article_of_victim = victim.sources[0].article_id
        store.add_review(Review(action="reject", incident_id=victim.id, user="ana",
                                at="2026-12-05T10:00:00+00:00",
                                before=victim.model_dump(mode="json")))
    finally:
        store.close()

    again = cli(plugin_path, "reextract", "--db", str(db), "--extractor", "strikewatch-rules",
                "--where", "extracted_by=test-first-sentence@0.1")
    assert again.returncode == 0, again.stderr + again.stdout
    assert {by for by, _, _ in article_rows(db).values()} == {"strikewatch-rules@1"}
    store = open_store(f"sqlite:///{db}")
    try:
        mentions = list(store.mentions())
        assert {m.extractor for m in mentions} == {"strikewatch-rules-1"}
        assert any(m.killed_low == 7 for m in mentions)  # the rules read the toll
        assert len(store.reviews()) == 1
        # the review still applies to whatever incident now holds that article's report
        kept = [i for i in store.incidents() if i.reviewed]
        assert kept and kept[0].grade == "discounted"
        assert article_of_victim in {s.article_id for s in kept[0].sources}
    finally:
        store.close()

    bad = cli(plugin_path, "ingest", str(inputs), "--db", str(db), "--extractor", "nope")
    assert bad.returncode == 2 and "test-first-sentence" in bad.stderr  # names the known ones


def test_an_invalid_mention_is_an_error_on_its_article_and_the_batch_goes_on(
        plugin_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    inputs = write(tmp_path / "in", good="Jets struck a depot on Friday. Three died.",
                   likely="LIKELY: a boat was hit. Three died.",
                   crash="CRASH: a convoy was hit. Two died.")
    run = cli(plugin_path, "ingest", str(inputs), "--db", str(db),
              "--extractor", "test-first-sentence")
    assert run.returncode == 0, run.stderr + run.stdout
    rows = article_rows(db)
    assert rows["good.txt"][1] is None and rows["good.txt"][2] is not None
    error = rows["likely.txt"][1]
    assert error and "status" in error and "likely" in error and rows["likely.txt"][2] is None
    assert rows["crash.txt"][1] and "reader fell over" in rows["crash.txt"][1]
    assert "extract failed" in run.stdout and "status" in run.stdout  # listed by ingest
    with sqlite3.connect(db) as conn:
        stored = [json.loads(d)["status"] for (d,) in conn.execute("SELECT data FROM mentions")]
    assert stored == ["occurred"]  # the invalid record never reached the store

    # the next run retries the failed articles (here: read by the rules, which succeed)
    retry = cli(plugin_path, "ingest", str(inputs), "--db", str(db))
    assert retry.returncode == 0, retry.stderr + retry.stdout
    rows = article_rows(db)
    assert rows["likely.txt"] == ("strikewatch-rules@1", None, rows["likely.txt"][2])
    assert rows["likely.txt"][2] is not None and rows["crash.txt"][1] is None


def test_the_boundary_rejects_what_is_not_a_valid_mention_of_the_article() -> None:
    art = Article(text="A boat was struck. Two died.")
    span = Span(article_id=art.id, start=0, end=18, text=art.text[:18])
    good = Mention(article_id=art.id, spans=[span])

    class Reader:
        name, version, languages = "t", "1", frozenset({"en"})

        def __init__(self, out: list[Mention]) -> None:
            self.out = out

        def __call__(self, article: Article) -> list[Mention]:
            return self.out

    assert registry.checked(Reader([good]), art)[0].extractor == "t@1"
    cases = {
        "status": Mention.model_construct(**{**dict(good), "status": "likely"}),
        "another article": good.model_copy(update={"article_id": "elsewhere"}),
        "outside the article": good.model_copy(update={"spans": [
            Span(article_id=art.id, start=0, end=999, text="")]}),
    }
    for words, bad in cases.items():
        with pytest.raises(registry.ExtractionError, match=words):
            registry.checked(Reader([bad]), art)
    with pytest.raises(registry.ExtractionError, match="duplicate mention id"):
        registry.checked(Reader([good, good]), art)


def test_articles_are_routed_by_language_to_a_reader_that_reads_it() -> None:
    class Quechua:
        name, version, languages = "test-qu", "1", frozenset({"qu"})

        def __call__(self, article: Article) -> list[Mention]:
            return []

    registry.extractors.register("test-qu", func=Quechua)
    try:
        assert registry.for_language("en-US").name == registry.DEFAULT_EXTRACTOR  # type: ignore[union-attr]
        assert registry.for_language(None).name == registry.DEFAULT_EXTRACTOR  # type: ignore[union-attr]
        assert registry.for_language("QU").name == "test-qu"  # type: ignore[union-attr]
        assert registry.for_language("xx") is None
        assert registry.reader_languages() >= {"en", "es", "qu"}
        # the built-in Spanish reader answers Spanish (a reader no test registered)
        assert registry.for_language("es").name == "strikewatch-rules-es"  # type: ignore[union-attr]
    finally:
        registry.unregister("test-qu")
    assert "test-qu" not in registry.names() and "qu" not in registry.reader_languages()


def _spoiled(doc: object) -> None:
    """A component after to_mention that spoils what it built (status is not a status)."""
    for m in doc.mentions:  # type: ignore[attr-defined]
        m.status = "likely"


def test_only_our_own_readers_skip_validating_their_mentions_again() -> None:
    from strikewatch.extract.pipeline import DEFAULT_NAMES, ComponentInfo, Pipeline, get_component
    from strikewatch.extract.rules import RulesExtractor

    art = Article(text="A drone strike on a car killed two people in Marib on Monday.",
                  published="2025-03-10")
    rules = registry.get_extractor()
    assert registry.builds_valid_mentions(rules)
    assert registry.builds_valid_mentions(registry.get_extractor("strikewatch-rules-es"))
    built = registry.checked(rules, art)
    assert built and built[0].status == "occurred"
    # what the boundary took as built is what validating it in full gives
    assert [m.model_dump() for m in built] == \
        [m.model_dump() for m in registry.validate(art, rules(art), "strikewatch-rules@1")]

    # ours with a third-party step after to_mention: validated in full, and refused
    spoiling = RulesExtractor(Pipeline([*DEFAULT_NAMES, _spoiled]))
    assert not registry.builds_valid_mentions(spoiling)
    with pytest.raises(registry.ExtractionError, match="status.*likely"):
        registry.checked(spoiling, art)
    # ours with a third-party component in place of one of its own: validated in full
    ours = get_component("dates")
    theirs = ComponentInfo("my_dates", lambda doc: ours.func(doc), ours.requires, ours.assigns)
    replaced = RulesExtractor(Pipeline().replace("dates", theirs))
    assert not registry.builds_valid_mentions(replaced)
    assert [m.model_dump() for m in registry.checked(replaced, art)] == \
        [m.model_dump() for m in built]

    # a third-party reader that says its mentions are built valid is validated anyway
    class Claims:
        name, version, languages = "test-claims", "1", frozenset({"en"})
        builds_valid_mentions = True

        def __call__(self, article: Article) -> list[Mention]:
            out = rules(article)
            for m in out:
                m.status = "likely"  # a Mention, built valid, spoiled after
            return out

    assert not registry.builds_valid_mentions(Claims())
    with pytest.raises(registry.ExtractionError, match="status.*likely"):
        registry.checked(Claims(), art)

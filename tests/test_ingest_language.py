"""The language of each article at ingest, and routing to a reader (ingest.language).

Real parts only: the lingua detector, files on disk, the SQLite and PostgreSQL stores, the
CLI in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from strikewatch import pipeline
from strikewatch.evaluate import evaluate
from strikewatch.ingest import language
from strikewatch.ingest.html import page_tree
from strikewatch.ingest.language import (
    article_language,
    detect_language,
    has_reader,
    html_language,
    normalise_language,
)
from strikewatch.store import open_store
from strikewatch.store.sql import SqlStore

ROOT = Path(__file__).resolve().parent.parent
EN = ("A drone struck a fuel depot outside the port city late on Sunday, setting off a fire "
      "that burned for hours, the regional governor said. No casualties were reported.")
ES = ("Un ataque de Estados Unidos contra una lancha en el mar Caribe dejó tres muertos el "
      "martes, informó el Comando Sur, que no presentó pruebas de que la embarcación "
      "transportara drogas. Los familiares de los pescadores pidieron a las autoridades que "
      "publicaran los nombres de los fallecidos.")
FR = ("Une frappe de drone a visé un dépôt de carburant près du port dimanche soir, "
      "provoquant un incendie qui a duré plusieurs heures, a indiqué le gouverneur.")
RU = ("Беспилотник атаковал нефтебазу недалеко от порта в воскресенье вечером, вызвав "
      "пожар, который продолжался несколько часов, сообщил губернатор.")
AR = ("استهدفت طائرة مسيرة مستودعا للوقود قرب الميناء مساء الأحد، ما أدى إلى اندلاع حريق "
      "استمر لساعات، بحسب ما أعلن المحافظ.")


@pytest.mark.parametrize(("value", "want"), [
    ("en", "en"), ("EN", "en"), ("es-MX", "es"), ("es_MX", "es"), ("spa", "es"),
    ("Spanish", "es"), ("pt-BR", "pt"), ("fil", "fil"), ("zz", None), ("", None),
    (None, None), (42, None),
])
def test_normalise_language(value: object, want: str | None) -> None:
    assert normalise_language(value) == want


@pytest.mark.parametrize(("text", "want"), [(EN, "en"), (ES, "es"), (FR, "fr"), (RU, "ru"),
                                            (AR, "ar"), ("", None), ("   ", None)])
def test_detect_language(text: str, want: str | None) -> None:
    assert detect_language(text) == want


def test_order_of_trust() -> None:
    # the input's own field wins, even over the text
    assert article_language("en", ES) == ("en", "supplied")
    # an unreadable field is no answer: the detector decides
    assert article_language("klingon-ish", ES) == ("es", "detected")
    # the detector outranks a template's <html lang>
    tree = page_tree(f"<html lang='en'><body><p>{ES}</p></body></html>")
    assert html_language(tree) == "en"
    assert article_language(None, ES, tree) == ("es", "detected")
    # where the text says nothing (digits only), the page's declaration breaks the tie
    tree = page_tree("<html><head><meta property='og:locale' content='es_MX'></head>"
                     "<body><p>3 - 0</p></body></html>")
    assert article_language(None, "3 - 0", tree) == ("es", "html-lang")
    assert article_language(None, "3 - 0") == (None, None)


def test_routing_question_has_one_answer() -> None:
    # Spanish has a built-in reader (strikewatch-rules-es); French has none
    assert has_reader("en") and has_reader(None) and has_reader("es") and not has_reader("fr")
    assert language.readable_languages() == {"en", "es", None}


def _french_and_english(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.json").write_text(json.dumps({"text": EN, "published": "2025-10-27"}),
                                    encoding="utf-8")
    (folder / "fr.json").write_text(json.dumps({"text": FR, "published": "2025-11-04"}),
                                    encoding="utf-8")
    (folder / "odd_tag.json").write_text(json.dumps(
        {"text": EN + " Two more fires were reported.", "language": "english please",
         "published": "2025-10-27"}), encoding="utf-8")
    (folder / "fr_tagged.json").write_text(json.dumps(
        {"text": FR + " Une autre frappe a eu lieu mercredi.", "language": "fr-CA",
         "published": "2025-11-05"}), encoding="utf-8")
    return folder


def test_unsupported_language_is_stored_unread_and_read_once_a_reader_exists(
    store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = pipeline.run([str(_french_and_english(tmp_path))], store)
    assert len(report.ingest.ingested) == 4
    assert report.ingest.languages == {"en": 2, "fr": 2}
    (name, warning), = report.ingest.warnings
    assert name.endswith("odd_tag.json")
    assert warning == "language 'english please' is not a language code or name; detected: en"
    by_source = {Path(a.source or "").name: a for a in store.articles()}
    assert (by_source["fr.json"].language, by_source["fr.json"].language_source) == (
        "fr", "detected")
    assert (by_source["fr_tagged.json"].language,
            by_source["fr_tagged.json"].language_source) == ("fr", "supplied")
    assert by_source["en.json"].language == "en"
    # English read; French stored, never read with English rules, findable as unread
    assert report.extracted == 2 and report.unread == {"fr": 2}
    assert list(store.mentions(by_source["fr.json"].id)) == []
    unread = {by_source["fr.json"].id, by_source["fr_tagged.json"].id}
    assert set(store.unextracted_article_ids()) == unread
    assert set(store.unextracted_article_ids({"fr"})) == unread
    assert store.unextracted_article_ids(language.readable_languages()) == []
    # a second run without a French reader leaves them as they are
    again = pipeline.run([str(tmp_path / "in")], store)
    assert again.extracted == 0 and again.unread == {"fr": 2}

    # a reader for French appears (the extractor registry answers this question)
    monkeypatch.setattr(language, "reader_languages", lambda: frozenset({"en", "es", "fr"}))
    later = pipeline.run([str(tmp_path / "in")], store)
    assert later.ingest.ingested == [] and later.extracted == 2 and later.unread == {}
    assert store.unextracted_article_ids() == []


def test_cli_summary_lists_unread_languages(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "strikewatch", "ingest", str(_french_and_english(tmp_path)),
         "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = " ".join(proc.stdout.split())
    assert "4 ingested" in out and "extracted 2 articles" in out.lower()
    assert "languages of the articles ingested: en 2, fr 2" in out
    assert "stored, not read: 2 in fr" in out


def test_importing_the_ingest_stack_does_not_load_the_detector() -> None:
    """lingua's models cost half a second: only detecting a language loads them."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c",
         "import strikewatch.ingest, strikewatch.ingest.language, strikewatch.pipeline"],
        capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert "| lingua" not in proc.stderr and "strikewatch.ingest.language" in proc.stderr


def test_eval_routes_as_ingest_does(tmp_path: Path) -> None:
    """A French gold article is left unread by eval (its strike counts as missed), an
    English one and a Spanish one are read: the scores say what the ledger would hold."""
    for name, text in (("fr", FR), ("en", EN), ("es", ES)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        evidence = {"fr": "Une frappe de drone", "en": "A drone struck a fuel depot",
                    "es": "dejó tres muertos"}[name]
        (tmp_path / f"{name}_gold.json").write_text(json.dumps({
            "article": {"file": f"{name}.txt", "published": "2025-11-04"},
            "expect": [{"key": "strike", "evidence": [evidence]}]}), encoding="utf-8")
    total, per = evaluate([tmp_path / f"{n}_gold.json" for n in ("fr", "en", "es")])
    scores = {p.name: sc for p, sc, _ in per}
    fr, en, es = scores["fr_gold.json"], scores["en_gold.json"], scores["es_gold.json"]
    assert fr is not None and en is not None and es is not None
    assert (fr.produced, fr.matched, fr.expected) == (0, 0, 1)
    assert en.matched == 1
    assert es.matched == 1  # read by the Spanish reader, not the English rules


def test_batch_stores_unread_languages_unextracted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`strikewatch batch` routes as ingest does: the French record is stored with its
    language, not read, and left for a later reader."""
    from strikewatch.batch import run_batch

    archive = tmp_path / "archive.jsonl"
    archive.write_text("\n".join(json.dumps(r) for r in (
        {"text": EN, "published": "2025-10-27"},
        {"text": FR, "url": "https://journal.example/2025/11/04/frappe"},
    )), encoding="utf-8")
    db = str(tmp_path / "b.db")
    report = run_batch(archive, engine="local", workers=1, out=tmp_path / "out", db=db)
    assert (report.articles_new, report.articles_unread) == (2, 1)
    store = open_store(db)
    try:
        fr = store.find_article(text=FR)
        assert fr is not None
        assert (fr.language, fr.language_source) == ("fr", "detected")
        assert (fr.published, fr.published_source) == ("2025-11-04", "url")
        assert store.unextracted_article_ids() == [fr.id]
        assert list(store.mentions(fr.id)) == []
        monkeypatch.setattr(language, "reader_languages", lambda: frozenset({"en", "es", "fr"}))
        assert pipeline.extract_pending(store).extracted == 1
    finally:
        store.close()

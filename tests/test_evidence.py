"""The sentence as the unit of evidence (issue 17): each field cites the sentences that state
it, status cites its whole cue, and every reader (API, CSV, JSON, CLI) gets whole sentences
derived from the stored article text. The articles are invented for these tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from strikewatch import pipeline
from strikewatch.accounts.auth import WebSettings, hash_password
from strikewatch.cli import app
from strikewatch.export import write_csv, write_jsonl
from strikewatch.extract import extract
from strikewatch.extract.sentences import split_offsets
from strikewatch.ledger.evidence import Sentences, evidence, with_evidence
from strikewatch.records import Article, Incident, Mention, Span
from strikewatch.server import create_app
from strikewatch.store import IncidentQuery, Store, open_store

THREAT = ("Senior officials in Washington warned on Friday that US jets would strike "
          "smuggling camps along the coast of Guyana. The Guyanese government on Saturday "
          "said no such camps existed.")
DENIAL = ("The defence ministry of Colombia on Monday denied that its navy had struck a "
          "fishing boat near Barranquilla, calling the reports false.")
CONDITION = ("If the navy were to strike the fuel depots near Maracaibo, analysts say, "
             "hundreds of workers could die.")
WARSHIPS = ("US forces struck a speedboat in the western Caribbean on Tuesday, killing four "
            "people aboard, the Pentagon said. It was the first such strike announced by the "
            "administration since warships were sent to the region in August.")
WEEKEND = ("US forces struck three boats over the weekend, killing nine people, officials "
           "said on Monday.\n\nThe first strike, on Saturday, hit a vessel near Aruba and "
           "killed five people. The second, on Sunday, killed four people on a boat off the "
           "coast of Panama.")
PUBLISHED = "2025-11-12"


def mentions(text: str) -> list[Mention]:
    return extract(Article(text=text, published=PUBLISHED))


def cited(m: Mention, key: str) -> list[str]:
    return [s.text for s in m.provenance.get(key, [])]


def sentence_of(text: str, span: Span) -> str:
    return next(text[a:b] for a, b in split_offsets(text) if a <= span.start < b)


# --- extraction: each field cites what states it ----------------------------------------


@pytest.mark.parametrize(("text", "status", "cue"), [
    (THREAT, "threatened", "warned on Friday that US jets would"),
    (DENIAL, "denied", "denied"),
    (CONDITION, "hypothetical", "If"),
])
def test_status_cites_its_whole_cue_not_one_letter(text: str, status: str, cue: str) -> None:
    [m] = [m for m in mentions(text) if m.status == status]
    spans = m.provenance["status"]
    assert cue in [s.text for s in spans]
    # the cue's words as they stand in the text, never a fragment of a word
    for s in spans:
        assert s.text == text[s.start:s.end]
        assert (s.start == 0 or not text[s.start - 1].isalnum()) and \
            (s.end == len(text) or not text[s.end].isalnum()), s.text


def test_a_later_clause_is_no_evidence_for_target_or_victim() -> None:
    """'since warships were sent': the warships were not what the strike hit."""
    found = mentions(WARSHIPS)
    strike = next(m for m in found if m.killed_low == 4)
    assert strike.target_kind == "vessel"
    for m in found:
        for key in ("target_kind", "actor2"):
            assert "warships" not in cited(m, key), (key, m.provenance)


def test_an_inherited_actor_cites_where_it_is_named() -> None:
    """'The second, on Sunday, killed four': US forces are named in the first sentence, so
    that sentence, not the word 'killed', is the actor's evidence."""
    second = next(m for m in mentions(WEEKEND) if m.killed_low == 4 and m.kind == "event")
    assert second.actor1 is not None and second.actor1.name == "US forces"
    [span] = second.provenance["actor1"]
    assert span.text == "US forces"
    assert sentence_of(WEEKEND, span).startswith("US forces struck three boats")


def test_single_valued_fields_cite_only_frames_that_state_the_kept_value() -> None:
    for m in mentions(WARSHIPS) + mentions(WEEKEND) + mentions(THREAT):
        for key, attr in (("actor1", "actor1"), ("actor2", "actor2"),
                          ("target_kind", "target_kind"), ("place", "place")):
            if getattr(m, attr) is None:
                assert not m.provenance.get(key), (key, m.provenance.get(key))


# --- the sentence helper ------------------------------------------------------------------


def test_sentences_around_a_span() -> None:
    text = "First one here. Second, with 11 dead. Third."
    s = Sentences(text)
    i = text.index("11")
    assert text[slice(*s.around(i, i + 2))] == "Second, with 11 dead."
    # a span across a sentence end gives both sentences whole
    j = text.index("here. Second")
    assert text[slice(*s.around(j, j + 12))] == "First one here. Second, with 11 dead."
    # a span starting in the space between two sentences belongs to the next one
    k = text.index(" Third")
    assert text[slice(*s.around(k, k + 3))] == "Third."
    assert s.around(500, 510) == (500, 510)  # past the text: left as it is


def test_evidence_without_the_article_keeps_the_span() -> None:
    ev = evidence(Span(article_id="gone", start=3, end=5, text="11"), None)
    assert (ev.text, ev.sentence, ev.sentence_start) == ("11", "", None)


# --- every reader gets whole sentences ----------------------------------------------------


def ingest_articles(root: Path) -> str:
    """THREAT, WARSHIPS and WEEKEND (and a reprint of WARSHIPS) ingested, extracted and
    resolved into a SQLite ledger under `root`, with a viewer 'rita'; returns its path."""
    articles = (("threat", THREAT), ("warships", WARSHIPS), ("weekend", WEEKEND),
                ("reprint", WARSHIPS + " The Pentagon did not name the crew."))
    for name, text in articles:
        (root / f"{name}.json").write_text(json.dumps(
            {"text": text, "published": PUBLISHED, "publisher": f"{name.title()} Post",
             "url": f"https://{name}.example/1"}))
    db = str(root / "ledger.db")
    store = open_store(db)
    try:
        pipeline.run([str(root)], store)
        store.add_user("rita", hash_password("reader-pass-1"), "viewer")
    finally:
        store.close()
    return db


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = ingest_articles(tmp_path_factory.mktemp("evidence"))
    store = open_store(db)
    texts = {a.id: a.text for a in store.articles(limit=100)}
    incidents = store.incidents(IncidentQuery(limit=0))
    store.close()
    return {"db": db, "texts": texts, "incidents": incidents}


def whole_sentence(texts: dict[str, str], rec: dict[str, Any]) -> bool:
    """The record's sentence is a sentence of its article, containing the span."""
    text = texts[rec["article_id"]]
    a, b = rec["sentence_start"], rec["sentence_end"]
    return (text[a:b] == rec["sentence"] and (a, b) in split_offsets(text)
            and a <= rec["start"] < rec["end"] <= b)


def test_with_evidence_gives_every_span_its_sentence(ledger: dict[str, Any]) -> None:
    store = open_store(ledger["db"])
    try:
        enriched = list(with_evidence(store, ledger["incidents"], chunk=2))
    finally:
        store.close()
    assert [i.id for i in enriched] == [i.id for i in ledger["incidents"]]
    threat = next(i for i in enriched if i.status == "threatened")
    status = [s.model_dump() for s in threat.provenance["status"]]
    assert status and all(whole_sentence(ledger["texts"], s) for s in status)
    assert status[0]["sentence"].startswith("Senior officials in Washington warned")
    # stored records are unchanged: the sentence is derived, never stored
    assert "sentence" not in ledger["incidents"][0].model_dump(mode="json")["provenance"][
        next(iter(ledger["incidents"][0].provenance))][0]


def test_csv_and_json_exports_list_whole_sentences(ledger: dict[str, Any]) -> None:
    store = open_store(ledger["db"])
    try:
        incidents = list(with_evidence(store, ledger["incidents"]))
    finally:
        store.close()
    buf = io.StringIO()
    write_csv(incidents, buf)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()))}
    threat = next(i for i in incidents if i.status == "threatened")
    row = rows[threat.id]
    assert row["notes"].startswith("Senior officials in Washington warned on Friday that US "
                                   "jets would strike smuggling camps along the coast of "
                                   "Guyana.")
    # every field is named before the sentence that states it
    entry = row["evidence"].split(" | ")[0]
    fields, sentence = entry.split(": ", 1)
    assert {"status", "date", "actor1"} <= set(fields.split(", "))
    assert sentence == " ".join(THREAT.split(". ")[0].split()) + "."
    buf = io.StringIO()
    write_jsonl(incidents, [], buf)
    for line in buf.getvalue().splitlines():
        for spans in json.loads(line)["provenance"].values():
            for s in spans:
                assert whole_sentence(ledger["texts"], s), s


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1"})
    return result.exit_code, result.output


def test_cli_export_incidents_and_tallies_carry_sentences(ledger: dict[str, Any],
                                                       tmp_path: Path) -> None:
    out = tmp_path / "ledger.jsonl"
    code, _ = _cli("export", "--db", ledger["db"], "--format", "jsonl", "--out", str(out))
    assert code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    spans = [s for r in records for v in r["provenance"].values() for s in v]
    assert spans and all(whole_sentence(ledger["texts"], s) for s in spans)
    code, text = _cli("incidents", "--db", ledger["db"], "--format", "json")
    assert code == 0
    listed = json.loads(text)
    spans = [s for r in listed for v in r["provenance"].values() for s in v]
    assert spans and all(whole_sentence(ledger["texts"], s) for s in spans)
    code, text = _cli("tallies", "--db", ledger["db"], "--format", "json")
    assert code == 0
    spans = [s for r in json.loads(text) for v in r["provenance"].values() for s in v]
    assert spans and all(whole_sentence(ledger["texts"], s) for s in spans)
    code, text = _cli("incidents", "--db", ledger["db"], "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(text)))
    assert any("warned on Friday that US jets would strike" in r["notes"] for r in rows)


def test_api_incident_and_export_carry_sentences(ledger: dict[str, Any]) -> None:
    store: Store = open_store(ledger["db"])
    try:
        client = TestClient(create_app(store, settings=WebSettings(secret_key="k" * 32)))
        auth = ("rita", "reader-pass-1")
        threat: Incident = next(i for i in ledger["incidents"] if i.status == "threatened")
        got = client.get(f"/api/incidents/{threat.id}", auth=auth)
        assert got.status_code == 200, got.text
        status = got.json()["provenance"]["status"]
        assert status and all(whole_sentence(ledger["texts"], s) for s in status)
        body = client.get("/api/export?format=csv", auth=auth)
        assert body.status_code == 200
        rows = list(csv.DictReader(io.StringIO(body.text)))
        assert any(r["evidence"] and "Senior officials in Washington warned" in r["evidence"]
                   for r in rows)
    finally:
        store.close()

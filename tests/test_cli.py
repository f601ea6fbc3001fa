"""The command line: every command, --db and STRIKEWATCH_DB, exit codes, --help, demo,
and resuming an ingest killed mid-batch (a real subprocess, killed with SIGKILL)."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from strikewatch.cli import app
from strikewatch.records import Actor, Incident, Place, Reconciliation, Tally
from strikewatch.store import open_store
from tests.localhttp import LocalServer, Route, serve

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={**ENV, **(env or {})})
    return result.exit_code, result.output


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, **ENV, **extra}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("STRIKEWATCH_DB", None)
    return env


@pytest.fixture
def ledger_db(tmp_path: Path) -> Iterator[str]:
    db = str(tmp_path / "cli.db")
    s = open_store(db)
    s.replace_ledger(
        [
            Incident(id="inc-sea", event_type="Explosions/Remote violence",
                     sub_event_type="Air/drone strike", date_low="2025-09-02",
                     date_high="2025-09-02", killed_low=11, killed_high=11, grade="fair",
                     place=Place(name="Caribbean Sea", kind="sea", latitude=15.0,
                                 longitude=-73.0, geo_precision=6),
                     actor1=Actor(name="US military")),
            Incident(id="inc-mx", event_type="Battles", sub_event_type="Armed clash",
                     date_low="2025-10-17", date_high="2025-10-17", killed_low=5,
                     killed_high=7, place=Place(name="Culiacan", country="MX"),
                     actor1=Actor(name="Mexican army"), status="occurred"),
            Incident(id="inc-plan", event_type="Strategic developments",
                     date_low="2025-11-01", date_high="2025-11-30", status="planned"),
        ],
        [Tally(id="tally-1", period_low="2025-09-01", period_high="2025-11-05",
               strikes_low=15, killed_low=61,
               reconciliation=Reconciliation(state="inconsistent", difference=45))],
    )
    s.close()
    yield db


def test_help_is_complete() -> None:
    code, out = cli("--help")
    assert code == 0
    for command in ("ingest", "incidents", "tallies", "export", "demo"):
        assert command in out
    expected = {
        "ingest": ("--db", "--published", "--publisher", "--url", "--allow-private",
                   "--timeout", "--max-bytes", "PATH_OR_URL"),
        "incidents": ("--db", "--from", "--to", "--country", "--status", "--grade",
                      "--event-type", "--actor", "--text", "--sort", "--limit", "--offset",
                      "--json"),
        "tallies": ("--db", "--json"),
        "export": ("--db", "--format", "--out", "jsonl", "csv", "geojson"),
        "demo": ("--db",),
    }
    for command, options in expected.items():
        code, out = cli(command, "--help")
        assert code == 0, out
        for opt in options:
            assert opt in out, (command, opt)
        assert "STRIKEWATCH_DB" in out or command == "demo"


def test_incidents_table_filters_and_json(ledger_db: str) -> None:
    code, out = cli("incidents", "--db", ledger_db)
    assert code == 0
    assert "inc-sea" in out and "inc-mx" in out and "Incidents (3 of 3)" in out
    assert "5–7" in out and "Caribbean Sea" in out
    code, out = cli("incidents", "--db", ledger_db, "--country", "MX")
    assert code == 0 and "inc-mx" in out and "inc-sea" not in out
    code, out = cli("incidents", "--db", ledger_db, "--status", "planned", "--json")
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["inc-plan"]
    code, out = cli("incidents", "--db", ledger_db, "--sort", "-killed_high", "--json",
                    "--limit", "2")
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["inc-sea", "inc-mx"]
    code, out = cli("incidents", "--db", ledger_db, "--actor", "army", "--from", "2025-10-01",
                    "--json")
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["inc-mx"]
    code, out = cli("incidents", "--db", ledger_db, "--sort", "nonsense")
    assert code == 2 and "sort: 'nonsense' is not one of" in out


def test_db_from_environment(ledger_db: str) -> None:
    code, out = cli("incidents", "--json", env={"STRIKEWATCH_DB": ledger_db})
    assert code == 0 and len(out.splitlines()) == 3


def test_tallies(ledger_db: str) -> None:
    code, out = cli("tallies", "--db", ledger_db)
    assert code == 0 and "tally-1" in out and "≥61" in out and "inconsistent (+45)" in out
    code, out = cli("tallies", "--db", ledger_db, "--json")
    assert json.loads(out.splitlines()[0])["strikes_low"] == 15


def test_export_all_formats(ledger_db: str, tmp_path: Path) -> None:
    out_jsonl = tmp_path / "out" / "ledger.jsonl"
    code, _ = cli("export", "--db", ledger_db, "--format", "jsonl", "--out", str(out_jsonl))
    assert code == 0
    kinds = [json.loads(x)["kind"] for x in out_jsonl.read_text().splitlines()]
    assert kinds == ["incident", "incident", "incident", "tally"]
    out_csv = tmp_path / "ledger.csv"
    assert cli("export", "--db", ledger_db, "--format", "csv", "--out", str(out_csv))[0] == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert [r["event_id_cnty"] for r in rows] == ["inc-sea", "inc-mx", "inc-plan"]
    assert rows[1]["country"] == "Mexico" and rows[1]["fatalities"] == "5"
    out_geo = tmp_path / "ledger.geojson"
    assert cli("export", "--db", ledger_db, "--format", "geojson", "--out", str(out_geo))[0] == 0
    feats = json.loads(out_geo.read_text())["features"]
    assert [f["id"] for f in feats] == ["inc-sea"]  # the only one with coordinates
    assert not list(tmp_path.glob("*.part"))
    code, out = cli("export", "--db", ledger_db, "--format", "xml", "--out", str(out_geo))
    assert code == 2 and "jsonl, csv, geojson" in out


def test_ingest_command_summary_and_exit_codes(tmp_path: Path) -> None:
    db = str(tmp_path / "i.db")
    good = tmp_path / "good.txt"
    good.write_text("Troops fired on a crowd on Friday, killing two, witnesses said.")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok line with some words in it"}\n{oops\n')
    code, out = cli("ingest", str(good), str(bad), str(tmp_path / "nope.html"), "--db", db)
    assert code == 0
    assert "2 ingested, 0 duplicates" in out and "3 skipped" not in out
    assert f"{bad}:2" in out and "invalid JSON line" in out
    assert "nope.html" in out and "no such file" in out
    code, out = cli("ingest", str(tmp_path / "nope.html"), "--db", db)
    assert code == 1
    code, out = cli("ingest", str(tmp_path), "--published", "2025-01-01", "--db", db)
    assert code == 2 and "exactly one file" in out
    code, out = cli("ingest", str(good), "--db", "nosuchdialect://x/y")
    assert code == 2 and "cannot open database" in out


def test_ingest_single_file_metadata(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    f = tmp_path / "a.txt"
    f.write_text("A drone hit a truck near the border on Monday, killing three.")
    code, out = cli("ingest", str(f), "--db", db, "--published", "2025-06-03",
                    "--publisher", "Border Times", "--url", "https://bt.example/a")
    assert code == 0, out
    s = open_store(db)
    (art,) = list(s.articles())
    s.close()
    assert (art.published, art.publisher, art.url) == (
        "2025-06-03", "Border Times", "https://bt.example/a")


@pytest.mark.slow
def test_demo_command_as_make_demo_runs_it(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    cmd = [sys.executable, "-m", "strikewatch", "demo", "--db", str(db)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=subprocess_env(),
                          cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "20 ingested, 0 duplicates, 2 linked to an earlier copy, 0 skipped" in proc.stdout
    assert "Ledger:" in proc.stdout and "18 independent origins" in proc.stdout
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from articles").fetchone() == (20,)
    con.close()
    again = subprocess.run(cmd, capture_output=True, text=True, env=subprocess_env(),
                           cwd=tmp_path, timeout=300)
    assert again.returncode == 0 and "0 ingested, 20 duplicates" in again.stdout


def make_articles(folder: Path, n: int) -> None:
    rng = random.Random(7)
    words = ("patrol convoy harbour ministry statement village morning reporters officials "
             "vessel coast market bridge road council weather river season crews").split()
    folder.mkdir()
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(60))
        (folder / f"{i:04d}.txt").write_text(f"Item {i}: {body}.", encoding="utf-8")


def counts(db: Path) -> tuple[int, int, int, set[str]]:
    s = open_store(str(db))
    ids = {a.id for a in s.articles()}
    out = (s.count_articles(), s.count_mentions(), len(s.unextracted_article_ids()), ids)
    s.close()
    return out


@pytest.mark.slow
def test_ingest_resumes_after_kill_9(tmp_path: Path) -> None:
    n = 800
    folder = tmp_path / "many"
    make_articles(folder, n)
    env = subprocess_env()
    killed_db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "strikewatch", "ingest", str(folder), "--db", str(killed_db)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored_at_kill = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if killed_db.exists():
                try:
                    con = sqlite3.connect(f"file:{killed_db}?mode=ro", uri=True, timeout=1)
                    stored_at_kill = con.execute("select count(*) from articles").fetchone()[0]
                    con.close()
                except sqlite3.OperationalError:
                    stored_at_kill = 0
                if stored_at_kill >= 25:
                    break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = counts(killed_db)
    assert 0 < partial[0] < n, "the kill must land mid-batch"
    # every stored article is whole: its text equals the file it came from
    con = sqlite3.connect(killed_db)
    assert con.execute("pragma integrity_check").fetchone() == ("ok",)
    for source, text in con.execute("select source, text from articles"):
        assert Path(source).read_text(encoding="utf-8").strip() == text
    con.close()

    resumed = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{n - partial[0]} ingested, {partial[0]} duplicates" in resumed.stdout

    clean_db = tmp_path / "clean.db"
    clean = subprocess.run(
        [sys.executable, "-m", "strikewatch", "ingest", str(folder), "--db", str(clean_db)],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert clean.returncode == 0, clean.stderr
    got, want = counts(killed_db), counts(clean_db)
    assert got[0] == want[0] == n
    assert got[1] == want[1]  # same number of mentions
    assert got[2] == want[2] == 0  # nothing left unextracted
    assert got[3] == want[3]  # the very same article ids


def test_bad_published_option_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Something happened somewhere.")
    code, out = cli("ingest", str(f), "--published", "next-ish", "--db", str(tmp_path / "x.db"))
    assert code == 2 and "next-ish" in out


def test_readme_starts_with_the_two_commands() -> None:
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:6]
    assert any(line.startswith("make demo") for line in head)
    assert any(line.startswith("make test") for line in head)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "strikewatch demo" in makefile and "pytest" in makefile
    assert "sh .ci/system-deps.sh" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    yield from serve()


def test_ingest_url_needs_allow_private_for_loopback(
    tmp_path: Path, http_server: LocalServer
) -> None:
    body = ("Artillery fire hit a bus station on Tuesday morning, killing six people and "
            "injuring nine, the regional administration said in a statement.")
    http_server.routes["/bus"] = Route(
        f"<html><body><article><p>{body}</p></article></body></html>".encode())
    db = str(tmp_path / "u.db")
    code, out = cli("ingest", http_server.url("/bus"), "--db", db)
    assert code == 1 and "refusing 127.0.0.1" in out and "--allow-private" in out
    assert http_server.hits == []
    code, out = cli("ingest", http_server.url("/bus"), "--db", db, "--allow-private")
    assert code == 0 and "1 ingested" in out
    s = open_store(db)
    art = s.find_article(url=http_server.url("/bus"))
    s.close()
    assert art is not None and body in art.text

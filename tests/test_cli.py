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
from tests.localhttp import LocalServer, Route

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
                      "--event-type", "--actor", "--text", "--sort", "--oldest-first",
                      "--limit", "--offset",
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


def test_incidents_newest_first_unless_asked(ledger_db: str) -> None:
    """A desk reads the latest reports first; --oldest-first (or --sort) says otherwise."""
    code, out = cli("incidents", "--db", ledger_db, "--json")
    assert code == 0
    assert [json.loads(x)["id"] for x in out.splitlines()] == ["inc-plan", "inc-mx", "inc-sea"]
    code, out = cli("incidents", "--db", ledger_db)
    assert "newest first" in out
    assert out.index("inc-plan") < out.index("inc-mx") < out.index("inc-sea")
    code, out = cli("incidents", "--db", ledger_db, "--oldest-first", "--format", "csv")
    assert code == 0
    assert [r["id"] for r in csv.DictReader(out.splitlines())] == ["inc-sea", "inc-mx",
                                                                   "inc-plan"]
    code, out = cli("incidents", "--db", ledger_db, "--oldest-first", "--sort", "grade")
    assert code == 2 and "not both" in out


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


# --- Readers of the command line: start-up, tables at 80 columns, scripts, wrong paths ----

HEAVY = ("scipy", "pyarrow", "trafilatura", "spacy", "duckdb", "splink")


@pytest.mark.parametrize("argv", [["--help"], ["incidents", "--help"], ["ingest", "--help"],
                                  ["serve", "--help"]])
def test_help_imports_nothing_heavy(argv: list[str]) -> None:
    """`strikewatch --help` in a fresh interpreter loads none of the slow libraries."""
    code = ("import sys\nfrom strikewatch.cli import app\n"
            f"try:\n    app({argv!r})\nexcept SystemExit:\n    pass\n"
            f"print('LOADED', sorted(m for m in {HEAVY!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=subprocess_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Usage" in proc.stdout
    assert proc.stdout.splitlines()[-1] == "LOADED []", proc.stdout[-300:]


def test_reading_the_ledger_imports_nothing_heavy(ledger_db: str) -> None:
    code = ("import sys\nfrom strikewatch.cli import app\n"
            f"try:\n    app(['incidents', '--db', {ledger_db!r}])\nexcept SystemExit:\n    pass\n"
            f"print('LOADED', sorted(m for m in {HEAVY!r} if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=subprocess_env(), timeout=60)
    assert "Caribbean Sea" in proc.stdout
    assert proc.stdout.splitlines()[-1] == "LOADED []", proc.stdout[-300:]


def test_http_defaults_in_help_are_the_fetchers() -> None:
    from strikewatch import cli as cli_module
    from strikewatch.ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT

    assert (cli_module.HTTP_TIMEOUT, cli_module.HTTP_MAX_BYTES) == (
        DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES)


@pytest.fixture
def wordy_db(tmp_path: Path) -> str:
    """Incidents with long places and actors, as real reporting has them."""
    db = str(tmp_path / "wordy.db")
    s = open_store(db)
    incs = [
        Incident(id=f"inc-{n:02d}", event_type="Explosions/Remote violence",
                 sub_event_type="Air/drone strike", date_low=f"2025-10-{n:02d}",
                 date_high=f"2025-10-{n + 1:02d}", killed_low=n, killed_high=n + 2,
                 status="hypothetical", grade="discounted",
                 place=Place(name="Caribbean Sea off the coast of Trinidad and Tobago",
                             kind="sea"),
                 actor1=Actor(name="United States Southern Command forces"),
                 actor2=Actor(name="crew of an unflagged go-fast boat"))
        for n in range(1, 9)
    ] + [Incident(id="inc-year", date_low="1916-01-01", date_high="1916-12-31",
                  background=True, place=Place(name="[bold red]Mexico[/]", country="MX"))]
    s.replace_ledger(incs, [])
    s.close()
    return db


@pytest.mark.parametrize("columns", [80, 100, 120, 200])
def test_incident_table_rows_are_one_line_at_any_width(wordy_db: str, columns: int) -> None:
    code, out = cli("incidents", "--db", wordy_db, env={"COLUMNS": str(columns)})
    assert code == 0, out
    lines = out.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    rows = [line for line in lines if line.startswith(("2025-", "1916", "inc-"))]
    assert len(rows) == 9  # one line per incident: nothing wrapped
    for row in rows:  # what must be read whole is never cut
        assert "hypothetical" in row or "occurred (bg)" in row
        assert "discounted" in row or "weak" in row
    assert "2025-10-01–02" in out and "1916 " in out and "202…" not in out
    assert "Caribbean Sea off" in out
    assert "[bold red]Mexico[/]" in out  # input is printed as text, never as markup
    assert ("inc-01" in out) == (columns >= 100)
    assert ("United States" in out) == (columns >= 200)


def test_piped_demo_style_table_has_no_cut_dates(wordy_db: str) -> None:
    """Piped, Rich assumes 80 columns; rows still fit and dates stay whole."""
    proc = subprocess.run([sys.executable, "-m", "strikewatch", "incidents", "--db", wordy_db],
                          capture_output=True, text=True,
                          env={k: v for k, v in subprocess_env().items() if k != "COLUMNS"},
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert max(len(line.rstrip()) for line in proc.stdout.splitlines()) <= 80
    assert "2025-10-08–09" in proc.stdout


def test_listing_commands_speak_csv_and_json(ledger_db: str) -> None:
    code, out = cli("incidents", "--db", ledger_db, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(out.splitlines()))
    assert {r["id"] for r in rows} == {"inc-sea", "inc-mx", "inc-plan"}
    assert next(r for r in rows if r["id"] == "inc-mx")["killed_high"] == "7"
    code, out = cli("incidents", "--db", ledger_db, "--format", "json", "--status", "planned")
    assert [r["id"] for r in json.loads(out)] == ["inc-plan"]
    code, out = cli("incidents", "--db", ledger_db, "--format", "jsonl")
    assert len([json.loads(x) for x in out.splitlines()]) == 3
    code, out = cli("tallies", "--db", ledger_db, "--format", "csv")
    (row,) = list(csv.DictReader(out.splitlines()))
    assert (row["id"], row["strikes_low"], row["reconciliation"], row["difference"]) == (
        "tally-1", "15", "inconsistent", "45")
    code, out = cli("tallies", "--db", ledger_db, "--format", "json")
    assert json.loads(out)[0]["killed_low"] == 61
    code, out = cli("tallies", "--db", ledger_db, "--format", "xml")
    assert code == 2 and "table, csv, json, jsonl" in out


@pytest.mark.parametrize("argv", [["incidents"], ["tallies"],
                                  ["export", "--format", "csv", "--out", "-"],
                                  ["serve"], ["user", "list"], ["reextract"]])
def test_read_commands_refuse_a_missing_database(tmp_path: Path, argv: list[str]) -> None:
    missing = tmp_path / "typo" / "ledgr.db"
    missing.parent.mkdir()
    proc = subprocess.run([sys.executable, "-m", "strikewatch", *argv, "--db", str(missing)],
                          capture_output=True, text=True, env=subprocess_env(), timeout=60)
    assert proc.returncode == 2
    assert f"no database at {missing}" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1  # one line, no traceback
    assert not missing.exists()
    url = subprocess.run([sys.executable, "-m", "strikewatch", *argv, "--db",
                          f"sqlite:///{missing}"], capture_output=True, text=True,
                         env=subprocess_env(), timeout=60)
    assert url.returncode == 2 and not missing.exists()


def test_serve_on_an_unopenable_database_is_one_line(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "strikewatch", "serve", "--db",
                           "nosuchdialect://x/y"], capture_output=True, text=True,
                          env=subprocess_env(), timeout=60)
    assert proc.returncode == 2 and "cannot open database" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_ingest_summary_names_the_ignored_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("A drone hit a truck near the border on Monday, killing three.")
    (folder / "notes.md").write_text("# my notes")
    (folder / "photo.png").write_bytes(b"\x89PNG")
    code, out = cli("ingest", str(folder), "--db", str(tmp_path / "n.db"))
    assert code == 0, out
    assert "ignored notes.md, photo.png (.md .png: not an article format)" in out
    for n in range(4):
        (folder / f"extra{n}.csv").write_text("x")
    code, out = cli("ingest", str(folder), "--db", str(tmp_path / "n.db"))
    assert "and 3 more" in out
    assert f"ignored {folder / 'photo.png'}: .png: not one of" in out


def test_export_csv_byte_order_mark_is_opt_in(ledger_db: str, tmp_path: Path) -> None:
    plain, marked = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert cli("export", "--db", ledger_db, "--format", "csv", "--out", str(plain))[0] == 0
    assert cli("export", "--db", ledger_db, "--format", "csv", "--bom",
               "--out", str(marked))[0] == 0
    assert plain.read_bytes()[:3] != b"\xef\xbb\xbf"
    assert marked.read_bytes()[:3] == b"\xef\xbb\xbf"
    rows = list(csv.DictReader(marked.open(encoding="utf-8-sig")))
    assert rows[0]["event_id_cnty"] == "inc-sea"


def test_ranges_and_dates_read_as_people_write_them() -> None:
    from strikewatch.terminal import fmt_dates, fmt_range

    assert [fmt_range(5, 5), fmt_range(5, 7), fmt_range(None, None), fmt_range(3, None)] == [
        "5", "5–7", "?", "≥3"]
    assert fmt_dates("1916-01-01", "1916-12-31") == "1916"
    assert fmt_dates("2025-02-01", "2025-02-28") == "2025-02"
    assert fmt_dates("2024-02-01", "2024-02-28") == "2024-02-01–28"  # 2024 is a leap year
    assert fmt_dates("2025-09-01", "2025-11-06") == "2025-09-01–11-06"
    assert fmt_dates("2024-12-30", "2025-01-02") == "2024-12-30 – 2025-01-02"
    assert fmt_dates("2025-11-08", "2025-11-08") == "2025-11-08"


def test_ingest_report_prints_names_and_reasons_as_text(tmp_path: Path) -> None:
    """A file called "[bold]x.jsonl" with a broken line: the name and the reason
    are printed as they are, not styled (Rich markup) or swallowed."""
    bad = tmp_path / "[bold]x.jsonl"
    bad.write_text('{"text": "[red]ok[/red] line with some words in it"}\n{oops [/]\n')
    code, out = cli("ingest", str(bad), "--db", str(tmp_path / "m.db"))
    assert code == 0, out
    assert "[bold]x.jsonl:2" in out and "invalid JSON line" in out

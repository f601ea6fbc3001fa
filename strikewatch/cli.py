"""The `strikewatch` command line (Typer + Rich).

Everything printed that came from input (names, reasons, places, errors) goes through
`esc` or `Text`, never into Rich markup: a title like "[/oops]" must print as itself.

Every command takes `--db` (a SQLite path or an SQLAlchemy URL; default the
STRIKEWATCH_DB variable, else ./strikewatch.db). To add a command, define a function
with `@app.command()` here, using `DbOption` for the database and `get_store(db)` to
open it.
"""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape as esc
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy.exc import DBAPIError

from strikewatch import pipeline
from strikewatch.export import FORMATS, write_export
from strikewatch.ingest import IngestOptions, IngestReport
from strikewatch.ingest.dates import iso_published
from strikewatch.ingest.fetch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT
from strikewatch.ingest.language import readable_languages
from strikewatch.ingest.sources import expand
from strikewatch.records import GRADES, STATUSES, Incident, Tally
from strikewatch.store import IncidentQuery, Store, open_store

app = typer.Typer(
    name="strikewatch",
    help="Turn news reports of military strikes into a verifiable, sourced incident ledger.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
err = Console(stderr=True)

DEMO_DB = "strikewatch-demo.db"

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="STRIKEWATCH_DB",
        help="Database: a SQLite file path or an SQLAlchemy URL "
        "(postgresql+psycopg://user@host/db). Default: ./strikewatch.db.",
        show_default=False,
    ),
]


def get_store(db: str | None) -> Store:
    """Open the store or exit with a clear message (status 2)."""
    try:
        return open_store(db)
    except Exception as exc:  # a bad URL, a missing driver, an unreachable server
        err.print(f"[red]error:[/red] cannot open database {esc(db or '(default)')}: "
                  f"{esc(str(exc))}")
        raise typer.Exit(2) from exc


def fmt_range(low: int | None, high: int | None) -> str:
    """A count range as people read it: 3, 3–5, ≥65, ≤12, or ? when not reported."""
    if low is None and high is None:
        return "?"
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}–{high}"
    return f"≥{low}" if low is not None else f"≤{high}"


def fmt_dates(low: str | None, high: str | None) -> str:
    if not low and not high:
        return "?"
    if low == high or not high:
        return str(low)
    return f"{low or '?'} – {high}"


def print_report(report: pipeline.PipelineReport) -> None:
    ing: IngestReport = report.ingest
    if ing.skipped:
        table = Table(title="Skipped", title_justify="left", show_lines=False)
        table.add_column("input", overflow="fold")
        table.add_column("reason", overflow="fold")
        for name, reason in ing.skipped:
            table.add_row(Text(name), Text(reason))
        console.print(table)
    for name, warning in ing.warnings:
        console.print(f"[yellow]warning:[/yellow] {esc(name)}: {esc(warning)}")
    for article_id, reason in report.extract_failures:
        console.print(f"[red]extract failed:[/red] article {esc(article_id)}: {esc(reason)}")
    for article_id, reason in report.extract_skipped:
        console.print(f"[yellow]not extracted:[/yellow] article {esc(article_id)}: "
                      f"{esc(reason)}")
    console.print(
        f"[bold]{ing.summary()}[/bold]; extracted {report.extracted} articles "
        f"({report.mentions} mentions); ledger: {report.incidents} incidents, "
        f"{report.tallies} tallies"
    )
    if ing.languages:
        console.print("languages of the articles ingested: " + ", ".join(
            f"{esc(lang or 'unknown')} {n}" for lang, n in sorted(
                ing.languages.items(), key=lambda kv: (-kv[1], kv[0] or ""))))
    if ing.dated_copies:
        console.print(f"{len(ing.dated_copies)} earlier undated copies took the date of a "
                      "newly ingested copy of the same story")
    if report.unread:
        console.print(
            "[yellow]stored, not read:[/yellow] "
            + ", ".join(f"{n} in {esc(str(lang))}" for lang, n in report.unread.items())
            + " (no reader for that language yet: they are read by the first ingest run "
            "after one exists)")


def run_pipeline(
    inputs: list[str], store: Store, options: IngestOptions, workers: int = 1
) -> pipeline.PipelineReport:
    """The pipeline with a Rich progress bar on stderr (hidden when not a terminal)."""
    total = len(expand(inputs))
    columns = (
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.fields[current]}", markup=False),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=total, current="")
        report = pipeline.PipelineReport(
            ingest=pipeline.ingest(
                inputs, store, options,
                on_unit=lambda u: progress.update(task, advance=1, current=Path(u.name).name),
            )
        )
        pending = len(store.unextracted_article_ids(readable_languages()))
        task2 = progress.add_task("extract", total=pending, current="")
        pipeline.extract_pending(
            store, report, on_article=lambda _a: progress.update(task2, advance=1),
            workers=workers,
        )
        progress.add_task("resolve", total=None, current="")
        pipeline.rebuild_ledger(store, report)
    return report


@app.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt .html .json .jsonl, feeds .xml/.rss/.atom), folders "
            "(read recursively), http(s) URLs of pages or RSS/Atom feeds.",
            metavar="PATH_OR_URL...",
        ),
    ],
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (ISO 8601) of a single plain file.")
    ] = None,
    publisher: Annotated[
        str | None, typer.Option(help="Publisher of a single plain file.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="Original URL of a single plain file.")] = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Allow URLs on private, loopback and link-local addresses (refused by default).",
        ),
    ] = False,
    timeout: Annotated[
        float, typer.Option(help="Seconds each HTTP fetch may take in all (headers, "
                                 "redirects and body).")
    ] = DEFAULT_TIMEOUT,
    max_bytes: Annotated[
        int, typer.Option(help="Largest HTTP response accepted, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    fetch_links: Annotated[
        bool,
        typer.Option(
            "--fetch-links/--no-fetch-links",
            help="For feed URLs, fetch each entry's page (else use the feed's summary).",
        ),
    ] = True,
    follow_links_out: Annotated[
        bool,
        typer.Option(
            "--follow-links-out",
            help="In folders, also read symbolic links that lead out of the folder "
                 "(refused by default).",
        ),
    ] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="Processes for extraction (1: in this process).")
    ] = 1,
) -> None:
    """Ingest articles, then extract and resolve so the ledger is current.

    The same article (same URL or same text) is stored once; near-identical copies of one
    wire story are linked to one origin. Broken inputs are listed with the reason and
    skipped; the batch goes on. Re-running after an interruption resumes where it stopped.
    Exit status: 0 done; 1 nothing could be read; 2 bad usage or database.
    """
    if published:
        try:
            published = iso_published(published)
        except ValueError as exc:
            err.print(f"[red]error:[/red] --published: {esc(str(exc))}")
            raise typer.Exit(2) from exc
    options = IngestOptions(
        allow_private=allow_private, timeout=timeout, max_bytes=max_bytes, url=url,
        published=published, publisher=publisher, fetch_feed_links=fetch_links,
        follow_links_out=follow_links_out,
    )
    if any((url, published, publisher)):
        units = expand(inputs)
        if len(units) != 1 or units[0].kind != "file":
            err.print("[red]error:[/red] --url/--published/--publisher need exactly one file")
            raise typer.Exit(2)
    store = get_store(db)
    try:
        report = run_pipeline(inputs, store, options, workers)
    except DBAPIError as exc:  # disk full, database locked or gone: stored work is kept
        err.print(f"[red]error:[/red] database {esc(db or '(default)')}: {esc(str(exc.orig))}; "
                  "what was stored before is kept, run the same command again to resume")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    print_report(report)
    ing = report.ingest
    if ing.skipped and not ing.ingested and not ing.duplicates:
        raise typer.Exit(1)


def incident_table(incidents: list[Incident], title: str | None = None) -> Table:
    table = Table(title=title, title_justify="left")
    for col, kw in (
        ("id", {"no_wrap": True}), ("date", {}), ("place", {}), ("type", {}),
        ("status", {}), ("grade", {}), ("killed", {"justify": "right"}),
        ("actors", {}), ("sources", {"justify": "right"}),
    ):
        table.add_column(col, **kw)
    for inc in incidents:
        place = inc.place
        where = (place.name or place.country or "?") if place else "?"
        if place and place.country and place.name and place.country not in where:
            where += f" ({place.country})"
        actors = " → ".join(a.name for a in (inc.actor1, inc.actor2) if a is not None)
        origins = len({s.origin_id or s.article_id for s in inc.sources})
        table.add_row(*map(Text, (
            inc.id, fmt_dates(inc.date_low, inc.date_high), where,
            inc.sub_event_type or inc.event_type or "?",
            inc.status + (" (bg)" if inc.background else ""), inc.grade,
            fmt_range(inc.killed_low, inc.killed_high), actors,
            f"{len(inc.sources)}/{origins}",
        )))
    return table


def tally_table(tallies: list[Tally]) -> Table:
    table = Table(title="Tallies (aggregate claims, never added to the ledger)",
                  title_justify="left")
    for col in ("id", "period", "strikes", "killed", "claimed by", "vs ledger"):
        table.add_column(col)
    for t in tallies:
        who = ", ".join(a.name or a.kind for a in t.attribution) or ", ".join(
            dict.fromkeys(s.publisher or "?" for s in t.sources)
        )
        rec = t.reconciliation
        state = rec.state + (f" ({rec.difference:+d})" if rec.difference is not None else "")
        table.add_row(*map(Text, (
            t.id, fmt_dates(t.period_low, t.period_high),
            fmt_range(t.strikes_low, t.strikes_high), fmt_range(t.killed_low, t.killed_high),
            who, state,
        )))
    return table


@app.command()
def incidents(
    db: DbOption = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Only incidents on or after this date.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Only incidents on or before this date.")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="ISO alpha-2 country code, or a sea's name.")
    ] = None,
    status: Annotated[str | None, typer.Option(help=f"One of: {', '.join(STATUSES)}.")] = None,
    grade: Annotated[str | None, typer.Option(help=f"One of: {', '.join(GRADES)}.")] = None,
    event_type: Annotated[
        str | None, typer.Option(help="ACLED event type, e.g. 'Explosions/Remote violence'.")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Part of an actor's name.")] = None,
    text: Annotated[
        str | None, typer.Option(help="Words to find in place, actors and evidence.")
    ] = None,
    sort: Annotated[
        str, typer.Option(help="Column to sort by; prefix '-' for descending.")
    ] = "date_low",
    limit: Annotated[int, typer.Option(help="Rows to show (0 for all).")] = 100,
    offset: Annotated[int, typer.Option(help="Rows to skip.")] = 0,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON lines instead of a table.")
    ] = False,
) -> None:
    """Show the incident ledger as a table, filtered and sorted."""
    query = IncidentQuery(
        date_from=date_from, date_to=date_to, country=country, status=status, grade=grade,
        event_type=event_type, actor=actor, text=text, sort=sort, limit=limit, offset=offset,
    )
    store = get_store(db)
    try:
        try:
            found = store.incidents(query)
        except ValueError as exc:
            err.print(f"[red]error:[/red] {esc(str(exc))}")
            raise typer.Exit(2) from exc
        total = store.count_incidents(query)
    finally:
        store.close()
    if as_json:
        for inc in found:
            sys.stdout.write(json.dumps(inc.model_dump(mode="json"), ensure_ascii=False) + "\n")
        return
    console.print(incident_table(found, title=f"Incidents ({len(found)} of {total})"))


@app.command()
def tallies(
    db: DbOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON lines instead of a table.")
    ] = False,
) -> None:
    """Show aggregate claims (tallies) and how each compares with the ledger."""
    store = get_store(db)
    try:
        found = store.tallies()
    finally:
        store.close()
    if as_json:
        for t in found:
            sys.stdout.write(json.dumps(t.model_dump(mode="json"), ensure_ascii=False) + "\n")
        return
    console.print(tally_table(found))


@app.command()
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="jsonl: incidents then tallies, one JSON object per line; csv: incidents "
            "with ACLED column names; geojson: one Feature per incident with a known place.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="File to write ('-' for stdout).")],
    db: DbOption = None,
) -> None:
    """Export the ledger in the formats of spec/records.md."""
    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    store = get_store(db)
    try:
        found = store.incidents(IncidentQuery(limit=0))
        found_tallies = store.tallies()
    finally:
        store.close()
    if str(out) == "-":
        n = write_export(fmt, found, found_tallies, sys.stdout)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            n = write_export(fmt, found, found_tallies, fh)
        tmp.replace(out)  # never leave a half-written export behind
    err.print(f"wrote {n} records to {esc(str(out))}")


def sample_dir() -> Path:
    """The bundled illustrative sample corpus."""
    return Path(str(files("strikewatch") / "samples"))


@app.command()
def demo(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            envvar="STRIKEWATCH_DB",
            help=f"Database for the demo (default ./{DEMO_DB}, kept apart from your data).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Ingest the bundled sample articles (illustrative, written for this project) into a
    SQLite database and print the resulting ledger."""
    store = get_store(db or DEMO_DB)
    try:
        report = run_pipeline([str(sample_dir())], store, IngestOptions())
        print_report(report)
        found = store.incidents(IncidentQuery(limit=0))
        console.print(incident_table(found, title=f"Ledger: {len(found)} incidents"))
        console.print(tally_table(store.tallies()))
        console.print(
            f"{store.count_articles()} articles from {store.count_origins()} independent "
            f"origins in {esc(str(store.url))}"
        )
    finally:
        store.close()


@app.command("eval")
def eval_cmd(
    gold: list[Path] = typer.Argument(..., help="gold JSON files or folders of them"),  # noqa: B008
    verbose: bool = typer.Option(False, "--verbose", "-v", help="list field errors"),
) -> None:
    """Score the extractor against gold files (recall, precision, field accuracy, forbid)."""
    from strikewatch.evaluate import evaluate, expand

    total, per = evaluate(expand(gold))
    bad = 0
    for path, sc, err in per:
        if sc is None:
            bad += 1
            typer.echo(f"ERROR {err}", err=True)
            continue
        typer.echo(f"{path.name}: recall {sc.recall:.2f} precision {sc.precision:.2f} "
                   f"field_accuracy {sc.field_accuracy:.2f} forbid {sc.forbid_hits}")
        if verbose:
            for line in sc.misses:
                typer.echo(f"    MISSED {line}")
            for line in sc.errors:
                typer.echo(f"    {line}")
    typer.echo(f"TOTAL files {len(per) - bad} expected {total.expected} matched "
               f"{total.matched} produced {total.produced} ignored {total.ignored}")
    typer.echo(f"TOTAL recall {total.recall:.3f} precision {total.precision:.3f} "
               f"field_accuracy {total.field_accuracy:.3f} "
               f"({total.fields_correct}/{total.fields_checked}) forbid_hits "
               f"{total.forbid_hits}")
    if bad:
        raise typer.Exit(1)


def main() -> None:
    app()


# Commands whose homes are elsewhere register here, after the core ones above.
from strikewatch.batch.cli import batch_command  # noqa: E402  (strikewatch batch: scale)
from strikewatch.web.commands import register as register_web  # noqa: E402

app.command("batch")(batch_command)
register_web(app)  # serve, user add

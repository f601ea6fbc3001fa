"""The `strikewatch` command line (Typer + Rich).

Everything printed that came from input (names, reasons, places, errors) goes through
`esc` or `Text`, never into Rich markup: a title like "[/oops]" must print as itself.

Every command takes `--db` (a SQLite path or an SQLAlchemy URL; default the
STRIKEWATCH_DB variable, else ./strikewatch.db). To add a command, define a function
with `@app.command()` here, using `DbOption` for the database and `get_store(db)` to
open it.
"""

from __future__ import annotations

import re
import sys
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from strikewatch.records import GRADES, STATUSES
from strikewatch.terminal import LIST_FORMATS

if TYPE_CHECKING:  # imported where used: `strikewatch --help` must not load spaCy, scipy…
    from strikewatch import pipeline
    from strikewatch.ingest import IngestOptions
    from strikewatch.store import Store

app = typer.Typer(
    name="strikewatch",
    help="Turn news reports of military strikes into a verifiable, sourced incident ledger.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
err = Console(stderr=True, soft_wrap=True)  # an error is one line, however long its path

DEMO_DB = "strikewatch-demo.db"
#: The fetcher's defaults (strikewatch.ingest.fetch), repeated here so that `--help` does
#: not import the ingest stack; tests/test_cli.py checks that the two agree.
HTTP_TIMEOUT = 20.0
HTTP_MAX_BYTES = 10 * 1024 * 1024

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


FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        help="table (for people, sized to the terminal); csv; json (one array); "
        "jsonl (one object a line).",
    ),
]


def get_store(db: str | None, *, must_exist: bool = False) -> Store:
    """Open the store or exit with a clear message (status 2).

    Commands that only read (`must_exist`) refuse a SQLite file that is not there: a
    mistyped --db must not answer with an empty ledger (nor leave an empty file behind).
    """
    from strikewatch.store import database_url, open_store, sqlite_path

    url = database_url(db)
    if must_exist and (path := sqlite_path(url)) is not None and not Path(path).is_file():
        err.print(f"[red]error:[/red] no database at {escape(path)}: check --db or "
                  "STRIKEWATCH_DB (`strikewatch ingest` creates one)")
        raise typer.Exit(2)
    try:
        return open_store(url)
    except Exception as exc:  # a bad URL, a missing driver, an unreachable server
        err.print(f"[red]error:[/red] cannot open database {escape(db or url)}: "
                  f"{escape(str(exc))}")
        raise typer.Exit(2) from exc


def check_format(fmt: str) -> None:
    if fmt not in LIST_FORMATS:
        err.print(f"[red]error:[/red] --format must be one of {', '.join(LIST_FORMATS)}")
        raise typer.Exit(2)


def print_report(report: pipeline.PipelineReport) -> None:
    """What an ingest did: skipped and ignored inputs by name, then the summary."""
    from rich.table import Table
    from rich.text import Text

    from strikewatch.pipeline import MAX_EXTRACT_ATTEMPTS

    ing = report.ingest
    if ing.skipped:
        table = Table(title="Skipped", title_justify="left", show_lines=False)
        table.add_column("input", overflow="fold")
        table.add_column("reason", overflow="fold")
        for name, reason in ing.skipped:
            table.add_row(Text(name), Text(reason))
        console.print(table)
    if len(ing.ignored) > 3:  # the summary names three; the rest are listed here
        for name in ing.ignored:
            console.print(Text(f"ignored {name}: {ing.ignored_reason(name)}"))
    for name, warning in ing.warnings:
        console.print(Text.assemble(("warning:", "yellow"), f" {name}: {warning}"))
    for article_id, reason in report.extract_failures:
        console.print(Text.assemble(("extract failed:", "red"), f" article {article_id}: {reason}"))
    console.print(Text(f"Read: {ing.summary()}", style="bold"))
    console.print(Text(
        f"Extracted {report.extracted} articles ({report.mentions} mentions); ledger: "
        f"{report.incidents} incidents, {report.tallies} tallies", style="bold"))
    for article_id, reason in report.extract_skipped:
        console.print(Text.assemble(("not extracted:", "yellow"),
                                    f" article {article_id}: {reason}"))
    for article_id, reason in report.extract_held:
        console.print(Text.assemble(("not retried:", "yellow"),
                                    f" article {article_id}: {reason}"))
    if report.extract_failures:
        console.print(Text("articles whose extraction failed are kept and retried by the "
                           f"next run, up to {MAX_EXTRACT_ATTEMPTS} times in a row "
                           "by one reader", style="yellow"))
    if ing.languages:
        console.print(Text("languages of the articles ingested: " + ", ".join(
            f"{lang or 'unknown'} {n}" for lang, n in sorted(
                ing.languages.items(), key=lambda kv: (-kv[1], kv[0] or "")))))
    if ing.dated_copies:
        console.print(f"{len(ing.dated_copies)} earlier undated copies took the date of a "
                      "newly ingested copy of the same story")
    if report.unread:
        console.print(Text.assemble(
            ("stored, not read:", "yellow"), " "
            + ", ".join(f"{n} in {lang}" for lang, n in report.unread.items())
            + " (no reader for that language yet: they are read by the first ingest run "
            "after one exists)"))


ExtractorOption = Annotated[
    str | None,
    typer.Option(
        "--extractor",
        help="Registered extractor to read articles with (see `strikewatch extractors`). "
        "Default: the one for each article's language.",
        show_default=False,
    ),
]


def check_extractor(name: str | None) -> None:
    """Exit with status 2 and the registered names when `name` is no extractor."""
    if name is None:
        return
    from strikewatch.extract import registry

    try:
        registry.get_extractor(name)
    except (KeyError, TypeError) as exc:
        err.print(f"[red]error:[/red] --extractor: {escape(str(exc.args[0]))}")
        raise typer.Exit(2) from exc


def run_pipeline(
    inputs: list[str], store: Store, options: IngestOptions, workers: int = 1,
    extractor: str | None = None, retry_failed: bool = False,
) -> pipeline.PipelineReport:
    """The pipeline with a Rich progress bar on stderr (hidden when not a terminal)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from strikewatch import pipeline
    from strikewatch.ingest.sources import expand

    total = len(expand(inputs))
    columns = (
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.fields[current]}", markup=False),
    )
    if workers > 1:
        from strikewatch import pool

        pool.start_server()  # its loading overlaps the storing of the articles
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=total, current="")
        report = pipeline.PipelineReport(
            ingest=pipeline.ingest(
                inputs, store, options,
                on_unit=lambda u: progress.update(task, advance=1, current=Path(u.name).name),
            )
        )
        pending = pipeline.pending_count(store, extractor, retry_failed)
        task2 = progress.add_task("extract", total=pending, current="")
        pipeline.extract_pending(
            store, report, on_article=lambda _a: progress.update(task2, advance=1),
            workers=workers, extractor=extractor, retry_failed=retry_failed,
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
        float | None,
        typer.Option(help="Seconds each HTTP fetch may take in all (headers, redirects and "
                     f"body) [default: {HTTP_TIMEOUT:g}]."),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option(help=f"Largest HTTP response accepted, in bytes [default: {HTTP_MAX_BYTES}]."),
    ] = None,
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
    extractor: ExtractorOption = None,
    retry_failed: Annotated[
        bool,
        typer.Option("--retry-failed",
                     help="Also read the articles whose extraction failed "
                     "3 times in a row by the same reader (held back otherwise)."),
    ] = False,
) -> None:
    """Ingest articles, then extract and resolve so the ledger is current.

    The same article (same URL or same text) is stored once; near-identical copies of one
    wire story are linked to one origin. Broken inputs are listed with the reason and
    skipped; the batch goes on. Re-running after an interruption resumes where it stopped.
    Exit status: 0 done; 1 nothing could be read; 2 bad usage or database.
    """
    from strikewatch.errors import StoreError
    from strikewatch.ingest import IngestOptions
    from strikewatch.ingest.dates import iso_published
    from strikewatch.ingest.sources import expand

    if published:
        try:
            published = iso_published(published)
        except ValueError as exc:
            err.print(f"[red]error:[/red] --published: {escape(str(exc))}")
            raise typer.Exit(2) from exc
    options = IngestOptions(
        allow_private=allow_private, timeout=timeout or HTTP_TIMEOUT,
        max_bytes=max_bytes or HTTP_MAX_BYTES, url=url,
        published=published, publisher=publisher, fetch_feed_links=fetch_links,
        follow_links_out=follow_links_out,
    )
    if any((url, published, publisher)):
        units = expand(inputs)
        if len(units) != 1 or units[0].kind != "file":
            err.print("[red]error:[/red] --url/--published/--publisher need exactly one file")
            raise typer.Exit(2)
    check_extractor(extractor)
    store = get_store(db)
    try:
        report = run_pipeline(inputs, store, options, workers, extractor, retry_failed)
    except StoreError as exc:  # disk full, database locked or gone: stored work is kept
        err.print(f"[red]error:[/red] database {escape(db or '(default)')}: "
                  f"{escape(str(exc))}; "
                  "what was stored before is kept, run the same command again to resume")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    print_report(report)
    ing = report.ingest
    if ing.skipped and not ing.ingested and not ing.duplicates:
        raise typer.Exit(1)


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
    sub_event_type: Annotated[str | None, typer.Option(help="ACLED sub-event type.")] = None,
    target_kind: Annotated[
        str | None, typer.Option(help="vessel, vehicle, building, facility, group, ...")
    ] = None,
    domain: Annotated[str | None, typer.Option(help="land, sea or air.")] = None,
    background: Annotated[
        str | None, typer.Option(help="true: only history recalled as background; false: none.")
    ] = None,
    min_killed: Annotated[
        str | None, typer.Option(help="Only incidents with at least this many killed (low).")
    ] = None,
    sort: Annotated[
        str | None,
        typer.Option(help="Column to sort by; prefix '-' for descending. "
                     "Default: newest first (-date_low).", show_default=False),
    ] = None,
    oldest_first: Annotated[
        bool, typer.Option("--oldest-first", help="Oldest first (same as --sort date_low).")
    ] = False,
    limit: Annotated[int, typer.Option(help="Rows to show, up to 1000 (0 for all).")] = 100,
    offset: Annotated[int, typer.Option(help="Rows to skip.")] = 0,
    fmt: FormatOption = "table",
    as_json: Annotated[
        bool, typer.Option("--json", help="Same as --format jsonl.")
    ] = False,
) -> None:
    """Show the incident ledger as a table, newest first, filtered and sorted (or as
    csv/json for scripts).

    The table fits the terminal (80 columns when piped): wider terminals also show the id,
    the event type and the actors. csv has the columns of `export --format csv`. Filters
    mean what they mean in the API and on the pages (strikewatch.ledger.filters): a bad
    value (a date not YYYY-MM-DD, an unknown status) exits 2 with the API's message.
    """
    from strikewatch.ledger.filters import FilterError, LedgerFilter

    fmt = "jsonl" if as_json else fmt
    check_format(fmt)
    if sort is not None and oldest_first:
        err.print("[red]error:[/red] give --sort or --oldest-first, not both")
        raise typer.Exit(2)
    if sort is None:  # the latest reports first, as a news desk reads them
        sort = "date_low" if oldest_first else "-date_low"
    try:
        filters = LedgerFilter.parse({
            "date_from": date_from, "date_to": date_to, "country": country, "status": status,
            "grade": grade, "event_type": event_type, "actor": actor, "q": text,
            "sub_event_type": sub_event_type, "target_kind": target_kind, "domain": domain,
            "background": background, "min_killed": min_killed, "sort": sort,
            "limit": limit or None, "offset": offset})
    except FilterError as exc:  # one line, unwrapped: scripts read it
        err.print(f"[red]error:[/red] {escape(str(exc))}", soft_wrap=True, highlight=False)
        raise typer.Exit(2) from exc
    query = filters.query(default_limit=0)
    store = get_store(db, must_exist=True)
    try:
        found = store.incidents(query)
        total = store.count_incidents(query)
        if fmt != "table":
            from strikewatch.export.writers import write_csv
            from strikewatch.ledger.evidence import with_evidence
            from strikewatch.terminal import write_records

            # as `export` writes them: every cited span with its whole sentence
            write_records(fmt, with_evidence(store, found), sys.stdout, write_csv)
            return
    finally:
        store.close()
    from strikewatch.terminal import incident_table

    order = {"-date_low": ", newest first", "date_low": ", oldest first"}.get(
        sort, f", sorted by {sort}")
    console.print(incident_table(found, console.width,
                                 title=f"Incidents ({len(found)} of {total}){order}"))


@app.command()
def tallies(
    db: DbOption = None,
    fmt: FormatOption = "table",
    as_json: Annotated[
        bool, typer.Option("--json", help="Same as --format jsonl.")
    ] = False,
) -> None:
    """Show aggregate claims (tallies) and how each compares with the ledger."""
    from strikewatch.terminal import tally_table, write_records, write_tally_csv

    fmt = "jsonl" if as_json else fmt
    check_format(fmt)
    store = get_store(db, must_exist=True)
    try:
        found = store.tallies()
        if fmt != "table":
            from strikewatch.ledger.evidence import with_evidence

            # as `export` writes them: every cited span with its whole sentence
            write_records(fmt, with_evidence(store, found), sys.stdout, write_tally_csv)
            return
    finally:
        store.close()
    console.print(tally_table(found, console.width))


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
    bom: Annotated[
        bool,
        typer.Option(
            "--bom/--no-bom",
            help="Start a csv with a UTF-8 byte-order mark, so Excel reads accents and "
            "dashes right. Off by default: scripts (pandas, R, csvkit) want plain UTF-8.",
        ),
    ] = False,
) -> None:
    """Export the ledger in the formats of spec/records.md."""
    from strikewatch.export import FORMATS, write_export
    from strikewatch.ledger.evidence import with_evidence
    from strikewatch.store import IncidentQuery

    if fmt not in FORMATS:
        err.print(f"[red]error:[/red] --format must be one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    store = get_store(db, must_exist=True)
    mark = "\ufeff" if bom and fmt == "csv" else ""
    try:
        # every cited span with its whole sentence, read from the stored articles
        found = with_evidence(store, store.incidents(IncidentQuery(limit=0)))
        found_tallies = with_evidence(store, store.tallies())
        if str(out) == "-":
            sys.stdout.write(mark)
            n = write_export(fmt, found, found_tallies, sys.stdout)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp = out.with_name(out.name + ".part")
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                fh.write(mark)
                n = write_export(fmt, found, found_tallies, fh)
            tmp.replace(out)  # never leave a half-written export behind
    finally:
        store.close()
    err.print(f"wrote {n} records to {escape(str(out))}")


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
    from rich.text import Text

    from strikewatch.ingest import IngestOptions
    from strikewatch.store import IncidentQuery
    from strikewatch.terminal import incident_table, tally_table

    store = get_store(db or DEMO_DB)
    try:
        report = run_pipeline([str(sample_dir())], store, IngestOptions())
        print_report(report)
        found = store.incidents(IncidentQuery(sort="-date_low", limit=0))
        console.print(incident_table(found, console.width,
                                     title=f"Ledger: {len(found)} incidents, newest first"))
        console.print(tally_table(store.tallies(), console.width))
        console.print(Text(
            f"{store.count_articles()} articles from {store.count_origins()} independent "
            f"origins in {store.url}"
        ))
    finally:
        store.close()


@app.command()
def extractors() -> None:
    """List the registered extractors: name, version, languages (the default marked *)."""
    from rich.table import Table
    from rich.text import Text

    from strikewatch.extract import registry

    table = Table(title="Extractors", title_justify="left")
    for col in ("name", "version", "languages", "reads with"):
        table.add_column(col)
    for name in registry.names():
        try:
            ex = registry.get_extractor(name)
        except Exception as exc:  # a broken third-party package: say so, list the rest
            table.add_row(Text(name), "?", "?", Text(f"cannot load: {exc}", style="red"))
            continue
        mark = " *" if name == registry.DEFAULT_EXTRACTOR else ""
        table.add_row(f"{ex.name}{mark}", ex.version, ", ".join(sorted(ex.languages)),
                      registry.extracted_by(ex))
    console.print(table)


_WHERE = re.compile(r"^\s*(\w+)\s*(>=|<=|!=|=|>|<)\s*(.*?)\s*$")


def parse_where(items: list[str]) -> list[tuple[str, str, str]]:
    """`--where publisher=Reuters` → ("publisher", "=", "Reuters"); exits 2 when unreadable."""
    out = []
    for item in items:
        m = _WHERE.match(item)
        if m is None:
            err.print(f"[red]error:[/red] --where {escape(repr(item))}: write COLUMN=VALUE "
                      "(or !=, >=, <=, >, <), e.g. --where extracted_by=strikewatch-rules@1")
            raise typer.Exit(2)
        out.append((m.group(1), m.group(2), m.group(3)))
    return out


@app.command()
def reextract(
    db: DbOption = None,
    extractor: ExtractorOption = None,
    where: Annotated[
        list[str] | None,
        typer.Option(
            "--where",
            help="Only articles where COLUMN=VALUE (also != >= <= > <; repeat to combine): "
            "id, publisher, published, language, origin_id, source, url, extracted_by, "
            "ingested_at.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option(min=1, help="Processes for extraction (1: in this process).")
    ] = 1,
) -> None:
    """Read stored articles again (with a newer or another extractor) and bring the ledger
    up to date incrementally. Review edits are separate records and always win: a
    re-extraction never overwrites them. An article that fails keeps its earlier mentions
    and is listed (and retried by the next ingest)."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from strikewatch import pipeline
    from strikewatch.errors import StoreError

    check_extractor(extractor)
    conditions = parse_where(where or [])
    store = get_store(db, must_exist=True)
    try:
        try:
            ids = store.article_ids(conditions)
        except ValueError as exc:
            err.print(f"[red]error:[/red] --where: {escape(str(exc))}")
            raise typer.Exit(2) from exc
        report = pipeline.PipelineReport()
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True) as progress:
            task = progress.add_task("re-extract", total=len(ids))
            pipeline.extract_articles(
                store, ids, report, on_article=lambda _a: progress.update(task, advance=1),
                workers=workers, extractor=extractor)
            progress.add_task("resolve", total=None)
            pipeline.update_ledger(store, report)
    except StoreError as exc:
        err.print(f"[red]error:[/red] database {escape(db or '(default)')}: "
                  f"{escape(str(exc))}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    print_report(report)


@app.command("eval")
def eval_cmd(
    gold: list[Path] = typer.Argument(..., help="gold JSON files or folders of them"),  # noqa: B008
    verbose: bool = typer.Option(False, "--verbose", "-v", help="list field errors"),
    extractor: ExtractorOption = None,
    ledger: bool = typer.Option(
        False, "--ledger",
        help="The files are ledger gold files (tests/gold/ledger): ingest their articles "
             "together into a fresh store and score the ledger (strikes found, merged, "
             "duplicate and false incidents), not each article."),
) -> None:
    """Score the extractor against gold files (recall, precision, field accuracy, forbid).

    With --ledger, score the ledger that ingesting many articles together builds."""
    if ledger:
        if extractor:
            typer.echo("error: --extractor does not apply to --ledger (ingest reads each "
                       "article with the reader for its language)", err=True)
            raise typer.Exit(2)
        ledger_eval(gold, verbose)
        return
    from functools import partial

    from strikewatch.evaluate import evaluate, expand
    from strikewatch.extract import registry

    check_extractor(extractor)
    # without --extractor each article is read by the reader for its language (evaluate)
    named = partial(registry.checked, registry.get_extractor(extractor)) if extractor else None
    total, per = evaluate(expand(gold), named)
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


def ledger_eval(paths: list[Path], verbose: bool) -> None:
    """`eval --ledger`: one block of measures per ledger gold file, then the total."""
    from strikewatch.evaluate import GoldError
    from strikewatch.evaluate_ledger import LedgerScore, evaluate_ledger

    total = LedgerScore()
    bad = 0
    for path in paths:
        try:
            with err.status(f"ingesting and resolving the articles of {path.name}"):
                sc = evaluate_ledger(path)
        except GoldError as exc:
            bad += 1
            typer.echo(f"ERROR {exc}", err=True)
            continue
        total.add(sc)
        typer.echo(f"{path.name}:")
        for line in sc.lines():
            typer.echo(f"  {line}")
        if verbose:
            for line in sc.details:
                typer.echo(f"    {line}")
    if len(paths) > 1:
        typer.echo("TOTAL:")
        for line in total.lines():
            typer.echo(f"  {line}")
    if bad:
        raise typer.Exit(1)


def main() -> None:
    app()


# Commands whose homes are elsewhere register here, after the core ones above.
from strikewatch.batch.cli import batch_command  # noqa: E402  (strikewatch batch: scale)
from strikewatch.web.commands import register as register_web  # noqa: E402

app.command("batch")(batch_command)
register_web(app)  # serve, user add

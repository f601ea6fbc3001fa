"""`strikewatch batch`: the command-line face of strikewatch.batch (registered in cli.py)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from strikewatch.batch import ENGINES, ArchiveError, run_batch


def batch_command(
    input_path: Annotated[
        str, typer.Argument(metavar="INPUT", help="JSONL/Parquet archive file or folder.")
    ],
    engine: Annotated[str, typer.Option(help="local (process pool) or spark.")] = "local",
    workers: Annotated[int, typer.Option(min=1, help="Processes / Spark local cores.")] = 1,
    out: Annotated[Path, typer.Option(help="Folder for mentions Parquet + report.json.")] = Path(
        "batch-out"
    ),
    db: Annotated[str | None, typer.Option(help="Store path or SQLAlchemy URL.")] = None,
    spark_master: Annotated[
        str | None, typer.Option(help="Spark master URL (default local[WORKERS]).")
    ] = None,
    extractor: Annotated[
        str | None,
        typer.Option(help="Registered extractor (see `strikewatch extractors`) for every "
                     "article; default: the reader for each article's language, as ingest "
                     "routes it.", show_default=False),
    ] = None,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Also read the articles held back because "
                           "their extraction failed too often by the same reader (as "
                           "`strikewatch ingest --retry-failed`).")
    ] = False,
) -> None:
    """Extract, resolve and store a large article archive (Spark or a local process pool)."""
    if engine not in ENGINES:
        raise typer.BadParameter(f"choose one of {', '.join(ENGINES)}", param_hint="--engine")
    from strikewatch.extract.registry import get_extractor

    try:
        get_extractor(extractor)
    except (KeyError, TypeError) as exc:
        raise typer.BadParameter(str(exc.args[0]), param_hint="--extractor") from exc
    logging.basicConfig(level=logging.ERROR)
    try:
        report = run_batch(input_path, engine=engine, workers=workers, out=out, db=db,
                           extractor=extractor, spark_master=spark_master,
                           retry_failed=retry_failed)
    except ArchiveError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    rate = report.records / report.seconds["total"] if report.seconds["total"] else 0.0
    typer.echo(
        f"{report.records} records, {report.articles_new} new articles, "
        f"{report.mentions_loaded} mentions, {report.incidents} incidents, "
        f"{report.tallies} tallies in {report.seconds['total']:.1f}s "
        f"({rate:.1f} articles/s, engine {report.engine}, {report.workers} workers)"
    )
    if report.articles_unread:
        typer.echo(f"stored, not read: {report.articles_unread} articles in languages with "
                   "no reader yet (an ingest run after one exists reads them)")
    # the same words as `strikewatch ingest` (cli.py): stored as failed, retried next run
    for failed in report.failed[:20]:
        typer.echo(f"extract failed: article {failed['article']}: {failed['error']}", err=True)
    for held in report.held[:20]:
        typer.echo(f"not retried: article {held['article']}: {held['why']}", err=True)
    if report.failed:
        from strikewatch.pipeline import MAX_EXTRACT_ATTEMPTS

        typer.echo("articles whose extraction failed are kept and retried by the next run "
                   f"(batch or ingest), up to {MAX_EXTRACT_ATTEMPTS} times in a row by one "
                   "reader", err=True)
    stored = {failed["error"] for failed in report.failed}
    skipped = [line for line in report.errors if line not in stored]
    for line in skipped[:20]:
        typer.echo(f"skipped {line}", err=True)
    if report.error_count > 20 or report.articles_held > 20:
        typer.echo(f"... more in {out / 'report.json'}", err=True)

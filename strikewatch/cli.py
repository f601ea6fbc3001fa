"""strikewatch's command line (typer). Each command lives beside its step; registered here."""

from __future__ import annotations

import typer

from strikewatch.batch.cli import batch_command

app = typer.Typer(no_args_is_help=True, help="News reports of strikes -> a sourced ledger.")


@app.callback()
def main() -> None:
    """strikewatch: news reports of military strikes -> a verifiable incident ledger."""


app.command("batch")(batch_command)

"""strikewatch command line (Typer)."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(help="strikewatch: a verifiable ledger of reported military strikes.",
                  no_args_is_help=True)


@app.callback()
def main() -> None:
    """strikewatch: sources -> articles -> mentions -> incidents -> ledger."""


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


app.command("eval")(eval_cmd)

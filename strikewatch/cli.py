"""The strikewatch command line (minimal; the platform's cli.py supersedes this on merge)."""

from __future__ import annotations

import typer

from strikewatch.web.commands import register as register_web

app = typer.Typer(help="strikewatch: a verifiable ledger of reported military strikes.",
                  no_args_is_help=True)
register_web(app)  # serve, user add

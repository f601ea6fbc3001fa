"""`strikewatch serve` and `strikewatch user …`, registered onto the main Typer app.

Kept here (not in cli.py) so the web part owns its commands; cli.py calls `register(app)`.
"""

from __future__ import annotations

import sys

import typer

ROLE_HELP = "viewer (read), editor (read and review) or admin"


def serve(
    db: str | None = typer.Option(None, "--db", help="store path or SQLAlchemy URL"),
    host: str = typer.Option("127.0.0.1", help="address to listen on"),
    port: int = typer.Option(8000, help="port to listen on"),
    anonymous: bool = typer.Option(
        False, "--anonymous", help="let visitors read without signing in (off by default)"),
    secure_cookies: bool = typer.Option(False, "--secure-cookies",
                                        help="mark cookies Secure (behind HTTPS)"),
    session_idle: float | None = typer.Option(
        None, "--session-idle", min=1,
        help="end a session after this many seconds without a request (default 3600, or "
             "STRIKEWATCH_SESSION_IDLE)"),
    session_hours: float | None = typer.Option(
        None, "--session-hours", min=0.01,
        help="end a session this many hours after sign-in, active or not (default 12)"),
    forwarded_allow_ips: str | None = typer.Option(
        None, "--forwarded-allow-ips",
        help="behind a reverse proxy: the proxy addresses (comma-separated) whose "
             "X-Forwarded-For/-Proto are believed. Off by default: the client is the "
             "connecting address, so a forged header cannot dodge the sign-in limit"),
) -> None:
    """Serve the REST API (/api, OpenAPI at /openapi.json) and the web pages in one process."""
    import uvicorn

    from strikewatch.accounts.auth import WebSettings
    from strikewatch.cli import get_store
    from strikewatch.server import create_app

    settings = WebSettings.from_env(
        allow_anonymous=anonymous or None, secure_cookies=secure_cookies or None,
        session_idle=session_idle,
        session_max_age=session_hours * 3600 if session_hours is not None else None)
    app = create_app(get_store(db, must_exist=True), settings=settings)
    if not app.state.store.users() and not settings.allow_anonymous:
        typer.echo("No users yet: create one with `strikewatch user add NAME --role admin`, "
                   "or run with --anonymous to allow reading without signing in.", err=True)
    import os

    if not os.environ.get("STRIKEWATCH_SECRET"):
        typer.echo("STRIKEWATCH_SECRET is not set: forms on pages opened before a restart "
                   "fail their CSRF check once after it (sessions themselves survive).",
                   err=True)
    # uvicorn believes X-Forwarded-For from 127.0.0.1 unless told otherwise; any local
    # process could then pick its own client address (and a fresh login rate limit).
    uvicorn.run(app, host=host, port=port, log_level="info",
                proxy_headers=bool(forwarded_allow_ips),
                forwarded_allow_ips=forwarded_allow_ips or "")


user_app = typer.Typer(help="Users of the web app.", no_args_is_help=True)


@user_app.command("add")
def user_add(
    username: str = typer.Argument(..., help="user name"),
    role: str = typer.Option("viewer", "--role", help=ROLE_HELP),
    db: str | None = typer.Option(None, "--db", help="store path or SQLAlchemy URL"),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="read the password from standard input"),
) -> None:
    """Create a user (or replace one's password and role); the password is Argon2id-hashed."""
    from strikewatch.accounts.auth import ROLES, hash_password
    from strikewatch.cli import get_store

    if role not in ROLES:
        typer.echo(f"error: role {role!r} is not one of {', '.join(ROLES)}", err=True)
        raise typer.Exit(2)
    username = username.strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        typer.echo("error: the user name must be 1-64 characters without spaces", err=True)
        raise typer.Exit(2)
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < 8:
        typer.echo("error: the password must have at least 8 characters", err=True)
        raise typer.Exit(2)
    store = get_store(db)
    store.add_user(username, hash_password(password), role)
    typer.echo(f"user {username!r} saved with role {role}")


@user_app.command("list")
def user_list(
    db: str | None = typer.Option(None, "--db", help="store path or SQLAlchemy URL"),
) -> None:
    """The users and their roles (never their password hashes)."""
    from strikewatch.cli import get_store

    for row in sorted(get_store(db, must_exist=True).users(), key=lambda u: u["username"]):
        typer.echo(f"{row['username']}\t{row['role']}\t{row.get('created_at', '')}")


@user_app.command("delete")
def user_delete(
    username: str = typer.Argument(..., help="user name"),
    db: str | None = typer.Option(None, "--db", help="store path or SQLAlchemy URL"),
) -> None:
    """Remove a user; their sessions stop working at once."""
    from strikewatch.cli import get_store

    if not get_store(db, must_exist=True).delete_user(username):
        typer.echo(f"error: no user {username!r}", err=True)
        raise typer.Exit(1)
    typer.echo(f"user {username!r} deleted")


@user_app.command("sessions")
def user_sessions(
    username: str | None = typer.Argument(None, help="user name (all users when left out)"),
    db: str | None = typer.Option(None, "--db", help="store path or SQLAlchemy URL"),
    all_: bool = typer.Option(False, "--all", help="also list ended sessions"),
) -> None:
    """Sign-in sessions: user, state, signed in, last seen, expires, client address.

    The idle limit used for the state is STRIKEWATCH_SESSION_IDLE (default 3600 s), as for
    `serve`; "last seen" is recorded to within a minute.
    """
    import time

    from strikewatch.accounts.auth import WebSettings
    from strikewatch.accounts.sessions import session_state
    from strikewatch.cli import get_store

    store = get_store(db, must_exist=True)
    if username is not None and store.get_user(username) is None:
        typer.echo(f"error: no user {username!r}", err=True)
        raise typer.Exit(1)
    idle = WebSettings.from_env().session_idle
    now = time.time()
    for row in store.sessions(username):
        state = session_state(row, now, idle)
        if state == "active" or all_:
            typer.echo("\t".join([row["username"], state, row["created_at"],
                                  row["last_seen_at"], row["expires_at"],
                                  row.get("client") or ""]))


@user_app.command("signout")
def user_signout(
    username: str = typer.Argument(..., help="user name"),
    db: str | None = typer.Option(None, "--db", help="store path or SQLAlchemy URL"),
) -> None:
    """End every session of a user now (a running server refuses their cookies at once)."""
    from strikewatch.cli import get_store

    store = get_store(db, must_exist=True)
    if store.get_user(username) is None:
        typer.echo(f"error: no user {username!r}", err=True)
        raise typer.Exit(1)
    ended = store.revoke_sessions(username)
    typer.echo(f"{ended} session(s) of {username!r} ended")


def register(app: typer.Typer) -> None:
    """Add `serve` and `user …` to the strikewatch command line."""
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")

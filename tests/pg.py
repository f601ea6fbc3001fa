"""A throwaway PostgreSQL server for the test session, and the fixtures built on it.

Why a real server: the store promises to work on PostgreSQL 15 through the same code and
Alembic migrations as on SQLite, and only a real server shows dialect differences (JSONB,
ON CONFLICT, transaction isolation, concurrent writers). The server lives in a temporary
directory, listens on 127.0.0.1 on a free port (and a unix socket in the same directory),
runs with fsync off (test data is disposable) and is stopped when the session ends.

PostgreSQL refuses to run as root, so when the tests run as root the data directory is
handed to the `postgres` system user (created by Debian's package) and initdb / pg_ctl run
through `runuser`.

Set STRIKEWATCH_TEST_PG_URL (e.g. `postgresql+psycopg://postgres@db:5432/postgres`) to use
an existing server instead; every test still gets its own fresh database on it.
Set STRIKEWATCH_REQUIRE_POSTGRES=1 to fail, not skip, when no server can be had (CI does).
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_USER = "postgres"
ROOT_PREFIX = "strikewatch-pg-"
OWNER_FILE = "owner.pid"  # the pytest process that started the server


def find_bindir() -> Path | None:
    """The directory holding initdb/pg_ctl/postgres, newest Debian version first."""
    if os.environ.get("PG_BINDIR"):
        return Path(os.environ["PG_BINDIR"])
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    for cand in candidates:
        if (Path(cand) / "initdb").exists() and (Path(cand) / "postgres").exists():
            return Path(cand)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(os.path.realpath(initdb)).parent
    return None


def free_port() -> int:
    """A TCP port on loopback that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """initdb + pg_ctl start/stop of one private cluster in a temporary directory."""

    def __init__(self, bindir: Path, root: Path | None = None, keep: bool = False) -> None:
        """`keep`: leave the cluster in `root` when stopped, and start the one already
        there instead of running initdb (bench/api.py --keep reuses a loaded server)."""
        self.bindir = bindir
        self.keep = keep
        self.root = root or Path(tempfile.mkdtemp(prefix=ROOT_PREFIX))
        self.datadir = self.root / "data"
        self.sockdir = self.root / "sock"
        self.logfile = self.root / "server.log"
        self.port = 0
        self.running = False
        self._as_root = os.geteuid() == 0

    # -- process helpers ---------------------------------------------------------------
    def _cmd(self, args: list[str]) -> list[str]:
        if not self._as_root:
            return args
        runuser = shutil.which("runuser")
        if runuser:
            return [runuser, "-u", PG_USER, "--", *args]
        return ["su", PG_USER, "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]

    def _run(self, args: list[str], timeout: float = 120) -> None:
        proc = subprocess.run(
            self._cmd(args), capture_output=True, text=True, timeout=timeout, check=False
        )
        if proc.returncode != 0:
            log = self.logfile.read_text() if self.logfile.exists() else ""
            raise RuntimeError(
                f"{args[0]} failed ({proc.returncode}): {proc.stdout}\n{proc.stderr}\n{log}"
            )

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / OWNER_FILE).write_text(str(os.getpid()))
        self.sockdir.mkdir(exist_ok=self.keep)
        if self._as_root:
            try:
                pw = pwd.getpwnam(PG_USER)
            except KeyError as exc:
                raise RuntimeError(
                    f"running as root needs the '{PG_USER}' user (Debian's postgresql package "
                    "creates it) to own the test server"
                ) from exc
            for path in (self.root, self.sockdir):
                os.chown(path, pw.pw_uid, pw.pw_gid)
        os.chmod(self.root, 0o700)
        if not (self.keep and (self.datadir / "PG_VERSION").exists()):
            self._run([
                str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", PG_USER,
                "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync",
            ])
        last_error: Exception | None = None
        for _ in range(3):  # a free port can be taken between the probe and the bind
            self.port = free_port()
            opts = (
                f"-p {self.port} -k {self.sockdir} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=100"
            )
            try:
                self._run([
                    str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-l",
                    str(self.logfile), "-o", opts, "-w", "-t", "60", "start",
                ])
                self.running = True
                atexit.register(self.stop)
                return
            except RuntimeError as exc:
                last_error = exc
        raise RuntimeError(f"could not start PostgreSQL: {last_error}")

    def stop(self) -> None:
        if self.running:
            self.running = False
            with contextlib.suppress(Exception):
                self._run([
                    str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", "fast",
                    "-w", "stop",
                ])
        if not self.keep:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{dbname}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap_stale_servers(bindir: Path) -> int:
    """Stop and remove test servers whose pytest process died without stopping them.

    pg_ctl detaches the server, so a test session killed outright (a CI timeout) would
    leave it running; the next session cleans up after it. Returns how many were reaped.
    """
    reaped = 0
    for root in glob.glob(os.path.join(tempfile.gettempdir(), ROOT_PREFIX + "*")):
        try:
            owner = int((Path(root) / OWNER_FILE).read_text())
        except (OSError, ValueError):
            continue  # being set up right now, or not one of ours
        if _alive(owner):
            continue
        server = PostgresServer(bindir, root=Path(root))
        server.running = (Path(root) / "data" / "postmaster.pid").exists()
        server.stop()
        reaped += 1
    return reaped


def _admin_execute(admin_url: str, sql: str) -> None:
    """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
    import psycopg

    conninfo = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def create_database(admin_url: str) -> str:
    """A new, empty database on the server behind admin_url; its SQLAlchemy URL."""
    name = "t_" + uuid.uuid4().hex[:16]
    _admin_execute(admin_url, f'CREATE DATABASE "{name}"')
    base = admin_url.rsplit("/", 1)[0]
    return f"{base}/{name}"


def drop_database(admin_url: str, url: str) -> None:
    name = url.rsplit("/", 1)[1].split("?")[0]
    with contextlib.suppress(Exception):
        _admin_execute(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# -- fixtures ----------------------------------------------------------------------------


def _unavailable(reason: str) -> None:
    if os.environ.get("STRIKEWATCH_REQUIRE_POSTGRES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """URL of the session's PostgreSQL server (maintenance database `postgres`)."""
    external = os.environ.get("STRIKEWATCH_TEST_PG_URL")
    if external:
        yield external
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install 'psycopg[binary]')")
    bindir = find_bindir()
    if bindir is None:
        _unavailable("PostgreSQL server binaries not found (run .ci/system-deps.sh)")
        return
    reap_stale_servers(bindir)
    server = PostgresServer(bindir)
    try:
        server.start()
    except Exception as exc:  # noqa: BLE001 - reported as the skip/fail reason
        server.stop()
        _unavailable(f"could not start a PostgreSQL test server: {exc}")
    try:
        yield server.url()
    finally:
        server.stop()


@pytest.fixture()
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    url = create_database(pg_admin_url)
    try:
        yield url
    finally:
        drop_database(pg_admin_url, url)


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL: once on SQLite, once on the real PostgreSQL server.

    Use it (or `store`) in store, ingest, resolve and API tests so every one runs on both.
    `-m "not postgres"` runs the SQLite half only.
    """
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'strikewatch.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture()
def store(db_url: str) -> Iterator[object]:
    """An opened, migrated Store on each backend of `db_url`."""
    from strikewatch.store import open_store

    st = open_store(db_url)
    try:
        yield st
    finally:
        close = getattr(st, "close", None)
        if callable(close):
            close()


@pytest.fixture(
    scope="module",
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
    ],
)
def module_db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Like `db_url`, but one database per test module (for module-scoped servers/ledgers)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'strikewatch.db'}"
        return
    admin = str(request.getfixturevalue("pg_admin_url"))
    url = create_database(admin)
    try:
        yield url
    finally:
        drop_database(admin, url)

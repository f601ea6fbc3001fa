"""Shared fixtures. PostgreSQL server + `db_url`/`store` (sqlite and postgres): tests/pg.py."""

from tests.pg import db_url, module_db_url, pg_admin_url, pg_url, store  # noqa: F401

"""Shared fixtures. PostgreSQL server + `db_url`/`store` (sqlite and postgres): tests/pg.py;
`http_server` (a loopback HTTP server): tests/localhttp.py; `web_site`, `web_browser`
(Chromium over the test ledger): tests/_browser.py."""

from tests._browser import web_browser, web_site  # noqa: F401
from tests.localhttp import http_server  # noqa: F401
from tests.pg import db_url, module_db_url, pg_admin_url, pg_url, store  # noqa: F401

"""A process that only extracts does not import the ingest package until it reads a page
with no publication date and a URL (whose day `page_window._from_url` reads with ingest's
URL readers): importing any of its modules runs strikewatch/ingest/__init__.py, which loads
datasketch (and scipy with it), trafilatura and httpx — about 2 CPU-s of start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROGRAM = """
import sys
from strikewatch.extract import registry
from strikewatch.records import Article
for name in ("strikewatch-rules", "strikewatch-rules-es"):
    registry.checked(registry.get_extractor(name), Article(
        text="Two strikes hit a boat off Venezuela on Monday, killing three people.\\n",
        url="https://example.org/2025/10/07/strike", published="2025-10-07",
        language="es" if "es" in name else "en"))
    registry.checked(registry.get_extractor(name), Article(
        text="Two strikes hit a boat off Venezuela on Monday, killing three people.\\n",
        language="es" if "es" in name else "en"))
heavy = sorted(m for m in ("strikewatch.ingest", "datasketch", "scipy", "trafilatura", "httpx")
               if m in sys.modules)
print(",".join(heavy))
"""


def test_reading_loads_no_ingest_package() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", out.stdout


def test_url_dates_still_read() -> None:
    """The URL's day is still read on a page with no publication date (the import moved
    inside `_from_url`)."""
    import datetime as dt

    from strikewatch.extract.page_window import _from_url

    got = _from_url("https://example.org/world/2025/10/boat-strike", None)
    assert got is not None and got[0] == dt.date(2025, 10, 1) and got[1] == "url-month"


def test_ingest_submodule_alone_loads_no_run() -> None:
    """Importing one ingest helper (a page's dates, its URL's day) runs the package's
    __init__, which now imports the ingest run (httpx, datasketch, the store) only when one
    of its names is asked for: a Spark worker reading dates pays no start-up for it."""
    program = ("import sys\nimport strikewatch.ingest.published, strikewatch.ingest.dates\n"
               "print(','.join(sorted(m for m in ('datasketch', 'scipy', 'httpx', "
               "'strikewatch.store', 'strikewatch.ingest.ingestor') if m in sys.modules)))\n"
               "from strikewatch.ingest import IngestOptions, ingest, sources\n"
               "print(IngestOptions.__module__, ingest.__module__, sources.__name__)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", program], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    first, second = out.stdout.splitlines()
    assert first == "", first
    assert second == ("strikewatch.ingest.ingestor strikewatch.ingest.ingestor "
                      "strikewatch.ingest.sources")

"""Offline by design: ingest -> extract -> resolve -> export opens no network connection.

A fresh Python process (so nothing is cached from other tests) installs a guard on the
socket module before importing strikewatch: every name lookup and every connection to
anything but a local (AF_UNIX) socket is recorded and refused. It then runs the whole
pipeline over the bundled sample articles into a SQLite file and writes every export format.
The run must succeed with the same incidents as always, and the guard must have seen
nothing. A control in the same process shows the guard does catch a connection attempt.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import json, socket, sys
attempts = []

def refuse(what):
    def guard(*args, **kwargs):
        attempts.append(f"{what} {args[1:2] if what == 'connect' else args[:1]}")
        raise OSError(f"network use in an offline run: {what}")
    return guard

real_connect = socket.socket.connect
def connect(self, address):
    if self.family == socket.AF_UNIX:
        return real_connect(self, address)
    return refuse("connect")(self, address)
socket.socket.connect = connect
socket.socket.connect_ex = connect
socket.getaddrinfo = refuse("getaddrinfo")
socket.gethostbyname = refuse("gethostbyname")
socket.create_connection = refuse("create_connection")

# control: the guard is live
try:
    socket.create_connection(("192.0.2.1", 80), timeout=1)
except OSError:
    pass
control = list(attempts)
attempts.clear()

from pathlib import Path
from strikewatch import pipeline
from strikewatch.cli import sample_dir
from strikewatch.export.writers import write_export
from strikewatch.store import open_store

out = Path(sys.argv[1])
store = open_store(str(out / "offline.db"))
rep = pipeline.run([str(sample_dir())], store)
incidents = list(store.incidents())
for fmt in ("jsonl", "csv", "geojson"):
    with open(out / f"ledger.{fmt}", "w", encoding="utf-8") as fh:
        write_export(fmt, incidents, list(store.tallies()), fh)
print(json.dumps({"control": control, "attempts": attempts,
                  "articles": len(rep.ingest.ingested), "incidents": len(incidents),
                  "failures": rep.extract_failures}))
"""


def test_the_pipeline_runs_with_the_network_refused(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_proxy", "_PROXY"))}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["control"], "the socket guard did not catch the control connection"
    assert result["attempts"] == [], result["attempts"]
    assert result["articles"] >= 15 and result["incidents"] >= 5
    assert result["failures"] == []
    for fmt in ("jsonl", "csv", "geojson"):
        assert (tmp_path / f"ledger.{fmt}").stat().st_size > 0

"""Load on the ledger API: 50 concurrent clients on loopback, with and without an ingest.

    PYTHONPATH=. python bench/load.py [--clients 50] [--seconds 15] [--seed-articles 300]
                                      [--ingest-articles 600]

Builds a SQLite store from synthetic articles (strikewatch.batch.synthetic, fixed seeds)
through the real pipeline, starts `strikewatch serve` as its own process on 127.0.0.1, signs
in a viewer, then runs two phases of the same fixed duration with the same request mix
(ledger pages with filters, sorting, totals, free text, one incident, tallies):

  1. baseline: the API alone;
  2. under ingest: while `strikewatch ingest` (another process) adds, extracts and
     resolves more articles into the same store, swapping the ledger as it goes.

For each phase it prints requests, throughput, p50/p95/p99 latency and errors, then the
ratio of phase 2 to phase 1. Errors (transport failures, 5xx, any status other than 200
and, for one incident by id, 404 when a rebuilt ledger dropped that id) make the exit status
1. The client is one asyncio process with httpx (wrk is not used, so nothing beyond the
Python environment is needed); on a small machine the client's own CPU use is part of what
is measured, so compare the two phases, not runs on different machines.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from strikewatch import pipeline  # noqa: E402
from strikewatch.accounts.auth import hash_password  # noqa: E402
from strikewatch.batch.synthetic import write_archive  # noqa: E402
from strikewatch.store import open_store  # noqa: E402
from tests._webdata import free_port  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load-viewer-pass"


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    gone: int = 0  # 404 for an incident id a rebuilt ledger no longer has
    by_url: dict[str, list[float]] = field(default_factory=dict)
    seconds: float = 0.0

    def error(self, why: str) -> None:
        self.errors[why] = self.errors.get(why, 0) + 1

    def row(self) -> str:
        lat = sorted(self.latencies)
        n = len(lat)

        def p(q: float) -> float:
            return lat[min(n - 1, int(q * n))] * 1000 if n else float("nan")

        return (f"{self.name:<14} {n:>8} {n / self.seconds:>9.1f} {p(0.50):>8.1f} "
                f"{p(0.95):>8.1f} {p(0.99):>8.1f} {sum(self.errors.values()):>7} "
                f"{self.gone:>5}")

    def p95(self) -> float:
        lat = sorted(self.latencies)
        return lat[min(len(lat) - 1, int(0.95 * len(lat)))]


def request_mix(ids: list[str]) -> list[str]:
    mix = ["/api/incidents?limit=50", "/api/incidents?grade=weak&sort=-date_low&limit=20",
           "/api/incidents?q=drone&limit=20", "/api/incidents?status=occurred&totals=true",
           "/api/incidents?date_from=2025-02-01&date_to=2025-06-30&sort=-killed_low",
           "/api/incidents?offset=100&limit=100", "/api/tallies"]
    mix += [f"/api/incidents/{i}" for i in ids[:5]]
    return mix


async def client(c: httpx.AsyncClient, urls: list[str], phase: Phase, until: float,
                 seed: int) -> None:
    rnd = random.Random(seed)
    while time.monotonic() < until:
        url = rnd.choice(urls)
        t0 = time.perf_counter()
        try:
            r = await c.get(url)
        except httpx.HTTPError as exc:
            phase.error(type(exc).__name__)
            continue
        took = time.perf_counter() - t0
        phase.latencies.append(took)
        key = "/api/incidents/{id}" if url.count("/") == 3 else url
        phase.by_url.setdefault(key, []).append(took)
        if r.status_code == 404 and url.count("/") == 3:
            phase.gone += 1
        elif r.status_code != 200:
            phase.error(f"HTTP {r.status_code}")


async def run_phase(base: str, cookies: dict[str, str], urls: list[str], name: str,
                    clients: int, seconds: float) -> Phase:
    phase = Phase(name)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, cookies=cookies, limits=limits,
                                 timeout=60) as c:
        start = time.monotonic()
        await asyncio.gather(*(client(c, urls, phase, start + seconds, i)
                               for i in range(clients)))
        phase.seconds = time.monotonic() - start
    return phase


def wait_up(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not start within 60 s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--seed-articles", type=int, default=300)
    ap.add_argument("--ingest-articles", type=int, default=600)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="sw-load-") as tmp:
        db = str(Path(tmp) / "load.db")
        first, second = Path(tmp) / "first.jsonl", Path(tmp) / "second.jsonl"
        write_archive(first, args.seed_articles, seed=7)
        write_archive(second, args.ingest_articles, seed=8)
        store = open_store(db)
        t0 = time.perf_counter()
        rep = pipeline.run([str(first)], store)
        store.add_user("loadviewer", hash_password(PASSWORD), "viewer")
        ids = [i.id for i in store.incidents()]
        print(f"seed ledger: {len(rep.ingest.ingested)} articles, {rep.incidents} incidents, "
              f"{rep.tallies} tallies in {time.perf_counter() - t0:.1f} s")
        store.close()

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "STRIKEWATCH_SECRET": "load-secret"}
        server = subprocess.Popen([sys.executable, "-m", "strikewatch", "serve", "--db", db,
                                   "--port", str(port)], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_up(base, server)
            with httpx.Client(base_url=base) as c:
                page = c.get("/login").text
                token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
                r = c.post("/login", data={"username": "loadviewer", "password": PASSWORD,
                                           "csrf_token": token})
                assert r.status_code == 303, r.text
                cookies = dict(c.cookies)
            urls = request_mix(ids)
            base_phase = asyncio.run(run_phase(base, cookies, urls, "baseline",
                                               args.clients, args.seconds))
            ingest = subprocess.Popen([sys.executable, "-m", "strikewatch", "ingest",
                                       str(second), "--db", db], env=env, cwd=ROOT,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            t_ingest = time.monotonic()
            load_phase = asyncio.run(run_phase(base, cookies, urls, "under ingest",
                                               args.clients, args.seconds))
            ingest_running_at_end = ingest.poll() is None
            try:
                _, ingest_err = ingest.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                ingest.kill()
                _, ingest_err = ingest.communicate()
            ingest_s = time.monotonic() - t_ingest
        finally:
            server.terminate()
            try:
                _, server_err = server.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                _, server_err = server.communicate()
        store = open_store(db)
        articles = store.count_articles()
        store.close()

    print(f"\n{args.clients} clients, {args.seconds:.0f} s per phase, loopback, "
          f"{len(urls)} URLs in the mix")
    print(f"{'phase':<14} {'requests':>8} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'errors':>7} {'gone':>5}")
    for ph in (base_phase, load_phase):
        print(ph.row())
        for why, n in ph.errors.items():
            print(f"    error {why}: {n}")
    thr = (len(load_phase.latencies) / load_phase.seconds) / \
        (len(base_phase.latencies) / base_phase.seconds)
    mean = statistics.mean(load_phase.latencies) / statistics.mean(base_phase.latencies)
    print(f"ratio under ingest / baseline: throughput {thr:.2f}x, "
          f"p95 {load_phase.p95() / base_phase.p95():.2f}x, mean {mean:.2f}x")
    print("median ms per URL (baseline / under ingest):")
    for url in sorted(base_phase.by_url):
        a = statistics.median(base_phase.by_url[url]) * 1000
        b = statistics.median(load_phase.by_url.get(url, [float("nan")])) * 1000
        print(f"    {url:<72} {a:>8.1f} {b:>8.1f}")
    print(f"ingest: exit {ingest.returncode}, {ingest_s:.1f} s, still running when the load "
          f"phase ended: {ingest_running_at_end}; articles in the store now {articles}")
    if ingest.returncode != 0:
        print(ingest_err.decode(errors="replace")[-2000:])
    failed = bool(base_phase.errors or load_phase.errors or ingest.returncode != 0)
    if failed and server_err:
        print(server_err.decode(errors="replace")[-3000:])
    print("RESULT:", "FAIL" if failed else "OK (no errors)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

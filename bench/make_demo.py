"""A fresh clone's `make demo`, timed before and after a change, side by side in one run.

    PYTHONPATH=. .venv/bin/python bench/make_demo.py BEFORE_REF [AFTER_REF]

Clones this repository twice into a temporary folder, checks out each commit, and times
`make demo` from nothing (venv creation, pip install, the demo itself) in each: first
BEFORE, then AFTER, with the same pip cache (wheels already downloaded or not, both runs
see the same cache; the second run does not profit from the first's venv). Prints both
times and the ratio (after / before). Needs git, make and python3.11.

Measured on the shared 2-core development machine (pip cache warm, other jobs running, so
both numbers move together from run to run), before = 4505ab7 (`pip install -e '.[dev]'`),
after = the split extras: 215 s -> 132 s (0.61), and with `--no-compile` 138 s -> 84 s
(0.60). What was left then: creating the venv ~9 s, upgrading pip ~6 s, pip installing
the 88 packages the demo needs ~55-75 s (~35 s of it reading index pages: pip parses every
file link of every version of numpy, scipy, …; ~30 s unpacking 415 MB of wheels, one after
the other), the demo ~23 s (~20 s of it compiling the modules it imports: this machine sets
PYTHONDONTWRITEBYTECODE, so nothing is cached between runs).

Issue 17, with uv installing (pinned, put into the venv by pip; it resolves and unpacks in
parallel) and an empty uv cache (it downloads every wheel): before = 4505ab7 188 s, after
= 90aaab9 56 s, ratio 0.30; a second run 185 s -> 65 s (ac5a7b5), 0.35. Where uv
cannot reach an index, pip installs as before (checked: 112 s, the demo runs).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_demo(ref: str, where: Path) -> float:
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(ROOT), str(where)], check=True)
    subprocess.run(["git", "-C", str(where), "checkout", "-q", ref], check=True)
    # uv (where the Makefile uses it) starts from an empty cache every run: it downloads
    # every wheel, the worst case for it, while pip may find them in its cache
    env = {**os.environ, "UV_CACHE_DIR": str(where / ".uv-cache")}
    start = time.perf_counter()
    done = subprocess.run(["make", "demo"], cwd=where, capture_output=True, text=True,
                          env=env)
    took = time.perf_counter() - start
    if done.returncode != 0 or "Ledger" not in done.stdout:
        raise SystemExit(f"make demo at {ref} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before")
    ap.add_argument("after", nargs="?", default="HEAD")
    args = ap.parse_args()
    refs = {name: subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", ref],
                                 check=True, capture_output=True, text=True).stdout.strip()
            for name, ref in (("before", args.before), ("after", args.after))}
    with tempfile.TemporaryDirectory() as tmp:
        times = {name: timed_demo(ref, Path(tmp) / name) for name, ref in refs.items()}
    for name, ref in refs.items():
        print(f"{name:>6} ({ref}): fresh clone to ledger in {times[name]:.0f} s")
    print(f"ratio after / before: {times['after'] / times['before']:.2f}")


if __name__ == "__main__":
    main()

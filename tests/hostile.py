"""Shared helpers for the hostile-input and fault tests (fuzz profile, resource bounds).

The fuzz tests run a few hundred cases each by default so `make test` stays fast;
STRIKEWATCH_FUZZ=1 (what `make fuzz` sets) selects the 10,000-cases-per-parser profile.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FUZZ = os.environ.get("STRIKEWATCH_FUZZ") == "1"

settings.register_profile(
    "hostile-quick", max_examples=int(os.environ.get("STRIKEWATCH_FUZZ_CASES", "200")),
    deadline=None, suppress_health_check=list(HealthCheck), database=None,
)
settings.register_profile(
    "hostile-fuzz", max_examples=10_000, deadline=None,
    suppress_health_check=list(HealthCheck), database=None,
)
#: Decorate a @given test with this; which profile depends on STRIKEWATCH_FUZZ.
fuzz_settings = settings(settings.get_profile("hostile-fuzz" if FUZZ else "hostile-quick"))

#: Generous bounds: one parse of a fuzz case (a few KB at most) and the test process.
CASE_SECONDS = 30.0  # a shared, loaded 2-core machine once took 20 s
PROCESS_RSS_MB = 3000

T = TypeVar("T")


def bounded(fn: Callable[..., T], *args: Any, seconds: float = CASE_SECONDS, **kw: Any) -> T:
    """Call fn and assert it returned within `seconds` (exceptions pass through)."""
    t0 = time.monotonic()
    try:
        return fn(*args, **kw)
    finally:
        took = time.monotonic() - t0
        assert took < seconds, f"{getattr(fn, '__name__', fn)} took {took:.1f} s"


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_measured(code: str, *args: str, timeout: float = 300,
                 env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run Python `code` in a fresh interpreter; its last stdout line is JSON, returned
    with `wall_s` and `max_rss_mb` (the child's peak RSS, measured by the kernel)."""
    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    wrapper = (
        "import json, resource, sys, time\n"
        "t0 = time.monotonic()\n"
        f"exec(compile({code!r}, '<hostile>', 'exec'))\n"
        "out = dict(RESULT)\n"
        "out['wall_s'] = round(time.monotonic() - t0, 2)\n"
        "out['max_rss_mb'] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run([sys.executable, "-c", wrapper, *args], capture_output=True,
                          text=True, timeout=timeout, env=full_env, cwd=str(ROOT))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


#: Exceptions that mean a bug leaked out of a parser rather than a reasoned refusal.
INTERNAL = ("KeyError", "AttributeError", "IndexError", "TypeError", "RecursionError",
            "UnboundLocalError", "NameError", "AssertionError", "ZeroDivisionError",
            "MemoryError", "OverflowError")


def is_clear_reason(reason: str) -> bool:
    """A skip reason a person can act on: non-empty and not a leaked internal error."""
    return bool(reason.strip()) and not reason.startswith(tuple(f"{n}:" for n in INTERNAL))

"""How strikewatch starts worker processes: from a fork server, never by forking the caller.

A plain `fork` copies the calling process in whatever state it is in. By the time a pool
starts, the caller may have resolved a ledger (DuckDB's and Arrow's native thread pools
are then running, and splink's objects wait in the garbage for the collector), hold open
database connections, or draw a Rich progress bar from a thread. A child forked from that
inherits locks held by threads that do not exist in it and objects whose C state belongs
to the parent; a CI run saw such a child (`ingest --workers 2`, forked by a test process
that had just resolved a one-worker ledger) die with a segmentation fault when its
garbage collector ran.

The fork server is a fresh interpreter the first pool starts (fork + exec, so it inherits
nothing but the environment and `sys.path`); it imports `PRELOAD` once, single-threaded,
which builds the readers and loads the spaCy model, and every worker is forked from it.
So workers still share the models instead of each loading them (~3 s of CPU a process,
what a `spawn` pool cost), and the caller never forks. The server lives as long as the
caller and serves every later pool.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

#: What the fork server imports before forking any worker: the code the workers run, and
#: the module whose import warms the readers up (strikewatch.pool_preload).
PRELOAD = ["strikewatch.pipeline", "strikewatch.pool_preload"]


def executor(
    workers: int,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
) -> ProcessPoolExecutor:
    """A pool of `workers` processes forked from the fork server (see the module's doc).
    The initializer and every task must be importable module-level functions."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=start_server(),
                               initializer=initializer, initargs=initargs)


def start_server() -> multiprocessing.context.ForkServerContext:
    """Start the fork server now, if it is not running, and return its context. It loads
    `PRELOAD` (~2.5 s of CPU) on its own, so a caller that has other work before its
    pool (ingest: storing the articles) calls this first and the loading overlaps it."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # only read when the server starts
    from multiprocessing import forkserver

    forkserver.ensure_running()
    return context


def load_models() -> None:
    """Load now what the reader would load on first need. Building a reader imports it
    but may not parse (the spaCy model loads on the first parse: ~1.2 s of CPU a
    process); if the reader uses the parser's module, its model is loaded here."""
    nlp = sys.modules.get("strikewatch.extract.nlp")
    load = getattr(nlp, "load_nlp", None)
    if callable(load):
        load()


def warm_up() -> None:
    """Build every registered reader and load its models (the fork server's preload). A
    reader that fails to build is left alone: the worker that needs it reports why."""
    from strikewatch.extract import registry

    for name in registry.names():
        try:
            registry.get_extractor(name)
        except Exception:  # noqa: BLE001, S112 - reported by the article that needs it
            continue
    load_models()

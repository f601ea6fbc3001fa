"""Gazetteer load time and memory, and locate() speed, against baselines in this process.

Prints:
- load: seconds to load the shipped gazetteer (cold, cache cleared), and its memory
  (tracemalloc, in a second load) — the one-off cost of the first locate();
- short run: locating the event place of every sentence of the seed article (what one
  article's extraction asks of geo), and the ratio load / short run — the strictest
  baseline, geo's own work;
- imports: importing the extraction's other libraries (dateparser, spaCy) in this
  process, which every extraction run pays once as geo pays its load; ratio load / that;
- throughput: locate() calls per second over the place-accuracy sentences, warm, and the
  ratio against a baseline of only tokenising the same sentences.

    PYTHONPATH=. python bench/geo.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import gc
import re
import time
import tracemalloc
from pathlib import Path

from bench.geo_accuracy import GOLD, load_gold
from strikewatch.evaluate import shared_root
from strikewatch.geo import article_countries, locate
from strikewatch.geo import gazetteer as gz
from strikewatch.geo.mentions import tokens

SEED = shared_root() / "corpus" / "seed" / "000_7e0cde97be91e1e3.txt"
_SENT = re.compile(r"[^.!?]+[.!?]+[”\"]?")


def cold_load() -> float:
    gz.load.cache_clear()
    gc.collect()
    t = time.perf_counter()
    gz.load()
    return time.perf_counter() - t


def import_baseline() -> float:
    """Seconds to import what an extraction run imports anyway (first import here)."""
    t = time.perf_counter()
    import importlib

    for mod in ("dateparser", "spacy"):
        try:
            importlib.import_module(mod)
        except ImportError:
            pass
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--article", type=Path, default=SEED)
    a = ap.parse_args()

    loads = sorted(cold_load() for _ in range(5))
    load_s = loads[2]
    gz.load.cache_clear()
    gc.collect()
    tracemalloc.start()
    g = gz.load()
    mem_mb = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    assert g.main is not None
    print(f"gazetteer main tier: {g.main.n_rows} places, {len(g.main.keys)} names; "
          f"load {load_s:.3f} s (median of 5 cold loads), memory {mem_mb:.1f} MiB")
    gc.collect()
    t = time.perf_counter()
    small = g.small
    small_s = time.perf_counter() - t
    g._small = None
    gc.collect()
    tracemalloc.start()
    small = g.small
    small_mb = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    assert small is not None
    print(f"small-town tier (read on first need): {small.n_rows} places, "
          f"{len(small.keys)} names; load {small_s:.3f} s, memory {small_mb:.1f} MiB")

    text = a.article.read_text(encoding="utf-8") if a.article.exists() else (
        "A US strike off Venezuela killed three. Troops were deployed to Sinaloa. " * 10)
    sentences = [(m.start(), m.end()) for m in _SENT.finditer(text)]
    # fresh look-up caches, as in a new process, the main tier loaded, the small one not
    g.clear_caches()
    g._small = None
    t = time.perf_counter()
    ctx = article_countries(text)
    found = sum(locate(text, s, e, context_countries=ctx) is not None for s, e in sentences)
    short_s = time.perf_counter() - t
    print(f"short run: {len(sentences)} sentences of {a.article.name}, {found} placed, "
          f"{short_s:.3f} s (small tier read: {g._small is not None}); "
          f"load / short run = {load_s / max(short_s, 1e-9):.1f}x "
          f"(load is {100 * load_s / (load_s + short_s):.0f}% of load + run)")

    imp_s = import_baseline()
    print(f"imports: dateparser + spaCy {imp_s:.3f} s; load / imports = "
          f"{load_s / max(imp_s, 1e-9):.2f}x")

    items = load_gold(GOLD)
    calls = []
    for it in items:
        i = it["text"].index(it["trigger"])
        calls.append((it["text"], (i, i + len(it["trigger"])), tuple(it.get("context", ()))))
    t = time.perf_counter()
    for _ in range(a.repeat):
        for txt, trig, c in calls:
            locate(txt, 0, len(txt), trigger=trig, context_countries=c)
    loc_s = time.perf_counter() - t
    n = len(calls) * a.repeat
    t = time.perf_counter()
    for _ in range(a.repeat):
        for txt, _trig, _c in calls:
            tokens(txt, 0, len(txt))
    base_s = time.perf_counter() - t
    print(f"throughput: {n / loc_s:,.0f} mentions/s locate() ({n} calls, warm); "
          f"baseline tokenise only {n / base_s:,.0f}/s; locate costs "
          f"{loc_s / max(base_s, 1e-9):.1f}x the baseline")


if __name__ == "__main__":
    main()

"""Two variants of the extractor timed in one process, in alternating chunks.

    PYTHONPATH=. python bench/extract_ab.py VARIANT.py [--language en|es] [--articles 200]

Why: on a shared machine two whole runs of bench/extract.py differ by 30-50 % with no code
change (the load moves between them), which hides the few-percent changes speed work is
now made of. Here both variants read the same articles (bench/extract.py's workload) in
chunks of ten, in turns and in alternating order, in one process pinned to one core, so
both see the same load; a null variant (on() and off() doing nothing) reads within about
2 % of 1.00.

VARIANT.py is a Python file defining `on()` and `off()`, which switch the change being
measured on and off (typically by swapping a module attribute or method), e.g.

    from strikewatch.geo import mentions as M
    OLD = M._org_regex
    def on(): M._org_regex = new_version
    def off(): M._org_regex = OLD

Prints CPU ms per article for each and their ratio (on/off: below 1 is faster). Output
identity is bench/extract_guard.py's job, not this one's.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import make_articles, spanish_articles  # noqa: E402
from strikewatch.extract import registry  # noqa: E402

CHUNK = 10


def switches(path: Path) -> tuple[Callable[[], None], Callable[[], None]]:
    """The variant file's on() and off()."""
    ns: dict[str, object] = {"__name__": "variant", "__file__": str(path)}
    exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), ns)  # noqa: S102
    on, off = ns.get("on"), ns.get("off")
    if not callable(on) or not callable(off):
        sys.exit(f"{path}: defines no on() and off()")
    return on, off


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("variant", type=Path)
    ap.add_argument("--language", choices=("en", "es"), default="en")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    make = spanish_articles if args.language == "es" else make_articles
    reader = registry.get_extractor("strikewatch-rules-es" if args.language == "es"
                                    else None)
    for a in make(30, args.seed + 1):  # lazy imports, regex compilation, the gazetteer
        registry.checked(reader, a)
    on, off = switches(args.variant)
    arts = make(args.articles, args.seed)
    spent = {"on": 0.0, "off": 0.0}
    for k, i in enumerate(range(0, len(arts), CHUNK)):
        chunk = arts[i:i + CHUNK]
        for name in (("on", "off") if k % 2 else ("off", "on")):
            (on if name == "on" else off)()
            c0 = time.process_time()
            for a in chunk:
                registry.checked(reader, a)
            spent[name] += time.process_time() - c0
    n = len(arts)
    print(f"{args.language} {n} articles: on {1000 * spent['on'] / n:.2f} CPU ms/article, "
          f"off {1000 * spent['off'] / n:.2f}, on/off {spent['on'] / spent['off']:.3f}")


if __name__ == "__main__":
    main()

"""Where the rules extractor's time goes: a statistical profile of bench/extract.py's workload.

    PYTHONPATH=. python bench/extract_profile.py [--articles 600] [--language en|es] [--top 40]

cProfile's per-call cost distorts a workload of hundreds of thousands of small calls (it
made the regex asks look five times dearer than they are); a SIGPROF timer samples the
running Python stack every few CPU milliseconds instead, at no cost between samples. Prints
each function's share of the samples as the innermost Python frame ("self": a C call such
as a regex match counts to the function that made it), its share anywhere on the stack
("inclusive"), and the costliest lines. Samples come at the kernel's timer granularity
(about 4 ms here): use 600 articles or more for a stable top 20.
"""

from __future__ import annotations

import argparse
import collections
import os
import signal
import sys
import time
from pathlib import Path
from types import CodeType, FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import make_articles, spanish_articles  # noqa: E402
from strikewatch.extract import registry  # noqa: E402


def _key(code: CodeType) -> str:
    path = code.co_filename
    short = os.path.relpath(path, ROOT) if path.startswith(str(ROOT)) else Path(path).name
    return f"{short}:{code.co_firstlineno}({code.co_name})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--language", choices=("en", "es"), default="en")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if args.language == "es":
        reader = registry.get_extractor("strikewatch-rules-es")
        warm, arts = spanish_articles(20, args.seed + 1), spanish_articles(args.articles,
                                                                           args.seed)
    else:
        reader = registry.get_extractor()
        warm, arts = make_articles(40, args.seed + 1), make_articles(args.articles, args.seed)
    for a in warm:  # lazy imports, regex compilation, the gazetteer
        registry.checked(reader, a)
    own: collections.Counter[str] = collections.Counter()
    anywhere: collections.Counter[str] = collections.Counter()
    lines: collections.Counter[str] = collections.Counter()
    total = [0]

    def sample(signum: int, frame: FrameType | None) -> None:
        if frame is None:
            return
        total[0] += 1
        own[_key(frame.f_code)] += 1
        lines[f"{_key(frame.f_code)} line {frame.f_lineno}"] += 1
        seen: set[str] = set()
        f: FrameType | None = frame
        while f is not None:
            k = _key(f.f_code)
            if k not in seen:
                seen.add(k)
                anywhere[k] += 1
            f = f.f_back

    signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    c0 = time.process_time()
    for a in arts:
        registry.checked(reader, a)
    spent = time.process_time() - c0
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    n = max(1, total[0])
    print(f"{len(arts)} {args.language} articles, {1000 * spent / len(arts):.2f} CPU ms each, "
          f"{total[0]} samples")
    for title, counts in (("self", own), ("inclusive", anywhere), ("lines (self)", lines)):
        print(f"== {title}")
        for k, v in counts.most_common(args.top):
            print(f"{100 * v / n:5.1f} %  {k}")


if __name__ == "__main__":
    main()

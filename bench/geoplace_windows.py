"""Benchmark: would reading an article's place names once serve `geoplace`'s passages?

    PYTHONPATH=. python bench/geoplace_windows.py [--articles 600] [--seed 7]

`geoplace` asks the geoparser (`geo.locate`) about the words around each mention's event
word, in a copy of the article with the actors' names blanked out (extract/places.py,
`geo_place`). Reading the article's names once and deriving each blanked passage's names
from them pays only if the passages overlap, i.e. if the same words are read more than
once. This records every passage `locate` is asked about while the rules extractor reads
bench/extract.py's fixed workload and prints how many characters they hold, how many of
those are read more than once, and, in the same process, what finding the names costs
over the passages and over the whole articles (`geo.mentions.find`, the part of `locate`
that a once-per-article reading would replace).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import make_articles  # noqa: E402
from strikewatch import geo  # noqa: E402
from strikewatch.extract import registry  # noqa: E402
from strikewatch.extract.rules import RulesExtractor  # noqa: E402
from strikewatch.geo.mentions import find  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    arts = make_articles(args.articles, args.seed)
    rules = RulesExtractor()

    # every passage geo.locate is asked about, by article (the geoparser protocol calls
    # the module's locate, so wrapping it sees geoplace's calls, blanked copies and all)
    passages: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    current = [0]
    locate = geo.locate

    def recording(text: str, start: int, end: int, **kw: Any) -> geo.PlaceMatch | None:
        passages[current[0]].append((text, start, end))
        return locate(text, start, end, **kw)

    geo.locate = recording  # type: ignore[assignment]
    try:
        for i, a in enumerate(arts):
            current[0] = i
            registry.checked(rules, a)
    finally:
        geo.locate = locate  # type: ignore[assignment]

    calls = sum(len(v) for v in passages.values())
    chars = sum(e - s for v in passages.values() for _, s, e in v)
    once: set[tuple[int, int]] = set()
    again = 0
    for i, v in passages.items():
        for _, s, e in v:
            for c in range(s, e):
                if (i, c) in once:
                    again += 1
                once.add((i, c))
    total = sum(len(a.text) for a in arts)
    print(f"articles {len(arts)}  locate calls {calls}  passage chars {chars}  "
          f"read more than once {again}  article chars {total} "
          f"({chars / total:.0%} of the text is read)")

    g = geo.load()
    wholes = [(a.text, 0, len(a.text)) for a in arts]
    parts = [p for v in passages.values() for p in v]
    cost = {}
    for label, work in (("passages", parts), ("articles", wholes)) * 2:
        t = time.process_time()
        for text, s, e in work:
            find(g, text, s, e)
        cost[label] = time.process_time() - t  # (the second round, warm, is kept)
    print(f"finding names: every passage {cost['passages'] * 1000 / len(arts):.3f} ms an "
          f"article, the whole article once {cost['articles'] * 1000 / len(arts):.3f} ms "
          f"({cost['articles'] / cost['passages']:.1f}×)")


if __name__ == "__main__":
    main()

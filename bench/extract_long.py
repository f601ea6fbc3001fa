"""One long article: extraction time against length, whole and in parts (issue 18).

    PYTHONPATH=. python bench/extract_long.py            # 400 KB and 1.6 MB, in parts
    PYTHONPATH=. python bench/extract_long.py --whole    # also 400 KB in one call (slow)

The text is the gold articles (real news wording, strikes in it) repeated to the size.
strikewatch.pipeline.extract_article cuts a text past PART_CHARS into parts at paragraph
boundaries, so time should grow with the length: the printed ratio for 4x the text
should be near 4 (one call on the whole text grew about 3.3x per doubling: 400 KB 23 s,
1.6 MB 255 s). A benchmark, not a test: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from strikewatch import extract as extract_step  # noqa: E402
from strikewatch.evaluate import load_gold  # noqa: E402
from strikewatch.pipeline import PART_CHARS, extract_article  # noqa: E402
from strikewatch.records import Article  # noqa: E402


def long_text(size: int) -> str:
    texts = [load_gold(g)[1].text for g in sorted((ROOT / "tests" / "gold").glob("*.json"))]
    out: list[str] = []
    total = 0
    while total < size:
        for t in texts:
            out.append(t)
            total += len(t) + 2
            if total >= size:
                break
    return "\n\n".join(out)[:size]


def timed(article: Article, whole: bool = False) -> tuple[float, int]:
    t0 = time.perf_counter()
    mentions = extract_step.extract(article) if whole else extract_article(article)
    return time.perf_counter() - t0, len(mentions)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=400_000)
    ap.add_argument("--factor", type=int, default=4)
    ap.add_argument("--whole", action="store_true", help="also time one call on the small text")
    args = ap.parse_args()
    extract_step.extract(Article(text="A drone strike killed two people on Monday."))  # warm
    small = Article(text=long_text(args.small), published="2025-11-04")
    big = Article(text=long_text(args.small * args.factor), published="2025-11-04")
    t_small, n_small = timed(small)
    t_big, n_big = timed(big)
    print(f"parts of <= {PART_CHARS} chars")
    print(f"{len(small.text):>9} chars: {t_small:7.2f} s, {n_small} mentions")
    print(f"{len(big.text):>9} chars: {t_big:7.2f} s, {n_big} mentions")
    print(f"ratio for {args.factor}x the text: {t_big / t_small:.2f} (linear: {args.factor})")
    if args.whole:
        t_whole, n_whole = timed(small, whole=True)
        print(f"{len(small.text):>9} chars in one call: {t_whole:7.2f} s, {n_whole} mentions "
              f"({t_whole / t_small:.2f}x the parts)")


if __name__ == "__main__":
    main()

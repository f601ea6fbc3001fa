"""Guard for speed work on the extractor: its output must not change, byte for byte.

    PYTHONPATH=. python bench/extract_guard.py dump before.jsonl   # before a change
    PYTHONPATH=. python bench/extract_guard.py check before.jsonl  # after: exit 1 on a diff

Reads every gold article (tests/gold, tests/gold/samples, the real-style sets in
tests/gold/real and tests/gold/es but never a held-out batch or one being written as an
unseen test — bench/extract.py's NOT_READ, from learn/batches.HELD_OUT —, and the seed
gold in ../shared/gold, with the gold's `published`, and again without it so unresolved
dates are covered), every sample in strikewatch/samples, and bench/extract.py's varied
articles (both workloads) through the boundary ingest and eval use (`registry.checked`
with the reader for the article's language, so the Spanish reader and the validation are
guarded too), and writes each article's mentions as canonical JSON, one line each.
`check` re-runs and names the first article whose mentions differ. Not a committed
snapshot and not a test: the rules change on purpose often, a speed-up must not.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import make_articles, readable  # noqa: E402
from strikewatch.evaluate import load_gold, shared_root  # noqa: E402
from strikewatch.extract.registry import checked, reader_for  # noqa: E402
from strikewatch.records import Article  # noqa: E402


def articles() -> Iterator[tuple[str, Article]]:
    golds = sorted((ROOT / "tests" / "gold").glob("*.json"))
    golds += sorted((ROOT / "tests" / "gold" / "samples").glob("*.json"))
    golds += sorted((ROOT / "tests" / "gold" / "real").glob("*.json"))
    golds += sorted((ROOT / "tests" / "gold" / "es").glob("*.json"))
    golds += sorted((shared_root() / "gold").glob("*.json"))
    for g in golds:
        if not readable(g):
            continue
        _, art = load_gold(g)
        yield f"gold:{g.name}", art
        yield f"gold-undated:{g.name}", Article(text=art.text, language=art.language)
    for p in sorted((ROOT / "strikewatch" / "samples").glob("*.json")):
        obj = json.loads(p.read_text(encoding="utf-8"))
        text = obj.get("text")
        if not text:
            from strikewatch.ingest.html import html_main_text

            text = html_main_text(obj["html"], url=obj.get("url")).text
        yield f"sample:{p.name}", Article(text=text, published=obj.get("published"),
                                          url=obj.get("url"), title=obj.get("title"))
    for workload in ("fixed", "gold"):
        for i, art in enumerate(make_articles(300, 11, workload)):
            yield f"bench-{workload}:{i}", art


def lines() -> Iterator[str]:
    for key, art in articles():
        ms = [m.model_dump(mode="json") for m in checked(reader_for(art.language), art)]
        yield json.dumps({"article": key, "mentions": ms}, sort_keys=True, ensure_ascii=False)


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("dump", "check"):
        sys.exit(__doc__)
    path = Path(sys.argv[2])
    if sys.argv[1] == "dump":
        n = 0
        with path.open("w", encoding="utf-8") as f:
            for line in lines():
                f.write(line + "\n")
                n += 1
        print(f"{path}: {n} articles")
        return
    want = path.read_text(encoding="utf-8").splitlines()
    got = list(lines())
    if len(got) != len(want):
        sys.exit(f"{path}: {len(want)} articles there, {len(got)} now")
    for a, b in zip(want, got, strict=True):
        if a != b:
            sys.exit(f"DIFFERS {json.loads(a)['article']}\n  was {a[:2000]}\n  now {b[:2000]}")
    print(f"identical: {len(got)} articles")


if __name__ == "__main__":
    main()

"""Near-copies must not inflate the ledger: the sample articles, then N copies of them
(each as another outlet might run it, one sentence added, its own URL and publisher).

    PYTHONPATH=. .venv/bin/python bench/near_copies.py --copies 200

Ingests the originals alone into one SQLite store and originals + copies into another,
both through the full pipeline, and prints incidents, independent origins and grades of
each. A copy says nothing new, so the two ledgers should match: same incident count, same
grades. Printed last: incidents with copies / incidents without (1.00 is the goal).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "strikewatch" / "samples"

#: Lines an outlet adds when it reruns a wire story: none of them reports anything.
ADDED = (
    "This story has been updated with comment from the {office}.",
    "Reporting by {name}; editing by the {desk} desk.",
    "The {outlet} has asked the {office} for further details and will update this article.",
    "Readers can send tips and corrections to the {desk} desk by email at any time.",
    "{name} contributed reporting from the capital for the {outlet}.",
    "The {outlet} publishes wire reports alongside its own coverage of the region.",
    "An earlier version of this article misspelled the name of the {office}.",
)
FILL = {
    "office": ("ministry of defence", "embassy", "coast guard", "governor's office"),
    "name": ("Ana Ruiz", "Tom Okafor", "Lena Park", "Ravi Menon", "Sofia Costa"),
    "desk": ("night", "foreign", "metro", "digital"),
    "outlet": ("Harbor Post", "Daily Coast", "Valley Herald", "Morning Star"),
}


def samples() -> list[dict[str, object]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.json"))]


def added_sentence(rng: random.Random) -> str:
    return rng.choice(ADDED).format(**{k: rng.choice(v) for k, v in FILL.items()})


def near_copy(article: dict[str, object], n: int, rng: random.Random) -> dict[str, object]:
    """The article as outlet `n` runs it: one sentence added at a paragraph break."""
    copy = dict(article)
    body_key = "text" if article.get("text") else "html"
    body = str(article[body_key])
    extra = added_sentence(rng)
    if body_key == "text":
        paras = body.split("\n\n")
        at = rng.randrange(len(paras) + 1)
        copy["text"] = "\n\n".join([*paras[:at], extra, *paras[at:]])
    else:
        copy["html"] = body.replace("</p>", f"</p><p>{extra}</p>", 1)
    copy["url"] = f"https://outlet{n}.example/story/{n}"
    copy["publisher"] = f"Outlet {n}"
    return copy


def write_corpus(folder: Path, copies: int, seed: int = 7) -> None:
    """The samples, plus `copies` near-copies of them (round robin), as JSON files."""
    rng = random.Random(seed)
    originals = samples()
    folder.mkdir(parents=True, exist_ok=True)
    for i, art in enumerate(originals):
        (folder / f"orig{i:02d}.json").write_text(json.dumps(art), encoding="utf-8")
    for n in range(copies):
        art = near_copy(originals[n % len(originals)], n, rng)
        (folder / f"copy{n:04d}.json").write_text(json.dumps(art), encoding="utf-8")


def ledger(folder: Path, db: Path) -> tuple[int, int, Counter[str]]:
    """Incidents, independent origins and grade counts after the full pipeline."""
    from strikewatch import pipeline
    from strikewatch.store import IncidentQuery, open_store

    store = open_store(str(db))
    try:
        pipeline.run([str(folder)], store)
        incidents = store.incidents(IncidentQuery(limit=0))
        return len(incidents), store.count_origins(), Counter(i.grade for i in incidents)
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base, copied = Path(tmp) / "originals", Path(tmp) / "copies"
        write_corpus(base, 0)
        write_corpus(copied, args.copies)
        results = []
        for name, folder in (("originals", base), (f"+{args.copies} copies", copied)):
            t0 = time.perf_counter()
            n, origins, grades = ledger(folder, Path(tmp) / f"{folder.name}.db")
            results.append(n)
            print(f"{name:>14}: {n} incidents, {origins} independent origins, "
                  f"grades {dict(sorted(grades.items()))} ({time.perf_counter() - t0:.0f} s)")
    print(f"ratio incidents with copies / without: {results[1] / results[0]:.2f}")


if __name__ == "__main__":
    main()

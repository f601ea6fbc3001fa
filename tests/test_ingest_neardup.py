"""The origin index finds the near-duplicates datasketch's MinHashLSH finds, and links them
the same way: its lean banding (strikewatch.ingest.neardup) against the library's own index,
on real article texts and edited copies of them (reprints, trimmed, rewritten)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from datasketch import LeanMinHash, MinHashLSH

from strikewatch.ingest.neardup import (
    NUM_PERM,
    THRESHOLD,
    OriginIndex,
    from_bytes,
    minhash,
    to_bytes,
)

ROOT = Path(__file__).resolve().parent.parent


def texts() -> list[str]:
    samples = [json.loads(p.read_text(encoding="utf-8"))
               for p in sorted((ROOT / "strikewatch" / "samples").glob("*.json"))]
    out = [s["text"] for s in samples if s.get("text")]
    data = json.loads((ROOT / "tests" / "resolve_set" / "set.json").read_text(encoding="utf-8"))
    return out + [a["text"] for a in data["articles"]]


def edited(text: str, rng: random.Random) -> str:
    """A copy as another outlet might run it: a sentence dropped, a few words changed."""
    sentences = text.split(". ")
    if len(sentences) > 3 and rng.random() < 0.5:
        del sentences[rng.randrange(len(sentences))]
    words = ". ".join(sentences).split()
    for _ in range(rng.randrange(0, max(2, len(words) // 8))):
        words[rng.randrange(len(words))] = rng.choice(["said", "officials", "reported", "the"])
    return " ".join(words)


def reference_origin(lsh: MinHashLSH, sigs: dict[str, LeanMinHash], origins: dict[str, str],
                     mh: LeanMinHash) -> tuple[str, float] | None:
    """The index as it was written on MinHashLSH: candidates in id order, best above."""
    best = None
    for cand in sorted(lsh.query(mh)):
        sim = mh.jaccard(sigs[cand])
        if sim >= THRESHOLD and (best is None or sim > best[1]):
            best = (origins[cand], sim)
    return best


def test_the_lean_index_links_exactly_as_minhash_lsh() -> None:
    rng = random.Random(5)
    base = texts()
    docs = base + [edited(rng.choice(base), rng) for _ in range(3 * len(base))]
    rng.shuffle(docs)
    ours = OriginIndex()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    sigs: dict[str, LeanMinHash] = {}
    origins: dict[str, str] = {}
    linked = 0
    for i, text in enumerate(docs):
        mh = from_bytes(to_bytes(minhash(text)))  # as stored and read back
        got, want = ours.origin_for(mh), reference_origin(lsh, sigs, origins, mh)
        assert got == want, (i, got, want)
        linked += got is not None
        aid = f"a{i:04d}"
        origin = got[0] if got else aid
        ours.add(aid, origin, mh)
        lsh.insert(aid, mh)
        sigs[aid], origins[aid] = mh, origin
    assert len(ours) == len(docs)
    assert len(docs) // 4 < linked < len(docs) - len(base) // 2  # copies found, not everything

"""Near-identical copies (one wire story run by many outlets) linked to one origin.

Each article's text gets a MinHash over word 5-shingles; a MinHash LSH index finds earlier
articles above `THRESHOLD` estimated Jaccard similarity, and the new article takes their
origin id. Signatures are stored with the articles, so the index is rebuilt from the
store at the start of a run without re-hashing any text.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable

from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
#: Two texts sharing this share of their 5-word shingles are one story (a reprint with a
#: different headline, byline or boilerplate line still clears it; a rewrite does not).
THRESHOLD = 0.7

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


_TEMPLATE = MinHash(num_perm=NUM_PERM)  # its permutations are reused: costly to draw


def minhash(text: str) -> LeanMinHash:
    mh = MinHash(num_perm=NUM_PERM, permutations=_TEMPLATE.permutations,
                 scheme=_TEMPLATE.scheme)
    mh.update_batch(list(shingles(text)))
    return LeanMinHash(mh)


def to_bytes(mh: LeanMinHash) -> bytes:
    """datasketch's own serialization (it records seed, scheme and hash values)."""
    buf = bytearray(mh.bytesize())
    mh.serialize(buf)
    return bytes(buf)


def from_bytes(data: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(data)


class OriginIndex:
    """An LSH index from article id to its signature and origin."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.origins: dict[str, str] = {}
        self.signatures: dict[str, LeanMinHash] = {}

    @classmethod
    def from_signatures(
        cls, rows: Iterable[tuple[str, str, bytes]], threshold: float = THRESHOLD
    ) -> OriginIndex:
        index = cls(threshold)
        for article_id, origin_id, data in rows:
            try:
                mh = from_bytes(data)
            except (ValueError, TypeError, struct.error):
                continue  # a signature from an incompatible version: skip, not crash
            if len(mh.hashvalues) == NUM_PERM:
                index.add(article_id, origin_id, mh)
        return index

    def add(self, article_id: str, origin_id: str, mh: LeanMinHash) -> None:
        if article_id in self.origins:
            return
        self.lsh.insert(article_id, mh)
        self.origins[article_id] = origin_id
        self.signatures[article_id] = mh

    def origin_for(self, mh: LeanMinHash) -> tuple[str, float] | None:
        """The origin of the most similar stored copy above the threshold, if any.

        Candidates are visited in id order: LSH returns a set, whose order changes from
        process to process, and a tie must not link a resumed run differently from a
        clean one.
        """
        best: tuple[str, float] | None = None
        for cand in sorted(self.lsh.query(mh)):
            sim = mh.jaccard(self.signatures[cand])
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (self.origins[cand], sim)
        return best

    def __len__(self) -> int:
        return len(self.origins)

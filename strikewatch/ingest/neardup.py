"""Near-identical copies (one wire story run by many outlets) linked to one origin.

Each article's text gets a MinHash over word 5-shingles; a MinHash LSH index finds earlier
articles above `THRESHOLD` estimated Jaccard similarity, and the new article takes their
origin id. Signatures are stored with the articles, so the index is rebuilt from the
store at the start of a run without re-hashing any text.
"""

from __future__ import annotations

import hashlib
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


def _jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (hash values as bytes), as
    LeanMinHash.jaccard computes it: the share of equal hash values."""
    va, vb = memoryview(a).cast("I"), memoryview(b).cast("I")
    return sum(x == y for x, y in zip(va, vb, strict=True)) / len(va)


class OriginIndex:
    """An LSH index from article id to its signature and origin.

    The banding of datasketch's MinHashLSH for this threshold (its b bands of r hash values:
    two articles are candidates when one band is equal), kept lean because a batch holds
    it for the whole archive: per band a dict from an 8-byte digest of the band to the
    article ids sharing it, and per article its hash values as bytes: 1.5 KB an article,
    where MinHashLSH with its signature objects took 5.4 KB (bench/origin_index.py). A digest
    collision only adds a candidate, which must still clear THRESHOLD.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        # datasketch's choice of bands for this threshold (false positives and negatives
        # weighted equally); the object itself is not kept
        self.ranges: list[tuple[int, int]] = list(
            MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)
        self.bands: list[dict[int, str | list[str]]] = [{} for _ in self.ranges]
        self.origins: dict[str, str] = {}
        self.signatures: dict[str, bytes] = {}

    @classmethod
    def from_signatures(
        cls, rows: Iterable[tuple[str, str, bytes]], threshold: float = THRESHOLD
    ) -> OriginIndex:
        index = cls(threshold)
        for article_id, origin_id, data in rows:
            index.add_stored(article_id, origin_id, data)
        return index

    def add_stored(self, article_id: str, origin_id: str, data: bytes) -> None:
        """`add` for a signature as the store keeps it (bytes)."""
        if article_id in self.origins:
            return
        try:
            mh = from_bytes(data)
        except (ValueError, TypeError, struct.error):
            return  # a signature from an incompatible version: skip, not crash
        if len(mh.hashvalues) == NUM_PERM:
            self.add(article_id, origin_id, mh)

    def _band_keys(self, values: bytes) -> list[int]:
        size = len(values) // NUM_PERM
        return [int.from_bytes(hashlib.blake2b(values[lo * size : hi * size],
                                               digest_size=8).digest())
                for lo, hi in self.ranges]

    def add(self, article_id: str, origin_id: str, mh: LeanMinHash) -> None:
        if article_id in self.origins:
            return
        values = mh.hashvalues.tobytes()
        for band, key in zip(self.bands, self._band_keys(values), strict=True):
            held = band.get(key)
            if held is None:
                band[key] = article_id
            elif isinstance(held, str):
                band[key] = [held, article_id]
            else:
                held.append(article_id)
        self.origins[article_id] = origin_id
        self.signatures[article_id] = values

    def origin_for(self, mh: LeanMinHash) -> tuple[str, float] | None:
        """The origin of the most similar stored copy above the threshold, if any.

        Candidates are visited in id order, so a tie links a resumed run as it links a
        clean one.
        """
        values = mh.hashvalues.tobytes()
        candidates: set[str] = set()
        for band, key in zip(self.bands, self._band_keys(values), strict=True):
            held = band.get(key)
            if isinstance(held, str):
                candidates.add(held)
            elif held is not None:
                candidates.update(held)
        best: tuple[str, float] | None = None
        for cand in sorted(candidates):
            sim = _jaccard(values, self.signatures[cand])
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (self.origins[cand], sim)
        return best

    def __len__(self) -> int:
        return len(self.origins)

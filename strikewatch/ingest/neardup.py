"""Near-identical copies (one wire story run by many outlets) linked to one origin.

Each article's text gets a MinHash over word 5-shingles; a MinHash LSH index finds earlier
articles that may be copies, and the new article takes the origin id of the closest one
that is. Signatures are stored with the articles, so the index is rebuilt from the store at
the start of a run without re-hashing any text.

A copy is judged by two measures, both estimated from the signatures alone:

- Jaccard similarity (shared shingles / all shingles) at least `THRESHOLD`: a reprint with
  a different headline, byline or a changed word;
- containment (the shorter text's shingles found in the longer) at least `CONTAINMENT`,
  the shorter being at least `MIN_SHARE` of the two together: a short story rerun with a
  sentence added ("This story has been updated…"), or trimmed. Jaccard alone misses these:
  one added sentence costs a 40-word article a third of its Jaccard, and each missed copy
  counted as an independent source, raising grades (bench/near_copies.py).

Containment comes from the same hash values: for each permutation, the minimum of the union
lies in A with probability |A|/|A∪B|, and in both with probability |A∩B|/|A∪B|, so
equal / (A's value ≤ B's) estimates |A∩B|/|A|.
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
#: A text whose shingles are this much inside another's is a copy of it (one added or
#: dropped sentence; quoting a paragraph of a long story is not: see MIN_SHARE)…
CONTAINMENT = 0.6
#: …when it is at least this share of the two texts together (so a long story that quotes
#: a short one, or adds much of its own, is not its copy).
MIN_SHARE = 0.5
#: The LSH banding is chosen for this Jaccard, the lowest a copy by containment can have
#: (CONTAINMENT × MIN_SHARE): candidates are then checked by the measures above.
CANDIDATE_THRESHOLD = 0.4

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


def similarity(a: bytes, b: bytes) -> tuple[float, float, float]:
    """Estimated (Jaccard, containment of the shorter text in the longer, the shorter's
    share of both) of two signatures (hash values as bytes).

    Jaccard is what LeanMinHash.jaccard computes: the share of equal hash values.
    """
    va, vb = memoryview(a).cast("I"), memoryview(b).cast("I")
    equal = a_min = b_min = 0
    for x, y in zip(va, vb, strict=True):
        if x == y:
            equal += 1
        elif x < y:
            a_min += 1
        else:
            b_min += 1
    shorter = equal + min(a_min, b_min)  # permutations whose minimum the shorter text holds
    return equal / len(va), (equal / shorter if shorter else 0.0), shorter / len(va)


def copy_score(a: bytes, b: bytes, threshold: float = THRESHOLD) -> float | None:
    """How surely one text is a copy of the other (its containment), or None if it is not."""
    jaccard, contained, share = similarity(a, b)
    if jaccard >= threshold or (contained >= CONTAINMENT and share >= MIN_SHARE):
        return contained
    return None


class OriginIndex:
    """An LSH index from article id to its signature and origin.

    The banding of datasketch's MinHashLSH for CANDIDATE_THRESHOLD (its b bands of r hash
    values: two articles are candidates when one band is equal), kept lean because a batch
    holds it for the whole archive: per band a dict from an 8-byte digest of the band to the
    article ids sharing it, and per article its hash values as bytes: 2.7 KB an article
    (32 bands; 1.5 KB with the 14 bands Jaccard 0.7 alone needed), where MinHashLSH with its
    signature objects takes 5.4 KB (bench/origin_index.py). A digest collision only adds a
    candidate, which must still be a copy by `copy_score`.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        # datasketch's choice of bands for the candidate threshold (false positives and
        # negatives weighted equally); the object itself is not kept
        self.ranges: list[tuple[int, int]] = list(
            MinHashLSH(threshold=min(threshold, CANDIDATE_THRESHOLD),
                       num_perm=NUM_PERM).hashranges)
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
        """The origin of the stored text this is most surely a copy of, and that score
        (`copy_score`), if any.

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
            sim = copy_score(values, self.signatures[cand], self.threshold)
            if sim is not None and (best is None or sim > best[1]):
                best = (self.origins[cand], sim)
        return best

    def __len__(self) -> int:
        return len(self.origins)

"""Hashed bag-of-words features: a small fixed space, no vocabulary to ship.

The hash is crc32 (zlib), not Python's salted `hash`, so a word lands in the same bucket
in every process and on every machine: the weights shipped as JSON mean the same thing
wherever they are loaded.
"""

from __future__ import annotations

import re
import zlib

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-cased letter runs (digits and punctuation dropped: a figure is no word)."""
    return [w.lower() for w in WORD.findall(text)]


def bucket(token: str, dim: int) -> int:
    """The bucket of `token` in a space of `dim` (stable across runs)."""
    return zlib.crc32(token.encode("utf-8")) % dim


def hashed_words(text: str, dim: int, prefix: str = "w") -> dict[str, float]:
    """Binary hashed unigram features of `text`, keyed `prefix:bucket`."""
    return {f"{prefix}:{bucket(w, dim)}": 1.0 for w in words(text)}

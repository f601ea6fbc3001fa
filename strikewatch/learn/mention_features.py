"""Features of one mention for the mention filter: general signals, no phrases.

What a coder weighs before believing a mention is a strike report of its own: which
fields it has and whether its own sentence gives them or they were borrowed from others
(a fragment borrows everything), where it stands (lede, deep background, a caption, a
"Related" line, a dateline), whether it is told in a quotation or hedged, the word that
triggered it, what else the article tells (a plan or threat article tells few occurred
acts), whether the page is dated and how far back the act's day lies, and a small hashed
bag of the words of its sentence. Computed from the Mention and the article text alone,
so the filter needs no parse and no Doc internals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from strikewatch.learn.hashing import hashed_words
from strikewatch.records import NOT_VIOLENT_TYPES, Mention

HASH_DIM = 512
#: Fields whose presence (own sentence or borrowed) the filter weighs.
FIELDS = ("date", "place", "killed", "injured", "actor1", "actor2", "target_kind",
          "civilians_killed", "attribution", "hedges")

_FURNITURE = re.compile(r"^\s*(related|also read|read more|read also|see also|file\b|"
                        r"photo|image|watch|lea también|lee también|te puede interesar|"
                        r"\d+ of \d+)", re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}(\([^)]{1,30}\))?\s*[-–—:]")
_QUOTES = re.compile(r"[\"“”«»]")


def is_candidate(m: Mention) -> bool:
    """The mentions the filter judges: violent occurred events the rules hold as news."""
    return (m.kind == "event" and m.status == "occurred" and not m.background
            and m.event_type not in NOT_VIOLENT_TYPES)


def _bucket(x: float, edges: Sequence[float]) -> int:
    return sum(x >= e for e in edges)


def _trigger(m: Mention) -> tuple[int, int, str]:
    spans = m.provenance.get("event_type") or m.provenance.get("kind") or []
    if spans:
        s = min(spans, key=lambda s: (s.start, s.end))
        return s.start, s.end, s.text or ""
    first = min(((s.start, s.end) for s in m.spans), default=(0, 0))
    return first[0], first[0], ""


def _sentence(m: Mention, at: int) -> tuple[int, int]:
    for s in m.spans:
        if s.start <= at < s.end:
            return s.start, s.end
    first = min(((s.start, s.end) for s in m.spans), default=(at, at))
    return first


def _lemma(trigger: str) -> str:
    """The trigger's last word, crudely stemmed (strikes/struck -> strik; killed -> kill)."""
    ws = re.findall(r"[^\W\d_]+", trigger.lower())
    if not ws:
        return ""
    w = ws[-1] if len(ws) == 1 else ws[0]
    for suf in ("ings", "ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def _line(text: str, at: int) -> tuple[str, int, int]:
    """The text line holding `at`, its index among non-empty lines, and the line count."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    before = sum(1 for ln in text[:start].split("\n") if ln.strip())
    total = sum(1 for ln in text.split("\n") if ln.strip())
    return text[start:end], before, total


def _days_back(m: Mention, published: str | None) -> int | None:
    if not (published and m.date_high):
        return None
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(m.date_high[:10])).days
    except ValueError:
        return None


def mention_features(m: Mention, text: str, published: str | None,
                     mentions: Sequence[Mention]) -> dict[str, float]:
    """The filter's features of `m`, one of the article's `mentions` (m included)."""
    f: dict[str, float] = {}
    t0, t1, trig = _trigger(m)
    s0, s1 = _sentence(m, t0)
    sent = text[s0:s1]
    # fields: filled, and whether the trigger's sentence gives them
    own_any = 0
    for name in FIELDS:
        spans = m.provenance.get(name) or []
        if not spans:
            f[f"no_{name}"] = 1.0
            continue
        own = any(s0 <= s.start < s1 for s in spans)
        own_any += own
        f[f"{'own' if own else 'borrowed'}_{name}"] = 1.0
    f[f"own_fields={min(own_any, 4)}"] = 1.0
    n_sent = len(m.spans)
    f[f"sentences={min(n_sent, 4)}"] = 1.0
    # position: in the text, among lines
    line, line_no, lines = _line(text, t0)
    f[f"line={_bucket(line_no, (1, 2, 4, 8, 16))}"] = 1.0
    f[f"pos={_bucket(t0 / max(len(text), 1), (0.1, 0.3, 0.6))}"] = 1.0
    f[f"lines={_bucket(lines, (3, 10, 25))}"] = 1.0
    if _FURNITURE.match(line):
        f["furniture_line"] = 1.0
    if _DATELINE.match(line):
        f["dateline_line"] = 1.0
    stripped = line.strip()
    if len(stripped) < 90 and not stripped.endswith((".", "”", '"', ":", "?", "!")):
        f["short_line"] = 1.0
    if len(_QUOTES.findall(text, s0, t0)) % 2 == 1:
        f["in_quote"] = 1.0
    if sent.lstrip().startswith(("“", '"', "«")):
        f["quote_sentence"] = 1.0
    # status cues, hedges, the act's own description
    for h in sorted(set(m.hedges))[:4]:
        f[f"hedge={h.lower()}"] = 1.0
    if m.hedges:
        f["hedged"] = 1.0
    f[f"attributions={min(len(m.attribution), 2)}"] = 1.0
    f[f"quotes={min(len(m.quotes), 2)}"] = 1.0
    f[f"trig={_lemma(trig)}"] = 1.0
    f[f"sub={m.sub_event_type or 'none'}"] = 1.0
    f[f"target={m.target_kind or 'none'}"] = 1.0
    f[f"actor1={m.actor1.type if m.actor1 else 'none'}"] = 1.0
    f[f"precision={m.time_precision or 0}"] = 1.0
    if m.killed_low is not None:
        f[f"killed={_bucket(m.killed_low, (1, 2, 6, 20))}"] = 1.0
    if m.series_rank is not None:
        f["series"] = 1.0
    # the page and the act's day
    f["undated_page" if not published else "dated_page"] = 1.0
    back = _days_back(m, published)
    f[f"days_back={'none' if back is None else _bucket(back, (0, 2, 8, 31))}"] = 1.0
    if m.extractor.startswith("strikewatch-rules-es"):
        f["lang=es"] = 1.0
    # the article's other mentions
    others = [o for o in mentions if o is not m]
    events = [o for o in others if o.kind == "event"]
    occurred = [o for o in events if is_candidate(o)]
    f[f"other_occurred={min(len(occurred), 4)}"] = 1.0
    f[f"other_tallies={min(sum(o.kind == 'tally' for o in others), 2)}"] = 1.0
    plans = sum(o.status != "occurred" for o in events)
    f[f"other_not_occurred={min(plans, 3)}"] = 1.0
    f[f"other_background={min(sum(o.background for o in events), 3)}"] = 1.0
    rank = sum(1 for o in occurred if _trigger(o)[0] < t0)
    f[f"occurred_rank={min(rank, 3)}"] = 1.0
    if any(o.killed_low is not None and _trigger(o)[0] < t0 for o in occurred):
        f["earlier_toll"] = 1.0
    if any(o.date_low is not None for o in occurred):
        f["others_dated"] = 1.0
    f.update(hashed_words(sent, HASH_DIM))
    return f

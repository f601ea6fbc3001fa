"""Evaluate strikewatch.resolve on the multi-article resolution set (tests/resolve_set/set.json).

Two modes:
- gold:    the hand-coded mentions in set.json are resolved;
- extract: mentions come from strikewatch.extract.extract run on the article texts; each
           extracted mention takes the event key of the gold mention whose evidence its field
           provenance spans (else its sentences) overlap most (unaligned mentions have no key:
           a link between an unaligned and an aligned mention counts as false; one between two
           unaligned mentions is not judged).

Scores: pairwise precision/recall of the linking over event mentions (a pair is predicted when
two mentions share an incident, true when they share an event key), incidents per event,
expected fields of each event's incident (status, grade, casualty ranges, flags, counted) and
of each tally (reconciliation state, ledger incidents, sources).

Run: PYTHONPATH=. python tests/resolve_set/evaluate.py [--mode gold|extract|both] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from strikewatch.records import Actor, Article, Attribution, Incident, Mention, Place, Span, Tally
from strikewatch.resolve import counted, resolve

SET_PATH = Path(__file__).with_name("set.json")
DEFAULTS = {"kind": "event", "status": "occurred", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike"}
_NOT_FIELDS = {"event", "evidence", "date", "place", "actor1", "attribution"}


def load_set(path: Path = SET_PATH) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SystemExit(f"{path}: cannot read the resolution set ({exc})") from exc


def articles_of(data: dict[str, Any]) -> dict[str, Article]:
    out = {}
    for a in data["articles"]:
        art = Article(id=a["id"], text=a["text"], published=a.get("published"),
                      publisher=a.get("publisher"), title=a.get("title"),
                      origin_id=a.get("origin_id") or "", url=f"https://example.test/{a['id']}")
        out[art.id] = art
    return out


def gold_mentions(data: dict[str, Any]) -> tuple[list[Mention], dict[str, str]]:
    """The set's hand-coded mentions, and mention id -> true event key."""
    mentions: list[Mention] = []
    truth: dict[str, str] = {}
    for a in data["articles"]:
        for g in a["mentions"]:
            spans = []
            for ev in g["evidence"]:
                start = a["text"].find(ev)
                if start < 0:
                    raise ValueError(f"{SET_PATH}: article {a['id']}: evidence not in text: {ev!r}")
                spans.append(Span(article_id=a["id"], start=start, end=start + len(ev), text=ev))
            fields = {**DEFAULTS, **{k: v for k, v in g.items() if k not in _NOT_FIELDS}}
            if g.get("date"):
                fields.update(date_low=g["date"], date_high=g["date"], time_precision=1)
            if g.get("place"):
                fields["place"] = Place(**data["places"][g["place"]])
            if g.get("actor1"):
                fields["actor1"] = Actor(**data["actors"][g["actor1"]])
            fields["attribution"] = [Attribution(**x) for x in g.get("attribution", [])]
            m = Mention(article_id=a["id"], spans=spans, extractor="gold", **fields)
            mentions.append(m)
            truth[m.id] = g["event"]
    return mentions, truth


def extracted_mentions(
    data: dict[str, Any], articles: dict[str, Article], extract: Callable[..., Iterable[Mention]]
) -> tuple[list[Mention], dict[str, str]]:
    """Mentions from the extractor, keyed to gold events by evidence overlap."""
    mentions: list[Mention] = []
    truth: dict[str, str] = {}
    for a in data["articles"]:
        gold = []
        for g in a["mentions"]:
            for ev in g["evidence"]:
                s = a["text"].find(ev)
                gold.append((s, s + len(ev), g["event"]))
        try:
            got = list(extract(articles[a["id"]]))
        except Exception as exc:  # one bad article never stops the evaluation
            print(f"extract failed on {a['id']}: {exc}", file=sys.stderr)
            continue
        for m in got:
            # the field-level provenance says what the mention is about more sharply than its
            # sentences (one sentence may tell two events); fall back to the sentences
            field_spans = [sp for spans in m.provenance.values() for sp in spans]
            overlap: Counter[str] = Counter()
            for sp in field_spans or m.spans:
                for s, e, key in gold:
                    overlap[key] += max(0, min(sp.end, e) - max(sp.start, s))
            best = [k for k, v in overlap.most_common(1) if v > 0]
            if best:
                truth[m.id] = best[0]
            mentions.append(m)
    return mentions, truth


@dataclass
class Report:
    mode: str
    mentions: int = 0
    aligned: int = 0
    precision: float = 0.0
    recall: float = 0.0
    true_pairs: int = 0
    predicted_pairs: int = 0
    incidents: int = 0
    events_one_incident: int = 0
    events: int = 0
    field_checks: int = 0
    field_ok: int = 0
    failures: list[str] = field(default_factory=list)
    tally_checks: int = 0
    tally_ok: int = 0

    def lines(self) -> list[str]:
        return [
            f"[{self.mode}] event mentions {self.mentions} (aligned to a gold event: "
            f"{self.aligned}); incidents {self.incidents} for {self.events} events",
            f"[{self.mode}] linking: pairwise precision {self.precision:.3f} recall "
            f"{self.recall:.3f} (true pairs {self.true_pairs}, predicted {self.predicted_pairs})",
            f"[{self.mode}] events resolved to exactly one incident: "
            f"{self.events_one_incident}/{self.events}",
            f"[{self.mode}] incident fields right (status, grade, casualties, flags, counted): "
            f"{self.field_ok}/{self.field_checks}",
            f"[{self.mode}] tally fields right (reconciliation, ledger incidents, sources): "
            f"{self.tally_ok}/{self.tally_checks}",
        ]


def score(
    mode: str,
    data: dict[str, Any],
    mentions: list[Mention],
    truth: dict[str, str],
    incidents: list[Incident],
    tallies: list[Tally],
) -> Report:
    rep = Report(mode=mode)
    event_ids = {m.id for m in mentions if m.kind == "event"}
    rep.mentions = len(event_ids)
    rep.aligned = sum(1 for i in event_ids if i in truth)
    rep.incidents = len(incidents)
    predicted = set()
    owner: dict[str, Incident] = {}
    for inc in incidents:
        ids = sorted(i for i in inc.mention_ids if i in event_ids)
        for i in ids:
            owner[i] = inc
        # a link between two mentions no gold event covers (an extractor's extra mention in
        # two copies of one story) cannot be judged; one with a single such side is false
        predicted |= {(a, b) for a, b in combinations(ids, 2) if a in truth or b in truth}
    by_key: dict[str, list[str]] = defaultdict(list)
    for i in sorted(event_ids):
        if i in truth:
            by_key[truth[i]].append(i)
    true_pairs = {p for ids in by_key.values() for p in combinations(sorted(ids), 2)}
    hit = len(predicted & true_pairs)
    rep.true_pairs, rep.predicted_pairs = len(true_pairs), len(predicted)
    rep.precision = hit / len(predicted) if predicted else 1.0
    rep.recall = hit / len(true_pairs) if true_pairs else 1.0

    rep.events = len(data["events"])
    for key, want in data["events"].items():
        ids = by_key.get(key, [])
        incs = Counter(owner[i].id for i in ids if i in owner)
        if len(incs) == 1:
            rep.events_one_incident += 1
        if not incs:
            rep.failures.append(f"{key}: no incident")
            rep.field_checks += len(want)
            continue
        inc = next(i for i in incidents if i.id == incs.most_common(1)[0][0])
        for fld, val in want.items():
            rep.field_checks += 1
            if fld == "counted":
                got: Any = counted(inc)
            elif fld == "flags_include":
                got = all(any(f.startswith(v) or f == v for f in inc.flags) for v in val)
                val = True
            else:
                got = getattr(inc, fld)
            if got == val:
                rep.field_ok += 1
            else:
                rep.failures.append(f"{key}: {fld} = {got!r}, expected {val!r}"
                                    + (f" ({inc.grade_reason})" if fld == "grade" else ""))
    tally_key: dict[str, str] = {}
    for a in data["articles"]:
        for g in a["mentions"]:
            if g.get("kind") == "tally":
                tally_key[g["event"]] = g["event"]
    tally_truth = {i: k for i, k in truth.items() if k in data["tallies"]}
    for key, want in data["tallies"].items():
        found = [t for t in tallies if any(tally_truth.get(i) == key for i in t.mention_ids)]
        for fld, val in want.items():
            rep.tally_checks += 1
            if not found:
                rep.failures.append(f"{key}: no tally")
                continue
            t = found[0]
            got = {"state": t.reconciliation.state,
                   "ledger_incidents": t.reconciliation.ledger_incidents,
                   "sources": len(t.sources)}[fld]
            if got == val and len(found) == 1:
                rep.tally_ok += 1
            else:
                rep.failures.append(f"{key}: {fld} = {got!r} in {len(found)} tallies, "
                                    f"expected {val!r} in one ({t.reconciliation.note})")
    return rep


def run(mode: str, data: dict[str, Any] | None = None) -> Report:
    data = data or load_set()
    articles = articles_of(data)
    if mode == "gold":
        mentions, truth = gold_mentions(data)
    else:
        try:
            from strikewatch.extract import extract
        except ImportError as exc:
            raise SystemExit(f"extract mode needs strikewatch.extract.extract ({exc})") from exc
        mentions, truth = extracted_mentions(data, articles, extract)
    incidents, tallies = resolve(mentions, articles, [])
    return score(mode, data, mentions, truth, incidents, tallies)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=["gold", "extract", "both"], default="both")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    modes = ["gold", "extract"] if args.mode == "both" else [args.mode]
    for mode in modes:
        try:
            rep = run(mode)
        except SystemExit as exc:
            print(f"[{mode}] skipped: {exc}")
            continue
        print("\n".join(rep.lines()))
        for f in rep.failures if args.verbose else rep.failures[:15]:
            print(f"[{mode}]   miss: {f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

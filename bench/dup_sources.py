"""Where each DUPLICATE incident of `strikewatch eval --ledger` comes from.

A strike's duplicates are its violent occurred incidents beyond the best one (the scorer's
count, tied reports shared as it shares them). Each duplicate is *within-article* when an
article it was read from also gave another incident of the same strike — the extractor
told one event twice — and *across articles* otherwise (resolution did not join two
articles' reports). For a within-article duplicate the sentences its mention rests on are
printed, and it is put in a rough cause class read off that mention and those sentences
(first that applies, `CAUSES` order):

- day split: a mention `day_strikes` made (series_rank), a day's strikes read apart;
- second date: its date differs from the other incident's mention of that article;
- quote: its sentences hold a quotation;
- caption: a line ending in a picture credit or an embedded post;
- tally / aggregate: a count of strikes, or a toll told over several acts;
- own toll: a toll of its own that differs from the other's;
- anaphora: "the strike", "the operation", "the attack(s)" and the like;
- elaboration: any other sentence about the event.

    PYTHONPATH=. python bench/dup_sources.py tests/gold/ledger/boats.json ... [-v]

A measuring tool for developers: it reads the ledger golds, it tunes nothing; the classes
are a reading aid, not rules of the extractor.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from bench.split_pairs import LedgerView, ledger_view
from strikewatch.evaluate_ledger import (
    date_exact,
    found_ok,
    report_spans,
    share_tied_incidents,
    tied_reports,
    toll_exact,
)
from strikewatch.records import Article, Mention

CAUSES = ["day split", "second date", "quote", "caption", "tally / aggregate", "own toll",
          "anaphora", "elaboration"]
_QUOTE = re.compile(r"[\"“”]")
_CAPTION = re.compile(r"(©|\(AFP|\bphoto\b|pic\.twitter|\(@\w+\)|/ ?(AFP|Reuters|AP)\b)",
                      re.I)
_ANAPHORA = re.compile(r"\b(the|this|that|these|those|today's|Monday's|Tuesday's|"
                       r"Wednesday's|Thursday's|Friday's|Saturday's|Sunday's) "
                       r"(strikes?|operations?|attacks?|raids?|engagements?|action)\b", re.I)


def sentences(m: Mention, art: Article | None) -> list[str]:
    if art is None:
        return []
    return [" ".join(art.text[s.start:s.end].split()) for s in m.spans]


def cause(m: Mention, others: list[Mention], text: str) -> str:
    if m.series_rank is not None:
        return "day split"
    if m.date_low and any(o.date_low and (o.date_low, o.date_high) != (m.date_low, m.date_high)
                          for o in others):
        return "second date"
    if _QUOTE.search(text):
        return "quote"
    if _CAPTION.search(text):
        return "caption"
    if (m.strikes_low or 0) >= 2:
        return "tally / aggregate"
    if m.killed_low is not None and all(o.killed_low != m.killed_low for o in others):
        return "own toll"
    if _ANAPHORA.search(text):
        return "anaphora"
    return "elaboration"


def duplicates(view: LedgerView, verbose: bool) -> tuple[Counter[str], int]:
    """(within-article causes, across-article count) for one ledger gold."""
    lg, incidents = view.gold, view.incidents
    held_by = {s.id: {r: view.by_report.get(r, set()) & incidents.keys() for r in s.reports}
               for s in lg.strikes}
    share_tied_incidents(lg, held_by, tied_reports(lg, report_spans(lg, view.built)),
                         incidents)
    arts = {a.id: a for a in view.built.articles.values() if a is not None}
    name_of = {a.id: n for n, a in view.built.articles.items() if a is not None}
    mentions = {m.id: m for m in view.store.get_mentions(
        [m for i in incidents.values() for m in i.mention_ids])}
    within: Counter[str] = Counter()
    across = 0
    for s in lg.strikes:
        held = held_by[s.id]
        cands = sorted(set().union(*held.values()))
        if len(cands) < 2:
            continue
        best = max((incidents[c] for c in cands), key=lambda inc: (
            found_ok(inc, s), sum(inc.id in ids for ids in held.values()),
            date_exact(inc, s), toll_exact(inc, s), inc.id))
        by_inc = {c: [mentions[m] for m in incidents[c].mention_ids if m in mentions]
                  for c in cands}
        for c in cands:
            if c == best.id:
                continue
            other_ms = [m for o in cands if o != c for m in by_inc[o]]
            shared = [m for m in by_inc[c]
                      if any(o.article_id == m.article_id for o in other_ms)]
            if not shared:
                across += 1
                if verbose:
                    names = sorted({name_of.get(m.article_id, "?") for m in by_inc[c]})
                    print(f"ACROSS {s.id}: {c} from {', '.join(names)}")
                continue
            m = shared[0]
            same = [o for o in other_ms if o.article_id == m.article_id]
            text = " ".join(sentences(m, arts.get(m.article_id)))
            why = cause(m, same, text)
            within[why] += 1
            if verbose:
                print(f"WITHIN {s.id} [{why}] {name_of.get(m.article_id, '?')} {c}: "
                      f"date {m.date_low} killed {m.killed_low} rank {m.series_rank}")
                for o in same[:2]:
                    print(f"    other: date {o.date_low} killed {o.killed_low}: "
                          f"{' '.join(sentences(o, arts.get(o.article_id)))[:160]}")
                print(f"    dup:   {text[:400]}")
    return within, across


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ledgers", nargs="+", type=Path, help="ledger gold files")
    ap.add_argument("-v", action="store_true", help="print each duplicate and its sentences")
    args = ap.parse_args()
    within: Counter[str] = Counter()
    across = 0
    for path in args.ledgers:
        with ledger_view(path) as view:
            w, a = duplicates(view, args.v)
        print(f"{path.name}: within-article {w.total()} {dict(w)}, across articles {a}")
        within.update(w)
        across += a
    print("\n| cause | within-article duplicates |\n|---|---|")
    for c in CAUSES:
        print(f"| {c} | {within[c]} |")
    print(f"| total within | {within.total()} |\n| across articles | {across} |")


if __name__ == "__main__":
    main()

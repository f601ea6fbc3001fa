"""Where a ledger's duplicate and false incidents come from: one article or several.

`strikewatch eval --ledger` counts, per real strike, the violent occurred incidents beyond
the best one (duplicates) and the incidents that report no strike (false). This splits both
by where the fault lies:

- dup-same-article: the duplicate shares an article with another incident of its strike,
  so that one article told the strike as two or more incidents (document-level assembly:
  components/assemble.py, coreference);
- dup-cross-article: the duplicate's articles hold no other incident of its strike, so the
  reports were not linked across articles (resolve/);
- false-from-reporting-article: a false incident from an article that also reports a
  strike of the gold (a fragment, a background or generic mention of that article);
- false-alone: a false incident from articles with no strike of the gold.

Each line names the incident and, for the article at fault, the words around its event
word and the fields that article gave it.

    PYTHONPATH=. python bench/ledger_fragments.py tests/gold/ledger/boats.json ...
"""

from __future__ import annotations

import argparse
import collections
import tempfile
from pathlib import Path

from strikewatch.evaluate_ledger import (
    BuiltLedger,
    build_ledger,
    date_exact,
    found_ok,
    is_violent_occurred,
    load_ledger_gold,
    report_incidents,
    report_spans,
    share_tied_incidents,
    tied_reports,
    toll_exact,
)
from strikewatch.records import Incident


def _event_words(inc: Incident, built: BuiltLedger, article_id: str | None) -> str:
    """The article's name, the fields it gave the incident and its event word in context."""
    names = {a.id: n for n, a in built.articles.items() if a is not None}
    texts = {a.id: a.text for a in built.articles.values() if a is not None}
    spans = sorted((s.start, s.end, s.article_id) for k in ("event_type", "status", "kind")
                   for s in inc.provenance.get(k, [])
                   if article_id is None or s.article_id == article_id)
    if not spans:
        return "?"
    a, b, aid = spans[0]
    text = texts.get(aid, "")
    lo = max(text.rfind(". ", 0, a) + 2, text.rfind("\n", 0, a) + 1)
    fields = sorted(k for k, v in inc.provenance.items() if any(x.article_id == aid for x in v))
    return (f"{names.get(aid, aid)} [{' '.join(fields)}]: "
            f"{text[lo:a]!r} <<{text[a:b]}>> {text[b:b + 100]!r}")


def fragments(path: Path) -> collections.Counter[str]:
    """Print each duplicate and false incident of the ledger gold at `path` with its bucket;
    return the count per bucket."""
    lg = load_ledger_gold(path)
    with tempfile.TemporaryDirectory(prefix="ledger-fragments-") as tmp:
        built = build_ledger(lg.golds, Path(tmp))
    incidents = {i.id: i for i in built.incidents if is_violent_occurred(i)}
    by_report = report_incidents(lg, built)
    held_by = {s.id: {r: by_report.get(r, set()) & incidents.keys() for r in s.reports}
               for s in lg.strikes}
    share_tied_incidents(lg, held_by, tied_reports(lg, report_spans(lg, built)), incidents)

    def articles(inc_id: str) -> set[str]:
        return {s.article_id for s in incidents[inc_id].sources}

    counts: collections.Counter[str] = collections.Counter()
    claimed: set[str] = set()
    for s in lg.strikes:
        held = held_by[s.id]
        cands = sorted(set().union(*held.values()))
        claimed |= set(cands)
        if len(cands) < 2:
            continue
        # the strike's best incident, as score_ledger picks it
        best = max((incidents[c] for c in cands), key=lambda inc: (
            found_ok(inc, s), sum(inc.id in ids for ids in held.values()),
            date_exact(inc, s), toll_exact(inc, s), inc.id))
        for c in cands:
            if c == best.id:
                continue
            shared = set().union(*(articles(c) & articles(o) for o in cands if o != c))
            bucket = "dup-same-article" if shared else "dup-cross-article"
            counts[bucket] += 1
            print(f"{bucket} {s.id} {c}\n    "
                  f"{_event_words(incidents[c], built, min(shared) if shared else None)}")
    reporting = set().union(*(articles(c) for c in claimed)) if claimed else set()
    for c in sorted(set(incidents) - claimed):
        bucket = "false-from-reporting-article" if articles(c) & reporting else "false-alone"
        counts[bucket] += 1
        print(f"{bucket} {c}\n    {_event_words(incidents[c], built, None)}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ledgers", nargs="+", type=Path, help="ledger gold files")
    args = parser.parse_args()
    total: collections.Counter[str] = collections.Counter()
    for path in args.ledgers:
        counts = fragments(path)
        print(f"== {path.name}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        total += counts
    print("== TOTAL: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))


if __name__ == "__main__":
    main()

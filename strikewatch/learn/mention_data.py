"""The dev gold articles, read by the rules and labelled, for training the mention filter.

Every mention the rules give a dev gold article is labelled by the per-article scorer's
own alignment (evaluate.score): paired with an expect entry is a real report (1); unpaired
and overlapping an optional entry is excused (left out); any other is false (0) — a
fragment, a duplicate, background read as news, a plan read as done. Held-out batches are
never listed (learn/batches.py), so nothing the coordinator scores at the end is trained on.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strikewatch.learn.batches import DEV_BATCHES, FOLD_LEDGERS, gold_paths
from strikewatch.records import NOT_VIOLENT_TYPES, Mention

#: the dev batch list lives in learn/batches.py (one home for every trainer); re-exported
#: here for the callers that import it from this module
__all__ = ["DEV_BATCHES", "FOLD_LEDGERS", "ArticleRecords", "gold_paths", "label_records",
           "read_batch", "load_cache", "save_cache", "read_earlier"]


@dataclass
class ArticleRecords:
    """One gold article as the rules read it: what the filter sees and its labels."""

    batch: str
    gold_path: str
    text: str
    published: str | None
    records: list[dict[str, Any]]  # Mention.model_dump(mode="json"), as eval scores them
    labels: list[int | None]  # 1 real, 0 false, None excused (optional entry)

    def mentions(self) -> list[Mention]:
        return [Mention.model_validate(r) for r in self.records]


#: whether an unpaired record on an optional entry's evidence that also hits a forbid entry
#: is labelled false (0) rather than excused (None). The gold calls such a record an error
#: whatever else it matched (gold-format.md), and on plan, threat and opinion pages these are
#: the false strikes the filter exists to drop ("during the Gaza war the Houthis fired on
#: shipping" read as an occurred, non-background strike). Off: measured in session 14
#: (extract/README.md, "Trained mention filter"), it adds 10 + 34 (earlier rules) negatives
#: but the model then drops 17 of 738 real reports at 0.4 (ra+rb recall .831 → .809), as
#: many of those records look like real reports of recalled strikes.
FORBIDDEN_IS_FALSE = False


#: whether an unpaired candidate on a page that reports no new strike (its gold expects no
#: occurred, non-background violent incident: a plan, threat, vote, op-ed, explainer,
#: fact-check) is labelled false (0) rather than excused where it overlaps an optional
#: entry. The per-article scorer excuses it, but the ledger makes it an occurred strike from
#: a no-strike page (issue 14's measure), which nothing on such a page can be.
NO_STRIKE_PAGE_IS_FALSE = False


def reports_strike(gold: dict[str, Any]) -> bool:
    """Whether the gold expects an occurred, non-background violent incident (the page
    reports a new strike; the genre model's label too)."""
    return any(e.get("kind", "incident") == "incident" and
               e.get("status", "occurred") == "occurred" and not e.get("background") and
               e.get("event_type") not in NOT_VIOLENT_TYPES for e in gold.get("expect", []))


def hits_forbid(gold: dict[str, Any], record: dict[str, Any]) -> bool:
    """Whether the record's fields all equal one of the gold's forbid entries."""
    from strikewatch.evaluate import NON_FIELDS, field_ok

    for fb in gold.get("forbid") or []:
        fields = [k for k in fb if k not in NON_FIELDS]
        if fields and all(field_ok(record, k, fb[k]) for k in fields):
            return True
    return False


def label_records(gold: dict[str, Any], text: str, records: list[dict[str, Any]],
                  where: str = "", forbidden_is_false: bool | None = None,
                  no_strike_is_false: bool | None = None) -> list[int | None]:
    """1 for a record the scorer pairs with an expect entry; 0 for an unpaired one that
    hits a forbid entry (`FORBIDDEN_IS_FALSE`) or stands on a page that reports no strike
    (`NO_STRIKE_PAGE_IS_FALSE`); None for another unpaired one on an optional entry's
    evidence; 0 for the rest (what per-article precision counts false)."""
    from strikewatch.evaluate import _overlaps, evidence_spans, record_spans, score

    strict = FORBIDDEN_IS_FALSE if forbidden_is_false is None else forbidden_is_false
    if no_strike_is_false is None:
        no_strike_is_false = NO_STRIKE_PAGE_IS_FALSE
    strict_page = no_strike_is_false and not reports_strike(gold)
    sc = score(gold, text, records, where=where)
    paired = {rid for _, rid in sc.pairs}
    opt = [evidence_spans(text, e.get("evidence") or [], where)
           for e in gold.get("optional") or []]
    out: list[int | None] = []
    for r in records:
        if str(r.get("id")) in paired:
            out.append(1)
        elif (strict and hits_forbid(gold, r)) or strict_page:
            out.append(0)
        elif any(_overlaps(record_spans(r), o) for o in opt):
            out.append(None)
        else:
            out.append(0)
    return out


def read_batch(root: Path, batch: str) -> list[ArticleRecords]:
    """Read every gold article of a batch with the rules, exactly as `strikewatch eval`
    routes it (the reader for its language, through the registry's boundary); run with
    the mention filter off (STRIKEWATCH_MENTION_FILTER=off) to read the rules alone."""
    from strikewatch.evaluate import load_gold
    from strikewatch.extract import registry
    from strikewatch.ingest.language import has_reader

    out: list[ArticleRecords] = []
    for p in gold_paths(root, batch):
        gold, art = load_gold(p)
        if not has_reader(art.language):
            continue
        reader = registry.reader_for(art.language)
        mentions = registry.checked(reader, art)
        recs = [m.model_dump(mode="json") for m in mentions]
        out.append(ArticleRecords(batch, str(p), art.text, art.published, recs,
                                  label_records(gold, art.text, recs, p.name)))
    return out


def save_cache(items: list[ArticleRecords], path: Path) -> None:
    data = [vars(a) for a in items]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(data, f)


def load_cache(path: Path, relabel: bool = True, forbidden_is_false: bool | None = None,
               no_strike_is_false: bool | None = None) -> list[ArticleRecords]:
    """What was read, with the labels computed again from today's gold (cheap: no reading),
    so a gold correction or a labelling choice needs no new read."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        items = [ArticleRecords(**d) for d in json.load(f)]
    if relabel:
        for a in items:
            gold = json.loads(Path(a.gold_path).read_text(encoding="utf-8"))
            a.labels = label_records(gold, a.text, a.records, Path(a.gold_path).name,
                                     forbidden_is_false, no_strike_is_false)
    return items


#: Run inside a copy of an earlier commit (`read_earlier`): dump each gold article's text
#: and what that commit's rules made of it, with only the APIs every version had.
_EARLIER_READER = """
import gzip, json, sys
from pathlib import Path
from strikewatch.evaluate import load_gold
from strikewatch.extract import registry
out = []
for p in sys.argv[2:]:
    try:
        gold, art = load_gold(Path(p))
        lang = getattr(art, "language", None) or "en"
        if hasattr(registry, "reader_for"):
            reader = registry.reader_for(lang)
        elif lang == "en":
            reader = registry.get_extractor()
        else:
            continue
        ms = registry.checked(reader, art)
    except Exception:
        continue
    out.append({"gold_path": p, "text": art.text,
                "records": [m.model_dump(mode="json") for m in ms]})
with gzip.open(sys.argv[1], "wt", encoding="utf-8") as f:
    json.dump(out, f)
"""


def read_earlier(commit: str, now: list[ArticleRecords], repo: Path) -> list[ArticleRecords]:
    """What the rules at an earlier `commit` made of the same gold articles, labelled by
    today's gold: more false mentions, of the kinds later rules learned to drop, to train
    on (the articles whose text that commit reads otherwise are left out). Needs git."""
    import os
    import subprocess
    import sys
    import tarfile
    import tempfile

    with tempfile.TemporaryDirectory(prefix="earlier-rules-") as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(repo), "archive", commit],
                                 check=True, capture_output=True).stdout
        tar = Path(tmp) / "tree.tar"
        tar.write_bytes(archive)
        with tarfile.open(tar) as t:
            t.extractall(tree, filter="data")
        dump = Path(tmp) / "dump.json.gz"
        env = {**os.environ, "PYTHONPATH": str(tree)}
        subprocess.run([sys.executable, "-c", _EARLIER_READER, str(dump),
                        *[str(Path(a.gold_path).resolve()) for a in now]],
                       check=True, cwd=tree, env=env)
        with gzip.open(dump, "rt", encoding="utf-8") as f:
            read = {d["gold_path"]: d for d in json.load(f)}
    out: list[ArticleRecords] = []
    for a in now:
        d = read.get(str(Path(a.gold_path).resolve()))
        if d is None or d["text"] != a.text:
            continue
        gold = json.loads(Path(a.gold_path).read_text(encoding="utf-8"))
        out.append(ArticleRecords(a.batch, a.gold_path, a.text, a.published, d["records"],
                                  label_records(gold, a.text, d["records"], a.gold_path)))
    return out

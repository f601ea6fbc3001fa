"""The dev gold articles, read by the rules and labelled, for training the mention filter.

Every mention the rules give a dev gold article is labelled by the per-article scorer's
own alignment (evaluate.score): paired with an expect entry is a real report (1); unpaired
and overlapping an optional entry is excused (left out); any other is false (0) — a
fragment, a duplicate, background read as news, a plan read as done. Held-out batches are
never listed here, so nothing the coordinator scores at the end is trained on.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from strikewatch.records import Mention

#: Dev batches, fold name -> gold-file globs under tests/gold (never a held-out batch).
DEV_BATCHES: dict[str, tuple[str, ...]] = {
    "own": ("0*.json", "h*.json"),
    "ra+rb": ("real/ra*.json", "real/rb*.json"),
    **{b: (f"real/{b}*.json",) for b in ("rc", "rg", "rj", "rk", "rm", "rn", "ro", "rq")},
    **{b: (f"es/{b}*.json",) for b in ("es0", "esh", "ese", "esi", "esj", "esm", "esn",
                                      "esq")},
}

#: The ledger gold of each fold, where it has one (boats/theatres span several batches).
FOLD_LEDGERS: dict[str, str] = {b: f"{b}.json" for b in (
    "rc", "rg", "rj", "rk", "rm", "rn", "ro", "esh", "esi", "esj", "esm", "esn")}


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


def gold_paths(root: Path, batch: str) -> list[Path]:
    """The gold files of one dev batch, sorted."""
    out: list[Path] = []
    for pat in DEV_BATCHES[batch]:
        out += sorted(root.glob(pat))
    return out


def label_records(gold: dict[str, Any], text: str, records: list[dict[str, Any]],
                  where: str = "") -> list[int | None]:
    """1 for a record the scorer pairs with an expect entry, None for an unpaired one on an
    optional entry's evidence, 0 for the rest (what per-article precision counts false)."""
    from strikewatch.evaluate import _overlaps, evidence_spans, record_spans, score

    sc = score(gold, text, records, where=where)
    paired = {rid for _, rid in sc.pairs}
    opt = [evidence_spans(text, e.get("evidence") or [], where)
           for e in gold.get("optional") or []]
    out: list[int | None] = []
    for r in records:
        if str(r.get("id")) in paired:
            out.append(1)
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


def load_cache(path: Path) -> list[ArticleRecords]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [ArticleRecords(**d) for d in json.load(f)]


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

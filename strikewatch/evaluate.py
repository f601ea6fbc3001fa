"""Score extraction against gold files, exactly as ../shared/spec/gold-format.md says.

Alignment: a produced record matches an `expect` entry when one of its provenance spans
overlaps one of the entry's evidence strings as they stand in the text; one record matches
at most one entry (a maximum matching, preferring pairs with more correct fields, then
fewer wrong ones). Ties are broken by position, never by the order the extractor listed its
records in or by what else ran in the batch (see `_match`), so one article's pairing and
score are the same in every run.
Optional entries' records are ignored; forbid entries count records whose fields all equal
the entry's. Scores: recall, precision, field accuracy, forbid hits — per file and summed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strikewatch.errors import InputError
from strikewatch.records import Article, Mention

NON_FIELDS = {"key", "evidence", "why"}


class GoldError(InputError):
    """A gold file that cannot be read; the message names the file and the problem."""


def shared_root() -> Path:
    """Where the project's shared/ folder is: $STRIKEWATCH_SHARED, else the shared/ beside
    the repository (an editable install), else the one beside the working directory."""
    env = os.environ.get("STRIKEWATCH_SHARED")
    if env:
        return Path(env)
    beside_repo = Path(__file__).resolve().parent.parent.parent / "shared"
    return beside_repo if beside_repo.exists() else Path.cwd().parent / "shared"


def resolve_article_file(gold_path: Path, rel: str) -> Path:
    """article.file is relative to shared/ or to the gold file's own folder (or its parents)."""
    p = Path(rel)
    if p.is_absolute() and p.exists():
        return p
    here = gold_path.resolve().parent
    for base in (here, here.parent, here.parent.parent, shared_root()):
        if (base / p).exists():
            return base / p
    raise GoldError(f"{gold_path}: article file {rel!r} not found next to the gold file "
                    f"or under {shared_root()}")


def load_gold(path: Path) -> tuple[dict[str, Any], Article]:
    """The gold JSON and its article (text + the metadata the gold supplies)."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: cannot read gold JSON: {e}") from e
    if not isinstance(gold, dict) or "article" not in gold or "file" not in gold["article"]:
        raise GoldError(f"{path}: no article.file")
    meta = gold["article"]
    file = resolve_article_file(path, meta["file"])
    if file.suffix.lower() == ".json":
        return gold, _json_article(path, file, meta)
    text = file.read_text(encoding="utf-8")
    art = Article(text=text, published=meta.get("published"), publisher=meta.get("publisher"),
                  url=meta.get("url"), source=str(meta["file"]))
    return gold, _with_language(_with_published(art), meta.get("language"))


def _with_language(art: Article, supplied: object) -> Article:
    """The article with its language told as ingest tells it (ingest.language), so that
    eval reads, or leaves unread, exactly the articles ingest would."""
    from strikewatch.ingest.language import article_language

    art.language, art.language_source = article_language(supplied, art.text)
    return art


def _with_published(art: Article, html: str | None = None) -> Article:
    """The article with its publication date recovered as ingest recovers it
    (ingest.published: the gold's own date, else the page's markup, its URL path, its
    wire dateline), so that "on Saturday" on an undated mirror whose URL holds its day
    resolves here as it does in the ledger. Only the origin's other copies, which need a
    store, are not asked."""
    from strikewatch.ingest.html import page_tree
    from strikewatch.ingest.published import recover_published

    art.published, art.published_source, _ = recover_published(
        supplied=art.published, tree=page_tree(html) if html else None, url=art.url,
        text=art.text)
    return art


def _json_article(gold_path: Path, file: Path, meta: dict[str, Any]) -> Article:
    """An article-input JSON (as `ingest` takes): its `text`, or the main text of its `html`
    extracted as ingest does; metadata the gold gives wins over the JSON's own."""
    try:
        obj = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldError(f"{gold_path}: cannot read article JSON {file}: {e}") from e
    text = obj.get("text") if isinstance(obj, dict) else None
    if not (isinstance(text, str) and text.strip()) and isinstance(obj, dict) and obj.get("html"):
        from strikewatch.ingest.html import html_main_text

        text = html_main_text(str(obj["html"]), url=obj.get("url")).text
    if not (isinstance(text, str) and text.strip()):
        raise GoldError(f"{gold_path}: article JSON {file} has no 'text' or 'html' content")

    def pick(key: str) -> Any:
        return meta[key] if key in meta else obj.get(key)

    art = Article(text=text.strip(), published=pick("published"), publisher=pick("publisher"),
                  url=pick("url"), source=str(meta["file"]))
    html = obj.get("html") if isinstance(obj.get("html"), str) else None
    return _with_language(_with_published(art, html), pick("language"))


def field_value(rec: dict[str, Any], name: str) -> Any:
    """A record's value for a gold field name (with the spec's shorthands)."""
    if name == "place_country":
        return (rec.get("place") or {}).get("country")
    if name == "actor1_country":
        return (rec.get("actor1") or {}).get("country")
    if name == "actor2_country":
        return (rec.get("actor2") or {}).get("country")
    if name == "kind":
        return "incident" if rec.get("kind") in ("event", "incident") else rec.get("kind")
    return rec.get(name)


def field_ok(rec: dict[str, Any], name: str, want: Any) -> bool:
    if name == "attribution_has":
        atts = rec.get("attribution") or []
        for need in want:
            if not any(_att_ok(a, need) for a in atts):
                return False
        return True
    return bool(field_value(rec, name) == want)


def _att_ok(a: dict[str, Any], need: dict[str, Any]) -> bool:
    if "kind" in need and a.get("kind") != need["kind"]:
        return False
    if "count" in need and a.get("count") != need["count"]:
        return False
    if "name" in need and str(need["name"]).lower() not in str(a.get("name") or "").lower():
        return False
    return True


def evidence_spans(text: str, evidence: Sequence[str], where: str) -> list[tuple[int, int]]:
    out = []
    for ev in evidence:
        i = text.find(ev)
        if i < 0:
            raise GoldError(f"{where}: evidence not found in the article text: {ev[:60]!r}")
        while i >= 0:
            out.append((i, i + len(ev)))
            i = text.find(ev, i + 1)
    return out


def record_spans(rec: dict[str, Any]) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for spans in (rec.get("provenance") or {}).values()
            for s in spans]


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(x < q and p < y for x, y in a for p, q in b)


def aligned_entries(rec: dict[str, Any], spans: list[tuple[int, int]],
                    entries: Sequence[dict[str, Any]],
                    entry_spans: Sequence[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """(weight, entry index) for every entry whose evidence one of the record's spans
    overlaps; the weight is how many of the entry's fields the record has right. The one
    alignment of records to gold entries: `score` matches on it, and so does the ledger
    scorer (evaluate_ledger)."""
    out = []
    for j, es in enumerate(entry_spans):
        if _overlaps(spans, es):
            fields = [k for k in entries[j] if k not in NON_FIELDS]
            out.append((sum(field_ok(rec, k, entries[j][k]) for k in fields), j))
    return out


@dataclass
class Score:
    expected: int = 0
    matched: int = 0
    produced: int = 0
    ignored: int = 0  # aligned to optional entries
    fields_checked: int = 0
    fields_correct: int = 0
    forbid_hits: int = 0
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    #: (entry key, record id) for each aligned pair, in the gold's order: what `-v` and the
    #: determinism tests compare between runs
    pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        counted = self.produced - self.ignored
        return self.matched / counted if counted else 1.0

    @property
    def field_accuracy(self) -> float:
        return self.fields_correct / self.fields_checked if self.fields_checked else 1.0

    def add(self, o: Score) -> None:
        for k in ("expected", "matched", "produced", "ignored", "fields_checked",
                  "fields_correct", "forbid_hits"):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.errors += o.errors
        self.misses += o.misses
        self.pairs += o.pairs


def record_order(rec: dict[str, Any], spans: list[tuple[int, int]]) -> tuple[Any, ...]:
    """Where a record stands among an article's records, whatever order the extractor
    listed them in: its first provenance span, then its last, then its content (a record
    identical in every field to another is interchangeable with it)."""
    return (min(spans, default=(-1, -1)), max(spans, default=(-1, -1)),
            json.dumps(rec, sort_keys=True, default=str))


def _match(rec_keys: Sequence[tuple[Any, ...]], entry_keys: Sequence[tuple[Any, ...]],
           sizes: Sequence[int], edges: dict[int, list[tuple[int, int]]]) -> dict[int, int]:
    """Maximum bipartite matching record -> entry; edges[rec] = [(weight, entry)], the
    weight being how many of the entry's `sizes[entry]` fields the record has right.

    Greedy by weight with augmenting paths, so every record that can be paired is, and a
    record takes the entry whose fields it has most right where it can; of entries it has
    equally many right, the one it has fewest wrong (an entry with more fields is not
    charged with misses the other would not count). The remaining ties go by position, so
    the result depends only on the records and the gold, never on their order: records are
    tried heaviest first, then in `record_order`; entries in the order their evidence
    first occurs in the text (`entry_keys`), then in the gold file's order.
    """
    owner: dict[int, int] = {}

    def preference(edge: tuple[int, int]) -> tuple[Any, ...]:
        weight, e = edge
        return -weight, sizes[e] - weight, entry_keys[e]

    def try_rec(r: int, seen: set[int]) -> bool:
        for _, e in sorted(edges.get(r, []), key=preference):
            if e in seen:
                continue
            seen.add(e)
            if e not in owner or try_rec(owner[e], seen):
                owner[e] = r
                return True
        return False

    order = sorted(range(len(rec_keys)), key=lambda r: (
        -max((w for w, _ in edges.get(r, [])), default=-1), rec_keys[r]))
    for r in order:
        try_rec(r, set())
    return {r: e for e, r in owner.items()}


def score(gold: dict[str, Any], text: str, records: list[dict[str, Any]],
          where: str = "") -> Score:
    """Score produced records (dicts as Mention.model_dump gives) against one gold file."""
    sc = Score()
    expect = gold.get("expect") or []
    optional = gold.get("optional") or []
    forbid = gold.get("forbid") or []
    exp_spans = [evidence_spans(text, e.get("evidence") or [], f"{where} {e.get('key')}")
                 for e in expect]
    opt_spans = [evidence_spans(text, e.get("evidence") or [], f"{where} {e.get('key')}")
                 for e in optional]
    rec_spans = [record_spans(r) for r in records]
    edges: dict[int, list[tuple[int, int]]] = {}
    for i, rs in enumerate(rec_spans):
        if found := aligned_entries(records[i], rs, expect, exp_spans):
            edges[i] = found
    rec_keys = [record_order(r, rs) for r, rs in zip(records, rec_spans, strict=True)]
    matching = _match(rec_keys, [(min(es, default=(len(text), len(text))), j)
                                 for j, es in enumerate(exp_spans)],
                      [sum(k not in NON_FIELDS for k in e) for e in expect], edges)
    sc.expected = len(expect)
    sc.produced = len(records)
    sc.matched = len(matching)
    for i, j in sorted(matching.items(), key=lambda ij: ij[1]):
        sc.pairs.append((str(expect[j].get("key")), str(records[i].get("id"))))
        for k in expect[j]:
            if k in NON_FIELDS:
                continue
            sc.fields_checked += 1
            if field_ok(records[i], k, expect[j][k]):
                sc.fields_correct += 1
            else:
                got = field_value(records[i], k) if k != "attribution_has" else [
                    {x: a.get(x) for x in ("kind", "name", "count")}
                    for a in records[i].get("attribution") or []]
                sc.errors.append(f"{where} {expect[j].get('key')}: {k} want "
                                 f"{expect[j][k]!r} got {got!r}")
    hit = set(matching.values())
    sc.misses += [f"{where} {e.get('key')}" for j, e in enumerate(expect) if j not in hit]
    for i, rs in enumerate(rec_spans):
        if i not in matching and any(_overlaps(rs, os_) for os_ in opt_spans):
            sc.ignored += 1
    for r in (records[i] for i in sorted(range(len(records)), key=rec_keys.__getitem__)):
        for fb in forbid:
            fields = [k for k in fb if k not in NON_FIELDS]
            if fields and all(field_ok(r, k, fb[k]) for k in fields):
                sc.forbid_hits += 1
                sc.errors.append(f"{where} forbid hit ({fb.get('why', '')}): record "
                                 f"{r.get('id')}")
    return sc


def evaluate(paths: Sequence[Path],
             extractor: Callable[[Article], list[Mention]] | None = None
             ) -> tuple[Score, list[tuple[Path, Score | None, str]]]:
    """Score every gold file; a bad file (or an extractor error on it) is reported and
    skipped, never fatal.

    An article in a language no reader reads yields no records, as at ingest (its expected
    records count as missed), so the scores say what the ledger would hold.
    """
    from strikewatch.extract import registry
    from strikewatch.extract.registry import ExtractionError
    from strikewatch.ingest.language import has_reader

    def routed(article: Article) -> list[Mention]:
        if not has_reader(article.language):
            return []
        if extractor is not None:
            return extractor(article)
        # the reader for the article's language, as ingest routes it, through the boundary
        return registry.checked(registry.reader_for(article.language), article)

    run = routed
    total = Score()
    per: list[tuple[Path, Score | None, str]] = []
    for p in paths:
        try:
            gold, art = load_gold(p)
            recs = [m.model_dump(mode="json") for m in run(art)]
            sc = score(gold, art.text, recs, where=p.name)
        except GoldError as e:
            per.append((p, None, str(e)))
            continue
        except ExtractionError as e:
            per.append((p, None, f"{p}: extraction failed: {e}"))
            continue
        total.add(sc)
        per.append((p, sc, ""))
    return total, per


def expand(paths: Sequence[Path]) -> list[Path]:
    """Gold files named directly, or every *.json in a named folder."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(p.glob("*.json"))
        else:
            out.append(p)
    return out

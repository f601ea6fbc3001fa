"""The dev ledgers as `eval --ledger` builds them, cached once per ledger for every trainer.

Reading a dev ledger (ingesting its gold articles into a fresh store: extraction is the slow
part, minutes per ledger on a loaded box) is what the resolver's trainers share: the linking
weights (`train_linking`) and the incident confidence model (`incident_data`,
`train_incident_filter`). Each used to build and keep its own copy of the same ledgers, and
neither copy knew when the code that made it had changed. Here one build of a ledger gold
(evaluate_ledger.build_ledger, what the ledger scorer runs) keeps everything either needs: the
stored mentions and articles, which stored article each gold became, the crashes and the
ledger's incidents.

A cached build is keyed by the code version (every file of the `strikewatch` package, so a
rule or weight that changes anything invalidates it) and by the bytes of the ledger gold,
its article golds and their article files, so it is never stale: a changed input is a new
key and is built afresh. One pickle per ledger under `cache_dir()` ($STRIKEWATCH_LEDGER_CACHE,
else a folder in the system's temporary directory).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from strikewatch.records import Article, Incident, Mention

PACKAGE = Path(__file__).resolve().parents[1]
LEDGER_DIR = PACKAGE.parent / "tests" / "gold" / "ledger"
#: the libraries whose version changes what a build holds (parsing, linking)
_LIBRARIES = ("spacy", "splink", "pydantic")
#: package files a build never runs (the trainers, this cache, the READMEs): editing them
#: keeps the builds; every other file (rules, word lists, shipped weights) is in the key
_NOT_BUILT_BY = frozenset({"learn/ledger_cache.py", "learn/incident_data.py",
                           "learn/mention_data.py", "learn/cv.py"})


def _in_build(rel: Path) -> bool:
    """Whether a package file (relative path) can change what a build holds."""
    name = rel.as_posix()
    return not (name in _NOT_BUILT_BY or name.startswith("learn/train_") or
                "__pycache__" in rel.parts or rel.suffix in {".pyc", ".pyo", ".md"})


@dataclass
class BuiltCase:
    """One dev ledger as `eval --ledger` built it: what resolving and scoring it again needs."""

    name: str
    mentions: list[Mention]
    articles: dict[str, Article]  # id -> every stored article
    by_gold: dict[str, Article | None]  # gold file name -> its stored article
    crashed: list[tuple[str, str]]  # (gold file name or input, why)
    incidents: list[Incident]  # the ledger as the pipeline resolved it


def cache_dir() -> Path:
    """Where built ledgers are kept ($STRIKEWATCH_LEDGER_CACHE, else a temp folder)."""
    env = os.environ.get("STRIKEWATCH_LEDGER_CACHE")
    return Path(env) if env else Path(tempfile.gettempdir()) / "strikewatch-ledger-cache"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of every file of the package a build can run (sources, weights, word lists;
    not the trainers) and of the versions of the libraries it goes through."""
    h = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file()):
        rel = path.relative_to(PACKAGE)
        if not _in_build(rel):
            continue
        h.update(str(rel).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    for lib in _LIBRARIES:
        try:
            h.update(f"{lib}={metadata.version(lib)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib}=none".encode())
    return h.hexdigest()[:16]


def input_version(gold: Path) -> str:
    """A digest of the ledger gold, each article gold it names and each article file."""
    from strikewatch.evaluate import load_gold, resolve_article_file
    from strikewatch.evaluate_ledger import load_ledger_gold

    h = hashlib.sha256(gold.read_bytes())
    for g in load_ledger_gold(gold).golds:
        h.update(g.name.encode("utf-8") + b"\0" + g.read_bytes())
        data, _ = load_gold(g)
        h.update(resolve_article_file(g, data["article"]["file"]).read_bytes())
    return h.hexdigest()[:16]


def cache_path(gold: Path, where: Path | None = None) -> Path:
    """The file a ledger's build is kept in: its name, the code version, the input version."""
    return (where or cache_dir()) / f"{gold.stem}-{code_version()}-{input_version(gold)}.pkl.gz"


def build(gold: Path) -> BuiltCase:
    """Ingest one ledger gold's articles together, as the ledger scorer does, and keep what
    resolution and scoring read back."""
    from strikewatch.evaluate_ledger import build_ledger, load_ledger_gold
    from strikewatch.store import open_store

    lg = load_ledger_gold(gold)
    with tempfile.TemporaryDirectory(prefix="ledger-cache-") as tmp:
        built = build_ledger(lg.golds, Path(tmp))
        store = open_store(str(Path(tmp) / "ledger.db"))
        try:
            mentions = list(store.mentions())
            articles = {a.id: a for a in store.articles()}
        finally:
            store.close()
    return BuiltCase(gold.stem, mentions, articles, dict(built.articles), list(built.crashed),
                     list(built.incidents))


def built_ledger(name: str | Path, where: Path | None = None, log: object = None) -> BuiltCase:
    """The dev ledger `name` (tests/gold/ledger/NAME.json, or a path) as built by the code
    now: from the cache where this code and these inputs built it before, else built and
    kept. Callers check a ledger is a dev one (learn/batches.DEV_LEDGERS)."""
    gold = Path(name) if str(name).endswith(".json") else LEDGER_DIR / f"{name}.json"
    path = cache_path(gold, where)
    if path.exists():
        with gzip.open(path, "rb") as f:
            case: BuiltCase = pickle.load(f)
        return case
    if callable(log):
        log(f"building {gold.stem} (no cache for code {code_version()})")
    case = build(gold)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with gzip.open(tmp, "wb") as f:
        pickle.dump(case, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return case

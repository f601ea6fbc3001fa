"""Extractors: named, versioned readers of an Article, in one registry.

An extractor is anything with a `name`, a `version`, the `languages` it reads (ISO 639-1
codes) and `__call__(article) -> list[Mention]`: the built-in rules, a trained model, a
language model behind an API. It registers a factory under its name in the `extractors`
catalogue registry, or through the `strikewatch_extractors` entry-point group of its
package; the built-in rules register exactly so (extract/rules.py):

    from strikewatch.extract.registry import extractors
    @extractors.register("my-reader")
    def make() -> Extractor: return MyReader()

Everything that stores or scores mentions (pipeline, batch, eval, reextract) calls an
extractor through `checked`, the boundary: whatever the extractor returns is validated as
`Mention` records of that article there, so an invalid one (status "likely", a span
outside the text, two mentions with one id) is an `ExtractionError` on that article —
recorded, the batch goes on — never a stored record. strikewatch's own readers build their
Mentions through pydantic's validator, so theirs are checked against the article only
(`builds_valid_mentions`). `extracted_by` (name@version) is what
the store keeps on every article it read.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

import catalogue
from pydantic import ValidationError

from strikewatch.records import Article, Mention

#: The extractor used when none is named.
DEFAULT_EXTRACTOR = "strikewatch-rules"

extractors = catalogue.create("strikewatch", "extractors", entry_points=True)


@runtime_checkable
class Extractor(Protocol):
    """Article -> mentions, with a name and version to record and the languages it reads."""

    name: str
    version: str
    languages: frozenset[str]

    def __call__(self, article: Article) -> list[Mention]: ...


class ExtractionError(Exception):
    """An extractor failed on one article, or returned something that is not a valid record."""


def extracted_by(extractor: Extractor) -> str:
    """What the store records on an article: "name@version"."""
    return f"{extractor.name}@{extractor.version}"


_built: dict[str, Extractor] = {}


def _load_builtins() -> None:
    # the Spanish reader registers through its entry point once installed; imported here
    # too so a checkout that is not reinstalled reads Spanish the same way
    import strikewatch.extract.es.reader  # noqa: F401  (registers strikewatch-rules-es)
    import strikewatch.extract.rules  # noqa: F401  (registers strikewatch-rules)


def unregister(name: str) -> None:
    """Forget the extractor registered as `name` (a test's or a plug-in's own cleanup): the
    registry is process-wide, and routing (reader_languages) asks every registered one."""
    if name in extractors:
        catalogue._remove((*extractors.namespace, name))
    _built.pop(name, None)


def names() -> list[str]:
    """Every registered extractor name (built-in, decorated, and from entry points)."""
    _load_builtins()
    return sorted(extractors.get_all())


def get_extractor(name: str | None = None) -> Extractor:
    """The extractor registered as `name` (default: DEFAULT_EXTRACTOR), built once a process.

    KeyError names the registered ones when there is none; TypeError when the factory's
    product lacks the protocol's attributes."""
    key = name or DEFAULT_EXTRACTOR
    got = _built.get(key)
    if got is not None:
        return got
    _load_builtins()
    try:
        factory = extractors.get(key)
    except catalogue.RegistryError as exc:
        raise KeyError(f"no extractor named {key!r}; registered: {', '.join(names())} "
                       "(see `strikewatch extractors`)") from exc
    got = factory()
    if not isinstance(got, Extractor):
        raise TypeError(f"extractor {key!r} must have name, version, languages and "
                        "__call__(article) -> list[Mention]")
    _built[key] = got
    return got


def setup() -> tuple[str, list[str]]:
    """What a fresh process needs to pick the readers this one picks: the default reader's
    name and the modules that registered every reader. Pool workers start from a fork
    server, not as copies of this process (strikewatch.pool), so a reader registered by a
    module imported here, or a default changed here, reaches them only through this."""
    modules = {getattr(factory, "__module__", None) for factory in extractors.get_all().values()}
    return DEFAULT_EXTRACTOR, sorted(m for m in modules if m and m != "__main__")


def apply_setup(default: str, modules: list[str]) -> None:
    """Take another process's setup(): import the modules that register its readers and
    make its default reader this process's default."""
    global DEFAULT_EXTRACTOR
    for module in modules:
        importlib.import_module(module)
    DEFAULT_EXTRACTOR = default


def reader_languages() -> frozenset[str]:
    """Every language some registered extractor reads (what ingest routes articles by)."""
    langs: set[str] = set()
    for n in names():
        langs |= get_extractor(n).languages
    return frozenset(langs)


def primary_language(language: str | None) -> str | None:
    """"en-US", "en_GB", "EN" -> "en": the ISO 639-1 code extractors declare."""
    if not language:
        return None
    return language.replace("_", "-").split("-", 1)[0].strip().lower() or None


def for_language(language: str | None, preferred: str | None = None) -> Extractor | None:
    """The extractor to read an article in `language` with: `preferred` (or the default)
    when it reads that language, else the first registered one that does; None when no
    registered extractor reads it. An unknown language (None) goes to the preferred one."""
    first = get_extractor(preferred)
    language = primary_language(language)
    if language is None or language in first.languages:
        return first
    for n in names():
        ex = get_extractor(n)
        if language in ex.languages:
            return ex
    return None


def reader_for(language: str | None, name: str | None = None) -> Extractor:
    """The extractor that reads an article: the one registered as `name` when given, else
    the one for its language (for_language), else the default. One answer for ingest,
    batch, re-extraction and eval."""
    if name:
        return get_extractor(name)
    return for_language(language) or get_extractor()


def _problem(exc: ValidationError) -> str:
    e = exc.errors()[0]
    where = ".".join(str(p) for p in e["loc"])
    return f"{where}: {e['msg']} (got {e.get('input')!r})"


def builds_valid_mentions(extractor: Extractor) -> bool:
    """Whether `extractor` is one of strikewatch's own readers running only strikewatch's
    own components (`Pipeline.builds_valid_mentions`): its last step, `to_mention`, builds
    every Mention through pydantic's validator and nothing touches them after, so
    validating them again field by field (a dump and a validate, about 40 µs a mention,
    5 % of extraction) would prove nothing new. Anything else — a third-party extractor,
    ours with a third-party component, a subclass defined elsewhere — is validated in full.
    """
    return (type(extractor).__module__.startswith("strikewatch.")
            and getattr(extractor, "builds_valid_mentions", False) is True)


def validate(article: Article, mentions: Iterable[object], label: str,
             built: bool = False) -> list[Mention]:
    """The extractor's output as valid Mention records of `article`, or ExtractionError.

    `built`: the mentions come from an extractor that `builds_valid_mentions`; a Mention
    among them is taken as it is, then checked against the article (its id, spans and
    uniqueness) like any other."""
    out: list[Mention] = []
    seen: set[str] = set()
    for i, m in enumerate(mentions):
        if built and type(m) is Mention:
            v = m
        else:
            data = m.model_dump(warnings=False) if isinstance(m, Mention) else m
            try:
                v = Mention.model_validate(data)
            except ValidationError as exc:
                raise ExtractionError(f"{label}: mention {i} is not a valid record: "
                                      f"{_problem(exc)}") from exc
        if v.article_id != article.id:
            raise ExtractionError(f"{label}: mention {i} belongs to another article "
                                  f"({v.article_id!r}, not {article.id!r})")
        bad = [s for s in v.spans if s.article_id != article.id or
               not 0 <= s.start <= s.end <= len(article.text)]
        if bad:
            raise ExtractionError(f"{label}: mention {i} has a span outside the article text "
                                  f"({bad[0].start}-{bad[0].end})")
        if v.id in seen:
            raise ExtractionError(f"{label}: duplicate mention id {v.id} (mention {i})")
        seen.add(v.id)
        if not v.extractor:
            v.extractor = label
        out.append(v)
    return out


def checked(extractor: Extractor, article: Article) -> list[Mention]:
    """Run `extractor` on `article` and validate what it returns (the boundary).

    Raises ExtractionError, naming the extractor and the problem, when the extractor
    raises or returns anything but valid mentions of this article."""
    label = extracted_by(extractor)
    try:
        got = extractor(article)
    except Exception as exc:
        raise ExtractionError(f"{label}: {type(exc).__name__}: {exc}") from exc
    return validate(article, got, label, built=builds_valid_mentions(extractor))


__all__ = [
    "DEFAULT_EXTRACTOR", "Extractor", "ExtractionError", "builds_valid_mentions", "checked",
    "extracted_by",
    "extractors", "for_language", "get_extractor", "names", "validate",
]

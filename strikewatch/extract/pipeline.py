"""Named extraction components and the pipeline that runs them, in spaCy's style.

A component is a plain function `component(doc) -> None` registered under a name with the
slots of the shared `Doc` it `requires` and `assigns` (see context.py for the slots). The
pipeline is a list of names; any one can be replaced by name with another registered
function (a statistical tagger, a language model behind an API) as long as it assigns
what the later components require. The order is checked when the pipeline is built, so a
replacement that forgets a slot fails there with a message naming it, not deep in a run.

    @component("my_dates", requires=("doc.frames", "frame.status"),
               assigns=("frame.date_low", "frame.date_high", "frame.time_precision"))
    def my_dates(doc: Doc) -> None: ...

    Pipeline().replace("dates", "my_dates")

Third parties register the same way (the `components` registry is a `catalogue` registry,
also read from the `strikewatch_components` entry-point group).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import catalogue

from strikewatch.extract.context import Doc
from strikewatch.extract.dates import parse_published
from strikewatch.records import Article, Mention

#: Slots a new Doc has before any component runs.
GIVEN: frozenset[str] = frozenset({"doc.article", "doc.text", "doc.published"})

#: each registered function's ComponentInfo, kept here rather than as an attribute of the
#: function: a function compiled by mypyc (bench/compile.sh) takes no new attributes
_INFOS: dict[Callable[[Doc], None], ComponentInfo] = {}

components = catalogue.create("strikewatch", "components", entry_points=True)


@dataclass(frozen=True)
class ComponentInfo:
    """A registered component: its name, its function, and the slots it reads and fills."""

    name: str
    func: Callable[[Doc], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> None:
        self.func(doc)


def component(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[Callable[[Doc], None]], Callable[[Doc], None]]:
    """Register `func` as the component `name`; the function itself is returned unchanged
    (still callable and testable on its own)."""

    def register(func: Callable[[Doc], None]) -> Callable[[Doc], None]:
        info = ComponentInfo(name, func, tuple(requires), tuple(assigns))
        components.register(name, func=info)
        _INFOS[func] = info
        return func

    return register


def get_component(name: str) -> ComponentInfo:
    """The registered component `name`; the error lists the names there are."""
    _load_builtins()
    try:
        got = components.get(name)
    except catalogue.RegistryError as exc:
        known = ", ".join(sorted(components.get_all()))
        raise KeyError(f"no extraction component named {name!r} (registered: {known})") from exc
    if not isinstance(got, ComponentInfo):  # registered without the decorator
        return ComponentInfo(name, got)
    return got


def _as_info(step: str | ComponentInfo | Callable[[Doc], None]) -> ComponentInfo:
    if isinstance(step, str):
        return get_component(step)
    if isinstance(step, ComponentInfo):
        return step
    info = _INFOS.get(step)
    if isinstance(info, ComponentInfo) and info.func is step:
        return info
    # an unregistered function: runs, but declares nothing, so nothing is checked
    return ComponentInfo(getattr(step, "__name__", repr(step)), step)


def _ours(func: Callable[[Doc], None]) -> bool:
    """Whether a component's function is strikewatch's own (defined in this package)."""
    return (getattr(func, "__module__", None) or "").startswith("strikewatch.")


def check_order(steps: Sequence[ComponentInfo]) -> None:
    """Every slot a component requires is assigned by one before it (or given)."""
    have = set(GIVEN)
    for info in steps:
        missing = [r for r in info.requires if r not in have]
        if missing:
            raise ValueError(f"extraction component {info.name!r} requires {', '.join(missing)}"
                             ", which no component before it assigns")
        have.update(info.assigns)


#: The rules extractor's components, in order (each a module under extract/components/).
DEFAULT_NAMES: tuple[str, ...] = (
    "filing_day", "sentences", "triggers", "clauses", "status", "furniture", "counts", "dates",
    "kind", "reported_denied", "article_frame", "targets", "countries", "places", "actors",
    "sources", "coreference", "geoplace", "assemble", "genre", "recalled", "day_strikes",
    "article_context", "regions", "trailing_quotes", "to_mention", "mention_filter",
)

#: Components that may follow `to_mention` and only drop the Mentions it built (so what
#: is left is still valid as built: `Pipeline.builds_valid_mentions`).
MENTION_DROPPERS: frozenset[str] = frozenset({"mention_filter"})


class Pipeline:
    """Runs named components over a Doc; the last one leaves `doc.mentions`.

    `Pipeline()` is the rules extractor's pipeline; `Pipeline([...])` takes names,
    registered functions or any `component(doc)` callables; `replace` swaps one by name.
    """

    def __init__(self, steps: Sequence[str | ComponentInfo | Callable[[Doc], None]]
                 = DEFAULT_NAMES) -> None:
        self.steps = [_as_info(s) for s in steps]
        check_order(self.steps)
        self.totals: dict[str, int] = {}  # summed Doc.stats: sentences, triggered, parsed
        #: CPU seconds spent in each component, summed over every article read (what
        #: bench/extract.py reports per component; a clock read costs well under 1 %)
        self.cost: dict[str, float] = {}

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    @property
    def components(self) -> list[Callable[[Doc], None]]:
        return [s.func for s in self.steps]

    def replace(self, name: str, new: str | ComponentInfo | Callable[[Doc], None]) -> Pipeline:
        """A copy of this pipeline with the component `name` replaced by `new`."""
        if name not in self.names:
            raise KeyError(f"no component {name!r} in this pipeline ({', '.join(self.names)})")
        return Pipeline([new if s.name == name else s for s in self.steps])

    def read(self, article: Article) -> Doc:
        """The Doc after every component ran (for inspection and tests)."""
        doc = Doc(article=article, text=article.text,
                  published=parse_published(article.published))
        cost = self.cost
        clock = time.process_time
        t0 = clock()
        for step in self.steps:
            step.func(doc)
            t1 = clock()
            cost[step.name] = cost.get(step.name, 0.0) + t1 - t0
            t0 = t1
        for k, v in doc.stats.items():
            self.totals[k] = self.totals.get(k, 0) + v
        return doc

    @property
    def builds_valid_mentions(self) -> bool:
        """Every component is strikewatch's own and the last is `to_mention`, which builds
        each Mention through pydantic's validator, or one of ours that only drops what it
        built (`MENTION_DROPPERS`): what this pipeline returns are valid records as built
        (registry.checked then checks them against the article only). Read from the steps
        each time, so a step added later is seen."""
        names = self.names
        last = len(names) - 1
        while last >= 0 and names[last] in MENTION_DROPPERS:
            last -= 1
        return last >= 0 and names[last] == "to_mention" \
            and all(_ours(s.func) for s in self.steps)

    def __call__(self, article: Article) -> list[Mention]:
        return self.read(article).mentions


def _load_builtins() -> None:
    """Register the built-in components (importing them registers them)."""
    import strikewatch.extract.components  # noqa: F401

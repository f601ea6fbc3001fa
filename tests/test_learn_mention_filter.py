"""The trained mention filter (strikewatch/learn, extract component `mention_filter`):
the shared LR and hashing pieces, the shipped model, the component, and the training
script's reproducibility. The articles here are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from strikewatch.extract import registry
from strikewatch.extract.components import mention_filter as mf
from strikewatch.extract.pipeline import Pipeline
from strikewatch.learn.cv import cross_val_predict, leave_one_group_out
from strikewatch.learn.hashing import bucket, hashed_words, words
from strikewatch.learn.logreg import LogReg, fit
from strikewatch.records import Article

LEDE = ("A U.S. drone strike killed four men in a pickup truck near Marib, Yemen, on Monday, "
        "local officials said.\n\n")
FRAGMENT_ARTICLE = LEDE + "The Pentagon did not comment.\n\n" \
    "A second attack, residents said, landed near a school."
REPO = Path(__file__).resolve().parent.parent
#: ledes in several registers (wire, ministry, a blog's aside, British spelling, Spanish)
LEDES = [
    ("Israeli warplanes bombed a house in the southern Lebanese town of Bint Jbeil on "
     "Tuesday, killing three people, the health ministry said.", "en"),
    ("Two civilians were killed and five wounded when artillery shells hit a market in "
     "Kharkiv on Sunday morning, the regional governor said.", "en"),
    ("So the Pentagon has done it again: its aircraft blew up another alleged drug boat in "
     "the Caribbean on Thursday, and all five people aboard died.", "en"),
    ("Military aircraft struck a militant hideout in North Waziristan on Friday, killing six "
     "fighters, the army's media wing said in a statement.", "en"),
    ("Un ataque con drones mató a cuatro personas en un vehículo cerca de Marib, en Yemen, "
     "el lunes, según fuentes locales.", "es"),
    ("Fuerzas estadounidenses bombardearon el jueves una lancha en el Caribe y murieron sus "
     "tres tripulantes, informó el Comando Sur.", "es"),
]
#: a later line that only glimpses an act, with nothing of its own (no toll, day, party)
FRAGMENTS = [
    "A second attack, residents said, landed near a school.",
    "Fighters attacked a checkpoint in the district, a resident told reporters.",
]


@pytest.fixture(autouse=True)
def _rules_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The filter's own scores are read from the rules' output, as it meets them."""
    monkeypatch.setenv("STRIKEWATCH_MENTION_FILTER", "off")


def _read(text: str, published: str | None = "2025-03-10", language: str = "en"
          ) -> tuple[object, list[float | None]]:
    from strikewatch.extract.es.reader import SPANISH_NAMES

    pipe = Pipeline(SPANISH_NAMES) if language == "es" else Pipeline()
    doc = pipe.read(Article(text=text, published=published, language=language))
    return doc, mf.real_report_probability(mf._load(str(mf.WEIGHTS)), doc)


def test_hashing_is_stable_across_processes() -> None:
    # crc32, not the salted built-in hash: the shipped weights mean the same everywhere
    assert bucket("strike", 512) == 231155648 % 512 == 448
    assert words("U.S. drones hit 3 boats!") == ["u", "s", "drones", "hit", "boats"]
    assert set(hashed_words("hit hit", 16)) == {f"w:{bucket('hit', 16)}"}


def test_logreg_fit_is_deterministic_and_learns_a_separable_toy() -> None:
    xs = [{"a": 1.0}, {"a": 1.0, "c": 1.0}, {"b": 1.0}, {"b": 1.0, "c": 1.0}] * 3
    ys = [1, 1, 0, 0] * 3
    one, two = fit(xs, ys, l2=0.5), fit(xs, ys, l2=0.5)
    assert one.to_json() == two.to_json()
    assert one.predict({"a": 1.0}) > 0.8 > 0.2 > one.predict({"b": 1.0})
    again = LogReg.from_json(one.to_json())
    assert again.predict({"a": 1.0, "c": 1.0}) == one.predict({"a": 1.0, "c": 1.0})
    # rare features get no weight, and weights round to the digits asked
    assert "c" not in fit(xs[:2] + xs[2:4], ys[:4], min_count=3).weights


def test_leave_one_group_out_holds_out_each_batch_once() -> None:
    folds = leave_one_group_out(["x", "y", "x", "z"])
    assert [(g, te) for g, _, te in folds] == [("x", [0, 2]), ("y", [1]), ("z", [3])]
    assert all(not set(tr) & set(te) for _, tr, te in folds)
    xs = [{"a": 1.0}, {"b": 1.0}] * 4
    probs, models = cross_val_predict(xs, [1, 0, 1, 0, 1, 0, None, 0],
                                      ["p", "p", "q", "q", "r", "r", "s", "s"])
    assert set(models) == {"p", "q", "r", "s"} and len(probs) == 8
    assert probs[6] > 0.5 > probs[7]  # an unlabelled example is predicted, never trained on


def test_shipped_model_loads_offline_and_predicts_deterministically() -> None:
    model = LogReg.load(mf.WEIGHTS)
    assert model.weights and 0.0 < float(model.meta["threshold"]) < 1.0
    _, first = _read(FRAGMENT_ARTICLE)
    _, second = _read(FRAGMENT_ARTICLE)
    assert first == second and all(p is not None for p in first)


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_a_fragment_scores_low_and_its_lede_high(fragment: str) -> None:
    text = LEDE + "The Pentagon did not comment.\n\n" + fragment
    doc, probs = _read(text)
    by_start = {min(s.start for s in m.spans): p
                for m, p in zip(doc.mentions, probs, strict=True)}  # type: ignore[attr-defined]
    lede, frag = by_start[0], by_start[text.index(fragment)]
    threshold = float(LogReg.load(mf.WEIGHTS).meta["threshold"])
    assert lede is not None and lede > 0.9
    assert frag is not None and frag < threshold


@pytest.mark.parametrize(("lede", "language"), LEDES)
def test_a_lede_in_any_register_scores_high(lede: str, language: str) -> None:
    _, probs = _read(lede, language=language)
    assert probs and all(p is not None and p > 0.9 for p in probs)


def test_component_is_on_by_default_and_switched_by_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = Pipeline()
    assert pipe.names[-2:] == ["to_mention", "mention_filter"]
    assert pipe.builds_valid_mentions  # it only drops what to_mention built
    assert registry.builds_valid_mentions(registry.get_extractor("strikewatch-rules-es"))
    art = Article(text=FRAGMENT_ARTICLE, published="2025-03-10")
    monkeypatch.setenv("STRIKEWATCH_MENTION_FILTER", "off")
    rules = pipe(art)
    assert len(rules) == 2
    monkeypatch.delenv("STRIKEWATCH_MENTION_FILTER", raising=False)
    assert (mf.active_filter() is not None) == mf.ENABLED
    monkeypatch.setenv("STRIKEWATCH_MENTION_FILTER", "on")
    kept = pipe(art)
    assert [m.id for m in kept] == [rules[0].id]  # the fragment goes
    monkeypatch.setenv("STRIKEWATCH_MENTION_FILTER_T", "1.01")  # every candidate dropped
    assert pipe(art) == []


def test_training_script_reproduces_the_shipped_weights_on_a_small_subset() -> None:
    """The shipped meta fingerprints one batch's examples and the weights fitted on that
    batch alone; refit here from the gold (seconds). Where the rules now read that batch
    otherwise (a rule changed since training), the weights are stale: retrain them."""
    from strikewatch.learn import train_mention_filter as tm

    check = LogReg.load(mf.WEIGHTS).meta["check"]
    items = tm.read_all(REPO / "tests" / "gold", [check["batch"]])
    got = tm.subset_check(items)
    if got["data"] != check["data"]:
        pytest.skip("the rules read the check batch otherwise than when the filter was "
                    "trained: rerun python -m strikewatch.learn.train_mention_filter train")
    assert got == {"data": check["data"], "weights": check["weights"]}
    assert tm.subset_check(items) == got  # and again, the same

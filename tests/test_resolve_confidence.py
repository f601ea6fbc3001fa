"""The incident confidence model (resolve/confidence.py): shipped weights load offline and
score deterministically; what it reads of an incident makes a lone undated fragment low and
a dated, toll-bearing strike told by several outlets high; the fold joins a low report to
the one same-toll strike of its days, and only that one."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from strikewatch import pipeline
from strikewatch.learn.logreg import fit
from strikewatch.records import Actor, Article, Incident, Mention, Place, Span
from strikewatch.resolve import confidence
from strikewatch.resolve.merging import build_incident
from strikewatch.store.sql import SqlStore
from tests.test_resolve_streamed import add_reviews, small_steps, snapshot, store

__all__ = ["small_steps", "store"]  # the streamed tests' fixtures, used here too

SEA = Place(name="Caribbean Sea", kind="sea", geo_precision=6)


def _article(key: str, published: str | None, publisher: str) -> Article:
    text = f"{key}: " + "A strike on a small boat was reported by officials. " * 4
    return Article(text=text, published=published, publisher=publisher,
                   url=f"https://example.org/{key}")


def _mention(art: Article, *, day: str | None, killed: int | None, place: Place | None,
             start: int = 0, own: tuple[str, ...] = ()) -> Mention:
    span = Span(article_id=art.id, start=start, end=start + 20,
                text=art.text[start:start + 20])
    return Mention(article_id=art.id, event_type="Explosions/Remote violence",
                   sub_event_type="Air/drone strike", target_kind="vessel", domain="sea",
                   date_low=day, date_high=day, time_precision=1 if day else None,
                   place=place, killed_low=killed, killed_high=killed,
                   actor1=Actor(name="US forces", country="US"), spans=[span],
                   provenance={k: [span] for k in ("kind", "status", *own)})


def _ledger(*groups: list[tuple[Mention, Article]]
            ) -> tuple[list[Incident], dict[str, Mention], dict[str, Article]]:
    mentions: dict[str, Mention] = {}
    articles: dict[str, Article] = {}
    incidents = []
    for group in groups:
        for m, a in group:
            mentions[m.id] = m
            articles[a.id] = a
        incidents.append(build_incident([m for m, _ in group], articles))
    return sorted(incidents, key=lambda i: i.id), mentions, articles


def _scores(incidents: list[Incident], mentions: dict[str, Mention],
            articles: dict[str, Article]) -> dict[str, float]:
    sums = [confidence.summarize(i, [mentions[m] for m in i.mention_ids], articles)
            for i in incidents]
    return confidence.probabilities(sums, confidence.load_weights())


def _strike() -> list[tuple[Mention, Article]]:
    """A strike told by three outlets, each with its day, toll and sea in its own words."""
    out = []
    for pub in ("wire", "daily", "broadcaster"):
        a = _article(f"strike-{pub}", "2025-10-15", pub)
        out.append((_mention(a, day="2025-10-14", killed=3, place=SEA,
                             own=("date", "killed", "place")), a))
    return out


def test_the_shipped_weights_load_offline_and_say_what_they_do() -> None:
    model = confidence.load_weights()
    assert model.weights and model.meta["action"] in ("off", *confidence.ACTIONS)
    assert 0.0 < float(model.meta["threshold"]) <= 1.0
    assert set(model.meta["ledgers"]).isdisjoint({"rd", "re", "rf", "rh", "ri", "rl", "esd",
                                                  "esk", "esl", "rp", "esp", "rs", "ess"})


def test_a_lone_undated_fragment_scores_low_and_a_told_strike_high() -> None:
    page = _article("fragment", None, "blog")
    fragment = [(_mention(page, day=None, killed=None, place=None, start=900), page)]
    other = _article("elsewhere", "2025-09-02", "paper")
    unrelated = [(_mention(other, day="2025-09-01", killed=11, place=SEA,
                           own=("date", "killed", "place")), other)]
    incidents, mentions, articles = _ledger(_strike(), fragment, unrelated)
    p = _scores(incidents, mentions, articles)
    strike = next(i.id for i in incidents if len(i.sources) == 3)
    lone = next(i.id for i in incidents if i.date_low is None)
    assert p[strike] > 0.8
    assert p[lone] < 0.5
    assert p[strike] - p[lone] > 0.3


def test_scores_are_deterministic_and_fitting_is_too() -> None:
    incidents, mentions, articles = _ledger(_strike())
    first = _scores(incidents, mentions, articles)
    assert first == _scores(list(reversed(incidents)), mentions, articles)
    xs = [{"a": 1.0, "b": 0.0}, {"a": 0.0, "b": 1.0}, {"a": 1.0, "b": 1.0}, {"b": 2.0}]
    ys = [1, 0, 1, 0]
    assert json.dumps(fit(xs, ys).to_json()) == json.dumps(fit(xs, ys).to_json())


@pytest.fixture
def fold_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKEWATCH_INCIDENT_FILTER", "fold")
    monkeypatch.setenv("STRIKEWATCH_INCIDENT_FILTER_T", "1.01")  # every incident is low


def test_a_report_of_the_strikes_days_and_toll_folds_into_it(fold_on: None) -> None:
    """An undated report on a page published the day after, with the same toll in the same
    sea: the one strike it can be. A report of another toll stays apart."""
    late = _article("late", "2025-10-15", "radio")
    same = [(_mention(late, day=None, killed=3, place=SEA, own=("killed",)), late)]
    other_page = _article("other", "2025-10-15", "gazette")
    other = [(_mention(other_page, day=None, killed=9, place=SEA, own=("killed",)),
              other_page)]
    incidents, mentions, articles = _ledger(_strike(), same, other)
    out = confidence.apply_filter(incidents, mentions, articles)
    assert len(out) == 2
    merged = next(i for i in out if len(i.sources) == 4)
    assert (merged.killed_low, merged.date_low) == (3, "2025-10-14")
    assert all(i.confidence is not None for i in out)


def test_no_fold_where_two_strikes_could_take_it_or_the_report_has_no_days(
        fold_on: None) -> None:
    """Two strikes of its days with its toll: which one is a guess, so neither; and a
    report on an undated page has no days to tie it to any strike."""
    second = []
    for pub in ("agency", "weekly"):
        a = _article(f"second-{pub}", "2025-10-14", pub)
        second.append((_mention(a, day="2025-10-13", killed=3, place=SEA,
                                own=("date", "killed", "place")), a))
    late = _article("late", "2025-10-15", "radio")
    loose = [(_mention(late, day=None, killed=3, place=SEA, own=("killed",)), late)]
    incidents, mentions, articles = _ledger(_strike(), second, loose)
    assert len(confidence.apply_filter(incidents, mentions, articles)) == 3

    nodate = _article("nodate", None, "blog")
    alone = [(_mention(nodate, day=None, killed=3, place=SEA, own=("killed",)), nodate)]
    incidents, mentions, articles = _ledger(_strike(), alone)
    assert len(confidence.apply_filter(incidents, mentions, articles)) == 2


def test_off_leaves_the_ledger_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRIKEWATCH_INCIDENT_FILTER", "off")
    incidents, mentions, articles = _ledger(_strike())
    assert confidence.apply_filter(incidents, mentions, articles) == incidents


def _pairs(summaries: Sequence[confidence.Summary], probs: Any, threshold: float,
           mode: str = "toll") -> dict[str, str]:
    """A stand-in fold rule that proposes many folds (each judged incident into the first,
    by id, of its zone that folds nowhere; joinable drops those a rule forbids): what the
    resolvers do with folds, not which ones the rule picks."""
    kept: list[confidence.Summary] = []
    out: dict[str, str] = {}
    for s in sorted((s for s in summaries if s.judged), key=lambda s: s.id):
        into = next((k for k in kept if k.zone == s.zone), None)
        if into is None:
            kept.append(s)
        else:
            out[s.id] = into.id
    return out


def test_streamed_and_in_memory_fold_alike(store: SqlStore, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """With many folds proposed, the streamed resolver (`strikewatch batch`) folds (only
    where no cannot-link rule forbids), scores and reviews exactly as the in-memory one:
    one ledger."""
    monkeypatch.setenv("STRIKEWATCH_INCIDENT_FILTER", "fold")
    monkeypatch.setattr(confidence, "fold_targets", _pairs)
    made: list[int] = []
    joinable = confidence.joinable

    def counting(verdict: confidence.Verdict, load: Any) -> confidence.Verdict:
        out = joinable(verdict, load)
        made.append(len(out.folds))
        return out

    monkeypatch.setattr(confidence, "joinable", counting)
    add_reviews(store)
    pipeline.update_ledger(store, from_scratch=True)
    expected = snapshot(store)
    assert made and made[-1] > 0  # folds were made
    assert sum('"confidence": ' in i and '"confidence": null' not in i
               for i in expected[0][0]) > 100
    pipeline.resolve_archive(store, workdir=tmp_path)
    assert snapshot(store) == expected
    assert made[-1] == made[0]

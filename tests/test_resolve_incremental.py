"""resolve_incremental gives exactly what a from-scratch resolve gives."""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

import pytest

from strikewatch.records import Incident, Mention, Review, Tally
from strikewatch.resolve import ResolveState, resolve, resolve_incremental
from tests.resolve_set.evaluate import articles_of, gold_mentions, load_set


def _dump(incidents: list[Incident], tallies: list[Tally]) -> tuple[list[Any], list[Any]]:
    return ([i.model_dump() for i in sorted(incidents, key=lambda i: i.id)],
            [t.model_dump() for t in sorted(tallies, key=lambda t: t.id)])


def _by_article(mentions: list[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        out[m.article_id].append(m)
    return out


def _reviews(incidents: list[Incident]) -> list[Review]:
    big = sorted(incidents, key=lambda i: (-len(i.mention_ids), i.id))
    return [
        Review(action="edit", incident_id=big[0].id, user="ed", at="2026-05-01T00:00:00Z",
               payload={"killed_high": 99}, before={"mention_ids": big[0].mention_ids}),
        Review(action="reject", incident_id=big[1].id, user="ed", at="2026-05-01T00:01:00Z",
               before={"mention_ids": big[1].mention_ids}),
    ]


def test_adding_articles_one_day_at_a_time_equals_from_scratch() -> None:
    data = load_set()
    articles = articles_of(data)
    mentions, _ = gold_mentions(data)
    full_inc, full_tal = resolve(mentions, articles)
    reviews = _reviews(full_inc)
    want = _dump(*resolve(mentions, articles, reviews))

    per_article = _by_article(mentions)
    by_day: dict[str, list[str]] = defaultdict(list)
    for aid, art in articles.items():
        by_day[art.published or ""].append(aid)
    state = ResolveState()
    for day in sorted(by_day):
        batch = [m for aid in by_day[day] for m in per_article.get(aid, [])]
        got = resolve_incremental(state, batch, {a: articles[a] for a in by_day[day]}, reviews)
    assert _dump(*got) == want
    assert len(got[0]) == len(full_inc) == 22


def test_random_order_and_re_extraction_equal_from_scratch() -> None:
    data = load_set()
    articles = articles_of(data)
    mentions, _ = gold_mentions(data)
    per_article = _by_article(mentions)
    ids = sorted(per_article)
    random.Random(7).shuffle(ids)
    state = ResolveState()
    for i in range(0, len(ids), 9):  # batches of nine articles, in a scrambled order
        chunk = ids[i:i + 9]
        resolve_incremental(state, [m for a in chunk for m in per_article[a]],
                            {a: articles[a] for a in chunk})
    assert _dump(state.incidents, state.tally_records) == _dump(*resolve(mentions, articles))

    # Re-extraction: one article's mentions are replaced by a different reading.
    victim = next(a for a in ids if len(per_article[a]) == 2)
    kept = per_article[victim][0].model_copy(update={"killed_low": 40, "killed_high": 40})
    got = resolve_incremental(state, [kept], {}, removed_article_ids=[victim])
    rest = [m for m in mentions if m.article_id != victim] + [kept]
    assert _dump(*got) == _dump(*resolve(rest, articles))
    assert per_article[victim][1].id not in {x for i in got[0] for x in i.mention_ids}
    assert per_article[victim][1].id not in {x for t in got[1] for x in t.mention_ids}


def test_a_new_article_touches_only_its_own_incident() -> None:
    data = load_set()
    articles = articles_of(data)
    mentions, truth = gold_mentions(data)
    last = max(articles.values(), key=lambda a: (a.published or "", a.id))
    before = [m for m in mentions if m.article_id != last.id]
    new = [m for m in mentions if m.article_id == last.id]
    state = ResolveState()
    resolve_incremental(state, before, {a: x for a, x in articles.items() if a != last.id})
    machine_before = dict(state.machine)
    resolve_incremental(state, new, {last.id: last})
    changed = [k for k, inc in state.machine.items() if machine_before.get(k) is not inc]
    touched_keys = {truth[m.id] for m in new}
    assert changed  # the new article's incident was rebuilt ...
    for k in changed:  # ... and nothing about another event was
        assert {truth[i] for i in state.machine[k].mention_ids} <= touched_keys


def test_a_saved_state_continues_in_a_new_process() -> None:
    import json

    data = load_set()
    articles = articles_of(data)
    mentions, _ = gold_mentions(data)
    half = sorted(articles)[: len(articles) // 2]
    first = [m for m in mentions if m.article_id in half]
    rest = [m for m in mentions if m.article_id not in half]
    state = ResolveState()
    resolve_incremental(state, first, {a: articles[a] for a in half})
    saved = json.loads(json.dumps(state.to_dict()))  # through JSON, as a file would
    again = ResolveState.from_dict(saved)
    assert _dump(again.incidents, again.tally_records) == _dump(state.incidents,
                                                                state.tally_records)
    got = resolve_incremental(again, rest, articles)
    assert _dump(*got) == _dump(*resolve(mentions, articles))


def test_pair_scores_do_not_depend_on_the_batch() -> None:
    from strikewatch.resolve.features import features
    from strikewatch.resolve.linking import score_pairs

    data = load_set()
    articles = articles_of(data)
    mentions, _ = gold_mentions(data)
    rows = [features(m, articles[m.article_id]) for m in mentions if m.kind == "event"]
    everything = score_pairs(rows)
    some = rows[::2]
    ids = {r.unique_id for r in some}
    part = score_pairs(some)
    assert part == {k: v for k, v in everything.items() if k[0] in ids and k[1] in ids}
    assert len(part) > 5


def test_the_fixed_splink_settings_validate(caplog: pytest.LogCaptureFixture) -> None:
    """score_pairs skips splink's settings check (it costs seconds per call); this runs
    it once over the real feature rows: no missing or invalid column is reported."""
    import logging

    import pyarrow as pa
    from splink import DuckDBAPI, Linker

    from strikewatch.resolve.features import features
    from strikewatch.resolve.linking import _SCHEMA, settings

    data = load_set()
    articles = articles_of(data)
    mentions, _ = gold_mentions(data)
    rows = [features(m, articles[m.article_id]).row() for m in mentions if m.kind == "event"]
    db_api = DuckDBAPI()
    try:
        sdf = db_api.register(pa.Table.from_pylist(rows, schema=_SCHEMA), table_name="mentions")
        with caplog.at_level(logging.INFO, logger="splink"):
            Linker(sdf, settings(), log_level=logging.INFO, validate_settings=True)
    finally:
        db_api.duckdb_con.close()
    problems = [r.getMessage() for r in caplog.records
                if r.levelno >= logging.WARNING or "invalid" in r.getMessage().lower()
                or "missing" in r.getMessage().lower()]
    assert problems == []

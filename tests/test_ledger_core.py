"""The ledger core's promise, end to end on SQLite and a real PostgreSQL server.

An editor's edit, status change, rejection, merge and split (made through the real API,
over loopback HTTP) show at once in every door: the API's totals and filters, the ledger
page's header, the timeline page, `strikewatch incidents`, and the CLI's JSONL export. At
every step each door's killed total equals the sum, worked out here by hand from DESIGN.md
("only occurred mentions enter casualty tallies"; discounted = shown not to have happened),
over the incidents the door lists. Then the reviews survive a re-ingest, a from-scratch
re-resolve and a re-extraction; a re-extraction that changes an edited figure leaves the
editor's value and says the review is stale. Bad filter values are refused by the CLI and
the API with the same message.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from strikewatch import pipeline
from strikewatch.accounts.auth import WebSettings, hash_password
from strikewatch.cli import app as cli_app
from strikewatch.cli import sample_dir
from strikewatch.ledger.counting import counted
from strikewatch.ledger.reviews import REJECTED_FLAG, STALE_FLAG
from strikewatch.records import Incident, Mention
from strikewatch.server import create_app
from strikewatch.store import IncidentQuery, open_store
from tests._webdata import serve

EDITOR = ("rita", "editor-pass-1")
runner = CliRunner()


def cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(cli_app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def by_hand(rows: list[dict[str, Any]]) -> tuple[int, int | None]:
    """Killed low–high over the rows that count, as DESIGN.md words the rule."""
    low, high = 0, 0
    open_ended = False
    for r in rows:
        if r["status"] != "occurred" or r["background"] or r["grade"] == "discounted":
            continue
        if r["killed_low"] is None and r["killed_high"] is None:
            continue
        low += r["killed_low"] or 0
        if r["killed_high"] is None:
            open_ended = True
        else:
            high += r["killed_high"]
    return low, None if open_ended else high


@pytest.fixture(scope="module")
def desk(module_db_url: str, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[dict[str, Any]]:
    store = open_store(module_db_url)
    pipeline.run([str(sample_dir())], store)
    store.add_user(EDITOR[0], hash_password(EDITOR[1]), "editor")
    app = create_app(store, settings=WebSettings(allow_anonymous=True))
    with serve(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield {"store": store, "url": module_db_url, "http": client}
    store.close()


def doors(desk: dict[str, Any], **filters: str) -> dict[str, Any]:
    """What each door says about the ledger (with these filters): rows and killed totals."""
    http: httpx.Client = desk["http"]
    api = http.get("/api/incidents", params={**filters, "totals": "true", "limit": 1000})
    assert api.status_code == 200, api.text
    body = api.json()
    out: dict[str, Any] = {"api_rows": body["items"],
                           "api": (body["totals"]["killed_low"], body["totals"]["killed_high"])}
    names = {"date_from": "--from", "date_to": "--to", "q": "--text"}
    opts = [x for k, v in filters.items()
            for x in (names.get(k, "--" + k.replace("_", "-")), v)]
    code, text = cli("incidents", "--db", desk["url"], "--json", "--limit", "0", *opts)
    assert code == 0, text
    out["cli_rows"] = [json.loads(line) for line in text.splitlines() if line.strip()]
    page = http.get("/", params=filters).text
    shown = re.search(r'data-total="killed">([^<]*)<', page)
    assert shown is not None
    out["page"] = read_range(html.unescape(shown.group(1)))
    return out


def read_range(text: str) -> tuple[int, int | None]:
    """The page's killed total back as (low, high): "7", "3–5" or "≥65" (no upper bound)."""
    if text.startswith("≥"):
        return int(text[1:]), None
    low, _, high = text.partition("–")
    return int(low), int(high or low)


def check_every_door(desk: dict[str, Any], **filters: str) -> dict[str, Any]:
    seen = doors(desk, **filters)
    api_ids = sorted(r["id"] for r in seen["api_rows"])
    assert api_ids == sorted(r["id"] for r in seen["cli_rows"])
    expected = by_hand(seen["api_rows"])
    assert seen["api"] == expected and seen["page"] == expected
    assert by_hand(seen["cli_rows"]) == expected
    # the stored ledger is what both listed, field for field
    stored = {i.id: i.model_dump(mode="json")
              for i in desk["store"].incidents(IncidentQuery(limit=0))}
    for row in seen["api_rows"]:
        assert row == stored[row["id"]]
    # the timeline counts the dated incidents that count, by the same rule
    dated = [r for r in seen["api_rows"] if r["date_low"] or r["date_high"]]
    weeks = re.findall(r"<tr><td>\d{4}-\d\d-\d\d</td>(?:<td[^>]*>[^<]*</td>){4,}</tr>",
                       desk["http"].get("/timeline", params=filters).text)
    n_counted = sum(1 for r in dated if r["status"] == "occurred" and not r["background"]
                    and r["grade"] != "discounted")
    if not weeks:  # the table lists only weeks with incidents that count
        assert n_counted == 0
        return seen
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", weeks[-1])
    assert int(cells[2]) == n_counted
    first = re.match(r"[≥≤]?(\d+)", html.unescape(cells[4]))
    assert first is not None and int(first.group(1)) == by_hand(dated)[0]
    return seen


def exports_agree(desk: dict[str, Any]) -> None:
    """CSV, JSONL and GeoJSON, from the API and from `strikewatch export`, carry the stored
    (reviewed) status, grade and killed range of every incident."""
    import csv
    import io

    stored = {i.id: i for i in incidents(desk)}
    want = {iid: (i.status, i.grade, i.killed_low, i.killed_high) for iid, i in stored.items()}
    for fmt in ("jsonl", "csv", "geojson"):
        api = desk["http"].get("/api/export", params={"format": fmt})
        assert api.status_code == 200, api.text
        result = runner.invoke(cli_app, ["export", "--db", desk["url"], "--format", fmt,
                                         "--out", "-"])
        assert result.exit_code == 0, result.output
        for body in (api.text, result.stdout):
            if fmt == "jsonl":
                rows = [json.loads(x) for x in body.splitlines() if x.strip()]
                got = {r["id"]: (r["status"], r["grade"], r["killed_low"], r["killed_high"])
                       for r in rows if r["kind"] == "incident"}
                assert got == want
            elif fmt == "csv":
                def num(v: str) -> int | None:
                    return int(v) if v else None
                got = {r["id"]: (r["status"], r["grade"], num(r["killed_low"]),
                                 num(r["killed_high"]))
                       for r in csv.DictReader(io.StringIO(body))}
                assert got == want
            else:
                feats = json.loads(body)["features"]
                got = {f["id"]: (f["properties"]["status"], f["properties"]["grade"],
                                 f["properties"]["killed_low"], f["properties"]["killed_high"])
                       for f in feats}
                assert feats and got == {k: want[k] for k in got}


def review(desk: dict[str, Any], incident_id: str, action: str, **data: Any) -> dict[str, Any]:
    r = desk["http"].post(f"/api/incidents/{incident_id}/reviews", auth=EDITOR,
                          json={"action": action, "data": data, "note": f"test {action}"})
    assert r.status_code == 201, r.text
    return dict(r.json())


def incidents(desk: dict[str, Any]) -> list[Incident]:
    return list(desk["store"].incidents(IncidentQuery(limit=0)))


def snapshot(desk: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    store = desk["store"]
    return ({i.id: i.model_dump(mode="json") for i in incidents(desk)},
            [t.model_dump(mode="json") for t in store.tallies()])


def resolver_agrees(desk: dict[str, Any]) -> None:
    """The review was applied where the ledger is written: re-resolving (which re-applies
    every review) changes no incident and no tally check."""
    before = snapshot(desk)
    report = pipeline.update_ledger(desk["store"])
    assert (report.ledger.inserted, report.ledger.deleted) == (0, 0)
    assert snapshot(desk) == before


def test_every_review_shows_in_every_door_and_survives_reruns(desk: dict[str, Any]) -> None:
    store = desk["store"]
    before = check_every_door(desk)
    assert before["api"][0] > 0
    ledger = incidents(desk)
    tolled = [i for i in ledger if counted(i) and i.killed_low is not None
              and i.killed_high is not None]
    assert len(tolled) >= 4, "the samples hold several counted strikes with a toll"

    # 1. edit a toll (to low+1 – high+2) and check every door
    edited = tolled[0]
    new = (edited.killed_low + 1, edited.killed_high + 2)  # type: ignore[operator]
    r = review(desk, edited.id, "edit", killed_low=str(new[0]), killed_high=str(new[1]))
    assert (r["before"]["killed_low"], r["after"]["killed_low"]) == (edited.killed_low, new[0])
    after = check_every_door(desk)
    assert after["api"][0] == before["api"][0] + 1
    now = store.get_incident(edited.id)
    assert (now.killed_low, now.killed_high) == new and now.reviewed
    assert now.machine == {"killed_low": edited.killed_low, "killed_high": edited.killed_high}
    assert edited.id in [x["id"] for x in doors(desk, min_killed=str(new[0]))["api_rows"]]
    detail = desk["http"].get(f"/api/incidents/{edited.id}").json()
    assert detail["machine"]["killed_low"] == edited.killed_low  # kept for audit
    resolver_agrees(desk)
    exports_agree(desk)

    # 2. a status: threatened -> denied (or, without a threat in the ledger, a plan)
    planned = [i for i in ledger if i.status == "threatened"] or [
        i for i in ledger if i.status == "planned"]
    assert planned
    moved = planned[0]
    review(desk, moved.id, "edit", status="denied")
    assert moved.id in [x["id"] for x in check_every_door(desk, status="denied")["cli_rows"]]
    assert moved.id not in [x["id"] for x in doors(desk, status=moved.status)["api_rows"]]
    resolver_agrees(desk)

    # 3. reject: it stays listed but no longer counts, with one rejection flag
    rejected = tolled[1]
    review(desk, rejected.id, "reject")
    seen = check_every_door(desk)
    row = next(x for x in seen["api_rows"] if x["id"] == rejected.id)
    assert row["grade"] == "discounted" and row["flags"].count(REJECTED_FLAG) == 1
    assert not [f for f in row["flags"] if "reject" in f and f != REJECTED_FLAG]
    assert seen["api"][0] == after["api"][0] - rejected.killed_low  # type: ignore[operator]
    resolver_agrees(desk)

    # 4. merge two counted incidents: one row, the other id redirects to it
    a, b = tolled[2], tolled[3]
    review(desk, a.id, "merge", incident_ids=[b.id])
    seen = check_every_door(desk)
    ids = [x["id"] for x in seen["api_rows"]]
    assert a.id in ids and b.id not in ids
    merged = store.get_incident(a.id)
    assert set(b.mention_ids) <= set(merged.mention_ids)
    gone = desk["http"].get(f"/api/incidents/{b.id}", follow_redirects=False)
    assert gone.status_code == 307 and gone.headers["location"].endswith(a.id)
    resolver_agrees(desk)

    # 5. split a mention out of an incident with several
    big = max(incidents(desk), key=lambda i: len(i.mention_ids))
    assert len(big.mention_ids) >= 2
    out = big.mention_ids[:1]
    review(desk, big.id, "split", mention_ids=out)
    seen = check_every_door(desk)
    holders = [x["id"] for x in seen["api_rows"] if out[0] in x["mention_ids"]]
    assert len(holders) == 1 and holders[0] != big.id
    resolver_agrees(desk)

    # a re-ingest (all duplicates) and a from-scratch resolve keep every reviewed value
    reviewed = snapshot(desk)
    report = pipeline.run([str(sample_dir())], store)
    assert report.ledger.inserted == 0 and report.ledger.deleted == 0
    pipeline.update_ledger(store, from_scratch=True)
    assert snapshot(desk) == reviewed
    check_every_door(desk)

    # a re-extraction that changes the edited toll: the editor's value stays, flagged stale
    target = store.get_incident(edited.id)
    ms = [m for m in store.get_mentions(target.mention_ids) if m.killed_low is not None]
    assert ms
    changed = ms[0]
    art_mentions = list(store.mentions(changed.article_id))
    bumped = (changed.killed_high or changed.killed_low) + 10  # type: ignore[operator]
    store.replace_mentions(changed.article_id, [
        Mention.model_validate({**m.model_dump(), "killed_high": bumped})
        if m.id == changed.id else m for m in art_mentions])
    pipeline.update_ledger(store)
    holder = next(i for i in incidents(desk) if changed.id in i.mention_ids)
    assert (holder.killed_low, holder.killed_high) == new
    assert any(f.startswith(f"{STALE_FLAG}: killed_high") for f in holder.flags)
    page = desk["http"].get(f"/incidents/{holder.id}").text
    assert STALE_FLAG in page
    check_every_door(desk)
    exports_agree(desk)


@pytest.mark.parametrize("option, param, value, message", [
    ("--from", "date_from", "2025-9-1", "date_from: '2025-9-1' is not a date (YYYY-MM-DD)"),
    ("--from", "date_from", "last tuesday", "date_from: 'last tuesday' is not a date"),
    ("--to", "date_to", "2025-13-01", "date_to: '2025-13-01' is not a date"),
    ("--status", "status", "rumoured", "status: 'rumoured' is not one of occurred"),
    ("--grade", "grade", "solid", "grade: 'solid' is not one of confirmed"),
    ("--event-type", "event_type", "Strikes", "event_type: 'Strikes' is not one of"),
    ("--sub-event-type", "sub_event_type", "Drone", "sub_event_type: 'Drone' is not one of"),
    ("--target-kind", "target_kind", "boat", "target_kind: 'boat' is not one of vessel"),
    ("--domain", "domain", "space", "domain: 'space' is not one of land, sea, air"),
    ("--background", "background", "maybe", "background: 'maybe' is not true or false"),
    ("--min-killed", "min_killed", "-1", "min_killed: -1 is outside 0.."),
    ("--min-killed", "min_killed", "many", "min_killed: 'many' is not a whole number"),
    ("--sort", "sort", "casualties", "sort: 'casualties' is not one of date_low"),
    ("--offset", "offset", "-5", "offset: -5 is outside 0.."),
])
def test_a_bad_filter_is_refused_alike_by_the_cli_and_the_api(
        desk: dict[str, Any], option: str, param: str, value: str, message: str) -> None:
    code, out = cli("incidents", "--db", desk["url"], option, value)
    assert code == 2 and message in out
    cli_message = out.split("error:", 1)[1].strip()
    r = desk["http"].get("/api/incidents", params={param: value})
    assert r.status_code == 400 and r.json()["error"]["message"] == cli_message
    page = desk["http"].get("/", params={param: value})
    assert page.status_code == 400 and cli_message in html.unescape(page.text)


def test_background_filter_is_honoured(desk: dict[str, Any]) -> None:
    everything = doors(desk)["api_rows"]
    only = doors(desk, background="true")["api_rows"]
    none = doors(desk, background="false")["api_rows"]
    assert only and all(r["background"] for r in only)
    assert none and not any(r["background"] for r in none)
    assert len(only) + len(none) == len(everything)


def test_counting_rule_in_sql_equals_the_rule_in_python(desk: dict[str, Any],
                                                        tmp_path: Path) -> None:
    """Every combination of status, background and grade, summed by the database."""
    from strikewatch.records import GRADES, STATUSES

    store = open_store(str(tmp_path / "rule.db"))
    rows = [Incident(id=f"{s}-{b}-{g}", status=s, background=b, grade=g, killed_low=1,
                     killed_high=1)
            for s in STATUSES for b in (False, True) for g in GRADES]
    store.replace_ledger(rows, [])
    n, low, high, n_counted = store.killed_totals(IncidentQuery(limit=0))  # type: ignore[attr-defined]
    assert n == len(rows) and low == high == n_counted == sum(counted(r) for r in rows) == 4
    store.close()


def test_two_editors_at_once_neither_review_is_lost(tmp_path: Path) -> None:
    """A review computed from an incident another review has since changed is not written
    over it: the store refuses it (nothing written) and record_review redoes it."""
    from strikewatch.errors import StaleStore
    from strikewatch.ledger.write import decide, record_review

    store = open_store(str(tmp_path / "two.db"))
    store.replace_ledger([Incident(id="i1", status="occurred", killed_low=2, killed_high=2)], [])
    seen = store.get_incident("i1")
    first = decide(store, seen, "ann", "edit", {"killed_high": "4"})
    second = decide(store, seen, "bob", "edit", {"killed_low": "1"})
    store.record_review(first.review, first.changed, first.removed, base=first.base)
    with pytest.raises(StaleStore):
        store.record_review(second.review, second.changed, second.removed, base=second.base)
    assert [r.user for r in store.reviews("i1")] == ["ann"]  # nothing of bob's written
    record_review(store, seen, "bob", "edit", {"killed_low": "1"})  # from the stale read
    now = store.get_incident("i1")
    assert (now.killed_low, now.killed_high) == (1, 4)
    assert now.machine == {"killed_low": 2, "killed_high": 2}
    assert [r.user for r in store.reviews("i1")] == ["ann", "bob"]
    store.close()

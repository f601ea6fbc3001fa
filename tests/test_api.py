"""The REST API over a real SQLite and PostgreSQL store, spoken to over real HTTP on loopback."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from strikewatch.accounts.auth import WebSettings
from strikewatch.server import create_app
from tests._webdata import PASSWORDS, SCRIPT, make_store, serve


@pytest.fixture(scope="module")
def ledger(
    tmp_path_factory: pytest.TempPathFactory, module_db_url: str
) -> Iterator[dict[str, Any]]:
    """The API over the test ledger, once on SQLite and once on PostgreSQL (tests/pg.py)."""
    store, ids = make_store(tmp_path_factory.mktemp("api"), db=module_db_url)
    app = create_app(store, settings=WebSettings(secret_key="test-secret"))
    with serve(app) as base:
        yield {"base": base, "ids": ids, "store": store}


@pytest.fixture()
def api(ledger: dict[str, Any]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=ledger["base"], auth=("vic", PASSWORDS["vic"])) as c:
        yield c


def ids_of(resp: httpx.Response) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {i["id"] for i in resp.json()["items"]}


def test_reading_needs_a_user_unless_anonymous_is_on(ledger: dict[str, Any]) -> None:
    r = httpx.get(ledger["base"] + "/api/incidents")
    assert r.status_code == 401
    assert "sign in" in r.json()["error"]["message"]
    r = httpx.get(ledger["base"] + "/api/incidents", auth=("vic", "wrong password"))
    assert r.status_code == 401
    open_app = create_app(ledger["store"], settings=WebSettings(allow_anonymous=True))
    with serve(open_app) as base:
        assert httpx.get(base + "/api/incidents").json()["total"] == 4


def test_filters(api: httpx.Client) -> None:
    assert ids_of(api.get("/api/incidents", params={"status": "planned"})) == {"inc-mexico-plan"}
    assert ids_of(api.get("/api/incidents", params={"grade": "fair"})) == {"inc-carib-1"}
    assert ids_of(api.get("/api/incidents", params={"country": "mx"})) == {"inc-mexico-plan"}
    assert ids_of(api.get("/api/incidents", params={"country": "Caribbean Sea"})) == {
        "inc-carib-1", "inc-carib-2"}
    assert ids_of(api.get("/api/incidents", params={"date_from": "2025-10-01"})) == {
        "inc-pacific-1"}
    assert ids_of(api.get("/api/incidents", params={
        "date_from": "2025-09-01", "date_to": "2025-09-10"})) == {"inc-carib-1"}
    assert ids_of(api.get("/api/incidents", params={"actor": "navy"})) == {
        "inc-carib-1", "inc-pacific-1", "inc-carib-2"}
    assert ids_of(api.get("/api/incidents", params={"event_type": "Strategic developments"})
                  ) == {"inc-mexico-plan"}
    assert "inc-pacific-1" in ids_of(api.get("/api/incidents", params={"q": "pacific"}))


def test_pagination_sorting_and_totals(api: httpx.Client) -> None:
    occurred = {"status": "occurred", "sort": "-killed_low"}
    first = api.get("/api/incidents", params={**occurred, "limit": 2, "totals": "true"}).json()
    second = api.get("/api/incidents", params={**occurred, "limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 3
    assert [i["id"] for i in first["items"] + second["items"]] == [
        "inc-carib-1", "inc-pacific-1", "inc-carib-2"]  # killed_low 9, 3, 2
    up = api.get("/api/incidents", params={**occurred, "sort": "killed_low"}).json()
    assert [i["killed_low"] for i in up["items"]] == [2, 3, 9]
    # killed totals: inc-carib-2 says "at least 2", so the sum has no upper bound
    assert first["totals"] == {"incidents": 3, "killed_low": 9 + 3 + 2, "killed_high": None,
                               "summed": True}
    everything = api.get("/api/incidents", params={"totals": "true"}).json()["totals"]
    assert everything["incidents"] == 4 and everything["killed_low"] == 14  # planned adds 0


def test_a_count_past_the_cap_says_it_is_not_exact(
        api: httpx.Client, monkeypatch: pytest.MonkeyPatch) -> None:
    """Counts that are not kept stop past COUNT_CAP and the page says so; kept counts
    (status, grade, country...) and totals=true stay exact."""
    from strikewatch.api import routes

    monkeypatch.setattr(routes, "COUNT_CAP", 2)
    dated = {"date_from": "1900-01-01"}
    page = api.get("/api/incidents", params=dated).json()
    assert len(page["items"]) > 2  # the true count, read from the rows
    # a page that holds every match is its own exact total: nothing to count
    assert (page["total"], page["total_exact"]) == (len(page["items"]), True)
    first = api.get("/api/incidents", params={**dated, "limit": 1}).json()
    assert (first["total"], first["total_exact"]) == (2, False)
    second = api.get("/api/incidents", params={**dated, "limit": 1, "after": first["next"]})
    assert (second.json()["total"], second.json()["total_exact"]) == (2, False)
    few = api.get("/api/incidents", params={**dated, "date_to": "1900-01-02"}).json()
    assert (few["total"], few["total_exact"]) == (0, True)
    kept = api.get("/api/incidents", params={"status": "occurred"}).json()
    assert (kept["total"], kept["total_exact"]) == (3, True)
    summed = api.get("/api/incidents", params={**dated, "totals": "true"}).json()
    assert (summed["total"], summed["total_exact"]) == (len(page["items"]), True)


def test_totals_are_exact_past_the_cap_when_the_store_sums_in_sql(ledger: dict[str, Any]) -> None:
    from strikewatch.ledger.counting import sum_killed
    from strikewatch.ledger.read import ledger_totals
    from strikewatch.store import IncidentQuery

    store = ledger["store"]
    everything = IncidentQuery(limit=0)
    over = ledger_totals(store, everything, cap=3)  # 4 matches: past the cap, yet summed
    by_hand = sum_killed(store.incidents(everything))
    assert over.summed and over.incidents == 4
    assert (over.killed_low, over.killed_high, over.counted) == by_hand


def test_totals_are_not_summed_past_the_cap_by_a_store_without_sql_sums(
        ledger: dict[str, Any]) -> None:
    from strikewatch.ledger.read import ledger_totals
    from strikewatch.store import IncidentQuery

    class PlainStore(type(ledger["store"])):  # type: ignore[misc]
        killed_totals = None  # a Store implementation that offers no SQL sums

    store = ledger["store"]
    plain = PlainStore.__new__(PlainStore)
    plain.__dict__.update(store.__dict__)
    over = ledger_totals(plain, IncidentQuery(), cap=3)
    assert (over.incidents, over.summed, over.killed_low, over.killed_high) == (
        4, False, None, None)
    within = ledger_totals(plain, IncidentQuery(status="occurred"), cap=3)
    assert within.summed and within.killed_low is not None and within.counted == 3


@pytest.mark.parametrize("params, needle", [
    ({"date_from": "last tuesday"}, "date_from"),
    ({"sort": "casualties"}, "sort"),
    ({"status": "rumoured"}, "status"),
    ({"date_from": "2025-10-01", "date_to": "2025-09-01"}, "date_from is after date_to"),
    ({"limit": "0"}, "limit"),
    ({"limit": "many"}, "limit"),
])
def test_bad_parameters_are_json_errors_naming_the_parameter(
        api: httpx.Client, params: dict[str, str], needle: str) -> None:
    r = api.get("/api/incidents", params=params)
    assert r.status_code in (400, 422)
    err = r.json()["error"]
    assert err["status"] == r.status_code and needle in err["message"]


def test_one_incident_with_sources_mentions_and_provenance(
        api: httpx.Client, ledger: dict[str, Any]) -> None:
    r = api.get("/api/incidents/inc-carib-1")
    assert r.status_code == 200
    body = r.json()
    assert body["incident"]["grade"] == "fair"
    assert {s["publisher"] for s in body["sources"]} == {"Harbor Gazette", "Coastal Wire"}
    assert {m["id"] for m in body["mentions"]} == set(ledger["ids"]["mentions"].values())
    texts = {s["text"] for s in body["provenance"]["killed"]}
    assert texts == {"killing eleven people aboard", "Eleven people died",
                     "put the toll at nine"}
    # every span's text is exactly its slice of the article
    for spans in body["provenance"].values():
        for s in spans:
            art = api.get(f"/api/articles/{s['article_id']}").json()["article"]
            assert art["text"][s["start"]:s["end"]] == s["text"]
    missing = api.get("/api/incidents/no-such-id")
    assert missing.status_code == 404
    assert missing.json()["error"]["message"] == "no incident with id 'no-such-id'"


def test_tallies_and_articles(api: httpx.Client, ledger: dict[str, Any]) -> None:
    tallies = api.get("/api/tallies").json()["items"]
    assert [t["reconciliation"]["state"] for t in tallies] == ["inconsistent"]
    assert tallies[0]["killed_low"] == 40
    arts = api.get("/api/articles").json()
    assert arts["total"] == 5 and "text" not in arts["items"][0]
    one = api.get(f"/api/articles/{ledger['ids']['articles']['A']}").json()
    assert SCRIPT in one["article"]["text"]  # JSON carries the text as data, verbatim
    assert len(one["mentions"]) == 1
    assert api.get("/api/articles/nope").status_code == 404


def test_unknown_routes_and_methods_are_json_errors(api: httpx.Client) -> None:
    r = api.get("/api/nothing-here")
    assert r.status_code == 404 and r.json()["error"]["status"] == 404
    r = api.post("/api/incidents")
    assert r.status_code == 405 and "error" in r.json()


def test_extra_filters(api: httpx.Client) -> None:
    assert ids_of(api.get("/api/incidents", params={"min_killed": "3"})) == {
        "inc-carib-1", "inc-pacific-1"}
    assert ids_of(api.get("/api/incidents", params={"target_kind": "vessel"})) == {
        "inc-carib-1", "inc-pacific-1"}
    r = api.get("/api/incidents", params={"min_killed": "-1"})
    assert r.status_code in (400, 422) and "min_killed" in r.json()["error"]["message"]


def test_openapi_lists_the_routes(api: httpx.Client) -> None:
    spec = api.get("/openapi.json").json()
    for path in ("/api/incidents", "/api/incidents/{incident_id}", "/api/tallies",
                 "/api/articles", "/api/articles/{article_id}", "/api/export"):
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"date_from", "date_to", "country", "status", "grade", "event_type", "actor", "q",
            "limit", "offset", "sort"} <= params


def test_export_formats(api: httpx.Client) -> None:
    from strikewatch.api import exporting

    r = api.get("/api/export", params={"format": "xml"})
    assert r.status_code == 400 and "format" in r.json()["error"]["message"]
    r = api.get("/api/export", params={"format": "jsonl"})
    if r.status_code == 501:
        pytest.skip(f"exporters not merged yet: {exporting.__doc__!s:.40}")
    assert r.status_code == 200
    records = [json.loads(ln) for ln in r.text.splitlines() if ln.strip()]
    assert sorted(x["kind"] for x in records) == ["incident"] * 4 + ["tally"]
    one = next(x for x in records if x["id"] == "inc-carib-1")
    assert one["killed_low"] == 9 and one["provenance"]["killed"]
    r = api.get("/api/export", params={"format": "csv", "grade": "weak"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["id"] for row in rows} == {"inc-pacific-1", "inc-mexico-plan", "inc-carib-2"}
    assert "event_date" in rows[0] and "fatalities" in rows[0]  # ACLED's names
    r = api.get("/api/export", params={"format": "geojson", "status": "occurred"})
    features = r.json()["features"]
    assert {f["properties"]["id"] if "id" in f["properties"] else f.get("id")
            for f in features} == {"inc-carib-1", "inc-pacific-1", "inc-carib-2"}


def test_reviews_through_the_api(ledger: dict[str, Any]) -> None:
    base, store = ledger["base"], ledger["store"]
    url = base + "/api/incidents/inc-carib-2/reviews"
    body = {"action": "edit", "data": {"killed_low": 4, "killed_high": 6}, "note": "checked"}
    r = httpx.post(url, json=body, auth=("vic", PASSWORDS["vic"]))
    assert r.status_code == 403 and "viewer" in r.json()["error"]["message"]
    r = httpx.post(url, json=body)
    assert r.status_code == 403 and "CSRF" in r.json()["error"]["message"]
    r = httpx.post(url, json={"action": "edit", "data": {"mention_ids": []}},
                   auth=("eve", PASSWORDS["eve"]))
    assert r.status_code == 400 and "cannot edit mention_ids" in r.json()["error"]["message"]
    r = httpx.post(url, json={"action": "promote"}, auth=("eve", PASSWORDS["eve"]))
    assert r.status_code == 400 and "unknown review action" in r.json()["error"]["message"]
    r = httpx.post(url, json=body, auth=("eve", PASSWORDS["eve"]))
    assert r.status_code == 201, r.text
    review = r.json()
    assert (review["user"], review["action"]) == ("eve", "edit")
    assert review["payload"] == {"killed_low": 4, "killed_high": 6}
    assert review["before"]["killed_low"] == 2 and review["after"]["killed_high"] == 6
    assert [x.id for x in store.reviews("inc-carib-2")] == [review["id"]]
    # a signed-in browser session posts with the page's CSRF token in a header
    with httpx.Client(base_url=base) as c:
        page = c.get("/login").text
        token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        c.post("/login", data={"username": "eve", "password": PASSWORDS["eve"],
                               "csrf_token": token})
        r = c.post("/api/incidents/inc-carib-2/reviews", json={"action": "accept"})
        assert r.status_code == 403
        # the sign-in page's token was bound to the browser, not to the session since made
        r = c.post("/api/incidents/inc-carib-2/reviews", json={"action": "accept"},
                   headers={"X-CSRF-Token": token})
        assert r.status_code == 403 and "CSRF" in r.json()["error"]["message"]
        page = c.get("/incidents/inc-carib-2").text
        token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        r = c.post("/api/incidents/inc-carib-2/reviews", json={"action": "accept"},
                   headers={"X-CSRF-Token": token})
        assert r.status_code == 201 and r.json()["action"] == "accept"
    shown = httpx.get(base + "/api/incidents/inc-carib-2", auth=("vic", PASSWORDS["vic"]))
    assert shown.json()["incident"]["killed_high"] == 6  # the review wins over the machine
    assert shown.json()["machine"]["killed_high"] is None
    listed = httpx.get(base + "/api/incidents", params={"status": "occurred"},
                       auth=("vic", PASSWORDS["vic"])).json()["items"]
    assert {i["id"]: i["killed_high"] for i in listed}["inc-carib-2"] == 6


def test_cursor_pages_follow_next_and_deep_offsets_are_refused(api: httpx.Client) -> None:
    """Keyset paging over HTTP: `next` of each page as `after` reads every match once, in
    the order of one whole page; an offset past the limit is a 400 naming the cursor."""
    params = {"sort": "-killed_low", "limit": 1}
    whole = [i["id"] for i in api.get("/api/incidents", params={
        "sort": "-killed_low"}).json()["items"]]
    walked, after = [], None
    while True:
        page = api.get("/api/incidents", params={**params, **(
            {"after": after} if after else {})}).json()
        walked += [i["id"] for i in page["items"]]
        assert page["total"] == len(whole)
        after = page["next"]
        if after is None:
            break
    assert walked == whole and len(whole) >= 3
    r = api.get("/api/incidents", params={"offset": 900000})
    assert r.status_code == 400
    assert "after" in r.json()["error"]["message"] and "next" in r.json()["error"]["message"]
    r = api.get("/api/incidents", params={"after": "garbage", "sort": "date_low"})
    assert r.status_code == 400 and "cursor" in r.json()["error"]["message"]

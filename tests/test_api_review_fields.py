"""Reviews through the API: every closed vocabulary refuses a value outside it with a 400
naming the field and the choices; place and actor fields are editable and stored."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests._webdata import PASSWORDS

EDITOR = ("eve", PASSWORDS["eve"])

OUTSIDE = [
    ("event_type", "Nonsense type", "Battles"),
    ("sub_event_type", "Nonsense", "Air/drone strike"),
    ("status", "rumoured", "occurred"),
    ("grade", "great", "confirmed"),
    ("target_kind", "spaceship", "vessel"),
    ("domain", "space", "sea"),
    ("action", "invasion", "deployment"),
    ("time_precision", "4", "1, 2, 3"),
    ("background", "maybe", "true, false"),
    ("place.kind", "planet", "sea"),
    ("place.geo_precision", "9", "1, 2, 3, 4, 5, 6"),
    ("place.country", "ZZ", "ISO 3166-1"),
    ("actor1.type", "aliens", "non_state"),
    ("actor2.country", "Mexico", "ISO 3166-1"),
    ("place.latitude", "91", "-90..90"),
]


def _post(base: str, incident: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(f"{base}/api/incidents/{incident}/reviews", json=body, auth=EDITOR,
                      timeout=30)


@pytest.mark.parametrize(("name", "value", "named_choice"), OUTSIDE)
def test_a_value_outside_the_vocabulary_is_refused(web_site: dict[str, Any], name: str,
                                                   value: str, named_choice: str) -> None:
    r = _post(web_site["base"], "inc-pacific-1",
              {"action": "edit", "data": {name: value}})
    assert r.status_code == 400, r.text
    message = r.json()["error"]["message"]
    assert name in message and named_choice in message, message
    assert web_site["store"].reviews("inc-pacific-1") == []


def test_unknown_fields_and_nameless_actors_are_refused(web_site: dict[str, Any]) -> None:
    base = web_site["base"]
    r = _post(base, "inc-pacific-1", {"action": "edit", "data": {"place.population": "9"}})
    assert r.status_code == 400 and "cannot edit place.population" in r.text
    r = _post(base, "inc-pacific-1", {"action": "edit", "data": {"actor2.type": "civilians"}})
    assert r.status_code == 400 and "give the actor a name" in r.text
    # a sub-event type belongs to one event type
    r = _post(base, "inc-pacific-1", {"action": "edit", "data": {"event_type": "Battles"}})
    assert r.status_code == 400 and "is a kind of 'Explosions/Remote violence'" in r.text
    assert web_site["store"].reviews("inc-pacific-1") == []


def test_place_and_actor_edits_are_stored_with_the_machine_values(
        web_site: dict[str, Any]) -> None:
    base, store = web_site["base"], web_site["store"]
    r = _post(base, "inc-carib-2", {"action": "edit", "note": "the report says off Trinidad",
                                    "data": {"place.name": "Gulf of Paria",
                                             "place.country": "tt", "time_precision": 1,
                                             "actor2.name": "Fishing crew",
                                             "actor2.type": "civilians",
                                             "missing_low": 2, "background": False}})
    assert r.status_code == 201, r.text
    inc = store.get_incident("inc-carib-2")
    assert inc.place.name == "Gulf of Paria" and inc.place.country == "TT"
    assert inc.place.latitude == 15.2  # the coordinates stay until an editor moves them
    assert (inc.actor2.name, inc.actor2.type) == ("Fishing crew", "civilians")
    assert inc.time_precision == 1 and inc.missing_low == 2
    assert inc.machine["place.name"] == "Caribbean Sea" and inc.machine["actor2.name"] is None
    assert "background" not in inc.machine  # unchanged values are not edits
    # the API's detail gives the machine's reading beside the reviewed one
    detail = httpx.get(f"{base}/api/incidents/inc-carib-2", auth=EDITOR).json()
    assert detail["machine"]["place"]["name"] == "Caribbean Sea"
    assert detail["machine"]["actor2"] is None
    assert detail["incident"]["place"]["name"] == "Gulf of Paria"


def test_the_resolver_reapplies_place_and_actor_edits() -> None:
    """A re-run of the resolver gives the same reviewed incident (ledger.reviews applies
    dotted fields the same way), and the stale flag names a moved machine value."""
    from strikewatch.ledger.reviews import apply_reviews, machine_values, make_review
    from strikewatch.records import Actor, Incident, Place

    machine = Incident(id="i", status="occurred", killed_low=3, killed_high=3,
                       place=Place(name="Caribbean Sea", kind="sea", latitude=15.0,
                                   longitude=-66.0, geo_precision=6),
                       actor1=Actor(name="US Navy", type="military", country="US"))
    review = make_review("edit", machine, "eve", {"place.name": "Gulf of Paria",
                                                  "place.country": "TT",
                                                  "actor1.type": "state_forces"})
    [after] = apply_reviews([machine], [review], {}, {})
    assert after.place is not None and after.actor1 is not None
    assert (after.place.name, after.place.country, after.place.latitude) == (
        "Gulf of Paria", "TT", 15.0)
    assert after.actor1.type == "state_forces" and after.actor1.name == "US Navy"
    assert machine_values(after).place == machine.place
    assert machine_values(after).actor1 == machine.actor1
    # a later report moves the machine's place: the edit still wins, flagged stale
    moved = machine.model_copy(update={"place": Place(name="Pacific Ocean", kind="sea")})
    [again] = apply_reviews([moved], [review], {}, {})
    assert again.place is not None and again.place.name == "Gulf of Paria"
    assert any(f.startswith("review stale: place.name") for f in again.flags)

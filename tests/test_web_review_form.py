"""The review form in Chromium: every reviewable field, human labels, choices for closed
vocabularies (and the server refusing what the choices would not offer), edited values
marked with who and when beside the machine's reading, readable split choices, and marks
that tell a rejected incident from one whose reports differ."""

from __future__ import annotations

from typing import Any

import pytest

from strikewatch.ledger.reviews import CHOICES, EDITABLE
from tests._browser import PHONE, no_overflow, open_page, shot, sign_in
from tests.test_web_browser import ARTIFACTS

pytestmark = pytest.mark.browser


def _edit_form(pg: Any) -> Any:
    pg.click("summary:has-text('Edit fields')")
    return pg.locator("form.edit")


def test_every_field_with_labels_and_choices(web_site: dict[str, Any],
                                             web_browser: Any) -> None:
    base = web_site["base"]
    pg = open_page(web_browser)
    sign_in(pg, base, "eve")
    pg.goto(base + "/incidents/inc-carib-1")
    form = _edit_form(pg)
    shown = form.locator("label[data-field]").evaluate_all(
        "ls => ls.map(l => [l.dataset.field, l.querySelector('.name').textContent])")
    assert sorted(f for f, _ in shown) == sorted(EDITABLE)
    for name, text in shown:  # people's words, never the record's field names
        assert "_" not in text and text != name and text.strip(), (name, text)
    for name, kind in EDITABLE.items():
        control = form.locator(f"label[data-field='{name}'] select, "
                               f"label[data-field='{name}'] input")
        assert control.count() == 1, name
        tag = control.evaluate("e => e.tagName")
        assert (tag == "SELECT") == (kind in CHOICES), (name, tag)
    # the sub-event types come grouped under their event type
    groups = form.locator("select[name=sub_event_type] optgroup").evaluate_all(
        "gs => gs.map(g => g.label)")
    assert "Explosions/Remote violence" in groups and "Battles" in groups
    assert form.locator("select[name='place.kind'] option:checked").inner_text() == (
        "sea or ocean")
    shot(pg, "review-form")
    assert pg.errors == [], pg.errors


def test_a_value_outside_the_choices_is_refused(web_site: dict[str, Any],
                                               web_browser: Any) -> None:
    base = web_site["base"]
    pg = open_page(web_browser)
    sign_in(pg, base, "eve")
    pg.goto(base + "/incidents/inc-pacific-1")
    form = _edit_form(pg)
    # what a hand-made request would send: a value the list does not offer
    form.locator("select[name=event_type]").evaluate(
        "s => { const o = new Option('Nonsense type', 'Nonsense type'); s.add(o); "
        "s.value = 'Nonsense type'; }")
    with pg.expect_response(lambda r: r.url.endswith("/review")) as answer:
        form.locator("button[type=submit]").click()
    assert answer.value.status == 400
    alert = pg.inner_text("[role=alert]")
    assert "'Nonsense type' is not one of" in alert and "Battles" in alert
    assert web_site["store"].reviews("inc-pacific-1") == []


def test_edits_are_marked_with_who_and_the_machine_reading(web_site: dict[str, Any],
                                                           web_browser: Any) -> None:
    base, store = web_site["base"], web_site["store"]
    pg = open_page(web_browser)
    sign_in(pg, base, "eve")
    pg.goto(base + "/incidents/inc-carib-1")
    form = _edit_form(pg)
    form.locator("input[name='place.name']").fill("Gulf of Paria")
    form.locator("input[name='place.country']").fill("TT")
    form.locator("input[name='actor2.name']").fill("Fishing crew")
    form.locator("select[name='actor2.type']").select_option("civilians")
    form.locator("input[name=missing_low]").fill("1")
    form.locator("input[name=children_killed_low]").fill("0")
    form.locator("input[name=children_killed_high]").fill("0")
    form.locator("select[name=target_kind]").select_option("vessel")  # unchanged
    form.locator("input[name=note]").fill("the coast guard names the gulf")
    with pg.expect_navigation():
        form.locator("button[type=submit]").click()
    inc = store.get_incident("inc-carib-1")
    assert inc.place.name == "Gulf of Paria" and inc.place.country == "TT"
    assert (inc.actor2.name, inc.actor2.type) == ("Fishing crew", "civilians")
    assert (inc.missing_low, inc.children_killed_low, inc.children_killed_high) == (1, 0, 0)
    assert "target_kind" not in inc.machine
    # the field table: the value shown, who changed it and when, and what the machine read
    place_row = pg.locator("table.fields tr:has(th:text-is('Place'))")
    note = place_row.locator(".edited").inner_text()
    assert "by eve" in note and "UTC" in note and "machine: Caribbean Sea" in note
    assert "Gulf of Paria" in place_row.inner_text()
    # the form: the same beside the field
    form = _edit_form(pg)
    mark = form.locator("label[data-field='actor2.name'] .edited").inner_text()
    assert "edited by eve" in mark and "machine read: Boat crew" in mark
    assert form.locator("label[data-field='event_type'] .edited").count() == 0
    # the history names the fields in words too
    diff = pg.locator("ol.history li").first.locator("table.diff").inner_text()
    assert "Place name" in diff and "place.name" not in diff
    shot(pg, "review-edited")
    assert pg.errors == [], pg.errors


def test_split_choices_are_readable(web_site: dict[str, Any], web_browser: Any) -> None:
    base = web_site["base"]
    pg = open_page(web_browser)
    sign_in(pg, base, "eve")
    pg.goto(base + "/incidents/inc-carib-1")
    pg.click("summary:has-text('Split mentions off')")
    choices = pg.locator("label.split-choice")
    assert choices.count() == 2
    texts = choices.all_inner_texts()
    ids = web_site["ids"]["mentions"].values()
    assert not any(mid in t for t in texts for mid in ids)  # no hash ids to decode
    assert any("Harbor Gazette · 2025-09-02 · Caribbean Sea · killed 11" in t for t in texts)
    assert any("Coastal Wire" in t and "killed 9–11" in t for t in texts)
    assert any("Navy drones struck a speedboat" in t for t in texts)
    shot(pg, "review-split")


def test_rejected_and_reports_differ_look_different(web_site: dict[str, Any],
                                                   web_browser: Any) -> None:
    base = web_site["base"]
    pg = open_page(web_browser)
    sign_in(pg, base, "eve")
    pg.goto(base + "/incidents/inc-carib-2")
    pg.fill("form:has(input[value=reject]) input[name=note]", "a duplicate of a drill report")
    with pg.expect_navigation():
        pg.click("form:has(input[value=reject]) button[type=submit]")
    assert "rejected in review" in pg.inner_text(".sub .mark-rejected")
    pg.goto(base + "/")
    rejected = pg.locator("tr:has(a[href$='/inc-carib-2']) .mark")
    differ = pg.locator("tr:has(a[href$='/inc-carib-1']) .mark")
    assert rejected.evaluate_all("ms => ms.map(m => m.className)") == ["mark mark-rejected"]
    assert differ.evaluate_all("ms => ms.map(m => m.className)") == ["mark mark-differ"]
    assert rejected.inner_text() != differ.inner_text()
    assert differ.inner_text() == "⚑ reports differ"
    assert rejected.inner_text() == "✕ rejected in review"
    assert "sources disagree" in differ.get_attribute("title")
    shot(pg, "ledger-marks")


def test_incident_page_fits_a_phone(web_site: dict[str, Any], web_browser: Any) -> None:
    base = web_site["base"]
    pg = open_page(web_browser, **PHONE)
    sign_in(pg, base, "eve")
    pg.goto(base + "/incidents/inc-carib-1")
    _edit_form(pg)
    pg.click("summary:has-text('Split mentions off')")
    no_overflow(pg)
    shot(pg, "review-form-390")
    # the parts a reader zooms into, one picture each
    for part, selector in (("fields", "table.fields"), ("form", "form.edit"),
                           ("split", "form:has(input[value=split])")):
        pg.locator(selector).screenshot(path=str(ARTIFACTS / f"web-review-390-{part}.png"))

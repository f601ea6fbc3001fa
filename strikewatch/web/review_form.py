"""The incident page's review form: every editable field (ledger.reviews.EDITABLE) with a
label a reader understands, a choice list wherever the vocabulary is closed, and, beside a
value an editor changed, who changed it, when, and what the machine had read.

Why a module of its own: the form is built from the ledger core's list of fields and
vocabularies (so a field added there appears here, and the server refuses what the form
would never offer); only the words people read are kept here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strikewatch.ledger.reviews import CHOICES, EDITABLE, field_value, last_edits
from strikewatch.records import EVENT_TAXONOMY, Article, Incident, Mention, Review

#: What each editable field is called on the page.
LABELS: dict[str, str] = {
    "event_type": "Event type", "sub_event_type": "Sub-event type",
    "action": "Action (strategic developments)", "target_kind": "Target",
    "domain": "Domain", "status": "Status", "background": "Recalled as background",
    "grade": "Grade", "grade_reason": "Why this grade",
    "date_low": "Date, earliest", "date_high": "Date, latest",
    "time_precision": "Date known within",
    "place.name": "Place name", "place.admin1": "Province or state",
    "place.country": "Country (ISO code)", "place.kind": "Kind of place",
    "place.latitude": "Latitude", "place.longitude": "Longitude",
    "place.geo_precision": "Place known to",
    "actor1.name": "Actor 1 (who acted)", "actor1.type": "Actor 1: type",
    "actor1.country": "Actor 1: country (ISO code)",
    "actor2.name": "Actor 2 (who was hit)", "actor2.type": "Actor 2: type",
    "actor2.country": "Actor 2: country (ISO code)",
    **{f"{base}_{end}": f"{words}, {'at least' if end == 'low' else 'at most'}"
       for base, words in (("killed", "Killed"), ("injured", "Injured"),
                           ("civilians_killed", "Civilians killed"),
                           ("children_killed", "Children killed"),
                           ("survivors", "Survivors"), ("missing", "Missing"))
       for end in ("low", "high")},
}

#: How a closed vocabulary's values read, where the value itself is not plain words.
VALUE_LABELS: dict[str, dict[str, str]] = {
    "time_precision": {"1": "a day", "2": "a week", "3": "a month"},
    "geo_precision": {"1": "the exact spot", "2": "the town (within ~25 km)",
                      "3": "the district", "4": "the province or state", "5": "the country",
                      "6": "the sea or ocean"},
    "bool": {"true": "yes: history recalled as context", "false": "no"},
    "actor_type": {"state_forces": "state forces", "non_state": "non-state armed group"},
    "place_kind": {"sea": "sea or ocean"},
}

#: The form's sections, in reading order.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("What happened", ("event_type", "sub_event_type", "action", "target_kind", "domain",
                       "status", "background")),
    ("When", ("date_low", "date_high", "time_precision")),
    ("Where", ("place.name", "place.kind", "place.country", "place.admin1",
               "place.latitude", "place.longitude", "place.geo_precision")),
    ("Who", ("actor1.name", "actor1.type", "actor1.country", "actor2.name", "actor2.type",
             "actor2.country")),
    ("Toll", ("killed_low", "killed_high", "civilians_killed_low", "civilians_killed_high",
              "children_killed_low", "children_killed_high", "injured_low", "injured_high",
              "survivors_low", "survivors_high", "missing_low", "missing_high")),
    ("Grade", ("grade", "grade_reason")),
)
#: Fields posted under another name: the form's own `action` says what the review does
#: (edit, accept…), so the incident's `action` field travels as `event_action`.
FORM_NAMES = {"action": "event_action"}
#: Kinds parsed as whole numbers or decimals (ledger.reviews.parse_field).
_NUMBER = {"int": "1", "latitude": "any", "longitude": "any"}


def label(name: str) -> str:
    """A field's label on the page; the field name itself for anything unlisted."""
    return LABELS.get(name, name)


def shown(name: str, value: Any) -> str:
    """A value as the form's reader reads it ('—' for not reported)."""
    if value is None or value == "":
        return "—"
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return VALUE_LABELS.get(EDITABLE.get(name, ""), {}).get(text, text)


def from_form(form: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(what the review does, the decision's data by field name) from a posted form."""
    data = dict(form)
    action = str(data.pop("action", ""))
    for name, posted in FORM_NAMES.items():
        if posted in data:
            data[name] = data.pop(posted)
    return action, data


@dataclass
class FormField:
    name: str
    label: str
    control: str  # select, number, date, text
    value: str  # as the control holds it
    options: list[tuple[str, str, str]] = field(default_factory=list)  # (group, value, label)
    step: str = ""
    required: bool = False
    edited_by: str = ""  # "eve, 2025-12-05 14:03 UTC" when an editor set the value
    machine: str = ""  # the machine's value, when an editor changed it

    @property
    def input_name(self) -> str:
        return FORM_NAMES.get(self.name, self.name)


def _options(name: str, current: str) -> list[tuple[str, str, str]]:
    kind = EDITABLE[name]
    words = VALUE_LABELS.get(kind, {})
    if kind == "sub_event_type":
        opts = [(group, v, v) for group, subs in EVENT_TAXONOMY.items() for v in subs]
    else:
        opts = [("", v, words.get(v, v.replace("_", " "))) for v in CHOICES[kind]]
    if current and current not in {v for _, v, _ in opts}:  # kept from before the list
        opts.insert(0, ("", current, f"{current} (not in today's list)"))
    if kind not in ("status", "grade", "bool"):
        opts.insert(0, ("", "", "— not reported —"))
    return opts


def _who(review: Review) -> str:
    return f"{review.user}, {review.at[:16].replace('T', ' ')} UTC"


def review_form(inc: Incident, reviews: list[Review]) -> list[tuple[str, list[FormField]]]:
    """The form's sections, each a list of fields with their current values."""
    edits = last_edits(reviews)
    out = []
    for title, names in SECTIONS:
        fields = []
        for name in names:
            kind = EDITABLE[name]
            value = field_value(inc, name)
            text = "" if value is None else (str(value).lower() if isinstance(value, bool)
                                             else str(value))
            f = FormField(name, label(name), "text", text)
            if kind in CHOICES:
                f.control, f.options = "select", _options(name, text)
                f.required = kind in ("status", "grade", "bool")
            elif kind in _NUMBER:
                f.control, f.step = "number", _NUMBER[kind]
            elif kind == "date":
                f.control = "date"
            if name in inc.machine:
                f.machine = shown(name, inc.machine[name])
                if name in edits:
                    f.edited_by = _who(edits[name])
            fields.append(f)
        out.append((title, fields))
    return out


def edited_note(inc: Incident, reviews: list[Review], names: tuple[str, ...],
                machine_value: str) -> str:
    """'by eve, 2025-12-05 14:03 UTC · machine: 9–11' for a row of the incident page whose
    fields an editor changed; '' when none was."""
    changed = [n for n in names if n in inc.machine]
    if not changed:
        return ""
    edits = last_edits(reviews)
    who = sorted({_who(edits[n]) for n in changed if n in edits})
    return " · ".join([*(f"by {w}" for w in who), f"machine: {machine_value or '—'}"])


def mention_label(m: Mention, article: Article | None) -> str:
    """A mention as an editor picks it for a split: source, date, place and toll."""
    bits = [article.publisher or article.title or "article" if article else "article",
            m.date_low or "date unknown"]
    if m.place is not None and (m.place.name or m.place.country):
        bits.append(m.place.name or m.place.country or "")
    if m.killed_low is not None or m.killed_high is not None:
        low, high = m.killed_low, m.killed_high
        toll = (f"≥{low}" if high is None else f"≤{high}" if low is None
                else str(low) if low == high else f"{low}–{high}")
        bits.append(f"killed {toll}")
    else:
        bits.append("toll not reported")
    return " · ".join(bits)


def mention_snippet(m: Mention, article: Article | None, limit: int = 160) -> str:
    """The first sentence the mention rests on, cut to `limit` characters."""
    if not m.spans:
        return ""
    sp = m.spans[0]
    text = sp.text or (article.text[sp.start:sp.end] if article else "")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

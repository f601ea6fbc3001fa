"""Review decisions (accept, edit, merge, split, reject) as records.Review, and their effect.

The payloads follow strikewatch.resolve.reviews, which re-applies every review to each
freshly resolved ledger: edit -> {field: value}; merge -> {"incident_ids": [...]} (folded
into this incident); split -> {"mention_ids": [...]} (moved out); reject -> grade
discounted with the reviewer's reason. Until the next resolve run the page shows the stored
incident with its reviews overlaid here; applying is idempotent (setting fields, set
unions), so the overlay is also right after the resolver has applied them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from strikewatch.records import GRADES, STATUSES, Incident, Review
from strikewatch.validation import InvalidText, canonical_date

#: Fields an editor may change, with how the form value is parsed.
EDITABLE: dict[str, str] = {
    "event_type": "str", "sub_event_type": "str", "status": "status", "grade": "grade",
    "grade_reason": "str", "date_low": "date", "date_high": "date",
    "killed_low": "int", "killed_high": "int", "injured_low": "int", "injured_high": "int",
    "civilians_killed_low": "int", "civilians_killed_high": "int",
}


class ReviewError(ValueError):
    """A review that cannot be applied (bad value, unknown incident)."""


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def parse_field(name: str, raw: str) -> Any:
    """Turn a form value into the field's type; '' means 'not reported' (None)."""
    raw = raw.strip()
    kind = EDITABLE[name]
    if raw == "":
        if kind in ("status", "grade"):
            raise ReviewError(f"{name} may not be empty")
        return None
    if kind == "int":
        try:
            value = int(raw)
        except ValueError:
            raise ReviewError(f"{name}: {raw!r} is not a whole number") from None
        if value < 0:
            raise ReviewError(f"{name}: a count cannot be negative")
        return value
    if kind == "date":
        try:
            return canonical_date(name, raw)
        except InvalidText as exc:
            raise ReviewError(str(exc)) from None
    if kind == "status" and raw not in STATUSES:
        raise ReviewError(f"status must be one of {', '.join(STATUSES)}")
    if kind == "grade" and raw not in GRADES:
        raise ReviewError(f"grade must be one of {', '.join(GRADES)}")
    return raw


def _check(inc: Incident) -> None:
    for base in ("killed", "injured", "civilians_killed"):
        lo, hi = getattr(inc, f"{base}_low"), getattr(inc, f"{base}_high")
        if lo is not None and hi is not None and lo > hi:
            raise ReviewError(f"{base}: low ({lo}) is above high ({hi})")
    if inc.date_low and inc.date_high and inc.date_low > inc.date_high:
        raise ReviewError("date_low is after date_high")


def apply_review(incident: Incident, review: Review,
                 others: dict[str, Incident] | None = None) -> Incident:
    """The incident after one review (a new object; the input is not changed)."""
    inc = incident.model_copy(deep=True)
    p = review.payload
    if review.action == "accept":
        inc.reviewed = True
    elif review.action == "reject":
        inc.reviewed = True
        inc.grade = "discounted"
        inc.grade_reason = f"rejected by reviewer {review.user}" + (
            f": {review.note}" if review.note else "")
        if "rejected" not in inc.flags:
            inc.flags.append("rejected")
    elif review.action == "edit":
        for name, value in p.items():
            if name in EDITABLE:
                setattr(inc, name, value)
        if "grade" in p and "grade_reason" not in p:
            inc.grade_reason = f"set by reviewer {review.user}" + (
                f": {review.note}" if review.note else "")
        inc.reviewed = True
    elif review.action == "merge":
        if incident.id in p.get("incident_ids", []) and review.incident_id != incident.id:
            flag = f"merged into {review.incident_id}"  # this one was folded into another
            if flag not in inc.flags:
                inc.flags.append(flag)
            return inc
        for other_id in p.get("incident_ids", []):
            other = (others or {}).get(other_id)
            if other is None:
                continue
            inc.mention_ids += [m for m in other.mention_ids if m not in inc.mention_ids]
            known = {s.article_id for s in inc.sources}
            inc.sources += [s for s in other.sources if s.article_id not in known]
        inc.reviewed = True
    elif review.action == "split":
        moved = set(p.get("mention_ids", []))
        inc.mention_ids = [m for m in inc.mention_ids if m not in moved]
        keep = set(p.get("keep_articles", [])) if "keep_articles" in p else None
        if keep is not None:
            inc.sources = [s for s in inc.sources if s.article_id in keep]
        inc.reviewed = True
    return inc


def effective(incident: Incident, reviews: list[Review],
              others: dict[str, Incident] | None = None) -> Incident:
    """The incident with all its reviews applied in time order."""
    for r in sorted(reviews, key=lambda r: r.at):
        incident = apply_review(incident, r, others)
    return incident


def make_review(action: str, incident: Incident, user: str, payload: dict[str, Any],
                note: str = "", others: dict[str, Incident] | None = None) -> Review:
    """A Review with before/after snapshots; raises ReviewError when it cannot apply."""
    draft = Review(action=action, incident_id=incident.id, user=user, at=now_iso(),  # type: ignore[arg-type]
                   payload=payload, note=note)
    after = apply_review(incident, draft, others)
    _check(after)
    draft.before = incident.model_dump(mode="json")
    draft.after = after.model_dump(mode="json")
    return draft


def changed_fields(review: Review) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every field the review changed: the history's diff."""
    before, after = review.before or {}, review.after or {}
    keys = [k for k in after if before.get(k) != after.get(k)]
    return [(k, before.get(k), after.get(k)) for k in keys]

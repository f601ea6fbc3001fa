"""The one review engine: how a person's decision changes the ledger.

A review is a record (records.Review) of one of five actions:
- `edit` — payload {field: value} (older records: {"fields": {...}}) for the fields in
  EDITABLE, each parsed and checked by `parse_field`;
- `accept` — marks the incident reviewed;
- `reject` — grade `discounted` with the reviewer's reason and the flag REJECTED_FLAG:
  the incident stays searchable but no longer counts (ledger.counting);
- `merge` — payload {"incident_ids": [...]}: those incidents are folded into this one,
  which keeps its id (older records may say {"into": id} on the merged-away side);
- `split` — payload {"mention_ids": [...]}: those mentions move out into a new incident
  whose id derives from them.

Reviews are applied where the ledger is written, by the functions here only:
- the resolver calls `apply_reviews` on every freshly resolved ledger (structure first,
  then fields, each in the order the reviews were made), so a re-extraction or a new
  article never undoes a review;
- a new review is applied to the stored ledger at once (`review_changes`, written by
  ledger.write.record_review), giving the same incidents the next resolve run gives.

Every field a review changed keeps its machine value beside it (`Incident.machine`, for
audit). When the machine value of an edited field changes after the review (a new report,
a re-extraction), the review still wins and the incident carries a STALE_FLAG naming the
field, so an editor can look again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, get_args

import pycountry

from strikewatch.errors import InputError
from strikewatch.records import (
    EVENT_TAXONOMY,
    GRADES,
    STATUSES,
    Action,
    Article,
    Domain,
    Incident,
    Mention,
    PlaceKind,
    Review,
    TargetKind,
    stable_id,
)
from strikewatch.validation import InvalidText, canonical_date, check_text

log = logging.getLogger(__name__)

ACTIONS: tuple[str, ...] = ("accept", "edit", "merge", "split", "reject")
STRUCTURE = ("merge", "split")

#: Actor types an editor may choose (the extractor's: extract.actors; records.Actor.type).
ACTOR_TYPES: tuple[str, ...] = ("military", "state_forces", "police", "intelligence",
                                "government", "state", "non_state", "civilians", "person",
                                "unknown")

#: Fields an editor may change, with how a submitted value is parsed (parse_field). A
#: dotted name is a field of the incident's place or of one of its actors ("place.name").
EDITABLE: dict[str, str] = {
    "event_type": "event_type", "sub_event_type": "sub_event_type", "action": "action",
    "target_kind": "target_kind", "domain": "domain", "status": "status",
    "background": "bool", "grade": "grade", "grade_reason": "str",
    "date_low": "date", "date_high": "date", "time_precision": "time_precision",
    "place.name": "str", "place.admin1": "str", "place.country": "country",
    "place.kind": "place_kind", "place.latitude": "latitude", "place.longitude": "longitude",
    "place.geo_precision": "geo_precision",
    "actor1.name": "str", "actor1.type": "actor_type", "actor1.country": "country",
    "actor2.name": "str", "actor2.type": "actor_type", "actor2.country": "country",
    "killed_low": "int", "killed_high": "int", "injured_low": "int", "injured_high": "int",
    "civilians_killed_low": "int", "civilians_killed_high": "int",
    "children_killed_low": "int", "children_killed_high": "int",
    "survivors_low": "int", "survivors_high": "int", "missing_low": "int", "missing_high": "int",
}

#: The closed vocabularies: a value outside these is refused (parse_field), and the page's
#: form offers them as choices. Whole-number codes are listed as text, as forms send them.
CHOICES: dict[str, tuple[str, ...]] = {
    "status": STATUSES, "grade": GRADES, "event_type": tuple(EVENT_TAXONOMY),
    "sub_event_type": tuple(s for subs in EVENT_TAXONOMY.values() for s in subs),
    "action": get_args(Action), "target_kind": get_args(TargetKind),
    "domain": get_args(Domain), "place_kind": get_args(PlaceKind),
    "actor_type": ACTOR_TYPES, "time_precision": ("1", "2", "3"),
    "geo_precision": ("1", "2", "3", "4", "5", "6"), "bool": ("true", "false"),
}
#: Kinds that may not be left empty.
REQUIRED = ("status", "grade", "bool")
#: Count ranges whose low may not be above their high after an edit.
RANGES = ("killed", "injured", "civilians_killed", "children_killed", "survivors", "missing")
SUB_EVENT_TYPES = frozenset(s for subs in EVENT_TAXONOMY.values() for s in subs)

#: The flag a rejected incident carries (one text, wherever it is shown).
REJECTED_FLAG = "rejected in review"
#: The start of the flag an incident carries when a review of it has gone stale.
STALE_FLAG = "review stale"


class ReviewError(InputError):
    """A review that cannot be made (bad value, unknown incident); the message says why."""


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


# --- checking a submitted decision -------------------------------------------------------


def parse_field(name: str, raw: Any) -> Any:
    """A submitted value (form text or JSON) as the field's type; '' or None means 'not
    reported' (None). Raises ReviewError naming the field (and, for a closed vocabulary,
    the choices)."""
    if name not in EDITABLE:
        raise ReviewError(f"cannot edit {name}; editable fields: {', '.join(EDITABLE)}")
    kind = EDITABLE[name]
    text = "" if raw is None else str(raw).strip()
    if kind == "bool" and isinstance(raw, bool):
        return raw
    if text == "":
        if kind in REQUIRED:
            raise ReviewError(f"{name} may not be empty")
        return None
    if kind == "int":
        try:
            value = int(text)
        except ValueError:
            raise ReviewError(f"{name}: {text!r} is not a whole number") from None
        if value < 0:
            raise ReviewError(f"{name}: a count cannot be negative")
        return value
    if kind == "date":  # canonical YYYY-MM-DD in a sane range ("2025W451" is refused)
        try:
            return canonical_date(name, text)
        except InvalidText as exc:
            raise ReviewError(str(exc)) from None
    if kind in ("latitude", "longitude"):
        limit = 90 if kind == "latitude" else 180
        try:
            number = float(text)
        except ValueError:
            raise ReviewError(f"{name}: {text!r} is not a number") from None
        if not -limit <= number <= limit:
            raise ReviewError(f"{name}: {number} is outside -{limit}..{limit}")
        return number
    if kind == "country":  # ISO 3166-1 alpha-2, as every record keeps countries
        code = text.upper()
        if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
            raise ReviewError(f"{name}: {text!r} is not an ISO 3166-1 two-letter country "
                              "code (MX, US, VE…)")
        return code
    if kind == "str":
        return text
    choices = CHOICES[kind]
    if isinstance(raw, bool) or text not in choices:
        raise ReviewError(f"{name}: {text!r} is not one of {', '.join(choices)}")
    if kind in ("time_precision", "geo_precision"):
        return int(text)
    return text == "true" if kind == "bool" else text


def field_value(inc: Incident | Mapping[str, Any], name: str) -> Any:
    """The value of an editable field ("place.name" reads the place's name; None where
    the incident has no place)."""
    value: Any = inc
    for part in name.split("."):
        if value is None:
            return None
        value = value.get(part) if isinstance(value, Mapping) else getattr(value, part)
    return value


def _unchanged(current: Any, raw: Any) -> bool:
    """A submitted value that repeats the current one: a form sends every field back."""
    if raw is None or isinstance(raw, str) and not raw.strip():
        return current is None
    if isinstance(current, bool) or isinstance(raw, bool):
        return str(current).lower() == str(raw).strip().lower()
    return current is not None and str(current) == str(raw).strip()


def with_edits(inc: Incident, edits: Mapping[str, Any]) -> Incident:
    """The incident with these field values set (a place or actor is made when a field of
    it is set, and dropped when all its fields are emptied); ReviewError when the result
    is not a valid incident (an actor's type without a name)."""
    data = inc.model_dump()
    for name, value in edits.items():
        head, _, rest = name.partition(".")
        if not rest:
            data[head] = value
            continue
        data[head] = {**(data.get(head) or {}), rest: value}
    for head in ("place", "actor1", "actor2"):
        sub = data.get(head)
        if isinstance(sub, dict) and not any(v not in (None, "", [], {}) for v in sub.values()):
            data[head] = None
        elif head != "place" and isinstance(sub, dict) and not sub.get("name"):
            raise ReviewError(f"{head}: give the actor a name, or clear its type and "
                              "country too")
    try:
        return Incident.model_validate(data)
    except ValueError as exc:
        raise ReviewError(f"the edited incident is not valid: {exc}") from None


def check_incident(inc: Incident) -> None:
    """Raise ReviewError if an edited incident contradicts itself."""
    for base in RANGES:
        lo, hi = getattr(inc, f"{base}_low"), getattr(inc, f"{base}_high")
        if lo is not None and hi is not None and lo > hi:
            raise ReviewError(f"{base}: low ({lo}) is above high ({hi})")
    if inc.date_low and inc.date_high and inc.date_low > inc.date_high:
        raise ReviewError("date_low is after date_high")


def _ids(name: str, raw: Any) -> list[str]:
    """A list of ids from a list of strings, or from one string separated by commas or
    spaces; ReviewError for anything else (a number, an object)."""
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ReviewError(f"{name} must be a list of ids (strings), or one string of ids "
                          "separated by commas")
    out: list[str] = []
    for item in items:
        out += item.replace(",", " ").split()
    return list(dict.fromkeys(out))


def review_payload(action: str, incident: Incident, data: Mapping[str, Any]) -> dict[str, Any]:
    """The payload of a decision on `incident`, checked; raises ReviewError with a reason
    an editor can act on. `data`: for edit, field -> new value (only changed fields are
    kept); for merge, `incident_ids`; for split, `mention_ids`; accept, reject: nothing."""
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}; one of {', '.join(ACTIONS)}")
    try:  # the store refuses these too (validation.check_review); say why here, as a 400
        check_text("data", dict(data))
    except InvalidText as exc:
        raise ReviewError(str(exc)) from None
    if action == "edit":
        unknown = sorted(k for k in data if k not in EDITABLE and k not in ("action", "note"))
        if unknown:
            raise ReviewError(f"cannot edit {', '.join(unknown)}; editable fields: "
                              f"{', '.join(EDITABLE)}")
        payload = {}
        for name in EDITABLE:
            if name not in data:
                continue
            current = field_value(incident, name)
            if _unchanged(current, data[name]):  # an old value outside today's choices too
                continue
            value = parse_field(name, data[name])
            if value != current:
                payload[name] = value
        if not payload:
            raise ReviewError("nothing was changed")
        after = with_edits(incident, payload)  # an actor's type without a name: refused
        if {"event_type", "sub_event_type"} & set(payload) and after.sub_event_type:
            subs = EVENT_TAXONOMY.get(after.event_type or "", ())
            if after.sub_event_type not in subs:
                owner = next((e for e, v in EVENT_TAXONOMY.items()
                              if after.sub_event_type in v), "no event type")
                raise ReviewError(f"sub_event_type: {after.sub_event_type!r} is a kind of "
                                  f"{owner!r}, not of {after.event_type!r}; change both")
        return payload
    if action == "merge":
        ids = [i for i in _ids("incident_ids", data.get("incident_ids")) if i != incident.id]
        if not ids:
            raise ReviewError("give the id of at least one other incident to merge")
        return {"incident_ids": ids}
    if action == "split":
        moved = [m for m in _ids("mention_ids", data.get("mention_ids"))
                 if m in incident.mention_ids]
        if not moved or len(moved) == len(incident.mention_ids):
            raise ReviewError("choose some, but not all, of the mentions to split off")
        return {"mention_ids": moved}
    return {}


# --- applying reviews ---------------------------------------------------------------------


def _edits(review: Review) -> dict[str, Any]:
    """The fields an edit sets, from any of the payload forms written so far."""
    p = review.payload or {}
    changes = p["fields"] if isinstance(p.get("fields"), dict) else p
    if not changes and review.after and review.before:  # only the snapshots were kept
        return {k: v for k, v in review.after.items()
                if k in EDITABLE and review.before.get(k) != v}
    out = {}
    for k, v in changes.items():
        if k in EDITABLE:
            out[k] = v
        elif k != "keep_articles":
            log.warning("review %s: field %s cannot be edited; ignored", review.id, k)
    return out


def _seen_machine(review: Review, name: str) -> Any:
    """The machine value of a field when the review was made (None if not recorded)."""
    before = review.before or {}
    machine = before.get("machine") or {}
    return machine[name] if name in machine else field_value(before, name)


def apply_fields(inc: Incident, review: Review) -> Incident:
    """The incident after one accept, edit or reject (a new object). The machine value of
    every field changed is kept in `machine`; a field whose machine value moved since the
    review was made is flagged stale (the review still wins)."""
    update: dict[str, Any] = {"reviewed": True}
    machine = dict(inc.machine)
    flags = list(inc.flags)
    changes: dict[str, Any] = {}
    edited: dict[str, Any] = {}
    if review.action == "edit":
        edited = _edits(review)
        changes = dict(edited)
        if "grade" in changes and "grade_reason" not in changes:
            changes["grade_reason"] = f"set by reviewer {review.user}" + (
                f": {review.note}" if review.note else "")
    elif review.action == "reject":
        changes = {"grade": "discounted", "grade_reason": f"rejected by reviewer {review.user}"
                   + (f": {review.note}" if review.note else "")}
        if REJECTED_FLAG not in flags:
            flags.append(REJECTED_FLAG)
    for name in changes:
        current = machine.get(name, field_value(inc, name))
        machine.setdefault(name, field_value(inc, name))
        if name in edited and review.before and _recorded(review.before, name):
            seen = _seen_machine(review, name)
            if seen != current:
                flag = (f"{STALE_FLAG}: {name} is now reported as {current} "
                        f"(was {seen} when {review.user} edited it)")
                if flag not in flags:
                    flags.append(flag)
    update.update(machine=machine, flags=flags)
    try:
        edited_inc = with_edits(inc, changes)
        return Incident.model_validate({**edited_inc.model_dump(), **update})
    except (ValueError, ReviewError) as exc:
        log.warning("review %s: invalid edit of %s (%s); skipped", review.id, inc.id, exc)
        return inc


def _recorded(before: Mapping[str, Any], name: str) -> bool:
    """Whether the incident as the editor saw it was recorded with this field (a place's
    name: with the place, None where it had none)."""
    return name.split(".", 1)[0] in before


def machine_values(inc: Incident) -> Incident:
    """The incident with the machine's value back in every field a review changed."""
    if not inc.machine:
        return inc
    try:
        return with_edits(inc, inc.machine).model_copy(update={"machine": {}})
    except ReviewError:  # a machine value that no longer fits: show the incident as is
        return inc.model_copy(update={"machine": {}})


def last_edits(reviews: Iterable[Review]) -> dict[str, Review]:
    """For each field, the latest review that set it (an edit, or a reject's grade): who
    changed the value shown, and when."""
    out: dict[str, Review] = {}
    for r in sorted(reviews, key=lambda r: (r.at, r.id)):
        if r.action == "edit":
            for name in _edits(r):
                out[name] = r
        elif r.action == "reject":
            out["grade"] = out["grade_reason"] = r
    return out


def _locate(review: Review, incidents: Mapping[str, Incident]) -> str | None:
    """The incident a review applies to: its own id, else (the id moved: a backfilled
    earlier article re-anchored it) the one holding most of the mentions it named. An edit
    follows the reports it was made on: where a re-run moved most of them out of the
    incident with its id (a report attached after clustering came loose again and took the
    id with it), the edit goes with the reports, so an editor's value is never lost."""
    wanted = set((review.before or {}).get("mention_ids") or [])
    if review.action == "split":
        wanted |= set(review.payload.get("mention_ids") or [])
    own = incidents.get(review.incident_id)
    if own is not None and (not wanted or review.action != "edit"):
        return review.incident_id
    if not wanted:
        return None
    best = max(incidents.values(), key=lambda i: (len(wanted & set(i.mention_ids)), i.id),
               default=None)
    if best is None or not wanted & set(best.mention_ids):
        return review.incident_id if own is not None else None
    if own is not None and \
            len(wanted & set(own.mention_ids)) >= len(wanted & set(best.mention_ids)):
        return review.incident_id  # an edit stays with its id while that holds most reports
    return best.id


def review_scope(reviews: Iterable[Review]) -> tuple[set[str], set[str]]:
    """(incident ids, mention ids) these reviews name: apply_reviews changes, or looks
    for, only incidents with one of these ids or holding one of these mentions, so the
    rest of a ledger can be written without them (resolve.streamed holds back only these)."""
    incident_ids: set[str] = set()
    mention_ids: set[str] = set()
    for r in reviews:
        incident_ids.add(r.incident_id)
        mention_ids.update((r.before or {}).get("mention_ids") or [])
        if r.action == "merge":
            incident_ids.update(r.payload.get("incident_ids") or [])
            if r.payload.get("into"):
                incident_ids.add(r.payload["into"])
        elif r.action == "split":
            mention_ids.update(r.payload.get("mention_ids") or [])
    return incident_ids, mention_ids


def split_id(mention_ids: Iterable[str]) -> str:
    """The id of the incident a split makes of these mentions."""
    return stable_id("incident", "split", *sorted(mention_ids))


def _rebuild(iid: str, mention_ids: Iterable[str], mentions: Mapping[str, Mention],
             articles: Mapping[str, Article]) -> Incident:
    from strikewatch.resolve.merging import build_incident  # the merge rules (no cycle)

    ms = [mentions[m] for m in sorted(set(mention_ids)) if m in mentions]
    return build_incident(ms, articles).model_copy(update={"id": iid, "reviewed": True})


def apply_structure(ledger: dict[str, Incident], review: Review,
                    mentions: Mapping[str, Mention], articles: Mapping[str, Article]) -> None:
    """Apply one merge or split to `ledger` (id -> incident) in place; merged and split
    incidents are re-merged and re-graded from their mentions."""
    target = _locate(review, ledger)
    if target is None:
        log.warning("review %s: incident %s not found; skipped", review.id, review.incident_id)
        return
    if review.action == "merge":
        into = review.payload.get("into")
        if into:  # older records name the merged-away side too: {"into": target}
            if into in ledger and into != target:
                ids = [*ledger[into].mention_ids, *ledger.pop(target).mention_ids]
                ledger[into] = _rebuild(into, ids, mentions, articles)
            return
        others = [o for o in review.payload.get("incident_ids", [])
                  if o in ledger and o != target]
        if not others:
            log.warning("review %s: nothing to merge into %s", review.id, target)
            return
        ids = list(ledger[target].mention_ids)
        for o in others:
            ids += ledger.pop(o).mention_ids
        ledger[target] = _rebuild(target, ids, mentions, articles)
        return
    move = set(review.payload.get("mention_ids", [])) & set(ledger[target].mention_ids)
    keep = [m for m in ledger[target].mention_ids if m not in move]
    if not move or not keep:
        log.warning("review %s: split of %s moves nothing or everything", review.id, target)
        return
    ledger[target] = _rebuild(target, keep, mentions, articles)
    new_id = split_id(move)
    ledger[new_id] = _rebuild(new_id, move, mentions, articles)


def apply_reviews(
    incidents: Iterable[Incident],
    reviews: Iterable[Review],
    mentions: Mapping[str, Mention],
    articles: Mapping[str, Article],
) -> list[Incident]:
    """The ledger after the reviews: merges and splits first, then accepts, edits and
    rejects, each in the order made (`at`, then id). `mentions` maps every event mention
    id to its mention. A review that cannot be placed is skipped with a warning, never an
    error for the batch."""
    ledger = {i.id: i for i in incidents}
    ordered = sorted(reviews, key=lambda r: (r.at, r.id))
    for r in ordered:
        if r.action in STRUCTURE:
            apply_structure(ledger, r, mentions, articles)
    for r in ordered:
        if r.action in STRUCTURE:
            continue
        target = _locate(r, ledger)
        if target is None:
            log.warning("review %s: incident %s not found; skipped", r.id, r.incident_id)
            continue
        ledger[target] = apply_fields(ledger[target], r)
    return sorted(ledger.values(), key=lambda i: i.id)


def review_changes(
    review: Review,
    stored: Mapping[str, Incident],
    earlier: Sequence[Review],
    mentions: Mapping[str, Mention],
    articles: Mapping[str, Article],
) -> tuple[list[Incident], list[str]]:
    """What a new review does to the stored (already reviewed) ledger: (incidents new or
    changed, ids removed). `stored` holds the incidents it names; `earlier`, the reviews
    already recorded on them, re-applied after a merge or split re-merges from mentions,
    as the resolver does (structure first, then fields). Where the stored incidents'
    mentions are not all known (a ledger written by hand), a merge unites mentions and
    sources and a split moves mentions without re-merging."""
    target = stored.get(review.incident_id)
    if target is None:
        raise ReviewError(f"no incident with id {review.incident_id!r}")
    if review.action not in STRUCTURE:
        return [apply_fields(target, review)], []
    ledger = dict(stored)
    known = all(i.mention_ids and all(m in mentions for m in i.mention_ids)
                for i in stored.values())
    if known:
        apply_structure(ledger, review, mentions, articles)
        for r in sorted(earlier, key=lambda r: (r.at, r.id)):
            if r.action not in STRUCTURE and (where := _locate(r, ledger)) is not None:
                ledger[where] = apply_fields(ledger[where], r)
    elif review.action == "merge":
        inc = target.model_copy(deep=True)
        for oid in review.payload.get("incident_ids", []):
            other = ledger.pop(oid, None)
            if other is None or oid == target.id:
                continue
            inc.mention_ids += [m for m in other.mention_ids if m not in inc.mention_ids]
            seen = {s.article_id for s in inc.sources}
            inc.sources += [s for s in other.sources if s.article_id not in seen]
        inc.reviewed = True
        ledger[target.id] = inc
    else:
        moved = set(review.payload.get("mention_ids", []))
        ledger[target.id] = target.model_copy(update={
            "mention_ids": [m for m in target.mention_ids if m not in moved], "reviewed": True})
    removed = [i for i in stored if i not in ledger]
    changed = [inc for iid, inc in ledger.items() if stored.get(iid) != inc]
    return changed, removed


def make_review(action: str, incident: Incident, user: str, payload: dict[str, Any],
                note: str = "") -> Review:
    """A Review made now, with the incident as the editor saw it (`before`)."""
    return Review(action=action, incident_id=incident.id, user=user,  # type: ignore[arg-type]
                  at=now_iso(), payload=payload, note=note[:2000],
                  before=incident.model_dump(mode="json"))


def changed_fields(review: Review) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every field the review changed: the history's diff."""
    before, after = review.before or {}, review.after or {}
    skip = {"machine", "reviewed"}
    out = []
    for k in after:
        if k in skip or before.get(k) == after.get(k):
            continue
        if k in ("place", "actor1", "actor2"):  # one row per field of it that changed
            b, a = before.get(k) or {}, after.get(k) or {}
            out += [(f"{k}.{f}", b.get(f), a.get(f)) for f in dict.fromkeys([*b, *a])
                    if b.get(f) != a.get(f)]
        else:
            out.append((k, before.get(k), after.get(k)))
    return out

"""Grades after Airwars (DESIGN.md), each with the reason a reader is shown.

Order of the rules, first that applies wins:
1. discounted — no source reports that it happened and at least two independent origins
   deny it (or a reviewer rejected it, see reviews.py);
2. contested — it is reported and denied, or sources disagree on who acted or on what
   happened (different perpetrators / event types), or only a single denial is on record;
3. confirmed — a named, on-record source of the acting party acknowledges it (an office or
   body such as "US Southern Command" or "the defense secretary"; "a US official" is not);
4. fair — two or more independent credible sources (independence is by origin: copies of
   one wire story are one source; a report only hedged ("reportedly") with nobody to
   attribute it to is not credible);
5. weak — otherwise (one source, or one wire story run by many outlets).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pycountry

from strikewatch.records import Actor, Article, Attribution, Grade, Mention

_WORD = re.compile(r"[a-z0-9]+")
_GENERIC = {
    "forces", "force", "military", "army", "navy", "air", "the", "of", "armed", "troops",
    "government", "officials", "official", "ministry", "department", "command", "spokesperson",
    "spokesman", "spokeswoman", "said", "and", "defense", "defence",
}
_ON_RECORD_KINDS = {"military", "government", "official"}
_UNNAMED = {"a", "an", "one", "two", "three", "senior", "source", "sources", "person", "people",
            "u", "s", "american", "officer", "officers", "representative", "aide", "aides"}


def _words(s: str | None) -> set[str]:
    return set(_WORD.findall(s.lower())) if s else set()


def _country_words(code: str) -> set[str]:
    words = {code.lower()}
    c = pycountry.countries.get(alpha_2=code.upper())
    if c is not None:
        for attr in ("name", "common_name", "official_name"):
            val = getattr(c, attr, None)
            if val:
                words.add(val.lower())
    return words


def acknowledges(att: Attribution, actor: Actor | None) -> bool:
    """Does this attribution come, on the record, from the acting party itself?"""
    if actor is None or att.anonymous or att.kind not in _ON_RECORD_KINDS:
        return False
    text = " ".join(x for x in (att.name, att.affiliation) if x).lower()
    if not text:
        return False
    country = _country_words(actor.country) if actor.country else set()
    country_tokens = {t for w in country for t in _WORD.findall(w)}
    if not _words(att.name) - _GENERIC - _UNNAMED - country_tokens:
        return False  # "a US official", "officials": not the party speaking on the record
    if actor.country:
        for w in country:
            if (" " in w and w in text) or w in _words(text):
                return True
    specific = _words(actor.name) - _GENERIC
    return bool(specific and specific <= _words(text))


def grade(
    status: str,
    mentions: Sequence[Mention],
    articles: Mapping[str, Article],
    actor1: Actor | None,
    flags: Sequence[str],
) -> tuple[Grade, str]:
    """The grade of an incident made of these mentions, and why."""

    def origin(m: Mention) -> str:
        a = articles.get(m.article_id)
        return (a.origin_id if a else "") or m.article_id

    reporting = [m for m in mentions if m.status == status]
    denials = [m for m in mentions if m.status == "denied"]
    deniers = sorted({att.name or att.affiliation or att.kind for m in denials
                      for att in m.attribution if att.name or att.affiliation} or {"a source"})
    report_origins = sorted({origin(m) for m in reporting})
    if status == "denied":
        denial_origins = {origin(m) for m in denials}
        if len(denial_origins) >= 2:
            return "discounted", (
                f"shown not to have happened: denied in {len(denial_origins)} independent "
                f"sources ({', '.join(deniers)}) and no source reports that it happened"
            )
        return "contested", f"only a denial is on record ({', '.join(deniers)})"
    if denials and status == "occurred":
        return "contested", (
            f"reported as having happened by {len(report_origins)} independent source(s) "
            f"but denied by {', '.join(deniers)}"
        )
    disagreements = [f for f in flags if f.startswith(("actor1:", "event_type:"))]
    if disagreements:
        return "contested", "sources disagree: " + "; ".join(disagreements)
    for m in reporting:
        for att in m.attribution:
            if acknowledges(att, actor1):
                who = att.name or att.affiliation
                return "confirmed", f"acknowledged by the acting party ({who})"
    credible = sorted({origin(m) for m in reporting if not m.hedges or m.attribution})
    if len(credible) >= 2:
        return "fair", f"{len(credible)} independent credible sources"
    n_articles = len({m.article_id for m in reporting})
    if n_articles > 1 and len(report_origins) == 1:
        return "weak", f"single source: {n_articles} articles are copies of one story"
    if reporting and not credible:
        return "weak", "only hedged reports with no attributed source"
    if len(report_origins) > 1:  # "single source" would contradict the sources listed
        return "weak", (f"{len(report_origins)} independent sources, but only one credible "
                        "(the others hedged, with no attributed source)")
    return "weak", "single source"

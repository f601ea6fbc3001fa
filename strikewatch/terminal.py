"""What the command line prints: tables sized to the terminal, and csv/json for scripts.

A table row is one line. At 80 columns (a laptop terminal, or any pipe, where Rich assumes
80) the incident table keeps what a reader scans for (date, place, status, killed, grade,
independent sources); wider terminals add the id, the event type and the actors. Columns
whose values must be read whole (dates, statuses, counts) are never cut; only free text
(place, actors, claimed by) is shortened with "…".

Every value that comes from an article is wrapped in `Text`, so "[red]" in a headline is
printed as written, never read as Rich markup.
"""

from __future__ import annotations

import calendar
import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from rich import box
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from strikewatch.records import Incident, Tally

#: --format values of the listing commands.
LIST_FORMATS = ("table", "csv", "json", "jsonl")

#: The space between two columns of a table (box.SIMPLE_HEAD with padding 1 each side).
GAP = 2


def fmt_range(low: int | None, high: int | None) -> str:
    """A count range as people read it: 3, 3–5, ≥65, ≤12, or ? when not reported."""
    if low is None and high is None:
        return "?"
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}–{high}"
    return f"≥{low}" if low is not None else f"≤{high}"


def fmt_dates(low: str | None, high: str | None) -> str:
    """A date interval as short as it can be said: 2025-11-08, 2025-11-08–09, 2025-11, 1916.

    A whole calendar year or month (how "in 1916" or "in March" is stored) prints as that
    year or month; other intervals print both ends, dropping the repeated year.
    """
    if not low and not high:
        return "?"
    if not low or not high:
        return f"≥{low}" if low else f"≤{high}"
    if low == high:
        return low
    if len(low) == len(high) == 10:
        ly, lm, ld = low.split("-")
        hy, hm, hd = high.split("-")
        if ly == hy and (lm, ld, hm, hd) == ("01", "01", "12", "31"):
            return ly
        last = calendar.monthrange(int(ly), int(lm))[1] if lm.isdigit() and ly.isdigit() else 0
        if (ly, lm) == (hy, hm):
            return f"{ly}-{lm}" if (ld, int(hd)) == ("01", last) else f"{low}–{hd}"
        if ly == hy:
            return f"{low}–{hm}-{hd}"
    return f"{low} – {high}"


def place_label(incident: Incident) -> str:
    """Where, as one short phrase: the place's name, with the country code when it adds one."""
    place = incident.place
    if place is None:
        return "?"
    where = place.name or place.country or "?"
    if place.country and place.name and place.country not in where and place.kind != "country":
        where += f" ({place.country})"
    return where


def status_label(incident: Incident) -> str:
    return incident.status + (" (bg)" if incident.background else "")


def origin_count(incident: Incident) -> int:
    """Independent sources: articles that are copies of one origin count once."""
    return len({s.origin_id or s.article_id for s in incident.sources})


@dataclass(frozen=True)
class Column:
    """One table column: its header, its cell, and whether it may be shortened."""

    header: str
    cell: Callable[[Any], str]
    flexible: bool = False  # free text: shortened with "…" to fit; others are never cut
    right: bool = False
    min_width: int = 0  # the columns this needs before it is worth showing (flexible only)


INCIDENT_COLUMNS = {
    "date": Column("date", lambda i: fmt_dates(i.date_low, i.date_high)),
    "place": Column("place", place_label, flexible=True, min_width=20),
    "status": Column("status", status_label),
    "killed": Column("killed", lambda i: fmt_range(i.killed_low, i.killed_high), right=True),
    "grade": Column("grade", lambda i: i.grade),
    "src": Column("src", lambda i: str(origin_count(i)), right=True),
    "id": Column("id", lambda i: i.id),
    "type": Column("type", lambda i: i.sub_event_type or i.event_type or "?",
                   flexible=True, min_width=16),
    "actors": Column("actors", lambda i: " → ".join(
        a.name for a in (i.actor1, i.actor2) if a is not None), flexible=True, min_width=16),
}
#: Which incident columns to show, widest terminals first; the first set that fits wins.
INCIDENT_LAYOUTS = (
    ("id", "date", "place", "type", "status", "killed", "grade", "src", "actors"),
    ("id", "date", "place", "type", "status", "killed", "grade", "src"),
    ("id", "date", "place", "status", "killed", "grade", "src"),
    ("date", "place", "status", "killed", "grade", "src"),
)


def _claimed_by(t: Tally) -> str:
    return ", ".join(a.name or a.kind for a in t.attribution) or ", ".join(
        dict.fromkeys(s.publisher or "?" for s in t.sources))


def _vs_ledger(t: Tally) -> str:
    rec = t.reconciliation
    return rec.state + (f" ({rec.difference:+d})" if rec.difference is not None else "")


TALLY_COLUMNS = {
    "id": Column("id", lambda t: t.id),
    "period": Column("period", lambda t: fmt_dates(t.period_low, t.period_high)),
    "strikes": Column("strikes", lambda t: fmt_range(t.strikes_low, t.strikes_high), right=True),
    "killed": Column("killed", lambda t: fmt_range(t.killed_low, t.killed_high), right=True),
    "claimed by": Column("claimed by", _claimed_by, flexible=True, min_width=12),
    "vs ledger": Column("vs ledger", _vs_ledger),
}
TALLY_LAYOUTS = (
    ("id", "period", "strikes", "killed", "claimed by", "vs ledger"),
    ("period", "strikes", "killed", "claimed by", "vs ledger"),
)


def fit_table(rows: Sequence[Any], columns: dict[str, Column],
              layouts: Sequence[Sequence[str]], width: int, title: str | None = None,
              caption: str | None = None) -> Table:
    """The widest layout whose columns fit `width` with every row on one line.

    Fixed columns get exactly their longest value; flexible ones share what is left and
    shorten their values with "…". The last layout is used when none fits.
    """
    cells = {name: [col.cell(r) for r in rows] for name, col in columns.items()}

    def natural(name: str) -> int:
        return max([len(columns[name].header), *(len(c) for c in cells[name])])

    chosen: Sequence[str] = layouts[-1]
    for layout in layouts:
        fixed = sum(natural(n) for n in layout if not columns[n].flexible)
        flex_need = sum(min(natural(n), columns[n].min_width)
                        for n in layout if columns[n].flexible)
        if fixed + flex_need + GAP * (len(layout) - 1) <= width:
            chosen = layout
            break
    table = Table(title=title, caption=caption, title_justify="left", caption_justify="left",
                  box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1),
                  collapse_padding=True)
    fixed = sum(natural(n) for n in chosen if not columns[n].flexible)
    flexible = [n for n in chosen if columns[n].flexible]
    room = max(width - fixed - GAP * (len(chosen) - 1), 0)
    share = _share(room, [natural(n) for n in flexible])
    for name in chosen:
        col = columns[name]
        size = share[flexible.index(name)] if col.flexible else natural(name)
        table.add_column(col.header, justify="right" if col.right else "left", no_wrap=True,
                         overflow="ellipsis", width=max(size, 1))
    for i in range(len(rows)):
        table.add_row(*(Text(cells[name][i]) for name in chosen))
    return table


def _share(room: int, wants: list[int]) -> list[int]:
    """Split `room` among columns wanting `wants`: none gets more than it wants, the rest
    is divided evenly (so one long actor list cannot starve the place column)."""
    sizes = [0] * len(wants)
    left = list(range(len(wants)))
    while left and room > 0:
        even = room // len(left)
        if even == 0:
            break
        done = [i for i in left if wants[i] - sizes[i] <= even]
        if not done:
            for i in left:
                sizes[i] += even
            room -= even * len(left)
            break
        for i in done:
            room -= wants[i] - sizes[i]
            sizes[i] = wants[i]
            left.remove(i)
    return sizes


def incident_table(incidents: Sequence[Incident], width: int,
                   title: str | None = None) -> Table:
    shown = any(i.background for i in incidents)
    caption = ("src = independent sources (copies count once)"
               + ("; (bg) = background, not news" if shown else ""))
    return fit_table(incidents, INCIDENT_COLUMNS, INCIDENT_LAYOUTS, width, title, caption)


def tally_table(tallies: Sequence[Tally], width: int) -> Table:
    return fit_table(tallies, TALLY_COLUMNS, TALLY_LAYOUTS, width,
                     title="Tallies (aggregate claims, never added to the ledger)")


def write_records(fmt: str, records: Iterable[Any], out: TextIO = sys.stdout,
                  csv_rows: Callable[[Iterable[Any], TextIO], int] | None = None) -> None:
    """Records for scripts: `json` (one array), `jsonl` (one object a line) or `csv`."""
    if fmt == "csv":
        assert csv_rows is not None
        csv_rows(records, out)
        return
    # serialize_as_any: evidence spans keep their sentences (ledger.evidence)
    dumped = (r.model_dump(mode="json", serialize_as_any=True) for r in records)
    if fmt == "jsonl":
        for rec in dumped:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        json.dump(list(dumped), out, ensure_ascii=False, indent=1)
        out.write("\n")


def write_tally_csv(tallies: Iterable[Tally], out: TextIO) -> int:
    """Tallies as CSV: the flat fields of spec/records.md, lists joined with "; "."""
    columns = ("id", "period_low", "period_high", "strikes_low", "strikes_high",
               "killed_low", "killed_high", "claimed_by", "reconciliation",
               "difference", "source_count", "source_urls")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for t in tallies:
        writer.writerow([
            t.id, t.period_low or "", t.period_high or "", _blank(t.strikes_low),
            _blank(t.strikes_high), _blank(t.killed_low), _blank(t.killed_high),
            _claimed_by(t), t.reconciliation.state, _blank(t.reconciliation.difference),
            len(t.sources), "; ".join(s.url for s in t.sources if s.url),
        ])
        n += 1
    return n


def _blank(value: int | None) -> str:
    return "" if value is None else str(value)
